//! `maxLength` of every string field in the contract, enforced on the raw JSON before it is
//! decoded: a too-long field is a 422 `too-long` on that field, never stored. Fields without an
//! entry of their own get `DEFAULT_MAX`. The same numbers are in `api/openapi.yaml`.

use crate::error::field_problem;
use serde_json::Value;

pub const DEFAULT_MAX: usize = 256;

/// (JSON path, max characters). Paths are the contract's field names.
pub const LIMITS: &[(&str, usize)] = &[
    ("user_name", 254),
    ("password", 128),
    ("current_password", 128),
    ("new_password", 128),
    ("idempotency_key", 100),
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
    // Where one body's field is shorter than another's of the same name: by field name.
    ("relationship.name", 50),
];

/// The limit of the field by its UI name (`relationship.name`), else by its JSON path.
fn max_for(path: &str, prefix: &str) -> usize {
    let field = field_name(path, prefix);
    let find = |key: &str| LIMITS.iter().find(|(p, _)| *p == key).map(|(_, m)| *m);
    find(&field).or_else(|| find(path)).unwrap_or(DEFAULT_MAX)
}

/// Field names as the UI knows them: `draft.` is dropped, `prefix` is put in front
/// (`user.email`, `session.password`).
fn field_name(path: &str, prefix: &str) -> String {
    let p = path.strip_prefix("draft.").unwrap_or(path);
    if prefix.is_empty() {
        p.to_string()
    } else {
        format!("{prefix}.{p}")
    }
}

/// Every string over its limit, as `too-long` problems. Depth is bounded by the body limit
/// and serde_json's own recursion limit (128).
pub fn check(v: &Value, prefix: &str) -> Vec<Value> {
    let mut out = Vec::new();
    walk(v, String::new(), prefix, &mut out);
    out
}

fn walk(v: &Value, path: String, prefix: &str, out: &mut Vec<Value>) {
    match v {
        Value::String(s) => {
            let max = max_for(&path, prefix);
            if s.chars().count() > max {
                out.push(field_problem(
                    &field_name(&path, prefix),
                    "too-long",
                    &[("max", max.to_string())],
                ));
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(x, p, prefix, out);
            }
        }
        Value::Array(a) => {
            for x in a {
                walk(x, path.clone(), prefix, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_has_its_limit() {
        let v = serde_json::json!({"idempotency_key": "k".repeat(101), "draft": {"legal": {"address": {"line1": "é".repeat(200)}},
            "contact": {"email": "a".repeat(255)}, "unknown": "x".repeat(300)}});
        let p = check(&v, "");
        let fields: Vec<&str> = p.iter().map(|x| x["field"].as_str().unwrap()).collect();
        assert_eq!(fields, vec!["contact.email", "unknown", "idempotency_key"]);
        assert_eq!(p[0]["args"]["max"], "254");
        assert!(check(&serde_json::json!({"name": "李".repeat(100)}), "user").is_empty());
        assert_eq!(
            check(&serde_json::json!({"name": "李".repeat(101)}), "user")[0]["field"],
            "user.name"
        );
        let r = check(
            &serde_json::json!({"name": "李".repeat(51)}),
            "relationship",
        );
        assert_eq!(
            (r[0]["field"].as_str(), r[0]["args"]["max"].as_str()),
            (Some("relationship.name"), Some("50"))
        );
    }
}
