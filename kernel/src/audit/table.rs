//! The audit table owned by the kernel state: trails, ghost trails and the focus set behind one
//! lock.
//!
//! The `record_*` methods record unconditionally; the kernel reaches them only through the hooks
//! in [`super::hooks`], which check the global switch first. Keeping the switch out of the table
//! lets the tests drive the table without touching process-wide state.

// Without the `handle-audit` feature nothing calls the recording side; it stays compiled so the
// dump and its tests are unchanged.
#![cfg_attr(not(feature = "handle-audit"), allow(dead_code))]

use std::collections::{BTreeMap, BTreeSet, HashMap};

use parking_lot::Mutex;

use super::record::{AuditRecord, HandleKind, Site, WaitAux};
use super::stack::MAX_STACK_DEPTH;
use super::trail::{Events, GhostTrail, Ring, Trail};

/// Most handles (outside the focus set) that get a trail at once. Closing a handle frees its
/// trail, so only a title that keeps more than this many objects open at the same time reaches
/// it; creations past the limit are counted, not recorded. With each trail at most three full
/// rings of 48-byte records (under 5 KiB), the table stays below about 20 MiB.
pub const MAX_TRACKED_HANDLES: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Category {
    Signal,
    Wait,
    Wake,
}

impl Events {
    fn ring_mut(&mut self, category: Category) -> &mut Ring {
        match category {
            Category::Signal => &mut self.signals,
            Category::Wait => &mut self.waits,
            Category::Wake => &mut self.wakes,
        }
    }
}

#[derive(Debug, Default)]
struct Tables {
    trails: HashMap<u32, Trail>,
    ghosts: HashMap<u32, GhostTrail>,
    focus: BTreeSet<u32>,
    untracked_creates: u64,
}

impl Tables {
    /// Focus trails do not count against the limit; the focus list is short and user-chosen.
    fn non_focus_trails(&self) -> usize {
        let focus_trails = self
            .focus
            .iter()
            .filter(|h| self.trails.contains_key(h))
            .count();
        self.trails.len() - focus_trails
    }
}

/// The handle audit. One per kernel; shared by reference with every worker thread.
#[derive(Debug, Default)]
pub struct HandleAudit {
    // One lock: the hooks only run while tracing, and each holds it for a map probe and a push.
    tables: Mutex<Tables>,
}

/// A consistent copy of the audit taken for the dump, so rendering never holds the lock.
#[derive(Debug, Clone, Default)]
pub struct AuditView {
    pub trails: BTreeMap<u32, Trail>,
    pub ghosts: BTreeMap<u32, GhostTrail>,
    pub focus: BTreeSet<u32>,
    pub untracked_creates: u64,
}

impl HandleAudit {
    pub fn new() -> Self {
        Self::default()
    }

    /// Replaces the focus set (from `--trace-handles-focus`).
    pub fn set_focus(&self, handles: impl IntoIterator<Item = u32>) {
        self.tables.lock().focus = handles.into_iter().collect();
    }

    pub fn is_focus(&self, handle: u32) -> bool {
        self.tables.lock().focus.contains(&handle)
    }

    pub(crate) fn record_create(
        &self,
        handle: u32,
        kind: HandleKind,
        site: Site,
        mut stack: Vec<u32>,
    ) {
        let mut t = self.tables.lock();
        let focus = t.focus.contains(&handle);
        if !focus && !t.trails.contains_key(&handle) && t.non_focus_trails() >= MAX_TRACKED_HANDLES
        {
            t.untracked_creates += 1;
            return;
        }
        if !focus {
            stack.clear();
        }
        stack.truncate(MAX_STACK_DEPTH);
        let created = AuditRecord { site, aux: 0 };
        // A handle value is reused after a close: the new object starts a fresh history.
        t.trails.insert(
            handle,
            Trail {
                kind,
                created,
                created_stack: stack,
                closed: None,
                events: Events::default(),
            },
        );
    }

    pub(crate) fn record_event(&self, handle: u32, category: Category, record: AuditRecord) {
        let mut t = self.tables.lock();
        let t = &mut *t;
        if let Some(trail) = t.trails.get_mut(&handle) {
            trail.events.ring_mut(category).push(record);
        } else if t.focus.contains(&handle) {
            t.ghosts
                .entry(handle)
                .or_default()
                .events
                .ring_mut(category)
                .push(record);
        }
    }

    pub(crate) fn record_signal(&self, handle: u32, site: Site, previous_state: u64) {
        self.record_event(
            handle,
            Category::Signal,
            AuditRecord {
                site,
                aux: previous_state,
            },
        );
    }

