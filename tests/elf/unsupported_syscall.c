/* A system call exec-elf does not implement (timer_create): exec-elf must stop with an error
 * naming it and a non-zero status; the output before it is the same as under qemu-ppc64. */
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <time.h>

int main(void) {
    printf("before the call\n");
    fflush(stdout);
    timer_t t;
    long r = syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, &t);
    printf("after the call: %ld\n", r);
    return 0;
}
