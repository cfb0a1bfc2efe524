//! Running a case on each backend and comparing everything architectural they leave behind:
//! the exit, the retired count, every field of the context and all of scratch memory.

use super::state::{Case, Machine, SetupError, SCRATCH_BASE, SENTINEL};
use oxenon_jit::interp::{self, Exit, Limits};
use oxenon_jit::jit::Jit;
use oxenon_jit::Context;
use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What a backend left behind.
#[derive(Clone)]
pub struct Outcome {
    pub exit: Exit,
    pub retired: u64,
    pub ctx: Context,
    pub scratch: Vec<u8>,
}

#[derive(Clone)]
pub enum Run {
    Done(Box<Outcome>),
    /// The backend returned an error or panicked: a finding, with its message.
    Broken(String),
}

impl Run {
    pub fn outcome(&self) -> Option<&Outcome> {
        match self {
            Run::Done(o) => Some(o),
            Run::Broken(_) => None,
        }
    }
}

pub fn limits(case: &Case) -> Limits {
    Limits {
        max_instructions: case.budget,
        stop_at: Some(SENTINEL),
    }
}

thread_local! {
    static IN_BACKEND: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Makes panics inside a backend quiet (they are findings, reported with the case), while
/// panics anywhere else still print as usual.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if IN_BACKEND.with(Cell::get) {
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
        } else {
            previous(info);
        }
    }));
}

fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    IN_BACKEND.with(|b| b.set(true));
    LAST_PANIC.with(|p| *p.borrow_mut() = None);
    let r = catch_unwind(AssertUnwindSafe(f));
    IN_BACKEND.with(|b| b.set(false));
    r.map_err(|payload| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panicked".to_owned())
    })
}

pub fn run_interp(m: &Machine, case: &Case, slot: u32) -> Result<Run, SetupError> {
    let mut ctx = m.prepare(case, slot)?;
    let lim = limits(case);
    let r = guarded(|| interp::run(&mut ctx, &m.mem, lim));
    finish(m, ctx, r.map(Ok))
}

pub fn run_jit(m: &Machine, jit: &mut Jit, case: &Case, slot: u32) -> Result<Run, SetupError> {
    let mut ctx = m.prepare(case, slot)?;
    let lim = limits(case);
    let r = guarded(|| jit.run(&mut ctx, &m.mem, lim));
    finish(m, ctx, r.map(|x| x.map_err(|e| format!("JIT error: {e}"))))
}

fn finish(
    m: &Machine,
    ctx: Context,
    r: Result<Result<(Exit, u64), String>, String>,
) -> Result<Run, SetupError> {
    Ok(match r {
        Ok(Ok((exit, retired))) => Run::Done(Box::new(Outcome {
            exit,
            retired,
            ctx,
            scratch: m.scratch()?,
        })),
        Ok(Err(e)) => Run::Broken(e),
        Err(panic) => Run::Broken(format!("panicked: {panic}")),
    })
}

/// One thing a comparison can find different.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// One backend failed to run at all.
    Backend,
    Exit,
    Retired,
    Pc,
    Gpr(u8),
    Fpr(u8),
    Vr(u8),
    Cr,
    XerSo,
    XerOv,
    XerCa,
    XerBc,
    Lr,
    Ctr,
    Msr,
    Fpscr,
    Vscr,
    Vrsave,
    ReserveValid,
    ReserveAddr,
    ReserveSize,
    ReserveValue,
    Timebase,
    Memory {
        addr: u32,
        len: u32,
    },
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Field::Backend => f.write_str("backend"),
            Field::Exit => f.write_str("exit"),
            Field::Retired => f.write_str("retired"),
            Field::Pc => f.write_str("pc"),
            Field::Gpr(n) => write!(f, "r{n}"),
            Field::Fpr(n) => write!(f, "f{n}"),
            Field::Vr(n) => write!(f, "v{n}"),
            Field::Cr => f.write_str("cr"),
            Field::XerSo => f.write_str("xer.so"),
            Field::XerOv => f.write_str("xer.ov"),
            Field::XerCa => f.write_str("xer.ca"),
            Field::XerBc => f.write_str("xer.bc"),
            Field::Lr => f.write_str("lr"),
            Field::Ctr => f.write_str("ctr"),
            Field::Msr => f.write_str("msr"),
            Field::Fpscr => f.write_str("fpscr"),
            Field::Vscr => f.write_str("vscr"),
            Field::Vrsave => f.write_str("vrsave"),
            Field::ReserveValid => f.write_str("reserve.valid"),
            Field::ReserveAddr => f.write_str("reserve.addr"),
            Field::ReserveSize => f.write_str("reserve.size"),
            Field::ReserveValue => f.write_str("reserve.value"),
            Field::Timebase => f.write_str("timebase"),
            Field::Memory { addr, len } => write!(f, "mem[{addr:#010x}..+{len}]"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diff {
    pub field: Field,
    pub interp: String,
    pub jit: String,
}

impl std::fmt::Display for Diff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: interpreter {}, JIT {}",
            self.field, self.interp, self.jit
        )
    }
}

