//! Vector execution belongs to the vector unit issue; until then every vector instruction
//! exits as unimplemented so a program can never silently compute a wrong value.

use super::{ExecResult, Exit};
use crate::isa::vector::VecOp;
use crate::isa::Insn;
use crate::{Context, Memory};

pub fn exec(_op: VecOp, i: Insn, _ctx: &mut Context, _mem: &Memory) -> ExecResult {
    Err(Exit::Invalid { word: i.0 })
}
