//! A dropped JIT engine returns its code memory to the host. Cranelift's `JITModule` keeps
//! its mappings when dropped unless they are freed by hand, which the fuzzer (an engine per
//! iteration) showed as 16 KB lost per engine. Alone in its test binary, so that no other
//! test's allocations move the process's virtual size while it measures.

use oxenon_jit::interp::Limits;
use oxenon_jit::jit::Jit;
use oxenon_jit::{Context, Memory, Perm};

const CODE: u32 = 0x1000_0000;
/// LR: unmapped, and the engine stops before fetching it.
const SENTINEL: u32 = 0x2000_0000;

/// Virtual size of this process in pages (`/proc/self/statm`).
fn pages() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_dropped_engine_frees_its_code_memory() {
    let mem = Memory::new().unwrap();
    mem.map(CODE, 0x1000, Perm::RX).unwrap();
    // li r3, 7; blr (ISA encodings: addi 14 with RA = 0, bclr 19/16 with BO = 20).
    let words: [u32; 2] = [0x3860_0007, 0x4e80_0020];
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
    mem.poke_bytes(CODE, &bytes).unwrap();
    let limits = Limits {
        max_instructions: 100,
        stop_at: Some(SENTINEL),
    };
    let run_one = || {
        let mut jit = Jit::new().unwrap();
        let mut ctx = Context {
            pc: CODE,
            lr: u64::from(SENTINEL),
            ..Context::default()
        };
        jit.run(&mut ctx, &mem, limits).unwrap();
        assert_eq!((ctx.gpr[3], jit.stats().units), (7, 1));
    };
    run_one();
    let before = pages();
    for _ in 0..500 {
        run_one();
    }
    let after = pages();
    // Each engine maps at least a page of code and one for its trampoline: 1,000 pages if
    // they were kept.
    assert!(
        after < before + 250,
        "virtual size {before} -> {after} pages"
    );
}
