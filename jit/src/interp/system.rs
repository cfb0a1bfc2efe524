//! System call, traps, synchronization, cache management, SPRs.

use super::{ea_indexed, ExecResult, Exit};
use crate::isa::system::{sc_lev, SysOp};
use crate::isa::Insn;
use crate::{Context, Memory};

/// SPR numbers a user-mode program may read or write.
const XER: u32 = 1;
const LR: u32 = 8;
const CTR: u32 = 9;
const VRSAVE: u32 = 256;
/// Time base, read-only through `mfspr`/`mftb`.
const TBL: u32 = 268;
const TBU: u32 = 269;

pub fn exec(op: SysOp, i: Insn, ctx: &mut Context, mem: &Memory) -> ExecResult {
    match op {
        SysOp::Sc => return Err(Exit::Syscall { lev: sc_lev(i) }),
        SysOp::Tw | SysOp::Twi | SysOp::Td | SysOp::Tdi => trap(op, i, ctx)?,
        // No architectural effect on the state we model: there are no caches, and this
        // interpreter performs its accesses in program order and fetches every instruction
        // from guest memory.
        SysOp::Sync
        | SysOp::Eieio
        | SysOp::Isync
        | SysOp::Dcbf
        | SysOp::Dcbst
        | SysOp::Dcbt
        | SysOp::Dcbtst => {}
        // Nothing architectural either, but a JIT running on this memory must fetch the
        // block afresh: tell every engine (free when nobody compiled from the page).
        SysOp::Icbi => {
            let addr = ea_indexed(ctx, i.ra(), i.rb()) & !127;
            mem.invalidate_code(addr, 128);
        }
        SysOp::Dcbz => zero_block(i, ctx, mem, 32)?,
        SysOp::Dcbz128 => zero_block(i, ctx, mem, 128)?,
        SysOp::Mfspr | SysOp::Mftb => {
            let value = read_spr(ctx, i.spr()).ok_or(Exit::Invalid { word: i.0 })?;
            ctx.gpr[i.rt()] = value;
        }
        SysOp::Mtspr => {
            let value = ctx.gpr[i.rs()];
            write_spr(ctx, i.spr(), value).ok_or(Exit::Invalid { word: i.0 })?;
        }
        SysOp::Mfmsr => ctx.gpr[i.rt()] = ctx.msr,
    }
    Ok(())
}

/// Traps when any condition selected by TO holds: TO bits are, from the most significant,
/// signed <, signed >, =, unsigned <, unsigned >. Word traps compare the low words, which we
/// sign-extend: that keeps both their signed and their unsigned order.
fn trap(op: SysOp, i: Insn, ctx: &Context) -> ExecResult {
    let a = ctx.gpr[i.ra()];
    let b = match op {
        SysOp::Tw | SysOp::Td => ctx.gpr[i.rb()],
        _ => i.simm() as u64,
    };
    let (a, b) = match op {
        SysOp::Tw | SysOp::Twi => (a as i32 as u64, b as i32 as u64),
        _ => (a, b),
    };
    let to = i.to();
    let (sa, sb) = (a as i64, b as i64);
    let holds = (to & 0b10000 != 0 && sa < sb)
        || (to & 0b01000 != 0 && sa > sb)
        || (to & 0b00100 != 0 && a == b)
        || (to & 0b00010 != 0 && a < b)
        || (to & 0b00001 != 0 && a > b);
    if holds {
        Err(Exit::Trap { word: i.0 })
    } else {
        Ok(())
    }
}

/// `dcbz`/`dcbz128`: zeroes the aligned block holding the effective address. The block lies
/// within one page, so the write either completes or faults before changing anything.
fn zero_block(i: Insn, ctx: &Context, mem: &Memory, size: u32) -> ExecResult {
    let addr = ea_indexed(ctx, i.ra(), i.rb()) & !(size - 1);
    mem.write_bytes(addr, &[0u8; 128][..size as usize])?;
    Ok(())
}

fn read_spr(ctx: &Context, spr: u32) -> Option<u64> {
    Some(match spr {
        XER => u64::from(ctx.xer()),
        LR => ctx.lr,
        CTR => ctx.ctr,
        VRSAVE => u64::from(ctx.vrsave),
        TBL => ctx.timebase,
        TBU => ctx.timebase >> 32,
        _ => return None,
    })
}

fn write_spr(ctx: &mut Context, spr: u32, value: u64) -> Option<()> {
    match spr {
        XER => ctx.set_xer(value),
        LR => ctx.lr = value,
        CTR => ctx.ctr = value,
        VRSAVE => ctx.vrsave = value as u32,
        _ => return None,
    }
    Some(())
}

#[cfg(test)]
mod tests {
    //! Trap outcomes were cross-checked against qemu-ppc64 7.2 (`-cpu 970`: a program that
    //! runs the trap either exits normally or dies of SIGTRAP). The rest follows the ISA
    //! definitions quoted in the comments.

