/* bench-class: fp */
/* Single-precision matrix multiply (blocked i-k-j loops) and a dot-product reduction.
 * Inputs are small integers scaled by powers of two, so every product and sum is exact in
 * float and the checksum is the same with or without fused multiply-adds. argv[1] scales
 * the work in percent. */
#include <stdio.h>
#include <stdlib.h>

#define N 192

static float a[N][N], b[N][N], c[N][N];

int main(int argc, char **argv) {
    long pct = argc > 1 ? atol(argv[1]) : 100;
    long reps = 450 * pct / 100;
    if (reps < 1) reps = 1;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (float)((i * 7 + j * 3) % 17 - 8) * 0.25f;
            b[i][j] = (float)((i * 5 + j * 11) % 13 - 6) * 0.5f;
        }
    double total = 0;
    for (long r = 0; r < reps; r++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) c[i][j] = 0.0f;
        for (int i = 0; i < N; i++)
            for (int k = 0; k < N; k++) {
                float aik = a[i][k];
                for (int j = 0; j < N; j++) c[i][j] += aik * b[k][j];
            }
        float dot = 0.0f;
        for (int i = 0; i < N; i++) dot += c[i][i] * 0.125f;
        total += dot;
        a[r % N][(r * 3) % N] += 0.25f;
    }
    printf("checksum %.3f %.3f %.3f\n", total, (double)c[5][7], (double)c[N - 1][N - 2]);
    printf("exact %a\n", total);
    return 0;
}
