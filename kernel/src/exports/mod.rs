//! The HLE exports of xboxkrnl.exe and xam.xex: one module per family, each export a plain
//! function of the call (guest registers, memory, the locked kernel state).
//!
//! Guest code reaches an export through its import thunk, which jumps to a kernel stub
//! (`sc` + `blr`); the worker sees the system call, finds the stub's export and calls it with
//! the kernel lock held. Arguments are in r3..r10, the result goes to r3, and the guest
//! continues at the stub's `blr` with its own LR, so the export returns to its caller.

/// Declares a family's `EXPORTS` table: `exports! { LIBRARY; "Name" => function, ... }`.
macro_rules! exports {
    ($library:expr; $($name:literal => $f:path),* $(,)?) => {
        pub static EXPORTS: &[$crate::exports::Implemented] = &[
            $($crate::exports::Implemented { library: $library, name: $name, f: $f },)*
        ];
    };
}

mod debug;
mod memory;
mod module;
mod printf;
mod rtl;
mod sync;
mod threading;
mod time;
mod wait;

use crate::objects::Tid;
use crate::state::State;
use oxenon_jit::{Context, Memory};

/// What an export asks the worker to do next.
#[derive(Debug)]
pub enum Outcome {
    /// Put this in r3 and continue the thread.
    Return(u64),
    /// The thread began a wait (registered in the state); park it.
    Block,
    /// The thread ends with this exit code.
    ExitThread(u32),
    /// Give the hardware thread to another ready thread, then continue (r3 already set).
    Yield,
    /// The title cannot continue (a `--strict` unimplemented export, a kernel invariant).
    Fatal(String),
}

/// One export call in progress.
pub struct Call<'a> {
    pub ctx: &'a mut Context,
    pub mem: &'a Memory,
    pub st: &'a mut State,
    pub tid: Tid,
    pub hw: usize,
}

impl Call<'_> {
    /// Argument `i` (0-based: r3 + i) as a 32-bit value, as the console's 32-bit ABI passes it.
    pub fn arg(&self, i: usize) -> u32 {
        self.ctx.gpr[3 + i] as u32
    }

    pub fn arg64(&self, i: usize) -> u64 {
        self.ctx.gpr[3 + i]
    }

    /// The guest caller's return address (the thunk preserves LR).
    pub fn lr(&self) -> u32 {
        self.ctx.lr as u32
    }

    pub fn read_u32(&self, addr: u32) -> Result<u32, u32> {
        self.mem
            .read_u32(addr)
            .map_err(|_| crate::status::STATUS_ACCESS_VIOLATION)
    }

    pub fn read_u64(&self, addr: u32) -> Result<u64, u32> {
        self.mem
            .read_u64(addr)
            .map_err(|_| crate::status::STATUS_ACCESS_VIOLATION)
    }

    pub fn write_u32(&self, addr: u32, v: u32) -> Result<(), u32> {
        self.mem
            .write_u32(addr, v)
            .map_err(|_| crate::status::STATUS_ACCESS_VIOLATION)
    }

    pub fn write_u64(&self, addr: u32, v: u64) -> Result<(), u32> {
        self.mem
            .write_u64(addr, v)
            .map_err(|_| crate::status::STATUS_ACCESS_VIOLATION)
    }

    /// Writes `v` through an optional out-pointer (NULL is allowed and ignored).
    pub fn out_u32(&self, ptr: u32, v: u32) -> Result<(), u32> {
        if ptr == 0 {
            Ok(())
        } else {
            self.write_u32(ptr, v)
        }
    }

    /// A NUL-terminated guest string (at most `max` bytes).
    pub fn c_string(&self, addr: u32, max: usize) -> Result<Vec<u8>, u32> {
        let mut s = Vec::new();
        for i in 0..max as u32 {
            let b = self
                .mem
                .read_u8(addr.wrapping_add(i))
                .map_err(|_| crate::status::STATUS_ACCESS_VIOLATION)?;
            if b == 0 {
                break;
            }
            s.push(b);
        }
        Ok(s)
    }
}

/// Converts an export body's `Result<status, status>` into an outcome.
pub fn status(r: Result<u32, u32>) -> Outcome {
    Outcome::Return(u64::from(r.unwrap_or_else(|e| e)))
}

pub type ExportFn = fn(&mut Call) -> Outcome;

/// An implemented export, found by library and name; the ordinal table maps ordinals to
/// names.
pub struct Implemented {
    pub library: &'static str,
    pub name: &'static str,
    pub f: ExportFn,
}

/// Every implemented export.
pub fn implemented() -> impl Iterator<Item = &'static Implemented> {
    [
        debug::EXPORTS,
        threading::EXPORTS,
        sync::EXPORTS,
        wait::EXPORTS,
        rtl::EXPORTS,
        time::EXPORTS,
        memory::EXPORTS,
        module::EXPORTS,
    ]
    .into_iter()
    .flatten()
}

pub fn find(library: &str, name: &str) -> Option<&'static Implemented> {
    implemented().find(|e| e.library.eq_ignore_ascii_case(library) && e.name == name)
}

pub const XBOXKRNL: &str = "xboxkrnl.exe";
pub const XAM: &str = "xam.xex";
