//! lmw and stmw, lifted with the semantics `interp::loadstore::string` gives them: every
//! word is read before any register changes, and a store-multiple checks its whole range
//! before it writes any of it, so a fault anywhere in the range is precise. Registers
//! RT..r31 (RS..r31) move to or from consecutive words at (RA|0) + D, each address formed
//! in 32-bit arithmetic.

use super::super::{Lifter, Reg};
use super::{load_word, range_store_checks, store_word};
use crate::isa::{Decoded, Insn};
use crate::memory::Perm;
use cranelift_codegen::ir::{types, InstBuilder, Value};

/// (RA|0) + D in 32-bit arithmetic.
fn first_word(l: &mut Lifter, i: Insn) -> Value {
    let base = l.gpr_or_zero(i.ra());
    let base = l.b.ins().ireduce(types::I32, base);
    l.b.ins().iadd_imm_s(base, i.simm())
}

/// lmw: RT..r31 = the zero-extended words at EA, EA + 4, ...
pub fn load_multiple(l: &mut Lifter, i: Insn, pc: u32, d: Decoded) {
    let rt = i.rt();
    let n = 32 - rt;
    let ea = first_word(l, i);
    let checks = l.access_checks(ea, 4 * n as u32, Perm::READ, false);
    l.guarded_mem(&checks, pc, d, false, |l| {
        let words: Vec<Value> = (0..n).map(|k| load_word(l, ea, 4 * k as u32)).collect();
        for (k, w) in words.into_iter().enumerate() {
            l.set(Reg::Gpr(rt + k), w);
        }
    });
}

/// stmw: the low words of RS..r31 to EA, EA + 4, ..., all or none (`range_store_checks`).
pub fn store_multiple(l: &mut Lifter, i: Insn, pc: u32, d: Decoded) {
    let rs = i.rs();
    let ea = first_word(l, i);
    let checks = range_store_checks(l, ea, 4 * (32 - rs) as u32, pc, d);
    let values: Vec<Value> = (rs..32).map(|r| l.get(Reg::Gpr(r))).collect();
    l.guarded_mem(&checks, pc, d, true, |l| {
        for (k, v) in values.into_iter().enumerate() {
            let w = l.b.ins().ireduce(types::I32, v);
            store_word(l, ea, 4 * k as u32, w);
        }
    });
}
