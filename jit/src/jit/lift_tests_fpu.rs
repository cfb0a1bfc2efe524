//! Differential tests for the natively lifted floating-point instructions: the JIT must
//! leave exactly the context (FPRs, FPSCR, CR) the reference interpreter leaves. Operands
//! mix ordinary numbers (the host-FPU fast path) with the values where the guards send an
//! instruction to the interpreter: zeros, denormals, infinities, NaNs, results at the edges
//! of the double and single ranges. FPSCR carries every rounding mode, enables and sticky
//! bits. `JitStats::interpreted_instructions` tells which path ran, so the tests also check
//! that the fast path is the one taken for ordinary operands and that the boundaries are
//! where the module documentation puts them. A few cases state their expected bits from the
//! IEEE 754 rounding definitions, independently of the interpreter. The PRNG seed is fixed.

use super::Jit;
use crate::context::MSR_SF;
use crate::interp::fpu::fpscr::*;
use crate::interp::{self, Limits};
use crate::isa::fpu::FpuOp;
use crate::isa::{decode, disassemble, table, Op};
use crate::{Context, Memory, Perm};

const CODE: u32 = 0x8200_0000;
const CODE_SIZE: u32 = 0x0040_0000;
/// LR of every case: unmapped, and both engines stop before fetching it.
const SENTINEL: u32 = 0x8100_0000;
const BLR: u32 = 0x4e80_0020;

/// splitmix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// Doubles where the guards or the IEEE rules change behaviour.
const EDGES: &[u64] = &[
    0,
    0x8000_0000_0000_0000,
    0x3ff0_0000_0000_0000, // 1
    0xbff0_0000_0000_0000, // -1
    0x7ff0_0000_0000_0000, // +inf
    0xfff0_0000_0000_0000, // -inf
    0x7ff8_0000_0000_0000, // QNaN
    0x7ff0_0000_0000_0001, // SNaN
    0xfff4_0000_0000_1234, // negative SNaN
    0x0000_0000_0000_0001, // smallest denormal
    0x000f_ffff_ffff_ffff, // largest denormal
    0x0010_0000_0000_0000, // smallest normal
    0x0020_0000_0000_0000, // 2^-1021
    0x7fef_ffff_ffff_ffff, // largest double
    0x7fe0_0000_0000_0000, // 2^1023
    0x3810_0000_0000_0000, // 2^-126 (smallest single normal)
    0x3820_0000_0000_0000, // 2^-125
    0x380f_ffff_ffff_ffff, // just below 2^-126
    0x47ef_ffff_e000_0000, // largest single
    0x47ef_ffff_f000_0000, // half an ulp above it
    0x41df_ffff_ffc0_0000, // 2^31 - 1
    0x41e0_0000_0000_0000, // 2^31
    0xc1e0_0000_0000_0000, // -2^31
    0x43e0_0000_0000_0000, // 2^63
    0xc3e0_0000_0000_0000, // -2^63
    0x4330_0000_0000_0000, // 2^52
    0x3fe0_0000_0000_0000, // 0.5
    0x3ff8_0000_0000_0000, // 1.5
    0x4004_0000_0000_0000, // 2.5
    0x3ff0_0000_0000_0001, // 1 + ulp
    0x3fef_ffff_ffff_ffff, // 1 - ulp/2
    0x3ff0_0000_1000_0000, // 1 + half a single ulp
    0x3ff0_0000_3000_0000, // 1 + 1.5 single ulps
    0x1ff0_0000_0000_0000, // 2^-512
    0x5ff0_0000_0000_0000, // 2^512
    0x0350_0000_0000_0000, // 2^-970
];

/// An ordinary double: random sign and significand, exponent within a few powers of two of
/// 1 (sometimes far away), sometimes exactly a single or an integer.
fn ordinary(rng: &mut Rng) -> u64 {
    let sign = (rng.next() & 1) << 63;
    let exp = if rng.below(8) == 0 {
        1 + rng.below(0x7fe)
    } else {
        1023 - 20 + rng.below(40)
    };
    let mut frac = rng.next() & ((1 << 52) - 1);
    match rng.below(4) {
        0 => frac &= !0x1fff_ffff,
        1 => frac &= !((1 << 40) - 1),
        _ => {}
    }
    sign | (exp << 52) | frac
}

fn fp_value(rng: &mut Rng) -> u64 {
    match rng.below(10) {
        0..=2 => rng.pick(EDGES),
        3 => rng.pick(EDGES).wrapping_add(rng.below(5)).wrapping_sub(2),
        4 => rng.next(),
        // An integer, as fcfid takes.
        5 => rng.next() >> rng.below(64),
        _ => ordinary(rng),
    }
}

/// FPSCR: any rounding mode; now and then enables, sticky bits or anything else.
fn fpscr(rng: &mut Rng) -> u32 {
    let mode = rng.below(4) as u32;
    match rng.below(4) {
        0 => mode | (rng.next() as u32 & !RESERVED),
        1 => mode | (rng.next() as u32 & (VE | OE | UE | ZE | XE)),
        _ => mode,
    }
}

fn random_context(rng: &mut Rng, sf: bool) -> Context {
    let mut ctx = Context {
        msr: if sf { MSR_SF } else { 0 },
        cr: rng.next() as u32,
        lr: u64::from(SENTINEL),
        fpscr: fpscr(rng),
        ..Context::default()
    };
    for r in &mut ctx.fpr {
        *r = fp_value(rng);
    }
    ctx
}

fn fpu_ops() -> Vec<FpuOp> {
    let mut ops = Vec::new();
    for d in table() {
        if let Op::Fpu(o) = d.op {
            if !ops.contains(&o) {
                ops.push(o);
            }
        }
    }
    ops
}

/// A random word decoding to `op`, its register fields narrowed to f1..f4 when that
/// still decodes to the same op (so operands alias now and then).
fn encode(rng: &mut Rng, op: FpuOp) -> u32 {
    let entries: Vec<_> = table().iter().filter(|d| d.op == Op::Fpu(op)).collect();
    for _ in 0..1000 {
        let d = rng.pick(&entries);
        let word = d.bits | (rng.next() as u32 & !d.mask);
        if decode(word).is_some_and(|x| x.op() == Op::Fpu(op)) {
            let mut regs = 0;
            for shift in [21, 16, 11, 6] {
                regs |= (1 + rng.below(4) as u32) << shift;
            }
            let narrowed = (word & !0x03ff_ffc0) | regs;
            return match decode(narrowed) {
                Some(x) if x.op() == Op::Fpu(op) => narrowed,
                _ => word,
            };
        }
    }
    panic!("no random encoding decodes to {op:?}");
}

