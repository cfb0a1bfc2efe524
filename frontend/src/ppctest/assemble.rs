//! Assembling a test file with GNU as, and reading the object it produces.
//!
//! GNU as does not know the Xenon-only instructions (VMX128, lvlx and friends). Rather than
//! guess which lines those are, the file is assembled as written; each line as rejects with
//! "unrecognized opcode" is re-encoded by Oxenon's own assembler as a `.long`, and the file
//! is assembled again. Line numbers never move, so every message maps back to the source.

use super::parse::{split_labels, strip_comment};
use super::tools::{Tool, AS32, AS64};
use super::FileDiagnostics;
use anyhow::{bail, Context, Result};
use object::{Object, ObjectSection, ObjectSymbol, RelocationTarget};
use oxenon_jit::isa::AsmError;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Flags shared by both word sizes: big-endian, `r3`-style register names, and every
/// instruction family the Xenon has that binutils knows (POWER7 is a superset of its
/// base ISA, plus AltiVec and VSX encodings).
const COMMON_FLAGS: &[&str] = &["-be", "-mregnames", "-mpower7", "-maltivec", "-mvsx"];

/// Enough rounds for the rewrite to converge: as reports every unknown opcode in one pass.
const MAX_ROUNDS: usize = 3;

pub struct Assembler {
    path: PathBuf,
    word_flag: &'static str,
}

/// One line of as's diagnostics, with the source line it names if any.
pub struct AsMessage {
    pub line: Option<usize>,
    pub text: String,
}

/// What as made of a source: the object on success, its messages either way.
pub struct AsOutput {
    pub object: Option<Vec<u8>>,
    pub messages: Vec<AsMessage>,
}

impl Assembler {
    /// The assembler for Oxenon's own backends (32-bit object, as the Xenon code model).
    pub fn for_xenon() -> Result<Assembler> {
        Self::find(&AS32, "-a32")
    }

    /// The assembler for code that qemu-ppc64 runs.
    pub fn for_ppc64() -> Result<Assembler> {
        Self::find(&AS64, "-a64")
    }

    fn find(tool: &Tool, word_flag: &'static str) -> Result<Assembler> {
        Ok(Assembler {
            path: tool.find()?,
            word_flag,
        })
    }

    /// Assembles `source` as `dir/stem.s` into `dir/stem.o`; `include` is searched by
    /// `.include` (the directory of the user's file, since as runs elsewhere).
    pub fn run(
        &self,
        dir: &Path,
        stem: &str,
        source: &str,
        include: Option<&Path>,
    ) -> Result<AsOutput> {
        let src_name = format!("{stem}.s");
        let obj_name = format!("{stem}.o");
        std::fs::write(dir.join(&src_name), source)
            .with_context(|| format!("cannot write {}", dir.join(&src_name).display()))?;
        let _ = std::fs::remove_file(dir.join(&obj_name));
        let mut cmd = Command::new(&self.path);
        if let Some(inc) = include {
            cmd.arg("-I").arg(inc);
        }
        let out = cmd
            .current_dir(dir)
            .arg(self.word_flag)
            .args(COMMON_FLAGS)
            .arg("-o")
            .arg(&obj_name)
            .arg(&src_name)
            .output()
            .with_context(|| format!("cannot run {}", self.path.display()))?;
        let messages = parse_messages(&String::from_utf8_lossy(&out.stderr), &src_name);
        let object = if out.status.success() {
            Some(
                std::fs::read(dir.join(&obj_name))
                    .with_context(|| format!("{} wrote no object", self.path.display()))?,
            )
        } else {
            None
        };
        Ok(AsOutput { object, messages })
    }
}

/// Splits as's stderr into messages, recognising `NAME:LINE: text`.
fn parse_messages(stderr: &str, src_name: &str) -> Vec<AsMessage> {
    let prefix = format!("{src_name}:");
    stderr
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.ends_with("Assembler messages:"))
        .map(|l| {
            if let Some(rest) = l.strip_prefix(&prefix) {
                if let Some((num, text)) = rest.split_once(':') {
                    if let Ok(line) = num.parse() {
                        return AsMessage {
                            line: Some(line),
                            text: text.trim().to_owned(),
                        };
                    }
                }
                return AsMessage {
                    line: None,
                    text: rest.trim().to_owned(),
                };
            }
            AsMessage {
                line: None,
                text: l.trim().to_owned(),
            }
        })
        .collect()
}

/// Renders a message against the user's file name.
pub fn show_message(file_name: &str, m: &AsMessage) -> String {
    match m.line {
        Some(line) => format!("{file_name}:{line}: {}", m.text),
        None => format!("{file_name}: {}", m.text),
    }
}

/// The mnemonic of an "unrecognized opcode" error.
fn unrecognized_opcode(text: &str) -> Option<&str> {
    let rest = text.split_once("unrecognized opcode: `")?.1;
    Some(rest.split_once('\'').map_or(rest, |(m, _)| m))
}

