//! System call, traps, synchronization, cache management, SPR and time-base access.

use super::disasm::pad;
use super::table::{def, form, Flags, InsnDef, Op};
use super::Operand::*;
use super::{Insn, Operand};
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SysOp {
    Sc,
    Tw,
    Twi,
    Td,
    Tdi,
    /// `sync` in all its L forms (`hwsync`, `lwsync`, `ptesync`).
    Sync,
    Eieio,
    Isync,
    Dcbf,
    Dcbst,
    Dcbt,
    Dcbtst,
    Icbi,
    /// Zeroes a 32-byte block.
    Dcbz,
    /// Xenon's `dcbz128` (`dcbz` with bit 10 set) zeroes a 128-byte block. objdump knows this
    /// encoding as the Cell's `dcbzl`.
    Dcbz128,
    Mfspr,
    Mtspr,
    /// `mftb` under its own extended opcode (371), which Xenon code uses and which
    /// `objdump -M cell` does not decode.
    Mftb,
    Mfmsr,
}

const fn op(o: SysOp) -> Op {
    Op::System(o)
}

const RT: u32 = 0x03e0_0000;
const RA: u32 = 0x001f_0000;
const RB: u32 = 0x0000_f800;
/// The SPR/TBR field (both halves).
const SPR: u32 = RA | RB;

/// The SPR field as stored in the word: its two five-bit halves swapped.
const fn spr_bits(spr: u32) -> u32 {
    ((spr & 31) << 16) | ((spr >> 5) << 11)
}

fn text(mnemonic: &str, operands: std::fmt::Arguments) -> String {
    let mut s = String::from(mnemonic);
    pad(&mut s);
    let _ = s.write_fmt(operands);
    s
}

/// LEV of `sc`, bits 20..26.
pub const fn sc_lev(i: Insn) -> u32 {
    (i.0 >> 5) & 0x7f
}

/// `sc`, with LEV printed only when it is not zero.
fn print_sc(def: &InsnDef, i: Insn, _pc: u32) -> String {
    match sc_lev(i) {
        0 => def.mnemonic.to_owned(),
        lev => text(def.mnemonic, format_args!("{lev}")),
    }
}

fn ra0(i: Insn) -> String {
    match i.ra() {
        0 => "0".to_owned(),
        ra => format!("r{ra}"),
    }
}

/// `dcbf ra,rb,L` for the nonzero L values.
fn print_dcbf(def: &InsnDef, i: Insn, _pc: u32) -> String {
    let l = i.rt() & 3;
    text(def.mnemonic, format_args!("{},r{},{l}", ra0(i), i.rb()))
}

/// The touch hints print TH unless it is the default of their spelling (0 for the `ct`
/// forms, 8 for the `ds` forms; the plain forms always print it).
fn print_touch(def: &InsnDef, i: Insn, _pc: u32) -> String {
    match i.rt() {
        0 | 8 => text(def.mnemonic, format_args!("{},r{}", ra0(i), i.rb())),
        th => text(def.mnemonic, format_args!("{},r{},{th}", ra0(i), i.rb())),
    }
}

/// The index of a numbered SPR (`mfsprg r3,2`, `mtibatu 1,r3`): the SPR bits the entry
/// leaves free.
fn spr_index(def: &InsnDef, i: Insn) -> u32 {
    let free = SPR & !def.mask;
    (i.0 & free) >> free.trailing_zeros()
}

fn print_mf_numbered(def: &InsnDef, i: Insn, _pc: u32) -> String {
    let n = spr_index(def, i);
    text(def.mnemonic, format_args!("r{},{n}", i.rt()))
}

fn print_mt_numbered(def: &InsnDef, i: Insn, _pc: u32) -> String {
    let n = spr_index(def, i);
    text(def.mnemonic, format_args!("{n},r{}", i.rs()))
}

const TW: (u32, u32) = form::x(31, 4);
const TD: (u32, u32) = form::x(31, 68);
const TWI: (u32, u32) = form::d(3);
const TDI: (u32, u32) = form::d(2);

/// A trap with a named condition: TO is fixed (its bits are <, >, =, <u, >u).
const fn trap(name: &'static str, o: SysOp, pattern: (u32, u32), to: u32) -> InsnDef {
    let operands: &'static [Operand] = match o {
        SysOp::Twi | SysOp::Tdi => &[Ra, Simm],
        _ => &[Ra, Rb],
    };
    def(name, op(o), pattern, operands, Flags::NONE).fixed(RT, to << 21)
}

/// One exact barrier word, told apart by its RT field (the L of `sync`).
const fn barrier(name: &'static str, o: SysOp, pattern: (u32, u32), rt: u32) -> InsnDef {
    def(name, op(o), pattern, &[], Flags::NONE).fixed(RT | RA | RB, rt << 21)
}

