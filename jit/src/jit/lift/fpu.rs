//! Scalar floating point, lifted natively with the exact effects `interp::fpu` defines.
//!
//! FPSCR is a cached register (`Reg::Fpscr`, an i32 variable) like CR, so a run of FP
//! instructions updates it in a register and writes it back once.
//!
//! - Bit operations (fmr, fneg, fabs, fnabs, fsel), mffs, mtfsf, mtfsfi, mtfsb0/1 and mcrfs
//!   are always native: they are integer operations on register bits and the FPSCR, with
//!   FEX and VX recomputed exactly as `interp::fpu::fpscr::summarize` does.
//! - Compares are native unless an operand is a NaN (which raises VXSNAN/VXVC depending on
//!   VE): that case runs the interpreter.
//! - Arithmetic (fadd..fnmsubs, fres, frsqrte), frsp, fcfid and the conversions to integer
//!   use the host's IEEE double hardware (FMA for the fused forms) on a guarded fast path;
//!   whenever the guard fails, the interpreter executes the instruction instead, before any
//!   register is written (`Lifter::guarded`). See `arith` for how the exact FI/FR and
//!   directed rounding modes are derived from the host's round-to-nearest result, and the
//!   guard that makes that derivation valid.
//!
//! FPSCR[NI] has no effect in the interpreter, so it has none here. Enabled exceptions only
//! change results that the fast path never produces (invalid operations, zero divides,
//! overflow, underflow); an enabled inexact exception only sets FEX, which the exact
//! summary computation handles, so no enable bit needs to be tested by the guards.

mod arith;
mod control;
mod convert;
mod deferred;

pub(crate) use deferred::settle_fpscr;
#[cfg(test)]
pub use deferred::SETTLE_CALLS;
pub use deferred::{begin_block, reads_first, store_fpscr, FpState};

use super::{Lifter, Reg};
use crate::interp::fpu::fpscr::*;
use crate::isa::fpu::FpuOp;
use crate::isa::{Decoded, Insn};
use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder, Value};

/// Lifts one FP instruction; false leaves it to the interpreter (none today).
pub fn lift(l: &mut Lifter, op: FpuOp, d: Decoded, pc: u32) -> bool {
    use FpuOp::*;
    if deferred::observes(op) || (deferred::compares(op) && l.fp.pending.is_none()) {
        // A compare with nothing pending in this block settles an inherited record: the
        // record could not say that FPCC is the compare's.
        deferred::settle(l);
    }
    match op {
        Fmr | Fneg | Fabs | Fnabs | Fsel | Mffs | Mtfsf | Mtfsfi | Mtfsb0 | Mtfsb1 | Mcrfs
        | Fcmpu | Fcmpo => control::lift(l, op, d, pc),
        Frsp | Fctiw | Fctiwz | Fctid | Fctidz | Fcfid => convert::lift(l, op, d, pc),
        _ => {
            let defer = l.fp.deferrable(pc);
            let pending = arith::lift(l, op, d, pc, defer);
            l.fp.pending = pending;
        }
    }
    if deferred::compares(op) {
        if let Some(p) = &mut l.fp.pending {
            p.keep |= FPCC;
        }
    }
    if deferred::overwrites(op) && !deferred::has_cheap_variant(op) {
        l.fp.pending = None;
    }
    if !matches!(op, Fmr | Fneg | Fabs | Fnabs | Fsel | Mffs) {
        // Written here: exact, or lacking only `pending`'s fields.
        l.fp.inherited = false;
    }
    // Every path of an FPSCR-writing instruction, the interpreter's included, leaves it
    // summarized; mtfsb0/1 of FEX, VX or the reserved bit changes nothing, not even that.
    let untouched = matches!(op, Mtfsb0 | Mtfsb1)
        && (1u32 << (31 - d.insn.rt() as u32)) & (FEX | VX | RESERVED) != 0;
    if !matches!(op, Fmr | Fneg | Fabs | Fnabs | Fsel | Mffs) && !untouched {
        l.fpscr_clean = true;
    }
    true
}

/// Register bits (i64) as an f64 value.
fn as_f64(l: &mut Lifter, bits: Value) -> Value {
    l.bits_to_f64(bits)
}

/// An f64 value as register bits (i64).
fn as_bits(l: &mut Lifter, f: Value) -> Value {
    l.f64_to_bits(f)
}

fn fpr_f64(l: &mut Lifter, n: usize) -> Value {
    l.get_f64(n)
}

/// The biased exponent field of double bits (i64).
fn exponent(l: &mut Lifter, bits: Value) -> Value {
    let e = l.b.ins().ushr_imm_u(bits, 52);
    l.b.ins().band_imm_u(e, 0x7ff)
}

/// `lo <= x <= hi` for an unsigned integer value.
fn within(l: &mut Lifter, x: Value, lo: i64, hi: i64) -> Value {
    let d = l.b.ins().iadd_imm_s(x, -lo);
    l.b.ins()
        .icmp_imm_u(IntCC::UnsignedLessThanOrEqual, d, hi - lo)
}

/// An i8 truth value (0/1) as `bit` in an i32, or 0.
fn flag32(l: &mut Lifter, cond: Value, bit: u32) -> Value {
    let w = l.b.ins().uextend(types::I32, cond);
    let shift = bit.trailing_zeros();
    l.b.ins().ishl_imm_u(w, i64::from(shift))
}

/// Logical not of an i8 truth value.
fn not(l: &mut Lifter, c: Value) -> Value {
    l.b.ins().bxor_imm_u(c, 1)
}

