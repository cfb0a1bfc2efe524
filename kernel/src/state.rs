//! The kernel state behind the one kernel lock: objects, threads, run queues, deadlines and
//! counters. Every export runs with it locked; no lock is held while guest code runs.

use crate::arena::{Arena, DATA_BASE, DATA_SIZE, STUB_BASE, STUB_SIZE};
use crate::audit::{self, Source};
use crate::clock::Clock;
use crate::memory::consts::{PAGE_EXECUTE_READ, PAGE_READWRITE};
use crate::memory::MemoryManager;
use crate::objects::{Kind, ObjId, Object, Objects, Tid};
use crate::status::*;
use crate::threads::{kthread, pcr, Thread, ThreadState, Wait, HW_THREADS, TLS_SLOTS};
use oxenon_jit::{Context, Memory};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};
use std::sync::Arc;

/// Why a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finish {
    /// Every thread exited; the main thread's exit code.
    Exited(u32),
    /// Every live thread waits with no timeout and no timer is armed.
    Deadlock,
    /// The instruction limit (`-n`) was reached.
    Limit,
    /// A guest thread faulted or hit something the kernel cannot continue from.
    Crashed(String),
    /// Ctrl-C.
    Interrupted,
}

const WAKE_AT_ONCE: Source = Source::internal("wait satisfied at once");
const WAKE_SIGNAL: Source = Source::internal("scheduler wake");
const WAKE_TIMEOUT: Source = Source::internal("wait timeout");
const TIMER_EXPIRY: Source = Source::internal("timer expiry");
const THREAD_EXIT: Source = Source::internal("thread exit");
const MUTANT_ABANDONED: Source = Source::internal("mutant abandoned by its owner's exit");

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Deadline {
    Wait { tid: Tid, seq: u64 },
    Timer { obj: ObjId, generation: u64 },
}

/// Parameters of a new guest thread.
pub struct ThreadStart {
    pub entry: u32,
    pub r3: u64,
    pub r4: u64,
    pub stack_size: u32,
    pub hw: u8,
    pub suspended: bool,
    /// Where the thread goes when its routine returns (the thread-exit stub).
    pub return_to: u32,
}

#[derive(Debug, Default, Clone)]
pub struct Counters {
    pub kernel_calls: u64,
    /// Unimplemented exports called: (library, ordinal) -> (name, calls).
    pub unimplemented: BTreeMap<(String, u16), (String, u64)>,
    pub threads_created: u64,
}

pub struct State {
    pub objects: Objects,
    pub threads: BTreeMap<Tid, Thread>,
    next_tid: Tid,
    pub main_tid: Tid,
    ready: [VecDeque<Tid>; HW_THREADS],
    deadlines: BinaryHeap<Reverse<(u64, Deadline)>>,
    next_seq: u64,
    pub clock: Clock,
    pub arena: Arena,
    /// The virtual memory manager (Nt/Mm allocation, stacks).
    pub vm: Arc<MemoryManager>,
    /// Bitmap of KeTlsAlloc slots in use.
    tls_used: u64,
    pub counters: Counters,
    pub finish: Option<Finish>,
    /// Hardware threads that gained ready work since the scheduler last looked.
    pub notify: u8,
    /// DbgPrint output.
    pub out: Box<dyn std::io::Write + Send>,
    /// Kernel variables by "library!name".
    pub variables: std::collections::HashMap<String, u32>,
    pub time_stamp_bundle: Option<u32>,
    pub audit: crate::audit::HandleAudit,
    /// The export being called (a stable label for audit records).
    pub current_export: &'static str,
    /// The title image (base, size), for telling code addresses in audit stacks.
    pub image: (u32, u32),
    /// The title's XEX system flags (executable privileges).
    pub system_flags: u32,
}

