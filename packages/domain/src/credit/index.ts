export * from "./model.js";
export * from "./facts.js";
