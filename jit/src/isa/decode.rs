//! Decoding: a word to its table entry.
//!
//! The table is indexed once by primary opcode and the low eleven bits (where every
//! extended opcode lives), leaving a short candidate list per slot ordered from the most to
//! the least specific pattern. Any 32-bit word decodes; words no entry matches are `None`.

use super::{table, Insn, InsnDef, Op};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug)]
pub struct Decoded {
    pub insn: Insn,
    pub def: &'static InsnDef,
}

impl Decoded {
    pub fn op(&self) -> Op {
        self.def.op
    }
}

const KEY_MASK: u32 = 0xfc00_07ff;

struct Index {
    /// Per key: (start, len) into `candidates`.
    slots: Vec<(u32, u16)>,
    candidates: Vec<u16>,
}

fn key(word: u32) -> usize {
    (((word >> 26) << 11) | (word & 0x7ff)) as usize
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let all = table();
        let mut by_primary: Vec<Vec<u16>> = vec![Vec::new(); 64];
        for (i, d) in all.iter().enumerate() {
            debug_assert!(
                d.mask & 0xfc00_0000 == 0xfc00_0000,
                "{d:?} has no primary opcode"
            );
            by_primary[(d.bits >> 26) as usize].push(i as u16);
        }
        for list in &mut by_primary {
            // Most fixed bits first, so extended mnemonics win over their base form;
            // among equals, entries with an extra condition first.
            list.sort_by_key(|&i| {
                let d = &all[i as usize];
                (std::cmp::Reverse(d.mask.count_ones()), d.when.is_none())
            });
        }
        let mut slots = Vec::with_capacity(64 << 11);
        let mut candidates: Vec<u16> = Vec::new();
        let mut scratch: Vec<u16> = Vec::new();
        for po in 0..64u32 {
            let mut prev: Option<(u32, u16)> = None;
            let mut prev_list: Vec<u16> = Vec::new();
            for low in 0..0x800u32 {
                let probe = (po << 26) | low;
                scratch.clear();
                scratch.extend(by_primary[po as usize].iter().copied().filter(|&i| {
                    let d = &all[i as usize];
                    (probe ^ d.bits) & d.mask & KEY_MASK == 0
                }));
                match prev {
                    Some(slot) if scratch == prev_list => slots.push(slot),
                    _ => {
                        let slot = (candidates.len() as u32, scratch.len() as u16);
                        candidates.extend_from_slice(&scratch);
                        prev_list.clone_from(&scratch);
                        prev = Some(slot);
                        slots.push(slot);
                    }
                }
            }
        }
        Index { slots, candidates }
    })
}

/// Decodes `word`, or `None` for an encoding no entry describes.
#[inline]
pub fn decode(word: u32) -> Option<Decoded> {
    let idx = index();
    let (start, len) = idx.slots[key(word)];
    let all = table();
    let insn = Insn(word);
    idx.candidates[start as usize..start as usize + len as usize]
        .iter()
        .map(|&i| &all[i as usize])
        .find(|d| d.matches(insn))
        .map(|def| Decoded { insn, def })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_decodes_its_own_pattern() {
        for d in table() {
            if d.when.is_some() {
                continue;
            }
            let got = decode(d.bits).unwrap_or_else(|| panic!("{d:?} does not decode"));
            assert_eq!(got.def.op, d.op, "{d:?} decoded as {:?}", got.def);
        }
    }

    #[test]
    fn mffs_ignores_its_reserved_fields() {
        // 0xfc17048e is ISA 3.0's mffscrni f0,3, which glibc's libm issues; cores before
        // ISA 3.0 execute it as mffs f0, and so do we.
        let d = decode(0xfc17_048e).expect("decodes");
        assert_eq!(d.def.mnemonic, "mffs");
    }

    #[test]
    fn decoder_never_panics_on_any_word_sample() {
        // A cheap xorshift walk over the word space plus the edges.
        let mut x = 0x2545_f491_u32;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let _ = decode(x);
        }
        for w in [0, u32::MAX, 0x8000_0000, 0x7fff_ffff] {
            let _ = decode(w);
        }
    }
}
