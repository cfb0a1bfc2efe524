# bclr: conditional branches to LR, with and without link.
#
# Expected values are derived from the PowerPC ISA, Book I, and verified under qemu-ppc64
# with `oxenon ppc-test --backend qemu`.
# ISA reference: Book I 2.4, Branch Instructions.
#
# Tests of the branch condition leave LR at the return sentinel, so a taken bclr ends the
# test with r3 = 1 and a fall-through sets r3 = 2. Tests of the target and of LR updates
# point LR at a local label (from bl/mflr), where r3 gets 10 added: 11 taken, 12 not.
# In the names, bitN is the value of CR bit BI (every other CR bit holds the opposite)
# and ctrN the CTR before the branch. Tests with CTR = 0x100000001 depend on 64-bit mode
# (the decremented CTR is nonzero only as a 64-bit value), so they set msr to MSR[SF].

test_bdnzflr_ctr2_bit0_taken:
  #_ REGISTER_IN cr 0xFFBFFFFF
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnzflr 4*cr2+gt
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xFFBFFFFF
  #_ REGISTER_OUT ctr 1

test_bdnzflr_ctr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x00400000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnzflr 4*cr2+gt
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00400000
  #_ REGISTER_OUT ctr 1

test_bdnzflr_ctr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFBFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnzflr 4*cr2+gt
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFBFFFFF
  #_ REGISTER_OUT ctr 0

test_bdnzflr_ctr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x00400000
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnzflr 4*cr2+gt
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00400000
  #_ REGISTER_OUT ctr 0

test_bclr_bo0_ctr_high_word_bit0_taken:
  #_ REGISTER_IN cr 0xFFFDFFFF
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bclr 0, 14
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xFFFDFFFF
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bclr_bo0_ctr_high_word_bit1_not_taken:
  #_ REGISTER_IN cr 0x00020000
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bclr 0, 14
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00020000
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bdzflr_ctr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFDFFF
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdzflr 4*cr4+eq
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFFFDFFF
  #_ REGISTER_OUT ctr 1

test_bdzflr_ctr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x00002000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdzflr 4*cr4+eq
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00002000
  #_ REGISTER_OUT ctr 1

test_bdzflr_ctr1_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFDFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdzflr 4*cr4+eq
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xFFFFDFFF
  #_ REGISTER_OUT ctr 0

test_bdzflr_ctr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x00002000
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdzflr 4*cr4+eq
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00002000
  #_ REGISTER_OUT ctr 0

test_bclr_bo2_ctr_high_word_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFEF
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bclr 2, 27
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFFFFFEF
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bclr_bo2_ctr_high_word_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000010
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bclr 2, 27
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00000010
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bdnztlr_ctr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFEF
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnztlr 4*cr6+so
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFFFFFEF
  #_ REGISTER_OUT ctr 1

test_bdnztlr_ctr2_bit1_taken:
  #_ REGISTER_IN cr 0x00000010
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnztlr 4*cr6+so
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x00000010
  #_ REGISTER_OUT ctr 1

test_bdnztlr_ctr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFEF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnztlr 4*cr6+so
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFFFFFEF
  #_ REGISTER_OUT ctr 0

test_bdnztlr_ctr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000010
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnztlr 4*cr6+so
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00000010
  #_ REGISTER_OUT ctr 0

test_bclr_bo8_ctr_high_word_bit0_not_taken:
  #_ REGISTER_IN cr 0xFF7FFFFF
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bclr 8, 8
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFF7FFFFF
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bclr_bo8_ctr_high_word_bit1_taken:
  #_ REGISTER_IN cr 0x00800000
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bclr 8, 8
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x00800000
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bdztlr_ctr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xF7FFFFFF
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdztlr 4*cr1+lt
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xF7FFFFFF
  #_ REGISTER_OUT ctr 1

test_bdztlr_ctr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x08000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdztlr 4*cr1+lt
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x08000000
  #_ REGISTER_OUT ctr 1

test_bdztlr_ctr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xF7FFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdztlr 4*cr1+lt
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xF7FFFFFF
  #_ REGISTER_OUT ctr 0

test_bdztlr_ctr1_bit1_taken:
  #_ REGISTER_IN cr 0x08000000
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdztlr 4*cr1+lt
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x08000000
  #_ REGISTER_OUT ctr 0

