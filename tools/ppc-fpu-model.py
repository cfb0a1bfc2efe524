#!/usr/bin/env python3
"""Exact-arithmetic model of the PowerPC floating-point facility (Book I), used to
compute the expected values of the tests/ppc/fpu_*.s suite files.

The model is written from the instruction definitions and the FPSCR/exception rules of
the Power ISA (Book I, "Floating-Point Facility", and its Appendix A models of frsp and
of the conversions): results are computed exactly with rational arithmetic and then
rounded once to the target format with the rounding mode in FPSCR[RN]. It knows nothing
of Oxenon's interpreter or of qemu; the generated files are then checked against
qemu-ppc64 (`oxenon ppc-test --backend qemu`).

Only the behaviour with all exception enables (VE OE UE ZE XE) zero is modelled, apart
from what mtfsf/mtfsfi/mtfsb* do to FEX.

Usage: tools/ppc-fpu-model.py OUTDIR   (writes OUTDIR/fpu_*.s)
"""

from fractions import Fraction as Fr
from math import isqrt
import sys

# ----------------------------------------------------------------------------------------
# FPSCR layout (bit 0 is the most significant bit of the 32-bit word).


def B(n):
    return 1 << (31 - n)


FX, FEX, VX, OX, UX, ZX, XX = B(0), B(1), B(2), B(3), B(4), B(5), B(6)
VXSNAN, VXISI, VXIDI, VXZDZ, VXIMZ, VXVC = B(7), B(8), B(9), B(10), B(11), B(12)
FR, FI, C, FL, FG, FE, FU = B(13), B(14), B(15), B(16), B(17), B(18), B(19)
VXSOFT, VXSQRT, VXCVI = B(21), B(22), B(23)
VE, OE, UE, ZE, XE, NI = B(24), B(25), B(26), B(27), B(28), B(29)
RN_MASK = 3
FPRF_MASK = C | FL | FG | FE | FU
FPCC_MASK = FL | FG | FE | FU
VX_ALL = VXSNAN | VXISI | VXIDI | VXZDZ | VXIMZ | VXVC | VXSOFT | VXSQRT | VXCVI
# The exception bits whose 0 -> 1 transition sets FX.
EXC_BITS = OX | UX | ZX | XX | VX_ALL

# FPRF codes (C FL FG FE FU).
PRF = {
    "qnan": 0x11000, "-inf": 0x09000, "-norm": 0x08000, "-den": 0x18000, "-zero": 0x12000,
    "+zero": 0x02000, "+den": 0x14000, "+norm": 0x04000, "+inf": 0x05000,
}

RN, RZ, RP, RM = 0, 1, 2, 3

FMT = {"D": (53, -1022, 1023), "S": (24, -126, 127)}

SIGN = 1 << 63
QUIET = 1 << 51
DEFAULT_NAN = 0x7FF8000000000000


def recompute_summaries(f):
    """VX is the OR of the VX* bits, FEX the OR of the enabled exception bits."""
    f &= ~(VX | FEX)
    if f & VX_ALL:
        f |= VX
    if ((f & VX) and (f & VE)) or ((f & OX) and (f & OE)) or ((f & UX) and (f & UE)) \
            or ((f & ZX) and (f & ZE)) or ((f & XX) and (f & XE)):
        f |= FEX
    return f


def raise_bits(f, bits):
    """Set exception bits; FX is set when any of them changes from 0 to 1."""
    if bits & EXC_BITS & ~f:
        f |= FX
    return recompute_summaries(f | bits)


# ----------------------------------------------------------------------------------------
# Double-format values.


def is_nan(b):
    return (b >> 52) & 0x7FF == 0x7FF and b & ((1 << 52) - 1) != 0


def is_snan(b):
    return is_nan(b) and not b & QUIET


def is_inf(b):
    return b & ~SIGN == 0x7FF0000000000000


def sign_of(b):
    return b >> 63


def value(b):
    """Exact value of a finite double (zero's sign is lost: use sign_of)."""
    e = (b >> 52) & 0x7FF
    f = b & ((1 << 52) - 1)
    if e == 0:
        v = Fr(f, 1 << 1074)
    else:
        v = Fr((1 << 52) | f) * Fr(2) ** (e - 1075)
    return -v if b >> 63 else v


def floor_log2(a):
    """floor(log2(a)) for a positive Fraction."""
    e = a.numerator.bit_length() - a.denominator.bit_length()
    if Fr(2) ** e > a:
        e -= 1
    while Fr(2) ** (e + 1) <= a:
        e += 1
    return e


def encode(sign, mag):
    """Double bits of sign * mag, mag a non-negative Fraction representable as a double."""
    s = SIGN if sign else 0
    if mag == 0:
        return s
    e = floor_log2(mag)
    if e >= -1022:
        frac = (mag / Fr(2) ** e - 1) * (1 << 52)
        assert frac.denominator == 1 and e <= 1023, (mag, e)
        return s | ((e + 1023) << 52) | int(frac)
    m = mag * (Fr(2) ** 1074)
    assert m.denominator == 1
    return s | int(m)


def dbl(x):
    """Bits of a Python float / Fraction that is exactly a double."""
    x = Fr(x)
    return encode(x < 0, abs(x))


def single_bits_to_double(w):
    """DOUBLE(WORD): the double with the same value as single-format bits w."""
    s = w >> 31
    e = (w >> 23) & 0xFF
    f = w & 0x7FFFFF
    if e == 0xFF:
        return (s << 63) | (0x7FF << 52) | (f << 29)
    if e == 0:
        return encode(s, Fr(f) * Fr(2) ** -149)
    return encode(s, Fr((1 << 23) | f) * Fr(2) ** (e - 150))


def single_representable(b):
    if is_nan(b):
        return b & ((1 << 29) - 1) == 0
    if is_inf(b) or b & ~SIGN == 0:
        return True
    a = abs(value(b))
    if a > (2 - Fr(2) ** -23) * Fr(2) ** 127:
        return False
    e = max(floor_log2(a), -126)
    return (a / Fr(2) ** (e - 23)).denominator == 1


def classify(b, fmt):
    if is_nan(b):
        return PRF["qnan"]
    s = "-" if b >> 63 else "+"
    if is_inf(b):
        return PRF[s + "inf"]
    if b & ~SIGN == 0:
        return PRF[s + "zero"]
    emin = FMT[fmt][1]
    if abs(value(b)) < Fr(2) ** emin:
        return PRF[s + "den"]
    return PRF[s + "norm"]


# ----------------------------------------------------------------------------------------
# Rounding.


class Rounded:
    """Result of rounding an exact nonzero value to a format."""

    def __init__(self, bits, inexact, inc, ox, ux):
        self.bits, self.inexact, self.inc, self.ox, self.ux = bits, inexact, inc, ox, ux


def round_to(x, fmt, rn):
    """Round the exact nonzero Fraction x to fmt with mode rn (exceptions disabled)."""
    p, emin, emax = FMT[fmt]
    s = x < 0
    a = abs(x)
    e = floor_log2(a)
    tiny = e < emin  # "Tiny" is decided before rounding
    q = Fr(2) ** ((emin if tiny else e) - p + 1)
    n = a / q
    n0 = n.numerator // n.denominator
    rem = n - n0
    if rn == RN:
        inc = rem > Fr(1, 2) or (rem == Fr(1, 2) and n0 % 2 == 1)
    elif rn == RZ:
        inc = False
    elif rn == RP:
        inc = (not s) and rem > 0
    else:
        inc = s and rem > 0
    r = (n0 + int(inc)) * q
    inexact = rem != 0
    maxf = (2 - Fr(2) ** (1 - p)) * Fr(2) ** emax
    if r > maxf:
        to_inf = rn == RN or (rn == RP and not s) or (rn == RM and s)
        bits = (SIGN if s else 0) | (0x7FF0000000000000 if to_inf else encode(0, maxf))
        return Rounded(bits, True, None, True, False)
    return Rounded(encode(s, r), inexact, inc, False, tiny and inexact)


