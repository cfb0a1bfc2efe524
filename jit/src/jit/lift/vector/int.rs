//! Integer vector instructions: modular and saturating arithmetic, averages, maxima and
//! minima, logical operations, element shifts and rotates, compares, even/odd multiplies,
//! the modular multiply-adds and multiply-sums, packs and unpacks (pixel forms included),
//! and the VSCR moves.
//!
//! All of these are lane-wise or work within host lane halves, so they need no shuffles
//! (see `lanes`). Saturating instructions compute the exact clamp and set VSCR[SAT] from
//! the lanes where it differs from the unclamped value.
//!
//! Left to the interpreter (signed saturating sums of three or five words, whose 34- and
//! 35-bit intermediates would need 64-bit lanes): vsum2sws, vsumsws.

use super::{
    cast, cmp, fields, note_saturation, read, record_cr6, splat, write, I16X8, I32X4, I8X16,
};
use crate::isa::vector::VecOp;
use crate::isa::Insn;
use crate::jit::lift::Lifter;
use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder, Value};

/// The AltiVec operation a VMX128 form of this family re-encodes (same semantics, wider
/// register fields).
fn altivec_of(op: VecOp) -> Option<VecOp> {
    use VecOp::*;
    Some(match op {
        Vand128 => Vand,
        Vandc128 => Vandc,
        Vnor128 => Vnor,
        Vor128 => Vor,
        Vxor128 => Vxor,
        Vrlw128 => Vrlw,
        Vslw128 => Vslw,
        Vsraw128 => Vsraw,
        Vsrw128 => Vsrw,
        Vpkshss128 => Vpkshss,
        Vpkshus128 => Vpkshus,
        Vpkswss128 => Vpkswss,
        Vpkswus128 => Vpkswus,
        Vpkuhum128 => Vpkuhum,
        Vpkuhus128 => Vpkuhus,
        Vpkuwum128 => Vpkuwum,
        Vpkuwus128 => Vpkuwus,
        Vupkhsb128 => Vupkhsb,
        Vupkhsh128 => Vupkhsh,
        Vupklsb128 => Vupklsb,
        Vupklsh128 => Vupklsh,
        Vcmpequw128 => Vcmpequw,
        _ => return None,
    })
}

pub fn lift(l: &mut Lifter, op: VecOp, i: Insn) -> bool {
    use VecOp::*;
    let wide = altivec_of(op).is_some();
    let op = altivec_of(op).unwrap_or(op);
    let (d, ra, rb) = fields(i, wide);
    let r = match op {
        Vcmpequb | Vcmpequh | Vcmpequw | Vcmpgtub | Vcmpgtuh | Vcmpgtuw | Vcmpgtsb | Vcmpgtsh
        | Vcmpgtsw => {
            let (ty, cc) = match op {
                Vcmpequb => (I8X16, IntCC::Equal),
                Vcmpequh => (I16X8, IntCC::Equal),
                Vcmpequw => (I32X4, IntCC::Equal),
                Vcmpgtub => (I8X16, IntCC::UnsignedGreaterThan),
                Vcmpgtuh => (I16X8, IntCC::UnsignedGreaterThan),
                Vcmpgtuw => (I32X4, IntCC::UnsignedGreaterThan),
                Vcmpgtsb => (I8X16, IntCC::SignedGreaterThan),
                Vcmpgtsh => (I16X8, IntCC::SignedGreaterThan),
                _ => (I32X4, IntCC::SignedGreaterThan),
            };
            let (a, b) = (read(l, ra, ty), read(l, rb, ty));
            let r = cmp(l, cc, a, b);
            write(l, d, r);
            let rc = if wide { i.vrc128() } else { i.vrc() };
            if rc {
                record_cr6(l, r, true);
            }
            return true;
        }
        Mfvscr => {
            let v = super::vscr(l);
            let z = splat(l, I32X4, 0);
            l.b.ins().insertlane(z, v, 0)
        }
        Mtvscr => {
            let b = read(l, i.vb(), I32X4);
            let w = l.b.ins().extractlane(b, 0);
            let w = l.b.ins().band_imm_u(w, 0x0001_0001);
            let off = std::mem::offset_of!(crate::Context, vscr) as i32;
            l.b.ins().store(super::ctx_flags(), w, l.ctx, off);
            return true;
        }
        Vupkhsb | Vupklsb | Vupkhsh | Vupklsh => {
            let ty = if matches!(op, Vupkhsb | Vupklsb) {
                I8X16
            } else {
                I16X8
            };
            let b = read(l, rb, ty);
            // The guest's high (first) elements are the host's upper lanes.
            if matches!(op, Vupkhsb | Vupkhsh) {
                l.b.ins().swiden_high(b)
            } else {
                l.b.ins().swiden_low(b)
            }
        }
        Vupkhpx | Vupklpx => {
            let b = read(l, rb, I16X8);
            let w = if op == Vupkhpx {
                l.b.ins().uwiden_high(b)
            } else {
                l.b.ins().uwiden_low(b)
            };
            unpack_pixel(l, w)
        }
        Vmhaddshs | Vmhraddshs | Vmladduhm | Vmsumubm | Vmsummbm | Vmsumuhm | Vmsumshm
        | Vmsumuhs | Vmsumshs => ternary(l, op, i),
        _ => match binary(l, op, ra, rb) {
            Some(r) => r,
            None => return false,
        },
    };
    write(l, d, r);
    true
}

