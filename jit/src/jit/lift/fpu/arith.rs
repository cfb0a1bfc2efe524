//! Arithmetic on the host FPU, exact to the interpreter.
//!
//! The host computes `r`, the exact result rounded to nearest double, and an error-free
//! transform tells the sign of `exact - r` (or that it is zero):
//! - add/sub: TwoSum, whose error term is exact when no intermediate overflows (operands
//!   below 2^1023 guarantee it);
//! - mul: `fma(a, c, -r)`; div: the remainder `fma(-r, b, a)` (its sign times b's);
//!   sqrt: `fma(-r, r, b)`. Each is `a*c - r` etc. rounded once, so it is zero exactly
//!   when the true residual is, and keeps its sign, provided the true residual cannot be
//!   below the smallest denormal: it is a multiple of 2^(ea+ec-104) (resp. eq+eb, 2er),
//!   hence the exponent-sum guards (biased sum >= 1076);
//! - fused multiply-adds: Boldo and Muller's ErrFma (exact error of an FMA as r2 + r3 with
//!   |r3| <= ulp(r2)/2, so r2 alone gives the sign and zeroness), valid when the product's
//!   low half is exact and nothing overflows: 1076 <= Ea + Ec <= 3067, |b| < 2^1023.
//!
//! From `r`, "inexact" and "the exact value is larger in magnitude" (`up`), every result
//! follows with integer work: in double, the exact value lies strictly between `r` and its
//! neighbour towards `up`, and the rounding mode picks one of the two (RN: `r`; RZ: the
//! smaller magnitude; RP/RM: the larger/smaller value), FR being "picked the larger
//! magnitude". For single results, `r` is first made round-to-odd (if inexact and even,
//! step to the neighbour towards the exact value): a 53-bit round-to-odd value rounds to
//! 24 bits exactly as the exact value does, in any mode, so the host's round-to-nearest
//! `fdemote` of it and its single-format neighbour are the two candidates, and the same
//! selection applies. The fused single forms need this (a double-rounded fmadds differs).
//!
//! The guard also keeps both candidates inside the target format's normal range, away from
//! its ends (double biased exponent 2..=0x7fd, single 2^-125 .. max single), so neither
//! overflow nor tininess (detected before rounding) can occur and FPRF is a normal class.
//! Anything else (NaN, infinities, zeros, denormals, invalid operations, zero divides,
//! huge or tiny results) runs the interpreter.

use super::deferred::{has_cheap_variant, reads, Pending};
use super::{
    as_bits, as_f64, exponent, fpscr_after, normal_class, not, record, within, Lifter, Reg,
};
use crate::interp::fpu::fpscr::*;
use crate::isa::fpu::FpuOp;
use crate::isa::Decoded;
use cranelift_codegen::ir::{
    condcodes::FloatCC, condcodes::IntCC, types, BlockArg, InstBuilder, MemFlagsData, Value,
};

/// The exact result as the host's round-to-nearest double `r` (f64) and i8 facts about
/// the rounding error.
pub struct Exact {
    pub r: Value,
    /// The exact value differs from `r`.
    pub fi: Value,
    /// The exact value's magnitude exceeds `r`'s.
    pub up: Value,
    /// The error facts are valid (the residual guards hold).
    pub ok: Value,
    /// For sums (add, fused): the sign bit (i64, 0 or `i64::MIN`) an exact zero result
    /// takes when rounding toward -inf, where the host's round-to-nearest sign is wrong.
    pub zero_sign_rm: Option<Value>,
}

/// A result rounded to the target format in the guest's rounding mode.
pub struct Rounded {
    /// Double-format register bits (i64).
    pub bits: Value,
    pub fi: Value,
    pub fr: Value,
    /// Valid, and a normal number of the target format with no overflow or tininess.
    pub ok: Value,
}

fn konst_i8(l: &mut Lifter, v: bool) -> Value {
    l.b.ins().iconst(types::I8, i64::from(v))
}

/// Inexact/up from a residual `err` (f64) whose sign is that of `exact - r`, after
/// flipping it by the sign of `flip` (i64 bits) when given.
fn from_residual(l: &mut Lifter, r: Value, err: Value, flip: Option<Value>, ok: Value) -> Exact {
    let zero = l.b.ins().f64const(0.0);
    let fi = l.b.ins().fcmp(FloatCC::NotEqual, err, zero);
    let mut eb = as_bits(l, err);
    if let Some(f) = flip {
        eb = l.b.ins().bxor(eb, f);
    }
    let rb = as_bits(l, r);
    let x = l.b.ins().bxor(eb, rb);
    let same = l.b.ins().icmp_imm_s(IntCC::SignedGreaterThanOrEqual, x, 0);
    let up = l.b.ins().band(fi, same);
    Exact {
        r,
        fi,
        up,
        ok,
        zero_sign_rm: None,
    }
}

/// Knuth's TwoSum: `s = RN(x + y)` and the exact error `x + y - s`.
fn two_sum(l: &mut Lifter, x: Value, y: Value) -> (Value, Value) {
    let s = l.b.ins().fadd(x, y);
    let bb = l.b.ins().fsub(s, x);
    let t = l.b.ins().fsub(s, bb);
    let ea = l.b.ins().fsub(x, t);
    let eb = l.b.ins().fsub(y, bb);
    let e = l.b.ins().fadd(ea, eb);
    (s, e)
}

