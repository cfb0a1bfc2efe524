//! Kernel objects (dispatcher objects: events, semaphores, mutants, timers, threads) and the
//! handle table that names them.
//!
//! Each object has a signal state and a FIFO of waiting threads. Handles count references; an
//! object lives while a handle or an internal reference (a running thread, an armed timer, a
//! guest-memory body the title may still pass to Ke* functions) holds it.

mod handles;

pub use handles::{Handles, HANDLE_BASE};
pub mod handles_consts {
    pub use super::handles::{CURRENT_PROCESS, CURRENT_THREAD};
}

use std::collections::{HashMap, VecDeque};

pub type ObjId = u32;
pub type Tid = u32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `manual`: a notification event stays signalled until reset; a synchronization event
    /// releases one waiter and resets.
    Event {
        manual: bool,
    },
    Semaphore {
        maximum: i32,
    },
    /// Owned while `owner` is set; `recursion` counts nested acquisitions by the owner.
    Mutant {
        owner: Option<Tid>,
        recursion: u32,
        abandoned: bool,
    },
    /// A waitable timer; `generation` identifies the current arming so stale expiries are
    /// ignored after a cancel or re-arm.
    Timer {
        manual: bool,
        period_100ns: u64,
        generation: u64,
        armed: bool,
    },
    /// Signalled when the thread terminates.
    Thread {
        tid: Tid,
    },
    /// The wait queue behind a guest RTL_CRITICAL_SECTION (keyed by its address), used only
    /// when the section is contended.
    CriticalSection {
        address: u32,
    },
}

impl Kind {
    /// The label the handle audit and the thread dump use.
    pub fn label(&self) -> &'static str {
        match self {
            Kind::Event { manual: true } => "Event/Manual",
            Kind::Event { manual: false } => "Event/Auto",
            Kind::Semaphore { .. } => "Semaphore",
            Kind::Mutant { .. } => "Mutant",
            Kind::Timer { manual: true, .. } => "Timer/Manual",
            Kind::Timer { manual: false, .. } => "Timer/Auto",
            Kind::Thread { .. } => "Thread",
            Kind::CriticalSection { .. } => "CriticalSection",
        }
    }

    /// The DISPATCHER_HEADER type byte of the console's object of this kind.
    pub fn header_type(&self) -> u8 {
        match self {
            Kind::Event { manual: true } => 0,
            Kind::Event { manual: false } => 1,
            Kind::Mutant { .. } => 2,
            Kind::Semaphore { .. } => 5,
            Kind::Thread { .. } => 6,
            Kind::Timer { manual: true, .. } => 8,
            Kind::Timer { manual: false, .. } => 9,
            Kind::CriticalSection { .. } => 1,
        }
    }
}

#[derive(Debug)]
pub struct Object {
    pub kind: Kind,
    /// The NT signal state: >0 signalled (a semaphore's count; 1 for a free mutant).
    pub signal: i32,
    pub waiters: VecDeque<Tid>,
    /// Open handles plus internal references.
    pub refs: u32,
    /// Guest address of the object's body (its DISPATCHER_HEADER), 0 if none.
    pub body: u32,
    /// The name the handle audit knows it by: its first handle, or its guest address for an
    /// object the title initialised itself.
    pub key: u32,
}

impl Object {
    pub fn new(kind: Kind, signal: i32) -> Self {
        Self {
            kind,
            signal,
            waiters: VecDeque::new(),
            refs: 0,
            body: 0,
            key: 0,
        }
    }

    /// Whether `tid` could acquire the object now.
    pub fn available_to(&self, tid: Tid) -> bool {
        match &self.kind {
            Kind::Mutant { owner, .. } => owner.is_none() || *owner == Some(tid),
            _ => self.signal > 0,
        }
    }

    /// Takes what a satisfied wait consumes. Returns true if the wait acquired an abandoned
    /// mutant.
    pub fn acquire(&mut self, tid: Tid) -> bool {
        match &mut self.kind {
            Kind::Event { manual: false }
            | Kind::Timer { manual: false, .. }
            | Kind::CriticalSection { .. } => self.signal = 0,
            Kind::Semaphore { .. } => self.signal -= 1,
            Kind::Mutant {
                owner,
                recursion,
                abandoned,
            } => {
                *owner = Some(tid);
                *recursion += 1;
                self.signal = 0;
                return std::mem::take(abandoned);
            }
            _ => {}
        }
        false
    }
}

/// The object store: slots indexed by `ObjId`, and the guest bodies that map back to them.
#[derive(Debug, Default)]
pub struct Objects {
    slots: Vec<Option<Object>>,
    free: Vec<ObjId>,
    /// Guest body address -> object, so Ke* functions given a pointer find the object.
    bodies: HashMap<u32, ObjId>,
    pub handles: Handles,
}

impl Objects {
    pub fn insert(&mut self, obj: Object) -> ObjId {
        let body = obj.body;
        let id = if let Some(id) = self.free.pop() {
            self.slots[id as usize] = Some(obj);
            id
        } else {
            self.slots.push(Some(obj));
            (self.slots.len() - 1) as ObjId
        };
        if body != 0 {
            self.bodies.insert(body, id);
        }
        id
    }

    pub fn get(&self, id: ObjId) -> Option<&Object> {
        self.slots.get(id as usize)?.as_ref()
    }

    pub fn get_mut(&mut self, id: ObjId) -> Option<&mut Object> {
        self.slots.get_mut(id as usize)?.as_mut()
    }

    pub fn by_body(&self, body: u32) -> Option<ObjId> {
        self.bodies.get(&body).copied()
    }

    pub fn add_ref(&mut self, id: ObjId) {
        if let Some(o) = self.get_mut(id) {
            o.refs += 1;
        }
    }

    /// Drops a reference; returns the object when that was the last one, for the caller to
    /// release what it owns (its guest body).
    pub fn release(&mut self, id: ObjId) -> Option<Object> {
        let o = self.get_mut(id)?;
        o.refs = o.refs.saturating_sub(1);
        if o.refs > 0 || !o.waiters.is_empty() {
            return None;
        }
        let obj = self.slots[id as usize].take()?;
        if obj.body != 0 {
            self.bodies.remove(&obj.body);
        }
        self.free.push(id);
        Some(obj)
    }

    pub fn iter(&self) -> impl Iterator<Item = (ObjId, &Object)> {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, o)| Some((i as ObjId, o.as_ref()?)))
    }
}
