//! The vendor's review in the in-browser backend: the queue, an application with its answers,
//! checks and audit trail, the operators' decisions, the applicant's answers and resubmit, and
//! approval making a partner whose first global admin is the work account that enrolled.
//! Every decision is `csp_core::review`'s and every list is paged by `csp_core::paging`, as
//! in the API server (`crates/csp-server/src/routes/review.rs`), so both answer alike.

use crate::backend::{report_err, Backend};
use crate::routes::{body, ok, paged, Answer};
use crate::seed::password_hash;
use csp_core::access::identity_key;
use csp_core::api::{
    ApiError, Application, ApplicationStatus, AuditEntry, MyPartner, Resubmission,
    ReviewApplication, ReviewItem, ReviewNote, SubmitApplication, User,
};
use csp_core::enrollment::{check_submission, Draft, PartnerType};
use csp_core::field::Field;
use csp_core::problem::{Code, Problem};
use csp_core::review::{
    business_days, check_decision, checks, may_approve, next_status, partner_from, reassign,
    Action, Assigned, Assignment, Decision, Reassign,
};
use serde::{Deserialize, Serialize};

/// The demo's program operator (password `demo`), as the API server seeds it.
pub const DEMO_OPERATOR: &str = "reviewer@csp-operations.example";
const OPERATOR_ID: &str = "USR-OPERATOR";
/// The partner the operators belong to: it has no partner pages of its own.
const OPERATIONS: &str = "PTN-OPERATIONS";

/// What the review keeps beside the applications (all `#[serde(default)]` in the state, so a
/// browser's older stored state reads as "nothing reviewed yet").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewState {
    /// The user IDs of the program's operators (never made through the contract).
    #[serde(default)]
    pub operators: Vec<String>,
    #[serde(default)]
    pub records: Vec<Record>,
    /// The work accounts signed in to or created here: the one that enrolled becomes the new
    /// partner's global admin, with this password.
    #[serde(default)]
    pub work_accounts: Vec<WorkAccount>,
    /// The partners approval made that have not signed the agreement yet (every partner the
    /// demo seeded has).
    #[serde(default)]
    pub unsigned: Vec<String>,
    #[serde(default)]
    pub signatures: Vec<(String, csp_core::api::Signature)>,
    /// The last time stamp given out: the demo's clock only knows the day, and the audit trail
    /// and the queue are in order of time.
    #[serde(default)]
    pub last_at: i64,
    /// Each application's bank account numbers (IBAN, account number), in memory only: the
    /// browser keeps the rest of the state in its storage, and account numbers are never
    /// stored there (as the journey's saved draft keeps none). After a reload they read as
    /// not given, and the applicant enters them again.
    #[serde(skip)]
    pub account_numbers: Vec<(String, String, String)>,
}

/// An application's review record: what was submitted, by which work account, and its
/// append-only audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub application_id: String,
    pub submitted_at: i64,
    /// The work account's tenant domain that submitted it (the applicant session's).
    pub owner: String,
    pub draft: Draft,
    pub trail: Vec<AuditEntry>,
    #[serde(default)]
    pub resubmit_key: Option<String>,
    /// The operator who has taken it (their sign-in name).
    #[serde(default)]
    pub assignee: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkAccount {
    pub domain: String,
    pub user_name: String,
    pub password_hash: u64,
}

/// The agreement the demo asks partners to sign (the API server's default configuration).
pub fn agreement_url() -> String {
    format!(
        "https://partners.example.com/agreement/{}",
        csp_demo_data::DEMO_AGREEMENT_VERSION
    )
}

/// The operator the demo seeds: a user of no partner the pages know, and their password.
pub fn demo_operator() -> (User, u64) {
    (
        User {
            id: OPERATOR_ID.into(),
            name: "Program reviewer".into(),
            email: DEMO_OPERATOR.into(),
            agent_role: None,
            admin_role: None,
            partner_id: OPERATIONS.into(),
            partner_kind: None,
        },
        password_hash(DEMO_OPERATOR, "demo"),
    )
}

fn not_found() -> ApiError {
    ApiError::new(404, "not-found")
}

fn invalid(field: Field, p: impl Into<Problem>) -> ApiError {
    ApiError::field(422, "validation", field, p.into())
}

/// A decision or resubmit the table or the version refuses: 409 with the current status.
fn refused(code: Code, status: ApplicationStatus) -> ApiError {
    ApiError::field(
        409,
        "conflict",
        Field::DecisionAction,
        Problem::new(code).arg("status", json_name(&status)),
    )
}

