//! Address-space calls: the program break and anonymous (or privately file-backed) mappings.
//!
//! Pages handed back to the guest are always zero: every range is cleared when it is
//! unmapped or the break shrinks, so a later mapping of the same pages starts clean.

use super::{errno, guest_addr, put, Call, Process, SysResult, SyscallError};
use crate::linux::layout::{MMAP_BASE, STACK_BOTTOM};
use oxenon_jit::memory::{Memory, Perm, PAGE_SIZE};
use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};

const PROT_READ: u64 = 1;
const PROT_WRITE: u64 = 2;
const PROT_EXEC: u64 = 4;
const MAP_SHARED: u64 = 0x01;
const MAP_FIXED: u64 = 0x10;
const MAP_ANONYMOUS: u64 = 0x20;
const MAP_FIXED_NOREPLACE: u64 = 0x10_0000;
const MREMAP_MAYMOVE: u64 = 1;
const MREMAP_FIXED: u64 = 2;

/// Live mappings (start -> end, page aligned) and the program break.
const ENODEV: u64 = 19;

/// What a file mapping of descriptor `fd` maps: true for a regular file's contents, false
/// for /dev/zero's zeros (anonymous memory). Nothing else has contents to map (Linux:
/// ENODEV for pipes, sockets, eventfds...), and reading one of those could wait forever.
fn file_source(files: &mut super::Files, fd: i32) -> Result<bool, u64> {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let meta = files
        .file(fd)?
        .metadata()
        .map_err(|e| super::host_errno(&e))?;
    if meta.is_file() {
        Ok(true)
    } else if meta.file_type().is_char_device() && meta.rdev() == libc::makedev(1, 5) {
        Ok(false)
    } else {
        Err(ENODEV)
    }
}

/// The lowest address a fixed mapping may start at (Linux's default vm.mmap_min_addr).
const MMAP_MIN_ADDR: u32 = 0x1_0000;

pub struct Mappings {
    ranges: BTreeMap<u32, u32>,
    brk_start: u32,
    brk: u32,
}

fn page_up(v: u64) -> u64 {
    v.next_multiple_of(u64::from(PAGE_SIZE))
}

fn perm(prot: u64) -> Perm {
    match (
        prot & PROT_READ != 0,
        prot & PROT_WRITE != 0,
        prot & PROT_EXEC != 0,
    ) {
        (_, true, true) => Perm::RWX,
        (_, true, false) => Perm::RW,
        (_, false, true) => Perm::RX,
        (true, false, false) => Perm::READ,
        (false, false, false) => Perm::NONE,
    }
}

/// Clears and unmaps `start..end` (page aligned, non-empty).
fn release(mem: &Memory, start: u32, end: u32) {
    let len = u64::from(end - start);
    // Make the pages writable so they can be cleared whatever their protection was.
    if mem.map(start, len, Perm::RW).is_ok() {
        let zeros = vec![0u8; 1 << 16];
        let mut a = start;
        while a < end {
            let n = (end - a).min(zeros.len() as u32);
            let _ = mem.write_bytes(a, &zeros[..n as usize]);
            a += n;
        }
    }
    let _ = mem.map(start, len, Perm::NONE);
}

impl Mappings {
    pub fn new(brk: u32) -> Self {
        Self {
            ranges: BTreeMap::new(),
            brk_start: brk,
            brk,
        }
    }

