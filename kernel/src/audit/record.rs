//! What one audit record holds: when, which guest thread, from where in the guest, through which
//! kernel path, plus one word whose meaning depends on the category.

use std::fmt;

/// Which side of the emulator produced an event. A signal from a guest export means the title
/// asked for it; a kernel-internal one (timer expiry, I/O completion, thread exit) means the
/// emulated kernel did it on the title's behalf, which is where missing signal sources hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceClass {
    GuestExport,
    KernelInternal,
}

impl SourceClass {
    pub fn label(self) -> &'static str {
        match self {
            SourceClass::GuestExport => "GuestExport",
            SourceClass::KernelInternal => "KernelInternal",
        }
    }
}

/// The kernel path that produced an event: a stable name and its class. Built with the const
/// constructors so call sites can keep them in `const` items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Source {
    pub name: &'static str,
    pub class: SourceClass,
}

impl Source {
    /// An event caused directly by a guest call to an export such as `NtSetEvent`.
    pub const fn export(name: &'static str) -> Self {
        Source {
            name,
            class: SourceClass::GuestExport,
        }
    }

    /// An event the kernel produced by itself (timer DPC, I/O completion, scheduler wake).
    pub const fn internal(name: &'static str) -> Self {
        Source {
            name,
            class: SourceClass::KernelInternal,
        }
    }
}

/// The object behind a handle, as far as the audit distinguishes them. Reset behaviour matters to
/// the diagnosis (a manual-reset signal must release every waiter, an auto-reset one only one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HandleKind {
    EventManual,
    EventAuto,
    Semaphore,
    TimerManual,
    TimerAuto,
    Mutant,
    Thread,
}

impl HandleKind {
    pub fn label(self) -> &'static str {
        match self {
            HandleKind::EventManual => "Event/Manual",
            HandleKind::EventAuto => "Event/Auto",
            HandleKind::Semaphore => "Semaphore",
            HandleKind::TimerManual => "Timer/Manual",
            HandleKind::TimerAuto => "Timer/Auto",
            HandleKind::Mutant => "Mutant",
            HandleKind::Thread => "Thread",
        }
    }

    /// True when one signal releases every waiter (manual-reset events and timers, and a thread,
    /// whose termination is permanent).
    pub fn releases_all(self) -> bool {
        matches!(
            self,
            HandleKind::EventManual | HandleKind::TimerManual | HandleKind::Thread
        )
    }
}

impl fmt::Display for HandleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Where and when an event happened; the caller fills this in at the hook site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Site {
    /// The acting guest thread's own timebase. Threads' timebases advance separately, so ordering
    /// across threads is approximate (good enough to tell "before the wait" from "after").
    pub cycle: u64,
    /// Guest thread id, which stays with the thread when it moves between hardware threads.
    pub tid: u32,
    /// The guest caller's link register: the instruction after its `bl` to the import thunk.
    /// Zero for kernel-internal events that have no guest caller.
    pub lr: u32,
    pub source: Source,
}

/// One recorded event. `aux` is the category's extra word: the previous signal state for a
/// signal, [`WaitAux`] for a wait, and the status handed back to the thread for a wake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditRecord {
    pub site: Site,
    pub aux: u64,
}

/// A wait's alertable flag and timeout packed into one word, so a wait record is the same size
/// as the others.
///
/// Bit 63 is the alertable flag. Bit 62 marks a relative timeout (the NT convention of a
/// negative 100 ns count). Bits 0..=61 hold the timeout's magnitude in 100 ns units, clamped to
/// `TIMEOUT_MAGNITUDE_MAX - 1`; all ones there means "no timeout" (wait forever).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitAux {
    pub alertable: bool,
    /// NT timeout in 100 ns units: negative = relative, non-negative = absolute, `None` = forever.
    pub timeout: Option<i64>,
}

const ALERTABLE_BIT: u64 = 1 << 63;
const RELATIVE_BIT: u64 = 1 << 62;
const TIMEOUT_MAGNITUDE_MAX: u64 = (1 << 62) - 1;

impl WaitAux {
    pub fn pack(self) -> u64 {
        let mut word = if self.alertable { ALERTABLE_BIT } else { 0 };
        word |= match self.timeout {
            None => TIMEOUT_MAGNITUDE_MAX,
            Some(t) if t < 0 => RELATIVE_BIT | t.unsigned_abs().min(TIMEOUT_MAGNITUDE_MAX - 1),
            Some(t) => (t as u64).min(TIMEOUT_MAGNITUDE_MAX - 1),
        };
        word
    }

    pub fn unpack(word: u64) -> Self {
        let magnitude = word & TIMEOUT_MAGNITUDE_MAX;
        let timeout = if magnitude == TIMEOUT_MAGNITUDE_MAX {
            None
        } else if word & RELATIVE_BIT != 0 {
            Some(-(magnitude as i64))
        } else {
            Some(magnitude as i64)
        };
        WaitAux {
            alertable: word & ALERTABLE_BIT != 0,
            timeout,
        }
    }
}

impl fmt::Display for WaitAux {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "alertable={} timeout=", self.alertable)?;
        match self.timeout {
            None => f.write_str("inf"),
            Some(t) if t < 0 => write!(f, "rel:{}x100ns", t.unsigned_abs()),
            Some(t) => write!(f, "abs:{t}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Values are the NT timeout conventions (negative = relative 100 ns count, absent = INFINITE)
    // and the packing documented on WaitAux; nothing here comes from running the kernel.
    #[test]
    fn wait_aux_round_trips() {
        for aux in [
            WaitAux {
                alertable: false,
                timeout: None,
            },
            WaitAux {
                alertable: true,
                timeout: None,
            },
            WaitAux {
                alertable: true,
                timeout: Some(-10_000_000),
            },
            WaitAux {
                alertable: false,
                timeout: Some(0),
            },
            WaitAux {
                alertable: false,
                timeout: Some(132_000_000_000_000_000),
            },
        ] {
            assert_eq!(WaitAux::unpack(aux.pack()), aux, "{aux:?}");
        }
    }

    #[test]
    fn wait_aux_clamps_huge_timeouts_instead_of_turning_them_into_infinite() {
        let packed = WaitAux {
            alertable: false,
            timeout: Some(i64::MIN),
        }
        .pack();
        let back = WaitAux::unpack(packed);
        assert_eq!(back.timeout, Some(-((TIMEOUT_MAGNITUDE_MAX - 1) as i64)));
    }

    #[test]
    fn wait_aux_renders_readably() {
        let text = WaitAux {
            alertable: true,
            timeout: Some(-500),
        }
        .to_string();
        assert_eq!(text, "alertable=true timeout=rel:500x100ns");
        let text = WaitAux {
            alertable: false,
            timeout: None,
        }
        .to_string();
        assert_eq!(text, "alertable=false timeout=inf");
    }

    /// docs/HANDLE_AUDIT.md's memory bound assumes this size.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_record_is_48_bytes() {
        assert_eq!(std::mem::size_of::<AuditRecord>(), 48);
    }
}
