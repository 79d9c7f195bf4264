//! Store benchmark: open, durable edit, undo and JSON on synthetic client files.
//!
//! A plain `harness = false` binary timed with `Instant`: each figure is a distribution over a
//! few runs, printed as one table. The durable-edit figures are printed next to a floor measured
//! in the same run on the same disk (a bare SQLite connection with the store's pragmas committing
//! one-row transactions, interleaved with the edits), because an fsync-bound edit can only be
//! judged against what the disk allows at that moment.
//!
//! Run with `cargo bench -p baton-store --bench store`; set `BATON_BENCH_SKIP_LARGE=1` to leave
//! out the 100,000-step file, whose build alone takes minutes.

use std::error::Error;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use baton_core::synthetic::{synthetic_journey, SyntheticSpec};
use baton_core::{Edit, Id};
use baton_store::{Document, Passphrase};
use rusqlite::Connection;

type BenchResult<T> = Result<T, Box<dyn Error>>;

const OPEN_MEDIUM_RUNS: usize = 10;
const OPEN_LARGE_RUNS: usize = 3;
const EDIT_RUNS: usize = 200;
const EXPORT_RUNS: usize = 5;
const IMPORT_RUNS: usize = 3;
const BENCH_PASSPHRASE: &str = "bench passphrase";

fn main() -> BenchResult<()> {
    let dir = tempfile::tempdir()?;
    let mut table = Table::default();

    let medium_path = dir.path().join("medium.baton");
    let (medium_journey, build_medium) = build_file(&medium_path, &SyntheticSpec::medium())?;
    eprintln!("built medium file in {}", format_duration(build_medium));
    let open_medium = time_runs(OPEN_MEDIUM_RUNS, || {
        open_and_model(&medium_path, &medium_journey, None)
    })?;
    table.row_median_max(
        "open + journey_model, medium (10k steps)",
        &open_medium,
        "< 50 ms",
    );
    // The same file encrypted (SQLCipher): the key derivation is part of every open.
    let encrypted_path = dir.path().join("medium-encrypted.baton");
    std::fs::copy(&medium_path, &encrypted_path)?;
    let mut encrypted = Document::open(&encrypted_path)?;
    encrypted.set_passphrase(Passphrase::new(BENCH_PASSPHRASE)?)?;
    encrypted.close()?;
    let open_encrypted = time_runs(OPEN_MEDIUM_RUNS, || {
        open_and_model(&encrypted_path, &medium_journey, Some(BENCH_PASSPHRASE))
    })?;
    table.row_median_max(
        "open + journey_model, medium, encrypted",
        &open_encrypted,
        "< 1.3x plain",
    );
    // What of that is the key derivation (PBKDF2-HMAC-SHA512, 256,000 rounds): an empty
    // encrypted file's open, against an empty plain one's.
    let empty_plain = dir.path().join("empty.baton");
    Document::create(&empty_plain, "empty")?.close()?;
    let empty_encrypted = dir.path().join("empty-encrypted.baton");
    Document::create_encrypted(
        &empty_encrypted,
        "empty",
        Passphrase::new(BENCH_PASSPHRASE)?,
    )?
    .close()?;
    let open_empty = |path: &Path, passphrase| {
        time_runs(OPEN_MEDIUM_RUNS, || {
            let start = Instant::now();
            let doc = open(path, passphrase)?;
            let elapsed = start.elapsed();
            doc.close()?;
            Ok((elapsed, ()))
        })
    };
    let empty_plain_runs = open_empty(&empty_plain, None)?;
    table.row_median_max("open, empty file", &empty_plain_runs, "");
    let empty_encrypted_runs = open_empty(&empty_encrypted, Some(BENCH_PASSPHRASE))?;
    table.row_median_max(
        "open, empty file, encrypted (~ key derivation)",
        &empty_encrypted_runs,
        "",
    );

    // Building the large file takes minutes (the apply engine's position bookkeeping scans
    // every step per created step), so a quick run may leave it out.
    if std::env::var_os("BATON_BENCH_SKIP_LARGE").is_some() {
        eprintln!("BATON_BENCH_SKIP_LARGE set: large file left out");
    } else {
        let large_path = dir.path().join("large.baton");
        let (large_journey, build_large) = build_file(&large_path, &SyntheticSpec::large())?;
        eprintln!("built large file in {}", format_duration(build_large));
        let open_large = time_runs(OPEN_LARGE_RUNS, || {
            open_and_model(&large_path, &large_journey, None)
        })?;
        table.row_median_max(
            "open + journey_model, large (100k steps)",
            &open_large,
            "< 1 s",
        );
        // Only needed for its open time: free the disk before the fsync-bound runs.
        std::fs::remove_file(&large_path)?;
    }

    let mut floor_file = Floor::open(&dir.path().join("floor.sqlite"))?;
    let EditTimings {
        edits,
        undos,
        floor_during_edits,
        floor_during_undos,
    } = edit_then_undo(&medium_path, None, &mut floor_file)?;
    let encrypted_timings =
        edit_then_undo(&encrypted_path, Some(BENCH_PASSPHRASE), &mut floor_file)?;
    table.row_p50_p99("edit: UpdateStep notes, medium", &edits, "");
    table.row_p50_p99(
        "floor: INSERT + COMMIT, between edits",
        &floor_during_edits,
        "",
    );
    table.row_p50_p99(
        "edit: UpdateStep notes, medium, encrypted",
        &encrypted_timings.edits,
        "",
    );
    table.row_p50_p99(
        "floor: INSERT + COMMIT, between encrypted edits",
        &encrypted_timings.floor_during_edits,
        "",
    );
    table.row_p50_p99("undo of one edit, medium", &undos, "");
    table.row_p50_p99(
        "floor: INSERT + COMMIT, between undos",
        &floor_during_undos,
        "",
    );

    let (exports, json) = export_runs(&medium_path)?;
    table.row_median_max("export_json, medium", &exports, "");
    let imports = import_runs(dir.path(), &json)?;
    table.row_median_max("import_json into a new file, medium", &imports, "");

    table.print();
    let ratio = |measured: &[Duration], floor: &[Duration]| {
        percentile(measured, 50.0).as_secs_f64() / percentile(floor, 50.0).as_secs_f64()
    };
    println!(
        "edit p50 / floor p50 = {:.2}   undo p50 / floor p50 = {:.2}   (export size {:.1} MB)",
        ratio(&edits, &floor_during_edits),
        ratio(&undos, &floor_during_undos),
        json.len() as f64 / 1_000_000.0,
    );
    println!(
        "encrypted: edit p50 / floor p50 = {:.2}   open median / plain open median = {:.2}",
        ratio(
            &encrypted_timings.edits,
            &encrypted_timings.floor_during_edits
        ),
        percentile(&open_encrypted, 50.0).as_secs_f64()
            / percentile(&open_medium, 50.0).as_secs_f64(),
    );
    Ok(())
}

