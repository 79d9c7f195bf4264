//! The CLI's one error type: a sentence for the user, printed as a single `error: ...` line.

use std::fmt;
use std::path::Path;

use baton_store::{ErrorKind, StoreError};

use crate::output;

#[derive(Debug)]
pub struct CliError {
    message: String,
}

impl CliError {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }

    /// A store error about `path`. The store names the file in most messages; the path is
    /// prefixed when it does not ("nothing to undo", JSON errors...), so every line names it.
    pub fn store(path: &Path, error: StoreError) -> Self {
        let shown = output::path(path);
        let message = match error.kind() {
            ErrorKind::FileExists => {
                format!("{shown} exists already; use --force to replace it")
            }
            _ => {
                let message = error.to_string();
                if message.contains(&shown) {
                    message
                } else {
                    format!("{shown}: {message}")
                }
            }
        };
        Self { message }
    }

    /// A failure to read or write `path` (`doing` says what we were doing: "read", "write"...).
    pub fn io(path: &Path, doing: &str, error: &std::io::Error) -> Self {
        Self::new(format!("cannot {doing} {}: {error}", output::path(path)))
    }

    pub fn exists(path: &Path) -> Self {
        Self::new(format!(
            "{} exists already; use --force to replace it",
            output::path(path)
        ))
    }

    /// The same error, with every mention of `actual` shown as `shown`.
    pub fn with_path_shown_as(self, actual: &Path, shown: &Path) -> Self {
        Self::new(
            self.message
                .replace(&output::path(actual), &output::path(shown)),
        )
    }

    /// Prints the error as one line on stderr: the message's lines joined with "; ", control
    /// characters escaped and the line cut (`output::notes`), so no value in it can start a line
    /// of its own (a forged `error:` line) or drive the terminal.
    pub fn report(&self) {
        output::notes(&self.one_line());
    }

    /// `error: ...` and a line break, as `report` prints it before escaping.
    fn one_line(&self) -> String {
        let lines: Vec<&str> = self
            .message
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        format!("error: {}\n", lines.join("; "))
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
