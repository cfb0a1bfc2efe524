/* The real-time interval timer: alarm() interrupting pause(), setitimer() with an interval
 * firing a handler repeatedly while the program computes, getitimer() and alarm()'s report
 * of the previous timer, sigsuspend() waiting for the timer with SIGALRM blocked otherwise,
 * an alarm with the default action ending the program (argv[1] "die", status 142), POSIX
 * timers (timer_create with a signal, and with no notification), and the CPU-time interval
 * timer (ITIMER_PROF) firing while the program computes.
 * Every printed value is independent of timing. Expected output and status: qemu-ppc64
 * running the same binary. argv[1] "forever" pauses with no timer armed, which would never
 * return: exec-elf reports it and stops (not run under qemu). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t ticks;

static void tick(int sig) {
    (void)sig;
    ticks++;
}

int main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "forever")) {
        printf("pausing\n");
        fflush(stdout);
        pause();
        printf("woke up\n");
        return 0;
    }
    signal(SIGALRM, tick);
    printf("alarm before: %u\n", alarm(1));
    errno = 0;
    int r = pause();
    printf("pause: %d (%s), ticks %d\n", r, strerror(errno), (int)ticks);

    struct itimerval every = {{0, 20000}, {0, 20000}}, now;
    setitimer(ITIMER_REAL, &every, NULL);
    getitimer(ITIMER_REAL, &now);
    printf("interval %ld us, armed %d\n", (long)now.it_interval.tv_usec,
           now.it_value.tv_sec > 0 || now.it_value.tv_usec > 0);
    volatile unsigned long spin = 0;
    while (ticks < 4) spin++;
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    printf("ticks reached %d while computing\n", ticks >= 4);

    printf("alarm(5) after none: %u\n", alarm(5));
    printf("alarm(0) reports the 5 s one: %u\n", alarm(0));

    sigset_t block, wait;
    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigprocmask(SIG_BLOCK, &block, &wait);
    sigdelset(&wait, SIGALRM);
    ticks = 0;
    ualarm(10000, 0);
    r = sigsuspend(&wait);
    sigset_t after;
    sigprocmask(SIG_SETMASK, NULL, &after);
    printf("sigsuspend: %d (%s), ticks %d, SIGALRM blocked again %d\n", r, strerror(errno),
           (int)ticks, sigismember(&after, SIGALRM));

    /* POSIX timers: a periodic one signalling SIGUSR1, and one that notifies nobody. */
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    signal(SIGUSR1, tick);
    ticks = 0;
    struct sigevent sev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1};
    timer_t periodic, silent;
    printf("timer_create: %d\n", timer_create(CLOCK_MONOTONIC, &sev, &periodic));
    struct itimerspec every2ms = {{0, 2000000}, {0, 2000000}}, cur;
    printf("timer_settime: %d\n", timer_settime(periodic, 0, &every2ms, NULL));
    while (ticks < 3) pause();
    printf("periodic timer ticked %s3 times\n", ticks >= 3 ? "at least " : "fewer than ");
    timer_gettime(periodic, &cur);
    printf("interval %ld ns, overrun >= 0: %d\n", (long)cur.it_interval.tv_nsec,
           timer_getoverrun(periodic) >= 0);
    printf("timer_delete: %d\n", timer_delete(periodic));
    sev.sigev_notify = SIGEV_NONE;
    timer_create(CLOCK_REALTIME, &sev, &silent);
    struct itimerspec in10s = {{0, 0}, {10, 0}};
    timer_settime(silent, 0, &in10s, NULL);
    timer_gettime(silent, &cur);
    printf("silent timer: %d s or less left, more than 8: %d\n", (int)cur.it_value.tv_sec + 1,
           cur.it_value.tv_sec >= 8);
    timer_delete(silent);

    /* ITIMER_PROF: every millisecond of CPU time, while the program computes. */
    signal(SIGPROF, tick);
    ticks = 0;
    struct itimerval prof = {{0, 1000}, {0, 1000}}, none = {{0, 0}, {0, 0}}, left;
    printf("setitimer(ITIMER_PROF): %d\n", setitimer(ITIMER_PROF, &prof, NULL));
    while (ticks < 2) spin++;
    setitimer(ITIMER_PROF, &none, NULL);
    getitimer(ITIMER_PROF, &left);
    printf("profiling timer ticked at least 2 times, now disarmed: %d\n",
           left.it_value.tv_sec == 0 && left.it_value.tv_usec == 0);
    getitimer(ITIMER_VIRTUAL, &left);
    printf("ITIMER_VIRTUAL unarmed: %d\n", left.it_value.tv_sec == 0 && left.it_value.tv_usec == 0);

    if (argc > 1 && !strcmp(argv[1], "die")) {
        signal(SIGALRM, SIG_DFL);
        sigprocmask(SIG_UNBLOCK, &block, NULL);
        printf("waiting for the last alarm\n");
        fflush(stdout);
        alarm(1);
        for (;;) spin++;
    }
    return 0;
}
