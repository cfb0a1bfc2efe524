from gen import Test as T, Raw, write, PROVENANCE_QEMU
from model import XER_SO as SO, XER_OV as OV, XER_CA as CA

MAX64 = 0x7FFFFFFFFFFFFFFF
MIN64 = 0x8000000000000000
NEG1 = 0xFFFFFFFFFFFFFFFF
W = 0xFFFFFFFF
A = 0x0123456789ABCDEF
SCR = 0x10001000

PROV = """
Expected values are derived from the PowerPC ISA (Book I for the user registers and the
barriers, Book II for the cache and time-base instructions) and verified under qemu-ppc64
with `oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter. Every test
sets 64-bit mode (msr 0x8000000000000000), the mode qemu-ppc64 runs in.
"""


def n(x):
    return x & NEG1


def spr():
    t = [
        T('mtctr_mfctr', 'mtctr r4; mfctr r3', {'r4': A}, 'CTR holds all 64 bits.',
          extra_out=['ctr']),
        T('mtctr_sets_ctr', 'mtctr r4', {'r4': NEG1}, 'CTR = -1.', out=['ctr', 'xer', 'cr']),
        T('mfctr_reads_ctr', 'mfctr r3', {'ctr': 0x8000000000000001}, 'RT = CTR.',
          extra_out=['ctr']),
        T('mtspr_9_mfspr_9', 'mtspr 9, r4; mfspr r3, 9', {'r4': 0xFEDCBA9876543210},
          'mtspr/mfspr with SPR 9 are mtctr/mfctr.', extra_out=['ctr']),
        T('mflr_reads_return_address', 'mflr r3', {},
          'Every test starts with LR = 0xBCBCBCBC, its return address.'),
        T('mtlr_mflr', 'mflr r10; mtlr r4; mflr r3; mtlr r10', {'r4': A},
          'LR holds all 64 bits; LR is restored from r10 so the test can return.',
          extra_out=['lr']),
        T('mtspr_8_mfspr_8', 'mfspr r10, 8; mtspr 8, r4; mfspr r3, 8; mtspr 8, r10',
          {'r4': 0xFFFFFFFF00000004}, 'mtspr/mfspr with SPR 8 are mtlr/mflr.', extra_out=['lr']),
        T('mtxer_all_defined_bits', 'mtxer r4; mfxer r3', {'r4': 0xE000007F},
          'SO, OV, CA and the byte count (bits 57-63) read back.'),
        T('mtxer_ca_only', 'mtxer r4', {'r4': CA}, 'XER = CA.', out=['xer', 'cr']),
        T('mtxer_clears_so', 'mtxer r4', {'r4': 0, 'xer': SO | OV | CA},
          'Only mtxer clears the sticky SO.', out=['xer', 'cr']),
        T('mtxer_byte_count', 'mtxer r4; mfxer r3', {'r4': 0x55}, 'Byte count 0x55.'),
        T('mfxer_reads_xer', 'mfxer r3', {'xer': SO | CA | 0x10}, 'RT = XER (zero-extended).'),
        T('mfxer_after_carry', 'addc r5, r4, r4; mfxer r3', {'r4': MIN64},
          'addc sets CA, which mfxer sees: 0x20000000.'),
        T('mtxer_so_reaches_cr0', 'mtxer r4; add. r3, r5, r5', {'r4': SO, 'r5': 0},
          'SO written by mtxer is copied into CR0: EQ | SO.'),
        T('mtxer_ca_feeds_adde', 'mtxer r4; adde r3, r5, r5', {'r4': CA, 'r5': 1},
          'CA written by mtxer is adde\'s carry in: 1 + 1 + 1 = 3.'),
        T('mtspr_1_mfspr_1', 'mtspr 1, r4; mfspr r3, 1', {'r4': OV | 0x7F},
          'mtspr/mfspr with SPR 1 are mtxer/mfxer.'),
        T('mtvrsave_mfvrsave', 'mtvrsave r4; mfvrsave r3', {'r4': 0x89ABCDEF},
          'VRSAVE is a 32-bit register: 0x89ABCDEF reads back zero-extended.'),
        T('mtspr_256_mfspr_256', 'mtspr 256, r4; mfspr r3, 256', {'r4': 0xFFFFFFFF},
          'mtspr/mfspr with SPR 256 are mtvrsave/mfvrsave.'),
        T('mfvrsave_initial_zero', 'mfvrsave r3', {'r3': A}, 'VRSAVE starts at 0.'),
        T('spr_moves_leave_cr_xer', 'mtctr r4; mfctr r3', {'r4': 5, 'xer': SO | OV | CA,
                                                          'cr': 0x12345678},
          'SPR moves change neither XER nor CR.', extra_out=['ctr']),
    ]
    return write('system_spr.s', """
mfspr/mtspr of the user SPRs: XER (1), LR (8), CTR (9), VRSAVE (256), under their extended
mnemonics (mfxer, mtlr, ...) and their numbers. LR is always restored before the blr that
ends the test.
""" + PROV, t)


