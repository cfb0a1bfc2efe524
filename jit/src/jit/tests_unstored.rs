//! Registers a jump leaves unstored because its target overwrites them first
//! (`lift::Plan::unstored`), and the checkpoint after a guest store made exact only at the
//! next access that may fault (`Lifter::settle_checkpoint`). Expected values are computed
//! below from the PowerPC ISA definitions of the instructions involved; `same` also compares
//! every context, retired count and memory byte with the reference interpreter, at every
//! budget and around every fault.

use super::tests_units::SENTINEL;
use super::tests_units::{
    asm, code_at, engines, every_budget, machine, machines_with_data, same, start, CODE, DATA,
    UNLIMITED,
};
use super::Jit;
use crate::interp::{Exit, Limits};
use crate::memory::{AccessKind, Fault};
use crate::Perm;

/// A loop of three blocks. The head L (which checks the budget) and the join E both begin by
/// overwriting r9 and r10 (L also r12) before their first access, so the jumps into them
/// (E -> L, L -> E, O -> E) may leave those unstored; O stores, then only computes before
/// its jump. E overwrites r6 too, but only after its store, which may fault: r6 must be
/// stored by the jumps into E.
fn three_blocks() -> Vec<u32> {
    let c = code_at;
    asm(
        CODE,
        &[
            "li r3, 0",                 // 0
            "li r5, 0",                 // 4
            "mtctr r4",                 // 8
            "addi r9, r5, 1",           // 12: L
            "slwi r10, r9, 2",          // 16
            "li r12, 7",                // 20
            "lwzx r6, r8, r10",         // 24
            "add r3, r3, r6",           // 28
            "addi r5, r5, 1",           // 32
            "andi. r7, r6, 1",          // 36
            &format!("beq {}", c(60)),  // 40
            "mullw r9, r6, r12",        // 44: O (odd words)
            "addi r10, r9, 1",          // 48
            "stw r10, 0(r11)",          // 52
            "addi r12, r12, 1",         // 56
            "li r9, 5",                 // 60: E
            "add r10, r9, r3",          // 64
            "stwu r10, 4(r11)",         // 68
            "li r6, 1",                 // 72
            &format!("bdnz {}", c(12)), // 76
            "blr",                      // 80
        ],
    )
}

/// Word k of the data the loop reads: odd and even words alternate.
fn word(k: u32) -> u32 {
    5 * k + 2
}

fn data() -> Vec<u8> {
    (0..1024).flat_map(|k| word(k).to_be_bytes()).collect()
}

struct Model {
    r3: u64,
    r9: u64,
    r10: u64,
    r11: u64,
    r12: u64,
    retired: u64,
}

/// `three_blocks` run for `n` iterations from the ISA definitions: `slwi` keeps the low word
/// shifted (rlwinm with ME = 29), `lwzx` zero-extends, `stwu` stores at r11 + 4 and updates
/// r11.
fn model(n: u64, r8: u32, r11: u32) -> Model {
    let (mut r3, mut r5) = (0u64, 0u64);
    let (mut r9, mut r10, mut r11, mut r12) = (0u64, 0u64, u64::from(r11), 0u64);
    let mut retired = 3;
    for _ in 0..n {
        r9 = r5 + 1;
        r10 = (r9 << 2) & 0xffff_ffff;
        r12 = 7;
        let at = r8.wrapping_add(r10 as u32);
        let r6 = u64::from(word((at - DATA) / 4));
        r3 += r6;
        r5 += 1;
        retired += 8;
        if r6 & 1 != 0 {
            // O's r9 and r10 only reach memory (E overwrites them).
            r12 += 1;
            retired += 4;
        }
        r9 = 5;
        r10 = r9 + r3;
        r11 += 4;
        retired += 5;
    }
    Model {
        r3,
        r9,
        r10,
        r11,
        r12,
        retired: retired + 1,
    }
}

