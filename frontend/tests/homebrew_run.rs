//! Whole programs on the emulated console: the homebrew samples (tools/homebrew), built from
//! source with the distribution's cross compiler, run on both backends and must print exactly
//! what each sample's source promises (its `.expected` file, written from the documented
//! behaviour of the kernel APIs it calls, not from a run). Then the deterministic mode: the
//! digest of `oxenon check` must be the same on repeated runs and on the interpreter and the
//! JIT, and the bundled demo's digest must match its golden file.

use regex::Regex;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const COMPILER: &str = "powerpc64-linux-gnu-gcc";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn oxenon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oxenon"))
        .args(args)
        .output()
        .unwrap()
}

/// The samples, built once per test binary into a fresh directory; `None` without the cross
/// compiler outside CI.
fn built() -> Option<&'static Path> {
    static OUT: OnceLock<Option<PathBuf>> = OnceLock::new();
    OUT.get_or_init(|| {
        if Command::new(COMPILER).arg("--version").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "{COMPILER} is required in CI (tools/setup-deps installs it)"
            );
            eprintln!("skipping: {COMPILER} not found");
            return None;
        }
        // xexpack is a workspace binary, built beside oxenon.
        let xexpack = Path::new(env!("CARGO_BIN_EXE_oxenon")).with_file_name("xexpack");
        let out = std::env::temp_dir().join(format!("oxenon-homebrew-{}", std::process::id()));
        let mut cmd = Command::new("bash");
        cmd.arg(root().join("tools/homebrew/build"))
            .env("HOMEBREW_OUT", &out);
        if xexpack.exists() {
            cmd.env("XEXPACK", &xexpack);
        }
        assert!(
            cmd.status().unwrap().success(),
            "tools/homebrew/build failed"
        );
        Some(out)
    })
    .as_deref()
}

fn sample(name: &str) -> Option<String> {
    Some(built()?.join(format!("{name}.xex")).display().to_string())
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(root().join(format!("tools/homebrew/samples/{name}.expected"))).unwrap()
}

/// Runs a sample on one backend; returns stdout, stderr and the exit status.
fn run(name: &str, backend: &str, extra: &[&str]) -> Option<(String, String, i32)> {
    let file = sample(name)?;
    let mut args = vec!["run", file.as_str(), "-b", backend];
    args.extend_from_slice(extra);
    let out = oxenon(&args);
    Some((
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    ))
}

fn assert_prints_expected(name: &str, status: i32) {
    for backend in ["jit", "interp"] {
        for mode in [&[][..], &["--lockstep"][..]] {
            let Some((stdout, stderr, code)) = run(name, backend, mode) else {
                return;
            };
            assert_eq!(
                stdout,
                expected(name),
                "{name} on {backend} {mode:?}\n{stderr}"
            );
            assert_eq!(code, status, "{name} on {backend} {mode:?}\n{stderr}");
        }
    }
}

#[test]
fn hello_prints_hello() {
    assert_prints_expected("hello", 0);
}

#[test]
fn threads_passes_every_check() {
    assert_prints_expected("threads", 0);
}

#[test]
fn memory_gets_the_documented_statuses() {
    assert_prints_expected("memory", 0);
}

#[test]
fn demo_renders_its_picture() {
    assert_prints_expected("demo", 0);
}

#[test]
fn the_bundled_demo_is_the_default_title() {
    let out = oxenon(&["run", "-q"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected("demo"));
}

#[test]
fn deadlock_ends_in_a_thread_dump_and_status_3() {
    for backend in ["jit", "interp"] {
        let Some((stdout, stderr, code)) = run("deadlock", backend, &[]) else {
            return;
        };
        assert_eq!(stdout, expected("deadlock"));
        assert_eq!(code, 3, "{stderr}");
        assert!(stderr.contains("=== Thread dump ==="), "{stderr}");
        assert!(stderr.contains("reason: deadlock"), "{stderr}");
        // Three workers and the main thread are all parked.
        assert_eq!(stderr.matches("state waiting").count(), 4, "{stderr}");
    }
}

#[test]
fn pingpong_reports_round_trips_per_second() {
    let patterns: Vec<Regex> =
        std::fs::read_to_string(root().join("tools/homebrew/samples/pingpong.expected-regex"))
            .unwrap()
            .lines()
            .map(|l| Regex::new(l).unwrap())
            .collect();
    for backend in ["jit", "interp"] {
        let Some((stdout, stderr, code)) = run("pingpong", backend, &[]) else {
            return;
        };
        assert_eq!(code, 0, "{stderr}");
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), patterns.len(), "{stdout}");
        for (line, re) in lines.iter().zip(&patterns) {
            assert!(re.is_match(line), "{line:?} does not match {re}");
        }
    }
}

