//! `oxenon exec-elf` against qemu-ppc64: each C program in `tests/elf/` is compiled with
//! `powerpc64-linux-gnu-gcc -O2 -static` and run under qemu-ppc64 (the independent reference)
//! and under exec-elf on both backends; stdout and the exit status must be identical. A guest
//! killed by a signal under qemu corresponds to exec-elf's status 128 + that signal. The
//! `ppc32_` tests do the same for 32-bit executables (`powerpc-linux-gnu-gcc`, against
//! qemu-ppc). Needs the PowerPC cross compilers, their static C libraries and qemu-user
//! (`tools/setup-deps`); without them the tests skip, except in CI where they must run.

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A cross compiler and the qemu-user that is the reference for what it builds.
#[derive(Clone, Copy)]
struct Target {
    cc: &'static str,
    qemu: &'static str,
    libc: &'static str,
}

const PPC64: Target = Target {
    cc: "powerpc64-linux-gnu-gcc",
    qemu: "qemu-ppc64",
    libc: "libc6-dev-ppc64-cross",
};
const PPC32: Target = Target {
    cc: "powerpc-linux-gnu-gcc",
    qemu: "qemu-ppc",
    libc: "libc6-dev-powerpc-cross",
};
const CC: &str = PPC64.cc;

fn tools_present() -> bool {
    present_for(PPC64)
}

