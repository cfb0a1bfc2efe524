# CR logical instructions: crand, cror, crxor, crnand, crnor, creqv, crandc, crorc, and
# the extended mnemonics crset, crclr, crnot, crmove.
#
# Expected values are derived from the PowerPC ISA, Book I, and verified under qemu-ppc64
# with `oxenon ppc-test --backend qemu`.
# ISA reference: Book I 2.5.1, Condition Register Logical
# Instructions.
#
# CR bits are numbered 0 (CR0[LT], the most significant) to 31. Each test starts from a
# background CR pattern with the target bit holding the complement of the result, so
# both the change and the untouched bits are checked.

test_crand_a0_b0:
  #_ REGISTER_IN cr 0x5A3E96E1
  crand 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5A3C96E1

test_crand_a0_b1:
  #_ REGISTER_IN cr 0xA1C3691E
  crand 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA1C1691E

test_crand_a1_b0:
  #_ REGISTER_IN cr 0xA5C3690E
  crand 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA5C1690E

test_crand_a1_b1:
  #_ REGISTER_IN cr 0x5E3C96F1
  crand 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5E3E96F1

test_crand_bits_0_31_to_1:
  #_ REGISTER_IN cr 0xCF0F00FE
  crand 4*cr0+gt, 4*cr0+lt, 4*cr7+so
  blr
  #_ REGISTER_OUT cr 0x8F0F00FE

test_crand_to_bit_31:
  #_ REGISTER_IN cr 0x00008800
  crand 4*cr7+so, 4*cr4+lt, 4*cr5+lt
  blr
  #_ REGISTER_OUT cr 0x00008801

# BT = BA: the source is read before the result is written.
test_crand_target_is_source_a:
  #_ REGISTER_IN cr 0x12081048
  crand 4*cr2+gt, 4*cr2+gt, 4*cr5+eq
  blr
  #_ REGISTER_OUT cr 0x12081048

test_crand_same_bit_all_three:
  #_ REGISTER_IN cr 0x00000020
  crand 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0x00000020

test_crand_same_bit_all_three_clear:
  #_ REGISTER_IN cr 0xFFFFFFDF
  crand 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0xFFFFFFDF

test_cror_a0_b0:
  #_ REGISTER_IN cr 0x5A3E96E1
  cror 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5A3C96E1

test_cror_a0_b1:
  #_ REGISTER_IN cr 0xA1C1691E
  cror 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA1C3691E

test_cror_a1_b0:
  #_ REGISTER_IN cr 0xA5C1690E
  cror 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA5C3690E

test_cror_a1_b1:
  #_ REGISTER_IN cr 0x5E3C96F1
  cror 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5E3E96F1

test_cror_bits_0_31_to_1:
  #_ REGISTER_IN cr 0x8F0F00FE
  cror 4*cr0+gt, 4*cr0+lt, 4*cr7+so
  blr
  #_ REGISTER_OUT cr 0xCF0F00FE

test_cror_to_bit_31:
  #_ REGISTER_IN cr 0x00008800
  cror 4*cr7+so, 4*cr4+lt, 4*cr5+lt
  blr
  #_ REGISTER_OUT cr 0x00008801

# BT = BA: the source is read before the result is written.
test_cror_target_is_source_a:
  #_ REGISTER_IN cr 0x12081048
  cror 4*cr2+gt, 4*cr2+gt, 4*cr5+eq
  blr
  #_ REGISTER_OUT cr 0x12081048

test_cror_same_bit_all_three:
  #_ REGISTER_IN cr 0x00000020
  cror 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0x00000020

test_cror_same_bit_all_three_clear:
  #_ REGISTER_IN cr 0xFFFFFFDF
  cror 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0xFFFFFFDF

test_crxor_a0_b0:
  #_ REGISTER_IN cr 0x5A3E96E1
  crxor 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5A3C96E1

test_crxor_a0_b1:
  #_ REGISTER_IN cr 0xA1C1691E
  crxor 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA1C3691E

test_crxor_a1_b0:
  #_ REGISTER_IN cr 0xA5C1690E
  crxor 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA5C3690E

test_crxor_a1_b1:
  #_ REGISTER_IN cr 0x5E3E96F1
  crxor 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5E3C96F1

test_crxor_bits_0_31_to_1:
  #_ REGISTER_IN cr 0x8F0F00FE
  crxor 4*cr0+gt, 4*cr0+lt, 4*cr7+so
  blr
  #_ REGISTER_OUT cr 0xCF0F00FE

