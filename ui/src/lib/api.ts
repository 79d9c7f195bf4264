// The one file that talks to the Rust shell, through the generated bindings. Results arrive as
// `{status, data | error}`; here they become values or thrown `ApiError`s, so callers can
// `try/await` and show the error next to its cause.
import { Channel } from "@tauri-apps/api/core";
import { commands } from "../bindings";
import type { BpmnImported, BpmnPreview, CardMove, Clipboard, CompareAnswer, ExportChoices, ExportPreview, ExportProgress, ExportRequest, ImportPreview, ImportResult, PasteTarget, SavedExport, SnapshotInfo, SnapshotView, SurveyReading, VersionRef } from "../bindings";
import type {
  ApiError,
  AppErrorKind,
  DocHandle,
  Edit,
  EditAnswer,
  EditResult,
  Id,
  InsightsUpdate,
  JourneyName,
  MetricEntries,
  MetricScores,
  MetricUses,
  OnScreen,
  PlanFilter,
  PlanLinks,
  PlanScreen,
  RecentFile,
  Subject,
  TemplateInfo,
  ViewUpdate,
  WorkspaceView,
} from "./types";

export interface BatonApi {
  /** Asks where to save, then creates an empty client file called `name`; null when cancelled. */
  createFileDialog(name: string): Promise<DocHandle | null>;
  openFileDialog(): Promise<DocHandle | null>;
  openRecent(path: string): Promise<DocHandle>;
  openDemo(): Promise<DocHandle>;
  /** Opens an encrypted file (its path came back in a `passphrase_required` error). */
  openWithPassphrase(path: string, passphrase: string): Promise<DocHandle>;
  /** Sets (`current` null), changes or removes (`next` null) the file's passphrase;
   * `confirm` repeats `next`. Answers the file, now `encrypted` or not. */
  protectFile(doc: string, current: string | null, next: string | null, confirm: string | null): Promise<DocHandle>;
  newFromTemplate(key: string): Promise<DocHandle | null>;
  saveAsDialog(doc: string): Promise<DocHandle | null>;
  closeFile(doc: string): Promise<void>;
  recentFiles(): Promise<RecentFile[]>;
  templates(): Promise<TemplateInfo[]>;
  /** Applies `edit`, undoes or redoes, in one call answered with the outcome and what the
   * screen (`screen`: the journey it shows and the view it holds) shows after it. */
  edit(doc: string, edit: Edit, screen: OnScreen | null): Promise<EditAnswer>;
  undo(doc: string, screen: OnScreen | null): Promise<EditAnswer>;
  redo(doc: string, screen: OnScreen | null): Promise<EditAnswer>;
  /** The view as a patch on the one held (`held`: its token), or whole. */
  journeyViewUpdate(doc: string, journeyId: Id, presentation: boolean, held: number | null): Promise<ViewUpdate>;
  workspaceView(doc: string): Promise<WorkspaceView>;
  newIds(count: number): Promise<string[]>;
  /** Copies a journey into a new future-state journey (built in Rust), one undo step. */
  duplicateJourneyAsFuture(doc: string, journeyId: Id): Promise<EditResult>;
  /** Opens a CSV file dialog and previews the import into the journey; null when cancelled. */
  previewResponsesImport(doc: string, journeyId: Id): Promise<ImportPreview | null>;
  /** Reads the previewed file again through the mapping step's mapping and sheet. */
  remapResponsesImport(doc: string, token: string, reading: SurveyReading): Promise<ImportPreview>;
  /** `saveMapping`: also save the mapping read with under that name, in the same edit. */
  commitResponsesImport(doc: string, token: string, skipInvalid: boolean, saveMapping: string | null): Promise<ImportResult>;
  cancelResponsesImport(doc: string, token: string): Promise<void>;
  /** Opens a BPMN file dialog and previews the journey it becomes; null when cancelled. */
  previewBpmnImport(doc: string): Promise<BpmnPreview | null>;
  /** The preview again with `customerLane` (a lane's name) as the customer's lane. */
  replanBpmnImport(doc: string, token: string, customerLane: string | null): Promise<BpmnPreview>;
  /** Creates the previewed journey as one edit. */
  commitBpmnImport(doc: string, token: string): Promise<BpmnImported>;
  cancelBpmnImport(doc: string, token: string): Promise<void>;
  /** The journey's analysis and scores; asked for after the view, never part of it. Each
   * subject's scores come without their history and verbatims (see `subjectScores`). A patch
   * on the insights the screen holds (`held`, their token), or whole. */
  journeyInsights(doc: string, journeyId: Id, held: number | null): Promise<InsightsUpdate>;
  /** One step's or handoff's scores whole, with history and verbatims, for the inspector. */
  subjectScores(doc: string, subject: Subject): Promise<MetricScores[]>;
  /** Every metric with the item's target, entered scores and newest responses (inspector). */
  subjectEntries(doc: string, subject: Subject): Promise<MetricEntries[]>;
  /** What deleting the metric would remove with it, said before the delete. */
  metricUses(doc: string, metricId: Id): Promise<MetricUses>;
  /** The journeys deleting the persona would unlink, said before the delete. */
  personaUses(doc: string, personaId: Id): Promise<JourneyName[]>;
  /** The improvement plan as `filter` shows it: phases in order with their initiatives. */
  planScreen(doc: string, filter: PlanFilter): Promise<PlanScreen>;
  /** What "Draft plan" would add for the journey (one batch edit), or null when nothing. */
  draftPlan(doc: string, journeyId: Id): Promise<Edit | null>;
  /** The journey's cards and handoffs that non-dropped initiatives address, with those. */
  planLinks(doc: string, journeyId: Id): Promise<PlanLinks>;
  /** The selected cards (one journey) and the handoffs among them, to paste later anywhere. */
  copyCards(doc: string, stepIds: Id[]): Promise<Clipboard>;
  /** The ONE edit pasting `clipboard` with its top-left card in the cell `at`; apply it with `edit`. */
  pasteCardsEdit(doc: string, clipboard: Clipboard, at: PasteTarget): Promise<Edit>;
  /** The ONE edit copying each selected card right after itself, handoffs among them included. */
  duplicateCardsEdit(doc: string, stepIds: Id[]): Promise<Edit>;
  /** The ONE edit deleting the selected cards. */
  deleteCardsEdit(doc: string, stepIds: Id[]): Promise<Edit>;
  /** The edit moving a card to its neighbouring position or cell; null at the grid's edge. */
  moveCardEdit(doc: string, stepId: Id, direction: CardMove): Promise<Edit | null>;
  /** What the Export dialog offers for the file: formats with their options, journeys. */
  exportChoices(doc: string): Promise<ExportChoices>;
  /** The first page of the PDF, or the PNG, the request would write (drawn in Rust). */
  exportPreview(doc: string, request: ExportRequest): Promise<ExportPreview>;
  /** Opens the save dialog (in Rust) and exports, telling each step to `onProgress`; null when
   * the user cancels the dialog or the export (`cancelExport(job)`: nothing is written). */
  exportFile(doc: string, request: ExportRequest, job: string, onProgress: (p: ExportProgress) => void): Promise<SavedExport | null>;
  cancelExport(job: string): Promise<boolean>;
  /** Shows the file the finished export `job` wrote in the file manager. */
  revealExport(job: string): Promise<void>;
  /** Takes a snapshot of the journey (`name` blank: named by the date), one undo step. */
  takeSnapshot(doc: string, journeyId: Id, name: string, screen: OnScreen | null): Promise<EditAnswer>;
  /** The journey's snapshots, oldest first. */
  listSnapshots(doc: string, journeyId: Id): Promise<SnapshotInfo[]>;
  /** A snapshot's frozen map, read only (Rust refuses every change until a journey is shown),
   * laid out for presentation when `presentation`. */
  openSnapshot(doc: string, snapshotId: Id, presentation: boolean): Promise<SnapshotView>;
  /** Restores a snapshot as a new journey, one undo step. */
  restoreSnapshot(doc: string, snapshotId: Id, screen: OnScreen | null): Promise<EditAnswer>;
  /** What differs from version `a` (before) to `b` (after), with the figures side by side. */
  compareVersions(doc: string, a: VersionRef, b: VersionRef): Promise<CompareAnswer>;
}

