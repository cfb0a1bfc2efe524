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
        !matches!(self, Operand::CrfdOpt if insn.crfd() == 0)
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
            Operand::Crfs => {
                let _ = write!(out, "cr{}", insn.crfs());
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
            Operand::Sh | Operand::Nb => {
                let _ = write!(out, "{}", insn.sh());
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
        }
    }
}
