//! Locating the external programs the runner drives, with the Debian package that provides
//! each one in the error when it is missing.

use anyhow::{bail, Result};
use std::path::{Path, PathBuf};

/// An external program: its candidate names (first found wins), the environment variable
/// that overrides the search, and the package that installs it.
pub struct Tool {
    pub names: &'static [&'static str],
    pub env: &'static str,
    pub package: &'static str,
}

pub const AS32: Tool = Tool {
    // The 32-bit package's assembler takes the same flags (Debian builds it with 64-bit
    // support); it is only a fallback.
    names: &["powerpc64-linux-gnu-as", "powerpc-linux-gnu-as"],
    env: "OXENON_PPC_AS",
    package: "binutils-powerpc64-linux-gnu",
};

pub const AS64: Tool = Tool {
    names: &["powerpc64-linux-gnu-as"],
    env: "OXENON_PPC_AS",
    package: "binutils-powerpc64-linux-gnu",
};

pub const LD64: Tool = Tool {
    names: &["powerpc64-linux-gnu-ld"],
    env: "OXENON_PPC_LD",
    package: "binutils-powerpc64-linux-gnu",
};

pub const QEMU: Tool = Tool {
    names: &["qemu-ppc64", "qemu-ppc64-static"],
    env: "OXENON_QEMU_PPC64",
    package: "qemu-user",
};

impl Tool {
    /// The program's path: the override variable if set, else the first name found on PATH.
    pub fn find(&self) -> Result<PathBuf> {
        if let Some(p) = std::env::var_os(self.env).filter(|p| !p.is_empty()) {
            let p = PathBuf::from(p);
            if is_executable(&p) {
                return Ok(p);
            }
            bail!(
                "{} is set to {}, which is not an executable file",
                self.env,
                p.display()
            );
        }
        for name in self.names {
            if let Some(p) = search_path(name) {
                return Ok(p);
            }
        }
        bail!(
            "{} not found on PATH; install the Debian package {} \
             (apt-get install {}) or point {} at it",
            self.names[0],
            self.package,
            self.package,
            self.env
        )
    }
}

fn search_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
