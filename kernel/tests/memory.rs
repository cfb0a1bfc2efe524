//! The kernel memory manager against the documented NT rules.
//!
//! Expected values come from the public documentation cited in `kernel/src/memory/mod.rs`
//! (Microsoft's VirtualAlloc / VirtualFree / VirtualProtect / VirtualQuery / Memory Protection
//! Constants pages and the NTSTATUS values): e.g. a reservation at 0x20012345 starts at the
//! 64 KiB boundary below it, and a commit of 0x2000 bytes from page offset 0x234 covers the
//! three 4 KiB pages those bytes touch. Region bounds are the address map in
//! docs/KERNEL_MEMORY.md. Faults are checked through `Memory`, the same path guest code uses.

use oxenon_jit::memory::{AccessKind, Fault, Memory, PHYSICAL_VIEWS};
use oxenon_kernel::memory::consts::*;
use oxenon_kernel::memory::{
    write_basic_information, MemoryBasicInformation, MemoryManager, Range,
};
use oxenon_kernel::status::*;
use std::sync::Arc;

fn manager() -> MemoryManager {
    MemoryManager::new(Arc::new(Memory::new().unwrap()))
}

fn physical_manager() -> MemoryManager {
    MemoryManager::new(Arc::new(Memory::with_physical(512 << 20).unwrap()))
}

const RW: u32 = PAGE_READWRITE;

#[test]
fn reserve_then_commit_part_and_query_each_run() {
    let m = manager();
    let r = m.allocate_virtual(0, 0x5000, MEM_RESERVE, RW).unwrap();
    assert_eq!(
        r,
        Range {
            base: 0x1_0000,
            size: 0x5000
        },
        "lowest free 64 KiB boundary"
    );
    let b = r.base;

    let c = m
        .allocate_virtual(b + 0x1234, 0x2000, MEM_COMMIT, RW)
        .unwrap();
    assert_eq!(
        c,
        Range {
            base: b + 0x1000,
            size: 0x3000
        }
    );

    let q = m.query_virtual(b + 0x10).unwrap();
    assert_eq!(
        q,
        MemoryBasicInformation {
            base_address: b,
            allocation_base: b,
            allocation_protect: RW,
            region_size: 0x1000,
            state: MEM_RESERVE,
            protect: 0,
            kind: MEM_PRIVATE,
        }
    );
    let q = m.query_virtual(b + 0x1fff).unwrap();
    assert_eq!((q.base_address, q.region_size), (b + 0x1000, 0x3000));
    assert_eq!((q.state, q.protect), (MEM_COMMIT, RW));
    let q = m.query_virtual(b + 0x4000).unwrap();
    assert_eq!((q.state, q.region_size), (MEM_RESERVE, 0x1000));

    let mem = m.memory();
    assert_eq!(
        mem.read_u32(b + 0x1000).unwrap(),
        0,
        "committed memory reads as zero"
    );
    assert_eq!(
        mem.read_u32(b),
        Err(Fault {
            addr: b,
            kind: AccessKind::Read
        }),
        "reserved memory faults"
    );
}

#[test]
fn reservation_base_rounds_to_64k_and_size_to_the_page() {
    let m = manager();
    let r = m
        .allocate_virtual(0x2001_2345, 0x10, MEM_RESERVE, RW)
        .unwrap();
    assert_eq!(
        r,
        Range {
            base: 0x2001_0000,
            size: 0x3000
        }
    );
    // Anything in the same 64 KiB block rounds to the same base.
    assert_eq!(
        m.allocate_virtual(0x2001_f000, 0x1000, MEM_RESERVE, RW),
        Err(STATUS_CONFLICTING_ADDRESSES)
    );
    assert_eq!(
        m.allocate_virtual(0x2000_8000, 0x2_0000, MEM_RESERVE | MEM_COMMIT, RW),
        Err(STATUS_CONFLICTING_ADDRESSES),
        "overlaps from below"
    );
    let next = m
        .allocate_virtual(0x2002_0000, 0x1000, MEM_RESERVE, RW)
        .unwrap();
    assert_eq!(
        next,
        Range {
            base: 0x2002_0000,
            size: 0x1000
        }
    );
    // Automatic placement skips the rest of each 64 KiB block.
    let auto = m.allocate_virtual(0, 1, MEM_RESERVE, RW).unwrap();
    assert_eq!(
        auto,
        Range {
            base: 0x1_0000,
            size: 0x1000
        }
    );
    let auto2 = m.allocate_virtual(0, 1, MEM_RESERVE, RW).unwrap();
    assert_eq!(auto2.base, 0x2_0000);
}

