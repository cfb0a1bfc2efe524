//! The Xbox 360 kernel, emulated at the level of its exports: the XEX2 executable format
//! ([`xex`]), the loader that binds a title's imports ([`loader`]), the HLE exports
//! ([`exports`]) over kernel objects and threads ([`state`]), and the scheduler that runs guest
//! threads on six hardware-thread workers ([`sched`]).

pub mod arena;
pub mod audit;
pub mod audit_hooks;
pub mod clock;
pub mod cpu;
pub mod digest;
pub mod exports;
pub mod loader;
pub mod memory;
pub mod objects;
pub mod ordinals;
pub mod sched;
pub mod state;
pub mod status;
pub mod threads;
pub mod variables;
pub mod xex;
