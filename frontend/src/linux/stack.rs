//! The initial process stack of a Linux PowerPC executable: argc, the argv and envp pointer
//! arrays, the auxiliary vector, and the strings and random bytes they point at, as the
//! kernel lays them out (System V ABI, 64-bit PowerPC supplement; for a 32-bit executable
//! the same with 4-byte words, as the PowerPC processor supplement has it).

use super::layout::{STACK_BOTTOM, STACK_SIZE, STACK_TOP};
use super::loader::Image;
use super::syscall::Abi;
use anyhow::{Context as _, Result};
use oxenon_jit::memory::{Memory, Perm};

// Auxiliary vector keys (linux/auxvec.h and asm/auxvec.h).
const AT_NULL: u64 = 0;
const AT_PHDR: u64 = 3;
const AT_PHENT: u64 = 4;
const AT_PHNUM: u64 = 5;
const AT_PAGESZ: u64 = 6;
const AT_BASE: u64 = 7;
const AT_FLAGS: u64 = 8;
const AT_ENTRY: u64 = 9;
const AT_UID: u64 = 11;
const AT_EUID: u64 = 12;
const AT_GID: u64 = 13;
const AT_EGID: u64 = 14;
const AT_PLATFORM: u64 = 15;
const AT_HWCAP: u64 = 16;
const AT_CLKTCK: u64 = 17;
const AT_DCACHEBSIZE: u64 = 19;
const AT_ICACHEBSIZE: u64 = 20;
const AT_UCACHEBSIZE: u64 = 21;
const AT_SECURE: u64 = 23;
const AT_RANDOM: u64 = 25;
const AT_HWCAP2: u64 = 26;
const AT_EXECFN: u64 = 31;

// PPC_FEATURE_* (asm/cputable.h): a 64-bit CPU with FPU, MMU and AltiVec at the POWER4
// level, which is what the Xenon offers to code that does not know about VMX128. Nothing
// newer is claimed, so glibc picks its baseline string and memory routines.
const HWCAP: u64 = 0x4000_0000 | 0x1000_0000 | 0x0800_0000 | 0x0400_0000 | 0x0008_0000;
/// A 64-bit kernel also tells a 32-bit process that the CPU runs 32-bit code
/// (PPC_FEATURE_32).
const HWCAP_32: u64 = 0x8000_0000;
/// The block `dcbz` clears on the Xenon (and in our interpreter); glibc's memset uses
/// AT_DCACHEBSIZE to step over blocks with it, so this must match the instruction.
const DCBZ_BLOCK: u64 = 32;
/// qemu-ppc64 reports 4 KiB pages for static executables; the guest sees the same.
const PAGE_SIZE: u64 = 4096;
const PLATFORM: &[u8] = b"ppc-cell-be\0";

/// What the entry code expects in registers besides the stack pointer.
#[derive(Debug, Clone, Copy)]
pub struct InitialStack {
    pub sp: u32,
    pub argc: u64,
    pub argv: u32,
    pub envp: u32,
    pub auxv: u32,
}

/// Identity the auxiliary vector reports.
pub struct Ids {
    pub uid: u64,
    pub gid: u64,
}

