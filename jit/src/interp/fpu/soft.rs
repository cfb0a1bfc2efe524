//! Exact IEEE arithmetic for the reference interpreter.
//!
//! Every operation is first computed in IEEE quad (113-bit significand) with truncation, and
//! an inexact quad result gets its last bit forced to one ("round to odd"). A round-to-odd
//! value with at least two more bits than the target rounds, in any mode, to the same result
//! as the infinitely precise value would: the forced bit can neither create nor hide a tie,
//! and it keeps the value strictly between the same two target neighbours. Quad has 113
//! bits, double needs 53 + 2, so one quad step and one final rounding give a correctly
//! rounded double or single result. Products of doubles (106 bits) are exact in quad, which
//! makes the multiply-adds fused, and no double operand can push a quad result out of the
//! quad normal range, so the quad step never underflows or overflows.
//!
//! The final rounding is done here too, with the PowerPC rules: tininess is detected before
//! rounding, and enabled overflow/underflow deliver the exponent-adjusted result.

use super::fpscr::{OE, OX, RN, UE, UX, XX};
use rustc_apfloat::ieee::{Double, Quad, Single};
use rustc_apfloat::{Float, FloatConvert, Round, Status, StatusAnd};

/// Target format of an instruction's result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prec {
    Double,
    Single,
}

impl Prec {
    /// Exponent of the smallest normal number.
    fn min_exp(self) -> i32 {
        match self {
            Prec::Double => -1022,
            Prec::Single => -126,
        }
    }
    /// Exponent of the largest finite number.
    fn max_exp(self) -> i32 {
        match self {
            Prec::Double => 1023,
            Prec::Single => 127,
        }
    }
    /// Exponent adjustment for enabled overflow and underflow results.
    fn bias_adjust(self) -> i32 {
        match self {
            Prec::Double => 1536,
            Prec::Single => 192,
        }
    }
}

/// The rounding mode FPSCR[RN] selects.
pub fn guest_round(fpscr: u32) -> Round {
    match fpscr & RN {
        0 => Round::NearestTiesToEven,
        1 => Round::TowardZero,
        2 => Round::TowardPositive,
        _ => Round::TowardNegative,
    }
}

/// A double (given as register bits) as an exact quad. Not for NaNs.
pub fn quad(bits: u64) -> Quad {
    let mut lost = false;
    let q: StatusAnd<Quad> = Double::from_bits(u128::from(bits)).convert(&mut lost);
    q.value
}

/// Round to odd: a truncated quad result with its last bit set when anything was dropped.
fn to_odd(r: StatusAnd<Quad>) -> Quad {
    if r.status.contains(Status::INEXACT) {
        Quad::from_bits(r.value.to_bits() | 1)
    } else {
        r.value
    }
}

/// Runs a quad operation with truncation and rounds it to odd. An exact zero is recomputed
/// in the guest mode, which decides its sign (x - x is -0 only when rounding toward -inf).
pub fn odd(op: impl Fn(Round) -> StatusAnd<Quad>, mode: Round) -> Quad {
    let r = op(Round::TowardZero);
    if r.value.is_zero() {
        return op(mode).value;
    }
    to_odd(r)
}

/// The square root of a positive finite double, rounded to odd at 63 or more bits.
pub fn sqrt_odd(bits: u64) -> Quad {
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    // bits = m * 2^e with m an integer.
    let (m, mut e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    let mut m = u128::from(m);
    // Scale m to 125 or 126 bits by an even shift, after making e even, so the integer root
    // has 63 bits: enough for round to odd into a 53-bit result.
    if e & 1 != 0 {
        m <<= 1;
        e -= 1;
    }
    let len = 128 - m.leading_zeros() as i32;
    let shift = (125 - len + 1) & !1;
    m <<= shift;
    e -= shift;
    let root = m.isqrt();
    let sticky = u128::from(root * root != m);
    let q: Quad = Quad::from_u128(root | sticky).value;
    q.scalbn(e / 2)
}

/// A result rounded to its target format, with the exception and status bits it produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rounded {
    /// The value in double format, as an FPR holds it.
    pub bits: u64,
    /// OX, UX, XX as the rounding raises them.
    pub raised: u32,
    /// FPSCR[FR]: the magnitude was increased.
    pub fr: bool,
    /// FPSCR[FI]: the result is inexact.
    pub fi: bool,
    /// An enabled overflow or underflow delivered an exponent-adjusted value, which FPRF
    /// reports as a normal number even if it lies outside the single format's range.
    pub adjusted: bool,
}

