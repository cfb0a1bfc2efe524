//! Rtl helpers: critical sections and the string/memory routines titles' runtimes call.
//!
//! RTL_CRITICAL_SECTION on the console (28 bytes): a 16-byte dispatcher header (an auto-reset
//! event waiters park on), then LockCount at +0x10 (-1 when free; owners and waiters add one
//! each), RecursionCount at +0x14 and OwningThread at +0x18 (the owner's thread block).

use super::{Call, Outcome, XBOXKRNL};
use crate::objects::{Kind, Object};
use crate::status::*;
use crate::threads::Wait;

exports! { XBOXKRNL;
    "RtlInitializeCriticalSection" => rtl_initialize_critical_section,
    "RtlInitializeCriticalSectionAndSpinCount" => rtl_initialize_critical_section,
    "RtlEnterCriticalSection" => rtl_enter_critical_section,
    "RtlTryEnterCriticalSection" => rtl_try_enter_critical_section,
    "RtlLeaveCriticalSection" => rtl_leave_critical_section,
    "RtlInitAnsiString" => rtl_init_ansi_string,
    "RtlInitUnicodeString" => rtl_init_unicode_string,
    "RtlNtStatusToDosError" => rtl_nt_status_to_dos_error,
    "RtlFillMemoryUlong" => rtl_fill_memory_ulong,
    "RtlCompareMemoryUlong" => rtl_compare_memory_ulong,
}

const LOCK_COUNT: u32 = 0x10;
const RECURSION: u32 = 0x14;
const OWNER: u32 = 0x18;

fn current_kthread(c: &Call) -> u32 {
    c.st.threads.get(&c.tid).map_or(0, |t| t.kthread)
}

fn rtl_initialize_critical_section(c: &mut Call) -> Outcome {
    let cs = c.arg(0);
    let init = || -> Result<(), u32> {
        c.mem.write_u8(cs, 1).map_err(|_| STATUS_ACCESS_VIOLATION)?;
        c.write_u32(cs + 4, 0)?;
        c.write_u32(cs + 8, cs + 8)?;
        c.write_u32(cs + 12, cs + 8)?;
        c.write_u32(cs + LOCK_COUNT, u32::MAX)?;
        c.write_u32(cs + RECURSION, 0)?;
        c.write_u32(cs + OWNER, 0)
    };
    Outcome::Return(u64::from(init().err().unwrap_or(STATUS_SUCCESS)))
}

/// Tries to take the section without waiting: Some(true) taken, Some(false) busy.
fn try_take(c: &Call, cs: u32, me: u32) -> Result<bool, u32> {
    let owner = c.read_u32(cs + OWNER)?;
    let lock = c.read_u32(cs + LOCK_COUNT)? as i32;
    if owner == me && me != 0 {
        c.write_u32(cs + LOCK_COUNT, (lock + 1) as u32)?;
        let r = c.read_u32(cs + RECURSION)?;
        c.write_u32(cs + RECURSION, r + 1)?;
        return Ok(true);
    }
    if lock == -1 {
        c.write_u32(cs + LOCK_COUNT, 0)?;
        c.write_u32(cs + RECURSION, 1)?;
        c.write_u32(cs + OWNER, me)?;
        return Ok(true);
    }
    Ok(false)
}

/// The wait queue behind a contended section.
fn queue_of(c: &mut Call, cs: u32) -> crate::objects::ObjId {
    if let Some(id) = c.st.objects.by_body(cs) {
        if matches!(
            c.st.objects.get(id).map(|o| &o.kind),
            Some(Kind::CriticalSection { .. })
        ) {
            return id;
        }
    }
    let mut obj = Object::new(Kind::CriticalSection { address: cs }, 0);
    obj.body = cs;
    obj.refs = 1;
    c.st.objects.insert(obj)
}

fn rtl_enter_critical_section(c: &mut Call) -> Outcome {
    let cs = c.arg(0);
    let me = current_kthread(c);
    match try_take(c, cs, me) {
        Ok(true) => return Outcome::Return(0),
        Ok(false) => {}
        Err(e) => return Outcome::Fatal(format!("RtlEnterCriticalSection({cs:#010x}): {e:#x}")),
    }
    // Contended: count ourselves as a waiter and park on the section's queue. The owner's
    // leave hands the section over (see `rtl_leave_critical_section`).
    let lock = c.read_u32(cs + LOCK_COUNT).unwrap_or(0) as i32;
    let _ = c.write_u32(cs + LOCK_COUNT, (lock + 1) as u32);
    let id = queue_of(c, cs);
    let w = Wait {
        objects: vec![id],
        names: vec![cs],
        all: false,
        alertable: false,
        deadline: None,
        timeout_status: STATUS_TIMEOUT,
        seq: 0,
        source: "RtlEnterCriticalSection",
        lr: c.lr(),
    };
    match c.st.begin_wait(c.mem, c.tid, w) {
        Some(_) => {
            // A hand-over was already pending: the section is ours now.
            let _ = c.write_u32(cs + OWNER, me);
            let _ = c.write_u32(cs + RECURSION, 1);
            Outcome::Return(0)
        }
        None => Outcome::Block,
    }
}