    fn overlaps(&self, start: u32, end: u32) -> bool {
        self.ranges
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| e > start)
    }

    /// Whether mappings cover every page of `start..end` (Linux's mremap needs its old range
    /// mapped throughout).
    fn covers(&self, start: u32, end: u32) -> bool {
        let mut at = start;
        while at < end {
            match self.ranges.range(..=at).next_back() {
                Some((_, &e)) if e > at => at = e,
                _ => return false,
            }
        }
        true
    }

    /// Forgets `start..end`, splitting ranges that straddle its edges.
    fn remove(&mut self, start: u32, end: u32) {
        let hit: Vec<(u32, u32)> = self
            .ranges
            .range(..end)
            .filter(|(_, &e)| e > start)
            .map(|(&s, &e)| (s, e))
            .collect();
        for (s, e) in hit {
            self.ranges.remove(&s);
            if s < start {
                self.ranges.insert(s, start);
            }
            if e > end {
                self.ranges.insert(end, e);
            }
        }
    }

    /// The lowest free range of `len` bytes in the mmap area.
    fn find_gap(&self, len: u32) -> Option<u32> {
        let mut at = MMAP_BASE;
        for (&s, &e) in self.ranges.range(MMAP_BASE..) {
            if s >= at && s - at >= len {
                break;
            }
            at = at.max(e);
        }
        (u64::from(at) + u64::from(len) <= u64::from(STACK_BOTTOM)).then_some(at)
    }

    fn brk(&mut self, mem: &Memory, want: u64) -> u64 {
        let cur = u64::from(self.brk);
        if want < u64::from(self.brk_start) || want > u64::from(MMAP_BASE) {
            return cur;
        }
        let old_end = page_up(cur) as u32;
        let new_end = page_up(want) as u32;
        if new_end > old_end {
            if self.overlaps(old_end, new_end)
                || mem
                    .map(old_end, u64::from(new_end - old_end), Perm::RW)
                    .is_err()
            {
                return cur;
            }
        } else if new_end < old_end {
            release(mem, new_end, old_end);
        }
        self.brk = want as u32;
        want
    }

    fn mmap(&mut self, p_files: &mut super::Files, mem: &Memory, a: &[u64; 6]) -> SysResult {
        let (addr, len, prot, flags, fd, off) = (a[0], a[1], a[2], a[3], a[4] as i32, a[5]);
        if len == 0 || len > u64::from(u32::MAX) || off % u64::from(PAGE_SIZE) != 0 {
            return Err(errno::EINVAL);
        }
        let len = page_up(len) as u32;
        let anon = flags & MAP_ANONYMOUS != 0;
        let from_file = !anon && file_source(p_files, fd)?;
        if !anon && flags & MAP_SHARED != 0 && prot & PROT_WRITE != 0 {
            // Writes through a shared file mapping would have to reach the file.
            return Err(errno::EPERM);
        }
        let fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE) != 0;
        let start = if fixed {
            let s = guest_addr(addr).map_err(|_| errno::ENOMEM)?;
            if s % PAGE_SIZE != 0 || u64::from(s) + u64::from(len) > u64::from(STACK_BOTTOM) {
                return Err(errno::EINVAL);
            }
            // Linux refuses fixed mappings below vm.mmap_min_addr (64 KiB by default).
            if s < MMAP_MIN_ADDR {
                return Err(errno::EPERM);
            }
            if self.overlaps(s, s + len) {
                if flags & MAP_FIXED_NOREPLACE != 0 {
                    return Err(errno::EEXIST);
                }
                self.unmap(mem, s, s + len);
            }
            s
        } else {
            match u32::try_from(addr) {
                Ok(h)
                    if h != 0
                        && h % PAGE_SIZE == 0
                        && h >= MMAP_BASE
                        && u64::from(h) + u64::from(len) <= u64::from(STACK_BOTTOM)
                        && !self.overlaps(h, h + len) =>
                {
                    h
                }
                _ => self.find_gap(len).ok_or(errno::ENOMEM)?,
            }
        };
        let mut contents = Vec::new();
        if from_file {
            let file = p_files.file(fd)?;
            let mut f = file.try_clone().map_err(|e| super::host_errno(&e))?;
            let pos = f.stream_position().map_err(|e| super::host_errno(&e))?;
            f.seek(SeekFrom::Start(off))
                .map_err(|e| super::host_errno(&e))?;
            let r = (&mut f).take(u64::from(len)).read_to_end(&mut contents);
            let _ = f.seek(SeekFrom::Start(pos));
            r.map_err(|e| super::host_errno(&e))?;
        }
        mem.map(start, u64::from(len), Perm::RW)
            .map_err(|_| errno::ENOMEM)?;
        if !contents.is_empty() {
            mem.write_bytes(start, &contents)
                .map_err(|_| errno::EFAULT)?;
        }
        mem.map(start, u64::from(len), perm(prot))
            .map_err(|_| errno::ENOMEM)?;
        self.ranges.insert(start, start + len);
        Ok(u64::from(start))
    }

    fn unmap(&mut self, mem: &Memory, start: u32, end: u32) {
        // Only pages we handed out are released; the image and stack are not ours to drop
        // through this path unless the guest mapped over them.
        let hit: Vec<(u32, u32)> = self
            .ranges
            .range(..end)
            .filter(|(_, &e)| e > start)
            .map(|(&s, &e)| (s.max(start), e.min(end)))
            .collect();
        for (s, e) in hit {
            release(mem, s, e);
        }
        self.remove(start, end);
    }

    fn munmap(&mut self, mem: &Memory, addr: u64, len: u64) -> SysResult {
        let start = guest_addr(addr).map_err(|_| errno::EINVAL)?;
        if start % PAGE_SIZE != 0 || len == 0 || u64::from(start) + len > 1 << 32 {
            return Err(errno::EINVAL);
        }
        let end = page_up(u64::from(start) + len).min(u64::from(u32::MAX) & !0xfff) as u32;
        self.unmap(mem, start, end);
        Ok(0)
    }

    fn mprotect(&mut self, mem: &Memory, addr: u64, len: u64, prot: u64) -> SysResult {
        let start = guest_addr(addr).map_err(|_| errno::EINVAL)?;
        if start % PAGE_SIZE != 0 || u64::from(start) + len > 1 << 32 {
            return Err(errno::EINVAL);
        }
        if len == 0 {
            return Ok(0);
        }
        let len = page_up(len);
        // Every page must be mapped (image, stack, heap or one of our mappings).
        let mut a = start;
        while u64::from(a) < u64::from(start) + len {
            if mem.perm(a) == Perm::NONE && !self.overlaps(a, a + PAGE_SIZE) {
                return Err(errno::ENOMEM);
            }
            a = a.wrapping_add(PAGE_SIZE);
            if a == 0 {
                break;
            }
        }
        mem.map(start, len, perm(prot)).map_err(|_| errno::ENOMEM)?;
        Ok(0)
    }

    fn mremap(&mut self, mem: &Memory, a: &[u64; 6]) -> SysResult {
        let (old, old_len, new_len, flags) = (a[0], a[1], a[2], a[3]);
        let start = guest_addr(old).map_err(|_| errno::EINVAL)?;
        if start % PAGE_SIZE != 0 || new_len == 0 || new_len > u64::from(u32::MAX) {
            return Err(errno::EINVAL);
        }
        if flags & MREMAP_FIXED != 0 {
            return Err(errno::EINVAL);
        }
        let old_end = page_up(u64::from(start) + old_len) as u32;
        let new_end64 = page_up(u64::from(start) + new_len);
        if !self.covers(start, old_end.max(start + 1)) {
            return Err(errno::EFAULT);
        }
        if new_end64 <= u64::from(old_end) {
            let new_end = new_end64 as u32;
            if new_end < old_end {
                self.unmap(mem, new_end, old_end);
            }
            return Ok(u64::from(start));
        }
        let prot = mem.perm(start);
        if new_end64 <= u64::from(STACK_BOTTOM) && !self.overlaps(old_end, new_end64 as u32) {
            let new_end = new_end64 as u32;
            mem.map(old_end, u64::from(new_end - old_end), prot)
                .map_err(|_| errno::ENOMEM)?;
            self.remove(start, old_end);
            self.ranges.insert(start, new_end);
            return Ok(u64::from(start));
        }
        if flags & MREMAP_MAYMOVE == 0 {
            return Err(errno::ENOMEM);
        }
        let len = (new_end64 - u64::from(start)) as u32;
        let to = self.find_gap(len).ok_or(errno::ENOMEM)?;
        mem.map(to, u64::from(len), Perm::RW)
            .map_err(|_| errno::ENOMEM)?;
        let mut buf = vec![0u8; (old_end - start) as usize];
        let copied = mem.map(start, u64::from(old_end - start), Perm::RW).is_ok()
            && mem.read_bytes(start, &mut buf).is_ok()
            && mem.write_bytes(to, &buf).is_ok();
        if !copied {
            return Err(errno::EFAULT);
        }
        mem.map(to, u64::from(len), prot)
            .map_err(|_| errno::ENOMEM)?;
        self.unmap(mem, start, old_end);
        self.ranges.insert(to, to + len);
        Ok(u64::from(to))
    }
}

