//! Multi-block units, code invalidation and `stop_at`: the JIT against the reference
//! interpreter on loops and self-modifying code. Expected values are computed from the PowerPC
//! ISA semantics of the few instructions involved (stated next to each case), and every case
//! also compares the whole context and retired count with `interp::run`.

use super::Jit;
use crate::interp::{self, Exit, Limits};
use crate::isa::assemble_at;
use crate::{Context, Memory, Perm};

pub(super) const CODE: u32 = 0x8200_0000;
/// LR of every case: both engines stop before fetching it.
pub(super) const SENTINEL: u32 = 0x8100_0000;

/// `CODE + k` as a branch target operand of `asm`.
pub(super) fn code_at(k: u32) -> String {
    format!("{:#x}", CODE + k)
}

/// Assembles `lines` at `at` (branch targets absolute).
pub(super) fn asm(at: u32, lines: &[&str]) -> Vec<u32> {
    lines
        .iter()
        .enumerate()
        .map(|(k, l)| assemble_at(l, at + 4 * k as u32).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

pub(super) fn bytes(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_be_bytes()).collect()
}

fn memory(code_perm: Perm) -> Memory {
    let m = Memory::new().expect("guest memory");
    m.map(CODE, 0x1_0000, code_perm).expect("map code");
    m
}

pub(super) fn start(pc: u32) -> Context {
    Context {
        pc,
        lr: u64::from(SENTINEL),
        ..Context::default()
    }
}

/// A counting loop: r3 = sum of 1..=n, r5 = n, CTR = 0 (bc 16,0 is bdnz).
fn sum_loop(n: u32) -> Vec<u32> {
    let mut w = asm(
        CODE,
        &[
            "li r3, 0",
            "li r5, 0",
            "lis r4, 0",
            "ori r4, r4, 0",
            "mtctr r4",
            "addi r5, r5, 1",
            "add r3, r3, r5",
            &format!("bdnz {:#x}", CODE + 20),
            "blr",
        ],
    );
    w[2] |= n >> 16;
    w[3] |= n & 0xffff;
    w
}

/// Times a 100M-iteration sum loop (300M guest instructions) on the JIT.
/// `cargo test --release -p oxenon-jit bench_sum_loop -- --ignored --nocapture`
#[test]
#[ignore]
fn bench_sum_loop() {
    for blocks in [1, super::block::MAX_UNIT_BLOCKS] {
        sum_loop_timed(blocks);
    }
    for blocks in [1, super::block::MAX_UNIT_BLOCKS] {
        branchy_loop_timed(blocks);
    }
}

/// `branchy_loop` for 100M iterations (two arms, a store on one): 600M instructions.
fn branchy_loop_timed(blocks: usize) {
    let n = 100_000_000u64;
    let mut words = branchy_loop(0);
    words[3] = asm(0, &["nop"])[0];
    let m = machine(&[(CODE, words)], Perm::RX);
    let mut jit = Jit::new().unwrap();
    jit.set_unit_blocks(blocks);
    let mut ctx = branchy_start();
    ctx.gpr[4] = n;
    let limits = Limits {
        max_instructions: u64::MAX,
        stop_at: Some(SENTINEL),
    };
    let (t, cpu) = (std::time::Instant::now(), thread_cpu_ns());
    let (exit, retired) = jit.run(&mut ctx, &m, limits).unwrap();
    let (took, cpu) = (t.elapsed(), thread_cpu_ns() - cpu);
    assert_eq!(exit, Exit::Stopped);
    assert_eq!(
        ctx.gpr[3],
        (n / 2) * (n / 2),
        "sum of the first n/2 odd numbers"
    );
    eprintln!(
        "branchy loop, {n} iterations, {retired} instructions, units of at most {blocks} blocks: \
         {:.3} s wall, {:.3} s on the CPU ({:.0} M guest insns/s of CPU time)",
        took.as_secs_f64(),
        cpu as f64 / 1e9,
        retired as f64 / cpu as f64 * 1e3
    );
}

fn sum_loop_timed(blocks: usize) {
    let n = 100_000_000u32;
    let m = memory(Perm::RX);
    m.poke_bytes(CODE, &bytes(&sum_loop(n))).unwrap();
    let mut jit = Jit::new().unwrap();
    jit.set_unit_blocks(blocks);
    let mut ctx = start(CODE);
    let limits = Limits {
        max_instructions: u64::MAX,
        stop_at: Some(SENTINEL),
    };
    let (t, cpu) = (std::time::Instant::now(), thread_cpu_ns());
    let (exit, retired) = jit.run(&mut ctx, &m, limits).unwrap();
    let (took, cpu) = (t.elapsed(), thread_cpu_ns() - cpu);
    assert_eq!(exit, Exit::Stopped);
    // Sum 1..=n = n(n+1)/2; 5 setup + 3 per iteration + blr.
    assert_eq!(ctx.gpr[3], u64::from(n) * (u64::from(n) + 1) / 2);
    assert_eq!(retired, 5 + 3 * u64::from(n) + 1);
    eprintln!(
        "sum loop, {n} iterations, {retired} instructions, units of at most {blocks} blocks: \
         {:.3} s wall, {:.3} s on the CPU ({:.0} M guest insns/s of CPU time)",
        took.as_secs_f64(),
        cpu as f64 / 1e9,
        retired as f64 / cpu as f64 * 1e3
    );
}

/// Time this thread spent on a CPU (Linux schedstat), so a loaded machine skews less.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

pub(super) const DATA: u32 = 0x1000_0000;

/// Guest memory with `code` (pieces placed at their addresses) in a 64 KiB code region with
/// `code_perm`, and 4 KiB of zeroed data at `DATA`.
pub(super) fn machine(code: &[(u32, Vec<u32>)], code_perm: Perm) -> Memory {
    let m = memory(code_perm);
    m.map(DATA, 0x1000, Perm::RW).expect("map data");
    for (at, words) in code {
        m.poke_bytes(*at, &bytes(words)).expect("place code");
    }
    m
}

fn snapshot(m: &Memory) -> Vec<u8> {
    let mut out = vec![0; 0x1_1000];
    m.read_bytes(CODE, &mut out[..0x1_0000]).expect("read code");
    m.read_bytes(DATA, &mut out[0x1_0000..]).expect("read data");
    out
}

/// Runs `ctx` on the interpreter (on `mi`) and on `jit` (on `mj`), which must hold the same
/// guest; asserts identical exits, retired counts, contexts and memory. Returns the result.
pub(super) fn same(
    mi: &Memory,
    mj: &Memory,
    jit: &mut Jit,
    ctx: &Context,
    limits: Limits,
) -> (Exit, u64, Context) {
    let mut want = ctx.clone();
    let (want_exit, want_n) = interp::run(&mut want, mi, limits);
    let mut got = ctx.clone();
    let (got_exit, got_n) = jit.run(&mut got, mj, limits).expect("JIT compile");
    assert_eq!(
        (got_exit, got_n),
        (want_exit, want_n),
        "exit and retired count with {limits:?}"
    );
    assert!(
        got == want,
        "contexts differ with {limits:?}:\n{got:?}\n{want:?}"
    );
    assert!(
        snapshot(mi) == snapshot(mj),
        "memory differs with {limits:?}"
    );
    (got_exit, got_n, got)
}

/// A JIT with host faults and one with explicit checks, for tests that run both.
pub(super) fn engines() -> impl Iterator<Item = Jit> {
    [true, false].into_iter().map(|host_faults| {
        let mut jit = Jit::new().unwrap();
        jit.set_host_faults(host_faults);
        jit
    })
}

/// Enough instructions for any test program, stopping at the sentinel return address.
pub(super) const UNLIMITED: Limits = Limits {
    max_instructions: 1_000_000,
    stop_at: Some(SENTINEL),
};

/// A pair of memories for `same` holding `code` (read and execute) and `data` at `DATA`.
pub(super) fn machines_with_data(code: &[(u32, Vec<u32>)], data: &[u8]) -> (Memory, Memory) {
    let (mi, mj) = (machine(code, Perm::RX), machine(code, Perm::RX));
    for m in [&mi, &mj] {
        m.poke_bytes(DATA, data).unwrap();
    }
    (mi, mj)
}

/// Runs the JIT from `pc` (at most 100 instructions, to the sentinel) and returns r3: for
/// tests that change code between runs.
pub(super) fn r3_after_run(jit: &mut Jit, m: &Memory, pc: u32) -> u64 {
    let limits = Limits {
        max_instructions: 100,
        stop_at: Some(SENTINEL),
    };
    let mut c = start(pc);
    jit.run(&mut c, m, limits).unwrap();
    c.gpr[3]
}

/// Runs `ctx` again with every budget below `retired` (on fresh memories from `fresh` each
/// time): each run must stop exactly there, and match the interpreter (`same`).
pub(super) fn every_budget(
    fresh: impl Fn() -> (Memory, Memory),
    jit: &mut Jit,
    ctx: &Context,
    retired: u64,
    limits: Limits,
) {
    for budget in 1..retired {
        let (mi, mj) = fresh();
        let short = Limits {
            max_instructions: budget,
            ..limits
        };
        let (exit, got, _) = same(&mi, &mj, jit, ctx, short);
        assert_eq!((exit, got), (Exit::BudgetExhausted, budget));
    }
}

/// A loop whose body is several blocks: for i in 1..=N, odd i: r3 += i and the running sum
/// is stored to DATA; even i: r6 += 1. ISA semantics give r3 = sum of the odd numbers up
/// to N, r6 = N / 2, r5 = N, CTR = 0, and 5 + 7 per odd + 5 per even iteration + 1 (blr)
/// instructions retired.
fn branchy_loop(n: u16) -> Vec<u32> {
    asm(
        CODE,
        &[
            "li r3, 0",                        // 0
            "li r5, 0",                        // 4
            "li r6, 0",                        // 8
            &format!("li r4, {n}"),            // 12
            "mtctr r4",                        // 16
            "addi r5, r5, 1",                  // 20: loop
            "andi. r7, r5, 1",                 // 24
            &format!("beq {:#x}", CODE + 44),  // 28
            "add r3, r3, r5",                  // 32
            "stw r3, 0(r8)",                   // 36
            &format!("b {:#x}", CODE + 48),    // 40
            "addi r6, r6, 1",                  // 44: even
            &format!("bdnz {:#x}", CODE + 20), // 48
            "blr",                             // 52
        ],
    )
}

fn branchy_start() -> Context {
    let mut c = start(CODE);
    c.gpr[8] = u64::from(DATA);
    c
}

#[test]
fn multi_block_loop_runs_to_the_isa_result() {
    let n = 1001u16;
    let code = [(CODE, branchy_loop(n))];
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    let mut jit = Jit::new().unwrap();
    let limits = Limits {
        max_instructions: 1_000_000,
        stop_at: Some(SENTINEL),
    };
    let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &branchy_start(), limits);
    let odd = u64::from(n).div_ceil(2);
    assert_eq!(exit, Exit::Stopped);
    assert_eq!(
        ctx.gpr[3],
        odd * odd,
        "sum of the first k odd numbers is k^2"
    );
    assert_eq!(ctx.gpr[6], u64::from(n) / 2);
    assert_eq!(ctx.gpr[5], u64::from(n));
    assert_eq!(ctx.ctr, 0);
    assert_eq!(retired, 5 + 7 * odd + 5 * (u64::from(n) - odd) + 1);
    assert_eq!(mj.read_u32(DATA).unwrap() as u64, odd * odd);
    // One unit holds the whole loop: entry, loop head, both arms, bdnz and blr.
    assert!(jit.stats().units <= 2, "{}", jit.stats());
    assert_eq!(
        jit.stats().fallback_instructions,
        0,
        "everything, mtctr included, is native: {}",
        jit.stats()
    );
}

