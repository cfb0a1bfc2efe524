# Loops: counted (bdnz), with branches inside the body, nested, counting down with a
# recording add, and calling a subroutine from inside the loop. The JIT compiles each of these
# as one multi-block unit, so the tests cover in-unit back-edges, both arms of a conditional
# inside a loop, and leaving/re-entering a unit through bl/blr.
#
# Expected values are derived from the PowerPC ISA, Book I (arithmetic of the few
# instructions used: the closed forms are given per test), and verified under qemu-ppc64
# with `oxenon ppc-test --backend qemu`.
# ISA reference: Book I 2.4 (Branch Instructions), 3.3.9-3.3.10 (Add, Compare, Multiply).
#
# Self-modifying code cannot be written in this format: the test code is mapped read-execute
# here and under qemu, so the JIT's unit tests (jit/src/jit/tests_units.rs) cover it.

# sum of 1..1000 = 1000 * 1001 / 2 = 500500
test_loop_ctr_sum:
  #_ REGISTER_IN r4 1000
  li r3, 0
  li r5, 0
  mtctr r4
1: addi r5, r5, 1
  add r3, r3, r5
  bdnz 1b
  blr
  #_ REGISTER_OUT r3 500500
  #_ REGISTER_OUT r4 1000
  #_ REGISTER_OUT r5 1000
  #_ REGISTER_OUT ctr 0

# i = 1..101: odd i are summed (sum of the first 51 odd numbers = 51^2 = 2601 = 0xA29) and the
# running sum stored; even i are counted (50). The last andi. (101 & 1 = 1) leaves CR0 = GT.
test_loop_odd_even_arms:
  #_ REGISTER_IN r4 101
  #_ REGISTER_IN r8 0x10001000
  #_ MEMORY_IN 10001000 EE EE EE EE EE EE EE EE
  li r3, 0
  li r5, 0
  li r6, 0
  mtctr r4
1: addi r5, r5, 1
  andi. r7, r5, 1
  beq 2f
  add r3, r3, r5
  stw r3, 0(r8)
  b 3f
2: addi r6, r6, 1
3: bdnz 1b
  blr
  #_ MEMORY_OUT 10001000 00 00 0A 29 EE EE EE EE
  #_ REGISTER_OUT r3 2601
  #_ REGISTER_OUT r5 101
  #_ REGISTER_OUT r6 50
  #_ REGISTER_OUT r7 1
  #_ REGISTER_OUT cr 0x40000000
  #_ REGISTER_OUT ctr 0

# 10 outer x 20 inner iterations = 200; the last compare (10 vs 10) leaves CR0 = EQ.
test_loop_nested_compare:
  li r3, 0
  li r4, 0
1: li r5, 0
2: addi r3, r3, 1
  addi r5, r5, 1
  cmpwi r5, 20
  blt 2b
  addi r4, r4, 1
  cmpwi r4, 10
  blt 1b
  blr
  #_ REGISTER_OUT r3 200
  #_ REGISTER_OUT r4 10
  #_ REGISTER_OUT r5 20
  #_ REGISTER_OUT cr 0x20000000

# sum of squares 50..1 = 50 * 51 * 101 / 6 = 42925; addic. counts down and stops at zero
# (CR0 = EQ); the last square is 1 * 1.
test_loop_countdown_squares:
  #_ REGISTER_IN r4 50
  li r3, 0
1: mullw r6, r4, r4
  add r3, r3, r6
  addic. r4, r4, -1
  bne 1b
  blr
  #_ REGISTER_OUT r3 42925
  #_ REGISTER_OUT r4 0
  #_ REGISTER_OUT r6 1
  #_ REGISTER_OUT cr 0x20000000

# A call inside a counted loop: 5 calls adding 3 each = 15; LR is saved in r0 around them.
test_loop_calls_subroutine:
  #_ REGISTER_IN r4 5
  mflr r0
  li r3, 0
  mtctr r4
1: bl 2f
  bdnz 1b
  mtlr r0
  blr
2: addi r3, r3, 3
  blr
  #_ REGISTER_OUT r3 15
  #_ REGISTER_OUT ctr 0
