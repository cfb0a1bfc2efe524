//! `oxenon fuzz`: differential fuzzing of the JIT against the reference interpreter.
//!
//! Each iteration generates a random valid instruction sequence and initial state
//! (`generator`, `state`), runs it on the interpreter and on the JIT from identical state in
//! two separate guest memories, and compares everything architectural (`compare`). The JIT is
//! a fresh engine for half the iterations and one shared engine for the other half, each of
//! its sequences at a new code address: sharing exercises the code cache, link cells and
//! indirect-branch table across units, a fresh engine keeps a finding independent of them.
//! A mismatch is shrunk (`shrink`) and written as a `.s` test (`emit`).
//!
//! Everything is a function of the seed: iteration N's case depends only on (seed, N).

mod compare;
mod emit;
mod generator;
mod shrink;
mod state;

use anyhow::{Context as _, Result};
use compare::{diff, run_interp, run_jit, Diff, Run};
use generator::{chance, generate, Class, SplitMix64};
use oxenon_jit::interp::Exit;
use oxenon_jit::jit::Jit;
use state::{Case, Machine, SLOTS};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The classes `--classes` accepts, in a form clap can hold.
#[derive(Clone, Debug)]
pub struct ClassList(pub Vec<Class>);

fn parse_classes(text: &str) -> Result<ClassList, String> {
    let names: Vec<&str> = Class::ALL.iter().map(|c| c.name()).collect();
    let mut out = Vec::new();
    for part in text.split(',') {
        let name = part.trim().to_ascii_lowercase();
        if name.is_empty() {
            return Err(format!(
                "empty class name (expected a comma-separated list of: {})",
                names.join(", ")
            ));
        }
        let class = Class::parse(&name).ok_or_else(|| {
            format!(
                "unknown class `{name}` (expected a comma-separated list of: {})",
                names.join(", ")
            )
        })?;
        if !out.contains(&class) {
            out.push(class);
        }
    }
    Ok(ClassList(out))
}

#[derive(clap::Args, Debug)]
#[command(
    about = "Differential fuzzing: random instruction sequences on the JIT and the interpreter",
    long_about = "Differential fuzzing of the JIT against the reference interpreter.\n\n\
        Each iteration generates a random valid instruction sequence from the instruction \
        table (with loops, forward and indirect branches, loads and stores into scratch \
        memory, Rc/OE forms) and a random initial state (edge values, every rounding mode, \
        32- and 64-bit mode), runs it on both backends and compares the exit, the retired \
        count, every register and scratch memory. A mismatch is shrunk and written as a .s \
        test for `oxenon ppc-test` into --out; its expected values are the interpreter's, \
        to be checked against qemu before the file joins tests/ppc/.\n\n\
        The same seed always produces the same cases. Exit status: 0 no mismatch, 1 some \
        mismatch, 2 a usage or setup error.",
    after_help = "Example: oxenon fuzz --seed 7 --iters 20000 --classes integer,branch --len 30"
)]
pub struct FuzzArgs {
    /// Seed of the generator; iteration N of a seed is always the same case
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// Number of sequences to run
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub iters: u64,
    /// Instruction classes to draw from, comma-separated: integer, branch, loadstore, fpu,
    /// system, vector (vector only when named)
    #[arg(
        long,
        value_name = "LIST",
        value_parser = parse_classes,
        default_value = "integer,branch,loadstore,fpu,system"
    )]
    pub classes: ClassList,
    /// Instructions per sequence, before the closing blr (patterns may add a few)
    #[arg(long, value_name = "N", default_value_t = 20,
          value_parser = clap::value_parser!(u32).range(1..=256))]
    pub len: u32,
    /// Directory for the .s reproducers of mismatches (created when needed)
    #[arg(long, value_name = "DIR", default_value = "fuzz-findings")]
    pub out: PathBuf,
}

/// What the run found; the caller turns it into the exit status.
pub struct Report {
    pub mismatches: u64,
}

/// Mismatches past this many are counted but not shrunk or written: a systematic bug would
/// otherwise fill the disk with copies of itself.
const MAX_REPORTS: u64 = 20;

const PROGRESS_EVERY: Duration = Duration::from_secs(1);

/// A JIT kept across iterations, with the next code slot it has never seen and the last
/// case it ran (in which slot), for running that code again.
struct SharedJit {
    jit: Jit,
    next_slot: u32,
    last: Option<(u32, Case)>,
}

