//! Branches and the condition-register instructions.
//!
//! Conditional branches are listed once per extended mnemonic GNU objdump prints
//! (`beq`, `bdnzf`, `bgelr`, `bctr` ...), each narrowed by the BO/BI bits that select it,
//! with the base `bc`/`bclr`/`bcctr` entry catching the rest. The static prediction hint
//! (`+`/`-`) is not part of the mnemonic: `print_branch` derives it from BO.
//!
//! Decoding accepts every BO value, including those the ISA calls reserved ("z" bits set,
//! the reserved `at = 01` hint) and that objdump refuses: the hint and z bits do not change
//! what the branch does, and code written for the older "y"-bit hint convention sets them.
//! Reserved fields outside BO (bits 16..18 of bclr/bcctr, Rc of the CR logical forms, the
//! FXM rules of mfocrf/mtocrf) are enforced, as objdump does.

use super::disasm::pad;
use super::table::{def, form, Flags, InsnDef, Op};
use super::{Insn, Operand, Operand::*};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BranchOp {
    B,
    Bc,
    Bclr,
    Bcctr,
    Crand,
    Cror,
    Crxor,
    Crnand,
    Crnor,
    Creqv,
    Crandc,
    Crorc,
    Mcrf,
    Mfcr,
    Mfocrf,
    Mtcrf,
    Mtocrf,
    Mcrxr,
}

const fn op(o: BranchOp) -> Op {
    Op::Branch(o)
}

/// The static prediction suffix BO encodes, as objdump prints it after the l/a suffixes.
/// Only the `at` hint of Power ISA 2.x is printed: `10` is "unlikely" (`-`), `11` "likely"
/// (`+`). For BO = 001at/011at the hint is BO[3:4]; for BO = 1a00t/1a01t it is BO[1] and
/// BO[4]. Branch-always and CTR-with-condition forms carry no hint.
pub fn hint(bo: u32) -> &'static str {
    let at = match bo & 0b10100 {
        0b00100 => bo & 0b11,
        0b10000 => ((bo >> 2) & 0b10) | (bo & 1),
        _ => 0,
    };
    match at {
        0b10 => "-",
        0b11 => "+",
        _ => "",
    }
}

/// Prints a conditional branch: the mnemonic with its l/a suffixes and hint, then the
/// entry's operands (optional ones as `Operand::present` decides).
pub fn print_branch(def: &InsnDef, insn: Insn, pc: u32) -> String {
    let mut out = def.full_mnemonic(insn);
    out.push_str(hint(insn.bo()));
    let mut first = true;
    for o in def.operands.iter().filter(|o| o.present(insn)) {
        if first {
            pad(&mut out);
            first = false;
        } else {
            out.push(',');
        }
        o.print(&mut out, insn, pc);
    }
    out
}

#[derive(Clone, Copy)]
enum Kind {
    /// `bc`: primary 16, LK and AA.
    Bc,
    /// `bclr`: XL form 19/16, LK, reserved bits 16..18.
    Lr,
    /// `bcctr`: XL form 19/528, LK, reserved bits 16..18.
    Ctr,
}

/// Bits 16..18 of bclr/bcctr are reserved (BH is bits 19..20).
const XL_RESERVED: u32 = 0x0000_e000;

/// One conditional-branch entry: the base form narrowed to BO values `bo` under `bo_mask`
/// and BI values `bi` under `bi_mask`.
const fn bcx(
    name: &'static str,
    kind: Kind,
    bo_mask: u32,
    bo: u32,
    bi_mask: u32,
    bi: u32,
    operands: &'static [Operand],
) -> InsnDef {
    let base = match kind {
        Kind::Bc => def(
            name,
            op(BranchOp::Bc),
            form::d(16),
            operands,
            Flags::LK.with(Flags::AA),
        ),
        Kind::Lr => def(
            name,
            op(BranchOp::Bclr),
            form::x(19, 16),
            operands,
            Flags::LK,
        )
        .fixed(XL_RESERVED, 0),
        Kind::Ctr => def(
            name,
            op(BranchOp::Bcctr),
            form::x(19, 528),
            operands,
            Flags::LK,
        )
        .fixed(XL_RESERVED, 0),
    };
    base.fixed((bo_mask << 21) | (bi_mask << 16), (bo << 21) | (bi << 16))
        .printer(print_branch)
}

/// A CR-logical entry (XL form, primary 19).
const fn crl(name: &'static str, o: BranchOp, xo: u32, operands: &'static [Operand]) -> InsnDef {
    def(name, op(o), form::x(19, xo), operands, Flags::NONE)
}

use Kind::{Bc as BC, Ctr as CTR, Lr as LR};