impl State {
    /// A fresh kernel over `vm`'s guest space: claims the stub page and the kernel data window
    /// at the bottom of the system region.
    pub fn new(
        clock: Clock,
        out: Box<dyn std::io::Write + Send>,
        vm: Arc<MemoryManager>,
    ) -> Result<Self, u32> {
        let stubs = vm.allocate_system(STUB_SIZE, PAGE_EXECUTE_READ)?;
        let data = vm.allocate_system(DATA_SIZE, PAGE_READWRITE)?;
        if stubs.base != STUB_BASE || data.base != DATA_BASE {
            // Only a manager that already handed out system memory could do this.
            return Err(STATUS_CONFLICTING_ADDRESSES);
        }
        Ok(Self {
            objects: Objects::default(),
            threads: BTreeMap::new(),
            next_tid: 1,
            main_tid: 0,
            ready: Default::default(),
            deadlines: BinaryHeap::new(),
            next_seq: 1,
            clock,
            arena: Arena::new(DATA_BASE, DATA_BASE + DATA_SIZE),
            vm,
            tls_used: 0,
            counters: Counters::default(),
            finish: None,
            notify: 0,
            out,
            variables: Default::default(),
            time_stamp_bundle: None,
            audit: Default::default(),
            current_export: "",
            image: (0, 0),
            system_flags: 0,
        })
    }

    // ----- objects -----

    /// Creates an object with a guest body (a dispatcher header of `body_size` bytes) and
    /// opens a handle to it.
    pub fn create_object(
        &mut self,
        mem: &Memory,
        kind: Kind,
        signal: i32,
        body_size: u32,
    ) -> Result<(u32, ObjId), u32> {
        let body = self.arena.alloc(mem, body_size.max(16), 16)?;
        let _ = mem.write_u8(body, kind.header_type());
        let _ = mem.write_u32(body + 4, signal as u32);
        let mut obj = Object::new(kind, signal);
        obj.body = body;
        obj.refs = 1;
        let id = self.objects.insert(obj);
        let handle = self.objects.handles.open(id);
        if let Some(o) = self.objects.get_mut(id) {
            o.key = handle;
        }
        Ok((handle, id))
    }

    /// Resolves a handle (or the current-thread pseudo-handle) to an object.
    pub fn object_of(&self, tid: Tid, handle: u32) -> Result<ObjId, u32> {
        if handle == crate::objects::handles_consts::CURRENT_THREAD {
            return self
                .threads
                .get(&tid)
                .map(|t| t.object)
                .ok_or(STATUS_INVALID_HANDLE);
        }
        self.objects
            .handles
            .get(handle)
            .ok_or(STATUS_INVALID_HANDLE)
    }

    pub fn close_handle(&mut self, mem: &Memory, handle: u32) -> u32 {
        let Some(id) = self.objects.handles.close(handle) else {
            return STATUS_INVALID_HANDLE;
        };
        self.release_object(mem, id);
        STATUS_SUCCESS
    }

    pub fn release_object(&mut self, _mem: &Memory, id: ObjId) {
        if let Some(obj) = self.objects.release(id) {
            if obj.body != 0 && !matches!(obj.kind, Kind::Thread { .. }) {
                self.arena.free(obj.body, 16);
            }
        }
    }

    /// Mirrors an object's signal state into its guest header (titles may read it).
    pub fn sync_header(&self, mem: &Memory, id: ObjId) {
        if let Some(o) = self.objects.get(id) {
            if o.body != 0 {
                let _ = mem.write_u32(o.body + 4, o.signal as u32);
            }
        }
    }

    // ----- waits -----

