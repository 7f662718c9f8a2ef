export * from "./checklist.js";
export * from "./sanctions.js";