# ----------------------------------------------------------------------------------------
# Instruction semantics. Each returns an Outcome.


class Outcome:
    def __init__(self, fpscr, frt=None, cr_field=None, undefined=0):
        self.fpscr = fpscr
        self.frt = frt
        self.cr_field = cr_field  # (bf, 4-bit value) for compares / mcrfs
        self.undefined = undefined  # FPSCR bits the ISA leaves undefined


def quiet(b):
    return b | QUIET


def finish_special(f, bits, fmt, raised=0):
    """A result that involves no rounding (NaN, infinity, exact zero)."""
    f &= ~(FR | FI)
    f = (f & ~FPRF_MASK) | classify(bits, fmt)
    return Outcome(raise_bits(f, raised), bits)


def finish_invalid(f, vxbits):
    f &= ~(FR | FI)
    f = (f & ~FPRF_MASK) | PRF["qnan"]
    return Outcome(raise_bits(f, vxbits), DEFAULT_NAN)


def finish_value(f, x, fmt, negate=False):
    """Round exact nonzero x to fmt; negate the rounded result if asked (fnmadd etc.)."""
    r = round_to(x, fmt, f & RN_MASK)
    bits = r.bits ^ (SIGN if negate else 0)
    raised = 0
    undefined = 0
    f &= ~(FR | FI)
    if r.ox:
        raised |= OX | XX
        f |= FI
        undefined |= FR
    else:
        if r.inexact:
            raised |= XX
            f |= FI
        if r.inc:
            f |= FR
        if r.ux:
            raised |= UX
    f = (f & ~FPRF_MASK) | classify(bits, fmt)
    o = Outcome(raise_bits(f, raised), bits)
    o.undefined = undefined
    return o


def zero_sum_sign(f, sa, sb):
    """Sign of an exact zero sum: x + y with x = -y, or zero + zero."""
    if sa == sb:
        return sa
    return 1 if (f & RN_MASK) == RM else 0


def nan_pick(*ops):
    """First NaN operand in ISA precedence order, quieted; None if there is none."""
    for b in ops:
        if is_nan(b):
            return quiet(b)
    return None


def snan_bits(*ops):
    return VXSNAN if any(is_snan(b) for b in ops) else 0


def op_add(f, a, b, fmt="D", sub=False):
    n = nan_pick(a, b)
    if n is not None:
        return finish_special(f, n, fmt, snan_bits(a, b))
    if sub:
        b ^= SIGN
    if is_inf(a) or is_inf(b):
        if is_inf(a) and is_inf(b) and sign_of(a) != sign_of(b):
            return finish_invalid(f, VXISI)
        return finish_special(f, a if is_inf(a) else b, fmt)
    x = value(a) + value(b)
    if x == 0:
        if a & ~SIGN == 0 and b & ~SIGN == 0:
            s = zero_sum_sign(f, sign_of(a), sign_of(b))
        else:
            s = zero_sum_sign(f, 0, 1)
        return finish_special(f, s << 63, fmt)
    return finish_value(f, x, fmt)


def op_mul(f, a, c, fmt="D"):
    n = nan_pick(a, c)
    if n is not None:
        return finish_special(f, n, fmt, snan_bits(a, c))
    s = sign_of(a) ^ sign_of(c)
    za, zc = a & ~SIGN == 0, c & ~SIGN == 0
    if is_inf(a) or is_inf(c):
        if za or zc:
            return finish_invalid(f, VXIMZ)
        return finish_special(f, (s << 63) | 0x7FF0000000000000, fmt)
    if za or zc:
        return finish_special(f, s << 63, fmt)
    return finish_value(f, value(a) * value(c), fmt)


def op_div(f, a, b, fmt="D"):
    n = nan_pick(a, b)
    if n is not None:
        return finish_special(f, n, fmt, snan_bits(a, b))
    s = sign_of(a) ^ sign_of(b)
    za, zb = a & ~SIGN == 0, b & ~SIGN == 0
    inf = (s << 63) | 0x7FF0000000000000
    if is_inf(a) and is_inf(b):
        return finish_invalid(f, VXIDI)
    if za and zb:
        return finish_invalid(f, VXZDZ)
    if is_inf(a):
        return finish_special(f, inf, fmt)
    if is_inf(b) or za:
        return finish_special(f, s << 63, fmt)
    if zb:
        return finish_special(f, inf, fmt, ZX)
    return finish_value(f, value(a) / value(b), fmt)


def sqrt_exactish(x):
    """A Fraction that rounds like sqrt(x) at any precision below ~2000 bits."""
    k = 4000
    n = x * Fr(4) ** k
    assert n.denominator == 1
    r = isqrt(int(n))
    if r * r == n:
        return Fr(r, 2 ** k)
    return Fr(2 * r + 1, 2 ** (k + 1))  # strictly between r and r+1: never a tie


def op_sqrt(f, b, fmt="D"):
    n = nan_pick(b)
    if n is not None:
        return finish_special(f, n, fmt, snan_bits(b))
    if b & ~SIGN == 0:
        return finish_special(f, b, fmt)
    if sign_of(b):
        return finish_invalid(f, VXSQRT)
    if is_inf(b):
        return finish_special(f, b, fmt)
    return finish_value(f, sqrt_exactish(value(b)), fmt)


def op_fma(f, a, c, b, fmt="D", msub=False, neg=False):
    """fmadd family: (A*C) +/- B, optionally negated after rounding."""
    n = nan_pick(a, b, c)  # precedence A, B, C
    if n is not None:
        return finish_special(f, n, fmt, snan_bits(a, b, c))
    if msub:
        b ^= SIGN
    ps = sign_of(a) ^ sign_of(c)
    za, zc = a & ~SIGN == 0, c & ~SIGN == 0
    if (is_inf(a) and zc) or (za and is_inf(c)):
        return finish_invalid(f, VXIMZ)
    if is_inf(a) or is_inf(c):
        if is_inf(b) and sign_of(b) != ps:
            return finish_invalid(f, VXISI)
        r = (ps << 63) | 0x7FF0000000000000
        return finish_special(f, r ^ (SIGN if neg else 0), fmt)
    if is_inf(b):
        return finish_special(f, b ^ (SIGN if neg else 0), fmt)
    p = value(a) * value(c)
    x = p + value(b)
    if x == 0:
        if p == 0 and b & ~SIGN == 0:
            s = zero_sum_sign(f, ps, sign_of(b))
        else:
            s = zero_sum_sign(f, 0, 1)
        return finish_special(f, (s << 63) ^ (SIGN if neg else 0), fmt)
    return finish_value(f, x, fmt, negate=neg)


def op_frsp(f, b):
    if is_nan(b):
        r = quiet(b) & ~((1 << 29) - 1)  # (FRB)0:34 || 29 zeros, quieted
        return finish_special(f, r, "S", snan_bits(b))
    if is_inf(b) or b & ~SIGN == 0:
        return finish_special(f, b, "S")
    return finish_value(f, value(b), "S")


