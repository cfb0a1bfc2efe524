//! POSIX per-process timers (`timer_create` and the rest) as host kernel timers, as
//! qemu-user has them: a timer's signal is a host signal to this process, which reaches the
//! guest as every signal from outside does (`hostsig`). The guest's timer id is the host
//! kernel's. SIGEV_SIGNAL and SIGEV_NONE are supported; SIGEV_THREAD_ID (glibc's way of
//! running SIGEV_THREAD timers, on an internal signal) is EINVAL.

use super::host_result as host;
use super::{errno, get, put, Abi, Call, Process, SysResult, TimeArg};
use oxenon_jit::Memory;

const SIGEV_SIGNAL: i32 = 0;
const SIGEV_NONE: i32 = 1;
const SIGALRM: i32 = 14;

/// `timer_create(clock, sevp, timerid)`. The guest's `struct sigevent` is the value (a
/// pointer-sized union), the signal and the notification (ints).
fn create(abi: Abi, mem: &Memory, a: &[u64; 6]) -> SysResult {
    // SAFETY: sigevent is plain data; zero is a valid value for it.
    let mut ev: libc::sigevent = unsafe { std::mem::zeroed() };
    if a[1] == 0 {
        ev.sigev_notify = SIGEV_SIGNAL;
        ev.sigev_signo = SIGALRM;
    } else {
        let w = abi.long_bytes();
        let raw = get(mem, a[1], w + 8)?;
        let int = |o: usize| i32::from_be_bytes(raw[o..o + 4].try_into().unwrap_or_default());
        ev.sigev_value = libc::sigval {
            sival_ptr: abi.long_at(&raw, 0) as usize as *mut libc::c_void,
        };
        ev.sigev_signo = int(w);
        ev.sigev_notify = int(w + 4);
        let signal_ok = u32::try_from(ev.sigev_signo).is_ok_and(super::hostsig::follows_the_guest);
        match ev.sigev_notify {
            SIGEV_NONE => {}
            SIGEV_SIGNAL if signal_ok => {}
            _ => return Err(errno::EINVAL),
        }
    }
    let mut id: i32 = 0;
    // SAFETY: a kernel sigevent record and an int for the id.
    host(unsafe { libc::syscall(libc::SYS_timer_create, a[0] as i32, &ev, &mut id) })?;
    if let Err(e) = put(mem, a[2], &id.to_be_bytes()) {
        // SAFETY: the timer just created.
        unsafe { libc::syscall(libc::SYS_timer_delete, id) };
        return Err(e);
    }
    Ok(0)
}

/// A guest `struct itimerspec` in `layout`, as the host's.
pub(super) fn spec_in(mem: &Memory, addr: u64, layout: TimeArg) -> Result<libc::itimerspec, u64> {
    let raw = get(mem, addr, 4 * layout.abi().long_bytes())?;
    let v = |k: usize| layout.field(&raw, k);
    Ok(libc::itimerspec {
        it_interval: libc::timespec {
            tv_sec: v(0),
            tv_nsec: v(1),
        },
        it_value: libc::timespec {
            tv_sec: v(2),
            tv_nsec: v(3),
        },
    })
}

/// Writes an itimerspec in `abi`'s layout.
pub(super) fn spec_out(mem: &Memory, addr: u64, abi: Abi, t: &libc::itimerspec) -> SysResult {
    let v = [
        t.it_interval.tv_sec,
        t.it_interval.tv_nsec,
        t.it_value.tv_sec,
        t.it_value.tv_nsec,
    ]
    .map(|x| x as u64);
    put(mem, addr, &abi.longs(&v)).map(|()| 0)
}

/// `timer_settime(id, flags, new, old)` and `timer_gettime(id, cur)` with itimerspecs in
/// `layout`.
fn time(mem: &Memory, a: &[u64; 6], set: bool, layout: TimeArg) -> SysResult {
    let abi = layout.abi();
    let id = a[0] as i32;
    // SAFETY: zero is a valid itimerspec.
    let mut cur: libc::itimerspec = unsafe { std::mem::zeroed() };
    if set {
        let new = spec_in(mem, a[2], layout)?;
        // SAFETY: two itimerspec records.
        host(unsafe { libc::syscall(libc::SYS_timer_settime, id, a[1] as i32, &new, &mut cur) })?;
        if a[3] != 0 {
            spec_out(mem, a[3], abi, &cur)?;
        }
        return Ok(0);
    }
    // SAFETY: an itimerspec record.
    host(unsafe { libc::syscall(libc::SYS_timer_gettime, id, &mut cur) })?;
    spec_out(mem, a[1], abi, &cur)
}

pub fn call(p: &mut Process, c: &Call, mem: &Memory) -> Option<SysResult> {
    let a = &c.args;
    let abi = p.abi;
    Some(match c.nr {
        240 => create(abi, mem, a),
        241 => time(mem, a, true, TimeArg::Of(abi)),
        242 => time(mem, a, false, TimeArg::Of(abi)),
        // The 32-bit ABI's timer_gettime64 and timer_settime64 (ppc64's layout).
        408 if abi == Abi::Ppc32 => time(mem, a, false, TimeArg::Time64),
        409 if abi == Abi::Ppc32 => time(mem, a, true, TimeArg::Time64),
        // SAFETY (these two): plain calls on a timer id (the host checks it).
        243 => host(unsafe { libc::syscall(libc::SYS_timer_getoverrun, a[0] as i32) }),
        244 => host(unsafe { libc::syscall(libc::SYS_timer_delete, a[0] as i32) }),
        _ => return None,
    })
}
