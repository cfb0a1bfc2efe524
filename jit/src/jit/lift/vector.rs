//! Vector instructions (AltiVec/VMX, VMX128 and the Xenon vector loads and stores) lifted to
//! host SIMD through Cranelift's 128-bit vector types, bit for bit as `interp::vector`
//! defines them.
//!
//! Vector registers are cached in `i8x16` variables like the scalar registers (`Reg::Vr`):
//! loaded on first use, written back where control leaves the unit or the interpreter runs.
//! Each operation views them in the lane type it needs with a bitcast, which costs nothing
//! on the host. `lanes` documents how guest elements sit in host lanes. VSCR stays in the
//! context: instructions read NJ and set SAT there directly.
//!
//! One module per family, as the interpreter has: `int` (arithmetic, logical, compares,
//! shifts, multiplies, packs), `permute` (merges, splats, permutes, whole-register shifts),
//! `mem` (loads, stores, lvsl/lvsr, stream hints), `fp` (single-precision arithmetic,
//! compares, rounding, conversions). Each returns false for what it does not lift, which
//! then runs in the interpreter.

mod fp;
mod int;
pub mod lanes;
mod mem;
mod permute;

use super::{ctx_flags, Lifter, Reg};
use crate::isa::vector::VecOp;
use crate::isa::Insn;
use crate::Context;
use cranelift_codegen::ir::immediates::Ieee32;
use cranelift_codegen::ir::{
    condcodes::IntCC, types, ConstantData, Endianness, InstBuilder, MemFlagsData, Type, Value,
};
use std::mem::offset_of;

pub const I8X16: Type = types::I8X16;
pub const I16X8: Type = types::I16X8;
pub const I32X4: Type = types::I32X4;
pub const F32X4: Type = types::F32X4;

/// VSCR[SAT] (bit 0 of the register as mfvscr shows it).
const VSCR_SAT: i64 = 1;
/// VSCR[NJ].
const VSCR_NJ_SHIFT: i64 = 16;

pub fn lift(l: &mut Lifter, op: VecOp, i: Insn, pc: u32) -> bool {
    int::lift(l, op, i)
        || permute::lift(l, op, i)
        || mem::lift(l, op, i, pc)
        || fp::lift(l, op, i, pc)
}

/// Guest vector register `n` viewed as `ty`.
pub fn read(l: &mut Lifter, n: usize, ty: Type) -> Value {
    let v = l.get(Reg::Vr(n));
    cast(l, v, ty)
}

pub fn write(l: &mut Lifter, n: usize, v: Value) {
    let v = cast(l, v, I8X16);
    l.set(Reg::Vr(n), v);
}

/// Reinterprets a vector as another lane layout (host lane order is little-endian, see
/// `lanes`).
pub fn cast(l: &mut Lifter, v: Value, ty: Type) -> Value {
    if l.b.func.dfg.value_type(v) == ty {
        return v;
    }
    let flags = MemFlagsData::new().with_endianness(Endianness::Little);
    l.b.ins().bitcast(ty, flags, v)
}

/// Every lane of `ty` set to `x`.
pub fn splat(l: &mut Lifter, ty: Type, x: i64) -> Value {
    let lane = ty.lane_type();
    // Immediates are canonical in the lane width (zero-extended).
    let x = if lane.bits() < 64 {
        x & ((1i64 << lane.bits()) - 1)
    } else {
        x
    };
    let s = if lane == types::F32 {
        l.b.ins().f32const(Ieee32::with_bits(x as u32))
    } else {
        l.b.ins().iconst(lane, x)
    };
    l.b.ins().splat(ty, s)
}

/// Lane-wise shifts by a constant.
pub fn ushr(l: &mut Lifter, v: Value, n: u32) -> Value {
    let n = l.b.ins().iconst(types::I32, i64::from(n));
    l.b.ins().ushr(v, n)
}

pub fn sshr(l: &mut Lifter, v: Value, n: u32) -> Value {
    let n = l.b.ins().iconst(types::I32, i64::from(n));
    l.b.ins().sshr(v, n)
}

pub fn shl(l: &mut Lifter, v: Value, n: u32) -> Value {
    let n = l.b.ins().iconst(types::I32, i64::from(n));
    l.b.ins().ishl(v, n)
}

/// A constant `i8x16` with host lane `j` = `bytes[j]`.
pub fn bytes_const(l: &mut Lifter, bytes: [u8; 16]) -> Value {
    let c =
        l.b.func
            .dfg
            .constants
            .insert(ConstantData::from(&bytes[..]));
    l.b.ins().vconst(I8X16, c)
}

/// `shuffle(a, b)` with a host mask (see `lanes::shuffle_mask`).
pub fn shuffle(l: &mut Lifter, a: Value, b: Value, mask: [u8; 16]) -> Value {
    let a = cast(l, a, I8X16);
    let b = cast(l, b, I8X16);
    let imm = l.b.func.dfg.immediates.push(ConstantData::from(&mask[..]));
    l.b.ins().shuffle(a, b, imm)
}

/// Lane mask: all ones where `cc` holds.
pub fn cmp(l: &mut Lifter, cc: IntCC, a: Value, b: Value) -> Value {
    l.b.ins().icmp(cc, a, b)
}

fn vscr_offset() -> i32 {
    offset_of!(Context, vscr) as i32
}

pub fn vscr(l: &mut Lifter) -> Value {
    l.b.ins()
        .load(types::I32, ctx_flags(), l.ctx, vscr_offset())
}

/// Sets VSCR[SAT] when any lane of the mask `saturated` is nonzero (it is sticky: never
/// cleared here).
pub fn note_saturation(l: &mut Lifter, saturated: Value) {
    let any = l.b.ins().vany_true(saturated);
    let bit = l.b.ins().uextend(types::I32, any);
    debug_assert_eq!(VSCR_SAT, 1);
    let old = vscr(l);
    let new = l.b.ins().bor(old, bit);
    l.b.ins().store(ctx_flags(), new, l.ctx, vscr_offset());
}

/// `i32x4` all ones when VSCR[NJ] is set, else zero.
pub fn nj_mask(l: &mut Lifter) -> Value {
    let v = vscr(l);
    let nj = l.b.ins().ushr_imm_u(v, VSCR_NJ_SHIFT);
    let nj = l.b.ins().band_imm_u(nj, 1);
    let zero = l.b.ins().iconst(types::I32, 0);
    let m = l.b.ins().isub(zero, nj);
    l.b.ins().splat(I32X4, m)
}

/// CR6 from a compare result: 0b1000 when every lane is true (if `all` is wanted), 0b0010
/// when none is; the other CR fields are kept.
pub fn record_cr6(l: &mut Lifter, r: Value, with_all: bool) {
    let any = l.b.ins().vany_true(r);
    let none = l.b.ins().bxor_imm_u(any, 1);
    let none = l.b.ins().uextend(types::I32, none);
    let mut field = l.b.ins().ishl_imm_u(none, 1);
    if with_all {
        let all = l.b.ins().vall_true(r);
        let all = l.b.ins().uextend(types::I32, all);
        let all = l.b.ins().ishl_imm_u(all, 3);
        field = l.b.ins().bor(field, all);
    }
    l.set_cr_field(6, field);
}

/// The VMX128 register fields, or the AltiVec ones.
pub fn fields(i: Insn, wide: bool) -> (usize, usize, usize) {
    if wide {
        (i.vd128(), i.va128(), i.vb128())
    } else {
        (i.vd(), i.va(), i.vb())
    }
}
