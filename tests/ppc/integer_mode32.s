# Integer instructions in 32-bit mode (MSR[SF]=0): CA is the carry out of bit 32, OV describes the
# low word, and CR0 compares the low word as a signed 32-bit value; results are still computed
# and written with all 64 bits. (mulld and mullw judge OV the same way in both modes; compares
# with L=1 and the doubleword shifts are unaffected.)
#
# qemu-ppc64's user mode cannot run 32-bit mode, so these tests are skipped there: their expected
# values are derived from the PowerPC ISA, Book I alone.

test_add_rc_low_word_zero:
  # RT gets the full 64-bit sum 0x1_0000_0000, but CR0 compares the low word, 0: EQ.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  add. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_add_rc_low_word_negative:
  # 0x8000_0000 is negative as a word: LT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  add. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_add_rc_ignores_high_word:
  # 0x8000_0000_0000_0001: low word 1, GT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x8000000000000000
  #_ REGISTER_IN r5 0x0000000000000001
  add. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_addc_carry_out_of_bit_32:
  # CA is the carry out of bit 32: 0x1_0000_0000 with CA=1.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  addc r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_addc_no_carry_from_high_word:
  # The 64-bit sum carries out, the low words (0 + 0) do not: 0, CA=0.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0xFFFFFFFF00000000
  #_ REGISTER_IN r5 0x0000000100000000
  addc r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addo_word_overflow:
  # OV describes the low word: 2^31-1 + 1 overflows, OV=1, SO=1.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  addo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_addo_doubleword_overflow_ignored:
  # Low words -1 + 1 = 0 do not overflow: OV=0 (the 64-bit sum would).
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x7FFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  addo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addo_rc_word_overflow:
  # Low word 0x8000_0000 < 0 with overflow: CR0 = LT | SO = 0x9.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  addo. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x90000000

test_adde_word_carry:
  # 0xFFFFFFFF + 0 + 1 = 0x1_0000_0000, CA=1 (bit 32 carries).
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000000
  #_ REGISTER_IN xer 0x20000000
  adde r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_addic_rc_word_sign:
  # LT (the low word is negative); no carry.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000080000000
  addic. r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_addic_word_carry:
  # 0x1_0000_0000, CA=1.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  addic r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_addme_word_carry:
  # 1 + 0 + 0xFFFF...F: the low words 1 + 0xFFFFFFFF carry: 0, CA=1.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000000000001
  addme r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_addme_word_no_carry:
  # 0x1_0000_0000 - 1 = 0xFFFFFFFF; the low words 0 + 0xFFFFFFFF do not carry: CA=0.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000100000000
  addme r3, r4
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addze_word_carry:
  # 0x1_0000_0000, CA=1.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN xer 0x20000000
  addze r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_subfc_word_borrow:
  # 0x1_0000_0000 - 1 = 0xFFFFFFFF; the low words borrow: CA=0.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x0000000100000000
  subfc r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_subfc_word_no_borrow:
  # 1 - 0x1_0000_0000 = 0xFFFF_FFFF_0000_0001; low words 1 - 0 do not borrow: CA=1.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000100000000
  #_ REGISTER_IN r5 0x0000000000000001
  subfc r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF00000001
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_subfic_word_carry:
  # 0 - 2^32 = 0xFFFF_FFFF_0000_0000; the low word of ~RA + 1 carries: CA=1.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000100000000
  subfic r3, r4, 0
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF00000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_subfo_word_overflow:
  # Low words: -2^31 - 1 overflows: OV=1, SO=1; RT = 0x7FFFFFFF.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x0000000080000000
  subfo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x000000007FFFFFFF
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_subf_rc_word:
  # 0xFFFFFFFF: negative as a word, LT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x0000000100000000
  subf. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_nego_word_minimum:
  # -(-2^31) overflows as a word: OV=1, SO=1; RT = 0xFFFF_FFFF_8000_0000.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000080000000
  nego r3, r4
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF80000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_nego_doubleword_minimum:
  # The low word 0 negates to 0: OV=0.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x8000000000000000
  nego r3, r4
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_subfze_word_carry:
  # ~RA + 1 = 0x1_0000_0000; the low word 0xFFFFFFFF + 1 carries: CA=1.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0xFFFFFFFF00000000
  #_ REGISTER_IN xer 0x20000000
  subfze r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_subfme_word_no_carry:
  # ~RA + 0 - 1: low words 0 + 0xFFFFFFFF do not carry: CA=0.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  subfme r3, r4
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFEFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mullw_rc_word:
  # RT = 2^32, but CR0 compares its low word, 0: EQ.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000000010000
  #_ REGISTER_IN r5 0x0000000000010000
  mullw. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_mulhw_rc_word:
  # The high word of RT is undefined; clrldi clears it. In 32-bit mode CR0 is defined: the high
  # word of -1 * 1 is 0xFFFFFFFF, LT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x0000000000000001
  mulhw. r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_mulhwu_rc_word:
  # The high word of RT is undefined; clrldi clears it. 0xFFFFFFFE: LT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  mulhwu. r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFE
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_divw_rc_word:
  # The high word of RT is undefined; clrldi clears it. -7 / 2 = -3: LT (CR0 is defined in
  # 32-bit mode).
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFF9
  #_ REGISTER_IN r5 0x0000000000000002
  divw. r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFD
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_divwu_rc_word:
  # The high word of RT is undefined; clrldi clears it. 0x80000000: negative as a word, LT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x0000000000000001
  divwu. r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_divwo_rc_word:
  # The high word of RT is undefined; clrldi clears it. 3: GT | SO, OV=0.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000000000009
  #_ REGISTER_IN r5 0x0000000000000003
  #_ REGISTER_IN xer 0x80000000
  divwo. r3, r4, r5
  clrldi r3, r3, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000003
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x50000000