/// Creates a file holding one synthetic journey of `spec`; returns the journey's id and how long
/// the build took (reported, not judged).
fn build_file(path: &Path, spec: &SyntheticSpec) -> BenchResult<(Id, Duration)> {
    let start = Instant::now();
    let mut doc = Document::create(path, "bench")?;
    let edit = synthetic_journey(doc.workspace(), spec);
    doc.apply(edit)?;
    let journey = doc
        .workspace()
        .journeys
        .keys()
        .next()
        .cloned()
        .ok_or("the synthetic journey created no journey")?;
    doc.close()?;
    Ok((journey, start.elapsed()))
}

/// What the app does to show a file: open it and build the journey's model. The close is not
/// timed.
fn open_and_model(
    path: &Path,
    journey: &str,
    passphrase: Option<&str>,
) -> BenchResult<(Duration, ())> {
    let start = Instant::now();
    let doc = open(path, passphrase)?;
    black_box(doc.journey_model(journey)?);
    let elapsed = start.elapsed();
    doc.close()?;
    Ok((elapsed, ()))
}

fn open(path: &Path, passphrase: Option<&str>) -> BenchResult<Document> {
    Ok(match passphrase {
        None => Document::open(path)?,
        Some(passphrase) => Document::open_with_passphrase(path, Passphrase::new(passphrase)?)?,
    })
}

fn time_runs(
    runs: usize,
    mut run: impl FnMut() -> BenchResult<(Duration, ())>,
) -> BenchResult<Vec<Duration>> {
    (0..runs)
        .map(|_| run().map(|(elapsed, ())| elapsed))
        .collect()
}

/// Durable-edit timings, each interleaved with one floor commit so both see the same disk at
/// the same moment (a shared disk's fsync time drifts by an order of magnitude within minutes).
struct EditTimings {
    edits: Vec<Duration>,
    undos: Vec<Duration>,
    floor_during_edits: Vec<Duration>,
    floor_during_undos: Vec<Duration>,
}

