//! The 4 GiB guest address space.
//!
//! One host reservation covers every 32-bit effective address plus a guard region past the
//! end, so generated code can add a zero-extended 32-bit address to the base and access up
//! to 64 bytes without a bounds check: an overrun lands in the guard, never in host memory.
//! Pages are committed and protected on demand. A software copy of the page permissions
//! lets the interpreter report an access to an unmapped or protected page as a guest fault.

use std::sync::atomic::{fence, AtomicU32, AtomicU64, AtomicU8, Ordering};
use std::sync::Mutex;

pub mod hostfault;
mod physical;
pub use physical::{MAX_PHYSICAL_SIZE, PHYSICAL_VIEWS};

pub const PAGE_SIZE: u32 = 4096;
const PAGE_SHIFT: u32 = 12;
const PAGE_COUNT: usize = 1 << (32 - PAGE_SHIFT);
const SPACE: usize = 1 << 32;
/// Past the last guest byte; covers the widest access (a 64-byte cache-line op) that may
/// start at 0xFFFFFFFF, rounded to host pages.
pub const GUARD_SIZE: usize = 64 * 1024;
/// Pages just below guest address 0 that hold CPU contexts while compiled code runs
/// (`claim_context_slot`): a slot is a fixed distance from the guest base, so code finds
/// guest memory at `ctx + distance + EA` and needs no register for the base.
pub const CONTEXT_SLOTS: usize = 16;
pub const CONTEXT_SLOT_SIZE: usize = PAGE_SIZE as usize;
const CONTEXT_AREA: usize = CONTEXT_SLOTS * CONTEXT_SLOT_SIZE;
const _: () = assert!(std::mem::size_of::<crate::Context>() <= CONTEXT_SLOT_SIZE);

/// Page permissions; `NONE` means unmapped. A writable page is always readable: `map`
/// adds `READ` to `WRITE`, as the PowerPC MMU has no write-only protection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Perm(u8);

impl Perm {
    pub const NONE: Perm = Perm(0);
    pub const READ: Perm = Perm(1);
    pub const WRITE: Perm = Perm(2);
    pub const EXEC: Perm = Perm(4);
    pub const RW: Perm = Perm(3);
    pub const RX: Perm = Perm(5);
    pub const RWX: Perm = Perm(7);
    /// Not a permission: set in the table on pages the JIT compiled code from (see
    /// "Code pages" below). `perm()` never reports it.
    pub const CODE: Perm = Perm(8);

    pub const fn bits(self) -> u8 {
        self.0
    }
    pub const fn contains(self, other: Perm) -> bool {
        self.0 & other.0 == other.0
    }
    fn host(self) -> region::Protection {
        // Execute is a guest notion (code is never run from guest pages by the host).
        match (self.contains(Perm::READ), self.contains(Perm::WRITE)) {
            (_, true) => region::Protection::READ_WRITE,
            (true, false) => region::Protection::READ,
            (false, false) => region::Protection::NONE,
        }
    }
}

