/* bench-class: int */
/* Small integer kernels: a sieve of Eratosthenes, Euclid's gcd, Collatz path lengths, bit
 * counting and 64-bit multiply/divide. argv[1] scales the work in percent. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

static uint64_t gcd(uint64_t a, uint64_t b) {
    while (b) { uint64_t t = a % b; a = b; b = t; }
    return a;
}

static int popcount(uint64_t x) {
    int n = 0;
    while (x) { x &= x - 1; n++; }
    return n;
}

int main(int argc, char **argv) {
    long pct = argc > 1 ? atol(argv[1]) : 100;
    long limit = 4800000 * pct / 100;
    if (limit < 1000) limit = 1000;
    uint8_t *comp = malloc(limit + 1);
    memset(comp, 0, limit + 1);
    long primes = 0;
    for (long i = 2; i <= limit; i++) {
        if (comp[i]) continue;
        primes++;
        for (long j = i * i; j <= limit; j += i) comp[j] = 1;
    }
    uint64_t g = 0;
    for (uint64_t i = 1; i < (uint64_t)limit / 8; i++) g += gcd(i * 2654435761u, i * 40503u + 7);
    uint64_t steps = 0;
    for (uint64_t n = 1; n < (uint64_t)limit / 6; n++) {
        uint64_t x = n;
        while (x != 1) { x = (x & 1) ? 3 * x + 1 : x >> 1; steps++; }
    }
    uint64_t bits = 0, q = 0, x = 0x0123456789abcdefull;
    for (long i = 0; i < limit; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        bits += popcount(x);
        q += x / ((uint64_t)i + 3) + (uint32_t)x % 1000;
    }
    printf("checksum %ld %llu %llu %llu %016llx\n", primes, (unsigned long long)g,
           (unsigned long long)steps, (unsigned long long)bits, (unsigned long long)q);
    return 0;
}
