//! Twin arms: a conditional branch whose two targets are blocks that do the same thing but
//! for a load's displacement or a plain integer result, and leave the same way.
//!
//! gcc builds `t = key < t->key ? t->l : t->r` in a rotated loop (pointer_chase's tree
//! search) as a branch to one of two such blocks, `ld r9,0(r9)` in one and `ld r9,8(r9)` in
//! the other, and `x = x & 1 ? 3 * x + 1 : x >> 1` (int_kernels' Collatz steps) as
//! `addi r9,r10,1` in one and `srdi r9,r9,1` in the other. Which way the branch goes
//! depends on data, so the host mispredicts it often; x86-64 gcc makes the first source two
//! loads and a `cmov`. The unit runs the branch's block followed by one arm, with no branch
//! between them (`lift::lift_block`): where the arms differ, it computes both arms' values
//! (each load whose displacement differs reads both) and keeps the one of the arm the
//! branch's condition chose (a host `cmov`).
//!
//! Why this is exact: both arms retire the same number of instructions, so the budget and
//! the retired count do not depend on the way taken; neither arm has an effect outside
//! registers before its last instruction (only integer instructions and loads, and where
//! they differ, only loads and instructions that write one GPR and nothing else); and their
//! last instructions go to the same places under the same conditions. A fault in either of
//! the two loads, even in the one the guest would not make, reruns the interpreter from the
//! branch (its checkpoint), which takes the real way: to the same access and its fault, or
//! past the access the guest never made.

use super::block::{successors, Block};
use crate::isa::branch::BranchOp;
use crate::isa::integer::IntOp;
use crate::isa::loadstore::LsOp;
use crate::isa::{Decoded, Op};
use std::collections::HashMap;

/// Longest arm merged (the branch or fall-through that ends it included).
const MAX_ARM: usize = 8;

/// A block that runs its final branch's two arms as one.
pub struct Twins {
    /// The branch's block followed by its taken arm.
    pub block: Block,
    /// Where the branch is in `block.insns`.
    pub at: usize,
    /// Per instruction of `block`: what the not-taken arm does instead, where the two
    /// differ.
    pub other: Vec<Other>,
    /// The starts of the two arms.
    pub arms: [u32; 2],
}

/// The not-taken arm's instruction where it differs from the taken arm's.
#[derive(Clone, Copy, Debug)]
pub enum Other {
    /// The same instruction.
    Same,
    /// The same load from another displacement.
    Disp(i64),
    /// Another instruction writing the same GPR and nothing else (`sole_gpr`).
    Alu { pc: u32, insn: Decoded, gpr: usize },
}

/// A `bc` that tests one CR bit and neither counts nor links: where it goes depends only on
/// that bit. Its (BI, wanted value, target).
fn cr_branch(pc: u32, d: &Decoded) -> Option<(u32, bool, u32)> {
    let i = d.insn;
    if !matches!(d.op(), Op::Branch(BranchOp::Bc)) || i.lk() {
        return None;
    }
    let bo = i.bo();
    // BO: 0b10000 ignores CR, 0b00100 leaves CTR alone.
    if bo & 0b10000 != 0 || bo & 0b00100 == 0 {
        return None;
    }
    let base = if i.aa() { 0 } else { pc };
    Some((i.bi(), bo & 0b01000 != 0, base.wrapping_add(i.bd() as u32)))
}

/// Where an arm's last instruction sends control: an unconditional `b` (no link) to one
/// place, or a CR-bit `bc` (as `cr_branch`) with its fall-through.
#[derive(PartialEq)]
enum Leave {
    To(u32),
    /// BI, and the places control goes when that bit is clear and when it is set.
    On(u32, [u32; 2]),
}

fn leaves(arm: &Block) -> Option<Leave> {
    let &(pc, d) = arm.insns.last()?;
    if matches!(d.op(), Op::Branch(BranchOp::B)) && !d.insn.lk() {
        return successors(arm).first().map(|&t| Leave::To(t));
    }
    let (bi, want, target) = cr_branch(pc, &d)?;
    let ways = if want {
        [arm.fallthrough, target]
    } else {
        [target, arm.fallthrough]
    };
    Some(Leave::On(bi, ways))
}

/// A load of one GPR from a displacement off a register, without update: the only
/// instructions whose arms may differ (in the displacement).
fn displacement_load(d: &Decoded) -> Option<i64> {
    use LsOp::*;
    match d.op() {
        Op::LoadStore(Lbz | Lhz | Lha | Lwz) => Some(d.insn.simm()),
        Op::LoadStore(Ld | Lwa) => Some(d.insn.ds()),
        _ => None,
    }
}