/// `EDIT_RUNS` durable edits toggling one step's notes, each timed; then the same number of
/// successive undos, each timed. A floor commit follows every edit and every undo.
fn edit_then_undo(
    path: &Path,
    passphrase: Option<&str>,
    floor: &mut Floor,
) -> BenchResult<EditTimings> {
    let mut doc = open(path, passphrase)?;
    let mut step = doc
        .workspace()
        .steps
        .values()
        .next()
        .cloned()
        .ok_or("the medium file has no step")?;
    let mut timings = EditTimings {
        edits: Vec::with_capacity(EDIT_RUNS),
        undos: Vec::with_capacity(EDIT_RUNS),
        floor_during_edits: Vec::with_capacity(EDIT_RUNS),
        floor_during_undos: Vec::with_capacity(EDIT_RUNS),
    };
    for run in 0..EDIT_RUNS {
        step.notes = if run % 2 == 0 {
            "Bench notes A".into()
        } else {
            "Bench notes B".into()
        };
        let edit = Edit::UpdateStep { step: step.clone() };
        let start = Instant::now();
        black_box(doc.apply(edit)?);
        timings.edits.push(start.elapsed());
        timings.floor_during_edits.push(floor.commit()?);
    }
    for _ in 0..EDIT_RUNS {
        let start = Instant::now();
        black_box(doc.undo()?);
        timings.undos.push(start.elapsed());
        timings.floor_during_undos.push(floor.commit()?);
    }
    doc.close()?;
    Ok(timings)
}

/// The floor under a durable edit: one committed single-row transaction on a bare connection
/// to a file on the same disk, with the store's durability and locking settings.
struct Floor {
    conn: Connection,
    next_id: i64,
}

impl Floor {
    fn open(path: &Path) -> BenchResult<Self> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.execute_batch("CREATE TABLE floor (id INTEGER PRIMARY KEY, notes TEXT NOT NULL);")?;
        Ok(Floor { conn, next_id: 0 })
    }

    fn commit(&mut self) -> BenchResult<Duration> {
        self.next_id += 1;
        let start = Instant::now();
        self.conn.execute_batch("BEGIN")?;
        self.conn
            .prepare_cached("INSERT INTO floor (id, notes) VALUES (?1, ?2)")?
            .execute(rusqlite::params![self.next_id, "Bench notes"])?;
        self.conn.execute_batch("COMMIT")?;
        Ok(start.elapsed())
    }
}

fn export_runs(path: &Path) -> BenchResult<(Vec<Duration>, String)> {
    let doc = Document::open(path)?;
    let mut times = Vec::with_capacity(EXPORT_RUNS);
    let mut json = String::new();
    for _ in 0..EXPORT_RUNS {
        let start = Instant::now();
        json = doc.export_json()?;
        times.push(start.elapsed());
    }
    doc.close()?;
    Ok((times, json))
}

fn import_runs(dir: &Path, json: &str) -> BenchResult<Vec<Duration>> {
    let mut times = Vec::with_capacity(IMPORT_RUNS);
    for run in 0..IMPORT_RUNS {
        let path = dir.join(format!("imported-{run}.baton"));
        let start = Instant::now();
        let doc = Document::import_json(json, &path)?;
        times.push(start.elapsed());
        doc.close()?;
        std::fs::remove_file(&path)?;
    }
    Ok(times)
}

/// Nearest-rank percentile of `samples` (not empty).
fn percentile(samples: &[Duration], pct: f64) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    let rank = ((pct / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn format_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs >= 1.0 {
        format!("{secs:.2} s")
    } else if secs >= 0.001 {
        format!("{:.2} ms", secs * 1e3)
    } else {
        format!("{:.1} µs", secs * 1e6)
    }
}

#[derive(Default)]
struct Table {
    rows: Vec<[String; 5]>,
}

impl Table {
    fn row_median_max(&mut self, what: &str, samples: &[Duration], budget: &str) {
        self.rows.push([
            what.into(),
            samples.len().to_string(),
            format!("median {}", format_duration(percentile(samples, 50.0))),
            format!("max {}", format_duration(percentile(samples, 100.0))),
            budget.into(),
        ]);
    }

    fn row_p50_p99(&mut self, what: &str, samples: &[Duration], budget: &str) {
        self.rows.push([
            what.into(),
            samples.len().to_string(),
            format!("p50 {}", format_duration(percentile(samples, 50.0))),
            format!("p99 {}", format_duration(percentile(samples, 99.0))),
            budget.into(),
        ]);
    }

    fn print(&self) {
        let header = [
            "measure".to_string(),
            "runs".into(),
            "central".into(),
            "tail".into(),
            "budget".into(),
        ];
        let mut widths = [0usize; 5];
        for row in std::iter::once(&header).chain(&self.rows) {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let line = |row: &[String; 5]| {
            let cells: Vec<String> = row
                .iter()
                .zip(widths)
                .map(|(cell, width)| format!("{cell:<width$}"))
                .collect();
            println!("| {} |", cells.join(" | "));
        };
        line(&header);
        println!(
            "|{}|",
            widths
                .iter()
                .map(|w| "-".repeat(w + 2))
                .collect::<Vec<_>>()
                .join("|")
        );
        for row in &self.rows {
            line(row);
        }
    }
}
