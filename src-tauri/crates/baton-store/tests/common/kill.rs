//! The harness of the crash tests (`crash_safety.rs`, `encryption_crash.rs`). The process killed
//! is the test binary itself, run again with one child test selected (`--exact NAME`) and an
//! environment variable naming the file; child tests return at once when it is unset. A child
//! reports what it has done, one line each (`report`), so the parent knows what must survive.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// What a child prints before each report, to tell it from libtest's own output.
const REPORT_PREFIX: &str = "report ";
/// The report a child sends once its file is open, when the parent must wait for that.
pub const READY: &str = "ready";

/// The parent tests of a crash test file run one at a time. Each forks children while it holds
/// files open; a sibling test's child forked at that moment shares the parent's descriptors
/// until it execs, and with them the `flock` of a file the parent has just closed, so under load
/// a reopen could find its own file "open in another Baton" or a temp file not yet removable.
pub fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// xorshift32: delays and sizes that differ per iteration yet repeat from run to run.
pub fn xorshift(mut state: u32) -> u32 {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    state
}

/// 5 to 59 ms, different for each iteration and the same in every run.
pub fn kill_delay(iteration: u32) -> Duration {
    let mut state = iteration.wrapping_mul(2_654_435_761) | 1;
    for _ in 0..3 {
        state = xorshift(state);
    }
    Duration::from_millis(5 + u64::from(state % 55))
}

/// Child side: one report line, flushed at once (a kill may follow any moment).
pub fn report(line: &str) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(out, "{REPORT_PREFIX}{line}").unwrap();
    out.flush().unwrap();
}

/// The test binary again, running only the child test `child` on the file in `env`.
pub fn child_command(child: &str, env: &str, path: &Path) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", child, "--nocapture", "--test-threads=1"])
        .env(env, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    command
}

/// How a killed child ended, and what it reported before (READY excluded).
pub struct Killed {
    pub reports: Vec<String>,
    pub status: ExitStatus,
}

/// When the kill's delay starts counting.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum KillAfter {
    /// From the start: the child is killed whatever it was doing, opening included.
    Start,
    /// From its READY report (deriving a key takes long and varies; at most 20 s waited).
    Ready,
}

/// Runs `child` on `path` (through `env`), SIGKILLs it `delay` after `after`, and returns its
/// complete reports: a line cut by the kill proves nothing.
pub fn run_child_and_kill(
    child: &str,
    env: &str,
    path: &Path,
    after: KillAfter,
    delay: Duration,
) -> Killed {
    let mut process = child_command(child, env, path).spawn().unwrap();
    let stdout = process.stdout.take().unwrap();
    let (ready_sender, ready) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        complete_reports(stdout, || {
            let _ = ready_sender.send(());
        })
    });
    let was_ready =
        after == KillAfter::Start || ready.recv_timeout(Duration::from_secs(20)).is_ok();
    std::thread::sleep(delay);
    let pid = libc::pid_t::try_from(process.id()).unwrap();
    // SAFETY: `pid` is our own child, not yet waited for, so the id cannot have been reused.
    unsafe { libc::kill(pid, libc::SIGKILL) };
    let status = process.wait().unwrap();
    let reports = reader.join().unwrap();
    assert!(was_ready, "the child never opened the file");
    Killed { reports, status }
}

/// The reports in a child's output, complete lines only; `on_ready` is called at READY.
pub fn complete_reports(stdout: impl std::io::Read, mut on_ready: impl FnMut()) -> Vec<String> {
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
                    let report = &text.trim_end()[start + REPORT_PREFIX.len()..];
                    if report == READY {
                        on_ready();
                    } else {
                        reports.push(report.to_string());
                    }
                }
            }
            Ok(_) => break,
        }
    }
    reports
}
