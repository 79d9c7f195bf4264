// Opens BPMN files in bpmn-js (the viewer bundle from npm) on a local page in Debian's
// Chromium, driven by playwright-core: no browser is ever downloaded, and the page loads
// nothing from the network. For each file it prints one JSON line: the import's warnings,
// the elements bpmn-js made (participants, lanes, tasks, flows), the shapes it drew into the
// page, and how long the import and the first render took (measured in the page).
//
//   node scripts/bpmnjs/open.mjs [--runs N] FILE.bpmn...
//
// `--runs N` opens each file N times in fresh viewers and reports every run's timings (the
// bench); the counts are the last run's. BATON_CHROMIUM names another Chromium binary.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const viewer = path.join(here, "node_modules/bpmn-js/dist/bpmn-viewer.production.min.js");

const args = process.argv.slice(2);
let runs = 1;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Math.max(1, Number(args[++i]) || 1);
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: node open.mjs [--runs N] FILE.bpmn...");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.BATON_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // Nothing but the page itself and the viewer script: no request leaves the machine.
  await page.route("**/*", (route) => route.abort());
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="canvas" style="width:1280px;height:720px"></div></body></html>');
  await page.addScriptTag({ content: readFileSync(viewer, "utf8") });
  for (const file of files) {
    const xml = readFileSync(file, "utf8");
    const timings = [];
    let counts = null;
    for (let run = 0; run < runs; run++) {
      const result = await page.evaluate(openInPage, xml);
      timings.push({ import_ms: result.import_ms, first_render_ms: result.first_render_ms });
      counts = result;
    }
    const { import_ms, first_render_ms, ...rest } = counts;
    console.log(JSON.stringify({ file, ...rest, import_ms, first_render_ms, runs: timings }));
  }
} finally {
  await browser.close();
}

/** Runs in the page: a fresh viewer imports `xml`, fits it, and waits for the frame after
 * the one that drew it (the first render on screen). */
async function openInPage(xml) {
  const container = document.getElementById("canvas");
  container.replaceChildren();
  const start = performance.now();
  // eslint-disable-next-line no-undef
  const bpmn = new BpmnJS({ container });
  const { warnings } = await bpmn.importXML(xml);
  const imported = performance.now();
  bpmn.get("canvas").zoom("fit-viewport");
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const painted = performance.now();
  const registry = bpmn.get("elementRegistry");
  const count = (test) => registry.filter((e) => test(e.type)).length;
  const out = {
    warnings: warnings.map((w) => String(w.message)),
    participants: count((t) => t === "bpmn:Participant"),
    lanes: count((t) => t === "bpmn:Lane"),
    tasks: count((t) => /Task$/.test(t) || t === "bpmn:SubProcess" || t === "bpmn:CallActivity"),
    sequence_flows: count((t) => t === "bpmn:SequenceFlow"),
    message_flows: count((t) => t === "bpmn:MessageFlow"),
    shapes_drawn: container.querySelectorAll(".djs-element.djs-shape").length,
    connections_drawn: container.querySelectorAll(".djs-element.djs-connection").length,
    import_ms: imported - start,
    first_render_ms: painted - start,
  };
  bpmn.destroy();
  return out;
}
