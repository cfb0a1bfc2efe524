# bc: conditional relative branches for every kind of BO, with and without link.
#
# Expected values are derived from the PowerPC ISA, Book I, and verified under qemu-ppc64
# with `oxenon ppc-test --backend qemu`.
# ISA reference: Book I 2.4, Branch Instructions.
#
# Each test sets r3 = 1 before the branch and 2 on the fall-through path, then adds 10 at
# the target: 11 means taken (and landed exactly on the target), 12 not taken. The CR bit
# under test is the only one with its value; every other CR bit holds the opposite. In the
# names, bitN is the value of CR bit BI and ctrN the CTR before the branch.
# CTR is 64 bits wide in 64-bit mode: 0x100000001 decrements to a nonzero value. The tests
# that rely on this set msr = 0x8000000000000000 (MSR[SF], 64-bit mode) explicitly; in
# 32-bit mode only CTR[32:63] is tested. Every other test gives the same result in both
# modes.

test_bdnzf_ctr2_bit0_taken:
  #_ REGISTER_IN cr 0xFDFFFFFF
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnzf 4*cr1+eq, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFDFFFFFF
  #_ REGISTER_OUT ctr 1

test_bdnzf_ctr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x02000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnzf 4*cr1+eq, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x02000000
  #_ REGISTER_OUT ctr 1

test_bdnzf_ctr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xFDFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnzf 4*cr1+eq, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFDFFFFFF
  #_ REGISTER_OUT ctr 0

test_bdnzf_ctr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x02000000
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnzf 4*cr1+eq, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x02000000
  #_ REGISTER_OUT ctr 0

test_bc_bo0_ctr0_bit0_taken:
  #_ REGISTER_IN cr 0xFFFBFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bc 0, 13, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFBFFFF
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

test_bc_bo0_ctr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x00040000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bc 0, 13, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00040000
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

test_bdnzf_ctr_high_word_taken:
  #_ REGISTER_IN cr 0xFDFFFFFF
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bdnzf 4*cr1+eq, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFDFFFFFF
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bdzf_ctr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFBFFFF
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdzf 4*cr3+gt, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFBFFFF
  #_ REGISTER_OUT ctr 1

test_bdzf_ctr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x00040000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdzf 4*cr3+gt, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00040000
  #_ REGISTER_OUT ctr 1

test_bdzf_ctr1_bit0_taken:
  #_ REGISTER_IN cr 0xFFFBFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdzf 4*cr3+gt, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFBFFFF
  #_ REGISTER_OUT ctr 0

test_bdzf_ctr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x00040000
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdzf 4*cr3+gt, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00040000
  #_ REGISTER_OUT ctr 0

test_bc_bo2_ctr0_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFFD
  #_ REGISTER_IN ctr 0
  li r3, 1
  bc 2, 30, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFFFFD
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

test_bc_bo2_ctr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000002
  #_ REGISTER_IN ctr 0
  li r3, 1
  bc 2, 30, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00000002
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

test_bdzf_ctr_high_word_not_taken:
  #_ REGISTER_IN cr 0xFFFBFFFF
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bdzf 4*cr3+gt, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFBFFFF
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bdnzt_ctr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFBFFF
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnzt 4*cr4+gt, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFBFFF
  #_ REGISTER_OUT ctr 1

test_bdnzt_ctr2_bit1_taken:
  #_ REGISTER_IN cr 0x00004000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnzt 4*cr4+gt, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00004000
  #_ REGISTER_OUT ctr 1

test_bdnzt_ctr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFBFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnzt 4*cr4+gt, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFBFFF
  #_ REGISTER_OUT ctr 0

test_bdnzt_ctr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x00004000
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnzt 4*cr4+gt, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00004000
  #_ REGISTER_OUT ctr 0

test_bc_bo8_ctr0_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFDF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bc 8, 26, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFFFDF
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

test_bc_bo8_ctr0_bit1_taken:
  #_ REGISTER_IN cr 0x00000020
  #_ REGISTER_IN ctr 0
  li r3, 1
  bc 8, 26, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00000020
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