/// Saturating result `clamped` of an operation whose unclamped result is `exact`: notes SAT.
fn saturated(l: &mut Lifter, clamped: Value, exact: Value) -> Value {
    let diff = cmp(l, IntCC::NotEqual, clamped, exact);
    note_saturation(l, diff);
    clamped
}

fn binary(l: &mut Lifter, op: VecOp, ra: usize, rb: usize) -> Option<Value> {
    use VecOp::*;
    let ty = match op {
        Vaddubm | Vsububm | Vaddubs | Vaddsbs | Vsububs | Vsubsbs | Vmaxub | Vmaxsb | Vminub
        | Vminsb | Vavgub | Vavgsb | Vrlb | Vslb | Vsrb | Vsrab | Vand | Vandc | Vor | Vxor
        | Vnor | Vmuleub | Vmuloub | Vmulesb | Vmulosb | Vpkuhum | Vpkuhus | Vpkshus | Vpkshss => {
            I8X16
        }
        Vadduhm | Vsubuhm | Vadduhs | Vaddshs | Vsubuhs | Vsubshs | Vmaxuh | Vmaxsh | Vminuh
        | Vminsh | Vavguh | Vavgsh | Vrlh | Vslh | Vsrh | Vsrah | Vmuleuh | Vmulouh | Vmulesh
        | Vmulosh | Vpkuwum | Vpkuwus | Vpkswus | Vpkswss | Vpkpx => I16X8,
        Vadduwm | Vsubuwm | Vaddcuw | Vsubcuw | Vadduws | Vaddsws | Vsubuws | Vsubsws | Vmaxuw
        | Vmaxsw | Vminuw | Vminsw | Vavguw | Vavgsw | Vrlw | Vslw | Vsrw | Vsraw | Vsum4ubs
        | Vsum4sbs | Vsum4shs => I32X4,
        _ => return None,
    };
    // Packs and multiplies read wider elements than they write.
    let src = match op {
        Vmuleub | Vmuloub | Vmulesb | Vmulosb => I16X8,
        Vmuleuh | Vmulouh | Vmulesh | Vmulosh => I32X4,
        Vpkuhum | Vpkuhus | Vpkshus | Vpkshss => I16X8,
        Vpkuwum | Vpkuwus | Vpkswus | Vpkswss | Vpkpx => I32X4,
        _ => ty,
    };
    let a = read(l, ra, src);
    let b = read(l, rb, src);
    Some(match op {
        Vaddubm | Vadduhm | Vadduwm => l.b.ins().iadd(a, b),
        Vsububm | Vsubuhm | Vsubuwm => l.b.ins().isub(a, b),
        Vaddcuw => {
            let s = l.b.ins().iadd(a, b);
            let carry = cmp(l, IntCC::UnsignedLessThan, s, a);
            let one = splat(l, ty, 1);
            l.b.ins().band(carry, one)
        }
        Vsubcuw => {
            let no_borrow = cmp(l, IntCC::UnsignedGreaterThanOrEqual, a, b);
            let one = splat(l, ty, 1);
            l.b.ins().band(no_borrow, one)
        }
        Vaddubs | Vadduhs => {
            let (c, e) = (l.b.ins().uadd_sat(a, b), l.b.ins().iadd(a, b));
            saturated(l, c, e)
        }
        Vaddsbs | Vaddshs => {
            let (c, e) = (l.b.ins().sadd_sat(a, b), l.b.ins().iadd(a, b));
            saturated(l, c, e)
        }
        Vsububs | Vsubuhs => {
            let (c, e) = (l.b.ins().usub_sat(a, b), l.b.ins().isub(a, b));
            saturated(l, c, e)
        }
        Vsubsbs | Vsubshs => {
            let (c, e) = (l.b.ins().ssub_sat(a, b), l.b.ins().isub(a, b));
            saturated(l, c, e)
        }
        // Words have no host saturating forms: detect the overflow from the wrapped result.
        Vadduws => {
            let (r, over) = add_sat_u32(l, a, b);
            note_saturation(l, over);
            r
        }
        Vsubuws => {
            let s = l.b.ins().isub(a, b);
            let under = cmp(l, IntCC::UnsignedLessThan, a, b);
            note_saturation(l, under);
            l.b.ins().band_not(s, under)
        }
        Vaddsws => {
            let (r, over) = add_sat_s32(l, a, b);
            note_saturation(l, over);
            r
        }
        Vsubsws => {
            let s = l.b.ins().isub(a, b);
            // Overflow: VA and VB differ in sign and the result's sign is not VA's.
            let as_ = l.b.ins().bxor(a, s);
            let ab = l.b.ins().bxor(a, b);
            let t = l.b.ins().band(as_, ab);
            let over = super::sshr(l, t, 31);
            note_saturation(l, over);
            let sign = super::sshr(l, a, 31);
            let max = splat(l, ty, 0x7fff_ffff);
            let clamp = l.b.ins().bxor(sign, max);
            l.b.ins().bitselect(over, clamp, s)
        }
        // Sums of a word's bytes or halfwords (at most 11 or 18 bits, so exact in a word)
        // plus VB's word, saturating.
        Vsum4ubs | Vsum4sbs | Vsum4shs => {
            let parts: &[(u32, u32)] = if op == Vsum4shs {
                &[(16, 16), (0, 16)]
            } else {
                &[(24, 24), (16, 24), (8, 24), (0, 24)]
            };
            let signed = op != Vsum4ubs;
            let mut sum = splat(l, I32X4, 0);
            for &(up, down) in parts {
                let x = if up == 0 { a } else { super::shl(l, a, up) };
                let x = if signed {
                    super::sshr(l, x, down)
                } else {
                    super::ushr(l, x, down)
                };
                sum = l.b.ins().iadd(sum, x);
            }
            let (r, over) = if signed {
                add_sat_s32(l, sum, b)
            } else {
                add_sat_u32(l, sum, b)
            };
            note_saturation(l, over);
            r
        }
        Vmaxub | Vmaxuh | Vmaxuw => l.b.ins().umax(a, b),
        Vmaxsb | Vmaxsh | Vmaxsw => l.b.ins().smax(a, b),
        Vminub | Vminuh | Vminuw => l.b.ins().umin(a, b),
        Vminsb | Vminsh | Vminsw => l.b.ins().smin(a, b),
        Vavgub | Vavguh => l.b.ins().avg_round(a, b),
        Vavguw => avg_ceil(l, a, b),
        Vavgsb | Vavgsh => {
            // Biasing both operands by the sign bit maps signed to unsigned order, and the
            // rounded-up average commutes with the bias.
            let bias = splat(l, ty, if ty == I8X16 { 0x80 } else { 0x8000 });
            let (x, y) = (l.b.ins().bxor(a, bias), l.b.ins().bxor(b, bias));
            let m = l.b.ins().avg_round(x, y);
            l.b.ins().bxor(m, bias)
        }
        Vavgsw => {
            let bias = splat(l, ty, 0x8000_0000);
            let (x, y) = (l.b.ins().bxor(a, bias), l.b.ins().bxor(b, bias));
            let m = avg_ceil(l, x, y);
            l.b.ins().bxor(m, bias)
        }
        Vrlb | Vrlh | Vrlw => var_shift(l, a, b, Shift::Rotl),
        Vslb | Vslh | Vslw => var_shift(l, a, b, Shift::Shl),
        Vsrb | Vsrh | Vsrw => var_shift(l, a, b, Shift::Ushr),
        Vsrab | Vsrah | Vsraw => var_shift(l, a, b, Shift::Sshr),
        Vand => l.b.ins().band(a, b),
        Vandc => l.b.ins().band_not(a, b),
        Vor => l.b.ins().bor(a, b),
        Vxor => l.b.ins().bxor(a, b),
        Vnor => {
            let o = l.b.ins().bor(a, b);
            l.b.ins().bnot(o)
        }
        Vmuleub | Vmuloub | Vmulesb | Vmulosb | Vmuleuh | Vmulouh | Vmulesh | Vmulosh => {
            // Guest even elements (0, 2, ...) are the upper halves of host wide lanes.
            let even = matches!(op, Vmuleub | Vmulesb | Vmuleuh | Vmulesh);
            let signed = matches!(op, Vmulesb | Vmulosb | Vmulesh | Vmulosh);
            let x = narrow_half(l, a, even, signed);
            let y = narrow_half(l, b, even, signed);
            l.b.ins().imul(x, y)
        }
        Vpkuhum | Vpkuwum => {
            let lane_max = if src == I16X8 { 0xff } else { 0xffff };
            let m = splat(l, src, lane_max);
            let (x, y) = (l.b.ins().band(a, m), l.b.ins().band(b, m));
            pack(l, x, y)
        }
        Vpkuhus | Vpkuwus => {
            let lane_max = if src == I16X8 { 0xff } else { 0xffff };
            let m = splat(l, src, lane_max);
            let (x, y) = (l.b.ins().umin(a, m), l.b.ins().umin(b, m));
            let sa = cmp(l, IntCC::NotEqual, x, a);
            let sb = cmp(l, IntCC::NotEqual, y, b);
            let s = l.b.ins().bor(sa, sb);
            note_saturation(l, s);
            pack(l, x, y)
        }
        Vpkshus | Vpkswus | Vpkshss | Vpkswss => {
            let (lo, hi) = match op {
                Vpkshus => (0, 0xff),
                Vpkswus => (0, 0xffff),
                Vpkshss => (-0x80, 0x7f),
                _ => (-0x8000, 0x7fff),
            };
            let (lo, hi) = (splat(l, src, lo), splat(l, src, hi));
            let clamp = |l: &mut Lifter, v: Value| {
                let v2 = l.b.ins().smin(v, hi);
                let v2 = l.b.ins().smax(v2, lo);
                let s = cmp(l, IntCC::NotEqual, v2, v);
                (v2, s)
            };
            let (x, sa) = clamp(l, a);
            let (y, sb) = clamp(l, b);
            let s = l.b.ins().bor(sa, sb);
            note_saturation(l, s);
            // Clamped values fit the narrow lane: keep the low bits only.
            let m = splat(l, src, if src == I16X8 { 0xff } else { 0xffff });
            let (x, y) = (l.b.ins().band(x, m), l.b.ins().band(y, m));
            pack(l, x, y)
        }
        Vpkpx => {
            let x = pack_pixel(l, a);
            let y = pack_pixel(l, b);
            pack(l, x, y)
        }
        _ => return None,
    })
}

