//! Signals the guest raises on itself (`kill`, `tkill`, `tgkill`, hence `raise` and `abort`)
//! and the synchronous ones its faults, traps and illegal instructions raise: the action
//! it installed with `rt_sigaction` is taken. A handler runs on a ppc64 `rt_sigframe` built
//! on the guest stack, as the kernel builds it, and `rt_sigreturn` resumes from the context
//! saved there; a blocked signal waits until `rt_sigprocmask` unblocks it. Each thread has
//! its own mask and signals sent to it alone (`ThreadSignals`). The interval timers
//! (`setitimer`, `alarm`) are the host's, so their signals reach the guest from outside,
//! through `hostsig`, as another process's `kill`, SIGCHLD or SIGPIPE do: the run loop looks
//! at least every `TIMER_SLICE` instructions, and a blocking call they interrupt returns
//! EINTR, or is made again after a handler installed with SA_RESTART. `kill` to another
//! process is the host's.

use super::{errno, get, put, words, Abi, SysResult, TimeArg};
use oxenon_jit::{Context, Memory, Perm};
use std::time::{Duration, Instant};

/// Instructions the run loop lets a guest run between looks for signals from outside (the
/// interval timers' among them) while the guest has a handler for one.
pub const TIMER_SLICE: u64 = 1_000_000;

/// The page holding the return trampoline (`li r0, __NR_rt_sigreturn; sc`), mapped by
/// `map_trampoline` just above the stack, where nothing else is. Linux keeps it in the
/// vDSO; a handler returns to it through LR.
pub const TRAMPOLINE: u32 = crate::linux::layout::STACK_TOP;
const RT_SIGRETURN: u64 = 172;

const SIG_DFL: u64 = 0;
const SIG_IGN: u64 = 1;
const SA_ONSTACK: u64 = 0x0800_0000;
const SA_RESTART: u64 = 0x1000_0000;
const SA_NODEFER: u64 = 0x4000_0000;
const SA_RESETHAND: u64 = 0x8000_0000;
pub const SIGILL: u32 = 4;
pub const SIGTRAP: u32 = 5;
pub const SIGFPE: u32 = 8;
pub const SIGSEGV: u32 = 11;
const SIGKILL: u32 = 9;
const SIGSTOP: u32 = 19;
/// `si_code` values: sent by `kill`, by `tkill`/`tgkill`; a fault's, a trap's, an illegal
/// opcode's.
const SI_USER: i32 = 0;
const SI_TKILL: i32 = -6;
const SEGV_MAPERR: i32 = 1;
const TRAP_BRKPT: i32 = 1;
const ILL_ILLOPC: i32 = 1;

/// Layout of the ppc64 signal frame (arch/powerpc/kernel/signal_64.c and the UAPI headers
/// `asm/ucontext.h`, `asm/sigcontext.h`, `asm/elf.h`): offsets in bytes.
mod frame {
    /// `struct ucontext`: uc_flags, uc_link, uc_stack (24), uc_sigmask, 15 spare masks, then
    /// `struct sigcontext`.
    pub const UC_STACK: u32 = 16;
    pub const UC_SIGMASK: u32 = 40;
    pub const MCONTEXT: u32 = 168;
    /// `struct sigcontext`: 4 unused longs, signal (int) and padding, handler, oldmask,
    /// regs (pointer), gp_regs[48], fp_regs[33], v_regs (pointer), vmx_reserve[101].
    pub const SC_SIGNAL: u32 = MCONTEXT + 32;
    pub const SC_HANDLER: u32 = MCONTEXT + 40;
    pub const SC_OLDMASK: u32 = MCONTEXT + 48;
    pub const SC_REGS: u32 = MCONTEXT + 56;
    pub const GP_REGS: u32 = MCONTEXT + 64;
    pub const FP_REGS: u32 = GP_REGS + 48 * 8;
    pub const V_REGS: u32 = FP_REGS + 33 * 8;
    pub const VMX_RESERVE: u32 = V_REGS + 8;
    pub const UCONTEXT_SIZE: u32 = VMX_RESERVE + 101 * 8;
    /// Indices into gp_regs (`asm/ptrace.h`).
    pub const PT_NIP: u32 = 32;
    pub const PT_MSR: u32 = 33;
    pub const PT_ORIG_R3: u32 = 34;
    pub const PT_CTR: u32 = 35;
    pub const PT_LNK: u32 = 36;
    pub const PT_XER: u32 = 37;
    pub const PT_CCR: u32 = 38;
    pub const PT_TRAP: u32 = 40;
    pub const PT_DAR: u32 = 41;
    /// `struct rt_sigframe`: uc, uc_transact, 2 unused longs, tramp[6] (ints), pinfo, puc,
    /// info (128-byte siginfo), then the 288-byte ABI gap below the interrupted stack.
    pub const INFO_PTR: u32 = 2 * UCONTEXT_SIZE + 16 + 24;
    pub const INFO: u32 = INFO_PTR + 16;
    pub const SIZE: u32 = INFO + 128 + 288;
    /// The handler's stack frame below the signal frame (`__SIGNAL_FRAMESIZE`).
    pub const CALLER_FRAME: u32 = 128;
}

/// What `rt_sigaction` installed for one signal (ppc64 `struct sigaction`: handler, flags,
/// restorer, mask).
#[derive(Clone, Copy, Default)]
struct Action {
    handler: u64,
    flags: u64,
    restorer: u64,
    mask: u64,
}

