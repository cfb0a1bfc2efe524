//! The handle table. Console handles are small multiples of four above 0xF8000000; a closed or
//! never-issued value is rejected with STATUS_INVALID_HANDLE.

use super::ObjId;
use std::collections::BTreeMap;

pub const HANDLE_BASE: u32 = 0xF800_0004;
/// Pseudo-handles every thread may pass for itself and its process.
pub const CURRENT_THREAD: u32 = 0xFFFF_FFFE;
pub const CURRENT_PROCESS: u32 = 0xFFFF_FFFF;

#[derive(Debug)]
pub struct Handles {
    map: BTreeMap<u32, ObjId>,
    next: u32,
}

impl Default for Handles {
    fn default() -> Self {
        Self {
            map: BTreeMap::new(),
            next: HANDLE_BASE,
        }
    }
}

impl Handles {
    pub fn open(&mut self, id: ObjId) -> u32 {
        // Never reuse a value while it is open; wrap around the 24-bit space if ever needed.
        while self.map.contains_key(&self.next) {
            self.bump();
        }
        let h = self.next;
        self.bump();
        self.map.insert(h, id);
        h
    }

    fn bump(&mut self) {
        self.next = if self.next >= 0xF8FF_FFFC {
            HANDLE_BASE
        } else {
            self.next + 4
        };
    }

    pub fn get(&self, handle: u32) -> Option<ObjId> {
        self.map.get(&handle).copied()
    }

    pub fn close(&mut self, handle: u32) -> Option<ObjId> {
        self.map.remove(&handle)
    }

    pub fn iter(&self) -> impl Iterator<Item = (u32, ObjId)> + '_ {
        self.map.iter().map(|(&h, &id)| (h, id))
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}
