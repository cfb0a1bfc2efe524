//! Element movement: merges, splats and immediate splats, `vsel`, `vperm`, `vsldoi`, the
//! VMX128 word permutes `vpermwi128`/`vrlimi128`, and the whole-register shifts
//! `vsl`/`vsr`/`vslo`/`vsro`.
//!
//! Static element movements are written in guest byte order and turned into host shuffle
//! masks by `lanes::shuffle_mask`; run-time byte indexes (vperm, vslo, vsro) are mapped to
//! host lanes with index arithmetic before a `swizzle`.

use super::lanes::{half_pick, shuffle_mask, word_pick, IOTA};
use super::{bytes_const, cast, cmp, read, shuffle, splat, write, I16X8, I32X4, I8X16};
use crate::isa::vector::VecOp;
use crate::isa::Insn;
use crate::jit::lift::Lifter;
use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder};

pub fn lift(l: &mut Lifter, op: VecOp, i: Insn) -> bool {
    use VecOp::*;
    let wide = matches!(
        op,
        Vmrghw128
            | Vmrglw128
            | Vspltw128
            | Vspltisw128
            | Vsldoi128
            | Vperm128
            | Vsel128
            | Vpermwi128
            | Vrlimi128
            | Vslo128
            | Vsro128
    );
    let (d, ra, rb) = super::fields(i, wide);
    let r = match op {
        Vmrghb | Vmrglb | Vmrghh | Vmrglh | Vmrghw | Vmrglw | Vmrghw128 | Vmrglw128 => {
            let low = matches!(op, Vmrglb | Vmrglh | Vmrglw | Vmrglw128);
            let (a, b) = (read(l, ra, I8X16), read(l, rb, I8X16));
            // Element k of the result: VA's element base + k/2 for even k, VB's for odd.
            let n = match op {
                Vmrghb | Vmrglb => 16,
                Vmrghh | Vmrglh => 8,
                _ => 4,
            };
            let base = if low { n / 2 } else { 0 };
            let elem = move |k: usize| base + k / 2 + if k % 2 == 1 { n } else { 0 };
            // Element indexes of the concatenation VA || VB, in units of the element size.
            let mask = match n {
                16 => shuffle_mask(elem),
                8 => shuffle_mask(half_pick(elem)),
                _ => shuffle_mask(word_pick(elem)),
            };
            shuffle(l, a, b, mask)
        }
        Vspltb | Vsplth | Vspltw | Vspltw128 => {
            let b = read(l, rb, I8X16);
            let u = i.vuimm() as usize;
            let mask = match op {
                Vspltb => shuffle_mask(move |_| u & 15),
                Vsplth => shuffle_mask(half_pick(move |_| u & 7)),
                _ => shuffle_mask(word_pick(move |_| u & 3)),
            };
            shuffle(l, b, b, mask)
        }
        Vspltisb => splat(l, I8X16, i64::from(i.vsimm())),
        Vspltish => splat(l, I16X8, i64::from(i.vsimm())),
        Vspltisw | Vspltisw128 => splat(l, I32X4, i64::from(i.vsimm())),
        Vsldoi | Vsldoi128 => {
            let (a, b) = (read(l, ra, I8X16), read(l, rb, I8X16));
            let sh = i.vshb() as usize;
            shuffle(l, a, b, shuffle_mask(move |k| k + sh))
        }
        Vpermwi128 => {
            let b = read(l, rb, I8X16);
            let perm = i.vperm128() as usize;
            let mask = shuffle_mask(word_pick(move |k| (perm >> (6 - 2 * k)) & 3));
            shuffle(l, b, b, mask)
        }
        Vrlimi128 => {
            let (dv, b) = (read(l, d, I8X16), read(l, rb, I8X16));
            let (mask, rot) = (i.vuimm() as usize, i.vz128() as usize);
            let m = shuffle_mask(word_pick(move |k| {
                if mask & (8 >> k) != 0 {
                    4 + ((k + rot) & 3)
                } else {
                    k
                }
            }));
            shuffle(l, dv, b, m)
        }
        Vsel | Vsel128 => {
            let rc = if op == Vsel { i.vc() } else { d };
            let (a, b, c) = (read(l, ra, I8X16), read(l, rb, I8X16), read(l, rc, I8X16));
            l.b.ins().bitselect(c, b, a)
        }
        Vperm | Vperm128 => {
            let rc = if op == Vperm { i.vc() } else { i.vc128() };
            let (a, b, c) = (read(l, ra, I8X16), read(l, rb, I8X16), read(l, rc, I8X16));
            // Guest index s (mod 32) names byte s & 15 of VA (s < 16) or VB: host lane
            // 15 - (s & 15) = !s & 15 of either.
            let nc = l.b.ins().bnot(c);
            let fifteen = splat(l, I8X16, 15);
            let idx = l.b.ins().band(nc, fifteen);
            let from_a = l.b.ins().swizzle(a, idx);
            let from_b = l.b.ins().swizzle(b, idx);
            let sixteen = splat(l, I8X16, 16);
            let hi = l.b.ins().band(c, sixteen);
            let zero = splat(l, I8X16, 0);
            let use_b = cmp(l, IntCC::NotEqual, hi, zero);
            l.b.ins().bitselect(use_b, from_b, from_a)
        }
        Vslo | Vsro | Vslo128 | Vsro128 => {
            let (a, b) = (read(l, ra, I8X16), read(l, rb, I8X16));
            // Octet count: bits 1..4 of guest byte 15 (host lane 0).
            let count = l.b.ins().extractlane(b, 0);
            let count = l.b.ins().ushr_imm_u(count, 3);
            let count = l.b.ins().band_imm_u(count, 15);
            let n = l.b.ins().splat(I8X16, count);
            let iota = bytes_const(l, IOTA);
            // Toward element 0 is toward higher host lanes: host lane j takes lane j - n
            // (vslo) or j + n (vsro); indexes outside 0..16 (wrapped or too large) give 0.
            let idx = if matches!(op, Vslo | Vslo128) {
                l.b.ins().isub(iota, n)
            } else {
                l.b.ins().iadd(iota, n)
            };
            l.b.ins().swizzle(a, idx)
        }
        Vsl | Vsr => {
            let (a, b) = (read(l, ra, I8X16), read(l, rb, I8X16));
            let count = l.b.ins().extractlane(b, 0);
            let count = l.b.ins().band_imm_u(count, 7);
            let count = l.b.ins().uextend(types::I32, count);
            // The host value of the register is the guest's u128, so the guest's left
            // shift is the host's.
            let wide = cast(l, a, types::I128);
            let r = if op == Vsl {
                l.b.ins().ishl(wide, count)
            } else {
                l.b.ins().ushr(wide, count)
            };
            cast(l, r, I8X16)
        }
        _ => return false,
    };
    write(l, d, r);
    true
}
