/* Imports whose result is a 64-bit value in one register. The console's 64-bit calling
 * convention returns it whole in r3; 32-bit C expects the high word in r3 and the low word in
 * r4. The CPU is 64-bit even in 32-bit mode, so the split is two 64-bit instructions. */
    .section .text.xbox_shims,"ax"
    .globl xbox_performance_frequency
    .type xbox_performance_frequency, @function
    .balign 4
xbox_performance_frequency:
    stwu    %r1, -16(%r1)
    mflr    %r0
    stw     %r0, 20(%r1)
    bl      KeQueryPerformanceFrequency
    clrldi  %r4, %r3, 32
    srdi    %r3, %r3, 32
    lwz     %r0, 20(%r1)
    mtlr    %r0
    addi    %r1, %r1, 16
    blr
    .size xbox_performance_frequency, . - xbox_performance_frequency

    .section .note.GNU-stack,"",@progbits