/// Every budget that ends inside the loop (each instruction of both arms, several times
/// round) leaves exactly the interpreter's state and count; the engine keeps its units.
#[test]
fn budget_exhaustion_inside_a_loop_is_exact() {
    let code = [(CODE, branchy_loop(40))];
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    let mut jit = Jit::new().unwrap();
    for budget in (1..=80).chain([100, 149, 150, 151, 203, 219, 220, 221, 222, 223]) {
        let limits = Limits {
            max_instructions: budget,
            stop_at: Some(SENTINEL),
        };
        mi.zero(DATA, 4).unwrap();
        mj.zero(DATA, 4).unwrap();
        let (exit, n, _) = same(&mi, &mj, &mut jit, &branchy_start(), limits);
        if budget < 220 {
            assert_eq!((exit, n), (Exit::BudgetExhausted, budget));
        }
    }
    // Resuming from an exhausted state continues the same loop exactly.
    let mut ctx = branchy_start();
    for _ in 0..30 {
        let limits = Limits {
            max_instructions: 7,
            stop_at: Some(SENTINEL),
        };
        let (_, _, next) = same(&mi, &mj, &mut jit, &ctx, limits);
        ctx = next;
    }
}

/// Only the loop head checks the budget (`block::budget_checks`); the arms only count. A
/// store walking 8 bytes per iteration (in the odd arm, a block without a check) runs off
/// the 4 KiB data page in its 512th round, 1022 iterations in: the host fault there must
/// leave the interpreter's count and state, with the budget read back from the pinned
/// register. Budgets around that point end the run just before it, in either arm. The
/// fault's address follows from the ISA: r8 + 8 * (odd iterations so far).
#[test]
fn a_fault_in_a_block_that_does_not_check_the_budget_is_exact() {
    let mut words = branchy_loop(2000);
    // The odd arm's store becomes `stwu r3, 8(r8)`: r8 walks.
    words[9] = asm(CODE + 36, &["stwu r3, 8(r8)"])[0];
    let code = [(CODE, words)];
    let mut jit = Jit::new().unwrap();
    let unlimited = Limits {
        max_instructions: 1_000_000,
        stop_at: Some(SENTINEL),
    };
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    let (exit, n, ctx) = same(&mi, &mj, &mut jit, &branchy_start(), unlimited);
    // 511 stores fit (DATA + 8 .. DATA + 0xff8); the 512th, at DATA + 0x1000, faults.
    assert!(matches!(exit, Exit::Fault { .. }), "{exit:?}");
    assert_eq!(ctx.gpr[8], u64::from(DATA) + 8 * 511);
    assert_eq!(
        ctx.gpr[5], 1023,
        "the 1023rd iteration is the 512th odd one"
    );
    for budget in n - 12..=n + 1 {
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        let limits = Limits {
            max_instructions: budget,
            ..unlimited
        };
        same(&mi, &mj, &mut jit, &branchy_start(), limits);
    }
}

#[test]
fn stop_at_inside_a_loop_stops_there() {
    let code = [(CODE, branchy_loop(9))];
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    let mut jit = Jit::new().unwrap();
    let full = Limits {
        max_instructions: 10_000,
        stop_at: Some(SENTINEL),
    };
    // First compiled without any stop inside the loop...
    same(&mi, &mj, &mut jit, &branchy_start(), full);
    // ...then stopped at the even arm (a block inside the unit), the loop head (a jump
    // target inside it), an instruction in the middle of a block, and the entry.
    for at in [44, 20, 36, 24, 0] {
        let limits = Limits {
            max_instructions: 10_000,
            stop_at: Some(CODE + at),
        };
        let (exit, _, ctx) = same(&mi, &mj, &mut jit, &branchy_start(), limits);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!(ctx.pc, CODE + at);
    }
    // And with the stop gone again, the loop runs to the end.
    let (exit, _, ctx) = same(&mi, &mj, &mut jit, &branchy_start(), full);
    assert_eq!((exit, ctx.gpr[3]), (Exit::Stopped, 25));
}

/// `addi r3, r3, 100`: the word a guest writes over `addi r3, r3, 1`.
pub(super) fn addi_r3(imm: i16) -> u32 {
    asm(0, &[&format!("addi r3, r3, {imm}")])[0]
}

/// A loop that patches its own body ahead of itself: the first iteration adds 1 and
/// overwrites that instruction with `addi r3, r3, 100`; the other nine add 100 each. An
/// engine that fetches the instruction afresh (as the ISA's sequential model and the
/// interpreter do) ends with r3 = 1 + 9 * 100 = 901.
#[test]
fn self_modifying_loop_sees_its_new_instruction() {
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "li r3, 0",                        // 0
                "li r4, 10",                       // 4
                "mtctr r4",                        // 8
                "addi r3, r3, 1",                  // 12: loop, patched
                "stw r9, 12(r10)",                 // 16
                &format!("bdnz {:#x}", CODE + 12), // 20
                "blr",                             // 24
            ],
        ),
    )];
    let (mi, mj) = (machine(&code, Perm::RWX), machine(&code, Perm::RWX));
    let mut jit = Jit::new().unwrap();
    let mut ctx = start(CODE);
    ctx.gpr[9] = u64::from(addi_r3(100));
    ctx.gpr[10] = u64::from(CODE);
    let limits = Limits {
        max_instructions: 1000,
        stop_at: Some(SENTINEL),
    };
    let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
    assert_eq!((exit, got.gpr[3]), (Exit::Stopped, 901));
    assert!(jit.stats().invalidations >= 1, "{}", jit.stats());
    assert!(jit.stats().units_dropped >= 1, "{}", jit.stats());
}

/// A store into the block being executed, a few instructions ahead: the rest of the block
/// must come from the new word (r3 = 100, not 1).
#[test]
fn store_ahead_in_the_same_block_takes_effect() {
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "li r3, 0",
                "stw r9, 12(r10)",
                "nop",
                "addi r3, r3, 1",
                "blr",
            ],
        ),
    )];
    let (mi, mj) = (machine(&code, Perm::RWX), machine(&code, Perm::RWX));
    let mut jit = Jit::new().unwrap();
    let mut ctx = start(CODE);
    ctx.gpr[9] = u64::from(addi_r3(100));
    ctx.gpr[10] = u64::from(CODE);
    let limits = Limits {
        max_instructions: 1000,
        stop_at: Some(SENTINEL),
    };
    // Every budget, so the write is also seen when the run ends right after it.
    for budget in 1..=6 {
        let (mi, mj) = (machine(&code, Perm::RWX), machine(&code, Perm::RWX));
        let l = Limits {
            max_instructions: budget,
            ..limits
        };
        same(&mi, &mj, &mut Jit::new().unwrap(), &ctx, l);
    }
    let (_, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
    assert_eq!(got.gpr[3], 100);
}

/// The host rewrites code the JIT has compiled (a loader placing a new image over an old
/// one): the next run executes the new code.
#[test]
fn code_rewritten_by_the_host_is_recompiled() {
    let m = machine(&[(CODE, asm(CODE, &["li r3, 1", "blr"]))], Perm::RX);
    let mut jit = Jit::new().unwrap();
    let run = |jit: &mut Jit| r3_after_run(jit, &m, CODE);
    assert_eq!(run(&mut jit), 1);
    m.poke_bytes(CODE, &bytes(&asm(CODE, &["li r3, 2"])))
        .unwrap();
    assert_eq!(run(&mut jit), 2);
    // Unmapping and mapping again (freeing an image, loading another) also counts.
    m.map(CODE, 0x1000, Perm::NONE).unwrap();
    m.map(CODE, 0x1000, Perm::RX).unwrap();
    m.poke_bytes(CODE, &bytes(&asm(CODE, &["li r3, 3", "blr"])))
        .unwrap();
    assert_eq!(run(&mut jit), 3);

    // A write straight through the host mapping: where the host catches faults, the JIT
    // write-protected the page it compiled from, so the write is seen all the same.
    // (`protect` itself logs the page, so the code is compiled again after it.)
    m.protect(CODE, 0x1000, Perm::RWX).unwrap();
    assert_eq!(run(&mut jit), 3);
    // SAFETY: the page is mapped writable for the guest; nothing runs guest code now, and a
    // write-protected page is made writable again by the fault handler.
    unsafe { (m.base().add(CODE as usize) as *mut u32).write(asm(CODE, &["li r3, 4"])[0].to_be()) };
    if m.host_faults() {
        assert_eq!(run(&mut jit), 4, "a raw write to a code page is seen");
    }
}

