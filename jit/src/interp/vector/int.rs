//! Placeholder until this family's execution lands: owns no operation yet.

use crate::interp::ExecResult;
use crate::isa::vector::VecOp;
use crate::isa::Insn;
use crate::Context;

pub fn exec(_op: VecOp, _i: Insn, _ctx: &mut Context) -> Option<ExecResult> {
    None
}
