//! The signal frame of a 32-bit process: `struct rt_sigframe` as a 64-bit Linux kernel
//! builds it for one (arch/powerpc/kernel/signal_32.c, with the UAPI `asm/ucontext.h`,
//! `asm/sigcontext.h` and `asm/elf.h`): the siginfo, then `struct ucontext` with its
//! `mcontext` (48 register words, 33 doubles, two pad words, 33 vectors), then a 224-byte
//! gap for the old ABI's register save area below the interrupted stack pointer.

use super::{get, put, Abi};
use oxenon_jit::{Context, Memory};

/// Offsets in the frame, which starts 16-byte aligned.
const INFO: u32 = 0;
const UC: u32 = 128;
/// In `struct ucontext`: the pointer to the mcontext (`uc_regs`), the signal mask, the
/// mcontext itself (16-byte aligned).
const UC_STACK: u32 = 8;
const UC_REGS: u32 = 48;
const UC_SIGMASK: u32 = 52;
const MCONTEXT: u32 = 192;
/// In the mcontext: `mc_gregs[48]`, `mc_fregs[33]` (FPSCR in the last), `mc_pad[2]`,
/// `mc_vregs[33]` (VSCR in the last word and VRSAVE in the first word of the last).
const GREGS: u32 = 0;
const FREGS: u32 = GREGS + 48 * 4;
const VREGS: u32 = FREGS + 33 * 8 + 8;
const MCONTEXT_SIZE: u32 = VREGS + 33 * 16;
/// The whole frame: siginfo, ucontext, ABI gap.
const SIZE: u32 = UC + MCONTEXT + MCONTEXT_SIZE + 224;
/// The handler's caller frame below the signal frame (`__SIGNAL_FRAMESIZE` + 16); sigreturn
/// finds the frame this far above r1.
const CALLER_FRAME: u32 = 64 + 16;
/// Indices into `mc_gregs` (`asm/ptrace.h`).
const PT_NIP: u32 = 32;
const PT_MSR: u32 = 33;
const PT_ORIG_R3: u32 = 34;
const PT_CTR: u32 = 35;
const PT_LNK: u32 = 36;
const PT_XER: u32 = 37;
const PT_CCR: u32 = 38;
const PT_TRAP: u32 = 40;
const PT_DAR: u32 = 41;
/// MSR[VEC]: set in the saved MSR when the vector registers are saved.
const MSR_VEC: u32 = 1 << 25;

/// What the handler is entered with.
pub struct Entry {
    pub handler: u32,
    pub sig: u32,
    /// The 32-bit siginfo (128 bytes).
    pub info: Vec<u8>,
    pub mask: u64,
    pub dar: u32,
    pub trampoline: u32,
    /// Where the frame goes below: the interrupted stack pointer, or the top of the
    /// alternate signal stack.
    pub below: u32,
    /// `uc_stack`: the alternate stack's base, flags and size as `sigaltstack` reports them.
    pub uc_stack: [u32; 3],
}

