//! A `switch` whose table of offsets is read at compile time (`block::TableSwitch`,
//! `Lifter::table_switch`). Expected values follow from the ISA definitions of the few
//! instructions involved (`lwax` sign-extends the word, `add` adds the base, `bctr` goes to
//! CTR with its low two bits cleared), computed by `model`; `same` also compares every
//! context, retired count and memory byte with the reference interpreter.
//!
//! The handlers share r3, which the dispatch block does not read: units entered at the
//! dispatch hold it in a host register all the way round (`Plan::dispatch_live_in`), so
//! every run, budget and fault below checks that too.

use super::tests_units::SENTINEL;
use super::tests_units::{asm, code_at, every_budget, machine, same, start, CODE, DATA};
use super::Jit;
use crate::interp::{Exit, Limits};
use crate::{Memory, Perm};

/// Where the program reads its operations (a byte, word or doubleword each, 4 ends the run).
const OPS: u32 = DATA;
/// The table of offsets from its own address to the four handlers, and a second copy.
const TABLE: u32 = DATA + 0x800;
const OTHER_TABLE: u32 = DATA + 0x900;

/// How the loop reads an operation and scales it to the table's offset.
#[derive(Clone, Copy, Debug)]
enum Form {
    /// A byte, `slwi`.
    Slwi,
    /// A word, `sldi`, as gcc compiles a `switch` on an `int`: the table is indexed by the
    /// word before the shift.
    Sldi,
    /// A doubleword whose high word is not zero, `sldi`: `cmplwi` and the 32-bit effective
    /// address see only low words, so the operation is the low word.
    SldiHigh,
    /// A byte, `mulli`: the table is indexed by the offset itself.
    Mulli,
}

/// An interpreter loop: handler 0 adds 1 to r3, 1 adds 10, 2 doubles r3, 3 overwrites r10
/// with 5 and adds it.
fn program(form: Form) -> Vec<u32> {
    program_bounded(form, 3)
}

/// `program`, with operations up to `bound` going through the table.
fn program_bounded(form: Form, bound: u32) -> Vec<u32> {
    let c = code_at;
    let (load, step, scale) = match form {
        Form::Slwi => ("lbzx r10, r7, r8", 1, "slwi r10, r10, 2"),
        Form::Sldi => ("lwzx r10, r7, r8", 4, "sldi r10, r10, 2"),
        Form::SldiHigh => ("ldx r10, r7, r8", 8, "sldi r10, r10, 2"),
        Form::Mulli => ("lbzx r10, r7, r8", 1, "mulli r10, r10, 4"),
    };
    asm(
        CODE,
        &[
            "li r3, 0",                      // 0
            "li r8, 0",                      // 4
            load,                            // 8: L
            &format!("addi r8, r8, {step}"), // 12
            &format!("cmplwi r10, {bound}"), // 16
            &format!("bgt {}", c(80)),       // 20
            scale,                           // 24
            "lwax r10, r5, r10",             // 28
            "add r10, r5, r10",              // 32
            "mtctr r10",                     // 36
            "bctr",                          // 40
            "addi r3, r3, 1",                // 44: H0
            &format!("b {}", c(8)),          // 48
            "addi r3, r3, 10",               // 52: H1
            &format!("b {}", c(8)),          // 56
            "slwi r3, r3, 1",                // 60: H2
            &format!("b {}", c(8)),          // 64
            "li r10, 5",                     // 68: H3
            "add r3, r3, r10",               // 72
            &format!("b {}", c(8)),          // 76
            "blr",                           // 80
        ],
    )
}

const HANDLERS: [u32; 4] = [44, 52, 60, 68];
/// The second table's handlers.
const REVERSED: [u32; 4] = [68, 60, 52, 44];

fn table_bytes(at: u32, handlers: [u32; 4]) -> Vec<u8> {
    handlers
        .iter()
        .flat_map(|h| ((CODE + h) as i64 - i64::from(at)).to_be_bytes()[4..].to_vec())
        .collect()
}

/// r3 and the retired count after running `ops` with the table sending op k to
/// `handlers[k]`: 4 instructions per operation to the `bgt`, 5 more to the handler, then
/// the handler's own (2, 2, 2, 3), and 4 + 1 for the final operation and `blr`.
fn model(ops: &[u8], handlers: [u32; 4]) -> (u64, u64) {
    let (mut r3, mut retired) = (0u64, 2u64);
    for &op in ops {
        retired += 4;
        if op > 3 {
            return (r3, retired + 1);
        }
        retired += 5;
        match HANDLERS.iter().position(|&h| h == handlers[op as usize]) {
            Some(0) => r3 += 1,
            Some(1) => r3 += 10,
            // `slwi` is `rlwinm r3,r3,1,0,30`: the low word shifted, the high word cleared.
            Some(2) => r3 = (r3 << 1) & 0xffff_ffff,
            _ => r3 += 5,
        }
        retired += if handlers[op as usize] == HANDLERS[3] {
            3
        } else {
            2
        };
    }
    unreachable!("the operations end with 4")
}

