# CR field moves: mcrf, mfcr, mtcrf (and mtcr), mtocrf, mfocrf, mcrxr.
#
# Expected values are derived from the PowerPC ISA, Book I, and verified under qemu-ppc64
# with `oxenon ppc-test --backend qemu`.
# ISA reference: Book I 2.5.1 and 3.3.13 (Move To/From
# System Register Instructions).
#
# mcrxr is written as `.long` (with the mnemonic in a comment) because GNU as for POWER7
# no longer knows it; qemu-ppc64 still executes it. mfocrf leaves the bits of RT outside
# the selected field undefined (before Power ISA 3.0), so those tests mask RT with rlwinm.

test_mcrf_cr0_from_cr7:
  #_ REGISTER_IN cr 0x12345678
  mcrf cr0, cr7
  blr
  #_ REGISTER_OUT cr 0x82345678

test_mcrf_cr7_from_cr0:
  #_ REGISTER_IN cr 0x12345678
  mcrf cr7, cr0
  blr
  #_ REGISTER_OUT cr 0x12345671

test_mcrf_cr3_from_cr3:
  #_ REGISTER_IN cr 0x9ABCDEF0
  mcrf cr3, cr3
  blr
  #_ REGISTER_OUT cr 0x9ABCDEF0

test_mcrf_cr1_from_cr6:
  #_ REGISTER_IN cr 0x9ABCDEF0
  mcrf cr1, cr6
  blr
  #_ REGISTER_OUT cr 0x9FBCDEF0

test_mcrf_cr5_from_cr2:
  #_ REGISTER_IN cr 0xF0F0F0F0
  mcrf cr5, cr2
  blr
  #_ REGISTER_OUT cr 0xF0F0FFF0

test_mcrf_cr2_from_cr5:
  #_ REGISTER_IN cr 0x0F0F0F0F
  mcrf cr2, cr5
  blr
  #_ REGISTER_OUT cr 0x0FFF0F0F

test_mcrf_cr4_from_cr1:
  #_ REGISTER_IN cr 0x0E000000
  mcrf cr4, cr1
  blr
  #_ REGISTER_OUT cr 0x0E00E000

test_mcrf_cr6_from_cr4:
  #_ REGISTER_IN cr 0x00008000
  mcrf cr6, cr4
  blr
  #_ REGISTER_OUT cr 0x00008080

test_mcrf_chain_rotates_fields:
  #_ REGISTER_IN cr 0x12345678
  mcrf cr7, cr0
  mcrf cr0, cr1
  mcrf cr1, cr7
  blr
  #_ REGISTER_OUT cr 0x21345671

# RT = 32 zero bits || CR.
test_mfcr_00000000:
  #_ REGISTER_IN cr 0x00000000
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfcr r3
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT cr 0x00000000

# RT = 32 zero bits || CR.
test_mfcr_12345678:
  #_ REGISTER_IN cr 0x12345678
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfcr r3
  blr
  #_ REGISTER_OUT r3 0x0000000012345678
  #_ REGISTER_OUT cr 0x12345678

# RT = 32 zero bits || CR.
test_mfcr_80000001:
  #_ REGISTER_IN cr 0x80000001
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfcr r3
  blr
  #_ REGISTER_OUT r3 0x0000000080000001
  #_ REGISTER_OUT cr 0x80000001

# RT = 32 zero bits || CR.
test_mfcr_ffffffff:
  #_ REGISTER_IN cr 0xFFFFFFFF
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfcr r3
  blr
  #_ REGISTER_OUT r3 0x00000000FFFFFFFF
  #_ REGISTER_OUT cr 0xFFFFFFFF

# RT = 32 zero bits || CR.
test_mfcr_e5a5c3f0:
  #_ REGISTER_IN cr 0xE5A5C3F0
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfcr r3
  blr
  #_ REGISTER_OUT r3 0x00000000E5A5C3F0
  #_ REGISTER_OUT cr 0xE5A5C3F0

# cr6 = LT|SO (1001): cmpdi is signed; cr2 = GT|SO (0101): unsigned, SO copied from XER.
test_mfcr_after_compare:
  #_ REGISTER_IN xer 0x80000000
  li r4, -1
  cmpdi cr6, r4, 0
  cmplwi cr2, r4, 0
  mfcr r3
  blr
  #_ REGISTER_OUT r3 0x0000000000500090

# Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.
test_mtcrf_ff:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r5 0xDEADBEEF89ABCDEF
  mtcrf 0xff, r5
  blr
  #_ REGISTER_OUT cr 0x89ABCDEF
  #_ REGISTER_OUT r5 0xDEADBEEF89ABCDEF

# Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.
test_mtcrf_00:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r5 0xDEADBEEF89ABCDEF
  mtcrf 0x00, r5
  blr
  #_ REGISTER_OUT cr 0x01234567
  #_ REGISTER_OUT r5 0xDEADBEEF89ABCDEF

# Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.
test_mtcrf_80:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r5 0xDEADBEEF89ABCDEF
  mtcrf 0x80, r5
  blr
  #_ REGISTER_OUT cr 0x81234567
  #_ REGISTER_OUT r5 0xDEADBEEF89ABCDEF

# Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.
test_mtcrf_01:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r5 0xDEADBEEF89ABCDEF
  mtcrf 0x01, r5
  blr
  #_ REGISTER_OUT cr 0x0123456F
  #_ REGISTER_OUT r5 0xDEADBEEF89ABCDEF

# Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.
test_mtcrf_81:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r5 0xDEADBEEF89ABCDEF
  mtcrf 0x81, r5
  blr
  #_ REGISTER_OUT cr 0x8123456F
  #_ REGISTER_OUT r5 0xDEADBEEF89ABCDEF

# Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.
test_mtcrf_5a:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r5 0xDEADBEEF89ABCDEF
  mtcrf 0x5a, r5
  blr
  #_ REGISTER_OUT cr 0x092BC5E7
  #_ REGISTER_OUT r5 0xDEADBEEF89ABCDEF

# Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.
test_mtcrf_a5:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r5 0xDEADBEEF89ABCDEF
  mtcrf 0xa5, r5
  blr
  #_ REGISTER_OUT cr 0x81A34D6F
  #_ REGISTER_OUT r5 0xDEADBEEF89ABCDEF

# Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.
test_mtcrf_3c:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r5 0xDEADBEEF89ABCDEF
  mtcrf 0x3c, r5
  blr
  #_ REGISTER_OUT cr 0x01ABCD67
  #_ REGISTER_OUT r5 0xDEADBEEF89ABCDEF

# Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.
test_mtcrf_7e:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r5 0xDEADBEEF89ABCDEF
  mtcrf 0x7e, r5
  blr
  #_ REGISTER_OUT cr 0x09ABCDE7
  #_ REGISTER_OUT r5 0xDEADBEEF89ABCDEF

# Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.
test_mtcrf_10:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r5 0xDEADBEEF89ABCDEF
  mtcrf 0x10, r5
  blr
  #_ REGISTER_OUT cr 0x012B4567
  #_ REGISTER_OUT r5 0xDEADBEEF89ABCDEF

# Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.
test_mtcrf_08:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r5 0xDEADBEEF89ABCDEF
  mtcrf 0x08, r5
  blr
  #_ REGISTER_OUT cr 0x0123C567
  #_ REGISTER_OUT r5 0xDEADBEEF89ABCDEF

# Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.
test_mtcrf_c3:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r5 0xDEADBEEF89ABCDEF
  mtcrf 0xc3, r5
  blr
  #_ REGISTER_OUT cr 0x892345EF
  #_ REGISTER_OUT r5 0xDEADBEEF89ABCDEF

# mtcr rS = mtcrf 0xFF,rS.
test_mtcr_00000000:
  #_ REGISTER_IN cr 0xA5A5A5A5
  #_ REGISTER_IN r6 0x0000000000000000
  mtcr r6
  blr
  #_ REGISTER_OUT cr 0x00000000

# mtcr rS = mtcrf 0xFF,rS.
test_mtcr_12345678:
  #_ REGISTER_IN cr 0xA5A5A5A5
  #_ REGISTER_IN r6 0xFFFFFFFF12345678
  mtcr r6
  blr
  #_ REGISTER_OUT cr 0x12345678

# mtcr rS = mtcrf 0xFF,rS.
test_mtcr_ffffffff:
  #_ REGISTER_IN cr 0xA5A5A5A5
  #_ REGISTER_IN r6 0x00000000FFFFFFFF
  mtcr r6
  blr
  #_ REGISTER_OUT cr 0xFFFFFFFF

test_mtocrf_cr0:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r7 0x76543210FEDCBA98
  mtocrf 0x80, r7
  blr
  #_ REGISTER_OUT cr 0xF1234567

test_mtocrf_cr1:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r7 0x76543210FEDCBA98
  mtocrf 0x40, r7
  blr
  #_ REGISTER_OUT cr 0x0E234567

