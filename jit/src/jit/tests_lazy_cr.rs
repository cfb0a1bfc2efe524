//! CR fields kept as comparisons (`lift::lazy_cr`): exact wherever the context is read. Every
//! case compares exits, retired counts, whole contexts and memory with the reference
//! interpreter (`tests_units::same`); the hand-written one also checks CR against the values
//! the ISA's compare definitions give.

use super::tests::Rng;
use super::tests_units::{asm, code_at, machine, same, start, CODE, DATA, SENTINEL};
use super::Jit;
use crate::interp::{Exit, Limits};
use crate::Perm;

/// A field compared in one block and a host fault in the next block of the unit, before
/// anything else touches CR: the dispatcher builds the lazy fields from the registers at the
/// faulting block's checkpoint. With `overwrite`, an operand of CR0's compare changes first
/// (its old value is then in a shadow, `Runtime::cr_shadow`). r3 = 0x1_ffff_fffe and r4 = -2 have equal low words
/// (cmpw: EQ, though the doublewords differ), r5 = 7 (cmpldi 9: LT), SO set: CR0 = EQ|SO =
/// 0b0011, CR7 = LT|SO = 0b1001.
#[test]
fn lazy_fields_are_exact_at_a_fault_in_a_later_block() {
    for overwrite in [false, true] {
        for host_faults in [true, false] {
            let code = [(
                CODE,
                asm(
                    CODE,
                    &[
                        "cmpw cr0, r3, r4",
                        "cmpldi cr7, r5, 9",
                        if overwrite { "addi r4, r4, 1" } else { "nop" },
                        &format!("bge cr7, {:#x}", CODE + 20),
                        "nop",
                        "lwz r8, 0(r9)",
                        "blr",
                    ],
                ),
            )];
            let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
            let mut jit = Jit::new().unwrap();
            jit.set_host_faults(host_faults);
            let mut ctx = start(CODE);
            ctx.gpr[3] = 0x1_ffff_fffe;
            ctx.gpr[4] = (-2i64) as u64;
            ctx.gpr[5] = 7;
            ctx.gpr[9] = 0x4000_0000;
            ctx.xer_so = 1;
            let limits = until_sentinel(100);
            let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, limits);
            assert!(matches!(exit, Exit::Fault(_)), "{exit:?}");
            assert_eq!(retired, 5);
            assert_eq!(got.cr, 0x3000_0009, "overwrite {overwrite}");
        }
    }
}

/// CR1 compared in the first block; the next block writes a compared register and jumps to
/// a block that also follows the first one directly, which reads CR with `mfcr`. The
/// comparison must use the register's value from before the write (kept in a shadow): r3 = r4 = 5 gives EQ (0b0010) in CR1 whatever r3 becomes,
/// and CR0 = EQ from the start keeps `bne` from being taken, so mfcr gives 0x2200_0000.
#[test]
fn a_compared_register_written_in_a_later_block_is_compared_before() {
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "cmpw cr1, r3, r4",
                &format!("bne {:#x}", CODE + 16),
                "addi r3, r3, 100",
                &format!("b {:#x}", CODE + 16),
                "mfcr r5",
                "blr",
            ],
        ),
    )];
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    let mut jit = Jit::new().unwrap();
    let mut ctx = start(CODE);
    ctx.gpr[3] = 5;
    ctx.gpr[4] = 5;
    ctx.cr = 0x2000_0000;
    let limits = until_sentinel(100);
    let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, limits);
    assert_eq!(exit, Exit::Stopped);
    assert_eq!((got.gpr[3], got.gpr[5]), (105, 0x2200_0000));
}

