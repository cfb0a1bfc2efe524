# divw, divwu, divd, divdu with their o and . forms. divw/divwu leave the high word of RT (and,
# in 64-bit mode, CR0) undefined, so their tests clear it and use no Rc form. A divide by zero
# or -2^(n-1) / -1 leaves RT undefined: those tests check only XER (OV=1, SO=1).
#
# Expected values are derived from the PowerPC ISA, Book I (the instruction's pseudo-code and
# the XER/CR0 rules of its chapter), and verified under qemu-ppc64 with
# `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter.
# Every test sets msr 0x8000000000000000: 64-bit mode (MSR[SF]=1), the mode qemu-ppc64 runs in.
# So CA and OV describe the 64-bit result and CR0 compares the whole doubleword, even for word
# instructions; integer_mode32.s covers 32-bit mode. Results the ISA leaves undefined (the high
# word of mulhw/divw, divides by zero, CR0 of those) are never checked.

test_divw_basic:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. 42 / 6
  # = 7.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000000000002A
  #_ REGISTER_IN r5 0x0000000000000006
  divw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000007
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divw_truncates:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. 7 / 2
  # = 3 (toward zero).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000007
  #_ REGISTER_IN r5 0x0000000000000002
  divw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000003
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divw_truncates_negative:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. -7 / 2
  # = -3 (toward zero): 0xFFFFFFFD.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFF9
  #_ REGISTER_IN r5 0x0000000000000002
  divw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFD
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divw_negative_divisor:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. 7 / -2
  # = -3.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000007
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFE
  divw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFD
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divw_both_negative:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. -7 /
  # -2 = 3.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFF9
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFE
  divw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000003
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divw_ignores_high_words:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. Low
  # words 100 / 10 = 10.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x1234567800000064
  #_ REGISTER_IN r5 0xFFFFFFFF0000000A
  divw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x000000000000000A
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divw_low_word_sign:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. The
  # low word 0xFFFFFFF6 is -10 (signed): -5.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFF6
  #_ REGISTER_IN r5 0x0000000000000002
  divw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFB
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divw_min_by_one:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. -2^31
  # / 1 = -2^31.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x0000000000000001
  divw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divw_min_by_two:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. -2^31
  # / 2 = -2^30 = 0xC0000000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x0000000000000002
  divw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x00000000C0000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divw_max_by_minus_one:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check.
  # (2^31-1) / -1 = 0x80000001.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  divw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000080000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divw_smaller_dividend:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. 5 / 7
  # = 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000005
  #_ REGISTER_IN r5 0x0000000000000007
  divw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divw_leaves_xer:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. 3; XER
  # (SO, OV, CA set) unchanged.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000009
  #_ REGISTER_IN r5 0x0000000000000003
  #_ REGISTER_IN xer 0xE0000000
  divw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000003
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x00000000

test_divwo_no_overflow:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. 3,
  # OV=0, SO stays.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000009
  #_ REGISTER_IN r5 0x0000000000000003
  #_ REGISTER_IN xer 0xC0000000
  divwo r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000003
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x00000000

test_divwo_by_zero:
  # Divide by zero: RT is undefined (so not checked); OV=1 and SO=1 are defined.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x0000000000000000
  divwo r3, r4, r5
  blr
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_divwo_by_zero_low_word:
  # The low word of RB is 0, which is a divide by zero: RT is undefined (so not checked); OV=1
  # and SO=1 are defined.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0xFFFFFFFF00000000
  divwo r3, r4, r5
  blr
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_divwo_min_by_minus_one:
  # -2^31 / -1 overflows: RT is undefined (so not checked); OV=1 and SO=1 are defined.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  divwo r3, r4, r5
  blr
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_divwo_by_zero_keeps_ca:
  # 0 / 0: RT is undefined (so not checked); OV=1 and SO=1 are defined. CA stays 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN r5 0x0000000000000000
  #_ REGISTER_IN xer 0x20000000
  divwo r3, r4, r5
  blr
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x00000000

