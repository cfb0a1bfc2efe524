//! The file format info header (key 0x000003FF): how the payload after the headers is encrypted
//! and compressed.

use super::keys::key;
use super::reader::Reader;
use super::XexError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encryption {
    None,
    /// AES-128-CBC, zero IV, over the whole payload, with the session key.
    Normal,
}

/// One run of a basic-compressed payload: `data_size` bytes copied from the payload, then
/// `zero_size` zero bytes that the file does not store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BasicBlock {
    pub data_size: u32,
    pub zero_size: u32,
}

/// Size and SHA-1 of a compressed block; the header holds the first one and each block holds
/// the next one's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockRef {
    pub size: u32,
    pub digest: [u8; 20],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compression {
    None,
    Basic(Vec<BasicBlock>),
    /// LZX ("normal" compression) in a chain of blocks.
    Normal {
        window_size: u32,
        first_block: BlockRef,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFormat {
    pub encryption: Encryption,
    pub compression: Compression,
}

impl FileFormat {
    pub(crate) fn decode(blob: &[u8]) -> Result<Self, XexError> {
        let data = Reader::new(blob, "file format info");
        let encryption = match data.be_u16(4)? {
            0 => Encryption::None,
            1 => Encryption::Normal,
            other => return Err(XexError::UnknownEncryption(other)),
        };
        let compression = match data.be_u16(6)? {
            0 => Compression::None,
            1 => {
                let count = data.len().saturating_sub(8) / 8;
                let blocks = (0..count)
                    .map(|i| {
                        Ok(BasicBlock {
                            data_size: data.be_u32(8 + i * 8)?,
                            zero_size: data.be_u32(12 + i * 8)?,
                        })
                    })
                    .collect::<Result<_, XexError>>()?;
                Compression::Basic(blocks)
            }
            2 => {
                let window_size = data.be_u32(8)?;
                if window_bits(window_size).is_none() {
                    return Err(XexError::BadWindowSize(window_size));
                }
                Compression::Normal {
                    window_size,
                    first_block: BlockRef {
                        size: data.be_u32(12)?,
                        digest: data.array(16)?,
                    },
                }
            }
            3 => return Err(XexError::DeltaCompressionUnsupported),
            other => return Err(XexError::UnknownCompression(other)),
        };
        Ok(Self {
            encryption,
            compression,
        })
    }

    /// The key this header is stored under.
    pub const KEY: u32 = key::FILE_FORMAT_INFO;
}

/// log2 of an LZX window size the decoder supports (32 KiB to 32 MiB), or `None`.
pub(crate) fn window_bits(window_size: u32) -> Option<u32> {
    (window_size.is_power_of_two() && (0x8000..=0x200_0000).contains(&window_size))
        .then(|| window_size.trailing_zeros())
}
