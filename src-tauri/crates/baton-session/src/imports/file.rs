//! Reading the survey file the user chose: whole, and never past a size cap.

use std::io::Read;
use std::path::Path;

use crate::error::{AppError, AppResult, ShellErrorKind};

/// The largest survey file read: a 50 MB export fits, a mistaken pick of a video does not.
pub const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;
/// Reads a chosen file whole, refusing one over `MAX_CSV_BYTES` before reading it.
pub fn read_survey_file(path: &Path) -> AppResult<Vec<u8>> {
    read_capped(path, MAX_CSV_BYTES, "a survey file")
}

/// Reads a chosen BPMN file whole, refusing one over the importer's limit before reading it.
pub fn read_bpmn_file(path: &Path) -> AppResult<Vec<u8>> {
    read_capped(
        path,
        baton_interop::bpmn::MAX_BPMN_BYTES as u64,
        "a BPMN file",
    )
}

fn read_capped(path: &Path, cap: u64, what: &str) -> AppResult<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| AppError::io("open", path, &e))?;
    let meta = file
        .metadata()
        .map_err(|e| AppError::io("read", path, &e))?;
    if !meta.is_file() {
        return Err(AppError::new(
            baton_store::ErrorKind::NotAFile,
            format!("{} is not a file", path.display()),
        ));
    }
    let too_large = |size: u64| {
        AppError::new(
            ShellErrorKind::FileTooLarge,
            format!(
                "{} is {} MB; {what} may be at most {} MB",
                file_name(path),
                size.div_ceil(1024 * 1024),
                cap / (1024 * 1024)
            ),
        )
    };
    if meta.len() > cap {
        return Err(too_large(meta.len()));
    }
    // The size can change between the check and the read: never read past the cap.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| AppError::io("read", path, &e))?;
    if bytes.len() as u64 > cap {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The name the UI shows for a chosen file.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AppErrorKind;

    #[test]
    fn a_file_over_the_cap_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        std::fs::write(&path, vec![b'x'; 2 * 1024 * 1024 + 1]).unwrap();
        let e = read_capped(&path, 2 * 1024 * 1024, "a survey file").unwrap_err();
        assert_eq!(e.kind, AppErrorKind::Shell(ShellErrorKind::FileTooLarge));
        assert!(e.message.contains("big.csv is 3 MB"), "{}", e.message);
        assert_eq!(
            read_capped(&path, 3 * 1024 * 1024, "a survey file")
                .unwrap()
                .len(),
            2 * 1024 * 1024 + 1
        );
    }
}
