//! Turning a parked handle's history into one of five conclusions. The rules and their order are
//! documented in docs/HANDLE_AUDIT.md; keep the two in step.

use std::collections::BTreeSet;

use super::live::LiveHandle;
use super::record::AuditRecord;
use super::table::AuditView;
use super::trail::{GhostTrail, Trail};

/// Why a thread is still parked on a handle, as far as the audit can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Diagnosis {
    /// The handle was created and waited on through audited paths, and no signal reached it
    /// after the wait: the code that should signal it never ran (or is not emulated).
    NeverSignalled,
    /// A signal reached the handle after the wait began (or the object is signalled right now)
    /// and the waiter is still parked: the kernel's wake or wait-eligibility logic lost it.
    SignalledNotWoken,
    /// Every signal was used up by another thread's wait: an auto-reset race in the guest or in
    /// the kernel's choice of whom to release.
    ConsumedByOtherWaiter,
    /// None of the parked threads entered its wait through an audited path, so it got there some
    /// other way (critical section, spinlock, DPC, a wait export without a hook).
    NonAuditedPath,
    /// No kernel API created this handle while tracing: it is a guest-initialised object (or
    /// older than the trace), so its producer may signal it behind the kernel's back.
    GuestInitialised,
}

impl Diagnosis {
    pub fn conclusion(self) -> &'static str {
        match self {
            Diagnosis::NeverSignalled => "producer never signalled (missing kernel signal source)",
            Diagnosis::SignalledNotWoken => {
                "signalled but the waiter was not woken (wake or eligibility bug)"
            }
            Diagnosis::ConsumedByOtherWaiter => {
                "signalled before the wait and consumed by another waiter (auto-reset race)"
            }
            Diagnosis::NonAuditedPath => {
                "waiter parked through a non-audited path (critical section, spinlock, DPC)"
            }
            Diagnosis::GuestInitialised => {
                "handle never created by a kernel API (guest-initialised object)"
            }
        }
    }
}

/// A conclusion and the facts that selected it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub diagnosis: Diagnosis,
    pub why: String,
}

/// Everything the audit holds about one handle: its primary trail and/or its ghost trail.
#[derive(Debug, Clone, Copy)]
pub struct History<'a> {
    pub trail: Option<&'a Trail>,
    pub ghost: Option<&'a GhostTrail>,
    pub focus: bool,
}

impl<'a> History<'a> {
    pub fn of(view: &'a AuditView, handle: u32) -> Self {
        History {
            trail: view.trails.get(&handle),
            ghost: view.ghosts.get(&handle),
            focus: view.focus.contains(&handle),
        }
    }

    pub fn signals(&self) -> impl Iterator<Item = &'a AuditRecord> + 'a {
        let primary = self.trail.into_iter().flat_map(|t| t.events.signals.iter());
        primary.chain(self.ghost.into_iter().flat_map(|g| g.events.signals.iter()))
    }

    pub fn waits(&self) -> impl Iterator<Item = &'a AuditRecord> + 'a {
        let primary = self.trail.into_iter().flat_map(|t| t.events.waits.iter());
        primary.chain(self.ghost.into_iter().flat_map(|g| g.events.waits.iter()))
    }

    pub fn wakes(&self) -> impl Iterator<Item = &'a AuditRecord> + 'a {
        let primary = self.trail.into_iter().flat_map(|t| t.events.wakes.iter());
        primary.chain(self.ghost.into_iter().flat_map(|g| g.events.wakes.iter()))
    }

    /// Waits are recorded for a handle only if it has a trail or is in focus; for any other
    /// handle "no wait seen" means nothing.
    pub fn waits_observable(&self) -> bool {
        self.trail.is_some() || self.focus
    }

    /// True when threads wait on the handle but the audit saw none of their waits (while it was
    /// in a position to see them): the dump's `<AUDIT_BLIND>` marker.
    pub fn blind(&self, live: &LiveHandle) -> bool {
        self.waits_observable() && !live.waiters.is_empty() && self.parked_since(live).is_none()
    }