fn begin(n: u64, r8: u32, r11: u32) -> crate::Context {
    let mut ctx = start(CODE);
    ctx.gpr[4] = n;
    ctx.gpr[8] = u64::from(r8);
    ctx.gpr[11] = u64::from(r11);
    // Values the loop overwrites before reading: a jump that forgot one would show it.
    for r in [9, 10, 12] {
        ctx.gpr[r] = 0xdead_0000 + r as u64;
    }
    ctx
}

#[test]
fn registers_overwritten_first_by_the_next_block_are_exact_at_every_exit() {
    let code = [(CODE, three_blocks())];
    let fresh = || machines_with_data(&code, &data());
    let unlimited = UNLIMITED;
    for mut jit in engines() {
        // Reads from DATA + 0x400 on, stores from DATA + 0x800 on: no fault.
        let (n, r8, r11) = (40, DATA + 0x3fc, DATA + 0x800);
        let (mi, mj) = fresh();
        let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &begin(n, r8, r11), unlimited);
        assert_eq!(exit, Exit::Stopped);
        let want = model(n, r8, r11);
        assert_eq!(
            (
                ctx.gpr[3],
                ctx.gpr[5],
                ctx.gpr[9],
                ctx.gpr[10],
                ctx.gpr[11],
                ctx.gpr[12]
            ),
            (want.r3, n, want.r9, want.r10, want.r11, want.r12)
        );
        assert_eq!((retired, ctx.ctr, ctx.gpr[6]), (want.retired, 0, 1));
        // E's last store holds 5 + r3.
        let mut last = [0u8; 4];
        mj.read_bytes(want.r11 as u32, &mut last).unwrap();
        assert_eq!(u64::from(u32::from_be_bytes(last)), 5 + want.r3);
        // Every budget: a check leaving at L finds r9, r10 and r12 still in variables.
        every_budget(fresh, &mut jit, &begin(n, r8, r11), retired, unlimited);
        // The load in L walks off the data in iteration 10; E's store in iteration 7 (after
        // O) or 6 (straight from L).
        for (r8, r11, done, kind) in [
            (DATA + 0x1000 - 44, DATA + 0x800, 10, AccessKind::Read),
            (DATA - 4, DATA + 0x1000 - 32, 7, AccessKind::Write),
            (DATA - 4, DATA + 0x1000 - 28, 6, AccessKind::Write),
        ] {
            let (mi, mj) = fresh();
            let (exit, at, _) = same(&mi, &mj, &mut jit, &begin(1000, r8, r11), unlimited);
            let addr = DATA + 0x1000;
            assert_eq!(exit, Exit::Fault(Fault { addr, kind }));
            let before = model(done, r8, r11).retired - 1;
            let partial = if kind == AccessKind::Read { 3 } else { 8 + 2 };
            let odd = kind == AccessKind::Write && word(done as u32) & 1 == 1;
            assert_eq!(at, before + partial + if odd { 4 } else { 0 });
            for budget in at - 16..=at + 1 {
                let (mi, mj) = fresh();
                let limits = Limits {
                    max_instructions: budget,
                    ..unlimited
                };
                same(&mi, &mj, &mut jit, &begin(1000, r8, r11), limits);
            }
        }
        assert_eq!(jit.stats().fallback_instructions, 0, "{}", jit.stats());
    }
}

