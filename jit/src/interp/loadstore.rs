//! Loads and stores.

use super::{ea_disp, ExecResult};
use crate::isa::loadstore::LsOp;
use crate::isa::Insn;
use crate::{Context, Memory};

pub fn exec(op: LsOp, i: Insn, ctx: &mut Context, mem: &Memory) -> ExecResult {
    match op {
        LsOp::Lwz => {
            let v = mem.read_u32(ea_disp(ctx, i.ra(), i.simm()))?;
            ctx.gpr[i.rt()] = u64::from(v);
        }
        LsOp::Stw => mem.write_u32(ea_disp(ctx, i.ra(), i.simm()), ctx.gpr[i.rs()] as u32)?,
    }
    Ok(())
}