test_crxor_to_bit_31:
  #_ REGISTER_IN cr 0x00008801
  crxor 4*cr7+so, 4*cr4+lt, 4*cr5+lt
  blr
  #_ REGISTER_OUT cr 0x00008800

# BT = BA: the source is read before the result is written.
test_crxor_target_is_source_a:
  #_ REGISTER_IN cr 0x12081048
  crxor 4*cr2+gt, 4*cr2+gt, 4*cr5+eq
  blr
  #_ REGISTER_OUT cr 0x12081048

test_crxor_same_bit_all_three:
  #_ REGISTER_IN cr 0x00000020
  crxor 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0x00000000

test_crxor_same_bit_all_three_clear:
  #_ REGISTER_IN cr 0xFFFFFFDF
  crxor 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0xFFFFFFDF

test_crnand_a0_b0:
  #_ REGISTER_IN cr 0x5A3C96E1
  crnand 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5A3E96E1

test_crnand_a0_b1:
  #_ REGISTER_IN cr 0xA1C1691E
  crnand 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA1C3691E

test_crnand_a1_b0:
  #_ REGISTER_IN cr 0xA5C1690E
  crnand 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA5C3690E

test_crnand_a1_b1:
  #_ REGISTER_IN cr 0x5E3E96F1
  crnand 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5E3C96F1

test_crnand_bits_0_31_to_1:
  #_ REGISTER_IN cr 0x8F0F00FE
  crnand 4*cr0+gt, 4*cr0+lt, 4*cr7+so
  blr
  #_ REGISTER_OUT cr 0xCF0F00FE

test_crnand_to_bit_31:
  #_ REGISTER_IN cr 0x00008801
  crnand 4*cr7+so, 4*cr4+lt, 4*cr5+lt
  blr
  #_ REGISTER_OUT cr 0x00008800

# BT = BA: the source is read before the result is written.
test_crnand_target_is_source_a:
  #_ REGISTER_IN cr 0x12081048
  crnand 4*cr2+gt, 4*cr2+gt, 4*cr5+eq
  blr
  #_ REGISTER_OUT cr 0x12481048

test_crnand_same_bit_all_three:
  #_ REGISTER_IN cr 0x00000020
  crnand 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0x00000000

test_crnand_same_bit_all_three_clear:
  #_ REGISTER_IN cr 0xFFFFFFDF
  crnand 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0xFFFFFFFF

test_crnor_a0_b0:
  #_ REGISTER_IN cr 0x5A3C96E1
  crnor 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5A3E96E1

test_crnor_a0_b1:
  #_ REGISTER_IN cr 0xA1C3691E
  crnor 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA1C1691E

test_crnor_a1_b0:
  #_ REGISTER_IN cr 0xA5C3690E
  crnor 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA5C1690E

test_crnor_a1_b1:
  #_ REGISTER_IN cr 0x5E3E96F1
  crnor 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5E3C96F1

test_crnor_bits_0_31_to_1:
  #_ REGISTER_IN cr 0xCF0F00FE
  crnor 4*cr0+gt, 4*cr0+lt, 4*cr7+so
  blr
  #_ REGISTER_OUT cr 0x8F0F00FE

test_crnor_to_bit_31:
  #_ REGISTER_IN cr 0x00008801
  crnor 4*cr7+so, 4*cr4+lt, 4*cr5+lt
  blr
  #_ REGISTER_OUT cr 0x00008800

# BT = BA: the source is read before the result is written.
test_crnor_target_is_source_a:
  #_ REGISTER_IN cr 0x12081048
  crnor 4*cr2+gt, 4*cr2+gt, 4*cr5+eq
  blr
  #_ REGISTER_OUT cr 0x12481048

test_crnor_same_bit_all_three:
  #_ REGISTER_IN cr 0x00000020
  crnor 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0x00000000

test_crnor_same_bit_all_three_clear:
  #_ REGISTER_IN cr 0xFFFFFFDF
  crnor 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0xFFFFFFFF

test_creqv_a0_b0:
  #_ REGISTER_IN cr 0x5A3C96E1
  creqv 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5A3E96E1

test_creqv_a0_b1:
  #_ REGISTER_IN cr 0xA1C3691E
  creqv 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA1C1691E

