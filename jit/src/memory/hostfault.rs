//! Host page faults on guest memory (x86-64 Linux).
//!
//! Every guest page's host protection mirrors its guest permission (`Memory::map`), so
//! generated code can access guest memory with no permission check: a forbidden access
//! faults in the host. The SIGSEGV handler installed here looks at faults on a registered
//! guest reservation and does one of three things:
//!
//! - **Repair and retry.** The JIT write-protects guest-writable pages it compiled code from
//!   (`Memory::mark_code`), so that writes to them are seen. A write the guest may make to
//!   such a page clears the page's code mark, records the page for the JIT engines
//!   (`CodeWrites`, lock-free because a signal handler cannot take the log's mutex),
//!   restores the page's protection, and the access runs again. Interpreter and kernel code
//!   racing with a page being marked land here too, harmlessly.
//! - **Leave generated code.** A fault in generated code (a guest fault, or a write that
//!   hit code, which must end the unit so the next instructions are fetched afresh) resumes
//!   in the epilogue of `enter`, which returns `EXIT_HOST_FAULT` with the registers restored
//!   to what `enter`'s caller expects. The JIT then maps the faulting host instruction back
//!   to its guest instruction and lets the interpreter execute that one: it reports the
//!   guest fault precisely or completes the access. Generated code stores the guest
//!   registers a block changed before each access, so the context is exact there.
//! - Anything else (a host bug) goes to the handler that was installed before, normally the
//!   Rust runtime's, and ends the process as it would have without us.

use super::Perm;
use std::cell::Cell;
use std::sync::atomic::{AtomicPtr, AtomicU64, AtomicU8, AtomicUsize, Ordering};

/// What `enter` returns when generated code faulted (see the module documentation).
pub const EXIT_HOST_FAULT: i32 = 4;

const PAGE_SHIFT: usize = 12;
const PAGES: usize = 1 << (32 - PAGE_SHIFT);

/// Guest pages written while they held compiled code, noted from the fault handler.
pub struct CodeWrites {
    bits: Box<[AtomicU64]>,
    /// Bumped after each note; compared with what the owner has drained.
    count: AtomicU64,
}

impl CodeWrites {
    pub fn new() -> Self {
        Self {
            bits: (0..PAGES / 64).map(|_| AtomicU64::new(0)).collect(),
            count: AtomicU64::new(0),
        }
    }

    fn note(&self, page: usize) {
        self.bits[page / 64].fetch_or(1 << (page % 64), Ordering::AcqRel);
        self.count.fetch_add(1, Ordering::AcqRel);
    }

    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Acquire)
    }

    /// Takes the noted pages out, ascending.
    pub fn drain(&self) -> Vec<u32> {
        let mut pages = Vec::new();
        for (w, word) in self.bits.iter().enumerate() {
            if word.load(Ordering::Relaxed) == 0 {
                continue;
            }
            let mut b = word.swap(0, Ordering::AcqRel);
            while b != 0 {
                pages.push((w * 64 + b.trailing_zeros() as usize) as u32);
                b &= b - 1;
            }
        }
        pages
    }
}

impl Default for CodeWrites {
    fn default() -> Self {
        Self::new()
    }
}

/// One registered guest reservation. `base` is 0 when the slot is free and 1 while it is
/// being filled; the handler only trusts the pointers once it reads a real base.
struct Slot {
    base: AtomicUsize,
    perms: AtomicPtr<AtomicU8>,
    writes: AtomicPtr<CodeWrites>,
}

const SLOTS: usize = 256;
static REGISTRY: [Slot; SLOTS] = [const {
    Slot {
        base: AtomicUsize::new(0),
        perms: AtomicPtr::new(std::ptr::null_mut()),
        writes: AtomicPtr::new(std::ptr::null_mut()),
    }
}; SLOTS];

/// Bytes of host address space a reservation covers past its base (4 GiB and the guard).
const SPAN: usize = super::SPACE + super::GUARD_SIZE;

