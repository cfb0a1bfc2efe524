//! The Cranelift JIT as a test backend. One engine per file, so the code compiled for one
//! test is reused by the next, as it would be in a running title.

use super::backend::{outcome_of, Backend, LoadedSuite, Outcome};
use super::guest::Guest;
use super::state::{State, MAX_INSTRUCTIONS, RETURN_ADDR};
use super::{Suite, Test};
use anyhow::{Context as _, Result};
use oxenon_jit::interp::Limits;
use oxenon_jit::jit::{Jit, JitStats};
use std::cell::RefCell;
use std::rc::Rc;

/// The JIT backend; every engine it starts adds its statistics to `stats` when its file is
/// done (for `--jit-stats`).
pub struct JitBackend {
    pub stats: Rc<RefCell<JitStats>>,
}

impl Backend for JitBackend {
    fn name(&self) -> &'static str {
        "jit"
    }

    fn load<'s>(&'s self, suite: &'s Suite) -> Result<Box<dyn LoadedSuite + 's>> {
        Ok(Box::new(Loaded {
            guest: Guest::new(&suite.image.text)?,
            jit: Jit::new().context("cannot start the JIT")?,
            stats: Rc::clone(&self.stats),
        }))
    }
}

struct Loaded {
    guest: Guest,
    jit: Jit,
    stats: Rc<RefCell<JitStats>>,
}

impl Drop for Loaded {
    fn drop(&mut self) {
        self.stats.borrow_mut().merge(self.jit.stats());
    }
}

impl LoadedSuite for Loaded {
    fn run(&mut self, test: &Test) -> Result<Outcome> {
        let mut ctx = self.guest.enter(&State::initial(&test.case), test.addr)?;
        let limits = Limits {
            max_instructions: MAX_INSTRUCTIONS,
            stop_at: Some(RETURN_ADDR),
        };
        let (exit, _) = self.jit.run(&mut ctx, &self.guest.mem, limits)?;
        outcome_of(exit, &ctx, &self.guest)
    }
}
