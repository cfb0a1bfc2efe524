//! Finding the guest code that makes up one compiled unit.
//!
//! A *block* is straight-line code from an address up to and including the first instruction
//! that may change control flow or must be observed by the dispatcher. A *unit* (region) is
//! the set of blocks reachable from its entry through direct branches and fall-throughs, within
//! a size bound and one address window; branches between its blocks become plain jumps in the
//! host code, so loops run as native loops.

use crate::isa::{branch::BranchOp, decode, system::SysOp, Decoded, Op};
use crate::Memory;
use std::collections::{HashMap, HashSet, VecDeque};

/// The longest block we compile; long straight-line runs are split and chained.
pub const MAX_BLOCK: usize = 256;
/// Bounds of one unit: compile time grows with its size, and a unit is dropped whole when
/// any of its pages is written.
pub const MAX_UNIT_BLOCKS: usize = 64;
pub const MAX_UNIT_INSNS: usize = 2048;
/// A unit only follows branches within the aligned window holding its entry.
pub const WINDOW: u32 = 64 * 1024;

pub struct Block {
    pub insns: Vec<(u32, Decoded)>,
    /// Address control continues at when the last instruction falls through.
    pub fallthrough: u32,
    /// Targets the block's final `bcctr` has been seen to go to that are blocks of the unit
    /// too (see `IndirectTargets`); empty for other blocks.
    pub indirect: Vec<u32>,
}

impl Block {
    pub fn start(&self) -> u32 {
        self.insns[0].0
    }
}

/// The blocks of one unit; the first one starts at the entry.
pub struct Region {
    pub blocks: Vec<Block>,
}

impl Region {
    pub fn instructions(&self) -> usize {
        self.blocks.iter().map(|b| b.insns.len()).sum()
    }

    /// The guest pages the unit's instructions were fetched from, ascending.
    pub fn pages(&self) -> Vec<u32> {
        let mut pages: Vec<u32> = self
            .blocks
            .iter()
            .flat_map(|b| b.insns.iter().map(|&(pc, _)| pc >> 12))
            .collect();
        pages.sort_unstable();
        pages.dedup();
        pages
    }
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

/// Collects the block starting at `start`, at most `limit` instructions. Returns `None` when
/// not even the first instruction can be fetched and decoded (the dispatcher lets the
/// interpreter report it).
///
/// Every page is marked as holding compiled code *before* it is read, so a store that lands
/// after the read always finds the mark and invalidates the unit.
pub fn discover(mem: &Memory, start: u32, stop_at: Option<u32>, limit: usize) -> Option<Block> {
    let mut insns = Vec::new();
    let mut pc = start;
    let mut marked = None;
    while insns.len() < limit.min(MAX_BLOCK) {
        if !insns.is_empty() && stop_at == Some(pc) {
            break;
        }
        if marked != Some(pc >> 12) {
            mem.mark_code(pc);
            marked = Some(pc >> 12);
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
        indirect: Vec::new(),
    })
}

/// Where control may go after `block` without the dispatcher: direct branch targets and the
/// fall-through of anything but an unconditional branch or an instruction that ends the
/// block for the dispatcher's sake (sc, traps, isync, icbi).
pub(crate) fn successors(block: &Block) -> Vec<u32> {
    let &(pc, d) = block.insns.last().expect("blocks are never empty");
    let i = d.insn;
    let always = |bo: u32| bo & 0b10100 == 0b10100;
    match d.op() {
        Op::Branch(BranchOp::B) => {
            let t = if i.aa() { 0 } else { pc };
            vec![t.wrapping_add(i.li() as u32)]
        }
        Op::Branch(BranchOp::Bc) => {
            let t = if i.aa() { 0 } else { pc };
            let target = t.wrapping_add(i.bd() as u32);
            if always(i.bo()) {
                vec![target]
            } else {
                vec![target, block.fallthrough]
            }
        }
        Op::Branch(BranchOp::Bclr | BranchOp::Bcctr) if !always(i.bo()) => {
            vec![block.fallthrough]
        }
        _ if ends_block(&d) => Vec::new(),
        // Split by the size limit or before `stop_at`.
        _ => vec![block.fallthrough],
    }
}

/// Targets seen at run time per address of a `bcctr` that does not link (a `switch`'s jump
/// table, a computed tail call). A unit holding such a branch also holds the targets seen so
/// far, and dispatches to them inside its host code (see `lift::Lifter::exit_indirect`).
pub type IndirectTargets = HashMap<u32, Vec<u32>>;

/// The address of `block`'s final `bcctr` if it is one whose targets a unit may include:
/// not linking (a call's target is a function, entered through its own unit) and a valid
/// form (BO not decrementing CTR).
pub fn indirect_site(block: &Block) -> Option<u32> {
    let &(pc, d) = block.insns.last()?;
    learns_targets(&d).then_some(pc)
}

/// Whether `d` is a `bcctr` whose targets are learned (see `indirect_site`).
pub fn learns_targets(d: &Decoded) -> bool {
    let i = d.insn;
    matches!(d.op(), Op::Branch(BranchOp::Bcctr)) && !i.lk() && i.bo() & 0b00100 != 0
}

/// Collects the unit entered at `entry`: blocks found breadth-first from it, through direct
/// branches, fall-throughs and the known targets of indirect branches (`seen_targets`).
/// `stop_at` is never the start of a block other than the entry's (the dispatcher must see
/// control reach it) and never inside one.
pub fn discover_region(
    mem: &Memory,
    entry: u32,
    stop_at: Option<u32>,
    max_blocks: usize,
    seen_targets: &IndirectTargets,
) -> Option<Region> {
    let first = discover(mem, entry, stop_at, MAX_UNIT_INSNS)?;
    let window = entry / WINDOW;
    let mut total = first.insns.len();
    let mut seen: HashSet<u32> = HashSet::from([entry]);
    let mut queue: VecDeque<u32> = VecDeque::new();
    let mut blocks = Vec::new();
    let inside = |s: u32| s.is_multiple_of(4) && s / WINDOW == window && stop_at != Some(s);
    let mut push = |b: &Block, queue: &mut VecDeque<u32>| {
        let indirect = indirect_site(b).and_then(|site| seen_targets.get(&site));
        let targets = successors(b)
            .into_iter()
            .chain(indirect.into_iter().flatten().copied());
        for s in targets {
            if inside(s) && seen.insert(s) {
                queue.push_back(s);
            }
        }
    };
    push(&first, &mut queue);
    blocks.push(first);
    while let Some(start) = queue.pop_front() {
        if blocks.len() >= max_blocks.min(MAX_UNIT_BLOCKS) || total >= MAX_UNIT_INSNS {
            break;
        }
        let Some(b) = discover(mem, start, stop_at, MAX_UNIT_INSNS - total) else {
            continue;
        };
        total += b.insns.len();
        push(&b, &mut queue);
        blocks.push(b);
    }
    // Only the targets that made it into the unit are dispatched to inside it.
    let starts: HashSet<u32> = blocks.iter().map(Block::start).collect();
    for b in &mut blocks {
        if let Some(targets) = indirect_site(b).and_then(|site| seen_targets.get(&site)) {
            b.indirect = targets
                .iter()
                .copied()
                .filter(|t| starts.contains(t))
                .collect();
        }
    }
    Some(Region { blocks })
}
