//! Encoding the image into a payload, and the file format info header that describes it.

use sha1::{Digest, Sha1};

use super::super::decompress::{BLOCK_HEADER_SIZE, FRAME_SIZE};
use super::super::format::window_bits;
use super::WriteError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayloadFormat {
    /// The image as is.
    Uncompressed,
    /// Runs of zeros left out ("basic" compression).
    Basic,
    /// LZX-compressed ("normal" compression).
    Lzx,
    /// A legal LZX stream of stored (uncompressed) LZX blocks: the normal-compression framing
    /// without compressing, for exercising a loader's LZX path.
    LzxStored,
}

pub(super) struct Encoded {
    pub payload: Vec<u8>,
    pub format_info: Vec<u8>,
}

/// Zero runs shorter than this stay in the data: a block descriptor costs 8 bytes.
const MIN_ZERO_RUN: usize = 64;
/// Upper bound on a compressed block's size (unless one chunk alone is larger).
const MAX_BLOCK: usize = 0x1_0000;

/// `image` is a whole number of pages, so of AES blocks too; every encoding keeps the payload a
/// whole number of AES blocks.
pub(super) fn encode(
    image: &[u8],
    format: PayloadFormat,
    window: u32,
    encrypted: bool,
) -> Result<Encoded, WriteError> {
    let encryption: u16 = if encrypted { 1 } else { 0 };
    match format {
        PayloadFormat::Uncompressed => Ok(Encoded {
            payload: image.to_vec(),
            format_info: format_info(encryption, 0, &[]),
        }),
        PayloadFormat::Basic => Ok(basic(image, encryption)),
        PayloadFormat::Lzx => lzx(image, encryption, window, lzxc::Strategy::Optimal),
        PayloadFormat::LzxStored => lzx(image, encryption, window, lzxc::Strategy::Uncompressed),
    }
}

fn format_info(encryption: u16, compression: u16, rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + rest.len());
    out.extend_from_slice(&(8 + rest.len() as u32).to_be_bytes());
    out.extend_from_slice(&encryption.to_be_bytes());
    out.extend_from_slice(&compression.to_be_bytes());
    out.extend_from_slice(rest);
    out
}

/// Works in 16-byte granules so that every data run is whole AES blocks.
fn basic(image: &[u8], encryption: u16) -> Encoded {
    let granules: Vec<&[u8]> = image.chunks(16).collect();
    let is_zero = |g: &&&[u8]| g.iter().all(|&b| b == 0);
    let mut blocks: Vec<(u32, u32)> = Vec::new();
    let mut payload = Vec::new();
    let mut data_start = 0;
    let mut i = 0;
    while i < granules.len() {
        let zeros = granules[i..].iter().take_while(is_zero).count();
        let at_end = i + zeros == granules.len();
        if zeros > 0 && (zeros * 16 >= MIN_ZERO_RUN || at_end) {
            for g in &granules[data_start..i] {
                payload.extend_from_slice(g);
            }
            let data = ((i - data_start) * 16) as u32;
            let zero: usize = granules[i..i + zeros].iter().map(|g| g.len()).sum();
            blocks.push((data, zero as u32));
            i += zeros;
            data_start = i;
        } else {
            i += zeros.max(1);
        }
    }
    if data_start < granules.len() {
        let tail: Vec<u8> = granules[data_start..].concat();
        blocks.push((tail.len() as u32, 0));
        payload.extend_from_slice(&tail);
    }
    let mut rest = Vec::with_capacity(blocks.len() * 8);
    for (data, zero) in blocks {
        rest.extend_from_slice(&data.to_be_bytes());
        rest.extend_from_slice(&zero.to_be_bytes());
    }
    Encoded {
        payload,
        format_info: format_info(encryption, 1, &rest),
    }
}

fn lzx(
    image: &[u8],
    encryption: u16,
    window: u32,
    strategy: lzxc::Strategy,
) -> Result<Encoded, WriteError> {
    let size = lzxc_window(window)?;
    let chunks = lzxc::Encoder::new(size)
        .with_strategy(strategy)
        .encode_stream(image);
    debug_assert_eq!(
        chunks.len() as u64,
        (image.len() as u64).div_ceil(FRAME_SIZE)
    );

    // Group chunks into blocks, then write the blocks last to first: each one starts with the
    // size and SHA-1 of the one after it.
    let mut groups: Vec<Vec<&[u8]>> = Vec::new();
    let mut current = 0usize;
    for chunk in &chunks {
        let cost = 2 + chunk.len();
        match groups.last_mut() {
            Some(group) if current + cost + 2 <= MAX_BLOCK => {
                group.push(chunk);
                current += cost;
            }
            _ => {
                groups.push(vec![chunk]);
                current = BLOCK_HEADER_SIZE as usize + cost;
            }
        }
    }
    let mut blocks: Vec<Vec<u8>> = Vec::with_capacity(groups.len());
    let mut next = (0u32, [0u8; 20]);
    for group in groups.iter().rev() {
        let mut block = Vec::new();
        block.extend_from_slice(&next.0.to_be_bytes());
        block.extend_from_slice(&next.1);
        for chunk in group {
            block.extend_from_slice(&(chunk.len() as u16).to_be_bytes());
            block.extend_from_slice(chunk);
        }
        block.extend_from_slice(&[0, 0]);
        block.resize(block.len().next_multiple_of(16), 0);
        next = (block.len() as u32, Sha1::digest(&block).into());
        blocks.push(block);
    }
    let mut rest = Vec::with_capacity(28);
    rest.extend_from_slice(&window.to_be_bytes());
    rest.extend_from_slice(&next.0.to_be_bytes());
    rest.extend_from_slice(&next.1);
    Ok(Encoded {
        payload: blocks.into_iter().rev().flatten().collect(),
        format_info: format_info(encryption, 2, &rest),
    })
}

fn lzxc_window(window: u32) -> Result<lzxc::WindowSize, WriteError> {
    use lzxc::WindowSize as W;
    let bits = window_bits(window).ok_or(WriteError::BadWindowSize(window))?;
    Ok(match bits {
        15 => W::KB32,
        16 => W::KB64,
        17 => W::KB128,
        18 => W::KB256,
        19 => W::KB512,
        20 => W::MB1,
        21 => W::MB2,
        22 => W::MB4,
        23 => W::MB8,
        24 => W::MB16,
        _ => W::MB32,
    })
}
