//! Write → parse round trips in every payload variant, and the errors that name corruption.

mod common;

use common::{writer, BASE, FORMATS};
use oxenon_kernel::xex::write::PayloadFormat;
use oxenon_kernel::xex::{
    key, Compression, Encryption, ImportKind, KeyKind, PageKind, ParseOptions, Xex, XexError,
    XexHeaders,
};

#[test]
fn every_variant_round_trips() {
    for format in FORMATS {
        for encrypt in [false, true] {
            let w = writer(format, encrypt);
            let built = w.build().unwrap();
            let xex = Xex::parse(&built.file)
                .unwrap_or_else(|e| panic!("{format:?} encrypted={encrypt}: {e}"));
            assert_eq!(xex.image, built.image, "{format:?} encrypted={encrypt}");
            assert_eq!(xex.image.len() % 0x1000, 0);
            assert_eq!(&xex.image[..0x1000], &w.image[..0x1000]);
            assert_eq!(xex.base_address(), BASE);
            assert_eq!(xex.entry_point(), Some(BASE + 0x1000));
            assert_eq!(xex.key.map(|k| k.0), encrypt.then_some(KeyKind::Retail));
            let enc = &xex.headers.file_format.encryption;
            assert_eq!(*enc == Encryption::Normal, encrypt);
            let compression = &xex.headers.file_format.compression;
            match format {
                PayloadFormat::Uncompressed => assert_eq!(*compression, Compression::None),
                PayloadFormat::Basic => assert!(matches!(compression, Compression::Basic(_))),
                _ => assert!(matches!(compression, Compression::Normal { .. })),
            }
            let info = &xex.headers.info;
            assert_eq!(info.original_pe_name.as_deref(), Some("sample.exe"));
            assert_eq!(info.default_stack_size, Some(0x4_0000));
            assert_eq!(info.tls, w.tls);
            assert_eq!(info.execution, w.execution);
            assert!(info.unknown_keys.is_empty());
            assert!(xex.pe.is_none());
        }
    }
}

#[test]
fn imports_resolve_to_slots_and_thunks() {
    let built = writer(PayloadFormat::Basic, true).build().unwrap();
    let xex = Xex::parse(&built.file).unwrap();
    let libraries: Vec<_> = xex
        .headers
        .import_libraries
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(libraries, ["xboxkrnl.exe", "xam.xex"]);
    let summary: Vec<_> = xex
        .imports
        .iter()
        .map(|i| (i.library.as_str(), i.ordinal, i.kind, i.address, i.thunk))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "xboxkrnl.exe",
                0x1,
                ImportKind::Function,
                BASE + 0x2000,
                Some(BASE + 0x1100)
            ),
            (
                "xboxkrnl.exe",
                0x2AD,
                ImportKind::Variable,
                BASE + 0x2004,
                None
            ),
            (
                "xam.xex",
                0x1F5,
                ImportKind::Function,
                BASE + 0x2008,
                Some(BASE + 0x1110)
            ),
        ]
    );
    // The words the loader reads: type << 24 | library index << 16 | ordinal.
    assert_eq!(&xex.image[0x2008..0x200C], &0x0001_01F5u32.to_be_bytes());
    assert_eq!(&xex.image[0x1110..0x1114], &0x0101_01F5u32.to_be_bytes());
}

#[test]
fn page_descriptors_follow_page_kinds() {
    let xex = Xex::parse(
        &writer(PayloadFormat::Uncompressed, false)
            .build()
            .unwrap()
            .file,
    )
    .unwrap();
    let security = &xex.headers.security;
    assert_eq!(security.page_size(), 0x1000);
    let kinds: Vec<_> = security
        .page_descriptors
        .iter()
        .map(|d| (d.kind, d.page_count))
        .collect();
    let pages = xex.image.len() as u32 / 0x1000;
    assert_eq!(
        kinds,
        [
            (PageKind::ReadOnly, 1),
            (PageKind::Code, 1),
            (PageKind::Data, 1),
            (PageKind::Code, pages - 3)
        ]
    );
}

#[test]
fn lzx_really_compresses_and_stored_does_not() {
    let size = |format| writer(format, false).build().unwrap().file.len();
    let plain = size(PayloadFormat::Uncompressed);
    assert!(size(PayloadFormat::Lzx) * 2 < plain);
    assert!(size(PayloadFormat::LzxStored) > plain);
    assert!(size(PayloadFormat::Basic) < plain);
}

#[test]
fn devkit_wrapped_key_is_found() {
    for format in FORMATS {
        let w = writer(format, true);
        let mut file = w.build().unwrap().file;
        let headers = XexHeaders::parse(&file).unwrap();
        let at = headers.security_offset as usize + 0x150;
        let session = w.session_key.unwrap();
        file[at..at + 16].copy_from_slice(&oxenon_kernel::xex::wrap_session_key(
            session,
            KeyKind::Devkit,
        ));
        let xex = Xex::parse(&file).unwrap();
        assert_eq!(xex.key, Some((KeyKind::Devkit, session)), "{format:?}");
    }
}