def op_fcti(f, b, width, rz=False):
    """fctiw[z] / fctid[z]. FRT is the full 64-bit register for fctid; for fctiw only
    the low word is defined (the returned value has the high word zero). FPRF is
    undefined."""
    lo, hi = -(1 << (width - 1)), (1 << (width - 1)) - 1
    mask = (1 << width) - 1
    out = None
    f &= ~(FR | FI)
    raised = 0
    if is_nan(b):
        raised = VXCVI | snan_bits(b)
        out = lo & mask
    elif is_inf(b):
        raised = VXCVI
        out = (lo if sign_of(b) else hi) & mask
    else:
        x = value(b)
        rn = RZ if rz else f & RN_MASK
        t = abs(x).numerator // abs(x).denominator  # truncated magnitude
        rem = abs(x) - t
        neg = x < 0
        if rn == RN:
            inc = rem > Fr(1, 2) or (rem == Fr(1, 2) and t % 2 == 1)
        elif rn == RZ:
            inc = False
        elif rn == RP:
            inc = (not neg) and rem > 0
        else:
            inc = neg and rem > 0
        m = t + int(inc)
        v = -m if neg else m
        if v > hi or v < lo:
            raised = VXCVI
            out = (hi if v > hi else lo) & mask
        else:
            out = v & mask
            if rem != 0:
                f |= FI
                raised |= XX
            if inc:
                f |= FR
    o = Outcome(raise_bits(f, raised), out)
    o.undefined = FPRF_MASK
    return o


def op_fcfid(f, b):
    v = b - (1 << 64) if b >> 63 else b
    if v == 0:
        return finish_special(f, 0, "D")
    return finish_value(f, Fr(v), "D")


def op_fcmp(f, a, b, ordered):
    raised = snan_bits(a, b)
    if is_nan(a) or is_nan(b):
        c = 0b0001
        if ordered:
            raised |= VXVC  # a QNaN operand, or an SNaN one with VE=0
    else:
        x, y = value(a), value(b)
        c = 0b1000 if x < y else 0b0100 if x > y else 0b0010
    f = (f & ~FPCC_MASK) | (c << 12)
    return Outcome(raise_bits(f, raised), None, c)


def op_mtfsf(f, flm, b):
    src = b & 0xFFFFFFFF
    for i in range(8):
        if flm & (0x80 >> i):
            m = 0xF << (28 - 4 * i)
            f = (f & ~m) | (src & m)
    return recompute_summaries(f)  # FEX and VX are never taken from FRB


def op_mtfsfi(f, bf, u):
    m = 0xF << (28 - 4 * bf)
    f = (f & ~m) | (u << (28 - 4 * bf))
    return recompute_summaries(f)


def op_mtfsb(f, bt, one):
    bit = B(bt)
    if bt in (1, 2):  # FEX and VX cannot be set or cleared explicitly
        return f
    if one:
        if bit & EXC_BITS and not f & bit:
            f |= FX
        f |= bit
    else:
        f &= ~bit
    return recompute_summaries(f)


# Exception bits of each FPSCR field, which mcrfs clears after copying the field.
MCRFS_CLEAR = {0: FX | OX, 1: UX | ZX | XX | VXSNAN, 2: VXISI | VXIDI | VXZDZ | VXIMZ,
               3: VXVC, 4: 0, 5: VXSOFT | VXSQRT | VXCVI, 6: 0, 7: 0}


def op_mcrfs(f, bfa):
    field = (f >> (28 - 4 * bfa)) & 0xF
    return recompute_summaries(f & ~MCRFS_CLEAR[bfa]), field


# ----------------------------------------------------------------------------------------
# Test emission.

SCRATCH = 0x10001000
RN_NAMES = {RN: "rn", RZ: "rz", RP: "rp", RM: "rm"}


def hex64(v):
    return "0x%016X" % v


def hex32(v):
    return "0x%08X" % v


def cr_with_field(cr, bf, v):
    sh = 28 - 4 * bf
    return (cr & ~(0xF << sh)) | (v << sh)


class Test:
    def __init__(self, name, comment=None):
        self.name = name
        self.comment = comment
        self.ins = []  # (reg, value string)
        self.code = []
        self.outs = []

    def emit(self):
        out = []
        if self.comment:
            for line in self.comment.split("\n"):
                out.append("# " + line if line else "#")
        out.append("test_%s:" % self.name)
        for r, v in self.ins:
            out.append("  #_ REGISTER_IN %s %s" % (r, v))
        for c in self.code:
            out.append("  " + c)
        out.append("  blr")
        for r, v in self.outs:
            out.append("  #_ REGISTER_OUT %s %s" % (r, v))
        return "\n".join(out) + "\n"


def check_fpscr(t, fpscr, undefined):
    """Check the FPSCR, leaving out the bits in `undefined` (read through mffs into r10
    and masked)."""
    if not undefined:
        t.outs.append(("fpscr", hex32(fpscr)))
        return
    keep = ~undefined & 0xFFFFFFFF
    t.code += ["mffs f31", "lis r9, 0x1000", "ori r9, r9, 0x1000", "stfd f31, 0(r9)",
               "lwz r10, 4(r9)", "lis r11, 0x%04X" % (keep >> 16),
               "ori r11, r11, 0x%04X" % (keep & 0xFFFF), "and r10, r10, r11"]
    t.outs.append(("r10", hex64(fpscr & keep)))


# ----------------------------------------------------------------------------------------
# Suite construction.

P2 = lambda e: dbl(Fr(2) ** e)
ONE, TWO, HALF = dbl(1), dbl(2), dbl(Fr(1, 2))
PZ, NZ = 0, SIGN
PINF, NINF = 0x7FF0000000000000, 0xFFF0000000000000
MAXD = 0x7FEFFFFFFFFFFFFF
MIND = 0x0010000000000000  # smallest normal
DEN1 = 0x0000000000000001  # smallest denormal
DENMAX = 0x000FFFFFFFFFFFFF
MAXS = dbl((2 - Fr(2) ** -23) * Fr(2) ** 127)
MINS = P2(-126)
SDEN1 = P2(-149)
# NaNs with payloads so propagation order is visible.
QA, QB, QC = 0x7FF80000000000AA, 0xFFF80000000000BB, 0x7FF800000000CC00
SA, SB, SC = 0x7FF00000000000A5, 0xFFF40000000000B5, 0x7FF000000000C500
# NaNs representable in single format (low 29 bits zero) for the single-precision forms.
QAs, QBs, QCs = 0x7FFAA00000000000, 0xFFFBB00000000000, 0x7FFCC00000000000
SAs, SBs, SCs = 0x7FF5500000000000, 0xFFF6600000000000, 0x7FF7700000000000


def neg(b):
    return b ^ SIGN


class Suite:
    def __init__(self, fname, title, header):
        self.fname, self.title, self.header = fname, title, header
        self.tests = []
        self.names = set()

    def add(self, t):
        assert t.name not in self.names, t.name
        self.names.add(t.name)
        self.tests.append(t)

    def text(self):
        out = [self.title, ""] + self.header.strip("\n").split("\n") + [""]
        out = ["# " + l if l else "#" for l in out]
        return "\n".join(out) + "\n\n" + "\n".join(t.emit() for t in self.tests)


# Every test is recorded with its full ISA expectation; `route` (filled in below from
# what qemu was found to do differently, each case checked by hand) decides whether it
# goes into the qemu-checked file as is, into fpu_isa_only.s, or both (the qemu-checked
# copy then leaves the disputed bits unchecked).
class Case:
    def __init__(self, **kw):
        self.__dict__.update(kw)


CASES = []


def fregs_in(t, regs):
    for r, v in regs:
        t.ins.append((r, hex64(v)))


def fpscr_in(t, f, cr=None):
    assert f == recompute_summaries(f) and not f & FEX, hex(f)
    if f:
        t.ins.append(("fpscr", hex32(f)))
    if cr:
        t.ins.append(("cr", hex32(cr)))