fn present_for(t: Target) -> bool {
    let present = [t.cc, t.qemu].iter().all(|tool| {
        Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !present && std::env::var_os("CI").is_some() {
        panic!(
            "CI must have {} and {} (run tools/setup-deps)",
            t.cc, t.qemu
        );
    }
    present
}

fn source(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/elf/{name}.c"))
}

/// Compiles `tests/elf/NAME.c` into the test scratch directory (a fresh file per call, as
/// tests run in parallel).
fn build(name: &str) -> PathBuf {
    build_for(PPC64, name)
}

fn build_for(t: Target, name: &str) -> PathBuf {
    static SERIAL: AtomicUsize = AtomicUsize::new(0);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("exec-elf");
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let n = SERIAL.fetch_add(1, Ordering::Relaxed);
    let exe = dir.join(format!("{name}-{}-{}-{n}", t.qemu, std::process::id()));
    let out = Command::new(t.cc)
        .args(["-O2", "-static", "-o"])
        .arg(&exe)
        .arg(source(name))
        .arg("-lm")
        .output()
        .expect("run the cross compiler");
    assert!(
        out.status.success(),
        "{} failed on {name}.c (is {} installed?):\n{}",
        t.cc,
        t.libc,
        String::from_utf8_lossy(&out.stderr)
    );
    exe
}

/// The environment both runs get, so the guest sees the same variables.
const ENV: &[(&str, &str)] = &[("OXENON_TEST_VALUE", "forty two"), ("LANG", "C")];

fn run(cmd: &mut Command) -> Output {
    cmd.env_clear().envs(ENV.iter().copied());
    cmd.output().expect("run a guest")
}

fn qemu(exe: &Path, args: &[&str]) -> Output {
    qemu_for(PPC64, exe, args)
}

fn qemu_for(t: Target, exe: &Path, args: &[&str]) -> Output {
    run(Command::new(t.qemu).arg(exe).args(args))
}

fn oxenon(backend: &str, exe: &Path, args: &[&str], extra: &[&str]) -> Output {
    run(Command::new(env!("CARGO_BIN_EXE_oxenon"))
        .args(["exec-elf", "--backend", backend])
        .args(extra)
        .arg(exe)
        .args(args))
}

/// The status a shell would show: the exit code, or 128 + the signal that ended the process.
fn status(o: &Output) -> i32 {
    o.status
        .code()
        .or_else(|| o.status.signal().map(|s| 128 + s))
        .unwrap_or(-1)
}

/// Runs NAME under qemu and both backends with `args`; asserts identical stdout and status
/// and returns the qemu run.
fn same_as_qemu(name: &str, args: &[&str]) -> Option<Output> {
    same_as_qemu_for(PPC64, name, args)
}

fn same_as_qemu_for(t: Target, name: &str, args: &[&str]) -> Option<Output> {
    if !present_for(t) {
        return None;
    }
    let exe = build_for(t, name);
    let reference = qemu_for(t, &exe, args);
    same_as_reference(name, &exe, args, &reference);
    Some(reference)
}

/// Asserts that both backends running `exe` print what `reference` printed and end with its
/// status.
fn same_as_reference(name: &str, exe: &Path, args: &[&str], reference: &Output) {
    for backend in ["interp", "jit"] {
        let o = oxenon(backend, exe, args, &[]);
        assert_eq!(
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&reference.stdout),
            "{name} {args:?}: stdout differs on {backend}; stderr:\n{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(
            status(&o),
            status(reference),
            "{name} {args:?}: exit status differs on {backend}; stderr:\n{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn printf_formats() {
    if let Some(o) = same_as_qemu("printf_formats", &[]) {
        assert!(String::from_utf8_lossy(&o.stdout).contains("hello, world"));
    }
}

#[test]
fn malloc_stress() {
    if let Some(o) = same_as_qemu("malloc_stress", &[]) {
        assert!(String::from_utf8_lossy(&o.stdout).contains("errors 0"));
    }
}

#[test]
fn qsort_bsearch() {
    same_as_qemu("qsort_bsearch", &[]);
}

#[test]
fn strings() {
    same_as_qemu("strings", &[]);
}

#[test]
fn libm() {
    same_as_qemu("libm", &[]);
}

/// Computed-goto dispatch copied into every handler, handlers that call functions, and
/// recursion through the interpreter (units that end at calls, sparse indirect targets).
#[test]
fn vm_dispatch() {
    if let Some(o) = same_as_qemu("vm_dispatch", &[]) {
        assert!(String::from_utf8_lossy(&o.stdout).contains("main: 28657"));
    }
}

#[test]
fn args_and_environment() {
    if let Some(o) = same_as_qemu("args_env", &["one", "two words", "", "-x", "--flag"]) {
        assert_eq!(status(&o), 16, "argc + 10");
    }
}

#[test]
fn exit_codes() {
    for args in [
        &["exit", "7"][..],
        &["return", "300"],
        &["_exit", "255"],
        &["return", "0"],
    ] {
        same_as_qemu("exit_codes", args);
    }
}

#[test]
fn reads_a_real_file() {
    let file = source("read_file");
    same_as_qemu("read_file", &[file.to_str().expect("utf-8 path")]);
}

#[test]
fn writes_renames_and_removes_files() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("write-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    // Each run leaves the directory as it found it (the program removes what it made).
    if let Some(o) = same_as_qemu("write_file", &[dir.to_str().expect("utf-8 path")]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("cat a.txt: [FIRST line] size 11"), "{out}");
        assert!(
            out.contains("stat removed: -1 (No such file or directory)"),
            "{out}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn signal_handlers_run_and_return() {
    if let Some(o) = same_as_qemu("signals", &[]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("back again from signal 11"), "{out}");
        assert!(out.contains("r3 was 5, now 777"), "{out}");
    }
    // abort() after its handler returns: the default action ends the guest (134).
    if let Some(o) = same_as_qemu("signals", &["abort"]) {
        assert_eq!(status(&o), 128 + 6);
        assert!(String::from_utf8_lossy(&o.stdout).contains("abort handler ran for 6"));
    }
}

#[test]
fn threads_share_memory_and_synchronize() {
    if let Some(o) = same_as_qemu("threads", &[]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("counter 30000 (want 30000)"), "{out}");
        assert!(out.contains("consumed 2001000 (want 2001000)"), "{out}");
    }
}

#[test]
fn pipes_poll_and_mappings() {
    if let Some(o) = same_as_qemu("pipes_poll", &[]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("read 10 [through 20]"), "{out}");
        assert!(out.contains("mapped file: ok, header 7f ELF"), "{out}");
    }
}

#[test]
fn timers_interrupt_pause_and_computation() {
    if let Some(o) = same_as_qemu("timers", &[]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("ticks reached 1 while computing"), "{out}");
        assert!(out.contains("alarm(0) reports the 5 s one: 5"), "{out}");
        assert!(
            out.contains("periodic timer ticked at least 3 times"),
            "{out}"
        );
        assert!(out.contains("more than 8: 1"), "{out}");
        assert!(
            out.contains("profiling timer ticked at least 2 times, now disarmed: 1"),
            "{out}"
        );
    }
    // The last alarm's default action ends the program: 128 + SIGALRM.
    if let Some(o) = same_as_qemu("timers", &["die"]) {
        assert_eq!(status(&o), 128 + 14);
    }
}

