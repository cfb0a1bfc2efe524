/* threads: the kernel's threading and synchronisation exports, checked one behaviour at a time.
 *
 * Promised output (stdout, exactly; see threads.expected): one "PASS <check>" line per check
 * below, in this order, then "threads: 15 of 15 checks passed". A failing check prints
 * "FAIL <check>: <what was seen>" instead, and the exit status is then 1 (0 when all pass).
 * Only the main thread prints, so the order does not depend on scheduling.
 *
 * Every expected value is the documented NT behaviour of the export: an auto-reset event
 * satisfies one wait and resets, a manual-reset event stays signalled until cleared, a wait
 * that times out returns STATUS_TIMEOUT (0x102), a semaphore refuses to pass its maximum
 * (STATUS_SEMAPHORE_LIMIT_EXCEEDED), a mutant is recursive for its owner and refuses release
 * by anyone else (STATUS_MUTANT_NOT_OWNED), a wait-any returns the index of the signalled
 * object, a suspended thread does not run until resumed, TLS values are per thread.
 *
 * The console has no export that returns a thread's exit code (GetExitCodeThread lives in the
 * statically linked XAPI and reads the thread object), so workers publish their results through
 * memory, and the checks wait on the thread handles for them to end.
 *
 * Imports (xboxkrnl): DbgPrint, ExCreateThread, ExTerminateThread, ExThreadObjectType,
 * KeDelayExecutionThread, KeInitializeEvent, KeQuerySystemTime, KeSetAffinityThread,
 * KeSetBasePriorityThread, KeSetEvent, KeTlsAlloc, KeTlsFree, KeTlsGetValue, KeTlsSetValue,
 * KeWaitForSingleObject, NtCancelTimer, NtClearEvent, NtClose, NtCreateEvent, NtCreateMutant,
 * NtCreateSemaphore, NtCreateTimer, NtPulseEvent, NtReleaseMutant, NtReleaseSemaphore,
 * NtResumeThread, NtSetEvent, NtSetTimerEx, NtWaitForMultipleObjectsEx,
 * NtWaitForSingleObjectEx, NtYieldExecution, ObDereferenceObject, ObReferenceObjectByHandle,
 * RtlEnterCriticalSection, RtlInitializeCriticalSection, RtlLeaveCriticalSection,
 * RtlTryEnterCriticalSection. */
#include "xbox/runtime.h"

#define STACK_SIZE (64 * 1024)
#define WORKERS 4
#define INCREMENTS 10000

static int passed, failed;

static void check(const char *name, int ok, const char *format, ULONG a, ULONG b)
{
    if (ok) {
        passed++;
        DbgPrint("PASS %s\n", name);
    } else {
        failed++;
        DbgPrint("FAIL %s: ", name);
        DbgPrint(format, a, b);
        DbgPrint("\n");
    }
}

static NTSTATUS wait_ms(HANDLE handle, LONG ms)
{
    LARGE_INTEGER timeout = xbox_relative_ms(ms);
    return NtWaitForSingleObjectEx(handle, UserMode, FALSE, &timeout);
}

static NTSTATUS wait_forever(HANDLE handle)
{
    return NtWaitForSingleObjectEx(handle, UserMode, FALSE, NULL);
}

static HANDLE spawn(PTHREAD_START_ROUTINE routine, PVOID context, DWORD flags)
{
    HANDLE handle = NULL;
    DWORD id = 0;
    NTSTATUS status = ExCreateThread(&handle, STACK_SIZE, &id, NULL, routine, context, flags);
    if (!NT_SUCCESS(status)) {
        DbgPrint("FAIL ExCreateThread: status 0x%08x\n", status);
        failed++;
        return NULL;
    }
    return handle;
}

/* --- events ---------------------------------------------------------------------------- */

