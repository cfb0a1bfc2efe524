//! System instructions: moves to and from the user SPRs (XER, LR, CTR, VRSAVE, the time base),
//! the MSR read, cache-block zeroing, the storage barriers and cache hints, which need no
//! code on a host that runs each guest thread on one host thread at a time, and conditional
//! traps, a compare that leaves the unit through the interpreter (which raises the trap)
//! only when it fires. Unconditional traps, `sc`, `isync` and `icbi` stay with the
//! interpreter (they leave the unit).

use super::{guest_flags, Lifter, Reg};
use crate::isa::system::SysOp;
use crate::isa::{Decoded, Insn};
use crate::memory::Perm;
use crate::Context;
use cranelift_codegen::ir::{types, InstBuilder, Value};
use std::mem::offset_of;

const XER: u32 = 1;
const LR: u32 = 8;
const CTR: u32 = 9;
const VRSAVE: u32 = 256;
const TBL: u32 = 268;
const TBU: u32 = 269;

pub fn lift(l: &mut Lifter, op: SysOp, i: Insn, pc: u32) -> bool {
    match op {
        SysOp::Sync | SysOp::Eieio | SysOp::Dcbf | SysOp::Dcbst | SysOp::Dcbt | SysOp::Dcbtst => {
            true
        }
        SysOp::Mfspr | SysOp::Mftb => mfspr(l, i),
        SysOp::Mtspr => mtspr(l, i),
        SysOp::Mfmsr => {
            let v = l.load_ctx(types::I64, offset_of!(Context, msr));
            l.set(Reg::Gpr(i.rt()), v);
            true
        }
        SysOp::Dcbz => zero_block(l, i, pc, 32),
        SysOp::Dcbz128 => zero_block(l, i, pc, 128),
        SysOp::Tw | SysOp::Twi | SysOp::Td | SysOp::Tdi => conditional_trap(l, op, i, pc),
        _ => false,
    }
}

/// tw, twi, td, tdi: the trap fires when any condition TO selects holds between RA and RB
/// (or SIMM), compared signed (TO bits 0, 1: less, greater), equal (bit 2) or unsigned (bits
/// 3, 4), as words (sign-extended low halves) for tw/twi.
fn conditional_trap(l: &mut Lifter, op: SysOp, i: Insn, pc: u32) -> bool {
    let to = i.to();
    if to == crate::jit::block::TRAP_ALWAYS {
        return false;
    }
    let word = matches!(op, SysOp::Tw | SysOp::Twi);
    let extend = |l: &mut Lifter, v: Value| {
        if word {
            let w = l.b.ins().ireduce(types::I32, v);
            l.b.ins().sextend(types::I64, w)
        } else {
            v
        }
    };
    let a = l.get(Reg::Gpr(i.ra()));
    let a = extend(l, a);
    let b = match op {
        SysOp::Tw | SysOp::Td => {
            let b = l.get(Reg::Gpr(i.rb()));
            extend(l, b)
        }
        // SIMM, sign-extended to 64 bits (and so already a sign-extended word).
        _ => l.b.ins().iconst(types::I64, i.simm()),
    };
    use cranelift_codegen::ir::condcodes::IntCC;
    let conditions = [
        (0b10000, IntCC::SignedLessThan),
        (0b01000, IntCC::SignedGreaterThan),
        (0b00100, IntCC::Equal),
        (0b00010, IntCC::UnsignedLessThan),
        (0b00001, IntCC::UnsignedGreaterThan),
    ];
    let mut fires = l.b.ins().iconst(types::I8, 0);
    for (bit, cc) in conditions {
        if to & bit != 0 {
            let holds = l.b.ins().icmp(cc, a, b);
            fires = l.b.ins().bor(fires, holds);
        }
    }
    let stays = l.b.ins().icmp_imm_s(IntCC::Equal, fires, 0);
    let d = crate::isa::decode(i.0).expect("lifted words decode");
    l.leave_unless_checks(&[stays], pc, d);
    true
}

