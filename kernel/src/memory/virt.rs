//! NtAllocateVirtualMemory, NtFreeVirtualMemory, NtProtectVirtualMemory,
//! NtQueryVirtualMemory, and the kernel's own image and system allocations.

use super::arena::{Allocation, Arena, Page};
use super::consts::*;
use super::region::{round_down, round_up, Region, GRANULARITY};
use super::{host, protect, MemoryBasicInformation, MemoryManager, Range};
use crate::status::*;
use oxenon_jit::memory::{Memory, Perm};

const ALLOCATION_TYPES: u32 =
    MEM_COMMIT | MEM_RESERVE | MEM_RESET | MEM_TOP_DOWN | MEM_LARGE_PAGES | MEM_NOZERO;

/// `base..base+size` widened to whole pages, or None if it is empty or passes 4 GiB.
fn page_range(base: u32, size: u64, page: u32) -> Option<(u32, u32)> {
    let end = round_up(u64::from(base) + size, page);
    let start = round_down(u64::from(base), page);
    (size > 0 && end < 1 << 32).then_some((start as u32, end as u32))
}

/// Commits `start..end` of `a` with `prot`, zeroing only pages that were not committed.
fn commit(
    mem: &Memory,
    a: &mut Allocation,
    start: u32,
    end: u32,
    prot: u32,
    zero: bool,
) -> Result<(), NtStatus> {
    if zero {
        let fresh: Vec<(u32, u32, Page)> = a.pages.within(start, end).collect();
        for (s, e, page) in fresh {
            if page == Page::Reserved {
                mem.discard(s, u64::from(e - s)).map_err(host)?;
            }
        }
    }
    a.pages.set(start, end, Page::Committed(prot));
    mem.map(start, u64::from(end - start), protect::perm(prot))
        .map_err(host)
}

/// Makes `start..end` reserved again: inaccessible, and its host memory given back.
fn decommit(mem: &Memory, a: &mut Allocation, start: u32, end: u32) -> Result<(), NtStatus> {
    a.pages.set(start, end, Page::Reserved);
    let len = u64::from(end - start);
    mem.map(start, len, Perm::NONE).map_err(host)?;
    mem.discard(start, len).map_err(host)
}

impl MemoryManager {
    /// NtAllocateVirtualMemory(*BaseAddress = `base`, *RegionSize = `size`, AllocationType,
    /// Protect). Returns what the call writes back through BaseAddress and RegionSize.
    pub fn allocate_virtual(
        &self,
        base: u32,
        size: u32,
        alloc_type: u32,
        prot: u32,
    ) -> Result<Range, NtStatus> {
        if alloc_type & !ALLOCATION_TYPES != 0 || size == 0 {
            return Err(STATUS_INVALID_PARAMETER);
        }
        let reserve = alloc_type & MEM_RESERVE != 0;
        let commit_pages = alloc_type & MEM_COMMIT != 0;
        let reset = alloc_type & MEM_RESET != 0;
        if reset && alloc_type & (MEM_COMMIT | MEM_RESERVE) != 0
            || !(reset || reserve || commit_pages)
        {
            return Err(STATUS_INVALID_PARAMETER);
        }
        let prot = protect::validate(prot)?;
        let zero = alloc_type & MEM_NOZERO == 0;
        let mut st = self.state.lock();

        if base == 0 {
            if reset {
                return Err(STATUS_INVALID_PARAMETER);
            }
            // No address: MEM_COMMIT alone reserves too (VirtualAlloc's documented usage).
            let region = if alloc_type & MEM_LARGE_PAGES != 0 {
                Region::Large
            } else {
                Region::Small
            };
            let arena = &mut st.arenas[region.index()];
            let len = round_up(u64::from(size), region.page());
            let at = arena
                .find_free(len, alloc_type & MEM_TOP_DOWN != 0)
                .ok_or(STATUS_NO_MEMORY)?;
            let len = len as u32;
            arena.insert(at, len, prot, MEM_PRIVATE);
            if commit_pages {
                let a = arena.containing_mut(at).expect("just inserted");
                commit(&self.mem, a, at, at + len, prot, zero)?;
            }
            return Ok(Range {
                base: at,
                size: len,
            });
        }

        let region = Region::of(base)
            .filter(|r| r.is_user())
            .ok_or(STATUS_INVALID_PARAMETER)?;
        let arena = &mut st.arenas[region.index()];
        if reserve {
            let start = round_down(u64::from(base), GRANULARITY) as u32;
            let end = round_up(u64::from(base) + u64::from(size), region.page());
            if start < region.floor() || end > u64::from(region.end()) {
                return Err(STATUS_INVALID_PARAMETER);
            }
            let end = end as u32;
            if arena.overlaps(start, end) {
                return Err(STATUS_CONFLICTING_ADDRESSES);
            }
            arena.insert(start, end - start, prot, MEM_PRIVATE);
            if commit_pages {
                let a = arena.containing_mut(start).expect("just inserted");
                commit(&self.mem, a, start, end, prot, zero)?;
            }
            return Ok(Range {
                base: start,
                size: end - start,
            });
        }

        // Commit (or reset) inside one existing reservation.
        let (start, end) =
            page_range(base, u64::from(size), region.page()).ok_or(STATUS_INVALID_PARAMETER)?;
        let a = within_one(arena, start, end)?;
        if commit_pages {
            commit(&self.mem, a, start, end, prot, zero)?;
        }
        Ok(Range {
            base: start,
            size: end - start,
        })
    }

