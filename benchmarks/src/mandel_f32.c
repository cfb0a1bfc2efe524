/* bench-class: fp */
/* Mandelbrot set in single precision: escape-time iteration counts over a grid, a tight
 * loop of float multiplies, adds and compares. The iteration-count total is compared across
 * every runner (points that sit on a rounding knife-edge could differ with fused
 * multiply-adds, so the grid avoids the boundary detail by using a coarse escape radius);
 * exact bits are compared among PowerPC runs. argv[1] scales the work in percent. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    long pct = argc > 1 ? atol(argv[1]) : 100;
    int w = 640, h = (int)(4320 * pct / 100);
    if (h < 4) h = 4;
    const int maxit = 256;
    unsigned long total = 0;
    float zsum = 0.0f;
    for (int py = 0; py < h; py++) {
        float ci = -1.2f + 2.4f * (float)py / (float)h;
        for (int px = 0; px < w; px++) {
            float cr = -2.2f + 3.2f * (float)px / (float)w;
            float zr = 0.0f, zi = 0.0f;
            int it = 0;
            while (it < maxit && zr * zr + zi * zi < 4.0f) {
                float t = zr * zr - zi * zi + cr;
                zi = 2.0f * zr * zi + ci;
                zr = t;
                it++;
            }
            total += (unsigned long)it;
            if (it == maxit) zsum += zr * 0.001f;
        }
    }
    printf("checksum %lu\n", total / 1000);
    printf("exact %lu %a\n", total, (double)zsum);
    return 0;
}
