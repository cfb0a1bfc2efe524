//! `cargo fuzz run xex_parse` (from kernel/): any input must parse or fail with an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oxenon_kernel::xex::{ParseOptions, Xex};

fuzz_target!(|data: &[u8]| {
    // Without digest checks, corrupted payloads reach the decompressors.
    for verify_digests in [true, false] {
        let _ = Xex::parse_with(data, ParseOptions { verify_digests });
    }
});
