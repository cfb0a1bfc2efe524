//! Differential tests: the JIT must leave exactly the context the reference interpreter
//! leaves. Each case is a short block (random instructions, then `blr` to a sentinel address
//! where both engines stop) run from identical random contexts in both modes; the whole
//! `Context` is compared. Encodings are drawn from the instruction table, so every field,
//! Rc and OE bit and extended form is exercised. The seed is fixed: failures reproduce.

use super::Jit;
use crate::context::MSR_SF;
use crate::interp::{self, Limits};
use crate::isa::integer::IntOp;
use crate::isa::{decode, disassemble, table, Insn, Op};
use crate::{Context, Memory, Perm};

/// Where the cases are placed, one after the other (the JIT caches units by address).
const CODE: u32 = 0x8200_0000;
const CODE_SIZE: u32 = 0x0040_0000;
/// LR of every case: unmapped, and both engines stop before fetching it.
const SENTINEL: u32 = 0x8100_0000;
const BLR: u32 = 0x4e80_0020;

/// splitmix64: small, deterministic, good enough to spread bits.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn bit(&mut self) -> u8 {
        (self.next() & 1) as u8
    }
    pub(super) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// Values where carries, overflows, signs, shift counts and divisions change behaviour.
const EDGES: &[u64] = &[
    0,
    1,
    2,
    31,
    32,
    33,
    63,
    64,
    65,
    127,
    128,
    0x7fff,
    0x8000,
    0xffff,
    0x7fff_ffff,
    0x8000_0000,
    0x8000_0001,
    0xffff_ffff,
    0x1_0000_0000,
    0x1_7fff_ffff,
    0xffff_ffff_0000_0000,
    0xffff_ffff_7fff_ffff,
    0xffff_ffff_8000_0000,
    0xffff_ffff_ffff_fffe,
    0x7fff_ffff_ffff_ffff,
    0x8000_0000_0000_0000,
    0x8000_0000_0000_0001,
    u64::MAX,
];

fn operand(rng: &mut Rng) -> u64 {
    match rng.below(8) {
        0..=3 => rng.pick(EDGES),
        4 => rng.next(),
        // A sign-extended word, as 32-bit code holds them.
        5 => rng.next() as u32 as i32 as u64,
        // A zero-extended word with garbage never above it.
        6 => u64::from(rng.next() as u32),
        // An edge nudged by a small amount.
        _ => rng.pick(EDGES).wrapping_add(rng.below(5)).wrapping_sub(2),
    }
}

/// Every integer operation the table can decode, with the entries that encode it.
fn integer_ops() -> Vec<IntOp> {
    let mut ops = Vec::new();
    for d in table() {
        if let Op::Integer(o) = d.op {
            if !ops.contains(&o) {
                ops.push(o);
            }
        }
    }
    ops
}

/// A random word that decodes to `op`: an entry's fixed bits with every free bit random.
fn encode(rng: &mut Rng, op: IntOp) -> u32 {
    let entries: Vec<_> = table().iter().filter(|d| d.op == Op::Integer(op)).collect();
    for _ in 0..1000 {
        let d = rng.pick(&entries);
        let word = d.bits | (rng.next() as u32 & !d.mask);
        if decode(word).is_some_and(|x| x.op() == Op::Integer(op)) {
            return word;
        }
    }
    panic!("no random encoding decodes to {op:?}");
}

