//! Issue 10's attacks on how `baton` makes and writes files: killed creations and imports, stale
//! temp files, a full disk, a read-only folder. Every promise "unchanged" is checked byte for
//! byte.

use std::fs::{self, File};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

use baton_tests::{baton_exe, Sandbox};

/// The first bytes of a rollback journal SQLite still has to play back.
const HOT_JOURNAL_MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];

/// The hidden files beside `name` in the sandbox (`.NAME.*`): temp files and their journals.
fn leftovers(sandbox: &Sandbox, name: &str) -> Vec<String> {
    let prefix = format!(".{name}.");
    let mut found: Vec<String> = fs::read_dir(sandbox.dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|file| file.starts_with(&prefix))
        .collect();
    found.sort();
    found
}

/// Whether a journal beside `path` still has to be played back.
fn has_hot_journal(path: &Path) -> bool {
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    fs::read(journal).is_ok_and(|bytes| bytes.starts_with(&HOT_JOURNAL_MAGIC))
}

/// `baton args...` in the sandbox, killed with SIGKILL after `delay` (if still running).
fn run_and_kill(sandbox: &Sandbox, args: &[&str], delay: Duration) {
    let mut child = Command::new(baton_exe())
        .args(args)
        .current_dir(sandbox.dir())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    // SAFETY: `pid` is our own child, not yet waited for, so the id cannot have been reused.
    unsafe { libc::kill(pid, libc::SIGKILL) };
    child.wait().unwrap();
}

