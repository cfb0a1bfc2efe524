//! The instruction table: one entry per mnemonic (including the extended mnemonics that
//! GNU objdump prints), each naming the operation it performs. Extended mnemonics share the
//! operation of their base instruction, so decoding and execution cannot disagree; they only
//! change how a word is printed.

use super::{branch, fpu, integer, loadstore, system, vector, Insn, Operand};
use std::sync::OnceLock;

/// What an instruction does, grouped by family. The interpreter and the lifter each have one
/// module per family that matches the family's enum exhaustively.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    Integer(integer::IntOp),
    Branch(branch::BranchOp),
    LoadStore(loadstore::LsOp),
    Fpu(fpu::FpuOp),
    System(system::SysOp),
    Vector(vector::VecOp),
}

/// Optional bits that change the mnemonic and the semantics of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Flags(pub u8);

impl Flags {
    pub const NONE: Flags = Flags(0);
    /// Bit 31 is Rc: record to CR0/CR1 (vector compares use `VRC`), printed as '.'.
    pub const RC: Flags = Flags(1);
    /// Bit 21 is OE: record overflow, printed as 'o'.
    pub const OE: Flags = Flags(2);
    /// Bit 31 is LK: set the link register, printed as 'l'.
    pub const LK: Flags = Flags(4);
    /// Bit 30 is AA: absolute target, printed as 'a'.
    pub const AA: Flags = Flags(8);
    /// Bit 21 is a vector compare's Rc: record to CR6, printed as '.'.
    pub const VRC: Flags = Flags(16);
    /// Not known to GNU binutils (Xenon-only), so the objdump comparison skips it and the test
    /// runner encodes it itself.
    pub const XENON_ONLY: Flags = Flags(32);

    pub const fn has(self, f: Flags) -> bool {
        self.0 & f.0 == f.0
    }
    pub const fn with(self, f: Flags) -> Flags {
        Flags(self.0 | f.0)
    }
}

/// A custom printer for entries whose text depends on field values in ways an operand list
/// cannot express (branch hints, computed shift amounts).
pub type Printer = fn(&InsnDef, Insn, u32) -> String;

#[derive(Clone, Copy)]
pub struct InsnDef {
    pub mnemonic: &'static str,
    pub op: Op,
    /// Bits that must equal `bits` for the entry to match.
    pub mask: u32,
    pub bits: u32,
    pub operands: &'static [Operand],
    pub flags: Flags,
    /// Extra condition on fields (an extended mnemonic such as `mr` needs RS == RB).
    pub when: Option<fn(Insn) -> bool>,
    pub printer: Option<Printer>,
}

impl std::fmt::Debug for InsnDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({:?}, mask={:#010x} bits={:#010x})",
            self.mnemonic, self.op, self.mask, self.bits
        )
    }
}

const RC_BIT: u32 = 1;
const OE_BIT: u32 = 0x400;
const AA_BIT: u32 = 2;

impl InsnDef {
    /// An entry matching `bits` under `mask`. Rc/LK (bit 31), AA (bit 30) and OE/VRC (bit 21)
    /// are freed from the mask by the matching flags.
    pub const fn new(
        mnemonic: &'static str,
        op: Op,
        mask: u32,
        bits: u32,
        operands: &'static [Operand],
        flags: Flags,
    ) -> Self {
        let mut mask = mask;
        if flags.has(Flags::RC) || flags.has(Flags::LK) {
            mask &= !RC_BIT;
        }
        if flags.has(Flags::AA) {
            mask &= !AA_BIT;
        }
        if flags.has(Flags::OE) || flags.has(Flags::VRC) {
            mask &= !OE_BIT;
        }
        Self {
            mnemonic,
            op,
            mask,
            bits: bits & mask,
            operands,
            flags,
            when: None,
            printer: None,
        }
    }

    pub const fn when(mut self, cond: fn(Insn) -> bool) -> Self {
        self.when = Some(cond);
        self
    }

    pub const fn printer(mut self, p: Printer) -> Self {
        self.printer = Some(p);
        self
    }

    /// Narrows the pattern with extra fixed bits (for extended mnemonics).
    pub const fn fixed(mut self, mask: u32, bits: u32) -> Self {
        self.mask |= mask;
        self.bits = (self.bits & !mask) | (bits & mask);
        self
    }

