//! Finding the guest code that makes up one compiled unit.
//!
//! A *block* is straight-line code from an address up to and including the first instruction
//! that may change control flow or must be observed by the dispatcher. A *unit* (region) is
//! the set of blocks reachable from its entry through direct branches and fall-throughs, within
//! a size bound and one address window; branches between its blocks become plain jumps in the
//! host code, so loops run as native loops.

use crate::isa::loadstore::LsOp;
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

#[derive(Clone)]
pub struct Block {
    pub insns: Vec<(u32, Decoded)>,
    /// Address control continues at when the last instruction falls through.
    pub fallthrough: u32,
    /// Targets the block's final `bcctr` has been seen to go to that are blocks of the unit
    /// too (see `IndirectTargets`), or the unit's return sites its final `bclr` may go to
    /// (see `return_sites`); empty for other blocks.
    pub indirect: Vec<u32>,
    /// Whether the unit learns and takes in the targets of the block's final `bcctr`: only
    /// where the block was reached from the entry without passing through such a target
    /// (`discover_region`).
    pub learns: bool,
    /// This block is the copy of a loop head that control from outside the loop enters
    /// (`peel_loop_heads`); its key in the unit is its start | 1.
    pub copy: bool,
    /// The loop heads whose copies this block's direct branches go to (`peel_loop_heads`).
    pub to_copies: Vec<u32>,
}

/// A load or store of one general-purpose register (not FP, multiple, string or reservation).
fn gpr_access(o: LsOp) -> bool {
    use LsOp::*;
    matches!(
        o,
        Lbz | Lbzu
            | Lbzx
            | Lbzux
            | Lhz
            | Lhzu
            | Lhzx
            | Lhzux
            | Lha
            | Lhau
            | Lhax
            | Lhaux
            | Lwz
            | Lwzu
            | Lwzx
            | Lwzux
            | Lwa
            | Lwax
            | Lwaux
            | Ld
            | Ldu
            | Ldx
            | Ldux
            | Stb
            | Stbu
            | Stbx
            | Stbux
            | Sth
            | Sthu
            | Sthx
            | Sthux
            | Stw
            | Stwu
            | Stwx
            | Stwux
            | Std
            | Stdu
            | Stdx
            | Stdux
            | Lhbrx
            | Lwbrx
            | Sthbrx
            | Stwbrx
    )
}

/// How many copies of a block its unit runs in a row (`copies`). Two measured best: with
/// four, the larger units took longer to compile than the loops saved (docs/JIT.md).
pub const UNROLL: usize = 2;
/// Blocks longer than this are not unrolled.
pub const UNROLL_MAX_LEN: usize = 12;

impl Block {
    /// How many times the block's instructions follow one another in its host code: a short
    /// loop of one block (a conditional branch back to its own start, integer and memory
    /// instructions only) runs `UNROLL` iterations between budget checks and register
    /// stores, leaving through the branch's fall-through after any of them
    /// (`lift::lift_block`); every other block once.
    pub fn copies(&self) -> usize {
        let n = self.insns.len();
        if n > UNROLL_MAX_LEN {
            return 1;
        }
        let i = self.insns[n - 1].1;
        let self_loop = matches!(i.op(), Op::Branch(BranchOp::Bc))
            && !i.insn.lk()
            && successors(self) == [self.start(), self.fallthrough];
        let simple = self.insns[..n - 1].iter().all(|(_, d)| {
            matches!(d.op(), Op::Integer(_)) || matches!(d.op(), Op::LoadStore(o) if gpr_access(o))
        });
        if self_loop && simple {
            UNROLL
        } else {
            1
        }
    }

    pub fn start(&self) -> u32 {
        self.insns[0].0
    }

    /// The block's key in its unit: its start, or for a loop head's copy its start | 1
    /// (`peel_loop_heads`; instructions are word-aligned).
    pub fn key(&self) -> u32 {
        self.start() | u32::from(self.copy)
    }

    /// The key of the block a direct branch (or the fall-through) of this block to `target`
    /// continues at.
    pub fn target_key(&self, target: u32) -> u32 {
        target_key(&self.to_copies, target)
    }
}

/// The key of the block a direct branch to `target` continues at, from a block whose direct
/// branches go to the copies of the loop heads `to_copies` (`Block::to_copies`).
pub fn target_key(to_copies: &[u32], target: u32) -> u32 {
    if to_copies.contains(&target) {
        target | 1
    } else {
        target
    }
}

/// The blocks of one unit; the first one starts at the entry.
pub struct Region {
    pub blocks: Vec<Block>,
}

