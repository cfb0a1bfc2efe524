//! File descriptors and the file system: the host's standard streams, and host files the
//! guest opens, creates, writes, renames and removes, as qemu-user lets it. Guest writes to
//! descriptors 1 and 2 go straight to ours, unbuffered, so the guest's output is byte for
//! byte what it wrote and in its order.

use super::{
    errno, get, host_errno, put, read_cstr, stat, Abi, Call, Process, SysResult, SyscallError,
    TimeArg,
};
use oxenon_jit::Memory;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::fd::BorrowedFd;
use std::os::unix::fs::FileExt;
use std::path::PathBuf;

pub(super) const AT_FDCWD: i32 = -100;
const AT_SYMLINK_NOFOLLOW: u64 = 0x100;
const AT_EMPTY_PATH: u64 = 0x1000;
const AT_REMOVEDIR: u64 = 0x200;
// Open flags (asm-generic/fcntl.h; powerpc keeps these four).
const O_ACCMODE: u64 = 3;
const O_CREAT: u64 = 0o100;
const O_EXCL: u64 = 0o200;
const O_TRUNC: u64 = 0o1000;
const O_APPEND: u64 = 0o2000;
const O_CLOEXEC: u64 = 0o2000000;
/// Descriptors the guest may have (the soft RLIMIT_NOFILE `prlimit64` reports).
const MAX_FDS: usize = 1024;
/// One call moves at most this much; the guest sees a short read or write, as POSIX allows.
const MAX_IO: u64 = 16 << 20;
const PATH_MAX: usize = 4096;

/// The descriptor table.
pub struct Files {
    fds: Vec<Option<File>>,
    /// Access mode and `O_APPEND` of each descriptor the guest opened (`F_GETFL`); the
    /// standard streams are absent (0 reads, 1 and 2 write).
    status: std::collections::HashMap<usize, u64>,
    /// Descriptors with FD_CLOEXEC (kept for `F_GETFD`: nothing is ever executed).
    cloexec: std::collections::HashSet<usize>,
    /// Descriptors whose reads and writes are 8-byte counters in the host's byte order
    /// (eventfd, timerfd): turned big-endian on the way.
    counters: std::collections::HashSet<usize>,
}

impl Files {
    /// A table holding duplicates of our standard streams as 0, 1 and 2 (a stream we do not
    /// have stays closed for the guest too).
    pub fn with_std_streams() -> Self {
        let mut files = Self {
            fds: Vec::new(),
            status: std::collections::HashMap::new(),
            cloexec: std::collections::HashSet::new(),
            counters: std::collections::HashSet::new(),
        };
        for n in 0..3 {
            files.adopt(n);
        }
        files
    }

    /// `with_std_streams`, plus every other descriptor this process was started with, at
    /// the same number, as qemu-user passes them on: a program `execve` started through us
    /// finds the pipes and files its parent left it. Those are the open descriptors without
    /// FD_CLOEXEC (Rust opens everything of ours with it).
    pub fn inherited_at_start() -> Self {
        let mut files = Self::with_std_streams();
        let listed = std::fs::read_dir("/proc/self/fd").into_iter().flatten();
        let mut numbers: Vec<i32> = listed
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
            .filter(|&n| n >= 3 && (n as usize) < MAX_FDS)
            .collect();
        numbers.sort_unstable();
        for n in numbers {
            // SAFETY: querying a descriptor's flags; a closed one just fails.
            let flags = unsafe { libc::fcntl(n, libc::F_GETFD) };
            if flags >= 0 && flags & libc::FD_CLOEXEC == 0 {
                files.adopt(n);
            }
        }
        files
    }

    /// Installs a duplicate of our descriptor `n` as guest descriptor `n`.
    fn adopt(&mut self, n: i32) {
        // SAFETY: `n` is open in this process (or the clone fails); the borrow lasts only for
        // the duplication.
        let fd = unsafe { BorrowedFd::borrow_raw(n) };
        let Ok(owned) = fd.try_clone_to_owned() else {
            return;
        };
        let i = n as usize;
        if self.fds.len() <= i {
            self.fds.resize_with(i + 1, || None);
        }
        self.fds[i] = Some(File::from(owned));
    }

    /// The host descriptor behind guest descriptor `fd`.
    pub(super) fn raw(&self, fd: i32) -> Result<i32, u64> {
        use std::os::fd::AsRawFd;
        usize::try_from(fd)
            .ok()
            .and_then(|i| self.fds.get(i))
            .and_then(|f| f.as_ref())
            .map(|f| f.as_raw_fd())
            .ok_or(errno::EBADF)
    }

    /// `close_range(first, last, flags)`: closes the open descriptors in the range, or
    /// with CLOSE_RANGE_CLOEXEC marks them close-on-exec.
    pub(super) fn close_range(&mut self, first: u64, last: u64, flags: u64) -> SysResult {
        const CLOSE_RANGE_CLOEXEC: u64 = 4;
        const CLOSE_RANGE_UNSHARE: u64 = 2;
        if first > last || flags & !(CLOSE_RANGE_CLOEXEC | CLOSE_RANGE_UNSHARE) != 0 {
            return Err(errno::EINVAL);
        }
        let end = (last as usize).min(self.fds.len().saturating_sub(1));
        for fd in (first as usize)..=end {
            if self.fds.get(fd).is_some_and(|f| f.is_some()) {
                if flags & CLOSE_RANGE_CLOEXEC != 0 {
                    self.set_cloexec(fd as u64, true);
                } else {
                    self.close(fd as i32)?;
                }
            }
        }
        Ok(0)
    }