def timebase():
    t = [
        Raw('mftb_monotonic', """
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
            """),
        Raw('mftbu_matches_mftb', """
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
            """),
        Raw('mftb_both_opcodes', """
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
            """),
        Raw('mftbu_both_opcodes', """
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
            """),
    ]
    return write('system_timebase.s', """
mftb and mftbu. The time base runs, so these tests check only the properties the ISA
guarantees: it never decreases, and TBU is its upper word.
""" + PROV, t)


def fill(addr, length, start=0x11):
    return (addr, bytes(((start + i) & 0xFF) or 0x5A for i in range(length)))


def dcbz():
    base = SCR + 0x100
    # Blocks: 128-byte aligned block 0x10001100..0x1000117F; its neighbours are checked too.
    DCBZ_NOTE = ('qemu\'s POWER7 zeroes a 128-byte block for dcbz where the Xenon zeroes 32 '
                 'bytes, so only the 32-byte block and the bytes outside the 128-byte block are '
                 'checked (system_xenon.s checks the exact extent). ')
    t = [
        T('dcbz_zeroes_block', 'dcbz r4, r5', {'r4': base, 'r5': 0x40}, DCBZ_NOTE +
          'EA = 0x10001140: bytes 0x10001140-0x1000115F become 0.',
          mem_in=[fill(base - 0x10, 0xA0)],
          mem_out=[(base - 0x10, 0x10), (base + 0x40, 0x20), (base + 0x80, 0x10)]),
        T('dcbz_unaligned_ea', 'dcbz r4, r5', {'r4': base + 0x40, 'r5': 0x1D}, DCBZ_NOTE +
          'EA = 0x1000115D is rounded down to its block, 0x10001140.',
          mem_in=[fill(base - 0x10, 0xA0)],
          mem_out=[(base - 0x10, 0x10), (base + 0x40, 0x20), (base + 0x80, 0x10)]),
        T('dcbz_ra0', 'dcbz 0, r5', {'r0': 0x1000, 'r5': base + 0x5F}, DCBZ_NOTE +
          'RA = 0 means 0 (not r0): EA = RB = 0x1000115F, block 0x10001140.',
          mem_in=[fill(base - 0x10, 0xA0)],
          mem_out=[(base - 0x10, 0x10), (base + 0x40, 0x20), (base + 0x80, 0x10)]),
        T('dcbz_keeps_registers', 'dcbz r4, r5', {'r4': base + 0x20, 'r5': 0x20,
                                                  'xer': SO | CA, 'cr': 0x12345678},
          DCBZ_NOTE + 'No register changes.', out=['r4', 'r5', 'xer', 'cr'],
          mem_in=[fill(base + 0x40, 0x20)], mem_out=[(base + 0x40, 0x20)]),
        T('dcbzl_zeroes_128_bytes', 'dcbzl r4, r5', {'r4': base, 'r5': 0x7F},
          'dcbzl is the Xenon\'s dcbz128: EA 0x1000117F, the 128-byte block 0x10001100-0x1000117F '
          'is zeroed; the bytes around it are not.',
          mem_in=[fill(base - 0x10, 0xA0)], mem_out=[(base - 0x10, 0xA0)]),
        T('dcbzl_aligned', 'dcbzl 0, r5', {'r5': base + 0x80},
          'EA 0x10001180 starts a block: 0x10001180-0x100011FF zeroed, 0x10001170-0x1000117F and '
          '0x10001200-0x1000120F kept.',
          mem_in=[fill(base + 0x70, 0xA0)], mem_out=[(base + 0x70, 0xA0)]),
        T('dcbzl_keeps_registers', 'dcbzl r4, r5', {'r4': base, 'r5': 0x10, 'cr': 0x87654321,
                                                    'xer': OV},
          'No register changes.', out=['r4', 'r5', 'xer', 'cr'],
          mem_in=[fill(base, 0x80)], mem_out=[(base, 0x80)]),
    ]
    return write('system_dcbz.s', """
dcbz (32-byte block on the Xenon) and dcbz128 (dcbzl to GNU as: dcbz with bit 10 set, which
zeroes a 128-byte block), on scratch memory.
""" + PROV, t)