fn json_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The review operations: `Ok(None)` when `method path` is not one of them. The work-account
/// sign-in and submit are answered by the backend; `remember_*` and [`Backend::submitted`]
/// keep what the review needs of them.
pub fn route(
    b: &mut Backend,
    method: &str,
    path: &str,
    query: &str,
    raw: &str,
) -> Result<Option<Answer>, ApiError> {
    use csp_core::endpoint::*;
    Ok(Some(if REVIEW_QUEUE.matches(method, path).is_some() {
        let who = b.operator()?;
        let rows = b.queue(query, &who.email)?;
        ok(200, &paged(rows, query)?)
    } else if let Some(p) = REVIEW_APPLICATION.matches(method, path) {
        b.operator()?;
        ok(200, &b.review_application(p[0])?)
    } else if let Some(p) = DECIDE.matches(method, path) {
        let who = b.operator()?;
        ok(200, &b.decide(p[0], &who, &body(raw)?)?)
    } else if let Some(p) = ASSIGN.matches(method, path) {
        let who = b.operator()?;
        ok(200, &b.assign(p[0], &who, &body(raw)?)?)
    } else if let Some(p) = APPLICATION_ANSWERS.matches(method, path) {
        let r = b.own_record(p[0])?;
        ok(200, &b.answers_of(&r))
    } else if let Some(p) = RESUBMIT_APPLICATION.matches(method, path) {
        ok(200, &b.resubmit(p[0], &body(raw)?)?)
    } else {
        return Ok(None);
    }))
}

impl Backend {
    /// Now, in Unix seconds, and later than anything recorded before: the trail stays in
    /// order when two steps fall in the same second.
    pub(crate) fn review_clock(&mut self) -> i64 {
        let at = self.now.max(self.state.review.last_at + 1);
        self.state.review.last_at = at;
        at
    }

    /// The signed-in operator (401 without a session, 403 for anyone else).
    fn operator(&self) -> Result<User, ApiError> {
        let u = self
            .caller_user()
            .cloned()
            .ok_or_else(|| ApiError::new(401, "unauthorized"))?;
        if self.state.must_change_password.contains(&u.id) {
            return Err(ApiError::new(403, "password-change-required"));
        }
        if self.is_operator(&u.id) {
            Ok(u)
        } else {
            Err(ApiError::forbidden("application-review"))
        }
    }

    pub fn is_operator(&self, user_id: &str) -> bool {
        self.state.review.operators.iter().any(|o| o == user_id)
    }

    /// A work account signed in to or created: the password its global admin will sign in
    /// with if its application is approved (hashed like every demo password).
    pub fn remember_work_account(&mut self, user_name: &str, password: &str) {
        let Some((_, domain)) = user_name.trim().rsplit_once('@') else {
            return;
        };
        let domain = domain.to_lowercase();
        let accounts = &mut self.state.review.work_accounts;
        accounts.retain(|w| w.domain != domain);
        accounts.push(WorkAccount {
            domain,
            user_name: user_name.trim().to_lowercase(),
            password_hash: password_hash(user_name.trim(), password),
        });
    }

    /// Keeps an application just submitted for the review: its answers as checked, the work
    /// account that sent it, and the trail's first line (once per application).
    pub fn submitted(&mut self, req: &SubmitApplication, app: &Application) {
        if self.record(&app.id).is_some() {
            return;
        }
        let at = self.review_clock();
        let owner = self
            .applicant()
            .map(|s| s.domain.to_lowercase())
            .or_else(|| app.tenant.as_ref().map(|t| t.domain.to_lowercase()))
            .unwrap_or_default();
        let draft = self.keep_account_numbers(&app.id, req.draft.for_submit(&self.ctx));
        self.state.review.records.push(Record {
            application_id: app.id.clone(),
            submitted_at: at,
            owner,
            draft,
            trail: vec![AuditEntry {
                at,
                actor: "applicant".into(),
                event: "submitted".into(),
                from: None,
                to: app.status,
                steps: vec![],
                reason: None,
                message: String::new(),
                taken_from: None,
            }],
            resubmit_key: None,
            assignee: None,
        });
    }

