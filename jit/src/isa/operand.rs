//! Operand kinds: where a field lives in the word and how GNU objdump (`-M cell`) prints it.

use super::Insn;
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// GPR in the RT/RS position.
    Rt,
    /// GPR in the RA position.
    Ra,
    /// GPR in the RB position.
    Rb,
    /// RA where 0 means the value zero: printed `0`.
    Ra0,
    Frt,
    Fra,
    Frb,
    Frc,
    /// CR field in bits 6..8.
    Crfd,
    /// CR field in bits 6..8, omitted when it is cr0 (compare instructions).
    CrfdOpt,
    /// CR field in bits 11..13.
    Crfs,
    /// CR field in bits 11..13 (the field a conditional branch's BI selects), omitted when
    /// it is cr0 unless a BH operand follows it.
    CrfsOpt,
    /// BH hint of bclr/bcctr (bits 19..20), omitted when zero.
    Bh,
    /// EH hint of lwarx/ldarx (bit 31), omitted when zero.
    Eh,
    /// CR bit operands, printed `4*crN+eq` (or `eq` for CR0).
    Crbd,
    Crba,
    Crbb,
    /// L bit of compares (bit 10).
    L,
    /// Signed 16-bit immediate.
    Simm,
    /// Unsigned 16-bit immediate.
    Uimm,
    /// D(RA0) of D-form loads and stores.
    Disp,
    /// DS(RA0) of DS-form loads and stores.
    DispDs,
    /// Target of `b`: absolute if AA, else relative to the instruction's address.
    TargetLi,
    /// Target of `bc`.
    TargetBd,
    Bo,
    Bi,
    /// SH of 32-bit rotates/shifts, bits 16..20.
    Sh,
    Mb,
    Me,
    Sh64,
    Mb64,
    Spr,
    Crm,
    Fm,
    FpImm,
    Nb,
    To,
    Vd,
    Va,
    Vb,
    Vc,
    /// vsldoi shift (bits 22..25).
    Vshb,
    /// 5-bit unsigned immediate in the VA position.
    Vuimm,
    /// 5-bit signed immediate in the VA position.
    Vsimm,
    /// Data-stream tag of dst/dss (bits 9..10).
    Strm,
    /// VMX128 VD/VS: 7 bits, split between bits 6..10 and 28..29.
    Vd128,
    /// VMX128 VA: 7 bits, split between bits 11..15, 26 and 21.
    Va128,
    /// VMX128 VB: 7 bits, split between bits 16..20 and 30..31.
    Vb128,
    /// vperm128's 3-bit VC (only v0..v7 reachable), bits 23..25.
    Vc128,
    /// vpermwi128's 8-bit word permutation, split between bits 11..15 and 23..25.
    Vperm128,
    /// vpkd3d128's pack type, bits 11..13.
    D3dType,
    /// vpkd3d128's shift selector, bits 14..15.
    D3dShift,
    /// 2-bit z field, bits 24..25: vrlimi128's rotate count, vpkd3d128's pack position.
    Vz128,
}

const CR_BIT_NAMES: [&str; 4] = ["lt", "gt", "eq", "so"];

fn cr_bit(out: &mut String, bit: u32) {
    let (field, b) = (bit / 4, bit % 4);
    if field == 0 {
        out.push_str(CR_BIT_NAMES[b as usize]);
    } else {
        let _ = write!(out, "4*cr{field}+{}", CR_BIT_NAMES[b as usize]);
    }
}

impl Operand {
    /// Whether the operand is printed at all for this word (optional operands are not).
    pub fn present(self, insn: Insn) -> bool {
        match self {
            Operand::CrfdOpt => insn.crfd() != 0,
            // Only bclr/bcctr (primary 19) have a BH field; in `bc` those bits are displacement.
            Operand::CrfsOpt => insn.crfs() != 0 || (insn.opcd() == 19 && insn.bh() != 0),
            Operand::Bh => insn.bh() != 0,
            Operand::Eh => insn.0 & 1 != 0,
            _ => true,
        }
    }