    pub fn matches(&self, insn: Insn) -> bool {
        insn.0 & self.mask == self.bits && self.when.is_none_or(|w| w(insn))
    }

    /// The mnemonic with the suffixes the word's Rc/OE/LK/AA bits call for.
    pub fn full_mnemonic(&self, insn: Insn) -> String {
        let mut m = String::from(self.mnemonic);
        if self.flags.has(Flags::OE) && insn.oe() {
            m.push('o');
        }
        if self.flags.has(Flags::LK) && insn.lk() {
            m.push('l');
        }
        if self.flags.has(Flags::AA) && insn.aa() {
            m.push('a');
        }
        if (self.flags.has(Flags::RC) && insn.rc()) || (self.flags.has(Flags::VRC) && insn.vrc()) {
            m.push('.');
        }
        m
    }
}

/// Pattern helpers: (mask, bits) for the common instruction forms, before flags free bits.
pub mod form {
    /// D/I/B/SC/M forms: primary opcode only.
    pub const fn d(po: u32) -> (u32, u32) {
        (0xfc00_0000, po << 26)
    }
    /// DS form: primary opcode and the two-bit extended opcode.
    pub const fn ds(po: u32, xo: u32) -> (u32, u32) {
        (0xfc00_0003, (po << 26) | xo)
    }
    /// X, XL, XFX, XFL forms: ten-bit extended opcode in bits 21..30, Rc must be zero.
    pub const fn x(po: u32, xo: u32) -> (u32, u32) {
        (0xfc00_07ff, (po << 26) | (xo << 1))
    }
    /// XO form: nine-bit extended opcode in bits 22..30, OE and Rc must be zero.
    pub const fn xo(po: u32, xo: u32) -> (u32, u32) {
        (0xfc00_07ff, (po << 26) | (xo << 1))
    }
    /// A form: five-bit extended opcode in bits 26..30.
    pub const fn a(po: u32, xo: u32) -> (u32, u32) {
        (0xfc00_003f, (po << 26) | (xo << 1))
    }
    /// MD form: three-bit extended opcode in bits 27..29.
    pub const fn md(po: u32, xo: u32) -> (u32, u32) {
        (0xfc00_001d, (po << 26) | (xo << 2))
    }
    /// MDS form: four-bit extended opcode in bits 27..30.
    pub const fn mds(po: u32, xo: u32) -> (u32, u32) {
        (0xfc00_001f, (po << 26) | (xo << 1))
    }
    /// XS form (sradi): nine-bit extended opcode in bits 21..29.
    pub const fn xs(po: u32, xo: u32) -> (u32, u32) {
        (0xfc00_07fd, (po << 26) | (xo << 2))
    }
    /// VX form: eleven-bit extended opcode in bits 21..31.
    pub const fn vx(po: u32, xo: u32) -> (u32, u32) {
        (0xfc00_07ff, (po << 26) | xo)
    }
    /// VA form: six-bit extended opcode in bits 26..31.
    pub const fn va(po: u32, xo: u32) -> (u32, u32) {
        (0xfc00_003f, (po << 26) | xo)
    }
    /// VXR form (vector compares): ten-bit extended opcode in bits 22..31, Rc in bit 21.
    pub const fn vxr(po: u32, xo: u32) -> (u32, u32) {
        (0xfc00_07ff, (po << 26) | xo)
    }
}

/// Shorthand used by the family tables: `def(name, op, form::x(31, 266), &[...], flags)`.
pub const fn def(
    mnemonic: &'static str,
    op: Op,
    pattern: (u32, u32),
    operands: &'static [Operand],
    flags: Flags,
) -> InsnDef {
    InsnDef::new(mnemonic, op, pattern.0, pattern.1, operands, flags)
}

/// Every entry of every family. Extended mnemonics are listed before their base form; the
/// decoder prefers the entry with the most fixed bits anyway.
pub fn table() -> &'static [InsnDef] {
    static TABLE_CELL: OnceLock<Vec<InsnDef>> = OnceLock::new();
    TABLE_CELL.get_or_init(|| {
        let mut all = Vec::new();
        all.extend_from_slice(integer::ENTRIES);
        all.extend_from_slice(branch::ENTRIES);
        all.extend_from_slice(loadstore::ENTRIES);
        all.extend_from_slice(fpu::ENTRIES);
        all.extend_from_slice(system::ENTRIES);
        all.extend_from_slice(vector::ENTRIES);
        all
    })
}
