//! Baton's desktop shell: the Tauri builder, the app state and the commands. It holds no rules:
//! each command finds the open document and calls baton-session (open files, their views and
//! patches, imports), which calls baton-store and baton-core.

mod background;
pub mod commands;
mod dialogs;
mod recent;
pub mod rendering;
pub mod state;

use tauri::Manager;
use tauri_specta::collect_commands;

use crate::state::AppState;

/// The commands and types the UI sees. The app runs this builder and the bindings test renders
/// `ui/src/bindings.ts` from it, so the two cannot drift apart.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    use commands::bpmn;
    use commands::cards;
    use commands::metrics;
    use commands::{edits, export, files, insights, journeys, plan, protection, survey, views};
    tauri_specta::Builder::<tauri::Wry>::new()
        // One TypeScript type per Rust type (no `_Serialize`/`_Deserialize` pairs): the UI sends
        // every field, so the looser input shape buys nothing.
        .disable_serde_phases()
        .commands(collect_commands![
            files::create_file_dialog,
            files::open_file_dialog,
            files::open_recent,
            files::save_as_dialog,
            files::close_file,
            files::recent_files,
            files::open_demo,
            files::templates,
            files::new_from_template,
            edits::edit,
            edits::undo,
            edits::redo,
            edits::new_ids,
            cards::copy_cards,
            cards::paste_cards_edit,
            cards::duplicate_cards_edit,
            cards::delete_cards_edit,
            cards::move_card_edit,
            views::journey_view_update,
            views::workspace_view,
            journeys::duplicate_journey_as_future,
            survey::preview_responses_import,
            survey::commit_responses_import,
            survey::cancel_responses_import,
            survey::remap_responses_import,
            bpmn::preview_bpmn_import,
            bpmn::replan_bpmn_import,
            bpmn::commit_bpmn_import,
            bpmn::cancel_bpmn_import,
            insights::journey_insights,
            insights::subject_scores,
            plan::plan_screen,
            plan::draft_plan,
            plan::plan_links,
            protection::open_with_passphrase,
            protection::protect_file,
            export::export_choices,
            export::export_preview,
            export::export_file,
            export::cancel_export,
            export::reveal_export,
            metrics::subject_entries,
            metrics::metric_uses,
            metrics::persona_uses,
            commands::snapshots::take_snapshot,
            commands::snapshots::list_snapshots,
            commands::snapshots::open_snapshot,
            commands::snapshots::restore_snapshot,
            commands::compare::compare_versions,
        ])
}

pub fn run() {
    let builder = specta_builder();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let paths = app.path();
            app.manage(AppState::new(
                &paths.app_config_dir()?,
                &paths.app_data_dir()?,
            ));
            app.manage(baton_session::imports::PendingImports::default());
            app.manage(baton_session::imports::PendingBpmnImports::default());
            app.manage(commands::export::ExportJobs::default());
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Baton could not start: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod bindings_tests {
    use std::path::PathBuf;

    /// Renders the bindings from the same builder the app runs. With `BATON_WRITE_BINDINGS=1`
    /// it writes `ui/src/bindings.ts`; otherwise it fails when the committed file is stale.
    #[test]
    fn bindings_are_current() {
        let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
        let dir = tempfile::tempdir().unwrap();
        let fresh_path = dir.path().join("bindings.ts");
        super::specta_builder()
            .export(specta_typescript::Typescript::default(), &fresh_path)
            .unwrap();
        let fresh = std::fs::read_to_string(&fresh_path).unwrap();
        if std::env::var("BATON_WRITE_BINDINGS").as_deref() == Ok("1") {
            std::fs::create_dir_all(committed.parent().unwrap()).unwrap();
            std::fs::write(&committed, &fresh).unwrap();
            return;
        }
        let current = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            current == fresh,
            "ui/src/bindings.ts is stale: run `BATON_WRITE_BINDINGS=1 cargo test -p baton-app bindings` and commit it"
        );
    }
}