/// Writes the frame below the stack pointer of `ctx` and points `ctx` at the handler. An
/// `Err` when the frame cannot be written (the caller makes that a SIGSEGV, as Linux does).
pub fn push(ctx: &mut Context, mem: &Memory, e: &Entry) -> Result<(), ()> {
    let sp = ctx.gpr[1] as u32;
    let frame = e.below.wrapping_sub(SIZE) & !15;
    let uc = frame.wrapping_add(UC);
    let mc = uc.wrapping_add(MCONTEXT);
    let mut image = vec![0u8; (MCONTEXT + MCONTEXT_SIZE) as usize];
    let mut word = |off: u32, v: u32| {
        image[off as usize..off as usize + 4].copy_from_slice(&v.to_be_bytes());
    };
    word(UC_REGS, mc);
    for (k, v) in e.uc_stack.iter().enumerate() {
        word(UC_STACK + 4 * k as u32, *v);
    }
    for (k, r) in ctx.gpr.iter().enumerate() {
        word(MCONTEXT + GREGS + 4 * k as u32, *r as u32);
    }
    let greg = |k: u32| MCONTEXT + GREGS + 4 * k;
    word(greg(PT_NIP), ctx.pc);
    word(greg(PT_MSR), ctx.msr as u32 | MSR_VEC);
    word(greg(PT_ORIG_R3), ctx.gpr[3] as u32);
    word(greg(PT_CTR), ctx.ctr as u32);
    word(greg(PT_LNK), ctx.lr as u32);
    word(greg(PT_XER), ctx.xer());
    word(greg(PT_CCR), ctx.cr);
    word(greg(PT_TRAP), 0xc00);
    word(greg(PT_DAR), e.dar);
    let vrsave = MCONTEXT + VREGS + 16 * 32;
    word(vrsave, ctx.vrsave);
    word(vrsave + 12, ctx.vscr);
    image[UC_SIGMASK as usize..UC_SIGMASK as usize + 8]
        .copy_from_slice(&Abi::Ppc32.sigset_bytes(e.mask));
    for (k, f) in ctx.fpr.iter().enumerate() {
        let o = (MCONTEXT + FREGS) as usize + 8 * k;
        image[o..o + 8].copy_from_slice(&f.to_be_bytes());
    }
    let o = (MCONTEXT + FREGS) as usize + 8 * 32;
    image[o..o + 8].copy_from_slice(&u64::from(ctx.fpscr).to_be_bytes());
    for (k, v) in ctx.vr.iter().take(32).enumerate() {
        let o = (MCONTEXT + VREGS) as usize + 16 * k;
        image[o..o + 16].copy_from_slice(&v.to_be_bytes());
    }
    let newsp = frame.wrapping_sub(CALLER_FRAME);
    for (at, data) in [
        (uc, image),
        (frame.wrapping_add(INFO), e.info.clone()),
        (newsp, sp.to_be_bytes().to_vec()),
    ] {
        put(mem, u64::from(at), &data).map_err(|_| ())?;
    }
    ctx.gpr[1] = u64::from(newsp);
    ctx.gpr[3] = u64::from(e.sig);
    ctx.gpr[4] = u64::from(frame.wrapping_add(INFO));
    ctx.gpr[5] = u64::from(uc);
    ctx.gpr[6] = u64::from(frame);
    ctx.lr = u64::from(e.trampoline);
    ctx.pc = e.handler & !3;
    Ok(())
}

