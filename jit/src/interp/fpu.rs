//! Floating point.

use super::{ExecResult, Exit};
use crate::isa::fpu::FpuOp;
use crate::isa::Insn;
use crate::Context;

pub fn exec(_op: FpuOp, i: Insn, _ctx: &mut Context) -> ExecResult {
    Err(Exit::Invalid { word: i.0 })
}
