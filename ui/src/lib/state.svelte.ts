// The UI's transient state (DESIGN: selection, viewport, a drag in progress) and the calls that
// refresh what it shows. Everything else is re-derived from the file after every edit.
import { flushSync } from "svelte";
import { api, toApiError } from "./api";
import type { Evidence } from "./insights";
import { createLatestOnly } from "./latest";
import { createSettleTimer } from "./settle";
import { patchedInsights } from "./insightsPatch";
import { lookupsOf, patchLookups, type ViewLookups } from "./viewLookups";
import { applyViewUpdate, StalePatch } from "./viewPatch";
import { NO_PLAN_FILTER } from "../plan/planFilter";
import { changeNotice } from "./labels";
export type { Selection, ShownError } from "./selection";
import { timed } from "./timed";
import type { Selection, ShownError } from "./selection";
import type { ApiError, DocHandle, Edit, EditAnswer, Id, JourneyInsights, JourneyView, OnScreen, PlanFilter, PlanLinks, PlanScreen, ViewUpdate, WorkspaceView } from "./types";

class AppState {
  doc = $state<DocHandle | null>(null);
  workspace = $state<WorkspaceView | null>(null);
  journeyId = $state<Id | null>(null);
  /** Raw: a view is replaced, never mutated, and a deep proxy over 10,000 cards costs every read. */
  view = $state.raw<JourneyView | null>(null);
  /** Look-ups by id into `view`'s lists, kept up to date by each patch. */
  viewLookups = $state.raw<ViewLookups | null>(null);
  selection = $state<Selection>(null);
  error = $state<ShownError | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  presenting = $state(false);
  helpOpen = $state(false);
  busy = $state(false);
  /** Which view the main area shows (top bar: Map | Plan | Compare). */
  mode = $state<"map" | "plan" | "compare">("map");
  /** The improvement plan while the Plan view is on screen; every change's answer renews it. */
  plan = $state.raw<PlanScreen | null>(null);
  /** What the Plan view shows of the plan (Rust filters it, and every answer keeps the filter). */
  planFilter = $state.raw<PlanFilter>(NO_PLAN_FILTER);
  /** The journey's cards and handoffs the plan addresses (map markers, the inspector's list). */
  planLinks = $state.raw<PlanLinks | null>(null);
  /** The shell's token for the view shown: its next update is a patch on this one. */
  private viewToken: number | null = null;
  private viewQueue: Promise<void> = Promise.resolve();
  /** Edits in flight, in order (see `apply`). */
  private editQueue: Promise<void> = Promise.resolve();

  // ---- insights (fetched after the view, never blocking it) ----
  /** The open journey's analysis and scores; null until the first answer for this journey. */
  insights = $state<JourneyInsights | null>(null);
  /** Why the last insights request failed, shown in the insights panel. */
  insightsError = $state<ApiError | null>(null);
  insightsOpen = $state(false);
  frictionView = $state(false);
  /** The map items highlighted as a suggestion's (or a chain's) evidence. */
  evidence = $state<Evidence | null>(null);

  /** The last insights received, and the shell's token for them: the next answer is a patch
   * on them. Not always those shown: an answer overtaken by a newer request is not shown. */
  private insightsHeld: { doc: string; journeyId: Id; token: number; insights: JourneyInsights } | null = null;

  /** How many times insights were asked for (each view shown asks), and up to which ask the
   * insights shown answer: while they differ the insights on screen are being computed again. */
  private insightsAsked = $state(0);
  private insightsAnswered = $state(0);
  /** The ask the fetch running now answers (fetches run one at a time). */
  private insightsFetching = 0;
  /** Fresh insights are being computed: those shown (if any) predate the last change. */
  readonly insightsPending: boolean = $derived(this.insightsAnswered < this.insightsAsked);

  private insightsFetch = createLatestOnly(
    () => this.fetchInsights(),
    (ins) => {
      this.insightsAnswered = this.insightsFetching;
      // An answer for a journey no longer open is dropped (the user moved on meanwhile).
      if (ins && ins.journey_id !== this.journeyId) return;
      this.insights = ins;
      this.insightsError = null;
    },
    (e) => {
      this.insightsAnswered = this.insightsFetching;
      this.insightsError = toApiError(e);
    },
  );