// BO groups (mask, value): CTR-decrementing with a condition, the pure conditions, CTR only.
const DNZF: (u32, u32) = (0b11110, 0b00000);
const DZF: (u32, u32) = (0b11110, 0b00010);
const DNZT: (u32, u32) = (0b11110, 0b01000);
const DZT: (u32, u32) = (0b11110, 0b01010);
const IF_FALSE: (u32, u32) = (0b11100, 0b00100);
const IF_TRUE: (u32, u32) = (0b11100, 0b01100);
const DNZ: (u32, u32) = (0b10110, 0b10000);
const DZ: (u32, u32) = (0b10110, 0b10010);
// Only the canonical branch-always BO gets `blr`/`bctr`; odd ones print their BO.
const ALWAYS: (u32, u32) = (0b11111, 0b10100);

const BI_TGT: &[Operand] = &[Bi, TargetBd];
const CR_TGT: &[Operand] = &[CrfsOpt, TargetBd];
const TGT: &[Operand] = &[TargetBd];
const BI_BH: &[Operand] = &[Bi, Bh];
const CR_BH: &[Operand] = &[CrfsOpt, Bh];
const BH: &[Operand] = &[Bh];
const BO_BI_BH: &[Operand] = &[Bo, Bi, Bh];

pub const ENTRIES: &[InsnDef] = &[
    def(
        "b",
        op(BranchOp::B),
        form::d(18),
        &[TargetLi],
        Flags::LK.with(Flags::AA),
    ),
    // bc
    bcx("bdnzf", BC, DNZF.0, DNZF.1, 0, 0, BI_TGT),
    bcx("bdzf", BC, DZF.0, DZF.1, 0, 0, BI_TGT),
    bcx("bdnzt", BC, DNZT.0, DNZT.1, 0, 0, BI_TGT),
    bcx("bdzt", BC, DZT.0, DZT.1, 0, 0, BI_TGT),
    bcx("bge", BC, IF_FALSE.0, IF_FALSE.1, 3, 0, CR_TGT),
    bcx("ble", BC, IF_FALSE.0, IF_FALSE.1, 3, 1, CR_TGT),
    bcx("bne", BC, IF_FALSE.0, IF_FALSE.1, 3, 2, CR_TGT),
    bcx("bns", BC, IF_FALSE.0, IF_FALSE.1, 3, 3, CR_TGT),
    bcx("blt", BC, IF_TRUE.0, IF_TRUE.1, 3, 0, CR_TGT),
    bcx("bgt", BC, IF_TRUE.0, IF_TRUE.1, 3, 1, CR_TGT),
    bcx("beq", BC, IF_TRUE.0, IF_TRUE.1, 3, 2, CR_TGT),
    bcx("bso", BC, IF_TRUE.0, IF_TRUE.1, 3, 3, CR_TGT),
    // objdump names the CTR-only forms only when BI is zero (BI is ignored by them).
    bcx("bdnz", BC, DNZ.0, DNZ.1, 31, 0, TGT),
    bcx("bdz", BC, DZ.0, DZ.1, 31, 0, TGT),
    bcx("bc", BC, 0, 0, 0, 0, &[Bo, Bi, TargetBd]),
    // bclr
    bcx("bdnzflr", LR, DNZF.0, DNZF.1, 0, 0, BI_BH),
    bcx("bdzflr", LR, DZF.0, DZF.1, 0, 0, BI_BH),
    bcx("bdnztlr", LR, DNZT.0, DNZT.1, 0, 0, BI_BH),
    bcx("bdztlr", LR, DZT.0, DZT.1, 0, 0, BI_BH),
    bcx("bgelr", LR, IF_FALSE.0, IF_FALSE.1, 3, 0, CR_BH),
    bcx("blelr", LR, IF_FALSE.0, IF_FALSE.1, 3, 1, CR_BH),
    bcx("bnelr", LR, IF_FALSE.0, IF_FALSE.1, 3, 2, CR_BH),
    bcx("bnslr", LR, IF_FALSE.0, IF_FALSE.1, 3, 3, CR_BH),
    bcx("bltlr", LR, IF_TRUE.0, IF_TRUE.1, 3, 0, CR_BH),
    bcx("bgtlr", LR, IF_TRUE.0, IF_TRUE.1, 3, 1, CR_BH),
    bcx("beqlr", LR, IF_TRUE.0, IF_TRUE.1, 3, 2, CR_BH),
    bcx("bsolr", LR, IF_TRUE.0, IF_TRUE.1, 3, 3, CR_BH),
    bcx("bdnzlr", LR, DNZ.0, DNZ.1, 31, 0, BH),
    bcx("bdzlr", LR, DZ.0, DZ.1, 31, 0, BH),
    bcx("blr", LR, ALWAYS.0, ALWAYS.1, 31, 0, BH),
    bcx("bclr", LR, 0, 0, 0, 0, BO_BI_BH),
    // bcctr: objdump has no extended mnemonics for the CTR-decrementing (invalid) forms.
    bcx("bgectr", CTR, IF_FALSE.0, IF_FALSE.1, 3, 0, CR_BH),
    bcx("blectr", CTR, IF_FALSE.0, IF_FALSE.1, 3, 1, CR_BH),
    bcx("bnectr", CTR, IF_FALSE.0, IF_FALSE.1, 3, 2, CR_BH),
    bcx("bnsctr", CTR, IF_FALSE.0, IF_FALSE.1, 3, 3, CR_BH),
    bcx("bltctr", CTR, IF_TRUE.0, IF_TRUE.1, 3, 0, CR_BH),
    bcx("bgtctr", CTR, IF_TRUE.0, IF_TRUE.1, 3, 1, CR_BH),
    bcx("beqctr", CTR, IF_TRUE.0, IF_TRUE.1, 3, 2, CR_BH),
    bcx("bsoctr", CTR, IF_TRUE.0, IF_TRUE.1, 3, 3, CR_BH),
    bcx("bctr", CTR, ALWAYS.0, ALWAYS.1, 31, 0, BH),
    bcx("bcctr", CTR, 0, 0, 0, 0, BO_BI_BH),
    // CR logical operations and their extended mnemonics.
    crl("crand", BranchOp::Crand, 257, &[Crbd, Crba, Crbb]),
    crl("crmove", BranchOp::Cror, 449, &[Crbd, Crba]).when(|i| i.crba() == i.crbb()),
    crl("cror", BranchOp::Cror, 449, &[Crbd, Crba, Crbb]),
    crl("crclr", BranchOp::Crxor, 193, &[Crbd])
        .when(|i| i.crbd() == i.crba() && i.crba() == i.crbb()),
    crl("crxor", BranchOp::Crxor, 193, &[Crbd, Crba, Crbb]),
    crl("crnand", BranchOp::Crnand, 225, &[Crbd, Crba, Crbb]),
    crl("crnot", BranchOp::Crnor, 33, &[Crbd, Crba]).when(|i| i.crba() == i.crbb()),
    crl("crnor", BranchOp::Crnor, 33, &[Crbd, Crba, Crbb]),
    crl("crset", BranchOp::Creqv, 289, &[Crbd])
        .when(|i| i.crbd() == i.crba() && i.crba() == i.crbb()),
    crl("creqv", BranchOp::Creqv, 289, &[Crbd, Crba, Crbb]),
    crl("crandc", BranchOp::Crandc, 129, &[Crbd, Crba, Crbb]),
    crl("crorc", BranchOp::Crorc, 417, &[Crbd, Crba, Crbb]),
    // mcrf: bits 9..10 and 14..20 reserved.
    crl("mcrf", BranchOp::Mcrf, 0, &[Crfd, Crfs]).fixed(0x0063_f800, 0),
    // mfcr/mtcrf have bit 11 clear; mfocrf/mtocrf set it and name exactly one field.
    def(
        "mfcr",
        op(BranchOp::Mfcr),
        form::x(31, 19),
        &[Rt],
        Flags::NONE,
    )
    .fixed(0x001f_f800, 0),
    def(
        "mfocrf",
        op(BranchOp::Mfocrf),
        form::x(31, 19),
        &[Rt, Crm],
        Flags::NONE,
    )
    .fixed(0x0010_0800, 0x0010_0000)
    .when(|i| i.crm().is_power_of_two()),
    def(
        "mtcr",
        op(BranchOp::Mtcrf),
        form::x(31, 144),
        &[Rt],
        Flags::NONE,
    )
    .fixed(0x001f_f800, 0x000f_f000),
    def(
        "mtcrf",
        op(BranchOp::Mtcrf),
        form::x(31, 144),
        &[Crm, Rt],
        Flags::NONE,
    )
    .fixed(0x0010_0800, 0),
    def(
        "mtocrf",
        op(BranchOp::Mtocrf),
        form::x(31, 144),
        &[Crm, Rt],
        Flags::NONE,
    )
    .fixed(0x0010_0800, 0x0010_0000)
    .when(|i| i.crm().is_power_of_two()),
    // mcrxr: bits 9..20 reserved.
    def(
        "mcrxr",
        op(BranchOp::Mcrxr),
        form::x(31, 512),
        &[Crfd],
        Flags::NONE,
    )
    .fixed(0x007f_f800, 0),
];
