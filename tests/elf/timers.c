/* The real-time interval timer: alarm() interrupting pause(), setitimer() with an interval
 * firing a handler repeatedly while the program computes, getitimer() and alarm()'s report
 * of the previous timer, sigsuspend() waiting for the timer with SIGALRM blocked otherwise,
 * and an alarm with the default action ending the program (argv[1] "die", status 142).
 * Every printed value is independent of timing. Expected output and status: qemu-ppc64
 * running the same binary. argv[1] "forever" pauses with no timer armed, which would never
 * return: exec-elf reports it and stops (not run under qemu). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
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