def cr1(cr, f):
    return cr_with_field(cr, 1, f >> 28)


class ArithCase:
    """One instruction writing FRT (dst), checked with the FPSCR and CR."""

    def __init__(self, group, name, insn, dst, srcs, outcome, f0=0, rc=False, cr=0,
                 fmt="D", comment=None, init_dst=None, low_word=False):
        self.__dict__.update(locals())
        del self.__dict__["self"]
        self.o = outcome

    def build(self, undef=0, name=None):
        t = Test(name or self.name, self.comment)
        seen = set()
        for r, v in self.srcs:
            if r not in seen:
                seen.add(r)
                t.ins.append((r, hex64(v)))
        if self.init_dst is not None:
            t.ins.append((self.dst, hex64(self.init_dst)))
        fpscr_in(t, self.f0, self.cr if self.rc else None)
        ops = ", ".join([self.dst] + [r for r, _ in self.srcs])
        mn = self.insn + ("." if self.rc else "")
        t.code.append("%s %s" % (mn, ops))
        if self.low_word:
            # Only FRT[32:63] is defined: check the low word through memory.
            t.code += ["lis r9, 0x1000", "ori r9, r9, 0x1000", "stfd %s, 8(r9)" % self.dst,
                       "lwz r12, 12(r9)"]
            t.outs.append(("r12", hex64(self.o.frt & 0xFFFFFFFF)))
        else:
            t.outs.append((self.dst, hex64(self.o.frt)))
        check_fpscr(t, self.o.fpscr, self.o.undefined | undef)
        if self.rc:
            t.outs.append(("cr", hex32(cr1(self.cr, self.o.fpscr))))
        return t


def rn_name(f):
    return RN_NAMES[f & RN_MASK]


def chk_single(*vals):
    for v in vals:
        assert single_representable(v), hex(v)


def c_add(g, name, a, b, f0=0, rc=False, cr=0, s=False, sub=False, comment=None, dst="f4",
          ra="f1", rb="f2"):
    fmt = "S" if s else "D"
    if s:
        chk_single(a, b)
    mn = ("fsub" if sub else "fadd") + ("s" if s else "")
    o = op_add(f0, a, b, fmt, sub)
    CASES.append(ArithCase(g, name, mn, dst, [(ra, a), (rb, b)], o, f0, rc, cr, fmt, comment))


def c_mul(g, name, a, c, f0=0, rc=False, cr=0, s=False, comment=None):
    fmt = "S" if s else "D"
    if s:
        chk_single(a, c)
    o = op_mul(f0, a, c, fmt)
    CASES.append(ArithCase(g, name, "fmul" + ("s" if s else ""), "f4", [("f1", a), ("f3", c)],
                           o, f0, rc, cr, fmt, comment))


def c_div(g, name, a, b, f0=0, rc=False, cr=0, s=False, comment=None):
    fmt = "S" if s else "D"
    if s:
        chk_single(a, b)
    o = op_div(f0, a, b, fmt)
    CASES.append(ArithCase(g, name, "fdiv" + ("s" if s else ""), "f4", [("f1", a), ("f2", b)],
                           o, f0, rc, cr, fmt, comment))


def c_sqrt(g, name, b, f0=0, rc=False, cr=0, s=False, comment=None):
    fmt = "S" if s else "D"
    if s:
        chk_single(b)
    o = op_sqrt(f0, b, fmt)
    CASES.append(ArithCase(g, name, "fsqrt" + ("s" if s else ""), "f4", [("f2", b)], o, f0,
                           rc, cr, fmt, comment))


FMA_NAMES = {(False, False): "fmadd", (True, False): "fmsub", (False, True): "fnmadd",
             (True, True): "fnmsub"}


def c_fma(g, name, a, c, b, f0=0, rc=False, cr=0, s=False, msub=False, neg=False,
          comment=None):
    fmt = "S" if s else "D"
    if s:
        chk_single(a, b, c)
    mn = FMA_NAMES[(msub, neg)] + ("s" if s else "")
    o = op_fma(f0, a, c, b, fmt, msub, neg)
    CASES.append(ArithCase(g, name, mn, "f4", [("f1", a), ("f3", c), ("f2", b)], o, f0, rc,
                           cr, fmt, comment))


def c_frsp(g, name, b, f0=0, rc=False, cr=0, comment=None):
    o = op_frsp(f0, b)
    CASES.append(ArithCase(g, name, "frsp", "f4", [("f2", b)], o, f0, rc, cr, "S", comment))


def c_fcti(g, name, b, width, rz=False, f0=0, rc=False, cr=0, comment=None):
    o = op_fcti(f0, b, width, rz)
    mn = "fcti" + ("w" if width == 32 else "d") + ("z" if rz else "")
    CASES.append(ArithCase(g, name, mn, "f4", [("f2", b)], o, f0, rc, cr, "D", comment,
                           low_word=(width == 32)))


def c_fcfid(g, name, b, f0=0, rc=False, cr=0, comment=None):
    o = op_fcfid(f0, b)
    CASES.append(ArithCase(g, name, "fcfid", "f4", [("f2", b)], o, f0, rc, cr, "D", comment))


def c_move(g, name, insn, b, f0=0, rc=False, cr=0, comment=None):
    r = {"fmr": b, "fneg": b ^ SIGN, "fabs": b & ~SIGN, "fnabs": b | SIGN}[insn]
    o = Outcome(f0, r)
    CASES.append(ArithCase(g, name, insn, "f4", [("f2", b)], o, f0, rc, cr, "D", comment))


def c_fsel(g, name, a, c, b, f0=0, rc=False, cr=0, comment=None):
    ge = not is_nan(a) and (a & ~SIGN == 0 or not sign_of(a))
    o = Outcome(f0, c if ge else b)
    CASES.append(ArithCase(g, name, "fsel", "f4", [("f1", a), ("f3", c), ("f2", b)], o, f0,
                           rc, cr, "D", comment))


class CustomCase:
    """A hand-assembled test: code lines plus expected outputs."""

    def __init__(self, group, name, ins, code, outs, comment=None, f0=0, f_out=None):
        self.__dict__.update(locals())
        del self.__dict__["self"]

    def build(self, undef=0, name=None):
        assert not undef
        t = Test(name or self.name, self.comment)
        t.ins = list(self.ins)
        t.code = list(self.code)
        t.outs = list(self.outs)
        return t


def c_cmp(g, name, a, b, bf, ordered, f0=0, cr=0, comment=None):
    o = op_fcmp(f0, a, b, ordered)
    ins = [("f1", hex64(a)), ("f2", hex64(b))]
    if f0:
        ins.append(("fpscr", hex32(f0)))
    if cr:
        ins.append(("cr", hex32(cr)))
    code = ["%s cr%d, f1, f2" % ("fcmpo" if ordered else "fcmpu", bf)]
    outs = [("cr", hex32(cr_with_field(cr, bf, o.cr_field))), ("fpscr", hex32(o.fpscr))]
    CASES.append(CustomCase(g, name, ins, code, outs, comment, f0, o.fpscr))


# ========================================================================================
# fadd, fsub, fadds, fsubs