/// The process's signal state, with the running thread's part (`ThreadSignals`) in place.
pub struct Signals {
    actions: [Action; 64],
    /// Signals sent to the process, which any thread not blocking them takes.
    pending: u64,
    /// The running thread's part.
    thread: ThreadSignals,
    /// `si_code` of each pending signal, and its sender (pid << 32 | uid).
    codes: [i32; 64],
    senders: [u64; 64],
    /// The layout of the structures the calls read and write, and of the signal frame
    /// (`sigframe32` for `Abi::Ppc32`).
    pub abi: Abi,
}

impl Default for Signals {
    fn default() -> Self {
        Self {
            actions: [Action::default(); 64],
            pending: 0,
            thread: ThreadSignals::default(),
            codes: [0; 64],
            senders: [0; 64],
            abi: Abi::Ppc64,
        }
    }
}

/// What belongs to each thread rather than to the process: its mask and the signals sent to
/// it alone. The threads that are not running keep theirs (`threads::Threads`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ThreadSignals {
    /// Blocked signals, bit `n - 1` for signal `n`.
    pub mask: u64,
    /// Signals sent to the thread alone (`tkill`, `tgkill`, `raise`).
    pub pending: u64,
    /// When its `rt_sigtimedwait`, made again after giving way, times out.
    wait_deadline: Option<Instant>,
    /// Its alternate signal stack (`sigaltstack`).
    altstack: AltStack,
}

/// An alternate signal stack (`sigaltstack`): handlers installed with SA_ONSTACK run on it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AltStack {
    base: u32,
    size: u32,
    enabled: bool,
}

const SS_ONSTACK: u32 = 1;
const SS_DISABLE: u32 = 2;
/// Flags `sigaltstack` accepts besides the mode (SS_AUTODISARM), which this layer ignores.
const SS_FLAG_BITS: u32 = 1 << 31;
/// The smallest alternate stack powerpc Linux takes (`asm/signal.h`).
const MINSIGSTKSZ: u32 = 2048;

impl AltStack {
    /// Whether `sp` is on the stack (stacks grow down: its base is excluded, its top not).
    fn holds(self, sp: u32) -> bool {
        self.enabled && sp > self.base && sp - self.base <= self.size
    }

    /// `ss_flags` as `sigaltstack` reports it for a thread whose stack pointer is `sp`.
    fn flags(self, sp: u32) -> u32 {
        if !self.enabled {
            SS_DISABLE
        } else if self.holds(sp) {
            SS_ONSTACK
        } else {
            0
        }
    }

    /// Base, flags and size as `sigaltstack` and `uc_stack` report them.
    fn report(self, sp: u32) -> [u32; 3] {
        [self.base, self.flags(sp), self.size]
    }
}

/// How a call that waits for signals goes on.
#[derive(Debug, PartialEq, Eq)]
pub enum Waiting {
    /// It returns this.
    Returns(SysResult),
    /// A handler runs now; the call returns EINTR to it (already in the context).
    HandlerRuns,
    /// Nothing yet, and another thread can run: the call gives way to it and is made again.
    GiveWay,
    /// Nothing can ever come (no timer, nothing from outside, no other thread).
    Forever,
    /// This signal's action ends the process.
    Fatal(u32),
}

/// Where a wait for signals (`Signals::wait`) ended.
enum Waited {
    Ready,
    GiveWay,
    TimedOut,
    Forever,
    Fatal(u32),
}

/// What sending a signal comes to under its current action.
enum Sending {
    /// It waits in a pending set until a thread not blocking it takes it.
    Queue,
    /// Ignored: nothing happens.
    Discard,
    /// Its action ends the process.
    Fatal(u32),
}

fn disposition(handler: u64) -> super::hostsig::Disposition {
    match handler {
        SIG_DFL => super::hostsig::Disposition::Default,
        SIG_IGN => super::hostsig::Disposition::Ignore,
        _ => super::hostsig::Disposition::Handler,
    }
}

/// `si_code` of an enabled floating-point exception, from the FPSCR as the instruction left
/// it: the first of invalid operation, overflow, underflow, zero divide and inexact whose
/// exception and enable bits are both set, in that order, as Linux's `__parse_fpscr` picks
/// (FPE_FLTINV, FPE_FLTOVF, FPE_FLTUND, FPE_FLTDIV, FPE_FLTRES; FPE_FLTUNK otherwise).
fn fpe_code(fpscr: u32) -> i32 {
    // (exception bit, enable bit, code) in FPSCR's big-endian bit numbering: VX 34 and VE
    // 56, OX 35 and OE 57, UX 36 and UE 58, ZX 37 and ZE 59, XX 38 and XE 60.
    const CAUSES: [(u32, u32, i32); 5] = [
        (1 << 29, 1 << 7, 7),
        (1 << 28, 1 << 6, 4),
        (1 << 27, 1 << 5, 5),
        (1 << 26, 1 << 4, 3),
        (1 << 25, 1 << 3, 6),
    ];
    const FPE_FLTUNK: i32 = 14;
    CAUSES
        .iter()
        .find(|&&(x, e, _)| fpscr & x != 0 && fpscr & e != 0)
        .map_or(FPE_FLTUNK, |&(_, _, code)| code)
}

/// The process as a signal's sender: pid << 32 | uid.
fn ourselves() -> u64 {
    (u64::from(std::process::id()) << 32) | (super::system::ids().0 & 0xffff_ffff)
}

fn bit(sig: u32) -> u64 {
    1 << (sig - 1)
}

/// Signals whose default action is to do nothing (SIGCHLD, SIGCONT, SIGURG, SIGWINCH).
fn ignored_by_default(sig: u32) -> bool {
    matches!(sig, 17 | 18 | 23 | 28)
}

