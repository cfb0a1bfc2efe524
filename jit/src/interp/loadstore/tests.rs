//! Expected values come from the ISA's definitions. Those marked "qemu" were also produced
//! by running the same instructions on the same data under qemu-ppc64 7.2 (64-bit mode).
//! 32-bit-mode and 32-bit effective-address cases are Xenon behaviour qemu-ppc64 cannot show
//! and follow the ISA only.

use super::{double_to_single, single_to_double};
use crate::interp::{step, ExecResult, Exit};
use crate::memory::{AccessKind, Fault};
use crate::{Context, Memory, Perm};

const CODE: u32 = 0x8000_0000;
/// Two read-write pages, then a read-only page, then nothing.
const DATA: u32 = 0x1000_0000;
const RO_PAGE: u32 = 0x1000_2000;
const UNMAPPED: u32 = 0x1000_3000;

const SRC: [u8; 24] = [
    0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00,
    0x80, 0x01, 0, 0, 0x80, 0, 0, 1,
];

fn setup() -> (Context, Memory) {
    let mem = Memory::new().unwrap();
    mem.map(CODE, 0x1000, Perm::RX).unwrap();
    mem.map(DATA, 0x2000, Perm::RW).unwrap();
    mem.map(RO_PAGE, 0x1000, Perm::READ).unwrap();
    mem.write_bytes(DATA, &SRC).unwrap();
    let mut ctx = Context {
        pc: CODE,
        ..Context::default()
    };
    ctx.gpr[3] = u64::from(DATA);
    (ctx, mem)
}

/// Executes `word` through `step`, from a code page, as the run loop would.
fn run(ctx: &mut Context, mem: &Memory, word: u32) -> ExecResult {
    mem.poke_bytes(CODE, &word.to_be_bytes()).unwrap();
    ctx.pc = CODE;
    step(ctx, mem)
}

fn bytes(mem: &Memory, addr: u32, n: usize) -> Vec<u8> {
    let mut v = vec![0; n];
    mem.read_bytes(addr, &mut v).unwrap();
    v
}

#[test]
fn integer_loads_extend_as_specified() {
    // qemu: lha/lhz of 0x8001, lwa/lwax of 0x80000001, lbz of 0x11.
    let (mut c, m) = setup();
    run(&mut c, &m, 0xa8a3_0010).unwrap(); // lha r5,16(r3)
    assert_eq!(c.gpr[5], 0xffff_ffff_ffff_8001);
    run(&mut c, &m, 0xa0a3_0010).unwrap(); // lhz r5,16(r3)
    assert_eq!(c.gpr[5], 0x8001);
    run(&mut c, &m, 0xe8a3_0016).unwrap(); // lwa r5,20(r3)
    assert_eq!(c.gpr[5], 0xffff_ffff_8000_0001);
    c.gpr[4] = 20;
    run(&mut c, &m, 0x7ca3_22aa).unwrap(); // lwax r5,r3,r4
    assert_eq!(c.gpr[5], 0xffff_ffff_8000_0001);
    run(&mut c, &m, 0x88a3_0000).unwrap(); // lbz r5,0(r3)
    assert_eq!(c.gpr[5], 0x11);
    run(&mut c, &m, 0xe8a3_0008).unwrap(); // ld r5,8(r3)
    assert_eq!(c.gpr[5], 0x99aa_bbcc_ddee_ff00);
    assert_eq!(c.pc, CODE + 4);
}

#[test]
fn byte_reversed_forms() {
    // qemu: lhbrx/lwbrx of 11 22 33 44; sthbrx/stwbrx of 0xaabbccdd.
    let (mut c, m) = setup();
    c.gpr[4] = 0;
    run(&mut c, &m, 0x7ca3_262c).unwrap(); // lhbrx r5,r3,r4
    assert_eq!(c.gpr[5], 0x2211);
    run(&mut c, &m, 0x7ca3_242c).unwrap(); // lwbrx r5,r3,r4
    assert_eq!(c.gpr[5], 0x4433_2211);
    c.gpr[5] = 0xffff_ffff_aabb_ccdd;
    c.gpr[4] = 0x100;
    run(&mut c, &m, 0x7ca3_272c).unwrap(); // sthbrx r5,r3,r4
    c.gpr[4] = 0x104;
    run(&mut c, &m, 0x7ca3_252c).unwrap(); // stwbrx r5,r3,r4
    assert_eq!(
        bytes(&m, DATA + 0x100, 8),
        [0xdd, 0xcc, 0, 0, 0xdd, 0xcc, 0xbb, 0xaa]
    );
}

