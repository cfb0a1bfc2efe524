# cmp, cmpi, cmpl, cmpli in their word (L=0) and doubleword (L=1) forms: cmpw, cmpwi, cmplw,
# cmplwi, cmpd, cmpdi, cmpld, cmpldi. The target field gets LT, GT, EQ and a copy of XER[SO].
#
# Expected values are derived from the PowerPC ISA, Book I (the instruction's pseudo-code and
# the XER/CR0 rules of its chapter), and verified under qemu-ppc64 with
# `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter.
# Every test sets msr 0x8000000000000000: 64-bit mode (MSR[SF]=1), the mode qemu-ppc64 runs in.
# So CA and OV describe the 64-bit result and CR0 compares the whole doubleword, even for word
# instructions; integer_mode32.s covers 32-bit mode. Results the ISA leaves undefined (the high
# word of mulhw/divw, divides by zero, CR0 of those) are never checked.

test_cmpwi_equal:
  # 5 = 5: CR0 = EQ (0x2).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000005
  cmpwi r4, 5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_cmpwi_less:
  # 4 < 5: LT (0x8).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000004
  cmpwi r4, 5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_cmpwi_greater:
  # 6 > 5: GT (0x4).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000006
  cmpwi r4, 5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpwi_minus_one:
  # The low word 0xFFFFFFFF is -1, and so is the sign-extended immediate: EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  cmpwi r4, -1
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_cmpwi_ignores_high_word:
  # Only the low word counts: EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x1234567800000005
  cmpwi r4, 5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_cmpwi_low_word_sign:
  # The low word 0x80000000 is negative: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  cmpwi r4, 0
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_cmpwi_most_negative:
  # -2^31 < -32768: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  cmpwi r4, -32768
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_cmpwi_immediate_sign_extends:
  # Low word 0xFFFF8000 = -32768 = EXTS(0x8000): EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFF8000
  cmpwi r4, -32768
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_cmpwi_cr7:
  # 1 > 0 in field 7: CR = 0x00000004.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  cmpwi cr7, r4, 0
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000004

test_cmpwi_copies_so:
  # EQ | SO = 0x3 in field 2.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN xer 0x80000000
  cmpwi cr2, r4, 0
  blr
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x00300000

test_cmpwi_keeps_other_fields:
  # Only field 3 changes (to LT).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN cr 0x12345678
  cmpwi cr3, r4, 0
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x12385678

test_cmpwi_ignores_ov_ca:
  # Only SO is copied: OV and CA do not show up in the field.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN xer 0x60000000
  cmpwi r4, 0
  blr
  #_ REGISTER_OUT xer 0x60000000
  #_ REGISTER_OUT cr 0x20000000

test_cmpdi_high_word_counts:
  # 2^32 + 5 > 5: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000005
  cmpdi r4, 5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpdi_minus_one:
  # EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  cmpdi r4, -1
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_cmpdi_word_all_ones:
  # 0xFFFFFFFF is positive as a doubleword: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  cmpdi r4, -1
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpdi_low_word_sign:
  # Positive doubleword: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  cmpdi r4, 0
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpdi_most_negative:
  # LT in field 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  cmpdi cr1, r4, 0
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x08000000

test_cmpdi_max:
  # GT in field 6.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x7FFFFFFFFFFFFFFF
  cmpdi cr6, r4, 32767
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000040

test_cmpdi_negative_immediate:
  # -32769 < -32768: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFF7FFF
  cmpdi r4, -32768
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_cmpw_equal_low_words:
  # The low words are equal (7): EQ, whatever the high words.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000007
  #_ REGISTER_IN r5 0xFFFFFFFF00000007
  cmpw r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_cmpw_signed:
  # -2^31 < 2^31-1: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x000000007FFFFFFF
  cmpw r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_cmpw_minus_one_zero:
  # -1 < 0: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000000
  cmpw r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_cmpw_zero_minus_one:
  # 0 > -1: GT in field 5.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  cmpw cr5, r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000400