test_bclr_bo10_ctr_high_word_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFBFF
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bclr 10, 21
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFFFFBFF
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bclr_bo10_ctr_high_word_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000400
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bclr 10, 21
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00000400
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bgelr_cr0_bit0_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 9
  li r3, 1
  bgelr cr0
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 9

test_bltlr_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 9
  li r3, 1
  bltlr cr0
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 9

test_bgelr_cr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 9
  li r3, 1
  bgelr cr0
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 9

test_bltlr_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 9
  li r3, 1
  bltlr cr0
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 9

test_bnslr_cr1_bit0_taken:
  #_ REGISTER_IN cr 0xFEFFFFFF
  #_ REGISTER_IN ctr 9
  li r3, 1
  bnslr cr1
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xFEFFFFFF
  #_ REGISTER_OUT ctr 9

test_bsolr_cr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xFEFFFFFF
  #_ REGISTER_IN ctr 9
  li r3, 1
  bsolr cr1
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFEFFFFFF
  #_ REGISTER_OUT ctr 9

test_bnslr_cr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x01000000
  #_ REGISTER_IN ctr 9
  li r3, 1
  bnslr cr1
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x01000000
  #_ REGISTER_OUT ctr 9

test_bsolr_cr1_bit1_taken:
  #_ REGISTER_IN cr 0x01000000
  #_ REGISTER_IN ctr 9
  li r3, 1
  bsolr cr1
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x01000000
  #_ REGISTER_OUT ctr 9

test_bnelr_cr2_bit0_taken:
  #_ REGISTER_IN cr 0xFFDFFFFF
  #_ REGISTER_IN ctr 9
  li r3, 1
  bnelr cr2
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xFFDFFFFF
  #_ REGISTER_OUT ctr 9

test_beqlr_cr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFDFFFFF
  #_ REGISTER_IN ctr 9
  li r3, 1
  beqlr cr2
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFDFFFFF
  #_ REGISTER_OUT ctr 9

test_bnelr_cr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x00200000
  #_ REGISTER_IN ctr 9
  li r3, 1
  bnelr cr2
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00200000
  #_ REGISTER_OUT ctr 9

test_beqlr_cr2_bit1_taken:
  #_ REGISTER_IN cr 0x00200000
  #_ REGISTER_IN ctr 9
  li r3, 1
  beqlr cr2
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x00200000
  #_ REGISTER_OUT ctr 9

test_blelr_cr3_bit0_taken:
  #_ REGISTER_IN cr 0xFFFBFFFF
  #_ REGISTER_IN ctr 9
  li r3, 1
  blelr cr3
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xFFFBFFFF
  #_ REGISTER_OUT ctr 9

test_bgtlr_cr3_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFBFFFF
  #_ REGISTER_IN ctr 9
  li r3, 1
  bgtlr cr3
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFFBFFFF
  #_ REGISTER_OUT ctr 9

test_blelr_cr3_bit1_not_taken:
  #_ REGISTER_IN cr 0x00040000
  #_ REGISTER_IN ctr 9
  li r3, 1
  blelr cr3
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00040000
  #_ REGISTER_OUT ctr 9

test_bgtlr_cr3_bit1_taken:
  #_ REGISTER_IN cr 0x00040000
  #_ REGISTER_IN ctr 9
  li r3, 1
  bgtlr cr3
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x00040000
  #_ REGISTER_OUT ctr 9

test_bgelr_cr4_bit0_taken:
  #_ REGISTER_IN cr 0xFFFF7FFF
  #_ REGISTER_IN ctr 9
  li r3, 1
  bgelr cr4
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xFFFF7FFF
  #_ REGISTER_OUT ctr 9

test_bltlr_cr4_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFF7FFF
  #_ REGISTER_IN ctr 9
  li r3, 1
  bltlr cr4
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFFF7FFF
  #_ REGISTER_OUT ctr 9

test_bgelr_cr4_bit1_not_taken:
  #_ REGISTER_IN cr 0x00008000
  #_ REGISTER_IN ctr 9
  li r3, 1
  bgelr cr4
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00008000
  #_ REGISTER_OUT ctr 9

