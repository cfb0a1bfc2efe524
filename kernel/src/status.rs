//! NTSTATUS values the kernel hands back to titles. These are the console's (and Windows NT's)
//! documented codes; titles compare against them, so they must be exact.

/// An NTSTATUS as the guest sees it in r3.
pub type NtStatus = u32;

pub const STATUS_SUCCESS: NtStatus = 0x0000_0000;
pub const STATUS_WAIT_0: NtStatus = 0x0000_0000;
pub const STATUS_ABANDONED_WAIT_0: NtStatus = 0x0000_0080;
pub const STATUS_USER_APC: NtStatus = 0x0000_00C0;
pub const STATUS_ALERTED: NtStatus = 0x0000_0101;
pub const STATUS_TIMEOUT: NtStatus = 0x0000_0102;
pub const STATUS_PENDING: NtStatus = 0x0000_0103;
pub const STATUS_OBJECT_NAME_EXISTS: NtStatus = 0x4000_0000;
pub const STATUS_BUFFER_OVERFLOW: NtStatus = 0x8000_0005;
pub const STATUS_NO_MORE_FILES: NtStatus = 0x8000_0006;
pub const STATUS_UNSUCCESSFUL: NtStatus = 0xC000_0001;
pub const STATUS_NOT_IMPLEMENTED: NtStatus = 0xC000_0002;
pub const STATUS_INFO_LENGTH_MISMATCH: NtStatus = 0xC000_0004;
pub const STATUS_ACCESS_VIOLATION: NtStatus = 0xC000_0005;
pub const STATUS_INVALID_HANDLE: NtStatus = 0xC000_0008;
pub const STATUS_INVALID_PARAMETER: NtStatus = 0xC000_000D;
pub const STATUS_NO_SUCH_FILE: NtStatus = 0xC000_000F;
pub const STATUS_NO_MEMORY: NtStatus = 0xC000_0017;
pub const STATUS_CONFLICTING_ADDRESSES: NtStatus = 0xC000_0018;
pub const STATUS_UNABLE_TO_FREE_VM: NtStatus = 0xC000_001A;
pub const STATUS_MEMORY_NOT_ALLOCATED: NtStatus = 0xC000_00A0;
pub const STATUS_ACCESS_DENIED: NtStatus = 0xC000_0022;
pub const STATUS_BUFFER_TOO_SMALL: NtStatus = 0xC000_0023;
pub const STATUS_OBJECT_TYPE_MISMATCH: NtStatus = 0xC000_0024;
pub const STATUS_OBJECT_NAME_INVALID: NtStatus = 0xC000_0033;
pub const STATUS_OBJECT_NAME_NOT_FOUND: NtStatus = 0xC000_0034;
pub const STATUS_OBJECT_NAME_COLLISION: NtStatus = 0xC000_0035;
pub const STATUS_MUTANT_NOT_OWNED: NtStatus = 0xC000_0046;
pub const STATUS_SEMAPHORE_LIMIT_EXCEEDED: NtStatus = 0xC000_0047;
pub const STATUS_INVALID_PAGE_PROTECTION: NtStatus = 0xC000_0045;
pub const STATUS_SUSPEND_COUNT_EXCEEDED: NtStatus = 0xC000_004A;
pub const STATUS_THREAD_IS_TERMINATING: NtStatus = 0xC000_004B;
pub const STATUS_INSUFFICIENT_RESOURCES: NtStatus = 0xC000_009A;
pub const STATUS_NOT_SUPPORTED: NtStatus = 0xC000_00BB;
pub const STATUS_INVALID_PARAMETER_MIX: NtStatus = 0xC000_0030;
pub const STATUS_INVALID_PARAMETER_1: NtStatus = 0xC000_00EF;
pub const STATUS_INVALID_PARAMETER_2: NtStatus = 0xC000_00F0;
pub const STATUS_INVALID_PARAMETER_3: NtStatus = 0xC000_00F1;
pub const STATUS_INVALID_PARAMETER_4: NtStatus = 0xC000_00F2;
pub const STATUS_INVALID_PARAMETER_5: NtStatus = 0xC000_00F3;
pub const STATUS_INVALID_PARAMETER_6: NtStatus = 0xC000_00F4;
pub const STATUS_NOT_COMMITTED: NtStatus = 0xC000_002D;
pub const STATUS_FREE_VM_NOT_AT_BASE: NtStatus = 0xC000_009F;
pub const STATUS_ALREADY_COMMITTED: NtStatus = 0xC000_0021;

/// True for success and informational codes (severity 0 or 1), as NT_SUCCESS tests.
pub fn nt_success(status: NtStatus) -> bool {
    (status as i32) >= 0
}
