//! Baton's open files as the screens see them, with no window layer: an open document and the
//! calls the app's commands make on it (`documents`), an edit answered with what the screen
//! shows after it (`edit_answer`), the views built for the screens (`views`),
//! the patches that bring the screen's copy of a journey view or its insights up to date
//! (`view_patch`, `map_rows`, `list_patch`, `insights_patch`), the Plan view's plan (`plan`, from the analyses `plan_analyses` keeps),
//! survey imports (`imports`), snapshots and comparisons (`snapshots`), the Compare view's map of differences (`compare_map`) and
//! the one error that crosses IPC (`error`). `src-tauri` keeps the commands, dialogs, recent
//! files, rendering set-up and background threads; this crate's tests and benches build
//! without Tauri.

pub mod compare_map;
pub mod documents;
pub mod edit_answer;
pub mod error;
pub mod imports;
pub mod insights_patch;
pub mod list_patch;
mod map_rows;
pub mod plan;
mod plan_analyses;
pub mod plan_links;
pub mod snapshots;
pub mod view_patch;
pub mod views;
