/* Signals a process raises on itself, and those its faults raise: handlers installed with
 * signal() and sigaction() (SA_SIGINFO, SA_RESETHAND), a signal blocked and delivered when
 * unblocked, ignored ones, handlers that return (the interrupted code's registers must be
 * intact) and handlers that leave with siglongjmp from a segmentation fault, a trap and an
 * illegal instruction. argv[1] "abort" ends with abort() after its handler returns.
 * Expected output and status: qemu-ppc64 running the same binary. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

static volatile sig_atomic_t count, last;
static sigjmp_buf back;

static void counter(int sig) {
    count++;
    last = sig;
    /* Floating point and a call inside the handler must not disturb the interrupted code. */
    volatile double x = sig * 1.5;
    char buf[32];
    snprintf(buf, sizeof buf, "%.1f", x);
    if (strcmp(buf, "15.0") && strcmp(buf, "18.0") && strcmp(buf, "16.5")) last = -1;
}

static void with_info(int sig, siginfo_t *info, void *uc) {
    printf("  siginfo: signo %d code %d from self %d, context %s\n", info->si_signo,
           info->si_code, info->si_pid == getpid(), uc ? "given" : "missing");
    last = sig;
}

static void escape(int sig, siginfo_t *info, void *uc) {
    (void)uc;
    last = sig;
    count = info->si_code;
    siglongjmp(back, sig);
}

/* Returns past the illegal instruction with r3 changed, through the saved context (register
 * index 32 is PT_NIP in asm/ptrace.h). The 64-bit ucontext holds the registers; the 32-bit
 * one points to them. */
static void skip(int sig, siginfo_t *info, void *ucv) {
    ucontext_t *uc = ucv;
#ifdef __powerpc64__
    unsigned long *regs = uc->uc_mcontext.gp_regs;
#else
    unsigned long *regs = uc->uc_mcontext.uc_regs->gregs;
#endif
    last = sig;
    count = regs[3];
    regs[32] += 4;
    regs[3] = 777;
    (void)info;
}

static void on_abort(int sig) {
    printf("abort handler ran for %d\n", sig);
    fflush(stdout);
}

int main(int argc, char **argv) {
    volatile double before = 1.0 / 3.0;
    volatile long long keep = 0x123456789abcdefLL;

    signal(SIGUSR1, counter);
    raise(SIGUSR1);
    printf("signal(): count %d last %d\n", (int)count, (int)last);
    printf("registers kept: %d %d\n", before == 1.0 / 3.0, keep == 0x123456789abcdefLL);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = with_info;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    kill(getpid(), SIGUSR2);
    struct sigaction old;
    sigaction(SIGUSR2, NULL, &old);
    printf("old action is ours: %d, SA_SIGINFO %d\n", old.sa_sigaction == with_info,
           (old.sa_flags & SA_SIGINFO) != 0);

    /* Blocked: pending until unblocked. */
    sigset_t set, prev;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &prev);
    count = 0;
    raise(SIGUSR1);
    printf("while blocked: count %d\n", (int)count);
    sigset_t pending;
    sigpending(&pending);
    printf("pending: %d\n", sigismember(&pending, SIGUSR1));
    sigprocmask(SIG_SETMASK, &prev, NULL);
    printf("after unblocking: count %d\n", (int)count);

    /* Ignored, explicitly and by default. */
    signal(SIGUSR1, SIG_IGN);
    raise(SIGUSR1);
    raise(SIGCHLD);
    raise(SIGWINCH);
    printf("ignored signals survived\n");

    /* SA_RESETHAND: the second one takes the default action, which for SIGURG is nothing. */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = counter;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGURG, &sa, NULL);
    count = 0;
    raise(SIGURG);
    raise(SIGURG);
    sigaction(SIGURG, NULL, &old);
    printf("SA_RESETHAND: count %d, now default %d\n", (int)count, old.sa_handler == SIG_DFL);

    /* Faults, a trap and an illegal instruction, left with siglongjmp. */
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = escape;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    int sig;
    if ((sig = sigsetjmp(back, 1)) == 0) {
        volatile int *bad = (int *)16;
        *bad = 1;
    }
    printf("back from signal %d (code %d)\n", sig, (int)count);
    if ((sig = sigsetjmp(back, 1)) == 0) __builtin_trap();
    printf("back from signal %d\n", sig);
    if ((sig = sigsetjmp(back, 1)) == 0) __asm__ volatile(".long 0");
    printf("back from signal %d\n", sig);
    /* sigsetjmp(..., 1) restored the mask: a second fault is caught again. */
    if ((sig = sigsetjmp(back, 1)) == 0) {
        volatile int *bad = (int *)32;
        printf("%d\n", *bad);
    }
    printf("back again from signal %d\n", sig);

    /* A handler that changes the saved context and returns. */
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = skip;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGILL, &sa, NULL);
    long r3;
    __asm__ volatile("li 3, 5\n\t.long 0\n\tmr %0, 3" : "=r"(r3) : : "r3");
    printf("resumed after signal %d: r3 was %d, now %ld\n", (int)last, (int)count, r3);

    if (argc > 1 && !strcmp(argv[1], "abort")) {
        signal(SIGABRT, on_abort);
        abort();
    }
    return 0;
}