#[test]
fn update_forms_write_the_effective_address_to_ra() {
    // qemu: lwzu r5,4(r3) loads 0x55667788 and leaves r3 + 4 in r3.
    let (mut c, m) = setup();
    run(&mut c, &m, 0x84a3_0004).unwrap();
    assert_eq!((c.gpr[5], c.gpr[3]), (0x5566_7788, u64::from(DATA) + 4));
    // ldu takes DS (0x8 | xo 1), stdu/stwu store the old RS then update.
    c.gpr[3] = u64::from(DATA);
    run(&mut c, &m, 0xe8a3_0009).unwrap(); // ldu r5,8(r3)
    assert_eq!(
        (c.gpr[5], c.gpr[3]),
        (0x99aa_bbcc_ddee_ff00, u64::from(DATA) + 8)
    );
    c.gpr[1] = u64::from(DATA) + 0x200;
    c.gpr[5] = 0x0123_4567_89ab_cdef;
    run(&mut c, &m, 0xf8a1_fff1).unwrap(); // stdu r5,-16(r1)
    assert_eq!(c.gpr[1], u64::from(DATA) + 0x1f0);
    assert_eq!(m.read_u64(DATA + 0x1f0).unwrap(), 0x0123_4567_89ab_cdef);
}

#[test]
fn effective_addresses_are_32_bit_but_update_keeps_the_mode_width() {
    // Xenon: the access uses EA[32:63]; RA receives the architected EA (64-bit sum in
    // 64-bit mode, high word cleared in 32-bit mode).
    let (mut c, m) = setup();
    c.gpr[3] = 0x0000_0001_0000_0000 | u64::from(DATA);
    run(&mut c, &m, 0x84a3_0004).unwrap(); // lwzu r5,4(r3)
    assert_eq!(c.gpr[5], 0x5566_7788);
    assert_eq!(c.gpr[3], 0x0000_0001_0000_0004 | u64::from(DATA));
    c.msr = 0;
    c.gpr[3] = 0xffff_ffff_0000_0000 | u64::from(DATA);
    run(&mut c, &m, 0x84a3_0004).unwrap();
    assert_eq!((c.gpr[5], c.gpr[3]), (0x5566_7788, u64::from(DATA) + 4));
}

#[test]
fn faulting_update_load_changes_nothing() {
    let (mut c, m) = setup();
    c.gpr[3] = u64::from(UNMAPPED);
    c.gpr[5] = 0x5555;
    let before = c.clone();
    let r = run(&mut c, &m, 0x84a3_0004); // lwzu r5,4(r3)
    assert_eq!(
        r,
        Err(Exit::Fault(Fault {
            addr: UNMAPPED + 4,
            kind: AccessKind::Read
        }))
    );
    assert_eq!(c, before);
}

#[test]
fn page_crossing_store_into_read_only_page_writes_nothing() {
    let (mut c, m) = setup();
    c.gpr[3] = u64::from(RO_PAGE) - 2;
    c.gpr[5] = 0xaabb_ccdd;
    let before = c.clone();
    let r = run(&mut c, &m, 0x94a3_0000); // stwu r5,0(r3)
    assert_eq!(
        r,
        Err(Exit::Fault(Fault {
            addr: RO_PAGE,
            kind: AccessKind::Write
        }))
    );
    assert_eq!(c, before);
    assert_eq!(bytes(&m, RO_PAGE - 2, 2), [0, 0]);
}

#[test]
fn load_and_store_multiple() {
    // qemu: lmw r29,0(r3) gives 0x11223344, 0x55667788, 0x99aabbcc with the high words clear.
    let (mut c, m) = setup();
    c.gpr[29..32].fill(u64::MAX);
    run(&mut c, &m, 0xbba3_0000).unwrap();
    assert_eq!(c.gpr[29..32], [0x1122_3344, 0x5566_7788, 0x99aa_bbcc]);
    // stmw stores the low words.
    c.gpr[3] = u64::from(DATA) + 0x100;
    c.gpr[30] = 0xffff_ffff_0102_0304;
    c.gpr[31] = 0x0506_0708;
    run(&mut c, &m, 0xbfc3_0000).unwrap(); // stmw r30,0(r3)
    assert_eq!(bytes(&m, DATA + 0x100, 8), [1, 2, 3, 4, 5, 6, 7, 8]);
}

