/* bench-class: int */
/* A bytecode interpreter: a switch-dispatched stack machine running a small program (nested
 * loops computing a checksum over arithmetic sequences and a sieve in VM memory). Indirect
 * branches and memory-resident state, like an emulator's own dispatch loop. argv[1] scales
 * the work in percent. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

enum op { PUSH, LOAD, STORE, ADD, SUB, MUL, AND, XOR, SHR, LT, JZ, JMP, DUP, DROP, LOADM, STOREM, HALT };

static int64_t run(const int32_t *code, int64_t *vars, int64_t *memory) {
    int64_t stack[64];
    int sp = 0, pc = 0;
    for (;;) {
        int32_t op = code[pc++];
        switch (op) {
        case PUSH: stack[sp++] = code[pc++]; break;
        case LOAD: stack[sp++] = vars[code[pc++]]; break;
        case STORE: vars[code[pc++]] = stack[--sp]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case AND: sp--; stack[sp - 1] &= stack[sp]; break;
        case XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case SHR: sp--; stack[sp - 1] = (int64_t)((uint64_t)stack[sp - 1] >> stack[sp]); break;
        case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case JZ: { int32_t t = code[pc++]; if (!stack[--sp]) pc = t; break; }
        case JMP: pc = code[pc]; break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case DROP: sp--; break;
        case LOADM: stack[sp - 1] = memory[stack[sp - 1] & 4095]; break;
        case STOREM: sp -= 2; memory[stack[sp + 1] & 4095] = stack[sp]; break;
        case HALT: return vars[0];
        }
    }
}

static int32_t code[256];
static int len;
static void emit(int32_t v) { code[len++] = v; }

int main(int argc, char **argv) {
    long pct = argc > 1 ? atol(argv[1]) : 100;
    int32_t outer = (int32_t)(3000 * pct / 100);
    if (outer < 2) outer = 2;
    /* vars: 0 acc, 1 i, 2 j.
     * for i in 0..outer: for j in 0..4096:
     *     acc = (acc*31 + (i^j)) & 0xfffffff; mem[j] = (mem[j] + acc) >> 3 */
    emit(PUSH); emit(0); emit(STORE); emit(1);
    int outer_top = len;
    emit(LOAD); emit(1); emit(PUSH); emit(outer); emit(LT); emit(JZ);
    int outer_exit = len; emit(0);
    emit(PUSH); emit(0); emit(STORE); emit(2);
    int inner_top = len;
    emit(LOAD); emit(2); emit(PUSH); emit(4096); emit(LT); emit(JZ);
    int inner_exit = len; emit(0);
    emit(LOAD); emit(0); emit(PUSH); emit(31); emit(MUL); emit(LOAD); emit(1); emit(LOAD); emit(2);
    emit(XOR); emit(ADD); emit(PUSH); emit(0xfffffff); emit(AND); emit(STORE); emit(0);
    emit(LOAD); emit(2); emit(LOADM); emit(LOAD); emit(0); emit(ADD); emit(PUSH); emit(3);
    emit(SHR); emit(LOAD); emit(2); emit(STOREM);
    emit(LOAD); emit(2); emit(PUSH); emit(1); emit(ADD); emit(STORE); emit(2);
    emit(JMP); emit(inner_top);
    code[inner_exit] = len;
    emit(LOAD); emit(1); emit(PUSH); emit(1); emit(ADD); emit(STORE); emit(1);
    emit(JMP); emit(outer_top);
    code[outer_exit] = len;
    emit(HALT);
    int64_t vars[4] = {0};
    int64_t *memory = calloc(4096, sizeof *memory);
    int64_t acc = run(code, vars, memory);
    uint64_t h = 0;
    for (int k = 0; k < 4096; k++) h = h * 1099511628211ull ^ (uint64_t)memory[k];
    printf("checksum %lld %016llx\n", (long long)acc, (unsigned long long)h);
    return 0;
}
