//! Two host threads trade two auto-reset events N times, as the homebrew `pingpong` sample's
//! two guest threads do, and print round trips per second in the same format. The events are
//! a parking_lot mutex and condition variable each, the same primitives the kernel's workers
//! wait on, so the ratio between the two measures what emulation adds.
//!
//!     pingpong-native [ROUND_TRIPS]      (default 10000, the sample's count)

use parking_lot::{Condvar, Mutex};
use std::sync::Arc;
use std::time::Instant;

/// An auto-reset event: `set` wakes one waiter, which consumes the signal.
#[derive(Default)]
struct AutoEvent {
    signalled: Mutex<bool>,
    cond: Condvar,
}

impl AutoEvent {
    fn set(&self) {
        *self.signalled.lock() = true;
        self.cond.notify_one();
    }

    fn wait(&self) {
        let mut s = self.signalled.lock();
        while !*s {
            self.cond.wait(&mut s);
        }
        *s = false;
    }
}

fn main() {
    let rounds: u32 = match std::env::args().nth(1).map(|a| a.parse()) {
        None => 10_000,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("usage: pingpong-native [ROUND_TRIPS]");
            std::process::exit(2);
        }
    };
    let ping = Arc::new(AutoEvent::default());
    let pong = Arc::new(AutoEvent::default());
    let (p2, q2) = (ping.clone(), pong.clone());
    let ponger = std::thread::spawn(move || {
        for _ in 0..rounds {
            p2.wait();
            q2.set();
        }
    });
    let started = Instant::now();
    for _ in 0..rounds {
        ping.set();
        pong.wait();
    }
    let secs = started.elapsed().as_secs_f64();
    ponger.join().expect("pong thread");
    println!("pingpong-native: {rounds} round trips");
    println!(
        "pingpong-native: {} round trips per second",
        (f64::from(rounds) / secs) as u64
    );
}
