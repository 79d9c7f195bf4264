//! `baton`: the command line for Baton client files, for scripting and headless use.
//!
//! One subcommand per file under `commands/`; this file only declares the command line and
//! dispatches. Exit codes: 0 on success, 1 on an error (one `error: ...` line on stderr naming
//! the file), 2 on bad usage (clap's own message). An editing command whose edit committed exits
//! 0 even when its report cannot be printed (`output::announce`).

mod commands;
mod error;
mod files;
mod input;
mod output;
mod passphrase;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use commands::*;

#[derive(Debug, Parser)]
#[command(
    name = "baton",
    version,
    about = "Baton client files (.baton) from the command line: create, inspect, check, \
             analyse, import survey responses, export and import, undo and redo.",
    propagate_version = true,
    after_help = "Exit status: 0 on success; 1 on an error, told in one `error: ...` line on \
                  stderr (import-responses first lists the rejected rows there); 2 on bad \
                  usage. A command that changed a file (new, demo, import-json, \
                  import-responses, import-bpmn, draft-plan, snapshot, undo, redo) exits 0 once the change is saved, even if its \
                  report cannot be printed (a warning on stderr says so).\nData (info, check, history, templates, analyze, plan, draft-plan, import-responses, snapshot, snapshots, diff) can \
                  be printed as JSON with --json. No file is ever replaced without --force."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Read an encrypted file's passphrase from PATH (one line); else BATON_PASSPHRASE, else a
    /// prompt on the terminal.
    #[arg(long, global = true, value_name = "PATH")]
    passphrase_file: Option<std::path::PathBuf>,
    /// For rekey: read the new passphrase from PATH; else BATON_NEW_PASSPHRASE, else a prompt.
    #[arg(long, global = true, value_name = "PATH")]
    new_passphrase_file: Option<std::path::PathBuf>,
    /// Refused: a passphrase on the command line shows in process lists.
    #[arg(long, global = true, hide = true, value_name = "PASSPHRASE")]
    passphrase: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    New(new::Args),
    Demo(demo::Args),
    Info(info::Args),
    Check(check::Args),
    ExportJson(export_json::Args),
    ImportJson(import_json::Args),
    History(history::Args),
    Analyze(analyze::Args),
    ImportResponses(import_responses::Args),
    ImportBpmn(import_bpmn::Args),
    ExportBpmn(export_bpmn::Args),
    Undo(undo::Args),
    Redo(redo::Args),
    Templates(templates::Args),
    Plan(plan::Args),
    DraftPlan(draft_plan::Args),
    Protect(protect::ProtectArgs),
    Unprotect(protect::UnprotectArgs),
    Rekey(protect::RekeyArgs),
    Snapshot(snapshot::TakeArgs),
    Snapshots(snapshot::ListArgs),
    Diff(diff::Args),
    Export(export::Args),
}

fn main() -> ExitCode {
    // Bad usage exits here with code 2 (and --help / --version with 0), as clap does.
    let cli = Cli::parse();
    if cli.passphrase.is_some() {
        output::notes(
            "error: a passphrase is never taken on the command line (it would show in process \
             lists): use --passphrase-file PATH or the BATON_PASSPHRASE environment variable\n",
        );
        return ExitCode::from(2);
    }
    passphrase::configure(passphrase::Sources {
        file: cli.passphrase_file,
        new_file: cli.new_passphrase_file,
    });
    let result = match cli.command {
        Command::New(args) => new::run(args),
        Command::Demo(args) => demo::run(args),
        Command::Info(args) => info::run(args),
        Command::Check(args) => check::run(args),
        Command::ExportJson(args) => export_json::run(args),
        Command::ImportJson(args) => import_json::run(args),
        Command::History(args) => history::run(args),
        Command::Analyze(args) => analyze::run(args),
        Command::ImportResponses(args) => import_responses::run(args),
        Command::ImportBpmn(args) => import_bpmn::run(args),
        Command::ExportBpmn(args) => export_bpmn::run(args),
        Command::Undo(args) => undo::run(args),
        Command::Redo(args) => redo::run(args),
        Command::Templates(args) => templates::run(args),
        Command::Plan(args) => plan::run(args),
        Command::DraftPlan(args) => draft_plan::run(args),
        Command::Protect(args) => protect::run_protect(args),
        Command::Unprotect(args) => protect::run_unprotect(args),
        Command::Rekey(args) => protect::run_rekey(args),
        Command::Snapshot(args) => snapshot::run_take(args),
        Command::Snapshots(args) => snapshot::run_list(args),
        Command::Diff(args) => diff::run(args),
        Command::Export(args) => export::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            error.report();
            ExitCode::FAILURE
        }
    }
}
