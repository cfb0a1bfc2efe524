//! A digest of guest memory for whole-program comparisons (`oxenon check`): SHA-1 over every
//! mapped page's address, permissions and contents, in address order.

use oxenon_jit::{Memory, Perm};
use sha1::{Digest, Sha1};

const PAGE: u32 = 0x1000;

pub fn memory_sha1(mem: &Memory) -> String {
    let mut h = Sha1::new();
    let mut buf = vec![0u8; PAGE as usize];
    let mut addr: u64 = 0;
    while addr < 1 << 32 {
        let a = addr as u32;
        let perm = mem.perm(a);
        if perm != Perm::NONE {
            h.update(a.to_be_bytes());
            h.update([perm.bits()]);
            if perm.contains(Perm::READ) && mem.read_bytes(a, &mut buf).is_ok() {
                h.update(&buf);
            }
        }
        addr += u64::from(PAGE);
    }
    hex(&h.finalize())
}

pub fn sha1_hex(data: &[u8]) -> String {
    hex(&Sha1::digest(data))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
