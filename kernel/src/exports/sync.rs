//! Events, semaphores, mutants and timers: the Nt (handle) forms and the Ke (guest object)
//! forms. Ke functions take a pointer to a dispatcher object in guest memory; the kernel
//! keeps the real state and maps the object's address to it (creating the mapping from the
//! header when the title initialised the object itself).

use super::{status, Call, Outcome, XBOXKRNL};
use crate::audit::Source;
use crate::audit_hooks;
use crate::objects::{Kind, ObjId, Object};
use crate::status::*;

exports! { XBOXKRNL;
    "NtCreateEvent" => nt_create_event,
    "NtSetEvent" => nt_set_event,
    "NtClearEvent" => nt_clear_event,
    "NtPulseEvent" => nt_pulse_event,
    "NtCreateSemaphore" => nt_create_semaphore,
    "NtReleaseSemaphore" => nt_release_semaphore,
    "NtCreateMutant" => nt_create_mutant,
    "NtReleaseMutant" => nt_release_mutant,
    "NtCreateTimer" => nt_create_timer,
    "NtSetTimerEx" => nt_set_timer_ex,
    "NtCancelTimer" => nt_cancel_timer,
    "NtClose" => nt_close,
    "KeInitializeEvent" => ke_initialize_event,
    "KeSetEvent" => ke_set_event,
    "KeResetEvent" => ke_reset_event,
    "KePulseEvent" => ke_pulse_event,
    "KeInitializeSemaphore" => ke_initialize_semaphore,
    "KeReleaseSemaphore" => ke_release_semaphore,
    "KeInitializeMutant" => ke_initialize_mutant,
    "KeReleaseMutant" => ke_release_mutant,
    "KeInitializeTimerEx" => ke_initialize_timer_ex,
    "KeSetTimer" => ke_set_timer,
    "KeSetTimerEx" => ke_set_timer_ex,
    "KeCancelTimer" => ke_cancel_timer,
}

/// Size of the guest bodies the kernel gives handle-based objects.
const BODY: u32 = 0x20;

fn create(c: &mut Call, handle_ptr: u32, kind: Kind, signal: i32, export: &'static str) -> Outcome {
    if handle_ptr == 0 {
        return Outcome::Return(u64::from(STATUS_INVALID_PARAMETER));
    }
    status(
        c.st.create_object(c.mem, kind, signal, BODY)
            .and_then(|(handle, id)| {
                let sp = c.ctx.gpr[1] as u32;
                let by = audit_hooks::Caller {
                    tid: c.tid,
                    sp,
                    lr: c.lr(),
                };
                audit_hooks::created(c.st, c.mem, id, handle, by, Source::export(export));
                c.write_u32(handle_ptr, handle).map(|_| STATUS_SUCCESS)
            }),
    )
}

/// Records a signal attempt on `id` by the calling thread.
fn audit_signal(c: &Call, id: ObjId, export: &'static str, previous: i32) {
    let key = c.st.objects.get(id).map_or(0, |o| o.key);
    audit_hooks::signalled(c.st, key, c.tid, c.lr(), Source::export(export), previous);
}

/// The object behind a handle, checked against the expected kind.
fn by_handle(c: &Call, handle: u32, ok: fn(&Kind) -> bool) -> Result<ObjId, u32> {
    let id = c.st.object_of(c.tid, handle)?;
    match c.st.objects.get(id) {
        Some(o) if ok(&o.kind) => Ok(id),
        _ => Err(STATUS_OBJECT_TYPE_MISMATCH),
    }
}

fn is_event(k: &Kind) -> bool {
    matches!(k, Kind::Event { .. })
}
fn is_semaphore(k: &Kind) -> bool {
    matches!(k, Kind::Semaphore { .. })
}
fn is_mutant(k: &Kind) -> bool {
    matches!(k, Kind::Mutant { .. })
}
fn is_timer(k: &Kind) -> bool {
    matches!(k, Kind::Timer { .. })
}