    /// The draft as stored: its account numbers kept aside, in memory.
    fn keep_account_numbers(&mut self, id: &str, mut draft: Draft) -> Draft {
        let iban = std::mem::take(&mut draft.bank.iban);
        let number = std::mem::take(&mut draft.bank.account_number);
        let kept = &mut self.state.review.account_numbers;
        kept.retain(|(a, _, _)| a != id);
        kept.push((id.to_string(), iban, number));
        draft
    }

    /// An application's answers with their account numbers, as far as this session knows them.
    fn answers_of(&self, r: &Record) -> Draft {
        let mut d = r.draft.clone();
        if let Some((_, iban, number)) = self
            .state
            .review
            .account_numbers
            .iter()
            .find(|(a, _, _)| *a == r.application_id)
        {
            d.bank.iban = iban.clone();
            d.bank.account_number = number.clone();
        }
        d
    }

    fn record(&self, id: &str) -> Option<&Record> {
        self.state
            .review
            .records
            .iter()
            .find(|r| r.application_id == id)
    }

    fn record_mut(&mut self, id: &str) -> Option<&mut Record> {
        self.state
            .review
            .records
            .iter_mut()
            .find(|r| r.application_id == id)
    }

    fn app_mut(&mut self, id: &str) -> Option<&mut Application> {
        self.state
            .applications
            .iter_mut()
            .map(|(_, a)| a)
            .find(|a| a.id == id)
    }

    /// The trail learns of a verification made elsewhere (the link): an application in review
    /// whose last line left it awaiting verification gets its `email-verified` line.
    fn note_verification(&mut self, id: &str) {
        let Ok(app) = self.application(id) else {
            return;
        };
        let waiting = self.record(id).is_some_and(|r| {
            r.trail.last().map(|e| e.to) == Some(ApplicationStatus::AwaitingEmailVerification)
        });
        if waiting && app.status == ApplicationStatus::InReview {
            let at = app
                .email_verified_at
                .unwrap_or_default()
                .max(self.review_clock());
            if let Some(r) = self.record_mut(id) {
                r.trail.push(AuditEntry {
                    at,
                    actor: "applicant".into(),
                    event: "email-verified".into(),
                    from: Some(ApplicationStatus::AwaitingEmailVerification),
                    to: ApplicationStatus::InReview,
                    steps: vec![],
                    reason: None,
                    message: String::new(),
                    taken_from: None,
                });
            }
        }
    }

