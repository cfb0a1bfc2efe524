//! Running a title: six hardware-thread workers (or one lockstep loop), guest threads
//! scheduled onto them, kernel calls dispatched between slices.
//!
//! A worker owns a CPU backend and runs one guest thread at a time for at most a quantum of
//! instructions. Kernel calls are system calls at kernel stubs: the worker takes the kernel
//! lock, runs the export, and either continues the thread, parks it (a wait that cannot be
//! satisfied yet: the worker then runs another ready thread or sleeps), or ends it. No lock
//! is held while guest code runs, and no export ever sleeps on the host.

mod dump;
mod lockstep;
mod workers;

pub use dump::{finish_text, thread_dump};

use crate::arena::{STUB_BASE, STUB_SIZE};
use crate::clock::Clock;
use crate::cpu::Backend;
use crate::exports::{Call, Outcome};
use crate::loader::{self, LoadError, Loaded, Stub};
use crate::memory::MemoryManager;
use crate::objects::Tid;
use crate::state::{Finish, State, ThreadStart};
use crate::status::STATUS_NOT_IMPLEMENTED;
use crate::xex::Xex;
use oxenon_jit::interp::Exit;
use oxenon_jit::jit::JitStats;
use oxenon_jit::{Context, Memory};
use parking_lot::{Condvar, Mutex};
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How a run is configured.
#[derive(Clone, Debug)]
pub struct Config {
    pub backend: Backend,
    /// All hardware threads on one host thread with fixed quanta: bit-identical runs.
    pub lockstep: bool,
    /// An unimplemented export ends the run instead of returning a failure status.
    pub strict: bool,
    /// Stop after this many instructions in total.
    pub max_instructions: Option<u64>,
    /// Instructions a guest thread runs before its hardware thread may switch.
    pub quantum: u64,
    /// Block entries before the JIT compiles code (`--jit-hot`).
    pub jit_hot: u32,
    /// Record the handle audit (`--trace-handles`).
    pub trace_handles: bool,
    /// Handles the audit reports in detail (`--trace-handles-focus`); implies tracing.
    pub focus: Vec<u32>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            backend: Backend::Jit,
            lockstep: false,
            strict: false,
            max_instructions: None,
            quantum: 50_000,
            jit_hot: 32,
            trace_handles: false,
            focus: Vec::new(),
        }
    }
}

/// The console's 512 MiB of RAM, seen through the physical views.
const PHYSICAL_MEMORY: u32 = 512 << 20;

#[derive(Debug, thiserror::Error)]
pub enum KernelError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("cannot reserve guest memory: {0}")]
    Memory(String),
    #[error("cannot set up the kernel or the main thread (status {0:#010x})")]
    MainThread(u32),
    #[error("the JIT could not start: {0}")]
    Jit(#[from] oxenon_jit::jit::JitError),
}

/// The end of a run.
#[derive(Debug)]
pub struct Report {
    pub finish: Finish,
    pub instructions: u64,
    pub kernel_calls: u64,
    pub threads_created: u64,
    pub unimplemented: Vec<(String, u16, String, u64)>,
    pub wall: Duration,
    pub jit: Option<JitStats>,
    /// The thread dump, for deadlocks, crashes and interrupts.
    pub dump: Option<String>,
}

pub struct Kernel {
    pub mem: Arc<Memory>,
    pub state: Mutex<State>,
    wake: [Condvar; crate::threads::HW_THREADS],
    stubs: Vec<Stub>,
    pub config: Config,
    retired: AtomicU64,
    /// Set by Ctrl-C handlers; checked at every scheduling point.
    pub interrupt: Arc<AtomicBool>,
    warned: Mutex<HashSet<usize>>,
    pub loaded: Loaded,
}