/// Sets (with `new`: interval, value) or reads host interval timer `which`; its previous
/// (interval, value).
fn host_itimer(which: u64, new: Option<(Duration, Duration)>) -> Result<(Duration, Duration), u64> {
    let tv = |d: Duration| libc::timeval {
        tv_sec: d.as_secs().min(i64::MAX as u64) as i64,
        tv_usec: i64::from(d.subsec_micros()),
    };
    let zero = libc::timeval {
        tv_sec: 0,
        tv_usec: 0,
    };
    let mut cur = libc::itimerval {
        it_interval: zero,
        it_value: zero,
    };
    // SAFETY: valid itimerval records.
    let r = unsafe {
        match new {
            Some((interval, value)) => {
                let set = libc::itimerval {
                    it_interval: tv(interval),
                    it_value: tv(value),
                };
                libc::setitimer(which as i32, &set, &mut cur)
            }
            None => libc::getitimer(which as i32, &mut cur),
        }
    };
    super::host_result(r.into())?;
    let d = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Ok((d(cur.it_interval), d(cur.it_value)))
}

/// Maps the trampoline page (read and execute).
pub fn map_trampoline(mem: &Memory) -> anyhow::Result<()> {
    mem.map(TRAMPOLINE, 0x1000, Perm::RX)?;
    let code = [0x3800_0000 | RT_SIGRETURN as u32, 0x4400_0002];
    let bytes: Vec<u8> = code.iter().flat_map(|w| w.to_be_bytes()).collect();
    mem.poke_bytes(TRAMPOLINE, &bytes)?;
    Ok(())
}

/// How a signal sent to the process turns out.
pub enum Sent {
    /// Ignored, or left pending for `deliver_pending`.
    Queued,
    /// Its action ends the process.
    Fatal(u32),
}

impl Signals {
    /// `rt_sigaction(sig, act, oact, sigsetsize)`.
    pub fn sigaction(&mut self, mem: &Memory, a: &[u64; 6]) -> SysResult {
        let (sig, act, old, size) = (a[0], a[1], a[2], a[3]);
        if size != 8 || !(1..=64).contains(&sig) {
            return Err(errno::EINVAL);
        }
        let sig = sig as u32;
        if act != 0 && (sig == SIGKILL || sig == SIGSTOP) {
            return Err(errno::EINVAL);
        }
        let abi = self.abi;
        let slot = &mut self.actions[sig as usize - 1];
        let prev = *slot;
        // struct sigaction: handler, flags and restorer as longs, then the mask.
        let longs = 3 * abi.long_bytes();
        if act != 0 {
            let raw = get(mem, act, longs + 8)?;
            *slot = Action {
                handler: abi.long_at(&raw, 0),
                flags: abi.long_at(&raw, 1),
                restorer: abi.long_at(&raw, 2),
                mask: abi.sigset_from(&raw[longs..]) & !(bit(SIGKILL) | bit(SIGSTOP)),
            };
            if slot.handler == SIG_IGN {
                // Setting SIG_IGN discards the signal if it is pending.
                self.pending &= !bit(sig);
                self.thread.pending &= !bit(sig);
            }
            super::hostsig::follow(sig, disposition(slot.handler));
        }
        if old != 0 {
            let mut raw = abi.longs(&[prev.handler, prev.flags, prev.restorer]);
            raw.extend(abi.sigset_bytes(prev.mask));
            put(mem, old, &raw)?;
        }
        Ok(0)
    }

    /// `rt_sigprocmask(how, set, oldset, sigsetsize)`.
    pub fn sigprocmask(&mut self, mem: &Memory, a: &[u64; 6]) -> SysResult {
        let (how, set, old, size) = (a[0], a[1], a[2], a[3]);
        if size != 8 {
            return Err(errno::EINVAL);
        }
        let prev = self.thread.mask;
        if set != 0 {
            let v = self.abi.sigset_from(&get(mem, set, 8)?);
            let mask = match how {
                0 => prev | v,
                1 => prev & !v,
                2 => v,
                _ => return Err(errno::EINVAL),
            };
            self.thread.mask = mask & !(bit(SIGKILL) | bit(SIGSTOP));
        }
        if old != 0 {
            put(mem, old, &self.abi.sigset_bytes(prev))?;
        }
        Ok(0)
    }

    /// `sigaltstack(ss, old_ss)` for the running thread, whose stack pointer is `sp`:
    /// `stack_t` is the base, the flags (an int) and the size, each in a long's slot in
    /// the 64-bit layout. The old stack is reported as it was before the new one is set.
    pub fn sigaltstack(&mut self, mem: &Memory, a: &[u64; 6], sp: u32) -> SysResult {
        let (new, old) = (a[0], a[1]);
        let abi = self.abi;
        let report = self.thread.altstack.report(sp);
        if new != 0 {
            let raw = get(mem, new, 3 * abi.long_bytes())?;
            let base = abi.long_at(&raw, 0) as u32;
            let flags = match abi {
                Abi::Ppc64 => u32::from_be_bytes(raw[8..12].try_into().unwrap_or_default()),
                Abi::Ppc32 => abi.long_at(&raw, 1) as u32,
            };
            let size = abi.long_at(&raw, 2);
            if self.thread.altstack.holds(sp) {
                return Err(errno::EPERM);
            }
            self.thread.altstack = match flags & !SS_FLAG_BITS {
                SS_DISABLE => AltStack::default(),
                0 | SS_ONSTACK if size < u64::from(MINSIGSTKSZ) => return Err(errno::ENOMEM),
                0 | SS_ONSTACK => AltStack {
                    base,
                    size: size.min(u64::from(u32::MAX)) as u32,
                    enabled: true,
                },
                _ => return Err(errno::EINVAL),
            };
        }
        if old != 0 {
            let [base, flags, size] = report;
            let bytes = match abi {
                Abi::Ppc64 => words(&[u64::from(base), u64::from(flags) << 32, u64::from(size)]),
                Abi::Ppc32 => abi.longs(&[u64::from(base), u64::from(flags), u64::from(size)]),
            };
            put(mem, old, &bytes)?;
        }
        Ok(0)
    }

