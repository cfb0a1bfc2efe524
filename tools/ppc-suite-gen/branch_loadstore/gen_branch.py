import sys
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *

M = MASK64
CRB = ["lt", "gt", "eq", "so"]
SENT = 0xBCBCBCBC

def biexpr(bi):
    f, b = divmod(bi, 4)
    return f"4*cr{f}+{CRB[b]}"

def cr_with(bi, v):
    m = 1 << (31 - bi)
    return m if v else (0xFFFFFFFF ^ m)

def bc_eval(bo, crbit, ctr):
    if not bo & 4:
        ctr = (ctr - 1) & M
        ctr_ok = (ctr != 0) != bool(bo & 2)
    else:
        ctr_ok = True
    cond_ok = bool(bo & 16) or (bool(crbit) == bool(bo & 8))
    return ctr_ok and cond_ok, ctr

# ---------------------------------------------------------------- branch_b.s
f = File("branch_b.s", "b and bl: unconditional relative branches, with and without link.",
         "Book I 2.4, Branch Instructions",
         "The first test must stay first: it checks LR against its absolute address (the code\n"
         "starts at 0x80000000). Other tests check LR relative to labels, so they can move.\n"
         "ba/bla are not tested: their targets lie within 32 MiB of address 0, where nothing is\n"
         "mapped for a test.")
f.test("test_bl_lr_is_next_absolute_address", """
mflr r0
bl 1f
1: mflr r3
mtlr r0
blr
""", outs=["REGISTER_OUT r0 0x00000000BCBCBCBC", "REGISTER_OUT r3 0x0000000080000008"],
comment="At 0x80000000: bl at 0x80000004 sets LR to 0x80000008. LR on entry is the return sentinel.")
f.test("test_b_forward_skips", """
li r3, 1
b 1f
li r3, 2
1: addi r3, r3, 10
blr
""", outs=["REGISTER_OUT r3 11"])
f.test("test_b_forward_to_next_instruction", """
li r3, 1
b 1f
1: addi r3, r3, 4
blr
""", outs=["REGISTER_OUT r3 5"])
f.test("test_b_backward", """
li r3, 0
b 2f
1: addi r3, r3, 100
blr
2: addi r3, r3, 1
b 1b
""", outs=["REGISTER_OUT r3 101"])
f.test("test_b_chain_forward_and_backward", """
li r3, 0
b 3f
1: addi r3, r3, 1
b 4f
2: addi r3, r3, 10
b 1b
3: addi r3, r3, 100
b 2b
4: addi r3, r3, 1000
blr
""", outs=["REGISTER_OUT r3 1111"])
f.test("test_b_leaves_lr_and_ctr_unchanged", """
li r3, 1
b 1f
li r3, 2
1: mflr r4
mfctr r5
blr
""", ins=["REGISTER_IN ctr 0x123456789ABCDEF0"],
outs=["REGISTER_OUT r3 1", "REGISTER_OUT r4 0x00000000BCBCBCBC", "REGISTER_OUT r5 0x123456789ABCDEF0",
      "REGISTER_OUT ctr 0x123456789ABCDEF0"])
f.test("test_b_far_forward", """
li r3, 1
b 1f
.space 0x2468C
1: addi r3, r3, 10
blr
""", outs=["REGISTER_OUT r3 11"], comment="A displacement of 0x24690 uses LI bits above the low 16.")
f.test("test_b_far_backward", """
li r3, 1
b 2f
1: addi r3, r3, 10
blr
.space 0x13570
2: addi r3, r3, 100
b 1b
""", outs=["REGISTER_OUT r3 111"])
f.test("test_bl_subroutine_call_and_return", """
mflr r0
li r3, 5
bl 1f
addi r3, r3, 100
mtlr r0
blr
1: mulli r3, r3, 3
blr
""", outs=["REGISTER_OUT r3 115"])
f.test("test_bl_backward_call", """
mflr r0
li r3, 1
b 2f
1: addi r3, r3, 10
blr
2: bl 1b
addi r3, r3, 100
mtlr r0
blr
""", outs=["REGISTER_OUT r3 111"])
f.test("test_bl_lr_differences", """
mflr r0
bl 1f
nop
1: mflr r3
bl 2f
2: mflr r4
mtlr r0
subf r5, r3, r4
blr
""", outs=["REGISTER_OUT r5 12"],
comment="LR after the first bl is the nop's address; after the second, label 2's: 12 bytes apart.")
f.test("test_bl_nested_calls_save_lr", """
mflr r0
li r3, 0
bl 1f
addi r3, r3, 1000
mtlr r0
blr
1: mflr r10
addi r3, r3, 1
bl 2f
addi r3, r3, 10
mtlr r10
blr
2: addi r3, r3, 100
blr
""", outs=["REGISTER_OUT r3 1111"])
f.test("test_bl_far_forward_lr", """
mflr r0
bl 1f
.space 0x10000
1: mflr r4
bl 2f
2: mflr r5
mtlr r0
subf r6, r4, r5
blr
""", outs=["REGISTER_OUT r6 0x10008"],
comment="LR = the bl's address + 4 (the start of the gap); label 2 is 0x10000 + 8 bytes later.")
f.test("test_bl_far_backward_lr", """
mflr r0
b 2f
1: mflr r4
mtlr r0
subf r6, r5, r4
blr
.space 0x8000
2: bl 3f
3: mflr r5
bl 1b
""", outs=["REGISTER_OUT r6 8"],
comment="r5 = label 3 (LR from bl 3f); the backward bl is at label 3 + 4, so it leaves\n"
        "LR = label 3 + 8 and r6 = 8.")
