//! The guest layout cases run in, random initial states, and guest memory set up for a run.
//!
//! The layout is `oxenon ppc-test`'s (code at 0x80000000, a 64 KiB stack below it, scratch
//! memory at 0x10001000-0x1000FFFF, LR = 0xBCBCBCBC ends the run), so a reproducer written
//! as a `.s` test runs there exactly as it ran here. Code beyond the first 4 KiB slot is only
//! used by a JIT shared across iterations, which must see each sequence at a fresh address
//! because it caches compiled code by address.

use super::generator::{chance, one_of, Entropy, Program, SplitMix64};
use oxenon_jit::context::MSR_SF;
use oxenon_jit::jit::JitError;
use oxenon_jit::memory::MemoryError;
use oxenon_jit::{Context, Fault, Memory, Perm};

/// The fuzzer uses `ppc-test`'s guest layout, so every reproducer runs there unchanged;
/// the initial LR (`SENTINEL`) ends a run.
pub use crate::ppctest::layout::{
    CODE_BASE, RETURN_ADDR as SENTINEL, SCRATCH_BASE, SCRATCH_SIZE, STACK_BASE, STACK_SIZE,
};
/// Room for one sequence: its body, epilogue and zero padding (words that do not decode).
pub const SLOT_SIZE: u32 = 0x1000;
pub const SLOTS: u32 = 256;
/// The most words a program may have to fit its slot.
pub const MAX_WORDS: usize = (SLOT_SIZE / 4) as usize;

/// A sequence and everything it starts from.
#[derive(Clone)]
pub struct Case {
    pub program: Program,
    /// Initial registers; `pc` is set where the program is placed.
    pub ctx: Context,
    /// Initial contents of scratch memory.
    pub scratch: Vec<u8>,
    /// Instructions allowed to retire.
    pub budget: u64,
    /// Registers the program relies on (pointers, indices, the saved return address), one
    /// bit each: a new state for the same program must keep them.
    pub roles: u32,
}

pub fn slot_addr(slot: u32) -> u32 {
    CODE_BASE + (slot % SLOTS) * SLOT_SIZE
}

/// Registers with edge values in every file, FPSCR in a random rounding mode, and MSR[SF]
/// either way: both modes are what the Xenon runs and what the JIT compiles separately.
pub fn random_context(r: &mut dyn Entropy) -> Context {
    let mut c = Context::default();
    for g in c.gpr.iter_mut() {
        *g = edge_u64(r);
    }
    for f in c.fpr.iter_mut() {
        *f = edge_double(r);
    }
    for v in c.vr.iter_mut() {
        *v = if chance(r, 1, 2) {
            (0..4).fold(0u128, |acc, _| (acc << 32) | u128::from(edge_single(r)))
        } else {
            (u128::from(edge_u64(r)) << 64) | u128::from(edge_u64(r))
        };
    }
    c.cr = r.next_u64() as u32;
    c.set_xer(r.next_u64() & 0xE000_0000);
    c.xer_bc = match r.below(4) {
        0 => 0,
        1 => r.below(8) as u8,
        _ => r.below(128) as u8,
    };
    c.lr = u64::from(SENTINEL);
    c.ctr = one_of(
        r,
        &[
            0,
            1,
            2,
            3,
            0xFFFF_FFFF,
            0x1_0000_0000,
            0x1_0000_0001,
            u64::MAX,
        ],
    );
    if chance(r, 1, 2) {
        c.ctr = edge_u64(r);
    }
    c.msr = if chance(r, 1, 2) { MSR_SF } else { 0 };
    // Rounding mode always random; sticky, enable and NI bits now and then. Bit 11 is
    // reserved and never set.
    let rn = r.below(4) as u32;
    let extra = if chance(r, 1, 3) {
        r.next_u64() as u32 & !0x803
    } else {
        0
    };
    c.fpscr = rn | extra;
    c.vscr = one_of(r, &[0x0001_0000, 0, 1, 0x0001_0001]);
    c.vrsave = if chance(r, 1, 2) {
        r.next_u64() as u32
    } else {
        0
    };
    c.timebase = if chance(r, 1, 2) { r.next_u64() } else { 0 };
    c
}

/// Scratch contents: random, zero, or a byte pattern. One seed drawn from `r` drives the
/// fill, so a fuzzer's bytes are not spent on 60 KiB of data.
pub fn random_scratch(r: &mut dyn Entropy) -> Vec<u8> {
    let mut out = vec![0u8; SCRATCH_SIZE as usize];
    let kind = r.below(8);
    let mut fill = SplitMix64::new(r.next_u64());
    match kind {
        0 => {}
        1 => {
            for (i, b) in out.iter_mut().enumerate() {
                *b = i as u8;
            }
        }
        _ => {
            for chunk in out.chunks_mut(8) {
                let v = fill.next_u64().to_be_bytes();
                chunk.copy_from_slice(&v[..chunk.len()]);
            }
        }
    }
    out
}