/// `summarize`: clears the reserved bit and recomputes VX and FEX from the other bits.
fn summarize(l: &mut Lifter, f: Value) -> Value {
    let f = l.b.ins().band_imm_u(f, i64::from(!(RESERVED | VX | FEX)));
    let any_vx = l.b.ins().band_imm_u(f, i64::from(VX_ALL));
    let any_vx = l.b.ins().icmp_imm_u(IntCC::NotEqual, any_vx, 0);
    let vx = flag32(l, any_vx, VX);
    let f = l.b.ins().bor(f, vx);
    // OX, UX, ZX, XX sit 22 bits above their enables OE, UE, ZE, XE, and VX above VE.
    let up = l.b.ins().ushr_imm_u(f, 22);
    let en = l.b.ins().band(up, f);
    let en = l.b.ins().band_imm_u(en, i64::from(VE | OE | UE | ZE | XE));
    let fex = l.b.ins().icmp_imm_u(IntCC::NotEqual, en, 0);
    let fex = flag32(l, fex, FEX);
    l.b.ins().bor(f, fex)
}

/// `raise`: ORs in the exception bits `raised` (i32), setting FX when one was clear, then
/// summarizes.
fn raise(l: &mut Lifter, f: Value, raised: Value) -> Value {
    let newly = l.b.ins().band_not(raised, f);
    let newly = l.b.ins().band_imm_u(newly, i64::from(EXCEPTIONS));
    let newly = l.b.ins().icmp_imm_u(IntCC::NotEqual, newly, 0);
    let fx = flag32(l, newly, FX);
    let f = l.b.ins().bor(f, raised);
    let f = l.b.ins().bor(f, fx);
    summarize(l, f)
}

/// Rc = 1: CR1 = FPSCR[FX, FEX, VX, OX].
fn record(l: &mut Lifter, i: Insn) {
    if !i.rc() {
        return;
    }
    let f = l.get(Reg::Fpscr);
    set_cr_field_from_top(l, 1, f);
}

/// CR field `n` = the top nibble of the i32 `v`.
fn set_cr_field_from_top(l: &mut Lifter, n: u32, v: Value) {
    let nibble = l.b.ins().ushr_imm_u(v, 28);
    l.set_cr_field(n, nibble);
}

/// The FPRF class of a normal (in the target format) result with the sign of `bits`.
fn normal_class(l: &mut Lifter, bits: Value) -> Value {
    let neg = l.b.ins().icmp_imm_s(IntCC::SignedLessThan, bits, 0);
    let n = l.b.ins().iconst(types::I32, i64::from(CLASS_NEG_NORMAL));
    let p = l.b.ins().iconst(types::I32, i64::from(CLASS_POS_NORMAL));
    l.b.ins().select(neg, n, p)
}

/// `summarize(f)`, which is `f` itself when the FPSCR is known to be summarized.
fn summarized(l: &mut Lifter, f: Value) -> Value {
    if l.fpscr_clean {
        f
    } else {
        summarize(l, f)
    }
}

/// The FPSCR after an arithmetic result: `raised` (i32, either 0 or XX) ORed into `f` as
/// `raise` does, FR and FI from the i8 truth values, FPRF = `class` (i32) when given.
fn fpscr_after(
    l: &mut Lifter,
    f: Value,
    raised: Value,
    fr: Value,
    fi: Value,
    class: Option<Value>,
) -> Value {
    if l.fpscr_clean {
        return fpscr_after_clean(l, f, raised, fr, fi, class);
    }
    let f = raise(l, f, raised);
    let mut clear = FR | FI;
    if class.is_some() {
        clear |= FPRF;
    }
    let f = l.b.ins().band_imm_u(f, i64::from(!clear));
    let fr = flag32(l, fr, FR);
    let fi = flag32(l, fi, FI);
    let f = l.b.ins().bor(f, fr);
    let f = l.b.ins().bor(f, fi);
    match class {
        Some(c) => l.b.ins().bor(f, c),
        None => f,
    }
}

/// `fpscr_after` for a summarized `f`. Raising only XX cannot change VX, and sets FEX
/// exactly when XE is set (if XX was already set, a summarized FEX already is). So: FX
/// from XX newly set (FX is XX << 6), FEX from XX and XE (XE << 22 is XX, XX << 5 is
/// FEX). The terms not depending on `f` are combined first, so the chain from one FP
/// instruction's FPSCR to the next stays a few instructions long.
fn fpscr_after_clean(
    l: &mut Lifter,
    f: Value,
    raised: Value,
    fr: Value,
    fi: Value,
    class: Option<Value>,
) -> Value {
    const _: () = assert!(XX << 6 == FX && XE << 22 == XX && XX << 5 == FEX);
    let mut clear = FR | FI;
    if class.is_some() {
        clear |= FPRF;
    }
    let fr = flag32(l, fr, FR);
    let fi = flag32(l, fi, FI);
    let mut tail = l.b.ins().bor(fr, fi);
    tail = l.b.ins().bor(tail, raised);
    if let Some(c) = class {
        tail = l.b.ins().bor(tail, c);
    }
    let kept = l.b.ins().band_imm_u(f, i64::from(!clear));
    let newly = l.b.ins().band_not(raised, f);
    let fx = l.b.ins().ishl_imm_u(newly, 6);
    let xe = l.b.ins().ishl_imm_u(f, 22);
    let fex = l.b.ins().band(raised, xe);
    let fex = l.b.ins().ishl_imm_u(fex, 5);
    let sticky = l.b.ins().bor(fx, fex);
    let tail = l.b.ins().bor(tail, sticky);
    l.b.ins().bor(kept, tail)
}

/// Writes the FPSCR as `fpscr_after` computes it.
fn commit_fpscr(l: &mut Lifter, raised: Value, fr: Value, fi: Value, class: Option<Value>) {
    let f = l.get(Reg::Fpscr);
    let f = fpscr_after(l, f, raised, fr, fi, class);
    l.set(Reg::Fpscr, f);
}
