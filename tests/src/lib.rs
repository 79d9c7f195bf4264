//! Shared fixtures for Baton's black-box tests: the built `baton` binary, run in a temporary
//! directory, and helpers to read what it printed.
//!
//! # Finding the binary
//! `env!("CARGO_BIN_EXE_baton")` only exists inside the package that owns the binary, and a
//! normal dependency on `baton-cli` does not build its binary. So the fixtures find the binary
//! next to the running test: a test executable lives in `<target>/<profile>/deps/`, the binary in
//! `<target>/<profile>/`. Before the first run, each test process asks the very cargo that built
//! it (`env!("CARGO")`) to build `baton-cli` into that same target directory and profile: a
//! no-op when it is fresh, a rebuild when the CLI changed, so a test never runs a stale binary.
//! It builds the way `cargo test --workspace` does (every member, test targets selected): cargo
//! unifies dependency features per invocation, and `-p baton-cli` alone would build Typst's
//! ~200 crates (the PDF exports) a second time with other features.
//! Set `BATON_BIN` to test another binary (an installed or release build) instead.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The `baton` binary under test, built if needed (once per test process).
pub fn baton_exe() -> &'static Path {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(|| {
        if let Some(path) = std::env::var_os("BATON_BIN") {
            return PathBuf::from(path);
        }
        let profile_dir = profile_dir();
        build_cli(&profile_dir);
        profile_dir.join(format!("baton{}", std::env::consts::EXE_SUFFIX))
    })
    .as_path()
}

/// `<target>/<profile>`, from this test executable's path `<target>/<profile>/deps/<test>`.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test executable's path");
    let deps = exe.parent().expect("the test executable's folder");
    let dir = if deps.file_name() == Some(OsStr::new("deps")) {
        deps.parent().expect("the profile folder")
    } else {
        deps
    };
    dir.to_path_buf()
}

fn build_cli(profile_dir: &Path) {
    let target_dir = profile_dir.parent().expect("the target folder");
    let profile = match profile_dir.file_name().and_then(OsStr::to_str) {
        Some("debug") | None => "dev",
        Some(other) => other,
    };
    let output = Command::new(env!("CARGO"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["build", "--quiet", "--workspace", "--tests", "--bins"])
        .arg("--profile")
        .arg(profile)
        .arg("--target-dir")
        .arg(target_dir)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "building the baton binary failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// What one run of `baton` did.
#[derive(Debug)]
pub struct Outcome {
    pub args: Vec<String>,
    /// `None` when killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    /// Asserts exit code 0 and silence on stderr.
    #[track_caller]
    pub fn ok(&self) -> &Self {
        assert_eq!(
            self.code,
            Some(0),
            "baton {:?} should succeed: {self:#?}",
            self.args
        );
        assert_eq!(self.stderr, "", "baton {:?} wrote to stderr", self.args);
        self
    }

    /// Asserts exit code 1 with exactly one `error: ...` line on stderr, and returns that line.
    #[track_caller]
    pub fn error_line(&self) -> &str {
        assert_eq!(
            self.code,
            Some(1),
            "baton {:?} should fail with 1: {self:#?}",
            self.args
        );
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one line on stderr: {self:#?}");
        assert!(lines[0].starts_with("error: "), "{self:#?}");
        lines[0]
    }

    /// Asserts exit code 2 (bad usage, from clap) and returns stderr.
    #[track_caller]
    pub fn usage_error(&self) -> &str {
        assert_eq!(
            self.code,
            Some(2),
            "baton {:?} should be bad usage: {self:#?}",
            self.args
        );
        assert_eq!(self.stdout, "");
        &self.stderr
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("baton {:?} printed no JSON ({e}): {self:#?}", self.args))
    }
}

/// A document opened in this process holds a whole-file lock on a descriptor of its own. A
/// child that another test thread forks meanwhile inherits that descriptor until it execs, and
/// the lock with it, so the next open of the file (here or by the binary) could find it
/// `Locked`. Runs of the binary take this lock to read, in-process documents to write.
static IN_PROCESS_DOCUMENTS: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// A temporary folder to run `baton` in; removed when dropped.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Sandbox {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the sandbox.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `baton args...` with the sandbox as its working folder.
    pub fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> Outcome {
        self.run_with_stdin(args, b"")
    }

    /// Runs `baton args...`, feeding `stdin`. Never while this process holds a document open
    /// (see `IN_PROCESS_DOCUMENTS`).
    pub fn run_with_stdin<S: AsRef<OsStr>>(&self, args: &[S], stdin: &[u8]) -> Outcome {
        let _no_document_open = IN_PROCESS_DOCUMENTS
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut child = Command::new(baton_exe())
            .args(args)
            .current_dir(self.dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("baton starts");
        if let Some(mut input) = child.stdin.take() {
            // A command that does not read stdin may close it early; that is not a failure.
            let _ = input.write_all(stdin);
        }
        let output = child.wait_with_output().expect("baton finishes");
        Outcome {
            args: args
                .iter()
                .map(|a| a.as_ref().to_string_lossy().into_owned())
                .collect(),
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Runs `work` on a file of the sandbox opened in this process through the store, and
    /// closes it before any run of the binary may start.
    pub fn with_document<T>(
        &self,
        file: &str,
        work: impl FnOnce(&mut baton_store::Document) -> T,
    ) -> T {
        let _no_run = IN_PROCESS_DOCUMENTS
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut document = baton_store::Document::open(self.path(file))
            .unwrap_or_else(|e| panic!("open {file}: {e}"));
        let result = work(&mut document);
        document
            .close()
            .unwrap_or_else(|e| panic!("close {file}: {e}"));
        result
    }

    /// The workspace of a file in the sandbox, read through the store.
    pub fn workspace(&self, file: &str) -> baton_core::Workspace {
        self.with_document(file, |document| document.workspace().clone())
    }

    /// The bytes of a file in the sandbox.
    pub fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).unwrap_or_else(|e| panic!("read {name}: {e}"))
    }

    /// The sha256 of a file in the sandbox, from coreutils' `sha256sum`: what "the file is
    /// unchanged" is checked with.
    pub fn sha256(&self, name: &str) -> String {
        let output = std::process::Command::new("sha256sum")
            .arg(self.path(name))
            .output()
            .unwrap_or_else(|e| panic!("sha256sum {name}: {e}"));
        assert!(output.status.success(), "sha256sum {name} failed");
        String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    /// Writes a file in the sandbox.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {name}: {e}"));
        path
    }
}

/// A sandbox holding `bank.baton`: a new file made from the lost-card template (the file most
/// CLI tests start from).
pub fn bank() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "bank.baton", "--template", "bank_lost_card"])
        .ok();
    sandbox
}
