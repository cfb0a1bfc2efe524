//! XEX2, the Xbox 360 executable format: parse ([`Xex::parse`]) and write ([`write::XexWriter`]).
//!
//! A file is a main header ('XEX2', module flags, payload offset, security info offset, optional
//! header count), a table of optional headers (entry point, image base, import libraries, file
//! format, ...), the security info (image size, load address, the encrypted file key, page
//! descriptors), and then the payload: the PE image as it sits in memory, possibly compressed
//! (basic zero-run blocks or LZX) and possibly AES-128-CBC encrypted. All header integers are
//! big-endian. Nothing here trusts a size or offset read from the file: every read is bounds
//! checked and every failure is a [`XexError`] that says what and where.

mod crypto;
mod decompress;
mod digest;
mod error;
mod format;
mod headers;
mod image;
mod imports;
mod info;
mod keys;
mod optional;
mod pe;
mod reader;
mod security;
pub mod write;

pub use crypto::{unwrap_session_key, wrap_session_key, KeyKind, DEVKIT_KEY, RETAIL_KEY};
pub use error::XexError;
pub use format::{BasicBlock, BlockRef, Compression, Encryption, FileFormat};
pub use headers::{XexHeaders, MAGIC};
pub use image::{ParseOptions, MAX_IMAGE_SIZE};
pub use imports::{Import, ImportKind, ImportLibrary};
pub use info::{ExecutionInfo, ModuleInfo, Resource, StaticLibrary, TlsInfo, Version};
pub use keys::{image_flags, key, key_name, module_flags};
pub use optional::{OptionalHeader, OptionalValue};
pub use pe::{PeImage, PeSection, MACHINE_POWERPC_BE, SUBSYSTEM_XBOX};
pub use security::{PageDescriptor, PageKind, SecurityInfo};

/// A parsed XEX2 file with its image decrypted and decompressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Xex {
    pub headers: XexHeaders,
    /// The image as loaded at [`Xex::base_address`], `security.image_size` bytes long.
    pub image: Vec<u8>,
    /// The console key that unwrapped the session key, and the session key, if encrypted.
    pub key: Option<(KeyKind, [u8; 16])>,
    /// The PE headers at the start of the image, if it starts with a DOS header.
    pub pe: Option<PeImage>,
    pub imports: Vec<Import>,
}

impl Xex {
    /// Parses with every digest checked.
    pub fn parse(data: &[u8]) -> Result<Self, XexError> {
        Self::parse_with(data, ParseOptions::default())
    }

    pub fn parse_with(data: &[u8], options: ParseOptions) -> Result<Self, XexError> {
        let headers = XexHeaders::parse(data)?;
        let loaded = image::load(data, &headers, options)?;
        let pe = PeImage::parse(&loaded.image)?;
        let imports = imports::resolve(
            &headers.import_libraries,
            &loaded.image,
            headers.base_address(),
        )?;
        Ok(Self {
            headers,
            image: loaded.image,
            key: loaded.key,
            pe,
            imports,
        })
    }

    pub fn base_address(&self) -> u32 {
        self.headers.base_address()
    }

    pub fn entry_point(&self) -> Option<u32> {
        self.headers.info.entry_point
    }
}
