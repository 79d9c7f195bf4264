//! Which file a path names: device and inode. A document records its file's identity when it
//! opens it and checks, before and after each write, that its path still names that file.
//! Should another file have been moved onto the path, SQLite would create the journal beside
//! the new file, and a crash could later play one file's journal back into the other (SQLite's
//! documented rename hazard): the document refuses to write instead.
//!
//! On Windows a file open in SQLite cannot be renamed over, so the hazard does not arise there
//! and every identity compares equal.

use std::fs::{File, Metadata};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileIdentity {
    device: u64,
    inode: u64,
}

impl FileIdentity {
    /// The identity of an open file.
    pub fn of_file(file: &File) -> std::io::Result<FileIdentity> {
        file.metadata().map(|metadata| Self::of_metadata(&metadata))
    }

    /// The identity of the file `path` names now.
    pub fn of_path(path: &Path) -> std::io::Result<FileIdentity> {
        std::fs::metadata(path).map(|metadata| Self::of_metadata(&metadata))
    }

    #[cfg(unix)]
    fn of_metadata(metadata: &Metadata) -> FileIdentity {
        use std::os::unix::fs::MetadataExt;
        FileIdentity {
            device: metadata.dev(),
            inode: metadata.ino(),
        }
    }

    #[cfg(not(unix))]
    fn of_metadata(_metadata: &Metadata) -> FileIdentity {
        FileIdentity {
            device: 0,
            inode: 0,
        }
    }
}
