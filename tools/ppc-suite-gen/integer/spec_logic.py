from gen import Test as T, write, PROVENANCE_QEMU
from model import XER_SO as SO, XER_OV as OV, XER_CA as CA

MAX64 = 0x7FFFFFFFFFFFFFFF
MIN64 = 0x8000000000000000
NEG1 = 0xFFFFFFFFFFFFFFFF
MIN32 = 0xFFFFFFFF80000000
W = 0xFFFFFFFF
A = 0x0123456789ABCDEF
B = 0xFF00FF00F0F0F0F0


def n(x):
    return x & NEG1


def compare():
    def c(name, code, a, b, why, extra=None):
        ins = {'r4': a}
        if b is not None:
            ins['r5'] = b
        ins.update(extra or {})
        return T(name, code, ins, why)

    t = [
        c('cmpwi_equal', 'cmpwi r4, 5', 5, None, '5 = 5: CR0 = EQ (0x2).'),
        c('cmpwi_less', 'cmpwi r4, 5', 4, None, '4 < 5: LT (0x8).'),
        c('cmpwi_greater', 'cmpwi r4, 5', 6, None, '6 > 5: GT (0x4).'),
        c('cmpwi_minus_one', 'cmpwi r4, -1', W, None,
          'The low word 0xFFFFFFFF is -1, and so is the sign-extended immediate: EQ.'),
        c('cmpwi_ignores_high_word', 'cmpwi r4, 5', 0x1234567800000005, None,
          'Only the low word counts: EQ.'),
        c('cmpwi_low_word_sign', 'cmpwi r4, 0', 0x80000000, None,
          'The low word 0x80000000 is negative: LT.'),
        c('cmpwi_most_negative', 'cmpwi r4, -32768', 0x80000000, None, '-2^31 < -32768: LT.'),
        c('cmpwi_immediate_sign_extends', 'cmpwi r4, -32768', 0xFFFF8000, None,
          'Low word 0xFFFF8000 = -32768 = EXTS(0x8000): EQ.'),
        c('cmpwi_cr7', 'cmpwi cr7, r4, 0', 1, None, '1 > 0 in field 7: CR = 0x00000004.'),
        c('cmpwi_copies_so', 'cmpwi cr2, r4, 0', 0, None, 'EQ | SO = 0x3 in field 2.', {'xer': SO}),
        c('cmpwi_keeps_other_fields', 'cmpwi cr3, r4, 0', n(-1), None,
          'Only field 3 changes (to LT).', {'cr': 0x12345678}),
        c('cmpwi_ignores_ov_ca', 'cmpwi r4, 0', 0, None,
          'Only SO is copied: OV and CA do not show up in the field.', {'xer': OV | CA}),
        c('cmpdi_high_word_counts', 'cmpdi r4, 5', 0x100000005, None, '2^32 + 5 > 5: GT.'),
        c('cmpdi_minus_one', 'cmpdi r4, -1', NEG1, None, 'EQ.'),
        c('cmpdi_word_all_ones', 'cmpdi r4, -1', W, None,
          '0xFFFFFFFF is positive as a doubleword: GT.'),
        c('cmpdi_low_word_sign', 'cmpdi r4, 0', 0x80000000, None, 'Positive doubleword: GT.'),
        c('cmpdi_most_negative', 'cmpdi cr1, r4, 0', MIN64, None, 'LT in field 1.'),
        c('cmpdi_max', 'cmpdi cr6, r4, 32767', MAX64, None, 'GT in field 6.'),
        c('cmpdi_negative_immediate', 'cmpdi r4, -32768', n(-32769), None, '-32769 < -32768: LT.'),
        c('cmpw_equal_low_words', 'cmpw r4, r5', 0x0000000100000007, 0xFFFFFFFF00000007,
          'The low words are equal (7): EQ, whatever the high words.'),
        c('cmpw_signed', 'cmpw r4, r5', 0x80000000, 0x7FFFFFFF, '-2^31 < 2^31-1: LT.'),
        c('cmpw_minus_one_zero', 'cmpw r4, r5', W, 0, '-1 < 0: LT.'),
        c('cmpw_zero_minus_one', 'cmpw cr5, r4, r5', 0, NEG1, '0 > -1: GT in field 5.'),
        c('cmpw_greater', 'cmpw r4, r5', 0x7FFFFFFF, 0xFFFFFFFF80000000, 'GT.'),
        c('cmpd_equal', 'cmpd r4, r5', A, A, 'EQ.'),
        c('cmpd_signed', 'cmpd r4, r5', 0x80000000, 0x7FFFFFFF, 'Both positive: 2^31 > 2^31-1: GT.'),
        c('cmpd_high_words_differ', 'cmpd r4, r5', 0x0000000100000007, 0xFFFFFFFF00000007,
          'Same low words, but 2^32+7 > -(2^32)+7: GT.'),
        c('cmpd_min_max', 'cmpd cr4, r4, r5', MIN64, MAX64, 'LT in field 4.'),
        c('cmpd_minus_one_zero', 'cmpd r4, r5', NEG1, 0, 'LT.'),
        c('cmplwi_equal', 'cmplwi r4, 0x8000', 0x8000, None,
          'The immediate is zero-extended: 0x8000 = 0x8000, EQ.'),
        c('cmplwi_unsigned', 'cmplwi r4, 0xFFFF', W, None, '0xFFFFFFFF > 0xFFFF unsigned: GT.'),
        c('cmplwi_less', 'cmplwi r4, 1', 0, None, 'LT.'),
        c('cmplwi_ignores_high_word', 'cmplwi r4, 1', 0xFFFFFFFF00000001, None, 'EQ.'),
        c('cmplwi_cr7_so', 'cmplwi cr7, r4, 0', 0x80000000, None, 'GT | SO in field 7.', {'xer': SO}),
        c('cmpldi_high_word_counts', 'cmpldi r4, 1', 0xFFFFFFFF00000001, None, 'GT.'),
        c('cmpldi_all_ones', 'cmpldi r4, 0xFFFF', NEG1, None, '2^64-1 > 0xFFFF: GT.'),
        c('cmpldi_equal', 'cmpldi cr1, r4, 0x8000', 0x8000, None, 'EQ in field 1.'),
        c('cmpldi_less', 'cmpldi r4, 0xFFFF', 0xFFFE, None, 'LT.'),
        c('cmplw_unsigned', 'cmplw r4, r5', 0x80000000, 0x7FFFFFFF, '2^31 > 2^31-1 unsigned: GT.'),
        c('cmplw_all_ones', 'cmplw r4, r5', W, 0, 'GT (cmpw would say LT).'),
        c('cmplw_equal_low_words', 'cmplw r4, r5', 0x1234567800000009, 0x9, 'EQ.'),
        c('cmplw_less', 'cmplw cr3, r4, r5', 1, 0xFFFFFFFF, 'LT in field 3.'),
        c('cmpld_unsigned', 'cmpld r4, r5', NEG1, 0, 'GT.'),
        c('cmpld_min_max', 'cmpld r4, r5', MIN64, MAX64, '2^63 > 2^63-1 unsigned: GT.'),
        c('cmpld_high_words', 'cmpld r4, r5', 0x0000000100000000, 0x00000000FFFFFFFF, 'GT.'),
        c('cmpld_equal', 'cmpld cr6, r4, r5', NEG1, NEG1, 'EQ in field 6.'),
        c('cmpld_less', 'cmpld r4, r5', 0x00000000FFFFFFFF, 0x0000000100000000, 'LT.'),
        c('cmp_explicit_l0', 'cmp cr1, 0, r4, r5', 0x100000000, 0x200000000,
          'cmp with L=0 is cmpw: the low words are both 0, EQ.'),
        c('cmp_explicit_l1', 'cmp cr1, 1, r4, r5', 0x100000000, 0x200000000,
          'cmp with L=1 is cmpd: LT.'),
        c('cmpi_explicit_l1', 'cmpi cr2, 1, r4, -1', W, None, 'cmpdi: 0xFFFFFFFF > -1: GT.'),
        c('cmpl_explicit_l0', 'cmpl cr0, 0, r4, r5', 0x80000000, 1, 'cmplw: GT.'),
        c('cmpli_explicit_l1', 'cmpli cr7, 1, r4, 3', 0x100000000, None, 'cmpldi: GT.'),
        T('cmp_all_fields', 'cmpwi cr0, r4, 0; cmpwi cr1, r4, 1; cmpwi cr2, r4, 2; '
          'cmplw cr3, r4, r5; cmpw cr4, r4, r5; cmpd cr5, r5, r4; cmpld cr6, r5, r4; '
          'cmpldi cr7, r5, 0', {'r4': 1, 'r5': NEG1},
          'Eight compares fill all eight fields: GT, EQ, LT (1 vs 2), LT (1 <u 2^32-1), '
          'GT (1 > -1), LT (-1 < 1), GT, GT.'),
        c('cmpw_leaves_xer', 'cmpw r4, r5', 1, 2, 'XER unchanged.', {'xer': SO | OV | CA}),
    ]
    return write('integer_compare.s', """
cmp, cmpi, cmpl, cmpli in their word (L=0) and doubleword (L=1) forms: cmpw, cmpwi, cmplw,
cmplwi, cmpd, cmpdi, cmpld, cmpldi. The target field gets LT, GT, EQ and a copy of XER[SO].
""" + PROVENANCE_QEMU, t)


