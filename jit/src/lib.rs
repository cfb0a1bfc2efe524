//! The Xenon CPU: guest memory, architectural context, the instruction table that drives
//! decoding and disassembly, and the reference interpreter that defines every instruction's
//! meaning.

pub mod context;
pub mod interp;
pub mod isa;
pub mod jit;
pub mod memory;

pub use context::Context;
pub use memory::{Fault, Memory, Perm};