/// Why a guest access did not complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("guest {kind} fault at {addr:#010x}")]
pub struct Fault {
    pub addr: u32,
    pub kind: AccessKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessKind {
    Read,
    Write,
    Fetch,
}

impl std::fmt::Display for AccessKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AccessKind::Read => "read",
            AccessKind::Write => "write",
            AccessKind::Fetch => "fetch",
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MemoryError {
    #[error("cannot reserve the 4 GiB guest address space: {0}")]
    Reserve(region::Error),
    #[error("cannot change protection of guest range {addr:#010x}+{len:#x}: {source}")]
    Protect {
        addr: u32,
        len: u64,
        source: region::Error,
    },
    #[error("guest range {addr:#010x}+{len:#x} is empty or wraps past 4 GiB")]
    BadRange { addr: u32, len: u64 },
    #[error("cannot back the physical views with {size:#x} bytes: {source}")]
    Physical { size: u32, source: std::io::Error },
    #[error("cannot discard guest range {addr:#010x}+{len:#x}: {source}")]
    Discard {
        addr: u32,
        len: u64,
        source: std::io::Error,
    },
}

pub struct Memory {
    // First: the fault handler forgets the reservation before the tables it reads are freed.
    faults: Option<hostfault::Registration>,
    alloc: region::Allocation,
    perms: Box<[AtomicU8]>,
    /// Context slots handed out (`claim_context_slot`), one bit each.
    slots: AtomicU32,
    /// Tells this memory apart from any other, including one later at the same address.
    serial: u64,
    // After `alloc`: the views are unmapped with the reservation before the object is closed.
    physical: Option<physical::Backing>,
    code: CodePages,
}

/// Code pages: the JIT sets `Perm::CODE` on every page it compiles from. A write to such a
/// page (by the interpreter, a JIT fallback, the host loader, a remap) clears the bit and
/// appends the page to a log shared by every JIT engine on this memory; each engine drops its
/// units on logged pages when it next returns to its dispatcher. Generated stores treat a
/// `CODE` page as not writable, so they always take the interpreter path that logs.
#[derive(Default)]
struct CodePages {
    /// Pages written, in order, one entry per (compilation of a page, write to it) pair.
    log: Mutex<CodeLog>,
    /// The log's end (`CodeLog::end`), readable without the lock.
    epoch: AtomicU64,
    /// Pages the fault handler saw written (it cannot take the lock), and how many of its
    /// notes have been moved into `log`.
    noted: Box<hostfault::CodeWrites>,
    drained: AtomicU64,
}

/// The code-write log: the most recent `pages`, the first of which was write number `base`.
/// Engines do not register with the memory, so the log cannot know when all have read an
/// entry; it keeps the last `CODE_LOG_KEEP` to `2 * CODE_LOG_KEEP` entries instead, and an
/// engine that fell further behind drops all its code (`Memory::code_writes_since`).
#[derive(Default)]
struct CodeLog {
    base: u64,
    pages: Vec<u32>,
}

impl CodeLog {
    fn end(&self) -> u64 {
        self.base + self.pages.len() as u64
    }

    fn push(&mut self, pages: impl IntoIterator<Item = u32>) {
        self.pages.extend(pages);
        if self.pages.len() > 2 * CODE_LOG_KEEP {
            let old = self.pages.len() - CODE_LOG_KEEP;
            self.pages.drain(..old);
            self.base += old as u64;
        }
    }
}

/// Code-page writes the log keeps at least (4 bytes each).
const CODE_LOG_KEEP: usize = 1 << 16;

// The reservation is plain memory shared by every hardware thread; guest-level races are the
// guest's business, as on hardware.
unsafe impl Send for Memory {}
unsafe impl Sync for Memory {}

impl Memory {
    /// Reserves the whole guest space with nothing mapped.
    pub fn new() -> Result<Self, MemoryError> {
        let alloc = region::alloc(CONTEXT_AREA + SPACE + GUARD_SIZE, region::Protection::NONE)
            .map_err(MemoryError::Reserve)?;
        // SAFETY: the context area is the start of the reservation just made.
        unsafe {
            region::protect(
                alloc.as_ptr::<u8>(),
                CONTEXT_AREA,
                region::Protection::READ_WRITE,
            )
        }
        .map_err(MemoryError::Reserve)?;
        // SAFETY: the reservation is larger than the context area.
        let base = unsafe { (alloc.as_ptr::<u8>() as *mut u8).add(CONTEXT_AREA) };
        let perms: Box<[AtomicU8]> = (0..PAGE_COUNT).map(|_| AtomicU8::new(0)).collect();
        let code = CodePages::default();
        let faults = hostfault::register(base, &perms, &code.noted);
        static SERIAL: AtomicU64 = AtomicU64::new(1);
        Ok(Self {
            faults,
            alloc,
            perms,
            slots: AtomicU32::new(0),
            serial: SERIAL.fetch_add(1, Ordering::Relaxed),
            physical: None,
            code,
        })
    }