#[test]
fn commit_needs_a_reservation_unless_the_system_picks_the_address() {
    let m = manager();
    assert_eq!(
        m.allocate_virtual(0x1000_0000, 0x1000, MEM_COMMIT, RW),
        Err(STATUS_CONFLICTING_ADDRESSES)
    );
    let r = m.allocate_virtual(0, 0x1800, MEM_COMMIT, RW).unwrap();
    assert_eq!(r.size, 0x2000);
    let q = m.query_virtual(r.base).unwrap();
    assert_eq!(
        (q.state, q.region_size, q.allocation_base),
        (MEM_COMMIT, 0x2000, r.base)
    );

    // A commit may not run from one reservation into the next.
    let a = m
        .allocate_virtual(0x1000_0000, 0x1_0000, MEM_RESERVE, RW)
        .unwrap();
    m.allocate_virtual(0x1001_0000, 0x1_0000, MEM_RESERVE, RW)
        .unwrap();
    assert_eq!(
        m.allocate_virtual(a.base + 0xf000, 0x2000, MEM_COMMIT, RW),
        Err(STATUS_CONFLICTING_ADDRESSES)
    );
}

#[test]
fn top_down_and_large_pages_placement() {
    let m = manager();
    let r = m
        .allocate_virtual(0, 0x1000, MEM_RESERVE | MEM_TOP_DOWN, RW)
        .unwrap();
    assert_eq!(
        r,
        Range {
            base: 0x3fff_0000,
            size: 0x1000
        }
    );
    let r = m
        .allocate_virtual(0, 0x1_0000, MEM_RESERVE | MEM_TOP_DOWN, RW)
        .unwrap();
    assert_eq!(r.base, 0x3ffe_0000);

    let big = m
        .allocate_virtual(0, 0x1000, MEM_RESERVE | MEM_COMMIT | MEM_LARGE_PAGES, RW)
        .unwrap();
    assert_eq!(
        big,
        Range {
            base: 0x4000_0000,
            size: 0x1_0000
        },
        "64 KiB pages"
    );
    let top = m
        .allocate_virtual(0, 0x1000, MEM_RESERVE | MEM_TOP_DOWN | MEM_LARGE_PAGES, RW)
        .unwrap();
    assert_eq!(top.base, 0x7eff_0000, "below the device-register range");
    // An explicit address in the 64 KiB region commits whole 64 KiB pages.
    let c = m
        .allocate_virtual(0x5000_1000, 0x10, MEM_RESERVE | MEM_COMMIT, RW)
        .unwrap();
    assert_eq!(
        c,
        Range {
            base: 0x5000_0000,
            size: 0x1_0000
        }
    );
    let q = m.query_virtual(0x5000_ffff).unwrap();
    assert_eq!((q.base_address, q.region_size), (0x5000_0000, 0x1_0000));
}

