//! Deferred FR, FI and FPRF.
//!
//! Every arithmetic instruction rewrites FR, FI and FPRF, so inside a guest block only the
//! values left by the last FPSCR-writing instruction before something reads them matter. A
//! pre-pass over the block (`begin_block`) marks the arithmetic instructions whose three
//! fields the next FPSCR-touching instruction of the block overwrites before any
//! instruction reads them ("deferrable"). Those get a cheap variant while FPSCR[XX] is set
//! and the mode is round-to-nearest (nearly always, once a program has been inexact): the
//! host result, a range guard, and no error-free transform, because with XX already set
//! the only FPSCR bits that could change are the three being skipped.
//!
//! After such an instruction the FPSCR variable is *partial*: every bit is exact except
//! FR, FI and FPRF, and `Pending` remembers the instruction and its operands. Whenever the
//! partial value could be seen before being overwritten (the context is stored at an exit
//! or before an interpreter call, `Lifter::flush`; an instruction that reads those fields,
//! `settle`), `exact_fpscr` calls `settle_fpscr`, which re-executes the instruction in the
//! reference interpreter on the saved operands with the partial FPSCR and returns the
//! FPSCR it leaves. That is exact because an arithmetic instruction's effect on the FPSCR
//! depends on the old FPSCR only through bits the partial value has right (mode, enables,
//! sticky bits), and applying it twice is the same as once (its raised bits are already
//! set the second time, and FR/FI/FPRF are recomputed identically); so the call is also
//! right when the instruction ran the full path or the interpreter, which left the FPSCR
//! exact. Those calls sit on exit paths and interpreter calls, which are rare or already
//! slow; the pre-pass keeps them off the end of a block.

use super::{Lifter, Reg};
use crate::isa::fpu::FpuOp;
use crate::isa::{decode, Decoded, Op};
use crate::Context;
use cranelift_codegen::ir::{types, AbiParam, InstBuilder, Signature, Value};

/// Per-block state of the deferral, kept in the lifter.
#[derive(Default)]
pub struct FpState {
    /// Addresses of the current block's deferrable instructions.
    deferrable: Vec<u32>,
    /// The instruction whose FR, FI and FPRF the FPSCR variable lacks.
    pub(super) pending: Option<Pending>,
}

/// A deferred instruction: its word and the register bits of the operands it reads.
#[derive(Clone, Copy)]
pub struct Pending {
    pub word: u32,
    pub a: Option<Value>,
    pub b: Option<Value>,
    pub c: Option<Value>,
}

impl FpState {
    pub(super) fn deferrable(&self, pc: u32) -> bool {
        self.deferrable.contains(&pc)
    }
}

/// Arithmetic instructions with a deferrable variant.
pub(super) fn has_cheap_variant(op: FpuOp) -> bool {
    use FpuOp::*;
    matches!(
        op,
        Fadd | Fadds
            | Fsub
            | Fsubs
            | Fmul
            | Fmuls
            | Fdiv
            | Fdivs
            | Fsqrt
            | Fsqrts
            | Fmadd
            | Fmadds
            | Fmsub
            | Fmsubs
            | Fnmadd
            | Fnmadds
            | Fnmsub
            | Fnmsubs
    )
}

/// Instructions that, whenever their fast path runs, rewrite FR, FI and FPRF entirely.
pub(super) fn overwrites(op: FpuOp) -> bool {
    use FpuOp::*;
    has_cheap_variant(op) || matches!(op, Fres | Frsqrte | Frsp | Fcfid)
}

/// Instructions that read FR, FI or FPRF, or keep some of them (compares and the
/// conversions to integer leave FPRF, FR/FI or C as they were).
pub(super) fn observes(op: FpuOp) -> bool {
    use FpuOp::*;
    matches!(
        op,
        Mffs | Mcrfs
            | Mtfsf
            | Mtfsfi
            | Mtfsb0
            | Mtfsb1
            | Fcmpu
            | Fcmpo
            | Fctiw
            | Fctiwz
            | Fctid
            | Fctidz
    )
}

/// Which of FRA, FRB, FRC an overwriting instruction reads.
pub(super) fn reads(op: FpuOp) -> [bool; 3] {
    use FpuOp::*;
    match op {
        Fadd | Fadds | Fsub | Fsubs | Fdiv | Fdivs => [true, true, false],
        Fmul | Fmuls => [true, false, true],
        Fsqrt | Fsqrts | Fres | Frsqrte | Frsp | Fcfid => [false, true, false],
        _ => [true, true, true],
    }
}