/// Memory with physical views: `code` (offset, lines) placed in the first view's first page,
/// mapped RWX, and the same RAM mapped RW through the second view. Returns the code's base.
fn aliased_code(code: &[(u32, &[&str])]) -> (Memory, u32) {
    let [a, b, _] = crate::memory::PHYSICAL_VIEWS;
    let m = Memory::with_physical(0x10000).unwrap();
    m.map(a, 0x1000, Perm::RWX).unwrap();
    m.map(b, 0x1000, Perm::RW).unwrap();
    for &(offset, lines) in code {
        m.poke_bytes(a + offset, &bytes(&asm(a + offset, lines)))
            .unwrap();
    }
    (m, a)
}

/// Writes `word` at `offset` of the page `aliased_code` placed, through the second view,
/// behind the memory's back: the host page is made writable directly first, as a device
/// writing RAM would find it, so no fault tells the memory.
fn write_behind_the_memory(m: &Memory, offset: u32, word: u32) {
    let b = crate::memory::PHYSICAL_VIEWS[1] + offset;
    // SAFETY: the second view is mapped; its page is made writable for the host only, and
    // nothing runs guest code now.
    unsafe {
        let page = m.base().add((b & !0xfff) as usize);
        libc::mprotect(page.cast(), 0x1000, libc::PROT_READ | libc::PROT_WRITE);
        (m.base().add(b as usize) as *mut u32).write(word.to_be());
    }
}

/// Code compiled through one physical view is dropped when the same RAM is written through
/// another: by a guest store (the memory marks the page in every view) and, where the host
/// catches faults, by a raw write through the host mapping.
#[test]
fn a_write_through_another_view_reaches_code_compiled_from_the_first() {
    for host_faults in [true, false] {
        let (m, a) = aliased_code(&[(0, &["li r3, 3", "blr"])]);
        let mut jit = Jit::new().unwrap();
        jit.set_host_faults(host_faults);
        let limits = Limits {
            max_instructions: 100,
            stop_at: Some(SENTINEL),
        };
        let run = |jit: &mut Jit| r3_after_run(jit, &m, a);
        let b = crate::memory::PHYSICAL_VIEWS[1];
        assert_eq!(run(&mut jit), 3);
        m.write_u32(b, asm(a, &["li r3, 4"])[0]).unwrap();
        assert_eq!(run(&mut jit), 4, "a store through the other view is seen");
        // By a guest store in generated code (its own code sits on the same page, so it
        // is compiled again after the store too).
        let mut ctx = start(a);
        ctx.gpr[3] = u64::from(asm(a, &["li r3, 5"])[0]);
        ctx.gpr[4] = u64::from(b);
        let store = a + 0x100;
        m.poke_bytes(store, &bytes(&asm(store, &["stw r3, 0(r4)", "blr"])))
            .unwrap();
        ctx.pc = store;
        let (exit, _) = jit.run(&mut ctx, &m, limits).unwrap();
        assert_eq!(exit, Exit::Stopped);
        assert_eq!(
            run(&mut jit),
            5,
            "a guest store through the other view is seen"
        );
        if m.host_faults() && host_faults {
            // SAFETY: the second view is mapped read-write for the guest (write-protected by
            // the host while it holds marked code); nothing runs guest code now.
            unsafe {
                (m.base().add(b as usize) as *mut u32).write(asm(a, &["li r3, 6"])[0].to_be())
            };
            assert_eq!(
                run(&mut jit),
                6,
                "a raw host write through the other view is seen"
            );
        }
    }
}

/// A write the memory cannot see (a device's, behind its page protection) needs the explicit
/// call: `Jit::invalidate_range` is this engine's, `Memory::invalidate_code` everyone's.
#[test]
fn explicit_invalidation_reaches_code_changed_behind_the_memory() {
    let (m, a) = aliased_code(&[(0, &["li r3, 3", "blr"])]);
    let mut jit = Jit::new().unwrap();
    let run = |jit: &mut Jit| r3_after_run(jit, &m, a);
    let write_alias = |word: u32| write_behind_the_memory(&m, 0, word);
    assert_eq!(run(&mut jit), 3);
    write_alias(asm(a, &["li r3, 4"])[0]);
    assert_eq!(run(&mut jit), 3, "stale until told");
    jit.invalidate_range(a, 4);
    assert_eq!(run(&mut jit), 4);
    write_alias(asm(a, &["li r3, 5"])[0]);
    assert_eq!(run(&mut jit), 4, "stale until told");
    m.invalidate_code(a, 4);
    assert_eq!(run(&mut jit), 5);
}

/// `icbi` on a block whose bytes changed behind the memory's back drops the compiled copy.
#[test]
fn icbi_drops_compiled_code() {
    let f = CODE + 0x100;
    let m = machine(
        &[
            (f, asm(f, &["li r3, 1", "blr"])),
            (CODE, asm(CODE, &["icbi 0, r10", "isync", "blr"])),
        ],
        Perm::RX,
    );
    let mut jit = Jit::new().unwrap();
    let limits = Limits {
        max_instructions: 100,
        stop_at: Some(SENTINEL),
    };
    let run = |jit: &mut Jit, pc: u32| {
        let mut c = start(pc);
        c.gpr[10] = u64::from(f);
        jit.run(&mut c, &m, limits).unwrap();
        c.gpr[3]
    };
    assert_eq!(run(&mut jit, f), 1);
    // The new instruction is written through another view of the same RAM, behind the
    // memory's back.
    let (m, a) = aliased_code(&[
        (0x100, &["li r3, 1", "blr"]),
        (0, &["icbi 0, r10", "isync", "blr"]),
    ]);
    let g = a + 0x100;
    let run = |jit: &mut Jit, pc: u32| {
        let mut c = start(pc);
        c.gpr[10] = u64::from(g);
        jit.run(&mut c, &m, limits).unwrap();
        c.gpr[3]
    };
    assert_eq!(run(&mut jit, g), 1);
    write_behind_the_memory(&m, 0x100, asm(g, &["li r3, 2"])[0]);
    assert_eq!(run(&mut jit, g), 1, "stale until the guest says so");
    run(&mut jit, a);
    assert_eq!(run(&mut jit, g), 2);
}

/// Two engines on one memory (two hardware threads): a guest store by one drops the other's
/// copy of the code.
#[test]
fn a_store_by_one_engine_invalidates_another() {
    let f = CODE + 0x100;
    let m = machine(
        &[
            (f, asm(f, &["li r3, 1", "blr"])),
            (CODE, asm(CODE, &["stw r9, 0(r10)", "blr"])),
        ],
        Perm::RWX,
    );
    let (mut a, mut b) = (Jit::new().unwrap(), Jit::new().unwrap());
    let limits = Limits {
        max_instructions: 100,
        stop_at: Some(SENTINEL),
    };
    let run = |jit: &mut Jit, pc: u32| {
        let mut c = start(pc);
        c.gpr[9] = u64::from(asm(f, &["li r3, 7"])[0]);
        c.gpr[10] = u64::from(f);
        jit.run(&mut c, &m, limits).unwrap();
        c.gpr[3]
    };
    assert_eq!(run(&mut a, f), 1);
    run(&mut b, CODE);
    assert_eq!(run(&mut a, f), 7);
    let stats = a.stats().to_string();
    assert!(
        stats.contains("1 code-page writes invalidated code"),
        "{stats}"
    );
}

/// Two stores to the same address with nothing in between: Cranelift may drop the first
/// as dead, which must not move a fault to the second. ISA: the first store faults (the page
/// is read-only), so the creqv alone retires and PC is the first store's.
#[test]
fn a_fault_on_the_first_of_two_stores_to_one_address_is_reported_there() {
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "creqv 5, 24, 2",
                "stwbrx r9, r4, r7",
                "stwux r9, r4, r7",
                "blr",
            ],
        ),
    )];
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    let mut jit = Jit::new().unwrap();
    let mut ctx = start(CODE);
    ctx.gpr[4] = u64::from(CODE + 0x100);
    ctx.gpr[7] = 0x1f;
    let limits = Limits {
        max_instructions: 100,
        stop_at: Some(SENTINEL),
    };
    let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, limits);
    let fault = crate::Fault {
        addr: CODE + 0x11f,
        kind: crate::memory::AccessKind::Write,
    };
    assert_eq!((exit, retired, got.pc), (Exit::Fault(fault), 1, CODE + 4));
}

/// A fault after a store, register updates and an instruction the interpreter ran: the JIT
/// resumes from the last point where the context was exact and must not repeat anything
/// with an effect. ISA: everything before the faulting load retires (5 + 1 instructions),
/// r3 = 6, r6 = 5, r7 = 11, f1 = 2^-1073 (the denormal sum 2^-1074 + 2^-1074, exact),
/// memory at DATA = 5, PC = the faulting load.
#[test]
fn a_fault_after_stores_and_interpreted_instructions_resumes_exactly() {
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "li r3, 5",
                "stw r3, 0(r5)",
                "addi r3, r3, 1",
                "fadd f1, f1, f1",
                "lwz r6, 0(r5)",
                "add r7, r3, r6",
                "lwz r8, 0(r9)",
                "blr",
            ],
        ),
    )];
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    let mut jit = Jit::new().unwrap();
    let mut ctx = start(CODE);
    ctx.gpr[5] = u64::from(DATA);
    ctx.gpr[9] = 0x4000_0000;
    ctx.fpr[1] = 1;
    let limits = Limits {
        max_instructions: 100,
        stop_at: Some(SENTINEL),
    };
    let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, limits);
    let fault = crate::Fault {
        addr: 0x4000_0000,
        kind: crate::memory::AccessKind::Read,
    };
    assert_eq!((exit, retired, got.pc), (Exit::Fault(fault), 6, CODE + 24));
    assert_eq!(
        (got.gpr[3], got.gpr[6], got.gpr[7], got.fpr[1]),
        (6, 5, 11, 2)
    );
    assert_eq!(mj.read_u32(DATA).unwrap(), 5);
}

/// A `switch` loop: for i in 0..n, `bctr` through an 8-entry table of case addresses in
/// DATA (entry i & 7), each case adding its own constant to r3 and branching back to the
/// head. Table entries 0..=6 go to cases 0..=3 as 0,1,2,3,0,1,2 and entry 7 to case 4, so
/// per 8 iterations r3 gains 2*(1+10+100) + 1000 + 10000 (ISA semantics of addi/add).
fn switch_loop(n: u16) -> (Vec<u32>, Vec<u32>) {
    switch_loop_spaced(n, 0)
}

