//! CR fields set by comparisons are kept as the comparison, not as bits.
//!
//! A `cmp`, `cmpi`, `cmpl`, `cmpli` or an `Rc = 1` integer instruction sets its field *lazily*:
//! the lifter remembers which registers (or immediate) were compared and how, and a `bc` on
//! LT, GT or EQ branches on a host compare of those operands. The field's bits are built only
//! where something needs them: an instruction reading CR another way, control leaving the
//! unit, the interpreter, or a block of the unit that does not expect the field lazy.
//!
//! The invariant that makes this exact: while a field is lazy, the registers it compared and
//! XER[SO] still hold the values they had at the comparison (a write to one of them builds
//! the field first). So the field is a pure function of the guest context, described by a
//! `CrDesc`, and:
//! - a block of the unit can inherit it through `Plan` (the same fixed point as for
//!   registers), so a compare-and-branch in a loop never builds bits at all;
//! - a host fault needs nothing stored: each fault site names the fields lazy at its
//!   checkpoint, and the dispatcher builds them from the registers there (`apply`).

use super::{Lifter, Reg};
use crate::Context;
use cranelift_codegen::ir::{types, InstBuilder, Value};

/// The second operand of a lazy comparison.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Operand {
    Gpr(u8),
    Imm(i64),
}

/// A CR field as a comparison of guest registers: `a` with `b`, signed or unsigned, of the
/// full registers or (`word`) of their low words extended by the signedness; SO is XER[SO].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct CrDesc {
    pub a: u8,
    pub b: Operand,
    pub signed: bool,
    pub word: bool,
}

/// The lazy fields at one point, by field number.
pub type LazyCr = [Option<CrDesc>; 8];

impl CrDesc {
    fn reads(&self, r: usize) -> bool {
        usize::from(self.a) == r || self.b == Operand::Gpr(r as u8)
    }

    /// The field's four bits from the context (LT, GT, EQ, SO as `interp` sets them).
    pub fn bits(&self, ctx: &Context) -> u32 {
        let extend = |v: u64| match (self.word, self.signed) {
            (false, _) => v,
            (true, true) => v as u32 as i32 as i64 as u64,
            (true, false) => u64::from(v as u32),
        };
        let a = extend(ctx.gpr[usize::from(self.a)]);
        let b = extend(match self.b {
            Operand::Gpr(r) => ctx.gpr[usize::from(r)],
            Operand::Imm(i) => i as u64,
        });
        let (lt, gt) = if self.signed {
            ((a as i64) < (b as i64), (a as i64) > (b as i64))
        } else {
            (a < b, a > b)
        };
        let order = if lt {
            8
        } else if gt {
            4
        } else {
            2
        };
        order | u32::from(ctx.xer_so & 1)
    }
}

/// Writes the lazy fields of `set` into `ctx.cr`, from the context's registers (for a host
/// fault, and for `Runtime::settle_cr`).
pub fn apply(ctx: &mut Context, set: &LazyCr) {
    for (n, desc) in set.iter().enumerate() {
        if let Some(d) = desc {
            let shift = 28 - 4 * n;
            ctx.cr = (ctx.cr & !(0xf << shift)) | (d.bits(ctx) << shift);
        }
    }
}

/// One lazy field in the lifter: its description and, once computed in code that dominates
/// what follows, the compared values.
#[derive(Clone, Copy)]
pub struct Lazy {
    pub desc: CrDesc,
    pub vals: Option<(Value, Value)>,
}

/// First pass: what the current block did so far that ends a field it inherited lazy.
#[derive(Clone, Copy, Default, PartialEq, Debug)]
pub struct Kills {
    /// The field was written, built or read as bits.
    pub fields: [bool; 8],
    /// GPRs written (a lazy field reading one is built first).
    pub gprs: u32,
    /// XER[SO] written.
    pub so: bool,
}

impl Kills {
    /// Whether an inherited `desc` in field `n` is still lazy after these events.
    pub fn keeps(&self, n: usize, desc: &CrDesc) -> bool {
        !self.fields[n]
            && !self.so
            && self.gprs & (1 << desc.a) == 0
            && match desc.b {
                Operand::Gpr(r) => self.gprs & (1 << r) == 0,
                Operand::Imm(_) => true,
            }
    }
}

impl Lifter<'_, '_> {
    pub(super) fn is_lazy(&self, n: usize) -> bool {
        self.lazy[n].is_some()
    }

    /// The lazy fields' descriptions.
    pub(super) fn lazy_descs(&self) -> LazyCr {
        self.lazy.map(|l| l.map(|l| l.desc))
    }

