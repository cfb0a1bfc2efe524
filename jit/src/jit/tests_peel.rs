//! Loop heads peeled for the jumps from outside their loop (`block::peel_loop_heads`), and CR
//! fields dead on entry to the blocks that set them first (`lift::Plan::dead_in`).
//!
//! The program is a two-way merge written the way gcc compiles sort's (`benchmarks/src/sort.c`):
//! the loop is entered with `cr4` as the unit's entry found it (built), and its blocks set
//! `cr4` before anything reads it, for the branch that leaves. The expected results come from
//! the merge's definition and the ISA's `cmpw`/`cmpd` (`model`), and every run is also
//! compared with the reference interpreter (`tests_units::same`).

use super::tests_units::UNLIMITED;
use super::tests_units::{asm, every_budget, machines_with_data, same, start, CODE, DATA};
use super::Jit;
use crate::interp::Exit;
use crate::Context;

const A: u32 = DATA;
const B: u32 = DATA + 0x400;
const OUT: u32 = DATA + 0x800;

/// Merges the `na` words at r3 and the `nb` words at r4 to r5 until either runs out.
/// r21 = i, r25 = j, r22 = na, r23 = nb.
fn merge_code() -> Vec<u32> {
    let at = |k: u32| CODE + 4 * k;
    asm(
        CODE,
        &[
            // 0: entry
            "li r21, 0",
            "li r25, 0",
            "addi r5, r5, -4",
            "cmpd cr7, r23, r25",
            &format!("ble cr7, {:#x}", at(27)),
            "cmpd r21, r22",
            &format!("bge {:#x}", at(27)),
            // 7: the way into the loop, from outside it
            &format!("b {:#x}", at(9)),
            // 8: the loop's last test, falling through to its head
            &format!("ble cr4, {:#x}", at(27)),
            // 9: head
            "sldi r10, r25, 2",
            "sldi r9, r21, 2",
            "lwzx r10, r4, r10",
            "lwzx r9, r3, r9",
            "cmpw r10, r9",
            &format!("ble {:#x}", at(21)),
            // 15: a[i] < b[j]
            "addi r21, r21, 1",
            "mr r10, r9",
            "cmpd cr4, r22, r21",
            "stwu r10, 4(r5)",
            &format!("bgt cr7, {:#x}", at(8)),
            &format!("b {:#x}", at(27)),
            // 21: b[j] <= a[i]
            "addi r25, r25, 1",
            "cmpd cr4, r22, r21",
            "cmpd cr7, r23, r25",
            "stwu r10, 4(r5)",
            &format!("ble cr7, {:#x}", at(27)),
            &format!("b {:#x}", at(8)),
            // 27
            "blr",
        ],
    )
}

/// A CR field as `cmpw`/`cmpd` set it (ISA: LT, GT, EQ, then SO copied from XER).
fn field(a: i64, b: i64, so: bool) -> u32 {
    let order = match a.cmp(&b) {
        std::cmp::Ordering::Less => 8,
        std::cmp::Ordering::Greater => 4,
        std::cmp::Ordering::Equal => 2,
    };
    order | u32::from(so)
}

/// What the merge leaves: the words written, i, j, and CR0, CR4, CR7. `a` must reach
/// past where the merge stops.
struct Merged {
    out: Vec<i32>,
    i: usize,
    j: usize,
    cr0: u32,
    cr4: u32,
    cr7: u32,
}

fn model(a: &[i32], b: &[i32], na: usize, nb: usize, cr_in: u32, so: bool) -> Merged {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    let mut cr0 = field(0, na as i64, so);
    let mut cr4 = cr_in >> 12 & 0xf;
    let mut cr7 = field(nb as i64, 0, so);
    if nb > 0 && na > 0 {
        loop {
            let (x, y) = (b[j], a[i]);
            cr0 = field(x.into(), y.into(), so);
            if x <= y {
                j += 1;
                out.push(x);
                cr4 = field(na as i64, i as i64, so);
                cr7 = field(nb as i64, j as i64, so);
                if nb <= j {
                    break;
                }
            } else {
                i += 1;
                out.push(y);
                cr4 = field(na as i64, i as i64, so);
                if nb <= j {
                    break;
                }
            }
            if na <= i {
                break;
            }
        }
    }
    Merged {
        out,
        i,
        j,
        cr0,
        cr4,
        cr7,
    }
}

fn words(v: &[i32]) -> Vec<u8> {
    v.iter().flat_map(|w| w.to_be_bytes()).collect()
}

/// The data page: `a` at `A`, `b` at `B`.
fn data(a: &[i32], b: &[i32]) -> Vec<u8> {
    let mut d = vec![0u8; 0x1000];
    d[..4 * a.len()].copy_from_slice(&words(a));
    let b_at = (B - DATA) as usize;
    d[b_at..b_at + 4 * b.len()].copy_from_slice(&words(b));
    d
}

fn begin(a_at: u32, na: usize, nb: usize, cr: u32, so: bool) -> Context {
    let mut ctx = start(CODE);
    ctx.gpr[3] = u64::from(a_at);
    ctx.gpr[4] = u64::from(B);
    ctx.gpr[5] = u64::from(OUT);
    ctx.gpr[22] = na as u64;
    ctx.gpr[23] = nb as u64;
    ctx.cr = cr;
    ctx.xer_so = u8::from(so);
    ctx
}

