//! Numeric constants of the format: optional-header keys and flag bits.
//!
//! An optional header key's low byte says where its data lives: 0x00 and 0x01 mean the entry's
//! second word *is* the value, 0xFF means it is a header offset to data whose first word is its
//! size in bytes, and any other N means a header offset to N words of data.

/// Optional-header keys.
pub mod key {
    pub const RESOURCE_INFO: u32 = 0x0000_02FF;
    pub const FILE_FORMAT_INFO: u32 = 0x0000_03FF;
    pub const DELTA_PATCH_DESCRIPTOR: u32 = 0x0000_05FF;
    pub const BASE_REFERENCE: u32 = 0x0000_0405;
    pub const BOUNDING_PATH: u32 = 0x0000_80FF;
    pub const DEVICE_ID: u32 = 0x0000_8105;
    pub const ORIGINAL_BASE_ADDRESS: u32 = 0x0001_0001;
    pub const ENTRY_POINT: u32 = 0x0001_0100;
    pub const IMAGE_BASE_ADDRESS: u32 = 0x0001_0201;
    pub const IMPORT_LIBRARIES: u32 = 0x0001_03FF;
    pub const CHECKSUM_TIMESTAMP: u32 = 0x0001_8002;
    pub const ENABLED_FOR_CALLCAP: u32 = 0x0001_8102;
    pub const ENABLED_FOR_FASTCAP: u32 = 0x0001_8200;
    pub const ORIGINAL_PE_NAME: u32 = 0x0001_83FF;
    pub const STATIC_LIBRARIES: u32 = 0x0002_00FF;
    pub const TLS_INFO: u32 = 0x0002_0104;
    pub const DEFAULT_STACK_SIZE: u32 = 0x0002_0200;
    pub const DEFAULT_FILESYSTEM_CACHE_SIZE: u32 = 0x0002_0301;
    pub const DEFAULT_HEAP_SIZE: u32 = 0x0002_0401;
    pub const PAGE_HEAP_SIZE_AND_FLAGS: u32 = 0x0002_8002;
    pub const SYSTEM_FLAGS: u32 = 0x0003_0000;
    pub const EXECUTION_INFO: u32 = 0x0004_0006;
    pub const TITLE_WORKSPACE_SIZE: u32 = 0x0004_0201;
    pub const GAME_RATINGS: u32 = 0x0004_0310;
    pub const LAN_KEY: u32 = 0x0004_0404;
    pub const XBOX360_LOGO: u32 = 0x0004_05FF;
    pub const MULTIDISC_MEDIA_IDS: u32 = 0x0004_06FF;
    pub const ALTERNATE_TITLE_IDS: u32 = 0x0004_07FF;
    pub const ADDITIONAL_TITLE_MEMORY: u32 = 0x0004_0801;
    pub const EXPORTS_BY_NAME: u32 = 0x00E1_0402;
}

/// The documented name of an optional-header key, if we know it.
pub fn key_name(k: u32) -> Option<&'static str> {
    Some(match k {
        key::RESOURCE_INFO => "resource info",
        key::FILE_FORMAT_INFO => "file format info",
        key::DELTA_PATCH_DESCRIPTOR => "delta patch descriptor",
        key::BASE_REFERENCE => "base reference",
        key::BOUNDING_PATH => "bounding path",
        key::DEVICE_ID => "device id",
        key::ORIGINAL_BASE_ADDRESS => "original base address",
        key::ENTRY_POINT => "entry point",
        key::IMAGE_BASE_ADDRESS => "image base address",
        key::IMPORT_LIBRARIES => "import libraries",
        key::CHECKSUM_TIMESTAMP => "checksum and timestamp",
        key::ENABLED_FOR_CALLCAP => "enabled for callcap",
        key::ENABLED_FOR_FASTCAP => "enabled for fastcap",
        key::ORIGINAL_PE_NAME => "original PE name",
        key::STATIC_LIBRARIES => "static libraries",
        key::TLS_INFO => "TLS info",
        key::DEFAULT_STACK_SIZE => "default stack size",
        key::DEFAULT_FILESYSTEM_CACHE_SIZE => "default filesystem cache size",
        key::DEFAULT_HEAP_SIZE => "default heap size",
        key::PAGE_HEAP_SIZE_AND_FLAGS => "page heap size and flags",
        key::SYSTEM_FLAGS => "system flags",
        key::EXECUTION_INFO => "execution info",
        key::TITLE_WORKSPACE_SIZE => "title workspace size",
        key::GAME_RATINGS => "game ratings",
        key::LAN_KEY => "LAN key",
        key::XBOX360_LOGO => "Xbox 360 logo",
        key::MULTIDISC_MEDIA_IDS => "multidisc media ids",
        key::ALTERNATE_TITLE_IDS => "alternate title ids",
        key::ADDITIONAL_TITLE_MEMORY => "additional title memory",
        key::EXPORTS_BY_NAME => "exports by name",
        _ => return None,
    })
}

/// Bits of the main header's module flags.
pub mod module_flags {
    pub const TITLE: u32 = 0x0000_0001;
    pub const EXPORTS_TO_TITLE: u32 = 0x0000_0002;
    pub const SYSTEM_DEBUGGER: u32 = 0x0000_0004;
    pub const DLL_MODULE: u32 = 0x0000_0008;
    pub const MODULE_PATCH: u32 = 0x0000_0010;
    pub const PATCH_FULL: u32 = 0x0000_0020;
    pub const PATCH_DELTA: u32 = 0x0000_0040;
    pub const USER_MODE: u32 = 0x0000_0080;
}

/// Bits of the security info's image flags that the loader itself interprets.
pub mod image_flags {
    /// Page descriptors count 4 KiB pages instead of 64 KiB ones.
    pub const PAGE_SIZE_4KB: u32 = 0x1000_0000;
    pub const REGION_FREE: u32 = 0x2000_0000;
}
