/* bench-class: vector */
/* vec_blend: saturating 8-bit pixel blending, the inner loop of software compositing.
 *
 * Each frame averages two layers, brightens with a saturating add, darkens with a
 * saturating subtract, clamps to a floor, and feeds the result back as the next frame's
 * first layer. Built with AltiVec (powerpc64-linux-gnu-gcc -O2 -mcpu=cell -maltivec
 * -static) the hot loop is vavgub, vaddubs, vsububs and vmaxub; natively (gcc -O2) the
 * same operations are written with GCC's generic vector extensions. All of it is integer
 * arithmetic, so both builds print the same checksum. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define BYTES 65536 /* one layer: 16K RGBA pixels */
#define FRAMES 8000

#ifdef __ALTIVEC__
#include <altivec.h>
typedef vector unsigned char v16u8;
#define AVG(a, b) vec_avg(a, b)
#define ADDS(a, b) vec_adds(a, b)
#define SUBS(a, b) vec_subs(a, b)
#define MAX(a, b) vec_max(a, b)
#else
typedef uint8_t v16u8 __attribute__((vector_size(16)));
/* Rounded-up average without overflow. */
static inline v16u8 avg_u8(v16u8 a, v16u8 b)
{
    return (a | b) - ((a ^ b) >> 1);
}
/* A lane comparison is all ones where it holds. */
static inline v16u8 adds_u8(v16u8 a, v16u8 b)
{
    v16u8 s = a + b;
    return s | (v16u8)(s < a);
}
static inline v16u8 subs_u8(v16u8 a, v16u8 b)
{
    return (a - b) & ~(v16u8)(a < b);
}
static inline v16u8 max_u8(v16u8 a, v16u8 b)
{
    v16u8 m = (v16u8)(a > b);
    return (a & m) | (b & ~m);
}
#define AVG(a, b) avg_u8(a, b)
#define ADDS(a, b) adds_u8(a, b)
#define SUBS(a, b) subs_u8(a, b)
#define MAX(a, b) max_u8(a, b)
#endif

#define VECS (BYTES / 16)
static v16u8 layer_a[VECS] __attribute__((aligned(16)));
static v16u8 layer_b[VECS] __attribute__((aligned(16)));

static v16u8 splat_byte(uint8_t x)
{
    union { v16u8 v; uint8_t b[16]; } u;
    for (int k = 0; k < 16; k++)
        u.b[k] = x;
    return u.v;
}

static void blend(v16u8 *dst, const v16u8 *src, v16u8 light, v16u8 shade, v16u8 floor)
{
    for (int i = 0; i < VECS; i++) {
        v16u8 p = AVG(dst[i], src[i]);
        p = ADDS(p, light);
        p = SUBS(p, shade);
        dst[i] = MAX(p, floor);
    }
}

int main(int argc, char **argv)
{
    /* argv[1] scales the work in percent, as in every program of the suite. */
    long pct = argc > 1 ? atol(argv[1]) : 100;
    long count = FRAMES * pct / 100 > 0 ? FRAMES * pct / 100 : 1;
    uint8_t *a = (uint8_t *)layer_a, *b = (uint8_t *)layer_b;
    uint32_t seed = 12345;
    for (int i = 0; i < BYTES; i++) {
        seed = seed * 1103515245u + 12345u;
        a[i] = (uint8_t)(seed >> 16);
        b[i] = (uint8_t)(seed >> 24);
    }
    uint32_t sum = 0;
    for (int f = 0; f < count; f++) {
        v16u8 light = splat_byte((uint8_t)((f * 37) & 0x7f));
        v16u8 shade = splat_byte((uint8_t)((f * 53) & 0x7f));
        v16u8 floor = splat_byte((uint8_t)(f & 0x1f));
        blend(layer_a, layer_b, light, shade, floor);
        /* Sample a few bytes per frame into a position-dependent checksum. */
        sum = sum * 33u + a[(f * 97) % BYTES] + ((uint32_t)a[(f * 31 + 7) % BYTES] << 8);
    }
    for (int i = 0; i < BYTES; i++)
        sum = sum * 31u + a[i];
    printf("checksum %08x\n", sum);
    return 0;
}
