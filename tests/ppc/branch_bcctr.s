# bcctr: conditional branches to CTR, with and without link.
#
# Expected values are derived from the PowerPC ISA, Book I, and verified under qemu-ppc64
# with `oxenon ppc-test --backend qemu`.
# ISA reference: Book I 2.4, Branch Instructions.
#
# CTR holds the address of label 1 (from bl/mflr) where r3 gets 10 added: 11 means taken,
# 12 not taken. bcctr never decrements CTR; the forms with BO[2] = 0 are invalid and are
# not tested. In the names, bitN is the value of CR bit BI (every other CR bit holds the
# opposite).

# LR and CTR unchanged.
test_bctr_to_local_label:
  #_ REGISTER_IN cr 0x7FFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bctr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# CTR = label 1 + 3: the target is CTR[0:61] || 0b00; CTR itself keeps its bits.
test_bctr_ignores_low_two_bits_of_ctr:
  #_ REGISTER_IN cr 0x7FFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b+3
  mtctr r5
  li r3, 1
  bctr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bctrl_links:
  #_ REGISTER_IN cr 0x7FFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bctrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# CTR = label 1 + 2; LR = label 2, so r4 - r5 = -4 - 2.
test_bctrl_ignores_low_two_bits_of_ctr:
  #_ REGISTER_IN cr 0x7FFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b+2
  mtctr r5
  li r3, 1
  bctrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x7FFFFFFF
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFA

# LR and CTR unchanged.
test_blectr_cr0_bit0_taken:
  #_ REGISTER_IN cr 0xBFFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  blectr cr0
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xBFFFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bgtctr_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0xBFFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bgtctr cr0
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xBFFFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_blectr_cr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x40000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  blectr cr0
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x40000000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bgtctr_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x40000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bgtctr cr0
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x40000000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bgectr_cr1_bit0_taken:
  #_ REGISTER_IN cr 0xF7FFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bgectr cr1
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xF7FFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bltctr_cr1_bit0_not_taken:
  #_ REGISTER_IN cr 0xF7FFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bltctr cr1
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xF7FFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bgectr_cr1_bit1_not_taken:
  #_ REGISTER_IN cr 0x08000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bgectr cr1
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x08000000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bltctr_cr1_bit1_taken:
  #_ REGISTER_IN cr 0x08000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bltctr cr1
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x08000000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnsctr_cr2_bit0_taken:
  #_ REGISTER_IN cr 0xFFEFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnsctr cr2
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFEFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bsoctr_cr2_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFEFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bsoctr cr2
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFEFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnsctr_cr2_bit1_not_taken:
  #_ REGISTER_IN cr 0x00100000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnsctr cr2
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00100000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bsoctr_cr2_bit1_taken:
  #_ REGISTER_IN cr 0x00100000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bsoctr cr2
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00100000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnectr_cr3_bit0_taken:
  #_ REGISTER_IN cr 0xFFFDFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnectr cr3
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFDFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_beqctr_cr3_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFDFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  beqctr cr3
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFDFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnectr_cr3_bit1_not_taken:
  #_ REGISTER_IN cr 0x00020000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnectr cr3
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00020000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_beqctr_cr3_bit1_taken:
  #_ REGISTER_IN cr 0x00020000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  beqctr cr3
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00020000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_blectr_cr4_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFBFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  blectr cr4
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFBFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bgtctr_cr4_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFBFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bgtctr cr4
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFBFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_blectr_cr4_bit1_not_taken:
  #_ REGISTER_IN cr 0x00004000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  blectr cr4
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00004000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bgtctr_cr4_bit1_taken:
  #_ REGISTER_IN cr 0x00004000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bgtctr cr4
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00004000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bgectr_cr5_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFF7FF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bgectr cr5
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFF7FF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bltctr_cr5_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFF7FF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bltctr cr5
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFF7FF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bgectr_cr5_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000800
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bgectr cr5
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00000800
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bltctr_cr5_bit1_taken:
  #_ REGISTER_IN cr 0x00000800
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bltctr cr5
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00000800
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnsctr_cr6_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFFEF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnsctr cr6
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFFFEF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bsoctr_cr6_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFEF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bsoctr cr6
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFFFEF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnsctr_cr6_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000010
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnsctr cr6
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00000010
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bsoctr_cr6_bit1_taken:
  #_ REGISTER_IN cr 0x00000010
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bsoctr cr6
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00000010
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnectr_cr7_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFFFD
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnectr cr7
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFFFFD
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_beqctr_cr7_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFFFD
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  beqctr cr7
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFFFFD
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnectr_cr7_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000002
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnectr cr7
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00000002
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_beqctr_cr7_bit1_taken:
  #_ REGISTER_IN cr 0x00000002
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  beqctr cr7
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00000002
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_beqctr_default_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  beqctr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_beqctr_default_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x20000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  beqctr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnectr_default_cr0_bit0_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnectr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnectr_default_cr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x20000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnectr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bgtctr_default_cr0_bit0_not_taken:
  #_ REGISTER_IN cr 0xBFFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bgtctr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xBFFFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bgtctr_default_cr0_bit1_taken:
  #_ REGISTER_IN cr 0x40000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bgtctr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x40000000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_blectr_default_cr0_bit0_taken:
  #_ REGISTER_IN cr 0xBFFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  blectr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xBFFFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_blectr_default_cr0_bit1_not_taken:
  #_ REGISTER_IN cr 0x40000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  blectr
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x40000000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bltctrl_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFF7FFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bltctrl cr4
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFF7FFF
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bltctrl_bit1_taken:
  #_ REGISTER_IN cr 0x00008000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bltctrl cr4
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00008000
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bgectrl_bit0_taken:
  #_ REGISTER_IN cr 0xFFFF7FFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bgectrl cr4
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFF7FFF
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bgectrl_bit1_not_taken:
  #_ REGISTER_IN cr 0x00008000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bgectrl cr4
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00008000
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_beqctrl_bit0_not_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  beqctrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_beqctrl_bit1_taken:
  #_ REGISTER_IN cr 0x20000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  beqctrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bnectrl_bit0_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnectrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bnectrl_bit1_not_taken:
  #_ REGISTER_IN cr 0x20000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnectrl
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bsoctrl_bit0_not_taken:
  #_ REGISTER_IN cr 0xFEFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bsoctrl cr1
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFEFFFFFF
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bsoctrl_bit1_taken:
  #_ REGISTER_IN cr 0x01000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bsoctrl cr1
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x01000000
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bnsctrl_bit0_taken:
  #_ REGISTER_IN cr 0xFEFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnsctrl cr1
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFEFFFFFF
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bnsctrl_bit1_not_taken:
  #_ REGISTER_IN cr 0x01000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnsctrl cr1
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x01000000
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR and CTR unchanged.
test_bcctr_bo4_bi21_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFBFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bcctr 4, 21
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFFBFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bcctrl_bo4_bi21_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFBFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bcctrl 4, 21
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFFBFF
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR and CTR unchanged.
test_bcctr_bo4_bi21_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000400
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bcctr 4, 21
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00000400
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bcctrl_bo4_bi21_bit1_not_taken:
  #_ REGISTER_IN cr 0x00000400
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bcctrl 4, 21
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00000400
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR and CTR unchanged.
test_bcctr_bo12_bi21_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFBFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bcctr 12, 21
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFFBFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bcctrl_bo12_bi21_bit0_not_taken:
  #_ REGISTER_IN cr 0xFFFFFBFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bcctrl 12, 21
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFFBFF
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR and CTR unchanged.
test_bcctr_bo12_bi21_bit1_taken:
  #_ REGISTER_IN cr 0x00000400
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bcctr 12, 21
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00000400
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bcctrl_bo12_bi21_bit1_taken:
  #_ REGISTER_IN cr 0x00000400
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bcctrl 12, 21
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00000400
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR and CTR unchanged.
test_bcctr_bo20_bi21_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFBFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bcctr 20, 21
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFFBFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bcctrl_bo20_bi21_bit0_taken:
  #_ REGISTER_IN cr 0xFFFFFBFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bcctrl 20, 21
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xFFFFFBFF
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR and CTR unchanged.
test_bcctr_bo20_bi21_bit1_taken:
  #_ REGISTER_IN cr 0x00000400
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bcctr 20, 21
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00000400
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged.
test_bcctrl_bo20_bi21_bit1_taken:
  #_ REGISTER_IN cr 0x00000400
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bcctrl 20, 21
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x00000400
  #_ REGISTER_OUT r6 0xFFFFFFFFFFFFFFFC

