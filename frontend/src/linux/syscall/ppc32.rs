//! The 32-bit PowerPC ABI's calls (a `powerpc-linux-gnu-gcc -static` executable): most have
//! the ppc64 number and meaning, and the shared code reads and writes their structures in
//! the process's `Abi` (4-byte longs and pointers, 32-bit signal sets and `fd_set`s). What
//! differs is routed here: calls only the 32-bit table has (`mmap2`, `fcntl64`, the
//! `_time64` calls with ppc64's 64-bit `time_t` layout), 64-bit offsets split over two
//! registers, and signed 32-bit arguments. A call not listed is unsupported, so that no
//! structure is ever read in the other ABI's layout.

use super::{names, Call};

/// Calls the shared code carries out with the same number, meaning and (through `Abi`)
/// layout as the 32-bit kernel.
#[rustfmt::skip]
const SAME: &[u64] = &[
    // Process, threads, signal return and exit (mod.rs).
    1, 11, 29, 114, 120, 172, 176, 178, 189, 234, 272, 421,
    // Files (files.rs).
    3, 4, 5, 6, 8, 10, 12, 15, 33, 38, 39, 40, 41, 42, 54, 55, 63, 85, 94, 106, 107, 108, 118,
    133, 140, 142, 145, 146, 148, 167, 182, 195, 196, 197, 202, 280, 281, 286, 287, 291, 292,
    293, 296, 297, 298, 316, 317, 357, 383, 413, 414,
    // Links, ownership, times, locks, hints, statistics (fsmeta.rs).
    9, 16, 30, 36, 60, 83, 95, 99, 100, 143, 181, 186, 226, 251, 252, 253, 289, 294, 295, 304, 348,
    412, 436, 439,
    // Sockets, eventfd, epoll, timerfd, memfd (hostfds.rs).
    236, 237, 238, 303, 306, 311, 312, 314, 315, 326, 327, 328, 329, 330, 331, 332, 333, 334,
    335, 336, 337, 338, 339, 340, 341, 342, 344, 360, 410, 411,
    // POSIX timers (ptimers.rs).
    240, 241, 242, 243, 244, 408, 409,
    // Memory (memory.rs).
    45, 90, 91, 125, 144, 150, 151, 152, 153, 163, 205, 206,
    // Identity, time, limits, signals (system.rs).
    13, 20, 24, 27, 37, 43, 47, 49, 50, 64, 76, 77, 78, 104, 105, 116, 122, 158, 162, 173,
    174, 175, 185, 190, 207, 208, 221, 223, 232, 246, 247, 248, 250, 300, 325, 359, 387, 403,
    406, 407, 435, 57, 65, 66, 80, 96, 97, 132, 147, 155, 157, 159, 160, 171, 222,
];

/// The call the shared code should carry out for the 32-bit guest's `c`, or `None` when
/// it is not supported. Registers hold 64 bits; the 32-bit kernel sees their low halves.
pub fn route(c: &Call) -> Option<Call> {
    let a = c.args.map(|v| v & 0xffff_ffff);
    let signed = |v: u64| v as u32 as i32 as i64 as u64;
    let pair = |hi: u64, lo: u64| (hi << 32) | lo;
    let (nr, args) = match c.nr {
        // lseek's offset, truncate's and ftruncate's length: signed longs.
        19 => (19, [a[0], signed(a[1]), a[2], 0, 0, 0]),
        92 | 93 => (c.nr, [a[0], signed(a[1]), 0, 0, 0, 0]),
        // mmap2: the offset counts 4 KiB pages.
        192 => (90, [a[0], a[1], a[2], a[3], a[4], a[5] << 12]),
        // truncate64(path, pad, hi, lo), ftruncate64(fd, pad, hi, lo): a 64-bit value starts
        // at an odd-numbered argument register pair.
        193 => (92, [a[0], pair(a[2], a[3]), 0, 0, 0, 0]),
        194 => (93, [a[0], pair(a[2], a[3]), 0, 0, 0, 0]),
        // pread64/pwrite64(fd, buf, count, pad, hi, lo).
        179 | 180 => (c.nr, [a[0], a[1], a[2], pair(a[4], a[5]), 0, 0]),
        // fallocate(fd, mode, offset hi, lo, len hi, lo).
        309 => (309, [a[0], a[1], pair(a[2], a[3]), pair(a[4], a[5]), 0, 0]),
        // fadvise64(fd, pad, offset hi, lo, len, advice).
        233 => (233, [a[0], pair(a[2], a[3]), a[4], a[5], 0, 0]),
        // fadvise64_64(fd, advice, offset hi, lo, len hi, lo), as ppc64's fadvise64(fd,
        // offset, len, advice).
        254 => (233, [a[0], pair(a[2], a[3]), pair(a[4], a[5]), a[1], 0, 0]),
        // fcntl64: the commands the shared fcntl knows are the same.
        204 => (55, a),
        // futex_time64: the shared futex never reads the timeout's layout.
        422 => (221, a),
        nr if SAME.contains(&nr) => (nr, a),
        _ => return None,
    };
    Some(Call { nr, args })
}