test_bltlr_cr4_bit1_taken:
  #_ REGISTER_IN cr 0x00008000
  #_ REGISTER_IN ctr 9
  li r3, 1
  bltlr cr4
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x00008000
  #_ REGISTER_OUT ctr 9

test_bnslr_cr5_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFEFF
  #_ REGISTER_IN ctr 9
  li r3, 1
  bnslr cr5
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xFFFFFEFF
  #_ REGISTER_OUT ctr 9

test_bsolr_cr5_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFEFF
  #_ REGISTER_IN ctr 9
  li r3, 1
  bsolr cr5
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFFFFEFF
  #_ REGISTER_OUT ctr 9

test_bnslr_cr5_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000100
  #_ REGISTER_IN ctr 9
  li r3, 1
  bnslr cr5
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00000100
  #_ REGISTER_OUT ctr 9

test_bsolr_cr5_bit1_taken:
  #_ REGISTER_IN cr 0x00000100
  #_ REGISTER_IN ctr 9
  li r3, 1
  bsolr cr5
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x00000100
  #_ REGISTER_OUT ctr 9

test_bnelr_cr6_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFFDF
  #_ REGISTER_IN ctr 9
  li r3, 1
  bnelr cr6
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xFFFFFFDF
  #_ REGISTER_OUT ctr 9

test_beqlr_cr6_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFDF
  #_ REGISTER_IN ctr 9
  li r3, 1
  beqlr cr6
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFFFFFDF
  #_ REGISTER_OUT ctr 9

test_bnelr_cr6_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000020
  #_ REGISTER_IN ctr 9
  li r3, 1
  bnelr cr6
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00000020
  #_ REGISTER_OUT ctr 9

test_beqlr_cr6_bit1_taken:
  #_ REGISTER_IN cr 0x00000020
  #_ REGISTER_IN ctr 9
  li r3, 1
  beqlr cr6
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x00000020
  #_ REGISTER_OUT ctr 9

test_blelr_cr7_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFFFB
  #_ REGISTER_IN ctr 9
  li r3, 1
  blelr cr7
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xFFFFFFFB
  #_ REGISTER_OUT ctr 9

test_bgtlr_cr7_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFFB
  #_ REGISTER_IN ctr 9
  li r3, 1
  bgtlr cr7
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFFFFFFB
  #_ REGISTER_OUT ctr 9

test_blelr_cr7_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000004
  #_ REGISTER_IN ctr 9
  li r3, 1
  blelr cr7
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00000004
  #_ REGISTER_OUT ctr 9

test_bgtlr_cr7_bit1_taken:
  #_ REGISTER_IN cr 0x00000004
  #_ REGISTER_IN ctr 9
  li r3, 1
  bgtlr cr7
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x00000004
  #_ REGISTER_OUT ctr 9

test_beqlr_default_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  beqlr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 0

test_beqlr_default_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  beqlr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 0

test_bnelr_default_cr0_bit0_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bnelr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 0

test_bnelr_default_cr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bnelr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 0

test_bltlr_default_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bltlr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

test_bltlr_default_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bltlr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 0

test_bgelr_default_cr0_bit0_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bgelr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

test_bgelr_default_cr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 0
  li r3, 1
  bgelr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 0

test_bdnzlr_ctr1_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnzlr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

test_bdnzlr_ctr2_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnzlr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 1

test_bdnzlr_ctr0_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bdnzlr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

test_bdnzlr_ctr2p32plus1_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bdnzlr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bdzlr_ctr1_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdzlr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

test_bdzlr_ctr2_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdzlr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 1

test_bdzlr_ctr0_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  li r3, 1
  bdzlr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF

test_bdzlr_ctr2p32plus1_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0x0000000100000001
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 1
  bdzlr
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0x0000000100000000

test_bclr_bo4_bi13_bit0_taken:
  #_ REGISTER_IN cr 0xFFFBFFFF
  #_ REGISTER_IN ctr 3
  li r3, 1
  bclr 4, 13
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xFFFBFFFF
  #_ REGISTER_OUT ctr 3

test_bclr_bo4_bi13_bit1_not_taken:
  #_ REGISTER_IN cr 0x00040000
  #_ REGISTER_IN ctr 3
  li r3, 1
  bclr 4, 13
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x00040000
  #_ REGISTER_OUT ctr 3