/// The interpreter's machine and the JIT's, holding the program in `form`, the operations,
/// the table sending op k to `handlers[k]` and the other table.
fn machines(form: Form, op_bytes: &[u8], handlers: [u32; 4]) -> (Memory, Memory) {
    let code = [(CODE, program(form))];
    let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
    for m in [&mi, &mj] {
        m.poke_bytes(OPS, op_bytes).unwrap();
        m.poke_bytes(TABLE, &table_bytes(TABLE, handlers)).unwrap();
        m.poke_bytes(OTHER_TABLE, &table_bytes(OTHER_TABLE, REVERSED))
            .unwrap();
        // Read-only, as .rodata and .text are: only such tables are read ahead.
        m.map(DATA, 0x1000, Perm::READ).unwrap();
    }
    (mi, mj)
}

/// Runs end at the sentinel, well within the budget.
const TO_THE_END: Limits = Limits {
    max_instructions: 100_000,
    stop_at: Some(SENTINEL),
};

/// `machines` for the `sldi` form, the operations `ops` as words.
fn word_machines(ops: &[u8]) -> (Memory, Memory) {
    let op_bytes: Vec<u8> = ops
        .iter()
        .flat_map(|&op| u32::from(op).to_be_bytes())
        .collect();
    machines(Form::Sldi, &op_bytes, HANDLERS)
}

#[test]
fn a_switch_read_at_compile_time_follows_its_table_and_its_base() {
    for form in [Form::Slwi, Form::Sldi, Form::SldiHigh, Form::Mulli] {
        switch_in(form);
    }
}

fn switch_in(form: Form) {
    let ops: Vec<u8> = (0..200u32)
        .map(|k| ((k * 7 + k / 5) % 4) as u8)
        .chain([4])
        .collect();
    let op_bytes: Vec<u8> = match form {
        Form::Sldi => ops
            .iter()
            .flat_map(|&op| u32::from(op).to_be_bytes())
            .collect(),
        Form::SldiHigh => (0u64..)
            .zip(&ops)
            .flat_map(|(k, &op)| ((k * 0x0123_4567) << 32 | u64::from(op)).to_be_bytes())
            .collect(),
        Form::Slwi | Form::Mulli => ops.clone(),
    };
    let fresh = |handlers: [u32; 4]| machines(form, &op_bytes, handlers);
    let begin = |table: u32| {
        let mut ctx = start(CODE);
        ctx.gpr[5] = u64::from(table);
        ctx.gpr[7] = u64::from(OPS);
        ctx
    };
    let limits = Limits {
        max_instructions: 100_000,
        stop_at: Some(SENTINEL),
    };
    let mut jit = Jit::new().unwrap();
    // The first runs learn the targets and the base; later ones use the table.
    let (mi, mj) = fresh(HANDLERS);
    for _ in 0..4 {
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &begin(TABLE), limits);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((got.gpr[3], retired), model(&ops, HANDLERS));
    }
    let (_, retired, _) = same(&mi, &mj, &mut jit, &begin(TABLE), limits);
    every_budget(|| fresh(HANDLERS), &mut jit, &begin(TABLE), retired, limits);
    // Another base: the table the unit read does not apply.
    let (mi, mj) = fresh(HANDLERS);
    let (exit, retired, got) = same(&mi, &mj, &mut jit, &begin(OTHER_TABLE), limits);
    assert_eq!(exit, Exit::Stopped);
    assert_eq!((got.gpr[3], retired), model(&ops, REVERSED));
    // The table rewritten between runs by the loader (op 1 now doubles): the unit that
    // read it is dropped.
    let swapped = [HANDLERS[0], HANDLERS[2], HANDLERS[2], HANDLERS[3]];
    for m in [&mi, &mj] {
        m.poke_bytes(TABLE, &table_bytes(TABLE, swapped)).unwrap();
    }
    for _ in 0..3 {
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &begin(TABLE), limits);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((got.gpr[3], retired), model(&ops, swapped));
    }
}

