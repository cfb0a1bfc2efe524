//! Descriptors that are host kernel objects, created on the host and used through it as
//! qemu-user does: sockets (Unix-domain and IP), eventfd, epoll, timerfd and memfd. What
//! crosses between guest and host is translated: socket addresses' family field (a
//! big-endian short in the guest), epoll events (16 bytes in the guest, 12 on x86-64),
//! timer specifications, the few socket options whose numbers differ on PowerPC, and the
//! 8-byte counters eventfd and timerfd read and write (`Files::counters`).

use super::host_result as host;
use super::{errno, get, put, read_cstr, Abi, Call, Process, SysResult, TimeArg};
use oxenon_jit::Memory;
use std::fs::File;
use std::os::fd::{FromRawFd, OwnedFd};

const SOCK_CLOEXEC: u64 = 0o2000000;
/// Socket addresses are at most this long (`struct sockaddr_storage`).
const SOCKADDR_MAX: u64 = 128;

/// Takes a new host descriptor into the guest's table.
fn adopt(p: &mut Process, raw: i32, cloexec: bool, counter: bool) -> SysResult {
    // SAFETY: `raw` is a descriptor the host just created for us, owned by nobody else.
    let f = File::from(unsafe { OwnedFd::from_raw_fd(raw) });
    p.files.install_object(f, cloexec, counter)
}

/// A guest socket address turned into the host's: the family is a short in each side's
/// byte order; the rest (ports and addresses in network order, paths) is the same.
fn sockaddr_in(mem: &Memory, addr: u64, len: u64) -> Result<Vec<u8>, u64> {
    if !(2..=SOCKADDR_MAX).contains(&len) {
        return Err(errno::EINVAL);
    }
    Ok(family_swapped(get(mem, addr, len as usize)?))
}

/// A socket address with its family short turned to the other side's byte order.
fn family_swapped(mut addr: Vec<u8>) -> Vec<u8> {
    if addr.len() >= 2 {
        addr.swap(0, 1);
    }
    addr
}

/// Writes a host socket address back for the guest (`addr`, with its length at `len_at`,
/// truncated to what the guest offered, as the kernel does).
fn sockaddr_out(mem: &Memory, addr: u64, len_at: u64, host: &[u8]) -> Result<(), u64> {
    if addr == 0 || len_at == 0 {
        return Ok(());
    }
    let room = u32::from_be_bytes(get(mem, len_at, 4)?.try_into().unwrap_or_default());
    let mut out = family_swapped(host.to_vec());
    out.truncate(room as usize);
    put(mem, addr, &out)?;
    put(mem, len_at, &(host.len() as u32).to_be_bytes())
}

fn socket(p: &mut Process, domain: u64, ty: u64, proto: u64) -> SysResult {
    // SAFETY: plain call.
    let raw = host(unsafe { libc::socket(domain as i32, ty as i32, proto as i32) }.into())?;
    adopt(p, raw as i32, ty & SOCK_CLOEXEC != 0, false)
}

fn socketpair(p: &mut Process, mem: &Memory, a: &[u64; 6]) -> SysResult {
    let mut sv = [0i32; 2];
    // SAFETY: `sv` holds two descriptors.
    host(
        unsafe { libc::socketpair(a[0] as i32, a[1] as i32, a[2] as i32, sv.as_mut_ptr()) }.into(),
    )?;
    let cloexec = a[1] & SOCK_CLOEXEC != 0;
    let first = adopt(p, sv[0], cloexec, false)?;
    let second = match adopt(p, sv[1], cloexec, false) {
        Ok(fd) => fd,
        Err(e) => {
            let _ = p.files.close_range(first, first, 0);
            return Err(e);
        }
    };
    let mut out = (first as u32).to_be_bytes().to_vec();
    out.extend((second as u32).to_be_bytes());
    put(mem, a[3], &out)?;
    Ok(0)
}

/// `bind` and `connect`.
fn with_address(p: &mut Process, mem: &Memory, nr: u64, a: &[u64; 6]) -> SysResult {
    let fd = p.files.raw(a[0] as i32)?;
    let addr = sockaddr_in(mem, a[1], a[2])?;
    let (ptr, len) = (addr.as_ptr().cast::<libc::sockaddr>(), addr.len() as u32);
    // SAFETY: an open host descriptor and an address of `len` bytes.
    let r = unsafe {
        if nr == 327 {
            libc::bind(fd, ptr, len)
        } else {
            libc::connect(fd, ptr, len)
        }
    };
    host(r.into())
}

