//! Branches and the condition-register instructions.

use super::table::{def, form, Flags, InsnDef, Op};
use super::Operand::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BranchOp {
    B,
    Bc,
    Bclr,
    Bcctr,
}

const fn op(o: BranchOp) -> Op {
    Op::Branch(o)
}

pub const ENTRIES: &[InsnDef] = &[
    def(
        "b",
        op(BranchOp::B),
        form::d(18),
        &[TargetLi],
        Flags::LK.with(Flags::AA),
    ),
    def(
        "bc",
        op(BranchOp::Bc),
        form::d(16),
        &[Bo, Bi, TargetBd],
        Flags::LK.with(Flags::AA),
    ),
    def("blr", op(BranchOp::Bclr), form::x(19, 16), &[], Flags::NONE)
        .fixed(0x03ff_f801, 0x0280_0000),
    def(
        "bclr",
        op(BranchOp::Bclr),
        form::x(19, 16),
        &[Bo, Bi],
        Flags::LK,
    ),
    def(
        "bcctr",
        op(BranchOp::Bcctr),
        form::x(19, 528),
        &[Bo, Bi],
        Flags::LK,
    ),
];
