# andi., andis. (both always record CR0), ori, oris, xori, xoris, nop and xnop. The immediates
# are zero-extended, never sign-extended.
#
# Expected values are derived from the PowerPC ISA, Book I (the instruction's pseudo-code and
# the XER/CR0 rules of its chapter), and verified under qemu-ppc64 with
# `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter.
# Every test sets msr 0x8000000000000000: 64-bit mode (MSR[SF]=1), the mode qemu-ppc64 runs in.
# So CA and OV describe the 64-bit result and CR0 compares the whole doubleword, even for word
# instructions; integer_mode32.s covers 32-bit mode. Results the ISA leaves undefined (the high
# word of mulhw/divw, divides by zero, CR0 of those) are never checked.

test_andi_masks:
  # The immediate is zero-extended: only bits 48-63 survive.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  andi. r3, r4, 0xF0F0
  blr
  #_ REGISTER_OUT r3 0x000000000000C0E0
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_andi_zero:
  # EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000000000FF00
  andi. r3, r4, 0x00FF
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_andi_never_negative:
  # 0x8000 (not sign-extended): GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  andi. r3, r4, 0x8000
  blr
  #_ REGISTER_OUT r3 0x0000000000008000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_andi_so:
  # GT | SO.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN xer 0x80000000
  andi. r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x50000000

test_andi_keeps_other_fields:
  # EQ in CR0 only.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN cr 0x0FFFFFFF
  andi. r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x2FFFFFFF

test_andis_masks:
  # Keeps bits 32-47 only: 0x89AB_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  andis. r3, r4, 0xFFFF
  blr
  #_ REGISTER_OUT r3 0x0000000089AB0000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_andis_positive_doubleword:
  # 0x8000 << 16 is not sign-extended: 0x0000_0000_8000_0000, GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  andis. r3, r4, 0x8000
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_andis_zero:
  # EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFF0000FFFF
  andis. r3, r4, 0xFFFF
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_ori_low_halfword:
  # No sign extension.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x1234567800000000
  ori r3, r4, 0xFFFF
  blr
  #_ REGISTER_OUT r3 0x123456780000FFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_ori_keeps_cr:
  # ori never records: CR unchanged.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN cr 0x12345678
  ori r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x12345678

test_oris_not_sign_extended:
  # 0x0000_0000_8000_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  oris r3, r4, 0x8000
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_oris_keeps_high_word:
  # RS high word passes.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xABCDEF0000005678
  oris r3, r4, 0x1234
  blr
  #_ REGISTER_OUT r3 0xABCDEF0012345678
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_xori_flips_low_halfword:
  # 0xFFFF_FFFF_FFFF_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  xori r3, r4, 0xFFFF
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFF0000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_xori_zero:
  # 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000001234
  xori r3, r4, 0x1234
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_xoris_flips:
  # 0xFFFF_FFFF_0000_FFFF.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  xoris r3, r4, 0xFFFF
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF0000FFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_xoris_not_sign_extended:
  # 0x0000_0000_8000_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  xoris r3, r4, 0x8000
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_xoris_keeps_xer_cr:
  # No XER or CR change.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN xer 0xE0000000
  #_ REGISTER_IN cr 0x87654321
  xoris r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000000010000
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x87654321

test_nop_changes_nothing:
  # nop is ori 0,0,0: r0 keeps its value.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r0 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0xFF00FF00F0F0F0F0
  #_ REGISTER_IN xer 0xA0000000
  #_ REGISTER_IN cr 0x12345678
  nop
  blr
  #_ REGISTER_OUT r0 0x0123456789ABCDEF
  #_ REGISTER_OUT r3 0xFF00FF00F0F0F0F0
  #_ REGISTER_OUT xer 0xA0000000
  #_ REGISTER_OUT cr 0x12345678

test_xnop_changes_nothing:
  # xori r0,r0,0 (xnop) changes nothing either.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r0 0x0123456789ABCDEF
  #_ REGISTER_IN xer 0xC0000000
  #_ REGISTER_IN cr 0x9ABCDEF0
  xori r0, r0, 0
  blr
  #_ REGISTER_OUT r0 0x0123456789ABCDEF
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x9ABCDEF0
