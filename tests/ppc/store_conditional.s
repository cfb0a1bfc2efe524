# Store conditional: stwcx., stdcx. success and failure paths.
#
# Expected values are derived from the PowerPC ISA, Book I, and verified under qemu-ppc64
# with `oxenon ppc-test --backend qemu`.
# ISA reference: Book II 3.3.2, Load And Reserve and Store Conditional Instructions; Book I 3.3.
#
# Success (a reservation from lwarx/ldarx on the same address and size) stores and sets
# CR0 (LT GT EQ SO) = 0 0 1 XER[SO]; failure (no reservation) stores nothing and sets
# CR0 = 0 0 0 XER[SO]. Every store conditional clears the reservation. Only cases the
# ISA defines are tested: no store-conditional to an address other than the reserved one.

# No reservation: nothing is stored, CR0 = 0.
test_stwcx_without_reservation_fails:
  #_ REGISTER_IN r4 0x0000000010001000
  #_ REGISTER_IN r5 0x0123456789ABCDEF
  #_ REGISTER_IN cr 0x00000000
  #_ REGISTER_IN xer 0x00000000
  #_ MEMORY_IN 10001000 5A 5A 5A 5A
  stwcx. r5, 0, r4
  blr
  #_ MEMORY_OUT 10001000 5A 5A 5A 5A
  #_ REGISTER_OUT cr 0x00000000

# CR0 = 0b0001: only the copy of SO.
test_stwcx_without_reservation_fails_with_so:
  #_ REGISTER_IN r4 0x0000000010001000
  #_ REGISTER_IN r5 0x0123456789ABCDEF
  #_ REGISTER_IN cr 0xFABCDEF1
  #_ REGISTER_IN xer 0x80000000
  #_ MEMORY_IN 10001000 5A 5A 5A 5A
  stwcx. r5, 0, r4
  blr
  #_ MEMORY_OUT 10001000 5A 5A 5A 5A
  #_ REGISTER_OUT cr 0x1ABCDEF1

# The first succeeds (EQ) and clears the reservation; the second fails and stores nothing.
test_stwcx_second_store_fails_after_success:
  #_ REGISTER_IN r4 0x0000000010001000
  #_ REGISTER_IN r5 0x1111111111111111
  #_ REGISTER_IN r7 0x2222222222222222
  #_ MEMORY_IN 10001000 33 33 33 33
  lwarx r3, 0, r4
  stwcx. r5, 0, r4
  mfcr r6
  stwcx. r7, 0, r4
  mfcr r8
  blr
  #_ REGISTER_OUT r6 0x0000000020000000
  #_ REGISTER_OUT r8 0x0000000000000000
  #_ MEMORY_OUT 10001000 11 11 11 11
  #_ REGISTER_OUT r3 0x0000000033333333

test_stwcx_indexed_ra_rb_succeeds:
  #_ REGISTER_IN r4 0x0000000010001F00
  #_ REGISTER_IN r6 0x0000000000000080
  #_ REGISTER_IN r5 0xA5A5A5A5C3C3C3C3
  #_ MEMORY_IN 10001f80 77 77 77 77
  lwarx r3, r4, r6
  stwcx. r5, r4, r6
  blr
  #_ REGISTER_OUT cr 0x20000000
  #_ MEMORY_OUT 10001f80 C3 C3 C3 C3

# The usual retry loop completes on its first pass.
test_stwcx_atomic_increment_loop:
  #_ REGISTER_IN r4 0x0000000010002000
  #_ MEMORY_IN 10002000 00 00 00 41
1: lwarx r3, 0, r4
  addi r3, r3, 1
  stwcx. r3, 0, r4
  bne- 1b
  blr
  #_ REGISTER_OUT r3 0x42
  #_ MEMORY_OUT 10002000 00 00 00 42
  #_ REGISTER_OUT cr 0x20000000

# A failed store conditional, then a fresh reservation and a successful one.
test_stwcx_reload_after_failure_succeeds:
  #_ REGISTER_IN r4 0x0000000010003000
  #_ REGISTER_IN r5 0x0000000000000009
  #_ MEMORY_IN 10003000 01 01 01 01
  stwcx. r5, 0, r4
  mfcr r6
  lwarx r3, 0, r4
  stwcx. r5, 0, r4
  blr
  #_ REGISTER_OUT r6 0
  #_ REGISTER_OUT cr 0x20000000
  #_ MEMORY_OUT 10003000 00 00 00 09

