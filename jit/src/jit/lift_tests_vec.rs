//! Differential tests for the vector lifter: every vector operation the table encodes, from
//! random encodings and contexts rich in the values where vector semantics change (lane
//! saturation edges, signed zeros, denormals, 2^-126, infinities, quiet and signalling
//! NaNs, conversion limits), with VSCR[NJ] and VSCR[SAT] either way, in both modes. The JIT
//! must leave exactly the interpreter's context, memory and exit. Loads and stores aim at
//! every alignment in read-write, read-only and unmapped pages. The operations that stay on
//! the interpreter are listed here and checked to be exactly those that fall back.

use super::Jit;
use crate::context::MSR_SF;
use crate::interp::{self, Limits};
use crate::isa::vector::VecOp;
use crate::isa::{decode, disassemble, table, Op};
use crate::{Context, Memory, Perm};

const CODE: u32 = 0x8200_0000;
const CODE_SIZE: u32 = 0x0080_0000;
const SENTINEL: u32 = 0x8100_0000;
const BLR: u32 = 0x4e80_0020;
/// Pages 0-1 read-write, 2 read-only, 3 unmapped.
const DATA: u32 = 0x4000_0000;
const PAGE: u32 = 4096;

/// Vector operations executed by the interpreter (see docs/JIT.md, "Vector").
pub const FALLBACK: &[VecOp] = {
    use VecOp::*;
    &[
        Vsum2sws,
        Vsumsws,
        Vrefp,
        Vrsqrtefp,
        Vexptefp,
        Vlogefp,
        Vrefp128,
        Vrsqrtefp128,
        Vexptefp128,
        Vlogefp128,
        Vmsum3fp128,
        Vmsum4fp128,
        Vpkd3d128,
        Vupkd3d128,
    ]
};

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

/// One word: float specials, denormals, normal values near 2^-126, conversion limits,
/// integer saturation edges, or random bits.
fn edge_word(rng: &mut Rng) -> u32 {
    const WORDS: &[u32] = &[
        0,
        0x8000_0000,
        0x3f80_0000,
        0xbf80_0000,
        0x0000_0001,
        0x8000_0001,
        0x007f_ffff,
        0x0080_0000,
        0x8080_0000,
        0x0080_0001,
        0x0100_0000,
        0x7f80_0000,
        0xff80_0000,
        0x7fc0_0000,
        0xffc0_0001,
        0x7f80_0001,
        0xff80_1234,
        0x7f7f_ffff,
        0xff7f_ffff,
        0x4f00_0000,
        0x4eff_ffff,
        0xcf00_0000,
        0xcf00_0001,
        0x4f80_0000,
        0xbf7f_ffff,
        0x7fff_ffff,
        0xffff_ffff,
        0x7f7f_7f7f,
        0x8080_8080,
        0x00ff_00ff,
        0x7fff_8000,
        0x8000_8000,
        0x7fff_7fff,
    ];
    match rng.below(8) {
        0..=3 => rng.pick(WORDS),
        // A normal single of moderate size (products and sums stay normal).
        4 => (rng.next() as u32 & 0x807f_ffff) | ((100 + rng.below(56) as u32) << 23),
        // Near the bottom of the normal range: sums and products that become tiny.
        5 => (rng.next() as u32 & 0x807f_ffff) | ((1 + rng.below(30) as u32) << 23),
        // A small integer either sign.
        6 => (rng.below(64) as i32 - 32) as u32,
        _ => rng.next() as u32,
    }
}

fn edge_vector(rng: &mut Rng) -> u128 {
    let w: [u32; 4] = std::array::from_fn(|_| edge_word(rng));
    crate::interp::vector::lanes::from_words(w)
}

fn random_context(rng: &mut Rng, sf: bool) -> Context {
    let mut ctx = Context {
        msr: if sf { MSR_SF } else { 0 },
        cr: rng.next() as u32,
        lr: u64::from(SENTINEL),
        vscr: rng.pick(&[0x0001_0000, 0, 1, 0x0001_0001]),
        ..Context::default()
    };
    for (k, r) in ctx.gpr.iter_mut().enumerate() {
        // Even registers point into the scratch pages, odd ones are small indexes, so
        // (RA|0) + RB lands on every alignment of mapped, read-only and unmapped blocks.
        *r = if k % 2 == 0 {
            u64::from(DATA) + rng.below(u64::from(4 * PAGE))
        } else {
            rng.below(48)
        };
        if rng.below(4) == 0 {
            *r |= rng.next() & 0xffff_ffff_0000_0000;
        }
    }
    for v in ctx.vr.iter_mut() {
        *v = edge_vector(rng);
    }
    // Permute controls and shift counts in their useful range now and then.
    for n in [1usize, 5, 9, 100, 101] {
        if rng.below(2) == 0 {
            ctx.vr[n] =
                u128::from(rng.next() as u8 & 0x7f) * 0x0101_0101_0101_0101_0101_0101_0101_0101;
        }
    }
    ctx
}

