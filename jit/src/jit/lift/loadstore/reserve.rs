//! lwarx/ldarx and stwcx./stdcx., lifted with the semantics `interp::loadstore::reserve`
//! defines: the reservation (address, size, loaded value, valid) lives in the context, and
//! a store-conditional is one host compare-and-swap against the loaded value.
//!
//! Both leave through the interpreter when the address is misaligned (it reports the
//! fault). A store-conditional performs its compare-and-swap even when no reservation for
//! its address is held, replacing the expected value with itself: memory keeps its value,
//! and the host still checks write access, as the ISA's access check before anything else
//! requires. Both write the context (the reservation) in the middle of a block, so each is
//! followed by a checkpoint (`Lifter::checkpoint_after`) where host faults recover.

use super::super::{guest_flags, Lifter, Reg};
use crate::isa::{Decoded, Insn};
use crate::memory::Perm;
use crate::Context;
use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder, Type, Value};
use std::mem::offset_of;

/// (RA|0) + RB in 32-bit arithmetic (zero-extended by the host), as every reservation
/// instruction addresses memory.
fn indexed_ea(l: &mut Lifter, i: Insn) -> Value {
    let base = l.gpr_or_zero(i.ra());
    let index = l.get(Reg::Gpr(i.rb()));
    let base = l.b.ins().ireduce(types::I32, base);
    let index = l.b.ins().ireduce(types::I32, index);
    l.b.ins().iadd(base, index)
}

/// Leaves through the interpreter unless `ea` is a multiple of `size`.
fn require_alignment(l: &mut Lifter, ea: Value, size: u32, pc: u32, d: Decoded) {
    let low = l.b.ins().band_imm_u(ea, i64::from(size - 1));
    let aligned = l.b.ins().icmp_imm_s(IntCC::Equal, low, 0);
    l.leave_unless_checks(&[aligned], pc, d);
}

fn ty_of(size: u32) -> Type {
    if size == 4 {
        types::I32
    } else {
        types::I64
    }
}

/// lwarx/ldarx: RT = the zero-extended word or doubleword at EA, which becomes the
/// reservation.
pub fn load_reserve(l: &mut Lifter, i: Insn, pc: u32, d: Decoded, size: u32) {
    let ea = indexed_ea(l, i);
    require_alignment(l, ea, size, pc, d);
    let checks = l.access_checks(ea, size, Perm::READ, true);
    l.guarded_mem(&checks, pc, d, false, |l| {
        let ea64 = l.b.ins().uextend(types::I64, ea);
        let host = l.b.ins().iadd(l.membase, ea64);
        let v = l.b.ins().load(ty_of(size), guest_flags(), host, 0);
        let v = l.b.ins().bswap(v);
        let v = if size == 4 {
            l.b.ins().uextend(types::I64, v)
        } else {
            v
        };
        l.set(Reg::Gpr(i.rt()), v);
        l.store_ctx(ea, offset_of!(Context, reserve_addr));
        let s = l.b.ins().iconst(types::I8, i64::from(size));
        l.store_ctx(s, offset_of!(Context, reserve_size));
        l.store_ctx(v, offset_of!(Context, reserve_value));
        let one = l.b.ins().iconst(types::I8, 1);
        l.store_ctx(one, offset_of!(Context, reserve_valid));
    });
    if l.env.host_faults() {
        l.checkpoint_after(pc);
    }
}

/// stwcx./stdcx.: stores RS at EA if the reservation is for exactly EA and this size and
/// memory still holds the reserved value; clears the reservation either way; CR0 = 0, 0,
/// stored, SO.
pub fn store_conditional(l: &mut Lifter, i: Insn, pc: u32, d: Decoded, size: u32) {
    let ea = indexed_ea(l, i);
    require_alignment(l, ea, size, pc, d);
    let checks = l.access_checks(ea, size, Perm::WRITE, true);
    let rs = l.get(Reg::Gpr(i.rs()));
    l.guarded_mem(&checks, pc, d, true, |l| {
        let ty = ty_of(size);
        let valid = l.load_ctx(types::I8, offset_of!(Context, reserve_valid));
        let addr = l.load_ctx(types::I32, offset_of!(Context, reserve_addr));
        let rsize = l.load_ctx(types::I8, offset_of!(Context, reserve_size));
        let reserved = l.load_ctx(types::I64, offset_of!(Context, reserve_value));
        let valid = l.b.ins().icmp_imm_s(IntCC::NotEqual, valid, 0);
        let same_addr = l.b.ins().icmp(IntCC::Equal, addr, ea);
        let same_size = l.b.ins().icmp_imm_s(IntCC::Equal, rsize, i64::from(size));
        let held = l.b.ins().band(valid, same_addr);
        let held = l.b.ins().band(held, same_size);
        let (expected, new) = if size == 4 {
            let e = l.b.ins().ireduce(ty, reserved);
            let n = l.b.ins().ireduce(ty, rs);
            (e, n)
        } else {
            (reserved, rs)
        };
        let expected = l.b.ins().bswap(expected);
        let new = l.b.ins().bswap(new);
        let replacement = l.b.ins().select(held, new, expected);
        let ea64 = l.b.ins().uextend(types::I64, ea);
        let host = l.b.ins().iadd(l.membase, ea64);
        let old =
            l.b.ins()
                .atomic_cas(guest_flags(), host, expected, replacement);
        let matched = l.b.ins().icmp(IntCC::Equal, old, expected);
        let stored = l.b.ins().band(held, matched);
        let zero = l.b.ins().iconst(types::I8, 0);
        l.store_ctx(zero, offset_of!(Context, reserve_valid));
        // CR0 from bits: SO below the stored bit (EQ), LT and GT clear.
        let so = l.get(Reg::So);
        let so = l.b.ins().ireduce(types::I32, so);
        let stored = l.b.ins().uextend(types::I32, stored);
        let eq = l.b.ins().ishl_imm_u(stored, 1);
        let field = l.b.ins().bor(eq, so);
        let field = l.b.ins().ishl_imm_u(field, 28);
        let cr = l.get(Reg::Cr);
        let kept = l.b.ins().band_imm_u(cr, 0x0fff_ffff);
        let cr = l.b.ins().bor(kept, field);
        l.set(Reg::Cr, cr);
    });
}