test_bdnzt_ctr_high_word_taken:
  #_ REGISTER_IN cr 0x00004000
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bdnzt 4*cr4+gt, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00004000
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bdzt_ctr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFFD
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdzt 4*cr7+eq, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFFFFD
  #_ REGISTER_OUT ctr 1

test_bdzt_ctr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000002
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdzt 4*cr7+eq, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00000002
  #_ REGISTER_OUT ctr 1

test_bdzt_ctr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFFD
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdzt 4*cr7+eq, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFFFFD
  #_ REGISTER_OUT ctr 0

test_bdzt_ctr1_bit1_taken:
  #_ REGISTER_IN cr 0x00000002
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdzt 4*cr7+eq, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00000002
  #_ REGISTER_OUT ctr 0

test_bc_bo10_ctr0_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFBFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bc 10, 21, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFFBFF
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

test_bc_bo10_ctr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000400
  #_ REGISTER_IN ctr 0
  li r3, 1
  bc 10, 21, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00000400
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

test_bdzt_ctr_high_word_not_taken:
  #_ REGISTER_IN cr 0x00000002
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bdzt 4*cr7+eq, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00000002
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bge_cr0_bit0_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bge cr0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 7

test_blt_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  blt cr0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 7

test_bge_cr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 7
  li r3, 1
  bge cr0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 7

test_blt_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 7
  li r3, 1
  blt cr0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 7

test_bne_cr0_bit0_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bne cr0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 7

test_beq_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  beq cr0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 7

test_bne_cr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 7
  li r3, 1
  bne cr0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 7

test_beq_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 7
  li r3, 1
  beq cr0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 7

test_ble_cr1_bit0_taken:
  #_ REGISTER_IN cr 0xFBFFFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  ble cr1, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFBFFFFFF
  #_ REGISTER_OUT ctr 7

test_bgt_cr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xFBFFFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bgt cr1, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFBFFFFFF
  #_ REGISTER_OUT ctr 7

test_ble_cr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x04000000
  #_ REGISTER_IN ctr 7
  li r3, 1
  ble cr1, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x04000000
  #_ REGISTER_OUT ctr 7

test_bgt_cr1_bit1_taken:
  #_ REGISTER_IN cr 0x04000000
  #_ REGISTER_IN ctr 7
  li r3, 1
  bgt cr1, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x04000000
  #_ REGISTER_OUT ctr 7

test_bns_cr1_bit0_taken:
  #_ REGISTER_IN cr 0xFEFFFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bns cr1, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFEFFFFFF
  #_ REGISTER_OUT ctr 7

test_bso_cr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xFEFFFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bso cr1, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFEFFFFFF
  #_ REGISTER_OUT ctr 7

test_bns_cr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x01000000
  #_ REGISTER_IN ctr 7
  li r3, 1
  bns cr1, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x01000000
  #_ REGISTER_OUT ctr 7

test_bso_cr1_bit1_taken:
  #_ REGISTER_IN cr 0x01000000
  #_ REGISTER_IN ctr 7
  li r3, 1
  bso cr1, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x01000000
  #_ REGISTER_OUT ctr 7

test_bne_cr2_bit0_taken:
  #_ REGISTER_IN cr 0xFFDFFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bne cr2, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFDFFFFF
  #_ REGISTER_OUT ctr 7

test_beq_cr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFDFFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  beq cr2, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFDFFFFF
  #_ REGISTER_OUT ctr 7

test_bne_cr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x00200000
  #_ REGISTER_IN ctr 7
  li r3, 1
  bne cr2, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00200000
  #_ REGISTER_OUT ctr 7

test_beq_cr2_bit1_taken:
  #_ REGISTER_IN cr 0x00200000
  #_ REGISTER_IN ctr 7
  li r3, 1
  beq cr2, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00200000
  #_ REGISTER_OUT ctr 7

test_bge_cr2_bit0_taken:
  #_ REGISTER_IN cr 0xFF7FFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bge cr2, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFF7FFFFF
  #_ REGISTER_OUT ctr 7

test_blt_cr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xFF7FFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  blt cr2, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFF7FFFFF
  #_ REGISTER_OUT ctr 7

test_bge_cr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x00800000
  #_ REGISTER_IN ctr 7
  li r3, 1
  bge cr2, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00800000
  #_ REGISTER_OUT ctr 7

