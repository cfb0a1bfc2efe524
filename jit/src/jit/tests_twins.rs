//! Twin arms (`twins`): a binary tree search laid out as powerpc64-linux-gnu-gcc -O2 lays
//! out pointer_chase's, whose branch between `ld r9,0(r9)` and `ld r9,8(r9)` the JIT turns
//! into two loads and a choice. Expected values come from a model of the search written
//! from the ISA definitions (`lwz` zero-extends the word, `cmplw` compares low words
//! unsigned, `ld` reads a big-endian doubleword); `same` also compares every context,
//! retired count and memory byte with the reference interpreter.

use super::tests_units::{
    asm, code_at, every_budget, machines_with_data, same, start, CODE, DATA, UNLIMITED,
};
use crate::interp::{Exit, Limits};
use crate::memory::{AccessKind, Fault};

/// r9: the root, r7: the key. Leaves with r9 the node holding the key (or 0) and r10 the
/// depth reached. T and F are the twins: `bgt` (key below the node's) goes left, to T.
fn search() -> Vec<u32> {
    let c = code_at;
    asm(
        CODE,
        &[
            "li r10, 0",               // 0
            &format!("b {}", c(24)),   // 4
            "ld r9, 0(r9)",            // 8: T (left)
            "addi r10, r10, 1",        // 12
            "cmpdi r9, 0",             // 16
            &format!("beq {}", c(56)), // 20
            "lwz r8, 16(r9)",          // 24: A
            "cmplw r8, r7",            // 28
            &format!("beq {}", c(56)), // 32
            &format!("bgt {}", c(8)),  // 36
            "ld r9, 8(r9)",            // 40: F (right)
            "addi r10, r10, 1",        // 44
            "cmpdi r9, 0",             // 48
            &format!("bne {}", c(24)), // 52
            "blr",                     // 56
        ],
    )
}

/// Nodes of 24 bytes (left, right, key) at `base` in DATA order; `links[k]` gives node k's
/// children as node numbers.
fn tree(base: u32, nodes: &[(Option<usize>, Option<usize>, u32)]) -> Vec<u8> {
    let at = |k: Option<usize>| k.map_or(0, |k| u64::from(base) + 24 * k as u64);
    nodes
        .iter()
        .flat_map(|&(l, r, key)| {
            let mut n = Vec::with_capacity(24);
            n.extend(at(l).to_be_bytes());
            n.extend(at(r).to_be_bytes());
            n.extend(key.to_be_bytes());
            n.extend([0; 4]);
            n
        })
        .collect()
}

/// 50 at the root, 30 and 70 below, 20, 40, 60, 80 as leaves.
const NODES: [(Option<usize>, Option<usize>, u32); 7] = [
    (Some(1), Some(2), 50),
    (Some(3), Some(4), 30),
    (Some(5), Some(6), 70),
    (None, None, 20),
    (None, None, 40),
    (None, None, 60),
    (None, None, 80),
];

/// The search by the ISA: (r9, r10, instructions retired through the `blr`).
fn model(mem: &[(Option<usize>, Option<usize>, u32)], base: u32, key: u32) -> (u64, u64, u64) {
    let addr = |k: usize| u64::from(base) + 24 * k as u64;
    let (mut node, mut depth, mut retired) = (Some(0), 0, 2);
    while let Some(k) = node {
        retired += 3; // A
        let (l, r, nkey) = mem[k];
        if nkey == key {
            return (addr(k), depth, retired + 1);
        }
        retired += 1 + 4; // the bgt and one arm
        depth += 1;
        node = if nkey > key { l } else { r };
    }
    (0, depth, retired + 1)
}

fn begin(root: u32, key: u32) -> crate::Context {
    let mut ctx = start(CODE);
    ctx.gpr[9] = u64::from(root);
    ctx.gpr[7] = u64::from(key);
    ctx.gpr[8] = 0xdead_0008;
    ctx.gpr[10] = 0xdead_0010;
    ctx
}

