//! Differential tests for the natively lifted loads/stores and CR instructions: the JIT must
//! leave exactly the context, guest memory, exit and retired count the reference interpreter
//! leaves. Addresses land in a scratch region whose pages have different permissions
//! (read-write, read-only, unmapped, read-execute), misaligned and across page boundaries, and
//! near the top of the address space, so both the inline fast path and the guarded
//! interpreter fallback run. The PRNG seed is fixed: failures reproduce.

use super::Jit;
use crate::context::MSR_SF;
use crate::interp::{self, Limits};
use crate::isa::branch::BranchOp;
use crate::isa::loadstore::LsOp;
use crate::isa::{decode, disassemble, table, Insn, Op};
use crate::{Context, Memory, Perm};

const CODE: u32 = 0x8200_0000;
const CODE_SIZE: u32 = 0x0040_0000;
/// LR of every case: unmapped, and both engines stop before fetching it.
const SENTINEL: u32 = 0x8100_0000;
const BLR: u32 = 0x4e80_0020;

/// Scratch data: pages 0-3 read-write, 4 read-only, 5 unmapped, 6 read-execute, 7 read-write.
const DATA: u32 = 0x4000_0000;
const PAGE: u32 = 4096;
const DATA_PAGES: u32 = 8;
/// The last page of the address space, read-write (accesses there may wrap past 4 GiB).
const TOP: u32 = 0xffff_f000;

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

/// The lifted single-access load/store forms (the multiple, string and reservation forms
/// stay with the interpreter).
const LS_OPS: &[LsOp] = {
    use LsOp::*;
    &[
        Lbz, Lbzu, Lbzx, Lbzux, Lhz, Lhzu, Lhzx, Lhzux, Lha, Lhau, Lhax, Lhaux, Lwz, Lwzu, Lwzx,
        Lwzux, Lwa, Lwax, Lwaux, Ld, Ldu, Ldx, Ldux, Stb, Stbu, Stbx, Stbux, Sth, Sthu, Sthx,
        Sthux, Stw, Stwu, Stwx, Stwux, Std, Stdu, Stdx, Stdux, Lhbrx, Lwbrx, Sthbrx, Stwbrx, Lfd,
        Lfdu, Lfdx, Lfdux, Stfd, Stfdu, Stfdx, Stfdux, Stfiwx, Lfs, Lfsu, Lfsx, Lfsux, Stfs, Stfsu,
        Stfsx, Stfsux,
    ]
};

const CR_OPS: &[BranchOp] = {
    use BranchOp::*;
    &[
        Crand, Cror, Crxor, Crnand, Crnor, Creqv, Crandc, Crorc, Mcrf, Mfcr, Mfocrf, Mtcrf, Mtocrf,
    ]
};

/// A random word that decodes to `op`: an entry's fixed bits with every free bit random.
fn encode(rng: &mut Rng, op: Op) -> u32 {
    let entries: Vec<_> = table().iter().filter(|d| d.op == op).collect();
    assert!(!entries.is_empty(), "the table encodes {op:?}");
    for _ in 0..1000 {
        let d = rng.pick(&entries);
        let word = d.bits | (rng.next() as u32 & !d.mask);
        if decode(word).is_some_and(|x| x.op() == op) {
            return word;
        }
    }
    panic!("no random encoding decodes to {op:?}");
}

/// Replaces the RT, RA and RB fields with registers from `regs[0]`, `regs[1]` and `regs[2]`
/// (keeping the word's op).
fn narrow(rng: &mut Rng, word: u32, regs: [&[u32]; 3]) -> u32 {
    let op = decode(word).expect("decodes").op();
    for _ in 0..100 {
        let mut w = word & !0x03ff_f800;
        for (shift, set) in [21, 16, 11].into_iter().zip(regs) {
            w |= rng.pick(set) << shift;
        }
        if decode(w).is_some_and(|x| x.op() == op) {
            return w;
        }
    }
    word
}