/// A file assembled for Oxenon's backends.
pub struct Assembled {
    /// Where `.include` looks, for every later assembly of `source`.
    pub include: Option<PathBuf>,
    /// The source with Xenon-only lines replaced by `.long`; every backend assembles this.
    pub source: String,
    /// Contents of `.text`, loaded at `CODE_BASE`.
    pub text: Vec<u8>,
    /// Offsets within `.text` of the labels defined there.
    pub labels: HashMap<String, u64>,
    /// Lines that were re-encoded, with the mnemonic as did not know.
    pub rewritten: BTreeMap<usize, String>,
}

/// Assembles `source`, re-encoding Xenon-only lines, and reads the result.
pub fn assemble(
    asm: &Assembler,
    dir: &Path,
    file_name: &str,
    source: &str,
    include: Option<&Path>,
) -> Result<Assembled> {
    let mut lines: Vec<String> = source.lines().map(str::to_owned).collect();
    let mut rewritten = BTreeMap::new();
    for _ in 0..MAX_ROUNDS {
        let text = lines.join("\n") + "\n";
        let out = asm.run(dir, "test", &text, include)?;
        if let Some(object) = out.object {
            for m in &out.messages {
                tracing::warn!("{}", show_message(file_name, m));
            }
            let (text_bytes, labels) = read_object(&object, file_name)?;
            return Ok(Assembled {
                include: include.map(Path::to_path_buf),
                source: text,
                text: text_bytes,
                labels,
                rewritten,
            });
        }
        let mut diagnostics = Vec::new();
        let mut progress = false;
        for m in &out.messages {
            let target = m
                .line
                .zip(unrecognized_opcode(&m.text))
                .filter(|(line, _)| *line >= 1 && *line <= lines.len());
            if let Some((line, mnemonic)) = target {
                match rewrite_line(&lines[line - 1], mnemonic) {
                    Ok(Some(new)) => {
                        tracing::debug!("{file_name}:{line}: encoded `{mnemonic}` as {new}");
                        lines[line - 1] = new;
                        rewritten.insert(line, mnemonic.to_owned());
                        progress = true;
                        continue;
                    }
                    Ok(None) | Err(AsmError::UnknownMnemonic(_)) => {}
                    Err(reason) => {
                        diagnostics.push(format!(
                            "{file_name}:{line}: Error: GNU as does not know `{mnemonic}`, and \
                             Oxenon's encoder could not encode it either: {reason}"
                        ));
                        continue;
                    }
                }
            }
            // Warnings do not stop assembly; they are shown once the file assembles.
            if m.text.trim_start().starts_with("Warning") {
                continue;
            }
            diagnostics.push(show_message(file_name, m));
        }
        if !diagnostics.is_empty() || !progress {
            if diagnostics.is_empty() {
                diagnostics.push(format!(
                    "{file_name}: the assembler failed without a message"
                ));
            }
            return Err(FileDiagnostics(diagnostics).into());
        }
    }
    bail!("{file_name}: assembling did not converge after re-encoding Xenon-only instructions")
}

/// Re-encodes the statements of `line` whose mnemonic is `mnemonic`, keeping labels and the
/// comment; `None` when no statement on the line uses that mnemonic.
fn rewrite_line(line: &str, mnemonic: &str) -> Result<Option<String>, AsmError> {
    let code = strip_comment(line);
    let mut changed = false;
    let mut stmts = Vec::new();
    // ';' separates statements on one line in GNU as for PowerPC.
    for stmt in code.split(';') {
        let (labels, rest) = split_labels(stmt);
        let first = rest.split_whitespace().next().unwrap_or("");
        if !first.eq_ignore_ascii_case(mnemonic) {
            stmts.push(stmt.to_owned());
            continue;
        }
        let word = oxenon_jit::isa::assemble(rest.trim())?;
        let labels: String = labels.iter().map(|l| format!("{l}: ")).collect();
        stmts.push(format!("\t{labels}.long 0x{word:08x}"));
        changed = true;
    }
    if !changed {
        return Ok(None);
    }
    // The original code as a trailing comment (replacing any comment it had), so a look
    // at the rewritten file with OXENON_KEEP_TEMP shows what each word stands for.
    Ok(Some(format!("{}\t# {}", stmts.join(";"), code.trim())))
}

/// `.text` and its labels; any relocation is an error, since the runner loads `.text` alone
/// at a fixed address with nothing to resolve against.
fn read_object(object: &[u8], file_name: &str) -> Result<(Vec<u8>, HashMap<String, u64>)> {
    let file = object::File::parse(object)
        .with_context(|| format!("{file_name}: the assembler produced an unreadable object"))?;
    let text = file.section_by_name(".text");
    let text_index = text.as_ref().map(|s| s.index());
    let bytes = match &text {
        Some(s) => s
            .data()
            .with_context(|| format!("{file_name}: cannot read .text"))?
            .to_vec(),
        None => Vec::new(),
    };
    let mut bytes = bytes;
    for section in file.sections() {
        if section.relocations().next().is_some() {
            if Some(section.index()) != text_index {
                return Err(reloc_error(
                    file_name,
                    &section,
                    "relocations outside .text",
                ));
            }
            for (offset, reloc) in section.relocations() {
                apply_relocation(&file, &mut bytes, offset, &reloc, text_index).map_err(|why| {
                    reloc_error(file_name, &section, &format!("at {offset:#x}: {why}"))
                })?;
            }
        }
        let name = section.name().unwrap_or("");
        if Some(section.index()) != text_index
            && section.size() > 0
            && matches!(
                section.kind(),
                object::SectionKind::Data
                    | object::SectionKind::ReadOnlyData
                    | object::SectionKind::Text
            )
        {
            tracing::warn!("{file_name}: section {name} is ignored; only .text is loaded");
        }
    }
    let labels = file
        .symbols()
        .filter(|s| text_index.is_some() && s.section_index() == text_index)
        .filter_map(|s| Some((s.name().ok()?.to_owned(), s.address())))
        .collect();
    Ok((bytes, labels))
}

