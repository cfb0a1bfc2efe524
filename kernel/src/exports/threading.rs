//! Threads: creation, exit, suspension, placement, priority, delays and TLS.

use super::{status, Call, Outcome, XBOXKRNL};
use crate::loader::THREAD_EXIT_STUB;
use crate::objects::{Kind, Tid};
use crate::state::ThreadStart;
use crate::status::*;
use crate::threads::{ThreadState, Wait};

exports! { XBOXKRNL;
    "ExCreateThread" => ex_create_thread,
    "ExTerminateThread" => ex_terminate_thread,
    "NtSuspendThread" => nt_suspend_thread,
    "NtResumeThread" => nt_resume_thread,
    "KeSuspendThread" => ke_suspend_thread,
    "KeResumeThread" => ke_resume_thread,
    "KeSetAffinityThread" => ke_set_affinity_thread,
    "KeSetBasePriorityThread" => ke_set_base_priority_thread,
    "KeQueryBasePriorityThread" => ke_query_base_priority_thread,
    "KeDelayExecutionThread" => ke_delay_execution_thread,
    "NtYieldExecution" => nt_yield_execution,
    "KeGetCurrentProcessType" => ke_get_current_process_type,
    "ObReferenceObjectByHandle" => ob_reference_object_by_handle,
    "ObDereferenceObject" => ob_dereference_object,
    "KeTlsAlloc" => ke_tls_alloc,
    "KeTlsFree" => ke_tls_free,
    "KeTlsGetValue" => ke_tls_get_value,
    "KeTlsSetValue" => ke_tls_set_value,
}

const CREATE_SUSPENDED: u32 = 1;
/// Stack size when a title passes 0 (the XEX default stack size applies to the main thread).
const DEFAULT_THREAD_STACK: u32 = 64 * 1024;

/// ExCreateThread(PHANDLE handle, stack_size, PDWORD thread_id, xapi_startup, start_address,
/// start_context, creation_flags). With an XAPI startup routine the thread begins there with
/// (start_address, start_context); otherwise at start_address with start_context.
fn ex_create_thread(c: &mut Call) -> Outcome {
    let (handle_ptr, stack, id_ptr) = (c.arg(0), c.arg(1), c.arg(2));
    let (startup, start, context, flags) = (c.arg(3), c.arg(4), c.arg(5), c.arg(6));
    if start == 0 && startup == 0 {
        return Outcome::Return(u64::from(STATUS_INVALID_PARAMETER));
    }
    let (entry, r3, r4) = if startup != 0 {
        (startup, u64::from(start), u64::from(context))
    } else {
        (start, u64::from(context), 0)
    };
    let hw = c.st.threads.get(&c.tid).map_or(0, |t| t.hw);
    let created = c.st.create_thread(
        c.mem,
        ThreadStart {
            entry,
            r3,
            r4,
            stack_size: if stack == 0 {
                DEFAULT_THREAD_STACK
            } else {
                stack
            },
            hw,
            suspended: flags & CREATE_SUSPENDED != 0,
            return_to: THREAD_EXIT_STUB,
        },
    );
    status(created.and_then(|(tid, handle)| {
        if let Some(id) = c.st.objects.handles.get(handle) {
            let (sp, lr) = (c.ctx.gpr[1] as u32, c.lr());
            let source = crate::audit::Source::export("ExCreateThread");
            let by = crate::audit_hooks::Caller { tid: c.tid, sp, lr };
            crate::audit_hooks::created(c.st, c.mem, id, handle, by, source);
        }
        c.out_u32(handle_ptr, handle)?;
        c.out_u32(id_ptr, tid)?;
        Ok(STATUS_SUCCESS)
    }))
}

fn ex_terminate_thread(c: &mut Call) -> Outcome {
    Outcome::ExitThread(c.arg(0))
}

/// The thread a handle names.
fn thread_of_handle(c: &Call, handle: u32) -> Result<Tid, u32> {
    let id = c.st.object_of(c.tid, handle)?;
    match c.st.objects.get(id).map(|o| &o.kind) {
        Some(Kind::Thread { tid }) => Ok(*tid),
        _ => Err(STATUS_OBJECT_TYPE_MISMATCH),
    }
}

/// The thread whose thread block (KTHREAD) is at `body`.
fn thread_of_body(c: &Call, body: u32) -> Option<Tid> {
    let id = c.st.objects.by_body(body)?;
    match c.st.objects.get(id).map(|o| &o.kind) {
        Some(Kind::Thread { tid }) => Some(*tid),
        _ => None,
    }
}

