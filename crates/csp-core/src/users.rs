//! Adding a partner user: full name, a unique work email, known roles.

use crate::api::NewUser;
use crate::email::{check_work_email, identity_key, Purpose};
use crate::enrollment::Context;
use crate::problem::{max_chars, required, Code, Report};
use crate::roles::{RoleCatalog, RoleKind};

/// `existing` are the partner's current user emails; uniqueness ignores case and spaces.
pub fn check_new_user(
    u: &NewUser,
    existing: &[&str],
    catalog: &RoleCatalog,
    ctx: &Context,
) -> Report {
    let mut r = Report::default();
    r.check(
        "user.name",
        required(&u.name).and_then(|v| max_chars(v, 100)),
    );
    match check_work_email(&u.email, Purpose::User, &ctx.domains) {
        Ok(_)
            if existing
                .iter()
                .any(|e| identity_key(e) == identity_key(&u.email)) =>
        {
            r.add("user.email", Code::EmailTaken)
        }
        Ok(warnings) => warnings.into_iter().for_each(|w| r.add("user.email", w)),
        Err(e) => r.add("user.email", e),
    }
    let known = |id: &Option<String>, kind: RoleKind| {
        id.as_ref()
            .is_none_or(|id| catalog.get(id).is_some_and(|r| r.kind == kind))
    };
    if !known(&u.agent_role, RoleKind::Agent) {
        r.add("user.agent_role", Code::ChooseOne);
    }
    if !known(&u.admin_role, RoleKind::Admin) {
        r.add("user.admin_role", Code::ChooseOne);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_email_and_roles() {
        let c = RoleCatalog::builtin();
        let ctx = Context::default();
        let ok = NewUser {
            name: "Иван Петров".into(),
            email: "ivan@contoso.ru".into(),
            agent_role: Some("admin-agent".into()),
            admin_role: None,
        };
        assert_eq!(check_new_user(&ok, &[], &c, &ctx).0, vec![]);
        let codes = |u: &NewUser, ex: &[&str]| {
            check_new_user(u, ex, &c, &ctx)
                .0
                .into_iter()
                .map(|p| (p.field, p.problem.code))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(&ok, &["IVAN@contoso.ru"]),
            vec![("user.email".into(), Code::EmailTaken)]
        );
        let bad = NewUser {
            name: " ".into(),
            email: "wang@qq.com".into(),
            agent_role: Some("global-admin".into()),
            admin_role: Some("nope".into()),
        };
        assert_eq!(
            codes(&bad, &[]),
            vec![
                ("user.name".into(), Code::Required),
                ("user.email".into(), Code::EmailConsumer),
                ("user.agent_role".into(), Code::ChooseOne),
                ("user.admin_role".into(), Code::ChooseOne),
            ]
        );
    }
}
