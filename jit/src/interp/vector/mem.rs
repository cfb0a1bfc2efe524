//! Vector loads and stores: the AltiVec quadword and element forms, `lvsl`/`lvsr`, the
//! Cell/Xenon left/right forms that move the part of an unaligned quadword that lies in one
//! aligned 16-byte block, their VMX128 re-encodings, and the data-stream hints.
//!
//! Every access lies inside one aligned 16-byte block, so it never crosses a page: each
//! instruction either completes or faults before changing anything. Memory bytes map to
//! register elements through `lanes` (the byte at the lowest address is element 0).
//!
//! - `lvx`/`stvx` (and the `l` LRU-hint forms) access the block containing EA (EA & !15).
//! - `lve[bhw]x` / `stve[bhw]x` access the element at EA aligned down to its size; it
//!   occupies byte `EA & 15` onward of the register. The ISA leaves the other elements of a
//!   loaded register undefined; we load the whole aligned block (the element is where the ISA
//!   puts it), which is also what the public Xenon test suite expects.
//! - `lvlx`: bytes EA .. end of its block go to the leftmost register bytes, the rest is zero.
//!   `lvrx`: bytes start of the block .. EA go to the rightmost register bytes, the rest is
//!   zero; with EA aligned it reads nothing and the register becomes zero.
//!   `stvlx` stores the leftmost `16 - (EA & 15)` register bytes at EA; `stvrx` stores the
//!   rightmost `EA & 15` bytes just below EA, at the start of its block (nothing if aligned).
//! - `lvsl`/`lvsr` read no memory: bytes `sh .. sh + 16` and `16 - sh .. 32 - sh`, sh = EA & 15.
//! - `dst`, `dstt`, `dstst`, `dststt`, `dss`, `dssall` are hints with no architectural effect.

use super::lanes;
use crate::interp::{ea_indexed, ExecResult, Exit};
use crate::isa::vector::VecOp;
use crate::isa::Insn;
use crate::memory::AccessKind;
use crate::{Context, Fault, Memory};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Whole aligned block.
    Quad,
    /// One element of this many bytes.
    Element(u32),
    Left,
    Right,
    ShiftLeft,
    ShiftRight,
}

pub fn exec(op: VecOp, i: Insn, ctx: &mut Context, mem: &Memory) -> Option<ExecResult> {
    use VecOp::*;
    let (kind, store, wide) = match op {
        Lvx | Lvxl => (Kind::Quad, false, false),
        Lvx128 | Lvxl128 => (Kind::Quad, false, true),
        Stvx | Stvxl => (Kind::Quad, true, false),
        Stvx128 | Stvxl128 => (Kind::Quad, true, true),
        Lvebx => (Kind::Element(1), false, false),
        Lvehx => (Kind::Element(2), false, false),
        Lvewx => (Kind::Element(4), false, false),
        Lvewx128 => (Kind::Element(4), false, true),
        Stvebx => (Kind::Element(1), true, false),
        Stvehx => (Kind::Element(2), true, false),
        Stvewx => (Kind::Element(4), true, false),
        Stvewx128 => (Kind::Element(4), true, true),
        Lvlx | Lvlxl => (Kind::Left, false, false),
        Lvlx128 | Lvlxl128 => (Kind::Left, false, true),
        Lvrx | Lvrxl => (Kind::Right, false, false),
        Lvrx128 | Lvrxl128 => (Kind::Right, false, true),
        Stvlx | Stvlxl => (Kind::Left, true, false),
        Stvlx128 | Stvlxl128 => (Kind::Left, true, true),
        Stvrx | Stvrxl => (Kind::Right, true, false),
        Stvrx128 | Stvrxl128 => (Kind::Right, true, true),
        Lvsl => (Kind::ShiftLeft, false, false),
        Lvsl128 => (Kind::ShiftLeft, false, true),
        Lvsr => (Kind::ShiftRight, false, false),
        Lvsr128 => (Kind::ShiftRight, false, true),
        Dst | Dstt | Dstst | Dststt | Dss | Dssall => return Some(Ok(())),
        _ => return None,
    };
    let v = if wide { i.vd128() } else { i.vd() };
    let ea = ea_indexed(ctx, i.ra(), i.rb());
    Some(if store {
        store_vector(kind, ea, ctx.vr[v], mem)
    } else {
        load_vector(kind, ea, mem)
            .map(|value| ctx.vr[v] = value)
            .map_err(Exit::from)
    })
}

