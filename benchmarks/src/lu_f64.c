/* bench-class: fp */
/* Double-precision LU decomposition with partial pivoting of a diagonally dominant matrix,
 * then solving for a known right-hand side: divides, multiply-subtract inner loops. The
 * solution error is printed rounded (compared everywhere) and exactly (PowerPC runs only).
 * argv[1] scales the work in percent. */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

#define N 200

static double m[N][N], lu[N][N];

int main(int argc, char **argv) {
    long pct = argc > 1 ? atol(argv[1]) : 100;
    long reps = 192 * pct / 100;
    if (reps < 1) reps = 1;
    unsigned s = 1;
    for (int i = 0; i < N; i++) {
        double rowsum = 0;
        for (int j = 0; j < N; j++) {
            s = s * 1103515245u + 12345u;
            m[i][j] = (double)((s >> 16) % 1000) / 1000.0 - 0.5;
            rowsum += fabs(m[i][j]);
        }
        m[i][i] = rowsum + 1.0;
    }
    double x[N], bvec[N], worst = 0, sum = 0;
    int piv[N];
    for (long r = 0; r < reps; r++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) lu[i][j] = m[i][j];
        for (int i = 0; i < N; i++) piv[i] = i;
        for (int k = 0; k < N; k++) {
            int p = k;
            for (int i = k + 1; i < N; i++)
                if (fabs(lu[i][k]) > fabs(lu[p][k])) p = i;
            if (p != k) {
                for (int j = 0; j < N; j++) { double t = lu[k][j]; lu[k][j] = lu[p][j]; lu[p][j] = t; }
                int t = piv[k]; piv[k] = piv[p]; piv[p] = t;
            }
            for (int i = k + 1; i < N; i++) {
                double f = lu[i][k] /= lu[k][k];
                for (int j = k + 1; j < N; j++) lu[i][j] -= f * lu[k][j];
            }
        }
        /* b = M * (1, 2, ..., N) scaled, then solve and compare. */
        for (int i = 0; i < N; i++) {
            double t = 0;
            for (int j = 0; j < N; j++) t += m[piv[i]][j] * (double)(j + 1 + r);
            bvec[i] = t;
        }
        for (int i = 0; i < N; i++) {
            double t = bvec[i];
            for (int j = 0; j < i; j++) t -= lu[i][j] * x[j];
            x[i] = t;
        }
        for (int i = N - 1; i >= 0; i--) {
            double t = x[i];
            for (int j = i + 1; j < N; j++) t -= lu[i][j] * x[j];
            x[i] = t / lu[i][i];
        }
        for (int i = 0; i < N; i++) {
            double e = fabs(x[i] - (double)(i + 1 + r));
            if (e > worst) worst = e;
            sum += x[i];
        }
        m[r % N][(r * 7) % N] += 0.001;
    }
    printf("checksum %.3f %s\n", sum, worst < 1e-9 ? "solved" : "inaccurate");
    printf("exact %a %a\n", sum, worst);
    return 0;
}
