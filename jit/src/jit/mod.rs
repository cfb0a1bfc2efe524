//! The Cranelift JIT: guest code lifted to host code, cached by guest address and mode.
//!
//! A unit is the guest code reachable from its entry through direct branches (a loop is one
//! native loop inside it). Units are entered from the dispatcher through a small trampoline and continue into each
//! other with tail calls: a direct branch reads its target's link cell and jumps straight to
//! the target's host code once it exists; a computed branch (bclr/bcctr) looks the target up
//! in a direct-mapped table. Whenever neither finds code, control returns to the dispatcher,
//! which compiles the missing unit and fills the cell and the table. Every exit leaves the
//! context exact: registers, PC and the count of retired instructions.
//!
//! Writes to guest pages that code was compiled from are logged by `Memory` (see
//! `Memory::mark_code`); the dispatcher drops the units on logged pages before running more.

mod block;
mod lift;
#[cfg(test)]
mod lift_tests_fpu;
#[cfg(test)]
mod lift_tests_mem;
#[cfg(test)]
mod lift_tests_vec;
pub mod runtime;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_cache;
#[cfg(test)]
mod tests_lazy_cr;
#[cfg(test)]
mod tests_loops;
#[cfg(test)]
mod tests_peel;
#[cfg(test)]
mod tests_quiet;
#[cfg(test)]
mod tests_switch;
#[cfg(test)]
mod tests_twins;
#[cfg(test)]
mod tests_units;
#[cfg(test)]
mod tests_unstored;
mod twins;

use crate::interp::{self, Exit, Limits};
use crate::memory::hostfault;
use crate::{Context, Memory};
use cranelift_codegen::ir::{types, AbiParam, Function, InstBuilder, Signature, UserFuncName};
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Linkage, Module};
use runtime::{
    fast_index, fast_key, FastEntry, Runtime, EXIT_BUDGET, EXIT_CODE_WRITTEN, EXIT_DISPATCH,
    FAST_ENTRIES,
};
use std::collections::{HashMap, HashSet};
use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, thiserror::Error)]
pub enum JitError {
    #[error("the host CPU is not supported by Cranelift: {0}")]
    Host(String),
    #[error("Cranelift rejected unit at {pc:#010x}: {message}")]
    Compile { pc: u32, message: String },
    #[error("host fault at {rip:#x} in generated code outside any guest access")]
    Fault { rip: usize },
}

/// Compile statistics, reported on request (`--jit-stats`).
#[derive(Clone, Debug, Default)]
pub struct JitStats {
    pub units: u64,
    pub guest_instructions: u64,
    /// Instructions executed through the interpreter because they are not lifted natively.
    pub fallback_instructions: u64,
    /// Instructions run through the interpreter at run time, by fallbacks and by guarded
    /// fast paths whose guard failed.
    pub interpreted_instructions: u64,
    pub compile_time: Duration,
    pub code_bytes: u64,
    /// Writes to guest pages holding compiled code that this engine acted on.
    pub invalidations: u64,
    /// Instructions run by the interpreter before their code became hot enough to compile.
    pub cold_instructions: u64,
    /// Units thrown away because their code was rewritten (or `stop_at` moved into them).
    pub units_dropped: u64,
    /// Units compiled again with inline FP full paths (see `Jit::set_adaptive_fp`).
    pub fp_recompiles: u64,
    /// Units dropped to be compiled again with a `bcctr` target they lacked.
    pub indirect_recompiles: u64,
    /// Units entered from the dispatcher (not from another unit's code).
    pub entries: u64,
    /// Times the whole code cache was discarded to free dropped units' memory.
    pub flushes: u64,
    /// Conditional branches compiled as a choice between their twin arms' loads
    /// (`twins`) instead of as branches.
    pub twin_branches: u64,
    /// Units dropped to be compiled again with a branch between twin arms that faulted too
    /// often where the guest did not (`Jit::note_twin_fault`).
    pub twin_recompiles: u64,
    /// Units dropped to be compiled again because they were entered with another `switch`
    /// base than the one they check at their entry (`Jit::note_base_miss`).
    pub base_recompiles: u64,
    /// Loop heads given a copy for the jumps from outside their loop
    /// (`block::peel_loop_heads`).
    pub peeled_heads: u64,
}

impl JitStats {
    /// Adds another engine's figures (one engine per hardware thread, or per test file).
    pub fn merge(&mut self, other: &JitStats) {
        self.units += other.units;
        self.guest_instructions += other.guest_instructions;
        self.fallback_instructions += other.fallback_instructions;
        self.interpreted_instructions += other.interpreted_instructions;
        self.compile_time += other.compile_time;
        self.code_bytes += other.code_bytes;
        self.invalidations += other.invalidations;
        self.cold_instructions += other.cold_instructions;
        self.units_dropped += other.units_dropped;
        self.fp_recompiles += other.fp_recompiles;
        self.indirect_recompiles += other.indirect_recompiles;
        self.entries += other.entries;
        self.flushes += other.flushes;
        self.twin_branches += other.twin_branches;
        self.twin_recompiles += other.twin_recompiles;
        self.base_recompiles += other.base_recompiles;
        self.peeled_heads += other.peeled_heads;
    }
}

impl std::fmt::Display for JitStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let per_unit = |x: u64| x as f64 / self.units.max(1) as f64;
        writeln!(
            f,
            "jit: {} units compiled in {:.1} ms ({:.1} us each), {:.1} KiB host code",
            self.units,
            self.compile_time.as_secs_f64() * 1e3,
            self.compile_time.as_secs_f64() * 1e6 / self.units.max(1) as f64,
            self.code_bytes as f64 / 1024.0
        )?;
        writeln!(
            f,
            "jit: {} guest instructions compiled ({:.1} per unit), {} of them as interpreter calls ({:.1}%)",
            self.guest_instructions,
            per_unit(self.guest_instructions),
            self.fallback_instructions,
            100.0 * self.fallback_instructions as f64 / self.guest_instructions.max(1) as f64
        )?;
        writeln!(
            f,
            "jit: {} instructions interpreted while their code was cold, {} branches between twin arms merged, {} loop heads peeled",
            self.cold_instructions, self.twin_branches, self.peeled_heads
        )?;
        write!(
            f,
            "jit: {} code-page writes invalidated code, {} units dropped, {} entries from the dispatcher, {} cache flushes",
            self.invalidations, self.units_dropped, self.entries, self.flushes
        )
    }
}

type Key = (u32, bool);

