//! Protecting a client file with a passphrase: opening an encrypted file, and setting, changing
//! or removing its passphrase. A passphrase only ever travels page -> Rust: no command answers
//! with one, none is logged, and each is held in the store's zeroizing `Passphrase` from the
//! moment it arrives (the open document drops it, wiped, when the file is closed).

use std::path::Path;

use tauri::State;

use super::blocking;
use crate::state::AppState;
use baton_session::documents::OpenDocument;
use baton_session::error::{AppError, AppResult, ShellErrorKind};
use baton_session::views::OpenedFile;
use baton_store::{ErrorKind, Passphrase};

/// Opens the encrypted file at `path` with `passphrase`. The path must be on the recent list
/// (opening an encrypted file from a dialog puts it there before asking for its passphrase).
/// A wrong passphrase is `wrong_passphrase` with `field` "passphrase"; the file is untouched.
#[tauri::command]
#[specta::specta]
pub async fn open_with_passphrase(
    state: State<'_, AppState>,
    path: String,
    passphrase: String,
) -> AppResult<OpenedFile> {
    let passphrase = Passphrase::new(passphrase).map_err(|e| on_field(e.into(), "passphrase"))?;
    let state = state.inner().clone();
    blocking(move || {
        let Some(path) = state.with_recent(|r| Ok(r.find(&path)))? else {
            return Err(AppError::new(
                ShellErrorKind::PathNotAllowed,
                "Only files from the recent list or a file dialog can be opened",
            ));
        };
        open_encrypted(&state, &path, passphrase)
    })
    .await
}

fn open_encrypted(state: &AppState, path: &Path, passphrase: Passphrase) -> AppResult<OpenedFile> {
    if let Some(open) = state.find_open(path)? {
        return Ok(open);
    }
    let document = OpenDocument::open_with_passphrase(path, passphrase)
        .map_err(|e| on_field(e, "passphrase"))?;
    state.insert(document)
}

/// "Protect with a passphrase…": sets (`current` null on a plain file), changes (both given) or
/// removes (`next` null) the passphrase of the open file `doc`. `confirm` must repeat `next`
/// (`passphrase_unusable` on field "confirm" otherwise); a wrong `current` is
/// `wrong_passphrase` on field "current". The file is rewritten beside and renamed into place,
/// so it is whole at every moment. Answers what the file now is (`encrypted`).
#[tauri::command]
#[specta::specta]
pub async fn protect_file(
    state: State<'_, AppState>,
    doc: String,
    current: Option<String>,
    next: Option<String>,
    confirm: Option<String>,
) -> AppResult<OpenedFile> {
    let (current, new) = protection_request(current, next, confirm)?;
    let shared = state.document(&doc)?;
    let state = state.inner().clone();
    blocking(move || {
        let mut document = crate::state::lock(&shared)?;
        document
            .protect(current, new)
            .map_err(|e| on_field(e, "current"))?;
        state.describe(&doc, &document)
    })
    .await
}

/// The passphrases of a protect request, checked before any file work: each usable, and the
/// new one typed twice alike. A blank `new` means "remove".
fn protection_request(
    current: Option<String>,
    new: Option<String>,
    confirm: Option<String>,
) -> AppResult<(Option<Passphrase>, Option<Passphrase>)> {
    let current = match current.filter(|c| !c.is_empty()) {
        Some(c) => Some(Passphrase::new(c).map_err(|e| on_field(e.into(), "current"))?),
        None => None,
    };
    let new = new.filter(|n| !n.is_empty());
    if new.as_deref().unwrap_or("") != confirm.as_deref().unwrap_or("") {
        return Err(AppError {
            field: Some("confirm".into()),
            ..AppError::new(
                ErrorKind::PassphraseUnusable,
                "The two new passphrases differ: type the same one twice",
            )
        });
    }
    let new = match new {
        Some(n) => Some(Passphrase::new(n).map_err(|e| on_field(e.into(), "new"))?),
        None => None,
    };
    Ok((current, new))
}

