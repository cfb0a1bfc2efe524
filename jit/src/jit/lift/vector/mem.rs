//! Vector loads and stores, `lvsl`/`lvsr` and the data-stream hints.
//!
//! Every access lies in the aligned 16-byte block containing EA, so one permission check of
//! that block guards it (the block never crosses a page); when the check fails the
//! interpreter runs the instruction and reports the fault precisely, or completes an access
//! that touches no byte (`lvrx`/`stvrx` with EA aligned), exactly as `interp::vector::mem`.
//!
//! A raw 16-byte load of the block holds memory byte `i` in host lane `i`; register order
//! is the reverse (see `lanes`), so loads and stores map indexes through a shuffle or a
//! `swizzle` whose index vector is computed from EA & 15. Partial stores (`stve*x`,
//! `stvlx`, `stvrx`) read the block, merge the stored bytes under a lane mask and write the
//! block back: the bytes outside the mask are rewritten with the values just read, which is
//! indistinguishable for the single guest thread the JIT runs (another host thread writing
//! the same block in between could lose its write).

use super::lanes::{IOTA, REVERSE};
use super::{bytes_const, cmp, read, shuffle, write, I8X16};
use crate::isa::vector::VecOp;
use crate::isa::Insn;
use crate::jit::lift::{guest_flags, Lifter, Reg};
use crate::memory::Perm;
use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder, Value};

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Quad,
    Element(u32),
    Left,
    Right,
    ShiftLeft,
    ShiftRight,
}

