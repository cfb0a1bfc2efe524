//! Loads and stores: integer, floating-point, string, multiple, reservation forms.
//! (The vector loads and stores live with the vector family.)
//!
//! Invalid forms the ISA defines statically do not decode, so they exit as invalid
//! instructions, as objdump (which prints them as `.long`) and qemu-ppc64 (SIGILL) treat
//! them: update forms with RA = 0, integer load-with-update with RA = RT, lmw with RA in the
//! range of loaded registers, lswi with RT = RA, lswx with RT = RA or RT = RB. The rest of
//! the register-range rules of lswi/lswx (which depend on NB or XER) are checked when
//! executing.

use super::table::{def, form, Flags, InsnDef, Op};
use super::{Insn, Operand, Operand::*};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LsOp {
    Lbz,
    Lbzu,
    Lbzx,
    Lbzux,
    Lhz,
    Lhzu,
    Lhzx,
    Lhzux,
    Lha,
    Lhau,
    Lhax,
    Lhaux,
    Lwz,
    Lwzu,
    Lwzx,
    Lwzux,
    Lwa,
    Lwax,
    Lwaux,
    Ld,
    Ldu,
    Ldx,
    Ldux,
    Stb,
    Stbu,
    Stbx,
    Stbux,
    Sth,
    Sthu,
    Sthx,
    Sthux,
    Stw,
    Stwu,
    Stwx,
    Stwux,
    Std,
    Stdu,
    Stdx,
    Stdux,
    Lhbrx,
    Lwbrx,
    Sthbrx,
    Stwbrx,
    Lmw,
    Stmw,
    Lswi,
    Lswx,
    Stswi,
    Stswx,
    Lwarx,
    Ldarx,
    Stwcx,
    Stdcx,
    Lfs,
    Lfsu,
    Lfsx,
    Lfsux,
    Lfd,
    Lfdu,
    Lfdx,
    Lfdux,
    Stfs,
    Stfsu,
    Stfsx,
    Stfsux,
    Stfd,
    Stfdu,
    Stfdx,
    Stfdux,
    Stfiwx,
}

const fn op(o: LsOp) -> Op {
    Op::LoadStore(o)
}

/// Update forms need a base register to update.
fn has_base(i: Insn) -> bool {
    i.ra() != 0
}

/// Integer loads with update also must not load into the base register.
fn load_update_valid(i: Insn) -> bool {
    i.ra() != 0 && i.ra() != i.rt()
}

const D_GPR: &[Operand] = &[Rt, Disp];
const D_FPR: &[Operand] = &[Frt, Disp];
const DS_GPR: &[Operand] = &[Rt, DispDs];
const X_GPR: &[Operand] = &[Rt, Ra0, Rb];
const XU_GPR: &[Operand] = &[Rt, Ra, Rb];
const X_FPR: &[Operand] = &[Frt, Ra0, Rb];
const XU_FPR: &[Operand] = &[Frt, Ra, Rb];

const fn d(name: &'static str, o: LsOp, po: u32, ops: &'static [Operand]) -> InsnDef {
    def(name, op(o), form::d(po), ops, Flags::NONE)
}

const fn ds(name: &'static str, o: LsOp, po: u32, xo: u32) -> InsnDef {
    def(name, op(o), form::ds(po, xo), DS_GPR, Flags::NONE)
}

const fn x(name: &'static str, o: LsOp, xo: u32, ops: &'static [Operand]) -> InsnDef {
    def(name, op(o), form::x(31, xo), ops, Flags::NONE)
}

/// Frees bit 31, which the X form otherwise requires to be zero.
const fn with_eh(mut d: InsnDef) -> InsnDef {
    d.mask &= !1;
    d.bits &= !1;
    d
}

