//! Debug output and fatal checks.

use super::printf::{format, Args};
use super::{Call, Outcome, XBOXKRNL};
use crate::status::STATUS_SUCCESS;
use std::io::Write;

exports! { XBOXKRNL;
    "DbgPrint" => dbg_print,
    "DbgBreakPoint" => dbg_break_point,
    "KeBugCheck" => ke_bug_check,
    "KeBugCheckEx" => ke_bug_check,
}
/// DbgPrint(format, ...): the formatted text goes to the run's output, unchanged.
fn dbg_print(c: &mut Call) -> Outcome {
    let Ok(fmt) = c.c_string(c.arg(0), 64 * 1024) else {
        return Outcome::Return(u64::from(crate::status::STATUS_ACCESS_VIOLATION));
    };
    let text = {
        let mut args = Args::new(c, 1);
        format(c, &fmt, &mut args)
    };
    let _ = c.st.out.write_all(&text);
    let _ = c.st.out.flush();
    Outcome::Return(u64::from(STATUS_SUCCESS))
}

fn dbg_break_point(c: &mut Call) -> Outcome {
    tracing::warn!(
        lr = format_args!("{:#010x}", c.lr()),
        "guest DbgBreakPoint ignored"
    );
    Outcome::Return(0)
}

fn ke_bug_check(c: &mut Call) -> Outcome {
    Outcome::Fatal(format!(
        "the title called KeBugCheck({:#010x}, {:#x}, {:#x}, {:#x}, {:#x}) from {:#010x}",
        c.arg(0),
        c.arg(1),
        c.arg(2),
        c.arg(3),
        c.arg(4),
        c.lr()
    ))
}
