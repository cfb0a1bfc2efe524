from gen import Test as T, write, PROVENANCE_QEMU
from model import XER_SO as SO, XER_OV as OV, XER_CA as CA

MAX64 = 0x7FFFFFFFFFFFFFFF
MIN64 = 0x8000000000000000
NEG1 = 0xFFFFFFFFFFFFFFFF
W = 0xFFFFFFFF
S = 0x0123456789ABCDEF   # low word 0x89ABCDEF (negative as a word)
P = 0xFEDCBA9876543210   # negative doubleword, low word 0x76543210 (positive as a word)


def n(x):
    return x & NEG1


ROT_NOTE = """
The 32-bit rotates rotate the low word and present it doubled (ROTL32(x) = ROTL64(x||x)) under
MASK(MB+32, ME+32); when MB > ME that mask wraps around into the high word, which then
receives a copy of the rotated word. RS's high word never matters.
"""


def rotate32():
    def r(name, code, why, ins=None):
        i = {'r4': S}
        i.update(ins or {})
        return T(name, code, i, why)

    t = [
        r('rotlwi_zero', 'rotlwi r3, r4, 0',
          'rlwinm r3,r4,0,0,31: the low word zero-extended, 0x89ABCDEF.'),
        r('rotlwi_8', 'rotlwi r3, r4, 8', '0x89ABCDEF rotated left 8: 0xABCDEF89.'),
        r('rotlwi_31', 'rotlwi r3, r4, 31', 'Rotate left 31 = right 1: 0xC4D5E6F7.'),
        r('rotrwi_4', 'rotrwi r3, r4, 4', 'rlwinm r3,r4,28,0,31: 0xF89ABCDE.'),
        r('rlwinm_single_bit_lsb', 'rlwinm r3, r4, 1, 31, 31',
          'Bit 32 (the word sign, 1) rotated to bit 63: 1.'),
        r('rlwinm_single_bit_msb', 'rlwinm r3, r4, 0, 0, 0', 'MASK(32,32): 0x80000000.'),
        r('rlwinm_middle_field', 'rlwinm r3, r4, 0, 8, 15', 'MASK(40,47): 0x00AB0000.'),
        r('rlwinm_wrap_mask', 'rlwinm r3, r4, 0, 28, 3',
          'MASK(60,35) wraps: bits 0-35 and 60-63 = 0xFFFFFFFF_F000000F, applied to '
          '0x89ABCDEF_89ABCDEF: 0x89ABCDEF_8000000F.'),
        r('rlwinm_wrap_full', 'rlwinm r3, r4, 4, 1, 0',
          'MB = ME+1: MASK(33,32) is all 64 bits, so RA = the rotated word doubled, '
          '0x9ABCDEF8_9ABCDEF8.'),
        r('rlwinm_wrap_31_0', 'rlwinm r3, r4, 0, 31, 0',
          'MASK(63,32) = 0xFFFFFFFF_80000001: 0x89ABCDEF_80000001.'),
        r('rlwinm_wrap_all_ones', 'rlwinm r3, r4, 0, 16, 15',
          'Full wrap mask with RS = -1: -1.', {'r4': W}),
        r('slwi_1', 'slwi r3, r4, 1', 'rlwinm r3,r4,1,0,30: 0x13579BDE, high word 0.'),
        r('slwi_16', 'slwi r3, r4, 16', '0xCDEF0000.'),
        r('slwi_31', 'slwi r3, r4, 31', '0x80000000.'),
        r('srwi_1', 'srwi r3, r4, 1', 'rlwinm r3,r4,31,1,31: 0x44D5E6F7.'),
        r('srwi_16', 'srwi r3, r4, 16', '0x89AB.'),
        r('srwi_31', 'srwi r3, r4, 31', '1.'),
        r('clrlwi_1', 'clrlwi r3, r4, 1', 'rlwinm r3,r4,0,1,31: 0x09ABCDEF.'),
        r('clrlwi_16', 'clrlwi r3, r4, 16', '0xCDEF.'),
        r('clrlwi_31', 'clrlwi r3, r4, 31', '1.'),
        r('clrrwi_1', 'clrrwi r3, r4, 1', 'rlwinm r3,r4,0,0,30: 0x89ABCDEE.'),
        r('clrrwi_16', 'clrrwi r3, r4, 16', '0x89AB0000.'),
        r('clrrwi_31', 'clrrwi r3, r4, 31', '0x80000000.'),
        r('extlwi_8_8', 'extlwi r3, r4, 8, 8', 'rlwinm r3,r4,8,0,7: 0xAB000000.'),
        r('extrwi_8_8', 'extrwi r3, r4, 8, 8', 'rlwinm r3,r4,16,24,31: 0xAB.'),
        r('clrlslwi_24_4', 'clrlslwi r3, r4, 24, 4', 'rlwinm r3,r4,4,20,27: 0xEF0.'),
        r('rlwinm_rc_word_sign_positive', 'rlwinm. r3, r4, 0, 0, 31',
          '0x00000000_89ABCDEF is positive as a doubleword: GT.'),
        r('rlwinm_rc_wrap_negative', 'rlwinm. r3, r4, 0, 31, 0',
          'The wrap mask puts 0x89ABCDEF in the high word: negative, LT.'),
        r('rlwinm_rc_zero', 'rlwinm. r3, r4, 0, 20, 23', 'Bits 52-55 of 0x...CDEF are 0xC... '
          'no: MASK(52,55) selects 0xC of 0xCDEF? It selects nibble 0x0C00 -> nonzero.'),
        r('rlwinm_rc_so', 'rlwinm. r3, r4, 0, 0, 31', 'Zero word: EQ | SO.', {'r4': 0xFFFFFFFF00000000, 'xer': SO}),
        r('rlwinm_same_register', 'rlwinm r4, r4, 16, 0, 31', 'RA = RS: 0xCDEF89AB.'),
        r('rotlw_8', 'rotlw r3, r4, r5', 'rlwnm r3,r4,r5,0,31 with RB = 8: 0xABCDEF89.', {'r5': 8}),
        r('rotlw_uses_five_bits', 'rotlw r3, r4, r5', 'RB = 40: only RB[59:63] = 8 counts.',
          {'r5': 40}),
        r('rotlw_high_bits_ignored', 'rotlw r3, r4, r5', 'RB = 0xFFFF...E0: count 0.',
          {'r5': 0xFFFFFFFFFFFFFFE0}),
        r('rotlw_31', 'rotlw r3, r4, r5', '0xC4D5E6F7.', {'r5': 31}),
        r('rlwnm_field', 'rlwnm r3, r4, r5, 24, 31', 'Rotate 8 and keep the low byte: 0x89.',
          {'r5': 8}),
        r('rlwnm_wrap_mask', 'rlwnm r3, r4, r5, 16, 15', 'Full wrap: 0xABCDEF89_ABCDEF89.',
          {'r5': 8}),
        r('rlwnm_rc_negative', 'rlwnm. r3, r4, r5, 8, 7', 'Full wrap, high word 0x89ABCDEF: LT.',
          {'r5': 0}),
        r('rlwnm_rc_positive', 'rlwnm. r3, r4, r5, 0, 3', 'Rotated 4: 0x9ABCDEF8; MASK(32,35) keeps 0x90000000, positive as a doubleword: GT.',
          {'r5': 4}),
        r('rlwimi_low_byte', 'rlwimi r3, r4, 0, 24, 31',
          'Insert the low byte 0xEF into RA = -1: bits outside the mask, including the whole high '
          'word, keep RA: 0xFFFF_FFFF_FFFF_FFEF.', {'r3': NEG1}),
        r('rlwimi_full_word_keeps_high_word', 'rlwimi r3, r4, 0, 0, 31',
          'MASK(32,63): the low word is replaced, RA\'s high word stays: 0xAAAAAAAA_89ABCDEF.',
          {'r3': 0xAAAAAAAAAAAAAAAA}),
        r('rlwimi_rotated', 'rlwimi r3, r4, 8, 0, 7', 'Rotate 8 (0xABCDEF89), insert bits 32-39: '
          '0xAB000000.', {'r3': 0}),
        r('inslwi_8_16', 'inslwi r3, r4, 8, 16',
          'rlwimi r3,r4,16,16,23: the leftmost byte of the word (0x89) goes to bits 48-55.', {'r3': 0x1111111111111111}),
        r('insrwi_8_24', 'insrwi r3, r4, 8, 24', 'rlwimi r3,r4,0,24,31.', {'r3': 0}),
        r('insrwi_4_0', 'insrwi r3, r4, 4, 0', 'rlwimi r3,r4,28,0,3: the low nibble 0xF goes to '
          'bits 32-35.', {'r3': 0}),
        r('rlwimi_wrap_mask', 'rlwimi r3, r4, 0, 28, 3',
          'Wrap mask 0xFFFFFFFF_F000000F: 0x89ABCDEF_8FFFFFFF (RA = -1 fills the gap).',
          {'r3': NEG1}),
        r('rlwimi_wrap_full', 'rlwimi r3, r4, 0, 1, 0',
          'All 64 bits come from the doubled word: 0x89ABCDEF_89ABCDEF.', {'r3': 0x5555555555555555}),
        r('rlwimi_rc_negative', 'rlwimi. r3, r4, 0, 0, 31',
          'RA keeps its high word 0xFFFFFFFF: negative, LT.', {'r3': NEG1, 'r4': 0}),
        r('rlwimi_rc_zero', 'rlwimi. r3, r4, 0, 0, 31', 'EQ.', {'r3': 0x12345678, 'r4': 0}),
        r('rlwimi_same_register', 'rlwimi r4, r4, 16, 0, 15',
          'RA = RS: the low halfword moves to the high halfword of the word: 0x01234567_CDEFCDEF.'),
        r('rotate32_leaves_xer', 'rlwinm r3, r4, 0, 28, 3', 'XER unchanged.', {'xer': SO | OV | CA}),
    ]
    # Fix the one placeholder comment above by reasoning it out here instead.
    for x in t:
        if x.name == 'rlwinm_rc_zero':
            x.code = ['rlwinm. r3, r4, 0, 24, 27']
            x.ins = {'r4': 0xFFFFFFFFFFFFFF0F}
            x.why = 'MASK(56,59) selects 0x0F0 of a word whose bits 56-59 are 0: 0, EQ.'
    return write('integer_rotate32.s', """
rlwinm, rlwnm, rlwimi, their . forms and extended forms (rotlwi, rotrwi, rotlw, slwi, srwi,
clrlwi, clrrwi, extlwi, extrwi, clrlslwi, inslwi, insrwi), with every mask shape: full word,
single bit, inner field, and wrap-around masks (MB > ME).
""" + ROT_NOTE + PROVENANCE_QEMU, t)