    pub fn file(&mut self, fd: i32) -> Result<&mut File, u64> {
        usize::try_from(fd)
            .ok()
            .and_then(|i| self.fds.get_mut(i))
            .and_then(|f| f.as_mut())
            .ok_or(errno::EBADF)
    }

    /// Puts `f` at the lowest free descriptor from `lowest` on: EINVAL past the limit the
    /// guest is told (`MAX_FDS`, RLIMIT_NOFILE's soft value), EMFILE when none is free.
    pub(super) fn install(&mut self, f: File, lowest: usize) -> Result<u64, u64> {
        if lowest >= MAX_FDS {
            return Err(errno::EINVAL);
        }
        let slot = (lowest..self.fds.len()).find(|&i| self.fds[i].is_none());
        let i = match slot {
            Some(i) => i,
            None if self.fds.len().max(lowest) < MAX_FDS => {
                self.fds.resize_with(self.fds.len().max(lowest), || None);
                self.fds.push(None);
                self.fds.len() - 1
            }
            None => return Err(errno::EMFILE),
        };
        self.fds[i] = Some(f);
        self.status.remove(&i);
        self.cloexec.remove(&i);
        self.counters.remove(&i);
        Ok(i as u64)
    }

    /// Installs a host object's descriptor (`hostfds`): read-write, FD_CLOEXEC as asked,
    /// `counter` for eventfd and timerfd.
    pub(super) fn install_object(&mut self, f: File, cloexec: bool, counter: bool) -> SysResult {
        let fd = self.install(f, 0)?;
        self.status.insert(fd as usize, 2);
        self.set_cloexec(fd, cloexec);
        if counter {
            self.counters.insert(fd as usize);
        }
        Ok(fd)
    }

    /// Copies what is known of `from` (status, counter byte order) to its duplicate `to`.
    fn inherit(&mut self, from: usize, to: usize) {
        let status = self.status_flags(from);
        self.status.insert(to, status);
        if self.counters.contains(&from) {
            self.counters.insert(to);
        } else {
            self.counters.remove(&to);
        }
    }

    fn set_cloexec(&mut self, fd: u64, on: bool) {
        if on {
            self.cloexec.insert(fd as usize);
        } else {
            self.cloexec.remove(&(fd as usize));
        }
    }

    /// The open descriptors a new program inherits (those without FD_CLOEXEC).
    pub(super) fn inherited(&self) -> impl Iterator<Item = (i32, &File)> {
        self.fds.iter().enumerate().filter_map(|(n, f)| {
            f.as_ref()
                .filter(|_| !self.cloexec.contains(&n))
                .map(|f| (n as i32, f))
        })
    }

    /// `F_GETFL`'s access mode and append flag.
    fn status_flags(&self, fd: usize) -> u64 {
        self.status
            .get(&fd)
            .copied()
            .unwrap_or(if fd == 1 || fd == 2 { 1 } else { 0 })
    }

    fn close(&mut self, fd: i32) -> SysResult {
        self.file(fd)?;
        self.fds[fd as usize] = None;
        self.status.remove(&(fd as usize));
        self.cloexec.remove(&(fd as usize));
        self.counters.remove(&(fd as usize));
        Ok(0)
    }
}

/// The host path a guest path names; /proc/self/exe is the guest executable, not us. A
/// relative path with a directory descriptor is taken relative to the host directory behind
/// it (through /proc/self/fd).
pub(super) fn host_path(p: &Process, mem: &Memory, dirfd: i32, addr: u64) -> Result<PathBuf, u64> {
    let raw = read_cstr(mem, addr, PATH_MAX)?;
    if raw.is_empty() {
        return Err(errno::ENOENT);
    }
    let path =
        PathBuf::from(<std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(raw));
    if path == std::path::Path::new("/proc/self/exe") {
        return Ok(p.exe.clone());
    }
    if path.is_relative() && dirfd != AT_FDCWD {
        let dir = PathBuf::from(format!("/proc/self/fd/{}", p.files.raw(dirfd)?));
        return Ok(dir.join(path));
    }
    Ok(path)
}

fn open(p: &mut Process, mem: &Memory, dirfd: i32, path: u64, flags: u64, mode: u64) -> SysResult {
    use std::os::unix::fs::OpenOptionsExt;
    let path = host_path(p, mem, dirfd, path)?;
    let access = flags & O_ACCMODE;
    let writes = match access {
        0 => false,
        1 | 2 => true,
        _ => return Err(errno::EINVAL),
    };
    let mode = (mode & 0o7777) as u32;
    if flags & O_CREAT != 0 && !writes {
        // Linux creates a file opened for reading only; the host library will not, so the
        // file is created first (empty, with the guest's mode) and then opened.
        let mut create = std::fs::OpenOptions::new();
        create.write(true).mode(mode);
        if flags & O_EXCL != 0 {
            create.create_new(true);
        } else {
            create.create(true);
        }
        create.open(&path).map_err(|e| host_errno(&e))?;
    }
    let mut o = std::fs::OpenOptions::new();
    o.read(access != 1).write(writes).mode(mode);
    if writes {
        o.append(flags & O_APPEND != 0)
            .truncate(flags & O_TRUNC != 0);
        if flags & O_CREAT != 0 && flags & O_EXCL != 0 {
            o.create_new(true);
        } else {
            o.create(flags & O_CREAT != 0);
        }
    }
    let f = o.open(&path).map_err(|e| host_errno(&e))?;
    // A directory opens for reading only (the host refuses to open one for writing with
    // EISDIR, as Linux does); it is read with getdents64.
    let fd = p.files.install(f, 0)?;
    p.files
        .status
        .insert(fd as usize, access | (flags & O_APPEND));
    p.files.set_cloexec(fd, flags & O_CLOEXEC != 0);
    Ok(fd)
}

