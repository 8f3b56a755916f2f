//! The vendor's review of an application: which action moves which status where (one table,
//! both backends), what a decision must say, who may not decide, and the facts approval turns
//! into a partner. Operators act on applications in review; the applicant answers a request
//! for changes by resubmitting.

use crate::access::identity_key;
use crate::api::{
    AgreementAcceptance, ApplicationStatus, AuditEntry, MyPartner, PartnerKind, ReviewCheck,
};
use crate::enrollment::{Draft, PartnerType, Step};
use crate::field::Field;
use crate::mail::json_id;
use crate::mpn::{ProfileKind, ProfileStatus};
use crate::partners::PartnerSummary;
use crate::problem::{Code, FieldProblem, Problem};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Approve,
    RequestChanges,
    Reject,
    /// The applicant sends the application back after changing what was asked.
    Resubmit,
}

impl Action {
    pub const ALL: [Action; 4] = [
        Action::Approve,
        Action::RequestChanges,
        Action::Reject,
        Action::Resubmit,
    ];

    /// An operator's decision (the others are the applicant's).
    pub fn by_operator(self) -> bool {
        !matches!(self, Action::Resubmit)
    }
}

/// Why an application is rejected: the reasons the vendor's process checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RejectReason {
    /// The email's domain is not the company's.
    DomainNotOwned,
    /// The legal entity could not be confirmed.
    LegalEntityUnconfirmed,
    /// The company does not meet the program's requirements.
    NotEligible,
    /// The company already has an account or another application.
    Duplicate,
    Other,
}

impl RejectReason {
    pub const ALL: [RejectReason; 5] = [
        RejectReason::DomainNotOwned,
        RejectReason::LegalEntityUnconfirmed,
        RejectReason::NotEligible,
        RejectReason::Duplicate,
        RejectReason::Other,
    ];
}

/// The transitions, as a table: the status an action leads to, or None where it is not
/// allowed (a backend answers 409 with the current state). Nothing is decided before the
/// address is verified (that moves it to review, `verification::after_confirming`); approved
/// and rejected are final.
pub fn next_status(status: ApplicationStatus, action: Action) -> Option<ApplicationStatus> {
    use Action::*;
    use ApplicationStatus::*;
    match (status, action) {
        (InReview, Approve) => Some(Approved),
        (InReview, RequestChanges) => Some(NeedsChanges),
        (InReview | NeedsChanges, Reject) => Some(Rejected),
        (NeedsChanges, Resubmit) => Some(InReview),
        _ => None,
    }
}

/// The most characters of a decision's message to the applicant.
pub const MESSAGE_MAX: usize = 2000;

/// `POST /review/applications/{id}/decisions`: what the operator decided, on the version of
/// the application they saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub action: Action,
    /// The application's version the operator read: a decision on an older one is 409.
    pub version: i64,
    /// Request changes: the steps to change.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Reject: the reason from the list.
    #[serde(default)]
    pub reason: Option<RejectReason>,
    /// What the applicant reads (required to request changes or reject).
    #[serde(default)]
    pub message: String,
}

/// What a decision must say: steps and a message to request changes, a reason and a message to
/// reject. Problems are on the decision form's fields.
pub fn check_decision(d: &Decision) -> Vec<FieldProblem> {
    let mut out = vec![];
    let mut need = |field: Field| {
        out.push(FieldProblem {
            field,
            problem: Code::Required.into(),
        })
    };
    let message = d.message.trim();
    match d.action {
        Action::RequestChanges => {
            if d.steps.is_empty() {
                need(Field::DecisionSteps);
            }
            if message.is_empty() {
                need(Field::DecisionMessage);
            }
        }
        Action::Reject => {
            if d.reason.is_none() {
                need(Field::DecisionReason);
            }
            if message.is_empty() {
                need(Field::DecisionMessage);
            }
        }
        Action::Approve | Action::Resubmit => {}
    }
    if message.chars().count() > MESSAGE_MAX {
        out.push(FieldProblem {
            field: Field::DecisionMessage,
            problem: Problem::new(Code::TooLong).arg("max", MESSAGE_MAX),
        });
    }
    out
}

