//! Reading the ELF: loadable segments, entry point, symbols.

use object::{Architecture, Object, ObjectSegment, ObjectSymbol, SegmentFlags};

use super::PackError;

/// Where Xbox 360 titles are loaded.
pub const DEFAULT_BASE: u32 = 0x8200_0000;

#[derive(Debug, Clone)]
pub struct Segment {
    pub address: u64,
    pub mem_size: u64,
    pub data: Vec<u8>,
    pub execute: bool,
    pub write: bool,
}

pub(crate) struct Program {
    pub segments: Vec<Segment>,
    pub entry: u32,
    /// Name and address of every defined symbol.
    pub symbols: Vec<(String, u64)>,
}

fn input(message: String) -> PackError {
    PackError::Input(message)
}

pub(crate) fn read(bytes: &[u8]) -> Result<Program, PackError> {
    let file = object::File::parse(bytes)?;
    if !matches!(
        file.architecture(),
        Architecture::PowerPc | Architecture::PowerPc64
    ) || file.is_little_endian()
    {
        return Err(input(format!(
            "expected a big-endian PowerPC ELF, found {:?} ({})",
            file.architecture(),
            if file.is_little_endian() {
                "little-endian"
            } else {
                "big-endian"
            }
        )));
    }
    let mut segments = Vec::new();
    for segment in file.segments() {
        let (execute, write) = match segment.flags() {
            SegmentFlags::Elf { p_flags, .. } => (p_flags.0 & 1 != 0, p_flags.0 & 2 != 0),
            _ => (false, false),
        };
        let (_, file_size) = segment.file_range();
        if segment.size() == 0 && file_size == 0 {
            continue;
        }
        let data = segment.data()?.to_vec();
        segments.push(Segment {
            address: segment.address(),
            mem_size: segment.size().max(data.len() as u64),
            data,
            execute,
            write,
        });
    }
    if segments.is_empty() {
        return Err(input("the ELF has no loadable segments".into()));
    }
    for s in &segments {
        if s.address + s.mem_size > 1 << 32 {
            return Err(input(format!(
                "segment at {:#x} does not fit in 32-bit memory",
                s.address
            )));
        }
    }
    let symbols = file
        .symbols()
        .filter(|s| s.is_definition() || s.section_index().is_some())
        .filter_map(|s| Some((s.name().ok()?.to_string(), s.address())))
        .collect();
    let entry = entry_code_address(&file, &segments)?;
    Ok(Program {
        segments,
        entry,
        symbols,
    })
}

/// The 64-bit ELFv1 ABI makes the entry point a function descriptor (code address, TOC, env)
/// in a data segment; the XEX entry point must be the code address itself.
fn entry_code_address(file: &object::File<'_>, segments: &[Segment]) -> Result<u32, PackError> {
    let entry = file.entry();
    let containing = segments
        .iter()
        .find(|s| entry >= s.address && entry < s.address + s.mem_size)
        .ok_or_else(|| input(format!("entry point {entry:#x} is in no loadable segment")))?;
    let code = if file.is_64() && !containing.execute {
        let at = (entry - containing.address) as usize;
        let word = containing
            .data
            .get(at..at + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .ok_or_else(|| input(format!("entry descriptor at {entry:#x} is not in the file")))?;
        u64::from_be_bytes(word)
    } else {
        entry
    };
    u32::try_from(code).map_err(|_| input(format!("entry point {code:#x} is not a 32-bit address")))
}

impl Program {
    /// Segments laid out at their addresses from `base`, zero-filled in between and for .bss.
    pub(crate) fn image(&self, base: u32) -> Result<Vec<u8>, PackError> {
        let end = self
            .segments
            .iter()
            .map(|s| s.address + s.mem_size)
            .max()
            .unwrap_or(0);
        let len = end.saturating_sub(u64::from(base)) as usize;
        let mut image = vec![0u8; len];
        for s in &self.segments {
            let at = s.address.saturating_sub(u64::from(base)) as usize;
            image
                .get_mut(at..at.saturating_add(s.data.len()))
                .ok_or_else(|| input(format!("segment at {:#x} overflows the image", s.address)))?
                .copy_from_slice(&s.data);
        }
        Ok(image)
    }
}