    pub fn next_seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    /// Tries to satisfy `wait` for `tid` right now: returns the status if it is satisfied
    /// (consuming what it acquires).
    fn try_satisfy(&mut self, tid: Tid, wait: &Wait) -> Option<u32> {
        if wait.objects.is_empty() {
            return None;
        }
        if wait.all {
            let ready = wait
                .objects
                .iter()
                .all(|&id| self.objects.get(id).is_some_and(|o| o.available_to(tid)));
            if !ready {
                return None;
            }
            let mut abandoned = false;
            for &id in &wait.objects {
                if let Some(o) = self.objects.get_mut(id) {
                    abandoned |= o.acquire(tid);
                }
            }
            Some(if abandoned {
                STATUS_ABANDONED_WAIT_0
            } else {
                STATUS_WAIT_0
            })
        } else {
            for (i, &id) in wait.objects.iter().enumerate() {
                let Some(o) = self.objects.get_mut(id) else {
                    continue;
                };
                if o.available_to(tid) {
                    let abandoned = o.acquire(tid);
                    let base = if abandoned {
                        STATUS_ABANDONED_WAIT_0
                    } else {
                        STATUS_WAIT_0
                    };
                    return Some(base + i as u32);
                }
            }
            None
        }
    }

    /// Starts a wait for the calling thread. `Some(status)`: satisfied (or timed out) at once;
    /// `None`: the thread is now waiting and the caller must park it.
    pub fn begin_wait(&mut self, mem: &Memory, tid: Tid, mut wait: Wait) -> Option<u32> {
        self.audit_wait(tid, &wait);
        if let Some(status) = self.try_satisfy(tid, &wait) {
            for &id in &wait.objects {
                self.sync_header(mem, id);
            }
            self.audit_wake(tid, &wait, status, WAKE_AT_ONCE);
            return Some(status);
        }
        let now = self.clock.now_100ns();
        if wait.deadline.is_some_and(|d| d <= now) {
            self.audit_wake(tid, &wait, wait.timeout_status, WAKE_TIMEOUT);
            return Some(wait.timeout_status);
        }
        wait.seq = self.next_seq();
        for &id in &wait.objects {
            if let Some(o) = self.objects.get_mut(id) {
                o.waiters.push_back(tid);
            }
        }
        if let Some(d) = wait.deadline {
            self.deadlines
                .push(Reverse((d, Deadline::Wait { tid, seq: wait.seq })));
        }
        if let Some(t) = self.threads.get_mut(&tid) {
            t.wait = Some(wait);
        }
        None
    }

    /// The audit's view of a wait beginning: one record per audited object.
    fn audit_wait(&self, tid: Tid, wait: &Wait) {
        if !audit::enabled() {
            return;
        }
        let timeout = wait
            .deadline
            .map(|d| -(d.saturating_sub(self.clock.now_100ns()) as i64));
        for (&id, &name) in wait.objects.iter().zip(&wait.names) {
            if self.audited(id) {
                let source = Source::export(wait.source);
                audit::on_wait(
                    &self.audit,
                    name,
                    || crate::audit_hooks::site(self, tid, wait.lr, source),
                    wait.alertable,
                    timeout,
                );
            }
        }
    }

    /// The audit's view of a wait ending: a wake record on the object that satisfied it (every
    /// object for wait-all and timeouts).
    fn audit_wake(&self, tid: Tid, wait: &Wait, status: u32, source: Source) {
        if !audit::enabled() {
            return;
        }
        let index = status.wrapping_sub(STATUS_WAIT_0) as usize;
        let abandoned = status.wrapping_sub(STATUS_ABANDONED_WAIT_0) as usize;
        let which: Vec<usize> = if !wait.all && index < wait.objects.len() {
            vec![index]
        } else if !wait.all && abandoned < wait.objects.len() {
            vec![abandoned]
        } else {
            (0..wait.objects.len()).collect()
        };
        for i in which {
            if self.audited(wait.objects[i]) {
                audit::on_wake(
                    &self.audit,
                    wait.names[i],
                    || crate::audit_hooks::site(self, tid, wait.lr, source),
                    status,
                );
            }
        }
    }

    fn audited(&self, id: ObjId) -> bool {
        self.objects
            .get(id)
            .is_some_and(|o| crate::audit_hooks::kind_of(&o.kind).is_some())
    }

