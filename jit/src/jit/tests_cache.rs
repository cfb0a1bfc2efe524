//! The code cache frees dropped units' memory by starting a new code module
//! (`Jit::flush_if_wasteful`): code that keeps running is compiled again and runs exactly as
//! before. Expected values are worked from the ISA definitions in each test; `same` also
//! compares every context, retired count and memory byte with the reference interpreter.

use super::tests_units::{addi_r3, asm, machine, same, start, CODE, SENTINEL};
use super::Jit;
use crate::interp::{Exit, Limits};
use crate::Perm;

/// A loop that rewrites its own body on every iteration (`addi r3, r3, 1` becomes
/// `addi r3, r3, 2`, 3, ...: iteration k adds k), so every iteration drops the unit holding
/// it; with a threshold of one byte, every pass through the dispatcher after a drop starts
/// a new code module. 20 iterations add 1 + 2 + ... + 20 = 210.
#[test]
fn code_dropped_again_and_again_is_freed_and_runs_exactly() {
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "li r3, 0",                        // 0
                "li r4, 20",                       // 4
                "mtctr r4",                        // 8
                "lis r9, 14435",                   // 12: 0x3863 << 16
                "ori r9, r9, 1",                   // 16: r9 = addi r3, r3, 1
                "addi r3, r3, 1",                  // 20: loop, patched
                "addi r9, r9, 1",                  // 24: the next increment
                "stw r9, 20(r10)",                 // 28
                &format!("bdnz {:#x}", CODE + 20), // 32
                "blr",                             // 36
            ],
        ),
    )];
    // The word r9 starts with, as the two instructions build it.
    assert_eq!((0x3863u32 << 16) | 1, addi_r3(1));
    for flush_after in [1, u64::MAX] {
        let (mi, mj) = (machine(&code, Perm::RWX), machine(&code, Perm::RWX));
        let mut jit = Jit::new().unwrap();
        jit.set_flush_after(flush_after);
        let mut ctx = start(CODE);
        ctx.gpr[10] = u64::from(CODE);
        let limits = Limits {
            max_instructions: 10_000,
            stop_at: Some(SENTINEL),
        };
        let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert_eq!((exit, got.gpr[3]), (Exit::Stopped, 210));
        let stats = jit.stats();
        assert!(stats.units_dropped >= 19, "{stats}");
        if flush_after == 1 {
            assert!(stats.flushes >= 19, "{stats}");
        } else {
            assert_eq!(stats.flushes, 0, "{stats}");
        }
        // The engine goes on compiling and running after its flushes.
        let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert_eq!(exit, Exit::Stopped);
        assert!(got.gpr[3] > 0);
    }
}

/// An engine that has not run while more code-page writes were logged than the log keeps
/// cannot tell which pages changed: it drops all its code, and runs the new code.
#[test]
fn an_engine_behind_the_code_log_drops_everything() {
    use super::tests_units::bytes;
    let m = machine(&[(CODE, asm(CODE, &["li r3, 1", "blr"]))], Perm::RWX);
    let mut jit = Jit::new().unwrap();
    let run = |jit: &mut Jit| super::tests_units::r3_after_run(jit, &m, CODE);
    assert_eq!(run(&mut jit), 1);
    // Other engines' traffic on another page, past what the log keeps (2 × 65,536 writes).
    let other = CODE + 0x1000;
    for _ in 0..(2 << 16) + 1 {
        m.mark_code(other);
        m.write_u8(other, 0).unwrap();
    }
    m.poke_bytes(CODE, &bytes(&asm(CODE, &["li r3, 2"])))
        .unwrap();
    let before = jit.stats().units_dropped;
    assert_eq!(run(&mut jit), 2);
    assert!(jit.stats().units_dropped > before, "{}", jit.stats());
}
