from gen import Test as T0, write
from model import XER_SO as SO, XER_OV as OV, XER_CA as CA

MAX64 = 0x7FFFFFFFFFFFFFFF
MIN64 = 0x8000000000000000
NEG1 = 0xFFFFFFFFFFFFFFFF
W = 0xFFFFFFFF


def T(*a, **k):
    return T0(*a, mode64=False, **k)


def all_():
    HW = 'The high word of RT is undefined; clrldi clears it. '
    t = [
        T('add_rc_low_word_zero', 'add. r3, r4, r5', {'r4': W, 'r5': 1},
          'RT gets the full 64-bit sum 0x1_0000_0000, but CR0 compares the low word, 0: EQ.'),
        T('add_rc_low_word_negative', 'add. r3, r4, r5', {'r4': 0x7FFFFFFF, 'r5': 1},
          '0x8000_0000 is negative as a word: LT.'),
        T('add_rc_ignores_high_word', 'add. r3, r4, r5', {'r4': MIN64, 'r5': 1},
          '0x8000_0000_0000_0001: low word 1, GT.'),
        T('addc_carry_out_of_bit_32', 'addc r3, r4, r5', {'r4': W, 'r5': 1},
          'CA is the carry out of bit 32: 0x1_0000_0000 with CA=1.'),
        T('addc_no_carry_from_high_word', 'addc r3, r4, r5', {'r4': 0xFFFFFFFF00000000,
                                                            'r5': 0x100000000},
          'The 64-bit sum carries out, the low words (0 + 0) do not: 0, CA=0.'),
        T('addo_word_overflow', 'addo r3, r4, r5', {'r4': 0x7FFFFFFF, 'r5': 1},
          'OV describes the low word: 2^31-1 + 1 overflows, OV=1, SO=1.'),
        T('addo_doubleword_overflow_ignored', 'addo r3, r4, r5', {'r4': MAX64, 'r5': 1},
          'Low words -1 + 1 = 0 do not overflow: OV=0 (the 64-bit sum would).'),
        T('addo_rc_word_overflow', 'addo. r3, r4, r5', {'r4': 0x7FFFFFFF, 'r5': 1},
          'Low word 0x8000_0000 < 0 with overflow: CR0 = LT | SO = 0x9.'),
        T('adde_word_carry', 'adde r3, r4, r5', {'r4': W, 'r5': 0, 'xer': CA},
          '0xFFFFFFFF + 0 + 1 = 0x1_0000_0000, CA=1 (bit 32 carries).'),
        T('addic_rc_word_sign', 'addic. r3, r4, 0', {'r4': 0x80000000},
          'LT (the low word is negative); no carry.'),
        T('addic_word_carry', 'addic r3, r4, 1', {'r4': W}, '0x1_0000_0000, CA=1.'),
        T('addme_word_carry', 'addme r3, r4', {'r4': 1},
          '1 + 0 + 0xFFFF...F: the low words 1 + 0xFFFFFFFF carry: 0, CA=1.'),
        T('addme_word_no_carry', 'addme r3, r4', {'r4': 0x100000000},
          '0x1_0000_0000 - 1 = 0xFFFFFFFF; the low words 0 + 0xFFFFFFFF do not carry: CA=0.'),
        T('addze_word_carry', 'addze r3, r4', {'r4': W, 'xer': CA}, '0x1_0000_0000, CA=1.'),
        T('subfc_word_borrow', 'subfc r3, r4, r5', {'r4': 1, 'r5': 0x100000000},
          '0x1_0000_0000 - 1 = 0xFFFFFFFF; the low words borrow: CA=0.'),
        T('subfc_word_no_borrow', 'subfc r3, r4, r5', {'r4': 0x100000000, 'r5': 1},
          '1 - 0x1_0000_0000 = 0xFFFF_FFFF_0000_0001; low words 1 - 0 do not borrow: CA=1.'),
        T('subfic_word_carry', 'subfic r3, r4, 0', {'r4': 0x100000000},
          '0 - 2^32 = 0xFFFF_FFFF_0000_0000; the low word of ~RA + 1 carries: CA=1.'),
        T('subfo_word_overflow', 'subfo r3, r4, r5', {'r4': 1, 'r5': 0x80000000},
          'Low words: -2^31 - 1 overflows: OV=1, SO=1; RT = 0x7FFFFFFF.'),
        T('subf_rc_word', 'subf. r3, r4, r5', {'r4': 1, 'r5': 0x100000000},
          '0xFFFFFFFF: negative as a word, LT.'),
        T('nego_word_minimum', 'nego r3, r4', {'r4': 0x80000000},
          '-(-2^31) overflows as a word: OV=1, SO=1; RT = 0xFFFF_FFFF_8000_0000.'),
        T('nego_doubleword_minimum', 'nego r3, r4', {'r4': MIN64},
          'The low word 0 negates to 0: OV=0.'),
        T('subfze_word_carry', 'subfze r3, r4', {'r4': 0xFFFFFFFF00000000, 'xer': CA},
          '~RA + 1 = 0x1_0000_0000; the low word 0xFFFFFFFF + 1 carries: CA=1.'),
        T('subfme_word_no_carry', 'subfme r3, r4', {'r4': W},
          '~RA + 0 - 1: low words 0 + 0xFFFFFFFF do not carry: CA=0.'),
        T('mullw_rc_word', 'mullw. r3, r4, r5', {'r4': 0x10000, 'r5': 0x10000},
          'RT = 2^32, but CR0 compares its low word, 0: EQ.'),
        T('mulhw_rc_word', 'mulhw. r3, r4, r5; clrldi r3, r3, 32', {'r4': W, 'r5': 1},
          HW + 'In 32-bit mode CR0 is defined: the high word of -1 * 1 is 0xFFFFFFFF, LT.'),
        T('mulhwu_rc_word', 'mulhwu. r3, r4, r5; clrldi r3, r3, 32', {'r4': W, 'r5': W},
          HW + '0xFFFFFFFE: LT.'),
        T('divw_rc_word', 'divw. r3, r4, r5; clrldi r3, r3, 32', {'r4': (-7) & NEG1, 'r5': 2},
          HW + '-7 / 2 = -3: LT (CR0 is defined in 32-bit mode).'),
        T('divwu_rc_word', 'divwu. r3, r4, r5; clrldi r3, r3, 32', {'r4': 0x80000000, 'r5': 1},
          HW + '0x80000000: negative as a word, LT.'),
        T('divwo_rc_word', 'divwo. r3, r4, r5; clrldi r3, r3, 32', {'r4': 9, 'r5': 3, 'xer': SO},
          HW + '3: GT | SO, OV=0.'),
        T('mulldo_mode32', 'mulldo r3, r4, r5', {'r4': 0x100000000, 'r5': 0x100000000},
          'mulld judges overflow on 64 bits in either mode: OV=1, SO=1.'),
        T('mullwo_mode32', 'mullwo r3, r4, r5', {'r4': 0x10000, 'r5': 0x8000},
          'mullw judges overflow on 32 bits in either mode: OV=1.'),
        T('cmpd_mode32', 'cmpd r4, r5; cmpw cr1, r4, r5', {'r4': 0x100000000, 'r5': 0},
          'L=1 compares doublewords in either mode: GT; cmpw sees equal low words: EQ.'),
        T('and_rc_word', 'and. r3, r4, r5', {'r4': NEG1, 'r5': 0x80000000}, 'LT.'),
        T('or_rc_word_zero', 'or. r3, r4, r5', {'r4': 0x100000000, 'r5': 0}, 'EQ.'),
        T('extsw_rc_word', 'extsw. r3, r4', {'r4': 0x80000000}, 'LT.'),
        T('rlwinm_rc_wrap_word', 'rlwinm. r3, r4, 0, 31, 0', {'r4': 0x7FFFFFFE},
          'MASK(63,32): RT = 0x7FFFFFFE_00000000, whose low word is 0: EQ.'),
        T('srw_rc_word', 'srw. r3, r4, r5', {'r4': 0x80000000, 'r5': 0}, 'LT.'),
        T('sld_rc_word', 'sld. r3, r4, r5', {'r4': 1, 'r5': 32}, '2^32: low word 0, EQ.'),
        T('sraw_rc_word', 'sraw. r3, r4, r5', {'r4': 0xFFFFFFF9, 'r5': 1},
          '-7 >> 1 = -4, CA=1: LT.'),
        T('srad_mode32_carry', 'srad r3, r4, r5', {'r4': 0xFFFFFFFF00000000, 'r5': 4},
          'srad works on the doubleword in either mode: CA=0 (only 0-bits lost).'),
        T('cntlzd_rc_mode32', 'cntlzd. r3, r4', {'r4': 0}, '64: GT.'),
        T('addeo_word_overflow', 'addeo r3, r4, r5', {'r4': 0x7FFFFFFF, 'r5': 0, 'xer': CA},
          '0x7FFFFFFF + 0 + 1: the word overflows (OV=1, SO=1), no carry out of bit 32 (CA=0).'),
        T('addzeo_word_overflow', 'addzeo r3, r4', {'r4': 0x7FFFFFFF, 'xer': CA},
          '0x7FFFFFFF + 1 overflows the word: OV=1, SO=1, CA=0.'),
        T('addmeo_word_overflow', 'addmeo r3, r4', {'r4': 0x80000000},
          '-2^31 - 1 overflows the word: 0x7FFFFFFF, OV=1, SO=1; 0x80000000 + 0xFFFFFFFF carries: '
          'CA=1.'),
        T('subfe_word_borrow', 'subfe r3, r4, r5', {'r4': 0, 'r5': 0x100000000},
          '0x1_0000_0000 - 0 - 1 = 0xFFFFFFFF; the low words borrow (0xFFFFFFFF + 0 + 0 does not '
          'carry): CA=0.'),
        T('subfmeo_word_overflow', 'subfmeo r3, r4', {'r4': 0x7FFFFFFF},
          '~RA = 0xFFFF_FFFF_8000_0000; minus 1 gives 0xFFFF_FFFF_7FFF_FFFF: the word -2^31 - 1 '
          'overflows (OV=1, SO=1) and 0x80000000 + 0xFFFFFFFF carries (CA=1).'),
        T('subfzeo_word_overflow', 'subfzeo r3, r4', {'r4': 0x80000000, 'xer': CA},
          '~RA + 1 = 0xFFFF_FFFF_8000_0000: the word 2^31 does not fit (OV=1, SO=1); '
          '0x7FFFFFFF + 1 does not carry (CA=0).'),
        T('addic_word_no_carry', 'addic r3, r4, -1', {'r4': 0x100000000},
          '0x1_0000_0000 - 1 = 0xFFFFFFFF: the low words 0 + 0xFFFFFFFF do not carry, CA=0 '
          '(64-bit mode would carry).'),
        T('neg_rc_word', 'neg. r3, r4', {'r4': 0xFFFFFFFF00000001},
          '0x00000000_FFFFFFFF: positive as a doubleword but -1 as a word: LT.'),
        T('divd_rc_word', 'divd. r3, r4, r5', {'r4': 0x200000000, 'r5': 2},
          '2^32: CR0 compares the low word, 0: EQ.'),
        T('mulld_rc_word', 'mulld. r3, r4, r5', {'r4': 0x10000, 'r5': 0x18000},
          '0x1_8000_0000: the low word 0x80000000 is negative: LT.'),
        T('rotldi_rc_word', 'rotldi. r3, r4, 32', {'r4': 0x8000000000000001},
          '0x00000001_80000000: LT as a word.'),
        T('xor_rc_word', 'xor. r3, r4, r5', {'r4': NEG1, 'r5': W}, '0xFFFFFFFF_00000000: EQ.'),
        T('addi_mode32_full_width', 'addi r3, r4, 1', {'r4': W},
          'Results keep all 64 bits in 32-bit mode: 0x1_0000_0000.'),
    ]
    return write('integer_mode32.s', """
Integer instructions in 32-bit mode (MSR[SF]=0): CA is the carry out of bit 32, OV describes the
low word, and CR0 compares the low word as a signed 32-bit value; results are still computed
and written with all 64 bits. (mulld and mullw judge OV the same way in both modes; compares
with L=1 and the doubleword shifts are unaffected.)

qemu-ppc64's user mode cannot run 32-bit mode, so these tests are skipped there: their expected
values are derived from the PowerPC ISA, Book I alone.
""", t)
