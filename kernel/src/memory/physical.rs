//! MmAllocatePhysicalMemoryEx and friends: contiguous runs of the console's RAM, seen through
//! the view whose page size the caller asked for.
//!
//! Every physical byte is visible at the same offset in all three views (one host object backs
//! them, see `oxenon_jit::memory::PHYSICAL_VIEWS`). An allocation is mapped with its
//! protection in all three views, so a title may reach its memory through any of them; free
//! physical memory is inaccessible in all three.

use super::consts::*;
use super::region::{round_down, round_up};
use super::runs::Runs;
use super::{host, protect, MemoryManager};
use crate::status::*;
use oxenon_jit::memory::{Perm, PHYSICAL_VIEWS};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhysicalAllocation {
    /// Physical address (offset into RAM).
    pub address: u32,
    pub size: u32,
    /// 4 KiB, 64 KiB or 16 MiB.
    pub page_size: u32,
    /// The protection word passed at allocation, page-size flags included.
    pub protect: u32,
    /// Guest address returned to the caller (in the view matching `page_size`).
    pub view_address: u32,
}

struct Entry {
    info: PhysicalAllocation,
    /// Current PAGE_* protection per page (MmSetAddressProtect may split it).
    pages: Runs<u32>,
}

#[derive(Default)]
pub struct Physical {
    allocs: BTreeMap<u32, Entry>,
}

impl Physical {
    fn containing(&self, phys: u32) -> Option<&Entry> {
        let (_, e) = self.allocs.range(..=phys).next_back()?;
        (phys - e.info.address < e.info.size).then_some(e)
    }

    fn containing_mut(&mut self, phys: u32) -> Option<&mut Entry> {
        let (_, e) = self.allocs.range_mut(..=phys).next_back()?;
        (phys - e.info.address < e.info.size).then_some(e)
    }

    /// An `align`-aligned free range of `size` bytes inside `lo..=hi`.
    fn find_free(&self, size: u64, align: u32, lo: u64, hi: u64, top_down: bool) -> Option<u32> {
        let end = hi + 1;
        let mut gaps = Vec::with_capacity(self.allocs.len() + 1);
        let mut cursor = 0u64;
        for a in self.allocs.values().map(|e| &e.info) {
            let (b, e) = (
                u64::from(a.address),
                u64::from(a.address) + u64::from(a.size),
            );
            if b > cursor {
                gaps.push((cursor, b));
            }
            cursor = e;
        }
        gaps.push((cursor, u64::MAX));
        let align = u64::from(align);
        let fits = |&(g_lo, g_hi): &(u64, u64)| -> Option<u64> {
            let (g_lo, g_hi) = (g_lo.max(lo), g_hi.min(end));
            if top_down {
                let at = g_hi.checked_sub(size)? / align * align;
                (at >= g_lo).then_some(at)
            } else {
                let at = g_lo.div_ceil(align) * align;
                (at + size <= g_hi).then_some(at)
            }
        };
        let found = if top_down {
            gaps.iter().rev().find_map(fits)
        } else {
            gaps.iter().find_map(fits)
        };
        found.map(|a| a as u32)
    }
}

/// The view holding `addr` and the physical offset it designates.
fn view_of(addr: u32) -> Option<(u32, u32)> {
    PHYSICAL_VIEWS
        .into_iter()
        .rev()
        .find(|&v| addr >= v)
        .map(|v| (v, addr - v))
}

impl MemoryManager {
    /// MmAllocatePhysicalMemoryEx(Flags, Size, Protect, MinAddress, MaxAddress, Alignment).
    /// `protect` carries the page size: MEM_16MB_PAGES (16 MiB, view 0xC0000000),
    /// MEM_LARGE_PAGES (64 KiB, view 0xA0000000) or neither (4 KiB, view 0xE0000000).
    /// `min`..=`max` bound the physical range (MaxAddress 0xFFFFFFFF means "anywhere");
    /// `alignment` 0 means the page size, otherwise a power of two (raised to the page size).
    /// MEM_TOP_DOWN in `flags` takes the highest fit; other flag bits are ignored. Returns the
    /// guest address in the view; the console returns NULL where this returns an error.
    pub fn allocate_physical(
        &self,
        flags: u32,
        size: u32,
        prot: u32,
        min: u32,
        max: u32,
        alignment: u32,
    ) -> Result<u32, NtStatus> {
        let (page, view) = if prot & MEM_16MB_PAGES != 0 {
            (MIB16, PHYSICAL_VIEWS[1])
        } else if prot & MEM_LARGE_PAGES != 0 {
            (KIB64, PHYSICAL_VIEWS[0])
        } else {
            (KIB4, PHYSICAL_VIEWS[2])
        };
        let page_prot = protect::validate(prot & !(MEM_16MB_PAGES | MEM_LARGE_PAGES))?;
        if size == 0 || (alignment != 0 && !alignment.is_power_of_two()) {
            return Err(STATUS_INVALID_PARAMETER);
        }
        let total = self.mem.physical_size();
        let len = round_up(u64::from(size), page);
        if total == 0 {
            return Err(STATUS_NO_MEMORY);
        }
        let hi = u64::from(max).min(u64::from(total) - 1);
        if u64::from(min) > hi {
            return Err(STATUS_NO_MEMORY);
        }
        let align = alignment.max(page);
        let mut st = self.state.lock();
        let phys = st
            .physical
            .find_free(len, align, u64::from(min), hi, flags & MEM_TOP_DOWN != 0)
            .ok_or(STATUS_NO_MEMORY)?;
        let len = len as u32;
        // Zero the RAM once (all views share it), then open it in every view.
        self.mem
            .discard(view + phys, u64::from(len))
            .map_err(host)?;
        for v in PHYSICAL_VIEWS {
            self.mem
                .map(v + phys, u64::from(len), protect::perm(page_prot))
                .map_err(host)?;
        }
        let info = PhysicalAllocation {
            address: phys,
            size: len,
            page_size: page,
            protect: prot,
            view_address: view + phys,
        };
        let pages = Runs::new(phys, phys + len, page_prot);
        st.physical.allocs.insert(phys, Entry { info, pages });
        Ok(view + phys)
    }

