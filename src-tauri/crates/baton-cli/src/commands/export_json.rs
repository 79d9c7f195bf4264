//! `baton export-json FILE [-o OUT] [--force]`: the whole client file as one JSON document.

use std::path::PathBuf;

use crate::error::CliError;
use crate::files;
use crate::output;

/// Export a client file as JSON (everything, history included), to stdout or to OUT.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Replace OUT if it exists.
    #[arg(long, requires = "output")]
    force: bool,
}

pub fn run(args: Args) -> Result<(), CliError> {
    if let Some(out) = &args.output {
        if files::same_file(&args.file, out) {
            return Err(CliError::new(format!(
                "{}: refusing to write the export over the client file itself",
                output::path(out)
            )));
        }
    }
    let document = super::open(&args.file)?;
    let json = document
        .export_json()
        .map_err(|error| CliError::store(&args.file, error))?;
    let encrypted = document.is_encrypted();
    super::close(document)?;
    if encrypted {
        output::notes(&format!(
            "warning: {} is protected by a passphrase, but this export is plain text: anyone \
             who reads it reads the client's data\n",
            output::path(&args.file)
        ));
    }
    // The file and stdout get the very same bytes: the JSON and a final newline.
    // C1 controls are escaped (`\u009b`): the same JSON, harmless on a terminal.
    let json = format!("{}\n", output::escape_c1_in_json(&json));
    match &args.output {
        Some(out) => {
            files::write_text(out, args.force, &json)?;
            output::text(&format!(
                "Exported {} to {}\n",
                output::path(&args.file),
                output::path(out)
            ))
        }
        None => output::json_text(&json),
    }
}
