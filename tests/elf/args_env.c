/* argc, argv, the environment and the auxiliary vector entries a program may look at.
 * Expected output: qemu-ppc64 running the same binary with the same arguments and
 * environment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>

int main(int argc, char **argv, char **envp) {
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++) printf("argv[%d]=[%s] len=%zu\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc]=%s\n", argv[argc] ? "non-null" : "null");
    const char *v = getenv("OXENON_TEST_VALUE");
    printf("OXENON_TEST_VALUE=%s\n", v ? v : "(unset)");
    printf("MISSING=%s\n", getenv("OXENON_SURELY_MISSING") ? "set" : "(unset)");
    int n = 0;
    for (char **e = envp; *e; e++)
        if (strncmp(*e, "OXENON_", 7) == 0) n++;
    printf("OXENON_ vars=%d\n", n);
    setenv("ADDED", "later", 1);
    printf("ADDED=%s\n", getenv("ADDED"));
    printf("pagesize=%ld AT_PAGESZ=%lu secure=%lu\n", sysconf(_SC_PAGESIZE), getauxval(AT_PAGESZ),
           getauxval(AT_SECURE));
    unsigned char *rnd = (unsigned char *)getauxval(AT_RANDOM);
    printf("AT_RANDOM %s\n", rnd ? "present" : "missing");
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    printf("AT_EXECFN matches argv[0]: %d\n", execfn && strcmp(execfn, argv[0]) == 0);
    return argc + 10;
}
