//! Loading a static big-endian 64-bit PowerPC (ELFv1) executable into guest memory.
//!
//! Only what a static executable needs: its PT_LOAD segments at their link addresses, with
//! the bss zeroed. The entry point of an ELFv1 executable is a function descriptor (code
//! address, TOC pointer, environment), read here once the segments are in place.

use anyhow::{bail, Context as _, Result};
use object::elf::{FileHeader64, ELFCLASS32, EM_PPC, EM_PPC64, ET_EXEC, PF_R, PF_W, PF_X, PT_LOAD};
use object::read::elf::{FileHeader, ProgramHeader};
use object::BigEndian;
use oxenon_jit::memory::{Memory, Perm, PAGE_SIZE};
use std::collections::BTreeMap;

/// Where the loaded image lives, as the initial stack and the system call layer need it.
#[derive(Debug, Clone, Copy)]
pub struct Image {
    /// Address of the entry function descriptor (AT_ENTRY).
    pub entry: u32,
    /// Code address and TOC read from that descriptor.
    pub entry_code: u32,
    pub entry_toc: u64,
    /// Where the program headers are in guest memory (AT_PHDR), their size and count.
    pub phdr: u32,
    pub phent: u16,
    pub phnum: u16,
    /// First page past the highest segment: the initial program break.
    pub brk: u32,
}

/// Highest guest address a segment may reach: the stack and mmap area sit above it.
pub const IMAGE_LIMIT: u64 = super::layout::MMAP_BASE as u64;

pub fn load(mem: &Memory, data: &[u8]) -> Result<Image> {
    if data.len() >= 5 && &data[..4] == b"\x7fELF" && data[4] == ELFCLASS32.0 {
        bail!("32-bit ELF executables are not supported (only 64-bit PowerPC ELFv1)");
    }
    let header =
        FileHeader64::<BigEndian>::parse(data).context("not a 64-bit big-endian ELF file")?;
    let e = header.endian().context("not a big-endian ELF file")?;
    match header.e_machine(e) {
        EM_PPC64 => {}
        EM_PPC => bail!("32-bit PowerPC executables are not supported"),
        m => bail!("not a PowerPC executable (e_machine {m})"),
    }
    // e_flags bits 0..1 give the ABI version; 2 is ELFv2, which has no function descriptors.
    if header.e_flags(e).0 & 3 == 2 {
        bail!("ELFv2 executables are not supported (ELFv1 only)");
    }
    let phdrs = header
        .program_headers(e, data)
        .context("malformed program header table")?;
    if phdrs.iter().any(|p| p.p_type(e) == object::elf::PT_INTERP) {
        bail!("dynamically linked executables are not supported; link with -static");
    }
    if header.e_type(e) != ET_EXEC {
        bail!(
            "only static executables at fixed addresses (ET_EXEC) are supported; link with -static"
        );
    }

    // Pages may be shared by two segments: each page gets the union of their permissions.
    let mut pages: BTreeMap<u32, u8> = BTreeMap::new();
    let mut brk = 0u64;
    let mut phdr = None;
    let phoff = header.e_phoff(e);
    for p in phdrs.iter().filter(|p| p.p_type(e) == PT_LOAD) {
        let (vaddr, memsz, filesz, offset) =
            (p.p_vaddr(e), p.p_memsz(e), p.p_filesz(e), p.p_offset(e));
        if memsz == 0 {
            continue;
        }
        let end = vaddr.saturating_add(memsz);
        if end > IMAGE_LIMIT || filesz > memsz {
            bail!(
                "segment {vaddr:#x}+{memsz:#x} does not fit below {IMAGE_LIMIT:#x} \
                 (guest addresses are 32-bit)"
            );
        }
        let flags = p.p_flags(e).0;
        let mut perm = 0;
        if flags & PF_R.0 != 0 {
            perm |= Perm::READ.bits();
        }
        if flags & PF_W.0 != 0 {
            perm |= Perm::WRITE.bits();
        }
        if flags & PF_X.0 != 0 {
            perm |= Perm::EXEC.bits() | Perm::READ.bits();
        }
        let first = vaddr as u32 / PAGE_SIZE;
        let last = ((end - 1) / u64::from(PAGE_SIZE)) as u32;
        for page in first..=last {
            *pages.entry(page).or_default() |= perm;
        }
        brk = brk.max(end);
        if phoff >= offset && phoff < offset + filesz {
            phdr = Some((vaddr + (phoff - offset)) as u32);
        }
    }
    if pages.is_empty() {
        bail!("the executable has no loadable segment");
    }
    // Map writable first so the loader can copy in file contents, then apply final rights.
    for &page in pages.keys() {
        mem.map(page * PAGE_SIZE, u64::from(PAGE_SIZE), Perm::RW)?;
    }
    for p in phdrs.iter().filter(|p| p.p_type(e) == PT_LOAD) {
        let bytes = p
            .data(e, data)
            .map_err(|_| anyhow::anyhow!("a segment's file range lies outside the file"))?;
        if !bytes.is_empty() {
            mem.write_bytes(p.p_vaddr(e) as u32, bytes)
                .context("copying a segment into guest memory")?;
        }
    }
    let entry = header.e_entry(e);
    let descriptor = |off: u32| -> Result<u64> {
        let a = u32::try_from(entry)
            .ok()
            .context("entry point above 4 GiB")?;
        mem.read_u64(a.wrapping_add(off))
            .with_context(|| format!("the entry descriptor at {entry:#x} is not loaded"))
    };
    let entry_code = descriptor(0)?;
    let entry_toc = descriptor(8)?;
    for (&page, &perm) in &pages {
        mem.map(page * PAGE_SIZE, u64::from(PAGE_SIZE), perm_from_bits(perm))?;
    }
    Ok(Image {
        entry: entry as u32,
        entry_code: u32::try_from(entry_code).ok().with_context(|| {
            format!("entry code address {entry_code:#x} does not fit in 32 bits")
        })?,
        entry_toc,
        phdr: phdr.unwrap_or(0),
        phent: header.e_phentsize(e),
        phnum: header.e_phnum(e),
        brk: brk.next_multiple_of(u64::from(PAGE_SIZE)) as u32,
    })
}

fn perm_from_bits(bits: u8) -> Perm {
    match bits {
        0 => Perm::NONE,
        1 => Perm::READ,
        2 | 3 => Perm::RW,
        4 | 5 => Perm::RX,
        _ => Perm::RWX,
    }
}
