//! What the fuzz targets share: a real client file made once per process from a template (its
//! workspace, its bytes on disk, its JSON export), and the ways an input is turned into a
//! target's input. Each target reads its input either as it is, or as a change to the real file
//! (a splice into its export, bytes flipped in its SQLite file), so that the fuzzer explores past
//! the JSON syntax, the CSV header and the SQLite header without a committed corpus.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use baton_core::templates::template_edit;
use baton_core::Workspace;
use baton_store::Document;

/// A real client file: the bank template in a new file.
pub struct RealFile {
    pub workspace: Workspace,
    /// The `.baton` file's bytes.
    pub bytes: Vec<u8>,
    /// Its `baton export-json`.
    pub json: String,
    /// The titles of its steps, for CSV rows that name a real step.
    pub step_titles: Vec<String>,
}

/// The real file, built on first use. A failure here is a broken build, not a finding: it
/// panics with the reason.
pub fn real_file() -> &'static RealFile {
    static REAL: OnceLock<RealFile> = OnceLock::new();
    REAL.get_or_init(|| {
        let dir = scratch();
        let path = dir.path().join("real.baton");
        let mut doc = Document::create(&path, "Fuzz").expect("a new file");
        let edit = template_edit("bank_lost_card", doc.workspace()).expect("the template");
        doc.apply(edit).expect("the template applies");
        let workspace = doc.workspace().clone();
        let json = doc.export_json().expect("an export");
        doc.close().expect("the file closes");
        let bytes = std::fs::read(&path).expect("the file reads");
        let step_titles = workspace.steps.values().map(|s| s.title.clone()).collect();
        RealFile {
            workspace,
            bytes,
            json,
            step_titles,
        }
    })
}

/// A fresh, empty folder for one run, removed when dropped: in memory (`/dev/shm`) when the
/// machine has it, since every file the store creates is synced to disk and a disk's fsync
/// would bound the fuzzer to a few runs a second.
pub fn scratch() -> tempfile::TempDir {
    let in_memory = std::path::Path::new("/dev/shm");
    if in_memory.is_dir() {
        if let Ok(dir) = tempfile::tempdir_in(in_memory) {
            return dir;
        }
    }
    tempfile::tempdir().expect("a temporary folder")
}

/// `path` inside `dir`.
pub fn file_in(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

/// The first byte chooses the mode (its value modulo `modes`); the rest is the payload.
pub fn mode(data: &[u8], modes: u8) -> (u8, &[u8]) {
    match data.split_first() {
        Some((first, rest)) => (first % modes, rest),
        None => (0, data),
    }
}

/// Reads a little-endian number from the first `N` bytes, and returns it with the rest.
fn number<const N: usize>(data: &[u8]) -> (usize, &[u8]) {
    let take = data.len().min(N);
    let (head, rest) = data.split_at(take);
    let value = head
        .iter()
        .rev()
        .fold(0usize, |acc, byte| (acc << 8) | usize::from(*byte));
    (value, rest)
}

/// `base` with a range replaced by the payload: 4 bytes of offset and 2 of length (both taken
/// modulo what fits), then the bytes to put there.
pub fn splice(base: &[u8], data: &[u8]) -> Vec<u8> {
    let (offset, data) = number::<4>(data);
    let (length, payload) = number::<2>(data);
    let offset = offset % (base.len() + 1);
    let end = offset + length % (base.len() - offset + 1);
    let mut out = Vec::with_capacity(base.len() + payload.len());
    out.extend_from_slice(&base[..offset]);
    out.extend_from_slice(payload);
    out.extend_from_slice(&base[end..]);
    out
}

/// `base` with bytes changed: the payload is a list of (4-byte offset, byte) pairs, each byte
/// written at its offset (modulo the length). Keeps the size, so SQLite's page structure holds
/// and the change lands inside the pages Baton reads.
pub fn overwrite(base: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = base.to_vec();
    if out.is_empty() {
        return out;
    }
    for pair in data.chunks(5) {
        let (offset, rest) = number::<4>(pair);
        if let Some(byte) = rest.first() {
            let at = offset % out.len();
            out[at] = *byte;
        }
    }
    out
}

/// What every survey import target checks of a plan: each row read is accepted or rejected,
/// and every accepted response applies to the real workspace.
pub fn check_import_plan(plan: baton_interop::survey::ImportPlan) {
    assert_eq!(
        plan.rows as usize,
        plan.accepted.len() + plan.rejected.len(),
        "every row read is accepted or rejected"
    );
    if !plan.accepted.is_empty() {
        let mut ws = real_file().workspace.clone();
        let edit = baton_core::Edit::AddResponses {
            responses: plan.accepted,
        };
        if let Err(error) = ws.apply(&edit) {
            panic!("an accepted response does not apply: {error:?}");
        }
    }
}
