//! Finding the guest instructions that make up one compiled unit.
//!
//! A unit is currently one basic block: straight-line code from an entry address up to and
//! including the first instruction that may change control flow or must be observed by the
//! dispatcher. Units chain to each other directly, so loops still run without returning to
//! the dispatcher; larger multi-block units are the next step.

use crate::isa::{branch::BranchOp, decode, system::SysOp, Decoded, Op};
use crate::Memory;

/// The longest block we compile; long straight-line runs are split and chained.
pub const MAX_BLOCK: usize = 256;

pub struct Block {
    pub insns: Vec<(u32, Decoded)>,
    /// Address control continues at when the last instruction falls through.
    pub fallthrough: u32,
}

/// Whether `d` must be the last instruction of its block.
pub fn ends_block(d: &Decoded) -> bool {
    match d.op() {
        Op::Branch(BranchOp::B | BranchOp::Bc | BranchOp::Bclr | BranchOp::Bcctr) => true,
        // Exits, and instructions after which new code must be fetched afresh.
        Op::System(SysOp::Sc | SysOp::Isync | SysOp::Icbi) => true,
        Op::System(SysOp::Tw | SysOp::Twi | SysOp::Td | SysOp::Tdi) => true,
        _ => false,
    }
}

/// Collects the block starting at `start`. Returns `None` when not even the first
/// instruction can be fetched and decoded (the dispatcher lets the interpreter report it).
pub fn discover(mem: &Memory, start: u32, stop_at: Option<u32>) -> Option<Block> {
    let mut insns = Vec::new();
    let mut pc = start;
    while insns.len() < MAX_BLOCK {
        if !insns.is_empty() && stop_at == Some(pc) {
            break;
        }
        let Ok(word) = mem.fetch(pc) else { break };
        let Some(d) = decode(word) else { break };
        insns.push((pc, d));
        pc = pc.wrapping_add(4);
        if ends_block(&d) {
            break;
        }
    }
    if insns.is_empty() {
        return None;
    }
    Some(Block {
        insns,
        fallthrough: pc,
    })
}
