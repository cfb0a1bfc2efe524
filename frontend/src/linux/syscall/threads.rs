//! Guest threads (`clone` with `CLONE_VM | CLONE_THREAD`, as `pthread_create` makes them),
//! run one at a time on the host thread: each runs for a slice of instructions, or until it
//! waits on a futex, yields or exits, and then the next runnable one goes on, in turn. The
//! guest sees real concurrency's guarantees (futexes, `CLONE_CHILD_CLEARTID` for
//! `pthread_join`) but a deterministic interleaving. A process forked without `CLONE_VM`
//! is not offered.

use super::signal::{Signals, ThreadSignals};
use super::{errno, get, put, SysResult};
use oxenon_jit::{Context, Memory};
use std::collections::VecDeque;

const CLONE_VM: u64 = 0x100;
const CLONE_THREAD: u64 = 0x10000;
const CLONE_SETTLS: u64 = 0x80000;
const CLONE_PARENT_SETTID: u64 = 0x10_0000;
const CLONE_CHILD_CLEARTID: u64 = 0x20_0000;
const CLONE_CHILD_SETTID: u64 = 0x100_0000;
const ETIMEDOUT: u64 = 110;

/// Instructions a thread runs before the next runnable one gets its turn.
pub const SLICE: u64 = 200_000;

/// A thread that is not running.
struct Parked {
    ctx: Context,
    tid: u64,
    clear_tid: u64,
    /// The futex word it waits on, and whether its wait has a timeout.
    wait: Option<(u32, bool)>,
    /// Its signal mask and the signals sent to it alone.
    signals: ThreadSignals,
}

/// Why the running thread gives way (`Threads::switch`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Switch {
    Yield,
    /// Waits on the futex word at this address (with a timeout: `true`).
    Block(u32, bool),
    Exit,
}

/// How scheduling ends, when it does.
#[derive(Debug, thiserror::Error)]
pub enum Stuck {
    #[error("all {0} guest threads wait on futexes that no thread will wake (deadlock)")]
    Deadlock(usize),
}

pub struct Threads {
    /// The running thread's id (the process id for the first thread).
    pub tid: u64,
    clear_tid: u64,
    parked: VecDeque<Parked>,
    next_tid: u64,
    /// Set by a call that makes the running thread give way; the run loop acts on it.
    pub pending: Option<Switch>,
}

impl Threads {
    /// Whether `tid` names one of this process's threads.
    pub fn has(&self, tid: u64) -> bool {
        tid == self.tid || self.parked.iter().any(|t| t.tid == tid)
    }

    pub fn new(pid: u64) -> Self {
        Self {
            tid: pid,
            clear_tid: 0,
            parked: VecDeque::new(),
            next_tid: pid + 1,
            pending: None,
        }
    }

    /// Whether the process has more than the running thread (slices matter).
    pub fn several(&self) -> bool {
        !self.parked.is_empty()
    }

    /// Queues `sig` for the waiting thread `tid` (it takes it when it next runs); false
    /// when no waiting thread has that id.
    pub fn post(&mut self, tid: u64, sig: u32) -> bool {
        match self.parked.iter_mut().find(|t| t.tid == tid) {
            Some(t) => {
                t.signals.pending |= 1 << (sig - 1);
                true
            }
            None => false,
        }
    }

    /// Whether a thread other than the running one could run now (none waits on a futex
    /// with it): a thread waiting for a signal then gives way rather than sleeping.
    pub fn others_runnable(&self) -> bool {
        self.parked.iter().any(|t| t.wait.is_none())
    }

    /// `clone(flags, newsp, parent_tid, tls, child_tid)` (powerpc's argument order): a new
    /// thread that starts past the call with r3 = 0 on its own stack and the signal state
    /// `signals` (its creator's mask).
    pub fn clone(
        &mut self,
        ctx: &Context,
        mem: &Memory,
        a: &[u64; 6],
        signals: ThreadSignals,
    ) -> Option<SysResult> {
        let (flags, sp, ptid, tls, ctid) = (a[0], a[1], a[2], a[3], a[4]);
        if flags & (CLONE_VM | CLONE_THREAD) != CLONE_VM | CLONE_THREAD {
            // fork and vfork: another process, which this layer does not run.
            return None;
        }
        let tid = self.next_tid;
        let word = (tid as u32).to_be_bytes();
        if flags & CLONE_PARENT_SETTID != 0 {
            if let Err(e) = put(mem, ptid, &word) {
                return Some(Err(e));
            }
        }
        if flags & CLONE_CHILD_SETTID != 0 {
            if let Err(e) = put(mem, ctid, &word) {
                return Some(Err(e));
            }
        }
        self.next_tid += 1;
        let mut child = ctx.clone();
        child.gpr[3] = 0;
        child.set_cr_bit(3, false);
        if sp != 0 {
            child.gpr[1] = sp;
        }
        if flags & CLONE_SETTLS != 0 {
            // The thread pointer: r13 in the 64-bit ABI, r2 in the 32-bit one.
            child.gpr[if ctx.is_64bit() { 13 } else { 2 }] = tls;
        }
        child.reserve_valid = 0;
        self.parked.push_back(Parked {
            ctx: child,
            tid,
            clear_tid: if flags & CLONE_CHILD_CLEARTID != 0 {
                ctid
            } else {
                0
            },
            wait: None,
            signals,
        });
        Some(Ok(tid))
    }

