//! Spot checks against sources independent of the list the tables were transcribed from
//! (Xenia's export tables):
//! - x360emu (github.com/francescobbo/x360emu, `x360emu/HLE/LinkLibraries.cpp`): its table of
//!   variable exports with their sizes, and the function ordinals its HLE layer binds.
//! - The XEX2 import records of the titles this project packs itself do not count: they take
//!   their ordinals from these tables.

use super::*;

fn check(library: &str, ordinal: u16, name: &str, kind: ExportKind) {
    let found = export(library, ordinal)
        .unwrap_or_else(|| panic!("{library} has no export {ordinal:#x} (expected {name})"));
    assert_eq!(
        (found.name, found.kind),
        (name, kind),
        "{library} {ordinal:#x}"
    );
    assert_eq!(ordinal_of(library, name), Some(ordinal), "{name}");
}

#[test]
fn xboxkrnl_variables_match_x360emu() {
    use ExportKind::Variable;
    for (ordinal, name) in [
        (0x00C, "ExConsoleGameRegion"),
        (0x059, "KeDebugMonitorData"),
        (0x0AD, "KeTimeStampBundle"),
        (0x0B5, "KiBugCheckData"),
        (0x0CB, "Nls844UnicodeCaseTable"),
        (0x156, "XboxHardwareInfo"),
        (0x157, "XboxKrnlBaseVersion"),
        (0x158, "XboxKrnlVersion"),
        (0x193, "XexExecutableModuleHandle"),
        (0x1AE, "ExLoadedCommandLine"),
        (0x1AF, "ExLoadedImageName"),
        (0x1BE, "VdGlobalDevice"),
        (0x1C0, "VdGpuClockInMHz"),
        (0x25C, "HalFsbInterruptCount"),
        (0x266, "KeCertMonitorData"),
        (0x2AB, "HalFsbResetCount"),
        (0x2DB, "UsbdBootEnumerationDoneEvent"),
        (0x2F1, "UsbdDriverLoadRequiredEvent"),
        (0x345, "XboxKrnlVersion4Digit"),
    ] {
        check("xboxkrnl.exe", ordinal, name, Variable);
    }
}

#[test]
fn xboxkrnl_functions_match_x360emu() {
    use ExportKind::Function;
    for (ordinal, name) in [
        (0x052, "KeBugCheck"),
        (0x053, "KeBugCheckEx"),
        (0x083, "KeQueryPerformanceFrequency"),
        (0x0CC, "NtAllocateVirtualMemory"),
        (0x0DC, "NtFreeVirtualMemory"),
        (0x125, "RtlEnterCriticalSection"),
        (0x12E, "RtlInitializeCriticalSection"),
        (0x12F, "RtlInitializeCriticalSectionAndSpinCount"),
        (0x130, "RtlLeaveCriticalSection"),
    ] {
        check("xboxkrnl.exe", ordinal, name, Function);
    }
}

#[test]
fn xam_variables_match_x360emu() {
    check("xam.xex", 0x3DB, "g_XuiAutomation", ExportKind::Variable);
    check(
        "xam.xex",
        0xA29,
        "XamSwapDiscPatchAddress",
        ExportKind::Variable,
    );
}

#[test]
fn object_types_are_variables() {
    for name in [
        "ExEventObjectType",
        "ExMutantObjectType",
        "ExSemaphoreObjectType",
        "ExThreadObjectType",
        "ExTimerObjectType",
        "IoFileObjectType",
        "ObDirectoryObjectType",
        "ObSymbolicLinkObjectType",
    ] {
        let ordinal = ordinal_of("xboxkrnl.exe", name).unwrap();
        assert_eq!(
            export("xboxkrnl.exe", ordinal).unwrap().kind,
            ExportKind::Variable,
            "{name}"
        );
    }
}

#[test]
fn library_names_are_case_insensitive() {
    assert_eq!(export("XBOXKRNL.EXE", 3).unwrap().name, "DbgPrint");
    assert_eq!(export("Xam.Xex", 0x191).unwrap().name, "XamInputGetState");
    assert!(export("xbdm.xex", 1).is_none());
    assert!(ordinal_of("nope.dll", "DbgPrint").is_none());
}

#[test]
fn unknown_ordinals_and_names_are_none() {
    assert!(export("xboxkrnl.exe", 0).is_none());
    // A hole in the kernel's numbering.
    assert!(export("xboxkrnl.exe", 0x35B).is_none());
    assert!(export("xboxkrnl.exe", 0xFFFF).is_none());
    assert!(export("xam.xex", 0x25).is_none());
    assert!(ordinal_of("xboxkrnl.exe", "dbgprint").is_none());
}

#[test]
fn tables_are_sorted_unique_and_named() {
    for library in LIBRARIES {
        let exports = table(library).unwrap();
        assert!(exports.len() > 800, "{library}: {}", exports.len());
        for pair in exports.windows(2) {
            assert!(pair[0].ordinal < pair[1].ordinal, "{library}: {:?}", pair);
        }
        let mut names: Vec<_> = exports.iter().map(|e| e.name).collect();
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count, "{library}: duplicate names");
        for e in exports {
            assert!(e.ordinal > 0);
            assert!(
                !e.name.is_empty()
                    && e.name
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_'),
                "{library}: {:?}",
                e.name
            );
            assert_eq!(export(library, e.ordinal), Some(e));
        }
    }
}

/// The Rust tables are generated from tools/ordinals/*.txt; they must not drift apart.
#[test]
fn tables_match_their_lists() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../tools/ordinals/generate.py");
    match std::process::Command::new("python3")
        .arg(script)
        .arg("--check")
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "python3 is needed in CI: {e}"
            );
            eprintln!("skipping: python3 not found ({e})");
        }
    }
}