#[test]
fn allocation_errors() {
    let m = manager();
    for (base, size, ty, prot, want) in [
        (0, 0x1000, 0, RW, STATUS_INVALID_PARAMETER),
        (0, 0x1000, MEM_TOP_DOWN, RW, STATUS_INVALID_PARAMETER),
        (0, 0x1000, MEM_COMMIT | 0x40, RW, STATUS_INVALID_PARAMETER),
        (
            0,
            0x1000,
            MEM_RESET | MEM_COMMIT,
            RW,
            STATUS_INVALID_PARAMETER,
        ),
        (0, 0, MEM_COMMIT, RW, STATUS_INVALID_PARAMETER),
        (0, 0x1000, MEM_COMMIT, 0, STATUS_INVALID_PAGE_PROTECTION),
        (
            0,
            0x1000,
            MEM_COMMIT,
            PAGE_READONLY | RW,
            STATUS_INVALID_PAGE_PROTECTION,
        ),
        (
            0,
            0x1000,
            MEM_COMMIT,
            PAGE_NOACCESS | PAGE_GUARD,
            STATUS_INVALID_PAGE_PROTECTION,
        ),
        (
            0,
            0x1000,
            MEM_COMMIT,
            RW | PAGE_NOCACHE | PAGE_WRITECOMBINE,
            STATUS_INVALID_PAGE_PROTECTION,
        ),
        (
            0,
            0x1000,
            MEM_COMMIT,
            PAGE_WRITECOPY,
            STATUS_INVALID_PAGE_PROTECTION,
        ),
        (
            0x8200_0000,
            0x1000,
            MEM_RESERVE,
            RW,
            STATUS_INVALID_PARAMETER,
        ),
        (
            0xA000_0000,
            0x1000,
            MEM_RESERVE,
            RW,
            STATUS_INVALID_PARAMETER,
        ),
        (
            0x7F00_0000,
            0x1000,
            MEM_RESERVE,
            RW,
            STATUS_INVALID_PARAMETER,
        ),
        (0x8000, 0x1000, MEM_RESERVE, RW, STATUS_INVALID_PARAMETER),
        (
            0x3fff_0000,
            0x2_0000,
            MEM_RESERVE,
            RW,
            STATUS_INVALID_PARAMETER,
        ),
        (0, 0x7000_0000, MEM_RESERVE, RW, STATUS_NO_MEMORY),
    ] {
        assert_eq!(
            m.allocate_virtual(base, size, ty, prot),
            Err(want),
            "base {base:#x} size {size:#x} type {ty:#x} protect {prot:#x}"
        );
    }
}

#[test]
fn free_rules_and_errors() {
    let m = manager();
    let r = m
        .allocate_virtual(0x1000_0000, 0x4000, MEM_RESERVE | MEM_COMMIT, RW)
        .unwrap();
    let b = r.base;
    assert_eq!(
        m.free_virtual(b, 0, MEM_DECOMMIT | MEM_RELEASE),
        Err(STATUS_INVALID_PARAMETER)
    );
    assert_eq!(m.free_virtual(b, 0, 0), Err(STATUS_INVALID_PARAMETER));
    assert_eq!(
        m.free_virtual(b, 0x1000, MEM_RELEASE),
        Err(STATUS_INVALID_PARAMETER)
    );
    assert_eq!(
        m.free_virtual(b + 0x1000, 0, MEM_RELEASE),
        Err(STATUS_FREE_VM_NOT_AT_BASE)
    );
    assert_eq!(
        m.free_virtual(0x1100_0000, 0, MEM_RELEASE),
        Err(STATUS_MEMORY_NOT_ALLOCATED)
    );
    assert_eq!(
        m.free_virtual(0x1100_0000, 0x1000, MEM_DECOMMIT),
        Err(STATUS_MEMORY_NOT_ALLOCATED)
    );
    assert_eq!(
        m.free_virtual(b + 0x3000, 0x2000, MEM_DECOMMIT),
        Err(STATUS_UNABLE_TO_FREE_VM)
    );
    assert_eq!(
        m.free_virtual(0x8200_0000, 0, MEM_RELEASE),
        Err(STATUS_INVALID_PARAMETER)
    );

    // Decommit one page in the middle: three runs, the middle one reserved and faulting.
    let d = m.free_virtual(b + 0x1800, 0x10, MEM_DECOMMIT).unwrap();
    assert_eq!(
        d,
        Range {
            base: b + 0x1000,
            size: 0x1000
        }
    );
    assert_eq!(m.query_virtual(b).unwrap().region_size, 0x1000);
    assert_eq!(m.query_virtual(b + 0x1000).unwrap().state, MEM_RESERVE);
    assert!(m.memory().read_u8(b + 0x1000).is_err());
    assert!(m.memory().read_u8(b + 0x2000).is_ok());
    // Decommitting again is not an error.
    m.free_virtual(b + 0x1000, 0x1000, MEM_DECOMMIT).unwrap();
    // Size 0 at the base decommits the whole reservation.
    let all = m.free_virtual(b, 0, MEM_DECOMMIT).unwrap();
    assert_eq!(
        all,
        Range {
            base: b,
            size: 0x4000
        }
    );
    let q = m.query_virtual(b).unwrap();
    assert_eq!((q.state, q.region_size), (MEM_RESERVE, 0x4000));

    assert_eq!(
        m.free_virtual(b, 0, MEM_RELEASE).unwrap(),
        Range {
            base: b,
            size: 0x4000
        }
    );
    let q = m.query_virtual(b).unwrap();
    assert_eq!((q.state, q.allocation_base, q.kind), (MEM_FREE, 0, 0));
    assert_eq!(
        m.free_virtual(b, 0, MEM_RELEASE),
        Err(STATUS_MEMORY_NOT_ALLOCATED)
    );
    // The range is free again.
    assert_eq!(
        m.allocate_virtual(b, 0x1000, MEM_RESERVE, RW).unwrap().base,
        b
    );
}

