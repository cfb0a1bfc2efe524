//! Loads and stores.
//!
//! Every instruction computes its effective address, performs all of its memory accesses
//! (which may fault), and only then writes registers, so a faulting access leaves the context
//! untouched. Multi-register forms check their whole byte range before the first access.
//!
//! The memory access uses the low 32 bits of the effective address, as the Xenon does. The
//! value an update form writes back to RA is the architected EA: the full 64-bit sum in 64-bit
//! mode, the sum with its high word cleared in 32-bit mode.

mod float;
mod reserve;
mod string;
#[cfg(test)]
mod tests;

pub use float::{double_to_single, single_to_double};

use super::ExecResult;
use crate::isa::loadstore::LsOp;
use crate::isa::Insn;
use crate::memory::Fault;
use crate::{Context, Memory};

/// How the effective address is formed.
#[derive(Clone, Copy)]
enum Mode {
    /// (RA|0) + D
    D,
    /// (RA|0) + DS (the D field with its low two bits cleared)
    Ds,
    /// (RA|0) + (RB)
    X,
}

/// Returns the address to access and the EA as an update form writes it to RA.
fn effective(ctx: &Context, i: Insn, mode: Mode) -> (u32, u64) {
    let base = if i.ra() == 0 { 0 } else { ctx.gpr[i.ra()] };
    let offset = match mode {
        Mode::D => i.simm() as u64,
        Mode::Ds => i.ds() as u64,
        Mode::X => ctx.gpr[i.rb()],
    };
    let ea = base.wrapping_add(offset);
    let reg = if ctx.is_64bit() { ea } else { ea & 0xffff_ffff };
    (ea as u32, reg)
}

type Read = fn(&Memory, u32) -> Result<u64, Fault>;
type Write = fn(&Memory, u32, u64) -> Result<(), Fault>;

fn u8z(m: &Memory, a: u32) -> Result<u64, Fault> {
    m.read_u8(a).map(u64::from)
}
fn u16z(m: &Memory, a: u32) -> Result<u64, Fault> {
    m.read_u16(a).map(u64::from)
}
fn u16s(m: &Memory, a: u32) -> Result<u64, Fault> {
    m.read_u16(a).map(|v| v as i16 as u64)
}
fn u16r(m: &Memory, a: u32) -> Result<u64, Fault> {
    m.read_u16(a).map(|v| u64::from(v.swap_bytes()))
}
fn u32z(m: &Memory, a: u32) -> Result<u64, Fault> {
    m.read_u32(a).map(u64::from)
}
fn u32s(m: &Memory, a: u32) -> Result<u64, Fault> {
    m.read_u32(a).map(|v| v as i32 as u64)
}
fn u32r(m: &Memory, a: u32) -> Result<u64, Fault> {
    m.read_u32(a).map(|v| u64::from(v.swap_bytes()))
}
fn u64z(m: &Memory, a: u32) -> Result<u64, Fault> {
    m.read_u64(a)
}
fn f32w(m: &Memory, a: u32) -> Result<u64, Fault> {
    m.read_u32(a).map(single_to_double)
}

fn w8(m: &Memory, a: u32, v: u64) -> Result<(), Fault> {
    m.write_u8(a, v as u8)
}
fn w16(m: &Memory, a: u32, v: u64) -> Result<(), Fault> {
    m.write_u16(a, v as u16)
}
fn w16r(m: &Memory, a: u32, v: u64) -> Result<(), Fault> {
    m.write_u16(a, (v as u16).swap_bytes())
}
fn w32(m: &Memory, a: u32, v: u64) -> Result<(), Fault> {
    m.write_u32(a, v as u32)
}
fn w32r(m: &Memory, a: u32, v: u64) -> Result<(), Fault> {
    m.write_u32(a, (v as u32).swap_bytes())
}
fn w64(m: &Memory, a: u32, v: u64) -> Result<(), Fault> {
    m.write_u64(a, v)
}
fn f32n(m: &Memory, a: u32, v: u64) -> Result<(), Fault> {
    m.write_u32(a, double_to_single(v))
}

/// Register file an access moves data to or from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum File {
    Gpr,
    Fpr,
}

fn load(
    ctx: &mut Context,
    mem: &Memory,
    i: Insn,
    mode: Mode,
    update: bool,
    file: File,
    read: Read,
) -> ExecResult {
    let (addr, ea) = effective(ctx, i, mode);
    let v = read(mem, addr)?;
    match file {
        File::Gpr => ctx.gpr[i.rt()] = v,
        File::Fpr => ctx.fpr[i.rt()] = v,
    }
    if update {
        ctx.gpr[i.ra()] = ea;
    }
    Ok(())
}

fn store(
    ctx: &mut Context,
    mem: &Memory,
    i: Insn,
    mode: Mode,
    update: bool,
    file: File,
    write: Write,
) -> ExecResult {
    let (addr, ea) = effective(ctx, i, mode);
    let v = match file {
        File::Gpr => ctx.gpr[i.rs()],
        File::Fpr => ctx.fpr[i.rs()],
    };
    write(mem, addr, v)?;
    if update {
        ctx.gpr[i.ra()] = ea;
    }
    Ok(())
}