/// Entries with another `switch` base than the unit checks for (`Jit::note_base_miss`) after
/// which units compare the base at the switch instead: each costs a compile.
const BASE_MISSES: u32 = 4;

/// Host faults of twin arms' loads the guest never made (`Jit::note_twin_fault`) after which
/// their branch is compiled as a branch: each costs a return to the dispatcher.
const TWIN_FAULTS: u32 = 8;

/// Longest straight run the cold path interprets before the dispatcher looks again.
const MAX_COLD_RUN: u32 = 256;

/// Exits outside the FP quick state after which a unit gets inline full paths
/// (`Jit::set_adaptive_fp`): enough to ignore the few instructions a program runs before its
/// first inexact result, few enough that a program working in another mode soon runs
/// compiled code.
pub const FP_MISSES: u32 = 8;
/// `trampoline(code, ctx, membase, runtime)`: the host-ABI entry into a unit.
type Trampoline = hostfault::Trampoline;

/// A compiled unit: its host code (leaked when the unit is dropped, see docs/JIT.md) and the
/// guest pages its instructions came from.
struct Unit {
    code: *const u8,
    pages: Vec<u32>,
    size: u32,
    /// Host code ranges (offsets from `code`) of unchecked guest accesses, with the index of
    /// their entry in `sites`; ascending.
    fault_ranges: Vec<(u32, u32, u32)>,
    /// Where to resume after a fault, per access (see `lift::FaultSite`).
    sites: Vec<lift::FaultSite>,
    /// FP instructions compiled without their full path (`Jit::set_adaptive_fp`).
    fp_quick_only: Vec<u32>,
    /// Its `bcctr`s whose targets `Jit::indirect` lists (see `block::IndirectTargets`).
    indirect_sites: Vec<u32>,
    /// The `switch`es whose base it checks at its entry (`lift::check_fixed_bases`).
    fixed_bases: Vec<u32>,
    /// The sets of lazy CR fields its fault sites name (`lift::FaultSite::lazy`) and its
    /// code points to (`Runtime::lazy_cr`).
    #[allow(clippy::vec_box)] // boxed so that their addresses, baked into code, never move
    lazy_sets: Vec<Box<lift::LazyCr>>,
}

pub struct Jit {
    /// Freed by hand (`JITModule` leaves its code memory allocated when dropped, so that
    /// pointers into it stay valid): at a flush, and when the engine is dropped.
    module: ManuallyDrop<JITModule>,
    /// The module's target without Cranelift's optimizer, for units that do not want it
    /// (`block::Region::wants_optimizer`).
    quick_isa: OwnedTargetIsa,
    fctx: FunctionBuilderContext,
    trampoline: Trampoline,
    units: HashMap<Key, Unit>,
    /// Units by guest page, to drop them when the page is written.
    by_page: HashMap<u32, Vec<Key>>,
    /// `Memory::code_epoch` up to which code-page writes have been acted on.
    seen_epoch: u64,
    /// `Memory::serial` of the memory the cache belongs to (units bake in its layout).
    memory: u64,
    /// Whether runs use a context slot of the memory (`set_context_slots`), and the slot
    /// claimed from the memory with that serial (`None` when all were taken).
    context_slots: bool,
    slot: Option<(u64, Option<usize>)>,
    /// A `stop_at` address no cached unit contains.
    clean_for: Option<u32>,
    /// Most guest blocks per unit.
    unit_blocks: usize,
    /// Link cells by target; boxed so their addresses, baked into code, never move.
    links: HashMap<Key, Box<AtomicPtr<u8>>>,
    fast: Box<[FastEntry]>,
    stats: JitStats,
    next_id: u32,
    /// Entries into not-yet-compiled code per address; see `set_hot_threshold`.
    hits: HashMap<Key, u32>,
    hot_threshold: u32,
    /// `set_adaptive_fp`, and per FP instruction the misses seen and whether it is given
    /// its full path.
    adaptive_fp: bool,
    fp_misses: HashMap<u32, u32>,
    fp_general: HashSet<u32>,
    /// `OXENON_JIT_DUMP`: a directory that receives every unit's host code.
    dump_dir: Option<std::path::PathBuf>,
    /// Use host page protection instead of inline checks where the memory supports it.
    host_faults: bool,
    /// Units by host code address, to find the one a host fault happened in.
    by_code: std::collections::BTreeMap<usize, Key>,
    /// Targets seen per non-linking `bcctr`, which units holding it dispatch to inline,
    /// and how often its units were compiled again to take in a new one.
    indirect: block::IndirectTargets,
    relearned: HashMap<u32, u32>,
    /// Per `switch` site (`block::TableSwitch`), its base register's value when its targets
    /// were learned.
    table_bases: HashMap<u32, u64>,
    /// Per `switch` site, units entered with another base than they checked for
    /// (`Runtime::base_miss`); and the sites whose units compare it at the switch
    /// (`BASE_MISSES`).
    base_misses: HashMap<u32, u32>,
    bases_unfixed: HashSet<u32>,
    /// Per block running twin arms as one (`twins`), host faults of an arm's load that the
    /// guest never made; and the blocks that no longer run them so (`TWIN_FAULTS`).
    twin_faults: HashMap<u32, u32>,
    twins_off: HashSet<u32>,
    /// Host code bytes of units dropped since the module was last replaced, and the amount
    /// that replaces it (`flush_if_wasteful`).
    dropped_bytes: u64,
    flush_after: u64,
}

/// Dropped units' host code that makes the engine start a new code module: cranelift-jit
/// frees code memory only a module at a time.
const FLUSH_AFTER: u64 = 64 << 20;

/// Times the units holding one `bcctr` are compiled again for targets they lacked, and the
/// most targets learned per `bcctr`: a `switch` settles after a few, while a branch through
/// a table of many functions would keep recompiling.
const INDIRECT_RELEARN: u32 = 4;
const INDIRECT_TARGETS: usize = 64;

/// What one lifting pass of a unit left.
struct Pass {
    /// The first pass's plan for the final one (`None` from the final pass).
    plan: Option<lift::Plan>,
    fallbacks: usize,
    /// Branches whose twin arms run as one.
    twins: usize,
    sites: Vec<lift::FaultSite>,
    fp_quick_only: Vec<u32>,
    #[allow(clippy::vec_box)] // boxed so that their addresses, baked into code, never move
    lazy_sets: Vec<Box<lift::LazyCr>>,
    fixed_bases: Vec<u32>,
}

