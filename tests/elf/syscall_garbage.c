/* Bad input must never crash the emulator: every file, descriptor, signal, timer and
 * process call exec-elf offers, called 300 times each with garbage arguments (zero, -1,
 * 32-bit values, a stack address, 64-bit noise, small numbers) from a fixed xorshift seed.
 * The guest gets errors or harmless results; exec-elf must neither panic nor stop it.
 * Calls that would change the host's file system, end or stall the process, or destroy the
 * guest's own memory are left out or given arguments that cannot (no O_CREAT, no wait). */
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static unsigned long long s = 0x1234567;

static long r(void) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    switch (s % 6) {
    case 0: return 0;
    case 1: return -1;
    case 2: return (long)(s & 0xffffffff);
    case 3: return 0xeffff000;
    case 4: return (long)s;
    default: return s % 64;
    }
}

int main(void) {
    static const int calls[] = {
        4,   5,   6,   19,  33,  41,  54,  55,  63,  85,  106, 107, 108, 118, 140, 142, 146,
        148, 167, 173, 174, 175, 180, 182, 185, 202, 207, 221, 232, 280, 281, 286, 291, 296,
        298, 316, 105, 114, 90,  163, 60,  143, 99,  100, 252, 253, 80,  96,  132, 147, 144,
        150, 206, 439, 272, 314, 315, 237, 238, 312, 340, 171, 155, 222, 242, 243, 244,
    };
    /* Static, and zeroed before every call: garbage pointers into the stack or the data
     * may have written over it (mincore, read and getdents64 write where they are told). */
    static long zero[2];
    for (int round = 0; round < 300; round++) {
        for (unsigned k = 0; k < sizeof calls / sizeof *calls; k++) {
            int nr = calls[k];
            zero[0] = zero[1] = 0;
            long a[6] = {r(), r(), r(), r(), r(), r()};
            if (nr == 221 && (a[1] & 0x7f) != 1) continue; /* only futex wakes */
            if (nr == 167) a[2] = 0;                       /* poll: no wait */
            if (nr == 281) a[2] = (long)zero;              /* ppoll: zero timeout */
            if (nr == 142 || nr == 280) a[4] = (long)zero; /* select: zero timeout */
            if (nr == 114) a[2] = 1;                       /* wait4: WNOHANG */
            if (nr == 272) a[3] = 1 | 4;                   /* waitid: WNOHANG | WEXITED */
            if (nr == 238) a[3] = 0;                       /* epoll_wait: no wait */
            if (nr == 5) a[1] &= ~0100L;                   /* open: never O_CREAT */
            if (nr == 286) a[2] &= ~0100L;
            if ((nr == 6 || nr == 4) && a[0] >= 0 && a[0] <= 2) continue; /* keep stdio */
            if ((nr == 63 || nr == 316) && a[1] >= 0 && a[1] <= 2) continue;
            syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
        }
    }
    printf("survived\n");
    return 0;
}
