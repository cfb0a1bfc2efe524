import sys, struct
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *

M = MASK64
SEC_FX = "Book I 3.3.2-3.3.6, Fixed-Point Load and Store Instructions"

def sx(v, bits):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v

def rv(v):
    """A register value as written in annotations."""
    return h64(v)

def be(v, n):
    return list((v & ((1 << (8 * n)) - 1)).to_bytes(n, "big"))

def fromb(bs):
    return int.from_bytes(bytes(bs), "big")

GARBAGE = 0xDEADBEEFCAFEF00D

# Load descriptions: mnemonic -> (size, signed, reversed, form, update)
LOADS = {
    "lbz": (1, False, False, "D", False), "lbzu": (1, False, False, "D", True),
    "lbzx": (1, False, False, "X", False), "lbzux": (1, False, False, "X", True),
    "lhz": (2, False, False, "D", False), "lhzu": (2, False, False, "D", True),
    "lhzx": (2, False, False, "X", False), "lhzux": (2, False, False, "X", True),
    "lha": (2, True, False, "D", False), "lhau": (2, True, False, "D", True),
    "lhax": (2, True, False, "X", False), "lhaux": (2, True, False, "X", True),
    "lwz": (4, False, False, "D", False), "lwzu": (4, False, False, "D", True),
    "lwzx": (4, False, False, "X", False), "lwzux": (4, False, False, "X", True),
    "lwa": (4, True, False, "DS", False), "lwax": (4, True, False, "X", False),
    "lwaux": (4, True, False, "X", True),
    "ld": (8, False, False, "DS", False), "ldu": (8, False, False, "DS", True),
    "ldx": (8, False, False, "X", False), "ldux": (8, False, False, "X", True),
    "lhbrx": (2, False, True, "X", False), "lwbrx": (4, False, True, "X", False),
}
STORES = {
    "stb": (1, False, "D", False), "stbu": (1, False, "D", True),
    "stbx": (1, False, "X", False), "stbux": (1, False, "X", True),
    "sth": (2, False, "D", False), "sthu": (2, False, "D", True),
    "sthx": (2, False, "X", False), "sthux": (2, False, "X", True),
    "stw": (4, False, "D", False), "stwu": (4, False, "D", True),
    "stwx": (4, False, "X", False), "stwux": (4, False, "X", True),
    "std": (8, False, "DS", False), "stdu": (8, False, "DS", True),
    "stdx": (8, False, "X", False), "stdux": (8, False, "X", True),
    "sthbrx": (2, True, "X", False), "stwbrx": (4, True, "X", False),
}

def loaded_value(mn, bs):
    size, signed, rev, _, _ = LOADS[mn]
    if rev:
        bs = bs[::-1]
    v = fromb(bs)
    return sx(v, 8 * size) & M if signed else v

def load_test(f, name, mn, rt, ra, rb_or_d, regs, mem_bytes, comment=None, extra_outs=()):
    """regs: dict of register number -> initial value. rb_or_d: int displacement (D/DS) or
    register number (X)."""
    size, signed, rev, form, update = LOADS[mn]
    base = 0 if ra == 0 else regs[ra]
    if form == "X":
        off = regs[rb_or_d]
        asm = f"{mn} r{rt}, {'0' if ra == 0 else 'r%d' % ra}, r{rb_or_d}"
    else:
        off = rb_or_d
        asm = f"{mn} r{rt}, {rb_or_d}({'0' if ra == 0 else 'r%d' % ra})"
    ea = (base + off) & M
    assert 0x10001000 <= (ea & 0xFFFFFFFF) and (ea & 0xFFFFFFFF) + size <= 0x10010000, (name, hex(ea))
    assert len(mem_bytes) == size
    val = loaded_value(mn, mem_bytes)
    ins = [f"REGISTER_IN r{r} {rv(v)}" for r, v in sorted(regs.items())]
    if rt not in regs:
        ins.append(f"REGISTER_IN r{rt} {rv(GARBAGE)}")
    ins.append(f"MEMORY_IN {ea & 0xFFFFFFFF:08x} {membytes(mem_bytes)}")
    outs = [f"REGISTER_OUT r{rt} {rv(val)}"]
    if update:
        outs.append(f"REGISTER_OUT r{ra} {rv(ea)}")
    for r, v in sorted(regs.items()):
        if r != rt and not (update and r == ra):
            outs.append(f"REGISTER_OUT r{r} {rv(v)}")
    outs += list(extra_outs)
    f.test(name, f"{asm}\nblr\n", ins=ins, outs=outs, comment=comment)
    return val

