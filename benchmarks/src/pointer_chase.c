/* bench-class: int */
/* Pointer chasing: a singly linked list in random order and a binary search tree built and
 * searched, so most time goes to dependent loads. argv[1] scales the work in percent. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

struct node { struct node *next; uint32_t value; uint32_t pad; };
struct tree { struct tree *l, *r; uint32_t key; };

static struct tree *insert(struct tree *pool, long *used, struct tree *t, uint32_t key) {
    struct tree **at = &t, *root = t;
    while (*at) at = key < (*at)->key ? &(*at)->l : &(*at)->r;
    struct tree *n = &pool[(*used)++];
    n->l = n->r = NULL;
    n->key = key;
    *at = n;
    return root ? root : n;
}

int main(int argc, char **argv) {
    long pct = argc > 1 ? atol(argv[1]) : 100;
    enum { N = 1 << 18 };
    struct node *nodes = malloc(N * sizeof *nodes);
    uint32_t *perm = malloc(N * sizeof *perm);
    uint32_t s = 12345;
    for (uint32_t i = 0; i < N; i++) perm[i] = i;
    for (uint32_t i = N - 1; i > 0; i--) {
        s = s * 1664525u + 1013904223u;
        uint32_t j = s % (i + 1), t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    for (uint32_t i = 0; i < N; i++) {
        nodes[perm[i]].next = &nodes[perm[(i + 1) % N]];
        nodes[perm[i]].value = i * 2654435761u;
    }
    long laps = 30 * pct / 100;
    if (laps < 1) laps = 1;
    uint64_t sum = 0;
    struct node *p = &nodes[perm[0]];
    for (long lap = 0; lap < laps; lap++)
        for (uint32_t i = 0; i < N; i++) {
            sum += p->value ^ (sum >> 7);
            p = p->next;
        }
    long tn = N / 2;
    struct tree *pool = malloc(tn * sizeof *pool), *root = NULL;
    long used = 0;
    for (long i = 0; i < tn; i++) {
        s = s * 1664525u + 1013904223u;
        root = insert(pool, &used, root, s);
    }
    uint64_t found = 0;
    long searches = 900000 * pct / 100;
    for (long i = 0; i < searches; i++) {
        uint32_t key = i & 1 ? pool[(i * 7919) % tn].key : (uint32_t)(i * 2654435761u);
        struct tree *t = root;
        int depth = 0;
        while (t && t->key != key) { t = key < t->key ? t->l : t->r; depth++; }
        found += t ? 1000 + depth : depth;
    }
    printf("checksum %016llx %llu\n", (unsigned long long)sum, (unsigned long long)found);
    return 0;
}
