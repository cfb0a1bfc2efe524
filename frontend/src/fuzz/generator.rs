//! Random instruction sequences drawn from the instruction table.
//!
//! An instruction starts as a table entry with its free bits filled at random; fix-ups then
//! make it safe to run. Destinations avoid the registers that hold pointers into scratch
//! memory (only update forms move those, by small amounts), addresses land in scratch memory
//! (misaligned and page-crossing on purpose), and branches stay inside the sequence. Backward
//! branches only close counted loops (`li`, `mtctr`, body, a CTR-decrementing `bc`) whose
//! bodies never touch CTR, and no branch lands inside a loop it is not part of, so every
//! sequence terminates. The instruction budget is the backstop for sequences the shrinker
//! has cut apart.
//!
//! Exits (sc, traps, faults, unknown SPRs, the invalid `bcctr` form) are generated rarely
//! and deliberately: both backends must agree on them too. Vector instructions come only
//! when asked for; whether the interpreter executes them or stops on them as unimplemented,
//! the JIT must do the same.
//!
//! This file, `state.rs` and `compare.rs` depend only on `oxenon_jit` and std, so the
//! cargo-fuzz target in frontend/fuzz compiles them unchanged.

use super::state::{random_context, random_scratch, Case, SCRATCH_BASE, SCRATCH_SIZE, SENTINEL};
use oxenon_jit::isa::branch::BranchOp;
use oxenon_jit::isa::integer::IntOp;
use oxenon_jit::isa::loadstore::LsOp;
use oxenon_jit::isa::system::SysOp;
use oxenon_jit::isa::{decode, table, Insn, InsnDef, Op, Operand};
use std::sync::OnceLock;

/// Where random decisions come from: a seeded PRNG for the CLI, the fuzzer's bytes for
/// cargo-fuzz.
pub trait Entropy {
    fn next_u64(&mut self) -> u64;

    /// A value in `0..n`; 0 when `n` is 0.
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }
}

/// SplitMix64: tiny, fast, and good enough to drive a generator; fully determined by its seed.
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The generator for one iteration of a run: independent of every other iteration, so a
    /// case depends only on (seed, iteration).
    pub fn for_iteration(seed: u64, iteration: u64) -> Self {
        let mut s = SplitMix64(seed);
        let a = s.next_u64();
        let mut t = SplitMix64(iteration ^ 0x6A09_E667_F3BC_C909);
        Self(a ^ t.next_u64())
    }
}

impl Entropy for SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A fuzzer's input as entropy. Each decision consumes only the bytes it needs, so
/// coverage-guided mutation of one byte changes one decision; past the end it reads zeros.
/// (The binary itself only uses it in tests; the cargo-fuzz target is its user.)
#[cfg_attr(not(test), allow(dead_code))]
pub struct ByteSource<'a> {
    data: &'a [u8],
    pos: usize,
}

#[cfg_attr(not(test), allow(dead_code))]
impl<'a> ByteSource<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Self { data, pos: 0 }
    }

    fn take(&mut self, n: usize) -> u64 {
        let mut v = 0u64;
        for _ in 0..n {
            let b = self.data.get(self.pos).copied().unwrap_or(0);
            self.pos = self.pos.saturating_add(1);
            v = (v << 8) | u64::from(b);
        }
        v
    }
}

impl Entropy for ByteSource<'_> {
    fn next_u64(&mut self) -> u64 {
        self.take(8)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n <= 1 {
            return 0;
        }
        let bytes = (64 - (n - 1).leading_zeros()).div_ceil(8) as usize;
        self.take(bytes) % n
    }
}

pub fn chance(r: &mut dyn Entropy, num: u64, den: u64) -> bool {
    r.below(den) < num
}

/// One element of a non-empty constant list.
pub fn one_of<T: Copy, const N: usize>(r: &mut dyn Entropy, items: &[T; N]) -> T {
    items[r.below(N as u64) as usize]
}

/// An integer in `lo..=hi`.
pub fn between(r: &mut dyn Entropy, lo: i64, hi: i64) -> i64 {
    let span = hi.wrapping_sub(lo) as u64;
    lo.wrapping_add(r.below(span.wrapping_add(1)) as i64)
}

/// The instruction families `--classes` selects from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Integer,
    Branch,
    LoadStore,
    Fpu,
    System,
    Vector,
}

impl Class {
    pub const ALL: [Class; 6] = [
        Class::Integer,
        Class::Branch,
        Class::LoadStore,
        Class::Fpu,
        Class::System,
        Class::Vector,
    ];
    /// The default: everything the interpreter executes.
    pub const SCALAR: [Class; 5] = [
        Class::Integer,
        Class::Branch,
        Class::LoadStore,
        Class::Fpu,
        Class::System,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Class::Integer => "integer",
            Class::Branch => "branch",
            Class::LoadStore => "loadstore",
            Class::Fpu => "fpu",
            Class::System => "system",
            Class::Vector => "vector",
        }
    }

    pub fn parse(s: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.name() == s)
    }

    pub fn of(op: Op) -> Class {
        match op {
            Op::Integer(_) => Class::Integer,
            Op::Branch(_) => Class::Branch,
            Op::LoadStore(_) => Class::LoadStore,
            Op::Fpu(_) => Class::Fpu,
            Op::System(_) => Class::System,
            Op::Vector(_) => Class::Vector,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The class of an instruction word (`None` for words that do not decode).
    pub fn of_word(word: u32) -> Option<Class> {
        decode(word).map(|d| Class::of(d.op()))
    }
}

fn entries(class: Class) -> &'static [&'static InsnDef] {
    static BY_CLASS: OnceLock<Vec<Vec<&'static InsnDef>>> = OnceLock::new();
    let all = BY_CLASS.get_or_init(|| {
        let mut v: Vec<Vec<&'static InsnDef>> = vec![Vec::new(); Class::ALL.len()];
        for d in table() {
            v[Class::of(d.op).index()].push(d);
        }
        v
    });
    &all[class.index()]
}