    /// Ends `tid`'s wait with `status` in r3 and makes it runnable.
    fn complete_wait(&mut self, tid: Tid, status: u32) {
        let Some(t) = self.threads.get_mut(&tid) else {
            return;
        };
        let Some(wait) = t.wait.take() else {
            return;
        };
        if let Some(ctx) = t.ctx.as_mut() {
            ctx.gpr[3] = u64::from(status);
        }
        let (waiting, suspended) = (t.state == ThreadState::Waiting, t.suspend_count > 0);
        if waiting && suspended {
            t.state = ThreadState::Suspended;
        }
        let source = if status == wait.timeout_status && wait.deadline.is_some() {
            WAKE_TIMEOUT
        } else {
            WAKE_SIGNAL
        };
        self.audit_wake(tid, &wait, status, source);
        for id in wait.objects {
            if let Some(o) = self.objects.get_mut(id) {
                o.waiters.retain(|&w| w != tid);
            }
        }
        if waiting && !suspended {
            self.make_ready(tid);
        }
    }

    /// Called after an object's state changed: wakes every waiter it can now satisfy, in FIFO
    /// order. Returns the threads woken (with their statuses).
    pub fn signalled(&mut self, mem: &Memory, id: ObjId) -> Vec<(Tid, u32)> {
        let mut woken = Vec::new();
        let waiters: Vec<Tid> = match self.objects.get(id) {
            Some(o) => o.waiters.iter().copied().collect(),
            None => return woken,
        };
        for tid in waiters {
            let still = self.objects.get(id).is_some_and(|o| o.available_to(tid));
            if !still {
                // An auto-reset object was consumed; later waiters of a mutant may differ.
                if !matches!(
                    self.objects.get(id).map(|o| &o.kind),
                    Some(Kind::Mutant { .. })
                ) {
                    break;
                }
                continue;
            }
            // Borrow the wait out of the thread (no copy on this path), then put it back for
            // `complete_wait`.
            let Some(wait) = self.threads.get_mut(&tid).and_then(|t| t.wait.take()) else {
                continue;
            };
            let satisfied = self.try_satisfy(tid, &wait);
            if satisfied.is_some() {
                for &o in &wait.objects {
                    self.sync_header(mem, o);
                }
            }
            if let Some(t) = self.threads.get_mut(&tid) {
                t.wait = Some(wait);
            }
            if let Some(status) = satisfied {
                self.complete_wait(tid, status);
                woken.push((tid, status));
            }
        }
        self.sync_header(mem, id);
        woken
    }

    /// Fires deadlines that are due: wait timeouts and timer expiries.
    pub fn process_deadlines(&mut self, mem: &Memory) -> Vec<(Tid, u32)> {
        let now = self.clock.now_100ns();
        let mut woken = Vec::new();
        while let Some(&Reverse((when, what))) = self.deadlines.peek() {
            if when > now {
                break;
            }
            self.deadlines.pop();
            match what {
                Deadline::Wait { tid, seq } => {
                    let current = self
                        .threads
                        .get(&tid)
                        .and_then(|t| t.wait.as_ref())
                        .filter(|w| w.seq == seq)
                        .map(|w| w.timeout_status);
                    if let Some(status) = current {
                        self.complete_wait(tid, status);
                        woken.push((tid, status));
                    }
                }
                Deadline::Timer { obj, generation } => {
                    woken.extend(self.fire_timer(mem, obj, generation, when));
                }
            }
        }
        woken
    }

