/* xbox_set_thread_priority (xbox/runtime.h). */
#include "xbox/runtime.h"

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
