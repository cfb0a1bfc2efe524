//! Other processes. `fork` (and the `clone(CLONE_VM | CLONE_VFORK)` of `posix_spawn`, so
//! `system` and `popen`) forks the emulator itself: the child runs a copy of the guest, which
//! is all a vfork child may rely on before it calls `execve` or `_exit`. `execve` runs a
//! 64-bit PowerPC executable in a fresh emulator (this one, `exec-elf`, same backend) and
//! anything else (a shell, a host tool) on the host, as qemu-user does, with the guest's
//! descriptors as the new program's. `wait4` waits for a child.

use super::{errno, get, host_errno, put, read_cstr, Abi, Process, SysResult};
use oxenon_jit::{Context, Memory};
use std::ffi::CString;
use std::os::fd::AsRawFd;

const CLONE_VM: u64 = 0x100;
const CLONE_THREAD: u64 = 0x10000;
const CLONE_PARENT_SETTID: u64 = 0x10_0000;
const CLONE_CHILD_CLEARTID: u64 = 0x20_0000;
const CLONE_CHILD_SETTID: u64 = 0x100_0000;
/// Most arguments plus environment strings `execve` reads.
const MAX_STRINGS: usize = 16384;

/// `clone(flags, newsp, parent_tid, tls, child_tid)` for a new process (no `CLONE_THREAD`):
/// the host forks. The child returns 0, on `newsp` when one is given.
pub fn fork(p: &mut Process, ctx: &mut Context, mem: &Memory, a: &[u64; 6]) -> SysResult {
    let (flags, sp, ptid, ctid) = (a[0], a[1], a[2], a[4]);
    debug_assert!(flags & CLONE_THREAD == 0, "threads are `threads::clone`'s");
    // SAFETY: exec-elf runs the guest on one host thread; the child continues with a copy of
    // this one's state, as a forked process does.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(host_errno(&std::io::Error::last_os_error()));
    }
    let pid = pid as u64;
    if pid != 0 {
        if flags & CLONE_PARENT_SETTID != 0 {
            put(mem, ptid, &(pid as u32).to_be_bytes())?;
        }
        return Ok(pid);
    }
    // The child: its only thread is the one that forked, and no signal is pending for it.
    p.signals.forget_pending();
    let me = u64::from(std::process::id());
    p.threads = super::threads::Threads::new(me);
    if flags & CLONE_CHILD_SETTID != 0 {
        put(mem, ctid, &(me as u32).to_be_bytes())?;
    }
    if flags & CLONE_CHILD_CLEARTID != 0 {
        p.threads.set_tid_address(ctid)?;
    }
    if flags & CLONE_VM != 0 && sp != 0 {
        // posix_spawn's child runs on a stack of its own (in the copy of the memory).
        ctx.gpr[1] = sp;
    }
    Ok(0)
}

/// `wait4(pid, status, options, rusage)`: the host's, with the status word and a zeroed
/// `struct rusage` (144 bytes on ppc64) given back.
pub fn wait4(abi: Abi, mem: &Memory, a: &[u64; 6]) -> SysResult {
    let mut status = 0i32;
    // SAFETY: a plain system call with a valid status pointer and no rusage.
    let pid = unsafe { libc::wait4(a[0] as i32, &mut status, a[2] as i32, std::ptr::null_mut()) };
    if pid < 0 {
        return Err(host_errno(&std::io::Error::last_os_error()));
    }
    if a[1] != 0 && pid > 0 {
        put(mem, a[1], &status.to_be_bytes())?;
    }
    if a[3] != 0 {
        put(mem, a[3], &no_usage(abi))?;
    }
    Ok(pid as u64)
}

/// A `struct rusage` (two timevals and fourteen longs) with nothing counted: children's
/// resource use is not reported.
fn no_usage(abi: Abi) -> Vec<u8> {
    abi.longs(&[0; 18])
}

/// `waitid(idtype, id, infop, options, rusage)` on the host's children. The guest's
/// `siginfo_t` gets SIGCHLD's fields: signo, code, then pid, uid and status at 16 (at 12 in
/// the 32-bit layout); all zero when WNOHANG found no child ready.
pub fn waitid(abi: Abi, mem: &Memory, a: &[u64; 6]) -> SysResult {
    // SAFETY: siginfo_t is plain data; zero is a valid value for it.
    let mut si: libc::siginfo_t = unsafe { std::mem::zeroed() };
    // SAFETY: a valid siginfo_t to fill.
    let r = unsafe { libc::waitid(a[0] as libc::idtype_t, a[1] as u32, &mut si, a[3] as i32) };
    if r < 0 {
        return Err(host_errno(&std::io::Error::last_os_error()));
    }
    let mut out = vec![0u8; 128];
    // SAFETY: waitid filled the SIGCHLD members (or left all zero).
    let (pid, uid, status) = unsafe { (si.si_pid(), si.si_uid(), si.si_status()) };
    if pid != 0 {
        out[0..4].copy_from_slice(&si.si_signo.to_be_bytes());
        out[8..12].copy_from_slice(&si.si_code.to_be_bytes());
        let at = match abi {
            Abi::Ppc64 => 16,
            Abi::Ppc32 => 12,
        };
        out[at..at + 4].copy_from_slice(&pid.to_be_bytes());
        out[at + 4..at + 8].copy_from_slice(&uid.to_be_bytes());
        out[at + 8..at + 12].copy_from_slice(&status.to_be_bytes());
    }
    if a[2] != 0 {
        put(mem, a[2], &out)?;
    }
    if a[4] != 0 {
        put(mem, a[4], &no_usage(abi))?;
    }
    Ok(0)
}