/// The value a load gives VD, or the fault that stops it.
fn load_vector(kind: Kind, ea: u32, mem: &Memory) -> Result<u128, Fault> {
    let block = ea & !15;
    let offset = (ea & 15) as usize;
    let mut b = [0u8; 16];
    match kind {
        Kind::Quad => mem.read_bytes(block, &mut b)?,
        Kind::Element(size) => {
            // Fault as the element access would (at its address), then take the block.
            let at = ea & !(size - 1);
            mem.check(at, size, AccessKind::Read)?;
            mem.read_bytes(block, &mut b)?;
        }
        Kind::Left => mem.read_bytes(ea, &mut b[..16 - offset])?,
        Kind::Right => {
            if offset != 0 {
                mem.read_bytes(block, &mut b[16 - offset..])?;
            }
        }
        Kind::ShiftLeft => b = std::array::from_fn(|k| (offset + k) as u8),
        Kind::ShiftRight => b = std::array::from_fn(|k| (16 - offset + k) as u8),
    }
    Ok(lanes::from_bytes(b))
}

fn store_vector(kind: Kind, ea: u32, value: u128, mem: &Memory) -> ExecResult {
    let block = ea & !15;
    let offset = (ea & 15) as usize;
    let b = lanes::bytes(value);
    match kind {
        Kind::Quad => mem.write_bytes(block, &b)?,
        Kind::Element(size) => {
            let at = ea & !(size - 1);
            let k = (at & 15) as usize;
            mem.write_bytes(at, &b[k..k + size as usize])?;
        }
        Kind::Left => mem.write_bytes(ea, &b[..16 - offset])?,
        Kind::Right => {
            if offset != 0 {
                mem.write_bytes(block, &b[16 - offset..])?;
            }
        }
        Kind::ShiftLeft | Kind::ShiftRight => unreachable!("lvsl/lvsr are not stores"),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::interp::{step, ExecResult, Exit};
    use crate::isa::assemble;
    use crate::memory::{AccessKind, Fault};
    use crate::{Context, Memory, Perm};

    const CODE: u32 = 0x8000_0000;
    /// One read-write page, then a read-only page, then nothing.
    const DATA: u32 = 0x1000_0000;
    const RO_PAGE: u32 = 0x1000_1000;
    const UNMAPPED: u32 = 0x1000_2000;

    fn setup() -> (Context, Memory) {
        let mem = Memory::new().unwrap();
        mem.map(CODE, 0x1000, Perm::RX).unwrap();
        mem.map(DATA, 0x1000, Perm::RW).unwrap();
        mem.map(RO_PAGE, 0x1000, Perm::READ).unwrap();
        let pattern: Vec<u8> = (0..=255u8).cycle().take(0x1000).collect();
        mem.poke_bytes(DATA, &pattern).unwrap();
        mem.poke_bytes(RO_PAGE, &pattern).unwrap();
        let ctx = Context {
            pc: CODE,
            ..Context::default()
        };
        (ctx, mem)
    }

    fn run(ctx: &mut Context, mem: &Memory, text: &str) -> ExecResult {
        let word = assemble(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        mem.poke_bytes(CODE, &word.to_be_bytes()).unwrap();
        ctx.pc = CODE;
        step(ctx, mem)
    }

    fn bytes(mem: &Memory, addr: u32, n: usize) -> Vec<u8> {
        let mut v = vec![0; n];
        mem.read_bytes(addr, &mut v).unwrap();
        v
    }

    fn vbytes(v: u128) -> [u8; 16] {
        super::lanes::bytes(v)
    }

    #[test]
    fn left_and_right_loads_split_an_unaligned_quadword() {
        // EA = block + 5: lvlx gets bytes 5..16 of the block, lvrx at EA + 16 gets bytes 0..5
        // of the next block in the rightmost five register bytes.
        let (mut c, m) = setup();
        c.gpr[3] = u64::from(DATA + 0x40);
        c.gpr[4] = 5;
        c.vr[1] = u128::MAX;
        run(&mut c, &m, "lvlx v1,r3,r4").unwrap();
        let mut want = [0u8; 16];
        want[..11].copy_from_slice(&bytes(&m, DATA + 0x45, 11));
        assert_eq!(vbytes(c.vr[1]), want);
        c.gpr[4] = 21;
        c.vr[2] = u128::MAX;
        run(&mut c, &m, "lvrx v2,r3,r4").unwrap();
        let mut want = [0u8; 16];
        want[11..].copy_from_slice(&bytes(&m, DATA + 0x50, 5));
        assert_eq!(vbytes(c.vr[2]), want);
        assert_eq!(
            vbytes(c.vr[1] | c.vr[2]).to_vec(),
            bytes(&m, DATA + 0x45, 16)
        );
        // Aligned: lvlx is a whole lvx, lvrx reads nothing.
        c.gpr[4] = 16;
        run(&mut c, &m, "lvlx v1,r3,r4").unwrap();
        assert_eq!(vbytes(c.vr[1]).to_vec(), bytes(&m, DATA + 0x50, 16));
        run(&mut c, &m, "lvrx v2,r3,r4").unwrap();
        assert_eq!(c.vr[2], 0);
    }

    #[test]
    fn left_and_right_stores_write_only_their_part() {
        let (mut c, m) = setup();
        let v = u128::from_be_bytes(std::array::from_fn(|k| 0xe0 + k as u8));
        c.vr[7] = v;
        c.gpr[3] = u64::from(DATA + 0x80);
        c.gpr[4] = 0x0d;
        let before = bytes(&m, DATA + 0x80, 32);
        run(&mut c, &m, "stvlx v7,r3,r4").unwrap();
        let mut want = before.clone();
        want[0x0d..0x10].copy_from_slice(&[0xe0, 0xe1, 0xe2]);
        assert_eq!(bytes(&m, DATA + 0x80, 32), want);
        c.gpr[4] = 0x1d;
        run(&mut c, &m, "stvrx v7,r3,r4").unwrap();
        want[0x10..0x1d].copy_from_slice(&vbytes(v)[3..]);
        assert_eq!(bytes(&m, DATA + 0x80, 32), want);
        // VMX128 forms address v64..v127.
        c.vr[99] = v;
        c.gpr[4] = 0x04;
        run(&mut c, &m, "stvlx128 v99,r3,r4").unwrap();
        want[4..16].copy_from_slice(&vbytes(v)[..12]);
        assert_eq!(bytes(&m, DATA + 0x80, 32), want);
    }

    #[test]
    fn aligned_right_forms_touch_no_memory() {
        let (mut c, m) = setup();
        c.gpr[3] = u64::from(UNMAPPED);
        c.vr[1] = u128::MAX;
        run(&mut c, &m, "lvrx v1,0,r3").unwrap();
        assert_eq!(c.vr[1], 0);
        run(&mut c, &m, "stvrx v1,0,r3").unwrap();
        run(&mut c, &m, "stvrxl128 v100,0,r3").unwrap();
        // The left forms at the same address do access it.
        c.pc = CODE;
        let before = c.clone();
        let e = run(&mut c, &m, "lvlx v1,0,r3");
        assert_eq!(
            e,
            Err(Exit::Fault(Fault {
                addr: UNMAPPED,
                kind: AccessKind::Read
            }))
        );
        assert_eq!(c, before);
    }

    #[test]
    fn faults_leave_registers_and_memory_untouched() {
        let (mut c, m) = setup();
        // Stores to the read-only page: nothing written, pc at the store.
        c.gpr[3] = u64::from(RO_PAGE + 0x23);
        c.vr[5] = u128::MAX;
        let image = bytes(&m, RO_PAGE, 64);
        for text in [
            "stvx v5,0,r3",
            "stvxl128 v5,0,r3",
            "stvebx v5,0,r3",
            "stvehx v5,0,r3",
            "stvewx128 v5,0,r3",
            "stvlx v5,0,r3",
            "stvrx v5,0,r3",
        ] {
            let before = c.clone();
            let e = run(&mut c, &m, text);
            assert!(
                matches!(
                    e,
                    Err(Exit::Fault(Fault {
                        kind: AccessKind::Write,
                        ..
                    }))
                ),
                "{text}: {e:?}"
            );
            assert_eq!(c, before, "{text}");
            assert_eq!(bytes(&m, RO_PAGE, 64), image, "{text}");
        }
        // Loads from the unmapped page: the target register keeps its value.
        c.gpr[3] = u64::from(UNMAPPED + 0x17);
        c.vr[6] = 0x1234;
        for text in [
            "lvx v6,0,r3",
            "lvebx v6,0,r3",
            "lvewx128 v6,0,r3",
            "lvlxl v6,0,r3",
        ] {
            let before = c.clone();
            assert!(run(&mut c, &m, text).is_err(), "{text}");
            assert_eq!(c, before, "{text}");
        }
        // lvsl/lvsr read no memory, so they never fault.
        run(&mut c, &m, "lvsl v6,0,r3").unwrap();
        assert_eq!(vbytes(c.vr[6])[0], 7);
    }

    #[test]
    fn fault_addresses_are_those_of_the_access() {
        let (mut c, m) = setup();
        c.gpr[3] = u64::from(UNMAPPED + 0x1b);
        let fault = |addr| {
            Err(Exit::Fault(Fault {
                addr,
                kind: AccessKind::Read,
            }))
        };
        // The quadword forms access the aligned block, the element forms their element.
        assert_eq!(run(&mut c, &m, "lvx v1,0,r3"), fault(UNMAPPED + 0x10));
        assert_eq!(run(&mut c, &m, "lvehx v1,0,r3"), fault(UNMAPPED + 0x1a));
        assert_eq!(run(&mut c, &m, "lvewx v1,0,r3"), fault(UNMAPPED + 0x18));
        assert_eq!(run(&mut c, &m, "lvlx v1,0,r3"), fault(UNMAPPED + 0x1b));
        assert_eq!(run(&mut c, &m, "lvrx v1,0,r3"), fault(UNMAPPED + 0x10));
    }

    #[test]
    fn left_load_at_the_end_of_a_page_stays_in_it() {
        // The last bytes of the read-write page; the next page is read-only, and stvlx only
        // writes to the end of the block, so neither crosses into it.
        let (mut c, m) = setup();
        c.gpr[3] = u64::from(DATA + 0xffd);
        c.vr[2] = u128::MAX;
        run(&mut c, &m, "stvlx v2,0,r3").unwrap();
        assert_eq!(bytes(&m, DATA + 0xffd, 3), [0xff; 3]);
        run(&mut c, &m, "lvlx v3,0,r3").unwrap();
        assert_eq!(c.vr[3], 0xffff_ff00_u128 << 96);
    }

    #[test]
    fn element_loads_place_the_element_at_its_byte_offset() {
        let (mut c, m) = setup();
        c.gpr[3] = u64::from(DATA + 0x35);
        run(&mut c, &m, "lvebx v1,0,r3").unwrap();
        assert_eq!(vbytes(c.vr[1])[5], 0x35);
        run(&mut c, &m, "lvehx v1,0,r3").unwrap();
        assert_eq!(vbytes(c.vr[1])[4..6], [0x34, 0x35]);
        run(&mut c, &m, "lvewx128 v70,0,r3").unwrap();
        assert_eq!(vbytes(c.vr[70])[4..8], [0x34, 0x35, 0x36, 0x37]);
    }

    #[test]
    fn effective_addresses_are_32_bit() {
        let (mut c, m) = setup();
        c.msr = 0;
        c.gpr[3] = 0xffff_ffff_0000_0000 | u64::from(DATA);
        c.gpr[4] = 0x20;
        run(&mut c, &m, "lvx v1,r3,r4").unwrap();
        assert_eq!(vbytes(c.vr[1]).to_vec(), bytes(&m, DATA + 0x20, 16));
        c.msr = crate::context::MSR_SF;
        run(&mut c, &m, "lvx128 v65,r3,r4").unwrap();
        assert_eq!(c.vr[65], c.vr[1]);
    }
}
