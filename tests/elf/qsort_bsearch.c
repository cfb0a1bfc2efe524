/* qsort and bsearch over integers, doubles, strings and structures. Expected output:
 * qemu-ppc64 running the same binary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}
struct rec { int key; char name[12]; };
static int cmp_rec(const void *a, const void *b) {
    const struct rec *x = a, *y = b;
    if (x->key != y->key) return x->key - y->key;
    return strcmp(x->name, y->name);
}

int main(void) {
    enum { N = 20000 };
    static int v[N];
    static double d[N];
    unsigned s = 12345;
    for (int i = 0; i < N; i++) {
        s = s * 1103515245u + 12345u;
        v[i] = (int)(s >> 8) - (1 << 22);
        d[i] = (double)(int)s / 7.0;
    }
    qsort(v, N, sizeof v[0], cmp_int);
    qsort(d, N, sizeof d[0], cmp_double);
    long long sum = 0;
    int sorted = 1;
    for (int i = 0; i < N; i++) {
        sum += (long long)v[i] * (i % 97);
        if (i && (v[i - 1] > v[i] || d[i - 1] > d[i])) sorted = 0;
    }
    printf("ints sorted=%d weighted=%lld first=%d last=%d\n", sorted, sum, v[0], v[N - 1]);
    printf("doubles first=%.17g median=%.17g last=%.17g\n", d[0], d[N / 2], d[N - 1]);
    int found = 0;
    for (int i = 0; i < N; i += 37) {
        int *p = bsearch(&v[i], v, N, sizeof v[0], cmp_int);
        if (p && *p == v[i]) found++;
    }
    int missing = -7777777;
    printf("bsearch found=%d missing=%s\n", found,
           bsearch(&missing, v, N, sizeof v[0], cmp_int) ? "present" : "absent");
    const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "date", "elderberry",
                           "grape", "kiwi", "lemon", "mango", "apple", "Zebra", "zebra"};
    size_t nw = sizeof words / sizeof words[0];
    qsort(words, nw, sizeof words[0], cmp_str);
    for (size_t i = 0; i < nw; i++) printf("%s%c", words[i], i + 1 < nw ? ' ' : '\n');
    struct rec r[6] = {{3, "c"}, {1, "b"}, {3, "a"}, {-2, "z"}, {1, "a"}, {0, "m"}};
    qsort(r, 6, sizeof r[0], cmp_rec);
    for (int i = 0; i < 6; i++) printf("(%d,%s)", r[i].key, r[i].name);
    printf("\n");
    return 0;
}
