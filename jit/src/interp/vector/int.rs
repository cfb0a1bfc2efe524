//! AltiVec integer, logical, permute/pack/merge/splat, shift and rotate instructions, VSCR
//! moves, and their VMX128 re-encodings (including the VMX128-only word permutes
//! `vpermwi128` and `vrlimi128`).
//!
//! Definitions are those of the AltiVec Technology Programming Environments Manual and the
//! Power ISA vector facility. Every element is read and written through `lanes`, so element 0
//! is always the guest's first (most significant) element. Saturating instructions set
//! VSCR[SAT] when any element saturated and never clear it.
//!
//! Choices where the definition leaves freedom:
//! - `vsl`/`vsr` take their shift count from the low three bits of byte element 15 of VB,
//!   as the ISA's pseudo-code does (the result is undefined unless every byte agrees).
//! - `mtvscr` keeps only the defined bits (NJ and SAT); the others are reserved.
//! - `vpermwi128`: result word k is VB word `(PERM >> (6 - 2k)) & 3`, so the immediate's
//!   two most significant bits pick word 0. `vrlimi128 vD,vB,MASK,z`: VB rotated left by `z`
//!   words (word k of the rotation is VB word `(k + z) & 3`) replaces the words of VD whose
//!   MASK bit `8 >> k` is set; the others keep their value. Both are the public descriptions
//!   of the Xbox 360's VMX128 extension (they have no ISA document).

use super::lanes;
use crate::interp::ExecResult;
use crate::isa::vector::VecOp;
use crate::isa::Insn;
use crate::Context;

/// VSCR[SAT]: set by an instruction that saturated.
pub const VSCR_SAT: u32 = 0x0000_0001;
/// VSCR[NJ]: non-Java mode (denormals flushed), read by the floating-point instructions.
pub const VSCR_NJ: u32 = 0x0001_0000;

pub fn exec(op: VecOp, i: Insn, ctx: &mut Context) -> Option<ExecResult> {
    use VecOp::*;
    let mut sat = false;
    let (d, value) = match op {
        // VMX128 re-encodings of AltiVec operations: same meaning, wider register fields.
        Vcmpequw128 => {
            compare(Vcmpequw, i.vd128(), i.va128(), i.vb128(), i.vrc128(), ctx);
            return Some(Ok(()));
        }
        Vupkhsb128 | Vupkhsh128 | Vupklsb128 | Vupklsh128 => {
            let b = ctx.vr[i.vb128()];
            (i.vd128(), unary(altivec_of(op)?, b)?)
        }
        Vsel128 => {
            let (a, b, c) = (ctx.vr[i.va128()], ctx.vr[i.vb128()], ctx.vr[i.vd128()]);
            (i.vd128(), select(a, b, c))
        }
        Vperm128 => {
            let (a, b, c) = (ctx.vr[i.va128()], ctx.vr[i.vb128()], ctx.vr[i.vc128()]);
            (i.vd128(), permute(a, b, c))
        }
        Vsldoi128 => {
            let (a, b) = (ctx.vr[i.va128()], ctx.vr[i.vb128()]);
            (i.vd128(), shift_left_double(a, b, i.vshb() as usize))
        }
        Vspltw128 => {
            let w = lanes::words(ctx.vr[i.vb128()])[(i.vuimm() & 3) as usize];
            (i.vd128(), lanes::from_words([w; 4]))
        }
        Vspltisw128 => (i.vd128(), lanes::from_words([i.vsimm() as u32; 4])),
        Vpermwi128 => {
            let (b, perm) = (lanes::words(ctx.vr[i.vb128()]), i.vperm128());
            let w = std::array::from_fn(|k| b[((perm >> (6 - 2 * k)) & 3) as usize]);
            (i.vd128(), lanes::from_words(w))
        }
        Vrlimi128 => {
            let (b, mask, rot) = (lanes::words(ctx.vr[i.vb128()]), i.vuimm(), i.vz128());
            let mut w = lanes::words(ctx.vr[i.vd128()]);
            for (k, x) in w.iter_mut().enumerate() {
                if mask & (8 >> k) != 0 {
                    *x = b[(k + rot as usize) & 3];
                }
            }
            (i.vd128(), lanes::from_words(w))
        }
        _ if altivec_of(op).is_some() => {
            let (a, b) = (ctx.vr[i.va128()], ctx.vr[i.vb128()]);
            (i.vd128(), binary(altivec_of(op)?, a, b, &mut sat)?)
        }

        // AltiVec.
        Vcmpequb | Vcmpequh | Vcmpequw | Vcmpgtub | Vcmpgtuh | Vcmpgtuw | Vcmpgtsb | Vcmpgtsh
        | Vcmpgtsw => {
            compare(op, i.vd(), i.va(), i.vb(), i.vrc(), ctx);
            return Some(Ok(()));
        }
        Vmhaddshs | Vmhraddshs | Vmladduhm | Vmsumubm | Vmsummbm | Vmsumuhm | Vmsumuhs
        | Vmsumshm | Vmsumshs | Vsel | Vperm => {
            let (a, b, c) = (ctx.vr[i.va()], ctx.vr[i.vb()], ctx.vr[i.vc()]);
            (i.vd(), ternary(op, a, b, c, &mut sat))
        }
        Vsldoi => {
            let (a, b) = (ctx.vr[i.va()], ctx.vr[i.vb()]);
            (i.vd(), shift_left_double(a, b, i.vshb() as usize))
        }
        Vspltb => {
            let x = lanes::bytes(ctx.vr[i.vb()])[(i.vuimm() & 15) as usize];
            (i.vd(), lanes::from_bytes([x; 16]))
        }
        Vsplth => {
            let x = lanes::halves(ctx.vr[i.vb()])[(i.vuimm() & 7) as usize];
            (i.vd(), lanes::from_halves([x; 8]))
        }
        Vspltw => {
            let x = lanes::words(ctx.vr[i.vb()])[(i.vuimm() & 3) as usize];
            (i.vd(), lanes::from_words([x; 4]))
        }
        Vspltisb => (i.vd(), lanes::from_bytes([i.vsimm() as u8; 16])),
        Vspltish => (i.vd(), lanes::from_halves([i.vsimm() as u16; 8])),
        Vspltisw => (i.vd(), lanes::from_words([i.vsimm() as u32; 4])),
        Mfvscr => (i.vd(), lanes::from_words([0, 0, 0, ctx.vscr])),
        Mtvscr => {
            ctx.vscr = lanes::words(ctx.vr[i.vb()])[3] & (VSCR_NJ | VSCR_SAT);
            return Some(Ok(()));
        }
        Vupkhsb | Vupkhsh | Vupklsb | Vupklsh | Vupkhpx | Vupklpx => {
            (i.vd(), unary(op, ctx.vr[i.vb()])?)
        }
        _ => {
            let (a, b) = (ctx.vr[i.va()], ctx.vr[i.vb()]);
            (i.vd(), binary(op, a, b, &mut sat)?)
        }
    };
    ctx.vr[d] = value;
    if sat {
        ctx.vscr |= VSCR_SAT;
    }
    Some(Ok(()))
}

