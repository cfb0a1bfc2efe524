//! Writing a case as a `.s` test in the xenia format `oxenon ppc-test` runs: the initial
//! state that differs from the runner's defaults, the instructions (branches within the
//! sequence through labels), `blr`, and the interpreter's results as the expectation.
//!
//! The expectation is only what our interpreter computed, so the header says it must be
//! checked against qemu or the ISA before the file joins tests/ppc/.

use super::compare::{Diff, Field, Outcome, Run};
use super::generator::{Link, DEFAULT_BUDGET};
use super::state::{Case, CODE_BASE, SCRATCH_BASE, SCRATCH_SIZE, SENTINEL};
use crate::ppctest::layout::INITIAL_SP;
use crate::ppctest::state::Reg;
use oxenon_jit::interp::Exit;
use oxenon_jit::isa::asm::assemble_at;
use oxenon_jit::isa::disassemble;
use oxenon_jit::Context;
use std::fmt::Write;

/// What the header says about where the case came from.
pub struct Meta {
    /// The test label, `test_...`.
    pub label: String,
    /// The command and iteration that found it.
    pub origin: String,
    /// Body length before shrinking.
    pub original_len: usize,
    /// Header lines about a run the JIT needs to have made first (empty if none).
    pub warmup: Vec<String>,
}

/// Bytes per MEMORY_IN/MEMORY_OUT line.
const ROW: usize = 16;

/// Every register the test format can name.
fn all_regs() -> impl Iterator<Item = Reg> {
    (0..32)
        .map(Reg::Gpr)
        .chain((0..32).map(Reg::Fpr))
        .chain((0..128).map(Reg::Vr))
        .chain([
            Reg::Cr,
            Reg::Xer,
            Reg::Lr,
            Reg::Ctr,
            Reg::Fpscr,
            Reg::Vscr,
            Reg::Msr,
        ])
}

fn value_in(reg: Reg, c: &Context) -> u128 {
    match reg {
        Reg::Gpr(n) => c.gpr[usize::from(n)].into(),
        Reg::Fpr(n) => c.fpr[usize::from(n)].into(),
        Reg::Vr(n) => c.vr[usize::from(n)],
        Reg::Cr => c.cr.into(),
        Reg::Xer => c.xer().into(),
        Reg::Lr => c.lr.into(),
        Reg::Ctr => c.ctr.into(),
        Reg::Fpscr => c.fpscr.into(),
        Reg::Vscr => c.vscr.into(),
        Reg::Msr => c.msr.into(),
    }
}

/// A value in annotation syntax: hex at the register's width, vectors as four words.
fn annotation_text(reg: Reg, v: u128) -> String {
    match reg.bits() {
        128 => {
            let w = |i: u32| (v >> (96 - 32 * i)) as u32;
            format!("[{:08X}, {:08X}, {:08X}, {:08X}]", w(0), w(1), w(2), w(3))
        }
        32 => format!("0x{:08X}", v as u32),
        _ => format!("0x{:016X}", v as u64),
    }
}

/// The value `ppc-test` starts a test with when the file does not say. MSR and VSCR have
/// none here: their defaults have changed before (to follow what titles see), so the file
/// always states them.
fn runner_default(reg: Reg) -> Option<u128> {
    match reg {
        Reg::Gpr(1) => Some(INITIAL_SP.into()),
        Reg::Lr => Some(SENTINEL.into()),
        Reg::Msr | Reg::Vscr => None,
        _ => Some(0),
    }
}

/// The test-format register a differing field belongs to, if any.
fn reg_of_field(f: Field) -> Option<Reg> {
    Some(match f {
        Field::Gpr(n) => Reg::Gpr(n),
        Field::Fpr(n) => Reg::Fpr(n),
        Field::Vr(n) => Reg::Vr(n),
        Field::Cr => Reg::Cr,
        Field::XerSo | Field::XerOv | Field::XerCa | Field::XerBc => Reg::Xer,
        Field::Lr => Reg::Lr,
        Field::Ctr => Reg::Ctr,
        Field::Msr => Reg::Msr,
        Field::Fpscr => Reg::Fpscr,
        Field::Vscr => Reg::Vscr,
        _ => return None,
    })
}

