//! Guest memory the kernel owns: import stubs, kernel variables, PCRs, thread blocks and TLS
//! arrays, and the guest-visible bodies of kernel objects. Both windows are allocated from the
//! memory manager's system region (0x90000000-0x9FFFFFFF, which titles never allocate from)
//! first thing at boot, so their addresses are fixed. Thread stacks are separate system
//! allocations.

use crate::status::{NtStatus, STATUS_NO_MEMORY};
use oxenon_jit::Memory;
use std::collections::BTreeMap;

/// Import stubs: the first 64 KiB of the system region.
pub const STUB_BASE: u32 = 0x9000_0000;
pub const STUB_SIZE: u32 = 0x1_0000;
/// Kernel data follows the stubs.
pub const DATA_BASE: u32 = STUB_BASE + STUB_SIZE;
pub const DATA_SIZE: u32 = 16 << 20;

/// A first-fit allocator over a guest window, mapping pages as it grows.
#[derive(Debug)]
pub struct Arena {
    start: u32,
    end: u32,
    /// Free ranges by start address.
    free: BTreeMap<u32, u32>,
}

impl Arena {
    /// An allocator over `start..end`, which must already be committed read-write.
    pub fn new(start: u32, end: u32) -> Self {
        let mut free = BTreeMap::new();
        free.insert(start, end - start);
        Self { start, end, free }
    }

    /// Allocates `size` zeroed bytes aligned to `align` (a power of two).
    pub fn alloc(&mut self, mem: &Memory, size: u32, align: u32) -> Result<u32, NtStatus> {
        let size = size.max(1).checked_add(7).ok_or(STATUS_NO_MEMORY)? & !7;
        let align = align.max(8);
        let found = self.free.iter().find_map(|(&start, &len)| {
            let at = start.checked_add(align - 1)? & !(align - 1);
            let end = at.checked_add(size)?;
            (end <= start + len).then_some((start, len, at))
        });
        let (start, len, at) = found.ok_or(STATUS_NO_MEMORY)?;
        self.free.remove(&start);
        if at > start {
            self.free.insert(start, at - start);
        }
        if at + size < start + len {
            self.free.insert(at + size, start + len - (at + size));
        }
        mem.zero(at, u64::from(size))
            .map_err(|_| STATUS_NO_MEMORY)?;
        Ok(at)
    }

    pub fn free(&mut self, addr: u32, size: u32) {
        let size = (size.max(1) + 7) & !7;
        if addr < self.start || addr + size > self.end {
            return;
        }
        let mut start = addr;
        let mut len = size;
        if let Some((&prev, &plen)) = self.free.range(..addr).next_back() {
            if prev + plen == addr {
                self.free.remove(&prev);
                start = prev;
                len += plen;
            }
        }
        if let Some(&nlen) = self.free.get(&(addr + size)) {
            self.free.remove(&(addr + size));
            len += nlen;
        }
        self.free.insert(start, len);
    }
}