/// How a body instruction's word depends on the layout, so removing instructions (the
/// shrinker) keeps branches pointing at the same instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    None,
    /// A relative `b`/`bc` to the body instruction at this index (`body.len()`: the epilogue).
    Branch(usize),
    /// An `addi` whose immediate is the distance from the instruction at `anchor` (where the
    /// preceding `bcl` left LR) to `target`, plus `low`, bits the indirect branch ignores.
    CodeOffset {
        anchor: usize,
        target: usize,
        low: u8,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub word: u32,
    pub link: Link,
}

impl Slot {
    fn plain(word: u32) -> Slot {
        Slot {
            word,
            link: Link::None,
        }
    }
}

/// A generated sequence: the body, then (if the body may change LR) `mtlr` from the register
/// that holds the sentinel, then `blr`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    pub body: Vec<Slot>,
    pub lr_restore: Option<u8>,
}

pub const BLR: u32 = 0x4E80_0020;
const MTLR: u32 = 0x7C08_03A6;
const MFLR: u32 = 0x7C08_02A6;
const MTCTR: u32 = 0x7C09_03A6;
const ADDI: u32 = 0x3800_0000;
/// `bcl 20,31,$+4`: the position-independent way to read the current address.
const BCL_NEXT: u32 = 0x429F_0005;

pub fn mtlr(r: u8) -> u32 {
    MTLR | (u32::from(r & 31) << 21)
}

impl Program {
    /// The words to place in guest memory, branch displacements resolved.
    pub fn words(&self) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .body
            .iter()
            .enumerate()
            .map(|(i, s)| encode(s, i))
            .collect();
        out.extend(self.lr_restore.map(mtlr));
        out.push(BLR);
        out
    }

    /// Removes body instructions `start..end`; links into the removed range move to the
    /// instruction that follows it.
    pub fn remove(&mut self, start: usize, end: usize) {
        let end = end.min(self.body.len());
        if start >= end {
            return;
        }
        let n = end - start;
        let fix = |t: usize| {
            if t >= end {
                t - n
            } else if t >= start {
                start
            } else {
                t
            }
        };
        self.body.drain(start..end);
        for s in &mut self.body {
            s.link = match s.link {
                Link::None => Link::None,
                Link::Branch(t) => Link::Branch(fix(t)),
                Link::CodeOffset {
                    anchor,
                    target,
                    low,
                } => Link::CodeOffset {
                    anchor: fix(anchor),
                    target: fix(target),
                    low,
                },
            };
        }
    }
}

fn encode(s: &Slot, at: usize) -> u32 {
    let delta = |t: usize| (t as i64 - at as i64).wrapping_mul(4);
    match s.link {
        Link::None => s.word,
        Link::Branch(t) => {
            let d = delta(t) as u32;
            match s.word >> 26 {
                18 => (s.word & !0x03FF_FFFC) | (d & 0x03FF_FFFC),
                16 => (s.word & !0xFFFC) | (d & 0xFFFC),
                _ => s.word,
            }
        }
        Link::CodeOffset {
            anchor,
            target,
            low,
        } => {
            let d = (target as i64 - anchor as i64).wrapping_mul(4) + i64::from(low & 3);
            (s.word & !0xFFFF) | (d as u16 as u32)
        }
    }
}

const RT: u32 = 21;
const RA: u32 = 16;
const RB: u32 = 11;

fn field(w: u32, shift: u32) -> usize {
    ((w >> shift) & 31) as usize
}

fn with_field(w: u32, shift: u32, v: usize) -> u32 {
    (w & !(31 << shift)) | (((v as u32) & 31) << shift)
}

/// The registers with a role in this sequence.
struct Plan {
    /// Pointers into scratch memory: (register, initial value).
    ptrs: Vec<(usize, u64)>,
    /// Small offsets for indexed addressing.
    idxs: Vec<(usize, u64)>,
    /// Holds the sentinel, restored to LR before the final `blr`.
    link: usize,
    protected: u32,
}

impl Plan {
    fn is_protected(&self, r: usize) -> bool {
        self.protected & (1 << r) != 0
    }
}

/// Roles go to r1..r26 so `lmw` into r27..r31 stays possible.
const ROLE_REGS: u64 = 26;

fn make_plan(r: &mut dyn Entropy) -> Plan {
    let mut taken = 0u32;
    let mut fresh = |r: &mut dyn Entropy| {
        // A few random tries, then the first free one: entropy that has run dry (a short
        // fuzzer input) must not spin forever.
        let reg = (0..8)
            .map(|_| 1 + r.below(ROLE_REGS) as usize)
            .find(|&reg| taken & (1 << reg) == 0)
            .or_else(|| (1..=ROLE_REGS as usize).find(|&reg| taken & (1 << reg) == 0))
            .unwrap_or(1);
        taken |= 1 << reg;
        reg
    };
    let n_ptr = 1 + r.below(3) as usize;
    let n_idx = 1 + r.below(2) as usize;
    let ptrs = (0..n_ptr)
        .map(|_| {
            let reg = fresh(r);
            (reg, pointer_value(r))
        })
        .collect();
    let idxs = (0..n_idx)
        .map(|_| {
            let reg = fresh(r);
            (reg, index_value(r))
        })
        .collect();
    let link = fresh(r);
    Plan {
        ptrs,
        idxs,
        link,
        protected: taken,
    }
}