    /// NtFreeVirtualMemory(*BaseAddress = `base`, *RegionSize = `size`, FreeType).
    pub fn free_virtual(&self, base: u32, size: u32, free_type: u32) -> Result<Range, NtStatus> {
        if free_type != MEM_DECOMMIT && free_type != MEM_RELEASE {
            return Err(STATUS_INVALID_PARAMETER);
        }
        let region = Region::of(base)
            .filter(|r| r.is_user())
            .ok_or(STATUS_INVALID_PARAMETER)?;
        let mut st = self.state.lock();
        let arena = &mut st.arenas[region.index()];
        let a = arena
            .containing_mut(base)
            .ok_or(STATUS_MEMORY_NOT_ALLOCATED)?;
        if free_type == MEM_RELEASE {
            if size != 0 {
                return Err(STATUS_INVALID_PARAMETER);
            }
            if base != a.base {
                return Err(STATUS_FREE_VM_NOT_AT_BASE);
            }
            let (start, end) = (a.base, a.end());
            decommit(&self.mem, a, start, end)?;
            arena.allocs.remove(&start);
            return Ok(Range {
                base: start,
                size: end - start,
            });
        }
        let start = round_down(u64::from(base), region.page()) as u32;
        let end = if size == 0 {
            a.end()
        } else {
            let end = round_up(u64::from(base) + u64::from(size), region.page());
            if end > u64::from(a.end()) {
                return Err(STATUS_UNABLE_TO_FREE_VM);
            }
            end as u32
        };
        decommit(&self.mem, a, start, end)?;
        Ok(Range {
            base: start,
            size: end - start,
        })
    }

    /// NtProtectVirtualMemory(*BaseAddress, *RegionSize, NewProtect, &OldProtect): returns the
    /// page-rounded range and the old protection of its first page.
    pub fn protect_virtual(
        &self,
        base: u32,
        size: u32,
        prot: u32,
    ) -> Result<(Range, u32), NtStatus> {
        let prot = protect::validate(prot)?;
        let region = Region::of(base).ok_or(STATUS_INVALID_PARAMETER)?;
        let (start, end) =
            page_range(base, u64::from(size), region.page()).ok_or(STATUS_INVALID_PARAMETER)?;
        let mut st = self.state.lock();
        let a = within_one(&mut st.arenas[region.index()], start, end)?;
        let mut old = None;
        for (_, _, page) in a.pages.within(start, end) {
            match page {
                Page::Reserved => return Err(STATUS_NOT_COMMITTED),
                Page::Committed(p) => {
                    old.get_or_insert(p);
                }
            }
        }
        a.pages.set(start, end, Page::Committed(prot));
        self.mem
            .protect(start, u64::from(end - start), protect::perm(prot))
            .map_err(host)?;
        let range = Range {
            base: start,
            size: end - start,
        };
        Ok((range, old.expect("a non-empty range has a first page")))
    }

    /// NtQueryVirtualMemory(BaseAddress = `addr`): the run of like pages from `addr`'s page.
    /// Addresses outside the virtual regions (device registers, the physical views) are
    /// STATUS_INVALID_PARAMETER; the physical views answer to MmQueryAddressProtect and
    /// MmQueryAllocationSize instead.
    pub fn query_virtual(&self, addr: u32) -> Result<MemoryBasicInformation, NtStatus> {
        let region = Region::of(addr).ok_or(STATUS_INVALID_PARAMETER)?;
        let page = round_down(u64::from(addr), region.page()) as u32;
        let st = self.state.lock();
        let arena = &st.arenas[region.index()];
        let Some(a) = arena.containing(addr) else {
            return Ok(MemoryBasicInformation {
                base_address: page,
                region_size: arena.next_base(page) - page,
                state: MEM_FREE,
                protect: PAGE_NOACCESS,
                ..Default::default()
            });
        };
        let (_, end, state) = a.pages.at(page).expect("page inside its allocation");
        let (state, protect) = match state {
            Page::Reserved => (MEM_RESERVE, 0),
            Page::Committed(p) => (MEM_COMMIT, p),
        };
        Ok(MemoryBasicInformation {
            base_address: page,
            allocation_base: a.base,
            allocation_protect: a.protect,
            region_size: end - page,
            state,
            protect,
            kind: a.kind,
        })
    }

