# addic, addic. (always records CR0), subfic, and the extended form subic.
#
# Expected values are derived from the PowerPC ISA, Book I (the instruction's pseudo-code and
# the XER/CR0 rules of its chapter), and verified under qemu-ppc64 with
# `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter.
# Every test sets msr 0x8000000000000000: 64-bit mode (MSR[SF]=1), the mode qemu-ppc64 runs in.
# So CA and OV describe the 64-bit result and CR0 compares the whole doubleword, even for word
# instructions; integer_mode32.s covers 32-bit mode. Results the ISA leaves undefined (the high
# word of mulhw/divw, divides by zero, CR0 of those) are never checked.

test_addic_zero:
  # 0 + 0 = 0, no carry.
  #_ REGISTER_IN msr 0x8000000000000000
  addic r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addic_carry_64:
  # 0xFFFF...F + 1 carries out of bit 0: result 0, CA=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  addic r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_addic_no_carry_at_bit_32:
  # 0xFFFFFFFF + 1 = 0x1_0000_0000: in 64-bit mode the carry out of bit 32 is not CA.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  addic r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addic_minus_one_carries:
  # 5 + 0xFFFF...F = 4 with a carry out (any nonzero RA carries): CA=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000005
  addic r3, r4, -1
  blr
  #_ REGISTER_OUT r3 0x0000000000000004
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_addic_minus_one_from_zero:
  # 0 + 0xFFFF...F = 0xFFFF...F, no carry: CA=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  addic r3, r4, -1
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addic_clears_ca:
  # CA is written, not accumulated: 1 + 1 has no carry, so CA goes from 1 to 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN xer 0x20000000
  addic r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000000000002
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addic_no_ov:
  # 0x7FFF...F + 1 = 0x8000...0: signed overflow, but addic never touches OV or SO.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x7FFFFFFFFFFFFFFF
  addic r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addic_keeps_so_ov:
  # SO and OV are left as they were.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000002
  #_ REGISTER_IN xer 0xC0000000
  addic r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000000000003
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_addic_r0_is_a_register:
  # Unlike addi, addic reads r0 itself: 41 + 1 = 42.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r0 0x0000000000000029
  addic r3, r0, 1
  blr
  #_ REGISTER_OUT r3 0x000000000000002A
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addic_most_negative_immediate:
  # 0x8000...0 + 0xFFFF...8000 = 0x7FFF_FFFF_FFFF_8000 with a carry out: CA=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  addic r3, r4, -32768
  blr
  #_ REGISTER_OUT r3 0x7FFFFFFFFFFF8000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_addic_rc_positive:
  # addic. records CR0: 2 > 0 gives GT (0x4).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  addic. r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000000000002
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_addic_rc_negative:
  # 1 - 2 = -1 < 0: LT; no carry since 1 + 0xFFFF...FE < 2^64.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  addic. r3, r4, -2
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_addic_rc_zero_with_carry:
  # -1 + 1 = 0: EQ, and CA=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  addic. r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x20000000

test_addic_rc_compares_64_bits:
  # 0x0000_0000_8000_0000 is positive as a doubleword: GT (a low-word compare would say LT).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  addic. r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_addic_rc_copies_so:
  # CR0 gets EQ plus a copy of XER[SO]: 0x2 | 0x1 = 0x3.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN xer 0x80000000
  addic. r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x30000000

test_addic_rc_keeps_other_fields:
  # Only CR0 changes: 0x4 in field 0, the other fields stay all ones.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000007
  #_ REGISTER_IN cr 0xFFFFFFFF
  addic. r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0x0000000000000007
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x4FFFFFFF

test_subic_extended:
  # subic rt,ra,1 is addic rt,ra,-1: 0 + 0xFFFF...F = -1, no carry.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  subic r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_subfic_zero_minus_zero:
  # subfic computes ~RA + EXTS(SI) + 1 = 0xFFFF...F + 0 + 1: result 0 with CA=1 (no borrow).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  subfic r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_subfic_borrow:
  # 0 - 1 = -1; ~1 + 0 + 1 = 0xFFFF...F does not carry: CA=0 (borrow).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  subfic r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_subfic_minus_one_is_not:
  # -1 - RA = ~RA; ~RA + 0xFFFF...F + 1 always carries: CA=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  subfic r3, r4, -1
  blr
  #_ REGISTER_OUT r3 0xFEDCBA9876543210
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_subfic_positive:
  # 100 - 30 = 70, no borrow: CA=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000000000001E
  subfic r3, r4, 100
  blr
  #_ REGISTER_OUT r3 0x0000000000000046
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_subfic_equal:
  # 5 - 5 = 0, CA=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000005
  subfic r3, r4, 5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_subfic_upper_word:
  # 0 - 0xFFFFFFFF = 0xFFFF_FFFF_0000_0001, a borrow: CA=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  subfic r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF00000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_subfic_most_negative:
  # ~0x8000...0 + 1 = 0x8000...0 without a carry out: CA=0 (0 < 2^63 unsigned).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  subfic r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_subfic_large_ra:
  # 32767 - (2^64-1) borrows: result 0x8000, CA=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  subfic r3, r4, 32767
  blr
  #_ REGISTER_OUT r3 0x0000000000008000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_subfic_negative_immediate:
  # 0xFFFF...8000 - 0xFFFF...0000 = 0x8000, no borrow: CA=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFF0000
  subfic r3, r4, -32768
  blr
  #_ REGISTER_OUT r3 0x0000000000008000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_subfic_keeps_so_ov:
  # 1 - 1 = 0, CA=1; SO and OV stay set.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN xer 0xC0000000
  subfic r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x00000000
