//! Guest element order in host vector registers: the one place the JIT decides it.
//!
//! `Context::vr[n]` is a `u128` whose most significant byte is guest byte element 0
//! (`interp::vector::lanes`). The host is little-endian, so a 16-byte load of `vr[n]` into
//! a Cranelift vector puts guest byte `15 - j` in host `i8x16` lane `j`, guest halfword
//! `7 - j` in `i16x8` lane `j`, and guest word (or float) `3 - j` in `i32x4`/`f32x4` lane
//! `j`. Lane-wise operations therefore need no shuffles at all, and a register can be
//! reinterpreted between lane widths with a little-endian `bitcast`.
//!
//! What does depend on the order:
//! - Guest memory is big-endian and its lowest address is guest element 0, so a 16-byte
//!   block loaded raw has memory byte `i` in host lane `i`, the reverse of the register
//!   order: quadword loads and stores reverse the bytes (`REVERSE`).
//! - Instructions that move elements around (merges, splats, `vsldoi`, `vpermwi128`,
//!   `vrlimi128`) are written in guest byte order and translated here into host shuffle
//!   masks (`shuffle_mask`), so the IR shuffle constant already holds the mapping.
//! - Instructions that name a guest byte at run time (`vperm`, `vslo`, `lvlx` ...) turn the
//!   guest index `g` into the host lane `15 - g` with arithmetic on the index vector.
//! - Packs and unpacks work on host lane halves: the guest's "high" (first) elements are the
//!   host's upper lanes, so `vupkhsb` is a `swiden_high` and a pack of VA and VB puts VB's
//!   narrowed lanes in the low host half.

/// Host lane of guest byte `g` (and guest byte of host lane `g`: the map is an involution).
pub const fn host_byte(g: usize) -> usize {
    15 - g
}

/// Shuffle mask that reverses the 16 bytes: memory order <-> register order.
pub const REVERSE: [u8; 16] = [15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];

/// Host shuffle mask for `shuffle(a, b)` from a guest description: `pick(k)` is the guest
/// byte (0..32 of the concatenation VA || VB, in guest order) that guest byte `k` of the
/// result takes.
pub fn shuffle_mask(pick: impl Fn(usize) -> usize) -> [u8; 16] {
    std::array::from_fn(|j| {
        let s = pick(host_byte(j));
        // Cranelift's shuffle indexes the first operand's host lanes 0..16, then the
        // second's 16..32.
        if s < 16 {
            host_byte(s) as u8
        } else {
            (16 + host_byte(s - 16)) as u8
        }
    })
}

/// Guest byte mask for word `k` (guest order) of a word permutation `words(k)`.
pub fn word_pick(words: impl Fn(usize) -> usize) -> impl Fn(usize) -> usize {
    move |k| 4 * words(k / 4) + k % 4
}

/// Guest byte mask for halfword `k` of a halfword permutation.
pub fn half_pick(halves: impl Fn(usize) -> usize) -> impl Fn(usize) -> usize {
    move |k| 2 * halves(k / 2) + k % 2
}

/// Host lane numbers 0..16: the base of run-time index arithmetic.
pub const IOTA: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interp::vector::lanes as guest;

    /// Applies a host shuffle mask to two registers the way the host does.
    fn apply(mask: [u8; 16], a: u128, b: u128) -> u128 {
        let (x, y) = (a.to_le_bytes(), b.to_le_bytes());
        let out: [u8; 16] = std::array::from_fn(|j| {
            let m = mask[j] as usize;
            if m < 16 {
                x[m]
            } else {
                y[m - 16]
            }
        });
        u128::from_le_bytes(out)
    }

    #[test]
    fn shuffles_built_in_guest_order_act_in_guest_order() {
        let a = guest::from_bytes(std::array::from_fn(|k| k as u8));
        let b = guest::from_bytes(std::array::from_fn(|k| 0x10 + k as u8));
        // vsldoi by 3: guest bytes 3..19 of a || b.
        let r = apply(shuffle_mask(|k| k + 3), a, b);
        assert_eq!(guest::bytes(r)[0], 3);
        assert_eq!(guest::bytes(r)[15], 0x12);
        // vmrghw: words a0 b0 a1 b1.
        let r = apply(
            shuffle_mask(word_pick(|k| if k % 2 == 0 { k / 2 } else { 4 + k / 2 })),
            a,
            b,
        );
        assert_eq!(
            guest::words(r),
            [0x0001_0203, 0x1011_1213, 0x0405_0607, 0x1415_1617]
        );
        // The memory reversal: raw little-endian bytes become guest order.
        let mem: [u8; 16] = std::array::from_fn(|i| i as u8);
        let raw = u128::from_le_bytes(mem);
        assert_eq!(guest::bytes(apply(REVERSE, raw, raw)), mem);
    }
}
