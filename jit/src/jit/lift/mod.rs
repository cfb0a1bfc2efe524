//! Lifting decoded PowerPC instructions to Cranelift IR.
//!
//! The lifter talks to its `Environment` (link cells for direct branches, the address of the
//! interpreter fallback) and never to the kernel. Guest registers live in Cranelift variables:
//! loaded from the context on first use, and stored back at the end of the guest block that
//! changed them. So the context is exact at every block boundary, an exit in the middle of a
//! block stores only what that block changed, and a variable stays live only as long as code
//! reads it; a register stays in its variable from block to block (a loop keeps it in a host
//! register) wherever every path into the block leaves it there (`Plan`). One module per
//! instruction family lifts what it can natively; anything else is executed by the reference
//! interpreter through a call, so every instruction the interpreter knows also works here.

mod branch;
mod cr;
mod fpu;
pub(crate) use fpu::settle_fpscr;
mod integer;
mod lazy_cr;
pub use lazy_cr::{apply as apply_lazy_cr, LazyCr};
mod loadstore;
mod system;
mod vector;

#[cfg(test)]
pub(super) use fpu::SETTLE_CALLS;

use super::runtime::{Runtime, EXIT_BUDGET, EXIT_PENDING};
use super::twins::{Other, Twins};
use crate::isa::system::SysOp;
use crate::isa::{Decoded, Op};
use crate::Context;
use cranelift_codegen::ir::{
    condcodes::IntCC, types, AbiParam, Block, BlockArg, InstBuilder, MemFlagsData, Opcode, SigRef,
    Signature, SourceLoc, Type, Value, ValueDef,
};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, Variable};
use std::collections::{HashMap, HashSet};
use std::mem::offset_of;
use std::sync::atomic::AtomicPtr;

/// Most entries of the jump table an indirect branch dispatches through inside a unit (one
/// per instruction word between its lowest and highest known target).
const MAX_JUMP_TABLE: usize = 4096;
/// Entries up to which a `br_table` is indexed by bytes rather than words (4 KiB of offsets).
const MAX_BYTE_TABLE: usize = 1024;
/// Table entries per target beyond which targets are told apart by compares instead.
const SPARSEST: usize = 16;

/// About the most instructions a unit runs between two budget checks: when less budget is
/// left, the dispatcher interprets up to this many (once per time slice of a guest thread).
pub(super) const BUDGET_SPAN: u32 = 64;

/// What the lifter needs from the engine around it.
pub trait Environment {
    /// The cell generated code reads to find the host code of the unit at `target` (null
    /// until that unit is compiled); its address must stay valid as long as the code lives.
    fn link_cell(&mut self, target: u32) -> *const AtomicPtr<u8>;
    /// Host address of `runtime::interp_one`.
    fn fallback(&self) -> *const u8;
    /// Base of the page-permission table (one byte per 4 KiB guest page).
    fn perms(&self) -> *const u8;
    /// Base of the indirect-branch table (`runtime::FastEntry`s); fixed for the engine's life.
    fn fast_table(&self) -> *const u8;
    /// Host page protection catches forbidden guest accesses (`memory::hostfault`): accesses
    /// need no inline check, only the context made exact before them.
    fn host_faults(&self) -> bool;
    /// The FP arithmetic instruction at `pc` has its full path (any FPSCR state) inline;
    /// otherwise it leaves the unit through the interpreter outside the quick state and
    /// reports the miss (`Runtime::fp_miss`). Always true without `host_faults`.
    fn fp_full_path(&self, pc: u32) -> bool;
    /// Whether the `bcctr` at `site` still reports targets the unit does not hold to the
    /// dispatcher (`Runtime::indirect_site`), which learns them and compiles the unit again;
    /// once false, such targets go through the indirect-branch table.
    fn indirect_learning(&self, site: u32) -> bool;
    /// Host bytes from the context to guest address 0 when the context the unit runs with
    /// sits at a fixed place below guest memory (`Memory::claim_context_slot`): guest
    /// accesses then address `ctx + distance + EA`, the runtime is at `ctx +
    /// RUNTIME_IN_SLOT`, and neither needs a register. `None`: both come as the unit's
    /// parameters.
    fn context_offset(&self) -> Option<i32>;
    /// What the base register of the `switch` closing at `site` (`block::TableSwitch`) held
    /// when the dispatcher learned its targets.
    fn table_base(&self, site: u32) -> Option<u64>;
    /// Whether a unit may check the base of the `switch` at `site` once, at its entry, when
    /// none of its blocks writes it (`check_fixed_bases`): false once units were entered
    /// with another base too often (`Runtime::base_miss`).
    fn base_fixed(&self, site: u32) -> bool;
    /// A guest word the unit's code takes as a constant; its page becomes one the unit was
    /// compiled from, so that a write to it (by the loader) or a change of its protection
    /// drops the unit. `None`: not readable, or writable by the guest.
    fn constant_word(&mut self, addr: u32) -> Option<u32>;
    /// Whether the block at `block` may run its final branch's twin arms as one (`twins`):
    /// false once an arm's load there faulted in the host too often where the guest never
    /// made it (`FaultSite::twin`).
    fn twins_allowed(&self, block: u32) -> bool;
}

/// A guest register that can be cached in a variable.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Reg {
    Gpr(usize),
    Fpr(usize),
    Cr,
    Lr,
    Ctr,
    So,
    Ov,
    Ca,
    Fpscr,
    /// A vector register, held as `i8x16` (host lane order: `vector::lanes`).
    Vr(usize),
    /// The value a compared register had when it changed while its CR field was lazy
    /// (`lazy_cr`): operand `k % 2` of field `k / 2`. Kept in `Runtime::cr_shadow`.
    Shadow(usize),
}

const SLOTS: usize = 32 + 32 + 7 + 128 + 16;

impl Reg {
    fn slot(self) -> usize {
        match self {
            Reg::Gpr(n) => n,
            Reg::Fpr(n) => 32 + n,
            Reg::Cr => 64,
            Reg::Lr => 65,
            Reg::Ctr => 66,
            Reg::So => 67,
            Reg::Ov => 68,
            Reg::Ca => 69,
            Reg::Fpscr => 70,
            Reg::Vr(n) => 71 + n,
            Reg::Shadow(k) => 199 + k,
        }
    }
    fn from_slot(s: usize) -> Reg {
        match s {
            0..=31 => Reg::Gpr(s),
            32..=63 => Reg::Fpr(s - 32),
            64 => Reg::Cr,
            65 => Reg::Lr,
            66 => Reg::Ctr,
            67 => Reg::So,
            68 => Reg::Ov,
            69 => Reg::Ca,
            70 => Reg::Fpscr,
            71..=198 => Reg::Vr(s - 71),
            _ => Reg::Shadow(s - 199),
        }
    }
    /// Whether the register lives in `Runtime` rather than in `Context`.
    fn in_runtime(self) -> bool {
        matches!(self, Reg::Shadow(_))
    }

    /// Offset in `Context` (in `Runtime` for `Shadow`) and the type generated code holds it
    /// in. XER bits are bytes in the context but i64 in code, so arithmetic on them needs no
    /// extensions.
    fn location(self) -> (i32, Type, Type) {
        let (off, mem) = match self {
            Reg::Gpr(n) => (offset_of!(Context, gpr) + 8 * n, types::I64),
            // Held as f64 so chains of FP arithmetic stay in the host's FP registers (`get`
            // and `set` convert to and from register bits, which folds away).
            Reg::Fpr(n) => (offset_of!(Context, fpr) + 8 * n, types::F64),
            Reg::Cr => (offset_of!(Context, cr), types::I32),
            Reg::Lr => (offset_of!(Context, lr), types::I64),
            Reg::Ctr => (offset_of!(Context, ctr), types::I64),
            Reg::So => (offset_of!(Context, xer_so), types::I8),
            Reg::Ov => (offset_of!(Context, xer_ov), types::I8),
            Reg::Ca => (offset_of!(Context, xer_ca), types::I8),
            Reg::Fpscr => (offset_of!(Context, fpscr), types::I32),
            Reg::Vr(n) => (offset_of!(Context, vr) + 16 * n, types::I8X16),
            Reg::Shadow(k) => (offset_of!(Runtime, cr_shadow) + 8 * k, types::I64),
        };
        let held = if mem == types::I8 { types::I64 } else { mem };
        (off as i32, mem, held)
    }
}

pub(crate) fn ctx_flags() -> MemFlagsData {
    MemFlagsData::trusted()
}

/// Guest memory access in host byte order (callers swap); may trap only if the permission
/// check was wrong.
pub(crate) fn guest_flags() -> MemFlagsData {
    MemFlagsData::new()
}

pub struct Lifter<'a, 'f> {
    pub b: &'a mut FunctionBuilder<'f>,
    pub env: &'a mut dyn Environment,
    pub ctx: Value,
    pub membase: Value,
    /// The unit's second and third parameters, passed on to the next unit as they came.
    membase_param: Value,
    rt_param: Value,
    pub rt: Value,
    /// MSR[SF] the unit was compiled for.
    pub sf: bool,
    /// The variable of each register, declared on first use and kept for the whole unit.
    vars: [Option<Variable>; SLOTS],
    /// The variable holds the register's value on every path to the code being emitted.
    valid: Slots,
    /// Changed since the current guest block began: stored at its end (or at an exit).
    dirty: [bool; SLOTS],
    unit_sig: SigRef,
    helper_sig: SigRef,
    /// Instructions of the block not yet retired, counting the current one.
    remaining: i64,
    /// The guest block being lifted, and whether an interpreter call in it has made every
    /// variable invalid since it began.
    cur_block: u32,
    killed: bool,
    /// First pass: every jump between blocks of the unit, with what was valid there.
    edges: Vec<Edge>,
    /// Final pass: the registers valid on entry to each block, from the first pass's edges.
    plan: Option<Plan>,
    /// Host blocks of the guest blocks inside the unit, by guest address.
    internal: HashMap<u32, Block>,
    /// Cold exit paths every site of the unit shares (see `Shared`).
    shared: Shared,
    /// Unchecked guest accesses (host faults), indexed by the source location set on each.
    sites: Vec<FaultSite>,
    /// FP instructions lifted without their full path (`Environment::fp_full_path`).
    pub(super) fp_quick_only: Vec<u32>,
    /// The last point of the current block where the context was exact and nothing after
    /// it has touched memory: (pc, instructions of the block not retired there).
    checkpoint: (u32, i64),
    /// Per CR field, the comparison that set it when its bits are not built (see
    /// `lazy_cr`): a `bc` on its LT/GT/EQ bit branches on the comparison itself.
    lazy: [Option<lazy_cr::Lazy>; 8],
    /// First pass: what the current block did that ends a field it inherited lazy.
    kills: lazy_cr::Kills,
    /// Distinct sets of lazy fields fault sites and returns to Rust refer to (boxed: code
    /// holds their addresses); entry 0 is the empty set.
    #[allow(clippy::vec_box)] // boxed so that their addresses, baked into code, never move
    lazy_sets: Vec<Box<LazyCr>>,
    /// The `switch` bases checked at the unit's entry (`check_fixed_bases`): register,
    /// value, the switch's `bcctr`.
    fixed_bases: Vec<(usize, u64, u32)>,
    /// The `bcctr` whose `switch` the current block jumps through by its table with the
    /// base checked at the unit's entry (`table_switch`): its way past the table leaves
    /// through the indirect-branch table rather than into the unit.
    table_only: Option<u32>,
    /// The lazy fields at the current checkpoint, as an index into `lazy_sets`.
    checkpoint_lazy: u32,
    /// FPSCR is known to be summarized here (an FP instruction wrote it since the guest
    /// block began), which lets `fpu` skip recomputing VX and FEX.
    pub fpscr_clean: bool,
    /// FP instructions whose FR/FI/FPRF are computed only if something reads them.
    fp: fpu::FpState,
    /// Targets of the current block's final `bcctr` that are blocks of the unit
    /// (`block::Block::indirect`).
    cur_indirect: Vec<u32>,
    /// The loop heads whose copies the current block's direct branches go to
    /// (`block::Block::to_copies`).
    cur_to_copies: Vec<u32>,
    /// Whether the current block's final `bcctr` learns its targets (`block::Block::learns`).
    pub(super) cur_learns: bool,
    /// Where the budget is checked and what each block starts having taken from it
    /// (`block::budget_checks`).
    budget_plan: super::block::BudgetPlan,
    /// Instructions counted against the budget that the budget register does not reflect
    /// yet (`block::BudgetPlan::taken`), a compile-time constant at every point.
    taken: i64,
    /// First pass: what the current block has read and overwritten so far while nothing
    /// could observe the context (`Prefix`); None once something could.
    prefix: Option<Prefix>,
    /// First pass: per block, the GPRs and CR shadows its prefix overwrites without reading
    /// (`Prefix`).
    prefix_kills: HashMap<u32, Slots>,
    /// First pass: per block, the CR fields its prefix sets (`Prefix::fields`).
    prefix_fields: HashMap<u32, [bool; 8]>,
    /// First pass: per block, the registers it reads or writes (`Plan::solve`).
    touched: HashMap<u32, Slots>,
    /// First pass: per block, the registers it writes.
    written: HashMap<u32, Slots>,
    /// First pass: per block, the registers it reads before writing them
    /// (`Plan::dispatch_live_in`).
    exposed: HashMap<u32, Slots>,
    /// A guest store at this address needs the context made exact after it before the
    /// next access of the block that may fault (`checkpoint_after`).
    pending_checkpoint: Option<u32>,
    /// Blocks of the unit that may store to guest memory before anything observes memory
    /// or leaves: no budget check at their start, and their first instruction that is not
    /// an integer one a store, a branch or anything else not known to be a plain load
    /// (`jump_internal`).
    store_first: HashSet<u32>,
    /// First pass: the blocks whose code cannot observe the context (`Plan::defer`).
    quiet: HashSet<u32>,
    /// First pass: the blocks that end in a `switch` jumping through its table and hold
    /// nothing else that could observe the context (`Plan::defer`).
    quiet_switches: HashSet<u32>,
    /// The unit's blocks that run their final branch's twin arms as one (`twins`), by
    /// start.
    twins: HashMap<u32, Twins>,
    /// `prepaid_budget_var`.
    prepaid_budget: Option<Variable>,
    /// The budget register's copy that blocks of a loop of quiet blocks count in
    /// (`budget_reg`), and whether the block being lifted is one (never without the copy).
    quiet_budget: Option<Variable>,
    in_quiet: bool,
    /// The instruction being lifted is a twin arm's load whose twin loads from another
    /// displacement (`lift_block`); its fault site names the branch (`FaultSite::twin`).
    pub(super) arm_load: Option<ArmLoad>,
}

/// The start of a block up to the first instruction that could observe the context (a
/// memory access, which may fault and be rerun from the block's start; a call; an exit):
/// only integer instructions. A GPR the prefix writes before reading it, or the shadows of
/// a CR field it sets, are dead on entry to the block, whatever the block later does: a
/// jump into the block need not store them (`Plan::unstored`), and a rerun computes them
/// again. A budget check at the block's start stores them itself.
///
/// Likewise a CR field the prefix sets (a comparison, a recording form): no integer
/// instruction reads a field's bits (those that do are branch-unit instructions, which end
/// the prefix), so its value on entry is never observed. A jump into the block need not
/// build it, whatever the jumps in bring (`Plan::dead_in`).
#[derive(Clone, Copy)]
struct Prefix {
    read: Slots,
    written: Slots,
    fields: [bool; 8],
}

type Slots = [bool; SLOTS];

