//! `baton new FILE [--template KEY] [--name NAME] [--force]`: a new client file.

use std::path::{Path, PathBuf};

use baton_core::templates::template_edit;
use baton_core::Edit;
use baton_store::{Document, NewDocument};

use crate::error::CliError;
use crate::files;
use crate::output;

/// Create a new client file, empty or from a template.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file to create.
    file: PathBuf,
    /// Start from a journey template (see `baton templates`).
    #[arg(long, value_name = "KEY")]
    template: Option<String>,
    /// The client's name (default: the file name without extension).
    #[arg(long)]
    name: Option<String>,
    /// Replace FILE if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let name = client_name(&args.file, args.name.as_deref())?;
    let template_error = |error| CliError::new(format!("{}: {error}", args.file.display()));
    // An unknown key is refused before any file is made (only the key matters for this check,
    // so an empty workspace will do).
    if let Some(key) = &args.template {
        template_edit(key, &baton_core::Workspace::default()).map_err(template_error)?;
    }
    let document = files::new_document(
        &args.file,
        args.force,
        |path| NewDocument::create(path, &name).map_err(|error| CliError::store(path, error)),
        |document| match &args.template {
            Some(key) => {
                let edit = template_edit(key, document.workspace()).map_err(template_error)?;
                apply(document, edit)
            }
            None => Ok(()),
        },
    )?;
    let summary = summary(&document);
    super::close(document)?;
    output::announce(output::text(&format!(
        "Created {} (\"{}\"){summary}\n",
        output::path(&args.file),
        output::shown(&name)
    )))
}

/// The name given, or the file's stem; never empty.
pub(super) fn client_name(file: &Path, given: Option<&str>) -> Result<String, CliError> {
    let name = match given {
        Some(name) => name.trim().to_owned(),
        None => file
            .file_stem()
            .map(|stem| stem.to_string_lossy().trim().to_owned())
            .unwrap_or_default(),
    };
    if name.is_empty() {
        return Err(CliError::new(format!(
            "{}: the client's name is empty; give one with --name",
            file.display()
        )));
    }
    Ok(name)
}

/// Applies `edit` to the new document.
pub(super) fn apply(document: &mut Document, edit: Edit) -> Result<(), CliError> {
    let path = document.path().to_owned();
    document
        .apply(edit)
        .map(|_| ())
        .map_err(|error| CliError::store(&path, error))
}

/// ": 1 journey, 34 steps, 4 handoffs", or nothing for an empty file.
pub(super) fn summary(document: &Document) -> String {
    let ws = document.workspace();
    if ws.journeys.is_empty() {
        return String::new();
    }
    format!(
        ": {}, {}, {}",
        output::count(ws.journeys.len(), "journey", "journeys"),
        output::count(ws.steps.len(), "step", "steps"),
        output::count(ws.handoffs.len(), "handoff", "handoffs")
    )
}