test_blt_cr2_bit1_taken:
  #_ REGISTER_IN cr 0x00800000
  #_ REGISTER_IN ctr 7
  li r3, 1
  blt cr2, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00800000
  #_ REGISTER_OUT ctr 7

test_bns_cr3_bit0_taken:
  #_ REGISTER_IN cr 0xFFFEFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bns cr3, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFEFFFF
  #_ REGISTER_OUT ctr 7

test_bso_cr3_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFEFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bso cr3, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFEFFFF
  #_ REGISTER_OUT ctr 7

test_bns_cr3_bit1_not_taken:
  #_ REGISTER_IN cr 0x00010000
  #_ REGISTER_IN ctr 7
  li r3, 1
  bns cr3, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00010000
  #_ REGISTER_OUT ctr 7

test_bso_cr3_bit1_taken:
  #_ REGISTER_IN cr 0x00010000
  #_ REGISTER_IN ctr 7
  li r3, 1
  bso cr3, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00010000
  #_ REGISTER_OUT ctr 7

test_ble_cr3_bit0_taken:
  #_ REGISTER_IN cr 0xFFFBFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  ble cr3, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFBFFFF
  #_ REGISTER_OUT ctr 7

test_bgt_cr3_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFBFFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bgt cr3, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFBFFFF
  #_ REGISTER_OUT ctr 7

test_ble_cr3_bit1_not_taken:
  #_ REGISTER_IN cr 0x00040000
  #_ REGISTER_IN ctr 7
  li r3, 1
  ble cr3, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00040000
  #_ REGISTER_OUT ctr 7

test_bgt_cr3_bit1_taken:
  #_ REGISTER_IN cr 0x00040000
  #_ REGISTER_IN ctr 7
  li r3, 1
  bgt cr3, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00040000
  #_ REGISTER_OUT ctr 7

test_bge_cr4_bit0_taken:
  #_ REGISTER_IN cr 0xFFFF7FFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bge cr4, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFF7FFF
  #_ REGISTER_OUT ctr 7

test_blt_cr4_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFF7FFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  blt cr4, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFF7FFF
  #_ REGISTER_OUT ctr 7

test_bge_cr4_bit1_not_taken:
  #_ REGISTER_IN cr 0x00008000
  #_ REGISTER_IN ctr 7
  li r3, 1
  bge cr4, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00008000
  #_ REGISTER_OUT ctr 7

test_blt_cr4_bit1_taken:
  #_ REGISTER_IN cr 0x00008000
  #_ REGISTER_IN ctr 7
  li r3, 1
  blt cr4, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00008000
  #_ REGISTER_OUT ctr 7

test_bne_cr4_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFDFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bne cr4, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFFDFFF
  #_ REGISTER_OUT ctr 7

test_beq_cr4_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFDFFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  beq cr4, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFDFFF
  #_ REGISTER_OUT ctr 7

test_bne_cr4_bit1_not_taken:
  #_ REGISTER_IN cr 0x00002000
  #_ REGISTER_IN ctr 7
  li r3, 1
  bne cr4, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00002000
  #_ REGISTER_OUT ctr 7

test_beq_cr4_bit1_taken:
  #_ REGISTER_IN cr 0x00002000
  #_ REGISTER_IN ctr 7
  li r3, 1
  beq cr4, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00002000
  #_ REGISTER_OUT ctr 7

test_ble_cr5_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFBFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  ble cr5, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFFFBFF
  #_ REGISTER_OUT ctr 7

test_bgt_cr5_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFBFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bgt cr5, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFFBFF
  #_ REGISTER_OUT ctr 7

test_ble_cr5_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000400
  #_ REGISTER_IN ctr 7
  li r3, 1
  ble cr5, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00000400
  #_ REGISTER_OUT ctr 7

test_bgt_cr5_bit1_taken:
  #_ REGISTER_IN cr 0x00000400
  #_ REGISTER_IN ctr 7
  li r3, 1
  bgt cr5, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00000400
  #_ REGISTER_OUT ctr 7

test_bns_cr5_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFEFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bns cr5, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFFFEFF
  #_ REGISTER_OUT ctr 7

test_bso_cr5_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFEFF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bso cr5, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFFEFF
  #_ REGISTER_OUT ctr 7

