//! Comparing a finished test's state with its REGISTER_OUT and MEMORY_OUT expectations.

use super::parse::TestCase;
use super::state::{Reg, State};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    Reg {
        reg: Reg,
        expected: u128,
        actual: u128,
        line: usize,
    },
    Mem {
        addr: u32,
        expected: Vec<u8>,
        actual: Vec<u8>,
        line: usize,
    },
}

/// Every expectation the state does not meet, in file order.
pub fn compare(test: &TestCase, state: &State) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for r in &test.reg_out {
        let actual = state.get(r.reg);
        if actual != r.value {
            out.push(Mismatch::Reg {
                reg: r.reg,
                expected: r.value,
                actual,
                line: r.line,
            });
        }
    }
    for m in &test.mem_out {
        let actual = state.scratch_at(m.addr, m.bytes.len());
        if actual != m.bytes.as_slice() {
            out.push(Mismatch::Mem {
                addr: m.addr,
                expected: m.bytes.clone(),
                actual: actual.to_vec(),
                line: m.line,
            });
        }
    }
    out.sort_by_key(|m| match m {
        Mismatch::Reg { line, .. } | Mismatch::Mem { line, .. } => *line,
    });
    out
}
