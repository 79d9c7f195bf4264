//! Exports under way and done: a cancel flag per running export (the dialog's Cancel sets it),
//! the written file of each finished one (so "Show in folder" names a job, never a path), the
//! atomic write, and showing a file in the system's file manager.

use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use baton_session::error::{AppError, AppResult, ShellErrorKind};
use baton_store::temp_files::TempFile;

use super::render::{Cancelled, Rendered, Steps};

/// How many finished exports "Show in folder" remembers.
const REMEMBERED: usize = 32;
/// A job id is the page's own random name for one export.
const MAX_JOB_ID_CHARS: usize = 64;
/// Bytes written between two looks at the cancel flag.
const CHUNK: usize = 1 << 20;

#[derive(Default)]
struct Jobs {
    running: HashMap<String, Arc<AtomicBool>>,
    done: VecDeque<(String, PathBuf)>,
}

/// The app's exports, shared by the commands (Tauri state).
#[derive(Clone, Default)]
pub struct ExportJobs(Arc<Mutex<Jobs>>);

/// A running export's cancel flag; dropping it forgets the job.
pub struct Running {
    jobs: ExportJobs,
    id: String,
    cancelled: Arc<AtomicBool>,
}

impl Running {
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }

    /// `Err(Cancelled)` once the user cancelled.
    pub fn go_on(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(mut jobs) = self.jobs.0.lock() {
            jobs.running.remove(&self.id);
        }
    }
}

impl ExportJobs {
    fn lock(&self) -> AppResult<MutexGuard<'_, Jobs>> {
        self.0
            .lock()
            .map_err(|_| AppError::internal("The list of exports is unusable after a crash"))
    }

    /// Starts the job `id` (refused when one of that id is running).
    pub fn start(&self, id: &str) -> AppResult<Running> {
        if id.is_empty() || id.chars().count() > MAX_JOB_ID_CHARS {
            return Err(AppError::new(
                ShellErrorKind::InvalidRequest,
                "An export needs a job id of 1 to 64 characters",
            ));
        }
        let mut jobs = self.lock()?;
        if jobs.running.contains_key(id) {
            return Err(AppError::new(
                ShellErrorKind::InvalidRequest,
                "An export with this job id is already running",
            ));
        }
        let cancelled = Arc::new(AtomicBool::new(false));
        jobs.running.insert(id.to_owned(), Arc::clone(&cancelled));
        Ok(Running {
            jobs: self.clone(),
            id: id.to_owned(),
            cancelled,
        })
    }

    /// Asks the job `id` to stop; true when it was running. A finished or unknown job is left
    /// alone (a late Cancel is not an error).
    pub fn cancel(&self, id: &str) -> AppResult<bool> {
        Ok(match self.lock()?.running.get(id) {
            Some(flag) => {
                flag.store(true, Ordering::SeqCst);
                true
            }
            None => false,
        })
    }

    /// Notes where the job `id` wrote its file.
    pub fn finished(&self, id: &str, path: &Path) -> AppResult<()> {
        let mut jobs = self.lock()?;
        jobs.done.retain(|(job, _)| job != id);
        jobs.done.push_back((id.to_owned(), path.to_owned()));
        while jobs.done.len() > REMEMBERED {
            jobs.done.pop_front();
        }
        Ok(())
    }

    /// The file the finished job `id` wrote.
    pub fn written(&self, id: &str) -> AppResult<PathBuf> {
        self.lock()?
            .done
            .iter()
            .find(|(job, _)| job == id)
            .map(|(_, path)| path.clone())
            .ok_or_else(|| AppError::not_found("That export"))
    }
}

/// How often a running export looks at the cancel flag while a step renders.
const CANCEL_POLL: Duration = Duration::from_millis(50);

/// What a finished render gives: the bytes (or `Cancelled` seen at a step), how long it took,
/// and how many steps it announced.
pub struct Finished {
    pub bytes: Result<Vec<u8>, Cancelled>,
    pub render_ms: u32,
    pub steps: u32,
}

