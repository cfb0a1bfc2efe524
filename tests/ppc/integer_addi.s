# addi, addis and their extended forms li, lis, subi, subis.
#
# Expected values are derived from the PowerPC ISA, Book I (the instruction's pseudo-code and
# the XER/CR0 rules of its chapter), and verified under qemu-ppc64 with
# `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter.
# Every test sets msr 0x8000000000000000: 64-bit mode (MSR[SF]=1), the mode qemu-ppc64 runs in.
# So CA and OV describe the 64-bit result and CR0 compares the whole doubleword, even for word
# instructions; integer_mode32.s covers 32-bit mode. Results the ISA leaves undefined (the high
# word of mulhw/divw, divides by zero, CR0 of those) are never checked.

test_li_positive:
  # li is addi rt,0,simm: 0x7FFF.
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, 0x7FFF
  blr
  #_ REGISTER_OUT r3 0x0000000000007FFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_li_negative_one:
  # The immediate is sign-extended to 64 bits.
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, -1
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_li_most_negative:
  # EXTS(0x8000) = 0xFFFF_FFFF_FFFF_8000.
  #_ REGISTER_IN msr 0x8000000000000000
  li r3, -32768
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFF8000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addi_ra0_reads_zero:
  # RA=0 means the value 0, not r0 (r0 holds 100): 0 + 5.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r0 0x0000000000000064
  addi r3, 0, 5
  blr
  #_ REGISTER_OUT r3 0x0000000000000005
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addi_carries_into_upper_word:
  # 0xFFFFFFFF + 1 = 0x1_0000_0000: addi computes all 64 bits.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  addi r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addi_borrows_from_upper_word:
  # 0x1_0000_0000 - 1 = 0xFFFFFFFF.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000000
  addi r3, r4, -1
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addi_wraps_64:
  # -1 + 1 = 0, modulo 2^64.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  addi r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addi_max64_plus_one:
  # 0x7FFF...F + 1 = 0x8000...0; addi sets no XER bit (no OV, no CA).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x7FFFFFFFFFFFFFFF
  #_ REGISTER_IN xer 0x00000000
  addi r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addi_leaves_xer_and_cr:
  # addi changes neither XER nor CR, even when the sum carries out.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_IN xer 0xE0000000
  #_ REGISTER_IN cr 0x12345678
  addi r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x12345678

test_addi_same_register:
  # 0x8000 + EXTS(0x8000) = 0x8000 - 0x8000 = 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000008000
  addi r4, r4, -32768
  blr
  #_ REGISTER_OUT r4 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_subi_extended:
  # subi rt,ra,1 is addi rt,ra,-1: 0 - 1 = -1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  subi r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_lis_one:
  # lis is addis rt,0,simm: 1 << 16.
  #_ REGISTER_IN msr 0x8000000000000000
  lis r3, 1
  blr
  #_ REGISTER_OUT r3 0x0000000000010000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_lis_max:
  # 0x7FFF << 16 = 0x7FFF0000, positive.
  #_ REGISTER_IN msr 0x8000000000000000
  lis r3, 0x7FFF
  blr
  #_ REGISTER_OUT r3 0x000000007FFF0000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_lis_sign_extends:
  # EXTS(0x8000 || 0x0000) = 0xFFFF_FFFF_8000_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  lis r3, -32768
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF80000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_lis_minus_one:
  # EXTS(0xFFFF0000) = 0xFFFF_FFFF_FFFF_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  lis r3, -1
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFF0000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addis_ra0_reads_zero:
  # RA=0 means the value 0: 2 << 16 = 0x20000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r0 0x0000000000001234
  addis r3, 0, 2
  blr
  #_ REGISTER_OUT r3 0x0000000000020000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addis_carries_into_upper_word:
  # 0xFFFF0000 + 0x10000 = 0x1_0000_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFF0000
  addis r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000100000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addis_negative:
  # 0x1_0000_0000 + 0xFFFF_FFFF_FFFF_0000 = 0xFFFF_0000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000100000000
  addis r3, r4, -1
  blr
  #_ REGISTER_OUT r3 0x00000000FFFF0000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addis_signed_overflow_64:
  # 0x7FFF_FFFF_FFFF_0000 + 0x10000 = 0x8000_0000_0000_0000; no flags.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x7FFFFFFFFFFF0000
  addis r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x8000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_addis_upper_word_kept:
  # The high word of RA passes through: 0xABCD_0000_1234_5678.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xABCD000000005678
  addis r3, r4, 0x1234
  blr
  #_ REGISTER_OUT r3 0xABCD000012345678
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_lis_ori_builds_word:
  # lis gives 0xFFFF_FFFF_8765_0000 (sign-extended); ori ORs in 0x4321.
  #_ REGISTER_IN msr 0x8000000000000000
  lis r3, 0x8765
  ori r3, r3, 0x4321
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF87654321
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_subis_extended:
  # subis rt,ra,1 is addis rt,ra,-1: 0x10000 - 0x10000 = 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000010000
  subis r3, r4, 1
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000
