//! Typst as a library: a world made of one main source, a few in-memory files (the data as JSON,
//! map SVGs) and the bundled fonts. Nothing is read from disk or the network, so a document
//! depends only on what it is given and comes out the same on every machine.
//!
//! User text never enters the Typst markup: it is in the JSON file, which the markup reads with
//! `json(...)` and shows as strings (a string is shown as text, never evaluated).

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::error::ReportError;
use crate::fonts;

/// The bundled fonts and their book, parsed once per process.
struct FontSet {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn font_set() -> &'static FontSet {
    static SET: OnceLock<FontSet> = OnceLock::new();
    SET.get_or_init(|| {
        let fonts: Vec<Font> = fonts::all()
            .into_iter()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        FontSet {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// The id of a file at `path` (absolute, like "/data.json") in the project root.
fn file_id(path: &str) -> Result<FileId, ReportError> {
    let vpath = VirtualPath::new(path)
        .map_err(|e| ReportError::render(format!("bad virtual path {path}: {e:?}")))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

struct ReportWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: NaiveDate,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &font_set().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(std::path::PathBuf::from("(not bundled)")))
    }

    fn font(&self, index: usize) -> Option<Font> {
        font_set().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        let month = u8::try_from(self.today.month()).ok()?;
        let day = u8::try_from(self.today.day()).ok()?;
        Datetime::from_ymd(self.today.year(), month, day)
    }
}

/// Compiles `markup` with `files` (path, bytes) beside it into PDF bytes. The same inputs give
/// the same bytes: no timestamp, a fixed document identifier, no tagging (it can multiply the
/// size). Typst's memo cache is trimmed after each compile, or memory grows with every export.
pub fn compile_pdf(
    markup: String,
    files: Vec<(&str, Vec<u8>)>,
    today: NaiveDate,
) -> Result<Vec<u8>, ReportError> {
    let result = compile_inner(markup, files, today);
    comemo::evict(10);
    result
}

fn compile_inner(
    markup: String,
    files: Vec<(&str, Vec<u8>)>,
    today: NaiveDate,
) -> Result<Vec<u8>, ReportError> {
    let main = Source::new(file_id("/main.typ")?, markup);
    let mut by_id = HashMap::new();
    for (path, bytes) in files {
        by_id.insert(file_id(path)?, Bytes::new(bytes));
    }
    let world = ReportWorld {
        main,
        files: by_id,
        today,
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| diagnostics("the document could not be laid out", &errors))?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom("baton-report".into()),
        creator: Smart::Custom(Some("Baton".into())),
        timestamp: None,
        tagged: false,
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options)
        .map_err(|errors| diagnostics("the PDF could not be written", &errors))
}

fn diagnostics(what: &str, errors: &[SourceDiagnostic]) -> ReportError {
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    ReportError::render(format!("{what}: {}", messages.join("; ")))
}
