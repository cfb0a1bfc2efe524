/* Where handlers run and what they interrupt: a SIGSEGV handler installed with SA_ONSTACK
 * runs on the alternate stack (sigaltstack), which is how a program survives overflowing
 * its stack; sigaltstack reports SS_ONSTACK from inside and refuses a change there (EPERM);
 * the ucontext's uc_stack describes the alternate stack. A blocking read() interrupted by
 * the interval timer returns EINTR without SA_RESTART and is made again with it (the
 * handler writes what the read then gets). A child's exit reaches a SIGCHLD handler with
 * si_code CLD_EXITED and the child's pid.
 * Every printed value is independent of timing. Expected output: qemu-ppc64 (and
 * qemu-ppc) running the same binary. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#define ALT_SIZE (64 * 1024)

static char *alt;
static sigjmp_buf back;
static volatile sig_atomic_t on_alt, reported_onstack, change_refused, uc_matches, depth;
static int pipefd[2];
static volatile sig_atomic_t alarms;
static volatile pid_t child_pid;
static volatile int child_code, child_sender_ok;

static void on_segv(int sig, siginfo_t *info, void *ucv) {
    (void)sig;
    (void)info;
    char local;
    uintptr_t here = (uintptr_t)&local;
    on_alt = here > (uintptr_t)alt && here <= (uintptr_t)alt + ALT_SIZE;
    stack_t now;
    sigaltstack(NULL, &now);
    reported_onstack = (now.ss_flags & SS_ONSTACK) != 0;
    stack_t other = {.ss_sp = alt, .ss_size = ALT_SIZE, .ss_flags = 0};
    change_refused = sigaltstack(&other, NULL) == -1 && errno == EPERM;
    ucontext_t *uc = ucv;
    uc_matches = uc->uc_stack.ss_sp == alt && uc->uc_stack.ss_size == ALT_SIZE;
    siglongjmp(back, 1);
}

static int recurse(int n) {
    volatile char pad[512];
    pad[0] = (char)n;
    depth = n;
    return recurse(n + 1) + pad[0];
}

static void on_alarm(int sig) {
    (void)sig;
    alarms++;
    if (write(pipefd[1], "x", 1) != 1)
        _exit(3);
}

static void on_child(int sig, siginfo_t *info, void *uc) {
    (void)sig;
    (void)uc;
    child_code = info->si_code;
    child_sender_ok = info->si_pid == child_pid;
}

static void arm(int restart) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = restart ? SA_RESTART : 0;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval once = {{0, 0}, {0, 50 * 1000}};
    setitimer(ITIMER_REAL, &once, NULL);
}

int main(void) {
    stack_t none;
    sigaltstack(NULL, &none);
    printf("no alternate stack at first: %d\n", (none.ss_flags & SS_DISABLE) != 0);
    stack_t tiny = {.ss_sp = malloc(1024), .ss_size = 1024, .ss_flags = 0};
    printf("a 1 KiB stack is too small: %d\n", sigaltstack(&tiny, NULL) == -1 && errno == ENOMEM);

    alt = malloc(ALT_SIZE);
    stack_t ss = {.ss_sp = alt, .ss_size = ALT_SIZE, .ss_flags = 0};
    printf("sigaltstack: %d\n", sigaltstack(&ss, NULL));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(back, 1) == 0)
        recurse(0);
    printf("stack overflow caught: deep %d, on the alternate stack %d, SS_ONSTACK %d, "
           "change refused %d, uc_stack %d\n",
           depth > 1000, (int)on_alt, (int)reported_onstack, (int)change_refused,
           (int)uc_matches);
    stack_t after;
    sigaltstack(NULL, &after);
    printf("back on the main stack: flags %d\n", after.ss_flags);

    char c;
    if (pipe(pipefd) != 0)
        return 1;
    arm(0);
    errno = 0;
    ssize_t n = read(pipefd[0], &c, 1);
    printf("read without SA_RESTART: %zd, EINTR %d, alarms %d\n", n, errno == EINTR, (int)alarms);
    if (read(pipefd[0], &c, 1) != 1)
        return 1;
    arm(1);
    n = read(pipefd[0], &c, 1);
    printf("read with SA_RESTART: %zd '%c', alarms %d\n", n, c, (int)alarms);

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_child;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGCHLD, &sa, NULL);
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    sigprocmask(SIG_BLOCK, &block, &old);
    pid_t p = fork();
    if (p == 0)
        _exit(7);
    child_pid = p;
    int status;
    waitpid(p, &status, 0);
    sigsuspend(&old);
    printf("SIGCHLD: CLD_EXITED %d, from the child %d, status %d\n", child_code == CLD_EXITED,
           child_sender_ok, WEXITSTATUS(status));
    return 0;
}