#[test]
fn protect_returns_the_old_protection_and_is_enforced() {
    let m = manager();
    let mem = m.memory().clone();
    let r = m.allocate_virtual(0, 0x3000, MEM_RESERVE, RW).unwrap();
    let b = r.base;
    assert_eq!(
        m.protect_virtual(b, 0x1000, PAGE_READONLY),
        Err(STATUS_NOT_COMMITTED)
    );
    m.allocate_virtual(b, 0x2000, MEM_COMMIT, RW).unwrap();
    mem.write_u32(b + 0x10, 0x1234_5678).unwrap();

    let (range, old) = m.protect_virtual(b + 0x10, 0x1000, PAGE_READONLY).unwrap();
    assert_eq!(
        (range, old),
        (
            Range {
                base: b,
                size: 0x2000
            },
            RW
        )
    );
    assert_eq!(
        mem.write_u32(b + 0x10, 0),
        Err(Fault {
            addr: b + 0x10,
            kind: AccessKind::Write
        })
    );
    assert_eq!(mem.read_u32(b + 0x10).unwrap(), 0x1234_5678);
    let q = m.query_virtual(b).unwrap();
    assert_eq!(
        (q.protect, q.allocation_protect, q.region_size),
        (PAGE_READONLY, RW, 0x2000)
    );

    // Runs split by protection.
    let (_, old) = m
        .protect_virtual(b + 0x1000, 1, PAGE_EXECUTE_READWRITE)
        .unwrap();
    assert_eq!(old, PAGE_READONLY);
    assert_eq!(m.query_virtual(b).unwrap().region_size, 0x1000);
    mem.write_u8(b + 0x1000, 1).unwrap();
    assert!(mem.fetch(b + 0x1000).is_ok(), "execute permission");
    assert!(mem.fetch(b).is_err(), "read-only is not executable");

    assert_eq!(
        m.protect_virtual(b + 0x1000, 0x2000, RW),
        Err(STATUS_NOT_COMMITTED)
    );
    assert_eq!(
        m.protect_virtual(b, 0x1000, 0x3),
        Err(STATUS_INVALID_PAGE_PROTECTION)
    );
    assert_eq!(
        m.protect_virtual(0x3000_0000, 0x1000, RW),
        Err(STATUS_CONFLICTING_ADDRESSES)
    );
    assert_eq!(m.protect_virtual(b, 0, RW), Err(STATUS_INVALID_PARAMETER));
    assert_eq!(
        m.protect_virtual(b, 0x1_0000, RW),
        Err(STATUS_CONFLICTING_ADDRESSES),
        "past the reservation"
    );
    let (_, old) = m.protect_virtual(b, 0x1000, PAGE_NOACCESS).unwrap();
    assert_eq!(old, PAGE_READONLY);
    assert!(mem.read_u8(b).is_err());
}

