//! Work the user is not waiting for (the insights of a big journey: about 100 ms of CPU) runs on
//! a thread of its own at a low priority, so that on a machine with few cores it yields to an
//! edit and to the page drawing it.

use baton_session::error::{AppError, AppResult};

/// Runs `work` on a new low-priority thread and waits for its answer without blocking.
pub async fn run_in_background<T: Send + 'static>(
    work: impl FnOnce() -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("baton-background".into())
        .spawn(move || {
            lower_this_threads_priority();
            // The receiver is gone only if the command was dropped: nobody wants the answer.
            let _ = answer.send(work());
        })
        .map_err(|e| AppError::internal(format!("Could not start a background task: {e}")))?;
    answered
        .await
        .map_err(|_| AppError::internal("A background task failed"))?
}

/// The nice value background threads run at (0 is normal, 19 the lowest priority).
#[cfg(target_os = "linux")]
pub const BACKGROUND_NICE: i32 = 10;

#[cfg(target_os = "linux")]
fn lower_this_threads_priority() {
    // SAFETY: gettid and setpriority only read their integer arguments. On Linux a thread's
    // nice value is its own, so this leaves the other threads alone; raising it needs no
    // privilege, and should it fail the work runs at normal priority, as before.
    unsafe {
        let thread = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, thread as libc::id_t, BACKGROUND_NICE);
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_this_threads_priority() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_work_answers_and_its_errors_come_back_typed() {
        let ok = tauri::async_runtime::block_on(run_in_background(|| Ok(6 * 7)));
        assert_eq!(ok.unwrap(), 42);
        let failed: AppResult<()> = tauri::async_runtime::block_on(run_in_background(|| {
            Err(AppError::not_found("The journey x"))
        }));
        assert!(failed.unwrap_err().message.contains("journey x"));
    }

    #[test]
    fn a_panic_in_the_work_is_an_error_not_a_crash() {
        let result: AppResult<()> =
            tauri::async_runtime::block_on(run_in_background(|| panic!("bad work")));
        assert!(result.is_err());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_work_runs_at_a_lower_priority_than_the_caller() {
        // SAFETY: as above; getpriority only reads.
        let nice_of_this_thread =
            || unsafe { libc::getpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t) };
        let caller = nice_of_this_thread();
        let worker =
            tauri::async_runtime::block_on(run_in_background(move || Ok(nice_of_this_thread())))
                .unwrap();
        assert!(worker >= BACKGROUND_NICE, "worker nice {worker}");
        assert_eq!(
            nice_of_this_thread(),
            caller,
            "the caller's priority changed"
        );
    }
}