/// Lifts `region` into `func`: the first pass without a plan, the final one with it.
fn lift_pass(
    fctx: &mut FunctionBuilderContext,
    env: &mut Env,
    func: &mut Function,
    region: &block::Region,
    sf: bool,
    isa: &dyn cranelift_codegen::isa::TargetIsa,
    plan: Option<lift::Plan>,
) -> Pass {
    let first = plan.is_none();
    let mut b = FunctionBuilder::new(func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    b.seal_block(entry);
    let p = b.block_params(entry).to_vec();
    let mut l = lift::Lifter::new(&mut b, env, [p[0], p[1], p[2]], sf, isa.default_call_conv());
    if let Some(plan) = plan {
        l.set_plan(plan);
    }
    let fallbacks = lift::lift_unit(&mut l, region);
    let pass = Pass {
        plan: first.then(|| l.recorded(region)),
        fallbacks,
        twins: l.twin_branches(),
        sites: l.fault_sites().to_vec(),
        fp_quick_only: l.fp_quick_only().to_vec(),
        lazy_sets: l.take_lazy_sets(),
        fixed_bases: l.fixed_base_sites(),
    };
    b.seal_all_blocks();
    b.finalize(isa.frontend_config());
    pass
}

/// Writes a unit's host code to `dir/NAME@ADDRESS.bin`, for
/// `objdump -D -b binary -mi386:x86-64 --adjust-vma=ADDRESS` next to a `perf script` profile.
fn dump_code(dir: &std::path::Path, name: &str, code: *const u8, size: u32) {
    // SAFETY: `code` is the start of a finalized function of `size` bytes.
    let bytes = unsafe { std::slice::from_raw_parts(code, size as usize) };
    let path = dir.join(format!("{name}@{:x}.bin", code as usize));
    if let Err(e) = std::fs::write(&path, bytes) {
        tracing::warn!("cannot write {}: {e}", path.display());
    }
}

/// What the lifter sees of the engine while it compiles one unit.
struct Env<'a> {
    links: &'a mut HashMap<Key, Box<AtomicPtr<u8>>>,
    /// The units compiled so far: a new cell to one of them starts linked.
    units: &'a HashMap<Key, Unit>,
    fast: *const u8,
    sf: bool,
    perms: *const u8,
    host_faults: bool,
    /// Instructions that get inline FP full paths; `None`: all of them.
    fp_general: Option<&'a HashSet<u32>>,
    indirect: &'a block::IndirectTargets,
    relearned: &'a HashMap<u32, u32>,
    context_offset: Option<i32>,
    mem: &'a Memory,
    table_bases: &'a HashMap<u32, u64>,
    bases_unfixed: &'a HashSet<u32>,
    twins_off: &'a HashSet<u32>,
    /// Pages of guest words the unit takes as constants (`constant_word`).
    data_pages: Vec<u32>,
}

impl lift::Environment for Env<'_> {
    fn twins_allowed(&self, block: u32) -> bool {
        !self.twins_off.contains(&block)
    }
    fn context_offset(&self) -> Option<i32> {
        self.context_offset
    }
    fn table_base(&self, site: u32) -> Option<u64> {
        self.table_bases.get(&site).copied()
    }
    fn base_fixed(&self, site: u32) -> bool {
        !self.bases_unfixed.contains(&site)
    }
    fn constant_word(&mut self, addr: u32) -> Option<u32> {
        // Only words the guest cannot write: a table in a writable page would drop the unit
        // at every write to its neighbours.
        let perm = self.mem.perm(addr);
        if !perm.contains(crate::Perm::READ)
            || perm.contains(crate::Perm::WRITE)
            || !addr.is_multiple_of(4)
        {
            return None;
        }
        // Marked before the read, as code is, so a write from now on finds the mark.
        self.mem.mark_code(addr);
        let word = self.mem.read_u32(addr).ok()?;
        if !self.data_pages.contains(&(addr >> 12)) {
            self.data_pages.push(addr >> 12);
        }
        Some(word)
    }
    fn link_cell(&mut self, target: u32) -> *const AtomicPtr<u8> {
        let key = (target, self.sf);
        let code = self
            .units
            .get(&key)
            .map_or(std::ptr::null_mut(), |u| u.code as *mut u8);
        let cell = self
            .links
            .entry(key)
            .or_insert_with(|| Box::new(AtomicPtr::new(code)));
        &**cell as *const AtomicPtr<u8>
    }
    fn fallback(&self) -> *const u8 {
        runtime::interp_one as *const u8
    }
    fn perms(&self) -> *const u8 {
        self.perms
    }
    fn host_faults(&self) -> bool {
        self.host_faults
    }
    fn fp_full_path(&self, pc: u32) -> bool {
        self.fp_general.is_none_or(|g| g.contains(&pc))
    }
    fn fast_table(&self) -> *const u8 {
        self.fast
    }
    fn indirect_learning(&self, site: u32) -> bool {
        indirect_learning(self.indirect, self.relearned, site)
    }
}

fn indirect_learning(
    indirect: &block::IndirectTargets,
    relearned: &HashMap<u32, u32>,
    site: u32,
) -> bool {
    relearned.get(&site).copied().unwrap_or(0) < INDIRECT_RELEARN
        && indirect.get(&site).map_or(0, Vec::len) < INDIRECT_TARGETS
}

impl Drop for Jit {
    fn drop(&mut self) {
        // SAFETY: the engine is going, and every pointer into its code (units, link cells,
        // the fast table, the trampoline) goes with it; none of its code is running (`run`
        // borrows the engine for as long as it runs).
        unsafe { ManuallyDrop::take(&mut self.module).free_memory() };
    }
}

impl Jit {
    /// A code module for x86-64 with the settings units are compiled with, and its
    /// trampoline.
    fn new_module() -> Result<(JITModule, Trampoline), JitError> {
        let isa = Self::host_isa("speed")?;
        let mut module = JITModule::new(JITBuilder::with_isa(isa, default_libcall_names()));
        let trampoline = Self::build_trampoline(&mut module)?;
        Ok((module, trampoline))
    }

