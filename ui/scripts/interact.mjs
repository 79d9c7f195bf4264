// DEV ONLY: drives the fake-API build through the main gestures and prints what happened, so
// the developer can see the editor work without the Rust shell. Not a test of the app.
import { chromium } from "playwright-core";
import { preview } from "vite";
import { mkdirSync } from "node:fs";

// The app's CSP (DESIGN.md, Security), so a violation shows up here first.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src ipc: http://ipc.localhost; img-src 'self' blob: data:; object-src 'none'; frame-src 'none'";

mkdirSync("shots", { recursive: true });
const server = await preview({ build: { outDir: "dist-fake" }, preview: { port: 4175, strictPort: true, headers: { "Content-Security-Policy": CSP } }, mode: "fake" });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const p = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
const errors = [];
p.on("pageerror", (e) => errors.push(String(e)));
  p.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) errors.push(m.text()); });
const log = (...a) => console.log(...a);
const count = (sel) => p.locator(sel).count();
const wait = (ms = 150) => p.waitForTimeout(ms);

await p.goto("http://localhost:4175/?fake&demo=demo");
await p.click('[data-testid="btn-open-demo"]');
await p.waitForSelector('[data-testid="card"]');
log("cards at start", await count('[data-testid="card"]'), "handoffs", await count('[data-testid="handoff"]'));

// Add a stage by button, rename in place.
await p.click('[data-testid="btn-add-stage"]');
await p.waitForSelector('[data-testid="title-editor"]');
await p.keyboard.press("Control+a");
await p.keyboard.type("Complain");
await p.keyboard.press("Enter");
await wait();
log("stages", await count('[data-testid="stage-header"]'), "last:", await p.locator('[data-testid="stage-header"] text').last().textContent());

// Double-click an empty cell: Pains lane, first stage.
const pains = await p.locator('[data-testid="lane-header"][data-kind="pains"]').boundingBox();
const firstStage = await p.locator('[data-testid="stage-header"]').first().boundingBox();
await p.mouse.dblclick(firstStage.x + firstStage.width / 2, pains.y + pains.height / 2);
await p.waitForSelector('[data-testid="title-editor"]');
await p.keyboard.press("Control+a");
await p.keyboard.type("Nobody tells me what happens next, and I have to call again and again");
await p.keyboard.press("Enter");
await wait();
log("cards after dblclick add", await count('[data-testid="card"]'));
await p.screenshot({ path: "shots/interact-added.png" });

// Drag that card to the second stage.
const newId = await p.locator('[data-testid="card"]', { hasText: "Nobody tells" }).getAttribute("data-id");
const newCard = p.locator(`[data-testid="card"][data-id="${newId}"]`);
const nb = await newCard.boundingBox();
const second = await p.locator('[data-testid="stage-header"]').nth(1).boundingBox();
await p.mouse.move(nb.x + 40, nb.y + 10);
await p.mouse.down();
await p.mouse.move(nb.x + 100, nb.y + 12, { steps: 4 });
await p.mouse.move(second.x + 60, nb.y + 12, { steps: 6 });
await p.mouse.up();
await wait();
const moved = await newCard.boundingBox();
log("card moved right:", moved.x > nb.x + 100);

// Undo the move, then redo.
await p.locator('[data-testid="map-canvas"]').focus();
await p.keyboard.press("Control+z");
await wait();
log("after undo back:", Math.abs((await newCard.boundingBox()).x - nb.x) < 2);
await p.keyboard.press("Control+Shift+z");
await wait();
log("after redo moved:", (await newCard.boundingBox()).x > nb.x + 100);

// Draw a handoff from the selected card's handle onto the Cards team card.
await newCard.click({ position: { x: 40, y: 10 } });
await wait();
const handle = await p.locator('[data-testid="card-handle"]').boundingBox();
const target = await p.locator('[data-testid="card"]', { hasText: "Re-verify" }).boundingBox();
const before = await count('[data-testid="handoff"]');
await p.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
await p.mouse.down();
await p.mouse.move(target.x + 50, target.y + 20, { steps: 8 });
await p.mouse.up();
await wait();
log("handoffs", before, "->", await count('[data-testid="handoff"]'), "inspector:", (await p.locator('[data-testid="inspector"] header').textContent()).trim());

// Inspector: typing batched into one edit; an empty title shows Rust's error under the field.
await newCard.click({ position: { x: 40, y: 10 } });
const title = p.locator('[data-testid="inspector-step-title"]');
await title.fill("");
await title.pressSequentially("Ne");
await wait(600);
await title.fill("   ");
await wait(600);
log("field error:", await p.locator('[data-testid="field-error"]').textContent().catch(() => "none"));
await p.screenshot({ path: "shots/interact-error.png" });
await title.fill("Never told what happens next");
await wait(600);
log("card text now:", (await newCard.textContent())?.trim().slice(0, 40));

// Delete with the keyboard, undo brings it back.
await p.locator('[data-testid="map-canvas"]').focus();
await p.keyboard.press("Delete");
await wait();
log("after delete has card:", await count('[data-testid="card"]:has-text("Never told")'));
await p.keyboard.press("Control+z");
await wait();
log("after undo has card:", await count('[data-testid="card"]:has-text("Never told")'));

// Keyboard: arrows from the selection, H to connect, Enter to finish.
await p.keyboard.press("ArrowUp");
await wait(50);
const sel1 = await p.locator('[data-testid="card"].selected').getAttribute("data-id").catch(() => null);
log("arrow moved selection to", sel1 ? "a card" : "nothing");

// Reorder stages by dragging the first header past the second.
const h0 = await p.locator('[data-testid="stage-header"]').first().boundingBox();
const firstId = await p.locator('[data-testid="stage-header"]').first().getAttribute("data-id");
await p.mouse.move(h0.x + 20, h0.y + 10);
await p.mouse.down();
await p.mouse.move(h0.x + 60, h0.y + 10, { steps: 3 });
await p.mouse.move(h0.x + h0.width * 1.7, h0.y + 10, { steps: 6 });
await p.mouse.up();
await wait();
log("stage reordered:", (await p.locator('[data-testid="stage-header"]').nth(1).getAttribute("data-id")) === firstId);

// Zoom with Ctrl+wheel.
const map = await p.locator('[data-testid="map-canvas"]').boundingBox();
await p.mouse.move(map.x + 400, map.y + 300);
await p.keyboard.down("Control");
await p.mouse.wheel(0, -300);
await p.keyboard.up("Control");
await wait();
log("zoom label:", await p.locator('[data-testid="btn-zoom-reset"]').textContent());
await p.screenshot({ path: "shots/interact-zoomed.png" });

// Duplicate as future state.
await p.locator('[data-testid="journey-item"]').first().hover();
await p.locator('[data-testid="btn-duplicate-journey"]').first().click({ timeout: 3000 });
await wait(300);
log("banner:", await p.locator('[data-testid="error-banner"]').textContent().catch(() => "none"));
await p.screenshot({ path: "shots/interact-duplicate.png" });
log("future journeys:", await count('[data-testid="journey-item"][data-state="future"]'), "now on:", await p.locator('[data-testid="journey-name"]').textContent());

await browser.close();
await server.close();
if (errors.length) { console.error("page errors:\n" + errors.join("\n")); process.exitCode = 1; }