/// An address well inside scratch memory (a page of room on either side), mostly aligned,
/// sometimes just below a page boundary, sometimes with garbage in the high word, which the
/// 32-bit effective address drops.
fn pointer_value(r: &mut dyn Entropy) -> u64 {
    let lo = u64::from(SCRATCH_BASE) + 0x1000;
    let span = u64::from(SCRATCH_SIZE) - 0x2000;
    let mut p = lo + r.below(span);
    match r.below(10) {
        0..=5 => p &= !7,
        6 => p &= !0xF,
        7 | 8 => p = (p | 0xFFF) + 1 - r.below(9),
        _ => {}
    }
    match r.below(8) {
        0 => p | 0xFFFF_FFFF_0000_0000,
        1 => p | (r.next_u64() << 32),
        _ => p,
    }
}

fn index_value(r: &mut dyn Entropy) -> u64 {
    const SMALL: [i64; 24] = [
        0, 1, 2, 3, 4, 6, 7, 8, 12, 16, 0x20, 0x3F, 0x40, 0x80, 0x100, 0xFF8, 0xFFC, 0xFFF, -1, -2,
        -4, -8, -16, -0x100,
    ];
    let v = if chance(r, 3, 4) {
        one_of(r, &SMALL) as u64
    } else {
        r.below(0x400)
    };
    if chance(r, 1, 10) {
        v.wrapping_add(0x1_0000_0000)
    } else {
        v
    }
}

/// The part of a load or store that decides how to fix it up.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    D,
    Ds,
    X,
    Multiple,
    StringImm,
    StringX,
    Reserve,
}

#[derive(Clone, Copy)]
struct Shape {
    form: Form,
    update: bool,
    /// Writes RT (a GPR).
    gpr_load: bool,
    size: u32,
}

fn shape(op: LsOp) -> Shape {
    use LsOp::*;
    let s = |form, update, gpr_load, size| Shape {
        form,
        update,
        gpr_load,
        size,
    };
    match op {
        Lbz | Lhz | Lha | Lwz => s(Form::D, false, true, size_of_ls(op)),
        Lbzu | Lhzu | Lhau | Lwzu => s(Form::D, true, true, size_of_ls(op)),
        Lbzx | Lhzx | Lhax | Lwzx | Lwax | Ldx | Lhbrx | Lwbrx => {
            s(Form::X, false, true, size_of_ls(op))
        }
        Lbzux | Lhzux | Lhaux | Lwzux | Lwaux | Ldux => s(Form::X, true, true, size_of_ls(op)),
        Lwa | Ld => s(Form::Ds, false, true, size_of_ls(op)),
        Ldu => s(Form::Ds, true, true, 8),
        Stb | Sth | Stw | Lfs | Lfd | Stfs | Stfd => s(Form::D, false, false, size_of_ls(op)),
        Stbu | Sthu | Stwu | Lfsu | Lfdu | Stfsu | Stfdu => s(Form::D, true, false, size_of_ls(op)),
        Std => s(Form::Ds, false, false, 8),
        Stdu => s(Form::Ds, true, false, 8),
        Stbx | Sthx | Stwx | Stdx | Sthbrx | Stwbrx | Lfsx | Lfdx | Stfsx | Stfdx | Stfiwx => {
            s(Form::X, false, false, size_of_ls(op))
        }
        Stbux | Sthux | Stwux | Stdux | Lfsux | Lfdux | Stfsux | Stfdux => {
            s(Form::X, true, false, size_of_ls(op))
        }
        Lmw | Stmw => s(Form::Multiple, false, op == Lmw, 4),
        Lswi | Stswi => s(Form::StringImm, false, op == Lswi, 1),
        Lswx | Stswx => s(Form::StringX, false, op == Lswx, 1),
        Lwarx | Ldarx => s(Form::Reserve, false, true, size_of_ls(op)),
        Stwcx | Stdcx => s(Form::Reserve, false, false, size_of_ls(op)),
    }
}

fn size_of_ls(op: LsOp) -> u32 {
    use LsOp::*;
    match op {
        Lbz | Lbzu | Lbzx | Lbzux | Stb | Stbu | Stbx | Stbux => 1,
        Lhz | Lhzu | Lhzx | Lhzux | Lha | Lhau | Lhax | Lhaux | Sth | Sthu | Sthx | Sthux
        | Lhbrx | Sthbrx => 2,
        Ld | Ldu | Ldx | Ldux | Std | Stdu | Stdx | Stdux | Ldarx | Stdcx | Lfd | Lfdu | Lfdx
        | Lfdux | Stfd | Stfdu | Stfdx | Stfdux => 8,
        _ => 4,
    }
}

/// The GPR field an integer instruction writes.
fn int_dest(op: IntOp) -> Option<u32> {
    use IntOp::*;
    match op {
        Cmpi | Cmp | Cmpli | Cmpl => None,
        Addi | Addis | Addic | AddicRc | Subfic | Mulli | Add | Addc | Adde | Addme | Addze
        | Subf | Subfc | Subfe | Subfme | Subfze | Neg | Mullw | Mulhw | Mulhwu | Divw | Divwu
        | Mulld | Mulhd | Mulhdu | Divd | Divdu => Some(RT),
        _ => Some(RA),
    }
}

/// SPRs a user program may read; the first four may also be written.
const USER_SPRS: [u32; 6] = [1, 8, 9, 256, 268, 269];
const SPR_FIELD: u32 = 0x001F_F800;

fn spr_bits(spr: u32) -> u32 {
    ((spr & 31) << 16) | ((spr >> 5) << 11)
}