/// Maps the stack and writes the start-up data at its top.
pub fn build(
    mem: &Memory,
    image: &Image,
    args: &[Vec<u8>],
    env: &[Vec<u8>],
    execfn: &[u8],
    random: [u8; 16],
    ids: &Ids,
) -> Result<InitialStack> {
    mem.map(STACK_BOTTOM, u64::from(STACK_SIZE), Perm::RW)?;
    let mut w = Writer {
        mem,
        top: STACK_TOP,
    };
    // Strings first, highest: the executable name, then argument and environment strings.
    let execfn_addr = w.push_str(execfn)?;
    // Argument and environment strings in one ascending block, as the kernel copies them.
    let mut block = Vec::new();
    let mut offsets = Vec::with_capacity(args.len() + env.len());
    for s in args.iter().chain(env) {
        offsets.push(block.len() as u32);
        block.extend_from_slice(s);
        block.push(0);
    }
    let strings = w.push(&block)?;
    let arg_addrs: Vec<u32> = offsets[..args.len()].iter().map(|o| strings + o).collect();
    let env_addrs: Vec<u32> = offsets[args.len()..].iter().map(|o| strings + o).collect();
    let platform = w.push(PLATFORM)?;
    let random_addr = w.push(&random)?;

    let auxv: Vec<(u64, u64)> = vec![
        (AT_DCACHEBSIZE, DCBZ_BLOCK),
        (AT_ICACHEBSIZE, DCBZ_BLOCK),
        (AT_UCACHEBSIZE, 0),
        (AT_PHDR, u64::from(image.phdr)),
        (AT_PHENT, u64::from(image.phent)),
        (AT_PHNUM, u64::from(image.phnum)),
        (AT_PAGESZ, PAGE_SIZE),
        (AT_BASE, 0),
        (AT_FLAGS, 0),
        (AT_ENTRY, u64::from(image.entry)),
        (AT_UID, ids.uid),
        (AT_EUID, ids.uid),
        (AT_GID, ids.gid),
        (AT_EGID, ids.gid),
        (
            AT_HWCAP,
            match image.abi {
                Abi::Ppc64 => HWCAP,
                Abi::Ppc32 => HWCAP | HWCAP_32,
            },
        ),
        (AT_HWCAP2, 0),
        (AT_CLKTCK, 100),
        (AT_PLATFORM, u64::from(platform)),
        (AT_RANDOM, u64::from(random_addr)),
        (AT_SECURE, 0),
        (AT_EXECFN, u64::from(execfn_addr)),
        (AT_NULL, 0),
    ];
    // Pointer area: argc, argv[] + NULL, envp[] + NULL, auxv pairs; sp 16-byte aligned.
    let word = image.abi.long_bytes() as u32;
    let words = 1 + (args.len() + 1) + (env.len() + 1) + 2 * auxv.len();
    let sp = u32::try_from(words)
        .ok()
        .and_then(|n| n.checked_mul(word))
        .and_then(|n| w.top.checked_sub(n))
        .map(|a| a & !15)
        .filter(|&a| a >= STACK_BOTTOM + 64 * 1024)
        .context("arguments and environment do not fit on the initial stack")?;
    let mut table: Vec<u64> = Vec::with_capacity(words);
    table.push(args.len() as u64);
    table.extend(arg_addrs.iter().map(|&a| u64::from(a)));
    table.push(0);
    table.extend(env_addrs.iter().map(|&a| u64::from(a)));
    table.push(0);
    for (k, v) in &auxv {
        table.push(*k);
        table.push(*v);
    }
    mem.write_bytes(sp, &image.abi.longs(&table))
        .context("writing the initial stack")?;
    let argv = sp + word;
    let envp = argv + word * (args.len() as u32 + 1);
    Ok(InitialStack {
        sp,
        argc: args.len() as u64,
        argv,
        envp,
        auxv: envp + word * (env.len() as u32 + 1),
    })
}

/// Pushes data downwards from the top of the stack.
struct Writer<'a> {
    mem: &'a Memory,
    top: u32,
}

impl Writer<'_> {
    fn push(&mut self, data: &[u8]) -> Result<u32> {
        let len = u32::try_from(data.len())
            .ok()
            .context("argument too long")?;
        if self.top - STACK_BOTTOM < len + 128 * 1024 {
            anyhow::bail!("arguments and environment do not fit on the initial stack");
        }
        self.top -= len;
        self.mem
            .write_bytes(self.top, data)
            .context("writing the initial stack")?;
        Ok(self.top)
    }

    fn push_str(&mut self, s: &[u8]) -> Result<u32> {
        let mut v = Vec::with_capacity(s.len() + 1);
        v.extend_from_slice(s);
        v.push(0);
        self.push(&v)
    }
}
