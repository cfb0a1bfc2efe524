//! Integer instructions lifted natively. Instructions not handled here (and OE forms, whose
//! overflow logic lives in the interpreter for now) return `false` and run in the interpreter.

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
    /// Sets CR field `n` to the low four bits of `field` (an i32).
    pub fn set_cr_field(&mut self, n: u32, field: Value) {
        let shift = 28 - 4 * n;
        let cr = self.get(Reg::Cr);
        let kept = self.b.ins().band_imm_u(cr, !(0xfi64 << shift) & 0xffff_ffff);
        let moved = self.b.ins().ishl_imm_u(field, i64::from(shift));
        let cr = self.b.ins().bor(kept, moved);
        self.set(Reg::Cr, cr);
    }

    /// LT/GT/EQ from a signed or unsigned comparison of `a` and `b`, plus XER[SO], as an i32.
    pub fn compare_field(&mut self, a: Value, b: Value, signed: bool) -> Value {
        let (lt, gt) = if signed {
            (IntCC::SignedLessThan, IntCC::SignedGreaterThan)
        } else {
            (IntCC::UnsignedLessThan, IntCC::UnsignedGreaterThan)
        };
        let lt = self.b.ins().icmp(lt, a, b);
        let gt = self.b.ins().icmp(gt, a, b);
        let eq = self.b.ins().icmp(IntCC::Equal, a, b);
        let lt = self.b.ins().uextend(types::I32, lt);
        let gt = self.b.ins().uextend(types::I32, gt);
        let eq = self.b.ins().uextend(types::I32, eq);
        let lt = self.b.ins().ishl_imm_u(lt, 3);
        let gt = self.b.ins().ishl_imm_u(gt, 2);
        let eq = self.b.ins().ishl_imm_u(eq, 1);
        let so = self.get(Reg::So);
        let so = self.b.ins().ireduce(types::I32, so);
        let f = self.b.ins().bor(lt, gt);
        let f = self.b.ins().bor(f, eq);
        self.b.ins().bor(f, so)
    }

    /// CR0 of a recording instruction: the result compared with zero as a signed 64-bit
    /// value, or as its signed low word in 32-bit mode.
    pub fn record_cr0(&mut self, result: Value) {
        let v = if self.sf {
            result
        } else {
            let low = self.b.ins().ireduce(types::I32, result);
            self.b.ins().sextend(types::I64, low)
        };
        let zero = self.b.ins().iconst(types::I64, 0);
        let field = self.compare_field(v, zero, true);
        self.set_cr_field(0, field);
    }

    /// The low word of a register, extended to 64 bits.
    fn low_word(&mut self, v: Value, signed: bool) -> Value {
        let w = self.b.ins().ireduce(types::I32, v);
        if signed {
            self.b.ins().sextend(types::I64, w)
        } else {
            self.b.ins().uextend(types::I64, w)
        }
    }
}

