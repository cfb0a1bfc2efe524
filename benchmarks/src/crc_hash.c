/* bench-class: int */
/* Table-driven CRC-32, FNV-1a and a 64-bit multiplicative mix over a generated buffer:
 * byte loads, shifts, xors and table lookups. argv[1] scales the work in percent. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static uint32_t table[256];

static void make_table(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

static uint32_t crc32(const uint8_t *p, size_t n, uint32_t crc) {
    crc = ~crc;
    while (n--) crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static uint32_t fnv1a(const uint8_t *p, size_t n) {
    uint32_t h = 2166136261u;
    while (n--) h = (h ^ *p++) * 16777619u;
    return h;
}

static uint64_t mix64(const uint64_t *p, size_t n) {
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (size_t i = 0; i < n; i++) {
        uint64_t k = p[i] * 0xff51afd7ed558ccdull;
        k ^= k >> 33;
        h = (h ^ k) * 0xc4ceb9fe1a85ec53ull + (h >> 29);
    }
    return h;
}

int main(int argc, char **argv) {
    long pct = argc > 1 ? atol(argv[1]) : 100;
    enum { N = 1 << 20 };
    uint8_t *buf = malloc(N);
    uint64_t *words = malloc(N / 8 * sizeof *words);
    uint64_t x = 88172645463325252ull;
    for (size_t i = 0; i < N; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        buf[i] = (uint8_t)x;
        if (i % 8 == 0) words[i / 8] = x;
    }
    make_table();
    uint32_t crc = 0, fnv = 0;
    uint64_t mix = 0;
    long rounds = 120 * pct / 100;
    if (rounds < 1) rounds = 1;
    for (long r = 0; r < rounds; r++) {
        crc = crc32(buf, N, crc);
        fnv ^= fnv1a(buf + (r & 63), N - 64);
        mix += mix64(words, N / 8 - (r & 7));
        words[r % (N / 8)] += crc;
        buf[r % N] ^= (uint8_t)crc;
    }
    printf("checksum %08x %08x %016llx\n", crc, fnv, (unsigned long long)mix);
    return 0;
}
