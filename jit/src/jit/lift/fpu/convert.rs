//! frsp, fcfid and the conversions to integer, as `interp::fpu::convert` defines them.

use super::arith::{round_commit, Exact, Post};
use super::{as_f64, commit_fpscr, fpr_f64, normal_class, record, Lifter, Reg};
use crate::interp::fpu::fpscr::*;
use crate::isa::fpu::FpuOp;
use crate::isa::Decoded;
use cranelift_codegen::ir::{condcodes::FloatCC, condcodes::IntCC, types, InstBuilder};

pub fn lift(l: &mut Lifter, op: FpuOp, d: Decoded, pc: u32) {
    use FpuOp::*;
    let i = d.insn;
    match op {
        Frsp => {
            // The operand is exact: round it to single like any single result.
            let b = l.get(Reg::Fpr(i.rb()));
            let r = as_f64(l, b);
            let no = l.b.ins().iconst(types::I8, 0);
            let yes = l.b.ins().iconst(types::I8, 1);
            let f = l.get(Reg::Fpscr);
            let x = Exact {
                r,
                fi: no,
                up: no,
                ok: yes,
                zero_sign_rm: None,
            };
            let done = round_commit(l, &x, true, f, &Post::default());
            l.guarded(done.ok, pc, d, |l| {
                l.set(Reg::Fpr(i.rt()), done.bits);
                l.set(Reg::Fpscr, done.fpscr);
                record(l, i);
            });
        }
        Fcfid => {
            // Exact conversions only (at most 53 significant bits): no rounding, any mode.
            let v = l.get(Reg::Fpr(i.rb()));
            let n = l.b.ins().iabs(v);
            let lz = l.b.ins().clz(n);
            let tz = l.b.ins().ctz(n);
            let used = l.b.ins().iadd(lz, tz);
            // 64 - lz - tz <= 53, or v == 0 (lz + tz = 128).
            let ok =
                l.b.ins()
                    .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, used, 11);
            let r = l.b.ins().fcvt_from_sint(types::F64, v);
            let bits = super::as_bits(l, r);
            let is_zero = l.b.ins().icmp_imm_s(IntCC::Equal, v, 0);
            let normal = normal_class(l, bits);
            let pz = l.b.ins().iconst(types::I32, i64::from(CLASS_POS_ZERO));
            let class = l.b.ins().select(is_zero, pz, normal);
            l.guarded(ok, pc, d, |l| {
                l.set(Reg::Fpr(i.rt()), bits);
                let no = l.b.ins().iconst(types::I8, 0);
                let z = l.b.ins().iconst(types::I32, 0);
                commit_fpscr(l, z, no, no, Some(class));
                record(l, i);
            });
        }
        Fctiw | Fctiwz | Fctid | Fctidz => {
            let b = fpr_f64(l, i.rb());
            let rounded = if matches!(op, Fctiwz | Fctidz) {
                l.b.ins().trunc(b)
            } else {
                let f = l.get(Reg::Fpscr);
                let mode = l.b.ins().band_imm_u(f, i64::from(RN));
                let n = l.b.ins().nearest(b);
                let z = l.b.ins().trunc(b);
                let p = l.b.ins().ceil(b);
                let m = l.b.ins().floor(b);
                let is0 = l.b.ins().icmp_imm_u(IntCC::Equal, mode, 0);
                let is1 = l.b.ins().icmp_imm_u(IntCC::Equal, mode, 1);
                let is2 = l.b.ins().icmp_imm_u(IntCC::Equal, mode, 2);
                let t = l.b.ins().select(is2, p, m);
                let t = l.b.ins().select(is1, z, t);
                l.b.ins().select(is0, n, t)
            };
            // In range (NaN compares false): the interpreter handles VXCVI.
            let (lo, hi, hi_cc) = if matches!(op, Fctiw | Fctiwz) {
                (-2147483648.0, 2147483647.0, FloatCC::LessThanOrEqual)
            } else {
                (
                    -9223372036854775808.0,
                    9223372036854775808.0,
                    FloatCC::LessThan,
                )
            };
            let lo = l.b.ins().f64const(lo);
            let hi = l.b.ins().f64const(hi);
            let ge = l.b.ins().fcmp(FloatCC::GreaterThanOrEqual, rounded, lo);
            let le = l.b.ins().fcmp(hi_cc, rounded, hi);
            let ok = l.b.ins().band(ge, le);
            let v = l.b.ins().fcvt_to_sint_sat(types::I64, rounded);
            let fi = l.b.ins().fcmp(FloatCC::NotEqual, rounded, b);
            let ra = l.b.ins().fabs(rounded);
            let ba = l.b.ins().fabs(b);
            let bigger = l.b.ins().fcmp(FloatCC::GreaterThan, ra, ba);
            let fr = l.b.ins().band(fi, bigger);
            let xx = l.b.ins().iconst(types::I32, i64::from(XX));
            let z = l.b.ins().iconst(types::I32, 0);
            let raised = l.b.ins().select(fi, xx, z);
            l.guarded(ok, pc, d, |l| {
                l.set(Reg::Fpr(i.rt()), v);
                commit_fpscr(l, raised, fr, fi, None);
                record(l, i);
            });
        }
        _ => unreachable!("not a conversion: {op:?}"),
    }
}