test_bns_cr5_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000100
  #_ REGISTER_IN ctr 7
  li r3, 1
  bns cr5, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00000100
  #_ REGISTER_OUT ctr 7

test_bso_cr5_bit1_taken:
  #_ REGISTER_IN cr 0x00000100
  #_ REGISTER_IN ctr 7
  li r3, 1
  bso cr5, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00000100
  #_ REGISTER_OUT ctr 7

test_bne_cr6_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFFDF
  #_ REGISTER_IN ctr 7
  li r3, 1
  bne cr6, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFFFFDF
  #_ REGISTER_OUT ctr 7

test_beq_cr6_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFDF
  #_ REGISTER_IN ctr 7
  li r3, 1
  beq cr6, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFFFDF
  #_ REGISTER_OUT ctr 7

test_bne_cr6_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000020
  #_ REGISTER_IN ctr 7
  li r3, 1
  bne cr6, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00000020
  #_ REGISTER_OUT ctr 7

test_beq_cr6_bit1_taken:
  #_ REGISTER_IN cr 0x00000020
  #_ REGISTER_IN ctr 7
  li r3, 1
  beq cr6, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00000020
  #_ REGISTER_OUT ctr 7

test_bge_cr6_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFF7F
  #_ REGISTER_IN ctr 7
  li r3, 1
  bge cr6, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFFFF7F
  #_ REGISTER_OUT ctr 7

test_blt_cr6_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFF7F
  #_ REGISTER_IN ctr 7
  li r3, 1
  blt cr6, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFFF7F
  #_ REGISTER_OUT ctr 7

test_bge_cr6_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000080
  #_ REGISTER_IN ctr 7
  li r3, 1
  bge cr6, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00000080
  #_ REGISTER_OUT ctr 7

test_blt_cr6_bit1_taken:
  #_ REGISTER_IN cr 0x00000080
  #_ REGISTER_IN ctr 7
  li r3, 1
  blt cr6, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00000080
  #_ REGISTER_OUT ctr 7

test_bns_cr7_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFFFE
  #_ REGISTER_IN ctr 7
  li r3, 1
  bns cr7, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFFFFFE
  #_ REGISTER_OUT ctr 7

test_bso_cr7_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFFE
  #_ REGISTER_IN ctr 7
  li r3, 1
  bso cr7, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFFFFE
  #_ REGISTER_OUT ctr 7

test_bns_cr7_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000001
  #_ REGISTER_IN ctr 7
  li r3, 1
  bns cr7, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00000001
  #_ REGISTER_OUT ctr 7

test_bso_cr7_bit1_taken:
  #_ REGISTER_IN cr 0x00000001
  #_ REGISTER_IN ctr 7
  li r3, 1
  bso cr7, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00000001
  #_ REGISTER_OUT ctr 7

test_ble_cr7_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFFFB
  #_ REGISTER_IN ctr 7
  li r3, 1
  ble cr7, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFFFFFB
  #_ REGISTER_OUT ctr 7

test_bgt_cr7_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFFB
  #_ REGISTER_IN ctr 7
  li r3, 1
  bgt cr7, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFFFFB
  #_ REGISTER_OUT ctr 7

test_ble_cr7_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000004
  #_ REGISTER_IN ctr 7
  li r3, 1
  ble cr7, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00000004
  #_ REGISTER_OUT ctr 7

test_bgt_cr7_bit1_taken:
  #_ REGISTER_IN cr 0x00000004
  #_ REGISTER_IN ctr 7
  li r3, 1
  bgt cr7, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00000004
  #_ REGISTER_OUT ctr 7

test_beq_default_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  beq 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 0

test_beq_default_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  beq 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 0

test_bne_default_cr0_bit0_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bne 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 0

test_bne_default_cr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bne 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 0

test_blt_default_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  blt 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

test_blt_default_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  blt 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 0

test_bgt_default_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0xBFFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bgt 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xBFFFFFFF
  #_ REGISTER_OUT ctr 0

test_bgt_default_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x40000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bgt 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x40000000
  #_ REGISTER_OUT ctr 0

test_bso_default_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0xEFFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bso 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xEFFFFFFF
  #_ REGISTER_OUT ctr 0

