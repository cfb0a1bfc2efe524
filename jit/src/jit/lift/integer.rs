//! Integer instructions, every one lifted natively with exactly the interpreter's results
//! (`interp::integer`): values, XER[CA], XER[OV]/SO under OE and CR0 under Rc, in 64-bit and
//! 32-bit mode. The flag helpers live in `integer_flags.rs`.

#[path = "integer_flags.rs"]
mod flags;

use super::lazy_cr::{CrDesc, Operand};
use super::{Lifter, Reg};
use crate::isa::integer::IntOp;
use crate::isa::Insn;
use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder, Value};

/// MASK(x, y) of the ISA in IBM bit numbering on 64 bits, wrapping when x > y.
pub fn mask64(x: u32, y: u32) -> u64 {
    let from_x = u64::MAX >> x;
    let to_y = u64::MAX << (63 - y);
    if x <= y {
        from_x & to_y
    } else {
        from_x | to_y
    }
}

impl Lifter<'_, '_> {
    /// Sets CR field `n` to the low four bits of `field` (an i32). Other lazy fields stay
    /// lazy: their bits in the CR variable are not looked at until they are built.
    pub fn set_cr_field(&mut self, n: u32, field: Value) {
        let n = n as usize;
        self.kills.fields[n] = true;
        self.note_field_set(n);
        self.lazy[n] = None;
        self.drop_shadows(n);
        self.put_cr_field(n, field);
    }

    /// Merges the low four bits of `field` into the CR variable as field `n`.
    pub(super) fn put_cr_field(&mut self, n: usize, field: Value) {
        let shift = 28 - 4 * n as i64;
        let cr = self.get_held(Reg::Cr);
        let kept = self
            .b
            .ins()
            .band_imm_u(cr, !(0xfi64 << shift) & 0xffff_ffff);
        let moved = self.b.ins().ishl_imm_u(field, shift);
        let cr = self.b.ins().bor(kept, moved);
        self.def_reg(Reg::Cr, cr);
    }

    /// LT/GT/EQ from a signed or unsigned comparison of `a` and `b`, plus XER[SO], as an i32.
    pub fn compare_field(&mut self, a: Value, b: Value, signed: bool) -> Value {
        let (lt, gt) = if signed {
            (IntCC::SignedLessThan, IntCC::SignedGreaterThan)
        } else {
            (IntCC::UnsignedLessThan, IntCC::UnsignedGreaterThan)
        };
        // Exactly one of LT (bit 3), GT (bit 2), EQ (bit 1) is set: 1 << (1 + 2*lt + gt).
        let lt = self.b.ins().icmp(lt, a, b);
        let gt = self.b.ins().icmp(gt, a, b);
        let lt = self.b.ins().uextend(types::I32, lt);
        let gt = self.b.ins().uextend(types::I32, gt);
        let lt2 = self.b.ins().ishl_imm_u(lt, 1);
        let bit = self.b.ins().iadd(lt2, gt);
        let bit = self.b.ins().iadd_imm_s(bit, 1);
        let one = self.b.ins().iconst(types::I32, 1);
        let f = self.b.ins().ishl(one, bit);
        let so = self.get(Reg::So);
        let so = self.b.ins().ireduce(types::I32, so);
        self.b.ins().bor(f, so)
    }

    /// CR0 of a recording instruction, just after its result went to GPR `rt`: the result
    /// compared with zero as a signed 64-bit value, or as its signed low word in 32-bit mode.
    /// Lazy (see `lazy_cr`): a `bc` on it compares the result itself.
    pub fn record_cr0(&mut self, rt: usize) {
        let desc = CrDesc {
            a: Operand::Gpr(rt as u8),
            b: Operand::Imm(0),
            signed: true,
            word: !self.sf,
        };
        self.set_lazy(0, desc);
    }

    /// The low word of a register, extended to 64 bits.
    pub(super) fn low_word(&mut self, v: Value, signed: bool) -> Value {
        let w = self.b.ins().ireduce(types::I32, v);
        if signed {
            self.b.ins().sextend(types::I64, w)
        } else {
            self.b.ins().uextend(types::I64, w)
        }
    }
}

