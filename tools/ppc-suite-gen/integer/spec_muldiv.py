from gen import Test as T, write, PROVENANCE_QEMU
from model import XER_SO as SO, XER_OV as OV, XER_CA as CA

MAX64 = 0x7FFFFFFFFFFFFFFF
MIN64 = 0x8000000000000000
NEG1 = 0xFFFFFFFFFFFFFFFF
MIN32 = 0xFFFFFFFF80000000
W = 0xFFFFFFFF


def n(x):
    return x & NEG1


def mul():
    HW = 'The high word of RT is undefined for this instruction, so clrldi clears it before the check. '

    def mulhw(name, op, a, b, why, ins_extra=None):
        ins = {'r4': a, 'r5': b}
        ins.update(ins_extra or {})
        return T(name, '%s r3, r4, r5; clrldi r3, r3, 32' % op, ins, HW + why)

    t = [
        T('mulli_basic', 'mulli r3, r4, 6', {'r4': 7}, '7 * 6 = 42.'),
        T('mulli_negative_immediate', 'mulli r3, r4, -3', {'r4': 5}, '5 * -3 = -15.'),
        T('mulli_negative_both', 'mulli r3, r4, -32768', {'r4': n(-4)}, '-4 * -32768 = 131072.'),
        T('mulli_uses_64_bits', 'mulli r3, r4, 16', {'r4': 0x100000000},
          '2^32 * 16 = 2^36: the whole doubleword is multiplied.'),
        T('mulli_low_64_bits', 'mulli r3, r4, 4', {'r4': 0x4000000000000001},
          '(2^62 + 1) * 4 = 2^64 + 4: the low 64 bits are 4.'),
        T('mulli_most_negative_times_minus_one', 'mulli r3, r4, -1', {'r4': MIN64},
          '-2^63 * -1 = 2^63 wraps to 0x8000...0.'),
        T('mulli_leaves_xer_cr', 'mulli r3, r4, 2', {'r4': MAX64, 'xer': SO | OV | CA, 'cr': 0x11111111},
          'mulli writes neither XER nor CR.'),
        T('mullw_basic', 'mullw r3, r4, r5', {'r4': 6, 'r5': 7}, '6 * 7 = 42.'),
        T('mullw_ignores_high_words', 'mullw r3, r4, r5',
          {'r4': 0xFFFFFFFF00000003, 'r5': 0x1234567800000005},
          'Only the low words (3 and 5) are multiplied: 15.'),
        T('mullw_negative', 'mullw r3, r4, r5', {'r4': 0x00000000FFFFFFFD, 'r5': 5},
          'Low words are signed: -3 * 5 = -15, as a 64-bit value.'),
        T('mullw_minus_one_squared', 'mullw r3, r4, r5', {'r4': W, 'r5': W},
          '-1 * -1 = 1 (signed, not 0xFFFFFFFE_00000001).'),
        T('mullw_64bit_product', 'mullw r3, r4, r5', {'r4': 0x10000, 'r5': 0x10000},
          'RT receives the whole 64-bit product: 2^32.'),
        T('mullw_max_squared', 'mullw r3, r4, r5', {'r4': 0x7FFFFFFF, 'r5': 0x7FFFFFFF},
          '(2^31-1)^2 = 0x3FFF_FFFF_0000_0001.'),
        T('mullw_min_squared', 'mullw r3, r4, r5', {'r4': 0x80000000, 'r5': 0x80000000},
          '(-2^31)^2 = 2^62.'),
        T('mullw_min_times_minus_one', 'mullw r3, r4, r5', {'r4': 0x80000000, 'r5': W},
          '-2^31 * -1 = +2^31 = 0x0000_0000_8000_0000.'),
        T('mullw_min_times_max', 'mullw r3, r4, r5', {'r4': 0x80000000, 'r5': 0x7FFFFFFF},
          '-2^31 * (2^31-1) = -0x3FFF_FFFF_8000_0000 = 0xC000_0000_8000_0000.'),
        T('mullw_leaves_xer', 'mullw r3, r4, r5', {'r4': 0x10000, 'r5': 0x10000, 'xer': CA},
          'Without OE nothing in XER changes, even when the product needs more than 32 bits.'),
        T('mullwo_no_overflow', 'mullwo r3, r4, r5', {'r4': 0x7FFF, 'r5': 0x10000},
          '0x7FFF_0000 fits in 32 signed bits: OV=0.'),
        T('mullwo_overflow', 'mullwo r3, r4, r5', {'r4': 0x10000, 'r5': 0x8000},
          '2^31 does not fit in 32 signed bits: OV=1, SO=1; RT still gets the product 0x8000_0000.'),
        T('mullwo_negative_fits', 'mullwo r3, r4, r5', {'r4': n(-0x8000), 'r5': 0x10000},
          '-2^31 fits: 0xFFFF_FFFF_8000_0000, OV=0.'),
        T('mullwo_min_times_minus_one', 'mullwo r3, r4, r5', {'r4': 0x80000000, 'r5': W},
          '+2^31 does not fit in 32 bits: OV=1, SO=1.'),
        T('mullwo_clears_ov_keeps_so', 'mullwo r3, r4, r5', {'r4': 2, 'r5': 3, 'xer': SO | OV | CA},
          'OV=0, SO and CA unchanged.'),
        T('mullw_rc_negative', 'mullw. r3, r4, r5', {'r4': 0xFFFFFFFE, 'r5': 3}, '-2 * 3 = -6: LT.'),
        T('mullw_rc_zero', 'mullw. r3, r4, r5', {'r4': 0x1234, 'r5': 0x100000000},
          'The low word of RB is 0: product 0, EQ.'),
        T('mullw_rc_compares_product', 'mullw. r3, r4, r5', {'r4': 0x10000, 'r5': 0x10000},
          'CR0 compares the 64-bit product 2^32 (64-bit mode): GT.'),
        T('mullwo_rc_overflow', 'mullwo. r3, r4, r5', {'r4': 0x10000, 'r5': 0x8000},
          'Product 0x8000_0000 > 0 as a doubleword, overflow: CR0 = GT | SO = 0x5.'),
        mulhw('mulhw_small', 'mulhw', 6, 7, '6 * 7 = 42: high word 0.'),
        mulhw('mulhw_negative', 'mulhw', W, 1, '-1 * 1 = -1: high word 0xFFFFFFFF.'),
        mulhw('mulhw_max_squared', 'mulhw', 0x7FFFFFFF, 0x7FFFFFFF,
              '(2^31-1)^2 = 0x3FFFFFFF_00000001: high word 0x3FFFFFFF.'),
        mulhw('mulhw_min_squared', 'mulhw', 0x80000000, 0x80000000, '2^62: high word 0x40000000.'),
        mulhw('mulhw_min_times_max', 'mulhw', 0x80000000, 0x7FFFFFFF,
              '0xC0000000_80000000: high word 0xC0000000.'),
        mulhw('mulhw_minus_one_squared', 'mulhw', W, W, '(-1)^2 = 1: high word 0.'),
        mulhw('mulhw_ignores_high_words', 'mulhw', 0x1234567880000000, 0xFFFFFFFF00000002,
              '-2^31 * 2 = -2^32: high word 0xFFFFFFFF.'),
        mulhw('mulhw_leaves_xer', 'mulhw', 0x80000000, 0x80000000, 'XER (SO, OV, CA set) stays.',
              {'xer': SO | OV | CA}),
        mulhw('mulhwu_all_ones', 'mulhwu', W, W,
              '0xFFFFFFFF^2 = 0xFFFFFFFE_00000001 unsigned: high word 0xFFFFFFFE.'),
        mulhw('mulhwu_two_to_32', 'mulhwu', 0x80000000, 2, '2^31 * 2 = 2^32: high word 1.'),
        mulhw('mulhwu_small', 'mulhwu', 0xFFFF, 0xFFFF, '0xFFFE0001 fits in the low word: 0.'),
        mulhw('mulhwu_ignores_high_words', 'mulhwu', 0xFFFFFFFF00000000 | 0x10000,
              0x0000000100010000, '0x10000 * 0x10000 = 2^32: high word 1.'),
        mulhw('mulhwu_unsigned_not_signed', 'mulhwu', W, 1,
              '0xFFFFFFFF * 1 unsigned: high word 0 (mulhw would give 0xFFFFFFFF).'),
        T('mulld_basic', 'mulld r3, r4, r5', {'r4': 6, 'r5': n(-7)}, '6 * -7 = -42.'),
        T('mulld_word_operands', 'mulld r3, r4, r5', {'r4': W, 'r5': W},
          '0xFFFFFFFF^2 = 0xFFFF_FFFE_0000_0001 (both are positive doublewords).'),
        T('mulld_low_64_bits', 'mulld r3, r4, r5', {'r4': 0x100000000, 'r5': 0x100000001},
          '2^32 * (2^32+1) = 2^64 + 2^32: low 64 bits 0x1_0000_0000.'),
        T('mulld_min_times_minus_one', 'mulld r3, r4, r5', {'r4': MIN64, 'r5': NEG1},
          '2^63 wraps to 0x8000...0.'),
        T('mulld_leaves_xer', 'mulld r3, r4, r5', {'r4': MIN64, 'r5': NEG1, 'xer': CA},
          'No OE: XER unchanged.'),
        T('mulldo_no_overflow', 'mulldo r3, r4, r5', {'r4': 0x7FFFFFFF, 'r5': 0x7FFFFFFF},
          '(2^31-1)^2 fits: OV=0.'),
        T('mulldo_word_operands_overflow', 'mulldo r3, r4, r5', {'r4': W, 'r5': W},
          '(2^32-1)^2 > 2^63-1: OV=1, SO=1.'),
        T('mulldo_min_times_minus_one', 'mulldo r3, r4, r5', {'r4': MIN64, 'r5': NEG1},
          '2^63 does not fit: OV=1, SO=1.'),
        T('mulldo_most_negative_fits', 'mulldo r3, r4, r5', {'r4': 0xC000000000000000, 'r5': 2},
          '-2^62 * 2 = -2^63 fits exactly: OV=0.'),
        T('mulldo_two_to_63', 'mulldo r3, r4, r5', {'r4': 0x4000000000000000, 'r5': 2},
          '2^62 * 2 = 2^63 does not fit: OV=1.'),
        T('mulldo_clears_ov_keeps_so', 'mulldo r3, r4, r5', {'r4': 3, 'r5': 3, 'xer': SO | OV},
          'OV=0, SO=1.'),
        T('mulld_rc_negative', 'mulld. r3, r4, r5', {'r4': 3, 'r5': NEG1}, '-3: LT.'),
        T('mulld_rc_zero', 'mulld. r3, r4, r5', {'r4': 0x100000000, 'r5': 0x100000000},
          '2^64 modulo 2^64 = 0: EQ.'),
        T('mulldo_rc_overflow', 'mulldo. r3, r4, r5', {'r4': 0x4000000000000000, 'r5': 2},
          '0x8000...0 < 0, overflow: CR0 = LT | SO = 0x9.'),
        T('mulhd_small', 'mulhd r3, r4, r5', {'r4': 6, 'r5': 7}, 'High doubleword of 42: 0.'),
        T('mulhd_negative', 'mulhd r3, r4, r5', {'r4': NEG1, 'r5': 1},
          '-1 as a 128-bit product: high doubleword all ones.'),
        T('mulhd_min_squared', 'mulhd r3, r4, r5', {'r4': MIN64, 'r5': MIN64},
          '2^126: high doubleword 2^62.'),
        T('mulhd_min_times_max', 'mulhd r3, r4, r5', {'r4': MIN64, 'r5': MAX64},
          '-2^63 * (2^63-1) = -2^126 + 2^63: high doubleword 0xC000...0.'),
        T('mulhd_word_operands', 'mulhd r3, r4, r5', {'r4': 0x100000000, 'r5': 0x100000000},
          '2^32 * 2^32 = 2^64: high doubleword 1.'),
        T('mulhd_rc_negative', 'mulhd. r3, r4, r5', {'r4': NEG1, 'r5': 5}, '-5: high all ones, LT.'),
        T('mulhd_rc_zero', 'mulhd. r3, r4, r5', {'r4': MAX64, 'r5': 1, 'xer': SO},
          'High doubleword 0: EQ | SO = 0x3.'),
        T('mulhdu_all_ones', 'mulhdu r3, r4, r5', {'r4': NEG1, 'r5': NEG1},
          '(2^64-1)^2 = 2^128 - 2^65 + 1: high doubleword 0xFFFF...FE.'),
        T('mulhdu_two_to_64', 'mulhdu r3, r4, r5', {'r4': 0x100000000, 'r5': 0x100000000},
          'High doubleword 1.'),
        T('mulhdu_unsigned', 'mulhdu r3, r4, r5', {'r4': NEG1, 'r5': 2},
          '(2^64-1) * 2 unsigned: high doubleword 1 (mulhd would give -1).'),
        T('mulhdu_small', 'mulhdu r3, r4, r5', {'r4': W, 'r5': W}, 'Fits in 64 bits: 0.'),
        T('mulhdu_rc_negative', 'mulhdu. r3, r4, r5', {'r4': NEG1, 'r5': NEG1},
          '0xFFFF...FE is negative as a signed doubleword: LT.'),
        T('mulhdu_leaves_xer', 'mulhdu r3, r4, r5', {'r4': NEG1, 'r5': NEG1, 'xer': SO | OV | CA},
          'No XER bit changes.'),
    ]
    return write('integer_mul.s', """
mulli, mullw, mulhw, mulhwu, mulld, mulhd, mulhdu with their o and . forms. mulhw and mulhwu
leave the high word of RT undefined (and CR0 with it in 64-bit mode), so their tests clear it
and do not use the Rc forms.
""" + PROVENANCE_QEMU, t)