RS_VAL = 0x1122334455667788

def store_test(f, name, mn, rs, ra, rb_or_d, regs, comment=None, fill=0xEE):
    size, rev, form, update = STORES[mn]
    base = 0 if ra == 0 else regs[ra]
    if form == "X":
        off = regs[rb_or_d]
        asm = f"{mn} r{rs}, {'0' if ra == 0 else 'r%d' % ra}, r{rb_or_d}"
    else:
        off = rb_or_d
        asm = f"{mn} r{rs}, {rb_or_d}({'0' if ra == 0 else 'r%d' % ra})"
    ea = (base + off) & M
    a32 = ea & 0xFFFFFFFF
    assert 0x10001002 <= a32 and a32 + size + 2 <= 0x10010000, (name, hex(ea))
    v = regs[rs]   # RS is read before RA is updated
    data = be(v, size)
    if rev:
        data = data[::-1]
    before = [fill] * (size + 4)
    after = [fill, fill] + data + [fill, fill]
    ins = [f"REGISTER_IN r{r} {rv(x)}" for r, x in sorted(regs.items())]
    ins.append(f"MEMORY_IN {a32 - 2:08x} {membytes(before)}")
    outs = [f"MEMORY_OUT {a32 - 2:08x} {membytes(after)}"]
    if update:
        outs.append(f"REGISTER_OUT r{ra} {rv(ea)}")
    for r, x in sorted(regs.items()):
        if not (update and r == ra):
            outs.append(f"REGISTER_OUT r{r} {rv(x)}")
    f.test(name, f"{asm}\nblr\n", ins=ins, outs=outs, comment=comment)

# Values to load per size: (bytes, tag)
VALS = {
    1: [([0x80], "0x80"), ([0x7F], "0x7f"), ([0xFF], "0xff"), ([0x01], "0x01")],
    2: [([0x80, 0x01], "0x8001"), ([0x7F, 0xFF], "0x7fff"), ([0xFF, 0xFF], "0xffff"), ([0x12, 0x34], "0x1234")],
    4: [([0x80, 0x00, 0x00, 0x01], "0x80000001"), ([0x7F, 0xFF, 0xFF, 0xFF], "0x7fffffff"),
        ([0xFF, 0xFF, 0xFF, 0xFF], "0xffffffff"), ([0x12, 0x34, 0x56, 0x78], "0x12345678")],
    8: [([0x80, 0, 0, 0, 0, 0, 0, 1], "0x8000000000000001"), ([0x7F] + [0xFF] * 7, "0x7fffffffffffffff"),
        ([0xFF] * 8, "0xffffffffffffffff"), ([0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF], "0x0123456789abcdef")],
}

