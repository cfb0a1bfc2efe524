//! Integer and FP (raw-bit) loads and stores lifted natively: guest memory is host base + zero-extended 32-bit
//! effective address with byte-swapping accesses. A one-byte-per-page permission check guards
//! each access; when it fails, the interpreter executes the instruction and reports the fault
//! precisely (or completes an access the fast path declines).

mod multiple;
mod reserve;
mod string;

use super::{guest_flags, Lifter, Reg};
use crate::isa::loadstore::LsOp;
use crate::isa::{Decoded, Insn, Op};
use crate::memory::Perm;
use cranelift_codegen::ir::{
    condcodes::IntCC, types, DataFlowGraph, InstBuilder, InstructionData, MemFlagsData, Opcode,
    Type, Value, ValueDef,
};

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
    /// The register is an FPR (raw bits), not a GPR.
    fpr: bool,
    /// Byte-reversed form: memory holds the value little-endian, so no swap.
    reversed: bool,
    /// Single-precision FP form: the word in memory is converted to or from the FPR's
    /// double bits (bit-exactly as `interp::loadstore::float` does).
    single: bool,
}

/// Whether `d` may write guest memory: a store, or anything not known not to (any
/// instruction outside the integer, branch and plain-load forms).
pub(super) fn may_store(d: &Decoded) -> bool {
    match d.op() {
        Op::Integer(_) | Op::Branch(_) => false,
        Op::LoadStore(o) => classify(o).is_none_or(|a| a.store),
        _ => true,
    }
}

fn classify(op: LsOp) -> Option<Access> {
    use LsOp::*;
    let (i8, i16, i32, i64) = (types::I8, types::I16, types::I32, types::I64);
    let (d, ds, x) = (Addr::Disp, Addr::Ds, Addr::Indexed);
    // (type, signed, store, address form, update, fpr, reversed)
    let (ty, signed, store, addr, update, fpr, reversed) = match op {
        Lbz => (i8, false, false, d, false, false, false),
        Lbzu => (i8, false, false, d, true, false, false),
        Lbzx => (i8, false, false, x, false, false, false),
        Lbzux => (i8, false, false, x, true, false, false),
        Lhz => (i16, false, false, d, false, false, false),
        Lhzu => (i16, false, false, d, true, false, false),
        Lhzx => (i16, false, false, x, false, false, false),
        Lhzux => (i16, false, false, x, true, false, false),
        Lha => (i16, true, false, d, false, false, false),
        Lhau => (i16, true, false, d, true, false, false),
        Lhax => (i16, true, false, x, false, false, false),
        Lhaux => (i16, true, false, x, true, false, false),
        Lwz => (i32, false, false, d, false, false, false),
        Lwzu => (i32, false, false, d, true, false, false),
        Lwzx => (i32, false, false, x, false, false, false),
        Lwzux => (i32, false, false, x, true, false, false),
        Lwa => (i32, true, false, ds, false, false, false),
        Lwax => (i32, true, false, x, false, false, false),
        Lwaux => (i32, true, false, x, true, false, false),
        Ld => (i64, false, false, ds, false, false, false),
        Ldu => (i64, false, false, ds, true, false, false),
        Ldx => (i64, false, false, x, false, false, false),
        Ldux => (i64, false, false, x, true, false, false),
        Stb => (i8, false, true, d, false, false, false),
        Stbu => (i8, false, true, d, true, false, false),
        Stbx => (i8, false, true, x, false, false, false),
        Stbux => (i8, false, true, x, true, false, false),
        Sth => (i16, false, true, d, false, false, false),
        Sthu => (i16, false, true, d, true, false, false),
        Sthx => (i16, false, true, x, false, false, false),
        Sthux => (i16, false, true, x, true, false, false),
        Stw => (i32, false, true, d, false, false, false),
        Stwu => (i32, false, true, d, true, false, false),
        Stwx => (i32, false, true, x, false, false, false),
        Stwux => (i32, false, true, x, true, false, false),
        Std => (i64, false, true, ds, false, false, false),
        Stdu => (i64, false, true, ds, true, false, false),
        Stdx => (i64, false, true, x, false, false, false),
        Stdux => (i64, false, true, x, true, false, false),
        Lhbrx => (i16, false, false, x, false, false, true),
        Lwbrx => (i32, false, false, x, false, false, true),
        Sthbrx => (i16, false, true, x, false, false, true),
        Stwbrx => (i32, false, true, x, false, false, true),
        Lfd => (i64, false, false, d, false, true, false),
        Lfdu => (i64, false, false, d, true, true, false),
        Lfdx => (i64, false, false, x, false, true, false),
        Lfdux => (i64, false, false, x, true, true, false),
        Stfd => (i64, false, true, d, false, true, false),
        Stfdu => (i64, false, true, d, true, true, false),
        Stfdx => (i64, false, true, x, false, true, false),
        Stfdux => (i64, false, true, x, true, true, false),
        // The low word of the FPR, whatever it holds.
        Stfiwx => (i32, false, true, x, false, true, false),
        Lfs => (i32, false, false, d, false, true, false),
        Lfsu => (i32, false, false, d, true, true, false),
        Lfsx => (i32, false, false, x, false, true, false),
        Lfsux => (i32, false, false, x, true, true, false),
        Stfs => (i32, false, true, d, false, true, false),
        Stfsu => (i32, false, true, d, true, true, false),
        Stfsx => (i32, false, true, x, false, true, false),
        Stfsux => (i32, false, true, x, true, true, false),
        // Multiple/string and reservation forms stay with the interpreter.
        Lmw | Stmw | Lswi | Lswx | Stswi | Stswx | Lwarx | Ldarx | Stwcx | Stdcx => return None,
    };
    let single = matches!(
        op,
        Lfs | Lfsu | Lfsx | Lfsux | Stfs | Stfsu | Stfsx | Stfsux
    );
    Some(Access {
        ty,
        signed,
        store,
        addr,
        update,
        fpr,
        reversed,
        single,
    })
}