/// A cache-block instruction `name ra|0,rb` whose RT field must be `rt`.
const fn cache(name: &'static str, o: SysOp, xo: u32, rt: u32) -> InsnDef {
    def(name, op(o), form::x(31, xo), &[Ra0, Rb], Flags::NONE).fixed(RT, rt << 21)
}

/// A touch hint spelling, selected by the top bits of TH (the RT field).
const fn touch(name: &'static str, o: SysOp, xo: u32, th_mask: u32, th_bits: u32) -> InsnDef {
    def(name, op(o), form::x(31, xo), &[Ra0, Rb], Flags::NONE)
        .fixed(th_mask << 21, th_bits << 21)
        .printer(print_touch)
}

/// `mfspr rt,n` with one SPR fixed.
const fn mf(name: &'static str, spr: u32) -> InsnDef {
    def(name, op(SysOp::Mfspr), form::x(31, 339), &[Rt], Flags::NONE).fixed(SPR, spr_bits(spr))
}

/// `mtspr n,rs` with one SPR fixed.
const fn mt(name: &'static str, spr: u32) -> InsnDef {
    def(name, op(SysOp::Mtspr), form::x(31, 467), &[Rt], Flags::NONE).fixed(SPR, spr_bits(spr))
}

/// A numbered group of SPRs from `base`, the register's index in the bits `index` of the SPR
/// number.
const fn numbered(name: &'static str, to: bool, base: u32, index: u32) -> InsnDef {
    let (o, xo, printer): (SysOp, u32, super::table::Printer) = if to {
        (SysOp::Mtspr, 467, print_mt_numbered)
    } else {
        (SysOp::Mfspr, 339, print_mf_numbered)
    };
    def(name, op(o), form::x(31, xo), &[], Flags::NONE)
        .fixed(SPR & !spr_bits(index), spr_bits(base))
        .printer(printer)
}

/// `mftb`/`mftbu` under extended opcode 371, TBR fixed.
const fn mftb(name: &'static str, tbr: u32) -> InsnDef {
    def(
        name,
        op(SysOp::Mftb),
        form::x(31, 371),
        &[Rt],
        Flags::XENON_ONLY,
    )
    .fixed(SPR, spr_bits(tbr))
}

