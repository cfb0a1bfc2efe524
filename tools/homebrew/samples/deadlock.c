/* deadlock: a run that can only end in the kernel's deadlock detection.
 *
 * The main thread creates three workers; each waits, with no timeout, on its own
 * "work available" event, which nobody ever signals. The main thread then waits, with no
 * timeout, for all three workers to end. Every thread is blocked for ever on an object no
 * running thread can signal: the kernel must report a deadlock and end the run (how it
 * reports it, and the exit status, are the kernel's to define).
 *
 * Promised output (stdout, exactly; see deadlock.expected):
 *   deadlock: 3 workers wait for work nobody will signal; main waits for the workers
 * and nothing after it. If the waits wrongly return, "deadlock: FAIL" follows and the exit
 * status is 1.
 *
 * Imports (xboxkrnl): DbgPrint, ExCreateThread, NtCreateEvent, NtWaitForMultipleObjectsEx,
 * NtWaitForSingleObjectEx. */
#include "xbox/runtime.h"

#define WORKERS 3

static HANDLE work_available[WORKERS];

static DWORD worker(PVOID context)
{
    ULONG index = (ULONG)context;
    NtWaitForSingleObjectEx(work_available[index], UserMode, FALSE, NULL);
    DbgPrint("deadlock: FAIL: worker %d woke up\n", index);
    return 1;
}

int main(void)
{
    HANDLE threads[WORKERS];
    for (ULONG i = 0; i < WORKERS; i++) {
        NtCreateEvent(&work_available[i], NULL, SynchronizationEvent, FALSE);
        if (!NT_SUCCESS(ExCreateThread(&threads[i], 64 * 1024, NULL, NULL, worker, (PVOID)i, 0))) {
            DbgPrint("deadlock: FAIL: ExCreateThread\n");
            return 1;
        }
    }
    DbgPrint("deadlock: %d workers wait for work nobody will signal; main waits for the workers\n",
             WORKERS);
    NTSTATUS status = NtWaitForMultipleObjectsEx(WORKERS, threads, WaitAll, UserMode, FALSE, NULL);
    DbgPrint("deadlock: FAIL: the wait returned 0x%x\n", status);
    return 1;
}
