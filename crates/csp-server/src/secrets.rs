//! Randomness, identifiers, password hashing and the password rule. Every secret comes from
//! the OS CSPRNG; when it fails the request fails, there is no weaker fallback.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

#[derive(Debug)]
pub struct RandomUnavailable;

pub fn random_bytes<const N: usize>() -> Result<[u8; N], RandomUnavailable> {
    let mut b = [0u8; N];
    getrandom::getrandom(&mut b).map_err(|_| RandomUnavailable)?;
    Ok(b)
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An unguessable resource ID (128 random bits), e.g. `usr_3f9c…`.
pub fn new_id(prefix: &str) -> Result<String, RandomUnavailable> {
    Ok(format!("{prefix}_{}", hex(&random_bytes::<16>()?)))
}

/// An unguessable ID in the GUID shape partner, customer and request IDs have (invitation
/// links carry them and `csp_core::ids::parse_id` checks that shape): 122 random bits.
pub fn new_guid() -> Result<String, RandomUnavailable> {
    let mut b = random_bytes::<16>()?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b);
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    ))
}

/// A session or CSRF token: 256 random bits.
pub fn new_token() -> Result<String, RandomUnavailable> {
    Ok(hex(&random_bytes::<32>()?))
}

/// Sessions are stored under the token's hash, so a leaked database holds no usable token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

pub fn ct_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// A temporary password (`csp_core::access::temporary_password`) from the OS CSPRNG.
pub fn temporary_password() -> Result<String, RandomUnavailable> {
    csp_core::access::temporary_password(random_bytes::<16>)
}

/// Argon2id with the configured cost.
#[derive(Clone)]
pub struct Hasher {
    params: Params,
    /// Verified against when the account does not exist, so both cases take as long.
    dummy: String,
}

impl Hasher {
    pub fn new(memory_kib: u32, iterations: u32) -> Hasher {
        let params = Params::new(memory_kib, iterations, 1, None).expect("valid Argon2 parameters");
        let mut h = Hasher {
            params,
            dummy: String::new(),
        };
        h.dummy = h
            .hash("not a password")
            .expect("OS random source available at start");
        h
    }

    fn argon(&self) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    /// A PHC string (`$argon2id$v=19$m=…`): algorithm, cost and salt travel with the hash.
    pub fn hash(&self, password: &str) -> Result<String, RandomUnavailable> {
        let salt = SaltString::encode_b64(&random_bytes::<16>()?).map_err(|_| RandomUnavailable)?;
        Ok(self
            .argon()
            .hash_password(password.as_bytes(), &salt)
            .map_err(|_| RandomUnavailable)?
            .to_string())
    }

    /// Constant-time comparison inside `argon2`; `None` verifies against the dummy hash.
    pub fn verify(&self, password: &str, phc: Option<&str>) -> bool {
        let target = phc.unwrap_or(&self.dummy);
        let ok = PasswordHash::new(target)
            .map(|h| {
                self.argon()
                    .verify_password(password.as_bytes(), &h)
                    .is_ok()
            })
            .unwrap_or(false);
        ok && phc.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argon2id_verifies_only_the_right_password() {
        let h = Hasher::new(1024, 1);
        let phc = h.hash("correct horse").unwrap();
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(h.verify("correct horse", Some(&phc)));
        assert!(!h.verify("correct hors", Some(&phc)));
        assert!(
            !h.verify("not a password", None),
            "the dummy never signs anyone in"
        );
        assert_ne!(phc, h.hash("correct horse").unwrap(), "salted");
    }

    #[test]
    fn temporary_passwords_are_random_and_grouped() {
        let a = temporary_password().unwrap();
        assert_eq!(a.len(), 19);
        assert_eq!(a.matches('-').count(), 3);
        assert_ne!(a, temporary_password().unwrap());
    }

    #[test]
    fn tokens_compare_in_constant_time_and_hash() {
        let t = new_token().unwrap();
        assert_eq!(t.len(), 64);
        assert!(ct_eq(&t, &t.clone()));
        assert!(!ct_eq(&t, &new_token().unwrap()));
        assert_eq!(token_hash(&t).len(), 64);
        assert!(new_id("usr").unwrap().starts_with("usr_"));
    }
}
