//! Who may do what among a partner's users, decided once for every backend (the in-browser
//! demo, the API server) and for the app that shows the navigation: what a user's roles open,
//! who may give or take which role, that a partner always keeps someone who manages users,
//! that nobody removes themselves, which tenant names nobody may take, when two sign-in names
//! are the same person, and the temporary passwords handed out.

use crate::api::{PartnerKind, User};
use crate::field::Field;
use crate::problem::{Code, FieldProblem, Problem, Report};
use crate::roles::{RoleCatalog, RoleKind, MANAGE_USERS};

/// The features a user with these roles has: what the roles open, among what their partner's
/// type offers (a reseller has no indirect resellers, a provider no indirect providers).
/// Sorted, each once.
pub fn features_of(
    catalog: &RoleCatalog,
    agent_role: Option<&str>,
    admin_role: Option<&str>,
    kind: Option<PartnerKind>,
) -> Vec<String> {
    let mut f = catalog.features(agent_role.into_iter().chain(admin_role));
    if let Some(kind) = kind {
        f.retain(|x| kind.offers(x));
    }
    f
}

/// [`features_of`] a user.
pub fn user_features(catalog: &RoleCatalog, u: &User) -> Vec<String> {
    features_of(
        catalog,
        u.agent_role.as_deref(),
        u.admin_role.as_deref(),
        u.partner_kind,
    )
}

/// Roles, agent and admin, may be given or taken away only by someone who has everything they
/// open in a partner of this type (`caller_features`, from [`features_of`]): nobody raises their
/// own permissions or anyone else's above theirs. The first feature the caller lacks, when
/// they may not.
pub fn may_grant(
    catalog: &RoleCatalog,
    caller_features: &[String],
    agent_role: Option<&str>,
    admin_role: Option<&str>,
    kind: Option<PartnerKind>,
) -> Result<(), String> {
    match features_of(catalog, agent_role, admin_role, kind)
        .into_iter()
        .find(|f| !caller_features.contains(f))
    {
        Some(missing) => Err(missing),
        None => Ok(()),
    }
}

/// Each role names a role of its kind in the catalog (or none).
pub fn check_role_kinds(
    catalog: &RoleCatalog,
    agent_role: Option<&str>,
    admin_role: Option<&str>,
) -> Report {
    let mut r = Report::default();
    for (role, kind, field) in [
        (agent_role, RoleKind::Agent, Field::UserAgentRole),
        (admin_role, RoleKind::Admin, Field::UserAdminRole),
    ] {
        if role.is_some_and(|id| catalog.get(id).is_none_or(|x| x.kind != kind)) {
            r.add(field, Code::ChooseOne);
        }
    }
    r
}

/// One user of a partner as the user-manager rule sees them: (id, agent role, admin role).
pub type Member<'a> = (&'a str, Option<&'a str>, Option<&'a str>);

/// Whether the partner still has someone who can manage users after `changed` gets the roles
/// `now` (None: removed). The problem to answer (409) when it would not.
pub fn keeps_a_user_manager<'a>(
    catalog: &RoleCatalog,
    users: impl IntoIterator<Item = Member<'a>>,
    changed: &str,
    now: Option<(Option<&str>, Option<&str>)>,
) -> Result<(), FieldProblem> {
    let manages = |agent: Option<&str>, admin: Option<&str>| {
        catalog
            .features(agent.into_iter().chain(admin))
            .iter()
            .any(|f| f == MANAGE_USERS)
    };
    let left = users.into_iter().any(|(id, agent, admin)| {
        if id == changed {
            now.is_some_and(|(agent, admin)| manages(agent, admin))
        } else {
            manages(agent, admin)
        }
    });
    if left {
        Ok(())
    } else {
        Err(FieldProblem {
            field: Field::UserAdminRole,
            problem: Code::LastUserAdmin.into(),
        })
    }
}

/// Nobody removes their own account: the sign-in they are using would go with it.
pub fn may_remove(caller_id: &str, target_id: &str) -> Result<(), FieldProblem> {
    if caller_id == target_id {
        Err(FieldProblem {
            field: Field::UserAdminRole,
            problem: Code::RemoveSelf.into(),
        })
    } else {
        Ok(())
    }
}

