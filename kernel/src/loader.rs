//! Loading a title: the XEX image into guest memory with its page protections, and its
//! imports bound to the kernel.
//!
//! Every function import gets a kernel stub (`sc` then `blr`) in the kernel's stub page; the
//! import's slot holds the stub's address and its 16-byte thunk is rewritten to jump there
//! (`lis r11; ori r11; mtctr r11; bctr`), so the caller's LR survives and the export returns
//! straight to it. Variable imports point at kernel-owned guest memory.

use crate::arena::{STUB_BASE, STUB_SIZE};
use crate::exports::{self, ExportFn};
use crate::memory::consts::PAGE_EXECUTE_READWRITE;
use crate::ordinals::{self, ExportKind};
use crate::state::State;
use crate::xex::{ImportKind, PageKind, Xex};
use oxenon_jit::{Memory, Perm};

/// Where a thread whose start routine returns goes: a lone `sc`, which ends the thread with
/// r3 as its exit code.
pub const THREAD_EXIT_STUB: u32 = STUB_BASE;
const SC: u32 = 0x4400_0002;
const BLR: u32 = 0x4E80_0020;
const STUB_STRIDE: u32 = 8;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("the image ({size:#x} bytes at {base:#010x}) does not fit the 0x80000000-0x9FFFFFFF image space")]
    ImageRange { base: u32, size: u32 },
    #[error(
        "the title imports from {0} modules' worth of functions; more than the stub page holds"
    )]
    TooManyImports(usize),
    #[error("guest memory: {0}")]
    Memory(String),
}

/// A kernel stub: which export a system call at it means.
#[derive(Debug, Clone)]
pub struct Stub {
    pub library: String,
    pub ordinal: u16,
    /// The export's name from the ordinal table, or `ordinal_N` if the table has none.
    pub name: String,
    /// The implemented export's name as a static label (empty when unimplemented).
    pub export_name: &'static str,
    pub f: Option<ExportFn>,
}

/// A title in memory, ready to start.
#[derive(Debug)]
pub struct Loaded {
    pub entry: u32,
    pub base: u32,
    pub size: u32,
    pub stack_size: u32,
    pub stubs: Vec<Stub>,
    /// Variable imports the kernel has no data for (given zeroed memory).
    pub unknown_variables: Vec<(String, u16, String)>,
}

/// Maps the image and binds its imports.
pub fn load(mem: &Memory, xex: &Xex, st: &mut State) -> Result<Loaded, LoadError> {
    let base = xex.headers.base_address();
    let size = xex.image.len() as u32;
    let end = u64::from(base) + u64::from(size);
    if base < 0x8000_0000 || end > 0xA000_0000 || size == 0 {
        return Err(LoadError::ImageRange { base, size });
    }
    let merr = |e: oxenon_jit::memory::MemoryError| LoadError::Memory(e.to_string());
    st.vm
        .map_image(base, size, PAGE_EXECUTE_READWRITE)
        .map_err(|s| LoadError::Memory(format!("cannot map the image: status {s:#010x}")))?;
    mem.poke_bytes(base, &xex.image).map_err(merr)?;

    let mut stubs = vec![Stub {
        library: "kernel".into(),
        ordinal: 0,
        name: "thread exit".into(),
        export_name: "",
        f: None,
    }];
    let mut code = vec![SC, BLR];
    let mut unknown_variables = Vec::new();
    for import in &xex.imports {
        let known = ordinals::export(&import.library, import.ordinal);
        let name = known.map_or_else(|| format!("ordinal_{}", import.ordinal), |e| e.name.into());
        match import.kind {
            ImportKind::Function => {
                let index = stubs.len() as u32;
                let addr = STUB_BASE + STUB_STRIDE * index;
                if STUB_STRIDE * (index + 1) > STUB_SIZE {
                    return Err(LoadError::TooManyImports(xex.imports.len()));
                }
                code.extend([SC, BLR]);
                let found = exports::find(&import.library, &name);
                stubs.push(Stub {
                    library: import.library.clone(),
                    ordinal: import.ordinal,
                    name,
                    export_name: found.map_or("", |e| e.name),
                    f: found.map(|e| e.f),
                });
                let _ = mem.poke_bytes(import.address, &addr.to_be_bytes());
                if let Some(thunk) = import.thunk {
                    let words = [
                        0x3D60_0000 | (addr >> 16),
                        0x616B_0000 | (addr & 0xFFFF),
                        0x7D69_03A6,
                        0x4E80_0420,
                    ];
                    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
                    mem.poke_bytes(thunk, &bytes).map_err(merr)?;
                }
            }
            ImportKind::Variable => {
                let is_var = known.is_none_or(|e| e.kind == ExportKind::Variable);
                let addr = crate::variables::address_of(mem, st, &import.library, &name)
                    .map_err(|s| LoadError::Memory(format!("kernel variable {name}: {s:#x}")))?;
                if addr.1 || !is_var {
                    unknown_variables.push((import.library.clone(), import.ordinal, name));
                }
                let _ = mem.poke_bytes(import.address, &addr.0.to_be_bytes());
            }
        }
    }
    mem.map(STUB_BASE, u64::from(STUB_SIZE), Perm::RW)
        .map_err(merr)?;
    let bytes: Vec<u8> = code.iter().flat_map(|w| w.to_be_bytes()).collect();
    mem.poke_bytes(STUB_BASE, &bytes).map_err(merr)?;
    mem.protect(STUB_BASE, u64::from(STUB_SIZE), Perm::RX)
        .map_err(merr)?;

    protect_pages(mem, xex, base, size).map_err(merr)?;
    Ok(Loaded {
        entry: xex.headers.info.entry_point.unwrap_or(base),
        base,
        size,
        stack_size: xex.headers.info.default_stack_size.unwrap_or(256 * 1024),
        stubs,
        unknown_variables,
    })
}

/// Gives each page the protection its descriptor asks for.
fn protect_pages(
    mem: &Memory,
    xex: &Xex,
    base: u32,
    size: u32,
) -> Result<(), oxenon_jit::memory::MemoryError> {
    let page = xex.headers.security.page_size();
    let mut at = base;
    for d in &xex.headers.security.page_descriptors {
        let len = u64::from(d.page_count) * u64::from(page);
        let len = len.min(u64::from(base + size - at.min(base + size)));
        if len == 0 {
            break;
        }
        let perm = match d.kind {
            PageKind::Code => Perm::RX,
            PageKind::ReadOnly => Perm::READ,
            _ => Perm::RW,
        };
        mem.protect(at, len, perm)?;
        at += len as u32;
    }
    Ok(())
}
