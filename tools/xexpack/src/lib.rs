//! Packing a linked big-endian PowerPC ELF executable into an XEX2 file: its loadable segments
//! become the image, its entry point the XEX entry point, and symbols following a naming
//! convention become import slots and thunks (see README.md).

mod elf;
mod imports;
mod pe_header;

use std::collections::BTreeMap;

use oxenon_kernel::xex::write::{PayloadFormat, WriteError, XexWriter};
use oxenon_kernel::xex::PageKind;
use thiserror::Error;

pub use elf::{Segment, DEFAULT_BASE};
pub use imports::default_library_names;

/// Where the synthesized PE headers go: the first 4 KiB page of the image.
pub const PE_HEADER_SPACE: u32 = 0x1000;

#[derive(Debug, Clone)]
pub struct PackOptions {
    pub base: u32,
    pub format: PayloadFormat,
    pub session_key: Option<[u8; 16]>,
    /// Put PE headers in the image's first page (the ELF must leave it free).
    pub pe_header: bool,
    /// Import symbol alias (as in `__imp_<alias>_<ordinal>`) to library file name.
    pub library_names: BTreeMap<String, String>,
    pub original_pe_name: Option<String>,
    pub stack_size: Option<u32>,
    pub heap_size: Option<u32>,
    /// Page descriptors count 64 KiB pages instead of 4 KiB ones.
    pub large_pages: bool,
}

impl Default for PackOptions {
    fn default() -> Self {
        Self {
            base: DEFAULT_BASE,
            format: PayloadFormat::Lzx,
            session_key: None,
            pe_header: true,
            library_names: default_library_names(),
            original_pe_name: None,
            stack_size: None,
            heap_size: None,
            large_pages: false,
        }
    }
}

#[derive(Debug)]
pub struct Packed {
    pub file: Vec<u8>,
    /// The image a loader will see (padded, import words filled in).
    pub image: Vec<u8>,
    pub entry_point: u32,
    pub imports: Vec<oxenon_kernel::xex::write::LibrarySpec>,
    /// Things that are legal but probably not what was meant.
    pub warnings: Vec<String>,
}

#[derive(Debug, Error)]
pub enum PackError {
    #[error("not a readable ELF file: {0}")]
    Elf(#[from] object::read::Error),
    #[error("{0}")]
    Input(String),
    #[error(transparent)]
    Write(#[from] WriteError),
}

pub fn pack(elf_bytes: &[u8], options: &PackOptions) -> Result<Packed, PackError> {
    let program = elf::read(elf_bytes)?;
    let reserved = if options.pe_header {
        PE_HEADER_SPACE
    } else {
        0
    };
    let image_start = u64::from(options.base) + u64::from(reserved);
    if let Some(low) = program.segments.iter().find(|s| s.address < image_start) {
        return Err(PackError::Input(format!(
            "segment at {:#010x} lies below {image_start:#x}: link the program above the image base{}",
            low.address,
            if options.pe_header {
                " plus one page for the PE headers (e.g. with xex.ld), or pass --no-pe-header"
            } else {
                ""
            }
        )));
    }
    let mut image = program.image(options.base)?;
    let (page_kinds, mut warnings) = page_kinds(&program.segments, options.base, image.len());
    if options.pe_header {
        pe_header::write(&mut image, options, &program)?;
    }
    let libraries = imports::collect(&program.symbols, &options.library_names)?;
    if libraries.is_empty() {
        warnings.push("the program imports nothing (no __imp_<library>_<ordinal> symbols)".into());
    }

    let mut writer = XexWriter::new(image, options.base, program.entry);
    writer.libraries = libraries.clone();
    writer.format = options.format;
    writer.session_key = options.session_key;
    writer.small_pages = !options.large_pages;
    writer.page_kinds = if options.large_pages {
        Vec::new()
    } else {
        page_kinds
    };
    writer.original_pe_name = options.original_pe_name.clone();
    writer.default_stack_size = options.stack_size;
    writer.default_heap_size = options.heap_size;
    let built = writer.build()?;
    Ok(Packed {
        file: built.file,
        image: built.image,
        entry_point: program.entry,
        imports: libraries,
        warnings,
    })
}

/// A session key that changes with the input but is reproducible. It needs no secrecy: the file
/// carries it, wrapped with a publicly known key.
pub fn derive_session_key(input: &[u8]) -> [u8; 16] {
    use sha1::{Digest, Sha1};
    let digest: [u8; 20] = Sha1::digest(input).into();
    let mut key = [0; 16];
    key.copy_from_slice(&digest[..16]);
    key
}

/// One kind per 4 KiB page: code if any segment on it executes, data if any writes, read-only
/// otherwise (including the PE header page and gaps).
fn page_kinds(segments: &[Segment], base: u32, image_len: usize) -> (Vec<PageKind>, Vec<String>) {
    let pages = image_len.div_ceil(0x1000);
    let mut flags = vec![(false, false); pages];
    for segment in segments {
        let start = (segment.address - u64::from(base)) / 0x1000;
        let end = (segment.address - u64::from(base) + segment.mem_size.max(1)).div_ceil(0x1000);
        for page in flags.iter_mut().take(end as usize).skip(start as usize) {
            page.0 |= segment.execute;
            page.1 |= segment.write;
        }
    }
    let mut warnings = Vec::new();
    let kinds = flags
        .iter()
        .enumerate()
        .map(|(page, &(execute, write))| {
            if execute && write {
                warnings.push(format!(
                    "page {:#010x} holds both code and writable data; it is mapped as code",
                    u64::from(base) + page as u64 * 0x1000
                ));
            }
            match (execute, write) {
                (true, _) => PageKind::Code,
                (false, true) => PageKind::Data,
                (false, false) => PageKind::ReadOnly,
            }
        })
        .collect();
    (kinds, warnings)
}