#[test]
fn a_search_through_twin_arms_finds_what_the_isa_finds_at_every_budget() {
    let code = [(CODE, search())];
    let data = tree(DATA, &NODES);
    let fresh = || machines_with_data(&code, &data);
    // Every key in the tree, and keys that fall off it on both sides and between.
    for key in [50, 30, 70, 20, 40, 60, 80, 10, 45, 65, 99] {
        let want = model(&NODES, DATA, key);
        for host_faults in [true, false] {
            let mut jit = super::Jit::new().unwrap();
            jit.set_host_faults(host_faults);
            let (mi, mj) = fresh();
            let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &begin(DATA, key), UNLIMITED);
            assert_eq!(exit, Exit::Stopped);
            assert_eq!((ctx.gpr[9], ctx.gpr[10], retired), want, "key {key}");
            every_budget(fresh, &mut jit, &begin(DATA, key), retired, UNLIMITED);
            // Only where accesses fault in the host (`lift::find_twins`).
            let merged = jit.stats().twin_branches > 0;
            assert_eq!(merged, host_faults, "{}", jit.stats());
        }
    }
}

/// The root sits 8 bytes before the data, so its left link (at the root's address) is in an
/// unmapped page while its right link and key are not: going right, the left arm's load
/// faults in the host although the guest never makes it (the interpreter reruns from the
/// branch and takes the right arm); going left, the guest faults at T's load.
#[test]
fn a_twin_arm_whose_twin_cannot_be_read_runs_on_and_a_fault_stops_at_the_real_arm() {
    let code = [(CODE, search())];
    let root = DATA - 8;
    // The root's right link and key, then 60 and 80 below it.
    let mut data = Vec::new();
    data.extend(u64::from(DATA + 16).to_be_bytes());
    data.extend(70u32.to_be_bytes());
    data.extend([0; 4]);
    data.extend(tree(DATA + 16, &[(None, Some(1), 60), (None, None, 80)]));
    let fresh = || machines_with_data(&code, &data);
    for host_faults in [true, false] {
        let mut jit = super::Jit::new().unwrap();
        jit.set_host_faults(host_faults);
        let (mi, mj) = fresh();
        let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &begin(root, 75), UNLIMITED);
        assert_eq!(exit, Exit::Stopped);
        // 75: right of 70 to 60, right of 60 to 80, left of 80 to nothing.
        assert_eq!((ctx.gpr[9], ctx.gpr[10]), (0, 3));
        assert_eq!(retired, 2 + 3 * (3 + 1 + 4) + 1);
        if host_faults {
            // The merged load of the root faulted and the interpreter took over from the
            // branch for its two instructions.
            let s = jit.stats();
            assert!(
                s.twin_branches > 0 && s.interpreted_instructions >= 2,
                "{s}"
            );
        }
        // Key 10 goes left at the root: T's load reads the root's left link, unmapped.
        let (mi, mj) = fresh();
        let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &begin(root, 10), UNLIMITED);
        let fault = Fault {
            addr: root,
            kind: AccessKind::Read,
        };
        assert_eq!(exit, Exit::Fault(fault));
        assert_eq!(ctx.pc, CODE + 8);
        // li, b, A's three, the bgt: the load did not retire.
        assert_eq!(retired, 6);
        for budget in 0..=retired + 1 {
            let limits = Limits {
                max_instructions: budget,
                ..UNLIMITED
            };
            let (mi, mj) = fresh();
            same(&mi, &mj, &mut jit, &begin(root, 10), limits);
        }
    }
}

