/* Thread helpers declared in xbox/runtime.h. */
#include "xbox/runtime.h"

NTSTATUS xbox_sleep_ms(LONG ms)
{
    LARGE_INTEGER interval = xbox_relative_ms(ms);
    return KeDelayExecutionThread(UserMode, FALSE, &interval);
}

NTSTATUS xbox_set_thread_processor(HANDLE thread, ULONG hardware_thread)
{
    PVOID object = NULL;
    NTSTATUS status = ObReferenceObjectByHandle(thread, ExThreadObjectType, &object);
    if (!NT_SUCCESS(status))
        return status;
    KAFFINITY previous = 0;
    status = KeSetAffinityThread(object, (KAFFINITY)1 << hardware_thread, &previous);
    ObDereferenceObject(object);
    return status;
}

NTSTATUS xbox_set_thread_priority(HANDLE thread, LONG increment)
{
    PVOID object = NULL;
    NTSTATUS status = ObReferenceObjectByHandle(thread, ExThreadObjectType, &object);
    if (!NT_SUCCESS(status))
        return status;
    KeSetBasePriorityThread(object, increment);
    ObDereferenceObject(object);
    return STATUS_SUCCESS;
}
