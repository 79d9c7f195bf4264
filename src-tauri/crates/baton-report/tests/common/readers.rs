//! The real readers the export tests check files with (installed by scripts/deps-app.sh).
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Runs `program` with `args`; its stdout, or a panic naming what failed and why.
pub fn run(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not run ({e}): run scripts/deps-app.sh"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn pdftotext(pdf: &Path) -> String {
    run("pdftotext", &["-layout", path(pdf), "-"])
}

/// `pdfinfo`'s "Pages" and the first page's size in points.
pub fn pdfinfo(pdf: &Path) -> (usize, f64, f64) {
    let info = run("pdfinfo", &[path(pdf)]);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or_else(|| panic!("pdfinfo has no {name}: {info}"))
            .trim()
            .to_owned()
    };
    let pages = field("Pages:").parse().unwrap();
    let size = field("Page size:");
    let mut numbers = size.split_whitespace();
    let w = numbers.next().unwrap().parse().unwrap();
    numbers.next(); // "x"
    let h = numbers.next().unwrap().parse().unwrap();
    (pages, w, h)
}

/// Every font `pdffonts` lists, with whether it is embedded.
pub fn pdffonts(pdf: &Path) -> Vec<(String, bool)> {
    let listing = run("pdffonts", &[path(pdf)]);
    listing
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let columns: Vec<&str> = l.split_whitespace().collect();
            // name type [encoding...] emb sub uni object ID: "emb" is the fifth from the end.
            let emb = columns[columns.len() - 5];
            (columns[0].to_owned(), emb == "yes")
        })
        .collect()
}

/// Renders every page of `pdf` to PNGs named `<prefix>-N.png` in `dir`; how many there are.
pub fn pdftoppm(pdf: &Path, dir: &Path, prefix: &str) -> usize {
    std::fs::create_dir_all(dir).unwrap();
    let stem = dir.join(prefix);
    run("pdftoppm", &["-r", "60", "-png", path(pdf), path(&stem)]);
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(&format!("{prefix}-")) && name.ends_with(".png")
        })
        .count()
}

pub fn path(p: &Path) -> &str {
    p.to_str().expect("test paths are UTF-8")
}

/// `target/report-pages/`, where rendered pages are kept to be looked at.
pub fn pages_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target/report-pages")
}