test_cmpw_greater:
  # GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  #_ REGISTER_IN r5 0xFFFFFFFF80000000
  cmpw r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpd_equal:
  # EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r5 0x0123456789ABCDEF
  cmpd r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_cmpd_signed:
  # Both positive: 2^31 > 2^31-1: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x000000007FFFFFFF
  cmpd r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpd_high_words_differ:
  # Same low words, but 2^32+7 > -(2^32)+7: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000007
  #_ REGISTER_IN r5 0xFFFFFFFF00000007
  cmpd r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpd_min_max:
  # LT in field 4.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0x7FFFFFFFFFFFFFFF
  cmpd cr4, r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00008000

test_cmpd_minus_one_zero:
  # LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000000
  cmpd r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_cmplwi_equal:
  # The immediate is zero-extended: 0x8000 = 0x8000, EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000008000
  cmplwi r4, 0x8000
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_cmplwi_unsigned:
  # 0xFFFFFFFF > 0xFFFF unsigned: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  cmplwi r4, 0xFFFF
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmplwi_less:
  # LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  cmplwi r4, 1
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_cmplwi_ignores_high_word:
  # EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFF00000001
  cmplwi r4, 1
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_cmplwi_cr7_so:
  # GT | SO in field 7.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN xer 0x80000000
  cmplwi cr7, r4, 0
  blr
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x00000005

test_cmpldi_high_word_counts:
  # GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFF00000001
  cmpldi r4, 1
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpldi_all_ones:
  # 2^64-1 > 0xFFFF: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  cmpldi r4, 0xFFFF
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpldi_equal:
  # EQ in field 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000008000
  cmpldi cr1, r4, 0x8000
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x02000000

test_cmpldi_less:
  # LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000000000FFFE
  cmpldi r4, 0xFFFF
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_cmplw_unsigned:
  # 2^31 > 2^31-1 unsigned: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x000000007FFFFFFF
  cmplw r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmplw_all_ones:
  # GT (cmpw would say LT).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000000
  cmplw r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmplw_equal_low_words:
  # EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x1234567800000009
  #_ REGISTER_IN r5 0x0000000000000009
  cmplw r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_cmplw_less:
  # LT in field 3.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  cmplw cr3, r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00080000

test_cmpld_unsigned:
  # GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000000
  cmpld r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpld_min_max:
  # 2^63 > 2^63-1 unsigned: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0x7FFFFFFFFFFFFFFF
  cmpld r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpld_high_words:
  # GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000000
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  cmpld r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpld_equal:
  # EQ in field 6.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  cmpld cr6, r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000020

test_cmpld_less:
  # LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000100000000
  cmpld r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_cmp_explicit_l0:
  # cmp with L=0 is cmpw: the low words are both 0, EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000000
  #_ REGISTER_IN r5 0x0000000200000000
  cmp cr1, 0, r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x02000000

test_cmp_explicit_l1:
  # cmp with L=1 is cmpd: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000000
  #_ REGISTER_IN r5 0x0000000200000000
  cmp cr1, 1, r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x08000000

test_cmpi_explicit_l1:
  # cmpdi: 0xFFFFFFFF > -1: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  cmpi cr2, 1, r4, -1
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00400000

test_cmpl_explicit_l0:
  # cmplw: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x0000000000000001
  cmpl cr0, 0, r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_cmpli_explicit_l1:
  # cmpldi: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000000
  cmpli cr7, 1, r4, 3
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000004

test_cmp_all_fields:
  # Eight compares fill all eight fields: GT, EQ, LT (1 vs 2), LT (1 <u 2^32-1), GT (1 > -1), LT
  # (-1 < 1), GT, GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  cmpwi cr0, r4, 0
  cmpwi cr1, r4, 1
  cmpwi cr2, r4, 2
  cmplw cr3, r4, r5
  cmpw cr4, r4, r5
  cmpd cr5, r5, r4
  cmpld cr6, r5, r4
  cmpldi cr7, r5, 0
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x42884844

test_cmpw_leaves_xer:
  # XER unchanged.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x0000000000000002
  #_ REGISTER_IN xer 0xE0000000
  cmpw r4, r5
  blr
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x90000000
