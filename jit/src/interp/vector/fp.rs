//! Vector floating point: the AltiVec single-precision instructions, their VMX128
//! re-encodings, and the VMX128-only arithmetic (vmulfp128, vmaddcfp128, the dot products
//! vmsum3fp128/vmsum4fp128, and the Direct3D pack/unpack vpkd3d128/vupkd3d128).
//!
//! Semantics are those of the AltiVec Technology Programming Environments Manual (PEM) and
//! the Power ISA vector facility: results are rounded to nearest even, the FPSCR is neither
//! read nor written, and no exception is ever taken.
//! - NaNs: a NaN operand gives that NaN made quiet; with several, the first in the order VA,
//!   VB, VC (the multiply-adds therefore prefer the addend VB over the second multiplicand
//!   VC). Invalid operations (inf - inf, 0 * inf, 1/sqrt of a negative, log2 of a negative)
//!   give the default QNaN 0x7FC00000.
//! - VSCR[NJ] = 1 (non-Java mode, the Xenon's reset state): a denormal operand is read as a
//!   zero of its sign, and a result whose exact value is nonzero and below 2^-126 in
//!   magnitude (tininess before rounding) is delivered as a zero of its sign. NJ = 0 gives
//!   IEEE 754 denormals. Every instruction that reads a float flushes its operands (compares,
//!   max/min, rounding and the float-to-integer conversions included), and every result
//!   that can be tiny is flushed. These NaN and NJ rules agree with results recorded on a
//!   console (the public xenia project's generated vaddfp/vmaxfp/vcmpbfp/vctsxs tests).
//! - vmaddfp/vnmsubfp are fused: the product is exact, only the sum is rounded, and with NJ
//!   set only the operands and the final result are flushed, never the product. vnmsubfp
//!   negates the rounded result, so an exact zero is -0.
//! - vmaxfp/vminfp order -0 below +0. The compares with Rc set CR6 to (all true, 0, none
//!   true, 0); vcmpbfp. sets only CR6 bit 2, when every element is within its bounds.
//! - vctsxs/vctuxs truncate x * 2^UIMM and saturate, setting VSCR[SAT]; a NaN converts to 0
//!   without saturating. vcfsx/vcfux divide the rounded integer by 2^UIMM (exactly).
//!
//! Choices where the architecture leaves freedom, or where there is no architecture:
//! - The estimates (vrefp, vrsqrtefp, vexptefp, vlogefp) return the exactly rounded value
//!   (see `estimate`); the hardware's estimates differ in the low bits.
//! - VMX128 forms re-encode the AltiVec operation with the register roles of their operand
//!   lists: vmaddfp128 vD,vA,vB,vD is vD = vA * vB + vD; vmaddcfp128 vD,vA,vD,vB is
//!   vD = vA * vD + vB; vnmsubfp128 vD,vA,vB,vD is vD = -(vA * vB - vD) (each with the
//!   AltiVec NaN order multiplicand, addend, multiplicand); vmulfp128 is a plain product.
//!   The 5-bit scale of vcfpsxws128/vcfpuxws128/vcsxwfp128/vcuxwfp128 is unsigned, as in
//!   vctsxs/vctuxs/vcfsx/vcfux.
//! - vmsum3fp128 (X, Y, Z) and vmsum4fp128 (all four): the exact sum of the exact products,
//!   rounded once and written to all four elements; a finite sum too large for single
//!   precision gives the default QNaN rather than an infinity (as the public emulation work
//!   reports for the hardware), infinite operands give infinities. NaN order: VA.x, VB.x,
//!   VA.y, ...
//! - vpkd3d128/vupkd3d128: see `d3d`; undefined type or mask encodings exit as invalid.

mod d3d;
mod element;
mod estimate;
#[cfg(test)]
mod tests;

use super::lanes;
use crate::interp::{ExecResult, Exit};
use crate::isa::vector::VecOp;
use crate::isa::Insn;
use crate::Context;
use element::{Cmp, ToInt};

/// VSCR[SAT], set when a conversion saturated.
const VSCR_SAT: u32 = 0x0000_0001;
/// VSCR[NJ]: non-Java (denormals-are-zero) mode.
const VSCR_NJ: u32 = 0x0001_0000;

