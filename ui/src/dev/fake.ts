// DEV ONLY (built only with `vite build --mode fake`, opened with ?fake): an in-memory stand-in
// for the Rust shell so the UI can be screenshotted without it. Its layout is a crude imitation
// of baton-core's, good enough to look at; the app never ships it.
import type { BatonApi } from "../lib/api";
import type {
  CardBox, DocHandle, Edit, EditAnswer, Handoff, Journey, JourneyModel, Lane, Layout, LayoutStyle, OnScreen, Stage, Step, WorkspaceView,
} from "../lib/types";
import { csat, fakeInsights, nps, type Db } from "./fakeData";


let counter = 0;
const uid = () => `00000000-0000-7000-8000-${(++counter).toString().padStart(12, "0")}`;

function seed(kind: string): Db {
  const db: Db = { journeys: [], personas: [], stages: [], lanes: [], steps: [], handoffs: [], scores: {} };
  const j = (name: string, state: "current" | "future"): Journey => {
    const jj = { id: uid(), name, description: "", persona_id: null, state, origin_id: null, position: db.journeys.length };
    db.journeys.push(jj);
    return jj;
  };
  db.personas.push({ id: uid(), name: "Maya, small-business owner", role: "Owner", description: "", goals: "", frustrations: "", position: 0 });
  if (kind === "empty") {
    j("Empty journey", "current");
    return db;
  }
  const main = j(kind === "big" ? "Big map (40 × 30)" : "Report a lost card", "current");
  j("Onboarding a new business customer", "current");
  j("Report a lost card (future)", "future");
  const stage = (name: string): Stage => {
    const s: Stage = { id: uid(), journey_id: main.id, name, description: "", position: db.stages.length, origin_id: null };
    db.stages.push(s);
    return s;
  };
  const lane = (name: string, kind: Lane["kind"], extra: Partial<Lane> = {}) => {
    const l: Lane = { id: uid(), journey_id: main.id, name, kind, position: db.lanes.length, department: null, sourcing: null, work: null, visibility: null, origin_id: null, ...extra };
    db.lanes.push(l);
    return l;
  };
  const step = (s: Stage, l: Lane, title: string, extra: Partial<Step> = {}) => {
    const st: Step = { id: uid(), journey_id: main.id, stage_id: s.id, lane_id: l.id, position: db.steps.filter((x) => x.stage_id === s.id && x.lane_id === l.id).length, title, notes: "", touchpoint: null, verification: false, resolution: false, emotion: null, origin_id: null, ...extra };
    db.steps.push(st);
    return st;
  };
  const handoff = (a: Step, b: Step, extra: Partial<Handoff> = {}) => {
    db.handoffs.push({ id: uid(), journey_id: main.id, from_step_id: a.id, to_step_id: b.id, mode: "assisted", context: "partial", customer_repeats: false, reverify: false, wait_minutes: 0, sensitive: false, secure_channel: false, checklist: [], note: "", origin_id: null, ...extra });
  };
  if (kind === "big") {
    const stages = Array.from({ length: 40 }, (_, i) => stage(`Stage ${i + 1}`));
    const kinds: Lane["kind"][] = ["emotion", "customer", "actor", "actor", "actor", "pains", "opportunities", "thoughts"];
    const lanes = Array.from({ length: 30 }, (_, i) => lane(`Lane ${i + 1}`, kinds[i % kinds.length], kinds[i % kinds.length] === "actor" ? { department: `Dept ${i}`, sourcing: "outsourced", work: "manual", visibility: "backstage" } : {}));
    stages.forEach((s, si) => lanes.forEach((l, li) => {
      if ((si + li) % 3 === 0) step(s, l, l.kind === "emotion" ? "Feels" : `Card ${si}.${li} with a title`, l.kind === "emotion" ? { emotion: ((si * 7) % 7) - 3 } : {});
    }));
    const act = db.steps.filter((s) => lanes.find((l) => l.id === s.lane_id)?.kind === "actor");
    for (let i = 0; i + 7 < act.length; i += 5) if (act[i].lane_id !== act[i + 7].lane_id) handoff(act[i], act[i + 7], { mode: (["assisted", "blind", "automated"] as const)[i % 3] });
    return db;
  }
  const [notice, call, verify, resolve, follow] = ["Notice", "Call the bank", "Verify identity", "Resolve", "Follow up"].map(stage);
  const emo = lane("Emotion", "emotion");
  const cust = lane("Customer", "customer");
  const cc = lane("Contact centre", "actor", { department: "Service", sourcing: "outsourced", work: "manual", visibility: "frontstage" });
  const cards = lane("Cards team", "actor", { department: "Cards", sourcing: "in_house", work: "manual", visibility: "backstage" });
  const fraud = lane("Fraud engine", "actor", { department: "Risk", sourcing: "in_house", work: "automated", visibility: "support" });
  lane("Pains", "pains");
  const opp = lane("Opportunities", "opportunities");
  [[notice, -1], [call, -2], [verify, -3], [resolve, 1], [follow, 2]].forEach(([s, e]) => step(s as Stage, emo, "feeling", { emotion: e as number }));
  const c1 = step(notice, cust, "Sees an odd charge on the statement and cannot find the card anywhere in the house", { touchpoint: "app" });
  const c2 = step(call, cust, "Calls the bank", { touchpoint: "phone" });
  const a1 = step(call, cc, "Agent answers and asks for the card number", { touchpoint: "phone", verification: true });
  const k1 = step(verify, cards, "Re-verify identity", { touchpoint: "phone", verification: true });
  const f1 = step(verify, fraud, "Score the transactions", {});
  const k2 = step(resolve, cards, "Block the card and order a new one", { touchpoint: "phone", resolution: true });
  step(follow, cust, "Receives the new card", { touchpoint: "mail" });
  step(follow, opp, "One call, one agent: resolve the block at first contact");
  void c1;
  db.scores[c2.id] = [csat([58, 61, 66], 80, [["2026-11-14", "cust-112", 2, "I waited 25 minutes before anyone picked up, and the menu kept sending me back to the start."], ["2026-11-02", null, 4, "Fine once I got through."]])];
  db.scores[a1.id] = [csat([74, 77, 78], 80, [["2026-11-09", "cust-87", 4, "The agent was kind but could not block the card herself."]]), nps([-8, -2, 4], 10)];
  db.scores[k1.id] = [csat([49, 52, 41], 80, [["2026-11-18", "cust-203", 1, "Third time answering the same security questions. Why does the cards team not know who I am?"], ["2026-11-11", "cust-150", 2, "Had to explain everything again from the beginning."], ["2026-10-28", null, 3, "Slow."]])];
  db.scores[k2.id] = [csat([81, 84, 86], 85, [])];
  handoff(c2, a1, { mode: "assisted", context: "full" });
  handoff(a1, k1, { mode: "blind", context: "none", reverify: true, customer_repeats: true, wait_minutes: 6, checklist: [{ id: uid(), text: "Case notes", done: true }, { id: uid(), text: "Identity token", done: false }] });
  db.scores[db.handoffs[db.handoffs.length - 1].id] = [csat([44, 40], null, [["2026-11-18", "cust-203", 1, "Put on hold, then transferred cold."]])];
  handoff(k1, f1, { mode: "automated", context: "full" });
  handoff(f1, k2, { mode: "automated" });
  return db;
}

