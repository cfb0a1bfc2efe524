//! Branches and condition-register instructions.

use super::ExecResult;
use crate::isa::branch::BranchOp;
use crate::isa::Insn;
use crate::Context;

pub fn exec(op: BranchOp, i: Insn, pc: u32, ctx: &mut Context) -> ExecResult {
    match op {
        BranchOp::B => {
            let target = if i.aa() {
                i.li() as u32
            } else {
                pc.wrapping_add(i.li() as u32)
            };
            if i.lk() {
                ctx.lr = u64::from(pc.wrapping_add(4));
            }
            ctx.pc = target;
        }
        BranchOp::Bc | BranchOp::Bclr | BranchOp::Bcctr => {
            let bo = i.bo();
            if bo & 0b00100 == 0 {
                ctx.ctr = ctx.ctr.wrapping_sub(1);
            }
            let ctr = if ctx.is_64bit() {
                ctx.ctr
            } else {
                ctx.ctr & 0xffff_ffff
            };
            let ctr_ok = bo & 0b00100 != 0 || ((ctr != 0) ^ (bo & 0b00010 != 0));
            let cond_ok = bo & 0b10000 != 0 || (ctx.cr_bit(i.bi()) == (bo & 0b01000 != 0));
            let target = match op {
                BranchOp::Bc => {
                    if i.aa() {
                        i.bd() as u32
                    } else {
                        pc.wrapping_add(i.bd() as u32)
                    }
                }
                BranchOp::Bclr => (ctx.lr as u32) & !3,
                _ => (ctx.ctr as u32) & !3,
            };
            if i.lk() {
                ctx.lr = u64::from(pc.wrapping_add(4));
            }
            if ctr_ok && cond_ok {
                ctx.pc = target;
            }
        }
    }
    Ok(())
}
