//! Reading a test file: `test_NAME:` labels and the `#_` annotations that belong to them.
//!
//! Annotations attach to the most recent test label, wherever they sit relative to its
//! instructions (public suites put REGISTER_OUT after the `blr`).

use super::state::{in_scratch, Reg, SCRATCH_BASE, SCRATCH_SIZE};

/// One problem in a test file, at a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub message: String,
}

#[derive(Clone, Debug)]
pub struct RegValue {
    pub reg: Reg,
    pub value: u128,
    pub line: usize,
}

#[derive(Clone, Debug)]
pub struct MemBlock {
    pub addr: u32,
    pub bytes: Vec<u8>,
    pub line: usize,
}

#[derive(Clone, Debug)]
pub struct TestCase {
    pub name: String,
    /// Line of the label.
    pub line: usize,
    /// First line after the test (the next test's label line, or one past the end).
    pub end_line: usize,
    pub reg_in: Vec<RegValue>,
    pub reg_out: Vec<RegValue>,
    pub mem_in: Vec<MemBlock>,
    pub mem_out: Vec<MemBlock>,
}

impl TestCase {
    pub fn contains_line(&self, line: usize) -> bool {
        (self.line..self.end_line).contains(&line)
    }
}

/// Parses a whole file; on failure returns every problem found, not just the first.
pub fn parse(text: &str) -> Result<Vec<TestCase>, Vec<Diagnostic>> {
    let mut tests: Vec<TestCase> = Vec::new();
    let mut errors = Vec::new();
    let total = text.lines().count();
    for (idx, raw) in text.lines().enumerate() {
        let line = idx + 1;
        let trimmed = raw.trim_start();
        if let Some(body) = trimmed.strip_prefix("#_") {
            let Some(test) = tests.last_mut() else {
                errors.push(Diagnostic {
                    line,
                    message: "annotation outside any test (no `test_NAME:` label above it)".into(),
                });
                continue;
            };
            match parse_annotation(body) {
                Ok(a) => a.attach(test, line),
                Err(message) => errors.push(Diagnostic { line, message }),
            }
            continue;
        }
        let (labels, _) = split_labels(strip_comment(raw));
        for label in labels.into_iter().filter(|l| l.starts_with("test_")) {
            if let Some(prev) = tests.last_mut() {
                prev.end_line = line;
            }
            tests.push(TestCase {
                name: label.to_owned(),
                line,
                end_line: total + 1,
                reg_in: Vec::new(),
                reg_out: Vec::new(),
                mem_in: Vec::new(),
                mem_out: Vec::new(),
            });
        }
    }
    if errors.is_empty() {
        Ok(tests)
    } else {
        Err(errors)
    }
}

/// The code part of a source line (GNU as for PowerPC starts comments with `#`).
pub fn strip_comment(line: &str) -> &str {
    line.find('#').map_or(line, |i| &line[..i])
}

/// Splits leading `label:` definitions off a statement: (labels, rest).
pub fn split_labels(stmt: &str) -> (Vec<&str>, &str) {
    let mut labels = Vec::new();
    let mut rest = stmt;
    loop {
        let s = rest.trim_start();
        let end = s
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '$')))
            .unwrap_or(s.len());
        if end == 0 || !s[end..].starts_with(':') {
            return (labels, s);
        }
        labels.push(&s[..end]);
        rest = &s[end + 1..];
    }
}

enum Annotation {
    RegIn(Reg, u128),
    RegOut(Reg, u128),
    MemIn(u32, Vec<u8>),
    MemOut(u32, Vec<u8>),
}

impl Annotation {
    fn attach(self, test: &mut TestCase, line: usize) {
        match self {
            Annotation::RegIn(reg, value) => test.reg_in.push(RegValue { reg, value, line }),
            Annotation::RegOut(reg, value) => test.reg_out.push(RegValue { reg, value, line }),
            Annotation::MemIn(addr, bytes) => test.mem_in.push(MemBlock { addr, bytes, line }),
            Annotation::MemOut(addr, bytes) => test.mem_out.push(MemBlock { addr, bytes, line }),
        }
    }
}

