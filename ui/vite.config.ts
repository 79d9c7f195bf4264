import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// Tauri serves ui/dist; the dev server port is fixed so tauri.conf.json can point at it.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    outDir: "dist",
    target: "es2022",
    // No inline scripts anywhere: the CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // Rune classes' tests run Svelte's client runtime, so their effects run.
    environmentMatchGlobs: [["src/**/*.svelte.test.ts", "./vitest.web-env.ts"]],
    server: { deps: { inline: ["svelte"] } },
  },
});
