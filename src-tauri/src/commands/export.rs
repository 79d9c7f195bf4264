//! The Export dialog's commands: what can be exported (`export_choices`), the first page of a
//! PDF or the PNG (`export_preview`), the export itself (`export_file`: a save dialog opened
//! here, progress on a channel, written atomically, cancellable with `cancel_export`), and
//! "Show in folder" (`reveal_export`, by job: the page never hands Rust a path).

mod jobs;
mod preview;
mod render;
mod request;

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use super::{blocking, with_document};
use crate::state::AppState;
use baton_report::map_svg;
use baton_session::error::{AppError, AppResult, ShellErrorKind};

pub use jobs::ExportJobs;
pub use preview::ExportPreview;
use render::{report_error, Source, STEPS};
use request::{Export, PlanFormat};
pub use request::{
    ExportChoices, ExportFormat, ExportOption, ExportPaper, ExportRequest, FormatGroup, FormatInfo,
    JourneyCount, JourneyItem,
};

/// One step of a running export, sent as it starts.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct ExportProgress {
    /// 1-based.
    pub step: u32,
    pub steps: u32,
    pub label: String,
}

/// A written export.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct SavedExport {
    /// The job's id: "Show in folder" names it.
    pub job: String,
    pub file_name: String,
    pub folder: String,
    /// The file's size in words ("48.2 KB").
    pub size: String,
    /// How long rendering took, in milliseconds.
    pub render_ms: u32,
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// What the dialog offers for the open file `doc`.
#[tauri::command]
#[specta::specta]
pub async fn export_choices(state: State<'_, AppState>, doc: String) -> AppResult<ExportChoices> {
    with_document(&state, &doc, |d| {
        Ok(request::choices(d.workspace(), d.is_encrypted(), today()))
    })
    .await
}

/// The request checked, with a copy of what it reads, the proposed file name and the client
/// file's own path; the file is locked only while it is copied.
struct Prepared {
    source: Source,
    export: Export,
    file_name: String,
    extension: String,
    label: String,
    client_file: PathBuf,
}

async fn prepare(state: &AppState, doc: &str, request: ExportRequest) -> AppResult<Prepared> {
    with_document(state, doc, move |d| {
        let export = request::check(d.workspace(), &request, today())?;
        let json = match export {
            Export::Json => Some(d.export_json()?),
            _ => None,
        };
        let info = request::formats(false)
            .into_iter()
            .find(|f| f.format == request.format)
            .ok_or_else(|| request::invalid("format", "Choose what to export"))?;
        Ok(Prepared {
            file_name: request::proposed_file_name(d.workspace(), &request),
            source: Source {
                workspace: d.workspace().clone(),
                json,
            },
            export,
            extension: info.extension,
            label: info.label,
            client_file: d.path().to_owned(),
        })
    })
    .await
}

/// The first page of the PDF, or the PNG, that `request` would write.
#[tauri::command]
#[specta::specta]
pub async fn export_preview(
    state: State<'_, AppState>,
    doc: String,
    request: ExportRequest,
) -> AppResult<ExportPreview> {
    let prepared = prepare(&state, &doc, request).await?;
    blocking(move || preview_of(&prepared.source, &prepared.export)).await
}

fn preview_of(source: &Source, export: &Export) -> AppResult<ExportPreview> {
    let started = Instant::now();
    match export {
        Export::MapPng(journey, options, scale) => {
            let drawing = map_svg(&source.workspace, journey, options).map_err(report_error)?;
            let ms = elapsed_ms(started);
            preview::png_preview(&drawing.svg, drawing.width, drawing.height, *scale, ms)
        }
        Export::Plan(PlanFormat::Pdf, _) | Export::MapPdf(..) => {
            let bytes = render::render(source, export, &mut |_| Ok(()))?
                .map_err(|_| AppError::internal("A preview was cancelled"))?;
            preview::pdf_first_page(bytes, elapsed_ms(started))
        }
        _ => Err(AppError::new(
            ShellErrorKind::InvalidRequest,
            "This format has no preview",
        )),
    }
}

