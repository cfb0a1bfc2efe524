# rlwinm, rlwnm, rlwimi, their . forms and extended forms (rotlwi, rotrwi, rotlw, slwi, srwi,
# clrlwi, clrrwi, extlwi, extrwi, clrlslwi, inslwi, insrwi), with every mask shape: full word,
# single bit, inner field, and wrap-around masks (MB > ME).
#
# The 32-bit rotates rotate the low word and present it doubled (ROTL32(x) = ROTL64(x||x)) under
# MASK(MB+32, ME+32); when MB > ME that mask wraps around into the high word, which then
# receives a copy of the rotated word. RS's high word never matters.
#
# Expected values are derived from the PowerPC ISA, Book I (the instruction's pseudo-code and
# the XER/CR0 rules of its chapter), and verified under qemu-ppc64 with
# `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter.
# Every test sets msr 0x8000000000000000: 64-bit mode (MSR[SF]=1), the mode qemu-ppc64 runs in.
# So CA and OV describe the 64-bit result and CR0 compares the whole doubleword, even for word
# instructions; integer_mode32.s covers 32-bit mode. Results the ISA leaves undefined (the high
# word of mulhw/divw, divides by zero, CR0 of those) are never checked.

test_rotlwi_zero:
  # rlwinm r3,r4,0,0,31: the low word zero-extended, 0x89ABCDEF.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rotlwi r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0x0000000089ABCDEF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rotlwi_8:
  # 0x89ABCDEF rotated left 8: 0xABCDEF89.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rotlwi r3, r4, 8
  blr
  #_ REGISTER_OUT r3 0x00000000ABCDEF89
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rotlwi_31:
  # Rotate left 31 = right 1: 0xC4D5E6F7.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rotlwi r3, r4, 31
  blr
  #_ REGISTER_OUT r3 0x00000000C4D5E6F7
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rotrwi_4:
  # rlwinm r3,r4,28,0,31: 0xF89ABCDE.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rotrwi r3, r4, 4
  blr
  #_ REGISTER_OUT r3 0x00000000F89ABCDE
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwinm_single_bit_lsb:
  # Bit 32 (the word sign, 1) rotated to bit 63: 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rlwinm r3, r4, 1, 31, 31
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwinm_single_bit_msb:
  # MASK(32,32): 0x80000000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rlwinm r3, r4, 0, 0, 0
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwinm_middle_field:
  # MASK(40,47): 0x00AB0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rlwinm r3, r4, 0, 8, 15
  blr
  #_ REGISTER_OUT r3 0x0000000000AB0000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwinm_wrap_mask:
  # MASK(60,35) wraps: bits 0-35 and 60-63 = 0xFFFFFFFF_F000000F, applied to
  # 0x89ABCDEF_89ABCDEF: 0x89ABCDEF_8000000F.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rlwinm r3, r4, 0, 28, 3
  blr
  #_ REGISTER_OUT r3 0x89ABCDEF8000000F
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwinm_wrap_full:
  # MB = ME+1: MASK(33,32) is all 64 bits, so RA = the rotated word doubled,
  # 0x9ABCDEF8_9ABCDEF8.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rlwinm r3, r4, 4, 1, 0
  blr
  #_ REGISTER_OUT r3 0x9ABCDEF89ABCDEF8
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwinm_wrap_31_0:
  # MASK(63,32) = 0xFFFFFFFF_80000001: 0x89ABCDEF_80000001.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rlwinm r3, r4, 0, 31, 0
  blr
  #_ REGISTER_OUT r3 0x89ABCDEF80000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwinm_wrap_all_ones:
  # Full wrap mask with RS = -1: -1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  rlwinm r3, r4, 0, 16, 15
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_slwi_1:
  # rlwinm r3,r4,1,0,30: 0x13579BDE, high word 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  slwi r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000013579BDE
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_slwi_16:
  # 0xCDEF0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  slwi r3, r4, 16
  blr
  #_ REGISTER_OUT r3 0x00000000CDEF0000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_slwi_31:
  # 0x80000000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  slwi r3, r4, 31
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_srwi_1:
  # rlwinm r3,r4,31,1,31: 0x44D5E6F7.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  srwi r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000044D5E6F7
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_srwi_16:
  # 0x89AB.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  srwi r3, r4, 16
  blr
  #_ REGISTER_OUT r3 0x00000000000089AB
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_srwi_31:
  # 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  srwi r3, r4, 31
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_clrlwi_1:
  # rlwinm r3,r4,0,1,31: 0x09ABCDEF.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  clrlwi r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000009ABCDEF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_clrlwi_16:
  # 0xCDEF.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  clrlwi r3, r4, 16
  blr
  #_ REGISTER_OUT r3 0x000000000000CDEF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_clrlwi_31:
  # 1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  clrlwi r3, r4, 31
  blr
  #_ REGISTER_OUT r3 0x0000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_clrrwi_1:
  # rlwinm r3,r4,0,0,30: 0x89ABCDEE.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  clrrwi r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000089ABCDEE
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_clrrwi_16:
  # 0x89AB0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  clrrwi r3, r4, 16
  blr
  #_ REGISTER_OUT r3 0x0000000089AB0000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_clrrwi_31:
  # 0x80000000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  clrrwi r3, r4, 31
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_extlwi_8_8:
  # rlwinm r3,r4,8,0,7: 0xAB000000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  extlwi r3, r4, 8, 8
  blr
  #_ REGISTER_OUT r3 0x00000000AB000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_extrwi_8_8:
  # rlwinm r3,r4,16,24,31: 0xAB.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  extrwi r3, r4, 8, 8
  blr
  #_ REGISTER_OUT r3 0x00000000000000AB
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_clrlslwi_24_4:
  # rlwinm r3,r4,4,20,27: 0xEF0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  clrlslwi r3, r4, 24, 4
  blr
  #_ REGISTER_OUT r3 0x0000000000000EF0
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwinm_rc_word_sign_positive:
  # 0x00000000_89ABCDEF is positive as a doubleword: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rlwinm. r3, r4, 0, 0, 31
  blr
  #_ REGISTER_OUT r3 0x0000000089ABCDEF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_rlwinm_rc_wrap_negative:
  # The wrap mask puts 0x89ABCDEF in the high word: negative, LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rlwinm. r3, r4, 0, 31, 0
  blr
  #_ REGISTER_OUT r3 0x89ABCDEF80000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_rlwinm_rc_zero:
  # MASK(56,59) selects 0x0F0 of a word whose bits 56-59 are 0: 0, EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFF0F
  rlwinm. r3, r4, 0, 24, 27
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_rlwinm_rc_so:
  # Zero word: EQ | SO.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFF00000000
  #_ REGISTER_IN xer 0x80000000
  rlwinm. r3, r4, 0, 0, 31
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x30000000

