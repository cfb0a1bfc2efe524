//! Arithmetic instructions: the invalid-operation and zero-divide rules, NaN propagation,
//! and the exact computation that `soft` rounds.

use super::fpscr::*;
use super::soft::{self, guest_round, odd, quad, sqrt_odd, Prec};
use super::{bits::*, Outcome};
use rustc_apfloat::ieee::Quad;
use rustc_apfloat::Float;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Add,
    Sub,
    Mul,
    Div,
    Sqrt,
    /// FRA * FRC + FRB, and the variants that negate the addend and/or the rounded result.
    Madd,
    Msub,
    Nmadd,
    Nmsub,
    /// fres: 1 / FRB rounded once to single.
    Res,
    /// frsqrte: 1 / sqrt(FRB), each step rounded to double (see the module notes in `fpu`).
    Rsqrte,
}

impl Kind {
    fn is_fma(self) -> bool {
        matches!(self, Kind::Madd | Kind::Msub | Kind::Nmadd | Kind::Nmsub)
    }
    fn negates_addend(self) -> bool {
        matches!(self, Kind::Msub | Kind::Nmsub)
    }
    fn negates_result(self) -> bool {
        matches!(self, Kind::Nmadd | Kind::Nmsub)
    }
}

/// Executes an arithmetic instruction on register bits `a`, `b`, `c` (FRA, FRB, FRC; the ones
/// the instruction does not read are ignored).
pub fn arith(kind: Kind, prec: Prec, a: u64, b: u64, c: u64, fpscr: u32) -> Outcome {
    // The ISA's NaN priority is FRA, then FRB, then FRC, among the operands read.
    let ops: &[u64] = match kind {
        Kind::Add | Kind::Sub | Kind::Div => &[a, b],
        Kind::Mul => &[a, c],
        Kind::Sqrt | Kind::Res | Kind::Rsqrte => &[b],
        _ => &[a, b, c],
    };
    let mut raised = 0;
    if ops.iter().any(|&x| is_snan(x)) {
        raised |= VXSNAN;
    }
    raised |= invalid_cause(kind, a, b, c);
    let first_nan = ops.iter().copied().find(|&x| is_nan(x));
    if raised != 0 || first_nan.is_some() {
        if raised != 0 && fpscr & VE != 0 {
            return Outcome::suppressed(raised);
        }
        // Propagated NaNs keep their sign even through fnmadd/fnmsub.
        let mut nan = first_nan.map_or(DEFAULT_NAN, quiet);
        if prec == Prec::Single {
            nan = truncate_to_single(nan);
        }
        return Outcome::value(nan, raised, 0, CLASS_QNAN);
    }

    if let Some(sign) = zero_divide(kind, a, b) {
        if fpscr & ZE != 0 {
            return Outcome::suppressed(ZX);
        }
        let inf = INF | sign;
        return Outcome::value(inf, ZX, 0, class(inf, false));
    }

    let mode = guest_round(fpscr);
    let q = match kind {
        Kind::Add => odd(|m| quad(a).add_r(quad(b), m), mode),
        Kind::Sub => odd(|m| quad(a).sub_r(quad(b), m), mode),
        Kind::Mul => odd(|m| quad(a).mul_r(quad(c), m), mode),
        Kind::Div => odd(|m| quad(a).div_r(quad(b), m), mode),
        Kind::Res => odd(|m| Quad::from_u128(1).value.div_r(quad(b), m), mode),
        Kind::Sqrt => {
            if is_zero(b) || is_inf(b) {
                quad(b)
            } else {
                sqrt_odd(b)
            }
        }
        Kind::Rsqrte => return rsqrte(b, fpscr),
        Kind::Madd | Kind::Msub | Kind::Nmadd | Kind::Nmsub => {
            let addend = if kind.negates_addend() {
                -quad(b)
            } else {
                quad(b)
            };
            odd(|m| quad(a).mul_add_r(quad(c), addend, m), mode)
        }
    };
    let r = soft::round(q, prec, fpscr);
    // fnmadd/fnmsub round the un-negated result, then negate it.
    let bits = if kind.negates_result() {
        r.bits ^ SIGN
    } else {
        r.bits
    };
    let mut fr_fi = if r.fi { FI } else { 0 };
    // The estimates leave FR undefined; report 0 as qemu does.
    if r.fr && kind != Kind::Res {
        fr_fi |= FR;
    }
    let fprf = class(bits, prec == Prec::Single && !r.adjusted);
    Outcome::value(bits, estimate_flags(kind, r.raised), fr_fi, fprf)
}