/// `switch_loop` with `gap` `nop`s after each case, which spreads the targets apart.
fn switch_loop_spaced(n: u16, gap: u32) -> (Vec<u32>, Vec<u32>) {
    let head = CODE + 12;
    let case = |k: u32| CODE + 40 + (12 + 4 * gap) * k;
    let mut lines: Vec<String> = vec![
        "li r3, 0".into(),                 // 0
        "li r5, 0".into(),                 // 4
        format!("li r4, {n}"),             // 8
        "cmpw r5, r4".into(),              // 12: head
        format!("bge {:#x}", case(5)),     // 16
        "rlwinm r7, r5, 2, 27, 29".into(), // 20: (i & 7) * 4
        "lwzx r8, r6, r7".into(),          // 24
        "mtctr r8".into(),                 // 28
        "bctr".into(),                     // 32
        "nop".into(),                      // 36
    ];
    for add in [1, 10, 100, 1000, 10000] {
        lines.push(format!("addi r3, r3, {add}"));
        lines.push("addi r5, r5, 1".into());
        lines.push(format!("b {head:#x}"));
        for _ in 0..gap {
            lines.push("nop".into());
        }
    }
    lines.push("blr".into());
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let table = [0, 1, 2, 3, 0, 1, 2, 4].map(case).to_vec();
    (asm(CODE, &refs), table)
}

/// Runs a `switch_loop` of `n` iterations (table at DATA) to its end on both machines and
/// checks the sum and the retired count; returns the start and the limits used.
fn run_switch(mi: &Memory, mj: &Memory, jit: &mut Jit, n: u16) -> (Context, Limits) {
    let mut ctx = start(CODE);
    ctx.gpr[6] = u64::from(DATA);
    let limits = Limits {
        max_instructions: 1_000_000,
        stop_at: Some(SENTINEL),
    };
    let (exit, retired, end) = same(mi, mj, jit, &ctx, limits);
    assert_eq!(exit, Exit::Stopped);
    assert_eq!(end.gpr[3], switch_sum(u64::from(n)));
    // 3 + per iteration: head 6, case 3; then the failed compare, bge and blr.
    assert_eq!(retired, 3 + 9 * u64::from(n) + 3);
    (ctx, limits)
}

fn switch_sum(n: u64) -> u64 {
    let per = [1, 10, 100, 1000, 1, 10, 100, 10000];
    (0..n).map(|i| per[(i & 7) as usize]).sum()
}

/// Targets too far apart for a table of their own (more than `lift::SPARSEST` entries per
/// target) are told apart by a tree of compares: the loop still runs inside one unit once
/// its five cases are learned, and results, retired counts and budgets match the
/// interpreter (the sums follow from the ISA as for `switch_loop`).
#[test]
fn a_sparse_switch_runs_inside_one_unit() {
    let n = 203u16;
    let (code, table) = switch_loop_spaced(n, 200);
    let code = [(CODE, code)];
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    for m in [&mi, &mj] {
        m.poke_bytes(DATA, &bytes(&table)).unwrap();
    }
    let mut jit = Jit::new().unwrap();
    jit.set_hot_threshold(32);
    let (ctx, limits) = run_switch(&mi, &mj, &mut jit, n);
    // Again with the links and the table emptied: nothing goes through the dispatcher.
    jit.fast.fill(super::FastEntry::default());
    for cell in jit.links.values() {
        cell.store(std::ptr::null_mut(), std::sync::atomic::Ordering::Release);
    }
    let before = jit.stats().entries;
    same(&mi, &mj, &mut jit, &ctx, limits);
    assert!(jit.stats().entries - before <= 2, "{}", jit.stats());
    for max in [5, 40, 41, 42, 43, 44, 45, 46, 47, 48, 300, 1001] {
        let limits = Limits {
            max_instructions: max,
            stop_at: Some(SENTINEL),
        };
        same(&mi, &mj, &mut jit, &ctx, limits);
    }
}

/// The `bctr`'s targets join its unit as they are seen, so the loop ends up running inside
/// one unit. Compiled on first entry, the unit learns a target each time it misses one
/// (compiled again each time) until `INDIRECT_RELEARN` recompilations; the fifth case then
/// goes through the indirect-branch table. With a hot threshold the targets come from the
/// cold interpretation first. Results, retired counts and every budget inside the loop match
/// the interpreter.
#[test]
fn a_switch_runs_inside_one_unit() {
    let n = 403u16;
    let (code, table) = switch_loop(n);
    let code = [(CODE, code)];
    // The table's addresses as they are, then with both low bits set, which `bcctr` ignores
    // (the ISA clears them: CTR[0:61] || 0b00).
    for (hot, low) in [(0, 0), (32, 0), (0, 3), (32, 3)] {
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        let in_memory: Vec<u32> = table.iter().map(|t| t | low).collect();
        for m in [&mi, &mj] {
            m.poke_bytes(DATA, &bytes(&in_memory)).unwrap();
        }
        let mut jit = Jit::new().unwrap();
        jit.set_hot_threshold(hot);
        let (ctx, limits) = run_switch(&mi, &mj, &mut jit, n);
        let stats = jit.stats().clone();
        assert!(
            stats.units <= 2 + u64::from(super::INDIRECT_RELEARN) + 2,
            "hot {hot}: {stats}"
        );
        // Run again on the same engine: at most the entry's unit, dropped while learning,
        // is compiled again; after that nothing is left to learn or compile.
        let before = jit.stats().units;
        same(&mi, &mj, &mut jit, &ctx, limits);
        assert!(
            jit.stats().units <= before + 1,
            "hot {hot}: {}",
            jit.stats()
        );
        // With the links between units and the indirect-branch table emptied, every move
        // from one unit to another goes through the dispatcher (which fills the table
        // again): the loop stays inside one unit, so the dispatcher never enters the four
        // learned cases.
        jit.fast.fill(super::FastEntry::default());
        for cell in jit.links.values() {
            cell.store(std::ptr::null_mut(), std::sync::atomic::Ordering::Release);
        }
        let before = jit.stats().units;
        same(&mi, &mj, &mut jit, &ctx, limits);
        assert_eq!(jit.stats().units, before, "hot {hot}: {}", jit.stats());
        for &case in &table[..4] {
            let entry = jit.fast[super::runtime::fast_index(case)];
            assert_ne!(
                entry.key,
                super::runtime::fast_key(case, ctx.is_64bit()),
                "hot {hot}: the dispatcher entered {case:#x}"
            );
        }
        // Budgets ending anywhere in the loop, on the learned units.
        for budget in [1, 7, 40, 41, 42, 43, 100, 1001, 2222] {
            let limits = Limits {
                max_instructions: budget,
                stop_at: Some(SENTINEL),
            };
            let (exit, got, _) = same(&mi, &mj, &mut jit, &ctx, limits);
            assert_eq!((exit, got), (Exit::BudgetExhausted, budget));
        }
    }
}

/// A loop nest: `outer` runs `inner` (r5 = 1..=10 summed into r3) five times, then the
/// function returns. ISA result: r3 = 5 * 55 = 275, r4 = 5.
fn loop_nest() -> Vec<u32> {
    asm(
        CODE,
        &[
            "li r3, 0",                       // 0
            "li r4, 0",                       // 4
            "li r5, 0",                       // 8: outer
            "addi r5, r5, 1",                 // 12: inner
            "add r3, r3, r5",                 // 16
            "cmpwi r5, 10",                   // 20
            &format!("blt {:#x}", CODE + 12), // 24
            "addi r4, r4, 1",                 // 28
            "cmpwi r4, 5",                    // 32
            &format!("blt {:#x}", CODE + 8),  // 36
            "addi r6, r6, 1",                 // 40: after both loops
            "blr",                            // 44
        ],
    )
}

/// A unit entered at a loop head holds that loop only (`block::focus_on_loop`): the inner
/// loop's unit is the inner loop, the outer loop's holds both loops but not the code after
/// them, and the function's entry (no loop head) reaches everything.
#[test]
fn a_unit_entered_at_a_loop_head_holds_that_loop() {
    let code = [(CODE, loop_nest())];
    let m = machine(&code, Perm::RX);
    let starts = |entry: u32| -> Vec<u32> {
        let empty = super::block::IndirectTargets::new();
        let region =
            super::block::discover_region(&m, entry, None, 64, &empty, &|_| false).unwrap();
        let mut s: Vec<u32> = region.blocks.iter().map(|b| b.start() - CODE).collect();
        s.sort_unstable();
        s
    };
    assert_eq!(starts(CODE + 12), [12]);
    assert_eq!(starts(CODE + 8), [8, 12, 28]);
    assert_eq!(starts(CODE), [0, 8, 12, 28, 40]);
    // And the nest runs to the ISA result whichever units it is compiled into.
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    for threshold in [0, 3] {
        let mut jit = Jit::new().unwrap();
        jit.set_hot_threshold(threshold);
        let limits = Limits {
            max_instructions: 10_000,
            stop_at: Some(SENTINEL),
        };
        let (exit, _, ctx) = same(&mi, &mj, &mut jit, &start(CODE), limits);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((ctx.gpr[3], ctx.gpr[4], ctx.gpr[6]), (275, 5, 1));
    }
}

/// A unit compiled after the unit it branches to links to it at once: 1000 calls to a
/// function in another window (so a unit of its own) whose unit exists already go from
/// unit to unit, not through the dispatcher. r3 counts the calls: 1000 by the ISA.
#[test]
fn a_branch_to_a_unit_compiled_earlier_is_linked() {
    const CALLEE: u32 = CODE + 0x1_0000;
    let caller = asm(
        CODE,
        &[
            "mflr r10",
            "li r3, 0",
            "li r4, 1000",
            "mtctr r4",
            &format!("bl {CALLEE:#x}"), // 16: loop
            &format!("bdnz {:#x}", CODE + 16),
            "mtlr r10",
            "blr",
        ],
    );
    let callee = asm(CALLEE, &["addi r3, r3, 1", "blr"]);
    let (mi, mj) = (
        machine(&[(CODE, caller.clone())], Perm::RX),
        machine(&[(CODE, caller)], Perm::RX),
    );
    for m in [&mi, &mj] {
        m.map(CALLEE, 0x1000, Perm::RX).unwrap();
        m.poke_bytes(CALLEE, &bytes(&callee)).unwrap();
    }
    let mut jit = Jit::new().unwrap();
    let limits = Limits {
        max_instructions: 100_000,
        stop_at: Some(SENTINEL),
    };
    // The callee alone first: its unit is compiled before the caller's.
    same(&mi, &mj, &mut jit, &start(CALLEE), limits);
    let before = jit.stats().entries;
    let (exit, _, ctx) = same(&mi, &mj, &mut jit, &start(CODE), limits);
    assert_eq!((exit, ctx.gpr[3]), (Exit::Stopped, 1000));
    let entries = jit.stats().entries - before;
    assert!(
        entries < 10,
        "{entries} entries from the dispatcher for 1000 calls"
    );
}

