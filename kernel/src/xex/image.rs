//! From payload to image: pick the key, decrypt, decompress, check the digests.

use super::crypto::{cbc_decrypt, unwrap_session_key, KeyKind};
use super::decompress;
use super::digest::verify_pages;
use super::format::{Compression, Encryption};
use super::headers::XexHeaders;
use super::XexError;

/// Larger than any image the console's 512 MiB could hold; it bounds what hostile sizes make
/// the parser allocate.
pub const MAX_IMAGE_SIZE: u64 = 0x2000_0000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseOptions {
    /// Check the compressed blocks' and the page descriptors' SHA-1 chains.
    pub verify_digests: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self {
            verify_digests: true,
        }
    }
}

pub(crate) struct Loaded {
    pub image: Vec<u8>,
    pub key: Option<(KeyKind, [u8; 16])>,
}

pub(crate) fn load(
    data: &[u8],
    headers: &XexHeaders,
    options: ParseOptions,
) -> Result<Loaded, XexError> {
    let image_size = u64::from(headers.security.image_size);
    if image_size > MAX_IMAGE_SIZE {
        return Err(XexError::ImageTooLarge {
            size: image_size,
            limit: MAX_IMAGE_SIZE,
        });
    }
    let payload = data.get(headers.header_size as usize..).unwrap_or(&[]);
    if headers.file_format.encryption == Encryption::None {
        let image = decode(payload, headers, options)?;
        verify(&image, headers, options)?;
        return Ok(Loaded { image, key: None });
    }

    // The header does not say which console key wraps the session key: try retail, then devkit,
    // and keep the one whose output checks out.
    let ciphertext = payload.get(..payload.len() & !15).unwrap_or(&[]);
    let attempt = |kind: KeyKind| -> Result<Loaded, XexError> {
        let session = unwrap_session_key(headers.security.file_key, kind);
        let mut plain = ciphertext.to_vec();
        cbc_decrypt(session, &mut plain)?;
        let image = decode(&plain, headers, options)?;
        verify(&image, headers, options)?;
        Ok(Loaded {
            image,
            key: Some((kind, session)),
        })
    };
    let retail = attempt(KeyKind::Retail);
    let digests_decide = options.verify_digests
        && (!headers.security.page_descriptors.is_empty()
            || matches!(headers.file_format.compression, Compression::Normal { .. }));
    let is_pe = |r: &Result<Loaded, XexError>| r.as_ref().is_ok_and(|l| l.image.starts_with(b"MZ"));
    if (digests_decide && retail.is_ok()) || is_pe(&retail) {
        return retail;
    }
    let devkit = attempt(KeyKind::Devkit);
    if (digests_decide && devkit.is_ok()) || is_pe(&devkit) {
        return devkit;
    }
    // Nothing tells the keys apart: trust whichever decoded, retail first.
    match (retail, devkit) {
        (Ok(loaded), _) | (_, Ok(loaded)) => Ok(loaded),
        (Err(retail), Err(devkit)) => Err(XexError::NoKeyDecrypts {
            retail: Box::new(retail),
            devkit: Box::new(devkit),
        }),
    }
}

fn decode(
    payload: &[u8],
    headers: &XexHeaders,
    options: ParseOptions,
) -> Result<Vec<u8>, XexError> {
    let image_size = u64::from(headers.security.image_size);
    match &headers.file_format.compression {
        Compression::None => decompress::uncompressed(payload, image_size),
        Compression::Basic(blocks) => decompress::basic(payload, blocks, image_size),
        Compression::Normal {
            window_size,
            first_block,
        } => decompress::normal(
            payload,
            *window_size,
            *first_block,
            image_size,
            options.verify_digests,
        ),
    }
}

fn verify(image: &[u8], headers: &XexHeaders, options: ParseOptions) -> Result<(), XexError> {
    if !options.verify_digests {
        return Ok(());
    }
    let security = &headers.security;
    verify_pages(
        image,
        security.page_size(),
        &security.page_descriptors,
        security.image_digest,
    )
}
