/* malloc, calloc, realloc and free under a pseudo-random workload, small blocks (brk heap) and
 * large ones (mmap), with every block's contents checked before it is freed. Expected output:
 * qemu-ppc64 running the same binary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static uint64_t state = 0x9e3779b97f4a7c15ULL;
static uint64_t next(void) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

#define SLOTS 512

int main(void) {
    unsigned char *blocks[SLOTS] = {0};
    size_t sizes[SLOTS] = {0};
    unsigned char tags[SLOTS] = {0};
    uint64_t checksum = 0;
    unsigned long errors = 0, allocs = 0;
    for (int round = 0; round < 20000; round++) {
        int i = next() % SLOTS;
        if (blocks[i]) {
            for (size_t k = 0; k < sizes[i]; k++) {
                if (blocks[i][k] != (unsigned char)(tags[i] + k)) {
                    errors++;
                    break;
                }
            }
            checksum = checksum * 31 + sizes[i];
            if (next() % 4 == 0) {
                size_t ns = next() % 3000 + 1;
                unsigned char *p = realloc(blocks[i], ns);
                if (!p) return 2;
                size_t keep = ns < sizes[i] ? ns : sizes[i];
                for (size_t k = 0; k < keep; k++)
                    if (p[k] != (unsigned char)(tags[i] + k)) { errors++; break; }
                for (size_t k = 0; k < ns; k++) p[k] = (unsigned char)(tags[i] + k);
                blocks[i] = p;
                sizes[i] = ns;
                continue;
            }
            free(blocks[i]);
            blocks[i] = NULL;
            continue;
        }
        uint64_t r = next();
        size_t sz = (r % 100 == 0) ? (r % 200000) + 140000 : (r % 2000) + 1;
        unsigned char *p;
        if (r % 3 == 0) {
            p = calloc(1, sz);
            if (!p) return 2;
            for (size_t k = 0; k < sz; k++)
                if (p[k]) { errors++; break; }
        } else {
            p = malloc(sz);
            if (!p) return 2;
        }
        allocs++;
        tags[i] = (unsigned char)r;
        memset(p, 0, sz);
        for (size_t k = 0; k < sz; k++) p[k] = (unsigned char)(tags[i] + k);
        blocks[i] = p;
        sizes[i] = sz;
    }
    for (int i = 0; i < SLOTS; i++) free(blocks[i]);
    /* memmove with overlap in both directions, memcpy and memset over odd lengths */
    char *a = malloc(100000);
    for (int i = 0; i < 100000; i++) a[i] = (char)(i * 7);
    memmove(a + 3, a, 50000);
    memmove(a + 10000, a + 10013, 40000);
    memset(a + 777, 0x5a, 33333);
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < 100000; i++) h = (h ^ (unsigned char)a[i]) * 1099511628211ULL;
    free(a);
    printf("allocs %lu errors %lu checksum %016llx memhash %016llx\n", allocs, errors,
           (unsigned long long)checksum, (unsigned long long)h);
    return errors != 0;
}
