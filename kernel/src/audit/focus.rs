//! Parsing the user's choices: the `--trace-handles-focus=LIST` value and the
//! `OXENON_TRACE_HANDLES` environment variable.

use thiserror::Error;

/// Environment variable that turns tracing on like `--trace-handles`.
pub const TRACE_HANDLES_ENV: &str = "OXENON_TRACE_HANDLES";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FocusListError {
    #[error("--trace-handles-focus: the handle list is empty")]
    Empty,
    #[error("--trace-handles-focus: item {position} is empty (stray comma?)")]
    EmptyItem { position: usize },
    #[error("--trace-handles-focus: `{item}` is not a handle (use 0x-prefixed hex or decimal)")]
    NotANumber { item: String },
    #[error("--trace-handles-focus: `{item}` does not fit in 32 bits")]
    OutOfRange { item: String },
}

/// Parses `0x1004,0x100c,5604`: comma-separated handles, `0x`/`0X` hex or decimal, spaces around
/// items allowed. Duplicates are kept once, in first-seen order.
pub fn parse_focus_list(list: &str) -> Result<Vec<u32>, FocusListError> {
    if list.trim().is_empty() {
        return Err(FocusListError::Empty);
    }
    let mut handles = Vec::new();
    for (index, raw) in list.split(',').enumerate() {
        let item = raw.trim();
        if item.is_empty() {
            return Err(FocusListError::EmptyItem {
                position: index + 1,
            });
        }
        let handle = parse_handle(item)?;
        if !handles.contains(&handle) {
            handles.push(handle);
        }
    }
    Ok(handles)
}

fn parse_handle(item: &str) -> Result<u32, FocusListError> {
    let (digits, radix) = match item.strip_prefix("0x").or_else(|| item.strip_prefix("0X")) {
        Some(hex) => (hex, 16),
        None => (item, 10),
    };
    // from_str_radix accepts a leading '+', which is not a handle spelling we document.
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return Err(FocusListError::NotANumber {
            item: item.to_owned(),
        });
    }
    u32::from_str_radix(digits, radix).map_err(|_| FocusListError::OutOfRange {
        item: item.to_owned(),
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{TRACE_HANDLES_ENV}=`{value}` is not understood (use 1/0, true/false, on/off, yes/no)")]
pub struct EnvValueError {
    pub value: String,
}

/// Interprets the value of `OXENON_TRACE_HANDLES`; unset or empty means off.
pub fn parse_trace_handles_env(value: Option<&str>) -> Result<bool, EnvValueError> {
    let Some(raw) = value else { return Ok(false) };
    match raw.trim().to_ascii_lowercase().as_str() {
        "" | "0" | "false" | "off" | "no" => Ok(false),
        "1" | "true" | "on" | "yes" => Ok(true),
        _ => Err(EnvValueError {
            value: raw.to_owned(),
        }),
    }
}

/// Reads `OXENON_TRACE_HANDLES` from the process environment. A value that is not valid UTF-8 is
/// reported like any other unreadable value.
pub fn trace_handles_from_env() -> Result<bool, EnvValueError> {
    match std::env::var(TRACE_HANDLES_ENV) {
        Ok(v) => parse_trace_handles_env(Some(&v)),
        Err(std::env::VarError::NotPresent) => Ok(false),
        Err(std::env::VarError::NotUnicode(v)) => Err(EnvValueError {
            value: v.to_string_lossy().into_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_hex_and_decimal_with_spaces() {
        assert_eq!(
            parse_focus_list("0x1004, 0X100c ,5604,0x42450b5c").unwrap(),
            vec![0x1004, 0x100c, 5604, 0x4245_0b5c]
        );
        assert_eq!(parse_focus_list("0xFFFFFFFF").unwrap(), vec![u32::MAX]);
        assert_eq!(parse_focus_list("7,7,0x7").unwrap(), vec![7]);
    }

    #[test]
    fn each_malformed_list_names_its_bad_item() {
        assert_eq!(parse_focus_list(""), Err(FocusListError::Empty));
        assert_eq!(parse_focus_list("  "), Err(FocusListError::Empty));
        assert_eq!(
            parse_focus_list("0x10,,0x20"),
            Err(FocusListError::EmptyItem { position: 2 })
        );
        assert_eq!(
            parse_focus_list("0x10,"),
            Err(FocusListError::EmptyItem { position: 2 })
        );
        for bad in ["0x", "0xg1", "12a", "-1", "+5", "1004h", "0x10 0x20"] {
            let err = parse_focus_list(&format!("1,{bad}")).unwrap_err();
            assert_eq!(
                err,
                FocusListError::NotANumber {
                    item: bad.to_owned()
                },
                "{bad}"
            );
            assert!(err.to_string().contains(bad), "{err}");
        }
        for big in ["0x100000000", "4294967296"] {
            let err = parse_focus_list(big).unwrap_err();
            assert_eq!(
                err,
                FocusListError::OutOfRange {
                    item: big.to_owned()
                }
            );
            assert!(err.to_string().contains(big));
        }
    }

    #[test]
    fn env_values() {
        assert_eq!(parse_trace_handles_env(None), Ok(false));
        for on in ["1", "true", "ON", " yes "] {
            assert_eq!(parse_trace_handles_env(Some(on)), Ok(true), "{on}");
        }
        for off in ["", "0", "False", "off", "no"] {
            assert_eq!(parse_trace_handles_env(Some(off)), Ok(false), "{off}");
        }
        let err = parse_trace_handles_env(Some("maybe")).unwrap_err();
        assert!(err.to_string().contains("maybe"));
    }
}
