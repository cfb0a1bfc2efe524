# The `or rX,rX,rX` thread-priority and delay hints of the Xenon (cctpl, cctpm, cctph, db8cyc,
# db10cyc, db12cyc, db16cyc): architecturally they are `or` with RS = RA = RB, which changes no
# register.
#
# Expected values are derived from the PowerPC ISA (Book I for the user registers and the
# barriers, Book II for the cache and time-base instructions) and verified under qemu-ppc64
# with `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter. Every test
# sets 64-bit mode (msr 0x8000000000000000), the mode qemu-ppc64 runs in.

test_cctpl_changes_nothing:
  # or 1,1,1 (cctpl, low thread priority): no state changes, r1 included.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r1 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0x0000000000001111
  #_ REGISTER_IN xer 0xE0000000
  #_ REGISTER_IN cr 0x12345678
  or r1, r1, r1
  blr
  #_ REGISTER_OUT r1 0x0123456789ABCDEF
  #_ REGISTER_OUT r3 0x0000000000001111
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x12345678

test_cctpm_changes_nothing:
  # or 2,2,2 (cctpm, medium priority).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r2 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0x0000000000001111
  #_ REGISTER_IN xer 0xE0000000
  #_ REGISTER_IN cr 0x12345678
  or r2, r2, r2
  blr
  #_ REGISTER_OUT r2 0x0123456789ABCDEF
  #_ REGISTER_OUT r3 0x0000000000001111
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x12345678

test_cctph_changes_nothing:
  # or 3,3,3 (cctph, high priority).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r3 0x0000000000001111
  #_ REGISTER_IN xer 0xE0000000
  #_ REGISTER_IN cr 0x12345678
  or r3, r3, r3
  blr
  #_ REGISTER_OUT r3 0x0000000000001111
  #_ REGISTER_OUT r3 0x0000000000001111
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x12345678

test_db8cyc_changes_nothing:
  # or 28,28,28 (db8cyc, delay 8 cycles).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r28 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0x0000000000001111
  #_ REGISTER_IN xer 0xE0000000
  #_ REGISTER_IN cr 0x12345678
  or r28, r28, r28
  blr
  #_ REGISTER_OUT r3 0x0000000000001111
  #_ REGISTER_OUT r28 0x0123456789ABCDEF
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x12345678

test_db10cyc_changes_nothing:
  # or 29,29,29 (db10cyc).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r29 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0x0000000000001111
  #_ REGISTER_IN xer 0xE0000000
  #_ REGISTER_IN cr 0x12345678
  or r29, r29, r29
  blr
  #_ REGISTER_OUT r3 0x0000000000001111
  #_ REGISTER_OUT r29 0x0123456789ABCDEF
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x12345678

test_db12cyc_changes_nothing:
  # or 30,30,30 (db12cyc).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r30 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0x0000000000001111
  #_ REGISTER_IN xer 0xE0000000
  #_ REGISTER_IN cr 0x12345678
  or r30, r30, r30
  blr
  #_ REGISTER_OUT r3 0x0000000000001111
  #_ REGISTER_OUT r30 0x0123456789ABCDEF
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x12345678

test_db16cyc_changes_nothing:
  # or 31,31,31 (db16cyc).
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r31 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0x0000000000001111
  #_ REGISTER_IN xer 0xE0000000
  #_ REGISTER_IN cr 0x12345678
  or r31, r31, r31
  blr
  #_ REGISTER_OUT r3 0x0000000000001111
  #_ REGISTER_OUT r31 0x0123456789ABCDEF
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x12345678

test_mr_self_changes_nothing:
  # or 27,27,27, a plain mr r27,r27.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r27 0x0123456789ABCDEF
  #_ REGISTER_IN r3 0x0000000000001111
  #_ REGISTER_IN xer 0xE0000000
  #_ REGISTER_IN cr 0x12345678
  or r27, r27, r27
  blr
  #_ REGISTER_OUT r3 0x0000000000001111
  #_ REGISTER_OUT r27 0x0123456789ABCDEF
  #_ REGISTER_OUT xer 0xE0000000
  #_ REGISTER_OUT cr 0x12345678

test_or_rc_self_records:
  # With Rc=1 it is no hint but mr. r1,r1: CR0 = LT | SO.
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r1 0x8000000000000000
  #_ REGISTER_IN xer 0x80000000
  or. r1, r1, r1
  blr
  #_ REGISTER_OUT r1 0x8000000000000000
  #_ REGISTER_OUT xer 0x80000000
  #_ REGISTER_OUT cr 0x90000000