def rotate64():
    def r(name, code, why, ins=None):
        i = {'r4': S}
        i.update(ins or {})
        return T(name, code, i, why)

    t = [
        r('rotldi_zero', 'rotldi r3, r4, 0', 'rldicl r3,r4,0,0: identity.'),
        r('rotldi_4', 'rotldi r3, r4, 4', '0x12345678_9ABCDEF0.'),
        r('rotldi_32', 'rotldi r3, r4, 32', 'Swaps the words: 0x89ABCDEF_01234567.'),
        r('rotldi_63', 'rotldi r3, r4, 63', 'Rotate right 1: 0x8091A2B3_C4D5E6F7.'),
        r('rotrdi_8', 'rotrdi r3, r4, 8', 'rldicl r3,r4,56,0: 0xEF012345_6789ABCD.'),
        r('srdi_1', 'srdi r3, r4, 1', 'rldicl r3,r4,63,1: 0x0091A2B3_C4D5E6F7.'),
        r('srdi_32', 'srdi r3, r4, 32', '0x01234567.'),
        r('srdi_63', 'srdi r3, r4, 63', '1.', {'r4': NEG1}),
        r('clrldi_1', 'clrldi r3, r4, 1', 'rldicl r3,r4,0,1: 0x7FFF...F.', {'r4': NEG1}),
        r('clrldi_32', 'clrldi r3, r4, 32', '0x89ABCDEF.'),
        r('clrldi_63', 'clrldi r3, r4, 63', '1.'),
        r('extrdi_8_8', 'extrdi r3, r4, 8, 8', 'rldicl r3,r4,16,56: 0x23.'),
        r('rldicl_general', 'rldicl r3, r4, 8, 16', 'ROTL 8 = 0x23456789_ABCDEF01 under MASK(16,63): '
          '0x00006789_ABCDEF01.'),
        r('rldicl_rc_negative', 'rldicl. r3, r4, 63, 0', 'Bit 63 (1) rotates to the sign: LT.'),
        r('rldicl_rc_zero', 'rldicl. r3, r4, 0, 60', 'Low nibble 0xF... of 0x...F0 is 0: EQ.',
          {'r4': 0xF0}),
        r('rldicl_rc_positive_so', 'rldicl. r3, r4, 0, 1', 'GT | SO.', {'xer': SO}),
        r('sldi_1', 'sldi r3, r4, 1', 'rldicr r3,r4,1,62: 0x02468ACF_13579BDE.'),
        r('sldi_32', 'sldi r3, r4, 32', '0x89ABCDEF_00000000.'),
        r('sldi_63', 'sldi r3, r4, 63', '0x8000...0.'),
        r('clrrdi_1', 'clrrdi r3, r4, 1', 'rldicr r3,r4,0,62: 0x01234567_89ABCDEE.'),
        r('clrrdi_32', 'clrrdi r3, r4, 32', '0x01234567_00000000.'),
        r('clrrdi_63', 'clrrdi r3, r4, 63', '0x8000...0.', {'r4': NEG1}),
        r('extldi_8_8', 'extldi r3, r4, 8, 8', 'rldicr r3,r4,8,7: 0x23000000_00000000.'),
        r('rldicr_identity', 'rldicr r3, r4, 0, 63', 'MASK(0,63): identity.'),
        r('rldicr_general', 'rldicr r3, r4, 60, 15', 'ROTL 60 = 0xF0123456_789ABCDE under MASK(0,15): '
          '0xF0120000_00000000.'),
        r('rldicr_rc_negative', 'rldicr. r3, r4, 32, 31', '0x89ABCDEF_00000000: LT.'),
        r('rldicr_rc_zero', 'rldicr. r3, r4, 0, 6', 'The top 7 bits of 0x0123... are 0: EQ.'),
        r('rldic_identity', 'rldic r3, r4, 0, 0', 'MASK(0,63): identity.'),
        r('clrlsldi_32_4', 'clrlsldi r3, r4, 32, 4',
          'rldic r3,r4,4,28: the low word shifted left 4: 0x00000008_9ABCDEF0.'),
        r('rldic_8_8', 'rldic r3, r4, 8, 8', 'ROTL 8 under MASK(8,55): 0x00456789_ABCDEF00.'),
        r('rldic_wrap_mask', 'rldic r3, r4, 8, 60',
          'MASK(60,55) wraps: every bit but 56-59 = 0xFFFF...FF0F.', {'r4': NEG1}),
        r('rldic_wrap_rotated', 'rldic r3, r4, 4, 62',
          'ROTL 4 = 0x12345678_9ABCDEF0 under MASK(62,59) (all but bits 60-61).'),
        r('rldic_63_0', 'rldic r3, r4, 63, 0', 'MASK(0,0): bit 63 of RS rotated to bit 0: 0x8000...0.'),
        r('rldic_high_fields', 'rldic r3, r4, 36, 40',
          'SH and MB both above 31: ROTL 36 = 0x9ABCDEF0_12345678 under MASK(40,27), which wraps '
          '(40 > 63-36): every bit but 28-39.'),
        r('rldic_rc_negative', 'rldic. r3, r4, 32, 0', 'MASK(0,31): 0x89ABCDEF_00000000, LT.'),
        r('rldic_rc_positive', 'rldic. r3, r4, 60, 2', 'MASK(2,3) of ROTL 60 = 0xF0123456...: bits 2-3 '
          'are 1 (0xF0): nonzero.', {'r4': 0x0F}),
        r('insrdi_8_8', 'insrdi r3, r4, 8, 8', 'rldimi r3,r4,48,8: RS\'s low byte 0xEF goes to bits '
          '8-15 of RA = -1... with RA = 0: 0x00EF0000_00000000.', {'r3': 0}),
        r('insrdi_32_0', 'insrdi r3, r4, 32, 0', 'rldimi r3,r4,32,0: RS\'s low word replaces RA\'s '
          'high word: 0x89ABCDEF_AAAAAAAA.', {'r3': 0xAAAAAAAAAAAAAAAA}),
        r('rldimi_full', 'rldimi r3, r4, 0, 0', 'MASK(0,63): RA = RS.', {'r3': NEG1}),
        r('rldimi_low_field', 'rldimi r3, r4, 0, 48', 'MASK(48,63): low halfword from RS.',
          {'r3': NEG1}),
        r('rldimi_wrap_mask', 'rldimi r3, r4, 16, 56',
          'MASK(56,47) wraps: bits 48-55 keep RA (0x55), all others are ROTL 16 of RS.',
          {'r3': 0x5555555555555555}),
        r('rldimi_wrap_zero_source', 'rldimi r3, r4, 8, 60',
          'MASK(60,55) from RS = 0; RA = -1 keeps only bits 56-59: 0xF0.', {'r3': NEG1, 'r4': 0}),
        r('rldimi_high_fields_wrap', 'rldimi r3, r4, 48, 40',
          'MASK(40,15) wraps: bits 16-39 keep RA (0x55), the rest is ROTL 48 of RS = '
          '0xCDEF0123_456789AB.', {'r3': 0x5555555555555555}),
        r('rldcl_high_mb', 'rldcl r3, r4, r5, 33', 'ROTL 40 = 0xABCDEF01_23456789 under MASK(33,63): 0x23456789.',
          {'r5': 40}),
        r('rldimi_rc_negative', 'rldimi. r3, r4, 32, 0', 'High word 0x89ABCDEF: LT.', {'r3': 1}),
        r('rldimi_rc_zero', 'rldimi. r3, r4, 0, 0', 'EQ.', {'r3': NEG1, 'r4': 0}),
        r('rotld_4', 'rotld r3, r4, r5', 'rldcl r3,r4,r5,0 with RB = 4.', {'r5': 4}),
        r('rotld_uses_six_bits', 'rotld r3, r4, r5', 'RB = 68: only RB[58:63] = 4 counts.',
          {'r5': 68}),
        r('rotld_63', 'rotld r3, r4, r5', 'RB = -1: count 63.', {'r5': NEG1}),
        r('rotld_64_is_zero', 'rotld r3, r4, r5', 'RB = 64: count 0.', {'r5': 64}),
        r('rldcl_mask', 'rldcl r3, r4, r5, 32', 'ROTL 8 under MASK(32,63): 0xABCDEF01.', {'r5': 8}),
        r('rldcl_rc_negative', 'rldcl. r3, r4, r5, 0', 'ROTL 32 = 0x89ABCDEF_01234567: LT.',
          {'r5': 32}),
        r('rldcl_rc_zero', 'rldcl. r3, r4, r5, 63', 'Bit 63 after ROTL 1 = old bit 0 = 0: EQ.',
          {'r5': 1}),
        r('rldcr_mask', 'rldcr r3, r4, r5, 31', 'ROTL 8 under MASK(0,31): 0x23456789_00000000.',
          {'r5': 8}),
        r('rldcr_identity', 'rldcr r3, r4, r5, 63', 'Count 0, MASK(0,63): identity.', {'r5': 0}),
        r('rldcr_uses_six_bits', 'rldcr r3, r4, r5, 63', 'RB = 0xFFFF...C4: count 4.',
          {'r5': 0xFFFFFFFFFFFFFFC4}),
        r('rldcr_rc_negative', 'rldcr. r3, r4, r5, 0', 'ROTL 63: bit 0 = old bit 63 = 1: LT.',
          {'r5': 63}),
        r('rldcr_rc_zero', 'rldcr. r3, r4, r5, 6', 'Top 7 bits 0: EQ.', {'r5': 0}),
        r('rotate64_leaves_xer', 'rldimi r3, r4, 16, 56', 'XER unchanged.',
          {'r3': 0, 'xer': SO | OV | CA}),
    ]
    fix = {
        'rldicl_rc_zero': 'Bits 60-63 of 0xF0 are 0: EQ.',
        'rldic_rc_positive': 'ROTL 60 of 0xF = 0xF000...0; MASK(2,3) selects bits 2-3, which are 1: '
                         'nonzero, GT.',
        'insrdi_8_8': 'rldimi r3,r4,48,8: RS\'s low byte 0xEF goes to bits 8-15: '
                      '0x00EF0000_00000000.',
    }
    for x in t:
        if x.name in fix:
            x.why = fix[x.name]
    return write('integer_rotate64.s', """
rldicl, rldicr, rldic, rldimi, rldcl, rldcr, their . forms and extended forms (rotldi, rotrdi,
rotld, srdi, sldi, clrldi, clrrdi, extldi, extrdi, clrlsldi, insrdi). rldic and rldimi use
MASK(MB, 63-SH), which wraps around when MB > 63-SH.
""" + PROVENANCE_QEMU, t)


