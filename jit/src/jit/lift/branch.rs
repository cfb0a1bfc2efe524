//! Branches: direct targets chain to compiled units, computed targets go through the
//! indirect-branch table. Condition-register logic and moves are lifted in `cr`.

use super::{Lifter, Reg};
use crate::isa::branch::BranchOp;
use crate::isa::Insn;
use cranelift_codegen::ir::{types, InstBuilder, Value};

/// The `bc` condition as an i8 truth value, decrementing CTR when BO asks; `None` when BO
/// says "always".
fn condition(l: &mut Lifter, i: Insn) -> Option<Value> {
    let bo = i.bo();
    let mut cond: Option<Value> = None;
    if bo & 0b00100 == 0 {
        let ctr = l.get(Reg::Ctr);
        let ctr = l.b.ins().iadd_imm_s(ctr, -1);
        l.set(Reg::Ctr, ctr);
        // In 32-bit mode only the low word of CTR is tested.
        let tested = if l.sf {
            ctr
        } else {
            let w = l.b.ins().ireduce(types::I32, ctr);
            l.b.ins().uextend(types::I64, w)
        };
        let want_zero = bo & 0b00010 != 0;
        let cc = if want_zero {
            cranelift_codegen::ir::condcodes::IntCC::Equal
        } else {
            cranelift_codegen::ir::condcodes::IntCC::NotEqual
        };
        cond = Some(l.b.ins().icmp_imm_s(cc, tested, 0));
    }
    if bo & 0b10000 == 0 {
        let want = bo & 0b01000 != 0;
        let field = (i.bi() / 4) as usize;
        let c = match (l.is_lazy(field), i.bi() % 4) {
            // LT, GT or EQ of a field a comparison set: branch on the comparison.
            (true, bit @ 0..=2) => {
                let word = l.lazy[field].is_some_and(|f| f.desc.word);
                let (a, b, signed) = l.lazy_vals(field);
                // A word comparison compares the low words, extended as the comparison's
                // signedness says: comparing them as words is the same, and needs no
                // extension of a value a 32-bit operation (a load, say) produced.
                let (a, b) = if word {
                    (
                        l.b.ins().ireduce(types::I32, a),
                        l.b.ins().ireduce(types::I32, b),
                    )
                } else {
                    (a, b)
                };
                use cranelift_codegen::ir::condcodes::{CondCode, IntCC};
                let cc = match (bit, signed) {
                    (0, true) => IntCC::SignedLessThan,
                    (0, false) => IntCC::UnsignedLessThan,
                    (1, true) => IntCC::SignedGreaterThan,
                    (1, false) => IntCC::UnsignedGreaterThan,
                    _ => IntCC::Equal,
                };
                let cc = if want { cc } else { cc.complement() };
                l.b.ins().icmp(cc, a, b)
            }
            _ => {
                let bit = if l.is_lazy(field) {
                    // A lazy field's SO bit is XER[SO], unchanged since the comparison.
                    l.get(Reg::So)
                } else {
                    // The field's bits in CR are right; the lazy fields stay lazy.
                    let cr = l.get_held(Reg::Cr);
                    let bit = l.b.ins().ushr_imm_u(cr, i64::from(31 - i.bi()));
                    l.b.ins().band_imm_s(bit, 1)
                };
                l.b.ins().icmp_imm_s(
                    cranelift_codegen::ir::condcodes::IntCC::Equal,
                    bit,
                    i64::from(want),
                )
            }
        };
        cond = Some(match cond {
            Some(prev) => l.b.ins().band(prev, c),
            None => c,
        });
    }
    cond
}

/// The condition of a block's final `bc` back to its own start (`block::Block::copies`), CTR
/// decremented as BO asks.
pub(super) fn self_loop_condition(l: &mut Lifter, i: Insn) -> Value {
    condition(l, i).expect("a repeated block ends in a conditional branch")
}

/// The condition of a `bc` that tests one CR bit without counting: the branch between twin
/// arms (`twins`), which chooses between their loads' values instead of where to go.
pub(super) fn arm_condition(l: &mut Lifter, i: Insn) -> Value {
    condition(l, i).expect("twin arms hang off a conditional branch")
}

/// Emits `taken` under `cond` and leaves the builder on the not-taken path.
fn when(l: &mut Lifter, cond: Option<Value>, taken: impl FnOnce(&mut Lifter)) {
    match cond {
        None => {
            taken(l);
            l.start_dead_block();
        }
        Some(c) => {
            let yes = l.b.create_block();
            let no = l.b.create_block();
            l.b.ins().brif(c, yes, &[], no, &[]);
            l.b.switch_to_block(yes);
            l.b.seal_block(yes);
            taken(l);
            l.b.switch_to_block(no);
            l.b.seal_block(no);
        }
    }
}

pub fn lift(l: &mut Lifter, op: BranchOp, i: Insn, pc: u32) -> bool {
    let next = pc.wrapping_add(4);
    match op {
        BranchOp::B => {
            let target = if i.aa() {
                i.li() as u32
            } else {
                pc.wrapping_add(i.li() as u32)
            };
            if i.lk() {
                let lr = l.b.ins().iconst(types::I64, i64::from(next));
                l.set(Reg::Lr, lr);
            }
            when(l, None, |l| l.exit_direct(target));
        }
        BranchOp::Bc => {
            let target = if i.aa() {
                i.bd() as u32
            } else {
                pc.wrapping_add(i.bd() as u32)
            };
            let cond = condition(l, i);
            if i.lk() {
                let lr = l.b.ins().iconst(types::I64, i64::from(next));
                l.set(Reg::Lr, lr);
            }
            when(l, cond, |l| l.exit_direct(target));
        }
        BranchOp::Bclr | BranchOp::Bcctr => {
            // bcctr that decrements CTR is an invalid form: the interpreter reports it.
            if op == BranchOp::Bcctr && i.bo() & 0b00100 == 0 {
                return false;
            }
            let from = if op == BranchOp::Bclr {
                Reg::Lr
            } else {
                Reg::Ctr
            };
            if i.lk() {
                // The target is read before LK overwrites LR.
                let src = l.get(from);
                let raw = l.b.ins().ireduce(types::I32, src);
                let cond = condition(l, i);
                let lr = l.b.ins().iconst(types::I64, i64::from(next));
                l.set(Reg::Lr, lr);
                when(l, cond, |l| {
                    let target = l.branch_target(raw);
                    l.exit_indirect(target)
                });
            } else {
                let cond = condition(l, i);
                // The target is read only on the way out, so that a conditional return in
                // a loop (sort's `sift`: `beqlr` every time round) does not load LR from
                // the context every time round.
                let learns = op == BranchOp::Bcctr && l.cur_learns;
                when(l, cond, |l| {
                    // A load from the context here exists only on this path: the register
                    // is not held on the way past the branch.
                    let held = l.valid[from.slot()];
                    let src = l.get(from);
                    let raw = l.b.ins().ireduce(types::I32, src);
                    // Into the unit where a return goes to one of its return sites
                    // (`block::return_sites`); through the indirect-branch table otherwise.
                    l.exit_indirect_at(from, raw, pc, learns);
                    l.valid[from.slot()] = held;
                });
            }
        }
        _ => return super::cr::lift(l, op, i),
    }
    true
}
