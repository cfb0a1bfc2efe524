import sys
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
from gen_ls import load_test, store_test, LOADS, STORES, M
from gen_fp import s2d, d2s, FG

def pattern(size, seed):
    vals = [0x80 | (seed & 0x7F)] + [((seed * 37 + 11 * i) ^ (i * 0x5B)) & 0xFF for i in range(1, size)]
    return vals

def gen_loads(f, cases, suffix):
    for mn, ea in cases:
        size, signed, rev, form, update = LOADS[mn]
        data = pattern(size, ea & 0xFFF)
        tag = f"{suffix}_{ea:08x}"
        if form == "X":
            regs = {4: ea - 0x10, 5: 0x10}
            load_test(f, f"test_{mn}_{tag}", mn, 3, 4, 5, regs, data)
        elif form == "DS":
            # The displacement must be a multiple of 4: misalign the base instead.
            regs = {4: ea - 8}
            load_test(f, f"test_{mn}_{tag}", mn, 3, 4, 8, regs, data)
        else:
            regs = {4: ea + 0x21}
            load_test(f, f"test_{mn}_{tag}", mn, 3, 4, -0x21, regs, data)

def gen_stores(f, cases, suffix):
    for mn, ea in cases:
        size, rev, form, update = STORES[mn]
        v = int.from_bytes(bytes(pattern(8, ea & 0xFFF)), "big")
        tag = f"{suffix}_{ea:08x}"
        if form == "X":
            store_test(f, f"test_{mn}_{tag}", mn, 3, 4, 5, {3: v, 4: ea + 0x10, 5: (-0x10) & M})
        elif form == "DS":
            store_test(f, f"test_{mn}_{tag}", mn, 3, 4, -4, {3: v, 4: ea + 4})
        else:
            store_test(f, f"test_{mn}_{tag}", mn, 3, 4, 0x13, {3: v, 4: ea - 0x13})

def fp_load(f, name, mn, ea, single, comment=None):
    size = 4 if single else 8
    data = pattern(size, (ea * 7) & 0x7F)
    data[0] = 0x3F if single else 0x40  # a plain normal value
    raw = int.from_bytes(bytes(data), "big")
    val = s2d(raw) if single else raw
    x = mn.endswith("x")
    upd = "u" in mn[3:]
    if x:
        asm = f"{mn} f4, r4, r5"
        regs = {4: ea - 0x40, 5: 0x40}
    else:
        asm = f"{mn} f4, 8(r4)"
        regs = {4: ea - 8}
    ins = [f"REGISTER_IN r{r} {h64(v)}" for r, v in sorted(regs.items())]
    ins += [f"REGISTER_IN f4 {h64(FG)}", f"MEMORY_IN {ea:08x} {membytes(data)}"]
    outs = [f"REGISTER_OUT f4 {h64(val)}"]
    if upd:
        outs.append(f"REGISTER_OUT r4 {h64(ea)}")
    f.test(name, f"{asm}\nblr\n", ins=ins, outs=outs, comment=comment)

def fp_store(f, name, mn, ea, comment=None):
    single = mn.startswith("stfs")
    iw = mn == "stfiwx"
    d = 0xC01234567890ABCD if not single else 0x4049B5A3E0000000
    data = list((d2s(d) if single else (d & 0xFFFFFFFF if iw else d)).to_bytes(4 if (single or iw) else 8, "big"))
    x = mn.endswith("x")
    upd = "u" in mn[4:]
    if x:
        asm = f"{mn} f6, r4, r5"
        regs = {4: ea + 0x40, 5: (-0x40) & M}
    else:
        asm = f"{mn} f6, -4(r4)"
        regs = {4: ea + 4}
    n = len(data)
    ins = [f"REGISTER_IN r{r} {h64(v)}" for r, v in sorted(regs.items())]
    ins += [f"REGISTER_IN f6 {h64(d)}", f"MEMORY_IN {ea - 1:08x} {membytes([0xEE] * (n + 2))}"]
    outs = [f"MEMORY_OUT {ea - 1:08x} {membytes([0xEE] + data + [0xEE])}"]
    if upd:
        outs.append(f"REGISTER_OUT r4 {h64(ea)}")
    f.test(name, f"{asm}\nblr\n", ins=ins, outs=outs, comment=comment)

