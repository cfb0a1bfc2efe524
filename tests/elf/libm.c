/* libm in double and single precision, printed exactly (%a) and with 17 significant digits.
 * Expected output: qemu-ppc64 running the same binary (same glibc, so differences come from
 * the CPU emulation alone). */
#include <stdio.h>
#include <math.h>

static volatile double xs[] = {0.5, -1.25, 3.0, 10.0, 1e-5, 123.456, -0.0, 0.7853981633974483};
static volatile float fs[] = {0.5f, -1.25f, 3.0f, 10.0f, 1e-5f, 123.456f, 2.0f, 0.785398f};

int main(void) {
    for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double x = xs[i], ax = fabs(x) + 0.001;
        double r[] = {sin(x), cos(x), tan(x), exp(x), log(ax), log10(ax), log2(ax), sqrt(ax),
                      cbrt(x), pow(ax, 1.7), atan(x), atan2(x, 0.3), asin(x / 200), acos(x / 200),
                      sinh(x / 10), cosh(x / 10), tanh(x), expm1(x / 100), log1p(ax),
                      hypot(x, 4.0), fmod(x, 0.7), floor(x), ceil(x), round(x), trunc(x),
                      erf(x / 10), lgamma(ax), tgamma(ax / 10 + 0.5), fma(x, 3.0, -1.0),
                      ldexp(x, 13), nextafter(x, 1e9), copysign(2.0, x), remainder(x, 0.3)};
        printf("x=%a\n", x);
        for (unsigned k = 0; k < sizeof r / sizeof r[0]; k++)
            printf(" %u: %a %.17g\n", k, r[k], r[k]);
        int e;
        double m = frexp(x, &e);
        double ip;
        double fp = modf(x, &ip);
        printf(" frexp %a %d modf %a %a lrint %ld\n", m, e, fp, ip, lrint(x * 3.3));
    }
    for (unsigned i = 0; i < sizeof fs / sizeof fs[0]; i++) {
        float x = fs[i], ax = fabsf(x) + 0.001f;
        float r[] = {sinf(x), cosf(x), tanf(x), expf(x), logf(ax), sqrtf(ax), powf(ax, 1.3f),
                     atan2f(x, 0.3f), floorf(x), fmodf(x, 0.7f), hypotf(x, 2.0f), cbrtf(x),
                     x * 1.1f + 0.3f, x / 3.0f};
        printf("f=%a\n", (double)x);
        for (unsigned k = 0; k < sizeof r / sizeof r[0]; k++)
            printf(" %u: %a %.9g\n", k, (double)r[k], (double)r[k]);
    }
    double acc = 0;
    for (int i = 1; i <= 2000; i++) acc += sin(i * 0.001) * exp(-i * 0.0005) / sqrt((double)i);
    printf("series %a %.17g\n", acc, acc);
    printf("special %a %a %a %d %d\n", sqrt(-1.0), log(0.0), exp(1000.0), isnan(sqrt(-1.0)),
           isinf(log(0.0)));
    return 0;
}