/// `interp::loadstore::single_to_double` on an i32 word, giving i64 double bits. Pure bit
/// manipulation: signalling NaNs stay signalling and denormals widen exactly.
fn single_to_double(l: &mut Lifter, w: Value) -> Value {
    let w = l.b.ins().uextend(types::I64, w);
    let sign = l.b.ins().ushr_imm_u(w, 31);
    let sign = l.b.ins().ishl_imm_u(sign, 63);
    let exp = l.b.ins().ushr_imm_u(w, 23);
    let exp = l.b.ins().band_imm_u(exp, 0xff);
    let frac = l.b.ins().band_imm_u(w, 0x007f_ffff);
    let frac29 = l.b.ins().ishl_imm_u(frac, 29);
    // Normal: exponent rebiased. Inf/NaN (exp 0xff): exponent 0x7ff, fraction copied.
    let normal_exp = l.b.ins().iadd_imm_s(exp, 1023 - 127);
    let is_max = l.b.ins().icmp_imm_u(IntCC::Equal, exp, 0xff);
    let max = l.b.ins().iconst(types::I64, 0x7ff);
    let e = l.b.ins().select(is_max, max, normal_exp);
    let e = l.b.ins().ishl_imm_u(e, 52);
    let normal = l.b.ins().bor(e, frac29);
    // Denormal: the leading one at bit p = 63 - clz; exponent p + 1023 - 149; the bits below
    // it shifted up to the top of the fraction (by 52 - p = clz - 11).
    let clz = l.b.ins().clz(frac);
    let top = l.b.ins().iconst(types::I64, 63 + 1023 - 149);
    let dexp = l.b.ins().isub(top, clz);
    let dexp = l.b.ins().ishl_imm_u(dexp, 52);
    let shift = l.b.ins().iadd_imm_s(clz, -11);
    let dfrac = l.b.ins().ishl(frac, shift);
    let dfrac = l.b.ins().band_imm_u(dfrac, 0x000f_ffff_ffff_ffff);
    let denormal = l.b.ins().bor(dexp, dfrac);
    // exp 0 with frac 0 is a signed zero; the denormal path is only taken with frac != 0.
    let zero = l.b.ins().iconst(types::I64, 0);
    let frac_zero = l.b.ins().icmp_imm_u(IntCC::Equal, frac, 0);
    let small = l.b.ins().select(frac_zero, zero, denormal);
    let exp_zero = l.b.ins().icmp_imm_u(IntCC::Equal, exp, 0);
    let body = l.b.ins().select(exp_zero, small, normal);
    l.b.ins().bor(sign, body)
}

