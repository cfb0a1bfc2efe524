//! Unit tests of vector floating point. Expected values come from the definitions (worked
//! out in the comments), from IEEE single arithmetic of the host where that is the
//! definition, or from published hardware results where noted.

use super::element::{self, *};
use super::{d3d, estimate, exec, VSCR_NJ, VSCR_SAT};
use crate::isa::{assemble, decode, Op};
use crate::Context;

const NJ: bool = true;
const JAVA: bool = false;

/// A deterministic xorshift generator for the randomized comparisons.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// A single's bits, biased toward the interesting regions: denormals, values near the
    /// smallest normal, small exponents spreads, and anything at all.
    fn single(&mut self) -> u32 {
        let r = self.next();
        let sign = (r as u32) & SIGN;
        let frac = (r >> 32) as u32 & 0x007f_ffff;
        let exp = match r >> 60 {
            0 | 1 => 0,
            2 | 3 => 1 + (r >> 40) as u32 % 4,
            4..=9 => 120 + (r >> 40) as u32 % 16,
            _ => 1 + (r >> 40) as u32 % 254,
        };
        sign | exp << 23 | frac
    }
}

fn bits(x: f32) -> u32 {
    x.to_bits()
}

/// The exact engine agrees with the host's IEEE single arithmetic (which rounds correctly,
/// with denormals) for sums, differences, products and fused multiply-adds.
#[test]
fn exact_sums_match_ieee_single_arithmetic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..200_000 {
        let (a, b, c) = (rng.single(), rng.single(), rng.single());
        let (x, y, z) = (f(a), f(b), f(c));
        let cases = [
            (exact_sum(&[(a, ONE), (b, ONE)], JAVA), x + y),
            (exact_sum(&[(a, ONE), (b ^ SIGN, ONE)], JAVA), x - y),
            (exact_sum(&[(a, b)], JAVA), x * y),
            (exact_sum(&[(a, b), (c, ONE)], JAVA), x.mul_add(y, z)),
        ];
        for (k, (got, want)) in cases.into_iter().enumerate() {
            assert_eq!(got, bits(want), "case {k}: {a:08x} {b:08x} {c:08x}");
        }
    }
}

/// The public operations (with their fast path) agree with the exact engine, in both modes.
#[test]
fn fast_path_matches_exact_engine() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for _ in 0..100_000 {
        let (a, b, c) = (rng.single(), rng.single(), rng.single());
        for nj in [NJ, JAVA] {
            let (fa, fb, fc) = (operand(a, nj), operand(b, nj), operand(c, nj));
            let ex = |t: &[(u32, u32)]| exact_sum(t, nj);
            assert_eq!(add(a, b, nj), ex(&[(fa, ONE), (fb, ONE)]));
            assert_eq!(sub(a, b, nj), ex(&[(fa, ONE), (fb ^ SIGN, ONE)]));
            assert_eq!(mul(a, b, nj), ex(&[(fa, fb)]));
            assert_eq!(
                madd(a, c, b, nj),
                ex(&[(fa, fc), (fb, ONE)]),
                "{a:x} {b:x} {c:x}"
            );
        }
    }
}

#[test]
fn nj_flushes_denormal_operands_to_signed_zero() {
    // 2^-127 + 2^-127 = 2^-126 in IEEE, but with NJ both operands read as zero.
    assert_eq!(add(0x0040_0000, 0x0040_0000, JAVA), 0x0080_0000);
    assert_eq!(add(0x0040_0000, 0x0040_0000, NJ), 0);
    // -denormal reads as -0; -0 + -0 = -0.
    assert_eq!(add(0x8000_0001, 0x8000_0000, NJ), SIGN);
    // A denormal compares equal to zero, and max(-denormal, -1) is -0.
    assert_eq!(compare(Cmp::Eq, 0x0000_0001, 0, NJ), u32::MAX);
    assert_eq!(compare(Cmp::Eq, 0x0000_0001, 0, JAVA), 0);
    assert_eq!(max(0x8000_0001, 0xbf80_0000, NJ), SIGN);
    assert_eq!(max(0x8000_0001, 0xbf80_0000, JAVA), 0x8000_0001);
    // vrfip of a positive denormal: +0 in NJ mode, 1.0 in IEEE mode.
    assert_eq!(round_to_int(ToInt::Up, 0x0000_0001, NJ), 0);
    assert_eq!(round_to_int(ToInt::Up, 0x0000_0001, JAVA), ONE);
    // The estimates see zeros: 1/±0 = ±inf, log2(0) = -inf, 2^0 = 1.
    assert_eq!(estimate::recip(0x8000_0001, NJ), INF | SIGN);
    assert_eq!(estimate::log2(0x0000_0001, NJ), INF | SIGN);
    assert_eq!(estimate::log2(0x0000_0001, JAVA), bits(-149.0));
    assert_eq!(estimate::exp2(0x0000_0001, NJ), ONE);
    assert_eq!(estimate::rsqrt(0x8000_0001, NJ), INF | SIGN);
    assert_eq!(estimate::rsqrt(0x8000_0001, JAVA), DEFAULT_NAN);
}

