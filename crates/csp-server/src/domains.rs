//! Domain names the directory keeps back, for a new tenant and a new customer alike.

/// Prefixes nobody may take: the vendor's own names.
pub(crate) const RESERVED_PREFIXES: &[&str] = &[
    "microsoft",
    "azure",
    "office",
    "office365",
    "windows",
    "outlook",
    "admin",
    "www",
    "support",
];