def dcbz_xenon():
    base = SCR + 0x100
    t = [
        T('dcbz_zeroes_exactly_32_bytes', 'dcbz r4, r5', {'msr': 0, 'r4': base, 'r5': 0x40},
          'The Xenon\'s data cache block is 32 bytes: only 0x10001140-0x1000115F change.',
          mem_in=[fill(base - 0x10, 0xA0)], mem_out=[(base - 0x10, 0xA0)]),
        T('dcbz_first_block_of_line', 'dcbz r4, r5', {'msr': 0, 'r4': base, 'r5': 0x1F},
          'EA 0x1000111F: block 0x10001100-0x1000111F; the rest of the 128-byte line stays.',
          mem_in=[fill(base - 0x10, 0xA0)], mem_out=[(base - 0x10, 0xA0)]),
        T('dcbz_last_block_of_line', 'dcbz 0, r5', {'msr': 0, 'r5': base + 0x7F},
          'EA 0x1000117F: block 0x10001160-0x1000117F.',
          mem_in=[fill(base - 0x10, 0xA0)], mem_out=[(base - 0x10, 0xA0)]),
        T('dcbz_ea_is_32_bits', 'dcbz r4, r5',
          {'msr': 0, 'r4': 0xFFFFFFFF00000000, 'r5': 0x0000000100000000 + base + 0x60},
          'The effective address is 32 bits: (RA) + (RB) = 0x1_1000_1160 truncated, '
          'EA = 0x10001160.',
          mem_in=[fill(base - 0x10, 0xA0)], mem_out=[(base - 0x10, 0xA0)]),
        T('dcbzl_zeroes_128_bytes_mode32', 'dcbzl r4, r5', {'msr': 0, 'r4': base, 'r5': 0x45},
          'dcbz128 in 32-bit mode: the 128-byte block 0x10001100-0x1000117F.',
          mem_in=[fill(base - 0x10, 0xA0)], mem_out=[(base - 0x10, 0xA0)]),
        T('vrsave_is_32_bits', 'mtvrsave r4; mfvrsave r3', {'msr': 0, 'r4': A},
          'VRSAVE is a 32-bit SPR: mtspr takes RS[32:63] and mfspr returns it zero-extended: '
          '0x89ABCDEF.'),
    ]
    return write('system_xenon.s', """
Xenon behaviour that qemu-ppc64 (POWER7, 64-bit mode) does not reproduce: the 32-byte data cache
block of dcbz, and the 32-bit VRSAVE (qemu keeps 64 bits). The tests run in 32-bit mode
(msr 0), the mode Xbox 360 titles run in, so qemu skips them and their expected values come
from the definitions alone: dcbz zeroes the aligned 32-byte block containing EA (dcbz128 the
aligned 128-byte block), EA is (RA|0) + RB truncated to 32 bits, and VRSAVE is a 32-bit SPR
(PowerPC ISA Book I) whose value mfspr zero-extends.
""", t)


def sync_cache():
    regs = {'r3': A, 'r4': SCR + 0x200, 'r5': 0x10, 'xer': SO | CA, 'cr': 0x12345678,
            'ctr': 0x42}
    keep = ['r3', 'r4', 'r5', 'ctr', 'xer', 'cr']
    mem = [fill(SCR + 0x200, 0x40)]
    mout = [(SCR + 0x200, 0x40)]

    def k(name, code, why, ins=None):
        i = dict(regs)
        i.update(ins or {})
        return T(name, code, i, why, out=keep, mem_in=mem, mem_out=mout)

    t = [
        k('sync_changes_nothing', 'sync', 'A barrier: no register or memory changes.'),
        k('hwsync_changes_nothing', 'hwsync', 'sync 0.'),
        k('lwsync_changes_nothing', 'lwsync', 'sync 1.'),
        k('ptesync_changes_nothing', 'ptesync', 'sync 2.'),
        k('eieio_changes_nothing', 'eieio', 'eieio orders storage accesses only.'),
        k('isync_changes_nothing', 'isync', 'isync discards prefetched instructions only.'),
        k('dcbf_changes_nothing', 'dcbf r4, r5', 'Flushing a block leaves its contents.'),
        k('dcbf_ra0', 'dcbf 0, r4', 'RA = 0 form.'),
        k('dcbf_local', 'dcbf r4, r5, 1', 'dcbf with L = 1.'),
        k('dcbst_changes_nothing', 'dcbst r4, r5', 'Storing a block back leaves its contents.'),
        k('dcbt_changes_nothing', 'dcbt r4, r5', 'A touch hint.'),
        k('dcbt_unmapped_no_fault', 'dcbt 0, r3', 'Touch hints never fault, even at an unmapped '
          'address (r3 = 0x01234567_89ABCDEF).'),
        k('dcbtst_changes_nothing', 'dcbtst r4, r5', 'A touch-for-store hint.'),
        k('dcbt_th8_changes_nothing', 'dcbt r4, r5, 8', 'dcbt with TH = 8 (dcbtds).'),
        k('dcbt_th16_changes_nothing', 'dcbt r4, r5, 16', 'dcbt with TH = 16.'),
        k('dcbtst_th8_changes_nothing', 'dcbtst r4, r5, 8', 'dcbtst with TH = 8 (dcbtstds).'),
        k('dcbtst_th16_changes_nothing', 'dcbtst r4, r5, 16', 'dcbtst with TH = 16.'),
        k('icbi_ra0', 'icbi 0, r4', 'RA = 0 form.'),
        k('dcbtst_unmapped_no_fault', 'dcbtst 0, r3', 'No fault at an unmapped address.'),
        k('icbi_changes_nothing', 'icbi r4, r5', 'Invalidating an instruction cache block.'),
        k('barrier_sequence', 'lwsync; dcbst r4, r5; sync; icbi r4, r5; isync',
          'The sequence for making stored instructions executable changes no data.'),
    ]
    return write('system_sync_cache.s', """
sync (hwsync, lwsync, ptesync), eieio, isync, and the cache hints and flushes dcbf, dcbst, dcbt,
dcbtst, icbi: none changes registers or memory. Memory at 0x10001200 holds a pattern that must
survive.
""" + PROV, t)