    /// MmFreePhysicalMemory(Type, Address): frees the allocation holding `addr` (any view,
    /// any address inside it).
    pub fn free_physical(&self, addr: u32) -> Result<PhysicalAllocation, NtStatus> {
        let (_, phys) = view_of(addr).ok_or(STATUS_INVALID_PARAMETER)?;
        let mut st = self.state.lock();
        let a = st
            .physical
            .containing(phys)
            .ok_or(STATUS_MEMORY_NOT_ALLOCATED)?
            .info;
        for v in PHYSICAL_VIEWS {
            self.mem
                .map(v + a.address, u64::from(a.size), Perm::NONE)
                .map_err(host)?;
        }
        self.mem
            .discard(PHYSICAL_VIEWS[0] + a.address, u64::from(a.size))
            .map_err(host)?;
        st.physical.allocs.remove(&a.address);
        Ok(a)
    }

    /// MmGetPhysicalAddress: the physical address behind a physical-view address. Virtual
    /// regions have no fixed RAM behind them here, so they give None, as do view addresses
    /// past the end of RAM.
    pub fn physical_address(&self, addr: u32) -> Option<u32> {
        view_of(addr)
            .map(|(_, phys)| phys)
            .filter(|&phys| phys < self.mem.physical_size())
    }

    /// The physical allocation holding `addr` (any view).
    pub fn physical_allocation(&self, addr: u32) -> Option<PhysicalAllocation> {
        let (_, phys) = view_of(addr)?;
        self.state.lock().physical.containing(phys).map(|e| e.info)
    }

    /// MmSetAddressProtect(BaseAddress, RegionSize, NewProtect) on physical memory: changes
    /// the protection of the allocation's pages touched by `addr..addr+size` (in its page
    /// size), in all three views. Page-size flags in `prot` are ignored: the page size is
    /// the allocation's.
    pub fn set_address_protect(&self, addr: u32, size: u32, prot: u32) -> Result<(), NtStatus> {
        let prot = protect::validate(prot & !(MEM_16MB_PAGES | MEM_LARGE_PAGES))?;
        let (_, phys) = view_of(addr).ok_or(STATUS_INVALID_PARAMETER)?;
        if size == 0 {
            return Err(STATUS_INVALID_PARAMETER);
        }
        let mut st = self.state.lock();
        let e = st
            .physical
            .containing_mut(phys)
            .ok_or(STATUS_MEMORY_NOT_ALLOCATED)?;
        let page = e.info.page_size;
        let start = round_down(u64::from(phys), page) as u32;
        let end = round_up(u64::from(phys) + u64::from(size), page);
        if end > u64::from(e.info.address) + u64::from(e.info.size) {
            return Err(STATUS_CONFLICTING_ADDRESSES);
        }
        let end = end as u32;
        e.pages.set(start, end, prot);
        for v in PHYSICAL_VIEWS {
            self.mem
                .protect(v + start, u64::from(end - start), protect::perm(prot))
                .map_err(host)?;
        }
        Ok(())
    }

    /// MmQueryAddressProtect: the protection of the page at `addr`, or 0 if nothing is
    /// there. For physical memory the page-size flag of the allocation is included
    /// (MEM_LARGE_PAGES or MEM_16MB_PAGES), as it was passed at allocation.
    pub fn query_address_protect(&self, addr: u32) -> u32 {
        let Some((_, phys)) = view_of(addr) else {
            return self.virtual_protect_at(addr).unwrap_or(0);
        };
        let st = self.state.lock();
        let Some(e) = st.physical.containing(phys) else {
            return 0;
        };
        let size_flags = e.info.protect & (MEM_16MB_PAGES | MEM_LARGE_PAGES);
        e.pages.at(phys).map_or(0, |(_, _, p)| p | size_flags)
    }

    /// MmQueryAllocationSize: the size of the allocation holding `addr`, or 0.
    pub fn query_allocation_size(&self, addr: u32) -> u32 {
        match view_of(addr) {
            Some(_) => self.physical_allocation(addr).map_or(0, |a| a.size),
            None => self.virtual_allocation_size(addr).unwrap_or(0),
        }
    }
}