  /** Insights wait for edits, and panning and zooming, to pause: their work (copying the file
   * in Rust, applying the answer here) would otherwise take frames from what the user is doing. */
  private insightsSettle = createSettleTimer(INSIGHTS_SETTLE_MS, () => {
    this.insightsFetch.request();
    void this.fetchPlanLinks();
  });

  /** The plan's links into the open journey; fetched with the insights, once edits pause. */
  private async fetchPlanLinks(): Promise<void> {
    const doc = this.doc;
    const journeyId = this.journeyId;
    if (!doc || !journeyId) return;
    try {
      const links = await api().planLinks(doc.doc, journeyId);
      if (this.doc !== doc || this.journeyId !== journeyId) return;
      this.planLinks = links;
    } catch {
      // Markers are a hint: a failed read leaves the last ones, and the next pause asks again.
    }
  }

  /** The open journey's insights, as a patch on those held. Fetches run one at a time
   * (`createLatestOnly`), so each patch meets the insights it was made for. */
  private async fetchInsights(): Promise<JourneyInsights | null> {
    this.insightsFetching = this.insightsAsked;
    const doc = this.doc?.doc;
    const journeyId = this.journeyId;
    if (!doc || !journeyId) return null;
    const last = this.insightsHeld;
    const held = last && last.doc === doc && last.journeyId === journeyId ? last : null;
    const { token, insights } = await patchedInsights(doc, journeyId, held);
    this.insightsHeld = { doc, journeyId, token, insights };
    return insights;
  }

  /** Ask for fresh insights once edits settle: copying the file for them, analysing it and
   * applying the answer must not delay the next edit of a burst. While one request runs, later
   * ones collapse into one re-run. */
  refreshInsights(): void {
    this.insightsAsked += 1;
    this.insightsSettle.request();
  }

  /** The map is being panned or zoomed: insights waiting for a pause wait on. */
  noteViewportActivity(): void {
    this.insightsSettle.postpone();
  }

  /** An encrypted file waiting for its passphrase (PassphraseDialog asks for it). */
  passphraseFor = $state<{ path: string } | null>(null);

  async open(opener: () => Promise<DocHandle | null>): Promise<void> {
    try {
      const doc = await opener();
      if (!doc) return;
      this.doc = doc;
      this.journeyId = null;
      this.view = null;
      this.viewLookups = null;
      this.insights = null;
      this.evidence = null;
      this.selection = null;
      this.error = null;
      this.plan = null;
      this.planFilter = NO_PLAN_FILTER;
      this.mode = "map";
      await this.refreshWorkspace();
      const first = this.workspace?.journeys[0];
      if (first) await this.selectJourney(first.id);
    } catch (e) {
      const err = toApiError(e);
      // Rust names the file that asks for a passphrase in the error's field.
      if (err.kind === "passphrase_required" && err.field) this.passphraseFor = { path: err.field };
      else this.fail(e, null);
    }
  }

  /** The start screen asks the new file's client name at once (Ctrl+N in an open file). */
  askClientName = $state(false);

  async close(): Promise<void> {
    if (!this.doc) return;
    try {
      await api().closeFile(this.doc.doc);
    } catch (e) {
      this.fail(e, null);
    }
    this.doc = null;
    this.workspace = null;
    this.view = null;
    this.viewLookups = null;
    this.journeyId = null;
    this.selection = null;
    this.insights = null;
    this.insightsHeld = null;
    this.evidence = null;
    this.plan = null;
    this.planFilter = NO_PLAN_FILTER;
    this.mode = "map";
  }

  /** Shows the plan through `filter` (NO_PLAN_FILTER shows it all). */
  async filterPlan(filter: PlanFilter): Promise<void> {
    this.planFilter = filter;
    await this.refreshPlan();
  }