/// The AltiVec operation a three-operand or one-operand VMX128 form re-encodes.
fn altivec_of(op: VecOp) -> Option<VecOp> {
    use VecOp::*;
    Some(match op {
        Vand128 => Vand,
        Vandc128 => Vandc,
        Vnor128 => Vnor,
        Vor128 => Vor,
        Vxor128 => Vxor,
        Vslo128 => Vslo,
        Vsro128 => Vsro,
        Vrlw128 => Vrlw,
        Vslw128 => Vslw,
        Vsraw128 => Vsraw,
        Vsrw128 => Vsrw,
        Vmrghw128 => Vmrghw,
        Vmrglw128 => Vmrglw,
        Vpkshss128 => Vpkshss,
        Vpkshus128 => Vpkshus,
        Vpkswss128 => Vpkswss,
        Vpkswus128 => Vpkswus,
        Vpkuhum128 => Vpkuhum,
        Vpkuhus128 => Vpkuhus,
        Vpkuwum128 => Vpkuwum,
        Vpkuwus128 => Vpkuwus,
        Vupkhsb128 => Vupkhsb,
        Vupkhsh128 => Vupkhsh,
        Vupklsb128 => Vupklsb,
        Vupklsh128 => Vupklsh,
        _ => return None,
    })
}

/// Clamps `v` to `lo..=hi`, noting in `sat` when it had to.
fn clamp(v: i64, lo: i64, hi: i64, sat: &mut bool) -> i64 {
    if v < lo {
        *sat = true;
        lo
    } else if v > hi {
        *sat = true;
        hi
    } else {
        v
    }
}

fn map_b(a: u128, b: u128, mut f: impl FnMut(u8, u8) -> u8) -> u128 {
    let (x, y) = (lanes::bytes(a), lanes::bytes(b));
    lanes::from_bytes(std::array::from_fn(|k| f(x[k], y[k])))
}

fn map_h(a: u128, b: u128, mut f: impl FnMut(u16, u16) -> u16) -> u128 {
    let (x, y) = (lanes::halves(a), lanes::halves(b));
    lanes::from_halves(std::array::from_fn(|k| f(x[k], y[k])))
}

fn map_w(a: u128, b: u128, mut f: impl FnMut(u32, u32) -> u32) -> u128 {
    let (x, y) = (lanes::words(a), lanes::words(b));
    lanes::from_words(std::array::from_fn(|k| f(x[k], y[k])))
}

/// Byte `k` of the 32-byte concatenation VA || VB.
fn concat(a: &[u8; 16], b: &[u8; 16], k: usize) -> u8 {
    if k < 16 {
        a[k]
    } else {
        b[k - 16]
    }
}

fn select(a: u128, b: u128, c: u128) -> u128 {
    (a & !c) | (b & c)
}

fn permute(a: u128, b: u128, c: u128) -> u128 {
    let (x, y, sel) = (lanes::bytes(a), lanes::bytes(b), lanes::bytes(c));
    lanes::from_bytes(std::array::from_fn(|k| {
        concat(&x, &y, usize::from(sel[k] & 31))
    }))
}

/// Bytes `sh..sh + 16` of VA || VB.
fn shift_left_double(a: u128, b: u128, sh: usize) -> u128 {
    let (x, y) = (lanes::bytes(a), lanes::bytes(b));
    lanes::from_bytes(std::array::from_fn(|k| concat(&x, &y, k + sh)))
}

/// Shifts the whole register by `octets` bytes toward element 0 (left) or away from it.
fn shift_octets(a: u128, octets: usize, left: bool) -> u128 {
    let x = lanes::bytes(a);
    lanes::from_bytes(std::array::from_fn(|k| {
        if left {
            x.get(k + octets).copied().unwrap_or(0)
        } else {
            k.checked_sub(octets).map_or(0, |j| x[j])
        }
    }))
}

/// Shifts the whole register by `bits` (0..=7) bits toward element 0 (left) or away from it.
fn shift_bits(a: u128, bits: u32, left: bool) -> u128 {
    if bits == 0 {
        return a;
    }
    let x = lanes::bytes(a);
    lanes::from_bytes(std::array::from_fn(|k| {
        if left {
            let next = x.get(k + 1).copied().unwrap_or(0);
            (x[k] << bits) | (next >> (8 - bits))
        } else {
            let prev = k.checked_sub(1).map_or(0, |j| x[j]);
            (x[k] >> bits) | (prev << (8 - bits))
        }
    }))
}

/// 1:5:5:5 pixel from an 8:8:8:8 word: bit 7 of the word, then the top five bits of each of
/// its other three bytes.
fn pack_pixel(w: u32) -> u16 {
    (((w >> 24) & 1) << 15 | ((w >> 19) & 0x1f) << 10 | ((w >> 11) & 0x1f) << 5 | ((w >> 3) & 0x1f))
        as u16
}

