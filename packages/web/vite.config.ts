import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In development, `vite` serves the app and forwards API calls to a running `shian serve`.
const apiTarget = process.env.SHIAN_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    assetsDir: "assets",
    emptyOutDir: true,
    // The entry holds React, the router and the antd core the login page needs (~250 kB gzip);
    // each shell is a separate chunk loaded after sign-in.
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { "/api": apiTarget } },
});
