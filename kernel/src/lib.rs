//! The Xbox 360 kernel, emulated at the level of its exports. The XEX2 executable format comes
//! first (parse and write, [`xex`]); the HLE exports and the scheduler arrive with the kernel
//! issue.

pub mod ordinals;
pub mod status;
pub mod xex;
