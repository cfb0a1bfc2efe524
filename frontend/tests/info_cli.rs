//! `oxenon info`: the dump of the bundled demo (a file built by tools/homebrew from known
//! sources, so its entry point, base and imports are known by construction: the linker script
//! puts crt0's _start at 0x82001000, and demo.c's header lists what it imports), of a file
//! written with the kernel's XEX writer (known TLS, title, and an ordinal no module exports),
//! and of truncated and randomly corrupted copies, which must end in a clear error with status
//! 2 and never a panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use oxenon_kernel::xex::write::{ImportSpec, LibrarySpec, PayloadFormat, XexWriter};
use oxenon_kernel::xex::{ExecutionInfo, TlsInfo, Version};

fn oxenon(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oxenon"))
        .arg("info")
        .args(args)
        .output()
        .unwrap()
}

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo.xex")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("oxenon-info-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn dumps_the_bundled_demo() {
    let out = oxenon(&[&demo()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for expected in [
        "module flags        0x00000001 (title)",
        "entry point: 0x82001000",
        "original PE name: \"demo.exe\"",
        "import libraries: 1 (xboxkrnl.exe)",
        "not encrypted; LZX, window 0x20000",
        "load address        0x82000000",
        "4 KiB pages",
        "  .text    0x82001000",
        "xboxkrnl.exe   0x0003 DbgPrint",
        "xboxkrnl.exe   0x000d ExCreateThread",
        "xboxkrnl.exe   0x001b ExThreadObjectType                       variable slot",
        "xboxkrnl.exe   0x012e RtlInitializeCriticalSection",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(!text.contains("UNKNOWN"), "{text}");
    // One line per import, each a function with a thunk except the variable.
    let imports: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  xboxkrnl.exe   0x"))
        .collect();
    assert_eq!(imports.len(), 17, "{text}");
    assert_eq!(
        imports.iter().filter(|l| l.contains(" thunk 0x")).count(),
        16
    );
}

#[test]
fn flags_unknown_ordinals_and_shows_tls_and_title() {
    let base = 0x8200_0000;
    let mut image = vec![0u8; 0x4000];
    image[0x1000..0x1004].copy_from_slice(&0x4E80_0020u32.to_be_bytes()); // blr
    let mut writer = XexWriter::new(image, base, base + 0x1000);
    let mut kernel = LibrarySpec::new("xboxkrnl.exe");
    // 0x35B is a hole in the kernel's numbering; 0xAD (KeTimeStampBundle) is data.
    kernel.imports.push(ImportSpec {
        ordinal: 0x35B,
        slot: base + 0x3000,
        thunk: Some(base + 0x1010),
    });
    kernel.imports.push(ImportSpec {
        ordinal: 0xAD,
        slot: base + 0x3004,
        thunk: Some(base + 0x1020),
    });
    writer.libraries.push(kernel);
    writer.format = PayloadFormat::Basic;
    writer.tls = Some(TlsInfo {
        slot_count: 8,
        raw_data_address: base + 0x2000,
        data_size: 0x40,
        raw_data_size: 0x20,
    });
    writer.execution = Some(ExecutionInfo {
        title_id: 0x4F58_0001,
        version: Version::new(1, 2, 3, 4),
        ..ExecutionInfo::default()
    });
    writer.default_stack_size = Some(0x40000);
    let path = scratch("unknown.xex");
    std::fs::write(&path, writer.build().unwrap().file).unwrap();

    let out = oxenon(&[&path]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for expected in [
        "0x035b ?",
        "! UNKNOWN ORDINAL",
        "1 imports name no known export",
        "0x00ad KeTimeStampBundle",
        "! the module exports this as the other kind",
        "TLS info: 8 slots, raw data 0x82002000 (0x20 of 0x40 bytes)",
        "title id 4F580001",
        "version 1.2.3.4",
        "default stack size: 0x00040000",
        "basic compression",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

/// Exit status 2, an "error:" line naming the file, no panic.
fn assert_clean_error(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{what}: {stderr}");
    assert!(stderr.starts_with("error: "), "{what}: {stderr}");
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
}

#[test]
fn truncated_files_are_errors() {
    let data = std::fs::read(demo()).unwrap();
    let path = scratch("truncated.xex");
    // Every length through the headers, then a stride through the payload.
    let lengths = (0..0x300).chain((0x300..data.len()).step_by(13));
    for len in lengths {
        std::fs::write(&path, &data[..len]).unwrap();
        let out = oxenon(&[&path]);
        assert_clean_error(&out, &format!("first {len} bytes"));
    }
}

#[test]
fn corrupted_files_never_panic() {
    let data = std::fs::read(demo()).unwrap();
    let path = scratch("corrupted.xex");
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut errors = 0;
    for round in 0..300 {
        let mut copy = data.clone();
        // Mostly the headers, where every field is a size, an offset or a count.
        let span = if round % 3 == 0 { copy.len() } else { 0x300 };
        for _ in 0..1 + next() % 4 {
            let at = (next() % span as u64) as usize;
            copy[at] = next() as u8;
        }
        std::fs::write(&path, &copy).unwrap();
        let out = oxenon(&[&path]);
        match out.status.code() {
            Some(0) => {}
            Some(2) => {
                assert_clean_error(&out, &format!("round {round}"));
                errors += 1;
            }
            other => panic!(
                "round {round}: status {other:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            ),
        }
    }
    // Digests cover the payload and most header fields are checked: most copies must fail.
    assert!(
        errors > 150,
        "only {errors} of 300 corrupted copies were rejected"
    );
}

#[test]
fn missing_file_is_an_error() {
    let out = oxenon(&[Path::new("/nonexistent/file.xex")]);
    assert_clean_error(&out, "missing file");
}