pub fn lift(l: &mut Lifter, op: IntOp, i: Insn) -> bool {
    let (rt, ra, rb) = (i.rt(), i.ra(), i.rb());
    match op {
        IntOp::Addi | IntOp::Addis => {
            let a = l.gpr_or_zero(ra);
            let imm = if op == IntOp::Addis { i.simm() << 16 } else { i.simm() };
            let r = l.b.ins().iadd_imm_s(a, imm);
            l.set(Reg::Gpr(rt), r);
        }
        IntOp::Add | IntOp::Subf | IntOp::Neg if !i.oe() => {
            let a = l.get(Reg::Gpr(ra));
            let r = match op {
                IntOp::Add => {
                    let b = l.get(Reg::Gpr(rb));
                    l.b.ins().iadd(a, b)
                }
                IntOp::Subf => {
                    let b = l.get(Reg::Gpr(rb));
                    l.b.ins().isub(b, a)
                }
                _ => l.b.ins().ineg(a),
            };
            l.set(Reg::Gpr(rt), r);
            if i.rc() {
                l.record_cr0(r);
            }
        }
        IntOp::Ori | IntOp::Oris | IntOp::Xori | IntOp::Xoris | IntOp::Andi | IntOp::Andis => {
            let s = l.get(Reg::Gpr(rt));
            let imm = match op {
                IntOp::Oris | IntOp::Xoris | IntOp::Andis => (i.uimm() << 16) as i64,
                _ => i.uimm() as i64,
            };
            let r = match op {
                IntOp::Ori | IntOp::Oris => l.b.ins().bor_imm_s(s, imm),
                IntOp::Xori | IntOp::Xoris => l.b.ins().bxor_imm_s(s, imm),
                _ => l.b.ins().band_imm_s(s, imm),
            };
            l.set(Reg::Gpr(ra), r);
            if matches!(op, IntOp::Andi | IntOp::Andis) {
                l.record_cr0(r);
            }
        }
        IntOp::And | IntOp::Or | IntOp::Xor | IntOp::Andc | IntOp::Orc | IntOp::Nor | IntOp::Nand | IntOp::Eqv => {
            let s = l.get(Reg::Gpr(rt));
            let b = l.get(Reg::Gpr(rb));
            let r = match op {
                IntOp::And => l.b.ins().band(s, b),
                IntOp::Or => l.b.ins().bor(s, b),
                IntOp::Xor => l.b.ins().bxor(s, b),
                IntOp::Andc => l.b.ins().band_not(s, b),
                IntOp::Orc => l.b.ins().bor_not(s, b),
                IntOp::Nor => {
                    let o = l.b.ins().bor(s, b);
                    l.b.ins().bnot(o)
                }
                IntOp::Nand => {
                    let a = l.b.ins().band(s, b);
                    l.b.ins().bnot(a)
                }
                _ => {
                    let x = l.b.ins().bxor(s, b);
                    l.b.ins().bnot(x)
                }
            };
            l.set(Reg::Gpr(ra), r);
            if i.rc() {
                l.record_cr0(r);
            }
        }
        IntOp::Extsb | IntOp::Extsh | IntOp::Extsw => {
            let s = l.get(Reg::Gpr(rt));
            let ty = match op {
                IntOp::Extsb => types::I8,
                IntOp::Extsh => types::I16,
                _ => types::I32,
            };
            let n = l.b.ins().ireduce(ty, s);
            let r = l.b.ins().sextend(types::I64, n);
            l.set(Reg::Gpr(ra), r);
            if i.rc() {
                l.record_cr0(r);
            }
        }
        IntOp::Rlwinm => {
            // ROTL32 rotates the doubled low word, so wrapping masks see copies in the high half.
            let s = l.get(Reg::Gpr(rt));
            let low = l.low_word(s, false);
            let high = l.b.ins().ishl_imm_u(low, 32);
            let doubled = l.b.ins().bor(low, high);
            let rot = l.b.ins().rotl_imm_u(doubled, i64::from(i.sh()));
            let r = l.b.ins().band_imm_s(rot, mask64(i.mb() + 32, i.me() + 32) as i64);
            l.set(Reg::Gpr(ra), r);
            if i.rc() {
                l.record_cr0(r);
            }
        }
        IntOp::Cmp | IntOp::Cmpl | IntOp::Cmpi | IntOp::Cmpli => {
            let signed = matches!(op, IntOp::Cmp | IntOp::Cmpi);
            let a = l.get(Reg::Gpr(ra));
            let b = match op {
                IntOp::Cmp | IntOp::Cmpl => l.get(Reg::Gpr(rb)),
                IntOp::Cmpi => l.b.ins().iconst(types::I64, i.simm()),
                _ => l.b.ins().iconst(types::I64, i.uimm() as i64),
            };
            let (a, b) = if i.l_cmp() {
                (a, b)
            } else {
                (l.low_word(a, signed), l.low_word(b, signed))
            };
            let field = l.compare_field(a, b, signed);
            l.set_cr_field(i.crfd(), field);
        }
        _ => return false,
    }
    true
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