/// XER's SO, OV and CA as the three low bits of an i64 (SO highest), the order both XER and
/// `mcrxr`'s CR field hold them in.
pub(super) fn xer_flags(l: &mut Lifter) -> Value {
    let so = l.get(Reg::So);
    let ov = l.get(Reg::Ov);
    let ca = l.get(Reg::Ca);
    let so = l.b.ins().ishl_imm_u(so, 2);
    let ov = l.b.ins().ishl_imm_u(ov, 1);
    let v = l.b.ins().bor(so, ov);
    l.b.ins().bor(v, ca)
}

fn mfspr(l: &mut Lifter, i: Insn) -> bool {
    let v = match i.spr() {
        LR => l.get(Reg::Lr),
        CTR => l.get(Reg::Ctr),
        XER => {
            let flags = xer_flags(l);
            let flags = l.b.ins().ishl_imm_u(flags, 29);
            let bc = l.load_ctx(types::I8, offset_of!(Context, xer_bc));
            let bc = l.b.ins().uextend(types::I64, bc);
            let bc = l.b.ins().band_imm_u(bc, 0x7f);
            l.b.ins().bor(flags, bc)
        }
        VRSAVE => {
            let v = l.load_ctx(types::I32, offset_of!(Context, vrsave));
            l.b.ins().uextend(types::I64, v)
        }
        TBL => l.load_ctx(types::I64, offset_of!(Context, timebase)),
        TBU => {
            let tb = l.load_ctx(types::I64, offset_of!(Context, timebase));
            l.b.ins().ushr_imm_u(tb, 32)
        }
        _ => return false,
    };
    l.set(Reg::Gpr(i.rt()), v);
    true
}

fn mtspr(l: &mut Lifter, i: Insn) -> bool {
    match i.spr() {
        LR | CTR => {
            let v = l.get(Reg::Gpr(i.rs()));
            l.set(if i.spr() == LR { Reg::Lr } else { Reg::Ctr }, v);
        }
        XER => {
            let v = l.get(Reg::Gpr(i.rs()));
            for (reg, bit) in [(Reg::So, 31), (Reg::Ov, 30), (Reg::Ca, 29)] {
                let b = l.b.ins().ushr_imm_u(v, bit);
                let b = l.b.ins().band_imm_u(b, 1);
                l.set(reg, b);
            }
            let bc = l.b.ins().band_imm_u(v, 0x7f);
            let bc = l.b.ins().ireduce(types::I8, bc);
            l.store_ctx(bc, offset_of!(Context, xer_bc));
        }
        VRSAVE => {
            let v = l.get(Reg::Gpr(i.rs()));
            let v = l.b.ins().ireduce(types::I32, v);
            l.store_ctx(v, offset_of!(Context, vrsave));
        }
        _ => return false,
    }
    true
}

/// dcbz/dcbz128: zero the aligned block holding (RA|0)+RB, or let the interpreter report the
/// fault.
fn zero_block(l: &mut Lifter, i: Insn, pc: u32, size: u32) -> bool {
    let d: Decoded = crate::isa::decode(i.0).expect("lifted words decode");
    let base = l.gpr_or_zero(i.ra());
    let rb = l.get(Reg::Gpr(i.rb()));
    let sum = l.b.ins().iadd(base, rb);
    let ea = l.b.ins().ireduce(types::I32, sum);
    let ea =
        l.b.ins()
            .band_imm_u(ea, i64::from(!(size - 1)) & 0xFFFF_FFFF);
    let checks = l.access_checks(ea, size, Perm::WRITE, true);
    l.guarded_mem(&checks, pc, d, true, |l| {
        let ea64 = l.b.ins().uextend(types::I64, ea);
        let host = l.b.ins().iadd(l.membase, ea64);
        let zero = l.b.ins().iconst(types::I64, 0);
        for k in 0..size / 8 {
            l.b.ins().store(guest_flags(), zero, host, (8 * k) as i32);
        }
    });
    true
}
