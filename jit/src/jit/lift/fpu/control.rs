//! Moves, select, compares and the FPSCR instructions: integer work on register bits and
//! the cached FPSCR, as `interp::fpu::control` defines it.

use super::{fpr_f64, raise, record, summarize, Lifter, Reg};
use crate::interp::fpu::fpscr::*;
use crate::isa::fpu::FpuOp;
use crate::isa::Decoded;
use cranelift_codegen::ir::{condcodes::FloatCC, types, InstBuilder};

const SIGN: i64 = i64::MIN;

/// The FPSCR bits of the fields selected by an 8-bit field mask (bit 7 = field 0).
fn field_bits(mask: u32) -> u32 {
    (0..8)
        .filter(|n| mask & (0x80 >> n) != 0)
        .fold(0, |m, n| m | (0xf << (28 - 4 * n)))
}

pub fn lift(l: &mut Lifter, op: FpuOp, d: Decoded, pc: u32) {
    use FpuOp::*;
    let i = d.insn;
    match op {
        Fmr | Fneg | Fabs | Fnabs => {
            let b = l.get(Reg::Fpr(i.rb()));
            let v = match op {
                Fmr => b,
                Fneg => l.b.ins().bxor_imm_s(b, SIGN),
                Fabs => l.b.ins().band_imm_s(b, !SIGN),
                _ => l.b.ins().bor_imm_s(b, SIGN),
            };
            l.set(Reg::Fpr(i.rt()), v);
            record(l, i);
        }
        Fsel => {
            // FRA >= 0 (either zero, never a NaN) selects FRC: exactly an ordered compare.
            let a = fpr_f64(l, i.ra());
            let zero = l.b.ins().f64const(0.0);
            let ge = l.b.ins().fcmp(FloatCC::GreaterThanOrEqual, a, zero);
            let c = l.get(Reg::Fpr(i.rc_field()));
            let b = l.get(Reg::Fpr(i.rb()));
            let v = l.b.ins().select(ge, c, b);
            l.set(Reg::Fpr(i.rt()), v);
            record(l, i);
        }
        Mffs => {
            let f = l.get(Reg::Fpscr);
            let v = l.b.ins().uextend(types::I64, f);
            l.set(Reg::Fpr(i.rt()), v);
            record(l, i);
        }
        Mtfsf => {
            let b = l.get(Reg::Fpr(i.rb()));
            let b = l.b.ins().ireduce(types::I32, b);
            write_fields(l, field_bits(i.fm()), b);
            record(l, i);
        }
        Mtfsfi => {
            let bf = i.crfd();
            let v =
                l.b.ins()
                    .iconst(types::I32, i64::from(i.fpimm() << (28 - 4 * bf)));
            write_fields(l, field_bits(0x80 >> bf), v);
            record(l, i);
        }
        Mtfsb0 | Mtfsb1 => {
            let m = 1u32 << (31 - i.rt() as u32);
            if m & (FEX | VX | RESERVED) == 0 {
                let f = l.get(Reg::Fpscr);
                let f = if op == Mtfsb1 {
                    let f = l.b.ins().bor_imm_u(f, i64::from(m & !EXCEPTIONS));
                    let raised = l.b.ins().iconst(types::I32, i64::from(m & EXCEPTIONS));
                    raise(l, f, raised)
                } else {
                    let f = l.b.ins().band_imm_u(f, i64::from(!m));
                    summarize(l, f)
                };
                l.set(Reg::Fpscr, f);
            }
            record(l, i);
        }
        Mcrfs => {
            let (bf, bfa) = (i.crfd(), i.crfs());
            let f = l.get(Reg::Fpscr);
            let top = l.b.ins().ishl_imm_u(f, i64::from(4 * bfa));
            super::set_cr_field_from_top(l, bf, top);
            let m = (0xf << (28 - 4 * bfa)) & MCRFS_CLEARS;
            let f = l.b.ins().band_imm_u(f, i64::from(!m));
            let f = summarize(l, f);
            l.set(Reg::Fpscr, f);
        }
        Fcmpu | Fcmpo => {
            // NaN operands raise VXSNAN/VXVC depending on VE: the interpreter does those.
            let a = fpr_f64(l, i.ra());
            let b = fpr_f64(l, i.rb());
            let ordered = l.b.ins().fcmp(FloatCC::Ordered, a, b);
            let lt = l.b.ins().fcmp(FloatCC::LessThan, a, b);
            let gt = l.b.ins().fcmp(FloatCC::GreaterThan, a, b);
            let c8 = l.b.ins().iconst(types::I32, 8);
            let c4 = l.b.ins().iconst(types::I32, 4);
            let c2 = l.b.ins().iconst(types::I32, 2);
            let code = l.b.ins().select(gt, c4, c2);
            let code = l.b.ins().select(lt, c8, code);
            let bf = i.crfd();
            l.guarded(ordered, pc, d, |l| {
                let f = l.get(Reg::Fpscr);
                let f = super::summarized(l, f);
                let f = l.b.ins().band_imm_u(f, i64::from(!FPCC));
                let cc = l.b.ins().ishl_imm_u(code, 12);
                let f = l.b.ins().bor(f, cc);
                l.set(Reg::Fpscr, f);
                let top = l.b.ins().ishl_imm_u(code, 28);
                super::set_cr_field_from_top(l, bf, top);
            });
        }
        _ => unreachable!("not a control op: {op:?}"),
    }
}

/// mtfsf/mtfsfi: the fields in `mask` take `value`'s bits, except FEX and VX, which are
/// recomputed.
fn write_fields(l: &mut Lifter, mask: u32, value: cranelift_codegen::ir::Value) {
    let m = mask & !(FEX | VX | RESERVED);
    let f = l.get(Reg::Fpscr);
    let kept = l.b.ins().band_imm_u(f, i64::from(!m));
    let new = l.b.ins().band_imm_u(value, i64::from(m));
    let f = l.b.ins().bor(kept, new);
    let f = summarize(l, f);
    l.set(Reg::Fpscr, f);
}
