//! `oxenon run`: runs a title (a XEX file, or the bundled demo) on the emulated console.

use anyhow::{Context as _, Result};
use clap::{Args, ValueEnum};
use oxenon_kernel::cpu::Backend;
use oxenon_kernel::sched::{Config, Kernel, Report};
use oxenon_kernel::state::Finish;
use oxenon_kernel::xex::Xex;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Exit status of a run that deadlocked.
pub const EXIT_DEADLOCK: u8 = 3;
/// Exit status of a run whose title crashed (guest fault, strict unimplemented export).
pub const EXIT_CRASH: u8 = 4;
/// Exit status after Ctrl-C.
pub const EXIT_INTERRUPTED: u8 = 130;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BackendArg {
    /// The Cranelift JIT.
    Jit,
    /// The reference interpreter.
    Interp,
}

impl From<BackendArg> for Backend {
    fn from(b: BackendArg) -> Self {
        match b {
            BackendArg::Jit => Backend::Jit,
            BackendArg::Interp => Backend::Interp,
        }
    }
}

#[derive(Args, Debug)]
#[command(
    about = "Run an Xbox 360 title (XEX2 file)",
    long_about = "Run an Xbox 360 title (XEX2 file) on six emulated hardware threads. Without \
                  FILE, runs the bundled demo.\n\nDbgPrint output goes to stdout; the summary, \
                  status lines and diagnostics go to stderr.\n\nExit status: the title's exit \
                  code (the main thread's, low 8 bits); 3 on deadlock (with a thread dump); 4 \
                  if the title crashed; 130 after Ctrl-C; 2 on a bad file or option.",
    after_help = "Example: oxenon run target/homebrew/threads.xex --lockstep -n 100000000"
)]
pub struct RunArgs {
    /// The title to run (default: the bundled demo).
    pub file: Option<PathBuf>,
    /// CPU backend.
    #[arg(short, long, value_enum, default_value_t = BackendArg::Jit)]
    pub backend: BackendArg,
    /// Stop after N guest instructions (all threads together).
    #[arg(short = 'n', long, value_name = "N")]
    pub max_instructions: Option<u64>,
    /// Run all hardware threads deterministically on one host thread.
    #[arg(long)]
    pub lockstep: bool,
    /// Make a call to an unimplemented export fatal (with a diagnostic).
    #[arg(long)]
    pub strict: bool,
    /// Instructions per timeslice.
    #[arg(long, default_value_t = 50_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub quantum: u64,
    /// Print JIT compile statistics at the end.
    #[arg(long)]
    pub jit_stats: bool,
    /// Compile code once it has been entered more than N times (0: on first use).
    #[arg(long, value_name = "N", default_value_t = crate::linux::DEFAULT_HOT_THRESHOLD)]
    pub jit_hot: u32,
    /// No summary at the end (DbgPrint output and errors only).
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub audit: AuditArgs,
}

/// The handle audit's options, shared by `run` and `check`.
#[derive(Args, Debug, Clone)]
pub struct AuditArgs {
    /// Record who creates, signals, waits on and wakes every handle, and add a handle table
    /// and a DIAGNOSIS to the dump (also OXENON_TRACE_HANDLES=1 for `run`).
    #[arg(long)]
    pub trace_handles: bool,
    /// Comma-separated handles (0x... or decimal) to report in detail, with ghost trails and
    /// creation call stacks; implies --trace-handles.
    #[arg(long, value_name = "LIST", value_parser = parse_focus)]
    pub trace_handles_focus: Option<FocusList>,
}

#[derive(Clone, Debug)]
pub struct FocusList(pub Vec<u32>);

fn parse_focus(s: &str) -> Result<FocusList, String> {
    oxenon_kernel::audit::parse_focus_list(s)
        .map(FocusList)
        .map_err(|e| e.to_string())
}

impl AuditArgs {
    /// (tracing on, focus list); `from_env` lets OXENON_TRACE_HANDLES turn tracing on.
    pub fn resolve(&self, from_env: bool) -> Result<(bool, Vec<u32>)> {
        let focus = self
            .trace_handles_focus
            .as_ref()
            .map(|f| f.0.clone())
            .unwrap_or_default();
        let env = if from_env {
            oxenon_kernel::audit::trace_handles_from_env().context("bad OXENON_TRACE_HANDLES")?
        } else {
            false
        };
        Ok((self.trace_handles || env || !focus.is_empty(), focus))
    }
}

/// The demo the README's first command runs: built from tools/homebrew/samples/demo.c.
pub const BUNDLED_DEMO: &[u8] = include_bytes!("../assets/demo.xex");