def logical():
    def b(name, code, a, bb, why, extra=None):
        ins = {'r4': a, 'r5': bb}
        ins.update(extra or {})
        return T(name, code, ins, why)

    t = [
        b('and_64bit', 'and r3, r4, r5', A, B, 'Bitwise AND of all 64 bits.'),
        b('and_rc_zero', 'and. r3, r4, r5', 0xF0F0F0F0F0F0F0F0, 0x0F0F0F0F0F0F0F0F, '0: EQ.'),
        b('and_rc_negative', 'and. r3, r4, r5', NEG1, MIN64, '0x8000...0: LT.'),
        b('and_rc_low_word_sign', 'and. r3, r4, r5', NEG1, 0x80000000,
          '0x8000_0000 is positive as a doubleword: GT.'),
        b('and_rc_so', 'and. r3, r4, r5', 0, 0, 'EQ | SO.', {'xer': SO}),
        b('andc_64bit', 'andc r3, r4, r5', A, B, 'RS & ~RB.'),
        b('andc_self_zero', 'andc. r3, r4, r4', A, 0, 'x & ~x = 0: EQ.'),
        b('andc_rc_negative', 'andc. r3, r4, r5', NEG1, MAX64, '~MAX = 0x8000...0: LT.'),
        b('or_64bit', 'or r3, r4, r5', A, B, 'RS | RB.'),
        b('or_rc_positive', 'or. r3, r4, r5', 0x100000000, 0x80000000, 'GT.'),
        b('or_rc_negative', 'or. r3, r4, r5', 1, MIN64, 'LT.'),
        b('or_rc_zero', 'or. r3, r4, r5', 0, 0, 'EQ.', {'cr': 0xFFFFFFFF}),
        b('orc_64bit', 'orc r3, r4, r5', A, B, 'RS | ~RB.'),
        b('orc_self_all_ones', 'orc. r3, r4, r4', A, 0, 'x | ~x = -1: LT.'),
        b('orc_rc_positive', 'orc. r3, r4, r5', 0, MIN64, '~0x8000...0 = 0x7FFF...F: GT.'),
        b('xor_64bit', 'xor r3, r4, r5', A, B, 'RS ^ RB.'),
        b('xor_self_zero', 'xor. r3, r4, r4', A, 0, 'x ^ x = 0: EQ.'),
        b('xor_rc_negative', 'xor. r3, r4, r5', MAX64, NEG1, 'LT.'),
        b('nand_64bit', 'nand r3, r4, r5', A, B, '~(RS & RB).'),
        b('nand_rc_zero', 'nand. r3, r4, r5', NEG1, NEG1, '~(-1) = 0: EQ.'),
        b('nand_rc_negative', 'nand. r3, r4, r5', 0, 0, '~0 = -1: LT.'),
        b('nor_64bit', 'nor r3, r4, r5', A, B, '~(RS | RB).'),
        b('nor_rc_positive', 'nor. r3, r4, r5', MIN64, 0, '~0x8000...0 = 0x7FFF...F: GT.'),
        b('nor_rc_zero', 'nor. r3, r4, r5', 0, NEG1, 'EQ.'),
        b('eqv_64bit', 'eqv r3, r4, r5', A, B, '~(RS ^ RB).'),
        b('eqv_self_all_ones', 'eqv. r3, r4, r4', A, 0, 'LT (-1).'),
        b('eqv_rc_zero', 'eqv. r3, r4, r5', A, n(~A), 'EQ.'),
        b('mr_copies_64_bits', 'mr r3, r4', A, 0, 'mr is or r3,r4,r4.'),
        b('mr_rc_negative', 'mr. r3, r4', NEG1, 0, 'LT.'),
        b('mr_rc_zero_so', 'mr. r3, r4', 0, 0, 'EQ | SO.', {'xer': SO}),
        b('not_64bit', 'not r3, r4', A, 0, 'not is nor r3,r4,r4.'),
        b('not_rc_zero', 'not. r3, r4', NEG1, 0, 'EQ.'),
        b('logical_leaves_xer', 'xor r3, r4, r5', A, B, 'XER unchanged.', {'xer': SO | OV | CA}),
        b('logical_same_register', 'and r4, r4, r5', A, B, 'RA may be RS.'),
    ]
    return write('integer_logical.s', """
and, andc, or, orc, xor, nand, nor, eqv and their . forms, and the extended forms mr and not.
(The `or rX,rX,rX` priority hints are in system_hints.s.)
""" + PROVENANCE_QEMU, t)


