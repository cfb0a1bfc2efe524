//! Guest threads: their saved context, scheduling state, and the guest-visible structures the
//! kernel builds for each (stack, PCR at r13, thread block, TLS slot array).

use crate::objects::{ObjId, Tid};
use oxenon_jit::Context;

/// Hardware threads of the Xenon: three cores, two threads each.
pub const HW_THREADS: usize = 6;
/// Dynamic TLS slots (KeTlsAlloc) per thread.
pub const TLS_SLOTS: u32 = 64;

/// Offsets in the PCR (processor control region) that titles read through r13.
pub mod pcr {
    pub const SIZE: u32 = 0x1000;
    pub const TLS_PTR: u32 = 0x00;
    pub const SELF_PTR: u32 = 0x30;
    pub const STACK_BASE: u32 = 0x70;
    pub const STACK_LIMIT: u32 = 0x74;
    pub const CURRENT_THREAD: u32 = 0x100;
    pub const CURRENT_CPU: u32 = 0x10C;
}

/// The thread block (KTHREAD) the kernel allocates per thread; titles see its dispatcher
/// header (type 6) and reach it through PCR+0x100 and ObReferenceObjectByHandle.
pub mod kthread {
    pub const SIZE: u32 = 0xAB0;
    pub const STACK_BASE: u32 = 0x5C;
    pub const STACK_LIMIT: u32 = 0x60;
    pub const TLS_ADDRESS: u32 = 0x68;
    pub const THREAD_ID: u32 = 0x14C;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThreadState {
    Ready,
    Running(u8),
    Waiting,
    Suspended,
    Terminated,
}

impl ThreadState {
    pub fn label(self) -> &'static str {
        match self {
            ThreadState::Ready => "ready",
            ThreadState::Running(_) => "running",
            ThreadState::Waiting => "waiting",
            ThreadState::Suspended => "suspended",
            ThreadState::Terminated => "terminated",
        }
    }
}

/// What a waiting thread waits for.
#[derive(Clone, Debug)]
pub struct Wait {
    pub objects: Vec<ObjId>,
    /// The guest handles (or body addresses) the title passed, for the dump.
    pub names: Vec<u32>,
    pub all: bool,
    pub alertable: bool,
    /// Deadline on the kernel clock (100 ns units), if the wait has a timeout.
    pub deadline: Option<u64>,
    /// Status returned on timeout (STATUS_TIMEOUT; STATUS_SUCCESS for a delay).
    pub timeout_status: u32,
    /// Distinguishes this wait from later ones in the deadline queue.
    pub seq: u64,
    /// The export that parked the thread, and the guest caller's LR.
    pub source: &'static str,
    pub lr: u32,
}

pub struct Thread {
    pub tid: Tid,
    /// The thread object (signalled on exit).
    pub object: ObjId,
    /// Saved registers while the thread is not running.
    pub ctx: Option<Box<Context>>,
    pub state: ThreadState,
    /// The hardware thread it runs on (its affinity's lowest bit).
    pub hw: u8,
    pub affinity: u8,
    pub priority: i32,
    pub suspend_count: u32,
    pub wait: Option<Wait>,
    pub exit_code: u32,
    pub stack_base: u32,
    pub stack_size: u32,
    pub pcr: u32,
    pub kthread: u32,
    pub tls: u32,
    pub instructions: u64,
    /// Last PC and LR observed when the thread left the CPU (for the dump).
    pub last_pc: u32,
    pub last_lr: u32,
}

impl Thread {
    pub fn runnable(&self) -> bool {
        self.state == ThreadState::Ready
    }
}
