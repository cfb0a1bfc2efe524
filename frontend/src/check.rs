//! `oxenon check`: a deterministic whole-program run (lockstep, fixed instruction count) that
//! prints a JSON digest of the final machine state, and compares it with a golden file.

use crate::run::{load_title, BackendArg};
use anyhow::{bail, Context as _, Result};
use clap::Args;
use oxenon_kernel::digest::{memory_sha1, sha1_hex};
use oxenon_kernel::sched::{Config, Kernel};
use oxenon_kernel::state::Finish;
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

#[derive(Args, Debug)]
#[command(
    about = "Run a title deterministically for N instructions and print a JSON digest",
    long_about = "Runs the title in lockstep (all hardware threads on one host thread, fixed \
                  quanta, virtual time) for N instructions, or until it ends, and prints a JSON \
                  digest: instructions, kernel calls, unimplemented exports, each thread's state \
                  and PC, and SHA-1 hashes of guest memory and of the DbgPrint output.\n\nTwo \
                  runs give identical digests, and so do the interpreter and the JIT.\n\nExit \
                  status: 0, or 1 when --expect finds a difference; 2 on a bad file or option.",
    after_help = "Example: oxenon check target/homebrew/threads.xex -n 2000000 --stable-digest \
                  --expect tests/golden/threads.json"
)]
pub struct CheckArgs {
    /// The title (default: the bundled demo).
    pub file: Option<PathBuf>,
    /// Instructions to run (all threads together).
    #[arg(short = 'n', long, value_name = "N")]
    pub max_instructions: u64,
    #[arg(short, long, value_enum, default_value_t = BackendArg::Jit)]
    pub backend: BackendArg,
    /// Keep only the fields that are deterministic (drop wall time, speed and backend).
    #[arg(long)]
    pub stable_digest: bool,
    /// Compare the digest's fields with this golden file; exit 1 on a difference.
    #[arg(long, value_name = "GOLDEN.json")]
    pub expect: Option<PathBuf>,
    /// Instructions per timeslice.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub quantum: u64,
    /// Also print the title's DbgPrint output (to stderr).
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub audit: crate::run::AuditArgs,
}

/// DbgPrint output kept for hashing.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("output lock poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let (name, xex) = load_title(args.file.as_ref())?;
    // The environment never turns tracing (or a focus list) on for `check`: only its flags do,
    // and its digest does not depend on them.
    let (trace_handles, focus) = args.audit.resolve(false)?;
    let config = Config {
        backend: args.backend.into(),
        lockstep: true,
        strict: false,
        max_instructions: Some(args.max_instructions),
        quantum: args.quantum,
        jit_hot: crate::linux::DEFAULT_HOT_THRESHOLD,
        trace_handles,
        focus,
    };
    let out = Captured::default();
    let mut kernel = Kernel::boot(&xex, config, Box::new(out.clone()))
        .with_context(|| format!("cannot start {name}"))?;
    kernel.interrupt = crate::run::interrupt_flag();
    let report = kernel.run().with_context(|| format!("running {name}"))?;
    let output = out.0.lock().map(|o| o.clone()).unwrap_or_default();
    if let Some(dump) = &report.dump {
        eprint!("{dump}");
    }
    if args.verbose {
        std::io::stderr().write_all(&output)?;
    }
    let st = kernel.state.lock();
    let threads: Vec<Value> = st
        .threads
        .values()
        .map(|t| {
            let (pc, lr) = t
                .ctx
                .as_ref()
                .map_or((t.last_pc, t.last_lr), |c| (c.pc, c.lr as u32));
            json!({
                "tid": t.tid,
                "hw": t.hw,
                "state": t.state.label(),
                "pc": format!("{pc:#010x}"),
                "lr": format!("{lr:#010x}"),
                "instructions": t.instructions,
                "exit_code": format!("{:#x}", t.exit_code),
            })
        })
        .collect();
    let finish = match &report.finish {
        Finish::Exited(c) => format!("exited {c:#x}"),
        Finish::Limit => "limit".into(),
        Finish::Deadlock => "deadlock".into(),
        Finish::Crashed(why) => format!("crashed: {why}"),
        Finish::Interrupted => "interrupted".into(),
    };
    let unimplemented: Vec<Value> = report
        .unimplemented
        .iter()
        .map(
            |(lib, ord, name, n)| json!({"library": lib, "ordinal": ord, "name": name, "calls": n}),
        )
        .collect();
    let mut digest = json!({
        "finish": finish,
        "instructions": report.instructions,
        "kernel_calls": report.kernel_calls,
        "threads_created": report.threads_created,
        "unimplemented": unimplemented,
        "threads": threads,
        "memory_sha1": memory_sha1(&kernel.mem),
        "output_sha1": sha1_hex(&output),
        "output_bytes": output.len(),
    });
    drop(st);
    if !args.stable_digest {
        let secs = report.wall.as_secs_f64();
        digest["backend"] = json!(format!("{:?}", args.backend).to_lowercase());
        digest["wall_seconds"] = json!(secs);
        digest["guest_mips"] = json!(report.instructions as f64 / secs.max(1e-9) / 1e6);
    }
    println!("{}", serde_json::to_string_pretty(&digest)?);
    let Some(golden) = &args.expect else {
        return Ok(ExitCode::SUCCESS);
    };
    let text = std::fs::read_to_string(golden)
        .with_context(|| format!("cannot read {}", golden.display()))?;
    let want: Value =
        serde_json::from_str(&text).with_context(|| format!("{} is not JSON", golden.display()))?;
    let Some(want) = want.as_object() else {
        bail!("{} is not a JSON object", golden.display());
    };
    let mut differences = 0;
    for (key, expected) in want {
        let got = digest.get(key).unwrap_or(&Value::Null);
        if got != expected {
            differences += 1;
            eprintln!("check: {key} differs\n  expected: {expected}\n  got:      {got}");
        }
    }
    if differences > 0 {
        eprintln!(
            "check: {differences} field(s) differ from {}",
            golden.display()
        );
        return Ok(ExitCode::from(1));
    }
    eprintln!("check: matches {}", golden.display());
    Ok(ExitCode::SUCCESS)
}