pub fn call(p: &mut Process, c: &Call, mem: &Memory) -> Option<Result<SysResult, SyscallError>> {
    let a = &c.args;
    let m = &mut p.mappings;
    let r = match c.nr {
        45 => Ok(m.brk(mem, a[0])),
        90 => m.mmap(&mut p.files, mem, a),
        91 => m.munmap(mem, a[0], a[1]),
        125 => m.mprotect(mem, a[0], a[1], a[2]),
        163 => m.mremap(mem, a),
        205 => m.madvise(mem, a[0], a[1], a[2]),
        // msync: a writable shared file mapping is refused at mmap, so no mapping has
        // anything to write back. mlock, munlock, mlockall, munlockall: guest memory is
        // ordinary host memory, resident while it is mapped.
        144 | 150 | 151 => m.pages(mem, a[0], a[1]).map(|_| 0),
        152 | 153 => Ok(0),
        206 => m.mincore(mem, a[0], a[1], a[2]),
        _ => return None,
    };
    Some(Ok(r))
}

impl Mappings {
    /// How many pages [addr, addr + len) spans (addr page-aligned: EINVAL otherwise), all
    /// mapped; ENOMEM when one is not, as Linux answers these calls.
    fn pages(&self, mem: &Memory, addr: u64, len: u64) -> Result<usize, u64> {
        let start = guest_addr(addr).map_err(|_| errno::ENOMEM)?;
        if start % PAGE_SIZE != 0 {
            return Err(errno::EINVAL);
        }
        let end = u64::from(start) + len;
        if end > 1 << 32 {
            return Err(errno::ENOMEM);
        }
        let mut count = 0;
        let mut page = u64::from(start);
        while page < end {
            let a = page as u32;
            let in_range = self
                .ranges
                .range(..=a)
                .next_back()
                .is_some_and(|(_, &e)| a < e);
            if !in_range && mem.perm(a) == Perm::NONE {
                return Err(errno::ENOMEM);
            }
            count += 1;
            page += u64::from(PAGE_SIZE);
        }
        Ok(count)
    }