# ---------------------------------------------------------------- misaligned
f = File("load_misaligned.s", "Misaligned integer and floating-point loads.",
         "Book I 1.11.1 (storage operands) and the load instructions of chapters 3-4",
         "Loads whose EA is not a multiple of the operand size read the same bytes an aligned one\n"
         "would (the ISA allows an implementation to take an alignment interrupt instead, but\n"
         "neither qemu nor the Xenon does for these forms). Each EA is in the test name.\n"
         "Load/store multiple and the reservation loads must be aligned, so they are not here.")
B = 0x10001100
gen_loads(f, [("lhz", B + 1), ("lha", B + 0x11), ("lhzu", B + 0x23), ("lhau", B + 0x35), ("lhzx", B + 0x47),
              ("lhax", B + 0x59), ("lhzux", B + 0x6B), ("lhaux", B + 0x7D), ("lhbrx", B + 0x8F)], "odd")
W = 0x10001200
cases = []
for off in (1, 2, 3):
    for k, mn in enumerate(("lwz", "lwzu", "lwzx", "lwzux", "lwa", "lwax", "lwaux", "lwbrx")):
        cases.append((mn, W + 0x100 * off + 0x10 * k + off))
gen_loads(f, cases, "off")
D = 0x10001600
cases = []
for off in range(1, 8):
    for k, mn in enumerate(("ld", "ldu", "ldx", "ldux")):
        cases.append((mn, D + 0x100 * off + 0x10 * k + off))
gen_loads(f, cases, "off")
for mn in ("lfs", "lfsu", "lfsx", "lfsux"):
    for off in (1, 2, 3):
        fp_load(f, f"test_{mn}_off{off}", mn, 0x10002100 + 0x40 * off + off + (0x200 if "x" in mn else 0) + (0x400 if "u" in mn[3:] else 0), True)
for mn in ("lfd", "lfdu", "lfdx", "lfdux"):
    for off in (1, 4, 6):
        fp_load(f, f"test_{mn}_off{off}", mn, 0x10003100 + 0x40 * off + off + (0x200 if "x" in mn else 0) + (0x400 if "u" in mn[3:] else 0), False)
f.write()

f = File("store_misaligned.s", "Misaligned integer and floating-point stores.",
         "Book I 1.11.1 (storage operands) and the store instructions of chapters 3-4",
         "Stores whose EA is not a multiple of the operand size write the same bytes an aligned one\n"
         "would; the bytes on either side (0xEE) must stay. Each EA is in the test name.")
cases = []
for k, mn in enumerate(("sth", "sthu", "sthx", "sthux", "sthbrx")):
    for off in (1, 3):
        cases.append((mn, 0x10001100 + 0x40 * k + 0x10 * off + off))
for off in (1, 2, 3):
    for k, mn in enumerate(("stw", "stwu", "stwx", "stwux", "stwbrx")):
        cases.append((mn, 0x10001300 + 0x100 * off + 0x10 * k + off))
for off in range(1, 8):
    for k, mn in enumerate(("std", "stdu", "stdx", "stdux")):
        cases.append((mn, 0x10001700 + 0x100 * off + 0x10 * k + off))
gen_stores(f, cases, "off")
for mn in ("stfs", "stfsu", "stfsx", "stfsux", "stfiwx"):
    for off in (1, 2, 3):
        fp_store(f, f"test_{mn}_off{off}", mn, 0x10002800 + 0x40 * off + off + 0x100 * len(mn) + (0x80 if "u" in mn[4:] else 0))
for mn in ("stfd", "stfdu", "stfdx", "stfdux"):
    for off in (1, 4, 7):
        fp_store(f, f"test_{mn}_off{off}", mn, 0x10003800 + 0x40 * off + off + 0x100 * len(mn) + (0x80 if "u" in mn[4:] else 0))
f.write()

# ---------------------------------------------------------------- page crossing
PC_EXTRA = ("Accesses that straddle a 4 KiB page boundary inside scratch memory (0x10002000,\n"
            "0x10003000, ...): the bytes before and after the boundary belong to one operand.")
f = File("load_page_cross.s", "Loads that cross a 4 KiB page boundary.",
         "Book I 1.11.1 (storage operands) and the load instructions of chapters 3-4", PC_EXTRA)
