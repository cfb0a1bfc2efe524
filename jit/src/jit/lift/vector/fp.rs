//! Single-precision vector floating point, exactly as `interp::vector::fp` defines it.
//!
//! - NJ: VSCR[NJ] is read at run time; with it set, denormal operands become zeros of their
//!   sign (a lane mask clears their fraction).
//! - Arithmetic (add, sub, the VMX128 multiply, the fused multiply-adds): the host's IEEE
//!   single result is the definition's whenever no operand is a NaN or an infinity and every
//!   result is zero or a normal number above 2^-126 (a zero from finite operands is an
//!   exact zero or an underflow, which both the definition and IEEE sign the same way; a
//!   result at or below 2^-126 may need the definition's NJ flush or tininess rule). Other
//!   inputs take a guarded slow path through the interpreter, so NaN propagation order and
//!   output flushing stay the definition's without per-lane code.
//! - Max/min, compares, rounding to integer and the conversions are computed natively for
//!   every input, NaNs and saturation included.
//!
//! Left to the interpreter, with no host SIMD form that gives the definition's bits:
//! the estimates vrefp, vrsqrtefp, vexptefp, vlogefp (exactly rounded transcendental
//! results), the dot products vmsum3fp128/vmsum4fp128 (one rounding of a sum of four exact
//! products), vpkd3d128/vupkd3d128 (per-lane format conversions), and the multiply-adds
//! on a host without FMA.

use super::{
    cast, cmp, fields, nj_mask, note_saturation, read, record_cr6, splat, write, F32X4, I32X4,
};
use crate::isa::vector::VecOp;
use crate::isa::Insn;
use crate::jit::lift::Lifter;
use cranelift_codegen::ir::{
    condcodes::{FloatCC, IntCC},
    InstBuilder, Value,
};

const SIGN: i64 = 0x8000_0000;
const EXP: i64 = 0x7f80_0000;
const FRAC: i64 = 0x007f_ffff;
const QUIET: i64 = 0x0040_0000;
const MIN_NORMAL: i64 = 0x0080_0000;

/// Whether the host can run fused multiply-adds on vectors (Cranelift's x64 backend needs
/// FMA3 for `fma`, which `cranelift_native` enables when the CPU has it).
fn host_fma() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        true
    }
}