/// A-form word: FRT, FRA, FRB, FRC and Rc.
fn a_form(po: u32, xo: u32, t: u32, a: u32, b: u32, c: u32, rc: bool) -> u32 {
    (po << 26) | (t << 21) | (a << 16) | (b << 11) | (c << 6) | (xo << 1) | u32::from(rc)
}

struct Harness {
    mem: Memory,
    jit: Jit,
    next: u32,
    failures: Vec<String>,
    cases: usize,
}

impl Harness {
    fn new() -> Self {
        let mem = Memory::new().expect("guest memory");
        mem.map(CODE, u64::from(CODE_SIZE), Perm::RX)
            .expect("map code");
        Self {
            mem,
            jit: Jit::new().expect("JIT"),
            next: CODE,
            failures: Vec::new(),
            cases: 0,
        }
    }

    /// A harness whose JIT compiles every FP full path inline from the start (not after
    /// `FP_MISSES` exits; see `Jit::set_adaptive_fp`), for the tests of those paths.
    fn full_paths() -> Self {
        let mut h = Self::new();
        h.jit.set_adaptive_fp(false);
        h
    }

    fn place(&mut self, words: &[u32]) -> u32 {
        let pc = self.next;
        let mut bytes = Vec::new();
        for w in words.iter().chain(&[BLR]) {
            bytes.extend_from_slice(&w.to_be_bytes());
        }
        self.next += bytes.len() as u32;
        assert!(self.next <= CODE + CODE_SIZE, "the code region is full");
        self.mem.poke_bytes(pc, &bytes).expect("place code");
        pc
    }

    /// Runs the block at `pc` on both engines from `start`; records any difference and
    /// returns the JIT's final context and how many instructions it ran in the interpreter.
    fn run_at(&mut self, pc: u32, words: &[u32], start: &Context) -> (Context, u64) {
        let limits = Limits {
            max_instructions: 1000,
            stop_at: Some(SENTINEL),
        };
        let mut want = start.clone();
        want.pc = pc;
        let mut got = want.clone();
        let want_exit = interp::run(&mut want, &self.mem, limits);
        let before = self.jit.stats().interpreted_instructions;
        let got_exit = self
            .jit
            .run(&mut got, &self.mem, limits)
            .expect("JIT compile");
        let slow = self.jit.stats().interpreted_instructions - before;
        self.cases += 1;
        if want_exit != got_exit || want != got {
            let text: Vec<String> = words
                .iter()
                .map(|&w| format!("{w:#010x} {}", disassemble(w, 0)))
                .collect();
            self.failures.push(format!(
                "{}\n  exits: interp {want_exit:?}, jit {got_exit:?}\n  fpscr {:#010x} -> interp {:#010x}, jit {:#010x}\n  fpr interp {:x?}\n  fpr jit    {:x?}\n  cr {:#x} / {:#x}\n  before fpr {:x?}",
                text.join("; "),
                start.fpscr,
                want.fpscr,
                got.fpscr,
                &want.fpr[..6],
                &got.fpr[..6],
                want.cr,
                got.cr,
                &start.fpr[..6],
            ));
        }
        (got, slow)
    }

    fn check(&mut self, words: &[u32], start: &Context) -> (Context, u64) {
        let pc = self.place(words);
        self.run_at(pc, words, start)
    }

    fn finish(self) {
        assert_eq!(
            self.jit.stats().fallback_instructions,
            0,
            "every FP instruction (and blr) must be lifted natively"
        );
        self.finish_with_fallbacks();
    }