/// `unlink`, `rmdir` and `unlinkat` (which removes a directory with `AT_REMOVEDIR`).
fn unlink(p: &mut Process, mem: &Memory, dirfd: i32, path: u64, flags: u64) -> SysResult {
    let hp = host_path(p, mem, dirfd, path)?;
    let r = if flags & AT_REMOVEDIR != 0 {
        std::fs::remove_dir(hp)
    } else {
        std::fs::remove_file(hp)
    };
    r.map_err(|e| host_errno(&e))?;
    Ok(0)
}

fn mkdir(p: &mut Process, mem: &Memory, dirfd: i32, path: u64, mode: u64) -> SysResult {
    use std::os::unix::fs::DirBuilderExt;
    let hp = host_path(p, mem, dirfd, path)?;
    std::fs::DirBuilder::new()
        .mode((mode & 0o7777) as u32)
        .create(hp)
        .map_err(|e| host_errno(&e))?;
    Ok(0)
}

fn rename(p: &mut Process, mem: &Memory, at: (i32, u64), to: (i32, u64), flags: u64) -> SysResult {
    if flags != 0 {
        // renameat2's RENAME_NOREPLACE and the like: not offered.
        return Err(errno::EINVAL);
    }
    let from = host_path(p, mem, at.0, at.1)?;
    let to = host_path(p, mem, to.0, to.1)?;
    std::fs::rename(from, to).map_err(|e| host_errno(&e))?;
    Ok(0)
}

fn chmod(p: &mut Process, mem: &Memory, dirfd: i32, path: u64, mode: u64) -> SysResult {
    use std::os::unix::fs::PermissionsExt;
    let hp = host_path(p, mem, dirfd, path)?;
    let perm = std::fs::Permissions::from_mode((mode & 0o7777) as u32);
    std::fs::set_permissions(hp, perm).map_err(|e| host_errno(&e))?;
    Ok(0)
}

fn fchmod(p: &mut Process, fd: i32, mode: u64) -> SysResult {
    use std::os::unix::fs::PermissionsExt;
    let perm = std::fs::Permissions::from_mode((mode & 0o7777) as u32);
    p.files
        .file(fd)?
        .set_permissions(perm)
        .map_err(|e| host_errno(&e))?;
    Ok(0)
}

fn truncate(p: &mut Process, mem: &Memory, path: u64, len: u64) -> SysResult {
    let hp = host_path(p, mem, AT_FDCWD, path)?;
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(hp)
        .map_err(|e| host_errno(&e))?;
    f.set_len(len).map_err(|e| host_errno(&e))?;
    Ok(0)
}

fn ftruncate(p: &mut Process, fd: i32, len: u64) -> SysResult {
    if (len as i64) < 0 {
        return Err(errno::EINVAL);
    }
    p.files.file(fd)?.set_len(len).map_err(|e| host_errno(&e))?;
    Ok(0)
}

fn fsync(p: &mut Process, fd: i32, data_only: bool) -> SysResult {
    let f = p.files.file(fd)?;
    let r = if data_only {
        f.sync_data()
    } else {
        f.sync_all()
    };
    r.map_err(|e| host_errno(&e))?;
    Ok(0)
}

fn read(p: &mut Process, mem: &Memory, fd: i32, buf: u64, len: u64) -> SysResult {
    let counter = p.files.counters.contains(&(fd as usize));
    let f = p.files.file(fd)?;
    let mut data = vec![0u8; len.min(MAX_IO) as usize];
    let n = f.read(&mut data).map_err(|e| host_errno(&e))?;
    if counter && n == 8 {
        data[..8].reverse();
    }
    put(mem, buf, &data[..n])?;
    Ok(n as u64)
}

fn pread(p: &mut Process, mem: &Memory, fd: i32, buf: u64, len: u64, off: u64) -> SysResult {
    let f = p.files.file(fd)?;
    let mut data = vec![0u8; len.min(MAX_IO) as usize];
    let n = f.read_at(&mut data, off).map_err(|e| host_errno(&e))?;
    put(mem, buf, &data[..n])?;
    Ok(n as u64)
}

fn pwrite(p: &mut Process, mem: &Memory, fd: i32, buf: u64, len: u64, off: u64) -> SysResult {
    let f = p.files.file(fd)?;
    let data = get(mem, buf, len.min(MAX_IO) as usize)?;
    let n = f.write_at(&data, off).map_err(|e| host_errno(&e))?;
    Ok(n as u64)
}

fn write(p: &mut Process, mem: &Memory, fd: i32, buf: u64, len: u64) -> SysResult {
    let counter = p.files.counters.contains(&(fd as usize));
    let f = p.files.file(fd)?;
    let mut data = get(mem, buf, len.min(MAX_IO) as usize)?;
    if counter && data.len() == 8 {
        data.reverse();
    }
    let n = f.write(&data).map_err(|e| host_errno(&e))?;
    Ok(n as u64)
}

/// The (base, length) pairs of a guest iovec array.
fn iovecs(abi: Abi, mem: &Memory, iov: u64, count: u64) -> Result<Vec<(u64, u64)>, u64> {
    if count > 1024 {
        return Err(errno::EINVAL);
    }
    // struct iovec: base pointer and length, two longs.
    let size = 2 * abi.long_bytes();
    let raw = get(mem, iov, count as usize * size)?;
    Ok(raw
        .chunks(size)
        .map(|c| (abi.long_at(c, 0), abi.long_at(c, 1)))
        .collect())
}