    /// Like `new`, and backs the three physical views (`PHYSICAL_VIEWS`) with one shared
    /// `size`-byte object, so each physical byte is visible at the same offset in every view.
    /// The views start unmapped; `map`/`protect` them per virtual page as usual.
    pub fn with_physical(size: u32) -> Result<Self, MemoryError> {
        if size == 0 || size > MAX_PHYSICAL_SIZE || !size.is_multiple_of(PAGE_SIZE) {
            return Err(MemoryError::Physical {
                size,
                source: std::io::Error::from(std::io::ErrorKind::InvalidInput),
            });
        }
        let mut mem = Self::new()?;
        // SAFETY: the reservation just made covers every view.
        let backing = unsafe { physical::Backing::map_views(mem.base(), size) }
            .map_err(|source| MemoryError::Physical { size, source })?;
        mem.physical = Some(backing);
        Ok(mem)
    }

    /// Bytes of physical memory behind the views (0 when created with `new`).
    pub fn physical_size(&self) -> u32 {
        self.physical.as_ref().map_or(0, |p| p.size())
    }

    /// Zeroes the pages covering `addr..addr+len` whatever their protection, and returns their
    /// host memory. A page of a physical view is zeroed in every view (it is the same RAM).
    pub fn discard(&self, addr: u32, len: u64) -> Result<(), MemoryError> {
        let (first, last) = Self::check_range(addr, len)?;
        let end = ((last as u64) + 1) << PAGE_SHIFT;
        let mut at = (first as u64) << PAGE_SHIFT;
        while at < end {
            let (phys, run_end) = match &self.physical {
                Some(p) => p.locate(at),
                None => (None, 1 << 32),
            };
            let n = run_end.min(end) - at;
            let done = match (phys, &self.physical) {
                (Some(off), Some(p)) => p.punch(off, n),
                // SAFETY: `at..at+n` is page aligned and inside the reservation.
                _ => unsafe { physical::drop_private(self.base().add(at as usize), n as usize) },
            };
            done.map_err(|source| MemoryError::Discard { addr, len, source })?;
            at += n;
        }
        Ok(())
    }

    /// Host address of guest address 0; generated code adds the 32-bit EA to it.
    pub fn base(&self) -> *mut u8 {
        // Opaque to the optimiser: the physical views make two different offsets from the
        // base reach the same byte, which the compiler would otherwise rule out (it may then
        // forward a store through one view past a load through another).
        // SAFETY: guest 0 is CONTEXT_AREA into the reservation.
        std::hint::black_box(unsafe { self.reservation().add(CONTEXT_AREA) })
    }

    /// Host address of the reservation's start: the context slots, then guest address 0.
    fn reservation(&self) -> *mut u8 {
        self.alloc.as_ptr::<u8>() as *mut u8
    }

    /// A number no other `Memory` of this process has.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// Reserves a context slot for one execution engine, for as long as this memory lives:
    /// its index, or `None` when all `CONTEXT_SLOTS` are taken.
    pub fn claim_context_slot(&self) -> Option<usize> {
        let first_free = |taken: u32| (!taken).trailing_zeros() as usize;
        self.slots
            .fetch_update(Ordering::AcqRel, Ordering::Relaxed, |taken| {
                (first_free(taken) < CONTEXT_SLOTS).then(|| taken | 1 << first_free(taken))
            })
            .ok()
            .map(first_free)
    }

    /// The context in slot `slot` (see `claim_context_slot`), and the distance from it to
    /// guest address 0 in host bytes.
    pub fn context_slot(&self, slot: usize) -> (*mut crate::Context, i32) {
        assert!(slot < CONTEXT_SLOTS, "context slot {slot}");
        // SAFETY: the slot lies in the context area at the start of the reservation.
        let at = unsafe { self.reservation().add(slot * CONTEXT_SLOT_SIZE) };
        (
            (at as *mut crate::Context),
            ((CONTEXT_SLOTS - slot) * CONTEXT_SLOT_SIZE) as i32,
        )
    }