def shift32():
    def s(name, code, why, rs=S, rb=None, extra=None):
        i = {'r4': rs}
        if rb is not None:
            i['r5'] = rb
        i.update(extra or {})
        return T(name, code, i, why)

    t = [
        s('slw_0', 'slw r3, r4, r5', 'Count 0: the low word, zero-extended: 0x89ABCDEF.', rb=0),
        s('slw_1', 'slw r3, r4, r5', '0x13579BDE (the carried-out bit is lost, high word 0).', rb=1),
        s('slw_31', 'slw r3, r4, r5', '0x80000000.', rb=31),
        s('slw_32', 'slw r3, r4, r5', 'RB[58] = 1: 0.', rb=32),
        s('slw_63', 'slw r3, r4, r5', '0.', rb=63),
        s('slw_64_is_zero_count', 'slw r3, r4, r5', 'Only RB[58:63] counts: 64 is a count of 0.',
          rb=64),
        s('slw_high_rb_bits', 'slw r3, r4, r5', 'RB = 0xFFFF...84: RB[58:63] = 4: 0x9ABCDEF0.',
          rb=0xFFFFFFFFFFFFFF84),
        s('slw_rc_word_sign', 'slw. r3, r4, r5', '1 << 31 = 0x00000000_80000000: GT.', rs=1, rb=31),
        s('slw_rc_zero', 'slw. r3, r4, r5', 'EQ | SO.', rs=NEG1, rb=32, extra={'xer': SO}),
        s('srw_0', 'srw r3, r4, r5', '0x89ABCDEF.', rb=0),
        s('srw_1', 'srw r3, r4, r5', '0x44D5E6F7 (logical: no sign).', rb=1),
        s('srw_31', 'srw r3, r4, r5', '1.', rb=31),
        s('srw_32', 'srw r3, r4, r5', '0.', rb=32),
        s('srw_63', 'srw r3, r4, r5', '0.', rb=63),
        s('srw_64_is_zero_count', 'srw r3, r4, r5', '0x89ABCDEF.', rb=64),
        s('srw_ignores_high_word', 'srw r3, r4, r5', 'RS = -1: 0xFFFFFFFF >> 4 = 0x0FFFFFFF.',
          rs=NEG1, rb=4),
        s('srw_rc_positive', 'srw. r3, r4, r5', 'GT.', rb=4),
        s('srw_rc_zero', 'srw. r3, r4, r5', 'EQ.', rs=0xFFFFFFFF00000000, rb=0),
        s('sraw_0_negative', 'sraw r3, r4, r5', 'Count 0: the word sign-extended, CA=0.', rb=0,
          extra={'xer': CA}),
        s('sraw_4_negative_lost_ones', 'sraw r3, r4, r5',
          '0x89ABCDEF >> 4 = 0xF89ABCDE sign-extended; 1-bits shifted out of a negative word: CA=1.',
          rb=4),
        s('sraw_negative_exact', 'sraw r3, r4, r5', '-8 >> 2 = -2, only 0-bits lost: CA=0.',
          rs=0xFFFFFFF8, rb=2),
        s('sraw_negative_inexact', 'sraw r3, r4, r5', '-7 >> 1 = -4, CA=1.', rs=0xFFFFFFF9, rb=1),
        s('sraw_positive_clears_ca', 'sraw r3, r4, r5', '7 >> 1 = 3: positive, CA=0.', rs=7, rb=1,
          extra={'xer': CA}),
        s('sraw_31_min', 'sraw r3, r4, r5', '0x80000000 >> 31 = -1; the lost bits are 0: CA=0.',
          rs=0x80000000, rb=31),
        s('sraw_31_lost_one', 'sraw r3, r4, r5', '0x80000001 >> 31 = -1, CA=1.', rs=0x80000001,
          rb=31),
        s('sraw_32_negative', 'sraw r3, r4, r5', 'RB[58] = 1: all sign bits, -1, CA=1.', rb=32),
        s('sraw_32_positive', 'sraw r3, r4, r5', '0, CA=0.', rs=0x7FFFFFFF, rb=32),
        s('sraw_63_negative', 'sraw r3, r4, r5', '-1, CA=1.', rs=0x80000000, rb=63),
        s('sraw_64_is_zero_count', 'sraw r3, r4, r5', 'Count 0 again: sign-extended word, CA=0.',
          rb=64),
        s('sraw_ignores_high_word', 'sraw r3, r4, r5', 'Low word 0x10 is positive: 1, CA=0.',
          rs=0xFFFFFFFF00000010, rb=4),
        s('sraw_keeps_byte_count', 'sraw r3, r4, r5', 'CA=1 is written; XER\'s byte count (0x7F) '
          'and SO stay: XER = 0xA000007F.', rb=4, extra={'xer': SO | 0x7F}),
        s('sraw_zero_by_32', 'sraw r3, r4, r5', '0, CA=0.', rs=0, rb=32),
        s('sraw_rc_negative', 'sraw. r3, r4, r5', 'LT, CA=0.', rs=0x80000000, rb=0),
        s('sraw_rc_zero', 'sraw. r3, r4, r5', '1 >> 1 = 0: EQ, CA=0.', rs=1, rb=1),
        s('sraw_rc_minus_one', 'sraw. r3, r4, r5', '-1, LT, CA=1, SO copied.', rs=0xFFFFFFFF,
          rb=40, extra={'xer': SO}),
        s('srawi_0_negative', 'srawi r3, r4, 0', 'The word sign-extended, CA=0.', extra={'xer': CA}),
        s('srawi_0_positive', 'srawi r3, r4, 0', '0x76543210, high word cleared.', rs=P),
        s('srawi_1_negative_odd', 'srawi r3, r4, 1', '0xC4D5E6F7 sign-extended, CA=1.'),
        s('srawi_4_positive', 'srawi r3, r4, 4', '0x07654321, CA=0.', rs=P),
        s('srawi_31_min', 'srawi r3, r4, 31', '-1, CA=0.', rs=0x80000000),
        s('srawi_31_negative', 'srawi r3, r4, 31', '-1, CA=1.'),
        s('srawi_31_positive', 'srawi r3, r4, 31', '0, CA=0.', rs=0x7FFFFFFF),
        s('srawi_rc_negative', 'srawi. r3, r4, 8', 'LT, CA=1.'),
        s('srawi_rc_zero', 'srawi. r3, r4, 31', 'EQ, CA=0.', rs=0x12345678),
        s('srawi_rc_positive_so', 'srawi. r3, r4, 1', 'GT | SO, CA=0.', rs=P, extra={'xer': SO}),
    ]
    return write('integer_shift32.s', """
slw, srw, sraw, srawi and their . forms. Register counts use RB[58:63]: 32-63 shift everything
out, and 64 (RB[58:63] = 0) is a count of 0. sraw/srawi set CA when the word is negative and
1-bits are shifted out. Results are 64-bit: zero- (slw, srw) or sign-extended (sraw, srawi).
""" + PROVENANCE_QEMU, t)