#[test]
fn nj_flushes_tiny_results_before_rounding() {
    // (1 - 2^-24) * 2^-126 is below 2^-126 although it rounds to 2^-126: tiny, so +0.
    assert_eq!(mul(0x3f7f_ffff, 0x0080_0000, NJ), 0);
    assert_eq!(mul(0x3f7f_ffff, 0x0080_0000, JAVA), 0x0080_0000);
    // -(that) flushes to -0: the zero has the sign of the underflowing value.
    assert_eq!(mul(0xbf7f_ffff, 0x0080_0000, NJ), SIGN);
    // Exactly 2^-126 is not tiny.
    assert_eq!(mul(ONE, 0x0080_0000, NJ), 0x0080_0000);
    // 1.5 * 2^-126 - 2^-126 = 2^-127 is an exact denormal result: flushed with NJ.
    assert_eq!(sub(0x00c0_0000, 0x0080_0000, JAVA), 0x0040_0000);
    assert_eq!(sub(0x00c0_0000, 0x0080_0000, NJ), 0);
    // The fused product is never flushed on its own: 0.5 * 2^-126 (tiny, were it rounded
    // alone) + 2^-126 = 1.5 * 2^-126, normal and exact.
    assert_eq!(madd(0x3f00_0000, 0x0080_0000, 0x0080_0000, NJ), 0x00c0_0000);
}

#[test]
fn nan_propagation_and_invalid_operations() {
    let (qa, qb, sc) = (0x7fc1_2345, 0xffc5_4321, 0x7f80_0001);
    // The first NaN in VA, VB order, quieted.
    assert_eq!(add(qa, qb, NJ), qa);
    assert_eq!(add(ONE, sc, NJ), 0x7fc0_0001);
    assert_eq!(sub(sc, qb, NJ), 0x7fc0_0001);
    assert_eq!(max(ONE, qb, NJ), qb);
    assert_eq!(min(qa, ONE, NJ), qa);
    // Multiply-add: VA, then the addend VB, then VC.
    assert_eq!(madd(ONE, qa, qb, NJ), qb);
    assert_eq!(madd(sc, qa, qb, NJ), 0x7fc0_0001);
    assert_eq!(
        nmsub(ONE, qa, ONE, NJ),
        qa,
        "a propagated NaN is not negated"
    );
    // 0 * inf + QNaN: the NaN operand wins over the invalid operation.
    assert_eq!(madd(0, INF, qb, NJ), qb);
    // Invalid operations give the default QNaN.
    assert_eq!(add(INF, INF | SIGN, NJ), DEFAULT_NAN);
    assert_eq!(mul(0, INF, NJ), DEFAULT_NAN);
    assert_eq!(madd(INF, ONE, INF | SIGN, NJ), DEFAULT_NAN);
    assert_eq!(
        nmsub(INF, 0, ONE, NJ),
        DEFAULT_NAN,
        "the default NaN is not negated"
    );
    // Infinities otherwise behave as IEEE: inf * -1 + 5 = -inf.
    assert_eq!(madd(INF, 0xbf80_0000, 0x40a0_0000, NJ), INF | SIGN);
    // Compares with a NaN are false; bounds report both bits.
    assert_eq!(compare(Cmp::Ge, qa, qa, NJ), 0);
    assert_eq!(compare(Cmp::Bounds, ONE, qa, NJ), 0xc000_0000);
    assert_eq!(round_to_int(ToInt::Zero, sc, NJ), 0x7fc0_0001);
}

#[test]
fn multiply_add_is_fused() {
    // 1.1f * 1.1f + 1.1f: the exact value 2.3100000762939453125 + ... lies closer to
    // 0x4013D70B; rounding the product first would give 0x4013D70A.
    assert_eq!(madd(0x3f8c_cccd, 0x3f8c_cccd, 0x3f8c_cccd, NJ), 0x4013_d70b);
    // a * c - b with a * c = 1 + 2^-23 + 2^-46 exactly: (1 + 2^-23)^2 - (1 + 2^-22) = 2^-46.
    let a = 0x3f80_0001;
    assert_eq!(nmsub(a, a, 0x3f80_0002, NJ), bits(-(2f32.powi(-46))));
}

