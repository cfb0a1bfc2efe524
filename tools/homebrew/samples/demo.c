/* demo: the Mandelbrot set in ASCII, rendered by six worker threads, one per hardware thread.
 *
 * The main thread queues the picture's rows and counts them into a semaphore; each worker,
 * pinned to its own hardware thread, takes a count from the semaphore, pops a row number from
 * the queue (under a critical section), renders the row and counts it done; the worker that
 * finishes the last row sets the "finished" event. The main thread waits for that event, then
 * queues one stop marker per worker, waits for every worker to end and prints the picture.
 * Which worker renders which row varies from run to run; the picture does not: it is computed
 * in fixed-point integer arithmetic (Q12), so that it is exact on any correct CPU.
 *
 * Promised output (stdout, exactly; see demo.expected, which tools/homebrew/samples/
 * mandelbrot.py computes independently): a title line, 24 rows of 64 characters and a last
 * line "demo: 24 rows by 6 hardware threads". Exit status 0 (1 if a worker cannot be started
 * or a wait fails, after a "demo: FAIL" line).
 *
 * Imports (xboxkrnl): DbgPrint, ExCreateThread, ExThreadObjectType, KeSetAffinityThread,
 * NtClose, NtCreateEvent, NtCreateSemaphore, NtReleaseSemaphore, NtResumeThread, NtSetEvent,
 * NtWaitForMultipleObjectsEx, NtWaitForSingleObjectEx, ObDereferenceObject,
 * ObReferenceObjectByHandle, RtlEnterCriticalSection, RtlInitializeCriticalSection,
 * RtlLeaveCriticalSection. */
#include "xbox/runtime.h"

#define WIDTH 64
#define HEIGHT 24
#define WORKERS 6
#define MAX_ITERATIONS 64
#define FRACTION_BITS 12
#define STOP (-1)

static char picture[HEIGHT][WIDTH + 1];

static HANDLE rows_queued, finished;
static RTL_CRITICAL_SECTION queue_lock;
static int queue[HEIGHT + WORKERS];
static int queue_head, queue_tail, rows_done;

/* x from -2.25 in steps of 3/64, y from -1.125 in steps of 2.25/24 (cell centres), Q12. */
static char mandelbrot(int column, int row)
{
    static const char shades[] = " .,-:;=+*%";
    const int one = 1 << FRACTION_BITS;
    int cx = -9216 + 192 * column + 96;
    int cy = -4608 + 384 * row + 192;
    int zr = 0, zi = 0, n = 0;
    for (; n < MAX_ITERATIONS; n++) {
        int zr2 = (zr * zr) >> FRACTION_BITS;
        int zi2 = (zi * zi) >> FRACTION_BITS;
        if (zr2 + zi2 > 4 * one)
            break;
        zi = ((2 * zr * zi) >> FRACTION_BITS) + cy;
        zr = zr2 - zi2 + cx;
    }
    if (n == MAX_ITERATIONS)
        return '#';
    /* n >= 1 here: the first step only moves z from 0 to c. */
    return shades[n - 1 < 9 ? n - 1 : 9];
}

static void render_row(int row)
{
    for (int column = 0; column < WIDTH; column++)
        picture[row][column] = mandelbrot(column, row);
    picture[row][WIDTH] = 0;
}

static DWORD worker(PVOID unused)
{
    (void)unused;
    for (;;) {
        if (NtWaitForSingleObjectEx(rows_queued, UserMode, FALSE, NULL) != STATUS_SUCCESS)
            return 1;
        RtlEnterCriticalSection(&queue_lock);
        int row = queue[queue_head++];
        RtlLeaveCriticalSection(&queue_lock);
        if (row == STOP)
            return 0;
        render_row(row);
        RtlEnterCriticalSection(&queue_lock);
        int last = ++rows_done == HEIGHT;
        RtlLeaveCriticalSection(&queue_lock);
        if (last)
            NtSetEvent(finished, NULL);
    }
}

static void enqueue(int row)
{
    RtlEnterCriticalSection(&queue_lock);
    queue[queue_tail++] = row;
    RtlLeaveCriticalSection(&queue_lock);
    NtReleaseSemaphore(rows_queued, 1, NULL);
}

int main(void)
{
    RtlInitializeCriticalSection(&queue_lock);
    NtCreateSemaphore(&rows_queued, NULL, 0, HEIGHT + WORKERS);
    NtCreateEvent(&finished, NULL, NotificationEvent, FALSE);

    HANDLE threads[WORKERS];
    for (ULONG i = 0; i < WORKERS; i++) {
        if (!NT_SUCCESS(ExCreateThread(&threads[i], 64 * 1024, NULL, NULL, worker, NULL,
                                       CREATE_SUSPENDED))) {
            DbgPrint("demo: FAIL: ExCreateThread\n");
            return 1;
        }
        xbox_set_thread_processor(threads[i], i);
        NtResumeThread(threads[i], NULL);
    }

    for (int row = 0; row < HEIGHT; row++)
        enqueue(row);
    NTSTATUS done = NtWaitForSingleObjectEx(finished, UserMode, FALSE, NULL);
    for (int i = 0; i < WORKERS; i++)
        enqueue(STOP);
    NTSTATUS ended = NtWaitForMultipleObjectsEx(WORKERS, threads, WaitAll, UserMode, FALSE, NULL);
    if (done != STATUS_SUCCESS || ended != STATUS_SUCCESS) {
        DbgPrint("demo: FAIL: waits returned 0x%x and 0x%x\n", done, ended);
        return 1;
    }

    DbgPrint("Oxenon: the Mandelbrot set, one row at a time across the six hardware threads\n");
    for (int row = 0; row < HEIGHT; row++)
        DbgPrint("%s\n", picture[row]);
    DbgPrint("demo: %d rows by %d hardware threads\n", HEIGHT, WORKERS);
    for (int i = 0; i < WORKERS; i++)
        NtClose(threads[i]);
    NtClose(finished);
    NtClose(rows_queued);
    return 0;
}