/// A 32-bit address around the interesting spots of the scratch region.
fn target(rng: &mut Rng) -> u32 {
    match rng.below(10) {
        // Anywhere in the region, any alignment.
        0..=3 => DATA + rng.below(u64::from(DATA_PAGES * PAGE)) as u32,
        // Around a page boundary (crossing it for wide accesses).
        4..=7 => {
            let page = 1 + rng.below(u64::from(DATA_PAGES - 1)) as u32;
            (DATA + page * PAGE)
                .wrapping_add(rng.below(20) as u32)
                .wrapping_sub(10)
        }
        // Near the top of the address space: wrapping accesses.
        8 => 0u32.wrapping_sub(1 + rng.below(24) as u32),
        // Somewhere unmapped.
        _ => rng.next() as u32 & 0x0fff_ffff,
    }
}

/// Double bits where the single-precision store changes algorithm: zeros, the denormal range
/// (biased exponents 874..=896) and just around it, infinities and NaNs.
fn edge_double(rng: &mut Rng) -> u64 {
    let sign = rng.next() & (1 << 63);
    let exp: u64 = match rng.below(4) {
        0 => rng.pick(&[0, 1, 0x7fe, 0x7ff, 0x7ff, 1023, 1151, 1152, 1279]),
        1 | 2 => 860 + rng.below(42),
        _ => rng.below(0x800),
    };
    let frac = match rng.below(4) {
        0 => rng.pick(&[
            0,
            1,
            1 << 51,
            (1 << 51) - 1,
            (1 << 52) - 1,
            1 << 29,
            (1 << 29) - 1,
        ]),
        _ => rng.next() & ((1 << 52) - 1),
    };
    sign | (exp << 52) | frac
}

/// Single bits where the load widens differently: zeros, denormals, infinities, NaNs
/// (signalling ones included).
fn edge_single(rng: &mut Rng) -> u32 {
    let sign = rng.next() as u32 & 0x8000_0000;
    let exp: u32 = match rng.below(3) {
        0 => rng.pick(&[0, 0, 0xff, 0xff, 1, 0xfe, 127]),
        _ => rng.next() as u32 & 0xff,
    };
    let frac = match rng.below(3) {
        0 => rng.pick(&[0, 1, 2, 3, 0x40_0000, 0x3f_ffff, 0x7f_ffff, 0x1_0000]),
        1 => 1 << rng.below(23),
        _ => rng.next() as u32 & 0x7f_ffff,
    };
    sign | (exp << 23) | frac
}

fn random_context(rng: &mut Rng, sf: bool) -> Context {
    let mut ctx = Context {
        msr: if sf { MSR_SF } else { 0 },
        cr: rng.next() as u32,
        xer_so: (rng.next() & 1) as u8,
        xer_ov: (rng.next() & 1) as u8,
        xer_ca: (rng.next() & 1) as u8,
        xer_bc: (rng.next() & 0x7f) as u8,
        lr: u64::from(SENTINEL),
        ctr: rng.next(),
        ..Context::default()
    };
    for r in &mut ctx.gpr {
        *r = match rng.below(3) {
            0 => rng.next(),
            1 => rng.next() as u32 as i32 as u64,
            _ => u64::from(rng.next() as u32),
        };
    }
    for f in &mut ctx.fpr {
        *f = if rng.below(2) == 0 {
            rng.next()
        } else {
            edge_double(rng)
        };
    }
    ctx
}

/// Sets the registers of a single access so that its effective address is `ea` (with random
/// garbage in the high word, which update forms write back in 64-bit mode).
fn aim(rng: &mut Rng, ctx: &mut Context, word: u32, ea: u32) {
    let i = Insn(word);
    let full = (rng.next() & 0xffff_ffff_0000_0000) | u64::from(ea);
    let Some(Op::LoadStore(op)) = decode(word).map(|d| d.op()) else {
        return;
    };
    if is_indexed(op) {
        if i.ra() == 0 {
            ctx.gpr[i.rb()] = full;
        } else if i.ra() == i.rb() {
            ctx.gpr[i.ra()] = full / 2;
        } else {
            ctx.gpr[i.ra()] = full.wrapping_sub(ctx.gpr[i.rb()]);
        }
    } else if i.ra() != 0 {
        let ds = matches!(
            op,
            LsOp::Lwa | LsOp::Ld | LsOp::Ldu | LsOp::Std | LsOp::Stdu
        );
        let disp = if ds { i.ds() } else { i.simm() };
        ctx.gpr[i.ra()] = full.wrapping_sub(disp as u64);
    }
}