#[test]
fn store_multiple_faulting_in_its_second_page_writes_nothing() {
    let (mut c, m) = setup();
    c.gpr[3] = u64::from(RO_PAGE) - 8;
    c.gpr[29] = 0x1111_1111;
    let before = c.clone();
    let r = run(&mut c, &m, 0xbfa3_0000); // stmw r29,0(r3): 12 bytes, 4 in the RO page
    assert!(matches!(r, Err(Exit::Fault(f)) if f.kind == AccessKind::Write));
    assert_eq!(c, before);
    assert_eq!(bytes(&m, RO_PAGE - 8, 8), [0; 8]);
}

#[test]
fn load_multiple_faulting_leaves_registers() {
    let (mut c, m) = setup();
    c.gpr[3] = u64::from(UNMAPPED) - 8;
    c.gpr[29..32].fill(7);
    let before = c.clone();
    assert!(run(&mut c, &m, 0xbba3_0000).is_err()); // lmw r29,0(r3)
    assert_eq!(c, before);
}

#[test]
fn string_loads_wrap_registers_and_zero_fill() {
    // qemu: lswi r30,r3,10 -> r30, r31, r0 = 0x11223344, 0x55667788, 0x99aa0000.
    let (mut c, m) = setup();
    c.gpr[0] = u64::MAX;
    c.gpr[30] = u64::MAX;
    run(&mut c, &m, 0x7fc3_54aa).unwrap();
    assert_eq!(
        [c.gpr[30], c.gpr[31], c.gpr[0]],
        [0x1122_3344, 0x5566_7788, 0x99aa_0000]
    );
    // qemu: lswx r28,r3,r4 with r4 = 1 and XER[bc] = 5 -> 0x22334455, 0x66000000.
    c.gpr[4] = 1;
    c.set_xer(5);
    c.gpr[28] = u64::MAX;
    c.gpr[29] = u64::MAX;
    run(&mut c, &m, 0x7f83_242a).unwrap();
    assert_eq!([c.gpr[28], c.gpr[29]], [0x2233_4455, 0x6600_0000]);
}

#[test]
fn string_stores() {
    // qemu: stswi r28,r6,6 stores 01 02 03 04 05 06; stswx with XER[bc] = 0 stores nothing.
    let (mut c, m) = setup();
    c.gpr[28] = 0xdead_0000_0102_0304;
    c.gpr[29] = 0x0506_0708;
    c.gpr[6] = u64::from(DATA) + 0x100;
    run(&mut c, &m, 0x7f86_35aa).unwrap();
    assert_eq!(bytes(&m, DATA + 0x100, 8), [1, 2, 3, 4, 5, 6, 0, 0]);
    c.gpr[6] = u64::from(DATA) + 0x200;
    c.gpr[4] = 0;
    c.set_xer(0);
    run(&mut c, &m, 0x7f86_252a).unwrap(); // stswx r28,r6,r4
    assert_eq!(bytes(&m, DATA + 0x200, 8), [0; 8]);
}

#[test]
fn string_ops_with_base_register_in_range_are_invalid() {
    // qemu raises SIGILL for each of these; the context must be untouched.
    let (mut c, m) = setup();
    c.gpr[6] = u64::from(DATA);
    c.gpr[7] = 0;
    c.set_xer(8);
    let before = c.clone();
    for word in [
        0x7ca6_44aa, // lswi r5,r6,8: loads r5, r6 = RA
        0x7c00_34aa, // lswi r0,0,6: RA = 0 counts for lswi
        0x7ca6_3c2a, // lswx r5,r6,r7 with 8 bytes: RA = r6 in range
        0x7ca7_342a, // lswx r5,r7,r6: RB = r6 in range
    ] {
        assert_eq!(run(&mut c, &m, word), Err(Exit::Invalid { word }));
        assert_eq!(c, before);
    }
    // qemu: lswx r31,0,r6 loads r31 and r0; RA = 0 does not count for lswx.
    c.gpr[6] = u64::from(DATA);
    run(&mut c, &m, 0x7fe0_342a).unwrap();
    assert_eq!([c.gpr[31], c.gpr[0]], [0x1122_3344, 0x5566_7788]);
}

