//! Where things go in the 4 GiB guest space. Every guest address must fit in 32 bits (the
//! Xenon truncates effective addresses), so unlike a real ppc64 process the stack and the
//! mmap area sit below 4 GiB: the executable and its heap (brk) below `MMAP_BASE`, anonymous
//! mappings above it, the stack at the top.

/// Start of the area anonymous `mmap` hands out; also the ceiling of the program break.
pub const MMAP_BASE: u32 = 0x4000_0000;
/// One past the highest byte of the initial stack.
pub const STACK_TOP: u32 = 0xF000_0000;
/// Committed stack size (Linux's default RLIMIT_STACK).
pub const STACK_SIZE: u32 = 8 << 20;
/// Lowest stack address, and so the end of the mmap area.
pub const STACK_BOTTOM: u32 = STACK_TOP - STACK_SIZE;
