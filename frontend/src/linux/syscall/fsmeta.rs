//! File-system calls beyond reading and writing, carried out on the host as qemu-user does:
//! links, ownership, times, the file-creation mask, advisory locks (`flock`, `fcntl`
//! record locks), space and access hints, `sendfile`, file-system statistics, `sync`,
//! `faccessat2` and `close_range`.

use super::files::{host_path, AT_FDCWD};
use super::host_result as host;
use super::{errno, get, put, read_cstr, Abi, Call, Process, SysResult, TimeArg};
use oxenon_jit::Memory;
use std::ffi::CString;
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

const AT_SYMLINK_NOFOLLOW: u64 = 0x100;
const AT_SYMLINK_FOLLOW: u64 = 0x400;
const AT_EMPTY_PATH: u64 = 0x1000;
const AT_EACCESS: u64 = 0x200;

fn cpath(path: &Path) -> Result<CString, u64> {
    CString::new(path.as_os_str().as_bytes()).map_err(|_| errno::EINVAL)
}

fn raw_fd(p: &mut Process, fd: u64) -> Result<i32, u64> {
    Ok(p.files.file(fd as i32)?.as_raw_fd())
}

/// `link`/`linkat`: a hard link `to` naming what `from` names.
fn link(p: &mut Process, mem: &Memory, from: (i32, u64), to: (i32, u64), flags: u64) -> SysResult {
    if flags & !(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH) != 0 {
        return Err(errno::EINVAL);
    }
    let (old, new) = (
        host_path(p, mem, from.0, from.1)?,
        host_path(p, mem, to.0, to.1)?,
    );
    let (old, new) = (cpath(&old)?, cpath(&new)?);
    let follow = if flags & AT_SYMLINK_FOLLOW != 0 {
        libc::AT_SYMLINK_FOLLOW
    } else {
        0
    };
    // SAFETY: NUL-terminated paths.
    host(
        unsafe {
            libc::linkat(
                libc::AT_FDCWD,
                old.as_ptr(),
                libc::AT_FDCWD,
                new.as_ptr(),
                follow,
            )
        }
        .into(),
    )
}

/// `symlink`/`symlinkat`: the target is stored as the guest wrote it, not resolved.
fn symlink(p: &mut Process, mem: &Memory, target: u64, at: (i32, u64)) -> SysResult {
    let target = CString::new(read_cstr(mem, target, 4096)?).map_err(|_| errno::EINVAL)?;
    let link = cpath(&host_path(p, mem, at.0, at.1)?)?;
    // SAFETY: NUL-terminated strings.
    host(unsafe { libc::symlink(target.as_ptr(), link.as_ptr()) }.into())
}

/// `chown`, `lchown`, `fchownat` (`path` None: `fchown` of `fd`). -1 leaves an id as it is.
fn chown(
    p: &mut Process,
    mem: &Memory,
    at: (i32, Option<u64>),
    ids: (u64, u64),
    flags: u64,
) -> SysResult {
    let (uid, gid) = (ids.0 as u32, ids.1 as u32);
    match at.1 {
        None => {
            let fd = raw_fd(p, at.0 as u64)?;
            // SAFETY: an open host descriptor.
            host(unsafe { libc::fchown(fd, uid, gid) }.into())
        }
        Some(path) => {
            let c = cpath(&host_path(p, mem, at.0, path)?)?;
            let nofollow = if flags & AT_SYMLINK_NOFOLLOW != 0 {
                libc::AT_SYMLINK_NOFOLLOW
            } else {
                0
            };
            // SAFETY: a NUL-terminated path.
            host(unsafe { libc::fchownat(libc::AT_FDCWD, c.as_ptr(), uid, gid, nofollow) }.into())
        }
    }
}

