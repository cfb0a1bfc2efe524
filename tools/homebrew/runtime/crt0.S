/* Entry point. The kernel calls _start like a function: r1 = the 16-byte aligned top of the
 * main thread's stack, r13 = the processor control region (never touched here or by the
 * compiled code, which is built with -ffixed-r13), LR = a kernel stub that ends the main
 * thread with the exit code in r3. _start opens its own frame below r1 and keeps LR in it
 * (not in the caller's frame, which the kernel does not promise), calls main and returns its
 * value to the stub. */
    .section .text._start,"ax"
    .globl _start
    .type _start, @function
    .balign 4
_start:
    stwu    %r1, -32(%r1)
    mflr    %r0
    stw     %r0, 20(%r1)
    bl      main
    lwz     %r0, 20(%r1)
    mtlr    %r0
    addi    %r1, %r1, 32
    blr
    .size _start, . - _start

    .section .note.GNU-stack,"",@progbits
