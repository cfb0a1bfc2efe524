//! Runs the project's own PowerPC suite (`tests/ppc/`): on every Oxenon backend, and under
//! qemu-ppc64, which checks the suite's expected values against an independent
//! implementation on every run. Needs the distribution's PowerPC binutils and qemu-user
//! (`tools/setup-deps`); without them the tests skip, except in CI where they must run.

use std::path::PathBuf;
use std::process::{Command, Output};

fn suite_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/ppc")
}

fn tools_present(tools: &[&str]) -> bool {
    let present = tools.iter().all(|t| {
        Command::new(t)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !present && std::env::var_os("CI").is_some() {
        panic!("CI must have {tools:?} (run tools/setup-deps)");
    }
    present
}

fn run_suite(backend: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oxenon"))
        .args(["ppc-test", "--backend", backend])
        .arg(suite_dir())
        .output()
        .expect("run oxenon")
}

fn assert_all_passed(backend: &str, o: &Output) {
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    let last = out.lines().last().unwrap_or("");
    assert!(
        o.status.success() && last.contains(" passed, 0 failed"),
        "suite failed on {backend}: {last}\n{out}\n{err}"
    );
    let passed: u64 = last
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(passed > 0, "no test ran on {backend}: {last}");
}

#[test]
fn suite_passes_on_every_oxenon_backend() {
    if !tools_present(&["powerpc64-linux-gnu-as"]) {
        return;
    }
    assert_all_passed("all", &run_suite("all"));
}

#[test]
fn suite_expectations_hold_under_qemu() {
    if !tools_present(&[
        "powerpc64-linux-gnu-as",
        "powerpc64-linux-gnu-ld",
        "qemu-ppc64",
    ]) {
        return;
    }
    assert_all_passed("qemu", &run_suite("qemu"));
}
