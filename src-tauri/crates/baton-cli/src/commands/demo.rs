//! `baton demo FILE [--force]`: a client file holding all four templates, to explore Baton.

use std::path::PathBuf;

use baton_core::templates::demo_edit;
use baton_store::NewDocument;

use crate::error::CliError;
use crate::files;
use crate::output;

/// Create a demo client file holding every template.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file to create.
    file: PathBuf,
    /// The client's name.
    #[arg(long, default_value = "Baton demo")]
    name: String,
    /// Replace FILE if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let name = super::new::client_name(&args.file, Some(&args.name))?;
    let document = files::new_document(
        &args.file,
        args.force,
        |path| NewDocument::create(path, &name).map_err(|error| CliError::store(path, error)),
        |document| {
            let edit = demo_edit(document.workspace());
            super::new::apply(document, edit)
        },
    )?;
    let summary = super::new::summary(&document);
    super::close(document)?;
    output::announce(output::text(&format!(
        "Created {} (\"{}\"){summary}\n",
        output::path(&args.file),
        output::shown(&name)
    )))
}