impl Region {
    /// The unit's guest instructions, a peeled loop head's counted once.
    pub fn instructions(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| !b.copy)
            .map(|b| b.insns.len())
            .sum()
    }

    /// Whether the unit is worth Cranelift's optimizer, which doubles compiling: when its
    /// entry heads a loop (where hot code runs; without the optimizer crc_hash executed 13%
    /// more host instructions, bytecode_vm and int_kernels 4% more) or it computes in the FP
    /// or vector registers, whose lifting leans on it (bit casts between integer and float
    /// values fold away, lane masks simplify; sgemm ran 1.8 times slower without it). The
    /// rest, run-once and call-heavy code, is most of what large programs compile.
    pub fn wants_optimizer(&self) -> bool {
        self.entry_heads_loop()
            || self
                .blocks
                .iter()
                .flat_map(|b| &b.insns)
                .any(|(_, d)| matches!(d.op(), Op::Fpu(_) | Op::Vector(_)))
    }

    /// Whether blocks of the unit branch back to its entry.
    pub fn entry_heads_loop(&self) -> bool {
        let entry = self.blocks[0].start();
        self.blocks
            .iter()
            .any(|b| successors(b).contains(&entry) || b.indirect.contains(&entry))
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

/// The TO field of a trap that fires whatever its operands (`trap`, `tw 31,...`).
pub const TRAP_ALWAYS: u32 = 0b11111;

/// Whether `d` must be the last instruction of its block.
pub fn ends_block(d: &Decoded) -> bool {
    match d.op() {
        Op::Branch(BranchOp::B | BranchOp::Bc | BranchOp::Bclr | BranchOp::Bcctr) => true,
        // Exits, and instructions after which new code must be fetched afresh.
        Op::System(SysOp::Sc | SysOp::Isync | SysOp::Icbi) => true,
        // A conditional trap is a compare and a cold exit (`lift::system`); code after it
        // runs when it does not fire.
        Op::System(SysOp::Tw | SysOp::Twi | SysOp::Td | SysOp::Tdi) => d.insn.to() == TRAP_ALWAYS,
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
        learns: true,
        copy: false,
        to_copies: Vec::new(),
    })
}

/// Where control may go after `block` without the dispatcher: direct branch targets and the
/// fall-through of anything but an unconditional branch or an instruction that ends the
/// block for the dispatcher's sake (sc, unconditional traps, isync, icbi).
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

/// When the entry heads a loop, the unit keeps only that loop:
/// code after the loop runs once per pass through it, as cold code or in a unit of its own,
/// and compiling it with every loop before it would compile a function's tail once per loop
/// (sort's `main` 6 times).
fn focus_on_loop(blocks: Vec<Block>) -> Vec<Block> {
    let edges = unit_edges(&blocks);
    let back = predecessors(&edges);
    let n = blocks.len();
    // The innermost loop the entry heads: the blocks that reach a branch back to the entry
    // (from an address at or after it) without passing through the entry. Everything else is
    // reachable from the entry too, outer loops included, so cycles alone would not tell.
    let entry = blocks[0].start();
    let mut in_loop = vec![false; n];
    in_loop[0] = true;
    let work: Vec<usize> = back[0]
        .iter()
        .copied()
        .filter(|&t| blocks[t].start() >= entry)
        .collect();
    if work.is_empty() {
        return blocks;
    }
    mark_from(work, &back, &mut in_loop);
    keep_marked(blocks, in_loop)
}

/// Marks every block reachable from `work` along `next` (successors or predecessors, by
/// index), stopping at blocks marked already.
fn mark_from(mut work: Vec<usize>, next: &[Vec<usize>], marked: &mut [bool]) {
    while let Some(b) = work.pop() {
        if !marked[b] {
            marked[b] = true;
            work.extend(next[b].iter().copied());
        }
    }
}

/// The blocks whose mark is set, in their order.
fn keep_marked(blocks: Vec<Block>, marked: Vec<bool>) -> Vec<Block> {
    blocks
        .into_iter()
        .zip(marked)
        .filter_map(|(b, k)| k.then_some(b))
        .collect()
}

/// The jumps between `blocks` (direct successors and the `bcctr` targets they hold, by
/// index), each list sorted and without repeats.
fn unit_edges(blocks: &[Block]) -> Vec<Vec<usize>> {
    let index: HashMap<u32, usize> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (b.key(), i))
        .collect();
    blocks
        .iter()
        .map(|b| {
            let mut s: Vec<usize> = successors(b)
                .into_iter()
                .map(|t| b.target_key(t))
                .chain(b.indirect.iter().copied())
                .filter_map(|t| index.get(&t).copied())
                .collect();
            s.sort_unstable();
            s.dedup();
            s
        })
        .collect()
}

/// `succ` turned around: the blocks jumping to each block.
fn predecessors(succ: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut preds = vec![Vec::new(); succ.len()];
    for (from, to) in succ.iter().enumerate() {
        for &t in to {
            preds[t].push(from);
        }
    }
    preds
}

/// Targets seen at run time per address of a `bcctr` that does not link (a `switch`'s jump
/// table, a computed tail call). A unit holding such a branch also holds the targets seen so
/// far, and dispatches to them inside its host code (see `lift::Lifter::exit_indirect`).
pub type IndirectTargets = HashMap<u32, Vec<u32>>;

/// The address of `block`'s final `bcctr` if it is one whose targets a unit may include:
/// not linking (a call's target is a function, entered through its own unit), a valid form
/// (BO not decrementing CTR), and reached without passing through a learned target
/// (`Block::learns`).
pub fn indirect_site(block: &Block) -> Option<u32> {
    let &(pc, d) = block.insns.last()?;
    (block.learns && learns_targets(&d)).then_some(pc)
}

/// Whether `d` is a `bcctr` whose targets are learned (see `indirect_site`).
pub fn learns_targets(d: &Decoded) -> bool {
    let i = d.insn;
    matches!(d.op(), Op::Branch(BranchOp::Bcctr)) && !i.lk() && i.bo() & 0b00100 != 0
}

/// A `switch` through a table of word offsets from its own base, closing a block as gcc
/// emits it: `lwax rT,rB,rI; add rC,rB,rT` (either order) `; mtctr rC; bctr`. While rB holds
/// the address the table had when the unit was compiled, the target is a function of rI
/// alone (`lift::Lifter::table_switch`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableSwitch {
    /// The `lwax`'s place among the block's instructions.
    pub at: usize,
    pub base: usize,
    pub index: usize,
    pub loaded: usize,
    pub sum: usize,
}

