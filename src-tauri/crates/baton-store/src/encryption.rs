//! Client files protected by a passphrase (SQLCipher).
//!
//! An encrypted file is encrypted whole, page by page, with AES-256 in SQLCipher 4's default
//! settings: the key is derived from the passphrase with PBKDF2-HMAC-SHA512, 256,000 iterations
//! and a random salt kept in the file's first 16 bytes; every page carries an HMAC, so a wrong
//! passphrase is told from a right one without writing anything. The rollback journal holds
//! pages encrypted the same way: no plaintext of the client ever reaches the disk.
//!
//! A plain SQLite file starts with "SQLite format 3\0"; an encrypted one starts with its salt and
//! is indistinguishable from random bytes. So a file whose header is not plain, whose length is
//! a whole number of SQLCipher pages, is taken to be encrypted ([`looks_encrypted`]): opened
//! without a passphrase it is `PassphraseRequired`, and a passphrase that does not open it is
//! `WrongPassphrase` (random bytes of such a length cannot be told from an encrypted file).
//!
//! The passphrase is held in a [`Passphrase`], zeroed when dropped, never printed by `Debug`.

use std::path::Path;

use rusqlite::Connection;
use zeroize::Zeroizing;

use crate::error::StoreError;
use crate::file_check;

/// SQLCipher 4's page size: every encrypted file is a whole number of these.
pub(crate) const CIPHER_PAGE_SIZE: u64 = 4096;

/// A passphrase, zeroed in memory when dropped.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// The longest passphrase accepted, in bytes.
    pub const MAX_BYTES: usize = 1024;

    /// A passphrase from `text`; refused when empty or longer than [`Passphrase::MAX_BYTES`].
    pub fn new(text: impl Into<String>) -> Result<Self, StoreError> {
        let text = Zeroizing::new(text.into());
        if text.is_empty() {
            return Err(StoreError::PassphraseUnusable {
                detail: "it is empty".into(),
            });
        }
        if text.len() > Self::MAX_BYTES {
            return Err(StoreError::PassphraseUnusable {
                detail: format!("it is longer than {} bytes", Self::MAX_BYTES),
            });
        }
        Ok(Passphrase(text))
    }

    fn bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// Whether `other` is the same passphrase (compared in time independent of where they
    /// differ).
    pub fn matches(&self, other: &Passphrase) -> bool {
        let (a, b) = (self.bytes(), other.bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }

    /// A second copy (also zeroed on drop).
    pub fn duplicate(&self) -> Passphrase {
        Passphrase(Zeroizing::new(self.0.as_str().to_owned()))
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(hidden)")
    }
}

/// Whether a file whose first bytes are not SQLite's plain header is an encrypted Baton file as
/// far as can be told without its passphrase: a non-empty whole number of SQLCipher pages.
pub(crate) fn looks_encrypted(file_len: u64) -> bool {
    file_len >= CIPHER_PAGE_SIZE && file_len.is_multiple_of(CIPHER_PAGE_SIZE)
}

/// Gives a freshly opened connection its key; must come before anything reads the file. The key
/// goes to SQLCipher directly (`sqlite3_key`), never through SQL text that could be logged.
pub(crate) fn apply_key(
    conn: &Connection,
    path: &Path,
    passphrase: &Passphrase,
) -> Result<(), StoreError> {
    silence_logging(conn, path)?;
    let bytes = passphrase.bytes();
    let len = i32::try_from(bytes.len()).map_err(|_| StoreError::PassphraseUnusable {
        detail: "it is too long".into(),
    })?;
    // SAFETY: the handle is the live connection's own (borrowed for the call), and the key
    // pointer and length describe `bytes`, which outlives the call; SQLCipher copies the key.
    let code = unsafe { rusqlite::ffi::sqlite3_key(conn.handle(), bytes.as_ptr().cast(), len) };
    if code != rusqlite::ffi::SQLITE_OK {
        return Err(StoreError::database(
            path,
            rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None),
        ));
    }
    Ok(())
}

/// A keyed connection that fails to read its file was given the wrong passphrase: SQLCipher
/// reports a page whose HMAC does not match as "not a database".
pub(crate) fn wrong_key_is_wrong_passphrase(error: StoreError, path: &Path) -> StoreError {
    match error {
        StoreError::NotSqlite { .. } => StoreError::WrongPassphrase {
            path: path.to_owned(),
        },
        other => other,
    }
}

/// Copies the whole database of `conn` (its schema, rows, `user_version` and `application_id`)
/// into the empty file `destination`, encrypted with `passphrase`, or plain without one
/// (`sqlcipher_export`: the one way SQLCipher copies between differently keyed files).
pub(crate) fn export_to(
    conn: &Connection,
    destination: &Path,
    passphrase: Option<&Passphrase>,
) -> Result<(), StoreError> {
    let db_error = |error| StoreError::database(destination, error);
    silence_logging(conn, destination)?;
    let destination_text = destination.to_str().ok_or_else(|| {
        StoreError::io(
            destination,
            std::io::Error::other("the path is not valid Unicode"),
        )
    })?;
    let user_version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(db_error)?;
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(db_error)?;
    // The key is a bound parameter: it never appears in SQL text. An empty key means plain.
    let key = Zeroizing::new(
        passphrase
            .map(|passphrase| passphrase.0.as_str().to_owned())
            .unwrap_or_default(),
    );
    conn.execute(
        "ATTACH DATABASE ?1 AS baton_export KEY ?2",
        rusqlite::params![destination_text, key.as_str()],
    )
    .map_err(db_error)?;
    let exported = (|| {
        conn.query_row("SELECT sqlcipher_export('baton_export')", [], |_| Ok(()))?;
        conn.execute_batch(&format!(
            "PRAGMA baton_export.user_version = {user_version}; \
             PRAGMA baton_export.application_id = {application_id};"
        ))
    })();
    let detached = conn.execute_batch("DETACH DATABASE baton_export");
    exported.map_err(db_error)?;
    detached.map_err(db_error)?;
    // Held exclusively, SQLite leaves the copy's emptied journal behind: nothing to play back.
    if !file_check::has_hot_journal(destination) {
        let _ = std::fs::remove_file(file_check::journal_path(destination));
    }
    Ok(())
}

/// SQLCipher writes its own log lines (a failed HMAC check at WARN and above) to stderr by
/// default; the store reports every failure as a typed error instead, and a CLI's stderr must
/// hold only its own `error:` line. The level is global to the process.
fn silence_logging(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()))
        .map_err(|error| StoreError::database(path, error))
}