/// A partner adds users only at its own domains, so another partner's addresses can be
/// neither probed (is there such a user?) nor blocked (taken before they are added).
pub fn check_partner_domain(email: &str, partner_domains: &[String]) -> Result<(), Problem> {
    let email = crate::email::normalize(email);
    let domain = email.rsplit_once('@').map_or("", |(_, d)| d);
    if partner_domains
        .iter()
        .any(|d| d.eq_ignore_ascii_case(domain))
    {
        Ok(())
    } else {
        Err(Problem::new(Code::EmailNotPartnerDomain).arg("domains", partner_domains.join(", ")))
    }
}

/// What a backend checks of a user a partner adds: the form's rules against the partner's own
/// users (`existing`), then that the address is at one of the partner's domains.
pub fn check_added_user(
    u: &crate::api::NewUser,
    existing: &[&str],
    partner_domains: &[String],
    catalog: &RoleCatalog,
    ctx: &crate::enrollment::Context,
) -> Report {
    let mut r = crate::users::check_new_user(u, true, existing, catalog, ctx);
    if !r.errors().any(|p| p.field == Field::UserEmail) {
        if let Err(p) = check_partner_domain(&u.email, partner_domains) {
            r.add(Field::UserEmail, p);
        }
    }
    r
}

/// Tenant domain prefixes nobody may take (`<prefix>.onmicrosoft.com`): the vendor's own names
/// and the words that pass for its staff.
pub const RESERVED_PREFIXES: &[&str] = &[
    "microsoft",
    "azure",
    "office",
    "office365",
    "windows",
    "outlook",
    "admin",
    "administrator",
    "www",
    "support",
    "security",
];

/// Whether `prefix` (any case) is reserved.
pub fn is_reserved_prefix(prefix: &str) -> bool {
    let p = prefix.trim().to_ascii_lowercase();
    RESERVED_PREFIXES.contains(&p.as_str())
}

/// The key two sign-in names or work emails count as the same person under: core's
/// normalizing (trimmed, `＠`/`。` mapped), then NFKC, case folding and NFKC again, so
/// `li@ｃontoso.cn` and `LI@contoso.cn` are one user.
pub fn identity_key(raw: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let n: String = crate::email::normalize(raw).nfkc().collect();
    n.to_lowercase().nfkc().collect()
}

/// The letters of a temporary password: no look-alikes (`0`/`O`, `1`/`l`/`I`).
const PASSWORD_LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

