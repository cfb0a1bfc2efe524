//! Condition-register logic and moves, lifted natively on the CR variable (an i32 with CR0
//! in the top nibble), exactly as `interp::branch` defines them.

use super::{Lifter, Reg};
use crate::isa::branch::BranchOp;
use crate::isa::Insn;
use cranelift_codegen::ir::{types, InstBuilder};

/// The mask FXM selects: FXM bit 0 (0x80) covers CR0 (the top nibble).
fn fxm_mask(fxm: u32) -> u32 {
    (0..8)
        .filter(|f| fxm & (0x80 >> f) != 0)
        .fold(0, |m, f| m | (0xf000_0000 >> (4 * f)))
}

/// Lifts a CR-logic or CR-move instruction; false leaves it to the interpreter.
pub fn lift(l: &mut Lifter, op: BranchOp, i: Insn) -> bool {
    use BranchOp::*;
    match op {
        Crand | Cror | Crxor | Crnand | Crnor | Creqv | Crandc | Crorc => {
            let cr = l.get(Reg::Cr);
            let a = l.b.ins().ushr_imm_u(cr, i64::from(31 - i.crba()));
            let b = l.b.ins().ushr_imm_u(cr, i64::from(31 - i.crbb()));
            let r = match op {
                Crand => l.b.ins().band(a, b),
                Cror => l.b.ins().bor(a, b),
                Crxor => l.b.ins().bxor(a, b),
                Crnand => {
                    let t = l.b.ins().band(a, b);
                    l.b.ins().bnot(t)
                }
                Crnor => {
                    let t = l.b.ins().bor(a, b);
                    l.b.ins().bnot(t)
                }
                Creqv => {
                    let t = l.b.ins().bxor(a, b);
                    l.b.ins().bnot(t)
                }
                Crandc => l.b.ins().band_not(a, b),
                _ => l.b.ins().bor_not(a, b),
            };
            let r = l.b.ins().band_imm_u(r, 1);
            let shift = 31 - i.crbd();
            let r = l.b.ins().ishl_imm_u(r, i64::from(shift));
            let kept = l.b.ins().band_imm_u(cr, i64::from(!(1u32 << shift)));
            let cr = l.b.ins().bor(kept, r);
            l.set(Reg::Cr, cr);
        }
        Mcrf => {
            let cr = l.get(Reg::Cr);
            let (s, d) = (i.crfs(), i.crfd());
            let field = l.b.ins().ushr_imm_u(cr, i64::from(28 - 4 * s));
            let field = l.b.ins().band_imm_u(field, 0xf);
            let dshift = 28 - 4 * d;
            let field = l.b.ins().ishl_imm_u(field, i64::from(dshift));
            let kept = l.b.ins().band_imm_u(cr, i64::from(!(0xfu32 << dshift)));
            let cr = l.b.ins().bor(kept, field);
            l.set(Reg::Cr, cr);
        }
        Mfcr => {
            let cr = l.get(Reg::Cr);
            let v = l.b.ins().uextend(types::I64, cr);
            l.set(Reg::Gpr(i.rt()), v);
        }
        Mfocrf => {
            let cr = l.get(Reg::Cr);
            let m = fxm_mask(i.crm());
            let v = l.b.ins().band_imm_u(cr, i64::from(m));
            let v = l.b.ins().uextend(types::I64, v);
            l.set(Reg::Gpr(i.rt()), v);
        }
        Mtcrf | Mtocrf => {
            let m = fxm_mask(i.crm());
            let cr = l.get(Reg::Cr);
            let rs = l.get(Reg::Gpr(i.rs()));
            let rs = l.b.ins().ireduce(types::I32, rs);
            let new = l.b.ins().band_imm_u(rs, i64::from(m));
            let kept = l.b.ins().band_imm_u(cr, i64::from(!m));
            let cr = l.b.ins().bor(kept, new);
            l.set(Reg::Cr, cr);
        }
        Mcrxr => {
            // CR field crfD = SO, OV, CA, 0; then the three XER bits are cleared. CR is
            // read (building lazy fields with the old SO) before SO changes.
            let flags = super::system::xer_flags(l);
            let field = l.b.ins().ishl_imm_u(flags, 1);
            let field = l.b.ins().ireduce(types::I32, field);
            let cr = l.get(Reg::Cr);
            let dshift = 28 - 4 * i.crfd();
            let field = l.b.ins().ishl_imm_u(field, i64::from(dshift));
            let kept = l.b.ins().band_imm_u(cr, i64::from(!(0xfu32 << dshift)));
            let cr = l.b.ins().bor(kept, field);
            l.set(Reg::Cr, cr);
            let zero = l.b.ins().iconst(types::I64, 0);
            for r in [Reg::So, Reg::Ov, Reg::Ca] {
                l.set(r, zero);
            }
        }
        // The branches are not CR logic.
        B | Bc | Bclr | Bcctr => return false,
    }
    true
}
