//! The architectural state a test starts from and
//! ends with, kept independent of the backend that runs it so every backend is checked by
//! the same code.

use super::parse::TestCase;

pub use super::layout::*;

/// A test that has not returned after this many instructions is considered stuck.
pub const MAX_INSTRUCTIONS: u64 = 1_000_000;

/// True when `addr..addr+len` lies inside the scratch region.
pub fn in_scratch(addr: u64, len: usize) -> bool {
    let end = addr.saturating_add(len as u64);
    addr >= u64::from(SCRATCH_BASE) && end <= u64::from(SCRATCH_BASE + SCRATCH_SIZE)
}

/// A register an annotation can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reg {
    Gpr(u8),
    Fpr(u8),
    Vr(u8),
    Cr,
    Xer,
    Lr,
    Ctr,
    Fpscr,
    Vscr,
    Msr,
}

impl Reg {
    /// Parses a register name as annotations spell it (case-insensitive).
    pub fn parse(name: &str) -> Option<Reg> {
        let lower = name.to_ascii_lowercase();
        let special = match lower.as_str() {
            "cr" => Some(Reg::Cr),
            "xer" => Some(Reg::Xer),
            "lr" => Some(Reg::Lr),
            "ctr" => Some(Reg::Ctr),
            "fpscr" => Some(Reg::Fpscr),
            "vscr" => Some(Reg::Vscr),
            "msr" => Some(Reg::Msr),
            _ => None,
        };
        if special.is_some() {
            return special;
        }
        let kind = lower.chars().next()?;
        let digits = &lower[kind.len_utf8()..];
        // u8::from_str would accept a leading '+', which is not part of a register name.
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u8 = digits.parse().ok()?;
        match kind {
            'r' if n < 32 => Some(Reg::Gpr(n)),
            'f' if n < 32 => Some(Reg::Fpr(n)),
            'v' if n < 128 => Some(Reg::Vr(n)),
            _ => None,
        }
    }

    pub fn bits(self) -> u32 {
        match self {
            Reg::Vr(_) => 128,
            Reg::Cr | Reg::Xer | Reg::Fpscr | Reg::Vscr => 32,
            _ => 64,
        }
    }
}

impl std::fmt::Display for Reg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reg::Gpr(n) => write!(f, "r{n}"),
            Reg::Fpr(n) => write!(f, "f{n}"),
            Reg::Vr(n) => write!(f, "v{n}"),
            Reg::Cr => f.write_str("cr"),
            Reg::Xer => f.write_str("xer"),
            Reg::Lr => f.write_str("lr"),
            Reg::Ctr => f.write_str("ctr"),
            Reg::Fpscr => f.write_str("fpscr"),
            Reg::Vscr => f.write_str("vscr"),
            Reg::Msr => f.write_str("msr"),
        }
    }
}

/// Formats a register value for reports: hex at the register's width, plus the decimal
/// reading that helps for integers and doubles.
pub fn format_value(reg: Reg, value: u128) -> String {
    match reg {
        Reg::Gpr(_) => format!("0x{:016X} ({})", value as u64, value as u64 as i64),
        Reg::Fpr(_) => format!(
            "0x{:016X} ({:?})",
            value as u64,
            f64::from_bits(value as u64)
        ),
        Reg::Vr(_) => {
            let w = |i: u32| (value >> (96 - 32 * i)) as u32;
            format!("[{:08X}, {:08X}, {:08X}, {:08X}]", w(0), w(1), w(2), w(3))
        }
        _ if reg.bits() == 32 => format!("0x{:08X}", value as u32),
        _ => format!("0x{:016X}", value as u64),
    }
}

/// Registers and scratch memory of one guest thread, as a test sees them.
#[derive(Clone, PartialEq, Eq)]
pub struct State {
    pub gpr: [u64; 32],
    /// Raw IEEE double bits.
    pub fpr: [u64; 32],
    /// Element 0 (the most significant word) first, as in `Context::vr`.
    pub vr: [u128; 128],
    pub cr: u32,
    pub xer: u32,
    pub lr: u64,
    pub ctr: u64,
    pub fpscr: u32,
    pub vscr: u32,
    pub msr: u64,
    /// Contents of `SCRATCH_BASE..SCRATCH_BASE + SCRATCH_SIZE`.
    pub scratch: Vec<u8>,
}