pub fn lift(l: &mut Lifter, op: IntOp, i: Insn) -> bool {
    use IntOp::*;
    match op {
        Addi | Addis => {
            let a = l.gpr_or_zero(i.ra());
            let imm = if op == Addis {
                i.simm() << 16
            } else {
                i.simm()
            };
            let r = l.b.ins().iadd_imm_s(a, imm);
            l.set(Reg::Gpr(i.rt()), r);
        }
        Addic | AddicRc | Subfic => add_immediate(l, op, i),
        Mulli => {
            let a = l.get(Reg::Gpr(i.ra()));
            let r = l.b.ins().imul_imm_s(a, i.simm());
            l.set(Reg::Gpr(i.rt()), r);
        }
        Add | Addc | Adde | Addme | Addze | Subf | Subfc | Subfe | Subfme | Subfze | Neg => {
            add_family(l, op, i)
        }
        Mullw | Mulhw | Mulhwu | Mulld | Mulhd | Mulhdu => multiply(l, op, i),
        Divw | Divwu | Divd | Divdu => divide(l, op, i),
        Cmpi | Cmp | Cmpli | Cmpl => compare(l, op, i),
        Andi | Andis | Ori | Oris | Xori | Xoris => logical_immediate(l, op, i),
        And | Andc | Or | Orc | Xor | Nand | Nor | Eqv => logical(l, op, i),
        Extsb | Extsh | Extsw | Cntlzw | Cntlzd => unary(l, op, i),
        Rlwinm | Rlwnm | Rlwimi => rotate32(l, op, i),
        Rldicl | Rldicr | Rldic | Rldimi | Rldcl | Rldcr => rotate64(l, op, i),
        Slw | Srw | Sld | Srd => shift_logical(l, op, i),
        Sraw | Srawi | Srad | Sradi => shift_algebraic(l, op, i),
    }
    true
}

/// The second addend of an add-family instruction.
#[derive(Clone, Copy)]
enum Addend {
    Rb,
    Zero,
    MinusOne,
}

/// Its carry in.
#[derive(Clone, Copy, PartialEq)]
enum CarryIn {
    Zero,
    One,
    Ca,
}

/// `x + y + carry_in` where `x` is RA or its complement (subtraction); returns (x, sum).
fn sum(l: &mut Lifter, a: Value, complement: bool, y: Value, carry_in: CarryIn) -> (Value, Value) {
    let x = if complement { l.b.ins().bnot(a) } else { a };
    let s = match carry_in {
        // !a + y + 1 = y - a.
        CarryIn::One if complement => l.b.ins().isub(y, a),
        CarryIn::One => {
            let s = l.b.ins().iadd(x, y);
            l.b.ins().iadd_imm_s(s, 1)
        }
        CarryIn::Zero => l.b.ins().iadd(x, y),
        CarryIn::Ca => {
            let s = l.b.ins().iadd(x, y);
            let ca = l.get(Reg::Ca);
            l.b.ins().iadd(s, ca)
        }
    };
    (x, s)
}

/// `addic`, `addic.` (RA is a register even when it is r0) and `subfic` (SIMM - RA).
fn add_immediate(l: &mut Lifter, op: IntOp, i: Insn) {
    let a = l.get(Reg::Gpr(i.ra()));
    let y = l.b.ins().iconst(types::I64, i.simm());
    let (x, s) = if op == IntOp::Subfic {
        sum(l, a, true, y, CarryIn::One)
    } else {
        sum(l, a, false, y, CarryIn::Zero)
    };
    let ca = l.carry_out(x, y, s);
    l.set(Reg::Ca, ca);
    l.set(Reg::Gpr(i.rt()), s);
    if op == IntOp::AddicRc {
        l.record_cr0(i.rt());
    }
}

