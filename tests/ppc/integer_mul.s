# mulli, mullw, mulhw, mulhwu, mulld, mulhd, mulhdu with their o and . forms. mulhw and mulhwu
# leave the high word of RT undefined (and CR0 with it in 64-bit mode), so their tests clear it
# and do not use the Rc forms.
#
# Expected values are derived from the PowerPC ISA, Book I (the instruction's pseudo-code and
# the XER/CR0 rules of its chapter), and verified under qemu-ppc64 with
# `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter.
# Every test sets msr 0x8000000000000000: 64-bit mode (MSR[SF]=1), the mode qemu-ppc64 runs in.
# So CA and OV describe the 64-bit result and CR0 compares the whole doubleword, even for word
# instructions; integer_mode32.s covers 32-bit mode. Results the ISA leaves undefined (the high
# word of mulhw/divw, divides by zero, CR0 of those) are never checked.

test_mulli_basic:
  # 7 * 6 = 42.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000007
  mulli r3, r4, 6
  blr
  #_ REGISTER_OUT r3 0x000000000000002A
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulli_negative_immediate:
  # 5 * -3 = -15.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000005
  mulli r3, r4, -3
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFF1
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulli_negative_both:
  # -4 * -32768 = 131072.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFC
  mulli r3, r4, -32768
  blr
  #_ REGISTER_OUT r3 0x0000000000020000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulli_uses_64_bits:
  # 2^32 * 16 = 2^36: the whole doubleword is multiplied.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000000
  mulli r3, r4, 16
  blr
  #_ REGISTER_OUT r3 0x0000001000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulli_low_64_bits:
  # (2^62 + 1) * 4 = 2^64 + 4: the low 64 bits are 4.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x4000000000000001
  mulli r3, r4, 4
  blr
  #_ REGISTER_OUT r3 0x0000000000000004
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulli_most_negative_times_minus_one:
  # -2^63 * -1 = 2^63 wraps to 0x8000...0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  mulli r3, r4, -1
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulli_leaves_xer_cr:
  # mulli writes neither XER nor CR.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x7FFFFFFFFFFFFFFF
  #_ REGISTER_IN xer 0xE0000000
  #_ REGISTER_IN cr 0x11111111
  mulli r3, r4, 2
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFE
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x11111111

test_mullw_basic:
  # 6 * 7 = 42.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000006
  #_ REGISTER_IN r5 0x0000000000000007
  mullw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x000000000000002A
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mullw_ignores_high_words:
  # Only the low words (3 and 5) are multiplied: 15.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFF00000003
  #_ REGISTER_IN r5 0x1234567800000005
  mullw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x000000000000000F
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mullw_negative:
  # Low words are signed: -3 * 5 = -15, as a 64-bit value.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFD
  #_ REGISTER_IN r5 0x0000000000000005
  mullw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFF1
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mullw_minus_one_squared:
  # -1 * -1 = 1 (signed, not 0xFFFFFFFE_00000001).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  mullw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mullw_64bit_product:
  # RT receives the whole 64-bit product: 2^32.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000010000
  #_ REGISTER_IN r5 0x0000000000010000
  mullw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mullw_max_squared:
  # (2^31-1)^2 = 0x3FFF_FFFF_0000_0001.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  #_ REGISTER_IN r5 0x000000007FFFFFFF
  mullw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x3FFFFFFF00000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mullw_min_squared:
  # (-2^31)^2 = 2^62.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x0000000080000000
  mullw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x4000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mullw_min_times_minus_one:
  # -2^31 * -1 = +2^31 = 0x0000_0000_8000_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  mullw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mullw_min_times_max:
  # -2^31 * (2^31-1) = -0x3FFF_FFFF_8000_0000 = 0xC000_0000_8000_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x000000007FFFFFFF
  mullw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xC000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mullw_leaves_xer:
  # Without OE nothing in XER changes, even when the product needs more than 32 bits.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000010000
  #_ REGISTER_IN r5 0x0000000000010000
  #_ REGISTER_IN xer 0x20000000
  mullw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_mullwo_no_overflow:
  # 0x7FFF_0000 fits in 32 signed bits: OV=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000007FFF
  #_ REGISTER_IN r5 0x0000000000010000
  mullwo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x000000007FFF0000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mullwo_overflow:
  # 2^31 does not fit in 32 signed bits: OV=1, SO=1; RT still gets the product 0x8000_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000010000
  #_ REGISTER_IN r5 0x0000000000008000
  mullwo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_mullwo_negative_fits:
  # -2^31 fits: 0xFFFF_FFFF_8000_0000, OV=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFF8000
  #_ REGISTER_IN r5 0x0000000000010000
  mullwo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF80000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mullwo_min_times_minus_one:
  # +2^31 does not fit in 32 bits: OV=1, SO=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  mullwo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_mullwo_clears_ov_keeps_so:
  # OV=0, SO and CA unchanged.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000002
  #_ REGISTER_IN r5 0x0000000000000003
  #_ REGISTER_IN xer 0xE0000000
  mullwo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000006
  #_ REGISTER_OUT xer 0xA0000000
  #_ REGISTER_OUT cr 0x00000000