def build_addsub():
    g = "addsub"
    fr = Fr
    c_add(g, "fadd_exact_1_plus_2", ONE, TWO, comment="1 + 2 = 3 exactly: FI FR XX stay 0, FPRF +normal")
    c_add(g, "fadd_rc_exact_cr1_clear", ONE, TWO, rc=True, cr=0xFFFFFFFF,
          comment="Rc=1 with nothing set: CR1 = FX FEX VX OX = 0000, other CR fields kept")
    c_add(g, "fadd_exact_clears_fi_fr", ONE, TWO, f0=FX | XX | FI | FR | PRF["-norm"],
          comment="FR and FI are not sticky: an exact result clears them; XX and FX stay")
    c_add(g, "fadd_exact_clears_fi", ONE, TWO, f0=FX | XX | FI,
          comment="FI is not sticky: an exact result clears it; XX and FX stay")
    c_add(g, "fadd_tie_even_down", ONE, P2(-53),
          comment="1 + 2^-53 is halfway: round to even gives 1.0 (not incremented: FR=0), inexact")
    c_add(g, "fadd_tie_even_up", dbl(1 + fr(1, 2**52)), P2(-53),
          comment="(1+2^-52) + 2^-53 is halfway: round to even increments to 1+2^-51 (FR=1)")
    c_add(g, "fadd_round_up_rn", ONE, dbl(fr(3, 2**54)),
          comment="1 + 0.75ulp rounds up to 1+2^-52: FR=1 FI=1")
    for rn in (RN, RZ, RP, RM):
        c_add(g, "fadd_quarter_ulp_pos_" + RN_NAMES[rn], ONE, P2(-54), f0=rn,
              comment="1 + 2^-54 (a quarter ulp) in each rounding mode")
        c_add(g, "fadd_quarter_ulp_neg_" + RN_NAMES[rn], neg(ONE), neg(P2(-54)), f0=rn,
              comment="-1 - 2^-54 (a quarter ulp) in each rounding mode")
        c_add(g, "fadd_three_quarter_ulp_pos_" + RN_NAMES[rn], ONE, dbl(fr(3, 2**54)), f0=rn,
              comment="1 + 3*2^-54 (three quarters of an ulp) in each rounding mode")
        c_add(g, "fadd_x_minus_x_" + RN_NAMES[rn], dbl(1.25), dbl(-1.25), f0=rn,
              comment="x + (-x) is +0, except -0 when rounding toward -Inf")
        c_add(g, "fadd_pz_nz_" + RN_NAMES[rn], PZ, NZ, f0=rn,
              comment="+0 + -0 is +0, except -0 when rounding toward -Inf")
    c_add(g, "fadd_nz_nz", NZ, NZ, comment="-0 + -0 = -0")
    c_add(g, "fadd_pz_pz_rm", PZ, PZ, f0=RM, comment="+0 + +0 = +0 even when rounding toward -Inf")
    c_add(g, "fadd_zero_plus_x", NZ, dbl(-7.5), comment="-0 + x = x exactly")
    # Infinities.
    c_add(g, "fadd_inf_plus_inf", PINF, PINF, comment="+Inf + +Inf = +Inf, no exception")
    c_add(g, "fadd_inf_plus_finite", NINF, MAXD, comment="-Inf + MAX = -Inf")
    c_add(g, "fadd_inf_minus_inf_vxisi", PINF, NINF,
          comment="+Inf + -Inf: VXISI, default QNaN, FPRF QNaN, FR=FI=0")
    c_add(g, "fadd_rc_vxisi_cr1", NINF, PINF, rc=True, cr=0x12345678,
          comment="Rc=1 after VXISI: CR1 = FX FEX VX OX = 1010")
    c_add(g, "fadd_vxisi_clears_fr_fi", PINF, NINF, f0=FX | XX | FR | FI | PRF["+norm"],
          comment="An invalid operation clears FR and FI")
    # NaNs.
    c_add(g, "fadd_qnan_a", QA, ONE, comment="QNaN in A propagates unchanged")
    c_add(g, "fadd_qnan_b", ONE, QB, comment="QNaN in B propagates unchanged (its sign too)")
    c_add(g, "fadd_qnan_a_before_b", QA, QB, comment="Both NaNs: FRA wins")
    c_add(g, "fadd_snan_a_quieted", SA, ONE, comment="SNaN in A: VXSNAN, result is A quieted")
    c_add(g, "fadd_snan_b_quieted", ONE, SB, comment="SNaN in B: VXSNAN, result is B quieted")
    c_add(g, "fadd_qnan_a_snan_b", QA, SB,
          comment="QNaN A with SNaN B: VXSNAN is signalled but FRA (a NaN) is the result")
    c_add(g, "fadd_snan_a_qnan_b", SA, QB, comment="SNaN A, QNaN B: A quieted, VXSNAN")
    c_add(g, "fadd_inf_snan", NINF, SB, comment="-Inf + SNaN: only VXSNAN (no VXISI)")
    c_add(g, "fadd_rc_snan_cr1", SA, ONE, rc=True, comment="Rc=1 after VXSNAN: CR1 = 1010")
    c_add(g, "fadd_nan_keeps_fx_vx", QA, ONE, f0=FX | VXSNAN | VX,
          comment="QNaN input raises nothing; earlier VXSNAN/VX/FX stay set")
    # Overflow.
    for rn in (RN, RZ, RP, RM):
        c_add(g, "fadd_overflow_pos_" + RN_NAMES[rn], MAXD, MAXD, f0=rn,
              comment="MAX + MAX overflows: OX XX FI; result by rounding mode; FR undefined")
        c_add(g, "fadd_overflow_neg_" + RN_NAMES[rn], neg(MAXD), neg(MAXD), f0=rn,
              comment="-MAX - MAX overflows: result by rounding mode; FR undefined")
    c_add(g, "fadd_overflow_by_rounding", MAXD, P2(970),
          comment="MAX + half an ulp ties to even, which is 2^1024: overflow to +Inf")
    c_add(g, "fadd_no_overflow_below_tie", MAXD, P2(969),
          comment="MAX + a quarter ulp rounds back to MAX: inexact, no overflow")
    c_add(g, "fadd_rc_overflow_cr1", MAXD, MAXD, rc=True,
          comment="Rc=1 after overflow: CR1 = FX FEX VX OX = 1001")
    # Denormals: sums of doubles in the denormal range are exact, so never underflow.
    c_add(g, "fadd_denorm_plus_denorm", DEN1, DEN1, comment="2^-1074 + 2^-1074: exact denormal, no UX")
    c_add(g, "fadd_min_normal_minus_denorm", MIND, neg(DEN1),
          comment="smallest normal - smallest denormal = largest denormal, exact: no UX")
    c_add(g, "fadd_denorm_to_normal", DENMAX, DEN1,
          comment="largest denormal + smallest denormal = smallest normal")
    c_add(g, "fadd_neg_denorm", neg(DEN1), neg(dbl(Fr(3, 2**1074))), comment="negative denormal sum, FPRF -denormal")
    c_add(g, "fadd_denorm_cancel_rm", DEN1, neg(DEN1), f0=RM, comment="denormal cancellation in RM is -0")
    c_add(g, "fadd_big_plus_denorm", ONE, DEN1, f0=RP,
          comment="1 + 2^-1074 in round toward +Inf: 1+2^-52, inexact")
    # FX is set only when an exception bit goes from 0 to 1.
    c_add(g, "fadd_fx_set_by_new_xx", ONE, P2(-60),
          comment="first inexact result: XX 0->1 sets FX")
    c_add(g, "fadd_fx_not_set_xx_already_set", ONE, P2(-60), f0=XX,
          comment="XX already 1 (and FX cleared by software): no exception bit changes 0->1, so FX stays 0")
    c_add(g, "fadd_target_is_source", dbl(1.5), dbl(2.25), dst="f1",
          comment="FRT = FRA: fadd f1,f1,f2")
    c_add(g, "fadd_same_source", dbl(1.5), dbl(1.5), rb="f1",
          comment="FRA = FRB: fadd f4,f1,f1")

    # fsub
    c_add(g, "fsub_exact", dbl(3), ONE, sub=True, comment="3 - 1 = 2")
    c_add(g, "fsub_x_minus_x_rn", dbl(2.5), dbl(2.5), sub=True, comment="x - x = +0")
    c_add(g, "fsub_x_minus_x_rm", dbl(2.5), dbl(2.5), sub=True, f0=RM, comment="x - x = -0 in RM")
    c_add(g, "fsub_nz_minus_pz", NZ, PZ, sub=True, comment="-0 - +0 = -0")
    c_add(g, "fsub_pz_minus_pz_rn", PZ, PZ, sub=True, comment="+0 - +0 = +0")
    c_add(g, "fsub_pz_minus_pz_rm", PZ, PZ, sub=True, f0=RM, comment="+0 - +0 = -0 in RM")
    c_add(g, "fsub_inf_minus_inf_vxisi", PINF, PINF, sub=True, comment="Inf - Inf: VXISI")
    c_add(g, "fsub_inf_minus_neg_inf", PINF, NINF, sub=True, comment="Inf - -Inf = +Inf")
    c_add(g, "fsub_qnan_b_sign_kept", ONE, QB, sub=True,
          comment="fsub does not negate a NaN in FRB: it propagates unchanged")
    c_add(g, "fsub_snan_b", ONE, SB, sub=True, comment="SNaN in B: quieted, sign unchanged, VXSNAN")
    for rn in (RN, RZ, RP, RM):
        c_add(g, "fsub_below_one_" + RN_NAMES[rn], ONE, P2(-55), sub=True, f0=rn,
              comment="1 - 2^-55 in each rounding mode (RN/RP round up to 1.0: FR=1)")
    c_add(g, "fsub_tie_below_one", ONE, P2(-54), sub=True,
          comment="1 - 2^-54 is halfway between 1-2^-53 and 1: ties to the even 1.0 (incremented, FR=1)")
    c_add(g, "fsub_rc_inexact_cr1", ONE, P2(-60), sub=True, rc=True,
          comment="Rc=1 after an inexact result: CR1 = 1000")
    c_add(g, "fsub_overflow", neg(MAXD), MAXD, sub=True, comment="-MAX - MAX = -Inf, OX")
    c_add(g, "fsub_denorm", DEN1, dbl(Fr(3, 2**1074)), sub=True, comment="exact denormal difference")

    # fadds / fsubs
    c_add(g, "fadds_exact", dbl(1.5), dbl(2.25), s=True, comment="1.5 + 2.25 = 3.75 exactly")
    c_add(g, "fadds_rc_exact", dbl(1.5), dbl(2.25), s=True, rc=True, cr=0x0F000000,
          comment="Rc=1 exact: CR1 cleared")
    c_add(g, "fadds_tie_even_down", ONE, P2(-24), s=True,
          comment="1 + 2^-24 is halfway in single: ties to even 1.0, inexact (exact in double!)")
    c_add(g, "fadds_tie_even_up", dbl(1 + Fr(1, 2**23)), P2(-24), s=True,
          comment="(1+2^-23) + 2^-24: ties to even 1+2^-22 (FR=1)")
    c_add(g, "fadds_inexact_only_in_single", ONE, P2(-30), s=True,
          comment="1 + 2^-30 is exact in double but rounds to 1.0 in single: XX FI")
    for rn in (RN, RZ, RP, RM):
        c_add(g, "fadds_quarter_ulp_pos_" + RN_NAMES[rn], ONE, P2(-25), s=True, f0=rn,
              comment="1 + 2^-25 (a quarter single ulp) in each rounding mode")
        c_add(g, "fadds_quarter_ulp_neg_" + RN_NAMES[rn], neg(ONE), neg(P2(-25)), s=True, f0=rn,
              comment="-1 - 2^-25 in each rounding mode")
        c_add(g, "fadds_overflow_" + RN_NAMES[rn], MAXS, MAXS, s=True, f0=rn,
              comment="single MAX + MAX overflows single: OX XX FI; Inf or single MAX by mode")
    c_add(g, "fadds_overflow_neg_rp", neg(MAXS), neg(MAXS), s=True, f0=RP,
          comment="negative single overflow toward +Inf: -(single MAX)")
    c_add(g, "fadds_overflow_by_rounding", MAXS, P2(103), s=True,
          comment="single MAX + half a single ulp ties to even 2^128: overflow")
    c_add(g, "fadds_x_minus_x_rm", dbl(3.5), dbl(-3.5), s=True, f0=RM, comment="-0 in RM")
    c_add(g, "fadds_inf_minus_inf", PINF, NINF, s=True, comment="VXISI")
    c_add(g, "fadds_qnan_a_before_b", QAs, QBs, s=True, comment="NaN precedence FRA first")
    c_add(g, "fadds_snan_b", ONE, SBs, s=True, comment="SNaN B quieted, VXSNAN")
    c_add(g, "fadds_rc_overflow", MAXS, MAXS, s=True, rc=True, comment="CR1 = 1001")
    c_add(g, "fadds_single_denorm_exact", SDEN1, SDEN1, s=True,
          comment="2^-149 + 2^-149 = 2^-148: exact, a single-precision denormal (FPRF is classified in single format)")
    c_add(g, "fadds_single_min_normal", dbl((1 - Fr(1, 2**23)) * Fr(2)**-126), SDEN1, s=True,
          comment="largest single denormal + smallest = 2^-126, single normal")
    c_add(g, "fsubs_exact", dbl(5), dbl(0.75), s=True, sub=True, comment="5 - 0.75 = 4.25")
    c_add(g, "fsubs_round_rn", ONE, P2(-26), s=True, sub=True, comment="1 - 2^-26 rounds to 1.0 (FR=1)")
    c_add(g, "fsubs_round_rz", ONE, P2(-26), s=True, sub=True, f0=RZ,
          comment="1 - 2^-26 truncates to 1-2^-24")
    c_add(g, "fsubs_rc_nan", QAs, ONE, s=True, sub=True, rc=True, cr=0x0F000000,
          comment="QNaN input, Rc=1: nothing raised, CR1 = 0")
    c_add(g, "fsubs_single_denorm_diff", MINS, SDEN1, s=True, sub=True,
          comment="2^-126 - 2^-149: exact largest single denormal (single FPRF class: denormal)")
    c_add(g, "fsubs_rc_vxisi", NINF, NINF, s=True, sub=True, rc=True, comment="VXISI, CR1 1010")