test_bso_default_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x10000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bso 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x10000000
  #_ REGISTER_OUT ctr 0

test_bnl_default_cr0_bit0_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bnl 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

test_bnl_default_cr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bnl 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 0

test_bng_default_cr0_bit0_taken:
  #_ REGISTER_IN cr 0xBFFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bng 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xBFFFFFFF
  #_ REGISTER_OUT ctr 0

test_bng_default_cr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x40000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bng 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x40000000
  #_ REGISTER_OUT ctr 0

test_bun_default_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0xEFFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bun 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xEFFFFFFF
  #_ REGISTER_OUT ctr 0

test_bun_default_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x10000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bun 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x10000000
  #_ REGISTER_OUT ctr 0

test_bnu_default_cr0_bit0_taken:
  #_ REGISTER_IN cr 0xEFFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bnu 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xEFFFFFFF
  #_ REGISTER_OUT ctr 0

test_bnu_default_cr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x10000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bnu 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x10000000
  #_ REGISTER_OUT ctr 0

test_bc_bo4_bi0_bit0_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 3
  li r3, 1
  bc 4, 0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 3

test_bc_bo4_bi0_bit1_not_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 3
  li r3, 1
  bc 4, 0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 3

test_bc_bo4_bi9_bit0_taken:
  #_ REGISTER_IN cr 0xFFBFFFFF
  #_ REGISTER_IN ctr 3
  li r3, 1
  bc 4, 9, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFBFFFFF
  #_ REGISTER_OUT ctr 3

test_bc_bo4_bi9_bit1_not_taken:
  #_ REGISTER_IN cr 0x00400000
  #_ REGISTER_IN ctr 3
  li r3, 1
  bc 4, 9, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00400000
  #_ REGISTER_OUT ctr 3

test_bc_bo4_bi31_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFFFE
  #_ REGISTER_IN ctr 3
  li r3, 1
  bc 4, 31, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFFFFFE
  #_ REGISTER_OUT ctr 3

test_bc_bo4_bi31_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000001
  #_ REGISTER_IN ctr 3
  li r3, 1
  bc 4, 31, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x00000001
  #_ REGISTER_OUT ctr 3

test_bc_bo12_bi0_bit0_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 3
  li r3, 1
  bc 12, 0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 3

test_bc_bo12_bi0_bit1_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 3
  li r3, 1
  bc 12, 0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 3

test_bc_bo12_bi9_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFBFFFFF
  #_ REGISTER_IN ctr 3
  li r3, 1
  bc 12, 9, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFBFFFFF
  #_ REGISTER_OUT ctr 3

test_bc_bo12_bi9_bit1_taken:
  #_ REGISTER_IN cr 0x00400000
  #_ REGISTER_IN ctr 3
  li r3, 1
  bc 12, 9, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00400000
  #_ REGISTER_OUT ctr 3

test_bc_bo12_bi31_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFFE
  #_ REGISTER_IN ctr 3
  li r3, 1
  bc 12, 31, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFFFFFFFE
  #_ REGISTER_OUT ctr 3

test_bc_bo12_bi31_bit1_taken:
  #_ REGISTER_IN cr 0x00000001
  #_ REGISTER_IN ctr 3
  li r3, 1
  bc 12, 31, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00000001
  #_ REGISTER_OUT ctr 3

test_bdnz_ctr1_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

# BI is ignored.
test_bdnz_ctr1_bi_set_not_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 0

test_bdnz_ctr2_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 1

# BI is ignored.
test_bdnz_ctr2_bi_set_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 1

test_bdnz_ctr0_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bdnz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

# BI is ignored.
test_bdnz_ctr0_bi_set_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bdnz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

test_bdnz_ctr2p32_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0x0000000100000000
  li r3, 1
  bdnz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0x00000000FFFFFFFF

test_bdnz_ctr2p32plus1_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bdnz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bdnz_ctrminus1_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0xFFFFFFFFFFFFFFFF
  li r3, 1
  bdnz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFE

test_bdz_ctr1_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

# BI is ignored.
test_bdz_ctr1_bi_set_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 0

test_bdz_ctr2_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 1

