//! lwarx/ldarx and stwcx./stdcx.
//!
//! A reservation records the address, size and loaded value. A store-conditional succeeds
//! only if this thread holds a reservation for exactly that address and size and memory
//! still holds the loaded value; the check and the store are one host compare-and-swap, so
//! another guest thread's store between the two makes it fail as it would on hardware
//! (a store of the same value in between, ABA, goes unnoticed). Every store-conditional
//! clears the reservation, whether it succeeds or not. A reservation for a different
//! address makes the store fail without storing (the ISA leaves that case undefined).
//!
//! Misaligned reservation accesses raise an alignment interrupt on hardware; `Fault` has no
//! alignment kind, so they exit as a fault at the misaligned address, with nothing changed.
//! A store-conditional checks write access before anything else, so a bad address faults
//! even when no reservation is held.

use super::{base_ea, Mode};
use crate::interp::ExecResult;
use crate::isa::Insn;
use crate::memory::{AccessKind, Fault};
use crate::{Context, Memory};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

fn aligned(ea: u32, size: u32, kind: AccessKind) -> Result<(), Fault> {
    if ea.is_multiple_of(size) {
        Ok(())
    } else {
        Err(Fault { addr: ea, kind })
    }
}

pub fn load_reserve(ctx: &mut Context, mem: &Memory, i: Insn, size: u32) -> ExecResult {
    let ea = base_ea(ctx, i, Mode::X);
    aligned(ea, size, AccessKind::Read)?;
    let v = if size == 4 {
        u64::from(mem.read_u32(ea)?)
    } else {
        mem.read_u64(ea)?
    };
    ctx.gpr[i.rt()] = v;
    ctx.reserve_addr = ea;
    ctx.reserve_size = size as u8;
    ctx.reserve_value = v;
    ctx.reserve_valid = 1;
    Ok(())
}

pub fn store_conditional(ctx: &mut Context, mem: &Memory, i: Insn, size: u32) -> ExecResult {
    let ea = base_ea(ctx, i, Mode::X);
    aligned(ea, size, AccessKind::Write)?;
    mem.check(ea, size, AccessKind::Write)?;
    let held =
        ctx.reserve_valid != 0 && ctx.reserve_addr == ea && u32::from(ctx.reserve_size) == size;
    let value = ctx.gpr[i.rs()];
    let stored = held && compare_and_store(mem, ea, size, ctx.reserve_value, value);
    ctx.reserve_valid = 0;
    ctx.set_cr_field(0, (u32::from(stored) << 1) | u32::from(ctx.xer_so));
    Ok(())
}

/// Stores `new` at `ea` if memory still holds `old` (big-endian, `size` bytes), atomically.
fn compare_and_store(mem: &Memory, ea: u32, size: u32, old: u64, new: u64) -> bool {
    // SAFETY: the caller checked that the `size` bytes at `ea` are mapped writable (so the host
    // page is committed read-write), and `ea` is a multiple of `size` while the base is page
    // aligned, so the pointer is aligned for the atomic type. Other threads access the same
    // bytes only through the guest memory, which is exactly the sharing the guest asked for.
    unsafe {
        let p = mem.base().add(ea as usize);
        if size == 4 {
            AtomicU32::from_ptr(p.cast::<u32>())
                .compare_exchange(
                    (old as u32).to_be(),
                    (new as u32).to_be(),
                    Ordering::SeqCst,
                    Ordering::SeqCst,
                )
                .is_ok()
        } else {
            AtomicU64::from_ptr(p.cast::<u64>())
                .compare_exchange(old.to_be(), new.to_be(), Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
        }
    }
}
