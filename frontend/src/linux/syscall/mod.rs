//! The Linux system call layer: `sc` arrives with the call number in r0 and arguments in
//! r3..r8 (ppc64 numbering, `asm/unistd_64.h`). Results go back in r3; on failure CR0[SO] is
//! set and r3 holds the positive errno, as the ppc64 kernel returns them.

mod files;
mod memory;
mod names;
mod process;
pub mod signal;
mod stat;
mod system;
pub mod threads;

pub use files::Files;
pub use memory::Mappings;

use oxenon_jit::{Context, Memory};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Errno values (asm-generic/errno-base.h and errno.h, which ppc64 uses unchanged for these).
pub mod errno {
    pub const EPERM: u64 = 1;
    pub const ENOENT: u64 = 2;
    pub const EIO: u64 = 5;
    pub const E2BIG: u64 = 7;
    pub const EBADF: u64 = 9;
    pub const EAGAIN: u64 = 11;
    pub const ENOMEM: u64 = 12;
    pub const EACCES: u64 = 13;
    pub const EFAULT: u64 = 14;
    pub const EEXIST: u64 = 17;
    pub const EINVAL: u64 = 22;
    pub const EMFILE: u64 = 24;
    pub const ENOTTY: u64 = 25;
    pub const ERANGE: u64 = 34;
    pub const ENOSYS: u64 = 38;
}

/// What a call returns: a value for r3, or an errno.
pub type SysResult = Result<u64, u64>;

/// Everything the calls act on besides registers and memory.
pub struct Process {
    pub mappings: Mappings,
    pub files: Files,
    /// Absolute host path of the executable, for /proc/self/exe.
    pub exe: PathBuf,
    pub started: Instant,
    pub signals: signal::Signals,
    pub threads: threads::Threads,
    /// The engine (`exec-elf --backend`) a PowerPC program started by `execve` runs on.
    pub backend: &'static str,
}

/// How the process goes on after a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Exit(i32),
}