/// The `TableSwitch` that `insns` (a block, or the words before a `bcctr`) end with.
pub fn table_switch(insns: &[(u32, Decoded)]) -> Option<TableSwitch> {
    use crate::isa::integer::IntOp;
    /// mtspr's SPR number for CTR.
    const CTR: u32 = 9;
    let n = insns.len();
    let [load, add, mtctr, bctr] = [
        insns.get(n.checked_sub(4)?)?.1,
        insns[n - 3].1,
        insns[n - 2].1,
        insns[n - 1].1,
    ];
    let ends = matches!(bctr.op(), Op::Branch(BranchOp::Bcctr))
        && !bctr.insn.lk()
        && bctr.insn.bo() == 0b10100;
    let moves = matches!(mtctr.op(), Op::System(SysOp::Mtspr)) && mtctr.insn.spr() == CTR;
    let adds = matches!(add.op(), Op::Integer(IntOp::Add)) && !add.insn.oe() && !add.insn.rc();
    if !(ends && moves && adds && matches!(load.op(), Op::LoadStore(LsOp::Lwax))) {
        return None;
    }
    let (loaded, base, index) = (load.insn.rt(), load.insn.ra(), load.insn.rb());
    let (sum, x, y) = (add.insn.rt(), add.insn.ra(), add.insn.rb());
    let sums = (x, y) == (base, loaded) || (x, y) == (loaded, base);
    let kept = base != 0 && base != loaded && base != sum;
    (kept && sums && mtctr.insn.rs() == sum).then_some(TableSwitch {
        at: n - 4,
        base,
        index,
        loaded,
        sum,
    })
}

/// The `TableSwitch` closing at the `bcctr` at `site`, read from memory.
pub fn table_switch_at(mem: &Memory, site: u32) -> Option<TableSwitch> {
    let insns: Option<Vec<(u32, Decoded)>> = (0..4)
        .map(|k| {
            let pc = site.wrapping_sub(12 - 4 * k);
            Some((pc, decode(mem.fetch(pc).ok()?)?))
        })
        .collect();
    table_switch(&insns?)
}

/// Collects the unit entered at `entry`: blocks found breadth-first from it, through direct
/// branches, fall-throughs and the known targets of indirect branches (`seen_targets`).
/// `stop_at` is never the start of a block other than the entry's (the dispatcher must see
/// control reach it) and never inside one.
///
/// When the unit would reach its size limit, it ends instead at the entries of units
/// compiled already (`compiled`), which its exits then enter. Otherwise, in code longer than
/// a unit (bzip2's unrolled `sendMTFValues`), each exit at the edge of one unit starts the
/// next 64 blocks, at a point a little after the previous one's: bzip2 compiled 86,268 guest
/// instructions, 19,346 with this rule. A unit that fits keeps what it reaches: a loop
/// around an inner loop compiled first still runs in one unit.
pub fn discover_region(
    mem: &Memory,
    entry: u32,
    stop_at: Option<u32>,
    max_blocks: usize,
    seen_targets: &IndirectTargets,
    compiled: &dyn Fn(u32) -> bool,
) -> Option<Region> {
    let (blocks, cut) = grow(mem, entry, stop_at, max_blocks, seen_targets, &|_| false)?;
    let blocks = if cut {
        grow(mem, entry, stop_at, max_blocks, seen_targets, compiled)?.0
    } else {
        blocks
    };
    // Only the targets that made it into the unit are dispatched to inside it.
    let keep_targets = |blocks: &mut Vec<Block>| {
        let starts: HashSet<u32> = blocks.iter().map(Block::start).collect();
        for b in blocks.iter_mut() {
            if let Some(targets) = indirect_site(b).and_then(|site| seen_targets.get(&site)) {
                b.indirect = targets
                    .iter()
                    .copied()
                    .filter(|t| starts.contains(t))
                    .collect();
            }
        }
    };
    let mut blocks = blocks;
    keep_targets(&mut blocks);
    let blocks = without_dead_end_targets(blocks);
    let mut blocks = focus_on_loop(blocks);
    keep_targets(&mut blocks);
    return_sites(&mut blocks);
    Some(Region { blocks })
}

/// At most this many loop heads are peeled per unit (`peel_loop_heads`).
pub const MAX_PEELED: usize = 8;

