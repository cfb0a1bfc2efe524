/* Signals from another process: a child's handler woken in sigsuspend by its parent's kill,
 * a parent's SIGCHLD handler, a handler interrupting a sleep (EINTR), a signal ignored with
 * SIG_IGN, a default action killing the child, a parent interrupted in the middle of a
 * computation by its child, and a write to a broken pipe (SIGPIPE, then EPIPE once
 * ignored). Every step is ordered through pipes and blocked signals, so the output does not
 * depend on timing. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got, chld, spins_seen;

static void on_usr(int sig) { got = sig; }
static void on_chld(int sig) { (void)sig; chld++; }

static void report(const char *what, int status) {
    if (WIFEXITED(status))
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by signal %d\n", what, WTERMSIG(status));
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa = {.sa_handler = on_chld};
    sigaction(SIGCHLD, &sa, NULL);

    /* 1. The child waits in sigsuspend with SIGUSR1 blocked until then. */
    int ready[2];
    pipe(ready);
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    pid_t c = fork();
    if (c == 0) {
        signal(SIGUSR1, on_usr);
        write(ready[1], "r", 1);
        sigsuspend(&old);
        printf("child woke from sigsuspend by signal %d\n", got);
        _exit(7);
    }
    char b;
    read(ready[0], &b, 1);
    kill(c, SIGUSR1);
    int st;
    while (waitpid(c, &st, 0) < 0 && errno == EINTR) {
    }
    report("sigsuspend child", st);
    sigprocmask(SIG_SETMASK, &old, NULL);

    /* 2. A handler interrupts a long sleep: nanosleep fails with EINTR. */
    c = fork();
    if (c == 0) {
        signal(SIGUSR2, on_usr);
        write(ready[1], "r", 1);
        struct timespec t = {30, 0}, left;
        int r = nanosleep(&t, &left);
        printf("sleep returned %d (%s), time left %d\n", r, r ? strerror(errno) : "",
               left.tv_sec > 0 && left.tv_sec <= 30);
        _exit(3);
    }
    read(ready[0], &b, 1);
    usleep(20000); /* the child is in its sleep by now; if not, the signal waits for it */
    kill(c, SIGUSR2);
    while (waitpid(c, &st, 0) < 0 && errno == EINTR) {
    }
    report("sleeping child", st);

    /* 3. SIG_IGN survives a SIGTERM; SIG_DFL then dies of it. */
    c = fork();
    if (c == 0) {
        signal(SIGTERM, SIG_IGN);
        write(ready[1], "r", 1);
        read(ready[0], &b, 1); /* the parent has sent SIGTERM and then a byte */
        printf("child ignored SIGTERM\n");
        signal(SIGTERM, SIG_DFL);
        write(ready[1], "r", 1);
        pause();
        _exit(0);
    }
    read(ready[0], &b, 1);
    kill(c, SIGTERM);
    usleep(20000);
    write(ready[1], "g", 1);
    usleep(20000);
    read(ready[0], &b, 1);
    kill(c, SIGTERM);
    while (waitpid(c, &st, 0) < 0 && errno == EINTR) {
    }
    report("ignoring child", st);

    /* 4. The parent, computing, is interrupted by its child. */
    signal(SIGUSR1, on_usr);
    got = 0;
    c = fork();
    if (c == 0) {
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    unsigned long spins = 0;
    while (!got) spins++;
    printf("parent interrupted while computing by signal %d\n", got);
    while (waitpid(c, &st, 0) < 0 && errno == EINTR) {
    }
    printf("SIGCHLD handler ran: %d\n", chld >= 3);

    /* 5. A broken pipe: ignored, EPIPE; by default, the writer dies. */
    int p[2];
    pipe(p);
    close(p[0]);
    signal(SIGPIPE, SIG_IGN);
    printf("write to a broken pipe: %ld (%s)\n", (long)write(p[1], "x", 1), strerror(errno));
    c = fork();
    if (c == 0) {
        signal(SIGPIPE, SIG_DFL);
        write(p[1], "x", 1);
        _exit(0);
    }
    while (waitpid(c, &st, 0) < 0 && errno == EINTR) {
    }
    report("pipe writer", st);
    return 0;
}
