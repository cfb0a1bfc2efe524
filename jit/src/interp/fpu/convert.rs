//! Rounding to single precision and conversions between floating point and integers.

use super::fpscr::*;
use super::soft::{self, guest_round, quad, Prec};
use super::{bits::*, Outcome};
use rustc_apfloat::ieee::Double;
use rustc_apfloat::{Float, Round, Status};

/// frsp: FRB rounded to single precision (NaNs are truncated to single, as the ISA's frsp
/// model spells out).
pub fn frsp(b: u64, fpscr: u32) -> Outcome {
    if is_nan(b) {
        if is_snan(b) {
            if fpscr & VE != 0 {
                return Outcome::suppressed(VXSNAN);
            }
            return Outcome::value(truncate_to_single(quiet(b)), VXSNAN, 0, CLASS_QNAN);
        }
        return Outcome::value(truncate_to_single(b), 0, 0, CLASS_QNAN);
    }
    let r = soft::round(quad(b), Prec::Single, fpscr);
    let fr_fi = if r.fr { FR } else { 0 } | if r.fi { FI } else { 0 };
    Outcome::value(r.bits, r.raised, fr_fi, r.class(Prec::Single))
}

/// Width of a float-to-integer conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntWidth {
    Word,
    Doubleword,
}

/// fctiw/fctiwz/fctid/fctidz. `toward_zero` selects the `z` forms; otherwise FPSCR[RN]
/// rounds.
///
/// The ISA leaves FPRF and, for the word forms, FRT[0:31] undefined. FPRF is kept, except
/// that a disabled invalid conversion sets it to the QNaN class (as qemu-ppc64 does); the word
/// result is always the 32-bit integer sign-extended, NaN operands included
/// (0xFFFF_FFFF_8000_0000), which is what the Xbox 360 hardware-generated cases of the public
/// xenia suite (`instr__gen_fctiw.s`) record; qemu leaves the upper word zero for NaNs.
pub fn fcti(b: u64, width: IntWidth, toward_zero: bool, fpscr: u32) -> Outcome {
    let (min, max): (i64, i64) = match width {
        IntWidth::Word => (i32::MIN.into(), i32::MAX.into()),
        IntWidth::Doubleword => (i64::MIN, i64::MAX),
    };
    let invalid = |raised: u32, value: i64| {
        if fpscr & VE != 0 {
            return Outcome::suppressed(raised);
        }
        Outcome {
            frt: Some(value as u64),
            raised,
            fr_fi: 0,
            fprf: Some(CLASS_QNAN),
        }
    };
    if is_nan(b) {
        let raised = VXCVI | if is_snan(b) { VXSNAN } else { 0 };
        // The most negative integer of the width, sign-extended like every word result.
        let value = min;
        return invalid(raised, value);
    }
    let neg = b & SIGN != 0;
    if is_inf(b) {
        return invalid(VXCVI, if neg { min } else { max });
    }
    let mode = if toward_zero {
        Round::TowardZero
    } else {
        guest_round(fpscr)
    };
    let x = Double::from_bits(u128::from(b));
    let rounded = x.round_to_integral(mode).value;
    // Integer-valued and at most 2^1024 in magnitude: i128 saturation keeps the comparison
    // exact for everything near the target range.
    let mut exact = true;
    let wide = rounded.to_i128_r(128, Round::TowardZero, &mut exact).value;
    if wide > i128::from(max) {
        return invalid(VXCVI, max);
    }
    if wide < i128::from(min) {
        return invalid(VXCVI, min);
    }
    let inexact = rounded.to_bits() != x.to_bits() && !(rounded.is_zero() && x.is_zero());
    let fr = inexact && rounded.abs() > x.abs();
    let fr_fi = if inexact { FI } else { 0 } | if fr { FR } else { 0 };
    Outcome {
        frt: Some(wide as i64 as u64),
        raised: if inexact { XX } else { 0 },
        fr_fi,
        fprf: None,
    }
}

/// fcfid: the signed doubleword in FRB, rounded to double.
pub fn fcfid(b: u64, fpscr: u32) -> Outcome {
    let v = i128::from(b as i64);
    let r = Double::from_i128_r(v, guest_round(fpscr));
    let bits = r.value.to_bits() as u64;
    let inexact = r.status.contains(Status::INEXACT);
    let mut exact = true;
    let back = r.value.to_i128_r(128, Round::TowardZero, &mut exact).value;
    let fr = inexact && back.unsigned_abs() > v.unsigned_abs();
    let fr_fi = if inexact { FI } else { 0 } | if fr { FR } else { 0 };
    Outcome::value(
        bits,
        if inexact { XX } else { 0 },
        fr_fi,
        class(bits, false),
    )
}
