/* pingpong: two threads on different hardware threads trade two auto-reset events.
 *
 * Promised output (stdout; see pingpong.expected-regex):
 *   pingpong: ping on hardware thread 1, pong on hardware thread 3
 *   pingpong: 10000 round trips
 *   pingpong: N round trips per second
 * where N is a decimal number (how fast the machine switches threads; not deterministic).
 * Exit status 0, or 1 if a wait fails (then a "pingpong: FAIL" line says which).
 *
 * Timing: the console's performance counter is the time base (mftb), which ticks at
 * KeQueryPerformanceFrequency per second; xboxkrnl exports no KeQueryPerformanceCounter
 * (titles' QueryPerformanceCounter reads the time base directly), so this reads it the same
 * way. KeQueryPerformanceFrequency returns its 64-bit result in one register: the runtime's
 * xbox_performance_frequency shim splits it for 32-bit C.
 *
 * Imports (xboxkrnl): DbgPrint, ExCreateThread, ExThreadObjectType, KeQueryPerformanceFrequency,
 * KeSetAffinityThread, NtClose, NtCreateEvent, NtResumeThread, NtSetEvent,
 * NtWaitForMultipleObjectsEx, NtWaitForSingleObjectEx, ObDereferenceObject,
 * ObReferenceObjectByHandle. */
#include "xbox/runtime.h"

#define ROUND_TRIPS 10000
#define PING_THREAD 1
#define PONG_THREAD 3

static HANDLE ping_event, pong_event;
static volatile ULONG failures;

static DWORD ping(PVOID unused)
{
    (void)unused;
    for (int i = 0; i < ROUND_TRIPS; i++) {
        NtSetEvent(ping_event, NULL);
        if (NtWaitForSingleObjectEx(pong_event, UserMode, FALSE, NULL) != STATUS_SUCCESS)
            failures++;
    }
    return 0;
}

static DWORD pong(PVOID unused)
{
    (void)unused;
    for (int i = 0; i < ROUND_TRIPS; i++) {
        if (NtWaitForSingleObjectEx(ping_event, UserMode, FALSE, NULL) != STATUS_SUCCESS)
            failures++;
        NtSetEvent(pong_event, NULL);
    }
    return 0;
}

static HANDLE start_on(PTHREAD_START_ROUTINE routine, ULONG hardware_thread)
{
    HANDLE thread = NULL;
    if (!NT_SUCCESS(ExCreateThread(&thread, 64 * 1024, NULL, NULL, routine, NULL,
                                   CREATE_SUSPENDED)))
        return NULL;
    if (!NT_SUCCESS(xbox_set_thread_processor(thread, hardware_thread)))
        failures++;
    return thread;
}

int main(void)
{
    NtCreateEvent(&ping_event, NULL, SynchronizationEvent, FALSE);
    NtCreateEvent(&pong_event, NULL, SynchronizationEvent, FALSE);
    HANDLE threads[2] = {start_on(ping, PING_THREAD), start_on(pong, PONG_THREAD)};
    if (!threads[0] || !threads[1]) {
        DbgPrint("pingpong: FAIL: ExCreateThread\n");
        return 1;
    }
    DbgPrint("pingpong: ping on hardware thread %d, pong on hardware thread %d\n", PING_THREAD,
             PONG_THREAD);

    ULONGLONG start = xbox_timebase();
    NtResumeThread(threads[1], NULL);
    NtResumeThread(threads[0], NULL);
    NTSTATUS status = NtWaitForMultipleObjectsEx(2, threads, WaitAll, UserMode, FALSE, NULL);
    ULONGLONG ticks = xbox_timebase() - start;
    ULONGLONG frequency = xbox_performance_frequency();
    NtClose(threads[0]);
    NtClose(threads[1]);
    NtClose(ping_event);
    NtClose(pong_event);

    if (status != STATUS_SUCCESS || failures) {
        DbgPrint("pingpong: FAIL: wait status 0x%x, %d failed waits or placements\n", status,
                 failures);
        return 1;
    }
    DbgPrint("pingpong: %d round trips\n", ROUND_TRIPS);
    if (ticks == 0)
        ticks = 1;
    ULONG per_second = (ULONG)((ULONGLONG)ROUND_TRIPS * frequency / ticks);
    DbgPrint("pingpong: %u round trips per second\n", per_second);
    return 0;
}
