//! Host backing for the console's physical-memory views.
//!
//! The Xbox 360 exposes its 512 MiB of RAM three times in the top of the 32-bit space
//! (0xA0000000 with 64 KiB pages, 0xC0000000 with 16 MiB pages, 0xE0000000 with 4 KiB pages);
//! a store through one view is seen through the others because they are the same RAM. We get
//! the same aliasing on the host by mapping ONE shared memory object (a memfd) over each view
//! of the guest reservation with `MAP_SHARED | MAP_FIXED`. Host protection stays per virtual
//! mapping, so guest page permissions remain per view.

use std::ffi::CString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicU32, Ordering};

/// Guest addresses of the three physical views, lowest first.
pub const PHYSICAL_VIEWS: [u32; 3] = [0xA000_0000, 0xC000_0000, 0xE000_0000];
/// Each view spans 512 MiB of guest space, so no backing may be larger.
pub const MAX_PHYSICAL_SIZE: u32 = 0x2000_0000;

/// The shared object; mappings of it live inside the guest reservation and go away with it.
pub(super) struct Backing {
    fd: OwnedFd,
    size: u32,
}

impl Backing {
    /// Creates a zero-filled object of `size` bytes and maps it, inaccessible, over each view
    /// at `base` (the host address of guest 0).
    ///
    /// # Safety
    /// `base` must be the start of a live reservation covering every view.
    pub(super) unsafe fn map_views(base: *mut u8, size: u32) -> io::Result<Self> {
        // A unique name per object lets a process (and its tests) tell its mappings apart in
        // /proc/self/maps.
        static SERIAL: AtomicU32 = AtomicU32::new(0);
        let name = CString::new(format!(
            "oxenon-physical-{}-{}",
            std::process::id(),
            SERIAL.fetch_add(1, Ordering::Relaxed)
        ))
        .expect("no NUL in a formatted name");
        let raw = libc::memfd_create(name.as_ptr(), libc::MFD_CLOEXEC);
        if raw < 0 {
            return Err(io::Error::last_os_error());
        }
        let fd = OwnedFd::from_raw_fd(raw);
        if libc::ftruncate(fd.as_raw_fd(), libc::off_t::from(size)) != 0 {
            return Err(io::Error::last_os_error());
        }
        for view in PHYSICAL_VIEWS {
            let at = base.add(view as usize).cast::<libc::c_void>();
            let got = libc::mmap(
                at,
                size as usize,
                libc::PROT_NONE,
                libc::MAP_SHARED | libc::MAP_FIXED,
                fd.as_raw_fd(),
                0,
            );
            if got == libc::MAP_FAILED {
                // Views already mapped are replaced when the reservation is unmapped.
                return Err(io::Error::last_os_error());
            }
        }
        Ok(Self { fd, size })
    }

    pub(super) fn size(&self) -> u32 {
        self.size
    }

    /// The physical offset backing guest `addr`, and the end (exclusive, as a guest address)
    /// of the run of addresses with the same kind of backing.
    pub(super) fn locate(&self, addr: u64) -> (Option<u64>, u64) {
        let mut next = 1u64 << 32;
        for view in PHYSICAL_VIEWS.map(u64::from) {
            let end = view + u64::from(self.size);
            if (view..end).contains(&addr) {
                return (Some(addr - view), end);
            }
            if view > addr {
                next = next.min(view);
            }
        }
        (None, next)
    }