/// A store, then integer instructions, then a load that faults: the rerun from the
/// checkpoint made before the load must not run the store's successors twice. At the fault
/// (pc CODE + 12, 3 retired): r5 = r5₀ + 1, r6 = r6₀ + r5₀ + 1, and the word at r8 holds
/// r5₀'s low word.
#[test]
fn a_fault_after_a_store_and_integer_work_is_exact() {
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "stw r5, 0(r8)",
                "addi r5, r5, 1",
                "add r6, r6, r5",
                "lwz r7, 0(r9)",
                "blr",
            ],
        ),
    )];
    let mut ctx = start(CODE);
    ctx.gpr[5] = 0x1_2345_6789;
    ctx.gpr[6] = 1000;
    ctx.gpr[8] = u64::from(DATA + 0x10);
    ctx.gpr[9] = u64::from(DATA + 0x1000);
    let unlimited = Limits {
        max_instructions: 100,
        stop_at: Some(SENTINEL),
    };
    for mut jit in engines() {
        for budget in 1..=5 {
            let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
            let limits = Limits {
                max_instructions: budget,
                ..unlimited
            };
            let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, limits);
            if budget > 3 {
                let read = Fault {
                    addr: DATA + 0x1000,
                    kind: AccessKind::Read,
                };
                assert_eq!((exit, retired, got.pc), (Exit::Fault(read), 3, CODE + 12));
                assert_eq!(
                    (got.gpr[5], got.gpr[6]),
                    (0x1_2345_678a, 1000 + 0x1_2345_678a)
                );
                let mut stored = [0u8; 4];
                mj.read_bytes(DATA + 0x10, &mut stored).unwrap();
                assert_eq!(u32::from_be_bytes(stored), 0x2345_6789);
            }
        }
    }
}

/// A store at the end of one block and a store to the same read-only address at the start
/// of the next, with nothing changed in between: the first one faults (pc CODE, nothing
/// retired), so it must survive as a separate access.
#[test]
fn a_store_ending_a_block_faults_before_the_same_store_in_the_next() {
    let c = code_at;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "stw r5, 0(r8)",
                &format!("b {}", c(8)),
                "stw r6, 0(r8)",
                "blr",
            ],
        ),
    )];
    let limits = Limits {
        max_instructions: 100,
        stop_at: Some(SENTINEL),
    };
    for mut jit in engines() {
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        for m in [&mi, &mj] {
            m.map(DATA, 0x1000, Perm::READ).unwrap();
        }
        let mut ctx = start(CODE);
        ctx.gpr[8] = u64::from(DATA + 8);
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        let write = Fault {
            addr: DATA + 8,
            kind: AccessKind::Write,
        };
        assert_eq!((exit, retired, got.pc), (Exit::Fault(write), 0, CODE));
    }
}

/// A loop head H (a budget check) entered from the unit's first block, where r9 is not in a
/// variable, and from the copy of its own code that follows the fall-through: H overwrites
/// r9 first, but its check's exit cannot store r9 from a variable that one path never set,
/// so that jump must store it (the garbage a check stored would be overwritten by H itself
/// whenever execution goes on; it shows when the run ends at H). r5 = 0 goes to H directly. From the ISA: H runs max(r4, 1)
/// times, each adding 3 to r3; r9 = 3, r4 ends at 0 (or -1 when it started at 0, since
/// `addic.` runs once anyway).
#[test]
fn a_check_stores_only_what_every_jump_into_it_holds() {
    let c = code_at;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "cmpwi r5, 0",             // 0
                &format!("beq {}", c(16)), // 4
                "addi r9, r9, 1",          // 8
                "nop",                     // 12
                "li r9, 3",                // 16: H
                "add r3, r3, r9",          // 20
                "addic. r4, r4, -1",       // 24
                &format!("bgt {}", c(16)), // 28
                "blr",                     // 32
            ],
        ),
    )];
    let mut jit = Jit::new().unwrap();
    for (n, via_a, passes) in [(0u64, 0u64, 1u64), (5, 0, 5), (5, 1, 5)] {
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        let mut ctx = start(CODE);
        ctx.gpr[4] = n;
        ctx.gpr[5] = via_a;
        ctx.gpr[9] = 0xdead_0009;
        let limits = Limits {
            max_instructions: 1000,
            stop_at: Some(SENTINEL),
        };
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!(
            (got.gpr[3], got.gpr[4], got.gpr[9]),
            (3 * passes, n.wrapping_sub(passes), 3)
        );
        assert_eq!(retired, 2 + 2 * via_a + 4 * passes + 1);
        let fresh = || (machine(&code, Perm::RX), machine(&code, Perm::RX));
        every_budget(fresh, &mut jit, &ctx, retired, limits);
    }
}

