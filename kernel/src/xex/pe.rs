//! The PE headers at the start of a loaded image. PE headers are little-endian even though the
//! code they describe is big-endian PowerPC.

use super::info::c_string;
use super::reader::Reader;
use super::XexError;

pub const MACHINE_POWERPC_BE: u16 = 0x01F2;
pub const SUBSYSTEM_XBOX: u16 = 14;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeImage {
    pub machine: u16,
    pub characteristics: u16,
    pub optional_magic: u16,
    pub entry_point_rva: u32,
    pub image_base: u32,
    pub section_alignment: u32,
    pub size_of_image: u32,
    pub size_of_headers: u32,
    pub subsystem: u16,
    pub sections: Vec<PeSection>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeSection {
    pub name: String,
    pub virtual_size: u32,
    /// Relative to the image base.
    pub virtual_address: u32,
    pub raw_size: u32,
    pub raw_offset: u32,
    pub characteristics: u32,
}

impl PeImage {
    /// `Ok(None)` when the image has no DOS header at all (a raw image).
    pub fn parse(image: &[u8]) -> Result<Option<Self>, XexError> {
        if image.get(..2) != Some(b"MZ") {
            return Ok(None);
        }
        let r = Reader::new(image, "PE headers");
        let bad = |offset: u64, reason| XexError::BadPe { offset, reason };
        let nt = u64::from(
            r.le_u32(0x3C)
                .map_err(|_| bad(0x3C, "DOS header is truncated"))?,
        );
        if r.bytes(nt, 4).ok() != Some(b"PE\0\0") {
            return Err(bad(nt, "no PE signature where the DOS header points"));
        }
        let truncated = |offset| move |_| bad(offset, "NT headers are truncated");
        let file = nt + 4;
        let section_count = r.le_u16(file + 2).map_err(truncated(file))?;
        let optional_size = u64::from(r.le_u16(file + 16).map_err(truncated(file))?);
        let opt = file + 20;
        let o = r
            .sub(opt, optional_size.max(0x60))
            .map_err(truncated(opt))?;
        let sections_at = opt + optional_size;
        let sections = (0..u64::from(section_count))
            .map(|i| {
                let at = sections_at + i * 40;
                let s = r
                    .sub(at, 40)
                    .map_err(|_| bad(at, "section table is truncated"))?;
                Ok(PeSection {
                    name: c_string(s.bytes(0, 8)?),
                    virtual_size: s.le_u32(8)?,
                    virtual_address: s.le_u32(12)?,
                    raw_size: s.le_u32(16)?,
                    raw_offset: s.le_u32(20)?,
                    characteristics: s.le_u32(36)?,
                })
            })
            .collect::<Result<_, XexError>>()?;
        Ok(Some(Self {
            machine: r.le_u16(file).map_err(truncated(file))?,
            characteristics: r.le_u16(file + 18).map_err(truncated(file))?,
            optional_magic: o.le_u16(0)?,
            entry_point_rva: o.le_u32(16)?,
            image_base: o.le_u32(28)?,
            section_alignment: o.le_u32(32)?,
            size_of_image: o.le_u32(56)?,
            size_of_headers: o.le_u32(60)?,
            subsystem: o.le_u16(68)?,
            sections,
        }))
    }
}
