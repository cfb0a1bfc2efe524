/* memory: virtual and physical memory through the kernel's Nt/Mm exports.
 *
 * Promised output (stdout, exactly; see memory.expected): the lines below, each with the
 * status or value NT documents for that call, ending with "memory: PASS" and exit status 0
 * (a deviation prints "memory: FAIL (N mismatches)" and exits 1). Addresses are not printed:
 * where the kernel places an allocation is its own business.
 *
 * Sizes are multiples of 64 KiB, so that rounding to either the 4 KiB or the 64 KiB page size
 * changes nothing. Expected values: a reserve leaves pages MEM_RESERVE (0x2000) with the
 * requested allocation protection, MEM_PRIVATE (0x20000) type; a commit makes them MEM_COMMIT
 * (0x1000), zero-filled and writable; NtProtectVirtualMemory returns the old protection;
 * decommitting returns pages to MEM_RESERVE; releasing from inside a region fails with
 * STATUS_FREE_VM_NOT_AT_BASE (0xC000009F), releasing it twice with STATUS_MEMORY_NOT_ALLOCATED
 * (0xC00000A0); a protection of 0 is STATUS_INVALID_PAGE_PROTECTION (0xC0000045). Physical
 * allocations with MEM_LARGE_PAGES come from the 64 KiB-page physical range, where
 * MmGetPhysicalAddress is the virtual address's low 29 bits.
 *
 * Imports (xboxkrnl): DbgPrint, MmAllocatePhysicalMemoryEx, MmFreePhysicalMemory,
 * MmGetPhysicalAddress, MmQueryAddressProtect, NtAllocateVirtualMemory, NtFreeVirtualMemory,
 * NtProtectVirtualMemory, NtQueryVirtualMemory. */
#include "xbox/runtime.h"

#define RESERVE_SIZE 0x100000
#define COMMIT_SIZE 0x10000

static int mismatches;

static void expect(const char *what, ULONG got, ULONG want)
{
    DbgPrint("memory: %s: 0x%x\n", what, got);
    if (got != want) {
        DbgPrint("memory:   expected 0x%x\n", want);
        mismatches++;
    }
}

static MEMORY_BASIC_INFORMATION query(PVOID address)
{
    MEMORY_BASIC_INFORMATION info;
    memset(&info, 0xEE, sizeof info);
    NTSTATUS status = NtQueryVirtualMemory(address, &info, 0);
    expect("query status", status, STATUS_SUCCESS);
    return info;
}

