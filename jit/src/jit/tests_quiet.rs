//! Loops of integer code that carry changed registers round unstored (`lift::Plan::defer`):
//! the context must still be exact at every budget exit inside them, at the unit's exits,
//! and at a fault in the first block after them that may fault. Expected values come from
//! a model of the Collatz iteration written from the ISA definitions of the instructions
//! below (`sldi` is a 64-bit left shift, `andi.` ANDs with the zero-extended immediate,
//! `srdi` a 64-bit logical right shift, `cmpld`/`cmpldi` unsigned doubleword compares);
//! `same` also compares every context, retired count and memory byte with the reference
//! interpreter.

use super::tests_units::{
    asm, code_at, engines, every_budget, machines_with_data, same, start, CODE, DATA, UNLIMITED,
};
use crate::interp::Exit;
use crate::memory::{AccessKind, Fault};

/// For n from 2 up to r3 (exclusive), r6 counts the Collatz steps from n down to 1: the
/// shape gcc gives int_kernels. T, A and E form loops of integer code; D closes the outer
/// loop and, with `store`, writes each n's running count through r11 (`stwu`), which makes
/// D a block that may fault inside the outer loop.
fn collatz(store: bool) -> Vec<u32> {
    let c = code_at;
    let d = if store { "stwu r6, 4(r11)" } else { "nop" };
    let lines = [
        "li r6, 0".to_string(),         // 0
        "li r7, 2".to_string(),         // 4
        "mr r9, r7".to_string(),        // 8: O
        format!("b {}", c(32)),         // 12
        "addi r9, r10, 1".to_string(),  // 16: A (odd: x = 3x + 1)
        "addi r6, r6, 1".to_string(),   // 20
        "cmpldi r9, 1".to_string(),     // 24
        format!("beq {}", c(64)),       // 28
        "sldi r10, r9, 1".to_string(),  // 32: T
        "andi. r8, r9, 1".to_string(),  // 36
        "add r10, r10, r9".to_string(), // 40
        format!("bne {}", c(16)),       // 44
        "srdi r9, r9, 1".to_string(),   // 48: E (even: x = x / 2)
        "addi r6, r6, 1".to_string(),   // 52
        "cmpldi r9, 1".to_string(),     // 56
        format!("bne {}", c(32)),       // 60
        d.to_string(),                  // 64: D
        "addi r7, r7, 1".to_string(),   // 68
        "cmpld r7, r3".to_string(),     // 72
        format!("bne {}", c(8)),        // 76
        "blr".to_string(),              // 80
    ];
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    asm(CODE, &refs)
}

struct Model {
    r6: u64,
    r8: u64,
    r9: u64,
    r10: u64,
    /// Retired instructions through the `blr`.
    retired: u64,
    /// Each n's running count, as D stores it.
    counts: Vec<u64>,
}

fn model(limit: u64) -> Model {
    let (mut r6, mut r8, mut r9, mut r10) = (0u64, 0u64, 0u64, 0u64);
    let mut retired = 2;
    let mut counts = Vec::new();
    for n in 2..limit {
        r9 = n;
        retired += 2;
        loop {
            // T
            r10 = (r9 << 1).wrapping_add(r9);
            r8 = r9 & 1;
            retired += 4;
            if r8 != 0 {
                // A: 3x + 1 is never 1.
                r9 = r10 + 1;
                r6 += 1;
                retired += 4;
                continue;
            }
            // E
            r9 >>= 1;
            r6 += 1;
            retired += 4;
            if r9 == 1 {
                break;
            }
        }
        counts.push(r6);
        retired += 4; // D
    }
    Model {
        r6,
        r8,
        r9,
        r10,
        retired: retired + 1,
        counts,
    }
}

fn begin(limit: u64, r11: u32) -> crate::Context {
    let mut ctx = start(CODE);
    ctx.gpr[3] = limit;
    ctx.gpr[11] = u64::from(r11);
    // Values the loops overwrite: a store left out somewhere would show one.
    for r in [6, 8, 9, 10] {
        ctx.gpr[r] = 0xdead_0000 + r as u64;
    }
    ctx
}

#[test]
fn a_loop_of_integer_code_is_exact_at_every_exit() {
    let code = [(CODE, collatz(false))];
    let fresh = || machines_with_data(&code, &[0; 4]);
    let limit = 12;
    let want = model(limit);
    // Worked by hand: 1 + 7 + 2 + 5 + 8 + 16 + 3 + 19 + 6 + 14 steps for n = 2..=11.
    assert_eq!(want.r6, 81);
    for mut jit in engines() {
        let (mi, mj) = fresh();
        let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &begin(limit, 0), UNLIMITED);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!(
            (ctx.gpr[6], ctx.gpr[7], ctx.gpr[8], ctx.gpr[9], ctx.gpr[10]),
            (want.r6, limit, want.r8, want.r9, want.r10)
        );
        assert_eq!(retired, want.retired);
        // CR0 from the last `cmpld r7, r3`: EQ.
        assert_eq!(ctx.cr >> 28, 0b0010);
        // A budget running out anywhere in the loops leaves through a check whose exit
        // stores what the loops carried unstored.
        every_budget(fresh, &mut jit, &begin(limit, 0), retired, UNLIMITED);
        assert_eq!(jit.stats().fallback_instructions, 0, "{}", jit.stats());
    }
}

