//! The thread diagnostic dump: printed when a run deadlocks, crashes or is interrupted.

use crate::objects::Kind;
use crate::state::State;
use crate::threads::ThreadState;
use oxenon_jit::Memory;
use std::fmt::Write;

pub fn thread_dump(st: &mut State, _mem: &Memory) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "=== Thread dump ===");
    if let Some(f) = &st.finish {
        let _ = writeln!(s, "reason: {}", finish_text(f));
    }
    let now = st.clock.now_100ns();
    for t in st.threads.values() {
        let (pc, lr) = match &t.ctx {
            Some(c) => (c.pc, c.lr as u32),
            None => (t.last_pc, t.last_lr),
        };
        let main = if t.tid == st.main_tid { " (main)" } else { "" };
        let _ = writeln!(
            s,
            "thread {}{main}: hw {} state {} pc {pc:#010x} lr {lr:#010x} priority {} suspend {} instructions {}",
            t.tid,
            t.hw,
            t.state.label(),
            t.priority,
            t.suspend_count,
            t.instructions
        );
        if t.state == ThreadState::Terminated {
            let _ = writeln!(s, "  exit code {:#x}", t.exit_code);
        }
        if let Some(w) = &t.wait {
            let timeout = match w.deadline {
                Some(d) => format!("timeout in {} us", d.saturating_sub(now) / 10),
                None => "no timeout".into(),
            };
            let how = if w.all { "all of" } else { "any of" };
            let _ = writeln!(
                s,
                "  waits ({}, {timeout}{}) in {} called from {:#010x} on {how}:",
                if w.objects.is_empty() {
                    "delay"
                } else {
                    "objects"
                },
                if w.alertable { ", alertable" } else { "" },
                w.source,
                w.lr
            );
            for (id, name) in w.objects.iter().zip(&w.names) {
                let Some(o) = st.objects.get(*id) else {
                    continue;
                };
                let owner = match &o.kind {
                    Kind::Mutant { owner: Some(t), .. } => format!(", owned by thread {t}"),
                    Kind::CriticalSection { address } => {
                        format!(", critical section at {address:#010x}")
                    }
                    _ => String::new(),
                };
                let _ = writeln!(
                    s,
                    "    {name:#010x} {} signaled={} waiters={}{owner}",
                    o.kind.label(),
                    o.signal > 0,
                    o.waiters.len()
                );
            }
        }
    }
    let _ = writeln!(s, "=== end of thread dump ===");
    s
}

pub fn finish_text(f: &crate::state::Finish) -> String {
    use crate::state::Finish;
    match f {
        Finish::Exited(c) => format!("exited with code {c:#x}"),
        Finish::Deadlock => {
            "deadlock: every live thread waits forever and no timer is pending".into()
        }
        Finish::Limit => "instruction limit reached".into(),
        Finish::Crashed(why) => format!("crashed: {why}"),
        Finish::Interrupted => "interrupted".into(),
    }
}
