import sys
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
M = MASK64
G = 0xDEADBEEFCAFEF00D

def pat(n, seed=0x11):
    return [((seed + 0x13 * i) ^ (i << 3)) & 0xFF for i in range(n)]

def regname(r):
    return f"r{r}"

# ---------------------------------------------------------------- load/store multiple
f = File("load_multiple.s", "Load multiple word: lmw.", "Book I 3.3.7, Fixed-Point Load and Store Multiple",
         "lmw loads words into RT..r31, each zero-extended to 64 bits (the garbage in the high words\n"
         "must go). RA is always below RT here (RA in the range is an invalid form); EAs are\n"
         "word-aligned (a misaligned lmw takes an alignment interrupt).")

def lmw_test(name, rt, ra, base, d, comment=None, seed=0x21):
    ea = base + d
    n = 32 - rt
    data = pat(4 * n, seed)
    ins = [f"REGISTER_IN r{ra} {h64(base)}"]
    for r in range(rt, 32):
        ins.append(f"REGISTER_IN r{r} {h64(G ^ r)}")
    if ra > 0:
        pass
    ins.append(f"MEMORY_IN {ea:08x} {membytes(data)}")
    outs = []
    for k, r in enumerate(range(rt, 32)):
        outs.append(f"REGISTER_OUT r{r} {h64(int.from_bytes(bytes(data[4*k:4*k+4]), 'big'))}")
    outs.append(f"REGISTER_OUT r{ra} {h64(base)}")
    if rt > ra + 1:
        outs.append(f"REGISTER_OUT r{rt - 1} 0")
    f.test(name, f"lmw r{rt}, {d}(r{ra})\nblr\n", ins=ins, outs=outs, comment=comment)

lmw_test("test_lmw_r31_one_word", 31, 4, 0x10001000, 0)
lmw_test("test_lmw_r29_three_words", 29, 4, 0x10001000, 0x40, seed=0x80)
lmw_test("test_lmw_r26_negative_disp", 26, 3, 0x10001200, -0x20, seed=0xF0)
lmw_test("test_lmw_r5_twenty_seven_words", 5, 4, 0x10001000, 0x100, seed=0x05,
         comment="RA = r4 just below RT: r5..r31 are loaded, r4 and below untouched.")
lmw_test("test_lmw_r2_from_r1_base", 2, 1, 0x10002000, -0x80, seed=0x9C,
         comment="Loads r2..r31; RA = r1 is below the range.")
lmw_test("test_lmw_r20_base_r19_max_disp", 20, 19, 0x10001000, 0x7FC0, seed=0x3A)
lmw_test("test_lmw_r28_min_disp", 28, 10, 0x10009000, -0x8000, seed=0x66)
f.write()

f = File("store_multiple.s", "Store multiple word: stmw.", "Book I 3.3.7, Fixed-Point Load and Store Multiple",
         "stmw stores the low words of RS..r31 in order. RA may lie in the range (it is stored like\n"
         "any other register). Bytes around the stored range (0xEE) must stay as they are.")

def stmw_test(name, rs, ra, base, d, comment=None, seed=0x31):
    ea = base + d
    n = 32 - rs
    regs = {}
    for r in range(rs, 32):
        regs[r] = ((0x0101010101010101 * ((seed + r) & 0xFF)) ^ (r << 40) ^ (r * 0x10203)) & M
    regs[ra] = base
    data = []
    for r in range(rs, 32):
        data += list((regs[r] & 0xFFFFFFFF).to_bytes(4, "big"))
    ins = [f"REGISTER_IN r{r} {h64(v)}" for r, v in sorted(regs.items())]
    ins.append(f"MEMORY_IN {ea - 4:08x} {membytes([0xEE] * (4 * n + 8))}")
    outs = [f"MEMORY_OUT {ea - 4:08x} {membytes([0xEE] * 4 + data + [0xEE] * 4)}"]
    outs += [f"REGISTER_OUT r{r} {h64(v)}" for r, v in sorted(regs.items())]
    f.test(name, f"stmw r{rs}, {d}(r{ra})\nblr\n", ins=ins, outs=outs, comment=comment)

stmw_test("test_stmw_r31_one_word", 31, 4, 0x10001010, 0)
stmw_test("test_stmw_r29_three_words", 29, 4, 0x10001010, 0x40, seed=0x80)
stmw_test("test_stmw_r26_negative_disp", 26, 3, 0x10001210, -0x20, seed=0xF0)
stmw_test("test_stmw_r3_range_includes_ra", 3, 4, 0x10001100, 0x10, seed=0x05,
          comment="RA = r4 is inside r3..r31: its value (the base address) is stored too.")
