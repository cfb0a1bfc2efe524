//! One single-precision element as the vector unit computes it: operands as raw bits, NaN
//! selection, the NJ flush, and exactly rounded sums of products.
//!
//! Every arithmetic result is the exact value rounded once to single precision, to nearest
//! with ties to even. The exact value of a sum of up to four products of singles is built in
//! a fixed-point accumulator wide enough to hold any of them without loss (`Acc`), so the
//! multiply-adds are fused and the dot products round once. Host floating point is used only
//! where it is exact or correctly rounded by IEEE 754 (comparisons, `round`/`trunc`, and a
//! fast path for results that cannot be tiny, which is checked against the accumulator in
//! the tests).

pub const SIGN: u32 = 0x8000_0000;
pub const EXP: u32 = 0x7f80_0000;
const FRAC: u32 = 0x007f_ffff;
/// The most significant fraction bit: set in a quiet NaN.
pub const QUIET: u32 = 0x0040_0000;
/// The QNaN an invalid operation produces when no operand is a NaN.
pub const DEFAULT_NAN: u32 = 0x7fc0_0000;
pub const INF: u32 = EXP;
pub const ONE: u32 = 0x3f80_0000;
/// 2^-126, the smallest normal magnitude.
const MIN_NORMAL: u32 = 0x0080_0000;

pub fn is_nan(x: u32) -> bool {
    x & !SIGN > EXP
}

pub fn is_inf(x: u32) -> bool {
    x & !SIGN == EXP
}

pub fn is_zero(x: u32) -> bool {
    x & !SIGN == 0
}

pub fn is_denormal(x: u32) -> bool {
    x & EXP == 0 && x & FRAC != 0
}

pub fn f(x: u32) -> f32 {
    f32::from_bits(x)
}

/// An operand as the unit reads it: with VSCR[NJ] set a denormal is a zero of its sign.
pub fn operand(x: u32, nj: bool) -> u32 {
    if nj && is_denormal(x) {
        x & SIGN
    } else {
        x
    }
}

/// The first NaN among `ops` (in the instruction's precedence order), made quiet.
pub fn first_nan(ops: &[u32]) -> Option<u32> {
    ops.iter().find(|&&x| is_nan(x)).map(|&x| x | QUIET)
}

/// A finite single as an integer significand and exponent: |x| = m * 2^e.
pub fn decompose(x: u32) -> (u64, i32) {
    let e = (x >> 23) & 0xff;
    let frac = u64::from(x & FRAC);
    if e == 0 {
        (frac, -149)
    } else {
        (frac | 1 << 23, e as i32 - 150)
    }
}

const LIMBS: usize = 10;
/// Weight of bit 0 of the accumulator: every product of two singles is a multiple of
/// 2^-298, and the largest sum of four is below 2^258, so 640 bits hold any of them.
const LSB_EXP: i32 = -298;

/// An exact value in two's complement fixed point (bit 0 weighs 2^`LSB_EXP`).
#[derive(Clone, Copy)]
struct Acc([u64; LIMBS]);

impl Acc {
    /// Adds or subtracts `m * 2^e` (m below 2^48, e at least `LSB_EXP`).
    fn add(&mut self, m: u64, e: i32, negative: bool) {
        let shift = (e - LSB_EXP) as usize;
        let (q, r) = (shift / 64, shift % 64);
        let wide = u128::from(m) << r;
        let mut term = [0u64; LIMBS];
        term[q] = wide as u64;
        if q + 1 < LIMBS {
            term[q + 1] = (wide >> 64) as u64;
        }
        // Subtraction adds the two's complement: the inverted term plus one (the carry in).
        let mut carry = negative;
        for (limb, t) in self.0.iter_mut().zip(term) {
            let t = if negative { !t } else { t };
            let (s, c1) = limb.overflowing_add(t);
            let (s, c2) = s.overflowing_add(u64::from(carry));
            *limb = s;
            carry = c1 || c2;
        }
    }

    fn increment(&mut self) {
        for limb in self.0.iter_mut() {
            let (s, c) = limb.overflowing_add(1);
            *limb = s;
            if !c {
                break;
            }
        }
    }

    fn is_negative(&self) -> bool {
        self.0[LIMBS - 1] >> 63 != 0
    }

