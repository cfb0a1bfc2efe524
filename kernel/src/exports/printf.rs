//! printf-style formatting for DbgPrint and the Rtl sprintf family, reading variadic
//! arguments the way the console's ABI passes them: each integer or pointer argument in its
//! own 64-bit GPR after the fixed ones (r4..r10), then in the caller's stack parameter area;
//! floating-point arguments in f1, f2, ...

use super::Call;

/// Where the next variadic argument comes from.
pub struct Args<'c, 'a> {
    call: &'c Call<'a>,
    next_gpr: usize,
    next_fpr: usize,
    stack_slot: u32,
}

impl<'c, 'a> Args<'c, 'a> {
    /// `first` is the index (0 = r3) of the first variadic argument.
    pub fn new(call: &'c Call<'a>, first: usize) -> Self {
        Self {
            call,
            next_gpr: 3 + first,
            next_fpr: 1,
            stack_slot: 0,
        }
    }

    fn int(&mut self) -> u64 {
        if self.next_gpr <= 10 {
            let v = self.call.ctx.gpr[self.next_gpr];
            self.next_gpr += 1;
            v
        } else {
            // The parameter save area starts 8 bytes above the caller's stack pointer.
            let sp = self.call.ctx.gpr[1] as u32;
            let v = self
                .call
                .mem
                .read_u32(sp.wrapping_add(8 + 4 * self.stack_slot))
                .unwrap_or(0);
            self.stack_slot += 1;
            u64::from(v)
        }
    }

    fn float(&mut self) -> f64 {
        if self.next_fpr <= 13 {
            let v = f64::from_bits(self.call.ctx.fpr[self.next_fpr]);
            self.next_fpr += 1;
            v
        } else {
            0.0
        }
    }
}

#[derive(Default)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
    long: u8,
}

