//! Shared test fixtures: a small synthetic image and writers for every payload variant.

#![allow(dead_code)]

use oxenon_kernel::xex::write::{ImportSpec, LibrarySpec, PayloadFormat, XexWriter};
use oxenon_kernel::xex::{ExecutionInfo, PageKind, TlsInfo, Version};

pub const BASE: u32 = 0x8200_0000;

/// A tiny xorshift generator: deterministic, dependency-free randomness for tests.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// About 150 KiB mixing code-like words, text, zero runs and noise, so that every encoder has
/// something to do and LZX spans several frames and blocks.
pub fn sample_image(len: usize) -> Vec<u8> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut image = Vec::with_capacity(len);
    while image.len() < len {
        match rng.below(4) {
            0 => image.extend(std::iter::repeat_n(0u8, 64 + rng.below(4000))),
            1 => {
                for _ in 0..rng.below(200) {
                    image.extend_from_slice(&[0x38, 0x60, 0x00, rng.below(256) as u8]);
                }
            }
            2 => image.extend_from_slice(b"The quick brown fox jumps over the lazy dog. "),
            _ => image.extend((0..rng.below(300)).map(|_| rng.next() as u8)),
        }
    }
    image.truncate(len);
    image
}

pub fn libraries() -> Vec<LibrarySpec> {
    let mut kernel = LibrarySpec::new("xboxkrnl.exe");
    kernel.imports = vec![
        ImportSpec {
            ordinal: 0x1,
            slot: BASE + 0x2000,
            thunk: Some(BASE + 0x1100),
        },
        ImportSpec {
            ordinal: 0x2AD,
            slot: BASE + 0x2004,
            thunk: None,
        },
    ];
    let mut xam = LibrarySpec::new("xam.xex");
    xam.imports = vec![ImportSpec {
        ordinal: 0x1F5,
        slot: BASE + 0x2008,
        thunk: Some(BASE + 0x1110),
    }];
    vec![kernel, xam]
}

pub fn writer(format: PayloadFormat, encrypt: bool) -> XexWriter {
    sized_writer(format, encrypt, 150_000)
}

pub fn sized_writer(format: PayloadFormat, encrypt: bool, image_len: usize) -> XexWriter {
    let mut w = XexWriter::new(sample_image(image_len), BASE, BASE + 0x1000);
    w.libraries = libraries();
    w.format = format;
    w.session_key = encrypt.then_some(*b"0123456789abcdef");
    w.page_kinds = vec![PageKind::ReadOnly, PageKind::Code, PageKind::Data];
    w.original_pe_name = Some("sample.exe".into());
    w.default_stack_size = Some(0x4_0000);
    w.tls = Some(TlsInfo {
        slot_count: 64,
        raw_data_address: BASE + 0x3000,
        data_size: 0x20,
        raw_data_size: 0x10,
    });
    w.execution = Some(ExecutionInfo {
        title_id: 0x4F58_0001,
        version: Version::new(1, 0, 7, 0),
        disc_number: 1,
        disc_count: 1,
        ..ExecutionInfo::default()
    });
    w
}

pub const FORMATS: [PayloadFormat; 4] = [
    PayloadFormat::Uncompressed,
    PayloadFormat::Basic,
    PayloadFormat::Lzx,
    PayloadFormat::LzxStored,
];