fn parse_annotation(body: &str) -> Result<Annotation, String> {
    let body = strip_comment(body).trim();
    let (kind, rest) = split_word(body);
    match kind {
        "REGISTER_IN" | "REGISTER_OUT" => {
            let (name, value) = split_word(rest);
            if name.is_empty() {
                return Err(format!("{kind} needs a register name and a value"));
            }
            let reg = Reg::parse(name).ok_or_else(|| {
                format!(
                    "unknown register `{name}` (expected r0-r31, f0-f31, v0-v127, cr, xer, \
                     lr, ctr, fpscr, vscr or msr)"
                )
            })?;
            if value.is_empty() {
                return Err(format!("{kind} {name}: missing value"));
            }
            let value = parse_reg_value(reg, value).map_err(|e| format!("{kind} {name}: {e}"))?;
            Ok(if kind == "REGISTER_IN" {
                Annotation::RegIn(reg, value)
            } else {
                Annotation::RegOut(reg, value)
            })
        }
        "MEMORY_IN" | "MEMORY_OUT" => {
            let (addr_text, bytes_text) = split_word(rest);
            if addr_text.is_empty() {
                return Err(format!("{kind} needs an address and bytes"));
            }
            let digits = addr_text
                .strip_prefix("0x")
                .or_else(|| addr_text.strip_prefix("0X"))
                .unwrap_or(addr_text);
            let addr =
                parse_hex(digits).map_err(|e| format!("{kind}: bad address `{addr_text}`: {e}"))?;
            let bytes = parse_bytes(bytes_text).map_err(|e| format!("{kind}: {e}"))?;
            let addr = match u64::try_from(addr) {
                Ok(a) if in_scratch(a, bytes.len()) => a as u32,
                _ => {
                    return Err(format!(
                        "{kind}: {:#x}..{:#x} is outside scratch memory {:#x}..{:#x}",
                        addr,
                        addr.saturating_add(bytes.len() as u128),
                        SCRATCH_BASE,
                        SCRATCH_BASE + SCRATCH_SIZE
                    ))
                }
            };
            Ok(if kind == "MEMORY_IN" {
                Annotation::MemIn(addr, bytes)
            } else {
                Annotation::MemOut(addr, bytes)
            })
        }
        "" => Err("empty annotation".into()),
        other => Err(format!(
            "unknown annotation `{other}` (expected REGISTER_IN, REGISTER_OUT, MEMORY_IN or \
             MEMORY_OUT)"
        )),
    }
}

fn split_word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.find(char::is_whitespace) {
        Some(i) => (&s[..i], s[i..].trim()),
        None => (s, ""),
    }
}

fn parse_reg_value(reg: Reg, text: &str) -> Result<u128, String> {
    match reg {
        Reg::Vr(_) => parse_vector(text),
        Reg::Fpr(_) if !is_hex_literal(text) => {
            let v: f64 = text
                .parse()
                .map_err(|_| format!("bad floating value `{text}`"))?;
            Ok(u128::from(v.to_bits()))
        }
        _ => {
            let v = parse_int(text)?;
            if reg.bits() == 32 {
                narrow_to_32(v).ok_or_else(|| format!("`{text}` does not fit in 32 bits"))
            } else {
                Ok(u128::from(v))
            }
        }
    }
}

fn is_hex_literal(text: &str) -> bool {
    text.starts_with("0x") || text.starts_with("0X")
}

/// A 64-bit integer: `0x` hex, decimal, or negative decimal (two's complement). A C-style
/// `u`/`l`/`ul`/`ull` suffix is accepted, as suites written beside C++ code use it.
fn parse_int(text: &str) -> Result<u64, String> {
    let text = strip_c_suffix(text);
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        let v = parse_hex(hex).map_err(|e| format!("bad hex value `{text}`: {e}"))?;
        return u64::try_from(v).map_err(|_| format!("`{text}` does not fit in 64 bits"));
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "bad integer `{text}` (expected decimal or 0x-prefixed hex)"
        ));
    }
    let parsed = if text.starts_with('-') {
        text.parse::<i64>().map(|v| v as u64)
    } else {
        text.parse::<u64>()
    };
    parsed.map_err(|_| format!("`{text}` does not fit in 64 bits"))
}

fn strip_c_suffix(text: &str) -> &str {
    let is_hex = is_hex_literal(text);
    let trimmed = text.trim_end_matches(['u', 'U', 'l', 'L']);
    // A hex number never ends in u or l, so only the suffix is removed; keep at least a digit.
    if trimmed.len() < text.len()
        && (is_hex || trimmed.bytes().last().is_some_and(|b| b.is_ascii_digit()))
    {
        trimmed
    } else {
        text
    }
}

/// Accepts values that fit in 32 bits either unsigned or as a sign-extended negative.
fn narrow_to_32(v: u64) -> Option<u128> {
    let signed = v as i64;
    if v <= u64::from(u32::MAX) || (i64::from(i32::MIN)..0).contains(&signed) {
        Some(u128::from(v as u32))
    } else {
        None
    }
}