/// Twin arms of every load width: `cmpwi r3, 0; bgt T`, each arm one load from r5 and a
/// branch to the end. By the ISA, with bytes 0x80 0x81 ... at DATA: `lbz` zero-extends a
/// byte, `lhz`/`lha` a halfword zero/sign-extended, `lwz`/`lwa` a word, `ld` a doubleword,
/// all big-endian; the taken arm (r3 > 0) reads at +0, the other at +8.
#[test]
fn twin_arms_load_every_width_from_the_arm_taken() {
    let c = code_at;
    let bytes: Vec<u8> = (0x80..0xa0).collect();
    let word = |at: usize, n: usize| {
        bytes[at..at + n]
            .iter()
            .fold(0u64, |w, &b| (w << 8) | u64::from(b))
    };
    let sext = |v: u64, n: usize| (((v << (64 - 8 * n)) as i64) >> (64 - 8 * n)) as u64;
    let widths: [(&str, usize, bool); 6] = [
        ("lbz", 1, false),
        ("lhz", 2, false),
        ("lha", 2, true),
        ("lwz", 4, false),
        ("lwa", 4, true),
        ("ld", 8, false),
    ];
    for (op, n, signed) in widths {
        let code = [(
            CODE,
            asm(
                CODE,
                &[
                    "cmpwi r3, 0",              // 0
                    &format!("bgt {}", c(16)),  // 4
                    &format!("{op} r4, 8(r5)"), // 8: F
                    &format!("b {}", c(24)),    // 12
                    &format!("{op} r4, 0(r5)"), // 16: T
                    &format!("b {}", c(24)),    // 20
                    "blr",                      // 24
                ],
            ),
        )];
        let fresh = || machines_with_data(&code, &bytes);
        for r3 in [1u64, 0] {
            let at = if r3 > 0 { 0 } else { 8 };
            let raw = word(at, n);
            let want = if signed { sext(raw, n) } else { raw };
            let mut jit = super::Jit::new().unwrap();
            let mut ctx = start(CODE);
            ctx.gpr[3] = r3;
            ctx.gpr[5] = u64::from(DATA);
            let (mi, mj) = fresh();
            let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
            assert_eq!(
                (exit, retired, ctx.gpr[4]),
                (Exit::Stopped, 5, want),
                "{op} r3={r3}"
            );
            assert_eq!(jit.stats().twin_branches, 1, "{op}");
        }
    }
}

/// Entered at an arm (T), as pointer_chase's search unit is: the unit's entry then heads
/// the loop, and the loop's copy of T, which checks the budget, runs merged into the branch
/// before it while the entry's own copy runs T alone. T starts from a parent node at
/// DATA + 0x200 whose left link is the root: by the ISA, one more level and T's four
/// instructions more than the search from the root, without its `li` and `b`.
#[test]
fn a_search_entered_at_a_twin_arm_is_exact_at_every_budget() {
    let code = [(CODE, search())];
    let mut data = tree(DATA, &NODES);
    data.resize(0x200, 0);
    data.extend(u64::from(DATA).to_be_bytes());
    let fresh = || machines_with_data(&code, &data);
    for key in [50, 20, 80, 45, 99] {
        let (r9, r10, retired) = model(&NODES, DATA, key);
        let want = (r9, r10 + 1, retired - 2 + 4);
        let mut jit = super::Jit::new().unwrap();
        let mut ctx = begin(DATA + 0x200, key);
        ctx.pc = CODE + 8;
        ctx.gpr[10] = 0;
        let (mi, mj) = fresh();
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((got.gpr[9], got.gpr[10], retired), want, "key {key}");
        every_budget(fresh, &mut jit, &ctx, retired, UNLIMITED);
        assert!(jit.stats().twin_branches > 0, "{}", jit.stats());
    }
}