/// `accept`/`accept4`, `getsockname`, `getpeername`: an address comes back.
fn address_back(p: &mut Process, mem: &Memory, nr: u64, a: &[u64; 6]) -> SysResult {
    let fd = p.files.raw(a[0] as i32)?;
    let mut buf = [0u8; SOCKADDR_MAX as usize];
    let mut len = SOCKADDR_MAX as libc::socklen_t;
    let ptr = buf.as_mut_ptr().cast::<libc::sockaddr>();
    // SAFETY: an open host descriptor and a buffer of `len` bytes.
    let r = unsafe {
        match nr {
            330 => libc::accept4(fd, ptr, &mut len, 0),
            344 => libc::accept4(fd, ptr, &mut len, a[3] as i32),
            331 => libc::getsockname(fd, ptr, &mut len),
            _ => libc::getpeername(fd, ptr, &mut len),
        }
    };
    let r = host(r.into())?;
    sockaddr_out(mem, a[1], a[2], &buf[..(len as usize).min(buf.len())])?;
    match nr {
        330 | 344 => adopt(p, r as i32, a[3] & SOCK_CLOEXEC != 0 && nr == 344, false),
        _ => Ok(0),
    }
}

/// The host's `sendto` of `data`, to `to` (a host socket address) if given.
fn host_send(fd: i32, data: &[u8], flags: i32, to: Option<&[u8]>) -> SysResult {
    let (tp, tl) = to.map_or((std::ptr::null(), 0), |t| {
        (t.as_ptr().cast::<libc::sockaddr>(), t.len() as u32)
    });
    // SAFETY: an open host descriptor, `data` and an optional address of `tl` bytes.
    host(unsafe { libc::sendto(fd, data.as_ptr().cast(), data.len(), flags, tp, tl) } as i64)
}

/// The host's `recvfrom` of at most `len` bytes: the data and the sender's host address.
fn host_receive(fd: i32, len: usize, flags: i32) -> Result<(Vec<u8>, Vec<u8>), u64> {
    let mut data = vec![0u8; len];
    let mut from = [0u8; SOCKADDR_MAX as usize];
    let mut flen = SOCKADDR_MAX as libc::socklen_t;
    // SAFETY: an open host descriptor, a buffer of `len` bytes and an address buffer.
    let n = host(unsafe {
        libc::recvfrom(
            fd,
            data.as_mut_ptr().cast(),
            len,
            flags,
            from.as_mut_ptr().cast(),
            &mut flen,
        )
    } as i64)? as usize;
    data.truncate(n);
    Ok((data, from[..(flen as usize).min(from.len())].to_vec()))
}

/// `send`, `sendto`, `recv`, `recvfrom` (the MSG_* flags are the same on both).
fn transfer(p: &mut Process, mem: &Memory, nr: u64, a: &[u64; 6]) -> SysResult {
    let fd = p.files.raw(a[0] as i32)?;
    let len = a[2].min(16 << 20) as usize;
    let flags = a[3] as i32;
    if nr == 334 || nr == 335 {
        let data = get(mem, a[1], len)?;
        let to = if nr == 335 && a[4] != 0 {
            Some(sockaddr_in(mem, a[4], a[5])?)
        } else {
            None
        };
        return host_send(fd, &data, flags, to.as_deref());
    }
    let (data, from) = host_receive(fd, len, flags)?;
    put(mem, a[1], &data)?;
    if nr == 337 && a[4] != 0 {
        sockaddr_out(mem, a[4], a[5], &from)?;
    }
    Ok(data.len() as u64)
}

/// `sendmsg` and `recvmsg` with the data in the guest's iovecs and no control messages
/// (descriptors passed between processes would need translating: EINVAL for sending one;
/// a receiver is told it got none).
fn message(p: &mut Process, mem: &Memory, nr: u64, a: &[u64; 6]) -> SysResult {
    let abi = p.abi;
    let fd = p.files.raw(a[0] as i32)?;
    let w = abi.long_bytes();
    // struct msghdr: name, namelen (u32), iov, iovlen, control, controllen, flags; the
    // pointers and sizes are longs.
    let head = get(mem, a[1], 7 * w)?;
    let field = |k: usize| abi.long_at(&head, k);
    let (name, namelen) = (
        field(0),
        u64::from(u32::from_be_bytes(
            head[w..w + 4].try_into().unwrap_or_default(),
        )),
    );
    let (iov, iovlen, controllen) = (field(2), field(3), field(5));
    if iovlen > 1024 {
        return Err(errno::EMSGSIZE);
    }
    let raw_iov = get(mem, iov, iovlen as usize * 2 * w)?;
    let pieces: Vec<(u64, usize)> = (0..iovlen as usize)
        .map(|k| {
            (
                abi.long_at(&raw_iov, 2 * k),
                abi.long_at(&raw_iov, 2 * k + 1).min(16 << 20) as usize,
            )
        })
        .collect();
    let total: usize = pieces.iter().map(|&(_, l)| l).sum::<usize>().min(16 << 20);
    if nr == 341 {
        if controllen != 0 {
            return Err(errno::EINVAL);
        }
        let mut data = Vec::with_capacity(total);
        for &(base, len) in &pieces {
            data.extend(get(mem, base, len)?);
        }
        let to = if name != 0 {
            Some(sockaddr_in(mem, name, namelen)?)
        } else {
            None
        };
        return host_send(fd, &data, a[2] as i32, to.as_deref());
    }
    let (data, from) = host_receive(fd, total, a[2] as i32)?;
    let n = data.len();
    let mut left = &data[..];
    for &(base, len) in &pieces {
        let k = len.min(left.len());
        put(mem, base, &left[..k])?;
        left = &left[k..];
    }
    if name != 0 {
        let mut out = family_swapped(from.clone());
        out.truncate(namelen as usize);
        put(mem, name, &out)?;
        put(mem, a[1] + w as u64, &(from.len() as u32).to_be_bytes())?;
    }
    // No control data; no flags.
    let mut tail = abi.longs(&[0]);
    tail.extend(0u32.to_be_bytes());
    put(mem, a[1] + 5 * w as u64, &tail)?;
    Ok(n as u64)
}