pub fn exec(op: LsOp, i: Insn, ctx: &mut Context, mem: &Memory) -> ExecResult {
    use File::{Fpr, Gpr};
    use LsOp::*;
    use Mode::{Ds, D, X};
    match op {
        Lbz => load(ctx, mem, i, D, false, Gpr, u8z),
        Lbzu => load(ctx, mem, i, D, true, Gpr, u8z),
        Lbzx => load(ctx, mem, i, X, false, Gpr, u8z),
        Lbzux => load(ctx, mem, i, X, true, Gpr, u8z),
        Lhz => load(ctx, mem, i, D, false, Gpr, u16z),
        Lhzu => load(ctx, mem, i, D, true, Gpr, u16z),
        Lhzx => load(ctx, mem, i, X, false, Gpr, u16z),
        Lhzux => load(ctx, mem, i, X, true, Gpr, u16z),
        Lha => load(ctx, mem, i, D, false, Gpr, u16s),
        Lhau => load(ctx, mem, i, D, true, Gpr, u16s),
        Lhax => load(ctx, mem, i, X, false, Gpr, u16s),
        Lhaux => load(ctx, mem, i, X, true, Gpr, u16s),
        Lwz => load(ctx, mem, i, D, false, Gpr, u32z),
        Lwzu => load(ctx, mem, i, D, true, Gpr, u32z),
        Lwzx => load(ctx, mem, i, X, false, Gpr, u32z),
        Lwzux => load(ctx, mem, i, X, true, Gpr, u32z),
        Lwa => load(ctx, mem, i, Ds, false, Gpr, u32s),
        Lwax => load(ctx, mem, i, X, false, Gpr, u32s),
        Lwaux => load(ctx, mem, i, X, true, Gpr, u32s),
        Ld => load(ctx, mem, i, Ds, false, Gpr, u64z),
        Ldu => load(ctx, mem, i, Ds, true, Gpr, u64z),
        Ldx => load(ctx, mem, i, X, false, Gpr, u64z),
        Ldux => load(ctx, mem, i, X, true, Gpr, u64z),
        Stb => store(ctx, mem, i, D, false, Gpr, w8),
        Stbu => store(ctx, mem, i, D, true, Gpr, w8),
        Stbx => store(ctx, mem, i, X, false, Gpr, w8),
        Stbux => store(ctx, mem, i, X, true, Gpr, w8),
        Sth => store(ctx, mem, i, D, false, Gpr, w16),
        Sthu => store(ctx, mem, i, D, true, Gpr, w16),
        Sthx => store(ctx, mem, i, X, false, Gpr, w16),
        Sthux => store(ctx, mem, i, X, true, Gpr, w16),
        Stw => store(ctx, mem, i, D, false, Gpr, w32),
        Stwu => store(ctx, mem, i, D, true, Gpr, w32),
        Stwx => store(ctx, mem, i, X, false, Gpr, w32),
        Stwux => store(ctx, mem, i, X, true, Gpr, w32),
        Std => store(ctx, mem, i, Ds, false, Gpr, w64),
        Stdu => store(ctx, mem, i, Ds, true, Gpr, w64),
        Stdx => store(ctx, mem, i, X, false, Gpr, w64),
        Stdux => store(ctx, mem, i, X, true, Gpr, w64),
        Lhbrx => load(ctx, mem, i, X, false, Gpr, u16r),
        Lwbrx => load(ctx, mem, i, X, false, Gpr, u32r),
        Sthbrx => store(ctx, mem, i, X, false, Gpr, w16r),
        Stwbrx => store(ctx, mem, i, X, false, Gpr, w32r),
        Lmw => string::lmw(ctx, mem, i),
        Stmw => string::stmw(ctx, mem, i),
        Lswi => string::lswi(ctx, mem, i),
        Lswx => string::lswx(ctx, mem, i),
        Stswi => string::stswi(ctx, mem, i),
        Stswx => string::stswx(ctx, mem, i),
        Lwarx => reserve::load_reserve(ctx, mem, i, 4),
        Ldarx => reserve::load_reserve(ctx, mem, i, 8),
        Stwcx => reserve::store_conditional(ctx, mem, i, 4),
        Stdcx => reserve::store_conditional(ctx, mem, i, 8),
        Lfs => load(ctx, mem, i, D, false, Fpr, f32w),
        Lfsu => load(ctx, mem, i, D, true, Fpr, f32w),
        Lfsx => load(ctx, mem, i, X, false, Fpr, f32w),
        Lfsux => load(ctx, mem, i, X, true, Fpr, f32w),
        Lfd => load(ctx, mem, i, D, false, Fpr, u64z),
        Lfdu => load(ctx, mem, i, D, true, Fpr, u64z),
        Lfdx => load(ctx, mem, i, X, false, Fpr, u64z),
        Lfdux => load(ctx, mem, i, X, true, Fpr, u64z),
        Stfs => store(ctx, mem, i, D, false, Fpr, f32n),
        Stfsu => store(ctx, mem, i, D, true, Fpr, f32n),
        Stfsx => store(ctx, mem, i, X, false, Fpr, f32n),
        Stfsux => store(ctx, mem, i, X, true, Fpr, f32n),
        Stfd => store(ctx, mem, i, D, false, Fpr, w64),
        Stfdu => store(ctx, mem, i, D, true, Fpr, w64),
        Stfdx => store(ctx, mem, i, X, false, Fpr, w64),
        Stfdux => store(ctx, mem, i, X, true, Fpr, w64),
        // The low word of the FPR, whatever it holds.
        Stfiwx => store(ctx, mem, i, X, false, Fpr, w32),
    }
}

/// Address and register-file helpers shared with the string/multiple and reservation forms.
fn base_ea(ctx: &Context, i: Insn, mode: Mode) -> u32 {
    effective(ctx, i, mode).0
}