    use crate::context::MSR_SF;
    use crate::interp::{step, Exit};
    use crate::memory::{AccessKind, Fault};
    use crate::{Context, Memory, Perm};

    const CODE: u32 = 0x8200_0000;
    const DATA: u32 = 0x1000_0000;

    /// A context about to execute `word`, with a read-write page at `DATA` full of 0xAA and a
    /// read-only page after it.
    fn setup(word: u32) -> (Context, Memory) {
        let mem = Memory::new().unwrap();
        mem.map(CODE, 0x1000, Perm::RX).unwrap();
        mem.poke_bytes(CODE, &word.to_be_bytes()).unwrap();
        mem.map(DATA, 0x1000, Perm::RW).unwrap();
        mem.write_bytes(DATA, &[0xaa; 0x1000]).unwrap();
        mem.map(DATA + 0x1000, 0x1000, Perm::READ).unwrap();
        let ctx = Context {
            pc: CODE,
            ..Context::default()
        };
        (ctx, mem)
    }

    /// Runs one instruction; on an exit other than a syscall, checks that nothing changed.
    fn exec(word: u32, ctx: &mut Context, mem: &Memory) -> Result<(), Exit> {
        let before = ctx.clone();
        let r = step(ctx, mem);
        if let Err(e) = r {
            if !matches!(e, Exit::Syscall { .. }) {
                assert!(
                    *ctx == before,
                    "{word:#010x} exited with {e} but changed state"
                );
            }
        }
        r
    }

    #[test]
    fn sc_reports_its_level_and_completes() {
        for (word, lev) in [(0x4400_0002, 0), (0x4400_0022, 1), (0x4400_0fe2, 127)] {
            let (mut ctx, mem) = setup(word);
            assert_eq!(exec(word, &mut ctx, &mem), Err(Exit::Syscall { lev }));
            assert_eq!(ctx.pc, CODE + 4);
        }
    }

    #[test]
    fn traps_compare_words_or_doublewords() {
        let lo_equal = (0x1_0000_0005, 0x2_0000_0005); // low words equal, high words differ
        let cases: &[(u32, (u64, u64), bool)] = &[
            (0x7c83_2008, lo_equal, true),                   // tweq r3,r4
            (0x7c83_2088, lo_equal, false),                  // tdeq r3,r4
            (0x7f03_2088, lo_equal, true),                   // tdne r3,r4
            (0x7c23_2008, (0xffff_ffff, 1), true),           // twlgt: 0xffffffff >u 1
            (0x7e03_2008, (0xffff_ffff, 1), true),           // twlt: -1 < 1 signed
            (0x7e03_2088, (0xffff_ffff, 1), false),          // tdlt: 0xffffffff > 1
            (0x0c83_0005, (0x1_0000_0005, 0), true),         // tweqi r3,5
            (0x0883_0005, (0x1_0000_0005, 0), false),        // tdeqi r3,5
            (0x0a03_0000, (0xffff_ffff_ffff_fffe, 0), true), // tdlti r3,0
            (0x0fe3_0000, (0, 0), true),                     // twui: always
            (0x0c03_0000, (0, 0), false),                    // twi 0: never
            (0x7fe0_0008, (0, 0), true),                     // trap
        ];
        for &(word, (a, b), traps) in cases {
            let (mut ctx, mem) = setup(word);
            ctx.gpr[3] = a;
            ctx.gpr[4] = b;
            let r = exec(word, &mut ctx, &mem);
            if traps {
                assert_eq!(r, Err(Exit::Trap { word }), "{word:#010x}");
                assert_eq!(ctx.pc, CODE);
            } else {
                assert_eq!(r, Ok(()), "{word:#010x}");
                assert_eq!(ctx.pc, CODE + 4);
            }
        }
    }

    #[test]
    fn dcbz_zeroes_the_aligned_block() {
        // dcbz r3,r4 and dcbz128 (dcbzl) r3,r4; the EA is deliberately unaligned.
        for (word, size) in [(0x7c03_27ec_u32, 32usize), (0x7c23_27ec, 128)] {
            let (mut ctx, mem) = setup(word);
            ctx.gpr[3] = DATA as u64 + 0x100;
            ctx.gpr[4] = 0x85;
            exec(word, &mut ctx, &mem).unwrap();
            let mut page = vec![0; 0x400];
            mem.read_bytes(DATA, &mut page).unwrap();
            let start = (0x185 / size) * size;
            for (n, &b) in page.iter().enumerate() {
                let want = if (start..start + size).contains(&n) {
                    0
                } else {
                    0xaa
                };
                assert_eq!(b, want, "byte {n:#x} after zeroing {size} bytes");
            }
        }
    }

