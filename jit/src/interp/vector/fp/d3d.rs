//! vpkd3d128 and vupkd3d128: the Xbox 360's Direct3D vertex and colour formats.
//!
//! There is no architecture document for these VMX128 instructions; what follows is the
//! behaviour described publicly by Xbox 360 emulation work (the xenia project's emitters and
//! its hand-written instruction tests), restated here as facts.
//!
//! Integer components travel in "biased" floats: the value n is stored as the single whose
//! bits are 0x40400000 + n, that is 3.0 + n * 2^-22 (the exponent of 3.0 leaves 22 fraction
//! bits below the integer part), so the low bits of the word are n in two's complement while
//! |n| < 2^22. Unpacking adds the sign-extended field to 0x40400000 (0x3F800000, 1.0, for the
//! unsigned colour and W fields); packing clamps the float between the biased bounds of the
//! field, as a float comparison in which a NaN takes the lower bound, and keeps the low
//! bits. A signed field's most negative value (-2^(w-1), outside the clamp range of
//! packing) unpacks to the default QNaN.
//!
//! Types (the upper three bits of the immediate):
//!
//! | type | name | packed (guest element order, most significant bits first) |
//! |---|---|---|
//! | 0 | D3DCOLOR | word 3 = A:R:G:B bytes, from elements W, X, Y, Z (unsigned 8-bit) |
//! | 1 | NORMSHORT2 | word 3 = X:Y, signed 16-bit |
//! | 2 | NORMPACKED32 | word 3 = W(2, unsigned):Z(10):Y(10):X(10), signed 10-bit XYZ |
//! | 3 | FLOAT16_2 | word 3 = X:Y as Xenos halves |
//! | 4 | NORMSHORT4 | word 2 = X:Y, word 3 = Z:W, signed 16-bit |
//! | 5 | FLOAT16_4 | word 2 = X:Y, word 3 = Z:W as Xenos halves |
//! | 6 | NORMPACKED64 | words 2:3 = W(4, unsigned):Z(20):Y(20):X(20), signed 20-bit XYZ |
//!
//! Unpacking a two-component type sets Z to 0.0 and W to 1.0. Xenos halves have a 5-bit
//! exponent with bias 15 and no infinities or NaNs (exponent 31 is an ordinary binade, up to
//! 131008); packing truncates toward zero, gives ±0 below 2^-14 (no denormals) and saturates
//! to ±131008 at or above 131072 and for infinities and NaNs; unpacking reads exponent 0 as
//! zero.
//!
//! vpkd3d128 then inserts the packed words into VD: the packed vector (zeros in the words a
//! type does not fill) is rotated left by `z` words and written under a mask chosen by the
//! two low immediate bits (`d3d_shift`): 1 = one word, at element 3 - z; 2 = two words, at
//! elements 2 - z and 3 - z where those exist; 3 = as 2, except that z = 3 writes element 3
//! only. VD's other words keep their value.
//!
//! Encodings outside these (types 7, mask 0) have no known meaning; the caller reports them
//! as invalid instructions.

use super::element::{f, DEFAULT_NAN, ONE};

/// 3.0, the bias of the integer fields.
const THREE: u32 = 0x4040_0000;

/// A signed `width`-bit field of `x` (at bit `at`) as a biased float.
fn signed_field(x: u64, at: u32, width: u32) -> u32 {
    let v = ((x >> at) << (64 - width)) as i64 >> (64 - width);
    if v == -(1 << (width - 1)) {
        DEFAULT_NAN
    } else {
        THREE.wrapping_add(v as u32)
    }
}

/// Clamps `x` to the biased floats `lo..=hi` (a NaN gives `lo`), then keeps the low `width`
/// bits.
fn clamp_field(x: u32, lo: u32, hi: u32, width: u32) -> u32 {
    let v = f(x);
    let v = if v > f(lo) { v } else { f(lo) };
    let v = if v < f(hi) { v } else { f(hi) };
    v.to_bits() & ((1u64 << width) - 1) as u32
}

fn unsigned8(x: u32) -> u32 {
    clamp_field(x, THREE, THREE + 0xff, 8)
}

fn signed16(x: u32) -> u32 {
    clamp_field(x, THREE - 0x7fff, THREE + 0x7fff, 16)
}

fn signed10(x: u32) -> u32 {
    clamp_field(x, THREE - 0x1ff, THREE + 0x1ff, 10)
}

fn signed20(x: u32) -> u64 {
    clamp_field(x, THREE - 0x7_ffff, THREE + 0x7_ffff, 20).into()
}

