//! Kernel variables titles import by address (KeTimeStampBundle, XboxHardwareInfo, object
//! type descriptors, ...), laid out as the console's titles read them.

use crate::state::State;
use oxenon_jit::Memory;

/// KeTimeStampBundle: InterruptTime (u64, 100 ns since boot), SystemTime (u64, NT time),
/// TickCount (u32, milliseconds since boot).
pub const TIME_STAMP_BUNDLE: &str = "KeTimeStampBundle";
const TIME_STAMP_BUNDLE_SIZE: u32 = 0x18;

/// The guest address of variable `name` of `library`, allocating and initialising it on first
/// use. The flag is true when the kernel has no data for it (it reads as zeros).
pub fn address_of(
    mem: &Memory,
    st: &mut State,
    library: &str,
    name: &str,
) -> Result<(u32, bool), u32> {
    let key = format!("{library}!{name}");
    if let Some(&a) = st.variables.get(&key) {
        return Ok((a, false));
    }
    let (size, unknown) = match name {
        TIME_STAMP_BUNDLE => (TIME_STAMP_BUNDLE_SIZE, false),
        "XboxHardwareInfo" => (0x10, false),
        "XboxKrnlVersion" | "XboxKrnlBaseVersion" => (8, false),
        "KeDebugMonitorData" | "KeCertMonitorData" => (0x100, false),
        "XexExecutableModuleHandle" => (4, false),
        n if n.starts_with("Ex") && n.ends_with("ObjectType") => (0x40, false),
        n if n.starts_with("Io") && n.ends_with("ObjectType") => (0x40, false),
        n if n.starts_with("Ps") && n.ends_with("ObjectType") => (0x40, false),
        _ => (0x100, true),
    };
    let addr = st.arena.alloc(mem, size, 16)?;
    let w32 = |a: u32, v: u32| {
        let _ = mem.write_u32(a, v);
    };
    match name {
        "XboxHardwareInfo" => {
            // Flags, then the processor count: six hardware threads.
            w32(addr, 0);
            let _ = mem.write_u8(addr + 4, 6);
        }
        "XboxKrnlVersion" | "XboxKrnlBaseVersion" => {
            // 2.0.17559.0, the last public kernel.
            let _ = mem.write_u16(addr, 2);
            let _ = mem.write_u16(addr + 2, 0);
            let _ = mem.write_u16(addr + 4, 17559);
            let _ = mem.write_u16(addr + 6, 0);
        }
        "XexExecutableModuleHandle" => {
            // A pointer to the title's loader entry (its module handle).
            let entry = module_entry(mem, st, "title")?;
            w32(addr, entry);
        }
        _ => {}
    }
    st.variables.insert(key, addr);
    if name == TIME_STAMP_BUNDLE {
        st.time_stamp_bundle = Some(addr);
        refresh_time(mem, st);
    }
    Ok((addr, unknown))
}

/// The loader entry (LDR_DATA_TABLE_ENTRY-sized block) that serves as the module handle of
/// `module` ("title", "xboxkrnl.exe" or "xam.xex"), created on first use.
pub fn module_entry(mem: &Memory, st: &mut State, module: &str) -> Result<u32, u32> {
    let key = format!("module!{module}");
    if let Some(&a) = st.variables.get(&key) {
        return Ok(a);
    }
    let entry = st.arena.alloc(mem, 0x100, 16)?;
    st.variables.insert(key, entry);
    Ok(entry)
}

/// Brings KeTimeStampBundle up to date with the kernel clock.
pub fn refresh_time(mem: &Memory, st: &State) {
    if let Some(a) = st.time_stamp_bundle {
        let now = st.clock.now_100ns();
        let _ = mem.write_u64(a, now);
        let _ = mem.write_u64(a + 8, st.clock.system_time());
        let _ = mem.write_u32(a + 16, (now / 10_000) as u32);
    }
}
