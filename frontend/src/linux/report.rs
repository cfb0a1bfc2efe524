//! What `exec-elf` says on stderr: why the guest ended when it did not exit by itself, and
//! the optional run summary. Stdout belongs to the guest alone.

use oxenon_jit::isa::disassemble;
use oxenon_jit::jit::JitStats;
use oxenon_jit::{Context, Memory};
use std::time::Duration;

/// Reports an abnormal end with the instruction it happened at (`pc`: the faulting
/// instruction, or the `sc` for a system call, whose exit leaves `ctx.pc` past it).
pub fn guest_ended(why: &str, pc: u32, ctx: &Context, mem: &Memory) {
    let insn = match mem.fetch(pc) {
        Ok(word) => format!("{word:08x}  {}", disassemble(word, pc)),
        Err(_) => "(not fetchable)".to_string(),
    };
    eprintln!("oxenon: guest {why} at pc {pc:#010x}: {insn}");
    eprintln!(
        "oxenon: lr {:#010x}  r1 {:#x}  r3 {:#x}",
        ctx.lr, ctx.gpr[1], ctx.gpr[3]
    );
}

pub fn summary(retired: u64, wall: Duration, status: u8, jit: Option<&JitStats>) {
    let secs = wall.as_secs_f64();
    let mips = if secs > 0.0 {
        retired as f64 / secs / 1e6
    } else {
        0.0
    };
    eprintln!(
        "oxenon: exit status {status}, {retired} instructions retired in {secs:.3} s \
         ({mips:.1} guest MIPS)"
    );
    if let Some(s) = jit {
        eprintln!(
            "oxenon: jit: {} units, {} guest instructions compiled, {} via interpreter \
             fallback, {} bytes of code, {:.3} s compiling",
            s.units,
            s.guest_instructions,
            s.fallback_instructions,
            s.code_bytes,
            s.compile_time.as_secs_f64()
        );
        eprintln!(
            "oxenon: jit: {} instructions interpreted at run time, {} units dropped ({} to \
             compile FP full paths, {} to take in indirect-branch targets, {} to split twin \
             arms, {} for a new switch base), {} unit entries from the dispatcher, {} branches \
             between twin arms merged, {} loop heads peeled",
            s.interpreted_instructions,
            s.units_dropped,
            s.fp_recompiles,
            s.indirect_recompiles,
            s.twin_recompiles,
            s.base_recompiles,
            s.entries,
            s.twin_branches,
            s.peeled_heads
        );
    }
}
