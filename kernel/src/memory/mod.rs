//! The guest virtual-memory manager: the console's address map and the semantics of the
//! Nt*VirtualMemory and Mm*PhysicalMemory kernel exports, over `oxenon_jit::Memory`, whose
//! page permissions it keeps in step so that a title touching memory it has not committed,
//! or writing a read-only page, faults as on hardware.
//!
//! Where the rules come from (public documentation, not other emulators):
//! - NtAllocateVirtualMemory / VirtualAlloc (Microsoft Learn, "NtAllocateVirtualMemory
//!   function (ntifs.h)" and "VirtualAlloc function (memoryapi.h)"): a reservation base is
//!   rounded down to the allocation granularity, a commit base to the page; the range covers
//!   every page touched by base..base+size; committing a specific range that is not wholly
//!   reserved fails (ERROR_INVALID_ADDRESS, i.e. STATUS_CONFLICTING_ADDRESSES); committing
//!   committed pages does not fail; committed memory reads as zero; MEM_RESET stands alone.
//! - VirtualFree / NtFreeVirtualMemory: exactly one of MEM_DECOMMIT and MEM_RELEASE; a release
//!   takes the reservation's base and a size of 0 and frees the whole reservation;
//!   decommitting uncommitted pages does not fail; a decommit with size 0 at the base
//!   decommits the whole reservation.
//! - VirtualProtect: every page must be committed; the old protection is that of the first.
//! - VirtualQuery and MEMORY_BASIC_INFORMATION (winnt.h): the run of pages from the queried
//!   page that share state and protection, within one reservation; MEM_FREE/MEM_RESERVE/
//!   MEM_COMMIT and MEM_PRIVATE/MEM_IMAGE values.
//! - "Memory Protection Constants": the PAGE_* values and which modifiers combine
//!   (see [`protect`]).
//! - MmAllocateContiguousMemorySpecifyCache (ntddk.h) for the meaning of the lowest and
//!   highest acceptable physical addresses (inclusive) that MmAllocatePhysicalMemoryEx shares.
//! - The console's map (0x00000000 4 KiB / 0x40000000 64 KiB user space, 0x80000000 images,
//!   physical RAM seen three times at 0xA0000000 / 0xC0000000 / 0xE0000000 with 64 KiB /
//!   16 MiB / 4 KiB pages) as described in public write-ups of the Xbox 360 memory system.
//!
//! Choices where no public document settles the console's behaviour are listed in
//! docs/KERNEL_MEMORY.md.

mod arena;
pub mod consts;
mod info;
mod physical;
mod protect;
mod region;
mod runs;
mod virt;

pub use info::{write_basic_information, MemoryBasicInformation};
pub use physical::PhysicalAllocation;
pub use protect::{perm as protection_to_perm, validate as validate_protection};
pub use region::{Region, GRANULARITY};

use crate::status::{NtStatus, STATUS_UNSUCCESSFUL};
use oxenon_jit::memory::{Memory, MemoryError};
use parking_lot::Mutex;
use std::sync::Arc;

/// A page-rounded guest range, as the Nt calls write back through their in/out pointers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub base: u32,
    pub size: u32,
}

struct State {
    arenas: [arena::Arena; 4],
    physical: physical::Physical,
}

/// Owns the guest address-space bookkeeping. Every operation takes the one lock, so the
/// bookkeeping and `Memory`'s page permissions change together.
pub struct MemoryManager {
    mem: Arc<Memory>,
    state: Mutex<State>,
}

impl MemoryManager {
    /// Physical allocations need `mem` built with `Memory::with_physical`; with `Memory::new`
    /// they fail with STATUS_NO_MEMORY.
    pub fn new(mem: Arc<Memory>) -> Self {
        Self {
            mem,
            state: Mutex::new(State {
                arenas: Region::ALL.map(arena::Arena::new),
                physical: physical::Physical::default(),
            }),
        }
    }

    pub fn memory(&self) -> &Arc<Memory> {
        &self.mem
    }
}

/// `Memory` refuses only ranges we have already validated, or the host refuses a syscall:
/// neither is the title's fault, so it gets a generic failure and we get a log line.
fn host(e: MemoryError) -> NtStatus {
    tracing::error!("guest memory operation failed: {e}");
    STATUS_UNSUCCESSFUL
}
