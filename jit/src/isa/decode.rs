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
const LEN_BITS: u32 = 8;

struct Index {
    /// Per key: where its candidates start in `candidates` (shifted left by `LEN_BITS`) and
    /// how many there are (the low bits); 4 bytes a slot keeps the table at 512 KiB.
    slots: Vec<u32>,
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
        let mut ranks: Vec<usize> = Vec::new();
        // Every process builds the index at start-up (it was 2.5 ms of a 9 ms run), so not
        // by testing every entry against every key: an entry matches a key when the key's
        // bits under the entry's mask equal its own, and a primary opcode's entries use few
        // distinct masks. Per mask, the entries sorted by those bits give a key's
        // candidates in a few binary searches, and keys that differ only in bits no entry
        // of the primary looks at share one list.
        for entries in &by_primary {
            // Per mask, (bits under it, rank) sorted by the bits.
            let mut groups: Vec<(u32, Vec<(u32, usize)>)> = Vec::new();
            for (rank, &i) in entries.iter().enumerate() {
                let d = &all[i as usize];
                let m = d.mask & KEY_MASK & 0x7ff;
                match groups.iter_mut().find(|g| g.0 == m) {
                    Some(g) => g.1.push((d.bits & m, rank)),
                    None => groups.push((m, vec![(d.bits & m, rank)])),
                }
            }
            for g in &mut groups {
                g.1.sort_unstable();
            }
            let relevant = groups.iter().fold(0, |r, g| r | g.0);
            let mut by_bits = vec![0u32; 0x800];
            // Every combination of the relevant bits (subsets of `relevant`, in increasing
            // order, starting and ending at zero).
            let mut bits = 0u32;
            loop {
                ranks.clear();
                for (m, sorted) in &groups {
                    let key = bits & m;
                    let from = sorted.partition_point(|e| e.0 < key);
                    ranks.extend(
                        sorted[from..]
                            .iter()
                            .take_while(|e| e.0 == key)
                            .map(|e| e.1),
                    );
                }
                ranks.sort_unstable();
                assert!(ranks.len() < 1 << LEN_BITS && candidates.len() < 1 << (32 - LEN_BITS));
                by_bits[bits as usize] = (candidates.len() as u32) << LEN_BITS | ranks.len() as u32;
                candidates.extend(ranks.iter().map(|&r| entries[r]));
                bits = bits.wrapping_sub(relevant) & relevant;
                if bits == 0 {
                    break;
                }
            }
            slots.extend((0..0x800u32).map(|low| by_bits[(low & relevant) as usize]));
        }
        Index { slots, candidates }
    })
}

impl Index {
    /// The candidates of the key `word` falls under, most specific first.
    fn candidates_for(&self, word: u32) -> &[u16] {
        let slot = self.slots[key(word)];
        let start = (slot >> LEN_BITS) as usize;
        let len = (slot & ((1 << LEN_BITS) - 1)) as usize;
        &self.candidates[start..start + len]
    }
}

/// Decodes `word`, or `None` for an encoding no entry describes.
#[inline]
pub fn decode(word: u32) -> Option<Decoded> {
    let all = table();
    let insn = Insn(word);
    index()
        .candidates_for(word)
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

    /// The index against its definition, key by key: a key's candidates are the entries
    /// whose fixed bits inside the key agree with it, the most fixed bits first (and, among
    /// equals, those with an extra condition first).
    #[test]
    fn every_key_lists_exactly_the_entries_that_can_match_it() {
        let all = table();
        let idx = index();
        for po in 0..64u32 {
            for low in 0..0x800u32 {
                let probe = (po << 26) | low;
                let got = idx.candidates_for(probe);
                let mut want: Vec<u16> = (0..all.len() as u16)
                    .filter(|&i| {
                        let d = &all[i as usize];
                        (probe ^ d.bits) & d.mask & KEY_MASK == 0
                    })
                    .collect();
                want.sort_by_key(|&i| {
                    let d = &all[i as usize];
                    (std::cmp::Reverse(d.mask.count_ones()), d.when.is_none())
                });
                let specificity = |list: &[u16]| -> Vec<(u32, bool)> {
                    list.iter()
                        .map(|&i| {
                            (
                                all[i as usize].mask.count_ones(),
                                all[i as usize].when.is_none(),
                            )
                        })
                        .collect()
                };
                let (mut g, mut w) = (got.to_vec(), want.clone());
                g.sort_unstable();
                w.sort_unstable();
                assert_eq!(g, w, "key {probe:#010x}: candidates");
                assert_eq!(
                    specificity(got),
                    specificity(&want),
                    "key {probe:#010x}: order"
                );
            }
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
