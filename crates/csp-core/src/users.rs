//! Adding a partner user: full name, a unique work email, known roles.

use crate::api::NewUser;
use crate::email::{check_work_email, identity_key, Purpose};
use crate::enrollment::Context;
use crate::field::Field;
use crate::problem::{max_chars, required, Code, Report};
use crate::roles::{RoleCatalog, RoleKind};

/// Partner-user sign-in: both fields filled (the backend decides the rest).
pub fn check_sign_in(user_name: &str, password: &str) -> Report {
    let mut r = Report::default();
    r.check(Field::SessionUserName, required(user_name).map(|_| ()));
    r.check(Field::SessionPassword, required(password).map(|_| ()));
    r
}

/// `existing` are the partner's current user emails; uniqueness ignores case and spaces.
/// `agent_answered`: "Not an agent" is a choice the user must make, never a default.
pub fn check_new_user(
    u: &NewUser,
    agent_answered: bool,
    existing: &[&str],
    catalog: &RoleCatalog,
    ctx: &Context,
) -> Report {
    let mut r = Report::default();
    r.check(
        Field::UserName,
        required(&u.name).and_then(|v| max_chars(v, 100)),
    );
    match check_work_email(&u.email, Purpose::User, &ctx.domains) {
        Ok(_)
            if existing
                .iter()
                .any(|e| identity_key(e) == identity_key(&u.email)) =>
        {
            r.add(Field::UserEmail, Code::EmailTaken)
        }
        Ok(warnings) => warnings
            .into_iter()
            .for_each(|w| r.add(Field::UserEmail, w)),
        Err(e) => r.add(Field::UserEmail, e),
    }
    let known = |id: &Option<String>, kind: RoleKind| {
        id.as_ref()
            .is_none_or(|id| catalog.get(id).is_some_and(|r| r.kind == kind))
    };
    if !agent_answered || !known(&u.agent_role, RoleKind::Agent) {
        r.add(Field::UserAgentRole, Code::ChooseOne);
    }
    if !known(&u.admin_role, RoleKind::Admin) {
        r.add(Field::UserAdminRole, Code::ChooseOne);
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
        assert_eq!(check_new_user(&ok, true, &[], &c, &ctx).0, vec![]);
        let codes = |u: &NewUser, ex: &[&str]| {
            check_new_user(u, true, ex, &c, &ctx)
                .0
                .into_iter()
                .map(|p| (p.field, p.problem.code))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(&ok, &["IVAN@contoso.ru"]),
            vec![(Field::UserEmail, Code::EmailTaken)]
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
                (Field::UserName, Code::Required),
                (Field::UserEmail, Code::EmailConsumer),
                (Field::UserAgentRole, Code::ChooseOne),
                (Field::UserAdminRole, Code::ChooseOne),
            ]
        );
    }
}