/// Biased exponent sum of two f64 values (i64).
fn exp_sum(l: &mut Lifter, x: Value, y: Value) -> Value {
    let xb = as_bits(l, x);
    let yb = as_bits(l, y);
    let ex = exponent(l, xb);
    let ey = exponent(l, yb);
    l.b.ins().iadd(ex, ey)
}

fn at_least(l: &mut Lifter, x: Value, lo: i64) -> Value {
    l.b.ins().icmp_imm_s(IntCC::SignedGreaterThanOrEqual, x, lo)
}

/// |x| < 2^1023 (NaN and infinity excluded): keeps every TwoSum intermediate, which can
/// exceed its result in magnitude, clear of overflow.
fn below_top_binade(l: &mut Lifter, x: Value) -> Value {
    let xb = as_bits(l, x);
    let e = exponent(l, xb);
    l.b.ins()
        .icmp_imm_u(IntCC::UnsignedLessThanOrEqual, e, 0x7fd)
}

/// Whether a double (f64) is a zero of either sign (i8).
fn is_zero(l: &mut Lifter, x: Value) -> Value {
    let xb = as_bits(l, x);
    let mag = l.b.ins().band_imm_s(xb, i64::MAX);
    l.b.ins().icmp_imm_u(IntCC::Equal, mag, 0)
}

/// Whether a double (f64) is neither infinite nor a NaN (i8).
fn is_finite(l: &mut Lifter, x: Value) -> Value {
    let xb = as_bits(l, x);
    let e = exponent(l, xb);
    l.b.ins().icmp_imm_u(IntCC::NotEqual, e, 0x7ff)
}

/// `a / b` with its remainder-derived error facts. A zero dividend over a finite divisor
/// gives an exact zero (the remainder is a zero too), whatever the exponents.
fn divide(l: &mut Lifter, a: Value, b: Value) -> Exact {
    let r = l.b.ins().fdiv(a, b);
    let nr = l.b.ins().fneg(r);
    let rem = l.b.ins().fma(nr, b, a);
    let s = exp_sum(l, r, b);
    let ok = at_least(l, s, 1076);
    let za = is_zero(l, a);
    let fb = is_finite(l, b);
    let zero = l.b.ins().band(za, fb);
    let ok = l.b.ins().bor(ok, zero);
    let bb = as_bits(l, b);
    from_residual(l, r, rem, Some(bb), ok)
}

/// The square root; of a zero it is that zero, exactly.
fn square_root(l: &mut Lifter, b: Value) -> Exact {
    let r = l.b.ins().sqrt(b);
    let nr = l.b.ins().fneg(r);
    let rem = l.b.ins().fma(nr, r, b);
    let rb = as_bits(l, r);
    let e = exponent(l, rb);
    let ok = at_least(l, e, 538);
    let zb = is_zero(l, b);
    let ok = l.b.ins().bor(ok, zb);
    from_residual(l, r, rem, None, ok)
}

/// Whether the product `a * c` is a zero (an operand is; with an infinite or NaN other
/// operand the result is a NaN, which the result guard rejects).
fn zero_product(l: &mut Lifter, a: Value, c: Value) -> Value {
    let za = is_zero(l, a);
    let zc = is_zero(l, c);
    l.b.ins().bor(za, zc)
}

/// The sign bit (i64) of an exact zero sum `x + y` rounded toward -inf: negative unless
/// both terms are positive. `x` and `y` are the terms' sign-carrying bits.
fn zero_sum_sign_rm(l: &mut Lifter, x: Value, y: Value) -> Value {
    let either = l.b.ins().bor(x, y);
    l.b.ins().band_imm_s(either, i64::MIN)
}

/// `a * c + y` fused, with ErrFma's error facts. A zero product leaves `y` exact: ErrFma's
/// terms are then all exact zeros, so its facts hold whatever the exponents.
fn fused(l: &mut Lifter, a: Value, c: Value, y: Value) -> Exact {
    let r1 = l.b.ins().fma(a, c, y);
    let u1 = l.b.ins().fmul(a, c);
    let nu1 = l.b.ins().fneg(u1);
    let u2 = l.b.ins().fma(a, c, nu1);
    let (alpha1, alpha2) = two_sum(l, y, u2);
    let (beta1, beta2) = two_sum(l, u1, alpha1);
    let g = l.b.ins().fsub(beta1, r1);
    let gamma = l.b.ins().fadd(g, beta2);
    let r2 = l.b.ins().fadd(gamma, alpha2);
    let s = exp_sum(l, a, c);
    let ok = within(l, s, 1076, 3067);
    let zp = zero_product(l, a, c);
    let ok = l.b.ins().bor(ok, zp);
    let ok_y = below_top_binade(l, y);
    let ok = l.b.ins().band(ok, ok_y);
    let mut x = from_residual(l, r1, r2, None, ok);
    let ab = as_bits(l, a);
    let cb = as_bits(l, c);
    let product_sign = l.b.ins().bxor(ab, cb);
    let yb = as_bits(l, y);
    x.zero_sign_rm = Some(zero_sum_sign_rm(l, product_sign, yb));
    x
}