    pub(crate) fn record_wait(&self, handle: u32, site: Site, wait: WaitAux) {
        self.record_event(
            handle,
            Category::Wait,
            AuditRecord {
                site,
                aux: wait.pack(),
            },
        );
    }

    pub(crate) fn record_wake(&self, handle: u32, site: Site, status: u32) {
        self.record_event(
            handle,
            Category::Wake,
            AuditRecord {
                site,
                aux: u64::from(status),
            },
        );
    }

    /// A closed handle's history is dropped (this is what keeps the table bounded), except for a
    /// focus handle, whose trail stays with the close recorded.
    pub(crate) fn record_close(&self, handle: u32, site: Site) {
        let mut t = self.tables.lock();
        if t.focus.contains(&handle) {
            if let Some(trail) = t.trails.get_mut(&handle) {
                trail.closed = Some(AuditRecord { site, aux: 0 });
            }
        } else {
            t.trails.remove(&handle);
        }
    }

    /// `(signals, waits, wakes)` held for a handle's primary trail; `None` if it has none.
    pub fn counts(&self, handle: u32) -> Option<(usize, usize, usize)> {
        let t = self.tables.lock();
        t.trails.get(&handle).map(|tr| {
            (
                tr.events.signals.len(),
                tr.events.waits.len(),
                tr.events.wakes.len(),
            )
        })
    }

    /// Same as [`HandleAudit::counts`] for the ghost trail of a focus handle.
    pub fn ghost_counts(&self, handle: u32) -> Option<(usize, usize, usize)> {
        let t = self.tables.lock();
        t.ghosts.get(&handle).map(|g| {
            (
                g.events.signals.len(),
                g.events.waits.len(),
                g.events.wakes.len(),
            )
        })
    }

    /// The stored creation stack of a handle, if it has a primary trail.
    pub fn created_stack(&self, handle: u32) -> Option<Vec<u32>> {
        self.tables
            .lock()
            .trails
            .get(&handle)
            .map(|tr| tr.created_stack.clone())
    }