#[test]
fn an_instruction_limit_ends_the_run_early() {
    // -n stops a run early with status 0 and says so.
    let Some((_, stderr, code)) = run("threads", "jit", &["-n", "20000"]) else {
        return;
    };
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("instruction limit reached"), "{stderr}");
}

fn digest(file: &str, backend: &str, n: &str) -> String {
    let out = oxenon(&["check", file, "-n", n, "-b", backend, "--stable-digest"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn check_digests_repeat_and_agree_between_interpreter_and_jit() {
    for (name, n) in [
        ("threads", "400000"),
        ("demo", "300000"),
        ("pingpong", "200000"),
    ] {
        let Some(file) = sample(name) else { return };
        let jit = digest(&file, "jit", n);
        assert_eq!(jit, digest(&file, "jit", n), "{name}: two JIT runs differ");
        assert_eq!(
            jit,
            digest(&file, "interp", n),
            "{name}: interpreter and JIT differ"
        );
    }
}

#[test]
fn the_bundled_demo_matches_its_golden_digest() {
    let golden = root().join("tests/golden/demo.json");
    let out = oxenon(&[
        "check",
        "-n",
        "2000000",
        "--stable-digest",
        "--expect",
        golden.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn truncated_and_corrupted_titles_are_clear_errors() {
    let demo = std::fs::read(root().join("frontend/assets/demo.xex")).unwrap();
    let dir = std::env::temp_dir().join(format!("oxenon-run-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.xex");
    let mut cases: Vec<Vec<u8>> = (0..demo.len())
        .step_by(97)
        .map(|n| demo[..n].to_vec())
        .collect();
    for i in (0..demo.len()).step_by(61) {
        let mut d = demo.clone();
        d[i] ^= 0x5A;
        cases.push(d);
    }
    for case in cases {
        std::fs::write(&path, &case).unwrap();
        let out = oxenon(&["run", path.to_str().unwrap(), "-q", "-n", "2000000"]);
        let code = out.status.code();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        // Either a clear load error (2) or, for a corruption the format cannot detect, a run.
        assert!(matches!(code, Some(0..=4)), "{code:?} {stderr}");
        if code == Some(2) {
            assert!(stderr.starts_with("error: "), "{stderr}");
        }
    }
}

/// The handles of the FINDING whose DIAGNOSIS follows it, for the first finding naming three.
fn three_handle_finding(dump: &str) -> Vec<String> {
    let line = dump
        .lines()
        .find(|l| l.starts_with("FINDING: 3 handle(s)") && l.contains("wait-call"))
        .unwrap_or_else(|| panic!("no three-handle finding in\n{dump}"));
    let inside = &line[line.find('[').unwrap() + 1..line.find(']').unwrap()];
    inside.split(',').map(str::to_owned).collect()
}

#[test]
fn trace_handles_diagnoses_the_deadlock_sample() {
    let Some((_, stderr, code)) = run("deadlock", "jit", &["--trace-handles"]) else {
        return;
    };
    assert_eq!(code, 3);
    assert!(stderr.contains("=== Handle audit ==="), "{stderr}");
    // The three work-available events from one creator, each parked on by one worker, read as
    // one finding whose producer never signalled.
    let handles = three_handle_finding(&stderr);
    assert_eq!(handles.len(), 3);
    let finding = stderr
        .lines()
        .skip_while(|l| !l.contains(&handles[0]) || !l.starts_with("FINDING"))
        .nth(1)
        .unwrap();
    assert!(
        finding.contains("DIAGNOSIS: producer never signalled"),
        "{finding}"
    );

    // Focus on those handles plus one that never existed.
    let list = format!("{},0x12345678", handles.join(","));
    let flag = format!("--trace-handles-focus={list}");
    let (_, focused, code) = run("deadlock", "interp", &[&flag]).unwrap();
    assert_eq!(code, 3);
    assert!(
        focused.contains("=== Handle audit (focus) ==="),
        "{focused}"
    );
    assert!(
        focused.contains("handle=0x12345678 kind=<UNCREATED> waiters=0 signaled=false"),
        "{focused}"
    );
    for h in &handles {
        let header = format!("handle={h} kind=Event/Auto waiters=1 signaled=false");
        assert!(focused.contains(&header), "{header} missing in\n{focused}");
    }
    assert!(focused.contains("created stack:"), "{focused}");
}

#[test]
fn a_malformed_focus_list_is_an_error_naming_the_item() {
    let out = oxenon(&["run", "--trace-handles-focus=0x10,bogus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`bogus`"));
}

#[test]
fn the_audit_does_not_change_check_digests() {
    let Some(file) = sample("threads") else {
        return;
    };
    let plain = digest(&file, "jit", "300000");
    let out = oxenon(&[
        "check",
        &file,
        "-n",
        "300000",
        "--stable-digest",
        "--trace-handles",
    ]);
    assert!(out.status.success());
    assert_eq!(plain, String::from_utf8(out.stdout).unwrap());
}
