//! Turning a decrypted payload back into the image: stored as is, basic (data runs and zero
//! runs) or normal (LZX frames in a chain of SHA-1-linked blocks).

use std::panic::{catch_unwind, AssertUnwindSafe};

use sha1::{Digest, Sha1};

use super::format::{BasicBlock, BlockRef};
use super::reader::Reader;
use super::XexError;

/// Bytes of image each LZX frame (and so each chunk of a normal-compressed payload) holds.
pub(crate) const FRAME_SIZE: u64 = 0x8000;
/// Next block's size and digest at the start of every compressed block.
pub(crate) const BLOCK_HEADER_SIZE: u64 = 24;

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

pub(crate) fn uncompressed(payload: &[u8], image_size: u64) -> Result<Vec<u8>, XexError> {
    payload
        .get(..to_usize(image_size))
        .map(<[u8]>::to_vec)
        .ok_or(XexError::PayloadTruncated {
            expected: image_size,
            actual: payload.len() as u64,
        })
}

pub(crate) fn basic(
    payload: &[u8],
    blocks: &[BasicBlock],
    image_size: u64,
) -> Result<Vec<u8>, XexError> {
    let stored: u64 = blocks.iter().map(|b| u64::from(b.data_size)).sum();
    let total: u64 = stored + blocks.iter().map(|b| u64::from(b.zero_size)).sum::<u64>();
    if total != image_size {
        return Err(XexError::DecompressedSizeMismatch {
            expected: image_size,
            actual: total,
        });
    }
    if stored > payload.len() as u64 {
        return Err(XexError::PayloadTruncated {
            expected: stored,
            actual: payload.len() as u64,
        });
    }
    let mut image = Vec::with_capacity(to_usize(total));
    let mut rest = payload;
    for block in blocks {
        let (data, tail) = rest
            .split_at_checked(block.data_size as usize)
            .unwrap_or((rest, &[]));
        image.extend_from_slice(data);
        image.resize(image.len() + block.zero_size as usize, 0);
        rest = tail;
    }
    Ok(image)
}

/// The LZX chunks of a normal-compressed payload, in order, after walking its block chain.
pub(crate) fn deblock(
    payload: &[u8],
    first: BlockRef,
    verify: bool,
) -> Result<Vec<&[u8]>, XexError> {
    let payload = Reader::new(payload, "compressed payload");
    let mut chunks = Vec::new();
    let mut offset = 0u64;
    let mut next = first;
    let mut index = 0usize;
    while next.size != 0 {
        let bad = |reason| XexError::BadCompressedBlock {
            index,
            offset,
            reason,
        };
        let block = payload
            .bytes(offset, u64::from(next.size))
            .map_err(|_| bad("the block runs past the end of the payload"))?;
        if verify && <[u8; 20]>::from(Sha1::digest(block)) != next.digest {
            return Err(XexError::BlockDigestMismatch { index, offset });
        }
        let b = Reader::new(block, "compressed block");
        let header_error = |_| bad("the block is shorter than its 24-byte header");
        let following = BlockRef {
            size: b.be_u32(0).map_err(header_error)?,
            digest: b.array(4).map_err(header_error)?,
        };
        let mut at = BLOCK_HEADER_SIZE;
        loop {
            let len = b
                .be_u16(at)
                .map_err(|_| bad("the chunk list runs past the end of the block"))?;
            at += 2;
            if len == 0 {
                break;
            }
            let chunk = b
                .bytes(at, u64::from(len))
                .map_err(|_| bad("a chunk runs past the end of the block"))?;
            chunks.push(chunk);
            at += u64::from(len);
        }
        offset += u64::from(next.size);
        next = following;
        index += 1;
    }
    Ok(chunks)
}

pub(crate) fn normal(
    payload: &[u8],
    window_size: u32,
    first: BlockRef,
    image_size: u64,
    verify: bool,
) -> Result<Vec<u8>, XexError> {
    let chunks = deblock(payload, first, verify)?;
    let frames = image_size.div_ceil(FRAME_SIZE);
    if chunks.len() as u64 != frames {
        return Err(XexError::DecompressedSizeMismatch {
            expected: image_size,
            actual: chunks.len() as u64 * FRAME_SIZE,
        });
    }
    let window = lzx_window(window_size)?;
    // lzxd trusts match offsets in hostile streams (an offset beyond the window underflows in
    // debug builds), so a panic inside it is turned into the error it stands for.
    catch_unwind(AssertUnwindSafe(|| inflate(&chunks, window, image_size))).unwrap_or_else(|_| {
        Err(XexError::BadLzx {
            chunk: 0,
            reason: "the decoder rejected the stream (internal panic)".into(),
        })
    })
}

fn inflate(
    chunks: &[&[u8]],
    window: lzxd::WindowSize,
    image_size: u64,
) -> Result<Vec<u8>, XexError> {
    let mut decoder = lzxd::Lzxd::new(window);
    let mut image = Vec::with_capacity(to_usize(image_size));
    for (chunk_index, chunk) in chunks.iter().enumerate() {
        let want = (image_size - image.len() as u64).min(FRAME_SIZE) as usize;
        let frame = decoder
            .decompress_next(chunk, want)
            .map_err(|e| XexError::BadLzx {
                chunk: chunk_index,
                reason: e.to_string(),
            })?;
        if frame.len() != want {
            return Err(XexError::BadLzx {
                chunk: chunk_index,
                reason: format!("frame holds {:#x} bytes instead of {want:#x}", frame.len()),
            });
        }
        image.extend_from_slice(frame);
    }
    Ok(image)
}

fn lzx_window(window_size: u32) -> Result<lzxd::WindowSize, XexError> {
    use lzxd::WindowSize as W;
    Ok(match window_size {
        0x8000 => W::KB32,
        0x1_0000 => W::KB64,
        0x2_0000 => W::KB128,
        0x4_0000 => W::KB256,
        0x8_0000 => W::KB512,
        0x10_0000 => W::MB1,
        0x20_0000 => W::MB2,
        0x40_0000 => W::MB4,
        0x80_0000 => W::MB8,
        0x100_0000 => W::MB16,
        0x200_0000 => W::MB32,
        other => return Err(XexError::BadWindowSize(other)),
    })
}
