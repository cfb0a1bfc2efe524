//! Building an XEX2 file from a memory image.
//!
//! The writer produces every payload variant the parser reads: stored, basic (zero runs left
//! out), LZX (compressed with `lzxc`, or made of LZX stored blocks), each optionally
//! AES-128-CBC encrypted under a session key wrapped with the retail key. It fills in the
//! digests the loader checks (page descriptor chain, compressed block chain). It cannot sign:
//! the RSA signature is left as zeros, as are the import-table and header digests that only the
//! signature check reads, so a real console will refuse the file while emulators accept it.

mod imports;
mod layout;
mod payload;

use thiserror::Error;

use super::crypto::{cbc_encrypt, wrap_session_key, KeyKind};
use super::digest::chain_pages;
use super::info::{ExecutionInfo, TlsInfo, Version};
use super::keys::{image_flags, module_flags};
use super::optional::OptionalHeader;
use super::security::{page_size, PageDescriptor, PageKind};
use super::MAX_IMAGE_SIZE;

pub use payload::PayloadFormat;

/// A function or variable the image imports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSpec {
    pub ordinal: u16,
    /// Address of the 4-byte slot the loader fills with the import's address.
    pub slot: u32,
    /// Address of the 16-byte thunk code calls, for a function import.
    pub thunk: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibrarySpec {
    /// For example `xboxkrnl.exe` or `xam.xex`.
    pub name: String,
    pub version: Version,
    pub min_version: Version,
    pub imports: Vec<ImportSpec>,
}

impl LibrarySpec {
    /// A library at the last kernel version (2.0.17559.0), which every import resolves against.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            version: Version::new(2, 0, 17559, 0),
            min_version: Version::new(2, 0, 17559, 0),
            imports: Vec::new(),
        }
    }
}

/// Everything the file will say. Build one with [`XexWriter::new`] and adjust the fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XexWriter {
    /// The image as it sits in memory from `base_address`; padded with zeros to whole pages.
    pub image: Vec<u8>,
    pub base_address: u32,
    pub entry_point: u32,
    pub module_flags: u32,
    pub libraries: Vec<LibrarySpec>,
    pub format: PayloadFormat,
    /// Encrypt the payload with this session key (wrapped with the retail key in the file).
    pub session_key: Option<[u8; 16]>,
    /// Count 4 KiB pages instead of 64 KiB ones in the page descriptors.
    pub small_pages: bool,
    /// How each page is mapped; missing pages are [`PageKind::Code`].
    pub page_kinds: Vec<PageKind>,
    /// Extra image flags (the page-size flag follows `small_pages`).
    pub image_flags: u32,
    pub game_regions: u32,
    pub allowed_media_types: u32,
    pub lzx_window: u32,
    pub original_pe_name: Option<String>,
    pub default_stack_size: Option<u32>,
    pub default_heap_size: Option<u32>,
    pub default_filesystem_cache_size: Option<u32>,
    pub system_flags: Option<u32>,
    pub tls: Option<TlsInfo>,
    pub execution: Option<ExecutionInfo>,
    /// Further optional headers, written as given (their keys must not be ones the fields
    /// above produce).
    pub extra_optional_headers: Vec<OptionalHeader>,
}

