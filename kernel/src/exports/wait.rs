//! Waits on dispatcher objects: the Nt (handle) and Ke (object pointer) forms.
//!
//! A wait that cannot be satisfied at once parks the calling thread (`Outcome::Block`); the
//! object's signal or the timeout later completes it with the status in r3.

use super::sync::guest_object;
use super::{Call, Outcome, XBOXKRNL};
use crate::objects::ObjId;
use crate::status::*;
use crate::threads::Wait;

exports! { XBOXKRNL;
    "NtWaitForSingleObjectEx" => nt_wait_for_single_object_ex,
    "NtWaitForMultipleObjectsEx" => nt_wait_for_multiple_objects_ex,
    "KeWaitForSingleObject" => ke_wait_for_single_object,
    "KeWaitForMultipleObjects" => ke_wait_for_multiple_objects,
    "NtSignalAndWaitForSingleObjectEx" => nt_signal_and_wait_for_single_object_ex,
}

/// The most objects one wait may name (MAXIMUM_WAIT_OBJECTS).
const MAX_WAIT_OBJECTS: u32 = 64;
/// Objects, the names the title used for them, and the timeout.
type WaitArgs = (Vec<ObjId>, Vec<u32>, Option<i64>);
const WAIT_ALL: u32 = 0;
const WAIT_ANY: u32 = 1;

/// Reads an optional PLARGE_INTEGER timeout: `None` waits forever.
fn timeout(c: &Call, ptr: u32) -> Result<Option<i64>, u32> {
    if ptr == 0 {
        return Ok(None);
    }
    Ok(Some(c.read_u64(ptr)? as i64))
}

fn wait(
    c: &mut Call,
    objects: Vec<ObjId>,
    names: Vec<u32>,
    all: bool,
    alertable: bool,
    timeout: Option<i64>,
    source: &'static str,
) -> Outcome {
    let deadline = timeout.map(|t| c.st.clock.deadline(t));
    let w = Wait {
        objects,
        names,
        all,
        alertable,
        deadline,
        timeout_status: STATUS_TIMEOUT,
        seq: 0,
        source,
        lr: c.lr(),
    };
    match c.st.begin_wait(c.mem, c.tid, w) {
        Some(s) => Outcome::Return(u64::from(s)),
        None => Outcome::Block,
    }
}

/// NtWaitForSingleObjectEx(handle, wait_mode, alertable, PLARGE_INTEGER timeout).
fn nt_wait_for_single_object_ex(c: &mut Call) -> Outcome {
    let (handle, alertable, t) = (c.arg(0), c.arg(2) & 0xFF != 0, c.arg(3));
    let r =
        c.st.object_of(c.tid, handle)
            .and_then(|id| Ok((id, timeout(c, t)?)));
    match r {
        Ok((id, t)) => wait(
            c,
            vec![id],
            vec![handle],
            false,
            alertable,
            t,
            "NtWaitForSingleObjectEx",
        ),
        Err(e) => Outcome::Return(u64::from(e)),
    }
}

/// NtWaitForMultipleObjectsEx(count, PHANDLE handles, wait_type (0 all, 1 any), wait_mode,
/// alertable, PLARGE_INTEGER timeout).
fn nt_wait_for_multiple_objects_ex(c: &mut Call) -> Outcome {
    let (count, array, ty) = (c.arg(0), c.arg(1), c.arg(2));
    let (alertable, t) = (c.arg(4) & 0xFF != 0, c.arg(5));
    if count == 0 || count > MAX_WAIT_OBJECTS || (ty != WAIT_ALL && ty != WAIT_ANY) {
        return Outcome::Return(u64::from(STATUS_INVALID_PARAMETER));
    }
    let r: Result<WaitArgs, u32> = (|| {
        let mut ids = Vec::new();
        let mut names = Vec::new();
        for i in 0..count {
            let h = c.read_u32(array + 4 * i)?;
            let id = c.st.object_of(c.tid, h)?;
            if ty == WAIT_ALL && ids.contains(&id) {
                return Err(STATUS_INVALID_PARAMETER_MIX);
            }
            ids.push(id);
            names.push(h);
        }
        Ok((ids, names, timeout(c, t)?))
    })();
    match r {
        Ok((ids, names, t)) => wait(
            c,
            ids,
            names,
            ty == WAIT_ALL,
            alertable,
            t,
            "NtWaitForMultipleObjectsEx",
        ),
        Err(e) => Outcome::Return(u64::from(e)),
    }
}