test_divwu_basic:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. 7.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000000000002A
  #_ REGISTER_IN r5 0x0000000000000006
  divwu r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000007
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divwu_all_ones_by_one:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check.
  # 0xFFFFFFFF / 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  divwu r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divwu_all_ones_by_itself:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  divwu r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divwu_unsigned:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. 2^31 /
  # 2 = 0x40000000 (unsigned; divw would give 0xC0000000).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x0000000000000002
  divwu r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000040000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divwu_smaller_dividend:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFE
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  divwu r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divwu_ignores_high_words:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. Low
  # words 100 / 10 = 10.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFF00000064
  #_ REGISTER_IN r5 0x000000010000000A
  divwu r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x000000000000000A
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divwuo_no_overflow:
  # The high word of a divw/divwu result is undefined; clrldi clears it before the check. 2^31 /
  # (2^32-1) = 0; no overflow for unsigned division: OV=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  divwuo r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divwuo_by_zero:
  # Divide by zero: RT is undefined (so not checked); OV=1 and SO=1 are defined.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000000
  divwuo r3, r4, r5
  blr
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_divd_basic:
  # 7.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000000000002A
  #_ REGISTER_IN r5 0x0000000000000006
  divd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000007
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divd_truncates_negative:
  # -3.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFF9
  #_ REGISTER_IN r5 0x0000000000000002
  divd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFD
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divd_both_negative:
  # 3.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFF9
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFE
  divd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000003
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divd_word_values:
  # 2^31 / -1 = -2^31 as a doubleword, no overflow.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  divd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF80000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divd_upper_word:
  # 2^36 / 16 = 2^32.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000001000000000
  #_ REGISTER_IN r5 0x0000000000000010
  divd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divd_min_by_one:
  # -2^63.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0x0000000000000001
  divd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divd_min_by_minus_two:
  # 2^62.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFE
  divd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x4000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divd_max_by_minus_one:
  # -(2^63-1).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x7FFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  divd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divd_smaller_dividend:
  # -5 / 7 = 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFB
  #_ REGISTER_IN r5 0x0000000000000007
  divd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divd_rc_negative:
  # -10: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000064
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFF6
  divd. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFF6
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_divd_rc_positive:
  # 10: GT | SO = 0x5.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFF9C
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFF6
  #_ REGISTER_IN xer 0x80000000
  divd. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x000000000000000A
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x50000000

test_divd_rc_zero:
  # 0: EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000003
  #_ REGISTER_IN r5 0x0000000000000004
  divd. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_divdo_no_overflow:
  # -2^62: OV=0, SO stays.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0x0000000000000002
  #_ REGISTER_IN xer 0xC0000000
  divdo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xC000000000000000
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x00000000

test_divdo_by_zero:
  # Divide by zero: RT is undefined (so not checked); OV=1 and SO=1 are defined.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000005
  #_ REGISTER_IN r5 0x0000000000000000
  divdo r3, r4, r5
  blr
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_divdo_by_zero_high_word:
  # RB = 2^32 is not zero (its low word is): 0, OV=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000005
  #_ REGISTER_IN r5 0x0000000100000000
  divdo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divdo_min_by_minus_one:
  # -2^63 / -1 overflows: RT is undefined (so not checked); OV=1 and SO=1 are defined.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  divdo r3, r4, r5
  blr
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_divdo_rc_positive:
  # 2: GT, OV=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000000000000A
  #_ REGISTER_IN r5 0x0000000000000005
  divdo. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000002
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_divdu_basic:
  # 7.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000000000002A
  #_ REGISTER_IN r5 0x0000000000000006
  divdu r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000007
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divdu_all_ones_by_one:
  # 2^64-1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  divdu r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divdu_all_ones_by_itself:
  # 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  divdu r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divdu_unsigned:
  # 2^63 / 2 = 2^62.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0x0000000000000002
  divdu r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x4000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divdu_large_divisor:
  # 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000005
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  divdu r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divdu_all_ones_by_two:
  # 0x7FFF...F.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000002
  divdu r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x7FFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divdu_rc_negative:
  # 0xFFFF...F is negative as a signed value: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  divdu. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_divduo_no_overflow:
  # 2^63 / (2^64-1) = 0, no overflow: OV=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  divduo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_divduo_by_zero:
  # Divide by zero: RT is undefined (so not checked); OV=1 and SO=1 are defined. CA stays 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x0000000000000000
  #_ REGISTER_IN xer 0x20000000
  divduo r3, r4, r5
  blr
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x00000000

test_divduo_rc_no_overflow:
  # 3: GT | SO = 0x5, OV=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000009
  #_ REGISTER_IN r5 0x0000000000000003
  #_ REGISTER_IN xer 0x80000000
  divduo. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000003
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x50000000
