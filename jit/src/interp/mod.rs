//! The reference interpreter: the definition of what every instruction does.
//!
//! `step` executes one instruction with exact architectural effects. An instruction that
//! cannot complete (a fault, an invalid encoding) leaves the context as it was before it,
//! with `pc` pointing at it, so every exit is precise.

pub mod branch;
pub mod fpu;
pub mod integer;
pub mod loadstore;
pub mod system;
pub mod vector;

use crate::isa::{decode, Insn, Op};
use crate::memory::{AccessKind, Fault};
use crate::{Context, Memory};

/// Why execution returned to the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// `pc` reached the caller's stop address.
    Stopped,
    /// The instruction budget ran out.
    BudgetExhausted,
    /// `sc` executed (with its LEV field); `pc` is the following instruction.
    Syscall { lev: u32 },
    /// A trap instruction's condition held; `pc` is the trap.
    Trap { word: u32 },
    /// A load, store or fetch touched an unmapped or protected page; `pc` is the instruction.
    Fault(Fault),
    /// The word at `pc` is not a Xenon instruction (or not one this backend executes).
    Invalid { word: u32 },
    /// The floating-point instruction at `pc` left FPSCR[FEX] set while MSR[FE0] or
    /// MSR[FE1] is (a floating-point enabled exception program interrupt). The instruction
    /// has updated FPSCR and, as its exception allows, FRT; it did not retire.
    FpEnabled,
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Stopped => f.write_str("reached the stop address"),
            Exit::BudgetExhausted => f.write_str("instruction budget exhausted"),
            Exit::Syscall { lev } => write!(f, "system call (LEV={lev})"),
            Exit::Trap { word } => write!(f, "trap ({word:#010x})"),
            Exit::Fault(fault) => write!(f, "{fault}"),
            Exit::Invalid { word } => {
                write!(f, "invalid or unimplemented instruction {word:#010x}")
            }
            Exit::FpEnabled => f.write_str("enabled floating-point exception"),
        }
    }
}

impl From<Fault> for Exit {
    fn from(f: Fault) -> Self {
        Exit::Fault(f)
    }
}

/// Limits of a `run` call.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// At most this many instructions retire.
    pub max_instructions: u64,
    /// Execution stops (before fetching) when `pc` equals this address.
    pub stop_at: Option<u32>,
}

/// Result of a family's `exec`: `Ok` means the instruction retired.
pub type ExecResult = Result<(), Exit>;

/// Effective address: (RA|0) + displacement, truncated to 32 bits as on the Xenon in both modes.
#[inline]
pub fn ea_disp(ctx: &Context, ra: usize, disp: i64) -> u32 {
    let base = if ra == 0 { 0 } else { ctx.gpr[ra] };
    base.wrapping_add(disp as u64) as u32
}

/// Effective address of X-form accesses: (RA|0) + RB, truncated to 32 bits.
#[inline]
pub fn ea_indexed(ctx: &Context, ra: usize, rb: usize) -> u32 {
    let base = if ra == 0 { 0 } else { ctx.gpr[ra] };
    base.wrapping_add(ctx.gpr[rb]) as u32
}

/// Executes the instruction at `ctx.pc`.
pub fn step(ctx: &mut Context, mem: &Memory) -> ExecResult {
    let pc = ctx.pc;
    let word = mem.fetch(pc).map_err(|f| {
        Exit::Fault(Fault {
            kind: AccessKind::Fetch,
            ..f
        })
    })?;
    let Some(d) = decode(word) else {
        return Err(Exit::Invalid { word });
    };
    ctx.pc = pc.wrapping_add(4);
    let r = execute(d.op(), d.insn, pc, ctx, mem);
    if let Err(e) = r {
        // Syscalls complete (pc past `sc`); everything else is reported at the instruction.
        if !matches!(e, Exit::Syscall { .. }) {
            ctx.pc = pc;
        }
    }
    r
}

/// Dispatches one decoded instruction to its family.
#[inline]
pub fn execute(op: Op, insn: Insn, pc: u32, ctx: &mut Context, mem: &Memory) -> ExecResult {
    match op {
        Op::Integer(o) => integer::exec(o, insn, ctx),
        Op::Branch(o) => branch::exec(o, insn, pc, ctx),
        Op::LoadStore(o) => loadstore::exec(o, insn, ctx, mem),
        Op::Fpu(o) => {
            fpu::exec(o, insn, ctx)?;
            if ctx.fp_exceptions_precise() && fpu::sets_fex(o) && ctx.fpscr & fpu::fpscr::FEX != 0 {
                return Err(Exit::FpEnabled);
            }
            Ok(())
        }
        Op::System(o) => system::exec(o, insn, ctx, mem),
        Op::Vector(o) => vector::exec(o, insn, ctx, mem),
    }
}

/// Runs until an exit; returns it with the number of instructions retired.
pub fn run(ctx: &mut Context, mem: &Memory, limits: Limits) -> (Exit, u64) {
    let mut retired = 0u64;
    loop {
        if limits.stop_at == Some(ctx.pc) {
            return (Exit::Stopped, retired);
        }
        if retired >= limits.max_instructions {
            return (Exit::BudgetExhausted, retired);
        }
        match step(ctx, mem) {
            Ok(()) => retired += 1,
            Err(e @ Exit::Syscall { .. }) => return (e, retired + 1),
            Err(e) => return (e, retired),
        }
    }
}