/// Random loops of compares (every form, word and doubleword, all eight fields), recording
/// instructions, writes to compared registers, SO-setting `addo`, branches on every CR bit,
/// CR read as bits (`mfcr`, `crxor`, and `mcrxr` in the interpreter helper), stores, and a load walking towards unmapped memory, so
/// runs end in a fault at a random point; every budget on the way is checked too. Both ways
/// of handling guest faults, 64- and 32-bit mode.
#[test]
fn random_compare_loops_match_the_interpreter() {
    let mut rng = Rng(0x1a2b_c3d4);
    for case in 0..400 {
        let code = random_loop(&mut rng);
        let code = [(CODE, code)];
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        let mut ctx = start(CODE);
        for r in 3..=8 {
            ctx.gpr[r] = rng.pick(VALUES);
        }
        // The walking pointer reaches the end of DATA (4 KiB) within a few hundred rounds.
        ctx.gpr[10] = u64::from(DATA) + 4 * rng.below(1000);
        ctx.ctr = 50 + rng.below(400);
        ctx.xer_so = (rng.next() & 1) as u8;
        // Half the cases in 32-bit mode, where recording instructions compare low words.
        if case % 4 >= 2 {
            ctx.msr &= !(1 << 63);
        } else {
            ctx.msr |= 1 << 63;
        }
        let mut jit = Jit::new().unwrap();
        jit.set_host_faults(case % 2 == 0);
        let limits = until_sentinel(1_000_000);
        let (_, total, _) = same(&mi, &mj, &mut jit, &ctx, limits);
        for _ in 0..6 {
            let limits = until_sentinel(1 + rng.below(total.max(1)));
            same(&mi, &mj, &mut jit, &ctx, limits);
        }
    }
}

/// At most `max` instructions, stopping at the return to `SENTINEL`.
fn until_sentinel(max: u64) -> Limits {
    Limits {
        max_instructions: max,
        stop_at: Some(SENTINEL),
    }
}

/// Register values whose words and doublewords order differently signed and unsigned.
const VALUES: &[u64] = &[
    0,
    1,
    2,
    7,
    0x7fff_ffff,
    0x8000_0000,
    0xffff_ffff,
    0x1_0000_0000,
    0x1_0000_0007,
    0xffff_ffff_ffff_fffe,
    0xffff_ffff_8000_0000,
    0x8000_0000_0000_0000,
    0x7fff_ffff_ffff_ffff,
];

/// A loop of 3 to 6 blocks ending in `bdnz` to its head, then `blr`. Each block has a few
/// random instructions and ends in a conditional branch forward (to the next block but
/// one) on a random CR bit, so paths through the loop vary with the values compared.
fn random_loop(rng: &mut Rng) -> Vec<u32> {
    let blocks = 3 + rng.below(4) as usize;
    let mut body: Vec<Vec<String>> = Vec::new();
    for _ in 0..blocks {
        let mut lines = Vec::new();
        for _ in 0..1 + rng.below(5) {
            lines.push(random_insn(rng));
        }
        body.push(lines);
    }
    // Block addresses: each block's lines plus its branch.
    let mut starts = Vec::new();
    let mut at = CODE;
    for lines in &body {
        starts.push(at);
        at += 4 * (lines.len() as u32 + 1);
    }
    let tail = at;
    let mut text = Vec::new();
    for (k, lines) in body.iter().enumerate() {
        text.extend(lines.iter().cloned());
        let target = starts.get(k + 2).copied().unwrap_or(tail);
        let cond = rng.pick(&["lt", "gt", "eq", "so", "ge", "le", "ne", "ns"]);
        // Field 0 is implied in the assembler's syntax.
        let field = match some_field(rng) {
            0 => String::new(),
            f => format!("cr{f}, "),
        };
        text.push(format!("b{cond} {field}{target:#x}"));
    }
    text.push(format!("bdnz {CODE:#x}"));
    text.push("blr".into());
    let refs: Vec<&str> = text.iter().map(String::as_str).collect();
    asm(CODE, &refs)
}

/// A CR field, mostly one of a few so that compares, branches and writes meet often.
fn some_field(rng: &mut Rng) -> u64 {
    let any = rng.below(8);
    rng.pick(&[0, 0, 1, 7, any])
}