/// The XO-form additions and subtractions: subtraction complements RA and adds one, the
/// extended forms take their carry in from XER[CA].
fn add_family(l: &mut Lifter, op: IntOp, i: Insn) {
    use IntOp::*;
    let (complement, addend, carry_in, sets_ca) = match op {
        Add => (false, Addend::Rb, CarryIn::Zero, false),
        Addc => (false, Addend::Rb, CarryIn::Zero, true),
        Adde => (false, Addend::Rb, CarryIn::Ca, true),
        Addme => (false, Addend::MinusOne, CarryIn::Ca, true),
        Addze => (false, Addend::Zero, CarryIn::Ca, true),
        Subf => (true, Addend::Rb, CarryIn::One, false),
        Subfc => (true, Addend::Rb, CarryIn::One, true),
        Subfe => (true, Addend::Rb, CarryIn::Ca, true),
        Subfme => (true, Addend::MinusOne, CarryIn::Ca, true),
        Subfze => (true, Addend::Zero, CarryIn::Ca, true),
        Neg => (true, Addend::Zero, CarryIn::One, false),
        other => unreachable!("{other:?} is not an addition"),
    };
    let a = l.get(Reg::Gpr(i.ra()));
    let y = match addend {
        Addend::Rb => l.get(Reg::Gpr(i.rb())),
        Addend::Zero => l.b.ins().iconst(types::I64, 0),
        Addend::MinusOne => l.b.ins().iconst(types::I64, -1),
    };
    let (x, s) = sum(l, a, complement, y, carry_in);
    if sets_ca {
        let ca = l.carry_out(x, y, s);
        l.set(Reg::Ca, ca);
    }
    l.finish_xo(i, s, |l| l.overflow_out(x, y, s));
}

/// Multiplies. The word forms multiply the extended low words exactly in 64 bits; `mullw`
/// overflows when the product does not fit 32 bits (in both modes), `mulld` when it does not
/// fit 64. `mulhw` gives the high word sign-extended, `mulhwu` zero-extended.
fn multiply(l: &mut Lifter, op: IntOp, i: Insn) {
    use IntOp::*;
    let a = l.get(Reg::Gpr(i.ra()));
    let b = l.get(Reg::Gpr(i.rb()));
    let value = match op {
        Mullw | Mulhw => {
            let (a, b) = (l.low_word(a, true), l.low_word(b, true));
            let p = l.b.ins().imul(a, b);
            if op == Mulhw {
                l.b.ins().sshr_imm_u(p, 32)
            } else {
                p
            }
        }
        Mulhwu => {
            let (a, b) = (l.low_word(a, false), l.low_word(b, false));
            let p = l.b.ins().imul(a, b);
            l.b.ins().ushr_imm_u(p, 32)
        }
        Mulld => l.b.ins().imul(a, b),
        Mulhd => l.b.ins().smulhi(a, b),
        _ => l.b.ins().umulhi(a, b),
    };
    l.finish_xo(i, value, |l| {
        let fits = match op {
            Mullw => {
                let low = l.low_word(value, true);
                l.b.ins().icmp(IntCC::Equal, value, low)
            }
            Mulld => {
                let high = l.b.ins().smulhi(a, b);
                let sign = l.b.ins().sshr_imm_u(value, 63);
                l.b.ins().icmp(IntCC::Equal, high, sign)
            }
            // The high-half forms never overflow.
            _ => l.b.ins().iconst(types::I8, 1),
        };
        let ov = l.b.ins().bxor_imm_u(fits, 1);
        l.flag(ov)
    });
}

/// Divides; the word forms divide the low words and zero-extend the quotient. OV is judged
/// on the operation's own width in both modes.
fn divide(l: &mut Lifter, op: IntOp, i: Insn) {
    let a = l.get(Reg::Gpr(i.ra()));
    let b = l.get(Reg::Gpr(i.rb()));
    let signed = matches!(op, IntOp::Divw | IntOp::Divd);
    let (value, overflow) = if matches!(op, IntOp::Divw | IntOp::Divwu) {
        let a = l.b.ins().ireduce(types::I32, a);
        let b = l.b.ins().ireduce(types::I32, b);
        let (q, ov) = l.checked_div(a, b, signed);
        (l.b.ins().uextend(types::I64, q), ov)
    } else {
        l.checked_div(a, b, signed)
    };
    l.finish_xo(i, value, |_| overflow);
}

/// L=0 compares the low words in either mode; L=1 the doublewords.
fn compare(l: &mut Lifter, op: IntOp, i: Insn) {
    let second = match op {
        IntOp::Cmp | IntOp::Cmpl => Operand::Gpr(i.rb() as u8),
        IntOp::Cmpi => Operand::Imm(i.simm()),
        _ => Operand::Imm(i.uimm() as i64),
    };
    let desc = CrDesc {
        a: Operand::Gpr(i.ra() as u8),
        b: second,
        signed: matches!(op, IntOp::Cmp | IntOp::Cmpi),
        word: !i.l_cmp(),
    };
    l.set_lazy(i.crfd() as usize, desc);
}