pub fn edge_u64(r: &mut dyn Entropy) -> u64 {
    const EDGES: [u64; 22] = [
        0,
        1,
        2,
        u64::MAX,
        u64::MAX - 1,
        0x7FFF_FFFF_FFFF_FFFF,
        0x8000_0000_0000_0000,
        0x8000_0000_0000_0001,
        0xFFFF_FFFF,
        0xFFFF_FFFE,
        0x8000_0000,
        0x7FFF_FFFF,
        0x1_0000_0000,
        0xFFFF_FFFF_0000_0000,
        0xFFFF_FFFF_8000_0000,
        0x0000_0000_8000_0001,
        0x7FFF,
        0x8000,
        0xFFFF,
        0x5555_5555_5555_5555,
        0xAAAA_AAAA_AAAA_AAAA,
        0x0000_0001_FFFF_FFFF,
    ];
    match r.below(8) {
        0..=2 => one_of(r, &EDGES),
        3 => r.below(64),
        4 => (r.next_u64() as u32 as i32) as u64,
        5 => u64::from(r.next_u64() as u32),
        6 => r.below(64).wrapping_neg(),
        _ => r.next_u64(),
    }
}

/// Raw single-precision bits for vector lanes: signed zeros, infinities, quiet and
/// signalling NaNs, denormals, the smallest normals (sums and products of them become
/// tiny, where VSCR[NJ] flushes), the conversion limits 2^31 and 2^32, and ordinary values.
pub fn edge_single(r: &mut dyn Entropy) -> u32 {
    const EDGES: [u32; 24] = [
        0x0000_0000,
        0x8000_0000,
        0x7F80_0000,
        0xFF80_0000,
        0x7FC0_0000,
        0xFFC0_0001,
        0x7F80_0001,
        0xFFA0_0000,
        0x0000_0001,
        0x007F_FFFF,
        0x8040_0000,
        0x0080_0000,
        0x8080_0000,
        0x0080_0001,
        0x0100_0000,
        0x7F7F_FFFF,
        0x3F80_0000,
        0xBF80_0000,
        0x3F00_0000,
        0x4F00_0000,
        0xCF00_0000,
        0x4F80_0000,
        0x4EFF_FFFF,
        0xBF7F_FFFF,
    ];
    match r.below(6) {
        0..=2 => one_of(r, &EDGES),
        // Near the bottom of the normal range, either sign.
        3 => (r.next_u64() as u32 & 0x807F_FFFF) | ((1 + r.below(24) as u32) << 23),
        // Moderate normal values.
        4 => (r.next_u64() as u32 & 0x807F_FFFF) | ((110 + r.below(40) as u32) << 23),
        _ => r.next_u64() as u32,
    }
}

/// Raw IEEE double bits: signed zeros and infinities, quiet and signalling NaNs, denormals,
/// the limits of both formats, the integer-conversion edges, and ordinary values.
pub fn edge_double(r: &mut dyn Entropy) -> u64 {
    const EDGES: [u64; 32] = [
        0x0000_0000_0000_0000, // +0
        0x8000_0000_0000_0000, // -0
        0x7FF0_0000_0000_0000, // +Inf
        0xFFF0_0000_0000_0000, // -Inf
        0x7FF8_0000_0000_0000, // QNaN
        0xFFF8_0000_0000_0000, // -QNaN
        0x7FF8_0000_0000_0001, // QNaN with payload
        0x7FF0_0000_0000_0001, // SNaN
        0x7FF4_0000_0000_0000, // SNaN
        0xFFF0_0000_DEAD_BEEF, // -SNaN with payload
        0x0000_0000_0000_0001, // smallest denormal
        0x000F_FFFF_FFFF_FFFF, // largest denormal
        0x8000_0000_0000_0001, // -denormal
        0x0010_0000_0000_0000, // smallest normal
        0x7FEF_FFFF_FFFF_FFFF, // largest finite
        0x3FF0_0000_0000_0000, // 1
        0xBFF0_0000_0000_0000, // -1
        0x3FE0_0000_0000_0000, // 0.5
        0x3FF8_0000_0000_0000, // 1.5 (ties)
        0x4004_0000_0000_0000, // 2.5 (ties)
        0xC004_0000_0000_0000, // -2.5
        0x41DF_FFFF_FFC0_0000, // 2^31 - 1
        0x41DF_FFFF_FFE0_0000, // 2^31 - 0.5
        0x41E0_0000_0000_0000, // 2^31
        0xC1E0_0000_0000_0000, // -2^31
        0x43E0_0000_0000_0000, // 2^63
        0xC3E0_0000_0000_0000, // -2^63
        0x47EF_FFFF_E000_0000, // largest single
        0x3810_0000_0000_0000, // smallest normal single
        0x36A0_0000_0000_0000, // smallest denormal single
        0x7E37_E43C_8800_759C, // 1e300 (overflows single)
        0x3FB9_9999_9999_999A, // 0.1
    ];
    match r.below(8) {
        0..=3 => one_of(r, &EDGES),
        4 => {
            // A normal double near 1, either sign.
            let sign = r.below(2) << 63;
            let exp = 1023 - 40 + r.below(80);
            sign | (exp << 52) | (r.next_u64() & 0x000F_FFFF_FFFF_FFFF)
        }
        5 => f64::from(f32::from_bits(r.next_u64() as u32)).to_bits(),
        6 => ((r.next_u64() as i32) as f64).to_bits(),
        _ => r.next_u64(),
    }
}