/// A join J that sets cr0 before its first access, entered from two blocks that leave cr0
/// lazy with different comparisons (so the jumps merge them into its shadows, which J then
/// never reads): the shadows may stay unstored, and a fault at J's store rebuilds cr0 from
/// stale shadows before the rerun sets it again. From the ISA, per iteration k (r9 grows by
/// 4 first, r7 = word k): `cmpw r5, r9` greater → A: r3 -= r7; otherwise B: r3 += r7; then
/// J: r10 = r3 + 1, cr0 = `cmpd r10, r7`, the word at r11 + r9 = r10. B's `cmplwi` and A's
/// `cmpd` results are replaced by J's. 2 + 11 per iteration (10 through A) + 1 retired.
#[test]
fn cr_shadows_a_join_replaces_first_are_exact_at_every_exit() {
    let c = code_at;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "li r3, 0",                // 0
                "mtctr r4",                // 4
                "addi r9, r9, 4",          // 8: H
                "lwzx r7, r8, r9",         // 12
                "cmpw r5, r9",             // 16
                &format!("bgt {}", c(36)), // 20
                "add r3, r3, r7",          // 24: B
                "cmplwi r7, 100",          // 28
                &format!("b {}", c(44)),   // 32
                "subf r3, r7, r3",         // 36: A
                "cmpd r3, r7",             // 40
                "addi r10, r3, 1",         // 44: J
                "cmpd r10, r7",            // 48
                "stwx r10, r11, r9",       // 52
                &format!("bdnz {}", c(8)), // 56
                "blr",                     // 60
            ],
        ),
    )];
    let words: Vec<u32> = (0..1024u32).map(|k| (k * 37 + 60) % 150).collect();
    let data: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
    let fresh = || {
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        for m in [&mi, &mj] {
            m.poke_bytes(DATA, &data[..0x800]).unwrap();
        }
        (mi, mj)
    };
    // Reads from DATA, stores from DATA + 0x800 + r11's offset.
    let begin = |n: u64, r11: u32| {
        let mut ctx = start(CODE);
        ctx.gpr[4] = n;
        ctx.gpr[5] = 4 * 9;
        ctx.gpr[8] = u64::from(DATA - 4);
        ctx.gpr[11] = u64::from(r11);
        ctx
    };
    let unlimited = Limits {
        max_instructions: 100_000,
        stop_at: Some(SENTINEL),
    };
    for mut jit in engines() {
        let n = 30u64;
        let (mi, mj) = fresh();
        let r11 = DATA + 0x800;
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &begin(n, r11), unlimited);
        assert_eq!(exit, Exit::Stopped);
        let (mut r3, mut r9, mut r10, mut cr0, mut count) = (0i64, 0i64, 0i64, 0u32, 3u64);
        for &w in &words[..n as usize] {
            r9 += 4;
            let r7 = i64::from(w);
            if 4 * 9 > r9 {
                r3 -= r7;
                count += 10;
            } else {
                r3 += r7;
                count += 11;
            }
            r10 = r3 + 1;
            // LT, GT, EQ (SO stays clear: XER[SO] is 0).
            cr0 = match r10.cmp(&r7) {
                std::cmp::Ordering::Less => 8,
                std::cmp::Ordering::Greater => 4,
                std::cmp::Ordering::Equal => 2,
            };
        }
        assert_eq!(
            (got.gpr[3], got.gpr[9], got.gpr[10]),
            (r3 as u64, r9 as u64, r10 as u64)
        );
        assert_eq!((got.cr >> 28, retired), (cr0, count));
        every_budget(fresh, &mut jit, &begin(n, r11), retired, unlimited);
        // J's store walks off the data in iteration 12 (through B: r9 = 52 > 36).
        let r11 = DATA + 0x1000 - 4 * 13;
        let (mi, mj) = fresh();
        let (exit, at, _) = same(&mi, &mj, &mut jit, &begin(1000, r11), unlimited);
        let write = Fault {
            addr: DATA + 0x1000,
            kind: AccessKind::Write,
        };
        let before: u64 = 2
            + (0..12)
                .map(|k| if 4 * (k + 1) < 36 { 10 } else { 11 })
                .sum::<u64>();
        assert_eq!((exit, at), (Exit::Fault(write), before + 4 + 3 + 2));
    }
}

