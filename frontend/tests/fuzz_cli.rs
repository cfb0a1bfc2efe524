//! `oxenon fuzz` end to end: the built binary, short deterministic runs.

use std::path::PathBuf;
use std::process::{Command, Output};

/// Findings (there should be none) go to a private directory, never into the source tree.
fn out_dir(tag: &str) -> PathBuf {
    std::env::temp_dir().join(format!("oxenon-fuzz-cli-{tag}-{}", std::process::id()))
}

fn fuzz(args: &[&str], tag: &str) -> Output {
    let out = out_dir(tag);
    Command::new(env!("CARGO_BIN_EXE_oxenon"))
        .arg("fuzz")
        .args(args)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run oxenon")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The summary without its timing line, which is the only part that may change between runs.
fn deterministic_part(o: &Output) -> String {
    stdout(o)
        .lines()
        .filter(|l| !l.starts_with("time:"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn short_run_finds_nothing_and_prints_the_summary() {
    let o = fuzz(&["--seed", "1", "--iters", "300"], "short");
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{}", stderr(&o));
    assert!(
        out.contains("fuzz summary: seed 1, 300 iterations"),
        "{out}"
    );
    assert!(out.contains(" 0 mismatches"), "{out}");
    for class in ["integer", "branch", "loadstore", "fpu", "system"] {
        assert!(
            out.lines().any(|l| l.trim_start().starts_with(class)),
            "no line for {class}: {out}"
        );
    }
    assert!(out.contains("interpreter exits:"), "{out}");
    let last = out.lines().last().unwrap_or("");
    assert!(
        last.starts_with("time: ") && last.ends_with("iterations/s"),
        "{out}"
    );
    assert!(
        !out_dir("short").exists(),
        "nothing should have been written"
    );
}

#[test]
fn same_seed_gives_the_same_summary() {
    let args = ["--seed", "42", "--iters", "150", "--len", "12"];
    let a = fuzz(&args, "same-a");
    let b = fuzz(&args, "same-b");
    assert_eq!(a.status.code(), Some(0), "{}{}", stdout(&a), stderr(&a));
    assert_eq!(deterministic_part(&a), deterministic_part(&b));
    let c = fuzz(&["--seed", "43", "--iters", "150", "--len", "12"], "same-c");
    assert_ne!(
        deterministic_part(&a),
        deterministic_part(&c),
        "another seed should give other cases"
    );
}

#[test]
fn class_selection_is_honoured() {
    let o = fuzz(
        &["--seed", "3", "--iters", "60", "--classes", "integer,fpu"],
        "classes",
    );
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{}", stderr(&o));
    assert!(
        out.lines().any(|l| l.trim_start().starts_with("integer")),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.trim_start().starts_with("fpu")),
        "{out}"
    );
    for absent in ["branch", "loadstore", "system", "vector"] {
        assert!(
            !out.lines().any(|l| l.trim_start().starts_with(absent)),
            "{absent} was not asked for: {out}"
        );
    }
}

/// Vector instructions are generated only when asked for. Whether the interpreter executes
/// them or stops on them as unimplemented, both backends must do the same.
#[test]
fn vector_sequences_agree_on_both_backends() {
    let o = fuzz(
        &["--seed", "5", "--iters", "40", "--classes", "vector"],
        "vector",
    );
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{}", stderr(&o));
    let line = out
        .lines()
        .find(|l| l.trim_start().starts_with("vector"))
        .unwrap_or_else(|| panic!("no vector line: {out}"));
    let generated: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(generated >= 40 * 20, "{out}");
}

#[test]
fn bad_class_is_a_usage_error() {
    let o = fuzz(&["--classes", "integer,bogus"], "bad-class");
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains("unknown class `bogus`"), "{err}");
    assert!(
        err.contains("integer, branch, loadstore, fpu, system, vector"),
        "{err}"
    );
    assert!(stdout(&o).is_empty());

    let o = fuzz(&["--classes", ""], "empty-class");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("empty class name"), "{}", stderr(&o));
}

#[test]
fn bad_numbers_are_usage_errors() {
    for args in [
        &["--len", "0"][..],
        &["--len", "257"][..],
        &["--iters", "-1"][..],
        &["--seed", "x"][..],
    ] {
        let o = fuzz(args, "bad-number");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
}