/// One in this many candidate exits (sc, traps, bad SPRs, faults) is kept.
const EXIT_ODDS: u64 = 24;

struct Builder<'a> {
    r: &'a mut dyn Entropy,
    classes: Vec<Class>,
    plan: Plan,
    /// What each pointer register holds if every instruction so far ran once, in order:
    /// a guess good enough to aim displacements at page boundaries.
    ptr_now: Vec<u64>,
    body: Vec<Slot>,
    /// Stretches no branch from outside may land inside (first, last index): counted loops
    /// (from the `li` that sets the count to the closing branch) and multi-instruction
    /// patterns (landing past a `bcl`/`mflr` would make an indirect branch go astray).
    regions: Vec<(usize, usize)>,
    writes_lr: bool,
}

impl Builder<'_> {
    fn has(&self, c: Class) -> bool {
        self.classes.contains(&c)
    }

    /// A register no role claims, `lowest` or above (random tries, then a scan, so dry
    /// entropy cannot spin forever; r27..r31 are never claimed).
    fn unclaimed(&mut self, lowest: usize) -> usize {
        (0..8)
            .map(|_| self.r.below(32) as usize)
            .find(|&reg| reg >= lowest && !self.plan.is_protected(reg))
            .or_else(|| (lowest..32).find(|&reg| !self.plan.is_protected(reg)))
            .unwrap_or(31)
    }

    fn free_reg(&mut self) -> usize {
        self.unclaimed(0)
    }

    fn free_nonzero(&mut self) -> usize {
        self.unclaimed(1)
    }

    fn free_dest(&mut self, w: u32, shift: u32) -> u32 {
        if self.plan.is_protected(field(w, shift)) {
            let reg = self.free_reg();
            with_field(w, shift, reg)
        } else {
            w
        }
    }

    fn pick_ptr(&mut self) -> usize {
        self.r.below(self.plan.ptrs.len() as u64) as usize
    }

    fn pick_idx(&mut self) -> (usize, u64) {
        let i = self.r.below(self.plan.idxs.len() as u64) as usize;
        self.plan.idxs[i]
    }

    /// A forward target relative to the last instruction of a branch pattern; resolved
    /// against loops and clamped to the epilogue in `finish`.
    fn forward(&mut self, last: usize) -> usize {
        let skip = match self.r.below(10) {
            0..=3 => 0,
            4..=6 => 1,
            7 => 2,
            _ => self.r.below(6) as usize,
        };
        last + 1 + skip
    }

    /// The table entry's pattern with its free bits random; entries with a condition on
    /// their fields get a few tries to meet it.
    fn fill(&mut self, d: &InsnDef) -> u32 {
        let mut w = 0;
        for _ in 0..8 {
            w = d.bits | (self.r.next_u64() as u32 & !d.mask);
            if d.matches(Insn(w)) {
                break;
            }
        }
        w
    }

    fn generate(&mut self, len: usize) {
        let mut guard = 0;
        while self.body.len() < len && guard < len * 64 {
            guard += 1;
            if self.has(Class::Branch) && chance(self.r, 1, 10) {
                self.gen_loop(len);
            } else {
                self.gen_item(false);
            }
        }
    }

    /// A counted loop: `li rT,n; mtctr rT; body; bc (CTR-decrementing) back to body`.
    fn gen_loop(&mut self, len: usize) {
        let rt = self.free_nonzero();
        let n = 1 + self.r.below(4) as u32;
        let start = self.body.len();
        self.body.push(Slot::plain(ADDI | ((rt as u32) << RT) | n));
        self.body.push(Slot::plain(MTCTR | ((rt as u32) << RT)));
        let body_start = self.body.len();
        let items = 1 + self.r.below(5) as usize;
        for _ in 0..items {
            if self.body.len() >= len + 24 {
                break;
            }
            self.gen_item(true);
        }
        if self.body.len() == body_start {
            self.body.push(Slot::plain(0x6000_0000)); // nop: a loop needs a body to return to
        }
        // bdnz, bdnzf, bdnzt, bdz, bdzf, bdzt; the low bit is a hint.
        let bo = one_of(self.r, &[16u32, 0, 8, 18, 2, 10]) | self.r.below(2) as u32;
        let bi = self.r.below(32) as u32;
        let lk = u32::from(chance(self.r, 1, 8));
        self.writes_lr |= lk != 0;
        let word = (16 << 26) | (bo << 21) | (bi << 16) | lk;
        let close = self.body.len();
        self.body.push(Slot {
            word,
            link: Link::Branch(body_start),
        });
        self.regions.push((start, close));
    }

    /// One instruction (or a short pattern) from a selected class; retried until valid.
    fn gen_item(&mut self, in_loop: bool) {
        for _ in 0..64 {
            let class = self.classes[self.r.below(self.classes.len() as u64) as usize];
            let list = entries(class);
            if list.is_empty() {
                continue;
            }
            let d = list[self.r.below(list.len() as u64) as usize];
            if let Some(slots) = self.gen_from(d, in_loop) {
                let start = self.body.len();
                if slots.len() > 1 {
                    self.regions.push((start, start + slots.len() - 1));
                }
                self.body.extend(slots);
                return;
            }
        }
        self.body.push(Slot::plain(0x6000_0000)); // nop, after 64 rejected draws
    }

    fn gen_from(&mut self, d: &InsnDef, in_loop: bool) -> Option<Vec<Slot>> {
        let w = self.fill(d);
        let slots = match d.op {
            Op::Integer(op) => {
                let w = match int_dest(op) {
                    Some(f) => self.free_dest(w, f),
                    None => w,
                };
                vec![Slot::plain(w)]
            }
            Op::Branch(op) => self.gen_branch(op, w, in_loop)?,
            Op::LoadStore(op) => self.gen_loadstore(op, w)?,
            Op::Fpu(_) => vec![Slot::plain(w)],
            Op::System(op) => self.gen_system(op, w, in_loop, d.mask)?,
            Op::Vector(_) => {
                let is_mem =
                    d.operands.contains(&Operand::Ra0) && d.operands.contains(&Operand::Rb);
                let w = if is_mem { self.x_address(w, false) } else { w };
                vec![Slot::plain(w)]
            }
        };
        // Every word must still decode to the family it was drawn from (fix-ups can break
        // an entry's field conditions); patterns add helpers from other families.
        let last = slots.last()?.word;
        let dec = decode(last)?;
        if Class::of(dec.op()) != Class::of(d.op) {
            return None;
        }
        if slots.iter().any(|s| decode(s.word).is_none()) {
            return None;
        }
        Some(slots)
    }

    fn gen_branch(&mut self, op: BranchOp, w: u32, in_loop: bool) -> Option<Vec<Slot>> {
        let here = self.body.len();
        match op {
            BranchOp::B => {
                if chance(self.r, 1, 64) {
                    // Absolute: lands outside every mapping, a deliberate fetch fault.
                    self.writes_lr |= w & 1 != 0;
                    return Some(vec![Slot::plain(w | 2)]);
                }
                let w = w & !2;
                self.writes_lr |= w & 1 != 0;
                let t = self.forward(here);
                Some(vec![Slot {
                    word: w,
                    link: Link::Branch(t),
                }])
            }
            BranchOp::Bc if self.has(Class::LoadStore) && chance(self.r, 1, 4) => {
                Some(self.twin_arms())
            }
            BranchOp::Bc => {
                let mut w = w & !2;
                if in_loop {
                    w |= 4 << 21; // BO[2]: leave CTR alone inside counted loops
                }
                self.writes_lr |= w & 1 != 0;
                let t = self.forward(here);
                Some(vec![Slot {
                    word: w,
                    link: Link::Branch(t),
                }])
            }
            BranchOp::Bclr | BranchOp::Bcctr => {
                let to_ctr = op == BranchOp::Bcctr;
                if to_ctr && in_loop {
                    return None;
                }
                let mut w = w;
                if in_loop || (to_ctr && !chance(self.r, 1, EXIT_ODDS)) {
                    w |= 4 << 21;
                }
                let rt = self.free_nonzero();
                let reg = (rt as u32) << RT;
                let anchor = here + 1;
                let branch_at = here + 4;
                let target = self.forward(branch_at);
                let low = self.r.below(4) as u8;
                self.writes_lr = true;
                Some(vec![
                    Slot {
                        word: BCL_NEXT,
                        link: Link::Branch(anchor),
                    },
                    Slot::plain(MFLR | reg),
                    Slot {
                        word: ADDI | reg | ((rt as u32) << RA),
                        link: Link::CodeOffset {
                            anchor,
                            target,
                            low,
                        },
                    },
                    Slot::plain(if to_ctr { MTCTR | reg } else { MTLR | reg }),
                    Slot::plain(w),
                ])
            }
            BranchOp::Mfcr | BranchOp::Mfocrf => Some(vec![Slot::plain(self.free_dest(w, RT))]),
            _ => Some(vec![Slot::plain(w)]),
        }
    }

    /// A `bc` on one CR bit (CTR left alone, so also inside counted loops) to one of two
    /// arms that load into one register from one pointer at two displacements, or compute
    /// it with two random integer instructions, optionally do the same integer instruction,
    /// and branch to the same place: the shape the JIT runs as both values and a choice (its
    /// twin arms) where the two instructions write that register and nothing else. Either
    /// displacement may fault.
    fn twin_arms(&mut self) -> Vec<Slot> {
        // (primary opcode, DS-form XO or None for D-form, size): lbz lhz lha lwz ld lwa.
        const LOADS: [(u32, Option<u32>, u32); 6] = [
            (34, None, 1),
            (40, None, 2),
            (42, None, 2),
            (32, None, 4),
            (58, Some(0), 8),
            (58, Some(2), 4),
        ];
        let (po, xo, size) = LOADS[self.r.below(LOADS.len() as u64) as usize];
        let p = self.pick_ptr();
        let ra = self.plan.ptrs[p].0 as u32;
        let rt = self.free_nonzero() as u32;
        let load = |g: &mut Self| {
            let d = g.displacement(p, size, false) as u32;
            let field = match xo {
                Some(xo) => (d & 0xFFFC) | xo,
                None => d & 0xFFFF,
            };
            Slot::plain((po << 26) | (rt << RT) | (ra << RA) | field)
        };
        let (taken, not_taken) = if chance(self.r, 1, 2) {
            (load(self), load(self))
        } else {
            (self.writing(rt), self.writing(rt))
        };
        let shared = chance(self.r, 1, 2).then(|| {
            let rs = self.free_nonzero() as u32;
            let imm = self.r.below(0x1_0000) as u32;
            if chance(self.r, 1, 2) {
                // cmpdi/cmpwi on the loaded value: a comparison the arms leave lazy.
                let bf = self.r.below(8) as u32;
                let l = self.r.below(2) as u32;
                (11 << 26) | (bf << 23) | (l << 21) | (rt << RA) | imm
            } else {
                ADDI | (rs << RT) | (rt << RA) | imm
            }
        });
        let arm = 1 + usize::from(shared.is_some()) + 1;
        let here = self.body.len();
        let (t, end) = (here + 1 + arm, here + 1 + 2 * arm);
        let bo = one_of(self.r, &[4u32, 6, 7, 12, 14, 15]);
        let bi = self.r.below(32) as u32;
        let mut slots = vec![Slot {
            word: (16 << 26) | (bo << 21) | (bi << 16),
            link: Link::Branch(t),
        }];
        for first in [not_taken, taken] {
            slots.push(first);
            slots.extend(shared.map(Slot::plain));
            slots.push(Slot {
                word: 18 << 26,
                link: Link::Branch(end),
            });
        }
        slots
    }

    /// A random integer instruction that writes GPR `rt` (compares, which write none, are
    /// drawn again; `addi rt,rt,1` if none decodes after a few draws).
    fn writing(&mut self, rt: u32) -> Slot {
        let list = entries(Class::Integer);
        for _ in 0..16 {
            let d = list[self.r.below(list.len() as u64) as usize];
            let Op::Integer(op) = d.op else { continue };
            let Some(dest) = int_dest(op) else { continue };
            let w = with_field(self.fill(d), dest, rt as usize);
            if decode(w).is_some_and(|x| x.op() == d.op) {
                return Slot::plain(w);
            }
        }
        Slot::plain(ADDI | (rt << RT) | (rt << RA) | 1)
    }

    fn gen_system(&mut self, op: SysOp, w: u32, in_loop: bool, mask: u32) -> Option<Vec<Slot>> {
        let exit_ok = |b: &mut Self| chance(b.r, 1, EXIT_ODDS);
        let w = match op {
            SysOp::Sc | SysOp::Tw | SysOp::Twi | SysOp::Td | SysOp::Tdi => {
                if !exit_ok(self) {
                    return None;
                }
                w
            }
            SysOp::Sync | SysOp::Eieio | SysOp::Isync => w,
            SysOp::Dcbf
            | SysOp::Dcbst
            | SysOp::Dcbt
            | SysOp::Dcbtst
            | SysOp::Icbi
            | SysOp::Dcbz
            | SysOp::Dcbz128 => self.x_address(w, false),
            SysOp::Mfspr | SysOp::Mftb | SysOp::Mfmsr | SysOp::Mtspr => {
                let mut w = w;
                // An entry with a free SPR field would mostly name SPRs that do not exist for a
                // user program: pick a real one.
                let free_spr = mask & SPR_FIELD != SPR_FIELD;
                if free_spr && (op == SysOp::Mfspr || op == SysOp::Mtspr) {
                    let choices: &[u32] = if op == SysOp::Mtspr {
                        &USER_SPRS[..4]
                    } else {
                        &USER_SPRS
                    };
                    let spr = choices[self.r.below(choices.len() as u64) as usize];
                    w = (w & !SPR_FIELD) | spr_bits(spr);
                }
                let spr = Insn(w).spr();
                let user = match op {
                    SysOp::Mtspr => USER_SPRS[..4].contains(&spr),
                    SysOp::Mfspr | SysOp::Mftb => USER_SPRS.contains(&spr),
                    _ => true,
                };
                if !user && !exit_ok(self) {
                    return None;
                }
                if op == SysOp::Mtspr {
                    if spr == 9 && in_loop {
                        return None;
                    }
                    self.writes_lr |= spr == 8;
                    w
                } else {
                    self.free_dest(w, RT)
                }
            }
        };
        Some(vec![Slot::plain(w)])
    }

    /// X-form addressing: (ptr + idx) mostly, (0 + ptr) often, (ptr + ptr) rarely, which
    /// faults on purpose. Update forms need a real base.
    fn x_address(&mut self, w: u32, update: bool) -> u32 {
        let p = self.pick_ptr();
        let (preg, _) = self.plan.ptrs[p];
        let roll = self.r.below(100);
        let (ra, rb) = if update || roll < 70 {
            (preg, self.pick_idx().0)
        } else if roll < 98 || self.plan.ptrs.len() < 2 {
            (0, preg)
        } else {
            let q = self.pick_ptr();
            (preg, self.plan.ptrs[q].0)
        };
        with_field(with_field(w, RA, ra), RB, rb)
    }

    /// A displacement from pointer `p` for an access of `size` bytes.
    fn displacement(&mut self, p: usize, size: u32, update: bool) -> i64 {
        if update {
            return between(self.r, -64, 64);
        }
        let est = i64::from(self.ptr_now[p] as u32);
        let lo = i64::from(SCRATCH_BASE);
        let hi = i64::from(SCRATCH_BASE + SCRATCH_SIZE);
        let aim = |ea: i64| -> Option<i64> {
            let d = ea - est;
            (-0x8000..0x8000).contains(&d).then_some(d)
        };
        let roll = self.r.below(200);
        let pick = match roll {
            0..=99 => None,
            100..=139 => {
                // Straddle the next (or previous) page boundary inside scratch.
                let next = (est | 0xFFF) + 1;
                let boundary = if next < hi { next } else { est & !0xFFF };
                let k = 1 + self.r.below(u64::from(size.max(2) - 1)) as i64;
                Some(boundary - k).filter(|&ea| ea >= lo).and_then(aim)
            }
            140..=169 => Some(between(self.r, -0x800, 0x800)),
            170..=197 => Some(between(self.r, -32, 32) * i64::from(size)),
            _ => {
                // Cross the end (or start) of scratch memory: a deliberate fault.
                if self.r.below(2) == 0 {
                    aim(hi - 1 - self.r.below(u64::from(size)) as i64)
                } else {
                    aim(lo - 1 - self.r.below(u64::from(size)) as i64)
                }
            }
        };
        pick.unwrap_or_else(|| between(self.r, -64, 64))
    }

    fn gen_loadstore(&mut self, op: LsOp, w: u32) -> Option<Vec<Slot>> {
        let s = shape(op);
        let mut w = w;
        match s.form {
            Form::D | Form::Ds => {
                let p = self.pick_ptr();
                w = with_field(w, RA, self.plan.ptrs[p].0);
                let d = self.displacement(p, s.size, s.update);
                w = if s.form == Form::Ds {
                    (w & !0xFFFC) | (d as u16 as u32 & 0xFFFC)
                } else {
                    (w & !0xFFFF) | (d as u16 as u32)
                };
                if s.update {
                    let disp = if s.form == Form::Ds { d & !3 } else { d };
                    self.ptr_now[p] = self.ptr_now[p].wrapping_add(disp as u64);
                }
            }
            Form::X | Form::StringX => {
                w = self.x_address(w, s.update);
                if s.update {
                    let ra = field(w, RA);
                    let rb = field(w, RB);
                    let step = self.plan.idxs.iter().find(|i| i.0 == rb).map_or(0, |i| i.1);
                    if let Some(p) = self.plan.ptrs.iter().position(|x| x.0 == ra) {
                        self.ptr_now[p] = self.ptr_now[p].wrapping_add(step);
                    }
                }
            }
            Form::Multiple => {
                let p = self.pick_ptr();
                w = with_field(w, RA, self.plan.ptrs[p].0);
                w = (w & !0xFFFF) | (between(self.r, -64, 64) as u16 as u32);
                if s.gpr_load {
                    // lmw fills RT..r31: all of them must be free.
                    let lowest = (self.plan.protected.ilog2() + 1) as u64;
                    if lowest > 31 {
                        return None;
                    }
                    let rt = lowest + self.r.below(32 - lowest);
                    return Some(vec![Slot::plain(with_field(w, RT, rt as usize))]);
                }
            }
            Form::StringImm => {
                let p = self.pick_ptr();
                w = with_field(w, RA, self.plan.ptrs[p].0);
                if s.gpr_load {
                    let nb = 1 + self.r.below(32) as usize;
                    let count = nb.div_ceil(4);
                    let rt = (0..16)
                        .map(|_| self.r.below(32) as usize)
                        .find(|&rt| (0..count).all(|k| !self.plan.is_protected((rt + k) % 32)))?;
                    w = with_field(with_field(w, RT, rt), RB, nb % 32);
                    return Some(vec![Slot::plain(w)]);
                }
            }
            Form::Reserve => {
                w = self.reserve_address(w);
                if s.gpr_load && chance(self.r, 2, 3) {
                    // Pair it with the matching store-conditional, so some of them succeed.
                    let w = self.free_dest(w, RT);
                    let store = if op == LsOp::Lwarx {
                        0x7C00_012D
                    } else {
                        0x7C00_01AD
                    };
                    let rs = self.r.below(32) as usize;
                    let st = with_field(store | (w & 0x001F_F800), RT, rs);
                    return Some(vec![Slot::plain(w), Slot::plain(st)]);
                }
            }
        }
        if s.gpr_load {
            w = self.free_dest(w, RT);
        }
        Some(vec![Slot::plain(w)])
    }

    /// Reservations fault when misaligned, so they use a pointer on its own or an aligned
    /// index most of the time.
    fn reserve_address(&mut self, w: u32) -> u32 {
        let p = self.pick_ptr();
        let preg = self.plan.ptrs[p].0;
        let aligned: Vec<usize> = self
            .plan
            .idxs
            .iter()
            .filter(|i| i.1 % 8 == 0)
            .map(|i| i.0)
            .collect();
        if !aligned.is_empty() && chance(self.r, 1, 2) {
            let rb = aligned[self.r.below(aligned.len() as u64) as usize];
            with_field(with_field(w, RA, preg), RB, rb)
        } else {
            with_field(with_field(w, RA, 0), RB, preg)
        }
    }

    /// Moves forward targets off the inside of regions they are not part of (a loop whose
    /// CTR was never set, a pattern half done) and clamps them to the epilogue.
    fn finish(&mut self) {
        let len = self.body.len();
        let regions = self.regions.clone();
        let settle = |from: usize, t: usize| -> usize {
            let mut t = t.min(len);
            // Moving only goes forward, so this settles within one pass per region.
            for _ in 0..=regions.len() {
                let before = t;
                for &(s, e) in &regions {
                    let inside_target = s < t && t <= e;
                    let inside_source = s <= from && from <= e;
                    if inside_target && !inside_source {
                        t = (e + 1).min(len);
                    }
                }
                if t == before {
                    break;
                }
            }
            t
        };
        for i in 0..len {
            self.body[i].link = match self.body[i].link {
                Link::Branch(t) if t > i => Link::Branch(settle(i, t)),
                Link::CodeOffset {
                    anchor,
                    target,
                    low,
                } => Link::CodeOffset {
                    anchor,
                    target: settle(i, target),
                    low,
                },
                other => other,
            };
        }
    }
}