/// fres and frsqrte do not alter XX (PowerPC ISA 2.02, Book I: their "Special Registers
/// Altered" lists FPRF, FR, FI, FX, OX, UX, ZX and VXSNAN only), so an inexact estimate
/// raises nothing by itself; qemu sets XX here, the ISA of the Xenon's generation does not.
fn estimate_flags(kind: Kind, raised: u32) -> u32 {
    if matches!(kind, Kind::Res | Kind::Rsqrte) {
        raised & !XX
    } else {
        raised
    }
}

/// The specific invalid-operation cause (other than SNaN operands), if any.
fn invalid_cause(kind: Kind, a: u64, b: u64, c: u64) -> u32 {
    let no_nan = |xs: &[u64]| xs.iter().all(|&x| !is_nan(x));
    match kind {
        Kind::Add | Kind::Sub => {
            // Magnitude subtraction of infinities.
            let same_sign = (a ^ b) & SIGN == 0;
            let subtracts = same_sign == (kind == Kind::Sub);
            if is_inf(a) && is_inf(b) && subtracts {
                VXISI
            } else {
                0
            }
        }
        Kind::Mul => {
            if (is_inf(a) && is_zero(c)) || (is_zero(a) && is_inf(c)) {
                VXIMZ
            } else {
                0
            }
        }
        Kind::Div => {
            if is_inf(a) && is_inf(b) {
                VXIDI
            } else if is_zero(a) && is_zero(b) {
                VXZDZ
            } else {
                0
            }
        }
        Kind::Sqrt | Kind::Rsqrte => {
            if !is_nan(b) && b & SIGN != 0 && !is_zero(b) {
                VXSQRT
            } else {
                0
            }
        }
        Kind::Res => 0,
        _ => {
            debug_assert!(kind.is_fma());
            // inf * 0 is invalid whatever the addend is, even a QNaN (qemu agrees).
            if (is_inf(a) && is_zero(c)) || (is_zero(a) && is_inf(c)) {
                return VXIMZ;
            }
            if !no_nan(&[a, b, c]) {
                return 0;
            }
            let product_inf = is_inf(a) || is_inf(c);
            let product_sign = (a ^ c) & SIGN;
            let addend_sign = if kind.negates_addend() {
                (b ^ SIGN) & SIGN
            } else {
                b & SIGN
            };
            if product_inf && is_inf(b) && product_sign != addend_sign {
                VXISI
            } else {
                0
            }
        }
    }
}

/// The sign of the infinity a zero divide produces, if the operation is one.
fn zero_divide(kind: Kind, a: u64, b: u64) -> Option<u64> {
    match kind {
        Kind::Div if is_zero(b) && !is_zero(a) && !is_inf(a) => Some((a ^ b) & SIGN),
        Kind::Res | Kind::Rsqrte if is_zero(b) => Some(b & SIGN),
        _ => None,
    }
}

/// frsqrte as qemu-ppc64 computes it: the square root rounded to double, then its
/// reciprocal rounded to double, both in the current mode, with the flags of both steps.
/// (The operand is neither a NaN, a zero, nor negative here.)
fn rsqrte(b: u64, fpscr: u32) -> Outcome {
    let mode = guest_round(fpscr);
    let s = soft::round(
        if is_inf(b) { quad(b) } else { sqrt_odd(b) },
        Prec::Double,
        fpscr,
    );
    let q = odd(|m| Quad::from_u128(1).value.div_r(quad(s.bits), m), mode);
    let r = soft::round(q, Prec::Double, fpscr);
    let fi = s.fi || r.fi;
    Outcome::value(
        r.bits,
        estimate_flags(Kind::Rsqrte, s.raised | r.raised),
        if fi { FI } else { 0 },
        class(r.bits, false),
    )
}