/// r5, the table's base, is written by no block of the loop's unit, so the unit checks it
/// once at its entry rather than at every operation. Entered with the other table, it
/// returns before its first instruction, and is compiled again for that base; after
/// `BASE_MISSES` such entries, units compare the base at the switch and are no longer
/// dropped. Every run is checked against the model and the interpreter.
#[test]
fn a_switch_base_checked_at_the_entry_follows_a_new_base() {
    let ops: Vec<u8> = (0..60u32)
        .map(|k| ((k * 5 + k / 3) % 4) as u8)
        .chain([4])
        .collect();
    let (mi, mj) = word_machines(&ops);
    let limits = TO_THE_END;
    let mut jit = Jit::new().unwrap();
    let run = |table: u32, jit: &mut Jit| {
        let mut ctx = start(CODE);
        ctx.gpr[5] = u64::from(table);
        ctx.gpr[7] = u64::from(OPS);
        let (exit, retired, got) = same(&mi, &mj, jit, &ctx, limits);
        assert_eq!(exit, Exit::Stopped);
        let handlers = if table == TABLE { HANDLERS } else { REVERSED };
        assert_eq!((got.gpr[3], retired), model(&ops, handlers), "{table:#x}");
    };
    for _ in 0..4 {
        run(TABLE, &mut jit);
    }
    assert_eq!(jit.stats().base_recompiles, 0);
    run(OTHER_TABLE, &mut jit);
    let first = jit.stats().base_recompiles;
    assert!(first > 0, "{}", jit.stats());
    for _ in 0..super::BASE_MISSES {
        run(TABLE, &mut jit);
        run(OTHER_TABLE, &mut jit);
    }
    // Each miss dropped the units holding the switch; the last ones compare at the switch.
    let settled = jit.stats().base_recompiles;
    assert!(
        settled <= first * u64::from(super::BASE_MISSES),
        "{}",
        jit.stats()
    );
    for _ in 0..3 {
        run(TABLE, &mut jit);
        run(OTHER_TABLE, &mut jit);
    }
    assert_eq!(jit.stats().base_recompiles, settled);
}

/// The way past a `switch`'s table (a base other than the one the unit read) loads the
/// table itself, which may fault. The dispatch block takes the registers the block before
/// it changed unstored (`Plan::defer`), so that way makes the context exact before the
/// load. With the base at an unmapped address the `lwax` faults, and the context is as the
/// ISA leaves it there: one word read (r8 = 4), r10 = the first operation shifted left by
/// 2, PC at the `lwax`. The runs before it alternate the tables until the units compare the
/// base at the switch (`BASE_MISSES`). Checked against the interpreter too.
#[test]
fn a_fault_past_a_switch_table_sees_the_registers_exactly() {
    let ops: Vec<u8> = (0..40u32).map(|k| ((k * 3) % 4) as u8).chain([4]).collect();
    let op_bytes: Vec<u8> = ops
        .iter()
        .flat_map(|&op| u32::from(op).to_be_bytes())
        .collect();
    let limits = Limits {
        max_instructions: 100_000,
        stop_at: Some(SENTINEL),
    };
    for host_faults in [true, false] {
        let (mi, mj) = machines(Form::Sldi, &op_bytes, HANDLERS);
        let mut jit = Jit::new().unwrap();
        jit.set_host_faults(host_faults);
        let begin = |table: u32| {
            let mut ctx = start(CODE);
            ctx.gpr[5] = u64::from(table);
            ctx.gpr[7] = u64::from(OPS);
            ctx
        };
        for _ in 0..=super::BASE_MISSES {
            for table in [TABLE, OTHER_TABLE] {
                let (exit, _, _) = same(&mi, &mj, &mut jit, &begin(table), limits);
                assert_eq!(exit, Exit::Stopped);
            }
        }
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &begin(0x3000_0000), limits);
        assert!(matches!(exit, Exit::Fault(_)), "{exit:?}");
        assert_eq!(got.pc, CODE + 28);
        assert_eq!((got.gpr[8], got.gpr[10]), (4, u64::from(ops[0]) << 2));
        assert_eq!(
            retired,
            2 + 5,
            "li, li, then the first operation to its `lwax`"
        );
    }
}

