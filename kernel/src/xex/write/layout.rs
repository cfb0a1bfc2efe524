//! Laying out the headers: main header, optional header table, security info, header data.

use super::super::headers::{MAGIC, MAIN_HEADER_SIZE};
use super::super::keys::key;
use super::super::optional::{OptionalHeader, OptionalValue};
use super::super::security::{PageDescriptor, DESCRIPTOR_SIZE, FIXED_SIZE, INFO_SIZE};
use super::{WriteError, XexWriter};

pub(super) enum Value {
    Inline(u32),
    Data(Vec<u8>),
}

pub(super) struct Security {
    pub image_size: u32,
    pub image_flags: u32,
    pub load_address: u32,
    pub image_digest: [u8; 20],
    pub import_table_count: u32,
    pub file_key: [u8; 16],
    pub game_regions: u32,
    pub allowed_media_types: u32,
    pub descriptors: Vec<PageDescriptor>,
}

/// The optional headers the writer's fields call for, in ascending key order as the console
/// toolchain writes them.
pub(super) fn optional_headers(
    w: &XexWriter,
    format_info: Vec<u8>,
    imports: Option<Vec<u8>>,
) -> Result<Vec<(u32, Value)>, WriteError> {
    let words = |values: &[u32]| Value::Data(values.iter().flat_map(|v| v.to_be_bytes()).collect());
    let mut headers = vec![
        (key::FILE_FORMAT_INFO, Value::Data(format_info)),
        (key::ENTRY_POINT, Value::Inline(w.entry_point)),
        (key::IMAGE_BASE_ADDRESS, Value::Inline(w.base_address)),
    ];
    if let Some(blob) = imports {
        headers.push((key::IMPORT_LIBRARIES, Value::Data(blob)));
    }
    if let Some(name) = &w.original_pe_name {
        let mut blob = vec![0; 4];
        blob.extend_from_slice(name.as_bytes());
        blob.push(0);
        blob.resize(blob.len().next_multiple_of(4), 0);
        let size = (blob.len() as u32).to_be_bytes();
        blob.splice(0..4, size);
        headers.push((key::ORIGINAL_PE_NAME, Value::Data(blob)));
    }
    if let Some(tls) = w.tls {
        let values = [
            tls.slot_count,
            tls.raw_data_address,
            tls.data_size,
            tls.raw_data_size,
        ];
        headers.push((key::TLS_INFO, words(&values)));
    }
    let inline = [
        (key::DEFAULT_STACK_SIZE, w.default_stack_size),
        (
            key::DEFAULT_FILESYSTEM_CACHE_SIZE,
            w.default_filesystem_cache_size,
        ),
        (key::DEFAULT_HEAP_SIZE, w.default_heap_size),
        (key::SYSTEM_FLAGS, w.system_flags),
    ];
    for (k, value) in inline {
        if let Some(value) = value {
            headers.push((k, Value::Inline(value)));
        }
    }
    if let Some(e) = w.execution {
        let discs =
            u32::from_be_bytes([e.platform, e.executable_table, e.disc_number, e.disc_count]);
        let values = [
            e.media_id,
            e.version.0,
            e.base_version.0,
            e.title_id,
            discs,
            e.savegame_id,
        ];
        headers.push((key::EXECUTION_INFO, words(&values)));
    }
    for extra in &w.extra_optional_headers {
        if headers.iter().any(|(k, _)| *k == extra.key) {
            return Err(bad(extra.key, "the writer already produces this header"));
        }
        headers.push((extra.key, raw(extra)?));
    }
    headers.sort_by_key(|(k, _)| *k);
    Ok(headers)
}

fn bad(key: u32, reason: &'static str) -> WriteError {
    WriteError::BadOptionalHeader { key, reason }
}

/// Checks that a caller-supplied header's shape matches what its key's low byte promises.
fn raw(header: &OptionalHeader) -> Result<Value, WriteError> {
    let k = header.key;
    match (&header.value, k & 0xFF) {
        (OptionalValue::Inline(v), 0x00 | 0x01) => Ok(Value::Inline(*v)),
        (OptionalValue::Inline(_), _) => Err(bad(k, "the key calls for data, not an inline value")),
        (OptionalValue::Data { .. }, 0x00 | 0x01) => {
            Err(bad(k, "the key calls for an inline value"))
        }
        (OptionalValue::Data { bytes, .. }, 0xFF) => {
            let size = bytes
                .get(..4)
                .map(|w| u32::from_be_bytes([w[0], w[1], w[2], w[3]]));
            if size != Some(bytes.len() as u32) {
                return Err(bad(k, "the first word must be the data's size"));
            }
            Ok(Value::Data(bytes.clone()))
        }
        (OptionalValue::Data { bytes, .. }, words) => {
            if bytes.len() != words as usize * 4 {
                return Err(bad(
                    k,
                    "the data must be as many words as the key's low byte",
                ));
            }
            Ok(Value::Data(bytes.clone()))
        }
    }
}

fn align(n: usize, to: usize) -> usize {
    n.next_multiple_of(to)
}

pub(super) fn headers(
    module_flags: u32,
    optional: &[(u32, Value)],
    security: &Security,
) -> Vec<u8> {
    let table_end = MAIN_HEADER_SIZE as usize + 8 * optional.len();
    let security_offset = align(table_end, 8);
    let security_size = FIXED_SIZE as usize + DESCRIPTOR_SIZE as usize * security.descriptors.len();
    let mut data_at = align(security_offset + security_size, 8);
    let mut table = Vec::with_capacity(8 * optional.len());
    let mut data = Vec::new();
    for (k, value) in optional {
        let word = match value {
            Value::Inline(v) => *v,
            Value::Data(bytes) => {
                let offset = data_at;
                data.push((offset, bytes));
                data_at = align(offset + bytes.len(), 8);
                offset as u32
            }
        };
        table.extend_from_slice(&k.to_be_bytes());
        table.extend_from_slice(&word.to_be_bytes());
    }
    let header_size = align(data_at, 16);

    let mut out = vec![0u8; header_size];
    let mut put = |at: usize, bytes: &[u8]| {
        if let Some(dst) = out.get_mut(at..at + bytes.len()) {
            dst.copy_from_slice(bytes);
        }
    };
    put(0, &MAGIC);
    put(4, &module_flags.to_be_bytes());
    put(8, &(header_size as u32).to_be_bytes());
    put(0x10, &(security_offset as u32).to_be_bytes());
    put(0x14, &(optional.len() as u32).to_be_bytes());
    put(MAIN_HEADER_SIZE as usize, &table);
    let s = security_offset;
    put(s, &(header_size as u32).to_be_bytes());
    put(s + 4, &security.image_size.to_be_bytes());
    put(s + 0x108, &INFO_SIZE.to_be_bytes());
    put(s + 0x10C, &security.image_flags.to_be_bytes());
    put(s + 0x110, &security.load_address.to_be_bytes());
    put(s + 0x114, &security.image_digest);
    put(s + 0x128, &security.import_table_count.to_be_bytes());
    put(s + 0x150, &security.file_key);
    put(s + 0x178, &security.game_regions.to_be_bytes());
    put(s + 0x17C, &security.allowed_media_types.to_be_bytes());
    put(
        s + 0x180,
        &(security.descriptors.len() as u32).to_be_bytes(),
    );
    for (i, descriptor) in security.descriptors.iter().enumerate() {
        put(
            s + FIXED_SIZE as usize + i * DESCRIPTOR_SIZE as usize,
            &descriptor.to_bytes(),
        );
    }
    for (offset, bytes) in data {
        put(offset, bytes);
    }
    out
}