/// The kernel object for a guest dispatcher object at `body`, registering one from its header
/// if the kernel has not seen it (an object the title initialised in its own memory).
pub fn guest_object(c: &mut Call, body: u32) -> Result<ObjId, u32> {
    if let Some(id) = c.st.objects.by_body(body) {
        return Ok(id);
    }
    let kind_byte = c.mem.read_u8(body).map_err(|_| STATUS_ACCESS_VIOLATION)?;
    let signal = c.read_u32(body + 4)? as i32;
    let kind = match kind_byte {
        0 => Kind::Event { manual: true },
        1 => Kind::Event { manual: false },
        2 => Kind::Mutant {
            owner: None,
            recursion: 0,
            abandoned: false,
        },
        5 => Kind::Semaphore {
            maximum: c.read_u32(body + 0x10)? as i32,
        },
        8 | 9 => Kind::Timer {
            manual: kind_byte == 8,
            period_100ns: 0,
            generation: 0,
            armed: false,
        },
        _ => return Err(STATUS_OBJECT_TYPE_MISMATCH),
    };
    Ok(register_guest(c, body, kind, signal))
}

fn register_guest(c: &mut Call, body: u32, kind: Kind, signal: i32) -> ObjId {
    if let Some(old) = c.st.objects.by_body(body) {
        // Re-initialising an object the kernel knows: start over unless threads wait on it.
        if let Some(o) = c.st.objects.get_mut(old) {
            if o.waiters.is_empty() {
                o.kind = kind;
                o.signal = signal;
            }
        }
        c.st.sync_header(c.mem, old);
        return old;
    }
    let mut obj = Object::new(kind, signal);
    obj.body = body;
    obj.key = body;
    // Guest memory owns the object: it lives as long as the kernel run.
    obj.refs = 1;
    let id = c.st.objects.insert(obj);
    c.st.sync_header(c.mem, id);
    id
}

fn write_header(c: &Call, body: u32, kind: &Kind, signal: i32) -> Result<(), u32> {
    c.mem
        .write_u8(body, kind.header_type())
        .map_err(|_| STATUS_ACCESS_VIOLATION)?;
    c.write_u32(body + 4, signal as u32)?;
    // An empty wait list points at itself.
    c.write_u32(body + 8, body + 8)?;
    c.write_u32(body + 12, body + 8)
}

// ----- events -----

fn set_event(c: &mut Call, id: ObjId) -> i32 {
    let prev = c.st.objects.get(id).map_or(0, |o| o.signal);
    audit_signal(c, id, c.st.current_export, prev);
    if let Some(o) = c.st.objects.get_mut(id) {
        o.signal = 1;
    }
    c.st.signalled(c.mem, id);
    prev
}

fn pulse_event(c: &mut Call, id: ObjId) -> i32 {
    let prev = set_event(c, id);
    if let Some(o) = c.st.objects.get_mut(id) {
        o.signal = 0;
    }
    c.st.sync_header(c.mem, id);
    prev
}

fn reset_event(c: &mut Call, id: ObjId) -> i32 {
    let prev = c.st.objects.get(id).map_or(0, |o| o.signal);
    if let Some(o) = c.st.objects.get_mut(id) {
        o.signal = 0;
    }
    c.st.sync_header(c.mem, id);
    prev
}

/// NtCreateEvent(PHANDLE, POBJECT_ATTRIBUTES, EVENT_TYPE (0 notification, 1 synchronization),
/// BOOLEAN initial_state).
fn nt_create_event(c: &mut Call) -> Outcome {
    let (h, ty, initial) = (c.arg(0), c.arg(2), c.arg(3) & 0xFF);
    if ty > 1 {
        return Outcome::Return(u64::from(STATUS_INVALID_PARAMETER));
    }
    create(
        c,
        h,
        Kind::Event { manual: ty == 0 },
        i32::from(initial != 0),
        "NtCreateEvent",
    )
}

fn nt_event_op(c: &mut Call, op: fn(&mut Call, ObjId) -> i32, prev_ptr: Option<u32>) -> Outcome {
    status(by_handle(c, c.arg(0), is_event).and_then(|id| {
        let prev = op(c, id);
        if let Some(p) = prev_ptr {
            c.out_u32(p, prev as u32)?;
        }
        Ok(STATUS_SUCCESS)
    }))
}

