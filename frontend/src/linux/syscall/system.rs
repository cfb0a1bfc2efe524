//! Process, identity, time, limits and signal calls of a single-threaded guest.

use super::{errno, put, words, Abi, Call, Process, SysResult, SyscallError, TimeArg};
use oxenon_jit::Memory;
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The user and group ids the guest runs as (ours).
pub(super) fn ids() -> (u64, u64) {
    std::fs::metadata("/proc/self")
        .map(|m| (u64::from(m.uid()), u64::from(m.gid())))
        .unwrap_or((0, 0))
}

fn host_text(path: &str, fallback: &str) -> String {
    std::fs::read_to_string(path)
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| fallback.to_string())
}

fn uname(abi: Abi, mem: &Memory, buf: u64) -> SysResult {
    // struct utsname: six 65-byte NUL-padded fields.
    let fields = [
        "Linux".to_string(),
        host_text("/proc/sys/kernel/hostname", "oxenon"),
        host_text("/proc/sys/kernel/osrelease", "6.1.0"),
        host_text("/proc/sys/kernel/version", "#1 SMP"),
        match abi {
            Abi::Ppc64 => "ppc64",
            Abi::Ppc32 => "ppc",
        }
        .to_string(),
        "(none)".to_string(),
    ];
    let mut out = vec![0u8; 6 * 65];
    for (i, f) in fields.iter().enumerate() {
        let b = f.as_bytes();
        let n = b.len().min(64);
        out[i * 65..i * 65 + n].copy_from_slice(&b[..n]);
    }
    put(mem, buf, &out)?;
    Ok(0)
}

fn now() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn clock(p: &Process, id: u64) -> Result<Duration, u64> {
    match id {
        // CLOCK_REALTIME, _COARSE, _ALARM, CLOCK_TAI
        0 | 5 | 8 | 11 => Ok(now()),
        // Monotonic and boot clocks, and the CPU-time clocks (the guest is one thread that
        // runs all the time it exists): time since the guest started.
        1 | 2 | 3 | 4 | 6 | 7 | 9 => Ok(p.started.elapsed()),
        _ => Err(errno::EINVAL),
    }
}

fn timespec(abi: Abi, d: Duration) -> Vec<u8> {
    abi.longs(&[d.as_secs(), u64::from(d.subsec_nanos())])
}

fn rlimit(resource: u64) -> Result<(u64, u64), u64> {
    const INFINITY: u64 = u64::MAX;
    match resource {
        // RLIMIT_STACK: the stack we map.
        3 => Ok((u64::from(crate::linux::layout::STACK_SIZE), INFINITY)),
        // RLIMIT_NOFILE
        7 => Ok((1024, 4096)),
        0..=15 => Ok((INFINITY, INFINITY)),
        _ => Err(errno::EINVAL),
    }
}

fn getrandom(mem: &Memory, buf: u64, len: u64) -> SysResult {
    let n = len.min(1 << 20) as usize;
    let mut data = vec![0u8; n];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut data))
        .map_err(|_| errno::EIO)?;
    put(mem, buf, &data)?;
    Ok(n as u64)
}

/// `nanosleep(req, rem)` and `clock_nanosleep(clock, flags, req, rem)` (`clock` None for
/// the former); `abi` gives the layout of the timespecs (`Ppc64`'s for the 32-bit ABI's
/// `_time64` calls). With TIMER_ABSTIME the request is a time on the guest's clock. A signal
/// arriving for a guest handler ends the sleep with EINTR and the time left in `rem` (for
/// a relative sleep), as under Linux.
fn sleep(
    p: &Process,
    layout: TimeArg,
    mem: &Memory,
    clock_flags: Option<(u64, u64)>,
    req: u64,
    rem: u64,
) -> SysResult {
    const TIMER_ABSTIME: u64 = 1;
    let asked = layout.duration_at(mem, req, 1_000_000_000)?;
    let absolute = clock_flags.is_some_and(|(_, flags)| flags & TIMER_ABSTIME != 0);
    let d = match clock_flags {
        Some((id, _)) if absolute => asked.saturating_sub(clock(p, id)?),
        Some((id, _)) => clock(p, id).map(|_| asked)?,
        None => asked,
    };
    let ts = libc::timespec {
        tv_sec: d.as_secs().min(i64::MAX as u64) as i64,
        tv_nsec: i64::from(d.subsec_nanos()),
    };
    let mut left = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: two valid timespecs.
    if unsafe { libc::nanosleep(&ts, &mut left) } < 0 {
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::EINTR) {
            return Err(super::host_errno(&e));
        }
        if rem != 0 && !absolute {
            put(
                mem,
                rem,
                &layout
                    .abi()
                    .longs(&[left.tv_sec as u64, left.tv_nsec as u64]),
            )?;
        }
        return Err(errno::EINTR);
    }
    Ok(0)
}

