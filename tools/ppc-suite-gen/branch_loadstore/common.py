import os
OUT = os.environ.get("OXENON_SUITE_OUT", "tests/ppc")
MASK64 = (1 << 64) - 1

HEADER_QEMU = """# {title}
#
# Expected values are derived from the PowerPC ISA, Book I, and verified under qemu-ppc64
# with `oxenon ppc-test --backend qemu`.
# ISA reference: {section}.
{extra}"""

class File:
    def __init__(self, name, title, section, extra=""):
        self.name = name
        extra_text = "".join("# " + l + "\n" if l else "#\n" for l in extra.splitlines()) if extra else ""
        if extra_text:
            extra_text = "#\n" + extra_text
        self.parts = [HEADER_QEMU.format(title=title, section=section, extra=extra_text)]
        self.names = set()
        self.count = 0

    def test(self, name, body, ins=(), outs=(), comment=None):
        assert name.startswith("test_"), name
        assert name not in self.names, name
        self.names.add(name)
        self.count += 1
        lines = []
        if comment:
            for c in comment.splitlines():
                lines.append("# " + c)
        lines.append(f"{name}:")
        for i in ins:
            lines.append(f"  #_ {i}")
        for b in body.strip("\n").splitlines():
            b = b.strip()
            if not b:
                continue
            if b.endswith(":") or (":" in b and b.split(":")[0].isdigit()):
                lines.append(b if b.split(":")[0].isdigit() else b)
            else:
                lines.append("  " + b)
        for o in outs:
            lines.append(f"  #_ {o}")
        self.parts.append("\n".join(lines) + "\n")

    def write(self):
        path = os.path.join(OUT, self.name)
        with open(path, "w") as f:
            f.write("\n".join(self.parts))
        print(f"{self.name}: {self.count} tests")

def h64(v):
    return f"0x{v & MASK64:016X}"

def h32(v):
    return f"0x{v & 0xFFFFFFFF:08X}"

def membytes(bs):
    return " ".join(f"{b:02X}" for b in bs)