/// With every context slot of the memory taken by other engines, an engine runs on the
/// caller's context and takes the guest base as a parameter: the same results as the
/// interpreter (and as with a slot). The loop nest's ISA result is r3 = 275.
#[test]
fn an_engine_without_a_context_slot_runs_the_same() {
    let code = [(CODE, loop_nest())];
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    while mj.claim_context_slot().is_some() {}
    let limits = Limits {
        max_instructions: 10_000,
        stop_at: Some(SENTINEL),
    };
    let mut jit = Jit::new().unwrap();
    let (_, _, ctx) = same(&mi, &mj, &mut jit, &start(CODE), limits);
    assert_eq!(ctx.gpr[3], 275);
    // And by choice, on a memory with slots free.
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    let mut jit = Jit::new().unwrap();
    jit.set_context_slots(false);
    let (_, _, ctx) = same(&mi, &mj, &mut jit, &start(CODE), limits);
    assert_eq!(ctx.gpr[3], 275);
}

/// A conditional trap inside a loop is a compare and a cold exit, not a block end: the loop
/// stays one native unit with no interpreter calls until the trap fires. `twi 8, r3, 57`
/// (TO = 8: trap if r3 > 57, signed) fires when r3 first reaches 58, before the add of that
/// iteration: by the ISA, r3 = 58, r5 = 1 + 2 + ... + 57 = 1653, and the trap's own
/// address is where the exit leaves PC. The words `tdeq r6, r7` and `tweq r6, r7` then
/// differ only in width: the doublewords differ, their low words (5) are equal, so only the
/// word trap fires.
#[test]
fn a_conditional_trap_leaves_only_when_it_fires() {
    let c = code_at;
    let words = asm(
        CODE,
        &[
            "li r3, 0",               // 0
            "li r4, 100",             // 4
            "addi r3, r3, 1",         // 8: loop
            "twi 8, r3, 57",          // 12
            "add r5, r5, r3",         // 16
            "cmpw r3, r4",            // 20
            &format!("blt {}", c(8)), // 24
            "blr",                    // 28
        ],
    );
    let width = asm(
        CODE + 0x100,
        &["tdeq r6, r7", "addi r8, r8, 1", "tweq r6, r7", "blr"],
    );
    let code = [(CODE, words), (CODE + 0x100, width)];
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    let mut jit = Jit::new().unwrap();
    let limits = Limits {
        max_instructions: 1_000_000,
        stop_at: Some(SENTINEL),
    };
    let (exit, _, ctx) = same(&mi, &mj, &mut jit, &start(CODE), limits);
    let trap = asm(CODE + 12, &["twi 8, r3, 57"])[0];
    assert_eq!(exit, Exit::Trap { word: trap });
    assert_eq!((ctx.pc, ctx.gpr[3], ctx.gpr[5]), (CODE + 12, 58, 1653));
    assert_eq!(
        jit.stats().fallback_instructions,
        0,
        "the trap is lifted: {}",
        jit.stats()
    );
    // Every budget around the trap ends exactly where the interpreter does.
    for budget in [280, 285, 286, 287, 288, 289, 290] {
        let limits = Limits {
            max_instructions: budget,
            stop_at: Some(SENTINEL),
        };
        same(&mi, &mj, &mut jit, &start(CODE), limits);
    }

    let mut ctx = start(CODE + 0x100);
    ctx.gpr[6] = 0x1_0000_0005;
    ctx.gpr[7] = 5;
    let (exit, _, ctx) = same(&mi, &mj, &mut jit, &ctx, limits);
    let tweq = asm(CODE + 0x108, &["tweq r6, r7"])[0];
    assert_eq!(exit, Exit::Trap { word: tweq });
    assert_eq!((ctx.pc, ctx.gpr[8]), (CODE + 0x108, 1));
}

/// An atomic increment loop (lwarx, addi, stwcx., retry on failure) runs natively, with
/// host faults and with explicit checks. By the ISA, every store-conditional after its own
/// lwarx succeeds (no other thread), so the word at DATA counts the iterations: 100, and
/// r6 = 100. Then, reserved at DATA, a store-conditional to DATA + 8 must fail (CR0 = 0, 0,
/// 0, SO) and store nothing, even where memory holds the reserved value; one to the
/// read-only code page faults there, with the interpreter's state; a misaligned lwarx
/// faults at its own address.
#[test]
fn reservations_run_natively_and_exactly() {
    let c = code_at;
    let words = asm(
        CODE,
        &[
            "lwarx r5, 0, r8",        // 0: loop
            "addi r5, r5, 1",         // 4
            "stwcx. r5, 0, r8",       // 8
            &format!("bne {}", c(0)), // 12
            "addi r6, r6, 1",         // 16
            "cmpw r6, r7",            // 20
            &format!("blt {}", c(0)), // 24
            "blr",                    // 28
        ],
    );
    let other = asm(
        CODE + 0x100,
        &["lwarx r5, 0, r8", "stwcx. r11, r8, r9", "mfcr r10", "blr"],
    );
    let code = [(CODE, words), (CODE + 0x100, other)];
    let limits = Limits {
        max_instructions: 100_000,
        stop_at: Some(SENTINEL),
    };
    for host_faults in [true, false] {
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        let mut jit = Jit::new().unwrap();
        jit.set_host_faults(host_faults);
        let mut ctx = start(CODE);
        ctx.gpr[8] = u64::from(DATA);
        ctx.gpr[7] = 100;
        let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((got.gpr[6], mj.read_u32(DATA).unwrap()), (100, 100));
        assert_eq!(jit.stats().fallback_instructions, 0, "{}", jit.stats());

        // Reserved at DATA, stored at DATA + 8, which holds the reserved value too: fails
        // all the same, memory unchanged.
        for m in [&mi, &mj] {
            m.write_u32(DATA + 8, 100).unwrap();
        }
        let mut ctx = start(CODE + 0x100);
        ctx.gpr[8] = u64::from(DATA);
        ctx.gpr[9] = 8;
        ctx.gpr[11] = 7;
        ctx.xer_so = 1;
        let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!(got.gpr[10] >> 28, 0b0001, "CR0 = SO only");
        assert_eq!(mj.read_u32(DATA + 8).unwrap(), 100);

        // The same pair aimed at the code page: the store-conditional faults there.
        let mut ctx = start(CODE + 0x100);
        ctx.gpr[8] = u64::from(CODE);
        ctx.gpr[9] = 0;
        let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert!(matches!(exit, Exit::Fault(_)), "{exit:?}");
        assert_eq!(got.pc, CODE + 0x104);

        // Misaligned: the lwarx faults.
        let mut ctx = start(CODE + 0x100);
        ctx.gpr[8] = u64::from(DATA + 2);
        let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert!(matches!(exit, Exit::Fault(_)), "{exit:?}");
        assert_eq!(got.pc, CODE + 0x100);
    }
}

/// Two machines holding `code` at CODE, with the page after DATA's mapped read-only, and an
/// engine with or without host faults.
fn read_only_after_data(code: &[u32], host_faults: bool) -> (Memory, Memory, Jit) {
    let code = [(CODE, code.to_vec())];
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    for m in [&mi, &mj] {
        m.map(DATA + 0x1000, 0x1000, Perm::READ)
            .expect("map a read-only page");
    }
    let mut jit = Jit::new().unwrap();
    jit.set_host_faults(host_faults);
    (mi, mj, jit)
}

/// stmw and lmw run natively, and a store-multiple whose range runs from a writable page
/// into a read-only one writes nothing (the ISA's precise interrupt: the instruction has
/// no effect). By the ISA: `stmw r28, 0(r8)` stores r28..r31 at DATA..DATA+15, `lmw r24,
/// 0(r8)` then loads r24..r31 from DATA..DATA+31 (the four stored words, then four zero
/// words), so r24..r27 = 0x11, 0x22, 0x33, 0x44 and r28..r31 = 0. At DATA + 0xff8 the
/// range's last 8 bytes fall in the page after DATA's, mapped read-only here.
#[test]
fn store_multiple_checks_its_whole_range_first() {
    let words = asm(CODE, &["stmw r28, 0(r8)", "lmw r24, 0(r8)", "blr"]);
    let limits = Limits {
        max_instructions: 1000,
        stop_at: Some(SENTINEL),
    };
    for host_faults in [true, false] {
        let (mi, mj, mut jit) = read_only_after_data(&words, host_faults);
        let mut ctx = start(CODE);
        ctx.gpr[8] = u64::from(DATA);
        for (k, r) in (28..32).enumerate() {
            // High words that the word stores must drop.
            ctx.gpr[r] = 0xdead_beef_0000_0000 | (0x11 * (k as u64 + 1));
        }
        let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!(got.gpr[24..32], [0x11, 0x22, 0x33, 0x44, 0, 0, 0, 0]);
        assert_eq!(jit.stats().fallback_instructions, 0, "{}", jit.stats());

        ctx.gpr[8] = u64::from(DATA + 0xff8);
        let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert!(matches!(exit, Exit::Fault(_)), "{exit:?}");
        assert_eq!(got.pc, CODE);
        assert_eq!(mj.read_u32(DATA + 0xff8).unwrap(), 0, "nothing written");
    }
}