/// `utimensat(dirfd, path, times, flags)`, and `utime`/`utimes` turned into it. `times`
/// holds the access and modification times (None: both now); UTIME_NOW and UTIME_OMIT in
/// the nanoseconds pass through. A null path changes the file open as `dirfd`.
fn utimens(
    p: &mut Process,
    mem: &Memory,
    at: (i32, u64),
    times: Option<[libc::timespec; 2]>,
    flags: u64,
) -> SysResult {
    let ptr = times.as_ref().map_or(std::ptr::null(), |t| t.as_ptr());
    if at.1 == 0 {
        let fd = raw_fd(p, at.0 as u64)?;
        // SAFETY: an open host descriptor; `ptr` is null or two timespecs.
        return host(unsafe { libc::futimens(fd, ptr) }.into());
    }
    let c = cpath(&host_path(p, mem, at.0, at.1)?)?;
    let nofollow = if flags & AT_SYMLINK_NOFOLLOW != 0 {
        libc::AT_SYMLINK_NOFOLLOW
    } else {
        0
    };
    // SAFETY: a NUL-terminated path; `ptr` is null or two timespecs.
    host(unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ptr, nofollow) }.into())
}

/// Two (seconds, fraction) pairs of longs in `abi`'s layout at `addr`, the fraction counted
/// `per_second` (a null `addr`: None, "now"). UTIME_NOW and UTIME_OMIT (only meaningful as
/// nanoseconds) pass through.
fn time_pair(
    mem: &Memory,
    addr: u64,
    layout: TimeArg,
    per_second: i64,
) -> Result<Option<[libc::timespec; 2]>, u64> {
    if addr == 0 {
        return Ok(None);
    }
    let raw = get(mem, addr, 4 * layout.abi().long_bytes())?;
    let signed = |k: usize| layout.field(&raw, k);
    let one = |k: usize| -> Result<libc::timespec, u64> {
        let (secs, frac) = (signed(2 * k), signed(2 * k + 1));
        let special =
            per_second == 1_000_000_000 && (frac == libc::UTIME_NOW || frac == libc::UTIME_OMIT);
        if !special && !(0..per_second).contains(&frac) {
            return Err(errno::EINVAL);
        }
        Ok(libc::timespec {
            tv_sec: secs,
            tv_nsec: if special {
                frac
            } else {
                frac * (1_000_000_000 / per_second)
            },
        })
    };
    Ok(Some([one(0)?, one(1)?]))
}

/// `flock(fd, operation)`.
fn flock(p: &mut Process, fd: u64, op: u64) -> SysResult {
    let fd = raw_fd(p, fd)?;
    // SAFETY: an open host descriptor.
    host(unsafe { libc::flock(fd, op as i32) }.into())
}

/// `fallocate(fd, mode, offset, len)`.
fn fallocate(p: &mut Process, fd: u64, mode: u64, off: u64, len: u64) -> SysResult {
    let fd = raw_fd(p, fd)?;
    // SAFETY: an open host descriptor.
    host(unsafe { libc::fallocate(fd, mode as i32, off as i64, len as i64) }.into())
}

/// `fadvise64(fd, offset, len, advice)`: a hint, given to the host file.
fn fadvise(p: &mut Process, fd: u64, off: u64, len: u64, advice: u64) -> SysResult {
    let fd = raw_fd(p, fd)?;
    // SAFETY: an open host descriptor. posix_fadvise returns the error number itself.
    match unsafe { libc::posix_fadvise(fd, off as i64, len as i64, advice as i32) } {
        0 => Ok(0),
        e => Err(e as u64),
    }
}

/// `sendfile(out, in, offset, count)`: `offset` (a long in `abi`'s layout, or null for the
/// input's own position) is where the input is read and is advanced past what was sent.
fn sendfile(
    p: &mut Process,
    mem: &Memory,
    fds: (u64, u64),
    offset: u64,
    count: u64,
    abi: Abi,
) -> SysResult {
    let (out, inp) = (raw_fd(p, fds.0)?, raw_fd(p, fds.1)?);
    let count = count.min(16 << 20) as usize;
    if offset == 0 {
        // SAFETY: open host descriptors.
        return host(unsafe { libc::sendfile(out, inp, std::ptr::null_mut(), count) } as i64);
    }
    let mut off = abi.signed_long_at(&get(mem, offset, abi.long_bytes())?, 0);
    // SAFETY: open host descriptors and a valid offset.
    let n = host(unsafe { libc::sendfile(out, inp, &mut off, count) } as i64)?;
    put(mem, offset, &abi.longs(&[off as u64]))?;
    Ok(n)
}