/// A reservation known to the fault handler for as long as this lives.
pub struct Registration(usize);

impl Drop for Registration {
    fn drop(&mut self) {
        REGISTRY[self.0].base.store(0, Ordering::Release);
    }
}

/// Makes faults on the reservation at `base` handled; `perms` (one byte per guest page) and
/// `writes` must outlive the registration. `None` when this host has no handler or every
/// slot is taken: the JIT then checks accesses in generated code instead.
pub fn register(base: *mut u8, perms: &[AtomicU8], writes: &CodeWrites) -> Option<Registration> {
    if !SUPPORTED || !install() {
        return None;
    }
    for (i, slot) in REGISTRY.iter().enumerate() {
        if slot
            .base
            .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            slot.perms
                .store(perms.as_ptr() as *mut AtomicU8, Ordering::Release);
            slot.writes
                .store(writes as *const CodeWrites as *mut _, Ordering::Release);
            slot.base.store(base as usize, Ordering::Release);
            return Some(Registration(i));
        }
    }
    None
}

/// Sets the host protection of one guest page (a `Memory` with a registration only).
///
/// # Safety
/// `base` must be a registered reservation and `page` one of its guest pages.
pub(super) unsafe fn protect_page(base: *mut u8, page: usize, perm: Perm) {
    let prot = host_prot(perm.bits());
    // SAFETY: the page lies inside the caller's reservation; changing its protection cannot
    // invalidate Rust references (guest memory is only reached through raw pointers).
    unsafe {
        libc::mprotect(base.add(page << PAGE_SHIFT).cast(), 1 << PAGE_SHIFT, prot);
    }
}

fn host_prot(bits: u8) -> libc::c_int {
    let bits = bits & !Perm::CODE.bits();
    if bits & Perm::WRITE.bits() != 0 {
        libc::PROT_READ | libc::PROT_WRITE
    } else if bits & Perm::READ.bits() != 0 {
        libc::PROT_READ
    } else {
        libc::PROT_NONE
    }
}

/// This thread's state for the handler: set while generated code runs.
struct ThreadState {
    /// Stack pointer `enter` resumes its epilogue with.
    saved_rsp: Cell<usize>,
    /// Inside `enter` (generated code or a helper it called).
    in_jit: Cell<bool>,
    /// Inside a helper generated code called (the interpreter): Rust code, never abandoned.
    in_helper: Cell<bool>,
    fault_rip: Cell<usize>,
    /// The generated code's pinned register at the fault: the instruction budget.
    fault_budget: Cell<i64>,
}

thread_local! {
    static STATE: ThreadState = const {
        ThreadState {
            saved_rsp: Cell::new(0),
            in_jit: Cell::new(false),
            in_helper: Cell::new(false),
            fault_rip: Cell::new(0),
            fault_budget: Cell::new(0),
        }
    };
}

/// Marks the current thread as running a helper called from generated code, until dropped.
pub struct HelperCall(bool);

impl HelperCall {
    pub fn begin() -> Self {
        HelperCall(STATE.with(|s| s.in_helper.replace(true)))
    }
}

impl Drop for HelperCall {
    fn drop(&mut self) {
        STATE.with(|s| s.in_helper.set(self.0));
    }
}

/// The host address of the instruction whose fault made the last `enter` on this thread
/// return `EXIT_HOST_FAULT`.
pub fn last_fault_rip() -> usize {
    STATE.with(|s| s.fault_rip.get())
}

/// The instruction budget generated code held (in its pinned register, r15) at the last
/// fault of this thread.
pub fn last_fault_budget() -> i64 {
    STATE.with(|s| s.fault_budget.get())
}

