#!/usr/bin/env python3
"""Model of the AltiVec (VMX) integer, logical, permute and memory instructions and of the
Xenon-only VMX128 forms, used to compute the expected values of the tests/ppc/vector_*.s
suite files.

The model is written from the instruction definitions of the AltiVec Technology
Programming Environments Manual / Power ISA vector facility (element 0 is the most
significant part of a register; memory byte EA is register byte 0 of lvx), from the Cell
Broadband Engine PPU documentation for lvlx/lvrx/stvlx/stvrx, and from the public
descriptions of the Xbox 360 VMX128 extension for vpermwi128 and vrlimi128. It knows
nothing of Oxenon's interpreter. Every AltiVec test it writes is then checked against
qemu-ppc64 (`oxenon ppc-test --backend qemu`); tests using VMX128 or Cell/Xenon-only
instructions are skipped there, and for the VMX128 re-encodings of AltiVec instructions the
file holds the AltiVec twin of each test (same inputs, same expected values) which qemu does
check.

Usage: tools/ppc-vector-model.py tests/ppc   (writes tests/ppc/vector_*.s)
"""

import random
import sys

M128 = (1 << 128) - 1
SAT = 0x00000001
NJ = 0x00010000
SCRATCH = 0x10001000


# ----------------------------------------------------------------------------------------
# Elements: element 0 is the most significant part of the 128-bit value.


