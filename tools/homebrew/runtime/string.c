/* The memory and string functions freestanding C still needs. The copies go through volatile
 * pointers so that the compiler cannot turn the loops back into calls to themselves. */
#include "xbox/runtime.h"

void *memset(void *dest, int value, SIZE_T size)
{
    volatile unsigned char *d = dest;
    while (size--)
        *d++ = (unsigned char)value;
    return dest;
}

void *memcpy(void *dest, const void *src, SIZE_T size)
{
    volatile unsigned char *d = dest;
    const unsigned char *s = src;
    while (size--)
        *d++ = *s++;
    return dest;
}

int memcmp(const void *a, const void *b, SIZE_T size)
{
    const unsigned char *x = a, *y = b;
    for (; size; size--, x++, y++)
        if (*x != *y)
            return *x < *y ? -1 : 1;
    return 0;
}

SIZE_T strlen(const char *s)
{
    SIZE_T n = 0;
    while (s[n])
        n++;
    return n;
}