/// 8:8:8:8 word from a 1:5:5:5 pixel: the sign bit extended to a byte, each five-bit field
/// zero-extended to a byte.
fn unpack_pixel(h: u16) -> u32 {
    let h = u32::from(h);
    let alpha = if h & 0x8000 != 0 { 0xff } else { 0 };
    alpha << 24 | ((h >> 10) & 0x1f) << 16 | ((h >> 5) & 0x1f) << 8 | (h & 0x1f)
}

/// Packs two vectors of wide elements into one of narrow elements, VA's first.
fn pack_h(a: u128, b: u128, mut f: impl FnMut(u16) -> u8) -> u128 {
    let (x, y) = (lanes::halves(a), lanes::halves(b));
    lanes::from_bytes(std::array::from_fn(|k| {
        f(if k < 8 { x[k] } else { y[k - 8] })
    }))
}

fn pack_w(a: u128, b: u128, mut f: impl FnMut(u32) -> u16) -> u128 {
    let (x, y) = (lanes::words(a), lanes::words(b));
    lanes::from_halves(std::array::from_fn(|k| {
        f(if k < 4 { x[k] } else { y[k - 4] })
    }))
}

/// Two-source element operations (VD from VA and VB). `None`: not an operation of this module.
fn binary(op: VecOp, a: u128, b: u128, sat: &mut bool) -> Option<u128> {
    use VecOp::*;
    let s = sat;
    Some(match op {
        Vaddubm => map_b(a, b, u8::wrapping_add),
        Vadduhm => map_h(a, b, u16::wrapping_add),
        Vadduwm => map_w(a, b, u32::wrapping_add),
        Vaddcuw => map_w(a, b, |x, y| u32::from(x.checked_add(y).is_none())),
        Vaddubs => map_b(a, b, |x, y| {
            clamp(i64::from(x) + i64::from(y), 0, 0xff, s) as u8
        }),
        Vadduhs => map_h(a, b, |x, y| {
            clamp(i64::from(x) + i64::from(y), 0, 0xffff, s) as u16
        }),
        Vadduws => map_w(a, b, |x, y| {
            clamp(i64::from(x) + i64::from(y), 0, 0xffff_ffff, s) as u32
        }),
        Vaddsbs => map_b(a, b, |x, y| {
            clamp(i64::from(x as i8) + i64::from(y as i8), -0x80, 0x7f, s) as u8
        }),
        Vaddshs => map_h(a, b, |x, y| {
            clamp(
                i64::from(x as i16) + i64::from(y as i16),
                -0x8000,
                0x7fff,
                s,
            ) as u16
        }),
        Vaddsws => map_w(a, b, |x, y| {
            clamp(
                i64::from(x as i32) + i64::from(y as i32),
                i64::from(i32::MIN),
                i64::from(i32::MAX),
                s,
            ) as u32
        }),
        Vsububm => map_b(a, b, u8::wrapping_sub),
        Vsubuhm => map_h(a, b, u16::wrapping_sub),
        Vsubuwm => map_w(a, b, u32::wrapping_sub),
        // The carry out of VA + ~VB + 1: 1 unless the subtraction borrows.
        Vsubcuw => map_w(a, b, |x, y| u32::from(x >= y)),
        Vsububs => map_b(a, b, |x, y| {
            clamp(i64::from(x) - i64::from(y), 0, 0xff, s) as u8
        }),
        Vsubuhs => map_h(a, b, |x, y| {
            clamp(i64::from(x) - i64::from(y), 0, 0xffff, s) as u16
        }),
        Vsubuws => map_w(a, b, |x, y| {
            clamp(i64::from(x) - i64::from(y), 0, 0xffff_ffff, s) as u32
        }),
        Vsubsbs => map_b(a, b, |x, y| {
            clamp(i64::from(x as i8) - i64::from(y as i8), -0x80, 0x7f, s) as u8
        }),
        Vsubshs => map_h(a, b, |x, y| {
            clamp(
                i64::from(x as i16) - i64::from(y as i16),
                -0x8000,
                0x7fff,
                s,
            ) as u16
        }),
        Vsubsws => map_w(a, b, |x, y| {
            clamp(
                i64::from(x as i32) - i64::from(y as i32),
                i64::from(i32::MIN),
                i64::from(i32::MAX),
                s,
            ) as u32
        }),
        Vmaxub => map_b(a, b, |x, y| x.max(y)),
        Vmaxuh => map_h(a, b, |x, y| x.max(y)),
        Vmaxuw => map_w(a, b, |x, y| x.max(y)),
        Vmaxsb => map_b(a, b, |x, y| (x as i8).max(y as i8) as u8),
        Vmaxsh => map_h(a, b, |x, y| (x as i16).max(y as i16) as u16),
        Vmaxsw => map_w(a, b, |x, y| (x as i32).max(y as i32) as u32),
        Vminub => map_b(a, b, |x, y| x.min(y)),
        Vminuh => map_h(a, b, |x, y| x.min(y)),
        Vminuw => map_w(a, b, |x, y| x.min(y)),
        Vminsb => map_b(a, b, |x, y| (x as i8).min(y as i8) as u8),
        Vminsh => map_h(a, b, |x, y| (x as i16).min(y as i16) as u16),
        Vminsw => map_w(a, b, |x, y| (x as i32).min(y as i32) as u32),
        // Averages round up: (x + y + 1) >> 1 computed without overflow.
        Vavgub => map_b(a, b, |x, y| ((u32::from(x) + u32::from(y) + 1) >> 1) as u8),
        Vavguh => map_h(a, b, |x, y| ((u32::from(x) + u32::from(y) + 1) >> 1) as u16),
        Vavguw => map_w(a, b, |x, y| ((u64::from(x) + u64::from(y) + 1) >> 1) as u32),
        Vavgsb => map_b(a, b, |x, y| {
            ((i32::from(x as i8) + i32::from(y as i8) + 1) >> 1) as u8
        }),
        Vavgsh => map_h(a, b, |x, y| {
            ((i32::from(x as i16) + i32::from(y as i16) + 1) >> 1) as u16
        }),
        Vavgsw => map_w(a, b, |x, y| {
            ((i64::from(x as i32) + i64::from(y as i32) + 1) >> 1) as u32
        }),
        // Element shifts and rotates count modulo the element width.
        Vrlb => map_b(a, b, |x, y| x.rotate_left(u32::from(y & 7))),
        Vrlh => map_h(a, b, |x, y| x.rotate_left(u32::from(y & 15))),
        Vrlw => map_w(a, b, |x, y| x.rotate_left(y & 31)),
        Vslb => map_b(a, b, |x, y| x << (y & 7)),
        Vslh => map_h(a, b, |x, y| x << (y & 15)),
        Vslw => map_w(a, b, |x, y| x << (y & 31)),
        Vsrb => map_b(a, b, |x, y| x >> (y & 7)),
        Vsrh => map_h(a, b, |x, y| x >> (y & 15)),
        Vsrw => map_w(a, b, |x, y| x >> (y & 31)),
        Vsrab => map_b(a, b, |x, y| ((x as i8) >> (y & 7)) as u8),
        Vsrah => map_h(a, b, |x, y| ((x as i16) >> (y & 15)) as u16),
        Vsraw => map_w(a, b, |x, y| ((x as i32) >> (y & 31)) as u32),
        Vsl => shift_bits(a, u32::from(lanes::bytes(b)[15] & 7), true),
        Vsr => shift_bits(a, u32::from(lanes::bytes(b)[15] & 7), false),
        Vslo => shift_octets(a, usize::from((lanes::bytes(b)[15] >> 3) & 15), true),
        Vsro => shift_octets(a, usize::from((lanes::bytes(b)[15] >> 3) & 15), false),
        Vand => a & b,
        Vandc => a & !b,
        Vor => a | b,
        Vxor => a ^ b,
        Vnor => !(a | b),
        // Even elements are 0, 2, 4 ... (element 0 is the most significant).
        Vmuleub | Vmuloub | Vmulesb | Vmulosb => {
            let (x, y) = (lanes::bytes(a), lanes::bytes(b));
            let odd = usize::from(matches!(op, Vmuloub | Vmulosb));
            let signed = matches!(op, Vmulesb | Vmulosb);
            lanes::from_halves(std::array::from_fn(|k| {
                let (p, q) = (x[2 * k + odd], y[2 * k + odd]);
                if signed {
                    (i16::from(p as i8) * i16::from(q as i8)) as u16
                } else {
                    u16::from(p) * u16::from(q)
                }
            }))
        }
        Vmuleuh | Vmulouh | Vmulesh | Vmulosh => {
            let (x, y) = (lanes::halves(a), lanes::halves(b));
            let odd = usize::from(matches!(op, Vmulouh | Vmulosh));
            let signed = matches!(op, Vmulesh | Vmulosh);
            lanes::from_words(std::array::from_fn(|k| {
                let (p, q) = (x[2 * k + odd], y[2 * k + odd]);
                if signed {
                    (i32::from(p as i16) * i32::from(q as i16)) as u32
                } else {
                    u32::from(p) * u32::from(q)
                }
            }))
        }
        Vsum4ubs => {
            let (x, y) = (lanes::bytes(a), lanes::words(b));
            lanes::from_words(std::array::from_fn(|k| {
                let sum: i64 = x[4 * k..4 * k + 4].iter().map(|&v| i64::from(v)).sum();
                clamp(sum + i64::from(y[k]), 0, 0xffff_ffff, s) as u32
            }))
        }
        Vsum4sbs => {
            let (x, y) = (lanes::bytes(a), lanes::words(b));
            lanes::from_words(std::array::from_fn(|k| {
                let sum: i64 = x[4 * k..4 * k + 4]
                    .iter()
                    .map(|&v| i64::from(v as i8))
                    .sum();
                sat_s32(sum + i64::from(y[k] as i32), s)
            }))
        }
        Vsum4shs => {
            let (x, y) = (lanes::halves(a), lanes::words(b));
            lanes::from_words(std::array::from_fn(|k| {
                let sum: i64 = x[2 * k..2 * k + 2]
                    .iter()
                    .map(|&v| i64::from(v as i16))
                    .sum();
                sat_s32(sum + i64::from(y[k] as i32), s)
            }))
        }
        Vsum2sws => {
            let (x, y) = (
                lanes::words(a).map(|v| i64::from(v as i32)),
                lanes::words(b),
            );
            let lo = sat_s32(x[0] + x[1] + i64::from(y[1] as i32), s);
            let hi = sat_s32(x[2] + x[3] + i64::from(y[3] as i32), s);
            lanes::from_words([0, lo, 0, hi])
        }
        Vsumsws => {
            let (x, y) = (
                lanes::words(a).map(|v| i64::from(v as i32)),
                lanes::words(b),
            );
            let sum = x.iter().sum::<i64>() + i64::from(y[3] as i32);
            lanes::from_words([0, 0, 0, sat_s32(sum, s)])
        }
        Vmrghb | Vmrglb => {
            let (x, y) = (lanes::bytes(a), lanes::bytes(b));
            let base = if op == Vmrglb { 8 } else { 0 };
            lanes::from_bytes(std::array::from_fn(|k| {
                if k % 2 == 0 {
                    x[base + k / 2]
                } else {
                    y[base + k / 2]
                }
            }))
        }
        Vmrghh | Vmrglh => {
            let (x, y) = (lanes::halves(a), lanes::halves(b));
            let base = if op == Vmrglh { 4 } else { 0 };
            lanes::from_halves(std::array::from_fn(|k| {
                if k % 2 == 0 {
                    x[base + k / 2]
                } else {
                    y[base + k / 2]
                }
            }))
        }
        Vmrghw | Vmrglw => {
            let (x, y) = (lanes::words(a), lanes::words(b));
            let base = if op == Vmrglw { 2 } else { 0 };
            lanes::from_words(std::array::from_fn(|k| {
                if k % 2 == 0 {
                    x[base + k / 2]
                } else {
                    y[base + k / 2]
                }
            }))
        }
        Vpkuhum => pack_h(a, b, |v| v as u8),
        Vpkuhus => pack_h(a, b, |v| clamp(i64::from(v), 0, 0xff, s) as u8),
        Vpkshus => pack_h(a, b, |v| clamp(i64::from(v as i16), 0, 0xff, s) as u8),
        Vpkshss => pack_h(a, b, |v| clamp(i64::from(v as i16), -0x80, 0x7f, s) as u8),
        Vpkuwum => pack_w(a, b, |v| v as u16),
        Vpkuwus => pack_w(a, b, |v| clamp(i64::from(v), 0, 0xffff, s) as u16),
        Vpkswus => pack_w(a, b, |v| clamp(i64::from(v as i32), 0, 0xffff, s) as u16),
        Vpkswss => pack_w(a, b, |v| {
            clamp(i64::from(v as i32), -0x8000, 0x7fff, s) as u16
        }),
        Vpkpx => pack_w(a, b, pack_pixel),
        _ => return None,
    })
}

