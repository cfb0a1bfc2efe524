//! The CPU backend a worker runs guest code on: the JIT (default) or the reference interpreter.

use oxenon_jit::interp::{self, Exit, Limits};
use oxenon_jit::jit::{Jit, JitError, JitStats};
use oxenon_jit::{Context, Memory};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Interp,
    Jit,
}

pub enum Cpu {
    Interp,
    Jit(Box<Jit>),
}

impl Cpu {
    /// `hot`: how many entries code needs before the JIT compiles it (see
    /// `Jit::set_hot_threshold`).
    pub fn new(backend: Backend, hot: u32) -> Result<Self, JitError> {
        Ok(match backend {
            Backend::Interp => Cpu::Interp,
            Backend::Jit => {
                let mut jit = Jit::new()?;
                jit.set_hot_threshold(hot);
                Cpu::Jit(Box::new(jit))
            }
        })
    }

    /// Runs at most `budget` instructions; returns the exit and the count retired.
    pub fn run(
        &mut self,
        ctx: &mut Context,
        mem: &Memory,
        budget: u64,
    ) -> Result<(Exit, u64), JitError> {
        let limits = Limits {
            max_instructions: budget,
            stop_at: None,
        };
        match self {
            Cpu::Interp => Ok(interp::run(ctx, mem, limits)),
            Cpu::Jit(jit) => jit.run(ctx, mem, limits),
        }
    }

    pub fn stats(&self) -> Option<&JitStats> {
        match self {
            Cpu::Interp => None,
            Cpu::Jit(jit) => Some(jit.stats()),
        }
    }
}