def gen_load_family(f, mns):
    for mn in mns:
        size, signed, rev, form, update = LOADS[mn]
        vals = VALS[size]
        if form in ("D", "DS"):
            maxd = 0x7FFF & ~(size - 1 if form == "D" else 3)
            cases = [
                ("disp0", 3, 4, 0, {4: 0x10001000}),
                ("disp_positive", 3, 4, 0x10 * size, {4: 0x10001100}),
                ("disp_negative", 3, 4, -8 if size < 8 else -16, {4: 0x10001200}),
                ("disp_max", 3, 4, maxd, {4: 0x10001000}),
                ("disp_min", 3, 4, -0x8000, {4: 0x10009000}),
                ("rt_r0_base_r31", 0, 31, 4 if form == "D" or size < 8 else 8, {31: 0x10003000}),
            ]
            if not update:
                cases.append(("rt_same_as_ra", 5, 5, 0x20, {5: 0x10004000}))
            for i, (tag, rt, ra, d, regs) in enumerate(cases):
                bs, vtag = vals[i % len(vals)]
                load_test(f, f"test_{mn}_{tag}_{vtag}", mn, rt, ra, d, regs, bs,
                          comment="RT = RA: the base is read before RT is written." if tag == "rt_same_as_ra" else None)
        else:
            cases = [
                ("basic", 3, 4, 5, {4: 0x10001000, 5: 0x40}),
                ("index_negative", 3, 4, 5, {4: 0x10002000, 5: (-0x40) & M}),
                ("base_in_rb", 3, 4, 5, {4: 0x80, 5: 0x10001800}),
                ("rb_r0_is_a_register", 6, 7, 0, {7: 0x10001300, 0: 0x18}),
                ("ra_equals_rb", 3, 4, 4, {4: 0x08000900}),
            ]
            if not update:
                cases.append(("ra0_uses_zero", 3, 0, 5, {5: 0x10001400}))
                cases.append(("rt_same_as_rb", 5, 4, 5, {4: 0x10001500, 5: 0x28}))
            for i, (tag, rt, ra, rb, regs) in enumerate(cases):
                bs, vtag = vals[i % len(vals)]
                c = None
                if tag == "index_negative":
                    c = "RB = -0x40: the 64-bit sum wraps back below RA."
                elif tag == "ra0_uses_zero":
                    c = "RA = 0 means the value 0, not r0: EA = (RB)."
                elif tag == "rb_r0_is_a_register":
                    c = "RB = r0 reads r0 (only RA = 0 means zero)."
                elif tag == "ra_equals_rb":
                    c = "RA = RB: EA = 2 * (r4)."
                load_test(f, f"test_{mn}_{tag}_{vtag}", mn, rt, ra, rb, regs, bs, comment=c)

def gen_store_family(f, mns):
    for mn in mns:
        size, rev, form, update = STORES[mn]
        if form in ("D", "DS"):
            maxd = 0x7FFF & ~(size - 1 if form == "D" else 3)
            cases = [
                ("disp0", 3, 4, 0, {3: RS_VAL, 4: 0x10001010}),
                ("disp_positive", 3, 4, 0x10 * size, {3: 0xFFFFFFFFFFFFFFFF, 4: 0x10001100}),
                ("disp_negative", 3, 4, -8 if size < 8 else -16, {3: 0x8000000000000001, 4: 0x10001210}),
                ("disp_max", 3, 4, maxd, {3: 0x0102030405060708, 4: 0x10001000}),
                ("disp_min", 3, 4, -0x8000, {3: 0xA5A5A5A5A5A5A5A5 ^ 0x0F0F, 4: 0x10009010}),
                ("rs_r0_base_r31", 0, 31, 8, {0: 0x00000000000000FF, 31: 0x10003000}),
                ("rs_same_as_ra", 5, 5, 0x20 if form == "D" else 0x20, {5: 0x10004000}),
            ]
            for tag, rs, ra, d, regs in cases:
                c = None
                if tag == "rs_same_as_ra":
                    c = ("RS = RA: the old value of RA is stored" + (", then RA = EA." if update else "."))
                store_test(f, f"test_{mn}_{tag}", mn, rs, ra, d, regs, comment=c)
        else:
            cases = [
                ("basic", 3, 4, 5, {3: RS_VAL, 4: 0x10001010, 5: 0x40}),
                ("index_negative", 3, 4, 5, {3: 0xFEDCBA9876543210, 4: 0x10002010, 5: (-0x40) & M}),
                ("base_in_rb", 3, 4, 5, {3: 0x00000000000000A5, 4: 0x90, 5: 0x10001800}),
                ("rb_r0_is_a_register", 6, 7, 0, {6: 0x8000000080008080, 7: 0x10001300, 0: 0x18}),
                ("ra_equals_rb", 3, 4, 4, {3: RS_VAL, 4: 0x08000900}),
                ("rs_same_as_ra", 4, 4, 5, {4: 0x10001600, 5: 0x30}),
                ("rs_same_as_rb", 5, 4, 5, {4: 0x10001000, 5: 0x0000000000000700}),
            ]
            if not update:
                cases.append(("ra0_uses_zero", 3, 0, 5, {3: 0x7F7F7F7F7F7F7F7F, 5: 0x10001400}))
            for tag, rs, ra, rb, regs in cases:
                c = None
                if tag == "rs_same_as_ra":
                    c = "RS = RA: the old value of RA is stored" + (", then RA = EA." if update else ".")
                elif tag == "ra0_uses_zero":
                    c = "RA = 0 means the value 0: EA = (RB)."
                elif tag == "index_negative":
                    c = "RB = -0x40: the 64-bit sum wraps back below RA."
                store_test(f, f"test_{mn}_{tag}", mn, rs, ra, rb, regs, comment=c)

