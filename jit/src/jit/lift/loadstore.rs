//! Integer loads and stores lifted natively: guest memory is host base + zero-extended 32-bit
//! effective address with byte-swapping accesses. A one-byte-per-page permission check guards
//! each access; when it fails, the interpreter executes the instruction and reports the fault
//! precisely (or completes an access the fast path declines).

use super::{guest_flags, Lifter, Reg};
use crate::isa::loadstore::LsOp;
use crate::isa::{Decoded, Insn};
use crate::memory::Perm;
use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder, MemFlagsData, Type, Value};

#[derive(Clone, Copy, PartialEq)]
enum Addr {
    Disp,
    Ds,
    Indexed,
}

struct Access {
    ty: Type,
    signed: bool,
    store: bool,
    addr: Addr,
    update: bool,
}

fn classify(op: LsOp) -> Option<Access> {
    use LsOp::*;
    let a = |ty, signed, store, addr, update| {
        Some(Access {
            ty,
            signed,
            store,
            addr,
            update,
        })
    };
    let (i8, i16, i32, i64) = (types::I8, types::I16, types::I32, types::I64);
    match op {
        Lbz => a(i8, false, false, Addr::Disp, false),
        Lbzu => a(i8, false, false, Addr::Disp, true),
        Lbzx => a(i8, false, false, Addr::Indexed, false),
        Lhz => a(i16, false, false, Addr::Disp, false),
        Lhzx => a(i16, false, false, Addr::Indexed, false),
        Lha => a(i16, true, false, Addr::Disp, false),
        Lwz => a(i32, false, false, Addr::Disp, false),
        Lwzu => a(i32, false, false, Addr::Disp, true),
        Lwzx => a(i32, false, false, Addr::Indexed, false),
        Lwa => a(i32, true, false, Addr::Ds, false),
        Ld => a(i64, false, false, Addr::Ds, false),
        Ldu => a(i64, false, false, Addr::Ds, true),
        Ldx => a(i64, false, false, Addr::Indexed, false),
        Stb => a(i8, false, true, Addr::Disp, false),
        Stbx => a(i8, false, true, Addr::Indexed, false),
        Sth => a(i16, false, true, Addr::Disp, false),
        Sthx => a(i16, false, true, Addr::Indexed, false),
        Stw => a(i32, false, true, Addr::Disp, false),
        Stwu => a(i32, false, true, Addr::Disp, true),
        Stwx => a(i32, false, true, Addr::Indexed, false),
        Std => a(i64, false, true, Addr::Ds, false),
        Stdu => a(i64, false, true, Addr::Ds, true),
        Stdx => a(i64, false, true, Addr::Indexed, false),
        _ => None,
    }
}

impl Lifter<'_, '_> {
    /// Swaps between host (little-endian) and guest (big-endian) byte order. Cranelift's x86
    /// backend does not lower big-endian memory flags, so the swap is explicit.
    fn swap_bytes_for_guest(&mut self, v: Value, ty: Type) -> Value {
        if ty == types::I8 {
            v
        } else {
            self.b.ins().bswap(v)
        }
    }

    /// True (i8) when every byte of `size` bytes at `ea` (i32) has permission `need`.
    fn permitted(&mut self, ea: Value, size: u32, need: Perm) -> Value {
        let perms = self.b.ins().iconst(types::I64, self.env.perms() as i64);
        let page_of = |l: &mut Self, a: Value| {
            let a64 = l.b.ins().uextend(types::I64, a);
            let page = l.b.ins().ushr_imm_u(a64, 12);
            let at = l.b.ins().iadd(perms, page);
            l.b.ins().load(types::I8, MemFlagsData::trusted(), at, 0)
        };
        let first = page_of(self, ea);
        let last_addr = self.b.ins().iadd_imm_s(ea, i64::from(size - 1));
        let last = page_of(self, last_addr);
        let both = self.b.ins().band(first, last);
        let bit = self.b.ins().band_imm_s(both, i64::from(need.bits()));
        let has = self.b.ins().icmp_imm_s(IntCC::NotEqual, bit, 0);
        // An access wrapping past 4 GiB faults in the interpreter; never let it reach the guard.
        let no_wrap = self
            .b
            .ins()
            .icmp(IntCC::UnsignedGreaterThanOrEqual, last_addr, ea);
        self.b.ins().band(has, no_wrap)
    }
}

pub fn lift(l: &mut Lifter, op: LsOp, i: Insn, pc: u32) -> bool {
    let Some(acc) = classify(op) else {
        return false;
    };
    let d = crate::isa::decode(i.0).expect("lifted words decode");
    lift_access(l, &acc, i, pc, d);
    true
}

fn lift_access(l: &mut Lifter, acc: &Access, i: Insn, pc: u32, d: Decoded) {
    let base = if acc.update {
        l.get(Reg::Gpr(i.ra()))
    } else {
        l.gpr_or_zero(i.ra())
    };
    let sum = match acc.addr {
        Addr::Disp => l.b.ins().iadd_imm_s(base, i.simm()),
        Addr::Ds => l.b.ins().iadd_imm_s(base, i.ds()),
        Addr::Indexed => {
            let b = l.get(Reg::Gpr(i.rb()));
            l.b.ins().iadd(base, b)
        }
    };
    let ea = l.b.ins().ireduce(types::I32, sum);
    let size = acc.ty.bytes();
    let ok = l.permitted(ea, size, if acc.store { Perm::WRITE } else { Perm::READ });
    l.guarded(ok, pc, d, |l| {
        let ea64 = l.b.ins().uextend(types::I64, ea);
        let host = l.b.ins().iadd(l.membase, ea64);
        if acc.store {
            let v = l.get(Reg::Gpr(i.rt()));
            let v = if acc.ty == types::I64 {
                v
            } else {
                l.b.ins().ireduce(acc.ty, v)
            };
            let v = l.swap_bytes_for_guest(v, acc.ty);
            l.b.ins().store(guest_flags(), v, host, 0);
        } else {
            let v = l.b.ins().load(acc.ty, guest_flags(), host, 0);
            let v = l.swap_bytes_for_guest(v, acc.ty);
            let v = match (acc.ty == types::I64, acc.signed) {
                (true, _) => v,
                (false, true) => l.b.ins().sextend(types::I64, v),
                (false, false) => l.b.ins().uextend(types::I64, v),
            };
            l.set(Reg::Gpr(i.rt()), v);
        }
        if acc.update {
            let updated = if l.sf {
                sum
            } else {
                let w = l.b.ins().ireduce(types::I32, sum);
                l.b.ins().uextend(types::I64, w)
            };
            l.set(Reg::Gpr(i.ra()), updated);
        }
    });
}
