//! The Xenos GPU on Vulkan. Nothing here yet: GPU work is a later issue.
