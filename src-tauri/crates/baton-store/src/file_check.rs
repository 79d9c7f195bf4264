//! Looks at a file before SQLite ever opens it, so that a file which is not a Baton file (empty,
//! truncated, random bytes, another application's database, a newer Baton's) is refused without
//! a single byte written. SQLite would happily turn an empty file into a new database.

use std::fs::File;
use std::io::{ErrorKind as IoErrorKind, Read};
use std::path::{Path, PathBuf};

use crate::encryption;
use crate::error::StoreError;
use crate::schema::{APPLICATION_ID, SCHEMA_VERSION};

/// The first 16 bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// The first 8 bytes of a rollback journal that still has to be played back.
const JOURNAL_MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];
const HEADER_LEN: usize = 100;

/// What the header of a Baton file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatonHeader {
    pub schema_version: u32,
}

/// A folder that does not exist is reported as such, not as a missing file.
pub fn check_parent_exists(path: &Path) -> Result<(), StoreError> {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() && !parent.is_dir() => {
            Err(StoreError::DirectoryMissing {
                path: path.to_owned(),
            })
        }
        _ => Ok(()),
    }
}

/// What [`inspect_with_passphrase`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inspected {
    Plain(BatonHeader),
    /// Encrypted: SQLCipher checks the rest once keyed.
    Encrypted,
}

/// [`inspect`] for a caller holding a passphrase: an encrypted file is no error then.
pub fn inspect_with_passphrase(path: &Path) -> Result<Inspected, StoreError> {
    match inspect(path) {
        Ok(header) => Ok(Inspected::Plain(header)),
        Err(StoreError::PassphraseRequired { .. }) => Ok(Inspected::Encrypted),
        Err(error) => Err(error),
    }
}

/// Reads the SQLite header of `path` and checks that it is a complete Baton file this Baton can
/// read and write. Only reads.
pub fn inspect(path: &Path) -> Result<BatonHeader, StoreError> {
    check_parent_exists(path)?;
    let metadata = std::fs::metadata(path).map_err(|error| match error.kind() {
        IoErrorKind::NotFound => StoreError::FileNotFound {
            path: path.to_owned(),
        },
        _ => StoreError::io(path, error),
    })?;
    if !metadata.is_file() {
        return Err(StoreError::NotAFile {
            path: path.to_owned(),
        });
    }
    let file_len = metadata.len();
    if file_len == 0 {
        return Err(StoreError::EmptyFile {
            path: path.to_owned(),
        });
    }
    let header = read_header(path)?;
    if header.len() < SQLITE_MAGIC.len() || header[..SQLITE_MAGIC.len()] != SQLITE_MAGIC[..] {
        // A few bytes that start like an SQLite file are what is left of a cut-off one.
        if header.len() < SQLITE_MAGIC.len() && SQLITE_MAGIC.starts_with(&header) {
            return Err(truncated(path, HEADER_LEN as u64, file_len));
        }
        // No plain header: an encrypted file, if its length allows (see `crate::encryption`).
        if encryption::looks_encrypted(file_len) {
            return Err(StoreError::PassphraseRequired {
                path: path.to_owned(),
            });
        }
        return Err(StoreError::NotSqlite {
            path: path.to_owned(),
        });
    }
    if header.len() < HEADER_LEN {
        return Err(truncated(path, HEADER_LEN as u64, file_len));
    }
    let application_id = be_u32(&header, 68);
    if application_id != APPLICATION_ID {
        return Err(StoreError::NotBaton {
            path: path.to_owned(),
        });
    }
    let schema_version = be_u32(&header, 60);
    if schema_version > SCHEMA_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            found: schema_version,
            supported: SCHEMA_VERSION,
        });
    }
    if schema_version == 0 {
        return Err(StoreError::Damaged {
            path: path.to_owned(),
            detail: "it carries Baton's mark but no schema version".into(),
        });
    }
    check_size(path, &header, file_len)?;
    Ok(BatonHeader { schema_version })
}

/// The header's page count, when valid, says how long the file must be. A hot journal means a
/// crash interrupted a commit: the file may legitimately be shorter until SQLite plays the
/// journal back, so the check is left to SQLite then.
fn check_size(path: &Path, header: &[u8], file_len: u64) -> Result<(), StoreError> {
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        size if size >= 512 && size.is_power_of_two() => u64::from(size),
        size => {
            return Err(StoreError::Damaged {
                path: path.to_owned(),
                detail: format!("its header names an impossible page size ({size})"),
            })
        }
    };
    if has_hot_journal(path) {
        return Ok(());
    }
    let change_counter = be_u32(header, 24);
    let valid_for = be_u32(header, 92);
    let page_count = u64::from(be_u32(header, 28));
    if change_counter == valid_for && page_count > 0 {
        let expected = page_count * page_size;
        if file_len < expected {
            return Err(truncated(path, expected, file_len));
        }
    }
    if !file_len.is_multiple_of(page_size) {
        return Err(StoreError::Damaged {
            path: path.to_owned(),
            detail: format!("its length ({file_len} bytes) is not a whole number of pages"),
        });
    }
    Ok(())
}

pub(crate) fn has_hot_journal(path: &Path) -> bool {
    let journal = journal_path(path);
    let mut magic = [0u8; 8];
    match File::open(journal) {
        Ok(mut file) => file.read_exact(&mut magic).is_ok() && magic == JOURNAL_MAGIC,
        Err(_) => false,
    }
}

/// SQLite's rollback journal for `path`.
pub fn journal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

fn read_header(path: &Path) -> Result<Vec<u8>, StoreError> {
    let file = File::open(path).map_err(|error| StoreError::io(path, error))?;
    let mut header = Vec::with_capacity(HEADER_LEN);
    file.take(HEADER_LEN as u64)
        .read_to_end(&mut header)
        .map_err(|error| StoreError::io(path, error))?;
    Ok(header)
}

fn truncated(path: &Path, expected_bytes: u64, actual_bytes: u64) -> StoreError {
    StoreError::Truncated {
        path: path.to_owned(),
        expected_bytes,
        actual_bytes,
    }
}

fn be_u32(bytes: &[u8], offset: usize) -> u32 {
    u32::from_be_bytes([
        bytes[offset],
        bytes[offset + 1],
        bytes[offset + 2],
        bytes[offset + 3],
    ])
}