pub fn exec(op: VecOp, i: Insn, ctx: &mut Context) -> Option<ExecResult> {
    use VecOp::*;
    let nj = ctx.vscr & VSCR_NJ != 0;
    let mut sat = false;
    match op {
        Vaddfp => binary(ctx, i.vd(), i.va(), i.vb(), |a, b| element::add(a, b, nj)),
        Vaddfp128 => binary(ctx, i.vd128(), i.va128(), i.vb128(), |a, b| {
            element::add(a, b, nj)
        }),
        Vsubfp => binary(ctx, i.vd(), i.va(), i.vb(), |a, b| element::sub(a, b, nj)),
        Vsubfp128 => binary(ctx, i.vd128(), i.va128(), i.vb128(), |a, b| {
            element::sub(a, b, nj)
        }),
        Vmulfp128 => binary(ctx, i.vd128(), i.va128(), i.vb128(), |a, b| {
            element::mul(a, b, nj)
        }),
        Vmaxfp => binary(ctx, i.vd(), i.va(), i.vb(), |a, b| element::max(a, b, nj)),
        Vmaxfp128 => binary(ctx, i.vd128(), i.va128(), i.vb128(), |a, b| {
            element::max(a, b, nj)
        }),
        Vminfp => binary(ctx, i.vd(), i.va(), i.vb(), |a, b| element::min(a, b, nj)),
        Vminfp128 => binary(ctx, i.vd128(), i.va128(), i.vb128(), |a, b| {
            element::min(a, b, nj)
        }),

        // Multiply-adds: (destination, multiplicand, second multiplicand, addend).
        Vmaddfp => ternary(ctx, [i.vd(), i.va(), i.vc(), i.vb()], |a, c, b| {
            element::madd(a, c, b, nj)
        }),
        Vnmsubfp => ternary(ctx, [i.vd(), i.va(), i.vc(), i.vb()], |a, c, b| {
            element::nmsub(a, c, b, nj)
        }),
        Vmaddfp128 => ternary(
            ctx,
            [i.vd128(), i.va128(), i.vb128(), i.vd128()],
            |a, c, b| element::madd(a, c, b, nj),
        ),
        Vmaddcfp128 => ternary(
            ctx,
            [i.vd128(), i.va128(), i.vd128(), i.vb128()],
            |a, c, b| element::madd(a, c, b, nj),
        ),
        Vnmsubfp128 => ternary(
            ctx,
            [i.vd128(), i.va128(), i.vb128(), i.vd128()],
            |a, c, b| element::nmsub(a, c, b, nj),
        ),

        Vmsum3fp128 | Vmsum4fp128 => {
            let n = if op == Vmsum3fp128 { 3 } else { 4 };
            let a = lanes::words(ctx.vr[i.va128()]);
            let b = lanes::words(ctx.vr[i.vb128()]);
            let r = element::dot(&a[..n], &b[..n], nj);
            ctx.vr[i.vd128()] = lanes::from_words([r; 4]);
        }

        Vcmpeqfp => compare(ctx, i.vd(), i.va(), i.vb(), i.vrc(), Cmp::Eq, nj),
        Vcmpgefp => compare(ctx, i.vd(), i.va(), i.vb(), i.vrc(), Cmp::Ge, nj),
        Vcmpgtfp => compare(ctx, i.vd(), i.va(), i.vb(), i.vrc(), Cmp::Gt, nj),
        Vcmpbfp => compare(ctx, i.vd(), i.va(), i.vb(), i.vrc(), Cmp::Bounds, nj),
        Vcmpeqfp128 | Vcmpgefp128 | Vcmpgtfp128 | Vcmpbfp128 => {
            let kind = match op {
                Vcmpeqfp128 => Cmp::Eq,
                Vcmpgefp128 => Cmp::Ge,
                Vcmpgtfp128 => Cmp::Gt,
                _ => Cmp::Bounds,
            };
            compare(ctx, i.vd128(), i.va128(), i.vb128(), i.vrc128(), kind, nj);
        }

        Vrfin | Vrfiz | Vrfip | Vrfim => {
            let mode = to_int_mode(op);
            unary(ctx, i.vd(), i.vb(), |x| element::round_to_int(mode, x, nj));
        }
        Vrfin128 | Vrfiz128 | Vrfip128 | Vrfim128 => {
            let mode = to_int_mode(op);
            unary(ctx, i.vd128(), i.vb128(), |x| {
                element::round_to_int(mode, x, nj)
            });
        }

        Vrefp => unary(ctx, i.vd(), i.vb(), |x| estimate::recip(x, nj)),
        Vrefp128 => unary(ctx, i.vd128(), i.vb128(), |x| estimate::recip(x, nj)),
        Vrsqrtefp => unary(ctx, i.vd(), i.vb(), |x| estimate::rsqrt(x, nj)),
        Vrsqrtefp128 => unary(ctx, i.vd128(), i.vb128(), |x| estimate::rsqrt(x, nj)),
        Vexptefp => unary(ctx, i.vd(), i.vb(), |x| estimate::exp2(x, nj)),
        Vexptefp128 => unary(ctx, i.vd128(), i.vb128(), |x| estimate::exp2(x, nj)),
        Vlogefp => unary(ctx, i.vd(), i.vb(), |x| estimate::log2(x, nj)),
        Vlogefp128 => unary(ctx, i.vd128(), i.vb128(), |x| estimate::log2(x, nj)),

        // Conversions: the scale is the 5-bit field in the VA position.
        Vcfsx => unary(ctx, i.vd(), i.vb(), |x| element::from_signed(x, i.vuimm())),
        Vcsxwfp128 => unary(ctx, i.vd128(), i.vb128(), |x| {
            element::from_signed(x, i.vuimm())
        }),
        Vcfux => unary(ctx, i.vd(), i.vb(), |x| {
            element::from_unsigned(x, i.vuimm())
        }),
        Vcuxwfp128 => unary(ctx, i.vd128(), i.vb128(), |x| {
            element::from_unsigned(x, i.vuimm())
        }),
        Vctsxs => unary(ctx, i.vd(), i.vb(), |x| {
            element::to_signed_sat(x, i.vuimm(), nj, &mut sat)
        }),
        Vcfpsxws128 => unary(ctx, i.vd128(), i.vb128(), |x| {
            element::to_signed_sat(x, i.vuimm(), nj, &mut sat)
        }),
        Vctuxs => unary(ctx, i.vd(), i.vb(), |x| {
            element::to_unsigned_sat(x, i.vuimm(), nj, &mut sat)
        }),
        Vcfpuxws128 => unary(ctx, i.vd128(), i.vb128(), |x| {
            element::to_unsigned_sat(x, i.vuimm(), nj, &mut sat)
        }),

        Vpkd3d128 => {
            let d = lanes::words(ctx.vr[i.vd128()]);
            let b = lanes::words(ctx.vr[i.vb128()]);
            match d3d::pack_insert(i.d3d_type(), i.d3d_shift(), i.vz128(), d, b) {
                Some(r) => ctx.vr[i.vd128()] = lanes::from_words(r),
                None => return Some(Err(Exit::Invalid { word: i.0 })),
            }
        }
        Vupkd3d128 => {
            let b = lanes::words(ctx.vr[i.vb128()]);
            match d3d::unpack(i.vuimm() >> 2, b) {
                Some(r) => ctx.vr[i.vd128()] = lanes::from_words(r),
                None => return Some(Err(Exit::Invalid { word: i.0 })),
            }
        }

        _ => return None,
    }
    if sat {
        ctx.vscr |= VSCR_SAT;
    }
    Some(Ok(()))
}

