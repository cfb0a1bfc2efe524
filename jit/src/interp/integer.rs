//! Integer arithmetic, logical, compare, rotate and shift.

use super::ExecResult;
use crate::isa::integer::IntOp;
use crate::isa::Insn;
use crate::Context;

pub fn exec(op: IntOp, i: Insn, ctx: &mut Context) -> ExecResult {
    match op {
        IntOp::Addi => {
            let a = if i.ra() == 0 { 0 } else { ctx.gpr[i.ra()] };
            ctx.gpr[i.rt()] = a.wrapping_add(i.simm() as u64);
        }
        IntOp::Addis => {
            let a = if i.ra() == 0 { 0 } else { ctx.gpr[i.ra()] };
            ctx.gpr[i.rt()] = a.wrapping_add((i.simm() << 16) as u64);
        }
        IntOp::Add => {
            let r = ctx.gpr[i.ra()].wrapping_add(ctx.gpr[i.rb()]);
            ctx.gpr[i.rt()] = r;
            if i.rc() {
                ctx.record_cr0(r);
            }
        }
        IntOp::Ori => ctx.gpr[i.ra()] = ctx.gpr[i.rs()] | i.uimm(),
        IntOp::Or => {
            let r = ctx.gpr[i.rs()] | ctx.gpr[i.rb()];
            ctx.gpr[i.ra()] = r;
            if i.rc() {
                ctx.record_cr0(r);
            }
        }
    }
    Ok(())
}