def hints():
    def h(name, r, why):
        ins = {'r%d' % r: A, 'r3': 0x1111, 'xer': SO | OV | CA, 'cr': 0x12345678}
        return T(name, 'or r%d, r%d, r%d' % (r, r, r), ins, why,
                 out=['r%d' % r, 'r3', 'xer', 'cr'])

    t = [
        h('cctpl_changes_nothing', 1, 'or 1,1,1 (cctpl, low thread priority): no state changes, r1 included.'),
        h('cctpm_changes_nothing', 2, 'or 2,2,2 (cctpm, medium priority).'),
        h('cctph_changes_nothing', 3, 'or 3,3,3 (cctph, high priority).'),
        h('db8cyc_changes_nothing', 28, 'or 28,28,28 (db8cyc, delay 8 cycles).'),
        h('db10cyc_changes_nothing', 29, 'or 29,29,29 (db10cyc).'),
        h('db12cyc_changes_nothing', 30, 'or 30,30,30 (db12cyc).'),
        h('db16cyc_changes_nothing', 31, 'or 31,31,31 (db16cyc).'),
        h('mr_self_changes_nothing', 27, 'or 27,27,27, a plain mr r27,r27.'),
        T('or_rc_self_records', 'or. r1, r1, r1', {'r1': MIN64, 'xer': SO},
          'With Rc=1 it is no hint but mr. r1,r1: CR0 = LT | SO.', out=['r1', 'xer', 'cr']),
    ]
    return write('system_hints.s', """
The `or rX,rX,rX` thread-priority and delay hints of the Xenon (cctpl, cctpm, cctph, db8cyc,
db10cyc, db12cyc, db16cyc): architecturally they are `or` with RS = RA = RB, which changes no
register.
""" + PROV, t)


