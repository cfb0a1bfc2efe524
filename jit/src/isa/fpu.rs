//! Floating-point arithmetic, conversion, compare, move and FPSCR instructions.

use super::table::{def, form, Flags, InsnDef, Op};
use super::Operand::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FpuOp {
    Fadd,
}

const fn op(o: FpuOp) -> Op {
    Op::Fpu(o)
}

pub const ENTRIES: &[InsnDef] = &[def(
    "fadd",
    op(FpuOp::Fadd),
    form::a(63, 21),
    &[Frt, Fra, Frb],
    Flags::RC,
)
.fixed(0x7c0, 0)];