fn vector_ops() -> Vec<VecOp> {
    let mut ops = Vec::new();
    for d in table() {
        if let Op::Vector(o) = d.op {
            if !ops.contains(&o) {
                ops.push(o);
            }
        }
    }
    ops
}

fn encode(rng: &mut Rng, op: VecOp) -> Option<u32> {
    let entries: Vec<_> = table().iter().filter(|d| d.op == Op::Vector(op)).collect();
    for _ in 0..1000 {
        let d = rng.pick(&entries);
        let word = d.bits | (rng.next() as u32 & !d.mask);
        if decode(word).is_some_and(|x| x.op() == Op::Vector(op)) {
            return Some(word);
        }
    }
    None
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
        mem.map(CODE, u64::from(CODE_SIZE), Perm::RX).expect("map");
        mem.map(DATA, u64::from(2 * PAGE), Perm::RW).expect("map");
        mem.map(DATA + 2 * PAGE, u64::from(PAGE), Perm::READ)
            .expect("map");
        Self {
            mem,
            jit: Jit::new().expect("JIT"),
            next: CODE,
            failures: Vec::new(),
            cases: 0,
        }
    }

    fn place(&mut self, word: u32) -> u32 {
        let pc = self.next;
        let mut bytes = word.to_be_bytes().to_vec();
        bytes.extend_from_slice(&BLR.to_be_bytes());
        self.next += 8;
        assert!(self.next <= CODE + CODE_SIZE, "the code region is full");
        self.mem.poke_bytes(pc, &bytes).expect("place code");
        pc
    }

    fn fill(&self, seed: u64) {
        let mut rng = Rng(seed);
        let bytes: Vec<u8> = (0..3 * PAGE).map(|_| rng.next() as u8).collect();
        self.mem.poke_bytes(DATA, &bytes).expect("fill");
    }

    fn snapshot(&self) -> Vec<u8> {
        let mut out = vec![0u8; (3 * PAGE) as usize];
        self.mem.read_bytes(DATA, &mut out).expect("snapshot");
        out
    }

    fn run_at(&mut self, pc: u32, word: u32, start: &Context, fill: u64) {
        let limits = Limits {
            max_instructions: 100,
            stop_at: Some(SENTINEL),
        };
        let mut want = start.clone();
        want.pc = pc;
        let mut got = want.clone();
        self.fill(fill);
        let want_exit = interp::run(&mut want, &self.mem, limits);
        let want_mem = self.snapshot();
        self.fill(fill);
        let got_exit = self
            .jit
            .run(&mut got, &self.mem, limits)
            .expect("JIT compile");
        let got_mem = self.snapshot();
        self.cases += 1;
        if want_exit != got_exit || want != got || want_mem != got_mem {
            let vr: Vec<String> = (0..128)
                .filter(|&n| want.vr[n] != got.vr[n])
                .map(|n| {
                    format!(
                        "v{n}: {:032x} != {:032x} (was {:032x})",
                        want.vr[n], got.vr[n], start.vr[n]
                    )
                })
                .collect();
            self.failures.push(format!(
                "{word:#010x} {} ({}): exits {want_exit:?} / {got_exit:?}; vscr {:#x} -> {:#x} / {:#x}; cr {:#x} / {:#x}; memory {}; {}",
                disassemble(word, 0),
                if start.is_64bit() { "64-bit" } else { "32-bit" },
                start.vscr,
                want.vscr,
                got.vscr,
                want.cr,
                got.cr,
                if want_mem == got_mem { "same" } else { "differs" },
                vr.join(", ")
            ));
        }
    }
}

#[test]
fn every_vector_op_matches_the_interpreter() {
    let mut rng = Rng(0x005e_ed0f_a17e_c0de);
    let mut h = Harness::new();
    let mut fell_back = Vec::new();
    let mut always_slow = Vec::new();
    let calls = || super::runtime::INTERP_CALLS.with(|c| c.get());
    for op in vector_ops() {
        let before = h.jit.stats().fallback_instructions;
        let (cases_before, calls_before) = (h.cases, calls());
        for _ in 0..24 {
            let Some(word) = encode(&mut rng, op) else {
                continue;
            };
            let pc = h.place(word);
            for k in 0..12 {
                let ctx = random_context(&mut rng, k % 2 == 0);
                let fill = rng.next();
                h.run_at(pc, word, &ctx, fill);
            }
        }
        if h.jit.stats().fallback_instructions != before {
            fell_back.push(op);
        } else if calls() - calls_before >= (h.cases - cases_before) as u64 {
            // A lifted operation whose guard sent every case to the interpreter would
            // compare equal without testing the native code.
            always_slow.push(op);
        }
    }
    if !h.failures.is_empty() {
        let shown: Vec<&str> = h.failures.iter().take(10).map(|s| s.as_str()).collect();
        panic!(
            "{} of {} cases differ; first ones:\n{}",
            h.failures.len(),
            h.cases,
            shown.join("\n")
        );
    }
    assert!(
        always_slow.is_empty(),
        "never ran natively: {always_slow:?}"
    );
    let mut want: Vec<VecOp> = FALLBACK.to_vec();
    want.sort_by_key(|o| format!("{o:?}"));
    fell_back.sort_by_key(|o| format!("{o:?}"));
    assert_eq!(fell_back, want, "vector operations left to the interpreter");
}