/// KeWaitForSingleObject(PVOID object, reason, mode, alertable, PLARGE_INTEGER timeout).
fn ke_wait_for_single_object(c: &mut Call) -> Outcome {
    let (body, alertable, t) = (c.arg(0), c.arg(3) & 0xFF != 0, c.arg(4));
    let r = guest_object(c, body).and_then(|id| Ok((id, timeout(c, t)?)));
    match r {
        Ok((id, t)) => wait(
            c,
            vec![id],
            vec![body],
            false,
            alertable,
            t,
            "KeWaitForSingleObject",
        ),
        Err(e) => Outcome::Return(u64::from(e)),
    }
}

/// KeWaitForMultipleObjects(count, PVOID objects[], wait_type, reason, mode, alertable,
/// PLARGE_INTEGER timeout, wait_blocks).
fn ke_wait_for_multiple_objects(c: &mut Call) -> Outcome {
    let (count, array, ty) = (c.arg(0), c.arg(1), c.arg(2));
    let (alertable, t) = (c.arg(5) & 0xFF != 0, c.arg(6));
    if count == 0 || count > MAX_WAIT_OBJECTS || (ty != WAIT_ALL && ty != WAIT_ANY) {
        return Outcome::Return(u64::from(STATUS_INVALID_PARAMETER));
    }
    let r: Result<WaitArgs, u32> = (|| {
        let mut ids = Vec::new();
        let mut names = Vec::new();
        for i in 0..count {
            let body = c.read_u32(array + 4 * i)?;
            ids.push(guest_object(c, body)?);
            names.push(body);
        }
        Ok((ids, names, timeout(c, t)?))
    })();
    match r {
        Ok((ids, names, t)) => wait(
            c,
            ids,
            names,
            ty == WAIT_ALL,
            alertable,
            t,
            "KeWaitForMultipleObjects",
        ),
        Err(e) => Outcome::Return(u64::from(e)),
    }
}

/// NtSignalAndWaitForSingleObjectEx(signal_handle, wait_handle, mode, alertable, timeout):
/// signals an event, releases a semaphore by one or a mutant, then waits.
fn nt_signal_and_wait_for_single_object_ex(c: &mut Call) -> Outcome {
    use crate::objects::Kind;
    let (sh, wh, alertable, t) = (c.arg(0), c.arg(1), c.arg(3) & 0xFF != 0, c.arg(4));
    let r: Result<(ObjId, Option<i64>), u32> = (|| {
        let sid = c.st.object_of(c.tid, sh)?;
        let wid = c.st.object_of(c.tid, wh)?;
        let tid = c.tid;
        let o = c.st.objects.get_mut(sid).ok_or(STATUS_INVALID_HANDLE)?;
        match &mut o.kind {
            Kind::Event { .. } => o.signal = 1,
            Kind::Semaphore { maximum } => {
                if o.signal >= *maximum {
                    return Err(STATUS_SEMAPHORE_LIMIT_EXCEEDED);
                }
                o.signal += 1;
            }
            Kind::Mutant {
                owner, recursion, ..
            } => {
                if *owner != Some(tid) {
                    return Err(STATUS_MUTANT_NOT_OWNED);
                }
                *recursion -= 1;
                if *recursion == 0 {
                    *owner = None;
                    o.signal = 1;
                }
            }
            _ => return Err(STATUS_OBJECT_TYPE_MISMATCH),
        }
        let key = c.st.objects.get(sid).map_or(0, |o| o.key);
        let source = crate::audit::Source::export("NtSignalAndWaitForSingleObjectEx");
        crate::audit_hooks::signalled(c.st, key, tid, c.lr(), source, 0);
        c.st.signalled(c.mem, sid);
        Ok((wid, timeout(c, t)?))
    })();
    match r {
        Ok((wid, t)) => wait(
            c,
            vec![wid],
            vec![wh],
            false,
            alertable,
            t,
            "NtSignalAndWaitForSingleObjectEx",
        ),
        Err(e) => Outcome::Return(u64::from(e)),
    }
}