/// Taking an application (the operator assigns it to themself) or giving it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssignAction {
    Take,
    Release,
}

/// `POST /review/applications/{id}/assignment`: take or release, with whom the operator saw
/// it assigned to (a change since is 409, as a decision on an older version is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub action: AssignAction,
    /// The assignee the operator saw (their sign-in name); None: nobody.
    #[serde(default)]
    pub seen: Option<String>,
}

/// `POST /review/applications/{id}/assignment`'s answer: who has the application now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assigned {
    pub assignee: Option<String>,
}

/// What an assignment changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reassign {
    /// Already so (a retried take or release): nothing to record.
    Unchanged,
    /// The new assignee, and the audit trail's line.
    To(Option<String>, AuditEntry),
}

fn same_operator(a: Option<&str>, b: Option<&str>) -> bool {
    a.map(identity_key) == b.map(identity_key)
}

/// Who has an application, as operator `me` asks to take or release it at `at`, on an
/// application in `status` that `current` has. Any operator takes an application nobody has;
/// one that another operator has is taken over only by someone who saw it with them (the
/// audit trail names whom it was taken from), so two operators taking it at once do not both
/// believe they have it. Only its assignee gives it back. Approved and rejected applications
/// have nothing left to take. Retried, a take or release that is already so changes nothing.
/// Refusals are 409 problems on `assignment.action`.
pub fn reassign(
    me: &str,
    at: i64,
    status: ApplicationStatus,
    current: Option<&str>,
    a: &Assignment,
) -> Result<Reassign, Problem> {
    let mine = same_operator(current, Some(me));
    match a.action {
        AssignAction::Take if mine => return Ok(Reassign::Unchanged),
        AssignAction::Release if current.is_none() => return Ok(Reassign::Unchanged),
        _ => {}
    }
    if !same_operator(current, a.seen.as_deref()) {
        return Err(Problem::new(Code::AssignmentStale));
    }
    let line = |event: &str, taken_from: Option<&str>| AuditEntry {
        at,
        actor: me.to_string(),
        event: event.into(),
        from: None,
        to: status,
        steps: vec![],
        reason: None,
        message: String::new(),
        taken_from: taken_from.map(str::to_string),
    };
    match a.action {
        AssignAction::Take => {
            if matches!(
                status,
                ApplicationStatus::Approved | ApplicationStatus::Rejected
            ) {
                return Err(Problem::new(Code::ReviewTransition).arg("status", json_id(&status)));
            }
            Ok(Reassign::To(Some(me.to_string()), line("take", current)))
        }
        AssignAction::Release if mine => Ok(Reassign::To(None, line("release", None))),
        AssignAction::Release => {
            Err(Problem::new(Code::AssignmentNotYours).arg("assignee", current.unwrap_or_default()))
        }
    }
}

fn domain(email: &str) -> String {
    email
        .rsplit_once('@')
        .map(|(_, d)| d.trim().trim_end_matches('.').to_lowercase())
        .unwrap_or_default()
}

/// An operator may not approve their own company's application: one whose work-account
/// tenant or primary contact is at the operator's own email domain.
pub fn may_approve(
    operator_email: &str,
    tenant_domain: &str,
    contact_email: &str,
) -> Result<(), Problem> {
    let own = domain(operator_email);
    let tenant = tenant_domain.trim().trim_end_matches('.').to_lowercase();
    if !own.is_empty() && (own == tenant || own == domain(contact_email)) {
        Err(Problem::new(Code::ReviewOwnCompany))
    } else {
        Ok(())
    }
}

fn website_host(website: &str) -> String {
    let w = website.trim().to_lowercase();
    let w = w.split("://").last().unwrap_or("");
    let host = w.split(['/', '?', '#', ':']).next().unwrap_or("");
    host.trim_start_matches("www.")
        .trim_end_matches('.')
        .to_string()
}

