//! The guest layout every test runs in. Kept free of other dependencies so the fuzzer (and
//! its cargo-fuzz crate) can share it and its reproducers run under `ppc-test` unchanged.

/// Where the file's `.text` is placed.
pub const CODE_BASE: u32 = 0x8000_0000;
/// The initial LR: a test that returns lands here, which ends it.
pub const RETURN_ADDR: u32 = 0xBCBC_BCBC;
/// A 64 KiB stack right below the code, with r1 a little under its top.
pub const STACK_BASE: u32 = 0x7FFF_0000;
pub const STACK_SIZE: u32 = 0x1_0000;
pub const INITIAL_SP: u64 = 0x7FFF_FF00;
/// Scratch memory for MEMORY_IN/MEMORY_OUT, zeroed before each test.
pub const SCRATCH_BASE: u32 = 0x1000_1000;
pub const SCRATCH_SIZE: u32 = 0xF000;
