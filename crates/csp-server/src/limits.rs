//! `maxLength` of every string field in the contract, enforced on the raw JSON before it is
//! decoded: a too-long field is a 422 `too-long` on that field, never stored. Fields without an
//! entry of their own get `DEFAULT_MAX`. The same numbers are in `api/openapi.yaml`.

use crate::error::{ApiErr, ApiResult};
use csp_core::problem::{Code, FieldProblem, Problem};
use csp_core::Field;
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

/// Every string within its limit: a form field over it is a 422 `too-long` on that field; any
/// other string over it (a key no form shows, such as an idempotency key) is a 400, since no
/// input of the app can make it. Depth is bounded by the body limit and serde_json's own
/// recursion limit (128).
pub fn check(v: &Value, prefix: &str) -> ApiResult<()> {
    let mut long = Vec::new();
    walk(v, String::new(), prefix, &mut long);
    let mut problems = Vec::new();
    for (path, max) in long {
        let field = Field::from_id(&field_name(&path, prefix)).ok_or_else(ApiErr::bad_request)?;
        problems.push(FieldProblem {
            field,
            problem: Problem::new(Code::TooLong).arg("max", max),
        });
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApiErr::validation(problems))
    }
}

/// The paths of the strings over their limit, with the limit.
fn walk(v: &Value, path: String, prefix: &str, out: &mut Vec<(String, usize)>) {
    match v {
        Value::String(s) => {
            let max = max_for(&path, prefix);
            if s.chars().count() > max {
                out.push((path, max));
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

    fn fields(v: Value, prefix: &str) -> Result<Vec<(String, String)>, u16> {
        match check(&v, prefix) {
            Ok(()) => Ok(vec![]),
            Err(e) if e.field_errors.is_empty() => Err(e.code),
            Err(e) => Ok(e
                .field_errors
                .iter()
                .map(|p| (p.field.id().to_string(), p.problem.args["max"].clone()))
                .collect()),
        }
    }

    #[test]
    fn each_field_has_its_limit() {
        let v = serde_json::json!({"draft": {"legal": {"address": {"line1": "é".repeat(200)}},
            "contact": {"email": "a".repeat(255)}}});
        assert_eq!(
            fields(v, ""),
            Ok(vec![("contact.email".into(), "254".into())])
        );
        assert_eq!(
            fields(serde_json::json!({"name": "李".repeat(100)}), "user"),
            Ok(vec![])
        );
        assert_eq!(
            fields(serde_json::json!({"name": "李".repeat(101)}), "user"),
            Ok(vec![("user.name".into(), "100".into())])
        );
        assert_eq!(
            fields(serde_json::json!({"name": "李".repeat(51)}), "relationship"),
            Ok(vec![("relationship.name".into(), "50".into())])
        );
        // The sign-ins' shared body is named after each form.
        assert_eq!(
            fields(serde_json::json!({"password": "p".repeat(129)}), "pmc"),
            Ok(vec![("pmc.password".into(), "128".into())])
        );
    }

    #[test]
    fn a_string_no_form_shows_is_a_bad_request() {
        let v = serde_json::json!({"idempotency_key": "k".repeat(101)});
        assert_eq!(fields(v, ""), Err(400));
        let v = serde_json::json!({"unknown": "x".repeat(300)});
        assert_eq!(fields(v, "user"), Err(400));
    }
}