// ---- a crude layout imitating baton-core's (gutters, style, wrapped titles) ----
function styleFor(presentation: boolean): LayoutStyle {
  return presentation
    ? { card_width: 220, card_min_height: 68, card_padding: 10, font_size: 17, line_height: 24, char_width_factor: 0.55, cell_padding: 14, card_gap: 10, gutter_width: 36, stage_header_height: 56, lane_header_width: 220, emotion_lane_height: 160, max_title_lines: 4 }
    : { card_width: 168, card_min_height: 52, card_padding: 8, font_size: 13, line_height: 18, char_width_factor: 0.55, cell_padding: 10, card_gap: 8, gutter_width: 28, stage_header_height: 44, lane_header_width: 176, emotion_lane_height: 120, max_title_lines: 4 };
}

function wrap(title: string, st: LayoutStyle): { lines: string[]; clipped: boolean } {
  const chars = Math.floor((st.card_width - 2 * st.card_padding) / (st.font_size * st.char_width_factor));
  const lines: string[] = [];
  let cur = "";
  for (const w of title.split(/\s+/)) {
    if ((cur + " " + w).trim().length > chars && cur) { lines.push(cur); cur = w; } else cur = (cur + " " + w).trim();
  }
  if (cur) lines.push(cur);
  const clipped = lines.length > st.max_title_lines;
  const kept = lines.slice(0, st.max_title_lines);
  if (clipped) kept[kept.length - 1] = kept[kept.length - 1].slice(0, chars - 1) + "…";
  return { lines: kept, clipped };
}