/// What follows the rounding: fnmadd/fnmsub negate the result; the estimates neither
/// raise XX nor report FR; frsqrte's first step may already have been inexact.
#[derive(Default)]
pub struct Post {
    pub negate: bool,
    pub estimate: bool,
    pub extra_fi: Option<Value>,
}

/// A finished result: FRT bits, the new FPSCR and whether the fast path may deliver them.
pub struct Done {
    pub bits: Value,
    pub fpscr: Value,
    pub ok: Value,
}

/// The FPRF class of a result the guards accept: a normal number or a zero (in the target
/// format), with the sign of `bits` (i64).
fn result_class(l: &mut Lifter, bits: Value) -> Value {
    let mag = l.b.ins().band_imm_s(bits, i64::MAX);
    let zero = l.b.ins().icmp_imm_u(IntCC::Equal, mag, 0);
    let normal = normal_class(l, bits);
    let neg = l.b.ins().icmp_imm_s(IntCC::SignedLessThan, bits, 0);
    let nz = l.b.ins().iconst(types::I32, i64::from(CLASS_NEG_ZERO));
    let pz = l.b.ins().iconst(types::I32, i64::from(CLASS_POS_ZERO));
    let z = l.b.ins().select(neg, nz, pz);
    l.b.ins().select(zero, z, normal)
}

/// Rounds the exact result to the target format in the mode FPSCR `f` selects and
/// computes the new FPSCR.
///
/// Round-to-nearest gets its own branch, in which the result bits come straight from the
/// host's result: the error-free transform then only feeds FPSCR bits and the guard (a
/// predicted branch), so it stays off the dependency chain between FP instructions. Each
/// branch finishes the FPSCR itself, so the values meeting at the join differ per branch
/// and the optimizer does not recompute the transform after it.
pub fn round_commit(l: &mut Lifter, x: &Exact, single: bool, f: Value, post: &Post) -> Done {
    let mode = l.b.ins().band_imm_u(f, i64::from(RN));
    let rn_b = l.b.create_block();
    let any_b = l.b.create_block();
    let join = l.b.create_block();
    let bits = l.b.append_block_param(join, types::I64);
    let fpscr = l.b.append_block_param(join, types::I32);
    let ok = l.b.append_block_param(join, types::I8);
    let is_rn = l.b.ins().icmp_imm_u(IntCC::Equal, mode, 0);
    l.b.ins().brif(is_rn, rn_b, &[], any_b, &[]);
    for (block, nearest) in [(rn_b, true), (any_b, false)] {
        l.b.switch_to_block(block);
        l.b.seal_block(block);
        let r = if nearest {
            round_nearest(l, x, single)
        } else {
            round_any(l, x, single, mode)
        };
        let bits = if post.negate {
            l.b.ins().bxor_imm_s(r.bits, i64::MIN)
        } else {
            r.bits
        };
        let class = result_class(l, bits);
        let fi = match post.extra_fi {
            Some(e) => l.b.ins().bor(e, r.fi),
            None => r.fi,
        };
        let (raised, fr) = if post.estimate {
            let z = l.b.ins().iconst(types::I32, 0);
            (z, konst_i8(l, false))
        } else {
            let xx = l.b.ins().iconst(types::I32, i64::from(XX));
            let z = l.b.ins().iconst(types::I32, 0);
            (l.b.ins().select(fi, xx, z), r.fr)
        };
        let new_f = fpscr_after(l, f, raised, fr, fi, Some(class));
        let args = [bits, new_f, r.ok].map(BlockArg::Value);
        l.b.ins().jump(join, &args);
    }
    l.b.switch_to_block(join);
    l.b.seal_block(join);
    Done { bits, fpscr, ok }
}

/// `range`, or the host result `r` (i64 bits) is an exact zero: the guard for results
/// that are normal numbers or zeros.
fn range_or_exact_zero(l: &mut Lifter, range: Value, r: Value, fi: Value) -> Value {
    let mag = l.b.ins().band_imm_s(r, i64::MAX);
    let zero = l.b.ins().icmp_imm_u(IntCC::Equal, mag, 0);
    let exact = not(l, fi);
    let exact_zero = l.b.ins().band(zero, exact);
    l.b.ins().bor(range, exact_zero)
}