def logical_imm():
    def u(name, code, a, why, extra=None):
        ins = {'r4': a}
        ins.update(extra or {})
        return T(name, code, ins, why)

    t = [
        u('andi_masks', 'andi. r3, r4, 0xF0F0', A, 'The immediate is zero-extended: only bits 48-63 survive.'),
        u('andi_zero', 'andi. r3, r4, 0x00FF', 0xFF00, 'EQ.'),
        u('andi_never_negative', 'andi. r3, r4, 0x8000', NEG1,
          '0x8000 (not sign-extended): GT.'),
        u('andi_so', 'andi. r3, r4, 1', 1, 'GT | SO.', {'xer': SO}),
        u('andi_keeps_other_fields', 'andi. r3, r4, 0', NEG1, 'EQ in CR0 only.', {'cr': 0x0FFFFFFF}),
        u('andis_masks', 'andis. r3, r4, 0xFFFF', A, 'Keeps bits 32-47 only: 0x89AB_0000.'),
        u('andis_positive_doubleword', 'andis. r3, r4, 0x8000', NEG1,
          '0x8000 << 16 is not sign-extended: 0x0000_0000_8000_0000, GT.'),
        u('andis_zero', 'andis. r3, r4, 0xFFFF', 0xFFFFFFFF0000FFFF, 'EQ.'),
        u('ori_low_halfword', 'ori r3, r4, 0xFFFF', 0x1234567800000000, 'No sign extension.'),
        u('ori_keeps_cr', 'ori r3, r4, 0', 0, 'ori never records: CR unchanged.', {'cr': 0x12345678}),
        u('oris_not_sign_extended', 'oris r3, r4, 0x8000', 0, '0x0000_0000_8000_0000.'),
        u('oris_keeps_high_word', 'oris r3, r4, 0x1234', 0xABCDEF0000005678, 'RS high word passes.'),
        u('xori_flips_low_halfword', 'xori r3, r4, 0xFFFF', NEG1, '0xFFFF_FFFF_FFFF_0000.'),
        u('xori_zero', 'xori r3, r4, 0x1234', 0x1234, '0.'),
        u('xoris_flips', 'xoris r3, r4, 0xFFFF', NEG1, '0xFFFF_FFFF_0000_FFFF.'),
        u('xoris_not_sign_extended', 'xoris r3, r4, 0x8000', 0, '0x0000_0000_8000_0000.'),
        u('xoris_keeps_xer_cr', 'xoris r3, r4, 1', 0, 'No XER or CR change.',
          {'xer': SO | OV | CA, 'cr': 0x87654321}),
        T('nop_changes_nothing', 'nop', {'r0': A, 'r3': B, 'xer': SO | CA, 'cr': 0x12345678},
          'nop is ori 0,0,0: r0 keeps its value.', out=['r0', 'r3', 'xer', 'cr']),
        T('xnop_changes_nothing', 'xori r0, r0, 0', {'r0': A, 'xer': SO | OV, 'cr': 0x9ABCDEF0},
          'xori r0,r0,0 (xnop) changes nothing either.', out=['r0', 'xer', 'cr']),
    ]
    return write('integer_logical_imm.s', """
andi., andis. (both always record CR0), ori, oris, xori, xoris, nop and xnop. The immediates
are zero-extended, never sign-extended.
""" + PROVENANCE_QEMU, t)