  /** Fetches the plan whole (on entering the Plan view; after that, edits bring it). */
  async refreshPlan(): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    try {
      const plan = await timed("baton:plan", () => api().planScreen(doc.doc, this.planFilter));
      if (this.doc === doc) this.plan = plan;
    } catch (e) {
      this.fail(e, null);
    }
  }

  async refreshWorkspace(): Promise<void> {
    if (!this.doc) return;
    this.showWorkspace(await api().workspaceView(this.doc.doc));
  }

  /** Shows the sidebar's lists; a journey open on screen that is no longer among them closes. */
  private showWorkspace(workspace: WorkspaceView): void {
    this.workspace = workspace;
    this.canUndo = workspace.can_undo;
    this.canRedo = workspace.can_redo;
    if (this.journeyId && !workspace.journeys.some((j) => j.id === this.journeyId)) {
      this.journeyId = null;
      this.view = null;
      this.viewLookups = null;
      this.insights = null;
      this.evidence = null;
      this.selection = null;
    }
  }

  /** Refreshes the journey's view. Runs one at a time, so each patch meets the view it was
   * made for (the shell remembers the last view it sent, under `viewToken`). */
  refreshJourney(): Promise<void> {
    const next = this.viewQueue.then(() => this.fetchView());
    this.viewQueue = next.catch(() => undefined);
    return next;
  }

  private async fetchView(): Promise<void> {
    const doc = this.doc;
    const journeyId = this.journeyId;
    if (!doc || !journeyId) return;
    const held = this.view ? this.viewToken : null;
    const update = await timed("baton:view", () => api().journeyViewUpdate(doc.doc, journeyId, this.presenting, held));
    await this.showView(doc, journeyId, update);
  }

  /** Shows `update` (a patch on the view held, or whole) for `journeyId` of `doc`, unless the
   * user moved on meanwhile; a patch that no longer fits is replaced by the whole view. Runs in
   * the view queue. */
  private async showView(doc: DocHandle, journeyId: Id, update: ViewUpdate): Promise<void> {
    if (this.doc !== doc || this.journeyId !== journeyId) return;
    let view: JourneyView;
    let lookups: ViewLookups;
    try {
      const heldView = this.view;
      const heldLookups = this.viewLookups;
      [view, lookups] = timed("baton:patch", () => {
        const next = applyViewUpdate(heldView, update);
        // Only once the patch applied: the look-ups are changed in place.
        return [next, update.kind === "patch" && heldLookups ? patchLookups(heldLookups, update.patch) : lookupsOf(next)] as const;
      });
      this.viewToken = update.token;
    } catch (e) {
      if (!(e instanceof StalePatch)) throw e;
      const whole = await api().journeyViewUpdate(doc.doc, journeyId, this.presenting, null);
      view = applyViewUpdate(null, whole);
      lookups = lookupsOf(view);
      this.viewToken = whole.token;
    }
    this.view = view;
    this.viewLookups = lookups;
    this.canUndo = view.can_undo;
    this.canRedo = view.can_redo;
    this.dropStaleSelection();
    this.refreshInsights();
    // Svelte would update the DOM in a microtask anyway; doing it here lets it be measured.
    timed("baton:render", () => flushSync());
  }

  async selectJourney(id: Id): Promise<void> {
    if (id !== this.journeyId) {
      this.insights = null;
      this.insightsError = null;
      this.evidence = null;
    }
    this.journeyId = id;
    this.selection = null;
    try {
      await this.refreshJourney();
    } catch (e) {
      this.fail(e, id);
    }
  }

  /** Apply one edit; on failure show Rust's error next to `about` and return false.
   * Edits run one at a time, each once the view has caught up with the one before; `edit` may
   * be a function that builds the edit then, from the current view, so that two quick changes
   * to one entity never build the second from a stale copy (which would undo the first). The
   * function may ask Rust for the edit (a card's move): it is asked only once those before landed. */
  apply(edit: Edit | (() => Edit | null | Promise<Edit | null>), about: Id | null = null): Promise<boolean> {
    const run = this.editQueue.then(async () => {
      try {
        return await this.applyNow(typeof edit === "function" ? await edit() : edit, about);
      } catch (e) {
        this.fail(e, about);
        return false;
      }
    });
    this.editQueue = run.then(() => undefined);
    return run;
  }

  private async applyNow(edit: Edit | null, about: Id | null): Promise<boolean> {
    if (!this.doc || !edit) return false;
    try {
      await this.change((doc, screen) => api().edit(doc, edit, screen));
      this.error = null;
      return true;
    } catch (e) {
      this.fail(e, about);
      return false;
    }
  }

  /** What the last undo or redo did, in the history's words (a short notice shows it). */
  notice = $state<{ text: string; at: number } | null>(null);

  undo = (): Promise<void> => this.step("undo");
  redo = (): Promise<void> => this.step("redo");

  /** Undo or redo, queued behind every edit already asked for: Ctrl+Z pressed right after a key
   * undoes that key's edit, never overtakes it (which then cleared the redo just made). */
  private step(which: "undo" | "redo"): Promise<void> {
    const run = this.editQueue.then(async () => {
      if (!this.doc || !(which === "undo" ? this.canUndo : this.canRedo)) return;
      try {
        const label = await this.change((doc, screen) => (which === "undo" ? api().undo(doc, screen) : api().redo(doc, screen)));
        if (label !== null) this.notice = { text: changeNotice(which === "undo" ? "Undone" : "Redone", label), at: Date.now() };
      } catch (e) {
        this.fail(e, null);
      }
    });
    this.editQueue = run;
    return run;
  }

  /** One change (an edit, undo or redo) in ONE call: it is sent with what the screen shows and
   * answered with the view's patch (and the sidebar's lists when it changed them). It runs in
   * the view queue, so that patch meets the view it was made for. Resolves to the change's
   * label in the history (null when the file was closed meanwhile). */
  change(send: (doc: string, screen: OnScreen | null) => Promise<EditAnswer>): Promise<string | null> {
    const next = this.viewQueue.then(() => this.changeNow(send));
    this.viewQueue = next.then(() => undefined, () => undefined);
    return next;
  }

  private async changeNow(send: (doc: string, screen: OnScreen | null) => Promise<EditAnswer>): Promise<string | null> {
    const doc = this.doc;
    if (!doc) return null;
    const journeyId = this.journeyId;
    const screen: OnScreen | null = journeyId
      ? { journey_id: journeyId, presentation: this.presenting, held: this.view ? this.viewToken : null, plan: this.mode === "plan" ? this.planFilter : null }
      : null;
    const answer = await timed("baton:edit", () => send(doc.doc, screen));
    if (this.doc !== doc) return null;
    this.canUndo = answer.outcome.can_undo;
    this.canRedo = answer.outcome.can_redo;
    if (answer.workspace) this.showWorkspace(answer.workspace);
    if (answer.plan) this.plan = answer.plan;
    else if (this.mode === "plan" && !screen) await this.refreshPlan();
    if (answer.view && journeyId) await this.showView(doc, journeyId, answer.view);
    return answer.outcome.label;
  }

  async ids(count: number): Promise<string[]> {
    return api().newIds(count);
  }

  fail(e: unknown, about: Id | null): void {
    this.error = { ...toApiError(e), about };
  }

  /** The error to show under `field` of entity `about`, if the last failure was there. */
  fieldError(about: Id, field: string): string | null {
    const err = this.error;
    return err && err.about === about && err.field === field ? err.message : null;
  }

  private dropStaleSelection(): void {
    const s = this.selection;
    const m = this.view?.model;
    if (!s || !m) return;
    const alive =
      (s.kind === "stage" && m.stages.some((x) => x.id === s.id)) ||
      (s.kind === "lane" && m.lanes.some((x) => x.id === s.id)) ||
      (s.kind === "step" && m.steps.some((x) => x.id === s.id)) ||
      (s.kind === "handoff" && m.handoffs.some((x) => x.id === s.id)) ||
      (s.kind === "cell" && m.stages.some((x) => x.id === s.stageId) && m.lanes.some((x) => x.id === s.laneId));
    if (!alive) this.selection = null;
  }
}

/** How long edits must pause before the insights are computed again. */
const INSIGHTS_SETTLE_MS = 250;

export const app = new AppState();