/// The name of 32-bit call `nr`, for messages (`asm/unistd_32.h`).
pub fn name(nr: u64) -> &'static str {
    match nr {
        192 => "mmap2",
        193 => "truncate64",
        194 => "ftruncate64",
        195 => "stat64",
        196 => "lstat64",
        197 => "fstat64",
        204 => "fcntl64",
        226 => "sendfile64",
        254 => "fadvise64_64",
        291 => "fstatat64",
        403 => "clock_gettime64",
        404 => "clock_settime64",
        405 => "clock_adjtime64",
        406 => "clock_getres_time64",
        407 => "clock_nanosleep_time64",
        408 => "timer_gettime64",
        409 => "timer_settime64",
        410 => "timerfd_gettime64",
        411 => "timerfd_settime64",
        412 => "utimensat_time64",
        413 => "pselect6_time64",
        414 => "ppoll_time64",
        416 => "io_pgetevents_time64",
        417 => "recvmmsg_time64",
        418 => "mq_timedsend_time64",
        419 => "mq_timedreceive_time64",
        420 => "semtimedop_time64",
        421 => "rt_sigtimedwait_time64",
        422 => "futex_time64",
        423 => "sched_rr_get_interval_time64",
        _ => names::name(nr).unwrap_or("unknown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routed(nr: u64, args: [u64; 6]) -> Option<(u64, [u64; 6])> {
        route(&Call { nr, args }).map(|c| (c.nr, c.args))
    }

    #[test]
    fn split_offsets_and_page_counts_become_byte_offsets() {
        // asm/unistd_32.h numbers; the register pairs of the 32-bit PowerPC syscall ABI.
        assert_eq!(
            routed(192, [0, 0x2000, 3, 2, 4, 3]),
            Some((90, [0, 0x2000, 3, 2, 4, 0x3000]))
        );
        assert_eq!(
            routed(194, [5, 0, 1, 0x10, 0, 0]),
            Some((93, [5, 0x1_0000_0010, 0, 0, 0, 0]))
        );
        assert_eq!(
            routed(180, [5, 0x1000, 9, 0, 2, 8]),
            Some((180, [5, 0x1000, 9, 0x2_0000_0008, 0, 0]))
        );
    }

    #[test]
    fn registers_count_by_their_low_halves_and_signed_offsets_extend() {
        let r = routed(4, [0xffff_ffff_0000_0001, 0x1000, 5, 0, 0, 0]).unwrap();
        assert_eq!(r.1[0], 1);
        // lseek(fd, -10, SEEK_END)
        let r = routed(19, [3, 0xffff_fff6, 2, 0, 0, 0]).unwrap();
        assert_eq!(r.1[1] as i64, -10);
    }

    #[test]
    fn calls_without_a_32_bit_layout_are_not_routed() {
        // clock_settime64, sync_file_range2, syslog: not carried out.
        for nr in [404, 308, 103] {
            assert!(routed(nr, [0; 6]).is_none(), "{nr}");
        }
        assert_eq!(name(197), "fstat64");
        assert_eq!(name(4), "write");
    }
}