/// A `switch`: the table at DATA sends iteration k to H1 (which overwrites r10 first), H2
/// (which reads r10, the handler's own address) or H3 (which leaves r10 alone), so the
/// address in r10 is stored on the way to H2 and H3 only. From the ISA: H1 adds 7 to r3
/// and leaves r10 = 7, H2 adds CODE + 52, H3 adds 1; 2 + 4 + 3 + 2 per iteration + 1 retired.
#[test]
fn a_switch_stores_per_target_what_only_some_targets_overwrite() {
    let c = code_at;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "li r3, 0",               // 0
                "li r9, 0",               // 4
                "lwzx r10, r8, r9",       // 8: L
                "addi r9, r9, 4",         // 12
                "mtctr r10",              // 16
                "bctr",                   // 20
                "nop",                    // 24
                "nop",                    // 28
                "nop",                    // 32
                "nop",                    // 36
                "li r10, 7",              // 40: H1
                "add r3, r3, r10",        // 44
                &format!("b {}", c(80)),  // 48
                "add r3, r3, r10",        // 52: H2
                &format!("b {}", c(80)),  // 56
                "nop",                    // 60
                "addi r3, r3, 1",         // 64: H3
                &format!("b {}", c(80)),  // 68
                "nop",                    // 72
                "nop",                    // 76
                "addic. r4, r4, -1",      // 80: T
                &format!("bne {}", c(8)), // 84
                "blr",                    // 88
            ],
        ),
    )];
    let handlers = [CODE + 40, CODE + 52, CODE + 64];
    let table: Vec<u32> = (0..1024u32)
        .map(|k| handlers[((k * k + k / 4) % 3) as usize])
        .collect();
    let data: Vec<u8> = table.iter().flat_map(|w| w.to_be_bytes()).collect();
    let fresh = || {
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        for m in [&mi, &mj] {
            m.poke_bytes(DATA, &data).unwrap();
        }
        (mi, mj)
    };
    let begin = |n: u64| {
        let mut ctx = start(CODE);
        ctx.gpr[4] = n;
        ctx.gpr[8] = u64::from(DATA);
        ctx
    };
    let unlimited = Limits {
        max_instructions: 100_000,
        stop_at: Some(SENTINEL),
    };
    let mut jit = Jit::new().unwrap();
    // Enough runs for the unit to learn the three targets and be compiled with them.
    for n in [40u64, 40, 40, 60] {
        let (mi, mj) = fresh();
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &begin(n), unlimited);
        assert_eq!(exit, Exit::Stopped);
        let (mut r3, mut r10, mut count) = (0u64, 0u64, 2 + 1);
        for &h in &table[..n as usize] {
            r10 = u64::from(h);
            count += 4 + 2;
            if h == handlers[0] {
                r10 = 7;
                r3 += 7;
                count += 3;
            } else if h == handlers[1] {
                r3 += r10;
                count += 2;
            } else {
                r3 += 1;
                count += 2;
            }
        }
        assert_eq!((got.gpr[3], got.gpr[10], retired), (r3, r10, count));
    }
    let (_, retired, _) = same(&fresh().0, &fresh().1, &mut jit, &begin(60), unlimited);
    every_budget(fresh, &mut jit, &begin(60), retired, unlimited);
}
