//! Virtual and physical memory exports: thin wrappers that read the guest's arguments, call
//! the memory manager (`crate::memory`) and write results back the way the console does.

use super::{Call, Outcome, XBOXKRNL};
use crate::memory::write_basic_information;
use crate::status::*;

exports! { XBOXKRNL;
    "NtAllocateVirtualMemory" => nt_allocate_virtual_memory,
    "NtFreeVirtualMemory" => nt_free_virtual_memory,
    "NtProtectVirtualMemory" => nt_protect_virtual_memory,
    "NtQueryVirtualMemory" => nt_query_virtual_memory,
    "MmAllocatePhysicalMemoryEx" => mm_allocate_physical_memory_ex,
    "MmAllocatePhysicalMemory" => mm_allocate_physical_memory,
    "MmFreePhysicalMemory" => mm_free_physical_memory,
    "MmGetPhysicalAddress" => mm_get_physical_address,
    "MmQueryAddressProtect" => mm_query_address_protect,
    "MmQueryAllocationSize" => mm_query_allocation_size,
    "MmSetAddressProtect" => mm_set_address_protect,
}

fn done(r: Result<(), u32>) -> Outcome {
    Outcome::Return(u64::from(r.err().unwrap_or(STATUS_SUCCESS)))
}

/// NtAllocateVirtualMemory(PVOID* base, PSIZE_T size, type, protect, debug_memory): the
/// rounded base and size are written back on success.
fn nt_allocate_virtual_memory(c: &mut Call) -> Outcome {
    let (base_ptr, size_ptr, ty, prot) = (c.arg(0), c.arg(1), c.arg(2), c.arg(3));
    done((|| {
        let base = c.read_u32(base_ptr)?;
        let size = c.read_u32(size_ptr)?;
        let r = c.st.vm.allocate_virtual(base, size, ty, prot)?;
        c.write_u32(base_ptr, r.base)?;
        c.write_u32(size_ptr, r.size)
    })())
}

/// NtFreeVirtualMemory(PVOID* base, PSIZE_T size, free_type, debug_memory).
fn nt_free_virtual_memory(c: &mut Call) -> Outcome {
    let (base_ptr, size_ptr, ty) = (c.arg(0), c.arg(1), c.arg(2));
    done((|| {
        let base = c.read_u32(base_ptr)?;
        let size = c.read_u32(size_ptr)?;
        let r = c.st.vm.free_virtual(base, size, ty)?;
        c.write_u32(base_ptr, r.base)?;
        c.write_u32(size_ptr, r.size)
    })())
}

/// NtProtectVirtualMemory(PVOID* base, PSIZE_T size, protect, PULONG old, debug_memory).
fn nt_protect_virtual_memory(c: &mut Call) -> Outcome {
    let (base_ptr, size_ptr, prot, old_ptr) = (c.arg(0), c.arg(1), c.arg(2), c.arg(3));
    done((|| {
        let base = c.read_u32(base_ptr)?;
        let size = c.read_u32(size_ptr)?;
        let (r, old) = c.st.vm.protect_virtual(base, size, prot)?;
        c.write_u32(base_ptr, r.base)?;
        c.write_u32(size_ptr, r.size)?;
        c.out_u32(old_ptr, old)
    })())
}

/// NtQueryVirtualMemory(PVOID address, PMEMORY_BASIC_INFORMATION, debug_memory).
fn nt_query_virtual_memory(c: &mut Call) -> Outcome {
    let (addr, info_ptr) = (c.arg(0), c.arg(1));
    done((|| {
        let info = c.st.vm.query_virtual(addr)?;
        write_basic_information(c.mem, info_ptr, &info).map_err(|_| STATUS_ACCESS_VIOLATION)
    })())
}

/// MmAllocatePhysicalMemoryEx(flags, size, protect, min, max, alignment) -> address or NULL.
fn mm_allocate_physical_memory_ex(c: &mut Call) -> Outcome {
    let (flags, size, prot) = (c.arg(0), c.arg(1), c.arg(2));
    let (min, max, align) = (c.arg(3), c.arg(4), c.arg(5));
    let a =
        c.st.vm
            .allocate_physical(flags, size, prot, min, max, align)
            .unwrap_or(0);
    Outcome::Return(u64::from(a))
}

/// MmAllocatePhysicalMemory(flags, size, protect): anywhere in physical memory.
fn mm_allocate_physical_memory(c: &mut Call) -> Outcome {
    let (flags, size, prot) = (c.arg(0), c.arg(1), c.arg(2));
    let a =
        c.st.vm
            .allocate_physical(flags, size, prot, 0, u32::MAX, 0)
            .unwrap_or(0);
    Outcome::Return(u64::from(a))
}

/// MmFreePhysicalMemory(type, address).
fn mm_free_physical_memory(c: &mut Call) -> Outcome {
    if let Err(s) = c.st.vm.free_physical(c.arg(1)) {
        tracing::warn!(
            "MmFreePhysicalMemory({:#010x}) from {:#010x}: status {s:#010x}",
            c.arg(1),
            c.lr()
        );
    }
    Outcome::Return(0)
}

fn mm_get_physical_address(c: &mut Call) -> Outcome {
    Outcome::Return(u64::from(c.st.vm.physical_address(c.arg(0)).unwrap_or(0)))
}

fn mm_query_address_protect(c: &mut Call) -> Outcome {
    Outcome::Return(u64::from(c.st.vm.query_address_protect(c.arg(0))))
}

fn mm_query_allocation_size(c: &mut Call) -> Outcome {
    Outcome::Return(u64::from(c.st.vm.query_allocation_size(c.arg(0))))
}

/// MmSetAddressProtect(address, size, protect).
fn mm_set_address_protect(c: &mut Call) -> Outcome {
    let (addr, size, prot) = (c.arg(0), c.arg(1), c.arg(2));
    if let Err(s) = c.st.vm.set_address_protect(addr, size, prot) {
        tracing::warn!("MmSetAddressProtect({addr:#010x}, {size:#x}, {prot:#x}): status {s:#010x}");
    }
    Outcome::Return(0)
}
