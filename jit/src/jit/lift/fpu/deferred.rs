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
//! FR, FI and FPRF, and `Pending` remembers the instruction and its operands. That is
//! exact enough to go on with: an arithmetic instruction's effect on the FPSCR depends on
//! the old FPSCR only through bits the partial value has right (mode, enables, sticky
//! bits), and applying it twice is the same as once (its raised bits are already set the
//! second time, and FR/FI/FPRF are recomputed identically). So the missing fields can be
//! completed at any later time by re-executing the instruction in the reference
//! interpreter on the saved operands with the partial FPSCR (`settle_fpscr`), which is also
//! right when the instruction ran the full path or the interpreter and left it exact.
//!
//! - Inside the block, an instruction that reads those fields settles them first with a
//!   call (`settle`); the pre-pass keeps that rare by computing in full the last
//!   arithmetic instruction before such a reader.
//! - When the partial value is stored to the context (`Lifter::flush`: the end of a block,
//!   the checkpoint after a guest store, an exit), the instruction and its operands go
//!   with it to `Runtime::fp_word`/`fp_ops` (`store_fpscr`), so loops of arithmetic never
//!   compute FR, FI and FPRF at all. Rust code settles them before it reads the context
//!   (`Runtime::settle_fp`: when a unit returns, in `interp_one`), and a reader in a later
//!   block that has not written the FPSCR itself checks the record (`settle_inherited`).
//!   A block whose successor in the unit begins by reading the fields computes its last
//!   instruction in full instead, as a block before a reader in the same block does.

use super::{Lifter, Reg};
use crate::isa::fpu::FpuOp;
use crate::isa::{decode, Decoded, Op};
use crate::jit::runtime::Runtime;
use crate::Context;
use cranelift_codegen::ir::{types, AbiParam, InstBuilder, Signature, Value};
use std::mem::offset_of;

/// Per-block state of the deferral, kept in the lifter.
#[derive(Default)]
pub struct FpState {
    /// Addresses of the current block's deferrable instructions.
    deferrable: Vec<u32>,
    /// The instruction whose FR, FI and FPRF the FPSCR variable lacks.
    pub(super) pending: Option<Pending>,
    /// No instruction of the block has written the FPSCR yet: the value it began with may
    /// lack the fields of an instruction recorded in `Runtime::fp_word`.
    pub(super) inherited: bool,
    /// An FPSCR value known to be in the quick state wherever it is used (one a quick
    /// variant produced), so an instruction that finds it needs no state test.
    pub(super) quick_known: Option<Value>,
}

