//! System call, traps, synchronization, cache management, SPRs.

use super::{ExecResult, Exit};
use crate::isa::system::SysOp;
use crate::isa::Insn;
use crate::{Context, Memory};

pub fn exec(op: SysOp, i: Insn, _ctx: &mut Context, _mem: &Memory) -> ExecResult {
    match op {
        SysOp::Sc => Err(Exit::Syscall {
            lev: (i.0 >> 5) & 0x7f,
        }),
    }
}