/// One instruction as source text: the disassembly when both our assembler and GNU as
/// turn it back into the same word, a `.long` otherwise (the layout is kept exactly, so a
/// raw branch displacement stays right); a branch within the sequence names its label.
fn source_line(word: u32, pc: u32, label: Option<&str>) -> String {
    let mut text = disassemble(word, pc);
    if let Some(label) = label {
        let target = format!("0x{:x}", branch_target(word, pc));
        if let Some(head) = text.strip_suffix(&target) {
            if assemble_at(&text, pc) == Ok(word) && gas_accepts(word) {
                return format!("{head}{label}");
            }
            text = format!("{head}{label}");
        }
    } else if assemble_at(&text, pc) == Ok(word) && gas_accepts(word) {
        return text;
    }
    format!(".long 0x{word:08x}  # {text}")
}

/// Encodings our decoder accepts but GNU as (`-mpower7`, as ppc-test runs it) refuses to
/// assemble from their disassembly.
fn gas_accepts(word: u32) -> bool {
    let opcd = word >> 26;
    let xo = (word >> 1) & 0x3FF;
    let is_bc = opcd == 16 || (opcd == 19 && (xo == 16 || xo == 528));
    if is_bc && !gas_accepts_bo((word >> 21) & 31) {
        return false;
    }
    // fres/frsqrte with FRA = 1: objdump prints a third operand `,1` that as rejects.
    let is_estimate =
        (opcd == 59 && (word >> 1) & 31 == 24) || (opcd == 63 && (word >> 1) & 31 == 26);
    !(is_estimate && (word >> 16) & 31 != 0)
}

/// The BO values the Power ISA 2.x "at" hint convention allows: z bits zero and no
/// reserved `at = 01` hint.
fn gas_accepts_bo(bo: u32) -> bool {
    match bo & 0x14 {
        // 0000z, 0001z, 0100z, 0101z (decrement and test a condition)
        0x00 => bo & 1 == 0,
        // 1z1zz: branch always
        0x14 => bo == 0x14,
        // 001at, 011at: at = (BO[3], BO[4])
        0x04 => bo & 3 != 1,
        // 1a00t, 1a01t: at = (BO[1], BO[4])
        _ => bo & 9 != 1,
    }
}

fn branch_target(word: u32, pc: u32) -> u32 {
    let (disp, aa) = match word >> 26 {
        18 => (
            (((word & 0x03FF_FFFC) << 6) as i32 >> 6) as u32,
            word & 2 != 0,
        ),
        _ => ((word & 0xFFFC) as u16 as i16 as i32 as u32, word & 2 != 0),
    };
    if aa {
        disp
    } else {
        pc.wrapping_add(disp)
    }
}

fn label(i: usize) -> String {
    format!(".Lfz{i}")
}