/// Round to nearest even. Double: `r` itself. Single: the host's rounding of `r` to single,
/// which is the correctly rounded result unless `r` is inexact and exactly halfway between
/// two singles (then the exact value is not, and the guard sends it to the interpreter).
/// When the single `c` differs from `r`, both sit on the same side of the exact value, as
/// no double lies strictly between `r` and the exact value.
fn round_nearest(l: &mut Lifter, x: &Exact, single: bool) -> Rounded {
    let rb = as_bits(l, x.r);
    if !single {
        let e = exponent(l, rb);
        let range = within(l, e, 2, 0x7fd);
        let range = range_or_exact_zero(l, range, rb, x.fi);
        let ok = l.b.ins().band(x.ok, range);
        let below = not(l, x.up);
        let fr = l.b.ins().band(x.fi, below);
        return Rounded {
            bits: rb,
            fi: x.fi,
            fr,
            ok,
        };
    }
    let s = l.b.ins().fdemote(types::F32, x.r);
    let sd = l.b.ins().fpromote(types::F64, s);
    let c = as_bits(l, sd);
    let moved = l.b.ins().icmp(IntCC::NotEqual, c, rb);
    let fi = l.b.ins().bor(moved, x.fi);
    let c_mag = l.b.ins().band_imm_s(c, i64::MAX);
    let r_mag = l.b.ins().band_imm_s(rb, i64::MAX);
    let bigger = l.b.ins().icmp(IntCC::UnsignedGreaterThan, c_mag, r_mag);
    let below = not(l, x.up);
    let same_fr = l.b.ins().band(x.fi, below);
    let fr = l.b.ins().select(moved, bigger, same_fr);
    let low = l.b.ins().band_imm_u(rb, 0x1fff_ffff);
    let tie = l.b.ins().icmp_imm_u(IntCC::Equal, low, 0x1000_0000);
    let bad = l.b.ins().band(tie, x.fi);
    let good = not(l, bad);
    let e = exponent(l, c);
    let range = within(l, e, 898, 1150);
    let range = range_or_exact_zero(l, range, rb, x.fi);
    let ok = l.b.ins().band(x.ok, range);
    let ok = l.b.ins().band(ok, good);
    Rounded {
        bits: c,
        fi,
        fr,
        ok,
    }
}

/// Any rounding mode, choosing between the two candidates around the exact value.
pub fn round_any(l: &mut Lifter, x: &Exact, single: bool, mode: Value) -> Rounded {
    let (c, cn, fi, up, range_ok) = if single {
        let rb = as_bits(l, x.r);
        let low = l.b.ins().band_imm_u(rb, 1);
        let even = l.b.ins().icmp_imm_u(IntCC::Equal, low, 0);
        let need = l.b.ins().band(x.fi, even);
        let inc = l.b.ins().iadd_imm_s(rb, 1);
        let dec = l.b.ins().iadd_imm_s(rb, -1);
        let step = l.b.ins().select(x.up, inc, dec);
        let rodd = l.b.ins().select(need, step, rb);
        let of = as_f64(l, rodd);
        let s = l.b.ins().fdemote(types::F32, of);
        let s32 = l.b.ins().bitcast(types::I32, MemFlagsData::new(), s);
        let sd = l.b.ins().fpromote(types::F64, s);
        let c = as_bits(l, sd);
        let fi = l.b.ins().icmp(IntCC::NotEqual, c, rodd);
        let ro_mag = l.b.ins().band_imm_s(rodd, i64::MAX);
        let c_mag = l.b.ins().band_imm_s(c, i64::MAX);
        let up = l.b.ins().icmp(IntCC::UnsignedGreaterThan, ro_mag, c_mag);
        let inc = l.b.ins().iadd_imm_s(s32, 1);
        let dec = l.b.ins().iadd_imm_s(s32, -1);
        let sn = l.b.ins().select(up, inc, dec);
        let sn = l.b.ins().bitcast(types::F32, MemFlagsData::new(), sn);
        let snd = l.b.ins().fpromote(types::F64, sn);
        let cn = as_bits(l, snd);
        // 898 = biased double exponent of 2^-125; 1150 = the largest single's.
        let ec = exponent(l, c);
        let ok1 = within(l, ec, 898, 1150);
        let en = exponent(l, cn);
        let ok2 = within(l, en, 898, 1150);
        let ok = l.b.ins().band(ok1, ok2);
        // An exact zero: `c` is that zero and no neighbour is picked.
        let ok = range_or_exact_zero(l, ok, rb, x.fi);
        (c, cn, fi, up, ok)
    } else {
        let c = as_bits(l, x.r);
        let inc = l.b.ins().iadd_imm_s(c, 1);
        let dec = l.b.ins().iadd_imm_s(c, -1);
        let cn = l.b.ins().select(x.up, inc, dec);
        let e = exponent(l, c);
        let ok = within(l, e, 2, 0x7fd);
        let ok = range_or_exact_zero(l, ok, c, x.fi);
        (c, cn, x.fi, x.up, ok)
    };
    let ok = l.b.ins().band(x.ok, range_ok);
    // Which candidate the mode picks: the larger magnitude one ("hi") or not.
    let c_hi = not(l, up);
    let neg = l.b.ins().icmp_imm_s(IntCC::SignedLessThan, c, 0);
    let pos = not(l, neg);
    let zero = konst_i8(l, false);
    let m0 = l.b.ins().icmp_imm_u(IntCC::Equal, mode, 0);
    let m1 = l.b.ins().icmp_imm_u(IntCC::Equal, mode, 1);
    let m2 = l.b.ins().icmp_imm_u(IntCC::Equal, mode, 2);
    let t = l.b.ins().select(m2, pos, neg);
    let t = l.b.ins().select(m1, zero, t);
    let pick_hi = l.b.ins().select(m0, c_hi, t);
    let other = l.b.ins().bxor(pick_hi, c_hi);
    let swap = l.b.ins().band(fi, other);
    let mut bits = l.b.ins().select(swap, cn, c);
    if let Some(sign) = x.zero_sign_rm {
        // An exact zero sum rounded toward -inf: the sign rule differs from the host's.
        let mag = l.b.ins().band_imm_s(bits, i64::MAX);
        let is_zero = l.b.ins().icmp_imm_u(IntCC::Equal, mag, 0);
        let rm = l.b.ins().icmp_imm_u(IntCC::Equal, mode, 3);
        let fix = l.b.ins().band(is_zero, rm);
        bits = l.b.ins().select(fix, sign, bits);
    }
    let fr = l.b.ins().band(fi, pick_hi);
    Rounded { bits, fi, fr, ok }
}