/// The loop heads of `region` that `peel_loop_heads` may peel, each with the keys of its
/// loop's blocks (those that reach a jump back to the head without passing it, found by a
/// depth-first walk from the entry) and of its predecessors outside the loop.
///
/// Not peeled: the entry (entered from outside the unit, it has a copy of its own,
/// `lift::entry_key`), blocks the unit repeats (`Block::copies`), blocks that end in or are
/// targets of indirect branches, twin arms and the blocks around them (`twins`), and heads
/// that every jump comes to from inside their loop. None once the region has copies.
pub fn peelable_heads(region: &Region) -> Vec<PeelableHead> {
    let blocks = &region.blocks;
    if blocks.iter().any(|b| b.copy) {
        return Vec::new();
    }
    let n = blocks.len();
    let succ = unit_edges(blocks);
    let preds = predecessors(&succ);
    let mut body: HashMap<usize, Vec<bool>> = HashMap::new();
    for (from, head) in back_edges(&succ).0 {
        let inside = body.entry(head).or_insert_with(|| {
            let mut v = vec![false; n];
            v[head] = true;
            v
        });
        mark_from(vec![from], &preds, inside);
    }
    let by_start: HashMap<u32, &Block> = blocks.iter().map(|b| (b.start(), b)).collect();
    let mut twinned: HashSet<u32> = HashSet::new();
    for b in blocks {
        if let Some(t) = super::twins::twin_arms(b, &by_start) {
            twinned.insert(b.start());
            twinned.extend(t.arms);
        }
    }
    let indirect_targets: HashSet<u32> = blocks
        .iter()
        .flat_map(|b| b.indirect.iter().copied())
        .collect();
    let mut heads: Vec<PeelableHead> = body
        .iter()
        .filter(|&(&h, _)| {
            let b = &blocks[h];
            h != 0
                && b.copies() == 1
                && indirect_site(b).is_none()
                && b.indirect.is_empty()
                && !indirect_targets.contains(&b.start())
                && !twinned.contains(&b.start())
                && preds[h]
                    .iter()
                    .all(|&p| !twinned.contains(&blocks[p].start()))
        })
        .map(|(&h, inside)| {
            let keys = |f: &dyn Fn(usize) -> bool| -> Vec<u32> {
                (0..n).filter(|&i| f(i)).map(|i| blocks[i].key()).collect()
            };
            PeelableHead {
                head: blocks[h].key(),
                body: keys(&|i| inside[i]),
                outside: keys(&|i| preds[h].contains(&i) && !inside[i]),
            }
        })
        .filter(|p| !p.outside.is_empty())
        .collect();
    heads.sort_unstable_by_key(|p| p.head);
    heads
}

/// A loop head `peel_loop_heads` may peel (`peelable_heads`).
pub struct PeelableHead {
    pub head: u32,
    /// The blocks of its loop, the head included.
    pub body: Vec<u32>,
    /// Its predecessors outside the loop.
    pub outside: Vec<u32>,
}

/// `region` with a copy of each of `heads` (from `peelable_heads`, at most `MAX_PEELED`)
/// that the jumps from outside the head's loop go to, so the head itself takes only what the
/// loop's own jumps bring. A head's plan (registers in variables, lazy CR fields:
/// `lift::Plan`) is what every jump in agrees on: sort's merge loop, entered with `cr4`
/// built, built it again on every way round for the head, although the loop's blocks set
/// it before anything reads it. A copy jumps where its head does.
pub fn peel_loop_heads(region: &Region, heads: &[PeelableHead]) -> Region {
    let heads = &heads[..heads.len().min(MAX_PEELED)];
    let mut blocks = Vec::with_capacity(region.blocks.len() + heads.len());
    for b in &region.blocks {
        let mut b = b.clone();
        for h in heads {
            if h.outside.contains(&b.key()) {
                b.to_copies.push(h.head);
            }
        }
        if heads.iter().any(|h| h.head == b.key()) {
            let mut c = b.clone();
            c.copy = true;
            blocks.push(c);
        }
        blocks.push(b);
    }
    Region { blocks }
}

/// The jumps of `succ` that go back to a block still on a depth-first walk's stack from
/// block 0 (every cycle holds one), as (from, to); and which blocks the walk reached.
fn back_edges(succ: &[Vec<usize>]) -> (Vec<(usize, usize)>, Vec<bool>) {
    let mut back = Vec::new();
    if succ.is_empty() {
        return (back, Vec::new());
    }
    let mut state = vec![0u8; succ.len()]; // 0 unseen, 1 on the stack, 2 done
    let mut stack = vec![(0usize, 0usize)];
    state[0] = 1;
    while let Some(&mut (b, ref mut next)) = stack.last_mut() {
        if let Some(&s) = succ[b].get(*next) {
            *next += 1;
            match state[s] {
                0 => {
                    state[s] = 1;
                    stack.push((s, 0));
                }
                1 => back.push((b, s)),
                _ => {}
            }
        } else {
            state[b] = 2;
            stack.pop();
        }
    }
    (back, state.iter().map(|&s| s != 0).collect())
}

/// `discover_region`'s walk, which does not go on into the blocks `ends_at` accepts (the
/// entry, being compiled, is not one of them); true with the blocks when the size limit cut
/// it short.
fn grow(
    mem: &Memory,
    entry: u32,
    stop_at: Option<u32>,
    max_blocks: usize,
    seen_targets: &IndirectTargets,
    ends_at: &dyn Fn(u32) -> bool,
) -> Option<(Vec<Block>, bool)> {
    let first = discover(mem, entry, stop_at, MAX_UNIT_INSNS)?;
    let window = entry / WINDOW;
    let mut total = first.insns.len();
    let mut seen: HashSet<u32> = HashSet::from([entry]);
    // Each queued block with whether it was reached through a learned target (see below).
    let mut queue: VecDeque<(u32, bool)> = VecDeque::new();
    let mut blocks = Vec::new();
    let inside = |s: u32| s.is_multiple_of(4) && s / WINDOW == window && stop_at != Some(s);
    // The targets of a `bcctr` are taken in only where the unit reached it without passing
    // through another one's target. A `switch` loop (bytecode_vm's) reaches its dispatch
    // from its entry, and its cases branch back to it; an interpreter whose compiler copied
    // the dispatch into every handler (Lua's `goto *table[op]`) would otherwise draw every
    // handler, and every handler's targets, into every unit holding one.
    let mut push = |b: &Block, queue: &mut VecDeque<(u32, bool)>| {
        let indirect = indirect_site(b).and_then(|site| seen_targets.get(&site));
        let direct = successors(b)
            .into_iter()
            .filter(|&t| !calls(b) || t == b.fallthrough)
            .filter(|&t| !ends_at(t))
            .map(|t| (t, !b.learns));
        let learned = indirect.into_iter().flatten().map(|&t| (t, true));
        for (s, through_target) in direct.chain(learned) {
            if inside(s) && seen.insert(s) {
                queue.push_back((s, through_target));
            }
        }
    };
    push(&first, &mut queue);
    blocks.push(first);
    let mut cut = false;
    while let Some((start, through_target)) = queue.pop_front() {
        if blocks.len() >= max_blocks.min(MAX_UNIT_BLOCKS) || total >= MAX_UNIT_INSNS {
            cut = true;
            break;
        }
        let Some(mut b) = discover(mem, start, stop_at, MAX_UNIT_INSNS - total) else {
            continue;
        };
        b.learns = !through_target;
        total += b.insns.len();
        push(&b, &mut queue);
        blocks.push(b);
    }
    Some((blocks, cut))
}

