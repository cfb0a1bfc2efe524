/* The homebrew runtime: what the samples need beyond the kernel's own exports. */
#ifndef XBOX_RUNTIME_H
#define XBOX_RUNTIME_H

#include "xbox/kernel.h"

/* The program's entry point, called by crt0 on the main thread; its return value is the main
 * thread's exit code. */
int main(void);

/* KeQueryPerformanceFrequency through the 64-bit-return shim (runtime/shims.S). */
ULONGLONG xbox_performance_frequency(void);

/* The time base the console's performance counter reads (mftbu/mftb/mftbu, so that a carry
 * between the two halves cannot tear the value). */
static inline ULONGLONG xbox_timebase(void)
{
    ULONG high, low, check;
    do {
        __asm__ volatile("mftbu %0\n\tmftb %1\n\tmftbu %2" : "=r"(high), "=r"(low), "=r"(check));
    } while (high != check);
    return ((ULONGLONG)high << 32) | low;
}

/* A relative NT interval of `ms` milliseconds (negative 100 ns units). */
static inline LARGE_INTEGER xbox_relative_ms(LONG ms)
{
    LARGE_INTEGER interval;
    interval.QuadPart = -(LONGLONG)ms * 10000;
    return interval;
}

/* Sleeps the calling thread (KeDelayExecutionThread). */
NTSTATUS xbox_sleep_ms(LONG ms);

/* Restricts a thread to one hardware thread (0-5) the way the console's XSetThreadProcessor
 * does: ObReferenceObjectByHandle, KeSetAffinityThread, ObDereferenceObject. */
NTSTATUS xbox_set_thread_processor(HANDLE thread, ULONG hardware_thread);

/* Changes a thread's base priority (KeSetBasePriorityThread on its object); returns the status
 * of looking the thread up. */
NTSTATUS xbox_set_thread_priority(HANDLE thread, LONG increment);

/* Freestanding C still needs these (gcc emits calls to them for structure copies). */
void *memset(void *dest, int value, SIZE_T size);
void *memcpy(void *dest, const void *src, SIZE_T size);
int memcmp(const void *a, const void *b, SIZE_T size);
SIZE_T strlen(const char *s);

#endif