#[test]
fn zero_signs() {
    // x - x = +0; -0 - +0 = -0; -0 * 5 = -0; 1 * 1 - 1 negated is -0.
    assert_eq!(sub(ONE, ONE, NJ), 0);
    assert_eq!(sub(SIGN, 0, NJ), SIGN);
    assert_eq!(mul(SIGN, 0x40a0_0000, NJ), SIGN);
    assert_eq!(nmsub(ONE, ONE, ONE, NJ), SIGN);
    // -0 * 1 + -0 = -0 (a multiply through vmaddfp keeps the sign with a -0 addend).
    assert_eq!(madd(SIGN, ONE, SIGN, NJ), SIGN);
    assert_eq!(madd(SIGN, ONE, 0, NJ), 0);
    // max(+0, -0) = +0 and min(+0, -0) = -0, in either order.
    assert_eq!(max(0, SIGN, NJ), 0);
    assert_eq!(max(SIGN, 0, NJ), 0);
    assert_eq!(min(0, SIGN, NJ), SIGN);
    assert_eq!(min(SIGN, 0, NJ), SIGN);
    // vrfin(-0.4) = -0; vrfip(-0.5) = -0.
    assert_eq!(round_to_int(ToInt::Nearest, bits(-0.4), NJ), SIGN);
    assert_eq!(round_to_int(ToInt::Up, bits(-0.5), NJ), SIGN);
    assert_eq!(round_to_int(ToInt::Nearest, bits(2.5), NJ), bits(2.0));
    assert_eq!(round_to_int(ToInt::Nearest, bits(-3.5), NJ), bits(-4.0));
}

#[test]
fn overflow_rounds_to_infinity() {
    let max = 0x7f7f_ffff;
    assert_eq!(add(max, max, NJ), INF);
    assert_eq!(mul(max, 0xc000_0000, NJ), INF | SIGN);
    // max + half an ulp of max rounds (to even) to infinity; a bit less does not.
    assert_eq!(add(max, 0x7300_0000, JAVA), INF);
    assert_eq!(add(max, 0x72ff_ffff, JAVA), max);
}

#[test]
fn conversions_saturate() {
    let mut sat = false;
    // 2^31 does not fit a signed word; -2^31 does.
    assert_eq!(to_signed_sat(0x4f00_0000, 0, NJ, &mut sat), 0x7fff_ffff);
    assert!(sat);
    sat = false;
    assert_eq!(to_signed_sat(0xcf00_0000, 0, NJ, &mut sat), 0x8000_0000);
    assert!(!sat);
    // 1.5 * 2^31 saturates only with the scale.
    assert_eq!(to_signed_sat(bits(1.5), 30, NJ, &mut sat), 0x6000_0000);
    assert!(!sat);
    assert_eq!(to_signed_sat(bits(1.5), 31, NJ, &mut sat), 0x7fff_ffff);
    assert!(sat);
    // NaN gives 0 without saturating; infinities saturate.
    sat = false;
    assert_eq!(to_signed_sat(DEFAULT_NAN, 0, NJ, &mut sat), 0);
    assert_eq!(to_unsigned_sat(0xff80_0001, 0, NJ, &mut sat), 0);
    assert!(!sat);
    assert_eq!(to_signed_sat(INF | SIGN, 0, NJ, &mut sat), 0x8000_0000);
    assert!(sat);
    sat = false;
    // Truncation toward zero, for both signs.
    assert_eq!(to_signed_sat(bits(-2.75), 0, NJ, &mut sat), (-2i32) as u32);
    assert_eq!(
        to_unsigned_sat(bits(4_294_967_040.0), 0, NJ, &mut sat),
        0xffff_ff00
    );
    // -0.5 truncates to 0: no saturation. -1 saturates to 0.
    assert_eq!(to_unsigned_sat(bits(-0.5), 0, NJ, &mut sat), 0);
    assert!(!sat);
    assert_eq!(to_unsigned_sat(bits(-1.0), 0, NJ, &mut sat), 0);
    assert!(sat);
    sat = false;
    assert_eq!(to_unsigned_sat(INF, 0, NJ, &mut sat), u32::MAX);
    assert!(sat);
    // Integer to float rounds once to nearest even: 0xFFFDFF7E is 0x4F7FFDFF, the value a
    // real console produces (RPCS3 issue 9417), not 0x4F7FFE00 from double rounding.
    assert_eq!(from_unsigned(0xfffd_ff7e, 0), 0x4f7f_fdff);
    assert_eq!(from_unsigned(0xfffc_ff7d, 0), 0x4f7f_fcff);
    assert_eq!(from_unsigned(u32::MAX, 0), 0x4f80_0000);
    assert_eq!(from_signed(u32::MAX, 0), bits(-1.0));
    assert_eq!(from_signed(0x8000_0000, 31), bits(-1.0));
    assert_eq!(from_unsigned(3, 1), bits(1.5));
}