    fn fire_timer(
        &mut self,
        mem: &Memory,
        id: ObjId,
        generation: u64,
        when: u64,
    ) -> Vec<(Tid, u32)> {
        let period = match self.objects.get_mut(id) {
            Some(Object {
                kind:
                    Kind::Timer {
                        generation: g,
                        period_100ns,
                        armed,
                        ..
                    },
                signal,
                ..
            }) if *g == generation && *armed => {
                *signal = 1;
                if *period_100ns == 0 {
                    *armed = false;
                }
                *period_100ns
            }
            _ => return Vec::new(),
        };
        let key = self.objects.get(id).map_or(0, |o| o.key);
        crate::audit_hooks::signalled(self, key, 0, 0, TIMER_EXPIRY, 0);
        if period > 0 {
            self.deadlines.push(Reverse((
                when + period,
                Deadline::Timer {
                    obj: id,
                    generation,
                },
            )));
        }
        self.signalled(mem, id)
    }

    /// Arms a timer object; returns whether it was armed before.
    pub fn arm_timer(&mut self, id: ObjId, due: u64, period_100ns: u64) -> bool {
        let seq = self.next_seq();
        let Some(Object {
            kind:
                Kind::Timer {
                    generation,
                    period_100ns: p,
                    armed,
                    ..
                },
            signal,
            ..
        }) = self.objects.get_mut(id)
        else {
            return false;
        };
        let was = *armed;
        *generation = seq;
        *p = period_100ns;
        *armed = true;
        *signal = 0;
        self.deadlines.push(Reverse((
            due,
            Deadline::Timer {
                obj: id,
                generation: seq,
            },
        )));
        was
    }

    pub fn cancel_timer(&mut self, id: ObjId) -> bool {
        match self.objects.get_mut(id) {
            Some(Object {
                kind: Kind::Timer {
                    armed, generation, ..
                },
                ..
            }) => {
                *generation = u64::MAX;
                std::mem::take(armed)
            }
            _ => false,
        }
    }

    /// The earliest pending deadline that is still live, if any.
    pub fn next_deadline(&mut self) -> Option<u64> {
        while let Some(&Reverse((when, what))) = self.deadlines.peek() {
            let live = match what {
                Deadline::Wait { tid, seq } => self
                    .threads
                    .get(&tid)
                    .and_then(|t| t.wait.as_ref())
                    .is_some_and(|w| w.seq == seq),
                Deadline::Timer { obj, generation } => matches!(
                    self.objects.get(obj).map(|o| &o.kind),
                    Some(Kind::Timer { generation: g, armed: true, .. }) if *g == generation
                ),
            };
            if live {
                return Some(when);
            }
            self.deadlines.pop();
        }
        None
    }

    // ----- threads -----

    /// Builds a thread's stack, PCR, thread block and TLS array, and its initial registers.
    pub fn create_thread(&mut self, mem: &Memory, start: ThreadStart) -> Result<(Tid, u32), u32> {
        let stack_size = start.stack_size.clamp(16 * 1024, 64 * 1024 * 1024);
        let stack_size = stack_size.div_ceil(0x1000) * 0x1000;
        let stack_base = self.vm.allocate_system(stack_size, PAGE_READWRITE)?.base;
        let pcr_addr = self.arena.alloc(mem, pcr::SIZE, 0x1000)?;
        let kt = self.arena.alloc(mem, kthread::SIZE, 16)?;
        let tls = self.arena.alloc(mem, TLS_SLOTS * 4, 16)?;
        let tid = self.next_tid;
        self.next_tid += 1;
        let top = stack_base + stack_size;
        let w = |a: u32, v: u32| {
            let _ = mem.write_u32(a, v);
        };
        w(pcr_addr + pcr::TLS_PTR, tls);
        w(pcr_addr + pcr::SELF_PTR, pcr_addr);
        w(pcr_addr + pcr::STACK_BASE, top);
        w(pcr_addr + pcr::STACK_LIMIT, stack_base);
        w(pcr_addr + pcr::CURRENT_THREAD, kt);
        let _ = mem.write_u8(pcr_addr + pcr::CURRENT_CPU, start.hw);
        let _ = mem.write_u8(kt, 6);
        w(kt + kthread::STACK_BASE, top);
        w(kt + kthread::STACK_LIMIT, stack_base);
        w(kt + kthread::TLS_ADDRESS, tls);
        w(kt + kthread::THREAD_ID, tid);

        let mut ctx = Box::new(Context::default());
        ctx.pc = start.entry;
        ctx.gpr[1] = u64::from(top - 0x80);
        ctx.gpr[3] = start.r3;
        ctx.gpr[4] = start.r4;
        ctx.gpr[13] = u64::from(pcr_addr);
        ctx.lr = u64::from(start.return_to);
        ctx.msr = 0;
        ctx.vscr = 0x0001_0000;

        let mut obj = Object::new(Kind::Thread { tid }, 0);
        obj.body = kt;
        obj.refs = 2; // the handle and the running thread itself
        let object = self.objects.insert(obj);
        let handle = self.objects.handles.open(object);
        if let Some(o) = self.objects.get_mut(object) {
            o.key = handle;
        }
        let thread = Thread {
            tid,
            object,
            ctx: Some(ctx),
            state: ThreadState::Suspended,
            hw: start.hw,
            affinity: 1 << start.hw,
            priority: 0,
            suspend_count: u32::from(start.suspended),
            wait: None,
            exit_code: 0,
            stack_base,
            stack_size,
            pcr: pcr_addr,
            kthread: kt,
            tls,
            instructions: 0,
            last_pc: start.entry,
            last_lr: start.return_to,
        };
        self.threads.insert(tid, thread);
        self.counters.threads_created += 1;
        if !start.suspended {
            self.make_ready(tid);
        }
        Ok((tid, handle))
    }

