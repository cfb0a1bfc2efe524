//! The Linux system call layer: `sc` arrives with the call number in r0 and arguments in
//! r3..r8 (ppc64 numbering, `asm/unistd_64.h`). Results go back in r3; on failure CR0[SO] is
//! set and r3 holds the positive errno, as the ppc64 kernel returns them. A 32-bit
//! executable's calls go through `ppc32` first, which handles the numbers and structure
//! layouts of the 32-bit ABI.

mod files;
mod fsmeta;
mod hostfds;
pub mod hostsig;
mod memory;
mod names;
mod ppc32;
mod process;
mod ptimers;
mod sigframe32;
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
    pub const ESRCH: u64 = 3;
    pub const EINTR: u64 = 4;
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
    pub const EMSGSIZE: u64 = 90;
    pub const ENOPROTOOPT: u64 = 92;
}

/// Which Linux PowerPC ABI the guest executable uses: where they differ, longs and pointers
/// in kernel structures are 4 bytes in `Ppc32` and 8 in `Ppc64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Abi {
    #[default]
    Ppc64,
    Ppc32,
}

impl Abi {
    /// Bytes in a C `long` (and a pointer).
    pub fn long_bytes(self) -> usize {
        match self {
            Abi::Ppc64 => 8,
            Abi::Ppc32 => 4,
        }
    }

    /// Values as big-endian longs (truncated to 32 bits under `Ppc32`).
    pub fn longs(self, values: &[u64]) -> Vec<u8> {
        match self {
            Abi::Ppc64 => words(values),
            Abi::Ppc32 => values
                .iter()
                .flat_map(|&v| (v as u32).to_be_bytes())
                .collect(),
        }
    }

    /// The `k`th big-endian long of `raw` (zero-extended).
    pub fn long_at(self, raw: &[u8], k: usize) -> u64 {
        let n = self.long_bytes();
        raw.get(k * n..k * n + n)
            .map_or(0, |b| b.iter().fold(0, |v, &x| (v << 8) | u64::from(x)))
    }

    /// The `k`th big-endian long of `raw`, sign-extended.
    pub fn signed_long_at(self, raw: &[u8], k: usize) -> i64 {
        let v = self.long_at(raw, k);
        match self {
            Abi::Ppc64 => v as i64,
            Abi::Ppc32 => i64::from(v as u32 as i32),
        }
    }

    /// A kernel `sigset_t` (64 signals) as guest memory holds it: one 64-bit word, or under
    /// `Ppc32` two 32-bit words with signals 1 to 32 in the first. Bit `n - 1` is signal `n`.
    pub fn sigset_from(self, raw: &[u8]) -> u64 {
        let w = u64::from_be_bytes(
            raw.get(..8)
                .and_then(|b| b.try_into().ok())
                .unwrap_or_default(),
        );
        match self {
            Abi::Ppc64 => w,
            Abi::Ppc32 => w.rotate_left(32),
        }
    }

    /// The guest bytes of a `sigset_t` (see `sigset_from`).
    pub fn sigset_bytes(self, set: u64) -> [u8; 8] {
        match self {
            Abi::Ppc64 => set.to_be_bytes(),
            Abi::Ppc32 => set.rotate_left(32).to_be_bytes(),
        }
    }
}

/// The layout of a call's `timespec`, `timeval` or `itimerspec`: two longs per time in the
/// process's ABI, or (`Time64`) the 32-bit ABI's `_time64` calls' 64-bit fields, whose
/// nanoseconds Linux takes from the low half only (a 32-bit C library leaves the high half
/// as padding).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeArg {
    Of(Abi),
    Time64,
}

impl TimeArg {
    /// The layout the values are written back in.
    pub fn abi(self) -> Abi {
        match self {
            TimeArg::Of(abi) => abi,
            TimeArg::Time64 => Abi::Ppc64,
        }
    }

    /// The `k`th field of `raw`, a run of (seconds, fraction) pairs, sign-extended.
    pub fn field(self, raw: &[u8], k: usize) -> i64 {
        let v = self.abi().signed_long_at(raw, k);
        match self {
            TimeArg::Time64 if k % 2 == 1 => i64::from(v as u32),
            _ => v,
        }
    }

