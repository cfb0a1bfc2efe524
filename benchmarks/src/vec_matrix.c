/* bench-class: vector */
/* vec_matrix: a 4x4 single-precision matrix applied to a stream of 4-element vectors with
 * multiply-adds, the inner loop of vertex transformation.
 *
 * Built with AltiVec (powerpc64-linux-gnu-gcc -O2 -mcpu=cell -maltivec -static) the hot
 * loop is vspltw + vmaddfp; natively (gcc -O2) the same arithmetic uses GCC's generic
 * vector extensions. Every matrix entry and input element is a small integer, so each
 * product is exact: a fused multiply-add then rounds exactly as a multiply followed by an
 * add, and both builds print the same checksum. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define N 1024      /* vectors in the stream */
#define REPS 30000  /* passes over the stream */

#ifdef __ALTIVEC__
#include <altivec.h>
typedef vector float v4sf;
typedef vector signed int v4si;
#define SPLAT(v, k) vec_splat(v, k)
#define MADD(a, b, c) vec_madd(a, b, c)
#define TO_INT(v) vec_cts(v, 0)
#else
typedef float v4sf __attribute__((vector_size(16)));
typedef int32_t v4si __attribute__((vector_size(16)));
static inline v4sf splat_lane(v4sf v, int k)
{
    return (v4sf){v[k], v[k], v[k], v[k]};
}
#define SPLAT(v, k) splat_lane(v, k)
#define MADD(a, b, c) ((a) * (b) + (c))
#define TO_INT(v) __builtin_convertvector(v, v4si)
#endif

static v4sf in[N] __attribute__((aligned(16)));
static v4sf out[N] __attribute__((aligned(16)));

static v4sf make(int a, int b, int c, int d)
{
    union { v4sf v; float f[4]; } u;
    u.f[0] = (float)a;
    u.f[1] = (float)b;
    u.f[2] = (float)c;
    u.f[3] = (float)d;
    return u.v;
}

/* out[i] = col0 * x + col1 * y + col2 * z + col3 * w for in[i] = (x, y, z, w). */
static void transform(const v4sf *cols, const v4sf *src, v4sf *dst, int n)
{
    v4sf c0 = cols[0], c1 = cols[1], c2 = cols[2], c3 = cols[3];
    for (int i = 0; i < n; i++) {
        v4sf v = src[i];
        v4sf r = c3 * SPLAT(v, 3);
        r = MADD(c2, SPLAT(v, 2), r);
        r = MADD(c1, SPLAT(v, 1), r);
        r = MADD(c0, SPLAT(v, 0), r);
        dst[i] = r;
    }
}

int main(int argc, char **argv)
{
    /* argv[1] scales the work in percent, as in every program of the suite. */
    long pct = argc > 1 ? atol(argv[1]) : 100;
    long count = REPS * pct / 100 > 0 ? REPS * pct / 100 : 1;
    for (int i = 0; i < N; i++)
        in[i] = make((i * 7) % 17 - 8, (i * 5) % 13 - 6, (i * 3) % 11 - 5, i % 9 - 4);
    union { v4si v; int32_t w[4]; } pass;
    uint32_t sum = 0;
    for (int rep = 0; rep < count; rep++) {
        v4sf cols[4];
        for (int k = 0; k < 4; k++)
            cols[k] = make((rep + k) % 9 - 4, (rep * 3 + k) % 7 - 3, (rep + 2 * k) % 5 - 2,
                           (rep * 5 + k) % 9 - 4);
        transform(cols, in, out, N);
        /* Each pass's sum stays far below 2^24: exact in single precision. */
        v4sf acc = out[0];
        for (int i = 1; i < N; i++)
            acc = acc + out[i];
        pass.v = TO_INT(acc);
        for (int k = 0; k < 4; k++)
            sum = sum * 31u + (uint32_t)pass.w[k];
    }
    printf("checksum %08x (last pass %d %d %d %d)\n", sum, pass.w[0], pass.w[1],
           pass.w[2], pass.w[3]);
    return 0;
}