#[test]
fn a_flipped_image_byte_is_a_page_digest_mismatch() {
    let built = writer(PayloadFormat::Uncompressed, false).build().unwrap();
    let headers = XexHeaders::parse(&built.file).unwrap();
    let mut file = built.file.clone();
    file[headers.header_size as usize + 0x2345] ^= 1;
    assert_eq!(
        Xex::parse(&file).unwrap_err(),
        XexError::PageDigestMismatch {
            index: 2,
            offset: 0x2000
        }
    );
    let lenient = Xex::parse_with(
        &file,
        ParseOptions {
            verify_digests: false,
        },
    )
    .unwrap();
    assert_eq!(lenient.image[0x2345], built.image[0x2345] ^ 1);
}

#[test]
fn a_flipped_compressed_byte_is_a_block_digest_mismatch() {
    let built = writer(PayloadFormat::Lzx, false).build().unwrap();
    let headers = XexHeaders::parse(&built.file).unwrap();
    let mut file = built.file.clone();
    file[headers.header_size as usize + 100] ^= 0x40;
    assert_eq!(
        Xex::parse(&file).unwrap_err(),
        XexError::BlockDigestMismatch {
            index: 0,
            offset: 0
        }
    );
}

#[test]
fn structural_errors_name_the_problem() {
    let file = writer(PayloadFormat::Basic, false).build().unwrap().file;
    assert_eq!(
        Xex::parse(b"XEX1\0\0\0\0").unwrap_err(),
        XexError::BadMagic { found: *b"XEX1" }
    );
    assert!(matches!(
        Xex::parse(&file[..0x10]).unwrap_err(),
        XexError::Truncated { offset: 0x10, .. }
    ));
    let headers = XexHeaders::parse(&file).unwrap();
    assert!(matches!(
        Xex::parse(&file[..headers.header_size as usize - 1]).unwrap_err(),
        XexError::HeaderSizePastEnd { .. }
    ));
    // Point the file format info past the headers.
    let mut bad = file.clone();
    let entry = (0..headers.optional_headers.len())
        .map(|i| 0x18 + 8 * i)
        .find(|&at| bad[at..at + 4] == key::FILE_FORMAT_INFO.to_be_bytes())
        .unwrap();
    bad[entry + 4..entry + 8].copy_from_slice(&(headers.header_size - 2).to_be_bytes());
    assert!(matches!(
        Xex::parse(&bad).unwrap_err(),
        XexError::OptionalHeaderOutOfBounds {
            key: key::FILE_FORMAT_INFO,
            ..
        }
    ));
    // Lose the payload's tail.
    let cut = &file[..file.len() - 16];
    assert!(matches!(
        Xex::parse(cut).unwrap_err(),
        XexError::PayloadTruncated { .. }
    ));
}

#[test]
fn unknown_optional_headers_survive_raw() {
    use oxenon_kernel::xex::{OptionalHeader, OptionalValue};
    let mut w = writer(PayloadFormat::Uncompressed, false);
    let blob = [0, 0, 0, 12, 1, 2, 3, 4, 5, 6, 7, 8].to_vec();
    w.extra_optional_headers = vec![
        OptionalHeader {
            key: 0x00AB_00FF,
            value: OptionalValue::Data {
                offset: 0,
                bytes: blob.clone(),
            },
        },
        OptionalHeader {
            key: 0x00AC_0001,
            value: OptionalValue::Inline(0xDEAD_BEEF),
        },
        OptionalHeader {
            key: key::TITLE_WORKSPACE_SIZE,
            value: OptionalValue::Inline(0x1234),
        },
    ];
    let xex = Xex::parse(&w.build().unwrap().file).unwrap();
    assert_eq!(xex.headers.info.unknown_keys, [0x00AB_00FF, 0x00AC_0001]);
    assert_eq!(xex.headers.info.title_workspace_size, Some(0x1234));
    assert_eq!(
        xex.headers.optional(0x00AB_00FF).unwrap().data(),
        Some(&blob[..])
    );
    assert_eq!(
        xex.headers.optional(0x00AC_0001).unwrap().inline(),
        Some(0xDEAD_BEEF)
    );
    assert_eq!(xex.headers.optional(0x00AC_0001).unwrap().name(), None);

    w.extra_optional_headers = vec![OptionalHeader {
        key: 0x00AD_0002,
        value: OptionalValue::Data {
            offset: 0,
            bytes: vec![0; 4],
        },
    }];
    assert!(
        w.build().is_err(),
        "a two-word key with one word of data is refused"
    );
}

#[test]
fn versions_read_most_significant_first() {
    let v = oxenon_kernel::xex::Version::new(2, 0, 17559, 0);
    assert_eq!(v.0, 0x2044_9700);
    assert_eq!(v.to_string(), "2.0.17559.0");
}

#[test]
fn large_pages_round_trip() {
    let mut w = writer(PayloadFormat::Lzx, true);
    w.small_pages = false;
    w.page_kinds.clear();
    let built = w.build().unwrap();
    let xex = Xex::parse(&built.file).unwrap();
    assert_eq!(xex.headers.security.page_size(), 0x1_0000);
    assert_eq!(xex.image.len() % 0x1_0000, 0);
    assert_eq!(xex.image, built.image);

    w.base_address += 0x1000;
    w.entry_point += 0x1000;
    assert!(
        w.build().is_err(),
        "a 64 KiB-page image must start on a 64 KiB boundary"
    );
}
