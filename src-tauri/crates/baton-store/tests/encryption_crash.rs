//! Encrypted files under SIGKILL: a writer killed at random moments never damages the file nor
//! loses a reported edit, and neither the file nor its journal ever holds the client's text in
//! clear; setting, changing and removing the passphrase killed mid-way leaves the old file or
//! the new one, each opening with its own passphrase.
//!
//! The child is this test binary run again, selected by `BATON_CRYPT_CHILD` (as in
//! `crash_safety.rs`). It prints "ready" once the file is open (deriving the key takes a while),
//! and the kill comes a random delay after that.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use baton_core::{new_id, Edit, Persona};
use baton_store::{Document, ErrorKind, Passphrase};

const CHILD_ENV: &str = "BATON_CRYPT_CHILD";
const REPORT_PREFIX: &str = "report ";
const READY: &str = "ready";
const KILLS: u32 = 200;
const REKEY_KILLS: u32 = 30;
const VERBATIM: &str = "Mr Abernathy-Quist's loan 88-1207 was refused by phone";
const FIRST: &str = "first passphrase";
const SECOND: &str = "second passphrase";

fn pass(text: &str) -> Passphrase {
    Passphrase::new(text).unwrap()
}

/// Opens with whichever of: no passphrase, `FIRST`, `SECOND` works, waiting out the lock of a
/// just-killed child; returns the document and which one opened it.
fn open_any(path: &Path) -> (Document, Option<&'static str>) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let mut locked = false;
        for key in [None, Some(FIRST), Some(SECOND)] {
            let opened = match key {
                None => Document::open(path),
                Some(key) => Document::open_with_passphrase(path, pass(key)),
            };
            match opened {
                Ok(doc) if doc.is_encrypted() == key.is_some() => return (doc, key),
                Ok(doc) => doc.close().unwrap(),
                Err(error)
                    if matches!(error.kind(), ErrorKind::Locked | ErrorKind::AlreadyOpen) =>
                {
                    locked = true;
                    break;
                }
                Err(error)
                    if matches!(
                        error.kind(),
                        ErrorKind::PassphraseRequired | ErrorKind::WrongPassphrase
                    ) => {}
                Err(error) => panic!("{} does not open: {error}", path.display()),
            }
        }
        assert!(
            locked && Instant::now() < deadline,
            "{} opens with none of the passphrases",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn report(line: &str) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(out, "{REPORT_PREFIX}{line}").unwrap();
    out.flush().unwrap();
}

/// Child mode: opens the encrypted file and creates personas holding the verbatim until killed,
/// reporting each id once `apply` has returned.
/// The parent tests of this file run one at a time. Each forks children while it holds files
/// open; a sibling test's child forked at that moment shares the parent's descriptors until it
/// execs, and with them the `flock` of a file the parent has just closed, so under load a
/// reopen could find its own file "open in another Baton" or a temp file not yet removable.
fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[test]
fn child_encrypted_writer() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let (mut doc, _) = open_any(Path::new(&path));
    report(READY);
    let give_up = Instant::now() + Duration::from_secs(10);
    while Instant::now() < give_up {
        let persona = Persona {
            id: new_id(),
            name: "Abernathy-Quist".into(),
            role: String::new(),
            description: VERBATIM.into(),
            position: u32::try_from(doc.workspace().personas.len()).unwrap(),
            goals: String::new(),
            frustrations: String::new(),
        };
        let id = persona.id.clone();
        doc.apply(Edit::CreatePersona { persona }).unwrap();
        report(&id);
    }
}

/// Child mode: turns the file plain -> FIRST -> SECOND -> plain ... until killed, reporting the
/// passphrase in force after each step ("plain", FIRST or SECOND).
#[test]
fn child_rekeyer() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let (mut doc, mut key) = open_any(Path::new(&path));
    report(READY);
    let give_up = Instant::now() + Duration::from_secs(10);
    while Instant::now() < give_up {
        key = match key {
            None => {
                doc.set_passphrase(pass(FIRST)).unwrap();
                Some(FIRST)
            }
            Some(FIRST) => {
                doc.change_passphrase(&pass(FIRST), pass(SECOND)).unwrap();
                Some(SECOND)
            }
            Some(_) => {
                doc.remove_passphrase(&pass(SECOND)).unwrap();
                None
            }
        };
        report(key.unwrap_or("plain"));
    }
}