    /// Returns `offset..offset+len` of the object to zero pages (through every view) and
    /// gives the host memory back.
    pub(super) fn punch(&self, offset: u64, len: u64) -> io::Result<()> {
        let rc = unsafe {
            libc::fallocate(
                self.fd.as_raw_fd(),
                libc::FALLOC_FL_PUNCH_HOLE | libc::FALLOC_FL_KEEP_SIZE,
                offset as libc::off_t,
                len as libc::off_t,
            )
        };
        if rc == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

/// Zeroes private (non-physical) pages by dropping them; they read as zero afterwards.
///
/// # Safety
/// `host..host+len` must lie inside the guest reservation and be page aligned.
pub(super) unsafe fn drop_private(host: *mut u8, len: usize) -> io::Result<()> {
    if libc::madvise(host.cast(), len, libc::MADV_DONTNEED) == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    //! Expected values are the bytes the tests themselves store: aliasing means a value
    //! written through one view reads back unchanged through the others.
    use super::super::{AccessKind, Fault, Memory, Perm};
    use super::*;

    const SIZE: u32 = 16 << 20;

    fn map_all(m: &Memory, offset: u32, len: u64, perm: Perm) {
        for view in PHYSICAL_VIEWS {
            m.map(view + offset, len, perm).unwrap();
        }
    }

    #[test]
    fn a_write_through_each_view_is_seen_through_the_other_two() {
        let m = Memory::with_physical(SIZE).unwrap();
        assert_eq!(m.physical_size(), SIZE);
        map_all(&m, 0x12_0000, 0x1000, Perm::RW);
        for (i, &from) in PHYSICAL_VIEWS.iter().enumerate() {
            let value = 0x1111_1111 * (i as u32 + 1);
            m.write_u32(from + 0x12_0010, value).unwrap();
            for &to in &PHYSICAL_VIEWS {
                assert_eq!(
                    m.read_u32(to + 0x12_0010).unwrap(),
                    value,
                    "{from:#x}->{to:#x}"
                );
            }
        }
        // The host pointer path used by generated code (base + 32-bit EA) aliases too.
        unsafe { m.base().add(0xE012_0020).write(0x5A) };
        assert_eq!(m.read_u8(0xA012_0020).unwrap(), 0x5A);
    }

    #[test]
    fn permissions_stay_per_view() {
        let m = Memory::with_physical(SIZE).unwrap();
        m.map(0xA000_0000, 0x1000, Perm::RW).unwrap();
        m.map(0xC000_0000, 0x1000, Perm::READ).unwrap();
        m.write_u32(0xA000_0000, 0xCAFE_F00D).unwrap();
        assert_eq!(m.read_u32(0xC000_0000).unwrap(), 0xCAFE_F00D);
        assert_eq!(
            m.write_u32(0xC000_0000, 1),
            Err(Fault {
                addr: 0xC000_0000,
                kind: AccessKind::Write
            })
        );
        assert_eq!(
            m.read_u32(0xE000_0000),
            Err(Fault {
                addr: 0xE000_0000,
                kind: AccessKind::Read
            })
        );
        // Past the backed size the view is plain unmapped guest space.
        assert!(m.read_u8(0xA000_0000 + SIZE).is_err());
    }

    #[test]
    fn discard_zeroes_physical_pages_in_every_view_and_private_pages() {
        let m = Memory::with_physical(SIZE).unwrap();
        map_all(&m, 0, 0x3000, Perm::RW);
        m.write_u32(0xA000_1000, 0xDEAD_BEEF).unwrap();
        m.write_u32(0xA000_2000, 0x0BAD_F00D).unwrap();
        m.discard(0xC000_1000, 0x1000).unwrap();
        assert_eq!(m.read_u32(0xE000_1000).unwrap(), 0);
        assert_eq!(
            m.read_u32(0xA000_2000).unwrap(),
            0x0BAD_F00D,
            "next page kept"
        );

        m.map(0x1000_0000, 0x2000, Perm::READ).unwrap();
        m.poke_bytes(0x1000_0ffc, &[1, 2, 3, 4, 5, 6, 7, 8])
            .unwrap();
        m.discard(0x1000_0000, 0x2000).unwrap();
        assert_eq!(m.read_u64(0x1000_0ffc).unwrap(), 0);
        assert!(m.discard(0xFFFF_F000, 0x2000).is_err(), "wraps past 4 GiB");
    }

    #[test]
    fn bad_sizes_are_refused() {
        for size in [0, 0x123, MAX_PHYSICAL_SIZE + PAGE_SIZE] {
            assert!(Memory::with_physical(size).is_err(), "{size:#x}");
        }
    }

    use super::super::PAGE_SIZE;

    fn maps_naming(name: &str) -> usize {
        std::fs::read_to_string("/proc/self/maps")
            .unwrap()
            .lines()
            .filter(|l| l.ends_with(name) || l.contains(&format!("{name} ")))
            .count()
    }

    fn fd_naming(name: &str) -> bool {
        std::fs::read_dir("/proc/self/fd").unwrap().any(|e| {
            std::fs::read_link(e.unwrap().path())
                .map(|t| t.to_string_lossy().contains(name))
                .unwrap_or(false)
        })
    }

    #[test]
    fn drop_unmaps_every_view_and_closes_the_object() {
        let m = Memory::with_physical(SIZE).unwrap();
        map_all(&m, 0, 0x1000, Perm::RW);
        let fd = m.physical.as_ref().unwrap().fd.as_raw_fd();
        let target = std::fs::read_link(format!("/proc/self/fd/{fd}")).unwrap();
        // "/memfd:oxenon-physical-<pid>-<n> (deleted)"; the name alone identifies it.
        let name = target
            .to_string_lossy()
            .trim_start_matches('/')
            .trim_end_matches(" (deleted)")
            .to_string();
        let name = format!("/{name}");
        assert!(name.contains("oxenon-physical-"), "{name}");
        // At least the three views (a split by mprotect adds entries).
        assert!(maps_naming(&name) >= 3, "views mapped");
        drop(m);
        assert_eq!(maps_naming(&name), 0, "views unmapped");
        assert!(!fd_naming(&name), "object closed");
    }
}