stmw_test("test_stmw_r0_all_registers", 0, 9, 0x10002000, 0x100, seed=0x44,
          comment="All 32 registers, r0 included (RS = 0 names r0, not zero).")
stmw_test("test_stmw_r20_max_disp", 20, 19, 0x10001000, 0x7FC0, seed=0x3A)
stmw_test("test_stmw_r28_min_disp", 28, 10, 0x10009010, -0x8000, seed=0x66)
f.test("test_stmw_then_lmw_round_trip", """
stmw r27, 0(r4)
li r27, 0
li r28, 0
li r29, 0
li r30, 0
li r31, 0
lmw r27, 0(r4)
blr
""", ins=["REGISTER_IN r4 0x0000000010001000", "REGISTER_IN r27 0xFFFFFFFF80000000",
          "REGISTER_IN r28 0x123456789ABCDEF0", "REGISTER_IN r29 0x0000000000000001",
          "REGISTER_IN r30 0x00000000FFFFFFFF", "REGISTER_IN r31 0x7FFFFFFF7FFFFFFF"],
       outs=["REGISTER_OUT r27 0x0000000080000000", "REGISTER_OUT r28 0x000000009ABCDEF0",
             "REGISTER_OUT r29 0x0000000000000001", "REGISTER_OUT r30 0x00000000FFFFFFFF",
             "REGISTER_OUT r31 0x000000007FFFFFFF",
             "MEMORY_OUT 10001000 80 00 00 00 9A BC DE F0 00 00 00 01 FF FF FF FF 7F FF FF FF"],
       comment="Only the low words survive the round trip.")
f.write()

# ---------------------------------------------------------------- strings
SEC_STR = "Book I 3.3.8, Fixed-Point Move Assist Instructions"