/// lswi and stswi run natively. By the ISA, `lswi r31, r8, 7` fills r31 with bytes 0..3
/// and r0 (the registers wrap) with bytes 4..6, left-justified and zero below: from the
/// bytes 1, 2, ..., 8 at DATA, r31 = 0x01020304 and r0 = 0x05060700. `stswi r31, r9, 7`
/// writes those seven bytes back at r9 and not the eighth. Aimed at DATA + 0xffc, whose
/// range runs into the read-only page after DATA's, the store faults and writes nothing.
#[test]
fn string_moves_run_natively_and_store_all_or_nothing() {
    let words = asm(CODE, &["lswi r31, r8, 7", "stswi r31, r9, 7", "blr"]);
    let limits = Limits {
        max_instructions: 1000,
        stop_at: Some(SENTINEL),
    };
    for host_faults in [true, false] {
        let (mi, mj, mut jit) = read_only_after_data(&words, host_faults);
        for m in [&mi, &mj] {
            m.poke_bytes(DATA, &[1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
        }
        let mut ctx = start(CODE);
        ctx.gpr[8] = u64::from(DATA);
        ctx.gpr[9] = u64::from(DATA + 0x100);
        let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((got.gpr[31], got.gpr[0]), (0x0102_0304, 0x0506_0700));
        let mut back = [0u8; 8];
        mj.read_bytes(DATA + 0x100, &mut back).unwrap();
        assert_eq!(back, [1, 2, 3, 4, 5, 6, 7, 0]);
        assert_eq!(jit.stats().fallback_instructions, 0, "{}", jit.stats());

        ctx.gpr[9] = u64::from(DATA + 0xffc);
        let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert!(matches!(exit, Exit::Fault(_)), "{exit:?}");
        assert_eq!(got.pc, CODE + 4);
        assert_eq!(mj.read_u32(DATA + 0xffc).unwrap(), 0, "nothing written");
    }
}

/// Learned `bcctr` targets (`block::IndirectTargets`) join a unit only where they lead back
/// to the branch: the case at CODE + 16 branches back to the dispatch and is taken in, the
/// one at CODE + 24 returns and is left out (`without_dead_end_targets`).
#[test]
fn a_unit_takes_in_only_targets_that_come_back() {
    let c = code_at;
    let lines = [
        "lwzx r8, r6, r7".to_string(), // 0: dispatch
        "mtctr r8".into(),             // 4
        "bctr".into(),                 // 8: the site
        "nop".into(),                  // 12
        "addi r3, r3, 1".into(),       // 16: a case that loops
        format!("b {}", c(0)),         // 20
        "addi r3, r3, 2".into(),       // 24: a case that leaves
        "blr".into(),                  // 28
    ];
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let code = [(CODE, asm(CODE, &refs))];
    let m = machine(&code, Perm::RX);
    let targets = super::block::IndirectTargets::from([(CODE + 8, vec![CODE + 16, CODE + 24])]);
    let region = super::block::discover_region(&m, CODE, None, 64, &targets, &|_| false).unwrap();
    let starts: Vec<u32> = region.blocks.iter().map(|b| b.start() - CODE).collect();
    assert_eq!(starts, [0, 16]);
    assert_eq!(region.blocks[0].indirect, [CODE + 16]);
}

/// A `bcctr` reached only through another one's learned target neither learns nor takes in
/// its own targets: its copy of a dispatch (CODE + 8, reached as the first site's target)
/// would otherwise draw its cases in too, though they loop back to the entry.
#[test]
fn a_dispatch_reached_through_a_target_does_not_learn() {
    let c = code_at;
    let lines = [
        "mtctr r8".to_string(), // 0
        "bctr".into(),          // 4: first site
        "mtctr r9".into(),      // 8: its target, a second site
        "bctr".into(),          // 12
        format!("b {}", c(0)),  // 16: the second site's target
    ];
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let code = [(CODE, asm(CODE, &refs))];
    let m = machine(&code, Perm::RX);
    let targets = super::block::IndirectTargets::from([
        (CODE + 4, vec![CODE + 8]),
        (CODE + 12, vec![CODE + 16]),
    ]);
    let region = super::block::discover_region(&m, CODE, None, 64, &targets, &|_| false).unwrap();
    let starts: Vec<u32> = region.blocks.iter().map(|b| b.start() - CODE).collect();
    assert_eq!(starts, [0]);
    assert!(region.blocks[0].learns);
    // Entered at the second site, the first is the one reached through a target.
    let region =
        super::block::discover_region(&m, CODE + 8, None, 64, &targets, &|_| false).unwrap();
    let learns: Vec<(u32, bool)> = region
        .blocks
        .iter()
        .map(|b| (b.start() - CODE, b.learns))
        .collect();
    assert_eq!(learns, [(8, true)]);
}

/// Units do not follow a call into its callee (`block::calls`), except a `bl` to the next
/// instruction (the idiom that reads the address of the code): the unit from CODE holds
/// the idiom's target but neither the callee at CODE + 100 nor the return site after the
/// call (reached by the callee's `blr`, which is not in the unit).
#[test]
fn a_unit_does_not_follow_calls_into_their_callees() {
    let c = code_at;
    let mut lines: Vec<String> = vec![
        format!("bl {}", c(4)),   // 0: the idiom
        "mflr r3".into(),         // 4
        format!("bl {}", c(100)), // 8: a call
        "addi r4, r4, 1".into(),  // 12: its return site
        "blr".into(),             // 16
    ];
    while lines.len() < 25 {
        lines.push("nop".into());
    }
    lines.push("blr".into()); // 100: the callee
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let code = [(CODE, asm(CODE, &refs))];
    let m = machine(&code, Perm::RX);
    let empty = super::block::IndirectTargets::new();
    let region = super::block::discover_region(&m, CODE, None, 64, &empty, &|_| false).unwrap();
    let starts: Vec<u32> = region.blocks.iter().map(|b| b.start() - CODE).collect();
    assert_eq!(starts, [0, 4]);
}

/// A loop that calls a function: the unit entered where the call returns (CODE + 16) holds
/// the loop but not the function (units do not follow calls, `block::calls`), which is a
/// unit of its own and returns through the indirect-branch table; a `blr` of the unit lists
/// the return sites the unit holds (`block::return_sites`). By
/// the ISA, 1000 calls leave r3 = 3000 and r4 = 1000, in 3 + 1000 * 6 + 2 instructions; and
/// every budget that ends around a return leaves the interpreter's state.
#[test]
fn a_call_in_a_loop_leaves_the_unit_and_comes_back() {
    let c = code_at;
    let words = asm(
        CODE,
        &[
            "li r3, 0",                // 0
            "li r4, 0",                // 4
            "mflr r31",                // 8
            &format!("bl {}", c(40)),  // 12: loop
            "addi r4, r4, 1",          // 16: return site
            "cmpwi r4, 1000",          // 20
            &format!("blt {}", c(12)), // 24
            "mtlr r31",                // 28
            "blr",                     // 32
            "nop",                     // 36
            "addi r3, r3, 3",          // 40: the function
            "blr",                     // 44
        ],
    );
    let code = [(CODE, words)];
    let m = machine(&code, Perm::RX);
    let empty = super::block::IndirectTargets::new();
    let region =
        super::block::discover_region(&m, CODE + 16, None, 64, &empty, &|_| false).unwrap();
    let returns: Vec<(u32, Vec<u32>)> = region
        .blocks
        .iter()
        .filter(|b| !b.indirect.is_empty())
        .map(|b| {
            (
                b.start() - CODE,
                b.indirect.iter().map(|t| t - CODE).collect(),
            )
        })
        .collect();
    // The caller's own `blr` lists the site (its LR will not match: it leaves through the
    // indirect-branch table); the function is not in the unit.
    assert_eq!(returns, [(28, vec![16])]);
    assert!(region.blocks.iter().all(|b| b.start() != CODE + 40));

    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    let mut jit = Jit::new().unwrap();
    let limits = Limits {
        max_instructions: 100_000,
        stop_at: Some(SENTINEL),
    };
    let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &start(CODE), limits);
    assert_eq!(exit, Exit::Stopped);
    assert_eq!(
        (ctx.gpr[3], ctx.gpr[4], retired),
        (3000, 1000, 3 + 1000 * 6 + 2)
    );
    for budget in (40..80).chain([599, 600, 601, 6000, 6004]) {
        let limits = Limits {
            max_instructions: budget,
            stop_at: Some(SENTINEL),
        };
        same(&mi, &mj, &mut jit, &start(CODE), limits);
    }
}

/// A unit entered at its loop head: jumps from inside the unit come only from the latch, a
/// block that only counts, so they take the head's length from the budget register before
/// jumping and the head's check compares the register as it is (`block::prepaid_checks`);
/// the copy of the head that control from outside enters takes its length itself.
///
/// for r5 = 1..=N: odd r5: r3 += r5, stored to DATA; even: r6 += 1. ISA result: r3 = k^2
/// for the k = ceil(N/2) odd numbers, r6 = N/2; 8 instructions per odd and 6 per even
/// iteration, then the blr. Every budget that ends in the first iterations, at the loop's
/// end and at its exit is exact, with host faults and with explicit checks; so is a store
/// that walks off its page in a late odd iteration (rerun from the head's checkpoint, with
/// the budget as the prepaid head left it).
#[test]
fn a_loop_head_entered_with_its_length_taken_counts_exactly() {
    let c = code_at;
    let program = |store: &str| {
        asm(
            CODE,
            &[
                "addi r5, r5, 1",          // 0: head, the unit's entry
                "andi. r7, r5, 1",         // 4
                &format!("beq {}", c(24)), // 8
                "add r3, r3, r5",          // 12: odd
                store,                     // 16
                &format!("b {}", c(28)),   // 20
                "addi r6, r6, 1",          // 24: even
                "cmpw r5, r4",             // 28: latch
                &format!("blt {}", c(0)),  // 32
                "blr",                     // 36
            ],
        )
    };
    let n = 301u64;
    let begin = || {
        let mut ctx = start(CODE);
        ctx.gpr[4] = n;
        ctx.gpr[8] = u64::from(DATA);
        ctx
    };
    let empty = super::block::IndirectTargets::new();
    let m = machine(&[(CODE, program("stw r3, 0(r8)"))], Perm::RX);
    let region = super::block::discover_region(&m, CODE, None, 64, &empty, &|_| false).unwrap();
    let plan = super::block::budget_checks(&region, super::lift::BUDGET_SPAN);
    assert_eq!(plan.taken.get(&CODE), Some(&-3), "the head is prepaid");
    let odd = n.div_ceil(2);
    for host_faults in [true, false] {
        let code = [(CODE, program("stw r3, 0(r8)"))];
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        let mut jit = Jit::new().unwrap();
        jit.set_host_faults(host_faults);
        let unlimited = Limits {
            max_instructions: 100_000,
            stop_at: Some(SENTINEL),
        };
        let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &begin(), unlimited);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((ctx.gpr[3], ctx.gpr[6]), (odd * odd, n / 2));
        assert_eq!(retired, 8 * odd + 6 * (n - odd) + 1);
        assert_eq!(u64::from(mj.read_u32(DATA).unwrap()), odd * odd);
        let budgets = (1..=40).chain(retired - 12..=retired + 1);
        each_budget_stops_exactly(&mi, &mj, &mut jit, &begin(), budgets, unlimited, retired);
        // `stwu` walks r8 by 8 per odd iteration: the 512th odd one (r5 = 1023) writes
        // DATA + 0x1000, past the data page.
        let code = [(CODE, program("stwu r3, 8(r8)"))];
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        let mut ctx = begin();
        ctx.gpr[4] = 5000;
        let (exit, at_fault, end) = same(&mi, &mj, &mut jit, &ctx, unlimited);
        assert!(matches!(exit, Exit::Fault { .. }), "{exit:?}");
        assert_eq!((end.gpr[5], end.gpr[8]), (1023, u64::from(DATA) + 8 * 511));
        for budget in at_fault - 12..=at_fault + 1 {
            let limits = Limits {
                max_instructions: budget,
                ..unlimited
            };
            let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
            same(&mi, &mj, &mut jit, &ctx, limits);
        }
    }
}

