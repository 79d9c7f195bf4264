//! How WebKitGTK draws the page on a Linux machine without a GPU (a VM, a remote desktop, a
//! CI runner). By default WebKitGTK composites the page through OpenGL, which without a GPU is
//! Mesa's software rasteriser (llvmpipe): every frame that changes anything is composited again,
//! whole window, on the CPU, by threads that take the cores an edit needs. Measured with the
//! 10,000-card map under Xvfb (scripts/app-bench.sh): with compositing on, llvmpipe took about
//! 65 ms of CPU per edit and undo, an edit's round trip was 53-86 ms (median of 20, over runs)
//! and 7-29 of 240 pan and zoom frames missed the display's refresh; with compositing off, WebKit
//! paints only what changed, straight to the window: 41 ms, and one frame missed. So with no GPU
//! device, Baton turns compositing off, and asks for Skia's CPU painting too, should a user turn
//! compositing back on (through OpenGL, the median pan frame was 24 ms, on the CPU 18 ms).
//! Machines with a GPU are left as WebKit configures them, and a variable the user set wins.
//!
//! WebKit reads these variables once, when it starts, so this runs first thing in `main`, while
//! the process still has one thread.

use std::path::Path;

/// Turns WebKitGTK's accelerated compositing off: it paints into the window directly.
pub const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
/// Makes WebKitGTK paint with Skia on the CPU instead of through OpenGL, when it composites.
pub const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// The variables to set (name, value): none on a machine with a GPU, else those of software
/// rendering the user has not set either way (`user_setting` reads the environment).
pub fn software_rendering_env(
    has_gpu: bool,
    user_setting: impl Fn(&str) -> Option<String>,
) -> Vec<(&'static str, &'static str)> {
    if has_gpu {
        return Vec::new();
    }
    [(NO_COMPOSITING, "1"), (CPU_PAINTING, "1")]
        .into_iter()
        .filter(|(name, _)| user_setting(name).is_none())
        .collect()
}

/// Whether the machine has a GPU the process may render with: a DRM render node (what Mesa
/// opens for hardware OpenGL) in `dri_dir`.
pub fn has_render_node(dri_dir: &Path) -> bool {
    std::fs::read_dir(dri_dir)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

/// Sets up WebKit's painting for this machine. Call before anything starts another thread.
pub fn configure() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let has_gpu = has_render_node(Path::new("/dev/dri"));
    for (name, value) in software_rendering_env(has_gpu, |name| {
        std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
    }) {
        std::env::set_var(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unset(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn without_a_gpu_webkit_paints_on_the_cpu_without_compositing() {
        assert_eq!(
            software_rendering_env(false, unset),
            vec![(NO_COMPOSITING, "1"), (CPU_PAINTING, "1")]
        );
    }

    #[test]
    fn a_gpu_or_the_users_own_setting_is_left_alone() {
        assert!(software_rendering_env(true, unset).is_empty());
        let compositing_on = |name: &str| (name == NO_COMPOSITING).then(|| "0".to_owned());
        assert_eq!(
            software_rendering_env(false, compositing_on),
            vec![(CPU_PAINTING, "1")]
        );
        let both_set = |_: &str| Some("1".to_owned());
        assert!(software_rendering_env(false, both_set).is_empty());
        assert!(software_rendering_env(true, both_set).is_empty());
    }

    #[test]
    fn a_gpu_is_a_render_node_under_the_dri_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dir.path()), "an empty folder");
        assert!(!has_render_node(&dir.path().join("missing")), "no folder");
        std::fs::write(dir.path().join("card0"), "").unwrap();
        assert!(
            !has_render_node(dir.path()),
            "a display node alone is not a render node"
        );
        std::fs::write(dir.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dir.path()));
    }
}