fn sat_s32(v: i64, sat: &mut bool) -> u32 {
    clamp(v, i64::from(i32::MIN), i64::from(i32::MAX), sat) as u32
}

/// One-source operations (VD from VB): the unpacks.
fn unary(op: VecOp, b: u128) -> Option<u128> {
    use VecOp::*;
    Some(match op {
        Vupkhsb | Vupklsb => {
            let (x, base) = (lanes::bytes(b), if op == Vupklsb { 8 } else { 0 });
            lanes::from_halves(std::array::from_fn(|k| x[base + k] as i8 as i16 as u16))
        }
        Vupkhsh | Vupklsh => {
            let (x, base) = (lanes::halves(b), if op == Vupklsh { 4 } else { 0 });
            lanes::from_words(std::array::from_fn(|k| x[base + k] as i16 as i32 as u32))
        }
        Vupkhpx | Vupklpx => {
            let (x, base) = (lanes::halves(b), if op == Vupklpx { 4 } else { 0 });
            lanes::from_words(std::array::from_fn(|k| unpack_pixel(x[base + k])))
        }
        _ => return None,
    })
}

/// Three-source (VA-form) operations: multiply-sums, multiply-adds, select and permute.
fn ternary(op: VecOp, a: u128, b: u128, c: u128, s: &mut bool) -> u128 {
    use VecOp::*;
    match op {
        Vmhaddshs | Vmhraddshs | Vmladduhm => {
            let (x, y, z) = (lanes::halves(a), lanes::halves(b), lanes::halves(c));
            lanes::from_halves(std::array::from_fn(|k| {
                if op == Vmladduhm {
                    return x[k].wrapping_mul(y[k]).wrapping_add(z[k]);
                }
                let prod = i64::from(x[k] as i16) * i64::from(y[k] as i16);
                let round = if op == Vmhraddshs { 0x4000 } else { 0 };
                let v = ((prod + round) >> 15) + i64::from(z[k] as i16);
                clamp(v, -0x8000, 0x7fff, s) as u16
            }))
        }
        Vmsumubm | Vmsummbm => {
            let (x, y, z) = (lanes::bytes(a), lanes::bytes(b), lanes::words(c));
            lanes::from_words(std::array::from_fn(|k| {
                let sum: i64 = (4 * k..4 * k + 4)
                    .map(|j| {
                        let p = if op == Vmsummbm {
                            i64::from(x[j] as i8)
                        } else {
                            i64::from(x[j])
                        };
                        p * i64::from(y[j])
                    })
                    .sum();
                (sum + i64::from(z[k])) as u32
            }))
        }
        Vmsumuhm | Vmsumuhs | Vmsumshm | Vmsumshs => {
            let (x, y, z) = (lanes::halves(a), lanes::halves(b), lanes::words(c));
            let signed = matches!(op, Vmsumshm | Vmsumshs);
            lanes::from_words(std::array::from_fn(|k| {
                let sum: i64 = (2 * k..2 * k + 2)
                    .map(|j| {
                        if signed {
                            i64::from(x[j] as i16) * i64::from(y[j] as i16)
                        } else {
                            i64::from(x[j]) * i64::from(y[j])
                        }
                    })
                    .sum();
                match op {
                    Vmsumuhm => (sum + i64::from(z[k])) as u32,
                    Vmsumuhs => clamp(sum + i64::from(z[k]), 0, 0xffff_ffff, s) as u32,
                    Vmsumshm => (sum + i64::from(z[k] as i32)) as u32,
                    _ => sat_s32(sum + i64::from(z[k] as i32), s),
                }
            }))
        }
        Vsel => select(a, b, c),
        Vperm => permute(a, b, c),
        _ => unreachable!("not a three-source integer operation: {op:?}"),
    }
}

