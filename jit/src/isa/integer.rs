//! Integer arithmetic, logical, compare, rotate and shift instructions.
//!
//! Extended mnemonics are the ones GNU objdump (`-M cell`) prints. Where objdump's choice
//! depends on a relation between fields (`slwi` needs ME = 31 - SH) the entry carries a `when`
//! condition; where the printed number is computed from a field (`clrrwi` prints 31 - ME), a
//! printer.

use super::disasm::pad;
use super::table::{def, form, Flags, InsnDef, Op};
use super::Operand::*;
use super::{Insn, Operand};
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntOp {
    Addi,
    Addis,
    Addic,
    /// `addic.`: a primary opcode of its own that always records CR0.
    AddicRc,
    Subfic,
    Mulli,
    Add,
    Addc,
    Adde,
    Addme,
    Addze,
    Subf,
    Subfc,
    Subfe,
    Subfme,
    Subfze,
    Neg,
    Mullw,
    Mulhw,
    Mulhwu,
    Divw,
    Divwu,
    Mulld,
    Mulhd,
    Mulhdu,
    Divd,
    Divdu,
    Cmpi,
    Cmp,
    Cmpli,
    Cmpl,
    Andi,
    Andis,
    Ori,
    Oris,
    Xori,
    Xoris,
    And,
    Andc,
    /// Also the `or rX,rX,rX` thread-priority and delay hints, which change no state.
    Or,
    Orc,
    Xor,
    Nand,
    Nor,
    Eqv,
    Extsb,
    Extsh,
    Extsw,
    Cntlzw,
    Cntlzd,
    Rlwinm,
    Rlwnm,
    Rlwimi,
    Rldicl,
    Rldicr,
    Rldic,
    Rldimi,
    Rldcl,
    Rldcr,
    Slw,
    Srw,
    Sraw,
    Srawi,
    Sld,
    Srd,
    Srad,
    Sradi,
}

const fn op(o: IntOp) -> Op {
    Op::Integer(o)
}

const RC: Flags = Flags::RC;
const OE_RC: Flags = Flags::RC.with(Flags::OE);

/// Field positions in the word, for `.fixed()`.
const RT: u32 = 0x03e0_0000;
const RA: u32 = 0x001f_0000;
const RB: u32 = 0x0000_f800;
const MB: u32 = 0x0000_07c0;
const ME: u32 = 0x0000_003e;
/// 6-bit MB/ME of the MD and MDS forms.
const MB6: u32 = 0x0000_07e0;
/// 6-bit SH of the MD and XS forms (bit 30 holds its high bit).
const SH6: u32 = 0x0000_f802;
/// L of the compares.
const L: u32 = 0x0020_0000;
/// The bit before L, which objdump requires to be zero in the X-form compares only.
const CMP_RESERVED: u32 = 0x0040_0000;

/// The mnemonic with its suffixes, padded, followed by `operands`.
fn text(def: &InsnDef, i: Insn, operands: std::fmt::Arguments) -> String {
    let mut s = def.full_mnemonic(i);
    pad(&mut s);
    let _ = s.write_fmt(operands);
    s
}

/// `clrrwi ra,rs,n` encodes n as ME = 31 - n.
fn print_clrrwi(def: &InsnDef, i: Insn, _pc: u32) -> String {
    let n = 31 - i.me();
    text(def, i, format_args!("r{},r{},{n}", i.ra(), i.rs()))
}

/// `clrrdi ra,rs,n` encodes n as ME = 63 - n (ME sits in rldicr's MB field).
fn print_clrrdi(def: &InsnDef, i: Insn, _pc: u32) -> String {
    let n = 63 - i.mb64();
    text(def, i, format_args!("r{},r{},{n}", i.ra(), i.rs()))
}

/// A D-form `name rt,ra,simm`.
const fn arith_imm(name: &'static str, o: IntOp, po: u32) -> InsnDef {
    def(name, op(o), form::d(po), &[Rt, Ra, Simm], Flags::NONE)
}