pub const ENTRIES: &[InsnDef] = &[
    def(
        "sc",
        op(SysOp::Sc),
        (0xffff_0003, 0x4400_0002),
        &[],
        Flags::NONE,
    )
    .printer(print_sc),
    // Traps.
    def("trap", op(SysOp::Tw), TW, &[], Flags::NONE).fixed(RT | RA | RB, 31 << 21),
    trap("twlgt", SysOp::Tw, TW, 1),
    trap("twllt", SysOp::Tw, TW, 2),
    trap("tweq", SysOp::Tw, TW, 4),
    trap("twlge", SysOp::Tw, TW, 5),
    trap("twlle", SysOp::Tw, TW, 6),
    trap("twgt", SysOp::Tw, TW, 8),
    trap("twge", SysOp::Tw, TW, 12),
    trap("twlt", SysOp::Tw, TW, 16),
    trap("twle", SysOp::Tw, TW, 20),
    trap("twne", SysOp::Tw, TW, 24),
    trap("twu", SysOp::Tw, TW, 31),
    trap("tdlgt", SysOp::Td, TD, 1),
    trap("tdllt", SysOp::Td, TD, 2),
    trap("tdeq", SysOp::Td, TD, 4),
    trap("tdlge", SysOp::Td, TD, 5),
    trap("tdlle", SysOp::Td, TD, 6),
    trap("tdgt", SysOp::Td, TD, 8),
    trap("tdge", SysOp::Td, TD, 12),
    trap("tdlt", SysOp::Td, TD, 16),
    trap("tdle", SysOp::Td, TD, 20),
    trap("tdne", SysOp::Td, TD, 24),
    trap("tdu", SysOp::Td, TD, 31),
    trap("twlgti", SysOp::Twi, TWI, 1),
    trap("twllti", SysOp::Twi, TWI, 2),
    trap("tweqi", SysOp::Twi, TWI, 4),
    trap("twlgei", SysOp::Twi, TWI, 5),
    trap("twllei", SysOp::Twi, TWI, 6),
    trap("twgti", SysOp::Twi, TWI, 8),
    trap("twgei", SysOp::Twi, TWI, 12),
    trap("twlti", SysOp::Twi, TWI, 16),
    trap("twlei", SysOp::Twi, TWI, 20),
    trap("twnei", SysOp::Twi, TWI, 24),
    trap("twui", SysOp::Twi, TWI, 31),
    trap("tdlgti", SysOp::Tdi, TDI, 1),
    trap("tdllti", SysOp::Tdi, TDI, 2),
    trap("tdeqi", SysOp::Tdi, TDI, 4),
    trap("tdlgei", SysOp::Tdi, TDI, 5),
    trap("tdllei", SysOp::Tdi, TDI, 6),
    trap("tdgti", SysOp::Tdi, TDI, 8),
    trap("tdgei", SysOp::Tdi, TDI, 12),
    trap("tdlti", SysOp::Tdi, TDI, 16),
    trap("tdlei", SysOp::Tdi, TDI, 20),
    trap("tdnei", SysOp::Tdi, TDI, 24),
    trap("tdui", SysOp::Tdi, TDI, 31),
    def("tw", op(SysOp::Tw), TW, &[To, Ra, Rb], Flags::NONE),
    def("td", op(SysOp::Td), TD, &[To, Ra, Rb], Flags::NONE),
    def("twi", op(SysOp::Twi), TWI, &[To, Ra, Simm], Flags::NONE),
    def("tdi", op(SysOp::Tdi), TDI, &[To, Ra, Simm], Flags::NONE),
    // Barriers.
    barrier("hwsync", SysOp::Sync, form::x(31, 598), 0),
    barrier("lwsync", SysOp::Sync, form::x(31, 598), 1),
    barrier("ptesync", SysOp::Sync, form::x(31, 598), 2),
    barrier("eieio", SysOp::Eieio, form::x(31, 854), 0),
    barrier("isync", SysOp::Isync, form::x(19, 150), 0),
    // Cache management.
    cache("dcbf", SysOp::Dcbf, 86, 0),
    def(
        "dcbf",
        op(SysOp::Dcbf),
        form::x(31, 86),
        &[Ra0, Rb],
        Flags::NONE,
    )
    .fixed(0x0380_0000, 0)
    .when(|i| matches!(i.rt(), 1 | 3))
    .printer(print_dcbf),
    cache("dcbst", SysOp::Dcbst, 54, 0),
    cache("icbi", SysOp::Icbi, 982, 0),
    cache("dcbz", SysOp::Dcbz, 1014, 0),
    cache("dcbzl", SysOp::Dcbz128, 1014, 1),
    touch("dcbtct", SysOp::Dcbt, 278, 0b11000, 0),
    touch("dcbtds", SysOp::Dcbt, 278, 0b11000, 0b01000),
    touch("dcbt", SysOp::Dcbt, 278, 0b10000, 0b10000),
    touch("dcbtstct", SysOp::Dcbtst, 246, 0b11000, 0),
    touch("dcbtstds", SysOp::Dcbtst, 246, 0b11000, 0b01000),
    touch("dcbtst", SysOp::Dcbtst, 246, 0b10000, 0b10000),
    // User special-purpose registers and the time base.
    mf("mfxer", 1),
    mf("mflr", 8),
    mf("mfctr", 9),
    mf("mfvrsave", 256),
    mf("mftb", 268),
    mf("mftbu", 269),
    mt("mtxer", 1),
    mt("mtlr", 8),
    mt("mtctr", 9),
    mt("mtvrsave", 256),
    def(
        "mfspr",
        op(SysOp::Mfspr),
        form::x(31, 339),
        &[Rt, Spr],
        Flags::NONE,
    ),
    def(
        "mtspr",
        op(SysOp::Mtspr),
        form::x(31, 467),
        &[Spr, Rt],
        Flags::NONE,
    ),
    // Supervisor SPRs: only named, as objdump names them; executing them is invalid.
    mf("mfrtcu", 4),
    mf("mfrtcl", 5),
    mf("mfdsisr", 18),
    mf("mfdar", 19),
    mf("mfdec", 22),
    mf("mfsdr1", 25),
    mf("mfsrr0", 26),
    mf("mfsrr1", 27),
    mf("mfctrl", 136),
    mf("mfasr", 280),
    mf("mfear", 282),
    mf("mfpvr", 287),
    mt("mtdsisr", 18),
    mt("mtdar", 19),
    mt("mtrtcu", 20),
    mt("mtrtcl", 21),
    mt("mtdec", 22),
    mt("mtsdr1", 25),
    mt("mtsrr0", 26),
    mt("mtsrr1", 27),
    mt("mtctrl", 152),
    mt("mtasr", 280),
    mt("mtear", 282),
    mt("mttbl", 284),
    mt("mttbu", 285),
    numbered("mfsprg", false, 272, 0b11),
    numbered("mtsprg", true, 272, 0b11),
    numbered("mfibatu", false, 528, 0b110),
    numbered("mtibatu", true, 528, 0b110),
    numbered("mfibatl", false, 529, 0b110),
    numbered("mtibatl", true, 529, 0b110),
    numbered("mfdbatu", false, 536, 0b110),
    numbered("mtdbatu", true, 536, 0b110),
    numbered("mfdbatl", false, 537, 0b110),
    numbered("mtdbatl", true, 537, 0b110),
    mftb("mftb", 268),
    mftb("mftbu", 269),
    def(
        "mfmsr",
        op(SysOp::Mfmsr),
        form::x(31, 83),
        &[Rt],
        Flags::NONE,
    )
    .fixed(RA | RB, 0),
];
