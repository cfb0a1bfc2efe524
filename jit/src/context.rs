//! Architectural state of one Xenon hardware thread.
//!
//! The layout is `#[repr(C)]` because generated code addresses fields by offset. Vector
//! registers are stored as `u128` whose most significant bits are guest element 0, so the
//! guest's big-endian element order is preserved by value; host SIMD lanes are the reverse
//! of guest elements, a mapping the vector code applies in one place.

/// Bit 63 of MSR (IBM bit 0): 64-bit mode. When clear, CR0, CA and OV follow the low word.
pub const MSR_SF: u64 = 1 << 63;
/// MSR[FE0] and MSR[FE1] (bits 52 and 55): with either set, a floating-point instruction
/// that leaves FPSCR[FEX] set takes a program interrupt. The Xbox 360 runs with both clear;
/// Linux sets them for a process that asks (`prctl(PR_SET_FPEXC)`, as `feenableexcept`
/// does).
pub const MSR_FE0: u64 = 1 << 11;
pub const MSR_FE1: u64 = 1 << 8;

/// Bits of the XER as `mfxer` composes them (low word).
pub const XER_SO: u32 = 1 << 31;
pub const XER_OV: u32 = 1 << 30;
pub const XER_CA: u32 = 1 << 29;

#[repr(C, align(16))]
#[derive(Clone, PartialEq, Eq)]
pub struct Context {
    pub gpr: [u64; 32],
    /// Floating-point registers as raw IEEE double bits.
    pub fpr: [u64; 32],
    /// VMX128 register file; guest element 0 is the most significant part.
    pub vr: [u128; 128],
    /// Condition register: CR0 in bits 31..28, CR7 in bits 3..0 (as `mfcr` returns it).
    pub cr: u32,
    /// XER summary overflow, overflow and carry, kept apart because they are updated
    /// independently by most instructions; `xer()`/`set_xer()` compose the register.
    pub xer_so: u8,
    pub xer_ov: u8,
    pub xer_ca: u8,
    /// String instruction byte count (XER bits 57..63).
    pub xer_bc: u8,
    pub lr: u64,
    pub ctr: u64,
    pub msr: u64,
    pub fpscr: u32,
    pub vscr: u32,
    pub vrsave: u32,
    /// Address and validity of the lwarx/ldarx reservation.
    pub reserve_addr: u32,
    pub reserve_valid: u8,
    pub reserve_size: u8,
    pub _pad: [u8; 2],
    /// Value loaded by the reserving instruction; a store-conditional succeeds only if the
    /// reservation is still held (our stand-in for cache-line snooping across threads).
    pub reserve_value: u64,
    /// Address of the next instruction to execute.
    pub pc: u32,
    pub _pad2: u32,
    /// Time base; advanced by the execution loop.
    pub timebase: u64,
}

impl Default for Context {
    fn default() -> Self {
        Self {
            gpr: [0; 32],
            fpr: [0; 32],
            vr: [0; 128],
            cr: 0,
            xer_so: 0,
            xer_ov: 0,
            xer_ca: 0,
            xer_bc: 0,
            lr: 0,
            ctr: 0,
            msr: MSR_SF,
            fpscr: 0,
            vscr: 0x0001_0000, // NJ=1 is the Xenon's reset state for VMX
            vrsave: 0,
            reserve_addr: 0,
            reserve_valid: 0,
            reserve_size: 0,
            _pad: [0; 2],
            reserve_value: 0,
            pc: 0,
            _pad2: 0,
            timebase: 0,
        }
    }
}

impl std::fmt::Debug for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "pc={:08x} lr={:016x} ctr={:016x} cr={:08x} xer={:08x} fpscr={:08x} msr={:016x}",
            self.pc,
            self.lr,
            self.ctr,
            self.cr,
            self.xer(),
            self.fpscr,
            self.msr
        )?;
        for (i, r) in self.gpr.iter().enumerate() {
            write!(f, "r{i:<2}={r:016x}{}", if i % 4 == 3 { "\n" } else { " " })?;
        }
        Ok(())
    }
}