/// The register bits of the operands an instruction reads (FRA, FRB, FRC).
pub struct Operands {
    pub a: Option<Value>,
    pub b: Option<Value>,
    pub c: Option<Value>,
}

fn f64_of(l: &mut Lifter, v: Option<Value>) -> Value {
    let v = v.expect("the instruction reads this operand");
    as_f64(l, v)
}

fn is_fused(op: FpuOp) -> bool {
    use FpuOp::*;
    matches!(
        op,
        Fmadd | Fmadds | Fmsub | Fmsubs | Fnmadd | Fnmadds | Fnmsub | Fnmsubs
    )
}

/// The host's round-to-nearest result of a deferrable instruction (f64, before any
/// fnmadd/fnmsub negation), and whether a zero result is known to be exact (i8).
fn host_result(l: &mut Lifter, op: FpuOp, o: &Operands) -> (Value, Value) {
    use FpuOp::*;
    let yes = konst_i8(l, true);
    match op {
        Fadd | Fadds | Fsub | Fsubs => {
            // A sum of doubles that is zero is exactly zero.
            let a = f64_of(l, o.a);
            let b = f64_of(l, o.b);
            let r = if matches!(op, Fadd | Fadds) {
                l.b.ins().fadd(a, b)
            } else {
                l.b.ins().fsub(a, b)
            };
            (r, yes)
        }
        Fmul | Fmuls => {
            let a = f64_of(l, o.a);
            let c = f64_of(l, o.c);
            let r = l.b.ins().fmul(a, c);
            (r, zero_product(l, a, c))
        }
        Fdiv | Fdivs => {
            let a = f64_of(l, o.a);
            let b = f64_of(l, o.b);
            let r = l.b.ins().fdiv(a, b);
            (r, is_zero(l, a))
        }
        Fsqrt | Fsqrts => {
            // Only the root of a zero is a zero.
            let b = f64_of(l, o.b);
            (l.b.ins().sqrt(b), yes)
        }
        _ => {
            let a = f64_of(l, o.a);
            let c = f64_of(l, o.c);
            let mut b = f64_of(l, o.b);
            if matches!(op, Fmsub | Fmsubs | Fnmsub | Fnmsubs) {
                b = l.b.ins().fneg(b);
            }
            let r = l.b.ins().fma(a, c, b);
            // With a zero product the result is the addend, exactly.
            (r, zero_product(l, a, c))
        }
    }
}

/// Whether double bits `rb` lie exactly halfway between two singles (i8): then rounding
/// the host's result to single is right only if it is exact, which the deferrable variant
/// does not know.
fn single_tie(l: &mut Lifter, rb: Value) -> Value {
    let low = l.b.ins().band_imm_u(rb, 0x1fff_ffff);
    l.b.ins().icmp_imm_u(IntCC::Equal, low, 0x1000_0000)
}

/// The deferrable variant (see `deferred`), for FPSCR[XX] = 1 and round-to-nearest, given
/// the host's result `r`: the result (f64), and whether it is a normal result in range,
/// which makes them the guest's with no FPSCR work. (A zero result is the guest's too when
/// `zero_exact`; `lift` tests that only when the range test fails.)
fn cheap(l: &mut Lifter, r: Value, single: bool, negate: bool) -> (Value, Value) {
    let (value, range) = if single {
        let s = l.b.ins().fdemote(types::F32, r);
        let sd = l.b.ins().fpromote(types::F64, s);
        let c = as_bits(l, sd);
        let e = exponent(l, c);
        (sd, within(l, e, 898, 1150))
    } else {
        let rb = as_bits(l, r);
        let e = exponent(l, rb);
        (r, within(l, e, 2, 0x7fd))
    };
    // fneg flips the sign bit alone, as the bits' negation does.
    let value = if negate { l.b.ins().fneg(value) } else { value };
    (value, range)
}

/// Whether the host's result `r` is an exact zero (given that an exact zero operand made
/// it one, `zero_exact`): the deferrable variant's second chance, off the hot path.
fn exact_zero(l: &mut Lifter, r: Value, zero_exact: Value) -> Value {
    let rb = as_bits(l, r);
    let mag = l.b.ins().band_imm_s(rb, i64::MAX);
    let zero = l.b.ins().icmp_imm_u(IntCC::Equal, mag, 0);
    l.b.ins().band(zero, zero_exact)
}