    /// The x86-64 target units are compiled for, at Cranelift's `opt_level` `opt`.
    fn host_isa(opt: &str) -> Result<OwnedTargetIsa, JitError> {
        let mut flags = settings::builder();
        let set = |f: &mut settings::Builder, k: &str, v: &str| {
            f.set(k, v)
                .map_err(|e| JitError::Host(format!("{k}={v}: {e}")))
        };
        set(&mut flags, "opt_level", opt)?;
        // The IR verifier costs several percent of compile time; debug builds, the unit
        // tests and `OXENON_JIT_VERIFY=1` keep it. Release builds compile IR the verifier
        // would reject without a word (a 64-bit `br_table` index ran right on x86-64 for a
        // while), so the tests run it.
        let verify = if cfg!(debug_assertions)
            || cfg!(test)
            || std::env::var_os("OXENON_JIT_VERIFY").is_some_and(|v| v == "1")
        {
            "true"
        } else {
            "false"
        };
        set(&mut flags, "enable_verifier", verify)?;
        set(&mut flags, "preserve_frame_pointers", "true")?;
        // The instruction budget's register (see `lift::Lifter::budget_value`).
        set(&mut flags, "enable_pinned_reg", "true")?;
        cranelift_native::builder()
            .map_err(|e| JitError::Host(e.to_string()))?
            .finish(settings::Flags::new(flags))
            .map_err(|e| JitError::Host(e.to_string()))
    }

    pub fn new() -> Result<Self, JitError> {
        let (module, trampoline) = Self::new_module()?;
        Ok(Self {
            module: ManuallyDrop::new(module),
            quick_isa: Self::host_isa("none")?,
            fctx: FunctionBuilderContext::new(),
            trampoline,
            units: HashMap::new(),
            by_page: HashMap::new(),
            seen_epoch: 0,
            memory: 0,
            context_slots: true,
            slot: None,
            clean_for: None,
            unit_blocks: block::MAX_UNIT_BLOCKS,
            links: HashMap::new(),
            fast: vec![FastEntry::default(); FAST_ENTRIES].into_boxed_slice(),
            stats: JitStats::default(),
            next_id: 0,
            hits: HashMap::new(),
            hot_threshold: 0,
            adaptive_fp: true,
            fp_misses: HashMap::new(),
            fp_general: HashSet::new(),
            dump_dir: std::env::var_os("OXENON_JIT_DUMP").map(std::path::PathBuf::from),
            host_faults: true,
            by_code: std::collections::BTreeMap::new(),
            indirect: HashMap::new(),
            relearned: HashMap::new(),
            table_bases: HashMap::new(),
            base_misses: HashMap::new(),
            bases_unfixed: HashSet::new(),
            twin_faults: HashMap::new(),
            twins_off: HashSet::new(),
            dropped_bytes: 0,
            flush_after: FLUSH_AFTER,
        })
    }

    /// Discard the whole cache and free its host memory once dropped units' code adds up to
    /// `bytes` (see `flush_if_wasteful`).
    pub fn set_flush_after(&mut self, bytes: u64) {
        self.flush_after = bytes;
    }

    /// Frees the host code of dropped units, which the code module can only free all at
    /// once: when they add up to `flush_after`, every unit goes, with the module, and the
    /// code still in use is compiled again as it runs. Called from the dispatcher, where no
    /// code of this engine is running; nothing outside the engine points into its code.
    fn flush_if_wasteful(&mut self) -> Result<(), JitError> {
        if self.dropped_bytes < self.flush_after {
            return Ok(());
        }
        let (module, trampoline) = Self::new_module()?;
        self.drop_all_units();
        // Link cells are only read by code of the old module; the fast table is cleared
        // whole, whatever `drop_unit` left in it.
        self.links.clear();
        self.fast.fill(FastEntry::default());
        self.hits.clear();
        let old = ManuallyDrop::into_inner(std::mem::replace(
            &mut self.module,
            ManuallyDrop::new(module),
        ));
        self.trampoline = trampoline;
        // SAFETY: no unit of `old` can run again: none is in `units`, `links` or `fast`, the
        // trampoline is the new module's, and this engine's code is not on the stack (the
        // dispatcher calls this between runs of units).
        unsafe { old.free_memory() };
        self.dropped_bytes = 0;
        self.stats.flushes += 1;
        tracing::debug!("code cache flushed ({} so far)", self.stats.flushes);
        Ok(())
    }

    /// Compile code only once execution has entered it more than `n` times; until then the
    /// interpreter runs it, one block at a time. Compiling costs about as much as interpreting
    /// tens of thousands of instructions, so programs with much run-once code (start-up,
    /// initialisation) finish sooner with a threshold, while loops still compile after `n`
    /// iterations. 0 (the default) compiles everything on first entry, which tests and the
    /// fuzzer rely on to exercise the JIT.
    pub fn set_hot_threshold(&mut self, n: u32) {
        self.hot_threshold = n;
    }

    /// Whether FP arithmetic starts without its inline full path (the default, with host
    /// faults): an instruction that finds the FPSCR outside the quick state (XX set,
    /// round-to-nearest, no enables; see `lift::fpu`) or an operand case only the full path
    /// handles (a single-precision tie) leaves the unit through the interpreter, and one
    /// that does so `FP_MISSES` times is compiled again, in every unit, with its full path
    /// inline. Programs spend nearly all their time in the quick state, so most units never
    /// carry the long exact-FPSCR code, which is most of an FP unit's compile time. Off:
    /// every instruction has its full path from the start. Drops the compiled units.
    pub fn set_adaptive_fp(&mut self, on: bool) {
        if on != self.adaptive_fp {
            self.adaptive_fp = on;
            self.drop_all_units();
        }
    }

    /// Counts an FP instruction's exit outside the quick state (`Runtime::fp_miss`). On the
    /// `FP_MISSES`th, the units holding it without its full path are dropped, to be
    /// compiled again with the full path for it and for every other instruction of theirs
    /// that has missed at all (so that a unit is not compiled again once per instruction).
    fn note_fp_miss(&mut self, miss: u64) {
        let pc = miss as u32;
        let n = self.fp_misses.entry(pc).or_insert(0);
        *n += 1;
        if *n < FP_MISSES || self.fp_general.contains(&pc) {
            return;
        }
        let holders: Vec<Key> = self
            .units
            .iter()
            .filter(|(_, u)| u.fp_quick_only.contains(&pc))
            .map(|(k, _)| *k)
            .collect();
        self.fp_general.insert(pc);
        for k in holders {
            if let Some(unit) = self.units.get(&k) {
                for p in &unit.fp_quick_only {
                    if self.fp_misses.contains_key(p) {
                        self.fp_general.insert(*p);
                    }
                }
            }
            self.drop_unit(k);
            self.stats.fp_recompiles += 1;
        }
    }

    /// Whether generated code may rely on host page protection (`memory::hostfault`) for
    /// memories that support it (the default), or must check every access inline. Drops
    /// the compiled units, which were made for the other way.
    pub fn set_host_faults(&mut self, on: bool) {
        if on != self.host_faults {
            self.host_faults = on;
            self.drop_all_units();
        }
    }

