//! Loading a static big-endian PowerPC executable into guest memory: 64-bit (ELFv1) or
//! 32-bit.
//!
//! Only what a static executable needs: its PT_LOAD segments at their link addresses, with
//! the bss zeroed. The entry point of an ELFv1 executable is a function descriptor (code
//! address, TOC pointer, environment), read here once the segments are in place; a 32-bit
//! executable's is its first instruction.

use super::syscall::Abi;
use anyhow::{bail, Context as _, Result};
use object::elf::{
    FileHeader32, FileHeader64, ELFCLASS32, ELFCLASS64, EM_PPC, EM_PPC64, ET_EXEC, PF_R, PF_W,
    PF_X, PT_LOAD,
};
use object::read::elf::{FileHeader, ProgramHeader};
use object::BigEndian;
use oxenon_jit::memory::{Memory, Perm, PAGE_SIZE};
use std::collections::BTreeMap;

/// Where the loaded image lives, as the initial stack and the system call layer need it.
#[derive(Debug, Clone, Copy)]
pub struct Image {
    pub abi: Abi,
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
    if data.len() < 6 || &data[..4] != b"\x7fELF" {
        bail!("not an ELF file");
    }
    if data[5] != object::elf::ELFDATA2MSB.0 {
        bail!("not a big-endian ELF file (PowerPC Linux executables are big-endian here)");
    }
    match data[4] {
        c if c == ELFCLASS64.0 => {
            let header = FileHeader64::<BigEndian>::parse(data).context("malformed ELF header")?;
            load_class(mem, data, header, Abi::Ppc64)
        }
        c if c == ELFCLASS32.0 => {
            let header = FileHeader32::<BigEndian>::parse(data).context("malformed ELF header")?;
            load_class(mem, data, header, Abi::Ppc32)
        }
        c => bail!("unknown ELF class {c}"),
    }
}