    /// `rt_sigpending(set, sigsetsize)`: the signals waiting for their unblocking.
    pub fn sigpending(&self, mem: &Memory, a: &[u64; 6]) -> SysResult {
        if a[1] != 8 {
            return Err(errno::EINVAL);
        }
        put(mem, a[0], &self.abi.sigset_bytes(self.all_pending()))?;
        Ok(0)
    }

    /// `setitimer(which, new, old)` and `getitimer(which, cur)` (`new` = None) for
    /// ITIMER_REAL; the other clocks (process CPU time) are not kept (EINVAL).
    pub fn itimer(&mut self, mem: &Memory, which: u64, new: Option<u64>, old: u64) -> SysResult {
        const ITIMER_REAL: u64 = 0;
        const ITIMER_PROF: u64 = 2;
        let abi = self.abi;
        // struct itimerval: the interval, then the value, each a timeval (two longs).
        let second = 2 * abi.long_bytes() as u64;
        let read = |addr: u64| -> Result<(Duration, Duration), u64> {
            Ok((
                TimeArg::Of(abi).duration_at(mem, addr, 1_000_000)?,
                TimeArg::Of(abi).duration_at(mem, addr.wrapping_add(second), 1_000_000)?,
            ))
        };
        let new = new.filter(|&a| a != 0).map(read).transpose()?;
        // All three count on the host: real time, or the CPU time of the process, which is
        // ours. Their signals reach the guest from outside, so a blocking call they
        // interrupt returns early, as under Linux.
        let current = match which {
            ITIMER_REAL..=ITIMER_PROF => host_itimer(which, new)?,
            _ => return Err(errno::EINVAL),
        };
        if old != 0 {
            let (interval, value) = current;
            let tv = |d: Duration| [d.as_secs(), u64::from(d.subsec_micros())];
            let mut v = tv(interval).to_vec();
            v.extend(tv(value));
            put(mem, old, &abi.longs(&v))?;
        }
        Ok(0)
    }

    /// `alarm(seconds)`: the real-time timer set to fire once (or disarmed); returns the
    /// previous one's time left in whole seconds, rounded to the nearest but at least one
    /// while any is left (as Linux's `alarm_setitimer` rounds).
    pub fn alarm(&mut self, seconds: u64) -> SysResult {
        const ITIMER_REAL: u64 = 0;
        let (_, left) = host_itimer(
            ITIMER_REAL,
            Some((Duration::ZERO, Duration::from_secs(seconds))),
        )?;
        let micros = left.subsec_micros();
        let before =
            left.as_secs() + u64::from(micros >= 500_000 || (left.as_secs() == 0 && micros > 0));
        Ok(before)
    }

    /// Whether the run loop must look now and then (`deliver_pending`) for signals from
    /// outside (the interval timers' among them).
    pub fn needs_polling(&self) -> bool {
        super::hostsig::recording()
    }

    /// `pause` and `rt_sigsuspend` (with `mask` blocked meanwhile): waits for a signal whose
    /// handler runs, and returns EINTR after it (the handler runs first). Without other
    /// threads (`others`: one can run), the only signals that can still come are the
    /// timer's and those from outside.
    pub fn suspend(
        &mut self,
        ctx: &mut Context,
        mem: &Memory,
        mask: Option<u64>,
        others: bool,
    ) -> Waiting {
        let saved = self.thread.mask;
        if let Some(m) = mask {
            self.thread.mask = m & !(bit(SIGKILL) | bit(SIGSTOP));
        }
        match self.wait(|s| s.all_pending() & !s.thread.mask != 0, None, others) {
            Waited::Ready => {}
            Waited::GiveWay => {
                self.thread.mask = saved;
                return Waiting::GiveWay;
            }
            Waited::TimedOut | Waited::Forever => {
                self.thread.mask = saved;
                return Waiting::Forever;
            }
            Waited::Fatal(sig) => return Waiting::Fatal(sig),
        }
        ctx.gpr[3] = errno::EINTR;
        ctx.set_cr_bit(3, true);
        // The handler's frame saves the mask from before the call, which sigreturn restores.
        let during = self.thread.mask;
        self.thread.mask = saved;
        let ready = self.all_pending() & !during;
        let sig = ready.trailing_zeros() + 1;
        match self.deliver(sig, ctx, mem) {
            None => Waiting::HandlerRuns,
            Some(sig) => Waiting::Fatal(sig),
        }
    }

