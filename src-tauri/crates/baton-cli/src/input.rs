//! Reading the inputs the CLI is given (a survey CSV, a JSON export, stdin), never more than a
//! limit: `DEFAULT_MAX_INPUT_BYTES`, or the `BATON_MAX_INPUT_BYTES` environment variable.
//!
//! A regular file larger than the limit is refused from its size, before a byte is read (a
//! sparse 1 GB file costs nothing); stdin, a pipe or a device is read up to the limit and
//! refused as soon as one byte more arrives. A NUL byte ends the read at once: neither a CSV nor
//! JSON text holds one (a file that does is binary, or UTF-16), so `/dev/zero` is refused after
//! its first block. `read_survey` (the survey import) lets NULs through only in a file that
//! opens with a UTF-16 byte-order mark, which the survey importer decodes, or with a zip
//! archive's signature (an XLSX workbook, which the importer reads within its own limits).

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::error::CliError;
use crate::output;

/// 512 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// The environment variable that overrides `DEFAULT_MAX_INPUT_BYTES` (a number of bytes).
pub const MAX_INPUT_ENV: &str = "BATON_MAX_INPUT_BYTES";

const CHUNK: usize = 64 * 1024;

/// Why an input was not read.
#[derive(Debug)]
pub enum InputError {
    /// Larger than the limit (`size` is known for a regular file, not for a stream).
    TooLarge {
        path: PathBuf,
        limit: u64,
        size: Option<u64>,
    },
    /// A NUL byte at `offset`: not a text file.
    NotText {
        path: PathBuf,
        offset: u64,
    },
    /// `BATON_MAX_INPUT_BYTES` is not a number of bytes.
    BadLimit {
        value: String,
    },
    Io {
        path: PathBuf,
        error: io::Error,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge {
                path,
                limit,
                size: Some(size),
            } => write!(
                f,
                "{}: the file is {size} bytes, over the input limit of {limit} bytes (set \
                 {MAX_INPUT_ENV} to raise it); nothing was read",
                output::path(path)
            ),
            Self::TooLarge {
                path,
                limit,
                size: None,
            } => write!(
                f,
                "{}: the input is over the input limit of {limit} bytes (set {MAX_INPUT_ENV} to \
                 raise it); reading stopped there",
                output::path(path)
            ),
            Self::NotText { path, offset } => write!(
                f,
                "{}: not a text file: a NUL byte at byte {offset} (binary data, or UTF-16 text \
                 without its byte-order mark: save it as UTF-8)",
                output::path(path)
            ),
            Self::BadLimit { value } => write!(
                f,
                "{MAX_INPUT_ENV} is {:?}, not a number of bytes",
                output::shown(value)
            ),
            Self::Io { path, error } => write!(f, "cannot read {}: {error}", output::path(path)),
        }
    }
}

impl From<InputError> for CliError {
    fn from(error: InputError) -> Self {
        CliError::new(error.to_string())
    }
}

/// The input limit in bytes: `BATON_MAX_INPUT_BYTES` when set, else the default.
pub fn max_input_bytes() -> Result<u64, InputError> {
    match std::env::var(MAX_INPUT_ENV) {
        Err(_) => Ok(DEFAULT_MAX_INPUT_BYTES),
        Ok(value) => value
            .trim()
            .parse()
            .map_err(|_| InputError::BadLimit { value }),
    }
}

/// The whole of `path` (`-`: stdin), refused when over the limit or holding a NUL byte.
pub fn read(path: &Path) -> Result<Vec<u8>, InputError> {
    read_checked(path, Nul::Refused)
}

/// `read`, except that a file opening with a UTF-16 byte-order mark (`FF FE` or `FE FF`) may
/// hold NUL bytes (every ASCII character in UTF-16 has one), and so may an XLSX workbook
/// (opening `PK\x03\x04`, a zip archive); any other NUL is refused.
pub fn read_survey(path: &Path) -> Result<Vec<u8>, InputError> {
    read_checked(path, Nul::AllowedInUtf16OrWorkbook)
}

#[derive(Clone, Copy)]
enum Nul {
    Refused,
    AllowedInUtf16OrWorkbook,
}

fn read_checked(path: &Path, nul: Nul) -> Result<Vec<u8>, InputError> {
    let limit = max_input_bytes()?;
    let io_error = |error| InputError::Io {
        path: path.to_owned(),
        error,
    };
    if path.as_os_str() == "-" {
        return read_limited(io::stdin().lock(), path, limit, nul);
    }
    let file = File::open(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    if metadata.is_file() && metadata.len() > limit {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            limit,
            size: Some(metadata.len()),
        });
    }
    read_limited(file, path, limit, nul)
}

