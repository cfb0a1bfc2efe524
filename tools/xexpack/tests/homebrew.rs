//! Builds the homebrew samples (tools/homebrew) with the distribution's PowerPC cross compiler
//! and checks what came out: every XEX parses, every import names an export of the real
//! module (kernel/src/ordinals) with the kind the module exports it as, the import list
//! (imports.def) agrees with that table, and the bundled demo (frontend/assets/demo.xex) is
//! byte for byte what the sources build to. Skipped where the cross compiler is missing, except
//! in CI.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use oxenon_kernel::ordinals::{self, ExportKind};
use oxenon_kernel::xex::{Compression, Encryption, ImportKind, Xex};

const COMPILER: &str = "powerpc64-linux-gnu-gcc";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn homebrew() -> PathBuf {
    root().join("tools/homebrew")
}

fn samples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(homebrew().join("samples"))
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            (path.extension()? == "c").then(|| path.file_stem().unwrap().to_string_lossy().into())
        })
        .collect();
    names.sort();
    names
}

/// Runs tools/homebrew/build once per test binary into a fresh directory; `None` without the
/// cross compiler outside CI.
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
        let out = std::env::temp_dir().join(format!("homebrew-test-{}", std::process::id()));
        let status = Command::new("bash")
            .arg(homebrew().join("build"))
            .env("XEXPACK", env!("CARGO_BIN_EXE_xexpack"))
            .env("HOMEBREW_OUT", &out)
            .status()
            .unwrap();
        assert!(status.success(), "tools/homebrew/build failed");
        Some(out)
    })
    .as_deref()
}

fn parse(out: &Path, file: &str) -> Xex {
    let data = std::fs::read(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    Xex::parse(&data).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn every_sample_builds_parses_and_imports_real_exports() {
    let Some(out) = built() else { return };
    for name in samples() {
        let xex = parse(out, &format!("{name}.xex"));
        assert_eq!(
            xex.entry_point(),
            Some(0x8200_1000),
            "{name}: entry is crt0's _start"
        );
        assert_eq!(xex.base_address(), 0x8200_0000, "{name}");
        assert!(
            matches!(
                xex.headers.file_format.compression,
                Compression::Normal { .. }
            ),
            "{name}: samples are LZX"
        );
        assert!(!xex.imports.is_empty(), "{name}: imports nothing");
        for import in &xex.imports {
            let export = ordinals::export(&import.library, import.ordinal).unwrap_or_else(|| {
                panic!(
                    "{name}: {} ordinal {:#x} is no export",
                    import.library, import.ordinal
                )
            });
            let kind = match import.kind {
                ImportKind::Function => ExportKind::Function,
                ImportKind::Variable => ExportKind::Variable,
            };
            assert_eq!(
                kind, export.kind,
                "{name}: {} imported as the wrong kind",
                export.name
            );
        }
        // Each sample lists what it imports in its header comment; keep that list honest.
        let source = std::fs::read_to_string(homebrew().join(format!("samples/{name}.c"))).unwrap();
        let listed = source
            .split("Imports (xboxkrnl):")
            .nth(1)
            .and_then(|rest| rest.split("*/").next())
            .unwrap_or_else(|| panic!("{name}.c has no \"Imports (xboxkrnl):\" list"));
        let listed: BTreeSet<&str> = listed
            .split([',', '.', ' ', '\n', '*'])
            .filter(|w| !w.is_empty())
            .collect();
        let imported: BTreeSet<&str> = xex
            .imports
            .iter()
            .map(|i| ordinals::export(&i.library, i.ordinal).unwrap().name)
            .collect();
        assert_eq!(listed, imported, "{name}: header's import list vs the XEX");
    }
}

#[test]
fn every_sample_states_its_output() {
    for name in samples() {
        let dir = homebrew().join("samples");
        let expected = dir.join(format!("{name}.expected"));
        let regex = dir.join(format!("{name}.expected-regex"));
        assert!(
            expected.exists() || regex.exists(),
            "{name}: no {name}.expected or {name}.expected-regex"
        );
        let source = std::fs::read_to_string(dir.join(format!("{name}.c"))).unwrap();
        assert!(
            source.contains("Promised output"),
            "{name}.c does not state its output"
        );
    }
}

#[test]
fn hello_variants_cover_the_payload_formats() {
    let Some(out) = built() else { return };
    let reference = parse(out, "hello.xex");
    for (file, compression, encrypted) in [
        ("hello-uncompressed.xex", "none", false),
        ("hello-basic.xex", "basic", false),
        ("hello-encrypted.xex", "lzx", true),
    ] {
        let xex = parse(out, file);
        let found = match xex.headers.file_format.compression {
            Compression::None => "none",
            Compression::Basic(_) => "basic",
            Compression::Normal { .. } => "lzx",
        };
        assert_eq!(found, compression, "{file}");
        assert_eq!(
            xex.headers.file_format.encryption == Encryption::Normal,
            encrypted,
            "{file}"
        );
        assert_eq!(
            xex.image, reference.image,
            "{file}: same program, same image"
        );
    }
}

#[test]
fn bundled_demo_is_built_from_the_sources() {
    let Some(out) = built() else { return };
    let bundled = std::fs::read(root().join("frontend/assets/demo.xex")).unwrap();
    let rebuilt = std::fs::read(out.join("demo.xex")).unwrap();
    assert!(
        bundled == rebuilt,
        "frontend/assets/demo.xex differs from a fresh build of tools/homebrew/samples/demo.c \
         ({} vs {} bytes): run tools/homebrew/build and copy target/homebrew/demo.xex there",
        bundled.len(),
        rebuilt.len()
    );
}

/// imports.def is our own list; each line must name the export the real module has at that
/// ordinal, with the same kind.
#[test]
fn import_list_matches_the_ordinal_tables() {
    let text = std::fs::read_to_string(homebrew().join("include/xbox/imports.def")).unwrap();
    let mut lines = 0;
    for line in text.lines().filter(|l| l.starts_with("XBOX_")) {
        let (kind, rest) = line.split_once('(').unwrap();
        let fields: Vec<&str> = rest
            .trim_end_matches(')')
            .split(',')
            .map(str::trim)
            .collect();
        let [library, ordinal, name] = fields[..] else {
            panic!("bad line {line}")
        };
        let library = match library {
            "xboxkrnl" => "xboxkrnl.exe",
            "xam" => "xam.xex",
            other => panic!("unknown library alias {other}"),
        };
        let ordinal = u16::from_str_radix(ordinal.trim_start_matches("0x"), 16).unwrap();
        let export =
            ordinals::export(library, ordinal).unwrap_or_else(|| panic!("{line}: no such export"));
        assert_eq!(export.name, name, "{line}");
        let expected = match kind {
            "XBOX_FUNCTION" => ExportKind::Function,
            "XBOX_VARIABLE" => ExportKind::Variable,
            other => panic!("{other}"),
        };
        assert_eq!(export.kind, expected, "{line}");
        lines += 1;
    }
    assert!(lines >= 40, "only {lines} imports listed");
}