# BI is ignored.
test_bdz_ctr2_bi_set_not_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 1

test_bdz_ctr0_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bdz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

# BI is ignored.
test_bdz_ctr0_bi_set_not_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bdz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

test_bdz_ctr2p32_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0x0000000100000000
  li r3, 1
  bdz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0x00000000FFFFFFFF

test_bdz_ctr2p32plus1_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bdz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bdz_ctrminus1_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0xFFFFFFFFFFFFFFFF
  li r3, 1
  bdz 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFE

test_bc_bo20_bi0_bit0_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 5
  li r3, 1
  bc 20, 0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 5

test_bc_bo20_bi0_bit1_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 5
  li r3, 1
  bc 20, 0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 5

test_bc_bo20_bi31_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFFFE
  #_ REGISTER_IN ctr 5
  li r3, 1
  bc 20, 31, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFFFFFFFE
  #_ REGISTER_OUT ctr 5

test_bc_bo20_bi31_bit1_taken:
  #_ REGISTER_IN cr 0x00000001
  #_ REGISTER_IN ctr 5
  li r3, 1
  bc 20, 31, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x00000001
  #_ REGISTER_OUT ctr 5

# BO = 15: the at bits only hint.
test_beq_hint_likely_bit0_ctr1_not_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  beq+ 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 1

# BO = 15: the at bits only hint.
test_beq_hint_likely_bit1_ctr2_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  beq+ 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 2

# BO = 14: the at bits only hint.
test_beq_hint_unlikely_bit0_ctr1_not_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  beq- 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 1

# BO = 14: the at bits only hint.
test_beq_hint_unlikely_bit1_ctr2_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  beq- 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 2

# BO = 7: the at bits only hint.
test_bne_hint_likely_bit0_ctr1_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bne+ 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 1

# BO = 7: the at bits only hint.
test_bne_hint_likely_bit1_ctr2_not_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bne+ 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 2

# BO = 6: the at bits only hint.
test_bne_hint_unlikely_bit0_ctr1_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bne- 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 1

# BO = 6: the at bits only hint.
test_bne_hint_unlikely_bit1_ctr2_not_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bne- 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 2

# BO = 25: the at bits only hint.
test_bdnz_hint_likely_bit0_ctr1_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnz+ 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

# BO = 25: the at bits only hint.
test_bdnz_hint_likely_bit1_ctr2_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnz+ 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 1

# BO = 24: the at bits only hint.
test_bdnz_hint_unlikely_bit0_ctr1_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnz- 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

# BO = 24: the at bits only hint.
test_bdnz_hint_unlikely_bit1_ctr2_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnz- 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 1

# BO = 27: the at bits only hint.
test_bdz_hint_likely_bit0_ctr1_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdz+ 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

# BO = 27: the at bits only hint.
test_bdz_hint_likely_bit1_ctr2_not_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdz+ 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 1

# BO = 26: the at bits only hint.
test_bdz_hint_unlikely_bit0_ctr1_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdz- 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

# BO = 26: the at bits only hint.
test_bdz_hint_unlikely_bit1_ctr2_not_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdz- 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 1

test_bc_bo15_hint_bit0_ctr1_not_taken:
  #_ REGISTER_IN cr 0xFBFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bc 15, 5, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0xFBFFFFFF
  #_ REGISTER_OUT ctr 1

test_bc_bo15_hint_bit1_ctr2_taken:
  #_ REGISTER_IN cr 0x04000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bc 15, 5, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x04000000
  #_ REGISTER_OUT ctr 2

test_bc_bo6_hint_bit0_ctr1_taken:
  #_ REGISTER_IN cr 0xFBFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bc 6, 5, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0xFBFFFFFF
  #_ REGISTER_OUT ctr 1

test_bc_bo6_hint_bit1_ctr2_not_taken:
  #_ REGISTER_IN cr 0x04000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bc 6, 5, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x04000000
  #_ REGISTER_OUT ctr 2

test_bc_bo25_hint_bit0_ctr1_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bc 25, 0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

test_bc_bo25_hint_bit1_ctr2_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bc 25, 0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 1

test_bc_bo26_hint_bit0_ctr1_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bc 26, 0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

