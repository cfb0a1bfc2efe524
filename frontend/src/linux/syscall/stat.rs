//! The ppc64 `struct stat` (asm/stat.h, 144 bytes): dev, ino, nlink as 64-bit words, then
//! mode, uid, gid as 32-bit words (plus padding), then rdev, size, blksize, blocks and three
//! (seconds, nanoseconds) time pairs, and three unused words.

use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;

pub const SIZE: usize = 144;

pub fn encode(m: &Metadata) -> [u8; SIZE] {
    let mut out = [0u8; SIZE];
    let mut put64 = |off: usize, v: u64| out[off..off + 8].copy_from_slice(&v.to_be_bytes());
    put64(0, m.dev());
    put64(8, m.ino());
    put64(16, m.nlink());
    put64(40, m.rdev());
    put64(48, m.size());
    put64(56, m.blksize());
    put64(64, m.blocks());
    put64(72, m.atime() as u64);
    put64(80, m.atime_nsec() as u64);
    put64(88, m.mtime() as u64);
    put64(96, m.mtime_nsec() as u64);
    put64(104, m.ctime() as u64);
    put64(112, m.ctime_nsec() as u64);
    let mut put32 = |off: usize, v: u32| out[off..off + 4].copy_from_slice(&v.to_be_bytes());
    put32(24, m.mode());
    put32(28, m.uid());
    put32(32, m.gid());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_land_at_the_ppc64_offsets() {
        // Offsets from asm/stat.h for __powerpc64__, checked by compiling offsetof() with
        // powerpc64-linux-gnu-gcc: nlink 16, mode 24, uid 28, size 48, mtime 88, size 144.
        let m = std::fs::metadata(env!("CARGO_MANIFEST_DIR")).unwrap();
        let s = encode(&m);
        let w = |o: usize| u64::from_be_bytes(s[o..o + 8].try_into().unwrap());
        let h = |o: usize| u32::from_be_bytes(s[o..o + 4].try_into().unwrap());
        assert_eq!(w(8), m.ino());
        assert_eq!(w(16), m.nlink());
        assert_eq!(h(24), m.mode());
        assert_eq!(h(28), m.uid());
        assert_eq!(w(48), m.size());
        assert_eq!(w(88), m.mtime() as u64);
        assert!(s[120..].iter().all(|&b| b == 0));
    }
}
