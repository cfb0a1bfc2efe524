//! Floating-point unit tests.
//!
//! Expected values are worked out from the PowerPC ISA (Book I, Floating-Point Facility:
//! rounding, the exception definitions and actions, FPRF encodings, the frsp model) and every
//! case in `CASES` was also run on qemu-ppc64 7.2 (user mode, values loaded with lfd/mtfsf,
//! results read back with stfd/mffs/mfcr). Where qemu disagrees with the ISA the case says
//! so in `qemu`, with qemu's value; we follow the ISA there. `host_*` tests compare against
//! the host's IEEE arithmetic, an independent correctly rounded reference for round-to-
//! nearest.

use super::fpscr::*;
use crate::isa::{decode, Op};
use crate::Context;

const SENTINEL: u64 = 0x1111;
const ONE: u64 = 0x3ff0_0000_0000_0000;
const TWO: u64 = 0x4000_0000_0000_0000;
const THREE: u64 = 0x4008_0000_0000_0000;
const FOUR: u64 = 0x4010_0000_0000_0000;
const HALF: u64 = 0x3fe0_0000_0000_0000;
const NEG_ONE: u64 = 0xbff0_0000_0000_0000;
const PZERO: u64 = 0;
const NZERO: u64 = 0x8000_0000_0000_0000;
const PINF: u64 = 0x7ff0_0000_0000_0000;
const NINF: u64 = 0xfff0_0000_0000_0000;
const QNAN: u64 = 0x7ff8_0000_0000_0000;
const SNAN: u64 = 0x7ff0_0000_0000_0001;
const MAX: u64 = 0x7fef_ffff_ffff_ffff;
const MIN_NORMAL: u64 = 0x0010_0000_0000_0000;
/// 2^-60
const TINY_STEP: u64 = 0x3c30_0000_0000_0000;

/// Encodes the few instruction shapes the cases use, with fixed registers: FRT = f1,
/// FRA = f2, FRB = f3, FRC = f4 (as the qemu runs used them).
fn encode(asm: &str) -> u32 {
    let (mn, args) = asm.split_once(' ').unwrap_or((asm, ""));
    let (mn, rc) = match mn.strip_suffix('.') {
        Some(m) => (m, 1),
        None => (mn, 0),
    };
    let n: Vec<u32> = args
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.trim().parse().unwrap())
        .collect();
    let a_form = |po: u32, xo: u32, t: u32, a: u32, b: u32, c: u32| {
        (po << 26) | (t << 21) | (a << 16) | (b << 11) | (c << 6) | (xo << 1) | rc
    };
    let x_form = |xo: u32, t: u32, a: u32, b: u32| {
        (63 << 26) | (t << 21) | (a << 16) | (b << 11) | (xo << 1) | rc
    };
    let arith = [
        ("fdiv", 63, 18),
        ("fdivs", 59, 18),
        ("fsub", 63, 20),
        ("fsubs", 59, 20),
        ("fadd", 63, 21),
        ("fadds", 59, 21),
    ];
    let fma = [
        ("fsel", 63, 23),
        ("fmsub", 63, 28),
        ("fmsubs", 59, 28),
        ("fmadd", 63, 29),
        ("fmadds", 59, 29),
        ("fnmsub", 63, 30),
        ("fnmsubs", 59, 30),
        ("fnmadd", 63, 31),
        ("fnmadds", 59, 31),
    ];
    let unary_a = [
        ("fsqrt", 63, 22),
        ("fsqrts", 59, 22),
        ("fres", 59, 24),
        ("frsqrte", 63, 26),
    ];
    let unary_x = [
        ("frsp", 12),
        ("fctiw", 14),
        ("fctiwz", 15),
        ("fctid", 814),
        ("fctidz", 815),
        ("fcfid", 846),
        ("fneg", 40),
        ("fmr", 72),
        ("fnabs", 136),
        ("fabs", 264),
    ];
    if let Some(&(_, po, xo)) = arith.iter().find(|e| e.0 == mn) {
        return a_form(po, xo, n[0], n[1], n[2], 0);
    }
    if let Some(&(_, po, xo)) = fma.iter().find(|e| e.0 == mn) {
        return a_form(po, xo, n[0], n[1], n[3], n[2]);
    }
    if let Some(&(_, po, xo)) = unary_a.iter().find(|e| e.0 == mn) {
        return a_form(po, xo, n[0], 0, n[1], 0);
    }
    if let Some(&(_, xo)) = unary_x.iter().find(|e| e.0 == mn) {
        return x_form(xo, n[0], 0, n[1]);
    }
    match mn {
        "fmul" => a_form(63, 25, n[0], n[1], 0, n[2]),
        "fmuls" => a_form(59, 25, n[0], n[1], 0, n[2]),
        "fcmpu" => x_form(0, n[0] << 2, n[1], n[2]),
        "fcmpo" => x_form(32, n[0] << 2, n[1], n[2]),
        "mffs" => x_form(583, n[0], 0, 0),
        "mtfsf" => (63 << 26) | (n[0] << 17) | (n[1] << 11) | (711 << 1) | rc,
        "mtfsfi" => (63 << 26) | (n[0] << 23) | (n[1] << 12) | (134 << 1) | rc,
        "mtfsb0" => x_form(70, n[0], 0, 0),
        "mtfsb1" => x_form(38, n[0], 0, 0),
        "mcrfs" => x_form(64, n[0] << 2, n[1] << 2, 0),
        _ => panic!("no encoding for {asm}"),
    }
}

