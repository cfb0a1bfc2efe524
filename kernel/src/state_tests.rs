//! Dispatcher semantics of the kernel state, checked against the NT rules for waits (as the
//! Windows driver documentation for KeWaitForMultipleObjects, KeSetEvent, KeReleaseSemaphore
//! and KeReleaseMutant states them): which waiters a signal releases, in what order, with
//! which status, and what the signal leaves behind.

use super::*;

fn setup() -> (Arc<Memory>, State) {
    let mem = Arc::new(Memory::new().expect("guest space"));
    let vm = Arc::new(MemoryManager::new(mem.clone()));
    let st = State::new(Clock::virtual_clock(), Box::new(std::io::sink()), vm).expect("kernel");
    (mem, st)
}

/// A thread that has started running (so it can begin a wait).
fn running_thread(mem: &Memory, st: &mut State, hw: u8) -> Tid {
    let (tid, _) = st
        .create_thread(
            mem,
            ThreadStart {
                entry: 0x8200_0000,
                r3: 0,
                r4: 0,
                stack_size: 0x4000,
                hw,
                suspended: false,
                return_to: 0,
            },
        )
        .expect("thread");
    let (picked, ctx) = st.pick_on(mem, hw as usize).expect("ready");
    assert_eq!(picked, tid);
    st.threads.get_mut(&tid).unwrap().ctx = Some(ctx);
    tid
}

fn wait_on(objects: Vec<ObjId>, all: bool, deadline: Option<u64>) -> Wait {
    Wait {
        names: objects.clone(),
        objects,
        all,
        alertable: false,
        deadline,
        timeout_status: STATUS_TIMEOUT,
        seq: 0,
        source: "test",
        lr: 0,
    }
}

/// Parks `tid` on `w`; panics if the wait was satisfied at once.
fn park(st: &mut State, mem: &Memory, tid: Tid, w: Wait) {
    assert_eq!(st.begin_wait(mem, tid, w), None);
    let ctx = st.threads.get_mut(&tid).unwrap().ctx.take().unwrap();
    st.park(tid, ctx);
}

fn r3(st: &State, tid: Tid) -> u32 {
    st.threads[&tid].ctx.as_ref().unwrap().gpr[3] as u32
}

fn event(st: &mut State, mem: &Memory, manual: bool, signal: i32) -> ObjId {
    st.create_object(mem, Kind::Event { manual }, signal, 16)
        .unwrap()
        .1
}

fn set(st: &mut State, mem: &Memory, id: ObjId) -> Vec<(Tid, u32)> {
    st.objects.get_mut(id).unwrap().signal = 1;
    st.signalled(mem, id)
}

#[test]
fn auto_reset_event_releases_one_waiter_in_fifo_order_and_resets() {
    let (mem, mut st) = setup();
    let e = event(&mut st, &mem, false, 0);
    let a = running_thread(&mem, &mut st, 0);
    let b = running_thread(&mem, &mut st, 1);
    park(&mut st, &mem, a, wait_on(vec![e], false, None));
    park(&mut st, &mem, b, wait_on(vec![e], false, None));
    assert_eq!(set(&mut st, &mem, e), vec![(a, STATUS_WAIT_0)]);
    assert_eq!(st.objects.get(e).unwrap().signal, 0);
    assert_eq!(st.threads[&a].state, ThreadState::Ready);
    assert_eq!(st.threads[&b].state, ThreadState::Waiting);
    assert_eq!(set(&mut st, &mem, e), vec![(b, STATUS_WAIT_0)]);
}

#[test]
fn manual_reset_event_releases_every_waiter_and_stays_signalled() {
    let (mem, mut st) = setup();
    let e = event(&mut st, &mem, true, 0);
    let a = running_thread(&mem, &mut st, 0);
    let b = running_thread(&mem, &mut st, 0);
    park(&mut st, &mem, a, wait_on(vec![e], false, None));
    park(&mut st, &mem, b, wait_on(vec![e], false, None));
    assert_eq!(set(&mut st, &mem, e).len(), 2);
    assert_eq!(st.objects.get(e).unwrap().signal, 1);
    // The guest header mirrors the state.
    let body = st.objects.get(e).unwrap().body;
    assert_eq!(mem.read_u32(body + 4).unwrap(), 1);
}

