//! Disassembly in GNU objdump syntax (`objdump -M cell`), driven by the table's operand lists.

use super::decode;

/// Disassembles `word` located at `pc`. Unknown encodings print as objdump does: `.long 0x...`.
pub fn disassemble(word: u32, pc: u32) -> String {
    let Some(d) = decode(word) else {
        return format!(".long 0x{word:x}");
    };
    if let Some(p) = d.def.printer {
        return p(d.def, d.insn, pc);
    }
    standard(d.def, d.insn, pc)
}

/// Mnemonic (with suffixes), padded as objdump pads it, then comma-separated operands.
pub fn standard(def: &super::InsnDef, insn: super::Insn, pc: u32) -> String {
    let mut out = def.full_mnemonic(insn);
    let mut first = true;
    for op in def.operands.iter().filter(|o| o.present(insn)) {
        if first {
            pad(&mut out);
            first = false;
        } else {
            out.push(',');
        }
        op.print(&mut out, insn, pc);
    }
    out
}

/// objdump separates mnemonic and operands with spaces up to column 8 (at least one).
pub fn pad(out: &mut String) {
    out.push(' ');
    while out.len() < 8 {
        out.push(' ');
    }
}
