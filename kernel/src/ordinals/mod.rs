//! The export tables of the two system modules titles import from, xboxkrnl.exe and xam.xex:
//! every export's ordinal, name and whether it is a function (imported through a thunk) or a
//! variable (imported as the address of data). The tables are generated from the lists in
//! `tools/ordinals/` (see `generate.py` there for their source).

mod xam;
mod xboxkrnl;

/// Whether an export is code or data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportKind {
    Function,
    Variable,
}

/// One export of a system module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Export {
    pub ordinal: u16,
    pub name: &'static str,
    pub kind: ExportKind,
}

impl Export {
    const fn new(ordinal: u16, name: &'static str, kind: ExportKind) -> Self {
        Self {
            ordinal,
            name,
            kind,
        }
    }
}

/// The module names titles import from, as they appear in a XEX's import libraries.
pub const LIBRARIES: [&str; 2] = ["xboxkrnl.exe", "xam.xex"];

/// The export table of `library` ("xboxkrnl.exe" or "xam.xex", any case), sorted by ordinal.
pub fn table(library: &str) -> Option<&'static [Export]> {
    if library.eq_ignore_ascii_case("xboxkrnl.exe") {
        Some(xboxkrnl::XBOXKRNL)
    } else if library.eq_ignore_ascii_case("xam.xex") {
        Some(xam::XAM)
    } else {
        None
    }
}

/// The export `ordinal` of `library`, if the module has one.
pub fn export(library: &str, ordinal: u16) -> Option<&'static Export> {
    let exports = table(library)?;
    exports
        .binary_search_by_key(&ordinal, |e| e.ordinal)
        .ok()
        .and_then(|i| exports.get(i))
}

/// The ordinal of the export called `name` (exact case) in `library`.
pub fn ordinal_of(library: &str, name: &str) -> Option<u16> {
    table(library)?
        .iter()
        .find(|e| e.name == name)
        .map(|e| e.ordinal)
}

#[cfg(test)]
mod tests;
