//! Multi-block units, code invalidation and `stop_at`: the JIT against the reference
//! interpreter on loops and self-modifying code. Expected values are computed from the PowerPC
//! ISA semantics of the few instructions involved (stated next to each case), and every case
//! also compares the whole context and retired count with `interp::run`.

use super::Jit;
use crate::interp::{self, Exit, Limits};
use crate::isa::assemble_at;
use crate::{Context, Memory, Perm};

const CODE: u32 = 0x8200_0000;
/// LR of every case: both engines stop before fetching it.
const SENTINEL: u32 = 0x8100_0000;

/// Assembles `lines` at `at` (branch targets absolute).
fn asm(at: u32, lines: &[&str]) -> Vec<u32> {
    lines
        .iter()
        .enumerate()
        .map(|(k, l)| assemble_at(l, at + 4 * k as u32).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

fn bytes(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_be_bytes()).collect()
}

fn memory(code_perm: Perm) -> Memory {
    let m = Memory::new().expect("guest memory");
    m.map(CODE, 0x1_0000, code_perm).expect("map code");
    m
}

fn start(pc: u32) -> Context {
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
