//! Compares, logical operations, sign extension and leading-zero counts.

use super::write_ra;
use crate::isa::integer::IntOp;
use crate::isa::Insn;
use crate::Context;
use std::cmp::Ordering;

/// A CR field for an ordering, with SO copied from XER.
fn cr_value(ctx: &Context, ord: Ordering) -> u32 {
    let bits = match ord {
        Ordering::Less => 0b1000,
        Ordering::Greater => 0b0100,
        Ordering::Equal => 0b0010,
    };
    bits | u32::from(ctx.xer_so)
}

/// L=0 compares the low words in either mode; L=1 the doublewords.
pub fn compare(op: IntOp, i: Insn, ctx: &mut Context) {
    let a = ctx.gpr[i.ra()];
    let wide = i.l_cmp();
    let ord = match op {
        IntOp::Cmp | IntOp::Cmpi => {
            let b = if op == IntOp::Cmp {
                ctx.gpr[i.rb()]
            } else {
                i.simm() as u64
            };
            if wide {
                (a as i64).cmp(&(b as i64))
            } else {
                (a as i32).cmp(&(b as i32))
            }
        }
        IntOp::Cmpl | IntOp::Cmpli => {
            let b = if op == IntOp::Cmpl {
                ctx.gpr[i.rb()]
            } else {
                i.uimm()
            };
            if wide {
                a.cmp(&b)
            } else {
                (a as u32).cmp(&(b as u32))
            }
        }
        other => unreachable!("{other:?} is not a compare"),
    };
    let field = cr_value(ctx, ord);
    ctx.set_cr_field(i.crfd(), field);
}

/// D-form logicals. The `and` forms have no Rc bit because they always record.
pub fn immediate(op: IntOp, i: Insn, ctx: &mut Context) {
    let s = ctx.gpr[i.rs()];
    let u = i.uimm();
    let value = match op {
        IntOp::Andi => s & u,
        IntOp::Andis => s & (u << 16),
        IntOp::Ori => s | u,
        IntOp::Oris => s | (u << 16),
        IntOp::Xori => s ^ u,
        IntOp::Xoris => s ^ (u << 16),
        other => unreachable!("{other:?} is not an immediate logical"),
    };
    ctx.gpr[i.ra()] = value;
    if matches!(op, IntOp::Andi | IntOp::Andis) {
        ctx.record_cr0(value);
    }
}

pub fn binary(op: IntOp, i: Insn, ctx: &mut Context) {
    let s = ctx.gpr[i.rs()];
    let b = ctx.gpr[i.rb()];
    let value = match op {
        IntOp::And => s & b,
        IntOp::Andc => s & !b,
        IntOp::Or => s | b,
        IntOp::Orc => s | !b,
        IntOp::Xor => s ^ b,
        IntOp::Nand => !(s & b),
        IntOp::Nor => !(s | b),
        IntOp::Eqv => !(s ^ b),
        other => unreachable!("{other:?} is not a binary logical"),
    };
    write_ra(i, ctx, value);
}

pub fn unary(op: IntOp, i: Insn, ctx: &mut Context) {
    let s = ctx.gpr[i.rs()];
    let value = match op {
        IntOp::Extsb => s as i8 as u64,
        IntOp::Extsh => s as i16 as u64,
        IntOp::Extsw => s as i32 as u64,
        IntOp::Cntlzw => u64::from((s as u32).leading_zeros()),
        IntOp::Cntlzd => u64::from(s.leading_zeros()),
        other => unreachable!("{other:?} is not a unary integer operation"),
    };
    write_ra(i, ctx, value);
}