fn writev(p: &mut Process, mem: &Memory, fd: i32, iov: u64, count: u64) -> SysResult {
    // Gathered into one host write so the pieces reach the file together, as writev does.
    let mut data = Vec::new();
    for (base, len) in iovecs(p.abi, mem, iov, count)? {
        data.extend(get(mem, base, len.min(MAX_IO) as usize)?);
    }
    let f = p.files.file(fd)?;
    let n = f.write(&data).map_err(|e| host_errno(&e))?;
    Ok(n as u64)
}

fn readv(p: &mut Process, mem: &Memory, fd: i32, iov: u64, count: u64) -> SysResult {
    let mut total = 0u64;
    for (base, len) in iovecs(p.abi, mem, iov, count)? {
        let n = read(p, mem, fd, base, len)?;
        total += n;
        if n < len {
            break;
        }
    }
    Ok(total)
}

fn lseek(p: &mut Process, fd: i32, off: u64, whence: u64) -> SysResult {
    let f = p.files.file(fd)?;
    let pos = match whence {
        0 => SeekFrom::Start(off),
        1 => SeekFrom::Current(off as i64),
        2 => SeekFrom::End(off as i64),
        _ => return Err(errno::EINVAL),
    };
    f.seek(pos).map_err(|e| host_errno(&e))
}

/// `_llseek(fd, high, low, result, whence)`: the new offset goes to `*result`.
fn llseek(p: &mut Process, mem: &Memory, fd: i32, off: u64, result: u64, whence: u64) -> SysResult {
    let pos = lseek(p, fd, off, whence)?;
    put(mem, result, &pos.to_be_bytes())?;
    Ok(0)
}

/// Which structure a stat call fills: `struct stat` in the process's ABI, the 32-bit
/// ABI's `struct stat64`, or `struct statx`.
#[derive(Clone, Copy)]
enum StatLayout {
    Stat,
    Stat64,
    Statx,
}

fn stat_path(
    p: &mut Process,
    mem: &Memory,
    (dirfd, path, flags): (i32, u64, u64),
    buf: u64,
    layout: StatLayout,
) -> SysResult {
    let empty = read_cstr(mem, path, PATH_MAX).is_ok_and(|s| s.is_empty());
    let meta = if flags & AT_EMPTY_PATH != 0 && empty {
        if dirfd == AT_FDCWD {
            std::fs::metadata(".")
        } else {
            p.files.file(dirfd)?.metadata()
        }
    } else {
        let hp = host_path(p, mem, dirfd, path)?;
        if flags & AT_SYMLINK_NOFOLLOW != 0 {
            std::fs::symlink_metadata(hp)
        } else {
            std::fs::metadata(hp)
        }
    };
    put_stat(p.abi, mem, buf, &meta.map_err(|e| host_errno(&e))?, layout)
}

fn put_stat(
    abi: Abi,
    mem: &Memory,
    buf: u64,
    m: &std::fs::Metadata,
    layout: StatLayout,
) -> SysResult {
    match (layout, abi) {
        (StatLayout::Stat, Abi::Ppc64) => put(mem, buf, &stat::encode(m))?,
        (StatLayout::Stat, Abi::Ppc32) => put(mem, buf, &stat::encode_old32(m)?)?,
        (StatLayout::Stat64, _) => put(mem, buf, &stat::encode_stat64_32(m))?,
        (StatLayout::Statx, _) => put(mem, buf, &stat::encode_statx(m))?,
    }
    Ok(0)
}

fn fstat(p: &mut Process, mem: &Memory, fd: i32, buf: u64, layout: StatLayout) -> SysResult {
    let m = p.files.file(fd)?.metadata().map_err(|e| host_errno(&e))?;
    put_stat(p.abi, mem, buf, &m, layout)
}

fn readlink(
    p: &mut Process,
    mem: &Memory,
    dirfd: i32,
    path: u64,
    buf: u64,
    size: u64,
) -> SysResult {
    let raw = read_cstr(mem, path, PATH_MAX)?;
    let target = if raw == b"/proc/self/exe" {
        p.exe.clone()
    } else {
        std::fs::read_link(host_path(p, mem, dirfd, path)?).map_err(|e| host_errno(&e))?
    };
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(target.as_os_str());
    let n = bytes.len().min(size as usize);
    put(mem, buf, &bytes[..n])?;
    Ok(n as u64)
}

fn access(p: &mut Process, mem: &Memory, dirfd: i32, path: u64) -> SysResult {
    let hp = host_path(p, mem, dirfd, path)?;
    std::fs::metadata(hp).map_err(|e| host_errno(&e))?;
    Ok(0)
}

/// `dup`, `dup2` and `dup3` (`to`: the descriptor wanted, `flags`: dup3's O_CLOEXEC). The
/// copy has the original's status flags and no FD_CLOEXEC unless asked for.
fn dup(p: &mut Process, fd: i32, to: Option<u64>, flags: u64) -> SysResult {
    let f = p.files.file(fd)?.try_clone().map_err(|e| host_errno(&e))?;
    let new = match to {
        None => p.files.install(f, 0)?,
        Some(t) => {
            let t = usize::try_from(t)
                .ok()
                .filter(|&t| t < MAX_FDS)
                .ok_or(errno::EBADF)?;
            if p.files.fds.len() <= t {
                p.files.fds.resize_with(t + 1, || None);
            }
            p.files.fds[t] = Some(f);
            t as u64
        }
    };
    p.files.inherit(fd as usize, new as usize);
    p.files.set_cloexec(new, flags & O_CLOEXEC != 0);
    Ok(new)
}