cases = [("lhz", 0x10001FFF), ("lha", 0x10002FFF), ("lhzu", 0x10003FFF), ("lhaux", 0x10004FFF), ("lhbrx", 0x10005FFF),
         ("lhzx", 0x10006FFF), ("lhax", 0x10007FFF), ("lhau", 0x10008FFF), ("lhzux", 0x10009FFF)]
for k, mn in enumerate(("lwz", "lwzu", "lwzx", "lwzux", "lwa", "lwax", "lwaux", "lwbrx")):
    for j, off in enumerate((1, 2, 3)):
        cases.append((mn, 0x10002000 + 0x1000 * ((k * 3 + j) % 13) - off))
for k, mn in enumerate(("ld", "ldu", "ldx", "ldux")):
    for off in range(1, 8):
        cases.append((mn, 0x10002000 + 0x1000 * ((k * 7 + off) % 13) - off))
gen_loads(f, cases, "at")
for k, (mn, off) in enumerate((("lfs", 1), ("lfsu", 2), ("lfsx", 3), ("lfsux", 2), ("lfd", 4), ("lfdu", 1),
                               ("lfdx", 7), ("lfdux", 4))):
    ea = 0x10003000 + 0x1000 * k - off
    fp_load(f, f"test_{mn}_at_{ea:08x}", mn, ea, mn.startswith("lfs"))

def lmw_cross(name, rt, ea):
    n = 32 - rt
    data = pattern(4 * n, ea & 0x7F)
    outs = [f"REGISTER_OUT r{r} {h64(int.from_bytes(bytes(data[4 * k:4 * k + 4]), 'big'))}"
            for k, r in enumerate(range(rt, 32))]
    f.test(name, f"lmw r{rt}, 0(r4)\nblr\n",
           ins=[f"REGISTER_IN r4 {h64(ea)}", f"MEMORY_IN {ea:08x} {membytes(data)}"] +
               [f"REGISTER_IN r{r} {h64(FG)}" for r in range(rt, 32)], outs=outs)

lmw_cross("test_lmw_crosses_page_at_10001ff8", 28, 0x10001FF8)
lmw_cross("test_lmw_crosses_page_at_10002fc0", 5, 0x10002FC0)