    /// Appends the operand's text for `insn` located at `pc`.
    pub fn print(self, out: &mut String, insn: Insn, pc: u32) {
        match self {
            Operand::Rt => {
                let _ = write!(out, "r{}", insn.rt());
            }
            Operand::Ra => {
                let _ = write!(out, "r{}", insn.ra());
            }
            Operand::Rb => {
                let _ = write!(out, "r{}", insn.rb());
            }
            Operand::Ra0 => {
                if insn.ra() == 0 {
                    out.push('0');
                } else {
                    let _ = write!(out, "r{}", insn.ra());
                }
            }
            Operand::Frt => {
                let _ = write!(out, "f{}", insn.rt());
            }
            Operand::Fra => {
                let _ = write!(out, "f{}", insn.ra());
            }
            Operand::Frb => {
                let _ = write!(out, "f{}", insn.rb());
            }
            Operand::Frc => {
                let _ = write!(out, "f{}", insn.rc_field());
            }
            Operand::Crfd | Operand::CrfdOpt => {
                let _ = write!(out, "cr{}", insn.crfd());
            }
            Operand::Crfs | Operand::CrfsOpt => {
                let _ = write!(out, "cr{}", insn.crfs());
            }
            Operand::Bh => {
                let _ = write!(out, "{}", insn.bh());
            }
            Operand::Eh => {
                let _ = write!(out, "{}", insn.0 & 1);
            }
            Operand::Crbd => cr_bit(out, insn.crbd()),
            Operand::Crba | Operand::Bi => cr_bit(out, insn.crba()),
            Operand::Crbb => cr_bit(out, insn.crbb()),
            Operand::L => {
                let _ = write!(out, "{}", u32::from(insn.l_cmp()));
            }
            Operand::Simm => {
                let _ = write!(out, "{}", insn.simm());
            }
            Operand::Uimm => {
                let _ = write!(out, "{}", insn.uimm());
            }
            Operand::Disp | Operand::DispDs => {
                let d = if self == Operand::Disp {
                    insn.simm()
                } else {
                    insn.ds()
                };
                let _ = write!(out, "{d}(");
                Operand::Ra0.print(out, insn, pc);
                out.push(')');
            }
            Operand::TargetLi => {
                let t = if insn.aa() {
                    insn.li() as u32
                } else {
                    pc.wrapping_add(insn.li() as u32)
                };
                let _ = write!(out, "0x{t:x}");
            }
            Operand::TargetBd => {
                let t = if insn.aa() {
                    insn.bd() as u32
                } else {
                    pc.wrapping_add(insn.bd() as u32)
                };
                let _ = write!(out, "0x{t:x}");
            }
            Operand::Bo => {
                let _ = write!(out, "{}", insn.bo());
            }
            Operand::Sh => {
                let _ = write!(out, "{}", insn.sh());
            }
            // NB = 0 means 32 bytes, and objdump prints it that way.
            Operand::Nb => {
                let nb = if insn.nb() == 0 { 32 } else { insn.nb() };
                let _ = write!(out, "{nb}");
            }
            Operand::Mb => {
                let _ = write!(out, "{}", insn.mb());
            }
            Operand::Me => {
                let _ = write!(out, "{}", insn.me());
            }
            Operand::Sh64 => {
                let _ = write!(out, "{}", insn.sh64());
            }
            Operand::Mb64 => {
                let _ = write!(out, "{}", insn.mb64());
            }
            Operand::Spr => {
                let _ = write!(out, "{}", insn.spr());
            }
            Operand::Crm => {
                let _ = write!(out, "{}", insn.crm());
            }
            Operand::Fm => {
                let _ = write!(out, "{}", insn.fm());
            }
            Operand::FpImm => {
                let _ = write!(out, "{}", insn.fpimm());
            }
            Operand::To => {
                let _ = write!(out, "{}", insn.to());
            }
            Operand::Vd => {
                let _ = write!(out, "v{}", insn.vd());
            }
            Operand::Va => {
                let _ = write!(out, "v{}", insn.va());
            }
            Operand::Vb => {
                let _ = write!(out, "v{}", insn.vb());
            }
            Operand::Vc => {
                let _ = write!(out, "v{}", insn.vc());
            }
            Operand::Vshb => {
                let _ = write!(out, "{}", insn.vshb());
            }
            Operand::Vuimm => {
                let _ = write!(out, "{}", insn.vuimm());
            }
            Operand::Vsimm => {
                let _ = write!(out, "{}", insn.vsimm());
            }
            Operand::Strm => {
                let _ = write!(out, "{}", insn.strm());
            }
            Operand::Vd128 => {
                let _ = write!(out, "v{}", insn.vd128());
            }
            Operand::Va128 => {
                let _ = write!(out, "v{}", insn.va128());
            }
            Operand::Vb128 => {
                let _ = write!(out, "v{}", insn.vb128());
            }
            Operand::Vc128 => {
                let _ = write!(out, "v{}", insn.vc128());
            }
            Operand::Vperm128 => {
                let _ = write!(out, "{}", insn.vperm128());
            }
            Operand::D3dType => {
                let _ = write!(out, "{}", insn.d3d_type());
            }
            Operand::D3dShift => {
                let _ = write!(out, "{}", insn.d3d_shift());
            }
            Operand::Vz128 => {
                let _ = write!(out, "{}", insn.vz128());
            }
        }
    }
}
