//! Compares and the FPSCR moves.

use super::bits::*;
use super::fpscr::*;
use crate::Context;

/// fcmpu/fcmpo: the comparison code for CR field BF and FPCC, and the exceptions raised.
pub fn compare(a: u64, b: u64, ordered: bool, fpscr: u32) -> (u32, u32) {
    if is_nan(a) || is_nan(b) {
        let snan = is_snan(a) || is_snan(b);
        let mut raised = if snan { VXSNAN } else { 0 };
        // An ordered compare of a QNaN is invalid; with an SNaN it is too, but only reported
        // when VE = 0 (the enabled SNaN exception takes precedence).
        if ordered && (!snan || fpscr & VE == 0) {
            raised |= VXVC;
        }
        return (0b0001, raised);
    }
    let (x, y) = (to_f64(a), to_f64(b));
    let code = if x < y {
        0b1000
    } else if x > y {
        0b0100
    } else {
        0b0010
    };
    (code, 0)
}

fn to_f64(bits: u64) -> f64 {
    f64::from_bits(bits)
}

/// Field `n` (0 = bits 0..3) of the FPSCR as a 4-bit value.
pub fn field(fpscr: u32, n: u32) -> u32 {
    (fpscr >> (28 - 4 * n)) & 0xf
}

/// mtfsf/mtfsfi: replaces the fields selected by `mask` (bit 7 = field 0) with those of
/// `value`. FX and OX take the written values; FEX and VX are recomputed rather than
/// written, and no exception bit set here sets FX implicitly.
pub fn write_fields(ctx: &mut Context, mask: u32, value: u32) {
    let mut m = 0u32;
    for n in 0..8 {
        if mask & (0x80 >> n) != 0 {
            m |= 0xf << (28 - 4 * n);
        }
    }
    m &= !(FEX | VX | RESERVED);
    ctx.fpscr = summarize((ctx.fpscr & !m) | (value & m));
}

/// mtfsb0/mtfsb1: clears or sets FPSCR bit `bt` (0 = FX). FEX and VX cannot be written, and
/// the reserved bit stays zero. Setting an exception bit that was clear also sets FX.
pub fn write_bit(ctx: &mut Context, bt: u32, set: bool) {
    let m = 1u32 << (31 - bt);
    if m & (FEX | VX | RESERVED) != 0 {
        return;
    }
    ctx.fpscr = if set {
        raise(ctx.fpscr | (m & !EXCEPTIONS), m & EXCEPTIONS)
    } else {
        summarize(ctx.fpscr & !m)
    };
}

/// mcrfs: copies FPSCR field `bfa` to CR field `bf` and clears the exception bits copied.
pub fn mcrfs(ctx: &mut Context, bf: u32, bfa: u32) {
    let v = field(ctx.fpscr, bfa);
    ctx.set_cr_field(bf, v);
    let m = (0xf << (28 - 4 * bfa)) & MCRFS_CLEARS;
    ctx.fpscr = summarize(ctx.fpscr & !m);
}