#[test]
fn dot_products_round_once() {
    // Products 1, 2^-24 and 2^-60: the exact sum is just above 1 + 2^-24, the midpoint
    // between 1 and 1 + 2^-23, so it rounds up. Rounding any partial sum first lands on the
    // midpoint (or 1) and rounds to even, 1.0.
    let a = [ONE, bits(2f32.powi(-12)), bits(2f32.powi(-30)), 0x7fc0_0000];
    assert_eq!(dot(&a[..3], &a[..3], NJ), 0x3f80_0001);
    // The W element takes part only in the 4-way sum (here a NaN).
    assert_eq!(dot(&a, &a, NJ), 0x7fc0_0000);
    // A finite sum beyond the single range is the default QNaN, not an infinity.
    let big = [0x7f00_0000, 0x7f00_0000, 0, 0]; // 2^127
    let two = [0x4000_0000, 0x4000_0000, 0, 0];
    assert_eq!(dot(&big, &two, NJ), DEFAULT_NAN);
    // ... while infinite operands give infinities, or the default QNaN for inf - inf.
    assert_eq!(dot(&[INF, ONE, ONE], &[ONE, ONE, ONE], NJ), INF);
    assert_eq!(dot(&[INF, INF, 0], &[ONE, 0xbf80_0000, 0], NJ), DEFAULT_NAN);
    // NaN order: VA.x, VB.x, VA.y, ...
    assert_eq!(
        dot(&[ONE, 0x7fc0_0002, 0], &[0x7f80_0003, ONE, 0], NJ),
        0x7fc0_0003
    );
    // Cancellation: 2^100 * 2^100 - 2^100 * 2^100 + 3 * 5 = 15, exactly.
    let p = 0x7180_0000; // 2^100
    assert_eq!(
        dot(&[p, p, 0x4040_0000], &[p, p | SIGN, 0x40a0_0000], NJ),
        bits(15.0)
    );
    // An exact zero from nonzero terms is +0; all negative zeros give -0.
    assert_eq!(dot(&[ONE, ONE, 0], &[ONE, 0xbf80_0000, 0], NJ), 0);
    assert_eq!(dot(&[SIGN, SIGN, SIGN], &[ONE, ONE, ONE], NJ), SIGN);
    // Tiny sums flush with NJ.
    assert_eq!(dot(&[0x0080_0000, 0, 0], &[0x3f00_0000, 0, 0], NJ), 0);
    assert_eq!(
        dot(&[0x0080_0000, 0, 0], &[0x3f00_0000, 0, 0], JAVA),
        0x0040_0000
    );
}