/// The host's result with its error facts, for the instructions with a deferrable variant.
fn exact(l: &mut Lifter, op: FpuOp, o: &Operands) -> Exact {
    use FpuOp::*;
    match op {
        Fadd | Fadds | Fsub | Fsubs => {
            let a = f64_of(l, o.a);
            let mut b = f64_of(l, o.b);
            if matches!(op, Fsub | Fsubs) {
                b = l.b.ins().fneg(b);
            }
            let (r, err) = two_sum(l, a, b);
            let ok_a = below_top_binade(l, a);
            let ok_b = below_top_binade(l, b);
            let ok = l.b.ins().band(ok_a, ok_b);
            let mut x = from_residual(l, r, err, None, ok);
            let ab = as_bits(l, a);
            let bb = as_bits(l, b);
            x.zero_sign_rm = Some(zero_sum_sign_rm(l, ab, bb));
            x
        }
        Fmul | Fmuls => {
            let a = f64_of(l, o.a);
            let c = f64_of(l, o.c);
            let r = l.b.ins().fmul(a, c);
            let nr = l.b.ins().fneg(r);
            let err = l.b.ins().fma(a, c, nr);
            let s = exp_sum(l, a, c);
            let ok = at_least(l, s, 1076);
            // A zero product is exact (its sign is the same in every mode).
            let zp = zero_product(l, a, c);
            let ok = l.b.ins().bor(ok, zp);
            from_residual(l, r, err, None, ok)
        }
        Fdiv | Fdivs => {
            let a = f64_of(l, o.a);
            let b = f64_of(l, o.b);
            divide(l, a, b)
        }
        Fsqrt | Fsqrts => {
            let b = f64_of(l, o.b);
            square_root(l, b)
        }
        Fmadd | Fmadds | Fmsub | Fmsubs | Fnmadd | Fnmadds | Fnmsub | Fnmsubs => {
            let a = f64_of(l, o.a);
            let c = f64_of(l, o.c);
            let mut b = f64_of(l, o.b);
            if matches!(op, Fmsub | Fmsubs | Fnmsub | Fnmsubs) {
                b = l.b.ins().fneg(b);
            }
            fused(l, a, c, b)
        }
        _ => unreachable!("no deferrable variant: {op:?}"),
    }
}

/// The full path: the exact result and FPSCR in any mode.
fn full(l: &mut Lifter, op: FpuOp, o: &Operands, single: bool, f: Value, post: &Post) -> Done {
    use FpuOp::*;
    match op {
        Fres => {
            let a = l.b.ins().f64const(1.0);
            let b = f64_of(l, o.b);
            let x = divide(l, a, b);
            round_commit(l, &x, single, f, post)
        }
        Frsqrte => {
            // As the interpreter defines it: the square root rounded to double in the
            // current mode, then its reciprocal rounded again; FI if either step was inexact.
            let b = f64_of(l, o.b);
            let x = square_root(l, b);
            let mode = l.b.ins().band_imm_u(f, i64::from(RN));
            let s = round_any(l, &x, false, mode);
            let sf = as_f64(l, s.bits);
            let one = l.b.ins().f64const(1.0);
            let mut y = divide(l, one, sf);
            y.ok = l.b.ins().band(y.ok, s.ok);
            let post = Post {
                extra_fi: Some(s.fi),
                negate: post.negate,
                estimate: post.estimate,
            };
            round_commit(l, &y, false, f, &post)
        }
        _ => {
            let x = exact(l, op, o);
            round_commit(l, &x, single, f, post)
        }
    }
}

/// FPSCR bits that must read `XX` alone for the quick variants: FPSCR[XX] set, so an
/// inexact result raises nothing; round-to-nearest, so the host's result is the guest's;
/// no enable bit, so FEX stays 0 (and must be 0 already); the reserved bit clear. VX is
/// the only summary bit that can then be stale (`quick_summary`).
const QUICK_MASK: u32 = RN | XX | FEX | RESERVED | VE | OE | UE | ZE | XE;

/// `summarize(f)` for an FPSCR in the quick state: VX recomputed, unless the FPSCR is
/// known to be summarized.
fn quick_summary(l: &mut Lifter, f: Value) -> Value {
    if l.fpscr_clean {
        return f;
    }
    let causes = l.b.ins().band_imm_u(f, i64::from(VX_ALL));
    let any = l.b.ins().icmp_imm_u(IntCC::NotEqual, causes, 0);
    let vx = super::flag32(l, any, VX);
    let kept = l.b.ins().band_imm_u(f, i64::from(!VX));
    l.b.ins().bor(kept, vx)
}

/// The summarized quick-state FPSCR `qf` with FR, FI and FPRF replaced.
fn with_status(l: &mut Lifter, qf: Value, fr: Value, fi: Value, class: Value) -> Value {
    let fr = super::flag32(l, fr, FR);
    let fi = super::flag32(l, fi, FI);
    let t = l.b.ins().bor(fr, fi);
    let t = l.b.ins().bor(t, class);
    let kept = l.b.ins().band_imm_u(qf, i64::from(!(FR | FI | FPRF)));
    l.b.ins().bor(kept, t)
}

