//! Module and title queries: module handles and executable privileges.

use super::{Call, Outcome, XBOXKRNL};
use crate::status::*;

exports! { XBOXKRNL;
    "XexGetModuleHandle" => xex_get_module_handle,
    "XexCheckExecutablePrivilege" => xex_check_executable_privilege,
}

const STATUS_DLL_NOT_FOUND: u32 = 0xC000_0135;

/// XexGetModuleHandle(PCSZ name, PHANDLE module): NULL names the title itself; the system
/// modules by their file names. A module handle is the address of its loader entry.
fn xex_get_module_handle(c: &mut Call) -> Outcome {
    let (name_ptr, out) = (c.arg(0), c.arg(1));
    let r = (|| {
        let key = if name_ptr == 0 {
            "title".to_string()
        } else {
            let name = c.c_string(name_ptr, 260)?;
            let name = String::from_utf8_lossy(&name).to_ascii_lowercase();
            match name.as_str() {
                "xboxkrnl.exe" | "xam.xex" => name,
                _ => return Err(STATUS_DLL_NOT_FOUND),
            }
        };
        let handle = crate::variables::module_entry(c.mem, c.st, &key)?;
        c.write_u32(out, handle)?;
        Ok(STATUS_SUCCESS)
    })();
    super::status(r)
}

/// XexCheckExecutablePrivilege(privilege) -> whether the title's XEX system flags grant it
/// (privilege n is bit n of the flags).
fn xex_check_executable_privilege(c: &mut Call) -> Outcome {
    let bit = c.arg(0);
    let granted = bit < 32 && (c.st.system_flags >> bit) & 1 == 1;
    Outcome::Return(u64::from(granted))
}