/// D-form logicals; the `and` forms always record.
fn logical_immediate(l: &mut Lifter, op: IntOp, i: Insn) {
    use IntOp::*;
    let keeps = matches!(op, Ori | Oris | Xori | Xoris) && i.uimm() == 0;
    if keeps && i.rs() == i.ra() {
        // `nop` (`ori r0,r0,0`): nothing changes, so nothing is read or written (a unit
        // compiled without Cranelift's optimizer would otherwise load, OR and store r0).
        return;
    }
    let s = l.get(Reg::Gpr(i.rs()));
    let imm = match op {
        Oris | Xoris | Andis => (i.uimm() << 16) as i64,
        _ => i.uimm() as i64,
    };
    let r = match op {
        _ if keeps => s,
        Ori | Oris => l.b.ins().bor_imm_u(s, imm),
        Xori | Xoris => l.b.ins().bxor_imm_u(s, imm),
        _ => l.b.ins().band_imm_u(s, imm),
    };
    l.set(Reg::Gpr(i.ra()), r);
    if matches!(op, Andi | Andis) {
        l.record_cr0(i.ra());
    }
}

fn logical(l: &mut Lifter, op: IntOp, i: Insn) {
    use IntOp::*;
    let s = l.get(Reg::Gpr(i.rs()));
    let b = l.get(Reg::Gpr(i.rb()));
    let r = match op {
        // `mr` (`or ra,rs,rs`), and `and` of a register with itself: the value itself.
        And | Or if i.rs() == i.rb() => s,
        And => l.b.ins().band(s, b),
        Or => l.b.ins().bor(s, b),
        Xor => l.b.ins().bxor(s, b),
        Andc => l.b.ins().band_not(s, b),
        Orc => l.b.ins().bor_not(s, b),
        Nor => {
            let o = l.b.ins().bor(s, b);
            l.b.ins().bnot(o)
        }
        Nand => {
            let a = l.b.ins().band(s, b);
            l.b.ins().bnot(a)
        }
        _ => {
            let x = l.b.ins().bxor(s, b);
            l.b.ins().bnot(x)
        }
    };
    l.write_ra(i, r);
}

/// Sign extensions and leading-zero counts.
fn unary(l: &mut Lifter, op: IntOp, i: Insn) {
    let s = l.get(Reg::Gpr(i.rs()));
    let r = match op {
        IntOp::Cntlzd => l.b.ins().clz(s),
        IntOp::Cntlzw => {
            let w = l.b.ins().ireduce(types::I32, s);
            let n = l.b.ins().clz(w);
            l.b.ins().uextend(types::I64, n)
        }
        _ => {
            let ty = match op {
                IntOp::Extsb => types::I8,
                IntOp::Extsh => types::I16,
                _ => types::I32,
            };
            let n = l.b.ins().ireduce(ty, s);
            l.b.ins().sextend(types::I64, n)
        }
    };
    l.write_ra(i, r);
}

/// `(rotated & mask) | (RA & !mask)`: the insertion of `rlwimi` and `rldimi`.
fn insert(l: &mut Lifter, ra: usize, rotated: Value, mask: u64) -> Value {
    let kept = l.get(Reg::Gpr(ra));
    let kept = l.b.ins().band_imm_u(kept, !mask as i64);
    let moved = l.b.ins().band_imm_u(rotated, mask as i64);
    l.b.ins().bor(kept, moved)
}