    fn negate(&mut self) {
        for limb in self.0.iter_mut() {
            *limb = !*limb;
        }
        self.increment();
    }

    fn bit(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 != 0
    }

    /// Whether any bit below `i` is set.
    fn any_below(&self, i: usize) -> bool {
        let (q, r) = (i / 64, i % 64);
        self.0[..q].iter().any(|&l| l != 0) || (r != 0 && self.0[q] << (64 - r) != 0)
    }

    /// Bits `i..i + 25` (the caller ensures nothing above them is set).
    fn field(&self, i: usize) -> u64 {
        let (q, r) = (i / 64, i % 64);
        let lo = self.0[q] >> r;
        let hi = if r != 0 && q + 1 < LIMBS {
            self.0[q + 1] << (64 - r)
        } else {
            0
        };
        (lo | hi) & ((1 << 25) - 1)
    }

    fn highest_bit(&self) -> Option<usize> {
        (0..LIMBS)
            .rev()
            .find(|&k| self.0[k] != 0)
            .map(|k| k * 64 + 63 - self.0[k].leading_zeros() as usize)
    }
}

/// A nonzero exact value rounded to single precision.
struct Rounded {
    bits: u32,
    /// The exact magnitude is below 2^-126 (tininess before rounding).
    tiny: bool,
}

/// Rounds the accumulator to nearest even; `None` when it is exactly zero.
fn round(mut acc: Acc) -> Option<Rounded> {
    let sign = if acc.is_negative() {
        acc.negate();
        SIGN
    } else {
        0
    };
    let h = acc.highest_bit()?;
    let exp = h as i32 + LSB_EXP; // 2^exp <= |value| < 2^(exp + 1)
                                  // Weight of the last kept bit: 24 significant bits, but never below 2^-149.
    let q = (exp - 23).max(-149);
    let s = (q - LSB_EXP) as usize;
    let mut m = acc.field(s);
    if acc.bit(s - 1) && (acc.any_below(s - 1) || m & 1 != 0) {
        m += 1;
    }
    let (m, q) = if m == 1 << 24 {
        (1 << 23, q + 1)
    } else {
        (m, q)
    };
    let bits = if m < 1 << 23 {
        m as u32 // denormal (q is -149)
    } else {
        let biased = q + 150;
        if biased >= 255 {
            INF
        } else {
            (biased as u32) << 23 | (m as u32 & FRAC)
        }
    };
    Some(Rounded {
        bits: bits | sign,
        tiny: exp < -126,
    })
}

/// `sum(a_k * b_k)` rounded once, for operands that are not NaNs (NJ flush already done on
/// them): infinities and invalid operations (0 * inf, inf - inf) as IEEE 754 defines them,
/// an exact zero signed as IEEE addition signs it, tiny results flushed when `nj`.
pub fn exact_sum(terms: &[(u32, u32)], nj: bool) -> u32 {
    let mut inf_sign = None;
    for &(a, b) in terms {
        if is_inf(a) || is_inf(b) {
            if is_zero(a) || is_zero(b) {
                return DEFAULT_NAN;
            }
            let s = (a ^ b) & SIGN;
            match inf_sign {
                Some(t) if t != s => return DEFAULT_NAN,
                _ => inf_sign = Some(s),
            }
        }
    }
    if let Some(s) = inf_sign {
        return INF | s;
    }
    let mut acc = Acc([0; LIMBS]);
    // An exact zero is -0 only if every term is a zero and all of them are negative.
    let mut all_negative_zeros = true;
    for &(a, b) in terms {
        let negative = (a ^ b) & SIGN != 0;
        let ((ma, ea), (mb, eb)) = (decompose(a), decompose(b));
        let m = ma * mb;
        if m != 0 || !negative {
            all_negative_zeros = false;
        }
        if m != 0 {
            acc.add(m, ea + eb, negative);
        }
    }
    match round(acc) {
        None if all_negative_zeros => SIGN,
        None => 0,
        Some(r) if nj && r.tiny => r.bits & SIGN,
        Some(r) => r.bits,
    }
}