/// `setsockopt`/`getsockopt` for options with an int value. PowerPC numbers SOL_SOCKET's
/// options 16 to 21 differently from x86-64 (asm/socket.h): those are translated.
fn sockopt(p: &mut Process, mem: &Memory, nr: u64, a: &[u64; 6]) -> SysResult {
    const SOL_SOCKET: u64 = 1;
    let fd = p.files.raw(a[0] as i32)?;
    let (level, mut name) = (a[1] as i32, a[2] as i32);
    if a[1] == SOL_SOCKET {
        // PowerPC: RCVLOWAT 16, SNDLOWAT 17, RCVTIMEO 18, SNDTIMEO 19, PASSCRED 20,
        // PEERCRED 21; x86-64: PASSCRED 16, PEERCRED 17, RCVLOWAT 18, SNDLOWAT 19,
        // RCVTIMEO 20, SNDTIMEO 21.
        name = match name {
            16 => 18,
            17 => 19,
            18 | 19 | 21 => return Err(errno::ENOPROTOOPT),
            20 => 16,
            n => n,
        };
    }
    if nr == 339 {
        if a[4] != 4 {
            return Err(errno::EINVAL);
        }
        let v = i32::from_be_bytes(get(mem, a[3], 4)?.try_into().unwrap_or_default());
        // SAFETY: an open host descriptor and an int.
        return host(
            unsafe { libc::setsockopt(fd, level, name, (&v as *const i32).cast(), 4) }.into(),
        );
    }
    let room = u32::from_be_bytes(get(mem, a[4], 4)?.try_into().unwrap_or_default());
    if room < 4 {
        return Err(errno::EINVAL);
    }
    let mut v = 0i32;
    let mut len = 4 as libc::socklen_t;
    // SAFETY: an open host descriptor and an int.
    host(
        unsafe { libc::getsockopt(fd, level, name, (&mut v as *mut i32).cast(), &mut len) }.into(),
    )?;
    if len != 4 {
        return Err(errno::ENOPROTOOPT);
    }
    put(mem, a[3], &v.to_be_bytes())?;
    put(mem, a[4], &4u32.to_be_bytes())?;
    Ok(0)
}

/// `epoll_ctl(epfd, op, fd, event)`: the guest's `struct epoll_event` is events (u32) and
/// data (u64, at 8); data passes through untouched.
fn epoll_ctl(p: &mut Process, mem: &Memory, a: &[u64; 6]) -> SysResult {
    let ep = p.files.raw(a[0] as i32)?;
    let fd = p.files.raw(a[2] as i32)?;
    let mut ev = libc::epoll_event { events: 0, u64: 0 };
    if a[3] != 0 {
        let raw = get(mem, a[3], 16)?;
        ev.events = u32::from_be_bytes(raw[..4].try_into().unwrap_or_default());
        ev.u64 = u64::from_be_bytes(raw[8..].try_into().unwrap_or_default());
    }
    // SAFETY: open host descriptors and an event record.
    host(unsafe { libc::epoll_ctl(ep, a[1] as i32, fd, &mut ev) }.into())
}

/// `epoll_wait`/`epoll_pwait(epfd, events, maxevents, timeout)` (the signal mask is not
/// applied).
fn epoll_wait(p: &mut Process, mem: &Memory, a: &[u64; 6]) -> SysResult {
    let ep = p.files.raw(a[0] as i32)?;
    let max = a[2] as i32;
    if !(1..=4096).contains(&max) {
        return Err(errno::EINVAL);
    }
    let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; max as usize];
    // SAFETY: an open host descriptor and room for `max` events.
    let n = host(unsafe { libc::epoll_wait(ep, evs.as_mut_ptr(), max, a[3] as i32) }.into())?;
    let mut out = Vec::with_capacity(16 * n as usize);
    for e in &evs[..n as usize] {
        let (events, data) = (e.events, e.u64);
        out.extend(events.to_be_bytes());
        out.extend([0; 4]);
        out.extend(data.to_be_bytes());
    }
    put(mem, a[1], &out)?;
    Ok(n)
}