    fn check_range(addr: u32, len: u64) -> Result<(usize, usize), MemoryError> {
        let end = u64::from(addr) + len;
        if len == 0 || end > SPACE as u64 {
            return Err(MemoryError::BadRange { addr, len });
        }
        let first = (addr >> PAGE_SHIFT) as usize;
        let last = ((end - 1) >> PAGE_SHIFT) as usize;
        Ok((first, last))
    }

    /// Maps (commits) the pages covering `addr..addr+len` with `perm`; newly mapped pages read
    /// as zero. Use `Perm::NONE` to unmap (the contents are then discarded).
    pub fn map(&self, addr: u32, len: u64, perm: Perm) -> Result<(), MemoryError> {
        let (first, last) = Self::check_range(addr, len)?;
        // PowerPC page protection has no write-only setting (and neither has the host's).
        let perm = if perm.contains(Perm::WRITE) {
            Perm(perm.0 | Perm::READ.0)
        } else {
            perm
        };
        let start = first << PAGE_SHIFT;
        let size = (last + 1 - first) << PAGE_SHIFT;
        // The table first: whenever the host protection disagrees with it, the host is the
        // one out of date, which the fault handler relies on (`hostfault`).
        let mut code = Vec::new();
        for (k, p) in self.perms[first..=last].iter().enumerate() {
            if p.swap(perm.bits(), Ordering::AcqRel) & Perm::CODE.bits() != 0 {
                code.push((first + k) as u32);
            }
        }
        unsafe {
            region::protect(self.base().add(start), size, perm.host())
                .map_err(|source| MemoryError::Protect { addr, len, source })?;
        }
        // This view's page no longer catches writes: code compiled through another view of
        // the same RAM goes too.
        // (Their own marks went with the swap above.)
        let aliases: Vec<u32> = code
            .iter()
            .flat_map(|&p| self.take_code_marks(p as usize))
            .collect();
        code.extend(aliases);
        self.log_code_writes(&code);
        Ok(())
    }

    /// Whether host page protection catches forbidden accesses to this memory, so generated
    /// code may access it unchecked (see `hostfault`).
    pub fn host_faults(&self) -> bool {
        self.faults.is_some()
    }

    /// Changes protection of already mapped pages (same as `map`, kept for intent).
    pub fn protect(&self, addr: u32, len: u64, perm: Perm) -> Result<(), MemoryError> {
        self.map(addr, len, perm)
    }

    /// Zeroes `addr..addr+len` regardless of protection (used to reset test regions).
    pub fn zero(&self, addr: u32, len: u64) -> Result<(), MemoryError> {
        Self::check_range(addr, len)?;
        // One page of zeros at a time through the loader path, which lifts guest protection
        // for the duration of the write.
        let zeros = [0u8; PAGE_SIZE as usize];
        let mut done = 0u64;
        while done < len {
            let at = addr + done as u32;
            let n = (u64::from(PAGE_SIZE) - u64::from(at % PAGE_SIZE)).min(len - done);
            self.poke_bytes(at, &zeros[..n as usize])?;
            done += n;
        }
        Ok(())
    }

    /// The page-permission table (one `Perm` byte per 4 KiB page), for generated code that
    /// checks accesses inline.
    pub fn perms_base(&self) -> *const u8 {
        self.perms.as_ptr() as *const u8
    }

    pub fn perm(&self, addr: u32) -> Perm {
        let bits = self.perms[(addr >> PAGE_SHIFT) as usize].load(Ordering::Relaxed);
        Perm(bits & !Perm::CODE.bits())
    }

    /// Marks the page holding `addr` as one the JIT compiles code from. Called before the
    /// code is read, so any later write finds the mark. A page of a physical view is marked in
    /// every view: a write through another view changes the same RAM.
    pub fn mark_code(&self, addr: u32) {
        let page = (addr >> PAGE_SHIFT) as usize;
        self.mark_page(page);
        for alias in self.aliases(page) {
            self.mark_page(alias);
        }
    }