/// A unit entered in the middle of its loop, as int_kernels' Collatz loop is (at the odd
/// step's tail, 0): the head at 16 closes both ways round (0 -> 16 -> 0 and 16 -> 32 -> 16),
/// so only it checks the budget inside the unit; the entry as control arrives from outside
/// checks in its copy, for its own 4 instructions (`block::budget_checks`).
///
/// Expected values from the ISA: the Collatz path of 27, started past its first step
/// (x = 82, one step counted), taken by a model of the four blocks below; every budget up to
/// the end stops exactly there.
#[test]
fn a_check_every_way_round_passes_is_left_out() {
    let c = code_at;
    let words = asm(
        CODE,
        &[
            "addi r9, r10, 1",         // 0: entry, x = 3x + 1
            "addi r6, r6, 1",          // 4
            "cmpldi r9, 1",            // 8
            &format!("beq {}", c(48)), // 12
            "sldi r10, r9, 1",         // 16: head
            "andi. r8, r9, 1",         // 20
            "add r10, r10, r9",        // 24
            &format!("bne {}", c(0)),  // 28: odd
            "srdi r9, r9, 1",          // 32: even
            "addi r6, r6, 1",          // 36
            "cmpldi r9, 1",            // 40
            &format!("bne {}", c(16)), // 44
            "blr",                     // 48
        ],
    );
    let empty = super::block::IndirectTargets::new();
    let code = [(CODE, words)];
    let m = machine(&code, Perm::RX);
    let region = super::block::discover_region(&m, CODE, None, 64, &empty, &|_| false).unwrap();
    let plan = super::block::budget_checks(&region, super::lift::BUDGET_SPAN);
    let mut checking: Vec<u32> = plan.checks.keys().map(|k| k - CODE).collect();
    checking.sort_unstable();
    assert_eq!(checking, [16], "only the head checks inside the unit");
    assert_eq!(
        plan.entry, 4,
        "the copy entered from outside asks for its own block"
    );
    // The model: block 0 once, then per step the head and one arm, then the blr.
    let (mut x, mut steps, mut retired) = (82u64, 1u64, 4u64);
    while x != 1 {
        retired += 8;
        steps += 1;
        x = if x % 2 == 1 { 3 * x + 1 } else { x / 2 };
    }
    retired += 1;
    assert_eq!(steps, 111, "27 takes 111 steps to reach 1");
    let begin = || {
        let mut ctx = start(CODE);
        ctx.gpr[10] = 81;
        ctx
    };
    for mut jit in engines() {
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        let (exit, n, ctx) = same(&mi, &mj, &mut jit, &begin(), UNLIMITED);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((ctx.gpr[9], ctx.gpr[6], n), (1, steps, retired));
        each_budget_stops_exactly(
            &mi,
            &mj,
            &mut jit,
            &begin(),
            1..=retired + 1,
            UNLIMITED,
            retired,
        );
    }
}

/// Runs from `begin` with each of `budgets` as the instruction limit (`limits` otherwise),
/// the JIT against the interpreter: a budget short of the `retired` instructions of the
/// whole run must stop it after exactly that many.
fn each_budget_stops_exactly(
    mi: &Memory,
    mj: &Memory,
    jit: &mut Jit,
    begin: &Context,
    budgets: impl IntoIterator<Item = u64>,
    limits: Limits,
    retired: u64,
) {
    for budget in budgets {
        let limits = Limits {
            max_instructions: budget,
            ..limits
        };
        let (exit, got, _) = same(mi, mj, jit, begin, limits);
        if budget < retired {
            assert_eq!((exit, got), (Exit::BudgetExhausted, budget));
        }
    }
}

/// Indices scaled by shifts inside the unit (`sldi`, `slwi`-style `rlwinm`, `rldic`, after
/// `extsw`), which the lifter folds into the host's address arithmetic from their low words
/// (`loadstore::address_word`). The expected values follow the ISA: EA = (RA) + (RB) in
/// 64 bits, of which guest memory uses the low 32, so bits a shift moves past bit 31 and the
/// base's high word do not matter, a negative index subtracts, and an address past 4 GiB
/// wraps to the bottom of the address space (unmapped here: a read fault at address 0x20).
/// Every word of the data page holds its own address XOR 0x5a5a_5a5a.
#[test]
fn scaled_indices_form_exact_effective_addresses() {
    let words = asm(
        CODE,
        &[
            "extsw r9, r8",              // r9 = -16
            "sldi r9, r9, 2",            // -64
            "lwzx r10, r6, r9",          // DATA + 0x100 - 64
            "rlwinm r11, r5, 2, 22, 29", // (r5 & 0xff) << 2 = 0x14
            "lwzx r12, r6, r11",         // DATA + 0x114
            "sldi r13, r7, 3",           // 0x108, bit 63 of r7 shifted out
            "ldx r14, r6, r13",          // DATA + 0x208
            "rldic r15, r5, 3, 53",      // (r5 & 0xff) << 3 = 0x28
            "stwx r10, r6, r15",         // DATA + 0x128
            "slwi r16, r4, 4",           // (r4 << 4) & 0xffff_ffff = 0x10
            "lwzx r17, r6, r16",         // DATA + 0x110
            "lwz r18, 0x28(r6)",         // reads the store back
            "sldi r21, r20, 2",          // 0x60
            "lwzx r22, r19, r21",        // 0xffff_ffc0 + 0x60 wraps to 0x20
            "blr",
        ],
    );
    let code = [(CODE, words)];
    let base = u64::from(DATA) + 0x100;
    let at = |ea: u64| (ea as u32) ^ 0x5a5a_5a5a;
    for host_faults in [true, false] {
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        let page: Vec<u8> = (0..0x1000u32 / 4)
            .flat_map(|k| at(u64::from(DATA + 4 * k)).to_be_bytes())
            .collect();
        for m in [&mi, &mj] {
            m.poke_bytes(DATA, &page).unwrap();
        }
        let mut ctx = start(CODE);
        ctx.gpr[4] = 0x7000_0001; // << 4: 0x7_0000_0010, low word 0x10
        ctx.gpr[5] = 0x1234_5678_9abc_de05;
        ctx.gpr[6] = 0xffff_ffff_0000_0000 | base;
        ctx.gpr[7] = 0x8000_0000_0000_0021;
        ctx.gpr[8] = 0x0000_0000_ffff_fff0;
        ctx.gpr[19] = 0xffff_ffc0;
        ctx.gpr[20] = 0x18;
        let mut jit = Jit::new().unwrap();
        jit.set_host_faults(host_faults);
        let limits = Limits {
            max_instructions: 100,
            stop_at: Some(SENTINEL),
        };
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert_eq!(
            exit,
            Exit::Fault(crate::memory::Fault {
                addr: 0x20,
                kind: crate::memory::AccessKind::Read
            })
        );
        assert_eq!(retired, 13);
        assert_eq!(got.gpr[9], (-64i64) as u64);
        assert_eq!(got.gpr[10], u64::from(at(base - 64)));
        assert_eq!(
            (got.gpr[11], got.gpr[12]),
            (0x14, u64::from(at(base + 0x14)))
        );
        assert_eq!(got.gpr[13], 0x108);
        let dword = (u64::from(at(base + 0x108)) << 32) | u64::from(at(base + 0x10c));
        assert_eq!(got.gpr[14], dword);
        assert_eq!(got.gpr[15], 0x28);
        assert_eq!(
            (got.gpr[16], got.gpr[17]),
            (0x10, u64::from(at(base + 0x10)))
        );
        assert_eq!(
            got.gpr[18],
            u64::from(at(base - 64)),
            "the store landed at +0x28"
        );
        assert_eq!(got.gpr[21], 0x60);
    }
}