/// The NUL-terminated strings of a guest `char *const[]` ending in NULL.
fn strings(abi: Abi, mem: &Memory, array: u64) -> Result<Vec<CString>, u64> {
    let mut out = Vec::new();
    if array == 0 {
        return Ok(out);
    }
    for k in 0..MAX_STRINGS as u64 {
        let size = abi.long_bytes();
        let at = array.checked_add(size as u64 * k).ok_or(errno::EFAULT)?;
        let ptr = abi.long_at(&get(mem, at, size)?, 0);
        if ptr == 0 {
            return Ok(out);
        }
        let s = read_cstr(mem, ptr, 1 << 20)?;
        out.push(CString::new(s).map_err(|_| errno::EINVAL)?);
    }
    Err(errno::E2BIG)
}

/// Whether the file starts like a big-endian PowerPC ELF file, 64-bit (ppc64) or 32-bit (ppc).
fn is_powerpc(path: &std::path::Path) -> bool {
    let mut head = [0u8; 20];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && head[..4] == *b"\x7fELF"
        && head[5] == 2
        && matches!(
            (head[4], u16::from_be_bytes([head[18], head[19]])),
            (2, 21) | (1, 20)
        )
}

/// `execve(path, argv, envp)`. What can fail is checked first (the file, its permission, the
/// strings), so the guest gets the error; once the descriptors are rearranged for the new
/// program, a failing host `execve` can only end this process (status 127, as a shell's).
pub fn execve(p: &mut Process, mem: &Memory, a: &[u64; 6]) -> SysResult {
    let raw = read_cstr(mem, a[0], 4096)?;
    let path = std::path::PathBuf::from(
        <std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(raw.clone()),
    );
    let cpath = CString::new(raw).map_err(|_| errno::EINVAL)?;
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::access(cpath.as_ptr(), libc::X_OK) } != 0 {
        return Err(host_errno(&std::io::Error::last_os_error()));
    }
    if std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
        return Err(errno::EACCES);
    }
    let argv = strings(p.abi, mem, a[1])?;
    let envp = strings(p.abi, mem, a[2])?;
    let (program, args) = if is_powerpc(&path) {
        let me = CString::new(std::os::unix::ffi::OsStrExt::as_bytes(
            std::fs::read_link("/proc/self/exe")
                .map_err(|e| host_errno(&e))?
                .as_os_str(),
        ))
        .map_err(|_| errno::EINVAL)?;
        let mut args = vec![
            me.clone(),
            CString::from(c"exec-elf"),
            CString::from(c"--backend"),
            CString::new(p.backend).map_err(|_| errno::EINVAL)?,
            cpath,
        ];
        args.extend(argv.into_iter().skip(1));
        (me, args)
    } else {
        (cpath, argv)
    };
    give_descriptors(p);
    let ptrs = |v: &[CString]| -> Vec<*const libc::c_char> {
        v.iter()
            .map(|s| s.as_ptr())
            .chain([std::ptr::null()])
            .collect()
    };
    let (argv_p, envp_p) = (ptrs(&args), ptrs(&envp));
    // SAFETY: NUL-terminated strings in NULL-terminated arrays, alive across the call.
    unsafe { libc::execve(program.as_ptr(), argv_p.as_ptr(), envp_p.as_ptr()) };
    let e = std::io::Error::last_os_error();
    eprintln!(
        "oxenon: execve of {} failed after its descriptors were set up: {e}",
        path.display()
    );
    std::process::exit(127);
}

/// Makes the host descriptor table the guest's: guest descriptor n (without FD_CLOEXEC)
/// becomes host descriptor n, and every other host descriptor closes on exec.
fn give_descriptors(p: &mut Process) {
    let open: Vec<(i32, i32)> = p
        .files
        .inherited()
        .map(|(n, f)| (n, f.as_raw_fd()))
        .collect();
    let above = open.iter().map(|&(n, _)| n + 1).max().unwrap_or(0).max(3);
    // SAFETY: plain descriptor calls on this process's own table; it is about to be replaced
    // by the new program.
    unsafe {
        // Copies above every guest number first, so no move overwrites a source (and within
        // the descriptor limit, which may be as low as 1024).
        let copies: Vec<(i32, i32)> = open
            .iter()
            .map(|&(n, h)| (n, libc::fcntl(h, libc::F_DUPFD_CLOEXEC, above)))
            .collect();
        let limit = libc::sysconf(libc::_SC_OPEN_MAX).clamp(1024, 1 << 16) as i32;
        for fd in 0..limit {
            libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC);
        }
        for (n, copy) in copies {
            if copy >= 0 {
                libc::dup2(copy, n);
            }
        }
    }
}