    /// `madvise(addr, len, advice)`: every page of the range must be mapped (ENOMEM), a
    /// PROT_NONE one included (glibc advises a thread's whole stack, guard page and all,
    /// when the thread ends). MADV_DONTNEED gives the writable and inaccessible pages
    /// their host memory back, so they read as zero next time; the other advice changes
    /// nothing here.
    fn madvise(&self, mem: &Memory, addr: u64, len: u64, advice: u64) -> SysResult {
        const MADV_DONTNEED: u64 = 4;
        if len == 0 {
            return guest_addr(addr)
                .ok()
                .filter(|a| a % PAGE_SIZE == 0)
                .map(|_| 0)
                .ok_or(errno::EINVAL);
        }
        self.pages(mem, addr, page_up(len))?;
        if advice != MADV_DONTNEED {
            return Ok(0);
        }
        let start = addr as u32;
        let end = u64::from(start) + page_up(len);
        let mut page = u64::from(start);
        while page < end {
            let a = page as u32;
            let perm = mem.perm(a);
            // A read-only page keeps what it holds: a file mapping's contents, which Linux
            // would read again.
            if perm == Perm::NONE || perm.contains(Perm::WRITE) {
                mem.discard(a, u64::from(PAGE_SIZE))
                    .map_err(|_| errno::ENOMEM)?;
                mem.invalidate_code(a, u64::from(PAGE_SIZE));
            }
            page += u64::from(PAGE_SIZE);
        }
        Ok(0)
    }