impl State {
    /// Everything zero except the conventions every test relies on, then the test's
    /// REGISTER_IN and MEMORY_IN values.
    pub fn initial(test: &TestCase) -> State {
        let mut s = State {
            gpr: [0; 32],
            fpr: [0; 32],
            vr: [0; 128],
            cr: 0,
            xer: 0,
            lr: u64::from(RETURN_ADDR),
            ctr: 0,
            fpscr: 0,
            // Control registers start as an Xbox 360 title finds them: VMX in non-Java mode
            // (VSCR[NJ]=1, denormals flushed) and MSR = 0, i.e. 32-bit mode (64-bit
            // registers; CR0, CA, OV and addresses from the low word). Tests set `vscr` or
            // `msr` (0x8000000000000000 = 64-bit mode) to run otherwise.
            vscr: 0x0001_0000,
            msr: 0,
            scratch: vec![0; SCRATCH_SIZE as usize],
        };
        s.gpr[1] = INITIAL_SP;
        for r in &test.reg_in {
            s.set(r.reg, r.value);
        }
        for m in &test.mem_in {
            let off = (m.addr - SCRATCH_BASE) as usize;
            s.scratch[off..off + m.bytes.len()].copy_from_slice(&m.bytes);
        }
        s
    }

    pub fn get(&self, reg: Reg) -> u128 {
        match reg {
            Reg::Gpr(n) => u128::from(self.gpr[n as usize]),
            Reg::Fpr(n) => u128::from(self.fpr[n as usize]),
            Reg::Vr(n) => self.vr[n as usize],
            Reg::Cr => u128::from(self.cr),
            Reg::Xer => u128::from(self.xer),
            Reg::Lr => u128::from(self.lr),
            Reg::Ctr => u128::from(self.ctr),
            Reg::Fpscr => u128::from(self.fpscr),
            Reg::Vscr => u128::from(self.vscr),
            Reg::Msr => u128::from(self.msr),
        }
    }

    /// Values are truncated to the register's width (the parser already rejected wider ones).
    pub fn set(&mut self, reg: Reg, value: u128) {
        match reg {
            Reg::Gpr(n) => self.gpr[n as usize] = value as u64,
            Reg::Fpr(n) => self.fpr[n as usize] = value as u64,
            Reg::Vr(n) => self.vr[n as usize] = value,
            Reg::Cr => self.cr = value as u32,
            Reg::Xer => self.xer = value as u32,
            Reg::Lr => self.lr = value as u64,
            Reg::Ctr => self.ctr = value as u64,
            Reg::Fpscr => self.fpscr = value as u32,
            Reg::Vscr => self.vscr = value as u32,
            Reg::Msr => self.msr = value as u64,
        }
    }

    /// The scratch bytes at `addr..addr+len`; callers pass ranges the parser validated.
    pub fn scratch_at(&self, addr: u32, len: usize) -> &[u8] {
        let off = (addr - SCRATCH_BASE) as usize;
        &self.scratch[off..off + len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_names() {
        assert_eq!(Reg::parse("r31"), Some(Reg::Gpr(31)));
        assert_eq!(Reg::parse("R3"), Some(Reg::Gpr(3)));
        assert_eq!(Reg::parse("r32"), None);
        assert_eq!(Reg::parse("f0"), Some(Reg::Fpr(0)));
        assert_eq!(Reg::parse("v127"), Some(Reg::Vr(127)));
        assert_eq!(Reg::parse("v128"), None);
        assert_eq!(Reg::parse("r+1"), None);
        assert_eq!(Reg::parse("r"), None);
        assert_eq!(Reg::parse(""), None);
        assert_eq!(Reg::parse("é1"), None);
        assert_eq!(Reg::parse("fpscr"), Some(Reg::Fpscr));
        assert_eq!(Reg::parse("x9"), None);
    }

    #[test]
    fn value_formats() {
        assert_eq!(
            format_value(Reg::Fpr(1), 0x3FF0_0000_0000_0000),
            "0x3FF0000000000000 (1.0)"
        );
        assert_eq!(format_value(Reg::Cr, 0x8000_0000), "0x80000000");
        assert_eq!(
            format_value(Reg::Vr(3), 0x0000_0001_0000_0002_0000_0003_0000_0004),
            "[00000001, 00000002, 00000003, 00000004]"
        );
        assert_eq!(
            format_value(Reg::Gpr(3), u128::from(u64::MAX)),
            "0xFFFFFFFFFFFFFFFF (-1)"
        );
    }
}
