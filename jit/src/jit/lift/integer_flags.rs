//! XER and CR0 side effects of the integer instructions: carry, overflow (with sticky SO) and
//! the common endings of XO- and X-form instructions, as `interp::integer` defines them.
//!
//! XER bits are i64 0/1 values in generated code. In 32-bit mode (MSR[SF]=0) CA and OV of the
//! add/subtract family describe the low word, so they are judged at bit 31 instead of bit 63.

use super::super::{Lifter, Reg};
use crate::isa::Insn;
use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder, Value};

impl Lifter<'_, '_> {
    /// The bit at which the current mode judges carry and overflow.
    fn top_bit(&self) -> i64 {
        if self.sf {
            63
        } else {
            31
        }
    }

    /// Bit `n` of the i64 `v`, as an i64 0/1.
    fn bit(&mut self, v: Value, n: i64) -> Value {
        let shifted = self.b.ins().ushr_imm_u(v, n);
        if n == 63 {
            shifted
        } else {
            self.b.ins().band_imm_u(shifted, 1)
        }
    }

    /// The carry out of the mode's width for `sum = x + y + carry_in`: at the top bit, the
    /// majority of x, y and the carry into that bit, which is `x ^ y ^ sum`.
    pub(super) fn carry_out(&mut self, x: Value, y: Value, sum: Value) -> Value {
        let both = self.b.ins().band(x, y);
        let either = self.b.ins().bor(x, y);
        let either_carried = self.b.ins().band_not(either, sum);
        let carries = self.b.ins().bor(both, either_carried);
        let top = self.top_bit();
        self.bit(carries, top)
    }

    /// Signed overflow of `sum = x + y + carry_in` in the mode's width: the addends agree in
    /// sign and the sum does not.
    pub(super) fn overflow_out(&mut self, x: Value, y: Value, sum: Value) -> Value {
        let x_flip = self.b.ins().bxor(x, sum);
        let y_flip = self.b.ins().bxor(y, sum);
        let flips = self.b.ins().band(x_flip, y_flip);
        let top = self.top_bit();
        self.bit(flips, top)
    }

    /// An i8 condition as an i64 0/1.
    pub(super) fn flag(&mut self, cond: Value) -> Value {
        self.b.ins().uextend(types::I64, cond)
    }

    /// XER[OV] = `overflow`, and XER[SO] |= `overflow` (SO is sticky).
    fn set_overflow(&mut self, overflow: Value) {
        let so = self.get(Reg::So);
        let so = self.b.ins().bor(so, overflow);
        self.set(Reg::Ov, overflow);
        self.set(Reg::So, so);
    }

    /// The end of an XO-form instruction: OV and SO when OE is set (`overflow` is only asked
    /// for then), RT, then CR0 when Rc is set, so that CR0 copies the new SO.
    pub(super) fn finish_xo(
        &mut self,
        i: Insn,
        value: Value,
        overflow: impl FnOnce(&mut Self) -> Value,
    ) {
        if i.oe() {
            let ov = overflow(self);
            self.set_overflow(ov);
        }
        self.set(Reg::Gpr(i.rt()), value);
        if i.rc() {
            self.record_cr0(i.rt());
        }
    }

    /// The end of an X-form instruction: RA, then CR0 when Rc is set.
    pub(super) fn write_ra(&mut self, i: Insn, value: Value) {
        self.set(Reg::Gpr(i.ra()), value);
        if i.rc() {
            self.record_cr0(i.ra());
        }
    }

    /// `a / b` in the type of `a` (i32 or i64) without ever trapping on the host: a zero
    /// divisor, or MIN / -1 when signed, gives a quotient of 0 and overflow 1 (an i64 0/1),
    /// the interpreter's results for the cases the ISA leaves undefined.
    pub(super) fn checked_div(&mut self, a: Value, b: Value, signed: bool) -> (Value, Value) {
        let ty = self.b.func.dfg.value_type(a);
        let mut bad = self.b.ins().icmp_imm_s(IntCC::Equal, b, 0);
        if signed {
            let min = if ty == types::I32 {
                i64::from(i32::MIN)
            } else {
                i64::MIN
            };
            let a_min = self.b.ins().icmp_imm_s(IntCC::Equal, a, min);
            let b_minus_one = self.b.ins().icmp_imm_s(IntCC::Equal, b, -1);
            let wraps = self.b.ins().band(a_min, b_minus_one);
            bad = self.b.ins().bor(bad, wraps);
        }
        let one = self.b.ins().iconst(ty, 1);
        let divisor = self.b.ins().select(bad, one, b);
        let q = if signed {
            self.b.ins().sdiv(a, divisor)
        } else {
            self.b.ins().udiv(a, divisor)
        };
        let zero = self.b.ins().iconst(ty, 0);
        let q = self.b.ins().select(bad, zero, q);
        (q, self.flag(bad))
    }
}