f.test("test_b_loop_backward_with_compare", """
li r3, 0
li r4, 0
1: addi r4, r4, 1
add r3, r3, r4
cmpwi r4, 10
blt 1b
blr
""", outs=["REGISTER_OUT r3 55", "REGISTER_OUT r4 10", "REGISTER_OUT cr 0x20000000"])
f.write()

# ---------------------------------------------------------------- branch_bc.s
f = File("branch_bc.s", "bc: conditional relative branches for every kind of BO, with and without link.",
         "Book I 2.4, Branch Instructions",
         "Each test sets r3 = 1 before the branch and 2 on the fall-through path, then adds 10 at\n"
         "the target: 11 means taken (and landed exactly on the target), 12 not taken. The CR bit\n"
         "under test is the only one with its value; every other CR bit holds the opposite. In the\n"
         "names, bitN is the value of CR bit BI and ctrN the CTR before the branch.\n"
         "CTR is 64 bits wide in 64-bit mode: 0x100000001 decrements to a nonzero value. The tests\n"
         "that rely on this set msr = 0x8000000000000000 (MSR[SF], 64-bit mode) explicitly; in\n"
         "32-bit mode only CTR[32:63] is tested. Every other test gives the same result in both\n"
         "modes.")

def bc_test(name, insn, bo, bi, bit, ctr, comment=None):
    cr = cr_with(bi, bit)
    taken, ctr_out = bc_eval(bo, bit, ctr)
    ins = [f"REGISTER_IN cr {h32(cr)}"]
    outs = [f"REGISTER_OUT r3 {11 if taken else 12}", f"REGISTER_OUT cr {h32(cr)}"]
    ins.append(f"REGISTER_IN ctr {h64(ctr) if ctr > 0xFFFF else ctr}")
    if ctr == 0x100000001:
        ins.append("REGISTER_IN msr 0x8000000000000000")
    outs.append(f"REGISTER_OUT ctr {h64(ctr_out) if ctr_out > 0xFFFF else ctr_out}")
    f.test(name, f"""
li r3, 1
{insn}
li r3, 2
1: addi r3, r3, 10
blr
""", ins=ins, outs=outs, comment=comment)

def tk(taken):
    return "taken" if taken else "not_taken"

# CTR-and-condition kinds.
dec_kinds = [("bdnzf", 0, 6), ("bdzf", 2, 13), ("bdnzt", 8, 17), ("bdzt", 10, 30)]
for mn, bo, bi in dec_kinds:
    for ctr in (2, 1):
        for bit in (0, 1):
            taken, ctr_out = bc_eval(bo, bit, ctr)
            name = f"test_{mn}_ctr{ctr}_bit{bit}_{tk(taken)}"
            bc_test(name, f"{mn} {biexpr(bi)}, 1f", bo, bi, bit, ctr)
    # The same kind written as plain bc, with another BI, CTR wrapping from 0.
    bi2 = (bi * 7 + 3) % 32
    for bit in (0, 1):
        taken, _ = bc_eval(bo, bit, 0)
        bc_test(f"test_bc_bo{bo}_ctr0_bit{bit}_{tk(taken)}", f"bc {bo}, {bi2}, 1f", bo, bi2, bit, 0)
    # 64-bit CTR: 0x100000001 - 1 is nonzero.
    wanted = 0 if bo & 8 == 0 else 1
    taken, _ = bc_eval(bo, wanted, 0x100000001)
    bc_test(f"test_{mn}_ctr_high_word_{tk(taken)}", f"{mn} {biexpr(bi)}, 1f", bo, bi, wanted, 0x100000001)

# Condition-only kinds, every CR field, every bit kind.
false_mn = ["bge", "ble", "bne", "bns"]
true_mn = ["blt", "bgt", "beq", "bso"]
for fld in range(8):
    for b in (fld % 4, (fld + 2) % 4):
        bi = 4 * fld + b
        for bit in (0, 1):
            for mnl, bo in ((false_mn, 4), (true_mn, 12)):
                mn = mnl[b]
                taken, _ = bc_eval(bo, bit, 7)
                bc_test(f"test_{mn}_cr{fld}_bit{bit}_{tk(taken)}", f"{mn} cr{fld}, 1f", bo, bi, bit, 7)
# Default field cr0, and the alternative mnemonics.
for mn, bo, bi in (("beq", 12, 2), ("bne", 4, 2), ("blt", 12, 0), ("bgt", 12, 1), ("bso", 12, 3),
                   ("bnl", 4, 0), ("bng", 4, 1), ("bun", 12, 3), ("bnu", 4, 3)):
    for bit in (0, 1):
        taken, _ = bc_eval(bo, bit, 0)
        bc_test(f"test_{mn}_default_cr0_bit{bit}_{tk(taken)}", f"{mn} 1f", bo, bi, bit, 0)
# bf/bt written as bc with an arbitrary BI.
for bo in (4, 12):
    for bi in (0, 9, 31):
        for bit in (0, 1):
            taken, _ = bc_eval(bo, bit, 3)
            bc_test(f"test_bc_bo{bo}_bi{bi}_bit{bit}_{tk(taken)}", f"bc {bo}, {bi}, 1f", bo, bi, bit, 3)

# CTR-only kinds.
for mn, bo in (("bdnz", 16), ("bdz", 18)):
    for ctr in (1, 2, 0, 0x100000000, 0x100000001, 0xFFFFFFFFFFFFFFFF):
        for bit in (0, 1):
            if ctr > 2 and bit:
                continue
            taken, _ = bc_eval(bo, bit, ctr)
            cname = {0x100000000: "2p32", 0x100000001: "2p32plus1", 0xFFFFFFFFFFFFFFFF: "minus1"}.get(ctr, str(ctr))
            bc_test(f"test_{mn}_ctr{cname}{'_bi_set' if bit else ''}_{tk(taken)}", f"{mn} 1f", bo, 0, bit, ctr,
                    comment="BI is ignored." if bit else None)
