//! The file format: Baton's application id, the schema version, the embedded migrations and the
//! connection settings every Baton connection uses.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::encryption::{self, Passphrase};
use crate::error::StoreError;
use crate::expected_schema;
use crate::temp_files::TempFile;

/// `PRAGMA application_id` of every Baton file: "BATN".
pub const APPLICATION_ID: u32 = 0x4241_544E;

/// The migrations, in order. Migration `n` (1-based) brings a file to schema version `n`.
/// They are frozen once released: a file keeps each `CREATE` statement's text (comments inside
/// a statement included), and opening compares it with these (see `expected_schema`).
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/001_initial.sql"),
    include_str!("../migrations/002_indexes.sql"),
    include_str!("../migrations/003_origins_personas_mappings.sql"),
];

/// The schema version this Baton writes, and the newest it reads.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Opens an existing file for writing, never creating one.
pub fn open_existing(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(path, flags).map_err(|error| classify_open_error(path, error))
}

/// [`open_existing`], keyed with `passphrase` when the file is (or is to be) encrypted.
pub fn open_keyed(path: &Path, passphrase: Option<&Passphrase>) -> Result<Connection, StoreError> {
    let conn = open_existing(path)?;
    if let Some(passphrase) = passphrase {
        encryption::apply_key(&conn, path, passphrase)?;
    }
    Ok(conn)
}

/// Settings of every Baton connection, then the lock: the connection holds an exclusive lock on
/// the file for its whole life, so a second Baton (another process) cannot open it.
///
/// `locking_mode=EXCLUSIVE` keeps every lock once taken; `BEGIN EXCLUSIVE` takes the write lock
/// right away with a zero busy timeout, so a file held elsewhere is refused at once instead of
/// after a wait. Nothing is written by this.
pub fn configure_and_lock(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let sql_error = |error| classify_open_error(path, error);
    conn.busy_timeout(std::time::Duration::ZERO)
        .map_err(sql_error)?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
        .map_err(sql_error)?;
    conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")
        .map_err(sql_error)?;
    conn.pragma_update(None, "journal_mode", "DELETE")
        .map_err(sql_error)?;
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sql_error)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(sql_error)?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// Maps SQLite's open-time failures to the store's kinds.
pub fn classify_open_error(path: &Path, error: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    let code = match &error {
        rusqlite::Error::SqliteFailure(failure, _) => Some(failure.code),
        _ => None,
    };
    match code {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Locked {
            path: path.to_owned(),
        },
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::PermissionDenied) => StoreError::ReadOnly {
            path: path.to_owned(),
        },
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite {
            path: path.to_owned(),
        },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
            path: path.to_owned(),
            detail: error.to_string(),
        },
        Some(ErrorCode::CannotOpen) if !path.exists() => StoreError::FileNotFound {
            path: path.to_owned(),
        },
        _ => StoreError::database(path, error),
    }
}

/// The schema version recorded in the file.
pub fn schema_version(conn: &Connection, path: &Path) -> Result<u32, StoreError> {
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|error| classify_open_error(path, error))?;
    u32::try_from(version).map_err(|_| StoreError::Damaged {
        path: path.to_owned(),
        detail: format!("its schema version ({version}) is negative"),
    })
}

/// The application id recorded in the file.
pub fn application_id(conn: &Connection, path: &Path) -> Result<u32, StoreError> {
    let id: i64 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(|error| classify_open_error(path, error))?;
    // SQLite reports the 32-bit field as a signed integer.
    Ok(id as u32)
}

/// Applies migrations `from + 1 ..= to`, each in its own transaction together with the new
/// `user_version`, so a crash leaves the file at a whole version.
pub fn migrate(conn: &Connection, path: &Path, from: u32, to: u32) -> Result<(), StoreError> {
    run_migrations(conn, from, to).map_err(|error| StoreError::database(path, error))
}

/// `migrate` on any connection (an in-memory one builds the expected schema).
pub fn run_migrations(conn: &Connection, from: u32, to: u32) -> rusqlite::Result<()> {
    for version in (from + 1)..=to {
        let Some(script) = MIGRATIONS.get(version as usize - 1) else {
            break;
        };
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let result = (|| {
            if version == 1 {
                conn.pragma_update(None, "application_id", APPLICATION_ID as i32)?;
            }
            conn.execute_batch(script)?;
            conn.pragma_update(None, "user_version", version)?;
            conn.execute_batch("COMMIT")
        })();
        if let Err(error) = result {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(error);
        }
    }
    Ok(())
}