/// The pre-pass, at the start of each guest block: walking backwards, an instruction is
/// deferrable when the next FPSCR-touching instruction after it overwrites FR, FI and FPRF.
/// The block's end counts as a reader, so the last one is always computed in full.
pub fn begin_block(l: &mut Lifter, insns: &[(u32, Decoded)]) {
    l.fp.pending = None;
    l.fp.deferrable.clear();
    let mut read_later = true;
    for &(pc, d) in insns.iter().rev() {
        let Op::Fpu(op) = d.op() else {
            if flushes_inline(l, d) {
                read_later = true;
            }
            continue;
        };
        if overwrites(op) {
            if !read_later && has_cheap_variant(op) {
                l.fp.deferrable.push(pc);
            }
            read_later = false;
        } else if observes(op) {
            read_later = true;
        }
    }
}

/// Whether the lifter stores the context on the hot path at the non-FP instruction `d`,
/// which would make a deferred FPSCR settle there through a call: the checkpoint after a
/// guest store when host faults are used. Other accesses store it only on exit paths, and
/// an interpreter call is slow anyway.
fn flushes_inline(l: &Lifter, d: Decoded) -> bool {
    use crate::isa::system::SysOp;
    // With host faults, the registers are stored after every guest store (a checkpoint,
    // see `Lifter::guarded_mem`); loads store nothing.
    l.env.host_faults()
        && match d.op() {
            Op::LoadStore(o) => super::super::loadstore::writes(o),
            Op::Vector(_) => true,
            Op::System(SysOp::Dcbz | SysOp::Dcbz128) => true,
            _ => false,
        }
}

/// Makes the FPSCR variable exact (before an instruction that reads FR, FI or FPRF).
pub(super) fn settle(l: &mut Lifter) {
    if l.fp.pending.is_some() {
        let f = l.get(Reg::Fpscr);
        let f = exact_fpscr(l, f);
        l.set(Reg::Fpscr, f);
        l.fp.pending = None;
    }
}

/// The exact FPSCR, given the FPSCR variable's value `f` (i32): `f` itself unless an
/// instruction is pending, else a call to `settle_fpscr`.
pub fn exact_fpscr(l: &mut Lifter, f: Value) -> Value {
    let Some(p) = l.fp.pending else {
        return f;
    };
    let call_conv = l.b.func.dfg.signatures[l.helper_sig].call_conv;
    let mut sig = Signature::new(call_conv);
    sig.params.push(AbiParam::new(types::I32));
    for _ in 0..3 {
        sig.params.push(AbiParam::new(types::I64));
    }
    sig.params.push(AbiParam::new(types::I32));
    sig.returns.push(AbiParam::new(types::I32));
    let sig = l.b.import_signature(sig);
    let callee =
        l.b.ins()
            .iconst(types::I64, settle_fpscr as *const u8 as i64);
    let word = l.b.ins().iconst(types::I32, i64::from(p.word as i32));
    let zero = l.b.ins().iconst(types::I64, 0);
    let [a, b, c] = [p.a, p.b, p.c].map(|v| v.unwrap_or(zero));
    let call = l.b.ins().call_indirect(sig, callee, &[word, a, b, c, f]);
    l.b.inst_results(call)[0]
}

#[cfg(test)]
thread_local! {
    /// Calls of `settle_fpscr` on this thread, so tests can see where deferral happened.
    pub static SETTLE_CALLS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The FPSCR after the arithmetic instruction `word` runs in the reference interpreter on
/// operand bits `a`, `b`, `c` (those it reads) with FPSCR `fpscr`. Called by generated code.
extern "C" fn settle_fpscr(word: u32, a: u64, b: u64, c: u64, fpscr: u32) -> u32 {
    #[cfg(test)]
    SETTLE_CALLS.with(|n| n.set(n.get() + 1));
    let Some(d) = decode(word) else {
        return fpscr;
    };
    let Op::Fpu(op) = d.op() else {
        return fpscr;
    };
    let i = d.insn;
    let mut ctx = Context {
        fpscr,
        ..Context::default()
    };
    // Only the fields the instruction reads: a register named twice holds one value.
    let [ra, rb, rc] = reads(op);
    if ra {
        ctx.fpr[i.ra()] = a;
    }
    if rb {
        ctx.fpr[i.rb()] = b;
    }
    if rc {
        ctx.fpr[i.rc_field()] = c;
    }
    // Arithmetic never leaves an exit: FP exceptions are not interrupts here.
    let _ = crate::interp::fpu::exec(op, i, &mut ctx);
    ctx.fpscr
}