    /// A (seconds, fraction) pair at `addr` as a duration (see `duration_at`).
    pub fn duration_at(self, mem: &Memory, addr: u64, per_second: u64) -> Result<Duration, u64> {
        let raw = get(mem, addr, 2 * self.abi().long_bytes())?;
        let (secs, frac) = (self.field(&raw, 0), self.field(&raw, 1));
        if secs < 0 || frac < 0 || frac as u64 >= per_second {
            return Err(errno::EINVAL);
        }
        Ok(Duration::new(
            secs as u64,
            (frac as u64 * (1_000_000_000 / per_second)) as u32,
        ))
    }
}

/// What a call returns: a value for r3, or an errno.
pub type SysResult = Result<u64, u64>;

/// Everything the calls act on besides registers and memory.
pub struct Process {
    pub abi: Abi,
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

/// Calls Linux makes again after a handler installed with SA_RESTART when a signal
/// interrupts them (signal(7)); the others (`nanosleep`, `poll`, `select`, `epoll_wait`,
/// `pause`, `sigsuspend`, `sigtimedwait`...) return EINTR whatever the flags. In the ppc64
/// numbering (32-bit calls are routed to it first).
#[rustfmt::skip]
const RESTARTABLE: &[u64] = &[
    3, 4, 5, 54, 55, 114, 143, 145, 146, 179, 180, 186, 272, 286, 320, 321, 328, 330, 334,
    335, 336, 337, 341, 342, 343, 344, 349, 359, 379,
];

/// Carries out the call `ctx` holds and writes its result into `ctx`.
pub fn dispatch(p: &mut Process, ctx: &mut Context, mem: &Memory) -> Result<Outcome, SyscallError> {
    let raw = Call {
        nr: ctx.gpr[0],
        args: [
            ctx.gpr[3], ctx.gpr[4], ctx.gpr[5], ctx.gpr[6], ctx.gpr[7], ctx.gpr[8],
        ],
    };
    let call = match p.abi {
        Abi::Ppc64 => raw,
        Abi::Ppc32 => match ppc32::route(&raw) {
            Some(call) => call,
            None => {
                return Err(SyscallError::Unsupported {
                    nr: raw.nr,
                    name: ppc32::name(raw.nr),
                })
            }
        },
    };
    let result = match call.nr {
        // exit ends the calling thread, and the process with its last one.
        1 if p.threads.exit_thread(mem) => return Ok(Outcome::Continue),
        1 | 234 => return Ok(Outcome::Exit(call.args[0] as i32)),
        // A thread, or else a new process.
        120 => {
            let inherited = p.signals.for_new_thread();
            p.threads
                .clone(ctx, mem, &call.args, inherited)
                .or_else(|| Some(process::fork(p, ctx, mem, &call.args)))
        }
        189 => Some(process::fork(p, ctx, mem, &[0; 6])),
        11 => Some(process::execve(p, mem, &call.args)),
        114 => Some(process::wait4(p.abi, mem, &call.args)),
        272 => Some(process::waitid(p.abi, mem, &call.args)),
        // pause, rt_sigsuspend(mask, sigsetsize): return EINTR after a handler ran;
        // rt_sigtimedwait(set, info, timeout, sigsetsize) and its 32-bit _time64 form.
        29 | 178 | 176 | 421 => {
            let others = p.threads.others_runnable();
            let waiting = match call.nr {
                176 | 421 => {
                    let timeout = if call.nr == 421 {
                        TimeArg::Time64
                    } else {
                        TimeArg::Of(p.abi)
                    };
                    p.signals.timed_wait(mem, &call.args, timeout, others)
                }
                29 => p.signals.suspend(ctx, mem, None, others),
                _ if call.args[1] != 8 => signal::Waiting::Returns(Err(errno::EINVAL)),
                _ => match get(mem, call.args[0], 8) {
                    Ok(raw) => {
                        let mask = p.abi.sigset_from(&raw);
                        p.signals.suspend(ctx, mem, Some(mask), others)
                    }
                    Err(e) => signal::Waiting::Returns(Err(e)),
                },
            };
            match waiting {
                signal::Waiting::Returns(r) => Some(r),
                signal::Waiting::HandlerRuns => return Ok(Outcome::Continue),
                signal::Waiting::GiveWay => {
                    // Made again when this thread next runs.
                    back_to_the_call(ctx);
                    p.threads.pending = Some(threads::Switch::Yield);
                    return Ok(Outcome::Continue);
                }
                signal::Waiting::Forever => return Err(SyscallError::WaitsForever),
                signal::Waiting::Fatal(sig) => return Err(SyscallError::Signal(sig)),
            }
        }
        // prctl(PR_GET_FPEXC, int *mode), prctl(PR_SET_FPEXC, mode): the thread's MSR.
        171 if matches!(call.args[0], 11 | 12) => Some(fp_exception_mode(ctx, mem, &call.args)),
        // sigaltstack: whether the thread runs on its alternate stack depends on r1.
        185 => Some(p.signals.sigaltstack(mem, &call.args, ctx.gpr[1] as u32)),
        // rt_sigreturn: the context is the one the handler's frame saved, r3 included.
        172 => {
            return if p.signals.sigreturn(ctx, mem) {
                Ok(Outcome::Continue)
            } else {
                Err(SyscallError::Signal(signal::SIGSEGV))
            };
        }
        _ => files::call(p, &call, mem)
            .or_else(|| fsmeta::call(p, &call, mem).map(Ok))
            .or_else(|| hostfds::call(p, &call, mem).map(Ok))
            .or_else(|| ptimers::call(p, &call, mem).map(Ok))
            .or_else(|| memory::call(p, &call, mem))
            .or_else(|| system::call(p, &call, mem))
            .transpose()?,
    };
    tracing::debug!(nr = call.nr, name = names::name(call.nr), args = ?call.args, ?result, "syscall");
    // A call a signal interrupted is made again after a handler installed with SA_RESTART
    // (the handler's frame saves the context at the `sc` with the arguments unchanged), or
    // at once when the signal is one the thread blocks.
    if result == Some(Err(errno::EINTR)) && RESTARTABLE.contains(&call.nr) {
        match p.signals.restarts() {
            Err(sig) => return Err(SyscallError::Signal(sig)),
            Ok(true) => {
                back_to_the_call(ctx);
                return match p.signals.deliver_pending(ctx, mem) {
                    Some(sig) => Err(SyscallError::Signal(sig)),
                    None => Ok(Outcome::Continue),
                };
            }
            Ok(false) => {}
        }
    }
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
            let nr = ctx.gpr[0];
            return Err(SyscallError::Unsupported {
                nr,
                name: match p.abi {
                    Abi::Ppc64 => names::name(nr).unwrap_or("unknown"),
                    Abi::Ppc32 => ppc32::name(nr),
                },
            });
        }
    }
    // A signal the call sent or unblocked runs its handler now, returning past the call.
    if let Some(sig) = p.signals.deliver_pending(ctx, mem) {
        return Err(SyscallError::Signal(sig));
    }
    Ok(Outcome::Continue)
}

