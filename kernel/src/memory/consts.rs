//! Allocation-type, state and protection values as titles pass them. The values are the
//! documented Windows NT ones (winnt.h: VirtualAlloc, Memory Protection Constants,
//! MEMORY_BASIC_INFORMATION), which the console kernel shares, plus the console's own
//! `MEM_NOZERO` and `MEM_16MB_PAGES`.

pub const MEM_COMMIT: u32 = 0x0000_1000;
pub const MEM_RESERVE: u32 = 0x0000_2000;
pub const MEM_DECOMMIT: u32 = 0x0000_4000;
pub const MEM_RELEASE: u32 = 0x0000_8000;
pub const MEM_FREE: u32 = 0x0001_0000;
pub const MEM_PRIVATE: u32 = 0x0002_0000;
pub const MEM_RESET: u32 = 0x0008_0000;
pub const MEM_TOP_DOWN: u32 = 0x0010_0000;
/// Console only: leave newly committed pages with whatever they held.
pub const MEM_NOZERO: u32 = 0x0080_0000;
pub const MEM_IMAGE: u32 = 0x0100_0000;
/// 64 KiB pages on the console (not the x86 2 MiB pages of Windows).
pub const MEM_LARGE_PAGES: u32 = 0x2000_0000;
/// Console only: 16 MiB pages, for physical allocations.
pub const MEM_16MB_PAGES: u32 = 0x8000_0000;

pub const PAGE_NOACCESS: u32 = 0x01;
pub const PAGE_READONLY: u32 = 0x02;
pub const PAGE_READWRITE: u32 = 0x04;
pub const PAGE_WRITECOPY: u32 = 0x08;
pub const PAGE_EXECUTE: u32 = 0x10;
pub const PAGE_EXECUTE_READ: u32 = 0x20;
pub const PAGE_EXECUTE_READWRITE: u32 = 0x40;
pub const PAGE_EXECUTE_WRITECOPY: u32 = 0x80;
pub const PAGE_GUARD: u32 = 0x100;
pub const PAGE_NOCACHE: u32 = 0x200;
pub const PAGE_WRITECOMBINE: u32 = 0x400;

pub const KIB4: u32 = 0x1000;
pub const KIB64: u32 = 0x1_0000;
pub const MIB16: u32 = 0x100_0000;
