import sys
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
M = MASK64
FG = 0x7FF7DEADBEEF0001  # garbage in FRT before a load (an SNaN pattern)

def s2d(w):
    """Book I 4.6.2 Floating-Point Load: single-format WORD -> double-format FRT."""
    b = lambda i: (w >> (31 - i)) & 1       # WORD[i]
    exp = (w >> 23) & 0xFF
    frac = w & 0x7FFFFF
    if 0 < exp < 255 or exp == 255:
        w01 = w >> 30
        w1 = b(1)
        mid = (1 - w1) * 0b111 if exp != 255 else w1 * 0b111
        if exp != 255 and exp != 0:
            mid = 0b111 * (1 - w1)
        return (w01 << 62) | (mid << 59) | ((w & 0x3FFFFFFF) << 29)
    if frac == 0:
        return (w >> 31) << 63
    # Denormalized operand: sign, exp = -126, normalize.
    sign = w >> 31
    e = -126
    fr = frac << 29  # FRT[12:63] <- WORD[9:31] || 29 zeros, with an implicit 0 leading bit
    # value = 0.frac * 2^-126; normalize until the leading bit (bit 52) is set
    while not (fr >> 52) & 1:
        fr <<= 1
        e -= 1
    return (sign << 63) | ((e + 1023) << 52) | (fr & ((1 << 52) - 1))

def d2s(d):
    """Book I 4.6.3 Floating-Point Store: double-format FRS -> single WORD."""
    exp = (d >> 52) & 0x7FF
    if exp > 896 or (d & ((1 << 63) - 1)) == 0:
        return ((d >> 62) << 30) | ((d >> 29) & 0x3FFFFFFF)
    assert 874 <= exp <= 896, hex(d)
    sign = d >> 63
    e = exp - 1023
    frac = (1 << 52) | (d & ((1 << 52) - 1))
    while e < -126:
        frac >>= 1
        e += 1
    return (sign << 31) | ((frac >> 29) & 0x7FFFFF)

# Sanity checks against independently known values.
assert s2d(0x3F800000) == 0x3FF0000000000000
assert s2d(0x00000001) == 0x36A0000000000000
assert s2d(0x7F800001) == 0x7FF0000020000000
assert s2d(0xFF800000) == 0xFFF0000000000000
assert s2d(0x80000000) == 0x8000000000000000
assert s2d(0x00800000) == 0x3810000000000000
assert d2s(0x37D0000000000000) == 0x00080000
assert d2s(0x3FF0000000000000) == 0x3F800000

SINGLES = [
    (0x3F800000, "one"), (0xC0200000, "minus_2_5"), (0x7F7FFFFF, "max_normal"), (0x00800000, "min_normal"),
    (0x80800000, "minus_min_normal"), (0x00000001, "min_denormal"), (0x00400000, "denormal_2p_127"),
    (0x007FFFFF, "max_denormal"), (0x80000003, "negative_denormal"), (0x00012345, "denormal_pattern"),
    (0x00000000, "plus_zero"), (0x80000000, "minus_zero"), (0x7F800000, "plus_inf"), (0xFF800000, "minus_inf"),
    (0x7FC00000, "qnan"), (0xFFC12345, "negative_qnan_payload"), (0x7F800001, "snan"), (0xFFBFFFFF, "negative_snan"),
    (0x3EAAAAAB, "one_third"), (0x4B000001, "2p23_plus_1"),
]
SINGLE_FORMS = ["lfs", "lfsx", "lfsu", "lfsux"]

SEC_FPLS = "Book I 4.6.2-4.6.3 (Floating-Point Load and Store Instructions) and 4.3.3 (data formats)"

