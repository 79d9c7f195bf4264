// The one file that talks to the Rust shell. Until the shell's generated bindings.ts lands,
// this calls the planned commands through `invoke`; afterwards only this file changes.
import { invoke } from "@tauri-apps/api/core";
import type {
  ApiError,
  DocHandle,
  Edit,
  EditResult,
  Id,
  JourneyView,
  RecentFile,
  TemplateInfo,
  WorkspaceView,
} from "./types";

export interface BatonApi {
  createFileDialog(): Promise<DocHandle | null>;
  openFileDialog(): Promise<DocHandle | null>;
  openRecent(path: string): Promise<DocHandle>;
  openDemo(): Promise<DocHandle>;
  newFromTemplate(key: string): Promise<DocHandle | null>;
  saveAsDialog(doc: string): Promise<DocHandle | null>;
  closeFile(doc: string): Promise<void>;
  recentFiles(): Promise<RecentFile[]>;
  templates(): Promise<TemplateInfo[]>;
  edit(doc: string, edit: Edit): Promise<EditResult>;
  undo(doc: string): Promise<EditResult>;
  redo(doc: string): Promise<EditResult>;
  journeyView(doc: string, journeyId: Id, presentation: boolean): Promise<JourneyView>;
  workspaceView(doc: string): Promise<WorkspaceView>;
  newIds(count: number): Promise<string[]>;
}

/** Any thrown value as the typed error the UI shows; a bare string or Error becomes `internal`. */
export function toApiError(e: unknown): ApiError {
  if (e && typeof e === "object" && "message" in e) {
    const o = e as { kind?: unknown; message: unknown; field?: unknown };
    return {
      kind: typeof o.kind === "string" ? o.kind : "internal",
      message: String(o.message),
      field: typeof o.field === "string" ? o.field : null,
    };
  }
  return { kind: "internal", message: String(e) };
}

const tauriApi: BatonApi = {
  createFileDialog: () => invoke("create_file_dialog"),
  openFileDialog: () => invoke("open_file_dialog"),
  openRecent: (path) => invoke("open_recent", { path }),
  openDemo: () => invoke("open_demo"),
  newFromTemplate: (key) => invoke("new_from_template", { key }),
  saveAsDialog: (doc) => invoke("save_as_dialog", { doc }),
  closeFile: (doc) => invoke("close_file", { doc }),
  recentFiles: () => invoke("recent_files"),
  templates: () => invoke("templates"),
  edit: (doc, edit) => invoke("edit", { doc, edit }),
  undo: (doc) => invoke("undo", { doc }),
  redo: (doc) => invoke("redo", { doc }),
  journeyView: (doc, journeyId, presentation) =>
    invoke("journey_view", { doc, journeyId, presentation }),
  workspaceView: (doc) => invoke("workspace_view", { doc }),
  newIds: (count) => invoke("new_ids", { count }),
};

let current: BatonApi = tauriApi;

/** The API in use. The dev-only fake adapter replaces it in `--mode fake` builds. */
export function api(): BatonApi {
  return current;
}

export function setApi(next: BatonApi): void {
  current = next;
}