/// A single as a Xenos half: truncated, no denormals, saturating.
fn to_half(x: u32) -> u32 {
    let sign = (x >> 16) & 0x8000;
    let mag = x & 0x7fff_ffff;
    let h = if mag >= 0x47ff_e000 {
        0x7fff
    } else if mag < 0x3880_0000 {
        0
    } else {
        // Rebias the exponent from 127 to 15 and drop 13 fraction bits.
        (mag - 0x3800_0000) >> 13
    };
    sign | h
}

/// A Xenos half (the low 16 bits of `h`) as a single.
fn from_half(h: u32) -> u32 {
    let sign = (h & 0x8000) << 16;
    let exp = (h >> 10) & 0x1f;
    if exp == 0 {
        sign
    } else {
        sign | (exp + 112) << 23 | (h & 0x3ff) << 13
    }
}

/// vupkd3d128 of type `kind`: the four result elements, or `None` for an unknown type.
pub fn unpack(kind: u32, b: [u32; 4]) -> Option<[u32; 4]> {
    let (w2, w3) = (u64::from(b[2]), u64::from(b[3]));
    let byte = |at: u32| ONE | ((b[3] >> at) & 0xff);
    Some(match kind {
        0 => [byte(16), byte(8), byte(0), byte(24)],
        1 => [signed_field(w3, 16, 16), signed_field(w3, 0, 16), 0, ONE],
        2 => [
            signed_field(w3, 0, 10),
            signed_field(w3, 10, 10),
            signed_field(w3, 20, 10),
            ONE + (b[3] >> 30),
        ],
        3 => [from_half(b[3] >> 16), from_half(b[3]), 0, ONE],
        4 => [
            signed_field(w2, 16, 16),
            signed_field(w2, 0, 16),
            signed_field(w3, 16, 16),
            signed_field(w3, 0, 16),
        ],
        5 => [
            from_half(b[2] >> 16),
            from_half(b[2]),
            from_half(b[3] >> 16),
            from_half(b[3]),
        ],
        6 => {
            let v = w2 << 32 | w3;
            [
                signed_field(v, 0, 20),
                signed_field(v, 20, 20),
                signed_field(v, 40, 20),
                ONE + (v >> 60) as u32,
            ]
        }
        _ => return None,
    })
}

/// The packed form of `v` for type `kind`: words 0..3, unused words zero.
fn pack(kind: u32, v: [u32; 4]) -> Option<[u32; 4]> {
    Some(match kind {
        0 => [
            0,
            0,
            0,
            unsigned8(v[3]) << 24 | unsigned8(v[0]) << 16 | unsigned8(v[1]) << 8 | unsigned8(v[2]),
        ],
        1 => [0, 0, 0, signed16(v[0]) << 16 | signed16(v[1])],
        2 => {
            let w = clamp_field(v[3], THREE, THREE + 3, 2);
            let xyz = signed10(v[0]) | signed10(v[1]) << 10 | signed10(v[2]) << 20;
            [0, 0, 0, w << 30 | xyz]
        }
        3 => [0, 0, 0, to_half(v[0]) << 16 | to_half(v[1])],
        4 => [
            0,
            0,
            signed16(v[0]) << 16 | signed16(v[1]),
            signed16(v[2]) << 16 | signed16(v[3]),
        ],
        5 => [
            0,
            0,
            to_half(v[0]) << 16 | to_half(v[1]),
            to_half(v[2]) << 16 | to_half(v[3]),
        ],
        6 => {
            let w = u64::from(clamp_field(v[3], THREE, THREE + 15, 4));
            let p = signed20(v[0]) | signed20(v[1]) << 20 | signed20(v[2]) << 40 | w << 60;
            [0, 0, (p >> 32) as u32, p as u32]
        }
        _ => return None,
    })
}

/// vpkd3d128: VD with the packed words of `b` inserted (see the module notes), or `None`
/// for an unknown type or mask.
pub fn pack_insert(kind: u32, mask: u32, z: u32, d: [u32; 4], b: [u32; 4]) -> Option<[u32; 4]> {
    let packed = pack(kind, b)?;
    let z = z as usize & 3;
    let written: &[usize] = match (mask, z) {
        (1, _) => &[3 - z][..],
        (2 | 3, 0) => &[2, 3],
        (2 | 3, 1) => &[1, 2],
        (2 | 3, 2) => &[0, 1],
        (2, 3) => &[0],
        (3, 3) => &[3],
        _ => return None,
    };
    let mut out = d;
    for &k in written {
        out[k] = packed[(k + z) & 3];
    }
    Some(out)
}