/// Runs `child` on `path`, kills it `delay` after it is ready (or after 20 s), and returns its
/// complete reports after "ready".
fn run_child_and_kill(child: &str, path: &Path, delay: Duration) -> Vec<String> {
    let mut process = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", child, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = process.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut reports = vec![];
        let mut line = Vec::new();
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) if line.ends_with(b"\n") => {
                    // The first report follows libtest's "test NAME ... " on the same line.
                    let text = String::from_utf8_lossy(&line);
                    if let Some(start) = text.find(REPORT_PREFIX) {
                        let report = text.trim_end()[start + REPORT_PREFIX.len()..].to_string();
                        if report == READY {
                            let _ = sender.send(());
                        } else {
                            reports.push(report);
                        }
                    }
                }
                Ok(_) => break,
            }
        }
        reports
    });
    let ready = receiver.recv_timeout(Duration::from_secs(20)).is_ok();
    if ready {
        std::thread::sleep(delay);
    }
    let pid = libc::pid_t::try_from(process.id()).unwrap();
    // SAFETY: `pid` is our own child, not yet waited for, so the id cannot have been reused.
    unsafe { libc::kill(pid, libc::SIGKILL) };
    process.wait().unwrap();
    let reports = reader.join().unwrap();
    assert!(ready, "the child never opened the file");
    reports
}

fn kill_delay(iteration: u32) -> Duration {
    let mut state = iteration.wrapping_mul(2_654_435_761) | 1;
    for _ in 0..3 {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
    }
    Duration::from_millis(u64::from(state % 60))
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

/// Neither the file nor anything beside it (its journal, a temp file) holds the verbatim.
fn assert_no_plaintext_in(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap_or_default();
        assert!(
            !contains(&bytes, VERBATIM) && !contains(&bytes, "Abernathy"),
            "the client's text is in clear in {}",
            path.display()
        );
    }
}

#[test]
fn an_encrypted_file_survives_sigkill_and_never_holds_plaintext() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let _serial = one_at_a_time();
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.baton");
    Document::create_encrypted(&path, "Crash", pass(FIRST))
        .unwrap()
        .close()
        .unwrap();
    let mut reported = vec![];
    let mut journals_seen = 0;
    for iteration in 0..KILLS {
        reported.extend(run_child_and_kill(
            "child_encrypted_writer",
            &path,
            kill_delay(iteration),
        ));
        // Right after the kill: whatever it left (a hot journal included) is ciphertext.
        if dir.path().join("crash.baton-journal").exists() {
            journals_seen += 1;
        }
        assert_no_plaintext_in(dir.path());
    }
    assert!(!reported.is_empty(), "no writer got as far as one edit");
    let doc = Document::open_with_passphrase(&path, pass(FIRST)).unwrap();
    assert_eq!(doc.integrity_problems().unwrap(), Vec::<String>::new());
    let personas = &doc.workspace().personas;
    let lost: Vec<&String> = reported
        .iter()
        .filter(|id| !personas.contains_key(*id))
        .collect();
    assert!(lost.is_empty(), "{} reported edits lost", lost.len());
    doc.close().unwrap();
    assert_no_plaintext_in(dir.path());
    let report = baton_store::check_file_with_passphrase(&path, Some(&pass(FIRST))).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    eprintln!(
        "{KILLS} kills, {} reported edits all kept, {journals_seen} journals left, {:?}",
        reported.len(),
        started.elapsed()
    );
}

#[test]
fn setting_changing_and_removing_a_passphrase_survive_sigkill() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rekey.baton");
    let mut doc = Document::create(&path, "Rekey").unwrap();
    for position in 0..20 {
        doc.apply(Edit::CreatePersona {
            persona: common::persona(&format!("p-{position}"), position),
        })
        .unwrap();
    }
    doc.close().unwrap();
    let mut state: Option<&str> = None;
    let mut steps = 0;
    let mut changes = 0;
    for iteration in 0..REKEY_KILLS {
        // Each step derives a key or two (PBKDF2, 256,000 rounds): kills spread over a few steps.
        let delay = kill_delay(iteration) * 40;
        let reports = run_child_and_kill("child_rekeyer", &path, delay);
        steps += reports.len();
        let last_reported = reports.last().map(|last| match last.as_str() {
            "plain" => None,
            other if other == FIRST => Some(FIRST),
            _ => Some(SECOND),
        });
        let (doc, found) = open_any(&path);
        // The file is the last step reported, or the one after it (done but not yet reported).
        let before = last_reported.unwrap_or(state);
        let next = match before {
            None => Some(FIRST),
            Some(FIRST) => Some(SECOND),
            Some(_) => None,
        };
        assert!(
            found == before || found == next,
            "after {before:?} the file opens with {found:?}"
        );
        // Done but not reported: the kill came between the rename and the report.
        changes += usize::from(found != before);
        assert_eq!(doc.workspace().personas.len(), 20);
        assert!(doc.integrity_problems().unwrap().is_empty());
        doc.close().unwrap();
        state = found;
    }
    assert!(steps > 0, "no child completed a single step");
    // Nothing is left beside the file once a later Baton has opened it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["rekey.baton".to_string()], "{names:?}");
    eprintln!(
        "{REKEY_KILLS} kills during {steps} completed passphrase steps \
         ({changes} found done but not yet reported)"
    );
}
