//! The handle audit: a record of who created, signalled, waited on and woke each kernel handle,
//! kept so that an end-of-run dump can say why a thread is still parked.
//!
//! The kernel owns one [`HandleAudit`] and calls the `on_*` hooks from its exports and its
//! scheduler; [`render_dump`] turns the audit plus a [`LiveSnapshot`] of the kernel's objects into
//! the report. Recording is off until [`set_enabled`] (`--trace-handles`,
//! `OXENON_TRACE_HANDLES=1`); the `handle-audit` cargo feature removes the hooks altogether.
//! docs/HANDLE_AUDIT.md describes the records, the bounds, the dump and the diagnosis rules.

mod diagnose;
mod dump;
mod focus;
mod group;
mod hooks;
mod live;
mod record;
mod stack;
mod table;
mod trail;

pub use diagnose::{diagnose, Diagnosis, History, Verdict};
pub use dump::{render_dump, render_view, TIMELINE_LEN};
pub use focus::{
    parse_focus_list, parse_trace_handles_env, trace_handles_from_env, EnvValueError,
    FocusListError, TRACE_HANDLES_ENV,
};
pub use group::{group, Finding, Parked};
pub use hooks::{enabled, on_close, on_create, on_signal, on_wait, on_wake, set_enabled};
pub use live::{LiveHandle, LiveSnapshot, LiveWaiter};
pub use record::{AuditRecord, HandleKind, Site, Source, SourceClass, WaitAux};
pub use stack::{walk_back_chain, FrameLayout, MAX_STACK_DEPTH};
pub use table::{AuditView, HandleAudit, MAX_TRACKED_HANDLES};
pub use trail::{Events, GhostTrail, Ring, Trail, RING_CAPACITY};
