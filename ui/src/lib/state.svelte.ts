// The UI's transient state (DESIGN: selection, viewport, a drag in progress) and the calls that
// refresh what it shows. Everything else is re-derived from the file after every edit.
import { flushSync } from "svelte";
import { api, toApiError } from "./api";
import type { Evidence } from "./insights";
import { InsightsFeed } from "./insightsFeed.svelte";
import { provideReadOnly } from "./readOnly";
import { lookupsOf, patchLookups, type ViewLookups } from "./viewLookups";
import { applyViewUpdate, StalePatch } from "./viewPatch";
import { NO_PLAN_FILTER } from "../plan/planFilter";
import { changeNotice } from "./labels";
export type { Selection, ShownError } from "./selection";
import { timed } from "./timed";
import { selectionAlive, type Selection, type ShownError } from "./selection";
import type { SnapshotInfo } from "../bindings";
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
  #mode = $state<"map" | "plan" | "compare">("map");
  /** Which view the main area shows (top bar: Map | Plan | Compare). Leaving the map leaves a
   * snapshot shown on it: back on the map, the journey is live. */
  get mode(): "map" | "plan" | "compare" {
    return this.#mode;
  }
  set mode(mode: "map" | "plan" | "compare") {
    this.#mode = mode;
    if (mode !== "map") void this.leaveSnapshot();
  }
  /** The snapshot shown on the map instead of its journey, read only; null: the journey, live. */
  snapshot = $state.raw<SnapshotInfo | null>(null);
  /** Nothing on screen may be changed (a snapshot is shown): editing is disabled, not only refused. */
  get readOnly(): boolean {
    return this.snapshot !== null;
  }
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

  /** Insights and plan links, fetched once edits pause (lib/insightsFeed). */
  private readonly feed = new InsightsFeed({
    doc: () => this.doc,
    journeyId: () => this.journeyId,
    // The live journey's figures and plan links are never drawn over a snapshot's frozen map.
    showInsights: (ins) => {
      if (this.snapshot) return;
      this.insights = ins;
      this.insightsError = null;
    },
    insightsFailed: (e) => (this.insightsError = e),
    showPlanLinks: (links) => (this.planLinks = this.snapshot ? null : links),
  });
  /** Fresh insights are being computed: those shown (if any) predate the last change. */
  get insightsPending(): boolean {
    return this.feed.pending;
  }
  /** Ask for fresh insights once edits settle (see InsightsFeed.refresh). */
  refreshInsights(): void {
    this.feed.refresh();
  }
  /** The map is being panned or zoomed: insights waiting for a pause wait on. */
  noteViewportActivity(): void {
    this.feed.postpone();
  }

  /** An encrypted file waiting for its passphrase (PassphraseDialog asks for it). */
  passphraseFor = $state<{ path: string } | null>(null);

  async open(opener: () => Promise<DocHandle | null>): Promise<void> {
    try {
      const doc = await opener();
      if (!doc) return;
      this.doc = doc;
      this.forgetScreen();
      this.error = null;
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
    this.feed.forget();
    this.forgetScreen();
  }

  /** Nothing of the file before (or of a snapshot) stays on screen. */
  private forgetScreen(): void {
    this.journeyId = null;
    this.view = null;
    this.viewLookups = null;
    this.insights = null;
    this.evidence = null;
    this.selection = null;
    this.snapshot = null;
    this.plan = null;
    this.planFilter = NO_PLAN_FILTER;
    this.#mode = "map";
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
      this.snapshot = null;
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
    if (this.snapshot) return this.fetchSnapshot(this.snapshot.id);
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
    if (this.doc !== doc || this.journeyId !== journeyId || this.snapshot) return;
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
    this.snapshot = null;
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
    // Rust still shows a snapshot the screen has left (a race): the journey, asked for, ends it.
    if (this.error.kind === "read_only" && !this.snapshot) void this.refreshJourney().catch(() => undefined);
  }

  /** The error to show under `field` of entity `about`, if the last failure was there. */
  fieldError(about: Id, field: string): string | null {
    const err = this.error;
    return err && err.about === about && err.field === field ? err.message : null;
  }

  private dropStaleSelection(): void {
    const m = this.view?.model;
    if (m && !selectionAlive(this.selection, m)) this.selection = null;
  }

  // ---- a snapshot on the map, read only ----

  /** Shows snapshot `snapshotId` on the map instead of its journey, read only (Rust refuses every
   * change until the journey is asked for again). In the view queue: a patch of the journey
   * still on its way lands before it, never on it. */
  openSnapshot(snapshotId: Id): Promise<void> {
    const next = this.viewQueue.then(() => this.fetchSnapshot(snapshotId));
    this.viewQueue = next.catch(() => undefined);
    return next.catch((e) => this.fail(e, null));
  }

  private async fetchSnapshot(snapshotId: Id): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    const shown = await api().openSnapshot(doc.doc, snapshotId, this.presenting);
    if (this.doc !== doc) return;
    if (this.snapshot?.id !== snapshotId) [this.selection, this.evidence, this.frictionView] = [null, null, false];
    this.snapshot = shown.snapshot;
    [this.insights, this.planLinks] = [null, null];
    this.journeyId = shown.snapshot.journey_id;
    this.view = shown.view;
    this.viewLookups = lookupsOf(shown.view);
    // The journey is asked for whole when it comes back: the shell's last view is not on screen.
    this.viewToken = null;
    this.canUndo = this.canRedo = false;
    this.#mode = "map";
  }

  /** Back from a snapshot to its journey, live and editable (asking for it ends Rust's read only). */
  async leaveSnapshot(): Promise<void> {
    if (!this.snapshot) return;
    this.snapshot = null;
    this.selection = null;
    try {
      await this.refreshJourney();
    } catch (e) {
      this.fail(e, null);
    }
  }
}

export const app = new AppState();
// Keys and buttons of actions that change the file are off while a snapshot is shown.
provideReadOnly(() => app.readOnly);