    /// Places an image of `size` bytes at its load address `base` (64 KiB aligned, in
    /// 0x80000000-0x9FFFFFFF): committed, zero-filled, MEM_IMAGE, with protection `prot`.
    /// The loader then copies sections in with `Memory::poke_bytes` and narrows per-section
    /// protection with `protect_virtual`.
    pub fn map_image(&self, base: u32, size: u32, prot: u32) -> Result<Range, NtStatus> {
        let prot = protect::validate(prot)?;
        let region = Region::of(base)
            .filter(|r| !r.is_user())
            .ok_or(STATUS_INVALID_PARAMETER)?;
        let end = round_up(u64::from(base) + u64::from(size), region.page());
        if !base.is_multiple_of(GRANULARITY) || size == 0 || end > u64::from(region.end()) {
            return Err(STATUS_INVALID_PARAMETER);
        }
        let end = end as u32;
        let mut st = self.state.lock();
        let arena = &mut st.arenas[region.index()];
        if arena.overlaps(base, end) {
            return Err(STATUS_CONFLICTING_ADDRESSES);
        }
        arena.insert(base, end - base, prot, MEM_IMAGE);
        let a = arena.containing_mut(base).expect("just inserted");
        commit(&self.mem, a, base, end, prot, true)?;
        Ok(Range {
            base,
            size: end - base,
        })
    }

    /// Removes an image placed by `map_image`, by its base.
    pub fn unmap_image(&self, base: u32) -> Result<(), NtStatus> {
        self.release_kernel(base, MEM_IMAGE)
    }

    /// Commits `size` bytes of kernel-owned guest data (thread stacks, thread and processor
    /// blocks, import thunks) in the 4 KiB-page system region 0x90000000-0x9FFFFFFF, which
    /// titles never allocate from. Lowest free address first, zero-filled, MEM_PRIVATE.
    pub fn allocate_system(&self, size: u32, prot: u32) -> Result<Range, NtStatus> {
        let prot = protect::validate(prot)?;
        if size == 0 {
            return Err(STATUS_INVALID_PARAMETER);
        }
        let mut st = self.state.lock();
        let arena = &mut st.arenas[Region::System.index()];
        let len = round_up(u64::from(size), Region::System.page());
        let at = arena.find_free(len, false).ok_or(STATUS_NO_MEMORY)?;
        let len = len as u32;
        arena.insert(at, len, prot, MEM_PRIVATE);
        let a = arena.containing_mut(at).expect("just inserted");
        commit(&self.mem, a, at, at + len, prot, true)?;
        Ok(Range {
            base: at,
            size: len,
        })
    }

    /// Frees a block from `allocate_system`, by its base.
    pub fn free_system(&self, base: u32) -> Result<(), NtStatus> {
        self.release_kernel(base, MEM_PRIVATE)
    }

    fn release_kernel(&self, base: u32, kind: u32) -> Result<(), NtStatus> {
        let region = Region::of(base)
            .filter(|r| !r.is_user())
            .ok_or(STATUS_INVALID_PARAMETER)?;
        let mut st = self.state.lock();
        let arena = &mut st.arenas[region.index()];
        let a = arena
            .containing_mut(base)
            .filter(|a| a.kind == kind)
            .ok_or(STATUS_MEMORY_NOT_ALLOCATED)?;
        if a.base != base {
            return Err(STATUS_FREE_VM_NOT_AT_BASE);
        }
        let end = a.end();
        decommit(&self.mem, a, base, end)?;
        arena.allocs.remove(&base);
        Ok(())
    }

    /// The committed protection of the page at `addr` in a virtual region, or 0.
    pub(super) fn virtual_protect_at(&self, addr: u32) -> Option<u32> {
        let region = Region::of(addr)?;
        let st = self.state.lock();
        match st.arenas[region.index()].containing(addr)?.pages.at(addr)? {
            (_, _, Page::Committed(p)) => Some(p),
            _ => None,
        }
    }

    /// The size of the reservation holding `addr` in a virtual region.
    pub(super) fn virtual_allocation_size(&self, addr: u32) -> Option<u32> {
        let region = Region::of(addr)?;
        let st = self.state.lock();
        st.arenas[region.index()].containing(addr).map(|a| a.size)
    }
}

/// The reservation wholly containing `start..end`.
fn within_one(arena: &mut Arena, start: u32, end: u32) -> Result<&mut Allocation, NtStatus> {
    arena
        .containing_mut(start)
        .filter(|a| end <= a.end())
        .ok_or(STATUS_CONFLICTING_ADDRESSES)
}
