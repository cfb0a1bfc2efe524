//! Everything before the payload: the main header, the optional headers, the security info.

use super::format::FileFormat;
use super::imports::{decode_libraries, ImportLibrary};
use super::info::ModuleInfo;
use super::keys::{key, key_name};
use super::optional::{read_table, OptionalHeader};
use super::reader::Reader;
use super::security::SecurityInfo;
use super::XexError;

pub const MAGIC: [u8; 4] = *b"XEX2";
/// Size of the main header before the optional header table.
pub(crate) const MAIN_HEADER_SIZE: u64 = 0x18;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XexHeaders {
    pub module_flags: u32,
    /// Offset of the payload (the PE image, possibly compressed and encrypted); everything
    /// before it is headers.
    pub header_size: u32,
    pub reserved: u32,
    pub security_offset: u32,
    /// Every optional header, in table order, raw.
    pub optional_headers: Vec<OptionalHeader>,
    pub info: ModuleInfo,
    pub file_format: FileFormat,
    pub security: SecurityInfo,
    pub import_libraries: Vec<ImportLibrary>,
}

impl XexHeaders {
    pub fn parse(data: &[u8]) -> Result<Self, XexError> {
        let file = Reader::new(data, "XEX header");
        let found = file.array::<4>(0)?;
        if found != MAGIC {
            return Err(XexError::BadMagic { found });
        }
        let module_flags = file.be_u32(4)?;
        let header_size = file.be_u32(8)?;
        let reserved = file.be_u32(0xC)?;
        let security_offset = file.be_u32(0x10)?;
        let count = file.be_u32(0x14)?;
        let headers =
            file.sub(0, u64::from(header_size))
                .map_err(|_| XexError::HeaderSizePastEnd {
                    header_size,
                    file_len: data.len() as u64,
                })?;
        if MAIN_HEADER_SIZE + 8 * u64::from(count) > u64::from(header_size) {
            return Err(XexError::TooManyOptionalHeaders { count, header_size });
        }
        let optional_headers = read_table(headers, count)?;
        let info = ModuleInfo::decode(&optional_headers)?;
        let required = |k: u32| {
            optional_headers
                .iter()
                .find(|h| h.key == k)
                .and_then(OptionalHeader::data)
                .ok_or(XexError::MissingOptionalHeader {
                    key: k,
                    name: key_name(k).unwrap_or("?"),
                })
        };
        let file_format = FileFormat::decode(required(key::FILE_FORMAT_INFO)?)?;
        let security = SecurityInfo::decode(headers, security_offset, header_size)?;
        let import_libraries = match required(key::IMPORT_LIBRARIES) {
            Ok(blob) => decode_libraries(blob)?,
            Err(_) => Vec::new(),
        };
        Ok(Self {
            module_flags,
            header_size,
            reserved,
            security_offset,
            optional_headers,
            info,
            file_format,
            security,
            import_libraries,
        })
    }

    /// Where the image is loaded: the image base header if present, else the security info's
    /// load address.
    pub fn base_address(&self) -> u32 {
        self.info.image_base.unwrap_or(self.security.load_address)
    }

    pub fn optional(&self, k: u32) -> Option<&OptionalHeader> {
        self.optional_headers.iter().find(|h| h.key == k)
    }
}