static void check_auto_reset_event(void)
{
    HANDLE event;
    NTSTATUS created = NtCreateEvent(&event, NULL, SynchronizationEvent, FALSE);
    NTSTATUS before = wait_ms(event, 0);
    LONG previous = -1;
    NtSetEvent(event, &previous);
    NTSTATUS first = wait_ms(event, 0);
    NTSTATUS second = wait_ms(event, 0);
    check("auto-reset event", created == STATUS_SUCCESS && before == STATUS_TIMEOUT &&
              previous == 0 && first == STATUS_SUCCESS && second == STATUS_TIMEOUT,
          "waits before/after set 0x%x then 0x%x", before, second);
    NtClose(event);
}

static void check_manual_reset_event(void)
{
    HANDLE event;
    NtCreateEvent(&event, NULL, NotificationEvent, TRUE);
    NTSTATUS first = wait_ms(event, 0);
    NTSTATUS second = wait_ms(event, 0);
    NtClearEvent(event);
    NTSTATUS cleared = wait_ms(event, 0);
    /* A pulse with nobody waiting releases nobody and leaves the event non-signalled. */
    LONG previous = -1;
    NtPulseEvent(event, &previous);
    NTSTATUS pulsed = wait_ms(event, 0);
    check("manual-reset event", first == STATUS_SUCCESS && second == STATUS_SUCCESS &&
              cleared == STATUS_TIMEOUT && previous == 0 && pulsed == STATUS_TIMEOUT,
          "after clear 0x%x, after pulse 0x%x", cleared, pulsed);
    NtClose(event);
}

static void check_timeout(void)
{
    HANDLE event;
    NtCreateEvent(&event, NULL, NotificationEvent, FALSE);
    LARGE_INTEGER start, end;
    KeQuerySystemTime(&start);
    NTSTATUS status = wait_ms(event, 20);
    KeQuerySystemTime(&end);
    /* At least most of the 20 ms must pass (clock granularity may shave a little off). */
    LONGLONG elapsed = end.QuadPart - start.QuadPart;
    check("wait timeout", status == STATUS_TIMEOUT && elapsed >= 10 * 10000,
          "status 0x%x after %d x 100 ns", status, (ULONG)elapsed);
    NtClose(event);
}

/* --- worker threads ---------------------------------------------------------------------- */

static volatile ULONG sums[WORKERS];
static volatile ULONG exit_codes[WORKERS];
static volatile ULONG after_terminate;

static DWORD sum_worker(PVOID context)
{
    ULONG index = (ULONG)context, sum = 0;
    for (ULONG i = 1; i <= 1000 * (index + 1); i++)
        sum += i;
    sums[index] = sum;
    exit_codes[index] = 100 + index;
    if (index == WORKERS - 1) {
        /* Ends the thread here: nothing below may run. */
        ExTerminateThread(100 + index);
        after_terminate = 1;
    }
    return 100 + index;
}

static void check_workers(void)
{
    HANDLE threads[WORKERS];
    for (ULONG i = 0; i < WORKERS; i++)
        threads[i] = spawn(sum_worker, (PVOID)i, 0);
    NTSTATUS status = NtWaitForMultipleObjectsEx(WORKERS, threads, WaitAll, UserMode, FALSE, NULL);
    int ok = status == STATUS_SUCCESS && !after_terminate;
    for (ULONG i = 0; i < WORKERS; i++) {
        ULONG n = 1000 * (i + 1);
        ok = ok && sums[i] == n * (n + 1) / 2 && exit_codes[i] == 100 + i;
        NtClose(threads[i]);
    }
    check("worker threads and ExTerminateThread", ok, "wait-all status 0x%x, sum 0 = %d", status,
          sums[0]);
}

/* --- semaphores --------------------------------------------------------------------------- */

static HANDLE work_semaphore, work_done;
static volatile ULONG consumed;

static DWORD consumer(PVOID context)
{
    ULONG count = (ULONG)context;
    for (ULONG i = 0; i < count; i++) {
        if (wait_forever(work_semaphore) != STATUS_SUCCESS)
            return 1;
        consumed++;
    }
    NtSetEvent(work_done, NULL);
    return 0;
}