/// Drops the learned targets of a `bcctr` from which the unit cannot come back to it, and
/// the blocks only they reached. Taking in a `switch`'s cases pays when they branch back to
/// the dispatch, so that the loop runs in the unit; a case that leaves the unit anyway
/// (through its own copy of the dispatch, as Lua's handlers do) saves one move between
/// units per visit and costs its compiling in every unit holding the dispatch. The branch
/// then meets those targets as known ones the unit lacks, and stops learning.
fn without_dead_end_targets(mut blocks: Vec<Block>) -> Vec<Block> {
    let index: HashMap<u32, usize> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (b.start(), i))
        .collect();
    let edges = unit_edges(&blocks);
    let back = predecessors(&edges);
    let mut changed = false;
    for s in 0..blocks.len() {
        if blocks[s].indirect.is_empty() || indirect_site(&blocks[s]).is_none() {
            continue;
        }
        // The blocks that reach `s`.
        let mut reaches = vec![false; blocks.len()];
        mark_from(vec![s], &back, &mut reaches);
        let before = blocks[s].indirect.len();
        blocks[s]
            .indirect
            .retain(|t| index.get(t).is_some_and(|&i| reaches[i]));
        changed |= blocks[s].indirect.len() != before;
    }
    if !changed {
        return blocks;
    }
    let mut kept = vec![false; blocks.len()];
    mark_from(vec![0], &unit_edges(&blocks), &mut kept);
    keep_marked(blocks, kept)
}

/// Whether `block` ends in a branch that links (a call). A unit does not follow a call into
/// its callee (except a `bcl` to the next instruction, which reads the address): the callee
/// is a unit of its own, entered through its link cell, and returns through the
/// indirect-branch table. Following calls compiled every callee again in every unit that
/// calls it, which cost more than the moves between units it saved (docs/JIT.md, "Units
/// and entry").
fn calls(block: &Block) -> bool {
    let d = block.insns.last().expect("blocks are never empty").1;
    matches!(d.op(), Op::Branch(_)) && ends_block(&d) && d.insn.lk()
}

/// Gives every block ending in a `bclr` that does not link the unit's *return sites*: the
/// blocks that start where a call of the unit returns (the fall-through of a branch that
/// links). A unit entered at such a site (a loop that calls a function, entered again each
/// time the function returns) thus returns into itself with a compare and a jump instead
/// of leaving through the indirect-branch table and entering itself again.
fn return_sites(blocks: &mut [Block]) {
    let starts: HashSet<u32> = blocks.iter().map(Block::start).collect();
    let mut sites: Vec<u32> = blocks
        .iter()
        .filter(|b| calls(b))
        .map(|b| b.fallthrough)
        .filter(|s| starts.contains(s))
        .collect();
    if sites.is_empty() {
        return;
    }
    sites.sort_unstable();
    sites.dedup();
    for b in blocks.iter_mut() {
        let d = b.insns.last().expect("blocks are never empty").1;
        if matches!(d.op(), Op::Branch(BranchOp::Bclr)) && !d.insn.lk() {
            b.indirect.clone_from(&sites);
        }
    }
}

/// The blocks of `region` that check the instruction budget, by start address, each with the
/// most instructions control can retire from its start before it reaches the next check or
/// leaves the unit.
///
/// Checking at every block costs a compare and a branch per block; checking only where
/// control can arrive around a loop (and at the entry) bounds every run between checks, so a
/// check asks for the longest such run and the blocks in between only count. When less is
/// left than a check asks for, the unit leaves there and the dispatcher interprets the
/// remainder exactly. Checks added along long paths bound those runs (and so what is
/// interpreted) to `span` plus the checking block's own length.
pub fn budget_checks(region: &Region, span: u32) -> BudgetPlan {
    let lens: Vec<u32> = region
        .blocks
        .iter()
        .map(|b| (b.insns.len() * b.copies()) as u32)
        .collect();
    let succ = unit_edges(&region.blocks);
    // A peeled loop head checks for its loop, rather than a block after it that the walk
    // reached first through the head's copy: a block that checks cannot take a CR field it
    // sets first as dead on entry (`lift::Plan::dead_in`), and the loop's arms do that.
    let copied: HashSet<u32> = region
        .blocks
        .iter()
        .filter(|b| b.copy)
        .map(Block::start)
        .collect();
    let prefer: Vec<bool> = region
        .blocks
        .iter()
        .map(|b| !b.copy && copied.contains(&b.start()))
        .collect();
    let Checks { spans, entry } = check_spans_preferring(&lens, &succ, span, &prefer);
    let copies: Vec<bool> = region.blocks.iter().map(|b| b.copy).collect();
    let taken = taken_on_entry_preferring(&lens, &succ, &spans, &copies);
    let prepaid = prepaid_checks(&succ, &spans);
    let start = |i: usize| region.blocks[i].key();
    BudgetPlan {
        entry,
        checks: spans
            .iter()
            .enumerate()
            .filter_map(|(i, w)| w.map(|w| (start(i), w)))
            .collect(),
        taken: taken
            .iter()
            .enumerate()
            .map(|(i, &t)| {
                let t = if prepaid[i] {
                    -(lens[i] as i32)
                } else {
                    t as i32
                };
                (start(i), t)
            })
            .collect(),
    }
}