pub fn lift(l: &mut Lifter, op: VecOp, i: Insn, pc: u32) -> bool {
    use VecOp::*;
    let (kind, store, wide) = match op {
        Lvx | Lvxl => (Kind::Quad, false, false),
        Lvx128 | Lvxl128 => (Kind::Quad, false, true),
        Stvx | Stvxl => (Kind::Quad, true, false),
        Stvx128 | Stvxl128 => (Kind::Quad, true, true),
        Lvebx => (Kind::Element(1), false, false),
        Lvehx => (Kind::Element(2), false, false),
        Lvewx => (Kind::Element(4), false, false),
        Lvewx128 => (Kind::Element(4), false, true),
        Stvebx => (Kind::Element(1), true, false),
        Stvehx => (Kind::Element(2), true, false),
        Stvewx => (Kind::Element(4), true, false),
        Stvewx128 => (Kind::Element(4), true, true),
        Lvlx | Lvlxl => (Kind::Left, false, false),
        Lvlx128 | Lvlxl128 => (Kind::Left, false, true),
        Lvrx | Lvrxl => (Kind::Right, false, false),
        Lvrx128 | Lvrxl128 => (Kind::Right, false, true),
        Stvlx | Stvlxl => (Kind::Left, true, false),
        Stvlx128 | Stvlxl128 => (Kind::Left, true, true),
        Stvrx | Stvrxl => (Kind::Right, true, false),
        Stvrx128 | Stvrxl128 => (Kind::Right, true, true),
        Lvsl => (Kind::ShiftLeft, false, false),
        Lvsl128 => (Kind::ShiftLeft, false, true),
        Lvsr => (Kind::ShiftRight, false, false),
        Lvsr128 => (Kind::ShiftRight, false, true),
        // Hints without architectural effect.
        Dst | Dstt | Dstst | Dststt | Dss | Dssall => return true,
        _ => return false,
    };
    let v = if wide { i.vd128() } else { i.vd() };
    let base = l.gpr_or_zero(i.ra());
    let index = l.get(Reg::Gpr(i.rb()));
    let sum = l.b.ins().iadd(base, index);
    let ea = l.b.ins().ireduce(types::I32, sum);
    let block = l.b.ins().band_imm_u(ea, 0xffff_fff0u32 as i64);
    let off = l.b.ins().band_imm_u(ea, 15);
    let off8 = l.b.ins().ireduce(types::I8, off);
    let iota = bytes_const(l, IOTA);
    match kind {
        Kind::ShiftLeft | Kind::ShiftRight => {
            // Guest byte k = sh + k (lvsl) or 16 - sh + k (lvsr); host lane j is guest byte
            // 15 - j.
            let top = if kind == Kind::ShiftLeft { 15 } else { 31 };
            let t = l.b.ins().iconst(types::I8, top);
            let t = if kind == Kind::ShiftLeft {
                l.b.ins().iadd(t, off8)
            } else {
                l.b.ins().isub(t, off8)
            };
            let t = l.b.ins().splat(I8X16, t);
            let r = l.b.ins().isub(t, iota);
            write(l, v, r);
            return true;
        }
        _ => {}
    }
    let d = crate::isa::decode(i.0).expect("lifted words decode");
    let need = if store { Perm::WRITE } else { Perm::READ };
    let checks = l.access_checks(block, 16, need, true);
    l.guarded_mem(&checks, pc, d, store, |l| {
        let b64 = l.b.ins().uextend(types::I64, block);
        let host = l.b.ins().iadd(l.membase, b64);
        // A whole-block store needs nothing from memory.
        let raw = if store && kind == Kind::Quad {
            None
        } else {
            Some(l.b.ins().load(I8X16, guest_flags(), host, 0))
        };
        if !store {
            let raw = raw.expect("loads read the block");
            let r = match kind {
                Kind::Quad | Kind::Element(_) => shuffle(l, raw, raw, REVERSE),
                // Host lane j takes memory byte off + 15 - j; lanes below off get an index
                // of 16 or more, which the swizzle turns into zero.
                Kind::Left => {
                    let t = l.b.ins().iadd_imm_s(off8, 15);
                    let idx = splat_minus_iota(l, t, iota);
                    l.b.ins().swizzle(raw, idx)
                }
                // Host lane j takes memory byte off - 1 - j; from lane off on the index
                // wraps below zero, to 0xf0 or above: zero.
                _ => {
                    let t = l.b.ins().iadd_imm_s(off8, -1);
                    let idx = splat_minus_iota(l, t, iota);
                    l.b.ins().swizzle(raw, idx)
                }
            };
            write(l, v, r);
            return;
        }
        let reg = read(l, v, I8X16);
        // (bytes in memory order, lanes of the block they go to)
        let (data, mask) = match kind {
            Kind::Quad => (shuffle(l, reg, reg, REVERSE), None),
            Kind::Element(size) => {
                // The element at EA aligned down to its size, at the same place in the block
                // as in the register.
                let data = shuffle(l, reg, reg, REVERSE);
                let at = l.b.ins().band_imm_u(off8, i64::from(!(size - 1) & 15));
                let lo = l.b.ins().splat(I8X16, at);
                let hi = l.b.ins().iadd_imm_s(at, i64::from(size));
                let hi = l.b.ins().splat(I8X16, hi);
                let from = cmp(l, IntCC::UnsignedGreaterThanOrEqual, iota, lo);
                let below = cmp(l, IntCC::UnsignedLessThan, iota, hi);
                (data, Some(l.b.ins().band(from, below)))
            }
            // Memory byte off + m (m < 16 - off) = guest byte m = host register lane
            // 15 - m: block lane i >= off takes register lane off + 15 - i.
            Kind::Left => {
                let t = l.b.ins().iadd_imm_s(off8, 15);
                let idx = splat_minus_iota(l, t, iota);
                let data = l.b.ins().swizzle(reg, idx);
                let o = l.b.ins().splat(I8X16, off8);
                (
                    data,
                    Some(cmp(l, IntCC::UnsignedGreaterThanOrEqual, iota, o)),
                )
            }
            // Block lane i < off takes guest byte 16 - off + i = register lane off - 1 - i.
            _ => {
                let t = l.b.ins().iadd_imm_s(off8, -1);
                let idx = splat_minus_iota(l, t, iota);
                let data = l.b.ins().swizzle(reg, idx);
                let o = l.b.ins().splat(I8X16, off8);
                (data, Some(cmp(l, IntCC::UnsignedLessThan, iota, o)))
            }
        };
        let out = match (mask, raw) {
            (Some(m), Some(raw)) => l.b.ins().bitselect(m, data, raw),
            _ => data,
        };
        l.b.ins().store(guest_flags(), out, host, 0);
    });
    true
}

/// Index vector `t - j` for host lane `j` (wrapping bytes).
fn splat_minus_iota(l: &mut Lifter, t: Value, iota: Value) -> Value {
    let t = l.b.ins().splat(I8X16, t);
    l.b.ins().isub(t, iota)
}
