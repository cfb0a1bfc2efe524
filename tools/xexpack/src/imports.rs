//! Import declarations in the ELF's symbol table:
//! `__imp_<alias>_<ordinal>` labels a 4-byte slot, `__thunk_<alias>_<ordinal>` a 16-byte thunk
//! (which makes the import a function). The ordinal is decimal or `0x` hexadecimal; the alias
//! names a library through the alias table.

use std::collections::BTreeMap;

use oxenon_kernel::xex::write::{ImportSpec, LibrarySpec};

use super::PackError;

/// The two system libraries titles import from.
pub fn default_library_names() -> BTreeMap<String, String> {
    [("xboxkrnl", "xboxkrnl.exe"), ("xam", "xam.xex")]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[derive(Default)]
struct Pending {
    slot: Option<u64>,
    thunk: Option<u64>,
}

fn parse_ordinal(text: &str) -> Option<u16> {
    match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => u16::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

/// Libraries in file-name order, imports in ordinal order.
pub(crate) fn collect(
    symbols: &[(String, u64)],
    names: &BTreeMap<String, String>,
) -> Result<Vec<LibrarySpec>, PackError> {
    let mut found: BTreeMap<String, BTreeMap<u16, Pending>> = BTreeMap::new();
    for (symbol, address) in symbols {
        let (rest, is_thunk) = match (
            symbol.strip_prefix("__imp_"),
            symbol.strip_prefix("__thunk_"),
        ) {
            (Some(rest), _) => (rest, false),
            (_, Some(rest)) => (rest, true),
            _ => continue,
        };
        let bad = |why: &str| PackError::Input(format!("import symbol {symbol}: {why}"));
        let (alias, ordinal) = rest
            .rsplit_once('_')
            .ok_or_else(|| bad("expected <library>_<ordinal> after the prefix"))?;
        let ordinal =
            parse_ordinal(ordinal).ok_or_else(|| bad("the ordinal is not a 16-bit number"))?;
        let library = names.get(alias).ok_or_else(|| {
            bad(&format!(
                "unknown library alias {alias:?} (map it with --library {alias}=FILE)"
            ))
        })?;
        let address = *address;
        let pending = found
            .entry(library.clone())
            .or_default()
            .entry(ordinal)
            .or_default();
        let place = if is_thunk {
            &mut pending.thunk
        } else {
            &mut pending.slot
        };
        if place.replace(address).is_some_and(|old| old != address) {
            return Err(bad("declared twice at different addresses"));
        }
    }
    found
        .into_iter()
        .map(|(name, imports)| {
            let imports = imports
                .into_iter()
                .map(|(ordinal, p)| {
                    let slot = p.slot.ok_or_else(|| {
                        PackError::Input(format!(
                            "{name} ordinal {ordinal:#x} has a thunk but no __imp_ slot symbol"
                        ))
                    })?;
                    let addr32 = |a: u64| {
                        u32::try_from(a).map_err(|_| {
                            PackError::Input(format!(
                                "{name} ordinal {ordinal:#x}: address {a:#x} is not 32-bit"
                            ))
                        })
                    };
                    Ok(ImportSpec {
                        ordinal,
                        slot: addr32(slot)?,
                        thunk: p.thunk.map(addr32).transpose()?,
                    })
                })
                .collect::<Result<_, PackError>>()?;
            Ok(LibrarySpec {
                imports,
                ..LibrarySpec::new(name)
            })
        })
        .collect()
}