static void check_semaphore(void)
{
    HANDLE semaphore;
    NtCreateSemaphore(&semaphore, NULL, 0, 2);
    LONG previous = -1;
    NTSTATUS first = NtReleaseSemaphore(semaphore, 1, &previous);
    NTSTATUS over = NtReleaseSemaphore(semaphore, 2, NULL);
    NTSTATUS taken = wait_ms(semaphore, 0);
    NTSTATUS empty = wait_ms(semaphore, 0);
    check("semaphore counts and limit", first == STATUS_SUCCESS && previous == 0 &&
              over == STATUS_SEMAPHORE_LIMIT_EXCEEDED && taken == STATUS_SUCCESS &&
              empty == STATUS_TIMEOUT,
          "release past the maximum gave 0x%x, empty wait 0x%x", over, empty);
    NtClose(semaphore);

    /* Producer and consumer: 50 units through a semaphore of maximum 3. */
    NtCreateSemaphore(&work_semaphore, NULL, 0, 3);
    NtCreateEvent(&work_done, NULL, NotificationEvent, FALSE);
    HANDLE thread = spawn(consumer, (PVOID)50, 0);
    ULONG produced = 0;
    while (produced < 50) {
        if (NtReleaseSemaphore(work_semaphore, 1, NULL) == STATUS_SUCCESS)
            produced++;
        else
            NtYieldExecution();
    }
    NTSTATUS done = wait_ms(work_done, 10000);
    wait_forever(thread);
    check("semaphore producer/consumer", done == STATUS_SUCCESS && consumed == 50,
          "done 0x%x, consumed %d", done, consumed);
    NtClose(thread);
    NtClose(work_done);
    NtClose(work_semaphore);
}

/* --- mutants -------------------------------------------------------------------------------- */

static HANDLE mutant;
static volatile NTSTATUS contender_try, contender_release, contender_wait;
static volatile ULONG contender_tried;

static DWORD contender(PVOID unused)
{
    (void)unused;
    contender_try = wait_ms(mutant, 0);
    contender_release = NtReleaseMutant(mutant, NULL);
    contender_tried = 1;
    contender_wait = wait_forever(mutant);
    NtReleaseMutant(mutant, NULL);
    return 0;
}

static void check_mutant(void)
{
    NtCreateMutant(&mutant, NULL, TRUE);
    NTSTATUS again = wait_ms(mutant, 0); /* the owner may take it again */
    HANDLE thread = spawn(contender, NULL, 0);
    /* The contender's zero-timeout wait and its release must fail while we own the mutant. */
    while (!contender_tried)
        xbox_sleep_ms(1);
    LONG first = 1, second = 1;
    NTSTATUS r1 = NtReleaseMutant(mutant, &first);
    NTSTATUS r2 = NtReleaseMutant(mutant, &second);
    wait_forever(thread);
    NtClose(thread);
    check("mutant ownership", again == STATUS_SUCCESS && contender_try == STATUS_TIMEOUT &&
              contender_release == STATUS_MUTANT_NOT_OWNED && r1 == STATUS_SUCCESS &&
              r2 == STATUS_SUCCESS && first == -1 && second == 0 &&
              contender_wait == STATUS_SUCCESS,
          "contender try 0x%x, contender release 0x%x", contender_try, contender_release);
    NtClose(mutant);
}

/* --- critical sections ---------------------------------------------------------------------- */

static RTL_CRITICAL_SECTION section;
static volatile ULONG shared_counter;
static volatile BOOLEAN try_from_other_thread = 2;

static DWORD incrementer(PVOID unused)
{
    (void)unused;
    for (int i = 0; i < INCREMENTS; i++) {
        RtlEnterCriticalSection(&section);
        ULONG value = shared_counter;
        if ((i & 255) == 0)
            NtYieldExecution(); /* invite a race the lock must prevent */
        shared_counter = value + 1;
        RtlLeaveCriticalSection(&section);
    }
    return 0;
}