/// RtlTryEnterCriticalSection(cs) -> BOOL.
fn rtl_try_enter_critical_section(c: &mut Call) -> Outcome {
    let cs = c.arg(0);
    let me = current_kthread(c);
    Outcome::Return(u64::from(try_take(c, cs, me).unwrap_or(false)))
}

fn rtl_leave_critical_section(c: &mut Call) -> Outcome {
    let cs = c.arg(0);
    let leave = || -> Result<(), u32> {
        let r = c.read_u32(cs + RECURSION)?;
        let lock = c.read_u32(cs + LOCK_COUNT)? as i32;
        c.write_u32(cs + LOCK_COUNT, (lock - 1) as u32)?;
        if r > 1 {
            c.write_u32(cs + RECURSION, r - 1)?;
            return Ok(());
        }
        c.write_u32(cs + RECURSION, 0)?;
        c.write_u32(cs + OWNER, 0)?;
        Ok(())
    };
    if let Err(e) = leave() {
        return Outcome::Fatal(format!("RtlLeaveCriticalSection({cs:#010x}): {e:#x}"));
    }
    let released = c.read_u32(cs + OWNER).unwrap_or(1) == 0;
    let waiters = c.read_u32(cs + LOCK_COUNT).unwrap_or(u32::MAX) as i32 >= 0;
    if released && waiters {
        let id = queue_of(c, cs);
        if let Some(o) = c.st.objects.get_mut(id) {
            o.signal = 1;
        }
        for (tid, _) in c.st.signalled(c.mem, id) {
            let kt = c.st.threads.get(&tid).map_or(0, |t| t.kthread);
            let _ = c.write_u32(cs + OWNER, kt);
            let _ = c.write_u32(cs + RECURSION, 1);
        }
    }
    Outcome::Return(0)
}

/// RtlInitAnsiString(PANSI_STRING, PCSZ): Length, MaximumLength (u16 each), Buffer.
fn rtl_init_ansi_string(c: &mut Call) -> Outcome {
    let (dst, src) = (c.arg(0), c.arg(1));
    let len = if src == 0 {
        0
    } else {
        c.c_string(src, 0xFFFE).map_or(0, |s| s.len() as u32)
    };
    let _ = c.mem.write_u16(dst, len as u16);
    let _ = c
        .mem
        .write_u16(dst + 2, if src == 0 { 0 } else { len as u16 + 1 });
    let _ = c.write_u32(dst + 4, src);
    Outcome::Return(0)
}

fn rtl_init_unicode_string(c: &mut Call) -> Outcome {
    let (dst, src) = (c.arg(0), c.arg(1));
    let mut n = 0u32;
    if src != 0 {
        while n < 0x7FFE && c.mem.read_u16(src + 2 * n).is_ok_and(|u| u != 0) {
            n += 1;
        }
    }
    let _ = c.mem.write_u16(dst, (2 * n) as u16);
    let _ = c
        .mem
        .write_u16(dst + 2, if src == 0 { 0 } else { (2 * n + 2) as u16 });
    let _ = c.write_u32(dst + 4, src);
    Outcome::Return(0)
}

/// The Win32 error codes for the statuses this kernel returns.
fn rtl_nt_status_to_dos_error(c: &mut Call) -> Outcome {
    let e: u32 = match c.arg(0) {
        STATUS_SUCCESS => 0,
        STATUS_TIMEOUT => 258,
        STATUS_PENDING => 997,
        STATUS_INVALID_HANDLE => 6,
        STATUS_INVALID_PARAMETER => 87,
        STATUS_NO_MEMORY => 8,
        STATUS_ACCESS_VIOLATION => 998,
        STATUS_ACCESS_DENIED => 5,
        STATUS_NOT_IMPLEMENTED => 1,
        STATUS_OBJECT_TYPE_MISMATCH => 6,
        STATUS_MUTANT_NOT_OWNED => 288,
        STATUS_SEMAPHORE_LIMIT_EXCEEDED => 298,
        STATUS_OBJECT_NAME_NOT_FOUND => 2,
        STATUS_BUFFER_TOO_SMALL => 122,
        _ => 317, // ERROR_MR_MID_NOT_FOUND: no mapping
    };
    Outcome::Return(u64::from(e))
}

/// RtlFillMemoryUlong(dest, length, pattern).
fn rtl_fill_memory_ulong(c: &mut Call) -> Outcome {
    let (dst, len, pattern) = (c.arg(0), c.arg(1), c.arg(2));
    for i in 0..len / 4 {
        if c.write_u32(dst + 4 * i, pattern).is_err() {
            break;
        }
    }
    Outcome::Return(0)
}

/// RtlCompareMemoryUlong(source, length, pattern) -> bytes matching before the first miss.
fn rtl_compare_memory_ulong(c: &mut Call) -> Outcome {
    let (src, len, pattern) = (c.arg(0), c.arg(1), c.arg(2));
    let mut n = 0;
    while n + 4 <= len && c.read_u32(src + n) == Ok(pattern) {
        n += 4;
    }
    Outcome::Return(u64::from(n))
}