/// X-form (RA|0) + RB addressing.
fn is_indexed(op: LsOp) -> bool {
    table()
        .iter()
        .find(|d| d.op == Op::LoadStore(op))
        .is_some_and(|d| d.mask & 0x7fe == 0x7fe)
}

struct Harness {
    mem: Memory,
    jit: Jit,
    next: u32,
    failures: Vec<String>,
    cases: usize,
    /// Cases whose access ran without faulting in the interpreter, and that faulted.
    ok: usize,
    faulted: usize,
    /// Bytes written over the random fill before each run.
    pokes: Vec<(u32, Vec<u8>)>,
}

impl Harness {
    fn new() -> Self {
        let mem = Memory::new().expect("guest memory");
        mem.map(CODE, u64::from(CODE_SIZE), Perm::RX)
            .expect("map code");
        let page = |n: u32| DATA + n * PAGE;
        mem.map(page(0), u64::from(4 * PAGE), Perm::RW)
            .expect("map");
        mem.map(page(4), u64::from(PAGE), Perm::READ).expect("map");
        mem.map(page(6), u64::from(PAGE), Perm::RX).expect("map");
        mem.map(page(7), u64::from(PAGE), Perm::RW).expect("map");
        mem.map(TOP, u64::from(PAGE), Perm::RW).expect("map");
        Self {
            mem,
            jit: Jit::new().expect("JIT"),
            next: CODE,
            failures: Vec::new(),
            cases: 0,
            ok: 0,
            faulted: 0,
            pokes: Vec::new(),
        }
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

    /// Fills every mapped scratch page with `seed`-derived bytes.
    fn fill(&self, seed: u64) {
        let mut rng = Rng(seed);
        let mut bytes = vec![0u8; (DATA_PAGES * PAGE) as usize];
        for b in &mut bytes {
            *b = rng.next() as u8;
        }
        for p in 0..DATA_PAGES {
            if p == 5 {
                continue;
            }
            let at = (p * PAGE) as usize;
            self.mem
                .poke_bytes(DATA + p * PAGE, &bytes[at..at + PAGE as usize])
                .expect("fill");
        }
        let top: Vec<u8> = (0..PAGE).map(|_| rng.next() as u8).collect();
        self.mem.poke_bytes(TOP, &top).expect("fill top");
        for (at, bytes) in &self.pokes {
            self.mem.poke_bytes(*at, bytes).expect("poke");
        }
    }

    /// The contents of every mapped scratch page.
    fn snapshot(&self) -> Vec<u8> {
        let mut out = vec![0u8; ((DATA_PAGES + 1) * PAGE) as usize];
        for p in 0..DATA_PAGES {
            if p == 5 {
                continue;
            }
            let at = DATA + p * PAGE;
            let o = (p * PAGE) as usize;
            self.mem
                .read_bytes(at, &mut out[o..o + PAGE as usize])
                .expect("snapshot");
        }
        let o = (DATA_PAGES * PAGE) as usize;
        self.mem
            .read_bytes(TOP, &mut out[o..])
            .expect("snapshot top");
        out
    }

    fn run_at(&mut self, pc: u32, words: &[u32], start: &Context, fill: u64) {
        let limits = Limits {
            max_instructions: 1000,
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
        if matches!(want_exit.0, interp::Exit::Stopped) {
            self.ok += 1;
        } else {
            self.faulted += 1;
        }
        if want_exit != got_exit || want != got || want_mem != got_mem {
            let text: Vec<String> = words
                .iter()
                .map(|&w| format!("{w:#010x} {}", disassemble(w, 0)))
                .collect();
            let bad = want_mem
                .iter()
                .zip(&got_mem)
                .position(|(a, b)| a != b)
                .map(|o| format!(" first memory difference at region offset {o:#x}"))
                .unwrap_or_default();
            self.failures.push(format!(
                "{} ({} mode)\n  exits: interp {want_exit:?}, jit {got_exit:?}{bad}\n  interp: {want:?}\n  jit:    {got:?}\n  before: {start:?}",
                text.join("; "),
                if start.is_64bit() { "64-bit" } else { "32-bit" },
            ));
        }
    }

    fn finish(self, min_ok: usize, min_faulted: usize) {
        assert_eq!(
            self.jit.stats().fallback_instructions,
            0,
            "every instruction under test (and blr) must be lifted natively"
        );
        if !self.failures.is_empty() {
            let shown: Vec<&str> = self.failures.iter().take(8).map(|s| s.as_str()).collect();
            panic!(
                "{} of {} cases differ between the interpreter and the JIT; first ones:\n{}",
                self.failures.len(),
                self.cases,
                shown.join("\n")
            );
        }
        assert!(
            self.ok >= min_ok && self.faulted >= min_faulted,
            "coverage: {} cases completed, {} faulted",
            self.ok,
            self.faulted
        );
    }
}

/// Every lifted load/store alone: random encodings, each from random contexts in both modes
/// with the EA aimed at the scratch region's interesting spots.
/// Accesses unchecked in generated code, faults caught by the host (`memory::hostfault`).
#[test]
fn every_lifted_load_store_matches_the_interpreter() {
    every_lifted_load_store(true);
}

/// The inline permission checks used where the host cannot catch faults.
#[test]
fn every_lifted_load_store_matches_the_interpreter_checked_inline() {
    every_lifted_load_store(false);
}

fn every_lifted_load_store(host_faults: bool) {
    let mut rng = Rng(0x10ad_5707_e000_0001);
    let mut h = Harness::new();
    h.jit.set_host_faults(host_faults);
    for &op in LS_OPS {
        let (before_ok, before_faulted) = (h.ok, h.faulted);
        for _ in 0..24 {
            let word = encode(&mut rng, Op::LoadStore(op));
            let pc = h.place(&[word]);
            for k in 0..12 {
                let mut ctx = random_context(&mut rng, k % 2 == 0);
                let ea = target(&mut rng);
                aim(&mut rng, &mut ctx, word, ea);
                let fill = rng.next();
                h.run_at(pc, &[word], &ctx, fill);
            }
        }
        assert!(
            h.ok > before_ok && h.faulted > before_faulted,
            "{op:?}: both the fast path and the fallback must run"
        );
    }
    h.finish(1000, 1000);
}

/// Runs of loads and stores (and CR moves) in one unit over a few registers, so values
/// cached in variables flow through guarded accesses, stores feed later loads, and update
/// forms move the bases.
#[test]
fn load_store_sequences_match_the_interpreter() {
    load_store_sequences(true);
}

#[test]
fn load_store_sequences_match_the_interpreter_checked_inline() {
    load_store_sequences(false);
}

fn load_store_sequences(host_faults: bool) {
    let mut rng = Rng(0x5e9_0000_0000_0002);
    let mut h = Harness::new();
    h.jit.set_host_faults(host_faults);
    for k in 0..400 {
        let len = 2 + rng.below(8) as usize;
        let words: Vec<u32> = (0..len)
            .map(|_| {
                let op = if rng.below(6) == 0 {
                    Op::Branch(rng.pick(CR_OPS))
                } else {
                    Op::LoadStore(rng.pick(LS_OPS))
                };
                let w = encode(&mut rng, op);
                let w = match op {
                    Op::LoadStore(o) if is_indexed(o) => {
                        narrow(&mut rng, w, [&[3, 4, 8, 9, 10], &[4, 5], &[6, 7]])
                    }
                    Op::LoadStore(_) => {
                        // Small displacements (keeping a DS form's low bits) so sequences
                        // stay around the region; RB is part of the displacement here.
                        let small = (w & 0x3f) | if w & 0x8000 != 0 { 0xffc0 } else { 0 };
                        let w = (w & !0xffff) | small;
                        let rb = (w >> 11) & 31;
                        narrow(&mut rng, w, [&[3, 4, 8, 9, 10], &[4, 5], &[rb]])
                    }
                    _ => w,
                };
                if decode(w).is_some_and(|d| d.op() == op) {
                    w
                } else {
                    encode(&mut rng, op)
                }
            })
            .collect();
        let pc = h.place(&words);
        for j in 0..6 {
            let mut ctx = random_context(&mut rng, (k + j) % 2 == 0);
            // Bases mostly inside the read-write pages, small index values.
            for r in [4, 5] {
                let hi = rng.next() & 0xffff_ffff_0000_0000;
                let ea = if rng.below(8) == 0 {
                    target(&mut rng)
                } else {
                    DATA + 0x100 + rng.below(u64::from(4 * PAGE - 0x200)) as u32
                };
                ctx.gpr[r] = hi | u64::from(ea);
            }
            for r in [6, 7] {
                ctx.gpr[r] = rng.below(64).wrapping_sub(32);
            }
            let fill = rng.next();
            h.run_at(pc, &words, &ctx, fill);
        }
    }
    h.finish(200, 200);
}

/// Every lifted CR instruction alone, and short runs of them, from random contexts.
#[test]
fn cr_logic_matches_the_interpreter() {
    let mut rng = Rng(0xc0de_c0de_0000_0003);
    let mut h = Harness::new();
    for &op in CR_OPS {
        for _ in 0..40 {
            let word = encode(&mut rng, Op::Branch(op));
            let pc = h.place(&[word]);
            for k in 0..12 {
                let ctx = random_context(&mut rng, k % 2 == 0);
                h.run_at(pc, &[word], &ctx, 0);
            }
        }
    }
    for k in 0..300 {
        let len = 2 + rng.below(8) as usize;
        let words: Vec<u32> = (0..len)
            .map(|_| {
                let op = Op::Branch(rng.pick(CR_OPS));
                let w = encode(&mut rng, op);
                narrow(&mut rng, w, [&[3, 4], &[3, 4], &[3, 4]])
            })
            .collect();
        let pc = h.place(&words);
        for j in 0..6 {
            let ctx = random_context(&mut rng, (k + j) % 2 == 0);
            h.run_at(pc, &words, &ctx, 0);
        }
    }
    h.finish(1000, 0);
}

/// The single-precision conversions of lfs and stfs on the values where they change
/// algorithm, through the native fast path.
#[test]
fn single_conversions_match_the_interpreter() {
    let mut rng = Rng(0xf10a_7000_0000_0004);
    let mut h = Harness::new();
    let lfs = 0xc064_0000u32; // lfs f3,0(r4)
    let stfs = 0xd064_0000u32; // stfs f3,0(r4)
    assert!(
        disassemble(lfs, 0).starts_with("lfs "),
        "{}",
        disassemble(lfs, 0)
    );
    assert!(
        disassemble(stfs, 0).starts_with("stfs "),
        "{}",
        disassemble(stfs, 0)
    );
    let (lfs_pc, stfs_pc) = (h.place(&[lfs]), h.place(&[stfs]));
    for k in 0..6000 {
        let at = DATA + 4 * rng.below(64) as u32;
        let mut ctx = random_context(&mut rng, k % 2 == 0);
        ctx.gpr[4] = u64::from(at);
        h.pokes = vec![(at, edge_single(&mut rng).to_be_bytes().to_vec())];
        h.run_at(lfs_pc, &[lfs], &ctx, k);
        h.pokes.clear();
        ctx.fpr[3] = edge_double(&mut rng);
        h.run_at(stfs_pc, &[stfs], &ctx, k);
    }
    h.finish(12000, 0);
}

/// Indexed accesses whose index is provably small (a masked, shifted value; a loaded byte)
/// add it to the host address of the base without wrapping at 4 GiB (`loadstore::UNWRAPPED`).
/// Expected values follow the ISA's effective address (RA) + (RB), taken modulo 4 GiB in
/// the console's 32-bit guest space: a base near the top plus the index wraps to the
/// bottom page, where the access must land (or fault, when that page is unmapped).
#[test]
fn small_indices_past_the_top_of_memory_wrap_to_the_bottom() {
    use super::tests_units::SENTINEL as END;
    use super::tests_units::{asm, machine as base, same, start, CODE as AT, DATA as BYTE};
    use crate::interp::Exit;
    use crate::memory::{AccessKind, Fault};
    let code = asm(
        AT,
        &[
            "rlwinm r9, r3, 2, 22, 29",
            "lwzx r10, r11, r9",
            "stwx r12, r11, r9",
            "lbz r5, 0(r6)",
            "lbzx r7, r11, r5",
            "blr",
        ],
    );
    let machine = |bottom: bool| {
        let m = base(&[(AT, code.clone())], Perm::RX);
        m.map(TOP, u64::from(PAGE), Perm::RW).unwrap();
        m.poke_bytes(BYTE, &[0x20]).unwrap();
        let ramp: Vec<u8> = (0..0x40).collect();
        m.poke_bytes(BYTE + 0x100, &ramp).unwrap();
        m.poke_bytes(TOP + 0xff8, &[1, 2, 3, 4, 5, 6, 7, 8])
            .unwrap();
        if bottom {
            m.map(0, u64::from(PAGE), Perm::RW).unwrap();
            m.poke_bytes(0x10, &[0xa1, 0xa2, 0xa3, 0xa4]).unwrap();
        }
        m
    };
    let limits = Limits {
        max_instructions: 100,
        stop_at: Some(END),
    };
    for mut jit in super::tests_units::engines() {
        let run = |jit: &mut Jit, bottom: bool, r3: u64, r11: u64| {
            let mut ctx = start(AT);
            ctx.gpr[3] = r3;
            ctx.gpr[11] = r11;
            ctx.gpr[12] = 0x5566_7788;
            ctx.gpr[6] = u64::from(BYTE);
            let (mi, mj) = (machine(bottom), machine(bottom));
            let out = same(&mi, &mj, jit, &ctx, limits);
            if bottom {
                let (mut a, mut b) = ([0u8; 32], [0u8; 32]);
                mi.read_bytes(0, &mut a).unwrap();
                mj.read_bytes(0, &mut b).unwrap();
                assert_eq!(a, b, "the bottom page");
            }
            (out, mj)
        };
        // 0xffff_fff0 + (8 << 2) and + 0x20 wrap to 0x10; r12 is stored there, then its
        // first byte read back.
        let ((exit, _, got), m) = run(&mut jit, true, 0x108, 0xffff_fff0);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!(
            (got.gpr[9], got.gpr[10], got.gpr[7]),
            (0x20, 0xa1a2_a3a4, 0x55)
        );
        let mut word = [0u8; 4];
        m.read_bytes(0x10, &mut word).unwrap();
        assert_eq!(u32::from_be_bytes(word), 0x5566_7788);
        // Inside the data page: BYTE + 0x100 + (5 << 2), then + 0x20.
        let ((exit, _, got), m) = run(&mut jit, true, 5, u64::from(BYTE) + 0x100);
        let mut word = [0u8; 4];
        m.read_bytes(BYTE + 0x114, &mut word).unwrap();
        assert_eq!(
            (exit, got.gpr[10], u32::from_be_bytes(word)),
            (Exit::Stopped, 0x1415_1617, 0x5566_7788)
        );
        assert_eq!(got.gpr[7], 0x20);
        // + (2 << 2) stays at the top: 0xffff_fff8.
        let ((exit, _, got), _) = run(&mut jit, true, 2, 0xffff_fff0);
        assert_eq!((exit, got.gpr[10]), (Exit::Stopped, 0x0102_0304));
        // Nothing mapped at the bottom: the wrapped load faults there.
        let ((exit, retired, got), _) = run(&mut jit, false, 0x108, 0xffff_fff0);
        let read = Fault {
            addr: 0x10,
            kind: AccessKind::Read,
        };
        assert_eq!((exit, retired, got.pc), (Exit::Fault(read), 1, AT + 4));
    }
}