/// Points a passphrase error at the field it is about, so the page shows it there. Beside the
/// field, a wrong passphrase is said in a short sentence (the store's names the file's path).
fn on_field(mut error: AppError, field: &str) -> AppError {
    let about_passphrase = [ErrorKind::WrongPassphrase, ErrorKind::PassphraseUnusable]
        .into_iter()
        .any(|k| error.kind == k.into());
    if about_passphrase && error.field.is_none() {
        error.field = Some(field.to_owned());
    }
    if error.kind == ErrorKind::WrongPassphrase.into() {
        error.message =
            "This passphrase does not open the file. Check it and try again (nothing was changed)."
                .to_owned();
    }
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app_state() -> (tempfile::TempDir, AppState, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(&dir.path().join("config"), &dir.path().join("data"));
        let path = dir.path().join("client.baton");
        (dir, state, path)
    }

    fn kind(e: &AppError) -> baton_session::error::AppErrorKind {
        e.kind
    }

    #[test]
    fn confirmation_must_match_and_blank_new_means_remove() {
        let err = protection_request(None, Some("one".into()), Some("two".into())).unwrap_err();
        assert_eq!(kind(&err), ErrorKind::PassphraseUnusable.into());
        assert_eq!(err.field.as_deref(), Some("confirm"));
        let (current, new) =
            protection_request(Some("old".into()), Some(String::new()), None).unwrap();
        assert!(current.is_some() && new.is_none());
        let too_long = "x".repeat(Passphrase::MAX_BYTES + 1);
        let err = protection_request(None, Some(too_long.clone()), Some(too_long)).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("new"));
    }

    #[test]
    fn protect_close_and_reopen_only_with_the_passphrase() {
        let (_dir, state, path) = app_state();
        let opened = state
            .insert(OpenDocument::create(&path, "ACME").unwrap())
            .unwrap();
        assert!(!opened.encrypted);
        let shared = state.document(&opened.doc).unwrap();
        let (current, new) =
            protection_request(None, Some("s3cret".into()), Some("s3cret".into())).unwrap();
        crate::state::lock(&shared)
            .unwrap()
            .protect(current, new)
            .unwrap();
        let now = state
            .describe(&opened.doc, &crate::state::lock(&shared).unwrap())
            .unwrap();
        assert!(now.encrypted);
        drop(shared);
        state.remove(&opened.doc).unwrap();
        let recent = state.with_recent(|r| Ok(r.list())).unwrap();
        assert!(recent[0].encrypted, "the recent list shows a lock");
        let json = std::fs::read_to_string(_dir.path().join("config/recent.json")).unwrap();
        assert!(!json.contains("s3cret"), "the passphrase is never written");

        // Opened plainly: asks for the passphrase, naming the file.
        let err = crate::commands::files::open_path_for_tests(&state, &path).unwrap_err();
        assert_eq!(kind(&err), ErrorKind::PassphraseRequired.into());
        assert_eq!(
            err.field.as_deref(),
            Some(path.display().to_string().as_str())
        );

        let before = std::fs::read(&path).unwrap();
        let wrong = Passphrase::new("nope").unwrap();
        let err = open_encrypted(&state, &path, wrong).unwrap_err();
        assert_eq!(kind(&err), ErrorKind::WrongPassphrase.into());
        assert_eq!(err.field.as_deref(), Some("passphrase"));
        assert!(err
            .message
            .starts_with("This passphrase does not open the file"));
        assert_eq!(std::fs::read(&path).unwrap(), before, "file untouched");

        let right = Passphrase::new("s3cret").unwrap();
        let reopened = open_encrypted(&state, &path, right).unwrap();
        assert!(reopened.encrypted);
        assert_eq!(reopened.name, "client");
    }

    #[test]
    fn removing_needs_the_current_passphrase() {
        let (_dir, state, path) = app_state();
        let opened = state
            .insert(OpenDocument::create(&path, "").unwrap())
            .unwrap();
        let shared = state.document(&opened.doc).unwrap();
        let mut doc = crate::state::lock(&shared).unwrap();
        doc.protect(None, Some(Passphrase::new("a").unwrap()))
            .unwrap();
        let (current, new) = protection_request(Some("b".into()), None, None).unwrap();
        let err = doc
            .protect(current, new)
            .map_err(|e| on_field(e, "current"));
        let err = err.unwrap_err();
        assert_eq!(kind(&err), ErrorKind::WrongPassphrase.into());
        assert_eq!(err.field.as_deref(), Some("current"));
        assert!(doc.is_encrypted());
        let (current, new) = protection_request(Some("a".into()), None, None).unwrap();
        doc.protect(current, new).unwrap();
        assert!(!doc.is_encrypted());
    }
}