#[test]
fn a_pause_nothing_can_end_is_reported() {
    if !tools_present() {
        return;
    }
    let exe = build("timers");
    for backend in ["interp", "jit"] {
        let o = oxenon(backend, &exe, &["forever"], &[]);
        assert_eq!(String::from_utf8_lossy(&o.stdout), "pausing\n");
        assert_eq!(status(&o), 1);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("waits for a signal with no timer armed"),
            "{err}"
        );
    }
}

#[test]
fn fork_exec_wait_system_and_popen() {
    if let Some(o) = same_as_qemu("processes", &[]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("child killed by signal 15"), "{out}");
        assert!(out.contains("popen read: piped through popen"), "{out}");
    }
    // Re-executing itself: qemu-ppc64 needs binfmt_misc for that, so this part is checked
    // against its expected lines.
    if !tools_present() {
        return;
    }
    let exe = build("processes");
    // With the common soft limit of 1,024 descriptors, which the descriptors handed to a new
    // program must fit under.
    let limited = run(Command::new("sh")
        .args(["-c", "ulimit -n 1024 2>/dev/null; exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_oxenon"))
        .args(["exec-elf", "--backend", "jit"])
        .arg(&exe));
    let reference = qemu(&exe, &[]);
    assert_eq!(
        String::from_utf8_lossy(&limited.stdout),
        String::from_utf8_lossy(&reference.stdout)
    );
    for backend in ["interp", "jit"] {
        let o = oxenon(backend, &exe, &["self"], &[]);
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains(
                "re-executed with an argument\n\
                 re-executed child exited 7 and wrote \"through descriptor "
            ),
            "{out}"
        );
        assert_eq!(status(&o), 0);
    }
}

#[test]
fn links_locks_times_statfs_process_groups_and_waitid() {
    for target in [PPC64, PPC32] {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
            "file-ops-{}-{}",
            target.qemu,
            std::process::id()
        ));
        let arg = dir.to_str().expect("utf-8 path");
        // Each run makes the directory, works in it and removes it.
        if let Some(o) = same_as_qemu_for(target, "file_ops", &[arg]) {
            let out = String::from_utf8_lossy(&o.stdout);
            assert!(
                out.contains("getlk type 1") && out.contains("nlink 2"),
                "{out}"
            );
            assert!(
                out.contains("waitid status 3") && out.contains("ftw saw 5"),
                "{out}"
            );
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}