/// `getdents64(fd, dirp, count)`: the host's records for the directory, in its order, with
/// their fields turned big-endian (`struct linux_dirent64`: ino, off, reclen, type, name,
/// laid out alike on both).
fn getdents64(p: &mut Process, mem: &Memory, fd: i32, buf: u64, count: u64) -> SysResult {
    use std::os::fd::AsRawFd;
    let f = p.files.file(fd)?;
    let mut data = vec![0u8; count.min(MAX_IO) as usize];
    // SAFETY: `data` is writable for its whole length and the descriptor is open.
    let n = unsafe {
        libc::syscall(
            libc::SYS_getdents64,
            f.as_raw_fd(),
            data.as_mut_ptr(),
            data.len(),
        )
    };
    if n < 0 {
        return Err(host_errno(&std::io::Error::last_os_error()));
    }
    let n = n as usize;
    let mut at = 0;
    while at + 19 <= n {
        let ino = u64::from_ne_bytes(data[at..at + 8].try_into().unwrap_or_default());
        let off = u64::from_ne_bytes(data[at + 8..at + 16].try_into().unwrap_or_default());
        let reclen = u16::from_ne_bytes([data[at + 16], data[at + 17]]);
        data[at..at + 8].copy_from_slice(&ino.to_be_bytes());
        data[at + 8..at + 16].copy_from_slice(&off.to_be_bytes());
        data[at + 16..at + 18].copy_from_slice(&reclen.to_be_bytes());
        if reclen == 0 {
            break;
        }
        at += usize::from(reclen);
    }
    put(mem, buf, &data[..n])?;
    Ok(n as u64)
}

/// `pipe(fds)` and `pipe2(fds, flags)` (O_CLOEXEC and O_NONBLOCK have the host's values).
fn pipe(p: &mut Process, mem: &Memory, fds: u64, flags: u64) -> SysResult {
    use std::os::fd::FromRawFd;
    const ALLOWED: u64 = 0o2000000 | 0o4000;
    if flags & !ALLOWED != 0 {
        return Err(errno::EINVAL);
    }
    let mut raw = [0i32; 2];
    // SAFETY: `raw` has room for the two descriptors pipe2 writes.
    if unsafe { libc::pipe2(raw.as_mut_ptr(), flags as i32) } < 0 {
        return Err(host_errno(&std::io::Error::last_os_error()));
    }
    // SAFETY: pipe2 just returned these descriptors; each File becomes their only owner.
    let (r, w) = unsafe { (File::from_raw_fd(raw[0]), File::from_raw_fd(raw[1])) };
    let rd = p.files.install(r, 0)?;
    let wr = match p.files.install(w, 0) {
        Ok(wr) => wr,
        Err(e) => {
            p.files.close(rd as i32).ok();
            return Err(e);
        }
    };
    p.files.status.insert(wr as usize, 1);
    p.files.set_cloexec(rd, flags & O_CLOEXEC != 0);
    p.files.set_cloexec(wr, flags & O_CLOEXEC != 0);
    let out: Vec<u8> = [rd as u32, wr as u32]
        .iter()
        .flat_map(|v| v.to_be_bytes())
        .collect();
    if let Err(e) = put(mem, fds, &out) {
        p.files.close(rd as i32).ok();
        p.files.close(wr as i32).ok();
        return Err(e);
    }
    Ok(0)
}

/// `poll(fds, nfds, timeout_ms)` on the host descriptors behind the guest's (`struct
/// pollfd`: int fd, short events, short revents; the event bits are the same on both). A
/// guest descriptor that is not open reports POLLNVAL, as Linux does.
fn poll(p: &mut Process, mem: &Memory, fds: u64, n: u64, timeout: i32) -> SysResult {
    const POLLNVAL: i16 = 0x20;
    if n > 1024 {
        return Err(errno::EINVAL);
    }
    let raw = get(mem, fds, n as usize * 8)?;
    let mut revents = vec![0i16; n as usize];
    // The open descriptors go to the host; a negative one is skipped, a closed one answered
    // with POLLNVAL (and then nothing waits).
    let (mut wanted, mut at) = (Vec::new(), Vec::new());
    for (k, c) in raw.chunks(8).enumerate() {
        let fd = i32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        let events = i16::from_be_bytes([c[4], c[5]]);
        if fd < 0 {
            continue;
        }
        if p.files.file(fd).is_err() {
            revents[k] = POLLNVAL;
            continue;
        }
        wanted.push((fd as usize, events));
        at.push(k);
    }
    let timeout = if revents.iter().any(|&r| r != 0) {
        0
    } else {
        timeout
    };
    for (&k, got) in at.iter().zip(poll_host(p, &wanted, timeout)?) {
        revents[k] = got;
    }
    let mut out = raw;
    for (k, r) in revents.iter().enumerate() {
        out[8 * k + 6..8 * k + 8].copy_from_slice(&r.to_be_bytes());
    }
    put(mem, fds, &out)?;
    Ok(revents.iter().filter(|&&r| r != 0).count() as u64)
}