test_bclr_bo12_bi13_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFBFFFF
  #_ REGISTER_IN ctr 3
  li r3, 1
  bclr 12, 13
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xFFFBFFFF
  #_ REGISTER_OUT ctr 3

test_bclr_bo12_bi13_bit1_taken:
  #_ REGISTER_IN cr 0x00040000
  #_ REGISTER_IN ctr 3
  li r3, 1
  bclr 12, 13
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x00040000
  #_ REGISTER_OUT ctr 3

test_bclr_bo20_bi13_bit0_taken:
  #_ REGISTER_IN cr 0xFFFBFFFF
  #_ REGISTER_IN ctr 3
  li r3, 1
  bclr 20, 13
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xFFFBFFFF
  #_ REGISTER_OUT ctr 3

test_bclr_bo20_bi13_bit1_taken:
  #_ REGISTER_IN cr 0x00040000
  #_ REGISTER_IN ctr 3
  li r3, 1
  bclr 20, 13
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x00040000
  #_ REGISTER_OUT ctr 3

test_bclr_bo20_bi0_bit0_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 3
  li r3, 1
  bclr 20, 0
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 3

test_bclr_bo20_bi0_bit1_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 3
  li r3, 1
  bclr 20, 0
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 3

test_beqlr_hint_likely_bit0_ctr1_not_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  beqlr+
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 1

test_beqlr_hint_likely_bit1_ctr2_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  beqlr+
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 2

test_beqlr_hint_unlikely_bit0_ctr1_not_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  beqlr-
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 1

test_beqlr_hint_unlikely_bit1_ctr2_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  beqlr-
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 2

test_bnelr_hint_likely_bit0_ctr1_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bnelr+
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT ctr 1

test_bnelr_hint_likely_bit1_ctr2_not_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bnelr+
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT ctr 2

test_bdnzlr_hint_likely_bit0_ctr1_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdnzlr+
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

test_bdnzlr_hint_likely_bit1_ctr2_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdnzlr+
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 1

test_bdzlr_hint_unlikely_bit0_ctr1_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  li r3, 1
  bdzlr-
  li r3, 2
  blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT ctr 0

test_bdzlr_hint_unlikely_bit1_ctr2_not_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 2
  li r3, 1
  bdzlr-
  li r3, 2
  blr
  #_ REGISTER_OUT r3 2
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT ctr 1

# LR is unchanged.
test_blr_to_local_label:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  blr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0x0000000000000000
  #_ REGISTER_OUT ctr 0

# LR = label 1 + 3: the target is LR[0:61] || 0b00.
test_blr_ignores_low_two_bits_of_lr:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b+3
  mtlr r5
  li r3, 1
  blr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0x0000000000000000
  #_ REGISTER_OUT ctr 0

