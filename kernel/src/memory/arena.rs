//! One region's allocations: reservation bookkeeping and free-range search.

use super::region::{round_down, round_up, Region, GRANULARITY};
use super::runs::Runs;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Reserved,
    /// Committed with this PAGE_* protection.
    Committed(u32),
}

#[derive(Clone, Debug)]
pub struct Allocation {
    pub base: u32,
    pub size: u32,
    /// The protection given when the range was reserved (MEMORY_BASIC_INFORMATION's
    /// AllocationProtect).
    pub protect: u32,
    /// MEM_PRIVATE or MEM_IMAGE.
    pub kind: u32,
    pub pages: Runs<Page>,
}

impl Allocation {
    pub fn end(&self) -> u32 {
        self.base + self.size
    }
}

pub struct Arena {
    pub region: Region,
    pub allocs: BTreeMap<u32, Allocation>,
}

impl Arena {
    pub fn new(region: Region) -> Self {
        Self {
            region,
            allocs: BTreeMap::new(),
        }
    }

    pub fn containing(&self, addr: u32) -> Option<&Allocation> {
        let (_, a) = self.allocs.range(..=addr).next_back()?;
        (addr < a.end()).then_some(a)
    }

    pub fn containing_mut(&mut self, addr: u32) -> Option<&mut Allocation> {
        let (_, a) = self.allocs.range_mut(..=addr).next_back()?;
        (addr < a.end()).then_some(a)
    }

    pub fn overlaps(&self, start: u32, end: u32) -> bool {
        self.containing(start).is_some() || self.allocs.range(start..end).next().is_some()
    }

    /// The first allocation at or above `addr`, or the region end: where a free run stops.
    pub fn next_base(&self, addr: u32) -> u32 {
        self.allocs
            .range(addr..)
            .next()
            .map_or(self.region.end(), |(&b, _)| b)
    }

    /// A granularity-aligned free range of `size` bytes, lowest first or highest first.
    pub fn find_free(&self, size: u64, top_down: bool) -> Option<u32> {
        let (floor, end) = (u64::from(self.region.floor()), u64::from(self.region.end()));
        // Free gaps between allocations, in address order.
        let mut gaps = Vec::with_capacity(self.allocs.len() + 1);
        let mut cursor = floor;
        for a in self.allocs.values() {
            let (b, e) = (u64::from(a.base), u64::from(a.end()));
            if b > cursor {
                gaps.push((cursor, b));
            }
            cursor = cursor.max(e);
        }
        if end > cursor {
            gaps.push((cursor, end));
        }
        let fits = |&(lo, hi): &(u64, u64)| -> Option<u64> {
            if top_down {
                let at = round_down(hi.checked_sub(size)?, GRANULARITY);
                (at >= lo).then_some(at)
            } else {
                let at = round_up(lo, GRANULARITY);
                (at + size <= hi).then_some(at)
            }
        };
        let found = if top_down {
            gaps.iter().rev().find_map(fits)
        } else {
            gaps.iter().find_map(fits)
        };
        found.map(|a| a as u32)
    }

    pub fn insert(&mut self, base: u32, size: u32, protect: u32, kind: u32) {
        let pages = Runs::new(base, base + size, Page::Reserved);
        self.allocs.insert(
            base,
            Allocation {
                base,
                size,
                protect,
                kind,
                pages,
            },
        );
    }
}
