//! Load/store multiple and the string instructions.
//!
//! All of them check the whole byte range before touching memory or registers, so a fault
//! anywhere in the range is precise.
//!
//! Register-range rules: lswi whose range of loaded registers includes RA (RA = 0 counts,
//! as the ISA says) and lswx whose range includes RA (when RA != 0) or RB are invalid forms;
//! they exit as `Exit::Invalid`, which is what qemu-ppc64 does (SIGILL) for each of those
//! cases. lswx/stswx with a zero byte count change nothing (the ISA leaves RT undefined for
//! lswx; qemu-ppc64 leaves it unchanged).

use super::{base_ea, Mode};
use crate::interp::{ExecResult, Exit};
use crate::isa::Insn;
use crate::memory::AccessKind;
use crate::{Context, Memory};

/// Registers `rt, rt+1, ...` (wrapping from r31 to r0) that hold `bytes` bytes.
fn regs(rt: usize, bytes: usize) -> impl Iterator<Item = usize> {
    (0..bytes.div_ceil(4)).map(move |k| (rt + k) % 32)
}

pub fn lmw(ctx: &mut Context, mem: &Memory, i: Insn) -> ExecResult {
    let ea = base_ea(ctx, i, Mode::D);
    let n = 32 - i.rt();
    let mut words = [0u32; 32];
    for (k, w) in words[..n].iter_mut().enumerate() {
        *w = mem.read_u32(ea.wrapping_add(4 * k as u32))?;
    }
    for (k, &w) in words[..n].iter().enumerate() {
        ctx.gpr[i.rt() + k] = u64::from(w);
    }
    Ok(())
}

pub fn stmw(ctx: &mut Context, mem: &Memory, i: Insn) -> ExecResult {
    let ea = base_ea(ctx, i, Mode::D);
    let n = 32 - i.rs();
    mem.check(ea, 4 * n as u32, AccessKind::Write)?;
    for k in 0..n {
        mem.write_u32(ea.wrapping_add(4 * k as u32), ctx.gpr[i.rs() + k] as u32)?;
    }
    Ok(())
}

/// NB of lswi/stswi: 0 means 32.
fn immediate_count(i: Insn) -> usize {
    if i.nb() == 0 {
        32
    } else {
        i.nb() as usize
    }
}

fn load_string(ctx: &mut Context, mem: &Memory, i: Insn, ea: u32, n: usize) -> ExecResult {
    if n == 0 {
        return Ok(());
    }
    let mut bytes = [0u8; 128 + 3];
    mem.read_bytes(ea, &mut bytes[..n])?;
    for (k, r) in regs(i.rt(), n).enumerate() {
        let chunk = [
            bytes[4 * k],
            bytes[4 * k + 1],
            bytes[4 * k + 2],
            bytes[4 * k + 3],
        ];
        ctx.gpr[r] = u64::from(u32::from_be_bytes(chunk));
    }
    Ok(())
}

fn store_string(ctx: &Context, mem: &Memory, i: Insn, ea: u32, n: usize) -> ExecResult {
    if n == 0 {
        return Ok(());
    }
    let mut bytes = [0u8; 128 + 3];
    for (k, r) in regs(i.rs(), n).enumerate() {
        bytes[4 * k..4 * k + 4].copy_from_slice(&(ctx.gpr[r] as u32).to_be_bytes());
    }
    // write_bytes checks page by page; checking first keeps a fault on the second page from
    // leaving the first one written.
    mem.check(ea, n as u32, AccessKind::Write)?;
    mem.write_bytes(ea, &bytes[..n])?;
    Ok(())
}

pub fn lswi(ctx: &mut Context, mem: &Memory, i: Insn) -> ExecResult {
    let n = immediate_count(i);
    if regs(i.rt(), n).any(|r| r == i.ra()) {
        return Err(Exit::Invalid { word: i.0 });
    }
    // EA = (RA|0), no displacement.
    let ea = if i.ra() == 0 {
        0
    } else {
        ctx.gpr[i.ra()] as u32
    };
    load_string(ctx, mem, i, ea, n)
}

pub fn lswx(ctx: &mut Context, mem: &Memory, i: Insn) -> ExecResult {
    let n = usize::from(ctx.xer_bc & 0x7f);
    if regs(i.rt(), n).any(|r| (r == i.ra() && i.ra() != 0) || r == i.rb()) {
        return Err(Exit::Invalid { word: i.0 });
    }
    let ea = base_ea(ctx, i, Mode::X);
    load_string(ctx, mem, i, ea, n)
}

pub fn stswi(ctx: &mut Context, mem: &Memory, i: Insn) -> ExecResult {
    let ea = if i.ra() == 0 {
        0
    } else {
        ctx.gpr[i.ra()] as u32
    };
    store_string(ctx, mem, i, ea, immediate_count(i))
}

pub fn stswx(ctx: &mut Context, mem: &Memory, i: Insn) -> ExecResult {
    let ea = base_ea(ctx, i, Mode::X);
    store_string(ctx, mem, i, ea, usize::from(ctx.xer_bc & 0x7f))
}