/// A store before the branch: an arm's load that faults must rerun from the branch, after
/// the store, whichever arm the guest takes. r5 is 8 bytes before the data, so the taken
/// arm's load (at r5) is unmapped and the other's (at r5 + 8) reads DATA. By the ISA:
/// r3 = 0 goes to F, which loads the word at DATA (6 instructions through the `blr`);
/// r3 = 1 goes to T, which faults reading r5 after the `stw`, the `cmpwi` and the `bgt`.
#[test]
fn an_arm_load_after_a_store_reruns_from_the_branch() {
    let c = code_at;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "stw r3, 0(r6)",           // 0
                "cmpwi r3, 0",             // 4
                &format!("bgt {}", c(20)), // 8
                "lwz r4, 8(r5)",           // 12: F
                &format!("b {}", c(28)),   // 16
                "lwz r4, 0(r5)",           // 20: T
                &format!("b {}", c(28)),   // 24
                "blr",                     // 28
            ],
        ),
    )];
    let data = [0x12, 0x34, 0x56, 0x78];
    let fresh = || machines_with_data(&code, &data);
    for host_faults in [true, false] {
        for r3 in [0u64, 1] {
            let mut jit = super::Jit::new().unwrap();
            jit.set_host_faults(host_faults);
            let mut ctx = start(CODE);
            ctx.gpr[3] = r3;
            ctx.gpr[5] = u64::from(DATA - 8);
            ctx.gpr[6] = u64::from(DATA + 0x100);
            let (mi, mj) = fresh();
            let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
            let mut stored = [0u8; 4];
            mj.read_bytes(DATA + 0x100, &mut stored).unwrap();
            assert_eq!(u64::from(u32::from_be_bytes(stored)), r3);
            if r3 == 0 {
                assert_eq!((exit, retired, got.gpr[4]), (Exit::Stopped, 6, 0x1234_5678));
            } else {
                let fault = Fault {
                    addr: DATA - 8,
                    kind: AccessKind::Read,
                };
                assert_eq!((exit, retired, got.pc), (Exit::Fault(fault), 3, CODE + 20));
            }
            assert_eq!(jit.stats().twin_branches > 0, host_faults);
        }
    }
}

/// An untaken arm whose load faults every time (the root's left link unmapped, every
/// search going right) costs a return to the dispatcher each time; after
/// `TWIN_FAULTS` of them the unit is compiled again with the branch, and the search runs
/// on without faults. Each fault reruns the `bgt` and the right arm's `ld` in the
/// interpreter.
#[test]
fn an_arm_that_keeps_faulting_where_the_guest_does_not_gets_its_branch_back() {
    let code = [(CODE, search())];
    let mut data = Vec::new();
    data.extend(u64::from(DATA + 16).to_be_bytes());
    data.extend(70u32.to_be_bytes());
    data.extend([0; 4]);
    data.extend(tree(DATA + 16, &[(None, Some(1), 60), (None, None, 80)]));
    let (mi, mj) = machines_with_data(&code, &data);
    let mut jit = super::Jit::new().unwrap();
    for _ in 0..3 * super::TWIN_FAULTS {
        let (exit, retired, ctx) = same(&mi, &mj, &mut jit, &begin(DATA - 8, 75), UNLIMITED);
        assert_eq!((exit, retired), (Exit::Stopped, 2 + 3 * (3 + 1 + 4) + 1));
        assert_eq!((ctx.gpr[9], ctx.gpr[10]), (0, 3));
    }
    let s = jit.stats();
    // The unit from the entry and the one the dispatcher compiled where each rerun ended
    // (after the right arm's `ld`) both held the branch.
    assert!(s.twin_recompiles > 0, "{s}");
    assert_eq!(
        s.interpreted_instructions,
        2 * u64::from(super::TWIN_FAULTS),
        "{s}"
    );
}

/// int_kernels' Collatz steps as powerpc64-linux-gnu-gcc -O2 lays them out: H computes
/// 3x in r10 and tests x's low bit; the `bne` goes to O (x = 3x + 1) or falls to E
/// (x = x >> 1); both count the step in r6, compare x with 1 and go back to H or out. O and
/// E are twins that differ in their first instruction (`addi` against `srdi`), so the JIT
/// runs H and O as one block with a choice between the two values of r9.
fn collatz() -> Vec<u32> {
    let c = code_at;
    asm(
        CODE,
        &[
            "li r6, 0",                // 0
            &format!("b {}", c(24)),   // 4
            "addi r9, r10, 1",         // 8: O
            "addi r6, r6, 1",          // 12
            "cmpldi r9, 1",            // 16
            &format!("beq {}", c(56)), // 20
            "sldi r10, r9, 1",         // 24: H
            "andi. r8, r9, 1",         // 28
            "add r10, r10, r9",        // 32
            &format!("bne {}", c(8)),  // 36
            "srdi r9, r9, 1",          // 40: E
            "addi r6, r6, 1",          // 44
            "cmpldi r9, 1",            // 48
            &format!("bne {}", c(24)), // 52
            "blr",                     // 56
        ],
    )
}