/// A sum of products: the host's correctly rounded result when it is finite, not NaN and
/// normal above 2^-126 (then the exact value cannot have been tiny), the exact computation
/// otherwise. `host` computes the same operation in IEEE single precision.
fn sum(terms: &[(u32, u32)], nj: bool, host: impl FnOnce() -> f32) -> u32 {
    if terms.iter().all(|&(a, b)| !is_inf(a) && !is_inf(b)) {
        let r = host().to_bits();
        let mag = r & !SIGN;
        if mag > MIN_NORMAL && mag < EXP {
            return r;
        }
    }
    exact_sum(terms, nj)
}

/// vaddfp: a + b.
pub fn add(a: u32, b: u32, nj: bool) -> u32 {
    let (a, b) = (operand(a, nj), operand(b, nj));
    first_nan(&[a, b]).unwrap_or_else(|| sum(&[(a, ONE), (b, ONE)], nj, || f(a) + f(b)))
}

/// vsubfp: a - b.
pub fn sub(a: u32, b: u32, nj: bool) -> u32 {
    let (a, b) = (operand(a, nj), operand(b, nj));
    first_nan(&[a, b]).unwrap_or_else(|| sum(&[(a, ONE), (b ^ SIGN, ONE)], nj, || f(a) - f(b)))
}

/// vmulfp128: a * b.
pub fn mul(a: u32, b: u32, nj: bool) -> u32 {
    let (a, b) = (operand(a, nj), operand(b, nj));
    first_nan(&[a, b]).unwrap_or_else(|| sum(&[(a, b)], nj, || f(a) * f(b)))
}

/// vmaddfp: a * c + b, one rounding. NaN precedence is a, b, c (VA, VB, VC).
pub fn madd(a: u32, c: u32, b: u32, nj: bool) -> u32 {
    let (a, b, c) = (operand(a, nj), operand(b, nj), operand(c, nj));
    first_nan(&[a, b, c])
        .unwrap_or_else(|| sum(&[(a, c), (b, ONE)], nj, || f(a).mul_add(f(c), f(b))))
}

/// vnmsubfp: -(a * c - b), one rounding, the negation applied to the rounded result (a
/// propagated or default NaN is not negated). NaN precedence is a, b, c.
pub fn nmsub(a: u32, c: u32, b: u32, nj: bool) -> u32 {
    let (a, b, c) = (operand(a, nj), operand(b, nj), operand(c, nj));
    if let Some(n) = first_nan(&[a, b, c]) {
        return n;
    }
    let r = sum(&[(a, c), (b ^ SIGN, ONE)], nj, || f(a).mul_add(f(c), -f(b)));
    if is_nan(r) {
        r
    } else {
        r ^ SIGN
    }
}

/// vmsum3fp128/vmsum4fp128: the sum of the element products, rounded once and splatted by
/// the caller. NaN precedence is a0, b0, a1, b1, ...; a finite sum too large for single
/// precision gives the default QNaN instead of an infinity.
pub fn dot(a: &[u32], b: &[u32], nj: bool) -> u32 {
    let n = a.len().min(b.len()).min(4);
    let mut terms = [(0, 0); 4];
    let mut order = [0; 8];
    for k in 0..n {
        let (x, y) = (operand(a[k], nj), operand(b[k], nj));
        terms[k] = (x, y);
        order[2 * k..2 * k + 2].copy_from_slice(&[x, y]);
    }
    let (terms, order) = (&terms[..n], &order[..2 * n]);
    if let Some(nan) = first_nan(order) {
        return nan;
    }
    let r = exact_sum(terms, nj);
    if is_inf(r) && !order.iter().any(|&x| is_inf(x)) {
        DEFAULT_NAN
    } else {
        r
    }
}

/// vmaxfp: the larger operand; +0 is larger than -0; a NaN operand gives a QNaN.
pub fn max(a: u32, b: u32, nj: bool) -> u32 {
    let (a, b) = (operand(a, nj), operand(b, nj));
    first_nan(&[a, b]).unwrap_or(if f(a) > f(b) {
        a
    } else if f(b) > f(a) {
        b
    } else {
        a & b // equal: only zeros can differ, and then the result is +0 unless both are -0
    })
}