/// The most registers a loop may use and still keep the registers carried through it in
/// variables (`Plan::solve_dead`). Measured at scale 10: int_kernels runs 0.7% fewer host
/// instructions in its JIT code from 5 up to 8, the other benchmarks the same up to 6;
/// from 8 lu_f64 runs 6.3% more (its multiply-subtract loop's values spilled).
const FEW_REGISTERS: usize = 5;

/// Where to resume when the host faults in an unchecked guest access: the context is exact
/// as of `checkpoint` (with `unretired` instructions of the block still to retire), and
/// nothing between it and the access had an effect outside the host registers, so the
/// interpreter runs the `rerun` instructions from the checkpoint through the access again
/// and reports the fault (or completes it).
#[derive(Clone, Copy, Debug)]
pub struct FaultSite {
    pub checkpoint: u32,
    pub unretired: i64,
    /// The CR fields lazy at the checkpoint (an index into the unit's `Lifter::lazy_sets`),
    /// which the dispatcher builds from the context's registers.
    pub lazy: u32,
    /// The budget register lags the budget by this many instructions at the access.
    pub taken: i64,
    /// Instructions the interpreter runs from the checkpoint through the access (in a block
    /// that repeats, `block::Block::copies`, the path may pass its start again).
    pub rerun: u32,
    /// A twin arm's load (`twins`): the start of the block whose branch chose between the
    /// two loads. A fault the rerun does not repeat was the other arm's.
    pub twin: Option<u32>,
}

/// A load of one twin arm (`twins`) whose twin loads from `other` off the same base: both
/// are read (from one object, which one arm having read means the other may too; a fault
/// in either reruns from the branch, which takes the real way), and `taken` (an i8 truth
/// value, the branch's condition) keeps this arm's.
#[derive(Clone, Copy)]
pub(super) struct ArmLoad {
    pub taken: Value,
    pub other: i64,
    /// The start of the branch's block, which its fault site names (`FaultSite::twin`).
    pub block: u32,
}

/// Exit paths shared by the whole unit, created on first use and filled in after the last
/// block: each site only stores what its block changed and jumps here with its constants,
/// so a unit has one copy of the call-and-return sequences instead of one per memory access.
#[derive(Default)]
struct Shared {
    /// (): the block at `ctx.pc` needs more budget than is left.
    budget: Option<Block>,
    /// (pc: i32, word: i32, remaining: i64): run the instruction in the interpreter, then
    /// return to the dispatcher (or pass on its exit).
    interpret: Option<Block>,
    /// (): back to the dispatcher, `ctx.pc` already set.
    dispatch: Option<Block>,
}

/// A jump from guest block `from` to block `to` of the same unit, recorded by the first pass
/// (which starts every block with nothing valid): `valid` is what the jump carried in
/// variables, and `killed` says whether an interpreter call in `from` came first (then
/// nothing valid at the start of `from` survives to the jump).
struct Edge {
    from: u32,
    to: u32,
    valid: Slots,
    /// What `from` had changed and not stored by the jump (`Plan::dirty_in`).
    dirty: Slots,
    killed: bool,
    /// The FPSCR was known summarized at the jump (`Lifter::fpscr_clean`).
    clean: bool,
    /// The CR fields lazy at the jump (set in `from`), and what `from` did to the ones it
    /// inherited.
    lazy: LazyCr,
    kills: lazy_cr::Kills,
}

/// Which registers are in their variables when each block of a unit begins: those valid at
/// the end of every jump into it. Computed as the greatest fixed point (loops keep registers
/// in variables), with the unit's entry treated like any block whose other predecessor is
/// the prologue, which loads what the entry's in-unit predecessors provide.
pub struct Plan {
    valid_in: HashMap<u32, Slots>,
    /// The GPRs and CR shadows each block's prefix overwrites before reading them
    /// (`Prefix`); for a block that checks the budget, only those every jump into it holds
    /// in a variable (its check's exit stores them).
    kills_in: HashMap<u32, Slots>,
    /// The blocks every path into which has summarized the FPSCR (the unit's entry never:
    /// it may be entered with any FPSCR).
    clean_in: HashMap<u32, bool>,
    /// The CR fields every path into each block leaves lazy, with the same description
    /// (or `CrDesc::merged` where the descriptions differ).
    lazy_in: HashMap<u32, LazyCr>,
    /// The CR fields each block sets before anything could observe their value on entry
    /// (`Prefix`): jumps into the block leave them as they are, lazy or not, and the block
    /// starts with their stale bits (blocks that check the budget never: the check's exit
    /// needs the context exact).
    dead_in: HashMap<u32, [bool; 8]>,
    /// The registers each block may begin with changed but not stored (`Plan::defer`).
    dirty_in: HashMap<u32, Slots>,
    /// The GPRs no block of the unit writes, nor the interpreter (called from none).
    unwritten: Slots,
    /// The blocks on a cycle of quiet blocks (`quiet_loops`): they keep the budget in a
    /// variable (`Lifter::budget_reg`).
    quiet_loops: HashSet<u32>,
    /// The loop heads worth peeling (`block::peel_loop_heads`): where a jump from outside
    /// the loop brings a CR field built that the loop's own jumps bring lazy.
    peel: Vec<super::block::PeelableHead>,
}

impl Plan {
    /// `touched`: per block, the registers it reads or writes.
    ///
    /// `entry_loads`: registers the jumps from the entry load for their targets rather than
    /// limiting what those keep in variables (`recorded` passes them for the entry's copy,
    /// `entry_key`). A loop the unit is
    /// entered at the middle of (bytecode_vm's dispatch, entered at a case) then keeps the
    /// loop-invariant registers it reads (the `switch`'s table base, the VM's code) in
    /// host registers, which only the copy's own path into the loop would otherwise
    /// lack.
    #[cfg(test)]
    fn solve(
        entry: u32,
        blocks: &[u32],
        edges: &[Edge],
        touched: &HashMap<u32, Slots>,
        entry_loads: Slots,
    ) -> Plan {
        Self::solve_dead(entry, blocks, edges, touched, entry_loads, HashMap::new())
    }