test_rlwinm_same_register:
  # RA = RS: 0xCDEF89AB.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rlwinm r4, r4, 16, 0, 31
  blr
  #_ REGISTER_OUT r4 0x00000000CDEF89AB
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rotlw_8:
  # rlwnm r3,r4,r5,0,31 with RB = 8: 0xABCDEF89.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r5 0x0000000000000008
  rotlw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x00000000ABCDEF89
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rotlw_uses_five_bits:
  # RB = 40: only RB[59:63] = 8 counts.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r5 0x0000000000000028
  rotlw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x00000000ABCDEF89
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rotlw_high_bits_ignored:
  # RB = 0xFFFF...E0: count 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r5 0xFFFFFFFFFFFFFFE0
  rotlw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000089ABCDEF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rotlw_31:
  # 0xC4D5E6F7.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r5 0x000000000000001F
  rotlw r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x00000000C4D5E6F7
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwnm_field:
  # Rotate 8 and keep the low byte: 0x89.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r5 0x0000000000000008
  rlwnm r3, r4, r5, 24, 31
  blr
  #_ REGISTER_OUT r3 0x0000000000000089
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwnm_wrap_mask:
  # Full wrap: 0xABCDEF89_ABCDEF89.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r5 0x0000000000000008
  rlwnm r3, r4, r5, 16, 15
  blr
  #_ REGISTER_OUT r3 0xABCDEF89ABCDEF89
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwnm_rc_negative:
  # Full wrap, high word 0x89ABCDEF: LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r5 0x0000000000000000
  rlwnm. r3, r4, r5, 8, 7
  blr
  #_ REGISTER_OUT r3 0x89ABCDEF89ABCDEF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_rlwnm_rc_positive:
  # Rotated 4: 0x9ABCDEF8; MASK(32,35) keeps 0x90000000, positive as a doubleword: GT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r5 0x0000000000000004
  rlwnm. r3, r4, r5, 0, 3
  blr
  #_ REGISTER_OUT r3 0x0000000090000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_rlwimi_low_byte:
  # Insert the low byte 0xEF into RA = -1: bits outside the mask, including the whole high word,
  # keep RA: 0xFFFF_FFFF_FFFF_FFEF.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  rlwimi r3, r4, 0, 24, 31
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFEF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwimi_full_word_keeps_high_word:
  # MASK(32,63): the low word is replaced, RA's high word stays: 0xAAAAAAAA_89ABCDEF.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0xAAAAAAAAAAAAAAAA
  rlwimi r3, r4, 0, 0, 31
  blr
  #_ REGISTER_OUT r3 0xAAAAAAAA89ABCDEF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwimi_rotated:
  # Rotate 8 (0xABCDEF89), insert bits 32-39: 0xAB000000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0x0000000000000000
  rlwimi r3, r4, 8, 0, 7
  blr
  #_ REGISTER_OUT r3 0x00000000AB000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_inslwi_8_16:
  # rlwimi r3,r4,16,16,23: the leftmost byte of the word (0x89) goes to bits 48-55.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0x1111111111111111
  inslwi r3, r4, 8, 16
  blr
  #_ REGISTER_OUT r3 0x1111111111118911
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_insrwi_8_24:
  # rlwimi r3,r4,0,24,31.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0x0000000000000000
  insrwi r3, r4, 8, 24
  blr
  #_ REGISTER_OUT r3 0x00000000000000EF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_insrwi_4_0:
  # rlwimi r3,r4,28,0,3: the low nibble 0xF goes to bits 32-35.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0x0000000000000000
  insrwi r3, r4, 4, 0
  blr
  #_ REGISTER_OUT r3 0x00000000F0000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwimi_wrap_mask:
  # Wrap mask 0xFFFFFFFF_F000000F: 0x89ABCDEF_8FFFFFFF (RA = -1 fills the gap).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  rlwimi r3, r4, 0, 28, 3
  blr
  #_ REGISTER_OUT r3 0x89ABCDEF8FFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwimi_wrap_full:
  # All 64 bits come from the doubled word: 0x89ABCDEF_89ABCDEF.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0x5555555555555555
  rlwimi r3, r4, 0, 1, 0
  blr
  #_ REGISTER_OUT r3 0x89ABCDEF89ABCDEF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rlwimi_rc_negative:
  # RA keeps its high word 0xFFFFFFFF: negative, LT.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  rlwimi. r3, r4, 0, 0, 31
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF00000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_rlwimi_rc_zero:
  # EQ.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN r3 0x0000000012345678
  rlwimi. r3, r4, 0, 0, 31
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_rlwimi_same_register:
  # RA = RS: the low halfword moves to the high halfword of the word: 0x01234567_CDEFCDEF.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  rlwimi r4, r4, 16, 0, 15
  blr
  #_ REGISTER_OUT r4 0x01234567CDEFCDEF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_rotate32_leaves_xer:
  # XER unchanged.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  #_ REGISTER_IN xer 0xE0000000
  rlwinm r3, r4, 0, 28, 3
  blr
  #_ REGISTER_OUT r3 0x89ABCDEF8000000F
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x00000000