    /// Sets field `n` lazily to the comparison of `vals` (already extended as `desc` says).
    pub(super) fn set_lazy(&mut self, n: usize, desc: CrDesc, vals: (Value, Value)) {
        self.kills.fields[n] = true;
        self.lazy[n] = Some(Lazy {
            desc,
            vals: Some(vals),
        });
    }

    /// The compared values of lazy field `n`, computed from the registers if the field was
    /// inherited (cached: callers only ask in code that dominates the rest of the block).
    pub(super) fn lazy_vals(&mut self, n: usize) -> (Value, Value, bool) {
        let lazy = self.lazy[n].expect("asked for a lazy field");
        let d = lazy.desc;
        if let Some((a, b)) = lazy.vals {
            return (a, b, d.signed);
        }
        let a = self.get(Reg::Gpr(usize::from(d.a)));
        let b = match d.b {
            Operand::Gpr(r) => self.get(Reg::Gpr(usize::from(r))),
            Operand::Imm(i) => self.b.ins().iconst(types::I64, i),
        };
        let (a, b) = if d.word {
            (self.low_word(a, d.signed), self.low_word(b, d.signed))
        } else {
            (a, b)
        };
        if let Some(l) = self.lazy[n].as_mut() {
            l.vals = Some((a, b));
        }
        (a, b, d.signed)
    }

    /// Builds lazy field `n` into the CR variable (which becomes changed).
    pub(super) fn build_field(&mut self, n: usize) {
        if self.lazy[n].is_none() {
            return;
        }
        let (a, b, signed) = self.lazy_vals(n);
        let field = self.compare_field(a, b, signed);
        self.lazy[n] = None;
        let shift = 28 - 4 * n as i64;
        let cr = self.get_held(Reg::Cr);
        let kept = self
            .b
            .ins()
            .band_imm_u(cr, !(0xfi64 << shift) & 0xffff_ffff);
        let moved = self.b.ins().ishl_imm_u(field, shift);
        let cr = self.b.ins().bor(kept, moved);
        self.def_reg(Reg::Cr, cr);
    }

    /// Ends field `n`'s laziness for good (built now if it was lazy).
    pub(super) fn kill_field(&mut self, n: usize) {
        self.kills.fields[n] = true;
        self.build_field(n);
    }

    pub(super) fn kill_all_fields(&mut self) {
        for n in 0..8 {
            self.kill_field(n);
        }
    }

    /// Before GPR `r` changes: builds the lazy fields that compared it.
    pub(super) fn before_gpr_write(&mut self, r: usize) {
        self.kills.gprs |= 1 << r;
        for n in 0..8 {
            if self.lazy[n].is_some_and(|l| l.desc.reads(r)) {
                self.kill_field(n);
            }
        }
    }

    /// Before XER[SO] changes: every lazy field copies it.
    pub(super) fn before_so_write(&mut self) {
        self.kills.so = true;
        self.kill_all_fields();
    }

    /// Builds every lazy field for code that reads the context (an exit, the interpreter)
    /// and stores what changed, leaving the lifter's view as it was: the code after an exit
    /// path still has the fields lazy.
    pub(super) fn flush_exact(&mut self) {
        if self.lazy.iter().all(Option::is_none) {
            self.flush_counted();
            return;
        }
        let saved = (self.valid, self.dirty, self.lazy);
        for n in 0..8 {
            self.build_field(n);
        }
        self.flush_counted();
        (self.valid, self.dirty, self.lazy) = saved;
    }

    /// The index of the current lazy set in `lazy_sets` (0: none), for a fault site's
    /// checkpoint.
    pub(super) fn lazy_set_index(&mut self) -> u32 {
        let set = self.lazy_descs();
        if set.iter().all(Option::is_none) {
            return 0;
        }
        if let Some(i) = self.lazy_sets.iter().position(|s| **s == set) {
            return i as u32;
        }
        self.lazy_sets.push(Box::new(set));
        (self.lazy_sets.len() - 1) as u32
    }

    /// Stores what changed for Rust code that reads the context next (a return to the
    /// dispatcher, the interpreter helper): the lazy fields are not built but named in
    /// `Runtime::lazy_cr`, and Rust builds them (`Runtime::settle_cr`) before it looks.
    pub(super) fn flush_for_rust(&mut self) {
        self.flush_counted();
        if self.lazy.iter().all(Option::is_none) {
            return;
        }
        let i = self.lazy_set_index() as usize;
        let set: *const LazyCr = &*self.lazy_sets[i];
        let set = self.b.ins().iconst(types::I64, set as i64);
        let off = std::mem::offset_of!(super::Runtime, lazy_cr) as i32;
        self.b.ins().store(super::ctx_flags(), set, self.rt, off);
    }
}