    pub fn make_ready(&mut self, tid: Tid) {
        if let Some(t) = self.threads.get_mut(&tid) {
            t.state = ThreadState::Ready;
            let hw = t.hw as usize;
            self.ready[hw].push_back(tid);
            self.notify |= 1 << hw;
        }
    }

    /// Takes the next ready thread for hardware thread `hw`: the highest priority, FIFO among
    /// equals. Its PCR then names `hw` as the current processor.
    pub fn pick_on(&mut self, mem: &Memory, hw: usize) -> Option<(Tid, Box<Context>)> {
        let picked = self.pick(hw)?;
        if let Some(t) = self.threads.get(&picked.0) {
            let _ = mem.write_u8(t.pcr + pcr::CURRENT_CPU, hw as u8);
        }
        Some(picked)
    }

    fn pick(&mut self, hw: usize) -> Option<(Tid, Box<Context>)> {
        let q = &mut self.ready[hw];
        // Drop stale entries (threads that moved, were suspended or terminated meanwhile).
        q.retain(|tid| {
            self.threads
                .get(tid)
                .is_some_and(|t| t.state == ThreadState::Ready && t.hw as usize == hw)
        });
        let best = q
            .iter()
            .enumerate()
            .max_by_key(|(i, tid)| (self.threads[tid].priority, Reverse(*i)))
            .map(|(i, _)| i)?;
        let tid = q.remove(best)?;
        let t = self.threads.get_mut(&tid)?;
        t.state = ThreadState::Running(hw as u8);
        let ctx = t.ctx.take()?;
        Some((tid, ctx))
    }

    /// Returns a thread that used up its timeslice (or yielded) to its run queue.
    pub fn preempt(&mut self, tid: Tid, ctx: Box<Context>) {
        let Some(t) = self.threads.get_mut(&tid) else {
            return;
        };
        t.last_pc = ctx.pc;
        t.last_lr = ctx.lr as u32;
        t.ctx = Some(ctx);
        if t.suspend_count > 0 {
            t.state = ThreadState::Suspended;
        } else {
            self.make_ready(tid);
        }
    }

    /// Parks a thread whose wait began in an export.
    pub fn park(&mut self, tid: Tid, ctx: Box<Context>) {
        if let Some(t) = self.threads.get_mut(&tid) {
            t.last_pc = ctx.pc;
            t.last_lr = ctx.lr as u32;
            t.ctx = Some(ctx);
            t.state = ThreadState::Waiting;
        }
    }

