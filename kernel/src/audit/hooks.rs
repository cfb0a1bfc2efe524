//! The kernel's entry points into the audit, and the one process-wide switch in front of them.
//!
//! Every hook is an always-inlined relaxed load of [`ENABLED`] and a branch to a `#[cold]`,
//! never-inlined slow path, so with tracing off an export pays one load and one well-predicted
//! branch, and the slow path's code stays out of the hot function. Without the `handle-audit`
//! cargo feature the hooks have empty bodies and vanish, which is the baseline a benchmark
//! compares against.
//!
//! The switch is global rather than per [`HandleAudit`] so the check needs no pointer chase. The
//! audit's own tests do not depend on it: they drive the table directly, and the few that go
//! through the hooks serialise on a test-only lock.

use std::sync::atomic::{AtomicBool, Ordering};

use super::record::{HandleKind, Site};
use super::table::HandleAudit;

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Whether hooks record. Always false when the `handle-audit` feature is off.
#[inline(always)]
pub fn enabled() -> bool {
    cfg!(feature = "handle-audit") && ENABLED.load(Ordering::Relaxed)
}

/// Turns recording on or off for the whole process (`--trace-handles`, `OXENON_TRACE_HANDLES`).
/// Relaxed ordering: a hook racing with the switch may record or skip one event, which is fine
/// for a diagnostic.
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

#[cfg(feature = "handle-audit")]
mod active {
    use super::super::record::WaitAux;
    use super::*;

    /// A handle was created by a kernel API. `capture_stack` runs only when the handle is in the
    /// focus set; pass a closure around [`super::super::walk_back_chain`].
    #[inline(always)]
    pub fn on_create(
        audit: &HandleAudit,
        handle: u32,
        kind: HandleKind,
        site: impl FnOnce() -> Site,
        capture_stack: impl FnOnce() -> Vec<u32>,
    ) {
        if enabled() {
            create_slow(audit, handle, kind, site(), capture_stack);
        }
    }

    /// A signal attempt (set, pulse, release, timer expiry...). `previous_state` is the object's
    /// signal state or count before the call.
    #[inline(always)]
    pub fn on_signal(
        audit: &HandleAudit,
        handle: u32,
        site: impl FnOnce() -> Site,
        previous_state: u64,
    ) {
        if enabled() {
            signal_slow(audit, handle, site(), previous_state);
        }
    }

    /// A thread entered a wait on `handle` (once per handle for a multiple-object wait).
    /// `timeout` follows the NT convention: negative = relative 100 ns, `None` = forever.
    #[inline(always)]
    pub fn on_wait(
        audit: &HandleAudit,
        handle: u32,
        site: impl FnOnce() -> Site,
        alertable: bool,
        timeout: Option<i64>,
    ) {
        if enabled() {
            wait_slow(audit, handle, site(), WaitAux { alertable, timeout });
        }
    }

    /// A waiting thread was released because of `handle` (also when a wait is satisfied at
    /// once); `status` is what the wait returns to it. `site.tid` is the released thread.
    #[inline(always)]
    pub fn on_wake(audit: &HandleAudit, handle: u32, site: impl FnOnce() -> Site, status: u32) {
        if enabled() {
            wake_slow(audit, handle, site(), status);
        }
    }

    /// The handle was closed; its trail is freed unless it is in focus.
    #[inline(always)]
    pub fn on_close(audit: &HandleAudit, handle: u32, site: impl FnOnce() -> Site) {
        if enabled() {
            close_slow(audit, handle, site());
        }
    }

    #[cold]
    #[inline(never)]
    fn create_slow(
        audit: &HandleAudit,
        handle: u32,
        kind: HandleKind,
        site: Site,
        capture_stack: impl FnOnce() -> Vec<u32>,
    ) {
        // Walk outside the lock: reading guest memory is the slow part.
        let stack = if audit.is_focus(handle) {
            capture_stack()
        } else {
            Vec::new()
        };
        audit.record_create(handle, kind, site, stack);
    }

    #[cold]
    #[inline(never)]
    fn signal_slow(audit: &HandleAudit, handle: u32, site: Site, previous_state: u64) {
        audit.record_signal(handle, site, previous_state);
    }

    #[cold]
    #[inline(never)]
    fn wait_slow(audit: &HandleAudit, handle: u32, site: Site, wait: WaitAux) {
        audit.record_wait(handle, site, wait);
    }

    #[cold]
    #[inline(never)]
    fn wake_slow(audit: &HandleAudit, handle: u32, site: Site, status: u32) {
        audit.record_wake(handle, site, status);
    }

    #[cold]
    #[inline(never)]
    fn close_slow(audit: &HandleAudit, handle: u32, site: Site) {
        audit.record_close(handle, site);
    }
}

#[cfg(not(feature = "handle-audit"))]
mod active {
    use super::*;

    #[inline(always)]
    pub fn on_create(
        _audit: &HandleAudit,
        _handle: u32,
        _kind: HandleKind,
        _site: impl FnOnce() -> Site,
        _capture_stack: impl FnOnce() -> Vec<u32>,
    ) {
    }

