//! Import records: the words written into the image and the import libraries header.

use std::collections::HashSet;

use super::{LibrarySpec, WriteError};

/// Writes each import's slot and thunk word into `image` and returns the import libraries
/// header's data, or `None` without libraries.
pub(super) fn fill_words(
    libraries: &[LibrarySpec],
    image: &mut [u8],
    base: u32,
) -> Result<Option<Vec<u8>>, WriteError> {
    if libraries.is_empty() {
        return Ok(None);
    }
    if libraries.len() > 256 {
        return Err(WriteError::TooManyLibraries(libraries.len()));
    }
    let mut used = HashSet::new();
    let mut record_lists = Vec::new();
    for (index, library) in libraries.iter().enumerate() {
        let mut records = Vec::new();
        for import in &library.imports {
            let tag = (index as u32) << 16 | u32::from(import.ordinal);
            let words = [
                ("slot", Some(import.slot), 0u32),
                ("thunk", import.thunk, 1u32 << 24),
            ];
            for (what, address, kind) in words {
                let Some(address) = address else { continue };
                let bad = || WriteError::BadImportAddress {
                    what,
                    library: library.name.clone(),
                    ordinal: import.ordinal,
                    address,
                };
                let offset = address.checked_sub(base).ok_or_else(bad)? as usize;
                let word = image
                    .get_mut(offset..offset.saturating_add(4))
                    .filter(|w| w.len() == 4 && address % 4 == 0)
                    .ok_or_else(bad)?;
                if !used.insert(address) {
                    return Err(WriteError::DuplicateImportAddress { address });
                }
                word.copy_from_slice(&(kind | tag).to_be_bytes());
                records.push(address);
            }
        }
        if records.len() > 0xFFFF {
            return Err(WriteError::TooManyImports {
                library: library.name.clone(),
                count: records.len(),
            });
        }
        record_lists.push(records);
    }
    Ok(Some(blob(libraries, &record_lists)))
}

/// Size word, string table size, library count, the NUL-terminated names each padded to 4
/// bytes, then one entry per library. The per-library digests stay zero: only the signature
/// check reads them.
fn blob(libraries: &[LibrarySpec], records: &[Vec<u32>]) -> Vec<u8> {
    let mut strings = Vec::new();
    for library in libraries {
        strings.extend_from_slice(library.name.as_bytes());
        strings.push(0);
        strings.resize(strings.len().next_multiple_of(4), 0);
    }
    let mut entries = Vec::new();
    for (index, (library, records)) in libraries.iter().zip(records).enumerate() {
        let size = 0x28 + 4 * records.len() as u32;
        entries.extend_from_slice(&size.to_be_bytes());
        entries.extend_from_slice(&[0; 20]);
        entries.extend_from_slice(&0u32.to_be_bytes());
        entries.extend_from_slice(&library.version.0.to_be_bytes());
        entries.extend_from_slice(&library.min_version.0.to_be_bytes());
        entries.extend_from_slice(&(index as u16).to_be_bytes());
        entries.extend_from_slice(&(records.len() as u16).to_be_bytes());
        for record in records {
            entries.extend_from_slice(&record.to_be_bytes());
        }
    }
    let total = 12 + strings.len() + entries.len();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&(total as u32).to_be_bytes());
    out.extend_from_slice(&(strings.len() as u32).to_be_bytes());
    out.extend_from_slice(&(libraries.len() as u32).to_be_bytes());
    out.extend_from_slice(&strings);
    out.extend_from_slice(&entries);
    out
}