/// `timerfd_settime(fd, flags, new, old)` and `timerfd_gettime(fd, cur)`, with itimerspecs
/// in `abi`'s layout.
fn timerfd_time(
    p: &mut Process,
    mem: &Memory,
    set: bool,
    a: &[u64; 6],
    layout: TimeArg,
) -> SysResult {
    let abi = layout.abi();
    let fd = p.files.raw(a[0] as i32)?;
    // SAFETY: zero is a valid itimerspec.
    let mut old: libc::itimerspec = unsafe { std::mem::zeroed() };
    if set {
        let new = super::ptimers::spec_in(mem, a[2], layout)?;
        // SAFETY: an open host descriptor and two itimerspecs.
        host(unsafe { libc::timerfd_settime(fd, a[1] as i32, &new, &mut old) }.into())?;
        if a[3] != 0 {
            super::ptimers::spec_out(mem, a[3], abi, &old)?;
        }
    } else {
        // SAFETY: an open host descriptor and an itimerspec.
        host(unsafe { libc::timerfd_gettime(fd, &mut old) }.into())?;
        super::ptimers::spec_out(mem, a[1], abi, &old)?;
    }
    Ok(0)
}

pub fn call(p: &mut Process, c: &Call, mem: &Memory) -> Option<SysResult> {
    let a = &c.args;
    let abi = p.abi;
    Some(match c.nr {
        326 => socket(p, a[0], a[1], a[2]),
        333 => socketpair(p, mem, a),
        327 | 328 => with_address(p, mem, c.nr, a),
        // SAFETY: an open host descriptor.
        329 => p
            .files
            .raw(a[0] as i32)
            .and_then(|fd| host(unsafe { libc::listen(fd, a[1] as i32) }.into())),
        330 | 331 | 332 | 344 => address_back(p, mem, c.nr, a),
        334..=337 => transfer(p, mem, c.nr, a),
        // SAFETY: an open host descriptor.
        338 => p
            .files
            .raw(a[0] as i32)
            .and_then(|fd| host(unsafe { libc::shutdown(fd, a[1] as i32) }.into())),
        339 | 340 => sockopt(p, mem, c.nr, a),
        341 | 342 => message(p, mem, c.nr, a),
        // eventfd2(initval, flags): EFD_CLOEXEC is O_CLOEXEC.
        // SAFETY: plain call.
        314 => host(unsafe { libc::eventfd(a[0] as u32, a[1] as i32) }.into())
            .and_then(|fd| adopt(p, fd as i32, a[1] & SOCK_CLOEXEC != 0, true)),
        // epoll_create(size), epoll_create1(flags).
        236 | 315 => {
            let flags = if c.nr == 315 { a[0] as i32 } else { 0 };
            if c.nr == 236 && a[0] as i32 <= 0 {
                Err(errno::EINVAL)
            } else {
                // SAFETY: plain call.
                host(unsafe { libc::epoll_create1(flags) }.into()).and_then(|fd| {
                    adopt(p, fd as i32, a[0] & SOCK_CLOEXEC != 0 && c.nr == 315, false)
                })
            }
        }
        237 => epoll_ctl(p, mem, a),
        238 | 303 => epoll_wait(p, mem, a),
        // timerfd_create(clock, flags).
        // SAFETY: plain call.
        306 => host(unsafe { libc::timerfd_create(a[0] as i32, a[1] as i32) }.into())
            .and_then(|fd| adopt(p, fd as i32, a[1] & SOCK_CLOEXEC != 0, true)),
        311 => timerfd_time(p, mem, true, a, TimeArg::Of(abi)),
        312 => timerfd_time(p, mem, false, a, TimeArg::Of(abi)),
        // The 32-bit ABI's timerfd_gettime64 and timerfd_settime64 (64-bit fields).
        410 if abi == Abi::Ppc32 => timerfd_time(p, mem, false, a, TimeArg::Time64),
        411 if abi == Abi::Ppc32 => timerfd_time(p, mem, true, a, TimeArg::Time64),
        // memfd_create(name, flags): MFD_CLOEXEC is 1.
        360 => read_cstr(mem, a[0], 250).and_then(|name| {
            let name = std::ffi::CString::new(name).map_err(|_| errno::EINVAL)?;
            // SAFETY: a NUL-terminated name.
            let fd = host(unsafe { libc::memfd_create(name.as_ptr(), a[1] as u32) }.into())?;
            adopt(p, fd as i32, a[1] & 1 != 0, false)
        }),
        _ => return None,
    })
}
