//! The bit-exact conversions the floating-point single loads and stores perform. They are
//! not IEEE conversions: loading widens exactly (signalling NaNs stay signalling, which a
//! host `f32 as f64` would quiet), and storing narrows by truncation, never rounding and
//! never touching FPSCR, as the ISA's "Floating-Point Load" and "Floating-Point Store"
//! algorithms specify.

/// Widens single-precision bits to double-precision bits (lfs, lfsx, lfsu, lfsux).
pub fn single_to_double(word: u32) -> u64 {
    let sign = u64::from(word >> 31) << 63;
    let exp = (word >> 23) & 0xff;
    let frac = u64::from(word & 0x007f_ffff);
    match exp {
        0 if frac == 0 => sign,
        // A denormal single is a normal double: value = frac * 2^-149, so with its leading
        // one at bit p the exponent is p - 149 and the remaining p bits are the fraction.
        0 => {
            let p = 63 - frac.leading_zeros() as u64;
            let exp = p + 1023 - 149;
            sign | (exp << 52) | ((frac ^ (1 << p)) << (52 - p))
        }
        0xff => sign | (0x7ff << 52) | (frac << 29),
        _ => sign | ((u64::from(exp) + 1023 - 127) << 52) | (frac << 29),
    }
}

/// Narrows double-precision bits to single-precision bits (stfs, stfsx, stfsu, stfsux).
///
/// Exponents above the single range are not saturated: the ISA copies the bits, so large
/// finite values come out as whatever those bits say. Below the denormal range (biased
/// exponent < 874) the ISA leaves the result undefined; we keep denormalizing, which leaves
/// a signed zero, as qemu-ppc64 stores for those values.
pub fn double_to_single(d: u64) -> u32 {
    let exp = ((d >> 52) & 0x7ff) as u32;
    if exp > 896 || d << 1 == 0 {
        // WORD[0:1] = FRS[0:1], WORD[2:31] = FRS[5:34].
        return ((d >> 32) as u32 & 0xc000_0000) | ((d >> 29) as u32 & 0x3fff_ffff);
    }
    let sign = (d >> 32) as u32 & 0x8000_0000;
    // 1.fraction as a 53-bit integer, shifted right once per step the exponent is below -126.
    let significand = (1u64 << 52) | (d & 0x000f_ffff_ffff_ffff);
    let shift = 897 - exp;
    let frac = if shift >= 53 { 0 } else { significand >> shift };
    // WORD[9:31] = frac[1:23]: the 23 bits after the (now shifted-out) leading bit position.
    sign | ((frac >> 29) as u32 & 0x007f_ffff)
}
