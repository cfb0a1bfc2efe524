//! CR fields set by comparisons are kept as the comparison, not as bits.
//!
//! A `cmp`, `cmpi`, `cmpl`, `cmpli` or an `Rc = 1` integer instruction sets its field *lazily*:
//! the lifter remembers which registers (or immediate) were compared and how, and a `bc` on
//! LT, GT or EQ branches on a host compare of those operands. The field's bits are built only
//! where something needs them: an instruction reading CR another way, control leaving the
//! unit, the interpreter, or a block of the unit that does not expect the field lazy.
//!
//! The invariant that makes this exact: while a field is lazy, the operands it describes
//! still hold the values compared, and so does XER[SO]. A compared register that is written
//! first has its old value kept in a *shadow* register (`Reg::Shadow`, one per field and
//! operand, stored in `Runtime::cr_shadow` like a register in the context), and the
//! description then names the shadow; a write to SO builds the fields. So the field is a pure
//! function of the guest context and the shadows, described by a `CrDesc`, and:
//! - a block of the unit can inherit it through `Plan` (the same fixed point as for
//!   registers), so a compare-and-branch in a loop never builds bits at all;
//! - a host fault needs nothing stored: each fault site names the fields lazy at its
//!   checkpoint, and the dispatcher builds them from the registers there (`apply`).

use super::{Lifter, Reg};
use crate::Context;
use cranelift_codegen::ir::{types, InstBuilder, Value};

/// An operand of a lazy comparison.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Operand {
    Gpr(u8),
    Imm(i64),
    /// `Runtime::cr_shadow[k]` (`Reg::Shadow(k)`): a compared register's value from before
    /// it changed.
    Shadow(u8),
}

/// A CR field as a comparison: `a` with `b`, signed or unsigned, of the full values or
/// (`word`) of their low words extended by the signedness; SO is XER[SO].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct CrDesc {
    pub a: Operand,
    pub b: Operand,
    pub signed: bool,
    pub word: bool,
}

/// The lazy fields at one point, by field number.
pub type LazyCr = [Option<CrDesc>; 8];

impl CrDesc {
    /// Field `n` where jumps bringing different comparisons meet: a comparison of its two
    /// shadows, into which each jump puts its operands (extended as its comparison says).
    /// Signed unless every comparison meeting there is unsigned: then the shadows take the
    /// values as they are (int_kernels' Collatz loop, whose `cmpldi` meets the outer loop's
    /// `cmpld` at its head); a jump bringing the other signedness flips both sign bits, which
    /// orders them the same way under the merged comparison (`Lifter::merge_field`).
    pub fn merged(n: usize, signed: bool) -> CrDesc {
        CrDesc {
            a: Operand::Shadow((2 * n) as u8),
            b: Operand::Shadow((2 * n + 1) as u8),
            signed,
            word: false,
        }
    }

    /// Field `n` where only word comparisons of one signedness meet: a word comparison of
    /// its shadows, which take the operands as they are (only their low words count). sort's
    /// merge loop, whose two ways into its head bring `cmpw` with one register overwritten
    /// on one way, then stores its registers into the shadows without extending them.
    pub fn merged_word(n: usize, signed: bool) -> CrDesc {
        CrDesc {
            word: true,
            ..Self::merged(n, signed)
        }
    }

    /// Whether this is one of field `n`'s merged forms.
    pub fn is_merged(&self, n: usize) -> bool {
        *self == Self::merged(n, self.signed) || *self == Self::merged_word(n, self.signed)
    }

    /// The merged form that jumps bringing `self` and `other` to one block agree on.
    pub fn merge_with(&self, other: &CrDesc, n: usize) -> CrDesc {
        if self.word && other.word && self.signed == other.signed {
            Self::merged_word(n, self.signed)
        } else {
            Self::merged(n, self.signed || other.signed)
        }
    }

    /// A word comparison whose operands are all shadows or immediates compares the same
    /// as the signed comparison of the operands extended (as the comparison's signedness
    /// says; zero-extended words are non-negative), which is the form a merge puts them in:
    /// with the extended values in its shadows, the field merges without touching them.
    /// (`Lifter::before_gpr_write` extends the shadows' values when it makes this change.)
    /// Not the merged word form (`merged_word`), whose shadows hold the operands as they
    /// are: it stays a word comparison wherever it is carried. Word comparisons that have
    /// only their shadows left still settle, as before the merged word form: without that,
    /// lu_f64 ran 2.1% fewer host instructions but bytecode_vm 3.7% more.
    pub fn settled(self) -> CrDesc {
        let gpr = |op: Operand| matches!(op, Operand::Gpr(_));
        let merged_word =
            matches!(self.a, Operand::Shadow(k) if self.is_merged(usize::from(k / 2)));
        if !self.word || gpr(self.a) || gpr(self.b) || merged_word {
            return self;
        }
        let extend = |op: Operand| match op {
            Operand::Imm(i) if self.signed => Operand::Imm(i64::from(i as i32)),
            Operand::Imm(i) => Operand::Imm(i64::from(i as u32)),
            op => op,
        };
        CrDesc {
            a: extend(self.a),
            b: extend(self.b),
            signed: true,
            word: false,
        }
    }

