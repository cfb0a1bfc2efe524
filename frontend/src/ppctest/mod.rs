//! `oxenon ppc-test`: runs PowerPC instruction tests written in the public xenia test format
//! on Oxenon's CPU backends, or on qemu-ppc64 to check the tests' expected values.
//!
//! Flow: find the files, parse and assemble every one of them (a broken file stops the run
//! before anything executes), then run each test on each selected backend and report.

mod assemble;
mod backend;
mod check;
mod guest;
mod interp;
mod jit;
/// The guest layout, shared with the fuzzer.
pub(crate) mod layout;
pub mod parse;
mod qemu;
mod report;
/// Register names and test state, shared with the fuzzer's test emitter.
pub(crate) mod state;
mod tempdir;
mod tools;

use anyhow::{bail, Context, Result};
use assemble::{Assembled, Assembler};
use backend::Backend;
use oxenon_jit::jit::JitStats;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Duration;
use tempdir::TempDir;

pub use report::Totals;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackendChoice {
    /// Oxenon's reference interpreter
    Interp,
    /// Oxenon's Cranelift JIT (instructions it does not lift yet run in the interpreter)
    Jit,
    /// qemu-ppc64, an independent implementation, to check the tests themselves
    Qemu,
    /// Every Oxenon backend (interpreter and JIT), each reported separately
    All,
}

#[derive(clap::Args, Debug)]
#[command(
    about = "Run PowerPC instruction tests (xenia test format) on Oxenon or qemu-ppc64",
    long_about = "Run PowerPC instruction tests written in the xenia test format.\n\n\
        Each test is a `test_NAME:` label, instructions up to its `blr`, and `#_` annotations \
        (REGISTER_IN/REGISTER_OUT reg value, MEMORY_IN/MEMORY_OUT hexaddr bytes...). Files are \
        assembled with powerpc64-linux-gnu-as; instructions GNU as does not know (VMX128, \
        lvlx...) are encoded by Oxenon itself. Each test starts at its label with all \
        registers zero except its inputs, r1 = 0x7FFFFF00, LR = 0xBCBCBCBC, code at \
        0x80000000 and scratch memory 0x10001000-0x1000FFFF zeroed.\n\n\
        Prints every failing test with its mismatches and disassembly, then \
        `N passed, M failed`. Exit status: 0 all passed, 1 something failed, 2 a file or \
        tool problem.",
    after_help = "Environment: OXENON_PPC_AS, OXENON_PPC_LD and OXENON_QEMU_PPC64 override \
        the tool paths; OXENON_KEEP_TEMP keeps the generated files; RUST_LOG=debug logs \
        more."
)]
pub struct PpcTestArgs {
    /// Test files (.s) or directories, searched recursively for .s files
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Where to run the tests
    #[arg(short, long, value_enum, default_value_t = BackendChoice::Interp)]
    pub backend: BackendChoice,
    /// Only run tests whose name contains SUBSTR
    #[arg(short, long, value_name = "SUBSTR")]
    pub filter: Option<String>,
    /// Also list passing and skipped tests
    #[arg(short, long)]
    pub verbose: bool,
    /// CPU model qemu emulates (POWER7 matches the instruction set the files are assembled for)
    #[arg(long, value_name = "MODEL", default_value = "power7")]
    pub qemu_cpu: String,
    /// Seconds a test may run under qemu before it is killed
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub qemu_timeout: u64,
    /// Print the JIT's compile statistics (all files together) on stderr at the end
    #[arg(long)]
    pub jit_stats: bool,
}

/// Problems in a test file, already formatted as `file:line: message`.
#[derive(Debug)]
pub struct FileDiagnostics(pub Vec<String>);

impl std::fmt::Display for FileDiagnostics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("\n"))
    }
}

impl std::error::Error for FileDiagnostics {}

/// A parsed and assembled file with the tests selected to run.
pub struct Suite {
    /// The path as the user gave it (or as found under a directory they gave).
    pub display: String,
    pub image: Assembled,
    pub tests: Vec<Test>,
}

pub struct Test {
    pub case: parse::TestCase,
    /// Address of the label in the guest.
    pub addr: u32,
    /// The first line Oxenon had to encode itself (line, mnemonic), if any.
    pub xenon_only: Option<(usize, String)>,
}

