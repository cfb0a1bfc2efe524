/* Exit status: exit(), return from main and atexit handlers, chosen by argv[1]. Expected
 * output and status: qemu-ppc64 running the same binary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void bye(void) { printf("atexit handler ran\n"); }

int main(int argc, char **argv) {
    atexit(bye);
    const char *mode = argc > 1 ? argv[1] : "return";
    int code = argc > 2 ? atoi(argv[2]) : 0;
    printf("mode %s code %d\n", mode, code);
    if (strcmp(mode, "exit") == 0) exit(code);
    if (strcmp(mode, "_exit") == 0) {
        fflush(stdout);
        _Exit(code);
    }
    return code;
}
