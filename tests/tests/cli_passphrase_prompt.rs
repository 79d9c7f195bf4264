//! The passphrase prompt on a real terminal. With neither `--passphrase-file` nor
//! `BATON_PASSPHRASE`, a command that opens an encrypted file asks on its terminal, without
//! echo. The tests give `baton` a pseudo-terminal of its own (its controlling terminal, so the
//! prompt's `/dev/tty` is that terminal), type as a user would, and read everything the terminal
//! showed: the typed passphrase must never appear there.

#![cfg(unix)]

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use baton_tests::{baton_exe, Sandbox};

const PASSPHRASE: &str = "tr0ub4dor & 3";

/// `baton ARGS` on a fresh pseudo-terminal, and the terminal's other end.
struct OnTerminal {
    child: Child,
    terminal: File,
    shown: Vec<u8>,
}

impl OnTerminal {
    fn start(sandbox: &Sandbox, args: &[&str]) -> Self {
        let (mut controller, mut device) = (-1, -1);
        // SAFETY: openpty writes two new descriptors into the integers given; the null pointers
        // ask for no name and the default terminal settings (echo on, as a user's shell has).
        let opened = unsafe {
            libc::openpty(
                &mut controller,
                &mut device,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just opened by openpty and are owned by nothing else.
        let (controller, device) =
            unsafe { (File::from_raw_fd(controller), OwnedFd::from_raw_fd(device)) };
        let stdio = |fd: &OwnedFd| Stdio::from(fd.try_clone().unwrap());
        let mut command = Command::new(baton_exe());
        command
            .args(args)
            .current_dir(sandbox.dir())
            .env_remove("BATON_PASSPHRASE")
            .env_remove("BATON_NEW_PASSPHRASE")
            .stdin(stdio(&device))
            .stdout(stdio(&device))
            .stderr(stdio(&device));
        // SAFETY: between fork and exec only async-signal-safe calls: a new session, then the
        // terminal on standard input becomes its controlling terminal (what a login shell has).
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().unwrap();
        drop(device);
        Self {
            child,
            terminal: controller,
            shown: Vec::new(),
        }
    }

    fn shown(&self) -> String {
        String::from_utf8_lossy(&self.shown).into_owned()
    }

    /// Reads what the terminal shows until `text` appears (or the program ends, or 60 s pass).
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !self.shown().contains(text) {
            assert!(
                Instant::now() < deadline,
                "waited 60 s for {text:?}; the terminal shows {:?}",
                self.shown()
            );
            if !self.read_some(Duration::from_millis(200)) {
                panic!(
                    "baton ended before showing {text:?}; the terminal shows {:?}",
                    self.shown()
                );
            }
        }
    }

    /// Reads what is there within `patience`; false once the program closed the terminal.
    fn read_some(&mut self, patience: Duration) -> bool {
        let mut poll = libc::pollfd {
            fd: self.terminal.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, for the descriptor this struct owns.
        let ready = unsafe { libc::poll(&mut poll, 1, patience.as_millis() as libc::c_int) };
        if ready <= 0 {
            return true;
        }
        let mut buffer = [0u8; 4096];
        match self.terminal.read(&mut buffer) {
            Ok(0) => false,
            Ok(n) => {
                self.shown.extend_from_slice(&buffer[..n]);
                true
            }
            // Linux reports EIO on the controller once every copy of the device is closed.
            Err(_) => false,
        }
    }

    /// Waits (at most 60 s) until the terminal no longer echoes what is typed. The prompt is
    /// printed just before echo is turned off, so a line typed at once could still be echoed by
    /// the terminal: a person cannot type that fast, a test can. On Linux a pseudo-terminal's
    /// controller reads the settings of its device.
    fn wait_for_echo_off(&self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            // SAFETY: termios is plain data, filled in by tcgetattr for a descriptor we own.
            let mut settings: libc::termios = unsafe { std::mem::zeroed() };
            let got = unsafe { libc::tcgetattr(self.terminal.as_raw_fd(), &mut settings) };
            assert_eq!(got, 0, "tcgetattr: {}", std::io::Error::last_os_error());
            if settings.c_lflag & libc::ECHO == 0 {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the prompt never turned echo off; the terminal shows {:?}",
                self.shown()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Types a passphrase at the prompt once it no longer echoes.
    fn type_secret(&mut self, line: &str) {
        self.wait_for_echo_off();
        self.terminal
            .write_all(format!("{line}\n").as_bytes())
            .unwrap();
    }

    /// Reads to the end and waits: the exit code and all the terminal showed.
    fn finish(mut self) -> (i32, String) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self.read_some(Duration::from_millis(200)) {
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("baton did not end in 60 s; it showed {:?}", self.shown());
            }
        }
        let status = self.child.wait().unwrap();
        (status.code().unwrap_or(-1), self.shown())
    }
}

fn protected_bank(sandbox: &Sandbox) {
    sandbox
        .run(&["new", "bank.baton", "--template", "bank_lost_card"])
        .ok();
    sandbox.write("pass.txt", PASSPHRASE.as_bytes());
    sandbox
        .run(&["protect", "bank.baton", "--passphrase-file", "pass.txt"])
        .ok();
}

#[test]
fn the_prompt_opens_the_file_without_echoing_the_passphrase() {
    let sandbox = Sandbox::new();
    protected_bank(&sandbox);
    let mut baton = OnTerminal::start(&sandbox, &["info", "bank.baton"]);
    baton.wait_for("Passphrase for bank.baton: ");
    baton.type_secret(PASSPHRASE);
    let (code, shown) = baton.finish();
    assert_eq!(code, 0, "{shown}");
    assert!(
        shown.contains("Report a lost card"),
        "info printed: {shown}"
    );
    assert!(
        !shown.contains("tr0ub4dor"),
        "the passphrase was echoed: {shown}"
    );
}

#[test]
fn a_wrong_passphrase_at_the_prompt_is_refused_and_leaves_the_file_as_it_was() {
    let sandbox = Sandbox::new();
    protected_bank(&sandbox);
    let before = sandbox.sha256("bank.baton");
    let mut baton = OnTerminal::start(&sandbox, &["info", "bank.baton"]);
    baton.wait_for("Passphrase for bank.baton: ");
    baton.type_secret("not the passphrase");
    let (code, shown) = baton.finish();
    assert_eq!(code, 1, "{shown}");
    assert!(shown.contains("passphrase does not open"), "{shown}");
    assert!(!shown.contains("not the passphrase"), "echoed: {shown}");
    assert_eq!(sandbox.sha256("bank.baton"), before);
}

#[test]
fn protect_at_the_prompt_asks_twice_and_refuses_two_different_passphrases() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "bank.baton", "--template", "bank_lost_card"])
        .ok();
    let before = sandbox.sha256("bank.baton");
    let mut baton = OnTerminal::start(&sandbox, &["protect", "bank.baton"]);
    baton.wait_for("Passphrase for bank.baton: ");
    baton.type_secret(PASSPHRASE);
    baton.wait_for("Passphrase again for bank.baton: ");
    baton.type_secret("a different one");
    let (code, shown) = baton.finish();
    assert_eq!(code, 1, "{shown}");
    assert!(shown.contains("the two passphrases differ"), "{shown}");
    assert_eq!(sandbox.sha256("bank.baton"), before, "the file changed");

    let mut baton = OnTerminal::start(&sandbox, &["protect", "bank.baton"]);
    baton.wait_for("Passphrase for bank.baton: ");
    baton.type_secret(PASSPHRASE);
    baton.wait_for("Passphrase again for bank.baton: ");
    baton.type_secret(PASSPHRASE);
    let (code, shown) = baton.finish();
    assert_eq!(code, 0, "{shown}");
    assert!(!shown.contains("tr0ub4dor"), "echoed: {shown}");
    sandbox.write("pass.txt", PASSPHRASE.as_bytes());
    sandbox
        .run(&["info", "bank.baton", "--passphrase-file", "pass.txt"])
        .ok();
}