/// Unsigned saturating word addition and the lanes that saturated.
fn add_sat_u32(l: &mut Lifter, a: Value, b: Value) -> (Value, Value) {
    let s = l.b.ins().iadd(a, b);
    let over = cmp(l, IntCC::UnsignedLessThan, s, a);
    (l.b.ins().bor(s, over), over)
}

/// Signed saturating word addition and the lanes that saturated: overflow when both
/// operands differ in sign from the wrapped sum.
fn add_sat_s32(l: &mut Lifter, a: Value, b: Value) -> (Value, Value) {
    let s = l.b.ins().iadd(a, b);
    let as_ = l.b.ins().bxor(a, s);
    let bs = l.b.ins().bxor(b, s);
    let t = l.b.ins().band(as_, bs);
    let over = super::sshr(l, t, 31);
    let sign = super::sshr(l, a, 31);
    let max = splat(l, I32X4, 0x7fff_ffff);
    let clamp = l.b.ins().bxor(sign, max);
    (l.b.ins().bitselect(over, clamp, s), over)
}

/// Packs VA's and VB's wide lanes (already reduced to values that fit unsigned in the
/// narrow lanes) into one register, VA's first in guest order: VA's in the upper host half.
fn pack(l: &mut Lifter, a: Value, b: Value) -> Value {
    l.b.ins().unarrow(b, a)
}

