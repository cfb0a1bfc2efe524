//! Everything that can be wrong with an XEX2 file, named precisely enough to find the byte.

use thiserror::Error;

/// Why an XEX2 file could not be parsed.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum XexError {
    #[error("truncated {what}: {needed:#x} bytes needed at offset {offset:#x}, only {available:#x} available")]
    Truncated {
        what: &'static str,
        offset: u64,
        needed: u64,
        available: u64,
    },
    #[error("bad magic {found:02x?}: expected \"XEX2\"")]
    BadMagic { found: [u8; 4] },
    #[error("header size {header_size:#x} is larger than the file ({file_len:#x} bytes)")]
    HeaderSizePastEnd { header_size: u32, file_len: u64 },
    #[error("{count} optional headers do not fit in the {header_size:#x}-byte header")]
    TooManyOptionalHeaders { count: u32, header_size: u32 },
    #[error("optional header {key:#010x} points past the end of the headers: {size:#x} bytes at {offset:#x}, headers end at {end:#x}")]
    OptionalHeaderOutOfBounds {
        key: u32,
        offset: u64,
        size: u64,
        end: u64,
    },
    #[error("optional header {key:#010x} is malformed: {reason}")]
    MalformedOptionalHeader { key: u32, reason: String },
    #[error("optional header {key:#010x} appears more than once")]
    DuplicateOptionalHeader { key: u32 },
    #[error("missing optional header {name} ({key:#010x})")]
    MissingOptionalHeader { key: u32, name: &'static str },
    #[error("security info at {offset:#x} ({size:#x} bytes) lies outside the {header_size:#x}-byte header")]
    SecurityInfoOutOfBounds {
        offset: u64,
        size: u64,
        header_size: u32,
    },
    #[error("unknown encryption type {0}")]
    UnknownEncryption(u16),
    #[error("unknown compression type {0}")]
    UnknownCompression(u16),
    #[error("delta-patch compression (type 3) is not supported")]
    DeltaCompressionUnsupported,
    #[error("LZX window size {0:#x} is not a power of two between 32 KiB and 32 MiB")]
    BadWindowSize(u32),
    #[error("image size {size:#x} exceeds the {limit:#x}-byte limit")]
    ImageTooLarge { size: u64, limit: u64 },
    #[error("payload is {actual:#x} bytes but {expected:#x} are needed")]
    PayloadTruncated { expected: u64, actual: u64 },
    #[error("encrypted data of {0:#x} bytes is not a whole number of 16-byte AES blocks")]
    UnalignedCiphertext(u64),
    #[error("decompressed size mismatch: the image size is {expected:#x} bytes, the payload holds {actual:#x}")]
    DecompressedSizeMismatch { expected: u64, actual: u64 },
    #[error("compressed block {index} at payload offset {offset:#x}: {reason}")]
    BadCompressedBlock {
        index: usize,
        offset: u64,
        reason: &'static str,
    },
    #[error("compressed block {index} at payload offset {offset:#x}: SHA-1 digest mismatch")]
    BlockDigestMismatch { index: usize, offset: u64 },
    #[error("bad LZX data in chunk {chunk}: {reason}")]
    BadLzx { chunk: usize, reason: String },
    #[error("page descriptors cover {covered:#x} bytes but the image is {image_size:#x} bytes")]
    PageDescriptorsExceedImage { covered: u64, image_size: u64 },
    #[error("page descriptor {index} (image offset {offset:#x}): SHA-1 digest mismatch")]
    PageDigestMismatch { index: usize, offset: u64 },
    #[error("the image decrypts with neither key: retail: {retail}; devkit: {devkit}")]
    NoKeyDecrypts {
        retail: Box<XexError>,
        devkit: Box<XexError>,
    },
    #[error("bad PE image at image offset {offset:#x}: {reason}")]
    BadPe { offset: u64, reason: &'static str },
    #[error(
        "import library {library}: name index {index} is not in the string table ({count} names)"
    )]
    BadLibraryNameIndex {
        library: usize,
        index: u16,
        count: usize,
    },
    #[error("import record {address:#010x} of {library} lies outside the image ({base:#010x}, {size:#x} bytes)")]
    ImportRecordOutsideImage {
        library: String,
        address: u32,
        base: u32,
        size: u64,
    },
    #[error("import record {address:#010x} of {library} holds {value:#010x}, whose type {kind:#04x} is neither a slot (0) nor a thunk (1)")]
    UnknownImportRecordType {
        library: String,
        address: u32,
        value: u32,
        kind: u8,
    },
    #[error("import thunk {address:#010x} of {library} (ordinal {ordinal:#x}) does not follow a slot record with that ordinal")]
    OrphanThunk {
        library: String,
        address: u32,
        ordinal: u16,
    },
}