def shift64():
    def s(name, code, why, rs=S, rb=None, extra=None):
        i = {'r4': rs}
        if rb is not None:
            i['r5'] = rb
        i.update(extra or {})
        return T(name, code, i, why)

    N = 0x8000000000000001
    t = [
        s('sld_0', 'sld r3, r4, r5', 'Identity.', rb=0),
        s('sld_1', 'sld r3, r4, r5', '0x02468ACF_13579BDE.', rb=1),
        s('sld_4', 'sld r3, r4, r5', '0x12345678_9ABCDEF0.', rb=4),
        s('sld_32', 'sld r3, r4, r5', '0x89ABCDEF_00000000.', rb=32),
        s('sld_63', 'sld r3, r4, r5', '0x8000...0.', rb=63),
        s('sld_64', 'sld r3, r4, r5', 'RB[57] = 1: 0.', rb=64),
        s('sld_127', 'sld r3, r4, r5', '0.', rb=127),
        s('sld_128_is_zero_count', 'sld r3, r4, r5', 'Only RB[57:63] counts: 128 is a count of 0.',
          rb=128),
        s('sld_high_rb_bits', 'sld r3, r4, r5', 'RB = 0xFF04: RB[57:63] = 4.', rb=0xFF04),
        s('sld_rc_negative', 'sld. r3, r4, r5', 'LT.', rb=32),
        s('sld_rc_zero', 'sld. r3, r4, r5', 'EQ | SO.', rb=64, extra={'xer': SO}),
        s('srd_0', 'srd r3, r4, r5', 'Identity.', rs=P, rb=0),
        s('srd_1', 'srd r3, r4, r5', 'Logical: 0x7F6E5D4C_3B2A1908.', rs=P, rb=1),
        s('srd_32', 'srd r3, r4, r5', '0xFEDCBA98.', rs=P, rb=32),
        s('srd_63', 'srd r3, r4, r5', '1.', rs=P, rb=63),
        s('srd_64', 'srd r3, r4, r5', '0.', rs=P, rb=64),
        s('srd_127', 'srd r3, r4, r5', '0.', rs=P, rb=127),
        s('srd_128_is_zero_count', 'srd r3, r4, r5', 'Identity.', rs=P, rb=128),
        s('srd_rc_positive', 'srd. r3, r4, r5', 'GT.', rs=P, rb=1),
        s('srd_rc_zero', 'srd. r3, r4, r5', 'EQ.', rs=P, rb=100),
        s('srad_0', 'srad r3, r4, r5', 'Identity, CA=0.', rs=N, rb=0, extra={'xer': CA}),
        s('srad_1_negative_odd', 'srad r3, r4, r5', '0xC000...0, a 1 lost: CA=1.', rs=N, rb=1),
        s('srad_4_negative_exact', 'srad r3, r4, r5', '0xFFEDCBA9_87654321, lost nibble 0: CA=0.',
          rs=P, rb=4),
        s('srad_positive', 'srad r3, r4, r5', 'Positive: 0x00123456_789ABCDE, CA=0.', rb=4,
          extra={'xer': CA}),
        s('srad_63_min', 'srad r3, r4, r5', '-2^63 >> 63 = -1, lost bits 0: CA=0.', rs=MIN64,
          rb=63),
        s('srad_63_negative', 'srad r3, r4, r5', '-1, CA=1.', rs=N, rb=63),
        s('srad_64_negative', 'srad r3, r4, r5', 'RB[57] = 1: -1, CA=1.', rs=P, rb=64),
        s('srad_64_positive', 'srad r3, r4, r5', '0, CA=0.', rs=MAX64, rb=64),
        s('srad_127_negative', 'srad r3, r4, r5', '-1, CA=1.', rs=MIN64, rb=127),
        s('srad_128_is_zero_count', 'srad r3, r4, r5', 'Identity, CA=0.', rs=N, rb=128),
        s('srad_rc_negative', 'srad. r3, r4, r5', 'LT, CA=1.', rs=N, rb=1),
        s('srad_rc_zero', 'srad. r3, r4, r5', 'EQ.', rs=MAX64, rb=63),
        s('sradi_0', 'sradi r3, r4, 0', 'Identity, CA=0.', rs=N, extra={'xer': CA}),
        s('sradi_1', 'sradi r3, r4, 1', '0xC000...0, CA=1.', rs=N),
        s('sradi_31', 'sradi r3, r4, 31', '0xFFFFFFFF_FDB97530, CA=1.', rs=P),
        s('sradi_32', 'sradi r3, r4, 32', 'SH = 32 (its high bit in instruction bit 30): '
          '0xFFFFFFFF_FEDCBA98, CA=1.', rs=P),
        s('sradi_33_positive', 'sradi r3, r4, 33', '0x0091A2B3, CA=0.'),
        s('sradi_63_negative', 'sradi r3, r4, 63', '-1, CA=1.', rs=N),
        s('sradi_63_min', 'sradi r3, r4, 63', '-1, CA=0.', rs=MIN64),
        s('sradi_63_positive', 'sradi r3, r4, 63', '0, CA=0.', rs=MAX64),
        s('sradi_rc_negative', 'sradi. r3, r4, 40', 'LT, CA=1.', rs=P),
        s('sradi_rc_zero_so', 'sradi. r3, r4, 60', 'EQ | SO, CA=0.', extra={'xer': SO}),
    ]
    return write('integer_shift64.s', """
sld, srd, srad, sradi and their . forms. Register counts use RB[57:63]: 64-127 shift
everything out, and 128 (RB[57:63] = 0) is a count of 0. srad/sradi set CA when the value is
negative and 1-bits are shifted out.
""" + PROVENANCE_QEMU, t)


def all_():
    return rotate32() + rotate64() + shift32() + shift64()