/// `select` and `pselect6` (`sets`: the read, write and exception `fd_set` pointers, each an
/// array of big-endian longs, descriptor n at bit n % 64 of word n / 64, or under the 32-bit
/// ABI n % 32 of n / 32), answered with the host's `poll`. `timeout_ms` < 0 waits.
fn select(p: &mut Process, mem: &Memory, n: u64, sets: [u64; 3], timeout_ms: i32) -> SysResult {
    const POLLIN: i16 = 0x1;
    const POLLPRI: i16 = 0x2;
    const POLLOUT: i16 = 0x4;
    const POLLERR: i16 = 0x8;
    const POLLHUP: i16 = 0x10;
    if n > 1024 {
        return Err(errno::EINVAL);
    }
    let abi = p.abi;
    let bits = 8 * abi.long_bytes();
    let words = (n as usize).div_ceil(bits);
    let read_set = |addr: u64| -> Result<Vec<u64>, u64> {
        if addr == 0 {
            return Ok(vec![0; words]);
        }
        let raw = get(mem, addr, words * abi.long_bytes())?;
        Ok((0..words).map(|k| abi.long_at(&raw, k)).collect())
    };
    let [r, w, e] = [read_set(sets[0])?, read_set(sets[1])?, read_set(sets[2])?];
    let has = |set: &[u64], fd: usize| set[fd / bits] >> (fd % bits) & 1 != 0;
    let mut wanted = Vec::new();
    for fd in 0..n as usize {
        let mut events = 0i16;
        if has(&r, fd) {
            events |= POLLIN;
        }
        if has(&w, fd) {
            events |= POLLOUT;
        }
        if has(&e, fd) {
            events |= POLLPRI;
        }
        if events != 0 {
            wanted.push((fd, events));
        }
    }
    let revents = poll_host(p, &wanted, timeout_ms)?;
    let mut out = [vec![0u64; words], vec![0u64; words], vec![0u64; words]];
    let mut count = 0;
    for (&(fd, events), got) in wanted.iter().zip(revents) {
        let bit = 1u64 << (fd % bits);
        let ready = [
            events & POLLIN != 0 && got & (POLLIN | POLLHUP | POLLERR) != 0,
            events & POLLOUT != 0 && got & (POLLOUT | POLLERR) != 0,
            events & POLLPRI != 0 && got & POLLPRI != 0,
        ];
        for (set, on) in out.iter_mut().zip(ready) {
            if on {
                set[fd / bits] |= bit;
                count += 1;
            }
        }
    }
    for (addr, set) in sets.iter().zip(out) {
        if *addr != 0 {
            put(mem, *addr, &abi.longs(&set))?;
        }
    }
    Ok(count)
}

/// Polls the host descriptors behind guest descriptors for their `events` (for `poll` and
/// `select`); the `revents` of each, in order. A descriptor that is not open is EBADF, as
/// select reports it.
fn poll_host(p: &mut Process, wanted: &[(usize, i16)], timeout_ms: i32) -> Result<Vec<i16>, u64> {
    use std::os::fd::AsRawFd;
    let mut host: Vec<libc::pollfd> = Vec::with_capacity(wanted.len());
    for &(fd, events) in wanted {
        host.push(libc::pollfd {
            fd: p.files.file(fd as i32)?.as_raw_fd(),
            events,
            revents: 0,
        });
    }
    // SAFETY: `host` is a valid array of `host.len()` pollfd records.
    let r = unsafe { libc::poll(host.as_mut_ptr(), host.len() as libc::nfds_t, timeout_ms) };
    if r < 0 {
        return Err(host_errno(&std::io::Error::last_os_error()));
    }
    Ok(host.iter().map(|h| h.revents).collect())
}

/// A `poll` timeout in milliseconds from a guest timespec or timeval (`per_second`, see
/// `duration_at`) in `abi`'s layout; a null pointer waits (-1).
fn timeout_ms(layout: TimeArg, mem: &Memory, addr: u64, per_second: u64) -> Result<i32, u64> {
    if addr == 0 {
        return Ok(-1);
    }
    let d = layout.duration_at(mem, addr, per_second)?;
    Ok(d.as_millis().min(i32::MAX as u128) as i32)
}

fn chdir(p: &mut Process, mem: &Memory, path: u64) -> SysResult {
    let hp = host_path(p, mem, AT_FDCWD, path)?;
    std::env::set_current_dir(hp).map_err(|e| host_errno(&e))?;
    Ok(0)
}

fn fchdir(p: &mut Process, fd: i32) -> SysResult {
    use std::os::fd::AsRawFd;
    let f = p.files.file(fd)?;
    // SAFETY: a plain system call on an open descriptor.
    if unsafe { libc::fchdir(f.as_raw_fd()) } < 0 {
        return Err(host_errno(&std::io::Error::last_os_error()));
    }
    Ok(0)
}

fn getcwd(mem: &Memory, buf: u64, size: u64) -> SysResult {
    let cwd = std::env::current_dir().map_err(|e| host_errno(&e))?;
    let mut bytes = std::os::unix::ffi::OsStrExt::as_bytes(cwd.as_os_str()).to_vec();
    bytes.push(0);
    if bytes.len() as u64 > size {
        return Err(errno::ERANGE);
    }
    put(mem, buf, &bytes)?;
    Ok(bytes.len() as u64)
}

fn ioctl(p: &mut Process, fd: i32) -> SysResult {
    // No terminal is emulated: every request (TCGETS first of all) finds "not a typewriter",
    // so the guest's stdio treats its streams as files and buffers them fully.
    p.files.file(fd)?;
    Err(errno::ENOTTY)
}

/// The guest's `struct flock`: `Long` has the process ABI's `off_t` (ppc64's, 32 bytes;
/// the 32-bit one, 16 bytes), `Wide` is `struct flock64` (as ppc64's).
#[derive(Clone, Copy, PartialEq)]
enum LockLayout {
    Long,
    Wide,
}

const F_GETLK: u64 = 5;
const F_SETLK: u64 = 6;
const F_SETLKW: u64 = 7;
const F_GETLK64: u64 = 12;
const F_SETLK64: u64 = 13;
const F_SETLKW64: u64 = 14;
const F_OFD_GETLK: u64 = 36;
const F_OFD_SETLK: u64 = 37;
const F_OFD_SETLKW: u64 = 38;