/// Formats `format` with arguments from `args`. Unknown conversions are copied through.
pub fn format(call: &Call, format: &[u8], args: &mut Args) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < format.len() {
        let c = format[i];
        i += 1;
        if c != b'%' {
            out.push(c);
            continue;
        }
        let start = i - 1;
        let mut spec = Spec::default();
        while i < format.len() {
            match format[i] {
                b'-' => spec.left = true,
                b'+' => spec.plus = true,
                b' ' => spec.space = true,
                b'#' => spec.alt = true,
                b'0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        if format.get(i) == Some(&b'*') {
            let w = args.int() as i32;
            spec.left |= w < 0;
            spec.width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while let Some(d) = format.get(i).filter(|d| d.is_ascii_digit()) {
                spec.width = spec.width * 10 + usize::from(d - b'0');
                i += 1;
            }
        }
        if format.get(i) == Some(&b'.') {
            i += 1;
            let mut p = 0usize;
            if format.get(i) == Some(&b'*') {
                p = (args.int() as i32).max(0) as usize;
                i += 1;
            } else {
                while let Some(d) = format.get(i).filter(|d| d.is_ascii_digit()) {
                    p = p * 10 + usize::from(d - b'0');
                    i += 1;
                }
            }
            spec.precision = Some(p);
        }
        loop {
            match format.get(i) {
                Some(b'l') | Some(b'L') | Some(b'q') | Some(b'j') | Some(b'z') | Some(b't') => {
                    spec.long += 1
                }
                Some(b'h') => {}
                Some(b'I') if format[i..].starts_with(b"I64") => {
                    spec.long = 2;
                    i += 2;
                }
                Some(b'I') if format[i..].starts_with(b"I32") => i += 2,
                _ => break,
            }
            i += 1;
        }
        let Some(&conv) = format.get(i) else {
            out.extend_from_slice(&format[start..]);
            break;
        };
        i += 1;
        let body: Vec<u8> = match conv {
            b'%' => {
                out.push(b'%');
                continue;
            }
            b'd' | b'i' => {
                let raw = args.int();
                let v = if spec.long >= 2 {
                    raw as i64
                } else {
                    i64::from(raw as u32 as i32)
                };
                let mut digits = v.unsigned_abs().to_string().into_bytes();
                precision_pad(&mut digits, spec.precision);
                let sign: &[u8] = if v < 0 {
                    b"-"
                } else if spec.plus {
                    b"+"
                } else if spec.space {
                    b" "
                } else {
                    b""
                };
                numeric(&spec, sign, digits)
            }
            b'u' | b'x' | b'X' | b'o' => {
                let raw = args.int();
                let v = if spec.long >= 2 {
                    raw
                } else {
                    raw & 0xFFFF_FFFF
                };
                let mut digits = match conv {
                    b'u' => v.to_string(),
                    b'x' => format!("{v:x}"),
                    b'X' => format!("{v:X}"),
                    _ => format!("{v:o}"),
                }
                .into_bytes();
                precision_pad(&mut digits, spec.precision);
                let prefix: &[u8] = match (spec.alt && v != 0, conv) {
                    (true, b'x') => b"0x",
                    (true, b'X') => b"0X",
                    (true, b'o') => b"0",
                    _ => b"",
                };
                numeric(&spec, prefix, digits)
            }
            b'p' => {
                let v = args.int() as u32;
                numeric(&spec, b"", format!("{v:08X}").into_bytes())
            }
            b'c' => vec![args.int() as u8],
            b's' | b'S' => {
                let ptr = args.int() as u32;
                let wide = conv == b'S' || spec.long > 0;
                let max = spec.precision.unwrap_or(4096);
                if ptr == 0 {
                    b"(null)".to_vec()
                } else if wide {
                    wide_string(call, ptr, max)
                } else {
                    call.c_string(ptr, max).unwrap_or_default()
                }
            }
            b'f' | b'F' | b'e' | b'E' | b'g' | b'G' => {
                let v = args.float();
                let p = spec.precision.unwrap_or(6);
                let s = match conv {
                    b'f' | b'F' => format!("{v:.p$}"),
                    b'e' => format!("{v:.p$e}"),
                    b'E' => format!("{v:.p$E}"),
                    _ => format!("{v}"),
                };
                let sign: &[u8] = if v >= 0.0 && spec.plus { b"+" } else { b"" };
                numeric(&spec, sign, s.into_bytes())
            }
            b'n' => {
                let _ = args.int();
                Vec::new()
            }
            _ => {
                out.extend_from_slice(&format[start..i]);
                continue;
            }
        };
        pad(&mut out, &spec, body, matches!(conv, b's' | b'S' | b'c'));
    }
    out
}

fn precision_pad(digits: &mut Vec<u8>, precision: Option<usize>) {
    if let Some(p) = precision {
        if p == 0 && digits == b"0" {
            digits.clear();
        }
        while digits.len() < p {
            digits.insert(0, b'0');
        }
    }
}

fn numeric(spec: &Spec, prefix: &[u8], digits: Vec<u8>) -> Vec<u8> {
    let mut s = prefix.to_vec();
    if spec.zero && !spec.left && spec.precision.is_none() {
        let fill = spec.width.saturating_sub(prefix.len() + digits.len());
        s.extend(std::iter::repeat_n(b'0', fill));
    }
    s.extend(digits);
    s
}

fn pad(out: &mut Vec<u8>, spec: &Spec, body: Vec<u8>, text: bool) {
    let mut body = body;
    if text {
        if let Some(p) = spec.precision {
            body.truncate(p.max(if body.len() == 1 { 1 } else { 0 }));
        }
    }
    let fill = spec.width.saturating_sub(body.len());
    if spec.left {
        out.extend(body);
        out.extend(std::iter::repeat_n(b' ', fill));
    } else {
        out.extend(std::iter::repeat_n(b' ', fill));
        out.extend(body);
    }
}

fn wide_string(call: &Call, ptr: u32, max: usize) -> Vec<u8> {
    let mut units = Vec::new();
    for i in 0..max as u32 {
        match call.mem.read_u16(ptr.wrapping_add(2 * i)) {
            Ok(0) | Err(_) => break,
            Ok(u) => units.push(u),
        }
    }
    String::from_utf16_lossy(&units).into_bytes()
}
