//! How WebKitGTK draws the page on a Linux machine without a GPU (a VM, a remote desktop, a
//! CI runner). WebKitGTK paints with Skia through OpenGL by default; with no GPU, OpenGL is
//! Mesa's software rasteriser, which is slower than Skia's own CPU painting: measured with the
//! 10,000-card map under Xvfb (scripts/app-bench.sh), the median frame while panning went from
//! 24 ms to 18 ms. So with no GPU device, Baton asks WebKit for CPU painting. Machines with a
//! GPU are left as WebKit configures them, and a choice the user made in the environment wins.
//!
//! WebKit reads these variables once, when it starts, so this runs first thing in `main`, while
//! the process still has one thread.

use std::path::Path;

/// The variable that makes WebKitGTK paint with Skia on the CPU instead of through OpenGL.
pub const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// The variable to set (name, value), if any: CPU painting when no GPU can be used and the user
/// has not set the variable either way.
pub fn software_painting_env(
    has_gpu: bool,
    user_setting: Option<&str>,
) -> Option<(&'static str, &'static str)> {
    (!has_gpu && user_setting.is_none()).then_some((CPU_PAINTING, "1"))
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
    let user_setting = std::env::var(CPU_PAINTING).ok();
    let has_gpu = has_render_node(Path::new("/dev/dri"));
    if let Some((name, value)) = software_painting_env(has_gpu, user_setting.as_deref()) {
        std::env::set_var(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_gpu_webkit_paints_on_the_cpu() {
        assert_eq!(
            software_painting_env(false, None),
            Some((CPU_PAINTING, "1"))
        );
    }

    #[test]
    fn a_gpu_or_the_users_own_setting_is_left_alone() {
        assert_eq!(software_painting_env(true, None), None);
        assert_eq!(software_painting_env(false, Some("0")), None);
        assert_eq!(software_painting_env(true, Some("1")), None);
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