    pub fn view(&self) -> AuditView {
        let t = self.tables.lock();
        AuditView {
            trails: t.trails.iter().map(|(h, tr)| (*h, tr.clone())).collect(),
            ghosts: t.ghosts.iter().map(|(h, g)| (*h, g.clone())).collect(),
            focus: t.focus.clone(),
            untracked_creates: t.untracked_creates,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::record::Source;
    use super::super::trail::RING_CAPACITY;
    use super::*;

    fn site(cycle: u64, name: &'static str) -> Site {
        Site {
            cycle,
            tid: 1,
            lr: 0x8200_0000,
            source: Source::export(name),
        }
    }

    #[test]
    fn records_create_signal_wait_wake_on_the_primary_trail() {
        let a = HandleAudit::new();
        a.record_create(
            0x1014,
            HandleKind::EventAuto,
            site(0, "NtCreateEvent"),
            vec![],
        );
        a.record_wait(
            0x1014,
            site(5, "NtWaitForSingleObjectEx"),
            WaitAux {
                alertable: false,
                timeout: None,
            },
        );
        a.record_signal(0x1014, site(10, "NtSetEvent"), 0);
        a.record_wake(0x1014, site(11, "scheduler_wake"), 0);
        assert_eq!(a.counts(0x1014), Some((1, 1, 1)));
        let view = a.view();
        let trail = &view.trails[&0x1014];
        assert_eq!(trail.kind, HandleKind::EventAuto);
        assert_eq!(trail.created.site.source.name, "NtCreateEvent");
    }

    #[test]
    fn a_signal_for_an_unknown_non_focus_handle_is_dropped() {
        let a = HandleAudit::new();
        a.record_signal(0x9999, site(1, "NtSetEvent"), 0);
        assert_eq!(a.counts(0x9999), None);
        assert_eq!(a.ghost_counts(0x9999), None);
        let view = a.view();
        assert!(view.trails.is_empty() && view.ghosts.is_empty());
    }

    #[test]
    fn a_signal_for_an_uncreated_focus_handle_lands_in_its_ghost_trail() {
        let a = HandleAudit::new();
        a.set_focus([0x1004]);
        a.record_signal(0x1004, site(1, "NtSetEvent"), 0);
        a.record_signal(0x1004, site(2, "KeSetEvent"), 1);
        a.record_signal(0x9999, site(3, "NtSetEvent"), 0);
        assert_eq!(a.counts(0x1004), None);
        assert_eq!(a.ghost_counts(0x1004), Some((2, 0, 0)));
        assert_eq!(a.ghost_counts(0x9999), None);
    }

    #[test]
    fn no_ghost_record_when_a_primary_trail_exists() {
        let a = HandleAudit::new();
        a.set_focus([0x1004]);
        a.record_create(
            0x1004,
            HandleKind::EventManual,
            site(0, "NtCreateEvent"),
            vec![],
        );
        a.record_signal(0x1004, site(1, "NtSetEvent"), 0);
        a.record_wait(
            0x1004,
            site(2, "KeWaitForSingleObject"),
            WaitAux {
                alertable: true,
                timeout: Some(-100),
            },
        );
        assert_eq!(a.counts(0x1004), Some((1, 1, 0)));
        assert_eq!(a.ghost_counts(0x1004), None);
    }

    #[test]
    fn rings_are_bounded_and_drop_the_oldest() {
        let a = HandleAudit::new();
        a.record_create(
            0x10fc,
            HandleKind::EventAuto,
            site(0, "NtCreateEvent"),
            vec![],
        );
        for cycle in 0..(RING_CAPACITY as u64 * 3) {
            a.record_signal(0x10fc, site(cycle, "NtSetEvent"), 0);
        }
        assert_eq!(a.counts(0x10fc), Some((RING_CAPACITY, 0, 0)));
        let view = a.view();
        let signals = &view.trails[&0x10fc].events.signals;
        assert_eq!(
            signals.iter().next().unwrap().site.cycle,
            RING_CAPACITY as u64 * 2
        );
        assert_eq!(signals.total(), RING_CAPACITY as u64 * 3);
    }

    #[test]
    fn counts_for_an_unknown_handle_are_none() {
        let a = HandleAudit::new();
        assert_eq!(a.counts(0x10fc), None);
        assert_eq!(a.ghost_counts(0x10fc), None);
    }

    #[test]
    fn stacks_are_kept_only_for_focus_handles() {
        let a = HandleAudit::new();
        a.set_focus([0x1004]);
        let stack = vec![0x824a_9f6c, 0x824a_b020];
        a.record_create(
            0x1004,
            HandleKind::EventManual,
            site(0, "NtCreateEvent"),
            stack.clone(),
        );
        a.record_create(
            0x1008,
            HandleKind::EventManual,
            site(0, "NtCreateEvent"),
            stack.clone(),
        );
        assert_eq!(a.created_stack(0x1004), Some(stack));
        assert_eq!(a.created_stack(0x1008), Some(vec![]));
    }

    #[test]
    fn closing_frees_non_focus_trails_and_marks_focus_ones() {
        let a = HandleAudit::new();
        a.set_focus([0x1004]);
        for h in [0x1004, 0x1008] {
            a.record_create(
                h,
                HandleKind::Semaphore,
                site(0, "NtCreateSemaphore"),
                vec![],
            );
            a.record_close(h, site(9, "NtClose"));
        }
        let view = a.view();
        assert!(!view.trails.contains_key(&0x1008));
        assert_eq!(view.trails[&0x1004].closed.unwrap().site.cycle, 9);
    }

    #[test]
    fn the_number_of_tracked_handles_is_bounded_but_focus_handles_always_fit() {
        let a = HandleAudit::new();
        let focus = 0xF000_0000;
        a.set_focus([focus]);
        for h in 0..(MAX_TRACKED_HANDLES as u32 + 10) {
            a.record_create(h, HandleKind::EventAuto, site(0, "NtCreateEvent"), vec![]);
        }
        a.record_create(
            focus,
            HandleKind::EventAuto,
            site(0, "NtCreateEvent"),
            vec![],
        );
        let view = a.view();
        assert_eq!(view.trails.len(), MAX_TRACKED_HANDLES + 1);
        assert_eq!(view.untracked_creates, 10);
        assert!(view.trails.contains_key(&focus));
        // A slot freed by a close is usable again.
        a.record_close(0, site(1, "NtClose"));
        a.record_create(
            0x7777_0000,
            HandleKind::Mutant,
            site(2, "NtCreateMutant"),
            vec![],
        );
        assert!(a.counts(0x7777_0000).is_some());
    }

    #[test]
    fn six_threads_recording_at_once_lose_nothing() {
        let a = HandleAudit::new();
        a.record_create(
            0x40,
            HandleKind::Semaphore,
            site(0, "NtCreateSemaphore"),
            vec![],
        );
        std::thread::scope(|scope| {
            for tid in 0..6u32 {
                let a = &a;
                scope.spawn(move || {
                    for cycle in 0..1000u64 {
                        let s = Site {
                            tid,
                            ..site(cycle, "NtReleaseSemaphore")
                        };
                        a.record_signal(0x40, s, 0);
                    }
                });
            }
        });
        let view = a.view();
        assert_eq!(view.trails[&0x40].events.signals.total(), 6000);
        assert_eq!(view.trails[&0x40].events.signals.len(), RING_CAPACITY);
    }
}