# Branch always via bc: BI ignored, CTR untouched.
for bi in (0, 31):
    for bit in (0, 1):
        bc_test(f"test_bc_bo20_bi{bi}_bit{bit}_taken", f"bc 20, {bi}, 1f", 20, bi, bit, 5)

# Static prediction hints change nothing.
for mn, bo, bi in (("beq+", 15, 2), ("beq-", 14, 2), ("bne+", 7, 2), ("bne-", 6, 2),
                   ("bdnz+", 25, 0), ("bdnz-", 24, 0), ("bdz+", 27, 0), ("bdz-", 26, 0)):
    base = mn.rstrip("+-")
    hint = "likely" if mn.endswith("+") else "unlikely"
    for bit, ctr in ((0, 1), (1, 2)):
        taken, _ = bc_eval(bo, bit, ctr)
        bc_test(f"test_{base}_hint_{hint}_bit{bit}_ctr{ctr}_{tk(taken)}", f"{mn} 1f", bo, bi, bit, ctr,
                comment=f"BO = {bo}: the at bits only hint.")
for bo, bi in ((15, 5), (6, 5), (25, 0), (26, 0)):
    for bit, ctr in ((0, 1), (1, 2)):
        taken, _ = bc_eval(bo, bit, ctr)
        bc_test(f"test_bc_bo{bo}_hint_bit{bit}_ctr{ctr}_{tk(taken)}", f"bc {bo}, {bi}, 1f", bo, bi, bit, ctr)

# Branch and link: LR = CIA + 4 whether or not the branch is taken.
def bcl_test(name, insn, bo, bi, bit, ctr):
    cr = cr_with(bi, bit)
    taken, ctr_out = bc_eval(bo, bit, ctr)
    f.test(name, f"""
mflr r0
li r3, 1
{insn}
2: li r3, 2
1: mflr r4
bl 3f
3: mflr r5
mtlr r0
subf r6, r4, r5
addi r3, r3, 10
blr
""", ins=[f"REGISTER_IN cr {h32(cr)}", f"REGISTER_IN ctr {ctr}"],
           outs=[f"REGISTER_OUT r3 {11 if taken else 12}", "REGISTER_OUT r6 12", f"REGISTER_OUT ctr {ctr_out}"],
           comment="r4 = LR left by the branch = label 2; r5 = label 3 = label 2 + 12.")

for mn, bo, bi in (("beql", 12, 2), ("bnel", 4, 2), ("bltl", 12, 4), ("bgel", 4, 4), ("bsol", 12, 31)):
    for bit in (0, 1):
        taken, _ = bc_eval(bo, bit, 3)
        op = f"{mn} cr{bi // 4}, 1f" if bi >= 4 else f"{mn} 1f"
        bcl_test(f"test_{mn}_{tk(taken)}_sets_lr", op, bo, bi, bit, 3)
for mn, bo, bi in (("bdnzl", 16, 0), ("bdzl", 18, 0), ("bdnzfl", 0, 10), ("bdzfl", 2, 10), ("bdnztl", 8, 10), ("bdztl", 10, 10)):
    for bit, ctr in ((0, 1), (1, 1), (0, 2), (1, 2)):
        if bo >= 16 and bit:
            continue
        taken, _ = bc_eval(bo, bit, ctr)
        op = f"{mn} 1f" if bo >= 16 else f"{mn} {biexpr(bi)}, 1f"
        bcl_test(f"test_{mn}_ctr{ctr}_bit{bit}_{tk(taken)}_sets_lr", op, bo, bi, bit, ctr)
bcl_test("test_bcl_always_sets_lr", "bcl 20, 31, 1f", 20, 31, 0, 4)

f.test("test_bcl_20_31_next_instruction_reads_pc", """
mflr r0
bcl 20, 31, 1f
1: mflr r3
bl 2f
2: mflr r4
mtlr r0
subf r5, r3, r4
blr
""", outs=["REGISTER_OUT r5 8"],
comment="The get-PC idiom: LR = label 1, which is 8 bytes before label 2.")

# Backward loops.
f.test("test_bdnz_backward_loop", """
li r3, 0
1: mfctr r4
add r3, r3, r4
bdnz 1b
blr
""", ins=["REGISTER_IN ctr 10"], outs=["REGISTER_OUT r3 55", "REGISTER_OUT r4 1", "REGISTER_OUT ctr 0"])
f.test("test_bdnzf_backward_loop_exits_on_condition", """
li r3, 0
1: addi r3, r3, 1
cmpwi r3, 4
bdnzf eq, 1b
mfctr r5
blr
""", ins=["REGISTER_IN ctr 10"], outs=["REGISTER_OUT r3 4", "REGISTER_OUT r5 6", "REGISTER_OUT ctr 6"],
comment="Stops when r3 reaches 4 (EQ set), after 4 decrements of CTR.")
f.test("test_bdnzt_backward_loop_exits_on_ctr", """
li r3, 0
1: addi r3, r3, 1
cmpwi r3, 100
bdnzt lt, 1b
blr
""", ins=["REGISTER_IN ctr 5"], outs=["REGISTER_OUT r3 5", "REGISTER_OUT ctr 0"])
f.test("test_bc_far_forward", """
li r3, 1
beq 1f
li r3, 2
.space 0x7F00
1: addi r3, r3, 10
blr
""", ins=["REGISTER_IN cr 0x20000000"], outs=["REGISTER_OUT r3 11"])
f.test("test_bc_far_backward", """
li r3, 1
b 2f
1: addi r3, r3, 10
blr
.space 0x7E00
2: bdnz 1b
li r3, 2
blr
""", ins=["REGISTER_IN ctr 2"], outs=["REGISTER_OUT r3 11", "REGISTER_OUT ctr 1"])
f.write()