def lsw_cross(name, kind, rt, ea, n):
    data = pattern(n, (ea + n) & 0x7F)
    regs = [(rt + k) % 32 for k in range((n + 3) // 4)]
    vals = []
    for k in range(0, n, 4):
        chunk = data[k:k + 4] + [0] * max(0, 4 - len(data[k:k + 4]))
        vals.append(int.from_bytes(bytes(chunk), "big"))
    if kind == "lswi":
        asm, ins = f"lswi r{rt}, r4, {n}", [f"REGISTER_IN r4 {h64(ea)}"]
    else:
        asm, ins = f"lswx r{rt}, r4, r5", [f"REGISTER_IN r4 {h64(ea - 0x10)}", "REGISTER_IN r5 0x10",
                                           f"REGISTER_IN xer {h32(n)}"]
    ins += [f"REGISTER_IN r{r} {h64(FG)}" for r in regs]
    ins.append(f"MEMORY_IN {ea:08x} {membytes(data)}")
    f.test(name, f"{asm}\nblr\n", ins=ins,
           outs=[f"REGISTER_OUT r{r} {h64(v)}" for r, v in zip(regs, vals)])

lsw_cross("test_lswi_crosses_page_at_10002ffa", "lswi", 10, 0x10002FFA, 10)
lsw_cross("test_lswi_crosses_page_at_10003fff", "lswi", 10, 0x10003FFF, 5)
lsw_cross("test_lswx_crosses_page_at_10004fe5", "lswx", 8, 0x10004FE5, 50)
lsw_cross("test_lswx_crosses_page_at_10005ffd", "lswx", 20, 0x10005FFD, 6)
f.test("test_lwz_pair_on_both_sides_of_boundary", """
lwz r3, -4(r4)
lwz r5, 0(r4)
ld r6, -4(r4)
blr
""", ins=["REGISTER_IN r4 0x0000000010002000", "MEMORY_IN 10001ffc 01 02 03 04 05 06 07 08"],
       outs=["REGISTER_OUT r3 0x0000000001020304", "REGISTER_OUT r5 0x0000000005060708",
             "REGISTER_OUT r6 0x0102030405060708"])
f.write()

f = File("store_page_cross.s", "Stores that cross a 4 KiB page boundary.",
         "Book I 1.11.1 (storage operands) and the store instructions of chapters 3-4",
         PC_EXTRA + "\nThe bytes on either side of the stored operand (0xEE) must stay.")
cases = [("sth", 0x10001FFF), ("sthu", 0x10002FFF), ("sthx", 0x10003FFF), ("sthux", 0x10004FFF),
         ("sthbrx", 0x10005FFF)]
for k, mn in enumerate(("stw", "stwu", "stwx", "stwux", "stwbrx")):
    for j, off in enumerate((1, 2, 3)):
        cases.append((mn, 0x10002000 + 0x1000 * ((k * 3 + j) % 13) - off))
for k, mn in enumerate(("std", "stdu", "stdx", "stdux")):
    for off in range(1, 8):
        cases.append((mn, 0x10002000 + 0x1000 * ((k * 7 + off) % 13) - off))
gen_stores(f, cases, "at")
for k, (mn, off) in enumerate((("stfs", 1), ("stfsu", 2), ("stfsx", 3), ("stfsux", 2), ("stfiwx", 3),
                               ("stfd", 4), ("stfdu", 1), ("stfdx", 7), ("stfdux", 4))):
    ea = 0x10003000 + 0x1000 * k - off
    fp_store(f, f"test_{mn}_at_{ea:08x}", mn, ea)

def stmw_cross(name, rs, ea):
    regs = {r: (0x1111111100000000 * (r % 15 + 1) + 0x01020304 * r) & M for r in range(rs, 32)}
    regs[4] = ea
    data = []
    for r in range(rs, 32):
        data += list((regs[r] & 0xFFFFFFFF).to_bytes(4, "big"))
    f.test(name, f"stmw r{rs}, 0(r4)\nblr\n",
           ins=[f"REGISTER_IN r{r} {h64(v)}" for r, v in sorted(regs.items())] +
               [f"MEMORY_IN {ea - 4:08x} {membytes([0xEE] * (len(data) + 8))}"],
           outs=[f"MEMORY_OUT {ea - 4:08x} {membytes([0xEE] * 4 + data + [0xEE] * 4)}"])

stmw_cross("test_stmw_crosses_page_at_10001ff8", 28, 0x10001FF8)
stmw_cross("test_stmw_crosses_page_at_10002fc0", 5, 0x10002FC0)

def stsw_cross(name, kind, rs, ea, n):
    regs = {(rs + k) % 32: (0xA5A5A5A500000000 | (0x10203040 + 0x01010101 * k * 3)) & M for k in range((n + 3) // 4)}
    data = []
    for k in range((n + 3) // 4):
        data += list((regs[(rs + k) % 32] & 0xFFFFFFFF).to_bytes(4, "big"))
    data = data[:n]
    if kind == "stswi":
        asm = f"stswi r{rs}, r4, {n}"
        regs[4] = ea
        extra = []
    else:
        asm = f"stswx r{rs}, r4, r5"
        regs[4] = ea + 0x20
        regs[5] = (-0x20) & M
        extra = [f"REGISTER_IN xer {h32(n)}"]
    f.test(name, f"{asm}\nblr\n",
           ins=[f"REGISTER_IN r{r} {h64(v)}" for r, v in sorted(regs.items())] + extra +
               [f"MEMORY_IN {ea - 2:08x} {membytes([0xEE] * (n + 4))}"],
           outs=[f"MEMORY_OUT {ea - 2:08x} {membytes([0xEE] * 2 + data + [0xEE] * 2)}"])

stsw_cross("test_stswi_crosses_page_at_10002ffa", "stswi", 10, 0x10002FFA, 10)
stsw_cross("test_stswi_crosses_page_at_10003fff", "stswi", 10, 0x10003FFF, 5)
stsw_cross("test_stswx_crosses_page_at_10004fe5", "stswx", 8, 0x10004FE5, 50)
stsw_cross("test_stswx_crosses_page_at_10005ffd", "stswx", 20, 0x10005FFD, 6)
f.write()
