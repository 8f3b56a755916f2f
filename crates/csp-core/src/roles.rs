//! Roles as data: the catalog comes from the backend (or the built-in default) and decides
//! what each user sees; no code is written per role.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleKind {
    Agent,
    Admin,
}

/// Text in each UI language, keyed by locale (`en`, `ru`, `zh-CN`, `fr`).
pub type Localized<T> = BTreeMap<String, T>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub id: String,
    pub kind: RoleKind,
    pub name: Localized<String>,
    pub can: Localized<Vec<String>>,
    pub cannot: Localized<Vec<String>>,
    /// Portal features this role opens (`customers`, `users`, `relationship-requests`, ...).
    pub features: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleCatalog {
    pub roles: Vec<Role>,
}

/// The feature that lets a role manage the partner's users.
pub const MANAGE_USERS: &str = "users";
/// The reseller's *Indirect providers* page (view customers, invite new customers).
pub const INDIRECT_PROVIDERS: &str = "indirect-providers";
/// The provider's *Indirect resellers* page (request / remove a partnership).
pub const INDIRECT_RESELLERS: &str = "indirect-resellers";
/// Accepting a provider's invitation: the tenant's Global admin only.
pub const AUTHORIZE_INDIRECT_PROVIDER: &str = "authorize-indirect-provider";
/// The *Customers* page: search, filter, export.
pub const CUSTOMERS: &str = "customers";
/// Request (and remove) a reseller relationship with a customer.
pub const RELATIONSHIP_REQUESTS: &str = "relationship-requests";
/// The *Business profile* page: what the partner publishes (a provider's directory listing).
pub const BUSINESS_PROFILE: &str = "business-profile";
/// Create a customer's tenant.
pub const ADD_CUSTOMER: &str = "add-customer";

impl RoleCatalog {
    /// The seeds' table plus sales agent and billing admin, in the vendor's official names.
    pub fn builtin() -> Self {
        serde_json::from_str(include_str!("../data/roles.json"))
            .expect("built-in roles.json is valid")
    }

    pub fn get(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn of_kind(&self, kind: RoleKind) -> impl Iterator<Item = &Role> {
        self.roles.iter().filter(move |r| r.kind == kind)
    }

    /// Everything a user with these roles may open, sorted, each once.
    pub fn features<'a>(&self, roles: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let mut f: Vec<String> = roles
            .into_iter()
            .filter_map(|id| self.get(id))
            .flat_map(|r| r.features.iter().cloned())
            .collect();
        f.sort_unstable();
        f.dedup();
        f
    }
}

impl Role {
    /// Text in `locale`, falling back to English.
    pub fn localized<'a, T>(map: &'a Localized<T>, locale: &str) -> Option<&'a T> {
        map.get(locale).or_else(|| map.get("en"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalog_has_the_official_names() {
        let c = RoleCatalog::builtin();
        let name = |id: &str, l: &str| {
            Role::localized(&c.get(id).unwrap().name, l)
                .unwrap()
                .clone()
        };
        assert_eq!(name("admin-agent", "ru"), "Агент по администрированию");
        assert_eq!(name("helpdesk-agent", "zh-CN"), "支持人员代理");
        assert_eq!(name("global-admin", "fr"), "Administrateur général");
        assert_eq!(name("user-management-admin", "zh-CN"), "\"用户管理\"管理员");
        assert_eq!(
            name("billing-admin", "ru"),
            "Администратор выставления счетов"
        );
        assert_eq!(name("sales-agent", "fr"), "Agent commercial");
        for r in &c.roles {
            for l in ["en", "ru", "zh-CN", "fr"] {
                assert!(
                    r.name.contains_key(l) && r.can.contains_key(l) && r.cannot.contains_key(l),
                    "{} {l}",
                    r.id
                );
            }
        }
    }

    fn has(f: &[String], x: &str) -> bool {
        f.iter().any(|g| g == x)
    }

    #[test]
    fn features_follow_the_catalog() {
        let c = RoleCatalog::builtin();
        let all = c.features(["global-admin", "admin-agent", "global-admin"]);
        assert!(
            all.windows(2).all(|w| w[0] < w[1]),
            "sorted, each once: {all:?}"
        );
        let f = c.features(["helpdesk-agent"]);
        assert!(has(&f, "customers") && has(&f, "service-health"));
        assert!(!has(&f, MANAGE_USERS) && !has(&f, "relationship-requests"));
        assert!(has(&c.features(["global-admin"]), MANAGE_USERS));
        assert!(has(&c.features(["user-management-admin"]), MANAGE_USERS));
    }
}