# ---------------------------------------------------------------- branch_bclr.s
f = File("branch_bclr.s", "bclr: conditional branches to LR, with and without link.",
         "Book I 2.4, Branch Instructions",
         "Tests of the branch condition leave LR at the return sentinel, so a taken bclr ends the\n"
         "test with r3 = 1 and a fall-through sets r3 = 2. Tests of the target and of LR updates\n"
         "point LR at a local label (from bl/mflr), where r3 gets 10 added: 11 taken, 12 not.\n"
         "In the names, bitN is the value of CR bit BI (every other CR bit holds the opposite)\n"
         "and ctrN the CTR before the branch. Tests with CTR = 0x100000001 depend on 64-bit mode\n"
         "(the decremented CTR is nonzero only as a 64-bit value), so they set msr to MSR[SF].")

def bclr_ret_test(name, insn, bo, bi, bit, ctr, comment=None):
    cr = cr_with(bi, bit)
    taken, ctr_out = bc_eval(bo, bit, ctr)
    f.test(name, f"""
li r3, 1
{insn}
li r3, 2
blr
""", ins=[f"REGISTER_IN cr {h32(cr)}", f"REGISTER_IN ctr {h64(ctr) if ctr > 0xFFFF else ctr}"]
           + (["REGISTER_IN msr 0x8000000000000000"] if ctr == 0x100000001 else []),
           outs=[f"REGISTER_OUT r3 {1 if taken else 2}", f"REGISTER_OUT cr {h32(cr)}",
                 f"REGISTER_OUT ctr {h64(ctr_out) if ctr_out > 0xFFFF else ctr_out}"], comment=comment)

for mn, bo, bi in (("bdnzflr", 0, 9), ("bdzflr", 2, 18), ("bdnztlr", 8, 27), ("bdztlr", 10, 4)):
    for ctr in (2, 1):
        for bit in (0, 1):
            taken, _ = bc_eval(bo, bit, ctr)
            bclr_ret_test(f"test_{mn}_ctr{ctr}_bit{bit}_{tk(taken)}", f"{mn} {biexpr(bi)}", bo, bi, bit, ctr)
    bi2 = (bi * 5 + 1) % 32
    for bit in (0, 1):
        taken, _ = bc_eval(bo, bit, 0x100000001)
        bclr_ret_test(f"test_bclr_bo{bo}_ctr_high_word_bit{bit}_{tk(taken)}", f"bclr {bo}, {bi2}", bo, bi2, bit,
                      0x100000001)
for fld in range(8):
    b = (fld * 3) % 4
    bi = 4 * fld + b
    for bit in (0, 1):
        for mnl, bo in ((false_mn, 4), (true_mn, 12)):
            mn = mnl[b] + "lr"
            taken, _ = bc_eval(bo, bit, 9)
            bclr_ret_test(f"test_{mn}_cr{fld}_bit{bit}_{tk(taken)}", f"{mn} cr{fld}", bo, bi, bit, 9)
for mn, bo, bi in (("beqlr", 12, 2), ("bnelr", 4, 2), ("bltlr", 12, 0), ("bgelr", 4, 0)):
    for bit in (0, 1):
        taken, _ = bc_eval(bo, bit, 0)
        bclr_ret_test(f"test_{mn}_default_cr0_bit{bit}_{tk(taken)}", mn, bo, bi, bit, 0)
for mn, bo in (("bdnzlr", 16), ("bdzlr", 18)):
    for ctr in (1, 2, 0, 0x100000001):
        taken, _ = bc_eval(bo, 0, ctr)
        cname = {0x100000001: "2p32plus1"}.get(ctr, str(ctr))
        bclr_ret_test(f"test_{mn}_ctr{cname}_{tk(taken)}", mn, bo, 0, 0, ctr)
for bo, bi in ((4, 13), (12, 13), (20, 13), (20, 0)):
    for bit in (0, 1):
        taken, _ = bc_eval(bo, bit, 3)
        bclr_ret_test(f"test_bclr_bo{bo}_bi{bi}_bit{bit}_{tk(taken)}", f"bclr {bo}, {bi}", bo, bi, bit, 3)
for mn, bo, bi in (("beqlr+", 15, 2), ("beqlr-", 14, 2), ("bnelr+", 7, 2), ("bdnzlr+", 25, 0), ("bdzlr-", 26, 0)):
    base = mn.rstrip("+-")
    hint = "likely" if mn.endswith("+") else "unlikely"
    for bit, ctr in ((0, 1), (1, 2)):
        taken, _ = bc_eval(bo, bit, ctr)
        bclr_ret_test(f"test_{base}_hint_{hint}_bit{bit}_ctr{ctr}_{tk(taken)}", mn, bo, bi, bit, ctr)

