//! Rotates and shifts.

use super::write_ra;
use crate::isa::integer::IntOp;
use crate::isa::Insn;
use crate::Context;

/// The ISA's MASK(mb, me) over 64 bits in IBM numbering (bit 0 is the most significant):
/// ones from bit `mb` to bit `me`, wrapping around when `mb > me`.
fn mask(mb: u32, me: u32) -> u64 {
    let from_mb = u64::MAX >> mb;
    let to_me = u64::MAX << (63 - me);
    if mb <= me {
        from_mb & to_me
    } else {
        from_mb | to_me
    }
}

/// The ISA's ROTL32: the low word rotated and doubled into both halves, so that a wrapping
/// mask lets the rotated word into the high half too.
fn rotl32(x: u64, n: u32) -> u64 {
    let r = u64::from((x as u32).rotate_left(n));
    (r << 32) | r
}

pub fn rotate32(op: IntOp, i: Insn, ctx: &mut Context) {
    let n = match op {
        IntOp::Rlwnm => (ctx.gpr[i.rb()] & 31) as u32,
        _ => i.sh(),
    };
    let r = rotl32(ctx.gpr[i.rs()], n);
    let m = mask(i.mb() + 32, i.me() + 32);
    let value = match op {
        IntOp::Rlwimi => (r & m) | (ctx.gpr[i.ra()] & !m),
        _ => r & m,
    };
    write_ra(i, ctx, value);
}

pub fn rotate64(op: IntOp, i: Insn, ctx: &mut Context) {
    let n = match op {
        IntOp::Rldcl | IntOp::Rldcr => (ctx.gpr[i.rb()] & 63) as u32,
        _ => i.sh64(),
    };
    let r = ctx.gpr[i.rs()].rotate_left(n);
    // The MD/MDS forms keep MB, or ME for the `r` forms, in the same field.
    let b = i.mb64();
    let value = match op {
        IntOp::Rldicl | IntOp::Rldcl => r & mask(b, 63),
        IntOp::Rldicr | IntOp::Rldcr => r & mask(0, b),
        IntOp::Rldic => r & mask(b, 63 - n),
        IntOp::Rldimi => {
            let m = mask(b, 63 - n);
            (r & m) | (ctx.gpr[i.ra()] & !m)
        }
        other => unreachable!("{other:?} is not a 64-bit rotate"),
    };
    write_ra(i, ctx, value);
}

/// Shifts. Register counts have one bit more than the width needs (6 bits for words, 7 for
/// doublewords), so counts past the width shift everything out.
pub fn shift(op: IntOp, i: Insn, ctx: &mut Context) {
    let s = ctx.gpr[i.rs()];
    let rb = ctx.gpr[i.rb()];
    let word_count = (rb & 63) as u32;
    let double_count = (rb & 127) as u32;
    let value = match op {
        IntOp::Slw => u64::from((s as u32).checked_shl(word_count).unwrap_or(0)),
        IntOp::Srw => u64::from((s as u32).checked_shr(word_count).unwrap_or(0)),
        IntOp::Sld => s.checked_shl(double_count).unwrap_or(0),
        IntOp::Srd => s.checked_shr(double_count).unwrap_or(0),
        IntOp::Sraw => shift_right_algebraic_word(ctx, s, word_count),
        IntOp::Srawi => shift_right_algebraic_word(ctx, s, i.sh()),
        IntOp::Srad => shift_right_algebraic(ctx, s, double_count),
        IntOp::Sradi => shift_right_algebraic(ctx, s, i.sh64()),
        other => unreachable!("{other:?} is not a shift"),
    };
    write_ra(i, ctx, value);
}

/// The low word shifted right arithmetically, sign-extended to 64 bits. CA is set when the
/// word is negative and a 1 bit was shifted out, in both modes; counts of 32 and more leave
/// only the sign.
fn shift_right_algebraic_word(ctx: &mut Context, s: u64, n: u32) -> u64 {
    let w = s as u32 as i32;
    let lost = if n >= 32 {
        w as u32
    } else {
        w as u32 & ((1 << n) - 1)
    };
    ctx.xer_ca = u8::from(w < 0 && lost != 0);
    i64::from(w >> n.min(31)) as u64
}

/// `shift_right_algebraic_word` for the whole doubleword.
fn shift_right_algebraic(ctx: &mut Context, s: u64, n: u32) -> u64 {
    let d = s as i64;
    let lost = if n >= 64 { s } else { s & ((1 << n) - 1) };
    ctx.xer_ca = u8::from(d < 0 && lost != 0);
    (d >> n.min(63)) as u64
}
