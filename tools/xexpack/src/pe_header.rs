//! Minimal PE32 headers for the image's first page, describing the ELF segments as sections.
//! Loaders in the wild expect an image to start with them. PE headers are little-endian.

use oxenon_kernel::xex::{MACHINE_POWERPC_BE, SUBSYSTEM_XBOX};

use super::elf::Program;
use super::{PackError, PackOptions, PE_HEADER_SPACE};

const NT_OFFSET: usize = 0x40;
const OPTIONAL_OFFSET: usize = NT_OFFSET + 24;
const OPTIONAL_SIZE: usize = 0xE0;
const SECTIONS_OFFSET: usize = OPTIONAL_OFFSET + OPTIONAL_SIZE;
const SECTION_SIZE: usize = 40;

const CODE: u32 = 0x6000_0020; // code, execute, read
const DATA: u32 = 0xC000_0040; // initialized data, read, write
const READ_ONLY: u32 = 0x4000_0040; // initialized data, read

pub(crate) fn write(
    image: &mut [u8],
    options: &PackOptions,
    program: &Program,
) -> Result<(), PackError> {
    let count = program.segments.len();
    if SECTIONS_OFFSET + count * SECTION_SIZE > PE_HEADER_SPACE as usize {
        return Err(PackError::Input(format!(
            "{count} segments do not fit in the PE header page"
        )));
    }
    let base = u64::from(options.base);
    let mut h = vec![0u8; SECTIONS_OFFSET + count * SECTION_SIZE];
    let mut put = |at: usize, bytes: &[u8]| h[at..at + bytes.len()].copy_from_slice(bytes);
    put(0, b"MZ");
    put(0x3C, &(NT_OFFSET as u32).to_le_bytes());
    put(NT_OFFSET, b"PE\0\0");
    let file = NT_OFFSET + 4;
    put(file, &MACHINE_POWERPC_BE.to_le_bytes());
    put(file + 2, &(count as u16).to_le_bytes());
    put(file + 16, &(OPTIONAL_SIZE as u16).to_le_bytes());
    put(file + 18, &0x0102u16.to_le_bytes()); // executable image, 32-bit machine

    let size_of = |pred: fn(&super::Segment) -> bool| -> u32 {
        program
            .segments
            .iter()
            .filter(|s| pred(s))
            .map(|s| s.mem_size as u32)
            .sum()
    };
    let first_code = program
        .segments
        .iter()
        .find(|s| s.execute)
        .map_or(0, |s| (s.address - base) as u32);
    let image_size = image.len().next_multiple_of(0x1000) as u32;
    let o = OPTIONAL_OFFSET;
    put(o, &0x010Bu16.to_le_bytes()); // PE32
    put(o + 4, &size_of(|s| s.execute).to_le_bytes());
    put(o + 8, &size_of(|s| !s.execute).to_le_bytes());
    put(o + 16, &(program.entry - options.base).to_le_bytes());
    put(o + 20, &first_code.to_le_bytes());
    put(o + 28, &options.base.to_le_bytes());
    put(o + 32, &0x1000u32.to_le_bytes()); // section alignment
    put(o + 36, &0x1000u32.to_le_bytes()); // file alignment: the image is in memory layout
    put(o + 56, &image_size.to_le_bytes());
    put(o + 60, &PE_HEADER_SPACE.to_le_bytes());
    put(o + 68, &SUBSYSTEM_XBOX.to_le_bytes());
    put(
        o + 72,
        &options.stack_size.unwrap_or(0x4_0000).to_le_bytes(),
    );
    put(o + 76, &0x1000u32.to_le_bytes());
    put(
        o + 80,
        &options.heap_size.unwrap_or(0x10_0000).to_le_bytes(),
    );
    put(o + 84, &0x1000u32.to_le_bytes());
    put(o + 92, &16u32.to_le_bytes()); // data directories, all empty

    for (i, s) in program.segments.iter().enumerate() {
        let at = SECTIONS_OFFSET + i * SECTION_SIZE;
        let (name, flags) = match (s.execute, s.write) {
            (true, _) => (b".text\0\0\0", CODE),
            (false, true) => (b".data\0\0\0", DATA),
            (false, false) => (b".rdata\0\0", READ_ONLY),
        };
        let rva = (s.address - base) as u32;
        put(at, name);
        put(at + 8, &(s.mem_size as u32).to_le_bytes());
        put(at + 12, &rva.to_le_bytes());
        put(at + 16, &(s.data.len() as u32).to_le_bytes());
        put(at + 20, &rva.to_le_bytes());
        put(at + 36, &flags.to_le_bytes());
    }
    image
        .get_mut(..h.len())
        .ok_or_else(|| PackError::Input("the image is too small for its PE headers".into()))?
        .copy_from_slice(&h);
    Ok(())
}
