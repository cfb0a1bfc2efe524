//! Signals from outside the process (another process's `kill`, a child's SIGCHLD, a
//! terminal's SIGINT): the host action of each signal follows the guest's. A guest handler
//! becomes a host handler that only records the signal, which the run loop and the system
//! call layer then deliver to the guest (`Signals::take_external`); SIG_IGN and SIG_DFL
//! become the host's own, so an ignored signal is ignored and a default one ends us as it
//! would end the guest (the exit status a parent sees is the same). The host handler has no
//! SA_RESTART, so a blocking host call it interrupts returns EINTR; the system call layer
//! then makes the call again or returns EINTR to the guest, as Linux would (`RESTARTABLE`,
//! `Signals::restarts`). The handler takes the host's `siginfo_t`, so the guest's handler
//! sees the real `si_code` and sender (`arrival`).
//!
//! Signals the emulator itself depends on keep their host action: SIGSEGV and SIGBUS
//! (guest memory faults), SIGILL, SIGFPE and SIGTRAP (its own faults), SIGKILL and SIGSTOP
//! (cannot be caught), and 32 and 33 (the host C library's).

use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};

/// Signals that arrived since the last `take`, bit `n - 1` for signal `n`.
static ARRIVED: AtomicU64 = AtomicU64::new(0);
/// Signals whose host handler records them.
static RECORDING: AtomicU64 = AtomicU64::new(0);
/// For each signal, the `si_code` of its last arrival and its sender (pid in the high
/// half, uid in the low one), as the host's `siginfo_t` told them.
static CODES: [AtomicI32; 64] = [const { AtomicI32::new(0) }; 64];
static SENDERS: [AtomicU64; 64] = [const { AtomicU64::new(0) }; 64];

extern "C" fn record(sig: libc::c_int, info: *mut libc::siginfo_t, _: *mut libc::c_void) {
    if (1..=64).contains(&sig) {
        let i = sig as usize - 1;
        if !info.is_null() {
            // SAFETY: the kernel passes a valid siginfo_t to an SA_SIGINFO handler; the
            // stores are atomic (async-signal-safe).
            unsafe {
                let info = &*info;
                CODES[i].store(info.si_code, Ordering::SeqCst);
                let sender = (u64::from(info.si_pid() as u32) << 32) | u64::from(info.si_uid());
                SENDERS[i].store(sender, Ordering::SeqCst);
            }
        }
        ARRIVED.fetch_or(1 << i, Ordering::SeqCst);
    }
}

/// How `sig` last arrived: its `si_code` and its sender (pid << 32 | uid).
pub fn arrival(sig: u32) -> (i32, u64) {
    let i = sig as usize - 1;
    (
        CODES[i].load(Ordering::SeqCst),
        SENDERS[i].load(Ordering::SeqCst),
    )
}

/// Whether the host action of `sig` follows the guest's (see the module comment).
pub fn follows_the_guest(sig: u32) -> bool {
    (1..=64).contains(&sig) && !matches!(sig, 4 | 5 | 7 | 8 | 9 | 11 | 19 | 32 | 33)
}

/// What the guest installed for `sig`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    Default,
    Ignore,
    Handler,
}

/// Sets the host action of `sig` to follow the guest's.
pub fn follow(sig: u32, d: Disposition) {
    if !follows_the_guest(sig) {
        return;
    }
    type Recorder = extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void);
    let handler = match d {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Handler => record as Recorder as libc::sighandler_t,
    };
    // SAFETY: installing a handler that only does atomic stores (async-signal-safe), or a
    // default or ignore action.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = handler;
        if d == Disposition::Handler {
            sa.sa_flags = libc::SA_SIGINFO;
        }
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(sig as i32, &sa, std::ptr::null_mut());
    }
    let bit = 1u64 << (sig - 1);
    if d == Disposition::Handler {
        RECORDING.fetch_or(bit, Ordering::SeqCst);
    } else {
        RECORDING.fetch_and(!bit, Ordering::SeqCst);
    }
}

/// The signals that arrived since the last call.
pub fn take() -> u64 {
    ARRIVED.swap(0, Ordering::SeqCst)
}

/// Whether some signal could still arrive from outside to a guest handler.
pub fn recording() -> bool {
    RECORDING.load(Ordering::SeqCst) != 0
}