/// Lifts an arithmetic instruction. In the quick state (`QUICK_MASK`) the instructions
/// with a deferrable variant branch off the full path: a deferred one (`defer`, see
/// `deferred`) computes only its result, another one its result, FR, FI and FPRF without
/// the general FPSCR update. A fused single-precision result that differs from the host's
/// double result (the usual case) needs no error-free transform even then: it is inexact,
/// and FR says whether rounding to single moved away from zero. Returns what `deferred`
/// must remember.
pub fn lift(l: &mut Lifter, op: FpuOp, d: Decoded, pc: u32, defer: bool) -> Option<Pending> {
    use FpuOp::*;
    let i = d.insn;
    let single = matches!(
        op,
        Fadds | Fsubs | Fmuls | Fdivs | Fsqrts | Fres | Fmadds | Fmsubs | Fnmadds | Fnmsubs
    );
    // Every register is read here, before any branch, so both variants see its variable.
    let [ra, rb, rc] = reads(op);
    let o = Operands {
        a: ra.then(|| l.get(Reg::Fpr(i.ra()))),
        b: rb.then(|| l.get(Reg::Fpr(i.rb()))),
        c: rc.then(|| l.get(Reg::Fpr(i.rc_field()))),
    };
    let f = l.get(Reg::Fpscr);
    let post = Post {
        negate: matches!(op, Fnmadd | Fnmadds | Fnmsub | Fnmsubs),
        estimate: matches!(op, Fres | Frsqrte),
        extra_fi: None,
    };
    let defer = defer && has_cheap_variant(op);
    let pending = defer.then_some(Pending {
        word: i.0,
        a: o.a,
        b: o.b,
        c: o.c,
        keep: 0,
    });
    // Singles keep their full path: exact ties, which only it tells apart, are common in
    // single-precision code (sums of singles), and each would leave the unit.
    if has_cheap_variant(op) && !single && !l.env.fp_full_path(pc) {
        quick_only(l, op, d, pc, &o, f, single, defer, post.negate);
        return pending;
    }
    let done = if has_cheap_variant(op) {
        let quick_b = l.b.create_block();
        let full_b = l.b.create_block();
        let join = l.b.create_block();
        // The result as f64, so that it can stay in an FP register.
        let bits = l.b.append_block_param(join, types::F64);
        let fpscr = l.b.append_block_param(join, types::I32);
        let ok = l.b.append_block_param(join, types::I8);
        // The full path recomputes the host's result; the optimizer shares it.
        let (r, zero_exact) = host_result(l, op, &o);
        let rb = as_bits(l, r);
        let state = l.b.ins().band_imm_u(f, i64::from(QUICK_MASK));
        let quick = l.b.ins().icmp_imm_u(IntCC::Equal, state, i64::from(XX));
        let (checks, to_single) = quick_checks(l, op, r, rb, single, defer);
        let quick = checks.into_iter().fold(quick, |q, c| l.b.ins().band(q, c));
        l.b.ins().brif(quick, quick_b, &[], full_b, &[]);

        l.b.switch_to_block(quick_b);
        l.b.seal_block(quick_b);
        let q = Quick {
            r,
            rb,
            zero_exact,
            single,
            defer,
            negate: post.negate,
            to_single,
        };
        quick_variant(l, op, &o, f, &q, join, None);

        l.b.switch_to_block(full_b);
        l.b.seal_block(full_b);
        let full = full(l, op, &o, single, f, &post);
        let value = as_f64(l, full.bits);
        let args = [value, full.fpscr, full.ok].map(BlockArg::Value);
        l.b.ins().jump(join, &args);

        l.b.switch_to_block(join);
        l.b.seal_block(join);
        Done { bits, fpscr, ok }
    } else {
        full(l, op, &o, single, f, &post)
    };
    l.guarded(done.ok, pc, d, |l| {
        l.set(Reg::Fpr(i.rt()), done.bits);
        l.set(Reg::Fpscr, done.fpscr);
        record(l, i);
    });
    pending
}

/// The host's result and what the quick variants need besides the operands.
struct Quick {
    r: Value,
    rb: Value,
    zero_exact: Value,
    single: bool,
    defer: bool,
    negate: bool,
    /// The fused single result, when the quick path requires that rounding moved it.
    to_single: Option<Value>,
}

/// Conditions besides the FPSCR state for the quick variants: for singles, no exact tie
/// (the full path tells those apart), and for a fused single computed in full, that
/// rounding to single moved the result (its rounded bits are returned).
fn quick_checks(
    l: &mut Lifter,
    op: FpuOp,
    r: Value,
    rb: Value,
    single: bool,
    defer: bool,
) -> (Vec<Value>, Option<Value>) {
    let mut checks = Vec::new();
    let mut to_single = None;
    if single {
        // Exact ties are common (sums of singles); the full path tells them apart.
        let tie = single_tie(l, rb);
        checks.push(not(l, tie));
        if !defer && is_fused(op) {
            // ErrFma is long: only the usual case, where rounding to single moved the
            // result, takes the quick path, which then needs no error facts.
            let s = l.b.ins().fdemote(types::F32, r);
            let sd = l.b.ins().fpromote(types::F64, s);
            let c = as_bits(l, sd);
            checks.push(l.b.ins().icmp(IntCC::NotEqual, c, rb));
            to_single = Some(c);
        }
    }
    (checks, to_single)
}

