//! FPSCR layout (32-bit register, IBM bit 32 of the architected 64-bit FPSCR is our bit 31)
//! and the rules that tie its summary bits to the individual exception bits.

pub const FX: u32 = 1 << 31;
pub const FEX: u32 = 1 << 30;
pub const VX: u32 = 1 << 29;
pub const OX: u32 = 1 << 28;
pub const UX: u32 = 1 << 27;
pub const ZX: u32 = 1 << 26;
pub const XX: u32 = 1 << 25;
pub const VXSNAN: u32 = 1 << 24;
pub const VXISI: u32 = 1 << 23;
pub const VXIDI: u32 = 1 << 22;
pub const VXZDZ: u32 = 1 << 21;
pub const VXIMZ: u32 = 1 << 20;
pub const VXVC: u32 = 1 << 19;
pub const FR: u32 = 1 << 18;
pub const FI: u32 = 1 << 17;
/// Result class descriptor C and the four FPCC bits.
pub const FPRF: u32 = 0x1f << 12;
pub const FPCC: u32 = 0xf << 12;
/// Bit 52 of the architected register: reserved, reads as zero and cannot be set.
pub const RESERVED: u32 = 1 << 11;
pub const VXSOFT: u32 = 1 << 10;
pub const VXSQRT: u32 = 1 << 9;
pub const VXCVI: u32 = 1 << 8;
pub const VE: u32 = 1 << 7;
pub const OE: u32 = 1 << 6;
pub const UE: u32 = 1 << 5;
pub const ZE: u32 = 1 << 4;
pub const XE: u32 = 1 << 3;
pub const RN: u32 = 3;

/// The invalid-operation causes VX summarises.
pub const VX_ALL: u32 = VXSNAN | VXISI | VXIDI | VXZDZ | VXIMZ | VXVC | VXSOFT | VXSQRT | VXCVI;
/// Exception bits whose 0 -> 1 transition sets FX (FEX and VX are summaries, not causes).
pub const EXCEPTIONS: u32 = OX | UX | ZX | XX | VX_ALL;
/// Bits `mcrfs` clears when it copies them: every exception bit including FX itself.
pub const MCRFS_CLEARS: u32 = FX | EXCEPTIONS;

/// FPRF encodings (C, FL, FG, FE, FU).
pub const CLASS_QNAN: u32 = 0b10001 << 12;
pub const CLASS_NEG_INF: u32 = 0b01001 << 12;
pub const CLASS_NEG_NORMAL: u32 = 0b01000 << 12;
pub const CLASS_NEG_DENORMAL: u32 = 0b11000 << 12;
pub const CLASS_NEG_ZERO: u32 = 0b10010 << 12;
pub const CLASS_POS_ZERO: u32 = 0b00010 << 12;
pub const CLASS_POS_DENORMAL: u32 = 0b10100 << 12;
pub const CLASS_POS_NORMAL: u32 = 0b00100 << 12;
pub const CLASS_POS_INF: u32 = 0b00101 << 12;

/// Recomputes VX (OR of the invalid-operation bits) and FEX (any exception whose enable is
/// set). Neither can be written directly; every FPSCR update ends here.
#[inline]
pub fn summarize(f: u32) -> u32 {
    let f = f & !RESERVED;
    let f = if f & VX_ALL != 0 { f | VX } else { f & !VX };
    let enabled = [(VX, VE), (OX, OE), (UX, UE), (ZX, ZE), (XX, XE)]
        .iter()
        .any(|&(x, e)| f & x != 0 && f & e != 0);
    if enabled {
        f | FEX
    } else {
        f & !FEX
    }
}

/// ORs `raised` exception bits into `f`, setting FX when any of them was clear before.
#[inline]
pub fn raise(f: u32, raised: u32) -> u32 {
    let newly = raised & !f & EXCEPTIONS;
    let f = f | raised;
    summarize(if newly != 0 { f | FX } else { f })
}

/// The FPRF class of a value held in double format. `single` treats values below the single
/// format's smallest normal as denormal, since that is what they are in the target format.
pub fn class(bits: u64, single: bool) -> u32 {
    let neg = bits >> 63 != 0;
    let exp = (bits >> 52) & 0x7ff;
    let frac = bits & ((1 << 52) - 1);
    let pick = |p, n| if neg { n } else { p };
    match exp {
        0x7ff if frac != 0 => CLASS_QNAN,
        0x7ff => pick(CLASS_POS_INF, CLASS_NEG_INF),
        0 if frac == 0 => pick(CLASS_POS_ZERO, CLASS_NEG_ZERO),
        0 => pick(CLASS_POS_DENORMAL, CLASS_NEG_DENORMAL),
        // 897 is the biased double exponent of 2^-126, the single format's smallest normal.
        e if single && e < 897 => pick(CLASS_POS_DENORMAL, CLASS_NEG_DENORMAL),
        _ => pick(CLASS_POS_NORMAL, CLASS_NEG_NORMAL),
    }
}