#[test]
fn a_store_after_a_loop_of_integer_code_sees_its_registers() {
    let code = [(CODE, collatz(true))];
    let fresh = || machines_with_data(&code, &[0; 4]);
    let limit = 12;
    let want = model(limit);
    for mut jit in engines() {
        // Each n's count lands in the data.
        let (mi, mj) = fresh();
        let (exit, retired, _) = same(&mi, &mj, &mut jit, &begin(limit, DATA), UNLIMITED);
        assert_eq!((exit, retired), (Exit::Stopped, want.retired));
        for (k, &count) in want.counts.iter().enumerate() {
            let mut word = [0u8; 4];
            mj.read_bytes(DATA + 4 + 4 * k as u32, &mut word).unwrap();
            assert_eq!(u64::from(u32::from_be_bytes(word)), count);
        }
        // The data ends after the fourth n's store: the fifth faults, with the registers
        // the inner loops carried exact (`same` compares them with the interpreter's).
        let r11 = DATA + 0x1000 - 20;
        let (mi, mj) = fresh();
        let (exit, at, ctx) = same(&mi, &mj, &mut jit, &begin(limit, r11), UNLIMITED);
        let fault = Fault {
            addr: DATA + 0x1000,
            kind: AccessKind::Write,
        };
        assert_eq!(exit, Exit::Fault(fault));
        let fifth = model(7);
        // Through n = 6's inner loops, less the D blocks not run (n = 6's whole D, 4).
        assert_eq!(at, fifth.retired - 1 - 4);
        assert_eq!((ctx.gpr[6], ctx.gpr[7], ctx.gpr[9]), (fifth.r6, 6, 1));
        assert_eq!(ctx.pc, CODE + 64);
        for budget in at - 30..=at + 1 {
            let (mi, mj) = fresh();
            let limits = crate::interp::Limits {
                max_instructions: budget,
                ..UNLIMITED
            };
            same(&mi, &mj, &mut jit, &begin(limit, r11), limits);
        }
        assert_eq!(jit.stats().fallback_instructions, 0, "{}", jit.stats());
    }
}

/// `oxenon fuzz --seed 7 --classes integer,branch` iteration 866, shrunk: a loop of branch
/// blocks (quiet) carries LR unstored, and the final `blr` goes through a table of the
/// return sites in the unit. Its miss path must take LR from its variable, not from the
/// context. By the ISA, with CR and CTR zero: `bdzflrl` decrements CTR to -1 and does not
/// branch (CTR is not zero) but sets LR; `blel cr7` branches (GT clear) to the next
/// instruction; `bltl cr7` and `bltl` fall through (LT clear); `bdzt` decrements CTR to -2
/// and falls through; `mtlr r1; blr` returns to r1: 7 instructions, CTR = -2.
#[test]
fn a_return_through_the_table_of_return_sites_reads_lr_carried_unstored() {
    let c = code_at;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "bdzflrl 4*cr3+so",
                &format!("blel+ cr7,{}", c(8)),
                &format!("bltl+ cr7,{}", c(16)),
                &format!("bltl+ {}", c(20)),
                &format!("bdzt 4*cr7+eq,{}", c(8)),
                "mtlr r1",
                "blr",
            ],
        ),
    )];
    let fresh = || machines_with_data(&code, &[0; 4]);
    for msr in [0, start(CODE).msr] {
        let mut jit = super::Jit::new().unwrap();
        let mut ctx = start(CODE);
        ctx.gpr[1] = u64::from(super::tests_units::SENTINEL);
        ctx.msr = msr;
        let (mi, mj) = fresh();
        let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
        assert_eq!((exit, retired), (Exit::Stopped, 7));
        assert_eq!(
            (ctx.ctr, ctx.lr),
            (-2i64 as u64, u64::from(super::tests_units::SENTINEL))
        );
    }
}

/// A loop of two integer blocks, L2 -> L1 -> L2, where L1 leaves before anything in it reads
/// r5, which only L2 changes: L1's exit stores r5, carried round unstored. By the ISA:
/// r5 = r6 = 10 when L1's `beq` leaves (L2 and L1 ran ten times each), 3 + 10 * (3 + 2) + 1
/// instructions through the `blr`.
#[test]
fn an_exit_stores_a_register_another_block_of_the_loop_changed() {
    let c = code_at;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "li r5, 0",                // 0
                "li r6, 0",                // 4
                &format!("b {}", c(20)),   // 8
                "cmpwi r6, 10",            // 12: L1
                &format!("beq {}", c(36)), // 16
                "addi r5, r5, 1",          // 20: L2
                "addi r6, r6, 1",          // 24
                &format!("b {}", c(12)),   // 28
                "nop",                     // 32
                "blr",                     // 36
            ],
        ),
    )];
    let fresh = || machines_with_data(&code, &[0; 4]);
    for mut jit in engines() {
        let (mi, mj) = fresh();
        let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &start(CODE), UNLIMITED);
        assert_eq!((exit, retired), (Exit::Stopped, 3 + 10 * (3 + 2) + 1));
        assert_eq!((ctx.gpr[5], ctx.gpr[6]), (10, 10));
        every_budget(fresh, &mut jit, &start(CODE), retired, UNLIMITED);
    }
}
