//! `oxenon ppc-test` end to end: the built binary on the fixture files.
//!
//! Tests that need the PowerPC binutils or qemu-ppc64 are skipped when those are missing,
//! except under CI (env CI set), where a missing tool is a failure.

use std::path::Path;
use std::process::{Command, Output};

fn oxenon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oxenon"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run oxenon")
}

fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| Path::new(&d).join(name).is_file()))
}

/// True when `tools` are installed; otherwise skips (returns false) or, under CI, fails.
fn have(tools: &[&str]) -> bool {
    let missing: Vec<_> = tools.iter().filter(|t| !on_path(t)).collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must have {missing:?} (tools/setup-deps installs them)"
    );
    eprintln!("skipped: {missing:?} not installed");
    false
}

fn have_as() -> bool {
    have(&["powerpc64-linux-gnu-as"])
}

fn have_qemu() -> bool {
    have(&[
        "powerpc64-linux-gnu-as",
        "powerpc64-linux-gnu-ld",
        "qemu-ppc64",
    ])
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn last_line(o: &Output) -> String {
    stdout(o).lines().last().unwrap_or("").to_owned()
}

#[test]
fn passing_file_exits_zero_and_prints_only_the_count() {
    if !have_as() {
        return;
    }
    let o = oxenon(&["ppc-test", "tests/fixtures/pass.s"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "9 passed, 0 failed\n");
}

#[test]
fn verbose_lists_passing_tests() {
    if !have_as() {
        return;
    }
    let o = oxenon(&["ppc-test", "-v", "tests/fixtures/pass.s"]);
    let out = stdout(&o);
    assert!(
        out.contains("PASS test_add_small (tests/fixtures/pass.s:4)"),
        "{out}"
    );
    assert_eq!(out.lines().filter(|l| l.starts_with("PASS ")).count(), 9);
}

#[test]
fn failing_test_reports_each_mismatch_and_its_disassembly() {
    if !have_as() {
        return;
    }
    let o = oxenon(&["ppc-test", "tests/fixtures/fail.s"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    for expected in [
        "FAIL test_add_wrong (tests/fixtures/fail.s:10)",
        "r3: expected 0x0000000000000004 (4), got 0x0000000000000003 (3)  (line 18)",
        "f1: expected 0x4000000000000000 (2.0), got 0x3FF0000000000000 (1.0)  (line 20)",
        "memory 0x10001000..0x10001004: differs  (line 21)",
        "0x10001000 expected 00 00 00 03",
        "0x10001000 got      00 00 00 02",
        "disassembly:",
        "80000008  7c642a14  add     r3,r4,r5",
        "8000000c  90a60000  stw     r5,0(r6)",
        "80000010  4e800020  blr",
    ] {
        assert!(out.contains(expected), "missing `{expected}` in:\n{out}");
    }
    assert!(
        !out.contains("r4:"),
        "r4 matched and must not be listed:\n{out}"
    );
    assert!(!out.contains("test_ok"), "passing tests are quiet:\n{out}");
    assert_eq!(last_line(&o), "1 passed, 1 failed");
}

#[test]
fn abnormal_ends_show_the_reason_and_the_instruction() {
    if !have_as() {
        return;
    }
    let o = oxenon(&["ppc-test", "tests/fixtures/crash.s"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    for expected in [
        "FAIL test_fault (tests/fixtures/crash.s:3)",
        "guest read fault at 0x20000000",
        "at 0x80000000: 80640000  lwz     r3,0(r4)",
        "=> 80000000  80640000  lwz     r3,0(r4)",
        "FAIL test_invalid (tests/fixtures/crash.s:8)",
        "invalid or unimplemented instruction 0x00000000",
        "=> 8000000c  00000000  .long 0x0",
        "FAIL test_endless (tests/fixtures/crash.s:13)",
        "did not return within 1000000 instructions",
    ] {
        assert!(out.contains(expected), "missing `{expected}` in:\n{out}");
    }
    assert_eq!(last_line(&o), "0 passed, 3 failed");
}

fn assert_file_error(file: &str, line: usize, text: &str) {
    let o = oxenon(&["ppc-test", file]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let err = stderr(&o);
    let at = format!("{file}:{line}:");
    assert!(err.contains(&at), "missing `{at}` in:\n{err}");
    assert!(err.contains(text), "missing `{text}` in:\n{err}");
    assert!(stdout(&o).is_empty(), "nothing runs: {}", stdout(&o));
}

#[test]
fn unknown_register_is_a_file_error() {
    if have_as() {
        assert_file_error("tests/fixtures/bad_register.s", 3, "unknown register `r32`");
    }
}

#[test]
fn annotation_outside_a_test_is_a_file_error() {
    if have_as() {
        assert_file_error("tests/fixtures/outside_test.s", 2, "outside any test");
    }
}

#[test]
fn bad_hex_is_a_file_error() {
    if have_as() {
        assert_file_error("tests/fixtures/bad_hex.s", 4, "bad hex byte `0g`");
    }
}

#[test]
fn assembler_errors_point_at_the_source_line() {
    if have_as() {
        assert_file_error("tests/fixtures/bad_asm.s", 3, "Error:");
    }
}

#[test]
fn a_broken_file_stops_the_whole_run() {
    if !have_as() {
        return;
    }
    let o = oxenon(&[
        "ppc-test",
        "tests/fixtures/pass.s",
        "tests/fixtures/bad_hex.s",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
}

#[test]
fn missing_assembler_names_the_package() {
    let o = Command::new(env!("CARGO_BIN_EXE_oxenon"))
        .args(["ppc-test", "tests/fixtures/pass.s"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", "")
        .env_remove("OXENON_PPC_AS")
        .output()
        .expect("run oxenon");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("binutils-powerpc64-linux-gnu"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn missing_path_is_an_error() {
    let o = oxenon(&["ppc-test", "tests/fixtures/no_such_file.s"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no_such_file.s"), "{}", stderr(&o));
}

#[test]
fn directories_are_searched_recursively_in_order() {
    if !have_as() {
        return;
    }
    let o = oxenon(&["ppc-test", "-v", "tests/fixtures/suite"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let names: Vec<_> = stdout(&o)
        .lines()
        .filter_map(|l| l.strip_prefix("PASS "))
        .map(|l| l.split(' ').next().unwrap_or("").to_owned())
        .collect();
    assert_eq!(
        names,
        ["test_suite_a", "test_suite_b_one", "test_suite_b_two"]
    );
    assert_eq!(last_line(&o), "3 passed, 0 failed");
}

#[test]
fn filter_selects_tests_by_name() {
    if !have_as() {
        return;
    }
    let o = oxenon(&["ppc-test", "--filter", "b_two", "tests/fixtures/suite"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "1 passed, 0 failed\n");
}

#[test]
fn backend_all_tags_lines_with_the_backend() {
    if !have_as() {
        return;
    }
    let o = oxenon(&["ppc-test", "--backend", "all", "tests/fixtures/fail.s"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("[interp] FAIL test_add_wrong (tests/fixtures/fail.s:10)"),
        "{out}"
    );
    assert!(out.contains("[interp]   r3: expected"), "{out}");
    assert!(
        out.contains("[jit] FAIL test_add_wrong (tests/fixtures/fail.s:10)"),
        "{out}"
    );
    // One passing and one failing test, on each of the two backends.
    assert_eq!(last_line(&o), "2 passed, 2 failed");
}

#[test]
fn xenon_only_instructions_are_encoded_by_oxenon() {
    if !have_as() {
        return;
    }
    let o = oxenon(&["ppc-test", "tests/fixtures/xenon_only.s"]);
    // Whether lvlx passes depends on the interpreter; it must assemble and run either way.
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!stdout(&o).contains("test_plain"), "{}", stdout(&o));
}

#[test]
fn qemu_runs_a_passing_file() {
    if !have_qemu() {
        return;
    }
    let o = oxenon(&["ppc-test", "--backend", "qemu", "tests/fixtures/pass.s"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "9 passed, 0 failed\n");
}

#[test]
fn qemu_reports_the_same_mismatches() {
    if !have_qemu() {
        return;
    }
    let o = oxenon(&["ppc-test", "-b", "qemu", "tests/fixtures/fail.s"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("r3: expected 0x0000000000000004 (4), got 0x0000000000000003 (3)"),
        "{out}"
    );
    assert!(out.contains("0x10001000 got      00 00 00 02"), "{out}");
    assert_eq!(last_line(&o), "1 passed, 1 failed");
}

#[test]
fn qemu_reports_a_crash() {
    if !have_qemu() {
        return;
    }
    let o = oxenon(&[
        "ppc-test",
        "-b",
        "qemu",
        "--filter",
        "fault",
        "tests/fixtures/crash.s",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("FAIL test_fault"), "{out}");
    assert!(out.contains("under qemu: "), "{out}");
}

#[test]
fn qemu_skips_xenon_only_tests() {
    if !have_qemu() {
        return;
    }
    let o = oxenon(&[
        "ppc-test",
        "-b",
        "qemu",
        "-v",
        "tests/fixtures/xenon_only.s",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("SKIP test_uses_lvlx (tests/fixtures/xenon_only.s:10): uses the Xenon-only instruction `lvlx` (line 12)"),
        "{out}"
    );
    assert_eq!(last_line(&o), "1 passed, 0 failed, 1 skipped");
}

#[test]
fn help_describes_the_commands() {
    let o = oxenon(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("ppc-test"), "{}", stdout(&o));
    let o = oxenon(&["ppc-test", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for word in [
        "--backend",
        "--filter",
        "qemu",
        "interp",
        "N passed, M failed",
    ] {
        assert!(out.contains(word), "missing `{word}` in:\n{out}");
    }
}

#[test]
fn missing_qemu_names_the_package() {
    if !have_as() {
        return;
    }
    // A PATH with the binutils but without qemu.
    let dir = std::env::temp_dir().join(format!("oxenon-cli-noqemu-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for tool in ["powerpc64-linux-gnu-as", "powerpc64-linux-gnu-ld"] {
        let real = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .map(|d| d.join(tool))
            .find(|p| p.is_file());
        if let Some(real) = real {
            std::os::unix::fs::symlink(real, dir.join(tool)).expect("symlink");
        }
    }
    let o = Command::new(env!("CARGO_BIN_EXE_oxenon"))
        .args(["ppc-test", "-b", "qemu", "tests/fixtures/pass.s"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", &dir)
        .env_remove("OXENON_QEMU_PPC64")
        .output()
        .expect("run oxenon");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("qemu-user"), "{}", stderr(&o));
}

#[test]
fn include_is_resolved_next_to_the_test_file() {
    if !have_as() {
        return;
    }
    let o = oxenon(&["ppc-test", "tests/fixtures/include/uses_include.s"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "1 passed, 0 failed\n");
    if have_qemu() {
        let o = oxenon(&["ppc-test", "-b", "qemu", "tests/fixtures/include"]);
        assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    }
}
