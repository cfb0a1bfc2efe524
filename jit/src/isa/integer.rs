//! Integer arithmetic, logical, compare, rotate and shift instructions.

use super::table::{def, form, Flags, InsnDef, Op};
use super::Operand::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntOp {
    Addi,
    Addis,
    Add,
    Ori,
    Or,
}

const fn op(o: IntOp) -> Op {
    Op::Integer(o)
}

pub const ENTRIES: &[InsnDef] = &[
    def("li", op(IntOp::Addi), form::d(14), &[Rt, Simm], Flags::NONE).fixed(0x001f_0000, 0),
    def(
        "addi",
        op(IntOp::Addi),
        form::d(14),
        &[Rt, Ra0, Simm],
        Flags::NONE,
    ),
    def(
        "lis",
        op(IntOp::Addis),
        form::d(15),
        &[Rt, Simm],
        Flags::NONE,
    )
    .fixed(0x001f_0000, 0),
    def(
        "addis",
        op(IntOp::Addis),
        form::d(15),
        &[Rt, Ra0, Simm],
        Flags::NONE,
    ),
    def(
        "add",
        op(IntOp::Add),
        form::xo(31, 266),
        &[Rt, Ra, Rb],
        Flags::RC.with(Flags::OE),
    ),
    def("nop", op(IntOp::Ori), form::d(24), &[], Flags::NONE).fixed(0x03ff_ffff, 0),
    def(
        "ori",
        op(IntOp::Ori),
        form::d(24),
        &[Ra, Rt, Uimm],
        Flags::NONE,
    ),
    def("mr", op(IntOp::Or), form::x(31, 444), &[Ra, Rt], Flags::RC).when(|i| i.rs() == i.rb()),
    def(
        "or",
        op(IntOp::Or),
        form::x(31, 444),
        &[Ra, Rt, Rb],
        Flags::RC,
    ),
];
