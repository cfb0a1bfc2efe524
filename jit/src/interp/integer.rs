//! Integer arithmetic, logical, compare, rotate and shift.
//!
//! Mode rules (MSR[SF]): in 32-bit mode CA and OV describe the low word and CR0 compares the
//! low word (`Context::record_cr0`); results are still written as full 64-bit values. The word
//! multiplies and divides (`mullw`, `divw`...) judge OV on 32 bits in both modes.

mod arith;
mod logic;
mod rotate;

use super::ExecResult;
use crate::isa::integer::IntOp;
use crate::isa::Insn;
use crate::Context;

pub fn exec(op: IntOp, i: Insn, ctx: &mut Context) -> ExecResult {
    use IntOp::*;
    match op {
        Addi => arith::addi(i, ctx),
        Addis => arith::addis(i, ctx),
        Addic => arith::addic(i, ctx, false),
        AddicRc => arith::addic(i, ctx, true),
        Subfic => arith::subfic(i, ctx),
        Mulli => arith::mulli(i, ctx),
        Add | Addc | Adde | Addme | Addze | Subf | Subfc | Subfe | Subfme | Subfze | Neg => {
            arith::add_family(op, i, ctx)
        }
        Mullw | Mulhw | Mulhwu | Divw | Divwu | Mulld | Mulhd | Mulhdu | Divd | Divdu => {
            arith::mul_div(op, i, ctx)
        }
        Cmpi | Cmp | Cmpli | Cmpl => logic::compare(op, i, ctx),
        Andi | Andis | Ori | Oris | Xori | Xoris => logic::immediate(op, i, ctx),
        And | Andc | Or | Orc | Xor | Nand | Nor | Eqv => logic::binary(op, i, ctx),
        Extsb | Extsh | Extsw | Cntlzw | Cntlzd => logic::unary(op, i, ctx),
        Rlwinm | Rlwnm | Rlwimi => rotate::rotate32(op, i, ctx),
        Rldicl | Rldicr | Rldic | Rldimi | Rldcl | Rldcr => rotate::rotate64(op, i, ctx),
        Slw | Srw | Sraw | Srawi | Sld | Srd | Srad | Sradi => rotate::shift(op, i, ctx),
    }
    Ok(())
}

/// Sets XER[OV], and XER[SO] with it (SO is sticky: only `mtxer` clears it).
fn set_ov(ctx: &mut Context, overflow: bool) {
    ctx.xer_ov = u8::from(overflow);
    ctx.xer_so |= u8::from(overflow);
}

/// Writes an X-form result to RA and records it in CR0 when Rc is set.
fn write_ra(i: Insn, ctx: &mut Context, value: u64) {
    ctx.gpr[i.ra()] = value;
    if i.rc() {
        ctx.record_cr0(value);
    }
}

#[cfg(test)]
mod tests;
