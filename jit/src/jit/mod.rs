//! The Cranelift JIT: guest code lifted to host code, cached by guest address and mode.
//!
//! Units are entered from the dispatcher through a small trampoline and continue into each
//! other with tail calls: a direct branch reads its target's link cell and jumps straight to
//! the target's host code once it exists; a computed branch (bclr/bcctr) looks the target up
//! in a direct-mapped table. Whenever neither finds code, control returns to the dispatcher,
//! which compiles the missing unit and fills the cell and the table. Every exit leaves the
//! context exact: registers, PC and the count of retired instructions.

mod block;
mod lift;
#[cfg(test)]
mod lift_tests_fpu;
#[cfg(test)]
mod lift_tests_mem;
pub mod runtime;
#[cfg(test)]
mod tests;

use crate::interp::{self, Exit, Limits};
use crate::{Context, Memory};
use cranelift_codegen::ir::{types, AbiParam, InstBuilder, Signature, UserFuncName};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Linkage, Module};
use runtime::{fast_index, fast_key, FastEntry, Runtime, EXIT_BUDGET, EXIT_DISPATCH, FAST_ENTRIES};
use std::collections::HashMap;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, thiserror::Error)]
pub enum JitError {
    #[error("the host CPU is not supported by Cranelift: {0}")]
    Host(String),
    #[error("Cranelift rejected unit at {pc:#010x}: {message}")]
    Compile { pc: u32, message: String },
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
}

type Key = (u32, bool);
type Trampoline = unsafe extern "C" fn(*const u8, *mut Context, *mut u8, *mut Runtime) -> i32;

pub struct Jit {
    module: JITModule,
    fctx: FunctionBuilderContext,
    trampoline: Trampoline,
    units: HashMap<Key, *const u8>,
    /// Link cells by target; boxed so their addresses, baked into code, never move.
    links: HashMap<Key, Box<AtomicPtr<u8>>>,
    fast: Box<[FastEntry]>,
    stats: JitStats,
    next_id: u32,
}

/// What the lifter sees of the engine while it compiles one unit.
struct Env<'a> {
    links: &'a mut HashMap<Key, Box<AtomicPtr<u8>>>,
    sf: bool,
    perms: *const u8,
}

impl lift::Environment for Env<'_> {
    fn link_cell(&mut self, target: u32) -> *const AtomicPtr<u8> {
        let cell = self
            .links
            .entry((target, self.sf))
            .or_insert_with(|| Box::new(AtomicPtr::new(std::ptr::null_mut())));
        &**cell as *const AtomicPtr<u8>
    }
    fn fallback(&self) -> *const u8 {
        runtime::interp_one as *const u8
    }
    fn perms(&self) -> *const u8 {
        self.perms
    }
}

impl Jit {
    pub fn new() -> Result<Self, JitError> {
        let mut flags = settings::builder();
        let set = |f: &mut settings::Builder, k: &str, v: &str| {
            f.set(k, v)
                .map_err(|e| JitError::Host(format!("{k}={v}: {e}")))
        };
        set(&mut flags, "opt_level", "speed")?;
        set(&mut flags, "preserve_frame_pointers", "true")?;
        let isa = cranelift_native::builder()
            .map_err(|e| JitError::Host(e.to_string()))?
            .finish(settings::Flags::new(flags))
            .map_err(|e| JitError::Host(e.to_string()))?;
        let mut module = JITModule::new(JITBuilder::with_isa(isa, default_libcall_names()));
        let trampoline = Self::build_trampoline(&mut module)?;
        Ok(Self {
            module,
            fctx: FunctionBuilderContext::new(),
            trampoline,
            units: HashMap::new(),
            links: HashMap::new(),
            fast: vec![FastEntry::default(); FAST_ENTRIES].into_boxed_slice(),
            stats: JitStats::default(),
            next_id: 0,
        })
    }

    pub fn stats(&self) -> &JitStats {
        &self.stats
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
            let call = b.ins().call_indirect(unit_sig, p[0], &[p[1], p[2], p[3]]);
            let r = b.inst_results(call)[0];
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
        if let Some(&code) = self.units.get(&(pc, sf)) {
            return Ok(Some(code));
        }
        let Some(block) = block::discover(mem, pc, stop_at) else {
            return Ok(None);
        };
        let started = Instant::now();
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
        ctx.func.signature = sig;
        ctx.func.name = UserFuncName::user(0, id.as_u32());
        let host_cc = self.module.isa().default_call_conv();
        let frontend = self.module.isa().frontend_config();
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut self.fctx);
            let entry = b.create_block();
            b.append_block_params_for_function_params(entry);
            b.switch_to_block(entry);
            b.seal_block(entry);
            let p = b.block_params(entry).to_vec();
            let mut env = Env {
                links: &mut self.links,
                sf,
                perms: mem.perms_base(),
            };
            let mut l = lift::Lifter::new(&mut b, &mut env, [p[0], p[1], p[2]], sf, host_cc);
            self.stats.fallback_instructions += lift::lift_block(&mut l, &block) as u64;
            b.seal_all_blocks();
            b.finalize(frontend);
        }
        self.module.define_function(id, &mut ctx).map_err(err)?;
        let size = ctx.compiled_code().map_or(0, |c| c.code_info().total_size);
        self.module.clear_context(&mut ctx);
        self.module.finalize_definitions().map_err(err)?;
        let code = self.module.get_finalized_function(id);
        self.units.insert((pc, sf), code);
        if let Some(cell) = self.links.get(&(pc, sf)) {
            cell.store(code as *mut u8, Ordering::Release);
        }
        self.stats.units += 1;
        self.stats.guest_instructions += block.insns.len() as u64;
        self.stats.code_bytes += u64::from(size);
        self.stats.compile_time += started.elapsed();
        Ok(Some(code))
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
        let mut retired = 0u64;
        let mut rt = Runtime {
            budget: 0,
            fast: self.fast.as_mut_ptr(),
            mem,
            pending: None,
            interp_calls: 0,
        };
        loop {
            if limits.stop_at == Some(ctx.pc) {
                return Ok((Exit::Stopped, retired));
            }
            let left = limits.max_instructions.saturating_sub(retired);
            if left == 0 {
                return Ok((Exit::BudgetExhausted, retired));
            }
            let sf = ctx.is_64bit();
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
            // SAFETY: `code` was compiled by this engine for this memory's layout; the
            // context and runtime outlive the call.
            let status = unsafe { (self.trampoline)(code, ctx, mem.base(), &mut rt) };
            retired += (before - rt.budget) as u64;
            self.stats.interpreted_instructions += std::mem::take(&mut rt.interp_calls);
            match status {
                EXIT_DISPATCH => {}
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
