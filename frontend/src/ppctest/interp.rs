//! The reference interpreter as a test backend.

use super::backend::{outcome_of, Backend, LoadedSuite, Outcome};
use super::guest::Guest;
use super::state::{State, MAX_INSTRUCTIONS, RETURN_ADDR};
use super::{Suite, Test};
use anyhow::Result;
use oxenon_jit::interp::{run, Limits};

pub struct Interp;

impl Backend for Interp {
    fn name(&self) -> &'static str {
        "interp"
    }

    fn load<'s>(&'s self, suite: &'s Suite) -> Result<Box<dyn LoadedSuite + 's>> {
        Ok(Box::new(Loaded {
            guest: Guest::new(&suite.image.text)?,
        }))
    }
}

struct Loaded {
    guest: Guest,
}

impl LoadedSuite for Loaded {
    fn run(&mut self, test: &Test) -> Result<Outcome> {
        let mut ctx = self.guest.enter(&State::initial(&test.case), test.addr)?;
        let limits = Limits {
            max_instructions: MAX_INSTRUCTIONS,
            stop_at: Some(RETURN_ADDR),
        };
        let (exit, _) = run(&mut ctx, &self.guest.mem, limits);
        outcome_of(exit, &ctx, &self.guest)
    }
}