#[test]
fn newly_committed_pages_are_zero_and_recommitting_keeps_data() {
    let m = manager();
    let mem = m.memory().clone();
    let r = m
        .allocate_virtual(0, 0x2000, MEM_RESERVE | MEM_COMMIT, RW)
        .unwrap();
    mem.write_u64(r.base, u64::MAX).unwrap();
    mem.write_u64(r.base + 0x1000, u64::MAX).unwrap();
    // Committing committed pages is allowed and does not clear them.
    m.allocate_virtual(r.base, 0x2000, MEM_COMMIT, RW).unwrap();
    assert_eq!(mem.read_u64(r.base).unwrap(), u64::MAX);
    m.free_virtual(r.base + 0x1000, 0x1000, MEM_DECOMMIT)
        .unwrap();
    m.allocate_virtual(r.base, 0x2000, MEM_COMMIT, RW).unwrap();
    assert_eq!(
        mem.read_u64(r.base).unwrap(),
        u64::MAX,
        "page 0 was committed"
    );
    assert_eq!(
        mem.read_u64(r.base + 0x1000).unwrap(),
        0,
        "page 1 was recommitted"
    );
    // After release and a new reservation at the same place, all zero.
    m.free_virtual(r.base, 0, MEM_RELEASE).unwrap();
    let again = m
        .allocate_virtual(r.base, 0x2000, MEM_RESERVE | MEM_COMMIT, RW)
        .unwrap();
    assert_eq!(mem.read_u64(again.base).unwrap(), 0);
    // MEM_NOZERO is accepted.
    m.allocate_virtual(0, 0x1000, MEM_RESERVE | MEM_COMMIT | MEM_NOZERO, RW)
        .unwrap();
}

#[test]
fn query_free_space_and_out_of_range() {
    let m = manager();
    let q = m.query_virtual(0x123).unwrap();
    assert_eq!(
        q,
        MemoryBasicInformation {
            base_address: 0,
            region_size: 0x4000_0000,
            state: MEM_FREE,
            protect: PAGE_NOACCESS,
            ..Default::default()
        }
    );
    m.allocate_virtual(0x2000_0000, 0x1000, MEM_RESERVE, RW)
        .unwrap();
    let q = m.query_virtual(0x1000_0fff).unwrap();
    assert_eq!((q.base_address, q.region_size), (0x1000_0000, 0x1000_0000));
    let q = m.query_virtual(0x2000_1000).unwrap();
    assert_eq!((q.state, q.region_size), (MEM_FREE, 0x2000_0000 - 0x1000));
    for addr in [0x7F00_0000, 0xA000_0000, 0xC000_0000, 0xFFFF_FFFF] {
        assert_eq!(
            m.query_virtual(addr),
            Err(STATUS_INVALID_PARAMETER),
            "{addr:#x}"
        );
    }
    let q = m.query_virtual(0x8200_0000).unwrap();
    assert_eq!(
        (q.state, q.base_address, q.region_size),
        (MEM_FREE, 0x8200_0000, 0x0e00_0000)
    );
}

#[test]
fn basic_information_is_stored_as_seven_big_endian_words() {
    let m = manager();
    let r = m
        .allocate_virtual(0, 0x1000, MEM_RESERVE | MEM_COMMIT, RW)
        .unwrap();
    let info = m.query_virtual(r.base).unwrap();
    write_basic_information(m.memory(), r.base + 0x100, &info).unwrap();
    let mut bytes = [0u8; 28];
    m.memory().read_bytes(r.base + 0x100, &mut bytes).unwrap();
    let mut want = Vec::new();
    for v in [r.base, r.base, RW, 0x1000, MEM_COMMIT, RW, MEM_PRIVATE] {
        want.extend_from_slice(&v.to_be_bytes());
    }
    assert_eq!(bytes.to_vec(), want);
    assert_eq!(MemoryBasicInformation::SIZE, 28);
    m.protect_virtual(r.base, 0x1000, PAGE_READONLY).unwrap();
    assert!(write_basic_information(m.memory(), r.base, &info).is_err());
    assert!(write_basic_information(m.memory(), 0x100, &info).is_err());
}