/// The quick variants, in the quick state once the checks of `quick_checks` hold: jumps to
/// `join` with the result (f64), the FPSCR after it, and whether they are the guest's (else
/// the interpreter must run the instruction). The FPSCR after it is in the quick state too.
fn quick_variant(
    l: &mut Lifter,
    op: FpuOp,
    o: &Operands,
    f: Value,
    q: &Quick,
    join: cranelift_codegen::ir::Block,
    leave_at: Option<(u32, Decoded)>,
) {
    let qf = quick_summary(l, f);
    let (value, status, ok) = if q.defer {
        let (value, range) = cheap(l, q.r, q.single, q.negate);
        // In range: on at once. Else a cold block tests for an exact zero.
        let yes = konst_i8(l, true);
        let zero_b = l.b.create_block();
        l.b.set_cold_block(zero_b);
        let args = [value, qf, yes].map(BlockArg::Value);
        l.b.ins().brif(range, join, &args, zero_b, &[]);
        l.b.switch_to_block(zero_b);
        l.b.seal_block(zero_b);
        let zero_ok = exact_zero(l, q.r, q.zero_exact);
        match leave_at {
            // Not a zero either: leave from here, so that `join` receives the same values
            // both ways and needs no `ok` (nor a test of it) at all.
            Some((pc, d)) => {
                l.leave_unless_checks(&[zero_ok], pc, d);
                (value, qf, yes)
            }
            None => (value, qf, zero_ok),
        }
    } else if let Some(c) = q.to_single {
        // Inexact; FR when the single is the larger in magnitude (no double lies
        // between the host's result and the exact value, so both are on one side).
        let c_mag = l.b.ins().band_imm_s(c, i64::MAX);
        let r_mag = l.b.ins().band_imm_s(q.rb, i64::MAX);
        let fr = l.b.ins().icmp(IntCC::UnsignedGreaterThan, c_mag, r_mag);
        let fi = konst_i8(l, true);
        let e = exponent(l, c);
        let ok = within(l, e, 898, 1150);
        let bits = if q.negate {
            l.b.ins().bxor_imm_s(c, i64::MIN)
        } else {
            c
        };
        let class = normal_class(l, bits);
        let value = as_f64(l, bits);
        (value, with_status(l, qf, fr, fi, class), ok)
    } else {
        // The cheaper transforms are computed even for singles that moved: a branch on
        // that would be unpredictable (sums of singles fit in a single half the time).
        let x = exact(l, op, o);
        let r = round_nearest(l, &x, q.single);
        let bits = if q.negate {
            l.b.ins().bxor_imm_s(r.bits, i64::MIN)
        } else {
            r.bits
        };
        let class = result_class(l, bits);
        let value = as_f64(l, bits);
        (value, with_status(l, qf, r.fr, r.fi, class), r.ok)
    };
    let args = [value, status, ok].map(BlockArg::Value);
    l.b.ins().jump(join, &args);
}

/// An instruction with a deferrable variant compiled without its full path
/// (`Environment::fp_full_path`): outside the quick state it leaves the unit through the
/// interpreter, reporting the miss. The FPSCR a quick variant leaves is known to be in the
/// quick state, so the next instruction that finds that value skips the state test.
#[allow(clippy::too_many_arguments)]
fn quick_only(
    l: &mut Lifter,
    op: FpuOp,
    d: Decoded,
    pc: u32,
    o: &Operands,
    f: Value,
    single: bool,
    defer: bool,
    negate: bool,
) {
    let i = d.insn;
    l.fp_quick_only.push(pc);
    let (r, zero_exact) = host_result(l, op, o);
    let rb = as_bits(l, r);
    let (mut checks, to_single) = quick_checks(l, op, r, rb, single, defer);
    if l.fp.quick_known != Some(f) {
        let state = l.b.ins().band_imm_u(f, i64::from(QUICK_MASK));
        checks.push(l.b.ins().icmp_imm_u(IntCC::Equal, state, i64::from(XX)));
    }
    if !checks.is_empty() {
        l.leave_unless_fp_miss(&checks, pc, d);
    }
    let q = Quick {
        r,
        rb,
        zero_exact,
        single,
        defer,
        negate,
        to_single,
    };
    // Every way into `cont` passes one result and FPSCR (and, deferred, a true `ok`), so
    // Cranelift removes those parameters; the FPSCR is in the quick state either way.
    let cont = l.b.create_block();
    let value = l.b.append_block_param(cont, types::F64);
    let status = l.b.append_block_param(cont, types::I32);
    let ok = l.b.append_block_param(cont, types::I8);
    quick_variant(l, op, o, f, &q, cont, Some((pc, d)));
    l.b.switch_to_block(cont);
    l.b.seal_block(cont);
    let write = |l: &mut Lifter| {
        l.set_f64(i.rt(), value);
        l.set(Reg::Fpscr, status);
        record(l, i);
    };
    if defer {
        write(l);
    } else {
        l.guarded(ok, pc, d, write);
    }
    l.fp.quick_known = Some(status);
}
