//! Loads and stores: integer, floating-point, string, multiple, reservation forms.

use super::table::{def, form, Flags, InsnDef, Op};
use super::Operand::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LsOp {
    Lwz,
    Stw,
}

const fn op(o: LsOp) -> Op {
    Op::LoadStore(o)
}

pub const ENTRIES: &[InsnDef] = &[
    def("lwz", op(LsOp::Lwz), form::d(32), &[Rt, Disp], Flags::NONE),
    def("stw", op(LsOp::Stw), form::d(36), &[Rt, Disp], Flags::NONE),
];