def fp_mem_test(f, name, mn, frt, data, regs, ea, fin, fout, comment=None, update=False, ra=4, rb=5, d=0,
                mem_out=None, xform=False):
    if xform:
        asm = f"{mn} f{frt}, {'r%d' % ra if ra else '0'}, r{rb}"
    else:
        asm = f"{mn} f{frt}, {d}(r{ra})"
    ins = [f"REGISTER_IN r{r} {h64(v)}" for r, v in sorted(regs.items())]
    ins.append(f"REGISTER_IN f{frt} {h64(fin)}")
    ins.append(f"MEMORY_IN {ea:08x} {membytes(data)}")
    outs = []
    if fout is not None:
        outs.append(f"REGISTER_OUT f{frt} {h64(fout)}")
    if mem_out is not None:
        outs.append(f"MEMORY_OUT {ea:08x} {membytes(mem_out)}")
    for r, v in sorted(regs.items()):
        outs.append(f"REGISTER_OUT r{r} {h64(ea if (update and r == ra) else v)}")
    outs.append("REGISTER_OUT fpscr 0")
    f.test(name, f"{asm}\nblr\n", ins=ins, outs=outs, comment=comment)

def form_args(mn, k):
    """Base registers and displacement for the k-th test of a form."""
    base = 0x10001100 + 0x40 * k
    if mn.endswith("x"):
        if mn.endswith("ux"):
            return dict(regs={4: base - 0x100, 5: 0x100}, ea=base, update=True, xform=True)
        if k % 3 == 2:
            return dict(regs={5: base}, ea=base, ra=0, xform=True)
        return dict(regs={4: base + 0x20, 5: (-0x20) & M}, ea=base, xform=True)
    if mn.endswith("u"):
        return dict(regs={4: base + 0x18}, ea=base, update=True, d=-0x18)
    return dict(regs={4: base - 0x30}, ea=base, d=0x30)

# ---------------------------------------------------------------- load_fp_single.s
f = File("load_fp_single.s", "Floating-point single loads: lfs, lfsu, lfsx, lfsux.", SEC_FPLS,
         "The word is converted to double format exactly: single denormals become normal doubles,\n"
         "infinities stay infinities and NaNs keep their payload and stay signalling or quiet (no\n"
         "quieting, no FPSCR change). FRT starts with garbage. Update forms check RA = EA.")
for k, (w, tag) in enumerate(SINGLES):
    for j, mn in enumerate(SINGLE_FORMS):
        if (k + j) % 2 and tag not in ("snan", "min_denormal", "max_denormal", "negative_snan", "qnan"):
            continue
        a = form_args(mn, k)
        fp_mem_test(f, f"test_{mn}_{tag}", mn, 1 + (k % 31), list(w.to_bytes(4, "big")),
                    a["regs"], a["ea"], FG, s2d(w), update=a.get("update", False), ra=a.get("ra", 4),
                    d=a.get("d", 0), xform=a.get("xform", False))
fp_mem_test(f, "test_lfs_min_displacement_f31", "lfs", 31, [0x40, 0x49, 0x0F, 0xDB], {4: 0x10009100}, 0x10001100,
            FG, s2d(0x40490FDB), d=-0x8000)
fp_mem_test(f, "test_lfs_max_displacement_f0", "lfs", 0, [0xC2, 0xF6, 0xE9, 0x79], {4: 0x10001000}, 0x10008FFC,
            FG, s2d(0xC2F6E979), d=0x7FFC)
fp_mem_test(f, "test_lfsux_rb_r0_is_a_register", "lfsux", 2, [0x3F, 0xC0, 0, 0], {0: 0x30, 7: 0x10001F00},
            0x10001F30, FG, s2d(0x3FC00000), update=True, ra=7, rb=0, xform=True,
            comment="RB = r0 reads r0; RA = r7 receives the EA.")
f.test("test_lfs_then_stfs_round_trips_denormal_and_snan", """
lfs f1, 0(r4)
lfs f2, 4(r4)
stfs f1, 8(r4)
stfs f2, 12(r4)
blr
""", ins=["REGISTER_IN r4 0x0000000010001000", "MEMORY_IN 10001000 80 01 23 45 7F 80 00 01"],
       outs=[f"REGISTER_OUT f1 {h64(s2d(0x80012345))}", f"REGISTER_OUT f2 {h64(s2d(0x7F800001))}",
             "MEMORY_OUT 10001000 80 01 23 45 7F 80 00 01 80 01 23 45 7F 80 00 01", "REGISTER_OUT fpscr 0"],
       comment="A single-format value survives lfs then stfs bit for bit.")
