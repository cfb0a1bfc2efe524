/* hello: the smallest title.
 *
 * Promised output (stdout, exactly): "Hello\n". Exit status 0.
 * Imports (xboxkrnl): DbgPrint. */
#include "xbox/runtime.h"

int main(void)
{
    DbgPrint("Hello\n");
    return 0;
}
