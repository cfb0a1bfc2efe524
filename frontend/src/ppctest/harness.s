# Oxenon ppc-test harness for qemu-ppc64 (64-bit, big-endian, Linux user mode).
#
# The runner prepends the guest layout: SCRATCH, SCRATCH_SIZE, STACK, STACK_SIZE and
# STATE_SIZE, from the same constants its other backends use.
#
# Protocol, all values big-endian:
#   stdin:  a STATE_SIZE-byte state block, then the SCRATCH_SIZE-byte image of scratch memory;
#   stdout: the same block and image after the test returned.
# State block offsets: 0 GPRs (8 each), 256 FPRs (raw bits), 512 VR0-VR31 (16 each),
# 1024 CR, 1032 XER, 1040 CTR, 1048 FPSCR (low word; an 8-byte slot so lfd/stfd can move it),
# 1056 test address (input only), 1088 VSCR (low word of a 16-byte vector, for mtvscr).
#
# The harness uses no stack and no TOC: every address it touches is absolute, so the test
# owns every register, including r1, r2 and r13. Its state buffer must sit below 2 GiB,
# where `lis` does not sign-extend the address into the upper word.

        # ABI version 2 makes the ELF entry point a code address, not a function descriptor.
        .abiversion 2
        .set SYS_exit_group, 234
        .set SYS_read, 3
        .set SYS_write, 4
        .set SYS_mmap, 90

        .section .text.harness, "ax"
        .globl _start
_start:
        # Fixed private anonymous read/write mappings: the layout the interpreter gives a test.
        lis r3, SCRATCH@h
        ori r3, r3, SCRATCH@l
        lis r4, SCRATCH_SIZE@h
        ori r4, r4, SCRATCH_SIZE@l
        bl map_rw
        lis r3, STACK@h
        ori r3, r3, STACK@l
        lis r4, STACK_SIZE@h
        ori r4, r4, STACK_SIZE@l
        bl map_rw

        lis r30, state@h
        ori r30, r30, state@l
        li r29, STATE_SIZE
        bl read_all
        lis r30, SCRATCH@h
        ori r30, r30, SCRATCH@l
        lis r29, SCRATCH_SIZE@h
        ori r29, r29, SCRATCH_SIZE@l
        bl read_all

        lis r31, state@h
        ori r31, r31, state@l
        # VSCR and FPSCR first, through v0 and f0, which are loaded again below.
        li r30, 1088
        lvx v0, r31, r30
        mtvscr v0
        lfd f0, 1048(r31)
        mtfsf 0xff, f0
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        li r30, 512 + 16 * \n
        lvx v\n, r31, r30
        lfd f\n, 256 + 8 * \n(r31)
        .endr
        ld r30, 1024(r31)
        mtcrf 0xff, r30
        ld r30, 1032(r31)
        mtxer r30
        ld r30, 1040(r31)
        mtctr r30
        ld r30, 1056(r31)
        mtlr r30
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
        ld r\n, 8 * \n(r31)
        .endr
        ld r31, 248(r31)
        b enter_test

        # Linked at RETURN_ADDR - 4, so the return address `blrl` leaves in LR is exactly the
        # LR Oxenon's backends give a test (0xBCBCBCBC), and code that reads LR sees the same
        # value under qemu.
        .section .text.harness_call, "ax"
enter_test:
        blrl
        # LR holds this address again (the test returned through it), so it can park r31
        # while r31 becomes the base register.
        mtlr r31
        lis r31, state@h
        ori r31, r31, state@l
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
        std r\n, 8 * \n(r31)
        .endr
        mflr r0
        std r0, 248(r31)
        mfcr r0
        std r0, 1024(r31)
        mfxer r0
        std r0, 1032(r31)
        mfctr r0
        std r0, 1040(r31)
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        li r30, 512 + 16 * \n
        stvx v\n, r31, r30
        stfd f\n, 256 + 8 * \n(r31)
        .endr
        mffs f0
        stfd f0, 1048(r31)
        mfvscr v0
        li r30, 1088
        stvx v0, r31, r30

        lis r30, state@h
        ori r30, r30, state@l
        li r29, STATE_SIZE
        bl write_all
        lis r30, SCRATCH@h
        ori r30, r30, SCRATCH@l
        lis r29, SCRATCH_SIZE@h
        ori r29, r29, SCRATCH_SIZE@l
        bl write_all
        li r3, 0
        b exit

        .section .text.harness, "ax"
# mmap(r3, r4, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0)
map_rw:
        li r0, SYS_mmap
        li r5, 3
        li r6, 0x32
        li r7, -1
        li r8, 0
        sc
        bso fail_map
        blr

# Reads exactly r29 bytes from stdin to r30; a short input is a protocol error.
read_all:
        li r0, SYS_read
        li r3, 0
        mr r4, r30
        mr r5, r29
        sc
        bso fail_io
        cmpdi r3, 0
        beq fail_io
        add r30, r30, r3
        subf r29, r3, r29
        cmpdi r29, 0
        bgt read_all
        blr

# Writes exactly r29 bytes from r30 to stdout.
write_all:
        li r0, SYS_write
        li r3, 1
        mr r4, r30
        mr r5, r29
        sc
        bso fail_io
        add r30, r30, r3
        subf r29, r3, r29
        cmpdi r29, 0
        bgt write_all
        blr

# Distinct exit codes tell the runner which step of the protocol failed.
fail_map:
        li r3, 97
        b exit
fail_io:
        li r3, 98
exit:
        li r0, SYS_exit_group
        sc
        b exit

        .section .bss.harness, "aw", @nobits
        .balign 16
state:
        .space STATE_SIZE
