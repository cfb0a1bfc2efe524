//! MEMORY_BASIC_INFORMATION as NtQueryVirtualMemory fills it in guest memory.

use oxenon_jit::memory::{Fault, Memory};

/// The console's 32-bit MEMORY_BASIC_INFORMATION: seven 32-bit fields in this order, big-endian
/// (the MEMORY_BASIC_INFORMATION32 layout Microsoft documents, with no PartitionId).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemoryBasicInformation {
    pub base_address: u32,
    pub allocation_base: u32,
    pub allocation_protect: u32,
    pub region_size: u32,
    /// MEM_COMMIT, MEM_RESERVE or MEM_FREE.
    pub state: u32,
    pub protect: u32,
    /// MEM_PRIVATE, MEM_IMAGE, or 0 for free memory.
    pub kind: u32,
}

impl MemoryBasicInformation {
    pub const SIZE: u32 = 28;

    pub fn to_be_bytes(&self) -> [u8; Self::SIZE as usize] {
        let fields = [
            self.base_address,
            self.allocation_base,
            self.allocation_protect,
            self.region_size,
            self.state,
            self.protect,
            self.kind,
        ];
        let mut out = [0u8; Self::SIZE as usize];
        for (chunk, v) in out.chunks_exact_mut(4).zip(fields) {
            chunk.copy_from_slice(&v.to_be_bytes());
        }
        out
    }
}

/// Stores `info` at guest `addr`, honouring guest write permission (a bad pointer from the
/// title is a fault the caller turns into STATUS_ACCESS_VIOLATION).
pub fn write_basic_information(
    mem: &Memory,
    addr: u32,
    info: &MemoryBasicInformation,
) -> Result<(), Fault> {
    mem.write_bytes(addr, &info.to_be_bytes())
}