/// The checking blocks that jumps inside the unit enter with their own length already taken
/// from the budget register (`BudgetPlan::taken` negative): those every predecessor of which
/// counts at compile time, so that each of those jumps subtracts a difference anyway and
/// taking the checking block's length there too costs nothing, while the check no longer
/// writes the register. (A predecessor that checks leaves the register exact; a jump from it
/// would have to subtract only for this.) The unit's entry as control arrives from outside is
/// a separate copy (`lift::entry_key`) that takes its length itself.
fn prepaid_checks(succ: &[Vec<usize>], spans: &[Option<u32>]) -> Vec<bool> {
    let preds = predecessors(succ);
    (0..succ.len())
        .map(|b| {
            spans[b].is_some()
                && !preds[b].is_empty()
                && preds[b].iter().all(|&p| spans[p].is_none())
        })
        .collect()
}

/// How a unit counts its instructions against the budget (`budget_checks`).
#[derive(Default)]
pub struct BudgetPlan {
    /// What the unit's entry asks for as control arrives from outside. Where blocks of the
    /// unit jump back to the entry, the entry block itself checks only if a way round
    /// passes no other check (`check_spans`); its copy entered from outside always does.
    pub entry: u32,
    /// The checking blocks, with what each asks for.
    pub checks: HashMap<u32, u32>,
    /// Per block, the instructions of the blocks before it since the last check that the
    /// budget register does not reflect yet as the block begins. Blocks between checks
    /// only add their length to this count at compile time; a jump whose count differs
    /// from its target's subtracts the difference, and checks, exits and faults take the
    /// count into account. Checking blocks start at 0, or, entered by jumps that took their
    /// length already (`prepaid_checks`), at minus their length.
    pub taken: HashMap<u32, i32>,
}

/// `BudgetPlan::taken` on a graph (see `check_spans`): a block that does not check starts
/// with the count most of its predecessors end with (the larger on a tie), so most jumps
/// need no subtraction.
#[cfg(test)]
fn taken_on_entry(lens: &[u32], succ: &[Vec<usize>], spans: &[Option<u32>]) -> Vec<u32> {
    taken_on_entry_preferring(lens, succ, spans, &vec![false; lens.len()])
}

/// `taken_on_entry`, where the predecessors `aside` marks (peeled loop heads' copies,
/// entered once per entry into their loop) count only for a block no other predecessor
/// jumps to: the jumps round the loop then need no subtraction.
fn taken_on_entry_preferring(
    lens: &[u32],
    succ: &[Vec<usize>],
    spans: &[Option<u32>],
    aside: &[bool],
) -> Vec<u32> {
    let preds = predecessors(succ);
    fn entry(
        b: usize,
        lens: &[u32],
        preds: &[Vec<usize>],
        spans: &[Option<u32>],
        aside: &[bool],
        memo: &mut [Option<u32>],
    ) -> u32 {
        if spans[b].is_some() {
            return 0;
        }
        if let Some(t) = memo[b] {
            return t;
        }
        // Predecessors of a block that does not check are never reached again before a
        // check, so this recursion ends.
        let voters: Vec<usize> = if preds[b].iter().all(|&p| aside[p]) {
            preds[b].clone()
        } else {
            preds[b].iter().copied().filter(|&p| !aside[p]).collect()
        };
        let mut outs: Vec<u32> = voters
            .iter()
            .map(|&p| {
                if spans[p].is_some() {
                    0
                } else {
                    entry(p, lens, preds, spans, aside, memo) + lens[p]
                }
            })
            .collect();
        outs.sort_unstable();
        let mut best = (0usize, 0u32);
        for run in outs.chunk_by(|a, b| a == b) {
            if run.len() >= best.0 {
                best = (run.len(), run[0]);
            }
        }
        memo[b] = Some(best.1);
        best.1
    }
    let mut memo = vec![None; lens.len()];
    (0..lens.len())
        .map(|b| entry(b, lens, &preds, spans, aside, &mut memo))
        .collect()
}

/// Where a unit checks its budget (`check_spans`).
#[derive(Debug, PartialEq)]
struct Checks {
    /// Per block, the span it checks for, if it checks.
    spans: Vec<Option<u32>>,
    /// The span the entry checks for as control arrives from outside.
    entry: u32,
}

/// Whether `c` lies on a cycle of blocks that do not check (`c` aside).
fn on_unchecked_cycle(c: usize, succ: &[Vec<usize>], check: &[bool]) -> bool {
    let mut seen = vec![false; succ.len()];
    let mut work = succ[c].clone();
    while let Some(b) = work.pop() {
        if b == c {
            return true;
        }
        if check[b] || std::mem::replace(&mut seen[b], true) {
            continue;
        }
        work.extend(&succ[b]);
    }
    false
}

