//! The security info block: sizes, the (unverifiable here) RSA signature, load address, image
//! flags, the encrypted file key, and the page descriptors whose SHA-1 chain covers the image.

use super::keys::image_flags;
use super::reader::Reader;
use super::XexError;

/// Fixed part of the security info, up to and including the page descriptor count.
pub(crate) const FIXED_SIZE: u64 = 0x184;
pub(crate) const DESCRIPTOR_SIZE: u64 = 24;
/// What the signed "image info" part measures, from its size field to the game regions.
pub(crate) const INFO_SIZE: u32 = 0x174;

/// How the loader maps the pages a descriptor covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// Executable, read-only.
    Code,
    /// Read-write.
    Data,
    /// Read-only.
    ReadOnly,
    /// Any other value of the four-bit field, kept so that it round-trips.
    Other(u8),
}

impl PageKind {
    pub fn from_bits(bits: u8) -> Self {
        match bits & 0xF {
            1 => Self::Code,
            2 => Self::Data,
            3 => Self::ReadOnly,
            other => Self::Other(other),
        }
    }

    pub fn bits(self) -> u8 {
        match self {
            Self::Code => 1,
            Self::Data => 2,
            Self::ReadOnly => 3,
            Self::Other(bits) => bits & 0xF,
        }
    }
}

/// A run of pages of one kind. `digest` is the SHA-1 of the *next* descriptor's pages followed
/// by that descriptor's 24 bytes; the first descriptor's counterpart is
/// [`SecurityInfo::image_digest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageDescriptor {
    /// 28 bits in the file.
    pub page_count: u32,
    pub kind: PageKind,
    pub digest: [u8; 20],
}

impl PageDescriptor {
    pub(crate) fn to_bytes(self) -> [u8; 24] {
        let word = (self.page_count << 4) | u32::from(self.kind.bits());
        let mut out = [0; 24];
        let (head, tail) = out.split_at_mut(4);
        head.copy_from_slice(&word.to_be_bytes());
        tail.copy_from_slice(&self.digest);
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityInfo {
    pub header_size: u32,
    /// Size of the image in memory once decrypted and decompressed.
    pub image_size: u32,
    /// Kept raw: checking it needs the console's public key and producing it its private key.
    pub rsa_signature: Vec<u8>,
    pub info_size: u32,
    pub image_flags: u32,
    pub load_address: u32,
    /// Anchor of the page descriptor digest chain.
    pub image_digest: [u8; 20],
    pub import_table_count: u32,
    pub import_table_digest: [u8; 20],
    pub media_id: [u8; 16],
    /// The session key, AES-128-encrypted with the retail or devkit key.
    pub file_key: [u8; 16],
    pub export_table: u32,
    pub header_digest: [u8; 20],
    pub game_regions: u32,
    pub allowed_media_types: u32,
    pub page_descriptors: Vec<PageDescriptor>,
}

impl SecurityInfo {
    pub(crate) fn decode(
        headers: Reader<'_>,
        offset: u32,
        header_size: u32,
    ) -> Result<Self, XexError> {
        let offset = u64::from(offset);
        let out_of_bounds = |size| XexError::SecurityInfoOutOfBounds {
            offset,
            size,
            header_size,
        };
        let fixed = headers
            .sub(offset, FIXED_SIZE)
            .map_err(|_| out_of_bounds(FIXED_SIZE))?
            .named("security info");
        let count = u64::from(fixed.be_u32(0x180)?);
        let table_size = count * DESCRIPTOR_SIZE;
        let table = headers
            .sub(offset + FIXED_SIZE, table_size)
            .map_err(|_| out_of_bounds(FIXED_SIZE + table_size))?
            .named("page descriptors");
        let page_descriptors = (0..count)
            .map(|i| {
                let word = table.be_u32(i * DESCRIPTOR_SIZE)?;
                Ok(PageDescriptor {
                    page_count: word >> 4,
                    kind: PageKind::from_bits((word & 0xF) as u8),
                    digest: table.array(i * DESCRIPTOR_SIZE + 4)?,
                })
            })
            .collect::<Result<_, XexError>>()?;
        Ok(Self {
            header_size: fixed.be_u32(0)?,
            image_size: fixed.be_u32(4)?,
            rsa_signature: fixed.bytes(8, 0x100)?.to_vec(),
            info_size: fixed.be_u32(0x108)?,
            image_flags: fixed.be_u32(0x10C)?,
            load_address: fixed.be_u32(0x110)?,
            image_digest: fixed.array(0x114)?,
            import_table_count: fixed.be_u32(0x128)?,
            import_table_digest: fixed.array(0x12C)?,
            media_id: fixed.array(0x140)?,
            file_key: fixed.array(0x150)?,
            export_table: fixed.be_u32(0x160)?,
            header_digest: fixed.array(0x164)?,
            game_regions: fixed.be_u32(0x178)?,
            allowed_media_types: fixed.be_u32(0x17C)?,
            page_descriptors,
        })
    }

    /// Bytes per page that the page descriptors count.
    pub fn page_size(&self) -> u32 {
        page_size(self.image_flags)
    }
}

pub(crate) fn page_size(flags: u32) -> u32 {
    if flags & image_flags::PAGE_SIZE_4KB != 0 {
        0x1000
    } else {
        0x1_0000
    }
}
