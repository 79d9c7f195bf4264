// A Node test environment that loads modules as the browser does (Svelte's client runtime, so
// effects run), without a DOM: for the tests of rune classes (src/**/*.svelte.test.ts).
import type { Environment } from "vitest/environments";

export default <Environment>{
  name: "node-client",
  viteEnvironment: "client",
  transformMode: "web",
  setup() {
    return { teardown() {} };
  },
};
