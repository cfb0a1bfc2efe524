//! The estimate instructions: vrefp, vrsqrtefp, vexptefp, vlogefp (and their VMX128 forms).
//!
//! The architecture only bounds their error and leaves the exact value to the
//! implementation. We return the exact result rounded to nearest even, which satisfies every
//! bound: 1/x by IEEE division, 1/sqrt(x) by an f64 estimate corrected against the exact
//! midpoints with integer arithmetic, 2^x and log2(x) by series in IEEE quad precision
//! (113 bits) followed by one rounding to single. The special values are the ones the
//! architecture lists (1/±0 = ±inf, 1/sqrt(-0) = -inf, 2^-inf = +0, log2(±0) = -inf, a
//! negative operand of vrsqrtefp or vlogefp gives the default QNaN).

use super::element::*;
use rustc_apfloat::ieee::{Quad, Single};
use rustc_apfloat::{Float, FloatConvert, Round, StatusAnd};
use std::sync::OnceLock;

const RNE: Round = Round::NearestTiesToEven;

/// vrefp: 1/x. With NJ set a result below 2^-126 (|x| > 2^126) is flushed to zero.
pub fn recip(x: u32, nj: bool) -> u32 {
    let x = operand(x, nj);
    let sign = x & SIGN;
    if is_nan(x) {
        x | QUIET
    } else if is_zero(x) {
        INF | sign
    } else if is_inf(x) || (nj && x & !SIGN > 0x7e80_0000) {
        // 1/inf, or a result below 2^-126 flushed by NJ: a zero of the operand's sign.
        sign
    } else {
        (1.0 / f(x)).to_bits()
    }
}

/// vrsqrtefp: 1/sqrt(x). For a positive finite x the result lies in [2^-64, 2^75), always
/// normal, so NJ only affects the operand.
pub fn rsqrt(x: u32, nj: bool) -> u32 {
    let x = operand(x, nj);
    if is_nan(x) {
        return x | QUIET;
    }
    if is_zero(x) {
        return INF | (x & SIGN);
    }
    if x & SIGN != 0 {
        return DEFAULT_NAN;
    }
    if is_inf(x) {
        return 0;
    }
    // Within an ulp or so of the answer; the midpoint tests below make it exact. The exact
    // value is never a midpoint (that would make x the reciprocal square of a 25-bit number).
    let mut r = (1.0 / f64::from(f(x)).sqrt()) as f32;
    loop {
        let up = f32::from_bits(r.to_bits() + 1);
        let down = f32::from_bits(r.to_bits() - 1);
        if !rsqrt_below(x, midpoint(r, up)) {
            r = up;
        } else if rsqrt_below(x, midpoint(down, r)) {
            r = down;
        } else {
            return r.to_bits();
        }
    }
}

/// The midpoint of two adjacent positive singles, exact in double precision.
fn midpoint(lo: f32, hi: f32) -> f64 {
    (f64::from(lo) + f64::from(hi)) / 2.0
}

/// Whether 1/sqrt(x) < m, that is m^2 * x > 1, decided exactly for a positive single x and
/// a positive double m of at most 26 significant bits.
fn rsqrt_below(x: u32, m: f64) -> bool {
    let bits = m.to_bits();
    let (mut mm, mut me) = (
        (bits & ((1 << 52) - 1)) | 1 << 52,
        (bits >> 52) as i32 - 1075,
    );
    let tz = mm.trailing_zeros();
    mm >>= tz;
    me += tz as i32;
    let (mut xm, mut xe) = decompose(x);
    let tz = xm.trailing_zeros();
    xm >>= tz;
    xe += tz as i32;
    // m^2 * x = p * 2^k with p < 2^76.
    let p = u128::from(mm) * u128::from(mm) * u128::from(xm);
    let k = 2 * me + xe;
    if k >= 0 {
        p > 1 || k > 0
    } else {
        -k < 127 && p > 1u128 << -k
    }
}

/// `v`, an approximation of a result within a relative 2^-50 (the host's `exp2`/`log2` of
/// a double are within an ulp or two of double precision), rounded to single when that
/// rounding is certain: the result is normal, below the largest finite single, and `v` lies
/// farther than 2^-45 * |v| from the midpoints on either side. Otherwise `None`, and the
/// caller computes in quad precision. So the answer never depends on the host's libm.
fn certain(v: f64) -> Option<u32> {
    let r = v as f32;
    if !r.is_normal() || r.abs() <= f32::MIN_POSITIVE || r.abs() == f32::MAX {
        return None;
    }
    let b = r.to_bits();
    let r64 = f64::from(r);
    let away = f64::from(f32::from_bits(b + 1));
    let toward = f64::from(f32::from_bits(b - 1));
    let tol = v.abs() * 2f64.powi(-45);
    let clear = |n: f64| (v - (r64 + n) / 2.0).abs() > tol;
    (clear(away) && clear(toward)).then_some(b)
}