/// Rounded-up unsigned average without overflow: (a | b) - ((a ^ b) >> 1).
fn avg_ceil(l: &mut Lifter, a: Value, b: Value) -> Value {
    let o = l.b.ins().bor(a, b);
    let x = l.b.ins().bxor(a, b);
    let h = super::ushr(l, x, 1);
    l.b.ins().isub(o, h)
}

/// The upper (`even`) or lower half of each wide lane of `v`, sign- or zero-extended.
fn narrow_half(l: &mut Lifter, v: Value, even: bool, signed: bool) -> Value {
    let half = v_lane_bits(l, v) / 2;
    let amount = l.b.ins().iconst(types::I32, i64::from(half));
    match (even, signed) {
        (true, true) => l.b.ins().sshr(v, amount),
        (true, false) => l.b.ins().ushr(v, amount),
        (false, true) => {
            let up = l.b.ins().ishl(v, amount);
            l.b.ins().sshr(up, amount)
        }
        (false, false) => {
            let ty = l.b.func.dfg.value_type(v);
            let m = splat(l, ty, (1i64 << half) - 1);
            l.b.ins().band(v, m)
        }
    }
}

fn v_lane_bits(l: &Lifter, v: Value) -> u32 {
    l.b.func.dfg.value_type(v).lane_bits()
}