/// A `switch` whose table the unit read at compile time only in part: its fourth entry
/// sends op 3 to a handler in another 64 KiB window (`FAR`, where the read stops), and its
/// fifth sends op 4 back to a handler of the unit. The base is written by no block of the
/// loop, so the unit checks it once at its entry, and ops 3 and 4 take the way past the
/// table, which leaves through the indirect-branch table (`Lifter::table_only`). Every run,
/// and every budget of one, is checked against the interpreter, and r3 and the retired
/// count against the handlers' definitions: 4 instructions to the `bgt`, 5 more to the
/// handler, the handler's own (2, 2, 2, 2 and 3), and 4 + 1 for the op that ends the run.
#[test]
fn the_way_past_a_table_read_in_part_leaves_through_the_dispatcher() {
    const FAR: u32 = CODE + 0x1_0000;
    let c = code_at;
    let program = program_bounded(Form::Sldi, 4);
    let far = asm(FAR, &["addi r3, r3, 100", &format!("b {}", c(8))]);
    let targets = [CODE + 44, CODE + 52, CODE + 60, FAR, CODE + 68];
    let table: Vec<u8> = targets
        .iter()
        .flat_map(|&t| (i64::from(t) - i64::from(TABLE)).to_be_bytes()[4..].to_vec())
        .collect();
    let ops: Vec<u32> = (0..150u32)
        .map(|k| (k * 7 + k / 3) % 5)
        .chain([5])
        .collect();
    let op_bytes: Vec<u8> = ops.iter().flat_map(|op| op.to_be_bytes()).collect();
    let fresh = || {
        let code = [(CODE, program.clone())];
        let (mi, mj) = (machine(&code, Perm::RX), machine(&code, Perm::RX));
        for m in [&mi, &mj] {
            m.map(FAR, 0x1000, Perm::RX).unwrap();
            m.poke_bytes(FAR, &super::tests_units::bytes(&far)).unwrap();
            m.poke_bytes(OPS, &op_bytes).unwrap();
            m.poke_bytes(TABLE, &table).unwrap();
            m.map(DATA, 0x1000, Perm::READ).unwrap();
        }
        (mi, mj)
    };
    let (mut r3, mut want) = (0u64, 2u64);
    for &op in &ops {
        want += 4;
        if op > 4 {
            want += 1;
            break;
        }
        want += 5 + if op == 4 { 3 } else { 2 };
        r3 = match op {
            0 => r3 + 1,
            1 => r3 + 10,
            // `slwi` is `rlwinm r3,r3,1,0,30`: the low word shifted, the high word cleared.
            2 => (r3 << 1) & 0xffff_ffff,
            3 => r3 + 100,
            _ => r3 + 5,
        };
    }
    let mut ctx = start(CODE);
    ctx.gpr[5] = u64::from(TABLE);
    ctx.gpr[7] = u64::from(OPS);
    let limits = Limits {
        max_instructions: 100_000,
        stop_at: Some(SENTINEL),
    };
    let mut jit = Jit::new().unwrap();
    let (mi, mj) = fresh();
    for _ in 0..6 {
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((got.gpr[3], retired), (r3, want));
    }
    assert_eq!(jit.stats().base_recompiles, 0, "{}", jit.stats());
    every_budget(fresh, &mut jit, &ctx, want, limits);
}

/// A handler the loop meets only after its unit was compiled: the unit's table holds the
/// three handlers seen so far (op 3's entry names a block the unit does not hold), so op 3
/// takes the way past the table, which leaves through the indirect-branch table
/// (`Lifter::table_only`). While the `bcctr` is still learning, that way notes the new target
/// and the unit is compiled again with it (`JitStats::indirect_recompiles`). Checked against
/// the model and the interpreter.
#[test]
fn a_handler_met_late_is_taken_in_past_a_fixed_base_table() {
    let early: Vec<u8> = (0..90u32).map(|k| ((k * 5 + k / 4) % 3) as u8).collect();
    let ops: Vec<u8> = early
        .iter()
        .copied()
        .chain((0..60u32).map(|k| ((k * 7 + 1) % 4) as u8))
        .chain([4])
        .collect();
    let (mi, mj) = word_machines(&ops);
    let limits = TO_THE_END;
    let mut ctx = start(CODE);
    ctx.gpr[5] = u64::from(TABLE);
    ctx.gpr[7] = u64::from(OPS);
    let mut jit = Jit::new().unwrap();
    // Runs that stop before op 3 first appears compile the loop with handlers 0 to 2.
    let before_three = Limits {
        max_instructions: 2 + 90 * 11,
        stop_at: Some(SENTINEL),
    };
    for _ in 0..3 {
        let (exit, _, _) = same(&mi, &mj, &mut jit, &ctx, before_three);
        assert_eq!(exit, Exit::BudgetExhausted);
    }
    let learned = jit.stats().indirect_recompiles;
    for _ in 0..3 {
        let (exit, retired, got) = same(&mi, &mj, &mut jit, &ctx, limits);
        assert_eq!(exit, Exit::Stopped);
        assert_eq!((got.gpr[3], retired), model(&ops, HANDLERS));
    }
    assert!(
        jit.stats().indirect_recompiles > learned,
        "op 3's handler was taken in: {}",
        jit.stats()
    );
}