test_creqv_a1_b0:
  #_ REGISTER_IN cr 0xA5C3690E
  creqv 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA5C1690E

test_creqv_a1_b1:
  #_ REGISTER_IN cr 0x5E3C96F1
  creqv 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5E3E96F1

test_creqv_bits_0_31_to_1:
  #_ REGISTER_IN cr 0xCF0F00FE
  creqv 4*cr0+gt, 4*cr0+lt, 4*cr7+so
  blr
  #_ REGISTER_OUT cr 0x8F0F00FE

test_creqv_to_bit_31:
  #_ REGISTER_IN cr 0x00008800
  creqv 4*cr7+so, 4*cr4+lt, 4*cr5+lt
  blr
  #_ REGISTER_OUT cr 0x00008801

# BT = BA: the source is read before the result is written.
test_creqv_target_is_source_a:
  #_ REGISTER_IN cr 0x12081048
  creqv 4*cr2+gt, 4*cr2+gt, 4*cr5+eq
  blr
  #_ REGISTER_OUT cr 0x12481048

test_creqv_same_bit_all_three:
  #_ REGISTER_IN cr 0x00000020
  creqv 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0x00000020

test_creqv_same_bit_all_three_clear:
  #_ REGISTER_IN cr 0xFFFFFFDF
  creqv 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0xFFFFFFFF

test_crandc_a0_b0:
  #_ REGISTER_IN cr 0x5A3E96E1
  crandc 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5A3C96E1

test_crandc_a0_b1:
  #_ REGISTER_IN cr 0xA1C3691E
  crandc 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA1C1691E

test_crandc_a1_b0:
  #_ REGISTER_IN cr 0xA5C1690E
  crandc 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA5C3690E

test_crandc_a1_b1:
  #_ REGISTER_IN cr 0x5E3E96F1
  crandc 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5E3C96F1

test_crandc_bits_0_31_to_1:
  #_ REGISTER_IN cr 0x8F0F00FE
  crandc 4*cr0+gt, 4*cr0+lt, 4*cr7+so
  blr
  #_ REGISTER_OUT cr 0xCF0F00FE

test_crandc_to_bit_31:
  #_ REGISTER_IN cr 0x00008801
  crandc 4*cr7+so, 4*cr4+lt, 4*cr5+lt
  blr
  #_ REGISTER_OUT cr 0x00008800

# BT = BA: the source is read before the result is written.
test_crandc_target_is_source_a:
  #_ REGISTER_IN cr 0x12081048
  crandc 4*cr2+gt, 4*cr2+gt, 4*cr5+eq
  blr
  #_ REGISTER_OUT cr 0x12081048

test_crandc_same_bit_all_three:
  #_ REGISTER_IN cr 0x00000020
  crandc 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0x00000000

test_crandc_same_bit_all_three_clear:
  #_ REGISTER_IN cr 0xFFFFFFDF
  crandc 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0xFFFFFFDF

test_crorc_a0_b0:
  #_ REGISTER_IN cr 0x5A3C96E1
  crorc 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5A3E96E1

test_crorc_a0_b1:
  #_ REGISTER_IN cr 0xA1C3691E
  crorc 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA1C1691E

test_crorc_a1_b0:
  #_ REGISTER_IN cr 0xA5C1690E
  crorc 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0xA5C3690E

test_crorc_a1_b1:
  #_ REGISTER_IN cr 0x5E3C96F1
  crorc 4*cr3+eq, 4*cr1+gt, 4*cr6+so
  blr
  #_ REGISTER_OUT cr 0x5E3E96F1

test_crorc_bits_0_31_to_1:
  #_ REGISTER_IN cr 0x8F0F00FE
  crorc 4*cr0+gt, 4*cr0+lt, 4*cr7+so
  blr
  #_ REGISTER_OUT cr 0xCF0F00FE

test_crorc_to_bit_31:
  #_ REGISTER_IN cr 0x00008800
  crorc 4*cr7+so, 4*cr4+lt, 4*cr5+lt
  blr
  #_ REGISTER_OUT cr 0x00008801

# BT = BA: the source is read before the result is written.
test_crorc_target_is_source_a:
  #_ REGISTER_IN cr 0x12081048
  crorc 4*cr2+gt, 4*cr2+gt, 4*cr5+eq
  blr
  #_ REGISTER_OUT cr 0x12481048

test_crorc_same_bit_all_three:
  #_ REGISTER_IN cr 0x00000020
  crorc 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0x00000020