/// Throughput of a vector loop (multiply-add, saturating add, permute, splat, shift,
/// compare, aligned and unaligned loads and stores) in the interpreter and in the JIT.
/// Run with `cargo test --release -p oxenon-jit bench_vector_loop -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench_vector_loop() {
    use crate::isa::assemble;
    let body = [
        "vmaddfp v1,v2,v3,v1",
        "vaddubs v4,v4,v5",
        "vperm v6,v7,v8,v9",
        "vspltw v11,v1,2",
        "vslw v12,v12,v13",
        "vcmpgtsh v14,v4,v6",
        "lvx v10,r4,r5",
        "lvlx v15,r4,r7",
        "vaddfp v16,v10,v15",
        "stvx v16,r4,r6",
        "vmrghw v17,v16,v11",
        "vsel v18,v17,v14,v12",
    ];
    let mut words: Vec<u32> = body
        .iter()
        .map(|t| assemble(t).unwrap_or_else(|e| panic!("{t}: {e:?}")))
        .collect();
    let back = (-(4 * words.len() as i32)) as u32 & 0xfffc;
    words.push(0x4200_0000 | back); // bdnz to the first body instruction
    words.push(BLR);
    let mem = Memory::new().expect("guest memory");
    mem.map(CODE, 0x1000, Perm::RX).expect("map");
    mem.map(DATA, u64::from(PAGE), Perm::RW).expect("map");
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
    mem.poke_bytes(CODE, &bytes).expect("code");
    let iterations = 200_000u64;
    let mut rng = Rng(7);
    let mut start = Context {
        pc: CODE,
        lr: u64::from(SENTINEL),
        ctr: iterations,
        ..Context::default()
    };
    for v in start.vr.iter_mut() {
        *v = u128::from(rng.next()) << 64 | u128::from(rng.next());
    }
    // Moderate floats in the multiply-add and add operands.
    for n in [1, 2, 3, 10, 15, 16] {
        start.vr[n] = 0x3f80_0000_3f00_0000_4000_0000_3e80_0000;
    }
    start.gpr[4] = u64::from(DATA);
    start.gpr[5] = 0x10;
    start.gpr[6] = 0x20;
    start.gpr[7] = 0x35;
    let limits = Limits {
        max_instructions: u64::MAX,
        stop_at: Some(SENTINEL),
    };
    let n = iterations * (body.len() as u64 + 1);
    let mut a = start.clone();
    let t = std::time::Instant::now();
    interp::run(&mut a, &mem, limits);
    let ti = t.elapsed();
    let mut jit = Jit::new().expect("JIT");
    let mut b = start.clone();
    let t = std::time::Instant::now();
    jit.run(&mut b, &mem, limits).expect("JIT");
    let tj = t.elapsed();
    assert_eq!(a, b, "the engines agree");
    assert_eq!(jit.stats().fallback_instructions, 0);
    let rate = |d: std::time::Duration| n as f64 / d.as_secs_f64() / 1e6;
    println!(
        "vector loop, {n} instructions: interpreter {:.1} M/s, JIT {:.1} M/s ({:.1}x)",
        rate(ti),
        rate(tj),
        ti.as_secs_f64() / tj.as_secs_f64()
    );
}

/// vmsumshs where both products are (-2^15)^2, the one sum of products that leaves the
/// signed word range, with every kind of addend; and the other saturating sums at their
/// limits.
#[test]
fn saturating_sums_at_their_limits() {
    use crate::isa::assemble;
    let mut h = Harness::new();
    let mut rng = Rng(11);
    let words: Vec<u32> = [
        "vmsumshs v3,v1,v2,v4",
        "vmsumuhs v3,v1,v2,v4",
        "vsum4sbs v3,v1,v4",
        "vsum4shs v3,v1,v4",
        "vsum4ubs v3,v1,v4",
    ]
    .iter()
    .map(|t| assemble(t).expect("assembles"))
    .collect();
    let addends = [
        0u32,
        1,
        0x7fff_ffff,
        0x8000_0000,
        0xffff_ffff,
        0x8000_0001,
        0x7fff_0000,
    ];
    for &word in &words {
        let pc = h.place(word);
        for &x in &[0x8000_8000u32, 0x7fff_7fff, 0xffff_ffff, 0x8080_8080] {
            for k in 0..addends.len() {
                let mut ctx = random_context(&mut rng, k % 2 == 0);
                let lanes = |w: [u32; 4]| crate::interp::vector::lanes::from_words(w);
                ctx.vr[1] = lanes([x; 4]);
                ctx.vr[2] = lanes([x, 0x8000_8000, x, 0x8000_7fff]);
                ctx.vr[4] = lanes(std::array::from_fn(|j| addends[(k + j) % addends.len()]));
                h.run_at(pc, word, &ctx, 1);
            }
        }
    }
    assert!(h.failures.is_empty(), "{}", h.failures.join("\n"));
}