impl Rounded {
    /// The FPRF class of the delivered value.
    pub fn class(&self, prec: Prec) -> u32 {
        super::fpscr::class(self.bits, prec == Prec::Single && !self.adjusted)
    }
}

/// Rounds `q` to the target format: register bits and whether it was inexact. Out-of-range
/// values give infinity or the largest number as the mode directs; whether that counts as
/// an overflow is decided by `overflows` (apfloat does not report it for the latter).
fn narrow(q: Quad, prec: Prec, mode: Round) -> (u64, bool) {
    let mut lost = false;
    match prec {
        Prec::Double => {
            let r: StatusAnd<Double> = q.convert_r(mode, &mut lost);
            (r.value.to_bits() as u64, r.status.contains(Status::INEXACT))
        }
        Prec::Single => {
            let r: StatusAnd<Single> = q.convert_r(mode, &mut lost);
            let d: StatusAnd<Double> = r.value.convert(&mut lost);
            (d.value.to_bits() as u64, r.status.contains(Status::INEXACT))
        }
    }
}

/// Whether `q`, rounded to the target precision with an unbounded exponent, exceeds the
/// largest finite number. Only a value just below 2^(max+1) needs rounding to tell: scaled
/// to [1, 2) it overflows exactly when it rounds up to 2.
fn overflows(q: Quad, prec: Prec, mode: Round) -> bool {
    let e = q.ilogb();
    e > prec.max_exp() || {
        e == prec.max_exp() && {
            let (bits, _) = narrow(q.scalbn(-prec.max_exp()), prec, mode);
            bits & !(1 << 63) == 2f64.to_bits()
        }
    }
}

/// Whether the delivered `bits` exceed `q` in magnitude (FR).
fn increased(bits: u64, q: Quad) -> bool {
    quad(bits).abs() > q.abs()
}

/// Rounds an exact or round-to-odd quad value to `prec` under the FPSCR's mode and
/// exception enables, following the ISA's overflow, underflow and inexact rules.
pub fn round(q: Quad, prec: Prec, fpscr: u32) -> Rounded {
    let mode = guest_round(fpscr);
    if q.is_zero() || q.is_infinite() {
        let (bits, _) = narrow(q, prec, mode);
        return Rounded {
            bits,
            raised: 0,
            fr: false,
            fi: false,
            adjusted: false,
        };
    }
    // Enabled overflow/underflow: the exponent is adjusted by the bias and the value rounded
    // to the target precision only; its exponent stays unbounded, since the FPR's double
    // format holds it (frsp of a tiny double gives e.g. 2^-882, as the ISA's frsp model
    // and qemu agree).
    let adjusted = |scale: i32, flag: u32| {
        let q2 = q.scalbn(scale);
        let e = q2.ilogb();
        let (sig, inexact) = narrow(q2.scalbn(-e), prec, mode);
        let (bits, _) = narrow(quad(sig).scalbn(e), Prec::Double, mode);
        Rounded {
            bits,
            raised: flag | if inexact { XX } else { 0 },
            fr: inexact && increased(bits, q2),
            fi: inexact,
            adjusted: true,
        }
    };
    // q is a quad normal, so ilogb is its true exponent: tininess before rounding.
    if q.ilogb() < prec.min_exp() {
        if fpscr & UE != 0 {
            return adjusted(prec.bias_adjust(), UX);
        }
        let (bits, inexact) = narrow(q, prec, mode);
        return Rounded {
            bits,
            raised: if inexact { UX | XX } else { 0 },
            fr: inexact && increased(bits, q),
            fi: inexact,
            adjusted: false,
        };
    }
    if overflows(q, prec, mode) {
        if fpscr & OE != 0 {
            return adjusted(-prec.bias_adjust(), OX);
        }
        // FR is undefined here; we report 0, as qemu does.
        let (bits, _) = narrow(q, prec, mode);
        return Rounded {
            bits,
            raised: OX | XX,
            fr: false,
            fi: true,
            adjusted: false,
        };
    }
    let (bits, inexact) = narrow(q, prec, mode);
    Rounded {
        bits,
        raised: if inexact { XX } else { 0 },
        fr: inexact && increased(bits, q),
        fi: inexact,
        adjusted: false,
    }
}
