//! The ppc64 `struct stat` (asm/stat.h, 144 bytes): dev, ino, nlink as 64-bit words, then
//! mode, uid, gid as 32-bit words (plus padding), then rdev, size, blksize, blocks and three
//! (seconds, nanoseconds) time pairs, and three unused words. And `struct statx`
//! (linux/stat.h, 256 bytes, the same on every architecture), which 32-bit glibc uses for
//! every `stat`.

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

pub const STATX_SIZE: usize = 256;
/// STATX_BASIC_STATS: the fields `encode_statx` fills.
const STATX_BASIC_STATS: u32 = 0x7ff;

pub fn encode_statx(m: &Metadata) -> [u8; STATX_SIZE] {
    let mut out = [0u8; STATX_SIZE];
    let mut put64 = |off: usize, v: u64| out[off..off + 8].copy_from_slice(&v.to_be_bytes());
    put64(32, m.ino());
    put64(40, m.size());
    put64(48, m.blocks());
    // Timestamps: seconds (s64) and nanoseconds (u32) at atime 64, ctime 96, mtime 112; the
    // birth time is not in the mask.
    put64(64, m.atime() as u64);
    put64(96, m.ctime() as u64);
    put64(112, m.mtime() as u64);
    let mut put32 = |off: usize, v: u32| out[off..off + 4].copy_from_slice(&v.to_be_bytes());
    put32(0, STATX_BASIC_STATS);
    put32(4, m.blksize() as u32);
    put32(16, m.nlink() as u32);
    put32(20, m.uid());
    put32(24, m.gid());
    put32(72, m.atime_nsec() as u32);
    put32(104, m.ctime_nsec() as u32);
    put32(120, m.mtime_nsec() as u32);
    put32(128, libc::major(m.rdev()));
    put32(132, libc::minor(m.rdev()));
    put32(136, libc::major(m.dev()));
    put32(140, libc::minor(m.dev()));
    out[28..30].copy_from_slice(&(m.mode() as u16).to_be_bytes());
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

    #[test]
    fn statx_fields_land_at_the_uapi_offsets() {
        // Offsets from linux/stat.h, checked by compiling offsetof() with
        // powerpc-linux-gnu-gcc and powerpc64-linux-gnu-gcc (the same for both): mode 28
        // (u16), ino 32, size 40, mtime 112, dev_major 136, size 256.
        let m = std::fs::metadata(env!("CARGO_MANIFEST_DIR")).unwrap();
        let s = encode_statx(&m);
        let w = |o: usize| u64::from_be_bytes(s[o..o + 8].try_into().unwrap());
        let h = |o: usize| u32::from_be_bytes(s[o..o + 4].try_into().unwrap());
        assert_eq!(h(0), 0x7ff);
        assert_eq!(u16::from_be_bytes([s[28], s[29]]), m.mode() as u16);
        assert_eq!(w(32), m.ino());
        assert_eq!(w(40), m.size());
        assert_eq!(w(112), m.mtime() as u64);
        assert_eq!(h(136), libc::major(m.dev()));
        assert!(s[144..].iter().all(|&b| b == 0));
    }
}