/// An XO-form `name[o][.] rt,ra,rb`.
const fn arith(name: &'static str, o: IntOp, xo: u32) -> InsnDef {
    def(name, op(o), form::xo(31, xo), &[Rt, Ra, Rb], OE_RC)
}

/// An XO-form `name[o][.] rt,ra` whose RB field must be zero.
const fn arith_ra(name: &'static str, o: IntOp, xo: u32) -> InsnDef {
    def(name, op(o), form::xo(31, xo), &[Rt, Ra], OE_RC).fixed(RB, 0)
}

/// The high-half multiplies have no OE form: bit 21 must be zero.
const fn mulh(name: &'static str, o: IntOp, xo: u32) -> InsnDef {
    def(name, op(o), form::xo(31, xo), &[Rt, Ra, Rb], RC)
}

/// A compare `name [crN,]ra,x`; objdump always names the width, so L picks the mnemonic.
const fn compare(
    name: &'static str,
    o: IntOp,
    pattern: (u32, u32),
    wide: bool,
    operands: &'static [Operand],
) -> InsnDef {
    def(name, op(o), pattern, operands, Flags::NONE).fixed(L, if wide { L } else { 0 })
}

/// A D-form logical `name ra,rs,uimm`.
const fn logic_imm(name: &'static str, o: IntOp, po: u32) -> InsnDef {
    def(name, op(o), form::d(po), &[Ra, Rt, Uimm], Flags::NONE)
}

/// An X-form `name[.] ra,rs,rb` (logicals and shifts).
const fn logic(name: &'static str, o: IntOp, xo: u32) -> InsnDef {
    def(name, op(o), form::x(31, xo), &[Ra, Rt, Rb], RC)
}

/// An X-form `name[.] ra,rs` whose RB field must be zero.
const fn unary(name: &'static str, o: IntOp, xo: u32) -> InsnDef {
    def(name, op(o), form::x(31, xo), &[Ra, Rt], RC).fixed(RB, 0)
}

/// An `or rX,rX,rX` hint (Rc=0 only): the whole word is fixed.
const fn hint(name: &'static str, r: u32) -> InsnDef {
    def(name, op(IntOp::Or), form::x(31, 444), &[], Flags::NONE)
        .fixed(RT | RA | RB, (r << 21) | (r << 16) | (r << 11))
}

const CMPI: (u32, u32) = form::d(11);
const CMPLI: (u32, u32) = form::d(10);
const CMP: (u32, u32) = (form::x(31, 0).0 | CMP_RESERVED, form::x(31, 0).1);
const CMPL: (u32, u32) = (form::x(31, 32).0 | CMP_RESERVED, form::x(31, 32).1);