/// A deferred instruction: its word and the register bits of the operands it reads, and
/// the FPSCR bits written since then that settling must keep (FPCC after a compare).
#[derive(Clone, Copy)]
pub struct Pending {
    pub word: u32,
    pub a: Option<Value>,
    pub b: Option<Value>,
    pub c: Option<Value>,
    pub keep: u32,
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

/// Instructions that read FR, FI or FPRF, or keep some of them (the conversions to integer
/// leave FPRF as it was).
pub(super) fn observes(op: FpuOp) -> bool {
    use FpuOp::*;
    matches!(
        op,
        Mffs | Mcrfs | Mtfsf | Mtfsfi | Mtfsb0 | Mtfsb1 | Fctiw | Fctiwz | Fctid | Fctidz
    )
}

/// The compares, which replace FPCC and keep FR, FI and C: a pending instruction stays
/// pending across them, with FPCC to keep when it is settled (`Pending::keep`).
pub(super) fn compares(op: FpuOp) -> bool {
    matches!(op, FpuOp::Fcmpu | FpuOp::Fcmpo)
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
/// The block's end counts as a reader when `read_after` (a successor begins by reading
/// them), else as an overwriter (the fields are recorded with the context).
pub fn begin_block(l: &mut Lifter, insns: &[(u32, Decoded)], read_after: bool) {
    l.fp.pending = None;
    l.fp.inherited = true;
    l.fp.deferrable.clear();
    let mut read_later = read_after;
    for &(pc, d) in insns.iter().rev() {
        let Op::Fpu(op) = d.op() else {
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

/// Whether a block starting with `insns` reads FR, FI or FPRF before overwriting them.
pub fn reads_first(insns: &[(u32, Decoded)]) -> bool {
    for &(_, d) in insns {
        if let Op::Fpu(op) = d.op() {
            // A compare counts: it would settle an inherited record first.
            if observes(op) || compares(op) {
                return true;
            }
            if overwrites(op) {
                return false;
            }
        }
    }
    false
}

/// Makes the FPSCR variable exact (before an instruction that reads FR, FI or FPRF).
pub(super) fn settle(l: &mut Lifter) {
    if l.fp.pending.is_some() {
        let f = l.get(Reg::Fpscr);
        let f = exact_fpscr(l, f);
        l.set(Reg::Fpscr, f);
        l.fp.pending = None;
    } else if l.fp.inherited {
        settle_inherited(l);
    }
    l.fp.inherited = false;
}

/// Settles a record an earlier block left in `Runtime::fp_word`, through the context: the
/// FPSCR variable is not dirty (nothing in this block wrote it), so the context holds its
/// value, and it is read again from there afterwards.
fn settle_inherited(l: &mut Lifter) {
    let word = l.b.ins().load(
        types::I32,
        super::super::ctx_flags(),
        l.rt,
        offset_of!(Runtime, fp_word) as i32,
    );
    let join = l.b.create_block();
    l.cold_if(word, join);
    let call_conv = l.b.func.dfg.signatures[l.helper_sig].call_conv;
    let mut sig = Signature::new(call_conv);
    sig.params.push(AbiParam::new(types::I64));
    sig.params.push(AbiParam::new(types::I64));
    let sig = l.b.import_signature(sig);
    let callee = l.b.ins().iconst(
        types::I64,
        crate::jit::runtime::settle_fp as *const u8 as i64,
    );
    l.b.ins().call_indirect(sig, callee, &[l.ctx, l.rt]);
    l.b.ins().jump(join, &[]);
    l.b.switch_to_block(join);
    l.b.seal_block(join);
    l.forget(Reg::Fpscr);
}

/// Stores the FPSCR variable's value `f` (i32) to the context, with the record of the
/// instruction whose fields it lacks (or none).
pub fn store_fpscr(l: &mut Lifter, f: Value) {
    let flags = super::super::ctx_flags();
    let off = offset_of!(Context, fpscr) as i32;
    l.b.ins().store(flags, f, l.ctx, off);
    if l.fp.inherited && l.fp.pending.is_none() {
        // Written by nothing in this block (stored again after an interpreter call): the
        // record, if any, still describes it.
        return;
    }
    let word = l.fp.pending.map_or(0, |p| p.word);
    let w = l.b.ins().iconst(types::I32, i64::from(word as i32));
    let rt = l.rt;
    l.b.ins()
        .store(flags, w, rt, offset_of!(Runtime, fp_word) as i32);
    if let Some(p) = l.fp.pending {
        let keep = l.b.ins().iconst(types::I32, i64::from(p.keep as i32));
        l.b.ins()
            .store(flags, keep, rt, offset_of!(Runtime, fp_keep) as i32);
        for (k, v) in [p.a, p.b, p.c].into_iter().enumerate() {
            if let Some(v) = v {
                // The same 8 bytes, stored from wherever the value is.
                let v = l.bits_to_f64(v);
                let off = (offset_of!(Runtime, fp_ops) + 8 * k) as i32;
                l.b.ins().store(flags, v, rt, off);
            }
        }
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
    sig.params.push(AbiParam::new(types::I32));
    sig.returns.push(AbiParam::new(types::I32));
    let sig = l.b.import_signature(sig);
    let callee =
        l.b.ins()
            .iconst(types::I64, settle_fpscr as *const u8 as i64);
    let word = l.b.ins().iconst(types::I32, i64::from(p.word as i32));
    let keep = l.b.ins().iconst(types::I32, i64::from(p.keep as i32));
    let zero = l.b.ins().iconst(types::I64, 0);
    let [a, b, c] = [p.a, p.b, p.c].map(|v| v.unwrap_or(zero));
    let call =
        l.b.ins()
            .call_indirect(sig, callee, &[word, a, b, c, f, keep]);
    l.b.inst_results(call)[0]
}

#[cfg(test)]
thread_local! {
    /// Calls of `settle_fpscr` on this thread, so tests can see where deferral happened.
    pub static SETTLE_CALLS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The FPSCR after the arithmetic instruction `word` runs in the reference interpreter on
/// operand bits `a`, `b`, `c` (those it reads) with FPSCR `fpscr`, except for the bits of
/// `keep`, which keep their value in `fpscr`. Called by generated code and
/// `Runtime::settle_fp`.
pub(crate) extern "C" fn settle_fpscr(
    word: u32,
    a: u64,
    b: u64,
    c: u64,
    fpscr: u32,
    keep: u32,
) -> u32 {
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
    (ctx.fpscr & !keep) | (fpscr & keep)
}
