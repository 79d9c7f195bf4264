import "./styles/app.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { setApi } from "./lib/api";

async function start(): Promise<void> {
  // Dev-only: `vite build --mode fake` (never the shipped build) swaps in an in-memory API when
  // the page is opened with ?fake, for screenshots without the Rust shell.
  if (import.meta.env.MODE === "fake" && new URLSearchParams(location.search).has("fake")) {
    const { createFakeApi } = await import("./dev/fake");
    setApi(createFakeApi(new URLSearchParams(location.search)));
  }
  const target = document.getElementById("app");
  if (target) mount(App, { target });
}

void start();