impl Context {
    /// True when MSR[SF] selects 64-bit mode.
    #[inline]
    pub fn is_64bit(&self) -> bool {
        self.msr & MSR_SF != 0
    }

    /// Whether an enabled floating-point exception interrupts (MSR[FE0] or MSR[FE1]).
    pub fn fp_exceptions_precise(&self) -> bool {
        self.msr & (MSR_FE0 | MSR_FE1) != 0
    }

    pub fn xer(&self) -> u32 {
        (u32::from(self.xer_so) << 31)
            | (u32::from(self.xer_ov) << 30)
            | (u32::from(self.xer_ca) << 29)
            | u32::from(self.xer_bc & 0x7f)
    }

    pub fn set_xer(&mut self, value: u64) {
        let v = value as u32;
        self.xer_so = (v >> 31) as u8 & 1;
        self.xer_ov = (v >> 30) as u8 & 1;
        self.xer_ca = (v >> 29) as u8 & 1;
        self.xer_bc = (v & 0x7f) as u8;
    }

    /// Reads CR field `n` (0 = CR0) as a 4-bit value LT,GT,EQ,SO.
    #[inline]
    pub fn cr_field(&self, n: u32) -> u32 {
        (self.cr >> (28 - 4 * n)) & 0xf
    }

    #[inline]
    pub fn set_cr_field(&mut self, n: u32, value: u32) {
        let shift = 28 - 4 * n;
        self.cr = (self.cr & !(0xf << shift)) | ((value & 0xf) << shift);
    }

    /// Reads CR bit `bi` in IBM numbering (0 = CR0[LT]).
    #[inline]
    pub fn cr_bit(&self, bi: u32) -> bool {
        (self.cr >> (31 - bi)) & 1 != 0
    }

    #[inline]
    pub fn set_cr_bit(&mut self, bi: u32, value: bool) {
        let m = 1 << (31 - bi);
        if value {
            self.cr |= m;
        } else {
            self.cr &= !m;
        }
    }

    /// The CR0 value a recording (Rc=1) integer instruction produces for `result`:
    /// compared as signed 64-bit in 64-bit mode, as signed low word in 32-bit mode,
    /// with SO copied from XER.
    #[inline]
    pub fn record_cr0(&mut self, result: u64) {
        let v = if self.is_64bit() {
            result as i64
        } else {
            result as i32 as i64
        };
        let field = match v.cmp(&0) {
            std::cmp::Ordering::Less => 0b1000,
            std::cmp::Ordering::Greater => 0b0100,
            std::cmp::Ordering::Equal => 0b0010,
        } | u32::from(self.xer_so);
        self.set_cr_field(0, field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cr_field_and_bit_numbering_follow_ibm_order() {
        let mut c = Context::default();
        c.set_cr_field(0, 0b1000);
        assert_eq!(c.cr, 0x8000_0000);
        assert!(c.cr_bit(0));
        c.set_cr_field(7, 0b0001);
        assert_eq!(c.cr & 0xf, 1);
        assert!(c.cr_bit(31));
        c.set_cr_bit(6, true); // CR1[EQ]
        assert_eq!(c.cr_field(1), 0b0010);
    }

    #[test]
    fn xer_round_trips() {
        let mut c = Context::default();
        c.set_xer(0xE000_007F);
        assert_eq!((c.xer_so, c.xer_ov, c.xer_ca, c.xer_bc), (1, 1, 1, 0x7f));
        assert_eq!(c.xer(), 0xE000_007F);
    }

    #[test]
    fn record_cr0_respects_mode() {
        let mut c = Context::default();
        c.record_cr0(0x0000_0000_8000_0000);
        assert_eq!(c.cr_field(0), 0b0100, "positive as 64-bit");
        c.msr = 0;
        c.record_cr0(0x0000_0000_8000_0000);
        assert_eq!(c.cr_field(0), 0b1000, "negative as low word");
    }
}