fn random_context(rng: &mut Rng, pc: u32, sf: bool) -> Context {
    let mut ctx = Context {
        msr: if sf { MSR_SF } else { 0 },
        cr: rng.next() as u32,
        xer_so: rng.bit(),
        xer_ov: rng.bit(),
        xer_ca: rng.bit(),
        xer_bc: (rng.next() & 0x7f) as u8,
        lr: u64::from(SENTINEL),
        ctr: rng.next(),
        pc,
        ..Context::default()
    };
    for r in &mut ctx.gpr {
        *r = operand(rng);
    }
    ctx
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

    /// Places `words` and a `blr` at a fresh address and returns it.
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

    /// Runs the block placed at `pc` from `start` on both engines and records any difference.
    /// The JIT compiles the block once per mode and reuses it for later contexts.
    fn run_at(&mut self, pc: u32, words: &[u32], start: &Context) {
        let limits = Limits {
            max_instructions: 1000,
            stop_at: Some(SENTINEL),
        };
        let mut want = start.clone();
        want.pc = pc;
        let mut got = want.clone();
        let want_exit = interp::run(&mut want, &self.mem, limits);
        let got_exit = self
            .jit
            .run(&mut got, &self.mem, limits)
            .expect("JIT compile");
        self.cases += 1;
        if want_exit != got_exit || want != got {
            let text: Vec<String> = words
                .iter()
                .map(|&w| format!("{w:#010x} {}", disassemble(w, 0)))
                .collect();
            self.failures.push(format!(
                "{} ({} mode)\n  exits: interp {want_exit:?}, jit {got_exit:?}\n  differences: {}\n  before:\n{start:?}",
                text.join("; "),
                if start.is_64bit() { "64-bit" } else { "32-bit" },
                differences(&want, &got),
            ));
        }
    }

    /// Places `words` and runs them from `start`.
    fn check(&mut self, words: &[u32], start: &Context) {
        let pc = self.place(words);
        self.run_at(pc, words, start);
    }

    fn finish(self) {
        assert_eq!(
            self.jit.stats().fallback_instructions,
            0,
            "every integer instruction (and blr) must be lifted natively"
        );
        if !self.failures.is_empty() {
            let shown: Vec<&String> = self.failures.iter().take(12).collect();
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

/// The fields that differ, as `name: interp != jit`.
fn differences(want: &Context, got: &Context) -> String {
    let mut out = Vec::new();
    for r in 0..32 {
        if want.gpr[r] != got.gpr[r] {
            out.push(format!("r{r}: {:#x} != {:#x}", want.gpr[r], got.gpr[r]));
        }
    }
    let mut field = |name: &str, a: u64, b: u64| {
        if a != b {
            out.push(format!("{name}: {a:#x} != {b:#x}"));
        }
    };
    field("cr", want.cr.into(), got.cr.into());
    field("so", want.xer_so.into(), got.xer_so.into());
    field("ov", want.xer_ov.into(), got.xer_ov.into());
    field("ca", want.xer_ca.into(), got.xer_ca.into());
    field("bc", want.xer_bc.into(), got.xer_bc.into());
    field("lr", want.lr, got.lr);
    field("ctr", want.ctr, got.ctr);
    field("pc", want.pc.into(), got.pc.into());
    if out.is_empty() {
        out.push("(other fields)".into());
    }
    out.join(", ")
}

/// Every integer operation alone: many encodings (fields, Rc, OE, immediates), each run from
/// many random contexts in both modes.
#[test]
fn every_integer_op_matches_the_interpreter() {
    let mut rng = Rng(0x0e0e_2024_1234_5678);
    let mut h = Harness::new();
    let ops = integer_ops();
    // IntOp has 67 variants; the lifter's match has no catch-all, so all are lifted.
    assert_eq!(ops.len(), 67, "the table should encode every IntOp");
    for &op in &ops {
        for _ in 0..40 {
            let word = encode(&mut rng, op);
            let pc = h.place(&[word]);
            for k in 0..16 {
                let ctx = random_context(&mut rng, 0, k % 2 == 0);
                h.run_at(pc, &[word], &ctx);
            }
        }
    }
    h.finish();
}

/// Every shift count a register can hold (7 bits, with garbage above), for every register
/// shift, from sources around the sign and word boundaries.
#[test]
fn shift_counts_match_the_interpreter() {
    let mut rng = Rng(0x5417_0000_0000_0002);
    let mut h = Harness::new();
    for op in [
        IntOp::Slw,
        IntOp::Srw,
        IntOp::Sraw,
        IntOp::Sld,
        IntOp::Srd,
        IntOp::Srad,
    ] {
        for _ in 0..4 {
            let word = encode(&mut rng, op);
            let (rs, rb) = (Insn(word).rs(), Insn(word).rb());
            let pc = h.place(&[word]);
            for count in 0..128u64 {
                for sf in [true, false] {
                    let mut ctx = random_context(&mut rng, 0, sf);
                    ctx.gpr[rb] = (rng.next() & !127) | count;
                    if rs != rb {
                        ctx.gpr[rs] = operand(&mut rng);
                    }
                    h.run_at(pc, &[word], &ctx);
                }
            }
        }
    }
    h.finish();
}

/// Runs of integer instructions in one unit, so values, CA, SO/OV and CR cached in
/// variables flow from one instruction to the next before being written back.
#[test]
fn integer_sequences_match_the_interpreter() {
    let mut rng = Rng(0x5eed_0000_0000_0001);
    let mut h = Harness::new();
    let ops = integer_ops();
    for k in 0..600 {
        let len = 2 + rng.below(10) as usize;
        let words: Vec<u32> = (0..len)
            .map(|_| {
                // Few registers, so instructions read what earlier ones wrote.
                let op = rng.pick(&ops);
                let w = encode(&mut rng, op);
                let fields = 0x03ff_f800;
                let mut regs = 0;
                for shift in [21, 16, 11] {
                    regs |= rng.pick(&[0u32, 3, 4, 5]) << shift;
                }
                let candidate = (w & !fields) | regs;
                // Keep the narrowed encoding only when it still decodes to the same op
                // (extended forms fix some of these fields).
                match (decode(candidate), decode(w)) {
                    (Some(a), Some(b)) if a.op() == b.op() => candidate,
                    _ => w,
                }
            })
            .collect();
        let pc = h.place(&words);
        for j in 0..8 {
            let ctx = random_context(&mut rng, 0, (k + j) % 2 == 0);
            h.run_at(pc, &words, &ctx);
        }
    }
    h.finish();
}

#[test]
fn division_edge_cases_never_trap() {
    let mut h = Harness::new();
    // divw, divwu, divd, divdu with OE and Rc: r3 = r4 / r5.
    let words = [0x7c64_2fd7u32, 0x7c64_2f97, 0x7c64_2fd3, 0x7c64_2f93];
    let pairs = [
        (0x8000_0000, u64::MAX),
        (0xffff_ffff_8000_0000, 0xffff_ffff),
        (0x8000_0000_0000_0000, u64::MAX),
        (5, 0),
        (5, 0xffff_ffff_0000_0000),
        (0, 0),
    ];
    for &w in &words {
        assert!(disassemble(w, 0).starts_with("div"), "{w:#x}");
        for &(a, b) in &pairs {
            for sf in [true, false] {
                let mut ctx = Context {
                    msr: if sf { MSR_SF } else { 0 },
                    lr: u64::from(SENTINEL),
                    ..Context::default()
                };
                ctx.gpr[4] = a;
                ctx.gpr[5] = b;
                h.check(&[w], &ctx);
            }
        }
    }
    h.finish();
}
