//! Guest time. Free-running titles see host time; lockstep titles see a virtual clock driven by
//! retired instructions, so that two runs observe identical times.

use std::time::Instant;

/// The Xenon timebase ticks at 50 MHz; KeQueryPerformanceFrequency reports the same.
pub const TIMEBASE_HZ: u64 = 50_000_000;
/// Lockstep assumes this many guest instructions per 100 ns (so 100 MIPS of virtual speed).
const INSTRUCTIONS_PER_100NS: u64 = 10;
/// System time at boot, in 100 ns units since 1601-01-01: 2026-01-01 00:00:00 UTC. A fixed
/// boot date keeps lockstep runs reproducible; free runs add real elapsed time to it.
pub const BOOT_SYSTEM_TIME: u64 = 134_116_992_000_000_000;

#[derive(Debug)]
pub enum Clock {
    Host {
        started: Instant,
    },
    Virtual {
        instructions: u64,
        skipped_100ns: u64,
    },
}

impl Clock {
    pub fn host() -> Self {
        Clock::Host {
            started: Instant::now(),
        }
    }

    pub fn virtual_clock() -> Self {
        Clock::Virtual {
            instructions: 0,
            skipped_100ns: 0,
        }
    }

    /// Time since boot in 100 ns units (the NT time unit of every kernel timeout).
    pub fn now_100ns(&self) -> u64 {
        match self {
            Clock::Host { started } => (started.elapsed().as_nanos() / 100) as u64,
            Clock::Virtual {
                instructions,
                skipped_100ns,
            } => instructions / INSTRUCTIONS_PER_100NS + skipped_100ns,
        }
    }

    pub fn timebase(&self) -> u64 {
        // 50 MHz = 5 ticks per 100 ns.
        self.now_100ns() * (TIMEBASE_HZ / 10_000_000)
    }

    pub fn system_time(&self) -> u64 {
        BOOT_SYSTEM_TIME + self.now_100ns()
    }

    /// Lockstep: instructions retired by any hardware thread advance virtual time.
    pub fn retire(&mut self, n: u64) {
        if let Clock::Virtual { instructions, .. } = self {
            *instructions += n;
        }
    }

    /// Lockstep with every thread waiting: jump to the next deadline instead of spinning.
    pub fn skip_to(&mut self, deadline_100ns: u64) {
        let now = self.now_100ns();
        if let Clock::Virtual { skipped_100ns, .. } = self {
            if deadline_100ns > now {
                *skipped_100ns += deadline_100ns - now;
            }
        }
    }

    pub fn is_virtual(&self) -> bool {
        matches!(self, Clock::Virtual { .. })
    }

    /// Converts an NT timeout (negative: relative, positive: absolute system time, zero: poll)
    /// into a deadline on this clock.
    pub fn deadline(&self, timeout: i64) -> u64 {
        let now = self.now_100ns();
        if timeout < 0 {
            now.saturating_add(timeout.unsigned_abs())
        } else {
            (timeout as u64).saturating_sub(BOOT_SYSTEM_TIME)
        }
    }
}
