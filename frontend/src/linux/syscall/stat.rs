//! The ppc64 `struct stat` (asm/stat.h, 144 bytes): dev, ino, nlink as 64-bit words, then
//! mode, uid, gid as 32-bit words (plus padding), then rdev, size, blksize, blocks and three
//! (seconds, nanoseconds) time pairs, and three unused words. And `struct statx`
//! (linux/stat.h, 256 bytes, the same on every architecture), which 32-bit glibc uses for
//! every `stat`. And the 32-bit ABI's own two: `struct stat` (72 bytes of 32-bit fields) and
//! `struct stat64` (104 bytes).

use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;

pub const SIZE: usize = 144;

/// A record of `N` bytes holding each (offset, size in bytes, value) big-endian, the value
/// truncated to its size.
fn record<const N: usize>(fields: &[(usize, usize, u64)]) -> [u8; N] {
    let mut out = [0u8; N];
    for &(off, size, v) in fields {
        out[off..off + size].copy_from_slice(&v.to_be_bytes()[8 - size..]);
    }
    out
}

/// The (seconds, nanoseconds) of the access, modification and change times.
fn times(m: &Metadata) -> [(u64, u64); 3] {
    [
        (m.atime() as u64, m.atime_nsec() as u64),
        (m.mtime() as u64, m.mtime_nsec() as u64),
        (m.ctime() as u64, m.ctime_nsec() as u64),
    ]
}

pub fn encode(m: &Metadata) -> [u8; SIZE] {
    let [a, t, c] = times(m);
    record(&[
        (0, 8, m.dev()),
        (8, 8, m.ino()),
        (16, 8, m.nlink()),
        (24, 4, u64::from(m.mode())),
        (28, 4, u64::from(m.uid())),
        (32, 4, u64::from(m.gid())),
        (40, 8, m.rdev()),
        (48, 8, m.size()),
        (56, 8, m.blksize()),
        (64, 8, m.blocks()),
        (72, 8, a.0),
        (80, 8, a.1),
        (88, 8, t.0),
        (96, 8, t.1),
        (104, 8, c.0),
        (112, 8, c.1),
    ])
}

/// The 32-bit ABI's `struct stat` (asm/stat.h without `__powerpc64__`): dev, ino, mode at
/// 0, 4, 8; nlink (u16) at 12; uid, gid, rdev, size, blksize, blocks at 16 to 36; three
/// (seconds, nanoseconds) pairs from 40. EOVERFLOW when the inode or size does not fit, as
/// Linux answers.
pub fn encode_old32(m: &Metadata) -> Result<[u8; 72], u64> {
    const EOVERFLOW: u64 = 75;
    let ino = u32::try_from(m.ino()).map_err(|_| EOVERFLOW)?;
    let size = i32::try_from(m.size()).map_err(|_| EOVERFLOW)?;
    let [a, t, c] = times(m);
    Ok(record(&[
        (0, 4, m.dev()),
        (4, 4, u64::from(ino)),
        (8, 4, u64::from(m.mode())),
        (12, 2, m.nlink()),
        (16, 4, u64::from(m.uid())),
        (20, 4, u64::from(m.gid())),
        (24, 4, m.rdev()),
        (28, 4, size as u64),
        (32, 4, m.blksize()),
        (36, 4, m.blocks()),
        (40, 4, a.0),
        (44, 4, a.1),
        (48, 4, t.0),
        (52, 4, t.1),
        (56, 4, c.0),
        (60, 4, c.1),
    ]))
}

/// The 32-bit ABI's `struct stat64`: dev and ino as 64-bit words, mode, nlink, uid, gid as
/// 32-bit ones from 16, rdev at 32, size at 48, blksize (32-bit) at 56, blocks at 64, three
/// 32-bit (seconds, nanoseconds) pairs from 72.
pub fn encode_stat64_32(m: &Metadata) -> [u8; 104] {
    let [a, t, c] = times(m);
    record(&[
        (0, 8, m.dev()),
        (8, 8, m.ino()),
        (16, 4, u64::from(m.mode())),
        (20, 4, m.nlink()),
        (24, 4, u64::from(m.uid())),
        (28, 4, u64::from(m.gid())),
        (32, 8, m.rdev()),
        (48, 8, m.size()),
        (56, 4, m.blksize()),
        (64, 8, m.blocks()),
        (72, 4, a.0),
        (76, 4, a.1),
        (80, 4, t.0),
        (84, 4, t.1),
        (88, 4, c.0),
        (92, 4, c.1),
    ])
}

pub const STATX_SIZE: usize = 256;
/// STATX_BASIC_STATS: the fields `encode_statx` fills.
const STATX_BASIC_STATS: u64 = 0x7ff;

/// `struct statx`: mask, block size, attributes, nlink, uid, gid, mode (u16) at 28, ino,
/// size, blocks from 32; timestamps as (s64 seconds, u32 nanoseconds) at atime 64, ctime
/// 96, mtime 112 (the birth time is not in the mask); rdev and dev as major and minor
/// from 128.
pub fn encode_statx(m: &Metadata) -> [u8; STATX_SIZE] {
    let [a, t, c] = times(m);
    record(&[
        (0, 4, STATX_BASIC_STATS),
        (4, 4, m.blksize()),
        (16, 4, m.nlink()),
        (20, 4, u64::from(m.uid())),
        (24, 4, u64::from(m.gid())),
        (28, 2, u64::from(m.mode())),
        (32, 8, m.ino()),
        (40, 8, m.size()),
        (48, 8, m.blocks()),
        (64, 8, a.0),
        (72, 4, a.1),
        (96, 8, c.0),
        (104, 4, c.1),
        (112, 8, t.0),
        (120, 4, t.1),
        (128, 4, u64::from(libc::major(m.rdev()))),
        (132, 4, u64::from(libc::minor(m.rdev()))),
        (136, 4, u64::from(libc::major(m.dev()))),
        (140, 4, u64::from(libc::minor(m.dev()))),
    ])
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
