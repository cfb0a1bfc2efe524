//! Setting up Oxenon's guest memory and context for a test, and reading them back: shared by
//! every backend that executes on `oxenon_jit::Memory` (the interpreter and, later, the JIT).

use super::state::*;
use anyhow::{bail, Context as _, Result};
use oxenon_jit::memory::PAGE_SIZE;
use oxenon_jit::{Context, Memory, Perm};

pub struct Guest {
    pub mem: Memory,
}

impl Guest {
    /// Reserves the address space and maps the test layout with `text` at `CODE_BASE`.
    pub fn new(text: &[u8]) -> Result<Guest> {
        let room = u64::from(u32::MAX - CODE_BASE) + 1;
        if text.len() as u64 > room {
            bail!(
                "the assembled code ({} bytes) does not fit above {CODE_BASE:#x}",
                text.len()
            );
        }
        let mem = Memory::new().context("cannot create guest memory")?;
        let code_len =
            (text.len() as u64).div_ceil(u64::from(PAGE_SIZE)).max(1) * u64::from(PAGE_SIZE);
        mem.map(CODE_BASE, code_len, Perm::RX)
            .context("cannot map the code region")?;
        if !text.is_empty() {
            mem.poke_bytes(CODE_BASE, text)
                .context("cannot place the code")?;
        }
        mem.map(STACK_BASE, u64::from(STACK_SIZE), Perm::RW)
            .context("cannot map the stack")?;
        mem.map(SCRATCH_BASE, u64::from(SCRATCH_SIZE), Perm::RW)
            .context("cannot map scratch memory")?;
        Ok(Guest { mem })
    }

    /// Resets memory to `state` and returns the context that starts the test at `pc`.
    pub fn enter(&self, state: &State, pc: u32) -> Result<Context> {
        self.mem
            .zero(STACK_BASE, u64::from(STACK_SIZE))
            .context("cannot clear the stack")?;
        self.mem
            .write_bytes(SCRATCH_BASE, &state.scratch)
            .context("cannot fill scratch memory")?;
        let mut ctx = Context {
            gpr: state.gpr,
            fpr: state.fpr,
            vr: state.vr,
            cr: state.cr,
            lr: state.lr,
            ctr: state.ctr,
            msr: state.msr,
            fpscr: state.fpscr,
            vscr: state.vscr,
            vrsave: 0,
            pc,
            ..Context::default()
        };
        ctx.set_xer(u64::from(state.xer));
        Ok(ctx)
    }

    /// The state a test left behind.
    pub fn snapshot(&self, ctx: &Context) -> Result<State> {
        let mut scratch = vec![0; SCRATCH_SIZE as usize];
        self.mem
            .read_bytes(SCRATCH_BASE, &mut scratch)
            .context("cannot read scratch memory back")?;
        Ok(State {
            gpr: ctx.gpr,
            fpr: ctx.fpr,
            vr: ctx.vr,
            cr: ctx.cr,
            xer: ctx.xer(),
            lr: ctx.lr,
            ctr: ctx.ctr,
            fpscr: ctx.fpscr,
            vscr: ctx.vscr,
            msr: ctx.msr,
            scratch,
        })
    }
}