/// `statfs`/`fstatfs` (the ppc64 `struct statfs`, eleven longs and four spare; the 32-bit
/// ABI's, all 32-bit words, EOVERFLOW when a count does not fit) and the 32-bit ABI's
/// `statfs64`/`fstatfs64` (88 bytes: 32-bit type and block size, 64-bit counts from 8, fsid
/// at 48, 32-bit name length, fragment size and flags from 56; `wide`).
fn statfs(
    p: &mut Process,
    mem: &Memory,
    target: Result<u64, (i32, u64)>,
    buf: u64,
    wide: bool,
) -> SysResult {
    /// The x86-64 kernel's `struct statfs` (the libc crate's lacks `f_flags`): type, block
    /// size and five counts, fsid, name length, fragment size, flags, four spare words.
    #[repr(C)]
    #[derive(Default)]
    struct HostStatfs {
        words: [i64; 7],
        fsid: [u32; 2],
        namelen: i64,
        frsize: i64,
        flags: i64,
        spare: [i64; 4],
    }
    let mut s = HostStatfs::default();
    let r = match target {
        Ok(fd) => {
            let fd = raw_fd(p, fd)?;
            // SAFETY: an open host descriptor and a kernel statfs record to fill.
            unsafe { libc::syscall(libc::SYS_fstatfs, fd, &mut s as *mut HostStatfs) }
        }
        Err((dirfd, path)) => {
            let c = cpath(&host_path(p, mem, dirfd, path)?)?;
            // SAFETY: a NUL-terminated path and a kernel statfs record to fill.
            unsafe { libc::syscall(libc::SYS_statfs, c.as_ptr(), &mut s as *mut HostStatfs) }
        }
    };
    host(r)?;
    let fsid = (u64::from(s.fsid[0]) << 32) | u64::from(s.fsid[1]);
    let counts: Vec<u64> = s.words[2..7].iter().map(|&v| v as u64).collect();
    let tail = [
        s.namelen as u64,
        s.frsize as u64,
        s.flags as u64,
        0,
        0,
        0,
        0,
    ];
    let out = match p.abi {
        Abi::Ppc64 => {
            let mut v = vec![s.words[0] as u64, s.words[1] as u64];
            v.extend(counts);
            v.push(fsid);
            v.extend(tail);
            super::words(&v)
        }
        Abi::Ppc32 if !wide => {
            let big = |v: u64| v > u64::from(u32::MAX);
            let files = |v: u64| v != u64::MAX && big(v);
            if counts[..3].iter().any(|&v| big(v)) || counts[3..].iter().any(|&v| files(v)) {
                return Err(75); // EOVERFLOW
            }
            let mut v = vec![s.words[0] as u64, s.words[1] as u64];
            v.extend(&counts);
            let mut out = Abi::Ppc32.longs(&v);
            out.extend(fsid.to_be_bytes());
            out.extend(Abi::Ppc32.longs(&tail));
            out
        }
        Abi::Ppc32 => {
            let mut out = Abi::Ppc32.longs(&[s.words[0] as u64, s.words[1] as u64]);
            out.extend(super::words(&counts));
            out.extend(fsid.to_be_bytes());
            out.extend(Abi::Ppc32.longs(&tail));
            out.extend([0; 4]);
            out
        }
    };
    put(mem, buf, &out)?;
    Ok(0)
}

fn statfs64_size(abi: Abi) -> u64 {
    match abi {
        Abi::Ppc64 => 120,
        Abi::Ppc32 => 88,
    }
}

/// `faccessat2(dirfd, path, mode, flags)`.
fn faccessat2(p: &mut Process, mem: &Memory, at: (i32, u64), mode: u64, flags: u64) -> SysResult {
    if flags & !(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH) != 0 || mode > 7 {
        return Err(errno::EINVAL);
    }
    let c = cpath(&host_path(p, mem, at.0, at.1)?)?;
    let mut host_flags = 0;
    if flags & AT_EACCESS != 0 {
        host_flags |= libc::AT_EACCESS;
    }
    if flags & AT_SYMLINK_NOFOLLOW != 0 {
        host_flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    // SAFETY: a NUL-terminated path.
    host(unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), mode as i32, host_flags) }.into())
}

