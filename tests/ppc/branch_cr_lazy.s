# Comparisons whose CR field is read in a later block, after the compared registers or
# XER[SO] changed, and by a conditional return that links (a shape differential fuzzing
# found: the JIT keeps such fields as comparisons, see docs/JIT.md "Condition register").
#
# Expected values are derived from the PowerPC ISA, Book I (3.3.9 Fixed-Point Compare
# Instructions, 2.4 Branch Instructions, 3.3.13 mfcr) and verified under qemu-ppc64 with
# `oxenon ppc-test --backend qemu`. All run in 64-bit mode (MSR[SF] = 1), as qemu-ppc64 does.

test_lazy_cr_operand_changed_in_next_block:
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r3 5
  #_ REGISTER_IN r4 5
  #_ REGISTER_IN cr 0x000000CD
  cmpw cr1, r3, r4
  b 1f
1:
  bne cr1, 2f
  addi r3, r3, 100
  b 2f
2:
  mfcr r5
  blr
  #_ REGISTER_OUT r3 105
  #_ REGISTER_OUT r5 0x020000CD
  #_ REGISTER_OUT cr 0x020000CD

test_lazy_cr_so_set_after_compare:
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r3 -3
  #_ REGISTER_IN r4 2
  #_ REGISTER_IN r6 0x7FFFFFFFFFFFFFFF
  #_ REGISTER_IN cr 0x00000000
  #_ REGISTER_IN xer 0x00000000
  cmpd cr7, r3, r4
  cmpld cr6, r3, r4
  b 1f
1:
  addo r7, r6, r6
  b 2f
2:
  mfcr r5
  blr
  #_ REGISTER_OUT r5 0x00000048
  #_ REGISTER_OUT r7 0xFFFFFFFFFFFFFFFE
  #_ REGISTER_OUT cr 0x00000048
  #_ REGISTER_OUT xer 0xC0000000

test_lazy_cr_record_then_conditional_return_with_link:
  #_ REGISTER_IN msr 0x8000000000000000
  #_ REGISTER_IN r24 0
  #_ REGISTER_IN cr 0x000000CD
  mflr r9
  addic. r2, r24, -4042
  bcl 20, 31, 1f
1:
  beqlrl
  mtlr r9
  blr
  #_ REGISTER_OUT r2 -4042
  #_ REGISTER_OUT cr 0x800000CD
