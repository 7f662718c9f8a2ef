import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In development, `vite` serves the app and forwards API calls to a running `shian serve`.
const apiTarget = process.env.SHIAN_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  base: "/",
  plugins: [react()],
  resolve: {
    // The domain package is pure TypeScript: the app bundles its sources (names, taxonomy) directly.
    alias: { "@shian/domain": fileURLToPath(new URL("../domain/src/index.ts", import.meta.url)) },
  },
  build: {
    outDir: "dist",
    assetsDir: "assets",
    emptyOutDir: true,
    // The entry holds React, the router and the antd core the login page needs (~250 kB gzip);
    // each shell is a separate chunk loaded after sign-in.
    chunkSizeWarningLimit: 800,
    // The domain package has no side effects (rule 9): the app keeps only the names and rules it imports.
    rolldownOptions: {
      treeshake: { moduleSideEffects: [{ test: /\/packages\/domain\/src\//, sideEffects: false }] },
    },
  },
  server: { proxy: { "/api": apiTarget } },
});