#[test]
fn images_and_system_blocks() {
    let m = manager();
    let img = m.map_image(0x8200_0000, 0x1_2345, RW).unwrap();
    assert_eq!(
        img,
        Range {
            base: 0x8200_0000,
            size: 0x2_0000
        }
    );
    assert_eq!(
        m.map_image(0x8201_0000, 0x1000, RW),
        Err(STATUS_CONFLICTING_ADDRESSES),
        "inside the image"
    );
    assert_eq!(
        m.map_image(0x8200_0000, 0x1000, RW),
        Err(STATUS_CONFLICTING_ADDRESSES)
    );
    assert_eq!(
        m.map_image(0x8200_1000, 0x1000, RW),
        Err(STATUS_INVALID_PARAMETER),
        "64 KiB aligned"
    );
    assert_eq!(
        m.map_image(0x1000_0000, 0x1000, RW),
        Err(STATUS_INVALID_PARAMETER),
        "user space"
    );
    let q = m.query_virtual(0x8200_8000).unwrap();
    assert_eq!(
        (q.kind, q.state, q.base_address, q.region_size),
        (MEM_IMAGE, MEM_COMMIT, 0x8200_0000, 0x2_0000)
    );
    // Sections get narrower protection; the loader writes through poke_bytes.
    m.protect_virtual(0x8200_0000, 0x1_0000, PAGE_EXECUTE_READ)
        .unwrap();
    m.memory()
        .poke_bytes(0x8200_0000, &[0x60, 0, 0, 0])
        .unwrap();
    assert_eq!(m.memory().fetch(0x8200_0000).unwrap(), 0x6000_0000);
    assert!(m.memory().write_u8(0x8200_0000, 0).is_err());
    assert_eq!(
        m.free_virtual(0x8200_0000, 0, MEM_RELEASE),
        Err(STATUS_INVALID_PARAMETER)
    );
    assert_eq!(m.unmap_image(0x8201_0000), Err(STATUS_FREE_VM_NOT_AT_BASE));
    m.unmap_image(0x8200_0000).unwrap();
    assert!(m.memory().read_u8(0x8200_0000).is_err());
    assert_eq!(m.query_virtual(0x8200_0000).unwrap().state, MEM_FREE);

    let s1 = m.allocate_system(0x1800, RW).unwrap();
    assert_eq!(
        s1,
        Range {
            base: 0x9000_0000,
            size: 0x2000
        }
    );
    let s2 = m.allocate_system(0x1000, RW).unwrap();
    assert_eq!(s2.base, 0x9001_0000, "64 KiB granularity");
    assert_eq!(m.query_allocation_size(0x9000_1000), 0x2000);
    assert_eq!(m.query_address_protect(0x9000_1000), RW);
    assert_eq!(
        m.unmap_image(0x9000_0000),
        Err(STATUS_MEMORY_NOT_ALLOCATED),
        "not an image"
    );
    m.free_system(s1.base).unwrap();
    assert_eq!(m.free_system(s1.base), Err(STATUS_MEMORY_NOT_ALLOCATED));
    assert_eq!(m.allocate_system(0x1000, RW).unwrap().base, 0x9000_0000);
}