def string_regs(rt, n):
    return [(rt + k) % 32 for k in range((n + 3) // 4)]

def load_string_values(data):
    vals = []
    for k in range(0, len(data), 4):
        chunk = data[k:k + 4]
        chunk = chunk + [0] * (4 - len(chunk))
        vals.append(int.from_bytes(bytes(chunk), "big"))
    return vals

f = File("load_string.s", "Load string word: lswi (immediate count) and lswx (count in XER[57:63]).",
         SEC_STR,
         "Bytes fill the low words of RT, RT+1, ... (wrapping from r31 to r0), high words set to\n"
         "zero, and the last register's unfilled low bytes set to zero. Every target register\n"
         "starts with garbage; the register after the range must be left alone. Invalid forms\n"
         "(RA or RB in the range, RA = 0 in the lswi range) and lswx with a zero count (RT\n"
         "undefined) are not tested.")

def lsw_test(name, kind, rt, ra, n, base, rb=None, idx=0, xer_extra=0, seed=0x41, comment=None):
    regs = string_regs(rt, n)
    assert ra not in regs and (rb is None or rb not in regs), name
    if kind == "lswi":
        assert ra != 0
        ea = base
        asm = f"lswi r{rt}, r{ra}, {n}"
    else:
        ea = ((base if ra else 0) + idx) & M
        asm = f"lswx r{rt}, {'r%d' % ra if ra else '0'}, r{rb}"
    data = pat(n, seed)
    vals = load_string_values(data)
    ins = []
    if ra:
        ins.append(f"REGISTER_IN r{ra} {h64(base)}")
    if rb is not None:
        ins.append(f"REGISTER_IN r{rb} {h64(idx)}")
    after = (rt + len(regs)) % 32
    for r in regs + [after]:
        if r not in (ra, rb):
            ins.append(f"REGISTER_IN r{r} {h64(G ^ (r << 8))}")
    if kind == "lswx":
        ins.append(f"REGISTER_IN xer {h32(n | xer_extra)}")
    ins.append(f"MEMORY_IN {ea:08x} {membytes(data + [0xAB] * 4)}")
    outs = [f"REGISTER_OUT r{r} {h64(v)}" for r, v in zip(regs, vals)]
    if after not in (ra, rb):
        outs.append(f"REGISTER_OUT r{after} {h64(G ^ (after << 8))}")
    if ra:
        outs.append(f"REGISTER_OUT r{ra} {h64(base)}")
    if kind == "lswx":
        outs.append(f"REGISTER_OUT xer {h32(n | xer_extra)}")
    f.test(name, f"{asm}\nblr\n", ins=ins, outs=outs, comment=comment)

for n in (1, 2, 3, 4, 5, 7, 8, 13, 16, 31):
    lsw_test(f"test_lswi_nb{n}", "lswi", 5, 4, n, 0x10001000 + 0x40 * n, seed=n * 7)
lsw_test("test_lswi_nb32", "lswi", 8, 4, 32, 0x10001800, seed=0x90,
         comment="NB = 0 in the encoding means 32 bytes: r8..r15.")
lsw_test("test_lswi_wraps_to_r0", "lswi", 30, 4, 12, 0x10001900, seed=0x3C,
         comment="r30, r31, then r0.")
lsw_test("test_lswi_wraps_partial_into_r1", "lswi", 31, 9, 6, 0x10001A00, seed=0x55,
         comment="r31 gets 4 bytes, r0 the last 2, r1 is next and untouched.")
lsw_test("test_lswi_unaligned_address", "lswi", 10, 3, 7, 0x10001B03, seed=0x77)
lsw_test("test_lswi_rt_below_ra", "lswi", 3, 20, 9, 0x10001C00, seed=0x19)
for n in (1, 3, 4, 6, 8, 17, 32):
    lsw_test(f"test_lswx_n{n}", "lswx", 5, 4, n, 0x10002000 + 0x40 * n, rb=20, idx=0x10, seed=n * 11)
lsw_test("test_lswx_ra0_uses_zero", "lswx", 5, 0, 8, 0, rb=7, idx=0x10002800, seed=0x61,
         comment="RA = 0: EA = (RB).")
lsw_test("test_lswx_wraps_to_r0", "lswx", 29, 4, 14, 0x10002900, rb=5, idx=4, seed=0x29,
         comment="r29, r30, r31, then 2 bytes into r0.")
lsw_test("test_lswx_ignores_other_xer_bits", "lswx", 12, 4, 5, 0x10002A00, rb=5, idx=0x21,
         xer_extra=0xE0000000, seed=0x4D, comment="SO, OV and CA are set: only XER[57:63] counts, XER is unchanged.")
lsw_test("test_lswx_negative_index", "lswx", 12, 4, 10, 0x10002B40, rb=5, idx=(-0x40) & M, seed=0x2E)
lsw_test("test_lswx_count_119_thirty_registers", "lswx", 1, 31, 119, 0x10003000, rb=0, idx=0x10, seed=0x12,
         comment="r1..r30 (the last gets 3 bytes); RA = r31 and RB = r0 lie outside the range.")
f.write()

f = File("store_string.s", "Store string word: stswi (immediate count) and stswx (count in XER[57:63]).",
         SEC_STR,
         "Bytes come from the low words of RS, RS+1, ... (wrapping from r31 to r0), most\n"
         "significant first; the high words are ignored. Exactly n bytes are stored: the bytes\n"
         "after them (0xEE) must stay. stswx with a zero count stores nothing.")

def stsw_test(name, kind, rs, ra, n, base, rb=None, idx=0, xer_extra=0, seed=0x41, comment=None):
    regs = string_regs(rs, n) if n else []
    if kind == "stswi":
        ea = base
        asm = f"stswi r{rs}, r{ra}, {n}"
    else:
        ea = ((base if ra else 0) + idx) & M
        asm = f"stswx r{rs}, {'r%d' % ra if ra else '0'}, r{rb}"
    vals = {}
    for r in regs:
        vals[r] = ((0x0101010101010101 * ((seed * 3 + r * 17) & 0xFF)) ^ (r * 0x01020304) ^ (seed << 48)) & M
    if ra:
        vals[ra] = base
    if rb is not None:
        vals[rb] = idx
    data = []
    for r in regs:
        data += list((vals[r] & 0xFFFFFFFF).to_bytes(4, "big"))
    data = data[:n]
    ins = [f"REGISTER_IN r{r} {h64(v)}" for r, v in sorted(vals.items())]
    if kind == "stswx":
        ins.append(f"REGISTER_IN xer {h32(n | xer_extra)}")
    ins.append(f"MEMORY_IN {ea - 1:08x} {membytes([0xEE] * (n + 5))}")
    outs = [f"MEMORY_OUT {ea - 1:08x} {membytes([0xEE] + data + [0xEE] * 4)}"]
    outs += [f"REGISTER_OUT r{r} {h64(v)}" for r, v in sorted(vals.items())]
    if kind == "stswx":
        outs.append(f"REGISTER_OUT xer {h32(n | xer_extra)}")
    f.test(name, f"{asm}\nblr\n", ins=ins, outs=outs, comment=comment)

for n in (1, 2, 3, 4, 5, 7, 8, 13, 16, 31):
    stsw_test(f"test_stswi_nb{n}", "stswi", 5, 4, n, 0x10001000 + 0x40 * n, seed=n * 7)
stsw_test("test_stswi_nb32", "stswi", 8, 4, 32, 0x10001800, seed=0x90,
          comment="NB = 0 in the encoding means 32 bytes: r8..r15.")
stsw_test("test_stswi_wraps_to_r0", "stswi", 30, 4, 12, 0x10001900, seed=0x3C, comment="r30, r31, then r0.")
stsw_test("test_stswi_unaligned_address", "stswi", 10, 3, 7, 0x10001B03, seed=0x77)
stsw_test("test_stswi_range_includes_ra", "stswi", 3, 4, 8, 0x10001C00, seed=0x19,
          comment="RA = r4 is the second register stored: its value (the address) is stored.")
for n in (1, 3, 4, 6, 8, 17, 32):
    stsw_test(f"test_stswx_n{n}", "stswx", 5, 4, n, 0x10002000 + 0x40 * n, rb=20, idx=0x10, seed=n * 11)
stsw_test("test_stswx_n0_stores_nothing", "stswx", 5, 4, 0, 0x10002600, rb=6, idx=0x10, seed=0x33,
          comment="A zero byte count stores no bytes.")
stsw_test("test_stswx_ra0_uses_zero", "stswx", 5, 0, 8, 0, rb=7, idx=0x10002800, seed=0x61,
          comment="RA = 0: EA = (RB).")
stsw_test("test_stswx_wraps_to_r0", "stswx", 29, 4, 14, 0x10002900, rb=5, idx=4, seed=0x29,
          comment="r29, r30, r31, then 2 bytes of r0.")
stsw_test("test_stswx_ignores_other_xer_bits", "stswx", 12, 4, 5, 0x10002A00, rb=5, idx=0x21,
          xer_extra=0xE0000000, seed=0x4D, comment="SO, OV and CA set: only XER[57:63] counts.")
stsw_test("test_stswx_negative_index", "stswx", 12, 4, 10, 0x10002B40, rb=5, idx=(-0x40) & M, seed=0x2E)
stsw_test("test_stswx_range_includes_ra_and_rb", "stswx", 4, 4, 8, 0x10002C00, rb=5, idx=0x10, seed=0x5A,
          comment="RS = RA = r4, then RB = r5: both values are stored.")
stsw_test("test_stswx_count_127", "stswx", 0, 4, 127, 0x10003000, rb=5, idx=0x100, seed=0x12,
          comment="The largest count: r0..r31 (the last gets 3 bytes), RA and RB included.")
f.test("test_stswi_then_lswi_round_trip", """
stswi r20, r4, 10
lswi r24, r4, 10
blr
""", ins=["REGISTER_IN r4 0x0000000010001000", "REGISTER_IN r20 0xFFFFFFFF01020304",
          "REGISTER_IN r21 0x1111111105060708", "REGISTER_IN r22 0x22222222090A0B0C",
          "REGISTER_IN r27 0x3333333333333333"],
       outs=["REGISTER_OUT r24 0x0000000001020304", "REGISTER_OUT r25 0x0000000005060708",
             "REGISTER_OUT r26 0x00000000090A0000", "REGISTER_OUT r27 0x3333333333333333",
             "MEMORY_OUT 10001000 01 02 03 04 05 06 07 08 09 0A 00 00"])
f.write()

# ---------------------------------------------------------------- reservations
SEC_RES = "Book II 3.3.2, Load And Reserve and Store Conditional Instructions; Book I 3.3"
f = File("load_reserve.s", "Load and reserve: lwarx, ldarx (and the store-conditional that uses the reservation).",
         SEC_RES,
         "lwarx zero-extends the word into RT; ldarx loads the doubleword. Both are X-form with\n"
         "EA = (RA|0) + (RB), aligned (a misaligned one takes an alignment interrupt). The EH\n"
         "hint bit is not used (it is a reserved bit on the Xenon).")

def larx_test(name, mn, rt, ra, rb, regs, data, comment=None):
    size = 4 if mn == "lwarx" else 8
    base = regs.get(ra, 0) if ra else 0
    ea = (base + regs[rb]) & M
    val = int.from_bytes(bytes(data), "big")
    ins = [f"REGISTER_IN r{r} {h64(v)}" for r, v in sorted(regs.items())]
    if rt not in regs:
        ins.append(f"REGISTER_IN r{rt} {h64(G)}")
    ins.append(f"MEMORY_IN {ea & 0xFFFFFFFF:08x} {membytes(data)}")
    outs = [f"REGISTER_OUT r{rt} {h64(val)}"]
    outs += [f"REGISTER_OUT r{r} {h64(v)}" for r, v in sorted(regs.items()) if r != rt]
    outs.append(f"MEMORY_OUT {ea & 0xFFFFFFFF:08x} {membytes(data)}")
    f.test(name, f"{mn} r{rt}, {'r%d' % ra if ra else '0'}, r{rb}\nblr\n", ins=ins, outs=outs, comment=comment)

for mn, size in (("lwarx", 4), ("ldarx", 8)):
    vals = [[0x80] + [0] * (size - 2) + [1], [0x7F] + [0xFF] * (size - 1), [0xFF] * size,
            list(range(0x12, 0x12 + size))]
    larx_test(f"test_{mn}_ra0", mn, 3, 0, 5, {5: 0x10001000}, vals[0], comment="RA = 0: EA = (RB).")
    larx_test(f"test_{mn}_ra_rb", mn, 3, 4, 5, {4: 0x10001100, 5: 0x18}, vals[1])
    larx_test(f"test_{mn}_negative_index", mn, 3, 4, 5, {4: 0x10001200, 5: (-0x20) & M}, vals[2])
    larx_test(f"test_{mn}_rt_same_as_ra", mn, 4, 4, 5, {4: 0x10001300, 5: 0x40}, vals[3],
              comment="RT = RA is allowed (not an update form).")
    larx_test(f"test_{mn}_rb_r0_is_a_register", mn, 3, 4, 0, {4: 0x10001400, 0: size * 3}, vals[1])

def pair_test(name, larx, stcx, data, new, xer=0, cr=0, comment=None):
    size = 4 if larx == "lwarx" else 8
    stored = list((new & ((1 << (8 * size)) - 1)).to_bytes(size, "big"))
    so = 1 if xer & 0x80000000 else 0
    cr_out = (cr & 0x0FFFFFFF) | ((0b0010 | so) << 28)
    f.test(name, f"""
{larx} r3, 0, r4
{stcx} r5, 0, r4
blr
""", ins=[f"REGISTER_IN r4 0x0000000010001000", f"REGISTER_IN r5 {h64(new)}", f"REGISTER_IN cr {h32(cr)}",
          f"REGISTER_IN xer {h32(xer)}", f"MEMORY_IN 10001000 {membytes(data)}"],
           outs=[f"REGISTER_OUT r3 {h64(int.from_bytes(bytes(data), 'big'))}",
                 f"MEMORY_OUT 10001000 {membytes(stored)}", f"REGISTER_OUT cr {h32(cr_out)}"],
           comment=comment or "The reservation from the load lets the store succeed: CR0 = 0b0010 (EQ).")

pair_test("test_lwarx_stwcx_succeeds", "lwarx", "stwcx.", [0, 0, 0, 7], 0xFFFFFFFF00000008,
          comment="stwcx. stores the low word of RS and sets CR0 = 0b0010 (EQ).")
pair_test("test_lwarx_stwcx_succeeds_with_so", "lwarx", "stwcx.", [0x12, 0x34, 0x56, 0x78], 0x9ABCDEF0,
          xer=0x80000000, cr=0x0FFFFFFF, comment="CR0 = 0b0011: EQ and a copy of XER[SO]; other fields kept.")
pair_test("test_ldarx_stdcx_succeeds", "ldarx", "stdcx.", [1, 2, 3, 4, 5, 6, 7, 8], 0xFEDCBA9876543210)
pair_test("test_ldarx_stdcx_succeeds_with_so", "ldarx", "stdcx.", [0] * 8, 0x8000000000000001,
          xer=0xC0000000, cr=0x12345678, comment="CR0 = 0b0011 (SO copied; OV does not matter).")
f.write()

f = File("store_conditional.s", "Store conditional: stwcx., stdcx. success and failure paths.", SEC_RES,
         "Success (a reservation from lwarx/ldarx on the same address and size) stores and sets\n"
         "CR0 (LT GT EQ SO) = 0 0 1 XER[SO]; failure (no reservation) stores nothing and sets\n"
         "CR0 = 0 0 0 XER[SO]. Every store conditional clears the reservation. Only cases the\n"
         "ISA defines are tested: no store-conditional to an address other than the reserved one.")

def stcx_fail_test(name, stcx, pre, xer=0, cr=0, comment=None, size=4):
    so = 1 if xer & 0x80000000 else 0
    cr_out = (cr & 0x0FFFFFFF) | (so << 28)
    data = [0x5A] * size
    f.test(name, f"""
{pre}
{stcx} r5, 0, r4
blr
""", ins=["REGISTER_IN r4 0x0000000010001000", "REGISTER_IN r5 0x0123456789ABCDEF", f"REGISTER_IN cr {h32(cr)}",
          f"REGISTER_IN xer {h32(xer)}", f"MEMORY_IN 10001000 {membytes(data)}"],
           outs=[f"MEMORY_OUT 10001000 {membytes(data)}", f"REGISTER_OUT cr {h32(cr_out)}"], comment=comment)

for stcx, size in (("stwcx.", 4), ("stdcx.", 8)):
    larx = "lwarx" if size == 4 else "ldarx"
    base = stcx.rstrip(".")
    stcx_fail_test(f"test_{base}_without_reservation_fails", stcx, "", size=size,
                   comment="No reservation: nothing is stored, CR0 = 0.")
    stcx_fail_test(f"test_{base}_without_reservation_fails_with_so", stcx, "", xer=0x80000000,
                   cr=0xF0000000 | 0x0ABCDEF1, size=size, comment="CR0 = 0b0001: only the copy of SO.")
    # Success clears the reservation: a second store conditional fails.
    f.test(f"test_{base}_second_store_fails_after_success", f"""
{larx} r3, 0, r4
{stcx} r5, 0, r4
mfcr r6
{stcx} r7, 0, r4
mfcr r8
blr
""", ins=["REGISTER_IN r4 0x0000000010001000", "REGISTER_IN r5 0x1111111111111111",
          "REGISTER_IN r7 0x2222222222222222", f"MEMORY_IN 10001000 {membytes([0x33] * size)}"],
           outs=["REGISTER_OUT r6 0x0000000020000000", "REGISTER_OUT r8 0x0000000000000000",
                 f"MEMORY_OUT 10001000 {membytes([0x11] * size)}", f"REGISTER_OUT r3 {h64(int('33' * size, 16))}"],
           comment="The first succeeds (EQ) and clears the reservation; the second fails and stores nothing.")
    f.test(f"test_{base}_indexed_ra_rb_succeeds", f"""
{larx} r3, r4, r6
{stcx} r5, r4, r6
blr
""", ins=["REGISTER_IN r4 0x0000000010001F00", "REGISTER_IN r6 0x0000000000000080",
          "REGISTER_IN r5 0xA5A5A5A5C3C3C3C3", f"MEMORY_IN 10001f80 {membytes([0x77] * size)}"],
           outs=["REGISTER_OUT cr 0x20000000",
                 f"MEMORY_OUT 10001f80 {membytes(([0xA5] * 4 if size == 8 else []) + [0xC3] * 4)}"])
    f.test(f"test_{base}_atomic_increment_loop", f"""
1: {larx} r3, 0, r4
addi r3, r3, 1
{stcx} r3, 0, r4
bne- 1b
blr
""", ins=["REGISTER_IN r4 0x0000000010002000", f"MEMORY_IN 10002000 {membytes([0] * (size - 1) + [0x41])}"],
           outs=[f"REGISTER_OUT r3 0x42", f"MEMORY_OUT 10002000 {membytes([0] * (size - 1) + [0x42])}",
                 "REGISTER_OUT cr 0x20000000"],
           comment="The usual retry loop completes on its first pass.")
    f.test(f"test_{base}_reload_after_failure_succeeds", f"""
{stcx} r5, 0, r4
mfcr r6
{larx} r3, 0, r4
{stcx} r5, 0, r4
blr
""", ins=["REGISTER_IN r4 0x0000000010003000", "REGISTER_IN r5 0x0000000000000009",
          f"MEMORY_IN 10003000 {membytes([0x01] * size)}"],
           outs=["REGISTER_OUT r6 0", "REGISTER_OUT cr 0x20000000",
                 f"MEMORY_OUT 10003000 {membytes([0] * (size - 1) + [9])}"],
           comment="A failed store conditional, then a fresh reservation and a successful one.")
f.write()