/// Runs one instruction with f1 = SENTINEL, f2 = a, f3 = b, f4 = c and CR = 0; returns
/// (f1, FPSCR, CR).
fn run(asm: &str, fpscr: u32, a: u64, b: u64, c: u64) -> (u64, u32, u32) {
    let mut ctx = Context {
        fpscr,
        ..Default::default()
    };
    ctx.fpr[1] = SENTINEL;
    ctx.fpr[2] = a;
    ctx.fpr[3] = b;
    ctx.fpr[4] = c;
    let word = encode(asm);
    let d = decode(word).unwrap_or_else(|| panic!("{asm} ({word:#010x}) does not decode"));
    let Op::Fpu(op) = d.op() else {
        panic!("{asm} is not an FPU instruction")
    };
    super::exec(op, d.insn, &mut ctx).unwrap();
    (ctx.fpr[1], ctx.fpscr, ctx.cr)
}

struct Case {
    asm: &'static str,
    fpscr: u32,
    a: u64,
    b: u64,
    c: u64,
    frt: u64,
    out: u32,
    cr: u32,
    /// "" when qemu-ppc64 gives the same; otherwise what qemu gives and why we differ.
    qemu: &'static str,
}

const fn case(asm: &'static str, fpscr: u32, abc: [u64; 3], frt: u64, out: u32, cr: u32) -> Case {
    Case {
        asm,
        fpscr,
        a: abc[0],
        b: abc[1],
        c: abc[2],
        frt,
        out,
        cr,
        qemu: "",
    }
}

impl Case {
    const fn qemu(mut self, note: &'static str) -> Case {
        self.qemu = note;
        self
    }
}

/// qemu-user runs with MSR[FE0,FE1] set, so an enabled exception traps there; at the trap
/// FRT and the FPSCR are as we leave them, but the interrupted instruction records no CR1.
const TRAPS: &str = "traps (enabled exception); FRT and FPSCR agree";

// FPSCR shorthands for expected values.
const RN_RZ: u32 = 1;
const RN_RP: u32 = 2;
const RN_RM: u32 = 3;
const INEXACT: u32 = FX | XX | FI;
const INEXACT_UP: u32 = FX | XX | FR | FI;

