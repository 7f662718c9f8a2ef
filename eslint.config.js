// @ts-check
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "data/**", "packages/server/drizzle/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // SQL is built with drizzle's sql`` template or query builder, never by string concatenation (SECURITY.md #9).
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='raw'][callee.object.name='sql']",
          message: "sql.raw builds SQL from strings; use sql`` with parameters (SECURITY.md #9).",
        },
      ],
    },
  },
);
