"""Writes tests/ppc/*.s from the spec modules, computing expected values with model.py."""

import os
import sys
import textwrap
import model
from model import M64

OUT = os.environ.get('OXENON_SUITE_OUT', 'tests/ppc')


def fmt(regname, v):
    if regname in ('cr', 'xer'):
        return '0x%08X' % v
    return '0x%016X' % v


def order(name):
    if name.startswith('r'):
        return (0, int(name[1:]))
    return (1, ['ctr', 'lr', 'xer', 'cr'].index(name))


class Test:
    def __init__(self, name, code, ins=None, why='', out=None, skip=(), mem_in=(),
                 mem_out=(), extra_out=(), mode64=True, trap_ok=False):
        self.name = name
        self.code = [c.strip() for c in code.split(';')] if isinstance(code, str) else code
        self.ins = dict(ins or {})
        self.why = why
        self.out = out
        self.skip = set(skip)
        self.mem_in = list(mem_in)
        self.mem_out = list(mem_out)  # (addr, length) ranges to check
        self.extra_out = list(extra_out)
        self.mode64 = mode64

    def render(self):
        runs = []
        for p in range(len(model.POISONS)):
            runs.append(model.run(self.code, self.ins, self.mem_in, p, self.mode64))
        st = runs[0]
        if self.out is not None:
            outs = list(self.out)
        else:
            outs = []
            for r in st.written:
                if r not in outs:
                    outs.append(r)
            # Inputs the code reads are checked as well when it might clobber them.
            outs += ['xer', 'cr']
        outs += [r for r in self.extra_out if r not in outs]
        outs = [r for r in outs if r not in self.skip]
        outs.sort(key=order)
        lines = ['test_%s:' % self.name]
        if self.why:
            for w in textwrap.wrap(self.why, 92):
                lines.append('  # ' + w)
        if 'msr' in self.ins:
            self.mode64 = bool(self.ins['msr'] >> 63)
        lines.append('  #_ REGISTER_IN msr %s' % ('0x8000000000000000' if self.mode64 else '0'))
        for k, v in self.ins.items():
            if k == 'msr':
                continue
            lines.append('  #_ REGISTER_IN %s %s' % (k, fmt(k, v & M64)))
        for addr, data in self.mem_in:
            for i in range(0, len(data), 16):
                lines.append('  #_ MEMORY_IN %08X %s' %
                             (addr + i, ' '.join('%02X' % b for b in data[i:i + 16])))
        for c in self.code:
            lines.append('  ' + c)
        if not self.code or self.code[-1] != 'blr':
            lines.append('  blr')
        for r in outs:
            vals = {x.get(r) for x in runs}
            if len(vals) != 1:
                raise SystemExit('%s: %s is undefined (%s); skip it' % (self.name, r, vals))
            lines.append('  #_ REGISTER_OUT %s %s' % (r, fmt(r, st.get(r))))
        for addr, n in self.mem_out:
            data = st.mem[addr - model.SCRATCH:addr - model.SCRATCH + n]
            for x in runs:
                assert x.mem == st.mem
            for i in range(0, n, 16):
                chunk = data[i:i + 16]
                lines.append('  #_ MEMORY_OUT %08X %s' %
                             (addr + i, ' '.join('%02X' % b for b in chunk)))
        return '\n'.join(lines) + '\n'


def write(fname, header, tests):
    names = set()
    for t in tests:
        assert t.name not in names, t.name
        names.add(t.name)
    body = '\n'.join(t.render() for t in tests)
    head = ''.join('# ' + l + '\n' if l else '#\n' for l in header.strip('\n').split('\n'))
    with open(os.path.join(OUT, fname), 'w') as f:
        f.write(head + '\n' + body)
    print('%-32s %4d tests' % (fname, len(tests)))
    return len(tests)


PROVENANCE_QEMU = """
Expected values are derived from the PowerPC ISA, Book I (the instruction's pseudo-code and
the XER/CR0 rules of its chapter), and verified under qemu-ppc64 with
`oxenon ppc-test --backend qemu`. They never come from Oxenon's interpreter.
Every test sets msr 0x8000000000000000: 64-bit mode (MSR[SF]=1), the mode qemu-ppc64 runs in.
So CA and OV describe the 64-bit result and CR0 compares the whole doubleword, even for word
instructions; integer_mode32.s covers 32-bit mode. Results the ISA leaves undefined (the high
word of mulhw/divw, divides by zero, CR0 of those) are never checked.
"""


class Raw:
    """A hand-written test, for code the model cannot run (branches, the time base)."""

    def __init__(self, name, text):
        self.name = name
        self.text = text

    def render(self):
        return textwrap.dedent(self.text).strip('\n') + '\n'