/// Runs `render` on a thread of its own while this one watches the cancel flag, so Cancel
/// answers within `CANCEL_POLL` even inside one long step (Typst lays out a wall map in one
/// call that can take minutes). A render abandoned that way finishes in the background and its
/// bytes are dropped: only the caller writes, and it has returned. `announce(n, label)` tells
/// each step as it starts; the render's own look at the flag stops it at the next step.
pub fn render_unless_cancelled(
    running: &Running,
    mut announce: impl FnMut(u32, &str) + Send + 'static,
    render: impl FnOnce(&mut Steps) -> AppResult<Rendered> + Send + 'static,
) -> AppResult<Result<Finished, Cancelled>> {
    let cancelled = Arc::clone(&running.cancelled);
    let (sender, receiver) = mpsc::channel();
    thread::Builder::new()
        .name("export-render".into())
        .spawn(move || {
            let started = Instant::now();
            let mut steps = 0;
            let mut step = |label: &str| {
                if cancelled.load(Ordering::SeqCst) {
                    return Err(Cancelled);
                }
                steps += 1;
                announce(steps, label);
                Ok(())
            };
            let result = render(&mut step);
            let render_ms = u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX);
            // The watcher may have gone (cancelled): then nobody wants the bytes.
            let _ = sender.send(result.map(|bytes| Finished {
                bytes,
                render_ms,
                steps,
            }));
        })
        .map_err(|e| AppError::internal(format!("The export could not start: {e}")))?;
    loop {
        match receiver.recv_timeout(CANCEL_POLL) {
            Ok(Ok(rendered)) if rendered.bytes.is_err() => return Ok(Err(Cancelled)),
            Ok(result) => return result.map(Ok),
            Err(RecvTimeoutError::Timeout) if running.is_cancelled() => return Ok(Err(Cancelled)),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                return Err(AppError::internal("The export stopped before it finished"))
            }
        }
    }
}

/// Writes `bytes` to `target` through a temp file beside it, moved into place only when whole
/// (`replace`: over an existing file, which the save dialog confirmed). A cancel seen between
/// chunks, or any failure, removes the temp file: `target` is then untouched.
pub fn write_atomically(
    target: &Path,
    bytes: &[u8],
    replace: bool,
    running: &Running,
) -> AppResult<Result<(), Cancelled>> {
    let mut temp = TempFile::create(target)?;
    for chunk in bytes.chunks(CHUNK) {
        if running.is_cancelled() {
            return Ok(Err(Cancelled));
        }
        temp.file()
            .write_all(chunk)
            .map_err(|e| AppError::io("write", target, &e))?;
    }
    if running.is_cancelled() {
        return Ok(Err(Cancelled));
    }
    temp.place(target, replace)?;
    Ok(Ok(()))
}

/// Shows `path` selected in the system's file manager.
pub fn reveal(path: &Path) -> AppResult<()> {
    if !path.exists() {
        return Err(AppError::not_found(format!(
            "The exported file {}",
            path.display()
        )));
    }
    reveal_in_file_manager(path).map_err(|detail| {
        AppError::new(
            ShellErrorKind::RevealFailed,
            format!("The file manager could not show the file: {detail}"),
        )
    })
}

/// Linux: the freedesktop FileManager1 D-Bus call (Files, Dolphin, Nemo, Thunar... select the
/// file); without one, the folder opened by its default application.
#[cfg(target_os = "linux")]
fn reveal_in_file_manager(path: &Path) -> Result<(), String> {
    use gio::prelude::*;
    let uri = gio::File::for_path(path).uri().to_string();
    let shown = gio::bus_get_sync(gio::BusType::Session, gio::Cancellable::NONE).and_then(|bus| {
        bus.call_sync(
            Some("org.freedesktop.FileManager1"),
            "/org/freedesktop/FileManager1",
            "org.freedesktop.FileManager1",
            "ShowItems",
            Some(&(vec![uri], String::new()).to_variant()),
            None,
            gio::DBusCallFlags::NONE,
            5_000,
            gio::Cancellable::NONE,
        )
    });
    if shown.is_ok() {
        return Ok(());
    }
    let folder = path.parent().unwrap_or(path);
    let folder_uri = gio::File::for_path(folder).uri();
    gio::AppInfo::launch_default_for_uri(&folder_uri, gio::AppLaunchContext::NONE)
        .map_err(|e| e.to_string())
}

#[cfg(target_os = "macos")]
fn reveal_in_file_manager(path: &Path) -> Result<(), String> {
    run_shower(std::process::Command::new("open").arg("-R").arg(path))
}

#[cfg(target_os = "windows")]
fn reveal_in_file_manager(path: &Path) -> Result<(), String> {
    let mut select = std::ffi::OsString::from("/select,");
    select.push(path);
    run_shower(std::process::Command::new("explorer").arg(select))
}