fn load_class<H: FileHeader<Endian = BigEndian>>(
    mem: &Memory,
    data: &[u8],
    header: &H,
    abi: Abi,
) -> Result<Image> {
    let e = header.endian().context("not a big-endian ELF file")?;
    match (header.e_machine(e), abi) {
        (EM_PPC64, Abi::Ppc64) | (EM_PPC, Abi::Ppc32) => {}
        (EM_PPC64 | EM_PPC, _) => bail!("the ELF class does not match the machine (e_machine)"),
        (m, _) => bail!("not a PowerPC executable (e_machine {m})"),
    }
    // e_flags bits 0..1 give the ABI version; 2 is ELFv2, which has no function descriptors.
    if abi == Abi::Ppc64 && header.e_flags(e).0 & 3 == 2 {
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
    let phoff: u64 = header.e_phoff(e).into();
    for p in phdrs.iter().filter(|p| p.p_type(e) == PT_LOAD) {
        let (vaddr, memsz, filesz, offset): (u64, u64, u64, u64) = (
            p.p_vaddr(e).into(),
            p.p_memsz(e).into(),
            p.p_filesz(e).into(),
            p.p_offset(e).into(),
        );
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
        if phoff >= offset && phoff - offset < filesz {
            phdr = Some(vaddr.wrapping_add(phoff - offset) as u32);
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
            mem.write_bytes(p.p_vaddr(e).into() as u32, bytes)
                .context("copying a segment into guest memory")?;
        }
    }
    let entry: u64 = header.e_entry(e).into();
    let descriptor = |off: u32| -> Result<u64> {
        let a = u32::try_from(entry)
            .ok()
            .context("entry point above 4 GiB")?;
        mem.read_u64(a.wrapping_add(off))
            .with_context(|| format!("the entry descriptor at {entry:#x} is not loaded"))
    };
    let (entry_code, entry_toc) = match abi {
        Abi::Ppc64 => (descriptor(0)?, descriptor(8)?),
        Abi::Ppc32 => (entry, 0),
    };
    for (&page, &perm) in &pages {
        mem.map(page * PAGE_SIZE, u64::from(PAGE_SIZE), perm_from_bits(perm))?;
    }
    Ok(Image {
        abi,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal static ELFv1 executable, laid out by hand from the ELF-64 and ppc64 ABI
    /// definitions: the file header, one PT_LOAD program header (the whole file at
    /// 0x10000000, read and execute, 0x100 bytes of bss), the entry descriptor at 0x100
    /// (code 0x10000200, TOC 0x10008000) and `li r3, 0; blr` at 0x200.
    fn tiny_elf() -> Vec<u8> {
        let mut f = vec![0u8; 0x300];
        let put = |f: &mut Vec<u8>, at: usize, bytes: &[u8]| {
            f[at..at + bytes.len()].copy_from_slice(bytes)
        };
        put(&mut f, 0, b"\x7fELF\x02\x02\x01");
        put(&mut f, 16, &2u16.to_be_bytes()); // ET_EXEC
        put(&mut f, 18, &21u16.to_be_bytes()); // EM_PPC64
        put(&mut f, 20, &1u32.to_be_bytes());
        put(&mut f, 24, &0x1000_0100u64.to_be_bytes()); // e_entry: the descriptor
        put(&mut f, 32, &64u64.to_be_bytes()); // e_phoff
        put(&mut f, 48, &1u32.to_be_bytes()); // e_flags: ELFv1
        put(&mut f, 52, &64u16.to_be_bytes()); // e_ehsize
        put(&mut f, 54, &56u16.to_be_bytes()); // e_phentsize
        put(&mut f, 56, &1u16.to_be_bytes()); // e_phnum
        let ph = 64;
        put(&mut f, ph, &1u32.to_be_bytes()); // PT_LOAD
        put(&mut f, ph + 4, &5u32.to_be_bytes()); // PF_R | PF_X
        put(&mut f, ph + 16, &0x1000_0000u64.to_be_bytes()); // p_vaddr
        put(&mut f, ph + 24, &0x1000_0000u64.to_be_bytes()); // p_paddr
        put(&mut f, ph + 32, &0x300u64.to_be_bytes()); // p_filesz
        put(&mut f, ph + 40, &0x400u64.to_be_bytes()); // p_memsz
        put(&mut f, ph + 48, &0x1_0000u64.to_be_bytes()); // p_align
        put(&mut f, 0x100, &0x1000_0200u64.to_be_bytes());
        put(&mut f, 0x108, &0x1000_8000u64.to_be_bytes());
        put(&mut f, 0x200, &0x3860_0000u32.to_be_bytes());
        put(&mut f, 0x204, &0x4e80_0020u32.to_be_bytes());
        f
    }

    /// The 32-bit counterpart, from the ELF-32 and PowerPC processor ABI definitions: one
    /// PT_LOAD header (the file at 0x10000000, read and execute, 0x100 bytes of bss) and the
    /// entry point, `li r3, 0; blr`, at 0x10000100 (no descriptor in this ABI).
    fn tiny_elf32() -> Vec<u8> {
        let mut f = vec![0u8; 0x200];
        let put = |f: &mut Vec<u8>, at: usize, bytes: &[u8]| {
            f[at..at + bytes.len()].copy_from_slice(bytes)
        };
        put(&mut f, 0, b"\x7fELF\x01\x02\x01");
        put(&mut f, 16, &2u16.to_be_bytes()); // ET_EXEC
        put(&mut f, 18, &20u16.to_be_bytes()); // EM_PPC
        put(&mut f, 20, &1u32.to_be_bytes());
        put(&mut f, 24, &0x1000_0100u32.to_be_bytes()); // e_entry
        put(&mut f, 28, &52u32.to_be_bytes()); // e_phoff
        put(&mut f, 40, &52u16.to_be_bytes()); // e_ehsize
        put(&mut f, 42, &32u16.to_be_bytes()); // e_phentsize
        put(&mut f, 44, &1u16.to_be_bytes()); // e_phnum
        let ph = 52;
        put(&mut f, ph, &1u32.to_be_bytes()); // PT_LOAD
        put(&mut f, ph + 8, &0x1000_0000u32.to_be_bytes()); // p_vaddr
        put(&mut f, ph + 12, &0x1000_0000u32.to_be_bytes()); // p_paddr
        put(&mut f, ph + 16, &0x200u32.to_be_bytes()); // p_filesz
        put(&mut f, ph + 20, &0x300u32.to_be_bytes()); // p_memsz
        put(&mut f, ph + 24, &5u32.to_be_bytes()); // PF_R | PF_X
        put(&mut f, ph + 28, &0x1_0000u32.to_be_bytes()); // p_align
        put(&mut f, 0x100, &0x3860_0000u32.to_be_bytes());
        put(&mut f, 0x104, &0x4e80_0020u32.to_be_bytes());
        f
    }

    #[test]
    fn a_minimal_32_bit_executable_starts_at_its_entry_point() {
        let mem = Memory::new().unwrap();
        let image = load(&mem, &tiny_elf32()).unwrap();
        assert_eq!(image.abi, Abi::Ppc32);
        assert_eq!((image.entry, image.entry_code), (0x1000_0100, 0x1000_0100));
        assert_eq!((image.phdr, image.phent, image.phnum), (0x1000_0034, 32, 1));
        assert_eq!(image.brk, 0x1000_1000);
        assert_eq!(mem.read_u32(0x1000_0104).unwrap(), 0x4e80_0020);
        // A 32-bit class with the 64-bit machine is refused.
        let mut f = tiny_elf32();
        f[19] = 21;
        assert!(load(&Memory::new().unwrap(), &f).is_err());
    }

    #[test]
    fn a_minimal_executable_loads_where_its_header_says() {
        let mem = Memory::new().unwrap();
        let image = load(&mem, &tiny_elf()).unwrap();
        assert_eq!(
            (image.entry, image.entry_code, image.entry_toc),
            (0x1000_0100, 0x1000_0200, 0x1000_8000)
        );
        assert_eq!((image.phdr, image.phent, image.phnum), (0x1000_0040, 56, 1));
        assert_eq!(image.brk, 0x1000_1000);
        assert_eq!(mem.read_u32(0x1000_0204).unwrap(), 0x4e80_0020);
        assert_eq!(mem.perm(0x1000_0000), Perm::RX);
    }

    /// Bounded fuzzing of the loader: thousands of corruptions of the minimal executable
    /// (bytes, words and lengths set to random or extreme values, the file truncated) must
    /// each load or be refused with an error, never panic.
    #[test]
    fn corrupted_executables_are_refused_without_panicking() {
        corrupt(tiny_elf(), 0x9e37_79b9_7f4a_7c15);
        corrupt(tiny_elf32(), 0x2545_f491_4f6c_dd1d);
    }

    fn corrupt(good: Vec<u8>, mut seed: u64) {
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let (mut loaded, mut refused) = (0, 0);
        for _ in 0..3000 {
            let mut f = good.clone();
            for _ in 0..1 + next() % 4 {
                // Mostly the headers and the descriptor, where the loader looks.
                let at = (next() % 0x120) as usize;
                if at >= f.len() {
                    continue;
                }
                match next() % 4 {
                    0 => f[at] = next() as u8,
                    1 => f[at] ^= 1 << (next() % 8),
                    2 if at + 8 <= f.len() => {
                        let v = [0, u64::MAX, 1 << 32, 0x8000_0000_0000_0000, next()]
                            [(next() % 5) as usize];
                        f[at..at + 8].copy_from_slice(&v.to_be_bytes());
                    }
                    _ => f.truncate(at),
                }
            }
            let mem = Memory::new().unwrap();
            match load(&mem, &f) {
                Ok(_) => loaded += 1,
                Err(_) => refused += 1,
            }
        }
        // Both outcomes occur: the corruptions reach past the first checks.
        assert!(
            loaded > 100 && refused > 100,
            "{loaded} loaded, {refused} refused"
        );
    }
}