/// Refuses a file whose schema objects are not exactly those Baton's migrations create for its
/// `version`: a planted trigger, view, table or index would run inside Baton's next edit. Only
/// reads. A file whose objects are another version's (its `user_version` lies) is damaged.
pub fn verify_objects(conn: &Connection, path: &Path, version: u32) -> Result<(), StoreError> {
    let found =
        expected_schema::objects_of(conn).map_err(|error| classify_open_error(path, error))?;
    let difference = expected_schema::compare(&found, version);
    if difference.is_empty() {
        return Ok(());
    }
    Err(match difference.matches_version {
        Some(actual) => StoreError::Damaged {
            path: path.to_owned(),
            detail: format!(
                "its schema version says {version} but its tables and indexes are those of version {actual}"
            ),
        },
        None => StoreError::ForeignSchema {
            path: path.to_owned(),
            detail: difference.summary(),
        },
    })
}

/// Before an upgrade, the file is copied (through SQLite's backup API, so the copy is a
/// consistent database) to `<file>.v<version>.bak`, or `<file>.v<version>.<n>.bak` when that
/// name is taken: an older backup is never overwritten. An upgrade that fails and is tried
/// again does not pile up copies: when the newest backup of that version holds the same bytes
/// as the new one, the new one is removed and the existing one kept.
pub fn backup_before_upgrade(
    conn: &Connection,
    path: &Path,
    version: u32,
    passphrase: Option<&Passphrase>,
) -> Result<PathBuf, StoreError> {
    let (backup, previous) = free_backup_path(path, version);
    // Copied into a temp file and moved into place whole: a kill mid-copy leaves no partial
    // backup under a backup's name (the next Baton removes the temp file). An encrypted file's
    // backup is encrypted with the same passphrase.
    let copy = TempFile::create(&backup)?;
    match passphrase {
        None => conn
            .backup(
                rusqlite::MAIN_DB,
                copy.path(),
                rusqlite::backup::NO_PROGRESS,
            )
            .map_err(|error| StoreError::database(&backup, error))?,
        Some(passphrase) => encryption::export_to(conn, copy.path(), Some(passphrase))?,
    }
    if let Some(previous) = previous {
        if same_bytes(&previous, copy.path()) {
            // Dropped unplaced, the copy is removed.
            return Ok(previous);
        }
    }
    copy.place(&backup, false)?;
    Ok(backup)
}

/// A free backup name, and the newest taken one (if any).
fn free_backup_path(path: &Path, version: u32) -> (PathBuf, Option<PathBuf>) {
    let with_suffix = |suffix: String| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    let first = with_suffix(format!(".v{version}.bak"));
    if !first.exists() {
        return (first, None);
    }
    let mut previous = first;
    let mut n = 2u32;
    loop {
        let candidate = with_suffix(format!(".v{version}.{n}.bak"));
        if !candidate.exists() {
            return (candidate, Some(previous));
        }
        previous = candidate;
        n += 1;
    }
}

/// Whether two files hold the same bytes (read in chunks: backups can be large). Any read
/// error counts as different, so the new backup is kept.
fn same_bytes(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let (Ok(file_a), Ok(file_b)) = (std::fs::File::open(a), std::fs::File::open(b)) else {
        return false;
    };
    match (file_a.metadata(), file_b.metadata()) {
        (Ok(meta_a), Ok(meta_b)) if meta_a.len() == meta_b.len() => {}
        _ => return false,
    }
    let mut reader_a = std::io::BufReader::new(file_a);
    let mut reader_b = std::io::BufReader::new(file_b);
    let mut chunk_a = vec![0u8; 64 * 1024];
    let mut chunk_b = vec![0u8; 64 * 1024];
    loop {
        let Ok(read) = reader_a.read(&mut chunk_a) else {
            return false;
        };
        if read == 0 {
            // Same length, so the other is at its end too.
            return true;
        }
        if reader_b.read_exact(&mut chunk_b[..read]).is_err() || chunk_a[..read] != chunk_b[..read]
        {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_retried_upgrade_keeps_one_backup_of_the_same_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.baton");
        crate::testing::create_at_version(&path, "Acme", 1).unwrap();
        let conn = open_existing(&path).unwrap();
        let first = backup_before_upgrade(&conn, &path, 1, None).unwrap();
        // The upgrade failed (say); the next attempt backs up the same content again.
        let second = backup_before_upgrade(&conn, &path, 1, None).unwrap();
        assert_eq!(first, second);
        assert_eq!(first, dir.path().join("old.baton.v1.bak"));
        assert!(!dir.path().join("old.baton.v1.2.bak").exists());
        // Content that changed meanwhile gets a backup of its own.
        conn.execute_batch("UPDATE workspace_info SET name = 'Acme Bank'")
            .unwrap();
        let third = backup_before_upgrade(&conn, &path, 1, None).unwrap();
        assert_eq!(third, dir.path().join("old.baton.v1.2.bak"));
    }
}
