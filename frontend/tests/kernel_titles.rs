//! Tiny titles assembled by hand (instruction words from the PowerPC ISA encodings) and packed
//! with the kernel's XEX writer, for kernel behaviour no sample exercises: an unimplemented
//! export (logged by name and ordinal, a failure status, fatal with --strict), a bad handle
//! (STATUS_INVALID_HANDLE, 0xC0000008, as NT documents), a guest fault, and Ctrl-C.

use oxenon_kernel::xex::write::{ImportSpec, LibrarySpec, XexWriter};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const BASE: u32 = 0x8200_0000;
const ENTRY: u32 = BASE + 0x1000;
const THUNK: u32 = BASE + 0x1020;
const SLOT: u32 = BASE + 0x3000;

const MFLR_R31: u32 = 0x7FE8_02A6;
const MTLR_R31: u32 = 0x7FE8_03A6;
const BLR: u32 = 0x4E80_0020;
/// `bl` from ENTRY+4 to THUNK.
const BL_THUNK: u32 = 0x4800_0000 | (THUNK - (ENTRY + 4)) | 1;
/// rlwinm r3,r3,8,24,31: r3 = the status's top byte (0xC0 for an error status).
const TOP_BYTE: u32 = 0x5463_463E;
/// rlwinm r3,r3,0,24,31: r3 = the status's low byte.
const LOW_BYTE: u32 = 0x5463_063E;

/// A title whose entry runs `code` (at most 8 words before the thunk), importing `ordinal` of
/// `library` as a function at THUNK.
fn title(name: &str, code: &[u32], import: Option<(&str, u16)>) -> PathBuf {
    let mut image = vec![0u8; 0x4000];
    for (i, w) in code.iter().enumerate() {
        let at = 0x1000 + 4 * i;
        image[at..at + 4].copy_from_slice(&w.to_be_bytes());
    }
    let mut writer = XexWriter::new(image, BASE, ENTRY);
    if let Some((lib, ordinal)) = import {
        let mut l = LibrarySpec::new(lib);
        l.imports.push(ImportSpec {
            ordinal,
            slot: SLOT,
            thunk: Some(THUNK),
        });
        writer.libraries.push(l);
    }
    let built = writer.build().expect("XEX");
    let dir = std::env::temp_dir().join(format!("oxenon-kt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.xex"));
    std::fs::write(&path, built.file).unwrap();
    path
}

fn oxenon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oxenon"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_unimplemented_export_fails_by_name_and_is_fatal_with_strict() {
    // XamShowMessageBoxUI (xam.xex 0x2CA) is a real export the kernel does not implement.
    let code = [MFLR_R31, BL_THUNK, MTLR_R31, TOP_BYTE, BLR];
    let path = title("unimplemented", &code, Some(("xam.xex", 0x2CA)));
    let file = path.to_str().unwrap();
    for backend in ["jit", "interp"] {
        let out = oxenon(&["run", file, "-b", backend]);
        // The call returned an error status (severity bits 11: top byte 0xC0).
        assert_eq!(out.status.code(), Some(0xC0), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("XamShowMessageBoxUI (xam.xex 0x2ca) x1"),
            "{}",
            stderr(&out)
        );
        let strict = oxenon(&["run", file, "-b", backend, "--strict"]);
        assert_eq!(strict.status.code(), Some(4));
        assert!(
            stderr(&strict).contains("--strict: unimplemented export XamShowMessageBoxUI"),
            "{}",
            stderr(&strict)
        );
        assert!(stderr(&strict).contains("=== Thread dump ==="));
    }
}

#[test]
fn a_bad_handle_gives_status_invalid_handle() {
    // li r3,0x1234; then NtClose (xboxkrnl.exe 0xCF) through the thunk; exit with the low byte.
    let code = [0x3860_1234, MFLR_R31, 0, MTLR_R31, LOW_BYTE, BLR];
    let mut code = code.to_vec();
    code[2] = 0x4800_0000 | (THUNK - (ENTRY + 8)) | 1;
    let path = title("badhandle", &code, Some(("xboxkrnl.exe", 0xCF)));
    let out = oxenon(&["run", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0x08), "{}", stderr(&out));
}

#[test]
fn a_guest_fault_ends_the_run_with_a_dump() {
    // li r9,0; lwz r3,0(r9)
    let path = title("fault", &[0x3920_0000, 0x8069_0000, BLR], None);
    for backend in ["jit", "interp"] {
        let out = oxenon(&["run", path.to_str().unwrap(), "-b", backend]);
        assert_eq!(out.status.code(), Some(4));
        let e = stderr(&out);
        assert!(e.contains("guest read fault at 0x00000000"), "{e}");
        assert!(e.contains("lwz     r3,0(r9)"), "{e}");
        assert!(!e.contains("panicked"));
    }
}

#[test]
fn ctrl_c_ends_a_running_title_with_a_dump() {
    // b . (an endless loop)
    let path = title("spin", &[0x4800_0000], None);
    let child = Command::new(env!("CARGO_BIN_EXE_oxenon"))
        .args(["run", path.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    let e = stderr(&out);
    assert!(e.contains("reason: interrupted"), "{e}");
    assert!(
        e.contains("state ready") || e.contains("state running"),
        "{e}"
    );
}