#[derive(Clone, Copy, PartialEq)]
enum Shift {
    Shl,
    Ushr,
    Sshr,
    Rotl,
}

/// Shifts each lane of `x` by the low bits of the same lane of `count` (modulo the lane
/// width). The host has no per-lane variable shifts for every width, so the count is taken
/// bit by bit: a constant shift by 2^k applied where bit k is set.
fn var_shift(l: &mut Lifter, x: Value, count: Value, kind: Shift) -> Value {
    let ty = l.b.func.dfg.value_type(x);
    let bits = ty.lane_bits();
    let zero = splat(l, ty, 0);
    let mut x = x;
    let mut k = 1;
    while k < bits {
        let bit = splat(l, ty, i64::from(k));
        let set = l.b.ins().band(count, bit);
        let set = cmp(l, IntCC::NotEqual, set, zero);
        let amt = l.b.ins().iconst(types::I32, i64::from(k));
        let shifted = match kind {
            Shift::Shl => l.b.ins().ishl(x, amt),
            Shift::Ushr => l.b.ins().ushr(x, amt),
            Shift::Sshr => l.b.ins().sshr(x, amt),
            Shift::Rotl => {
                let back = l.b.ins().iconst(types::I32, i64::from(bits - k));
                let up = l.b.ins().ishl(x, amt);
                let down = l.b.ins().ushr(x, back);
                l.b.ins().bor(up, down)
            }
        };
        x = l.b.ins().bitselect(set, shifted, x);
        k *= 2;
    }
    x
}