/// A call the guest made that this layer cannot carry out.
#[derive(Debug, thiserror::Error)]
pub enum SyscallError {
    #[error("unsupported system call {nr} ({name})")]
    Unsupported { nr: u64, name: &'static str },
    /// The guest sent itself a signal (`abort` raises SIGABRT); its default action ends it.
    #[error("the guest sent itself signal {0}")]
    Signal(u32),
    /// `pause` or `sigsuspend` with no signal that could ever come.
    #[error("waits for a signal with no timer armed and nothing else to send one")]
    WaitsForever,
}

/// The guest's view of one call: number and the six argument registers.
pub struct Call {
    pub nr: u64,
    pub args: [u64; 6],
}

/// Carries out the call `ctx` holds and writes its result into `ctx`.
pub fn dispatch(p: &mut Process, ctx: &mut Context, mem: &Memory) -> Result<Outcome, SyscallError> {
    let call = Call {
        nr: ctx.gpr[0],
        args: [
            ctx.gpr[3], ctx.gpr[4], ctx.gpr[5], ctx.gpr[6], ctx.gpr[7], ctx.gpr[8],
        ],
    };
    let result = match call.nr {
        // exit ends the calling thread, and the process with its last one.
        1 if p.threads.exit_thread(mem) => return Ok(Outcome::Continue),
        1 | 234 => return Ok(Outcome::Exit(call.args[0] as i32)),
        // A thread, or else a new process.
        120 => p
            .threads
            .clone(ctx, mem, &call.args)
            .or_else(|| Some(process::fork(p, ctx, mem, &call.args))),
        189 => Some(process::fork(p, ctx, mem, &[0; 6])),
        11 => Some(process::execve(p, mem, &call.args)),
        114 => Some(process::wait4(mem, &call.args)),
        // pause, rt_sigsuspend(mask, sigsetsize): return EINTR after a handler ran.
        29 | 178 => {
            let mask = match call.nr {
                29 => Ok(None),
                _ if call.args[1] != 8 => Err(errno::EINVAL),
                _ => get(mem, call.args[0], 8)
                    .map(|raw| Some(u64::from_be_bytes(raw.try_into().unwrap_or_default()))),
            };
            match mask {
                Err(e) => Some(Err(e)),
                Ok(mask) => {
                    return match p.signals.suspend(ctx, mem, mask) {
                        Ok(()) => Ok(Outcome::Continue),
                        Err(Some(sig)) => Err(SyscallError::Signal(sig)),
                        Err(None) => Err(SyscallError::WaitsForever),
                    };
                }
            }
        }
        // rt_sigreturn: the context is the one the handler's frame saved, r3 included.
        172 => {
            return if p.signals.sigreturn(ctx, mem) {
                Ok(Outcome::Continue)
            } else {
                Err(SyscallError::Signal(signal::SIGSEGV))
            };
        }
        _ => files::call(p, &call, mem)
            .or_else(|| memory::call(p, &call, mem))
            .or_else(|| system::call(p, &call, mem))
            .transpose()?,
    };
    tracing::debug!(nr = call.nr, name = names::name(call.nr), args = ?call.args, ?result, "syscall");
    match result {
        Some(Ok(v)) => {
            ctx.gpr[3] = v;
            ctx.set_cr_bit(3, false);
        }
        Some(Err(e)) => {
            ctx.gpr[3] = e;
            ctx.set_cr_bit(3, true);
        }
        None => {
            return Err(SyscallError::Unsupported {
                nr: call.nr,
                name: names::name(call.nr).unwrap_or("unknown"),
            })
        }
    }
    // A signal the call sent or unblocked runs its handler now, returning past the call.
    if let Some(sig) = p.signals.deliver_pending(ctx, mem) {
        return Err(SyscallError::Signal(sig));
    }
    Ok(Outcome::Continue)
}

/// Reads a NUL-terminated guest string (at most `max` bytes).
pub fn read_cstr(mem: &Memory, addr: u64, max: usize) -> Result<Vec<u8>, u64> {
    let mut out = Vec::new();
    let mut a = guest_addr(addr)?;
    loop {
        let b = mem.read_u8(a).map_err(|_| errno::EFAULT)?;
        if b == 0 {
            return Ok(out);
        }
        out.push(b);
        if out.len() >= max {
            return Err(errno::ERANGE);
        }
        a = a.checked_add(1).ok_or(errno::EFAULT)?;
    }
}

/// A guest pointer argument: must fit in the 32-bit guest space.
pub fn guest_addr(v: u64) -> Result<u32, u64> {
    u32::try_from(v).map_err(|_| errno::EFAULT)
}

/// Copies `data` to guest memory, EFAULT on a bad pointer.
pub fn put(mem: &Memory, addr: u64, data: &[u8]) -> Result<(), u64> {
    if data.is_empty() {
        return Ok(());
    }
    let a = guest_addr(addr)?;
    if u64::from(a) + data.len() as u64 > 1 << 32 {
        return Err(errno::EFAULT);
    }
    mem.write_bytes(a, data).map_err(|_| errno::EFAULT)
}

/// Copies `len` guest bytes out, EFAULT on a bad pointer.
pub fn get(mem: &Memory, addr: u64, len: usize) -> Result<Vec<u8>, u64> {
    let mut buf = vec![0; len];
    if len == 0 {
        return Ok(buf);
    }
    let a = guest_addr(addr)?;
    if u64::from(a) + len as u64 > 1 << 32 {
        return Err(errno::EFAULT);
    }
    mem.read_bytes(a, &mut buf).map_err(|_| errno::EFAULT)?;
    Ok(buf)
}

/// A guest `struct timespec` (`per_second` = 1_000_000_000) or `struct timeval`
/// (1_000_000) at `addr`: seconds and the fraction as big-endian longs. EINVAL for a
/// negative or out-of-range one, as Linux answers.
pub fn duration_at(mem: &Memory, addr: u64, per_second: u64) -> Result<Duration, u64> {
    let raw = get(mem, addr, 16)?;
    let secs = u64::from_be_bytes(raw[..8].try_into().unwrap_or_default());
    let frac = u64::from_be_bytes(raw[8..].try_into().unwrap_or_default());
    if frac >= per_second || secs > i64::MAX as u64 {
        return Err(errno::EINVAL);
    }
    Ok(Duration::new(
        secs,
        (frac * (1_000_000_000 / per_second)) as u32,
    ))
}

/// Big-endian 64-bit words, the unit of most kernel structures on ppc64.
pub fn words(values: &[u64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_be_bytes()).collect()
}

/// The errno a host I/O error corresponds to (Linux numbers; the common ones are the same
/// on x86-64 and ppc64).
pub fn host_errno(e: &std::io::Error) -> u64 {
    e.raw_os_error()
        .and_then(|n| u64::try_from(n).ok())
        .unwrap_or(errno::EIO)
}