/// The estimates are exactly rounded: compared with double-precision values, the result is
/// the nearest single unless the double value is too close to a midpoint to tell.
#[test]
fn estimates_are_exactly_rounded() {
    fn check(name: &str, x: u32, got: u32, want: f64) {
        // Only results in the normal range are checked here (the ends are tested apart).
        if !(want.abs() >= 2f64.powi(-126) && want.abs() <= f64::from(f32::MAX)) {
            return;
        }
        let r = f(got);
        assert!(r.is_finite(), "{name}({x:08x}) = {got:08x}, want {want}");
        // The neighbours of r, in increasing order (bits + 1 moves away from zero).
        let (away, toward) = (
            f64::from(f32::from_bits(got + 1)),
            f64::from(f32::from_bits(got - 1)),
        );
        let (down, up) = if r > 0.0 {
            (toward, away)
        } else {
            (away, toward)
        };
        let r = f64::from(r);
        // The true value must lie between the midpoints around r (allowing the double's own
        // error of a few ulps of double precision).
        let slack = want.abs() * 1e-15;
        assert!(
            want <= (r + up) / 2.0 + slack && want >= (r + down) / 2.0 - slack,
            "{name}({x:08x}) = {got:08x}, want {want}"
        );
    }
    let mut rng = Rng(0x0dd_ba11_cafe);
    for _ in 0..20_000 {
        let x = rng.single() & !SIGN;
        let v = f64::from(f(x));
        if f(x).is_nan() || x == 0 {
            continue;
        }
        check("recip", x, estimate::recip(x, JAVA), 1.0 / v);
        check("rsqrt", x, estimate::rsqrt(x, JAVA), 1.0 / v.sqrt());
        check("log2", x, estimate::log2(x, JAVA), v.log2());
        let e = f(x) * 300.0 / f32::MAX.ln() - 150.0; // spread over the exp2 domain
        if e.is_finite() {
            let e = bits(e);
            let want = f64::from(f(e)).exp2();
            if want >= 2f64.powi(-126) && want < 3.4e38 {
                check("exp2", e, estimate::exp2(e, JAVA), want);
            }
        }
        let small = x & 0x807f_ffff | 0x3f00_0000; // in [0.5, 1)
        check(
            "exp2",
            small,
            estimate::exp2(small, JAVA),
            f64::from(f(small)).exp2(),
        );
        check(
            "exp2",
            small | SIGN,
            estimate::exp2(small | SIGN, JAVA),
            (-f64::from(f(small))).exp2(),
        );
    }
}

/// The fast paths of vexptefp/vlogefp (the host's double-precision functions, used when
/// the rounding is certain) agree with the quad-precision series.
#[test]
fn estimate_fast_paths_match_the_series() {
    let mut rng = Rng(0x005e_ed0f_10a7);
    for _ in 0..3_000 {
        let x = rng.single() & !SIGN;
        if x & EXP == EXP || x == 0 {
            continue;
        }
        if !element::decompose(x).0.is_power_of_two() {
            assert_eq!(
                estimate::log2(x, JAVA),
                estimate::log2_by_series(x),
                "{x:08x}"
            );
        }
        // Exponents spread over (-150, 128).
        let e = bits(f(x & 0x807f_ffff | 0x3f80_0000) * 139.0 - 150.0 + 12.0 * (x >> 31) as f32);
        if f(e) > -150.0 && f(e) < 128.0 {
            for nj in [NJ, JAVA] {
                let want = estimate::exp2_by_series(e, nj);
                assert_eq!(estimate::exp2(e, nj), want, "{e:08x} {nj}");
            }
        }
    }
}

#[test]
fn estimate_special_values() {
    use estimate::*;
    assert_eq!(recip(0, NJ), INF);
    assert_eq!(recip(SIGN, NJ), INF | SIGN);
    assert_eq!(recip(INF | SIGN, NJ), SIGN);
    assert_eq!(recip(bits(4.0), NJ), bits(0.25));
    // 1/(2^126 * (1 + 2^-23)) is below 2^-126: flushed with NJ, a denormal without.
    assert_eq!(recip(0x7e80_0001, NJ), 0);
    assert_ne!(recip(0x7e80_0001, JAVA), 0);
    assert_eq!(recip(0x7e80_0000, NJ), 0x0080_0000);
    assert_eq!(rsqrt(0, NJ), INF);
    assert_eq!(rsqrt(INF, NJ), 0);
    assert_eq!(rsqrt(INF | SIGN, NJ), DEFAULT_NAN);
    assert_eq!(rsqrt(bits(-4.0), NJ), DEFAULT_NAN);
    assert_eq!(rsqrt(bits(16.0), NJ), bits(0.25));
    assert_eq!(rsqrt(0x7f80_0001, NJ), 0x7fc0_0001);
    assert_eq!(exp2(INF | SIGN, NJ), 0);
    assert_eq!(exp2(INF, NJ), INF);
    assert_eq!(exp2(SIGN, NJ), ONE);
    assert_eq!(exp2(bits(10.0), NJ), bits(1024.0));
    assert_eq!(exp2(bits(-1.0), NJ), bits(0.5));
    assert_eq!(exp2(bits(128.0), NJ), INF);
    assert_eq!(exp2(bits(127.5), NJ), 0x7f35_04f3); // 2^127 * sqrt 2
                                                    // 2^-149 is the smallest denormal; 2^-150 ties to even, 0. NJ flushes them all.
    assert_eq!(exp2(bits(-149.0), JAVA), 1);
    assert_eq!(exp2(bits(-150.0), JAVA), 0);
    assert_eq!(exp2(bits(-149.5), JAVA), 1);
    assert_eq!(exp2(bits(-149.0), NJ), 0);
    assert_eq!(exp2(bits(-126.0), NJ), 0x0080_0000);
    assert_eq!(log2(INF, NJ), INF);
    assert_eq!(log2(SIGN, NJ), INF | SIGN);
    assert_eq!(log2(bits(-1.0), NJ), DEFAULT_NAN);
    assert_eq!(log2(INF | SIGN, NJ), DEFAULT_NAN);
    assert_eq!(log2(bits(0.125), NJ), bits(-3.0));
    assert_eq!(log2(ONE, NJ), 0);
    assert_eq!(log2(0xffc0_0001, NJ), 0xffc0_0001);
}