/// Runs the command; `Err` means a file or tool problem (exit status 2).
pub fn run(args: &PpcTestArgs) -> Result<Totals> {
    let files = collect_files(&args.paths)?;
    let jit_stats = Rc::new(RefCell::new(JitStats::default()));
    let backends = select_backends(args, &jit_stats)?;
    let asm = Assembler::for_xenon()?;
    let tmp = TempDir::new("ppctest")?;

    let mut suites = Vec::new();
    let mut bad_files = 0;
    for file in &files {
        match prepare(file, &asm, tmp.path(), args.filter.as_deref()) {
            Ok(Some(suite)) => suites.push(suite),
            Ok(None) => {}
            Err(e) => {
                bad_files += 1;
                match e.downcast_ref::<FileDiagnostics>() {
                    Some(d) => eprintln!("{d}"),
                    None => eprintln!("error: {e:#}"),
                }
            }
        }
    }
    if bad_files > 0 {
        bail!("{bad_files} test file(s) could not be used; no tests were run");
    }
    if suites.is_empty() {
        eprintln!("warning: no tests selected");
    }

    let stdout = std::io::stdout().lock();
    let mut reporter =
        report::Reporter::new(stdout, args.backend == BackendChoice::All, args.verbose);
    for suite in &suites {
        for b in &backends {
            let mut loaded = b
                .load(suite)
                .with_context(|| format!("{}: cannot prepare for {}", suite.display, b.name()))?;
            for test in &suite.tests {
                tracing::debug!("{} {} on {}", suite.display, test.case.name, b.name());
                let outcome = loaded.run(test).with_context(|| {
                    format!("{}: {} on {}", suite.display, test.case.name, b.name())
                })?;
                reporter
                    .record(b.name(), suite, test, outcome)
                    .context("cannot write the report")?;
            }
        }
    }
    let totals = reporter.finish().context("cannot write the report")?;
    if args.jit_stats {
        if matches!(args.backend, BackendChoice::Jit | BackendChoice::All) {
            eprintln!("{}", jit_stats.borrow());
        } else {
            eprintln!("--jit-stats: the JIT did not run (use --backend jit or all)");
        }
    }
    Ok(totals)
}

/// Every Oxenon backend, for `--backend all`.
fn oxenon_backends(stats: &Rc<RefCell<JitStats>>) -> Vec<Box<dyn Backend>> {
    vec![Box::new(interp::Interp), Box::new(jit_backend(stats))]
}

fn jit_backend(stats: &Rc<RefCell<JitStats>>) -> jit::JitBackend {
    jit::JitBackend {
        stats: Rc::clone(stats),
    }
}

fn select_backends(
    args: &PpcTestArgs,
    jit_stats: &Rc<RefCell<JitStats>>,
) -> Result<Vec<Box<dyn Backend>>> {
    Ok(match args.backend {
        BackendChoice::Interp => vec![Box::new(interp::Interp)],
        BackendChoice::Jit => vec![Box::new(jit_backend(jit_stats))],
        BackendChoice::All => oxenon_backends(jit_stats),
        BackendChoice::Qemu => vec![Box::new(qemu::Qemu::new(
            args.qemu_cpu.clone(),
            Duration::from_secs(args.qemu_timeout.max(1)),
        )?)],
    })
}

/// The `.s` files named or found (recursively, in sorted order) under the given paths.
fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).with_context(|| format!("cannot read {}", p.display()))?;
        if meta.is_dir() {
            let before = files.len();
            walk(p, &mut files)?;
            if files.len() == before {
                bail!("no .s files under {}", p.display());
            }
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()
        .with_context(|| format!("cannot list {}", dir.display()))?;
    entries.sort();
    for path in entries {
        // Not following directory symlinks keeps a link cycle from recursing forever.
        let is_real_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if is_real_dir {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "s") && path.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// Parses and assembles one file; `None` when the filter selects none of its tests.
fn prepare(
    path: &Path,
    asm: &Assembler,
    tmp: &Path,
    filter: Option<&str>,
) -> Result<Option<Suite>> {
    let file_name = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {file_name}"))?;
    let source = String::from_utf8(bytes)
        .map_err(|e| anyhow::anyhow!("{file_name}: not UTF-8 text ({e})"))?;
    let cases = parse::parse(&source).map_err(|diags| {
        FileDiagnostics(
            diags
                .into_iter()
                .map(|d| format!("{file_name}:{}: error: {}", d.line, d.message))
                .collect(),
        )
    })?;
    if cases.is_empty() {
        tracing::warn!("{file_name}: no `test_NAME:` labels");
    }
    let selected: Vec<_> = cases
        .into_iter()
        .filter(|c| filter.is_none_or(|f| c.name.contains(f)))
        .collect();
    if selected.is_empty() {
        return Ok(None);
    }
    // Absolute, because as runs in the temporary directory.
    let include = path.parent().and_then(|d| {
        std::path::absolute(if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        })
        .ok()
    });
    let image = assemble::assemble(asm, tmp, &file_name, &source, include.as_deref())?;
    let mut tests = Vec::new();
    let mut missing = Vec::new();
    for case in selected {
        let Some(addr) = image
            .labels
            .get(&case.name)
            .and_then(|&off| u32::try_from(u64::from(state::CODE_BASE) + off).ok())
        else {
            missing.push(format!(
                "{file_name}:{}: error: label `{}` is not in .text",
                case.line, case.name
            ));
            continue;
        };
        let xenon_only = image
            .rewritten
            .iter()
            .find(|(line, _)| case.contains_line(**line))
            .map(|(line, m)| (*line, m.clone()));
        tests.push(Test {
            case,
            addr,
            xenon_only,
        });
    }
    if !missing.is_empty() {
        return Err(FileDiagnostics(missing).into());
    }
    Ok(Some(Suite {
        display: file_name,
        image,
        tests,
    }))
}
