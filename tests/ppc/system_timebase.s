# mftb and mftbu. The time base runs, so these tests check only the properties the ISA
# guarantees: it never decreases, and TBU is its upper word.
#
# Expected values are derived from the PowerPC ISA (Book I for the user registers and the
# barriers, Book II for the cache and time-base instructions) and verified under qemu-ppc64
# with `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter. Every test
# sets 64-bit mode (msr 0x8000000000000000), the mode qemu-ppc64 runs in.

test_mftb_monotonic:
  #_ REGISTER_IN msr 0x8000000000000000
  # The time base never goes backwards: a second read is >= the first, so the
  # signed difference (far below 2^63) has a clear sign bit: r3 = 0.
  mftb r4
  mftb r5
  subf r6, r4, r5
  sradi r3, r6, 63
  blr
  #_ REGISTER_OUT r3 0x0000000000000000

test_mftbu_matches_mftb:
  #_ REGISTER_IN msr 0x8000000000000000
  # The ISA's recipe for a consistent read: TBU, TB, TBU again until TBU is stable.
  # In 64-bit mode mftb reads all 64 bits, so TB >> 32 equals that TBU: r3 = 0.
  # mftbu zero-extends TBU: r8 = r4 >> 32 = 0.
1:
  mftbu r4
  mftb r5
  mftbu r6
  cmpd r4, r6
  bne 1b
  srdi r7, r5, 32
  subf r3, r4, r7
  srdi r8, r4, 32
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
  #_ REGISTER_OUT r8 0x0000000000000000

test_mftb_both_opcodes:
  #_ REGISTER_IN msr 0x8000000000000000
  # mftb under extended opcode 371 (encoded by hand: GNU as emits mfspr 268 for
  # mftb) reads the same time base: a later mfspr 268 is not smaller, r3 = 0.
  .long 0x7C8C42E6  # mftb r4 (X-form, XO 371)
  mfspr r5, 268
  subf r6, r4, r5
  sradi r3, r6, 63
  blr
  #_ REGISTER_OUT r3 0x0000000000000000

test_mftbu_both_opcodes:
  #_ REGISTER_IN msr 0x8000000000000000
  # mftbu under extended opcode 371 reads the same TBU as mfspr 269: read it between
  # two mfspr 269 until they agree (TBU did not tick meanwhile); then r3 = 0.
1:
  mfspr r4, 269
  .long 0x7CAD42E6  # mftbu r5 (X-form, XO 371)
  mfspr r6, 269
  cmpd r4, r6
  bne 1b
  subf r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0x0000000000000000
