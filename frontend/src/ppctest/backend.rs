//! What a backend is: something that runs one test from a given initial state.
//!
//! Oxenon's own backends (the interpreter now, the JIT later) and the qemu reference all
//! implement `Backend`, so the runner, the checks and the report treat them alike.

use super::state::State;
use super::{Suite, Test};
use anyhow::Result;

/// How one test ended on one backend.
pub enum Outcome {
    /// The test returned; its final state is to be checked.
    Finished(Box<State>),
    /// It did not return normally; `pc` (when known) is where it stopped.
    Failed { reason: String, pc: Option<u32> },
    /// This backend cannot run it faithfully.
    Skipped(String),
}

pub trait Backend {
    fn name(&self) -> &'static str;
    /// Per-file setup (loading code, building executables). An error here is a problem with
    /// the tools or the host, not a test failure.
    fn load<'s>(&'s self, suite: &'s Suite) -> Result<Box<dyn LoadedSuite + 's>>;
}

pub trait LoadedSuite {
    fn run(&mut self, test: &Test) -> Result<Outcome>;
}
