# add, add., addo, addo.
#
# Expected values are derived from the PowerPC ISA, Book I (the instruction's pseudo-code and
# the XER/CR0 rules of its chapter), and verified under qemu-ppc64 with
# `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter.
# Every test sets msr 0x8000000000000000: 64-bit mode (MSR[SF]=1), the mode qemu-ppc64 runs in.
# So CA and OV describe the 64-bit result and CR0 compares the whole doubleword, even for word
# instructions; integer_mode32.s covers 32-bit mode. Results the ISA leaves undefined (the high
# word of mulhw/divw, divides by zero, CR0 of those) are never checked.

test_add_basic:
  # 2 + 3 = 5.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000002
  #_ REGISTER_IN r5 0x0000000000000003
  add r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000005
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_add_carries_into_upper_word:
  # 0xFFFFFFFF + 1 = 0x1_0000_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  add r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_add_wraps_64:
  # -1 + 1 = 0 modulo 2^64; add does not set CA.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  add r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_add_negative:
  # -5 + 3 = -2.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFB
  #_ REGISTER_IN r5 0x0000000000000003
  add r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFE
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_add_high_words:
  # 0x1234_5678_0000_0000 + 0x1_0000_0000 = 0x1234_5679_0000_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x1234567800000000
  #_ REGISTER_IN r5 0x0000000100000000
  add r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x1234567900000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_add_same_register:
  # 0x4000_0000_0000_0001 * 2 = 0x8000_0000_0000_0002.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r3 0x4000000000000001
  add r3, r3, r3
  blr
  #_ REGISTER_OUT r3 0x8000000000000002
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_add_leaves_ca:
  # -1 + -1 = -2; CA (set beforehand) is not written by add.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN xer 0x20000000
  add r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFE
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_add_overflow_leaves_xer:
  # Signed overflow without OE: OV and SO stay clear.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x7FFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  add r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_add_keeps_ov_so:
  # Without OE, OV is not cleared either.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x0000000000000001
  #_ REGISTER_IN xer 0xC0000000
  add r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000002
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_add_rc_positive:
  # 3 > 0: CR0 = GT (0x4).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x0000000000000002
  add. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000003
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_add_rc_negative:
  # -2 < 0: CR0 = LT (0x8).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFD
  add. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFE
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_add_rc_zero:
  # 0: CR0 = EQ (0x2).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000005
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFB
  add. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_add_rc_low_word_negative:
  # 0x8000_0000 is positive as a doubleword: GT, not LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  add. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_add_rc_low_word_zero:
  # 0x1_0000_0000 has a zero low word but is not zero: GT, not EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  add. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_add_rc_copies_so:
  # CR0 = GT | SO = 0x5.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x0000000000000001
  #_ REGISTER_IN xer 0x80000000
  add. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000002
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x50000000

test_add_rc_keeps_other_fields:
  # CR0 becomes EQ (0x2); fields 1-7 keep 0x2345678.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN r5 0x0000000000000000
  #_ REGISTER_IN cr 0x12345678
  add. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x22345678

test_addo_no_overflow:
  # OV=0, SO=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x0000000000000002
  addo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000003
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addo_word_boundary_no_overflow:
  # 0x7FFFFFFF + 1 overflows 32 bits, but OV describes the 64-bit sum: OV=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  addo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addo_overflow_positive:
  # 0x7FFF...F + 1 = 0x8000...0: two positives give a negative: OV=1, SO=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x7FFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  addo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_addo_overflow_negative:
  # 0x8000...0 + -1 = 0x7FFF...F: OV=1, SO=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  addo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x7FFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_addo_overflow_to_zero:
  # -2^63 + -2^63 = 0 modulo 2^64: OV=1, SO=1; CA is not touched.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0x8000000000000000
  addo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_addo_mixed_signs:
  # Operands of opposite sign never overflow: -1, OV=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x7FFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x8000000000000000
  addo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addo_clears_ov_keeps_so:
  # OV is rewritten (0); SO is sticky and stays 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x0000000000000001
  #_ REGISTER_IN xer 0xC0000000
  addo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000002
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x00000000

test_addo_leaves_ca:
  # addo writes OV and SO only: CA stays 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  #_ REGISTER_IN xer 0x20000000
  addo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_addo_rc_overflow:
  # Result 0x8000...0 < 0: LT, and the new SO is copied: CR0 = 0x9.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x7FFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  addo. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x90000000

test_addo_rc_overflow_to_zero:
  # Result 0 with overflow: CR0 = EQ | SO = 0x3.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0x8000000000000000
  addo. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x30000000

test_addo_rc_sticky_so:
  # No overflow, but SO was already set: CR0 = GT | SO = 0x5, XER = SO.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000002
  #_ REGISTER_IN r5 0x0000000000000003
  #_ REGISTER_IN xer 0x80000000
  addo. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000005
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x50000000
