"""A direct transliteration of the PowerPC ISA Book I pseudo-code for the fixed-point
(integer) instructions and the user-level system instructions, used to compute expected
values for the test files. Written from the ISA text, independently of Oxenon's interpreter.

Undefined results are modelled with "poison": every undefined bit is filled from one of
several patterns, the program is run once per pattern, and any output that differs between
runs is undefined (the generator refuses to emit it unless told to skip it).
"""

import re

M64 = (1 << 64) - 1
M32 = 0xFFFFFFFF
SCRATCH = 0x10001000
SCRATCH_SIZE = 0xF000

XER_SO = 0x80000000
XER_OV = 0x40000000
XER_CA = 0x20000000

POISONS = [0, M64, 0x123456789ABCDEF0, 0x8000000000000001]


def s64(x):
    x &= M64
    return x - (1 << 64) if x >> 63 else x


def s32(x):
    x &= M32
    return x - (1 << 32) if x >> 31 else x


def exts(v, bits):
    v &= (1 << bits) - 1
    if v >> (bits - 1):
        v -= 1 << bits
    return v & M64


def MASK(mb, me):
    """Ones from IBM bit mb to IBM bit me (bit 0 = MSB of 64), wrapping when mb > me."""
    m = 0
    for i in range(64):
        if (mb <= me and mb <= i <= me) or (mb > me and (i >= mb or i <= me)):
            m |= 1 << (63 - i)
    return m


def ROTL64(x, n):
    n %= 64
    x &= M64
    return ((x << n) | (x >> (64 - n))) & M64 if n else x


def ROTL32(x, n):
    w = x & M32
    return ROTL64((w << 32) | w, n)


def bit(x, i, width=64):
    """IBM bit i of a width-bit value."""
    return (x >> (width - 1 - i)) & 1


class Undefined(Exception):
    pass


class State:
    def __init__(self, inputs, poison, mode64=True):
        self.gpr = [0] * 32
        self.gpr[1] = 0x7FFFFF00
        self.cr = 0
        self.so = self.ov = self.ca = 0
        self.bc = 0
        self.ctr = 0
        self.lr = 0xBCBCBCBC
        self.vrsave = 0
        self.mode64 = mode64
        self.mem = bytearray(SCRATCH_SIZE)
        self.poison = poison
        self.written = []  # registers written, in order
        for k, v in inputs.items():
            self.set(k, v)

    # ---- register access -------------------------------------------------------------
    def set(self, name, v):
        if name.startswith('r'):
            self.gpr[int(name[1:])] = v & M64
        elif name == 'cr':
            self.cr = v & M32
        elif name == 'xer':
            self.set_xer(v)
        elif name == 'ctr':
            self.ctr = v & M64
        elif name == 'msr':
            self.mode64 = bool(v >> 63)
        else:
            raise ValueError(name)

    def get(self, name):
        if name.startswith('r'):
            return self.gpr[int(name[1:])]
        if name == 'cr':
            return self.cr
        if name == 'xer':
            return self.xer()
        if name == 'ctr':
            return self.ctr
        if name == 'lr':
            return self.lr
        raise ValueError(name)

    def xer(self):
        return (self.so << 31) | (self.ov << 30) | (self.ca << 29) | (self.bc & 0x7F)

    def set_xer(self, v):
        # XER[32:63]: SO, OV, CA, reserved, byte count (57:63).
        self.so = (v >> 31) & 1
        self.ov = (v >> 30) & 1
        self.ca = (v >> 29) & 1
        self.bc = v & 0x7F

    def wr(self, r, v):
        self.gpr[r] = v & M64
        self.written.append('r%d' % r)

    def undef64(self):
        return POISONS[self.poison]

    def undef_hi(self, low32):
        """A result whose bits 0:31 are undefined and bits 32:63 are low32."""
        return (self.undef64() & 0xFFFFFFFF00000000) | (low32 & M32)

    # ---- CR --------------------------------------------------------------------------
    def set_crf(self, n, v):
        sh = 28 - 4 * n
        self.cr = (self.cr & ~(0xF << sh) & M32) | ((v & 0xF) << sh)

    def crf_compare(self, a, b):
        """LT GT EQ from a signed/unsigned comparison of Python ints, SO from XER."""
        c = 8 if a < b else 4 if a > b else 2
        return c | self.so

    def record(self, result):
        """CR0 from the result as the mode defines it (64 or low 32 bits, signed)."""
        v = s64(result) if self.mode64 else s32(result)
        self.set_crf(0, self.crf_compare(v, 0))

    def set_ov(self, ov):
        self.ov = ov
        if ov:
            self.so = 1

    # ---- carries -----------------------------------------------------------------------
    def add3(self, a, b, c):
        """a + b + c with CA and OV as the mode defines them."""
        total = (a + b + c) & M64
        if self.mode64:
            ca = int(a + b + c > M64)
            sv = s64(a) + s64(b) + c
            ov = int(not (-(1 << 63) <= sv < (1 << 63)))
        else:
            ca = int((a & M32) + (b & M32) + c > M32)
            sv = s32(a) + s32(b) + c
            ov = int(not (-(1 << 31) <= sv < (1 << 31)))
        return total, ca, ov