fn nt_set_event(c: &mut Call) -> Outcome {
    let p = c.arg(1);
    nt_event_op(c, set_event, Some(p))
}

fn nt_clear_event(c: &mut Call) -> Outcome {
    nt_event_op(c, reset_event, None)
}

fn nt_pulse_event(c: &mut Call) -> Outcome {
    let p = c.arg(1);
    nt_event_op(c, pulse_event, Some(p))
}

/// KeInitializeEvent(PKEVENT, EVENT_TYPE, BOOLEAN state).
fn ke_initialize_event(c: &mut Call) -> Outcome {
    let (body, ty, state) = (c.arg(0), c.arg(1), c.arg(2) & 0xFF);
    let kind = Kind::Event { manual: ty == 0 };
    let signal = i32::from(state != 0);
    if write_header(c, body, &kind, signal).is_ok() {
        register_guest(c, body, kind, signal);
    }
    Outcome::Return(0)
}

fn ke_event_op(c: &mut Call, op: fn(&mut Call, ObjId) -> i32) -> Outcome {
    match guest_object(c, c.arg(0)) {
        Ok(id) if c.st.objects.get(id).is_some_and(|o| is_event(&o.kind)) => {
            Outcome::Return(u64::from(op(c, id) as u32))
        }
        _ => Outcome::Return(0),
    }
}

/// KeSetEvent(PKEVENT, increment, wait) -> previous state.
fn ke_set_event(c: &mut Call) -> Outcome {
    ke_event_op(c, set_event)
}

fn ke_reset_event(c: &mut Call) -> Outcome {
    ke_event_op(c, reset_event)
}

fn ke_pulse_event(c: &mut Call) -> Outcome {
    ke_event_op(c, pulse_event)
}

// ----- semaphores -----

fn release_semaphore(c: &mut Call, id: ObjId, count: i32) -> Result<i32, u32> {
    let o = c.st.objects.get_mut(id).ok_or(STATUS_INVALID_HANDLE)?;
    let Kind::Semaphore { maximum } = o.kind else {
        return Err(STATUS_OBJECT_TYPE_MISMATCH);
    };
    let prev = o.signal;
    audit_signal(c, id, c.st.current_export, prev);
    let o = c.st.objects.get_mut(id).ok_or(STATUS_INVALID_HANDLE)?;
    if count <= 0 {
        return Err(STATUS_INVALID_PARAMETER);
    }
    if i64::from(prev) + i64::from(count) > i64::from(maximum) {
        return Err(STATUS_SEMAPHORE_LIMIT_EXCEEDED);
    }
    o.signal = prev + count;
    c.st.signalled(c.mem, id);
    Ok(prev)
}

/// NtCreateSemaphore(PHANDLE, POBJECT_ATTRIBUTES, initial, maximum).
fn nt_create_semaphore(c: &mut Call) -> Outcome {
    let (h, initial, maximum) = (c.arg(0), c.arg(2) as i32, c.arg(3) as i32);
    if maximum <= 0 || initial < 0 || initial > maximum {
        return Outcome::Return(u64::from(STATUS_INVALID_PARAMETER));
    }
    create(
        c,
        h,
        Kind::Semaphore { maximum },
        initial,
        "NtCreateSemaphore",
    )
}

/// NtReleaseSemaphore(handle, count, PLONG previous).
fn nt_release_semaphore(c: &mut Call) -> Outcome {
    let (count, prev_ptr) = (c.arg(1) as i32, c.arg(2));
    status(by_handle(c, c.arg(0), is_semaphore).and_then(|id| {
        let prev = release_semaphore(c, id, count)?;
        c.out_u32(prev_ptr, prev as u32)?;
        Ok(STATUS_SUCCESS)
    }))
}

/// KeInitializeSemaphore(PKSEMAPHORE, count, limit).
fn ke_initialize_semaphore(c: &mut Call) -> Outcome {
    let (body, count, limit) = (c.arg(0), c.arg(1) as i32, c.arg(2) as i32);
    let kind = Kind::Semaphore { maximum: limit };
    if write_header(c, body, &kind, count).is_ok() && c.write_u32(body + 0x10, limit as u32).is_ok()
    {
        register_guest(c, body, kind, count);
    }
    Outcome::Return(0)
}