test_mullw_rc_negative:
  # -2 * 3 = -6: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFE
  #_ REGISTER_IN r5 0x0000000000000003
  mullw. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFA
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_mullw_rc_zero:
  # The low word of RB is 0: product 0, EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000001234
  #_ REGISTER_IN r5 0x0000000100000000
  mullw. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_mullw_rc_compares_product:
  # CR0 compares the 64-bit product 2^32 (64-bit mode): GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000010000
  #_ REGISTER_IN r5 0x0000000000010000
  mullw. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_mullwo_rc_overflow:
  # Product 0x8000_0000 > 0 as a doubleword, overflow: CR0 = GT | SO = 0x5.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000010000
  #_ REGISTER_IN r5 0x0000000000008000
  mullwo. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x50000000

test_mulhw_small:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # 6 * 7 = 42: high word 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000006
  #_ REGISTER_IN r5 0x0000000000000007
  mulhw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhw_negative:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # -1 * 1 = -1: high word 0xFFFFFFFF.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  mulhw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhw_max_squared:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # (2^31-1)^2 = 0x3FFFFFFF_00000001: high word 0x3FFFFFFF.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  #_ REGISTER_IN r5 0x000000007FFFFFFF
  mulhw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x000000003FFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhw_min_squared:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # 2^62: high word 0x40000000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x0000000080000000
  mulhw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000040000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhw_min_times_max:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # 0xC0000000_80000000: high word 0xC0000000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x000000007FFFFFFF
  mulhw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x00000000C0000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhw_minus_one_squared:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # (-1)^2 = 1: high word 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  mulhw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhw_ignores_high_words:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # -2^31 * 2 = -2^32: high word 0xFFFFFFFF.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x1234567880000000
  #_ REGISTER_IN r5 0xFFFFFFFF00000002
  mulhw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhw_leaves_xer:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # XER (SO, OV, CA set) stays.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x0000000080000000
  #_ REGISTER_IN xer 0xE0000000
  mulhw r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000040000000
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhwu_all_ones:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # 0xFFFFFFFF^2 = 0xFFFFFFFE_00000001 unsigned: high word 0xFFFFFFFE.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  mulhwu r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFE
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhwu_two_to_32:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # 2^31 * 2 = 2^32: high word 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x0000000000000002
  mulhwu r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhwu_small:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # 0xFFFE0001 fits in the low word: 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000000000FFFF
  #_ REGISTER_IN r5 0x000000000000FFFF
  mulhwu r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhwu_ignores_high_words:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # 0x10000 * 0x10000 = 2^32: high word 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFF00010000
  #_ REGISTER_IN r5 0x0000000100010000
  mulhwu r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhwu_unsigned_not_signed:
  # The high word of RT is undefined for this instruction, so clrldi clears it before the check.
  # 0xFFFFFFFF * 1 unsigned: high word 0 (mulhw would give 0xFFFFFFFF).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  mulhwu r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulld_basic:
  # 6 * -7 = -42.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000006
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFF9
  mulld r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFD6
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulld_word_operands:
  # 0xFFFFFFFF^2 = 0xFFFF_FFFE_0000_0001 (both are positive doublewords).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  mulld r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFE00000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulld_low_64_bits:
  # 2^32 * (2^32+1) = 2^64 + 2^32: low 64 bits 0x1_0000_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000000
  #_ REGISTER_IN r5 0x0000000100000001
  mulld r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulld_min_times_minus_one:
  # 2^63 wraps to 0x8000...0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  mulld r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulld_leaves_xer:
  # No OE: XER unchanged.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN xer 0x20000000
  mulld r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_mulldo_no_overflow:
  # (2^31-1)^2 fits: OV=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  #_ REGISTER_IN r5 0x000000007FFFFFFF
  mulldo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x3FFFFFFF00000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulldo_word_operands_overflow:
  # (2^32-1)^2 > 2^63-1: OV=1, SO=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  mulldo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFE00000001
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_mulldo_min_times_minus_one:
  # 2^63 does not fit: OV=1, SO=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  mulldo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_mulldo_most_negative_fits:
  # -2^62 * 2 = -2^63 fits exactly: OV=0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xC000000000000000
  #_ REGISTER_IN r5 0x0000000000000002
  mulldo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulldo_two_to_63:
  # 2^62 * 2 = 2^63 does not fit: OV=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x4000000000000000
  #_ REGISTER_IN r5 0x0000000000000002
  mulldo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_mulldo_clears_ov_keeps_so:
  # OV=0, SO=1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000003
  #_ REGISTER_IN r5 0x0000000000000003
  #_ REGISTER_IN xer 0xC0000000
  mulldo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000009
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x00000000