/// Why a run could not be set up: these are failures of the harness, not findings.
#[derive(Debug)]
pub enum SetupError {
    Memory(MemoryError),
    Access(Fault),
    Jit(JitError),
    TooLong(usize),
}

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SetupError::Memory(e) => write!(f, "{e}"),
            SetupError::Access(e) => write!(f, "{e}"),
            SetupError::Jit(e) => write!(f, "{e}"),
            SetupError::TooLong(n) => write!(
                f,
                "a program of {n} words does not fit a {SLOT_SIZE}-byte code slot"
            ),
        }
    }
}

impl std::error::Error for SetupError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SetupError::Memory(e) => Some(e),
            SetupError::Access(e) => Some(e),
            SetupError::Jit(e) => Some(e),
            SetupError::TooLong(_) => None,
        }
    }
}

impl From<MemoryError> for SetupError {
    fn from(e: MemoryError) -> Self {
        SetupError::Memory(e)
    }
}

impl From<Fault> for SetupError {
    fn from(e: Fault) -> Self {
        SetupError::Access(e)
    }
}

impl From<JitError> for SetupError {
    fn from(e: JitError) -> Self {
        SetupError::Jit(e)
    }
}

/// One backend's guest memory, kept across iterations: reserving 4 GiB per run would cost
/// more than the run, and a shared JIT's code refers to this memory's permission table.
pub struct Machine {
    pub mem: Memory,
}

impl Machine {
    pub fn new() -> Result<Machine, SetupError> {
        let mem = Memory::new()?;
        mem.map(CODE_BASE, u64::from(SLOT_SIZE * SLOTS), Perm::RX)?;
        mem.map(STACK_BASE, u64::from(STACK_SIZE), Perm::RW)?;
        mem.map(SCRATCH_BASE, u64::from(SCRATCH_SIZE), Perm::RW)?;
        Ok(Machine { mem })
    }

    /// Places the case's program in `slot` (zero padding after it, so running off its end
    /// is an invalid instruction, not stale code), resets stack and scratch memory, and
    /// returns the context to start from.
    pub fn prepare(&self, case: &Case, slot: u32) -> Result<Context, SetupError> {
        let words = case.program.words();
        if words.len() > MAX_WORDS {
            return Err(SetupError::TooLong(words.len()));
        }
        let mut image = vec![0u8; SLOT_SIZE as usize];
        for (chunk, w) in image.chunks_mut(4).zip(&words) {
            chunk.copy_from_slice(&w.to_be_bytes());
        }
        let pc = slot_addr(slot);
        self.mem.poke_bytes(pc, &image)?;
        self.mem.zero(STACK_BASE, u64::from(STACK_SIZE))?;
        if case.scratch.len() == SCRATCH_SIZE as usize {
            self.mem.write_bytes(SCRATCH_BASE, &case.scratch)?;
        } else {
            self.mem.zero(SCRATCH_BASE, u64::from(SCRATCH_SIZE))?;
            let n = case.scratch.len().min(SCRATCH_SIZE as usize);
            self.mem.write_bytes(SCRATCH_BASE, &case.scratch[..n])?;
        }
        let mut ctx = case.ctx.clone();
        ctx.pc = pc;
        Ok(ctx)
    }

    pub fn scratch(&self) -> Result<Vec<u8>, SetupError> {
        let mut out = vec![0u8; SCRATCH_SIZE as usize];
        self.mem.read_bytes(SCRATCH_BASE, &mut out)?;
        Ok(out)
    }
}