    /// `rt_sigtimedwait(set, info, timeout, sigsetsize)` (sigwait, sigwaitinfo): takes a
    /// pending signal of `set` without running its handler and writes its `siginfo_t`, or
    /// EAGAIN at the timeout (`timeout` is the layout of its `timespec`). A signal outside
    /// `set` that is not blocked ends the wait with EINTR (its handler runs). While it
    /// waits and another thread can run (`others`), the call gives way to it and is made
    /// again, its deadline kept meanwhile.
    pub fn timed_wait(
        &mut self,
        mem: &Memory,
        a: &[u64; 6],
        timeout: TimeArg,
        others: bool,
    ) -> Waiting {
        let (set, info, limit, size) = (a[0], a[1], a[2], a[3]);
        if size != 8 {
            return Waiting::Returns(Err(errno::EINVAL));
        }
        let want = match get(mem, set, 8) {
            Ok(raw) => self.abi.sigset_from(&raw) & !(bit(SIGKILL) | bit(SIGSTOP)),
            Err(e) => return Waiting::Returns(Err(e)),
        };
        let deadline = match self.thread.wait_deadline {
            Some(d) => Some(d),
            None if limit == 0 => None,
            None => match timeout.duration_at(mem, limit, 1_000_000_000) {
                Ok(d) => Some(Instant::now() + d),
                Err(e) => return Waiting::Returns(Err(e)),
            },
        };
        let interrupting = |s: &Self| s.all_pending() & !s.thread.mask & !want != 0;
        let waited = self.wait(
            |s| s.all_pending() & want != 0 || interrupting(s),
            deadline,
            others,
        );
        if matches!(waited, Waited::GiveWay) {
            self.thread.wait_deadline = deadline;
            return Waiting::GiveWay;
        }
        self.thread.wait_deadline = None;
        let taken = self.all_pending() & want;
        match waited {
            Waited::Fatal(sig) => Waiting::Fatal(sig),
            Waited::TimedOut => Waiting::Returns(Err(errno::EAGAIN)),
            Waited::Forever => Waiting::Forever,
            // Another signal's handler runs when the call returns.
            _ if taken == 0 => Waiting::Returns(Err(errno::EINTR)),
            _ => {
                let sig = taken.trailing_zeros() + 1;
                let record = self.take(sig);
                if info != 0 {
                    if let Err(e) = put(mem, info, &record.encode(self.abi)) {
                        return Waiting::Returns(Err(e));
                    }
                }
                Waiting::Returns(Ok(u64::from(sig)))
            }
        }
    }

    /// Waits until `ready`, `deadline` or, when another thread can run (`others`), at once
    /// to give way to it; meanwhile signals from outside and the interval timer arrive.
    fn wait(
        &mut self,
        ready: impl Fn(&Self) -> bool,
        deadline: Option<Instant>,
        others: bool,
    ) -> Waited {
        loop {
            if let Some(sig) = self.take_external() {
                return Waited::Fatal(sig);
            }
            if ready(self) {
                return Waited::Ready;
            }
            let now = Instant::now();
            if deadline.is_some_and(|d| now >= d) {
                return Waited::TimedOut;
            }
            if others {
                return Waited::GiveWay;
            }
            // A signal from outside is looked for every millisecond.
            let outside = super::hostsig::recording().then(|| now + Duration::from_millis(1));
            let Some(until) = [outside, deadline].into_iter().flatten().min() else {
                return Waited::Forever;
            };
            std::thread::sleep(until.saturating_duration_since(now));
        }
    }

    /// The process sends itself `sig` (1..=64) with `kill`, or the running thread with
    /// `tkill` (`by_thread`).
    pub fn send(&mut self, sig: u32, by_thread: bool) -> Sent {
        let code = if by_thread { SI_TKILL } else { SI_USER };
        self.queue(sig, code, ourselves(), by_thread)
    }

    /// `tkill` to a thread that is not running, which keeps the signal itself: whether it
    /// must (`Ok(false)`: ignored), or the signal whose action ends the process. The
    /// `si_code` is noted for the delivery.
    pub fn send_to_waiting_thread(&mut self, sig: u32) -> Result<bool, u32> {
        match self.sending(sig) {
            Sending::Queue => {
                self.codes[sig as usize - 1] = SI_TKILL;
                self.senders[sig as usize - 1] = ourselves();
                Ok(true)
            }
            Sending::Discard => Ok(false),
            Sending::Fatal(s) => Err(s),
        }
    }

    fn queue(&mut self, sig: u32, code: i32, sender: u64, to_thread: bool) -> Sent {
        match self.sending(sig) {
            Sending::Queue => {
                if to_thread {
                    self.thread.pending |= bit(sig);
                } else {
                    self.pending |= bit(sig);
                }
                self.codes[sig as usize - 1] = code;
                self.senders[sig as usize - 1] = sender;
                Sent::Queued
            }
            Sending::Discard => Sent::Queued,
            Sending::Fatal(s) => Sent::Fatal(s),
        }
    }

    fn sending(&self, sig: u32) -> Sending {
        match self.actions[sig as usize - 1].handler {
            _ if sig == SIGKILL || sig == SIGSTOP => Sending::Fatal(sig),
            SIG_IGN => Sending::Discard,
            SIG_DFL if ignored_by_default(sig) => Sending::Discard,
            SIG_DFL => Sending::Fatal(sig),
            _ => Sending::Queue,
        }
    }

    /// Signals sent to the process or to the running thread, blocked or not.
    fn all_pending(&self) -> u64 {
        self.pending | self.thread.pending
    }

    /// The running thread's part, for a thread it creates: the same mask, nothing pending.
    pub fn for_new_thread(&self) -> ThreadSignals {
        // A thread created with CLONE_VM starts with no alternate stack (the creator's is
        // its own memory).
        ThreadSignals {
            mask: self.thread.mask,
            ..ThreadSignals::default()
        }
    }

    /// Another thread runs: its part comes in and the outgoing thread's is returned.
    pub fn swap_thread(&mut self, next: ThreadSignals) -> ThreadSignals {
        std::mem::replace(&mut self.thread, next)
    }

    /// Runs the handler of the lowest pending signal not blocked, if any, from the context
    /// `ctx` (which resumes when it returns). Returns the signal that must end the process
    /// instead when the handler's frame cannot be written (as Linux, SIGSEGV).
    pub fn deliver_pending(&mut self, ctx: &mut Context, mem: &Memory) -> Option<u32> {
        if let Some(sig) = self.take_external() {
            return Some(sig);
        }
        let ready = self.all_pending() & !self.thread.mask;
        if ready == 0 {
            return None;
        }
        let sig = ready.trailing_zeros() + 1;
        self.deliver(sig, ctx, mem)
    }