/// Points the context back at the `sc` it has just passed, its arguments untouched, so that
/// the call is made again when the thread next runs (after a handler, or another thread).
fn back_to_the_call(ctx: &mut Context) {
    ctx.pc = ctx.pc.wrapping_sub(4);
}

/// `prctl(PR_GET_FPEXC, mode)` and `prctl(PR_SET_FPEXC, mode)`: how the thread's enabled
/// floating-point exceptions interrupt, kept in MSR[FE0] and MSR[FE1] as Linux keeps it
/// (PR_FP_EXC_DISABLED 0, NONRECOV 1: FE1, ASYNC 2: FE0, PRECISE 3: both). Our interrupts
/// are always precise once either bit is set. PR_FP_EXC_SW_ENABLE (SPE only) and the other
/// values are EINVAL.
fn fp_exception_mode(ctx: &mut Context, mem: &Memory, a: &[u64; 6]) -> SysResult {
    use oxenon_jit::context::{MSR_FE0, MSR_FE1};
    const PR_GET_FPEXC: u64 = 11;
    if a[0] == PR_GET_FPEXC {
        let mode = ((ctx.msr & MSR_FE0) >> 10) | ((ctx.msr & MSR_FE1) >> 8);
        return put(mem, a[1], &(mode as u32).to_be_bytes()).map(|()| 0);
    }
    let mode = a[1] & 0xffff_ffff;
    if mode > 3 {
        return Err(errno::EINVAL);
    }
    let fe = ((mode << 10) & MSR_FE0) | ((mode << 8) & MSR_FE1);
    ctx.msr = (ctx.msr & !(MSR_FE0 | MSR_FE1)) | fe;
    Ok(0)
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

/// A host call's result (a libc return value, negative with errno set on failure) as the
/// guest's: the value, or the errno.
pub fn host_result(r: i64) -> SysResult {
    if r < 0 {
        Err(host_errno(&std::io::Error::last_os_error()))
    } else {
        Ok(r as u64)
    }
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