    pub fn stats(&self) -> &JitStats {
        &self.stats
    }

    /// Limits units to `blocks` guest blocks from now on (1 gives one block per unit, as
    /// before multi-block units; for comparisons and bisecting).
    pub fn set_unit_blocks(&mut self, blocks: usize) {
        self.unit_blocks = blocks.clamp(1, block::MAX_UNIT_BLOCKS);
    }

    /// Drops this engine's units compiled from guest pages overlapping `addr..addr+len`.
    /// Writes through `Memory` (stores, `poke_bytes`, `map`) already invalidate every engine;
    /// this is for a host that knows code changed some other way. To reach every engine on a
    /// memory, use `Memory::invalidate_code` instead.
    pub fn invalidate_range(&mut self, addr: u32, len: u64) {
        if len == 0 {
            return;
        }
        let first = addr >> 12;
        let last = ((u64::from(addr) + len - 1).min(u64::from(u32::MAX)) >> 12) as u32;
        let pages: Vec<u32> = self
            .by_page
            .keys()
            .copied()
            .filter(|p| (first..=last).contains(p))
            .collect();
        for p in pages {
            self.drop_page(p);
        }
    }

    /// Acts on code-page writes logged in `mem` since the last call.
    fn sync_code(&mut self, mem: &Memory) {
        let id = mem.serial();
        let now = mem.code_epoch();
        if id != self.memory || now < self.seen_epoch {
            self.drop_all_units();
            self.memory = id;
            self.seen_epoch = now;
            return;
        }
        if now == self.seen_epoch {
            return;
        }
        let (pages, epoch) = mem.code_writes_since(self.seen_epoch);
        self.seen_epoch = epoch;
        let Some(pages) = pages else {
            // This engine fell behind the log's oldest entry: any code may be stale.
            self.stats.invalidations += 1;
            self.drop_all_units();
            return;
        };
        for p in pages {
            if self.by_page.contains_key(&p) {
                self.stats.invalidations += 1;
                self.drop_page(p);
            }
        }
    }

    fn drop_page(&mut self, page: u32) {
        // What was learned about branches on the page describes code that is gone.
        self.indirect.retain(|site, _| site >> 12 != page);
        self.relearned.retain(|site, _| site >> 12 != page);
        self.table_bases.retain(|site, _| site >> 12 != page);
        for key in self.by_page.remove(&page).unwrap_or_default() {
            self.drop_unit(key);
        }
    }

    fn drop_all_units(&mut self) {
        let keys: Vec<Key> = self.units.keys().copied().collect();
        for k in keys {
            self.drop_unit(k);
        }
    }

    /// Forgets a unit: later branches to it find a null link cell or a table miss and return
    /// to the dispatcher, which compiles the code afresh.
    fn drop_unit(&mut self, key: Key) {
        let Some(unit) = self.units.remove(&key) else {
            return;
        };
        self.by_code.remove(&(unit.code as usize));
        for p in &unit.pages {
            if let Some(keys) = self.by_page.get_mut(p) {
                keys.retain(|k| *k != key);
                if keys.is_empty() {
                    self.by_page.remove(p);
                }
            }
        }
        if let Some(cell) = self.links.get(&key) {
            cell.store(std::ptr::null_mut(), Ordering::Release);
        }
        self.dropped_bytes += u64::from(unit.size);
        let idx = fast_index(key.0);
        if self.fast[idx].key == fast_key(key.0, key.1) {
            self.fast[idx] = FastEntry::default();
        }
        self.stats.units_dropped += 1;
    }