/// A record lock command on the host descriptor (the numbers and lock types are the same on
/// x86-64): the guest's `struct flock` in, and for the GETLK forms back out.
fn record_lock(
    p: &mut Process,
    mem: &Memory,
    fd: i32,
    cmd: u64,
    arg: u64,
    layout: LockLayout,
) -> SysResult {
    let raw = p.files.raw(fd)?;
    let narrow = layout == LockLayout::Long && p.abi == Abi::Ppc32;
    let size = if narrow { 16 } else { 32 };
    let b = get(mem, arg, size)?;
    let half = |o: usize| i16::from_be_bytes([b[o], b[o + 1]]);
    let word = |o: usize| i32::from_be_bytes(b[o..o + 4].try_into().unwrap_or_default());
    let long = |o: usize| i64::from_be_bytes(b[o..o + 8].try_into().unwrap_or_default());
    let (start, len, pid) = if narrow {
        (i64::from(word(4)), i64::from(word(8)), word(12))
    } else {
        (long(8), long(16), word(24))
    };
    let mut fl = libc::flock {
        l_type: half(0),
        l_whence: half(2),
        l_start: start,
        l_len: len,
        l_pid: pid,
    };
    // SAFETY: an open host descriptor and a flock record.
    let r = unsafe { libc::fcntl(raw, cmd as i32, &mut fl) };
    if r < 0 {
        return Err(host_errno(&std::io::Error::last_os_error()));
    }
    if matches!(cmd, F_GETLK | F_OFD_GETLK) {
        let mut out = b.clone();
        out[0..2].copy_from_slice(&fl.l_type.to_be_bytes());
        out[2..4].copy_from_slice(&fl.l_whence.to_be_bytes());
        if narrow {
            out[4..8].copy_from_slice(&(fl.l_start as i32).to_be_bytes());
            out[8..12].copy_from_slice(&(fl.l_len as i32).to_be_bytes());
            out[12..16].copy_from_slice(&fl.l_pid.to_be_bytes());
        } else {
            out[8..16].copy_from_slice(&fl.l_start.to_be_bytes());
            out[16..24].copy_from_slice(&fl.l_len.to_be_bytes());
            out[24..28].copy_from_slice(&fl.l_pid.to_be_bytes());
        }
        put(mem, arg, &out)?;
    }
    Ok(0)
}

fn fcntl(p: &mut Process, mem: &Memory, fd: i32, cmd: u64, arg: u64) -> SysResult {
    const F_DUPFD: u64 = 0;
    const F_GETFD: u64 = 1;
    const F_SETFD: u64 = 2;
    const F_GETFL: u64 = 3;
    const F_SETFL: u64 = 4;
    const F_DUPFD_CLOEXEC: u64 = 1030;
    match cmd {
        F_DUPFD | F_DUPFD_CLOEXEC => {
            let f = p.files.file(fd)?.try_clone().map_err(|e| host_errno(&e))?;
            let new = p
                .files
                .install(f, usize::try_from(arg).unwrap_or(usize::MAX))?;
            p.files.inherit(fd as usize, new as usize);
            p.files.set_cloexec(new, cmd == F_DUPFD_CLOEXEC);
            Ok(new)
        }
        F_GETFD => p
            .files
            .file(fd)
            .map(|_| ())
            .map(|()| u64::from(p.files.cloexec.contains(&(fd as usize)))),
        F_SETFD => p.files.file(fd).map(|_| ()).map(|()| {
            p.files.set_cloexec(fd as u64, arg & 1 != 0);
            0
        }),
        F_SETFL => p.files.file(fd).map(|_| 0),
        F_GETLK | F_SETLK | F_SETLKW | F_OFD_GETLK | F_OFD_SETLK | F_OFD_SETLKW => {
            record_lock(p, mem, fd, cmd, arg, LockLayout::Long)
        }
        // The 32-bit ABI's 64-bit-offset lock commands.
        F_GETLK64 | F_SETLK64 | F_SETLKW64 if p.abi == Abi::Ppc32 => record_lock(
            p,
            mem,
            fd,
            cmd - (F_GETLK64 - F_GETLK),
            arg,
            LockLayout::Wide,
        ),
        // The access mode and O_APPEND: 0..2 as we were given them, the rest as opened.
        F_GETFL => p
            .files
            .file(fd)
            .map(|_| ())
            .map(|()| p.files.status_flags(fd as usize)),
        _ => Err(errno::EINVAL),
    }
}

