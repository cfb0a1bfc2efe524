//! Free-running mode: one host worker per hardware thread.

use super::{Kernel, KernelError};
use crate::cpu::Cpu;
use crate::objects::Tid;
use crate::state::Finish;
use crate::threads::HW_THREADS;
use oxenon_jit::jit::JitStats;
use oxenon_jit::Context;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Longest a worker sleeps before it looks at deadlines and the interrupt flag again.
const IDLE_POLL: Duration = Duration::from_millis(20);

pub fn run(k: &Kernel) -> Result<Option<JitStats>, KernelError> {
    let results: Vec<Result<Option<JitStats>, KernelError>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..HW_THREADS)
            .map(|hw| {
                std::thread::Builder::new()
                    .name(format!("hw{hw}"))
                    .spawn_scoped(s, move || worker(k, hw))
                    .expect("spawning a worker thread")
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or(Ok(None)))
            .collect()
    });
    let mut total: Option<JitStats> = None;
    for r in results {
        if let Some(s) = r? {
            total.get_or_insert_with(JitStats::default).merge(&s);
        }
    }
    Ok(total)
}

/// Waits until a thread is ready on `hw`; `None` when the run is over.
fn next_thread(k: &Kernel, hw: usize) -> Option<(Tid, Box<Context>)> {
    let mut st = k.state.lock();
    loop {
        if st.finish.is_some() {
            return None;
        }
        if k.interrupt.load(Ordering::Relaxed) {
            k.finish(&mut st, Finish::Interrupted);
            return None;
        }
        st.process_deadlines(&k.mem);
        k.notify(&mut st);
        if let Some((tid, mut ctx)) = st.pick_on(&k.mem, hw) {
            ctx.timebase = st.clock.timebase();
            return Some((tid, ctx));
        }
        if st.deadlocked() {
            k.finish(&mut st, Finish::Deadlock);
            return None;
        }
        let wait = st
            .next_deadline()
            .map(|d| d.saturating_sub(st.clock.now_100ns()))
            .map_or(IDLE_POLL, |t| Duration::from_nanos(t * 100).min(IDLE_POLL));
        k.wake[hw].wait_for(&mut st, wait.max(Duration::from_micros(50)));
    }
}

fn worker(k: &Kernel, hw: usize) -> Result<Option<JitStats>, KernelError> {
    let mut cpu = Cpu::new(k.config.backend, k.config.jit_hot)?;
    while let Some((tid, mut ctx)) = next_thread(k, hw) {
        let mut used = 0u64;
        loop {
            let budget = k.slice_budget().min(k.config.quantum - used);
            if budget == 0 {
                let mut st = k.state.lock();
                if k.config
                    .max_instructions
                    .is_some_and(|m| k.retired.load(Ordering::Relaxed) >= m)
                {
                    k.finish(&mut st, Finish::Limit);
                }
                st.preempt(tid, ctx);
                break;
            }
            let (exit, n) = match cpu.run(&mut ctx, &k.mem, budget) {
                Ok(r) => r,
                Err(e) => {
                    let mut st = k.state.lock();
                    st.preempt(tid, ctx);
                    k.finish(&mut st, Finish::Crashed(e.to_string()));
                    return Err(e.into());
                }
            };
            k.retired.fetch_add(n, Ordering::Relaxed);
            used += n;
            let mut st = k.state.lock();
            if let Some(t) = st.threads.get_mut(&tid) {
                t.instructions += n;
            }
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
    Ok(cpu.stats().cloned())
}