#[test]
fn physical_allocation_alignment_and_views() {
    let m = physical_manager();
    let large = m
        .allocate_physical(0, 0x1000, RW | MEM_LARGE_PAGES, 0, u32::MAX, 0)
        .unwrap();
    assert_eq!(
        large, 0xA000_0000,
        "64 KiB pages: view 0xA0000000, physical 0"
    );
    assert_eq!(m.query_allocation_size(large), 0x1_0000);
    let small = m.allocate_physical(0, 0x1000, RW, 0, u32::MAX, 0).unwrap();
    assert_eq!(small, 0xE001_0000, "4 KiB pages: view 0xE0000000");
    let aligned = m
        .allocate_physical(0, 0x1000, RW, 0, u32::MAX, 0x10_0000)
        .unwrap();
    assert_eq!(aligned, 0xE010_0000);
    let huge = m
        .allocate_physical(0, 0x10, RW | MEM_16MB_PAGES, 0, u32::MAX, 0)
        .unwrap();
    assert_eq!(huge, 0xC100_0000, "16 MiB pages, 16 MiB aligned");
    assert_eq!(m.query_allocation_size(huge), 0x100_0000);
    let bounded = m
        .allocate_physical(0, 0x2000, RW, 0x0200_0000, 0x02ff_ffff, 0)
        .unwrap();
    assert_eq!(bounded, 0xE200_0000);
    let top = m
        .allocate_physical(MEM_TOP_DOWN, 0x1000, RW, 0, u32::MAX, 0)
        .unwrap();
    assert_eq!(top, 0xFFFF_F000, "highest page of 512 MiB");
    let capped = m
        .allocate_physical(MEM_TOP_DOWN, 0x1000, RW, 0, 0x00ff_ffff, 0)
        .unwrap();
    assert_eq!(capped, 0xE0FF_F000, "max address is inclusive");

    for (size, prot, min, max, align, want) in [
        (0x1000, RW, 0, u32::MAX, 0x3000, STATUS_INVALID_PARAMETER),
        (0, RW, 0, u32::MAX, 0, STATUS_INVALID_PARAMETER),
        (0x1000, 0, 0, u32::MAX, 0, STATUS_INVALID_PAGE_PROTECTION),
        (0x2000_0000, RW, 0, u32::MAX, 0, STATUS_NO_MEMORY),
        (0x1000, RW, 0x2000_0000, u32::MAX, 0, STATUS_NO_MEMORY),
        (0x2000, RW, 0x0200_0000, 0x0200_1fff, 0, STATUS_NO_MEMORY),
    ] {
        assert_eq!(
            m.allocate_physical(0, size, prot, min, max, align),
            Err(want),
            "{size:#x} {prot:#x} {min:#x} {max:#x} {align:#x}"
        );
    }

    assert_eq!(m.physical_address(0xC100_0010), Some(0x100_0010));
    assert_eq!(m.physical_address(0xE001_0000), Some(0x1_0000));
    assert_eq!(m.physical_address(0x1000_0000), None);
    assert_eq!(m.physical_address(0xFFFF_FFFF), Some(0x1FFF_FFFF));
    assert_eq!(
        manager().physical_address(0xA000_0000),
        None,
        "no RAM behind the views"
    );
    assert_eq!(m.query_address_protect(0xA000_0004), RW | MEM_LARGE_PAGES);
    assert_eq!(
        m.query_address_protect(0xE000_0004),
        RW | MEM_LARGE_PAGES,
        "same RAM"
    );
    assert_eq!(
        m.query_address_protect(0xA100_0000 + 0x10_0000),
        RW | MEM_16MB_PAGES
    );
    assert_eq!(m.query_address_protect(0xE050_0000), 0, "free");
    assert_eq!(m.query_allocation_size(0xE050_0000), 0);
}

