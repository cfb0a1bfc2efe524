//! Vector execution: VMX (AltiVec), VMX128 and the vector loads and stores.
//!
//! Registers hold guest element 0 in the most significant bits (`Context::vr`); `lanes`
//! converts between that and arrays indexed by guest element, the one place the element
//! order is decided. Each family module returns `None` for operations it does not own, so
//! the dispatcher can ask them in turn; an operation nobody executes exits as invalid
//! rather than computing anything.

mod fp;
mod int;
pub mod lanes;
mod mem;

use super::{ExecResult, Exit};
use crate::isa::vector::VecOp;
use crate::isa::Insn;
use crate::{Context, Memory};

pub fn exec(op: VecOp, i: Insn, ctx: &mut Context, mem: &Memory) -> ExecResult {
    if let Some(r) = int::exec(op, i, ctx) {
        return r;
    }
    if let Some(r) = fp::exec(op, i, ctx) {
        return r;
    }
    if let Some(r) = mem::exec(op, i, ctx, mem) {
        return r;
    }
    Err(Exit::Invalid { word: i.0 })
}