# No reservation: nothing is stored, CR0 = 0.
test_stdcx_without_reservation_fails:
  #_ REGISTER_IN r4 0x0000000010001000
  #_ REGISTER_IN r5 0x0123456789ABCDEF
  #_ REGISTER_IN cr 0x00000000
  #_ REGISTER_IN xer 0x00000000
  #_ MEMORY_IN 10001000 5A 5A 5A 5A 5A 5A 5A 5A
  stdcx. r5, 0, r4
  blr
  #_ MEMORY_OUT 10001000 5A 5A 5A 5A 5A 5A 5A 5A
  #_ REGISTER_OUT cr 0x00000000

# CR0 = 0b0001: only the copy of SO.
test_stdcx_without_reservation_fails_with_so:
  #_ REGISTER_IN r4 0x0000000010001000
  #_ REGISTER_IN r5 0x0123456789ABCDEF
  #_ REGISTER_IN cr 0xFABCDEF1
  #_ REGISTER_IN xer 0x80000000
  #_ MEMORY_IN 10001000 5A 5A 5A 5A 5A 5A 5A 5A
  stdcx. r5, 0, r4
  blr
  #_ MEMORY_OUT 10001000 5A 5A 5A 5A 5A 5A 5A 5A
  #_ REGISTER_OUT cr 0x1ABCDEF1

# The first succeeds (EQ) and clears the reservation; the second fails and stores nothing.
test_stdcx_second_store_fails_after_success:
  #_ REGISTER_IN r4 0x0000000010001000
  #_ REGISTER_IN r5 0x1111111111111111
  #_ REGISTER_IN r7 0x2222222222222222
  #_ MEMORY_IN 10001000 33 33 33 33 33 33 33 33
  ldarx r3, 0, r4
  stdcx. r5, 0, r4
  mfcr r6
  stdcx. r7, 0, r4
  mfcr r8
  blr
  #_ REGISTER_OUT r6 0x0000000020000000
  #_ REGISTER_OUT r8 0x0000000000000000
  #_ MEMORY_OUT 10001000 11 11 11 11 11 11 11 11
  #_ REGISTER_OUT r3 0x3333333333333333

test_stdcx_indexed_ra_rb_succeeds:
  #_ REGISTER_IN r4 0x0000000010001F00
  #_ REGISTER_IN r6 0x0000000000000080
  #_ REGISTER_IN r5 0xA5A5A5A5C3C3C3C3
  #_ MEMORY_IN 10001f80 77 77 77 77 77 77 77 77
  ldarx r3, r4, r6
  stdcx. r5, r4, r6
  blr
  #_ REGISTER_OUT cr 0x20000000
  #_ MEMORY_OUT 10001f80 A5 A5 A5 A5 C3 C3 C3 C3

# The usual retry loop completes on its first pass.
test_stdcx_atomic_increment_loop:
  #_ REGISTER_IN r4 0x0000000010002000
  #_ MEMORY_IN 10002000 00 00 00 00 00 00 00 41
1: ldarx r3, 0, r4
  addi r3, r3, 1
  stdcx. r3, 0, r4
  bne- 1b
  blr
  #_ REGISTER_OUT r3 0x42
  #_ MEMORY_OUT 10002000 00 00 00 00 00 00 00 42
  #_ REGISTER_OUT cr 0x20000000

# A failed store conditional, then a fresh reservation and a successful one.
test_stdcx_reload_after_failure_succeeds:
  #_ REGISTER_IN r4 0x0000000010003000
  #_ REGISTER_IN r5 0x0000000000000009
  #_ MEMORY_IN 10003000 01 01 01 01 01 01 01 01
  stdcx. r5, 0, r4
  mfcr r6
  ldarx r3, 0, r4
  stdcx. r5, 0, r4
  blr
  #_ REGISTER_OUT r6 0
  #_ REGISTER_OUT cr 0x20000000
  #_ MEMORY_OUT 10003000 00 00 00 00 00 00 00 09