def bclr_local_test(name, insn, bo, bi, bit, ctr, link, offset=0, comment=None):
    cr = cr_with(bi, bit)
    taken, ctr_out = bc_eval(bo, bit, ctr)
    f.test(name, f"""
mflr r0
bl 0f
0: mflr r5
addi r5, r5, 1f-0b{'+' + str(offset) if offset else ''}
mtlr r5
li r3, 1
{insn}
2: li r3, 2
1: mflr r4
mtlr r0
subf r6, r5, r4
addi r3, r3, 10
blr
""", ins=[f"REGISTER_IN cr {h32(cr)}", f"REGISTER_IN ctr {ctr}"],
           outs=[f"REGISTER_OUT r3 {11 if taken else 12}",
                 f"REGISTER_OUT r6 {h64(-4 - offset) if link else h64(0)}",
                 f"REGISTER_OUT ctr {ctr_out}"],
           comment=comment or ("LR = label 2 afterwards (label 1 - 4), taken or not." if link
                               else "LR is unchanged."))

bclr_local_test("test_blr_to_local_label", "blr", 20, 0, 0, 0, False)
bclr_local_test("test_blr_ignores_low_two_bits_of_lr", "blr", 20, 0, 0, 0, False, offset=3,
                comment="LR = label 1 + 3: the target is LR[0:61] || 0b00.")
bclr_local_test("test_blr_ignores_bit_30_of_lr", "blr", 20, 0, 0, 0, False, offset=2)
bclr_local_test("test_blrl_branches_to_old_lr_and_links", "blrl", 20, 0, 0, 0, True)
bclr_local_test("test_blrl_ignores_low_two_bits_of_lr", "blrl", 20, 0, 0, 0, True, offset=1,
                comment="LR = label 1 + 1 before; after, LR = label 2 = label 1 - 4, so r6 = -4 - 1.")
for mn, bo, bi in (("beqlrl", 12, 2), ("bnelrl", 4, 2), ("bgtlrl", 12, 9), ("blelrl", 4, 9),
                   ("bsolrl", 12, 31), ("bnslrl", 4, 31)):
    for bit in (0, 1):
        taken, _ = bc_eval(bo, bit, 5)
        op = f"{mn} cr{bi // 4}" if bi >= 4 else mn
        bclr_local_test(f"test_{mn}_{tk(taken)}_bit{bit}", op, bo, bi, bit, 5, True)
for mn, bo, bi in (("bdnzlrl", 16, 0), ("bdzlrl", 18, 0), ("bdnzflrl", 0, 20), ("bdzflrl", 2, 20),
                   ("bdnztlrl", 8, 20), ("bdztlrl", 10, 20)):
    for bit, ctr in ((0, 1), (0, 2), (1, 1), (1, 2)):
        if bo >= 16 and bit:
            continue
        taken, _ = bc_eval(bo, bit, ctr)
        op = mn if bo >= 16 else f"{mn} {biexpr(bi)}"
        bclr_local_test(f"test_{mn}_ctr{ctr}_bit{bit}_{tk(taken)}", op, bo, bi, bit, ctr, True)
for mn, bo, bi in (("beqlr", 12, 2), ("bdnzlr", 16, 0), ("bdzflr", 2, 7)):
    for bit, ctr in ((0, 1), (1, 2)):
        taken, _ = bc_eval(bo, bit, ctr)
        op = mn if bo >= 12 else f"{mn} {biexpr(bi)}"
        bclr_local_test(f"test_{mn}_local_ctr{ctr}_bit{bit}_{tk(taken)}", op, bo, bi, bit, ctr, False)
bclr_local_test("test_bclrl_raw_bo12_taken", "bclrl 12, 30", 12, 30, 1, 0, True)
bclr_local_test("test_bclrl_raw_bo4_not_taken", "bclrl 4, 30", 4, 30, 1, 0, True)
f.test("test_blr_backward_loop_through_lr", """
mflr r0
li r3, 0
bl 1f
1: mflr r5
addi r3, r3, 1
cmpwi r3, 3
mtlr r5
bltlr
mtlr r0
blr
""", outs=["REGISTER_OUT r3 3", "REGISTER_OUT cr 0x20000000"],
comment="bltlr jumps back to label 1 until r3 = 3.")
f.write()

# ---------------------------------------------------------------- branch_bcctr.s
f = File("branch_bcctr.s", "bcctr: conditional branches to CTR, with and without link.",
         "Book I 2.4, Branch Instructions",
         "CTR holds the address of label 1 (from bl/mflr) where r3 gets 10 added: 11 means taken,\n"
         "12 not taken. bcctr never decrements CTR; the forms with BO[2] = 0 are invalid and are\n"
         "not tested. In the names, bitN is the value of CR bit BI (every other CR bit holds the\n"
         "opposite).")

def bcctr_test(name, insn, bo, bi, bit, link, offset=0, comment=None):
    cr = cr_with(bi, bit)
    taken, _ = bc_eval(bo, bit, 0)
    outs = [f"REGISTER_OUT r3 {11 if taken else 12}", "REGISTER_OUT r7 0", f"REGISTER_OUT cr {h32(cr)}"]
    if link:
        outs.append(f"REGISTER_OUT r6 {h64(-4 - offset)}")
    else:
        outs.append("REGISTER_OUT r4 0x00000000BCBCBCBC")
    f.test(name, f"""
mflr r0
bl 0f
0: mflr r5
mtlr r0
addi r5, r5, 1f-0b{'+' + str(offset) if offset else ''}
mtctr r5
li r3, 1
{insn}
2: li r3, 2
1: mflr r4
mtlr r0
subf r6, r5, r4
mfctr r7
subf r7, r5, r7
addi r3, r3, 10
blr
""", ins=[f"REGISTER_IN cr {h32(cr)}"], outs=outs,
           comment=comment or ("LR = label 2 (label 1 - 4) afterwards, taken or not; CTR unchanged." if link
                               else "LR and CTR unchanged."))