# LR and CTR unchanged.
test_beqctr_hint_likely_bit0_not_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  beqctr+
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_beqctr_hint_likely_bit1_taken:
  #_ REGISTER_IN cr 0x20000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  beqctr+
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_beqctr_hint_unlikely_bit0_not_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  beqctr-
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_beqctr_hint_unlikely_bit1_taken:
  #_ REGISTER_IN cr 0x20000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  beqctr-
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnectr_hint_likely_bit0_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnectr+
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnectr_hint_likely_bit1_not_taken:
  #_ REGISTER_IN cr 0x20000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnectr+
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnectr_hint_unlikely_bit0_taken:
  #_ REGISTER_IN cr 0xDFFFFFFF
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnectr-
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 11
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0xDFFFFFFF
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# LR and CTR unchanged.
test_bnectr_hint_unlikely_bit1_not_taken:
  #_ REGISTER_IN cr 0x20000000
  mflr r0
  bl 0f
0: mflr r5
  mtlr r0
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bnectr-
2: li r3, 2
1: mflr r4
  mtlr r0
  subf r6, r5, r4
  mfctr r7
  subf r7, r5, r7
  addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 12
  #_ REGISTER_OUT r7 0
  #_ REGISTER_OUT cr 0x20000000
  #_ REGISTER_OUT r4 0x00000000BCBCBCBC

# bltctr jumps back to label 2 until r3 = 4.
test_bctr_backward_loop:
  mflr r0
  li r3, 0
  bl 1f
1: mflr r5
  mtlr r0
  addi r5, r5, 2f-1b
  mtctr r5
2: addi r3, r3, 1
  cmpwi r3, 4
  bltctr
  mfctr r6
  subf r6, r5, r6
  blr
  #_ REGISTER_OUT r3 4
  #_ REGISTER_OUT r6 0
  #_ REGISTER_OUT cr 0x20000000

# A call through CTR returns through the LR it set.
test_bctrl_then_blr_returns:
  mflr r0
  bl 0f
0: mflr r5
  addi r5, r5, 1f-0b
  mtctr r5
  li r3, 1
  bctrl
  addi r3, r3, 100
  mtlr r0
  blr
1: addi r3, r3, 10
  blr
  #_ REGISTER_OUT r3 111