/// `interp::loadstore::double_to_single` on i64 double bits, giving the i32 word: the ISA's
/// store algorithm (bit copy, or denormalization by truncation), never a rounding convert.
fn double_to_single(l: &mut Lifter, d: Value) -> Value {
    let exp = l.b.ins().ushr_imm_u(d, 52);
    let exp = l.b.ins().band_imm_u(exp, 0x7ff);
    // Copy: WORD[0:1] = FRS[0:1], WORD[2:31] = FRS[5:34].
    let hi = l.b.ins().ushr_imm_u(d, 32);
    let hi = l.b.ins().band_imm_u(hi, 0xc000_0000);
    let mid = l.b.ins().ushr_imm_u(d, 29);
    let mid = l.b.ins().band_imm_u(mid, 0x3fff_ffff);
    let copy = l.b.ins().bor(hi, mid);
    // Denormalize: (1.fraction >> (897 - exp)) >> 29, zero once the shift reaches 53.
    let sign = l.b.ins().ushr_imm_u(d, 32);
    let sign = l.b.ins().band_imm_u(sign, 0x8000_0000);
    let frac = l.b.ins().band_imm_u(d, 0x000f_ffff_ffff_ffff);
    let significand = l.b.ins().bor_imm_u(frac, 1 << 52);
    let bias = l.b.ins().iconst(types::I64, 897);
    let shift = l.b.ins().isub(bias, exp);
    let shifted = l.b.ins().ushr(significand, shift);
    let zero = l.b.ins().iconst(types::I64, 0);
    let too_far =
        l.b.ins()
            .icmp_imm_u(IntCC::UnsignedGreaterThanOrEqual, shift, 53);
    let shifted = l.b.ins().select(too_far, zero, shifted);
    let f = l.b.ins().ushr_imm_u(shifted, 29);
    let f = l.b.ins().band_imm_u(f, 0x007f_ffff);
    let denorm = l.b.ins().bor(sign, f);
    // Copy when exp > 896 or the value is a (signed) zero.
    let big = l.b.ins().icmp_imm_u(IntCC::UnsignedGreaterThan, exp, 896);
    let twice = l.b.ins().ishl_imm_u(d, 1);
    let is_zero = l.b.ins().icmp_imm_u(IntCC::Equal, twice, 0);
    let use_copy = l.b.ins().bor(big, is_zero);
    let r = l.b.ins().select(use_copy, copy, denorm);
    l.b.ins().ireduce(types::I32, r)
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

    /// Conditions (each an i8 truth value) that together mean every byte of `size` bytes at
    /// `ea` (i32) has permission `need`: the access stays inside one page (which also keeps it
    /// from wrapping past 4 GiB) and that page's permission byte allows it. One table load per
    /// access; an access crossing a page goes to the interpreter, which handles it exactly.
    /// `aligned` says `ea` is a multiple of `size` (at most a page), so it cannot cross.
    pub(super) fn access_checks(
        &mut self,
        ea: Value,
        size: u32,
        need: Perm,
        aligned: bool,
    ) -> Vec<Value> {
        let mut checks = Vec::with_capacity(2);
        if self.env.host_faults() {
            // The host's page protection checks instead (`guarded_mem`).
            return checks;
        }
        if size > 1 && !aligned {
            let offset = self.b.ins().band_imm_u(ea, 0xfff);
            let inside = self.b.ins().icmp_imm_u(
                IntCC::UnsignedLessThanOrEqual,
                offset,
                i64::from(0x1000 - size),
            );
            checks.push(inside);
        }
        let ok = self.page_permits(ea, need);
        checks.push(ok);
        checks
    }

    /// An i8 truth value: the permission byte of the page holding `ea` (i32) allows `need`.
    /// For stores, WRITE must be set and CODE clear: a page code was compiled from is not
    /// writable here, so the interpreter performs the store and logs it, and every engine
    /// drops the stale code.
    pub(super) fn page_permits(&mut self, ea: Value, need: Perm) -> Value {
        let perms = self.b.ins().iconst(types::I64, self.env.perms() as i64);
        let a64 = self.b.ins().uextend(types::I64, ea);
        let page = self.b.ins().ushr_imm_u(a64, 12);
        let at = self.b.ins().iadd(perms, page);
        let p = self.b.ins().load(types::I8, MemFlagsData::trusted(), at, 0);
        if need.contains(Perm::WRITE) {
            let mask = i64::from(Perm::WRITE.bits() | Perm::CODE.bits());
            let bits = self.b.ins().band_imm_s(p, mask);
            self.b
                .ins()
                .icmp_imm_s(IntCC::Equal, bits, i64::from(Perm::WRITE.bits()))
        } else {
            let bit = self.b.ins().band_imm_s(p, i64::from(need.bits()));
            self.b.ins().icmp_imm_s(IntCC::NotEqual, bit, 0)
        }
    }
}

