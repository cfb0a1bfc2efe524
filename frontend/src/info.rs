//! `oxenon info FILE.xex`: everything a XEX2 file says about itself, the way a XEX dump tool
//! prints it: main header, optional headers, security info, PE sections and the imports with
//! their export names. The file is parsed in full (decrypted, decompressed, digests checked)
//! before anything is printed, so a malformed file gives one error and no partial dump.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use oxenon_kernel::ordinals::{self, ExportKind};
use oxenon_kernel::xex::{
    image_flags, key, key_name, module_flags, Compression, Encryption, ImportKind, KeyKind,
    OptionalHeader, OptionalValue, PageKind, Xex,
};

#[derive(Args, Debug)]
/// Print the headers, sections and imports of a XEX2 executable.
pub struct InfoArgs {
    /// The XEX file to describe.
    pub file: PathBuf,
}

pub fn run(args: &InfoArgs) -> Result<()> {
    let data =
        std::fs::read(&args.file).with_context(|| format!("reading {}", args.file.display()))?;
    let text = describe(&data)
        .with_context(|| format!("{} is not a valid XEX2 file", args.file.display()))?;
    print!("{text}");
    Ok(())
}

/// The whole report for one file.
pub fn describe(data: &[u8]) -> Result<String> {
    let xex = Xex::parse(data)?;
    let mut out = String::new();
    main_header(&mut out, &xex, data.len());
    optional_headers(&mut out, &xex);
    import_libraries(&mut out, &xex);
    security(&mut out, &xex);
    sections(&mut out, &xex);
    imports(&mut out, &xex);
    Ok(out)
}

// Writing to a String cannot fail; the `fmt::Result`s are dropped on purpose.
macro_rules! line {
    ($out:expr, $($arg:tt)*) => {{
        let _ = writeln!($out, $($arg)*);
    }};
}

const MODULE_FLAG_NAMES: [(u32, &str); 8] = [
    (module_flags::TITLE, "title"),
    (module_flags::EXPORTS_TO_TITLE, "exports to title"),
    (module_flags::SYSTEM_DEBUGGER, "system debugger"),
    (module_flags::DLL_MODULE, "DLL"),
    (module_flags::MODULE_PATCH, "module patch"),
    (module_flags::PATCH_FULL, "full patch"),
    (module_flags::PATCH_DELTA, "delta patch"),
    (module_flags::USER_MODE, "user mode"),
];

const IMAGE_FLAG_NAMES: [(u32, &str); 2] = [
    (image_flags::PAGE_SIZE_4KB, "4 KiB pages"),
    (image_flags::REGION_FREE, "region free"),
];

/// `0x...` followed by the names of the set bits we know, and the rest in hex.
fn flags(value: u32, names: &[(u32, &str)]) -> String {
    let mut known = 0;
    let mut parts: Vec<String> = Vec::new();
    for &(bit, name) in names {
        if value & bit != 0 {
            known |= bit;
            parts.push(name.to_string());
        }
    }
    if value & !known != 0 {
        parts.push(format!("other {:#x}", value & !known));
    }
    if parts.is_empty() {
        format!("{value:#010x}")
    } else {
        format!("{value:#010x} ({})", parts.join(", "))
    }
}

fn main_header(out: &mut String, xex: &Xex, file_len: usize) {
    let h = &xex.headers;
    line!(out, "XEX2 file ({file_len} bytes)");
    line!(out, "Main header");
    line!(
        out,
        "  module flags        {}",
        flags(h.module_flags, &MODULE_FLAG_NAMES)
    );
    line!(out, "  header size         {:#x}", h.header_size);
    line!(out, "  security info at    {:#x}", h.security_offset);
    line!(out, "  optional headers    {}", h.optional_headers.len());
}

fn optional_headers(out: &mut String, xex: &Xex) {
    line!(out, "Optional headers");
    for header in &xex.headers.optional_headers {
        let name = key_name(header.key).unwrap_or("unknown key");
        let value = optional_value(xex, header);
        line!(out, "  [{:#010x}] {name}: {value}", header.key);
    }
}