test_mtocrf_cr2:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r7 0x76543210FEDCBA98
  mtocrf 0x20, r7
  blr
  #_ REGISTER_OUT cr 0x01D34567

test_mtocrf_cr3:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r7 0x76543210FEDCBA98
  mtocrf 0x10, r7
  blr
  #_ REGISTER_OUT cr 0x012C4567

test_mtocrf_cr4:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r7 0x76543210FEDCBA98
  mtocrf 0x08, r7
  blr
  #_ REGISTER_OUT cr 0x0123B567

test_mtocrf_cr5:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r7 0x76543210FEDCBA98
  mtocrf 0x04, r7
  blr
  #_ REGISTER_OUT cr 0x01234A67

test_mtocrf_cr6:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r7 0x76543210FEDCBA98
  mtocrf 0x02, r7
  blr
  #_ REGISTER_OUT cr 0x01234597

test_mtocrf_cr7:
  #_ REGISTER_IN cr 0x01234567
  #_ REGISTER_IN r7 0x76543210FEDCBA98
  mtocrf 0x01, r7
  blr
  #_ REGISTER_OUT cr 0x01234568

# Field 0 of CR lands in the same bits of RT (the others are undefined).
test_mfocrf_cr0:
  #_ REGISTER_IN cr 0x9ABCDEF1
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfocrf r3, 0x80
  rlwinm r4, r3, 0, 0, 3
  blr
  #_ REGISTER_OUT r4 0x0000000090000000
  #_ REGISTER_OUT cr 0x9ABCDEF1

# Field 1 of CR lands in the same bits of RT (the others are undefined).
test_mfocrf_cr1:
  #_ REGISTER_IN cr 0x9ABCDEF1
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfocrf r3, 0x40
  rlwinm r4, r3, 0, 4, 7
  blr
  #_ REGISTER_OUT r4 0x000000000A000000
  #_ REGISTER_OUT cr 0x9ABCDEF1

# Field 2 of CR lands in the same bits of RT (the others are undefined).
test_mfocrf_cr2:
  #_ REGISTER_IN cr 0x9ABCDEF1
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfocrf r3, 0x20
  rlwinm r4, r3, 0, 8, 11
  blr
  #_ REGISTER_OUT r4 0x0000000000B00000
  #_ REGISTER_OUT cr 0x9ABCDEF1

# Field 3 of CR lands in the same bits of RT (the others are undefined).
test_mfocrf_cr3:
  #_ REGISTER_IN cr 0x9ABCDEF1
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfocrf r3, 0x10
  rlwinm r4, r3, 0, 12, 15
  blr
  #_ REGISTER_OUT r4 0x00000000000C0000
  #_ REGISTER_OUT cr 0x9ABCDEF1

# Field 4 of CR lands in the same bits of RT (the others are undefined).
test_mfocrf_cr4:
  #_ REGISTER_IN cr 0x9ABCDEF1
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfocrf r3, 0x08
  rlwinm r4, r3, 0, 16, 19
  blr
  #_ REGISTER_OUT r4 0x000000000000D000
  #_ REGISTER_OUT cr 0x9ABCDEF1

# Field 5 of CR lands in the same bits of RT (the others are undefined).
test_mfocrf_cr5:
  #_ REGISTER_IN cr 0x9ABCDEF1
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfocrf r3, 0x04
  rlwinm r4, r3, 0, 20, 23
  blr
  #_ REGISTER_OUT r4 0x0000000000000E00
  #_ REGISTER_OUT cr 0x9ABCDEF1

# Field 6 of CR lands in the same bits of RT (the others are undefined).
test_mfocrf_cr6:
  #_ REGISTER_IN cr 0x9ABCDEF1
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfocrf r3, 0x02
  rlwinm r4, r3, 0, 24, 27
  blr
  #_ REGISTER_OUT r4 0x00000000000000F0
  #_ REGISTER_OUT cr 0x9ABCDEF1

# Field 7 of CR lands in the same bits of RT (the others are undefined).
test_mfocrf_cr7:
  #_ REGISTER_IN cr 0x9ABCDEF1
  #_ REGISTER_IN r3 0xFFFFFFFFFFFFFFFF
  mfocrf r3, 0x01
  rlwinm r4, r3, 0, 28, 31
  blr
  #_ REGISTER_OUT r4 0x0000000000000001
  #_ REGISTER_OUT cr 0x9ABCDEF1

