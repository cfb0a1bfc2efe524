//! Guest memory the kernel owns: import stubs, kernel variables, thread stacks, PCRs, thread
//! blocks and TLS arrays, and the guest-visible bodies of kernel objects. It lives in a
//! window the title's allocators never hand out (see [`KERNEL_BASE`]).

use crate::status::{NtStatus, STATUS_NO_MEMORY};
use oxenon_jit::{Memory, Perm};
use std::collections::BTreeMap;

/// 0x7F000000-0x7FFFFFFF: the top 16 MiB of the 64 KiB-page user region.
pub const KERNEL_BASE: u32 = 0x7F00_0000;
pub const KERNEL_END: u32 = 0x8000_0000;
/// Import stubs occupy the first 64 KiB (executable); data follows.
pub const STUB_BASE: u32 = KERNEL_BASE;
pub const STUB_SIZE: u32 = 0x1_0000;
/// Thread stacks come from 0x70000000-0x7EFFFFFF, downwards from the kernel window.
pub const STACK_BASE: u32 = 0x7000_0000;

const CHUNK: u32 = 0x1_0000;

/// A first-fit allocator over a guest window, mapping pages as it grows.
#[derive(Debug)]
pub struct Arena {
    start: u32,
    end: u32,
    /// Free ranges by start address.
    free: BTreeMap<u32, u32>,
    perm: Perm,
    mapped_to: u32,
}

impl Arena {
    pub fn new(start: u32, end: u32, perm: Perm) -> Self {
        let mut free = BTreeMap::new();
        free.insert(start, end - start);
        Self {
            start,
            end,
            free,
            perm,
            mapped_to: start,
        }
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
        self.ensure_mapped(mem, at + size)?;
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

    fn ensure_mapped(&mut self, mem: &Memory, end: u32) -> Result<(), NtStatus> {
        if end <= self.mapped_to {
            return Ok(());
        }
        let to = end.div_ceil(CHUNK) * CHUNK;
        mem.map(self.mapped_to, u64::from(to - self.mapped_to), self.perm)
            .map_err(|_| STATUS_NO_MEMORY)?;
        self.mapped_to = to;
        Ok(())
    }
}
