/* 64-bit division for 32-bit code: gcc -m32 calls these for long long / and %, and the
 * distribution's cross compiler ships no 32-bit libgcc. Restoring shift-and-subtract. */
#include "xbox/types.h"

ULONGLONG __udivmoddi4(ULONGLONG numerator, ULONGLONG denominator, ULONGLONG *remainder);
ULONGLONG __udivdi3(ULONGLONG numerator, ULONGLONG denominator);
ULONGLONG __umoddi3(ULONGLONG numerator, ULONGLONG denominator);
LONGLONG __divdi3(LONGLONG numerator, LONGLONG denominator);
LONGLONG __moddi3(LONGLONG numerator, LONGLONG denominator);

ULONGLONG __udivmoddi4(ULONGLONG numerator, ULONGLONG denominator, ULONGLONG *remainder)
{
    ULONGLONG quotient = 0, rest = 0;
    if (denominator == 0) {
        /* No trap on the console either: define it as all ones, like divwu's undefined case
         * is in practice. */
        if (remainder)
            *remainder = numerator;
        return ~0ULL;
    }
    for (int bit = 63; bit >= 0; bit--) {
        rest = (rest << 1) | ((numerator >> bit) & 1);
        if (rest >= denominator) {
            rest -= denominator;
            quotient |= 1ULL << bit;
        }
    }
    if (remainder)
        *remainder = rest;
    return quotient;
}

ULONGLONG __udivdi3(ULONGLONG numerator, ULONGLONG denominator)
{
    return __udivmoddi4(numerator, denominator, 0);
}

ULONGLONG __umoddi3(ULONGLONG numerator, ULONGLONG denominator)
{
    ULONGLONG rest;
    __udivmoddi4(numerator, denominator, &rest);
    return rest;
}

LONGLONG __divdi3(LONGLONG numerator, LONGLONG denominator)
{
    int negative = (numerator < 0) != (denominator < 0);
    ULONGLONG n = numerator < 0 ? -(ULONGLONG)numerator : (ULONGLONG)numerator;
    ULONGLONG d = denominator < 0 ? -(ULONGLONG)denominator : (ULONGLONG)denominator;
    ULONGLONG q = __udivmoddi4(n, d, 0);
    return negative ? -(LONGLONG)q : (LONGLONG)q;
}

LONGLONG __moddi3(LONGLONG numerator, LONGLONG denominator)
{
    ULONGLONG n = numerator < 0 ? -(ULONGLONG)numerator : (ULONGLONG)numerator;
    ULONGLONG d = denominator < 0 ? -(ULONGLONG)denominator : (ULONGLONG)denominator;
    ULONGLONG r;
    __udivmoddi4(n, d, &r);
    return numerator < 0 ? -(LONGLONG)r : (LONGLONG)r;
}