#[test]
fn sockets_eventfd_epoll_timerfd_and_memfd() {
    for target in [PPC64, PPC32] {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
            "sockets-{}-{}",
            target.qemu,
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("scratch directory");
        let arg = dir.to_str().expect("utf-8 path");
        if let Some(o) = same_as_qemu_for(target, "sockets_events", &[arg]) {
            let out = String::from_utf8_lossy(&o.stdout);
            assert!(out.contains("child answered: BETWEEN PROCESSES"), "{out}");
            assert!(
                out.contains("two ready: 2, data sum 11223344556677b2"),
                "{out}"
            );
            assert!(
                out.contains("counter 7") && out.contains("name sockets-test"),
                "{out}"
            );
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}

/// Each thread's own signal mask and pending signals, sigwait and sigtimedwait, and
/// sigsuspend in a thread woken by another.
#[test]
fn signals_and_threads() {
    for target in [PPC64, PPC32] {
        if let Some(o) = same_as_qemu_for(target, "thread_signals", &[]) {
            let out = String::from_utf8_lossy(&o.stdout);
            assert!(out.contains("raise after a thread ended: main 10"), "{out}");
            assert!(
                out.contains("kill while main blocks it: worker 22 main 0"),
                "{out}"
            );
            assert!(out.contains("sigwait: 0, signal 12"), "{out}");
            assert!(out.contains("sigsuspend in a thread: 1"), "{out}");
        }
    }
}

/// Handlers on the alternate signal stack (a stack overflow survived), blocking calls an
/// interval timer interrupts (EINTR, or made again with SA_RESTART), SIGCHLD's siginfo.
#[test]
fn alternate_stacks_restarted_calls_and_sigchld() {
    for target in [PPC64, PPC32] {
        if let Some(o) = same_as_qemu_for(target, "altstack_restart", &[]) {
            let out = String::from_utf8_lossy(&o.stdout);
            assert!(
                out.contains("on the alternate stack 1, SS_ONSTACK 1, change refused 1"),
                "{out}"
            );
            assert!(
                out.contains("read with SA_RESTART: 1 'x', alarms 2"),
                "{out}"
            );
            assert!(out.contains("CLD_EXITED 1, from the child 1"), "{out}");
        }
    }
}

/// feenableexcept: an enabled zero divide or overflow delivers SIGFPE at the instruction
/// (and with no handler ends the program by it). qemu-ppc cannot run 32-bit glibc's fenv
/// code (`mffscrni`), so the 32-bit build is held to the 64-bit build under qemu-ppc64.
#[test]
fn enabled_fp_exceptions_deliver_sigfpe() {
    if let Some(o) = same_as_qemu("fp_traps", &[]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains("SIGFPE: FPE_FLTDIV 1, address given 1, result kept 42"),
            "{out}"
        );
        assert!(out.contains("overflow: FPE_FLTOVF 1"), "{out}");
        let died = same_as_qemu("fp_traps", &["die"]).expect("tools present");
        assert_eq!(status(&died), 128 + 8);
        if present_for(PPC32) {
            same_as_reference("fp_traps", &build_for(PPC32, "fp_traps"), &[], &o);
        }
    }
}

#[test]
fn signals_from_other_processes() {
    for target in [PPC64, PPC32] {
        if let Some(o) = same_as_qemu_for(target, "signals_external", &[]) {
            let out = String::from_utf8_lossy(&o.stdout);
            assert!(
                out.contains("child woke from sigsuspend by signal 10"),
                "{out}"
            );
            assert!(out.contains("ignoring child: killed by signal 15"), "{out}");
            assert!(out.contains("pipe writer: killed by signal 13"), "{out}");
        }
    }
}

#[test]
fn stat_family_raw_and_through_glibc() {
    if let Some(o) = same_as_qemu("stat_calls", &[]) {
        assert!(String::from_utf8_lossy(&o.stdout).contains("lstat /: size 0 type 40000"));
    }
    // The 32-bit ABI's struct stat, struct stat64 and (through glibc) statx.
    if let Some(o) = same_as_qemu_for(PPC32, "stat_calls", &[]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("fstatat64 /: size 0 type 40000"), "{out}");
    }
}

#[test]
fn garbage_system_call_arguments_never_crash_the_emulator() {
    for target in [PPC64, PPC32] {
        if present_for(target) {
            garbage_arguments(target);
        }
    }
}