/// The GPR an integer instruction writes when that is all it changes: no CR field (no
/// recording form, no compare), no XER bit (no OE form, nothing that sets CA). Divides are
/// left out: both arms' values are computed, and a divide is too slow to do for nothing.
fn sole_gpr(d: &Decoded) -> Option<usize> {
    use IntOp::*;
    let Op::Integer(op) = d.op() else {
        return None;
    };
    let i = d.insn;
    match op {
        // D-form: no Rc or OE bit (bit 31 belongs to the immediate).
        Addi | Addis | Mulli => Some(i.rt()),
        Ori | Oris | Xori | Xoris => Some(i.ra()),
        Add | Subf | Neg | Mullw | Mulld if !i.oe() && !i.rc() => Some(i.rt()),
        Mulhw | Mulhwu | Mulhd | Mulhdu if !i.rc() => Some(i.rt()),
        And | Andc | Or | Orc | Xor | Nand | Nor | Eqv | Extsb | Extsh | Extsw | Cntlzw
        | Cntlzd | Rlwinm | Rlwnm | Rlwimi | Rldicl | Rldicr | Rldic | Rldimi | Rldcl | Rldcr
        | Slw | Srw | Sld | Srd
            if !i.rc() =>
        {
            Some(i.ra())
        }
        _ => None,
    }
}