/// Hex digits without prefix, up to 128 bits (leading zeros do not count).
fn parse_hex(digits: &str) -> Result<u128, String> {
    if digits.is_empty() {
        return Err("no hex digits".into());
    }
    if let Some(bad) = digits.chars().find(|c| !c.is_ascii_hexdigit()) {
        return Err(format!("`{bad}` is not a hex digit"));
    }
    let significant = digits.trim_start_matches('0');
    if significant.len() > 32 {
        return Err("more than 128 bits".into());
    }
    if significant.is_empty() {
        return Ok(0);
    }
    u128::from_str_radix(significant, 16).map_err(|e| e.to_string())
}

/// `[XXXXXXXX, XXXXXXXX, XXXXXXXX, XXXXXXXX]`, element 0 first; a single 0x-prefixed
/// 128-bit hex value is also accepted.
fn parse_vector(text: &str) -> Result<u128, String> {
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        return parse_hex(hex).map_err(|e| format!("bad vector `{text}`: {e}"));
    }
    let inner = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .ok_or_else(|| {
            format!("bad vector `{text}` (expected [XXXXXXXX, XXXXXXXX, XXXXXXXX, XXXXXXXX])")
        })?;
    let words: Vec<&str> = inner.split(',').map(str::trim).collect();
    if words.len() != 4 {
        return Err(format!(
            "bad vector `{text}`: expected 4 words, found {}",
            words.len()
        ));
    }
    let mut v = 0u128;
    for w in words {
        let digits = w
            .strip_prefix("0x")
            .or_else(|| w.strip_prefix("0X"))
            .unwrap_or(w);
        let word = parse_hex(digits).map_err(|e| format!("bad vector word `{w}`: {e}"))?;
        if word > u128::from(u32::MAX) {
            return Err(format!("vector word `{w}` is wider than 32 bits"));
        }
        v = (v << 32) | word;
    }
    Ok(v)
}

/// Memory bytes: two hex digits each, separated by spaces and/or commas, optionally in
/// brackets. Longer even-length groups (`0000000A`) are read as consecutive bytes.
fn parse_bytes(text: &str) -> Result<Vec<u8>, String> {
    let inner = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(text);
    let mut out = Vec::new();
    for tok in inner.split(|c: char| c == ',' || c.is_whitespace()) {
        if tok.is_empty() {
            continue;
        }
        if tok.len() % 2 != 0 || !tok.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!(
                "bad hex byte `{tok}` (expected two hex digits per byte)"
            ));
        }
        for pair in tok.as_bytes().chunks(2) {
            out.push((hex_digit(pair[0]) << 4) | hex_digit(pair[1]));
        }
    }
    if out.is_empty() {
        return Err("no bytes given".into());
    }
    Ok(out)
}