def parse_int(t):
    t = t.strip()
    neg = t.startswith('-')
    if neg:
        t = t[1:]
    v = int(t, 16) if t.lower().startswith('0x') else int(t)
    return -v if neg else v


def reg(t):
    t = t.strip()
    m = re.fullmatch(r'r(\d+)', t)
    if not m:
        raise ValueError('not a GPR: %r' % t)
    return int(m.group(1))


def crf(t):
    t = t.strip()
    m = re.fullmatch(r'cr(\d)', t)
    if m:
        return int(m.group(1))
    return parse_int(t)


XO_ARITH = {'add', 'addc', 'adde', 'addme', 'addze', 'subf', 'subfc', 'subfe', 'subfme',
            'subfze', 'neg', 'mullw', 'divw', 'divwu', 'mulld', 'divd', 'divdu'}
MULH = {'mulhw', 'mulhwu', 'mulhd', 'mulhdu'}
LOGIC = {'and', 'andc', 'or', 'orc', 'xor', 'nand', 'nor', 'eqv'}
UNARY = {'extsb', 'extsh', 'extsw', 'cntlzw', 'cntlzd'}
SHIFTS = {'slw', 'srw', 'sraw', 'sld', 'srd', 'srad'}
TRAP_TO = {'lgt': 1, 'llt': 2, 'eq': 4, 'lge': 5, 'lle': 6, 'gt': 8, 'ge': 12, 'lt': 16,
           'le': 20, 'ne': 24, 'u': 31}
NOPS = {'sync', 'hwsync', 'lwsync', 'ptesync', 'eieio', 'isync', 'nop'}
CACHE = {'dcbf', 'dcbst', 'dcbt', 'dcbtst', 'icbi'}


class Trapped(Exception):
    pass


