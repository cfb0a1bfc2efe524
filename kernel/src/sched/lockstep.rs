//! Lockstep mode: every hardware thread on one host thread, in a fixed order, each running
//! its guest thread for exactly one quantum per round, with a virtual clock driven by retired
//! instructions. Nothing depends on host timing, so two runs are bit-identical, and the
//! interpreter and the JIT (whose budgets stop at exactly the same instruction) agree.

use super::{Kernel, KernelError};
use crate::cpu::Cpu;
use crate::state::Finish;
use crate::threads::HW_THREADS;
use oxenon_jit::jit::JitStats;
use std::sync::atomic::Ordering;

pub fn run(k: &Kernel) -> Result<Option<JitStats>, KernelError> {
    let mut cpu = Cpu::new(k.config.backend, k.config.jit_hot)?;
    loop {
        let mut ran = false;
        for hw in 0..HW_THREADS {
            let picked = {
                let mut st = k.state.lock();
                if st.finish.is_some() {
                    return Ok(cpu.stats().cloned());
                }
                if k.interrupt.load(Ordering::Relaxed) {
                    k.finish(&mut st, Finish::Interrupted);
                    return Ok(cpu.stats().cloned());
                }
                st.pick_on(&k.mem, hw).map(|(tid, mut ctx)| {
                    ctx.timebase = st.clock.timebase();
                    (tid, ctx)
                })
            };
            let Some((tid, mut ctx)) = picked else {
                continue;
            };
            ran = true;
            let mut used = 0u64;
            loop {
                let budget = k.slice_budget().min(k.config.quantum - used);
                let mut st = k.state.lock();
                if budget == 0 {
                    if k.config
                        .max_instructions
                        .is_some_and(|m| k.retired.load(Ordering::Relaxed) >= m)
                    {
                        k.finish(&mut st, Finish::Limit);
                    }
                    st.preempt(tid, ctx);
                    break;
                }
                drop(st);
                let (exit, n) = cpu.run(&mut ctx, &k.mem, budget)?;
                k.retired.fetch_add(n, Ordering::Relaxed);
                used += n;
                let mut st = k.state.lock();
                st.clock.retire(n);
                if let Some(t) = st.threads.get_mut(&tid) {
                    t.instructions += n;
                }
                st.process_deadlines(&k.mem);
                match k.after_slice(&mut st, hw, tid, ctx, exit, used < k.config.quantum) {
                    Some(c) if st.finish.is_some() => {
                        st.preempt(tid, c);
                        break;
                    }
                    Some(c) => ctx = c,
                    None => break,
                }
            }
        }
        if !ran {
            let mut st = k.state.lock();
            if st.finish.is_some() {
                return Ok(cpu.stats().cloned());
            }
            st.process_deadlines(&k.mem);
            if st.any_runnable() {
                continue;
            }
            match st.next_deadline() {
                Some(d) => {
                    // Everyone is waiting for time to pass: let it.
                    st.clock.skip_to(d);
                    st.process_deadlines(&k.mem);
                }
                None => {
                    if st.deadlocked() {
                        k.finish(&mut st, Finish::Deadlock);
                    } else {
                        st.finish.get_or_insert(Finish::Exited(0));
                    }
                    return Ok(cpu.stats().cloned());
                }
            }
        }
    }
}