# ========================================================================================
# fmul, fmuls

def build_mul():
    g = "mul"
    u52 = Fr(1, 2**52)
    c_mul(g, "fmul_exact", dbl(3), dbl(-5), comment="3 * -5 = -15 exactly, FPRF -normal")
    c_mul(g, "fmul_rc_exact", dbl(3), dbl(5), rc=True, cr=0xAAAAAAAA, comment="CR1 = 0")
    for rn in (RN, RZ, RP, RM):
        c_mul(g, "fmul_inexact_pos_" + RN_NAMES[rn], dbl(1 + u52), dbl(1 + u52), f0=rn,
              comment="(1+2^-52)^2 = 1 + 2^-51 + 2^-104 in each rounding mode")
        c_mul(g, "fmul_inexact_neg_" + RN_NAMES[rn], dbl(1 + u52), dbl(-1 - u52), f0=rn,
              comment="-(1+2^-52)^2 in each rounding mode")
    c_mul(g, "fmul_tie_even_up", dbl(1 + u52), dbl(1.5),
          comment="(1+2^-52)*1.5 = 1.5 + 2^-52 + 2^-53: a tie, to even = 1.5+2^-51")
    c_mul(g, "fmul_third_times_three", 0x3FD5555555555555, dbl(3),
          comment="0x3FD5555555555555 * 3 = 1 - 2^-54: rounds (tie) to 1.0")
    c_mul(g, "fmul_zero_times_neg", PZ, dbl(-2), comment="+0 * -2 = -0")
    c_mul(g, "fmul_nz_times_nz", NZ, NZ, comment="-0 * -0 = +0")
    c_mul(g, "fmul_inf_times_neg", PINF, dbl(-2), comment="+Inf * -2 = -Inf")
    c_mul(g, "fmul_inf_times_zero_vximz", PINF, PZ, comment="Inf * 0: VXIMZ, default QNaN")
    c_mul(g, "fmul_zero_times_ninf_vximz", NZ, NINF, comment="-0 * -Inf: VXIMZ")
    c_mul(g, "fmul_rc_vximz", PZ, PINF, rc=True, comment="CR1 = 1010")
    c_mul(g, "fmul_qnan_a_before_c", QA, QC, comment="FRA NaN wins over FRC NaN")
    c_mul(g, "fmul_qnan_c", dbl(2), QC, comment="QNaN in FRC propagates")
    c_mul(g, "fmul_qnan_a_snan_c", QA, SC, comment="VXSNAN, but FRA's QNaN is the result")
    c_mul(g, "fmul_snan_c", dbl(2), SC, comment="SNaN FRC quieted")
    c_mul(g, "fmul_zero_snan", PZ, SC, comment="0 * SNaN: only VXSNAN")
    c_mul(g, "fmul_inf_qnan", PINF, QC, comment="Inf * QNaN: QNaN, nothing raised")
    for rn in (RN, RZ, RP, RM):
        c_mul(g, "fmul_overflow_pos_" + RN_NAMES[rn], MAXD, dbl(2), f0=rn, comment="MAX*2 overflows")
        c_mul(g, "fmul_overflow_neg_" + RN_NAMES[rn], MAXD, dbl(-2), f0=rn, comment="MAX*-2 overflows")
    c_mul(g, "fmul_rc_overflow", MAXD, MAXD, rc=True, comment="CR1 = 1001")
    c_mul(g, "fmul_max_times_one", MAXD, ONE, comment="MAX * 1 is exact, no overflow")
    # Underflow (UE=0): UX only when the result is tiny AND inexact.
    c_mul(g, "fmul_exact_denorm_no_ux", MIND, HALF,
          comment="2^-1022 * 0.5 = 2^-1023: tiny but exact, so no UX; FPRF +denormal")
    c_mul(g, "fmul_denorm_times_denorm", DEN1, DEN1,
          comment="2^-1074 squared: tiny and inexact, rounds to +0: UX XX FI")
    for rn in (RN, RZ, RP, RM):
        c_mul(g, "fmul_half_denorm_" + RN_NAMES[rn], DEN1, HALF, f0=rn,
              comment="2^-1074 * 0.5 = 2^-1075 (tie between 0 and 2^-1074) in each mode: UX XX")
        c_mul(g, "fmul_neg_half_denorm_" + RN_NAMES[rn], neg(DEN1), HALF, f0=rn,
              comment="-2^-1074 * 0.5 in each mode")
    c_mul(g, "fmul_three_quarter_denorm", DEN1, dbl(0.75),
          comment="0.75 * 2^-1074 rounds up to 2^-1074: UX XX FI FR, FPRF +denormal")
    c_mul(g, "fmul_denorm_inexact", DENMAX, dbl(1.5),
          comment="an inexact result in the denormal range")
    c_mul(g, "fmul_tiny_before_rounding", 0x3FEFFFFFFFFFFFFE, 0x0010000000000001,
          comment="(1-2^-52)(2^-1022)(1+2^-52) = 2^-1022 - 2^-1126: tiny before rounding (the ISA's\n"
                  "definition), rounds to 2^-1022: UX XX FI FR, result normal")
    c_mul(g, "fmul_denorm_input_to_normal", DEN1, P2(100), comment="denormal input, exact normal result")
    c_mul(g, "fmul_rc_underflow", DEN1, DEN1, rc=True, comment="Rc=1 after underflow: CR1 = 1000 (UX isn't in CR1)")

    # fmuls
    u23 = Fr(1, 2**23)
    c_mul(g, "fmuls_exact", dbl(1.5), dbl(-2.5), s=True, comment="-3.75")
    for rn in (RN, RZ, RP, RM):
        c_mul(g, "fmuls_inexact_pos_" + RN_NAMES[rn], dbl(1 + u23), dbl(1 + u23), s=True, f0=rn,
              comment="(1+2^-23)^2 = 1 + 2^-22 + 2^-46, rounded to single in each mode")
    c_mul(g, "fmuls_inexact_neg_rm", dbl(1 + u23), dbl(-1 - u23), s=True, f0=RM,
          comment="negative, toward -Inf: magnitude incremented")
    c_mul(g, "fmuls_overflow", P2(100), P2(100), s=True, comment="2^200 overflows single: +Inf, OX")
    c_mul(g, "fmuls_overflow_rz", P2(100), dbl(-(2**100)), s=True, f0=RZ,
          comment="-2^200 toward zero: -(single MAX)")
    c_mul(g, "fmuls_overflow_2p128", P2(64), P2(64), s=True, comment="2^128 is just past single range")
    c_mul(g, "fmuls_max", MAXS, ONE, s=True, comment="single MAX * 1 exact")
    c_mul(g, "fmuls_single_denorm_exact", P2(-100), P2(-40), s=True,
          comment="2^-140: exact single denormal (no UX); FPRF +denormal in single format")
    c_mul(g, "fmuls_single_underflow_to_denorm", P2(-100), dbl(Fr(3, 2**51)), s=True,
          comment="0.75 * 2^-149 rounds up to 2^-149: UX XX FI FR; single denormal")
    c_mul(g, "fmuls_single_underflow_to_zero", P2(-75), P2(-75), s=True,
          comment="2^-150 ties to +0 in single: UX XX FI")
    c_mul(g, "fmuls_single_underflow_to_zero_neg", P2(-75), neg(P2(-75)), s=True,
          comment="-2^-150 ties to -0")
    c_mul(g, "fmuls_single_tiny_before_rounding", dbl(1 - Fr(1, 2**23)), dbl(Fr(2)**-126 * (1 + u23)), s=True,
          comment="2^-126 (1-2^-23)(1+2^-23) = 2^-126 - 2^-172: tiny (before rounding), rounds to 2^-126: UX")
    c_mul(g, "fmuls_inf_zero", NINF, PZ, s=True, comment="VXIMZ")
    c_mul(g, "fmuls_snan_a", SAs, ONE, s=True, comment="VXSNAN, A quieted")
    c_mul(g, "fmuls_rc_overflow", P2(100), P2(100), s=True, rc=True, comment="CR1 1001")