/// KeReleaseSemaphore(PKSEMAPHORE, increment, adjustment, wait) -> previous count.
fn ke_release_semaphore(c: &mut Call) -> Outcome {
    let adjustment = c.arg(2) as i32;
    match guest_object(c, c.arg(0)) {
        Ok(id) => match release_semaphore(c, id, adjustment) {
            Ok(prev) => Outcome::Return(u64::from(prev as u32)),
            Err(_) => Outcome::Return(0),
        },
        Err(_) => Outcome::Return(0),
    }
}

// ----- mutants -----

fn release_mutant(c: &mut Call, id: ObjId, abandon: bool) -> Result<i32, u32> {
    let tid = c.tid;
    let before = c.st.objects.get(id).map_or(0, |o| o.signal);
    audit_signal(c, id, c.st.current_export, before);
    let o = c.st.objects.get_mut(id).ok_or(STATUS_INVALID_HANDLE)?;
    let Kind::Mutant {
        owner,
        recursion,
        abandoned,
    } = &mut o.kind
    else {
        return Err(STATUS_OBJECT_TYPE_MISMATCH);
    };
    if *owner != Some(tid) {
        return Err(STATUS_MUTANT_NOT_OWNED);
    }
    let prev = 1 - *recursion as i32;
    *recursion -= 1;
    if *recursion == 0 || abandon {
        *recursion = 0;
        *owner = None;
        *abandoned = abandon;
        o.signal = 1;
        c.st.signalled(c.mem, id);
    }
    Ok(prev)
}

/// NtCreateMutant(PHANDLE, POBJECT_ATTRIBUTES, BOOLEAN initial_owner).
fn nt_create_mutant(c: &mut Call) -> Outcome {
    let (h, own) = (c.arg(0), c.arg(2) & 0xFF != 0);
    let kind = Kind::Mutant {
        owner: own.then_some(c.tid),
        recursion: u32::from(own),
        abandoned: false,
    };
    create(c, h, kind, i32::from(!own), "NtCreateMutant")
}

/// NtReleaseMutant(handle, PLONG previous).
fn nt_release_mutant(c: &mut Call) -> Outcome {
    let prev_ptr = c.arg(1);
    status(by_handle(c, c.arg(0), is_mutant).and_then(|id| {
        let prev = release_mutant(c, id, false)?;
        c.out_u32(prev_ptr, prev as u32)?;
        Ok(STATUS_SUCCESS)
    }))
}

/// KeInitializeMutant(PKMUTANT, BOOLEAN initial_owner).
fn ke_initialize_mutant(c: &mut Call) -> Outcome {
    let (body, own) = (c.arg(0), c.arg(1) & 0xFF != 0);
    let kind = Kind::Mutant {
        owner: own.then_some(c.tid),
        recursion: u32::from(own),
        abandoned: false,
    };
    let signal = i32::from(!own);
    if write_header(c, body, &kind, signal).is_ok() {
        register_guest(c, body, kind, signal);
    }
    Outcome::Return(0)
}

/// KeReleaseMutant(PKMUTANT, increment, abandoned, wait) -> previous state.
fn ke_release_mutant(c: &mut Call) -> Outcome {
    let abandon = c.arg(2) & 0xFF != 0;
    match guest_object(c, c.arg(0)).and_then(|id| release_mutant(c, id, abandon)) {
        Ok(prev) => Outcome::Return(u64::from(prev as u32)),
        Err(_) => Outcome::Return(0),
    }
}

// ----- timers -----

fn timer_kind(manual: bool) -> Kind {
    Kind::Timer {
        manual,
        period_100ns: 0,
        generation: 0,
        armed: false,
    }
}

/// NtCreateTimer(PHANDLE, POBJECT_ATTRIBUTES, TIMER_TYPE (0 notification, 1 synchronization)).
fn nt_create_timer(c: &mut Call) -> Outcome {
    let (h, ty) = (c.arg(0), c.arg(2));
    if ty > 1 {
        return Outcome::Return(u64::from(STATUS_INVALID_PARAMETER));
    }
    create(c, h, timer_kind(ty == 0), 0, "NtCreateTimer")
}

