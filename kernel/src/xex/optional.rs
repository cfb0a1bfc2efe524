//! The optional-header table: (key, value-or-offset) pairs right after the main header, kept raw
//! so that keys we do not understand survive untouched.

use super::keys::key_name;
use super::reader::Reader;
use super::XexError;

/// One entry of the optional-header table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionalHeader {
    pub key: u32,
    pub value: OptionalValue,
}

/// Where an optional header's data lives, as its key's low byte says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionalValue {
    /// The table entry's second word is the value itself (key low byte 0x00 or 0x01).
    Inline(u32),
    /// Data stored in the header area at `offset` (from the start of the file). For keys whose
    /// low byte is 0xFF the first word of `bytes` is the total size, including that word.
    Data { offset: u32, bytes: Vec<u8> },
}

impl OptionalHeader {
    /// The documented name of this header's key, or `None` for a key we do not know.
    pub fn name(&self) -> Option<&'static str> {
        key_name(self.key)
    }

    pub fn inline(&self) -> Option<u32> {
        match self.value {
            OptionalValue::Inline(value) => Some(value),
            OptionalValue::Data { .. } => None,
        }
    }

    pub fn data(&self) -> Option<&[u8]> {
        match &self.value {
            OptionalValue::Inline(_) => None,
            OptionalValue::Data { bytes, .. } => Some(bytes),
        }
    }
}

/// Reads `count` table entries from 0x18; `headers` covers exactly the header area, so data
/// pointing beyond it is rejected.
pub(crate) fn read_table(headers: Reader<'_>, count: u32) -> Result<Vec<OptionalHeader>, XexError> {
    let mut table = Vec::new();
    for index in 0..u64::from(count) {
        let entry = 0x18 + index * 8;
        let key = headers.be_u32(entry)?;
        let word = headers.be_u32(entry + 4)?;
        if table.iter().any(|h: &OptionalHeader| h.key == key) {
            return Err(XexError::DuplicateOptionalHeader { key });
        }
        let value = match key & 0xFF {
            0x00 | 0x01 => OptionalValue::Inline(word),
            0xFF => {
                let size = headers
                    .be_u32(u64::from(word))
                    .map_err(|_| out_of_bounds(key, word, 4, headers.len()))?;
                if size < 4 {
                    return Err(XexError::MalformedOptionalHeader {
                        key,
                        reason: format!("size {size} is smaller than its own size field"),
                    });
                }
                data_at(headers, key, word, u64::from(size))?
            }
            words => data_at(headers, key, word, u64::from(words) * 4)?,
        };
        table.push(OptionalHeader { key, value });
    }
    Ok(table)
}

fn data_at(
    headers: Reader<'_>,
    key: u32,
    offset: u32,
    size: u64,
) -> Result<OptionalValue, XexError> {
    let bytes = headers
        .bytes(u64::from(offset), size)
        .map_err(|_| out_of_bounds(key, offset, size, headers.len()))?;
    Ok(OptionalValue::Data {
        offset,
        bytes: bytes.to_vec(),
    })
}

fn out_of_bounds(key: u32, offset: u32, size: u64, end: u64) -> XexError {
    XexError::OptionalHeaderOutOfBounds {
        key,
        offset: u64::from(offset),
        size,
        end,
    }
}
