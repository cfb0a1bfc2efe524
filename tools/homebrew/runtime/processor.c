/* xbox_set_thread_processor (xbox/runtime.h). */
#include "xbox/runtime.h"

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