def el(v, n):
    """The elements of `v` of `n` bytes, element 0 first."""
    bits = 8 * n
    return [(v >> (128 - bits * (i + 1))) & ((1 << bits) - 1) for i in range(16 // n)]


def mk(lst, n):
    bits = 8 * n
    assert len(lst) == 16 // n
    v = 0
    for x in lst:
        v = (v << bits) | (x & ((1 << bits) - 1))
    return v


def sx(x, bits):
    x &= (1 << bits) - 1
    return x - (1 << bits) if x >> (bits - 1) else x


def B(*xs):
    return mk(list(xs), 1)


def H(*xs):
    return mk(list(xs), 2)


def W(*xs):
    return mk(list(xs), 4)


class Sat:
    """Clamps values and remembers whether any had to be clamped."""

    def __init__(self):
        self.hit = False

    def u(self, x, bits):
        return self.clamp(x, 0, (1 << bits) - 1)

    def s(self, x, bits):
        return self.clamp(x, -(1 << (bits - 1)), (1 << (bits - 1)) - 1)

    def clamp(self, x, lo, hi):
        if x < lo:
            self.hit = True
            return lo
        if x > hi:
            self.hit = True
            return hi
        return x


# ----------------------------------------------------------------------------------------
# The instructions: each returns (VD, saturated).

SIZES = {"b": 1, "h": 2, "w": 4}


def elementwise(n, f):
    def op(a, b):
        s = Sat()
        r = mk([f(x, y, s) for x, y in zip(el(a, n), el(b, n))], n)
        return r, s.hit

    return op


def two_source_ops():
    ops = {}
    for t, n in SIZES.items():
        bits = 8 * n
        mod = 1 << bits
        ops["vaddu%sm" % t] = elementwise(n, lambda x, y, s, m=mod: (x + y) % m)
        ops["vsubu%sm" % t] = elementwise(n, lambda x, y, s, m=mod: (x - y) % m)
        ops["vaddu%ss" % t] = elementwise(n, lambda x, y, s, b=bits: s.u(x + y, b))
        ops["vsubu%ss" % t] = elementwise(n, lambda x, y, s, b=bits: s.u(x - y, b))
        ops["vadds%ss" % t] = elementwise(
            n, lambda x, y, s, b=bits: s.s(sx(x, b) + sx(y, b), b))
        ops["vsubs%ss" % t] = elementwise(
            n, lambda x, y, s, b=bits: s.s(sx(x, b) - sx(y, b), b))
        ops["vmaxu%s" % t] = elementwise(n, lambda x, y, s: max(x, y))
        ops["vminu%s" % t] = elementwise(n, lambda x, y, s: min(x, y))
        ops["vmaxs%s" % t] = elementwise(
            n, lambda x, y, s, b=bits: max(sx(x, b), sx(y, b)))
        ops["vmins%s" % t] = elementwise(
            n, lambda x, y, s, b=bits: min(sx(x, b), sx(y, b)))
        ops["vavgu%s" % t] = elementwise(n, lambda x, y, s: (x + y + 1) >> 1)
        ops["vavgs%s" % t] = elementwise(
            n, lambda x, y, s, b=bits: (sx(x, b) + sx(y, b) + 1) >> 1)
        # Shift counts: the low log2(bits) bits of the matching element of VB.
        ops["vrl%s" % t] = elementwise(
            n, lambda x, y, s, b=bits: ((x << (y % b)) | (x >> (b - y % b))) % (1 << b))
        ops["vsl%s" % t] = elementwise(n, lambda x, y, s, b=bits: (x << (y % b)) % (1 << b))
        ops["vsr%s" % t] = elementwise(n, lambda x, y, s, b=bits: x >> (y % b))
        ops["vsra%s" % t] = elementwise(n, lambda x, y, s, b=bits: sx(x, b) >> (y % b))
    # Carry / borrow outs.
    ops["vaddcuw"] = elementwise(4, lambda x, y, s: (x + y) >> 32)
    ops["vsubcuw"] = elementwise(4, lambda x, y, s: 1 if x + ((~y) & 0xFFFFFFFF) + 1 >= 1 << 32 else 0)
    # Logical.
    ops["vand"] = lambda a, b: (a & b, False)
    ops["vandc"] = lambda a, b: (a & ~b & M128, False)
    ops["vor"] = lambda a, b: (a | b, False)
    ops["vxor"] = lambda a, b: (a ^ b, False)
    ops["vnor"] = lambda a, b: (~(a | b) & M128, False)

    # Whole-register shifts: counts from byte 15 of VB.
    def vsl(a, b):
        return (a << (el(b, 1)[15] & 7)) & M128, False

    def vsr(a, b):
        return a >> (el(b, 1)[15] & 7), False

    def vslo(a, b):
        return (a << (8 * ((el(b, 1)[15] >> 3) & 15))) & M128, False

    def vsro(a, b):
        return a >> (8 * ((el(b, 1)[15] >> 3) & 15)), False

    ops.update(vsl=vsl, vsr=vsr, vslo=vslo, vsro=vsro)

    # Multiplies: even elements are 0, 2, 4...; products are twice as wide.
    for t, n in (("b", 1), ("h", 2)):
        bits = 8 * n
        for eo, off in (("e", 0), ("o", 1)):
            def mul(a, b, n=n, bits=bits, off=off, signed=False):
                xs, ys = el(a, n), el(b, n)
                prods = []
                for i in range(off, 16 // n, 2):
                    x, y = (sx(xs[i], bits), sx(ys[i], bits)) if signed else (xs[i], ys[i])
                    prods.append(x * y)
                return mk(prods, 2 * n), False

            ops["vmul%su%s" % (eo, t)] = mul
            ops["vmul%ss%s" % (eo, t)] = (
                lambda a, b, m=mul: m(a, b, signed=True))

    # Sums across.
    def vsum4ubs(a, b):
        s = Sat()
        xs, ys = el(a, 1), el(b, 4)
        return mk([s.u(sum(xs[4 * i:4 * i + 4]) + ys[i], 32) for i in range(4)], 4), s.hit

    def vsum4sbs(a, b):
        s = Sat()
        xs, ys = [sx(x, 8) for x in el(a, 1)], [sx(y, 32) for y in el(b, 4)]
        return mk([s.s(sum(xs[4 * i:4 * i + 4]) + ys[i], 32) for i in range(4)], 4), s.hit

    def vsum4shs(a, b):
        s = Sat()
        xs, ys = [sx(x, 16) for x in el(a, 2)], [sx(y, 32) for y in el(b, 4)]
        return mk([s.s(xs[2 * i] + xs[2 * i + 1] + ys[i], 32) for i in range(4)], 4), s.hit

    def vsum2sws(a, b):
        s = Sat()
        xs, ys = [sx(x, 32) for x in el(a, 4)], [sx(y, 32) for y in el(b, 4)]
        return mk([0, s.s(xs[0] + xs[1] + ys[1], 32), 0, s.s(xs[2] + xs[3] + ys[3], 32)], 4), s.hit

    def vsumsws(a, b):
        s = Sat()
        xs, ys = [sx(x, 32) for x in el(a, 4)], [sx(y, 32) for y in el(b, 4)]
        return mk([0, 0, 0, s.s(sum(xs) + ys[3], 32)], 4), s.hit

    ops.update(vsum4ubs=vsum4ubs, vsum4sbs=vsum4sbs, vsum4shs=vsum4shs,
               vsum2sws=vsum2sws, vsumsws=vsumsws)

    # Merges.
    for t, n in SIZES.items():
        half = 8 // n

        def mrgh(a, b, n=n, half=half):
            xs, ys = el(a, n), el(b, n)
            return mk([z for i in range(half) for z in (xs[i], ys[i])], n), False

        def mrgl(a, b, n=n, half=half):
            xs, ys = el(a, n), el(b, n)
            return mk([z for i in range(half) for z in (xs[half + i], ys[half + i])], n), False

        ops["vmrgh" + t] = mrgh
        ops["vmrgl" + t] = mrgl

    # Packs: VA's elements first, then VB's.
    def pack(n, f):
        def op(a, b):
            s = Sat()
            return mk([f(x, s) for x in el(a, n) + el(b, n)], n // 2), s.hit

        return op

    ops["vpkuhum"] = pack(2, lambda x, s: x & 0xFF)
    ops["vpkuwum"] = pack(4, lambda x, s: x & 0xFFFF)
    ops["vpkuhus"] = pack(2, lambda x, s: s.u(x, 8))
    ops["vpkuwus"] = pack(4, lambda x, s: s.u(x, 16))
    ops["vpkshus"] = pack(2, lambda x, s: s.u(sx(x, 16), 8))
    ops["vpkswus"] = pack(4, lambda x, s: s.u(sx(x, 32), 16))
    ops["vpkshss"] = pack(2, lambda x, s: s.s(sx(x, 16), 8))
    ops["vpkswss"] = pack(4, lambda x, s: s.s(sx(x, 32), 16))

    def pixel(w, s):
        # VD half = w[7] || w[8:12] || w[16:20] || w[24:28] (bit 0 = MSB of the word).
        bit = lambda i: (w >> (31 - i)) & 1
        field = lambda i: sum(bit(i + k) << (4 - k) for k in range(5))
        return (bit(7) << 15) | (field(8) << 10) | (field(16) << 5) | field(24)

    ops["vpkpx"] = pack(4, pixel)
    return ops


def unpack_ops():
    def unpk(n, hi, f):
        def op(b):
            xs = el(b, n)
            part = xs[:len(xs) // 2] if hi else xs[len(xs) // 2:]
            return mk([f(x) for x in part], 2 * n)

        return op

    def pixel(h):
        # 1:5:5:5 -> sign-extended bit 0, then each five-bit field zero-extended.
        return ((0xFF if h >> 15 else 0) << 24) | (((h >> 10) & 31) << 16) | \
            (((h >> 5) & 31) << 8) | (h & 31)

    return {
        "vupkhsb": unpk(1, True, lambda x: sx(x, 8)),
        "vupklsb": unpk(1, False, lambda x: sx(x, 8)),
        "vupkhsh": unpk(2, True, lambda x: sx(x, 16)),
        "vupklsh": unpk(2, False, lambda x: sx(x, 16)),
        "vupkhpx": unpk(2, True, pixel),
        "vupklpx": unpk(2, False, pixel),
    }


def three_source_ops():
    def mhadd(round_):
        def op(a, b, c):
            s = Sat()
            r = []
            for x, y, z in zip(el(a, 2), el(b, 2), el(c, 2)):
                p = sx(x, 16) * sx(y, 16) + (0x4000 if round_ else 0)
                r.append(s.s((p >> 15) + sx(z, 16), 16))
            return mk(r, 2), s.hit

        return op

    def mladduhm(a, b, c):
        return mk([(x * y + z) & 0xFFFF for x, y, z in zip(el(a, 2), el(b, 2), el(c, 2))], 2), False

    def msum(n, sa, sb, mode):
        bits = 8 * n
        per = 4 // n

        def op(a, b, c):
            s = Sat()
            xs = [sx(x, bits) if sa else x for x in el(a, n)]
            ys = [sx(y, bits) if sb else y for y in el(b, n)]
            r = []
            for i, z in enumerate(el(c, 4)):
                acc = sum(xs[per * i + k] * ys[per * i + k] for k in range(per))
                if mode == "m":
                    r.append((acc + z) & 0xFFFFFFFF)
                elif mode == "us":
                    r.append(s.u(acc + z, 32))
                else:
                    r.append(s.s(acc + sx(z, 32), 32))
            return mk(r, 4), s.hit

        return op

    def vsel(a, b, c):
        return (a & ~c & M128) | (b & c), False

    def vperm(a, b, c):
        src = el(a, 1) + el(b, 1)
        return mk([src[x & 31] for x in el(c, 1)], 1), False

    return {
        "vmhaddshs": mhadd(False),
        "vmhraddshs": mhadd(True),
        "vmladduhm": mladduhm,
        "vmsumubm": msum(1, False, False, "m"),
        "vmsummbm": msum(1, True, False, "m"),
        "vmsumuhm": msum(2, False, False, "m"),
        "vmsumuhs": msum(2, False, False, "us"),
        "vmsumshm": msum(2, True, True, "m"),
        "vmsumshs": msum(2, True, True, "ss"),
        "vsel": vsel,
        "vperm": vperm,
    }


def compare_ops():
    ops = {}
    for t, n in SIZES.items():
        bits = 8 * n
        ops["vcmpequ" + t] = (n, lambda x, y, b=bits: x == y)
        ops["vcmpgtu" + t] = (n, lambda x, y, b=bits: x > y)
        ops["vcmpgts" + t] = (n, lambda x, y, b=bits: sx(x, b) > sx(y, b))
    return ops


def compare(mn, a, b):
    n, rel = compare_ops()[mn]
    ones = (1 << (8 * n)) - 1
    r = mk([ones if rel(x, y) else 0 for x, y in zip(el(a, n), el(b, n))], n)
    cr6 = (8 if r == M128 else 0) | (2 if r == 0 else 0)
    return r, cr6


def vsldoi(a, b, sh):
    src = el(a, 1) + el(b, 1)
    return mk(src[sh:sh + 16], 1)


def vpermwi(b, imm):
    ws = el(b, 4)
    return mk([ws[(imm >> (6 - 2 * k)) & 3] for k in range(4)], 4)


def vrlimi(d, b, mask, rot):
    ws, ds = el(b, 4), el(d, 4)
    return mk([ws[(k + rot) & 3] if mask & (8 >> k) else ds[k] for k in range(4)], 4)


# ----------------------------------------------------------------------------------------
# Test files.


def vec(v):
    return "[" + ", ".join("%08X" % w for w in el(v, 4)) + "]"


def hexbytes(bs):
    return " ".join("%02X" % x for x in bs)


class Test:
    def __init__(self, name, comment, code, ins=(), outs=(), mem_in=(), mem_out=()):
        self.name, self.comment, self.code = name, comment, code
        self.ins, self.outs = list(ins), list(outs)
        self.mem_in, self.mem_out = list(mem_in), list(mem_out)

    def text(self):
        lines = ["test_%s:" % self.name]
        for c in self.comment:
            lines.append("  # " + c)
        for addr, bs in self.mem_in:
            lines.append("  #_ MEMORY_IN %08X %s" % (addr, hexbytes(bs)))
        ins = list(self.ins)
        # A test that checks VSCR states where it starts, rather than relying on the
        # runner's default (VSCR[NJ]=1, as titles run).
        if any(r == "vscr" for r, _ in self.outs) and not any(r == "vscr" for r, _ in ins):
            ins.insert(0, ("vscr", 0))
        for r, v in ins:
            lines.append("  #_ REGISTER_IN %s %s" % (r, fmt(r, v)))
        lines += ["  " + c for c in self.code]
        lines.append("  blr")
        for r, v in self.outs:
            lines.append("  #_ REGISTER_OUT %s %s" % (r, fmt(r, v)))
        for addr, bs in self.mem_out:
            lines.append("  #_ MEMORY_OUT %08X %s" % (addr, hexbytes(bs)))
        return "\n".join(lines) + "\n"


def fmt(r, v):
    if r.startswith("v"):
        if r == "vscr":
            return "0x%08X" % v
        return vec(v)
    if r in ("cr", "msr"):
        return "0x%08X" % v if r == "cr" else "0x%016X" % v
    return "0x%016X" % v


class Suite:
    def __init__(self, fname, title, how):
        self.fname, self.title, self.how = fname, title, how
        self.tests = []
        self.names = set()

    def add(self, t):
        assert t.name not in self.names, t.name
        self.names.add(t.name)
        self.tests.append(t)

    def text(self):
        head = ["# %s: %s" % (self.fname, self.title), "#"]
        head += ["# " + l if l else "#" for l in self.how]
        head.append("#")
        return "\n".join(head) + "\n\n" + "\n".join(t.text() for t in self.tests)


COMMON_HOW = [
    "How the expected values were obtained: computed by tools/ppc-vector-model.py, a model",
    "of the instructions written from their AltiVec / Power ISA vector-facility definitions",
    "(element 0 is the most significant element; saturating instructions set VSCR[SAT],",
    "which only mtvscr clears), never from Oxenon's interpreter. This file is generated by",
    "that script (edit the script and regenerate).",
]
QEMU_HOW = [
    "Every test here also passes under `oxenon ppc-test --backend qemu` (qemu-ppc64), an",
    "independent implementation of AltiVec.",
]
VMX128_HOW = [
    "VMX128 instructions are Xenon-only, so qemu skips the tests that use them (and any test",
    "using v32-v127). A VMX128 re-encoding means exactly what its AltiVec instruction means;",
    "tests named `..._twin` run that AltiVec instruction on the same inputs with the same",
    "expected values as the VMX128 test before them, and qemu does check those.",
]
VMX128_ONLY_HOW = [
    "vpermwi128 and vrlimi128 have no AltiVec counterpart: their values follow the public",
    "descriptions of the Xbox 360 VMX128 extension (vpermwi128: word k of VD is word",
    "(PERM >> (6 - 2k)) & 3 of VB; vrlimi128 vD,vB,MASK,z: VB rotated left by z words",
    "replaces the words k of VD whose MASK bit 8 >> k is set).",
]
MEM128_HOW = [
    "The VMX128 loads and stores are the AltiVec ones with 7-bit register fields; their",
    "expected values follow the same definitions as vector_mem_altivec.s (checked there under",
    "qemu for the AltiVec forms).",
]

# Interesting element values.
EDGE_B_A = B(0x00, 0x01, 0x7F, 0x80, 0x81, 0xFF, 0xFE, 0x7E, 0x40, 0xC0, 0x02, 0xFD, 0x55, 0xAA, 0x10, 0xEF)
EDGE_B_B = B(0x00, 0xFF, 0x01, 0x80, 0xFF, 0x01, 0xFE, 0x7F, 0x40, 0xC1, 0xFE, 0x03, 0xAA, 0x55, 0xF0, 0x11)
EDGE_H_A = H(0x0000, 0x0001, 0x7FFF, 0x8000, 0x8001, 0xFFFF, 0x4000, 0xC000)
EDGE_H_B = H(0xFFFF, 0x7FFF, 0x0001, 0xFFFF, 0x8000, 0x0001, 0x4000, 0xC000)
EDGE_W_A = W(0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x00000001)
EDGE_W_B = W(0x00000001, 0xFFFFFFFF, 0x00000001, 0x7FFFFFFF)
EDGE_W_C = W(0x80000000, 0x80000000, 0x00000000, 0xFFFFFFFE)
EDGE_W_D = W(0x80000000, 0x00000001, 0x00000000, 0xFFFFFFFF)
SMALL_A = B(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)
SMALL_B = B(16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1)
EDGES = {1: (EDGE_B_A, EDGE_B_B), 2: (EDGE_H_A, EDGE_H_B), 4: (EDGE_W_A, EDGE_W_B)}


def rnd(r):
    return r.getrandbits(128)


def size_of(mn):
    """Element size an instruction's name says (b, h or w before the suffix)."""
    for suffix in ("ubm", "uhm", "uwm", "ubs", "uhs", "uws", "sbs", "shs", "sws"):
        if mn.endswith(suffix):
            return SIZES[suffix[1]]
    return SIZES[mn[-1]] if mn[-1] in SIZES else 4


TWO = two_source_ops()
UNARY = unpack_ops()
THREE = three_source_ops()


def vx_test(suite, mn, tag, a, b, comment=(), vscr_in=0, regs=(5, 1, 2), check_vscr=True,
            name=None):
    f = TWO[mn]
    r, sat = f(a, b)
    vd, va, vb = regs
    ins = [("v%d" % va, a)]
    if vb != va:
        ins.append(("v%d" % vb, b))
    if vscr_in:
        ins.append(("vscr", vscr_in))
    outs = [("v%d" % vd, r)]
    if check_vscr:
        outs.append(("vscr", vscr_in | (SAT if sat else 0)))
    suite.add(Test(name or "%s_%s" % (mn, tag), list(comment),
                   ["%s v%d, v%d, v%d" % (mn, vd, va, vb)], ins, outs))
    return r, sat


def binary_family(suite, names, seed, extra=None):
    r = random.Random(seed)
    for mn in names:
        n = size_of(mn)
        ea, eb = EDGES[n]
        vx_test(suite, mn, "edges", ea, eb)
        vx_test(suite, mn, "edges_swapped", eb, ea)
        vx_test(suite, mn, "words", EDGE_W_A, EDGE_W_C)
        vx_test(suite, mn, "small", SMALL_A, SMALL_B, vscr_in=NJ)
        vx_test(suite, mn, "random1", rnd(r), rnd(r))
        vx_test(suite, mn, "random2", rnd(r), rnd(r), vscr_in=SAT | NJ)
        # Destination aliasing a source: sources are read before VD is written.
        a = rnd(r)
        vx_test(suite, mn, "vd_is_va", a, EDGE_W_D, regs=(1, 1, 2))
        if extra:
            extra(suite, mn, r)


def sat_extra(suite, mn, r):
    """Saturating forms: a case that saturates and one that does not, both from SAT clear,
    and SAT staying set (sticky) over a non-saturating one."""
    n = size_of(mn)
    bits = 8 * n
    lo_s, hi_s = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    hi_u = (1 << bits) - 1
    signed = mn[-3] == "s"
    add = mn.startswith("vadd")
    k = 16 // n
    if signed:
        a = mk([hi_s if add else lo_s] + [0] * (k - 1), n)
        b = mk([1] + [0] * (k - 1), n)
    else:
        a = mk([hi_u if add else 0] + [0] * (k - 1), n)
        b = mk([1] + [0] * (k - 1), n)
    _, sat = vx_test(suite, mn, "saturates_one_element", a, b)
    assert sat
    # Exactly reaching the bound is not saturation.
    if signed:
        a = mk([hi_s - 1 if add else lo_s + 1] * k, n)
    else:
        a = mk([hi_u - 1 if add else 1] * k, n)
    _, sat = vx_test(suite, mn, "reaches_bound_exactly", a, mk([1] * k, n))
    assert not sat
    _, sat = vx_test(suite, mn, "sat_is_sticky", SMALL_B, SMALL_A, vscr_in=SAT)


def write_int_arith(out):
    s = Suite("vector_int_arith.s",
              "vadd*/vsub* (modulo, saturating, carry), vavg*, vmax*/vmin* (integer)",
              COMMON_HOW + QEMU_HOW)
    modulo = ["vaddubm", "vadduhm", "vadduwm", "vsububm", "vsubuhm", "vsubuwm",
              "vaddcuw", "vsubcuw"]
    binary_family(s, modulo, 1)
    sat = ["vaddubs", "vadduhs", "vadduws", "vaddsbs", "vaddshs", "vaddsws",
           "vsububs", "vsubuhs", "vsubuws", "vsubsbs", "vsubshs", "vsubsws"]
    binary_family(s, sat, 2, sat_extra)
    # Carries at the word boundary.
    vx_test(s, "vaddcuw", "carry_edges", W(0xFFFFFFFF, 0xFFFFFFFF, 0x80000000, 0),
            W(1, 0, 0x80000000, 0))
    vx_test(s, "vsubcuw", "borrow_edges", W(0, 5, 0x80000000, 0xFFFFFFFF),
            W(1, 5, 0x80000001, 0xFFFFFFFF))
    minmax = ["vavgub", "vavguh", "vavguw", "vavgsb", "vavgsh", "vavgsw",
              "vmaxub", "vmaxuh", "vmaxuw", "vmaxsb", "vmaxsh", "vmaxsw",
              "vminub", "vminuh", "vminuw", "vminsb", "vminsh", "vminsw"]
    binary_family(s, minmax, 3)
    # Averages round half up, also for negative sums.
    vx_test(s, "vavgsb", "rounding", B(*([0xFF] * 8 + [0x80] * 8)),
            B(*([0xFE, 0x00, 0x01, 0x80, 0x7F, 0x7F, 0xFF, 0x80] * 2)))
    vx_test(s, "vavguw", "no_overflow", W(0xFFFFFFFF, 0xFFFFFFFF, 0, 1),
            W(0xFFFFFFFF, 0xFFFFFFFE, 0, 0))
    vx_test(s, "vavgsw", "extremes", W(0x7FFFFFFF, 0x80000000, 0x80000000, 0xFFFFFFFF),
            W(0x7FFFFFFF, 0x80000000, 0x7FFFFFFF, 0))
    write(out, s)


def write_int_mul(out):
    s = Suite("vector_int_mul.s",
              "vmul[eo][su][bh], vmhaddshs, vmhraddshs, vmladduhm, vmsum*, vsum4*, "
              "vsum2sws, vsumsws",
              COMMON_HOW + QEMU_HOW)
    muls = ["vmuleub", "vmuloub", "vmulesb", "vmulosb", "vmuleuh", "vmulouh",
            "vmulesh", "vmulosh"]
    binary_family(s, muls, 10)
    sums = ["vsum4ubs", "vsum4sbs", "vsum4shs", "vsum2sws", "vsumsws"]
    binary_family(s, sums, 11)
    # Saturation of the sums, both directions, and exactly reaching the bounds.
    vx_test(s, "vsum4ubs", "saturates", B(*([0xFF] * 16)), W(0xFFFFFC04, 0xFFFFFC03, 0, 1))
    vx_test(s, "vsum4sbs", "saturates_both_ways", B(*([0x7F] * 4 + [0x80] * 4 + [0] * 8)),
            W(0x7FFFFE04, 0x80000200, 0x7FFFFFFF, 0x80000000))
    vx_test(s, "vsum4sbs", "reaches_bounds", B(*([0x7F] * 4 + [0x80] * 4 + [0] * 8)),
            W(0x7FFFFE03, 0x80000200, 0x7FFFFFFF, 0x80000000))
    vx_test(s, "vsum4shs", "saturates_both_ways", H(0x7FFF, 0x7FFF, 0x8000, 0x8000, 0, 0, 1, 0),
            W(0x7FFF0002, 0x80010000, 0, 0x7FFFFFFF))
    vx_test(s, "vsum2sws", "saturates_both_ways", W(0x7FFFFFFF, 1, 0x80000000, 0xFFFFFFFF),
            W(0x12345678, 0, 0x9ABCDEF0, 0))
    vx_test(s, "vsum2sws", "cancels", W(0x7FFFFFFF, 0x80000000, 0x80000000, 0x7FFFFFFF),
            W(0xFFFFFFFF, 1, 0xFFFFFFFF, 0xFFFFFFFF))
    vx_test(s, "vsumsws", "saturates_high", W(0x7FFFFFFF, 0x7FFFFFFF, 0, 0), W(0, 0, 0, 0))
    vx_test(s, "vsumsws", "saturates_low", W(0x80000000, 0x80000000, 0, 0), W(0, 0, 0, 0))
    vx_test(s, "vsumsws", "intermediate_overflow_cancels",
            W(0x7FFFFFFF, 0x7FFFFFFF, 0x80000000, 0x80000000), W(1, 2, 3, 0x00000005))
    # VA-form multiply-adds.
    r = random.Random(12)
    for mn in ["vmhaddshs", "vmhraddshs", "vmladduhm", "vmsumubm", "vmsummbm", "vmsumuhm",
               "vmsumuhs", "vmsumshm", "vmsumshs"]:
        cases = [
            ("edges", EDGE_H_A, EDGE_H_B, EDGE_W_A),
            ("edges2", EDGE_H_B, EDGE_H_B, EDGE_W_C),
            ("bytes", EDGE_B_A, EDGE_B_B, EDGE_W_D),
            ("extremes", H(*([0x8000] * 8)), H(*([0x8000] * 8)), W(*([0x7FFFFFFF] * 4))),
            ("extremes2", H(*([0xFFFF] * 8)), H(*([0xFFFF] * 8)), W(*([0xFFFFFFFF] * 4))),
            ("small", SMALL_A, SMALL_B, W(1, 2, 3, 4)),
            ("random1", rnd(r), rnd(r), rnd(r)),
            ("random2", rnd(r), rnd(r), rnd(r)),
        ]
        for tag, a, b, c in cases:
            va_test(s, mn, tag, a, b, c)
        va_test(s, mn, "sat_is_sticky", SMALL_A, SMALL_B, W(1, 2, 3, 4), vscr_in=SAT | NJ)
    # Rounding of vmhraddshs at the half and saturation of both high-half forms.
    va_test(s, "vmhraddshs", "rounding", H(1, 0xFFFF, 3, 0xFFFD, 0x4000, 0xC000, 0x7FFF, 0x8000),
            H(0x4000, 0x4000, 0x4000, 0x4000, 0x0001, 0x0001, 0x7FFF, 0x7FFF), H(*([0] * 8)))
    va_test(s, "vmhaddshs", "saturates_low", H(*([0x8000] * 8)), H(*([0x7FFF] * 8)),
            H(*([0x8000] * 8)))
    write(out, s)


def va_test(suite, mn, tag, a, b, c, vscr_in=0, regs=(5, 1, 2, 3), name=None):
    r, sat = THREE[mn](a, b, c)
    vd, va, vb, vc = regs
    ins = []
    for reg, val in (("v%d" % va, a), ("v%d" % vb, b), ("v%d" % vc, c)):
        if reg not in [x for x, _ in ins]:
            ins.append((reg, val))
    if vscr_in:
        ins.append(("vscr", vscr_in))
    outs = [("v%d" % vd, r), ("vscr", vscr_in | (SAT if sat else 0))]
    suite.add(Test(name or "%s_%s" % (mn, tag), [],
                   ["%s v%d, v%d, v%d, v%d" % (mn, vd, va, vb, vc)], ins, outs))
    return r


def write_int_compare(out):
    s = Suite("vector_int_compare.s",
              "vcmpequ[bhw], vcmpgtu[bhw], vcmpgts[bhw], and their Rc=1 forms (CR6)",
              COMMON_HOW + QEMU_HOW + [
                  "With Rc=1, CR6 is 0b1000 when the relation holds for every element,",
                  "0b0010 when it holds for none, 0b0000 otherwise; the other CR fields keep",
                  "their value (the tests start from a CR with every field non-zero)."])
    r = random.Random(20)
    for mn in sorted(compare_ops()):
        n = size_of(mn)
        ea, eb = EDGES[n]
        ra = rnd(r)
        cases = [
            ("edges", ea, eb),
            ("edges_swapped", eb, ea),
            ("equal", ea, ea),
            ("random", ra, rnd(r)),
            ("all_greater", B(*([0x7F] * 16)), B(*([0x01] * 16))),
            ("none_greater", B(*([0x01] * 16)), B(*([0x7F] * 16))),
            ("sign_boundary", B(*([0x80] * 16)), B(*([0x7F] * 16))),
        ]
        for tag, a, b in cases:
            res, cr6 = compare(mn, a, b)
            for rc in (False, True):
                dot = "." if rc else ""
                cr_in = 0x12345678 if tag != "random" else 0xFFFFFFFF
                cr_out = (cr_in & ~0xF0) | (cr6 << 4) if rc else cr_in
                s.add(Test("%s%s_%s" % (mn, "_rc" if rc else "", tag), [],
                           ["%s%s v5, v1, v2" % (mn, dot)],
                           [("v1", a), ("v2", b), ("cr", cr_in)],
                           [("v5", res), ("cr", cr_out)]))
    write(out, s)


def write_int_logical(out):
    s = Suite("vector_int_logical.s", "vand, vandc, vor, vxor, vnor (vmr, vnot), vsel",
              COMMON_HOW + QEMU_HOW)
    binary_family(s, ["vand", "vandc", "vor", "vxor", "vnor"], 30)
    a = W(0x0123_4567, 0x89AB_CDEF, 0xFFFF_0000, 0x5555_AAAA)
    s.add(Test("vmr", ["vmr is vor with VA = VB."], ["vmr v5, v1"], [("v1", a)], [("v5", a)]))
    s.add(Test("vnot", ["vnot is vnor with VA = VB."], ["vnot v5, v1"], [("v1", a)],
               [("v5", ~a & M128)]))
    r = random.Random(31)
    for tag, x, y, c in [
        ("edges", EDGE_W_A, EDGE_W_C, W(0xFFFFFFFF, 0, 0x0F0F0F0F, 0x80000001)),
        ("random1", rnd(r), rnd(r), rnd(r)),
        ("random2", rnd(r), rnd(r), rnd(r)),
        ("all_a", rnd(r), rnd(r), 0),
        ("all_b", rnd(r), rnd(r), M128),
    ]:
        va_test(s, "vsel", tag, x, y, c)
    x, y, c = rnd(r), rnd(r), rnd(r)
    va_test(s, "vsel", "vd_is_vc", x, y, c, regs=(3, 1, 2, 3))
    write(out, s)


def write_int_shift(out):
    s = Suite("vector_int_shift.s",
              "vsl[bhw], vsr[bhw], vsra[bhw], vrl[bhw], vsl, vsr, vslo, vsro",
              COMMON_HOW + QEMU_HOW + [
                  "vsl and vsr are only defined when every byte of VB holds the same shift",
                  "count in its low three bits, so their tests use such VB values (other bits",
                  "of the bytes may vary); vslo/vsro read only byte 15 of VB."])
    elem = ["vslb", "vslh", "vslw", "vsrb", "vsrh", "vsrw", "vsrab", "vsrah", "vsraw",
            "vrlb", "vrlh", "vrlw"]
    r = random.Random(40)
    for mn in elem:
        n = size_of(mn)
        bits = 8 * n
        k = 16 // n
        mask = (1 << bits) - 1
        # Sign and low bits set, shifted by k different counts.
        vals = mk([0x81818181 & mask] * k, n)
        counts = mk([i * (bits // k + 1) for i in range(k)], n)
        vx_test(s, mn, "counts", vals, counts, check_vscr=False)
        vx_test(s, mn, "edges", EDGE_W_A, EDGES[n][1], check_vscr=False)
        # Only the low log2(width) bits of each count element are used.
        counts = mk([(i * 5 + 3) | (~(bits - 1) & mask) for i in range(k)], n)
        vx_test(s, mn, "counts_modulo_width", rnd(r), counts, check_vscr=False)
        vx_test(s, mn, "counts_modulo_width_signed", EDGE_W_C, counts, check_vscr=False)
        vx_test(s, mn, "random1", rnd(r), rnd(r), check_vscr=False)
        vx_test(s, mn, "random2", rnd(r), rnd(r))
    a = W(0x0011_2233, 0x4455_6677, 0x8899_AABB, 0xCCDD_EEFF)
    for sh in range(8):
        for mn in ("vsl", "vsr"):
            b = B(*[(sh | (0x18 * (i % 3))) & 0xFF for i in range(16)])
            vx_test(s, mn, "count%d" % sh, a if sh % 2 else rnd(r), b, check_vscr=False)
    for octets in range(16):
        for mn in ("vslo", "vsro"):
            b = rnd(r) & ~0xFF | (octets << 3) | (octets * 37 & 0x87)
            vx_test(s, mn, "octets%d" % octets, a if octets % 2 else rnd(r), b,
                    check_vscr=False)
    write(out, s)


def write_int_vscr(out):
    s = Suite("vector_int_vscr.s", "mfvscr, mtvscr, and VSCR[SAT] stickiness",
              COMMON_HOW + QEMU_HOW + [
                  "Only the defined VSCR bits (NJ = 0x00010000, SAT = 0x00000001) are used."])
    for val in (0, SAT, NJ, NJ | SAT):
        s.add(Test("mfvscr_%08x" % val, ["mfvscr gives 96 zero bits, then VSCR."],
                   ["mfvscr v5"], [("vscr", val), ("v5", M128)],
                   [("v5", W(0, 0, 0, val)), ("vscr", val)]))
        s.add(Test("mtvscr_%08x" % val, ["mtvscr takes word 3 of VB; words 0-2 are ignored."],
                   ["mtvscr v1", "mfvscr v5"],
                   [("vscr", NJ | SAT if val == 0 else 0), ("v1", W(0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, val))],
                   [("v5", W(0, 0, 0, val)), ("vscr", val)]))
    s.add(Test("sat_survives_later_instructions",
               ["SAT set by a saturating add stays set across non-saturating ones."],
               ["vaddubs v5, v1, v2", "vaddubm v6, v1, v2", "vaddubs v7, v2, v2", "mfvscr v8"],
               [("v1", B(*([0xFF] * 16))), ("v2", B(*([1] * 16)))],
               [("v5", B(*([0xFF] * 16))), ("v6", 0), ("v7", B(*([2] * 16))),
                ("v8", W(0, 0, 0, SAT)), ("vscr", SAT)]))
    s.add(Test("mtvscr_clears_sat",
               ["Only mtvscr clears SAT."],
               ["vaddsbs v5, v1, v2", "mfvscr v6", "vxor v7, v7, v7", "mtvscr v7", "mfvscr v8"],
               [("v1", B(*([0x7F] * 16))), ("v2", B(*([1] * 16)))],
               [("v5", B(*([0x7F] * 16))), ("v6", W(0, 0, 0, SAT)), ("v8", 0), ("vscr", 0)]))
    write(out, s)


def write_perm(out):
    s = Suite("vector_perm_permute.s", "vperm, vsldoi, vmrgh[bhw], vmrgl[bhw]",
              COMMON_HOW + QEMU_HOW)
    r = random.Random(50)
    ab = (B(*range(16)), B(*range(0x10, 0x20)))
    for tag, c in [
        ("identity", B(*range(16))),
        ("from_b", B(*range(16, 32))),
        ("reverse", B(*range(31, 15, -1))),
        ("high_bits_ignored", B(*[(i * 7 + 0xE0 * (i % 2) + 0x40) & 0xFF for i in range(16)])),
        ("broadcast", B(*([0x13] * 16))),
        ("random1", rnd(r)),
        ("random2", rnd(r)),
    ]:
        va_test(s, "vperm", tag, ab[0], ab[1], c)
    va_test(s, "vperm", "random_data", rnd(r), rnd(r), rnd(r))
    x, y, c = rnd(r), rnd(r), rnd(r)
    va_test(s, "vperm", "vd_is_vc", x, y, c, regs=(3, 1, 2, 3))
    x, c = rnd(r), rnd(r)
    va_test(s, "vperm", "same_source", x, x, c, regs=(5, 1, 1, 3))
    for sh in range(16):
        a, b = (ab if sh % 3 else (rnd(r), rnd(r)))
        res = vsldoi(a, b, sh)
        s.add(Test("vsldoi_%d" % sh, [], ["vsldoi v5, v1, v2, %d" % sh],
                   [("v1", a), ("v2", b)], [("v5", res)]))
    a = rnd(r)
    s.add(Test("vsldoi_rotate", ["vsldoi with VA = VB rotates the register."],
               ["vsldoi v1, v1, v1, 4"], [("v1", a)], [("v1", vsldoi(a, a, 4))]))
    binary_family(s, ["vmrghb", "vmrghh", "vmrghw", "vmrglb", "vmrglh", "vmrglw"], 51)
    write(out, s)


def write_pack(out):
    s = Suite("vector_perm_pack.s",
              "vpk* (modulo, unsigned and signed saturating, pixel), vupk[hl]s[bh], vupk[hl]px",
              COMMON_HOW + QEMU_HOW)
    packs = ["vpkuhum", "vpkuwum", "vpkuhus", "vpkuwus", "vpkshus", "vpkswus", "vpkshss",
             "vpkswss", "vpkpx"]
    r = random.Random(60)
    for mn in packs:
        vx_test(s, mn, "halves", EDGE_H_A, EDGE_H_B)
        vx_test(s, mn, "words", EDGE_W_A, EDGE_W_C)
        vx_test(s, mn, "in_range", H(0, 1, 0x7F, 0x80, 0xFF, 0x10, 0x20, 0x7E),
                W(0, 0x7FFF, 0x8000, 0xFFFF))
        vx_test(s, mn, "small", SMALL_A, SMALL_B, vscr_in=NJ)
        vx_test(s, mn, "random1", rnd(r), rnd(r))
        vx_test(s, mn, "random2", rnd(r), rnd(r), vscr_in=SAT)
        vx_test(s, mn, "vd_is_vb", rnd(r), rnd(r), regs=(2, 1, 2))
    # vpkpx values with every field distinct (bit 7 and the top five bits of bytes 1-3).
    vx_test(s, "vpkpx", "fields", W(0x00101820, 0x01283038, 0x00404850, 0x01586068),
            W(0x01707880, 0x00889098, 0x01A0A8B0, 0x00B8C0C8))
    vx_test(s, "vpkpx", "low_bits_dropped", W(0xFE070707, 0x01F8F8F8, 0xFFFFFFFF, 0),
            W(0x00000000, 0x80808080, 0x7F7F7F7F, 0x01000000))
    for mn in sorted(UNARY):
        for tag, b in [("bytes", EDGE_B_A), ("halves", EDGE_H_A), ("pixels",
                       H(0x8000, 0x7FFF, 0x0421, 0xFC1F, 0x83E0, 0x001F, 0xFFFF, 0x0000)),
                       ("random", rnd(r))]:
            res = UNARY[mn](b)
            s.add(Test("%s_%s" % (mn, tag), [], ["%s v5, v2" % mn], [("v2", b)],
                       [("v5", res), ("vscr", 0)]))
        b = rnd(r)
        s.add(Test("%s_vd_is_vb" % mn, [], ["%s v2, v2" % mn], [("v2", b)],
                   [("v2", UNARY[mn](b))]))
    write(out, s)


def write_splat(out):
    s = Suite("vector_perm_splat.s", "vspltb, vsplth, vspltw, vspltisb, vspltish, vspltisw",
              COMMON_HOW + QEMU_HOW)
    src = B(*[0x80 | (i * 0x11) & 0xFF if i % 2 else i * 0x11 for i in range(16)])
    for i in range(16):
        s.add(Test("vspltb_%d" % i, [], ["vspltb v5, v2, %d" % i], [("v2", src)],
                   [("v5", B(*([el(src, 1)[i]] * 16)))]))
    for i in range(8):
        s.add(Test("vsplth_%d" % i, [], ["vsplth v5, v2, %d" % i], [("v2", src)],
                   [("v5", H(*([el(src, 2)[i]] * 8)))]))
    for i in range(4):
        s.add(Test("vspltw_%d" % i, [], ["vspltw v5, v2, %d" % i], [("v2", src)],
                   [("v5", W(*([el(src, 4)[i]] * 4)))]))
    s.add(Test("vspltw_vd_is_vb", [], ["vspltw v2, v2, 3"], [("v2", src)],
               [("v2", W(*([el(src, 4)[3]] * 4)))]))
    for imm in (-16, -15, -1, 0, 1, 7, 15):
        for mn, n in (("vspltisb", 1), ("vspltish", 2), ("vspltisw", 4)):
            s.add(Test("%s_%s" % (mn, str(imm).replace("-", "m")), [],
                       ["%s v5, %d" % (mn, imm)], [("v5", M128)],
                       [("v5", mk([imm] * (16 // n), n))]))
    write(out, s)


# ----------------------------------------------------------------------------------------
# VMX128.

ALTIVEC_OF = {
    "vand128": "vand", "vandc128": "vandc", "vnor128": "vnor", "vor128": "vor",
    "vxor128": "vxor", "vslo128": "vslo", "vsro128": "vsro", "vrlw128": "vrlw",
    "vslw128": "vslw", "vsraw128": "vsraw", "vsrw128": "vsrw", "vmrghw128": "vmrghw",
    "vmrglw128": "vmrglw", "vpkshss128": "vpkshss", "vpkshus128": "vpkshus",
    "vpkswss128": "vpkswss", "vpkswus128": "vpkswus", "vpkuhum128": "vpkuhum",
    "vpkuhus128": "vpkuhus", "vpkuwum128": "vpkuwum", "vpkuwus128": "vpkuwus",
}

# Register triples (VD, VA, VB) exercising every field bit of the VMX128 encodings.
REGS128 = [(100, 65, 126), (3, 33, 97), (127, 127, 127), (64, 1, 32), (5, 96, 2)]


def write_vmx128(out):
    s = Suite("vector_perm_vmx128.s",
              "VMX128 re-encodings of the AltiVec integer/logical/permute/pack instructions, "
              "and vpermwi128, vrlimi128",
              COMMON_HOW + VMX128_HOW + VMX128_ONLY_HOW)
    r = random.Random(70)
    for mn128 in sorted(ALTIVEC_OF):
        mn = ALTIVEC_OF[mn128]
        for k, (vd, va, vb) in enumerate(REGS128):
            a, b = rnd(r), rnd(r)
            if mn.startswith("vpk") and k == 1:
                a, b = EDGE_H_A, EDGE_W_A
            if vb == va:
                b = a
            res, sat = TWO[mn](a, b)
            ins = [("v%d" % va, a)] + ([("v%d" % vb, b)] if vb != va else [])
            outs = [("v%d" % vd, res), ("vscr", SAT if sat else 0)]
            s.add(Test("%s_%d" % (mn128, k), [], ["%s v%d, v%d, v%d" % (mn128, vd, va, vb)],
                       ins, outs))
            twin = [("v1", a), ("v2", b)]
            s.add(Test("%s_%s_%d_twin" % (mn128, mn, k),
                       [], ["%s v5, v1, v2" % mn], twin,
                       [("v5", res), ("vscr", SAT if sat else 0)]))
    # Compares.
    for k, (vd, va, vb) in enumerate(REGS128):
        a = rnd(r)
        b = [a, a ^ (0xFFFFFFFF << 32), rnd(r), a, rnd(r)][k]
        if vb == va:
            b = a
        res, cr6 = compare("vcmpequw", a, b)
        for rc in (False, True):
            cr_in = 0x12345678
            cr_out = (cr_in & ~0xF0) | (cr6 << 4) if rc else cr_in
            dot = "." if rc else ""
            ins = [("v%d" % va, a)] + ([("v%d" % vb, b)] if vb != va else []) + [("cr", cr_in)]
            s.add(Test("vcmpequw128%s_%d" % ("_rc" if rc else "", k), [],
                       ["vcmpequw128%s v%d, v%d, v%d" % (dot, vd, va, vb)], ins,
                       [("v%d" % vd, res), ("cr", cr_out)]))
            s.add(Test("vcmpequw128%s_%d_twin" % ("_rc" if rc else "", k), [],
                       ["vcmpequw%s v5, v1, v2" % dot], [("v1", a), ("v2", b), ("cr", cr_in)],
                       [("v5", res), ("cr", cr_out)]))
    # Unpacks.
    for mn in ("vupkhsb", "vupkhsh", "vupklsb", "vupklsh"):
        for k, (vd, _, vb) in enumerate(REGS128[:3]):
            b = EDGE_B_A if k == 0 else rnd(r)
            res = UNARY[mn](b)
            s.add(Test("%s128_%d" % (mn, k), [], ["%s128 v%d, v%d" % (mn, vd, vb)],
                       [("v%d" % vb, b)], [("v%d" % vd, res)]))
            s.add(Test("%s128_%d_twin" % (mn, k), [], ["%s v5, v2" % mn], [("v2", b)],
                       [("v5", res)]))
    # vsel128: VD is also the mask.
    for k, (vd, va, vb) in enumerate(REGS128[:4]):
        a, b, c = rnd(r), rnd(r), rnd(r)
        if vd == va:
            c = a
        if vb == va:
            b = a
        res, _ = THREE["vsel"](a, b, c)
        ins = [("v%d" % va, a)] + ([("v%d" % vb, b)] if vb != va else []) + \
            ([("v%d" % vd, c)] if vd not in (va, vb) else [])
        s.add(Test("vsel128_%d" % k, ["vsel128 vD,vA,vB,vD: VD is the select mask."],
                   ["vsel128 v%d, v%d, v%d, v%d" % (vd, va, vb, vd)], ins, [("v%d" % vd, res)]))
        s.add(Test("vsel128_%d_twin" % k, [], ["vsel v3, v1, v2, v3"],
                   [("v1", a), ("v2", b), ("v3", c)], [("v3", res)]))
    # vperm128: the control register is v0-v7.
    for k, (vd, va, vb, vc) in enumerate([(100, 65, 126, 7), (3, 33, 97, 0), (64, 64, 64, 5)]):
        a, b, c = rnd(r), rnd(r), rnd(r)
        if va == vb:
            b = a
        res, _ = THREE["vperm"](a, b, c)
        ins = [("v%d" % va, a)] + ([("v%d" % vb, b)] if vb != va else []) + [("v%d" % vc, c)]
        s.add(Test("vperm128_%d" % k, [], ["vperm128 v%d, v%d, v%d, v%d" % (vd, va, vb, vc)],
                   ins, [("v%d" % vd, res)]))
        s.add(Test("vperm128_%d_twin" % k, [], ["vperm v5, v1, v2, v3"],
                   [("v1", a), ("v2", b), ("v3", c)], [("v5", res)]))
    # vsldoi128.
    for k, sh in enumerate((0, 1, 5, 8, 12, 15)):
        vd, va, vb = REGS128[k % len(REGS128)]
        a, b = rnd(r), rnd(r)
        if va == vb:
            b = a
        res = vsldoi(a, b, sh)
        ins = [("v%d" % va, a)] + ([("v%d" % vb, b)] if vb != va else [])
        s.add(Test("vsldoi128_%d" % sh, [], ["vsldoi128 v%d, v%d, v%d, %d" % (vd, va, vb, sh)],
                   ins, [("v%d" % vd, res)]))
        s.add(Test("vsldoi128_%d_twin" % sh, [], ["vsldoi v5, v1, v2, %d" % sh],
                   [("v1", a), ("v2", b)], [("v5", res)]))
    # Splats.
    src = rnd(r)
    for i in range(4):
        for vd, vb in ((100, 70), (2, 127)):
            s.add(Test("vspltw128_%d_v%d" % (i, vd), [], ["vspltw128 v%d, v%d, %d" % (vd, vb, i)],
                       [("v%d" % vb, src)], [("v%d" % vd, W(*([el(src, 4)[i]] * 4)))]))
        s.add(Test("vspltw128_%d_twin" % i, [], ["vspltw v5, v2, %d" % i], [("v2", src)],
                   [("v5", W(*([el(src, 4)[i]] * 4)))]))
    for imm in (-16, -1, 0, 1, 15):
        res = W(*([imm] * 4))
        tag = str(imm).replace("-", "m")
        s.add(Test("vspltisw128_%s" % tag, ["The VB field of vspltisw128 is not read."],
                   ["vspltisw128 v100, v3, %d" % imm], [("v100", M128)], [("v100", res)]))
        s.add(Test("vspltisw128_%s_twin" % tag, [], ["vspltisw v5, %d" % imm], [("v5", M128)],
                   [("v5", res)]))
    # VMX128-only word permutes.
    b = W(0x00112233, 0x44556677, 0x8899AABB, 0xCCDDEEFF)
    for imm in (0x1B, 0xE4, 0x00, 0x55, 0xAA, 0xFF, 0x4E, 0xB1, 0x9C, 0x63, 0x27, 0xD8):
        for vd, vb in ((110, 72), (3, 3)):
            s.add(Test("vpermwi128_%02x_v%d" % (imm, vd),
                       ["Word k of VD is word (PERM >> (6 - 2k)) & 3 of VB."],
                       ["vpermwi128 v%d, v%d, %d" % (vd, vb, imm)], [("v%d" % vb, b)],
                       [("v%d" % vd, vpermwi(b, imm))]))
    d = W(0xD0D0D0D0, 0xD1D1D1D1, 0xD2D2D2D2, 0xD3D3D3D3)
    for mask in range(16):
        for rot in range(4):
            if (mask * 4 + rot) % 3 and mask not in (0, 15):
                continue
            vd, vb = ((67, 12) if rot % 2 else (5, 100))
            s.add(Test("vrlimi128_m%d_r%d" % (mask, rot),
                       ["VB rotated left by z words replaces the words of VD whose mask bit",
                        "(8 >> k) is set; the others keep their value."],
                       ["vrlimi128 v%d, v%d, %d, %d" % (vd, vb, mask, rot)],
                       [("v%d" % vd, d), ("v%d" % vb, b)],
                       [("v%d" % vd, vrlimi(d, b, mask, rot))]))
    s.add(Test("vrlimi128_same_register", ["vrlimi128 with VB = VD rotates in place."],
               ["vrlimi128 v90, v90, 15, 1"], [("v90", b)], [("v90", vrlimi(b, b, 15, 1))]))
    write(out, s)


# ----------------------------------------------------------------------------------------
# Loads and stores.

ADDR_REG_IN = "r4"


def block_bytes(seed_byte):
    return [(seed_byte + i) & 0xFF for i in range(16)]


def write_mem(out):
    s = Suite("vector_mem_altivec.s",
              "lvx, lvxl, stvx, stvxl, lve[bhw]x, stve[bhw]x, lvsl, lvsr, dst/dss hints",
              COMMON_HOW + QEMU_HOW + [
                  "lvx/stvx access the aligned quadword containing EA. lve[bhw]x define only the",
                  "addressed element (at byte EA & 15 of VD, EA aligned down to the element",
                  "size); the other elements are undefined, so these tests splat the loaded",
                  "element into another register and check only that one. Stores check the",
                  "whole quadword around the element (only the element changes).",
                  "The data-stream instructions have no architectural effect."])
    base = SCRATCH + 0x100
    data = [(0xA0 + 7 * i) & 0xFF for i in range(48)]
    # lvx / lvxl: every low-bit pattern of EA loads the block.
    for mn in ("lvx", "lvxl"):
        for off in (0, 1, 7, 8, 15, 16, 31):
            ea = base + off
            blk = (ea & ~15) - base
            s.add(Test("%s_ea_%d" % (mn, off), [], ["%s v5, r4, r5" % mn],
                       [("r4", base), ("r5", off)],
                       [("v5", mk(data[blk:blk + 16], 1))], mem_in=[(base, data)]))
        s.add(Test("%s_ra0" % mn, ["RA = 0 means no base register."], ["%s v5, 0, r5" % mn],
                   [("r5", base + 0x13)], [("v5", mk(data[16:32], 1))], mem_in=[(base, data)]))
    # stvx / stvxl.
    for mn in ("stvx", "stvxl"):
        for off in (0, 3, 15, 16, 29):
            ea = base + off
            blk = (ea & ~15) - base
            v = W(0x01234567, 0x89ABCDEF, 0xFEDCBA98, 0x76543210)
            after = list(data)
            after[blk:blk + 16] = el(v, 1)
            s.add(Test("%s_ea_%d" % (mn, off), [], ["%s v5, r4, r5" % mn],
                       [("r4", base), ("r5", off), ("v5", v)], [("v5", v)],
                       mem_in=[(base, data)], mem_out=[(base, after)]))
        v = W(0x11111111, 0x22222222, 0x33333333, 0x44444444)
        after = list(data)
        after[32:48] = el(v, 1)
        s.add(Test("%s_ra0" % mn, [], ["%s v5, 0, r5" % mn], [("r5", base + 0x2F), ("v5", v)],
                   [], mem_in=[(base, data)], mem_out=[(base, after)]))
    # Element loads.
    for mn, n, splat, offs in (("lvebx", 1, "vspltb", (0, 1, 5, 10, 15, 16 + 7)),
                               ("lvehx", 2, "vsplth", (0, 1, 6, 9, 14, 15, 16 + 4)),
                               ("lvewx", 4, "vspltw", (0, 2, 4, 7, 8, 13, 15, 16 + 12))):
        for off in offs:
            ea = base + off
            at = ea & ~(n - 1)
            idx = (at & 15) // n
            val = data[at - base:at - base + n]
            s.add(Test("%s_ea_%d" % (mn, off), [], ["%s v5, r4, r5" % mn,
                                                    "%s v6, v5, %d" % (splat, idx)],
                       [("r4", base), ("r5", off)],
                       [("v6", mk(val * (16 // n), 1))], mem_in=[(base, data)]))
    # Element stores.
    v = B(*range(0xC0, 0xD0))
    for mn, n, offs in (("stvebx", 1, (0, 3, 9, 15, 16 + 6)),
                        ("stvehx", 2, (0, 3, 8, 14, 15, 16 + 10)),
                        ("stvewx", 4, (0, 3, 4, 9, 12, 15, 16 + 8))):
        for off in offs:
            ea = base + off
            at = ea & ~(n - 1)
            k = at & 15
            after = list(data)
            after[at - base:at - base + n] = el(v, 1)[k:k + n]
            s.add(Test("%s_ea_%d" % (mn, off), [], ["%s v5, r4, r5" % mn],
                       [("r4", base), ("r5", off), ("v5", v)], [("v5", v)],
                       mem_in=[(base, data)], mem_out=[(base, after)]))
    # lvsl / lvsr: no memory access; only EA & 15 matters.
    for off in range(16):
        sh = (base + off) & 15
        s.add(Test("lvsl_%d" % off, [], ["lvsl v5, r4, r5"], [("r4", base), ("r5", off)],
                   [("v5", mk(list(range(sh, sh + 16)), 1))]))
        s.add(Test("lvsr_%d" % off, [], ["lvsr v5, r4, r5"], [("r4", base), ("r5", off)],
                   [("v5", mk(list(range(16 - sh, 32 - sh)), 1))]))
    s.add(Test("lvsl_ra0", [], ["lvsl v5, 0, r5"], [("r5", 0x123456789ABCDEF3)],
               [("v5", mk(list(range(3, 19)), 1))]))
    s.add(Test("lvsr_ra0", [], ["lvsr v5, 0, r5"], [("r5", 0xFFFFFFFFFFFFFFFD)],
               [("v5", mk(list(range(3, 19)), 1))]))
    s.add(Test("lvsl_lvsr_realign",
               ["The classic unaligned-load idiom: two lvx and a vperm with the lvsl mask."],
               ["lvx v1, r4, r5", "addi r6, r5, 15", "lvx v2, r4, r6", "lvsl v3, r4, r5",
                "vperm v5, v1, v2, v3"],
               [("r4", base), ("r5", 5)], [("v5", mk(data[5:21], 1))], mem_in=[(base, data)]))
    # Data-stream hints.
    for code in ("dst r4, r5, 0", "dstt r4, r5, 1", "dstst r4, r5, 2", "dststt r4, r5, 3",
                 "dss 1", "dssall"):
        name = code.split()[0]
        s.add(Test("%s_no_effect" % name, [], [code], [("r4", base), ("r5", 0x01020304),
                                                      ("v5", M128)],
                   [("r4", base), ("r5", 0x01020304), ("v5", M128)], mem_in=[(base, data)],
                   mem_out=[(base, data)]))
    write(out, s)


def lvlx(mem, ea):
    off = ea & 15
    return mk(mem(ea, 16 - off) + [0] * off, 1)


def lvrx(mem, ea):
    off = ea & 15
    return mk([0] * (16 - off) + (mem(ea & ~15, off) if off else []), 1)


def write_mem_xenon(out):
    s = Suite("vector_mem_xenon.s",
              "lvlx, lvlxl, lvrx, lvrxl, stvlx, stvlxl, stvrx, stvrxl and every VMX128 load/store",
              COMMON_HOW + VMX128_HOW + MEM128_HOW + [
                  "The left/right forms are Cell/Xenon instructions qemu does not implement; their",
                  "values follow the Cell Broadband Engine PPU definitions: lvlx loads the bytes",
                  "from EA to the end of its 16-byte block into the leftmost bytes of VD and",
                  "zeroes the rest; lvrx loads the bytes from the start of the block up to EA",
                  "into the rightmost bytes and zeroes the rest (all of VD, reading nothing, when",
                  "EA is aligned); stvlx stores the leftmost 16 - (EA & 15) bytes of VS at EA;",
                  "stvrx stores the rightmost EA & 15 bytes of VS just below EA (nothing when",
                  "aligned). The `l` forms differ only in a cache hint.",
                  "Tests that set msr 0 check 32-bit effective addresses (the high word of RA",
                  "ignored); qemu-ppc64 only runs 64-bit mode and skips them."])
    base = SCRATCH + 0x200
    data = [(0x31 + 5 * i) & 0xFF for i in range(48)]
    mem = lambda a, n: data[a - base:a - base + n]
    v = W(0xF0F1F2F3, 0xF4F5F6F7, 0xF8F9FAFB, 0xFCFDFEFF)
    for wide in (False, True):
        sfx = "128" if wide else ""
        vd = 100 if wide else 5
        for mn in ("lvlx", "lvlxl", "lvrx", "lvrxl"):
            f = lvlx if mn.startswith("lvl") else lvrx
            for off in (0, 1, 4, 7, 8, 12, 15, 16, 16 + 9):
                ea = base + off
                s.add(Test("%s%s_ea_%d" % (mn, sfx, off), [],
                           ["%s%s v%d, r4, r5" % (mn, sfx, vd)],
                           [("r4", base), ("r5", off), ("v%d" % vd, M128)],
                           [("v%d" % vd, f(mem, ea))], mem_in=[(base, data)]))
        for mn in ("stvlx", "stvlxl", "stvrx", "stvrxl"):
            for off in (0, 1, 4, 7, 8, 12, 15, 16, 16 + 9):
                ea = base + off
                k = ea & 15
                after = list(data)
                if mn.startswith("stvl"):
                    after[ea - base:ea - base + 16 - k] = el(v, 1)[:16 - k]
                elif k:
                    blk = (ea & ~15) - base
                    after[blk:blk + k] = el(v, 1)[16 - k:]
                s.add(Test("%s%s_ea_%d" % (mn, sfx, off), [],
                           ["%s%s v%d, r4, r5" % (mn, sfx, vd)],
                           [("r4", base), ("r5", off), ("v%d" % vd, v)], [("v%d" % vd, v)],
                           mem_in=[(base, data)], mem_out=[(base, after)]))
    # Left and right together reassemble an unaligned quadword.
    for off in (0, 3, 8, 15):
        ea = base + off
        s.add(Test("lvlx_lvrx_unaligned_quadword_%d" % off,
                   ["lvlx at EA, lvrx at EA + 16, OR: the 16 bytes at EA."],
                   ["lvlx v1, r4, r5", "addi r6, r5, 16", "lvrx v2, r4, r6", "vor v5, v1, v2"],
                   [("r4", base), ("r5", off)], [("v5", mk(mem(ea, 16), 1))],
                   mem_in=[(base, data)]))
        after = list(data)
        after[off:off + 16] = el(v, 1)
        s.add(Test("stvlx_stvrx_unaligned_quadword_%d" % off,
                   ["stvlx at EA, stvrx at EA + 16: the 16 bytes at EA."],
                   ["stvlx v5, r4, r5", "addi r6, r5, 16", "stvrx v5, r4, r6"],
                   [("r4", base), ("r5", off), ("v5", v)], [],
                   mem_in=[(base, data)], mem_out=[(base, after)]))
    s.add(Test("lvrx_aligned_reads_nothing",
               ["With EA aligned, lvrx zeroes VD without accessing memory (EA is unmapped)."],
               ["lvrx v5, r4, r5"], [("r4", 0x20000000), ("r5", 0x10), ("v5", M128)],
               [("v5", 0)]))
    s.add(Test("stvrx_aligned_writes_nothing",
               ["With EA aligned, stvrx stores nothing (EA is unmapped)."],
               ["stvrx v5, r4, r5"], [("r4", 0x20000000), ("r5", 0x10), ("v5", v)], [("v5", v)]))
    # VMX128 quadword, element and shift forms.
    for mn in ("lvx128", "lvxl128"):
        for vd, off in ((64, 0), (127, 9), (33, 31), (2, 17)):
            blk = ((base + off) & ~15) - base
            s.add(Test("%s_v%d_ea_%d" % (mn, vd, off), [], ["%s v%d, r4, r5" % (mn, vd)],
                       [("r4", base), ("r5", off)], [("v%d" % vd, mk(data[blk:blk + 16], 1))],
                       mem_in=[(base, data)]))
        blk = 16
        s.add(Test("%s_ra0_twin_lvx" % mn, ["AltiVec twin of the RA = 0 form."],
                   ["lvx v5, 0, r5"], [("r5", base + 0x1C)],
                   [("v5", mk(data[blk:blk + 16], 1))], mem_in=[(base, data)]))
        s.add(Test("%s_ra0" % mn, [], ["%s v96, 0, r5" % mn], [("r5", base + 0x1C)],
                   [("v96", mk(data[blk:blk + 16], 1))], mem_in=[(base, data)]))
    for mn in ("stvx128", "stvxl128"):
        for vs, off in ((64, 0), (127, 9), (33, 31), (2, 17)):
            blk = ((base + off) & ~15) - base
            after = list(data)
            after[blk:blk + 16] = el(v, 1)
            s.add(Test("%s_v%d_ea_%d" % (mn, vs, off), [], ["%s v%d, r4, r5" % (mn, vs)],
                       [("r4", base), ("r5", off), ("v%d" % vs, v)], [],
                       mem_in=[(base, data)], mem_out=[(base, after)]))
    for vd, off in ((64, 0), (127, 6), (40, 13), (1, 16 + 8)):
        at = (base + off) & ~3
        idx = (at & 15) // 4
        s.add(Test("lvewx128_v%d_ea_%d" % (vd, off),
                   ["Only the addressed word is defined: it is splatted and checked."],
                   ["lvewx128 v%d, r4, r5" % vd, "vspltw128 v3, v%d, %d" % (vd, idx)],
                   [("r4", base), ("r5", off)], [("v3", mk(mem(at, 4) * 4, 1))],
                   mem_in=[(base, data)]))
        after = list(data)
        after[at - base:at - base + 4] = el(v, 1)[at & 15:(at & 15) + 4]
        s.add(Test("stvewx128_v%d_ea_%d" % (vd, off), [], ["stvewx128 v%d, r4, r5" % vd],
                   [("r4", base), ("r5", off), ("v%d" % vd, v)], [],
                   mem_in=[(base, data)], mem_out=[(base, after)]))
    for vd, off in ((64, 0), (127, 6), (40, 13), (1, 15)):
        sh = (base + off) & 15
        s.add(Test("lvsl128_v%d_%d" % (vd, off), [], ["lvsl128 v%d, r4, r5" % vd],
                   [("r4", base), ("r5", off)], [("v%d" % vd, mk(list(range(sh, sh + 16)), 1))]))
        s.add(Test("lvsr128_v%d_%d" % (vd, off), [], ["lvsr128 v%d, r4, r5" % vd],
                   [("r4", base), ("r5", off)],
                   [("v%d" % vd, mk(list(range(16 - sh, 32 - sh)), 1))]))
    # 32-bit effective addresses (title mode): the high word of RA + RB is ignored.
    hi = 0xFFFFFFFF00000000
    s.add(Test("lvx_ea_32bit", [], ["lvx v5, r4, r5"],
               [("msr", 0), ("r4", hi | base), ("r5", 0x10)],
               [("v5", mk(data[16:32], 1))], mem_in=[(base, data)]))
    s.add(Test("lvlx_ea_32bit", [], ["lvlx v5, r4, r5"],
               [("msr", 0), ("r4", hi | base), ("r5", 0x13)],
               [("v5", lvlx(mem, base + 0x13))], mem_in=[(base, data)]))
    after = list(data)
    after[0x10:0x13] = el(v, 1)[13:]
    s.add(Test("stvrx_ea_32bit", [], ["stvrx v5, r4, r5"],
               [("msr", 0), ("r4", hi | base), ("r5", 0x13), ("v5", v)], [],
               mem_in=[(base, data)], mem_out=[(base, after)]))
    write(out, s)


def write(out, suite):
    with open("%s/%s" % (out, suite.fname), "w") as fh:
        fh.write(suite.text())
    print("%s: %d tests" % (suite.fname, len(suite.tests)))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/ppc"
    write_int_arith(out)
    write_int_mul(out)
    write_int_compare(out)
    write_int_logical(out)
    write_int_shift(out)
    write_int_vscr(out)
    write_perm(out)
    write_pack(out)
    write_splat(out)
    write_vmx128(out)
    write_mem(out)
    write_mem_xenon(out)


if __name__ == "__main__":
    main()