impl Kernel {
    /// Loads `xex` into a fresh guest space and creates its main thread on hardware thread 0.
    pub fn boot(
        xex: &Xex,
        config: Config,
        out: Box<dyn std::io::Write + Send>,
    ) -> Result<Self, KernelError> {
        let mem = Arc::new(
            Memory::with_physical(PHYSICAL_MEMORY)
                .map_err(|e| KernelError::Memory(e.to_string()))?,
        );
        let vm = Arc::new(MemoryManager::new(mem.clone()));
        let clock = if config.lockstep {
            Clock::virtual_clock()
        } else {
            Clock::host()
        };
        let mut st = State::new(clock, out, vm).map_err(KernelError::MainThread)?;
        let tracing = config.trace_handles || !config.focus.is_empty();
        crate::audit::set_enabled(tracing);
        st.audit.set_focus(config.focus.iter().copied());
        let loaded = loader::load(&mem, xex, &mut st)?;
        st.image = (loaded.base, loaded.size);
        st.system_flags = xex.headers.info.system_flags.unwrap_or(0);
        let (tid, _handle) = st
            .create_thread(
                &mem,
                ThreadStart {
                    entry: loaded.entry,
                    r3: 0,
                    r4: 0,
                    stack_size: loaded.stack_size,
                    hw: 0,
                    suspended: false,
                    return_to: loader::THREAD_EXIT_STUB,
                },
            )
            .map_err(KernelError::MainThread)?;
        st.main_tid = tid;
        if let Some(id) = st.threads.get(&tid).map(|t| t.object) {
            let handle = st.objects.get(id).map_or(0, |o| o.key);
            let source = crate::audit::Source::internal("title start");
            let by = crate::audit_hooks::Caller {
                tid: 0,
                sp: 0,
                lr: 0,
            };
            crate::audit_hooks::created(&st, &mem, id, handle, by, source);
        }
        Ok(Self {
            mem,
            state: Mutex::new(st),
            wake: Default::default(),
            stubs: loaded.stubs.clone(),
            config,
            retired: AtomicU64::new(0),
            interrupt: Arc::new(AtomicBool::new(false)),
            warned: Mutex::new(HashSet::new()),
            loaded,
        })
    }

    /// Runs the title to its end (exit, deadlock, crash, limit or interrupt).
    pub fn run(&self) -> Result<Report, KernelError> {
        let started = Instant::now();
        let jit = if self.config.lockstep {
            lockstep::run(self)?
        } else {
            workers::run(self)?
        };
        let mut st = self.state.lock();
        let finish = st.finish.clone().unwrap_or(Finish::Interrupted);
        let mut dump = match finish {
            Finish::Exited(_) => None,
            _ => Some(thread_dump(&mut st, &self.mem)),
        };
        let audit = crate::audit_hooks::dump(&st);
        if !audit.is_empty() {
            dump = Some(dump.unwrap_or_default() + &audit);
        }
        Ok(Report {
            finish,
            instructions: self.retired.load(Ordering::Relaxed),
            kernel_calls: st.counters.kernel_calls,
            threads_created: st.counters.threads_created,
            unimplemented: st
                .counters
                .unimplemented
                .iter()
                .map(|((lib, ord), (name, n))| (lib.clone(), *ord, name.clone(), *n))
                .collect(),
            wall: started.elapsed(),
            jit,
            dump,
        })
    }

    pub fn instructions(&self) -> u64 {
        self.retired.load(Ordering::Relaxed)
    }

    /// How many instructions the next slice may run: the quantum, or what the limit leaves.
    fn slice_budget(&self) -> u64 {
        let q = self.config.quantum;
        match self.config.max_instructions {
            Some(max) => q.min(max.saturating_sub(self.retired.load(Ordering::Relaxed))),
            None => q,
        }
    }

    fn notify(&self, st: &mut State) {
        let mask = std::mem::take(&mut st.notify);
        for hw in 0..crate::threads::HW_THREADS {
            if mask & (1 << hw) != 0 {
                self.wake[hw].notify_one();
            }
        }
    }

    fn notify_all(&self) {
        for c in &self.wake {
            c.notify_all();
        }
    }

    fn finish(&self, st: &mut State, why: Finish) {
        st.finish.get_or_insert(why);
        self.notify_all();
    }

    /// Handles what stopped a thread's slice. Returns the context when the same thread keeps
    /// the CPU; `None` when it was parked, preempted or ended (its context is stored).
    fn after_slice(
        &self,
        st: &mut State,
        hw: usize,
        tid: Tid,
        mut ctx: Box<Context>,
        exit: Exit,
        quantum_left: bool,
    ) -> Option<Box<Context>> {
        match exit {
            Exit::Syscall { .. } => self.kernel_call(st, hw, tid, ctx),
            Exit::BudgetExhausted if quantum_left => Some(ctx),
            Exit::BudgetExhausted | Exit::Stopped => {
                st.preempt(tid, ctx);
                None
            }
            // The program interrupts a title cannot handle (the kernel's MSR keeps FE0 and
            // FE1 clear, so FpEnabled comes only from a context that set them).
            Exit::Fault(_) | Exit::Trap { .. } | Exit::Invalid { .. } | Exit::FpEnabled => {
                let word = self.mem.fetch(ctx.pc).ok();
                let text = word
                    .map(|w| oxenon_jit::isa::disassemble(w, ctx.pc))
                    .unwrap_or_else(|| "?".into());
                let why = format!(
                    "thread {tid} on hardware thread {hw}: {exit} at pc {:#010x} ({text}), lr {:#010x}",
                    ctx.pc, ctx.lr as u32
                );
                ctx.timebase = st.clock.timebase();
                st.park(tid, ctx);
                if let Some(t) = st.threads.get_mut(&tid) {
                    t.state = crate::threads::ThreadState::Suspended;
                }
                self.finish(st, Finish::Crashed(why));
                None
            }
        }
    }

