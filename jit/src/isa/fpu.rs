//! Floating-point arithmetic, conversion, compare, move and FPSCR instructions.
//!
//! Reserved fields follow GNU objdump (`-M cell`): a word with a nonzero reserved field is
//! not an instruction (`.long`), with two exceptions objdump makes and we copy:
//! `fres`/`frsqrte` accept 1 in the FRA position (printed as a third operand `,1`), and
//! `mtfsf` ignores bits 6 and 15 (the later ISA's L and W fields).

use super::disasm::{pad, standard};
use super::table::{def, form, Flags, InsnDef, Op};
use super::Insn;
use super::Operand::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FpuOp {
    Fadd,
    Fadds,
    Fsub,
    Fsubs,
    Fmul,
    Fmuls,
    Fdiv,
    Fdivs,
    Fsqrt,
    Fsqrts,
    Fres,
    Frsqrte,
    Fsel,
    Fmadd,
    Fmadds,
    Fmsub,
    Fmsubs,
    Fnmadd,
    Fnmadds,
    Fnmsub,
    Fnmsubs,
    Frsp,
    Fctiw,
    Fctiwz,
    Fctid,
    Fctidz,
    Fcfid,
    Fcmpu,
    Fcmpo,
    Fmr,
    Fneg,
    Fabs,
    Fnabs,
    Mffs,
    Mtfsf,
    Mtfsfi,
    Mtfsb0,
    Mtfsb1,
    Mcrfs,
}

const fn op(o: FpuOp) -> Op {
    Op::Fpu(o)
}

/// FRA field (bits 11..15).
const FRA_FIELD: u32 = 0x001f_0000;
/// FRB field (bits 16..20).
const FRB_FIELD: u32 = 0x0000_f800;
/// FRC field (bits 21..25).
const FRC_FIELD: u32 = 0x0000_07c0;

/// Two-source A-form arithmetic (FRC reserved).
const fn arith2(mn: &'static str, o: FpuOp, po: u32, xo: u32) -> InsnDef {
    def(mn, op(o), form::a(po, xo), &[Frt, Fra, Frb], Flags::RC).fixed(FRC_FIELD, 0)
}

/// Multiply: FRB reserved, the second source is FRC.
const fn mul(mn: &'static str, o: FpuOp, po: u32) -> InsnDef {
    def(mn, op(o), form::a(po, 25), &[Frt, Fra, Frc], Flags::RC).fixed(FRB_FIELD, 0)
}

/// Single-source A-form (fsqrt, fres, frsqrte): FRA and FRC reserved.
const fn unary_a(mn: &'static str, o: FpuOp, po: u32, xo: u32) -> InsnDef {
    def(mn, op(o), form::a(po, xo), &[Frt, Frb], Flags::RC).fixed(FRA_FIELD | FRC_FIELD, 0)
}

/// Estimates with FRA = 1, which objdump prints as an extra `,1` operand (a field of later
/// ISAs). It has no meaning on the Xenon, so the word executes as the plain estimate.
const fn estimate_l1(mn: &'static str, o: FpuOp, po: u32, xo: u32) -> InsnDef {
    def(mn, op(o), form::a(po, xo), &[Frt, Frb], Flags::RC)
        .fixed(FRA_FIELD | FRC_FIELD, 0x0001_0000)
        .printer(print_estimate_l1)
}

fn print_estimate_l1(d: &InsnDef, i: Insn, pc: u32) -> String {
    let mut s = standard(d, i, pc);
    s.push_str(",1");
    s
}

/// objdump prints mtfsfi's BF as a bare field number (`mtfsfi 7,5`), unlike the `crN` of
/// every other BF operand.
fn print_mtfsfi(d: &InsnDef, i: Insn, _pc: u32) -> String {
    let mut s = d.full_mnemonic(i);
    pad(&mut s);
    s.push_str(&format!("{},{}", i.crfd(), i.fpimm()));
    s
}

/// Three-source A-form (multiply-add family, fsel): written FRT, FRA, FRC, FRB.
const fn fma(mn: &'static str, o: FpuOp, po: u32, xo: u32) -> InsnDef {
    def(mn, op(o), form::a(po, xo), &[Frt, Fra, Frc, Frb], Flags::RC)
}

/// X-form FRT, FRB with FRA reserved (moves, rounding, conversions).
const fn unary_x(mn: &'static str, o: FpuOp, xo: u32) -> InsnDef {
    def(mn, op(o), form::x(63, xo), &[Frt, Frb], Flags::RC).fixed(FRA_FIELD, 0)
}

