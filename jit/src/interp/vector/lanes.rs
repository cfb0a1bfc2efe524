//! Guest element order. `Context::vr[n]` is a `u128` whose most significant byte is guest
//! byte element 0, so a register converts to arrays indexed by guest element with big-endian
//! byte order, and back. Everything that looks at elements goes through these functions.

pub fn bytes(v: u128) -> [u8; 16] {
    v.to_be_bytes()
}

pub fn from_bytes(b: [u8; 16]) -> u128 {
    u128::from_be_bytes(b)
}

pub fn halves(v: u128) -> [u16; 8] {
    let b = bytes(v);
    std::array::from_fn(|i| u16::from_be_bytes([b[2 * i], b[2 * i + 1]]))
}

pub fn from_halves(h: [u16; 8]) -> u128 {
    h.iter().fold(0u128, |acc, &x| (acc << 16) | u128::from(x))
}

pub fn words(v: u128) -> [u32; 4] {
    std::array::from_fn(|i| (v >> (96 - 32 * i)) as u32)
}

pub fn from_words(w: [u32; 4]) -> u128 {
    w.iter().fold(0u128, |acc, &x| (acc << 32) | u128::from(x))
}

/// Single-precision elements as raw bits (element 0 first).
pub fn floats(v: u128) -> [f32; 4] {
    words(v).map(f32::from_bits)
}

pub fn from_floats(f: [f32; 4]) -> u128 {
    from_words(f.map(f32::to_bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_zero_is_most_significant() {
        let v = 0x0001_0203_0405_0607_0809_0a0b_0c0d_0e0f_u128;
        assert_eq!(bytes(v)[0], 0x00);
        assert_eq!(bytes(v)[15], 0x0f);
        assert_eq!(halves(v)[1], 0x0203);
        assert_eq!(
            words(v),
            [0x0001_0203, 0x0405_0607, 0x0809_0a0b, 0x0c0d_0e0f]
        );
        assert_eq!(from_words(words(v)), v);
        assert_eq!(from_halves(halves(v)), v);
        assert_eq!(from_bytes(bytes(v)), v);
    }
}