/// 1:5:5:5 pixels (in the low halves of `w`'s lanes) from 8:8:8:8 words.
fn pack_pixel(l: &mut Lifter, w: Value) -> Value {
    let field = |l: &mut Lifter, shr: i64, mask: i64, shl: i64| {
        let s = l.b.ins().iconst(types::I32, shr);
        let v = l.b.ins().ushr(w, s);
        let m = splat(l, I32X4, mask);
        let v = l.b.ins().band(v, m);
        let s = l.b.ins().iconst(types::I32, shl);
        l.b.ins().ishl(v, s)
    };
    let a = field(l, 24, 1, 15);
    let r = field(l, 19, 0x1f, 10);
    let g = field(l, 11, 0x1f, 5);
    let b = field(l, 3, 0x1f, 0);
    let ar = l.b.ins().bor(a, r);
    let gb = l.b.ins().bor(g, b);
    l.b.ins().bor(ar, gb)
}

/// 8:8:8:8 words from 1:5:5:5 pixels zero-extended into word lanes.
fn unpack_pixel(l: &mut Lifter, h: Value) -> Value {
    let sh = |l: &mut Lifter, n: i64| l.b.ins().iconst(types::I32, n);
    // Alpha: the pixel's top bit spread over the word's top byte.
    let s16 = sh(l, 16);
    let up = l.b.ins().ishl(h, s16);
    let s31 = sh(l, 31);
    let alpha = l.b.ins().sshr(up, s31);
    let s24 = sh(l, 24);
    let alpha = l.b.ins().ishl(alpha, s24);
    let field = |l: &mut Lifter, shr: i64, shl: i64| {
        let s = sh(l, shr);
        let v = l.b.ins().ushr(h, s);
        let m = splat(l, I32X4, 0x1f);
        let v = l.b.ins().band(v, m);
        let s = sh(l, shl);
        l.b.ins().ishl(v, s)
    };
    let r = field(l, 10, 16);
    let g = field(l, 5, 8);
    let b = field(l, 0, 0);
    let ar = l.b.ins().bor(alpha, r);
    let gb = l.b.ins().bor(g, b);
    l.b.ins().bor(ar, gb)
}

