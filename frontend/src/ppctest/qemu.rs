//! qemu-ppc64 as an independent reference: runs the same tests on qemu's implementation of
//! the POWER ISA, to find out whether a suite's expected values are right.
//!
//! Each file is assembled as 64-bit code and linked with a small harness (`harness.s`) so
//! the test code sits at `CODE_BASE`, exactly where Oxenon runs it. The harness maps the
//! same stack and scratch regions, reads the initial state from stdin, loads every
//! register, calls the test, and writes every register and the scratch memory to stdout.
//! One qemu process runs one test, so no state leaks between tests.

use super::assemble::{show_message, Assembler};
use super::backend::{Backend, LoadedSuite, Outcome};
use super::state::{
    Reg, State, CODE_BASE, RETURN_ADDR, SCRATCH_BASE, SCRATCH_SIZE, STACK_BASE, STACK_SIZE,
};
use super::tempdir::TempDir;
use super::tools::{LD64, QEMU};
use super::{FileDiagnostics, Suite, Test};
use anyhow::{bail, Context, Result};
use object::{Object, ObjectSymbol};
use oxenon_jit::context::MSR_SF;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const HARNESS: &str = include_str!("harness.s");

/// The harness's state buffer below the test code (it must stay under 2 GiB); the test's
/// `.text` alone at `CODE_BASE`, so its labels have the addresses Oxenon's backends use; the
/// harness code above it, with the instruction after its call at `RETURN_ADDR` (ld refuses
/// the script if the harness ever grows into that point).
fn linker_script() -> String {
    format!(
        "ENTRY(_start)
SECTIONS
{{
  . = 0x40000000;
  .harness_bss (NOLOAD) : {{ harness.o(.bss.harness) }}
  . = {CODE_BASE:#x};
  .text : {{ test.o(.text) }}
  . = {harness:#x};
  .harness : {{ harness.o(.text.harness) }}
  . = {call:#x};
  .harness_call : {{ harness.o(.text.harness_call) }}
  /DISCARD/ : {{ *(*) }}
}}
",
        harness = RETURN_ADDR & !0xFFFF,
        call = RETURN_ADDR - 4,
    )
}

/// The harness source with the guest layout defined from the same constants the other
/// backends use.
fn harness_source() -> String {
    format!(
        "        .set SCRATCH, {SCRATCH_BASE:#x}
        .set SCRATCH_SIZE, {SCRATCH_SIZE:#x}
        .set STACK, {STACK_BASE:#x}
        .set STACK_SIZE, {STACK_SIZE:#x}
        .set STATE_SIZE, {}
{HARNESS}",
        block::SIZE
    )
}

/// Layout of the state block the harness exchanges (see harness.s).
mod block {
    pub const GPR: usize = 0;
    pub const FPR: usize = 256;
    pub const VR: usize = 512;
    pub const CR: usize = 1024;
    pub const XER: usize = 1032;
    pub const CTR: usize = 1040;
    pub const FPSCR: usize = 1048;
    pub const ENTRY: usize = 1056;
    pub const VSCR: usize = 1088;
    pub const SIZE: usize = 1152;
}

/// The XER bits the Xenon has (SO, OV, CA, byte count); later CPUs add OV32 and CA32.
const XER_MASK: u32 = 0xE000_007F;

/// Harness exit codes for failures of its own.
const EXIT_MAP_FAILED: i32 = 97;
const EXIT_IO_FAILED: i32 = 98;

pub struct Qemu {
    qemu: PathBuf,
    asm: Assembler,
    ld: PathBuf,
    cpu: String,
    timeout: Duration,
}

impl Qemu {
    /// Finds qemu and the 64-bit binutils, naming the package to install when one is missing.
    pub fn new(cpu: String, timeout: Duration) -> Result<Qemu> {
        Ok(Qemu {
            qemu: QEMU.find()?,
            asm: Assembler::for_ppc64()?,
            ld: LD64.find()?,
            cpu,
            timeout,
        })
    }

    fn link(&self, suite: &Suite, dir: &TempDir) -> Result<PathBuf> {
        let harness = self
            .asm
            .run(dir.path(), "harness", &harness_source(), None)?;
        if harness.object.is_none() {
            let msgs: Vec<String> = harness
                .messages
                .iter()
                .map(|m| show_message("harness.s", m))
                .collect();
            bail!(
                "the qemu harness did not assemble (a bug in Oxenon):\n{}",
                msgs.join("\n")
            );
        }
        let test = self.asm.run(
            dir.path(),
            "test",
            &suite.image.source,
            suite.image.include.as_deref(),
        )?;
        if test.object.is_none() {
            let mut msgs: Vec<String> = test
                .messages
                .iter()
                .map(|m| show_message(&suite.display, m))
                .collect();
            msgs.push(format!(
                "{}: (while assembling as 64-bit code for qemu)",
                suite.display
            ));
            return Err(FileDiagnostics(msgs).into());
        }
        std::fs::write(dir.path().join("link.ld"), linker_script())
            .context("cannot write the linker script")?;
        let out = Command::new(&self.ld)
            .current_dir(dir.path())
            .args(["-static", "-nostdlib", "-z", "noexecstack", "-T", "link.ld"])
            .args(["-o", "test.elf", "harness.o", "test.o"])
            .output()
            .with_context(|| format!("cannot run {}", self.ld.display()))?;
        if !out.status.success() {
            bail!(
                "{}: linking for qemu failed:\n{}",
                suite.display,
                String::from_utf8_lossy(&out.stderr).trim_end()
            );
        }
        Ok(dir.path().join("test.elf"))
    }
}

impl Backend for Qemu {
    fn name(&self) -> &'static str {
        "qemu"
    }

    fn load<'s>(&'s self, suite: &'s Suite) -> Result<Box<dyn LoadedSuite + 's>> {
        let dir = TempDir::new("qemu")?;
        let elf = self.link(suite, &dir)?;
        let data = std::fs::read(&elf).with_context(|| format!("cannot read {}", elf.display()))?;
        let file = object::File::parse(&*data).context("the linked test is unreadable")?;
        let symbols: HashMap<String, u64> = file
            .symbols()
            .filter_map(|s| Some((s.name().ok()?.to_owned(), s.address())))
            .collect();
        // Reports disassemble the 32-bit build; say so if the 64-bit one laid code out
        // differently, since a listing would then not show what qemu ran.
        for t in &suite.tests {
            if let Some(&a) = symbols.get(&t.case.name) {
                if a != u64::from(t.addr) {
                    tracing::warn!(
                        "{}: {} is at {a:#x} in the qemu build but {:#x} for Oxenon",
                        suite.display,
                        t.case.name,
                        t.addr
                    );
                }
            }
        }
        Ok(Box::new(Loaded {
            qemu: self,
            dir,
            elf,
            symbols,
        }))
    }
}

struct Loaded<'q> {
    qemu: &'q Qemu,
    /// Holds the linked executable; qemu also runs in it, so any core dump lands there.
    dir: TempDir,
    elf: PathBuf,
    symbols: HashMap<String, u64>,
}

/// Why a test cannot run faithfully under user-mode qemu, if it cannot.
fn skip_reason(test: &Test) -> Option<String> {
    if let Some((line, mnemonic)) = &test.xenon_only {
        return Some(format!(
            "uses the Xenon-only instruction `{mnemonic}` (line {line})"
        ));
    }
    let regs = test.case.reg_in.iter().chain(&test.case.reg_out);
    for r in regs {
        if let Reg::Vr(n) = r.reg {
            if n >= 32 {
                return Some(format!("uses VMX128 register v{n}"));
            }
        }
    }
    // qemu-ppc64 user mode always runs in 64-bit mode: a test asking for exactly that mode
    // runs there; any other explicit MSR (32-bit mode) cannot be reproduced. Tests that do
    // not mention msr run as they are, so they must not depend on the mode.
    if let Some(r) = test
        .case
        .reg_in
        .iter()
        .find(|r| r.reg == Reg::Lr || (r.reg == Reg::Msr && r.value != u128::from(MSR_SF)))
    {
        return Some(format!(
            "sets {}, which the qemu harness cannot control",
            r.reg
        ));
    }
    if test.case.reg_out.iter().any(|r| r.reg == Reg::Msr) {
        return Some("checks msr, which user-mode code cannot read".into());
    }
    None
}

impl LoadedSuite for Loaded<'_> {
    fn run(&mut self, test: &Test) -> Result<Outcome> {
        if let Some(reason) = skip_reason(test) {
            return Ok(Outcome::Skipped(reason));
        }
        let Some(&entry) = self.symbols.get(&test.case.name) else {
            bail!("label {} is missing from the qemu build", test.case.name);
        };
        let initial = State::initial(&test.case);
        let run = self.execute(&encode(&initial, entry))?;
        Ok(self.interpret(run, &initial))
    }
}

struct Run {
    status: Option<ExitStatus>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Loaded<'_> {
    /// Runs one qemu process with `input` on stdin; `status` is `None` when it was killed
    /// for exceeding the timeout.
    fn execute(&self, input: &[u8]) -> Result<Run> {
        let q = self.qemu;
        let mut child = Command::new(&q.qemu)
            .current_dir(self.dir.path())
            .args(["-cpu", &q.cpu])
            .arg(&self.elf)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot run {}", q.qemu.display()))?;
        let mut stdin = child.stdin.take();
        let mut stdout = child.stdout.take();
        let mut stderr = child.stderr.take();
        std::thread::scope(|s| {
            // Writer and readers run concurrently: the pipes' buffers are smaller than the
            // data, and a dead child must not block the writer forever.
            s.spawn(move || {
                if let Some(w) = stdin.as_mut() {
                    let _ = w.write_all(input);
                }
                drop(stdin);
            });
            let out = s.spawn(move || read_all(stdout.as_mut()));
            let err = s.spawn(move || read_all(stderr.as_mut()));
            let deadline = Instant::now() + q.timeout;
            let status = loop {
                match child.try_wait() {
                    Ok(Some(st)) => break Some(st),
                    Ok(None) => {}
                    Err(e) => {
                        let _ = child.kill();
                        let _ = child.wait();
                        return Err(e).context("cannot wait for qemu");
                    }
                }
                if Instant::now() >= deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    break None;
                }
                std::thread::sleep(Duration::from_millis(1));
            };
            Ok(Run {
                status,
                stdout: out.join().unwrap_or_default(),
                stderr: err.join().unwrap_or_default(),
            })
        })
    }

    fn interpret(&self, run: Run, initial: &State) -> Outcome {
        let failed = |reason: String| Outcome::Failed { reason, pc: None };
        let Some(status) = run.status else {
            return failed(format!(
                "did not return within {} s under qemu (killed)",
                self.qemu.timeout.as_secs_f64()
            ));
        };
        let stderr = String::from_utf8_lossy(&run.stderr);
        // qemu reports a guest crash as "qemu: uncaught target signal 11 (Segmentation
        // fault) - core dumped"; the signal is the useful part.
        let detail = stderr.lines().next().unwrap_or("").trim();
        let detail = detail.strip_prefix("qemu: ").unwrap_or(detail);
        let detail = detail.strip_suffix(" - core dumped").unwrap_or(detail);
        match status.code() {
            Some(0) if run.stdout.len() == block::SIZE + SCRATCH_SIZE as usize => {
                Outcome::Finished(Box::new(decode(&run.stdout, initial)))
            }
            Some(0) => failed(format!(
                "the qemu harness wrote {} bytes instead of {}",
                run.stdout.len(),
                block::SIZE + SCRATCH_SIZE as usize
            )),
            Some(EXIT_MAP_FAILED) => {
                failed("the qemu harness could not map the stack or scratch memory".into())
            }
            Some(EXIT_IO_FAILED) => failed("the qemu harness could not exchange state".into()),
            _ if !detail.is_empty() => failed(format!("under qemu: {detail}")),
            _ => failed(format!("qemu-ppc64 ended abnormally ({status})")),
        }
    }
}

fn read_all(r: Option<&mut impl Read>) -> Vec<u8> {
    let mut buf = Vec::new();
    if let Some(r) = r {
        let _ = r.read_to_end(&mut buf);
    }
    buf
}

fn put64(buf: &mut [u8], at: usize, v: u64) {
    buf[at..at + 8].copy_from_slice(&v.to_be_bytes());
}

fn get64(buf: &[u8], at: usize) -> u64 {
    let mut b = [0; 8];
    b.copy_from_slice(&buf[at..at + 8]);
    u64::from_be_bytes(b)
}

/// The harness's input: the state block, then the scratch image.
fn encode(state: &State, entry: u64) -> Vec<u8> {
    let mut buf = vec![0u8; block::SIZE];
    for i in 0..32 {
        put64(&mut buf, block::GPR + 8 * i, state.gpr[i]);
        put64(&mut buf, block::FPR + 8 * i, state.fpr[i]);
        let at = block::VR + 16 * i;
        buf[at..at + 16].copy_from_slice(&state.vr[i].to_be_bytes());
    }
    put64(&mut buf, block::CR, u64::from(state.cr));
    put64(&mut buf, block::XER, u64::from(state.xer));
    put64(&mut buf, block::CTR, state.ctr);
    put64(&mut buf, block::FPSCR, u64::from(state.fpscr));
    put64(&mut buf, block::ENTRY, entry);
    buf[block::VSCR + 12..block::VSCR + 16].copy_from_slice(&state.vscr.to_be_bytes());
    buf.extend_from_slice(&state.scratch);
    buf
}

/// The final state from the harness's output (whose length the caller checked). What the
/// harness cannot observe is taken from how the test ended: it returned through LR, so LR
/// is RETURN_ADDR; MSR and the VMX128-only registers are as they started.
fn decode(out: &[u8], initial: &State) -> State {
    let mut s = initial.clone();
    for i in 0..32 {
        s.gpr[i] = get64(out, block::GPR + 8 * i);
        s.fpr[i] = get64(out, block::FPR + 8 * i);
        let at = block::VR + 16 * i;
        let mut v = [0; 16];
        v.copy_from_slice(&out[at..at + 16]);
        s.vr[i] = u128::from_be_bytes(v);
    }
    s.cr = get64(out, block::CR) as u32;
    s.xer = get64(out, block::XER) as u32 & XER_MASK;
    s.ctr = get64(out, block::CTR);
    s.fpscr = get64(out, block::FPSCR) as u32;
    s.vscr = get64(out, block::VSCR + 8) as u32;
    s.lr = u64::from(RETURN_ADDR);
    s.scratch = out[block::SIZE..].to_vec();
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_round_trip() {
        let mut s = State::initial(&crate::ppctest::parse::parse("test_a:\n").unwrap()[0]);
        s.gpr[31] = 0x1122_3344_5566_7788;
        s.fpr[2] = 1.5f64.to_bits();
        s.vr[3] = 0x0001_0203_0405_0607_0809_0A0B_0C0D_0E0F;
        s.cr = 0x2000_0000;
        s.xer = 0x2000_0000;
        s.ctr = 7;
        s.fpscr = 0x0000_00F8;
        s.vscr = 0x0001_0000;
        s.scratch[5] = 9;
        let buf = encode(&s, 0x8000_0010);
        assert_eq!(buf.len(), block::SIZE + SCRATCH_SIZE as usize);
        assert_eq!(get64(&buf, block::ENTRY), 0x8000_0010);
        assert_eq!(&buf[block::VSCR + 12..block::VSCR + 16], &[0, 1, 0, 0]);
        assert!(decode(&buf, &s) == s);
    }
}