# LR is unchanged.
test_blr_ignores_bit_30_of_lr:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b+2
  mtlr r5
  li r3, 1
  blr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0x0000000000000000
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_blrl_branches_to_old_lr_and_links:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  blrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# LR = label 1 + 1 before; after, LR = label 2 = label 1 - 4, so r6 = -4 - 1.
test_blrl_ignores_low_two_bits_of_lr:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 0
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b+1
  mtlr r5
  li r3, 1
  blrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFB
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_beqlrl_not_taken_bit0:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 5
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  beqlrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 5

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_beqlrl_taken_bit1:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 5
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  beqlrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 5

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bnelrl_taken_bit0:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 5
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bnelrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 5

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bnelrl_not_taken_bit1:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 5
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bnelrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 5

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bgtlrl_not_taken_bit0:
  #_ REGISTER_IN cr 0xFFBFFFFF
  #_ REGISTER_IN ctr 5
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bgtlrl cr2
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 5

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bgtlrl_taken_bit1:
  #_ REGISTER_IN cr 0x00400000
  #_ REGISTER_IN ctr 5
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bgtlrl cr2
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 5

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_blelrl_taken_bit0:
  #_ REGISTER_IN cr 0xFFBFFFFF
  #_ REGISTER_IN ctr 5
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  blelrl cr2
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 5

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_blelrl_not_taken_bit1:
  #_ REGISTER_IN cr 0x00400000
  #_ REGISTER_IN ctr 5
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  blelrl cr2
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 5

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bsolrl_not_taken_bit0:
  #_ REGISTER_IN cr 0xFFFFFFFE
  #_ REGISTER_IN ctr 5
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bsolrl cr7
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 5

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bsolrl_taken_bit1:
  #_ REGISTER_IN cr 0x00000001
  #_ REGISTER_IN ctr 5
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bsolrl cr7
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 5

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bnslrl_taken_bit0:
  #_ REGISTER_IN cr 0xFFFFFFFE
  #_ REGISTER_IN ctr 5
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bnslrl cr7
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 5

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bnslrl_not_taken_bit1:
  #_ REGISTER_IN cr 0x00000001
  #_ REGISTER_IN ctr 5
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bnslrl cr7
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 5

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdnzlrl_ctr1_bit0_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdnzlrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdnzlrl_ctr2_bit0_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdnzlrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 1

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdzlrl_ctr1_bit0_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdzlrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdzlrl_ctr2_bit0_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdzlrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 1

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdnzflrl_ctr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFF7FF
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdnzflrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdnzflrl_ctr2_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFF7FF
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdnzflrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 1

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdnzflrl_ctr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000800
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdnzflrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdnzflrl_ctr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000800
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdnzflrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 1

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdzflrl_ctr1_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFF7FF
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdzflrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdzflrl_ctr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFF7FF
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdzflrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 1

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdzflrl_ctr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000800
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdzflrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdzflrl_ctr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000800
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdzflrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 1

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdnztlrl_ctr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFF7FF
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdnztlrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdnztlrl_ctr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFF7FF
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdnztlrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 1

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdnztlrl_ctr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000800
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdnztlrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdnztlrl_ctr2_bit1_taken:
  #_ REGISTER_IN cr 0x00000800
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdnztlrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 1

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdztlrl_ctr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFF7FF
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdztlrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdztlrl_ctr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFF7FF
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdztlrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 1

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdztlrl_ctr1_bit1_taken:
  #_ REGISTER_IN cr 0x00000800
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdztlrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bdztlrl_ctr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000800
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdztlrl 4*cr5+lt
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 1

# LR is unchanged.
test_beqlr_local_ctr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  beqlr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0x0000000000000000
  #_ REGISTER_OUT ctr 1

# LR is unchanged.
test_beqlr_local_ctr2_bit1_taken:
  #_ REGISTER_IN cr 0x20000000
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  beqlr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0x0000000000000000
  #_ REGISTER_OUT ctr 2

# LR is unchanged.
test_bdnzlr_local_ctr1_bit0_not_taken:
  #_ REGISTER_IN cr 0x7FFFFFFF
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdnzlr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0x0000000000000000
  #_ REGISTER_OUT ctr 0

# LR is unchanged.
test_bdnzlr_local_ctr2_bit1_taken:
  #_ REGISTER_IN cr 0x80000000
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdnzlr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0x0000000000000000
  #_ REGISTER_OUT ctr 1

# LR is unchanged.
test_bdzflr_local_ctr1_bit0_taken:
  #_ REGISTER_IN cr 0xFEFFFFFF
  #_ REGISTER_IN ctr 1
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdzflr 4*cr1+so
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0x0000000000000000
  #_ REGISTER_OUT ctr 0

# LR is unchanged.
test_bdzflr_local_ctr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x01000000
  #_ REGISTER_IN ctr 2
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bdzflr 4*cr1+so
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0x0000000000000000
  #_ REGISTER_OUT ctr 1

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bclrl_raw_bo12_taken:
  #_ REGISTER_IN cr 0x00000002
  #_ REGISTER_IN ctr 0
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bclrl 12, 30
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# LR = label 2 afterwards (label 1 - 4), taken or not.
test_bclrl_raw_bo4_not_taken:
  #_ REGISTER_IN cr 0x00000002
  #_ REGISTER_IN ctr 0
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtlr r5
  li r3, 1
  bclrl 4, 30
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT ctr 0

# bltlr jumps back to label 1 until r3 = 3.
test_blr_backward_loop_through_lr:
  mflr r0
  li r3, 0
  bl 1f
1: mflr r5
  addi r3, r3, 1
  cmpwi r3, 3
  mtlr r5
  bltlr
  mtlr r0
  blr
  #_ REGISTER_OUT r3 3
  #_ REGISTER_OUT cr 0x20000000