/** Any thrown value as the typed error the UI shows; a bare string or Error becomes `internal`. */
export function toApiError(e: unknown): ApiError {
  if (e && typeof e === "object" && "message" in e) {
    const o = e as { kind?: unknown; message: unknown; field?: unknown };
    return {
      // Errors from the shell carry one of the generated kinds; anything else thrown is ours.
      kind: typeof o.kind === "string" ? (o.kind as AppErrorKind) : "internal",
      message: String(o.message),
      field: typeof o.field === "string" ? o.field : null,
    };
  }
  return { kind: "internal", message: String(e), field: null };
}

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: unknown };

/** The value of a bindings result, or its error thrown. */
export async function unwrap<T>(r: Promise<Result<T>>): Promise<T> {
  const res = await r;
  if (res.status === "error") throw toApiError(res.error);
  return res.data;
}

const tauriApi: BatonApi = {
  createFileDialog: (name) => unwrap(commands.createFileDialog(name)),
  openFileDialog: () => unwrap(commands.openFileDialog()),
  openRecent: (path) => unwrap(commands.openRecent(path)),
  openDemo: () => unwrap(commands.openDemo()),
  openWithPassphrase: (path, passphrase) => unwrap(commands.openWithPassphrase(path, passphrase)),
  protectFile: (doc, current, next, confirm) => unwrap(commands.protectFile(doc, current, next, confirm)),
  newFromTemplate: (key) => unwrap(commands.newFromTemplate(key)),
  saveAsDialog: (doc) => unwrap(commands.saveAsDialog(doc)),
  closeFile: async (doc) => {
    await unwrap(commands.closeFile(doc));
  },
  recentFiles: () => unwrap(commands.recentFiles()),
  templates: () => unwrap(commands.templates()),
  edit: (doc, edit, screen) => unwrap(commands.edit(doc, edit, screen)),
  undo: (doc, screen) => unwrap(commands.undo(doc, screen)),
  redo: (doc, screen) => unwrap(commands.redo(doc, screen)),
  journeyViewUpdate: (doc, journeyId, presentation, held) => unwrap(commands.journeyViewUpdate(doc, journeyId, presentation, held)),
  workspaceView: (doc) => unwrap(commands.workspaceView(doc)),
  newIds: (count) => unwrap(commands.newIds(count)),
  duplicateJourneyAsFuture: (doc, journeyId) => unwrap(commands.duplicateJourneyAsFuture(doc, journeyId)),
  previewResponsesImport: (doc, journeyId) => unwrap(commands.previewResponsesImport(doc, journeyId)),
  remapResponsesImport: (doc, token, reading) => unwrap(commands.remapResponsesImport(doc, token, reading)),
  commitResponsesImport: (doc, token, skipInvalid, saveMapping) => unwrap(commands.commitResponsesImport(doc, token, skipInvalid, saveMapping)),
  cancelResponsesImport: async (doc, token) => {
    await unwrap(commands.cancelResponsesImport(doc, token));
  },
  previewBpmnImport: (doc) => unwrap(commands.previewBpmnImport(doc)),
  replanBpmnImport: (doc, token, customerLane) => unwrap(commands.replanBpmnImport(doc, token, customerLane)),
  commitBpmnImport: (doc, token) => unwrap(commands.commitBpmnImport(doc, token)),
  cancelBpmnImport: async (doc, token) => {
    await unwrap(commands.cancelBpmnImport(doc, token));
  },
  journeyInsights: (doc, journeyId, held) => unwrap(commands.journeyInsights(doc, journeyId, held)),
  subjectScores: (doc, subject) => unwrap(commands.subjectScores(doc, subject)),
  subjectEntries: (doc, subject) => unwrap(commands.subjectEntries(doc, subject)),
  metricUses: (doc, metricId) => unwrap(commands.metricUses(doc, metricId)),
  personaUses: (doc, personaId) => unwrap(commands.personaUses(doc, personaId)),
  planScreen: (doc, filter) => unwrap(commands.planScreen(doc, filter)),
  draftPlan: (doc, journeyId) => unwrap(commands.draftPlan(doc, journeyId)),
  planLinks: (doc, journeyId) => unwrap(commands.planLinks(doc, journeyId)),
  copyCards: (doc, stepIds) => unwrap(commands.copyCards(doc, stepIds)),
  pasteCardsEdit: (doc, clipboard, at) => unwrap(commands.pasteCardsEdit(doc, clipboard, at)),
  duplicateCardsEdit: (doc, stepIds) => unwrap(commands.duplicateCardsEdit(doc, stepIds)),
  deleteCardsEdit: (doc, stepIds) => unwrap(commands.deleteCardsEdit(doc, stepIds)),
  moveCardEdit: (doc, stepId, direction) => unwrap(commands.moveCardEdit(doc, stepId, direction)),
  exportChoices: (doc) => unwrap(commands.exportChoices(doc)),
  exportPreview: (doc, request) => unwrap(commands.exportPreview(doc, request)),
  exportFile: (doc, request, job, onProgress) => {
    const progress = new Channel<ExportProgress>();
    progress.onmessage = onProgress;
    return unwrap(commands.exportFile(doc, request, job, progress));
  },
  cancelExport: (job) => unwrap(commands.cancelExport(job)),
  revealExport: async (job) => {
    await unwrap(commands.revealExport(job));
  },
  takeSnapshot: (doc, journeyId, name, screen) => unwrap(commands.takeSnapshot(doc, journeyId, name, screen)),
  listSnapshots: (doc, journeyId) => unwrap(commands.listSnapshots(doc, journeyId)),
  openSnapshot: (doc, snapshotId, presentation) => unwrap(commands.openSnapshot(doc, snapshotId, presentation)),
  restoreSnapshot: (doc, snapshotId, screen) => unwrap(commands.restoreSnapshot(doc, snapshotId, screen)),
  compareVersions: (doc, a, b) => unwrap(commands.compareVersions(doc, a, b)),
};

let current: BatonApi = tauriApi;

/** The API in use. The dev-only fake adapter replaces it in `--mode fake` builds. */
export function api(): BatonApi {
  return current;
}

export function setApi(next: BatonApi): void {
  current = next;
}
