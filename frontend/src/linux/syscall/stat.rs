//! The ppc64 `struct stat` (asm/stat.h, 144 bytes): dev, ino, nlink as 64-bit words, then
//! mode, uid, gid as 32-bit words (plus padding), then rdev, size, blksize, blocks and three
//! (seconds, nanoseconds) time pairs, and three unused words. And `struct statx`
//! (linux/stat.h, 256 bytes, the same on every architecture), which 32-bit glibc uses for
//! every `stat`. And the 32-bit ABI's own two: `struct stat` (72 bytes of 32-bit fields) and
//! `struct stat64` (104 bytes).

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

/// The 32-bit ABI's `struct stat` (asm/stat.h without `__powerpc64__`): dev, ino, mode at
/// 0, 4, 8; nlink (u16) at 12; uid, gid, rdev, size, blksize, blocks at 16 to 36; three
/// (seconds, nanoseconds) pairs from 40. EOVERFLOW when the inode or size does not fit, as
/// Linux answers.
pub fn encode_old32(m: &Metadata) -> Result<[u8; 72], u64> {
    const EOVERFLOW: u64 = 75;
    let ino = u32::try_from(m.ino()).map_err(|_| EOVERFLOW)?;
    let size = i32::try_from(m.size()).map_err(|_| EOVERFLOW)?;
    let mut out = [0u8; 72];
    let mut put32 = |off: usize, v: u32| out[off..off + 4].copy_from_slice(&v.to_be_bytes());
    put32(0, m.dev() as u32);
    put32(4, ino);
    put32(8, m.mode());
    put32(16, m.uid());
    put32(20, m.gid());
    put32(24, m.rdev() as u32);
    put32(28, size as u32);
    put32(32, m.blksize() as u32);
    put32(36, m.blocks() as u32);
    put32(40, m.atime() as u32);
    put32(44, m.atime_nsec() as u32);
    put32(48, m.mtime() as u32);
    put32(52, m.mtime_nsec() as u32);
    put32(56, m.ctime() as u32);
    put32(60, m.ctime_nsec() as u32);
    out[12..14].copy_from_slice(&(m.nlink() as u16).to_be_bytes());
    Ok(out)
}

/// The 32-bit ABI's `struct stat64`: dev and ino as 64-bit words, mode, nlink, uid, gid as
/// 32-bit ones from 16, rdev at 32, size at 48, blksize (32-bit) at 56, blocks at 64, three
/// 32-bit (seconds, nanoseconds) pairs from 72.
pub fn encode_stat64_32(m: &Metadata) -> [u8; 104] {
    let mut out = [0u8; 104];
    let mut put64 = |off: usize, v: u64| out[off..off + 8].copy_from_slice(&v.to_be_bytes());
    put64(0, m.dev());
    put64(8, m.ino());
    put64(32, m.rdev());
    put64(48, m.size());
    put64(64, m.blocks());
    let mut put32 = |off: usize, v: u32| out[off..off + 4].copy_from_slice(&v.to_be_bytes());
    put32(16, m.mode());
    put32(20, m.nlink() as u32);
    put32(24, m.uid());
    put32(28, m.gid());
    put32(56, m.blksize() as u32);
    put32(72, m.atime() as u32);
    put32(76, m.atime_nsec() as u32);
    put32(80, m.mtime() as u32);
    put32(84, m.mtime_nsec() as u32);
    put32(88, m.ctime() as u32);
    put32(92, m.ctime_nsec() as u32);
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
    fn the_32_bit_structures_put_fields_at_their_offsets() {
        // Offsets of asm/stat.h's struct stat and struct stat64 for 32-bit PowerPC, checked
        // by compiling offsetof() with powerpc-linux-gnu-gcc.
        let m = std::fs::metadata(env!("CARGO_MANIFEST_DIR")).unwrap();
        let h = |s: &[u8], o: usize| u32::from_be_bytes(s[o..o + 4].try_into().unwrap());
        let w = |s: &[u8], o: usize| u64::from_be_bytes(s[o..o + 8].try_into().unwrap());
        let old = encode_old32(&m).unwrap();
        assert_eq!(h(&old, 4), m.ino() as u32);
        assert_eq!(h(&old, 8), m.mode());
        assert_eq!(u16::from_be_bytes([old[12], old[13]]), m.nlink() as u16);
        assert_eq!(h(&old, 28), m.size() as u32);
        assert_eq!(h(&old, 48), m.mtime() as u32);
        let s64 = encode_stat64_32(&m);
        assert_eq!(w(&s64, 8), m.ino());
        assert_eq!(h(&s64, 16), m.mode());
        assert_eq!(w(&s64, 48), m.size());
        assert_eq!(h(&s64, 80), m.mtime() as u32);
        assert!(s64[96..].iter().all(|&b| b == 0));
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
