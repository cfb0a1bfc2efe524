//! Validation of PAGE_* protection words and their translation to guest page permissions.
//!
//! Rules (Microsoft, "Memory Protection Constants"): exactly one base protection; PAGE_GUARD
//! cannot be used with PAGE_NOACCESS; PAGE_NOCACHE cannot be used with PAGE_GUARD,
//! PAGE_NOACCESS or PAGE_WRITECOMBINE; PAGE_WRITECOMBINE cannot be used with PAGE_NOACCESS,
//! PAGE_GUARD or PAGE_NOCACHE. The copy-on-write protections only apply to mapped views
//! ("not supported by VirtualAlloc"), and there are no file mappings here, so they are refused.

use super::consts::*;
use crate::status::{NtStatus, STATUS_INVALID_PAGE_PROTECTION};
use oxenon_jit::memory::Perm;

const BASES: [u32; 6] = [
    PAGE_NOACCESS,
    PAGE_READONLY,
    PAGE_READWRITE,
    PAGE_EXECUTE,
    PAGE_EXECUTE_READ,
    PAGE_EXECUTE_READWRITE,
];
const MODIFIERS: u32 = PAGE_GUARD | PAGE_NOCACHE | PAGE_WRITECOMBINE;

/// Checks a protection word (page-size flags already removed).
pub fn validate(protect: u32) -> Result<u32, NtStatus> {
    let base = protect & !MODIFIERS;
    let modifiers = protect & MODIFIERS;
    let bad = !BASES.contains(&base)
        || (base == PAGE_NOACCESS && modifiers != 0)
        || modifiers.count_ones() > 1;
    if bad {
        Err(STATUS_INVALID_PAGE_PROTECTION)
    } else {
        Ok(protect)
    }
}

/// The guest permission for a valid protection. The PowerPC MMU has no execute-only or
/// write-only pages, so execute implies read. PAGE_GUARD pages stay accessible: the one-shot
/// guard exception is not emulated (see docs/KERNEL_MEMORY.md).
pub fn perm(protect: u32) -> Perm {
    match protect & 0xFF {
        PAGE_READONLY => Perm::READ,
        PAGE_READWRITE => Perm::RW,
        PAGE_EXECUTE | PAGE_EXECUTE_READ => Perm::RX,
        PAGE_EXECUTE_READWRITE => Perm::RWX,
        _ => Perm::NONE,
    }
}

#[cfg(test)]
mod tests {
    //! Cases are the combinations the Microsoft page lists as allowed or forbidden.
    use super::*;

    #[test]
    fn documented_combinations() {
        for ok in [
            PAGE_READWRITE,
            PAGE_EXECUTE_READWRITE | PAGE_GUARD,
            PAGE_READONLY | PAGE_NOCACHE,
            PAGE_READWRITE | PAGE_WRITECOMBINE,
            PAGE_NOACCESS,
        ] {
            assert_eq!(validate(ok), Ok(ok), "{ok:#x}");
        }
        for bad in [
            0,
            PAGE_GUARD,
            PAGE_READONLY | PAGE_READWRITE,
            PAGE_NOACCESS | PAGE_GUARD,
            PAGE_NOACCESS | PAGE_NOCACHE,
            PAGE_READWRITE | PAGE_NOCACHE | PAGE_GUARD,
            PAGE_READWRITE | PAGE_NOCACHE | PAGE_WRITECOMBINE,
            PAGE_READWRITE | PAGE_WRITECOMBINE | PAGE_GUARD,
            PAGE_WRITECOPY,
            PAGE_EXECUTE_WRITECOPY,
            PAGE_READWRITE | 0x800,
        ] {
            assert_eq!(
                validate(bad),
                Err(STATUS_INVALID_PAGE_PROTECTION),
                "{bad:#x}"
            );
        }
    }
}