# ========================================================================================
# fdiv, fdivs

def build_div():
    g = "div"
    for rn in (RN, RZ, RP, RM):
        c_div(g, "fdiv_one_third_" + RN_NAMES[rn], ONE, dbl(3), f0=rn, comment="1/3 in each mode")
        c_div(g, "fdiv_neg_two_thirds_" + RN_NAMES[rn], dbl(-2), dbl(3), f0=rn,
              comment="-2/3 in each mode")
    c_div(g, "fdiv_exact", dbl(7.5), dbl(-2.5), comment="7.5 / -2.5 = -3 exactly")
    c_div(g, "fdiv_rc_exact", dbl(1), dbl(4), rc=True, cr=0x01000000, comment="CR1 cleared")
    c_div(g, "fdiv_by_zero_zx", ONE, PZ, comment="1/+0 = +Inf: ZX, FR=FI=0, FPRF +Inf")
    c_div(g, "fdiv_neg_by_zero_zx", dbl(-3), PZ, comment="-3/+0 = -Inf: ZX")
    c_div(g, "fdiv_by_neg_zero_zx", ONE, NZ, comment="1/-0 = -Inf: ZX")
    c_div(g, "fdiv_denorm_by_zero_zx", DEN1, NZ, comment="denormal/-0 = -Inf: ZX")
    c_div(g, "fdiv_rc_zx", ONE, PZ, rc=True, comment="CR1 = 1000 (ZX is not in CR1)")
    c_div(g, "fdiv_zx_clears_fr_fi", ONE, PZ, f0=FX | XX | FR | FI,
          comment="zero divide clears FR and FI")
    c_div(g, "fdiv_zero_by_zero_vxzdz", PZ, NZ, comment="0/0: VXZDZ")
    c_div(g, "fdiv_inf_by_inf_vxidi", NINF, PINF, comment="Inf/Inf: VXIDI")
    c_div(g, "fdiv_rc_vxidi", PINF, PINF, rc=True, comment="CR1 1010")
    c_div(g, "fdiv_inf_by_zero", PINF, NZ, comment="Inf/-0 = -Inf, no exception (not ZX)")
    c_div(g, "fdiv_zero_by_inf", NZ, PINF, comment="-0/Inf = -0")
    c_div(g, "fdiv_finite_by_inf", dbl(5), NINF, comment="5/-Inf = -0")
    c_div(g, "fdiv_zero_by_finite", PZ, dbl(-5), comment="+0/-5 = -0")
    c_div(g, "fdiv_snan_by_zero", SA, PZ, comment="SNaN/0: VXSNAN only, quieted A")
    c_div(g, "fdiv_zero_by_qnan", PZ, QB, comment="0/QNaN = QNaN, nothing raised")
    c_div(g, "fdiv_qnan_a_before_b", QA, QB, comment="FRA first")
    c_div(g, "fdiv_overflow", MAXD, HALF, comment="MAX/0.5 overflows")
    c_div(g, "fdiv_overflow_rm", MAXD, HALF, f0=RM, comment="positive overflow toward -Inf: MAX")
    c_div(g, "fdiv_overflow_neg_rp", MAXD, dbl(-0.5), f0=RP, comment="negative overflow toward +Inf: -MAX")
    c_div(g, "fdiv_underflow_inexact", MIND, dbl(3), comment="2^-1022/3: tiny, inexact: UX")
    c_div(g, "fdiv_underflow_exact", MIND, dbl(4), comment="2^-1022/4: exact denormal, no UX")
    c_div(g, "fdiv_underflow_to_zero", DEN1, dbl(3), comment="2^-1074/3 rounds to +0: UX XX FI")
    c_div(g, "fdiv_underflow_to_zero_rp", DEN1, dbl(3), f0=RP, comment="toward +Inf: 2^-1074, FR")
    c_div(g, "fdiv_denorm_by_denorm", dbl(Fr(6, 2**1074)), dbl(Fr(3, 2**1074)), comment="= 2, exact")
    c_div(g, "fdiv_max_by_denorm", ONE, DEN1, comment="1/2^-1074 = 2^1074 overflows")
    # fdivs
    for rn in (RN, RZ, RP, RM):
        c_div(g, "fdivs_one_third_" + RN_NAMES[rn], ONE, dbl(3), s=True, f0=rn,
              comment="1/3 rounded to single in each mode")
    c_div(g, "fdivs_exact", dbl(9), dbl(-0.75), s=True, comment="-12 exactly")
    c_div(g, "fdivs_by_zero", neg(ONE), PZ, s=True, comment="ZX, -Inf")
    c_div(g, "fdivs_zero_by_zero", PZ, PZ, s=True, comment="VXZDZ")
    c_div(g, "fdivs_overflow", MAXS, HALF, s=True, comment="single overflow: OX")
    c_div(g, "fdivs_underflow_exact", MINS, P2(10), s=True,
          comment="2^-136: exact single denormal, no UX (FPRF single denormal)")
    c_div(g, "fdivs_underflow_inexact", MINS, dbl(3), s=True,
          comment="2^-126/3: single tiny and inexact: UX XX FI")
    c_div(g, "fdivs_rc_zx", ONE, NZ, s=True, rc=True, comment="CR1 1000")
    c_div(g, "fdivs_snan_b", ONE, SBs, s=True, comment="VXSNAN, B quieted")