/// Whether `b` ends in a branch whose arms are twins (module docs), with the merged block.
/// `blocks` are the unit's blocks by start.
pub fn twin_arms(b: &Block, blocks: &HashMap<u32, &Block>) -> Option<Twins> {
    let &(pc, d) = b.insns.last()?;
    let (_, _, target) = cr_branch(pc, &d)?;
    let [taken, not_taken] = [target, b.fallthrough].map(|s| blocks.get(&s).copied());
    let (taken, not_taken) = (taken?, not_taken?);
    let n = taken.insns.len();
    if target == b.fallthrough
        || [target, b.fallthrough].contains(&b.start())
        || n != not_taken.insns.len()
        || !(2..=MAX_ARM).contains(&n)
        || !taken.indirect.is_empty()
        || !not_taken.indirect.is_empty()
    {
        return None;
    }
    let mut other = vec![Other::Same; b.insns.len()];
    for (&(_, x), &(ypc, y)) in taken.insns[..n - 1].iter().zip(&not_taken.insns[..n - 1]) {
        let load = displacement_load(&x).is_some();
        if x.insn.0 == y.insn.0 {
            if !load && !matches!(x.op(), Op::Integer(_)) {
                return None;
            }
            other.push(Other::Same);
        } else if load && x.op() == y.op() && x.insn.0 & !0xffff == y.insn.0 & !0xffff {
            // The same load but for the displacement field (the low 16 bits).
            other.push(Other::Disp(displacement_load(&y)?));
        } else if let (Some(gpr), Some(theirs)) = (sole_gpr(&x), sole_gpr(&y)) {
            if gpr != theirs {
                return None;
            }
            other.push(Other::Alu {
                pc: ypc,
                insn: y,
                gpr,
            });
        } else {
            return None;
        }
    }
    if leaves(taken)? != leaves(not_taken)? {
        return None;
    }
    let block = Block {
        insns: b.insns.iter().chain(&taken.insns).copied().collect(),
        fallthrough: taken.fallthrough,
        indirect: Vec::new(),
        learns: b.learns,
        copy: false,
        to_copies: Vec::new(),
    };
    // Cut where a repeated block would be (`Block::copies`): the arm going back to the
    // branch's block.
    if block.copies() != 1 {
        return None;
    }
    other.push(Other::Same);
    Some(Twins {
        block,
        at: b.insns.len() - 1,
        other,
        arms: [target, b.fallthrough],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::isa::{asm, decode};

    fn block(start: u32, src: &[&str]) -> Block {
        let insns: Vec<(u32, Decoded)> = src
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let pc = start + 4 * k as u32;
                let word = asm::assemble_at(s, pc).expect("assembles");
                (pc, decode(word).expect("decodes"))
            })
            .collect();
        Block {
            fallthrough: start + 4 * insns.len() as u32,
            insns,
            indirect: Vec::new(),
            learns: true,
            copy: false,
            to_copies: Vec::new(),
        }
    }

    fn merge(blocks: &[Block]) -> Option<Twins> {
        let by_start: HashMap<u32, &Block> = blocks.iter().map(|b| (b.start(), b)).collect();
        twin_arms(&blocks[0], &by_start)
    }

    // pointer_chase's tree search as powerpc64-linux-gnu-gcc -O2 lays it out: the
    // not-taken arm falls through to where the taken one branches, and the other way round.
    fn search(right: &str) -> Vec<Block> {
        vec![
            block(0x100, &["bgt 0x2f0"]),
            block(0x104, &[right, "addi r10,r10,1", "cmpdi r9,0", "bne 0x300"]),
            block(
                0x2f0,
                &["ld r9,0(r9)", "addi r10,r10,1", "cmpdi r9,0", "beq 0x114"],
            ),
        ]
    }

    #[test]
    fn arms_that_differ_in_a_load_displacement_and_leave_alike_merge() {
        let t = merge(&search("ld r9,8(r9)")).expect("twins");
        assert_eq!(t.at, 0);
        assert_eq!(t.arms, [0x2f0, 0x104]);
        assert_eq!(t.block.insns.len(), 5);
        assert_eq!(t.block.fallthrough, 0x300);
        let disps: Vec<Option<i64>> = t
            .other
            .iter()
            .map(|o| match o {
                Other::Disp(d) => Some(*d),
                Other::Same => None,
                Other::Alu { .. } => panic!("no integer difference here"),
            })
            .collect();
        assert_eq!(disps, vec![None, Some(8), None, None, None]);
    }

    // int_kernels' Collatz steps: the arms differ in how they compute r9.
    fn collatz(even: &str) -> Vec<Block> {
        vec![
            block(
                0x100,
                &[
                    "sldi r10,r9,1",
                    "andi. r8,r9,1",
                    "add r10,r10,r9",
                    "bne 0xf0",
                ],
            ),
            block(0x110, &[even, "addi r6,r6,1", "cmpldi r9,1", "bne 0x100"]),
            block(
                0xf0,
                &["addi r9,r10,1", "addi r6,r6,1", "cmpldi r9,1", "beq 0x120"],
            ),
        ]
    }

    #[test]
    fn arms_that_differ_in_a_plain_integer_result_merge() {
        let t = merge(&collatz("srdi r9,r9,1")).expect("twins");
        assert_eq!((t.at, t.arms), (3, [0xf0, 0x110]));
        assert_eq!(t.block.fallthrough, 0x100);
        assert!(
            matches!(t.other[4], Other::Alu { pc: 0x110, insn, gpr: 9 } if insn.insn.0 == 0x7929_f842)
        );
        assert!(t
            .other
            .iter()
            .enumerate()
            .all(|(k, o)| k == 4 || matches!(o, Other::Same)));
    }

    #[test]
    fn arms_whose_integer_difference_writes_more_than_one_gpr_stay_apart() {
        for even in [
            "srdi. r9,r9,1",   // records CR0
            "sradi r9,r9,1",   // sets XER[CA]
            "addic r9,r9,1",   // sets XER[CA]
            "addo r9,r9,r9",   // sets XER[OV]
            "srdi r11,r9,1",   // another GPR
            "divdu r9,r9,r10", // writes r9 alone, but too slow to compute for nothing
            "cmpldi r9,3",     // no GPR
        ] {
            assert!(merge(&collatz(even)).is_none(), "{even}");
        }
    }

    #[test]
    fn arms_that_compute_differently_or_leave_differently_stay_apart() {
        assert!(merge(&search("ld r8,8(r9)")).is_none());
        // Same primary opcode and registers, another DS-form operation.
        assert!(merge(&search("lwa r9,8(r9)")).is_none());
        let mut other_exit = search("ld r9,8(r9)");
        other_exit[1] = block(
            0x104,
            &["ld r9,8(r9)", "addi r10,r10,1", "cmpdi r9,0", "bne 0x304"],
        );
        assert!(merge(&other_exit).is_none());
        let mut store = search("ld r9,8(r9)");
        store[1] = block(
            0x104,
            &["std r9,8(r9)", "addi r10,r10,1", "cmpdi r9,0", "bne 0x300"],
        );
        store[2] = block(
            0x2f0,
            &["std r9,8(r9)", "addi r10,r10,1", "cmpdi r9,0", "beq 0x114"],
        );
        assert!(merge(&store).is_none());
    }
}
