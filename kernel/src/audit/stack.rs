//! Walking the guest's PowerPC stack back-chain to name who created a focus handle. The immediate
//! caller of `NtCreateEvent` is usually a thin wrapper shared by many subsystems; the frames
//! above it say which subsystem it was.

/// Deepest stack kept for a creation record.
pub const MAX_STACK_DEPTH: usize = 16;

/// Where a function saves its return address, relative to the back-chain word of its frame (the
/// caller's stack pointer at entry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameLayout {
    pub lr_save_offset: i32,
}

impl FrameLayout {
    /// Xbox 360 titles: `mflr r12; stw r12,-8(r1)` (directly or via `__savegprlr_N`) before the
    /// `stwu r1,-N(r1)` that allocates the frame, so the saved LR sits 8 bytes below the
    /// back-chain value.
    pub const XBOX360: FrameLayout = FrameLayout { lr_save_offset: -8 };
    /// The 32-bit System V ABI: the LR save word lives 4 bytes into the caller's frame.
    pub const SYSV32: FrameLayout = FrameLayout { lr_save_offset: 4 };
}

/// Guest return addresses, innermost first: `lr` (the export's caller), then the saved return
/// address of each frame found by following the back-chain from `sp` (the guest r1 at the call).
///
/// `read_u32` reads a big-endian guest word and returns `None` for an unmapped address. The walk
/// stops at `max_depth` addresses (capped at [`MAX_STACK_DEPTH`]), at a null, misaligned or
/// unreadable back-chain, at a null return address, and whenever the chain fails to move towards
/// older frames (stacks grow down, so each back-chain must be strictly above the previous
/// frame), which is what keeps a corrupted or cyclic chain from looping.
pub fn walk_back_chain(
    sp: u32,
    lr: u32,
    layout: FrameLayout,
    max_depth: usize,
    mut read_u32: impl FnMut(u32) -> Option<u32>,
) -> Vec<u32> {
    let depth = max_depth.min(MAX_STACK_DEPTH);
    let mut out = Vec::with_capacity(depth);
    if depth == 0 || lr == 0 {
        return out;
    }
    out.push(lr);
    let mut frame = sp;
    while out.len() < depth {
        let Some(back_chain) = read_u32(frame) else {
            break;
        };
        if back_chain == 0 || back_chain % 4 != 0 || back_chain <= frame {
            break;
        }
        let Some(slot) = back_chain.checked_add_signed(layout.lr_save_offset) else {
            break;
        };
        match read_u32(slot) {
            Some(0) | None => break,
            Some(ret) => out.push(ret),
        }
        frame = back_chain;
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// A guest stack built by hand following the Xbox 360 prologue convention described on
    /// `FrameLayout::XBOX360`: each frame's first word points at the caller's frame, and the
    /// function's return address sits at `back_chain - 8`.
    fn xbox_stack(frames: &[(u32, u32)]) -> HashMap<u32, u32> {
        // frames: (frame address, return address of the function owning that frame)
        let mut mem = HashMap::new();
        for (i, &(frame, ret)) in frames.iter().enumerate() {
            let caller = frames.get(i + 1).map(|f| f.0).unwrap_or(0);
            mem.insert(frame, caller);
            if caller != 0 {
                mem.insert(caller - 8, ret);
            }
        }
        mem
    }

    #[test]
    fn follows_the_chain_and_reads_each_saved_lr() {
        let mem = xbox_stack(&[
            (0x7000_0100, 0x824a_b020),
            (0x7000_0200, 0x82bb_aa00),
            (0x7000_0300, 0x8200_1000),
        ]);
        let stack = walk_back_chain(0x7000_0100, 0x824a_9f6c, FrameLayout::XBOX360, 16, |a| {
            mem.get(&a).copied()
        });
        assert_eq!(stack, vec![0x824a_9f6c, 0x824a_b020, 0x82bb_aa00]);
    }

    #[test]
    fn sysv_layout_reads_the_word_after_the_back_chain() {
        let mut mem = HashMap::new();
        mem.insert(0x1000u32, 0x1100u32);
        mem.insert(0x1104, 0x1234_5678);
        mem.insert(0x1100, 0);
        let stack = walk_back_chain(0x1000, 0xAAAA_0000, FrameLayout::SYSV32, 16, |a| {
            mem.get(&a).copied()
        });
        assert_eq!(stack, vec![0xAAAA_0000, 0x1234_5678]);
    }

    #[test]
    fn a_cyclic_chain_stops() {
        let mut mem = HashMap::new();
        mem.insert(0x2000u32, 0x2100u32);
        mem.insert(0x2100 - 8, 0x8200_0004);
        mem.insert(0x2100, 0x2000); // points back down: corrupt
        let stack = walk_back_chain(0x2000, 0x8200_0000, FrameLayout::XBOX360, 16, |a| {
            mem.get(&a).copied()
        });
        assert_eq!(stack, vec![0x8200_0000, 0x8200_0004]);
    }

    #[test]
    fn a_self_referencing_frame_stops() {
        let stack = walk_back_chain(0x3000, 0x8200_0000, FrameLayout::XBOX360, 16, |_| {
            Some(0x3000)
        });
        assert_eq!(stack, vec![0x8200_0000]);
    }

    #[test]
    fn depth_is_bounded_even_on_an_endless_valid_looking_chain() {
        // Every frame points 0x100 higher and every slot holds a return address.
        let stack = walk_back_chain(0x1000, 0x8200_0000, FrameLayout::XBOX360, 1000, |a| {
            Some(if a % 0x100 == 0 {
                a + 0x100
            } else {
                0x8300_0000
            })
        });
        assert_eq!(stack.len(), MAX_STACK_DEPTH);
        let stack = walk_back_chain(0x1000, 0x8200_0000, FrameLayout::XBOX360, 3, |a| {
            Some(if a % 0x100 == 0 {
                a + 0x100
            } else {
                0x8300_0000
            })
        });
        assert_eq!(stack.len(), 3);
    }

    #[test]
    fn unreadable_or_misaligned_chains_stop_without_panicking() {
        let stack = walk_back_chain(0x1000, 0x8200_0000, FrameLayout::XBOX360, 16, |_| None);
        assert_eq!(stack, vec![0x8200_0000]);
        let stack = walk_back_chain(0x1000, 0x8200_0000, FrameLayout::XBOX360, 16, |_| {
            Some(0x1003)
        });
        assert_eq!(stack, vec![0x8200_0000]);
        // A back-chain of 4 would put the LR slot below address 0.
        let stack = walk_back_chain(0, 0x8200_0000, FrameLayout::XBOX360, 16, |_| Some(4));
        assert_eq!(stack, vec![0x8200_0000]);
        let stack = walk_back_chain(0xFFFF_FFF0, 0x8200_0000, FrameLayout::SYSV32, 16, |_| {
            Some(0xFFFF_FFFC)
        });
        assert_eq!(stack, vec![0x8200_0000]);
    }
}
