//! A writer killed with SIGKILL at random moments never leaves a damaged file, and never loses an
//! edit it had reported as applied.
//!
//! The writer is this test binary run again (`child_writer`), selected by `BATON_CRASH_CHILD`, so
//! the kill hits a real separate process holding the real file open.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use baton_core::{new_id, Edit, Persona};
use baton_store::{Document, ErrorKind};

const CHILD_ENV: &str = "BATON_CRASH_CHILD";
/// What the writer prints before each id it has seen applied, to tell it from the harness' output.
const REPORT_PREFIX: &str = "applied ";
const KILLS: u32 = 200;

/// Opens the file, waiting out the lock a just-killed writer may still hold for a moment.
fn open_when_free(path: &Path) -> Document {
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        match Document::open(path) {
            Ok(doc) => return doc,
            Err(error)
                if matches!(error.kind(), ErrorKind::Locked | ErrorKind::AlreadyOpen)
                    && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(error) => panic!("the writer could not open {}: {error}", path.display()),
        }
    }
}

/// Child mode: creates personas until killed, reporting each one once `apply` has returned.
#[test]
fn child_writer() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut doc = open_when_free(Path::new(&path));
    let stdout = std::io::stdout();
    // Stop on our own after a while, so a parent that died early leaves no writer behind.
    let give_up = Instant::now() + Duration::from_secs(10);
    let mut counter = 0u32;
    while Instant::now() < give_up {
        counter += 1;
        let persona = Persona {
            id: new_id(),
            name: format!("p-{counter}"),
            role: String::new(),
            description: String::new(),
            position: u32::try_from(doc.workspace().personas.len()).unwrap(),
        };
        let id = persona.id.clone();
        doc.apply(Edit::CreatePersona { persona }).unwrap();
        let mut out = stdout.lock();
        writeln!(out, "{REPORT_PREFIX}{id}").unwrap();
        out.flush().unwrap();
    }
}

/// xorshift32: kill delays that differ per iteration yet repeat from run to run.
fn xorshift(mut state: u32) -> u32 {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    state
}

fn kill_delay(iteration: u32) -> Duration {
    let mut state = iteration.wrapping_mul(2_654_435_761) | 1;
    for _ in 0..3 {
        state = xorshift(state);
    }
    Duration::from_millis(5 + u64::from(state % 55))
}

/// Runs one writer, kills it after `delay`, and returns the ids it reported (complete lines only:
/// a line cut by the kill proves nothing).
fn run_and_kill(path: &Path, delay: Duration) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_writer", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut ids = vec![];
        let mut line = Vec::new();
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) if line.ends_with(b"\n") => {
                    let text = String::from_utf8_lossy(&line);
                    if let Some(id) = text.trim_end().strip_prefix(REPORT_PREFIX) {
                        ids.push(id.to_string());
                    }
                }
                Ok(_) => break,
            }
        }
        ids
    });
    std::thread::sleep(delay);
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    // SAFETY: `pid` is our own child, not yet waited for, so the id cannot have been reused.
    let sent = unsafe { libc::kill(pid, libc::SIGKILL) };
    assert_eq!(sent, 0, "SIGKILL could not be sent");
    let status = child.wait().unwrap();
    // Anything but death by SIGKILL means the writer failed (open or apply) before the kill.
    assert_eq!(
        status.signal(),
        Some(libc::SIGKILL),
        "the writer ended on its own: {status:?}"
    );
    reader.join().unwrap()
}

#[test]
fn survives_sigkill() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.baton");
    Document::create(&path, "Crash").unwrap().close().unwrap();

    let mut reported = vec![];
    let mut kills_while_writing = 0;
    for iteration in 0..KILLS {
        let ids = run_and_kill(&path, kill_delay(iteration));
        if !ids.is_empty() {
            kills_while_writing += 1;
        }
        reported.extend(ids);
    }
    assert!(
        !reported.is_empty(),
        "no writer got as far as one edit: the test proved nothing"
    );

    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.integrity_problems().unwrap(), Vec::<String>::new());
    let personas = &doc.workspace().personas;
    let lost: Vec<&String> = reported
        .iter()
        .filter(|id| !personas.contains_key(*id))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} reported edits were lost: {lost:?}",
        lost.len(),
        reported.len()
    );
    doc.close().unwrap();
    eprintln!(
        "{KILLS} kills ({kills_while_writing} after the writer's first edit), \
         {} reported edits all kept, {:?}",
        reported.len(),
        started.elapsed()
    );
}