pub fn lift(l: &mut Lifter, op: VecOp, i: Insn, pc: u32) -> bool {
    use VecOp::*;
    let wide = matches!(
        op,
        Vaddfp128
            | Vsubfp128
            | Vmulfp128
            | Vmaxfp128
            | Vminfp128
            | Vcmpeqfp128
            | Vcmpgefp128
            | Vcmpgtfp128
            | Vcmpbfp128
            | Vrfin128
            | Vrfiz128
            | Vrfip128
            | Vrfim128
            | Vcsxwfp128
            | Vcuxwfp128
            | Vcfpsxws128
            | Vcfpuxws128
    );
    let (d, ra, rb) = fields(i, wide);
    match op {
        Vaddfp | Vaddfp128 | Vsubfp | Vsubfp128 | Vmulfp128 => {
            let njm = nj_mask(l);
            let (a, b) = (operand(l, ra, njm), operand(l, rb, njm));
            let (fa, fb) = (cast(l, a, F32X4), cast(l, b, F32X4));
            let r = match op {
                Vaddfp | Vaddfp128 => l.b.ins().fadd(fa, fb),
                Vsubfp | Vsubfp128 => l.b.ins().fsub(fa, fb),
                _ => l.b.ins().fmul(fa, fb),
            };
            let r = cast(l, r, I32X4);
            let bad = special(l, a);
            let bb = special(l, b);
            let bad = l.b.ins().bor(bad, bb);
            let br = bad_result(l, r);
            let bad = l.b.ins().bor(bad, br);
            commit_unless(l, bad, pc, i, d, r);
        }
        Vmaddfp | Vnmsubfp | Vmaddfp128 | Vmaddcfp128 | Vnmsubfp128 => {
            if !host_fma() {
                return false;
            }
            // (destination, multiplicand, second multiplicand, addend), as the interpreter.
            let [d, ra, rc, rb] = match op {
                Vmaddfp | Vnmsubfp => [i.vd(), i.va(), i.vc(), i.vb()],
                Vmaddcfp128 => [i.vd128(), i.va128(), i.vd128(), i.vb128()],
                _ => [i.vd128(), i.va128(), i.vb128(), i.vd128()],
            };
            let negate = matches!(op, Vnmsubfp | Vnmsubfp128);
            let njm = nj_mask(l);
            let (a, b, c) = (
                operand(l, ra, njm),
                operand(l, rb, njm),
                operand(l, rc, njm),
            );
            let (fa, fb, fc) = (cast(l, a, F32X4), cast(l, b, F32X4), cast(l, c, F32X4));
            let fb = if negate { l.b.ins().fneg(fb) } else { fb };
            let r = l.b.ins().fma(fa, fc, fb);
            let ri = cast(l, r, I32X4);
            let mut bad = bad_result(l, ri);
            for x in [a, b, c] {
                let s = special(l, x);
                bad = l.b.ins().bor(bad, s);
            }
            let r = if negate { l.b.ins().fneg(r) } else { r };
            let r = cast(l, r, I32X4);
            commit_unless(l, bad, pc, i, d, r);
        }
        Vmaxfp | Vmaxfp128 | Vminfp | Vminfp128 => {
            let njm = nj_mask(l);
            let (a, b) = (operand(l, ra, njm), operand(l, rb, njm));
            let (fa, fb) = (cast(l, a, F32X4), cast(l, b, F32X4));
            let gt = l.b.ins().fcmp(FloatCC::GreaterThan, fa, fb);
            let lt = l.b.ins().fcmp(FloatCC::LessThan, fa, fb);
            let max = matches!(op, Vmaxfp | Vmaxfp128);
            // Equal operands differ only as zeros: +0 wins for max, -0 for min.
            let r = if max {
                let eq = l.b.ins().band(a, b);
                let r = l.b.ins().bitselect(lt, b, eq);
                l.b.ins().bitselect(gt, a, r)
            } else {
                let eq = l.b.ins().bor(a, b);
                let r = l.b.ins().bitselect(gt, b, eq);
                l.b.ins().bitselect(lt, a, r)
            };
            let r = first_nan(l, &[a, b], r);
            write(l, d, r);
        }
        Vcmpeqfp | Vcmpgefp | Vcmpgtfp | Vcmpbfp | Vcmpeqfp128 | Vcmpgefp128 | Vcmpgtfp128
        | Vcmpbfp128 => {
            let njm = nj_mask(l);
            let (a, b) = (operand(l, ra, njm), operand(l, rb, njm));
            let (fa, fb) = (cast(l, a, F32X4), cast(l, b, F32X4));
            let bounds = matches!(op, Vcmpbfp | Vcmpbfp128);
            let r = match op {
                Vcmpeqfp | Vcmpeqfp128 => l.b.ins().fcmp(FloatCC::Equal, fa, fb),
                Vcmpgefp | Vcmpgefp128 => l.b.ins().fcmp(FloatCC::GreaterThanOrEqual, fa, fb),
                Vcmpgtfp | Vcmpgtfp128 => l.b.ins().fcmp(FloatCC::GreaterThan, fa, fb),
                _ => {
                    // Bit 0: a <= b is false; bit 1: a >= -b is false (NaNs set both).
                    let le = l.b.ins().fcmp(FloatCC::LessThanOrEqual, fa, fb);
                    let nb = l.b.ins().fneg(fb);
                    let ge = l.b.ins().fcmp(FloatCC::GreaterThanOrEqual, fa, nb);
                    let hi = splat(l, I32X4, SIGN);
                    let lo = splat(l, I32X4, 0x4000_0000);
                    let above = l.b.ins().band_not(hi, le);
                    let below = l.b.ins().band_not(lo, ge);
                    l.b.ins().bor(above, below)
                }
            };
            write(l, d, r);
            let rc = if wide { i.vrc128() } else { i.vrc() };
            if rc {
                record_cr6(l, r, !bounds);
            }
        }
        Vrfin | Vrfiz | Vrfip | Vrfim | Vrfin128 | Vrfiz128 | Vrfip128 | Vrfim128 => {
            let njm = nj_mask(l);
            let x = operand(l, rb, njm);
            let fx = cast(l, x, F32X4);
            let r = match op {
                Vrfin | Vrfin128 => l.b.ins().nearest(fx),
                Vrfiz | Vrfiz128 => l.b.ins().trunc(fx),
                Vrfip | Vrfip128 => l.b.ins().ceil(fx),
                _ => l.b.ins().floor(fx),
            };
            let r = cast(l, r, I32X4);
            let r = first_nan(l, &[x], r);
            write(l, d, r);
        }
        Vcfsx | Vcsxwfp128 | Vcfux | Vcuxwfp128 => {
            let x = read(l, rb, I32X4);
            let f = if matches!(op, Vcfsx | Vcsxwfp128) {
                l.b.ins().fcvt_from_sint(F32X4, x)
            } else {
                l.b.ins().fcvt_from_uint(F32X4, x)
            };
            // Division by 2^UIMM: exact, the rounded integer is at least 2^-31 in magnitude.
            let scale = splat(l, F32X4, (127 - i64::from(i.vuimm())) << 23);
            let r = l.b.ins().fmul(f, scale);
            let r = cast(l, r, I32X4);
            write(l, d, r);
        }
        Vctsxs | Vcfpsxws128 | Vctuxs | Vcfpuxws128 => {
            let njm = nj_mask(l);
            let x = operand(l, rb, njm);
            let fx = cast(l, x, F32X4);
            // x * 2^UIMM is exact in single precision, or overflows to an infinity that
            // saturates the same way.
            let scale = splat(l, F32X4, (127 + i64::from(i.vuimm())) << 23);
            let t = l.b.ins().fmul(fx, scale);
            let signed = matches!(op, Vctsxs | Vcfpsxws128);
            let (r, hi, lo, lo_cc) = if signed {
                let r = l.b.ins().fcvt_to_sint_sat(I32X4, t);
                (r, 0x4f00_0000, 0xcf00_0000u32 as i64, FloatCC::LessThan) // 2^31, -2^31
            } else {
                let r = l.b.ins().fcvt_to_uint_sat(I32X4, t);
                (
                    r,
                    0x4f80_0000,
                    0xbf80_0000u32 as i64,
                    FloatCC::LessThanOrEqual,
                ) // 2^32, -1
            };
            let (hi, lo) = (splat(l, F32X4, hi), splat(l, F32X4, lo));
            let over = l.b.ins().fcmp(FloatCC::GreaterThanOrEqual, t, hi);
            let under = l.b.ins().fcmp(lo_cc, t, lo);
            let s = l.b.ins().bor(over, under);
            note_saturation(l, s);
            write(l, d, r);
        }
        _ => return false,
    }
    true
}