fn suspend(c: &mut Call, tid: Tid) -> Result<u32, u32> {
    let t = c.st.threads.get_mut(&tid).ok_or(STATUS_INVALID_HANDLE)?;
    if t.state == ThreadState::Terminated {
        return Err(STATUS_THREAD_IS_TERMINATING);
    }
    if t.suspend_count >= 127 {
        return Err(STATUS_SUSPEND_COUNT_EXCEEDED);
    }
    let prev = t.suspend_count;
    t.suspend_count += 1;
    if t.state == ThreadState::Ready {
        t.state = ThreadState::Suspended;
    }
    // A running thread (this one, or one on another worker) stops at its next scheduling
    // point; a waiting one stays parked and is suspended when its wait ends.
    Ok(prev)
}

fn resume(c: &mut Call, tid: Tid) -> Result<u32, u32> {
    let t = c.st.threads.get_mut(&tid).ok_or(STATUS_INVALID_HANDLE)?;
    let prev = t.suspend_count;
    if prev > 0 {
        t.suspend_count -= 1;
        if t.suspend_count == 0 && t.state == ThreadState::Suspended {
            if t.wait.is_some() {
                t.state = ThreadState::Waiting;
            } else {
                c.st.make_ready(tid);
            }
        }
    }
    Ok(prev)
}

fn self_suspended(c: &Call, target: Tid) -> bool {
    target == c.tid
        && c.st
            .threads
            .get(&c.tid)
            .is_some_and(|t| t.suspend_count > 0)
}

fn nt_suspend_thread(c: &mut Call) -> Outcome {
    let (handle, prev_ptr) = (c.arg(0), c.arg(1));
    let r = thread_of_handle(c, handle)
        .and_then(|tid| suspend(c, tid).map(|p| (tid, p)))
        .and_then(|(tid, prev)| c.out_u32(prev_ptr, prev).map(|_| tid));
    match r {
        Ok(tid) if self_suspended(c, tid) => {
            c.ctx.gpr[3] = u64::from(STATUS_SUCCESS);
            Outcome::Yield
        }
        Ok(_) => Outcome::Return(u64::from(STATUS_SUCCESS)),
        Err(e) => Outcome::Return(u64::from(e)),
    }
}

fn nt_resume_thread(c: &mut Call) -> Outcome {
    let (handle, prev_ptr) = (c.arg(0), c.arg(1));
    status(
        thread_of_handle(c, handle)
            .and_then(|tid| resume(c, tid))
            .and_then(|prev| c.out_u32(prev_ptr, prev))
            .map(|_| STATUS_SUCCESS),
    )
}

/// KeSuspendThread(PKTHREAD) -> previous suspend count.
fn ke_suspend_thread(c: &mut Call) -> Outcome {
    let Some(tid) = thread_of_body(c, c.arg(0)) else {
        return Outcome::Return(0);
    };
    let prev = suspend(c, tid).unwrap_or(0);
    if self_suspended(c, tid) {
        c.ctx.gpr[3] = u64::from(prev);
        return Outcome::Yield;
    }
    Outcome::Return(u64::from(prev))
}

fn ke_resume_thread(c: &mut Call) -> Outcome {
    let Some(tid) = thread_of_body(c, c.arg(0)) else {
        return Outcome::Return(0);
    };
    Outcome::Return(u64::from(resume(c, tid).unwrap_or(0)))
}

/// KeSetAffinityThread(PKTHREAD, KAFFINITY, PKAFFINITY previous) -> NTSTATUS: the console's
/// form returns the previous mask through the pointer. The thread moves to the lowest hardware
/// thread in the mask; if it is the caller, at once.
fn ke_set_affinity_thread(c: &mut Call) -> Outcome {
    let (mask, prev_ptr) = (c.arg(1) & 0x3F, c.arg(2));
    if mask == 0 {
        return Outcome::Return(u64::from(STATUS_INVALID_PARAMETER));
    }
    let Some(tid) = thread_of_body(c, c.arg(0)) else {
        return Outcome::Return(u64::from(STATUS_INVALID_HANDLE));
    };
    let prev = c.st.set_affinity(tid, mask as u8).unwrap_or(0);
    if let Err(e) = c.out_u32(prev_ptr, u32::from(prev)) {
        return Outcome::Return(u64::from(e));
    }
    let moved =
        c.st.threads
            .get(&tid)
            .is_some_and(|t| t.hw as usize != c.hw);
    if tid == c.tid && moved {
        c.ctx.gpr[3] = u64::from(STATUS_SUCCESS);
        return Outcome::Yield;
    }
    Outcome::Return(u64::from(STATUS_SUCCESS))
}