    /// `mincore(addr, len, vec)`: one byte per page, 1 for resident (every mapped page).
    fn mincore(&self, mem: &Memory, addr: u64, len: u64, vec: u64) -> SysResult {
        let pages = self.pages(mem, addr, len)?;
        put(mem, vec, &vec![1u8; pages])?;
        Ok(0)
    }
}

#[cfg(test)]
mod tests {
    //! Expected behaviour from the Linux man pages (brk(2), mmap(2), munmap(2), mremap(2)):
    //! fresh anonymous memory reads as zero, unmapped memory faults, a failed brk returns the
    //! old break.
    use super::*;

    const MAP_PRIVATE: u64 = 0x02;

    fn setup() -> (Memory, Mappings, crate::linux::syscall::Files) {
        let mem = Memory::new().unwrap();
        (
            mem,
            Mappings::new(0x1010_0000),
            crate::linux::syscall::Files::with_std_streams(),
        )
    }

    fn anon(m: &mut Mappings, f: &mut super::super::Files, mem: &Memory, len: u64) -> u32 {
        let a = [
            0,
            len,
            PROT_READ | PROT_WRITE,
            MAP_PRIVATE | MAP_ANONYMOUS,
            u64::MAX,
            0,
        ];
        m.mmap(f, mem, &a).unwrap() as u32
    }

    #[test]
    fn anonymous_memory_is_zero_and_reused_clean() {
        let (mem, mut m, mut f) = setup();
        let a = anon(&mut m, &mut f, &mem, 10_000);
        assert!(a >= MMAP_BASE);
        assert_eq!(mem.read_u64(a + 8000).unwrap(), 0);
        mem.write_u64(a + 8000, 0x1234).unwrap();
        let b = anon(&mut m, &mut f, &mem, 4096);
        assert_eq!(
            b,
            a + 3 * PAGE_SIZE,
            "next free gap after the first mapping"
        );
        m.munmap(&mem, u64::from(a), 10_000).unwrap();
        assert!(mem.read_u8(a).is_err(), "unmapped memory faults");
        let c = anon(&mut m, &mut f, &mem, 12_288);
        assert_eq!(c, a, "the freed gap is reused");
        assert_eq!(
            mem.read_u64(c + 8000).unwrap(),
            0,
            "and reads as zero again"
        );
    }

    /// madvise(2): a range with an unmapped page is ENOMEM, but an inaccessible (PROT_NONE)
    /// page is mapped, as glibc's advice on an ended thread's stack and guard expects;
    /// MADV_DONTNEED leaves private anonymous pages reading as zero.
    #[test]
    fn madvise_takes_inaccessible_pages_and_dontneed_zeroes() {
        let (mem, mut m, mut f) = setup();
        let page = u64::from(PAGE_SIZE);
        let a = anon(&mut m, &mut f, &mem, 3 * page);
        mem.protect(a, page, Perm::NONE).unwrap();
        mem.write_u64(a + PAGE_SIZE + 8, 0x55).unwrap();
        assert_eq!(m.madvise(&mem, u64::from(a), 3 * page, 4), Ok(0));
        assert_eq!(mem.read_u64(a + PAGE_SIZE + 8).unwrap(), 0);
        assert_eq!(mem.perm(a), Perm::NONE, "protection unchanged");
        m.munmap(&mem, u64::from(a + 2 * PAGE_SIZE), page).unwrap();
        assert_eq!(
            m.madvise(&mem, u64::from(a), 3 * page, 4),
            Err(errno::ENOMEM)
        );
        assert_eq!(
            m.madvise(&mem, u64::from(a + 1), page, 4),
            Err(errno::EINVAL)
        );
    }