/// The steps by their definition (x odd: 3x + 1, else x / 2, until x is 1, at least one
/// step), with the registers the ISA leaves: (r6 steps, r8 = the last x's low bit, r10 = 3
/// times the last x, wrapping, retired through the `blr`).
fn collatz_model(n: u64) -> (u64, u64, u64, u64) {
    let (mut x, mut steps, mut retired) = (n, 0u64, 2u64);
    loop {
        let last = x;
        x = if x & 1 == 1 {
            x.wrapping_mul(3).wrapping_add(1)
        } else {
            x >> 1
        };
        steps += 1;
        retired += 4 + 4; // H and one arm
        if x == 1 {
            return (steps, last & 1, last.wrapping_mul(3), retired + 1);
        }
    }
}

#[test]
fn collatz_steps_through_twin_arms_that_differ_in_an_integer_result_are_exact_at_every_budget() {
    let code = [(CODE, collatz())];
    let fresh = || machines_with_data(&code, &[0]);
    for n in [1u64, 2, 3, 6, 7, 27, 97, 871] {
        let (steps, r8, r10, want_retired) = collatz_model(n);
        let mut jit = super::Jit::new().unwrap();
        let mut ctx = start(CODE);
        ctx.gpr[9] = n;
        let (mi, mj) = fresh();
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!(
            (got.gpr[9], got.gpr[6], got.gpr[8], got.gpr[10], retired),
            (1, steps, r8, r10, want_retired),
            "n {n}"
        );
        // cmpldi r9,1 with r9 = 1: EQ alone in CR0 (XER[SO] is clear).
        assert_eq!(got.cr >> 28, 0b0010, "n {n}");
        assert!(jit.stats().twin_branches > 0, "{}", jit.stats());
        every_budget(fresh, &mut jit, &ctx, retired, UNLIMITED);
    }
}

/// Arms that compute an address differently and then load through it alike: the load
/// after the choice faults, in the host, only as the arm the guest takes would. r5 is 8
/// bytes before the data: T (r3 > 0) addresses r5 itself, unmapped; F addresses r5 + 8,
/// the word 0x12345678 at DATA. By the ISA: r3 = 0 retires the six instructions through
/// the `blr` with r6 = 0x12345678; r3 = 1 faults at T's `lwz` after three.
#[test]
fn a_load_through_a_register_the_twin_arms_computed_differently_faults_as_the_arm_taken() {
    let c = code_at;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "cmpwi r3, 0",             // 0
                &format!("bgt {}", c(20)), // 4
                "addi r4, r5, 8",          // 8: F
                "lwz r6, 0(r4)",           // 12
                &format!("b {}", c(32)),   // 16
                "addi r4, r5, 0",          // 20: T
                "lwz r6, 0(r4)",           // 24
                &format!("b {}", c(32)),   // 28
                "blr",                     // 32
            ],
        ),
    )];
    let data = [0x12, 0x34, 0x56, 0x78];
    let fresh = || machines_with_data(&code, &data);
    for r3 in [0u64, 1] {
        let mut jit = super::Jit::new().unwrap();
        let mut ctx = start(CODE);
        ctx.gpr[3] = r3;
        ctx.gpr[5] = u64::from(DATA - 8);
        let (mi, mj) = fresh();
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
        if r3 == 0 {
            assert_eq!((exit, retired, got.gpr[6]), (Exit::Stopped, 6, 0x1234_5678));
            assert_eq!(got.gpr[4], u64::from(DATA));
        } else {
            let fault = Fault {
                addr: DATA - 8,
                kind: AccessKind::Read,
            };
            assert_eq!((exit, retired, got.pc), (Exit::Fault(fault), 3, CODE + 24));
            assert_eq!(got.gpr[4], u64::from(DATA - 8));
        }
        assert_eq!(jit.stats().twin_branches, 1, "{}", jit.stats());
        every_budget(fresh, &mut jit, &ctx, retired, UNLIMITED);
    }
}
