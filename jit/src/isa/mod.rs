//! The instruction set: one table (`table::TABLE`) drives decoding, disassembly and execution.
//!
//! Each family module (`integer`, `branch`, `loadstore`, `fpu`, `system`, `vector`) declares
//! its operation enum and its table entries; the interpreter has a module of the same name
//! per family, so a reader finds `addx` in the same place in both.

pub mod asm;
pub mod branch;
pub mod decode;
pub mod disasm;
pub mod fpu;
pub mod integer;
pub mod loadstore;
pub mod operand;
pub mod system;
pub mod table;
pub mod vector;

pub use asm::{assemble, assemble_at, AsmError};
pub use decode::{decode, Decoded};
pub use disasm::disassemble;
pub use operand::Operand;
pub use table::{table, Flags, InsnDef, Op};

/// A raw instruction word with accessors for every field the ISA names.
/// Bit positions are given in IBM numbering in comments (bit 0 = most significant).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Insn(pub u32);

impl std::fmt::Debug for Insn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Insn({:#010x})", self.0)
    }
}

impl Insn {
    #[inline]
    const fn bits(self, shift: u32, width: u32) -> u32 {
        (self.0 >> shift) & ((1 << width) - 1)
    }
    /// Primary opcode, bits 0..5.
    #[inline]
    pub const fn opcd(self) -> u32 {
        self.0 >> 26
    }
    /// RT / RS / FRT / FRS / VD / BO / TO / crbD, bits 6..10.
    #[inline]
    pub const fn rt(self) -> usize {
        self.bits(21, 5) as usize
    }
    #[inline]
    pub const fn rs(self) -> usize {
        self.rt()
    }
    /// RA / BI / crbA, bits 11..15.
    #[inline]
    pub const fn ra(self) -> usize {
        self.bits(16, 5) as usize
    }
    /// RB / crbB / SH (32-bit), bits 16..20.
    #[inline]
    pub const fn rb(self) -> usize {
        self.bits(11, 5) as usize
    }
    /// FRC / MB (rlw*), bits 21..25.
    #[inline]
    pub const fn rc_field(self) -> usize {
        self.bits(6, 5) as usize
    }
    pub const fn crbd(self) -> u32 {
        self.bits(21, 5)
    }
    pub const fn crba(self) -> u32 {
        self.bits(16, 5)
    }
    pub const fn crbb(self) -> u32 {
        self.bits(11, 5)
    }
    /// BO, bits 6..10.
    pub const fn bo(self) -> u32 {
        self.bits(21, 5)
    }
    /// BI, bits 11..15.
    pub const fn bi(self) -> u32 {
        self.bits(16, 5)
    }
    /// BH, bits 19..20 (branch hint on bclr/bcctr).
    pub const fn bh(self) -> u32 {
        self.bits(11, 2)
    }
    /// crfD, bits 6..8.
    pub const fn crfd(self) -> u32 {
        self.bits(23, 3)
    }
    /// crfS, bits 11..13.
    pub const fn crfs(self) -> u32 {
        self.bits(18, 3)
    }
    /// L of cmp/cmpl/cmpi/cmpli, bit 10.
    pub const fn l_cmp(self) -> bool {
        self.bits(21, 1) != 0
    }
    /// 16-bit signed immediate (SIMM / D), bits 16..31.
    #[inline]
    pub const fn simm(self) -> i64 {
        self.0 as u16 as i16 as i64
    }
    /// 16-bit unsigned immediate, bits 16..31.
    #[inline]
    pub const fn uimm(self) -> u64 {
        (self.0 & 0xffff) as u64
    }
    /// DS field of DS-form loads/stores (low two bits are the extended opcode).
    #[inline]
    pub const fn ds(self) -> i64 {
        (self.0 & 0xfffc) as u16 as i16 as i64
    }
    /// Extended opcode of DS-forms, bits 30..31.
    pub const fn ds_xo(self) -> u32 {
        self.0 & 3
    }
    /// Branch displacement of I-form (`b`), sign-extended, already times four.
    pub const fn li(self) -> i64 {
        (((self.0 & 0x03ff_fffc) << 6) as i32 >> 6) as i64
    }
    /// Branch displacement of B-form (`bc`), sign-extended, already times four.
    pub const fn bd(self) -> i64 {
        (self.0 & 0xfffc) as u16 as i16 as i64
    }
    /// AA, bit 30.
    pub const fn aa(self) -> bool {
        self.0 & 2 != 0
    }
    /// LK, bit 31.
    pub const fn lk(self) -> bool {
        self.0 & 1 != 0
    }
    /// Rc, bit 31.
    pub const fn rc(self) -> bool {
        self.0 & 1 != 0
    }
    /// OE, bit 21.
    pub const fn oe(self) -> bool {
        self.0 & 0x400 != 0
    }
    /// SH of 32-bit rotates and srawi, bits 16..20.
    pub const fn sh(self) -> u32 {
        self.bits(11, 5)
    }
    /// MB of rlw*, bits 21..25.
    pub const fn mb(self) -> u32 {
        self.bits(6, 5)
    }
    /// ME of rlw*, bits 26..30.
    pub const fn me(self) -> u32 {
        self.bits(1, 5)
    }
    /// 6-bit SH of MD/XS forms: sh[0:4] in bits 16..20, sh[5] in bit 30.
    pub const fn sh64(self) -> u32 {
        self.bits(11, 5) | (self.bits(1, 1) << 5)
    }
    /// 6-bit MB/ME of MD/MDS forms: stored as mb[5] || mb[0:4] in bits 21..26.
    pub const fn mb64(self) -> u32 {
        self.bits(6, 5) | (self.bits(5, 1) << 5)
    }
    /// SPR number with its two halves swapped back, as `mfspr` names it.
    pub const fn spr(self) -> u32 {
        self.bits(16, 5) | (self.bits(11, 5) << 5)
    }
    /// CRM of mtcrf, bits 12..19.
    pub const fn crm(self) -> u32 {
        self.bits(12, 8)
    }
    /// FM of mtfsf, bits 7..14.
    pub const fn fm(self) -> u32 {
        self.bits(17, 8)
    }
    /// U immediate of mtfsfi, bits 16..19.
    pub const fn fpimm(self) -> u32 {
        self.bits(12, 4)
    }
    /// NB of lswi/stswi, bits 16..20.
    pub const fn nb(self) -> u32 {
        self.bits(11, 5)
    }
    /// TO of traps, bits 6..10.
    pub const fn to(self) -> u32 {
        self.bits(21, 5)
    }
    /// VMX: VD/VS, VA, VB, VC fields.
    pub const fn vd(self) -> usize {
        self.bits(21, 5) as usize
    }
    pub const fn va(self) -> usize {
        self.bits(16, 5) as usize
    }
    pub const fn vb(self) -> usize {
        self.bits(11, 5) as usize
    }
    pub const fn vc(self) -> usize {
        self.bits(6, 5) as usize
    }
    /// VMX: SHB of vsldoi, bits 22..25.
    pub const fn vshb(self) -> u32 {
        self.bits(6, 4)
    }
    /// VMX: 5-bit UIMM in the VA position (vspltb, vcfux ...).
    pub const fn vuimm(self) -> u32 {
        self.bits(16, 5)
    }
    /// VMX: 5-bit SIMM in the VA position (vspltis*), sign-extended.
    pub const fn vsimm(self) -> i32 {
        ((self.bits(16, 5) << 27) as i32) >> 27
    }
    /// VMX compare record bit (Rc), bit 21.
    pub const fn vrc(self) -> bool {
        self.0 & 0x400 != 0
    }
}