# ========================================================================================
# fsqrt, fsqrts

def build_sqrt():
    g = "sqrt"
    c_sqrt(g, "fsqrt_exact", dbl(6.25), comment="sqrt(6.25) = 2.5")
    for rn in (RN, RZ, RP, RM):
        c_sqrt(g, "fsqrt_two_" + RN_NAMES[rn], TWO, f0=rn, comment="sqrt(2) in each mode")
        c_sqrt(g, "fsqrt_three_" + RN_NAMES[rn], dbl(3), f0=rn, comment="sqrt(3) in each mode")
    c_sqrt(g, "fsqrt_pz", PZ, comment="sqrt(+0) = +0")
    c_sqrt(g, "fsqrt_nz", NZ, comment="sqrt(-0) = -0, no exception")
    c_sqrt(g, "fsqrt_pinf", PINF, comment="sqrt(+Inf) = +Inf")
    c_sqrt(g, "fsqrt_ninf_vxsqrt", NINF, comment="sqrt(-Inf): VXSQRT, default QNaN")
    c_sqrt(g, "fsqrt_neg_vxsqrt", dbl(-4), comment="sqrt(-4): VXSQRT")
    c_sqrt(g, "fsqrt_neg_denorm_vxsqrt", neg(DEN1), comment="sqrt(-denormal): VXSQRT")
    c_sqrt(g, "fsqrt_rc_vxsqrt", dbl(-1), rc=True, comment="CR1 = 1010")
    c_sqrt(g, "fsqrt_qnan", QB, comment="QNaN (negative sign) propagates: no VXSQRT")
    c_sqrt(g, "fsqrt_snan", SB, comment="SNaN: VXSNAN only, quieted")
    c_sqrt(g, "fsqrt_denorm_exact", DEN1, comment="sqrt(2^-1074) = 2^-537 exactly")
    c_sqrt(g, "fsqrt_denorm_inexact", dbl(Fr(2, 2**1074)), comment="sqrt(2^-1073), inexact")
    c_sqrt(g, "fsqrt_max", MAXD, comment="sqrt(MAX), inexact")
    c_sqrt(g, "fsqrt_rc_inexact", TWO, rc=True, comment="CR1 = 1000")
    c_sqrt(g, "fsqrts_exact", dbl(0.25), s=True, comment="sqrt(0.25) = 0.5")
    for rn in (RN, RZ, RP, RM):
        c_sqrt(g, "fsqrts_two_" + RN_NAMES[rn], TWO, s=True, f0=rn,
               comment="sqrt(2) rounded to single in each mode")
    c_sqrt(g, "fsqrts_single_denorm_input", P2(-148), s=True, comment="sqrt(2^-148) = 2^-74 exactly")
    c_sqrt(g, "fsqrts_max", MAXS, s=True, comment="sqrt(single MAX), inexact")
    c_sqrt(g, "fsqrts_neg", dbl(-2), s=True, comment="VXSQRT")
    c_sqrt(g, "fsqrts_nz", NZ, s=True, comment="-0")
    c_sqrt(g, "fsqrts_snan", SAs, s=True, comment="VXSNAN")
    c_sqrt(g, "fsqrts_rc_inexact", dbl(3), s=True, rc=True, cr=0x0F0F0F0F, comment="CR1 1000")