fn clock_gettime(p: &Process, abi: Abi, mem: &Memory, id: u64, buf: u64) -> SysResult {
    clock(p, id).and_then(|d| put(mem, buf, &timespec(abi, d)).map(|()| 0))
}

fn clock_getres(p: &Process, abi: Abi, mem: &Memory, id: u64, buf: u64) -> SysResult {
    clock(p, id).and_then(|_| {
        if buf != 0 {
            put(mem, buf, &timespec(abi, Duration::from_nanos(1))).map(|()| 0)
        } else {
            Ok(0)
        }
    })
}

fn sysinfo(p: &Process, mem: &Memory, buf: u64) -> SysResult {
    if p.abi == Abi::Ppc32 {
        // The 32-bit struct sysinfo (64 bytes): the same fields as longs, procs (u16) at 40,
        // totalhigh and freehigh at 44 and 48, mem_unit at 52. 4 GiB does not fit in a
        // 32-bit long, so sizes are in 4 KiB units.
        let mut out = p.abi.longs(&[
            p.started.elapsed().as_secs(),
            0,
            0,
            0,
            1 << 20,
            3 << 18,
            0,
            0,
            0,
            0,
            1 << 16, // procs = 1 in the top half-word
            0,
            0,
            4096,
        ]);
        out.extend_from_slice(&[0; 8]);
        put(mem, buf, &out)?;
        return Ok(0);
    }
    // ppc64 struct sysinfo (112 bytes): uptime, loads[3], totalram, freeram, sharedram,
    // bufferram, totalswap, freeswap as longs, procs (u16) at 80, totalhigh and freehigh at
    // 88 and 96, mem_unit (u32) at 104. Memory is the guest's 4 GiB space.
    let mut out = words(&[
        p.started.elapsed().as_secs(),
        0,
        0,
        0,
        4 << 30,
        3 << 30,
        0,
        0,
        0,
        0,
        1 << 48, // procs = 1 in the top half-word of this word
        0,
        0,
    ]);
    out.extend_from_slice(&1u32.to_be_bytes());
    out.extend_from_slice(&[0; 4]);
    put(mem, buf, &out)?;
    Ok(0)
}

/// Whether a CPU mask of `len` bytes at `addr` (longs) includes CPU 0: bit 0 of the first
/// long, its last byte in big-endian order.
fn abi_mask_has_cpu0(abi: Abi, mem: &Memory, addr: u64, len: u64) -> bool {
    let long = abi.long_bytes() as u64;
    len >= long
        && super::get(mem, addr, long as usize)
            .is_ok_and(|raw| raw.last().is_some_and(|b| b & 1 != 0))
}

/// `prctl`: the thread name (PR_SET_NAME 15, PR_GET_NAME 16, 16 bytes with the NUL),
/// which is ours on the host; other options are EINVAL.
fn prctl(mem: &Memory, a: &[u64; 6]) -> SysResult {
    const PR_SET_NAME: u64 = 15;
    const PR_GET_NAME: u64 = 16;
    match a[0] {
        PR_SET_NAME => {
            let mut name = super::read_cstr(mem, a[1], 4096)?;
            name.truncate(15);
            let c = std::ffi::CString::new(name).map_err(|_| errno::EINVAL)?;
            // SAFETY: a NUL-terminated name.
            host_id(unsafe { libc::prctl(libc::PR_SET_NAME, c.as_ptr()) }).map(|_| 0)
        }
        PR_GET_NAME => {
            let mut buf = [0u8; 16];
            // SAFETY: a 16-byte buffer.
            host_id(unsafe { libc::prctl(libc::PR_GET_NAME, buf.as_mut_ptr()) })?;
            put(mem, a[1], &buf).map(|()| 0)
        }
        _ => Err(errno::EINVAL),
    }
}

/// A host call returning an id or -1 with errno.
fn host_id(r: i32) -> SysResult {
    super::host_result(r.into())
}

