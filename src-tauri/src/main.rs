// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Before anything else: WebKit reads its painting settings once, at start.
    baton_app::rendering::configure();
    baton_app::run();
}