fn check(name: &str, ok: bool, fail: &str, args: &[(&str, &str)]) -> ReviewCheck {
    ReviewCheck {
        check: name.into(),
        outcome: if ok { "ok" } else { fail }.into(),
        args: args
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}

/// What the product can check for the reviewer: the primary contact's address verified by its
/// link (failed until it is); the contact's email domain against the company's website and
/// work-account tenant (a warning: companies have several domains); the partner-network
/// profile's kind, status and country as the directory gave them at submit.
pub fn checks(draft: &Draft, contact_email: &str, email_verified: bool) -> Vec<ReviewCheck> {
    let email_domain = domain(contact_email);
    let website = website_host(&draft.support.website);
    let tenant = draft
        .tenant
        .as_ref()
        .map(|t| t.domain.trim().to_lowercase())
        .unwrap_or_default();
    let matches =
        |d: &str| !d.is_empty() && (email_domain == d || email_domain.ends_with(&format!(".{d}")));
    let mut out = vec![
        check(
            "email-verified",
            email_verified,
            "failed",
            &[("email", contact_email)],
        ),
        check(
            "email-domain",
            matches(&website) || matches(&tenant),
            "warning",
            &[
                ("domain", &email_domain),
                ("website", &website),
                ("tenant", &tenant),
            ],
        ),
    ];
    if let Some(p) = &draft.profile {
        let country = draft
            .tenant
            .as_ref()
            .map(|t| t.country.as_str())
            .unwrap_or("");
        let ok = p.kind == ProfileKind::Location
            && p.status == ProfileStatus::Active
            && p.country.eq_ignore_ascii_case(country);
        let kind = crate::mail::json_id(&p.kind);
        let status = crate::mail::json_id(&p.status);
        out.push(check(
            "profile",
            ok,
            "warning",
            &[
                ("mpn", &p.mpn_id),
                ("kind", &kind),
                ("status", &status),
                ("country", &p.country),
                ("tenant_country", country),
            ],
        ));
    }
    out
}

/// The partner an approved application makes (ID `id`): its legal name, kind, country and CSP
/// region from the answers, its domains the work account's tenant and the primary contact's.
/// `Ok(None)` for a partner enrolled in CSP already (approval records the decision only); a
/// problem on `decision.action` for a partner type or country the program has no partner for.
pub fn partner_from(
    draft: &Draft,
    contact_email: &str,
    id: &str,
) -> Result<Option<(MyPartner, String)>, FieldProblem> {
    if draft.already_enrolled {
        return Ok(None);
    }
    let cannot = || FieldProblem {
        field: Field::DecisionAction,
        problem: Code::PartnerTypeClosed.into(),
    };
    let kind = match draft.partner_type {
        Some(PartnerType::IndirectReseller) => PartnerKind::IndirectReseller,
        Some(PartnerType::IndirectProvider) => PartnerKind::IndirectProvider,
        _ => return Err(cannot()),
    };
    let tenant = draft.tenant.clone().ok_or_else(cannot)?;
    let region = region_of(&tenant.country).ok_or_else(cannot)?;
    let mut domains = vec![tenant.domain.to_lowercase()];
    let contact = domain(contact_email);
    if !contact.is_empty() && !domains.contains(&contact) {
        domains.push(contact);
    }
    let partner = MyPartner {
        partner: PartnerSummary {
            id: id.into(),
            name: draft.legal.legal_name.trim().to_string(),
            country: tenant.country.clone(),
            region: region.into(),
            since: None,
        },
        kind,
        domains,
        agreement_signed: false,
    };
    Ok(Some((partner, tenant.domain)))
}

/// What signing the partner agreement needs: a name, a job title, "I accept", and the version
/// being signed the current one.
pub fn check_acceptance(a: &AgreementAcceptance, current_version: &str) -> Vec<FieldProblem> {
    let mut out = vec![];
    let mut need = |field, ok: bool| {
        if !ok {
            out.push(FieldProblem {
                field,
                problem: Code::Required.into(),
            })
        }
    };
    need(Field::AgreementName, !a.name.trim().is_empty());
    need(Field::AgreementJobTitle, !a.job_title.trim().is_empty());
    need(Field::AgreementAccept, a.accept);
    if a.version != current_version {
        out.push(FieldProblem {
            field: Field::AgreementAccept,
            problem: Code::AgreementVersion.into(),
        });
    }
    out
}

/// Business days (Monday to Friday) from one day to a later one, the first not counted:
/// days are counted since 1970-01-01, a Thursday.
pub fn business_days(from_day: i64, to_day: i64) -> i64 {
    let weekday = |d: i64| (d + 3).rem_euclid(7); // 0 = Monday
    (from_day + 1..=to_day).filter(|d| weekday(*d) < 5).count() as i64
}

/// The CSP region a country's partners transact in (authorization stays inside one).
pub fn region_of(country: &str) -> Option<&'static str> {
    let c = country.trim().to_ascii_uppercase();
    let region = match c.as_str() {
        "US" | "CA" => "north-america",
        "BR" | "MX" => "latin-america",
        "CN" | "HK" | "TW" | "JP" | "KR" | "SG" | "IN" | "AU" | "NZ" => "asia-pacific",
        "TR" | "IL" | "AE" | "SA" | "ZA" => "middle-east-africa",
        "GB" | "IE" | "FR" | "DE" | "ES" | "IT" | "PT" | "NL" | "BE" | "LU" | "CH" | "AT"
        | "PL" | "CZ" | "SK" | "HU" | "RO" | "BG" | "GR" | "SE" | "NO" | "DK" | "FI" | "EE"
        | "LV" | "LT" | "UA" | "BY" | "KZ" | "RU" => "europe",
        _ => return None,
    };
    Some(region)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationStatus::*;

    fn asked(action: AssignAction, seen: Option<&str>) -> Assignment {
        Assignment {
            action,
            seen: seen.map(str::to_string),
        }
    }

    fn assignee(r: Result<Reassign, Problem>) -> Option<String> {
        match r {
            Ok(Reassign::To(who, _)) => who,
            other => panic!("expected a change, got {other:?}"),
        }
    }

    fn code(r: Result<Reassign, Problem>) -> Code {
        r.expect_err("refused").code
    }

    #[test]
    fn any_operator_takes_an_application_nobody_has() {
        let r = reassign(
            "ana@ops.example",
            7,
            InReview,
            None,
            &asked(AssignAction::Take, None),
        );
        let Ok(Reassign::To(Some(who), line)) = r else {
            panic!("taken: {r:?}")
        };
        assert_eq!(who, "ana@ops.example");
        assert_eq!(
            (line.event.as_str(), line.actor.as_str(), line.at),
            ("take", "ana@ops.example", 7)
        );
        assert_eq!(
            (line.from, line.to, line.taken_from),
            (None, InReview, None)
        );
        for s in [AwaitingEmailVerification, NeedsChanges] {
            let r = reassign(
                "ana@ops.example",
                7,
                s,
                None,
                &asked(AssignAction::Take, None),
            );
            assert_eq!(assignee(r).as_deref(), Some("ana@ops.example"));
        }
    }

    #[test]
    fn taking_over_needs_to_have_seen_who_has_it_and_is_recorded() {
        let ben = Some("ben@ops.example");
        // Ana read the application when nobody had it; Ben took it meanwhile.
        let stale = reassign(
            "ana@ops.example",
            7,
            InReview,
            ben,
            &asked(AssignAction::Take, None),
        );
        assert_eq!(code(stale), Code::AssignmentStale);
        // Having seen that Ben has it, Ana takes it over: the trail says from whom.
        let r = reassign(
            "ana@ops.example",
            7,
            InReview,
            ben,
            &asked(AssignAction::Take, ben),
        );
        let Ok(Reassign::To(Some(who), line)) = r else {
            panic!("taken over: {r:?}")
        };
        assert_eq!(who, "ana@ops.example");
        assert_eq!(line.taken_from.as_deref(), ben);
        // Sign-in names compare as identities.
        let r = reassign(
            "ana@ops.example",
            7,
            InReview,
            ben,
            &asked(AssignAction::Take, Some("Ben@OPS.example")),
        );
        assert!(matches!(r, Ok(Reassign::To(..))));
    }

    #[test]
    fn only_the_assignee_releases() {
        let ana = Some("ana@ops.example");
        let r = reassign(
            "ana@ops.example",
            7,
            InReview,
            ana,
            &asked(AssignAction::Release, ana),
        );
        let Ok(Reassign::To(None, line)) = r else {
            panic!("released: {r:?}")
        };
        assert_eq!((line.event.as_str(), line.taken_from), ("release", None));
        let r = reassign(
            "ben@ops.example",
            7,
            InReview,
            ana,
            &asked(AssignAction::Release, ana),
        );
        let p = r.expect_err("not Ben's");
        assert_eq!(p.code, Code::AssignmentNotYours);
        assert_eq!(p.args["assignee"], "ana@ops.example");
        // Ben saw it free, Ana has it now: stale, before whose it is.
        let r = reassign(
            "ben@ops.example",
            7,
            InReview,
            ana,
            &asked(AssignAction::Release, None),
        );
        assert_eq!(code(r), Code::AssignmentStale);
    }

    #[test]
    fn a_retried_take_or_release_changes_nothing() {
        let ana = Some("ana@ops.example");
        let r = reassign(
            "ana@ops.example",
            7,
            InReview,
            ana,
            &asked(AssignAction::Take, None),
        );
        assert_eq!(r, Ok(Reassign::Unchanged));
        let r = reassign(
            "ana@ops.example",
            7,
            InReview,
            None,
            &asked(AssignAction::Release, ana),
        );
        assert_eq!(r, Ok(Reassign::Unchanged));
    }

    #[test]
    fn decided_applications_are_not_taken() {
        for s in [Approved, Rejected] {
            let r = reassign(
                "ana@ops.example",
                7,
                s,
                None,
                &asked(AssignAction::Take, None),
            );
            let p = r.expect_err("final");
            assert_eq!(p.code, Code::ReviewTransition);
            assert_eq!(p.args["status"], json_id(&s));
            // Giving one back is still possible.
            let ana = Some("ana@ops.example");
            let r = reassign(
                "ana@ops.example",
                7,
                s,
                ana,
                &asked(AssignAction::Release, ana),
            );
            assert_eq!(assignee(r), None);
        }
    }

    #[test]
    fn the_transition_table() {
        let statuses = [
            AwaitingEmailVerification,
            InReview,
            Approved,
            NeedsChanges,
            Rejected,
        ];
        let mut allowed = vec![];
        for s in statuses {
            for a in Action::ALL {
                if let Some(to) = next_status(s, a) {
                    allowed.push((s, a, to));
                }
            }
        }
        assert_eq!(
            allowed,
            vec![
                (InReview, Action::Approve, Approved),
                (InReview, Action::RequestChanges, NeedsChanges),
                (InReview, Action::Reject, Rejected),
                (NeedsChanges, Action::Reject, Rejected),
                (NeedsChanges, Action::Resubmit, InReview),
            ]
        );
        // Nothing before the address is verified; nothing after a final decision.
        for a in Action::ALL {
            assert_eq!(next_status(AwaitingEmailVerification, a), None);
            assert_eq!(next_status(Approved, a), None);
            assert_eq!(next_status(Rejected, a), None);
        }
        assert!(Action::ALL.iter().filter(|a| a.by_operator()).count() == 3);
    }

    fn decision(action: Action) -> Decision {
        Decision {
            action,
            version: 1,
            steps: vec![],
            reason: None,
            message: "  ".into(),
        }
    }

    #[test]
    fn a_request_for_changes_or_a_rejection_says_what_and_why() {
        assert!(check_decision(&decision(Action::Approve)).is_empty());
        let fields = |d: &Decision| {
            check_decision(d)
                .iter()
                .map(|p| p.field)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fields(&decision(Action::RequestChanges)),
            vec![Field::DecisionSteps, Field::DecisionMessage]
        );
        assert_eq!(
            fields(&decision(Action::Reject)),
            vec![Field::DecisionReason, Field::DecisionMessage]
        );
        let ok = Decision {
            steps: vec![Step::Bank],
            message: "Le RIB ne correspond pas à la raison sociale.".into(),
            ..decision(Action::RequestChanges)
        };
        assert!(check_decision(&ok).is_empty());
        let long = Decision {
            message: "я".repeat(MESSAGE_MAX + 1),
            ..ok
        };
        assert_eq!(check_decision(&long)[0].problem.code, Code::TooLong);
    }

    #[test]
    fn nobody_approves_their_own_company() {
        assert!(may_approve(
            "reviewer@csp-operations.example",
            "contoso.fr",
            "elodie@contoso.fr"
        )
        .is_ok());
        assert!(may_approve("ana@Contoso.fr", "contoso.fr", "elodie@contoso.fr").is_err());
        assert!(may_approve(
            "ana@contoso.com",
            "contoso.onmicrosoft.com",
            "x@CONTOSO.com"
        )
        .is_err());
    }

    #[test]
    fn checks_tell_the_reviewer_what_the_product_knows() {
        let d = crate::fixtures::french_draft();
        let c = checks(&d, &d.contact.email, false);
        let outcome = |name: &str| {
            c.iter()
                .find(|x| x.check == name)
                .map(|x| x.outcome.as_str())
        };
        assert_eq!(outcome("email-verified"), Some("failed"));
        assert_eq!(outcome("email-domain"), Some("ok"));
        assert_eq!(outcome("profile"), Some("ok"));
        let c = checks(&d, "someone@other-company.example", true);
        let outcome = |name: &str| {
            c.iter()
                .find(|x| x.check == name)
                .map(|x| x.outcome.as_str())
        };
        assert_eq!(outcome("email-verified"), Some("ok"));
        assert_eq!(outcome("email-domain"), Some("warning"));
        assert_eq!(website_host("https://www.Contoso.fr/fr?x"), "contoso.fr");
    }

    #[test]
    fn approval_makes_the_partner_from_the_answers() {
        let d = crate::fixtures::french_draft();
        let (p, tenant) = partner_from(&d, "elodie@contoso-paris.fr", "p1")
            .unwrap()
            .unwrap();
        assert_eq!(tenant, d.tenant.as_ref().unwrap().domain);
        assert_eq!(p.partner.region, "europe");
        assert_eq!(p.kind, PartnerKind::IndirectReseller);
        assert_eq!(
            p.domains,
            vec![tenant.to_lowercase(), "contoso-paris.fr".to_string()]
        );
        assert!(!p.agreement_signed);
        let enrolled = Draft {
            already_enrolled: true,
            ..d.clone()
        };
        assert_eq!(partner_from(&enrolled, "x@contoso.fr", "p2"), Ok(None));
        let direct = Draft {
            partner_type: Some(PartnerType::DirectPartner),
            ..d
        };
        assert!(partner_from(&direct, "x@contoso.fr", "p3").is_err());
    }

    #[test]
    fn signing_needs_a_name_a_title_acceptance_and_the_current_version() {
        let ok = AgreementAcceptance {
            version: "2026-10".into(),
            name: "Élodie Martin".into(),
            job_title: "Gérante".into(),
            accept: true,
        };
        assert!(check_acceptance(&ok, "2026-10").is_empty());
        let fields = |a: &AgreementAcceptance| {
            check_acceptance(a, "2026-10")
                .iter()
                .map(|p| p.field)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fields(&AgreementAcceptance::default()),
            vec![
                Field::AgreementName,
                Field::AgreementJobTitle,
                Field::AgreementAccept,
                Field::AgreementAccept
            ]
        );
        let old = AgreementAcceptance {
            version: "1999".into(),
            ..ok
        };
        assert_eq!(
            check_acceptance(&old, "2026-10")[0].problem.code,
            Code::AgreementVersion
        );
    }

    #[test]
    fn business_days_skip_weekends() {
        // 2026-12-04 is a Friday (day 20791); the next Monday is 20794.
        assert_eq!(business_days(20791, 20791), 0);
        assert_eq!(business_days(20791, 20793), 0);
        assert_eq!(business_days(20791, 20794), 1);
        assert_eq!(business_days(20791, 20798), 5);
    }

    #[test]
    fn every_country_has_a_region() {
        for c in crate::country::default_countries() {
            assert!(region_of(&c.code).is_some(), "{}", c.code);
        }
        assert_eq!(region_of("fr"), Some("europe"));
        assert_eq!(region_of("XX"), None);
    }
}
