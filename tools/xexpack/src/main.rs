//! `xexpack`: ELF in, XEX2 out. See README.md for the import convention and a build recipe.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Parser, ValueEnum};
use oxenon_kernel::xex::write::PayloadFormat;
use xexpack::{derive_session_key, pack, PackOptions, DEFAULT_BASE};

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The image stored as is.
    Uncompressed,
    /// Zero runs left out.
    Basic,
    /// LZX-compressed.
    Lzx,
    /// LZX framing around stored LZX blocks (does not compress).
    LzxStored,
}

#[derive(Parser)]
#[command(
    version,
    about = "Pack a linked big-endian PowerPC ELF executable into an Xbox 360 XEX2 file"
)]
struct Cli {
    /// The linked ELF executable (32- or 64-bit, big-endian PowerPC).
    input: PathBuf,
    /// Where to write the XEX.
    #[arg(short, long)]
    output: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Lzx)]
    format: Format,
    /// Encrypt the payload (AES-128-CBC; the session key is wrapped with the retail key).
    #[arg(long)]
    encrypt: bool,
    /// Session key as 32 hex digits (implies --encrypt); by default one is derived from the ELF.
    #[arg(long, value_name = "HEX")]
    session_key: Option<String>,
    /// Image base address.
    #[arg(long, value_parser = parse_u32, default_value_t = DEFAULT_BASE)]
    base: u32,
    /// Leave the image's first page to the ELF instead of synthesized PE headers.
    #[arg(long)]
    no_pe_header: bool,
    /// Map an import alias to a library file, e.g. `--library xbdm=xbdm.xex`.
    #[arg(long = "library", value_name = "ALIAS=FILE")]
    libraries: Vec<String>,
    /// Original PE name recorded in the header (default: the input's name with .exe).
    #[arg(long)]
    pe_name: Option<String>,
    #[arg(long, value_parser = parse_u32)]
    stack_size: Option<u32>,
    #[arg(long, value_parser = parse_u32)]
    heap_size: Option<u32>,
    /// Page descriptors of 64 KiB pages instead of 4 KiB ones.
    #[arg(long)]
    large_pages: bool,
}

fn parse_u32(text: &str) -> Result<u32, String> {
    let parsed = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => u32::from_str_radix(&hex.replace('_', ""), 16),
        None => text.replace('_', "").parse(),
    };
    parsed.map_err(|e| format!("{text:?} is not a 32-bit number: {e}"))
}

fn parse_key(text: &str) -> Result<[u8; 16]> {
    let digits: Vec<u8> = text
        .as_bytes()
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap_or("?"), 16))
        .collect::<Result<_, _>>()
        .with_context(|| format!("session key {text:?} is not hexadecimal"))?;
    digits
        .try_into()
        .map_err(|d: Vec<u8>| anyhow::anyhow!("session key has {} bytes, expected 16", d.len()))
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let elf =
        std::fs::read(&cli.input).with_context(|| format!("reading {}", cli.input.display()))?;

    let mut options = PackOptions {
        base: cli.base,
        format: match cli.format {
            Format::Uncompressed => PayloadFormat::Uncompressed,
            Format::Basic => PayloadFormat::Basic,
            Format::Lzx => PayloadFormat::Lzx,
            Format::LzxStored => PayloadFormat::LzxStored,
        },
        pe_header: !cli.no_pe_header,
        stack_size: cli.stack_size,
        heap_size: cli.heap_size,
        large_pages: cli.large_pages,
        ..PackOptions::default()
    };
    options.session_key = match (&cli.session_key, cli.encrypt) {
        (Some(hex), _) => Some(parse_key(hex)?),
        (None, true) => Some(derive_session_key(&elf)),
        (None, false) => None,
    };
    for mapping in &cli.libraries {
        let Some((alias, file)) = mapping.split_once('=') else {
            bail!("--library {mapping:?}: expected ALIAS=FILE");
        };
        options
            .library_names
            .insert(alias.to_string(), file.to_string());
    }
    options.original_pe_name = Some(cli.pe_name.clone().unwrap_or_else(|| {
        let stem = cli
            .input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
        format!("{}.exe", stem.unwrap_or_else(|| "default".into()))
    }));

    let packed =
        pack(&elf, &options).with_context(|| format!("packing {}", cli.input.display()))?;
    for warning in &packed.warnings {
        eprintln!("xexpack: warning: {warning}");
    }
    std::fs::write(&cli.output, &packed.file)
        .with_context(|| format!("writing {}", cli.output.display()))?;
    let imports: usize = packed.imports.iter().map(|l| l.imports.len()).sum();
    eprintln!(
        "xexpack: wrote {} ({} bytes; image {:#x} bytes at {:#010x}, entry {:#010x}, {imports} imports)",
        cli.output.display(),
        packed.file.len(),
        packed.image.len(),
        options.base,
        packed.entry_point
    );
    Ok(())
}