#[cfg(any(target_os = "macos", target_os = "windows"))]
fn run_shower(command: &mut std::process::Command) -> Result<(), String> {
    command.spawn().map(drop).map_err(|e| e.to_string())
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn reveal_in_file_manager(_path: &Path) -> Result<(), String> {
    Err("not supported on this system".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_render_gives_its_bytes_and_announces_its_steps() {
        let jobs = ExportJobs::default();
        let running = jobs.start("r1").unwrap();
        let said = Arc::new(Mutex::new(Vec::new()));
        let heard = Arc::clone(&said);
        let finished = render_unless_cancelled(
            &running,
            move |n, label: &str| heard.lock().unwrap().push(format!("{n} {label}")),
            |step| {
                step("Laying out").unwrap();
                step("Drawing").unwrap();
                Ok(Ok(b"%PDF".to_vec()))
            },
        )
        .unwrap()
        .unwrap();
        assert_eq!(finished.bytes.unwrap(), b"%PDF");
        assert_eq!(finished.steps, 2);
        assert_eq!(*said.lock().unwrap(), vec!["1 Laying out", "2 Drawing"]);
    }

    #[test]
    fn cancel_answers_while_a_step_is_still_rendering() {
        let jobs = ExportJobs::default();
        let running = jobs.start("r2").unwrap();
        let release = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicBool::new(false));
        let (release_in, done_in) = (Arc::clone(&release), Arc::clone(&done));
        assert!(jobs.cancel("r2").unwrap());
        // One long step that only ends when the test lets it: the watcher must not wait for it.
        let answer = render_unless_cancelled(
            &running,
            |_, _: &str| {},
            move |_| {
                while !release_in.load(Ordering::SeqCst) {
                    thread::sleep(Duration::from_millis(5));
                }
                done_in.store(true, Ordering::SeqCst);
                Ok(Ok(b"late".to_vec()))
            },
        )
        .unwrap();
        assert!(answer.is_err(), "cancelled");
        assert!(
            !done.load(Ordering::SeqCst),
            "answered before the step ended"
        );
        release.store(true, Ordering::SeqCst);
    }

    #[test]
    fn a_finished_write_leaves_only_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.pdf");
        let jobs = ExportJobs::default();
        let running = jobs.start("j1").unwrap();
        write_atomically(&target, b"%PDF-1.7 whole", false, &running)
            .unwrap()
            .unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-1.7 whole");
        assert_eq!(names_in(dir.path()), vec!["plan.pdf"]);
        // Not replacing: an existing file is refused, typed, and kept.
        let e = write_atomically(&target, b"other", false, &running).unwrap_err();
        assert_eq!(e.kind, baton_store::ErrorKind::FileExists.into());
        assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-1.7 whole");
        write_atomically(&target, b"new", true, &running)
            .unwrap()
            .unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(names_in(dir.path()), vec!["plan.pdf"]);
    }

    #[test]
    fn a_cancelled_write_leaves_nothing_and_an_old_file_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let jobs = ExportJobs::default();
        let running = jobs.start("j2").unwrap();
        assert!(jobs.cancel("j2").unwrap());
        let fresh = dir.path().join("fresh.png");
        let big = vec![7u8; 3 * CHUNK];
        assert_eq!(
            write_atomically(&fresh, &big, true, &running).unwrap(),
            Err(Cancelled)
        );
        assert!(
            names_in(dir.path()).is_empty(),
            "{:?}",
            names_in(dir.path())
        );
        let old = dir.path().join("old.png");
        std::fs::write(&old, b"before").unwrap();
        assert_eq!(
            write_atomically(&old, &big, true, &running).unwrap(),
            Err(Cancelled)
        );
        assert_eq!(std::fs::read(&old).unwrap(), b"before");
        assert_eq!(names_in(dir.path()), vec!["old.png"]);
    }

    #[test]
    fn jobs_are_named_once_and_forgotten_when_they_end() {
        let jobs = ExportJobs::default();
        assert!(jobs.start("").is_err());
        assert!(jobs.start(&"x".repeat(65)).is_err());
        let running = jobs.start("a").unwrap();
        assert!(jobs.start("a").is_err(), "one job per id at a time");
        assert!(!running.is_cancelled());
        drop(running);
        assert!(!jobs.cancel("a").unwrap(), "a finished job is not running");
        assert!(jobs.start("a").is_ok());
    }

    #[test]
    fn show_in_folder_knows_only_finished_jobs() {
        let jobs = ExportJobs::default();
        assert_eq!(
            jobs.written("nope").unwrap_err().kind,
            baton_store::ErrorKind::NotFound.into()
        );
        for n in 0..(REMEMBERED + 1) {
            jobs.finished(&format!("j{n}"), Path::new(&format!("/tmp/{n}.pdf")))
                .unwrap();
        }
        assert!(jobs.written("j0").is_err(), "the oldest is forgotten");
        assert_eq!(
            jobs.written(&format!("j{REMEMBERED}")).unwrap(),
            PathBuf::from(format!("/tmp/{REMEMBERED}.pdf"))
        );
        let e = reveal(Path::new("/no/such/export.pdf")).unwrap_err();
        assert_eq!(e.kind, baton_store::ErrorKind::NotFound.into());
    }
}
