//! **Request a reseller relationship** with granular delegated admin privileges (GDAP):
//! the request form's rules and a request's life (pending → active → expiring → expired,
//! or terminated), computed from dates the caller passes in, never from a clock.
//!
//! Vendor figures: duration 1–730 days (default 730), auto-extend adds 180 days, an
//! unapproved request expires after 90 days, a name is unique per partner and ≤ 50
//! characters, and auto-extend is not offered with the Global Administrator role. The vendor
//! gives no figure for "expiring"; we use [`EXPIRING_WITHIN_DAYS`] = 30.

use crate::date::Date;
use crate::field::Field;
use crate::problem::{max_chars, required, Code, Problem, Report};
use serde::{Deserialize, Serialize};

pub const MIN_DURATION_DAYS: u32 = 1;
pub const MAX_DURATION_DAYS: u32 = 730;
pub const DEFAULT_DURATION_DAYS: u32 = 730;
pub const AUTO_EXTEND_DAYS: u32 = 180;
pub const PENDING_EXPIRES_AFTER_DAYS: u32 = 90;
/// An active relationship is "expiring" this many days before its end (our choice).
pub const EXPIRING_WITHIN_DAYS: u32 = 30;
pub const NAME_MAX_CHARS: usize = 50;

/// The admin roles a request can ask for (Entra built-in roles, least privileged first);
/// the page offers them unticked, and labels them with `relationship-role-<id>`.
pub const ADMIN_ROLES: &[&str] = &[
    "directory-readers",
    "service-support-administrator",
    "helpdesk-administrator",
    "license-administrator",
    "user-administrator",
    "exchange-administrator",
    "sharepoint-administrator",
    "teams-administrator",
    "security-reader",
    "global-administrator",
];

/// The role auto-extend may not be combined with.
pub const GLOBAL_ADMINISTRATOR: &str = "global-administrator";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationshipStatus {
    /// Sent, waiting for the customer's Global admin.
    Pending,
    Active,
    /// Active, ending within [`EXPIRING_WITHIN_DAYS`].
    Expiring,
    /// Ended, or a pending request left unapproved for 90 days.
    Expired,
    Terminated,
    /// The customer's Global admin declined the request.
    Declined,
}

impl RelationshipStatus {
    pub const ALL: [RelationshipStatus; 6] = [
        RelationshipStatus::Pending,
        RelationshipStatus::Active,
        RelationshipStatus::Expiring,
        RelationshipStatus::Expired,
        RelationshipStatus::Terminated,
        RelationshipStatus::Declined,
    ];

    /// The id used in JSON and in message ids (`relationship-status-<id>`).
    pub fn id(self) -> &'static str {
        match self {
            RelationshipStatus::Pending => "pending",
            RelationshipStatus::Active => "active",
            RelationshipStatus::Expiring => "expiring",
            RelationshipStatus::Expired => "expired",
            RelationshipStatus::Terminated => "terminated",
            RelationshipStatus::Declined => "declined",
        }
    }
}

/// The request form. Nothing is preselected but the vendor's defaults: 730 days, no
/// auto-extend, and no admin role (least privilege).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRelationshipRequest {
    /// Granular admin access (true) or a reseller relationship without admin access (false);
    /// None until the user chooses.
    pub admin_access: Option<bool>,
    #[serde(default)]
    pub name: String,
    #[serde(default = "default_duration")]
    pub duration_days: u32,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub auto_extend: bool,
}

fn default_duration() -> u32 {
    DEFAULT_DURATION_DAYS
}

impl Default for NewRelationshipRequest {
    fn default() -> Self {
        NewRelationshipRequest {
            admin_access: None,
            name: String::new(),
            duration_days: DEFAULT_DURATION_DAYS,
            roles: vec![],
            auto_extend: false,
        }
    }
}