/// Budget for ordinary runs: far above what a generated sequence executes.
pub const DEFAULT_BUDGET: u64 = 20_000;

/// A random case: a sequence of about `len` instructions from `classes` and the state to run
/// it from. Never panics, whatever the entropy.
pub fn generate(r: &mut dyn Entropy, classes: &[Class], len: usize) -> Case {
    let classes: Vec<Class> = if classes.is_empty() {
        Class::SCALAR.to_vec()
    } else {
        classes.to_vec()
    };
    let plan = make_plan(r);
    let ptr_now = plan.ptrs.iter().map(|p| p.1).collect();
    let mut b = Builder {
        r,
        classes,
        plan,
        ptr_now,
        body: Vec::new(),
        regions: Vec::new(),
        writes_lr: false,
    };
    b.generate(len.max(1));
    b.finish();
    let Builder {
        r,
        plan,
        body,
        writes_lr,
        ..
    } = b;
    let lr_restore = writes_lr.then_some(plan.link as u8);
    let program = Program { body, lr_restore };

    let mut ctx = random_context(r);
    for &(reg, v) in plan.ptrs.iter().chain(&plan.idxs) {
        ctx.gpr[reg] = v;
    }
    ctx.gpr[plan.link] = u64::from(SENTINEL);
    let scratch = random_scratch(r);
    if chance(r, 1, 6) {
        // A reservation already held at a pointer, as if an earlier lwarx had run.
        let size: u32 = if chance(r, 1, 2) { 4 } else { 8 };
        let addr = (plan.ptrs[0].1 as u32) & !(size - 1);
        let off = addr.wrapping_sub(SCRATCH_BASE) as usize;
        if let Some(bytes) = scratch.get(off..off + size as usize) {
            ctx.reserve_valid = 1;
            ctx.reserve_addr = addr;
            ctx.reserve_size = size as u8;
            ctx.reserve_value = bytes.iter().fold(0u64, |v, &b| (v << 8) | u64::from(b));
        }
    }
    let budget = random_budget(r, &program);
    Case {
        program,
        ctx,
        scratch,
        budget,
        roles: plan.protected,
    }
}