fn random_insn(rng: &mut Rng) -> String {
    let reg = |rng: &mut Rng| 3 + rng.below(6);
    let (a, b, d) = (reg(rng), reg(rng), reg(rng));
    let f = some_field(rng);
    let imm = rng.pick(&[0i64, 1, 7, -1, -2, 0x7fff, -0x8000]);
    let uimm = rng.pick(&[0u64, 1, 7, 0xffff, 0x8000]);
    match rng.below(16) {
        0 => format!("cmpw cr{f}, r{a}, r{b}"),
        1 => format!("cmpd cr{f}, r{a}, r{b}"),
        2 => format!("cmplw cr{f}, r{a}, r{b}"),
        3 => format!("cmpld cr{f}, r{a}, r{b}"),
        4 => format!("cmpwi cr{f}, r{a}, {imm}"),
        5 => format!("cmpdi cr{f}, r{a}, {imm}"),
        6 => format!("cmplwi cr{f}, r{a}, {uimm}"),
        7 => format!("cmpldi cr{f}, r{a}, {uimm}"),
        8 => {
            let op = rng.pick(&["add.", "and.", "or.", "subf.", "addo.", "xor"]);
            format!("{op} r{d}, r{a}, r{b}")
        }
        9 => format!("addi r{d}, r{a}, {imm}"),
        10 => format!("mfcr r{d}"),
        11 => format!(
            "crxor {}, {}, {}",
            rng.below(32),
            rng.below(32),
            rng.below(32)
        ),
        12 => format!("lwz r{d}, 0(r10)"),
        13 => "addi r10, r10, 4".into(),
        // Run by the interpreter helper, which must see the lazy fields built.
        14 => format!("mcrxr cr{}", some_field(rng)),
        _ => format!("stw r{a}, 0(r10)"),
    }
}

/// Word comparisons whose register operand is overwritten before a merge (their shadow
/// then holds the extended low word, `CrDesc::settled`, and the merge leaves it in place):
/// CR0 comes to the block at +24 from `cmplwi r10, 16` (r10 then advanced by 5) and from
/// `cmpwi r6, 3` (r6 then incremented). By the ISA, with r10 = 0xffff_fff0_0000_0005 only
/// the low word counts: it is 5, 10, 15 in the first three of the 20 rounds (not above 16),
/// so r6 = 3, and the last round compares 100 with 16: CR0 = GT, CR7 = EQ (r11 = 20), so
/// mfcr gives 0x4000_0002; r10 ends 100 higher. Every budget along the way leaves the
/// interpreter's state, CR included.
#[test]
fn word_comparisons_of_overwritten_registers_merge_exactly() {
    let c = code_at;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "li r6, 0",                    // 0
                "cmplwi r10, 16",              // 4: loop
                "addi r10, r10, 5",            // 8
                &format!("bgt {}", c(24)),     // 12
                "cmpwi r6, 3",                 // 16
                "addi r6, r6, 1",              // 20
                "addi r11, r11, 1",            // 24
                "cmpwi cr7, r11, 20",          // 28
                &format!("blt cr7, {}", c(4)), // 32
                "mfcr r12",                    // 36
                "blr",                         // 40
            ],
        ),
    )];
    for host_faults in [true, false] {
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        let mut jit = Jit::new().unwrap();
        jit.set_host_faults(host_faults);
        let mut ctx = start(CODE);
        ctx.gpr[10] = 0xffff_fff0_0000_0005;
        let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, until_sentinel(10_000));
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((got.gpr[6], got.gpr[11], got.gpr[12]), (3, 20, 0x4000_0002));
        assert_eq!(got.gpr[10], 0xffff_fff0_0000_0069);
        for budget in 1..160 {
            same(&mi, &mj, &mut jit, &ctx, until_sentinel(budget));
        }
    }
}