function layoutOf(m: JourneyModel, presentation: boolean): Layout {
  const st = styleFor(presentation);
  const g = st.gutter_width;
  const colW = st.card_width + 2 * st.cell_padding;
  const stages = m.stages.map((s, i) => ({ stage_id: s.id, name: s.name, x: st.lane_header_width + g + i * (g + colW), width: colW, gutter_before: g, gutter_after: g }));
  const cards: CardBox[] = [];
  const lanes: Layout["lanes"] = [];
  const emotion_curves: Layout["emotion_curves"] = [];
  let y = st.stage_header_height;
  for (const l of m.lanes) {
    const top = y + g;
    let h = l.kind === "emotion" ? st.emotion_lane_height : st.card_min_height + 2 * st.cell_padding;
    if (l.kind === "emotion") {
      const span = h - 2 * st.cell_padding;
      const points = stages.flatMap((col) => {
        const cell = m.steps.filter((x) => x.lane_id === l.id && x.stage_id === col.stage_id && x.emotion !== null);
        return cell.map((s, k) => ({ step_id: s.id, emotion: s.emotion ?? 0, x: col.x + (col.width * (k + 1)) / (cell.length + 1), y: top + st.cell_padding + (span * (3 - (s.emotion ?? 0))) / 6 }));
      });
      emotion_curves.push({ lane_id: l.id, points });
    } else {
      for (const col of stages) {
        let cy = top + st.cell_padding;
        for (const s of m.steps.filter((x) => x.lane_id === l.id && x.stage_id === col.stage_id).sort((a, b) => a.position - b.position)) {
          const { lines, clipped } = wrap(s.title, st);
          const ch = Math.max(st.card_min_height, lines.length * st.line_height + 2 * st.card_padding);
          cards.push({ step_id: s.id, x: col.x + st.cell_padding, y: cy, w: st.card_width, h: ch, lines, clipped });
          cy += ch + st.card_gap;
        }
        h = Math.max(h, cy - st.card_gap + st.cell_padding - top);
      }
    }
    lanes.push({ lane_id: l.id, name: l.name, kind: l.kind, y: top, height: h, gutter_before: g, gutter_after: g });
    y = top + h;
  }
  const box = new Map(cards.map((c) => [c.step_id, c]));
  const handoffs = m.handoffs.flatMap((h) => {
    const a = box.get(h.from_step_id), b = box.get(h.to_step_id);
    if (!a || !b) return [];
    // Out of the sender's right edge into the gutter, along it, into the receiver's left or top edge.
    const gx = b.x > a.x + a.w ? b.x - st.cell_padding - g / 2 : a.x + a.w + st.cell_padding + g / 2;
    const sy = a.y + a.h / 2;
    const pts = b.x > a.x + a.w
      ? [{ x: a.x + a.w, y: sy }, { x: gx, y: sy }, { x: gx, y: b.y + b.h / 2 }, { x: b.x, y: b.y + b.h / 2 }]
      : [{ x: a.x + a.w, y: sy }, { x: gx, y: sy }, { x: gx, y: b.y - 10 }, { x: b.x + b.w / 2, y: b.y - 10 }, { x: b.x + b.w / 2, y: b.y }];
    const last = pts[pts.length - 1], prev = pts[pts.length - 2];
    const len = Math.hypot(last.x - prev.x, last.y - prev.y) || 1;
    return [{ handoff_id: h.id, points: pts, arrow: { tip: last, dx: (last.x - prev.x) / len, dy: (last.y - prev.y) / len }, label_anchor: { x: gx, y: (pts[1].y + pts[2].y) / 2 }, label: { x: gx - 22, y: (pts[1].y + pts[2].y) / 2 - 9, w: 44, h: 18 } }];
  });
  return { width: st.lane_header_width + g + stages.length * (g + colW), height: y + g, style: st, stages, lanes, cards, handoffs, emotion_curves };
}