pub fn call(p: &mut Process, c: &Call, mem: &Memory) -> Option<SysResult> {
    let a = &c.args;
    let fd = a[0] as i32;
    let abi = p.abi;
    Some(match c.nr {
        // umask: the mask is the process's, which is ours.
        // SAFETY: umask cannot fail.
        60 => Ok(u64::from(unsafe {
            libc::umask((a[0] & 0o777) as libc::mode_t)
        })),
        9 => link(p, mem, (AT_FDCWD, a[0]), (AT_FDCWD, a[1]), 0),
        294 => link(p, mem, (fd, a[1]), (a[2] as i32, a[3]), a[4]),
        83 => symlink(p, mem, a[0], (AT_FDCWD, a[1])),
        295 => symlink(p, mem, a[0], (a[1] as i32, a[2])),
        95 => chown(p, mem, (fd, None), (a[1], a[2]), 0),
        181 => chown(p, mem, (AT_FDCWD, Some(a[0])), (a[1], a[2]), 0),
        16 => chown(
            p,
            mem,
            (AT_FDCWD, Some(a[0])),
            (a[1], a[2]),
            AT_SYMLINK_NOFOLLOW,
        ),
        289 => chown(p, mem, (fd, Some(a[1])), (a[2], a[3]), a[4]),
        // utime(path, {actime, modtime}): whole seconds.
        30 => {
            let times = if a[1] == 0 {
                Ok(None)
            } else {
                get(mem, a[1], 2 * abi.long_bytes()).map(|raw| {
                    Some([0, 1].map(|k| libc::timespec {
                        tv_sec: abi.signed_long_at(&raw, k),
                        tv_nsec: 0,
                    }))
                })
            };
            times.and_then(|t| utimens(p, mem, (AT_FDCWD, a[0]), t, 0))
        }
        // utimes(path, timeval[2])
        251 => time_pair(mem, a[1], TimeArg::Of(abi), 1_000_000)
            .and_then(|t| utimens(p, mem, (AT_FDCWD, a[0]), t, 0)),
        304 => time_pair(mem, a[2], TimeArg::Of(abi), 1_000_000_000)
            .and_then(|t| utimens(p, mem, (fd, a[1]), t, a[3])),
        // The 32-bit ABI's utimensat_time64.
        412 if abi == Abi::Ppc32 => time_pair(mem, a[2], TimeArg::Time64, 1_000_000_000)
            .and_then(|t| utimens(p, mem, (fd, a[1]), t, a[3])),
        143 => flock(p, a[0], a[1]),
        309 => fallocate(p, a[0], a[1], a[2], a[3]),
        233 => fadvise(p, a[0], a[1], a[2], a[3]),
        186 => sendfile(p, mem, (a[0], a[1]), a[2], a[3], abi),
        // The 32-bit ABI's sendfile64 (a 64-bit offset).
        226 if abi == Abi::Ppc32 => sendfile(p, mem, (a[0], a[1]), a[2], a[3], Abi::Ppc64),
        99 => statfs(p, mem, Err((AT_FDCWD, a[0])), a[1], false),
        100 => statfs(p, mem, Ok(a[0]), a[1], false),
        // statfs64(path, size, buf) and fstatfs64(fd, size, buf): `size` must be the
        // structure's (ppc64's is its statfs; the 32-bit one has 64-bit counts).
        252 | 253 if a[1] != statfs64_size(abi) => Err(errno::EINVAL),
        252 => statfs(p, mem, Err((AT_FDCWD, a[0])), a[2], true),
        253 => statfs(p, mem, Ok(a[0]), a[2], true),
        36 => {
            // SAFETY: sync cannot fail.
            unsafe { libc::sync() };
            Ok(0)
        }
        // SAFETY: an open host descriptor.
        348 => raw_fd(p, a[0]).and_then(|f| host(unsafe { libc::syncfs(f) }.into())),
        439 => faccessat2(p, mem, (fd, a[1]), a[2], a[3]),
        436 => p.files.close_range(a[0], a[1], a[2]),
        _ => return None,
    })
}