    /// The earliest of the parked threads' latest audited waits: the moment from which a signal
    /// should have released someone still parked.
    fn parked_since(&self, live: &LiveHandle) -> Option<u64> {
        live.waiters
            .iter()
            .filter_map(|w| {
                self.waits()
                    .filter(|r| r.site.tid == w.tid)
                    .map(|r| r.site.cycle)
                    .max()
            })
            .min()
    }
}

/// Picks the conclusion for a handle; `None` when nobody waits on it. The rules are tried in
/// order and the first that matches wins.
pub fn diagnose(history: &History<'_>, live: &LiveHandle) -> Option<Verdict> {
    if live.waiters.is_empty() {
        return None;
    }
    let verdict = |diagnosis, why: String| Some(Verdict { diagnosis, why });
    let parked: BTreeSet<u32> = live.waiters.iter().map(|w| w.tid).collect();
    let n = live.waiters.len();

    let Some(since) = history.parked_since(live) else {
        if history.waits_observable() {
            return verdict(
                Diagnosis::NonAuditedPath,
                format!("rule 1: {n} waiter(s), none of their waits seen by the audit"),
            );
        }
        return verdict(
            Diagnosis::GuestInitialised,
            "rule 2: no creation record (and not in focus, so its waits were not recorded)".into(),
        );
    };
    let Some(trail) = history.trail else {
        return verdict(
            Diagnosis::GuestInitialised,
            "rule 2: audited waits but no creation record".into(),
        );
    };
    if live.signaled {
        return verdict(
            Diagnosis::SignalledNotWoken,
            format!("rule 3: the object is signalled now while {n} thread(s) still wait on it"),
        );
    }
    let last_signal = history.signals().map(|r| r.site.cycle).max();
    let Some(last_signal) = last_signal else {
        return verdict(
            Diagnosis::NeverSignalled,
            format!(
                "rule 4: created by {}, no signal attempt seen",
                trail.created.site.source.name
            ),
        );
    };
    let after = history.signals().filter(|r| r.site.cycle >= since).count();
    let released_others = history
        .wakes()
        .filter(|r| r.site.cycle >= since && !parked.contains(&r.site.tid))
        .count();
    if after > 0 && (trail.kind.releases_all() || after > released_others) {
        return verdict(
            Diagnosis::SignalledNotWoken,
            format!(
                "rule 5: {after} signal(s) since the wait began at cycle {since}, \
                 {released_others} other thread(s) released, {} reset",
                if trail.kind.releases_all() {
                    "manual"
                } else {
                    "auto"
                }
            ),
        );
    }
    let consumer = history
        .wakes()
        .filter(|r| r.site.cycle >= last_signal && !parked.contains(&r.site.tid))
        .map(|r| r.site.tid)
        .next();
    if let Some(tid) = consumer {
        return verdict(
            Diagnosis::ConsumedByOtherWaiter,
            format!("rule 6: the last signal (cycle {last_signal}) released tid={tid} instead"),
        );
    }
    verdict(
        Diagnosis::NeverSignalled,
        format!(
            "rule 7: the last signal (cycle {last_signal}) came before the wait (cycle {since}) \
             and nothing signalled it since"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::super::live::LiveWaiter;
    use super::super::record::{HandleKind, Site, Source, WaitAux};
    use super::super::table::HandleAudit;
    use super::*;

    // Each history is constructed by hand to match the situation a rule describes.

    fn at(cycle: u64, tid: u32, lr: u32, name: &'static str) -> Site {
        Site {
            cycle,
            tid,
            lr,
            source: Source::export(name),
        }
    }

    const FOREVER: WaitAux = WaitAux {
        alertable: false,
        timeout: None,
    };

    fn parked(tids: &[u32]) -> LiveHandle {
        LiveHandle {
            kind: None,
            signaled: false,
            waiters: tids
                .iter()
                .map(|&tid| LiveWaiter {
                    tid,
                    wait_lr: 0x824a_c578,
                })
                .collect(),
        }
    }

    fn judge(a: &HandleAudit, handle: u32, live: &LiveHandle) -> Option<Diagnosis> {
        let view = a.view();
        diagnose(&History::of(&view, handle), live).map(|v| v.diagnosis)
    }

    #[test]
    fn nobody_waiting_means_no_diagnosis() {
        let a = HandleAudit::new();
        a.record_create(
            1,
            HandleKind::EventAuto,
            at(0, 1, 0, "NtCreateEvent"),
            vec![],
        );
        assert_eq!(judge(&a, 1, &parked(&[])), None);
    }

    #[test]
    fn created_and_waited_but_never_signalled() {
        let a = HandleAudit::new();
        a.record_create(
            0x1004,
            HandleKind::EventManual,
            at(0, 1, 0x824a_9f6c, "NtCreateEvent"),
            vec![],
        );
        a.record_wait(
            0x1004,
            at(50, 4, 0x824a_c578, "KeWaitForSingleObject"),
            FOREVER,
        );
        assert_eq!(
            judge(&a, 0x1004, &parked(&[4])),
            Some(Diagnosis::NeverSignalled)
        );
    }

    #[test]
    fn signalled_only_before_the_wait_with_nobody_consuming_is_never_signalled() {
        let a = HandleAudit::new();
        a.record_create(
            7,
            HandleKind::EventManual,
            at(0, 1, 0, "NtCreateEvent"),
            vec![],
        );
        // Set, then cleared (resets are not audited) before the waiter arrived.
        a.record_signal(7, at(10, 1, 0, "NtSetEvent"), 0);
        a.record_wait(7, at(20, 4, 0, "NtWaitForSingleObjectEx"), FOREVER);
        let view = a.view();
        let v = diagnose(&History::of(&view, 7), &parked(&[4])).unwrap();
        assert_eq!(v.diagnosis, Diagnosis::NeverSignalled);
        assert!(v.why.starts_with("rule 7"), "{}", v.why);
    }

    #[test]
    fn signal_after_the_wait_that_released_nobody_is_a_wake_bug() {
        let a = HandleAudit::new();
        a.record_create(
            8,
            HandleKind::EventAuto,
            at(0, 1, 0, "NtCreateEvent"),
            vec![],
        );
        a.record_wait(8, at(20, 4, 0, "NtWaitForSingleObjectEx"), FOREVER);
        a.record_signal(8, at(30, 2, 0, "NtSetEvent"), 0);
        assert_eq!(
            judge(&a, 8, &parked(&[4])),
            Some(Diagnosis::SignalledNotWoken)
        );
    }

    #[test]
    fn manual_reset_signal_after_the_wait_is_a_wake_bug_even_if_another_thread_woke() {
        let a = HandleAudit::new();
        a.record_create(
            9,
            HandleKind::EventManual,
            at(0, 1, 0, "NtCreateEvent"),
            vec![],
        );
        a.record_wait(9, at(20, 4, 0, "NtWaitForSingleObjectEx"), FOREVER);
        a.record_signal(9, at(30, 2, 0, "NtSetEvent"), 0);
        a.record_wake(9, at(31, 5, 0, "scheduler_wake"), 0);
        assert_eq!(
            judge(&a, 9, &parked(&[4])),
            Some(Diagnosis::SignalledNotWoken)
        );
    }

    #[test]
    fn signalled_object_with_waiters_is_a_wake_bug() {
        let a = HandleAudit::new();
        a.record_create(
            10,
            HandleKind::Semaphore,
            at(0, 1, 0, "NtCreateSemaphore"),
            vec![],
        );
        a.record_signal(10, at(5, 1, 0, "NtReleaseSemaphore"), 0);
        a.record_wait(10, at(20, 4, 0, "NtWaitForSingleObjectEx"), FOREVER);
        let live = LiveHandle {
            signaled: true,
            ..parked(&[4])
        };
        assert_eq!(judge(&a, 10, &live), Some(Diagnosis::SignalledNotWoken));
    }

    #[test]
    fn auto_reset_signal_taken_by_another_thread_is_a_race() {
        let a = HandleAudit::new();
        a.record_create(
            11,
            HandleKind::EventAuto,
            at(0, 1, 0, "NtCreateEvent"),
            vec![],
        );
        a.record_signal(11, at(10, 2, 0, "NtSetEvent"), 0);
        a.record_wake(11, at(11, 5, 0, "wait_satisfied"), 0);
        a.record_wait(11, at(20, 4, 0, "NtWaitForSingleObjectEx"), FOREVER);
        assert_eq!(
            judge(&a, 11, &parked(&[4])),
            Some(Diagnosis::ConsumedByOtherWaiter)
        );
    }

    #[test]
    fn auto_reset_signal_after_the_wait_released_to_an_earlier_waiter_is_a_race_not_a_bug() {
        let a = HandleAudit::new();
        a.record_create(
            12,
            HandleKind::EventAuto,
            at(0, 1, 0, "NtCreateEvent"),
            vec![],
        );
        a.record_wait(12, at(15, 5, 0, "NtWaitForSingleObjectEx"), FOREVER);
        a.record_wait(12, at(20, 4, 0, "NtWaitForSingleObjectEx"), FOREVER);
        a.record_signal(12, at(30, 2, 0, "NtSetEvent"), 0);
        a.record_wake(12, at(31, 5, 0, "scheduler_wake"), 0);
        assert_eq!(
            judge(&a, 12, &parked(&[4])),
            Some(Diagnosis::ConsumedByOtherWaiter)
        );
    }

    #[test]
    fn waiter_without_an_audited_wait_is_a_non_audited_path() {
        let a = HandleAudit::new();
        a.set_focus([0x4245_0b5c]);
        assert_eq!(
            judge(&a, 0x4245_0b5c, &parked(&[6])),
            Some(Diagnosis::NonAuditedPath)
        );
        // Also for a created handle whose only audited wait belongs to a thread that left.
        a.record_create(
            13,
            HandleKind::EventAuto,
            at(0, 1, 0, "NtCreateEvent"),
            vec![],
        );
        a.record_wait(13, at(5, 9, 0, "NtWaitForSingleObjectEx"), FOREVER);
        assert_eq!(
            judge(&a, 13, &parked(&[6])),
            Some(Diagnosis::NonAuditedPath)
        );
    }

    #[test]
    fn uncreated_handle_with_audited_waits_is_guest_initialised() {
        let a = HandleAudit::new();
        a.set_focus([0x4245_0b5c]);
        a.record_wait(0x4245_0b5c, at(5, 6, 0, "KeWaitForSingleObject"), FOREVER);
        a.record_signal(0x4245_0b5c, at(3, 2, 0, "KeSetEvent"), 0);
        assert_eq!(
            judge(&a, 0x4245_0b5c, &parked(&[6])),
            Some(Diagnosis::GuestInitialised)
        );
    }

    #[test]
    fn uncreated_non_focus_handle_is_guest_initialised() {
        let a = HandleAudit::new();
        assert_eq!(
            judge(&a, 0x5555, &parked(&[6])),
            Some(Diagnosis::GuestInitialised)
        );
    }

    #[test]
    fn blind_marker_only_when_waits_could_have_been_seen() {
        let a = HandleAudit::new();
        a.set_focus([1]);
        let view = a.view();
        assert!(History::of(&view, 1).blind(&parked(&[6])));
        assert!(!History::of(&view, 1).blind(&parked(&[])));
        assert!(!History::of(&view, 2).blind(&parked(&[6])));
    }
}