bcctr_test("test_bctr_to_local_label", "bctr", 20, 0, 0, False)
bcctr_test("test_bctr_ignores_low_two_bits_of_ctr", "bctr", 20, 0, 0, False, offset=3,
           comment="CTR = label 1 + 3: the target is CTR[0:61] || 0b00; CTR itself keeps its bits.")
bcctr_test("test_bctrl_links", "bctrl", 20, 0, 0, True)
bcctr_test("test_bctrl_ignores_low_two_bits_of_ctr", "bctrl", 20, 0, 0, True, offset=2,
           comment="CTR = label 1 + 2; LR = label 2, so r4 - r5 = -4 - 2.")
for fld in range(8):
    b = (fld * 3 + 1) % 4
    bi = 4 * fld + b
    for bit in (0, 1):
        for mnl, bo in ((false_mn, 4), (true_mn, 12)):
            mn = mnl[b] + "ctr"
            taken, _ = bc_eval(bo, bit, 0)
            bcctr_test(f"test_{mn}_cr{fld}_bit{bit}_{tk(taken)}", f"{mn} cr{fld}", bo, bi, bit, False)
for mn, bo, bi in (("beqctr", 12, 2), ("bnectr", 4, 2), ("bgtctr", 12, 1), ("blectr", 4, 1)):
    for bit in (0, 1):
        taken, _ = bc_eval(bo, bit, 0)
        bcctr_test(f"test_{mn}_default_cr0_bit{bit}_{tk(taken)}", mn, bo, bi, bit, False)
for mn, bo, bi in (("bltctrl", 12, 16), ("bgectrl", 4, 16), ("beqctrl", 12, 2), ("bnectrl", 4, 2),
                   ("bsoctrl", 12, 7), ("bnsctrl", 4, 7)):
    for bit in (0, 1):
        taken, _ = bc_eval(bo, bit, 0)
        op = f"{mn} cr{bi // 4}" if bi >= 4 else mn
        bcctr_test(f"test_{mn}_bit{bit}_{tk(taken)}", op, bo, bi, bit, True)
for bo, bi in ((4, 21), (12, 21), (20, 21)):
    for bit in (0, 1):
        taken, _ = bc_eval(bo, bit, 0)
        bcctr_test(f"test_bcctr_bo{bo}_bi{bi}_bit{bit}_{tk(taken)}", f"bcctr {bo}, {bi}", bo, bi, bit, False)
        bcctr_test(f"test_bcctrl_bo{bo}_bi{bi}_bit{bit}_{tk(taken)}", f"bcctrl {bo}, {bi}", bo, bi, bit, True)
for mn, bo, bi in (("beqctr+", 15, 2), ("beqctr-", 14, 2), ("bnectr+", 7, 2), ("bnectr-", 6, 2)):
    base = mn.rstrip("+-")
    hint = "likely" if mn.endswith("+") else "unlikely"
    for bit in (0, 1):
        taken, _ = bc_eval(bo, bit, 0)
        bcctr_test(f"test_{base}_hint_{hint}_bit{bit}_{tk(taken)}", mn, bo, bi, bit, False)
f.test("test_bctr_backward_loop", """
mflr r0
li r3, 0
bl 1f
1: mflr r5
mtlr r0
addi r5, r5, 2f-1b
mtctr r5
2: addi r3, r3, 1
cmpwi r3, 4
bltctr
mfctr r6
subf r6, r5, r6
blr
""", outs=["REGISTER_OUT r3 4", "REGISTER_OUT r6 0", "REGISTER_OUT cr 0x20000000"],
comment="bltctr jumps back to label 2 until r3 = 4.")
f.test("test_bctrl_then_blr_returns", """
mflr r0
bl 0f
0: mflr r5
addi r5, r5, 1f-0b
mtctr r5
li r3, 1
bctrl
addi r3, r3, 100
mtlr r0
blr
1: addi r3, r3, 10
blr
""", outs=["REGISTER_OUT r3 111"], comment="A call through CTR returns through the LR it set.")
f.write()

# ---------------------------------------------------------------- branch_cr_logical.s
f = File("branch_cr_logical.s",
         "CR logical instructions: crand, cror, crxor, crnand, crnor, creqv, crandc, crorc, and\n"
         "# the extended mnemonics crset, crclr, crnot, crmove.",
         "Book I 2.5.1, Condition Register Logical\n# Instructions",
         "CR bits are numbered 0 (CR0[LT], the most significant) to 31. Each test starts from a\n"
         "background CR pattern with the target bit holding the complement of the result, so\n"
         "both the change and the untouched bits are checked.")
OPS = {
    "crand": lambda a, b: a & b,
    "cror": lambda a, b: a | b,
    "crxor": lambda a, b: a ^ b,
    "crnand": lambda a, b: 1 - (a & b),
    "crnor": lambda a, b: 1 - (a | b),
    "creqv": lambda a, b: 1 - (a ^ b),
    "crandc": lambda a, b: a & (1 - b),
    "crorc": lambda a, b: a | (1 - b),
}

def getb(cr, n):
    return (cr >> (31 - n)) & 1

def setb(cr, n, v):
    m = 1 << (31 - n)
    return (cr | m) if v else (cr & ~m & 0xFFFFFFFF)

def crl_test(name, op, bt, ba, bb, cr, asm=None, comment=None):
    r = OPS[op](getb(cr, ba), getb(cr, bb))
    cr_in = setb(cr, bt, 1 - r) if bt not in (ba, bb) else cr
    r = OPS[op](getb(cr_in, ba), getb(cr_in, bb))
    out = setb(cr_in, bt, r)
    f.test(name, f"""
{asm or f'{op} {biexpr(bt)}, {biexpr(ba)}, {biexpr(bb)}'}
blr
""", ins=[f"REGISTER_IN cr {h32(cr_in)}"], outs=[f"REGISTER_OUT cr {h32(out)}"], comment=comment)