/// A field merged where one predecessor's comparison already has an operand in its shadow
/// (`cmpd`, then the compared register overwritten, in an earlier block): the merge writes
/// only the other operand (`merge_field`). for i in 1..=40: odd i compares cr5 = (i vs 9)
/// through r10, which is then overwritten; even i compares cr5 = (r12 vs 5) with r12 = 3, 4,
/// ...; the join reads the whole CR into r20 and adds it to r21. ISA values per iteration:
/// cr0 from `andi.` (odd: GT, even: EQ), cr1 from the previous round's `cmpwi` (LT after the
/// first), cr5 as above; XER[SO] is clear.
#[test]
fn a_merge_keeps_an_operand_already_in_its_shadow() {
    let c = code_at;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "li r3, 0",                     // 0
                "li r11, 9",                    // 4
                "li r12, 3",                    // 8
                "addi r3, r3, 1",               // 12: loop
                "andi. r13, r3, 1",             // 16
                &format!("beq {}", c(48)),      // 20
                "mr r10, r3",                   // 24: odd
                "cmpd cr5, r10, r11",           // 28
                "li r10, 0",                    // 32
                &format!("b {}", c(40)),        // 36
                "addi r14, r14, 1",             // 40: odd, a block later
                &format!("b {}", c(60)),        // 44
                "cmpdi cr5, r12, 5",            // 48: even
                "addi r12, r12, 1",             // 52
                &format!("b {}", c(60)),        // 56
                "mfcr r20",                     // 60: join
                "add r21, r21, r20",            // 64
                "cmpwi cr1, r3, 40",            // 68
                &format!("blt cr1, {}", c(12)), // 72
                "blr",                          // 76
            ],
        ),
    )];
    let field = |a: i64, b: i64| -> u64 {
        match a.cmp(&b) {
            std::cmp::Ordering::Less => 0b1000,
            std::cmp::Ordering::Greater => 0b0100,
            std::cmp::Ordering::Equal => 0b0010,
        }
    };
    let (mut sum, mut last, mut r12, mut cr1) = (0u64, 0u64, 3i64, 0u64);
    for i in 1..=40i64 {
        let odd = i % 2 == 1;
        let cr0 = if odd { 0b0100 } else { 0b0010 };
        let cr5 = if odd {
            field(i, 9)
        } else {
            r12 += 1;
            field(r12 - 1, 5)
        };
        last = (cr0 << 28) | (cr1 << 24) | (cr5 << 8);
        sum += last;
        cr1 = field(i, 40);
    }
    for host_faults in [true, false] {
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        let mut jit = Jit::new().unwrap();
        jit.set_host_faults(host_faults);
        let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &start(CODE), until_sentinel(10_000));
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((ctx.gpr[20], ctx.gpr[21]), (last, sum));
        for budget in (1..=60).chain(retired - 10..=retired) {
            same(&mi, &mj, &mut jit, &start(CODE), until_sentinel(budget));
        }
    }
}

/// Two unsigned comparisons of different operands meet at a loop head, which takes CR0 in
/// the unsigned merged form (`CrDesc::merged`): the shadows hold the compared values as
/// they are. The values order one way unsigned and the other way signed, so a merge that
/// compared them signed, or flipped one side's sign bits and not the other's, would show.
/// By the ISA: `cmpld r3, r4` with r3 = 2^63, r4 = 1 is GT; `cmpldi r5, 7` with r5 = 2^64 - 1
/// is GT too (signed, both would be LT); with r5 = 3 it is LT. The loop runs three times
/// (`cmpdi cr1, r6, 3`: EQ on the last), so `mfcr` reads CR0 from the last `cmpldi` and
/// CR1 = EQ. Every budget along the way, with host faults and explicit checks, leaves the
/// interpreter's state.
#[test]
fn unsigned_comparisons_merge_unsigned() {
    let c = code_at;
    let words = asm(
        CODE,
        &[
            "cmpld r3, r4",                // 0
            &format!("b {}", c(12)),       // 4
            "cmpldi r5, 7",                // 8: the loop's way back
            "addi r6, r6, 1",              // 12: head
            "cmpdi cr1, r6, 3",            // 16
            &format!("blt cr1, {}", c(8)), // 20
            "mfcr r7",                     // 24
            "blr",                         // 28
        ],
    );
    let code = [(CODE, words)];
    for (r5, cr0) in [(u64::MAX, 0x4u64), (3, 0x8)] {
        for host_faults in [true, false] {
            let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
            let mut jit = Jit::new().unwrap();
            jit.set_host_faults(host_faults);
            let mut ctx = start(CODE);
            ctx.gpr[3] = 1 << 63;
            ctx.gpr[4] = 1;
            ctx.gpr[5] = r5;
            let (exit, total, end) = same(&mi, &mj, &mut jit, &ctx, until_sentinel(1000));
            assert_eq!(exit, Exit::Stopped);
            assert_eq!(
                end.gpr[7],
                (cr0 << 28) | (0x2 << 24),
                "CR0 and CR1 by the ISA"
            );
            for budget in 1..=total {
                same(&mi, &mj, &mut jit, &ctx, until_sentinel(budget));
            }
        }
    }
}