pub const ENTRIES: &[InsnDef] = &[
    // Immediate arithmetic.
    def("li", op(IntOp::Addi), form::d(14), &[Rt, Simm], Flags::NONE).fixed(RA, 0),
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
    .fixed(RA, 0),
    def(
        "addis",
        op(IntOp::Addis),
        form::d(15),
        &[Rt, Ra0, Simm],
        Flags::NONE,
    ),
    arith_imm("addic", IntOp::Addic, 12),
    arith_imm("addic.", IntOp::AddicRc, 13),
    arith_imm("subfic", IntOp::Subfic, 8),
    arith_imm("mulli", IntOp::Mulli, 7),
    // Register arithmetic.
    arith("add", IntOp::Add, 266),
    arith("addc", IntOp::Addc, 10),
    arith("adde", IntOp::Adde, 138),
    arith_ra("addme", IntOp::Addme, 234),
    arith_ra("addze", IntOp::Addze, 202),
    arith("subf", IntOp::Subf, 40),
    arith("subfc", IntOp::Subfc, 8),
    arith("subfe", IntOp::Subfe, 136),
    arith_ra("subfme", IntOp::Subfme, 232),
    arith_ra("subfze", IntOp::Subfze, 200),
    arith_ra("neg", IntOp::Neg, 104),
    arith("mullw", IntOp::Mullw, 235),
    mulh("mulhw", IntOp::Mulhw, 75),
    mulh("mulhwu", IntOp::Mulhwu, 11),
    arith("divw", IntOp::Divw, 491),
    arith("divwu", IntOp::Divwu, 459),
    arith("mulld", IntOp::Mulld, 233),
    mulh("mulhd", IntOp::Mulhd, 73),
    mulh("mulhdu", IntOp::Mulhdu, 9),
    arith("divd", IntOp::Divd, 489),
    arith("divdu", IntOp::Divdu, 457),
    // Compares.
    compare("cmpwi", IntOp::Cmpi, CMPI, false, &[CrfdOpt, Ra, Simm]),
    compare("cmpdi", IntOp::Cmpi, CMPI, true, &[CrfdOpt, Ra, Simm]),
    compare("cmpw", IntOp::Cmp, CMP, false, &[CrfdOpt, Ra, Rb]),
    compare("cmpd", IntOp::Cmp, CMP, true, &[CrfdOpt, Ra, Rb]),
    compare("cmplwi", IntOp::Cmpli, CMPLI, false, &[CrfdOpt, Ra, Uimm]),
    compare("cmpldi", IntOp::Cmpli, CMPLI, true, &[CrfdOpt, Ra, Uimm]),
    compare("cmplw", IntOp::Cmpl, CMPL, false, &[CrfdOpt, Ra, Rb]),
    compare("cmpld", IntOp::Cmpl, CMPL, true, &[CrfdOpt, Ra, Rb]),
    // Immediate logicals.
    def(
        "andi.",
        op(IntOp::Andi),
        form::d(28),
        &[Ra, Rt, Uimm],
        Flags::NONE,
    ),
    def(
        "andis.",
        op(IntOp::Andis),
        form::d(29),
        &[Ra, Rt, Uimm],
        Flags::NONE,
    ),
    def("nop", op(IntOp::Ori), form::d(24), &[], Flags::NONE).fixed(0x03ff_ffff, 0),
    logic_imm("ori", IntOp::Ori, 24),
    logic_imm("oris", IntOp::Oris, 25),
    def("xnop", op(IntOp::Xori), form::d(26), &[], Flags::NONE).fixed(0x03ff_ffff, 0),
    logic_imm("xori", IntOp::Xori, 26),
    logic_imm("xoris", IntOp::Xoris, 27),
    // Register logicals.
    logic("and", IntOp::And, 28),
    logic("andc", IntOp::Andc, 60),
    hint("cctpl", 1),
    hint("cctpm", 2),
    hint("cctph", 3),
    hint("db8cyc", 28),
    hint("db10cyc", 29),
    hint("db12cyc", 30),
    hint("db16cyc", 31),
    def("mr", op(IntOp::Or), form::x(31, 444), &[Ra, Rt], RC).when(|i| i.rs() == i.rb()),
    logic("or", IntOp::Or, 444),
    logic("orc", IntOp::Orc, 412),
    logic("xor", IntOp::Xor, 316),
    logic("nand", IntOp::Nand, 476),
    def("not", op(IntOp::Nor), form::x(31, 124), &[Ra, Rt], RC).when(|i| i.rs() == i.rb()),
    logic("nor", IntOp::Nor, 124),
    logic("eqv", IntOp::Eqv, 284),
    unary("extsb", IntOp::Extsb, 954),
    unary("extsh", IntOp::Extsh, 922),
    unary("extsw", IntOp::Extsw, 986),
    unary("cntlzw", IntOp::Cntlzw, 26),
    unary("cntlzd", IntOp::Cntlzd, 58),
    // 32-bit rotates; the conditions keep the extended forms disjoint.
    def("rotlwi", op(IntOp::Rlwinm), form::d(21), &[Ra, Rt, Sh], RC).fixed(MB | ME, 31 << 1),
    def("clrlwi", op(IntOp::Rlwinm), form::d(21), &[Ra, Rt, Mb], RC)
        .fixed(RB | ME, 31 << 1)
        .when(|i| i.mb() != 0),
    def("clrrwi", op(IntOp::Rlwinm), form::d(21), &[], RC)
        .fixed(RB | MB, 0)
        .when(|i| i.me() != 31)
        .printer(print_clrrwi),
    def("slwi", op(IntOp::Rlwinm), form::d(21), &[Ra, Rt, Sh], RC)
        .fixed(MB, 0)
        .when(|i| i.sh() != 0 && i.me() == 31 - i.sh()),
    def("srwi", op(IntOp::Rlwinm), form::d(21), &[Ra, Rt, Mb], RC)
        .fixed(ME, 31 << 1)
        .when(|i| i.sh() != 0 && i.mb() == 32 - i.sh()),
    def(
        "rlwinm",
        op(IntOp::Rlwinm),
        form::d(21),
        &[Ra, Rt, Sh, Mb, Me],
        RC,
    ),
    def("rotlw", op(IntOp::Rlwnm), form::d(23), &[Ra, Rt, Rb], RC).fixed(MB | ME, 31 << 1),
    def(
        "rlwnm",
        op(IntOp::Rlwnm),
        form::d(23),
        &[Ra, Rt, Rb, Mb, Me],
        RC,
    ),
    def(
        "rlwimi",
        op(IntOp::Rlwimi),
        form::d(20),
        &[Ra, Rt, Sh, Mb, Me],
        RC,
    ),
    // 64-bit rotates.
    def(
        "rotldi",
        op(IntOp::Rldicl),
        form::md(30, 0),
        &[Ra, Rt, Sh64],
        RC,
    )
    .fixed(MB6, 0),
    def(
        "clrldi",
        op(IntOp::Rldicl),
        form::md(30, 0),
        &[Ra, Rt, Mb64],
        RC,
    )
    .fixed(SH6, 0)
    .when(|i| i.mb64() != 0),
    def(
        "srdi",
        op(IntOp::Rldicl),
        form::md(30, 0),
        &[Ra, Rt, Mb64],
        RC,
    )
    .when(|i| i.sh64() != 0 && i.mb64() == 64 - i.sh64()),
    def(
        "rldicl",
        op(IntOp::Rldicl),
        form::md(30, 0),
        &[Ra, Rt, Sh64, Mb64],
        RC,
    ),
    def("clrrdi", op(IntOp::Rldicr), form::md(30, 1), &[], RC)
        .fixed(SH6, 0)
        .printer(print_clrrdi),
    def(
        "sldi",
        op(IntOp::Rldicr),
        form::md(30, 1),
        &[Ra, Rt, Sh64],
        RC,
    )
    .when(|i| i.sh64() != 0 && i.mb64() == 63 - i.sh64()),
    def(
        "rldicr",
        op(IntOp::Rldicr),
        form::md(30, 1),
        &[Ra, Rt, Sh64, Mb64],
        RC,
    ),
    def(
        "rldic",
        op(IntOp::Rldic),
        form::md(30, 2),
        &[Ra, Rt, Sh64, Mb64],
        RC,
    ),
    def(
        "rldimi",
        op(IntOp::Rldimi),
        form::md(30, 3),
        &[Ra, Rt, Sh64, Mb64],
        RC,
    ),
    def(
        "rotld",
        op(IntOp::Rldcl),
        form::mds(30, 8),
        &[Ra, Rt, Rb],
        RC,
    )
    .fixed(MB6, 0),
    def(
        "rldcl",
        op(IntOp::Rldcl),
        form::mds(30, 8),
        &[Ra, Rt, Rb, Mb64],
        RC,
    ),
    def(
        "rldcr",
        op(IntOp::Rldcr),
        form::mds(30, 9),
        &[Ra, Rt, Rb, Mb64],
        RC,
    ),
    // Shifts.
    logic("slw", IntOp::Slw, 24),
    logic("srw", IntOp::Srw, 536),
    logic("sraw", IntOp::Sraw, 792),
    def(
        "srawi",
        op(IntOp::Srawi),
        form::x(31, 824),
        &[Ra, Rt, Sh],
        RC,
    ),
    logic("sld", IntOp::Sld, 27),
    logic("srd", IntOp::Srd, 539),
    logic("srad", IntOp::Srad, 794),
    def(
        "sradi",
        op(IntOp::Sradi),
        form::xs(31, 413),
        &[Ra, Rt, Sh64],
        RC,
    ),
];
