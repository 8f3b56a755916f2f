//! Adding a partner user: full name, a unique work email, known roles.

use crate::access::identity_key;
use crate::api::{NewUser, PasswordChange};
use crate::email::{check_work_email, Purpose};
use crate::enrollment::Context;
use crate::field::Field;
use crate::problem::{max_chars, required, Code, Problem, Report};
use crate::roles::{RoleCatalog, RoleKind};

/// Partner-user sign-in: both fields filled (the backend decides the rest).
pub fn check_sign_in(user_name: &str, password: &str) -> Report {
    let mut r = Report::default();
    r.check(Field::SessionUserName, required(user_name).map(|_| ()));
    r.check(Field::SessionPassword, required(password).map(|_| ()));
    r
}

/// The shortest new password (NIST SP 800-63B: length and a blocklist, no composition rules).
pub const PASSWORD_MIN_CHARS: usize = 12;
/// The longest a password may be.
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Passwords everybody tries first, in the portal's languages.
const COMMON_PASSWORDS: &[&str] = &[
    "password",
    "passw0rd",
    "123456",
    "qwerty",
    "azerty",
    "letmein",
    "welcome",
    "iloveyou",
    "admin",
    "motdepasse",
    "parol",
    "111111",
    "abc123",
    "000000",
];

/// A new password: 12 to 128 characters, not the current one, not containing the user name's
/// local part, not a common password or a run of few distinct characters. The UI shows these
/// checks as the user types; every backend makes the same ones.
pub fn check_new_password(user_name: &str, change: &PasswordChange) -> Report {
    let mut r = Report::default();
    r.check(
        Field::CurrentPassword,
        required(&change.current_password).map(|_| ()),
    );
    let result = chosen_password(user_name, &change.new_password).and_then(|()| {
        if change.new_password == change.current_password {
            Err(Code::PasswordSame.into())
        } else {
            Ok(())
        }
    });
    r.check(Field::NewPassword, result);
    r
}

/// The password an invited user chooses from their invitation link: the rules of
/// [`check_new_password`], with no current password to know.
pub fn check_invited_password(user_name: &str, new_password: &str) -> Report {
    let mut r = Report::default();
    r.check(Field::NewPassword, chosen_password(user_name, new_password));
    r
}

fn chosen_password(user_name: &str, new: &str) -> Result<(), Problem> {
    let n = new.chars().count();
    let lower = new.to_lowercase();
    let local = crate::email::normalize(user_name).to_lowercase();
    let local = local.split('@').next().unwrap_or_default();
    let distinct = {
        let mut c: Vec<char> = lower.chars().collect();
        c.sort_unstable();
        c.dedup();
        c.len()
    };
    if new.is_empty() {
        Err(Code::Required.into())
    } else if n < PASSWORD_MIN_CHARS {
        Err(Problem::new(Code::PasswordTooShort).arg("min", PASSWORD_MIN_CHARS))
    } else if n > PASSWORD_MAX_CHARS {
        Err(Problem::new(Code::TooLong).arg("max", PASSWORD_MAX_CHARS))
    } else if local.chars().count() >= 3 && lower.contains(local) {
        Err(Code::PasswordContainsUserName.into())
    } else if distinct < 4 || COMMON_PASSWORDS.iter().any(|c| lower.contains(c)) {
        Err(Code::PasswordCommon.into())
    } else {
        Ok(())
    }
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
    if u.language
        .as_deref()
        .is_some_and(|l| !crate::mail::LANGUAGES.contains(&l))
    {
        r.add(Field::UserLanguage, Code::ChooseOne);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_passwords_follow_the_rules() {
        let code = |new: &str| {
            let c = PasswordChange {
                current_password: "Temp-1234-abcd-EFGH".into(),
                new_password: new.into(),
            };
            check_new_password("anna.petrova@contoso.ru", &c)
                .for_field(Field::NewPassword)
                .map(|p| p.code)
        };
        assert_eq!(code("Zk8#wq2Lm-x4"), None);
        assert_eq!(code("Пароль-горы-2024"), None);
        assert_eq!(code("长城长江黄河泰山华山"), Some(Code::PasswordTooShort));
        assert_eq!(code("长城长江黄河泰山华山峨眉"), None);
        assert_eq!(code(""), Some(Code::Required));
        assert_eq!(code("Ab1!"), Some(Code::PasswordTooShort));
        assert_eq!(code("ababababababab"), Some(Code::PasswordCommon));
        assert_eq!(code("MonMotDePasse2024"), Some(Code::PasswordCommon));
        assert_eq!(
            code("Anna.Petrova-1999"),
            Some(Code::PasswordContainsUserName)
        );
        assert_eq!(code("Temp-1234-abcd-EFGH"), Some(Code::PasswordSame));
        assert_eq!(code(&"Aa1!".repeat(40)), Some(Code::TooLong));
        // An invited user has no current password: the same rules, but for that one.
        let invited = |new: &str| {
            check_invited_password("anna.petrova@contoso.ru", new)
                .for_field(Field::NewPassword)
                .map(|p| p.code)
        };
        assert_eq!(invited("Zk8#wq2Lm-x4"), None);
        assert_eq!(invited(""), Some(Code::Required));
        assert_eq!(invited("MonMotDePasse2024"), Some(Code::PasswordCommon));
        assert_eq!(
            invited("anna.petrova-1999"),
            Some(Code::PasswordContainsUserName)
        );
    }

    #[test]
    fn name_email_and_roles() {
        let c = RoleCatalog::builtin();
        let ctx = Context::default();
        let ok = NewUser {
            name: "Иван Петров".into(),
            email: "ivan@contoso.ru".into(),
            agent_role: Some("admin-agent".into()),
            admin_role: None,
            language: Some("ru".into()),
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
            language: Some("de".into()),
        };
        assert_eq!(
            codes(&bad, &[]),
            vec![
                (Field::UserName, Code::Required),
                (Field::UserEmail, Code::EmailConsumer),
                (Field::UserAgentRole, Code::ChooseOne),
                (Field::UserAdminRole, Code::ChooseOne),
                (Field::UserLanguage, Code::ChooseOne),
            ]
        );
        let unsaid = NewUser {
            language: None,
            ..ok.clone()
        };
        assert_eq!(check_new_user(&unsaid, true, &[], &c, &ctx).0, vec![]);
    }
}
