# neg, neg., nego, nego. (neg is ~RA + 1; it never writes CA).
#
# Expected values are derived from the PowerPC ISA, Book I (the instruction's pseudo-code and
# the XER/CR0 rules of its chapter), and verified under qemu-ppc64 with
# `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter.
# Every test sets msr 0x8000000000000000: 64-bit mode (MSR[SF]=1), the mode qemu-ppc64 runs in.
# So CA and OV describe the 64-bit result and CR0 compares the whole doubleword, even for word
# instructions; integer_mode32.s covers 32-bit mode. Results the ISA leaves undefined (the high
# word of mulhw/divw, divides by zero, CR0 of those) are never checked.

test_neg_zero:
  # -0 = 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  neg r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_neg_one:
  # -1 = 0xFFFF...F.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  neg r3, r4
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_neg_minus_one:
  # -(-1) = 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  neg r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_neg_most_negative:
  # -(-2^63) wraps to -2^63.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  neg r3, r4
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_neg_word_minimum:
  # -(-2^31) = 0x8000_0000 as a doubleword.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFF80000000
  neg r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_neg_low_word_only:
  # -(0x8000_0000) = 0xFFFF_FFFF_8000_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  neg r3, r4
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF80000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_neg_upper_word:
  # -(2^32) = 0xFFFF_FFFF_0000_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000000
  neg r3, r4
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF00000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_neg_same_register:
  # -7.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000007
  neg r4, r4
  blr
  #_ REGISTER_OUT r4 0xFFFFFFFFFFFFFFF9
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_neg_leaves_ca:
  # neg does not write CA even though ~0 + 1 carries.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN xer 0x20000000
  neg r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_nego_most_negative:
  # -(-2^63) overflows: 0x8000...0, OV=1, SO=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  nego r3, r4
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_nego_word_minimum_no_overflow:
  # -(-2^31) fits in 64 bits: OV=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFF80000000
  nego r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_nego_clears_ov_keeps_so:
  # OV=0, SO stays 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000005
  #_ REGISTER_IN xer 0xC0000000
  nego r3, r4
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFB
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x00000000

test_nego_zero:
  # -0 does not overflow.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  nego r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_neg_rc_negative:
  # -5: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000005
  neg. r3, r4
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFB
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_neg_rc_positive:
  # 5: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFB
  neg. r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000000000005
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_neg_rc_zero:
  # 0: EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  neg. r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_neg_rc_copies_so:
  # 0xFFFF_FFFF_8000_0000 < 0: LT | SO = 0x9.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN xer 0x80000000
  neg. r3, r4
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF80000000
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x90000000

test_nego_rc_most_negative:
  # 0x8000...0 < 0, overflow: CR0 = LT | SO = 0x9.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  nego. r3, r4
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x90000000