    #[test]
    fn munmap_splits_a_mapping() {
        let (mem, mut m, mut f) = setup();
        let a = anon(&mut m, &mut f, &mem, 3 * u64::from(PAGE_SIZE));
        m.munmap(&mem, u64::from(a + PAGE_SIZE), u64::from(PAGE_SIZE))
            .unwrap();
        assert!(mem.read_u8(a).is_ok());
        assert!(mem.read_u8(a + PAGE_SIZE).is_err());
        assert!(mem.read_u8(a + 2 * PAGE_SIZE).is_ok());
        let hole = anon(&mut m, &mut f, &mem, 4096);
        assert_eq!(hole, a + PAGE_SIZE);
    }

    #[test]
    fn brk_grows_shrinks_and_refuses_the_impossible() {
        let (mem, mut m, _) = setup();
        assert_eq!(m.brk(&mem, 0), 0x1010_0000);
        assert_eq!(m.brk(&mem, 0x1010_8b60), 0x1010_8b60);
        mem.write_u8(0x1010_8b5f, 7).unwrap();
        assert_eq!(m.brk(&mem, 0x1010_1000), 0x1010_1000);
        assert!(mem.read_u8(0x1010_8000).is_err());
        assert_eq!(m.brk(&mem, 0x1010_8b60), 0x1010_8b60);
        assert_eq!(
            mem.read_u8(0x1010_8b5f).unwrap(),
            0,
            "regrown break is zero"
        );
        assert_eq!(
            m.brk(&mem, u64::from(MMAP_BASE) + 1),
            0x1010_8b60,
            "failure keeps the break"
        );
        assert_eq!(
            m.brk(&mem, 0x1000),
            0x1010_8b60,
            "below the start is refused"
        );
    }

    #[test]
    fn garbage_that_would_unmap_the_program_is_refused_as_linux_refuses_it() {
        // Found by the garbage-argument test: mremap(0, 0xeffff000, 15) shrank "the mapping
        // at 0" by unmapping everything above it, and a fixed mmap at 0 covered the program.
        let (mem, mut m, mut f) = setup();
        let a = anon(&mut m, &mut f, &mem, 8192);
        assert_eq!(
            m.mremap(&mem, &[0, 0xeffff000, 15, 0, 0, 0]),
            Err(errno::EFAULT)
        );
        // Starting inside a mapping but running past its end.
        assert_eq!(
            m.mremap(&mem, &[u64::from(a), 0x10_0000, 4096, 0, 0, 0]),
            Err(errno::EFAULT)
        );
        assert_eq!(mem.read_u32(a + 4096), Ok(0));
        let fixed = [
            0,
            0x3000_0000,
            PROT_READ,
            MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
            u64::MAX,
            0,
        ];
        assert_eq!(m.mmap(&mut f, &mem, &fixed), Err(errno::EPERM));
    }

    #[test]
    fn mremap_grows_in_place_or_moves_with_contents() {
        let (mem, mut m, mut f) = setup();
        let a = anon(&mut m, &mut f, &mem, 4096);
        mem.write_u32(a, 0xfeed_f00d).unwrap();
        let grown = m
            .mremap(&mem, &[u64::from(a), 4096, 8192, 0, 0, 0])
            .unwrap();
        assert_eq!(grown, u64::from(a));
        let _blocker = anon(&mut m, &mut f, &mem, 4096);
        assert_eq!(
            m.mremap(&mem, &[u64::from(a), 8192, 65536, 0, 0, 0]),
            Err(errno::ENOMEM),
            "cannot grow in place without MREMAP_MAYMOVE"
        );
        let moved = m
            .mremap(&mem, &[u64::from(a), 8192, 65536, MREMAP_MAYMOVE, 0, 0])
            .unwrap() as u32;
        assert_ne!(moved, a);
        assert_eq!(mem.read_u32(moved).unwrap(), 0xfeed_f00d);
        assert!(mem.read_u8(a).is_err());
    }
}
