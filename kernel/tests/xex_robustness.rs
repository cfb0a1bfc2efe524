//! The parser must never panic: thousands of truncations and random mutations of valid files
//! in every variant, with and without digest checks (without them, corruption reaches the
//! decompressors instead of stopping at a digest).

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};

use common::{sized_writer, Rng, FORMATS};
use oxenon_kernel::xex::{ParseOptions, Xex, XexHeaders};

const CHECKED: ParseOptions = ParseOptions {
    verify_digests: true,
};
const UNCHECKED: ParseOptions = ParseOptions {
    verify_digests: false,
};

fn parse_must_not_panic(data: &[u8], what: &str) {
    for options in [CHECKED, UNCHECKED] {
        let outcome = catch_unwind(AssertUnwindSafe(|| Xex::parse_with(data, options)));
        assert!(outcome.is_ok(), "parser panicked on {what} ({options:?})");
    }
}

fn samples() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for format in FORMATS {
        for encrypt in [false, true] {
            let file = sized_writer(format, encrypt, 40_000).build().unwrap().file;
            out.push((format!("{format:?} encrypted={encrypt}"), file));
        }
    }
    out
}

#[test]
fn truncations_never_panic() {
    for (name, file) in samples() {
        let header_size = XexHeaders::parse(&file).unwrap().header_size as usize;
        // Every cut inside the headers, then about 150 through the payload.
        let stride = ((file.len() - header_size) / 150).max(1);
        let cuts = (0..=header_size).chain((header_size..file.len()).step_by(stride));
        for len in cuts {
            parse_must_not_panic(&file[..len], &format!("{name} cut to {len:#x}"));
        }
    }
}

#[test]
fn random_mutations_never_panic() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let interesting = [
        0u32,
        1,
        0x7FFF_FFFF,
        0x8000_0000,
        0xFFFF_FFFF,
        0xFFFF,
        0x1_0000,
        0x18,
    ];
    for (name, file) in samples() {
        let header_size = XexHeaders::parse(&file).unwrap().header_size as usize;
        for round in 0..300 {
            let mut data = file.clone();
            for _ in 0..1 + rng.below(6) {
                // Mostly the headers, where the offsets and sizes live.
                let at = if rng.below(10) < 7 {
                    rng.below(header_size)
                } else {
                    rng.below(data.len())
                };
                match rng.below(3) {
                    0 => data[at] ^= 1 << rng.below(8),
                    1 => data[at] = rng.next() as u8,
                    _ => {
                        let at = at & !3;
                        let value = interesting[rng.below(interesting.len())];
                        if let Some(word) = data.get_mut(at..at + 4) {
                            word.copy_from_slice(&value.to_be_bytes());
                        }
                    }
                }
            }
            parse_must_not_panic(&data, &format!("{name} mutation round {round}"));
        }
    }
}

#[test]
fn garbage_never_panics() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for round in 0..2000 {
        let len = rng.below(600);
        let mut data: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        if round % 2 == 0 && data.len() >= 4 {
            data[..4].copy_from_slice(b"XEX2");
        }
        parse_must_not_panic(&data, &format!("garbage round {round}"));
    }
}