/// The modular three-source operations and the saturating high multiply-adds.
fn ternary(l: &mut Lifter, op: VecOp, i: Insn) -> Value {
    use VecOp::*;
    let (ra, rb, rc) = (i.va(), i.vb(), i.vc());
    match op {
        Vmladduhm => {
            let (a, b, c) = (read(l, ra, I16X8), read(l, rb, I16X8), read(l, rc, I16X8));
            let p = l.b.ins().imul(a, b);
            l.b.ins().iadd(p, c)
        }
        Vmhaddshs | Vmhraddshs => {
            let (a, b, c) = (read(l, ra, I16X8), read(l, rb, I16X8), read(l, rc, I16X8));
            let round = if op == Vmhraddshs { 0x4000 } else { 0 };
            let half = |l: &mut Lifter, high: bool| {
                let w = |l: &mut Lifter, v: Value| {
                    if high {
                        l.b.ins().swiden_high(v)
                    } else {
                        l.b.ins().swiden_low(v)
                    }
                };
                let (x, y, z) = (w(l, a), w(l, b), w(l, c));
                let p = l.b.ins().imul(x, y);
                let r = splat(l, I32X4, round);
                let p = l.b.ins().iadd(p, r);
                let s = l.b.ins().iconst(types::I32, 15);
                let p = l.b.ins().sshr(p, s);
                l.b.ins().iadd(p, z)
            };
            let lo = half(l, false);
            let hi = half(l, true);
            let r = l.b.ins().snarrow(lo, hi);
            // Saturated where widening the result back does not give the exact sums.
            let (rl, rh) = (l.b.ins().swiden_low(r), l.b.ins().swiden_high(r));
            let sl = cmp(l, IntCC::NotEqual, rl, lo);
            let sh = cmp(l, IntCC::NotEqual, rh, hi);
            let s = l.b.ins().bor(sl, sh);
            note_saturation(l, s);
            r
        }
        Vmsumubm | Vmsummbm => {
            let (a, b) = (read(l, ra, I16X8), read(l, rb, I16X8));
            let c = read(l, rc, I32X4);
            let signed = op == Vmsummbm;
            // Byte products in halfword lanes (they fit: at most 255 * 255 unsigned, or
            // -128 * 255 .. 127 * 255 signed by unsigned).
            let pe = {
                let x = narrow_half(l, a, true, signed);
                let y = narrow_half(l, b, true, false);
                l.b.ins().imul(x, y)
            };
            let po = {
                let x = narrow_half(l, a, false, signed);
                let y = narrow_half(l, b, false, false);
                l.b.ins().imul(x, y)
            };
            let sum_halves = |l: &mut Lifter, p: Value| {
                let p = cast(l, p, I32X4);
                let hi = narrow_half(l, p, true, signed);
                let lo = narrow_half(l, p, false, signed);
                l.b.ins().iadd(hi, lo)
            };
            let se = sum_halves(l, pe);
            let so = sum_halves(l, po);
            let s = l.b.ins().iadd(se, so);
            l.b.ins().iadd(s, c)
        }
        Vmsumuhs => {
            // Two unsigned products and the addend, all non-negative: the sum exceeds
            // 2^32 - 1 exactly when one of the two partial sums does, so saturating each
            // step gives the clamp of the exact sum.
            let (a, b, c) = (read(l, ra, I32X4), read(l, rb, I32X4), read(l, rc, I32X4));
            let xe = narrow_half(l, a, true, false);
            let ye = narrow_half(l, b, true, false);
            let xo = narrow_half(l, a, false, false);
            let yo = narrow_half(l, b, false, false);
            let pe = l.b.ins().imul(xe, ye);
            let po = l.b.ins().imul(xo, yo);
            let (s, o1) = add_sat_u32(l, pe, po);
            let (s, o2) = add_sat_u32(l, s, c);
            let over = l.b.ins().bor(o1, o2);
            note_saturation(l, over);
            s
        }
        Vmsumshs => {
            let (a, b, c) = (read(l, ra, I32X4), read(l, rb, I32X4), read(l, rc, I32X4));
            let xe = narrow_half(l, a, true, true);
            let ye = narrow_half(l, b, true, true);
            let xo = narrow_half(l, a, false, true);
            let yo = narrow_half(l, b, false, true);
            let pe = l.b.ins().imul(xe, ye);
            let po = l.b.ins().imul(xo, yo);
            // The two products sum to at least -2^31 + 2^16 and at most 2^31, reached only
            // by (-2^15)^2 twice: the wrapped sum is exact except that case, where it reads
            // as -2^31. There, adding VC gives 2^31 + VC: in range (the wrapped addition is
            // exact) when VC is negative, the maximum with SAT otherwise.
            let s = l.b.ins().iadd(pe, po);
            let min = splat(l, I32X4, 0x8000_0000);
            let big = cmp(l, IntCC::Equal, s, min);
            let (normal, normal_sat) = add_sat_s32(l, s, c);
            let wrapped = l.b.ins().iadd(s, c);
            let zero = splat(l, I32X4, 0);
            let c_neg = cmp(l, IntCC::SignedLessThan, c, zero);
            let max = splat(l, I32X4, 0x7fff_ffff);
            let big_r = l.b.ins().bitselect(c_neg, wrapped, max);
            let big_sat = l.b.ins().bnot(c_neg);
            let r = l.b.ins().bitselect(big, big_r, normal);
            let sat = l.b.ins().bitselect(big, big_sat, normal_sat);
            note_saturation(l, sat);
            r
        }
        _ => {
            // vmsumuhm / vmsumshm: two halfword products per word, modulo 2^32.
            let (a, b, c) = (read(l, ra, I32X4), read(l, rb, I32X4), read(l, rc, I32X4));
            let signed = op == Vmsumshm;
            let xe = narrow_half(l, a, true, signed);
            let ye = narrow_half(l, b, true, signed);
            let xo = narrow_half(l, a, false, signed);
            let yo = narrow_half(l, b, false, signed);
            let pe = l.b.ins().imul(xe, ye);
            let po = l.b.ins().imul(xo, yo);
            let s = l.b.ins().iadd(pe, po);
            l.b.ins().iadd(s, c)
        }
    }
}