#[test]
fn semaphore_release_wakes_as_many_waiters_as_its_count() {
    let (mem, mut st) = setup();
    let (_, s) = st
        .create_object(&mem, Kind::Semaphore { maximum: 5 }, 0, 16)
        .unwrap();
    let ts: Vec<Tid> = (0..3).map(|_| running_thread(&mem, &mut st, 2)).collect();
    for &t in &ts {
        park(&mut st, &mem, t, wait_on(vec![s], false, None));
    }
    st.objects.get_mut(s).unwrap().signal = 2;
    let woken = st.signalled(&mem, s);
    assert_eq!(woken, vec![(ts[0], 0), (ts[1], 0)]);
    assert_eq!(st.objects.get(s).unwrap().signal, 0);
    assert_eq!(st.threads[&ts[2]].state, ThreadState::Waiting);
}

#[test]
fn wait_all_needs_every_object_and_consumes_them_together() {
    let (mem, mut st) = setup();
    let a = event(&mut st, &mem, false, 0);
    let b = event(&mut st, &mem, false, 0);
    let t = running_thread(&mem, &mut st, 0);
    park(&mut st, &mem, t, wait_on(vec![a, b], true, None));
    assert!(set(&mut st, &mem, a).is_empty());
    assert_eq!(
        st.objects.get(a).unwrap().signal,
        1,
        "not consumed by a partial wait-all"
    );
    assert_eq!(set(&mut st, &mem, b), vec![(t, STATUS_WAIT_0)]);
    assert_eq!(st.objects.get(a).unwrap().signal, 0);
    assert_eq!(st.objects.get(b).unwrap().signal, 0);
}

#[test]
fn wait_any_reports_the_lowest_satisfied_index() {
    let (mem, mut st) = setup();
    let a = event(&mut st, &mem, true, 0);
    let b = event(&mut st, &mem, true, 1);
    let c = event(&mut st, &mem, true, 1);
    let t = running_thread(&mem, &mut st, 0);
    let w = wait_on(vec![a, b, c], false, None);
    assert_eq!(st.begin_wait(&mem, t, w), Some(STATUS_WAIT_0 + 1));
}

#[test]
fn a_timeout_completes_the_wait_with_status_timeout() {
    let (mem, mut st) = setup();
    let e = event(&mut st, &mem, false, 0);
    let t = running_thread(&mem, &mut st, 0);
    let deadline = st.clock.deadline(-10_000); // 1 ms, relative
    park(&mut st, &mem, t, wait_on(vec![e], false, Some(deadline)));
    assert!(
        !st.deadlocked(),
        "a pending timeout can still wake the thread"
    );
    assert!(st.process_deadlines(&mem).is_empty());
    let next = st.next_deadline().unwrap();
    st.clock.skip_to(next);
    assert_eq!(st.process_deadlines(&mem), vec![(t, STATUS_TIMEOUT)]);
    assert_eq!(r3(&st, t), STATUS_TIMEOUT);
    assert!(st.objects.get(e).unwrap().waiters.is_empty());
    // A zero timeout polls.
    let (picked, ctx) = st.pick_on(&mem, 0).unwrap();
    st.threads.get_mut(&picked).unwrap().ctx = Some(ctx);
    let now = st.clock.now_100ns();
    assert_eq!(
        st.begin_wait(&mem, t, wait_on(vec![e], false, Some(now))),
        Some(STATUS_TIMEOUT)
    );
}

