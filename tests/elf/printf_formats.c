/* stdio formatting: integers of every width, floating point in every conversion, strings,
 * characters, padding and precision. Expected output: qemu-ppc64 running the same binary. */
#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>
#include <limits.h>
#include <float.h>
#include <math.h>

int main(void) {
    puts("hello, world");
    printf("%d %i %u %x %X %o\n", -42, 42, 3000000000u, 0xdeadbeefu, 0xcafeu, 0755);
    printf("%hhd %hd %ld %lld %zu %jd\n", (signed char)-5, (short)-1234, -123456789012L,
           LLONG_MIN, (size_t)SIZE_MAX, (intmax_t)INTMAX_MAX);
    printf("[%8d] [%-8d] [%08d] [%+d] [% d] [%#x] [%#o] [%.5d]\n", 42, 42, 42, 42, 42, 255, 8, 7);
    printf("%" PRIu64 " %" PRIx64 " %" PRId32 "\n", UINT64_MAX, (uint64_t)0x0123456789abcdefULL,
           INT32_MIN);
    printf("[%s] [%10s] [%-10s] [%.3s] [%c%c%c] [%%]\n", "abc", "right", "left", "truncate", 'x',
           'y', 'z');
    double vals[] = {0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1e-300, 6.02214076e23,
                     DBL_MAX, DBL_MIN, 4.9e-324, 1.0 / 3.0, 123456789.123456789};
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        double v = vals[i];
        printf("%f | %.2f | %e | %.10e | %g | %.17g | %a | %10.3f | %-12.4e|\n", v, v, v, v, v, v,
               v, v, v);
    }
    printf("%f %f %f %e %g\n", INFINITY, -INFINITY, NAN, INFINITY, -NAN);
    float f = 1.1f;
    printf("%f %.9g %a\n", f, f, f);
    long double ld = 2.5L;
    printf("%Lf %Lg\n", ld, ld);
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%s-%05.1f-%x", "snp", 3.14159, 48879);
    printf("%d [%s]\n", n, buf);
    n = snprintf(buf, 8, "%s", "this does not fit");
    printf("%d [%s]\n", n, buf);
    int count = 0;
    printf("counted%n", &count);
    printf(" %d\n", count);
    fprintf(stdout, "%*d|%-*d|%.*f\n", 6, 7, 6, 8, 3, 2.0 / 3.0);
    return 0;
}