/// The low word of `v` (i64) as an operand of an effective address. The low word of `x << c`
/// is `low(x) << c`, and of an extension from 32 bits its operand: formed that way (through
/// `depth` shifts) rather than as the low word of the 64-bit result, an index scaled by a
/// shift of 1 to 3 folds into the host's address arithmetic (`lea` with a scaled index),
/// where the 64-bit shift would be one more instruction, often on a loop's critical path.
fn address_word(l: &mut Lifter, v: Value, depth: u32) -> Value {
    let dfg = &l.b.func.dfg;
    if let ValueDef::Result(inst, 0) = dfg.value_def(v) {
        if matches!(dfg.insts[inst].opcode(), Opcode::Uextend | Opcode::Sextend) {
            let arg = dfg.inst_args(inst)[0];
            if dfg.value_type(arg) == types::I32 {
                return arg;
            }
        }
    }
    if depth > 0 {
        if let Some((x, shift @ 0..32)) = shifted_left(&l.b.func.dfg, v) {
            let x = address_word(l, x, depth - 1);
            return l.b.ins().ishl_imm_u(x, shift);
        }
    }
    l.b.ins().ireduce(types::I32, v)
}

/// `(x, c)` when `v` is `x` shifted left by the constant `c`.
pub(super) fn shifted_left(dfg: &DataFlowGraph, v: Value) -> Option<(Value, i64)> {
    let ValueDef::Result(inst, 0) = dfg.value_def(v) else {
        return None;
    };
    let &[x, n] = dfg.inst_args(inst) else {
        return None;
    };
    if dfg.insts[inst].opcode() != Opcode::Ishl {
        return None;
    }
    let ValueDef::Result(c, 0) = dfg.value_def(n) else {
        return None;
    };
    match dfg.insts[c] {
        InstructionData::UnaryImm {
            opcode: Opcode::Iconst,
            imm,
        } => Some((x, imm.bits())),
        _ => None,
    }
}

/// Offsets below this may be added to a host address past the 32-bit wrap: the sum of a
/// guest address and such an offset lands, when it passes 4 GiB, in the reservation's guard
/// region (with room for the widest access), where the host faults and the interpreter
/// reruns the access with the wrapped address (`hostfault`).
const UNWRAPPED: u64 = (crate::memory::GUARD_SIZE as u64) / 2;

/// An upper bound of `v` as an unsigned number, when its definition shows one below
/// `UNWRAPPED` (a masked, byte-loaded or zero-extended narrow value, shifted left a little):
/// the table indices of `crc_hash` and the like.
fn small_bound(l: &Lifter, v: Value, depth: u32) -> Option<u64> {
    let dfg = &l.b.func.dfg;
    let ValueDef::Result(inst, 0) = dfg.value_def(v) else {
        return None;
    };
    let data = &dfg.insts[inst];
    let bound = match (data.opcode(), data) {
        (Opcode::Iconst, InstructionData::UnaryImm { imm, .. }) => u64::try_from(imm.bits()).ok(),
        (Opcode::Uload8, _) => Some(0xff),
        (Opcode::Uload16, _) => Some(0xffff),
        (Opcode::Uextend, _) => {
            let arg = dfg.inst_args(inst)[0];
            match dfg.value_type(arg) {
                types::I8 => Some(0xff),
                types::I16 => Some(0xffff),
                _ if depth > 0 => small_bound(l, arg, depth - 1),
                _ => None,
            }
        }
        (Opcode::Band, _) if depth > 0 => {
            let args = dfg.inst_args(inst);
            let (a, b) = (args[0], args[1]);
            match (small_bound(l, a, depth - 1), small_bound(l, b, depth - 1)) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            }
        }
        (Opcode::Ishl, _) if depth > 0 => {
            let args = dfg.inst_args(inst);
            let shift = small_bound(l, args[1], 0)?;
            let x = small_bound(l, args[0], depth - 1)?;
            (shift < 16).then(|| x << shift)
        }
        _ => None,
    }?;
    (bound < UNWRAPPED).then_some(bound)
}

