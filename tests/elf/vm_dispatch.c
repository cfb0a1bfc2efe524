/* A register-machine interpreter with computed-goto dispatch (`goto *table[op]`), which gcc
 * copies into every handler: many indirect branches with many targets each, handlers that
 * call small functions, a call/return op that recurses on the host stack, and an error op
 * that longjmps out. Its output is checked against qemu-ppc64 (frontend/tests/exec_elf.rs). */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OP_LI, OP_ADD, OP_SUB, OP_MUL, OP_XOR, OP_SHR, OP_LT, OP_JZ, OP_JMP, OP_CALL,
       OP_RET, OP_LOAD, OP_STORE, OP_HASH, OP_MIX, OP_PRINT, OP_FAIL, OP_HALT };

struct insn { uint8_t op, a, b, c; int32_t imm; };

static int64_t memory[256];
static jmp_buf failed;

__attribute__((noinline)) static int64_t mix(int64_t x, int64_t y) {
    uint64_t h = (uint64_t)x * 0x9e3779b97f4a7c15ull ^ (uint64_t)y;
    return (int64_t)(h ^ (h >> 29));
}

__attribute__((noinline)) static int64_t hash_text(int64_t seed) {
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)seed);
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < strlen(buf); i++) h = (h ^ (uint8_t)buf[i]) * 16777619u;
    return h;
}

static int64_t run(const struct insn *code, int pc, int64_t *r, int depth) {
    static void *table[] = { &&li, &&add, &&sub, &&mul, &&xor_, &&shr, &&lt, &&jz, &&jmp,
                             &&call, &&ret, &&load, &&store, &&hash, &&mixop, &&print,
                             &&fail, &&halt };
    const struct insn *i;
#define NEXT i = &code[pc++]; goto *table[i->op]
    NEXT;
li:    r[i->a] = i->imm; NEXT;
add:   r[i->a] = r[i->b] + r[i->c]; NEXT;
sub:   r[i->a] = r[i->b] - r[i->c]; NEXT;
mul:   r[i->a] = r[i->b] * r[i->c]; NEXT;
xor_:  r[i->a] = r[i->b] ^ r[i->c]; NEXT;
shr:   r[i->a] = (int64_t)((uint64_t)r[i->b] >> (r[i->c] & 63)); NEXT;
lt:    r[i->a] = r[i->b] < r[i->c]; NEXT;
jz:    if (!r[i->a]) pc = i->imm; NEXT;
jmp:   pc = i->imm; NEXT;
call: {
        if (depth > 40) longjmp(failed, 1);
        int64_t saved[8];
        memcpy(saved, r, sizeof saved);
        int64_t v = run(code, i->imm, r, depth + 1);
        memcpy(r, saved, sizeof saved);
        r[i->a] = v;
        NEXT;
    }
ret:   return r[i->a];
load:  r[i->a] = memory[r[i->b] & 255]; NEXT;
store: memory[r[i->b] & 255] = r[i->a]; NEXT;
hash:  r[i->a] = hash_text(r[i->b]); NEXT;
mixop: r[i->a] = mix(r[i->b], r[i->c]); NEXT;
print: printf("r%d = %lld\n", i->a, (long long)r[i->a]); NEXT;
fail:  longjmp(failed, 2);
halt:  return r[0];
#undef NEXT
}

#define I(op, a, b, c, imm) { op, a, b, c, imm }

/* fib(n) by recursion through OP_CALL: r1 = n on entry, result in r0 at ret. */
static const struct insn program[] = {
    /* 0: main: for r6 in 0..24: r0 = fib(r6); r7 = mix(r7, r0); memory[r6] = r0 */
    I(OP_LI, 6, 0, 0, 0), I(OP_LI, 7, 0, 0, 1), I(OP_LI, 5, 0, 0, 24),
    I(OP_LT, 4, 6, 5, 0), I(OP_JZ, 4, 0, 0, 14),
    I(OP_LI, 1, 0, 0, 0), I(OP_ADD, 1, 6, 1, 0), I(OP_CALL, 0, 0, 0, 20),
    I(OP_MIX, 7, 7, 0, 0), I(OP_STORE, 0, 6, 0, 0), I(OP_HASH, 3, 7, 0, 0),
    I(OP_XOR, 7, 7, 3, 0), I(OP_LI, 4, 0, 0, 1), I(OP_ADD, 6, 6, 4, 0),
    /* 14 */ I(OP_JMP, 0, 0, 0, 15), I(OP_LT, 4, 6, 5, 0), I(OP_JZ, 4, 0, 0, 18),
    I(OP_JMP, 0, 0, 0, 5), I(OP_PRINT, 7, 0, 0, 0), I(OP_HALT, 0, 0, 0, 0),
    /* 20: fib: if r1 < 2 return r1 */
    I(OP_LI, 2, 0, 0, 2), I(OP_LT, 3, 1, 2, 0), I(OP_JZ, 3, 0, 0, 25),
    I(OP_ADD, 0, 1, 0, 0), I(OP_RET, 1, 0, 0, 0),
    /* 25: r0 = fib(r1 - 1) + fib(r1 - 2) */
    I(OP_LI, 2, 0, 0, 1), I(OP_SUB, 1, 1, 2, 0), I(OP_CALL, 3, 0, 0, 20),
    I(OP_SUB, 1, 1, 2, 0), I(OP_CALL, 4, 0, 0, 20), I(OP_ADD, 0, 3, 4, 0),
    I(OP_RET, 0, 0, 0, 0),
    /* 32: recursion without end, caught by the depth limit */
    I(OP_CALL, 0, 0, 0, 32),
    /* 33: a failing op */
    I(OP_FAIL, 0, 0, 0, 0),
};

int main(void) {
    int64_t r[8] = {0};
    printf("main: %lld\n", (long long)run(program, 0, r, 0));
    int64_t sum = 0;
    for (int k = 0; k < 24; k++) sum = sum * 31 + memory[k];
    printf("memory: %lld\n", (long long)sum);
    for (int start = 32; start <= 33; start++) {
        int why = setjmp(failed);
        if (why) {
            printf("start %d: failed (%d)\n", start, why);
            continue;
        }
        run(program, start, r, 0);
        printf("start %d: returned\n", start);
    }
    return 0;
}