    /// `finish` for cases that place instructions the lifter leaves to the interpreter.
    fn finish_with_fallbacks(self) {
        if !self.failures.is_empty() {
            let shown: Vec<&String> = self.failures.iter().take(8).collect();
            panic!(
                "{} of {} cases differ between the interpreter and the JIT; first ones:\n{}",
                self.failures.len(),
                self.cases,
                shown
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

/// Every FP operation alone: many encodings (registers, Rc, fields), each from many random
/// contexts in both modes.
#[test]
fn every_fp_op_matches_the_interpreter() {
    let mut rng = Rng(0xf10a_7000_2026_1122);
    let mut h = Harness::new();
    let ops = fpu_ops();
    assert_eq!(ops.len(), 39, "the table should encode every FpuOp");
    for &op in &ops {
        for _ in 0..30 {
            let word = encode(&mut rng, op);
            let pc = h.place(&[word]);
            for k in 0..40 {
                let ctx = random_context(&mut rng, k % 2 == 0);
                h.run_at(pc, &[word], &ctx);
            }
        }
    }
    h.finish();
}

/// Runs of FP instructions in one unit, so FPRs and the FPSCR cached in variables flow
/// from one instruction to the next (through fast and slow paths) before the write-back.
#[test]
fn fp_sequences_match_the_interpreter() {
    fp_sequences(Harness::new());
}

/// The same with every full path inline from the start.
#[test]
fn fp_sequences_match_the_interpreter_with_full_paths() {
    fp_sequences(Harness::full_paths());
}

fn fp_sequences(mut h: Harness) {
    let mut rng = Rng(0x5eed_f0f0_0000_0003);
    let ops = fpu_ops();
    for k in 0..800 {
        let len = 2 + rng.below(10) as usize;
        let words: Vec<u32> = (0..len)
            .map(|_| {
                let op = rng.pick(&ops);
                encode(&mut rng, op)
            })
            .collect();
        let pc = h.place(&words);
        for j in 0..8 {
            let ctx = random_context(&mut rng, (k + j) % 2 == 0);
            h.run_at(pc, &words, &ctx);
        }
    }
    h.finish();
}

/// The arithmetic ops with their (po, xo) and which of FRA/FRB/FRC they read.
const ARITH: &[(&str, u32, u32, [bool; 3])] = &[
    ("fadd", 63, 21, [true, true, false]),
    ("fadds", 59, 21, [true, true, false]),
    ("fsub", 63, 20, [true, true, false]),
    ("fsubs", 59, 20, [true, true, false]),
    ("fmul", 63, 25, [true, false, true]),
    ("fmuls", 59, 25, [true, false, true]),
    ("fdiv", 63, 18, [true, true, false]),
    ("fdivs", 59, 18, [true, true, false]),
    ("fsqrt", 63, 22, [false, true, false]),
    ("fsqrts", 59, 22, [false, true, false]),
    ("fres", 59, 24, [false, true, false]),
    ("frsqrte", 63, 26, [false, true, false]),
    ("fmadd", 63, 29, [true, true, true]),
    ("fmadds", 59, 29, [true, true, true]),
    ("fmsub", 63, 28, [true, true, true]),
    ("fmsubs", 59, 28, [true, true, true]),
    ("fnmadd", 63, 31, [true, true, true]),
    ("fnmadds", 59, 31, [true, true, true]),
    ("fnmsub", 63, 30, [true, true, true]),
    ("fnmsubs", 59, 30, [true, true, true]),
];

fn arith_word(po: u32, xo: u32, uses: [bool; 3], rc: bool) -> u32 {
    let f = |used: bool, n: u32| if used { n } else { 0 };
    a_form(po, xo, 1, f(uses[0], 2), f(uses[1], 3), f(uses[2], 4), rc)
}

/// Ordinary positive operands (results far from every range edge) take the fast path in
/// every rounding mode, with any enable bits and sticky bits, with and without Rc.
#[test]
fn ordinary_operands_take_the_fast_path_in_every_mode() {
    let mut rng = Rng(0x0fa5_7000_0000_0004);
    let mut h = Harness::full_paths();
    for &(name, po, xo, uses) in ARITH {
        for rc in [false, true] {
            let word = arith_word(po, xo, uses, rc);
            let pc = h.place(&[word]);
            for mode in 0..4u32 {
                for extra in [0, VE | OE | UE | ZE | XE, XX | FX, OX | VXISI | VX | FX] {
                    for _ in 0..20 {
                        let mut ctx = random_context(&mut rng, true);
                        ctx.fpscr = mode | extra;
                        // Positive values in [1, 2^20): every op's result stays normal.
                        for r in 2..=4 {
                            let frac = rng.next() & ((1 << 52) - 1);
                            ctx.fpr[r] = ((1023 + rng.below(20)) << 52) | frac;
                        }
                        let (_, slow) = h.run_at(pc, &[word], &ctx);
                        assert_eq!(
                            slow, 0,
                            "{name} (Rc={rc}) left the fast path in mode {mode}"
                        );
                    }
                }
            }
        }
    }
    h.finish();
}

/// Where the guards hand over to the interpreter: denormal, zero, huge, infinite and NaN
/// results, invalid operations with VE set (FRT must stay unchanged), and single results
/// beyond the single format's range.
#[test]
fn slow_path_boundaries() {
    let mut h = Harness::full_paths();
    let fmul = a_form(63, 25, 1, 2, 0, 4, true);
    let fmuls = a_form(59, 25, 1, 2, 0, 4, true);
    let fsub = a_form(63, 20, 1, 2, 3, 0, true);
    let fadds = a_form(59, 21, 1, 2, 3, 0, false);
    let fdiv = a_form(63, 18, 1, 2, 3, 0, true);
    let fmadd = a_form(63, 29, 1, 2, 3, 4, true);
    let p = |e: i32| ((1023 + e) as u64) << 52;
    let cases: &[(&str, u32, u64, u64, u64, u32, bool)] = &[
        // name, word, FRA, FRB, FRC, FPSCR, whether the interpreter must run
        ("denormal product", fmul, p(-600), 0, p(-500), 0, true),
        ("denormal product, UE", fmul, p(-600), 0, p(-500), UE, true),
        (
            "tiny product with an inexact residual",
            fmul,
            p(-500) | 1,
            0,
            p(-480) | 1,
            0,
            true,
        ),
        (
            "normal product",
            fmul,
            p(-500) | 1,
            0,
            p(-400) | 1,
            2,
            false,
        ),
        (
            "overflowing product, OE",
            fmul,
            p(600),
            0,
            p(500),
            OE | 1,
            true,
        ),
        ("exact zero difference in RM", fsub, p(3), p(3), 0, 3, false),
        (
            "inf - inf with VE",
            fsub,
            0x7ff0 << 48,
            0x7ff0 << 48,
            0,
            VE,
            true,
        ),
        ("QNaN operand", fsub, 0x7ff8 << 48, p(0), 0, 0, true),
        (
            "operand in the top binade",
            fsub,
            p(1023) | 5,
            p(1022) | 3,
            0,
            0,
            true,
        ),
        ("zero divide, ZE", fdiv, p(0), 0, 0, ZE, true),
        (
            "ordinary quotient, RZ",
            fdiv,
            p(0),
            0x4008 << 48,
            0,
            1,
            false,
        ),
        ("single overflow", fmuls, p(100), 0, p(100), 0, true),
        ("single denormal", fmuls, p(-100), 0, p(-30), 2, true),
        ("single normal", fmuls, p(-100), 0, p(-20), 2, false),
        (
            "single sum of doubles, RP",
            fadds,
            p(0) | 1,
            p(-30) | 3,
            0,
            2,
            false,
        ),
        (
            "fused with cancellation",
            fmadd,
            p(0) | 1,
            p(0) ^ (1 << 63),
            p(0) | 1,
            0,
            false,
        ),
        (
            "fused exact zero",
            fmadd,
            p(0),
            p(0) ^ (1 << 63),
            p(0),
            0,
            false,
        ),
        (
            "zero times a normal, RP",
            fmul,
            1 << 63,
            0,
            p(5) | 3,
            2,
            false,
        ),
        ("zero times infinity", fmul, 0, 0, 0x7ff0 << 48, 0, true),
        ("zero over a normal, RM", fdiv, 0, p(-3) | 1, 0, 3, false),
        ("zero over infinity", fdiv, 0, 0x7ff0 << 48, 0, 0, true),
        ("zero over zero", fdiv, 0, 1 << 63, 0, 0, true),
        (
            "zero product plus an addend",
            fmadd,
            0,
            p(-1000) | 7,
            p(900),
            1,
            false,
        ),
        ("denormal sum", fsub, p(-1022) | 1, p(-1022), 0, 0, true),
        (
            "single underflowing to zero",
            fmuls,
            p(-100),
            0,
            p(-100),
            0,
            true,
        ),
    ];
    for &(name, word, a, b, c, f, slow_expected) in cases {
        let mut ctx = Context {
            msr: MSR_SF,
            lr: u64::from(SENTINEL),
            fpscr: f,
            ..Context::default()
        };
        ctx.fpr[1] = 0x1111;
        ctx.fpr[2] = a;
        ctx.fpr[3] = b;
        ctx.fpr[4] = c;
        let (_, slow) = h.check(&[word], &ctx);
        assert_eq!(
            slow != 0,
            slow_expected,
            "{name}: interpreter ran {slow} times"
        );
    }
    h.finish();
}

/// Expected results worked out from IEEE 754 rounding alone (not from the interpreter):
/// 1 + 2^-60 is inexact and lies just above 1, so RN and RZ give 1 (FR = 0), RP gives
/// 1 + 2^-52 (FR = 1) and RM gives 1; -(1 + 2^-60) mirrors it. The result is a positive
/// (negative) normal number, XX and FX are raised, and Rc = 1 copies FX/FEX/VX/OX to CR1.
#[test]
fn directed_rounding_from_ieee_definitions() {
    let mut h = Harness::full_paths();
    let fadd_dot = a_form(63, 21, 1, 2, 3, 0, true);
    let one = 0x3ff0_0000_0000_0000u64;
    let tiny = 0x3c30_0000_0000_0000u64; // 2^-60
    let up = one + 1;
    for (mode, sign, want, fr) in [
        (0u32, 0u64, one, false),
        (1, 0, one, false),
        (2, 0, up, true),
        (3, 0, one, false),
        (0, 1 << 63, one | 1 << 63, false),
        (1, 1 << 63, one | 1 << 63, false),
        (2, 1 << 63, one | 1 << 63, false),
        (3, 1 << 63, up | 1 << 63, true),
    ] {
        let mut ctx = Context {
            msr: MSR_SF,
            lr: u64::from(SENTINEL),
            fpscr: mode,
            ..Context::default()
        };
        ctx.fpr[2] = one | sign;
        ctx.fpr[3] = tiny | sign;
        let (got, slow) = h.check(&[fadd_dot], &ctx);
        assert_eq!(slow, 0, "mode {mode}: the fast path must handle it");
        assert_eq!(got.fpr[1], want, "mode {mode} sign {sign:#x}");
        let class = if sign == 0 { 0b00100 } else { 0b01000 } << 12;
        let expected = mode | FX | XX | FI | if fr { FR } else { 0 } | class;
        assert_eq!(got.fpscr, expected, "mode {mode} sign {sign:#x}");
        assert_eq!(got.cr >> 24 & 0xf, 0b1000, "CR1 = FX only");
    }
    h.finish();
}

/// The fused single forms round once. (1 + 2^-24) * 1 + 2^-80 lies just above the tie
/// 1 + 2^-24 between the singles 1 and 1 + 2^-23. Rounded to double first it would become
/// the tie itself and then round to even, 1; rounded once (IEEE 754, as the ISA requires),
/// it is 1 + 2^-23 in RN (FR = 1) and RP, and 1 in RZ and RM. In RN the host's double
/// result is that inexact tie, which the guard leaves to the interpreter; the directed
/// modes round the round-to-odd value natively.
#[test]
fn fused_single_rounds_once() {
    let mut h = Harness::new();
    let fmadds = a_form(59, 29, 1, 2, 3, 4, false);
    let one = 0x3ff0_0000_0000_0000u64;
    let up = 0x3ff0_0000_2000_0000u64; // 1 + 2^-23
    for (mode, want) in [(0u32, up), (1, one), (2, up), (3, one)] {
        let mut ctx = Context {
            msr: MSR_SF,
            lr: u64::from(SENTINEL),
            fpscr: mode,
            ..Context::default()
        };
        ctx.fpr[2] = 0x3ff0_0000_1000_0000; // 1 + 2^-24
        ctx.fpr[4] = one;
        ctx.fpr[3] = 0x3af0_0000_0000_0000; // 2^-80
        let (got, slow) = h.check(&[fmadds], &ctx);
        assert_eq!(slow, u64::from(mode == 0), "mode {mode}");
        assert_eq!(got.fpr[1], want, "mode {mode}");
        assert_eq!(got.fpscr & (FI | FR), FI | if want == up { FR } else { 0 });
    }
    h.finish();
}

/// The trivial ops never use the interpreter, whatever the operands (NaNs included), and
/// compares only for NaN operands.
#[test]
fn bit_ops_and_fpscr_moves_never_fall_back() {
    let mut rng = Rng(0xb17_0000_0000_0005);
    let mut h = Harness::new();
    use FpuOp::*;
    for op in [
        Fmr, Fneg, Fabs, Fnabs, Fsel, Mffs, Mtfsf, Mtfsfi, Mtfsb0, Mtfsb1, Mcrfs,
    ] {
        for _ in 0..20 {
            let word = encode(&mut rng, op);
            let pc = h.place(&[word]);
            for k in 0..20 {
                let ctx = random_context(&mut rng, k % 2 == 0);
                let (_, slow) = h.run_at(pc, &[word], &ctx);
                assert_eq!(slow, 0, "{op:?} ran in the interpreter");
            }
        }
    }
    h.finish();
}

/// A throwaway benchmark, not a check: 10M iterations of a dependent fmadd/fdiv chain on
/// the interpreter and on the JIT (`FP_LOOP=interp` or `FP_LOOP=jit` runs only one, so
/// `/usr/bin/time` can report its CPU time on a loaded machine). Run with
/// `cargo test --release -p oxenon-jit fp_loop_speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn fp_loop_speed() {
    use std::time::Instant;
    // f1 = f1 * f2 + f3; f1 = f1 / f4; bdnz; blr (exits at the sentinel).
    let words = [
        a_form(63, 29, 1, 1, 3, 2, false), // fmadd f1,f1,f2,f3
        a_form(63, 18, 1, 1, 4, 0, false), // fdiv f1,f1,f4
        0x4200_fff8,                       // bdnz -8
    ];
    let which = std::env::var("FP_LOOP").unwrap_or_default();
    // FP_LOOP_BODY=fmr,fmadd,fdiv,fadd,fmul,fmadds,fmadd5..fmadd8 (comma list) replaces the
    // body for comparisons.
    let words: Vec<u32> = match std::env::var("FP_LOOP_BODY") {
        Ok(list) => list
            .split(',')
            .map(|m| match m {
                "fmr" => 0xfc20_0890u32, // fmr f1,f1
                "fmadd" => a_form(63, 29, 1, 1, 3, 2, false),
                "fdiv" => a_form(63, 18, 1, 1, 4, 0, false),
                "fadd" => a_form(63, 21, 1, 1, 3, 0, false),
                "fmul" => a_form(63, 25, 1, 1, 0, 2, false),
                "fmadds" => a_form(59, 29, 1, 1, 3, 2, false),
                // Independent chains: fmadd fN,fN,f2,f3 for N = 5..8.
                "fmadd5" | "fmadd6" | "fmadd7" | "fmadd8" => {
                    let n = u32::from(m.as_bytes()[5] - b'0');
                    a_form(63, 29, n, n, 3, 2, false)
                }
                other => panic!("unknown body instruction {other}"),
            })
            .chain([0x4200_0000 | (0x1_0000 - 4 * list.split(',').count() as u32) & 0xfffc])
            .collect(),
        Err(_) => words.to_vec(),
    };
    let iters = 10_000_000u64;
    let mut h = Harness::new();
    let pc = h.place(&words);
    let mut start = Context {
        msr: MSR_SF,
        lr: u64::from(SENTINEL),
        ctr: iters,
        pc,
        ..Context::default()
    };
    start.fpr[1] = 1.0f64.to_bits();
    start.fpr[2] = 1.000_001f64.to_bits();
    start.fpr[3] = 0.5f64.to_bits();
    start.fpr[4] = 1.000_002f64.to_bits();
    for n in 5..=8 {
        start.fpr[n] = 1.0f64.to_bits();
    }
    let limits = Limits {
        max_instructions: u64::MAX,
        stop_at: Some(SENTINEL),
    };
    if which != "jit" {
        let mut a = start.clone();
        let t = Instant::now();
        interp::run(&mut a, &h.mem, limits);
        println!(
            "interpreter: {iters} iterations in {:?}, f1 = {:#018x}",
            t.elapsed(),
            a.fpr[1]
        );
    }
    if which != "interp" {
        let mut b = start.clone();
        let t = Instant::now();
        h.jit.run(&mut b, &h.mem, limits).expect("JIT");
        let stats = h.jit.stats();
        println!(
            "JIT: {iters} iterations in {:?}, f1 = {:#018x}; fallback_instructions {}, interpreted at run time {}",
            t.elapsed(),
            b.fpr[1],
            stats.fallback_instructions,
            stats.interpreted_instructions
        );
    }
}

/// A run of fast-path arithmetic where only the first instruction sees an FPSCR that is not
/// summarized (the later ones use the shorter update for a summarized FPSCR), observed with
/// mffs in the middle and at the end, and across an exact zero result (1 - 1 = +0). Expected bits from the ISA's FPSCR definitions: VX is
/// the OR of the VX* bits (none set here, so a stray VX is cleared), FEX is set when an
/// exception bit and its enable are both set (XX with XE), FX only when an exception bit
/// goes from 0 to 1, FI/FR/FPRF describe the last result (1 + 2^-60 rounds to 1, inexact,
/// not incremented; 1 + 1 = 2 and 1 - 1 = +0 are exact).
#[test]
fn fpscr_summary_along_a_run() {
    let mut h = Harness::full_paths();
    let one = 0x3ff0_0000_0000_0000u64;
    let tiny = 0x3c30_0000_0000_0000u64; // 2^-60
    let mffs = |t: u32| 63 << 26 | t << 21 | 583 << 1;
    let words = [
        a_form(63, 21, 1, 2, 3, 0, false), // fadd f1,f2,f3: inexact
        mffs(6),
        a_form(63, 21, 5, 2, 2, 0, false), // fadd f5,f2,f2: exact
        mffs(7),
        a_form(63, 20, 8, 2, 2, 0, false), // fsub f8,f2,f2: +0
        mffs(11),
        a_form(63, 21, 9, 2, 3, 0, true), // fadd. f9,f2,f3: inexact
        mffs(10),
    ];
    let pos_normal = 0b00100 << 12;
    let pos_zero = 0b00010 << 12;
    for (start, after1, after2, after3, last) in [
        (
            VX | FEX | XE,
            FX | FEX | XX | XE | FI | pos_normal,
            FX | FEX | XX | XE | pos_normal,
            FX | FEX | XX | XE | pos_zero,
            FX | FEX | XX | XE | FI | pos_normal,
        ),
        (
            XX,
            XX | FI | pos_normal,
            XX | pos_normal,
            XX | pos_zero,
            XX | FI | pos_normal,
        ),
        (
            RESERVED | 1,
            FX | XX | FI | pos_normal | 1,
            FX | XX | pos_normal | 1,
            FX | XX | pos_zero | 1,
            FX | XX | FI | pos_normal | 1,
        ),
    ] {
        let mut ctx = Context {
            msr: MSR_SF,
            lr: u64::from(SENTINEL),
            fpscr: start,
            ..Context::default()
        };
        ctx.fpr[2] = one;
        ctx.fpr[3] = tiny;
        let (got, slow) = h.check(&words, &ctx);
        assert_eq!(slow, 0, "every instruction takes the fast path");
        assert_eq!(
            got.fpr[6] as u32, after1,
            "start {start:#x}: after the inexact fadd"
        );
        assert_eq!(
            got.fpr[7] as u32, after2,
            "start {start:#x}: after the exact fadd"
        );
        assert_eq!(got.fpr[10] as u32, last, "start {start:#x}: at the end");
        assert_eq!(got.fpscr, last, "start {start:#x}");
        assert_eq!(
            got.fpr[11] as u32, after3,
            "start {start:#x}: after the fsub"
        );
        assert_eq!(got.cr >> 24 & 0xf, last >> 28, "CR1 = FX, FEX, VX, OX");
    }
    h.finish();
}

/// mtfsb0/mtfsb1 of FEX, VX or the reserved bit (bits 1, 2, 20) change nothing, so an FPSCR
/// that was not summarized before them still is not, and the next arithmetic instruction
/// must recompute VX and FEX in full. Found by the differential fuzzer (seed 1): from
/// VXSQRT | VXCVI without VX, `mtfsb0 1; frsp` must set VX (the ISA defines VX as the OR
/// of the VX* bits).
#[test]
fn mtfsb_of_summary_bits_leaves_fpscr_unsummarized() {
    let mut h = Harness::new();
    let frsp = 63 << 26 | 8 << 21 | 19 << 11 | 12 << 1;
    for bit in [1u32, 2, 20] {
        for xo in [70u32, 38] {
            let mtfsb = 63 << 26 | bit << 21 | xo << 1;
            let mut ctx = Context {
                lr: u64::from(SENTINEL),
                fpscr: VXSQRT | VXCVI | 0x4000,
                ..Context::default()
            };
            ctx.fpr[19] = 0x4100_0000_0000_0000; // 2^17, exact in single
            let (got, slow) = h.check(&[mtfsb, frsp], &ctx);
            assert_eq!(slow, 0);
            assert_eq!(
                got.fpscr,
                VX | VXSQRT | VXCVI | 0x4000,
                "mtfsb bit {bit} xo {xo}"
            );
        }
    }
    h.finish();
}

fn mffs(t: u32) -> u32 {
    63 << 26 | t << 21 | 583 << 1
}

fn lfd(t: u32, a: u32, d: u16) -> u32 {
    50 << 26 | t << 21 | a << 16 | u32::from(d)
}

fn stfd(s: u32, a: u32, d: u16) -> u32 {
    54 << 26 | s << 21 | a << 16 | u32::from(d)
}

fn fcmpu(bf: u32, a: u32, b: u32) -> u32 {
    63 << 26 | bf << 23 | a << 16 | b << 11
}

/// mcrxr cr7: not lifted, so the unit calls the interpreter in the middle of a block.
const MCRXR_CR7: u32 = 31 << 26 | 7 << 23 | 512 << 1;

const DATA: u32 = 0x8400_0000;
/// Never mapped: a load from it faults, leaving the unit in the middle of its block.
const UNMAPPED: u32 = 0x8600_0000;

fn settle_calls() -> u64 {
    super::lift::SETTLE_CALLS.with(|c| c.get())
}

/// A deferred instruction's FR, FI and FPRF are exact when a later instruction of the
/// block faults: fmul, then a load from an unmapped page, then the fadd that would have
/// overwritten them. Expected values from IEEE 754: (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60, so
/// round-to-nearest gives 1 + 2^-29 (inexact, not incremented: FI = 1, FR = 0) and
/// round-toward-+inf 1 + 2^-29 + 2^-52 (FR = 1); a positive normal (FPRF 0b00100); FX
/// when XX goes from 0 to 1. The fault leaves every register as it was after the fmul.
///
/// With inline access checks, the fault leaves through the interpreter at the load, which
/// settles the deferred FPSCR with one call; with host faults, the interpreter runs the
/// block again from its start (the fmul too), which needs no settling.
#[test]
fn deferred_fpscr_is_exact_at_a_fault() {
    deferred_fpscr_at_a_fault(false);
}

#[test]
fn deferred_fpscr_is_exact_at_a_host_fault() {
    deferred_fpscr_at_a_fault(true);
}

fn deferred_fpscr_at_a_fault(host_faults: bool) {
    let mut h = Harness::new();
    h.jit.set_host_faults(host_faults);
    let (want_slow, want_settles) = if host_faults && h.mem.host_faults() {
        (2, 0)
    } else {
        (1, 1)
    };
    let words = [
        a_form(63, 25, 1, 2, 0, 2, false), // fmul f1,f2,f2
        lfd(5, 9, 0),                      // lfd f5,0(r9): faults
        a_form(63, 21, 6, 1, 1, 0, false), // fadd f6,f1,f1
    ];
    let pos_normal = 0b00100 << 12;
    let near = 0x3ff0_0000_0080_0000u64;
    for (start, want_f1, want_fpscr, settles) in [
        // XX already set, round to nearest: the deferred variant, settled at the exit.
        (XX, near, XX | FI | pos_normal, want_settles),
        (
            XX | XE | FEX,
            near,
            XX | XE | FEX | FI | pos_normal,
            want_settles,
        ),
        // XX clear or a directed mode: the full path ran, the settle call changes nothing.
        (0, near, FX | XX | FI | pos_normal, want_settles),
        (
            XX | 2,
            near + 1,
            XX | FR | FI | pos_normal | 2,
            want_settles,
        ),
    ] {
        let mut ctx = Context {
            msr: MSR_SF,
            lr: u64::from(SENTINEL),
            fpscr: start,
            ..Context::default()
        };
        ctx.gpr[9] = u64::from(UNMAPPED);
        ctx.fpr[2] = 0x3ff0_0000_0040_0000; // 1 + 2^-30
        let before = settle_calls();
        let (got, slow) = h.check(&words, &ctx);
        assert_eq!(slow, want_slow, "instructions run in the interpreter");
        assert_eq!(settle_calls() - before, settles, "start {start:#x}");
        assert_eq!(got.fpr[1], want_f1, "start {start:#x}");
        assert_eq!(got.fpscr, want_fpscr, "start {start:#x}");
        assert_eq!(got.fpr[6], 0, "the fadd did not run");
    }
    h.finish();
}

/// Several arithmetic instructions, exact zeros among them, then mffs, in every mode with
/// XX clear or set, with enables and with a VX that disagrees with its causes (the first
/// instruction of the block must recompute it): only the last one before mffs computes the
/// FPSCR, and nothing needs settling or the interpreter. Compared with the interpreter.
#[test]
fn runs_then_mffs_in_every_mode() {
    let mut rng = Rng(0xdefe_7000_0000_0001);
    let mut h = Harness::full_paths();
    let words = [
        a_form(63, 25, 1, 2, 0, 3, false),  // fmul f1,f2,f3
        a_form(63, 21, 4, 1, 2, 0, false),  // fadd f4,f1,f2
        a_form(59, 29, 5, 1, 4, 3, false),  // fmadds f5,f1,f3,f4
        a_form(63, 20, 6, 5, 5, 0, false),  // fsub f6,f5,f5: exact zero
        a_form(63, 18, 7, 6, 2, 0, false),  // fdiv f7,f6,f2: zero / normal
        a_form(59, 25, 8, 6, 0, 3, false),  // fmuls f8,f6,f3: zero * normal
        a_form(63, 30, 9, 6, 2, 3, false),  // fnmsub f9,f6,f3,f2: zero product
        a_form(59, 20, 10, 2, 3, 0, false), // fsubs f10,f2,f3
        mffs(11),
        a_form(63, 22, 12, 2, 0, 0, false), // fsqrt f12,f2
        a_form(59, 18, 13, 12, 3, 0, true), // fdivs. f13,f12,f3
        mffs(14),
    ];
    let pc = h.place(&words);
    for mode in 0..4u32 {
        // XX alone (with FX, OX or invalid-operation causes, VX stale or not) is the quick
        // state in round-to-nearest; enables or a clear XX take the full path.
        for extra in [
            0,
            XX,
            XX | XE,
            XX | FX | OX,
            XX | VXSOFT,
            XX | VX,
            XX | FX | VXISI | VX,
            VE | OE | UE | ZE | XE,
        ] {
            for _ in 0..20 {
                let mut ctx = random_context(&mut rng, true);
                ctx.fpscr = mode | extra;
                for r in 2..=3 {
                    let frac = rng.next() & ((1 << 52) - 1);
                    let sign = (rng.next() & 1) << 63;
                    ctx.fpr[r] = sign | ((1023 + rng.below(20)) << 52) | frac;
                }
                let before = settle_calls();
                let (_, slow) = h.run_at(pc, &words, &ctx);
                assert_eq!(slow, 0, "mode {mode}, extra {extra:#x}");
                assert_eq!(settle_calls(), before, "mode {mode}, extra {extra:#x}");
            }
        }
    }
    h.finish();
}

/// Random blocks of arithmetic with the instructions that make deferred FPSCR fields
/// visible between them: mffs and fcmpu (readers), loads that fault or not and stores
/// (exits), mcrxr (an interpreter call), operands whose guard fails (NaN, infinity, huge)
/// and zeros. The FPSCR mostly has XX set in round-to-nearest, where deferral happens.
/// Compared with the interpreter, complete context and exit.
#[test]
fn deferred_runs_match_the_interpreter() {
    deferred_runs(0xdefe_7000_0000_0002, 600, false);
}

/// The same with block boundaries between the instructions: branches to the next block of
/// the unit and indirect branches to another unit, so deferred fields cross block ends,
/// loops of units and readers at the start of a block.
#[test]
fn deferred_runs_across_blocks_match_the_interpreter() {
    deferred_runs(0xdefe_7000_0000_0003, 400, true);
}

fn deferred_runs(seed: u64, blocks: usize, boundaries: bool) {
    let mut rng = Rng(seed);
    let mut h = Harness::new();
    h.mem.map(DATA, 0x1000, Perm::RW).expect("map data");
    for k in 0..4u32 {
        let v = if k == 0 { 0 } else { ordinary(&mut rng) };
        h.mem
            .poke_bytes(DATA + 8 * k, &v.to_be_bytes())
            .expect("data");
    }
    let deferrable: Vec<_> = ARITH
        .iter()
        .filter(|(name, ..)| !matches!(*name, "fres" | "frsqrte"))
        .collect();
    let reg = |rng: &mut Rng| 1 + rng.below(6) as u32;
    let settles_before = settle_calls();
    let kinds = if boundaries { 14 } else { 12 };
    for k in 0..blocks {
        let len = 3 + rng.below(12) as usize;
        let mut words = Vec::new();
        for _ in 0..len {
            match rng.below(kinds) {
                0 => words.push(mffs(reg(&mut rng))),
                1 => words.push(fcmpu(rng.below(8) as u32, reg(&mut rng), reg(&mut rng))),
                2 => {
                    let base = if rng.below(3) == 0 { 10 } else { 9 };
                    words.push(lfd(reg(&mut rng), base, 8 * rng.below(4) as u16));
                }
                // Stores go above the loaded doublewords, so both engines load the same.
                3 => words.push(stfd(reg(&mut rng), 9, 64 + 8 * rng.below(4) as u16)),
                4 => words.push(MCRXR_CR7),
                12 => words.push(B_NEXT),
                13 => {
                    let at = h.next + 4 * words.len() as u32;
                    words.extend(bctr_next(at));
                }
                _ => {
                    let &(_, po, xo, uses) = rng.pick(&deferrable);
                    let f = |used: bool, n: u32| if used { n } else { 0 };
                    let (a, b, c) = (reg(&mut rng), reg(&mut rng), reg(&mut rng));
                    words.push(a_form(
                        po,
                        xo,
                        reg(&mut rng),
                        f(uses[0], a),
                        f(uses[1], b),
                        f(uses[2], c),
                        rng.below(8) == 0,
                    ));
                }
            }
        }
        let pc = h.place(&words);
        for j in 0..6 {
            let mut ctx = random_context(&mut rng, (k + j) % 2 == 0);
            ctx.fpscr = match rng.below(6) {
                0 => fpscr(&mut rng),
                1 => XX | (rng.next() as u32 & (VE | OE | UE | ZE | XE)),
                _ => XX,
            };
            ctx.gpr[9] = u64::from(DATA);
            ctx.gpr[10] = u64::from(UNMAPPED);
            for r in 1..=6 {
                ctx.fpr[r] = match rng.below(10) {
                    0 => rng.pick(EDGES),
                    1 => 0,
                    _ => ordinary(&mut rng),
                };
            }
            h.run_at(pc, &words, &ctx);
        }
    }
    assert!(
        settle_calls() > settles_before,
        "some deferred FPSCR was settled at an exit or interpreter call"
    );
    h.finish_with_fallbacks();
}

/// `b .+4`: a block boundary inside the unit, with the next block its successor.
const B_NEXT: u32 = 0x4800_0004;
const BCTR: u32 = 0x4e80_0420;

/// `xor r11,r11,r11; oris r11,r11,hi; ori r11,r11,lo; mtctr r11; bctr` to the instruction
/// after it, placed at `pc`: an indirect branch, so the next block starts another unit.
fn bctr_next(pc: u32) -> [u32; 5] {
    let to = pc + 20;
    [
        31 << 26 | 11 << 21 | 11 << 16 | 11 << 11 | 316 << 1,
        25 << 26 | 11 << 21 | 11 << 16 | to >> 16,
        24 << 26 | 11 << 21 | 11 << 16 | (to & 0xffff),
        31 << 26 | 11 << 21 | 9 << 16 | 467 << 1,
        BCTR,
    ]
}

/// fmul f1,f2,f2 with f2 = 1 + 2^-30, then mffs in the next block. Expected from IEEE 754 as
/// in `deferred_fpscr_at_a_fault`: XX | FI | positive normal in round-to-nearest. When the
/// mffs block is the fmul block's successor in the unit, the fmul computes the fields in
/// full (no settling); behind an indirect branch it cannot know, so it records them with
/// the context and the mffs block settles the record with one call.
#[test]
fn deferred_fields_reach_a_reader_in_the_next_block() {
    let mut h = Harness::new();
    let fmul = a_form(63, 25, 1, 2, 0, 2, false);
    let want = XX | FI | (0b00100 << 12);
    for (indirect, settles) in [(false, 0), (true, 1)] {
        let mut words = vec![fmul];
        if indirect {
            words.extend(bctr_next(h.next + 4));
        } else {
            words.push(B_NEXT);
        }
        words.push(mffs(3));
        let ctx = Context {
            msr: MSR_SF,
            lr: u64::from(SENTINEL),
            fpscr: XX,
            fpr: {
                let mut f = [0; 32];
                f[2] = 0x3ff0_0000_0040_0000;
                f
            },
            ..Context::default()
        };
        let before = settle_calls();
        let (got, slow) = h.check(&words, &ctx);
        assert_eq!(slow, 0);
        assert_eq!(settle_calls() - before, settles, "{words:x?}");
        assert_eq!(got.fpscr, want);
        assert_eq!(got.fpr[3] as u32, want, "mffs");
    }
    h.finish();
}

/// A deferred fmul, a store (the checkpoint stores the partial FPSCR with its record), then
/// a load that faults: the FPSCR the fault reports is exact (values as in
/// `deferred_fpscr_at_a_fault`), with the store done and the fadd after it not run.
#[test]
fn deferred_record_is_settled_at_a_fault_after_a_store() {
    for host_faults in [false, true] {
        let mut h = Harness::new();
        h.jit.set_host_faults(host_faults);
        h.mem.map(DATA, 0x1000, Perm::RW).expect("map data");
        let words = [
            a_form(63, 25, 1, 2, 0, 2, false), // fmul f1,f2,f2
            stfd(1, 8, 0),                     // stfd f1,0(r8)
            lfd(5, 9, 0),                      // lfd f5,0(r9): faults
            a_form(63, 21, 6, 1, 1, 0, false), // fadd f6,f1,f1
        ];
        let mut ctx = Context {
            msr: MSR_SF,
            lr: u64::from(SENTINEL),
            fpscr: XX,
            ..Context::default()
        };
        ctx.gpr[8] = u64::from(DATA);
        ctx.gpr[9] = u64::from(UNMAPPED);
        ctx.fpr[2] = 0x3ff0_0000_0040_0000;
        let load = h.next + 8;
        let (got, _) = h.check(&words, &ctx);
        assert_eq!(got.pc, load, "stopped at the load");
        assert_eq!(
            got.fpscr,
            XX | FI | (0b00100 << 12),
            "host faults {host_faults}"
        );
        assert_eq!(got.fpr[6], 0);
        let mut stored = [0; 8];
        h.mem.read_bytes(DATA, &mut stored).expect("data");
        assert_eq!(u64::from_be_bytes(stored), 0x3ff0_0000_0080_0000);
        h.finish();
    }
}

/// A double-precision fmul in round-toward-zero, outside the quick state, compiled without
/// its full path (the default): it leaves the unit through the interpreter, once per run,
/// until `FP_MISSES` runs have; then the unit is compiled again with the full path and the
/// interpreter is no longer needed. Every run leaves what IEEE 754 gives: (1 + 2^-30)^2
/// truncated is 1 + 2^-29 (inexact, not incremented: FI, not FR; FX as XX goes from 0 to
/// 1; a positive normal), and the runs are also compared with the interpreter. In
/// round-to-nearest with XX set (the quick state) it never leaves.
#[test]
fn fp_outside_the_quick_state_leaves_until_its_full_path_is_compiled() {
    let mut h = Harness::new();
    let words = [a_form(63, 25, 1, 2, 0, 2, false)]; // fmul f1,f2,f2
    let pc = h.place(&words);
    let run = |h: &mut Harness, fpscr: u32| {
        let mut ctx = Context {
            msr: MSR_SF,
            lr: u64::from(SENTINEL),
            fpscr,
            ..Context::default()
        };
        ctx.fpr[2] = 0x3ff0_0000_0040_0000;
        h.run_at(pc, &words, &ctx)
    };
    for _ in 0..3 {
        let (got, slow) = run(&mut h, XX);
        assert_eq!(slow, 0, "the quick state stays in compiled code");
        assert_eq!(got.fpscr, XX | FI | (0b00100 << 12));
    }
    let rz = 1;
    for k in 0..super::FP_MISSES + 3 {
        let (got, slow) = run(&mut h, rz);
        let want_slow = u64::from(k < super::FP_MISSES);
        assert_eq!(slow, want_slow, "run {k}");
        assert_eq!(got.fpr[1], 0x3ff0_0000_0080_0000, "run {k}");
        assert_eq!(got.fpscr, rz | FX | XX | FI | (0b00100 << 12), "run {k}");
    }
    assert_eq!(h.jit.stats().fp_recompiles, 1);
    h.finish();
}

/// With MSR[FE0,FE1] set (precise FP exceptions, which `exec-elf` sets for a program that
/// calls `feenableexcept`) the engine runs the interpreter: an enabled zero divide stops at
/// itself with `Exit::FpEnabled` on both, leaving the same context. The same block with the
/// bits clear runs compiled and retires the divide.
#[test]
fn precise_fp_exceptions_run_in_the_interpreter() {
    use crate::context::{MSR_FE0, MSR_FE1};
    let mut h = Harness::new();
    let fdiv = a_form(63, 18, 1, 2, 3, 0, false);
    let pc = h.place(&[fdiv]);
    let mut start = Context {
        msr: MSR_SF | MSR_FE0 | MSR_FE1,
        fpscr: ZE,
        lr: u64::from(SENTINEL),
        ..Default::default()
    };
    start.fpr[2] = 0x3ff0_0000_0000_0000;
    let (got, slow) = h.run_at(pc, &[fdiv], &start);
    assert_eq!(got.pc, pc, "stopped at the divide");
    assert!(got.fpscr & FEX != 0, "fpscr {:#x}", got.fpscr);
    assert_eq!(
        (h.jit.stats().units, slow),
        (0, 0),
        "nothing compiled or retired"
    );
    start.msr = MSR_SF;
    let (got, _) = h.run_at(pc, &[fdiv], &start);
    assert_eq!(got.pc, SENTINEL);
    assert!(h.jit.stats().units > 0, "compiled once FE is clear");
    assert!(h.failures.is_empty(), "{}", h.failures.join("\n"));
}