/// `rt_sigreturn` of a 32-bit process: restores the registers from the mcontext the frame's
/// `uc_regs` points to and returns the signal mask to restore; `None` when the frame
/// cannot be read.
pub fn pop(ctx: &mut Context, mem: &Memory) -> Option<u64> {
    let uc = (ctx.gpr[1] as u32)
        .wrapping_add(CALLER_FRAME)
        .wrapping_add(UC);
    let head = get(mem, u64::from(uc), MCONTEXT as usize).ok()?;
    let mask = Abi::Ppc32.sigset_from(&head[UC_SIGMASK as usize..]);
    let mc = Abi::Ppc32.long_at(&head[UC_REGS as usize..], 0);
    let raw = get(mem, mc, MCONTEXT_SIZE as usize).ok()?;
    let word = |off: u32| u64::from(Abi::Ppc32.long_at(&raw[off as usize..], 0) as u32);
    let greg = |k: u32| word(GREGS + 4 * k);
    for (k, r) in ctx.gpr.iter_mut().enumerate() {
        *r = greg(k as u32);
    }
    ctx.pc = greg(PT_NIP) as u32 & !3;
    ctx.ctr = greg(PT_CTR);
    ctx.lr = greg(PT_LNK);
    ctx.set_xer(greg(PT_XER));
    ctx.cr = greg(PT_CCR) as u32;
    let double = |k: usize| {
        let o = FREGS as usize + 8 * k;
        u64::from_be_bytes(raw[o..o + 8].try_into().unwrap_or_default())
    };
    for (k, f) in ctx.fpr.iter_mut().enumerate() {
        *f = double(k);
    }
    ctx.fpscr = double(32) as u32;
    if greg(PT_MSR) as u32 & MSR_VEC != 0 {
        for (k, v) in ctx.vr.iter_mut().take(32).enumerate() {
            let o = VREGS as usize + 16 * k;
            *v = u128::from_be_bytes(raw[o..o + 16].try_into().unwrap_or_default());
        }
        ctx.vrsave = word(VREGS + 16 * 32) as u32;
        ctx.vscr = word(VREGS + 16 * 32 + 12) as u32;
    }
    ctx.reserve_valid = 0;
    Some(mask)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxenon_jit::Perm;

    #[test]
    fn the_layout_matches_the_uapi_offsets() {
        // From asm/ucontext.h and asm/elf.h for 32-bit PowerPC, checked by compiling
        // offsetof() on ucontext_t with powerpc-linux-gnu-gcc: uc_regs 48, uc_sigmask 52,
        // the mcontext at 192; mc_fregs 192 bytes into it, mc_vregs 464.
        assert_eq!((UC_REGS, UC_SIGMASK, MCONTEXT), (48, 52, 192));
        assert_eq!((FREGS, VREGS), (192, 464));
        assert_eq!((UC + MCONTEXT + VREGS) % 16, 0);
    }

    #[test]
    fn a_frame_pushed_and_popped_restores_the_context() {
        let mem = Memory::new().unwrap();
        mem.map(0x1000_0000, 0x10000, Perm::RW).unwrap();
        let mut ctx = Context {
            msr: 0,
            ..Context::default()
        };
        for (k, r) in ctx.gpr.iter_mut().enumerate() {
            *r = 0x100 + k as u64;
        }
        ctx.gpr[1] = 0x1000_8000;
        ctx.pc = 0x1000_0040;
        ctx.lr = 0x1000_0080;
        ctx.cr = 0x2480_0000;
        ctx.fpr[7] = 1.5f64.to_bits();
        ctx.vr[3] = 0x0102_0304_0506_0708_090a_0b0c_0d0e_0f10;
        let before = ctx.clone();
        let e = Entry {
            handler: 0x1000_0100,
            sig: 10,
            info: vec![0; 128],
            mask: 1 << 9,
            dar: 0,
            trampoline: 0x2000_0000,
            below: 0x1000_8000,
            uc_stack: [0, 2, 0],
        };
        push(&mut ctx, &mem, &e).unwrap();
        assert_eq!((ctx.pc, ctx.gpr[3], ctx.lr), (0x1000_0100, 10, 0x2000_0000));
        assert_eq!(ctx.gpr[1] % 16, 0);
        assert_eq!(mem.read_u32(ctx.gpr[1] as u32).unwrap(), 0x1000_8000);
        // The handler changes a register in its mcontext; sigreturn brings that back.
        let mc = mem.read_u32(ctx.gpr[5] as u32 + UC_REGS).unwrap();
        mem.write_u32(mc + 4 * 3, 777).unwrap();
        ctx.gpr[3] = 0;
        assert_eq!(pop(&mut ctx, &mem), Some(1 << 9));
        assert_eq!(ctx.gpr[3], 777);
        ctx.gpr[3] = before.gpr[3];
        assert_eq!(ctx.gpr, before.gpr);
        assert_eq!((ctx.pc, ctx.lr, ctx.cr), (before.pc, before.lr, before.cr));
        assert_eq!((ctx.fpr, ctx.vr[3]), (before.fpr, before.vr[3]));

        // On an alternate stack: the frame goes below its top, the back chain is still the
        // interrupted r1, and uc_stack describes the alternate stack.
        let alt = Entry {
            below: 0x1000_4000,
            uc_stack: [0x1000_2000, 1, 0x2000],
            ..e
        };
        push(&mut ctx, &mem, &alt).unwrap();
        assert!((0x1000_2000..0x1000_4000).contains(&(ctx.gpr[1] as u32)));
        assert_eq!(mem.read_u32(ctx.gpr[1] as u32).unwrap(), 0x1000_8000);
        let uc = ctx.gpr[5] as u32;
        assert_eq!(mem.read_u32(uc + UC_STACK).unwrap(), 0x1000_2000);
        assert_eq!(mem.read_u32(uc + UC_STACK + 8).unwrap(), 0x2000);
    }
}