test_mulldo_mode32:
  # mulld judges overflow on 64 bits in either mode: OV=1, SO=1.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000100000000
  #_ REGISTER_IN r5 0x0000000100000000
  mulldo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_mullwo_mode32:
  # mullw judges overflow on 32 bits in either mode: OV=1.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000000010000
  #_ REGISTER_IN r5 0x0000000000008000
  mullwo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_cmpd_mode32:
  # L=1 compares doublewords in either mode: GT; cmpw sees equal low words: EQ.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000100000000
  #_ REGISTER_IN r5 0x0000000000000000
  cmpd r4, r5
  cmpw cr1, r4, r5
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x42000000

test_and_rc_word:
  # LT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x0000000080000000
  and. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_or_rc_word_zero:
  # EQ.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000100000000
  #_ REGISTER_IN r5 0x0000000000000000
  or. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_extsw_rc_word:
  # LT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000080000000
  extsw. r3, r4
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF80000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_rlwinm_rc_wrap_word:
  # MASK(63,32): RT = 0x7FFFFFFE_00000000, whose low word is 0: EQ.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x000000007FFFFFFE
  rlwinm. r3, r4, 0, 31, 0
  blr
  #_ REGISTER_OUT r3 0x7FFFFFFE00000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_srw_rc_word:
  # LT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x0000000000000000
  srw. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_sld_rc_word:
  # 2^32: low word 0, EQ.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000000000001
  #_ REGISTER_IN r5 0x0000000000000020
  sld. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_sraw_rc_word:
  # -7 >> 1 = -4, CA=1: LT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x00000000FFFFFFF9
  #_ REGISTER_IN r5 0x0000000000000001
  sraw. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFC
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x80000000

test_srad_mode32_carry:
  # srad works on the doubleword in either mode: CA=0 (only 0-bits lost).
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0xFFFFFFFF00000000
  #_ REGISTER_IN r5 0x0000000000000004
  srad r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFF0000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_cntlzd_rc_mode32:
  # 64: GT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000000000000
  cntlzd. r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000000000040
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x40000000

test_addeo_word_overflow:
  # 0x7FFFFFFF + 0 + 1: the word overflows (OV=1, SO=1), no carry out of bit 32 (CA=0).
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  #_ REGISTER_IN r5 0x0000000000000000
  #_ REGISTER_IN xer 0x20000000
  addeo r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_addzeo_word_overflow:
  # 0x7FFFFFFF + 1 overflows the word: OV=1, SO=1, CA=0.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  #_ REGISTER_IN xer 0x20000000
  addzeo r3, r4
  blr
  #_ REGISTER_OUT r3 0x0000000080000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_addmeo_word_overflow:
  # -2^31 - 1 overflows the word: 0x7FFFFFFF, OV=1, SO=1; 0x80000000 + 0xFFFFFFFF carries: CA=1.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000080000000
  addmeo r3, r4
  blr
  #_ REGISTER_OUT r3 0x000000007FFFFFFF
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x00000000

test_subfe_word_borrow:
  # 0x1_0000_0000 - 0 - 1 = 0xFFFFFFFF; the low words borrow (0xFFFFFFFF + 0 + 0 does not
  # carry): CA=0.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN r5 0x0000000100000000
  subfe r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_subfmeo_word_overflow:
  # ~RA = 0xFFFF_FFFF_8000_0000; minus 1 gives 0xFFFF_FFFF_7FFF_FFFF: the word -2^31 - 1
  # overflows (OV=1, SO=1) and 0x80000000 + 0xFFFFFFFF carries (CA=1).
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x000000007FFFFFFF
  subfmeo r3, r4
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF7FFFFFFF
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x00000000

test_subfzeo_word_overflow:
  # ~RA + 1 = 0xFFFF_FFFF_8000_0000: the word 2^31 does not fit (OV=1, SO=1); 0x7FFFFFFF + 1
  # does not carry (CA=0).
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN xer 0x20000000
  subfzeo r3, r4
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF80000000
  #_ REGISTER_OUT xer 0xC0000000
  #_ REGISTER_OUT cr 0x00000000

test_addic_word_no_carry:
  # 0x1_0000_0000 - 1 = 0xFFFFFFFF: the low words 0 + 0xFFFFFFFF do not carry, CA=0 (64-bit mode
  # would carry).
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000100000000
  addic r3, r4, -1
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_neg_rc_word:
  # 0x00000000_FFFFFFFF: positive as a doubleword but -1 as a word: LT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0xFFFFFFFF00000001
  neg. r3, r4
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_divd_rc_word:
  # 2^32: CR0 compares the low word, 0: EQ.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000200000000
  #_ REGISTER_IN r5 0x0000000000000002
  divd. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_mulld_rc_word:
  # 0x1_8000_0000: the low word 0x80000000 is negative: LT.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x0000000000010000
  #_ REGISTER_IN r5 0x0000000000018000
  mulld. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000180000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_rotldi_rc_word:
  # 0x00000001_80000000: LT as a word.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x8000000000000001
  rotldi. r3, r4, 32
  blr
  #_ REGISTER_OUT r3 0x0000000180000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x80000000

test_xor_rc_word:
  # 0xFFFFFFFF_00000000: EQ.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN r5 0x00000000FFFFFFFF
  xor. r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF00000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x20000000

test_addi_mode32_full_width:
  # Results keep all 64 bits in 32-bit mode: 0x1_0000_0000.
  #_ REGISTER_IN msr 0
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  addi r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000