#[rustfmt::skip]
const CASES: &[Case] = &[
    // --- exact and rounded arithmetic, all four modes ---
    case("fadd 1,2,3", 0, [ONE, TWO, 0], THREE, CLASS_POS_NORMAL, 0),
    // 1 + 2^-60: below half an ulp, truncated in RN and RZ; RP increments (FR).
    case("fadd 1,2,3", 0, [ONE, TINY_STEP, 0], ONE, INEXACT | CLASS_POS_NORMAL, 0),
    case("fadd 1,2,3", RN_RZ, [ONE, TINY_STEP, 0], ONE, INEXACT | CLASS_POS_NORMAL | RN_RZ, 0),
    case("fadd 1,2,3", RN_RP, [ONE, TINY_STEP, 0], 0x3ff0_0000_0000_0001, INEXACT_UP | CLASS_POS_NORMAL | RN_RP, 0)
        .qemu("fpscr 82024002: qemu never sets FR"),
    case("fadd 1,2,3", RN_RM, [NEG_ONE, TINY_STEP | NZERO, 0], 0xbff0_0000_0000_0001, INEXACT_UP | CLASS_NEG_NORMAL | RN_RM, 0)
        .qemu("fpscr 82028003: qemu never sets FR"),
    // Ties go to even: 1 + 2^-53 -> 1; (1 + 2^-52) + 2^-53 -> 1 + 2^-51.
    case("fadd 1,2,3", 0, [ONE, 0x3ca0_0000_0000_0000, 0], ONE, INEXACT | CLASS_POS_NORMAL, 0),
    case("fadd 1,2,3", 0, [0x3ff0_0000_0000_0001, 0x3ca0_0000_0000_0000, 0], 0x3ff0_0000_0000_0002, INEXACT_UP | CLASS_POS_NORMAL, 0)
        .qemu("fpscr 82024000: qemu never sets FR"),
    // An exact zero sum is +0, or -0 when rounding toward -infinity.
    case("fadd 1,2,3", 0, [ONE, NEG_ONE, 0], PZERO, CLASS_POS_ZERO, 0),
    case("fadd 1,2,3", RN_RM, [ONE, NEG_ONE, 0], NZERO, CLASS_NEG_ZERO | RN_RM, 0),
    case("fadd 1,2,3", RN_RM, [PZERO, NZERO, 0], NZERO, CLASS_NEG_ZERO | RN_RM, 0),
    case("fsub 1,2,3", 0, [NZERO, NZERO, 0], PZERO, CLASS_POS_ZERO, 0),
    case("fmul 1,2,4", 0, [NZERO, 0, 0x4014_0000_0000_0000], NZERO, CLASS_NEG_ZERO, 0),
    // sqrt(2) = 1.41421356237309504..., rounded up to 0x3ff6a09e667f3bcd.
    case("fsqrt 1,3", 0, [0, TWO, 0], 0x3ff6_a09e_667f_3bcd, INEXACT_UP | CLASS_POS_NORMAL, 0)
        .qemu("fpscr 82024000: qemu never sets FR"),
    case("fsqrt 1,3", 0, [0, NZERO, 0], NZERO, CLASS_NEG_ZERO, 0),
    case("fsqrt 1,3", 0, [0, FOUR, 0], TWO, CLASS_POS_NORMAL, 0),
    case("fdiv 1,2,3", 0, [ONE, THREE, 0], 0x3fd5_5555_5555_5555, INEXACT | CLASS_POS_NORMAL, 0),
    case("fdiv 1,2,3", RN_RP, [ONE, THREE, 0], 0x3fd5_5555_5555_5556, INEXACT_UP | CLASS_POS_NORMAL | RN_RP, 0)
        .qemu("fpscr 82024002: qemu never sets FR"),

    // --- invalid operations: default QNaN, or no write when VE = 1 ---
    case("fsub 1,2,3", 0, [PINF, PINF, 0], QNAN, FX | VX | VXISI | CLASS_QNAN, 0),
    case("fadd 1,2,3", 0, [PINF, NINF, 0], QNAN, FX | VX | VXISI | CLASS_QNAN, 0),
    case("fadd. 1,2,3", VE, [PINF, NINF, 0], SENTINEL, FX | FEX | VX | VXISI | VE, 0x0e00_0000)
        .qemu(TRAPS),
    case("fmul 1,2,4", 0, [PINF, 0, PZERO], QNAN, FX | VX | VXIMZ | CLASS_QNAN, 0),
    case("fdiv 1,2,3", 0, [PZERO, NZERO, 0], QNAN, FX | VX | VXZDZ | CLASS_QNAN, 0),
    case("fdiv 1,2,3", 0, [NINF, PINF, 0], QNAN, FX | VX | VXIDI | CLASS_QNAN, 0),
    case("fsqrt 1,3", 0, [0, NEG_ONE, 0], QNAN, FX | VX | VXSQRT | CLASS_QNAN, 0),
    case("fsqrt 1,3", 0, [0, NINF, 0], QNAN, FX | VX | VXSQRT | CLASS_QNAN, 0),
    // fma: inf * 0 is invalid even with a QNaN addend, which is then the result.
    case("fmadd 1,2,4,3", 0, [PINF, 0x7ff8_0000_0000_0123, PZERO], 0x7ff8_0000_0000_0123, FX | VX | VXIMZ | CLASS_QNAN, 0),
    // fma: inf - inf between the product and the addend.
    case("fmadd 1,2,4,3", 0, [PINF, NINF, TWO], QNAN, FX | VX | VXISI | CLASS_QNAN, 0),
    case("fmsub 1,2,4,3", 0, [PINF, PINF, TWO], QNAN, FX | VX | VXISI | CLASS_QNAN, 0),
    // The generated QNaN of fnmadd is positive.
    case("fnmadd 1,2,4,3", 0, [PINF, ONE, PZERO], QNAN, FX | VX | VXIMZ | CLASS_QNAN, 0),
    // inf * 0 with an SNaN addend raises both.
    case("fmadds 1,2,4,3", 0, [NINF, SNAN, NZERO], QNAN, FX | VX | VXSNAN | VXIMZ | CLASS_QNAN, 0)
        .qemu("fpscr a0111000: qemu drops VXSNAN when inf*0 is also invalid"),

    // --- NaN propagation: FRA, then FRB, then FRC; SNaNs quieted ---
    case("fadd 1,2,3", 0, [SNAN, ONE, 0], 0x7ff8_0000_0000_0001, FX | VX | VXSNAN | CLASS_QNAN, 0),
    case("fadd 1,2,3", 0, [0x7ff8_0000_0000_000a, 0x7ff8_0000_0000_000b, 0], 0x7ff8_0000_0000_000a, CLASS_QNAN, 0),
    case("fadd 1,2,3", 0, [0x7ff8_0000_0000_000a, 0x7ff0_0000_0000_000b, 0], 0x7ff8_0000_0000_000a, FX | VX | VXSNAN | CLASS_QNAN, 0),
    case("fmadd 1,2,4,3", 0, [ONE, 0x7ff8_0000_0000_0123, 0x7ff8_0000_0000_0789], 0x7ff8_0000_0000_0123, CLASS_QNAN, 0),
    case("fmadd 1,2,4,3", 0, [0x7ff8_0000_0000_0456, 0x7ff8_0000_0000_0123, 0x7ff8_0000_0000_0789], 0x7ff8_0000_0000_0456, CLASS_QNAN, 0),
    case("fmul 1,2,4", 0, [ONE, 0, 0xfff4_0000_0000_0001], 0xfffc_0000_0000_0001, FX | VX | VXSNAN | CLASS_QNAN, 0),
    // fnmadd does not negate a propagated NaN.
    case("fnmadd 1,2,4,3", 0, [ONE, 0x7ff8_0000_0000_0123, ONE], 0x7ff8_0000_0000_0123, CLASS_QNAN, 0),
    // Single-precision NaN results keep only the single format's fraction bits.
    case("fadds 1,2,3", 0, [0x7ff8_0000_2000_0123, ONE, 0], 0x7ff8_0000_2000_0000, CLASS_QNAN, 0),
    case("fmuls 1,2,4", 0, [ONE, 0, 0x7ff0_0000_0000_0123], QNAN, FX | VX | VXSNAN | CLASS_QNAN, 0),

    // --- zero divide ---
    case("fdiv 1,2,3", 0, [ONE, PZERO, 0], PINF, FX | ZX | CLASS_POS_INF, 0),
    case("fdiv 1,2,3", 0, [NEG_ONE, PZERO, 0], NINF, FX | ZX | CLASS_NEG_INF, 0),
    case("fdiv. 1,2,3", ZE, [ONE, PZERO, 0], SENTINEL, FX | FEX | ZX | ZE, 0x0c00_0000)
        .qemu(TRAPS),
    case("fdiv 1,2,3", 0, [PINF, PZERO, 0], PINF, CLASS_POS_INF, 0),

    // --- overflow ---
    case("fmul 1,2,4", 0, [MAX, 0, TWO], PINF, FX | OX | XX | FI | CLASS_POS_INF, 0),
    case("fmul 1,2,4", RN_RZ, [MAX, 0, TWO], MAX, FX | OX | XX | FI | CLASS_POS_NORMAL | RN_RZ, 0),
    case("fmul 1,2,4", RN_RM, [MAX, 0, TWO], MAX, FX | OX | XX | FI | CLASS_POS_NORMAL | RN_RM, 0),
    case("fmul 1,2,4", RN_RM, [MAX, 0, 0xc000_0000_0000_0000], NINF, FX | OX | XX | FI | CLASS_NEG_INF | RN_RM, 0),
    case("fmul 1,2,4", RN_RP, [MAX, 0, TWO], PINF, FX | OX | XX | FI | CLASS_POS_INF | RN_RP, 0),
    // Enabled: exponent reduced by 1536, FRT written, FEX.
    case("fmul 1,2,4", OE, [MAX, 0, TWO], 0x1fff_ffff_ffff_ffff, FX | FEX | OX | OE | CLASS_POS_NORMAL, 0)
        .qemu(TRAPS),
    // Rc = 1: CR1 = FX, FEX, VX, OX.
    case("fmul. 1,2,4", 0, [MAX, 0, TWO], PINF, FX | OX | XX | FI | CLASS_POS_INF, 0x0900_0000),
    // Just below max + half an ulp rounds down: no overflow. Exactly half an ulp is a tie
    // that rounds (to even) beyond the range: overflow.
    case("fadd 1,2,3", 0, [MAX, 0x7c8f_ffff_ffff_ffff, 0], MAX, INEXACT | CLASS_POS_NORMAL, 0),
    case("fadd 1,2,3", 0, [MAX, 0x7c90_0000_0000_0000, 0], PINF, FX | OX | XX | FI | CLASS_POS_INF, 0),

    // --- underflow: tininess before rounding ---
    // 2^-600 * 2^-474 = 2^-1074 exactly: a denormal, but exact, so no UX.
    case("fmul 1,2,4", 0, [0x1a70_0000_0000_0000, 0, 0x2250_0000_0000_0000], 1, CLASS_POS_DENORMAL, 0),
    // 1.5 * 2^-1074: a tie, to even (2^-1073).
    case("fmul 1,2,4", 0, [0x1a70_0000_0000_0000, 0, 0x2258_0000_0000_0000], 2, FX | UX | XX | FR | FI | CLASS_POS_DENORMAL, 0)
        .qemu("fpscr 8a034000: qemu never sets FR"),
    // 2^-1100 underflows to +0.
    case("fmul 1,2,4", 0, [0x1a70_0000_0000_0000, 0, 0x20b0_0000_0000_0000], PZERO, FX | UX | XX | FI | CLASS_POS_ZERO, 0),
    // (1 - 2^-53) * 2^-1022 is tiny and rounds up to the smallest normal: still UX.
    case("fmul 1,2,4", 0, [0x3fef_ffff_ffff_ffff, 0, MIN_NORMAL], MIN_NORMAL, FX | UX | XX | FR | FI | CLASS_POS_NORMAL, 0)
        .qemu("fpscr 8a024000: qemu never sets FR"),
    // Enabled: exponent raised by 1536 (1.5 * 2^462), no denormalisation.
    case("fmul 1,2,4", UE, [0x1a70_0000_0000_0000, 0, 0x2258_0000_0000_0000], 0x5cd8_0000_0000_0000, FX | FEX | UX | UE | CLASS_POS_NORMAL, 0)
        .qemu(TRAPS),

    // --- single precision: one rounding of the exact result ---
    case("fadds 1,2,3", 0, [ONE, 0x3e10_0000_0000_0000, 0], ONE, INEXACT | CLASS_POS_NORMAL, 0),
    case("fadds 1,2,3", RN_RP, [ONE, 0x3e10_0000_0000_0000, 0], 0x3ff0_0000_2000_0000, INEXACT_UP | CLASS_POS_NORMAL | RN_RP, 0)
        .qemu("fpscr 82024002: qemu never sets FR"),
    // (1 + 2^-12)^2 + 2^-60 = 1 + 2^-11 + 2^-24 + 2^-60: rounded once to single it goes up
    // to 1 + 2^-11 + 2^-23; rounding to double first would make a tie and give 1 + 2^-11.
    case("fmadds 1,2,4,3", 0, [0x3ff0_0100_0000_0000, TINY_STEP, 0x3ff0_0100_0000_0000], 0x3ff0_0200_2000_0000, INEXACT_UP | CLASS_POS_NORMAL, 0)
        .qemu("fpscr 82024000: qemu never sets FR"),
    // Fused: (1 + 2^-30)^2 - 1 = 2^-29 + 2^-60 exactly, where a separate multiply would
    // lose the 2^-60.
    case("fmadd 1,2,4,3", 0, [0x3ff0_0000_0040_0000, NEG_ONE, 0x3ff0_0000_0040_0000], 0x3e20_0000_0020_0000, CLASS_POS_NORMAL, 0),
    // A single-precision denormal result is classed as denormal.
    case("fmuls 1,2,4", 0, [0x39b0_0000_0000_0000, 0, 0x3e10_0000_0000_0000], 0x37d0_0000_0000_0000, CLASS_POS_DENORMAL, 0)
        .qemu("fpscr 00004000: qemu classes it by its double format"),
    case("fmuls 1,2,4", 0, [0x47f0_0000_0000_0000, 0, TWO], PINF, FX | OX | XX | FI | CLASS_POS_INF, 0),

    // --- fnmadd/fnmsub round first, then negate ---
    case("fnmadd 1,2,4,3", 0, [ONE, ONE, NEG_ONE], NZERO, CLASS_NEG_ZERO, 0),
    case("fnmadd 1,2,4,3", RN_RM, [ONE, ONE, NEG_ONE], PZERO, CLASS_POS_ZERO | RN_RM, 0),
    // 1 * 2^-60 + 1/3, rounded up (RP) then negated.
    case("fnmadd 1,2,4,3", RN_RP, [ONE, 0x3fd5_5555_5555_5555, TINY_STEP], 0xbfd5_5555_5555_5556, INEXACT_UP | CLASS_NEG_NORMAL | RN_RP, 0)
        .qemu("frt bfd5555555555555 fpscr 82028002: qemu negates before rounding"),

    // --- frsp ---
    case("frsp 1,3", 0, [0, 0x3fd5_5555_5555_5555, 0], 0x3fd5_5555_6000_0000, INEXACT_UP | CLASS_POS_NORMAL, 0)
        .qemu("fpscr 82024000: qemu never sets FR"),
    case("frsp 1,3", 0, [0, 0x37d0_0000_0000_0000, 0], 0x37d0_0000_0000_0000, CLASS_POS_DENORMAL, 0)
        .qemu("fpscr 00004000: qemu classes it by its double format"),
    // 1.5 * 2^-149: tie, to even (2^-148).
    case("frsp 1,3", 0, [0, 0x36a8_0000_0000_0000, 0], 0x36b0_0000_0000_0000, FX | UX | XX | FR | FI | CLASS_POS_DENORMAL, 0)
        .qemu("fpscr 8a024000: no FR, normal class"),
    case("frsp 1,3", 0, [0, MAX, 0], PINF, FX | OX | XX | FI | CLASS_POS_INF, 0),
    case("frsp 1,3", OE, [0, 0x47f0_0000_0000_0000, 0], 0x3bf0_0000_0000_0000, FX | FEX | OX | OE | CLASS_POS_NORMAL, 0)
        .qemu(TRAPS),
    case("frsp 1,3", UE, [0, 0x36a8_0000_0000_0000, 0], 0x42a8_0000_0000_0000, FX | FEX | UX | UE | CLASS_POS_NORMAL, 0)
        .qemu(TRAPS),
    case("frsp 1,3", 0, [0, 0xfff8_0000_0000_0123, 0], 0xfff8_0000_0000_0000, CLASS_QNAN, 0),
    case("frsp 1,3", 0, [0, 0x7ff0_0000_0000_0123, 0], QNAN, FX | VX | VXSNAN | CLASS_QNAN, 0),

    // --- conversions to integer ---
    case("fctiw 1,3", 0, [0, 0x4016_0000_0000_0000, 0], 6, INEXACT_UP, 0)
        .qemu("fpscr 82020000: qemu never sets FR"),
    case("fctiw 1,3", 0, [0, 0xc016_0000_0000_0000, 0], 0xffff_ffff_ffff_fffa, INEXACT_UP, 0)
        .qemu("fpscr 82020000: qemu never sets FR"),
    case("fctiwz 1,3", 0, [0, 0xc016_0000_0000_0000, 0], 0xffff_ffff_ffff_fffb, INEXACT, 0),
    case("fctiw 1,3", RN_RM, [0, 0x4016_0000_0000_0000, 0], 5, INEXACT | RN_RM, 0),
    case("fctiw 1,3", CLASS_POS_NORMAL, [0, 0x4014_0000_0000_0000, 0], 5, CLASS_POS_NORMAL, 0),
    // Upper word as the Xbox 360 hardware cases of the public xenia suite record it
    // (instr__gen_fctiw.s); qemu-ppc64 gives 0x0000_0000_8000_0000 here.
    case("fctiw 1,3", 0, [0, QNAN, 0], 0xffff_ffff_8000_0000, FX | VX | VXCVI | CLASS_QNAN, 0),
    case("fctiw 1,3", 0, [0, 0x41e6_5a0b_c000_0000, 0], 0x7fff_ffff, FX | VX | VXCVI | CLASS_QNAN, 0),
    case("fctiw 1,3", 0, [0, NINF, 0], 0xffff_ffff_8000_0000, FX | VX | VXCVI | CLASS_QNAN, 0),
    // 2147483647.5 rounds (to even) to 2^31, out of range; truncated it fits.
    case("fctiw 1,3", 0, [0, 0x41df_ffff_ffe0_0000, 0], 0x7fff_ffff, FX | VX | VXCVI | CLASS_QNAN, 0),
    case("fctiwz 1,3", 0, [0, 0x41df_ffff_ffe0_0000, 0], 0x7fff_ffff, INEXACT, 0),
    case("fctiw 1,3", 0, [0, 0xbfe0_0000_0000_0000, 0], 0, INEXACT, 0),
    case("fctiw. 1,3", VE, [0, QNAN, 0], SENTINEL, FX | FEX | VX | VXCVI | VE, 0x0e00_0000)
        .qemu(TRAPS),
    case("fctid 1,3", 0, [0, 0x43e0_0000_0000_0000, 0], 0x7fff_ffff_ffff_ffff, FX | VX | VXCVI | CLASS_QNAN, 0),
    case("fctid 1,3", 0, [0, 0xc3e0_0000_0000_0000, 0], 0x8000_0000_0000_0000, 0, 0),
    case("fctid 1,3", 0, [0, SNAN, 0], 0x8000_0000_0000_0000, FX | VX | VXSNAN | VXCVI | CLASS_QNAN, 0),
    case("fctidz 1,3", 0, [0, 0xc016_0000_0000_0000, 0], 0xffff_ffff_ffff_fffb, INEXACT, 0),

    // --- fcfid ---
    case("fcfid 1,3", 0, [0, i64::MAX as u64, 0], 0x43e0_0000_0000_0000, INEXACT_UP | CLASS_POS_NORMAL, 0)
        .qemu("fpscr 82024000: qemu never sets FR"),
    case("fcfid 1,3", RN_RZ, [0, i64::MAX as u64, 0], 0x43df_ffff_ffff_ffff, INEXACT | CLASS_POS_NORMAL | RN_RZ, 0),
    case("fcfid 1,3", 0, [0, u64::MAX, 0], NEG_ONE, CLASS_NEG_NORMAL, 0),
    case("fcfid 1,3", 0, [0, 0, 0], PZERO, CLASS_POS_ZERO, 0),

    // --- estimates ---
    // fres/frsqrte never alter XX (ISA 2.02 Book I, "Special Registers Altered"); qemu
    // sets it when the estimate is inexact. FI is undefined; we report the rounding's.
    case("fres 1,3", 0, [0, THREE, 0], 0x3fd5_5555_6000_0000, FI | CLASS_POS_NORMAL, 0)
        .qemu("fpscr 82024000: qemu sets XX"),
    case("fres 1,3", 0, [0, FOUR, 0], 0x3fd0_0000_0000_0000, CLASS_POS_NORMAL, 0),
    case("fres 1,3", 0, [0, PZERO, 0], PINF, FX | ZX | CLASS_POS_INF, 0)
        .qemu("frt 3fe0000000000000 fpscr 84004000: qemu returns 1/2"),
    case("fres 1,3", 0, [0, NINF, 0], NZERO, CLASS_NEG_ZERO, 0),
    case("fres 1,3", 0, [0, 0x3370_0000_0000_0000, 0], PINF, FX | OX | FI | CLASS_POS_INF, 0)
        .qemu("fpscr 92025000: qemu sets XX"),
    case("frsqrte 1,3", 0, [0, FOUR, 0], HALF, CLASS_POS_NORMAL, 0),
    // sqrt(2) rounded, then 1/that rounded: ...bcc (1/sqrt(2) itself rounds to ...bcd).
    case("frsqrte 1,3", 0, [0, TWO, 0], 0x3fe6_a09e_667f_3bcc, FI | CLASS_POS_NORMAL, 0)
        .qemu("fpscr 82024000: qemu sets XX"),
    case("frsqrte 1,3", 0, [0, NZERO, 0], NINF, FX | ZX | CLASS_NEG_INF, 0),
    case("frsqrte 1,3", 0, [0, 0xc000_0000_0000_0000, 0], QNAN, FX | VX | VXSQRT | CLASS_QNAN, 0),
    case("frsqrte 1,3", 0, [0, PINF, 0], PZERO, CLASS_POS_ZERO, 0),

    // --- compares: CR field and FPCC; C, FR and FI untouched ---
    case("fcmpu 1,2,3", FPRF, [ONE, TWO, 0], SENTINEL, (1 << 16) | (0b1000 << 12), 0x0800_0000),
    case("fcmpu 0,2,3", FI, [NZERO, PZERO, 0], SENTINEL, FI | (0b0010 << 12), 0x2000_0000)
        .qemu("fpscr 00002000: qemu clears FI"),
    case("fcmpu 7,2,3", 0, [PINF, MAX, 0], SENTINEL, 0b0100 << 12, 0x0000_0004),
    case("fcmpu 1,2,3", 0, [SNAN, TWO, 0], SENTINEL, FX | VX | VXSNAN | (0b0001 << 12), 0x0100_0000),
    case("fcmpu 1,2,3", 0, [QNAN, TWO, 0], SENTINEL, 0b0001 << 12, 0x0100_0000),
    case("fcmpo 1,2,3", 0, [QNAN, TWO, 0], SENTINEL, FX | VX | VXVC | (0b0001 << 12), 0x0100_0000)
        .qemu("fpscr a0091000: qemu sets C"),
    case("fcmpo 1,2,3", 0, [SNAN, TWO, 0], SENTINEL, FX | VX | VXSNAN | VXVC | (0b0001 << 12), 0x0100_0000)
        .qemu("fpscr a1091000: qemu sets C"),
    case("fcmpo 1,2,3", VE, [SNAN, TWO, 0], SENTINEL, FX | FEX | VX | VXSNAN | VE | (0b0001 << 12), 0x0100_0000)
        .qemu("traps with VXVC and C set"),

    // --- select and moves: no exceptions, even for SNaNs ---
    case("fsel 1,2,4,3", VE, [SNAN, ONE, TWO], ONE, VE, 0),
    case("fsel 1,2,4,3", 0, [NZERO, ONE, TWO], TWO, 0, 0),
    case("fsel 1,2,4,3", 0, [0x8000_0000_0000_0001, ONE, TWO], ONE, 0, 0),
    case("fneg 1,3", 0, [0, SNAN, 0], SNAN | NZERO, 0, 0),
    case("fabs 1,3", 0, [0, 0xfff0_0000_0000_0001, 0], SNAN, 0, 0),
    case("fnabs 1,3", 0, [0, ONE, 0], NEG_ONE, 0, 0),
    case("fmr. 1,3", FX | VX | OX | UX | ZX | XX | VXSNAN, [0, ONE, 0], ONE, FX | VX | OX | UX | ZX | XX | VXSNAN, 0x0b00_0000),

    // --- FPSCR moves ---
    case("mffs. 1", FX | XX | 0xf0f0, [0, 0, 0], 0x8200_f0f0, FX | XX | 0xf0f0, 0x0800_0000),
    // mtfsf writes FX and OX as given, recomputes FEX and VX, never sets the reserved bit,
    // and sets no FX implicitly.
    case("mtfsf 255,3", 0, [0, 0xffff_ff00, 0], SENTINEL, 0xbfff_f700, 0),
    case("mtfsf 64,3", 0, [0, 0x0400_0000, 0], SENTINEL, ZX, 0),
    case("mtfsf 128,3", 0, [0, 0x6000_0000, 0], SENTINEL, 0, 0),
    case("mtfsf. 2,3", 0, [0, 0x0000_0080, 0], SENTINEL, VE, 0),
    case("mtfsfi 0,15", 0, [0, 0, 0], SENTINEL, FX | OX, 0),
    case("mtfsfi 0,0", FX | FEX | VX | OX | VXISI | VE, [0, 0, 0], SENTINEL, FEX | VX | VXISI | VE, 0)
        .qemu(TRAPS),
    case("mtfsfi 5,15", 0, [0, 0, 0], SENTINEL, VX | VXSOFT | VXSQRT | VXCVI, 0),
    case("mtfsfi 7,3", 0, [0, 0, 0], SENTINEL, 3, 0),
    // mtfsb1 of an exception bit that was clear sets FX.
    case("mtfsb1 5", 0, [0, 0, 0], SENTINEL, FX | ZX, 0)
        .qemu("fpscr 04000000: qemu does not set FX"),
    case("mtfsb1 5", ZX, [0, 0, 0], SENTINEL, ZX, 0),
    case("mtfsb1 0", 0, [0, 0, 0], SENTINEL, FX, 0),
    case("mtfsb1 1", 0, [0, 0, 0], SENTINEL, 0, 0),
    case("mtfsb0 2", VX | VXISI, [0, 0, 0], SENTINEL, VX | VXISI, 0),
    case("mtfsb1 24", VX | VXISI, [0, 0, 0], SENTINEL, FEX | VX | VXISI | VE, 0)
        .qemu(TRAPS),
    case("mtfsb0 8", FX | VX | VXISI, [0, 0, 0], SENTINEL, FX, 0),
    // mcrfs clears the exception bits it copies (not FEX or VX, which are recomputed).
    case("mcrfs 1,1", VX | UX | ZX | XX | VXSNAN, [0, 0, 0], SENTINEL, 0, 0x0f00_0000),
    case("mcrfs 1,0", FX | OX, [0, 0, 0], SENTINEL, 0, 0x0900_0000),
    case("mcrfs 1,2", FX | VX | VXISI, [0, 0, 0], SENTINEL, FX, 0x0800_0000),
    case("mcrfs 2,7", 3, [0, 0, 0], SENTINEL, 3, 0x0030_0000),

    // --- FX, FEX and the inexact enable ---
    // XX already set: no 0 -> 1 transition, so FX stays clear.
    case("fadd 1,2,3", XX, [ONE, TINY_STEP, 0], ONE, XX | FI | CLASS_POS_NORMAL, 0)
        .qemu("fpscr 82024000: qemu sets FX on every exception"),
    // An enabled inexact exception still writes the result.
    case("fadd. 1,2,3", XE, [ONE, TINY_STEP, 0], ONE, INEXACT | FEX | XE | CLASS_POS_NORMAL, 0x0c00_0000)
        .qemu(TRAPS),
];

