/* Enabled floating-point exceptions: feenableexcept() makes glibc ask the kernel for
 * precise FP exception mode (prctl(PR_SET_FPEXC), MSR[FE0,FE1]), after which an
 * instruction raising an enabled exception delivers SIGFPE at itself: a zero divide with
 * si_code FPE_FLTDIV. The trapping divide leaves its target unchanged (the ISA's rule for
 * enabled zero-divide and invalid exceptions), and with the exceptions disabled again the
 * same divide gives infinity. argv[1] "die" divides with no handler: the program ends by
 * SIGFPE. Expected output and status: qemu-ppc64 running the same binary (it does not
 * agree with Linux on the si_code of an invalid operation, FPE_FLTINV there, so that one
 * is only checked to trap). */
#define _GNU_SOURCE
#include <fenv.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf back;
static volatile int trapped_code;
static volatile int at_code;

static void on_fpe(int sig, siginfo_t *info, void *uc) {
    (void)uc;
    trapped_code = sig == SIGFPE ? info->si_code : -1;
    at_code = info->si_addr != NULL;
    siglongjmp(back, 1);
}

int main(int argc, char **argv) {
    volatile double one = 1.0, zero = 0.0, result = 42.0;
    if (argc > 1 && !strcmp(argv[1], "die")) {
        feenableexcept(FE_DIVBYZERO);
        printf("dividing by zero with no handler\n");
        fflush(stdout);
        result = one / zero;
        printf("not reached %g\n", result);
        return 0;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fpe;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGFPE, &sa, NULL);

    printf("enabled at first: %d\n", fegetexcept());
    feenableexcept(FE_DIVBYZERO);
    printf("zero divide enabled: %d\n", fegetexcept() == FE_DIVBYZERO);
    if (sigsetjmp(back, 1) == 0) {
        result = one / zero;
        printf("no trap: %g\n", result);
    } else {
        printf("SIGFPE: FPE_FLTDIV %d, address given %d, result kept %g\n",
               trapped_code == FPE_FLTDIV, at_code, result);
    }
    printf("zero divide flag raised: %d\n", fetestexcept(FE_DIVBYZERO) != 0);

    feclearexcept(FE_ALL_EXCEPT);
    fedisableexcept(FE_ALL_EXCEPT);
    result = one / zero;
    printf("disabled again: %g, flag %d\n", result, fetestexcept(FE_DIVBYZERO) != 0);

    feclearexcept(FE_ALL_EXCEPT);
    feenableexcept(FE_INVALID);
    trapped_code = 0;
    if (sigsetjmp(back, 1) == 0) {
        result = zero / zero;
        printf("no trap: %g\n", result);
    } else {
        printf("invalid operation trapped: %d\n", trapped_code != 0);
    }
    fedisableexcept(FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    feenableexcept(FE_OVERFLOW);
    volatile double big = 1e300;
    if (sigsetjmp(back, 1) == 0) {
        result = big * big;
        printf("no trap: %g\n", result);
    } else {
        printf("overflow: FPE_FLTOVF %d\n", trapped_code == FPE_FLTOVF);
    }
    fedisableexcept(FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    printf("inexact only, not enabled: %g\n", one / 3.0 * 3.0);
    return 0;
}
