//! Virtual and physical memory exports (wrappers over the memory manager).

use super::Implemented;

pub static EXPORTS: &[Implemented] = &[];
