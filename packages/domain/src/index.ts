export * from "./identifiers/uscc.js";
export * from "./regions.js";
export * from "./random.js";
export * from "./taxonomy/business-forms.js";
export * from "./demo/demo-businesses.js";
export * from "./workflow/application-workflow.js";