    #[inline(always)]
    pub fn on_signal(
        _audit: &HandleAudit,
        _handle: u32,
        _site: impl FnOnce() -> Site,
        _previous_state: u64,
    ) {
    }

    #[inline(always)]
    pub fn on_wait(
        _audit: &HandleAudit,
        _handle: u32,
        _site: impl FnOnce() -> Site,
        _alertable: bool,
        _timeout: Option<i64>,
    ) {
    }

    #[inline(always)]
    pub fn on_wake(_audit: &HandleAudit, _handle: u32, _site: impl FnOnce() -> Site, _status: u32) {
    }

    #[inline(always)]
    pub fn on_close(_audit: &HandleAudit, _handle: u32, _site: impl FnOnce() -> Site) {}
}

pub use active::{on_close, on_create, on_signal, on_wait, on_wake};

#[cfg(all(test, feature = "handle-audit"))]
pub(crate) mod tests {
    use parking_lot::Mutex;

    use super::super::record::{Source, WaitAux};
    use super::*;

    /// Serialises the tests that flip the process-wide switch.
    pub(crate) static SWITCH: Mutex<()> = Mutex::new(());

    /// Restores "off" even when a test fails, so one failure does not cascade.
    struct On;
    impl On {
        fn new() -> Self {
            set_enabled(true);
            On
        }
    }
    impl Drop for On {
        fn drop(&mut self) {
            set_enabled(false);
        }
    }

    fn site(cycle: u64) -> impl FnOnce() -> Site {
        move || Site {
            cycle,
            tid: 3,
            lr: 0x8200_1234,
            source: Source::export("NtSetEvent"),
        }
    }

    fn unbuilt() -> Site {
        panic!("a hook built its Site while recording was off")
    }

    #[test]
    fn disabled_hooks_record_nothing_and_build_nothing() {
        let _guard = SWITCH.lock();
        set_enabled(false);
        let a = HandleAudit::new();
        a.set_focus([0x1000]);
        on_create(&a, 0x1000, HandleKind::EventAuto, unbuilt, || {
            panic!("stack walked")
        });
        on_signal(&a, 0x1000, unbuilt, 0);
        on_wait(&a, 0x1000, unbuilt, false, None);
        on_wake(&a, 0x1000, unbuilt, 0);
        on_close(&a, 0x1000, unbuilt);
        let view = a.view();
        assert!(view.trails.is_empty() && view.ghosts.is_empty());
    }

    #[test]
    fn enabled_hooks_record_create_signal_wait_wake() {
        let _guard = SWITCH.lock();
        let _on = On::new();
        let a = HandleAudit::new();
        on_create(&a, 0x1014, HandleKind::EventAuto, site(0), Vec::new);
        on_wait(&a, 0x1014, site(5), true, Some(-10_000));
        on_signal(&a, 0x1014, site(10), 0);
        on_wake(&a, 0x1014, site(11), 0);
        assert_eq!(a.counts(0x1014), Some((1, 1, 1)));
        let view = a.view();
        let wait = view.trails[&0x1014]
            .events
            .waits
            .iter()
            .next()
            .copied()
            .unwrap();
        assert_eq!(
            WaitAux::unpack(wait.aux),
            WaitAux {
                alertable: true,
                timeout: Some(-10_000)
            }
        );
    }

    #[test]
    fn the_stack_is_walked_and_stored_only_when_enabled_and_in_focus() {
        let _guard = SWITCH.lock();
        let a = HandleAudit::new();
        a.set_focus([0x1004]);
        let frames = vec![0x824a_9f6c, 0x824a_b020];

        set_enabled(false);
        on_create(&a, 0x1004, HandleKind::EventManual, site(0), || {
            frames.clone()
        });
        assert_eq!(a.created_stack(0x1004), None);

        let _on = On::new();
        let mut walked_for_non_focus = false;
        on_create(&a, 0x2000, HandleKind::EventManual, site(1), || {
            walked_for_non_focus = true;
            frames.clone()
        });
        assert!(!walked_for_non_focus);
        assert_eq!(a.created_stack(0x2000), Some(vec![]));
        on_create(&a, 0x1004, HandleKind::EventManual, site(2), || {
            frames.clone()
        });
        assert_eq!(a.created_stack(0x1004), Some(frames.clone()));
    }
}

#[cfg(all(test, not(feature = "handle-audit")))]
mod compiled_out_tests {
    use super::super::record::Source;
    use super::*;

    #[test]
    fn without_the_feature_hooks_do_nothing_even_when_switched_on() {
        set_enabled(true);
        assert!(!enabled());
        let a = HandleAudit::new();
        a.set_focus([1]);
        let s = Site {
            cycle: 0,
            tid: 1,
            lr: 0,
            source: Source::export("NtCreateEvent"),
        };
        on_create(
            &a,
            1,
            HandleKind::EventAuto,
            || s,
            || panic!("stack walked"),
        );
        on_signal(&a, 1, || s, 0);
        on_wait(&a, 1, || s, false, None);
        on_wake(&a, 1, || s, 0);
        set_enabled(false);
        assert_eq!(a.counts(1), None);
        assert_eq!(a.ghost_counts(1), None);
    }
}
