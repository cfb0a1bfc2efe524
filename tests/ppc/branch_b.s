# b and bl: unconditional relative branches, with and without link.
#
# Expected values are derived from the PowerPC ISA, Book I, and verified under qemu-ppc64
# with `oxenon ppc-test --backend qemu`.
# ISA reference: Book I 2.4, Branch Instructions.
#
# The first test must stay first: it checks LR against its absolute address (the code
# starts at 0x80000000). Other tests check LR relative to labels, so they can move.
# ba/bla are not tested: their targets lie within 32 MiB of address 0, where nothing is
# mapped for a test.

# At 0x80000000: bl at 0x80000004 sets LR to 0x80000008. LR on entry is the return sentinel.
test_bl_lr_is_next_absolute_address:
  mflr r0
  bl 1f
1: mflr r3
  mtlr r0
  blr
  #_ REGISTER_OUT r0 0x00000000BCBCBCBC
  #_ REGISTER_OUT r3 0x0000000080000008

test_b_forward_skips:
  li r3, 1
  b 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11

test_b_forward_to_next_instruction:
  li r3, 1
  b 1f
1: addi r3, r3, 4
  blr
  #_ REGISTER_OUT r3 5

test_b_backward:
  li r3, 0
  b 2f
1: addi r3, r3, 100
  blr
2: addi r3, r3, 1
  b 1b
  #_ REGISTER_OUT r3 101

test_b_chain_forward_and_backward:
  li r3, 0
  b 3f
1: addi r3, r3, 1
  b 4f
2: addi r3, r3, 10
  b 1b
3: addi r3, r3, 100
  b 2b
4: addi r3, r3, 1000
  blr
  #_ REGISTER_OUT r3 1111

test_b_leaves_lr_and_ctr_unchanged:
  #_ REGISTER_IN ctr 0x123456789ABCDEF0
  li r3, 1
  b 1f
  li r3, 2
1: mflr r4
  mfctr r5
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC
  #_ REGISTER_OUT r5 0x123456789ABCDEF0
  #_ REGISTER_OUT ctr 0x123456789ABCDEF0

# A displacement of 0x24690 uses LI bits above the low 16.
test_b_far_forward:
  li r3, 1
  b 1f
  .space 0x2468C
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11

test_b_far_backward:
  li r3, 1
  b 2f
1: addi r3, r3, 10
  blr
  .space 0x13570
2: addi r3, r3, 100
  b 1b
  #_ REGISTER_OUT r3 111

test_bl_subroutine_call_and_return:
  mflr r0
  li r3, 5
  bl 1f
  addi r3, r3, 100
  mtlr r0
  blr
1: mulli r3, r3, 3
  blr
  #_ REGISTER_OUT r3 115

test_bl_backward_call:
  mflr r0
  li r3, 1
  b 2f
1: addi r3, r3, 10
  blr
2: bl 1b
  addi r3, r3, 100
  mtlr r0
  blr
  #_ REGISTER_OUT r3 111

# LR after the first bl is the nop's address; after the second, label 2's: 12 bytes apart.
test_bl_lr_differences:
  mflr r0
  bl 1f
  nop
1: mflr r3
  bl 2f
2: mflr r4
  mtlr r0
  subf r5, r3, r4
  blr
  #_ REGISTER_OUT r5 12

test_bl_nested_calls_save_lr:
  mflr r0
  li r3, 0
  bl 1f
  addi r3, r3, 1000
  mtlr r0
  blr
1: mflr r10
  addi r3, r3, 1
  bl 2f
  addi r3, r3, 10
  mtlr r10
  blr
2: addi r3, r3, 100
  blr
  #_ REGISTER_OUT r3 1111

# LR = the bl's address + 4 (the start of the gap); label 2 is 0x10000 + 8 bytes later.
test_bl_far_forward_lr:
  mflr r0
  bl 1f
  .space 0x10000
1: mflr r4
  bl 2f
2: mflr r5
  mtlr r0
  subf r6, r4, r5
  blr
  #_ REGISTER_OUT r6 0x10008

# r5 = label 3 (LR from bl 3f); the backward bl is at label 3 + 4, so it leaves
# LR = label 3 + 8 and r6 = 8.
test_bl_far_backward_lr:
  mflr r0
  b 2f
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  blr
  .space 0x8000
2: bl 3f
3: mflr r5
  bl 1b
  #_ REGISTER_OUT r6 8

test_b_loop_backward_with_compare:
  li r3, 0
  li r4, 0
1: addi r4, r4, 1
  add r3, r3, r4
  cmpwi r4, 10
  blt 1b
  blr
  #_ REGISTER_OUT r3 55
  #_ REGISTER_OUT r4 10
  #_ REGISTER_OUT cr 0x20000000