pub const ENTRIES: &[InsnDef] = &[
    // Integer loads.
    d("lbz", LsOp::Lbz, 34, D_GPR),
    d("lbzu", LsOp::Lbzu, 35, D_GPR).when(load_update_valid),
    x("lbzx", LsOp::Lbzx, 87, X_GPR),
    x("lbzux", LsOp::Lbzux, 119, XU_GPR).when(load_update_valid),
    d("lhz", LsOp::Lhz, 40, D_GPR),
    d("lhzu", LsOp::Lhzu, 41, D_GPR).when(load_update_valid),
    x("lhzx", LsOp::Lhzx, 279, X_GPR),
    x("lhzux", LsOp::Lhzux, 311, XU_GPR).when(load_update_valid),
    d("lha", LsOp::Lha, 42, D_GPR),
    d("lhau", LsOp::Lhau, 43, D_GPR).when(load_update_valid),
    x("lhax", LsOp::Lhax, 343, X_GPR),
    x("lhaux", LsOp::Lhaux, 375, XU_GPR).when(load_update_valid),
    d("lwz", LsOp::Lwz, 32, D_GPR),
    d("lwzu", LsOp::Lwzu, 33, D_GPR).when(load_update_valid),
    x("lwzx", LsOp::Lwzx, 23, X_GPR),
    x("lwzux", LsOp::Lwzux, 55, XU_GPR).when(load_update_valid),
    ds("lwa", LsOp::Lwa, 58, 2),
    x("lwax", LsOp::Lwax, 341, X_GPR),
    x("lwaux", LsOp::Lwaux, 373, XU_GPR).when(load_update_valid),
    ds("ld", LsOp::Ld, 58, 0),
    ds("ldu", LsOp::Ldu, 58, 1).when(load_update_valid),
    x("ldx", LsOp::Ldx, 21, X_GPR),
    x("ldux", LsOp::Ldux, 53, XU_GPR).when(load_update_valid),
    // Integer stores.
    d("stb", LsOp::Stb, 38, D_GPR),
    d("stbu", LsOp::Stbu, 39, D_GPR).when(has_base),
    x("stbx", LsOp::Stbx, 215, X_GPR),
    x("stbux", LsOp::Stbux, 247, XU_GPR).when(has_base),
    d("sth", LsOp::Sth, 44, D_GPR),
    d("sthu", LsOp::Sthu, 45, D_GPR).when(has_base),
    x("sthx", LsOp::Sthx, 407, X_GPR),
    x("sthux", LsOp::Sthux, 439, XU_GPR).when(has_base),
    d("stw", LsOp::Stw, 36, D_GPR),
    d("stwu", LsOp::Stwu, 37, D_GPR).when(has_base),
    x("stwx", LsOp::Stwx, 151, X_GPR),
    x("stwux", LsOp::Stwux, 183, XU_GPR).when(has_base),
    ds("std", LsOp::Std, 62, 0),
    ds("stdu", LsOp::Stdu, 62, 1).when(has_base),
    x("stdx", LsOp::Stdx, 149, X_GPR),
    x("stdux", LsOp::Stdux, 181, XU_GPR).when(has_base),
    // Byte-reversed.
    x("lhbrx", LsOp::Lhbrx, 790, X_GPR),
    x("lwbrx", LsOp::Lwbrx, 534, X_GPR),
    x("sthbrx", LsOp::Sthbrx, 918, X_GPR),
    x("stwbrx", LsOp::Stwbrx, 662, X_GPR),
    // Multiple and string.
    d("lmw", LsOp::Lmw, 46, D_GPR).when(|i| i.ra() < i.rt()),
    d("stmw", LsOp::Stmw, 47, D_GPR),
    x("lswi", LsOp::Lswi, 597, &[Rt, Ra0, Nb]).when(|i| i.rt() != i.ra()),
    x("lswx", LsOp::Lswx, 533, X_GPR).when(|i| i.rt() != i.ra() && i.rt() != i.rb()),
    x("stswi", LsOp::Stswi, 725, &[Rt, Ra0, Nb]),
    x("stswx", LsOp::Stswx, 661, X_GPR),
    // Reservations. Bit 31 of lwarx/ldarx is the EH hint (ignored); of the conditional
    // stores it is a fixed 1 (they always record).
    with_eh(x("lwarx", LsOp::Lwarx, 20, &[Rt, Ra0, Rb, Eh])),
    with_eh(x("ldarx", LsOp::Ldarx, 84, &[Rt, Ra0, Rb, Eh])),
    x("stwcx.", LsOp::Stwcx, 150, X_GPR).fixed(1, 1),
    x("stdcx.", LsOp::Stdcx, 214, X_GPR).fixed(1, 1),
    // Floating-point loads.
    d("lfs", LsOp::Lfs, 48, D_FPR),
    d("lfsu", LsOp::Lfsu, 49, D_FPR).when(has_base),
    x("lfsx", LsOp::Lfsx, 535, X_FPR),
    x("lfsux", LsOp::Lfsux, 567, XU_FPR).when(has_base),
    d("lfd", LsOp::Lfd, 50, D_FPR),
    d("lfdu", LsOp::Lfdu, 51, D_FPR).when(has_base),
    x("lfdx", LsOp::Lfdx, 599, X_FPR),
    x("lfdux", LsOp::Lfdux, 631, XU_FPR).when(has_base),
    // Floating-point stores.
    d("stfs", LsOp::Stfs, 52, D_FPR),
    d("stfsu", LsOp::Stfsu, 53, D_FPR).when(has_base),
    x("stfsx", LsOp::Stfsx, 663, X_FPR),
    x("stfsux", LsOp::Stfsux, 695, XU_FPR).when(has_base),
    d("stfd", LsOp::Stfd, 54, D_FPR),
    d("stfdu", LsOp::Stfdu, 55, D_FPR).when(has_base),
    x("stfdx", LsOp::Stfdx, 727, X_FPR),
    x("stfdux", LsOp::Stfdux, 759, XU_FPR).when(has_base),
    x("stfiwx", LsOp::Stfiwx, 983, X_FPR),
];