    /// The pages holding the same RAM as `page` in the other physical views (none for a page
    /// outside them).
    fn aliases(&self, page: usize) -> impl Iterator<Item = usize> {
        let size = self.physical_size() as usize;
        let addr = page << PAGE_SHIFT;
        let offset = PHYSICAL_VIEWS.iter().find_map(|&v| {
            let v = v as usize;
            (addr >= v && addr < v + size).then(|| addr - v)
        });
        PHYSICAL_VIEWS
            .iter()
            .filter_map(move |&v| offset.map(|o| (v as usize + o) >> PAGE_SHIFT))
            .filter(move |&q| q != page)
    }

    fn mark_page(&self, page: usize) {
        let before = self.perms[page].fetch_or(Perm::CODE.bits(), Ordering::SeqCst);
        fence(Ordering::SeqCst);
        if self.host_faults()
            && before & Perm::CODE.bits() == 0
            && Perm(before).contains(Perm::WRITE)
        {
            // Generated stores are unchecked: the host must catch writes to this page.
            // SAFETY: this memory is registered and `page` is one of its pages.
            unsafe { hostfault::protect_page(self.base(), page, Perm::READ) };
        }
    }

    /// The number of code-page writes so far; changes whenever compiled code may be stale.
    pub fn code_epoch(&self) -> u64 {
        self.drain_noted();
        self.code.epoch.load(Ordering::Acquire)
    }

    /// Moves the pages the fault handler noted into the log.
    fn drain_noted(&self) {
        let count = self.code.noted.count();
        if count == self.code.drained.load(Ordering::Acquire) {
            return;
        }
        let mut log = self.code.log.lock().unwrap_or_else(|e| e.into_inner());
        let mut pages = Vec::new();
        for page in self.code.noted.drain() {
            // The fault handler took the written page's mark; its aliases' go with it.
            pages.push(page);
            pages.extend(self.take_code_marks(page as usize));
        }
        log.push(pages);
        self.code.epoch.store(log.end(), Ordering::Release);
        self.code.drained.store(count, Ordering::Release);
    }

    /// Code pages (page numbers, address >> 12) written since `epoch`, and the new epoch;
    /// `None` for the pages when the log no longer reaches back to `epoch` (any page may
    /// have been written since).
    pub fn code_writes_since(&self, epoch: u64) -> (Option<Vec<u32>>, u64) {
        self.drain_noted();
        let log = self.code.log.lock().unwrap_or_else(|e| e.into_inner());
        let pages = epoch.checked_sub(log.base).map(|from| {
            let from = usize::try_from(from)
                .unwrap_or(usize::MAX)
                .min(log.pages.len());
            log.pages[from..].to_vec()
        });
        (pages, log.end())
    }

    /// Declares `addr..addr+len` rewritten (a loader placing or freeing an image, a guest
    /// `icbi`): every JIT engine drops the code compiled from those pages before it runs
    /// anything else. Pages nobody compiled from cost nothing.
    pub fn invalidate_code(&self, addr: u32, len: u64) {
        let Ok((first, last)) = Self::check_range(addr, len) else {
            return;
        };
        let code: Vec<u32> = (first..=last)
            .flat_map(|p| self.take_code_marks(p))
            .collect();
        self.log_code_writes(&code);
    }

    /// Takes the `CODE` marks of `page` and of its aliases in the other physical views,
    /// returning the pages that had one.
    fn take_code_marks(&self, page: usize) -> Vec<u32> {
        std::iter::once(page)
            .chain(self.aliases(page))
            .filter(|&p| self.take_code_mark(p))
            .map(|p| p as u32)
            .collect()
    }

    /// Clears the page's `CODE` bit, telling whether it was set.
    fn take_code_mark(&self, page: usize) -> bool {
        let bit = Perm::CODE.bits();
        if self.perms[page].load(Ordering::Relaxed) & bit == 0 {
            return false;
        }
        let before = self.perms[page].fetch_and(!bit, Ordering::AcqRel);
        if before & bit == 0 {
            return false;
        }
        if self.host_faults() && Perm(before).contains(Perm::WRITE) {
            // SAFETY: as in `mark_code`.
            unsafe { hostfault::protect_page(self.base(), page, Perm(before & !bit)) };
        }
        true
    }