/// The host address of the guest byte `off` bytes after `ea` (i32), the sum formed in 32-bit
/// guest arithmetic.
fn host_at(l: &mut Lifter, ea: Value, off: u32) -> Value {
    let a = l.b.ins().iadd_imm_s(ea, i64::from(off));
    let a = l.b.ins().uextend(types::I64, a);
    l.b.ins().iadd(l.membase, a)
}

/// The big-endian word `off` bytes after `ea`, zero-extended to i64.
fn load_word(l: &mut Lifter, ea: Value, off: u32) -> Value {
    let host = host_at(l, ea, off);
    let w = l.b.ins().load(types::I32, guest_flags(), host, 0);
    let w = l.b.ins().bswap(w);
    l.b.ins().uextend(types::I64, w)
}

/// Stores the i32 `w` big-endian `off` bytes after `ea`.
fn store_word(l: &mut Lifter, ea: Value, off: u32, w: Value) {
    let w = l.b.ins().bswap(w);
    let host = host_at(l, ea, off);
    l.b.ins().store(guest_flags(), w, host, 0);
}

/// An i8 truth value: the `n` bytes at `ea` (i32) do not wrap past 4 GiB.
fn no_wrap(l: &mut Lifter, ea: Value, n: u32) -> Value {
    l.b.ins().icmp_imm_u(
        IntCC::UnsignedLessThanOrEqual,
        ea,
        i64::from(u32::MAX - (n - 1)),
    )
}

/// The conditions under which a store of `n` bytes (at most 128) at `ea` may write its
/// bytes one access after another: the range does not wrap past 4 GiB, and the pages of its
/// first and last bytes (it spans at most two) allow the store. With host faults alone the
/// host would refuse only the part in a bad page, after the rest was written, so there the
/// unit leaves through the interpreter (which reports the fault) unless they hold; without,
/// they are the checks `guarded_mem` tests.
fn range_store_checks(l: &mut Lifter, ea: Value, n: u32, pc: u32, d: Decoded) -> [Value; 3] {
    let whole = no_wrap(l, ea, n);
    let last = l.b.ins().iadd_imm_s(ea, i64::from(n - 1));
    let first_ok = l.page_permits(ea, Perm::WRITE);
    let last_ok = l.page_permits(last, Perm::WRITE);
    let checks = [whole, first_ok, last_ok];
    if l.env.host_faults() {
        l.leave_unless_checks(&checks, pc, d);
    }
    checks
}

pub fn lift(l: &mut Lifter, op: LsOp, i: Insn, pc: u32) -> bool {
    let d = crate::isa::decode(i.0).expect("lifted words decode");
    match op {
        LsOp::Lwarx | LsOp::Ldarx => {
            reserve::load_reserve(l, i, pc, d, if op == LsOp::Lwarx { 4 } else { 8 });
            return true;
        }
        LsOp::Stwcx | LsOp::Stdcx => {
            reserve::store_conditional(l, i, pc, d, if op == LsOp::Stwcx { 4 } else { 8 });
            return true;
        }
        LsOp::Lmw => {
            multiple::load_multiple(l, i, pc, d);
            return true;
        }
        LsOp::Stmw => {
            multiple::store_multiple(l, i, pc, d);
            return true;
        }
        LsOp::Lswi => {
            if string::loads_into_ra(i) {
                // An invalid form: the interpreter reports it.
                return false;
            }
            string::load_string(l, i, pc, d);
            return true;
        }
        LsOp::Stswi => {
            string::store_string(l, i, pc, d);
            return true;
        }
        _ => {}
    }
    let Some(acc) = classify(op) else {
        return false;
    };
    lift_access(l, &acc, i, pc, d);
    true
}

