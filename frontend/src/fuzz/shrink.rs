//! Shrinking a failing case: fewer instructions first, then initial values pulled toward
//! zero, repeated while either step still helps. Every candidate is kept only if the
//! caller's predicate says it still fails, so the result fails the same way the input did.

use super::generator::DEFAULT_BUDGET;
use super::state::Case;

/// Runs of the predicate one shrink may spend; each is a run on both backends.
pub const DEFAULT_CHECKS: usize = 4000;

struct Shrinker<'a> {
    still_fails: &'a mut dyn FnMut(&Case) -> bool,
    checks: usize,
    max_checks: usize,
}

impl Shrinker<'_> {
    fn test(&mut self, c: &Case) -> bool {
        if self.checks >= self.max_checks {
            return false;
        }
        self.checks += 1;
        (self.still_fails)(c)
    }

    /// Keeps `cand` if it still fails.
    fn try_keep(&mut self, best: &mut Case, cand: Case) -> bool {
        if self.test(&cand) {
            *best = cand;
            true
        } else {
            false
        }
    }

    /// Removes chunks of instructions, halving the chunk size when nothing more goes.
    fn drop_instructions(&mut self, best: &mut Case) -> bool {
        let mut changed = false;
        let mut chunk = (best.program.body.len() / 2).max(1);
        loop {
            let mut progress = false;
            let mut i = 0;
            while i < best.program.body.len() && self.checks < self.max_checks {
                let mut cand = best.clone();
                cand.program.remove(i, i + chunk);
                if self.try_keep(best, cand) {
                    progress = true;
                } else {
                    i += chunk;
                }
            }
            changed |= progress;
            if self.checks >= self.max_checks || (chunk == 1 && !progress) {
                break;
            }
            if !progress {
                chunk /= 2;
            }
            chunk = chunk.min(best.program.body.len()).max(1);
        }
        if best.program.lr_restore.is_some() {
            let mut cand = best.clone();
            cand.program.lr_restore = None;
            changed |= self.try_keep(best, cand);
        }
        if best.budget != DEFAULT_BUDGET {
            let mut cand = best.clone();
            cand.budget = DEFAULT_BUDGET;
            changed |= self.try_keep(best, cand);
        }
        changed
    }

    /// Pulls one value toward zero: zero, then the low word, then the low word
    /// sign-extended, then byte by byte from the top.
    fn shrink_value(
        &mut self,
        best: &mut Case,
        get: &dyn Fn(&Case) -> u64,
        set: &dyn Fn(&mut Case, u64),
    ) -> bool {
        let v = get(best);
        if v == 0 {
            return false;
        }
        let mut tried = vec![v];
        let low = v & 0xFFFF_FFFF;
        let sext = v as u32 as i32 as i64 as u64;
        for simpler in [0, low, sext] {
            if tried.contains(&simpler) || simpler.count_ones() >= v.count_ones() && simpler != 0 {
                continue;
            }
            tried.push(simpler);
            let mut cand = best.clone();
            set(&mut cand, simpler);
            if self.try_keep(best, cand) {
                return true;
            }
        }
        let mut changed = false;
        for byte in (0..8).rev() {
            let cur = get(best);
            let next = cur & !(0xFFu64 << (8 * byte));
            if next != cur && !tried.contains(&next) {
                tried.push(next);
                let mut cand = best.clone();
                set(&mut cand, next);
                changed |= self.try_keep(best, cand);
            }
        }
        changed
    }

    fn simplify_memory(&mut self, best: &mut Case) -> bool {
        if best.scratch.iter().all(|&b| b == 0) {
            return false;
        }
        let mut cand = best.clone();
        cand.scratch.fill(0);
        if self.try_keep(best, cand) {
            return true;
        }
        let mut changed = false;
        for size in [4096, 256, 16] {
            let mut at = 0;
            while at < best.scratch.len() && self.checks < self.max_checks {
                let end = (at + size).min(best.scratch.len());
                if best.scratch[at..end].iter().any(|&b| b != 0) {
                    let mut cand = best.clone();
                    cand.scratch[at..end].fill(0);
                    changed |= self.try_keep(best, cand);
                }
                at = end;
            }
        }
        changed
    }

    fn simplify_state(&mut self, best: &mut Case) -> bool {
        let mut changed = self.simplify_memory(best);
        // The register holding the sentinel keeps it: without it the final `blr` goes astray.
        let keep = best.program.lr_restore.map(usize::from);

        // Whole register files at once first: usually most of them do not matter.
        let mut cand = best.clone();
        for (i, g) in cand.ctx.gpr.iter_mut().enumerate() {
            if Some(i) != keep {
                *g = 0;
            }
        }
        cand.ctx.fpr = [0; 32];
        cand.ctx.vr = [0; 128];
        if cand.ctx != best.ctx {
            changed |= self.try_keep(best, cand);
        }
        if best.ctx.vr.iter().any(|&v| v != 0) {
            let mut cand = best.clone();
            cand.ctx.vr = [0; 128];
            changed |= self.try_keep(best, cand);
        }

        if best.ctx.reserve_valid != 0 || best.ctx.reserve_value != 0 {
            let mut cand = best.clone();
            cand.ctx.reserve_valid = 0;
            cand.ctx.reserve_addr = 0;
            cand.ctx.reserve_size = 0;
            cand.ctx.reserve_value = 0;
            changed |= self.try_keep(best, cand);
        }

        type Get = fn(&Case) -> u64;
        type Set = fn(&mut Case, u64);
        let specials: [(Get, Set); 12] = [
            (|c| c.ctx.timebase, |c, v| c.ctx.timebase = v),
            (|c| c.ctx.vrsave.into(), |c, v| c.ctx.vrsave = v as u32),
            (|c| c.ctx.vscr.into(), |c, v| c.ctx.vscr = v as u32),
            (|c| c.ctx.fpscr.into(), |c, v| c.ctx.fpscr = v as u32),
            (|c| c.ctx.ctr, |c, v| c.ctx.ctr = v),
            (|c| c.ctx.cr.into(), |c, v| c.ctx.cr = v as u32),
            (|c| c.ctx.xer_so.into(), |c, v| c.ctx.xer_so = v as u8),
            (|c| c.ctx.xer_ov.into(), |c, v| c.ctx.xer_ov = v as u8),
            (|c| c.ctx.xer_ca.into(), |c, v| c.ctx.xer_ca = v as u8),
            (|c| c.ctx.xer_bc.into(), |c, v| c.ctx.xer_bc = v as u8),
            (|c| c.ctx.msr, |c, v| c.ctx.msr = v),
            (|c| c.ctx.reserve_value, |c, v| c.ctx.reserve_value = v),
        ];
        for (get, set) in specials {
            changed |= self.shrink_value(best, &get, &set);
        }
        for i in 0..32 {
            if Some(i) == keep {
                continue;
            }
            changed |= self.shrink_value(best, &|c| c.ctx.gpr[i], &|c, v| c.ctx.gpr[i] = v);
        }
        for i in 0..32 {
            changed |= self.shrink_value(best, &|c| c.ctx.fpr[i], &|c, v| c.ctx.fpr[i] = v);
        }
        for i in 0..128 {
            if best.ctx.vr[i] != 0 {
                let mut cand = best.clone();
                cand.ctx.vr[i] = 0;
                changed |= self.try_keep(best, cand);
            }
        }
        changed
    }
}

/// The smallest case found that still fails, and how many predicate runs it took. `case`
/// itself should fail; if it does not, it comes back unchanged.
pub fn shrink(
    case: &Case,
    still_fails: &mut dyn FnMut(&Case) -> bool,
    max_checks: usize,
) -> (Case, usize) {
    let mut s = Shrinker {
        still_fails,
        checks: 0,
        max_checks,
    };
    let mut best = case.clone();
    for _ in 0..4 {
        let dropped = s.drop_instructions(&mut best);
        let simplified = s.simplify_state(&mut best);
        if !(dropped || simplified) || s.checks >= s.max_checks {
            break;
        }
    }
    (best, s.checks)
}