/// `getgroups(size, list)`: the host's supplementary groups, as 32-bit gids.
fn getgroups(mem: &Memory, size: u64, list: u64) -> SysResult {
    // SAFETY: a null list with size 0 asks for the count.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    let n = usize::try_from(n).map_err(|_| errno::EINVAL)?;
    let mut groups = vec![0 as libc::gid_t; n];
    // SAFETY: `groups` holds `n` gids.
    let n = unsafe { libc::getgroups(n as i32, groups.as_mut_ptr()) };
    groups.truncate(usize::try_from(n).map_err(|_| errno::EINVAL)?);
    if size == 0 {
        return Ok(groups.len() as u64);
    }
    if (size as usize) < groups.len() || size > 65536 {
        return Err(errno::EINVAL);
    }
    let bytes: Vec<u8> = groups.iter().flat_map(|g| g.to_be_bytes()).collect();
    put(mem, list, &bytes)?;
    Ok(groups.len() as u64)
}

/// `getpriority(which, who)` (the raw call answers 20 - nice, so that it is never
/// negative) and `setpriority(which, who, nice)`, on the host.
fn priority(nr: u64, a: &[u64; 6]) -> SysResult {
    let (which, who) = (a[0] as u32, a[1] as u32);
    if nr == 97 {
        // SAFETY: a plain call.
        return host_id(unsafe { libc::setpriority(which, who, a[2] as i32) });
    }
    // SAFETY: errno is ours to clear; getpriority may legitimately return -1.
    unsafe { *libc::__errno_location() = 0 };
    let nice = unsafe { libc::getpriority(which, who) };
    let e = std::io::Error::last_os_error();
    if nice == -1 && e.raw_os_error() != Some(0) {
        return Err(super::host_errno(&e));
    }
    Ok((20 - nice) as u64)
}