f.write()

# ---------------------------------------------------------------- load_fp_double.s
DOUBLES = [
    (0x3FF0000000000000, "one"), (0xC00921FB54442D18, "minus_pi"), (0x7FEFFFFFFFFFFFFF, "max_normal"),
    (0x0000000000000001, "min_denormal"), (0x800FFFFFFFFFFFFF, "negative_max_denormal"),
    (0x8000000000000000, "minus_zero"), (0x7FF0000000000000, "plus_inf"), (0xFFF0000000000000, "minus_inf"),
    (0x7FF8000000000000, "qnan"), (0x7FF0000000000001, "snan"), (0xFFF7FFFFFFFFFFFF, "negative_snan"),
    (0x0123456789ABCDEF, "bit_pattern"),
]
f = File("load_fp_double.s", "Floating-point double loads: lfd, lfdu, lfdx, lfdux.", SEC_FPLS,
         "The doubleword is copied into FRT unchanged: denormals, infinities and NaNs (signalling\n"
         "ones included) keep every bit, and FPSCR is untouched. Update forms check RA = EA.")
for k, (d, tag) in enumerate(DOUBLES):
    for mn in ("lfd", "lfdx", "lfdu", "lfdux"):
        a = form_args(mn, k)
        fp_mem_test(f, f"test_{mn}_{tag}", mn, 31 - (k % 30), list(d.to_bytes(8, "big")),
                    a["regs"], a["ea"], FG ^ 0xFF, d, update=a.get("update", False), ra=a.get("ra", 4),
                    d=a.get("d", 0), xform=a.get("xform", False))
fp_mem_test(f, "test_lfd_min_displacement", "lfd", 0, list(range(0x40, 0x48)), {4: 0x10009100}, 0x10001100,
            FG, 0x4041424344454647, d=-0x8000)
fp_mem_test(f, "test_lfd_max_displacement", "lfd", 9, list(range(0xC0, 0xC8)), {4: 0x10001000}, 0x10008FF8,
            FG, 0xC0C1C2C3C4C5C6C7, d=0x7FF8)
fp_mem_test(f, "test_lfdx_ra0_uses_zero", "lfdx", 3, [0x3F, 0xE0, 0, 0, 0, 0, 0, 0], {5: 0x10003000},
            0x10003000, FG, 0x3FE0000000000000, ra=0, xform=True, comment="RA = 0: EA = (RB).")
f.write()

# ---------------------------------------------------------------- store_fp_single.s
STORE_SINGLES = [
    (0x3FF0000000000000, "one"), (0xC004000000000000, "minus_2_5"),
    (0x3FF000001FFFFFFF, "truncates_not_rounds"), (0x3FF0000020000000, "last_fraction_bit"),
    (0xBFF7FFFFFFFFFFFF, "negative_truncates_toward_zero"),
    (0x47EFFFFFE0000000, "single_max"), (0x3810000000000000, "single_min_normal_2p_126"),
    (0x3800000000000000, "denormal_2p_127"), (0x380C000000000000, "denormal_1_75_2p_127"),
    (0x37D0000000000000, "denormal_2p_130"), (0xB7D0000000000000, "negative_denormal_2p_130"),
    (0x36A0000000000000, "denormal_2p_149"), (0x36AFFFFFFFFFFFFF, "denormal_just_below_2p_148"),
    (0x380FFFFFC0000000, "max_single_denormal"), (0x37FFFFFFFFFFFFFF, "denormal_truncates"),
    (0x0000000000000000, "plus_zero"), (0x8000000000000000, "minus_zero"),
    (0x7FF0000000000000, "plus_inf"), (0xFFF0000000000000, "minus_inf"),
    (0x7FF8000000000000, "qnan"), (0xFFF82468A0000000, "negative_qnan_payload"),
    (0x7FF0000020000000, "snan"), (0x7FF0000000000001, "snan_low_bits_only"),
    (0x3FD5555555555555, "one_third"),
]
SINGLE_SFORMS = ["stfs", "stfsx", "stfsu", "stfsux"]
f = File("store_fp_single.s", "Floating-point single stores: stfs, stfsu, stfsx, stfsux.", SEC_FPLS,
         "The ISA's store conversion, not an IEEE rounding: for exponents above 896 (and zero)\n"
         "the word is FRS[0:1] || FRS[5:34], the fraction truncated; for exponents 874..896 the\n"
         "value is denormalized by shifting, again truncating. NaNs keep their high fraction bits\n"
         "(an SNaN stays signalling; one whose payload is only in the low bits becomes an\n"
         "infinity pattern), and FPSCR never changes. Exponents below 874 (undefined) and values\n"
         "beyond the single range are not tested. Bytes around the word (0xEE) must stay.")