fn lift_access(l: &mut Lifter, acc: &Access, i: Insn, pc: u32, d: Decoded) {
    let base = if acc.update {
        l.get(Reg::Gpr(i.ra()))
    } else {
        l.gpr_or_zero(i.ra())
    };
    let index = match acc.addr {
        Addr::Disp => None,
        Addr::Ds => None,
        Addr::Indexed => Some(l.get(Reg::Gpr(i.rb()))),
    };
    let disp = match acc.addr {
        Addr::Disp => i.simm(),
        Addr::Ds => i.ds(),
        Addr::Indexed => 0,
    };
    // The effective address in 32-bit arithmetic, which the host leaves zero-extended, so
    // forming the host address needs no extension of its own.
    let base32 = address_word(l, base, 2);
    let index32 = index.map(|b| address_word(l, b, 2));
    let ea = match index32 {
        Some(b32) => l.b.ins().iadd(base32, b32),
        None => l.b.ins().iadd_imm_s(base32, disp),
    };
    // The full sum, for the update forms' RA.
    let sum = match index {
        Some(b) => l.b.ins().iadd(base, b),
        None => l.b.ins().iadd_imm_s(base, disp),
    };
    // A twin arm's load also reads what the other arm's reads, and keeps the one its branch
    // chose (`twins`).
    let twin = match acc.addr {
        Addr::Indexed => None,
        Addr::Disp | Addr::Ds => l.arm_load,
    }
    .map(|t| (t.taken, l.b.ins().iadd_imm_s(base32, t.other)));
    let size = acc.ty.bytes();
    let need = if acc.store { Perm::WRITE } else { Perm::READ };
    let checks = l.access_checks(ea, size, need, false);
    let reg = if acc.fpr {
        Reg::Fpr(i.rt())
    } else {
        Reg::Gpr(i.rt())
    };
    // With host faults, a small non-negative part of the sum is added to the host address
    // of the rest instead of to the guest word (see `UNWRAPPED`): the host folds it into the
    // access, and a loop-invariant base's host address is formed once, outside the loop.
    let small = match index.zip(index32) {
        _ if !l.env.host_faults() => None,
        Some((b, b32)) => match (small_bound(l, b, 3), small_bound(l, base, 3)) {
            (Some(_), _) => Some((base32, b)),
            (None, Some(_)) => Some((b32, base)),
            (None, None) => None,
        },
        None => None,
    };
    l.guarded_mem(&checks, pc, d, acc.store, |l| {
        let host = match small {
            Some((rest32, small)) => {
                let rest = l.b.ins().uextend(types::I64, rest32);
                let rest = l.b.ins().iadd(l.membase, rest);
                l.b.ins().iadd(rest, small)
            }
            None => {
                let ea64 = l.b.ins().uextend(types::I64, ea);
                l.b.ins().iadd(l.membase, ea64)
            }
        };
        if acc.store {
            let v = l.get(reg);
            let v = if acc.single {
                double_to_single(l, v)
            } else if acc.ty == types::I64 {
                v
            } else {
                l.b.ins().ireduce(acc.ty, v)
            };
            let v = if acc.reversed {
                v
            } else {
                l.swap_bytes_for_guest(v, acc.ty)
            };
            l.b.ins().store(guest_flags(), v, host, 0);
        } else {
            // A byte is one host load that also extends (no byte order to fix).
            let load = |l: &mut Lifter, host: Value| match (acc.ty, acc.signed) {
                (types::I8, true) => l.b.ins().sload8(types::I64, guest_flags(), host, 0),
                (types::I8, false) => l.b.ins().uload8(types::I64, guest_flags(), host, 0),
                _ => l.b.ins().load(acc.ty, guest_flags(), host, 0),
            };
            let v = load(l, host);
            let v = match twin {
                Some((taken, ea)) => {
                    let ea64 = l.b.ins().uextend(types::I64, ea);
                    let host = l.b.ins().iadd(l.membase, ea64);
                    let other = load(l, host);
                    l.b.ins().select(taken, v, other)
                }
                None => v,
            };
            let v = if acc.reversed || acc.ty == types::I8 {
                v
            } else {
                l.swap_bytes_for_guest(v, acc.ty)
            };
            let v = match (acc.ty, acc.signed) {
                _ if acc.single => single_to_double(l, v),
                (types::I8 | types::I64, _) => v,
                (_, true) => l.b.ins().sextend(types::I64, v),
                (_, false) => l.b.ins().uextend(types::I64, v),
            };
            l.set(reg, v);
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
