/* xbox_sleep_ms (xbox/runtime.h). Each helper has a file of its own, so that a program
 * linking one imports only the exports that one calls. */
#include "xbox/runtime.h"

NTSTATUS xbox_sleep_ms(LONG ms)
{
    LARGE_INTEGER interval = xbox_relative_ms(ms);
    return KeDelayExecutionThread(UserMode, FALSE, &interval);
}