def fp_store_test(name, mn, frs, d, size, conv, k, comment=None):
    a = form_args(mn, k)
    ea = a["ea"]
    word = conv(d)
    data = list(word.to_bytes(size, "big"))
    regs = a["regs"]
    ra = a.get("ra", 4)
    update = a.get("update", False)
    if a.get("xform"):
        asm = f"{mn} f{frs}, {'r%d' % ra if ra else '0'}, r5"
    else:
        asm = f"{mn} f{frs}, {a.get('d', 0)}(r{ra})"
    ins = [f"REGISTER_IN r{r} {h64(v)}" for r, v in sorted(regs.items())]
    ins.append(f"REGISTER_IN f{frs} {h64(d)}")
    ins.append(f"MEMORY_IN {ea - 2:08x} {membytes([0xEE] * (size + 4))}")
    outs = [f"MEMORY_OUT {ea - 2:08x} {membytes([0xEE] * 2 + data + [0xEE] * 2)}",
            f"REGISTER_OUT f{frs} {h64(d)}", "REGISTER_OUT fpscr 0"]
    for r, v in sorted(regs.items()):
        outs.append(f"REGISTER_OUT r{r} {h64(ea if (update and r == ra) else v)}")
    f.test(name, f"{asm}\nblr\n", ins=ins, outs=outs, comment=comment)

for k, (d, tag) in enumerate(STORE_SINGLES):
    for j, mn in enumerate(SINGLE_SFORMS):
        if (k + j) % 2 and not tag.startswith(("denormal", "snan", "qnan", "truncates")):
            continue
        fp_store_test(f"test_{mn}_{tag}", mn, 1 + (k * 3) % 31, d, 4, d2s, k)
f.write()

# ---------------------------------------------------------------- store_fp_double.s
f = File("store_fp_double.s", "Floating-point double stores: stfd, stfdu, stfdx, stfdux; and stfiwx.", SEC_FPLS,
         "stfd stores FRS unchanged (NaNs and denormals included); stfiwx stores the low word of\n"
         "FRS, whatever it holds. FPSCR never changes. Bytes around the target (0xEE) must stay.")
for k, (d, tag) in enumerate(DOUBLES):
    for mn in ("stfd", "stfdx", "stfdu", "stfdux"):
        fp_store_test(f"test_{mn}_{tag}", mn, (k * 5) % 32, d, 8, lambda x: x, k)
for k, (d, tag) in enumerate([(0xFFF8000080000000, "fctiwz_result_int_min"), (0x0000000012345678, "low_word"),
                              (0x7FF0000000000001, "snan"), (0xFFFFFFFFFFFFFFFF, "all_ones"),
                              (0x3FF0000000000000, "one_low_word_zero"), (0x400921FB54442D18, "pi_low_word")]):
    fp_store_test(f"test_stfiwx_{tag}", "stfiwx", k + 1, d, 4, lambda x: x & 0xFFFFFFFF, k,
                  comment="Stores FRS[32:63]." if k == 0 else None)
f.test("test_stfiwx_ra0_uses_zero", """
stfiwx f7, 0, r5
blr
""", ins=["REGISTER_IN r5 0x0000000010004000", "REGISTER_IN f7 0x123456789ABCDEF0",
          "MEMORY_IN 10004000 EE EE EE EE EE EE"],
       outs=["MEMORY_OUT 10004000 9A BC DE F0 EE EE"], comment="RA = 0: EA = (RB).")
f.write()