    /// A system call: an export (or the thread-exit stub) if `pc` follows a kernel stub.
    fn kernel_call(
        &self,
        st: &mut State,
        hw: usize,
        tid: Tid,
        mut ctx: Box<Context>,
    ) -> Option<Box<Context>> {
        let at = ctx.pc.wrapping_sub(4);
        let index = at.wrapping_sub(STUB_BASE) / 8;
        let is_stub = (STUB_BASE..STUB_BASE + STUB_SIZE).contains(&at)
            && at.is_multiple_of(8)
            && (index as usize) < self.stubs.len();
        if !is_stub {
            let why = format!(
                "thread {tid}: system call at {at:#010x} outside the kernel's stubs (lr {:#010x})",
                ctx.lr as u32
            );
            st.park(tid, ctx);
            self.finish(st, Finish::Crashed(why));
            return None;
        }
        if index == 0 {
            let code = ctx.gpr[3] as u32;
            st.terminate(&self.mem, tid, code, Some(ctx));
            self.notify(st);
            if st.finish.is_some() {
                self.notify_all();
            }
            return None;
        }
        st.counters.kernel_calls += 1;
        let stub = &self.stubs[index as usize];
        let Some(f) = stub.f else {
            return self.unimplemented(st, tid, index as usize, ctx);
        };
        st.current_export = stub.export_name;
        let outcome = {
            let mut call = Call {
                ctx: &mut ctx,
                mem: &self.mem,
                st,
                tid,
                hw,
            };
            f(&mut call)
        };
        crate::variables::refresh_time(&self.mem, st);
        ctx.timebase = st.clock.timebase();
        let next = match outcome {
            Outcome::Return(v) => {
                ctx.gpr[3] = v;
                Some(ctx)
            }
            Outcome::Block => {
                st.park(tid, ctx);
                None
            }
            Outcome::Yield => {
                st.preempt(tid, ctx);
                None
            }
            Outcome::ExitThread(code) => {
                st.terminate(&self.mem, tid, code, Some(ctx));
                None
            }
            Outcome::Fatal(why) => {
                st.park(tid, ctx);
                self.finish(st, Finish::Crashed(why));
                None
            }
        };
        self.notify(st);
        if st.finish.is_some() {
            self.notify_all();
        }
        // A thread told to suspend itself or moved to another hardware thread leaves now.
        match next {
            Some(ctx)
                if st
                    .threads
                    .get(&tid)
                    .is_some_and(|t| t.suspend_count > 0 || t.hw as usize != hw) =>
            {
                st.preempt(tid, ctx);
                None
            }
            other => other,
        }
    }

    fn unimplemented(
        &self,
        st: &mut State,
        tid: Tid,
        index: usize,
        mut ctx: Box<Context>,
    ) -> Option<Box<Context>> {
        let stub = &self.stubs[index];
        let lr = ctx.lr as u32;
        let entry = st
            .counters
            .unimplemented
            .entry((stub.library.clone(), stub.ordinal))
            .or_insert_with(|| (stub.name.clone(), 0));
        entry.1 += 1;
        if self.warned.lock().insert(index) {
            tracing::warn!(
                "unimplemented export {} ({} ordinal {:#x}) called from {lr:#010x}",
                stub.name,
                stub.library,
                stub.ordinal
            );
        }
        if self.config.strict {
            let why = format!(
                "--strict: unimplemented export {} ({} ordinal {:#x}) called by thread {tid} from {lr:#010x}",
                stub.name, stub.library, stub.ordinal
            );
            st.park(tid, ctx);
            self.finish(st, Finish::Crashed(why));
            return None;
        }
        ctx.gpr[3] = u64::from(STATUS_NOT_IMPLEMENTED);
        Some(ctx)
    }
}
