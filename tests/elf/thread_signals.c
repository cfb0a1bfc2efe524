/* Signals in a program with threads: each thread has its own signal mask (a new thread
 * starts with its creator's), pthread_kill reaches one thread, kill reaches whichever thread
 * does not block the signal, sigwait and sigtimedwait take a blocked signal without its
 * handler, and a thread in sigsuspend wakes for a signal another thread sends it. The first
 * check is the bug that made this test: a thread blocks every signal as it exits, and that
 * mask must not become the main thread's, whose raise() then ran no handler.
 * Every printed value is independent of how the threads interleave (waits are loops on
 * flags). Expected output: qemu-ppc64 (and qemu-ppc) running the same binary. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_t worker_id;
static volatile sig_atomic_t worker_sum, main_sum, handled, worker_ready, stop, suspend_result;

static void note(int sig) {
    handled++;
    if (pthread_equal(pthread_self(), worker_id))
        worker_sum += sig;
    else
        main_sum += sig;
}

static void *nothing(void *arg) { return arg; }

/* Starts with the creator's mask (SIGUSR1 blocked), opens it, and spins until told. */
static void *worker(void *arg) {
    sigset_t set;
    pthread_sigmask(SIG_BLOCK, NULL, &set);
    printf("worker starts with SIGUSR1 blocked: %d\n", sigismember(&set, SIGUSR1));
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    worker_ready = 1;
    while (!stop)
        sched_yield();
    return arg;
}

static void *sender(void *arg) {
    for (int i = 0; i < 3; i++)
        sched_yield();
    pthread_kill(*(pthread_t *)arg, SIGUSR2);
    return NULL;
}

static void *suspender(void *arg) {
    sigset_t none;
    sigemptyset(&none);
    int r = sigsuspend(&none);
    suspend_result = r == -1 && errno == EINTR ? 1 : -1;
    return arg;
}

int main(void) {
    signal(SIGUSR1, note);
    signal(SIGUSR2, note);

    pthread_t t;
    pthread_create(&t, NULL, nothing, NULL);
    pthread_join(t, NULL);
    raise(SIGUSR1);
    printf("raise after a thread ended: main %d\n", (int)main_sum);
    main_sum = 0;

    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &usr1, NULL);
    pthread_create(&worker_id, NULL, worker, NULL);
    while (!worker_ready)
        sched_yield();
    pthread_kill(worker_id, SIGUSR2);
    while (!worker_sum)
        sched_yield();
    printf("pthread_kill to the worker: worker %d main %d\n", (int)worker_sum, (int)main_sum);
    kill(getpid(), SIGUSR1);
    while (worker_sum < SIGUSR2 + SIGUSR1)
        sched_yield();
    printf("kill while main blocks it: worker %d main %d\n", (int)worker_sum, (int)main_sum);
    sigset_t now;
    pthread_sigmask(SIG_BLOCK, NULL, &now);
    printf("main still blocks SIGUSR1: %d\n", sigismember(&now, SIGUSR1));
    stop = 1;
    pthread_join(worker_id, NULL);

    sigset_t usr2;
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &usr2, NULL);
    pthread_t self = pthread_self(), s;
    pthread_create(&s, NULL, sender, &self);
    int sig = 0;
    int r = sigwait(&usr2, &sig);
    printf("sigwait: %d, signal %d, handlers run %d\n", r, sig, (int)handled);
    pthread_join(s, NULL);

    struct timespec short_wait = {0, 20 * 1000 * 1000};
    siginfo_t info;
    r = sigtimedwait(&usr2, &info, &short_wait);
    printf("sigtimedwait with nothing sent: %d, EAGAIN %d\n", r, errno == EAGAIN);
    raise(SIGUSR2);
    r = sigwaitinfo(&usr2, &info);
    printf("sigwaitinfo: %d, si_signo %d, si_code %d\n", r, info.si_signo, info.si_code);
    sigset_t pending;
    sigpending(&pending);
    printf("SIGUSR2 still pending: %d\n", sigismember(&pending, SIGUSR2));

    pthread_t z;
    pthread_create(&z, NULL, suspender, NULL);
    pthread_kill(z, SIGUSR1);
    pthread_join(z, NULL);
    printf("sigsuspend in a thread: %d, handlers run %d\n", (int)suspend_result, (int)handled);
    return 0;
}