/// `baton args...` in the sandbox with every file it writes limited to `max_bytes`
/// (RLIMIT_FSIZE), as on a disk with that much room: a write past it fails with EFBIG.
fn run_with_file_size_limit(sandbox: &Sandbox, args: &[&str], max_bytes: u64) -> Output {
    let mut command = Command::new(baton_exe());
    command
        .args(args)
        .current_dir(sandbox.dir())
        .stdin(Stdio::null());
    // SAFETY: between fork and exec only async-signal-safe calls (signal, setrlimit).
    unsafe {
        command.pre_exec(move || {
            // Ignored, SIGXFSZ does not kill the process: the write returns EFBIG instead.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: max_bytes,
                rlim_max: max_bytes,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    command.output().unwrap()
}

/// The exported JSON of a demo file (every template: big enough for a kill to land mid-way).
fn demo_export(sandbox: &Sandbox) -> String {
    sandbox.run(&["demo", "source.baton"]).ok();
    let json = sandbox.path("export.json");
    sandbox
        .run(&[
            "export-json",
            "source.baton",
            "--output",
            json.to_str().unwrap(),
        ])
        .ok();
    json.to_string_lossy().into_owned()
}

/// Spreads `count` kill delays over `span`, so kills land at every stage of the work.
fn delays(count: u32, span: Duration) -> impl Iterator<Item = Duration> {
    (0..count).map(move |i| span.mul_f64(f64::from(i) / f64::from(count)))
}

/// How long `baton args...` takes, to aim the kills.
fn duration_of(sandbox: &Sandbox, args: &[&str]) -> Duration {
    let started = Instant::now();
    sandbox.run(args).ok();
    started.elapsed()
}

/// Issue 10, attack 1: a killed `import-json` (without `--force`) left a half-made target that
/// every command then refused and a retry could not replace.
#[test]
fn a_killed_import_json_leaves_nothing_or_a_whole_file_at_the_target() {
    let sandbox = Sandbox::new();
    let json = demo_export(&sandbox);
    let span = duration_of(&sandbox, &["import-json", &json, "timing.baton"]);
    let (mut nothing, mut whole) = (0, 0);
    for delay in delays(30, span) {
        run_and_kill(&sandbox, &["import-json", &json, "client.baton"], delay);
        if sandbox.path("client.baton").exists() {
            // Whatever is there is the whole import.
            sandbox.run(&["check", "client.baton"]).ok();
            let info = sandbox.run(&["info", "client.baton", "--json"]).ok().json();
            assert_eq!(info["journeys"].as_array().unwrap().len(), 4);
            whole += 1;
            fs::remove_file(sandbox.path("client.baton")).unwrap();
        } else {
            // Nothing there: a retry is not refused.
            sandbox.run(&["import-json", &json, "client.baton"]).ok();
            nothing += 1;
            fs::remove_file(sandbox.path("client.baton")).unwrap();
        }
    }
    assert!(nothing > 0, "no kill landed before the import finished");
    // A later run removes what the killed ones left (their temp files and journals).
    sandbox.run(&["import-json", &json, "client.baton"]).ok();
    assert_eq!(leftovers(&sandbox, "client.baton"), Vec::<String>::new());
    eprintln!("{nothing} kills left nothing, {whole} a whole file");
}

/// Attack 1 for `new --template` and `demo`: the file appears whole (with its template) or not
/// at all.
#[test]
fn a_killed_new_or_demo_leaves_nothing_or_a_whole_file() {
    let sandbox = Sandbox::new();
    let commands: [(&[&str], usize); 2] = [
        (&["new", "client.baton", "--template", "bank_lost_card"], 1),
        (&["demo", "client.baton"], 4),
    ];
    for (args, journeys) in commands {
        let span = duration_of(&sandbox, args);
        fs::remove_file(sandbox.path("client.baton")).unwrap();
        for delay in delays(15, span) {
            run_and_kill(&sandbox, args, delay);
            if sandbox.path("client.baton").exists() {
                let info = sandbox.run(&["info", "client.baton", "--json"]).ok().json();
                assert_eq!(
                    info["journeys"].as_array().unwrap().len(),
                    journeys,
                    "{args:?} left a file without its template"
                );
                fs::remove_file(sandbox.path("client.baton")).unwrap();
            }
        }
    }
}

/// Attack 2: killed `--force` imports left `.NAME.new-PID` files and journals forever.
#[test]
fn killed_force_imports_leave_the_old_file_or_the_new_one_and_no_temp_file_after_the_next_run() {
    let sandbox = Sandbox::new();
    let json = demo_export(&sandbox);
    sandbox.run(&["new", "client.baton"]).ok();
    let before = sandbox.read("client.baton");
    let span = duration_of(&sandbox, &["import-json", &json, "timing.baton"]);
    // Each run removes what the killed one before it left: count what each kill leaves.
    let mut kills_leaving_temp_files = 0;
    for delay in delays(20, span) {
        run_and_kill(
            &sandbox,
            &["import-json", &json, "client.baton", "--force"],
            delay,
        );
        if !leftovers(&sandbox, "client.baton").is_empty() {
            kills_leaving_temp_files += 1;
        }
        if sandbox.read("client.baton") != before {
            // Replaced: by the whole import.
            let info = sandbox.run(&["info", "client.baton", "--json"]).ok().json();
            assert_eq!(info["journeys"].as_array().unwrap().len(), 4);
            break;
        }
    }
    assert!(
        kills_leaving_temp_files > 0,
        "no kill left a temp file to clean: the test proves nothing"
    );
    sandbox
        .run(&["import-json", &json, "client.baton", "--force"])
        .ok();
    assert_eq!(leftovers(&sandbox, "client.baton"), Vec::<String>::new());
}

/// Attack 2: stale temp files are removed by a later run, but never one a live process holds,
/// nor a file that only looks alike.
#[test]
fn stale_temp_files_are_removed_and_live_or_unrelated_ones_kept() {
    let sandbox = Sandbox::new();
    sandbox.run(&["new", "client.baton"]).ok();
    let dead = sandbox.write(".client.baton.baton-temp-0001", b"half a file");
    sandbox.write(".client.baton.baton-temp-0001-journal", b"its journal");
    sandbox.write(
        ".client.baton.baton-temp-0002-journal",
        b"an orphan journal",
    );
    let live = sandbox.write(".client.baton.baton-temp-0003", b"being built");
    let live_file = File::open(&live).unwrap();
    live_file.try_lock().unwrap();
    // Names of older Batons: removed once clearly abandoned (an hour old), kept while fresh.
    let old_legacy = sandbox.write(".client.baton.new-4242", b"old");
    File::options()
        .write(true)
        .open(&old_legacy)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    sandbox.write(
        ".client.baton.saving-0190a1b2-0000-7000-8000-000000000000",
        b"fresh",
    );
    sandbox.write(".client.baton.notes", b"the user's own file");

    sandbox.run(&["demo", "client.baton", "--force"]).ok();

    assert!(!dead.exists());
    assert_eq!(
        leftovers(&sandbox, "client.baton"),
        [
            ".client.baton.baton-temp-0003",
            ".client.baton.notes",
            ".client.baton.saving-0190a1b2-0000-7000-8000-000000000000",
        ]
    );
    assert_eq!(
        sandbox.read(".client.baton.baton-temp-0003"),
        b"being built"
    );
    drop(live_file);
    // Once its owner is gone, the next run that opens the file removes it.
    sandbox.run(&["info", "client.baton"]).ok();
    assert!(!live.exists());
}

/// Attack 10: a full disk left a hot journal and a grown file after exit 1. The import now
/// fails with a typed error, the file is byte for byte as it was, with no journal to play back,
/// before the command exits; wherever the limit falls.
#[test]
fn an_import_into_a_full_disk_rolls_back_before_exiting() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "bank.baton", "--template", "bank_lost_card"])
        .ok();
    let mut csv = String::from("target,metric,value,date,respondent,comment\n");
    for i in 0..20_000 {
        csv.push_str(&format!(
            "Report a lost card / Call / Maya / Calls the lost-card line,CSAT,{},2024-01-{:02},r{i},\
             comment {i} padded to make the import grow the file by a few megabytes\n",
            1 + i % 5,
            1 + i % 28
        ));
    }
    sandbox.write("big.csv", csv.as_bytes());
    let before = sandbox.read("bank.baton");
    let size = before.len() as u64;
    for room in [0, 1_000, 4_096, 20_000, 100_000, 400_000, 1_500_000] {
        let output = run_with_file_size_limit(
            &sandbox,
            &["import-responses", "bank.baton", "big.csv"],
            size + room,
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "room {room}: {stderr}");
        assert!(
            !has_hot_journal(&sandbox.path("bank.baton")),
            "room {room}: a hot journal was left"
        );
        assert!(
            sandbox.read("bank.baton") == before,
            "room {room}: the file changed"
        );
        assert!(
            stderr.contains("no space left to write bank.baton")
                || stderr.contains("could not write bank.baton"),
            "room {room}: {stderr}"
        );
        assert!(
            stderr.contains("the file is as it was"),
            "room {room}: {stderr}"
        );
    }
    sandbox.run(&["check", "bank.baton"]).ok();
    // With room enough, the same import succeeds.
    sandbox
        .run(&["import-responses", "bank.baton", "big.csv"])
        .ok();
}

