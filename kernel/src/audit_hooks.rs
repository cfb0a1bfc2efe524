//! Where the kernel meets the handle audit: building the audit's sites from kernel state, the
//! kind mapping, stack capture, and the live snapshot for the dump. Every hook call stays a
//! relaxed load and a branch while tracing is off (the closures below never run then).

use crate::audit::{
    self, walk_back_chain, FrameLayout, HandleKind, LiveHandle, LiveSnapshot, LiveWaiter, Site,
    Source,
};
use crate::objects::{Kind, ObjId, Tid};
use crate::state::State;
use oxenon_jit::Memory;

pub fn kind_of(kind: &Kind) -> Option<HandleKind> {
    Some(match kind {
        Kind::Event { manual: true } => HandleKind::EventManual,
        Kind::Event { manual: false } => HandleKind::EventAuto,
        Kind::Semaphore { .. } => HandleKind::Semaphore,
        Kind::Mutant { .. } => HandleKind::Mutant,
        Kind::Timer { manual: true, .. } => HandleKind::TimerManual,
        Kind::Timer { manual: false, .. } => HandleKind::TimerAuto,
        Kind::Thread { .. } => HandleKind::Thread,
        // Critical sections park threads through a path the audit does not follow.
        Kind::CriticalSection { .. } => return None,
    })
}

pub fn site(st: &State, tid: Tid, lr: u32, source: Source) -> Site {
    Site {
        cycle: st.clock.timebase(),
        tid,
        lr,
        source,
    }
}

/// The guest call stack at an export call. Titles built by the console's compiler save LR 8
/// bytes below the back-chain; 32-bit SysV code (the homebrew samples) 4 bytes above it in
/// the caller's frame. The layout whose first saved LR points into the image wins.
pub fn call_stack(mem: &Memory, sp: u32, lr: u32, image: (u32, u32)) -> Vec<u32> {
    let read = |a: u32| mem.read_u32(a).ok();
    let in_image = |a: u32| a >= image.0 && a < image.0.wrapping_add(image.1);
    let console = walk_back_chain(sp, lr, FrameLayout::XBOX360, audit::MAX_STACK_DEPTH, read);
    if console.get(1).is_some_and(|&a| in_image(a)) {
        return console;
    }
    let sysv = walk_back_chain(sp, lr, FrameLayout::SYSV32, audit::MAX_STACK_DEPTH, read);
    if sysv.get(1).is_some_and(|&a| in_image(a)) {
        sysv
    } else {
        console
    }
}

/// The guest thread behind a hook: its id, stack pointer and caller's LR.
#[derive(Clone, Copy, Debug)]
pub struct Caller {
    pub tid: Tid,
    pub sp: u32,
    pub lr: u32,
}

/// Records the creation of `id`, named `key`, by `by`.
pub fn created(st: &State, mem: &Memory, id: ObjId, key: u32, by: Caller, source: Source) {
    let Some(kind) = st.objects.get(id).and_then(|o| kind_of(&o.kind)) else {
        return;
    };
    audit::on_create(
        &st.audit,
        key,
        kind,
        || site(st, by.tid, by.lr, source),
        || call_stack(mem, by.sp, by.lr, st.image),
    );
}

pub fn signalled(st: &State, key: u32, tid: Tid, lr: u32, source: Source, previous: i32) {
    audit::on_signal(
        &st.audit,
        key,
        || site(st, tid, lr, source),
        previous as u32 as u64,
    );
}

/// What the kernel knows about every open handle and guest object right now.
pub fn snapshot(st: &State) -> LiveSnapshot {
    let mut live = LiveSnapshot::new();
    let mut add = |key: u32, id: ObjId| {
        let Some(o) = st.objects.get(id) else { return };
        let Some(kind) = kind_of(&o.kind) else { return };
        let waiters = o
            .waiters
            .iter()
            .map(|tid| LiveWaiter {
                tid: *tid,
                wait_lr: st
                    .threads
                    .get(tid)
                    .and_then(|t| t.wait.as_ref())
                    .map_or(0, |w| w.lr),
            })
            .collect();
        live.insert(
            key,
            LiveHandle {
                kind: Some(kind),
                signaled: o.signal > 0,
                waiters,
            },
        );
    };
    for (h, id) in st.objects.handles.iter() {
        add(h, id);
    }
    for (id, o) in st.objects.iter() {
        if o.key != 0 && st.objects.handles.get(o.key).is_none() {
            add(o.key, id);
        }
    }
    live
}

/// The audit sections of the dump (empty while tracing is off).
pub fn dump(st: &State) -> String {
    if !audit::enabled() {
        return String::new();
    }
    audit::render_dump(&st.audit, &snapshot(st))
}
