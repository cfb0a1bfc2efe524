//! Floating point: arithmetic, rounding and conversion, compare, select, moves and FPSCR
//! instructions, with the exact architectural effects of the PowerPC ISA (Book I,
//! Floating-Point Facility).
//!
//! Behaviour the ISA leaves open, and what we chose (mostly to agree with qemu-ppc64, our
//! differential reference):
//! - `fres` is 1/x correctly rounded to single; `frsqrte` is 1/sqrt(x) with the square root
//!   and the reciprocal each rounded to double. FR is reported 0 for both. The hardware
//!   returns a table estimate instead; software only relies on the accuracy bound.
//!   Unlike qemu, `fres(±0)` is ±Inf (with ZX) as the ISA defines; qemu returns ±0.5.
//! - FRT[0:31] of `fctiw[z]`, FPRF after conversions to integer, and the upper word of
//!   `mffs`: see `convert::fcti` and `Mffs` below.
//! - Single-precision NaN results are truncated to single precision (the low 29 fraction
//!   bits cleared), as `frsp` is defined to do and as qemu does for every single op.
//! - An enabled exception sets FEX and, for invalid operations and zero divides, leaves FRT
//!   unchanged, as the ISA requires. It interrupts only with MSR[FE0] or MSR[FE1] set (the
//!   Xbox 360 runs with both clear): then every instruction that updates FPSCR and leaves
//!   FEX set ends with `Exit::FpEnabled` at itself (`sets_fex`), in the precise mode,
//!   whichever of the three nonzero modes is set.
//! - FPSCR[NI] is stored but has no effect; results are always IEEE.
//!
//! Where qemu-ppc64 (7.2) disagrees with the ISA we follow the ISA: qemu never sets FR,
//! classifies single-precision denormal results as normal in FPRF, negates fnmadd/fnmsub
//! before rounding (visible in directed rounding modes), does not set FX on `mtfsb1` of an
//! exception bit, and ignores `mtfsb1 29` (NI).

mod arith;
mod control;
mod convert;
pub(crate) mod fpscr;
mod soft;
#[cfg(test)]
mod tests;

use super::ExecResult;
use crate::isa::fpu::FpuOp;
use crate::isa::Insn;
use crate::Context;
use arith::Kind;
use convert::IntWidth;
use fpscr::*;
use soft::Prec;

/// Whether `op` updates FPSCR, so that it takes the enabled-exception interrupt when it
/// leaves FEX set: all but the moves, `fsel` and `mffs`, which leave FPSCR alone.
pub fn sets_fex(op: FpuOp) -> bool {
    !matches!(
        op,
        FpuOp::Fmr | FpuOp::Fneg | FpuOp::Fabs | FpuOp::Fnabs | FpuOp::Fsel | FpuOp::Mffs
    )
}

/// Bit-level facts about double-format register values.
mod bits {
    pub const SIGN: u64 = 1 << 63;
    pub const INF: u64 = 0x7ff0_0000_0000_0000;
    /// The QNaN an invalid operation produces when no operand is a NaN.
    pub const DEFAULT_NAN: u64 = 0x7ff8_0000_0000_0000;
    const QUIET: u64 = 1 << 51;
    const MAG: u64 = !SIGN;

    pub fn is_nan(x: u64) -> bool {
        x & MAG > INF
    }
    pub fn is_snan(x: u64) -> bool {
        is_nan(x) && x & QUIET == 0
    }
    pub fn is_inf(x: u64) -> bool {
        x & MAG == INF
    }
    pub fn is_zero(x: u64) -> bool {
        x & MAG == 0
    }
    pub fn quiet(x: u64) -> u64 {
        x | QUIET
    }
    /// A NaN cut to the 23 fraction bits of the single format.
    pub fn truncate_to_single(x: u64) -> u64 {
        x & !0x1fff_ffff
    }
}

/// What an arithmetic, rounding or conversion instruction does to FRT and the FPSCR.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// New FRT contents; `None` when an enabled exception suppresses the write.
    frt: Option<u64>,
    /// Exception bits raised (FX, VX and FEX follow from them).
    raised: u32,
    /// The new FR and FI bits (both are always rewritten).
    fr_fi: u32,
    /// The new FPRF, or `None` to keep it.
    fprf: Option<u32>,
}

impl Outcome {
    fn value(frt: u64, raised: u32, fr_fi: u32, fprf: u32) -> Self {
        Self {
            frt: Some(frt),
            raised,
            fr_fi,
            fprf: Some(fprf),
        }
    }

    /// An enabled invalid operation or zero divide: FRT and FPRF unchanged, FR and FI
    /// cleared.
    fn suppressed(raised: u32) -> Self {
        Self {
            frt: None,
            raised,
            fr_fi: 0,
            fprf: None,
        }
    }
}

fn commit(ctx: &mut Context, i: Insn, o: Outcome) {
    let mut f = raise(ctx.fpscr, o.raised);
    f = (f & !(FR | FI)) | o.fr_fi;
    if let Some(c) = o.fprf {
        f = (f & !FPRF) | c;
    }
    ctx.fpscr = f;
    if let Some(v) = o.frt {
        ctx.fpr[i.rt()] = v;
    }
    record(ctx, i);
}