/// The test text for `case`, run by the interpreter with outcome `interp`, on which the
/// JIT differed by `diffs`.
pub fn emit(case: &Case, interp: &Run, diffs: &[Diff], meta: &Meta) -> String {
    let mut s = String::new();
    let body = &case.program.body;
    let words = case.program.words();
    let out = interp.outcome();

    // Header.
    let _ = writeln!(
        s,
        "# Differential-fuzzing reproducer written by {}.",
        meta.origin
    );
    let _ = writeln!(
        s,
        "# Shrunk from {} to {} instructions (plus the closing blr).",
        meta.original_len,
        body.len()
    );
    let _ = writeln!(s, "#");
    let _ = writeln!(s, "# The JIT and the interpreter disagree:");
    for d in diffs {
        let _ = writeln!(s, "#   {d}");
    }
    let _ = writeln!(s, "#");
    let _ = writeln!(
        s,
        "# The expected values below (REGISTER_OUT, MEMORY_OUT) are the INTERPRETER's results,"
    );
    let _ = writeln!(
        s,
        "# not verified ones. Check them against qemu (`oxenon ppc-test --backend qemu FILE`)"
    );
    let _ = writeln!(
        s,
        "# or the ISA, and fix whichever backend is wrong, before this file joins tests/ppc/."
    );
    if !meta.warmup.is_empty() {
        let _ = writeln!(s, "#");
        for l in &meta.warmup {
            let _ = writeln!(s, "# {l}");
        }
    }
    let notes = notes(case, out, diffs);
    if !notes.is_empty() {
        let _ = writeln!(s, "#");
        let _ = writeln!(s, "# What the test format cannot express:");
        for n in notes {
            let _ = writeln!(s, "#   {n}");
        }
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "{}:", meta.label);

    // Initial state.
    for line in initial_state_lines(&case.ctx) {
        let _ = writeln!(s, "  {line}");
    }
    for (row, bytes) in case.scratch.chunks(ROW).enumerate() {
        if bytes.iter().any(|&b| b != 0) {
            let _ = writeln!(s, "  #_ MEMORY_IN {}", memory_row(row, bytes));
        }
    }

    // Code.
    let mut targets: Vec<usize> = body
        .iter()
        .filter_map(|sl| match sl.link {
            Link::Branch(t) => Some(t),
            _ => None,
        })
        .collect();
    targets.sort_unstable();
    targets.dedup();
    for (i, w) in words.iter().enumerate() {
        if targets.binary_search(&i).is_ok() {
            let _ = writeln!(s, "{}:", label(i));
        }
        let pc = CODE_BASE + 4 * i as u32;
        let l = match body.get(i).map(|sl| sl.link) {
            Some(Link::Branch(t)) => Some(label(t)),
            _ => None,
        };
        let _ = writeln!(s, "  {}", source_line(*w, pc, l.as_deref()));
    }

    // Expectation.
    if let Some(o) = out {
        let differs: Vec<Reg> = diffs.iter().filter_map(|d| reg_of_field(d.field)).collect();
        for reg in all_regs() {
            let v = value_in(reg, &o.ctx);
            let changed = v != value_in(reg, &case.ctx);
            if changed || differs.contains(&reg) {
                let _ = writeln!(s, "  #_ REGISTER_OUT {} {}", reg, annotation_text(reg, v));
            }
        }
        let differing_rows: Vec<usize> = diffs
            .iter()
            .filter_map(|d| match d.field {
                Field::Memory { addr, len } => Some((addr, len)),
                _ => None,
            })
            .flat_map(|(addr, len)| {
                let first = (addr - SCRATCH_BASE) as usize / ROW;
                let last = (addr - SCRATCH_BASE + len.max(1) - 1) as usize / ROW;
                first..=last
            })
            .collect();
        for (row, bytes) in o.scratch.chunks(ROW).enumerate() {
            let before = case.scratch.get(row * ROW..row * ROW + bytes.len());
            if before != Some(bytes) || differing_rows.contains(&row) {
                let _ = writeln!(s, "  #_ MEMORY_OUT {}", memory_row(row, bytes));
            }
        }
    }
    s
}

/// REGISTER_IN lines for every register that differs from what `ppc-test` starts with.
pub fn initial_state_lines(ctx: &Context) -> Vec<String> {
    all_regs()
        .filter_map(|reg| {
            let v = value_in(reg, ctx);
            (runner_default(reg) != Some(v))
                .then(|| format!("#_ REGISTER_IN {} {}", reg, annotation_text(reg, v)))
        })
        .collect()
}

fn memory_row(row: usize, bytes: &[u8]) -> String {
    let addr = SCRATCH_BASE as usize + row * ROW;
    let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02X}")).collect();
    format!("{addr:08X} {}", hex.join(" "))
}