/// A request as the backend keeps it and the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationshipRequest {
    pub id: String,
    /// Filled in once a customer accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    pub name: String,
    pub admin_access: bool,
    pub duration_days: u32,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub auto_extend: bool,
    /// As of the last [`refresh`]; recompute with today's date before showing it.
    pub status: RelationshipStatus,
    pub created_on: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminated_on: Option<Date>,
    /// The customer's Global admin declined it on this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_on: Option<Date>,
    /// When a pending request lapses, or an active relationship ends.
    pub expires_on: Date,
}

/// The key under which two names count as the same: trimmed, inner spaces collapsed,
/// case-insensitive in any script.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn check_name(name: &str, existing: &[&str]) -> Result<(), Problem> {
    let v = required(name)?;
    max_chars(v, NAME_MAX_CHARS)?;
    let key = name_key(v);
    if existing.iter().any(|e| name_key(e) == key) {
        return Err(Problem::new(Code::RelationshipNameTaken).arg("name", v));
    }
    Ok(())
}

pub fn check_duration(days: u32) -> Result<(), Problem> {
    if (MIN_DURATION_DAYS..=MAX_DURATION_DAYS).contains(&days) {
        Ok(())
    } else {
        Err(Problem::new(Code::RelationshipDuration)
            .arg("min", MIN_DURATION_DAYS)
            .arg("max", MAX_DURATION_DAYS))
    }
}

/// The form. `existing_names` are the partner's other requests' names, `available_roles`
/// the roles offered (usually [`ADMIN_ROLES`]). Fields: `relationship.admin_access`,
/// `.name`, `.duration_days`, `.roles`, `.auto_extend`.
pub fn check_new_request(
    req: &NewRelationshipRequest,
    existing_names: &[&str],
    available_roles: &[&str],
) -> Report {
    let mut r = Report::default();
    match req.admin_access {
        None => r.add(Field::RelationshipAdminAccess, Code::ChooseOne),
        Some(false) => {}
        Some(true) => {
            r.check(
                Field::RelationshipName,
                check_name(&req.name, existing_names),
            );
            r.check(
                Field::RelationshipDurationDays,
                check_duration(req.duration_days),
            );
            if req.roles.is_empty() {
                r.add(Field::RelationshipRoles, Code::ChooseOne);
            } else if let Some(bad) = req
                .roles
                .iter()
                .find(|x| !available_roles.contains(&x.as_str()))
            {
                r.add(
                    Field::RelationshipRoles,
                    Problem::new(Code::RelationshipRoleUnknown).arg("role", bad),
                );
            }
            if req.auto_extend && req.roles.iter().any(|x| x == GLOBAL_ADMINISTRATOR) {
                r.add(
                    Field::RelationshipAutoExtend,
                    Code::RelationshipAutoExtendGlobalAdmin,
                );
            }
        }
    }
    r
}

/// The pending request a checked form becomes (`id` from the backend), dated `today`.
pub fn new_request(id: &str, req: &NewRelationshipRequest, today: Date) -> RelationshipRequest {
    let admin = req.admin_access == Some(true);
    let mut roles: Vec<String> = if admin { req.roles.clone() } else { vec![] };
    roles.sort_unstable();
    roles.dedup();
    RelationshipRequest {
        id: id.into(),
        customer_id: None,
        name: req.name.split_whitespace().collect::<Vec<_>>().join(" "),
        admin_access: admin,
        duration_days: if admin {
            req.duration_days
        } else {
            MAX_DURATION_DAYS
        },
        roles,
        auto_extend: admin && req.auto_extend,
        status: RelationshipStatus::Pending,
        created_on: today,
        accepted_on: None,
        terminated_on: None,
        declined_on: None,
        expires_on: today.add_days(PENDING_EXPIRES_AFTER_DAYS),
    }
}