BG = [0x5A3C96E1, 0xA5C3691E]
for op in OPS:
    for a in (0, 1):
        for b in (0, 1):
            bt, ba, bb = 14, 5, 27
            cr = setb(setb(BG[(a + b) % 2], ba, a), bb, b)
            crl_test(f"test_{op}_a{a}_b{b}", op, bt, ba, bb, cr)
    # Other bit positions, including bit 0 and bit 31 and a target in the same field.
    cr = 0x0F0F00FF
    crl_test(f"test_{op}_bits_0_31_to_1", op, 1, 0, 31, setb(setb(cr, 0, 1), 31, 0))
    crl_test(f"test_{op}_to_bit_31", op, 31, 16, 20, 0x00008800)
    crl_test(f"test_{op}_target_is_source_a", op, 9, 9, 22, 0x00400200 ^ 0x12481248,
             comment="BT = BA: the source is read before the result is written.")
    crl_test(f"test_{op}_same_bit_all_three", op, 26, 26, 26, 0x00000020)
    crl_test(f"test_{op}_same_bit_all_three_clear", op, 26, 26, 26, 0xFFFFFFDF)
for bx, cr in ((0, 0x00000000), (17, 0x12345678), (31, 0xFFFFFFFE)):
    crl_test(f"test_crset_bit{bx}", "creqv", bx, bx, bx, cr, asm=f"crset {bx}",
             comment="crset bx = creqv bx,bx,bx.")
for bx, cr in ((0, 0xFFFFFFFF), (12, 0x12345678 | (1 << 19)), (31, 0x00000001)):
    crl_test(f"test_crclr_bit{bx}", "crxor", bx, bx, bx, cr, asm=f"crclr {bx}",
             comment="crclr bx = crxor bx,bx,bx.")
for bx, by, cr in ((0, 1, 0x40000000), (7, 29, 0x00000004), (3, 3, 0x10000000), (20, 21, 0xFFFFFBFF)):
    out = setb(cr, bx, 1 - getb(cr, by))
    f.test(f"test_crnot_bit{bx}_from_bit{by}", f"""
crnot {bx}, {by}
blr
""", ins=[f"REGISTER_IN cr {h32(cr)}"], outs=[f"REGISTER_OUT cr {h32(out)}"],
           comment="crnot bx,by = crnor bx,by,by.")
for bx, by, cr in ((0, 31, 0x00000001), (30, 1, 0x40000002), (10, 11, 0x00100000), (5, 5, 0x04000000),
                   (16, 8, 0xFF7FFFFF)):
    out = setb(cr, bx, getb(cr, by))
    f.test(f"test_crmove_bit{bx}_from_bit{by}", f"""
crmove {bx}, {by}
blr
""", ins=[f"REGISTER_IN cr {h32(cr)}"], outs=[f"REGISTER_OUT cr {h32(out)}"],
           comment="crmove bx,by = cror bx,by,by.")
f.test("test_crand_sequence_combines_compares", """
li r4, 5
cmpwi cr1, r4, 3
cmpwi cr2, r4, 9
crand 4*cr3+eq, 4*cr1+gt, 4*cr2+lt
crnand 4*cr4+lt, 4*cr1+gt, 4*cr2+lt
cror 4*cr5+so, 4*cr1+eq, 4*cr2+eq
blr
""", outs=["REGISTER_OUT cr 0x04820000"],
comment="cr1 = GT (0100), cr2 = LT (1000); cr3[EQ] = 1, cr4[LT] = 0, cr5[SO] = 0.")
f.write()

# ---------------------------------------------------------------- branch_cr_field.s
f = File("branch_cr_field.s",
         "CR field moves: mcrf, mfcr, mtcrf (and mtcr), mtocrf, mfocrf, mcrxr.",
         "Book I 2.5.1 and 3.3.13 (Move To/From\n# System Register Instructions)",
         "mcrxr is written as `.long` (with the mnemonic in a comment) because GNU as for POWER7\n"
         "no longer knows it; qemu-ppc64 still executes it. mfocrf leaves the bits of RT outside\n"
         "the selected field undefined (before Power ISA 3.0), so those tests mask RT with rlwinm.")

def field(cr, n):
    return (cr >> (28 - 4 * n)) & 0xF

def setfield(cr, n, v):
    sh = 28 - 4 * n
    return (cr & ~(0xF << sh) & 0xFFFFFFFF) | (v << sh)

for d, s, cr in ((0, 7, 0x12345678), (7, 0, 0x12345678), (3, 3, 0x9ABCDEF0), (1, 6, 0x9ABCDEF0),
                 (5, 2, 0xF0F0F0F0), (2, 5, 0x0F0F0F0F), (4, 1, 0x00000000 | 0x0E000000), (6, 4, 0x00008000)):
    out = setfield(cr, d, field(cr, s))
    f.test(f"test_mcrf_cr{d}_from_cr{s}", f"""
mcrf cr{d}, cr{s}
blr
""", ins=[f"REGISTER_IN cr {h32(cr)}"], outs=[f"REGISTER_OUT cr {h32(out)}"])
f.test("test_mcrf_chain_rotates_fields", """
mcrf cr7, cr0
mcrf cr0, cr1
mcrf cr1, cr7
blr
""", ins=["REGISTER_IN cr 0x12345678"], outs=["REGISTER_OUT cr 0x21345671"])
for cr in (0x00000000, 0x12345678, 0x80000001, 0xFFFFFFFF, 0xE5A5C3F0):
    f.test(f"test_mfcr_{cr:08x}", """
mfcr r3
blr
""", ins=[f"REGISTER_IN cr {h32(cr)}", "REGISTER_IN r3 0xFFFFFFFFFFFFFFFF"],
           outs=[f"REGISTER_OUT r3 {h64(cr)}", f"REGISTER_OUT cr {h32(cr)}"],
           comment="RT = 32 zero bits || CR.")