/// Conditions of the run that a `.s` test cannot state, so a reader knows where
/// `ppc-test` will differ from the fuzzer.
fn notes(case: &Case, out: Option<&Outcome>, diffs: &[Diff]) -> Vec<String> {
    let mut n = Vec::new();
    let c = &case.ctx;
    if c.timebase != 0 {
        n.push(format!(
            "initial time base {:#x} (ppc-test starts at 0)",
            c.timebase
        ));
    }
    if c.vrsave != 0 {
        n.push(format!(
            "initial VRSAVE {:#x} (ppc-test starts at 0)",
            c.vrsave
        ));
    }
    if c.reserve_valid != 0 {
        n.push(format!(
            "a reservation held at the start: {} bytes at {:#010x}, value {:#x}",
            c.reserve_size, c.reserve_addr, c.reserve_value
        ));
    }
    if case.budget != DEFAULT_BUDGET {
        n.push(format!(
            "an instruction budget of {} (the run stops when it is used up)",
            case.budget
        ));
    }
    if case.scratch.len() != SCRATCH_SIZE as usize {
        n.push("scratch memory of an unusual size".into());
    }
    match out {
        Some(o) if o.exit != Exit::Stopped => n.push(format!(
            "the interpreter exits with \"{}\" at pc {:#010x} after {} instructions; the state \
             below is the state at that exit, which ppc-test reports as a failure",
            o.exit, o.ctx.pc, o.retired
        )),
        Some(_) => {}
        None => n.push("the interpreter did not finish, so there are no expected values".into()),
    }
    for d in diffs {
        if reg_of_field(d.field).is_none() && !matches!(d.field, Field::Memory { .. }) {
            n.push(format!("the difference in {} ({d})", d.field));
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::super::compare::{run_interp, Diff, Field};
    use super::super::generator::{generate, Class, Slot, SplitMix64};
    use super::super::shrink::shrink;
    use super::super::state::Machine;
    use super::*;
    use crate::ppctest::parse::parse;
    use oxenon_jit::isa::{decode, Op};

    const ADD_R3_R4_R5: u32 = 0x7C64_2A14;

    fn has_add_with_nonzero_ra(c: &Case) -> bool {
        c.program.body.iter().any(|s| {
            decode(s.word).is_some_and(|d| {
                matches!(d.op(), Op::Integer(oxenon_jit::isa::integer::IntOp::Add))
                    && c.ctx.gpr[d.insn.ra()] != 0
            })
        })
    }

    /// A generated case with `add r3,r4,r5` in the middle and r4 set.
    fn case_with_add() -> Case {
        let mut case = generate(&mut SplitMix64::for_iteration(11, 0), &Class::SCALAR, 30);
        let mid = case.program.body.len() / 2;
        case.program.body.insert(
            mid,
            Slot {
                word: ADD_R3_R4_R5,
                link: Link::None,
            },
        );
        // Inserting shifts later instructions; links past `mid` move with them.
        for s in &mut case.program.body {
            s.link = match s.link {
                Link::Branch(t) if t > mid => Link::Branch(t + 1),
                Link::CodeOffset {
                    anchor,
                    target,
                    low,
                } => Link::CodeOffset {
                    anchor: if anchor > mid { anchor + 1 } else { anchor },
                    target: if target > mid { target + 1 } else { target },
                    low,
                },
                other => other,
            };
        }
        case.ctx.gpr[4] = 0xDEAD_BEEF_0000_0001;
        case
    }

    #[test]
    fn shrinker_keeps_only_what_the_predicate_needs() {
        let case = case_with_add();
        assert!(has_add_with_nonzero_ra(&case));
        let (small, checks) = shrink(&case, &mut has_add_with_nonzero_ra, 10_000);
        assert!(checks > 0);
        let words: Vec<u32> = small.program.body.iter().map(|s| s.word).collect();
        assert_eq!(words, vec![ADD_R3_R4_R5]);
        assert_eq!(small.program.lr_restore, None);
        // r4 pulled toward zero as far as the predicate allows: its low word.
        assert_eq!(small.ctx.gpr[4], 1);
        let nonzero: Vec<usize> = (0..32).filter(|&i| small.ctx.gpr[i] != 0).collect();
        assert_eq!(nonzero, vec![4]);
        assert!(small.ctx.fpr.iter().all(|&f| f == 0));
        assert!(small.scratch.iter().all(|&b| b == 0));
        assert_eq!((small.ctx.cr, small.ctx.ctr, small.ctx.msr), (0, 0, 0));
        assert_eq!(
            small.ctx.lr,
            u64::from(SENTINEL),
            "the return address is kept"
        );
    }

    #[test]
    fn shrinker_respects_its_budget_and_an_unfailing_case() {
        let case = case_with_add();
        let (same, checks) = shrink(&case, &mut |_| false, 10_000);
        assert!(checks > 0);
        assert_eq!(same.program, case.program);
        let (_, checks) = shrink(&case, &mut has_add_with_nonzero_ra, 5);
        assert_eq!(checks, 5);
    }

    #[test]
    fn emitted_test_states_inputs_code_and_the_interpreters_results() {
        let (small, _) = shrink(&case_with_add(), &mut has_add_with_nonzero_ra, 10_000);
        let mut small = small;
        small.ctx.gpr[5] = 2;
        small.ctx.msr = oxenon_jit::context::MSR_SF;
        let m = Machine::new().unwrap();
        let run = run_interp(&m, &small, 0).unwrap();
        let diffs = [Diff {
            field: Field::Gpr(3),
            interp: "0x0000000000000003".into(),
            jit: "0x0000000000000004".into(),
        }];
        let meta = Meta {
            label: "test_fuzz_unit".into(),
            origin: "a unit test".into(),
            original_len: 31,
            warmup: Vec::new(),
        };
        let text = emit(&small, &run, &diffs, &meta);
        for want in [
            "Shrunk from 31 to 1 instructions",
            "r3: interpreter 0x0000000000000003, JIT 0x0000000000000004",
            "INTERPRETER's results",
            "oxenon ppc-test --backend qemu",
            "test_fuzz_unit:",
            "  #_ REGISTER_IN r1 0x0000000000000000",
            "  #_ REGISTER_IN r4 0x0000000000000001",
            "  #_ REGISTER_IN r5 0x0000000000000002",
            "  #_ REGISTER_IN vscr 0x00000000",
            "  #_ REGISTER_IN msr 0x8000000000000000",
            "  add     r3,r4,r5\n  blr\n",
            "  #_ REGISTER_OUT r3 0x0000000000000003",
        ] {
            assert!(text.contains(want), "missing {want:?} in:\n{text}");
        }
        assert!(!text.contains("MEMORY_IN"), "{text}");
        // The runner's parser reads it back as the same inputs.
        let tests = parse(&text).unwrap();
        assert_eq!(tests.len(), 1);
        assert_eq!(tests[0].name, "test_fuzz_unit");
        assert_eq!(tests[0].reg_in.len(), 5);
        assert_eq!(tests[0].reg_out.len(), 1);
    }

    #[test]
    fn branches_get_labels_and_memory_rows_round_trip() {
        let m = Machine::new().unwrap();
        let mut seen_label = false;
        for i in 0..40 {
            let case = generate(&mut SplitMix64::for_iteration(5, i), &Class::SCALAR, 25);
            let run = run_interp(&m, &case, 0).unwrap();
            let meta = Meta {
                label: format!("test_fuzz_{i}"),
                origin: "a unit test".into(),
                original_len: case.program.body.len(),
                warmup: Vec::new(),
            };
            let text = emit(&case, &run, &[], &meta);
            seen_label |= text.contains(".Lfz");
            let tests = parse(&text).unwrap_or_else(|e| panic!("{e:?} in\n{text}"));
            let mut image = vec![0u8; SCRATCH_SIZE as usize];
            for block in &tests[0].mem_in {
                let off = (block.addr - SCRATCH_BASE) as usize;
                image[off..off + block.bytes.len()].copy_from_slice(&block.bytes);
            }
            assert!(
                image == case.scratch,
                "MEMORY_IN does not rebuild scratch memory"
            );
        }
        assert!(seen_label);
    }

    /// Emitted files must pass `ppc-test` on the interpreter (their expectations are its
    /// results), which also checks that GNU as reads the disassembly and labels back as the
    /// same words. Skipped without the PowerPC assembler, except under CI.
    #[test]
    fn emitted_files_pass_ppc_test_on_the_interpreter() {
        use crate::ppctest::{run as ppc_test, BackendChoice, PpcTestArgs};
        let have_as = std::env::var_os("PATH").is_some_and(|p| {
            std::env::split_paths(&p).any(|d| d.join("powerpc64-linux-gnu-as").is_file())
        });
        if !have_as {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must have powerpc64-linux-gnu-as"
            );
            eprintln!("skipped: powerpc64-linux-gnu-as not installed");
            return;
        }
        let dir = std::env::temp_dir().join(format!("oxenon-fuzz-emit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let m = Machine::new().unwrap();
        let mut written = 0;
        for i in 0..60 {
            let mut case = generate(&mut SplitMix64::for_iteration(9, i), &Class::ALL, 25);
            // Only what the format can state: no time base, VRSAVE, reservation or budget.
            case.ctx.timebase = 0;
            case.ctx.vrsave = 0;
            case.ctx.reserve_valid = 0;
            case.budget = DEFAULT_BUDGET;
            let run = run_interp(&m, &case, 0).unwrap();
            if run.outcome().is_none_or(|o| o.exit != Exit::Stopped) {
                continue;
            }
            let meta = Meta {
                label: format!("test_fuzz_{i}"),
                origin: "a unit test".into(),
                original_len: case.program.body.len(),
                warmup: Vec::new(),
            };
            let text = emit(&case, &run, &[], &meta);
            std::fs::write(dir.join(format!("case{i}.s")), text).unwrap();
            written += 1;
        }
        assert!(written >= 30, "only {written} cases ran to the end");
        let args = PpcTestArgs {
            paths: vec![dir.clone()],
            backend: BackendChoice::Interp,
            filter: None,
            verbose: false,
            qemu_cpu: "power7".into(),
            qemu_timeout: 10,
            jit_stats: false,
        };
        let totals = ppc_test(&args).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!((totals.passed, totals.failed), (written, 0));
    }
}
