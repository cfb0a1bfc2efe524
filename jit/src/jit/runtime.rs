//! State shared between the dispatcher and generated code, and the helpers generated code
//! calls. Generated code reads fields by offset, hence `#[repr(C)]`.

use crate::interp::{execute, Exit};
use crate::isa::decode;
use crate::{Context, Memory};

/// What a compiled unit returns to the dispatcher.
pub const EXIT_DISPATCH: i32 = 0;
/// The next block needs more instructions than the budget has left; `ctx.pc` is its start.
pub const EXIT_BUDGET: i32 = 1;
/// An architectural exit (fault, trap, syscall, invalid) is stored in `Runtime::pending`.
pub const EXIT_PENDING: i32 = 2;
/// The instruction just retired wrote to a page holding compiled code (or was an `icbi` on
/// one): `ctx.pc` is the next instruction, and the dispatcher drops stale units before going on.
pub const EXIT_CODE_WRITTEN: i32 = 3;

/// Entries of the indirect-branch lookup table (a direct-mapped cache keyed by guest pc).
pub const FAST_ENTRIES: usize = 1 << 14;

/// One entry of the indirect-branch table: `key` is the guest pc, the mode bit and a valid bit.
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct FastEntry {
    pub key: u64,
    pub code: usize,
}

/// The key the generated lookup compares: pc | valid | 64-bit mode.
#[inline]
pub fn fast_key(pc: u32, sf: bool) -> u64 {
    u64::from(pc) | (1 << 32) | (u64::from(sf) << 33)
}

#[inline]
pub fn fast_index(pc: u32) -> usize {
    ((pc >> 2) as usize) & (FAST_ENTRIES - 1)
}

/// Where a run's `Runtime` sits in a context slot (`Memory::claim_context_slot`): after the
/// context, so generated code reaches both from the context pointer.
pub const RUNTIME_IN_SLOT: usize = std::mem::size_of::<Context>().next_multiple_of(64);
const _: () =
    assert!(RUNTIME_IN_SLOT + std::mem::size_of::<Runtime>() <= crate::memory::CONTEXT_SLOT_SIZE);

#[repr(C)]
pub struct Runtime {
    /// Instructions that may still retire: the trampoline hands it to generated code (in the
    /// pinned register, see `lift::Lifter::budget_value`) and every exit stores it back.
    pub budget: i64,
    /// Guest memory, for helpers.
    pub mem: *const Memory,
    /// Set by helpers before generated code returns `EXIT_PENDING`.
    pub pending: Option<Exit>,
    /// Instructions executed through `interp_one` (not lifted, or a guard sent them there).
    pub interp_calls: u64,
    /// The FP arithmetic instruction whose FR, FI and FPRF `ctx.fpscr` lacks (0: none), with
    /// the bits of the operands it read (FRA, FRB, FRC): generated code leaves them to
    /// whoever reads the FPSCR next (see `lift::fpu::deferred`). Rust code settles them
    /// (`settle_fp`) before it looks at the context.
    pub fp_word: u32,
    /// FPSCR bits written after the deferred instruction (FPCC, by a compare).
    pub fp_keep: u32,
    pub fp_ops: [u64; 3],
    /// Set when an FP instruction compiled without its inline full path left the unit
    /// through the interpreter (the FPSCR outside the quick state, or a single-precision
    /// tie): its address | 1 << 32, for `Jit` to count (0: none).
    pub fp_miss: u64,
    /// Set when a `bcctr` still learning its targets went to one its unit does not hold:
    /// the branch's address | 1 << 32 (0: none); the target is `ctx.pc`.
    pub indirect_site: u64,
    /// Set when a unit was entered with another base than the one it checks for the
    /// `switch` closing at a `bcctr` (`lift::check_fixed_bases`): that branch's address |
    /// 1 << 32 (0: none). The unit returned before its first instruction.
    pub base_miss: u64,
    /// CR fields `ctx.cr` lacks, set by generated code that returns to Rust or calls the
    /// interpreter without building them (`lift::lazy_cr`); null: none. Points into the
    /// returning unit's lazy sets.
    pub lazy_cr: *const super::lift::LazyCr,
    /// Values of compared registers that changed while their CR field was lazy, by field
    /// and operand (`lift::lazy_cr::Operand::Shadow`).
    pub cr_shadow: [u64; 16],
}

