//! Shared parts of the end-to-end suite: where the app and WebDriver are, a WebDriver client and
//! the native-dialog driver. `scripts/e2e.sh` sets the environment; the defaults match it.

pub mod dialogs;
pub mod webdriver;

use std::path::PathBuf;

use webdriver::Session;

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn screens_dir() -> PathBuf {
    std::env::var_os("BATON_E2E_SCREENS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/e2e-screens"))
}

/// Starts the real app binary under WebDriver and waits for the start screen.
pub fn launch() -> Session {
    let base =
        std::env::var("BATON_E2E_WEBDRIVER").unwrap_or_else(|_| "http://127.0.0.1:4444".to_owned());
    let app = std::env::var_os("BATON_E2E_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/baton-app"));
    assert!(app.is_file(), "build the app first: {}", app.display());
    let session = Session::start(&base, &app);
    session.testid("start-screen");
    session
}