/// 32-bit rotates: ROTL32 rotates the low word doubled into both halves, so wrapping masks
/// see copies in the high half.
fn rotate32(l: &mut Lifter, op: IntOp, i: Insn) {
    let s = l.get(Reg::Gpr(i.rs()));
    if op == IntOp::Rlwinm && i.mb() <= i.me() {
        // A mask inside the low word that keeps only bits the rotation brought from one side
        // (slwi, srwi, clrlwi and friends) needs one shift, not the doubled-word rotation.
        let (sh, mask) = (i.sh(), mask64(i.mb() + 32, i.me() + 32));
        let left = (0xffff_ffffu64 << sh) & 0xffff_ffff;
        if mask & !left == 0 {
            // Masked before the shift, `(s & (mask >> sh)) << sh`: the same bits, and a
            // shift last folds into an address that scales an index (`address_word`).
            let v = l.b.ins().band_imm_u(s, (mask >> sh) as i64);
            let r = l.b.ins().ishl_imm_u(v, i64::from(sh));
            l.write_ra(i, r);
            return;
        }
        if sh > 0 && mask == 0xffff_ffffu64 >> (32 - sh) {
            // srwi: a shift of the low word, whose 32-bit result the host zero-extends for
            // nothing (one instruction where the 64-bit shift needs a mask after it).
            let w = l.b.ins().ireduce(types::I32, s);
            let v = l.b.ins().ushr_imm_u(w, i64::from(32 - sh));
            let r = l.b.ins().uextend(types::I64, v);
            l.write_ra(i, r);
            return;
        }
        if sh > 0 && mask & !(0xffff_ffffu64 >> (32 - sh)) == 0 {
            let v = l.b.ins().ushr_imm_u(s, i64::from(32 - sh));
            let r = l.b.ins().band_imm_u(v, mask as i64);
            l.write_ra(i, r);
            return;
        }
    }
    let low = l.low_word(s, false);
    let high = l.b.ins().ishl_imm_u(low, 32);
    let doubled = l.b.ins().bor(low, high);
    let rotated = if op == IntOp::Rlwnm {
        // The doubled word repeats every 32 bits, so rotating it by RB (modulo 64, as
        // Cranelift rotates) is ROTL32 by RB & 31.
        let n = l.get(Reg::Gpr(i.rb()));
        l.b.ins().rotl(doubled, n)
    } else {
        l.b.ins().rotl_imm_u(doubled, i64::from(i.sh()))
    };
    let mask = mask64(i.mb() + 32, i.me() + 32);
    let r = if op == IntOp::Rlwimi {
        insert(l, i.ra(), rotated, mask)
    } else {
        l.b.ins().band_imm_u(rotated, mask as i64)
    };
    l.write_ra(i, r);
}

/// 64-bit rotates. The MD/MDS forms keep MB, or ME for the `r` forms, in the same field.
fn rotate64(l: &mut Lifter, op: IntOp, i: Insn) {
    use IntOp::*;
    let s = l.get(Reg::Gpr(i.rs()));
    let sh = i.sh64();
    let rotated = if matches!(op, Rldcl | Rldcr) {
        // Cranelift rotates by the amount modulo 64, which is RB & 63.
        let n = l.get(Reg::Gpr(i.rb()));
        l.b.ins().rotl(s, n)
    } else {
        l.b.ins().rotl_imm_u(s, i64::from(sh))
    };
    let b = i.mb64();
    if matches!(op, Rldicl | Rldicr | Rldic) {
        let mask = match op {
            Rldicl => mask64(b, 63),
            Rldicr => mask64(0, b),
            _ => mask64(b, 63 - sh),
        };
        // When the mask drops every bit the rotation wrapped around (sldi, srdi, clrldi...),
        // a plain shift does, and the mask only when it keeps less than the shift leaves.
        let left = u64::MAX << sh;
        let r = if mask & !left == 0 {
            if mask == left {
                l.b.ins().ishl_imm_u(s, i64::from(sh))
            } else {
                // Masked first, as `rlwinm` (shift last for `address_word`).
                let v = l.b.ins().band_imm_u(s, (mask >> sh) as i64);
                l.b.ins().ishl_imm_u(v, i64::from(sh))
            }
        } else if sh > 0 && mask & !(u64::MAX >> (64 - sh)) == 0 {
            let right = u64::MAX >> (64 - sh);
            let v = l.b.ins().ushr_imm_u(s, i64::from(64 - sh));
            if mask == right {
                v
            } else {
                l.b.ins().band_imm_u(v, mask as i64)
            }
        } else {
            let v = l.b.ins().rotl_imm_u(s, i64::from(sh));
            l.b.ins().band_imm_u(v, mask as i64)
        };
        l.write_ra(i, r);
        return;
    }
    let b = i.mb64();
    let r = match op {
        Rldimi => insert(l, i.ra(), rotated, mask64(b, 63 - sh)),
        _ => {
            let mask = match op {
                Rldicl | Rldcl => mask64(b, 63),
                Rldicr | Rldcr => mask64(0, b),
                _ => mask64(b, 63 - sh),
            };
            l.b.ins().band_imm_u(rotated, mask as i64)
        }
    };
    l.write_ra(i, r);
}