/// Integer compares: all-ones elements where the relation holds; with Rc, CR6 records
/// whether it held for every element (0b1000) or for none (0b0010).
fn compare(op: VecOp, d: usize, a: usize, b: usize, rc: bool, ctx: &mut Context) {
    use VecOp::*;
    let (x, y) = (ctx.vr[a], ctx.vr[b]);
    let m8 = |t: bool| if t { u8::MAX } else { 0 };
    let m16 = |t: bool| if t { u16::MAX } else { 0 };
    let m32 = |t: bool| if t { u32::MAX } else { 0 };
    let r = match op {
        Vcmpequb => map_b(x, y, |p, q| m8(p == q)),
        Vcmpequh => map_h(x, y, |p, q| m16(p == q)),
        Vcmpequw => map_w(x, y, |p, q| m32(p == q)),
        Vcmpgtub => map_b(x, y, |p, q| m8(p > q)),
        Vcmpgtuh => map_h(x, y, |p, q| m16(p > q)),
        Vcmpgtuw => map_w(x, y, |p, q| m32(p > q)),
        Vcmpgtsb => map_b(x, y, |p, q| m8(p as i8 > q as i8)),
        Vcmpgtsh => map_h(x, y, |p, q| m16(p as i16 > q as i16)),
        Vcmpgtsw => map_w(x, y, |p, q| m32(p as i32 > q as i32)),
        _ => unreachable!("not an integer compare: {op:?}"),
    };
    ctx.vr[d] = r;
    if rc {
        let all = if r == u128::MAX { 0b1000 } else { 0 };
        let none = if r == 0 { 0b0010 } else { 0 };
        ctx.set_cr_field(6, all | none);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::isa::{assemble, decode};

    /// Runs one instruction given in assembly on `ctx`.
    fn run(ctx: &mut Context, text: &str) {
        let word = assemble(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let d = decode(word).unwrap();
        let crate::isa::Op::Vector(op) = d.op() else {
            panic!("{text} is not a vector instruction")
        };
        exec(op, d.insn, ctx).expect("owned").unwrap();
    }

    fn w(a: u32, b: u32, c: u32, d: u32) -> u128 {
        lanes::from_words([a, b, c, d])
    }

    fn ctx_with(regs: &[(usize, u128)]) -> Context {
        let mut c = Context {
            vscr: 0,
            ..Context::default()
        };
        for &(n, v) in regs {
            c.vr[n] = v;
        }
        c
    }

    #[test]
    fn saturating_adds_clamp_and_set_sat_sticky() {
        // 0x7f + 0x01 saturates to 0x7f signed; 0x80 + 0xff = -128 + -1 saturates to 0x80.
        let mut c = ctx_with(&[(1, w(0x7f80_0102, 0, 0, 0)), (2, w(0x01ff_0102, 0, 0, 0))]);
        run(&mut c, "vaddsbs v3,v1,v2");
        assert_eq!(c.vr[3], w(0x7f80_0204, 0, 0, 0));
        assert_eq!(c.vscr, VSCR_SAT);
        // A following non-saturating op leaves SAT set.
        run(&mut c, "vaddubs v4,v2,v2");
        assert_eq!(c.vr[4], w(0x02ff_0204, 0, 0, 0));
        c.vscr = 0;
        run(&mut c, "vaddubm v4,v1,v2");
        assert_eq!(c.vr[4], w(0x807f_0204, 0, 0, 0));
        assert_eq!(c.vscr, 0);
        // Unsigned word saturation both ways.
        let mut c = ctx_with(&[(1, w(0xffff_fff0, 5, 0, 1)), (2, w(0x20, 10, 0, 0))]);
        run(&mut c, "vadduws v3,v1,v2");
        assert_eq!(c.vr[3], w(0xffff_ffff, 15, 0, 1));
        assert_eq!(c.vscr, VSCR_SAT);
        c.vscr = 0;
        run(&mut c, "vsubuws v3,v2,v1");
        assert_eq!(c.vr[3], w(0, 5, 0, 0));
        assert_eq!(c.vscr, VSCR_SAT);
        c.vscr = 0;
        run(&mut c, "vsubcuw v3,v2,v1");
        assert_eq!(c.vr[3], w(0, 1, 1, 0));
        run(&mut c, "vaddcuw v3,v1,v2");
        assert_eq!(c.vr[3], w(1, 0, 0, 0));
        assert_eq!(c.vscr, 0);
    }

    #[test]
    fn signed_word_saturation_and_sums() {
        let mut c = ctx_with(&[
            (1, w(0x7fff_ffff, 0x8000_0000, 1, 0xffff_ffff)),
            (2, w(1, 0xffff_ffff, 2, 0x7fff_fff0)),
        ]);
        run(&mut c, "vaddsws v3,v1,v2");
        assert_eq!(c.vr[3], w(0x7fff_ffff, 0x8000_0000, 3, 0x7fff_ffef));
        assert_eq!(c.vscr, VSCR_SAT);
        // vsumsws: 0x7fffffff + 0x80000000 + 1 + -1 + 0x7ffffff0 = 0x7fffffef, no saturation.
        c.vscr = 0;
        run(&mut c, "vsumsws v4,v1,v2");
        assert_eq!(c.vr[4], w(0, 0, 0, 0x7fff_ffef));
        assert_eq!(c.vscr, 0);
        // vsum2sws: (0x7fffffff + 0x80000000) + 0xffffffff = -2; 1 + -1 + 0x7ffffff0.
        run(&mut c, "vsum2sws v4,v1,v2");
        assert_eq!(c.vr[4], w(0, 0xffff_fffe, 0, 0x7fff_fff0));
        // vsum4ubs: byte sums plus VB words, saturating unsigned.
        let mut c = ctx_with(&[
            (1, w(0xffff_ffff, 0x0102_0304, 0, 0)),
            (2, w(0xffff_ff00, 10, 0, 0xffff_ffff)),
        ]);
        run(&mut c, "vsum4ubs v3,v1,v2");
        assert_eq!(c.vr[3], w(0xffff_ffff, 20, 0, 0xffff_ffff));
        assert_eq!(c.vscr, VSCR_SAT);
        c.vscr = 0;
        run(&mut c, "vsum4sbs v3,v1,v2");
        // -4 + -256 = -260; 10 + 10; 0; -1.
        assert_eq!(c.vr[3], w(0xffff_fefc, 20, 0, 0xffff_ffff));
        assert_eq!(c.vscr, 0);
        run(&mut c, "vsum4shs v3,v1,v2");
        // -1 + -1 + -256; 0x0102 + 0x0304 + 10.
        assert_eq!(c.vr[3], w(0xffff_fefe, 0x0410, 0, 0xffff_ffff));
    }

    #[test]
    fn compares_record_all_and_none_in_cr6() {
        let mut c = ctx_with(&[(1, w(1, 2, 3, 4)), (2, w(1, 2, 3, 4)), (3, w(0, 3, 3, 5))]);
        c.cr = 0xffff_ffff;
        run(&mut c, "vcmpequw. v4,v1,v2");
        assert_eq!(c.vr[4], u128::MAX);
        assert_eq!(c.cr, 0xffff_ff8f);
        run(&mut c, "vcmpgtuw. v4,v3,v1");
        assert_eq!(c.vr[4], w(0, 0xffff_ffff, 0, 0xffff_ffff));
        assert_eq!(c.cr, 0xffff_ff0f);
        run(&mut c, "vcmpgtsb. v4,v1,v2");
        assert_eq!(c.vr[4], 0);
        assert_eq!(c.cr, 0xffff_ff2f);
        // Without Rc the CR is untouched.
        run(&mut c, "vcmpequb v4,v1,v2");
        assert_eq!(c.cr, 0xffff_ff2f);
        // Signed versus unsigned: 0x80 > 0x7f unsigned, not signed.
        let mut c = ctx_with(&[(1, w(0x8000_0000, 0, 0, 0)), (2, w(0x7f00_0000, 0, 0, 0))]);
        run(&mut c, "vcmpgtub v3,v1,v2");
        assert_eq!(c.vr[3], w(0xff00_0000, 0, 0, 0));
        run(&mut c, "vcmpgtsh v3,v2,v1");
        assert_eq!(c.vr[3], w(0xffff_0000, 0, 0, 0));
        // The VMX128 form records in CR6 too.
        let mut c = ctx_with(&[(100, w(1, 2, 3, 4)), (101, w(1, 2, 3, 4))]);
        run(&mut c, "vcmpequw128. v70,v100,v101");
        assert_eq!(c.vr[70], u128::MAX);
        assert_eq!(c.cr_field(6), 0b1000);
    }

    #[test]
    fn permutes_select_and_shift_bytes_in_guest_order() {
        let a = lanes::from_bytes(std::array::from_fn(|k| k as u8));
        let b = lanes::from_bytes(std::array::from_fn(|k| 0x10 + k as u8));
        let sel = lanes::from_bytes([
            0x1f, 0x00, 0x10, 0x0f, 0xe1, 0x22, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
        ]);
        let mut c = ctx_with(&[(1, a), (2, b), (3, sel), (5, sel)]);
        run(&mut c, "vperm v4,v1,v2,v3");
        assert_eq!(
            lanes::bytes(c.vr[4]),
            [0x1f, 0, 0x10, 0x0f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
        );
        c.vr[100] = a;
        c.vr[101] = b;
        run(&mut c, "vperm128 v90,v100,v101,v5");
        assert_eq!(c.vr[90], c.vr[4]);
        run(&mut c, "vsldoi v4,v1,v2,3");
        assert_eq!(lanes::bytes(c.vr[4])[0], 3);
        assert_eq!(lanes::bytes(c.vr[4])[15], 0x12);
        run(&mut c, "vsldoi128 v91,v100,v101,3");
        assert_eq!(c.vr[91], c.vr[4]);
        // vsel takes VB's bit where the mask is 1.
        let mut c = ctx_with(&[
            (1, w(0xffff_0000, 0, 0, 0)),
            (2, w(0x1234_5678, 0xffff_ffff, 0, 0)),
            (3, w(0x0f0f_0f0f, 0xffff_0000, 0, 0)),
        ]);
        run(&mut c, "vsel v4,v1,v2,v3");
        assert_eq!(c.vr[4], w(0xf2f4_0608, 0xffff_0000, 0, 0));
        // vsel128's mask is its destination.
        c.vr[64] = c.vr[3];
        run(&mut c, "vsel128 v64,v1,v2,v64");
        assert_eq!(c.vr[64], c.vr[4]);
    }

    #[test]
    fn whole_register_shifts() {
        let a = w(0x0011_2233, 0x4455_6677, 0x8899_aabb, 0xccdd_eeff);
        let mut c = ctx_with(&[
            (1, a),
            (2, w(0x0404_0404, 0x0404_0404, 0x0404_0404, 0x0404_0404)),
        ]);
        run(&mut c, "vsl v3,v1,v2");
        assert_eq!(
            c.vr[3],
            w(0x0112_2334, 0x4556_6778, 0x899a_abbc, 0xcdde_eff0)
        );
        run(&mut c, "vsr v3,v1,v2");
        assert_eq!(
            c.vr[3],
            w(0x0001_1223, 0x3445_5667, 0x7889_9aab, 0xbccd_deef)
        );
        // vslo/vsro: octet count from bits 121:124 (byte 15 >> 3).
        c.vr[2] = w(0, 0, 0, 0x0000_0028);
        run(&mut c, "vslo v3,v1,v2");
        assert_eq!(c.vr[3], w(0x5566_7788, 0x99aa_bbcc, 0xddee_ff00, 0));
        run(&mut c, "vsro v3,v1,v2");
        assert_eq!(c.vr[3], w(0, 0x0000_1122, 0x3344_5566, 0x7788_99aa));
    }

    #[test]
    fn packs_saturate_and_pixels() {
        let mut c = ctx_with(&[
            (1, w(0x7fff_8000, 0x0100_00ff, 0xff80_0080, 0x0001_fffe)),
            (2, w(0, 0, 0, 0x0102_0304)),
        ]);
        run(&mut c, "vpkshss v3,v1,v2");
        assert_eq!(c.vr[3], w(0x7f80_7f7f, 0x807f_01fe, 0, 0x7f7f));
        assert_eq!(c.vscr, VSCR_SAT);
        c.vscr = 0;
        run(&mut c, "vpkuhum v3,v1,v2");
        assert_eq!(c.vr[3], w(0xff00_00ff, 0x8080_01fe, 0, 0x0204));
        assert_eq!(c.vscr, 0);
        run(&mut c, "vpkshus v3,v1,v2");
        assert_eq!(c.vr[3], w(0xff00_ffff, 0x0080_0100, 0, 0xffff));
        // vpkpx: 0x01ff_8040 -> 1 11111 10000 01000.
        let mut c = ctx_with(&[(1, w(0x01ff_8040, 0xfe00_0007, 0, 0))]);
        run(&mut c, "vpkpx v3,v1,v2");
        assert_eq!(c.vr[3], w(0xfe08_0000, 0, 0, 0));
        run(&mut c, "vupkhpx v4,v3");
        assert_eq!(c.vr[4], w(0xff1f_1008, 0, 0, 0));
    }

    #[test]
    fn vmx128_word_permutes() {
        let b = w(0xa, 0xb, 0xc, 0xd);
        let mut c = ctx_with(&[(70, b), (71, w(1, 2, 3, 4))]);
        // 0b00_11_01_10: words 0, 3, 1, 2.
        run(&mut c, "vpermwi128 v72,v70,54");
        assert_eq!(c.vr[72], w(0xa, 0xd, 0xb, 0xc));
        // Rotate left by one word, insert words 0 and 2.
        run(&mut c, "vrlimi128 v71,v70,10,1");
        assert_eq!(c.vr[71], w(0xb, 2, 0xd, 4));
        run(&mut c, "vrlimi128 v71,v70,15,0");
        assert_eq!(c.vr[71], b);
        run(&mut c, "vspltisw128 v73,v0,-16");
        assert_eq!(
            c.vr[73],
            w(0xffff_fff0, 0xffff_fff0, 0xffff_fff0, 0xffff_fff0)
        );
        run(&mut c, "vspltw128 v73,v70,2");
        assert_eq!(c.vr[73], w(0xc, 0xc, 0xc, 0xc));
    }

    #[test]
    fn multiply_adds() {
        // vmhraddshs: (0x4000 * 0x4000 + 0x4000) >> 15 = 0x2000, + 0x7000 saturates.
        let mut c = ctx_with(&[
            (1, w(0x4000_8000, 0x8000_0001, 0, 0)),
            (2, w(0x4000_8000, 0x7fff_0001, 0, 0)),
            (3, w(0x7000_0000, 0x0000_0000, 0, 0)),
        ]);
        run(&mut c, "vmhraddshs v4,v1,v2,v3");
        assert_eq!(c.vr[4], w(0x7fff_7fff, 0x8001_0000, 0, 0));
        assert_eq!(c.vscr, VSCR_SAT);
        c.vscr = 0;
        run(&mut c, "vmladduhm v4,v1,v2,v3");
        assert_eq!(c.vr[4], w(0x7000_0000, 0x8000_0001, 0, 0));
        run(&mut c, "vmsumshs v4,v1,v2,v3");
        // 0x4000^2 + (-0x8000)^2 + 0x70000000 = 0x10000000 + 0x40000000 + 0x70000000.
        assert_eq!(c.vr[4], w(0x7fff_ffff, 0xc000_8001, 0, 0));
        assert_eq!(c.vscr, VSCR_SAT);
        c.vscr = 0;
        run(&mut c, "vmsumshm v4,v1,v2,v3");
        assert_eq!(c.vr[4], w(0xc000_0000, 0xc000_8001, 0, 0));
        assert_eq!(c.vscr, 0);
    }

    #[test]
    fn vscr_moves_keep_only_defined_bits() {
        let mut c = ctx_with(&[(1, w(0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_fffe))]);
        run(&mut c, "mtvscr v1");
        assert_eq!(c.vscr, VSCR_NJ);
        c.vr[1] = w(0, 0, 0, 0x0001_0001);
        run(&mut c, "mtvscr v1");
        c.vr[2] = u128::MAX;
        run(&mut c, "mfvscr v2");
        assert_eq!(c.vr[2], w(0, 0, 0, VSCR_NJ | VSCR_SAT));
    }

    #[test]
    fn sources_are_read_before_the_destination_is_written() {
        let a = w(0x0102_0304, 0x0506_0708, 0x090a_0b0c, 0x0d0e_0f10);
        let mut c = ctx_with(&[(1, a)]);
        run(&mut c, "vmrghb v1,v1,v1");
        assert_eq!(
            c.vr[1],
            w(0x0101_0202, 0x0303_0404, 0x0505_0606, 0x0707_0808)
        );
        let mut c = ctx_with(&[(1, a), (2, lanes::from_bytes([15; 16]))]);
        run(&mut c, "vperm v2,v1,v1,v2");
        assert_eq!(c.vr[2], lanes::from_bytes([0x10; 16]));
        run(&mut c, "vrlimi128 v1,v1,15,3");
        assert_eq!(
            c.vr[1],
            w(0x0d0e_0f10, 0x0102_0304, 0x0506_0708, 0x090a_0b0c)
        );
    }

    #[test]
    fn byte_multiply_sums_mix_signedness_as_defined() {
        // vmsummbm: signed bytes of VA times unsigned bytes of VB.
        let mut c = ctx_with(&[
            (1, w(0xff80_7f01, 0, 0, 0)),
            (2, w(0xffff_ff02, 0, 0, 0)),
            (3, w(0x0000_0010, 0, 0, 0xffff_ffff)),
        ]);
        run(&mut c, "vmsummbm v4,v1,v2,v3");
        // -255 - 32640 + 32385 + 2 + 16 = -492.
        assert_eq!(c.vr[4], w(0xffff_fe14, 0, 0, 0xffff_ffff));
        run(&mut c, "vmsumubm v4,v1,v2,v3");
        // 65025 + 32640 + 32385 + 2 + 16; the last word wraps modulo 2^32.
        assert_eq!(c.vr[4], w(130_068, 0, 0, 0xffff_ffff));
        run(&mut c, "vupklpx v5,v1");
        assert_eq!(c.vr[5], 0);
        run(&mut c, "vupkhpx v5,v1");
        assert_eq!(c.vr[5], w(0xff1f_1c00, 0x001f_1801, 0, 0));
    }

    #[test]
    fn other_families_are_not_owned() {
        let mut c = Context::default();
        for text in [
            "vaddfp v1,v2,v3",
            "lvx v1,r3,r4",
            "vcmpeqfp. v1,v2,v3",
            "vmaddfp128 v1,v2,v3,v1",
        ] {
            let d = decode(assemble(text).unwrap()).unwrap();
            let crate::isa::Op::Vector(op) = d.op() else {
                unreachable!()
            };
            assert!(exec(op, d.insn, &mut c).is_none(), "{text}");
        }
    }
}
