//! The page descriptor digest chain. Walking forward, the SHA-1 of a descriptor's pages followed
//! by the descriptor's own 24 bytes must equal the digest stored in the previous descriptor (or,
//! for the first one, the security info's image digest). Pages past the end of the image hash
//! as zeros, as the loader sees zero-filled memory there.

use sha1::{Digest, Sha1};

use super::security::PageDescriptor;
use super::XexError;

/// Where each descriptor's pages start and how many bytes they declare, or an error if the
/// descriptors describe more memory than the image has pages for.
fn spans(
    image_len: u64,
    page_size: u32,
    descriptors: &[PageDescriptor],
) -> Result<Vec<(u64, u64)>, XexError> {
    let mut start = 0u64;
    let mut spans = Vec::with_capacity(descriptors.len());
    for descriptor in descriptors {
        let len = u64::from(descriptor.page_count) * u64::from(page_size);
        spans.push((start, len));
        start = start.saturating_add(len);
    }
    let padded = image_len.div_ceil(u64::from(page_size)) * u64::from(page_size);
    if start > padded {
        return Err(XexError::PageDescriptorsExceedImage {
            covered: start,
            image_size: image_len,
        });
    }
    Ok(spans)
}

fn hash_span(image: &[u8], (start, len): (u64, u64), descriptor: &PageDescriptor) -> [u8; 20] {
    let mut sha = Sha1::new();
    let available = usize::try_from(start)
        .ok()
        .and_then(|s| image.get(s..))
        .unwrap_or(&[]);
    let take = usize::try_from(len)
        .unwrap_or(usize::MAX)
        .min(available.len());
    sha.update(available.get(..take).unwrap_or(&[]));
    let mut missing = len.saturating_sub(take as u64);
    let zeros = [0u8; 4096];
    while missing > 0 {
        let n = missing.min(zeros.len() as u64);
        sha.update(zeros.get(..n as usize).unwrap_or(&[]));
        missing -= n;
    }
    sha.update(descriptor.to_bytes());
    sha.finalize().into()
}

/// Checks the chain against `anchor` (the security info's image digest).
pub(crate) fn verify_pages(
    image: &[u8],
    page_size: u32,
    descriptors: &[PageDescriptor],
    anchor: [u8; 20],
) -> Result<(), XexError> {
    let spans = spans(image.len() as u64, page_size, descriptors)?;
    let mut expected = anchor;
    for (index, (descriptor, span)) in descriptors.iter().zip(spans).enumerate() {
        if hash_span(image, span, descriptor) != expected {
            return Err(XexError::PageDigestMismatch {
                index,
                offset: span.0,
            });
        }
        expected = descriptor.digest;
    }
    Ok(())
}

/// Fills in every descriptor's digest (the last one's links to nothing and stays zero) and
/// returns the anchor for the security info.
pub(crate) fn chain_pages(
    image: &[u8],
    page_size: u32,
    descriptors: &mut [PageDescriptor],
) -> [u8; 20] {
    let Ok(spans) = spans(image.len() as u64, page_size, descriptors) else {
        return [0; 20];
    };
    let mut next = [0u8; 20];
    for (descriptor, span) in descriptors.iter_mut().zip(spans).rev() {
        descriptor.digest = next;
        next = hash_span(image, span, descriptor);
    }
    next
}
