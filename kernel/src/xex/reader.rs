//! Bounds-checked reads. Every offset in an XEX comes from the file itself, so every read goes
//! through here and fails with the offset it wanted instead of panicking.

use super::XexError;

/// A byte slice whose reads report absolute offsets (`origin` is where `data[0]` sits in the
/// file or image) so errors point at the right place.
#[derive(Clone, Copy)]
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    origin: u64,
    what: &'static str,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8], what: &'static str) -> Self {
        Self {
            data,
            origin: 0,
            what,
        }
    }

    /// The same bytes, described differently in errors.
    pub(crate) fn named(self, what: &'static str) -> Self {
        Self { what, ..self }
    }

    pub(crate) fn len(&self) -> u64 {
        self.data.len() as u64
    }

    fn truncated(&self, offset: u64, needed: u64) -> XexError {
        XexError::Truncated {
            what: self.what,
            offset: self.origin.saturating_add(offset),
            needed,
            available: self.len().saturating_sub(offset),
        }
    }

    pub(crate) fn bytes(&self, offset: u64, len: u64) -> Result<&'a [u8], XexError> {
        let range = usize::try_from(offset)
            .ok()
            .zip(usize::try_from(len).ok())
            .and_then(|(start, len)| Some(start..start.checked_add(len)?));
        range
            .and_then(|range| self.data.get(range))
            .ok_or_else(|| self.truncated(offset, len))
    }

    /// A sub-reader over `len` bytes at `offset`, keeping absolute offsets in its errors.
    pub(crate) fn sub(&self, offset: u64, len: u64) -> Result<Reader<'a>, XexError> {
        Ok(Reader {
            data: self.bytes(offset, len)?,
            origin: self.origin.saturating_add(offset),
            what: self.what,
        })
    }

    pub(crate) fn array<const N: usize>(&self, offset: u64) -> Result<[u8; N], XexError> {
        let bytes = self.bytes(offset, N as u64)?;
        bytes
            .try_into()
            .map_err(|_| self.truncated(offset, N as u64))
    }

    pub(crate) fn u8(&self, offset: u64) -> Result<u8, XexError> {
        Ok(self.array::<1>(offset)?[0])
    }

    pub(crate) fn be_u16(&self, offset: u64) -> Result<u16, XexError> {
        self.array(offset).map(u16::from_be_bytes)
    }

    pub(crate) fn be_u32(&self, offset: u64) -> Result<u32, XexError> {
        self.array(offset).map(u32::from_be_bytes)
    }

    pub(crate) fn le_u16(&self, offset: u64) -> Result<u16, XexError> {
        self.array(offset).map(u16::from_le_bytes)
    }

    pub(crate) fn le_u32(&self, offset: u64) -> Result<u32, XexError> {
        self.array(offset).map(u32::from_le_bytes)
    }
}
