//! lswi and stswi, lifted with the semantics `interp::loadstore::string` gives them: NB
//! bytes (0 means 32) between (RA|0) and registers RT, RT+1, ... (wrapping from r31 to
//! r0), four to a register from its high byte down, the last register's missing low bytes
//! zero on a load. Every byte is read before any register changes, and a store checks its
//! whole range before it writes any of it. A range that would wrap past 4 GiB goes to the
//! interpreter. lswx and stswx, whose byte count (XER) and so whose registers are known
//! only at run time, run in the interpreter.

use super::super::{guest_flags, Lifter, Reg};
use super::{host_at, load_word, no_wrap, range_store_checks, store_word};
use crate::isa::{Decoded, Insn};
use crate::memory::Perm;
use cranelift_codegen::ir::{types, InstBuilder, Value};

fn byte_count(i: Insn) -> u32 {
    if i.nb() == 0 {
        32
    } else {
        i.nb()
    }
}

/// lswi whose registers include RA (RA = 0 counts) is an invalid form.
pub fn loads_into_ra(i: Insn) -> bool {
    (0..byte_count(i).div_ceil(4) as usize).any(|k| (i.rt() + k) % 32 == i.ra())
}

/// (RA|0), the whole address (no displacement), as i32.
fn start(l: &mut Lifter, i: Insn) -> Value {
    let base = l.gpr_or_zero(i.ra());
    l.b.ins().ireduce(types::I32, base)
}

pub fn load_string(l: &mut Lifter, i: Insn, pc: u32, d: Decoded) {
    let n = byte_count(i);
    let ea = start(l, i);
    let whole = no_wrap(l, ea, n);
    let mut checks = l.access_checks(ea, n, Perm::READ, false);
    if l.env.host_faults() {
        l.leave_unless_checks(&[whole], pc, d);
    } else {
        checks.push(whole);
    }
    l.guarded_mem(&checks, pc, d, false, |l| {
        let words: Vec<Value> = (0..n.div_ceil(4))
            .map(|k| {
                let left = (n - 4 * k).min(4);
                if left == 4 {
                    load_word(l, ea, 4 * k)
                } else {
                    // Byte by byte: a word load could touch a page past the range.
                    let mut w = l.b.ins().iconst(types::I64, 0);
                    for j in 0..left {
                        let host = host_at(l, ea, 4 * k + j);
                        let b = l.b.ins().uload8(types::I64, guest_flags(), host, 0);
                        let b = l.b.ins().ishl_imm_u(b, i64::from(24 - 8 * j));
                        w = l.b.ins().bor(w, b);
                    }
                    w
                }
            })
            .collect();
        for (k, w) in words.into_iter().enumerate() {
            l.set(Reg::Gpr((i.rt() + k) % 32), w);
        }
    });
}

pub fn store_string(l: &mut Lifter, i: Insn, pc: u32, d: Decoded) {
    let n = byte_count(i);
    let ea = start(l, i);
    let checks = range_store_checks(l, ea, n, pc, d);
    let values: Vec<Value> = (0..n.div_ceil(4))
        .map(|k| {
            let v = l.get(Reg::Gpr((i.rs() + k as usize) % 32));
            l.b.ins().ireduce(types::I32, v)
        })
        .collect();
    l.guarded_mem(&checks, pc, d, true, |l| {
        for (k, v) in values.into_iter().enumerate() {
            let k = k as u32;
            let left = (n - 4 * k).min(4);
            if left == 4 {
                store_word(l, ea, 4 * k, v);
            } else {
                for j in 0..left {
                    let b = l.b.ins().ushr_imm_u(v, i64::from(24 - 8 * j));
                    let b = l.b.ins().ireduce(types::I8, b);
                    let host = host_at(l, ea, 4 * k + j);
                    l.b.ins().store(guest_flags(), b, host, 0);
                }
            }
        }
    });
}