def div():
    HW = 'The high word of a divw/divwu result is undefined; clrldi clears it before the check. '

    def dw(name, op, a, b, why, extra=None):
        ins = {'r4': a, 'r5': b}
        ins.update(extra or {})
        return T(name, '%s r3, r4, r5; clrldi r3, r3, 32' % op, ins, HW + why)

    UND = 'RT is undefined (so not checked); OV=1 and SO=1 are defined.'
    t = [
        dw('divw_basic', 'divw', 42, 6, '42 / 6 = 7.'),
        dw('divw_truncates', 'divw', 7, 2, '7 / 2 = 3 (toward zero).'),
        dw('divw_truncates_negative', 'divw', n(-7), 2, '-7 / 2 = -3 (toward zero): 0xFFFFFFFD.'),
        dw('divw_negative_divisor', 'divw', 7, n(-2), '7 / -2 = -3.'),
        dw('divw_both_negative', 'divw', n(-7), n(-2), '-7 / -2 = 3.'),
        dw('divw_ignores_high_words', 'divw', 0x1234567800000064, 0xFFFFFFFF0000000A,
           'Low words 100 / 10 = 10.'),
        dw('divw_low_word_sign', 'divw', 0x00000000FFFFFFF6, 2,
           'The low word 0xFFFFFFF6 is -10 (signed): -5.'),
        dw('divw_min_by_one', 'divw', 0x80000000, 1, '-2^31 / 1 = -2^31.'),
        dw('divw_min_by_two', 'divw', 0x80000000, 2, '-2^31 / 2 = -2^30 = 0xC0000000.'),
        dw('divw_max_by_minus_one', 'divw', 0x7FFFFFFF, W, '(2^31-1) / -1 = 0x80000001.'),
        dw('divw_smaller_dividend', 'divw', 5, 7, '5 / 7 = 0.'),
        dw('divw_leaves_xer', 'divw', 9, 3, '3; XER (SO, OV, CA set) unchanged.', {'xer': SO | OV | CA}),
        dw('divwo_no_overflow', 'divwo', 9, 3, '3, OV=0, SO stays.', {'xer': SO | OV}),
        T('divwo_by_zero', 'divwo r3, r4, r5', {'r4': 1, 'r5': 0}, 'Divide by zero: ' + UND,
          skip=['r3']),
        T('divwo_by_zero_low_word', 'divwo r3, r4, r5', {'r4': 1, 'r5': 0xFFFFFFFF00000000},
          'The low word of RB is 0, which is a divide by zero: ' + UND, skip=['r3']),
        T('divwo_min_by_minus_one', 'divwo r3, r4, r5', {'r4': 0x80000000, 'r5': W},
          '-2^31 / -1 overflows: ' + UND, skip=['r3']),
        T('divwo_by_zero_keeps_ca', 'divwo r3, r4, r5', {'r4': 0, 'r5': 0, 'xer': CA},
          '0 / 0: ' + UND + ' CA stays 1.', skip=['r3']),
        dw('divwu_basic', 'divwu', 42, 6, '7.'),
        dw('divwu_all_ones_by_one', 'divwu', W, 1, '0xFFFFFFFF / 1.'),
        dw('divwu_all_ones_by_itself', 'divwu', W, W, '1.'),
        dw('divwu_unsigned', 'divwu', 0x80000000, 2,
           '2^31 / 2 = 0x40000000 (unsigned; divw would give 0xC0000000).'),
        dw('divwu_smaller_dividend', 'divwu', 0xFFFFFFFE, W, '0.'),
        dw('divwu_ignores_high_words', 'divwu', 0xFFFFFFFF00000064, 0x000000010000000A,
           'Low words 100 / 10 = 10.'),
        dw('divwuo_no_overflow', 'divwuo', 0x80000000, W,
           '2^31 / (2^32-1) = 0; no overflow for unsigned division: OV=0.'),
        T('divwuo_by_zero', 'divwuo r3, r4, r5', {'r4': W, 'r5': 0}, 'Divide by zero: ' + UND,
          skip=['r3']),
        T('divd_basic', 'divd r3, r4, r5', {'r4': 42, 'r5': 6}, '7.'),
        T('divd_truncates_negative', 'divd r3, r4, r5', {'r4': n(-7), 'r5': 2}, '-3.'),
        T('divd_both_negative', 'divd r3, r4, r5', {'r4': n(-7), 'r5': n(-2)}, '3.'),
        T('divd_word_values', 'divd r3, r4, r5', {'r4': 0x80000000, 'r5': NEG1},
          '2^31 / -1 = -2^31 as a doubleword, no overflow.'),
        T('divd_upper_word', 'divd r3, r4, r5', {'r4': 0x1000000000, 'r5': 0x10}, '2^36 / 16 = 2^32.'),
        T('divd_min_by_one', 'divd r3, r4, r5', {'r4': MIN64, 'r5': 1}, '-2^63.'),
        T('divd_min_by_minus_two', 'divd r3, r4, r5', {'r4': MIN64, 'r5': n(-2)}, '2^62.'),
        T('divd_max_by_minus_one', 'divd r3, r4, r5', {'r4': MAX64, 'r5': NEG1}, '-(2^63-1).'),
        T('divd_smaller_dividend', 'divd r3, r4, r5', {'r4': n(-5), 'r5': 7}, '-5 / 7 = 0.'),
        T('divd_rc_negative', 'divd. r3, r4, r5', {'r4': 100, 'r5': n(-10)}, '-10: LT.'),
        T('divd_rc_positive', 'divd. r3, r4, r5', {'r4': n(-100), 'r5': n(-10), 'xer': SO},
          '10: GT | SO = 0x5.'),
        T('divd_rc_zero', 'divd. r3, r4, r5', {'r4': 3, 'r5': 4}, '0: EQ.'),
        T('divdo_no_overflow', 'divdo r3, r4, r5', {'r4': MIN64, 'r5': 2, 'xer': SO | OV},
          '-2^62: OV=0, SO stays.'),
        T('divdo_by_zero', 'divdo r3, r4, r5', {'r4': 5, 'r5': 0}, 'Divide by zero: ' + UND,
          skip=['r3']),
        T('divdo_by_zero_high_word', 'divdo r3, r4, r5', {'r4': 5, 'r5': 0x100000000},
          'RB = 2^32 is not zero (its low word is): 0, OV=0.'),
        T('divdo_min_by_minus_one', 'divdo r3, r4, r5', {'r4': MIN64, 'r5': NEG1},
          '-2^63 / -1 overflows: ' + UND, skip=['r3']),
        T('divdo_rc_positive', 'divdo. r3, r4, r5', {'r4': 10, 'r5': 5}, '2: GT, OV=0.'),
        T('divdu_basic', 'divdu r3, r4, r5', {'r4': 42, 'r5': 6}, '7.'),
        T('divdu_all_ones_by_one', 'divdu r3, r4, r5', {'r4': NEG1, 'r5': 1}, '2^64-1.'),
        T('divdu_all_ones_by_itself', 'divdu r3, r4, r5', {'r4': NEG1, 'r5': NEG1}, '1.'),
        T('divdu_unsigned', 'divdu r3, r4, r5', {'r4': MIN64, 'r5': 2}, '2^63 / 2 = 2^62.'),
        T('divdu_large_divisor', 'divdu r3, r4, r5', {'r4': 5, 'r5': NEG1}, '0.'),
        T('divdu_all_ones_by_two', 'divdu r3, r4, r5', {'r4': NEG1, 'r5': 2}, '0x7FFF...F.'),
        T('divdu_rc_negative', 'divdu. r3, r4, r5', {'r4': NEG1, 'r5': 1},
          '0xFFFF...F is negative as a signed value: LT.'),
        T('divduo_no_overflow', 'divduo r3, r4, r5', {'r4': MIN64, 'r5': NEG1},
          '2^63 / (2^64-1) = 0, no overflow: OV=0.'),
        T('divduo_by_zero', 'divduo r3, r4, r5', {'r4': 1, 'r5': 0, 'xer': CA},
          'Divide by zero: ' + UND + ' CA stays 1.', skip=['r3']),
        T('divduo_rc_no_overflow', 'divduo. r3, r4, r5', {'r4': 9, 'r5': 3, 'xer': SO},
          '3: GT | SO = 0x5, OV=0.'),
    ]
    return write('integer_div.s', """
divw, divwu, divd, divdu with their o and . forms. divw/divwu leave the high word of RT (and,
in 64-bit mode, CR0) undefined, so their tests clear it and use no Rc form. A divide by zero
or -2^(n-1) / -1 leaves RT undefined: those tests check only XER (OV=1, SO=1).
""" + PROVENANCE_QEMU, t)


def all_():
    return mul() + div()
