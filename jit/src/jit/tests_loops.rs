//! A loop inside a unit holds only the registers it uses (`lift::Plan::loops`): the outer
//! code's registers stay in the context across the inner loop and are loaded again after
//! it; a return from a loop's middle reads its register only on the way out. Expected
//! values are computed below from the PowerPC ISA definitions of the instructions involved;
//! `same` also compares every context, retired count and memory byte with the reference
//! interpreter, at every budget and around every fault.

use super::tests_units::{
    asm, code_at, engines, every_budget, machines_with_data, same, start, CODE, DATA, UNLIMITED,
};
use crate::interp::{Exit, Limits};
use crate::memory::{AccessKind, Fault};

/// An outer loop (O) that carries r20, r21 and r22 around an inner loop (I) using none of
/// them: for each of r4 outer iterations, r3 = the sum of the eight words from r8 on, then
/// r20 += r3, r21 *= 3, r8 += 4.
fn nested() -> Vec<u32> {
    let c = code_at;
    asm(
        CODE,
        &[
            "li r20, 0",               // 0
            "li r21, 1",               // 4
            "mr r22, r4",              // 8
            "li r5, 0",                // 12: O
            "li r3, 0",                // 16
            "slwi r6, r5, 2",          // 20: I
            "lwzx r7, r8, r6",         // 24
            "add r3, r3, r7",          // 28
            "addi r5, r5, 1",          // 32
            "cmpwi r5, 8",             // 36
            &format!("blt {}", c(20)), // 40
            "add r20, r20, r3",        // 44
            "mulli r21, r21, 3",       // 48
            "addi r8, r8, 4",          // 52
            "addic. r22, r22, -1",     // 56
            &format!("bne {}", c(12)), // 60
            "blr",                     // 64
        ],
    )
}

/// Word k of the data (from DATA on).
fn word(k: u32) -> u32 {
    0x0101_0101u32.wrapping_mul(k) ^ 0x8000_0003
}

fn data() -> Vec<u8> {
    (0..1024).flat_map(|k| word(k).to_be_bytes()).collect()
}

/// `nested` run for `n` outer iterations from r8 = `r8`: `lwzx` zero-extends the word,
/// `mulli` keeps the low 64 bits of the product, and each outer iteration retires 2 + 8 × 6
/// + 5 instructions (3 before, `blr` after).
fn model(n: u64, r8: u32) -> (u64, u64, u64) {
    let (mut r20, mut r21) = (0u64, 1u64);
    for k in 0..n as u32 {
        let first = (r8 - DATA) / 4 + k;
        let sum: u64 = (first..first + 8).map(|j| u64::from(word(j))).sum();
        r20 = r20.wrapping_add(sum);
        r21 = r21.wrapping_mul(3);
    }
    (r20, r21, 3 + 55 * n + 1)
}

fn begin(n: u64, r8: u32) -> crate::Context {
    let mut ctx = start(CODE);
    ctx.gpr[4] = n;
    ctx.gpr[8] = u64::from(r8);
    ctx
}

#[test]
fn an_inner_loop_leaves_the_outer_registers_exact_at_every_exit() {
    let code = [(CODE, nested())];
    let fresh = || machines_with_data(&code, &data());
    let unlimited = UNLIMITED;
    for mut jit in engines() {
        let (n, r8) = (12, DATA + 0x100);
        let (mi, mj) = fresh();
        let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &begin(n, r8), unlimited);
        assert_eq!(exit, Exit::Stopped);
        let (r20, r21, want_retired) = model(n, r8);
        assert_eq!((ctx.gpr[20], ctx.gpr[21], ctx.gpr[22]), (r20, r21, 0));
        assert_eq!((retired, ctx.gpr[8]), (want_retired, u64::from(r8) + 4 * n));
        // Every budget: an exit inside the inner loop finds r20..r22 in the context.
        every_budget(fresh, &mut jit, &begin(n, r8), retired, unlimited);
        // The window slides off the data page: outer iteration 5 reads the word past it in
        // its last inner iteration (5 + 7 = 12 words from DATA + 0x1000 - 48).
        let r8 = DATA + 0x1000 - 48;
        let (mi, mj) = fresh();
        let (exit, at, ctx) = same(&mi, &mj, &mut jit, &begin(100, r8), unlimited);
        let addr = DATA + 0x1000;
        assert_eq!(
            exit,
            Exit::Fault(Fault {
                addr,
                kind: AccessKind::Read
            })
        );
        let (r20, r21, _) = model(5, r8);
        assert_eq!((ctx.gpr[20], ctx.gpr[21], ctx.gpr[22]), (r20, r21, 95));
        // 5 whole outer iterations, then O's 2 and 7 inner iterations and a `slwi`.
        assert_eq!(at, 3 + 55 * 5 + 2 + 7 * 6 + 1);
        for budget in at - 20..=at + 1 {
            let (mi, mj) = fresh();
            let limits = Limits {
                max_instructions: budget,
                ..unlimited
            };
            same(&mi, &mj, &mut jit, &begin(100, r8), limits);
        }
        assert_eq!(jit.stats().fallback_instructions, 0, "{}", jit.stats());
    }
}

/// A loop that returns from its middle (`beqlr`, or `beqctr` to the same address) and
/// reads the branch's register on the way past it (`mflr`/`mfctr`). Nothing before the
/// loop reads that register, so the unit does not hold it: the return loads it only on its
/// way out, and the path that stays in the loop must read it from the context itself.
/// Worked from the ISA: for n iterations r3 counts to n, r5 is the return address (the
/// sentinel, in LR and CTR from the start) and r6 adds it n - 1 times; 2 instructions, 6
/// per iteration that stays, then the last `addi`, `cmpw` and the taken return.
#[test]
fn a_conditional_return_in_a_loop_reads_its_register_on_both_ways() {
    for (ret, read) in [("beqlr", "mflr r5"), ("beqctr", "mfctr r5")] {
        let code = asm(
            CODE,
            &[
                "li r3, 0",                   // 0
                "li r6, 0",                   // 4
                "addi r3, r3, 1",             // 8: loop
                "cmpw r3, r4",                // 12
                ret,                          // 16
                read,                         // 20
                "add r6, r6, r5",             // 24
                &format!("b {}", code_at(8)), // 28
            ],
        );
        let code = [(CODE, code)];
        let fresh = || machines_with_data(&code, &data());
        let sentinel = u64::from(super::tests_units::SENTINEL);
        for mut jit in engines() {
            let n = 40u64;
            let mut ctx = start(CODE);
            ctx.gpr[4] = n;
            ctx.ctr = sentinel;
            let (mi, mj) = fresh();
            let (exit, retired, out) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
            assert_eq!(exit, Exit::Stopped, "{ret}");
            assert_eq!((out.gpr[3], out.gpr[5]), (n, sentinel), "{ret}");
            assert_eq!(out.gpr[6], (n - 1) * sentinel, "{ret}");
            assert_eq!(retired, 2 + 6 * (n - 1) + 3, "{ret}");
            every_budget(fresh, &mut jit, &ctx, retired, UNLIMITED);
        }
    }
}