/// Arms a timer: `due` is an NT time (negative relative), `period_ms` repeats.
fn set_timer(c: &mut Call, id: ObjId, due: i64, period_ms: u32) -> bool {
    let deadline = c.st.clock.deadline(due);
    c.st.arm_timer(id, deadline, u64::from(period_ms) * 10_000)
}

/// NtSetTimerEx(handle, PLARGE_INTEGER due, apc_routine, apc_mode, apc_context, resume,
/// period_ms, PBOOLEAN previous_state). APC routines are not delivered (no APC support):
/// a non-null routine is logged.
fn nt_set_timer_ex(c: &mut Call) -> Outcome {
    let (due_ptr, apc, period, prev_ptr) = (c.arg(1), c.arg(2), c.arg(6), c.arg(7));
    if apc != 0 {
        tracing::warn!("NtSetTimerEx: timer APC routine {apc:#010x} will not be called");
    }
    status(by_handle(c, c.arg(0), is_timer).and_then(|id| {
        let due = c.read_u64(due_ptr)? as i64;
        let prev_state = c.st.objects.get(id).map_or(0, |o| o.signal);
        set_timer(c, id, due, period);
        c.st.sync_header(c.mem, id);
        if prev_ptr != 0 {
            c.mem
                .write_u8(prev_ptr, u8::from(prev_state > 0))
                .map_err(|_| STATUS_ACCESS_VIOLATION)?;
        }
        Ok(STATUS_SUCCESS)
    }))
}

/// NtCancelTimer(handle, PBOOLEAN current_state).
fn nt_cancel_timer(c: &mut Call) -> Outcome {
    let state_ptr = c.arg(1);
    status(by_handle(c, c.arg(0), is_timer).and_then(|id| {
        c.st.cancel_timer(id);
        let signal = c.st.objects.get(id).map_or(0, |o| o.signal);
        if state_ptr != 0 {
            c.mem
                .write_u8(state_ptr, u8::from(signal > 0))
                .map_err(|_| STATUS_ACCESS_VIOLATION)?;
        }
        Ok(STATUS_SUCCESS)
    }))
}

/// KeInitializeTimerEx(PKTIMER, TIMER_TYPE).
fn ke_initialize_timer_ex(c: &mut Call) -> Outcome {
    let (body, ty) = (c.arg(0), c.arg(1));
    let kind = timer_kind(ty == 0);
    if write_header(c, body, &kind, 0).is_ok() {
        register_guest(c, body, kind, 0);
    }
    Outcome::Return(0)
}

/// KeSetTimer(PKTIMER, LARGE_INTEGER due (by value, one 64-bit register), PKDPC) -> BOOLEAN
/// whether it was armed.
fn ke_set_timer(c: &mut Call) -> Outcome {
    let due = c.arg64(1) as i64;
    match guest_object(c, c.arg(0)) {
        Ok(id) => Outcome::Return(u64::from(set_timer(c, id, due, 0))),
        Err(_) => Outcome::Return(0),
    }
}

/// KeSetTimerEx(PKTIMER, LARGE_INTEGER due, LONG period_ms, PKDPC).
fn ke_set_timer_ex(c: &mut Call) -> Outcome {
    let (due, period) = (c.arg64(1) as i64, c.arg(2));
    match guest_object(c, c.arg(0)) {
        Ok(id) => Outcome::Return(u64::from(set_timer(c, id, due, period))),
        Err(_) => Outcome::Return(0),
    }
}

fn ke_cancel_timer(c: &mut Call) -> Outcome {
    match guest_object(c, c.arg(0)) {
        Ok(id) => Outcome::Return(u64::from(c.st.cancel_timer(id))),
        Err(_) => Outcome::Return(0),
    }
}

/// NtClose(handle).
fn nt_close(c: &mut Call) -> Outcome {
    let (h, tid, lr) = (c.arg(0), c.tid, c.lr());
    crate::audit::on_close(&c.st.audit, h, || {
        audit_hooks::site(c.st, tid, lr, Source::export("NtClose"))
    });
    Outcome::Return(u64::from(c.st.close_handle(c.mem, c.arg(0))))
}