/// The end date on `today`: a pending request lapses 90 days after creation; an active one
/// ends `duration_days` after acceptance, pushed by 180 days each time it reaches its end
/// while auto-extend is on.
pub fn end_date(req: &RelationshipRequest, today: Date) -> Date {
    match req.accepted_on {
        None => req.created_on.add_days(PENDING_EXPIRES_AFTER_DAYS),
        Some(accepted) => {
            let end = accepted.add_days(req.duration_days);
            if req.auto_extend && today >= end {
                let periods = (today.0 - end.0) / AUTO_EXTEND_DAYS + 1;
                end.add_days(periods.saturating_mul(AUTO_EXTEND_DAYS))
            } else {
                end
            }
        }
    }
}

/// The status on `today`.
pub fn status_on(req: &RelationshipRequest, today: Date) -> RelationshipStatus {
    if req.terminated_on.is_some_and(|t| t <= today) {
        return RelationshipStatus::Terminated;
    }
    if req.declined_on.is_some_and(|d| d <= today) {
        return RelationshipStatus::Declined;
    }
    let end = end_date(req, today);
    match req.accepted_on {
        _ if today >= end => RelationshipStatus::Expired,
        None => RelationshipStatus::Pending,
        Some(_) if !req.auto_extend && today.days_until(end) <= EXPIRING_WITHIN_DAYS => {
            RelationshipStatus::Expiring
        }
        Some(_) => RelationshipStatus::Active,
    }
}

/// The request with `status` and `expires_on` as of `today`.
pub fn refresh(req: &RelationshipRequest, today: Date) -> RelationshipRequest {
    RelationshipRequest {
        status: status_on(req, today),
        expires_on: end_date(req, today),
        ..req.clone()
    }
}

fn transition_error(req: &RelationshipRequest, today: Date, to: RelationshipStatus) -> Problem {
    Problem::new(Code::RelationshipTransition)
        .arg("from", status_on(req, today).id())
        .arg("to", to.id())
}

/// The customer's Global admin accepted: only a request still pending can become active.
pub fn accept(
    req: &RelationshipRequest,
    customer_id: &str,
    today: Date,
) -> Result<RelationshipRequest, Problem> {
    if status_on(req, today) != RelationshipStatus::Pending {
        return Err(transition_error(req, today, RelationshipStatus::Active));
    }
    let accepted = RelationshipRequest {
        customer_id: Some(customer_id.into()),
        accepted_on: Some(today),
        ..req.clone()
    };
    Ok(refresh(&accepted, today))
}

/// The customer's Global admin declined: only a request still pending can be declined.
pub fn decline(req: &RelationshipRequest, today: Date) -> Result<RelationshipRequest, Problem> {
    if status_on(req, today) != RelationshipStatus::Pending {
        return Err(transition_error(req, today, RelationshipStatus::Declined));
    }
    let declined = RelationshipRequest {
        declined_on: Some(today),
        ..req.clone()
    };
    Ok(refresh(&declined, today))
}

