//! Per-handle history: the creation record and bounded rings of signals, waits and wakes.

use std::collections::VecDeque;

use super::record::{AuditRecord, HandleKind};

/// Records kept per category per handle. A handle signalled millions of times keeps only its
/// latest events, which is what a hang diagnosis needs.
pub const RING_CAPACITY: usize = 32;

/// A FIFO that forgets its oldest entry once it holds [`RING_CAPACITY`] records. It allocates
/// lazily, so the many handles that see one or two events stay small.
#[derive(Debug, Clone, Default)]
pub struct Ring {
    records: VecDeque<AuditRecord>,
    /// Everything ever pushed, including what was dropped; lets the dump say "32 of 1500".
    total: u64,
}

impl Ring {
    pub fn push(&mut self, record: AuditRecord) {
        if self.records.len() == RING_CAPACITY {
            self.records.pop_front();
        }
        self.records.push_back(record);
        self.total += 1;
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn total(&self) -> u64 {
        self.total
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &AuditRecord> + '_ {
        self.records.iter()
    }
}

/// The three event categories kept per handle.
#[derive(Debug, Clone, Default)]
pub struct Events {
    pub signals: Ring,
    pub waits: Ring,
    pub wakes: Ring,
}

/// The history of a handle the audit saw being created.
#[derive(Debug, Clone)]
pub struct Trail {
    pub kind: HandleKind,
    pub created: AuditRecord,
    /// Guest return addresses at creation, innermost first; only for focus handles.
    pub created_stack: Vec<u32>,
    /// Set when a focus handle is closed; its trail is kept so the dump can still show it.
    pub closed: Option<AuditRecord>,
    pub events: Events,
}

/// Events aimed at a focus handle that has no creation record: the object was initialised by the
/// guest itself (a `KEVENT` in guest memory) or created before tracing began. Without it such a
/// handle's signals would vanish and "never signalled" could not be told from "signalled, but
/// nobody woke".
#[derive(Debug, Clone, Default)]
pub struct GhostTrail {
    pub events: Events,
}

#[cfg(test)]
mod tests {
    use super::super::record::{Site, Source};
    use super::*;

    fn rec(cycle: u64) -> AuditRecord {
        AuditRecord {
            site: Site {
                cycle,
                tid: 1,
                lr: 0x8200_0000,
                source: Source::export("NtSetEvent"),
            },
            aux: 0,
        }
    }

    #[test]
    fn ring_keeps_the_newest_capacity_records() {
        let mut ring = Ring::default();
        let pushed = RING_CAPACITY as u64 * 3 + 5;
        for cycle in 0..pushed {
            ring.push(rec(cycle));
        }
        assert_eq!(ring.len(), RING_CAPACITY);
        assert_eq!(ring.total(), pushed);
        let cycles: Vec<u64> = ring.iter().map(|r| r.site.cycle).collect();
        let expected: Vec<u64> = (pushed - RING_CAPACITY as u64..pushed).collect();
        assert_eq!(cycles, expected);
    }
}