fn optional_value(xex: &Xex, header: &OptionalHeader) -> String {
    let info = &xex.headers.info;
    let hex = |v: Option<u32>| v.map_or_else(|| "?".into(), |v| format!("{v:#010x}"));
    match header.key {
        key::ENTRY_POINT => hex(info.entry_point),
        key::IMAGE_BASE_ADDRESS => hex(info.image_base),
        key::ORIGINAL_BASE_ADDRESS => hex(info.original_base_address),
        key::DEFAULT_STACK_SIZE => hex(info.default_stack_size),
        key::DEFAULT_HEAP_SIZE => hex(info.default_heap_size),
        key::DEFAULT_FILESYSTEM_CACHE_SIZE => hex(info.default_filesystem_cache_size),
        key::TITLE_WORKSPACE_SIZE => hex(info.title_workspace_size),
        key::ADDITIONAL_TITLE_MEMORY => hex(info.additional_title_memory),
        key::SYSTEM_FLAGS => hex(info.system_flags),
        key::ORIGINAL_PE_NAME => format!("{:?}", info.original_pe_name.as_deref().unwrap_or("")),
        key::BOUNDING_PATH => format!("{:?}", info.bounding_path.as_deref().unwrap_or("")),
        key::IMPORT_LIBRARIES => {
            let libs = &xex.headers.import_libraries;
            let names: Vec<&str> = libs.iter().map(|l| l.name.as_str()).collect();
            format!("{} ({})", libs.len(), names.join(", "))
        }
        key::FILE_FORMAT_INFO => file_format(xex),
        key::TLS_INFO => info.tls.map_or_else(
            || "?".into(),
            |t| {
                format!(
                    "{} slots, raw data {:#010x} ({:#x} of {:#x} bytes)",
                    t.slot_count, t.raw_data_address, t.raw_data_size, t.data_size
                )
            },
        ),
        key::EXECUTION_INFO => info.execution.map_or_else(
            || "?".into(),
            |e| {
                format!(
                    "title id {:08X}, media id {:08X}, version {} (base {}), platform {}, \
                     executable table {}, disc {} of {}, savegame id {:#x}",
                    e.title_id,
                    e.media_id,
                    e.version,
                    e.base_version,
                    e.platform,
                    e.executable_table,
                    e.disc_number,
                    e.disc_count,
                    e.savegame_id
                )
            },
        ),
        key::RESOURCE_INFO => {
            let list: Vec<String> = info
                .resources
                .iter()
                .map(|r| format!("{:?} at {:#010x} ({:#x} bytes)", r.name, r.address, r.size))
                .collect();
            format!("{} [{}]", list.len(), list.join("; "))
        }
        key::STATIC_LIBRARIES => {
            let list: Vec<String> = info
                .static_libraries
                .iter()
                .map(|l| format!("{} {}.{}.{}.{}", l.name, l.major, l.minor, l.build, l.qfe))
                .collect();
            format!("{} [{}]", list.len(), list.join(", "))
        }
        key::CHECKSUM_TIMESTAMP => info.checksum_timestamp.map_or_else(
            || "?".into(),
            |(sum, time)| format!("checksum {sum:#010x}, timestamp {time:#010x}"),
        ),
        key::LAN_KEY => info.lan_key.map_or_else(|| "?".into(), |k| hex_bytes(&k)),
        key::ALTERNATE_TITLE_IDS => {
            let ids: Vec<String> = info
                .alternate_title_ids
                .iter()
                .map(|id| format!("{id:08X}"))
                .collect();
            ids.join(", ")
        }
        key::EXPORTS_BY_NAME => info.exports_by_name.map_or_else(
            || "?".into(),
            |(offset, size)| format!("directory at {offset:#x}, {size:#x} bytes"),
        ),
        _ => raw(&header.value),
    }
}

fn raw(value: &OptionalValue) -> String {
    match value {
        OptionalValue::Inline(v) => format!("{v:#010x}"),
        OptionalValue::Data { offset, bytes } => {
            let shown = bytes.get(..16).unwrap_or(bytes);
            let more = if bytes.len() > shown.len() {
                " ..."
            } else {
                ""
            };
            format!(
                "{} bytes at {offset:#x}: {}{more}",
                bytes.len(),
                hex_bytes(shown)
            )
        }
    }
}