/// Reads and parses the title, or the bundled demo.
pub fn load_title(file: Option<&PathBuf>) -> Result<(String, Xex)> {
    let (name, bytes) = match file {
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?,
        ),
        None => ("the bundled demo".to_string(), BUNDLED_DEMO.to_vec()),
    };
    let xex = Xex::parse(&bytes).with_context(|| format!("{name} is not a loadable XEX2 file"))?;
    Ok((name, xex))
}

pub fn run(args: &RunArgs) -> Result<ExitCode> {
    let (name, xex) = load_title(args.file.as_ref())?;
    let (trace_handles, focus) = args.audit.resolve(true)?;
    let config = Config {
        backend: args.backend.into(),
        lockstep: args.lockstep,
        strict: args.strict,
        max_instructions: args.max_instructions,
        quantum: args.quantum,
        jit_hot: args.jit_hot,
        trace_handles,
        focus,
    };
    let mut kernel = Kernel::boot(&xex, config, Box::new(std::io::stdout()))
        .with_context(|| format!("cannot start {name}"))?;
    kernel.interrupt = interrupt_flag();
    for (lib, ord, var) in &kernel.loaded.unknown_variables {
        tracing::warn!(
            "kernel variable {var} ({lib} ordinal {ord:#x}) has no data: it reads as zeros"
        );
    }
    let done = AtomicBool::new(false);
    let report = std::thread::scope(|s| {
        if !args.quiet {
            s.spawn(|| status_lines(&kernel, &done));
        }
        let r = kernel.run();
        done.store(true, Ordering::Relaxed);
        r
    })
    .with_context(|| format!("running {name}"))?;
    if let Some(dump) = &report.dump {
        eprint!("{dump}");
    }
    if !args.quiet {
        eprint!("{}", summary(&report));
    }
    if args.jit_stats {
        match &report.jit {
            Some(s) => eprintln!("{s}"),
            None => eprintln!("jit: not used (interpreter backend)"),
        }
    }
    Ok(exit_code(&report.finish))
}

pub fn exit_code(f: &Finish) -> ExitCode {
    match f {
        Finish::Exited(code) => ExitCode::from(*code as u8),
        Finish::Limit => ExitCode::SUCCESS,
        Finish::Deadlock => ExitCode::from(EXIT_DEADLOCK),
        Finish::Crashed(_) => ExitCode::from(EXIT_CRASH),
        Finish::Interrupted => ExitCode::from(EXIT_INTERRUPTED),
    }
}

pub fn summary(r: &Report) -> String {
    let secs = r.wall.as_secs_f64().max(1e-9);
    let mut s = format!(
        "oxenon: {} after {:.3} s: {} instructions ({:.1} guest MIPS), {} threads, {} kernel calls\n",
        oxenon_kernel::sched::finish_text(&r.finish),
        secs,
        r.instructions,
        r.instructions as f64 / secs / 1e6,
        r.threads_created,
        r.kernel_calls
    );
    if !r.unimplemented.is_empty() {
        s.push_str("oxenon: unimplemented exports called:");
        for (lib, ord, name, n) in &r.unimplemented {
            s.push_str(&format!(" {name} ({lib} {ord:#x}) x{n};"));
        }
        s.push('\n');
    }
    s
}

/// A status line on stderr every few seconds while a long run goes on.
fn status_lines(kernel: &Kernel, done: &AtomicBool) {
    let started = Instant::now();
    let mut last = 0u64;
    let period = Duration::from_secs(5);
    let mut next = period;
    while !done.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(100));
        if started.elapsed() < next {
            continue;
        }
        next += period;
        let n = kernel.instructions();
        let threads = kernel.state.lock().threads.len();
        eprintln!(
            "oxenon: {:.0} s, {n} instructions ({:.1} MIPS now), {threads} threads",
            started.elapsed().as_secs_f64(),
            (n - last) as f64 / period.as_secs_f64() / 1e6
        );
        last = n;
    }
}

/// The process-wide Ctrl-C flag, with its handler installed on first use.
pub fn interrupt_flag() -> Arc<AtomicBool> {
    static FLAG: std::sync::OnceLock<Arc<AtomicBool>> = std::sync::OnceLock::new();
    FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let f = flag.clone();
        if let Err(e) = ctrlc::set_handler(move || f.store(true, Ordering::Relaxed)) {
            tracing::warn!("Ctrl-C will not print a thread dump: {e}");
        }
        flag
    })
    .clone()
}