    /// Ends a thread: signals its object, abandons the mutants it owns, and finishes the run
    /// when it was the last one.
    pub fn terminate(&mut self, mem: &Memory, tid: Tid, code: u32, ctx: Option<Box<Context>>) {
        let Some(t) = self.threads.get_mut(&tid) else {
            return;
        };
        if let Some(ctx) = &ctx {
            t.last_pc = ctx.pc;
            t.last_lr = ctx.lr as u32;
        }
        t.state = ThreadState::Terminated;
        t.exit_code = code;
        t.ctx = ctx;
        let object = t.object;
        if let Some(o) = self.objects.get_mut(object) {
            o.signal = 1;
        }
        let key = self.objects.get(object).map_or(0, |o| o.key);
        crate::audit_hooks::signalled(self, key, tid, 0, THREAD_EXIT, 0);
        self.signalled(mem, object);
        let owned: Vec<ObjId> = self
            .objects
            .iter()
            .filter(|(_, o)| matches!(o.kind, Kind::Mutant { owner: Some(w), .. } if w == tid))
            .map(|(id, _)| id)
            .collect();
        for id in owned {
            if let Some(o) = self.objects.get_mut(id) {
                o.kind = Kind::Mutant {
                    owner: None,
                    recursion: 0,
                    abandoned: true,
                };
                o.signal = 1;
            }
            let key = self.objects.get(id).map_or(0, |o| o.key);
            crate::audit_hooks::signalled(self, key, tid, 0, MUTANT_ABANDONED, 0);
            self.signalled(mem, id);
        }
        self.release_object(mem, object);
        if self
            .threads
            .values()
            .all(|t| t.state == ThreadState::Terminated)
        {
            let code = self
                .threads
                .get(&self.main_tid)
                .map_or(code, |t| t.exit_code);
            self.finish.get_or_insert(Finish::Exited(code));
        }
    }

    /// True when no thread can ever run again: none ready or running, and no deadline that
    /// could wake one.
    pub fn deadlocked(&mut self) -> bool {
        let stuck = self.threads.values().all(|t| {
            matches!(
                t.state,
                ThreadState::Waiting | ThreadState::Suspended | ThreadState::Terminated
            )
        });
        let any_live = self
            .threads
            .values()
            .any(|t| t.state != ThreadState::Terminated);
        stuck && any_live && self.next_deadline().is_none()
    }

    pub fn any_runnable(&self) -> bool {
        self.threads
            .values()
            .any(|t| matches!(t.state, ThreadState::Ready | ThreadState::Running(_)))
    }

    /// Moves a thread to another hardware thread (KeSetAffinityThread).
    pub fn set_affinity(&mut self, tid: Tid, mask: u8) -> Option<u8> {
        let t = self.threads.get_mut(&tid)?;
        let old = t.affinity;
        let mask = mask & 0x3F;
        if mask == 0 {
            return Some(old);
        }
        t.affinity = mask;
        t.hw = mask.trailing_zeros() as u8;
        if t.state == ThreadState::Ready {
            // Requeue on the new hardware thread; the stale entry is skipped by `pick`.
            self.make_ready(tid);
        }
        Some(old)
    }

    pub fn tls_alloc(&mut self) -> Option<u32> {
        let free = (!self.tls_used).trailing_zeros();
        if free >= TLS_SLOTS {
            return None;
        }
        self.tls_used |= 1 << free;
        Some(free)
    }

    pub fn tls_free(&mut self, slot: u32) -> bool {
        if slot >= TLS_SLOTS || self.tls_used & (1 << slot) == 0 {
            return false;
        }
        self.tls_used &= !(1 << slot);
        true
    }

    pub fn tls_in_use(&self, slot: u32) -> bool {
        slot < TLS_SLOTS && self.tls_used & (1 << slot) != 0
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