f.test("test_mfcr_after_compare", """
li r4, -1
cmpdi cr6, r4, 0
cmplwi cr2, r4, 0
mfcr r3
blr
""", ins=["REGISTER_IN xer 0x80000000"], outs=["REGISTER_OUT r3 0x0000000000500090"],
comment="cr6 = LT|SO (1001): cmpdi is signed; cr2 = GT|SO (0101): unsigned, SO copied from XER.")

def fxm_mask(fxm):
    m = 0
    for i in range(8):
        if fxm & (0x80 >> i):
            m |= 0xF0000000 >> (4 * i)
    return m

RS = 0xDEADBEEF89ABCDEF
CRIN = 0x01234567
for fxm in (0xFF, 0x00, 0x80, 0x01, 0x81, 0x5A, 0xA5, 0x3C, 0x7E, 0x10, 0x08, 0xC3):
    m = fxm_mask(fxm)
    out = (CRIN & ~m & 0xFFFFFFFF) | (RS & m)
    f.test(f"test_mtcrf_{fxm:02x}", f"""
mtcrf {fxm:#04x}, r5
blr
""", ins=[f"REGISTER_IN cr {h32(CRIN)}", f"REGISTER_IN r5 {h64(RS)}"],
           outs=[f"REGISTER_OUT cr {h32(out)}", f"REGISTER_OUT r5 {h64(RS)}"],
           comment="Only RS[32:63] is used; FXM bit i (from 0x80) selects CR field i.")
for rs in (0x0000000000000000, 0xFFFFFFFF12345678, 0x00000000FFFFFFFF):
    f.test(f"test_mtcr_{rs & 0xFFFFFFFF:08x}", """
mtcr r6
blr
""", ins=[f"REGISTER_IN cr 0xA5A5A5A5", f"REGISTER_IN r6 {h64(rs)}"],
           outs=[f"REGISTER_OUT cr {h32(rs)}"], comment="mtcr rS = mtcrf 0xFF,rS.")
for n in range(8):
    fxm = 0x80 >> n
    m = fxm_mask(fxm)
    rs = 0x76543210FEDCBA98
    out = (CRIN & ~m & 0xFFFFFFFF) | (rs & m)
    f.test(f"test_mtocrf_cr{n}", f"""
mtocrf {fxm:#04x}, r7
blr
""", ins=[f"REGISTER_IN cr {h32(CRIN)}", f"REGISTER_IN r7 {h64(rs)}"], outs=[f"REGISTER_OUT cr {h32(out)}"])
for n in range(8):
    fxm = 0x80 >> n
    cr = 0x9ABCDEF1
    f.test(f"test_mfocrf_cr{n}", f"""
mfocrf r3, {fxm:#04x}
rlwinm r4, r3, 0, {4 * n}, {4 * n + 3}
blr
""", ins=[f"REGISTER_IN cr {h32(cr)}", "REGISTER_IN r3 0xFFFFFFFFFFFFFFFF"],
           outs=[f"REGISTER_OUT r4 {h64(cr & fxm_mask(fxm))}", f"REGISTER_OUT cr {h32(cr)}"],
           comment=f"Field {n} of CR lands in the same bits of RT (the others are undefined).")
f.test("test_mtocrf_then_mfocrf_round_trip", """
mtocrf 0x04, r5
mfocrf r6, 0x04
rlwinm r6, r6, 0, 20, 23
blr
""", ins=["REGISTER_IN r5 0x0000000000000A00"], outs=["REGISTER_OUT r6 0x0000000000000A00",
                                                         "REGISTER_OUT cr 0x00000A00"])

def mcrxr_word(bf):
    return 0x7C000400 | (bf << 23)

for bf, xer, cr in ((3, 0xE000007F, 0x00000000), (0, 0x80000000, 0x00000000), (1, 0x40000005, 0xFFFFFFFF),
                    (7, 0x20000010, 0x12345678), (5, 0x00000000, 0xFFFFFFFF), (2, 0xA0000020, 0x00000000),
                    (6, 0x60000000, 0x11111111), (4, 0xC0000001, 0x00000000)):
    fv = (xer >> 28) & 0xE
    out = setfield(cr, bf, fv)
    f.test(f"test_mcrxr_cr{bf}_xer_{xer:08x}", f"""
.long {mcrxr_word(bf):#010x}  # mcrxr cr{bf}
blr
""", ins=[f"REGISTER_IN xer {h32(xer)}", f"REGISTER_IN cr {h32(cr)}"],
           outs=[f"REGISTER_OUT cr {h32(out)}", f"REGISTER_OUT xer {h32(xer & 0x7F)}"],
           comment="CR field BF = XER[SO OV CA] || 0; SO, OV and CA are cleared, the byte count kept.")
f.test("test_mcrxr_then_branch_on_ca", """
li r4, -1
addic r4, r4, 1
.long 0x7C800400  # mcrxr cr1
li r3, 1
bc 12, 4*cr1+eq, 1f
li r3, 2
1: blr
""", outs=["REGISTER_OUT r3 1", "REGISTER_OUT r4 0", "REGISTER_OUT cr 0x02000000",
           "REGISTER_OUT xer 0x00000000"],
comment="addic of -1 + 1 sets CA; mcrxr puts it in cr1 bit 2 (the EQ position).")
f.write()
