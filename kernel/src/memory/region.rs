//! The guest address map the manager hands out (see docs/KERNEL_MEMORY.md).

use super::consts::{KIB4, KIB64};

/// Every reservation base is a multiple of this, in every region (NT's allocation
/// granularity, 64 KiB on the console as on Windows).
pub const GRANULARITY: u32 = KIB64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    /// 0x00000000-0x3FFFFFFF, 4 KiB pages: NtAllocateVirtualMemory's default.
    Small,
    /// 0x40000000-0x7EFFFFFF, 64 KiB pages: NtAllocateVirtualMemory with MEM_LARGE_PAGES.
    Large,
    /// 0x80000000-0x8FFFFFFF, 64 KiB pages: XEX images at their load address.
    Image,
    /// 0x90000000-0x9FFFFFFF, 4 KiB pages: guest data the kernel itself allocates.
    System,
}

impl Region {
    pub const ALL: [Region; 4] = [Region::Small, Region::Large, Region::Image, Region::System];

    /// First address, end (exclusive), lowest address handed out, page size.
    pub const fn bounds(self) -> (u32, u32, u32, u32) {
        match self {
            // The first 64 KiB stay unallocated so a null-pointer access faults.
            Region::Small => (0x0000_0000, 0x4000_0000, 0x0001_0000, KIB4),
            // 0x7F000000-0x7FFFFFFF is left out: the console maps device registers there.
            Region::Large => (0x4000_0000, 0x7F00_0000, 0x4000_0000, KIB64),
            Region::Image => (0x8000_0000, 0x9000_0000, 0x8000_0000, KIB64),
            Region::System => (0x9000_0000, 0xA000_0000, 0x9000_0000, KIB4),
        }
    }

    pub const fn start(self) -> u32 {
        self.bounds().0
    }
    pub const fn end(self) -> u32 {
        self.bounds().1
    }
    pub const fn floor(self) -> u32 {
        self.bounds().2
    }
    pub const fn page(self) -> u32 {
        self.bounds().3
    }
    pub const fn index(self) -> usize {
        self as usize
    }

    /// Whether titles allocate here through NtAllocateVirtualMemory/NtFreeVirtualMemory.
    pub const fn is_user(self) -> bool {
        matches!(self, Region::Small | Region::Large)
    }

    pub fn of(addr: u32) -> Option<Region> {
        Self::ALL
            .into_iter()
            .find(|r| (r.start()..r.end()).contains(&addr))
    }
}

pub fn round_down(x: u64, to: u32) -> u64 {
    x & !(u64::from(to) - 1)
}

pub fn round_up(x: u64, to: u32) -> u64 {
    (x + u64::from(to) - 1) & !(u64::from(to) - 1)
}