/// Exports: asks where (a save dialog opened here, proposing a file name), renders with
/// progress on `progress`, and writes the file atomically. `None` when the user cancels the
/// dialog or the export (`cancel_export(job)`): then no file is written.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn export_file(
    app: AppHandle,
    state: State<'_, AppState>,
    jobs: State<'_, ExportJobs>,
    doc: String,
    request: ExportRequest,
    job: String,
    progress: Channel<ExportProgress>,
) -> AppResult<Option<SavedExport>> {
    let jobs = jobs.inner().clone();
    // Registered first, so a Cancel pressed at any moment is seen.
    let running = jobs.start(&job)?;
    let prepared = prepare(&state, &doc, request).await?;
    let state = state.inner().clone();
    blocking(move || {
        let title = format!("Export {}", prepared.label);
        let Some((target, replace)) =
            pick_export_path(&app, &title, &prepared.file_name, &prepared.extension)?
        else {
            return Ok(None);
        };
        refuse_client_files(&state, &prepared.client_file, &target)?;
        let announce = move |step: u32, label: &str| {
            // A page gone (window closed) does not stop the export.
            let _ = progress.send(ExportProgress {
                step,
                steps: STEPS,
                label: label.to_owned(),
            });
        };
        let Prepared { source, export, .. } = prepared;
        let announce_write = announce.clone();
        let rendered = jobs::render_unless_cancelled(&running, announce, move |step| {
            render::render(&source, &export, step)
        })?;
        let Ok(jobs::Finished {
            bytes: Ok(bytes),
            render_ms,
            steps,
        }) = rendered
        else {
            return Ok(None);
        };
        if running.go_on().is_err() {
            return Ok(None);
        }
        announce_write(steps + 1, "Writing the file");
        if jobs::write_atomically(&target, &bytes, replace, &running)?.is_err() {
            return Ok(None);
        }
        jobs.finished(&job, &target)?;
        Ok(Some(SavedExport {
            job,
            file_name: file_name(&target),
            folder: target
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            size: size_in_words(bytes.len()),
            render_ms,
        }))
    })
    .await
}

/// Stops the running export `job`: it writes nothing. True when it was still running.
#[tauri::command]
#[specta::specta]
pub async fn cancel_export(jobs: State<'_, ExportJobs>, job: String) -> AppResult<bool> {
    jobs.cancel(&job)
}

/// Shows the file the finished export `job` wrote in the system's file manager.
#[tauri::command]
#[specta::specta]
pub async fn reveal_export(jobs: State<'_, ExportJobs>, job: String) -> AppResult<()> {
    let jobs = jobs.inner().clone();
    blocking(move || jobs::reveal(&jobs.written(&job)?)).await
}

/// The save dialog for an export; the path and whether it may replace a file there (the dialog
/// asked the user, unless the extension had to be added to the name typed).
fn pick_export_path(
    app: &AppHandle,
    title: &str,
    file_name: &str,
    extension: &str,
) -> AppResult<Option<(PathBuf, bool)>> {
    let builder = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(extension.to_uppercase(), &[extension])
        .set_file_name(file_name);
    let builder = match app.get_webview_window("main") {
        Some(window) => builder.set_parent(&window),
        None => builder,
    };
    let Some(picked) = builder.blocking_save_file() else {
        return Ok(None);
    };
    let path = picked.into_path().map_err(|e| {
        AppError::new(
            ShellErrorKind::PathNotAllowed,
            format!("The chosen location is not a local file: {e}"),
        )
    })?;
    Ok(Some(with_extension(path, extension)))
}

/// `path` ending in `.extension` (added when the name typed lacks it), and whether that is
/// the very name the dialog confirmed.
fn with_extension(path: PathBuf, extension: &str) -> (PathBuf, bool) {
    let has = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if has {
        return (path, true);
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(extension);
    (path.with_file_name(name), false)
}

/// An export never goes over a client file open in Baton (the file being exported above all).
fn refuse_client_files(state: &AppState, client_file: &Path, target: &Path) -> AppResult<()> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    if same(client_file, target) || state.find_open(target)?.is_some() {
        return Err(AppError::new(
            ShellErrorKind::PathNotAllowed,
            "An export cannot be written over a client file open in Baton: choose another name",
        ));
    }
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn elapsed_ms(started: Instant) -> u32 {
    u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX)
}