    #[test]
    fn dcbz_address_wraps_to_32_bits() {
        let word = 0x7c03_27ec; // dcbz r3,r4
        let (mut ctx, mem) = setup(word);
        ctx.gpr[3] = 0xffff_ffff_0000_0000;
        ctx.gpr[4] = u64::from(DATA) + 0x1_0000_0040;
        exec(word, &mut ctx, &mem).unwrap();
        assert_eq!(mem.read_u64(DATA + 0x40).unwrap(), 0);
        assert_eq!(mem.read_u64(DATA + 0x38).unwrap(), 0xaaaa_aaaa_aaaa_aaaa);
    }

    #[test]
    fn dcbz_faults_precisely() {
        for (word, base) in [(0x7c00_1fec_u32, DATA + 0x1000), (0x7c20_1fec, 0x5000_0000)] {
            let (mut ctx, mem) = setup(word);
            ctx.gpr[3] = u64::from(base) + 0x10;
            let r = exec(word, &mut ctx, &mem);
            let kind = AccessKind::Write;
            let addr = base;
            assert_eq!(r, Err(Exit::Fault(Fault { addr, kind })), "{word:#010x}");
            assert_eq!(ctx.pc, CODE);
        }
    }

    #[test]
    fn barriers_and_cache_hints_change_nothing() {
        // hwsync, lwsync, ptesync, eieio, isync, dcbf r3,r4, dcbf r3,r4,1, dcbst r3,r4,
        // dcbtct r3,r4, dcbtst r3,r4,16, icbi r3,r4, all on an unmapped address.
        let words = [
            0x7c00_04ac,
            0x7c20_04ac,
            0x7c40_04ac,
            0x7c00_06ac,
            0x4c00_012c,
            0x7c03_20ac,
            0x7c23_20ac,
            0x7c03_206c,
            0x7c03_222c,
            0x7e03_21ec,
            0x7c03_27ac,
        ];
        for word in words {
            let (mut ctx, mem) = setup(word);
            ctx.gpr[3] = 0x5000_0000;
            let mut expect = ctx.clone();
            expect.pc = CODE + 4;
            exec(word, &mut ctx, &mem).unwrap();
            assert!(ctx == expect, "{word:#010x}");
        }
    }

    #[test]
    fn user_sprs_move_to_and_from_gprs() {
        // mtspr then mfspr through r3 -> r4 for XER (1), LR (8), CTR (9), VRSAVE (256).
        let value = 0xffff_ffff_e000_007f_u64;
        let cases = [
            (0x7c61_03a6_u32, 0x7c81_02a6_u32, 0xe000_007f_u64),
            (0x7c68_03a6, 0x7c88_02a6, value),
            (0x7c69_03a6, 0x7c89_02a6, value),
            (0x7c60_43a6, 0x7c80_42a6, 0xe000_007f),
        ];
        for (mt, mf, read_back) in cases {
            let (mut ctx, mem) = setup(mt);
            ctx.gpr[3] = value;
            exec(mt, &mut ctx, &mem).unwrap();
            mem.poke_bytes(CODE + 4, &mf.to_be_bytes()).unwrap();
            exec(mf, &mut ctx, &mem).unwrap();
            assert_eq!(ctx.gpr[4], read_back, "{mt:#010x} then {mf:#010x}");
        }
    }

    #[test]
    fn time_base_reads_through_either_opcode() {
        // mfspr r3,268; mfspr r3,269; mftb r3 (opcode 371); mftbu r3 (371).
        let tb = 0x0123_4567_89ab_cdef;
        for (word, want) in [
            (0x7c6c_42a6_u32, tb),
            (0x7c6d_42a6, tb >> 32),
            (0x7c6c_42e6, tb),
            (0x7c6d_42e6, tb >> 32),
        ] {
            let (mut ctx, mem) = setup(word);
            ctx.timebase = tb;
            exec(word, &mut ctx, &mem).unwrap();
            assert_eq!(ctx.gpr[3], want, "{word:#010x}");
        }
    }

    #[test]
    fn unknown_sprs_are_invalid() {
        // mfspr r3,287 (PVR), mfspr r3,1023, mtspr 268,r3 (the time base is read-only),
        // mtspr 272,r3 (SPRG0).
        for word in [0x7c7f_42a6_u32, 0x7c7f_faa6, 0x7c6c_43a6, 0x7c70_43a6] {
            let (mut ctx, mem) = setup(word);
            ctx.gpr[3] = 7;
            assert_eq!(exec(word, &mut ctx, &mem), Err(Exit::Invalid { word }));
            assert_eq!(ctx.pc, CODE);
        }
    }

    #[test]
    fn mfmsr_reads_the_msr() {
        let word = 0x7c60_00a6; // mfmsr r3
        let (mut ctx, mem) = setup(word);
        ctx.msr = MSR_SF | 0x8000;
        exec(word, &mut ctx, &mem).unwrap();
        assert_eq!(ctx.gpr[3], MSR_SF | 0x8000);
    }
}