    /// `set_tid_address(tidptr)`.
    pub fn set_tid_address(&mut self, addr: u64) -> SysResult {
        self.clear_tid = addr;
        Ok(self.tid)
    }

    /// `futex(addr, op, val, timeout, ...)`: waits and wakes; the others report ENOSYS
    /// (glibc then falls back to these two).
    pub fn futex(&mut self, mem: &Memory, a: &[u64; 6]) -> SysResult {
        const FUTEX_WAIT: u64 = 0;
        const FUTEX_WAKE: u64 = 1;
        const FUTEX_WAIT_BITSET: u64 = 9;
        const FUTEX_WAKE_BITSET: u64 = 10;
        const FUTEX_CMD_MASK: u64 = 0x7f; // without PRIVATE and CLOCK_REALTIME
        let (addr, val) = (super::guest_addr(a[0])?, a[2]);
        match a[1] & FUTEX_CMD_MASK {
            FUTEX_WAKE | FUTEX_WAKE_BITSET => Ok(self.wake(addr, val)),
            FUTEX_WAIT | FUTEX_WAIT_BITSET => {
                let raw = get(mem, a[0], 4)?;
                let now = u32::from_be_bytes(raw.try_into().unwrap_or_default());
                if u64::from(now) != val & 0xffff_ffff {
                    return Err(errno::EAGAIN);
                }
                // A bitset wait's mask is not kept: a wake of another bitset is a spurious
                // wake-up, which futex callers allow for.
                self.pending = Some(Switch::Block(addr, a[3] != 0));
                Ok(0)
            }
            _ => Err(errno::ENOSYS),
        }
    }

    /// Wakes up to `n` threads waiting on `addr`; returns how many.
    fn wake(&mut self, addr: u32, n: u64) -> u64 {
        let mut woken = 0;
        for t in self.parked.iter_mut() {
            if woken >= n {
                break;
            }
            if matches!(t.wait, Some((a, _)) if a == addr) {
                t.wait = None;
                woken += 1;
            }
        }
        woken
    }

    /// The running thread's `exit`: `CLONE_CHILD_CLEARTID`'s word becomes 0 and its waiters
    /// wake (how `pthread_join` learns of it). Returns false for the last thread, whose
    /// exit ends the process.
    pub fn exit_thread(&mut self, mem: &Memory) -> bool {
        if self.parked.is_empty() {
            return false;
        }
        if self.clear_tid != 0 {
            if let Ok(addr) = super::guest_addr(self.clear_tid) {
                if put(mem, self.clear_tid, &[0; 4]).is_ok() {
                    self.wake(addr, u64::MAX);
                }
            }
        }
        self.pending = Some(Switch::Exit);
        true
    }