fn size_in_words(bytes: usize) -> String {
    const KB: f64 = 1_000.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else {
        format!("{:.1} MB", b / (KB * KB))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_session::documents::OpenDocument;

    #[test]
    fn a_typed_name_gets_its_extension_and_may_not_replace() {
        assert_eq!(
            with_extension(PathBuf::from("/tmp/plan.PDF"), "pdf"),
            (PathBuf::from("/tmp/plan.PDF"), true)
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/plan"), "pdf"),
            (PathBuf::from("/tmp/plan.pdf"), false)
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/plan.v2"), "xlsx"),
            (PathBuf::from("/tmp/plan.v2.xlsx"), false)
        );
    }

    #[test]
    fn sizes_are_said_in_words() {
        assert_eq!(size_in_words(512), "512 bytes");
        assert_eq!(size_in_words(48_213), "48.2 KB");
        assert_eq!(size_in_words(3_400_000), "3.4 MB");
    }

    #[test]
    fn an_export_never_replaces_an_open_client_file() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(&dir.path().join("config"), &dir.path().join("data"));
        let client = dir.path().join("client.baton");
        let other = dir.path().join("other.baton");
        state
            .insert(OpenDocument::create(&client, "").unwrap())
            .unwrap();
        state
            .insert(OpenDocument::create(&other, "").unwrap())
            .unwrap();
        for target in [&client, &other] {
            let e = refuse_client_files(&state, &client, target).unwrap_err();
            assert_eq!(e.kind, ShellErrorKind::PathNotAllowed.into());
        }
        refuse_client_files(&state, &client, &dir.path().join("client.pdf")).unwrap();
    }

    #[test]
    fn the_preview_is_the_first_page_of_the_pdf_or_the_png() {
        let dir = tempfile::tempdir().unwrap();
        let doc = OpenDocument::create_demo(&dir.path().join("Demo.baton")).unwrap();
        let ws = doc.workspace().clone();
        let journey = ws.journeys_in_order()[0].id.clone();
        let request = |format, paper| ExportRequest {
            format,
            journey_ids: vec![journey.clone()],
            scores: true,
            friction: false,
            chains: true,
            light_theme: true,
            scale: 2,
            paper,
            author: "Dana".into(),
            date: "2026-03-31".into(),
        };
        let source = Source {
            workspace: ws.clone(),
            json: None,
        };
        let preview = |format, paper| {
            let export = request::check(&ws, &request(format, paper), today()).unwrap();
            preview_of(&source, &export)
        };
        let plan = preview(ExportFormat::PlanPdf, ExportPaper::A4).unwrap();
        assert!(
            plan.pages >= 3,
            "cover, summary, plan... {} pages",
            plan.pages
        );
        // An A4 page, portrait, fitted to the preview's size.
        assert!(
            (plan.height as f32 - preview::PREVIEW_PIXELS).abs() <= 1.0,
            "{}",
            plan.height
        );
        let ratio = plan.width as f32 / plan.height as f32;
        assert!((ratio - 210.0 / 297.0).abs() < 0.01, "{ratio}");
        let png = decode(&plan.png_base64);
        assert_eq!(&png[..4], b"\x89PNG");
        assert!(distinct_colours(&png) > 2, "the cover has text on it");

        let map = preview(ExportFormat::MapPng, ExportPaper::A4).unwrap();
        assert_eq!(map.pages, 1);
        assert!(map.width.max(map.height) as f32 <= preview::PREVIEW_PIXELS + 1.0);
        let a3 = preview(ExportFormat::MapPdf, ExportPaper::A3).unwrap();
        assert!(a3.width > a3.height, "A3 tiles are landscape");

        let e = preview(ExportFormat::PlanCsv, ExportPaper::A4).unwrap_err();
        assert_eq!(e.kind, ShellErrorKind::InvalidRequest.into());
    }

    fn decode(b64: &str) -> Vec<u8> {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap()
    }

    /// How many different pixels a PNG has (a blank page has one).
    fn distinct_colours(png: &[u8]) -> usize {
        let image = resvg::tiny_skia::Pixmap::decode_png(png).unwrap();
        let mut seen: Vec<[u8; 4]> = image
            .pixels()
            .iter()
            .map(|p| [p.red(), p.green(), p.blue(), p.alpha()])
            .collect();
        seen.sort();
        seen.dedup();
        seen.len()
    }
}
