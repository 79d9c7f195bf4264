//! `baton snapshot FILE --journey J [--name N] [--json]`: freezes a journey as it is now (its
//! scores and targets included) as one edit (`baton undo` removes it); the name defaults to
//! today's date. `baton snapshots FILE [--journey J] [--json]`: lists the file's snapshots,
//! oldest first.

use std::path::PathBuf;

use baton_core::{take_snapshot, Edit, SnapshotInfo};
use serde::Serialize;

use crate::error::CliError;
use crate::output;

/// The `format` of `baton snapshots --json` and `baton snapshot --json`, and their version.
pub const LIST_FORMAT: &str = "baton-snapshots";
pub const TAKEN_FORMAT: &str = "baton-snapshot";
pub const FORMAT_VERSION: u32 = 1;

/// Take a snapshot of a journey: a named, frozen copy (one edit, one undo).
#[derive(Debug, clap::Args)]
pub struct TakeArgs {
    /// The .baton file.
    file: PathBuf,
    /// The journey: its id, or its name (case-insensitive).
    #[arg(long, value_name = "NAME_OR_ID")]
    journey: String,
    /// The snapshot's name (1 to 200 characters); default: today's date (UTC).
    #[arg(long)]
    name: Option<String>,
    /// Print JSON: {"format": "baton-snapshot", "version": 1, "file", "snapshot":
    /// {"id", "journey_id", "journey_name", "name", "created_at"}}.
    #[arg(long)]
    json: bool,
}

/// List the snapshots of a file (or of one journey), oldest first.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// The .baton file.
    file: PathBuf,
    /// Only this journey's: its id, or its name (case-insensitive).
    #[arg(long, value_name = "NAME_OR_ID")]
    journey: Option<String>,
    /// Print JSON: {"format": "baton-snapshots", "version": 1, "file", "snapshots":
    /// [{"id", "journey_id", "journey_name", "name", "created_at"}]}.
    #[arg(long)]
    json: bool,
}

/// A snapshot as listed; `journey_name` is none when its journey was deleted since.
#[derive(Debug, Serialize)]
struct Listed {
    #[serde(flatten)]
    info: SnapshotInfo,
    journey_name: Option<String>,
}

#[derive(Debug, Serialize)]
struct Taken {
    format: &'static str,
    version: u32,
    file: String,
    snapshot: Listed,
}

#[derive(Debug, Serialize)]
struct List {
    format: &'static str,
    version: u32,
    file: String,
    snapshots: Vec<Listed>,
}

pub fn run_take(args: TakeArgs) -> Result<(), CliError> {
    let mut document = super::open(&args.file)?;
    let (journey_id, journey_name) = super::chosen_journeys(&document, Some(&args.journey))?
        .first()
        .map(|j| (j.id.clone(), j.name.clone()))
        .ok_or_else(|| CliError::new(format!("{}: no such journey", output::path(&args.file))))?;
    let now = chrono::Utc::now();
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| now.format("%Y-%m-%d").to_string());
    let edit = take_snapshot(document.workspace(), &journey_id, &name, now).map_err(|error| {
        CliError::new(format!(
            "{}: {}",
            output::path(&args.file),
            output::one_line(&error.message)
        ))
    })?;
    let Edit::CreateSnapshot { snapshot } = &edit else {
        return Err(CliError::new("a snapshot edit was expected"));
    };
    let taken = Listed {
        info: SnapshotInfo {
            id: snapshot.id.clone(),
            journey_id: snapshot.journey_id.clone(),
            name: snapshot.name.clone(),
            created_at: snapshot.created_at,
        },
        journey_name: Some(journey_name),
    };
    super::new::apply(&mut document, edit)?;
    super::close(document)?;
    // Once the snapshot is saved, a failure to print does not make the command fail.
    output::announce(if args.json {
        output::json(&Taken {
            format: TAKEN_FORMAT,
            version: FORMAT_VERSION,
            file: args.file.display().to_string(),
            snapshot: taken,
        })
    } else {
        output::text(&format!(
            "Took snapshot “{}” of “{}” in {} (id {}; one edit: `baton undo` removes it)\n",
            output::shown(&taken.info.name),
            output::shown(taken.journey_name.as_deref().unwrap_or_default()),
            output::path(&args.file),
            output::shown(&taken.info.id)
        ))
    })
}

pub fn run_list(args: ListArgs) -> Result<(), CliError> {
    let document = super::open(&args.file)?;
    let journey = match &args.journey {
        Some(wanted) => super::chosen_journeys(&document, Some(wanted))?
            .first()
            .map(|j| j.id.clone()),
        None => None,
    };
    let ws = document.workspace();
    let snapshots: Vec<Listed> = ws
        .snapshot_infos(journey.as_deref())
        .into_iter()
        .map(|info| Listed {
            journey_name: ws.journeys.get(&info.journey_id).map(|j| j.name.clone()),
            info,
        })
        .collect();
    super::close(document)?;
    if args.json {
        return output::json(&List {
            format: LIST_FORMAT,
            version: FORMAT_VERSION,
            file: args.file.display().to_string(),
            snapshots,
        });
    }
    if snapshots.is_empty() {
        return output::text(&format!("{}: no snapshots\n", output::path(&args.file)));
    }
    let mut out = String::new();
    for s in &snapshots {
        let journey = s
            .journey_name
            .as_deref()
            .map_or("(journey deleted)".to_owned(), |name| {
                format!("“{}”", output::shown(name))
            });
        out.push_str(&format!(
            "{}  “{}”  of {journey}  id {}\n",
            s.info.created_at.format("%Y-%m-%d %H:%M UTC"),
            output::shown(&s.info.name),
            output::shown(&s.info.id)
        ));
    }
    output::text(&out)
}