#[test]
fn reservation_success_failure_and_cr0() {
    // qemu: lwarx/stwcx. succeeds (CR0 = 0010, word stored); a second stwcx. fails
    // (CR0 = 0000); with XER[SO] set success gives CR0 = 0011.
    let (mut c, m) = setup();
    let a = DATA + 0x100;
    m.write_u32(a, 0x55).unwrap();
    c.gpr[6] = u64::from(a);
    run(&mut c, &m, 0x7ca0_3028).unwrap(); // lwarx r5,0,r6
    assert_eq!(c.gpr[5], 0x55);
    c.gpr[5] = 0x66;
    run(&mut c, &m, 0x7ca0_312d).unwrap(); // stwcx. r5,0,r6
    assert_eq!((c.cr, m.read_u32(a).unwrap()), (0x2000_0000, 0x66));
    c.gpr[5] = 0x77;
    run(&mut c, &m, 0x7ca0_312d).unwrap();
    assert_eq!((c.cr, m.read_u32(a).unwrap()), (0, 0x66));
    c.set_xer(0x8000_0000);
    run(&mut c, &m, 0x7ca0_3028).unwrap();
    run(&mut c, &m, 0x7ca0_312d).unwrap();
    assert_eq!(c.cr, 0x3000_0000);
    assert_eq!(c.reserve_valid, 0);
}

#[test]
fn store_conditional_to_another_address_fails_without_storing() {
    // qemu: reservation on A, stwcx. to A + 4 fails and leaves memory alone.
    let (mut c, m) = setup();
    let a = DATA + 0x100;
    c.gpr[6] = u64::from(a);
    run(&mut c, &m, 0x7ca0_3028).unwrap(); // lwarx r5,0,r6
    c.gpr[6] = u64::from(a + 4);
    c.gpr[5] = 0x99;
    run(&mut c, &m, 0x7ca0_312d).unwrap(); // stwcx. r5,0,r6
    assert_eq!((c.cr, m.read_u32(a + 4).unwrap()), (0, 0));
}

#[test]
fn store_conditional_fails_when_memory_changed_since_the_reservation() {
    // Another thread's store between lwarx and stwcx. loses the reservation on hardware.
    let (mut c, m) = setup();
    let a = DATA + 0x100;
    c.gpr[6] = u64::from(a);
    run(&mut c, &m, 0x7ca0_3028).unwrap();
    m.write_u32(a, 0x1234).unwrap();
    c.gpr[5] = 0x99;
    run(&mut c, &m, 0x7ca0_312d).unwrap();
    assert_eq!((c.cr, m.read_u32(a).unwrap()), (0, 0x1234));
}

#[test]
fn doubleword_reservation() {
    // qemu: ldarx/stdcx. of -2 succeeds.
    let (mut c, m) = setup();
    let a = DATA + 0x108;
    c.gpr[6] = u64::from(a);
    run(&mut c, &m, 0x7ca0_30a8).unwrap(); // ldarx r5,0,r6
    c.gpr[5] = (-2i64) as u64;
    run(&mut c, &m, 0x7ca0_31ad).unwrap(); // stdcx. r5,0,r6
    assert_eq!(
        (c.cr, m.read_u64(a).unwrap()),
        (0x2000_0000, (-2i64) as u64)
    );
    // A word reservation does not cover a doubleword store-conditional.
    run(&mut c, &m, 0x7ca0_3028).unwrap(); // lwarx
    run(&mut c, &m, 0x7ca0_31ad).unwrap(); // stdcx.
    assert_eq!(c.cr, 0);
}

#[test]
fn misaligned_or_unmapped_reservation_accesses_fault_precisely() {
    let (mut c, m) = setup();
    c.gpr[6] = u64::from(DATA) + 2;
    let before = c.clone();
    assert_eq!(
        run(&mut c, &m, 0x7ca0_3028),
        Err(Exit::Fault(Fault {
            addr: DATA + 2,
            kind: AccessKind::Read
        }))
    );
    assert_eq!(c, before);
    // A held reservation survives a faulting store-conditional.
    c.gpr[6] = u64::from(DATA);
    run(&mut c, &m, 0x7ca0_3028).unwrap();
    c.gpr[6] = u64::from(RO_PAGE);
    c.pc = CODE;
    let before = c.clone();
    assert!(run(&mut c, &m, 0x7ca0_312d).is_err());
    assert_eq!(c, before);
    assert_eq!(c.reserve_valid, 1);
}