    /// Runs the handler of pending signal `sig`.
    fn deliver(&mut self, sig: u32, ctx: &mut Context, mem: &Memory) -> Option<u32> {
        let info = self.take(sig);
        self.run_handler(sig, &info, ctx, mem).err()
    }

    /// Takes pending signal `sig` out of its set (the thread's before the process's) and
    /// describes it.
    fn take(&mut self, sig: u32) -> Info {
        if self.thread.pending & bit(sig) != 0 {
            self.thread.pending &= !bit(sig);
        } else {
            self.pending &= !bit(sig);
        }
        Info {
            sig,
            code: self.codes[sig as usize - 1],
            word: self.senders[sig as usize - 1],
            fault: false,
        }
    }

    /// A fault, trap or illegal instruction raises `sig` at `ctx` (precise: pc at the
    /// instruction). Returns false when the signal's action ends the process: no handler, or
    /// the signal is blocked (the kernel then forces the default action).
    pub fn raise_sync(&mut self, sig: u32, addr: u32, ctx: &mut Context, mem: &Memory) -> bool {
        let action = self.actions[sig as usize - 1];
        if matches!(action.handler, SIG_DFL | SIG_IGN) || self.thread.mask & bit(sig) != 0 {
            return false;
        }
        let code = match sig {
            SIGSEGV => SEGV_MAPERR,
            SIGTRAP => TRAP_BRKPT,
            SIGFPE => fpe_code(ctx.fpscr),
            _ => ILL_ILLOPC,
        };
        let info = Info {
            sig,
            code,
            fault: true,
            word: if sig == SIGSEGV {
                u64::from(addr)
            } else {
                u64::from(ctx.pc)
            },
        };
        self.run_handler(sig, &info, ctx, mem).is_ok()
    }

    fn run_handler(
        &mut self,
        sig: u32,
        info: &Info,
        ctx: &mut Context,
        mem: &Memory,
    ) -> Result<(), u32> {
        let action = self.actions[sig as usize - 1];
        let sp = ctx.gpr[1] as u32;
        // SA_ONSTACK: on the alternate stack, unless the thread runs on it already.
        let below = if action.flags & SA_ONSTACK != 0 && self.thread.altstack.flags(sp) == 0 {
            self.thread
                .altstack
                .base
                .wrapping_add(self.thread.altstack.size)
        } else {
            sp
        };
        let uc_stack = self.thread.altstack.report(sp);
        if self.abi == Abi::Ppc32 {
            let entry = super::sigframe32::Entry {
                handler: action.handler as u32,
                sig,
                info: info.encode(Abi::Ppc32),
                mask: self.thread.mask,
                dar: if sig == SIGSEGV { info.word as u32 } else { 0 },
                trampoline: TRAMPOLINE,
                below,
                uc_stack,
            };
            super::sigframe32::push(ctx, mem, &entry).map_err(|()| SIGSEGV)?;
            self.enter_handler(sig, action);
            ctx.fpscr = 0;
            return Ok(());
        }
        let base = below.wrapping_sub(frame::SIZE) & !15;
        let newsp = base.wrapping_sub(frame::CALLER_FRAME);
        // ELFv1: the handler is a function descriptor (entry, TOC).
        let desc = get(mem, action.handler, 16).map_err(|_| SIGSEGV)?;
        let entry = u64::from_be_bytes(desc[..8].try_into().unwrap_or_default());
        let toc = u64::from_be_bytes(desc[8..].try_into().unwrap_or_default());
        let uc = base;
        // The handler is given r4 (siginfo) and r5 (ucontext) whether or not it asked with
        // SA_SIGINFO, as Linux does.
        let dar = if sig == SIGSEGV { info.word } else { 0 };
        let mut image = ucontext(ctx, self.thread.mask, sig, action.handler, uc, dar);
        let [ss_sp, ss_flags, ss_size] = uc_stack;
        let stack = words(&[
            u64::from(ss_sp),
            u64::from(ss_flags) << 32,
            u64::from(ss_size),
        ]);
        image[frame::UC_STACK as usize..frame::UC_STACK as usize + 24].copy_from_slice(&stack);
        let siginfo = info.encode(Abi::Ppc64);
        let writes = [
            (uc, image),
            (
                base.wrapping_add(frame::INFO_PTR),
                words(&[u64::from(base.wrapping_add(frame::INFO)), u64::from(uc)]),
            ),
            (base.wrapping_add(frame::INFO), siginfo),
            (newsp, u64::from(sp).to_be_bytes().to_vec()),
        ];
        for (at, data) in writes {
            put(mem, u64::from(at), &data).map_err(|_| SIGSEGV)?;
        }
        self.enter_handler(sig, action);
        // The handler starts with a clear FPSCR, as Linux gives it (no enabled exception
        // left to interrupt it again); the frame keeps the interrupted one for sigreturn.
        ctx.fpscr = 0;
        ctx.gpr[1] = u64::from(newsp);
        ctx.gpr[2] = toc;
        ctx.gpr[3] = u64::from(sig);
        ctx.gpr[4] = u64::from(base.wrapping_add(frame::INFO));
        ctx.gpr[5] = u64::from(uc);
        ctx.gpr[6] = u64::from(base);
        ctx.lr = u64::from(TRAMPOLINE);
        ctx.pc = entry as u32;
        // A handler starts with no reservation (the kernel clears it on every interrupt).
        ctx.reserve_valid = 0;
        Ok(())
    }

