//! Our disassembler against the distribution's GNU objdump (`-M cell`, the Cell PPE being the
//! Xenon's closest relative that binutils knows), on every table entry with varied fields plus
//! random words. Reference: `powerpc64-linux-gnu-objdump` from binutils-powerpc64-linux-gnu.
//!
//! Every word both decoders accept must print the same text. Set `OXENON_OBJDUMP_FILTER` to a
//! comma-separated list of mnemonics or families (`integer`, `branch`, `loadstore`, `fpu`,
//! `system`, `vector`) to check a subset while working on it.

use oxenon_jit::isa::{decode, disassemble, table, Flags, Op};
use std::collections::BTreeMap;
use std::process::Command;

const OBJDUMP: &str = "powerpc64-linux-gnu-objdump";
const BASE: u32 = 0x8000_0000;

fn family(op: Op) -> &'static str {
    match op {
        Op::Integer(_) => "integer",
        Op::Branch(_) => "branch",
        Op::LoadStore(_) => "loadstore",
        Op::Fpu(_) => "fpu",
        Op::System(_) => "system",
        Op::Vector(_) => "vector",
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as u32
    }
}

fn objdump(words: &[u32]) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("oxenon-objdump-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("words.bin");
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new(OBJDUMP)
        .args([
            "-D",
            "-b",
            "binary",
            "-m",
            "powerpc:common64",
            "-M",
            "cell",
            "-EB",
        ])
        .arg(format!("--adjust-vma={BASE:#x}"))
        .arg(&path)
        .output()
        .expect("run objdump");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = vec![String::new(); words.len()];
    for line in text.lines() {
        // "    80000000:\t40 86 ff ec \tbne     cr1,0x7fffffec"
        let Some((addr, rest)) = line.trim_start().split_once(":\t") else {
            continue;
        };
        let Ok(addr) = u64::from_str_radix(addr.trim(), 16) else {
            continue;
        };
        let Some((_, insn)) = rest.split_once('\t') else {
            continue;
        };
        let idx = ((addr - u64::from(BASE)) / 4) as usize;
        if idx < lines.len() {
            lines[idx] = normalize(insn);
        }
    }
    lines
}

/// Folds runs of whitespace and drops objdump's `<symbol>` annotations.
fn normalize(s: &str) -> String {
    let s = match s.find(" <") {
        Some(p) => &s[..p],
        None => s,
    };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn disassembly_matches_gnu_objdump() {
    if Command::new(OBJDUMP).arg("--version").output().is_err() {
        eprintln!("SKIP: {OBJDUMP} not installed (apt-get install binutils-powerpc64-linux-gnu)");
        if std::env::var_os("CI").is_some() {
            panic!("{OBJDUMP} is required in CI");
        }
        return;
    }
    let filter: Vec<String> = std::env::var("OXENON_OBJDUMP_FILTER")
        .map(|f| f.split(',').map(str::to_owned).collect())
        .unwrap_or_default();
    let selected =
        |mn: &str, op: Op| filter.is_empty() || filter.iter().any(|f| f == mn || f == family(op));

    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut words = Vec::new();
    for d in table() {
        if d.flags.has(Flags::XENON_ONLY) || !selected(d.mnemonic, d.op) {
            continue;
        }
        for n in 0..48 {
            let free = !d.mask;
            let fill = match n {
                0 => 0,
                1 => u32::MAX,
                _ => rng.next(),
            };
            words.push(d.bits | (fill & free));
        }
    }
    if filter.is_empty() {
        words.extend((0..20_000).map(|_| rng.next()));
    }
    let reference = objdump(&words);

    let mut mismatches: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut compared = 0usize;
    let mut only_objdump: BTreeMap<String, u32> = BTreeMap::new();
    for (i, (&w, theirs)) in words.iter().zip(&reference).enumerate() {
        let pc = BASE + 4 * i as u32;
        let ours = disassemble(w, pc);
        let ours_known = decode(w).is_some();
        let theirs_known = !theirs.is_empty() && !theirs.starts_with(".long");
        if ours_known && theirs_known {
            let d = decode(w).unwrap().def;
            if !selected(d.mnemonic, d.op) {
                continue;
            }
            compared += 1;
            if normalize(&ours) != *theirs {
                mismatches
                    .entry(d.mnemonic.to_owned())
                    .or_default()
                    .push(format!("{w:#010x}: ours `{ours}` objdump `{theirs}`"));
            }
        } else if theirs_known && !ours_known {
            let mn = theirs.split(' ').next().unwrap_or("").to_owned();
            *only_objdump.entry(mn).or_default() += 1;
        }
    }
    if !only_objdump.is_empty() {
        eprintln!(
            "objdump decodes, we do not (not part of the Xenon ISA, or missing): {only_objdump:?}"
        );
    }
    let total: usize = mismatches.values().map(Vec::len).sum();
    for (mn, list) in &mismatches {
        eprintln!("{mn}: {} mismatches", list.len());
        for m in list.iter().take(4) {
            eprintln!("    {m}");
        }
    }
    eprintln!("compared {compared} words, {total} mismatches");
    assert!(compared > 0, "nothing was compared");
    assert_eq!(total, 0, "disassembly differs from objdump");
}
