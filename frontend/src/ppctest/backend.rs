//! What a backend is: something that runs one test from a given initial state.
//!
//! Oxenon's own backends (the interpreter now, the JIT later) and the qemu reference all
//! implement `Backend`, so the runner, the checks and the report treat them alike.

use super::guest::Guest;
use super::state::{State, MAX_INSTRUCTIONS};
use super::{Suite, Test};
use anyhow::Result;
use oxenon_jit::interp::Exit;
use oxenon_jit::Context;

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

/// How an Oxenon backend's run ended, as a test outcome: a stop at the return address means
/// the test finished and its state is checked; anything else is a failure at `ctx.pc`.
pub fn outcome_of(exit: Exit, ctx: &Context, guest: &Guest) -> Result<Outcome> {
    Ok(match exit {
        Exit::Stopped => Outcome::Finished(Box::new(guest.snapshot(ctx)?)),
        Exit::BudgetExhausted => Outcome::Failed {
            reason: format!("did not return within {MAX_INSTRUCTIONS} instructions"),
            pc: Some(ctx.pc),
        },
        other => Outcome::Failed {
            reason: other.to_string(),
            pc: Some(ctx.pc),
        },
    })
}