#[test]
fn d3d_formats() {
    // D3DCOLOR: ARGB from W, X, Y, Z; out-of-range and NaN values clamp.
    let v = [0x4040_0001, 0x4040_0002, 0x4040_0003, 0x4040_0004];
    assert_eq!(
        d3d::pack_insert(0, 1, 0, [7; 4], v),
        Some([7, 7, 7, 0x0401_0203])
    );
    let v = [bits(4.0), bits(2.0), 0xffff_ffff, bits(-1.0)];
    assert_eq!(
        d3d::pack_insert(0, 1, 3, [7; 4], v),
        Some([0x00ff_0000, 7, 7, 7])
    );
    assert_eq!(
        d3d::unpack(0, [0, 0, 0, 0x0401_0203]),
        Some([0x3f80_0001, 0x3f80_0002, 0x3f80_0003, 0x3f80_0004])
    );
    // NORMSHORT2: -32768 cannot be packed and unpacks to the default QNaN.
    assert_eq!(
        d3d::unpack(1, [0, 0, 0, 0x8000_7fff]),
        Some([DEFAULT_NAN, 0x4040_7fff, 0, ONE])
    );
    let v = [bits(-1e9), bits(1e9), 0, 0];
    assert_eq!(
        d3d::pack_insert(1, 1, 0, [0; 4], v),
        Some([0, 0, 0, 0x8001_7fff])
    );
    // NORMPACKED32: W:Z:Y:X = 2:10:10:10.
    let v = [0x4040_01ff, 0x403f_fe01, 0x4040_0000, 0x4040_0002];
    assert_eq!(
        d3d::pack_insert(2, 1, 0, [0; 4], v),
        Some([0, 0, 0, 2 << 30 | 0x1ff | 0x201 << 10])
    );
    assert_eq!(
        d3d::unpack(2, [0, 0, 0, 2 << 30 | 0x1ff | 0x201 << 10]),
        Some([0x4040_01ff, 0x403f_fe01, 0x4040_0000, ONE + 2])
    );
    // Halves: 0.5 = 0x3800, -1.5 = 0xBE00; truncation; saturation; no denormals.
    let v = [bits(0.5), bits(-1.5), bits(1e6), 0x3380_0000];
    assert_eq!(
        d3d::pack_insert(5, 2, 0, [0; 4], v),
        Some([0, 0, 0x3800_be00, 0x7fff_0000])
    );
    assert_eq!(
        d3d::unpack(5, [0, 0, 0x3800_be00, 0x7fff_0001]),
        Some([bits(0.5), bits(-1.5), bits(131_008.0), 0])
    );
    // Halves keep 10 fraction bits: 1 + 2^-10 + 2^-11 truncates to 1 + 2^-10 = 0x3C01.
    assert_eq!(
        d3d::pack_insert(
            3,
            1,
            0,
            [0; 4],
            [bits(1.0 + 2f32.powi(-10) + 2f32.powi(-11)), 0, 0, 0]
        ),
        Some([0, 0, 0, 0x3c01_0000])
    );
    // NORMPACKED64: W(4):Z(20):Y(20):X(20) over words 2:3.
    let v = [0x4040_0001, 0x403f_ffff, 0x4047_ffff, 0x4040_000f];
    let p: u64 = 1 | 0xf_ffff << 20 | 0x7_ffff << 40 | 0xf << 60;
    assert_eq!(
        d3d::pack_insert(6, 2, 0, [0; 4], v),
        Some([0, 0, (p >> 32) as u32, p as u32])
    );
    assert_eq!(
        d3d::unpack(6, [0, 0, (p >> 32) as u32, p as u32]),
        Some([0x4040_0001, 0x403f_ffff, 0x4047_ffff, ONE + 15])
    );
    // Insertion masks and rotations.
    let b = [bits(0.5), bits(0.5), bits(0.5), bits(0.5)];
    let d = [1, 2, 3, 4];
    let h = 0x3800_3800;
    assert_eq!(d3d::pack_insert(5, 2, 1, d, b), Some([1, h, h, 4]));
    assert_eq!(d3d::pack_insert(5, 2, 2, d, b), Some([h, h, 3, 4]));
    assert_eq!(d3d::pack_insert(5, 2, 3, d, b), Some([h, 2, 3, 4]));
    assert_eq!(d3d::pack_insert(5, 3, 3, d, b), Some([1, 2, 3, h]));
    assert_eq!(d3d::pack_insert(5, 0, 0, d, b), None);
    assert_eq!(d3d::pack_insert(7, 1, 0, d, b), None);
    assert_eq!(d3d::unpack(7, d), None);
}