/// Rc = 1: CR1 receives FX, FEX, VX and OX.
fn record(ctx: &mut Context, i: Insn) {
    if i.rc() {
        ctx.set_cr_field(1, ctx.fpscr >> 28);
    }
}

fn arith_op(ctx: &mut Context, i: Insn, kind: Kind, prec: Prec) {
    let (a, b, c) = (ctx.fpr[i.ra()], ctx.fpr[i.rb()], ctx.fpr[i.rc_field()]);
    let o = arith::arith(kind, prec, a, b, c, ctx.fpscr);
    commit(ctx, i, o);
}

/// Writes FRT from a pure bit operation (moves, select): the FPSCR is untouched.
fn move_op(ctx: &mut Context, i: Insn, v: u64) {
    ctx.fpr[i.rt()] = v;
    record(ctx, i);
}

pub fn exec(op: FpuOp, i: Insn, ctx: &mut Context) -> ExecResult {
    use FpuOp::*;
    use Prec::{Double as D, Single as S};
    let b = ctx.fpr[i.rb()];
    match op {
        Fadd => arith_op(ctx, i, Kind::Add, D),
        Fadds => arith_op(ctx, i, Kind::Add, S),
        Fsub => arith_op(ctx, i, Kind::Sub, D),
        Fsubs => arith_op(ctx, i, Kind::Sub, S),
        Fmul => arith_op(ctx, i, Kind::Mul, D),
        Fmuls => arith_op(ctx, i, Kind::Mul, S),
        Fdiv => arith_op(ctx, i, Kind::Div, D),
        Fdivs => arith_op(ctx, i, Kind::Div, S),
        Fsqrt => arith_op(ctx, i, Kind::Sqrt, D),
        Fsqrts => arith_op(ctx, i, Kind::Sqrt, S),
        Fres => arith_op(ctx, i, Kind::Res, S),
        Frsqrte => arith_op(ctx, i, Kind::Rsqrte, D),
        Fmadd => arith_op(ctx, i, Kind::Madd, D),
        Fmadds => arith_op(ctx, i, Kind::Madd, S),
        Fmsub => arith_op(ctx, i, Kind::Msub, D),
        Fmsubs => arith_op(ctx, i, Kind::Msub, S),
        Fnmadd => arith_op(ctx, i, Kind::Nmadd, D),
        Fnmadds => arith_op(ctx, i, Kind::Nmadd, S),
        Fnmsub => arith_op(ctx, i, Kind::Nmsub, D),
        Fnmsubs => arith_op(ctx, i, Kind::Nmsub, S),
        Frsp => {
            let o = convert::frsp(b, ctx.fpscr);
            commit(ctx, i, o);
        }
        Fctiw | Fctiwz | Fctid | Fctidz => {
            let width = if matches!(op, Fctiw | Fctiwz) {
                IntWidth::Word
            } else {
                IntWidth::Doubleword
            };
            let o = convert::fcti(b, width, matches!(op, Fctiwz | Fctidz), ctx.fpscr);
            commit(ctx, i, o);
        }
        Fcfid => {
            let o = convert::fcfid(b, ctx.fpscr);
            commit(ctx, i, o);
        }
        Fcmpu | Fcmpo => {
            let a = ctx.fpr[i.ra()];
            let (code, raised) = control::compare(a, b, op == Fcmpo, ctx.fpscr);
            // FR, FI and C are left alone; only FPCC reflects the comparison.
            ctx.fpscr = (raise(ctx.fpscr, raised) & !FPCC) | (code << 12);
            ctx.set_cr_field(i.crfd(), code);
        }
        Fsel => {
            let (a, c) = (ctx.fpr[i.ra()], ctx.fpr[i.rc_field()]);
            // FRA >= 0 (either zero counts, a NaN does not) selects FRC; no exceptions.
            let ge_zero = !bits::is_nan(a) && (a & bits::SIGN == 0 || bits::is_zero(a));
            move_op(ctx, i, if ge_zero { c } else { b });
        }
        Fmr => move_op(ctx, i, b),
        Fneg => move_op(ctx, i, b ^ bits::SIGN),
        Fabs => move_op(ctx, i, b & !bits::SIGN),
        Fnabs => move_op(ctx, i, b | bits::SIGN),
        Mffs => {
            // FRT[0:31] is undefined; zero, as qemu-ppc64 gives.
            ctx.fpr[i.rt()] = u64::from(ctx.fpscr);
            record(ctx, i);
        }
        Mtfsf => {
            control::write_fields(ctx, i.fm(), b as u32);
            record(ctx, i);
        }
        Mtfsfi => {
            let bf = i.crfd();
            control::write_fields(ctx, 0x80 >> bf, i.fpimm() << (28 - 4 * bf));
            record(ctx, i);
        }
        Mtfsb0 | Mtfsb1 => {
            control::write_bit(ctx, i.rt() as u32, op == Mtfsb1);
            record(ctx, i);
        }
        Mcrfs => control::mcrfs(ctx, i.crfd(), i.crfs()),
    }
    Ok(())
}