fn reloc_error(file_name: &str, section: &object::Section, why: &str) -> anyhow::Error {
    let name = section.name().unwrap_or("?");
    FileDiagnostics(vec![format!(
        "{file_name}: Error: cannot resolve a relocation in {name} ({why}); tests may only \
         refer to labels in the same file's .text"
    )])
    .into()
}

/// Resolves one relocation against a label of the file's own `.text`, placed at CODE_BASE,
/// so absolute references (`lis r11, table@ha`, `.long label`, jump tables) work as they do
/// once a title is linked. ELF32 and ELF64 PowerPC share these type numbers.
fn apply_relocation(
    file: &object::File,
    text: &mut [u8],
    offset: u64,
    reloc: &object::Relocation,
    text_index: Option<object::SectionIndex>,
) -> Result<(), String> {
    use object::elf::{
        R_PPC_ADDR16_HA as ADDR16_HA, R_PPC_ADDR16_HI as ADDR16_HI, R_PPC_ADDR16_LO as ADDR16_LO,
        R_PPC_ADDR32 as ADDR32, R_PPC_REL14 as REL14, R_PPC_REL24 as REL24,
    };
    let object::RelocationFlags::Elf { r_type } = reloc.flags() else {
        return Err("not an ELF relocation".into());
    };
    let sym_addr = match reloc.target() {
        RelocationTarget::Symbol(i) => {
            let sym = file.symbol_by_index(i).map_err(|e| e.to_string())?;
            if sym.section_index() != text_index || text_index.is_none() {
                let name = sym.name().unwrap_or("?");
                return Err(format!("`{name}` is not a label of .text"));
            }
            sym.address()
        }
        RelocationTarget::Section(i) if Some(i) == text_index => 0,
        _ => return Err("target is not in .text".into()),
    };
    let value = u64::from(super::state::CODE_BASE)
        .wrapping_add(sym_addr)
        .wrapping_add(reloc.addend() as u64) as u32;
    let place = super::state::CODE_BASE.wrapping_add(offset as u32);
    let at = usize::try_from(offset).map_err(|_| "offset too large".to_string())?;
    let half = |text: &mut [u8], v: u32| -> Result<(), String> {
        let slot = text.get_mut(at..at + 2).ok_or("offset past .text")?;
        slot.copy_from_slice(&(v as u16).to_be_bytes());
        Ok(())
    };
    let patch_word = |text: &mut [u8], mask: u32, bits: u32| -> Result<(), String> {
        let slot = text.get_mut(at..at + 4).ok_or("offset past .text")?;
        let word = u32::from_be_bytes([slot[0], slot[1], slot[2], slot[3]]);
        slot.copy_from_slice(&((word & !mask) | (bits & mask)).to_be_bytes());
        Ok(())
    };
    match r_type {
        ADDR32 => patch_word(text, u32::MAX, value),
        ADDR16_LO => half(text, value),
        ADDR16_HI => half(text, value >> 16),
        ADDR16_HA => half(text, value.wrapping_add(0x8000) >> 16),
        REL24 => patch_word(text, 0x03ff_fffc, value.wrapping_sub(place)),
        REL14 => patch_word(text, 0x0000_fffc, value.wrapping_sub(place)),
        other => Err(format!("relocation type {other:?} is not supported")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_map_to_lines() {
        let m = parse_messages(
            "test.s: Assembler messages:\ntest.s:4: Error: unrecognized opcode: `lvlx'\nother\n",
            "test.s",
        );
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].line, Some(4));
        assert_eq!(unrecognized_opcode(&m[0].text), Some("lvlx"));
        assert_eq!(
            show_message("a/b.s", &m[0]),
            "a/b.s:4: Error: unrecognized opcode: `lvlx'"
        );
        assert_eq!(m[1].line, None);
    }

    #[test]
    fn rewrite_keeps_labels_and_other_statements() {
        assert_eq!(rewrite_line("  add r3, r4, r5", "lvlx"), Ok(None));
        let line = rewrite_line("x: lvlx v3, r4, r0 ; add r3, r4, r5 # load", "LVLX")
            .unwrap()
            .unwrap();
        assert_eq!(
            line,
            "\tx: .long 0x7c64040e; add r3, r4, r5 \t# x: lvlx v3, r4, r0 ; add r3, r4, r5"
        );
    }
}
