//! AES-128 as the format uses it: the file key is the session key encrypted (one block, ECB)
//! with a fixed console key, and the payload is CBC-encrypted with the session key and a zero
//! IV.

use aes::cipher::{
    BlockCipherDecrypt, BlockCipherEncrypt, BlockModeDecrypt, BlockModeEncrypt, KeyInit, KeyIvInit,
};
use aes::Aes128;

use super::XexError;

/// The retail consoles' XEX key (a public fact of the format).
pub const RETAIL_KEY: [u8; 16] = [
    0x20, 0xB1, 0x85, 0xA5, 0x9D, 0x28, 0xFD, 0xC3, 0x40, 0x58, 0x3F, 0xBB, 0x08, 0x96, 0xBF, 0x91,
];
/// The development kits' XEX key: all zeros.
pub const DEVKIT_KEY: [u8; 16] = [0; 16];

/// Which console key wraps a file's session key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Retail,
    Devkit,
}

impl KeyKind {
    pub fn key(self) -> [u8; 16] {
        match self {
            Self::Retail => RETAIL_KEY,
            Self::Devkit => DEVKIT_KEY,
        }
    }
}

/// The session key hidden in `file_key`.
pub fn unwrap_session_key(file_key: [u8; 16], kind: KeyKind) -> [u8; 16] {
    let cipher = Aes128::new(&kind.key().into());
    let mut block = file_key.into();
    cipher.decrypt_block(&mut block);
    block.into()
}

/// The file key that hides `session_key`.
pub fn wrap_session_key(session_key: [u8; 16], kind: KeyKind) -> [u8; 16] {
    let cipher = Aes128::new(&kind.key().into());
    let mut block = session_key.into();
    cipher.encrypt_block(&mut block);
    block.into()
}

type CbcDecrypt = cbc::Decryptor<Aes128>;
type CbcEncrypt = cbc::Encryptor<Aes128>;

/// Decrypts in place; `data` must be a whole number of blocks.
pub fn cbc_decrypt(session_key: [u8; 16], data: &mut [u8]) -> Result<(), XexError> {
    let mut mode = CbcDecrypt::new(&session_key.into(), &[0u8; 16].into());
    for chunk in blocks(data)? {
        if let Ok(block) = <&mut aes::Block>::try_from(chunk) {
            mode.decrypt_block(block);
        }
    }
    Ok(())
}

/// Encrypts in place; `data` must be a whole number of blocks.
pub fn cbc_encrypt(session_key: [u8; 16], data: &mut [u8]) -> Result<(), XexError> {
    let mut mode = CbcEncrypt::new(&session_key.into(), &[0u8; 16].into());
    for chunk in blocks(data)? {
        if let Ok(block) = <&mut aes::Block>::try_from(chunk) {
            mode.encrypt_block(block);
        }
    }
    Ok(())
}

fn blocks(data: &mut [u8]) -> Result<std::slice::ChunksExactMut<'_, u8>, XexError> {
    if !data.len().is_multiple_of(16) {
        return Err(XexError::UnalignedCiphertext(data.len() as u64));
    }
    Ok(data.chunks_exact_mut(16))
}