fn garbage_arguments(target: Target) {
    let exe = build_for(target, "syscall_garbage");
    // In a directory of its own, in case a garbage path names something there.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "syscall-garbage-{}-{}",
        target.qemu,
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    for backend in ["interp", "jit"] {
        let o = run(Command::new(env!("CARGO_BIN_EXE_oxenon"))
            .current_dir(&dir)
            .args(["exec-elf", "--backend", backend])
            .arg(&exe));
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(
            String::from_utf8_lossy(&o.stdout),
            "survived\n",
            "{} {backend}: {err}",
            target.qemu
        );
        assert_eq!(status(&o), 0, "{} {backend}: {err}", target.qemu);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn segfault_ends_with_sigsegv_status_and_says_where() {
    let Some(reference) = same_as_qemu("segfault", &[]) else {
        return;
    };
    assert_eq!(status(&reference), 128 + 11);
    let exe = build("segfault");
    for backend in ["interp", "jit"] {
        let err = String::from_utf8_lossy(&oxenon(backend, &exe, &[], &[]).stderr).into_owned();
        assert!(
            err.contains("segmentation fault") && err.contains("write fault at 0x00000000"),
            "{err}"
        );
        assert!(err.contains("at pc 0x") && err.contains("stw"), "{err}");
    }
}

#[test]
fn unsupported_syscall_is_a_named_error() {
    if !tools_present() {
        return;
    }
    let exe = build("unsupported_syscall");
    let reference = qemu(&exe, &[]);
    let before = "before the call\n";
    assert!(String::from_utf8_lossy(&reference.stdout).starts_with(before));
    for backend in ["interp", "jit"] {
        let o = oxenon(backend, &exe, &[], &[]);
        assert_eq!(String::from_utf8_lossy(&o.stdout), before);
        assert_ne!(status(&o), 0);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("unsupported system call 103 (syslog)") && err.contains("44000002  sc"),
            "{err}"
        );
    }
}

#[test]
fn instruction_limit_stops_the_guest() {
    if !tools_present() {
        return;
    }
    let exe = build("malloc_stress");
    for backend in ["interp", "jit"] {
        let o = oxenon(backend, &exe, &[], &["-n", "5000", "--stats"]);
        assert_eq!(status(&o), 124, "{backend}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("instruction limit of 5000 reached"), "{err}");
        assert!(err.contains("5000 instructions retired"), "{err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn stats_go_to_stderr_only() {
    if !tools_present() {
        return;
    }
    let exe = build("exit_codes");
    let plain = oxenon("jit", &exe, &["return", "3"], &[]);
    let stats = oxenon("jit", &exe, &["return", "3"], &["--jit-stats"]);
    assert_eq!(plain.stdout, stats.stdout);
    assert_eq!(status(&stats), 3);
    assert!(plain.stderr.is_empty());
    let err = String::from_utf8_lossy(&stats.stderr);
    assert!(
        err.contains("instructions retired") && err.contains("units"),
        "{err}"
    );
}

#[test]
fn rejects_what_it_cannot_run() {
    if !tools_present() {
        return;
    }
    // Not an ELF file at all.
    let o = oxenon("jit", &source("segfault"), &[], &[]);
    assert_eq!(status(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot load"));
    // A dynamically linked executable.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("exec-elf");
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let dynamic = dir.join("exit_codes_dynamic");
    let built = Command::new(CC)
        .args(["-O2", "-o"])
        .arg(&dynamic)
        .arg(source("exit_codes"))
        .status()
        .expect("run the cross compiler");
    assert!(built.success());
    let o = oxenon("jit", &dynamic, &[], &[]);
    assert_eq!(status(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("dynamically linked"));
}

// 32-bit executables, against qemu-ppc.

#[test]
fn ppc32_stdio_malloc_strings_and_exit_status() {
    if let Some(o) = same_as_qemu_for(PPC32, "printf_formats", &[]) {
        assert!(String::from_utf8_lossy(&o.stdout).contains("hello, world"));
    }
    if let Some(o) = same_as_qemu_for(PPC32, "malloc_stress", &[]) {
        assert!(String::from_utf8_lossy(&o.stdout).contains("errors 0"));
    }
    same_as_qemu_for(PPC32, "qsort_bsearch", &[]);
    same_as_qemu_for(PPC32, "strings", &[]);
    if let Some(o) = same_as_qemu_for(PPC32, "args_env", &["one", "two words", "", "-x"]) {
        assert_eq!(status(&o), 15, "argc + 10");
    }
    for args in [&["exit", "7"][..], &["return", "300"], &["_exit", "255"]] {
        same_as_qemu_for(PPC32, "exit_codes", args);
    }
}

#[test]
fn ppc32_files_pipes_poll_and_mappings() {
    let file = source("read_file");
    same_as_qemu_for(PPC32, "read_file", &[file.to_str().expect("utf-8 path")]);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("write-file-32-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    if let Some(o) = same_as_qemu_for(PPC32, "write_file", &[dir.to_str().expect("utf-8 path")]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("cat a.txt: [FIRST line] size 11"), "{out}");
    }
    std::fs::remove_dir_all(&dir).ok();
    if let Some(o) = same_as_qemu_for(PPC32, "pipes_poll", &[]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("read 10 [through 20]"), "{out}");
        assert!(out.contains("mapped file: ok, header 7f ELF"), "{out}");
    }
}

#[test]
fn ppc32_threads_and_processes() {
    if let Some(o) = same_as_qemu_for(PPC32, "threads", &[]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("counter 30000 (want 30000)"), "{out}");
    }
    if let Some(o) = same_as_qemu_for(PPC32, "processes", &[]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("popen read: piped through popen"), "{out}");
    }
}

#[test]
fn ppc32_segfault_ends_with_sigsegv_status() {
    if let Some(o) = same_as_qemu_for(PPC32, "segfault", &[]) {
        assert_eq!(status(&o), 128 + 11);
    }
}

#[test]
fn ppc32_signal_handlers_and_timers() {
    if let Some(o) = same_as_qemu_for(PPC32, "signals", &[]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("back again from signal 11"), "{out}");
        assert!(out.contains("r3 was 5, now 777"), "{out}");
        assert!(out.contains("registers kept: 1 1"), "{out}");
    }
    if let Some(o) = same_as_qemu_for(PPC32, "signals", &["abort"]) {
        assert_eq!(status(&o), 128 + 6);
    }
    if let Some(o) = same_as_qemu_for(PPC32, "timers", &[]) {
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("ticks reached 1 while computing"), "{out}");
        assert!(out.contains("more than 8: 1"), "{out}");
    }
    if let Some(o) = same_as_qemu_for(PPC32, "timers", &["die"]) {
        assert_eq!(status(&o), 128 + 14);
    }
}

/// glibc's libm issues ISA 3.0's `mffscrni`, which processors before ISA 3.0 (the Xenon
/// among them) execute as `mffs`, but which qemu-ppc's 32-bit CPUs refuse (SIGILL); the
/// reference for the 32-bit build is then the 64-bit build of the same source under
/// qemu-ppc64 (the same glibc, and `libm.c` prints nothing that depends on the word size).
#[test]
fn ppc32_libm_matches_the_64_bit_build_under_qemu_ppc64() {
    if !present_for(PPC32) || !tools_present() {
        return;
    }
    let reference = qemu(&build("libm"), &[]);
    assert!(reference.status.success());
    same_as_reference("libm", &build_for(PPC32, "libm"), &[], &reference);
}

#[test]
fn ppc32_calls_without_a_32_bit_layout_are_named_errors() {
    if !present_for(PPC32) {
        return;
    }
    let exe = build_for(PPC32, "unsupported_syscall");
    for backend in ["interp", "jit"] {
        let o = oxenon(backend, &exe, &[], &[]);
        assert_eq!(String::from_utf8_lossy(&o.stdout), "before the call\n");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("unsupported system call 103 (syslog)"),
            "{err}"
        );
    }
}