/// Reads `reader` to its end, in chunks, stopping at `limit + 1` bytes or the first NUL (unless
/// `nul` allows them and the input opens with a UTF-16 byte-order mark or a zip signature).
fn read_limited(
    mut reader: impl Read,
    path: &Path,
    limit: u64,
    nul: Nul,
) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; CHUNK];
    loop {
        let read = match reader.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => {
                return Err(InputError::Io {
                    path: path.to_owned(),
                    error,
                })
            }
        };
        let fresh = &chunk[..read];
        // The first bytes of the input, though a stream may hand them over one at a time.
        let start: Vec<u8> = bytes.iter().chain(fresh).take(4).copied().collect();
        let binary_allowed = matches!(nul, Nul::AllowedInUtf16OrWorkbook)
            && (matches!(start.as_slice(), [0xff, 0xfe, ..] | [0xfe, 0xff, ..])
                || start.as_slice() == b"PK\x03\x04");
        if let Some(at) = fresh
            .iter()
            .position(|&b| b == 0)
            .filter(|_| !binary_allowed)
        {
            return Err(InputError::NotText {
                path: path.to_owned(),
                offset: (bytes.len() + at) as u64,
            });
        }
        if (bytes.len() + read) as u64 > limit {
            return Err(InputError::TooLarge {
                path: path.to_owned(),
                limit,
                size: None,
            });
        }
        bytes.extend_from_slice(fresh);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_limit_and_refuses_one_byte_more() {
        let path = Path::new("-");
        assert_eq!(
            read_limited(&b"abcd"[..], path, 4, Nul::Refused).unwrap(),
            b"abcd"
        );
        let over = read_limited(&b"abcde"[..], path, 4, Nul::Refused).unwrap_err();
        assert!(
            matches!(over, InputError::TooLarge { limit: 4, .. }),
            "{over}"
        );
    }

    #[test]
    fn a_nul_byte_is_refused_with_its_offset() {
        let error = read_limited(&b"ab\0c"[..], Path::new("x.csv"), 100, Nul::Refused).unwrap_err();
        assert!(
            matches!(error, InputError::NotText { offset: 2, .. }),
            "{error}"
        );
        assert!(error.to_string().starts_with("x.csv: not a text file"));
    }

    /// Hands its bytes over one read at a time, as a slow pipe may.
    struct OneByteAtATime<'a>(&'a [u8]);

    impl Read for OneByteAtATime<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((&byte, rest)), Some(slot)) => {
                    *slot = byte;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn nul_bytes_pass_only_after_a_utf16_byte_order_mark_when_allowed() {
        let path = Path::new("x.csv");
        let allowed = Nul::AllowedInUtf16OrWorkbook;
        for text in [&b"\xff\xfea\0b\0"[..], &b"\xfe\xff\0a\0b"[..]] {
            assert_eq!(read_limited(text, path, 100, allowed).unwrap(), text);
            let slow = read_limited(OneByteAtATime(text), path, 100, allowed).unwrap();
            assert_eq!(slow, text);
            let refused = read_limited(text, path, 100, Nul::Refused).unwrap_err();
            assert!(matches!(refused, InputError::NotText { .. }), "{refused}");
        }
        // Without the mark, or with only half of it, a NUL is still refused.
        for text in [&b"a\0b\0"[..], &b"\xffa\0"[..], &b"\xef\xbb\xbfa\0"[..]] {
            let error = read_limited(text, path, 100, allowed).unwrap_err();
            assert!(matches!(error, InputError::NotText { .. }), "{error}");
        }
        // The limit still holds.
        let over = read_limited(&b"\xff\xfea\0b\0"[..], path, 4, allowed).unwrap_err();
        assert!(matches!(over, InputError::TooLarge { .. }), "{over}");
    }

    #[test]
    fn nul_bytes_pass_in_a_workbook_only_after_the_whole_zip_signature() {
        let path = Path::new("x.xlsx");
        let allowed = Nul::AllowedInUtf16OrWorkbook;
        let workbook = &b"PK\x03\x04\x14\0\0\0"[..];
        assert_eq!(
            read_limited(workbook, path, 100, allowed).unwrap(),
            workbook
        );
        let slow = read_limited(OneByteAtATime(workbook), path, 100, allowed).unwrap();
        assert_eq!(slow, workbook);
        let refused = read_limited(workbook, path, 100, Nul::Refused).unwrap_err();
        assert!(matches!(refused, InputError::NotText { .. }), "{refused}");
        // A partial signature is no workbook.
        let error = read_limited(&b"PK\x03\0\0"[..], path, 100, allowed).unwrap_err();
        assert!(
            matches!(error, InputError::NotText { offset: 3, .. }),
            "{error}"
        );
    }
}