    /// The mask while `sig`'s handler runs, and SA_RESETHAND's reset.
    fn enter_handler(&mut self, sig: u32, action: Action) {
        self.thread.mask |= action.mask;
        if action.flags & SA_NODEFER == 0 {
            self.thread.mask |= bit(sig);
        }
        if action.flags & SA_RESETHAND != 0 {
            self.actions[sig as usize - 1] = Action::default();
            super::hostsig::follow(sig, super::hostsig::Disposition::Default);
        }
    }

    /// A forked child starts with no signal pending (its own or from outside).
    pub fn forget_pending(&mut self) {
        self.pending = 0;
        self.thread.pending = 0;
        super::hostsig::take();
    }

    /// Takes the signals that came from outside (`hostsig`), with the `si_code` and sender
    /// the host gave them; the first whose action has meanwhile become the default one ends
    /// the process.
    fn take_external(&mut self) -> Option<u32> {
        let mut arrived = super::hostsig::take();
        while arrived != 0 {
            let sig = arrived.trailing_zeros() + 1;
            arrived &= arrived - 1;
            let (code, sender) = super::hostsig::arrival(sig);
            if let Sent::Fatal(s) = self.queue(sig, code, sender, false) {
                return Some(s);
            }
        }
        None
    }

    /// Whether a call that a signal interrupted (EINTR) is made again, as Linux restarts it:
    /// after the handler when the signal whose handler runs next was installed with
    /// SA_RESTART, and at once when no signal is ready (the host's handler ran for one the
    /// thread blocks, which under Linux would not have interrupted the call). Signals from
    /// outside are taken in first, as the delivery will; `Err` names one whose action ends
    /// the process.
    pub fn restarts(&mut self) -> Result<bool, u32> {
        if let Some(sig) = self.take_external() {
            return Err(sig);
        }
        let ready = self.all_pending() & !self.thread.mask;
        if ready == 0 {
            return Ok(true);
        }
        let sig = ready.trailing_zeros() + 1;
        Ok(self.actions[sig as usize - 1].flags & SA_RESTART != 0)
    }

    /// `rt_sigreturn`: restores the context the frame at r1 saved (the handler may have
    /// changed it). Returns false when the frame cannot be read (the process then dies of
    /// SIGSEGV, as under Linux).
    pub fn sigreturn(&mut self, ctx: &mut Context, mem: &Memory) -> bool {
        if self.abi == Abi::Ppc32 {
            let Some(mask) = super::sigframe32::pop(ctx, mem) else {
                return false;
            };
            self.thread.mask = mask & !(bit(SIGKILL) | bit(SIGSTOP));
            return true;
        }
        let uc = (ctx.gpr[1] as u32).wrapping_add(frame::CALLER_FRAME);
        let Ok(raw) = get(mem, u64::from(uc), frame::UCONTEXT_SIZE as usize) else {
            return false;
        };
        let w = |off: u32| {
            let o = off as usize;
            u64::from_be_bytes(raw[o..o + 8].try_into().unwrap_or_default())
        };
        let gp = |k: u32| w(frame::GP_REGS + 8 * k);
        for (k, r) in ctx.gpr.iter_mut().enumerate() {
            *r = gp(k as u32);
        }
        ctx.pc = gp(frame::PT_NIP) as u32 & !3;
        ctx.ctr = gp(frame::PT_CTR);
        ctx.lr = gp(frame::PT_LNK);
        ctx.set_xer(gp(frame::PT_XER));
        ctx.cr = gp(frame::PT_CCR) as u32;
        for (k, f) in ctx.fpr.iter_mut().enumerate() {
            *f = w(frame::FP_REGS + 8 * k as u32);
        }
        ctx.fpscr = w(frame::FP_REGS + 8 * 32) as u32;
        let off = vregs_offset(uc);
        for (k, v) in ctx.vr.iter_mut().take(32).enumerate() {
            let o = (off + 16 * k as u32) as usize;
            *v = u128::from_be_bytes(raw[o..o + 16].try_into().unwrap_or_default());
        }
        let o = (off + 16 * 32) as usize;
        ctx.vscr = u32::from_be_bytes(raw[o + 12..o + 16].try_into().unwrap_or_default());
        ctx.vrsave = u32::from_be_bytes(raw[o + 16..o + 20].try_into().unwrap_or_default());
        self.thread.mask = w(frame::UC_SIGMASK) & !(bit(SIGKILL) | bit(SIGSTOP));
        ctx.reserve_valid = 0;
        true
    }
}

/// Where the vector registers sit in the ucontext at `uc`, as an offset from it: the first
/// 16-byte boundary in `vmx_reserve` (what `v_regs` points to).
fn vregs_offset(uc: u32) -> u32 {
    frame::VMX_RESERVE + (uc.wrapping_add(frame::VMX_RESERVE).wrapping_neg() & 15)
}

