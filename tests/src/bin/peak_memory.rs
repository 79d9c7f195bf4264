//! `peak_memory OUT PROGRAM ARGS...`: runs PROGRAM with ARGS (stdin, stdout and stderr
//! inherited), then writes its peak resident set in KiB to the file OUT and exits with its code
//! (1 if it was killed).
//!
//! Why a program of its own: a child's `ru_maxrss` counts the memory of the process it was
//! forked from until it execs, so a child of a test process holding large test data would
//! report that data as its own peak. Forked from this small process instead, the child's peak
//! is its own.

use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out, program, rest @ ..] = args.as_slice() else {
        eprintln!("usage: peak_memory OUT PROGRAM ARGS...");
        return ExitCode::from(2);
    };
    let child = match Command::new(program).args(rest).spawn() {
        Ok(child) => child,
        Err(error) => {
            eprintln!("peak_memory: cannot start {program}: {error}");
            return ExitCode::from(2);
        }
    };
    let mut status = 0;
    // SAFETY: `usage` is plain data that wait4 fills in; `status` is a valid int; the pid is
    // our own child's, not waited for before.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    if unsafe { libc::wait4(pid, &mut status, 0, &mut usage) } != pid {
        eprintln!("peak_memory: wait4 failed");
        return ExitCode::from(2);
    }
    if let Err(error) = std::fs::write(out, usage.ru_maxrss.to_string()) {
        eprintln!("peak_memory: cannot write {out}: {error}");
        return ExitCode::from(2);
    }
    if libc::WIFEXITED(status) {
        ExitCode::from(u8::try_from(libc::WEXITSTATUS(status)).unwrap_or(1))
    } else {
        ExitCode::from(1)
    }
}
