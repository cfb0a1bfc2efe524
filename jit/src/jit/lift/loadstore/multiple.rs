//! lmw and stmw, lifted with the semantics `interp::loadstore::string` gives them: every
//! word is read before any register changes, and a store-multiple checks its whole range
//! before it writes any of it, so a fault anywhere in the range is precise. Registers
//! RT..r31 (RS..r31) move to or from consecutive words at (RA|0) + D, each address formed
//! in 32-bit arithmetic.

use super::super::{guest_flags, Lifter, Reg};
use crate::isa::{Decoded, Insn};
use crate::memory::Perm;
use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder, Value};

/// (RA|0) + D in 32-bit arithmetic, and the host address of the word `k` words further.
fn first_word(l: &mut Lifter, i: Insn) -> Value {
    let base = l.gpr_or_zero(i.ra());
    let base = l.b.ins().ireduce(types::I32, base);
    l.b.ins().iadd_imm_s(base, i.simm())
}

fn host_word(l: &mut Lifter, ea: Value, k: usize) -> Value {
    let a = l.b.ins().iadd_imm_s(ea, 4 * k as i64);
    let a = l.b.ins().uextend(types::I64, a);
    l.b.ins().iadd(l.membase, a)
}

/// lmw: RT..r31 = the zero-extended words at EA, EA + 4, ...
pub fn load_multiple(l: &mut Lifter, i: Insn, pc: u32, d: Decoded) {
    let rt = i.rt();
    let n = 32 - rt;
    let ea = first_word(l, i);
    let checks = l.access_checks(ea, 4 * n as u32, Perm::READ, false);
    l.guarded_mem(&checks, pc, d, false, |l| {
        let words: Vec<Value> = (0..n)
            .map(|k| {
                let host = host_word(l, ea, k);
                let w = l.b.ins().load(types::I32, guest_flags(), host, 0);
                let w = l.b.ins().bswap(w);
                l.b.ins().uextend(types::I64, w)
            })
            .collect();
        for (k, w) in words.into_iter().enumerate() {
            l.set(Reg::Gpr(rt + k), w);
        }
    });
}

/// stmw: the low words of RS..r31 to EA, EA + 4, ... The pages of the range's first and
/// last bytes (it spans at most two) must both allow the store, and the range must not
/// wrap past 4 GiB; otherwise the interpreter executes it (and reports the fault).
pub fn store_multiple(l: &mut Lifter, i: Insn, pc: u32, d: Decoded) {
    let rs = i.rs();
    let n = 32 - rs;
    let size = 4 * n as u32;
    let ea = first_word(l, i);
    let last = l.b.ins().iadd_imm_s(ea, i64::from(size - 1));
    let no_wrap = l.b.ins().icmp_imm_u(
        IntCC::UnsignedLessThanOrEqual,
        ea,
        i64::from(u32::MAX - (size - 1)),
    );
    let first_ok = l.page_permits(ea, Perm::WRITE);
    let last_ok = l.page_permits(last, Perm::WRITE);
    let checks = [no_wrap, first_ok, last_ok];
    if l.env.host_faults() {
        // The host would refuse only the words in a bad page, after writing the others.
        l.leave_unless_checks(&checks, pc, d);
    }
    let values: Vec<Value> = (rs..32).map(|r| l.get(Reg::Gpr(r))).collect();
    l.guarded_mem(&checks, pc, d, true, |l| {
        for (k, v) in values.into_iter().enumerate() {
            let w = l.b.ins().ireduce(types::I32, v);
            let w = l.b.ins().bswap(w);
            let host = host_word(l, ea, k);
            l.b.ins().store(guest_flags(), w, host, 0);
        }
    });
}