/// The host-ABI function that calls a unit: `trampoline(code, ctx, membase, rt)`.
pub type Trampoline = unsafe extern "C" fn(*const u8, *mut u8, *mut u8, *mut u8) -> i32;

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
pub const SUPPORTED: bool = true;
#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
pub const SUPPORTED: bool = false;

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
mod arch {
    // enter(trampoline, code, ctx, membase, rt, saved_rsp_slot): saves every callee-saved
    // register, records the stack pointer, and calls the trampoline. `landing` is where the
    // fault handler resumes with that stack pointer: it returns EXIT_HOST_FAULT through the
    // same epilogue, restoring the caller's registers.
    std::arch::global_asm!(
        ".globl oxenon_hostfault_enter",
        ".type oxenon_hostfault_enter,@function",
        "oxenon_hostfault_enter:",
        "push rbp",
        "mov rbp, rsp",
        "push rbx",
        "push r12",
        "push r13",
        "push r14",
        "push r15",
        "sub rsp, 8",
        "mov qword ptr [r9], rsp",
        "mov rax, rdi",
        "mov rdi, rsi",
        "mov rsi, rdx",
        "mov rdx, rcx",
        "mov rcx, r8",
        "call rax",
        "2:",
        "add rsp, 8",
        "pop r15",
        "pop r14",
        "pop r13",
        "pop r12",
        "pop rbx",
        "pop rbp",
        "ret",
        ".size oxenon_hostfault_enter, .-oxenon_hostfault_enter",
        ".globl oxenon_hostfault_landing",
        ".type oxenon_hostfault_landing,@function",
        "oxenon_hostfault_landing:",
        "mov eax, {code}",
        "jmp 2b",
        ".size oxenon_hostfault_landing, .-oxenon_hostfault_landing",
        code = const super::EXIT_HOST_FAULT,
    );

    extern "C" {
        pub fn oxenon_hostfault_enter(
            trampoline: super::Trampoline,
            code: *const u8,
            ctx: *mut u8,
            membase: *mut u8,
            rt: *mut u8,
            saved_rsp: *mut usize,
        ) -> i32;
        pub fn oxenon_hostfault_landing();
    }
}

/// Calls `trampoline(code, ctx, membase, rt)` so that a fault in generated code returns
/// `EXIT_HOST_FAULT` instead of killing the process.
///
/// # Safety
/// As for calling the trampoline directly; `SUPPORTED` must be true.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
pub unsafe fn enter(
    trampoline: Trampoline,
    code: *const u8,
    ctx: *mut u8,
    membase: *mut u8,
    rt: *mut u8,
) -> i32 {
    let slot = STATE.with(|s| {
        s.in_jit.set(true);
        s.saved_rsp.as_ptr()
    });
    // SAFETY: forwarded from the caller.
    let status = unsafe { arch::oxenon_hostfault_enter(trampoline, code, ctx, membase, rt, slot) };
    STATE.with(|s| s.in_jit.set(false));
    status
}

