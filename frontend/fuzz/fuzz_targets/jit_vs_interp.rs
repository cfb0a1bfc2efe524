//! libFuzzer target: the fuzzer's bytes choose a case, which runs on the interpreter and on
//! the JIT; any difference is a crash, reported with the sequence and the differences.
//!
//! Bytes 0 and 1 select the classes (bit per class, bit 7: a fresh JIT instead of the shared
//! one) and the length; the rest drive the same generator `oxenon fuzz` uses, whose fix-ups
//! turn whatever the bytes say into valid, safe, terminating instruction words and an
//! initial state. Reproduce a crash with `cargo +nightly fuzz run jit_vs_interp FILE`.

#![no_main]
// The engine files are shared with the `oxenon` binary, which uses parts this target does not.
#![allow(dead_code)]

#[path = "../../src/fuzz/compare.rs"]
mod compare;
#[path = "../../src/fuzz/generator.rs"]
mod generator;
#[path = "../../src/fuzz/state.rs"]
mod state;
/// The guest layout the fuzzer shares with `ppc-test`.
#[path = "../../src/ppctest"]
mod ppctest {
    pub mod layout;
}

use compare::{diff, run_interp, run_jit};
use generator::{generate, ByteSource, Class};
use libfuzzer_sys::fuzz_target;
use oxenon_jit::isa::disassemble;
use oxenon_jit::jit::Jit;
use state::{slot_addr, Case, Machine, SLOTS};
use std::fmt::Write;
use std::sync::Mutex;

/// Guest memories live for the whole process: reserving 4 GiB per input would dominate.
struct Engine {
    interp: Machine,
    jit: Machine,
    /// A JIT shared across inputs and the next code slot it has not seen.
    shared: Option<(Jit, u32)>,
}

static ENGINE: Mutex<Option<Engine>> = Mutex::new(None);

fn describe(case: &Case, slot: u32) -> String {
    let mut s = String::new();
    let base = slot_addr(slot);
    for (i, w) in case.program.words().iter().enumerate() {
        let pc = base + 4 * i as u32;
        let _ = writeln!(s, "  {pc:08x}: {w:08x}  {}", disassemble(*w, pc));
    }
    let _ = writeln!(s, "initial state: {:?}", case.ctx);
    let _ = writeln!(s, "budget: {}", case.budget);
    s
}

fuzz_target!(|data: &[u8]| {
    let mut guard = ENGINE.lock().unwrap_or_else(|e| e.into_inner());
    let engine = guard.get_or_insert_with(|| Engine {
        interp: Machine::new().expect("guest memory for the interpreter"),
        jit: Machine::new().expect("guest memory for the JIT"),
        shared: None,
    });
    let mask = data.first().copied().unwrap_or(0x1f);
    let len = 1 + usize::from(data.get(1).copied().unwrap_or(16)) % 48;
    let classes: Vec<Class> = Class::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, c)| *c)
        .collect();
    let mut src = ByteSource::new(data.get(2..).unwrap_or(&[]));
    let case = generate(&mut src, &classes, len);

    let fresh = mask & 0x80 != 0;
    let mut fresh_jit;
    let (jit, slot) = if fresh {
        fresh_jit = Jit::new().expect("JIT");
        (&mut fresh_jit, 0)
    } else {
        if engine.shared.as_ref().is_none_or(|s| s.1 >= SLOTS) {
            engine.shared = Some((Jit::new().expect("JIT"), 1));
        }
        let shared = engine.shared.as_mut().expect("shared JIT");
        shared.1 += 1;
        (&mut shared.0, shared.1 - 1)
    };
    let i = run_interp(&engine.interp, &case, slot).expect("interpreter setup");
    let j = run_jit(&engine.jit, jit, &case, slot).expect("JIT setup");
    let diffs = diff(&i, &j);
    if !diffs.is_empty() {
        let mut report = format!(
            "JIT and interpreter disagree ({} JIT):\n",
            if fresh { "fresh" } else { "shared" }
        );
        for d in &diffs {
            let _ = writeln!(report, "  {d}");
        }
        report.push_str(&describe(&case, slot));
        panic!("{report}");
    }
});