def traps():
    def tr(name, code, a, b, why):
        ins = {'r3': a, 'r4': b, 'xer': SO | CA, 'cr': 0x12345678}
        return T(name, code, ins, 'Does not trap: ' + why, out=['r3', 'r4', 'xer', 'cr'])

    t = [
        tr('tw_to0_never', 'tw 0, r3, r4', 0, 0, 'TO = 0 tests nothing.'),
        tr('tweq_unequal', 'tweq r3, r4', 1, 2, '1 != 2.'),
        tr('tweq_low_words_differ', 'tweq r3, r4', 0x100000001, 0x100000002,
           'low words 1 and 2 differ.'),
        tr('twne_low_words_equal', 'twne r3, r4', 0x0000000100000005, 0x0000000200000005,
           'the low words are equal (5); the high words do not count.'),
        tr('twlt_greater', 'twlt r3, r4', 5, 3, '5 is not < 3.'),
        tr('twlt_word_sign', 'twlt r3, r4', 0x7FFFFFFF, 0x80000000,
           'as words 2^31-1 > -2^31.'),
        tr('twgt_less', 'twgt r3, r4', W, 0, 'the word -1 is not > 0.'),
        tr('twge_less', 'twge r3, r4', 0x80000000, 0x7FFFFFFF, '-2^31 < 2^31-1.'),
        tr('twle_greater', 'twle r3, r4', 1, W, '1 > -1.'),
        tr('twllt_unsigned', 'twllt r3, r4', W, 0, '0xFFFFFFFF is not <u 0.'),
        tr('twlgt_unsigned', 'twlgt r3, r4', 1, W, '1 is not >u 0xFFFFFFFF (signed it is greater).'),
        tr('twlge_less', 'twlge r3, r4', 0, 0x80000000, '0 <u 0x80000000.'),
        tr('twlle_greater', 'twlle r3, r4', 0x80000000, 1, '0x80000000 >u 1.'),
        tr('tw_signed_and_unsigned', 'tw 18, r3, r4', 5, 6,
           'TO = 0b10010 (< or <u) with 5 vs 6? 5 < 6 would trap; use 6 vs 5 instead.'),
        tr('twi_to0_never', 'twi 0, r3, 0', 0, 0, 'TO = 0.'),
        tr('tweqi_unequal', 'tweqi r3, 5', 6, 0, '6 != 5.'),
        tr('twnei_equal', 'twnei r3, -1', 0x00000000FFFFFFFF, 0,
           'the low word is -1, equal to EXTS(-1).'),
        tr('twlti_zero', 'twlti r3, 0', 0xFFFFFFFF00000000, 0, 'the low word is 0.'),
        tr('twgti_minus_one', 'twgti r3, -1', W, 0, '-1 is not > -1.'),
        tr('twllti_all_ones', 'twllti r3, -1', W, 0,
           'the immediate is sign-extended: 0xFFFFFFFF is not <u 0xFFFFFFFF.'),
        tr('twlgti_never_above_max', 'twlgti r3, -1', W, 0,
           'nothing is >u 0xFFFFFFFF.'),
        tr('twgei_less', 'twgei r3, 0', 0x80000000, 0, 'the word is negative.'),
        tr('twlei_greater', 'twlei r3, 0', 0x7FFFFFFF00000001, 0, 'the low word 1 > 0.'),
        tr('td_to0_never', 'td 0, r3, r4', 0, 0, 'TO = 0.'),
        tr('tdeq_high_words_differ', 'tdeq r3, r4', 0x0000000100000005, 0x0000000200000005,
           'equal low words, but the doublewords differ.'),
        tr('tdne_equal', 'tdne r3, r4', A, A, 'equal.'),
        tr('tdlt_positive_doubleword', 'tdlt r3, r4', W, 1,
           '0xFFFFFFFF is a positive doubleword, > 1.'),
        tr('tdgt_less', 'tdgt r3, r4', MIN64, MAX64, '-2^63 < 2^63-1.'),
        tr('tdllt_unsigned', 'tdllt r3, r4', NEG1, 0, '2^64-1 is not <u 0.'),
        tr('tdlgt_unsigned', 'tdlgt r3, r4', MAX64, MIN64, '2^63-1 <u 2^63.'),
        tr('tdge_less', 'tdge r3, r4', NEG1, 0, '-1 < 0.'),
        tr('tdle_greater', 'tdle r3, r4', 0x100000000, 0, '2^32 > 0.'),
        tr('tdi_to0_never', 'tdi 0, r3, 0', 0, 0, 'TO = 0.'),
        tr('tdeqi_high_word', 'tdeqi r3, 5', 0x100000005, 0, '2^32 + 5 != 5.'),
        tr('tdnei_equal', 'tdnei r3, -1', NEG1, 0, '-1 = -1.'),
        tr('tdlti_positive', 'tdlti r3, 0', 0x80000000, 0, '0x80000000 is positive.'),
        tr('tdgti_minus_one', 'tdgti r3, -1', NEG1, 0, '-1 is not > -1.'),
        tr('tdllti_all_ones', 'tdllti r3, -1', NEG1, 0, '2^64-1 is not <u 2^64-1.'),
        tr('tdlgti_zero', 'tdlgti r3, 0', 0, 0, '0 is not >u 0.'),
    ]
    for x in t:
        if x.name == 'tw_signed_and_unsigned':
            x.ins['r3'], x.ins['r4'] = 6, 5
            x.why = 'Does not trap: TO = 0b10010 (< or <u), and 6 is neither < nor <u 5.'
    return write('system_trap.s', """
tw, twi, td, tdi under every named condition, where the condition does not hold: the trap
must change nothing and execution continues. (A trap that is taken ends the test with a
program interrupt, which this test format cannot express.) Word traps compare the low words
only, signed or unsigned; the immediate is sign-extended in both comparisons.
""" + PROV, t)


def all_():
    return spr() + timebase() + dcbz() + dcbz_xenon() + sync_cache() + hints() + traps()