/// Mostly the default; now and then so small that the run stops part way, to check that
/// both backends stop at exactly the same instruction.
fn random_budget(r: &mut dyn Entropy, program: &Program) -> u64 {
    if chance(r, 1, 10) {
        r.below(program.body.len() as u64 * 2 + 2)
    } else {
        DEFAULT_BUDGET
    }
}

/// The same program with a new initial state (in either mode), keeping the registers it
/// relies on: run again where it already ran, it lets a shared JIT reuse what it compiled.
pub fn vary(prev: &Case, r: &mut dyn Entropy) -> Case {
    let mut ctx = random_context(r);
    for (i, g) in ctx.gpr.iter_mut().enumerate() {
        if prev.roles & (1 << i) != 0 {
            *g = prev.ctx.gpr[i];
        }
    }
    Case {
        program: prev.program.clone(),
        ctx,
        scratch: random_scratch(r),
        budget: random_budget(r, &prev.program),
        roles: prev.roles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_word_decodes(case: &Case) {
        for w in case.program.words() {
            assert!(decode(w).is_some(), "{w:#010x} does not decode");
        }
    }

    #[test]
    fn same_seed_same_case() {
        let a = generate(&mut SplitMix64::for_iteration(7, 3), &Class::SCALAR, 30);
        let b = generate(&mut SplitMix64::for_iteration(7, 3), &Class::SCALAR, 30);
        assert_eq!(a.program, b.program);
        assert!(a.ctx == b.ctx && a.scratch == b.scratch);
        let c = generate(&mut SplitMix64::for_iteration(7, 4), &Class::SCALAR, 30);
        assert_ne!(a.program, c.program);
    }

    #[test]
    fn generated_words_are_valid_and_stay_in_their_classes() {
        for i in 0..300 {
            let case = generate(&mut SplitMix64::for_iteration(1, i), &Class::SCALAR, 24);
            every_word_decodes(&case);
            assert!(case.program.body.len() >= 24);
            let int_only = generate(&mut SplitMix64::for_iteration(2, i), &[Class::Integer], 10);
            for w in int_only.program.words() {
                let d = decode(w).unwrap();
                assert!(
                    matches!(d.op(), Op::Integer(_)) || w == BLR || (w & 0xFC1F_FFFF) == MTLR,
                    "{w:#010x} in an integer-only sequence"
                );
            }
        }
    }

    #[test]
    fn branches_are_forward_except_loop_closers() {
        for i in 0..300 {
            let case = generate(&mut SplitMix64::for_iteration(3, i), &[Class::Branch], 24);
            let body = &case.program.body;
            for (at, s) in body.iter().enumerate() {
                if let Link::Branch(t) = s.link {
                    assert!(t <= body.len());
                    if t <= at {
                        // A loop closer decrements CTR (BO[2] clear).
                        assert_eq!(s.word >> 26, 16);
                        assert_eq!((s.word >> 21) & 4, 0, "{:#010x}", s.word);
                    }
                }
            }
        }
    }

    #[test]
    fn byte_source_never_panics_and_runs_dry_to_zeros() {
        let mut src = ByteSource::new(&[0xff, 0x01]);
        assert_eq!(src.below(256), 0xff);
        assert_eq!(src.below(2), 1);
        assert_eq!(src.next_u64(), 0);
        for data in [&[][..], &[0xff; 64][..], &[0x80, 0x00, 0x13, 0x77][..]] {
            let case = generate(&mut ByteSource::new(data), &Class::ALL, 16);
            every_word_decodes(&case);
        }
    }

    #[test]
    fn removing_instructions_keeps_links_on_their_targets() {
        let mut p = Program {
            body: vec![
                Slot {
                    word: 0x4800_0000,
                    link: Link::Branch(3),
                },
                Slot::plain(0x6000_0000),
                Slot::plain(0x6000_0000),
                Slot::plain(0x7C63_2214),
            ],
            lr_restore: None,
        };
        assert_eq!(p.words()[0], 0x4800_000C);
        p.remove(1, 3);
        assert_eq!(p.body[0].link, Link::Branch(1));
        assert_eq!(p.words(), vec![0x4800_0004, 0x7C63_2214, BLR]);
    }
}
