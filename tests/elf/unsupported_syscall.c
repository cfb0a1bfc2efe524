/* A system call exec-elf does not implement (syslog, asking for the size of the kernel's log
 * buffer, which only reads): exec-elf must stop with an error naming it and a non-zero
 * status; the output before it is the same as under qemu-ppc64. */
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(void) {
    printf("before the call\n");
    fflush(stdout);
    long r = syscall(SYS_syslog, 10, NULL, 0);
    printf("after the call: %ld\n", r);
    return 0;
}