int main(void)
{
    /* Reserve 1 MiB anywhere. */
    PVOID base = NULL;
    SIZE_T size = RESERVE_SIZE;
    expect("reserve 1 MiB status",
           NtAllocateVirtualMemory(&base, &size, MEM_RESERVE, PAGE_READWRITE, 0), STATUS_SUCCESS);
    expect("reserved size", size, RESERVE_SIZE);
    expect("reserved base is 64 KiB aligned", (ULONG)base & 0xFFFF, 0);
    MEMORY_BASIC_INFORMATION info = query(base);
    expect("reserved state", info.State, MEM_RESERVE);
    expect("reserved allocation protect", info.AllocationProtect, PAGE_READWRITE);
    expect("reserved region size", info.RegionSize, RESERVE_SIZE);
    expect("reserved type", info.Type, MEM_PRIVATE);
    expect("allocation base", info.AllocationBase == base, 1);

    /* Commit its first 64 KiB, which must read as zero and hold what is written. */
    PVOID commit = base;
    size = COMMIT_SIZE;
    expect("commit 64 KiB status",
           NtAllocateVirtualMemory(&commit, &size, MEM_COMMIT, PAGE_READWRITE, 0), STATUS_SUCCESS);
    expect("committed at the reserved base", commit == base, 1);
    volatile ULONG *words = base;
    ULONG nonzero = 0, wrong = 0;
    for (ULONG i = 0; i < COMMIT_SIZE / 4; i++)
        nonzero += words[i] != 0;
    for (ULONG i = 0; i < COMMIT_SIZE / 4; i++)
        words[i] = i * 2654435761u;
    for (ULONG i = 0; i < COMMIT_SIZE / 4; i++)
        wrong += words[i] != i * 2654435761u;
    expect("nonzero words after commit", nonzero, 0);
    expect("words that did not read back", wrong, 0);
    info = query(base);
    expect("committed state", info.State, MEM_COMMIT);
    expect("committed protect", info.Protect, PAGE_READWRITE);
    expect("committed region size", info.RegionSize, COMMIT_SIZE);
    info = query((char *)base + COMMIT_SIZE);
    expect("state past the commit", info.State, MEM_RESERVE);

    /* Make it read-only. */
    PVOID protect_base = base;
    size = COMMIT_SIZE;
    ULONG old = 0;
    expect("protect read-only status",
           NtProtectVirtualMemory(&protect_base, &size, PAGE_READONLY, &old, 0), STATUS_SUCCESS);
    expect("old protection", old, PAGE_READWRITE);
    expect("MmQueryAddressProtect", MmQueryAddressProtect(base) & 0xFF, PAGE_READONLY);
    info = query(base);
    expect("protected protect", info.Protect, PAGE_READONLY);
    expect("contents kept", words[12345] == 12345 * 2654435761u, 1);

    /* Decommit, then release. */
    PVOID free_base = base;
    size = COMMIT_SIZE;
    expect("decommit status", NtFreeVirtualMemory(&free_base, &size, MEM_DECOMMIT, 0),
           STATUS_SUCCESS);
    info = query(base);
    expect("decommitted state", info.State, MEM_RESERVE);
    free_base = (char *)base + COMMIT_SIZE;
    size = 0;
    expect("release from inside the region", NtFreeVirtualMemory(&free_base, &size, MEM_RELEASE, 0),
           STATUS_FREE_VM_NOT_AT_BASE);
    free_base = base;
    size = 0;
    expect("release status", NtFreeVirtualMemory(&free_base, &size, MEM_RELEASE, 0),
           STATUS_SUCCESS);
    expect("released size", size, RESERVE_SIZE);
    info = query(base);
    expect("released state", info.State, MEM_FREE);
    free_base = base;
    size = 0;
    expect("release again", NtFreeVirtualMemory(&free_base, &size, MEM_RELEASE, 0),
           STATUS_MEMORY_NOT_ALLOCATED);

    /* A protection of 0 is refused. */
    PVOID bad = NULL;
    size = COMMIT_SIZE;
    expect("allocate with protection 0",
           NtAllocateVirtualMemory(&bad, &size, MEM_RESERVE | MEM_COMMIT, 0, 0),
           STATUS_INVALID_PAGE_PROTECTION);

    /* Physical memory: 64 KiB pages, 64 KiB aligned, anywhere in physical memory. */
    PVOID physical = MmAllocatePhysicalMemoryEx(0, COMMIT_SIZE, PAGE_READWRITE | MEM_LARGE_PAGES,
                                                0, 0xFFFFFFFF, COMMIT_SIZE);
    expect("physical allocation succeeded", physical != NULL, 1);
    if (physical) {
        expect("physical allocation is 64 KiB aligned", (ULONG)physical & 0xFFFF, 0);
        expect("physical address is the low 29 bits",
               MmGetPhysicalAddress(physical) == ((ULONG)physical & 0x1FFFFFFF), 1);
        volatile ULONG *p = physical;
        wrong = 0;
        for (ULONG i = 0; i < COMMIT_SIZE / 4; i++)
            p[i] = ~i;
        for (ULONG i = 0; i < COMMIT_SIZE / 4; i++)
            wrong += p[i] != ~i;
        expect("physical words that did not read back", wrong, 0);
        MmFreePhysicalMemory(0, physical);
    }

    if (mismatches) {
        DbgPrint("memory: FAIL (%d mismatches)\n", mismatches);
        return 1;
    }
    DbgPrint("memory: PASS\n");
    return 0;
}
