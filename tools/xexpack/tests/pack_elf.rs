//! Packs programs built by the distribution's PowerPC cross compiler and parses them back, in
//! every payload variant, 32- and 64-bit.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use object::{Object, ObjectSegment, ObjectSymbol};
use oxenon_kernel::xex::write::PayloadFormat;
use oxenon_kernel::xex::{ImportKind, PageKind, Xex, MACHINE_POWERPC_BE, SUBSYSTEM_XBOX};
use xexpack::{pack, PackOptions, DEFAULT_BASE};

const COMPILER: &str = "powerpc64-linux-gnu-gcc";

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compiles tests/data/hello.c, or `None` where the cross compiler is missing outside CI.
fn build_hello(bits: &str) -> Option<Vec<u8>> {
    if Command::new(COMPILER).arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{COMPILER} is required in CI (tools/setup-deps installs it)"
        );
        eprintln!("skipping: {COMPILER} not found");
        return None;
    }
    let dir = std::env::temp_dir().join(format!("xexpack-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Tests run in parallel: every build gets its own output file.
    static BUILDS: AtomicUsize = AtomicUsize::new(0);
    let build = BUILDS.fetch_add(1, Ordering::Relaxed);
    let out = dir.join(format!("hello{bits}-{build}.elf"));
    let dir = crate_dir();
    let status = Command::new(COMPILER)
        .args([
            bits,
            "-O2",
            "-ffreestanding",
            "-nostdlib",
            "-static",
            "-fno-pic",
            "-Wl,--build-id=none",
        ])
        .arg("-I")
        .arg(dir.join("include"))
        .arg("-T")
        .arg(dir.join("xex.ld"))
        .arg("-o")
        .arg(&out)
        .arg(dir.join("tests/data/hello.c"))
        .status()
        .unwrap();
    assert!(status.success(), "{COMPILER} {bits} failed");
    Some(std::fs::read(&out).unwrap())
}

struct Expected {
    /// (library, ordinal, kind, slot, thunk)
    imports: Vec<(&'static str, u16, ImportKind, u32, Option<u32>)>,
    entry: u32,
    /// Segment bytes at their addresses.
    segments: Vec<(u32, Vec<u8>)>,
}

fn expected(elf: &[u8]) -> Expected {
    let file = object::File::parse(elf).unwrap();
    let symbol = |name: &str| {
        file.symbols()
            .find(|s| s.name() == Ok(name))
            .unwrap_or_else(|| panic!("no symbol {name}"))
            .address() as u32
    };
    let segments: Vec<(u32, Vec<u8>)> = file
        .segments()
        .map(|s| (s.address() as u32, s.data().unwrap().to_vec()))
        .collect();
    let start = symbol("_start");
    let entry = if file.is_64() {
        // ELFv1: _start names a function descriptor whose first doubleword is the code address.
        let (at, data) = segments
            .iter()
            .find(|(a, d)| (*a..*a + d.len() as u32).contains(&start))
            .unwrap();
        let o = (start - at) as usize;
        u64::from_be_bytes(data[o..o + 8].try_into().unwrap()) as u32
    } else {
        start
    };
    Expected {
        imports: vec![
            (
                "xam.xex",
                0x1F5,
                ImportKind::Function,
                symbol("__imp_xam_0x1F5"),
                Some(symbol("__thunk_xam_0x1F5")),
            ),
            (
                "xboxkrnl.exe",
                0x1,
                ImportKind::Function,
                symbol("__imp_xboxkrnl_0x1"),
                Some(symbol("__thunk_xboxkrnl_0x1")),
            ),
            (
                "xboxkrnl.exe",
                0x2AD,
                ImportKind::Variable,
                symbol("__imp_xboxkrnl_0x2AD"),
                None,
            ),
        ],
        entry,
        segments,
    }
}

fn check(xex: &Xex, expected: &Expected, what: &str) {
    assert_eq!(xex.base_address(), DEFAULT_BASE, "{what}");
    assert_eq!(xex.entry_point(), Some(expected.entry), "{what}");
    let imports: Vec<_> = xex
        .imports
        .iter()
        .map(|i| (i.library.as_str(), i.ordinal, i.kind, i.address, i.thunk))
        .collect();
    assert_eq!(imports, expected.imports, "{what}");

    // Every segment byte is in place, except the words the import records own.
    let records: Vec<u32> = expected
        .imports
        .iter()
        .flat_map(|i| [Some(i.3), i.4])
        .flatten()
        .collect();
    for (address, data) in &expected.segments {
        for (i, byte) in data.iter().enumerate() {
            let at = address + i as u32;
            if records.iter().any(|r| (*r..r + 4).contains(&at)) {
                continue;
            }
            assert_eq!(
                xex.image[(at - DEFAULT_BASE) as usize],
                *byte,
                "{what}: byte at {at:#x}"
            );
        }
    }

    let pe = xex.pe.as_ref().expect("PE headers");
    assert_eq!(pe.machine, MACHINE_POWERPC_BE);
    assert_eq!(pe.subsystem, SUBSYSTEM_XBOX);
    assert_eq!(pe.image_base, DEFAULT_BASE);
    assert_eq!(pe.entry_point_rva, expected.entry - DEFAULT_BASE);
    let names: Vec<_> = pe.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, [".text", ".rdata", ".data"], "{what}");

    let kinds: Vec<_> = xex
        .headers
        .security
        .page_descriptors
        .iter()
        .map(|d| (d.kind, d.page_count))
        .collect();
    assert_eq!(
        kinds,
        [
            (PageKind::ReadOnly, 1),
            (PageKind::Code, 1),
            (PageKind::ReadOnly, 1),
            (PageKind::Data, 1)
        ],
        "{what}"
    );
}

#[test]
fn every_variant_of_a_compiled_program_round_trips() {
    for bits in ["-m32", "-m64"] {
        let Some(elf) = build_hello(bits) else { return };
        let expected = expected(&elf);
        for format in [
            PayloadFormat::Uncompressed,
            PayloadFormat::Basic,
            PayloadFormat::Lzx,
            PayloadFormat::LzxStored,
        ] {
            for session_key in [None, Some(xexpack::derive_session_key(&elf))] {
                let what = format!("{bits} {format:?} encrypted={}", session_key.is_some());
                let options = PackOptions {
                    format,
                    session_key,
                    ..PackOptions::default()
                };
                let packed = pack(&elf, &options).unwrap();
                let xex = Xex::parse(&packed.file).unwrap_or_else(|e| panic!("{what}: {e}"));
                assert_eq!(xex.image, packed.image, "{what}");
                assert_eq!(xex.key.map(|k| k.1), session_key, "{what}");
                check(&xex, &expected, &what);
            }
        }
    }
}

#[test]
fn the_command_line_packs_and_reports_errors() {
    let Some(elf) = build_hello("-m32") else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("xexpack-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("hello.elf");
    let output = dir.join("hello.xex");
    std::fs::write(&input, &elf).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_xexpack"))
            .args(args)
            .output()
            .unwrap()
    };
    let path = |p: &Path| p.to_str().unwrap().to_string();
    let ok = run(&[
        &path(&input),
        "-o",
        &path(&output),
        "--format",
        "basic",
        "--encrypt",
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let xex = Xex::parse(&std::fs::read(&output).unwrap()).unwrap();
    assert!(xex.key.is_some());
    assert_eq!(
        xex.headers.info.original_pe_name.as_deref(),
        Some("hello.exe")
    );
    check(&xex, &expected(&elf), "cli");

    // Linked at the base itself, the program collides with the PE header page.
    let low = run(&[&path(&input), "-o", &path(&output), "--base", "0x82001000"]);
    assert!(!low.status.success());
    let message = String::from_utf8_lossy(&low.stderr);
    assert!(
        message.contains("packing") && message.contains("PE headers"),
        "{message}"
    );
}