#[test]
fn single_to_double_matches_the_isa_load_algorithm() {
    // qemu: lfs then stfd of each word.
    for (word, want) in [
        (0x0000_0001, 0x36a0_0000_0000_0000u64), // smallest denormal -> 2^-149
        (0x007f_ffff, 0x380f_ffff_c000_0000),    // largest denormal
        (0x0040_0000, 0x3800_0000_0000_0000),
        (0x8000_0003, 0xb6b8_0000_0000_0000),
        (0x7f80_0001, 0x7ff0_0000_2000_0000), // SNaN stays signalling
        (0xff80_0000, 0xfff0_0000_0000_0000),
        (0x7fc0_0000, 0x7ff8_0000_0000_0000),
        (0x3f80_0000, 0x3ff0_0000_0000_0000),
        (0x0000_0000, 0),
        (0x8000_0000, 0x8000_0000_0000_0000),
    ] {
        assert_eq!(single_to_double(word), want, "{word:#010x}");
    }
}

#[test]
fn double_to_single_matches_the_isa_store_algorithm() {
    // qemu: lfd then stfs of each doubleword.
    for (d, want) in [
        (0x3ff0_0000_0000_0001u64, 0x3f80_0000u32), // truncated, not rounded
        (0x3ff0_0000_ffff_ffff, 0x3f80_0007),
        (0x47f0_0000_0000_0000, 0x7f80_0000), // 2^128: bits copied, no saturation logic
        (0x7ff0_0000_0000_0001, 0x7f80_0000), // NaN payload below bit 29 is lost
        (0x7ff4_0000_0000_0000, 0x7fa0_0000),
        (0x3800_0000_0000_0000, 0x0040_0000), // 2^-127 denormalized
        (0x36a0_0000_0000_0000, 0x0000_0001), // 2^-149, exponent 874
        (0x3690_0000_0000_0000, 0),           // below 874: undefined; qemu stores zero
        (0x0000_0000_0000_0001, 0),
        (0x8000_0000_0000_0001, 0x8000_0000),
        (0xb690_0000_0000_0000, 0x8000_0000),
        (0x8000_0000_0000_0000, 0x8000_0000),
        (0xb80f_ffff_ffff_ffff, 0x807f_ffff),
        (0x3810_0000_0000_0000, 0x0080_0000),
        (0x3fff_ffff_ffff_ffff, 0x3fff_ffff),
        (0x0010_0000_0000_0000, 0),
    ] {
        assert_eq!(double_to_single(d), want, "{d:#018x}");
    }
}

#[test]
fn float_loads_and_stores_move_bits() {
    let (mut c, m) = setup();
    m.write_u32(DATA + 0x100, 0x7f80_0001).unwrap();
    run(&mut c, &m, 0xc023_0100).unwrap(); // lfs f1,0x100(r3)
    assert_eq!(c.fpr[1], 0x7ff0_0000_2000_0000);
    run(&mut c, &m, 0xd023_0108).unwrap(); // stfs f1,0x108(r3)
    assert_eq!(m.read_u32(DATA + 0x108).unwrap(), 0x7f80_0001);
    // qemu: stfiwx stores the low word of the FPR's bits.
    c.fpr[1] = 0x1234_5678_9abc_def0;
    c.gpr[6] = u64::from(DATA) + 0x110;
    run(&mut c, &m, 0x7c20_37ae).unwrap(); // stfiwx f1,0,r6
    assert_eq!(m.read_u32(DATA + 0x110).unwrap(), 0x9abc_def0);
    run(&mut c, &m, 0xd823_0118).unwrap(); // stfd f1,0x118(r3)
    run(&mut c, &m, 0xc843_0118).unwrap(); // lfd f2,0x118(r3)
    assert_eq!(c.fpr[2], 0x1234_5678_9abc_def0);
    // lfsu updates RA.
    run(&mut c, &m, 0xc423_0100).unwrap(); // lfsu f1,0x100(r3)
    assert_eq!(c.gpr[3], u64::from(DATA) + 0x100);
}

#[test]
fn invalid_update_and_multiple_forms_do_not_decode() {
    // objdump prints these as .long and qemu raises SIGILL for the update forms.
    for word in [
        0x84a0_0008u32, // lwzu r5,8(0)
        0x84a5_0008,    // lwzu r5,8(r5)
        0x94a0_0008,    // stwu r5,8(0)
        0xe8a5_0009,    // ldu r5,8(r5)
        0x7ca5_306e,    // lwzux r5,r5,r6
        0xc4a0_0008,    // lfsu f5,8(0)
        0xb8a6_0010,    // lmw r5,16(r6): RA in the loaded range
        0x7ca5_342a,    // lswx r5,r5,r6
        0x7ca6_392c,    // stwcx. without its record bit
    ] {
        assert!(crate::isa::decode(word).is_none(), "{word:#010x}");
    }
}
