//! Placeholder until vector loads and stores land: owns no operation yet.

use crate::interp::ExecResult;
use crate::isa::vector::VecOp;
use crate::isa::Insn;
use crate::{Context, Memory};

pub fn exec(_op: VecOp, _i: Insn, _ctx: &mut Context, _mem: &Memory) -> Option<ExecResult> {
    None
}