/// A loop of one block runs two iterations per pass through its host code
/// (`block::Block::copies`): the budget is checked and the registers stored once per pass,
/// and the loop may end after either copy. `sum_words` below, for n = 1..=8 and 57
/// iterations: ISA results r5 = n, r3 = n(n+1)/2, r8 = DATA + 4n, r7 = the sum of the words
/// read (word k of the data page holds 3k + 1), CTR = 0, 3 + 5n + 1 instructions retired.
/// Every budget through 7 iterations is exact. `lwzu` walking off the data page faults in
/// its 1025th iteration (the first copy) or, starting one word later, its 1024th (the
/// second: the rerun from the pass's start crosses the branch back into the loop).
#[test]
fn a_one_block_loop_unrolled_twice_is_exact_at_every_instruction() {
    let c = code_at;
    let words = asm(
        CODE,
        &[
            "li r3, 0",                 // 0
            "li r5, 0",                 // 4
            "mtctr r4",                 // 8
            "addi r5, r5, 1",           // 12: loop
            "add r3, r3, r5",           // 16
            "lwzu r6, 4(r8)",           // 20
            "add r7, r7, r6",           // 24
            &format!("bdnz {}", c(12)), // 28
            "blr",                      // 32
        ],
    );
    let code = [(CODE, words.clone())];
    let m = machine(&code, Perm::RX);
    let empty = super::block::IndirectTargets::new();
    let region = super::block::discover_region(&m, CODE, None, 64, &empty, &|_| false).unwrap();
    let body = region
        .blocks
        .iter()
        .find(|b| b.start() == CODE + 12)
        .unwrap();
    assert_eq!(body.copies(), 2);
    let data: Vec<u8> = (0..1024u32)
        .flat_map(|k| (3 * k + 1).to_be_bytes())
        .collect();
    let begin = |n: u64, first: u32| {
        let mut ctx = start(CODE);
        ctx.gpr[4] = n;
        ctx.gpr[8] = u64::from(DATA + first) - 4;
        ctx
    };
    for host_faults in [true, false] {
        let mut jit = Jit::new().unwrap();
        jit.set_host_faults(host_faults);
        let unlimited = Limits {
            max_instructions: 100_000,
            stop_at: Some(SENTINEL),
        };
        for n in (1..=8).chain([57]) {
            let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
            for m in [&mi, &mj] {
                m.poke_bytes(DATA, &data).unwrap();
            }
            let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &begin(n, 0), unlimited);
            assert_eq!(exit, Exit::Stopped);
            let words: u64 = (0..n).map(|k| 3 * k + 1).sum();
            assert_eq!(
                (ctx.gpr[5], ctx.gpr[3], ctx.gpr[8], ctx.gpr[7], ctx.ctr),
                (n, n * (n + 1) / 2, u64::from(DATA) + 4 * (n - 1), words, 0),
                "n = {n}"
            );
            assert_eq!(retired, 3 + 5 * n + 1);
            if n == 7 {
                for budget in 1..=retired {
                    let limits = Limits {
                        max_instructions: budget,
                        ..unlimited
                    };
                    let (exit, got, _) = same(&mi, &mj, &mut jit, &begin(n, 0), limits);
                    if budget < retired {
                        assert_eq!((exit, got), (Exit::BudgetExhausted, budget));
                    }
                }
            }
        }
        assert_eq!(jit.stats().fallback_instructions, 0, "{}", jit.stats());
        for (first, faulting) in [(0u64, 1025u64), (4, 1024)] {
            let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
            let (exit, at, ctx) = same(&mi, &mj, &mut jit, &begin(5000, first as u32), unlimited);
            assert_eq!(
                exit,
                Exit::Fault(crate::memory::Fault {
                    addr: DATA + 0x1000,
                    kind: crate::memory::AccessKind::Read
                })
            );
            assert_eq!(ctx.gpr[5], faulting, "the fault is in iteration {faulting}");
            assert_eq!(at, 3 + 5 * (faulting - 1) + 2);
            for budget in at - 12..=at + 1 {
                let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
                let limits = Limits {
                    max_instructions: budget,
                    ..unlimited
                };
                same(&mi, &mj, &mut jit, &begin(5000, first as u32), limits);
            }
        }
    }
}

/// The same for a loop that ends on a comparison rather than CTR: clearing the lowest set
/// bit until none is left counts them (r3 = popcount(r9), 1 + 4 per bit + 1 retired), so
/// values with an odd and an even number of bits leave after either copy.
#[test]
fn an_unrolled_loop_ending_on_a_comparison_leaves_after_either_copy() {
    let c = code_at;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "li r3, 0",               // 0
                "addi r10, r9, -1",       // 4: loop
                "addi r3, r3, 1",         // 8
                "and. r9, r9, r10",       // 12
                &format!("bne {}", c(4)), // 16
                "blr",                    // 20
            ],
        ),
    )];
    let mut jit = Jit::new().unwrap();
    for x in [1u64, 3, 0x8000_0000_0000_0001, 0xff, 0x7000_0000_0000_0f00] {
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        let mut ctx = start(CODE);
        ctx.gpr[9] = x;
        let limits = Limits {
            max_instructions: 10_000,
            stop_at: Some(SENTINEL),
        };
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert_eq!(exit, Exit::Stopped);
        let bits = u64::from(x.count_ones());
        assert_eq!(
            (got.gpr[3], got.gpr[9], retired),
            (bits, 0, 1 + 4 * bits + 1)
        );
        for budget in 1..retired {
            let limits = Limits {
                max_instructions: budget,
                ..limits
            };
            let (exit, got, _) = same(&mi, &mj, &mut jit, &ctx, limits);
            assert_eq!((exit, got), (Exit::BudgetExhausted, budget));
        }
    }
}

/// A loop whose body is longer than a unit: 150 blocks of `addi r3, r3, 1; cmpwi r3, -1;
/// beq out`, 20 times round. By the ISA, r3 = 3000 and r5 = 0 at the end, after
/// 2 + 20 * (150 * 3 + 3) + 1 instructions (the `blr` included). Units cut short by their size
/// limit end where a unit was compiled already, so the body is compiled about once: without
/// that, each lap would start units at points shifting along it (`block::discover_region`).
#[test]
fn code_longer_than_a_unit_is_compiled_about_once() {
    let blocks = 150u32;
    let out = 8 + 12 * blocks + 12;
    let mut lines: Vec<String> = vec!["li r3, 0".into(), "li r5, 20".into()];
    for _ in 0..blocks {
        lines.push("addi r3, r3, 1".into());
        lines.push("cmpwi r3, -1".into());
        lines.push(format!("beq {}", code_at(out)));
    }
    lines.push("addi r5, r5, -1".into());
    lines.push("cmpwi r5, 0".into());
    lines.push(format!("bne {}", code_at(8)));
    lines.push("blr".into()); // out
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let code = [(CODE, asm(CODE, &refs))];
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    let mut jit = Jit::new().unwrap();
    let limits = Limits {
        max_instructions: 1_000_000,
        stop_at: Some(SENTINEL),
    };
    let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &start(CODE), limits);
    assert_eq!(exit, Exit::Stopped);
    assert_eq!((ctx.gpr[3], ctx.gpr[5]), (3000, 0));
    assert_eq!(retired, 2 + 20 * (u64::from(blocks) * 3 + 3) + 1);
    let distinct = lines.len() as u64;
    assert!(
        jit.stats().guest_instructions < 2 * distinct,
        "{distinct} distinct instructions: {}",
        jit.stats()
    );
}

/// The same region, discovered directly: cut by the limit, it ends at a block some unit
/// starts at; a region that fits keeps such a block.
#[test]
fn only_a_region_cut_short_ends_at_compiled_units() {
    let chain = |blocks: u32| {
        let mut lines: Vec<String> = Vec::new();
        for _ in 0..blocks {
            lines.push("addi r3, r3, 1".into());
            lines.push(format!("beq {}", code_at(8 * blocks)));
        }
        lines.push("blr".into());
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        machine(&[(CODE, asm(CODE, &refs))], Perm::RX)
    };
    let empty = super::block::IndirectTargets::new();
    let compiled = |t: u32| t == CODE + 8 * 10;
    let starts = |m: &Memory, f: &dyn Fn(u32) -> bool| -> Vec<u32> {
        super::block::discover_region(m, CODE, None, 64, &empty, f)
            .unwrap()
            .blocks
            .iter()
            .map(|b| b.start() - CODE)
            .collect()
    };
    let long = chain(100);
    assert_eq!(starts(&long, &|_| false).len(), 64);
    let cut = starts(&long, &compiled);
    assert!(cut.iter().all(|&s| s < 80 || s == 800), "{cut:?}");
    assert!(cut.len() <= 11, "{cut:?}");
    let short = chain(20);
    assert!(starts(&short, &compiled).contains(&80));
}

/// Cranelift's optimizer runs on units that head a loop or compute in FP or vector
/// registers; straight integer code is compiled without it (`Region::wants_optimizer`).
#[test]
fn the_optimizer_runs_on_loops_and_fp_code() {
    let empty = super::block::IndirectTargets::new();
    let wants = |lines: &[&str]| {
        let m = machine(&[(CODE, asm(CODE, lines))], Perm::RX);
        super::block::discover_region(&m, CODE, None, 64, &empty, &|_| false)
            .unwrap()
            .wants_optimizer()
    };
    assert!(!wants(&["addi r3, r3, 1", "cmpwi r3, 9", "blr"]));
    assert!(wants(&[
        "addi r3, r3, 1",
        "cmpwi r3, 9",
        &format!("bne {}", code_at(0)),
        "blr"
    ]));
    assert!(wants(&["fadd f1, f2, f3", "blr"]));
    assert!(wants(&["vaddfp v1, v2, v3", "blr"]));
}

/// `srwi` (`rlwinm ra, rs, 32 - n, n, 31`), lifted as a 32-bit shift of the low word: by
/// the ISA's definition, ROTL32 of the low word by 32 - n under MASK(n + 32, 63) is the low
/// word shifted right by n, whatever the high word holds; with Rc = 1, CR0 compares that
/// (non-negative) result with zero. Every n, in both modes, against the formula and the
/// interpreter.
#[test]
fn srwi_shifts_the_low_word_alone() {
    let values = [
        0xdead_beef_1234_5678u64,
        u64::MAX,
        0x8000_0000,
        0xffff_ffff_0000_0000,
        1,
    ];
    for mut jit in engines() {
        for n in 1..32u32 {
            for dot in ["", "."] {
                let code = [(CODE, asm(CODE, &[&format!("srwi{dot} r3, r4, {n}"), "blr"]))];
                let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
                for &v in &values {
                    for sf in [true, false] {
                        let mut ctx = start(CODE);
                        ctx.msr = if sf { crate::context::MSR_SF } else { 0 };
                        ctx.gpr[4] = v;
                        let (exit, _, end) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
                        assert_eq!(exit, Exit::Stopped);
                        assert_eq!(
                            end.gpr[3],
                            (v & 0xffff_ffff) >> n,
                            "srwi{dot} {n} of {v:#x}"
                        );
                    }
                }
            }
        }
    }
}