impl Runtime {
    pub fn new(mem: &Memory) -> Runtime {
        Runtime {
            budget: 0,
            mem,
            pending: None,
            interp_calls: 0,
            fp_word: 0,
            fp_keep: 0,
            fp_ops: [0; 3],
            fp_miss: 0,
            indirect_site: 0,
            base_miss: 0,
            lazy_cr: std::ptr::null(),
            cr_shadow: [0; 16],
        }
    }

    /// Builds the CR fields generated code left lazy (`lazy_cr`) into `ctx.cr`.
    pub fn settle_cr(&mut self, ctx: &mut Context) {
        if !self.lazy_cr.is_null() {
            // SAFETY: generated code stores the address of a set its unit owns, and the
            // unit is not dropped before the context is settled.
            let set = unsafe { &*self.lazy_cr };
            super::lift::apply_lazy_cr(ctx, set, &self.cr_shadow);
            self.lazy_cr = std::ptr::null();
        }
    }

    /// Completes `ctx.fpscr` with the deferred instruction's FR, FI and FPRF, if any.
    pub fn settle_fp(&mut self, ctx: &mut Context) {
        if self.fp_word != 0 {
            let [a, b, c] = self.fp_ops;
            ctx.fpscr = super::lift::settle_fpscr(self.fp_word, a, b, c, ctx.fpscr, self.fp_keep);
            self.fp_word = 0;
        }
    }
}

/// `Runtime::settle_fp` for generated code (an instruction that reads FR, FI or FPRF, in a
/// block that has not written the FPSCR itself).
///
/// # Safety
/// `ctx` and `rt` must be valid and unaliased for the call.
pub unsafe extern "C" fn settle_fp(ctx: *mut Context, rt: *mut Runtime) {
    // SAFETY: guaranteed by the caller.
    let (ctx, rt) = unsafe { (&mut *ctx, &mut *rt) };
    rt.settle_fp(ctx);
}

#[cfg(test)]
thread_local! {
    /// Interpreter calls made by generated code on this thread (tests check that fast
    /// paths are taken).
    pub static INTERP_CALLS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Executes one instruction with the reference interpreter on behalf of generated code
/// (for instructions the lifter does not translate natively). Registers the unit caches are
/// flushed to `ctx` before the call and reloaded after, so the interpreter sees exact state.
///
/// Returns 0 when the instruction retired and execution continues in line, `EXIT_PENDING`
/// when it raised an exit (recorded in `rt.pending`), `EXIT_CODE_WRITTEN` when it retired but
/// changed code some unit may hold, so the unit must not run on.
///
/// # Safety
/// `ctx` and `rt` must be valid and unaliased for the call, and `rt.mem` must point to the
/// guest memory the unit runs on; generated code passes the pointers it was entered with.
pub unsafe extern "C" fn interp_one(
    ctx: *mut Context,
    rt: *mut Runtime,
    pc: u32,
    word: u32,
) -> i32 {
    #[cfg(test)]
    INTERP_CALLS.with(|c| c.set(c.get() + 1));
    // Rust code: a host fault in here is never generated code's.
    let _helper = crate::memory::hostfault::HelperCall::begin();
    // SAFETY: guaranteed by the caller, as documented above.
    let (ctx, rt) = unsafe { (&mut *ctx, &mut *rt) };
    let mem = unsafe { &*rt.mem };
    rt.interp_calls += 1;
    rt.settle_fp(ctx);
    rt.settle_cr(ctx);
    let Some(d) = decode(word) else {
        ctx.pc = pc;
        rt.pending = Some(Exit::Invalid { word });
        return EXIT_PENDING;
    };
    ctx.pc = pc.wrapping_add(4);
    let epoch = mem.code_epoch();
    match execute(d.op(), d.insn, pc, ctx, mem) {
        Ok(()) if mem.code_epoch() != epoch => EXIT_CODE_WRITTEN,
        Ok(()) => 0,
        Err(e) => {
            if !matches!(e, Exit::Syscall { .. }) {
                ctx.pc = pc;
            }
            rt.pending = Some(e);
            EXIT_PENDING
        }
    }
}