    /// The field's four bits from the context and the shadows (LT, GT, EQ, SO as `interp`
    /// sets them).
    pub fn bits(&self, ctx: &Context, shadows: &[u64; 16]) -> u32 {
        let extend = |v: u64| match (self.word, self.signed) {
            (false, _) => v,
            (true, true) => v as u32 as i32 as i64 as u64,
            (true, false) => u64::from(v as u32),
        };
        let value = |op: Operand| match op {
            Operand::Gpr(r) => ctx.gpr[usize::from(r)],
            Operand::Imm(i) => i as u64,
            Operand::Shadow(k) => shadows[usize::from(k)],
        };
        let a = extend(value(self.a));
        let b = extend(value(self.b));
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

/// Writes the lazy fields of `set` into `ctx.cr`, from the context's registers and the
/// shadows (for a host fault, and for `Runtime::settle_cr`).
pub fn apply(ctx: &mut Context, set: &LazyCr, shadows: &[u64; 16]) {
    for (n, desc) in set.iter().enumerate() {
        if let Some(d) = desc {
            let shift = 28 - 4 * n;
            ctx.cr = (ctx.cr & !(0xf << shift)) | (d.bits(ctx, shadows) << shift);
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
    /// GPRs written (a lazy field comparing one takes its old value from a shadow).
    pub gprs: u32,
    /// XER[SO] written.
    pub so: bool,
}

impl Kills {
    /// What an inherited `desc` in field `n` becomes after these events: still lazy, with
    /// the registers written replaced by the field's shadows, or built (`None`).
    pub fn carry(&self, n: usize, desc: &CrDesc) -> Option<CrDesc> {
        if self.fields[n] || self.so {
            return None;
        }
        let shadowed = |op: Operand, k: usize| match op {
            Operand::Gpr(r) if self.gprs & (1 << r) != 0 => Operand::Shadow((2 * n + k) as u8),
            op => op,
        };
        Some(
            CrDesc {
                a: shadowed(desc.a, 0),
                b: shadowed(desc.b, 1),
                ..*desc
            }
            .settled(),
        )
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

    fn any_lazy(&self) -> bool {
        self.lazy.iter().any(Option::is_some)
    }

    /// Sets field `n` lazily to the comparison `desc` describes, computing the compared
    /// values here, where a `bc` on the field will find them.
    pub(super) fn set_lazy(&mut self, n: usize, desc: CrDesc) {
        self.kills.fields[n] = true;
        self.note_field_set(n);
        // The field's shadows are dead from here (see `Prefix`).
        self.note_write(Reg::Shadow(2 * n).slot());
        self.note_write(Reg::Shadow(2 * n + 1).slot());
        self.drop_shadows(n);
        self.lazy[n] = Some(Lazy { desc, vals: None });
        self.lazy_vals(n);
    }

    /// The compared values of lazy field `n`, computed from its operands the first time
    /// (cached: callers only ask in code that dominates the rest of the block).
    pub(super) fn lazy_vals(&mut self, n: usize) -> (Value, Value, bool) {
        let lazy = self.lazy[n].expect("asked for a lazy field");
        let d = lazy.desc;
        if let Some((a, b)) = lazy.vals {
            return (a, b, d.signed);
        }
        let a = self.operand(d.a);
        let b = self.operand(d.b);
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

    fn operand(&mut self, op: Operand) -> Value {
        match op {
            Operand::Gpr(r) => self.get(Reg::Gpr(usize::from(r))),
            Operand::Imm(i) => self.b.ins().iconst(types::I64, i),
            Operand::Shadow(k) => self.get(Reg::Shadow(usize::from(k))),
        }
    }

    /// Field `n` no longer needs its shadows: they are not stored.
    pub(super) fn drop_shadows(&mut self, n: usize) {
        self.dirty[Reg::Shadow(2 * n).slot()] = false;
        self.dirty[Reg::Shadow(2 * n + 1).slot()] = false;
    }

    /// Turns lazy field `n` into `into`, its merged form (`CrDesc::merged`): its compared
    /// values into its shadows. A comparison of the other signedness has its sign bits
    /// flipped, which orders the values the same way under the other comparison (except
    /// zero-extended words, which compare the same either way).
    pub(super) fn merge_field(&mut self, n: usize, into: CrDesc) {
        let lazy = self.lazy[n].expect("merging a lazy field");
        let desc = lazy.desc;
        // A merged word comparison meets only word comparisons of its signedness
        // (`CrDesc::merge_with`).
        debug_assert!(
            !into.word || desc.word && desc.signed == into.signed,
            "word merge of {desc:?}"
        );
        let word = desc.word;
        let zero_extended = word && !desc.signed;
        let flips = desc.signed != into.signed && !zero_extended;
        // An operand that is already the shadow it goes to, unchanged (a comparison of the
        // same width and signedness), stays where it is.
        let raw = desc.signed == into.signed && word == into.word;
        let in_place = |k: usize, op: Operand| raw && op == Operand::Shadow((2 * n + k) as u8);
        if into.word || lazy.vals.is_none() && (in_place(0, desc.a) || in_place(1, desc.b)) {
            // The operands go to the shadows as they are: a word merge takes them
            // unextended, and otherwise only the operand not in place is read (reading the
            // shadow would load a value nothing uses).
            for (k, op) in [(0, desc.a), (1, desc.b)] {
                if !in_place(k, op) {
                    let v = self.operand(op);
                    self.def_reg(Reg::Shadow(2 * n + k), v);
                }
            }
            self.lazy[n] = Some(Lazy {
                desc: into,
                vals: None,
            });
            return;
        }
        let (a, b, _) = self.lazy_vals(n);
        let (a, b) = if flips {
            let flip = i64::MIN;
            (
                self.b.ins().bxor_imm_s(a, flip),
                self.b.ins().bxor_imm_s(b, flip),
            )
        } else {
            (a, b)
        };
        if !in_place(0, desc.a) {
            self.def_reg(Reg::Shadow(2 * n), a);
        }
        if !in_place(1, desc.b) {
            self.def_reg(Reg::Shadow(2 * n + 1), b);
        }
        self.lazy[n] = Some(Lazy {
            desc: into,
            vals: Some((a, b)),
        });
    }

    /// Builds lazy field `n` into the CR variable (which becomes changed).
    pub(super) fn build_field(&mut self, n: usize) {
        if self.lazy[n].is_none() {
            return;
        }
        let (a, b, signed) = self.lazy_vals(n);
        let field = self.compare_field(a, b, signed);
        self.lazy[n] = None;
        self.drop_shadows(n);
        self.put_cr_field(n, field);
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

    /// Before GPR `r` changes: the lazy fields that compared it keep its value in their
    /// shadows.
    pub(super) fn before_gpr_write(&mut self, r: usize) {
        self.kills.gprs |= 1 << r;
        let reg = Operand::Gpr(r as u8);
        for n in 0..8 {
            let Some(mut lazy) = self.lazy[n] else {
                continue;
            };
            if lazy.desc.a != reg && lazy.desc.b != reg {
                continue;
            }
            let old = self.get(Reg::Gpr(r));
            if lazy.desc.a == reg {
                self.def_reg(Reg::Shadow(2 * n), old);
                lazy.desc.a = Operand::Shadow((2 * n) as u8);
            }
            if lazy.desc.b == reg {
                self.def_reg(Reg::Shadow(2 * n + 1), old);
                lazy.desc.b = Operand::Shadow((2 * n + 1) as u8);
            }
            let settled = lazy.desc.settled();
            if settled != lazy.desc {
                // The shadows take their extended values (the compared values, which
                // `vals` holds already when computed).
                for (k, op) in [(2 * n, lazy.desc.a), (2 * n + 1, lazy.desc.b)] {
                    if op == Operand::Shadow(k as u8) {
                        let v = self.get(Reg::Shadow(k));
                        let v = self.low_word(v, lazy.desc.signed);
                        self.def_reg(Reg::Shadow(k), v);
                    }
                }
                lazy.desc = settled;
            }
            self.lazy[n] = Some(lazy);
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
        if !self.any_lazy() {
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
        if !self.any_lazy() {
            return 0;
        }
        let set = self.lazy_descs();
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
        if !self.any_lazy() {
            return;
        }
        let i = self.lazy_set_index() as usize;
        let set: *const LazyCr = &*self.lazy_sets[i];
        let set = self.b.ins().iconst(types::I64, set as i64);
        let off = std::mem::offset_of!(super::Runtime, lazy_cr) as i32;
        self.b.ins().store(super::ctx_flags(), set, self.rt, off);
    }
}
