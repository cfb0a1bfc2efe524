/* Other processes: fork and waitpid (exit statuses and a child killed by a signal), the
 * child's copy of memory, system() and popen() running the host's shell (posix_spawn), and
 * execve of a missing program. argv[1] "self" also re-executes this program with execv,
 * which runs under qemu-ppc64 only where binfmt_misc knows PowerPC executables, so that
 * part is checked against its expected lines instead. Expected output: qemu-ppc64 running
 * the same binary. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int shared = 1;

int main(int argc, char **argv) {
    if (argc > 3 && !strcmp(argv[1], "child")) {
        printf("re-executed with %s\n", argv[2]);
        /* A descriptor the parent left open across execve. */
        dprintf(atoi(argv[3]), "through descriptor %s", argv[3]);
        return 7;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        shared = 2;
        printf("in the child, shared %d\n", shared);
        exit(3);
    }
    int st;
    printf("waitpid is the child: %d\n", waitpid(pid, &st, 0) == pid);
    printf("child exited %d, parent's shared still %d\n", WEXITSTATUS(st), shared);

    pid = fork();
    if (pid == 0) {
        raise(SIGTERM);
        _exit(0);
    }
    waitpid(pid, &st, 0);
    printf("child killed by signal %d\n", WIFSIGNALED(st) ? WTERMSIG(st) : -1);

    fflush(stdout);
    int r = system("echo from the shell; exit 5");
    printf("system: %d\n", WEXITSTATUS(r));
    FILE *f = popen("echo piped through popen", "r");
    char buf[64] = {0};
    if (f && fgets(buf, sizeof buf, f)) printf("popen read: %s", buf);
    printf("pclose: %d\n", f ? WEXITSTATUS(pclose(f)) : -1);

    pid = fork();
    if (pid == 0) {
        execl("/nonexistent/program", "program", (char *)0);
        _exit(errno == ENOENT ? 42 : 43);
    }
    waitpid(pid, &st, 0);
    printf("missing program: %d\n", WEXITSTATUS(st));

    if (argc > 1 && !strcmp(argv[1], "self")) {
        int pp[2];
        pipe(pp);
        char fd[16];
        snprintf(fd, sizeof fd, "%d", pp[1]);
        fflush(stdout);
        pid = fork();
        if (pid == 0) {
            close(pp[0]);
            execl(argv[0], argv[0], "child", "an argument", fd, (char *)0);
            _exit(99);
        }
        close(pp[1]);
        waitpid(pid, &st, 0);
        char got[64] = {0};
        read(pp[0], got, sizeof got - 1);
        printf("re-executed child exited %d and wrote \"%s\"\n", WEXITSTATUS(st), got);
    }
    return 0;
}