/// Everything that differs between the interpreter's run and the JIT's.
pub fn diff(interp: &Run, jit: &Run) -> Vec<Diff> {
    match (interp, jit) {
        (Run::Done(a), Run::Done(b)) => diff_outcomes(a, b),
        (a, b) => {
            let text = |r: &Run| match r {
                Run::Done(o) => format!("ran ({})", o.exit),
                Run::Broken(e) => e.clone(),
            };
            vec![Diff {
                field: Field::Backend,
                interp: text(a),
                jit: text(b),
            }]
        }
    }
}

fn hex64(v: u64) -> String {
    format!("{v:#018x}")
}

fn hex32(v: u32) -> String {
    format!("{v:#010x}")
}

pub fn diff_outcomes(a: &Outcome, b: &Outcome) -> Vec<Diff> {
    let mut out = Vec::new();
    // Values are compared raw and formatted only when they differ: this runs every
    // iteration, over some two hundred fields.
    fn check<T: PartialEq + Copy>(
        out: &mut Vec<Diff>,
        field: Field,
        x: T,
        y: T,
        show: impl Fn(T) -> String,
    ) {
        if x != y {
            out.push(Diff {
                field,
                interp: show(x),
                jit: show(y),
            });
        }
    }
    let dec = |v: u64| v.to_string();
    let byte = |v: u8| v.to_string();
    let double = |v: u64| format!("{v:#018x} ({:e})", f64::from_bits(v));
    if a.exit != b.exit {
        out.push(Diff {
            field: Field::Exit,
            interp: a.exit.to_string(),
            jit: b.exit.to_string(),
        });
    }
    check(&mut out, Field::Retired, a.retired, b.retired, dec);
    let (x, y) = (&a.ctx, &b.ctx);
    check(&mut out, Field::Pc, x.pc, y.pc, hex32);
    for i in 0..32 {
        check(&mut out, Field::Gpr(i as u8), x.gpr[i], y.gpr[i], hex64);
    }
    for i in 0..32 {
        check(&mut out, Field::Fpr(i as u8), x.fpr[i], y.fpr[i], double);
    }
    for i in 0..128 {
        check(&mut out, Field::Vr(i as u8), x.vr[i], y.vr[i], |v| {
            format!("{v:#034x}")
        });
    }
    check(&mut out, Field::Cr, x.cr, y.cr, hex32);
    check(&mut out, Field::XerSo, x.xer_so, y.xer_so, byte);
    check(&mut out, Field::XerOv, x.xer_ov, y.xer_ov, byte);
    check(&mut out, Field::XerCa, x.xer_ca, y.xer_ca, byte);
    check(&mut out, Field::XerBc, x.xer_bc, y.xer_bc, byte);
    check(&mut out, Field::Lr, x.lr, y.lr, hex64);
    check(&mut out, Field::Ctr, x.ctr, y.ctr, hex64);
    check(&mut out, Field::Msr, x.msr, y.msr, hex64);
    check(&mut out, Field::Fpscr, x.fpscr, y.fpscr, hex32);
    check(&mut out, Field::Vscr, x.vscr, y.vscr, hex32);
    check(&mut out, Field::Vrsave, x.vrsave, y.vrsave, hex32);
    check(
        &mut out,
        Field::ReserveValid,
        x.reserve_valid,
        y.reserve_valid,
        byte,
    );
    check(
        &mut out,
        Field::ReserveAddr,
        x.reserve_addr,
        y.reserve_addr,
        hex32,
    );
    check(
        &mut out,
        Field::ReserveSize,
        x.reserve_size,
        y.reserve_size,
        byte,
    );
    check(
        &mut out,
        Field::ReserveValue,
        x.reserve_value,
        y.reserve_value,
        hex64,
    );
    check(&mut out, Field::Timebase, x.timebase, y.timebase, hex64);
    if a.scratch != b.scratch {
        out.extend(memory_diffs(&a.scratch, &b.scratch));
    }
    out
}

/// Differing bytes of scratch memory as ranges (runs closer than 8 bytes merged), at most
/// a handful of them, each showing at most 16 bytes.
fn memory_diffs(a: &[u8], b: &[u8]) -> Vec<Diff> {
    const MAX_RANGES: usize = 8;
    const SHOWN: usize = 16;
    let n = a.len().min(b.len());
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for i in (0..n).filter(|&i| a[i] != b[i]) {
        match ranges.last_mut() {
            Some((_, end)) if i < *end + 8 => *end = i + 1,
            _ => ranges.push((i, i + 1)),
        }
    }
    let bytes = |m: &[u8], s: usize, e: usize| {
        let mut t: String = m[s..e.min(s + SHOWN)]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(" ");
        if e - s > SHOWN {
            t.push_str(" ...");
        }
        t
    };
    let mut out: Vec<Diff> = ranges
        .iter()
        .take(MAX_RANGES)
        .map(|&(s, e)| Diff {
            field: Field::Memory {
                addr: SCRATCH_BASE + s as u32,
                len: (e - s) as u32,
            },
            interp: bytes(a, s, e),
            jit: bytes(b, s, e),
        })
        .collect();
    if ranges.len() > MAX_RANGES {
        let (s, _) = ranges[MAX_RANGES];
        let (_, e) = ranges[ranges.len() - 1];
        out.push(Diff {
            field: Field::Memory {
                addr: SCRATCH_BASE + s as u32,
                len: (e - s) as u32,
            },
            interp: format!("{} more differing ranges", ranges.len() - MAX_RANGES),
            jit: String::new(),
        });
    }
    out
}