    /// Acts on `how`: the running thread (its context in `ctx`, its part of the signal
    /// state in `signals`) is parked, or dropped if it exited, and the next runnable
    /// thread's context and signal state take its place. When none can run, a waiter with
    /// a timeout resumes with ETIMEDOUT; with none of those, the process is deadlocked.
    pub fn switch(
        &mut self,
        how: Switch,
        ctx: &mut Context,
        signals: &mut Signals,
    ) -> Result<(), Stuck> {
        let current = Parked {
            ctx: ctx.clone(),
            tid: self.tid,
            clear_tid: self.clear_tid,
            wait: match how {
                Switch::Block(addr, timed) => Some((addr, timed)),
                _ => None,
            },
            signals: signals.swap_thread(ThreadSignals::default()),
        };
        if how != Switch::Exit {
            self.parked.push_back(current);
        }
        let next = match self.parked.iter().position(|t| t.wait.is_none()) {
            Some(i) => i,
            None => {
                let i = self
                    .parked
                    .iter()
                    .position(|t| matches!(t.wait, Some((_, true))))
                    .ok_or(Stuck::Deadlock(self.parked.len()))?;
                let t = &mut self.parked[i];
                t.wait = None;
                t.ctx.gpr[3] = ETIMEDOUT;
                t.ctx.set_cr_bit(3, true);
                i
            }
        };
        let t = self.parked.remove(next).expect("index from position");
        signals.swap_thread(t.signals);
        *ctx = t.ctx;
        self.tid = t.tid;
        self.clear_tid = t.clear_tid;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxenon_jit::Perm;

    const PAGE: u32 = 0x1000_0000;

    fn memory() -> Memory {
        let m = Memory::new().unwrap();
        m.map(PAGE, 0x1000, Perm::RW).unwrap();
        m
    }

    fn args(v: &[u64]) -> [u64; 6] {
        let mut a = [0; 6];
        a[..v.len()].copy_from_slice(v);
        a
    }

    /// CLONE_VM | CLONE_THREAD | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID.
    const THREAD: u64 = 0x100 | 0x10000 | 0x80000 | 0x10_0000 | 0x20_0000;

    #[test]
    fn a_fork_is_not_offered() {
        let (mut t, m) = (Threads::new(100), memory());
        let inherited = ThreadSignals::default();
        assert!(t
            .clone(&Context::default(), &m, &args(&[0x11]), inherited)
            .is_none());
        assert!(!t.several());
    }

    /// A thread that waits on its child's tid word (as pthread_join does) resumes when the
    /// child exits and clears it; the child starts past the call with r3 = 0, its stack
    /// and TLS pointer.
    #[test]
    fn a_join_wakes_when_the_child_exits() {
        let (mut t, m) = (Threads::new(100), memory());
        let mut ctx = Context {
            pc: 0x400,
            ..Default::default()
        };
        let tid_word = u64::from(PAGE);
        let a = args(&[THREAD, 0x7000, tid_word, 0x9000, tid_word]);
        let mut sigs = Signals::default();
        assert_eq!(t.clone(&ctx, &m, &a, sigs.for_new_thread()), Some(Ok(101)));
        assert_eq!(m.read_u32(PAGE).unwrap(), 101);
        // The parent waits while the word holds the tid.
        assert_eq!(t.futex(&m, &args(&[tid_word, 0, 101])), Ok(0));
        let how = t.pending.take().unwrap();
        t.switch(how, &mut ctx, &mut sigs).unwrap();
        assert_eq!(
            (t.tid, ctx.gpr[1], ctx.gpr[13], ctx.gpr[3], ctx.pc),
            (101, 0x7000, 0x9000, 0, 0x400)
        );
        assert!(t.exit_thread(&m));
        assert_eq!(m.read_u32(PAGE).unwrap(), 0);
        let how = t.pending.take().unwrap();
        t.switch(how, &mut ctx, &mut sigs).unwrap();
        assert_eq!(t.tid, 100);
        assert!(!t.several());
        // The last thread's exit is the process's.
        assert!(!t.exit_thread(&m));
    }

    #[test]
    fn a_wait_on_a_changed_word_returns_at_once() {
        let (mut t, m) = (Threads::new(100), memory());
        m.write_u32(PAGE, 5).unwrap();
        assert_eq!(
            t.futex(&m, &args(&[u64::from(PAGE), 0, 4])),
            Err(errno::EAGAIN)
        );
        assert!(t.pending.is_none());
    }

    /// A thread (CLONE_VM | CLONE_THREAD, stack 0x7000) with its creator's signal state.
    fn spawn(t: &mut Threads, ctx: &Context, m: &Memory, sigs: &Signals) {
        let a = args(&[0x100 | 0x10000, 0x7000]);
        t.clone(ctx, m, &a, sigs.for_new_thread()).unwrap().unwrap();
    }

    /// When every thread waits: one with a timeout resumes with ETIMEDOUT; without one, the
    /// process is deadlocked.
    #[test]
    fn waits_nobody_ends_time_out_or_deadlock() {
        let (mut t, m) = (Threads::new(100), memory());
        let mut ctx = Context::default();
        let mut sigs = Signals::default();
        spawn(&mut t, &ctx, &m, &sigs);
        // The child waits with a timeout, then the parent without.
        t.switch(Switch::Yield, &mut ctx, &mut sigs).unwrap();
        assert_eq!(t.tid, 101);
        t.switch(Switch::Block(PAGE, true), &mut ctx, &mut sigs)
            .unwrap();
        assert_eq!(t.tid, 100);
        t.switch(Switch::Block(PAGE, false), &mut ctx, &mut sigs)
            .unwrap();
        assert_eq!((t.tid, ctx.gpr[3], ctx.cr >> 28 & 1), (101, ETIMEDOUT, 1));
        let err = t
            .switch(Switch::Block(PAGE + 4, false), &mut ctx, &mut sigs)
            .unwrap_err();
        assert!(err.to_string().contains("all 2 guest threads"), "{err}");
    }

    /// Each thread keeps its own signal mask and the signals sent to it alone: a new thread
    /// starts with its creator's mask, a switch brings the next thread's part in, and a
    /// signal posted to a waiting thread is pending there, not in the running one.
    #[test]
    fn signal_masks_and_thread_signals_follow_their_threads() {
        let (mut t, m) = (Threads::new(100), memory());
        let mut ctx = Context::default();
        let mut sigs = Signals::default();
        let mut blocked = ThreadSignals::default();
        blocked.mask = 1 << 9;
        sigs.swap_thread(blocked);
        spawn(&mut t, &ctx, &m, &sigs);
        assert!(t.post(101, 12));
        assert!(!t.post(555, 12), "no such thread");
        // The child runs with the creator's mask and the signal posted to it.
        t.switch(Switch::Yield, &mut ctx, &mut sigs).unwrap();
        assert_eq!(t.tid, 101);
        let child = sigs.swap_thread(ThreadSignals::default());
        assert_eq!((child.mask, child.pending), (1 << 9, 1 << 11));
        // It exits (with its mask opened); the parent comes back with its own.
        t.switch(Switch::Exit, &mut ctx, &mut sigs).unwrap();
        assert_eq!(t.tid, 100);
        assert_eq!(sigs.for_new_thread().mask, 1 << 9);
    }
}