#[test]
fn physical_memory_is_one_ram_seen_three_times() {
    let m = physical_manager();
    let mem = m.memory().clone();
    let a = m
        .allocate_physical(0, 0x1_0000, RW | MEM_LARGE_PAGES, 0, u32::MAX, 0)
        .unwrap();
    assert_eq!(mem.read_u64(a + 0x80).unwrap(), 0, "zero-filled");
    mem.write_u32(a + 0x80, 0xFEED_FACE).unwrap();
    for view in PHYSICAL_VIEWS {
        assert_eq!(mem.read_u32(view + 0x80).unwrap(), 0xFEED_FACE, "{view:#x}");
    }
    mem.write_u8(0xC000_0081, 0x11).unwrap();
    assert_eq!(mem.read_u32(0xE000_0080).unwrap(), 0xFE11_FACE);

    // Freeing (through another view) closes every view and returns zeroed RAM.
    let freed = m.free_physical(0xE000_1000).unwrap();
    assert_eq!(
        (freed.address, freed.size, freed.view_address),
        (0, 0x1_0000, 0xA000_0000)
    );
    for view in PHYSICAL_VIEWS {
        assert!(mem.read_u8(view + 0x80).is_err(), "{view:#x}");
    }
    assert_eq!(
        m.free_physical(0xA000_0000),
        Err(STATUS_MEMORY_NOT_ALLOCATED)
    );
    assert_eq!(m.free_physical(0x1000_0000), Err(STATUS_INVALID_PARAMETER));
    let again = m.allocate_physical(0, 0x1000, RW, 0, u32::MAX, 0).unwrap();
    assert_eq!(again, 0xE000_0000);
    assert_eq!(mem.read_u32(again + 0x80).unwrap(), 0, "reused RAM is zero");

    let ro = m
        .allocate_physical(0, 0x1000, PAGE_READONLY, 0, u32::MAX, 0)
        .unwrap();
    assert!(mem.write_u8(ro, 1).is_err(), "read-only physical page");
}

#[test]
fn physical_allocation_needs_physical_backing() {
    let m = manager();
    assert_eq!(
        m.allocate_physical(0, 0x1000, RW, 0, u32::MAX, 0),
        Err(STATUS_NO_MEMORY)
    );
}

#[test]
fn concurrent_allocations_never_overlap() {
    let m = Arc::new(manager());
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let m = m.clone();
            std::thread::spawn(move || {
                (0..50)
                    .map(|_| {
                        m.allocate_virtual(0, 0x3000, MEM_RESERVE | MEM_COMMIT, RW)
                            .unwrap()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut all: Vec<Range> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    all.sort_by_key(|r| r.base);
    assert_eq!(all.len(), 200);
    for w in all.windows(2) {
        assert!(w[0].base + w[0].size <= w[1].base, "{:?} {:?}", w[0], w[1]);
    }
    assert_eq!(all[0].base, 0x1_0000);
    assert_eq!(all[199].base, 0x1_0000 + 199 * 0x1_0000, "packed at 64 KiB");
}

#[test]
fn set_address_protect_changes_physical_pages_in_every_view() {
    let m = physical_manager();
    let mem = m.memory().clone();
    let a = m.allocate_physical(0, 0x3000, RW, 0, u32::MAX, 0).unwrap();
    assert_eq!(a, 0xE000_0000);
    // Through the 64 KiB view, one byte into the second 4 KiB page: that page only.
    m.set_address_protect(0xA000_1800, 1, PAGE_READONLY)
        .unwrap();
    for view in PHYSICAL_VIEWS {
        assert!(mem.write_u8(view + 0x1800, 1).is_err(), "{view:#x}");
        assert!(mem.write_u8(view + 0x2000, 1).is_ok(), "{view:#x}");
        assert!(mem.read_u8(view + 0x1800).is_ok(), "{view:#x}");
    }
    assert_eq!(m.query_address_protect(0xE000_1000), PAGE_READONLY);
    assert_eq!(m.query_address_protect(0xE000_0000), RW);
    assert_eq!(
        m.set_address_protect(a, 0x4000, RW),
        Err(STATUS_CONFLICTING_ADDRESSES)
    );
    assert_eq!(
        m.set_address_protect(0xE010_0000, 0x1000, RW),
        Err(STATUS_MEMORY_NOT_ALLOCATED)
    );
    assert_eq!(
        m.set_address_protect(a, 0x1000, 0),
        Err(STATUS_INVALID_PAGE_PROTECTION)
    );
    assert_eq!(
        m.set_address_protect(a, 0, RW),
        Err(STATUS_INVALID_PARAMETER)
    );
    assert_eq!(
        m.set_address_protect(0x1000_0000, 0x1000, RW),
        Err(STATUS_INVALID_PARAMETER)
    );
    m.set_address_protect(a, 0x3000, PAGE_NOACCESS).unwrap();
    assert!(mem.read_u8(0xC000_0000).is_err());
    assert_eq!(m.query_address_protect(a), PAGE_NOACCESS);
}