/// Word k of `merged_word_data`: both signs, so that `lwz`'s zero-extended registers differ
/// from their low words taken signed.
fn merge_word(k: u32) -> u32 {
    k.wrapping_mul(0x9e37_79b9) ^ 0x0000_5a5a
}

/// Word comparisons of one signedness meeting at a join (`CrDesc::merged_word`), as in
/// sort's merge loop: `cmpw r5, r6` on two loaded words; where r5 > r6, r5 is stored at r10
/// and overwritten (`mr r5, r6`: its old value goes to CR0's shadow), elsewhere both stay
/// (the store keeps the two ways apart: `twins` would otherwise join them into one). The join loads
/// (so a fault there needs CR0 exact) and then reads CR with `mfcr`. Worked from the ISA:
/// in round i (from 1) the words are w(i-1) and w(i) from `r8` on, compared as signed
/// words; r9 counts the rounds with w(i-1) <= w(i); r20 adds CR each round: CR0 as
/// compared, CR7 LT from the previous round's `cmpwi cr7, r3, n` (nothing in round 1).
/// The last round leaves CR7 EQ. A second run starts near the data's end, so that the
/// join's load faults with CR0 still lazy; every budget is compared with the interpreter.
#[test]
fn word_comparisons_merge_without_extending_their_operands() {
    use super::tests_units::{engines, every_budget, machines_with_data, UNLIMITED};
    use crate::memory::{AccessKind, Fault};
    let c = code_at;
    let n = 30u32;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "li r3, 0",                     // 0
                "li r20, 0",                    // 4
                "addi r3, r3, 1",               // 8: loop
                "lwz r5, 0(r8)",                // 12
                "lwz r6, 4(r8)",                // 16
                "cmpw r5, r6",                  // 20
                &format!("ble {}", c(40)),      // 24
                "stw r5, 0(r10)",               // 28
                "mr r5, r6",                    // 32
                &format!("b {}", c(48)),        // 36
                "addi r9, r9, 1",               // 40
                &format!("b {}", c(48)),        // 44
                "lwz r7, 8(r8)",                // 48: join
                "addi r8, r8, 4",               // 52
                "mfcr r12",                     // 56
                "add r20, r20, r12",            // 60
                &format!("cmpwi cr7, r3, {n}"), // 64
                &format!("blt cr7, {}", c(8)),  // 68
                "blr",                          // 72
            ],
        ),
    )];
    let data: Vec<u8> = (0..1024)
        .flat_map(|k| merge_word(k).to_be_bytes())
        .collect();
    let fresh = || machines_with_data(&code, &data);
    let (mut r9, mut r20, mut retired, mut cr0) = (0u64, 0u64, 2u64, 0u32);
    for i in 1..=n {
        let (a, b) = (merge_word(i - 1) as i32, merge_word(i) as i32);
        cr0 = if a < b {
            8
        } else if a > b {
            4
        } else {
            2
        };
        r9 += u64::from(a <= b);
        let cr7 = if i == 1 { 0 } else { 8 };
        r20 += u64::from(cr0 << 28 | cr7);
        retired += 5 + if a <= b { 2 } else { 3 } + 6;
    }
    retired += 1;
    for mut jit in engines() {
        let mut ctx = start(CODE);
        ctx.gpr[8] = u64::from(DATA);
        ctx.gpr[10] = u64::from(DATA + 0x800);
        let (mi, mj) = fresh();
        let (exit, got_retired, got) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((got.gpr[9], got.gpr[20], got_retired), (r9, r20, retired));
        assert_eq!(got.cr, cr0 << 28 | 2);
        every_budget(fresh, &mut jit, &ctx, got_retired, UNLIMITED);
        // Round 5 reads 8 bytes past the data page's last word but one: a fault at the join.
        ctx.gpr[8] = u64::from(DATA + 0x1000 - 8 - 4 * 4);
        let (mi, mj) = fresh();
        let (exit, _, _) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
        let addr = DATA + 0x1000;
        let kind = AccessKind::Read;
        assert_eq!(exit, Exit::Fault(Fault { addr, kind }));
    }
}
