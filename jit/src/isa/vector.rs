//! VMX (AltiVec), VMX128 and the Xenon vector loads and stores. Decoded and disassembled
//! here; executed by the vector issue's interpreter and lifter modules.

use super::table::{def, form, Flags, InsnDef, Op};
use super::Operand::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VecOp {
    Vaddfp,
}

const fn op(o: VecOp) -> Op {
    Op::Vector(o)
}

pub const ENTRIES: &[InsnDef] = &[def(
    "vaddfp",
    op(VecOp::Vaddfp),
    form::vx(4, 10),
    &[Vd, Va, Vb],
    Flags::NONE,
)];