/// KeSetBasePriorityThread(PKTHREAD, increment) -> the previous increment.
fn ke_set_base_priority_thread(c: &mut Call) -> Outcome {
    let Some(tid) = thread_of_body(c, c.arg(0)) else {
        return Outcome::Return(0);
    };
    let increment = (c.arg(1) as i32).clamp(-16, 16);
    let Some(t) = c.st.threads.get_mut(&tid) else {
        return Outcome::Return(0);
    };
    let prev = t.priority;
    t.priority = increment;
    Outcome::Return(u64::from(prev as u32))
}

fn ke_query_base_priority_thread(c: &mut Call) -> Outcome {
    let p = thread_of_body(c, c.arg(0))
        .and_then(|tid| c.st.threads.get(&tid))
        .map_or(0, |t| t.priority);
    Outcome::Return(u64::from(p as u32))
}

/// KeDelayExecutionThread(mode, alertable, PLARGE_INTEGER interval).
fn ke_delay_execution_thread(c: &mut Call) -> Outcome {
    let (alertable, interval_ptr) = (c.arg(1) != 0, c.arg(2));
    let interval = match c.read_u64(interval_ptr) {
        Ok(v) => v as i64,
        Err(e) => return Outcome::Return(u64::from(e)),
    };
    if interval == 0 {
        c.ctx.gpr[3] = u64::from(STATUS_SUCCESS);
        return Outcome::Yield;
    }
    let deadline = c.st.clock.deadline(interval);
    let wait = Wait {
        objects: Vec::new(),
        names: Vec::new(),
        all: false,
        alertable,
        deadline: Some(deadline),
        timeout_status: STATUS_SUCCESS,
        seq: 0,
        source: "KeDelayExecutionThread",
        lr: c.lr(),
    };
    match c.st.begin_wait(c.mem, c.tid, wait) {
        Some(s) => Outcome::Return(u64::from(s)),
        None => Outcome::Block,
    }
}

fn nt_yield_execution(c: &mut Call) -> Outcome {
    c.ctx.gpr[3] = u64::from(STATUS_SUCCESS);
    Outcome::Yield
}

/// Titles run as the title process (type 1).
fn ke_get_current_process_type(_c: &mut Call) -> Outcome {
    Outcome::Return(1)
}

/// ObReferenceObjectByHandle(handle, object_type, PVOID* object): the object's body address.
fn ob_reference_object_by_handle(c: &mut Call) -> Outcome {
    let (handle, out) = (c.arg(0), c.arg(2));
    status(c.st.object_of(c.tid, handle).and_then(|id| {
        let body = c.st.objects.get(id).map_or(0, |o| o.body);
        c.out_u32(out, body)?;
        c.st.objects.add_ref(id);
        Ok(STATUS_SUCCESS)
    }))
}

fn ob_dereference_object(c: &mut Call) -> Outcome {
    if let Some(id) = c.st.objects.by_body(c.arg(0)) {
        c.st.release_object(c.mem, id);
    }
    Outcome::Return(0)
}

/// KeTlsAlloc() -> slot index, or 0xFFFFFFFF when none is free.
fn ke_tls_alloc(c: &mut Call) -> Outcome {
    let slot = c.st.tls_alloc();
    if let Some(s) = slot {
        // A new slot reads as zero in every thread.
        let arrays: Vec<u32> = c.st.threads.values().map(|t| t.tls).collect();
        for a in arrays {
            let _ = c.write_u32(a + 4 * s, 0);
        }
    }
    Outcome::Return(u64::from(slot.unwrap_or(u32::MAX)))
}

fn ke_tls_free(c: &mut Call) -> Outcome {
    Outcome::Return(u64::from(c.st.tls_free(c.arg(0))))
}

fn tls_slot(c: &Call, slot: u32) -> Option<u32> {
    if !c.st.tls_in_use(slot) {
        return None;
    }
    c.st.threads.get(&c.tid).map(|t| t.tls + 4 * slot)
}

fn ke_tls_get_value(c: &mut Call) -> Outcome {
    let v = tls_slot(c, c.arg(0)).map_or(0, |a| c.read_u32(a).unwrap_or(0));
    Outcome::Return(u64::from(v))
}

/// KeTlsSetValue(slot, value) -> BOOL.
fn ke_tls_set_value(c: &mut Call) -> Outcome {
    let ok = tls_slot(c, c.arg(0)).is_some_and(|a| c.write_u32(a, c.arg(1)).is_ok());
    Outcome::Return(u64::from(ok))
}