fn quad(x: u32) -> Quad {
    let mut lost = false;
    Single::from_bits(x.into()).convert(&mut lost).value
}

fn single(q: Quad) -> u32 {
    let mut lost = false;
    let r: StatusAnd<Single> = q.convert_r(RNE, &mut lost);
    r.value.to_bits() as u32
}

fn int(n: u128) -> Quad {
    Quad::from_u128(n).value
}

/// ln 2 rounded to quad precision.
fn ln2() -> Quad {
    static LN2: OnceLock<Quad> = OnceLock::new();
    *LN2.get_or_init(|| {
        "0.69314718055994530941723212145817656807550013436025525412068000949339362196969"
            .parse()
            .expect("ln 2 parses")
    })
}

/// vexptefp: 2^x. With NJ set a result below 2^-126 is flushed to +0.
pub fn exp2(x: u32, nj: bool) -> u32 {
    let x = operand(x, nj);
    if is_nan(x) {
        return x | QUIET;
    }
    if is_inf(x) {
        return if x & SIGN != 0 { 0 } else { INF };
    }
    let v = f(x);
    if v >= 128.0 {
        return INF;
    }
    // 2^-150 is half the smallest denormal and rounds (to even) to zero, as does anything
    // below it.
    if v <= -150.0 {
        return 0;
    }
    if let Some(r) = certain(f64::from(v).exp2()) {
        return r;
    }
    exp2_quad(v, nj)
}

/// 2^v for -150 < v < 128 by the quad-precision series.
fn exp2_quad(v: f32, nj: bool) -> u32 {
    // v = n + t with t in [0, 1), both exact.
    let n = v.floor();
    let t = v - n;
    let mut r = int(1);
    if t != 0.0 {
        // e^(t ln 2) by its Taylor series; t ln 2 < 0.7, so 40 terms are far more than the
        // 2^-120 the loop stops at.
        let y = (quad(t.to_bits()) * ln2()).value;
        let mut term = int(1);
        for k in 1..60u128 {
            term = ((term * y).value / int(k)).value;
            r = (r + term).value;
            if term.ilogb() < -120 {
                break;
            }
        }
    }
    let r = r.scalbn(n as i32);
    if nj && r < quad(0x0080_0000) {
        return 0;
    }
    single(r)
}

/// vlogefp: log2(x). Never tiny: the smallest nonzero magnitude is log2(1 - 2^-24).
pub fn log2(x: u32, nj: bool) -> u32 {
    let x = operand(x, nj);
    if is_nan(x) {
        return x | QUIET;
    }
    if is_zero(x) {
        return INF | SIGN;
    }
    if x & SIGN != 0 {
        return DEFAULT_NAN;
    }
    if is_inf(x) {
        return INF;
    }
    // x = m * 2^e = (m / 2^p) * 2^(e + p) with m / 2^p in [1, 2).
    let (m, e) = decompose(x);
    let p = 63 - m.leading_zeros() as i32;
    let e = e + p;
    if m.is_power_of_two() {
        return (e as f32).to_bits();
    }
    if let Some(r) = certain(f64::from(f(x)).log2()) {
        return r;
    }
    log2_quad(m, p, e)
}

/// log2((m / 2^p) * 2^e) for m / 2^p in (1, 2), by the quad-precision series.
fn log2_quad(m: u64, p: i32, e: i32) -> u32 {
    let mut e = e;
    let mut y = int(m.into()).scalbn(-p);
    // Into (1/sqrt 2, sqrt 2): y^2 is exact in quad.
    if (y * y).value > int(2) {
        y = y.scalbn(-1);
        e += 1;
    }
    // ln y = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), s = (y - 1)/(y + 1), |s| < 0.172.
    let s = ((y - int(1)).value / (y + int(1)).value).value;
    let s2 = (s * s).value;
    let (mut power, mut series) = (s, s);
    for k in 1..60u128 {
        power = (power * s2).value;
        let term = (power / int(2 * k + 1)).value;
        series = (series + term).value;
        if term.ilogb() < series.ilogb() - 120 {
            break;
        }
    }
    let ln_y = series.scalbn(1);
    let e = Quad::from_i128(e.into()).value;
    single(((ln_y / ln2()).value + e).value)
}

/// The quad-precision paths on their own, for comparing them with the fast ones.
#[cfg(test)]
pub fn exp2_by_series(x: u32, nj: bool) -> u32 {
    exp2_quad(f(x), nj)
}

#[cfg(test)]
pub fn log2_by_series(x: u32) -> u32 {
    let (m, e) = decompose(x);
    let p = 63 - m.leading_zeros() as i32;
    log2_quad(m, p, e + p)
}