/// Runs one assembled instruction on `ctx`.
fn run(text: &str, ctx: &mut Context) -> crate::interp::ExecResult {
    let word = assemble(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
    let d = decode(word).expect("decodes");
    let Op::Vector(op) = d.op() else {
        panic!("{text} is not a vector instruction")
    };
    exec(op, d.insn, ctx).expect("fp owns the instruction")
}

fn vec(w: [u32; 4]) -> u128 {
    super::lanes::from_words(w)
}

#[test]
fn register_roles_of_the_multiply_adds() {
    let mut ctx = Context::default();
    let (two, three, five) = (bits(2.0), bits(3.0), bits(5.0));
    // vmaddfp vD,vA,vC,vB = vA * vC + vB.
    ctx.vr[1] = vec([two; 4]);
    ctx.vr[2] = vec([three; 4]);
    ctx.vr[3] = vec([five; 4]);
    run("vmaddfp v4,v1,v2,v3", &mut ctx).unwrap();
    assert_eq!(ctx.vr[4], vec([bits(11.0); 4]));
    run("vnmsubfp v4,v1,v2,v3", &mut ctx).unwrap();
    assert_eq!(ctx.vr[4], vec([bits(-1.0); 4]));
    // vmaddfp128 vD,vA,vB,vD = vA * vB + vD.
    ctx.vr[100] = vec([five; 4]);
    ctx.vr[70] = vec([two; 4]);
    ctx.vr[33] = vec([three; 4]);
    run("vmaddfp128 v100,v70,v33,v100", &mut ctx).unwrap();
    assert_eq!(ctx.vr[100], vec([bits(11.0); 4]));
    // vmaddcfp128 vD,vA,vD,vB = vA * vD + vB.
    ctx.vr[100] = vec([three; 4]);
    ctx.vr[33] = vec([five; 4]);
    run("vmaddcfp128 v100,v70,v100,v33", &mut ctx).unwrap();
    assert_eq!(ctx.vr[100], vec([bits(11.0); 4]));
    // vnmsubfp128 vD,vA,vB,vD = -(vA * vB - vD) = 5 - 2 * 3.
    ctx.vr[100] = vec([five; 4]);
    ctx.vr[33] = vec([three; 4]);
    run("vnmsubfp128 v100,v70,v33,v100", &mut ctx).unwrap();
    assert_eq!(ctx.vr[100], vec([bits(-1.0); 4]));
    run("vmulfp128 v127,v70,v33", &mut ctx).unwrap();
    assert_eq!(ctx.vr[127], vec([bits(6.0); 4]));
}

#[test]
fn compares_record_cr6() {
    let mut ctx = Context {
        cr: 0xffff_ffff,
        ..Context::default()
    };
    ctx.vr[1] = vec([ONE; 4]);
    ctx.vr[2] = vec([ONE, ONE, ONE, 0x3f80_0001]);
    run("vcmpeqfp. v3,v1,v1", &mut ctx).unwrap();
    assert_eq!(ctx.cr, 0xffff_ff8f, "all true: CR6 = 1000");
    run("vcmpgtfp. v3,v1,v2", &mut ctx).unwrap();
    assert_eq!(ctx.cr, 0xffff_ff2f, "none true: CR6 = 0010");
    run("vcmpeqfp. v3,v1,v2", &mut ctx).unwrap();
    assert_eq!(ctx.cr, 0xffff_ff0f, "mixed: CR6 = 0000");
    assert_eq!(ctx.vr[3], vec([u32::MAX, u32::MAX, u32::MAX, 0]));
    // Without Rc, CR is untouched.
    ctx.cr = 0x1234_5678;
    run("vcmpgefp v3,v1,v2", &mut ctx).unwrap();
    assert_eq!(ctx.cr, 0x1234_5678);
    // vcmpbfp.: within bounds everywhere sets only bit 2 of CR6.
    run("vcmpbfp. v3,v1,v2", &mut ctx).unwrap();
    assert_eq!(ctx.cr, 0x1234_5628);
    ctx.vr[4] = vec([bits(2.0), bits(-2.0), DEFAULT_NAN, ONE]);
    run("vcmpbfp. v3,v4,v1", &mut ctx).unwrap();
    assert_eq!(ctx.cr, 0x1234_5608);
    assert_eq!(ctx.vr[3], vec([0x8000_0000, 0x4000_0000, 0xc000_0000, 0]));
    // The VMX128 form records with its own Rc bit.
    ctx.vr[90] = vec([ONE; 4]);
    run("vcmpeqfp128. v91,v90,v90", &mut ctx).unwrap();
    assert_eq!(ctx.cr, 0x1234_5688);
    run("vcmpbfp128 v91,v90,v90", &mut ctx).unwrap();
    assert_eq!(ctx.cr, 0x1234_5688);
}

#[test]
fn saturation_is_sticky_in_vscr() {
    let mut ctx = Context::default();
    assert_eq!(ctx.vscr, VSCR_NJ);
    ctx.vr[1] = vec([bits(1.0), bits(2.0), bits(3.0), bits(4.0)]);
    run("vctsxs v2,v1,4", &mut ctx).unwrap();
    assert_eq!(ctx.vr[2], vec([16, 32, 48, 64]));
    assert_eq!(ctx.vscr, VSCR_NJ);
    run("vctuxs v2,v1,31", &mut ctx).unwrap();
    assert_eq!(ctx.vr[2], vec([0x8000_0000, u32::MAX, u32::MAX, u32::MAX]));
    assert_eq!(ctx.vscr, VSCR_NJ | VSCR_SAT);
    run("vcfpsxws128 v64,v1,0", &mut ctx).unwrap();
    assert_eq!(ctx.vr[64], vec([1, 2, 3, 4]));
    assert_eq!(ctx.vscr, VSCR_NJ | VSCR_SAT, "SAT is never cleared");
    run("vcsxwfp128 v65,v64,1", &mut ctx).unwrap();
    assert_eq!(
        ctx.vr[65],
        vec([bits(0.5), bits(1.0), bits(1.5), bits(2.0)])
    );
}

#[test]
fn dot_products_splat() {
    let mut ctx = Context::default();
    ctx.vr[40] = vec([bits(1.0), bits(2.0), bits(3.0), bits(4.0)]);
    ctx.vr[41] = vec([bits(5.0), bits(6.0), bits(7.0), bits(8.0)]);
    run("vmsum3fp128 v42,v40,v41", &mut ctx).unwrap();
    assert_eq!(ctx.vr[42], vec([bits(38.0); 4]));
    run("vmsum4fp128 v42,v40,v41", &mut ctx).unwrap();
    assert_eq!(ctx.vr[42], vec([bits(70.0); 4]));
}

#[test]
fn undefined_d3d_encodings_are_invalid_and_change_nothing() {
    let mut ctx = Context::default();
    ctx.vr[5] = vec([1, 2, 3, 4]);
    let before = ctx.clone();
    // vupkd3d128 type 7 (immediate 28).
    assert!(run("vupkd3d128 v5,v6,28", &mut ctx).is_err());
    // vpkd3d128 with mask 0.
    assert!(run("vpkd3d128 v5,v6,0,0,0", &mut ctx).is_err());
    assert!(ctx == before);
}

#[test]
fn ops_of_other_families_are_not_claimed() {
    let ctx = &mut Context::default();
    for text in [
        "vaddubm v1,v2,v3",
        "vupkhsb128 v1,v2",
        "vperm128 v1,v2,v3,v4",
        "lvx v1,0,r3",
    ] {
        let d = decode(assemble(text).unwrap()).unwrap();
        let Op::Vector(op) = d.op() else { panic!() };
        assert!(exec(op, d.insn, ctx).is_none(), "{text}");
    }
}

#[test]
fn element_helpers() {
    assert!(element::is_nan(0x7f80_0001) && !element::is_nan(INF));
    assert!(element::is_denormal(1) && !element::is_denormal(0x0080_0000));
    assert_eq!(element::operand(0x8000_0005, NJ), SIGN);
    assert_eq!(element::operand(0x8000_0005, JAVA), 0x8000_0005);
}