/// Register `n` as the unit reads it: with NJ (`njm` all ones) denormals become zeros.
fn operand(l: &mut Lifter, n: usize, njm: Value) -> Value {
    let x = read(l, n, I32X4);
    let exp = splat(l, I32X4, EXP);
    let e = l.b.ins().band(x, exp);
    let zero = splat(l, I32X4, 0);
    let small = cmp(l, IntCC::Equal, e, zero);
    let flush = l.b.ins().band(small, njm);
    let frac = splat(l, I32X4, FRAC);
    let clear = l.b.ins().band(flush, frac);
    l.b.ins().band_not(x, clear)
}

fn magnitude(l: &mut Lifter, x: Value) -> Value {
    let m = splat(l, I32X4, !SIGN & 0xffff_ffff);
    l.b.ins().band(x, m)
}

/// Lanes holding a NaN or an infinity.
fn special(l: &mut Lifter, x: Value) -> Value {
    let m = magnitude(l, x);
    let e = splat(l, I32X4, EXP);
    cmp(l, IntCC::UnsignedGreaterThanOrEqual, m, e)
}

/// Result lanes the host may not have computed as the definition does: nonzero at or
/// below 2^-126, infinite or NaN.
fn bad_result(l: &mut Lifter, r: Value) -> Value {
    let m = magnitude(l, r);
    let one = splat(l, I32X4, 1);
    let m1 = l.b.ins().isub(m, one);
    let min = splat(l, I32X4, MIN_NORMAL);
    let tiny = cmp(l, IntCC::UnsignedLessThan, m1, min);
    let e = splat(l, I32X4, EXP);
    let big = cmp(l, IntCC::UnsignedGreaterThanOrEqual, m, e);
    l.b.ins().bor(tiny, big)
}

/// `r`, except where an operand is a NaN: the first such operand (in `ops` order), quiet.
fn first_nan(l: &mut Lifter, ops: &[Value], r: Value) -> Value {
    let q = splat(l, I32X4, QUIET);
    let e = splat(l, I32X4, EXP);
    let mut r = r;
    for &x in ops.iter().rev() {
        let m = magnitude(l, x);
        let nan = cmp(l, IntCC::UnsignedGreaterThan, m, e);
        let quiet = l.b.ins().bor(x, q);
        r = l.b.ins().bitselect(nan, quiet, r);
    }
    r
}

/// Writes `r` to VD when no lane of `bad` is set; otherwise the interpreter executes the
/// instruction.
fn commit_unless(l: &mut Lifter, bad: Value, pc: u32, i: Insn, d: usize, r: Value) {
    let any = l.b.ins().vany_true(bad);
    let ok = l.b.ins().icmp_imm_u(IntCC::Equal, any, 0);
    let dec = crate::isa::decode(i.0).expect("lifted words decode");
    l.guarded(ok, pc, dec, |l| write(l, d, r));
}
