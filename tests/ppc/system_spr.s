# mfspr/mtspr of the user SPRs: XER (1), LR (8), CTR (9), VRSAVE (256), under their extended
# mnemonics (mfxer, mtlr, ...) and their numbers. LR is always restored before the blr that
# ends the test.
#
# Expected values are derived from the PowerPC ISA (Book I for the user registers and the
# barriers, Book II for the cache and time-base instructions) and verified under qemu-ppc64
# with `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter. Every test
# sets 64-bit mode (msr 0x8000000000000000), the mode qemu-ppc64 runs in.

test_mtctr_mfctr:
  # CTR holds all 64 bits.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  mtctr r4
  mfctr r3
  blr
  #_ REGISTER_OUT r3 0x0123456789ABCDEF
  #_ REGISTER_OUT ctr 0x0123456789ABCDEF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mtctr_sets_ctr:
  # CTR = -1.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFFFFFFFFFF
  mtctr r4
  blr
  #_ REGISTER_OUT ctr 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mfctr_reads_ctr:
  # RT = CTR.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN ctr 0x8000000000000001
  mfctr r3
  blr
  #_ REGISTER_OUT r3 0x8000000000000001
  #_ REGISTER_OUT ctr 0x8000000000000001
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mtspr_9_mfspr_9:
  # mtspr/mfspr with SPR 9 are mtctr/mfctr.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFEDCBA9876543210
  mtspr 9, r4
  mfspr r3, 9
  blr
  #_ REGISTER_OUT r3 0xFEDCBA9876543210
  #_ REGISTER_OUT ctr 0xFEDCBA9876543210
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mflr_reads_return_address:
  # Every test starts with LR = 0xBCBCBCBC, its return address.
  #_ REGISTER_IN msr 0x8000000000000000
  mflr r3
  blr
  #_ REGISTER_OUT r3 0x00000000BCBCBCBC
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mtlr_mflr:
  # LR holds all 64 bits; LR is restored from r10 so the test can return.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0123456789ABCDEF
  mflr r10
  mtlr r4
  mflr r3
  mtlr r10
  blr
  #_ REGISTER_OUT r3 0x0123456789ABCDEF
  #_ REGISTER_OUT r10 0x00000000BCBCBCBC
  #_ REGISTER_OUT lr 0x00000000BCBCBCBC
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mtspr_8_mfspr_8:
  # mtspr/mfspr with SPR 8 are mtlr/mflr.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0xFFFFFFFF00000004
  mfspr r10, 8
  mtspr 8, r4
  mfspr r3, 8
  mtspr 8, r10
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFF00000004
  #_ REGISTER_OUT r10 0x00000000BCBCBCBC
  #_ REGISTER_OUT lr 0x00000000BCBCBCBC
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mtxer_all_defined_bits:
  # SO, OV, CA and the byte count (bits 57-63) read back.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000E000007F
  mtxer r4
  mfxer r3
  blr
  #_ REGISTER_OUT r3 0x00000000E000007F
  #_ REGISTER_OUT xer 0xE000007F
  #_ REGISTER_OUT cr 0x00000000

test_mtxer_ca_only:
  # XER = CA.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000020000000
  mtxer r4
  blr
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_mtxer_clears_so:
  # Only mtxer clears the sticky SO.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000000
  #_ REGISTER_IN xer 0xE0000000
  mtxer r4
  blr
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mtxer_byte_count:
  # Byte count 0x55.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000055
  mtxer r4
  mfxer r3
  blr
  #_ REGISTER_OUT r3 0x0000000000000055
  #_ REGISTER_OUT xer 0x00000055
  #_ REGISTER_OUT cr 0x00000000

test_mfxer_reads_xer:
  # RT = XER (zero-extended).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN xer 0xA0000010
  mfxer r3
  blr
  #_ REGISTER_OUT r3 0x00000000A0000010
  #_ REGISTER_OUT xer 0xA0000010
  #_ REGISTER_OUT cr 0x00000000

test_mfxer_after_carry:
  # addc sets CA, which mfxer sees: 0x20000000.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x8000000000000000
  addc r5, r4, r4
  mfxer r3
  blr
  #_ REGISTER_OUT r3 0x0000000020000000
  #_ REGISTER_OUT r5 0x0000000000000000
  #_ REGISTER_OUT xer 0x20000000
  #_ REGISTER_OUT cr 0x00000000

test_mtxer_so_reaches_cr0:
  # SO written by mtxer is copied into CR0: EQ | SO.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000080000000
  #_ REGISTER_IN r5 0x0000000000000000
  mtxer r4
  add. r3, r5, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x30000000

test_mtxer_ca_feeds_adde:
  # CA written by mtxer is adde's carry in: 1 + 1 + 1 = 3.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000020000000
  #_ REGISTER_IN r5 0x0000000000000001
  mtxer r4
  adde r3, r5, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000003
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mtspr_1_mfspr_1:
  # mtspr/mfspr with SPR 1 are mtxer/mfxer.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x000000004000007F
  mtspr 1, r4
  mfspr r3, 1
  blr
  #_ REGISTER_OUT r3 0x000000004000007F
  #_ REGISTER_OUT xer 0x4000007F
  #_ REGISTER_OUT cr 0x00000000

test_mtvrsave_mfvrsave:
  # VRSAVE is a 32-bit register: 0x89ABCDEF reads back zero-extended.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000089ABCDEF
  mtvrsave r4
  mfvrsave r3
  blr
  #_ REGISTER_OUT r3 0x0000000089ABCDEF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mtspr_256_mfspr_256:
  # mtspr/mfspr with SPR 256 are mtvrsave/mfvrsave.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x00000000FFFFFFFF
  mtspr 256, r4
  mfspr r3, 256
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_mfvrsave_initial_zero:
  # VRSAVE starts at 0.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r3 0x0123456789ABCDEF
  mfvrsave r3
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT xer 0x00000000
  #_ REGISTER_OUT cr 0x00000000

test_spr_moves_leave_cr_xer:
  # SPR moves change neither XER nor CR.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r4 0x0000000000000005
  #_ REGISTER_IN xer 0xE0000000
  #_ REGISTER_IN cr 0x12345678
  mtctr r4
  mfctr r3
  blr
  #_ REGISTER_OUT r3 0x0000000000000005
  #_ REGISTER_OUT ctr 0x0000000000000005
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x12345678
