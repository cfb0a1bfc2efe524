//! Typed views of the optional headers a loader cares about.

use std::fmt;

use super::keys::{key, key_name};
use super::optional::OptionalHeader;
use super::reader::Reader;
use super::XexError;

/// A module or library version: 4 bits major, 4 bits minor, 16 bits build, 8 bits QFE, most
/// significant first (so 2.0.17559.0 is 0x2044_9700).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Version(pub u32);

impl Version {
    pub const fn new(major: u8, minor: u8, build: u16, qfe: u8) -> Self {
        Self(
            ((major as u32 & 0xF) << 28)
                | ((minor as u32 & 0xF) << 24)
                | ((build as u32) << 8)
                | qfe as u32,
        )
    }
    pub const fn major(self) -> u8 {
        (self.0 >> 28) as u8
    }
    pub const fn minor(self) -> u8 {
        ((self.0 >> 24) & 0xF) as u8
    }
    pub const fn build(self) -> u16 {
        (self.0 >> 8) as u16
    }
    pub const fn qfe(self) -> u8 {
        self.0 as u8
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, c, d) = (self.major(), self.minor(), self.build(), self.qfe());
        write!(f, "{a}.{b}.{c}.{d}")
    }
}

/// Thread-local storage template (key 0x00020104).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TlsInfo {
    pub slot_count: u32,
    pub raw_data_address: u32,
    pub data_size: u32,
    pub raw_data_size: u32,
}

/// Title identity (key 0x00040006).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExecutionInfo {
    pub media_id: u32,
    pub version: Version,
    pub base_version: Version,
    pub title_id: u32,
    pub platform: u8,
    pub executable_table: u8,
    pub disc_number: u8,
    pub disc_count: u8,
    pub savegame_id: u32,
}

/// A named resource inside the image (key 0x000002FF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub name: String,
    pub address: u32,
    pub size: u32,
}

/// A static library the module was linked against (key 0x000200FF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticLibrary {
    pub name: String,
    pub major: u16,
    pub minor: u16,
    pub build: u16,
    /// Public loaders disagree on how the last two bytes split; this follows the reading of
    /// byte 14 as the approval type and byte 15 as the QFE.
    pub approval: u8,
    pub qfe: u8,
}

/// The typed optional headers. Every header also stays in [`super::XexHeaders::optional_headers`]
/// in raw form; `unknown_keys` lists those whose key we cannot name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ModuleInfo {
    pub entry_point: Option<u32>,
    pub image_base: Option<u32>,
    pub original_base_address: Option<u32>,
    pub original_pe_name: Option<String>,
    pub tls: Option<TlsInfo>,
    pub default_stack_size: Option<u32>,
    pub default_filesystem_cache_size: Option<u32>,
    pub default_heap_size: Option<u32>,
    pub system_flags: Option<u32>,
    pub execution: Option<ExecutionInfo>,
    pub resources: Vec<Resource>,
    pub static_libraries: Vec<StaticLibrary>,
    /// PE checksum and link timestamp (key 0x00018002).
    pub checksum_timestamp: Option<(u32, u32)>,
    pub bounding_path: Option<String>,
    pub lan_key: Option<[u8; 16]>,
    pub title_workspace_size: Option<u32>,
    pub additional_title_memory: Option<u32>,
    pub alternate_title_ids: Vec<u32>,
    /// Offset and size of the PE export directory (key 0x00E10402).
    pub exports_by_name: Option<(u32, u32)>,
    pub unknown_keys: Vec<u32>,
}

