//! The most characters each string of the contract's request bodies may have, declared once:
//! a backend refuses a longer one (`too-long` on its field) before it is decoded, and a test
//! checks the numbers against the `maxLength`s of `api/openapi.yaml`. A string without an
//! entry of its own may have [`DEFAULT_MAX`].

pub const DEFAULT_MAX: usize = 256;

/// (JSON path, max characters). Paths are the contract's field names.
pub const LIMITS: &[(&str, usize)] = &[
    ("user_name", 254),
    ("password", 128),
    ("current_password", 128),
    ("new_password", 128),
    ("idempotency_key", 100),
    ("language", 16),
    ("token", 128),
    ("message", 2000),
    ("job_title", 100),
    ("version", 40),
    ("status", 40),
    ("organization", 256),
    ("domain_prefix", 27),
    ("country", 2),
    ("admin_first_name", 100),
    ("admin_last_name", 100),
    ("admin_email", 254),
    ("name", 100),
    ("email", 254),
    ("agent_role", 64),
    ("admin_role", 64),
    ("draft.partner_type", 40),
    ("draft.tenant.domain", 253),
    ("draft.tenant.country", 2),
    ("draft.tenant.organization", 256),
    ("draft.profile.mpn_id", 16),
    ("draft.profile.name", 256),
    ("draft.profile.kind", 20),
    ("draft.profile.status", 20),
    ("draft.profile.country", 2),
    ("draft.work_account.user_name", 254),
    ("draft.work_account.mode", 20),
    ("draft.work_account.new_tenant.organization", 256),
    ("draft.work_account.new_tenant.domain_prefix", 27),
    ("draft.work_account.new_tenant.country", 2),
    ("draft.work_account.new_tenant.admin_first_name", 100),
    ("draft.work_account.new_tenant.admin_last_name", 100),
    ("draft.work_account.new_tenant.admin_email", 254),
    ("draft.legal.legal_name", 200),
    ("draft.legal.registration_id", 32),
    ("draft.legal.address.line1", 200),
    ("draft.legal.address.line2", 200),
    ("draft.legal.address.city", 100),
    ("draft.legal.address.state", 100),
    ("draft.legal.address.postal_code", 20),
    ("draft.legal.address.country", 2),
    ("draft.contact.first_name", 100),
    ("draft.contact.last_name", 100),
    ("draft.contact.email", 254),
    ("draft.contact.phone", 32),
    ("draft.support.email", 254),
    ("draft.support.phone", 32),
    ("draft.support.website", 256),
    ("draft.bank.country", 2),
    ("draft.bank.account_holder", 200),
    ("draft.bank.iban", 42),
    ("draft.bank.bic", 11 + 4),
    ("draft.bank.bank_code", 16),
    ("draft.bank.account_number", 34 + 8),
    // Issue #11's bodies: Add customer, authorize a provider, a relationship request.
    ("company_name", 256),
    ("phone", 32),
    ("registration_id", 32),
    ("address.line1", 200),
    ("address.line2", 200),
    ("address.city", 100),
    ("address.state", 100),
    ("address.postal_code", 20),
    ("address.country", 2),
    ("provider_id", 64),
    ("reseller_id", 64),
    ("roles", 64),
    // The business profile and a partnership request.
    ("description_en", 2000),
    ("description_ru", 2000),
    ("description_zh_cn", 2000),
    ("description_fr", 2000),
    ("industries", 64),
    ("services", 64),
    ("countries", 2),
    ("website", 256),
    // A customer's answer to a reseller-relationship link.
    ("partner_id", 64),
    ("request_id", 64),
    // Where one body's field is shorter than another's of the same name: by field name.
    ("relationship.name", 50),
];

/// The limit of the string at `path` (`draft.contact.email`) of a body filling the form `prefix`
/// (`Endpoint::fields`): by its field's name (`relationship.name`), else by its JSON path.
pub fn max_len(path: &str, prefix: &str) -> usize {
    let field = field_name(path, prefix);
    let find = |key: &str| LIMITS.iter().find(|(p, _)| *p == key).map(|(_, m)| *m);
    find(&field).or_else(|| find(path)).unwrap_or(DEFAULT_MAX)
}

/// The field a body's string at `path` fills, by name as the UI knows it: `draft.` is dropped,
/// the form `prefix` is put in front (`user.email`, `session.password`).
pub fn field_name(path: &str, prefix: &str) -> String {
    let p = path.strip_prefix("draft.").unwrap_or(path);
    if prefix.is_empty() {
        p.to_string()
    } else {
        format!("{prefix}.{p}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every `maxLength` of the OpenAPI file is a limit of this table for a string of that
    /// name, and every limit of a string the file bounds is one of the file's.
    #[test]
    fn the_limits_are_the_openapi_files() {
        let yaml = include_str!("../../../api/openapi.yaml");
        let mut file: BTreeSet<(String, usize)> = BTreeSet::new();
        for line in yaml.lines() {
            let mut rest = line;
            while let Some(at) = rest.find("maxLength: ") {
                // The property the bound is on: the key before it, or the array's for `items`.
                let mut before = &rest[..at];
                let key = loop {
                    let key = before
                        .rfind(": {")
                        .map(|i| &before[..i])
                        .and_then(|b| {
                            b.rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                                .next()
                        })
                        .unwrap_or_default();
                    match before.rfind("items: {") {
                        Some(i) if key == "items" => before = &before[..i],
                        _ => break key,
                    }
                };
                let n: String = rest[at + 11..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                // Path parameters (`schema: {…}`) are no body's strings.
                if !key.is_empty() && key != "schema" {
                    file.insert((key.to_string(), n.parse().unwrap()));
                }
                rest = &rest[at + 11..];
            }
        }
        assert!(file.len() > 30, "read the file's maxLengths: {file:?}");
        let leaf = |p: &str| p.rsplit('.').next().unwrap_or(p).to_string();
        let table: BTreeSet<(String, usize)> = LIMITS.iter().map(|(p, n)| (leaf(p), *n)).collect();
        for (key, n) in &file {
            assert!(
                table.contains(&(key.clone(), *n))
                    || (*n == DEFAULT_MAX && !table.iter().any(|(k, _)| k == key)),
                "api/openapi.yaml bounds {key} to {n}: no such limit here"
            );
        }
        for (key, n) in &table {
            let bounded: Vec<usize> = file
                .iter()
                .filter(|(k, _)| k == key)
                .map(|(_, m)| *m)
                .collect();
            assert!(
                bounded.is_empty() || bounded.contains(n),
                "{key} ≤ {n} here, the file says {bounded:?}"
            );
        }
    }
}
