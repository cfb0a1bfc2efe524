//! Floating point.

use super::{ExecResult, Exit};
use crate::isa::fpu::FpuOp;
use crate::isa::Insn;
use crate::Context;

pub fn exec(op: FpuOp, i: Insn, _ctx: &mut Context) -> ExecResult {
    match op {
        FpuOp::Fadd => Err(Exit::Invalid { word: i.0 }),
    }
}
