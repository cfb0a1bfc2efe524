//! Additions, subtractions, multiplies and divides.

use super::set_ov;
use crate::isa::integer::IntOp;
use crate::isa::Insn;
use crate::Context;

/// `a + b + carry_in` with the carry and overflow the current mode defines.
struct Sum {
    value: u64,
    carry: bool,
    overflow: bool,
}

fn sum(ctx: &Context, a: u64, b: u64, carry_in: u64) -> Sum {
    let value = a.wrapping_add(b).wrapping_add(carry_in);
    // Signed overflow: both addends agree in sign and the result does not.
    let sign_flips = (a ^ value) & (b ^ value);
    let (carry, overflow) = if ctx.is_64bit() {
        let wide = u128::from(a) + u128::from(b) + u128::from(carry_in);
        (wide >> 64 != 0, sign_flips >> 63 != 0)
    } else {
        let low = (a & 0xffff_ffff) + (b & 0xffff_ffff) + carry_in;
        (low >> 32 != 0, (sign_flips >> 31) & 1 != 0)
    };
    Sum {
        value,
        carry,
        overflow,
    }
}

fn ra_or_zero(i: Insn, ctx: &Context) -> u64 {
    if i.ra() == 0 {
        0
    } else {
        ctx.gpr[i.ra()]
    }
}

pub fn addi(i: Insn, ctx: &mut Context) {
    ctx.gpr[i.rt()] = ra_or_zero(i, ctx).wrapping_add(i.simm() as u64);
}

pub fn addis(i: Insn, ctx: &mut Context) {
    ctx.gpr[i.rt()] = ra_or_zero(i, ctx).wrapping_add((i.simm() << 16) as u64);
}

/// `addic` and `addic.`; RA is a register even when it is r0.
pub fn addic(i: Insn, ctx: &mut Context, record: bool) {
    let s = sum(ctx, ctx.gpr[i.ra()], i.simm() as u64, 0);
    ctx.xer_ca = u8::from(s.carry);
    ctx.gpr[i.rt()] = s.value;
    if record {
        ctx.record_cr0(s.value);
    }
}

/// SIMM - RA, computed as !RA + SIMM + 1 so that CA comes out as "no borrow".
pub fn subfic(i: Insn, ctx: &mut Context) {
    let s = sum(ctx, !ctx.gpr[i.ra()], i.simm() as u64, 1);
    ctx.xer_ca = u8::from(s.carry);
    ctx.gpr[i.rt()] = s.value;
}

pub fn mulli(i: Insn, ctx: &mut Context) {
    ctx.gpr[i.rt()] = ctx.gpr[i.ra()].wrapping_mul(i.simm() as u64);
}

/// The XO-form additions and subtractions, each an `x + y + carry_in`: subtraction
/// complements RA and adds one, the extended forms take their carry-in from XER[CA].
pub fn add_family(op: IntOp, i: Insn, ctx: &mut Context) {
    let a = ctx.gpr[i.ra()];
    let b = ctx.gpr[i.rb()];
    let ca = u64::from(ctx.xer_ca);
    let (x, y, carry_in, sets_ca) = match op {
        IntOp::Add => (a, b, 0, false),
        IntOp::Addc => (a, b, 0, true),
        IntOp::Adde => (a, b, ca, true),
        IntOp::Addme => (a, u64::MAX, ca, true),
        IntOp::Addze => (a, 0, ca, true),
        IntOp::Subf => (!a, b, 1, false),
        IntOp::Subfc => (!a, b, 1, true),
        IntOp::Subfe => (!a, b, ca, true),
        IntOp::Subfme => (!a, u64::MAX, ca, true),
        IntOp::Subfze => (!a, 0, ca, true),
        IntOp::Neg => (!a, 0, 1, false),
        other => unreachable!("{other:?} is not an addition"),
    };
    let s = sum(ctx, x, y, carry_in);
    if sets_ca {
        ctx.xer_ca = u8::from(s.carry);
    }
    finish_xo(i, ctx, s.value, s.overflow);
}

/// Records OV (if OE), writes RT, records CR0 (if Rc), in that order so CR0 sees the new SO.
fn finish_xo(i: Insn, ctx: &mut Context, value: u64, overflow: bool) {
    if i.oe() {
        set_ov(ctx, overflow);
    }
    ctx.gpr[i.rt()] = value;
    if i.rc() {
        ctx.record_cr0(value);
    }
}

/// Multiplies and divides. Where the ISA leaves RT undefined we choose:
/// - `mulhw`, `mulhwu`, `divw`, `divwu`: the 32-bit result zero-extended, as qemu-ppc64 7.2
///   (`-cpu 970`) produces.
/// - a divide by zero or a signed overflow (`0x8000_0000 / -1`): RT = 0, which is what real
///   Xbox 360 hardware was reported to return (xenia-canary pull request 58: division by 0
///   "in reality it seems it is always 0", and "signed overflow in division also produces
///   0"). qemu differs here: it returns the dividend.
pub fn mul_div(op: IntOp, i: Insn, ctx: &mut Context) {
    let a = ctx.gpr[i.ra()];
    let b = ctx.gpr[i.rb()];
    let (value, overflow) = match op {
        IntOp::Mullw => {
            let p = i64::from(a as i32) * i64::from(b as i32);
            (p as u64, p != i64::from(p as i32))
        }
        // The ISA leaves RT[0:31] undefined; the Xbox 360 cases of the public xenia suite
        // (instr_mulhw.s) show the high word sign-extended, so that is what we produce.
        IntOp::Mulhw => {
            let p = i64::from(a as i32) * i64::from(b as i32);
            ((p >> 32) as u64, false)
        }
        IntOp::Mulhwu => {
            let p = u64::from(a as u32) * u64::from(b as u32);
            (p >> 32, false)
        }
        IntOp::Divw => match (a as i32).checked_div(b as i32) {
            Some(q) => (u64::from(q as u32), false),
            None => (0, true),
        },
        IntOp::Divwu => match (a as u32).checked_div(b as u32) {
            Some(q) => (u64::from(q), false),
            None => (0, true),
        },
        IntOp::Mulld => {
            let (p, o) = (a as i64).overflowing_mul(b as i64);
            (p as u64, o)
        }
        IntOp::Mulhd => {
            let p = i128::from(a as i64) * i128::from(b as i64);
            ((p >> 64) as u64, false)
        }
        IntOp::Mulhdu => {
            let p = u128::from(a) * u128::from(b);
            ((p >> 64) as u64, false)
        }
        IntOp::Divd => match (a as i64).checked_div(b as i64) {
            Some(q) => (q as u64, false),
            None => (0, true),
        },
        IntOp::Divdu => match a.checked_div(b) {
            Some(q) => (q, false),
            None => (0, true),
        },
        other => unreachable!("{other:?} is not a multiply or divide"),
    };
    finish_xo(i, ctx, value, overflow);
}
