//! What the runner prints: a block per failing test (mismatches, then the test's
//! disassembly), optional lines for passing and skipped tests, and the closing count.

use super::backend::Outcome;
use super::check::{compare, Mismatch};
use super::state::{format_value, CODE_BASE};
use super::{Suite, Test};
use oxenon_jit::isa::disassemble;
use std::io::Write;

/// The word of `blr`, which ends a test's listing.
const BLR: u32 = 0x4E80_0020;
/// A listing stops here if no `blr` comes first (a test that loops or falls through).
const MAX_LISTING: usize = 64;

#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Totals {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
}

impl std::fmt::Display for Totals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} passed, {} failed", self.passed, self.failed)?;
        if self.skipped > 0 {
            write!(f, ", {} skipped", self.skipped)?;
        }
        Ok(())
    }
}

pub struct Reporter<W: Write> {
    out: W,
    /// Prefix every line with the backend's name (when several may run).
    tag_backend: bool,
    verbose: bool,
    pub totals: Totals,
}

impl<W: Write> Reporter<W> {
    pub fn new(out: W, tag_backend: bool, verbose: bool) -> Self {
        Reporter {
            out,
            tag_backend,
            verbose,
            totals: Totals::default(),
        }
    }

    pub fn record(
        &mut self,
        backend: &str,
        suite: &Suite,
        test: &Test,
        outcome: Outcome,
    ) -> std::io::Result<()> {
        let mut lines = Vec::new();
        let head = |word: &str| {
            format!(
                "{word} {} ({}:{})",
                test.case.name, suite.display, test.case.line
            )
        };
        match outcome {
            Outcome::Finished(state) => {
                let mismatches = compare(&test.case, &state);
                if mismatches.is_empty() {
                    self.totals.passed += 1;
                    if self.verbose {
                        lines.push(head("PASS"));
                    }
                } else {
                    self.totals.failed += 1;
                    lines.push(head("FAIL"));
                    for m in &mismatches {
                        lines.extend(describe(m));
                    }
                    lines.extend(listing(suite, test, None));
                }
            }
            Outcome::Failed { reason, pc } => {
                self.totals.failed += 1;
                lines.push(head("FAIL"));
                lines.push(format!("  {reason}"));
                if let Some(pc) = pc {
                    lines.push(format!("  at {}", describe_pc(suite, pc)));
                }
                lines.extend(listing(suite, test, pc));
            }
            Outcome::Skipped(reason) => {
                self.totals.skipped += 1;
                if self.verbose {
                    lines.push(format!("{}: {reason}", head("SKIP")));
                }
            }
        }
        let tag = if self.tag_backend {
            format!("[{backend}] ")
        } else {
            String::new()
        };
        for l in lines {
            writeln!(self.out, "{tag}{l}")?;
        }
        Ok(())
    }

    /// Prints the closing line, exactly `N passed, M failed[, K skipped]`.
    pub fn finish(mut self) -> std::io::Result<Totals> {
        writeln!(self.out, "{}", self.totals)?;
        self.out.flush()?;
        Ok(self.totals)
    }
}

fn describe(m: &Mismatch) -> Vec<String> {
    match m {
        Mismatch::Reg {
            reg,
            expected,
            actual,
            line,
        } => vec![format!(
            "  {reg}: expected {}, got {}  (line {line})",
            format_value(*reg, *expected),
            format_value(*reg, *actual)
        )],
        Mismatch::Mem {
            addr,
            expected,
            actual,
            line,
        } => {
            let mut out = vec![format!(
                "  memory {addr:#010x}..{:#010x}: differs  (line {line})",
                u64::from(*addr) + expected.len() as u64
            )];
            // Only the 16-byte rows that differ, so long blocks stay readable.
            for (row, (e, a)) in expected.chunks(16).zip(actual.chunks(16)).enumerate() {
                if e != a {
                    let at = u64::from(*addr) + 16 * row as u64;
                    out.push(format!("    {at:#010x} expected {}", hex_bytes(e)));
                    out.push(format!("    {at:#010x} got      {}", hex_bytes(a)));
                }
            }
            out
        }
    }
}

fn hex_bytes(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("{x:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn word_at(suite: &Suite, addr: u32) -> Option<u32> {
    let off = addr.checked_sub(CODE_BASE)? as usize;
    let bytes = suite.image.text.get(off..off.checked_add(4)?)?;
    Some(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

/// `0x80000004: 7c0004ce  lvx v0,0,r0`, or a note that `pc` is outside the file's code.
pub fn describe_pc(suite: &Suite, pc: u32) -> String {
    match word_at(suite, pc) {
        Some(w) => format!("{pc:#010x}: {w:08x}  {}", disassemble(w, pc)),
        None => format!("{pc:#010x} (outside the file's code)"),
    }
}

/// The test's instructions from its label to its first `blr` (or the next test), marking
/// `pc` if given.
fn listing(suite: &Suite, test: &Test, pc: Option<u32>) -> Vec<String> {
    let mut out = vec!["  disassembly:".to_owned()];
    let next_test = suite
        .image
        .labels
        .iter()
        .filter(|(name, _)| name.starts_with("test_"))
        .map(|(_, &off)| u64::from(CODE_BASE) + off)
        .filter(|&a| a > u64::from(test.addr))
        .min()
        .unwrap_or(u64::MAX);
    let mut addr = test.addr;
    for _ in 0..MAX_LISTING {
        if u64::from(addr) >= next_test {
            return out;
        }
        let Some(w) = word_at(suite, addr) else {
            return out;
        };
        let mark = if pc == Some(addr) { "=>" } else { "  " };
        out.push(format!(
            "  {mark} {addr:08x}  {w:08x}  {}",
            disassemble(w, addr)
        ));
        if w == BLR {
            return out;
        }
        addr = addr.wrapping_add(4);
    }
    out.push("     ...".to_owned());
    out
}
