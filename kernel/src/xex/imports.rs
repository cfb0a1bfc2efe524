//! Import libraries (key 0x000103FF) and their resolution against the image.
//!
//! Each library lists records: guest addresses of words in the image. Before loading, such a
//! word holds `type << 24 | library index << 16 | ordinal`. Type 0 marks a slot (the word the
//! loader fills with the import's address: a variable's address, or a function's for its
//! thunk); type 1 marks the 16-byte thunk that code calls for a function import, and always
//! follows its function's slot record.

use super::info::{c_string, Version};
use super::reader::Reader;
use super::XexError;

/// One entry of the import libraries header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportLibrary {
    pub name: String,
    /// SHA-1 link to the next library entry; kept raw.
    pub next_digest: [u8; 20],
    pub id: u32,
    pub version: Version,
    pub min_version: Version,
    /// Guest addresses of the slot and thunk words, in file order.
    pub records: Vec<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Variable,
    Function,
}

/// A resolved import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    pub library: String,
    pub ordinal: u16,
    pub kind: ImportKind,
    /// The slot: the word the loader fills with the import's address.
    pub address: u32,
    /// The thunk code calls, for a [`ImportKind::Function`].
    pub thunk: Option<u32>,
}

/// Size of a library entry before its records.
pub(crate) const LIBRARY_FIXED_SIZE: u64 = 0x28;

pub(crate) fn decode_libraries(blob: &[u8]) -> Result<Vec<ImportLibrary>, XexError> {
    let data = Reader::new(blob, "import libraries");
    let string_table_size = u64::from(data.be_u32(4)?);
    let count = data.be_u32(8)?;
    let strings = data.bytes(12, string_table_size)?;
    // Names are NUL-terminated and padded with more NULs to a multiple of 4.
    let names: Vec<String> = strings
        .split(|&b| b == 0)
        .filter(|name| !name.is_empty())
        .map(c_string)
        .collect();

    let mut libraries = Vec::new();
    let mut offset = 12 + string_table_size;
    for library in 0..count as usize {
        let entry_size = u64::from(data.be_u32(offset)?);
        let record_count = u64::from(data.be_u16(offset + 0x26)?);
        let needed = LIBRARY_FIXED_SIZE + 4 * record_count;
        // The entry's size field must cover its records; read them within it.
        let entry = data.sub(offset, entry_size.max(needed))?;
        let name_index = entry.be_u16(0x24)?;
        let name = names.get(usize::from(name_index & 0xFF)).cloned().ok_or(
            XexError::BadLibraryNameIndex {
                library,
                index: name_index,
                count: names.len(),
            },
        )?;
        let records = (0..record_count)
            .map(|i| entry.be_u32(LIBRARY_FIXED_SIZE + 4 * i))
            .collect::<Result<_, _>>()?;
        libraries.push(ImportLibrary {
            name,
            next_digest: entry.array(4)?,
            id: entry.be_u32(0x18)?,
            version: Version(entry.be_u32(0x1C)?),
            min_version: Version(entry.be_u32(0x20)?),
            records,
        });
        offset += entry_size.max(needed);
    }
    Ok(libraries)
}

/// Reads every record's word from `image` (loaded at `base`) and pairs thunks with slots.
pub(crate) fn resolve(
    libraries: &[ImportLibrary],
    image: &[u8],
    base: u32,
) -> Result<Vec<Import>, XexError> {
    let reader = Reader::new(image, "image");
    let mut imports = Vec::new();
    for library in libraries {
        let first_of_library = imports.len();
        for &address in &library.records {
            let outside = || XexError::ImportRecordOutsideImage {
                library: library.name.clone(),
                address,
                base,
                size: image.len() as u64,
            };
            let offset = address.checked_sub(base).ok_or_else(outside)?;
            let value = reader.be_u32(u64::from(offset)).map_err(|_| outside())?;
            let ordinal = value as u16;
            match (value >> 24) as u8 {
                0 => imports.push(Import {
                    library: library.name.clone(),
                    ordinal,
                    kind: ImportKind::Variable,
                    address,
                    thunk: None,
                }),
                1 => {
                    let slot = imports
                        .get_mut(first_of_library..)
                        .and_then(|own| own.last_mut())
                        .filter(|slot| slot.ordinal == ordinal && slot.thunk.is_none());
                    let Some(slot) = slot else {
                        return Err(XexError::OrphanThunk {
                            library: library.name.clone(),
                            address,
                            ordinal,
                        });
                    };
                    slot.kind = ImportKind::Function;
                    slot.thunk = Some(address);
                }
                kind => {
                    return Err(XexError::UnknownImportRecordType {
                        library: library.name.clone(),
                        address,
                        value,
                        kind,
                    })
                }
            }
        }
    }
    Ok(imports)
}