fn hex_bytes(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn file_format(xex: &Xex) -> String {
    let format = &xex.headers.file_format;
    let encryption = match (format.encryption, xex.key) {
        (Encryption::None, _) => "not encrypted".to_string(),
        (Encryption::Normal, Some((kind, _))) => {
            let which = match kind {
                KeyKind::Retail => "retail",
                KeyKind::Devkit => "devkit",
            };
            format!("AES-128-CBC, session key wrapped with the {which} key")
        }
        (Encryption::Normal, None) => "AES-128-CBC".to_string(),
    };
    let compression = match &format.compression {
        Compression::None => "uncompressed".to_string(),
        Compression::Basic(blocks) => {
            let data: u64 = blocks.iter().map(|b| u64::from(b.data_size)).sum();
            let zeros: u64 = blocks.iter().map(|b| u64::from(b.zero_size)).sum();
            format!(
                "basic compression, {} blocks ({data:#x} bytes stored, {zeros:#x} zero bytes left out)",
                blocks.len()
            )
        }
        Compression::Normal {
            window_size,
            first_block,
        } => format!(
            "LZX, window {window_size:#x}, first block {:#x} bytes",
            first_block.size
        ),
    };
    format!("{encryption}; {compression}")
}

fn import_libraries(out: &mut String, xex: &Xex) {
    line!(out, "Import libraries");
    if xex.headers.import_libraries.is_empty() {
        line!(out, "  (none)");
    }
    for lib in &xex.headers.import_libraries {
        line!(
            out,
            "  {:<14} version {} (minimum {}), id {:#010x}, {} records",
            lib.name,
            lib.version,
            lib.min_version,
            lib.id,
            lib.records.len()
        );
    }
}

fn security(out: &mut String, xex: &Xex) {
    let s = &xex.headers.security;
    line!(out, "Security info");
    line!(out, "  header size         {:#x}", s.header_size);
    line!(out, "  image size          {:#x}", s.image_size);
    line!(out, "  load address        {:#010x}", s.load_address);
    line!(
        out,
        "  image flags         {}",
        flags(s.image_flags, &IMAGE_FLAG_NAMES)
    );
    line!(out, "  import tables       {}", s.import_table_count);
    line!(out, "  export table        {:#010x}", s.export_table);
    line!(out, "  game regions        {:#010x}", s.game_regions);
    line!(out, "  allowed media       {:#010x}", s.allowed_media_types);
    line!(out, "  file key            {}", hex_bytes(&s.file_key));
    let (mut code, mut data, mut read_only, mut other) = (0u64, 0u64, 0u64, 0u64);
    for d in &s.page_descriptors {
        let count = u64::from(d.page_count);
        match d.kind {
            PageKind::Code => code += count,
            PageKind::Data => data += count,
            PageKind::ReadOnly => read_only += count,
            PageKind::Other(_) => other += count,
        }
    }
    line!(
        out,
        "  page descriptors    {} of {:#x}-byte pages: {code} code, {data} data, {read_only} read-only{}",
        s.page_descriptors.len(),
        s.page_size(),
        if other > 0 {
            format!(", {other} of unknown kind")
        } else {
            String::new()
        }
    );
}

fn sections(out: &mut String, xex: &Xex) {
    line!(out, "PE image");
    let Some(pe) = &xex.pe else {
        line!(out, "  (no PE headers: raw image)");
        return;
    };
    line!(
        out,
        "  machine {:#06x}, subsystem {}, image base {:#010x}, entry RVA {:#x}, size {:#x}",
        pe.machine,
        pe.subsystem,
        pe.image_base,
        pe.entry_point_rva,
        pe.size_of_image
    );
    line!(
        out,
        "  {:<8} {:>10} {:>10} {:>10} {:>10}  flags",
        "section",
        "address",
        "size",
        "raw at",
        "raw size"
    );
    for s in &pe.sections {
        let address = xex.base_address().wrapping_add(s.virtual_address);
        let c = s.characteristics;
        let rwx: String = [(0x4000_0000, 'r'), (0x8000_0000, 'w'), (0x2000_0000, 'x')]
            .iter()
            .map(|&(bit, ch)| if c & bit != 0 { ch } else { '-' })
            .collect();
        line!(
            out,
            "  {:<8} {address:#010x} {:#10x} {:#10x} {:#10x}  {rwx} ({c:#010x})",
            s.name,
            s.virtual_size,
            s.raw_offset,
            s.raw_size
        );
    }
}

fn imports(out: &mut String, xex: &Xex) {
    line!(out, "Imports ({})", xex.imports.len());
    let mut unknown = 0;
    for import in &xex.imports {
        let kind = match import.kind {
            ImportKind::Function => "function",
            ImportKind::Variable => "variable",
        };
        let thunk = import
            .thunk
            .map_or_else(String::new, |t| format!(" thunk {t:#010x}"));
        let (name, note) = match ordinals::export(&import.library, import.ordinal) {
            Some(export) => {
                let expected = match export.kind {
                    ExportKind::Function => ImportKind::Function,
                    ExportKind::Variable => ImportKind::Variable,
                };
                let note = if expected == import.kind {
                    ""
                } else {
                    "  ! the module exports this as the other kind"
                };
                (export.name, note)
            }
            None => {
                unknown += 1;
                ("?", "  ! UNKNOWN ORDINAL")
            }
        };
        line!(
            out,
            "  {:<14} {:#06x} {:<40} {kind} slot {:#010x}{thunk}{note}",
            import.library,
            import.ordinal,
            name,
            import.address
        );
    }
    if unknown > 0 {
        line!(out, "  {unknown} imports name no known export");
    }
}