pub fn call(p: &mut Process, c: &Call, mem: &Memory) -> Option<Result<SysResult, SyscallError>> {
    let a = &c.args;
    let abi = p.abi;
    let pid = u64::from(std::process::id());
    let r = match c.nr {
        13 => {
            let t = now().as_secs();
            if a[0] != 0 {
                if let Err(e) = put(mem, a[0], &abi.longs(&[t])) {
                    return Some(Ok(Err(e)));
                }
            }
            Ok(t)
        }
        20 => Ok(pid),
        207 => Ok(p.threads.tid),
        24 | 49 => Ok(ids().0),
        47 | 50 => Ok(ids().1),
        64 => Ok(u64::from(std::os::unix::process::parent_id())),
        37 | 208 | 250 => {
            // kill(pid, sig), tkill(tid, sig), tgkill(tgid, tid, sig). kill to this process
            // (or to one of its threads) is for any thread not blocking the signal, tkill
            // for that thread alone; the guest's action decides what happens. kill to
            // anything else is the host's (other processes, process groups). Our thread ids
            // are our own numbers, so tkill and tgkill reach no one else.
            let (target, sig) = if c.nr == 250 {
                (a[1], a[2])
            } else {
                (a[0], a[1])
            };
            let ours = target == pid || p.threads.has(target);
            if sig > 64 {
                Err(errno::EINVAL)
            } else if !ours && c.nr != 37 {
                Err(errno::ESRCH)
            } else if !ours {
                // SAFETY: a plain call.
                host_id(unsafe { libc::kill(target as i32, sig as i32) })
            } else if sig == 0 {
                Ok(0)
            } else if c.nr != 37 && target != p.threads.tid {
                // To a thread that waits its turn: it takes the signal when it runs.
                match p.signals.send_to_waiting_thread(sig as u32) {
                    Ok(keep) => {
                        if keep {
                            p.threads.post(target, sig as u32);
                        }
                        Ok(0)
                    }
                    Err(s) => return Some(Err(SyscallError::Signal(s))),
                }
            } else {
                match p.signals.send(sig as u32, c.nr != 37) {
                    super::signal::Sent::Queued => Ok(0),
                    super::signal::Sent::Fatal(s) => return Some(Err(SyscallError::Signal(s))),
                }
            }
        }
        27 => p.signals.alarm(a[0]),
        104 => p.signals.itimer(mem, a[0], Some(a[1]), a[2]),
        105 => p.signals.itimer(mem, a[0], None, a[1]),
        43 => {
            // struct tms: four clock_t (longs).
            if a[0] != 0 {
                if let Err(e) = put(mem, a[0], &abi.longs(&[0; 4])) {
                    return Some(Ok(Err(e)));
                }
            }
            let ticks = p.started.elapsed().as_millis() as u64 / 10;
            Ok(match abi {
                Abi::Ppc64 => ticks,
                Abi::Ppc32 => ticks & 0xffff_ffff,
            })
        }
        76 | 190 => {
            rlimit(a[0]).and_then(|(cur, max)| put(mem, a[1], &abi.longs(&[cur, max])).map(|()| 0))
        }
        77 => {
            // struct rusage: user and system time first, then 14 longs; all zero but the time.
            let t = p.started.elapsed();
            let mut v = vec![t.as_secs(), u64::from(t.subsec_micros()), 0, 0];
            v.resize(18, 0);
            put(mem, a[1], &abi.longs(&v)).map(|()| 0)
        }
        78 => {
            let t = now();
            if a[0] != 0 {
                put(
                    mem,
                    a[0],
                    &abi.longs(&[t.as_secs(), u64::from(t.subsec_micros())]),
                )
                .map(|()| 0)
            } else {
                Ok(0)
            }
        }
        116 => sysinfo(p, mem, a[0]),
        122 => uname(abi, mem, a[0]),
        158 => {
            // sched_yield: the next runnable thread goes on.
            if p.threads.several() {
                p.threads.pending = Some(super::threads::Switch::Yield);
            }
            Ok(0)
        }
        162 => sleep(p, TimeArg::Of(abi), mem, None, a[0], a[1]),
        171 => prctl(mem, a),
        // The scheduling policy and priority range are the host's for us.
        // SAFETY (these three): plain calls.
        157 => host_id(unsafe { libc::sched_getscheduler(a[0] as i32) }),
        159 => host_id(unsafe { libc::sched_get_priority_max(a[0] as i32) }),
        160 => host_id(unsafe { libc::sched_get_priority_min(a[0] as i32) }),
        155 => {
            let mut sp = libc::sched_param { sched_priority: 0 };
            // SAFETY: a sched_param to fill.
            host_id(unsafe { libc::sched_getparam(a[0] as i32, &mut sp) })
                .and_then(|_| put(mem, a[1], &sp.sched_priority.to_be_bytes()).map(|()| 0))
        }
        // sched_setaffinity: the guest has one CPU, which the mask must include.
        222 => {
            if abi_mask_has_cpu0(abi, mem, a[2], a[1]) {
                Ok(0)
            } else {
                Err(errno::EINVAL)
            }
        }
        173 => p.signals.sigaction(mem, a),
        174 => p.signals.sigprocmask(mem, a),
        175 => p.signals.sigpending(mem, a),
        221 => p.threads.futex(mem, a),
        223 => {
            // One CPU: bit 0 of the first (big-endian) long of the mask.
            let long = abi.long_bytes() as u64;
            if a[1] < long {
                Err(errno::EINVAL)
            } else {
                put(mem, a[2], &abi.longs(&[1])).map(|()| long)
            }
        }
        232 => p.threads.set_tid_address(a[0]),
        246 => clock_gettime(p, abi, mem, a[0], a[1]),
        247 => clock_getres(p, abi, mem, a[0], a[1]),
        248 => sleep(p, TimeArg::Of(abi), mem, Some((a[0], a[1])), a[2], a[3]),
        // The 32-bit ABI's calls with a 64-bit time_t (ppc64's layout).
        403 if abi == Abi::Ppc32 => clock_gettime(p, Abi::Ppc64, mem, a[0], a[1]),
        406 if abi == Abi::Ppc32 => clock_getres(p, Abi::Ppc64, mem, a[0], a[1]),
        407 if abi == Abi::Ppc32 => sleep(p, TimeArg::Time64, mem, Some((a[0], a[1])), a[2], a[3]),
        // Robust futex lists and restartable sequences matter only with threads; qemu-user
        // refuses both too, and glibc carries on without them.
        300 | 387 => Err(errno::ENOSYS),
        // clone3: glibc falls back to clone, which `threads` and `process` handle.
        435 => Err(errno::ENOSYS),
        325 => {
            // prlimit64(pid, resource, new, old): limits are reported, changes accepted.
            if a[0] != 0 && a[0] != pid {
                Err(errno::EPERM)
            } else {
                rlimit(a[1]).and_then(|(cur, max)| {
                    if a[3] != 0 {
                        put(mem, a[3], &words(&[cur, max])).map(|()| 0)
                    } else {
                        Ok(0)
                    }
                })
            }
        }
        359 => getrandom(mem, a[0], a[1]),
        // Process groups and sessions are the emulator's, which runs as the guest.
        // SAFETY (these five): plain calls on our own process.
        65 => host_id(unsafe { libc::getpgrp() }),
        132 => host_id(unsafe { libc::getpgid(a[0] as i32) }),
        147 => host_id(unsafe { libc::getsid(a[0] as i32) }),
        57 => host_id(unsafe { libc::setpgid(a[0] as i32, a[1] as i32) }),
        66 => host_id(unsafe { libc::setsid() }),
        80 => getgroups(mem, a[0], a[1]),
        96 | 97 => priority(c.nr, a),
        _ => return None,
    };
    Some(Ok(r))
}