test_crorc_same_bit_all_three_clear:
  #_ REGISTER_IN cr 0xFFFFFFDF
  crorc 4*cr6+eq, 4*cr6+eq, 4*cr6+eq
  blr
  #_ REGISTER_OUT cr 0xFFFFFFFF

# crset bx = creqv bx,bx,bx.
test_crset_bit0:
  #_ REGISTER_IN cr 0x00000000
  crset 0
  blr
  #_ REGISTER_OUT cr 0x80000000

# crset bx = creqv bx,bx,bx.
test_crset_bit17:
  #_ REGISTER_IN cr 0x12345678
  crset 17
  blr
  #_ REGISTER_OUT cr 0x12345678

# crset bx = creqv bx,bx,bx.
test_crset_bit31:
  #_ REGISTER_IN cr 0xFFFFFFFE
  crset 31
  blr
  #_ REGISTER_OUT cr 0xFFFFFFFF

# crclr bx = crxor bx,bx,bx.
test_crclr_bit0:
  #_ REGISTER_IN cr 0xFFFFFFFF
  crclr 0
  blr
  #_ REGISTER_OUT cr 0x7FFFFFFF

# crclr bx = crxor bx,bx,bx.
test_crclr_bit12:
  #_ REGISTER_IN cr 0x123C5678
  crclr 12
  blr
  #_ REGISTER_OUT cr 0x12345678

# crclr bx = crxor bx,bx,bx.
test_crclr_bit31:
  #_ REGISTER_IN cr 0x00000001
  crclr 31
  blr
  #_ REGISTER_OUT cr 0x00000000

# crnot bx,by = crnor bx,by,by.
test_crnot_bit0_from_bit1:
  #_ REGISTER_IN cr 0x40000000
  crnot 0, 1
  blr
  #_ REGISTER_OUT cr 0x40000000

# crnot bx,by = crnor bx,by,by.
test_crnot_bit7_from_bit29:
  #_ REGISTER_IN cr 0x00000004
  crnot 7, 29
  blr
  #_ REGISTER_OUT cr 0x00000004

# crnot bx,by = crnor bx,by,by.
test_crnot_bit3_from_bit3:
  #_ REGISTER_IN cr 0x10000000
  crnot 3, 3
  blr
  #_ REGISTER_OUT cr 0x00000000

# crnot bx,by = crnor bx,by,by.
test_crnot_bit20_from_bit21:
  #_ REGISTER_IN cr 0xFFFFFBFF
  crnot 20, 21
  blr
  #_ REGISTER_OUT cr 0xFFFFFBFF

# crmove bx,by = cror bx,by,by.
test_crmove_bit0_from_bit31:
  #_ REGISTER_IN cr 0x00000001
  crmove 0, 31
  blr
  #_ REGISTER_OUT cr 0x80000001

# crmove bx,by = cror bx,by,by.
test_crmove_bit30_from_bit1:
  #_ REGISTER_IN cr 0x40000002
  crmove 30, 1
  blr
  #_ REGISTER_OUT cr 0x40000002

# crmove bx,by = cror bx,by,by.
test_crmove_bit10_from_bit11:
  #_ REGISTER_IN cr 0x00100000
  crmove 10, 11
  blr
  #_ REGISTER_OUT cr 0x00300000

# crmove bx,by = cror bx,by,by.
test_crmove_bit5_from_bit5:
  #_ REGISTER_IN cr 0x04000000
  crmove 5, 5
  blr
  #_ REGISTER_OUT cr 0x04000000

# crmove bx,by = cror bx,by,by.
test_crmove_bit16_from_bit8:
  #_ REGISTER_IN cr 0xFF7FFFFF
  crmove 16, 8
  blr
  #_ REGISTER_OUT cr 0xFF7F7FFF

# cr1 = GT (0100), cr2 = LT (1000); cr3[EQ] = 1, cr4[LT] = 0, cr5[SO] = 0.
test_crand_sequence_combines_compares:
  li r4, 5
  cmpwi cr1, r4, 3
  cmpwi cr2, r4, 9
  crand 4*cr3+eq, 4*cr1+gt, 4*cr2+lt
  crnand 4*cr4+lt, 4*cr1+gt, 4*cr2+lt
  cror 4*cr5+so, 4*cr1+eq, 4*cr2+eq
  blr
  #_ REGISTER_OUT cr 0x04820000