/// The saved context: registers as gp_regs/fp_regs and the vector area, the mask to restore.
fn ucontext(ctx: &Context, mask: u64, sig: u32, handler: u64, uc: u32, dar: u64) -> Vec<u8> {
    let mut out = vec![0u8; frame::UCONTEXT_SIZE as usize];
    let mut put_u64 = |off: u32, v: u64| {
        let o = off as usize;
        out[o..o + 8].copy_from_slice(&v.to_be_bytes());
    };
    put_u64(frame::UC_SIGMASK, mask);
    put_u64(frame::SC_SIGNAL, u64::from(sig) << 32);
    put_u64(frame::SC_HANDLER, handler);
    put_u64(frame::SC_OLDMASK, mask);
    put_u64(frame::SC_REGS, u64::from(uc.wrapping_add(frame::GP_REGS)));
    for (k, r) in ctx.gpr.iter().enumerate() {
        put_u64(frame::GP_REGS + 8 * k as u32, *r);
    }
    let gp = |k: u32| frame::GP_REGS + 8 * k;
    put_u64(gp(frame::PT_NIP), u64::from(ctx.pc));
    put_u64(gp(frame::PT_MSR), ctx.msr);
    put_u64(gp(frame::PT_ORIG_R3), ctx.gpr[3]);
    put_u64(gp(frame::PT_CTR), ctx.ctr);
    put_u64(gp(frame::PT_LNK), ctx.lr);
    put_u64(gp(frame::PT_XER), u64::from(ctx.xer()));
    put_u64(gp(frame::PT_CCR), u64::from(ctx.cr));
    put_u64(gp(frame::PT_TRAP), 0xc00);
    put_u64(gp(frame::PT_DAR), dar);
    for (k, f) in ctx.fpr.iter().enumerate() {
        put_u64(frame::FP_REGS + 8 * k as u32, *f);
    }
    put_u64(frame::FP_REGS + 8 * 32, u64::from(ctx.fpscr));
    let off = vregs_offset(uc);
    let vregs = uc.wrapping_add(off);
    put_u64(frame::V_REGS, u64::from(vregs));
    let off = off as usize;
    for (k, v) in ctx.vr.iter().take(32).enumerate() {
        out[off + 16 * k..off + 16 * k + 16].copy_from_slice(&v.to_be_bytes());
    }
    // VSCR in the last word of vector 32, then VRSAVE.
    let o = off + 16 * 32;
    out[o + 12..o + 16].copy_from_slice(&ctx.vscr.to_be_bytes());
    out[o + 16..o + 20].copy_from_slice(&ctx.vrsave.to_be_bytes());
    out
}

/// The parts of a `siginfo_t` (128 bytes) a signal fills: signo, errno, code, and the first
/// union word (pid and uid for a sent signal, the address for a fault).
struct Info {
    sig: u32,
    code: i32,
    /// The fault's address (`fault`), or the sender: pid << 32 | uid.
    word: u64,
    fault: bool,
}

impl Info {
    /// The union starts at 16 in the ppc64 layout and at 12 in the 32-bit one, where an
    /// address is one 4-byte word.
    fn encode(&self, abi: Abi) -> Vec<u8> {
        let mut out = vec![0u8; 128];
        out[0..4].copy_from_slice(&self.sig.to_be_bytes());
        out[8..12].copy_from_slice(&self.code.to_be_bytes());
        match abi {
            Abi::Ppc64 => out[16..24].copy_from_slice(&self.word.to_be_bytes()),
            Abi::Ppc32 if self.fault => {
                out[12..16].copy_from_slice(&(self.word as u32).to_be_bytes())
            }
            Abi::Ppc32 => out[12..20].copy_from_slice(&self.word.to_be_bytes()),
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SIGFPE's si_code as Linux's `__parse_fpscr` picks it: the first enabled cause in
    /// the order invalid, overflow, underflow, zero divide, inexact (FPE_FLTINV 7,
    /// FPE_FLTOVF 4, FPE_FLTUND 5, FPE_FLTDIV 3, FPE_FLTRES 6), FPE_FLTUNK 14 without one.
    /// FPSCR bits: VX 1 << 29 .. XX 1 << 25, VE 1 << 7 .. XE 1 << 3.
    #[test]
    fn fpe_codes_follow_the_first_enabled_cause() {
        let (vx, ox, ux, zx, xx) = (1 << 29, 1 << 28, 1 << 27, 1 << 26, 1 << 25);
        let (ve, oe, ue, ze, xe) = (1 << 7, 1 << 6, 1 << 5, 1 << 4, 1 << 3);
        assert_eq!(fpe_code(vx | ve | zx | ze), 7);
        assert_eq!(fpe_code(vx | zx | ze), 3, "VX without VE does not count");
        assert_eq!(fpe_code(ox | oe | xx | xe), 4);
        assert_eq!(fpe_code(ux | ue), 5);
        assert_eq!(fpe_code(xx | xe), 6);
        assert_eq!(fpe_code(zx | xe), 14);
    }

    /// A handler whose frame cannot be written (the stack pointer is garbage, near either
    /// end of the space) ends the process with SIGSEGV, as Linux does; a sigreturn whose
    /// frame cannot be read likewise. Neither may panic.
    #[test]
    fn a_frame_that_does_not_fit_is_a_segmentation_fault() {
        let mem = Memory::new().unwrap();
        mem.map(0x1000_0000, 0x1000, Perm::RW).unwrap();
        // A descriptor for the handler, so only the stack is wrong.
        mem.write_u64(0x1000_0000, 0x1000_0100).unwrap();
        for sp in [0, 0x100, 0xffff_fff0, 0x1000_0400] {
            let mut s = Signals::default();
            s.actions[9] = Action {
                handler: 0x1000_0000,
                ..Action::default()
            };
            let mut ctx = Context::default();
            ctx.gpr[1] = sp;
            assert!(matches!(s.send(10, true), Sent::Queued));
            assert_eq!(
                s.deliver_pending(&mut ctx, &mem),
                Some(SIGSEGV),
                "sp {sp:#x}"
            );
        }
        // The frame read back starts 128 bytes above r1.
        for sp in [0x200, 0x1000_0f80, 0xffff_fff0] {
            let mut ctx = Context::default();
            ctx.gpr[1] = sp;
            assert!(!Signals::default().sigreturn(&mut ctx, &mem), "sp {sp:#x}");
        }
    }
}