static DWORD try_enter(PVOID unused)
{
    (void)unused;
    try_from_other_thread = RtlTryEnterCriticalSection(&section);
    if (try_from_other_thread)
        RtlLeaveCriticalSection(&section);
    return 0;
}

static void check_critical_section(void)
{
    RtlInitializeCriticalSection(&section);
    HANDLE threads[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        threads[i] = spawn(incrementer, NULL, 0);
    NtWaitForMultipleObjectsEx(WORKERS, threads, WaitAll, UserMode, FALSE, NULL);
    for (int i = 0; i < WORKERS; i++)
        NtClose(threads[i]);
    check("critical section mutual exclusion", shared_counter == WORKERS * INCREMENTS,
          "counter %d of %d", shared_counter, WORKERS * INCREMENTS);

    RtlEnterCriticalSection(&section);
    BOOLEAN recursive = RtlTryEnterCriticalSection(&section);
    HANDLE thread = spawn(try_enter, NULL, 0);
    wait_forever(thread);
    NtClose(thread);
    if (recursive)
        RtlLeaveCriticalSection(&section);
    RtlLeaveCriticalSection(&section);
    check("critical section try-enter", recursive == TRUE && try_from_other_thread == FALSE,
          "owner %d, other thread %d", recursive, try_from_other_thread);
}

/* --- thread-local storage ------------------------------------------------------------------- */

static DWORD tls_index;
static volatile ULONG tls_seen_initially = 1, tls_seen_after_set;

static DWORD tls_worker(PVOID unused)
{
    (void)unused;
    tls_seen_initially = (ULONG)KeTlsGetValue(tls_index);
    KeTlsSetValue(tls_index, (PVOID)0x2222);
    tls_seen_after_set = (ULONG)KeTlsGetValue(tls_index);
    return 0;
}

static void check_tls(void)
{
    tls_index = KeTlsAlloc();
    BOOLEAN set = KeTlsSetValue(tls_index, (PVOID)0x1111);
    HANDLE thread = spawn(tls_worker, NULL, 0);
    wait_forever(thread);
    NtClose(thread);
    ULONG mine = (ULONG)KeTlsGetValue(tls_index);
    BOOLEAN freed = KeTlsFree(tls_index);
    check("thread-local storage", tls_index != 0xFFFFFFFF && set && mine == 0x1111 &&
              tls_seen_initially == 0 && tls_seen_after_set == 0x2222 && freed,
          "main sees 0x%x, worker first saw 0x%x", mine, tls_seen_initially);
}

/* --- kernel event in guest memory ----------------------------------------------------------- */

static KEVENT kernel_event;
static volatile NTSTATUS kernel_wait = 1;

static DWORD kernel_waiter(PVOID unused)
{
    (void)unused;
    kernel_wait = KeWaitForSingleObject(&kernel_event, Executive, UserMode, FALSE, NULL);
    return 0;
}

static void check_kernel_event(void)
{
    KeInitializeEvent(&kernel_event, SynchronizationEvent, FALSE);
    LARGE_INTEGER zero = {.QuadPart = 0};
    NTSTATUS unsignalled =
        KeWaitForSingleObject(&kernel_event, Executive, UserMode, FALSE, &zero);
    HANDLE thread = spawn(kernel_waiter, NULL, 0);
    xbox_sleep_ms(5);
    KeSetEvent(&kernel_event, 0, FALSE);
    wait_forever(thread);
    NtClose(thread);
    check("KEVENT with KeWaitForSingleObject",
          unsignalled == STATUS_TIMEOUT && kernel_wait == STATUS_SUCCESS,
          "zero-timeout wait 0x%x, worker wait 0x%x", unsignalled, kernel_wait);
}

/* --- wait-any, suspend/resume, timers, priority and affinity -------------------------------- */

static void check_wait_any(void)
{
    HANDLE events[3];
    for (int i = 0; i < 3; i++)
        NtCreateEvent(&events[i], NULL, NotificationEvent, i == 2);
    LARGE_INTEGER timeout = xbox_relative_ms(1000);
    NTSTATUS any = NtWaitForMultipleObjectsEx(3, events, WaitAny, UserMode, FALSE, &timeout);
    timeout = xbox_relative_ms(0);
    NTSTATUS all = NtWaitForMultipleObjectsEx(3, events, WaitAll, UserMode, FALSE, &timeout);
    check("wait-any index and wait-all timeout", any == 2 && all == STATUS_TIMEOUT,
          "wait-any 0x%x, wait-all 0x%x", any, all);
    for (int i = 0; i < 3; i++)
        NtClose(events[i]);
}

static volatile ULONG suspended_ran;

static DWORD mark_ran(PVOID unused)
{
    (void)unused;
    suspended_ran = 1;
    return 0;
}

static void check_suspend_resume(void)
{
    HANDLE thread = spawn(mark_ran, NULL, CREATE_SUSPENDED);
    xbox_sleep_ms(20);
    ULONG ran_while_suspended = suspended_ran;
    ULONG previous = 99;
    NTSTATUS resumed = NtResumeThread(thread, &previous);
    NTSTATUS ended = wait_ms(thread, 10000);
    check("create suspended and resume", ran_while_suspended == 0 && resumed == STATUS_SUCCESS &&
              previous == 1 && ended == STATUS_SUCCESS && suspended_ran == 1,
          "ran while suspended %d, previous suspend count %d", ran_while_suspended, previous);
    NtClose(thread);
}

static void check_timer(void)
{
    HANDLE timer;
    NTSTATUS created = NtCreateTimer(&timer, NULL, NotificationTimer);
    NTSTATUS early = wait_ms(timer, 0);
    LARGE_INTEGER due = xbox_relative_ms(10);
    NTSTATUS set = NtSetTimerEx(timer, &due, NULL, UserMode, NULL, FALSE, 0, NULL);
    NTSTATUS fired = wait_ms(timer, 5000);
    BOOLEAN state = FALSE;
    NTSTATUS cancelled = NtCancelTimer(timer, &state);
    check("timer", created == STATUS_SUCCESS && early == STATUS_TIMEOUT && set == STATUS_SUCCESS &&
              fired == STATUS_SUCCESS && cancelled == STATUS_SUCCESS && state == TRUE,
          "set 0x%x, wait 0x%x", set, fired);
    NtClose(timer);
}

static DWORD spin_briefly(PVOID unused)
{
    (void)unused;
    for (int i = 0; i < 100; i++)
        NtYieldExecution();
    return 0;
}

static void check_affinity_and_priority(void)
{
    HANDLE thread = spawn(spin_briefly, NULL, CREATE_SUSPENDED);
    NTSTATUS affinity = xbox_set_thread_processor(thread, 5);
    NTSTATUS priority = xbox_set_thread_priority(thread, 1);
    NtResumeThread(thread, NULL);
    NTSTATUS ended = wait_ms(thread, 10000);
    check("affinity and priority", affinity == STATUS_SUCCESS && priority == STATUS_SUCCESS &&
              ended == STATUS_SUCCESS,
          "affinity 0x%x, priority 0x%x", affinity, priority);
    NtClose(thread);
}

int main(void)
{
    check_auto_reset_event();
    check_manual_reset_event();
    check_timeout();
    check_workers();
    check_semaphore();
    check_mutant();
    check_critical_section();
    check_tls();
    check_kernel_event();
    check_wait_any();
    check_suspend_resume();
    check_timer();
    check_affinity_and_priority();
    DbgPrint("threads: %d of %d checks passed\n", passed, passed + failed);
    return failed ? 1 : 0;
}
