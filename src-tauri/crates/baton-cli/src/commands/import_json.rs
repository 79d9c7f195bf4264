//! `baton import-json IN FILE [--force]`: a new client file from a JSON export.

use std::path::{Path, PathBuf};

use baton_store::{ErrorKind, NewDocument, StoreError};

use crate::error::CliError;
use crate::files;
use crate::input;
use crate::output;

/// Create a client file from a JSON export (`-` reads stdin).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The JSON export to read, or `-` for stdin.
    input: PathBuf,
    /// The .baton file to create.
    file: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let json = read_input(&args.input)?;
    let document = files::new_document(
        &args.file,
        args.force,
        |path| {
            NewDocument::import_json(&json, path).map_err(|error| import_error(&args, path, error))
        },
        |_| Ok(()),
    )?;
    let summary = super::new::summary(&document);
    super::close(document)?;
    output::announce(output::text(&format!(
        "Imported {} into {}{summary}\n",
        output::path(&args.input),
        output::path(&args.file)
    )))
}

/// The export, read within the input limit (`input::read`), as UTF-8 text.
fn read_input(input: &Path) -> Result<String, CliError> {
    let bytes = input::read(input)?;
    String::from_utf8(bytes).map_err(|error| {
        CliError::new(format!(
            "{}: not UTF-8 text (byte {} is not), so not a Baton export",
            output::path(input),
            error.utf8_error().valid_up_to()
        ))
    })
}

/// A problem with the JSON is the input's; any other (the new file exists...) is the file's.
fn import_error(args: &Args, path: &Path, error: StoreError) -> CliError {
    match error.kind() {
        ErrorKind::JsonSyntax
        | ErrorKind::JsonFormat
        | ErrorKind::JsonVersion
        | ErrorKind::JsonContent => {
            CliError::new(format!("{}: {error}", output::path(&args.input)))
        }
        // The content decoded but does not obey Baton's rules.
        kind if is_validation(kind) => CliError::new(format!(
            "{}: not a valid Baton export: {error}",
            output::path(&args.input)
        )),
        _ => CliError::store(path, error),
    }
}

fn is_validation(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::NotFound
            | ErrorKind::AlreadyExists
            | ErrorKind::InvalidId
            | ErrorKind::Empty
            | ErrorKind::TooLong
            | ErrorKind::OutOfRange
            | ErrorKind::NotAllowed
            | ErrorKind::CrossJourney
            | ErrorKind::PlacementChanged
            | ErrorKind::Duplicate
    )
}