function fail(field: string | null, message: string): never {
  throw { kind: "not_allowed", message, field };
}

function reposition<T extends { position: number }>(list: T[]): void {
  list.sort((a, b) => a.position - b.position).forEach((x, i) => (x.position = i));
}

function apply(db: Db, e: Edit): void {
  const moveIn = <T extends { id: string; position: number }>(list: T[], id: string, pos: number) => {
    const sorted = [...list].sort((a, b) => a.position - b.position).filter((x) => x.id !== id);
    const it = list.find((x) => x.id === id);
    if (!it) fail(null, "not found");
    sorted.splice(Math.min(pos, sorted.length), 0, it);
    sorted.forEach((x, i) => (x.position = i));
  };
  const text = (t: string, field: string) => { if (t.trim() === "") fail(field, "This cannot be empty."); if (t.length > 200) fail(field, "At most 200 characters."); };
  switch (e.op) {
    case "batch": e.edits.forEach((x) => apply(db, x)); return;
    case "create_journey": text(e.journey.name, "name"); db.journeys.push(e.journey); return;
    case "update_journey": text(e.journey.name, "name"); db.journeys = db.journeys.map((x) => (x.id === e.journey.id ? e.journey : x)); return;
    case "delete_journey": db.journeys = db.journeys.filter((x) => x.id !== e.id); reposition(db.journeys); return;
    case "create_persona": db.personas.push(e.persona); return;
    case "update_persona": text(e.persona.name, "name"); db.personas = db.personas.map((x) => (x.id === e.persona.id ? e.persona : x)); return;
    case "delete_persona": db.personas = db.personas.filter((x) => x.id !== e.id); return;
    case "create_stage": { const same = db.stages.filter((s) => s.journey_id === e.stage.journey_id); same.forEach((s) => { if (s.position >= e.stage.position) s.position++; }); db.stages.push(e.stage); return; }
    case "update_stage": text(e.stage.name, "name"); db.stages = db.stages.map((x) => (x.id === e.stage.id ? e.stage : x)); return;
    case "delete_stage": db.stages = db.stages.filter((x) => x.id !== e.id); db.steps = db.steps.filter((s) => s.stage_id !== e.id); return;
    case "move_stage": { const s = db.stages.find((x) => x.id === e.id); if (s) moveIn(db.stages.filter((x) => x.journey_id === s.journey_id), e.id, e.position); return; }
    case "create_lane": { const same = db.lanes.filter((s) => s.journey_id === e.lane.journey_id); same.forEach((s) => { if (s.position >= e.lane.position) s.position++; }); db.lanes.push(e.lane); return; }
    case "update_lane": text(e.lane.name, "name"); db.lanes = db.lanes.map((x) => (x.id === e.lane.id ? e.lane : x)); return;
    case "delete_lane": db.lanes = db.lanes.filter((x) => x.id !== e.id); db.steps = db.steps.filter((s) => s.lane_id !== e.id); return;
    case "move_lane": { const s = db.lanes.find((x) => x.id === e.id); if (s) moveIn(db.lanes.filter((x) => x.journey_id === s.journey_id), e.id, e.position); return; }
    case "create_step": text(e.step.title, "title"); db.steps.push(e.step); return;
    case "update_step": text(e.step.title, "title"); db.steps = db.steps.map((x) => (x.id === e.step.id ? e.step : x)); return;
    case "delete_step": db.steps = db.steps.filter((x) => x.id !== e.id); db.handoffs = db.handoffs.filter((h) => h.from_step_id !== e.id && h.to_step_id !== e.id); return;
    case "move_step": {
      const s = db.steps.find((x) => x.id === e.id);
      if (!s) fail(null, "not found");
      s.stage_id = e.stage_id; s.lane_id = e.lane_id;
      moveIn(db.steps.filter((x) => x.stage_id === e.stage_id && x.lane_id === e.lane_id), e.id, e.position);
      return;
    }
    case "connect_handoff": {
      const a = db.steps.find((s) => s.id === e.handoff.from_step_id), b = db.steps.find((s) => s.id === e.handoff.to_step_id);
      if (a && b && a.lane_id === b.lane_id) fail(null, "A handoff joins cards in two different lanes.");
      db.handoffs.push(e.handoff); return;
    }
    case "update_handoff": db.handoffs = db.handoffs.map((x) => (x.id === e.handoff.id ? e.handoff : x)); return;
    case "disconnect_handoff": db.handoffs = db.handoffs.filter((x) => x.id !== e.id); return;
    case "add_checklist_item": db.handoffs.find((h) => h.id === e.handoff_id)?.checklist.splice(e.position, 0, e.item); return;
    case "update_checklist_item": { const h = db.handoffs.find((x) => x.id === e.handoff_id); if (h) h.checklist = h.checklist.map((c) => (c.id === e.item.id ? e.item : c)); return; }
    case "remove_checklist_item": { const h = db.handoffs.find((x) => x.id === e.handoff_id); if (h) h.checklist = h.checklist.filter((c) => c.id !== e.item_id); return; }
    default: return;
  }
}

