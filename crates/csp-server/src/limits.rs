//! `maxLength` of every string in the contract (`csp_core::limits`), enforced on the raw JSON
//! before it is decoded: a too-long field is a 422 `too-long` on that field, never stored.

use crate::error::{ApiErr, ApiResult};
use csp_core::limits::{field_name, max_len};
use csp_core::problem::{Code, FieldProblem, Problem};
use csp_core::Field;
use serde_json::Value;

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
            let max = max_len(&path, prefix);
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