def main():
    EXTRA_LOAD = ("Loads into RT are preceded by a garbage RT value (0xDEADBEEFCAFEF00D), so zero- and\n"
                  "sign-extension of the whole 64-bit register is checked. Update forms check RA = EA.")
    EXTRA_STORE = ("RS holds more bits than are stored; the bytes around the target (0xEE) must stay as\n"
                   "they are. Update forms check RA = EA, computed after RS is read.")

    f = File("load_byte.s", "Byte loads: lbz, lbzu, lbzx, lbzux.", SEC_FX, EXTRA_LOAD)
    gen_load_family(f, ["lbz", "lbzu", "lbzx", "lbzux"])
    f.write()
    f = File("load_half.s", "Halfword loads: lhz, lhzu, lhzx, lhzux, lha, lhau, lhax, lhaux.", SEC_FX, EXTRA_LOAD)
    gen_load_family(f, ["lhz", "lhzu", "lhzx", "lhzux", "lha", "lhau", "lhax", "lhaux"])
    f.write()
    f = File("load_word.s", "Word loads: lwz, lwzu, lwzx, lwzux, lwa, lwax, lwaux.", SEC_FX, EXTRA_LOAD)
    gen_load_family(f, ["lwz", "lwzu", "lwzx", "lwzux", "lwa", "lwax", "lwaux"])
    f.write()
    f = File("load_double.s", "Doubleword loads: ld, ldu, ldx, ldux.", SEC_FX,
             EXTRA_LOAD + "\nld/ldu are DS-form: the displacement is a multiple of 4.")
    gen_load_family(f, ["ld", "ldu", "ldx", "ldux"])
    f.write()
    f = File("load_byterev.s", "Byte-reversed loads: lhbrx, lwbrx.", "Book I 3.3.11, Fixed-Point Load and Store with Byte Reversal", EXTRA_LOAD)
    gen_load_family(f, ["lhbrx", "lwbrx"])
    f.write()
    f = File("store_byte.s", "Byte stores: stb, stbu, stbx, stbux.", SEC_FX, EXTRA_STORE)
    gen_store_family(f, ["stb", "stbu", "stbx", "stbux"])
    f.write()
    f = File("store_half.s", "Halfword stores: sth, sthu, sthx, sthux.", SEC_FX, EXTRA_STORE)
    gen_store_family(f, ["sth", "sthu", "sthx", "sthux"])
    f.write()
    f = File("store_word.s", "Word stores: stw, stwu, stwx, stwux.", SEC_FX, EXTRA_STORE)
    gen_store_family(f, ["stw", "stwu", "stwx", "stwux"])
    f.write()
    f = File("store_double.s", "Doubleword stores: std, stdu, stdx, stdux.", SEC_FX,
             EXTRA_STORE + "\nstd/stdu are DS-form: the displacement is a multiple of 4.")
    gen_store_family(f, ["std", "stdu", "stdx", "stdux"])
    f.write()
    f = File("store_byterev.s", "Byte-reversed stores: sthbrx, stwbrx.", "Book I 3.3.11, Fixed-Point Load and Store with Byte Reversal", EXTRA_STORE)
    gen_store_family(f, ["sthbrx", "stwbrx"])
    f.write()

if __name__ == '__main__':
    main()