test_bc_bo26_hint_bit1_ctr2_not_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bc 26, 0, 1f
  li r3, 2
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 1

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_beql_not_taken_sets_lr:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 3
  mflr r0
  li r3, 1
  beql 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 3

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_beql_taken_sets_lr:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 3
  mflr r0
  li r3, 1
  beql 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 3

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bnel_taken_sets_lr:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 3
  mflr r0
  li r3, 1
  bnel 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 3

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bnel_not_taken_sets_lr:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 3
  mflr r0
  li r3, 1
  bnel 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 3

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bltl_not_taken_sets_lr:
  #_ REGISTER_IN cr 0xF7FFFFFF
  #_ REGISTER_IN ctr 3
  mflr r0
  li r3, 1
  bltl cr1, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 3

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bltl_taken_sets_lr:
  #_ REGISTER_IN cr 0x08000000
  #_ REGISTER_IN ctr 3
  mflr r0
  li r3, 1
  bltl cr1, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 3

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bgel_taken_sets_lr:
  #_ REGISTER_IN cr 0xF7FFFFFF
  #_ REGISTER_IN ctr 3
  mflr r0
  li r3, 1
  bgel cr1, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 3

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bgel_not_taken_sets_lr:
  #_ REGISTER_IN cr 0x08000000
  #_ REGISTER_IN ctr 3
  mflr r0
  li r3, 1
  bgel cr1, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 3

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bsol_not_taken_sets_lr:
  #_ REGISTER_IN cr 0xFFFFFFFE
  #_ REGISTER_IN ctr 3
  mflr r0
  li r3, 1
  bsol cr7, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 3

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bsol_taken_sets_lr:
  #_ REGISTER_IN cr 0x00000001
  #_ REGISTER_IN ctr 3
  mflr r0
  li r3, 1
  bsol cr7, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 3

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdnzl_ctr1_bit0_not_taken_sets_lr:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  mflr r0
  li r3, 1
  bdnzl 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 0

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdnzl_ctr2_bit0_taken_sets_lr:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 2
  mflr r0
  li r3, 1
  bdnzl 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 1

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdzl_ctr1_bit0_taken_sets_lr:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  mflr r0
  li r3, 1
  bdzl 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 0

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdzl_ctr2_bit0_not_taken_sets_lr:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 2
  mflr r0
  li r3, 1
  bdzl 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 1

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdnzfl_ctr1_bit0_not_taken_sets_lr:
  #_ REGISTER_IN cr 0xFFDFFFFF
  #_ REGISTER_IN ctr 1
  mflr r0
  li r3, 1
  bdnzfl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 0

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdnzfl_ctr1_bit1_not_taken_sets_lr:
  #_ REGISTER_IN cr 0x00200000
  #_ REGISTER_IN ctr 1
  mflr r0
  li r3, 1
  bdnzfl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 0

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdnzfl_ctr2_bit0_taken_sets_lr:
  #_ REGISTER_IN cr 0xFFDFFFFF
  #_ REGISTER_IN ctr 2
  mflr r0
  li r3, 1
  bdnzfl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 1

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdnzfl_ctr2_bit1_not_taken_sets_lr:
  #_ REGISTER_IN cr 0x00200000
  #_ REGISTER_IN ctr 2
  mflr r0
  li r3, 1
  bdnzfl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 1

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdzfl_ctr1_bit0_taken_sets_lr:
  #_ REGISTER_IN cr 0xFFDFFFFF
  #_ REGISTER_IN ctr 1
  mflr r0
  li r3, 1
  bdzfl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 0

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdzfl_ctr1_bit1_not_taken_sets_lr:
  #_ REGISTER_IN cr 0x00200000
  #_ REGISTER_IN ctr 1
  mflr r0
  li r3, 1
  bdzfl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 0

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdzfl_ctr2_bit0_not_taken_sets_lr:
  #_ REGISTER_IN cr 0xFFDFFFFF
  #_ REGISTER_IN ctr 2
  mflr r0
  li r3, 1
  bdzfl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 1

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdzfl_ctr2_bit1_not_taken_sets_lr:
  #_ REGISTER_IN cr 0x00200000
  #_ REGISTER_IN ctr 2
  mflr r0
  li r3, 1
  bdzfl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 1

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdnztl_ctr1_bit0_not_taken_sets_lr:
  #_ REGISTER_IN cr 0xFFDFFFFF
  #_ REGISTER_IN ctr 1
  mflr r0
  li r3, 1
  bdnztl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 0

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdnztl_ctr1_bit1_not_taken_sets_lr:
  #_ REGISTER_IN cr 0x00200000
  #_ REGISTER_IN ctr 1
  mflr r0
  li r3, 1
  bdnztl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 0

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdnztl_ctr2_bit0_not_taken_sets_lr:
  #_ REGISTER_IN cr 0xFFDFFFFF
  #_ REGISTER_IN ctr 2
  mflr r0
  li r3, 1
  bdnztl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 1

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdnztl_ctr2_bit1_taken_sets_lr:
  #_ REGISTER_IN cr 0x00200000
  #_ REGISTER_IN ctr 2
  mflr r0
  li r3, 1
  bdnztl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 1

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdztl_ctr1_bit0_not_taken_sets_lr:
  #_ REGISTER_IN cr 0xFFDFFFFF
  #_ REGISTER_IN ctr 1
  mflr r0
  li r3, 1
  bdztl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 0

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdztl_ctr1_bit1_taken_sets_lr:
  #_ REGISTER_IN cr 0x00200000
  #_ REGISTER_IN ctr 1
  mflr r0
  li r3, 1
  bdztl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 0

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdztl_ctr2_bit0_not_taken_sets_lr:
  #_ REGISTER_IN cr 0xFFDFFFFF
  #_ REGISTER_IN ctr 2
  mflr r0
  li r3, 1
  bdztl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 1

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bdztl_ctr2_bit1_not_taken_sets_lr:
  #_ REGISTER_IN cr 0x00200000
  #_ REGISTER_IN ctr 2
  mflr r0
  li r3, 1
  bdztl 4*cr2+eq, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 1

