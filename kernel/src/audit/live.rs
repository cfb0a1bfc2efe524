//! What the kernel tells the dump about its objects right now. The kernel fills a
//! [`LiveSnapshot`] while holding its own locks, releases them, and then renders; the audit never
//! looks into kernel objects itself.

use std::collections::BTreeMap;

use super::record::HandleKind;

/// A thread currently blocked on a handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiveWaiter {
    pub tid: u32,
    /// The guest LR of the wait call that parked it (return address into the caller of the wait
    /// export or wrapper).
    pub wait_lr: u32,
}

/// The present state of one handle's object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LiveHandle {
    /// The object's kind when the kernel knows it (it may not for a guest-initialised object).
    pub kind: Option<HandleKind>,
    pub signaled: bool,
    pub waiters: Vec<LiveWaiter>,
}

/// Live state of the handles the kernel chose to report: at least every handle with waiters, and
/// ideally every open handle.
#[derive(Debug, Clone, Default)]
pub struct LiveSnapshot {
    pub handles: BTreeMap<u32, LiveHandle>,
}

impl LiveSnapshot {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn insert(&mut self, handle: u32, state: LiveHandle) {
        self.handles.insert(handle, state);
    }

    pub fn get(&self, handle: u32) -> Option<&LiveHandle> {
        self.handles.get(&handle)
    }
}