/// vminfp: the smaller operand; -0 is smaller than +0; a NaN operand gives a QNaN.
pub fn min(a: u32, b: u32, nj: bool) -> u32 {
    let (a, b) = (operand(a, nj), operand(b, nj));
    first_nan(&[a, b]).unwrap_or(if f(a) < f(b) {
        a
    } else if f(b) < f(a) {
        b
    } else {
        a | b
    })
}

/// The four comparisons; a NaN operand makes eq/ge/gt false.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ge,
    Gt,
    /// vcmpbfp: bit 0 set when a <= b is false, bit 1 when a >= -b is false.
    Bounds,
}

/// The element result of a comparison: all ones or zero, or the two bounds bits.
pub fn compare(kind: Cmp, a: u32, b: u32, nj: bool) -> u32 {
    let (x, y) = (f(operand(a, nj)), f(operand(b, nj)));
    let mask = |t: bool| if t { u32::MAX } else { 0 };
    match kind {
        Cmp::Eq => mask(x == y),
        Cmp::Ge => mask(x >= y),
        Cmp::Gt => mask(x > y),
        Cmp::Bounds => {
            let above = if x <= y { 0 } else { 0x8000_0000 };
            let below = if x >= -y { 0 } else { 0x4000_0000 };
            above | below
        }
    }
}

/// vrfin/vrfiz/vrfip/vrfim rounding directions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToInt {
    Nearest,
    Zero,
    Up,
    Down,
}

/// Round to a floating-point integer: exact, so neither rounding nor flushing of the result
/// can happen; zeros and infinities are kept with their sign, NaNs made quiet.
pub fn round_to_int(mode: ToInt, x: u32, nj: bool) -> u32 {
    let x = operand(x, nj);
    if is_nan(x) {
        return x | QUIET;
    }
    let v = f(x);
    match mode {
        ToInt::Nearest => v.round_ties_even(),
        ToInt::Zero => v.trunc(),
        ToInt::Up => v.ceil(),
        ToInt::Down => v.floor(),
    }
    .to_bits()
}

/// 2^n as a single (n in -126..=127).
fn pow2(n: i32) -> f32 {
    f32::from_bits(((n + 127) as u32) << 23)
}

/// vcfsx: the signed word divided by 2^uimm, rounded to nearest. The integer is rounded once
/// to single; the division by a power of two is then exact (the result is at least 2^-31).
pub fn from_signed(x: u32, uimm: u32) -> u32 {
    (x as i32 as f32 * pow2(-(uimm as i32))).to_bits()
}

/// vcfux: the unsigned word divided by 2^uimm.
pub fn from_unsigned(x: u32, uimm: u32) -> u32 {
    (x as f32 * pow2(-(uimm as i32))).to_bits()
}

/// x * 2^uimm truncated toward zero (exact in double precision), or `None` for a NaN.
fn scaled_trunc(x: u32, uimm: u32, nj: bool) -> Option<f64> {
    let x = operand(x, nj);
    (!is_nan(x)).then(|| (f64::from(f(x)) * f64::from(1u32 << uimm)).trunc())
}

/// vctsxs: x * 2^uimm truncated to a signed word, saturating (and noting it in `sat`); a
/// NaN gives 0 without saturating.
pub fn to_signed_sat(x: u32, uimm: u32, nj: bool, sat: &mut bool) -> u32 {
    match scaled_trunc(x, uimm, nj) {
        None => 0,
        Some(t) if t > f64::from(i32::MAX) => {
            *sat = true;
            i32::MAX as u32
        }
        Some(t) if t < f64::from(i32::MIN) => {
            *sat = true;
            i32::MIN as u32
        }
        Some(t) => t as i32 as u32,
    }
}

/// vctuxs: x * 2^uimm truncated to an unsigned word, saturating; a NaN gives 0 without
/// saturating, and so does a negative value that truncates to zero.
pub fn to_unsigned_sat(x: u32, uimm: u32, nj: bool, sat: &mut bool) -> u32 {
    match scaled_trunc(x, uimm, nj) {
        None => 0,
        Some(t) if t > f64::from(u32::MAX) => {
            *sat = true;
            u32::MAX
        }
        Some(t) if t < 0.0 => {
            *sat = true;
            0
        }
        Some(t) => t as u32,
    }
}