#[test]
fn isa_cases() {
    let mut failures = Vec::new();
    for c in CASES {
        let got = run(c.asm, c.fpscr, c.a, c.b, c.c);
        let want = (c.frt, c.out, c.cr);
        if got != want {
            failures.push(format!(
                "{} fpscr={:08x} a={:016x} b={:016x} c={:016x}: got frt={:016x} fpscr={:08x} cr={:08x}, want frt={:016x} fpscr={:08x} cr={:08x}",
                c.asm, c.fpscr, c.a, c.b, c.c, got.0, got.1, got.2, want.0, want.1, want.2
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A small deterministic generator of interesting doubles.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn double(&mut self) -> u64 {
        let r = self.next();
        let sign = r & (1 << 63);
        match r % 8 {
            0 => {
                [
                    PZERO,
                    PINF,
                    ONE,
                    MAX,
                    MIN_NORMAL,
                    1,
                    0x000f_ffff_ffff_ffff,
                    QNAN,
                ][(r >> 8) as usize % 8]
                    | sign
            }
            // Nearby exponents make cancellation and ties likely.
            1..=3 => sign | ((1000 + (r >> 8) % 48) << 52) | (self.next() >> 12),
            // Denormal and near-denormal.
            4 => sign | (((r >> 8) % 4) << 52) | (self.next() >> 12),
            _ => sign | (self.next() >> 1 & 0x7fef_ffff_ffff_ffff),
        }
    }
    fn single(&mut self) -> f32 {
        let r = self.next();
        let v = match r % 6 {
            0 => {
                [0.0, f32::INFINITY, 1.0, f32::MAX, f32::MIN_POSITIVE, 1e-45][(r >> 8) as usize % 6]
            }
            1..=3 => {
                f32::from_bits((((100 + (r >> 8) % 40) as u32) << 23) | (self.next() as u32 >> 9))
            }
            _ => f32::from_bits((self.next() as u32) & 0x7f7f_ffff),
        };
        if r & (1 << 40) != 0 {
            -v
        } else {
            v
        }
    }
}

fn same(ours: u64, host: f64) -> bool {
    // NaN payloads are checked by the ISA cases; here any NaN result must match a NaN.
    (host.is_nan() && f64::from_bits(ours).is_nan()) || ours == host.to_bits()
}

/// Double-precision arithmetic in round-to-nearest against the host's IEEE operations.
#[test]
fn host_double_round_to_nearest() {
    let mut g = Gen(0x9e37_79b9_7f4a_7c15);
    for n in 0..20_000 {
        let (a, b, c) = (g.double(), g.double(), g.double());
        let (fa, fb, fc) = (f64::from_bits(a), f64::from_bits(b), f64::from_bits(c));
        let checks: [(&str, f64); 6] = [
            ("fadd 1,2,3", fa + fb),
            ("fsub 1,2,3", fa - fb),
            ("fmul 1,2,4", fa * fc),
            ("fdiv 1,2,3", fa / fb),
            ("fsqrt 1,3", fb.sqrt()),
            ("fmadd 1,2,4,3", fa.mul_add(fc, fb)),
        ];
        for (asm, want) in checks {
            let (got, fpscr, _) = run(asm, 0, a, b, c);
            assert!(
                same(got, want),
                "#{n} {asm} a={a:016x} b={b:016x} c={c:016x}: got {got:016x}, host {:016x}",
                want.to_bits()
            );
            // FI agrees with whether the result equals the exact value, when the host can
            // tell: a product or sum is exact iff it can be undone.
            if asm == "fadd 1,2,3" && want.is_finite() && fa.is_finite() && fb.is_finite() {
                let exact = want - fa == fb && want - fb == fa;
                assert_eq!(
                    fpscr & FI == 0,
                    exact,
                    "#{n} FI of {asm} a={a:016x} b={b:016x}"
                );
            }
        }
    }
}

/// Single-precision arithmetic on single operands in round-to-nearest against the host's
/// f32 operations (each correctly rounded once, as the ISA requires of the `s` forms).
#[test]
fn host_single_round_to_nearest() {
    let mut g = Gen(0x2545_f491_4f6c_dd1d);
    for n in 0..20_000 {
        let (x, y, z) = (g.single(), g.single(), g.single());
        let (a, b, c) = (
            f64::from(x).to_bits(),
            f64::from(y).to_bits(),
            f64::from(z).to_bits(),
        );
        let checks: [(&str, f32); 6] = [
            ("fadds 1,2,3", x + y),
            ("fsubs 1,2,3", x - y),
            ("fmuls 1,2,4", x * z),
            ("fdivs 1,2,3", x / y),
            ("fsqrts 1,3", y.sqrt()),
            ("fmadds 1,2,4,3", x.mul_add(z, y)),
        ];
        for (asm, want) in checks {
            let (got, _, _) = run(asm, 0, a, b, c);
            assert!(
                same(got, f64::from(want)),
                "#{n} {asm} {x:e} {y:e} {z:e}: got {got:016x}, host {want:e}"
            );
        }
    }
}

/// frsp and fcfid against the host's conversions (round to nearest).
#[test]
fn host_conversions_round_to_nearest() {
    let mut g = Gen(0x1234_5678_9abc_def1);
    for n in 0..20_000 {
        let b = g.double();
        let (got, _, _) = run("frsp 1,3", 0, 0, b, 0);
        let want = f64::from(f64::from_bits(b) as f32);
        if !f64::from_bits(b).is_nan() {
            assert!(same(got, want), "#{n} frsp {b:016x}: got {got:016x}");
        }
        let i = g.next();
        let (got, _, _) = run("fcfid 1,3", 0, 0, i, 0);
        assert_eq!(got, (i as i64 as f64).to_bits(), "#{n} fcfid {i:016x}");
        let (got, fpscr, _) = run("fctidz 1,3", 0, 0, b, 0);
        let x = f64::from_bits(b);
        if x.is_finite() && x.abs() < 9.2e18 {
            assert_eq!(got, x.trunc() as i64 as u64, "#{n} fctidz {b:016x}");
            assert_eq!(
                fpscr & FI != 0,
                x.trunc() != x,
                "#{n} FI of fctidz {b:016x}"
            );
        }
    }
}

#[test]
fn summary_bits_follow_the_causes() {
    assert_eq!(summarize(VXSNAN), VXSNAN | VX);
    assert_eq!(summarize(VX), 0);
    assert_eq!(summarize(FEX | OX), OX);
    assert_eq!(summarize(OX | OE), OX | OE | FEX);
    assert_eq!(summarize(XX | XE), XX | XE | FEX);
    assert_eq!(summarize(VXCVI | VE), VXCVI | VX | VE | FEX);
    assert_eq!(raise(XX, XX), XX, "no transition, no FX");
    assert_eq!(raise(0, XX), FX | XX);
}

/// MSR[FE0,FE1] (ISA Book III, Program interrupt, Floating-Point Enabled Exception): with
/// either set, an instruction that updates FPSCR and leaves FEX set stops at itself
/// (`Exit::FpEnabled`) without retiring, after setting the exception bits and, for an
/// enabled zero divide, leaving FRT unchanged (Book I, Zero Divide Exception, ZE = 1). With
/// both clear the same divide retires. An instruction that does not touch FPSCR (`fmr`)
/// does not stop while FEX is left set; one that does (`fadd`) stops again.
#[test]
fn enabled_exceptions_interrupt_only_with_msr_fe() {
    use crate::context::{MSR_FE0, MSR_FE1};
    use crate::interp::{run as interp_run, Exit, Limits};
    use crate::{Memory, Perm};
    const CODE: u32 = 0x1000_0000;
    let mem = Memory::new().unwrap();
    mem.map(CODE, 0x1000, Perm::RX).unwrap();
    let program = [
        encode("fdiv 1,2,3"),
        encode("fmr 5,2"),
        encode("fadd 6,2,2"),
    ];
    for (k, w) in program.iter().enumerate() {
        mem.poke_bytes(CODE + 4 * k as u32, &w.to_be_bytes())
            .unwrap();
    }
    let limits = Limits {
        max_instructions: 3,
        stop_at: None,
    };
    for (msr, stops) in [
        (MSR_FE0 | MSR_FE1, true),
        (MSR_FE0, true),
        (MSR_FE1, true),
        (0, false),
    ] {
        let mut ctx = Context {
            pc: CODE,
            msr: crate::context::MSR_SF | msr,
            fpscr: ZE,
            ..Default::default()
        };
        ctx.fpr[1] = SENTINEL;
        ctx.fpr[2] = ONE;
        ctx.fpr[3] = PZERO;
        let (exit, n) = interp_run(&mut ctx, &mem, limits);
        assert_eq!(
            ctx.fpscr & (FX | FEX | ZX | ZE),
            FX | FEX | ZX | ZE,
            "msr {msr:#x}"
        );
        assert_eq!(ctx.fpr[1], SENTINEL, "an enabled zero divide leaves FRT");
        if stops {
            assert_eq!(
                (exit, n, ctx.pc),
                (Exit::FpEnabled, 0, CODE),
                "msr {msr:#x}"
            );
            // Past the divide, the move retires and the add stops again.
            ctx.pc = CODE + 4;
            let (exit, n) = interp_run(&mut ctx, &mem, limits);
            assert_eq!((exit, n, ctx.pc), (Exit::FpEnabled, 1, CODE + 8));
            assert_eq!(ctx.fpr[5], ONE);
        } else {
            assert_eq!((exit, n), (Exit::BudgetExhausted, 3));
            assert_eq!(ctx.fpr[6], TWO);
        }
    }
}