/// The merge, entered with CR4 holding bits no comparison makes (LT and GT both set): the
/// head is peeled, the loop's blocks take CR4 from their own comparisons, and results,
/// CR and memory are as the model says, at the end and at every budget short of it.
#[test]
fn a_loop_entered_with_a_field_built_keeps_it_lazy_inside() {
    let a = [-40, -3, 0, 5, 5, 9, 12, 70, 71, 100];
    let b = [-50, -3, 1, 4, 6, 8, 13, 60];
    let code = [(CODE, merge_code())];
    for (na, nb, so) in [(10, 8, false), (10, 8, true), (3, 8, false), (10, 2, false)] {
        let cr_in = 0x0000_c000; // CR4 = LT|GT
        let want = model(&a, &b, na, nb, cr_in, so);
        let mut jit = Jit::new().unwrap();
        let ctx = begin(A, na, nb, cr_in, so);
        let fresh = || machines_with_data(&code, &data(&a, &b));
        let (mi, mj) = fresh();
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
        assert_eq!(exit, Exit::Stopped, "{na} {nb}");
        assert!(jit.stats().peeled_heads >= 1, "the loop head is peeled");
        let mut out = vec![0u8; 4 * want.out.len()];
        mj.read_bytes(OUT, &mut out).unwrap();
        assert_eq!(out, words(&want.out), "{na} {nb}");
        assert_eq!((got.gpr[21], got.gpr[25]), (want.i as u64, want.j as u64));
        assert_eq!(got.cr >> 28, want.cr0, "cr0 {na} {nb}");
        assert_eq!(got.cr >> 12 & 0xf, want.cr4, "cr4 {na} {nb}");
        assert_eq!(got.cr & 0xf, want.cr7, "cr7 {na} {nb}");
        every_budget(fresh, &mut jit, &ctx, retired, UNLIMITED);
    }
}

/// The same merge with `a` running off the end of the data page: the head's load faults
/// after the loop's blocks set CR4 (lazy on the way round), and the fault reports CR4 and
/// the registers as the instruction before it left them. `a` is all below `b`, so the
/// merge takes `a[0..4]` and faults reading `a[4]` at the page's end.
#[test]
fn a_fault_in_a_peeled_loop_head_sees_the_fields_exactly() {
    let a = [1, 2, 3, 4];
    let b = [10, 20];
    let a_at = DATA + 0x1000 - 16;
    let mut d = data(&[], &b);
    d[0x1000 - 16..].copy_from_slice(&words(&a));
    let code = [(CODE, merge_code())];
    for host_faults in [true, false] {
        let mut jit = Jit::new().unwrap();
        jit.set_host_faults(host_faults);
        let ctx = begin(a_at, 9, 2, 0x0000_c000, true);
        let (mi, mj) = machines_with_data(&code, &d);
        let (exit, _, got) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
        assert!(matches!(exit, Exit::Fault(_)), "{exit:?}");
        assert_eq!(got.pc, CODE + 4 * 12, "the load of a[i]");
        assert_eq!((got.gpr[21], got.gpr[25]), (4, 0));
        assert_eq!(got.cr >> 12 & 0xf, field(9, 4, true), "cr4");
        assert_eq!(got.cr & 0xf, field(2, 0, true), "cr7");
        let mut out = [0u8; 16];
        mj.read_bytes(OUT, &mut out).unwrap();
        assert_eq!(out.to_vec(), words(&a));
    }
}

/// Blocks that set CR4 before anything reads it, each entered with CR4 from another
/// comparison. The latch checks the budget, and its check's exit needs CR4 exact, so the
/// field is not dead there (`Plan::dead_in`): a budget that runs out exactly at the latch
/// (the run from the entry's check to it is the longest there is, so that happens: the
/// head leaves by `beqlr`) finds CR4 = `cmpw r3, r4` as the head left it, not CR4 = LT|GT
/// from the start. r3 counts 1 to 7; the last `cmpdi` gives EQ.
#[test]
fn a_field_set_first_in_a_checking_block_is_exact_at_its_check() {
    let at = |k: u32| CODE + 4 * k;
    let code = [(
        CODE,
        asm(
            CODE,
            &[
                "li r3, 0",
                "li r4, 100",
                // 2: head
                "cmpw cr4, r3, r4",
                "addi r3, r3, 1",
                "beqlr cr4",
                // 5: latch
                "cmpdi cr4, r3, 7",
                &format!("blt cr4, {:#x}", at(2)),
                // 7
                "blr",
            ],
        ),
    )];
    let fresh = || machines_with_data(&code, &[0; 4]);
    for host_faults in [true, false] {
        let mut jit = Jit::new().unwrap();
        jit.set_host_faults(host_faults);
        let ctx = begin(A, 0, 0, 0x0000_c000, false);
        let (mi, mj) = fresh();
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, UNLIMITED);
        assert_eq!(exit, Exit::Stopped);
        // 2 + 7 times round (5 instructions) + blr.
        assert_eq!(retired, 2 + 7 * 5 + 1);
        assert_eq!(got.gpr[3], 7);
        assert_eq!(
            got.cr >> 12 & 0xf,
            field(7, 7, false),
            "cr4 from the last cmpdi"
        );
        every_budget(fresh, &mut jit, &ctx, retired, UNLIMITED);
    }
}