/// `slw`, `srw`, `sld`, `srd`. Register counts have one bit more than the width needs (6 bits
/// for words, 7 for doublewords), so counts past the width shift everything out.
fn shift_logical(l: &mut Lifter, op: IntOp, i: Insn) {
    let s = l.get(Reg::Gpr(i.rs()));
    let rb = l.get(Reg::Gpr(i.rb()));
    let r = match op {
        IntOp::Slw => {
            // The low word of s << n (n < 64) only depends on the low word of s.
            let n = l.b.ins().band_imm_u(rb, 63);
            let shifted = l.b.ins().ishl(s, n);
            l.b.ins().band_imm_u(shifted, 0xffff_ffff)
        }
        IntOp::Srw => {
            let n = l.b.ins().band_imm_u(rb, 63);
            let low = l.low_word(s, false);
            l.b.ins().ushr(low, n)
        }
        _ => {
            // Cranelift shifts by n & 63; bit 6 of the count clears the result.
            let n = l.b.ins().band_imm_u(rb, 127);
            let shifted = if op == IntOp::Sld {
                l.b.ins().ishl(s, n)
            } else {
                l.b.ins().ushr(s, n)
            };
            let out =
                l.b.ins()
                    .icmp_imm_u(IntCC::UnsignedGreaterThanOrEqual, n, 64);
            let zero = l.b.ins().iconst(types::I64, 0);
            l.b.ins().select(out, zero, shifted)
        }
    };
    l.write_ra(i, r);
}

/// `sraw`, `srawi`, `srad`, `sradi`. CA is set when the source is negative and a 1 bit was
/// shifted out, in both modes; counts of the width and more leave only the sign (and lose
/// every bit of the source).
fn shift_algebraic(l: &mut Lifter, op: IntOp, i: Insn) {
    use IntOp::*;
    let s = l.get(Reg::Gpr(i.rs()));
    let word = matches!(op, Sraw | Srawi);
    // The word forms work on the sign-extended low word: shifting it by up to 63 is the
    // same as shifting the word by up to 31.
    let src = if word { l.low_word(s, true) } else { s };
    let (r, lost_mask) = match op {
        Srawi | Sradi => {
            let n = if op == Srawi { i.sh() } else { i.sh64() };
            let r = l.b.ins().sshr_imm_u(src, i64::from(n));
            let lost = l.b.ins().iconst(types::I64, ((1u64 << n) - 1) as i64);
            (r, lost)
        }
        _ => {
            let rb = l.get(Reg::Gpr(i.rb()));
            let n = l.b.ins().band_imm_u(rb, if word { 63 } else { 127 });
            let one = l.b.ins().iconst(types::I64, 1);
            let bit_n = l.b.ins().ishl(one, n);
            let lost = l.b.ins().iadd_imm_s(bit_n, -1);
            if word {
                (l.b.ins().sshr(src, n), lost)
            } else {
                let max = l.b.ins().iconst(types::I64, 63);
                let clamped = l.b.ins().umin(n, max);
                let all = l.b.ins().iconst(types::I64, -1);
                let out =
                    l.b.ins()
                        .icmp_imm_u(IntCC::UnsignedGreaterThanOrEqual, n, 64);
                (
                    l.b.ins().sshr(src, clamped),
                    l.b.ins().select(out, all, lost),
                )
            }
        }
    };
    let lost = l.b.ins().band(src, lost_mask);
    let lost = l.b.ins().icmp_imm_u(IntCC::NotEqual, lost, 0);
    let negative = l.b.ins().icmp_imm_s(IntCC::SignedLessThan, src, 0);
    let ca = l.b.ins().band(negative, lost);
    let ca = l.flag(ca);
    l.set(Reg::Ca, ca);
    l.write_ra(i, r);
}

#[cfg(test)]
mod tests {
    use super::mask64;

    #[test]
    fn mask_follows_ibm_numbering_and_wraps() {
        assert_eq!(mask64(0, 63), u64::MAX);
        assert_eq!(mask64(32, 63), 0xffff_ffff);
        assert_eq!(mask64(0, 0), 1 << 63);
        assert_eq!(mask64(63, 0), (1 << 63) | 1);
    }
}