test_mulld_rc_negative:
  # -3: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000003
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  mulld. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFD
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_mulld_rc_zero:
  # 2^64 modulo 2^64 = 0: EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000000
  #_ REGISTER_IN r5 0x0000000100000000
  mulld. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_mulldo_rc_overflow:
  # 0x8000...0 < 0, overflow: CR0 = LT | SO = 0x9.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x4000000000000000
  #_ REGISTER_IN r5 0x0000000000000002
  mulldo. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x90000000

test_mulhd_small:
  # High doubleword of 42: 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000006
  #_ REGISTER_IN r5 0x0000000000000007
  mulhd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhd_negative:
  # -1 as a 128-bit product: high doubleword all ones.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  mulhd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhd_min_squared:
  # 2^126: high doubleword 2^62.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0x8000000000000000
  mulhd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x4000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhd_min_times_max:
  # -2^63 * (2^63-1) = -2^126 + 2^63: high doubleword 0xC000...0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0x7FFFFFFFFFFFFFFF
  mulhd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xC000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhd_word_operands:
  # 2^32 * 2^32 = 2^64: high doubleword 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000000
  #_ REGISTER_IN r5 0x0000000100000000
  mulhd r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhd_rc_negative:
  # -5: high all ones, LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000005
  mulhd. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_mulhd_rc_zero:
  # High doubleword 0: EQ | SO = 0x3.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x7FFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  #_ REGISTER_IN xer 0x80000000
  mulhd. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x30000000

test_mulhdu_all_ones:
  # (2^64-1)^2 = 2^128 - 2^65 + 1: high doubleword 0xFFFF...FE.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  mulhdu r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFE
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhdu_two_to_64:
  # High doubleword 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000000
  #_ REGISTER_IN r5 0x0000000100000000
  mulhdu r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhdu_unsigned:
  # (2^64-1) * 2 unsigned: high doubleword 1 (mulhd would give -1).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000002
  mulhdu r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhdu_small:
  # Fits in 64 bits: 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  mulhdu r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mulhdu_rc_negative:
  # 0xFFFF...FE is negative as a signed doubleword: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  mulhdu. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFE
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_mulhdu_leaves_xer:
  # No XER bit changes.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN xer 0xE0000000
  mulhdu r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFE
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x00000000