/// Attack 10 with `demo --force` (and `new`) into a nearly full disk: the old file stays whole
/// and no temp file is left.
#[test]
fn demo_force_into_a_full_disk_keeps_the_old_file_and_leaves_nothing() {
    let sandbox = Sandbox::new();
    sandbox.run(&["new", "client.baton"]).ok();
    let before = sandbox.read("client.baton");
    for max_bytes in [10_000, 60_000, 150_000] {
        let output =
            run_with_file_size_limit(&sandbox, &["demo", "client.baton", "--force"], max_bytes);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{max_bytes}: {stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(
            !stderr.contains(".client.baton."),
            "names a temp file: {stderr}"
        );
        assert!(sandbox.read("client.baton") == before, "{max_bytes}");
        assert_eq!(leftovers(&sandbox, "client.baton"), Vec::<String>::new());

        let output = run_with_file_size_limit(&sandbox, &["demo", "fresh.baton"], max_bytes);
        assert_eq!(output.status.code(), Some(1));
        assert!(!sandbox.path("fresh.baton").exists());
        assert_eq!(leftovers(&sandbox, "fresh.baton"), Vec::<String>::new());
    }
}

/// Attack 12 (read-only folder): the file is writable but its folder is not, so SQLite cannot
/// create its journal. Run as `nobody` when the test runs as root (root ignores permissions).
#[test]
fn a_read_only_folder_is_a_typed_error_and_the_file_is_unchanged() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "inside/bank.baton", "--template", "bank_lost_card"])
        .error_line();
    fs::create_dir(sandbox.path("inside")).unwrap();
    sandbox
        .run(&["new", "inside/bank.baton", "--template", "bank_lost_card"])
        .ok();
    let file = sandbox.path("inside/bank.baton");
    let before = sandbox.read("inside/bank.baton");
    let as_root = unsafe { libc::geteuid() } == 0;
    set_mode(sandbox.dir(), 0o755);
    set_mode(&sandbox.path("inside"), 0o555);
    set_mode(&file, 0o666);
    let run = |args: &[&str]| -> Output {
        let mut command = if as_root {
            let mut command = Command::new("runuser");
            command.args(["-u", "nobody", "--"]).arg(baton_exe());
            command
        } else {
            Command::new(baton_exe())
        };
        command
            .args(args)
            .current_dir(sandbox.dir())
            .output()
            .unwrap()
    };
    let undo = run(&["undo", "inside/bank.baton"]);
    let stderr = String::from_utf8_lossy(&undo.stderr);
    assert_eq!(undo.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the folder of inside/bank.baton is read-only"),
        "{stderr}"
    );
    assert!(!stderr.contains("database error"), "{stderr}");
    let new = run(&["new", "inside/other.baton"]);
    let stderr = String::from_utf8_lossy(&new.stderr);
    assert_eq!(new.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the folder of inside/other.baton is read-only"),
        "{stderr}"
    );
    set_mode(&sandbox.path("inside"), 0o755);
    assert!(sandbox.read("inside/bank.baton") == before);
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}