pub fn call(p: &mut Process, c: &Call, mem: &Memory) -> Option<Result<SysResult, SyscallError>> {
    let a = &c.args;
    let fd = a[0] as i32;
    let r = match c.nr {
        3 => read(p, mem, fd, a[1], a[2]),
        4 => write(p, mem, fd, a[1], a[2]),
        5 => open(p, mem, AT_FDCWD, a[0], a[1], a[2]),
        6 => p.files.close(fd),
        8 => open(p, mem, AT_FDCWD, a[0], O_CREAT | O_TRUNC | 1, a[1]),
        10 => unlink(p, mem, AT_FDCWD, a[0], 0),
        12 => chdir(p, mem, a[0]),
        15 => chmod(p, mem, AT_FDCWD, a[0], a[1]),
        19 => lseek(p, fd, a[1], a[2]),
        33 => access(p, mem, AT_FDCWD, a[0]),
        38 => rename(p, mem, (AT_FDCWD, a[0]), (AT_FDCWD, a[1]), 0),
        39 => mkdir(p, mem, AT_FDCWD, a[0], a[1]),
        40 => unlink(p, mem, AT_FDCWD, a[0], AT_REMOVEDIR),
        41 => dup(p, fd, None, 0),
        42 => pipe(p, mem, a[0], 0),
        54 => ioctl(p, fd),
        55 => fcntl(p, mem, fd, a[1], a[2]),
        63 => dup(p, fd, Some(a[1]), 0),
        316 if a[0] == a[1] => Err(errno::EINVAL),
        316 => dup(p, fd, Some(a[1]), a[2]),
        317 => pipe(p, mem, a[0], a[1]),
        85 => readlink(p, mem, AT_FDCWD, a[0], a[1], a[2]),
        92 => truncate(p, mem, a[0], a[1]),
        93 => ftruncate(p, fd, a[1]),
        94 => fchmod(p, fd, a[1]),
        106 => stat_path(p, mem, (AT_FDCWD, a[0], 0), a[1], StatLayout::Stat),
        107 => stat_path(
            p,
            mem,
            (AT_FDCWD, a[0], AT_SYMLINK_NOFOLLOW),
            a[1],
            StatLayout::Stat,
        ),
        108 => fstat(p, mem, fd, a[1], StatLayout::Stat),
        // The 32-bit ABI's stat64, lstat64, fstat64.
        195 if p.abi == Abi::Ppc32 => {
            stat_path(p, mem, (AT_FDCWD, a[0], 0), a[1], StatLayout::Stat64)
        }
        196 if p.abi == Abi::Ppc32 => stat_path(
            p,
            mem,
            (AT_FDCWD, a[0], AT_SYMLINK_NOFOLLOW),
            a[1],
            StatLayout::Stat64,
        ),
        197 if p.abi == Abi::Ppc32 => fstat(p, mem, fd, a[1], StatLayout::Stat64),
        118 => fsync(p, fd, false),
        133 => fchdir(p, fd),
        140 => llseek(p, mem, fd, (a[1] << 32) | (a[2] & 0xffff_ffff), a[3], a[4]),
        145 => readv(p, mem, fd, a[1], a[2]),
        146 => writev(p, mem, fd, a[1], a[2]),
        167 => poll(p, mem, a[0], a[1], a[2] as i32),
        // ppoll: the timeout as a timespec (none: wait); the signal mask is not applied.
        281 => timeout_ms(TimeArg::Of(p.abi), mem, a[2], 1_000_000_000)
            .and_then(|t| poll(p, mem, a[0], a[1], t)),
        // select takes a timeval, pselect6 a timespec (and a signal mask, not applied).
        142 => timeout_ms(TimeArg::Of(p.abi), mem, a[4], 1_000_000)
            .and_then(|t| select(p, mem, a[0], [a[1], a[2], a[3]], t)),
        280 => timeout_ms(TimeArg::Of(p.abi), mem, a[4], 1_000_000_000)
            .and_then(|t| select(p, mem, a[0], [a[1], a[2], a[3]], t)),
        // The 32-bit ABI's ppoll and pselect6 with a 64-bit time_t (ppc64's timespec).
        414 if p.abi == Abi::Ppc32 => timeout_ms(TimeArg::Time64, mem, a[2], 1_000_000_000)
            .and_then(|t| poll(p, mem, a[0], a[1], t)),
        413 if p.abi == Abi::Ppc32 => timeout_ms(TimeArg::Time64, mem, a[4], 1_000_000_000)
            .and_then(|t| select(p, mem, a[0], [a[1], a[2], a[3]], t)),
        148 => fsync(p, fd, true),
        179 => pread(p, mem, fd, a[1], a[2], a[3]),
        180 => pwrite(p, mem, fd, a[1], a[2], a[3]),
        182 => getcwd(mem, a[0], a[1]),
        202 => getdents64(p, mem, fd, a[1], a[2]),
        286 => open(p, mem, fd, a[1], a[2], a[3]),
        287 => mkdir(p, mem, fd, a[1], a[2]),
        // newfstatat, or the 32-bit ABI's fstatat64.
        291 => {
            let layout = match p.abi {
                Abi::Ppc64 => StatLayout::Stat,
                Abi::Ppc32 => StatLayout::Stat64,
            };
            stat_path(p, mem, (fd, a[1], a[3]), a[2], layout)
        }
        383 => stat_path(p, mem, (fd, a[1], a[2]), a[4], StatLayout::Statx),
        292 => unlink(p, mem, fd, a[1], a[2]),
        293 => rename(p, mem, (fd, a[1]), (a[2] as i32, a[3]), 0),
        296 => readlink(p, mem, fd, a[1], a[2], a[3]),
        297 => chmod(p, mem, fd, a[1], a[2]),
        298 => access(p, mem, fd, a[1]),
        357 => rename(p, mem, (fd, a[1]), (a[2] as i32, a[3]), a[4]),
        _ => return None,
    };
    Some(Ok(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by calling every file system call with garbage arguments: `fcntl(F_DUPFD)`
    /// with a huge lowest number grew the table without bound (a capacity overflow panic).
    /// Past the descriptor limit it is EINVAL, as Linux answers (filling the table to see
    /// EMFILE would take a thousand host descriptors, more than a test may have).
    #[test]
    fn descriptors_stay_under_the_limit() {
        let mut files = Files::with_std_streams();
        let null = || File::open("/dev/null").unwrap();
        assert_eq!(files.install(null(), u64::MAX as usize), Err(errno::EINVAL));
        assert_eq!(files.install(null(), MAX_FDS), Err(errno::EINVAL));
        assert_eq!(files.install(null(), MAX_FDS - 1), Ok(MAX_FDS as u64 - 1));
        assert_eq!(files.install(null(), 0), Ok(3));
    }
}