    #[cold]
    fn code_page_written(&self, page: usize) {
        let pages = self.take_code_marks(page);
        self.log_code_writes(&pages);
    }

    fn log_code_writes(&self, pages: &[u32]) {
        if pages.is_empty() {
            return;
        }
        let mut log = self.code.log.lock().unwrap_or_else(|e| e.into_inner());
        log.push(pages.iter().copied());
        self.code.epoch.store(log.end(), Ordering::Release);
    }

    /// Checks that `len` bytes at `addr` may be accessed for `kind`. An access that wraps past
    /// 0xFFFFFFFF faults at the first inaccessible byte, like any other.
    #[inline]
    pub fn check(&self, addr: u32, len: u32, kind: AccessKind) -> Result<(), Fault> {
        let need = match kind {
            AccessKind::Read => Perm::READ,
            AccessKind::Write => Perm::WRITE,
            AccessKind::Fetch => Perm::EXEC,
        };
        let first = addr >> PAGE_SHIFT;
        let last_addr = addr.wrapping_add(len - 1);
        let last = last_addr >> PAGE_SHIFT;
        let p = self.perms[first as usize].load(Ordering::Relaxed);
        if !Perm(p).contains(need) {
            return Err(Fault { addr, kind });
        }
        let mut code = p;
        if last != first {
            if last_addr < addr {
                return Err(Fault { addr: 0, kind });
            }
            let q = self.perms[last as usize].load(Ordering::Relaxed);
            if !Perm(q).contains(need) {
                return Err(Fault {
                    addr: last << PAGE_SHIFT,
                    kind,
                });
            }
            code |= q;
        }
        if kind == AccessKind::Write && code & Perm::CODE.bits() != 0 {
            self.code_page_written(first as usize);
            self.code_page_written(last as usize);
        }
        Ok(())
    }

    /// Copies guest bytes out, checking read permission.
    pub fn read_bytes(&self, addr: u32, out: &mut [u8]) -> Result<(), Fault> {
        for (i, chunk) in out.chunks_mut(PAGE_SIZE as usize).enumerate() {
            let a = addr.wrapping_add((i * PAGE_SIZE as usize) as u32);
            self.check(a, chunk.len() as u32, AccessKind::Read)?;
            unsafe {
                std::ptr::copy_nonoverlapping(
                    self.base().add(a as usize),
                    chunk.as_mut_ptr(),
                    chunk.len(),
                )
            };
        }
        Ok(())
    }

    /// Copies bytes in, checking write permission.
    pub fn write_bytes(&self, addr: u32, data: &[u8]) -> Result<(), Fault> {
        for (i, chunk) in data.chunks(PAGE_SIZE as usize).enumerate() {
            let a = addr.wrapping_add((i * PAGE_SIZE as usize) as u32);
            self.check(a, chunk.len() as u32, AccessKind::Write)?;
            unsafe {
                std::ptr::copy_nonoverlapping(
                    chunk.as_ptr(),
                    self.base().add(a as usize),
                    chunk.len(),
                )
            };
        }
        Ok(())
    }

