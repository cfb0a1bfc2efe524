/* A store through a null pointer after some output: the program dies of SIGSEGV (qemu-ppc64
 * reports the signal; exec-elf exits with 128 + 11 and says where). */
#include <stdio.h>

int main(void) {
    printf("before the fault\n");
    fflush(stdout);
    *(volatile int *)0 = 1;
    printf("not reached\n");
    return 0;
}