#[derive(Default)]
struct Stats {
    iterations: u64,
    fresh: u64,
    shared: u64,
    /// Shared JITs started (every other one with FP full paths from the start).
    shared_engines: u64,
    /// Shared-JIT iterations that ran code the JIT had run before.
    reruns: u64,
    /// Instructions retired by the interpreter.
    executed: u64,
    generated: [u64; Class::ALL.len()],
    in_mismatch: [u64; Class::ALL.len()],
    exits: [u64; EXIT_KINDS.len()],
    mismatches: u64,
}

const EXIT_KINDS: [&str; 8] = [
    "returned",
    "budget",
    "syscall",
    "trap",
    "fault",
    "invalid",
    "fp enabled",
    "broken",
];

fn exit_kind(r: &Run) -> usize {
    match r {
        Run::Done(o) => match o.exit {
            Exit::Stopped => 0,
            Exit::BudgetExhausted => 1,
            Exit::Syscall { .. } => 2,
            Exit::Trap { .. } => 3,
            Exit::Fault(_) => 4,
            Exit::Invalid { .. } => 5,
            Exit::FpEnabled => 6,
        },
        Run::Broken(_) => 7,
    }
}

fn classes_in(case: &Case) -> Vec<Class> {
    let mut v: Vec<Class> = case
        .program
        .body
        .iter()
        .filter_map(|s| Class::of_word(s.word))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The two backends' memories, which live for the whole run.
struct Machines {
    interp: Machine,
    jit: Machine,
}

impl Machines {
    /// Both backends on `case` in slot 0 with a fresh JIT: how findings are reproduced.
    fn run_fresh(&self, case: &Case) -> Result<(Run, Run)> {
        self.run_fresh_after(None, case)
    }

    /// The same, but the JIT first runs `case`'s code from `warmup`'s state: the history a
    /// code-cache bug needs (compiled units, filled links, the indirect-branch table).
    fn run_fresh_after(&self, warmup: Option<&Case>, case: &Case) -> Result<(Run, Run)> {
        let mut jit = Jit::new().context("cannot start the JIT")?;
        if let Some(w) = warmup {
            let first = Case {
                program: case.program.clone(),
                ..w.clone()
            };
            run_jit(&self.jit, &mut jit, &first, 0).context("cannot run the JIT")?;
        }
        let i = run_interp(&self.interp, case, 0).context("cannot run the interpreter")?;
        let j = run_jit(&self.jit, &mut jit, case, 0).context("cannot run the JIT")?;
        Ok((i, j))
    }
}

pub fn run(args: &FuzzArgs) -> Result<Report> {
    let classes = &args.classes.0;
    let machines = Machines {
        interp: Machine::new().context("cannot set up guest memory for the interpreter")?,
        jit: Machine::new().context("cannot set up guest memory for the JIT")?,
    };
    compare::install_panic_hook();
    let mut stats = Stats::default();
    let mut shared: Option<SharedJit> = None;
    let started = Instant::now();
    let mut last_progress = started;

    for iter in 0..args.iters {
        let mut rng = SplitMix64::for_iteration(args.seed, iter);
        let mut case = generate(&mut rng, classes, args.len as usize);
        let use_shared = chance(&mut rng, 1, 2);
        let rerun = use_shared && chance(&mut rng, 1, 3);
        let mut warmup: Option<Case> = None;

        let (interp, jit, mode) = if use_shared {
            stats.shared += 1;
            if shared.as_ref().is_none_or(|s| s.next_slot >= SLOTS) {
                let mut jit = Jit::new().context("cannot start the JIT")?;
                // Every other shared engine compiles FP full paths from the start, so both
                // ways of compiling FP arithmetic meet the generated code.
                stats.shared_engines += 1;
                jit.set_adaptive_fp(stats.shared_engines % 2 == 0);
                shared = Some(SharedJit {
                    jit,
                    next_slot: 1,
                    last: None,
                });
            }
            let sj = shared.as_mut().context("the shared JIT is missing")?;
            // A re-run finds the code compiled, its links filled and its indirect targets
            // in the lookup table, possibly compiled for the other mode.
            let again = match (&sj.last, rerun) {
                (Some((slot, prev)), true) => {
                    Some((*slot, generator::vary(prev, &mut rng), prev.clone()))
                }
                _ => None,
            };
            let (slot, mode) = match again {
                Some((slot, varied, prev)) => {
                    case = varied;
                    warmup = Some(prev);
                    stats.reruns += 1;
                    (
                        slot,
                        format!("JIT shared across iterations, re-run of code slot {slot}"),
                    )
                }
                None => {
                    let slot = sj.next_slot;
                    sj.next_slot += 1;
                    (
                        slot,
                        format!("JIT shared across iterations, code slot {slot}"),
                    )
                }
            };
            sj.last = Some((slot, case.clone()));
            let i =
                run_interp(&machines.interp, &case, slot).context("cannot run the interpreter")?;
            let j =
                run_jit(&machines.jit, &mut sj.jit, &case, slot).context("cannot run the JIT")?;
            (i, j, mode)
        } else {
            stats.fresh += 1;
            let (i, j) = machines.run_fresh(&case)?;
            (i, j, "fresh JIT".to_owned())
        };
        for c in case
            .program
            .body
            .iter()
            .filter_map(|s| Class::of_word(s.word))
        {
            stats.generated[c as usize] += 1;
        }
        if matches!(jit, Run::Broken(_)) && use_shared {
            // A JIT that failed mid-compile is in no state to be trusted with more code.
            shared = None;
        }
        stats.iterations += 1;
        stats.exits[exit_kind(&interp)] += 1;
        if let Run::Done(o) = &interp {
            stats.executed += o.retired;
        }

        let diffs = diff(&interp, &jit);
        if !diffs.is_empty() {
            stats.mismatches += 1;
            if stats.mismatches <= MAX_REPORTS {
                let found = Finding {
                    iter,
                    mode,
                    warmup: warmup.as_ref(),
                    case: &case,
                    interp: &interp,
                    diffs: &diffs,
                };
                let classes = report_mismatch(args, &machines, &found)?;
                for c in classes {
                    stats.in_mismatch[c as usize] += 1;
                }
            } else {
                println!(
                    "MISMATCH at iteration {iter} ({mode}): {} (not shrunk: over {MAX_REPORTS} \
                     reports)",
                    diffs
                        .iter()
                        .map(|d| d.field.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
        }

        let now = Instant::now();
        if now.duration_since(last_progress) >= PROGRESS_EVERY {
            last_progress = now;
            let secs = now.duration_since(started).as_secs_f64();
            eprintln!(
                "fuzz: {}/{} iterations, {} mismatches, {:.0} iterations/s",
                iter + 1,
                args.iters,
                stats.mismatches,
                (iter + 1) as f64 / secs.max(1e-9)
            );
        }
    }
    print_summary(args, &stats, started.elapsed());
    Ok(Report {
        mismatches: stats.mismatches,
    })
}

struct Finding<'a> {
    iter: u64,
    mode: String,
    /// The case that ran the same code before, when the JIT had run it already.
    warmup: Option<&'a Case>,
    case: &'a Case,
    interp: &'a Run,
    diffs: &'a [Diff],
}

/// Shrinks a mismatch with a fresh JIT, writes the reproducer and prints where it went and
/// what differs. Returns the classes of the shrunk sequence's instructions.
fn report_mismatch(args: &FuzzArgs, machines: &Machines, f: &Finding) -> Result<Vec<Class>> {
    println!("MISMATCH at iteration {} ({}):", f.iter, f.mode);
    for d in f.diffs.iter().take(12) {
        println!("  {d}");
    }
    if f.diffs.len() > 12 {
        println!("  ... and {} more differences", f.diffs.len() - 12);
    }
    // Shrinking keeps the interpreter's kind of exit, so a case that ran to the end is not
    // traded for one that faults early and differs for another reason.
    let kind = exit_kind(f.interp);
    let fails = |warm: Option<&Case>, c: &Case| match machines.run_fresh_after(warm, c) {
        Ok((i, j)) => exit_kind(&i) == kind && !diff(&i, &j).is_empty(),
        Err(_) => false,
    };
    // A fresh JIT first; failing that, one that has run the same code before, as the
    // shared JIT had. Either way the shrinker can then work on it.
    let warm = if fails(None, f.case) {
        Some(None)
    } else if f.warmup.is_some_and(|w| fails(Some(w), f.case)) {
        Some(f.warmup)
    } else {
        None
    };
    let (small, mut checks) = match warm {
        Some(w) => shrink::shrink(f.case, &mut |c| fails(w, c), shrink::DEFAULT_CHECKS),
        None => (f.case.clone(), 0),
    };
    let reproduces = warm.is_some();
    // The warm-up's state shrinks too: usually only a little of it (the mode) matters. Its
    // own program is never run (the case's is), so there is nothing to drop there.
    let warm: Option<Case> = warm.flatten().map(|w| {
        let mut w = w.clone();
        w.program.body.clear();
        w.program.lr_restore = None;
        let (w, n) = shrink::shrink(&w, &mut |x| fails(Some(x), &small), shrink::DEFAULT_CHECKS);
        checks += n;
        w
    });
    let warm = warm.as_ref();
    let (interp, jit) = machines.run_fresh_after(warm, &small)?;
    let diffs = if reproduces {
        diff(&interp, &jit)
    } else {
        f.diffs.to_vec()
    };

    let classes: Vec<String> = args.classes.0.iter().map(|c| c.name().to_owned()).collect();
    let mut origin = format!(
        "`oxenon fuzz --seed {} --classes {} --len {}` at iteration {} ({})",
        args.seed,
        classes.join(","),
        args.len,
        f.iter,
        f.mode
    );
    if !reproduces {
        origin.push_str(
            "; it does NOT reproduce with a fresh JIT (a code-cache bug?), so it is not shrunk \
             and the differences listed are the original ones",
        );
    }
    let warmup = warm.map(|w| {
        let mut lines = vec![
            "The JIT differs only when it has run this same code before, from this state (which"
                .to_owned(),
            "ppc-test cannot set up: it gives every test its own code address):".to_owned(),
        ];
        lines.extend(
            emit::initial_state_lines(&w.ctx)
                .into_iter()
                .map(|l| format!("  {l}")),
        );
        lines
    });
    let meta = emit::Meta {
        label: format!("test_fuzz_s{}_i{}", args.seed, f.iter),
        origin,
        original_len: f.case.program.body.len(),
        warmup: warmup.unwrap_or_default(),
    };
    let text = emit::emit(&small, &interp, &diffs, &meta);
    let path = write_finding(
        &args.out,
        &format!("fuzz_s{}_i{}.s", args.seed, f.iter),
        &text,
    )?;
    println!(
        "  reproducer: {} ({} -> {} instructions, {checks} shrink runs{})",
        path.display(),
        f.case.program.body.len(),
        small.program.body.len(),
        match (reproduces, warm.is_some()) {
            (false, _) => "; does not reproduce with a fresh JIT",
            (true, true) => "; needs the JIT to have run the same code before",
            (true, false) => "",
        }
    );
    for d in &diffs {
        println!("    {d}");
    }
    Ok(classes_in(&small))
}

fn write_finding(dir: &Path, name: &str, text: &str) -> Result<PathBuf> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the findings directory {}", dir.display()))?;
    let path = dir.join(name);
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

fn print_summary(args: &FuzzArgs, s: &Stats, elapsed: Duration) {
    println!(
        "fuzz summary: seed {}, {} iterations ({} fresh JIT, {} shared JIT of which {} re-ran \
         cached code), {} instructions executed, {} mismatches",
        args.seed, s.iterations, s.fresh, s.shared, s.reruns, s.executed, s.mismatches
    );
    println!(
        "  {:<10} {:>10} {:>14}",
        "class", "generated", "in mismatches"
    );
    for c in Class::ALL {
        let i = c as usize;
        if args.classes.0.contains(&c) || s.generated[i] > 0 {
            let note = if args.classes.0.contains(&c) {
                ""
            } else {
                "  (helpers of other classes' patterns)"
            };
            println!(
                "  {:<10} {:>10} {:>14}{note}",
                c.name(),
                s.generated[i],
                s.in_mismatch[i]
            );
        }
    }
    let exits: Vec<String> = EXIT_KINDS
        .iter()
        .zip(s.exits)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{n} {k}"))
        .collect();
    println!("  interpreter exits: {}", exits.join(", "));
    let secs = elapsed.as_secs_f64();
    println!(
        "time: {secs:.2} s, {:.0} iterations/s",
        s.iterations as f64 / secs.max(1e-9)
    );
}
