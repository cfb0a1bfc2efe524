//! Time: the performance counter (the 50 MHz timebase), system time and KeTimeStampBundle.

use super::{Call, Outcome, XBOXKRNL};
use crate::clock::TIMEBASE_HZ;
use crate::status::*;

exports! { XBOXKRNL;
    "KeQueryPerformanceFrequency" => ke_query_performance_frequency,
    "KeQueryPerformanceCounter" => ke_query_performance_counter,
    "KeQuerySystemTime" => ke_query_system_time,
    "NtQuerySystemTime" => nt_query_system_time,
    "KeQueryInterruptTime" => ke_query_interrupt_time,
}

/// Returns the frequency in one 64-bit register, as the console's ABI does.
fn ke_query_performance_frequency(_c: &mut Call) -> Outcome {
    Outcome::Return(TIMEBASE_HZ)
}

fn ke_query_performance_counter(c: &mut Call) -> Outcome {
    Outcome::Return(c.st.clock.timebase())
}

/// KeQuerySystemTime(PLARGE_INTEGER).
fn ke_query_system_time(c: &mut Call) -> Outcome {
    let t = c.st.clock.system_time();
    let _ = c.write_u64(c.arg(0), t);
    Outcome::Return(0)
}

fn nt_query_system_time(c: &mut Call) -> Outcome {
    let t = c.st.clock.system_time();
    Outcome::Return(u64::from(
        c.write_u64(c.arg(0), t).err().unwrap_or(STATUS_SUCCESS),
    ))
}

/// Time since boot in 100 ns units.
fn ke_query_interrupt_time(c: &mut Call) -> Outcome {
    Outcome::Return(c.st.clock.now_100ns())
}
