//! System call, traps, synchronization, cache management, SPR and time-base access, hints.

use super::table::{def, form, Flags, InsnDef, Op};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SysOp {
    Sc,
}

const fn op(o: SysOp) -> Op {
    Op::System(o)
}

pub const ENTRIES: &[InsnDef] = &[def(
    "sc",
    op(SysOp::Sc),
    (0xffff_ffff, 0x4400_0002),
    &[],
    Flags::NONE,
)];
const _: (u32, u32) = form::d(17);