    /// The queue's rows, filtered by the query's `status`, `country`, `partner_type` and
    /// `assigned_to_me` (those operator `me` has taken; 400 for a status or type that does
    /// not exist, or anything but `true` or `false`); paging orders them oldest first.
    fn queue(&mut self, query: &str, me: &str) -> Result<Vec<ReviewItem>, ApiError> {
        let bad = || ApiError::new(400, "bad-request");
        let (mut status, mut country, mut kind) = (None, None, None);
        let mut mine = false;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = v.replace('+', " ");
            let named = || serde_json::Value::String(v.clone());
            match k {
                "status" => {
                    status = Some(
                        serde_json::from_value::<ApplicationStatus>(named()).map_err(|_| bad())?,
                    )
                }
                "country" => {
                    country = Some(v.trim().to_ascii_uppercase()).filter(|c| !c.is_empty())
                }
                "partner_type" => {
                    kind = Some(serde_json::from_value::<PartnerType>(named()).map_err(|_| bad())?)
                }
                "assigned_to_me" => {
                    mine = match v.as_str() {
                        "true" => true,
                        "false" => false,
                        _ => return Err(bad()),
                    }
                }
                _ => {}
            }
        }
        let ids: Vec<String> = self
            .state
            .review
            .records
            .iter()
            .map(|r| r.application_id.clone())
            .collect();
        for id in &ids {
            self.note_verification(id);
        }
        let today = i64::from(self.today.0);
        Ok(self
            .state
            .review
            .records
            .iter()
            .filter_map(|r| {
                let app = self.application(&r.application_id).ok()?;
                Some(ReviewItem {
                    company: r.draft.legal.legal_name.trim().into(),
                    country: company_country(&r.draft),
                    partner_type: app.partner_type,
                    status: app.status,
                    submitted_at: r.submitted_at,
                    age_business_days: business_days(r.submitted_at / 86_400, today),
                    id: app.id,
                    reference: app.reference,
                    assignee: r.assignee.clone(),
                })
            })
            .filter(|i| !mine || i.assignee.as_deref() == Some(me))
            .filter(|i| status.is_none_or(|s| i.status == s))
            .filter(|i| country.as_ref().is_none_or(|c| i.country == *c))
            .filter(|i| kind.is_none_or(|k| i.partner_type == Some(k)))
            .collect())
    }

    /// `GET /review/applications/{id}`.
    pub fn review_application(&mut self, id: &str) -> Result<ReviewApplication, ApiError> {
        self.note_verification(id);
        let app = self.application(id)?;
        let r = self.record(id).ok_or_else(not_found)?;
        Ok(ReviewApplication {
            checks: checks(
                &r.draft,
                &app.primary_contact_email,
                app.email_verified_at.is_some(),
            ),
            draft: self.answers_of(r),
            submitted_at: r.submitted_at,
            history: r.trail.clone(),
            assignee: r.assignee.clone(),
            application: app,
        })
    }

    /// `POST /review/applications/{id}/assignment`: `csp_core::review::reassign` decides, as
    /// on the server; a refusal is 409 on `assignment.action`.
    pub fn assign(&mut self, id: &str, op: &User, a: &Assignment) -> Result<Assigned, ApiError> {
        self.note_verification(id);
        let app = self.application(id)?;
        let current = self.record(id).ok_or_else(not_found)?.assignee.clone();
        let at = self.review_clock();
        match reassign(&op.email, at, app.status, current.as_deref(), a)
            .map_err(|p| ApiError::field(409, "conflict", Field::AssignmentAction, p))?
        {
            Reassign::Unchanged => Ok(Assigned { assignee: current }),
            Reassign::To(assignee, line) => {
                let r = self.record_mut(id).ok_or_else(not_found)?;
                r.assignee = assignee.clone();
                r.trail.push(line);
                Ok(Assigned { assignee })
            }
        }
    }

    /// `POST /review/applications/{id}/decisions`: the checks of the server, in its order.
    pub fn decide(&mut self, id: &str, op: &User, d: &Decision) -> Result<Application, ApiError> {
        if !d.action.by_operator() {
            return Err(invalid(Field::DecisionAction, Code::ChooseOne));
        }
        report_err_list(check_decision(d))?;
        self.note_verification(id);
        let app = self.application(id)?;
        let draft = self.record(id).ok_or_else(not_found)?.draft.clone();
        let partner = if d.action == Action::Approve {
            let tenant = draft
                .tenant
                .as_ref()
                .map(|t| t.domain.as_str())
                .unwrap_or("");
            may_approve(&op.email, tenant, &app.primary_contact_email)
                .map_err(|p| invalid(Field::DecisionAction, p))?;
            self.new_partner(id, &draft)?
        } else {
            None
        };
        if app.version != d.version {
            return Err(refused(Code::ReviewStale, app.status));
        }
        let Some(to) = next_status(app.status, d.action) else {
            return Err(refused(Code::ReviewTransition, app.status));
        };
        if let Some((partner, admin, hash)) = partner {
            if self
                .state
                .users
                .iter()
                .any(|u| identity_key(&u.email) == identity_key(&admin.email))
            {
                return Err(ApiError::field(
                    409,
                    "conflict",
                    Field::DecisionAction,
                    Code::EmailTaken.into(),
                ));
            }
            self.state.review.unsigned.push(partner.partner.id.clone());
            self.state.partners.push(partner);
            self.state.credentials.push((admin.id.clone(), hash));
            self.state.users.push(admin);
        }
        let at = self.review_clock();
        let note = ReviewNote {
            action: d.action,
            steps: d.steps.clone(),
            reason: d.reason,
            message: d.message.trim().to_string(),
            at,
        };
        let from = app.status;
        let a = self.app_mut(id).ok_or_else(not_found)?;
        a.status = to;
        a.version += 1;
        a.review = Some(note.clone());
        let out = a.clone();
        // The primary contact's email, with the reviewer's note, in the application's language.
        self.status_changed(from, &out);
        if let Some(r) = self.record_mut(id) {
            r.trail.push(AuditEntry {
                at,
                actor: op.email.clone(),
                event: json_name(&d.action),
                from: Some(from),
                to,
                steps: note.steps,
                reason: note.reason,
                message: note.message,
                taken_from: None,
            });
        }
        Ok(out)
    }

    /// The partner an approved application makes, its first global admin (the work account
    /// that enrolled, with that account's password) and that password's hash; None for a
    /// partner enrolled in CSP already (approval records the decision only), 422 for a partner
    /// type or country the program has no partner for.
    #[allow(clippy::type_complexity)]
    fn new_partner(
        &mut self,
        id: &str,
        draft: &Draft,
    ) -> Result<Option<(MyPartner, User, u64)>, ApiError> {
        let partner_id = self.new_id();
        let app = self.application(id)?;
        let Some((partner, _)) = partner_from(draft, &app.primary_contact_email, &partner_id)
            .map_err(|p| ApiError::validation(vec![p]))?
        else {
            return Ok(None);
        };
        let kind = partner.kind;
        let owner = self.record(id).map(|r| r.owner.clone()).unwrap_or_default();
        let account = self
            .state
            .review
            .work_accounts
            .iter()
            .find(|w| w.domain == owner)
            .cloned()
            .ok_or_else(|| ApiError::new(500, "server"))?;
        let admin = User {
            id: self.new_id(),
            name: account.user_name.clone(),
            email: account.user_name.clone(),
            agent_role: None,
            admin_role: Some("global-admin".into()),
            partner_id,
            partner_kind: Some(kind),
        };
        Ok(Some((partner, admin, account.password_hash)))
    }

    /// The applicant's own application's record: 401 without an applicant session, 404 for
    /// anyone else's (existence is not told).
    fn own_record(&mut self, id: &str) -> Result<Record, ApiError> {
        let me = self
            .applicant()
            .ok_or_else(|| ApiError::new(401, "unauthorized"))?;
        self.note_verification(id);
        match self.record(id) {
            Some(r) if r.owner == me.domain.to_lowercase() => Ok(r.clone()),
            _ => Err(not_found()),
        }
    }

    /// `PUT /applications/{id}`: back to review with the changed answers, on the version seen,
    /// once per key; a new primary contact address is verified again first.
    pub fn resubmit(&mut self, id: &str, req: &Resubmission) -> Result<Application, ApiError> {
        let key = req.idempotency_key.trim().to_string();
        if key.is_empty() {
            return Err(ApiError::new(400, "bad-request"));
        }
        let record = self.own_record(id)?;
        let current = self.application(id)?;
        if record.resubmit_key.as_deref() == Some(key.as_str()) {
            return Ok(current);
        }
        let mut draft: Draft = req.draft.for_submit(&self.ctx);
        if !draft.already_enrolled {
            // The tenant is a fact of the directory, as submitted: not the applicant's to change.
            draft.tenant = record.draft.tenant.clone();
        }
        report_err(check_submission(
            &draft,
            &self.state.settings.open_partner_types,
            &self.ctx,
        ))?;
        if current.version != req.version {
            return Err(refused(Code::ReviewStale, current.status));
        }
        let Some(to) = next_status(current.status, Action::Resubmit) else {
            return Err(refused(Code::ReviewTransition, current.status));
        };
        let email = if draft.already_enrolled {
            draft.support.email.trim().to_string()
        } else {
            draft.contact.email.trim().to_string()
        };
        let changed = !email.eq_ignore_ascii_case(&current.primary_contact_email);
        let to = if changed {
            ApplicationStatus::AwaitingEmailVerification
        } else {
            to
        };
        let at = self.review_clock();
        let a = self.app_mut(id).ok_or_else(not_found)?;
        a.status = to;
        a.version += 1;
        a.review = None;
        a.partner_type = draft.partner_type;
        a.tenant = draft.tenant.clone();
        if changed {
            a.primary_contact_email = email;
            a.email_verified_at = None;
        }
        let out = a.clone();
        if changed {
            // A new address is confirmed again: its own link, as after submitting.
            self.send_link(id, csp_core::verification::Sends::first(self.now));
        }
        let out = if changed { self.application(id)? } else { out };
        let draft = self.keep_account_numbers(id, draft);
        if let Some(r) = self.record_mut(id) {
            r.draft = draft;
            r.resubmit_key = Some(key);
            r.trail.push(AuditEntry {
                at,
                actor: "applicant".into(),
                event: "resubmit".into(),
                from: Some(current.status),
                to,
                steps: vec![],
                reason: None,
                message: String::new(),
                taken_from: None,
            });
        }
        Ok(out)
    }
}

fn report_err_list(problems: Vec<csp_core::FieldProblem>) -> Result<(), ApiError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(problems))
    }
}

/// The company's country as the queue shows it: the tenant's, else the legal address's.
fn company_country(d: &Draft) -> String {
    d.tenant
        .as_ref()
        .map(|t| t.country.clone())
        .unwrap_or_else(|| d.legal.address.country.clone())
}