    /// Host-side write that ignores guest protection (loaders placing code in RX pages).
    pub fn poke_bytes(&self, addr: u32, data: &[u8]) -> Result<(), MemoryError> {
        let (first, last) = Self::check_range(addr, data.len() as u64)?;
        // The code mark is dropped: `map` below logs the write to marked pages.
        let saved: Vec<Perm> = (first..=last)
            .map(|p| Perm(self.perms[p].load(Ordering::Acquire) & !Perm::CODE.bits()))
            .collect();
        if saved.contains(&Perm::NONE) {
            return Err(MemoryError::BadRange {
                addr,
                len: data.len() as u64,
            });
        }
        let start = (first << PAGE_SHIFT) as u32;
        let size = ((last + 1 - first) << PAGE_SHIFT) as u64;
        self.map(start, size, Perm::RWX)?;
        unsafe {
            std::ptr::copy_nonoverlapping(data.as_ptr(), self.base().add(addr as usize), data.len())
        };
        for (i, perm) in saved.into_iter().enumerate() {
            self.map(start + (i as u32) * PAGE_SIZE, u64::from(PAGE_SIZE), perm)?;
        }
        Ok(())
    }
}

macro_rules! be_access {
    ($read:ident, $write:ident, $t:ty) => {
        impl Memory {
            #[inline]
            pub fn $read(&self, addr: u32) -> Result<$t, Fault> {
                self.check(addr, std::mem::size_of::<$t>() as u32, AccessKind::Read)?;
                // SAFETY: the page check above proved every byte is committed and readable;
                // addresses past 4 GiB land in the guard, which `check` already rejected.
                let raw = unsafe { (self.base().add(addr as usize) as *const $t).read_unaligned() };
                Ok(<$t>::from_be(raw))
            }
            #[inline]
            pub fn $write(&self, addr: u32, value: $t) -> Result<(), Fault> {
                self.check(addr, std::mem::size_of::<$t>() as u32, AccessKind::Write)?;
                // SAFETY: as for reads, with write permission checked.
                unsafe {
                    (self.base().add(addr as usize) as *mut $t).write_unaligned(value.to_be())
                };
                Ok(())
            }
        }
    };
}
be_access!(read_u8, write_u8, u8);
be_access!(read_u16, write_u16, u16);
be_access!(read_u32, write_u32, u32);
be_access!(read_u64, write_u64, u64);
be_access!(read_u128, write_u128, u128);

impl Memory {
    /// Instruction fetch: needs execute permission.
    #[inline]
    pub fn fetch(&self, addr: u32) -> Result<u32, Fault> {
        self.check(addr, 4, AccessKind::Fetch)?;
        let raw = unsafe { (self.base().add(addr as usize) as *const u32).read_unaligned() };
        Ok(u32::from_be(raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each slot is claimed once, all of them lie below guest 0 at the distance given, and
    /// the guest bytes the distance leads to are the memory's own.
    #[test]
    fn context_slots_are_distinct_and_lead_to_guest_memory() {
        let m = Memory::new().unwrap();
        m.map(0, 0x1000, Perm::RW).unwrap();
        m.write_u32(0, 0x1234_5678).unwrap();
        let mut seen = Vec::new();
        while let Some(slot) = m.claim_context_slot() {
            assert!(!seen.contains(&slot));
            seen.push(slot);
            let (ctx, distance) = m.context_slot(slot);
            // SAFETY: the slot is mapped and ours; the distance leads to guest 0.
            unsafe {
                (*ctx).gpr[3] = 7;
                assert_eq!((ctx as *mut u8).add(distance as usize), m.base());
                let word = (m.base() as *const u32).read_unaligned();
                assert_eq!(u32::from_be(word), 0x1234_5678);
            }
        }
        assert_eq!(seen.len(), CONTEXT_SLOTS);
        assert_ne!(Memory::new().unwrap().serial(), m.serial());
    }

    #[test]
    fn unmapped_access_is_a_fault_not_a_crash() {
        let m = Memory::new().unwrap();
        assert_eq!(
            m.read_u32(0x1000_0000),
            Err(Fault {
                addr: 0x1000_0000,
                kind: AccessKind::Read
            })
        );
    }

    #[test]
    fn big_endian_round_trip_and_zero_fill() {
        let m = Memory::new().unwrap();
        m.map(0x1000_0000, 0x2000, Perm::RW).unwrap();
        assert_eq!(m.read_u64(0x1000_0008).unwrap(), 0);
        m.write_u32(0x1000_0000, 0x1122_3344).unwrap();
        assert_eq!(m.read_u8(0x1000_0000).unwrap(), 0x11);
        assert_eq!(m.read_u16(0x1000_0002).unwrap(), 0x3344);
    }

    #[test]
    fn page_crossing_access_checks_both_pages() {
        let m = Memory::new().unwrap();
        m.map(0x2000_0000, 0x1000, Perm::RW).unwrap();
        let e = m.read_u32(0x2000_0ffe).unwrap_err();
        assert_eq!(e.addr, 0x2000_1000);
        m.map(0x2000_1000, 0x1000, Perm::READ).unwrap();
        m.write_u8(0x2000_0fff, 0xAB).unwrap();
        assert_eq!(m.read_u16(0x2000_0fff).unwrap(), 0xAB00);
        assert!(
            m.write_u16(0x2000_0fff, 1).is_err(),
            "second page is read-only"
        );
    }

    #[test]
    fn zero_clears_read_only_pages_and_keeps_their_protection() {
        let m = Memory::new().unwrap();
        m.map(0x3000_0000, 0x2000, Perm::RW).unwrap();
        m.write_u32(0x3000_0ffe, 0xdead_beef).unwrap();
        m.protect(0x3000_0000, 0x2000, Perm::READ).unwrap();
        m.zero(0x3000_0ffc, 8).unwrap();
        assert_eq!(m.read_u64(0x3000_0ffc).unwrap(), 0);
        assert!(m.write_u8(0x3000_0000, 1).is_err(), "still read-only");
        assert!(
            m.zero(0x3000_2000, 4).is_err(),
            "unmapped pages are refused"
        );
    }

    #[test]
    fn writes_to_code_pages_are_logged_once_per_mark() {
        let m = Memory::new().unwrap();
        m.map(0x4000_0000, 0x3000, Perm::RWX).unwrap();
        m.write_u32(0x4000_0000, 1).unwrap();
        assert_eq!(m.code_epoch(), 0, "unmarked pages cost nothing");
        m.mark_code(0x4000_0000);
        m.mark_code(0x4000_2000);
        assert_eq!(
            m.perm(0x4000_0000),
            Perm::RWX,
            "the mark is not a permission"
        );
        m.write_u32(0x4000_0ffe, 2).unwrap(); // crosses into the unmarked page
        m.write_u32(0x4000_0010, 3).unwrap(); // mark already taken
        assert_eq!(m.code_writes_since(0), (Some(vec![0x40000]), 1));
        m.invalidate_code(0x4000_0000, 0x3000);
        m.protect(0x4000_2000, 0x1000, Perm::RX).unwrap();
        assert_eq!(m.code_writes_since(1), (Some(vec![0x40002]), 2));
        m.mark_code(0x4000_1000);
        m.protect(0x4000_1000, 0x1000, Perm::RX).unwrap();
        assert_eq!(m.code_writes_since(1), (Some(vec![0x40002, 0x40001]), 3));
        assert_eq!(m.code_epoch(), 3);
    }

    /// The log keeps between CODE_LOG_KEEP and twice that many entries: a reader within them
    /// gets the pages, one from before them learns that it cannot.
    #[test]
    fn the_code_log_keeps_only_recent_writes() {
        let m = Memory::new().unwrap();
        m.map(0x4000_0000, 0x1000, Perm::RWX).unwrap();
        let n = 2 * CODE_LOG_KEEP as u64 + 1;
        for _ in 0..n {
            m.mark_code(0x4000_0000);
            m.write_u8(0x4000_0000, 1).unwrap();
        }
        assert_eq!(m.code_epoch(), n);
        assert_eq!(m.code_writes_since(0), (None, n));
        let (pages, end) = m.code_writes_since(n - 2);
        assert_eq!((pages, end), (Some(vec![0x40000, 0x40000]), n));
        let (pages, _) = m.code_writes_since(n - CODE_LOG_KEEP as u64);
        assert_eq!(pages.map(|p| p.len()), Some(CODE_LOG_KEEP));
    }

    #[test]
    fn access_at_top_of_space_does_not_touch_host_memory() {
        let m = Memory::new().unwrap();
        m.map(0xFFFF_F000, 0x1000, Perm::RW).unwrap();
        m.write_u32(0xFFFF_FFFC, 7).unwrap();
        let e = m.read_u128(0xFFFF_FFF8).unwrap_err();
        assert_eq!(e.addr, 0);
    }
}
