//! The Xbox 360 kernel, emulated at the level of its exports. Empty until the kernel issue
//! lands: the XEX loader, the HLE exports and the scheduler arrive together there.