export function createFakeApi(params: URLSearchParams): BatonApi {
  let db = seed(params.get("demo") ?? "demo");
  const past: { db: string; label: string }[] = [], future: typeof past = [];
  const labelOf = (e: Edit) => (e.op === "batch" ? e.label : e.op.replace(/_/g, " ")); // as the shell's history words it
  const result = (label = "") => ({ revision: past.length, can_undo: past.length > 0, can_redo: future.length > 0, touched: [], label });
  const doc: DocHandle = { doc: "fake", path: "/home/cx/ACME Bank.baton", name: "ACME Bank", encrypted: false };
  const model = (jid: string): JourneyModel => {
    const journey = db.journeys.find((j) => j.id === jid);
    if (!journey) throw { kind: "not_found", message: "That journey no longer exists." };
    const by = <T extends { position: number }>(a: T, b: T) => a.position - b.position;
    const stages = db.stages.filter((s) => s.journey_id === jid).sort(by);
    const lanes = db.lanes.filter((s) => s.journey_id === jid).sort(by);
    const si = new Map(stages.map((s, i) => [s.id, i]));
    const li = new Map(lanes.map((s, i) => [s.id, i]));
    const steps = db.steps.filter((s) => s.journey_id === jid).sort((a, b) => (si.get(a.stage_id) ?? 0) - (si.get(b.stage_id) ?? 0) || (li.get(a.lane_id) ?? 0) - (li.get(b.lane_id) ?? 0) || a.position - b.position);
    return { journey, stages, lanes, steps, handoffs: db.handoffs.filter((h) => h.journey_id === jid), targets: [], responses: [], scores: [] };
  };
  const delay = <T>(v: T) => new Promise<T>((r) => setTimeout(() => r(v), 5));
  const wholeView = (jid: string, presentation: boolean) => {
    const m = model(jid);
    return { kind: "full" as const, token: 0, view: { model: m, layout: layoutOf(m, presentation), ...result() } };
  };
  const workspace = (): WorkspaceView => ({ info: { name: "ACME Bank", description: "" }, journeys: [...db.journeys].sort((a, b) => a.position - b.position), personas: db.personas, metrics: [], phases: [], path: doc.path, ...result() });
  // The fake answers every change with the sidebar's lists and the view whole.
  const answer = (screen: OnScreen | null, label: string): EditAnswer => {
    const shown = screen && db.journeys.some((j) => j.id === screen.journey_id) ? screen : null;
    return { outcome: result(label), workspace: workspace(), view: shown ? wholeView(shown.journey_id, shown.presentation) : null, plan: null };
  };
  return {
    createFileDialog: () => delay(doc),
    openFileDialog: () => delay(doc),
    openRecent: () => delay(doc),
    openDemo: () => delay(doc),
    openWithPassphrase: () => delay(doc),
    protectFile: (_doc, _current, next) => delay({ ...doc, encrypted: next !== null }),
    newFromTemplate: () => delay(doc),
    saveAsDialog: () => delay(doc),
    closeFile: () => delay(undefined),
    recentFiles: () => delay([
      { path: "/home/cx/clients/ACME Bank.baton", name: "ACME Bank", exists: true, last_opened: "2026-11-20T10:00:00Z", encrypted: true },
      { path: "/home/cx/clients/Northwind Insurance – claims and renewals workshop, Q3.baton", name: "Northwind Insurance – claims and renewals workshop, Q3", exists: true, last_opened: "2026-11-19T10:00:00Z", encrypted: false },
      { path: "/media/usb/Old client.baton", name: "Old client", exists: false, last_opened: "2026-01-02T10:00:00Z", encrypted: false },
    ]),
    templates: () => delay([
      { key: "bank_lost_card", name: "Bank: lost card", description: "Blind transfers and repeated verification" },
      { key: "outsourced_orders", name: "Outsourced order processing", description: "A rules engine and an offshore team" },
      { key: "sales_onboarding", name: "Sales to customer success", description: "The onboarding handoff" },
      { key: "invoice_payment", name: "Invoice payment", description: "Budget owner approves, finance pays" },
    ]),
    async edit(_d, e, screen) {
      const before = JSON.stringify(db);
      try { apply(db, e); } catch (err) { db = JSON.parse(before); throw err; }
      past.push({ db: before, label: labelOf(e) }); future.length = 0;
      return delay(answer(screen, labelOf(e)));
    },
    async undo(_d, screen) { const p = past.pop(); if (p) { future.push({ db: JSON.stringify(db), label: p.label }); db = JSON.parse(p.db); } return delay(answer(screen, p?.label ?? "")); },
    async redo(_d, screen) { const f = future.pop(); if (f) { past.push({ db: JSON.stringify(db), label: f.label }); db = JSON.parse(f.db); } return delay(answer(screen, f?.label ?? "")); },
    // The fake always answers whole; patches are the shell's optimisation.
    async journeyViewUpdate(_d, jid, presentation) { return delay(wholeView(jid, presentation)); },
    async workspaceView(): Promise<WorkspaceView> {
      return delay(workspace());
    },
    newIds: (n) => delay(Array.from({ length: n }, uid)),
    duplicateJourneyAsFuture: () => Promise.reject({ kind: "not_allowed", message: "Duplicating needs the real app (baton-core builds the copy)." }),
    // A canned preview, to look at the import dialog without the shell.
    previewResponsesImport: (_d, jid) => {
      const target = "Report a lost card / Notice / Maya / Looks up the lost-card number in the app";
      const sample = Array.from({ length: 8 }, (_, i) => ({ line: i + 2, cells: [target, "CSAT", String((i % 5) + 1), `2026-11-0${i + 1}`, i === 2 ? "The number sits three menus deep and the hold music never stopped, so I gave up twice" : ""] }));
      const rejected = Array.from({ length: 37 }, (_, i) => ({ line: 4 + i * 3, reason: { kind: "off_scale" as const, value: 9, min: 1, max: 5, whole_numbers: true }, message: "the value 9 is off the metric's scale (1 to 5, whole numbers)" }));
      return delay({ token: "t", file_name: "november-survey-export-from-the-contact-centre.csv", journey_id: jid, encoding: "utf8" as const, separator: ",", header: ["target", "metric", "value", "date", "comment"], sample, rows: 1240, accepted: 1203, rejected_count: 37, rejected, reading: { mapping: null, sheet: null }, sheets: [], problem: null, proposal: { detected: null, presets: [], offers: [], rating_columns: ["value"], mapping: { skip_rows: 0, target: { kind: "column" as const, text: "target" }, metric: { kind: "column" as const, text: "metric" }, value_column: "value", date_column: "date", date_format: "iso" as const, respondent_column: null, comment_column: "comment", labels: [] } } });
    },
    commitResponsesImport: (_d, _t, skip) => skip ? delay({ imported: 1203, rejected: 37, saved_mapping: null, outcome: result() }) : Promise.reject({ kind: "rows_rejected", message: "37 of 1,240 rows were rejected, so nothing was imported." }),
    cancelResponsesImport: () => delay(undefined),
    ...((needsApp: () => Promise<never>) => ({ remapResponsesImport: needsApp, previewBpmnImport: needsApp, replanBpmnImport: needsApp, commitBpmnImport: needsApp }))(() => Promise.reject({ kind: "not_allowed", message: "Mappings and BPMN need the real app (baton-interop reads them)." })), cancelBpmnImport: () => delay(undefined),
    journeyInsights: (_d, jid) => delay({ kind: "full" as const, token: past.length, insights: fakeInsights(db, jid, past.length) }),
    subjectScores: (_d, subject) => delay(db.scores[subject.id] ?? []),
    planScreen: () => Promise.reject({ kind: "not_allowed", message: "The plan needs the real app (baton-core builds it)." }),
    draftPlan: () => delay(null),
    planLinks: (_d, jid) => delay({ journey_id: jid, items: [], revision: past.length }),
    ...((needsApp: () => Promise<never>) => ({ copyCards: needsApp, pasteCardsEdit: needsApp, duplicateCardsEdit: needsApp, deleteCardsEdit: needsApp, moveCardEdit: needsApp }))(() => Promise.reject({ kind: "not_allowed", message: "Card selections need the real app (baton-core builds their edits)." })),
    // Exports need the real app (baton-report renders them); the dialog shows this error.
    ...((needsApp: () => Promise<never>) => ({ exportChoices: needsApp, exportPreview: needsApp, exportFile: needsApp }))(() => Promise.reject({ kind: "export_failed", message: "Exports need the real app (baton-report renders them)." })),
    // Measures need the real app (baton-core lists and counts them).
    ...((needsApp: () => Promise<never>) => ({ subjectEntries: needsApp, metricUses: needsApp, personaUses: needsApp }))(() => Promise.reject({ kind: "not_allowed", message: "Measures need the real app (baton-core lists them)." })),
    cancelExport: () => delay(false),
    revealExport: () => delay(undefined),
    listSnapshots: () => delay([]),
    ...((needsApp: () => Promise<never>) => ({ takeSnapshot: needsApp, openSnapshot: needsApp, restoreSnapshot: needsApp, compareVersions: needsApp }))(() => Promise.reject({ kind: "not_allowed", message: "Snapshots and comparisons need the real app (baton-core makes them)." })),
  };
}