    /// `solve`, with the CR fields each block's prefix sets before anything could observe
    /// them (`dead_in`).
    fn solve_dead(
        entry: u32,
        blocks: &[u32],
        edges: &[Edge],
        touched: &HashMap<u32, Slots>,
        entry_loads: Slots,
        dead_in: HashMap<u32, [bool; 8]>,
    ) -> Plan {
        // Start from the registers some block leaves in a variable, not from all of them: a
        // loop through the entry would otherwise keep everything (the prologue would load
        // registers nothing uses).
        let mut universe = [false; SLOTS];
        for e in edges {
            for (u, v) in universe.iter_mut().zip(e.valid) {
                *u |= v;
            }
        }
        // CR is never carried: the context holds it exact at every jump (a field built
        // in a block is stored at its end; lazy ones are not in it anyway), and mostly
        // exits read it, so a jump loading it for its target would load it for nothing.
        universe[Reg::Cr.slot()] = false;
        let mut valid_in: HashMap<u32, Slots> = blocks.iter().map(|&b| (b, universe)).collect();
        let mut has_pred: HashMap<u32, bool> = blocks.iter().map(|&b| (b, false)).collect();
        for e in edges {
            has_pred.insert(e.to, true);
        }
        for (b, v) in valid_in.iter_mut() {
            if !has_pred[b] {
                *v = [false; SLOTS];
            }
        }
        if !has_pred.get(&entry).copied().unwrap_or(false) {
            valid_in.insert(entry, [false; SLOTS]);
        }
        let lazy_in = Self::solve_lazy(entry, blocks, edges, &dead_in);
        // Inside a loop, only the registers the loop itself uses: one it only carries
        // through (a caller's, in a loop of a function the unit went into) would take a host
        // register in every iteration, and the register allocator spills such a value inside
        // the loop rather than around it. The context holds it exact at every jump, so the
        // loop's exits load it where it is used next. The fixed point below only removes
        // registers, so these stay out.
        //
        // A loop that uses at most `FEW_REGISTERS` registers in all (int_kernels' popcount:
        // r3, r9, r10 and CR0's two shadows) leaves the allocator room for what is carried
        // through it, so it keeps them, and they need no load after it.
        for (body, used) in Self::loops(entry, edges, touched, &lazy_in) {
            if used.iter().filter(|&&u| u).count() <= FEW_REGISTERS {
                continue;
            }
            for b in body {
                if let Some(v) = valid_in.get_mut(&b) {
                    for (valid, &u) in v.iter_mut().zip(used.iter()) {
                        *valid &= u;
                    }
                }
            }
        }
        loop {
            let mut changed = false;
            for e in edges {
                let from_in = valid_in.get(&e.from).copied().unwrap_or([false; SLOTS]);
                let Some(to_in) = valid_in.get_mut(&e.to) else {
                    continue;
                };
                let loads = if e.from == entry {
                    entry_loads
                } else {
                    [false; SLOTS]
                };
                for slot in 0..SLOTS {
                    let carried = e.valid[slot] || (!e.killed && from_in[slot]) || loads[slot];
                    if to_in[slot] && !carried {
                        to_in[slot] = false;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        // The same greatest fixed point for the summarized FPSCR, which every block keeps.
        let mut clean_in: HashMap<u32, bool> = blocks
            .iter()
            .map(|&b| (b, has_pred[&b] && b != entry))
            .collect();
        loop {
            let mut changed = false;
            for e in edges {
                let from_in = clean_in.get(&e.from).copied().unwrap_or(false);
                if let Some(to_in) = clean_in.get_mut(&e.to) {
                    if *to_in && !(e.clean || from_in) {
                        *to_in = false;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        Plan {
            valid_in,
            kills_in: HashMap::new(),
            clean_in,
            lazy_in,
            dead_in,
            dirty_in: HashMap::new(),
            unwritten: [false; SLOTS],
            quiet_loops: HashSet::new(),
            peel: Vec::new(),
        }
    }

    /// Which changed registers jumps leave unstored for their target to carry on
    /// (`dirty_in`). A *quiet* block holds only integer instructions and a final branch:
    /// nothing in it can observe the context (no access that may fault, whose rerun starts
    /// from the block's start and so needs the context exact there; no call), and its
    /// exits store what it holds changed. So it can take registers changed before it,
    /// still in their variables, and pass them on. They are stored on the jumps into
    /// blocks that are not quiet, at the unit's exits, and at its own budget check's exit.
    ///
    /// Only blocks on a cycle of quiet blocks (`quiet_loops`) take them: a loop of integer
    /// code (int_kernels' Collatz, popcount and gcd loops) then stores its registers when
    /// it leaves instead of every time round. Elsewhere a store only moves to the next
    /// jump and its value lives longer: with every quiet block taking them, sort ran 2.6%
    /// more host instructions. And blocks that end in a `switch` jumping through its table
    /// (`quiet_switches`: the table is read at compile time, so only the way past the
    /// table loads it, and that way makes the context exact first): each target's jump
    /// stores only what that target does not overwrite first (bytecode_vm's dispatch, whose
    /// operation index and next code position most cases recompute).
    ///
    /// The least fixed point of what the jumps in may bring changed, so that a block does
    /// not store registers no path into it changed. CR is never carried in a variable, and
    /// the FPSCR is stored its own way.
    fn defer(&mut self, edges: &[Edge], quiet_loops: &HashSet<u32>, switches: &HashSet<u32>) {
        let mut dirty_in: HashMap<u32, Slots> = HashMap::new();
        loop {
            let mut changed = false;
            for e in edges {
                if !quiet_loops.contains(&e.to) && !switches.contains(&e.to) {
                    continue;
                }
                let from_in = match dirty_in.get(&e.from) {
                    Some(d) if !e.killed => *d,
                    _ => [false; SLOTS],
                };
                let valid = self.valid_in(e.to);
                let to_in = dirty_in.entry(e.to).or_insert([false; SLOTS]);
                for slot in 0..SLOTS {
                    let can = valid[slot] && slot != Reg::Cr.slot() && slot != Reg::Fpscr.slot();
                    if can && (e.dirty[slot] || from_in[slot]) && !to_in[slot] {
                        to_in[slot] = true;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        self.dirty_in = dirty_in;
    }

    fn dirty_in(&self, block: u32) -> Slots {
        self.dirty_in.get(&block).copied().unwrap_or([false; SLOTS])
    }

    /// The lazy CR fields at each block's start: per field, the description every jump into
    /// the block brings (set in its source, or inherited there and kept), the greatest fixed
    /// point from "anything" (`Top`) at blocks with predecessors, none at the entry. A field
    /// dead on entry to a block (`dead_in`) takes nothing from the jumps in: the block starts
    /// with it neither lazy nor built, and what it sets leaves the block.
    fn solve_lazy(
        entry: u32,
        blocks: &[u32],
        edges: &[Edge],
        dead_in: &HashMap<u32, [bool; 8]>,
    ) -> HashMap<u32, LazyCr> {
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            Top,
            Lazy(lazy_cr::CrDesc),
            Built,
            Dead,
        }
        let mut has_pred: HashMap<u32, bool> = blocks.iter().map(|&b| (b, false)).collect();
        for e in edges {
            has_pred.insert(e.to, true);
        }
        let mut state: HashMap<u32, [State; 8]> = blocks
            .iter()
            .map(|&b| {
                let top = has_pred[&b] && b != entry;
                let dead = dead_in.get(&b).copied().unwrap_or([false; 8]);
                let fields = dead.map(|d| match (d, top) {
                    (true, true) => State::Dead,
                    (false, true) => State::Top,
                    _ => State::Built,
                });
                (b, fields)
            })
            .collect();
        loop {
            let mut changed = false;
            for e in edges {
                let from = state.get(&e.from).copied().unwrap_or([State::Built; 8]);
                let Some(to) = state.get_mut(&e.to) else {
                    continue;
                };
                for n in 0..8 {
                    let out = match (e.lazy[n], from[n]) {
                        (Some(d), _) => State::Lazy(d),
                        _ if e.killed => State::Built,
                        (None, State::Lazy(d)) => match e.kills.carry(n, &d) {
                            Some(d) => State::Lazy(d),
                            None => State::Built,
                        },
                        (None, State::Top) if !e.kills.fields[n] => State::Top,
                        _ => State::Built,
                    };
                    let met = match (to[n], out) {
                        (State::Dead, _) => State::Dead,
                        (State::Top, x) => x,
                        (x, State::Top) => x,
                        (x, y) if x == y => x,
                        // Jumps bringing different comparisons: each puts its operands in
                        // the field's shadows, compared signed unless all are unsigned
                        // (`CrDesc::merged`).
                        (State::Lazy(x), State::Lazy(y)) => State::Lazy(x.merge_with(&y, n)),
                        _ => State::Built,
                    };
                    if met != to[n] {
                        to[n] = met;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        state
            .into_iter()
            .map(|(b, fields)| {
                let lazy = fields.map(|f| match f {
                    State::Lazy(d) => Some(d),
                    _ => None,
                });
                (b, lazy)
            })
            .collect()
    }

    /// The unit's loops: for each back edge (found by a depth-first walk from the entry),
    /// the blocks of its natural loop (those that reach the edge's source without passing
    /// its head) and the registers they use, counting those the lazy CR fields they inherit
    /// compare (the first pass, with no field inherited lazy, read CR there instead).
    fn loops(
        entry: u32,
        edges: &[Edge],
        touched: &HashMap<u32, Slots>,
        lazy_in: &HashMap<u32, LazyCr>,
    ) -> Vec<(Vec<u32>, Slots)> {
        let mut succs: HashMap<u32, Vec<u32>> = HashMap::new();
        let mut preds: HashMap<u32, Vec<u32>> = HashMap::new();
        for e in edges {
            succs.entry(e.from).or_default().push(e.to);
            preds.entry(e.to).or_default().push(e.from);
        }
        // Iterative depth-first walk: a jump to a block still on the stack closes a loop.
        let mut back = Vec::new();
        let mut state: HashMap<u32, u8> = HashMap::new(); // 1 on the stack, 2 done
        let mut stack = vec![(entry, 0usize)];
        state.insert(entry, 1);
        while let Some(&mut (b, ref mut next)) = stack.last_mut() {
            let out = succs.get(&b).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(&t) = out.get(*next) {
                *next += 1;
                match state.get(&t) {
                    Some(1) => back.push((b, t)),
                    Some(_) => {}
                    None => {
                        state.insert(t, 1);
                        stack.push((t, 0));
                    }
                }
            } else {
                state.insert(b, 2);
                stack.pop();
            }
        }
        back.into_iter()
            .map(|(from, head)| {
                let mut body = vec![head];
                let mut seen: std::collections::HashSet<u32> = [head].into();
                let mut work = vec![from];
                while let Some(b) = work.pop() {
                    if seen.insert(b) {
                        body.push(b);
                        work.extend(preds.get(&b).into_iter().flatten());
                    }
                }
                let mut used = [false; SLOTS];
                for b in &body {
                    if let Some(t) = touched.get(b) {
                        for (u, &t) in used.iter_mut().zip(t.iter()) {
                            *u |= t;
                        }
                    }
                    for desc in lazy_in.get(b).into_iter().flatten().flatten() {
                        for op in [desc.a, desc.b] {
                            if let lazy_cr::Operand::Gpr(g) = op {
                                used[usize::from(g)] = true;
                            }
                        }
                    }
                }
                (body, used)
            })
            .collect()
    }

    /// The blocks of each natural loop of the unit (`loops`, without the registers they
    /// use), for `dispatch_live_in` and `invariant_reads`.
    fn loop_bodies(entry: u32, edges: &[Edge]) -> Vec<HashSet<u32>> {
        Self::loops(entry, edges, &HashMap::new(), &HashMap::new())
            .into_iter()
            .map(|(body, _)| body.into_iter().collect())
            .collect()
    }

    /// For a unit whose loops (`bodies`) hold a `switch` (a block jumping to three or more
    /// blocks of the loops), the registers live on entry to each block of its loops,
    /// counting only reads in loops (`exposed`: read before written in a block): what the
    /// loops read before writing, along some path from that block. None for any other unit.
    fn dispatch_live_in(
        bodies: &[HashSet<u32>],
        edges: &[Edge],
        exposed: &HashMap<u32, Slots>,
        written: &HashMap<u32, Slots>,
    ) -> Option<HashMap<u32, Slots>> {
        let in_loops: HashSet<u32> = bodies.iter().flatten().copied().collect();
        let mut targets: HashMap<u32, HashSet<u32>> = HashMap::new();
        for e in edges {
            if in_loops.contains(&e.from) && in_loops.contains(&e.to) {
                targets.entry(e.from).or_default().insert(e.to);
            }
        }
        if !targets.values().any(|t| t.len() >= 3) {
            return None;
        }
        let mut live: HashMap<u32, Slots> = in_loops
            .iter()
            .map(|&b| (b, exposed.get(&b).copied().unwrap_or([false; SLOTS])))
            .collect();
        loop {
            let mut changed = false;
            for e in edges {
                if !in_loops.contains(&e.from) || !in_loops.contains(&e.to) {
                    continue;
                }
                let to = live[&e.to];
                let w = written.get(&e.from).copied().unwrap_or([false; SLOTS]);
                let from = live.get_mut(&e.from).expect("in a loop");
                for slot in 0..SLOTS {
                    if to[slot] && !w[slot] && !from[slot] {
                        from[slot] = true;
                        changed = true;
                    }
                }
            }
            if !changed {
                return Some(live);
            }
        }
    }

    /// The GPRs that a loop (of `bodies`) the entry's copy jumps into reads (before writing,
    /// in one of its blocks: `exposed`) and that no block of that loop writes: the values it compares
    /// against or addresses from all the way round (pointer_chase's search key, which the
    /// loop around the search sets). The copy's jumps load them, so that the loop holds
    /// them in host registers; otherwise the copy's path, which did not read them, leaves
    /// them out of the loop's variables and each time round loads them from the context.
    /// A register the loop writes is left to the loop: loading those too (every register
    /// live where the copy joins a loop) cost int_kernels 2.5% and lu_f64 1.1% more host
    /// instructions, values read on a rare path holding a host register all the way round.
    fn invariant_reads(
        entry: u32,
        bodies: &[HashSet<u32>],
        edges: &[Edge],
        exposed: &HashMap<u32, Slots>,
        written: &HashMap<u32, Slots>,
    ) -> Slots {
        let none = [false; SLOTS];
        let mut out = none;
        for body in bodies {
            if !edges
                .iter()
                .any(|e| e.from == entry && body.contains(&e.to))
            {
                continue;
            }
            let (mut read, mut wrote) = (none, none);
            for b in body {
                let (r, w) = (
                    exposed.get(b).unwrap_or(&none),
                    written.get(b).unwrap_or(&none),
                );
                for slot in 0..32 {
                    read[slot] |= r[slot];
                    wrote[slot] |= w[slot];
                }
            }
            for slot in 0..32 {
                out[slot] |= read[slot] && !wrote[slot];
            }
        }
        out
    }

    fn lazy_in(&self, block: u32) -> LazyCr {
        self.lazy_in.get(&block).copied().unwrap_or([None; 8])
    }

    fn dead_in(&self, block: u32) -> [bool; 8] {
        self.dead_in.get(&block).copied().unwrap_or([false; 8])
    }

    /// The loop heads to peel before lifting the unit again (`block::peel_loop_heads`).
    pub fn take_peel(&mut self) -> Vec<super::block::PeelableHead> {
        std::mem::take(&mut self.peel)
    }

    /// Whether every jump into `head` from inside its loop brings a CR field lazy that the
    /// head takes built (a jump from outside brought it so): the loop would build it every
    /// time round, and with the head peeled it would not. (Where one jump from inside brings
    /// it built too, peeling changes nothing but the code's shape: mandel_f32 ran 1% more
    /// host instructions when any jump from inside sufficed.)
    fn builds_for_outside(&self, edges: &[Edge], head: &super::block::PeelableHead) -> bool {
        let want = self.lazy_in(head.head);
        let dead = self.dead_in(head.head);
        let inside: Vec<&Edge> = edges
            .iter()
            .filter(|e| e.to == head.head && head.body.contains(&e.from))
            .collect();
        let brings = |e: &Edge, n: usize| {
            let from_in = self.lazy_in(e.from);
            let carried = !e.killed && from_in[n].is_some_and(|d| e.kills.carry(n, &d).is_some());
            e.lazy[n].is_some() || carried
        };
        !inside.is_empty()
            && (0..8).any(|n| want[n].is_none() && !dead[n] && inside.iter().all(|e| brings(e, n)))
    }

    fn clean_in(&self, block: u32) -> bool {
        self.clean_in.get(&block).copied().unwrap_or(false)
    }

    fn valid_in(&self, block: u32) -> Slots {
        self.valid_in.get(&block).copied().unwrap_or([false; SLOTS])
    }

    /// The changed GPRs and CR shadows a jump into `block` may leave unstored: those its
    /// prefix overwrites before anything reads them or could observe the context.
    ///
    /// Not the GPRs a lazy CR field the block inherits compares: overwriting one first
    /// copies its old value into a shadow, a read the first pass (with no field inherited
    /// lazy) did not see. A field's shadows are never read before the comparison that
    /// replaces the field in the prefix: the integer instructions before it only define a
    /// shadow (copying a GPR they overwrite) before reading it. A fault after the
    /// comparison builds the field from stale shadows at the checkpoint, but the rerun
    /// sets it again.
    ///
    /// And the changed registers the block carries on unstored (`Plan::defer`).
    fn unstored(&self, block: u32) -> Slots {
        let mut out = self.kills_in.get(&block).copied().unwrap_or([false; SLOTS]);
        for desc in self.lazy_in(block).into_iter().flatten() {
            for op in [desc.a, desc.b] {
                if let lazy_cr::Operand::Gpr(r) = op {
                    out[usize::from(r)] = false;
                }
            }
        }
        for (o, d) in out.iter_mut().zip(self.dirty_in(block)) {
            *o |= d;
        }
        out
    }
}

/// The quiet blocks (`Plan::defer`) that lie on a cycle of quiet blocks: loops that cannot
/// observe the context on some way round.
fn quiet_loops(edges: &[Edge], quiet: &HashSet<u32>) -> HashSet<u32> {
    let mut succs: HashMap<u32, Vec<u32>> = HashMap::new();
    for e in edges {
        if quiet.contains(&e.from) && quiet.contains(&e.to) {
            succs.entry(e.from).or_default().push(e.to);
        }
    }
    let mut out = HashSet::new();
    for &start in succs.keys() {
        let mut seen = HashSet::new();
        let mut work = succs[&start].clone();
        while let Some(b) = work.pop() {
            if b == start {
                out.insert(start);
                break;
            }
            if seen.insert(b) {
                work.extend(succs.get(&b).into_iter().flatten());
            }
        }
    }
    out
}

/// The signature of every compiled unit: (ctx, membase, runtime) -> exit code, using the
/// tail-call convention so units can jump to each other.
pub fn unit_signature() -> Signature {
    let mut s = Signature::new(CallConv::Tail);
    for _ in 0..3 {
        s.params.push(AbiParam::new(types::I64));
    }
    s.returns.push(AbiParam::new(types::I32));
    s
}

fn helper_signature(call_conv: CallConv) -> Signature {
    let mut s = Signature::new(call_conv);
    s.params.push(AbiParam::new(types::I64));
    s.params.push(AbiParam::new(types::I64));
    s.params.push(AbiParam::new(types::I32));
    s.params.push(AbiParam::new(types::I32));
    s.returns.push(AbiParam::new(types::I32));
    s
}

impl<'a, 'f> Lifter<'a, 'f> {
    pub fn new(
        b: &'a mut FunctionBuilder<'f>,
        env: &'a mut dyn Environment,
        params: [Value; 3],
        sf: bool,
        host_call_conv: CallConv,
    ) -> Self {
        let unit_sig = b.import_signature(unit_signature());
        let helper_sig = b.import_signature(helper_signature(host_call_conv));
        // An add of a constant is recomputed where it is used (Cranelift's rematerialization)
        // and folds into each access's address mode, so the base costs no register.
        let (membase, rt) = match env.context_offset() {
            Some(distance) => (
                b.ins().iadd_imm_s(params[0], i64::from(distance)),
                b.ins()
                    .iadd_imm_s(params[0], super::runtime::RUNTIME_IN_SLOT as i64),
            ),
            None => (params[1], params[2]),
        };
        Self {
            b,
            env,
            ctx: params[0],
            membase,
            membase_param: params[1],
            rt,
            rt_param: params[2],
            sf,
            vars: [None; SLOTS],
            valid: [false; SLOTS],
            dirty: [false; SLOTS],
            unit_sig,
            helper_sig,
            remaining: 0,
            budget_plan: super::block::BudgetPlan::default(),
            taken: 0,
            cur_block: 0,
            killed: false,
            edges: Vec::new(),
            plan: None,
            internal: HashMap::new(),
            shared: Shared::default(),
            sites: Vec::new(),
            fp_quick_only: Vec::new(),
            checkpoint: (0, 0),
            lazy: [None; 8],
            kills: lazy_cr::Kills::default(),
            lazy_sets: vec![Box::new([None; 8])],
            fixed_bases: Vec::new(),
            table_only: None,
            checkpoint_lazy: 0,
            fpscr_clean: false,
            fp: fpu::FpState::default(),
            cur_indirect: Vec::new(),
            cur_to_copies: Vec::new(),
            cur_learns: true,
            prefix: None,
            prefix_kills: HashMap::new(),
            prefix_fields: HashMap::new(),
            touched: HashMap::new(),
            written: HashMap::new(),
            exposed: HashMap::new(),
            pending_checkpoint: None,
            store_first: HashSet::new(),
            quiet: HashSet::new(),
            quiet_switches: HashSet::new(),
            twins: HashMap::new(),
            arm_load: None,
            prepaid_budget: None,
            quiet_budget: None,
            in_quiet: false,
        }
    }

    /// Makes this the final pass of a unit, with what the first pass recorded.
    pub fn set_plan(&mut self, plan: Plan) {
        self.plan = Some(plan);
    }

    /// The unit's branches whose twin arms run as one (`twins`).
    pub fn twin_branches(&self) -> usize {
        self.twins.len()
    }

    /// The guest accesses of the unit that may fault in the host, by source location.
    pub fn fault_sites(&self) -> &[FaultSite] {
        &self.sites
    }

    /// The FP instructions of the unit lifted without their full path.
    pub fn fp_quick_only(&self) -> &[u32] {
        &self.fp_quick_only
    }

    /// The plan for the final pass, from what this (first) pass recorded.
    pub fn recorded(&self, region: &super::block::Region) -> Plan {
        let mut blocks: Vec<u32> = region.blocks.iter().map(|b| b.key()).collect();
        let entry = entry_key(region);
        let entry_copy = entry != blocks[0];
        if entry_copy {
            blocks.insert(0, entry);
        }
        let quiet_loops = quiet_loops(&self.edges, &self.quiet);
        // GPRs no block of the unit writes (nor the interpreter, called from none): the
        // entry's copy loads those its targets keep in variables, and a `switch` base among
        // them is checked once at the entry (`check_fixed_bases`).
        let mut unwritten = [false; SLOTS];
        if !self.edges.iter().any(|e| e.killed) {
            for (slot, inv) in unwritten.iter_mut().enumerate().take(32) {
                *inv = !self.written.values().any(|w| w[slot]);
            }
        }
        // In a unit whose loops hold a `switch` (a block jumping to three or more others),
        // the entry's copy also loads the GPRs live where it joins the loop, counting only
        // reads inside the loops. The state an interpreter's cases share (bytecode_vm's VM
        // stack pointer), which the dispatch itself does not read, would otherwise be left
        // out of the loop's variables, and stored and loaded again in every case: a chain
        // through memory from one operation to the next. Elsewhere the same rule cost host
        // instructions (int_kernels +2.5%, lu_f64 +1.1%): registers a loop reads on a
        // rare path held a host register all the way round. Any loop the copy joins gets
        // only the registers it reads and never writes (`Plan::invariant_reads`).
        let entry_loads = if entry_copy {
            let mut loads = unwritten;
            let bodies = Plan::loop_bodies(entry, &self.edges);
            if let Some(live) =
                Plan::dispatch_live_in(&bodies, &self.edges, &self.exposed, &self.written)
            {
                for e in self.edges.iter().filter(|e| e.from == entry) {
                    if let Some(l) = live.get(&e.to) {
                        for (load, &l) in loads.iter_mut().zip(l.iter()).take(32) {
                            *load |= l;
                        }
                    }
                }
            }
            let invariant =
                Plan::invariant_reads(entry, &bodies, &self.edges, &self.exposed, &self.written);
            for (load, inv) in loads.iter_mut().zip(invariant) {
                *load |= inv;
            }
            loads
        } else {
            [false; SLOTS]
        };
        // CR fields a block sets before anything could observe them are dead on entry,
        // unless its budget check may leave at its start (`Plan::dead_in`).
        let dead_in = self
            .prefix_fields
            .iter()
            .filter(|(b, _)| !self.budget_plan.checks.contains_key(b))
            .map(|(&b, &f)| (b, f))
            .collect();
        let mut plan = Plan::solve_dead(
            entry,
            &blocks,
            &self.edges,
            &self.touched,
            entry_loads,
            dead_in,
        );
        plan.unwritten = unwritten;
        plan.kills_in.clone_from(&self.prefix_kills);
        // A check's exit stores what the jumps in left unstored, from the variables. So
        // only registers every jump in brings in one can be left; but a check on a quiet
        // loop begins with all of them in variables, which the jumps that do not bring them
        // load (the context holds them), so that the loop need not store them every time
        // round (int_kernels' Collatz loop, whose `andi.` overwrites r8 and CR0's shadows).
        for (block, kills) in plan.kills_in.iter_mut() {
            if !self.budget_plan.checks.contains_key(block) {
                continue;
            }
            let Some(valid) = plan.valid_in.get_mut(block) else {
                continue;
            };
            let quiet_loop = quiet_loops.contains(block);
            for (k, v) in kills.iter_mut().zip(valid.iter_mut()) {
                if quiet_loop {
                    *v |= *k;
                } else {
                    *k &= *v;
                }
            }
        }
        plan.defer(&self.edges, &quiet_loops, &self.quiet_switches);
        plan.quiet_loops = quiet_loops;
        plan.peel = super::block::peelable_heads(region)
            .into_iter()
            .filter(|h| plan.builds_for_outside(&self.edges, h))
            .collect();
        plan
    }

    /// The `switch`es whose base the unit checks at its entry (`check_fixed_bases`).
    pub fn fixed_base_sites(&self) -> Vec<u32> {
        self.fixed_bases.iter().map(|&(_, _, site)| site).collect()
    }

    /// The unit's sets of lazy CR fields its fault sites name and its code points to; they
    /// must live as long as the code.
    #[allow(clippy::vec_box)] // boxed so that their addresses, baked into code, never move
    pub fn take_lazy_sets(&mut self) -> Vec<Box<LazyCr>> {
        std::mem::take(&mut self.lazy_sets)
    }

    fn load_slot(&mut self, slot: usize) -> Value {
        let r = Reg::from_slot(slot);
        let (off, mem, held) = r.location();
        let base = if r.in_runtime() { self.rt } else { self.ctx };
        let raw = self.b.ins().load(mem, ctx_flags(), base, off);
        if mem != held {
            self.b.ins().uextend(held, raw)
        } else {
            raw
        }
    }

    /// The variable of a slot, declared on first need.
    fn var(&mut self, slot: usize) -> Variable {
        match self.vars[slot] {
            Some(v) => v,
            None => {
                let v = self.b.declare_var(Reg::from_slot(slot).location().2);
                self.vars[slot] = Some(v);
                v
            }
        }
    }

    /// Declares the variables of the registers marked changed, which the stores of `flush`
    /// read, where no code of the unit may have used them yet.
    fn declare_dirty(&mut self) {
        for slot in 0..SLOTS {
            if self.dirty[slot] {
                self.var(slot);
            }
        }
    }

    /// Gives a slot's variable its value from the context.
    fn reload(&mut self, slot: usize) -> Value {
        let var = self.var(slot);
        let v = self.load_slot(slot);
        self.b.def_var(var, v);
        self.valid[slot] = true;
        v
    }

    /// The instructions that may still retire. They live in Cranelift's pinned register
    /// (r15 on x86-64) from the trampoline on, across units: every block counts its
    /// instructions there without a memory round trip, and a host fault finds the count in
    /// the signal context, so blocks never store it for fault recovery. Exits to Rust
    /// store it in `Runtime::budget`.
    fn budget_value(&mut self) -> Value {
        let r = self.budget_reg();
        if self.taken == 0 {
            r
        } else {
            self.b.ins().iadd_imm_s(r, -self.taken)
        }
    }

    /// Brings the budget register up to date on a path that leaves the unit (the lifter
    /// keeps its count for the code that continues).
    fn sync_budget(&mut self) {
        self.lag_budget(0);
        self.leave_quiet_budget();
    }

    /// Adjusts the budget register on the current path so that it lags the budget by `lag`
    /// instructions (it lags by `taken` now).
    fn lag_budget(&mut self, lag: i64) -> Option<Value> {
        if self.taken != lag {
            let r = self.budget_reg();
            let r = self.b.ins().iadd_imm_s(r, lag - self.taken);
            self.set_budget_reg(r);
            return Some(r);
        }
        None
    }

    /// The budget register as the current block counts in it. A loop of quiet blocks
    /// (`Plan::quiet_loops`) counts in a variable that its ways in load from the pinned
    /// register and its ways out store back (`leave_quiet_budget`): Cranelift copies the
    /// pinned register out and back around each subtraction (three host instructions), a
    /// variable is subtracted from in place. Nothing in such a loop can fault, so no host
    /// fault needs the pinned register exact there.
    fn budget_reg(&mut self) -> Value {
        match self.quiet_budget {
            Some(var) if self.in_quiet => self.b.use_var(var),
            _ => self.b.ins().get_pinned_reg(types::I64),
        }
    }

    fn set_budget_reg(&mut self, v: Value) {
        match self.quiet_budget {
            Some(var) if self.in_quiet => self.b.def_var(var, v),
            _ => {
                self.b.ins().set_pinned_reg(v);
            }
        }
    }

    /// On a way out of a loop of quiet blocks, the pinned register takes the variable's
    /// count.
    fn leave_quiet_budget(&mut self) {
        if self.in_quiet {
            let r = self.budget_reg();
            self.b.ins().set_pinned_reg(r);
        }
    }

    /// On a way into a loop of quiet blocks from a block that counts in the pinned register,
    /// the variable takes its count.
    fn enter_quiet_budget(&mut self) {
        if let Some(var) = self.quiet_budget {
            let r = self.b.ins().get_pinned_reg(types::I64);
            self.b.def_var(var, r);
        }
    }

    /// Whether `block` counts the budget in the variable (`budget_reg`).
    fn counts_quietly(&self, block: u32) -> bool {
        self.quiet_budget.is_some()
            && self
                .plan
                .as_ref()
                .is_some_and(|p| p.quiet_loops.contains(&block))
    }

    /// The variable that jumps into a prepaid check (`block::prepaid_checks`) leave the
    /// budget register's new value in, so that the check compares that value instead of
    /// copying the pinned register out again.
    fn prepaid_budget_var(&mut self) -> Variable {
        match self.prepaid_budget {
            Some(v) => v,
            None => {
                let v = self.b.declare_var(types::I64);
                self.prepaid_budget = Some(v);
                v
            }
        }
    }

    /// Continues at another block of the unit, which finds the context exact and the
    /// registers of its plan in their variables. The lifter's view of the registers is
    /// unchanged for the code after the jump (the other side of a conditional branch).
    fn jump_internal(&mut self, target: u32, host: Block) {
        let saved = (self.valid, self.dirty, self.lazy);
        match &self.plan {
            Some(plan) => {
                // Fields the target does not take lazy, with this description, are built, or
                // moved into their shadows where the target merges differing ones.
                let want = plan.lazy_in(target);
                let dead = plan.dead_in(target);
                for (n, wanted) in want.iter().enumerate() {
                    if dead[n] {
                        continue;
                    }
                    let have = self.lazy[n].map(|l| l.desc);
                    let merged = wanted.filter(|w| w.is_merged(n));
                    debug_assert!(
                        wanted.is_none() || have == *wanted || merged.is_some() && have.is_some(),
                        "lazy CR plan"
                    );
                    if have.is_some() && have != *wanted {
                        match merged {
                            Some(into) => self.merge_field(n, into),
                            None => self.build_field(n),
                        }
                    }
                }
            }
            None => self.edges.push(Edge {
                from: self.cur_block,
                to: target,
                valid: self.valid,
                dirty: self.dirty,
                killed: self.killed,
                clean: self.fpscr_clean,
                lazy: self.lazy_descs(),
                kills: self.kills,
            }),
        }
        if let Some(plan) = &self.plan {
            for (dirty, unstored) in self.dirty.iter_mut().zip(plan.unstored(target)) {
                *dirty &= !unstored;
            }
        }
        if !self.flush_counted() && self.store_first.contains(&target) {
            if let Some(pc) = self.pending_checkpoint {
                // See `checkpoint_at`: the target may store to the same address before any
                // memory operation (a check at its start, or a load first, separates them).
                self.store_pc_const(pc);
            }
        }
        if let Some(plan) = &self.plan {
            // The plan comes from the first pass, which had no field lazy on entry to a
            // block and so read CR as bits where this pass compares: the target may expect
            // registers in variables that this path never loaded. The context is exact
            // here, so they are loaded now.
            let want = plan.valid_in(target);
            for (slot, &wanted) in want.iter().enumerate() {
                if wanted && !self.valid[slot] && slot != Reg::Fpscr.slot() {
                    self.reload(slot);
                }
            }
        }
        // The target starts with its own count of instructions the register lags by.
        let lag = i64::from(self.budget_plan.taken.get(&target).copied().unwrap_or(0));
        let adjusted = self.lag_budget(lag);
        match (self.in_quiet, self.counts_quietly(target)) {
            (true, false) => self.leave_quiet_budget(),
            (false, true) => self.enter_quiet_budget(),
            _ => {}
        }
        if lag < 0 && !self.counts_quietly(target) {
            // Every jump into a prepaid check subtracts (it ends with a count of at least 0).
            // A target counting in the quiet loop's variable reads the value there.
            let value = match adjusted {
                Some(v) => v,
                None => self.budget_reg(),
            };
            let var = self.prepaid_budget_var();
            self.b.def_var(var, value);
        }
        self.b.ins().jump(host, &[]);
        (self.valid, self.dirty, self.lazy) = saved;
    }

    /// Reads a guest register (from its variable when valid, else from the context); an FPR
    /// as its bits (i64).
    pub fn get(&mut self, r: Reg) -> Value {
        if r == Reg::Cr {
            self.kill_all_fields();
        }
        let v = self.get_held(r);
        if matches!(r, Reg::Fpr(_)) {
            self.f64_to_bits(v)
        } else {
            v
        }
    }

    /// An FPR as an f64 value.
    pub fn get_f64(&mut self, n: usize) -> Value {
        self.get_held(Reg::Fpr(n))
    }

    fn get_held(&mut self, r: Reg) -> Value {
        let slot = r.slot();
        if let Some(p) = &mut self.prefix {
            p.read[slot] |= !p.written[slot];
        }
        self.note_touch(slot);
        self.note_read(slot);
        if self.valid[slot] {
            let var = self.var(slot);
            return self.b.use_var(var);
        }
        self.reload(slot)
    }

    /// `v` (i64 register bits) as an f64 value: the operand of the bitcast that made `v`,
    /// if it was one, so a value that goes from FP arithmetic to an FPR and back never
    /// leaves the host's FP registers.
    pub fn bits_to_f64(&mut self, v: Value) -> Value {
        self.unbitcast(v, types::F64)
            .unwrap_or_else(|| self.b.ins().bitcast(types::F64, MemFlagsData::new(), v))
    }

    /// `v` (f64) as i64 register bits (see `bits_to_f64`).
    pub fn f64_to_bits(&mut self, v: Value) -> Value {
        self.unbitcast(v, types::I64)
            .unwrap_or_else(|| self.b.ins().bitcast(types::I64, MemFlagsData::new(), v))
    }

    fn unbitcast(&self, v: Value, want: Type) -> Option<Value> {
        let dfg = &self.b.func.dfg;
        let ValueDef::Result(inst, 0) = dfg.value_def(v) else {
            return None;
        };
        if dfg.insts[inst].opcode() != Opcode::Bitcast {
            return None;
        }
        let arg = dfg.inst_args(inst)[0];
        (dfg.value_type(arg) == want).then_some(arg)
    }

    /// Writes an FPR from an f64 value.
    pub fn set_f64(&mut self, n: usize, val: Value) {
        let slot = Reg::Fpr(n).slot();
        self.note_write(slot);
        let var = self.var(slot);
        self.b.def_var(var, val);
        self.valid[slot] = true;
        self.dirty[slot] = true;
    }

    pub fn set(&mut self, r: Reg, val: Value) {
        if let Reg::Fpr(n) = r {
            // Register bits, or already an f64.
            let f = if self.b.func.dfg.value_type(val) == types::F64 {
                val
            } else {
                self.bits_to_f64(val)
            };
            self.set_f64(n, f);
            return;
        }
        match r {
            // A whole new CR: nothing lazy is left to build.
            Reg::Cr => {
                self.kills.fields = [true; 8];
                self.lazy = [None; 8];
            }
            Reg::Gpr(n) => self.before_gpr_write(n),
            Reg::So => self.before_so_write(),
            _ => {}
        }
        self.def_reg(r, val);
    }

    /// Defines a register's variable (not an FPR) with no other effect.
    fn def_reg(&mut self, r: Reg, val: Value) {
        let slot = r.slot();
        self.note_write(slot);
        let var = self.var(slot);
        self.b.def_var(var, val);
        self.valid[slot] = true;
        self.dirty[slot] = true;
    }

    /// First pass: the current block uses the register (`Plan::solve`).
    fn note_touch(&mut self, slot: usize) {
        if self.plan.is_none() {
            self.touched.entry(self.cur_block).or_insert([false; SLOTS])[slot] = true;
        }
    }

    /// First pass: the current block reads the register, before writing it if it has not
    /// yet (`Plan::dispatch_live_in`).
    fn note_read(&mut self, slot: usize) {
        if self.plan.is_none() {
            let written = self.written.get(&self.cur_block).is_some_and(|w| w[slot]);
            if !written {
                self.exposed.entry(self.cur_block).or_insert([false; SLOTS])[slot] = true;
            }
        }
    }

    /// First pass: the current block sets CR field `n` (`Prefix::fields`).
    pub(super) fn note_field_set(&mut self, n: usize) {
        if let Some(p) = &mut self.prefix {
            p.fields[n] = true;
        }
    }

    pub(super) fn note_write(&mut self, slot: usize) {
        self.note_touch(slot);
        if self.plan.is_none() {
            self.written.entry(self.cur_block).or_insert([false; SLOTS])[slot] = true;
        }
        if let Some(p) = &mut self.prefix {
            p.written[slot] = true;
        }
    }

    /// Ends the current block's prefix (`Prefix`), recording what it overwrote unread.
    fn end_prefix(&mut self) {
        if let Some(p) = self.prefix.take() {
            let mut kills = [false; SLOTS];
            let shadows = Reg::Shadow(0).slot()..=Reg::Shadow(15).slot();
            for (slot, kill) in kills.iter_mut().enumerate() {
                let tracked = slot < 32 || shadows.contains(&slot);
                *kill = tracked && p.written[slot] && !p.read[slot];
            }
            self.prefix_kills.insert(self.cur_block, kills);
            self.prefix_fields.insert(self.cur_block, p.fields);
        }
    }

    /// RA, or zero when the field is 0 (the `(RA|0)` of address computations).
    pub fn gpr_or_zero(&mut self, ra: usize) -> Value {
        if ra == 0 {
            self.b.ins().iconst(types::I64, 0)
        } else {
            self.get(Reg::Gpr(ra))
        }
    }

    /// Makes the context exact for code that continues in another unit: writes the
    /// registers the current block changed back, with the lazy CR fields built. The lifter
    /// keeps counting them as changed and the fields as lazy (code after a conditional exit
    /// has not stored or built them; see `flush_exact`).
    pub fn flush(&mut self) {
        self.flush_exact();
    }

    /// `flush`, telling whether it stored anything.
    fn flush_counted(&mut self) -> bool {
        let mut stored = false;
        for slot in 0..SLOTS {
            if !self.dirty[slot] {
                continue;
            }
            stored = true;
            let r = Reg::from_slot(slot);
            let (off, mem, held) = r.location();
            let v = self
                .b
                .use_var(self.vars[slot].expect("dirty implies a variable"));
            if r == Reg::Fpscr {
                fpu::store_fpscr(self, v);
                continue;
            }
            let v = if mem != held {
                self.b.ins().ireduce(mem, v)
            } else {
                v
            };
            let base = if r.in_runtime() { self.rt } else { self.ctx };
            self.b.ins().store(ctx_flags(), v, base, off);
        }
        stored
    }

    /// Forgets one register's variable (not changed since it was stored): the context has
    /// been updated behind it.
    pub(super) fn forget(&mut self, r: Reg) {
        debug_assert!(!self.dirty[r.slot()]);
        self.valid[r.slot()] = false;
    }

    /// Forgets cached values (after the interpreter ran, the context is the truth).
    fn invalidate(&mut self) {
        self.dirty = [false; SLOTS];
        self.valid = [false; SLOTS];
        self.lazy = [None; 8];
        self.killed = true;
    }

    /// A context field that is not a register the lifter holds in a variable (the
    /// reservation, the MSR, XER's byte count...), at `off` in `Context`.
    pub(super) fn load_ctx(&mut self, ty: Type, off: usize) -> Value {
        self.b.ins().load(ty, ctx_flags(), self.ctx, off as i32)
    }

    /// Writes such a context field.
    pub(super) fn store_ctx(&mut self, v: Value, off: usize) {
        self.b.ins().store(ctx_flags(), v, self.ctx, off as i32);
    }

    fn store_pc(&mut self, pc: Value) {
        self.b
            .ins()
            .store(ctx_flags(), pc, self.ctx, offset_of!(Context, pc) as i32);
    }

    pub fn store_pc_const(&mut self, pc: u32) {
        let v = self.b.ins().iconst(types::I32, i64::from(pc as i32));
        self.store_pc(v);
    }

    /// Returns `code` to the dispatcher, first giving back the budget of the instructions of
    /// this block that will not retire (`unretired`).
    fn return_with(&mut self, code: i32, unretired: i64) {
        let b = self.budget_value();
        let b = self.b.ins().iadd_imm_s(b, unretired);
        let off = offset_of!(Runtime, budget) as i32;
        self.b.ins().store(ctx_flags(), b, self.rt, off);
        let c = self.b.ins().iconst(types::I32, i64::from(code));
        self.b.ins().return_(&[c]);
    }

    /// Continues at the unit for `target`: straight into its host code when it is compiled
    /// (the link cell is set), else back to the dispatcher with `ctx.pc = target`.
    pub fn exit_direct(&mut self, target: u32) {
        let key = super::block::target_key(&self.cur_to_copies, target);
        if let Some(&inside) = self.internal.get(&key) {
            self.jump_internal(key, inside);
            return;
        }
        self.store_pc_const(target);
        self.flush();
        let cell = self.env.link_cell(target) as i64;
        let cell = self.b.ins().iconst(types::I64, cell);
        let code = self.b.ins().load(types::I64, ctx_flags(), cell, 0);
        self.tail_or_dispatch(code);
    }

    fn tail_or_dispatch(&mut self, code: Value) {
        let linked = self.b.create_block();
        let unlinked = self.b.create_block();
        self.b.set_cold_block(unlinked);
        self.b.ins().brif(code, linked, &[], unlinked, &[]);
        self.b.switch_to_block(linked);
        self.b.seal_block(linked);
        self.sync_budget();
        let args = [self.ctx, self.membase_param, self.rt_param];
        self.b
            .ins()
            .return_call_indirect(self.unit_sig, code, &args);
        self.b.switch_to_block(unlinked);
        self.b.seal_block(unlinked);
        self.exit_dispatch();
    }

    /// Continues in a new cold block, entered when `cond` is non-zero; `hot` is where
    /// control goes otherwise.
    pub(super) fn cold_if(&mut self, cond: Value, hot: Block) {
        let cold = self.b.create_block();
        self.b.set_cold_block(cold);
        self.b.ins().brif(cond, cold, &[], hot, &[]);
        self.b.switch_to_block(cold);
        self.b.seal_block(cold);
    }

    /// Returns to the dispatcher (`ctx.pc` set, registers stored) through the shared path.
    fn exit_dispatch(&mut self) {
        self.sync_budget();
        let target = self.shared_exit(|s| &mut s.dispatch);
        self.b.ins().jump(target, &[]);
    }

    /// One of the unit's shared exit blocks (`Shared`), created cold on first use.
    fn shared_exit(&mut self, which: fn(&mut Shared) -> &mut Option<Block>) -> Block {
        if let Some(blk) = *which(&mut self.shared) {
            return blk;
        }
        let blk = self.b.create_block();
        self.b.set_cold_block(blk);
        *which(&mut self.shared) = Some(blk);
        blk
    }

    /// Fills in the shared exit paths the unit used (after its last block).
    fn finish_shared(&mut self) {
        // Every path in has brought the budget register up to date.
        self.taken = 0;
        let off = offset_of!(Runtime, budget) as i32;
        if let Some(blk) = self.shared.budget {
            self.b.switch_to_block(blk);
            self.return_with(EXIT_BUDGET, 0);
        }
        if let Some(blk) = self.shared.dispatch {
            self.b.switch_to_block(blk);
            self.return_with(super::runtime::EXIT_DISPATCH, 0);
        }
        if let Some(blk) = self.shared.interpret {
            self.b.switch_to_block(blk);
            let pc = self.b.append_block_param(blk, types::I32);
            let word = self.b.append_block_param(blk, types::I32);
            let remaining = self.b.append_block_param(blk, types::I64);
            let f = self.b.ins().iconst(types::I64, self.env.fallback() as i64);
            let call =
                self.b
                    .ins()
                    .call_indirect(self.helper_sig, f, &[self.ctx, self.rt, pc, word]);
            let status = self.b.inst_results(call)[0];
            // Retired unless it raised an exit (EXIT_PENDING; never a syscall here).
            let pending = self
                .b
                .ins()
                .icmp_imm_s(IntCC::Equal, status, i64::from(EXIT_PENDING));
            let retired = self.b.ins().bxor_imm_u(pending, 1);
            let retired = self.b.ins().uextend(types::I64, retired);
            let give = self.b.ins().isub(remaining, retired);
            let budget = self.budget_value();
            let budget = self.b.ins().iadd(budget, give);
            self.b.ins().store(ctx_flags(), budget, self.rt, off);
            // EXIT_DISPATCH is 0: the status is the exit code either way.
            self.b.ins().return_(&[status]);
        }
    }

    /// Continues at the computed address of the `bcctr` (or `bclr`) at `site`: the targets
    /// seen there (for a `bclr`, the unit's return sites) that are blocks of the unit are
    /// jumped to directly (a jump table over their address range, or a few compares), any
    /// other one goes through `exit_indirect`, or, while a `bcctr` site is learning
    /// (`learns`), back to the dispatcher with the site in `Runtime::indirect_site`. `raw`
    /// is the low word of `from` (CTR or LR) as the branch read it, before its low two bits
    /// are cleared (`branch_target`).
    pub fn exit_indirect_at(&mut self, from: Reg, raw: Value, site: u32, learns: bool) {
        let known: Vec<(u32, Block)> = if self.table_only == Some(site) {
            Vec::new()
        } else {
            self.cur_indirect
                .iter()
                .filter_map(|t| self.internal.get(t).map(|&host| (*t, host)))
                .collect()
        };
        let learning = learns && self.env.indirect_learning(site);
        if known.is_empty() && !learning {
            let target = self.branch_target(raw);
            self.exit_indirect(target);
            return;
        }
        // The registers are stored once here (the lazy CR fields are built only where
        // needed), but for those some target leaves unstored (`Plan::unstored`): the jump
        // to each other target, and the miss path, store those.
        let mut unstored = [false; SLOTS];
        if let Some(plan) = &self.plan {
            for &(t, _) in &known {
                for (u, v) in unstored.iter_mut().zip(plan.unstored(t)) {
                    *u |= v;
                }
            }
        }
        let dirty = self.dirty;
        for (d, u) in self.dirty.iter_mut().zip(unstored) {
            *d &= !u;
        }
        if self.flush_counted() {
            self.pending_checkpoint = None;
        }
        self.dirty = std::array::from_fn(|slot| dirty[slot] && unstored[slot]);
        let miss = self.b.create_block();
        self.b.set_cold_block(miss);
        let lo = known.iter().map(|k| k.0).min().unwrap_or(0);
        let hi = known.iter().map(|k| k.0).max().unwrap_or(0);
        let span = ((hi - lo) / 4 + 1) as usize;
        let stubs: Vec<(u32, Block, Block)> = known
            .iter()
            .map(|&(t, host)| (t, host, self.b.create_block()))
            .collect();
        let by_table = known.len() > 3 && span <= MAX_JUMP_TABLE && span <= SPARSEST * known.len();
        if by_table {
            // From the address before its low bits were cleared: `lo` is a multiple of 4, so
            // they are shifted out all the same, and the mask stays off the hot path. A short
            // table is indexed by the byte offset itself, four entries per target (whatever
            // the low bits), which keeps the shift off the path to the jump.
            let off = self.b.ins().iadd_imm_s(raw, -i64::from(lo as i32));
            let per = if span * 4 <= MAX_BYTE_TABLE { 4 } else { 1 };
            let idx = if per == 4 {
                off
            } else {
                self.b.ins().ushr_imm_u(off, 2)
            };
            let miss_call = self.b.func.dfg.block_call(miss, &[]);
            let mut entries = vec![miss_call; span * per];
            for &(t, _, stub) in &stubs {
                let at = ((t - lo) / 4) as usize * per;
                let call = self.b.func.dfg.block_call(stub, &[]);
                entries[at..at + per].fill(call);
            }
            let table = self
                .b
                .create_jump_table(cranelift_codegen::ir::JumpTableData::new(
                    miss_call, &entries,
                ));
            self.b.ins().br_table(idx, table);
        } else if known.len() > 3 {
            // Targets too far apart for a table: a tree of compares.
            let target = self.branch_target(raw);
            let mut switch = cranelift_frontend::Switch::new();
            for &(t, _, stub) in &stubs {
                switch.set_entry(u128::from(t), stub);
            }
            switch.emit(self.b, target, miss);
        } else {
            // A few targets: compares in the order they were learned.
            let target = self.branch_target(raw);
            for &(t, _, stub) in &stubs {
                let hit = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, target, i64::from(t as i32));
                let next = self.b.create_block();
                self.b.ins().brif(hit, stub, &[], next, &[]);
                self.b.switch_to_block(next);
                self.b.seal_block(next);
            }
            self.b.ins().jump(miss, &[]);
        }
        for &(t, host, stub) in &stubs {
            self.b.switch_to_block(stub);
            self.b.seal_block(stub);
            self.jump_internal(t, host);
        }
        self.b.switch_to_block(miss);
        self.b.seal_block(miss);
        // Behind a table, the target is read again from `from` (stored above): otherwise the
        // address the miss needs, formed before the table, would take an instruction and a
        // register on the hot path, where the table's index folds the same sum into its own.
        // Unless a target carries `from` unstored (`Plan::defer`): then from its variable.
        let raw = if by_table {
            let src = if self.dirty[from.slot()] {
                let var = self.var(from.slot());
                self.b.use_var(var)
            } else {
                self.load_slot(from.slot())
            };
            self.b.ins().ireduce(types::I32, src)
        } else {
            raw
        };
        let target = self.branch_target(raw);
        if learning {
            self.note_address(offset_of!(Runtime, indirect_site), site);
            self.store_pc(target);
            self.flush_for_rust();
            self.exit_dispatch();
        } else {
            self.exit_indirect(target);
        }
        self.dirty = dirty;
    }

    /// A `switch` whose table is read at compile time (`block::TableSwitch`), lifted before
    /// its `lwax`: while the base register holds the address the table had when the
    /// dispatcher learned the switch's targets (`Environment::table_base`) and the index
    /// falls in the table, a jump table indexed by the index itself goes straight to the
    /// target, with the loaded offset, the sum and CTR as constants. Only entries whose
    /// target is a block of the unit are taken; the rest, another base, or an index past
    /// the table go on to the `switch` as the guest wrote it. The table's words are taken
    /// as constants, so their pages drop the unit when written (`constant_word`). Whether
    /// the switch jumps through the table.
    fn table_switch(&mut self, ts: super::block::TableSwitch, site: u32) -> bool {
        let Some((base_value, entries)) = self.switch_table(site) else {
            return false;
        };
        let index = self.get(Reg::Gpr(ts.index));
        let table = self.b.create_block();
        let generic = self.b.create_block();
        if self.fixed_bases.contains(&(ts.base, base_value, site)) {
            self.table_only = Some(site);
            self.b.ins().jump(table, &[]);
        } else {
            let base = self.get(Reg::Gpr(ts.base));
            let same = self
                .b
                .ins()
                .icmp_imm_s(IntCC::Equal, base, base_value as i64);
            self.b.ins().brif(same, table, &[], generic, &[]);
        }
        self.b.switch_to_block(table);
        self.b.seal_block(table);
        // The table is indexed by the index's low word, with no compare of its own (the
        // jump table's default takes what lies past it): the guest's effective address is
        // 32 bits, so the `lwax` reads the table at that low word's offset whatever the high
        // word holds. When the index is a word shifted left by 2 (gcc's `sldi` of the
        // loaded operation), the table is indexed by that word instead, one entry per
        // offset, which keeps the shift off the path to the jump: the offset's low word is
        // 4 × (the word modulo 2^30), so an entry number below the table's length is the
        // same either way. The index is the low word because `br_table` takes an `i32`:
        // the whole doubleword (which spared Cranelift's zero-extension of the word) compiled
        // to right code on x86-64 but is not valid IR, and a debug build's verifier rejects it.
        let (index32, per) = match switch_word(self, index) {
            Some(word) => (word, 1),
            None => (self.b.ins().ireduce(types::I32, index), 4),
        };
        let generic_call = self.b.func.dfg.block_call(generic, &[]);
        let mut calls = vec![generic_call; per * entries.len()];
        let mut stubs = Vec::new();
        for (k, entry) in entries.iter().enumerate() {
            if let Some((off, target)) = *entry {
                let stub = self.b.create_block();
                calls[per * k] = self.b.func.dfg.block_call(stub, &[]);
                stubs.push((stub, off, target));
            }
        }
        let jt = self
            .b
            .create_jump_table(cranelift_codegen::ir::JumpTableData::new(
                generic_call,
                &calls,
            ));
        self.b.ins().br_table(index32, jt);
        for (stub, off, target) in stubs {
            self.b.switch_to_block(stub);
            self.b.seal_block(stub);
            let saved = (self.valid, self.dirty, self.lazy, self.kills);
            let loaded = self.b.ins().iconst(types::I64, off);
            self.set(Reg::Gpr(ts.loaded), loaded);
            let sum = self
                .b
                .ins()
                .iconst(types::I64, (base_value as i64).wrapping_add(off));
            self.set(Reg::Gpr(ts.sum), sum);
            self.set(Reg::Ctr, sum);
            let host = self.internal[&target];
            self.jump_internal(target, host);
            (self.valid, self.dirty, self.lazy, self.kills) = saved;
        }
        self.b.switch_to_block(generic);
        self.b.seal_block(generic);
        // The way past the table loads it, which may fault: the context is made exact here
        // for that load to rerun from (the block may have begun with registers changed
        // before it unstored, `Plan::defer`).
        let load = site.wrapping_sub(4 * (self.remaining as u32 - 1));
        self.checkpoint_at(load.wrapping_sub(4), self.remaining + 1);
        true
    }

    /// The table of the `switch` at `site` as its unit reads it at compile time, when that
    /// unit jumps through it (`table_switch`): the base it was learned with, and per entry
    /// the loaded offset and the target, where that target is a block of the unit.
    fn switch_table(&mut self, site: u32) -> Option<(u64, Vec<TableEntry>)> {
        let base_value = self.env.table_base(site)?;
        let window = site / super::block::WINDOW;
        let mut entries: Vec<TableEntry> = Vec::new();
        for k in 0..(MAX_BYTE_TABLE / 4) as u32 {
            let addr = (base_value as u32).wrapping_add(4 * k);
            let Some(word) = self.env.constant_word(addr) else {
                break;
            };
            let off = i64::from(word as i32);
            let target = (base_value as i64).wrapping_add(off) as u32 & !3;
            if target / super::block::WINDOW != window {
                // Past the table's end: other data, or code.
                break;
            }
            entries.push(self.internal.contains_key(&target).then_some((off, target)));
        }
        while entries.last() == Some(&None) {
            entries.pop();
        }
        (entries.iter().flatten().count() >= 2).then_some((base_value, entries))
    }

    /// The address a `bclr`/`bcctr` goes to: its register's low word (`raw`) with the two
    /// low bits cleared.
    pub(super) fn branch_target(&mut self, raw: Value) -> Value {
        self.b.ins().band_imm_u(raw, !3i64 & 0xffff_ffff)
    }

    /// Stores `pc | 1 << 32` in the `Runtime` field at `off`: a guest address for the
    /// dispatcher to act on (0 there means none).
    fn note_address(&mut self, off: usize, pc: u32) {
        let tagged = self.b.ins().iconst(types::I64, i64::from(pc) | 1 << 32);
        self.b.ins().store(ctx_flags(), tagged, self.rt, off as i32);
    }

    /// Continues at a computed address through the indirect-branch table.
    pub fn exit_indirect(&mut self, target: Value) {
        use super::runtime::{FastEntry, FAST_ENTRIES};
        self.store_pc(target);
        self.flush();
        let pc64 = self.b.ins().uextend(types::I64, target);
        let idx = self.b.ins().ushr_imm_u(pc64, 2);
        let idx = self.b.ins().band_imm_s(idx, (FAST_ENTRIES - 1) as i64);
        let off = self
            .b
            .ins()
            .imul_imm_u(idx, std::mem::size_of::<FastEntry>() as i64);
        let table = self
            .b
            .ins()
            .iconst(types::I64, self.env.fast_table() as i64);
        let entry = self.b.ins().iadd(table, off);
        let key = self.b.ins().load(types::I64, ctx_flags(), entry, 0);
        let tag = (1i64 << 32) | (i64::from(self.sf) << 33);
        let want = self.b.ins().bor_imm_s(pc64, tag);
        let hit = self.b.ins().icmp(IntCC::Equal, key, want);
        let code = self.b.ins().load(types::I64, ctx_flags(), entry, 8);
        let zero = self.b.ins().iconst(types::I64, 0);
        let code = self.b.ins().select(hit, code, zero);
        self.tail_or_dispatch(code);
    }

    /// Executes the instruction at `pc` in the interpreter, then continues in line. If the
    /// interpreter raises an exit, the unit returns it; a syscall counts as retired, any
    /// other exit (fault, trap, invalid) leaves the instruction unretired, as `interp::run`
    /// counts them.
    pub fn fallback(&mut self, pc: u32, d: Decoded) {
        self.flush_for_rust();
        let f = self.b.ins().iconst(types::I64, self.env.fallback() as i64);
        let pcv = self.b.ins().iconst(types::I32, i64::from(pc as i32));
        let wv = self.b.ins().iconst(types::I32, i64::from(d.insn.0 as i32));
        let call = self
            .b
            .ins()
            .call_indirect(self.helper_sig, f, &[self.ctx, self.rt, pcv, wv]);
        let status = self.b.inst_results(call)[0];
        self.invalidate();
        let cont = self.b.create_block();
        self.cold_if(status, cont);
        // EXIT_PENDING: a syscall retired, any other exit did not. EXIT_CODE_WRITTEN: the
        // instruction retired. Either way the code is passed on to the dispatcher.
        let retires = matches!(d.op(), Op::System(crate::isa::system::SysOp::Sc));
        let pending = self.remaining - i64::from(retires);
        let written = self.remaining - 1;
        let is_pending = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, status, i64::from(EXIT_PENDING));
        let pending = self.b.ins().iconst(types::I64, pending);
        let written = self.b.ins().iconst(types::I64, written);
        let give = self.b.ins().select(is_pending, pending, written);
        let off = offset_of!(Runtime, budget) as i32;
        let budget = self.budget_value();
        let budget = self.b.ins().iadd(budget, give);
        self.b.ins().store(ctx_flags(), budget, self.rt, off);
        self.b.ins().return_(&[status]);
        self.b.switch_to_block(cont);
        self.b.seal_block(cont);
        // The interpreter left the context exact after this instruction.
        self.checkpoint = (pc.wrapping_add(4), self.remaining - 1);
        self.checkpoint_lazy = 0;
        self.pending_checkpoint = None;
    }

    /// Runs `fast` when `ok` holds, else the interpreter for the instruction (which reports a
    /// fault precisely, or completes an access the fast path does not handle, such as one
    /// crossing into a page with other permissions). Both paths meet with the same register
    /// variables defined.
    ///
    /// With host faults (`Environment::host_faults`) the slow path leaves the unit instead
    /// (as `guarded_mem`'s does): the fast path then never continues from a context the
    /// interpreter changed, so a fault later in the block can still be recovered from the
    /// block's last checkpoint. The slow paths are rare (unusual FP operands).
    pub fn guarded(&mut self, ok: Value, pc: u32, d: Decoded, fast: impl FnOnce(&mut Self)) {
        if self.env.host_faults() {
            self.leave_unless(&[ok], pc, d, false, fast);
            return;
        }
        // The interpreter on the slow path reads CR, and both paths must meet with the same
        // fields lazy: none.
        self.kill_all_fields();
        let fast_b = self.b.create_block();
        let slow_b = self.b.create_block();
        let join = self.b.create_block();
        self.b.ins().brif(ok, fast_b, &[], slow_b, &[]);
        let (valid_before, dirty_before) = (self.valid, self.dirty);

        self.b.switch_to_block(fast_b);
        self.b.seal_block(fast_b);
        fast(self);
        self.b.ins().jump(join, &[]);
        let (valid_after, dirty_after) = (self.valid, self.dirty);

        self.b.switch_to_block(slow_b);
        self.b.seal_block(slow_b);
        self.valid = valid_before;
        self.dirty = dirty_before;
        self.fallback(pc, d);
        // The context now holds the truth: give every variable the fast path leaves valid its
        // value from there. After the join the fast path's changes count as unstored (on the
        // slow path storing them again is harmless).
        for (slot, &valid) in valid_after.iter().enumerate() {
            if valid {
                self.reload(slot);
            }
        }
        self.b.ins().jump(join, &[]);

        self.b.switch_to_block(join);
        self.b.seal_block(join);
        self.valid = valid_after;
        self.dirty = dirty_after;
    }

    /// Runs `fast` when every check holds, else leaves the unit through the interpreter,
    /// which executes the instruction (reporting a fault precisely, or completing an access
    /// the fast path declines) and leaves `ctx.pc` at the next one. Unlike `guarded`, the
    /// slow path never rejoins, so the fast path's register values need not survive a call
    /// or merge with values reloaded from the context. For memory accesses, whose slow path
    /// is rare.
    pub fn guarded_mem(
        &mut self,
        checks: &[Value],
        pc: u32,
        d: Decoded,
        writes: bool,
        fast: impl FnOnce(&mut Self),
    ) {
        if self.env.host_faults() {
            // A fault leaves the unit from inside the access (`hostfault`); the source
            // location names the access, its site says where to resume. A second access of
            // one instruction after its own store resumes after the instruction.
            if let Some(store) = self.pending_checkpoint.take() {
                debug_assert_eq!(store, pc, "settled at the instruction's start");
                self.checkpoint_at(pc, self.remaining);
            }
            let (checkpoint, unretired) = self.checkpoint;
            let site = self.sites.len() as u32;
            self.sites.push(FaultSite {
                checkpoint,
                unretired,
                lazy: self.checkpoint_lazy,
                taken: self.taken,
                rerun: (unretired - self.remaining + 1) as u32,
                twin: self.arm_load.map(|a| a.block),
            });
            self.b.set_srcloc(SourceLoc::new(site));
            fast(self);
            self.b.set_srcloc(SourceLoc::default());
            if writes {
                self.checkpoint_after(pc);
            }
            return;
        }
        self.leave_unless(checks, pc, d, false, fast);
    }

    /// Runs `fast` when every check holds; else the unit leaves through the interpreter,
    /// which executes the instruction and returns to the dispatcher at the next one.
    fn leave_unless(
        &mut self,
        checks: &[Value],
        pc: u32,
        d: Decoded,
        fp_miss: bool,
        fast: impl FnOnce(&mut Self),
    ) {
        let slow_b = self.b.create_block();
        self.b.set_cold_block(slow_b);
        for &ok in checks {
            let next = self.b.create_block();
            self.b.ins().brif(ok, next, &[], slow_b, &[]);
            self.b.switch_to_block(next);
            self.b.seal_block(next);
        }
        let fast_b = self.b.current_block().expect("a block is being filled");
        let (valid, dirty, killed, lazy, kills) =
            (self.valid, self.dirty, self.killed, self.lazy, self.kills);
        self.b.switch_to_block(slow_b);
        self.b.seal_block(slow_b);
        if fp_miss {
            self.note_address(offset_of!(Runtime, fp_miss), pc);
        }
        self.flush_for_rust();
        self.sync_budget();
        let target = self.shared_exit(|s| &mut s.interpret);
        let pcv = self.b.ins().iconst(types::I32, i64::from(pc as i32));
        let wv = self.b.ins().iconst(types::I32, i64::from(d.insn.0 as i32));
        let rem = self.b.ins().iconst(types::I64, self.remaining);
        let args = [pcv, wv, rem].map(BlockArg::Value);
        self.b.ins().jump(target, &args);
        self.valid = valid;
        self.dirty = dirty;
        self.killed = killed;
        self.lazy = lazy;
        self.kills = kills;
        self.b.switch_to_block(fast_b);
        fast(self);
    }

    /// Continues only when every check holds; else the unit leaves through the interpreter,
    /// which executes the instruction at `pc` (a guard, as `guarded`'s with host faults).
    pub fn leave_unless_checks(&mut self, checks: &[Value], pc: u32, d: Decoded) {
        self.leave_unless(checks, pc, d, false, |_| {});
    }

    /// Continues only when every check holds; else the unit leaves through the interpreter
    /// at `pc` and reports an FP instruction outside the quick state (`Runtime::fp_miss`).
    pub fn leave_unless_fp_miss(&mut self, checks: &[Value], pc: u32, d: Decoded) {
        self.leave_unless(checks, pc, d, true, |_| {});
    }

    /// Asks for the context to be made exact after the store at `pc` (host-fault mode), so
    /// a fault later in the block never runs it again. That waits for the next instruction
    /// that may fault (`settle_checkpoint`): the integer instructions before it change only
    /// registers, so a block that stores and then only computes and branches stores its
    /// registers once, at its end, where a jump leaves some unstored (`Plan::unstored`).
    fn checkpoint_after(&mut self, pc: u32) {
        self.pending_checkpoint = Some(pc);
    }

    /// Before the instruction at `pc`, which may fault (or call out), with `remaining`
    /// instructions of the block unretired: makes the context exact there if a store asked
    /// for it since the last checkpoint.
    fn settle_checkpoint(&mut self, pc: u32) {
        if self.pending_checkpoint.take().is_some() {
            self.checkpoint_at(pc.wrapping_sub(4), self.remaining + 1);
        }
    }

    /// Makes the context exact after the instruction at `pc`, which had `remaining`
    /// instructions of the block unretired (counting itself).
    fn checkpoint_at(&mut self, pc: u32, remaining: i64) {
        // Lazy fields stay lazy: the fault sites after this checkpoint name them.
        let stored = self.flush_counted();
        self.dirty = [false; SLOTS];
        if !stored {
            // Cranelift drops the first of two stores to one address with no memory
            // operation between them, which would move a fault to the second one: a
            // context store in between keeps both.
            self.store_pc_const(pc);
        }
        self.checkpoint = (pc.wrapping_add(4), remaining - 1);
        self.checkpoint_lazy = self.lazy_set_index();
    }

    /// Leaves the unit to the dispatcher at whatever `ctx.pc` holds (after the interpreter
    /// executed a control-flow instruction).
    pub fn exit_to_context_pc(&mut self) {
        self.flush_for_rust();
        self.exit_dispatch();
    }

    /// After an unconditional exit, continues emitting into an unreachable block so callers
    /// need not track whether the builder is terminated.
    pub fn start_dead_block(&mut self) {
        // Values from before do not dominate the dead block.
        for l in self.lazy.iter_mut().flatten() {
            l.vals = None;
        }
        let dead = self.b.create_block();
        self.b.switch_to_block(dead);
        self.b.seal_block(dead);
    }
}

/// Checks, before the unit's first instruction, the base register of each `switch` read at
/// compile time (`Lifter::table_switch`) that no block of the unit writes (`Plan::unwritten`):
/// such a base holds at the switch what it held here, so the switch need not compare it
/// each time round, and a variable holding it holds the constant (no host register, no
/// spill). A unit entered with another base returns to the dispatcher before doing
/// anything, with the switch in `Runtime::base_miss`: the dispatcher notes the new base
/// and compiles the unit again, or, after `Environment::base_fixed` turns false, with the
/// compare at the switch.
fn check_fixed_bases(l: &mut Lifter, region: &super::block::Region) {
    let Some(unwritten) = l.plan.as_ref().map(|p| p.unwritten) else {
        return;
    };
    let mut fixed: Vec<(usize, u64, u32)> = Vec::new();
    for block in &region.blocks {
        let Some(ts) = super::block::table_switch(&block.insns) else {
            continue;
        };
        let site = block.insns[block.insns.len() - 1].0;
        if !unwritten[ts.base] || !l.env.base_fixed(site) {
            continue;
        }
        // Only a switch the unit jumps through by its table compares its base.
        if let Some((value, _)) = l.switch_table(site) {
            if !fixed.contains(&(ts.base, value, site)) {
                fixed.push((ts.base, value, site));
            }
        }
    }
    // One register with two values: some entry would fail one of them every time.
    let fixed: Vec<_> = fixed
        .iter()
        .copied()
        .filter(|&(reg, value, _)| fixed.iter().all(|&(r, v, _)| r != reg || v == value))
        .collect();
    let entry = region.blocks[0].start();
    for &(reg, value, site) in &fixed {
        let held = l.load_slot(reg);
        let other = l.b.ins().icmp_imm_s(IntCC::NotEqual, held, value as i64);
        let on = l.b.create_block();
        l.cold_if(other, on);
        l.note_address(offset_of!(Runtime, base_miss), site);
        l.store_pc_const(entry);
        l.return_with(super::runtime::EXIT_DISPATCH, 0);
        l.b.switch_to_block(on);
        l.b.seal_block(on);
        if l.valid[reg] {
            let constant = l.b.ins().iconst(types::I64, value as i64);
            let var = l.var(reg);
            l.b.def_var(var, constant);
        }
    }
    l.fixed_bases = fixed;
}

/// Lifts a unit: its guest blocks become host blocks, and branches between them plain jumps.
///
/// Lifted twice. The first pass starts every block with no register in a variable and
/// records the jumps between blocks; from those, `Plan` says which registers each block of
/// the final pass may take from the variables its predecessors left (the prologue loads
/// those the entry block expects). Returns the number of instructions left to the
/// interpreter.
pub fn lift_unit(l: &mut Lifter, region: &super::block::Region) -> usize {
    for block in &region.blocks {
        let host = l.b.create_block();
        l.internal.insert(block.key(), host);
    }
    let entry = region.blocks[0].start();
    let entry_key = entry_key(region);
    l.budget_plan = super::block::budget_checks(region, BUDGET_SPAN);
    if l.plan.as_ref().is_some_and(|p| !p.quiet_loops.is_empty()) {
        l.quiet_budget = Some(l.b.declare_var(types::I64));
    }
    let merged_away;
    (l.twins, merged_away) = find_twins(l, region);
    l.store_first = region
        .blocks
        .iter()
        .filter(|b| !l.budget_plan.checks.contains_key(&b.key()))
        .filter(|b| {
            b.insns
                .iter()
                .find(|(_, d)| !matches!(d.op(), Op::Integer(_)))
                .is_none_or(|(_, d)| matches!(d.op(), Op::Branch(_)) || loadstore::may_store(d))
        })
        .map(|b| b.key())
        .collect();
    // Entered from outside, the entry block starts with nothing lazy and no register in a
    // variable; when blocks of the unit jump back to it (a loop head), those jumps go to a
    // second copy that takes what they bring, so the loop need not give it up.
    let outside = if entry_key != entry {
        l.b.create_block()
    } else {
        l.internal[&entry]
    };
    if let Some(plan) = &l.plan {
        let at_entry = plan.valid_in(entry_key);
        for (slot, &valid) in at_entry.iter().enumerate() {
            if valid {
                l.reload(slot);
            }
        }
    }
    check_fixed_bases(l, region);
    if l.counts_quietly(entry_key) {
        l.enter_quiet_budget();
    }
    l.b.ins().jump(outside, &[]);
    // Blocks that begin by reading FR, FI or FPRF: their predecessors compute them.
    let readers: std::collections::HashSet<u32> = region
        .blocks
        .iter()
        .filter(|b| fpu::reads_first(&b.insns))
        .map(|b| b.start())
        .collect();
    let mut fallbacks = 0;
    let copies = (entry_key != entry).then_some((&region.blocks[0], entry_key, outside));
    let blocks: Vec<_> = region
        .blocks
        .iter()
        .map(|b| (b, b.key(), l.internal[&b.key()]))
        .collect();
    for (block, key, host) in copies.into_iter().chain(blocks) {
        l.b.switch_to_block(host);
        if merged_away.contains(&key) {
            // Nothing jumps here: its code runs as a twin arm inside the block before it.
            l.b.ins()
                .trap(cranelift_codegen::ir::TrapCode::unwrap_user(1));
            continue;
        }
        l.cur_to_copies.clone_from(&block.to_copies);
        let twin = l.twins.get(&block.start()).map(|t| t.block.clone());
        let block = twin.as_ref().unwrap_or(block);
        l.cur_block = key;
        l.table_only = None;
        l.in_quiet = l.counts_quietly(key);
        l.killed = false;
        l.kills = lazy_cr::Kills::default();
        let (clean, lazy) = match &l.plan {
            Some(plan) => (plan.clean_in(key), plan.lazy_in(key)),
            None => (false, [None; 8]),
        };
        l.fpscr_clean = clean;
        l.lazy = lazy.map(|d| d.map(|desc| lazy_cr::Lazy { desc, vals: None }));
        // Registers changed before the block and still unstored (`Plan::defer`) stay
        // changed: the block's exits, and its jumps to blocks that do not take them so,
        // store them.
        (l.dirty, l.valid) = match &l.plan {
            Some(plan) => (plan.dirty_in(key), plan.valid_in(key)),
            None => ([false; SLOTS], [false; SLOTS]),
        };
        // Their variables exist already (some block before this one in the unit holds them,
        // or a check on a loop of quiet blocks, which declares what its exit stores); declared
        // here all the same, so that this block's stores never depend on that order.
        l.declare_dirty();
        l.cur_indirect.clone_from(&block.indirect);
        l.cur_learns = block.learns;
        let read_after = super::block::successors(block)
            .iter()
            .any(|s| readers.contains(s));
        let interpreted = lift_block(l, block, read_after);
        if key == block.start() {
            // The entry's copy and a loop head's are the same guest code: counted once.
            fallbacks += interpreted;
        }
    }
    l.in_quiet = false;
    l.finish_shared();
    fallbacks
}

/// The blocks of the unit whose final branch runs its twin arms as one (`twins`), and the
/// arms that no other block reaches, which are then left out. Only where guest accesses
/// fault in the host: an arm's load that fails then resumes at its checkpoint, the branch,
/// where an inline check's slow path would run the interpreter at one arm's address.
///
/// One arm may check the budget, not both: the arms are as long and leave to the same
/// places, so a run through the merged block is as long as one through the arm that does
/// not check, which the check before it asked enough budget for. An arm that is the entry
/// is the loop's copy of it (the prologue enters another, `lift_unit`).
fn find_twins(l: &Lifter, region: &super::block::Region) -> (HashMap<u32, Twins>, HashSet<u32>) {
    let mut twins = HashMap::new();
    if !l.env.host_faults() {
        return (twins, HashSet::new());
    }
    let by_start: HashMap<u32, &super::block::Block> =
        region.blocks.iter().map(|b| (b.start(), b)).collect();
    for b in &region.blocks {
        let Some(t) = super::twins::twin_arms(b, &by_start) else {
            continue;
        };
        if t.arms.iter().all(|a| l.budget_plan.checks.contains_key(a))
            || !l.env.twins_allowed(b.start())
        {
            continue;
        }
        twins.insert(b.start(), t);
    }
    let entry = region.blocks[0].start();
    let mut reached = HashSet::new();
    if !region.entry_heads_loop() {
        reached.insert(entry);
    }
    for b in &region.blocks {
        // A merged block goes where its arms' ends go, not to the arms.
        let succ = super::block::successors(twins.get(&b.start()).map_or(b, |t| &t.block));
        reached.extend(succ.into_iter().chain(b.indirect.iter().copied()));
    }
    let away = twins
        .values()
        .flat_map(|t| t.arms)
        .filter(|a| !reached.contains(a))
        .collect();
    (twins, away)
}

/// One position of twin arms (`twins`) where they run different instructions that write
/// GPR `dest` and nothing else: both read the registers as the arms found them, and the
/// GPR keeps the taken arm's value when `taken` (the branch's condition) holds.
fn twin_alu(
    l: &mut Lifter,
    taken: Value,
    dest: usize,
    ours: (u32, Decoded),
    theirs: (u32, Decoded),
) {
    let before = l.get(Reg::Gpr(dest));
    lift_one(l, theirs.0, theirs.1);
    let their_value = l.get(Reg::Gpr(dest));
    l.set(Reg::Gpr(dest), before);
    lift_one(l, ours.0, ours.1);
    let our_value = l.get(Reg::Gpr(dest));
    let chosen = l.b.ins().select(taken, our_value, their_value);
    l.set(Reg::Gpr(dest), chosen);
}

/// The plan's key for the unit's entry as control arrives from outside: the entry's address,
/// or, when blocks of the unit jump back to the entry, the address | 1 (a copy of the entry
/// block, see `lift_unit`).
fn entry_key(region: &super::block::Region) -> u32 {
    let entry = region.blocks[0].start();
    if region.entry_heads_loop() {
        entry | 1
    } else {
        entry
    }
}

/// Lifts one guest block: budget check, each instruction natively or via the interpreter,
/// then the block's exit.
fn lift_block(l: &mut Lifter, block: &super::block::Block, read_after: bool) -> usize {
    let mut fallbacks = 0;
    let copies = block.copies();
    let n = (block.insns.len() * copies) as i64;
    fpu::begin_block(l, &block.insns, read_after);
    // Budget: a checking block leaves before executing any of it (with the registers a
    // previous block of the unit changed written back) unless the longest run to the next
    // check fits, then takes its own instructions from the register (unless the jumps into
    // it did); other blocks are counted at compile time (`block::BudgetPlan::taken`). The
    // entry's copy is entered from outside, with nothing taken (`lift_unit`).
    let from_outside = l.cur_block != block.key();
    l.taken = if from_outside {
        0
    } else {
        i64::from(l.budget_plan.taken.get(&block.key()).copied().unwrap_or(0))
    };
    let check = if from_outside {
        Some(l.budget_plan.entry)
    } else {
        l.budget_plan.checks.get(&block.key()).copied()
    };
    if let Some(span) = check {
        // The register as it is, against what the run needs less what the jumps into a
        // prepaid block took already (`block::prepaid_checks`: `taken` is minus its length).
        let raw = if l.taken < 0 && !l.in_quiet {
            let var = l.prepaid_budget_var();
            l.b.use_var(var)
        } else {
            // A block counting in the quiet loop's variable finds the jumps' new value there.
            l.budget_reg()
        };
        let short =
            l.b.ins()
                .icmp_imm_s(IntCC::SignedLessThan, raw, i64::from(span) + l.taken);
        let body = l.b.create_block();
        // Nothing is changed yet at a block's start, so only PC needs storing; the constant
        // stays out of the hot path in a stub of its own.
        l.cold_if(short, body);
        // Nothing is changed yet but fields inherited lazy, which the dispatcher builds, and
        // the registers the jumps in left unstored, for this block to overwrite or to carry
        // on (`Plan::unstored`).
        let carried = l.dirty;
        if let Some(plan) = &l.plan {
            l.dirty = plan.unstored(l.cur_block);
            l.declare_dirty();
        }
        l.flush_for_rust();
        l.dirty = carried;
        l.store_pc_const(block.start());
        // A prepaid block gives its length back.
        l.sync_budget();
        let out = l.shared_exit(|s| &mut s.budget);
        l.b.ins().jump(out, &[]);
        l.b.switch_to_block(body);
        l.b.seal_block(body);
        if l.taken < 0 {
            l.taken += n;
        } else {
            debug_assert_eq!(l.taken, 0, "checking blocks start with nothing taken");
            let left = l.b.ins().iadd_imm_s(raw, -n);
            l.set_budget_reg(left);
        }
    } else {
        // Counted at compile time; the register catches up at a check, a jump whose target
        // starts with another count, or a way out of the unit.
        l.taken += n;
    }

    l.checkpoint = (block.start(), n);
    l.checkpoint_lazy = l.lazy_set_index();
    l.pending_checkpoint = None;
    l.prefix = (l.plan.is_none() && !from_outside).then_some(Prefix {
        read: [false; SLOTS],
        written: [false; SLOTS],
        fields: [false; 8],
    });
    let len = block.insns.len();
    // Twin arms (`twins`): the branch's condition chooses, for each instruction of the taken
    // arm that differs from the other arm's, between the two instructions' values, instead
    // of where to go.
    let twin = l
        .twins
        .get(&block.start())
        .filter(|t| t.block.insns.len() == len)
        .map(|t| (t.at, t.other.clone()));
    // Only integer instructions and a final branch (`Plan::defer`; the branch between twin
    // arms only chooses values); a first-pass record.
    let mut quiet = l.plan.is_none()
        && !from_outside
        && block
            .insns
            .iter()
            .enumerate()
            .all(|(k, (_, d))| match d.op() {
                Op::Integer(_) => true,
                Op::Branch(_) => k + 1 == len || twin.as_ref().is_some_and(|t| t.0 == k),
                _ => false,
            });
    let switch = super::block::table_switch(&block.insns).filter(|_| copies == 1);
    let mut switch_lowered = false;
    let mut arm_cond = None;
    for copy in 0..copies {
        for (k, &(pc, d)) in block.insns.iter().enumerate() {
            l.remaining = n - (copy * len + k) as i64;
            if !matches!(d.op(), Op::Integer(_)) {
                l.end_prefix();
                if !matches!(d.op(), Op::Branch(_)) {
                    l.settle_checkpoint(pc);
                }
            }
            if let Some((at, other)) = &twin {
                if k == *at {
                    // An arm's access reruns from here, whichever arm the context took.
                    l.settle_checkpoint(pc);
                    arm_cond = Some(branch::arm_condition(l, d.insn));
                    continue;
                }
                match (other[k], arm_cond) {
                    (Other::Disp(other), Some(taken)) => {
                        l.arm_load = Some(ArmLoad {
                            taken,
                            other,
                            block: block.start(),
                        });
                    }
                    (
                        Other::Alu {
                            pc: their_pc,
                            insn,
                            gpr,
                        },
                        Some(taken),
                    ) => {
                        twin_alu(l, taken, gpr, (pc, d), (their_pc, insn));
                        continue;
                    }
                    _ => {}
                }
            }
            let before = l.prefix;
            if let Some(ts) = switch.filter(|ts| ts.at == k) {
                switch_lowered = l.table_switch(ts, block.insns[len - 1].0);
            }
            if k + 1 == len && copy + 1 < copies {
                // The branch back to the block's start goes on into the next copy; the
                // fall-through leaves, giving back the copies that did not run.
                let again = branch::self_loop_condition(l, d.insn);
                let next = l.b.create_block();
                let out = l.b.create_block();
                l.b.ins().brif(again, next, &[], out, &[]);
                l.b.switch_to_block(out);
                l.b.seal_block(out);
                let unrun = ((copies - copy - 1) * len) as i64;
                l.taken -= unrun;
                l.exit_direct(block.fallthrough);
                l.taken += unrun;
                l.b.switch_to_block(next);
                l.b.seal_block(next);
                continue;
            }
            let native = lift_one(l, pc, d);
            l.arm_load = None;
            if !native {
                // The interpreter reads the context: the prefix ended before this one.
                if before.is_some() {
                    l.prefix = before;
                    l.end_prefix();
                }
                quiet = false;
                // Counted once, however many copies hold it.
                fallbacks += usize::from(copy == 0);
                l.fallback(pc, d);
                if k + 1 == len && super::block::ends_block(&d) {
                    // The interpreter decided where control goes (a branch it executed, or the
                    // instruction after an isync/icbi): leave through ctx.pc.
                    l.exit_to_context_pc();
                    l.start_dead_block();
                }
            }
        }
    }
    l.end_prefix();
    if quiet {
        l.quiet.insert(block.key());
    }
    // A `switch` through its table, and otherwise integer instructions and `mtctr` only.
    let switch_quiet = |(k, (_, d)): (usize, &(u32, Decoded))| {
        matches!(d.op(), Op::Integer(_))
            || switch.is_some_and(|ts| ts.at == k)
            || k + 1 == len
            || matches!(d.op(), Op::System(SysOp::Mtspr)) && d.insn.spr() == 9
    };
    if l.plan.is_none()
        && !from_outside
        && switch_lowered
        && block.insns.iter().enumerate().all(switch_quiet)
    {
        l.quiet_switches.insert(block.key());
    }
    // Reached only when the last instruction did not leave the block itself.
    l.remaining = 0;
    if l.b.is_unreachable() {
        // It ended in an unconditional branch: a jump from here would be a false predecessor
        // of the next block, which the plan would then load registers for.
        l.b.ins()
            .trap(cranelift_codegen::ir::TrapCode::unwrap_user(1));
    } else {
        l.exit_direct(block.fallthrough);
    }
    fallbacks
}

/// Lifts one instruction natively; false means "use the interpreter".
fn lift_one(l: &mut Lifter, pc: u32, d: Decoded) -> bool {
    match d.op() {
        Op::Integer(o) => integer::lift(l, o, d.insn),
        Op::Branch(o) => branch::lift(l, o, d.insn, pc),
        Op::LoadStore(o) => loadstore::lift(l, o, d.insn, pc),
        Op::System(o) => system::lift(l, o, d.insn, pc),
        Op::Vector(o) => vector::lift(l, o, d.insn, pc),
        Op::Fpu(o) => fpu::lift(l, o, d, pc),
    }
}

/// A `switch` table's entry as its unit jumps through it: the loaded offset and the target,
/// when the target is a block of the unit (`Lifter::switch_table`).
type TableEntry = Option<(i64, u32)>;

/// When `index` (i64) is a value shifted left by 2, that value's low word: the number of the
/// table entry that `index`, as an offset, picks.
fn switch_word(l: &mut Lifter, index: Value) -> Option<Value> {
    let dfg = &l.b.func.dfg;
    let (word, 2) = loadstore::shifted_left(dfg, index)? else {
        return None;
    };
    (dfg.value_type(word) == types::I64).then(|| l.b.ins().ireduce(types::I32, word))
}

#[cfg(test)]
mod plan_tests {
    use super::{Edge, Plan, Reg, Slots, SLOTS};
    use std::collections::{HashMap, HashSet};

    fn set(regs: &[Reg]) -> Slots {
        let mut s = [false; SLOTS];
        for r in regs {
            s[r.slot()] = true;
        }
        s
    }

    /// Every block uses every register: no loop leaves one out.
    fn all_touched(blocks: &[u32]) -> HashMap<u32, Slots> {
        blocks.iter().map(|b| (*b, [true; SLOTS])).collect()
    }

    fn edge(from: u32, to: u32, valid: &[Reg], killed: bool) -> Edge {
        Edge {
            from,
            to,
            valid: set(valid),
            dirty: [false; SLOTS],
            killed,
            clean: false,
            lazy: [None; 8],
            kills: super::lazy_cr::Kills::default(),
        }
    }

    const A: u32 = 0x100;
    const B: u32 = 0x200;
    const C: u32 = 0x300;
    const R1: Reg = Reg::Gpr(1);
    const R2: Reg = Reg::Gpr(2);

    /// A -> B, B -> B (a loop), B -> C. A leaves r1 in a variable, B r2. Worked by hand from
    /// the definition: B is entered from A (r1) and from itself (r2 plus whatever B started
    /// with), so only r1 is valid on every path into B; C comes only from B: r1 and r2. The
    /// entry has no predecessor in the unit: nothing.
    #[test]
    fn a_loop_keeps_what_every_path_brings() {
        let edges = [
            edge(A, B, &[R1], false),
            edge(B, B, &[R2], false),
            edge(B, C, &[R2], false),
        ];
        let plan = Plan::solve(
            A,
            &[A, B, C],
            &edges,
            &all_touched(&[A, B, C]),
            [false; SLOTS],
        );
        assert_eq!(plan.valid_in(A), set(&[]));
        assert_eq!(plan.valid_in(B), set(&[R1]));
        assert_eq!(plan.valid_in(C), set(&[R1, R2]));
    }

    /// A unit entered in the middle of its loop: E, the copy of its entry A, jumps to B; the
    /// loop is A -> B -> A, and B reads r1, which nothing writes. Worked by hand: without
    /// loads on the copy's jumps, B is entered from E with nothing in variables, so it
    /// starts with nothing, and A with what B's jump brings (r1); with r1 among what the
    /// copy's jumps load, B keeps it from A too.
    #[test]
    fn the_entry_copy_loads_invariant_registers_for_the_loop() {
        const E: u32 = A | 1;
        let edges = [
            edge(E, B, &[], false),
            edge(A, B, &[], false),
            edge(B, A, &[R1], false),
        ];
        let touched = all_touched(&[E, A, B]);
        let plan = Plan::solve(E, &[E, A, B], &edges, &touched, [false; SLOTS]);
        assert_eq!((plan.valid_in(A), plan.valid_in(B)), (set(&[R1]), set(&[])));
        let plan = Plan::solve(E, &[E, A, B], &edges, &touched, set(&[R1]));
        assert_eq!(
            (plan.valid_in(A), plan.valid_in(B)),
            (set(&[R1]), set(&[R1]))
        );
        assert_eq!(
            plan.valid_in(E),
            set(&[]),
            "the copy itself starts with nothing"
        );
    }

    /// A `switch` loop entered at its dispatch: E (the copy of the dispatch A) and A jump to
    /// the cases B, C and D, each of which jumps back to A. A reads r2 (the operation's
    /// address); B and C read and then write r1 (a VM stack pointer), D writes r1 first;
    /// the exit X, outside the loop, reads r3. Worked by hand from the definition of
    /// liveness (live in = read before written, plus live out less written): r1 is live
    /// into B and C, not D, and into A, which jumps to B without writing it; r2 into A and
    /// every case (each goes back to A, which reads it); nothing is live for r3, read only
    /// outside the loops. The same loop with two cases
    /// holds no `switch`: no answer.
    #[test]
    fn a_switch_loop_knows_what_its_cases_read() {
        const E: u32 = A | 1;
        const D: u32 = 0x400;
        const X: u32 = 0x500;
        const R3: Reg = Reg::Gpr(3);
        let mut edges = vec![edge(A, X, &[], false)];
        for from in [E, A] {
            for to in [B, C, D] {
                edges.push(edge(from, to, &[], false));
            }
        }
        for case in [B, C, D] {
            edges.push(edge(case, A, &[], false));
        }
        let exposed: HashMap<u32, Slots> = [
            (A, set(&[R2])),
            (B, set(&[R1])),
            (C, set(&[R1])),
            (X, set(&[R3])),
        ]
        .into();
        let written: HashMap<u32, Slots> =
            [(B, set(&[R1])), (C, set(&[R1])), (D, set(&[R1]))].into();
        let bodies = Plan::loop_bodies(E, &edges);
        let live = Plan::dispatch_live_in(&bodies, &edges, &exposed, &written).expect("a switch");
        assert_eq!(live[&A], set(&[R1, R2]));
        assert_eq!(live[&B], set(&[R1, R2]));
        assert_eq!(live[&C], set(&[R1, R2]));
        assert_eq!(live[&D], set(&[R2]));
        assert!(!live.contains_key(&X), "the exit is in no loop");
        let two_cases: Vec<Edge> = edges
            .into_iter()
            .filter(|e| e.from != D && e.to != D)
            .collect();
        let bodies = Plan::loop_bodies(E, &two_cases);
        assert!(Plan::dispatch_live_in(&bodies, &two_cases, &exposed, &written).is_none());
    }

    /// A unit entered at E, the copy of the outer loop's head A, which jumps into the
    /// inner loop B -> B; B exits to C, which goes back to A. A writes r1 (a search key),
    /// B reads r1 and r2 and writes r2 (the pointer it follows), C reads r3, which nothing
    /// writes; a loop D -> D after C, which the copy does not join, reads r4. Worked by hand
    /// from the definition (read in the loop, written by none of its blocks): the inner
    /// loop gives r1, the outer one (A, B, C) r3 (it writes r1 and r2); D is not joined, so
    /// r4 is not loaded. With r1 loaded on the copy's jump, the inner loop keeps it in a
    /// variable on every path in; without, the copy's path leaves it out.
    #[test]
    fn the_entry_copy_loads_what_the_loops_it_joins_read_and_never_write() {
        const E: u32 = A | 1;
        const D: u32 = 0x400;
        const R3: Reg = Reg::Gpr(3);
        const R4: Reg = Reg::Gpr(4);
        let edges = [
            edge(E, B, &[], false),
            edge(A, B, &[R1], false),
            edge(B, B, &[R1, R2], false),
            edge(B, C, &[R1, R2], false),
            edge(C, A, &[R3], false),
            edge(C, D, &[R3], false),
            edge(D, D, &[R4], false),
        ];
        let exposed: HashMap<u32, Slots> =
            [(B, set(&[R1, R2])), (C, set(&[R3])), (D, set(&[R4]))].into();
        let written: HashMap<u32, Slots> = [(A, set(&[R1])), (B, set(&[R2]))].into();
        let bodies = Plan::loop_bodies(E, &edges);
        let loads = Plan::invariant_reads(E, &bodies, &edges, &exposed, &written);
        assert_eq!(loads, set(&[R1, R3]));
        let blocks = [E, A, B, C, D];
        let touched = all_touched(&blocks);
        let plan = Plan::solve(E, &blocks, &edges, &touched, loads);
        assert!(plan.valid_in(B)[R1.slot()], "the inner loop holds the key");
        let plan = Plan::solve(E, &blocks, &edges, &touched, [false; SLOTS]);
        assert!(!plan.valid_in(B)[R1.slot()], "the copy's path left it out");
    }

    /// A -> B -> C -> B (a loop), B -> D (its exit). A leaves r1 and the loop's registers in
    /// variables; the loop uses r2 to r7, more than `FEW_REGISTERS`; D uses r1. Worked by
    /// hand: without the loop's restriction B and C would keep r1 (A brings it and nothing
    /// in the loop changes it); with it, the loop holds only r2 to r7, and D, entered from
    /// the loop, starts with those alone (it loads r1). The same loop using r2 alone leaves
    /// room: it keeps r1, and D starts with r1 and r2.
    #[test]
    fn a_loop_holds_only_the_registers_it_uses() {
        const D: u32 = 0x400;
        let many: Vec<Reg> = (2..=7).map(Reg::Gpr).collect();
        assert!(many.len() > super::FEW_REGISTERS);
        let mut with_r1 = many.clone();
        with_r1.push(R1);
        let edges = [
            edge(A, B, &with_r1, false),
            edge(B, C, &many, false),
            edge(C, B, &many, false),
            edge(B, D, &many, false),
        ];
        let touched: HashMap<u32, Slots> = [
            (A, set(&with_r1)),
            (B, set(&many)),
            (C, set(&many)),
            (D, set(&[R1])),
        ]
        .into();
        let plan = Plan::solve(A, &[A, B, C, D], &edges, &touched, [false; SLOTS]);
        assert_eq!(plan.valid_in(B), set(&many));
        assert_eq!(plan.valid_in(C), set(&many));
        assert_eq!(plan.valid_in(D), set(&many));
        let plan = Plan::solve(
            A,
            &[A, B, C, D],
            &edges,
            &all_touched(&[A, B, C, D]),
            [false; SLOTS],
        );
        assert_eq!(plan.valid_in(B), set(&with_r1));
        assert_eq!(plan.valid_in(D), set(&with_r1));
        let edges = [
            edge(A, B, &[R1, R2], false),
            edge(B, C, &[R2], false),
            edge(C, B, &[R2], false),
            edge(B, D, &[R2], false),
        ];
        let touched: HashMap<u32, Slots> = [
            (A, set(&[R1, R2])),
            (B, set(&[R2])),
            (C, set(&[R2])),
            (D, set(&[R1])),
        ]
        .into();
        let plan = Plan::solve(A, &[A, B, C, D], &edges, &touched, [false; SLOTS]);
        assert_eq!(plan.valid_in(B), set(&[R1, R2]), "a loop of few registers");
        assert_eq!(plan.valid_in(D), set(&[R1, R2]));
    }

    /// The same with an interpreter call in B before its jumps: what B started with does not
    /// survive it, so the loop edge brings only r2 and nothing is valid on entry to B.
    #[test]
    fn an_interpreter_call_cuts_what_came_before() {
        let edges = [
            edge(A, B, &[R1], false),
            edge(B, B, &[R2], true),
            edge(B, C, &[R2], true),
        ];
        let plan = Plan::solve(
            A,
            &[A, B, C],
            &edges,
            &all_touched(&[A, B, C]),
            [false; SLOTS],
        );
        assert_eq!(plan.valid_in(B), set(&[]));
        assert_eq!(plan.valid_in(C), set(&[R2]));
    }

    /// A loop whose head is the unit's entry: the prologue loads what the back edge brings
    /// (r1 and r2 here), so the entry starts with those.
    #[test]
    fn an_entry_that_heads_a_loop_expects_what_its_back_edge_brings() {
        let edges = [edge(A, B, &[R1], false), edge(B, A, &[R1, R2], false)];
        let plan = Plan::solve(A, &[A, B], &edges, &all_touched(&[A, B]), [false; SLOTS]);
        assert_eq!(plan.valid_in(A), set(&[R1, R2]));
        assert_eq!(plan.valid_in(B), set(&[R1, R2]));
    }

    /// The summarized FPSCR: A (the entry, entered with any FPSCR) writes it before jumping
    /// to B; B loops and jumps to C without writing it; D is reached from the entry directly
    /// and from C. Worked by hand: B's predecessors are A (clean) and B itself (clean if B
    /// is), so B and C are clean; D also has the entry's jump, which is not: D is not; the
    /// entry never is.
    #[test]
    fn a_summarized_fpscr_flows_along_edges_that_all_bring_it() {
        let clean = |from, to, clean| Edge {
            clean,
            ..edge(from, to, &[], false)
        };
        const D: u32 = 0x400;
        let edges = [
            clean(A, B, true),
            clean(B, B, false),
            clean(B, C, false),
            clean(C, D, false),
            clean(A, D, false),
        ];
        let plan = Plan::solve(
            A,
            &[A, B, C, D],
            &edges,
            &all_touched(&[A, B, C, D]),
            [false; SLOTS],
        );
        assert!(!plan.clean_in(A));
        assert!(plan.clean_in(B));
        assert!(plan.clean_in(C));
        assert!(!plan.clean_in(D));
    }

    /// A -> B -> A is a loop of quiet blocks; B -> C leaves it for C, which is not quiet
    /// (it may fault), and C -> A comes back. Worked by hand from the definitions: A and B
    /// lie on a cycle of quiet blocks, C does not. A's jump brings r1 changed, B's jumps r2;
    /// CR (changed on B -> A) is never left unstored. B is entered only from A, which takes
    /// r1 and r2 round the loop: both. A is entered from B (r1 carried, r2) and from C
    /// (nothing): a block takes what some jump in may bring, so r1 and r2. C takes nothing.
    #[test]
    fn a_loop_of_quiet_blocks_carries_what_its_jumps_changed() {
        let dirty = |from, to, regs: &[Reg]| Edge {
            dirty: set(regs),
            ..edge(from, to, &[R1, R2, Reg::Cr], false)
        };
        let edges = [
            dirty(A, B, &[R1]),
            dirty(B, A, &[R2, Reg::Cr]),
            dirty(B, C, &[R2]),
            dirty(C, A, &[]),
        ];
        let quiet: HashSet<u32> = [A, B].into();
        let loops = super::quiet_loops(&edges, &quiet);
        assert_eq!(loops, quiet);
        let mut plan = Plan::solve(
            A,
            &[A, B, C],
            &edges,
            &all_touched(&[A, B, C]),
            [false; SLOTS],
        );
        plan.defer(&edges, &loops, &HashSet::new());
        assert_eq!(plan.dirty_in(A), set(&[R1, R2]));
        assert_eq!(plan.dirty_in(B), set(&[R1, R2]));
        assert_eq!(plan.dirty_in(C), set(&[]));
        // So the jumps into A and B leave them unstored, and those into C store them.
        assert_eq!(plan.unstored(B), set(&[R1, R2]));
        assert_eq!(plan.unstored(C), set(&[]));
    }

    /// A quiet block off any cycle of quiet blocks (A -> B -> A where B may fault) takes
    /// nothing: carrying a register through it would only move its store.
    #[test]
    fn a_quiet_block_outside_a_quiet_loop_takes_nothing() {
        let edges = [
            Edge {
                dirty: set(&[R1]),
                ..edge(A, B, &[R1], false)
            },
            edge(B, A, &[R1], false),
        ];
        let quiet: HashSet<u32> = [A].into();
        let loops = super::quiet_loops(&edges, &quiet);
        assert!(loops.is_empty());
        let mut plan = Plan::solve(A, &[A, B], &edges, &all_touched(&[A, B]), [false; SLOTS]);
        plan.defer(&edges, &loops, &HashSet::new());
        assert_eq!(plan.dirty_in(A), set(&[]));
        assert_eq!(plan.dirty_in(B), set(&[]));
    }
}