impl ModuleInfo {
    pub(crate) fn decode(headers: &[OptionalHeader]) -> Result<Self, XexError> {
        let mut info = ModuleInfo::default();
        for header in headers {
            let k = header.key;
            if key_name(k).is_none() {
                info.unknown_keys.push(k);
                continue;
            }
            let data = Reader::new(header.data().unwrap_or(&[]), "optional header data");
            let inline = header.inline();
            match k {
                key::ENTRY_POINT => info.entry_point = inline,
                key::IMAGE_BASE_ADDRESS => info.image_base = inline,
                key::ORIGINAL_BASE_ADDRESS => info.original_base_address = inline,
                key::DEFAULT_STACK_SIZE => info.default_stack_size = inline,
                key::DEFAULT_FILESYSTEM_CACHE_SIZE => info.default_filesystem_cache_size = inline,
                key::DEFAULT_HEAP_SIZE => info.default_heap_size = inline,
                key::SYSTEM_FLAGS => info.system_flags = inline,
                key::TITLE_WORKSPACE_SIZE => info.title_workspace_size = inline,
                key::ADDITIONAL_TITLE_MEMORY => info.additional_title_memory = inline,
                key::ORIGINAL_PE_NAME => info.original_pe_name = Some(sized_string(data, k)?),
                key::BOUNDING_PATH => info.bounding_path = Some(sized_string(data, k)?),
                key::TLS_INFO => {
                    info.tls = Some(TlsInfo {
                        slot_count: data.be_u32(0)?,
                        raw_data_address: data.be_u32(4)?,
                        data_size: data.be_u32(8)?,
                        raw_data_size: data.be_u32(12)?,
                    })
                }
                key::EXECUTION_INFO => info.execution = Some(execution(data)?),
                key::RESOURCE_INFO => info.resources = resources(data)?,
                key::STATIC_LIBRARIES => info.static_libraries = static_libraries(data)?,
                key::CHECKSUM_TIMESTAMP => {
                    info.checksum_timestamp = Some((data.be_u32(0)?, data.be_u32(4)?))
                }
                key::LAN_KEY => info.lan_key = Some(data.array(0)?),
                key::ALTERNATE_TITLE_IDS => {
                    info.alternate_title_ids = sized_records(data, 4)?
                        .iter()
                        .map(|r| u32::from_be_bytes(*r))
                        .collect()
                }
                key::EXPORTS_BY_NAME => {
                    info.exports_by_name = Some((data.be_u32(0)?, data.be_u32(4)?))
                }
                _ => {}
            }
        }
        Ok(info)
    }
}

fn execution(data: Reader<'_>) -> Result<ExecutionInfo, XexError> {
    Ok(ExecutionInfo {
        media_id: data.be_u32(0)?,
        version: Version(data.be_u32(4)?),
        base_version: Version(data.be_u32(8)?),
        title_id: data.be_u32(12)?,
        platform: data.u8(16)?,
        executable_table: data.u8(17)?,
        disc_number: data.u8(18)?,
        disc_count: data.u8(19)?,
        savegame_id: data.be_u32(20)?,
    })
}

fn resources(data: Reader<'_>) -> Result<Vec<Resource>, XexError> {
    sized_records::<16>(data, 16)?
        .iter()
        .map(|record| {
            let r = Reader::new(record, "resource record");
            Ok(Resource {
                name: c_string(r.bytes(0, 8)?),
                address: r.be_u32(8)?,
                size: r.be_u32(12)?,
            })
        })
        .collect()
}

fn static_libraries(data: Reader<'_>) -> Result<Vec<StaticLibrary>, XexError> {
    sized_records::<16>(data, 16)?
        .iter()
        .map(|record| {
            let r = Reader::new(record, "static library record");
            Ok(StaticLibrary {
                name: c_string(r.bytes(0, 8)?),
                major: r.be_u16(8)?,
                minor: r.be_u16(10)?,
                build: r.be_u16(12)?,
                approval: r.u8(14)?,
                qfe: r.u8(15)?,
            })
        })
        .collect()
}

/// Fixed-size records following a size word; a trailing partial record is ignored.
fn sized_records<const N: usize>(data: Reader<'_>, stride: u64) -> Result<Vec<[u8; N]>, XexError> {
    let size = u64::from(data.be_u32(0)?).min(data.len());
    let count = size.saturating_sub(4) / stride;
    (0..count)
        .map(|i| data.array::<N>(4 + i * stride))
        .collect()
}

/// A size word followed by a NUL-terminated (and padded) string.
fn sized_string(data: Reader<'_>, key: u32) -> Result<String, XexError> {
    let size = u64::from(data.be_u32(0)?);
    let body =
        data.bytes(4, size.saturating_sub(4))
            .map_err(|_| XexError::MalformedOptionalHeader {
                key,
                reason: format!("string of size {size:#x} runs past its data"),
            })?;
    Ok(c_string(body))
}

pub(crate) fn c_string(bytes: &[u8]) -> String {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    String::from_utf8_lossy(bytes.get(..end).unwrap_or(bytes)).into_owned()
}
