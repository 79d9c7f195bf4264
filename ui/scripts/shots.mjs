// DEV ONLY: screenshots of the fake-API build for looking at the UI (not a test of the app).
// Usage: npx vite build --mode fake --outDir dist-fake && node scripts/shots.mjs
import { chromium } from "playwright-core";
import { preview } from "vite";
import { mkdirSync } from "node:fs";

// The app's CSP (DESIGN.md, Security), so a violation shows up here first.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src ipc: http://ipc.localhost; img-src 'self' blob: data:; object-src 'none'; frame-src 'none'";

const out = process.env.SHOTS_DIR ?? "shots";
mkdirSync(out, { recursive: true });
const server = await preview({ build: { outDir: "dist-fake" }, preview: { port: 4174, strictPort: true, headers: { "Content-Security-Policy": CSP } }, mode: "fake" });
const base = "http://localhost:4174/";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const errors = [];
async function page(scheme = "light") {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, colorScheme: scheme });
  const p = await ctx.newPage();
  p.on("pageerror", (e) => errors.push(String(e)));
  p.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) errors.push(m.text()); });
  p.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  return p;
}
const shot = (p, name) => p.screenshot({ path: `${out}/${name}.png` });
const only = process.argv[2];
const want = (n) => !only || only.split(",").includes(n);

if (want("start")) {
  const p = await page();
  await p.goto(base + "?fake");
  await p.waitForSelector('[data-testid="recent-file"]');
  await shot(p, "start-light");
  const d = await page("dark");
  await d.goto(base + "?fake");
  await d.waitForSelector('[data-testid="recent-file"]');
  await shot(d, "start-dark");
}
for (const [name, demo, scheme] of [["map-light", "demo", "light"], ["map-dark", "demo", "dark"], ["map-big", "big", "light"], ["map-empty", "empty", "light"]]) {
  if (!want(name)) continue;
  const p = await page(scheme);
  await p.goto(base + `?fake&demo=${demo}`);
  await p.click('[data-testid="btn-open-demo"]');
  await p.waitForSelector('[data-testid="map-canvas"]');
  await p.waitForTimeout(200);
  await shot(p, name);
  if (name === "map-light") {
    // Select the blind handoff and look at the inspector.
    const h = p.locator('[data-testid="handoff"][data-mode="blind"] path.hit');
    await h.dispatchEvent("pointerdown", { button: 0, clientX: 0, clientY: 0 });
    await p.waitForTimeout(100);
    await shot(p, "handoff-selected");
    const card = p.locator('[data-testid="card"]').nth(6);
    const box = await card.boundingBox();
    await p.mouse.click(box.x + 30, box.y + 10);
    await p.waitForTimeout(100);
    await shot(p, "card-selected");
    await p.keyboard.press("Control+f");
    await p.keyboard.type("card");
    await p.keyboard.press("Enter");
    await p.waitForTimeout(100);
    await shot(p, "find");
    await p.keyboard.press("Escape");
    await p.keyboard.press("Shift+?");
    await p.waitForTimeout(100);
    await shot(p, "help");
    await p.keyboard.press("Escape");
    await p.click('[data-testid="btn-present"]');
    await p.waitForTimeout(300);
    await p.keyboard.press("ArrowRight");
    await p.waitForTimeout(150);
    await shot(p, "present");
  }
  if (name === "map-big") {
    await p.click('[data-testid="btn-zoom-fit"]');
    await p.waitForTimeout(200);
    await shot(p, "map-big-fit");
  }
}
// Insights: the panel, a hotspot and a suggestion clicked, the friction view, a scored card in
// the inspector, dark mode, and the empty state.
for (const [name, scheme] of [["insights-light", "light"], ["insights-dark", "dark"]]) {
  if (!want(name)) continue;
  const p = await page(scheme);
  await p.goto(base + "?fake&demo=demo");
  await p.click('[data-testid="btn-open-demo"]');
  await p.waitForSelector('[data-testid="score-badge"]');
  await p.click('[data-testid="btn-insights"]');
  await p.waitForSelector('[data-testid="insights-panel"] [data-testid="suggestion"]');
  await p.waitForTimeout(150);
  await shot(p, `${name}-panel`);
  await p.click('[data-testid="hotspot"][data-kind="step"]');
  await p.waitForTimeout(200);
  await shot(p, `${name}-hotspot`);
  await p.click('[data-testid="suggestion"]');
  await p.waitForTimeout(200);
  await shot(p, `${name}-evidence`);
  await p.keyboard.press("Escape");
  await p.click('[data-testid="btn-friction-view"]');
  await p.waitForTimeout(150);
  await shot(p, `${name}-friction`);
  await p.click('[data-testid="btn-friction-view"]');
  await p.click('[data-testid="btn-insights"]');
  // The worst card: its chart and verbatims in the inspector.
  const card = p.locator('[data-testid="card"]', { hasText: "Re-verify identity" });
  const box = await card.boundingBox();
  await p.mouse.click(box.x + 40, box.y + box.height - 12);
  await p.waitForSelector('[data-testid="inspector-score-chart"]');
  await p.locator('[data-testid="inspector-scores"]').scrollIntoViewIfNeeded();
  await p.waitForTimeout(150);
  await shot(p, `${name}-inspector`);
  // The blind handoff: friction breakdown, chain note, its own score.
  const h = p.locator('[data-testid="handoff"][data-mode="blind"] path.hit');
  await h.dispatchEvent("pointerdown", { button: 0, clientX: 0, clientY: 0 });
  await p.waitForSelector('[data-testid="inspector-friction"]');
  await p.locator('[data-testid="inspector-friction"]').scrollIntoViewIfNeeded();
  await p.waitForTimeout(150);
  await shot(p, `${name}-handoff`);
}
if (want("insights-big")) {
  // 40 stages x 30 lanes: the panel's lists stay capped, the friction view stays readable.
  const p = await page();
  await p.goto(base + "?fake&demo=big");
  await p.click('[data-testid="btn-open-demo"]');
  await p.waitForSelector('[data-testid="map-canvas"]');
  await p.keyboard.press("i");
  await p.keyboard.press("f");
  await p.waitForSelector('[data-testid="insights-panel"] [data-testid="insight-metric"]');
  await p.waitForTimeout(200);
  await shot(p, "insights-big");
}
if (want("insights-empty")) {
  const p = await page();
  await p.goto(base + "?fake&demo=empty");
  await p.click('[data-testid="btn-open-demo"]');
  await p.waitForSelector('[data-testid="map-canvas"]');
  await p.keyboard.press("i");
  await p.waitForSelector('[data-testid="insights-empty"]');
  await shot(p, "insights-empty");
}

await browser.close();
await server.close();
if (errors.length) { console.error("page errors:\n" + errors.join("\n")); process.exitCode = 1; }
