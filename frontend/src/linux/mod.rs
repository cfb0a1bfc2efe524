//! `oxenon exec-elf`: runs a static big-endian PowerPC Linux executable, 64-bit (ELFv1) or
//! 32-bit, on the Xenon core, with a small Linux system call layer in place of a kernel.

mod layout;
mod loader;
mod report;
mod stack;
mod syscall;

use anyhow::{Context as _, Result};
use clap::{Args, ValueEnum};
use oxenon_jit::interp::{self, Exit, Limits};
use oxenon_jit::jit::Jit;
use oxenon_jit::{Context, Memory};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use syscall::{Abi, Files, Mappings, Outcome, Process, SyscallError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Backend {
    /// The reference interpreter.
    Interp,
    /// The Cranelift JIT.
    Jit,
}

/// Block entries before code is compiled (see `Jit::set_hot_threshold`). Compiling costs
/// about 15 µs per guest instruction, so code entered a few hundred times runs sooner
/// interpreted: 200 took sqlite (a probe) from 0.91 s to 0.65 s and Lua from 1.68 s to
/// 1.56 s, and left the benchmarks as they were (docs/JIT.md, "Cold code and the hot
/// threshold").
pub const DEFAULT_HOT_THRESHOLD: u32 = 200;

/// Run a static big-endian PowerPC Linux executable: 64-bit ELFv1 (from
/// `powerpc64-linux-gnu-gcc -static`) as qemu-ppc64 would, or 32-bit (from
/// `powerpc-linux-gnu-gcc -static`) as qemu-ppc would. Its standard streams are ours and
/// its exit status becomes ours; a guest fault, trap or invalid instruction ends it with
/// 128 + the signal Linux would deliver (SIGSEGV, SIGTRAP, SIGILL, SIGFPE).
#[derive(Args, Debug)]
#[command(about = "Run a static PowerPC Linux executable (as qemu-ppc64 or qemu-ppc would)")]
pub struct ExecElfArgs {
    /// Execution engine.
    #[arg(long, value_enum, default_value_t = Backend::Jit)]
    pub backend: Backend,
    /// Stop after this many guest instructions (exit status 124 when reached).
    #[arg(short = 'n', long = "max-instructions")]
    pub max_instructions: Option<u64>,
    /// Print a summary on stderr: instructions retired, guest MIPS, wall time.
    #[arg(long, short = 'v', alias = "verbose")]
    pub stats: bool,
    /// Include the JIT's compile statistics in the summary (implies --stats).
    #[arg(long)]
    pub jit_stats: bool,
    /// Compile code once it has been entered more than N times (interpret it until then);
    /// 0 compiles everything on first use.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_HOT_THRESHOLD)]
    pub jit_hot: u32,
    /// The executable.
    pub program: PathBuf,
    /// Arguments passed to the program (argv[1..]).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<OsString>,
}

use syscall::signal::{SIGFPE, SIGILL, SIGSEGV, SIGTRAP};
/// `mfspr rD, PVR` with rD zero.
const MFPVR: u32 = 0x7c1f_42a6;
/// What `mfpvr` reads: processor version 0x0071, the Xenon's (as the Free60 Linux port's
/// CPU table identifies it), revision 0x0800.
const XENON_PVR: u64 = 0x0071_0800;
/// The exit status when the instruction limit stops the guest.
const BUDGET_STATUS: u8 = 124;

pub fn run(args: &ExecElfArgs) -> Result<ExitCode> {
    let data = std::fs::read(&args.program)
        .with_context(|| format!("cannot read {}", args.program.display()))?;
    let mem = Memory::new()?;
    let image = loader::load(&mem, &data)
        .with_context(|| format!("cannot load {}", args.program.display()))?;
    let exe = std::fs::canonicalize(&args.program).unwrap_or_else(|_| args.program.clone());

    let mut argv = vec![args.program.as_os_str().as_bytes().to_vec()];
    argv.extend(args.args.iter().map(|a| a.as_bytes().to_vec()));
    let env: Vec<Vec<u8>> = std::env::vars_os()
        .map(|(k, v)| {
            let mut kv = k.as_bytes().to_vec();
            kv.push(b'=');
            kv.extend_from_slice(v.as_bytes());
            kv
        })
        .collect();
    let mut random = [0u8; 16];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        use std::io::Read;
        let _ = f.read_exact(&mut random);
    }
    let ids = {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata("/proc/self").ok();
        stack::Ids {
            uid: m.as_ref().map_or(0, |m| u64::from(m.uid())),
            gid: m.as_ref().map_or(0, |m| u64::from(m.gid())),
        }
    };
    let st = stack::build(&mem, &image, &argv, &env, &argv[0], random, &ids)?;

    let mut ctx = Context::default();
    ctx.gpr[1] = u64::from(st.sp);
    ctx.pc = image.entry_code;
    match image.abi {
        // The registers the kernel sets at process entry for a 64-bit ELFv1 executable.
        Abi::Ppc64 => {
            ctx.gpr[2] = image.entry_toc;
            ctx.gpr[3] = st.argc;
            ctx.gpr[4] = u64::from(st.argv);
            ctx.gpr[5] = u64::from(st.envp);
            ctx.gpr[6] = u64::from(st.auxv);
        }
        // A 32-bit process starts in 32-bit mode (MSR[SF] clear) with only r1 set; its
        // start-up code finds argc, argv and the rest on the stack (and r7, a dynamic
        // linker's finalizer, must be zero).
        Abi::Ppc32 => ctx.msr &= !oxenon_jit::context::MSR_SF,
    }
    // VSCR keeps its reset value NJ=1, which is also what Linux gives a new process.

    let mut signals = syscall::signal::Signals::default();
    signals.abi = image.abi;
    let mut process = Process {
        abi: image.abi,
        mappings: Mappings::new(image.brk),
        files: Files::inherited_at_start(),
        exe,
        started: Instant::now(),
        signals,
        threads: syscall::threads::Threads::new(u64::from(std::process::id())),
        backend: match args.backend {
            Backend::Interp => "interp",
            Backend::Jit => "jit",
        },
    };
    syscall::signal::map_trampoline(&mem).context("cannot map the signal trampoline")?;
    // A new process starts with every signal's default action; the Rust runtime ignores
    // SIGPIPE, which would turn the guest's death by a broken pipe into EPIPE.
    syscall::hostsig::follow(13, syscall::hostsig::Disposition::Default);
    let mut engine = match args.backend {
        Backend::Interp => None,
        Backend::Jit => {
            let mut jit = Jit::new()?;
            jit.set_hot_threshold(args.jit_hot);
            Some(jit)
        }
    };

    let budget = args.max_instructions.unwrap_or(u64::MAX);
    let mut retired = 0u64;
    let started = Instant::now();
    let ending = loop {
        // With several threads, each runs a slice at a time; an armed timer and signals
        // from outside are looked at between slices.
        let mut slice = if process.threads.several() {
            syscall::threads::SLICE
        } else {
            u64::MAX
        };
        if process.signals.needs_polling() {
            slice = slice.min(syscall::signal::TIMER_SLICE);
        }
        let limits = Limits {
            max_instructions: (budget - retired).min(slice),
            stop_at: None,
        };
        let (exit, n) = match engine.as_mut() {
            Some(jit) => jit.run(&mut ctx, &mem, limits)?,
            None => interp::run(&mut ctx, &mem, limits),
        };
        retired += n;
        // Xenon time base ticks at 49.875 MHz; the guest sees it advance between calls.
        ctx.timebase = (started.elapsed().as_nanos() * 49_875 / 1_000_000) as u64;
        // A system call's exit leaves pc past the `sc`.
        let sc_pc = ctx.pc.wrapping_sub(4);
        match exit {
            Exit::Syscall { lev: 0 } => match syscall::dispatch(&mut process, &mut ctx, &mem) {
                Ok(Outcome::Continue) => {}
                Ok(Outcome::Exit(code)) => break Ending::Status(code as u8),
                Err(SyscallError::Signal(sig)) => {
                    report::guest_ended(&format!("killed by signal {sig}"), sc_pc, &ctx, &mem);
                    break Ending::Signal(sig);
                }
                Err(e) => {
                    report::guest_ended(&e.to_string(), sc_pc, &ctx, &mem);
                    break Ending::Status(1);
                }
            },
            Exit::Syscall { lev } => {
                report::guest_ended(
                    &format!("sc with LEV={lev} (hypervisor call)"),
                    sc_pc,
                    &ctx,
                    &mem,
                );
                break Ending::Signal(SIGILL);
            }
            Exit::BudgetExhausted if retired < budget => {
                process.threads.pending = Some(syscall::threads::Switch::Yield);
            }
            Exit::BudgetExhausted => {
                report::guest_ended(
                    &format!("instruction limit of {budget} reached"),
                    ctx.pc,
                    &ctx,
                    &mem,
                );
                break Ending::Status(BUDGET_STATUS);
            }
            Exit::Stopped => {}
            // Linux emulates `mfpvr` for user programs (the PVR is privileged); 32-bit glibc
            // reads it at start-up.
            Exit::Invalid { word } if word & !(31 << 21) == MFPVR => {
                ctx.gpr[(word >> 21 & 31) as usize] = XENON_PVR;
                ctx.pc = ctx.pc.wrapping_add(4);
            }
            // A handler the guest installed for the signal runs; otherwise it ends the guest.
            Exit::Fault(_) | Exit::Trap { .. } | Exit::Invalid { .. } | Exit::FpEnabled => {
                let (sig, addr, why) = match exit {
                    Exit::Fault(f) => (SIGSEGV, f.addr, format!("segmentation fault: {f}")),
                    Exit::Trap { .. } => (SIGTRAP, 0, "trap".to_string()),
                    Exit::FpEnabled => (
                        SIGFPE,
                        0,
                        "floating-point exception (enabled in FPSCR)".to_string(),
                    ),
                    _ => (SIGILL, 0, "illegal instruction".to_string()),
                };
                if !process.signals.raise_sync(sig, addr, &mut ctx, &mem) {
                    report::guest_ended(&why, ctx.pc, &ctx, &mem);
                    break Ending::Signal(sig);
                }
            }
        }
        if let Some(sig) = process.signals.deliver_pending(&mut ctx, &mem) {
            report::guest_ended(&format!("killed by signal {sig}"), ctx.pc, &ctx, &mem);
            break Ending::Signal(sig);
        }
        if let Some(how) = process.threads.pending.take() {
            if let Err(e) = process.threads.switch(how, &mut ctx, &mut process.signals) {
                report::guest_ended(&e.to_string(), ctx.pc, &ctx, &mem);
                break Ending::Status(1);
            }
            // The thread that runs now takes what was sent to it, or to the process, while
            // it waited or had the signal blocked.
            if let Some(sig) = process.signals.deliver_pending(&mut ctx, &mem) {
                report::guest_ended(&format!("killed by signal {sig}"), ctx.pc, &ctx, &mem);
                break Ending::Signal(sig);
            }
        }
    };
    // A shell's view: the exit status, or 128 + the signal.
    let status = match ending {
        Ending::Status(s) => s,
        Ending::Signal(sig) => 128u8.wrapping_add(sig as u8),
    };
    if args.stats || args.jit_stats {
        report::summary(
            retired,
            started.elapsed(),
            status,
            engine
                .as_ref()
                .filter(|_| args.jit_stats)
                .map(|j| j.stats()),
        );
    }
    if let Ending::Signal(sig) = ending {
        die_like_the_guest(sig);
    }
    Ok(ExitCode::from(status))
}

/// How the guest ended: with an exit status, or by a signal.
enum Ending {
    Status(u8),
    Signal(u32),
}

/// Ends this process by the signal that ended the guest, so that a parent waiting for it
/// (a guest's `waitpid`, a shell) sees a death by that signal, as with qemu-user. Stop
/// signals would only stop us, so those are left to the exit status (128 + the signal).
fn die_like_the_guest(sig: u32) {
    const STOPS: [u32; 4] = [19, 20, 21, 22];
    if sig > 64 || STOPS.contains(&sig) {
        return;
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: restoring a signal's default action and raising it ends the process (or, for a
    // signal whose default is to be ignored, does nothing and the exit status follows). No
    // core file: it would be the emulator's, gigabytes of reservation, not the guest's.
    unsafe {
        let none = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        libc::setrlimit(libc::RLIMIT_CORE, &none);
        libc::signal(sig as i32, libc::SIG_DFL);
        libc::raise(sig as i32);
    }
}