/// # Safety
/// Never called: `SUPPORTED` is false on this host.
#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
pub unsafe fn enter(
    trampoline: Trampoline,
    code: *const u8,
    ctx: *mut u8,
    membase: *mut u8,
    rt: *mut u8,
) -> i32 {
    unsafe { trampoline(code, ctx, membase, rt) }
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
static mut PREVIOUS: [std::mem::MaybeUninit<libc::sigaction>; 2] = [
    std::mem::MaybeUninit::uninit(),
    std::mem::MaybeUninit::uninit(),
];

/// Installs the handler for SIGSEGV and SIGBUS once per process; false if that failed.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
fn install() -> bool {
    use std::sync::OnceLock;
    static DONE: OnceLock<bool> = OnceLock::new();
    *DONE.get_or_init(|| {
        for (i, sig) in [libc::SIGSEGV, libc::SIGBUS].into_iter().enumerate() {
            // SAFETY: plain sigaction calls; PREVIOUS is written here only, before the
            // handler that reads it is installed.
            unsafe {
                let mut act: libc::sigaction = std::mem::zeroed();
                act.sa_sigaction = on_fault as *const () as usize;
                act.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                libc::sigemptyset(&mut act.sa_mask);
                let prev = (*std::ptr::addr_of_mut!(PREVIOUS))[i].as_mut_ptr();
                if libc::sigaction(sig, &act, prev) != 0 {
                    return false;
                }
            }
        }
        true
    })
}

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
fn install() -> bool {
    false
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
extern "C" fn on_fault(sig: libc::c_int, info: *mut libc::siginfo_t, uctx: *mut libc::c_void) {
    // SAFETY: the kernel passes valid siginfo and ucontext pointers to an SA_SIGINFO handler.
    let (addr, uc) = unsafe {
        (
            (*info).si_addr() as usize,
            &mut *(uctx as *mut libc::ucontext_t),
        )
    };
    let (in_jit, in_helper) = STATE.with(|s| (s.in_jit.get(), s.in_helper.get()));
    let generated = in_jit && !in_helper;
    for slot in &REGISTRY {
        let base = slot.base.load(Ordering::Acquire);
        if base <= 1 || addr < base || addr - base >= SPAN {
            continue;
        }
        let page = (addr - base) >> PAGE_SHIFT;
        if page < PAGES {
            // SAFETY: registered tables outlive their registration, which is live (a fault
            // on a reservation only happens while its `Memory` is borrowed).
            let (perms, writes) = unsafe {
                (
                    &*slot.perms.load(Ordering::Acquire).add(page),
                    &*slot.writes.load(Ordering::Acquire),
                )
            };
            let write = uc.uc_mcontext.gregs[libc::REG_ERR as usize] & 2 != 0;
            let bits = perms.load(Ordering::Acquire);
            let need = if write { Perm::WRITE } else { Perm::READ };
            if bits & need.bits() != 0 {
                // The guest may do this: the host protection is the stale one.
                let was_code = write
                    && perms.fetch_and(!Perm::CODE.bits(), Ordering::AcqRel) & Perm::CODE.bits()
                        != 0;
                if was_code {
                    writes.note(page);
                }
                // SAFETY: the page is inside the reservation.
                unsafe {
                    libc::mprotect(
                        (base + (page << PAGE_SHIFT)) as *mut libc::c_void,
                        1 << PAGE_SHIFT,
                        host_prot(bits),
                    );
                }
                if !(generated && was_code) {
                    return;
                }
            }
        }
        if generated {
            STATE.with(|s| {
                s.fault_rip
                    .set(uc.uc_mcontext.gregs[libc::REG_RIP as usize] as usize);
                s.fault_budget
                    .set(uc.uc_mcontext.gregs[libc::REG_R15 as usize]);
                uc.uc_mcontext.gregs[libc::REG_RSP as usize] = s.saved_rsp.get() as i64;
            });
            uc.uc_mcontext.gregs[libc::REG_RIP as usize] =
                arch::oxenon_hostfault_landing as *const () as usize as i64;
            return;
        }
        break;
    }
    chain(sig, info, uctx);
}

/// Passes a fault that is not ours to the handler installed before, or restores the
/// default action so that returning re-raises it.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
fn chain(sig: libc::c_int, info: *mut libc::siginfo_t, uctx: *mut libc::c_void) {
    let i = usize::from(sig != libc::SIGSEGV);
    // SAFETY: PREVIOUS was filled before this handler was installed.
    unsafe {
        let prev = (*std::ptr::addr_of!(PREVIOUS))[i].assume_init_ref();
        let h = prev.sa_sigaction;
        if h != libc::SIG_DFL && h != libc::SIG_IGN {
            if prev.sa_flags & libc::SA_SIGINFO != 0 {
                let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                    std::mem::transmute(h);
                f(sig, info, uctx);
            } else {
                let f: extern "C" fn(libc::c_int) = std::mem::transmute(h);
                f(sig);
            }
            return;
        }
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = libc::SIG_DFL;
        libc::sigaction(sig, &act, std::ptr::null_mut());
    }
}
