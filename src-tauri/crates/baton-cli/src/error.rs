//! The CLI's one error type: a sentence for the user, printed as a single `error: ...` line.

use std::fmt;
use std::path::Path;

use baton_store::{ErrorKind, StoreError};

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
        let shown = path.display().to_string();
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
        Self::new(format!("cannot {doing} {}: {error}", path.display()))
    }

    pub fn exists(path: &Path) -> Self {
        Self::new(format!(
            "{} exists already; use --force to replace it",
            path.display()
        ))
    }

    /// The same error, with every mention of `actual` shown as `shown`.
    pub fn with_path_shown_as(self, actual: &Path, shown: &Path) -> Self {
        Self::new(
            self.message
                .replace(&actual.display().to_string(), &shown.display().to_string()),
        )
    }

    /// Prints the error as one line on stderr.
    pub fn report(&self) {
        let one_line: Vec<&str> = self
            .message
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        eprintln!("error: {}", one_line.join("; "));
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