/// The file, and the image exactly as a loader will see it (padded, import words filled in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    pub file: Vec<u8>,
    pub image: Vec<u8>,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum WriteError {
    #[error("the image is empty")]
    EmptyImage,
    #[error("the image is {size:#x} bytes, more than the {limit:#x}-byte limit")]
    ImageTooLarge { size: u64, limit: u64 },
    #[error("base address {base:#010x} is not aligned to the {page_size:#x}-byte page size")]
    MisalignedBase { base: u32, page_size: u32 },
    #[error("the image at {base:#010x} ({size:#x} bytes) runs past the 32-bit address space")]
    ImageWraps { base: u32, size: u64 },
    #[error("entry point {entry:#010x} is outside the image ({base:#010x}, {size:#x} bytes)")]
    EntryOutsideImage { entry: u32, base: u32, size: u64 },
    #[error("{what} of {library} ordinal {ordinal:#x} at {address:#010x} is outside the image or misaligned")]
    BadImportAddress {
        what: &'static str,
        library: String,
        ordinal: u16,
        address: u32,
    },
    #[error("two import records share the word at {address:#010x}")]
    DuplicateImportAddress { address: u32 },
    #[error("{0} import libraries; the record format holds at most 256")]
    TooManyLibraries(usize),
    #[error("{library} has {count} import records; at most 65535 fit")]
    TooManyImports { library: String, count: usize },
    #[error("{kinds} page kinds given for an image of {pages} pages")]
    TooManyPageKinds { kinds: usize, pages: usize },
    #[error("LZX window size {0:#x} is not a power of two between 32 KiB and 32 MiB")]
    BadWindowSize(u32),
    #[error("optional header {key:#010x}: {reason}")]
    BadOptionalHeader { key: u32, reason: &'static str },
}

impl XexWriter {
    pub fn new(image: Vec<u8>, base_address: u32, entry_point: u32) -> Self {
        Self {
            image,
            base_address,
            entry_point,
            module_flags: module_flags::TITLE,
            libraries: Vec::new(),
            format: PayloadFormat::Uncompressed,
            session_key: None,
            small_pages: true,
            page_kinds: Vec::new(),
            image_flags: 0,
            game_regions: 0xFFFF_FFFF,
            allowed_media_types: 0xFFFF_FFFF,
            lzx_window: 0x2_0000,
            original_pe_name: None,
            default_stack_size: None,
            default_heap_size: None,
            default_filesystem_cache_size: None,
            system_flags: None,
            tls: None,
            execution: None,
            extra_optional_headers: Vec::new(),
        }
    }

    fn flags(&self) -> u32 {
        let page_flag = if self.small_pages {
            image_flags::PAGE_SIZE_4KB
        } else {
            0
        };
        (self.image_flags & !image_flags::PAGE_SIZE_4KB) | page_flag
    }

    pub fn build(&self) -> Result<Built, WriteError> {
        let flags = self.flags();
        let page = page_size(flags);
        let mut image = self.padded_image(page)?;
        let records = imports::fill_words(&self.libraries, &mut image, self.base_address)?;
        let mut descriptors = self.descriptors(image.len() / page as usize)?;
        let image_digest = chain_pages(&image, page, &mut descriptors);

        let encoded = payload::encode(
            &image,
            self.format,
            self.lzx_window,
            self.session_key.is_some(),
        )?;
        let mut payload = encoded.payload;
        let file_key = match self.session_key {
            Some(session) => {
                // Every encoder pads to whole AES blocks, so this cannot fail.
                let _ = cbc_encrypt(session, &mut payload);
                wrap_session_key(session, KeyKind::Retail)
            }
            None => [0; 16],
        };
        let security = layout::Security {
            image_size: image.len() as u32,
            image_flags: flags,
            load_address: self.base_address,
            image_digest,
            import_table_count: self.libraries.len() as u32,
            file_key,
            game_regions: self.game_regions,
            allowed_media_types: self.allowed_media_types,
            descriptors,
        };
        let optional = layout::optional_headers(self, encoded.format_info, records)?;
        let mut file = layout::headers(self.module_flags, &optional, &security);
        file.extend_from_slice(&payload);
        Ok(Built { file, image })
    }

    fn padded_image(&self, page: u32) -> Result<Vec<u8>, WriteError> {
        let size = self.image.len() as u64;
        if size == 0 {
            return Err(WriteError::EmptyImage);
        }
        if size > MAX_IMAGE_SIZE {
            return Err(WriteError::ImageTooLarge {
                size,
                limit: MAX_IMAGE_SIZE,
            });
        }
        if !self.base_address.is_multiple_of(page) {
            return Err(WriteError::MisalignedBase {
                base: self.base_address,
                page_size: page,
            });
        }
        let padded = size.div_ceil(u64::from(page)) * u64::from(page);
        if u64::from(self.base_address) + padded > 1 << 32 {
            return Err(WriteError::ImageWraps {
                base: self.base_address,
                size: padded,
            });
        }
        let entry = u64::from(self.entry_point.wrapping_sub(self.base_address));
        if self.entry_point < self.base_address || entry >= size {
            return Err(WriteError::EntryOutsideImage {
                entry: self.entry_point,
                base: self.base_address,
                size,
            });
        }
        let mut image = self.image.clone();
        image.resize(padded as usize, 0);
        Ok(image)
    }

    /// One descriptor per run of pages of the same kind.
    fn descriptors(&self, pages: usize) -> Result<Vec<PageDescriptor>, WriteError> {
        if self.page_kinds.len() > pages {
            return Err(WriteError::TooManyPageKinds {
                kinds: self.page_kinds.len(),
                pages,
            });
        }
        let kind_of = |page: usize| self.page_kinds.get(page).copied().unwrap_or(PageKind::Code);
        let mut descriptors: Vec<PageDescriptor> = Vec::new();
        for page in 0..pages {
            let kind = kind_of(page);
            match descriptors.last_mut() {
                // 28 bits of page count per descriptor.
                Some(last) if last.kind == kind && last.page_count < 0x0FFF_FFFF => {
                    last.page_count += 1
                }
                _ => descriptors.push(PageDescriptor {
                    page_count: 1,
                    kind,
                    digest: [0; 20],
                }),
            }
        }
        Ok(descriptors)
    }
}