test_mtocrf_then_mfocrf_round_trip:
  #_ REGISTER_IN r5 0x0000000000000A00
  mtocrf 0x04, r5
  mfocrf r6, 0x04
  rlwinm r6, r6, 0, 20, 23
  blr
  #_ REGISTER_OUT r6 0x0000000000000A00
  #_ REGISTER_OUT cr 0x00000A00

# CR field BF = XER[SO OV CA] || 0; SO, OV and CA are cleared, the byte count kept.
test_mcrxr_cr3_xer_e000007f:
  #_ REGISTER_IN xer 0xE000007F
  #_ REGISTER_IN cr 0x00000000
  .long 0x7d800400  # mcrxr cr3
  blr
  #_ REGISTER_OUT cr 0x000E0000
  #_ REGISTER_OUT xer 0x0000007F

# CR field BF = XER[SO OV CA] || 0; SO, OV and CA are cleared, the byte count kept.
test_mcrxr_cr0_xer_80000000:
  #_ REGISTER_IN xer 0x80000000
  #_ REGISTER_IN cr 0x00000000
  .long 0x7c000400  # mcrxr cr0
  blr
  #_ REGISTER_OUT cr 0x80000000
  #_ REGISTER_OUT xer 0x00000000

# CR field BF = XER[SO OV CA] || 0; SO, OV and CA are cleared, the byte count kept.
test_mcrxr_cr1_xer_40000005:
  #_ REGISTER_IN xer 0x40000005
  #_ REGISTER_IN cr 0xFFFFFFFF
  .long 0x7c800400  # mcrxr cr1
  blr
  #_ REGISTER_OUT cr 0xF4FFFFFF
  #_ REGISTER_OUT xer 0x00000005

# CR field BF = XER[SO OV CA] || 0; SO, OV and CA are cleared, the byte count kept.
test_mcrxr_cr7_xer_20000010:
  #_ REGISTER_IN xer 0x20000010
  #_ REGISTER_IN cr 0x12345678
  .long 0x7f800400  # mcrxr cr7
  blr
  #_ REGISTER_OUT cr 0x12345672
  #_ REGISTER_OUT xer 0x00000010

# CR field BF = XER[SO OV CA] || 0; SO, OV and CA are cleared, the byte count kept.
test_mcrxr_cr5_xer_00000000:
  #_ REGISTER_IN xer 0x00000000
  #_ REGISTER_IN cr 0xFFFFFFFF
  .long 0x7e800400  # mcrxr cr5
  blr
  #_ REGISTER_OUT cr 0xFFFFF0FF
  #_ REGISTER_OUT xer 0x00000000

# CR field BF = XER[SO OV CA] || 0; SO, OV and CA are cleared, the byte count kept.
test_mcrxr_cr2_xer_a0000020:
  #_ REGISTER_IN xer 0xA0000020
  #_ REGISTER_IN cr 0x00000000
  .long 0x7d000400  # mcrxr cr2
  blr
  #_ REGISTER_OUT cr 0x00A00000
  #_ REGISTER_OUT xer 0x00000020

# CR field BF = XER[SO OV CA] || 0; SO, OV and CA are cleared, the byte count kept.
test_mcrxr_cr6_xer_60000000:
  #_ REGISTER_IN xer 0x60000000
  #_ REGISTER_IN cr 0x11111111
  .long 0x7f000400  # mcrxr cr6
  blr
  #_ REGISTER_OUT cr 0x11111161
  #_ REGISTER_OUT xer 0x00000000

# CR field BF = XER[SO OV CA] || 0; SO, OV and CA are cleared, the byte count kept.
test_mcrxr_cr4_xer_c0000001:
  #_ REGISTER_IN xer 0xC0000001
  #_ REGISTER_IN cr 0x00000000
  .long 0x7e000400  # mcrxr cr4
  blr
  #_ REGISTER_OUT cr 0x0000C000
  #_ REGISTER_OUT xer 0x00000001

# addic of -1 + 1 sets CA; mcrxr puts it in cr1 bit 2 (the EQ position).
test_mcrxr_then_branch_on_ca:
  li r4, -1
  addic r4, r4, 1
  .long 0x7C800400  # mcrxr cr1
  li r3, 1
  bc 12, 4*cr1+eq, 1f
  li r3, 2
1: blr
  #_ REGISTER_OUT r3 1
  #_ REGISTER_OUT r4 0
  #_ REGISTER_OUT cr 0x02000000
  #_ REGISTER_OUT xer 0x00000000