# r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.
test_bcl_always_sets_lr:
  #_ REGISTER_IN cr 0xFFFFFFFE
  #_ REGISTER_IN ctr 4
  mflr r0
  li r3, 1
  bcl 20, 31, 1f
2: li r3, 2
1: mflr r4
  bl 3f
3: mflr r5
  mtlr r0
  subf r6, r4, r5
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 12
  #_ REGISTER_OUT ctr 4

# The get-PC idiom: LR = label 1, which is 8 bytes before label 2.
test_bcl_20_31_next_instruction_reads_pc:
  mflr r0
  bcl 20, 31, 1f
1: mflr r3
  bl 2f
2: mflr r4
  mtlr r0
  subf r5, r3, r4
  blr
  #_ REGISTER_OUT r5 8

test_bdnz_backward_loop:
  #_ REGISTER_IN ctr 10
  li r3, 0
1: mfctr r4
  add r3, r3, r4
  bdnz 1b
  blr
  #_ REGISTER_OUT r3 55
  #_ REGISTER_OUT r4 1
  #_ REGISTER_OUT ctr 0

# Stops when r3 reaches 4 (EQ set), after 4 decrements of CTR.
test_bdnzf_backward_loop_exits_on_condition:
  #_ REGISTER_IN ctr 10
  li r3, 0
1: addi r3, r3, 1
  cmpwi r3, 4
  bdnzf eq, 1b
  mfctr r5
  blr
  #_ REGISTER_OUT r3 4
  #_ REGISTER_OUT r5 6
  #_ REGISTER_OUT ctr 6

test_bdnzt_backward_loop_exits_on_ctr:
  #_ REGISTER_IN ctr 5
  li r3, 0
1: addi r3, r3, 1
  cmpwi r3, 100
  bdnzt lt, 1b
  blr
  #_ REGISTER_OUT r3 5
  #_ REGISTER_OUT ctr 0

test_bc_far_forward:
  #_ REGISTER_IN cr 0x20000000
  li r3, 1
  beq 1f
  li r3, 2
  .space 0x7F00
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11

test_bc_far_backward:
  #_ REGISTER_IN ctr 2
  li r3, 1
  b 2f
1: addi r3, r3, 10
  blr
  .space 0x7E00
2: bdnz 1b
  li r3, 2
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT ctr 1