/// The partner ends an active (or expiring) relationship.
pub fn terminate(req: &RelationshipRequest, today: Date) -> Result<RelationshipRequest, Problem> {
    match status_on(req, today) {
        RelationshipStatus::Active | RelationshipStatus::Expiring => {
            let ended = RelationshipRequest {
                terminated_on: Some(today),
                ..req.clone()
            };
            Ok(refresh(&ended, today))
        }
        _ => Err(transition_error(req, today, RelationshipStatus::Terminated)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RelationshipStatus::*;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).unwrap()
    }

    fn form(name: &str) -> NewRelationshipRequest {
        NewRelationshipRequest {
            admin_access: Some(true),
            name: name.into(),
            roles: vec!["helpdesk-administrator".into()],
            ..Default::default()
        }
    }

    fn codes(r: &Report) -> Vec<(Field, Code)> {
        r.0.iter().map(|p| (p.field, p.problem.code)).collect()
    }

    #[test]
    fn defaults_are_the_vendors_and_least_privilege() {
        let d = NewRelationshipRequest::default();
        assert_eq!(d.duration_days, 730);
        assert!(d.roles.is_empty() && !d.auto_extend && d.admin_access.is_none());
        let parsed: NewRelationshipRequest =
            serde_json::from_str(r#"{"admin_access":true}"#).unwrap();
        assert_eq!(parsed.duration_days, 730);
        assert_eq!(
            codes(&check_new_request(&d, &[], ADMIN_ROLES)),
            vec![(Field::RelationshipAdminAccess, Code::ChooseOne)]
        );
        let no_admin = NewRelationshipRequest {
            admin_access: Some(false),
            ..d
        };
        assert_eq!(check_new_request(&no_admin, &[], ADMIN_ROLES).0, vec![]);
    }

    #[test]
    fn names_in_any_script_unique_case_insensitively() {
        for name in [
            "Contoso helpdesk",
            "Поддержка «Ромашка»",
            "北京示例 支持",
            "Société — support",
        ] {
            assert_eq!(
                check_new_request(&form(name), &[], ADMIN_ROLES).0,
                vec![],
                "{name}"
            );
        }
        let taken =
            |name: &str, existing: &[&str]| check_name(name, existing).err().map(|p| p.code);
        assert_eq!(
            taken("ПОДДЕРЖКА  Ромашка", &["поддержка ромашка"]),
            Some(Code::RelationshipNameTaken)
        );
        assert_eq!(
            taken(" Contoso Helpdesk ", &["contoso helpdesk"]),
            Some(Code::RelationshipNameTaken)
        );
        assert_eq!(taken("支持", &["支持"]), Some(Code::RelationshipNameTaken));
        assert_eq!(
            taken("Société", &["SOCIÉTÉ"]),
            Some(Code::RelationshipNameTaken)
        );
        assert_eq!(taken("  ", &[]), Some(Code::Required));
        assert_eq!(taken(&"я".repeat(50), &[]), None);
        let long = check_name(&"中".repeat(51), &[]).unwrap_err();
        assert_eq!(
            (long.code, long.args["max"].as_str()),
            (Code::TooLong, "50")
        );
    }

    #[test]
    fn duration_roles_and_auto_extend() {
        for (days, ok) in [(0, false), (1, true), (730, true), (731, false)] {
            assert_eq!(check_duration(days).is_ok(), ok, "{days}");
        }
        let mut f = form("GDAP 1");
        f.duration_days = 0;
        f.roles = vec![];
        assert_eq!(
            codes(&check_new_request(&f, &[], ADMIN_ROLES)),
            vec![
                (Field::RelationshipDurationDays, Code::RelationshipDuration),
                (Field::RelationshipRoles, Code::ChooseOne),
            ]
        );
        f.duration_days = 365;
        f.roles = vec!["root".into()];
        assert_eq!(
            check_new_request(&f, &[], ADMIN_ROLES)
                .for_field(Field::RelationshipRoles)
                .unwrap()
                .args["role"],
            "root"
        );
        f.roles = vec![GLOBAL_ADMINISTRATOR.into()];
        f.auto_extend = true;
        assert_eq!(
            codes(&check_new_request(&f, &[], ADMIN_ROLES)),
            vec![(
                Field::RelationshipAutoExtend,
                Code::RelationshipAutoExtendGlobalAdmin
            )]
        );
    }

    #[test]
    fn a_pending_request_expires_after_90_days() {
        let created = day(2026, 1, 1);
        let r = new_request("req-1", &form("  Поддержка   клиентов "), created);
        assert_eq!(r.name, "Поддержка клиентов");
        assert_eq!(r.status, Pending);
        assert_eq!(r.expires_on, day(2026, 4, 1));
        assert_eq!(status_on(&r, created.add_days(89)), Pending);
        assert_eq!(status_on(&r, created.add_days(90)), Expired);
        let late = accept(&r, "c1", created.add_days(90)).unwrap_err();
        assert_eq!(late.code, Code::RelationshipTransition);
        assert_eq!(
            (late.args["from"].as_str(), late.args["to"].as_str()),
            ("expired", "active")
        );
    }

    #[test]
    fn active_expiring_expired_terminated() {
        let created = day(2026, 1, 1);
        let mut f = form("Ops");
        f.duration_days = 100;
        let r = new_request("req-2", &f, created);
        let accepted_on = created.add_days(10);
        let a = accept(&r, "c1", accepted_on).unwrap();
        assert_eq!(
            (a.status, a.expires_on),
            (Active, accepted_on.add_days(100))
        );
        assert_eq!(a.customer_id.as_deref(), Some("c1"));
        assert_eq!(status_on(&a, accepted_on.add_days(69)), Active);
        assert_eq!(status_on(&a, accepted_on.add_days(70)), Expiring);
        assert_eq!(status_on(&a, accepted_on.add_days(100)), Expired);
        assert_eq!(refresh(&a, accepted_on.add_days(75)).status, Expiring);
        // Terminate: only an active or expiring relationship.
        let t = terminate(&a, accepted_on.add_days(80)).unwrap();
        assert_eq!(t.status, Terminated);
        assert_eq!(
            terminate(&t, accepted_on.add_days(81)).unwrap_err().code,
            Code::RelationshipTransition
        );
        assert_eq!(terminate(&r, created).unwrap_err().args["from"], "pending");
        assert_eq!(
            accept(&a, "c1", accepted_on).unwrap_err().args["from"],
            "active"
        );
    }

    #[test]
    fn only_a_pending_request_can_be_declined() {
        let created = day(2026, 1, 1);
        let r = new_request("req-5", &form("Refus"), created);
        let d = decline(&r, created.add_days(3)).unwrap();
        assert_eq!(d.status, Declined);
        assert_eq!(d.declined_on, Some(created.add_days(3)));
        // Declined stays declined, even past the pending request's 90 days.
        assert_eq!(status_on(&d, created.add_days(200)), Declined);
        assert_eq!(
            accept(&d, "c1", created.add_days(4)).unwrap_err().args["from"],
            "declined"
        );
        assert_eq!(
            decline(&d, created.add_days(4)).unwrap_err().args["from"],
            "declined"
        );
        let a = accept(&r, "c1", created).unwrap();
        assert_eq!(decline(&a, created).unwrap_err().args["from"], "active");
        assert_eq!(
            decline(&r, created.add_days(90)).unwrap_err().args["from"],
            "expired"
        );
    }

    #[test]
    fn auto_extend_pushes_the_end_by_180_days() {
        let created = day(2026, 1, 1);
        let mut f = form("Auto");
        f.duration_days = 365;
        f.auto_extend = true;
        let a = accept(&new_request("req-3", &f, created), "c1", created).unwrap();
        let end = created.add_days(365);
        assert_eq!(end_date(&a, created), end);
        assert_eq!(status_on(&a, end), Active);
        assert_eq!(end_date(&a, end), end.add_days(180));
        assert_eq!(end_date(&a, end.add_days(179)), end.add_days(180));
        assert_eq!(end_date(&a, end.add_days(180)), end.add_days(360));
        assert_eq!(status_on(&a, end.add_days(1000)), Active);
    }

    #[test]
    fn without_admin_access_no_gdap_fields() {
        let f = NewRelationshipRequest {
            admin_access: Some(false),
            roles: vec!["global-administrator".into()],
            auto_extend: true,
            ..Default::default()
        };
        let r = new_request("req-4", &f, day(2026, 5, 1));
        assert!(!r.admin_access && r.roles.is_empty() && !r.auto_extend);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["status"], "pending");
        assert_eq!(json["created_on"], "2026-05-01");
        assert_eq!(json["expires_on"], "2026-07-30");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(name in "\\PC*", days in proptest::num::u32::ANY, t in 0u32..200_000) {
            let f = NewRelationshipRequest { admin_access: Some(true), name, duration_days: days, roles: vec!["x".into()], auto_extend: true };
            let _ = check_new_request(&f, &["a"], ADMIN_ROLES);
            let r = new_request("id", &f, Date(t));
            if let Ok(a) = accept(&r, "c", Date(t)) {
                let _ = status_on(&a, Date(t.saturating_add(days)));
            }
        }
    }
}