/// `budget_checks` on a graph: block `i` has `lens[i]` instructions and jumps to `succ[i]`;
/// block 0 is the entry.
#[cfg(test)]
fn check_spans(lens: &[u32], succ: &[Vec<usize>], span: u32) -> Checks {
    check_spans_preferring(lens, succ, span, &vec![false; lens.len()])
}

/// `check_spans`, where the blocks `prefer` marks start as checks and are the last whose
/// check is dropped when every way round through them passes another: on a cycle through
/// one of them and another block that would check, the other block gives way.
fn check_spans_preferring(lens: &[u32], succ: &[Vec<usize>], span: u32, prefer: &[bool]) -> Checks {
    let n = lens.len();
    // Every cycle holds an edge back to a block still on the depth-first stack: checking at
    // those blocks leaves the others without cycles.
    let mut check = vec![false; n];
    let (back, reached) = back_edges(succ);
    if n > 0 {
        check[0] = true;
    }
    for (_, head) in back {
        check[head] = true;
    }
    // Blocks the entry cannot reach (none, as discovered) check for themselves.
    for ((c, &r), &p) in check.iter_mut().zip(&reached).zip(prefer) {
        *c |= !r || p;
    }
    // A check every way round whose block passes another check is not needed: int_kernels'
    // Collatz loop closes on the unit's entry and on the block after it, and each way round
    // passes the second. Tried in block order, so an outer loop's head, before its inner
    // loop, gives way to the inner one's. The entry checks anyway where nothing jumps back
    // to it (it is entered only from outside); where something does, its copy entered from
    // outside checks (`Checks::entry`).
    let jumped_to: Vec<bool> = {
        let mut j = vec![false; n];
        for &t in succ.iter().flatten() {
            j[t] = true;
        }
        j
    };
    let order = (0..n)
        .filter(|&c| !prefer[c])
        .chain((0..n).filter(|&c| prefer[c]));
    for c in order {
        if check[c]
            && reached[c]
            && (c != 0 || jumped_to[0])
            && !on_unchecked_cycle(c, succ, &check)
        {
            check[c] = false;
        }
    }
    // Longest run from each block to the next check, successors first.
    fn longest(
        b: usize,
        lens: &[u32],
        succ: &[Vec<usize>],
        span: u32,
        check: &mut [bool],
        memo: &mut [Option<u32>],
    ) -> u32 {
        if let Some(w) = memo[b] {
            return w;
        }
        let mut tail = 0;
        for &s in &succ[b] {
            if check[s] {
                continue;
            }
            // The successor may turn into a check while its own run is worked out.
            let w = longest(s, lens, succ, span, check, memo);
            if !check[s] {
                tail = tail.max(w);
            }
        }
        let w = lens[b] + tail;
        // Too long a run: this block checks too, and its predecessors stop before it.
        if w > span {
            check[b] = true;
        }
        memo[b] = Some(w);
        w
    }
    let mut memo = vec![None; n];
    for b in 0..n {
        longest(b, lens, succ, span, &mut check, &mut memo);
    }
    Checks {
        spans: (0..n)
            .map(|b| check[b].then(|| memo[b].expect("computed")))
            .collect(),
        entry: memo.first().copied().flatten().unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    //! Expected spans worked by hand from the graphs: each check's span is its own length
    //! plus the longest chain of non-checking successors.
    use super::{check_spans, prepaid_checks, taken_on_entry, Block, UNROLL};

    fn block_of(at: u32, lines: &[&str]) -> Block {
        let insns: Vec<_> = lines
            .iter()
            .enumerate()
            .map(|(k, l)| {
                let pc = at + 4 * k as u32;
                let word = crate::isa::assemble_at(l, pc).unwrap();
                (pc, crate::isa::decode(word).unwrap())
            })
            .collect();
        Block {
            fallthrough: at + 4 * lines.len() as u32,
            insns,
            indirect: Vec::new(),
            learns: true,
            copy: false,
            to_copies: Vec::new(),
        }
    }

    /// Only a short block of integer and GPR memory instructions that ends in a conditional
    /// branch to its own start is unrolled.
    #[test]
    fn only_short_integer_self_loops_are_unrolled() {
        let at = 0x1000;
        let body = ["addi r5, r5, 1", "lwzu r6, 4(r8)", "stw r6, 0(r9)"];
        let with = |last: &str| {
            let mut l = body.to_vec();
            l.push(last);
            block_of(at, &l)
        };
        assert_eq!(with("bdnz 0x1000").copies(), UNROLL);
        assert_eq!(with("bne cr1, 0x1000").copies(), UNROLL);
        assert_eq!(with("bdnz 0x2000").copies(), 1, "not a loop to itself");
        assert_eq!(
            with("b 0x1000").copies(),
            1,
            "unconditional: it never leaves"
        );
        assert_eq!(with("bdnzl 0x1000").copies(), 1, "linking");
        let fp = block_of(at, &["fadd f1, f1, f2", "bdnz 0x1000"]);
        assert_eq!(fp.copies(), 1, "FP");
        let long: Vec<&str> = std::iter::repeat_n("addi r5, r5, 1", super::UNROLL_MAX_LEN)
            .chain(["bdnz 0x1000"])
            .collect();
        assert_eq!(block_of(at, &long).copies(), 1, "too long");
    }

    #[test]
    fn a_loop_checks_at_its_head_only() {
        // 0 -> 1 (head) -> 2 -> 3 -> 1, 3 -> 4 (exit block)
        let lens = [2, 3, 4, 5, 6];
        let succ = vec![vec![1], vec![2], vec![3], vec![1, 4], vec![]];
        let spans = check_spans(&lens, &succ, 1000).spans;
        assert_eq!(spans, [Some(2), Some(18), None, None, None]);
    }

    #[test]
    fn a_diamond_takes_its_longer_side() {
        // 0 -> {1, 2} -> 3; no loop: only the entry checks.
        let lens = [1, 10, 3, 2];
        let succ = vec![vec![1, 2], vec![3], vec![3], vec![]];
        assert_eq!(
            check_spans(&lens, &succ, 1000).spans,
            [Some(13), None, None, None]
        );
    }

    #[test]
    fn a_switch_loop_checks_at_the_dispatch_and_not_in_the_cases() {
        // 0 (head) -> 1 -> {2, 3, 4} -> 0
        let lens = [6, 5, 12, 9, 20];
        let succ = vec![vec![1], vec![2, 3, 4], vec![0], vec![0], vec![0]];
        assert_eq!(
            check_spans(&lens, &succ, 1000).spans,
            [Some(31), None, None, None, None]
        );
    }

    #[test]
    fn long_paths_get_checks_of_their_own() {
        // A chain 0 -> 1 -> 2 -> 3 of 40 instructions each, span 100: from 3 (40) and from 2
        // (80) the runs fit; from 1 it would be 120, so 1 checks (for 120) and 0, stopping
        // before it, asks for its own 40.
        let lens = [40, 40, 40, 40];
        let succ = vec![vec![1], vec![2], vec![3], vec![]];
        assert_eq!(
            check_spans(&lens, &succ, 100).spans,
            [Some(40), Some(120), None, None]
        );
    }

    /// The counts blocks start with. A checking block takes its own length at once, so what
    /// follows it starts from 0. The diamond's join gets 10 from one arm and 3 from the
    /// other (a tie of one each: the larger); the switch's cases get the dispatch's 5.
    #[test]
    fn blocks_between_checks_start_with_what_their_predecessors_took() {
        let lens = [1, 10, 3, 2];
        let succ = vec![vec![1, 2], vec![3], vec![3], vec![]];
        let spans = check_spans(&lens, &succ, 1000).spans;
        assert_eq!(taken_on_entry(&lens, &succ, &spans), [0, 0, 0, 10]);
        let lens = [6, 5, 12, 9, 20];
        let succ = vec![vec![1], vec![2, 3, 4], vec![0], vec![0], vec![0]];
        let spans = check_spans(&lens, &succ, 1000).spans;
        assert_eq!(taken_on_entry(&lens, &succ, &spans), [0, 0, 5, 5, 5]);
    }

    /// A loop head whose every predecessor only counts is entered with its length taken; one
    /// that jumps to itself (it checks) is not, nor is an entry with no jumps into it.
    #[test]
    fn checks_entered_only_by_counting_blocks_are_prepaid() {
        let lens = [6, 5, 12, 9, 20];
        let succ = vec![vec![1], vec![2, 3, 4], vec![0], vec![0], vec![0]];
        let spans = check_spans(&lens, &succ, 1000).spans;
        assert_eq!(
            prepaid_checks(&succ, &spans),
            [true, false, false, false, false]
        );
        // 0 -> 1 (head) -> 2 -> 1, and 0 -> 3 -> 3 (a self loop)
        let lens = [2, 3, 4, 5];
        let succ = vec![vec![1, 3], vec![2], vec![1], vec![3]];
        let spans = check_spans(&lens, &succ, 1000).spans;
        assert_eq!(
            spans.iter().map(|s| s.is_some()).collect::<Vec<_>>(),
            [true, true, false, true]
        );
        // 1's predecessors are 0 (a check) and 2: not prepaid.
        assert_eq!(prepaid_checks(&succ, &spans), [false, false, false, false]);
        let lens = [3, 4];
        let succ = vec![vec![0], vec![]];
        let spans = check_spans(&lens, &succ, 100).spans;
        assert_eq!(prepaid_checks(&succ, &spans), [false, false]);
    }

    /// int_kernels' Collatz loop entered at its odd step (0): both ways round pass the head
    /// (1), so the entry block only counts and its copy from outside asks for its own 4.
    /// An outer loop (1) whose every way round passes its inner loop's head (2) likewise
    /// leaves the check to it, whose span then runs on through the outer loop's blocks.
    #[test]
    fn checks_every_way_round_passes_another_are_left_out() {
        let lens = [4, 4, 4];
        let succ = vec![vec![1], vec![0, 2], vec![1]];
        let checks = check_spans(&lens, &succ, 1000);
        assert_eq!(checks.spans, [None, Some(8), None]);
        assert_eq!(checks.entry, 4);
        // 0 -> 1 (outer head) -> 2 (inner, a self loop) -> 3 -> {1, 4}
        let lens = [1, 2, 3, 4, 5];
        let succ = vec![vec![1], vec![2], vec![2, 3], vec![1, 4], vec![]];
        let checks = check_spans(&lens, &succ, 1000);
        assert_eq!(checks.spans, [Some(3), None, Some(12), None, None]);
        assert_eq!(checks.entry, 3);
    }

    #[test]
    fn a_self_loop_and_an_unreached_block_check() {
        let lens = [3, 4];
        let succ = vec![vec![0], vec![]];
        assert_eq!(check_spans(&lens, &succ, 100).spans, [Some(3), Some(4)]);
    }
}