fn to_int_mode(op: VecOp) -> ToInt {
    use VecOp::*;
    match op {
        Vrfin | Vrfin128 => ToInt::Nearest,
        Vrfiz | Vrfiz128 => ToInt::Zero,
        Vrfip | Vrfip128 => ToInt::Up,
        _ => ToInt::Down,
    }
}

fn unary(ctx: &mut Context, d: usize, b: usize, mut op: impl FnMut(u32) -> u32) {
    let x = lanes::words(ctx.vr[b]);
    ctx.vr[d] = lanes::from_words(x.map(&mut op));
}

fn binary(ctx: &mut Context, d: usize, a: usize, b: usize, op: impl Fn(u32, u32) -> u32) {
    let (x, y) = (lanes::words(ctx.vr[a]), lanes::words(ctx.vr[b]));
    ctx.vr[d] = lanes::from_words(std::array::from_fn(|k| op(x[k], y[k])));
}

/// `regs` = [destination, multiplicand, second multiplicand, addend].
fn ternary(ctx: &mut Context, regs: [usize; 4], op: impl Fn(u32, u32, u32) -> u32) {
    let [d, a, c, b] = regs;
    let (x, y, z) = (
        lanes::words(ctx.vr[a]),
        lanes::words(ctx.vr[c]),
        lanes::words(ctx.vr[b]),
    );
    ctx.vr[d] = lanes::from_words(std::array::from_fn(|k| op(x[k], y[k], z[k])));
}

/// A compare: all-ones/zero elements (or the bounds bits), and with `record` the CR6 summary.
fn compare(ctx: &mut Context, d: usize, a: usize, b: usize, record: bool, kind: Cmp, nj: bool) {
    let (x, y) = (lanes::words(ctx.vr[a]), lanes::words(ctx.vr[b]));
    let r: [u32; 4] = std::array::from_fn(|k| element::compare(kind, x[k], y[k], nj));
    ctx.vr[d] = lanes::from_words(r);
    if record {
        let field = if kind == Cmp::Bounds {
            if r.iter().all(|&e| e == 0) {
                0b0010
            } else {
                0
            }
        } else {
            let all = if r.iter().all(|&e| e != 0) { 0b1000 } else { 0 };
            let none = if r.iter().all(|&e| e == 0) { 0b0010 } else { 0 };
            all | none
        };
        // CR6 is bits 4..7 of the register as mfcr returns it.
        ctx.cr = (ctx.cr & !0xf0) | field << 4;
    }
}