#[test]
fn a_mutant_is_recursive_for_its_owner_and_abandoned_when_the_owner_exits() {
    let (mem, mut st) = setup();
    let owner = running_thread(&mem, &mut st, 0);
    let other = running_thread(&mem, &mut st, 1);
    let kind = Kind::Mutant {
        owner: None,
        recursion: 0,
        abandoned: false,
    };
    let (_, m) = st.create_object(&mem, kind, 1, 16).unwrap();
    assert_eq!(
        st.begin_wait(&mem, owner, wait_on(vec![m], false, None)),
        Some(0)
    );
    assert_eq!(
        st.begin_wait(&mem, owner, wait_on(vec![m], false, None)),
        Some(0),
        "the owner may acquire again"
    );
    park(&mut st, &mem, other, wait_on(vec![m], false, None));
    let ctx = st.threads.get_mut(&owner).unwrap().ctx.take();
    st.terminate(&mem, owner, 0, ctx);
    assert_eq!(st.threads[&other].state, ThreadState::Ready);
    assert_eq!(r3(&st, other), STATUS_ABANDONED_WAIT_0);
}

#[test]
fn deadlock_is_every_live_thread_waiting_without_a_deadline() {
    let (mem, mut st) = setup();
    let e = event(&mut st, &mem, false, 0);
    let a = running_thread(&mem, &mut st, 0);
    assert!(!st.deadlocked());
    park(&mut st, &mem, a, wait_on(vec![e], false, None));
    assert!(st.deadlocked());
    set(&mut st, &mem, e);
    assert!(!st.deadlocked());
}

#[test]
fn thread_exit_signals_its_object_and_the_last_exit_finishes_the_run() {
    let (mem, mut st) = setup();
    let main = running_thread(&mem, &mut st, 0);
    st.main_tid = main;
    let worker = running_thread(&mem, &mut st, 1);
    let obj = st.threads[&worker].object;
    park(&mut st, &mem, main, wait_on(vec![obj], false, None));
    let ctx = st.threads.get_mut(&worker).unwrap().ctx.take();
    st.terminate(&mem, worker, 42, ctx);
    assert_eq!(st.threads[&main].state, ThreadState::Ready);
    assert_eq!(st.finish, None);
    let (_, ctx) = st.pick_on(&mem, 0).unwrap();
    st.terminate(&mem, main, 7, Some(ctx));
    assert_eq!(st.finish, Some(Finish::Exited(7)));
}

#[test]
fn closed_and_unknown_handles_are_invalid() {
    let (mem, mut st) = setup();
    let (h, _) = st
        .create_object(&mem, Kind::Event { manual: true }, 0, 16)
        .unwrap();
    assert_eq!(st.close_handle(&mem, h), STATUS_SUCCESS);
    assert_eq!(st.close_handle(&mem, h), STATUS_INVALID_HANDLE);
    assert_eq!(st.object_of(1, 0x1234), Err(STATUS_INVALID_HANDLE));
}

#[test]
fn timers_fire_once_or_periodically() {
    let (mem, mut st) = setup();
    let kind = Kind::Timer {
        manual: true,
        period_100ns: 0,
        generation: 0,
        armed: false,
    };
    let (_, t) = st.create_object(&mem, kind, 0, 16).unwrap();
    st.arm_timer(t, 1_000, 500);
    st.clock.skip_to(1_000);
    st.process_deadlines(&mem);
    assert_eq!(st.objects.get(t).unwrap().signal, 1);
    assert_eq!(st.next_deadline(), Some(1_500), "periodic timers re-arm");
    assert!(st.cancel_timer(t));
    assert_eq!(st.next_deadline(), None);
}

#[test]
fn the_pcr_names_the_hardware_thread_the_thread_runs_on() {
    let (mem, mut st) = setup();
    let t = running_thread(&mem, &mut st, 2);
    let pcr_cpu = st.threads[&t].pcr + pcr::CURRENT_CPU;
    assert_eq!(mem.read_u8(pcr_cpu).unwrap(), 2);
    assert_eq!(st.set_affinity(t, 1 << 4), Some(1 << 2));
    let ctx = st.threads.get_mut(&t).unwrap().ctx.take().unwrap();
    st.preempt(t, ctx);
    assert!(st.pick_on(&mem, 2).is_none(), "it left hardware thread 2");
    let (picked, _) = st.pick_on(&mem, 4).unwrap();
    assert_eq!(picked, t);
    assert_eq!(mem.read_u8(pcr_cpu).unwrap(), 4);
}