/// Compares: bits 9..10 (below the BF field) and Rc are reserved.
const fn cmp(mn: &'static str, o: FpuOp, xo: u32) -> InsnDef {
    def(mn, op(o), form::x(63, xo), &[Crfd, Fra, Frb], Flags::NONE).fixed(0x0060_0000, 0)
}

pub const ENTRIES: &[InsnDef] = &[
    arith2("fdiv", FpuOp::Fdiv, 63, 18),
    arith2("fdivs", FpuOp::Fdivs, 59, 18),
    arith2("fsub", FpuOp::Fsub, 63, 20),
    arith2("fsubs", FpuOp::Fsubs, 59, 20),
    arith2("fadd", FpuOp::Fadd, 63, 21),
    arith2("fadds", FpuOp::Fadds, 59, 21),
    mul("fmul", FpuOp::Fmul, 63),
    mul("fmuls", FpuOp::Fmuls, 59),
    unary_a("fsqrt", FpuOp::Fsqrt, 63, 22),
    unary_a("fsqrts", FpuOp::Fsqrts, 59, 22),
    unary_a("fres", FpuOp::Fres, 59, 24),
    estimate_l1("fres", FpuOp::Fres, 59, 24),
    unary_a("frsqrte", FpuOp::Frsqrte, 63, 26),
    estimate_l1("frsqrte", FpuOp::Frsqrte, 63, 26),
    fma("fsel", FpuOp::Fsel, 63, 23),
    fma("fmsub", FpuOp::Fmsub, 63, 28),
    fma("fmsubs", FpuOp::Fmsubs, 59, 28),
    fma("fmadd", FpuOp::Fmadd, 63, 29),
    fma("fmadds", FpuOp::Fmadds, 59, 29),
    fma("fnmsub", FpuOp::Fnmsub, 63, 30),
    fma("fnmsubs", FpuOp::Fnmsubs, 59, 30),
    fma("fnmadd", FpuOp::Fnmadd, 63, 31),
    fma("fnmadds", FpuOp::Fnmadds, 59, 31),
    unary_x("frsp", FpuOp::Frsp, 12),
    unary_x("fctiw", FpuOp::Fctiw, 14),
    unary_x("fctiwz", FpuOp::Fctiwz, 15),
    unary_x("fctid", FpuOp::Fctid, 814),
    unary_x("fctidz", FpuOp::Fctidz, 815),
    unary_x("fcfid", FpuOp::Fcfid, 846),
    unary_x("fneg", FpuOp::Fneg, 40),
    unary_x("fmr", FpuOp::Fmr, 72),
    unary_x("fnabs", FpuOp::Fnabs, 136),
    unary_x("fabs", FpuOp::Fabs, 264),
    cmp("fcmpu", FpuOp::Fcmpu, 0),
    cmp("fcmpo", FpuOp::Fcmpo, 32),
    // FRA and FRB are reserved and ignored: ISA 3.0 put mffsce/mffscrn(i)/mffsl there, and
    // processors before it (the Xenon among them) execute those words as plain mffs, which
    // glibc's libm relies on when it runs on them.
    def("mffs", op(FpuOp::Mffs), form::x(63, 583), &[Frt], Flags::RC),
    def(
        "mtfsf",
        op(FpuOp::Mtfsf),
        form::x(63, 711),
        &[Fm, Frb],
        Flags::RC,
    ),
    // Bits 9..15 and 20 reserved.
    def(
        "mtfsfi",
        op(FpuOp::Mtfsfi),
        form::x(63, 134),
        &[Crfd, FpImm],
        Flags::RC,
    )
    .fixed(0x007f_0800, 0)
    .printer(print_mtfsfi),
    // BT (bits 6..10) prints as a plain number, exactly as the `Bo` operand does; bits 11..20
    // reserved.
    def(
        "mtfsb0",
        op(FpuOp::Mtfsb0),
        form::x(63, 70),
        &[Bo],
        Flags::RC,
    )
    .fixed(FRA_FIELD | FRB_FIELD, 0),
    def(
        "mtfsb1",
        op(FpuOp::Mtfsb1),
        form::x(63, 38),
        &[Bo],
        Flags::RC,
    )
    .fixed(FRA_FIELD | FRB_FIELD, 0),
    // Bits 9..10, 14..20 and Rc reserved.
    def(
        "mcrfs",
        op(FpuOp::Mcrfs),
        form::x(63, 64),
        &[Crfd, Crfs],
        Flags::NONE,
    )
    .fixed(0x0063_f800, 0),
];
