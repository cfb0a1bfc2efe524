/* bench-class: int */
/* Sorting 32-bit keys three ways (quicksort, bottom-up merge sort, heap sort), all written
 * here: compares, branches, indexed loads and stores. argv[1] scales the work in percent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static void quicksort(int32_t *a, long lo, long hi) {
    while (hi - lo > 16) {
        int32_t p = a[lo + (hi - lo) / 2];
        long i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) { int32_t t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
        else { quicksort(a, i, hi); hi = j; }
    }
    for (long i = lo + 1; i <= hi; i++) {
        int32_t v = a[i];
        long j = i - 1;
        while (j >= lo && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}

static void mergesort(int32_t *a, int32_t *tmp, long n) {
    for (long w = 1; w < n; w *= 2) {
        for (long lo = 0; lo < n; lo += 2 * w) {
            long mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            long i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
            while (i < mid) tmp[k++] = a[i++];
            while (j < hi) tmp[k++] = a[j++];
        }
        memcpy(a, tmp, n * sizeof *a);
    }
}

static void sift(int32_t *a, long i, long n) {
    for (;;) {
        long l = 2 * i + 1, m = i;
        if (l < n && a[l] > a[m]) m = l;
        if (l + 1 < n && a[l + 1] > a[m]) m = l + 1;
        if (m == i) return;
        int32_t t = a[i]; a[i] = a[m]; a[m] = t;
        i = m;
    }
}

static void heapsort(int32_t *a, long n) {
    for (long i = n / 2 - 1; i >= 0; i--) sift(a, i, n);
    for (long e = n - 1; e > 0; e--) {
        int32_t t = a[0]; a[0] = a[e]; a[e] = t;
        sift(a, 0, e);
    }
}

static uint64_t digest(const int32_t *a, long n) {
    uint64_t h = 0;
    for (long i = 0; i < n; i++) h = h * 1000003u + (uint32_t)a[i];
    return h;
}

int main(int argc, char **argv) {
    long pct = argc > 1 ? atol(argv[1]) : 100;
    long n = 1000000 * pct / 100;
    if (n < 1000) n = 1000;
    int32_t *src = malloc(n * sizeof *src), *a = malloc(n * sizeof *a), *tmp = malloc(n * sizeof *a);
    uint32_t s = 2463534242u;
    for (long i = 0; i < n; i++) {
        s ^= s << 13; s ^= s >> 17; s ^= s << 5;
        src[i] = (int32_t)s;
    }
    uint64_t h = 0;
    for (int rep = 0; rep < 2; rep++) {
        memcpy(a, src, n * sizeof *a);
        quicksort(a, 0, n - 1);
        h ^= digest(a, n);
        memcpy(a, src, n * sizeof *a);
        mergesort(a, tmp, n);
        h += digest(a, n);
        memcpy(a, src, n * sizeof *a);
        heapsort(a, n);
        h = h * 31 + digest(a, n);
        src[rep] ^= 0x5555;
    }
    printf("checksum %016llx %d %d\n", (unsigned long long)h, a[0], a[n - 1]);
    return 0;
}