def expand(mn, ops):
    """Extended mnemonics to their base forms (Book I, Appendix on extended mnemonics)."""
    rc = ''
    base = mn
    if base.endswith('.') and base not in ('andi.', 'andis.', 'addic.'):
        base, rc = base[:-1], '.'
    o = ops
    I = parse_int
    table = {
        'li': lambda: ('addi', [o[0], 'r0', o[1]]),
        'lis': lambda: ('addis', [o[0], 'r0', o[1]]),
        'subi': lambda: ('addi', [o[0], o[1], str(-I(o[2]))]),
        'subis': lambda: ('addis', [o[0], o[1], str(-I(o[2]))]),
        'subic': lambda: ('addic', [o[0], o[1], str(-I(o[2]))]),
        'sub': lambda: ('subf', [o[0], o[2], o[1]]),
        'subc': lambda: ('subfc', [o[0], o[2], o[1]]),
        'mr': lambda: ('or', [o[0], o[1], o[1]]),
        'not': lambda: ('nor', [o[0], o[1], o[1]]),
        'rotlwi': lambda: ('rlwinm', [o[0], o[1], o[2], '0', '31']),
        'rotrwi': lambda: ('rlwinm', [o[0], o[1], str(32 - I(o[2])), '0', '31']),
        'rotlw': lambda: ('rlwnm', [o[0], o[1], o[2], '0', '31']),
        'slwi': lambda: ('rlwinm', [o[0], o[1], o[2], '0', str(31 - I(o[2]))]),
        'srwi': lambda: ('rlwinm', [o[0], o[1], str(32 - I(o[2])), o[2], '31']),
        'clrlwi': lambda: ('rlwinm', [o[0], o[1], '0', o[2], '31']),
        'clrrwi': lambda: ('rlwinm', [o[0], o[1], '0', '0', str(31 - I(o[2]))]),
        'clrlslwi': lambda: ('rlwinm', [o[0], o[1], o[3], str(I(o[2]) - I(o[3])),
                                        str(31 - I(o[3]))]),
        'extlwi': lambda: ('rlwinm', [o[0], o[1], o[3], '0', str(I(o[2]) - 1)]),
        'extrwi': lambda: ('rlwinm', [o[0], o[1], str(I(o[3]) + I(o[2])), str(32 - I(o[2])),
                                      '31']),
        'inslwi': lambda: ('rlwimi', [o[0], o[1], str(32 - I(o[3])), o[3],
                                      str(I(o[3]) + I(o[2]) - 1)]),
        'insrwi': lambda: ('rlwimi', [o[0], o[1], str(32 - (I(o[3]) + I(o[2]))), o[3],
                                      str(I(o[3]) + I(o[2]) - 1)]),
        'rotldi': lambda: ('rldicl', [o[0], o[1], o[2], '0']),
        'rotrdi': lambda: ('rldicl', [o[0], o[1], str(64 - I(o[2])), '0']),
        'rotld': lambda: ('rldcl', [o[0], o[1], o[2], '0']),
        'sldi': lambda: ('rldicr', [o[0], o[1], o[2], str(63 - I(o[2]))]),
        'srdi': lambda: ('rldicl', [o[0], o[1], str(64 - I(o[2])), o[2]]),
        'clrldi': lambda: ('rldicl', [o[0], o[1], '0', o[2]]),
        'clrrdi': lambda: ('rldicr', [o[0], o[1], '0', str(63 - I(o[2]))]),
        'extldi': lambda: ('rldicr', [o[0], o[1], o[3], str(I(o[2]) - 1)]),
        'extrdi': lambda: ('rldicl', [o[0], o[1], str(I(o[3]) + I(o[2])), str(64 - I(o[2]))]),
        'insrdi': lambda: ('rldimi', [o[0], o[1], str(64 - (I(o[3]) + I(o[2]))), o[3]]),
        'clrlsldi': lambda: ('rldic', [o[0], o[1], o[3], str(I(o[2]) - I(o[3]))]),
        'cmpwi': lambda: ('cmpi', cmp_ops(o, 0)),
        'cmpdi': lambda: ('cmpi', cmp_ops(o, 1)),
        'cmpw': lambda: ('cmp', cmp_ops(o, 0)),
        'cmpd': lambda: ('cmp', cmp_ops(o, 1)),
        'cmplwi': lambda: ('cmpli', cmp_ops(o, 0)),
        'cmpldi': lambda: ('cmpli', cmp_ops(o, 1)),
        'cmplw': lambda: ('cmpl', cmp_ops(o, 0)),
        'cmpld': lambda: ('cmpl', cmp_ops(o, 1)),
        'mtxer': lambda: ('mtspr', ['1', o[0]]),
        'mtlr': lambda: ('mtspr', ['8', o[0]]),
        'mtctr': lambda: ('mtspr', ['9', o[0]]),
        'mtvrsave': lambda: ('mtspr', ['256', o[0]]),
        'mfxer': lambda: ('mfspr', [o[0], '1']),
        'mflr': lambda: ('mfspr', [o[0], '8']),
        'mfctr': lambda: ('mfspr', [o[0], '9']),
        'mfvrsave': lambda: ('mfspr', [o[0], '256']),
    }
    if base in table:
        nb, nops = table[base]()
        return nb + rc, nops
    return mn, ops


def cmp_ops(o, l):
    if len(o) == 3:
        return [o[0], str(l), o[1], o[2]]
    return ['cr0', str(l), o[0], o[1]]