/// The value of an ASCII hex digit (the caller has checked it is one).
fn hex_digit(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        b'A'..=b'F' => b - b'A' + 10,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
# leading comment
test_add_1:
  #_ REGISTER_IN r4 1
  #_ REGISTER_IN r5 -2
  add r3, r4, r5
  blr
  #_ REGISTER_OUT r3 0xFFFFFFFFFFFFFFFF
  #_ REGISTER_OUT cr 0x20000000

test_mem: lwz r3, 0(r4)
  #_ MEMORY_IN 10001000 00 01 02 03
  #_ MEMORY_OUT 0x10001004 [0a, 0B]
  #_ REGISTER_IN f1 1.5
  #_ REGISTER_IN v3 [00000001, 2, 00000003, 0x4]
  blr
";

    #[test]
    fn parses_tests_and_annotations() {
        let tests = parse(SAMPLE).unwrap();
        assert_eq!(tests.len(), 2);
        let t = &tests[0];
        assert_eq!((t.name.as_str(), t.line, t.end_line), ("test_add_1", 2, 10));
        assert_eq!(t.reg_in[1].value, u128::from(-2i64 as u64));
        assert_eq!(t.reg_out[1].reg, Reg::Cr);
        let m = &tests[1];
        assert_eq!(m.mem_in[0].bytes, vec![0, 1, 2, 3]);
        assert_eq!(m.mem_out[0].addr, 0x1000_1004);
        assert_eq!(m.mem_out[0].bytes, vec![0x0a, 0x0b]);
        assert_eq!(m.reg_in[0].value, u128::from(1.5f64.to_bits()));
        assert_eq!(m.reg_in[1].value, 0x0000_0001_0000_0002_0000_0003_0000_0004);
        assert_eq!(m.end_line, SAMPLE.lines().count() + 1);
        assert!(m.contains_line(10) && !m.contains_line(9));
    }

    fn first_error(src: &str) -> Diagnostic {
        parse(src).unwrap_err().remove(0)
    }

    #[test]
    fn reports_errors_with_lines() {
        let e = first_error("test_a:\n  #_ REGISTER_IN r32 1\n");
        assert_eq!(e.line, 2);
        assert!(
            e.message.contains("unknown register `r32`"),
            "{}",
            e.message
        );
        let e = first_error("  #_ REGISTER_IN r3 1\ntest_a:\n");
        assert_eq!(e.line, 1);
        assert!(e.message.contains("outside any test"));
        let e = first_error("test_a:\n\n  #_ MEMORY_IN 10001000 0g\n");
        assert_eq!(e.line, 3);
        assert!(e.message.contains("bad hex byte `0g`"), "{}", e.message);
        let e = first_error("test_a:\n  #_ MEMORY_OUT 10001000 123\n");
        assert!(e.message.contains("bad hex byte `123`"), "{}", e.message);
        let e = first_error("test_a:\n  #_ MEMORY_IN 20000000 00\n");
        assert!(
            e.message.contains("outside scratch memory"),
            "{}",
            e.message
        );
        let e = first_error("test_a:\n  #_ MEMORY_IN 1000FFFF 00 00\n");
        assert!(
            e.message.contains("outside scratch memory"),
            "{}",
            e.message
        );
        let e = first_error("test_a:\n  #_ MEMORY_IN 10001000\n");
        assert!(e.message.contains("no bytes"), "{}", e.message);
        let e = first_error("test_a:\n  #_ REGISTER_IN cr 0x100000000\n");
        assert!(e.message.contains("32 bits"), "{}", e.message);
        let e = first_error("test_a:\n  #_ REGISTER_OUT r3 0x1g\n");
        assert!(e.message.contains("bad hex value"), "{}", e.message);
        let e = first_error("test_a:\n  #_ REGISTER_OUT v3 [1, 2, 3]\n");
        assert!(e.message.contains("expected 4 words"), "{}", e.message);
        let e = first_error("test_a:\n  #_ REGISTER_OUT v3 [1, 2, 3, 100000000]\n");
        assert!(e.message.contains("wider than 32 bits"), "{}", e.message);
        let e = first_error("test_a:\n  #_ REGISTER_OUT r3\n");
        assert!(e.message.contains("missing value"), "{}", e.message);
        let e = first_error("test_a:\n  #_ FROB r3 1\n");
        assert!(e.message.contains("unknown annotation"), "{}", e.message);
        let e = first_error("test_a:\n  #_ REGISTER_IN f1 one\n");
        assert!(e.message.contains("bad floating value"), "{}", e.message);
        let e = first_error("test_a:\n  #_\n");
        assert!(e.message.contains("empty annotation"), "{}", e.message);
        let all = parse("test_a:\n#_ R r1 1\n#_ REGISTER_IN q 1\n").unwrap_err();
        assert_eq!(all.len(), 2);
    }

    #[test]
    fn integer_forms() {
        assert_eq!(parse_int("-1"), Ok(u64::MAX));
        assert_eq!(parse_int("18446744073709551615"), Ok(u64::MAX));
        assert!(parse_int("18446744073709551616").is_err());
        assert!(parse_int("-9223372036854775809").is_err());
        assert!(parse_int("0x10000000000000000").is_err());
        assert_eq!(parse_int("0x00000000000000000000000000000000001"), Ok(1));
        assert!(parse_int("12abc").is_err());
        assert!(parse_int("-").is_err());
        assert_eq!(narrow_to_32(-1i64 as u64), Some(0xFFFF_FFFF));
        assert_eq!(narrow_to_32(0x1_0000_0000), None);
        assert_eq!(narrow_to_32(-(1i64 << 31) as u64), Some(0x8000_0000));
        assert_eq!(narrow_to_32((-(1i64 << 31) - 1) as u64), None);
    }

    #[test]
    fn labels_and_comments() {
        assert_eq!(
            split_labels("a: b:  lwz r3,0(r4)"),
            (vec!["a", "b"], "lwz r3,0(r4)")
        );
        assert_eq!(split_labels("  blr"), (vec![], "blr"));
        assert_eq!(split_labels("1: b 1b"), (vec!["1"], "b 1b"));
        assert_eq!(strip_comment("li r3, 1 # one"), "li r3, 1 ");
    }
}