def extend_count():
    def u(name, code, a, why, extra=None):
        ins = {'r4': a}
        ins.update(extra or {})
        return T(name, code, ins, why)

    t = [
        u('extsb_positive', 'extsb r3, r4', 0x7F, '0x7F.'),
        u('extsb_negative', 'extsb r3, r4', 0x80, '0xFFFF_FFFF_FFFF_FF80.'),
        u('extsb_ignores_upper_bits', 'extsb r3, r4', 0xFFFFFFFFFFFFFF7F, '0x7F.'),
        u('extsb_all_ones', 'extsb r3, r4', 0x12345678000000FF, '-1.'),
        u('extsb_rc_negative', 'extsb. r3, r4', 0xF0, 'LT.'),
        u('extsb_rc_zero', 'extsb. r3, r4', 0xFFFFFFFFFFFFFF00, 'EQ.'),
        u('extsb_rc_positive_so', 'extsb. r3, r4', 0x01, 'GT | SO.', {'xer': SO}),
        u('extsh_positive', 'extsh r3, r4', 0x7FFF, '0x7FFF.'),
        u('extsh_negative', 'extsh r3, r4', 0x8000, '0xFFFF_FFFF_FFFF_8000.'),
        u('extsh_ignores_upper_bits', 'extsh r3, r4', 0xFFFFFFFFFFFF1234, '0x1234.'),
        u('extsh_rc_negative', 'extsh. r3, r4', 0x0000000000008001, 'LT.'),
        u('extsh_rc_zero', 'extsh. r3, r4', 0xFFFF0000, 'EQ.'),
        u('extsw_positive', 'extsw r3, r4', 0x7FFFFFFF, '0x7FFFFFFF.'),
        u('extsw_negative', 'extsw r3, r4', 0x80000000, '0xFFFF_FFFF_8000_0000.'),
        u('extsw_clears_high_word', 'extsw r3, r4', 0xFFFFFFFF00000000, '0.'),
        u('extsw_replaces_high_word', 'extsw r3, r4', 0x123456789ABCDEF0, '0xFFFF_FFFF_9ABC_DEF0.'),
        u('extsw_rc_negative', 'extsw. r3, r4', 0x80000000, 'LT.'),
        u('extsw_rc_zero', 'extsw. r3, r4', 0x1234567800000000, 'EQ.'),
        u('extsw_rc_positive', 'extsw. r3, r4', 0xFFFFFFFF00000001, 'GT.'),
        u('extsw_same_register', 'extsw r4, r4', 0xFFFFFFFF, '-1.'),
        u('cntlzw_zero', 'cntlzw r3, r4', 0, '32.'),
        u('cntlzw_one', 'cntlzw r3, r4', 1, '31.'),
        u('cntlzw_top_bit', 'cntlzw r3, r4', 0x80000000, '0.'),
        u('cntlzw_ignores_high_word', 'cntlzw r3, r4', 0xFFFFFFFF00000000, 'Low word 0: 32.'),
        u('cntlzw_middle', 'cntlzw r3, r4', 0x00010000, '15.'),
        u('cntlzw_all_ones', 'cntlzw r3, r4', NEG1, '0.'),
        u('cntlzw_rc_zero_count', 'cntlzw. r3, r4', 0x80000000, 'Count 0: EQ.'),
        u('cntlzw_rc_positive', 'cntlzw. r3, r4', 0, 'Count 32: GT.'),
        u('cntlzd_zero', 'cntlzd r3, r4', 0, '64.'),
        u('cntlzd_one', 'cntlzd r3, r4', 1, '63.'),
        u('cntlzd_top_bit', 'cntlzd r3, r4', MIN64, '0.'),
        u('cntlzd_low_word', 'cntlzd r3, r4', W, '32.'),
        u('cntlzd_bit_32', 'cntlzd r3, r4', 0x100000000, '31.'),
        u('cntlzd_rc_zero_count', 'cntlzd. r3, r4', NEG1, 'EQ.'),
        u('cntlzd_rc_positive_so', 'cntlzd. r3, r4', 0, 'Count 64: GT | SO.', {'xer': SO}),
        u('cntlz_leaves_xer', 'cntlzd r3, r4', 0, 'XER unchanged.', {'xer': OV | CA}),
    ]
    return write('integer_extend_count.s', """
extsb, extsh, extsw, cntlzw, cntlzd and their . forms.
""" + PROVENANCE_QEMU, t)


def all_():
    return compare() + logical() + logical_imm() + extend_count()