def step(st, text):
    text = text.split('#')[0].strip()
    if not text:
        return
    parts = text.split(None, 1)
    mn = parts[0]
    ops = [x.strip() for x in parts[1].split(',')] if len(parts) > 1 else []
    mn, ops = expand(mn, ops)
    rc = mn.endswith('.') and mn not in ('andi.', 'andis.', 'addic.')
    base = mn[:-1] if rc else mn
    oe = False
    if base.endswith('o') and base[:-1] in XO_ARITH:
        base, oe = base[:-1], True
    g = st.gpr

    if base in ('addi', 'addis'):
        rt = reg(ops[0])
        ra = 0 if ops[1].strip() == '0' else reg(ops[1])
        imm = exts(parse_int(ops[2]), 16)
        if base == 'addis':
            imm = exts((parse_int(ops[2]) & 0xFFFF) << 16, 32)
        a = 0 if ra == 0 else g[ra]
        st.wr(rt, a + imm)
    elif base in ('addic', 'addic.'):
        rt, ra = reg(ops[0]), reg(ops[1])
        v, ca, _ = st.add3(g[ra], exts(parse_int(ops[2]), 16), 0)
        st.ca = ca
        st.wr(rt, v)
        if base == 'addic.':
            st.record(v)
    elif base == 'subfic':
        rt, ra = reg(ops[0]), reg(ops[1])
        v, ca, _ = st.add3(~g[ra] & M64, exts(parse_int(ops[2]), 16), 1)
        st.ca = ca
        st.wr(rt, v)
    elif base == 'mulli':
        rt, ra = reg(ops[0]), reg(ops[1])
        st.wr(rt, s64(g[ra]) * s64(exts(parse_int(ops[2]), 16)))
    elif base in XO_ARITH:
        rt, ra = reg(ops[0]), reg(ops[1])
        rb = reg(ops[2]) if len(ops) > 2 else None
        a = g[ra]
        b = g[rb] if rb is not None else None
        ov = 0
        if base in ('add', 'addc', 'adde', 'addme', 'addze', 'subf', 'subfc', 'subfe',
                    'subfme', 'subfze', 'neg'):
            na = ~a & M64
            x, y, c = {
                'add': (a, b, 0), 'addc': (a, b, 0), 'adde': (a, b, st.ca),
                'addme': (a, M64, st.ca), 'addze': (a, 0, st.ca),
                'subf': (na, b, 1), 'subfc': (na, b, 1), 'subfe': (na, b, st.ca),
                'subfme': (na, M64, st.ca), 'subfze': (na, 0, st.ca), 'neg': (na, 0, 1),
            }[base]
            v, ca, ov = st.add3(x, y, c)
            if base not in ('add', 'subf', 'neg'):
                st.ca = ca
        elif base == 'mullw':
            p = s32(a) * s32(b)
            v = p & M64
            ov = int(not (-(1 << 31) <= p < (1 << 31)))
        elif base == 'mulld':
            p = s64(a) * s64(b)
            v = p & M64
            ov = int(not (-(1 << 63) <= p < (1 << 63)))
        elif base == 'divw':
            n, d = s32(a), s32(b)
            if d == 0 or (n == -(1 << 31) and d == -1):
                v, ov = st.undef64(), 1
            else:
                q = abs(n) // abs(d) * (1 if (n < 0) == (d < 0) else -1)
                v = st.undef_hi(q)
        elif base == 'divwu':
            n, d = a & M32, b & M32
            if d == 0:
                v, ov = st.undef64(), 1
            else:
                v = st.undef_hi(n // d)
        elif base == 'divd':
            n, d = s64(a), s64(b)
            if d == 0 or (n == -(1 << 63) and d == -1):
                v, ov = st.undef64(), 1
            else:
                v = abs(n) // abs(d) * (1 if (n < 0) == (d < 0) else -1)
        elif base == 'divdu':
            if b == 0:
                v, ov = st.undef64(), 1
            else:
                v = a // b
        if oe:
            st.set_ov(ov)
        st.wr(rt, v)
        if rc:
            st.record(v & M64)
    elif base in MULH:
        rt, ra, rb = reg(ops[0]), reg(ops[1]), reg(ops[2])
        a, b = g[ra], g[rb]
        if base == 'mulhw':
            v = st.undef_hi((s32(a) * s32(b)) >> 32)
        elif base == 'mulhwu':
            v = st.undef_hi(((a & M32) * (b & M32)) >> 32)
        elif base == 'mulhd':
            v = (s64(a) * s64(b)) >> 64
        else:
            v = (a * b) >> 64
        st.wr(rt, v)
        if rc:
            st.record(v & M64)
    elif base in ('cmp', 'cmpi', 'cmpl', 'cmpli'):
        bf, l, ra = crf(ops[0]), parse_int(ops[1]), reg(ops[2])
        a = g[ra]
        if base == 'cmp':
            b = g[reg(ops[3])]
        elif base == 'cmpi':
            b = exts(parse_int(ops[3]), 16)
        elif base == 'cmpl':
            b = g[reg(ops[3])]
        else:
            b = parse_int(ops[3]) & 0xFFFF
        if base in ('cmp', 'cmpi'):
            x, y = (s64(a), s64(b)) if l else (s32(a), s32(b))
        else:
            x, y = (a, b) if l else (a & M32, b & M32)
        st.set_crf(bf, st.crf_compare(x, y))
    elif base in ('andi.', 'andis.', 'ori', 'oris', 'xori', 'xoris'):
        ra, rs = reg(ops[0]), reg(ops[1])
        u = parse_int(ops[2]) & 0xFFFF
        if base.endswith('is') or base == 'andis.':
            u <<= 16
        s = g[rs]
        v = {'andi.': s & u, 'andis.': s & u, 'ori': s | u, 'oris': s | u,
             'xori': s ^ u, 'xoris': s ^ u}[base]
        st.wr(ra, v)
        if base.startswith('and'):
            st.record(v)
    elif base in LOGIC:
        ra, rs, rb = reg(ops[0]), reg(ops[1]), reg(ops[2])
        s, b = g[rs], g[rb]
        v = {'and': s & b, 'andc': s & ~b, 'or': s | b, 'orc': s | ~b, 'xor': s ^ b,
             'nand': ~(s & b), 'nor': ~(s | b), 'eqv': ~(s ^ b)}[base] & M64
        st.wr(ra, v)
        if rc:
            st.record(v)
    elif base in UNARY:
        ra, rs = reg(ops[0]), reg(ops[1])
        s = g[rs]
        if base == 'extsb':
            v = exts(s, 8)
        elif base == 'extsh':
            v = exts(s, 16)
        elif base == 'extsw':
            v = exts(s, 32)
        elif base == 'cntlzw':
            v = 32 - (s & M32).bit_length()
        else:
            v = 64 - s.bit_length()
        st.wr(ra, v)
        if rc:
            st.record(v)
    elif base in ('rlwinm', 'rlwnm', 'rlwimi'):
        ra, rs = reg(ops[0]), reg(ops[1])
        if base == 'rlwnm':
            n = g[reg(ops[2])] & 31  # RB[59:63]
        else:
            n = parse_int(ops[2])
        mb, me = parse_int(ops[3]), parse_int(ops[4])
        r = ROTL32(g[rs], n)
        m = MASK(mb + 32, me + 32)
        if base == 'rlwimi':
            v = (r & m) | (g[ra] & ~m & M64)
        else:
            v = r & m
        st.wr(ra, v)
        if rc:
            st.record(v)
    elif base in ('rldicl', 'rldicr', 'rldic', 'rldimi', 'rldcl', 'rldcr'):
        ra, rs = reg(ops[0]), reg(ops[1])
        if base in ('rldcl', 'rldcr'):
            n = g[reg(ops[2])] & 63  # RB[58:63]
        else:
            n = parse_int(ops[2])
        b = parse_int(ops[3])
        r = ROTL64(g[rs], n)
        if base in ('rldicl', 'rldcl'):
            m = MASK(b, 63)
        elif base in ('rldicr', 'rldcr'):
            m = MASK(0, b)
        else:
            m = MASK(b, 63 - n)
        if base == 'rldimi':
            v = (r & m) | (g[ra] & ~m & M64)
        else:
            v = r & m
        st.wr(ra, v)
        if rc:
            st.record(v)
    elif base in SHIFTS or base in ('srawi', 'sradi'):
        ra, rs = reg(ops[0]), reg(ops[1])
        s = g[rs]
        if base in ('srawi', 'sradi'):
            cnt = parse_int(ops[2])
            big = False
        else:
            rbv = g[reg(ops[2])]
            if base in ('slw', 'srw', 'sraw'):
                cnt = rbv & 31           # RB[59:63]
                big = bool(bit(rbv, 58))  # RB[58]
            else:
                cnt = rbv & 63           # RB[58:63]
                big = bool(bit(rbv, 57))  # RB[57]
        if base == 'slw':
            r = ROTL32(s, cnt)
            m = 0 if big else MASK(32, 63 - cnt)
            v = r & m
        elif base == 'srw':
            r = ROTL32(s, 64 - cnt)
            m = 0 if big else MASK(cnt + 32, 63)
            v = r & m
        elif base in ('sraw', 'srawi'):
            r = ROTL32(s, 64 - cnt)
            m = 0 if big else MASK(cnt + 32, 63)
            sgn = bit(s, 32)
            v = (r & m) | ((M64 if sgn else 0) & ~m & M64)
            st.ca = int(sgn == 1 and ((r & ~m) & M32) != 0)
        elif base == 'sld':
            r = ROTL64(s, cnt)
            m = 0 if big else MASK(0, 63 - cnt)
            v = r & m
        elif base == 'srd':
            r = ROTL64(s, 64 - cnt)
            m = 0 if big else MASK(cnt, 63)
            v = r & m
        else:  # srad, sradi
            r = ROTL64(s, 64 - cnt)
            m = 0 if big else MASK(cnt, 63)
            sgn = bit(s, 0)
            v = (r & m) | ((M64 if sgn else 0) & ~m & M64)
            st.ca = int(sgn == 1 and (r & ~m & M64) != 0)
        st.wr(ra, v)
        if rc:
            st.record(v)
    elif base == 'mtspr':
        spr, rs = parse_int(ops[0]), reg(ops[1])
        v = g[rs]
        if spr == 1:
            st.set_xer(v)
        elif spr == 8:
            st.lr = v
        elif spr == 9:
            st.ctr = v
        elif spr == 256:
            st.vrsave = v & M32
        else:
            raise ValueError('spr %d' % spr)
    elif base == 'mfspr':
        rt, spr = reg(ops[0]), parse_int(ops[1])
        v = {1: st.xer(), 8: st.lr, 9: st.ctr, 256: st.vrsave}[spr]
        st.wr(rt, v)
    elif base == 'mfcr':
        st.wr(reg(ops[0]), st.cr)
    elif base in NOPS or base in CACHE:
        pass
    elif base in ('dcbz', 'dcbzl'):
        ra = 0 if ops[0].strip() == '0' else reg(ops[0])
        ea = ((0 if ra == 0 else g[ra]) + g[reg(ops[1])]) & M32  # 32-bit effective address
        size = 32 if base == 'dcbz' else 128
        ea &= ~(size - 1)
        off = ea - SCRATCH
        assert 0 <= off and off + size <= SCRATCH_SIZE, 'dcbz outside scratch'
        st.mem[off:off + size] = bytes(size)
    elif base[:2] in ('tw', 'td'):
        word = base[1] == 'w'
        rest = base[2:]
        imm = rest.endswith('i') and rest[:-1] in TRAP_TO or base in ('twi', 'tdi')
        if base in ('tw', 'td', 'twi', 'tdi'):
            to = parse_int(ops[0])
            ops = ops[1:]
        else:
            key = rest[:-1] if imm else rest
            to = TRAP_TO[key]
        a = g[reg(ops[0])]
        b = exts(parse_int(ops[1]), 16) if imm else g[reg(ops[1])]
        if word:
            sa, sb, ua, ub = s32(a), s32(b), a & M32, b & M32
        else:
            sa, sb, ua, ub = s64(a), s64(b), a, b
        if ((to & 16 and sa < sb) or (to & 8 and sa > sb) or (to & 4 and sa == sb)
                or (to & 2 and ua < ub) or (to & 1 and ua > ub)):
            raise Trapped(text)
    else:
        raise ValueError('model does not know %r' % text)


def run(code, inputs, mem_in, poison, mode64=True):
    st = State(inputs, poison, mode64)
    for addr, data in mem_in:
        st.mem[addr - SCRATCH:addr - SCRATCH + len(data)] = data
    for line in code:
        if line.strip() == 'blr':
            break
        step(st, line)
    return st
