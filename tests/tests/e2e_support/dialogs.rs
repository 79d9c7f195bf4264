//! Answers Baton's native GTK file dialogs the way a user would, with the keyboard, through
//! xdotool on the test's X display. WebDriver cannot reach native dialogs; this drives the
//! real ones, so the path still travels dialog -> Rust exactly as in use.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

fn xdotool(args: &[&str]) -> String {
    let out = Command::new("xdotool")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("xdotool is needed for the e2e suite: {e}"));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// The visible window titled exactly `title`, waiting up to ten seconds for it.
fn wait_for_window(title: &str) -> String {
    let pattern = format!("^{title}$");
    let start = Instant::now();
    loop {
        let found = xdotool(&["search", "--onlyvisible", "--name", &pattern]);
        if let Some(id) = found.lines().next() {
            return id.to_owned();
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no file dialog titled {title:?} appeared"
        );
        sleep(Duration::from_millis(100));
    }
}

fn wait_gone(window: &str, title: &str) {
    let pattern = format!("^{title}$");
    let start = Instant::now();
    while xdotool(&["search", "--onlyvisible", "--name", &pattern])
        .lines()
        .any(|w| w == window)
    {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the dialog {title:?} did not close"
        );
        sleep(Duration::from_millis(100));
    }
}

/// In a save dialog: replaces the proposed name with the full path and presses Enter.
pub fn answer_save(title: &str, path: &Path) {
    let window = wait_for_window(title);
    xdotool(&["windowfocus", "--sync", &window]);
    sleep(Duration::from_millis(300));
    xdotool(&["key", "--clearmodifiers", "ctrl+a"]);
    xdotool(&["type", "--delay", "5", &path.display().to_string()]);
    sleep(Duration::from_millis(300));
    xdotool(&["key", "Return"]);
    wait_gone(&window, title);
}

/// In an open dialog: opens the location field (Ctrl+L), types the path and presses Enter.
pub fn answer_open(title: &str, path: &Path) {
    let window = wait_for_window(title);
    xdotool(&["windowfocus", "--sync", &window]);
    sleep(Duration::from_millis(300));
    xdotool(&["key", "--clearmodifiers", "ctrl+l"]);
    sleep(Duration::from_millis(300));
    xdotool(&["type", "--delay", "5", &path.display().to_string()]);
    sleep(Duration::from_millis(300));
    xdotool(&["key", "Return"]);
    wait_gone(&window, title);
}

/// Presses Escape in the dialog: the user cancels.
pub fn cancel(title: &str) {
    let window = wait_for_window(title);
    xdotool(&["windowfocus", "--sync", &window]);
    sleep(Duration::from_millis(300));
    xdotool(&["key", "Escape"]);
    wait_gone(&window, title);
}