/// A temporary password: 16 letters of [`PASSWORD_LETTERS`] (~93 bits), in groups of four.
/// `random` gives bytes from a CSPRNG (an error stops it: never a weaker fallback); rejection
/// sampling keeps every letter equally likely.
pub fn temporary_password<E>(mut random: impl FnMut() -> Result<[u8; 16], E>) -> Result<String, E> {
    let n = PASSWORD_LETTERS.len();
    let mut out = Vec::with_capacity(16);
    while out.len() < 16 {
        for b in random()? {
            // 56 × 4 = 224: bytes at or above it would favour the first letters.
            if (b as usize) < n * 4 && out.len() < 16 {
                out.push(PASSWORD_LETTERS[b as usize % n] as char);
            }
        }
    }
    Ok(out
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> RoleCatalog {
        RoleCatalog::builtin()
    }

    #[test]
    fn features_follow_the_roles_and_the_partner_type() {
        let c = catalog();
        let admin = features_of(&c, None, Some("global-admin"), None);
        assert!(admin.iter().any(|f| f == "indirect-resellers"));
        let reseller = features_of(
            &c,
            None,
            Some("global-admin"),
            Some(PartnerKind::IndirectReseller),
        );
        assert!(!reseller.iter().any(|f| f == "indirect-resellers"));
        assert!(reseller.iter().any(|f| f == "indirect-providers"));
        let provider = features_of(
            &c,
            None,
            Some("global-admin"),
            Some(PartnerKind::IndirectProvider),
        );
        assert!(!provider.iter().any(|f| f == "indirect-providers"));
    }

    #[test]
    fn nobody_grants_more_than_they_have() {
        let c = catalog();
        let reseller = Some(PartnerKind::IndirectReseller);
        let user_admin = features_of(&c, None, Some("user-management-admin"), reseller);
        let grant = |agent, admin| may_grant(&c, &user_admin, agent, admin, reseller);
        assert!(grant(None, Some("user-management-admin")).is_ok());
        assert!(grant(None, Some("global-admin")).is_err());
        // Through the agent role too: an admin agent opens what a user manager lacks.
        assert!(grant(Some("admin-agent"), None).is_err());
        assert!(grant(None, None).is_ok());
        // What the partner's type doesn't offer is nobody's to lack.
        let global = features_of(&c, None, Some("global-admin"), reseller);
        assert!(!global.iter().any(|f| f == "indirect-resellers"));
        assert!(may_grant(
            &c,
            &global,
            Some("admin-agent"),
            Some("global-admin"),
            reseller
        )
        .is_ok());
    }

    #[test]
    fn role_kinds_are_checked() {
        let c = catalog();
        assert!(!check_role_kinds(&c, Some("admin-agent"), Some("global-admin")).has_errors());
        let r = check_role_kinds(&c, Some("global-admin"), Some("no-such-role"));
        let fields: Vec<Field> = r.errors().map(|p| p.field).collect();
        assert_eq!(fields, vec![Field::UserAgentRole, Field::UserAdminRole]);
    }

    #[test]
    fn a_partner_keeps_a_user_manager() {
        let c = catalog();
        let users = [
            ("a", None, Some("global-admin")),
            ("b", Some("helpdesk-agent"), None),
        ];
        assert!(keeps_a_user_manager(&c, users, "b", None).is_ok());
        assert!(keeps_a_user_manager(&c, users, "a", None).is_err());
        assert!(
            keeps_a_user_manager(&c, users, "a", Some((None, Some("user-management-admin"))))
                .is_ok()
        );
        assert!(keeps_a_user_manager(&c, users, "a", Some((Some("sales-agent"), None))).is_err());
    }

    #[test]
    fn nobody_removes_themselves() {
        assert!(may_remove("a", "a").is_err());
        assert!(may_remove("a", "b").is_ok());
    }

    #[test]
    fn users_only_at_the_partners_domains() {
        let mine = vec!["contoso.com".to_string(), "contoso.onmicrosoft.com".into()];
        assert!(check_partner_domain(" Li@Contoso.COM ", &mine).is_ok());
        assert!(check_partner_domain("li@contoso.onmicrosoft.com", &mine).is_ok());
        let p = check_partner_domain("admin@fabrikam.com", &mine).unwrap_err();
        assert_eq!(p.code, Code::EmailNotPartnerDomain);
        assert_eq!(p.args["domains"], "contoso.com, contoso.onmicrosoft.com");
        assert!(check_partner_domain("li@sub.contoso.com", &mine).is_err());
        // A warning on the address (an onmicrosoft.com one) does not skip the domain check.
        let u = crate::api::NewUser {
            name: "Li".into(),
            email: "admin@fabrikam.onmicrosoft.com".into(),
            agent_role: None,
            admin_role: None,
            language: None,
        };
        let r = check_added_user(&u, &[], &mine, &catalog(), &Default::default());
        assert!(r
            .errors()
            .any(|p| p.problem.code == Code::EmailNotPartnerDomain));
    }

    #[test]
    fn reserved_prefixes_in_any_case() {
        assert!(is_reserved_prefix("Microsoft"));
        assert!(is_reserved_prefix(" admin "));
        assert!(!is_reserved_prefix("contosofr"));
    }

    #[test]
    fn identity_keys_fold_width_and_case() {
        assert_eq!(
            identity_key("LI@ｃontoso.cn"),
            identity_key(" li@contoso.cn")
        );
        assert_eq!(identity_key("Anna＠Contoso。com"), "anna@contoso.com");
        assert_ne!(
            identity_key("anna@contoso.com"),
            identity_key("ana@contoso.com")
        );
    }

    #[test]
    fn temporary_passwords_are_grouped_and_use_every_byte_fairly() {
        let mut n = 0u8;
        let p = temporary_password(|| {
            n = n.wrapping_add(1);
            Ok::<_, ()>([n.wrapping_mul(37); 16])
        })
        .unwrap();
        assert_eq!(p.len(), 19);
        assert_eq!(p.matches('-').count(), 3);
        assert!(p
            .chars()
            .all(|c| c == '-' || PASSWORD_LETTERS.contains(&(c as u8))));
        // Only bytes ≥ 224: no letter can be drawn fairly, so it asks again, then stops on error.
        let mut calls = 0;
        let e = temporary_password(|| {
            calls += 1;
            if calls < 3 {
                Ok([255; 16])
            } else {
                Err("no randomness")
            }
        });
        assert_eq!(e, Err("no randomness"));
    }
}
