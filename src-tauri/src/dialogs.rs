//! Native file dialogs, opened from Rust so that every path a command writes or reads was picked
//! by the user: JavaScript never supplies one. The calls block, so callers run them in a
//! blocking task, never on the UI thread.

use std::path::PathBuf;

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

use baton_session::error::{AppError, AppResult};

const FILTER_NAME: &str = "Baton client file";
const EXTENSION: &str = "baton";

fn file_dialog(app: &AppHandle, title: &str) -> FileDialogBuilder<tauri::Wry> {
    let builder = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(FILTER_NAME, &[EXTENSION]);
    match app.get_webview_window("main") {
        Some(window) => builder.set_parent(&window),
        None => builder,
    }
}

/// Asks where to write a new file; `None` when the user cancels. The path always ends in
/// `.baton`, whatever the user typed.
pub fn pick_save_path(
    app: &AppHandle,
    title: &str,
    suggested_name: &str,
) -> AppResult<Option<PathBuf>> {
    let picked = file_dialog(app, title)
        .set_file_name(format!("{}.{EXTENSION}", safe_file_stem(suggested_name)))
        .blocking_save_file();
    picked
        .map(|p| {
            p.into_path()
                .map(with_baton_extension)
                .map_err(not_a_local_path)
        })
        .transpose()
}

/// Asks which file to open; `None` when the user cancels.
pub fn pick_open_path(app: &AppHandle, title: &str) -> AppResult<Option<PathBuf>> {
    file_dialog(app, title)
        .blocking_pick_file()
        .map(|p| p.into_path().map_err(not_a_local_path))
        .transpose()
}

/// Asks for a survey file to read (a CSV or a workbook); `None` when the user cancels.
pub fn pick_csv_path(app: &AppHandle, title: &str) -> AppResult<Option<PathBuf>> {
    pick_file(
        app,
        title,
        "Survey export",
        &["csv", "CSV", "txt", "xlsx", "XLSX"],
    )
}

/// Asks for a BPMN 2.0 model to read; `None` when the user cancels.
pub fn pick_bpmn_path(app: &AppHandle, title: &str) -> AppResult<Option<PathBuf>> {
    pick_file(
        app,
        title,
        "BPMN 2.0 model",
        &["bpmn", "BPMN", "xml", "XML"],
    )
}

fn pick_file(
    app: &AppHandle,
    title: &str,
    filter: &str,
    extensions: &[&str],
) -> AppResult<Option<PathBuf>> {
    let builder = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(filter, extensions);
    let builder = match app.get_webview_window("main") {
        Some(window) => builder.set_parent(&window),
        None => builder,
    };
    builder
        .blocking_pick_file()
        .map(|p| p.into_path().map_err(not_a_local_path))
        .transpose()
}

fn not_a_local_path(e: impl std::fmt::Display) -> AppError {
    AppError::new(
        baton_session::error::ShellErrorKind::PathNotAllowed,
        format!("The chosen location is not a local file: {e}"),
    )
}

fn with_baton_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e == EXTENSION) {
        path
    } else {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".");
        name.push(EXTENSION);
        path.with_file_name(name)
    }
}

/// A file name from a client's name: path separators and control characters become spaces.
pub fn safe_file_stem(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() || c == ':' {
                ' '
            } else {
                c
            }
        })
        .collect();
    // No leading dots: a hidden file is not what anyone means by a client's name.
    let trimmed = cleaned.trim_start_matches(['.', ' ']).trim_end();
    if trimmed.is_empty() {
        "Untitled".to_owned()
    } else {
        trimmed.chars().take(120).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_separators_and_leading_dots() {
        assert_eq!(safe_file_stem("ACME / Bank"), "ACME   Bank");
        assert_eq!(safe_file_stem("../../etc"), "etc");
        assert_eq!(safe_file_stem("   "), "Untitled");
    }

    #[test]
    fn the_extension_is_added_once() {
        assert_eq!(
            with_baton_extension(PathBuf::from("/tmp/acme")),
            PathBuf::from("/tmp/acme.baton")
        );
        assert_eq!(
            with_baton_extension(PathBuf::from("/tmp/acme.baton")),
            PathBuf::from("/tmp/acme.baton")
        );
        assert_eq!(
            with_baton_extension(PathBuf::from("/tmp/acme.v2")),
            PathBuf::from("/tmp/acme.v2.baton")
        );
    }
}