    /// The host-ABI entry: calls a unit (tail-call convention) and returns its exit code.
    fn build_trampoline(module: &mut JITModule) -> Result<Trampoline, JitError> {
        let ptr = types::I64;
        let mut sig = Signature::new(module.isa().default_call_conv());
        for _ in 0..4 {
            sig.params.push(AbiParam::new(ptr));
        }
        sig.returns.push(AbiParam::new(types::I32));
        let err = |e: cranelift_module::ModuleError| JitError::Compile {
            pc: 0,
            message: e.to_string(),
        };
        let id = module
            .declare_function("oxenon_enter", Linkage::Local, &sig)
            .map_err(err)?;
        let mut ctx = module.make_context();
        ctx.func.signature = sig;
        let mut fctx = FunctionBuilderContext::new();
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
            let entry = b.create_block();
            b.append_block_params_for_function_params(entry);
            b.switch_to_block(entry);
            b.seal_block(entry);
            let p = b.block_params(entry).to_vec();
            let unit_sig = b.import_signature(lift::unit_signature());
            // The pinned register is callee-saved for our caller and the budget for the
            // units (which store it back in `Runtime::budget` when they return).
            let saved = b.ins().get_pinned_reg(ptr);
            let off = std::mem::offset_of!(Runtime, budget) as i32;
            let budget = b.ins().load(ptr, lift::ctx_flags(), p[3], off);
            b.ins().set_pinned_reg(budget);
            let call = b.ins().call_indirect(unit_sig, p[0], &[p[1], p[2], p[3]]);
            let r = b.inst_results(call)[0];
            b.ins().set_pinned_reg(saved);
            b.ins().return_(&[r]);
            b.finalize(module.isa().frontend_config());
        }
        module.define_function(id, &mut ctx).map_err(err)?;
        module.finalize_definitions().map_err(err)?;
        let code = module.get_finalized_function(id);
        // SAFETY: the function was just built with exactly this signature.
        Ok(unsafe { std::mem::transmute::<*const u8, Trampoline>(code) })
    }

    /// Host code for the unit at `pc`, compiling it if needed. `None` when no instruction can
    /// be fetched or decoded there (the interpreter will report why).
    fn unit(
        &mut self,
        mem: &Memory,
        pc: u32,
        sf: bool,
        stop_at: Option<u32>,
    ) -> Result<Option<*const u8>, JitError> {
        if let Some(unit) = self.units.get(&(pc, sf)) {
            return Ok(Some(unit.code));
        }
        let started = Instant::now();
        let Some(region) =
            block::discover_region(mem, pc, stop_at, self.unit_blocks, &self.indirect, &|t| {
                self.units.contains_key(&(t, sf))
            })
        else {
            return Ok(None);
        };
        if stop_at != self.clean_for {
            self.clean_for = None;
        }
        let err = |e: cranelift_module::ModuleError| JitError::Compile {
            pc,
            message: format!("{e:?}"),
        };
        let sig = lift::unit_signature();
        let name = format!("u{}_{pc:08x}", self.next_id);
        self.next_id += 1;
        let id = self
            .module
            .declare_function(&name, Linkage::Local, &sig)
            .map_err(err)?;
        let mut ctx = self.module.make_context();
        ctx.func.signature = sig.clone();
        ctx.func.name = UserFuncName::user(0, id.as_u32());
        let context_offset = self.slot_of(mem).map(|slot| mem.context_slot(slot).1);
        let isa = self.module.isa();
        let host_faults = self.uses_host_faults(mem);
        // Leaving the unit outside the quick state needs the host-fault kind of exits
        // (guards that leave rather than rejoin).
        let adaptive = host_faults && self.adaptive_fp;
        let mut env = Env {
            fast: self.fast.as_ptr() as *const u8,
            links: &mut self.links,
            units: &self.units,
            sf,
            perms: mem.perms_base(),
            host_faults,
            fp_general: adaptive.then_some(&self.fp_general),
            indirect: &self.indirect,
            relearned: &self.relearned,
            context_offset,
            mem,
            table_bases: &self.table_bases,
            bases_unfixed: &self.bases_unfixed,
            twins_off: &self.twins_off,
            data_pages: Vec::new(),
        };
        // First pass, thrown away: the jumps between blocks the plan is made from (see
        // `lift::lift_unit`).
        let mut scratch = Function::with_name_signature(UserFuncName::default(), sig.clone());
        let mut first = lift_pass(
            &mut self.fctx,
            &mut env,
            &mut scratch,
            &region,
            sf,
            isa,
            None,
        );
        // Loop heads that a jump from outside would make build CR fields on every way round
        // get a copy for those jumps (`block::peel_loop_heads`), and the first pass runs
        // again on the unit with the copies.
        let peel = first
            .plan
            .as_mut()
            .map(lift::Plan::take_peel)
            .unwrap_or_default();
        let region = if peel.is_empty() {
            region
        } else {
            let peeled = block::peel_loop_heads(&region, &peel);
            scratch = Function::with_name_signature(UserFuncName::default(), sig.clone());
            first = lift_pass(
                &mut self.fctx,
                &mut env,
                &mut scratch,
                &peeled,
                sf,
                isa,
                None,
            );
            self.stats.peeled_heads += peel.len().min(block::MAX_PEELED) as u64;
            peeled
        };
        let last = lift_pass(
            &mut self.fctx,
            &mut env,
            &mut ctx.func,
            &region,
            sf,
            isa,
            first.plan,
        );
        self.stats.fallback_instructions += last.fallbacks as u64;
        self.stats.twin_branches += last.twins as u64;
        let sites = last.sites;
        let fp_quick_only = last.fp_quick_only;
        let lazy_sets = last.lazy_sets;
        let fixed_bases = last.fixed_bases;
        // RUST_LOG=oxenon_jit=trace shows each unit's IR and host code.
        let dump = tracing::enabled!(tracing::Level::TRACE);
        ctx.set_disasm(dump);
        if region.wants_optimizer() {
            self.module.define_function(id, &mut ctx).map_err(err)?;
        } else {
            Self::define_quickly(&mut self.module, &*self.quick_isa, id, &mut ctx, pc)?;
        }
        if dump {
            let host = ctx.compiled_code().and_then(|c| c.vcode.clone());
            tracing::trace!(
                "unit {name}:\n{}\n{}",
                ctx.func.display(),
                host.unwrap_or_default()
            );
        }
        let size = ctx.compiled_code().map_or(0, |c| c.code_info().total_size);
        let fault_ranges: Vec<(u32, u32, u32)> = ctx
            .compiled_code()
            .map(|c| {
                c.buffer
                    .get_srclocs_sorted()
                    .iter()
                    .filter(|r| !r.loc.is_default())
                    .map(|r| (r.start, r.end, r.loc.bits()))
                    .collect()
            })
            .unwrap_or_default();
        self.module.clear_context(&mut ctx);
        self.module.finalize_definitions().map_err(err)?;
        let code = self.module.get_finalized_function(id);
        if let Some(dir) = &self.dump_dir {
            dump_code(dir, &name, code, size);
        }
        let indirect_sites = region
            .blocks
            .iter()
            .filter_map(block::indirect_site)
            .collect();
        let mut pages = region.pages();
        for p in std::mem::take(&mut env.data_pages) {
            if !pages.contains(&p) {
                pages.push(p);
            }
        }
        for &p in &pages {
            self.by_page.entry(p).or_default().push((pc, sf));
        }
        self.by_code.insert(code as usize, (pc, sf));
        self.units.insert(
            (pc, sf),
            Unit {
                code,
                pages,
                size,
                fault_ranges,
                sites,
                fp_quick_only,
                indirect_sites,
                fixed_bases,
                lazy_sets,
            },
        );
        if let Some(cell) = self.links.get(&(pc, sf)) {
            cell.store(code as *mut u8, Ordering::Release);
        }
        tracing::debug!(
            "unit {name}: {} blocks, {} instructions, {size} bytes, {:?}",
            region.blocks.len(),
            region.instructions(),
            started.elapsed()
        );
        self.stats.units += 1;
        self.stats.guest_instructions += region.instructions() as u64;
        self.stats.code_bytes += u64::from(size);
        self.stats.compile_time += started.elapsed();
        Ok(Some(code))
    }

    /// `Module::define_function` with the target that skips Cranelift's optimizer
    /// (`block::Region::wants_optimizer`): with every unit compiled so, SQLite spent 0.45 s
    /// in Cranelift instead of 0.82 s.
    fn define_quickly(
        module: &mut JITModule,
        isa: &dyn cranelift_codegen::isa::TargetIsa,
        id: cranelift_module::FuncId,
        ctx: &mut cranelift_codegen::Context,
        pc: u32,
    ) -> Result<(), JitError> {
        let err = |message: String| JitError::Compile { pc, message };
        ctx.compile(isa, &mut Default::default())
            .map_err(|e| err(format!("{:?}", e.inner)))?;
        let compiled = ctx
            .compiled_code()
            .ok_or_else(|| err("no code after compiling".into()))?;
        let relocs: Vec<cranelift_module::ModuleReloc> = compiled
            .buffer
            .relocs()
            .iter()
            .map(|r| cranelift_module::ModuleReloc::from_mach_reloc(r, &ctx.func, id))
            .collect();
        let alignment = u64::from(compiled.buffer.alignment);
        module
            .define_function_bytes(id, alignment, compiled.code_buffer(), &relocs)
            .map_err(|e| err(format!("{e:?}")))
    }

    /// Whether runs copy the context into a slot of the memory (`Memory::claim_context_slot`),
    /// which lets units address guest memory from the context pointer (the default), or run
    /// on the caller's context and take the base in a register. Drops the compiled units.
    pub fn set_context_slots(&mut self, on: bool) {
        if on != self.context_slots {
            self.context_slots = on;
            self.drop_all_units();
        }
    }

    /// This engine's context slot in `mem`, claimed on first use.
    fn slot_of(&mut self, mem: &Memory) -> Option<usize> {
        if !self.context_slots {
            return None;
        }
        match self.slot {
            Some((serial, slot)) if serial == mem.serial() => slot,
            _ => {
                let slot = mem.claim_context_slot();
                self.slot = Some((mem.serial(), slot));
                slot
            }
        }
    }

    /// Runs guest code like `interp::run`: until an exit, at most `limits.max_instructions`
    /// instructions, stopping before `limits.stop_at`. Returns the exit and the number of
    /// instructions retired.
    pub fn run(
        &mut self,
        ctx: &mut Context,
        mem: &Memory,
        limits: Limits,
    ) -> Result<(Exit, u64), JitError> {
        // Precise floating-point exceptions (MSR[FE0,FE1], which no title sets) are the
        // interpreter's: compiled code keeps FPSCR's exception state lazily and never stops
        // after an FP instruction to look at FEX.
        if ctx.fp_exceptions_precise() {
            let (exit, n) = crate::interp::run(ctx, mem, limits);
            self.stats.interpreted_instructions += n;
            return Ok((exit, n));
        }
        let Some(slot) = self.slot_of(mem) else {
            return self.run_with(ctx, &mut Runtime::new(mem), mem, limits);
        };
        let slot = mem.context_slot(slot).0;
        // SAFETY: the slot is this engine's alone for as long as `mem` lives, only this call
        // touches it, and it has room for the runtime after the context (`RUNTIME_IN_SLOT`).
        let (here, rt) = unsafe {
            let rt = slot
                .cast::<u8>()
                .add(runtime::RUNTIME_IN_SLOT)
                .cast::<Runtime>();
            rt.write(Runtime::new(mem));
            (&mut *slot, &mut *rt)
        };
        here.clone_from(ctx);
        let result = self.run_with(here, rt, mem, limits);
        ctx.clone_from(here);
        result
    }

    /// `run` on the context and runtime the units run with.
    fn run_with(
        &mut self,
        ctx: &mut Context,
        rt: &mut Runtime,
        mem: &Memory,
        limits: Limits,
    ) -> Result<(Exit, u64), JitError> {
        let mut retired = 0u64;
        if let Some(s) = limits.stop_at {
            if self.clean_for != Some(s) {
                // Units compiled without this stop may run through it: recompile them.
                self.drop_page(s >> 12);
                self.clean_for = Some(s);
            }
        }
        loop {
            self.sync_code(mem);
            self.flush_if_wasteful()?;
            if limits.stop_at == Some(ctx.pc) {
                return Ok((Exit::Stopped, retired));
            }
            let left = limits.max_instructions.saturating_sub(retired);
            if left == 0 {
                return Ok((Exit::BudgetExhausted, retired));
            }
            let sf = ctx.is_64bit();
            if self.hot_threshold > 0 && !self.units.contains_key(&(ctx.pc, sf)) {
                let hits = self.hits.entry((ctx.pc, sf)).or_insert(0);
                *hits += 1;
                if *hits <= self.hot_threshold {
                    if let Some(exit) = self.interpret_block(ctx, mem, limits, &mut retired) {
                        return Ok((exit, retired));
                    }
                    continue;
                }
            }
            let Some(code) = self.unit(mem, ctx.pc, sf, limits.stop_at)? else {
                // Nothing to compile here: the interpreter reports the fault or invalid word.
                return Ok(self.interpret(ctx, mem, limits, retired, 1));
            };
            let idx = fast_index(ctx.pc);
            self.fast[idx] = FastEntry {
                key: fast_key(ctx.pc, sf),
                code: code as usize,
            };
            rt.budget = i64::try_from(left).unwrap_or(i64::MAX);
            let before = rt.budget;
            self.stats.entries += 1;
            // SAFETY: `code` was compiled by this engine for this memory's layout; the
            // context and runtime outlive the call.
            let (ctx_ptr, rt_ptr) = ((ctx as *mut Context).cast(), (rt as *mut Runtime).cast());
            let status = unsafe {
                if self.uses_host_faults(mem) {
                    hostfault::enter(self.trampoline, code, ctx_ptr, mem.base(), rt_ptr)
                } else {
                    (self.trampoline)(code, ctx_ptr, mem.base(), rt_ptr)
                }
            };
            rt.settle_fp(ctx);
            rt.settle_cr(ctx);
            if rt.fp_miss != 0 {
                self.note_fp_miss(std::mem::take(&mut rt.fp_miss));
            }
            if rt.indirect_site != 0 {
                let site = std::mem::take(&mut rt.indirect_site) as u32;
                self.note_table_base(mem, ctx, site);
                self.learn_indirect(site, ctx.pc);
            }
            if rt.base_miss != 0 {
                let site = std::mem::take(&mut rt.base_miss) as u32;
                self.note_base_miss(mem, ctx, site);
            }
            let mut rerun = 0;
            let mut twin = None;
            if status == hostfault::EXIT_HOST_FAULT {
                // Back to the site's checkpoint: the budget as the faulting block began plus
                // what was not retired by then.
                let rip = hostfault::last_fault_rip();
                let (site, lazy) = self.fault_site(rip).ok_or(JitError::Fault { rip })?;
                rt.budget = hostfault::last_fault_budget() - site.taken + site.unretired;
                ctx.pc = site.checkpoint;
                lift::apply_lazy_cr(ctx, &lazy, &rt.cr_shadow);
                rerun = u64::from(site.rerun);
                twin = site.twin;
            }
            retired += (before - rt.budget) as u64;
            self.stats.interpreted_instructions += std::mem::take(&mut rt.interp_calls);
            match status {
                EXIT_DISPATCH | EXIT_CODE_WRITTEN => {}
                hostfault::EXIT_HOST_FAULT => {
                    // The interpreter runs up to the access and reports the guest fault, or
                    // completes it (a write to a page code was compiled from).
                    self.stats.interpreted_instructions += rerun;
                    let (exit, done) = self.interpret(ctx, mem, limits, retired, rerun);
                    retired = done;
                    if exit != Exit::BudgetExhausted {
                        return Ok((exit, retired));
                    }
                    if let Some(block) = twin {
                        self.note_twin_fault(block);
                    }
                }
                EXIT_BUDGET => {
                    // Fewer instructions left than the next block holds: finish exactly.
                    let n = rt.budget.max(0) as u64;
                    return Ok(self.interpret(ctx, mem, limits, retired, n));
                }
                _ => {
                    let exit = rt.pending.take().unwrap_or(Exit::Invalid { word: 0 });
                    return Ok((exit, retired));
                }
            }
        }
    }

    /// A twin arm's load in the block at `block` faulted where the guest's rerun did not:
    /// the other arm's address could not be read. After `TWIN_FAULTS` of them, the units
    /// running that branch's arms as one are dropped and compiled again with the branch.
    fn note_twin_fault(&mut self, block: u32) {
        let count = self.twin_faults.entry(block).or_insert(0);
        *count += 1;
        if *count < TWIN_FAULTS {
            return;
        }
        self.twins_off.insert(block);
        self.stats.twin_recompiles +=
            self.drop_units_where(|u| u.sites.iter().any(|s| s.twin == Some(block)));
    }

    /// Drops the units `pick` chooses, to be compiled again when next entered; how many.
    fn drop_units_where(&mut self, pick: impl Fn(&Unit) -> bool) -> u64 {
        let keys: Vec<Key> = self
            .units
            .iter()
            .filter(|(_, u)| pick(u))
            .map(|(&k, _)| k)
            .collect();
        for &key in &keys {
            self.drop_unit(key);
        }
        keys.len() as u64
    }

    /// A unit's `bcctr` at `site` went to `target`, which the unit does not hold: note the
    /// target and drop the units holding the site, to be compiled again with it. A target
    /// that was known already could not be taken in (another window, the unit's size
    /// limit): the site then stops learning, so its units use the indirect-branch table.
    fn learn_indirect(&mut self, site: u32, target: u32) {
        let targets = self.indirect.entry(site).or_default();
        let count = self.relearned.entry(site).or_insert(0);
        if targets.contains(&target) {
            *count = INDIRECT_RELEARN;
        } else {
            targets.push(target);
            *count += 1;
        }
        self.stats.indirect_recompiles +=
            self.drop_units_where(|u| u.indirect_sites.contains(&site));
    }

    /// A unit was entered with another base for the `switch` at `site` than the one it
    /// checks at its entry (`lift::check_fixed_bases`), which is the base the switch will
    /// see: note it, and drop the units that check it (`Unit::fixed_bases`), to be compiled
    /// again for it. After `BASE_MISSES` of them, units compare the base at the switch
    /// instead.
    fn note_base_miss(&mut self, mem: &Memory, ctx: &Context, site: u32) {
        self.note_table_base(mem, ctx, site);
        let count = self.base_misses.entry(site).or_insert(0);
        *count += 1;
        if *count >= BASE_MISSES {
            self.bases_unfixed.insert(site);
        }
        self.stats.base_recompiles += self.drop_units_where(|u| u.fixed_bases.contains(&site));
    }

    /// Notes the base register of the `switch` closing at `site`, if it is one
    /// (`block::TableSwitch`), as it is when the switch has just branched.
    fn note_table_base(&mut self, mem: &Memory, ctx: &Context, site: u32) {
        if let Some(ts) = block::table_switch_at(mem, site) {
            self.table_bases.insert(site, ctx.gpr[ts.base]);
        }
    }

    /// Notes where a non-linking `bcctr` interpreted as cold code went.
    fn note_cold_branch(&mut self, mem: &Memory, from: u32, to: u32) {
        let Some(d) = mem.fetch(from).ok().and_then(crate::isa::decode) else {
            return;
        };
        if block::learns_targets(&d) && indirect_learning(&self.indirect, &self.relearned, from) {
            let targets = self.indirect.entry(from).or_default();
            if !targets.contains(&to) {
                targets.push(to);
            }
        }
    }

    /// Whether units for `mem` access it unchecked (see `set_host_faults`).
    fn uses_host_faults(&self, mem: &Memory) -> bool {
        self.host_faults && mem.host_faults()
    }

    /// The guest access whose host instruction at `rip` faulted, and the CR fields lazy at
    /// its checkpoint.
    fn fault_site(&self, rip: usize) -> Option<(lift::FaultSite, lift::LazyCr)> {
        let (&code, key) = self.by_code.range(..=rip).next_back()?;
        let unit = self.units.get(key)?;
        let off = u32::try_from(rip - code).ok()?;
        if off >= unit.size {
            return None;
        }
        let i = unit.fault_ranges.partition_point(|r| r.1 <= off);
        let &(start, _, site) = unit.fault_ranges.get(i)?;
        if start > off {
            return None;
        }
        let site = *unit.sites.get(site as usize)?;
        let lazy = **unit.lazy_sets.get(site.lazy as usize)?;
        Some((site, lazy))
    }

    /// Interprets cold code from `ctx.pc` up to the next taken branch (a block entry the
    /// dispatcher counts), or an exit. `Some` ends the run.
    fn interpret_block(
        &mut self,
        ctx: &mut Context,
        mem: &Memory,
        limits: Limits,
        retired: &mut u64,
    ) -> Option<Exit> {
        let one = Limits {
            max_instructions: 1,
            stop_at: None,
        };
        for n in 0..MAX_COLD_RUN {
            if n > 0 && limits.stop_at == Some(ctx.pc) {
                return Some(Exit::Stopped);
            }
            if *retired >= limits.max_instructions {
                return Some(Exit::BudgetExhausted);
            }
            let from = ctx.pc;
            let (exit, k) = interp::run(ctx, mem, one);
            *retired += k;
            self.stats.cold_instructions += k;
            if exit != Exit::BudgetExhausted {
                return Some(exit);
            }
            if ctx.pc != from.wrapping_add(4) {
                self.note_table_base(mem, ctx, from);
                self.note_cold_branch(mem, from, ctx.pc);
                return None;
            }
        }
        None
    }

    /// Runs up to `n` instructions in the interpreter to finish a run precisely.
    fn interpret(
        &mut self,
        ctx: &mut Context,
        mem: &Memory,
        limits: Limits,
        retired: u64,
        n: u64,
    ) -> (Exit, u64) {
        let sub = Limits {
            max_instructions: n,
            stop_at: limits.stop_at,
        };
        let (exit, more) = interp::run(ctx, mem, sub);
        (exit, retired + more)
    }
}

// SAFETY: the raw pointers are host code addresses owned by `module`, which moves with `Jit`.
unsafe impl Send for Jit {}
