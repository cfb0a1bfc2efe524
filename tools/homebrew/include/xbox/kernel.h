/* Prototypes of the kernel exports in imports.def, as the console's kernel defines them (our
 * own declarations; argument order and meaning are public facts). Calling convention: up to
 * eight 32-bit arguments in r3..r10, result in r3. Exports that return a 64-bit value in one
 * 64-bit register have an _64 wrapper in runtime.h instead of a direct prototype. */
#ifndef XBOX_KERNEL_H
#define XBOX_KERNEL_H

#include "xbox/types.h"

/* Debug output: printf-style, at most 7 integer/pointer arguments after the format. */
ULONG DbgPrint(const char *format, ...);

/* Threads. */
NTSTATUS ExCreateThread(PHANDLE handle, DWORD stack_size, PDWORD thread_id, PVOID xapi_startup,
                        PTHREAD_START_ROUTINE start_routine, PVOID start_context,
                        DWORD creation_flags);
/* Does not return; deliberately not declared noreturn so that a caller can detect a kernel
 * that wrongly returns. */
VOID ExTerminateThread(DWORD exit_code);
NTSTATUS NtResumeThread(HANDLE thread, PULONG previous_suspend_count);
NTSTATUS NtSuspendThread(HANDLE thread, PULONG previous_suspend_count);
NTSTATUS NtYieldExecution(VOID);
NTSTATUS KeDelayExecutionThread(KPROCESSOR_MODE mode, BOOLEAN alertable, PLARGE_INTEGER interval);
NTSTATUS ObReferenceObjectByHandle(HANDLE handle, POBJECT_TYPE object_type, PVOID *object);
VOID ObDereferenceObject(PVOID object);
/* Stores the previous affinity through the pointer; returns a status. */
NTSTATUS KeSetAffinityThread(PKTHREAD thread, KAFFINITY affinity, KAFFINITY *previous);
LONG KeSetBasePriorityThread(PKTHREAD thread, LONG increment);
/* The slot holding the address of the kernel's thread object type. */
extern POBJECT_TYPE const ExThreadObjectType;

/* Events, semaphores, mutants, timers, waits. */
NTSTATUS NtCreateEvent(PHANDLE handle, POBJECT_ATTRIBUTES attributes, DWORD event_type,
                       BOOLEAN initial_state);
NTSTATUS NtSetEvent(HANDLE event, PLONG previous_state);
NTSTATUS NtClearEvent(HANDLE event);
NTSTATUS NtPulseEvent(HANDLE event, PLONG previous_state);
NTSTATUS NtCreateSemaphore(PHANDLE handle, POBJECT_ATTRIBUTES attributes, LONG initial_count,
                           LONG maximum_count);
NTSTATUS NtReleaseSemaphore(HANDLE semaphore, LONG release_count, PLONG previous_count);
NTSTATUS NtCreateMutant(PHANDLE handle, POBJECT_ATTRIBUTES attributes, BOOLEAN initial_owner);
NTSTATUS NtReleaseMutant(HANDLE mutant, PLONG previous_count);
NTSTATUS NtCreateTimer(PHANDLE handle, POBJECT_ATTRIBUTES attributes, DWORD timer_type);
NTSTATUS NtSetTimerEx(HANDLE timer, PLARGE_INTEGER due_time, PTIMER_APC_ROUTINE apc_routine,
                      KPROCESSOR_MODE apc_mode, PVOID apc_context, BOOLEAN resume, LONG period_ms,
                      PBOOLEAN previous_state);
NTSTATUS NtCancelTimer(HANDLE timer, PBOOLEAN current_state);
NTSTATUS NtWaitForSingleObjectEx(HANDLE handle, KPROCESSOR_MODE mode, BOOLEAN alertable,
                                 PLARGE_INTEGER timeout);
NTSTATUS NtWaitForMultipleObjectsEx(ULONG count, HANDLE *handles, DWORD wait_type,
                                    KPROCESSOR_MODE mode, BOOLEAN alertable,
                                    PLARGE_INTEGER timeout);
NTSTATUS NtClose(HANDLE handle);
VOID KeInitializeEvent(PKEVENT event, DWORD event_type, BOOLEAN initial_state);
LONG KeSetEvent(PKEVENT event, LONG increment, BOOLEAN wait);
NTSTATUS KeWaitForSingleObject(PVOID object, DWORD wait_reason, KPROCESSOR_MODE mode,
                               BOOLEAN alertable, PLARGE_INTEGER timeout);

/* Critical sections and thread-local storage. */
VOID RtlInitializeCriticalSection(PRTL_CRITICAL_SECTION section);
VOID RtlEnterCriticalSection(PRTL_CRITICAL_SECTION section);
VOID RtlLeaveCriticalSection(PRTL_CRITICAL_SECTION section);
BOOLEAN RtlTryEnterCriticalSection(PRTL_CRITICAL_SECTION section);
DWORD KeTlsAlloc(VOID);
BOOLEAN KeTlsFree(DWORD index);
PVOID KeTlsGetValue(DWORD index);
BOOLEAN KeTlsSetValue(DWORD index, PVOID value);

/* Memory. */
NTSTATUS NtAllocateVirtualMemory(PVOID *base, PSIZE_T size, DWORD allocation_type, DWORD protect,
                                 DWORD debug_memory);
NTSTATUS NtFreeVirtualMemory(PVOID *base, PSIZE_T size, DWORD free_type, DWORD debug_memory);
NTSTATUS NtProtectVirtualMemory(PVOID *base, PSIZE_T size, DWORD protect, PDWORD old_protect,
                                DWORD debug_memory);
NTSTATUS NtQueryVirtualMemory(PVOID address, PMEMORY_BASIC_INFORMATION info, DWORD region_type);
/* Page size flags (MEM_LARGE_PAGES for 64 KiB pages) go in `protect`; 0 on failure. */
PVOID MmAllocatePhysicalMemoryEx(DWORD flags, SIZE_T size, DWORD protect, ULONG_PTR lowest,
                                 ULONG_PTR highest, ULONG_PTR alignment);
VOID MmFreePhysicalMemory(DWORD type, PVOID address);
ULONG MmGetPhysicalAddress(PVOID address);
DWORD MmQueryAddressProtect(PVOID address);

/* Time. KeQueryPerformanceFrequency returns a 64-bit value in one register: call
 * xbox_performance_frequency() (runtime.h) instead of it. */
VOID KeQuerySystemTime(PLARGE_INTEGER time);
extern volatile KTIME_STAMP_BUNDLE *const KeTimeStampBundle;

#endif
