//! The contract's behaviour as plain state and methods; the browser keeps the state in its
//! storage. Every check is a csp-core rule, as in any other backend.

use crate::seed::password_hash;
use csp_core::access::{self, identity_key};
use csp_core::api::*;
use csp_core::country::{find, CountryRules};
use csp_core::email::parse;
use csp_core::enrollment::{check_new_tenant, check_submission, Context, Draft, NewTenant, Tenant};
use csp_core::field::Field;
use csp_core::mpn::OrgProfile;
use csp_core::problem::{required, Code, Problem, Report};
use csp_core::roles::{RoleCatalog, MANAGE_USERS};
use csp_demo_data::demo_profiles;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub settings: ProgramSettings,
    /// (idempotency key, application)
    pub applications: Vec<(String, Application)>,
    pub tenants: Vec<Tenant>,
    pub users: Vec<User>,
    /// Users whose password is still the temporary one.
    #[serde(default)]
    pub must_change_password: Vec<String>,
    /// Numbers the applications' human references (`APP-000012`); IDs are random.
    pub next_reference: u64,
    /// Issue #11: the partners the demo knows (resellers and providers), who authorized whom,
    /// the customers and the relationship requests (`crate::partners`, `crate::customers`).
    #[serde(default)]
    pub partners: Vec<MyPartner>,
    #[serde(default)]
    pub authorizations: Vec<csp_demo_data::Authorization>,
    #[serde(default)]
    pub customers: Vec<csp_core::customers::Customer>,
    #[serde(default)]
    pub relationship_requests: Vec<csp_demo_data::OwnedRequest>,
    /// (user id, [`crate::seed::password_hash`]): kept with the users, so whoever is in the
    /// Users list can sign in after a reload.
    #[serde(default)]
    pub credentials: Vec<(String, u64)>,
    /// The review of applications, its operators and the partner agreement
    /// (`crate::review`, `crate::agreement`).
    #[serde(default)]
    pub review: crate::review::ReviewState,
    /// The verification links sent, each by its token's hash (`crate::verification`).
    #[serde(default)]
    pub verification_links: Vec<crate::verification::StoredLink>,
    /// The verification emails sent to each application, for the resend throttle.
    #[serde(default)]
    pub verification_sends: Vec<crate::verification::SendCount>,
    /// The emails the demo would have sent, oldest first: it has no mail server, and the app's
    /// demo Outbox page shows them.
    #[serde(default)]
    pub outbox: Vec<crate::verification::OutboxMail>,
    /// The invitation links sent to added users, each by its token's hash
    /// (`crate::invitations`).
    #[serde(default)]
    pub user_invitations: Vec<crate::invitations::StoredLink>,
    /// Each partner's published business profile, by partner ID (`crate::profile`).
    #[serde(default)]
    pub business_profiles: Vec<(String, csp_core::business_profile::BusinessProfile)>,
    /// Resellers' partnership requests to providers, until answered by an authorization.
    #[serde(default)]
    pub partnership_requests: Vec<crate::profile::StoredRequest>,
    /// (customer tenant's domain, request ID): the relationship each customer's Global admin
    /// accepted here (`crate::acceptance`), for its status and dates on the customer list.
    #[serde(default)]
    pub accepted_requests: Vec<(String, String)>,
}

/// A signed-in session: what an HTTP backend keeps behind its cookie.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    token: String,
    csrf_token: String,
    user_id: String,
}

/// The sessions one browser tab holds, as an HTTP backend's cookies would: the partner user's
/// and the applicant's. The browser keeps them in the tab's session storage, so a reload in
/// the tab keeps them and closing the tab ends them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TabSessions {
    pub user: Option<Session>,
    pub applicant: Option<WorkAccountSession>,
}

/// The backend: state plus the rules' context. Every method is one endpoint of the contract.
pub struct Backend {
    pub state: State,
    pub ctx: Context,
    pub catalog: RoleCatalog,
    /// The signed-in user's ID, from the request's session: partner-scoped calls answer for
    /// this user's partner.
    pub caller: Option<String>,
    /// Today, for dated records (the in-browser client sets it from the browser's clock).
    pub today: csp_core::date::Date,
    /// Now, in Unix seconds (the in-browser client sets it from the browser's clock; tests
    /// move it): links expire and resends wait by it.
    pub now: i64,
    /// Where the app is served (the page's origin): the links in the emails start with it.
    pub link_base: String,
    sessions: Vec<Session>,
    /// The work account the applicant signed in to (or created): this browser's applicant
    /// session. The demo directory takes any password, so nothing secret is kept.
    applicant: Option<WorkAccountSession>,
    random: Box<dyn FnMut() -> [u8; 16]>,
}

/// 16 random bytes as 32 hex digits: IDs and tokens nobody can guess.
fn hex(b: [u8; 16]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Who is managing users: the signed-in user, their partner's type, what they have and the
/// partner's users.
struct Manager {
    me: User,
    kind: PartnerKind,
    /// The partner's domains: its users' addresses are at one of them.
    domains: Vec<String>,
    features: Vec<String>,
    users: Vec<User>,
}

impl Manager {
    /// 403 naming the first feature the roles open that the manager lacks.
    fn may_grant(
        &self,
        catalog: &RoleCatalog,
        agent: &Option<String>,
        admin: &Option<String>,
    ) -> Result<(), ApiError> {
        access::may_grant(
            catalog,
            &self.features,
            agent.as_deref(),
            admin.as_deref(),
            Some(self.kind),
        )
        .map_err(|f| ApiError::forbidden(&f))
    }

    /// The user `id` of the manager's partner (404 for anyone else's), whose current roles the
    /// manager may give.
    fn managed(&self, catalog: &RoleCatalog, id: &str) -> Result<&User, ApiError> {
        let target = self
            .users
            .iter()
            .find(|u| u.id == id)
            .ok_or_else(|| ApiError::new(404, "not-found"))?;
        self.may_grant(catalog, &target.agent_role, &target.admin_role)?;
        Ok(target)
    }

    /// 409 when `changed` getting the roles `now` (None: removed) would leave nobody who
    /// manages users.
    fn keeps_a_user_manager(
        &self,
        catalog: &RoleCatalog,
        changed: &str,
        now: Option<(Option<&str>, Option<&str>)>,
    ) -> Result<(), ApiError> {
        let members = self.users.iter().map(|u| {
            (
                u.id.as_str(),
                u.agent_role.as_deref(),
                u.admin_role.as_deref(),
            )
        });
        access::keeps_a_user_manager(catalog, members, changed, now).map_err(conflict)
    }
}

fn conflict(p: csp_core::FieldProblem) -> ApiError {
    ApiError::field(409, "conflict", p.field, p.problem)
}

pub(crate) fn report_err(r: Report) -> Result<(), ApiError> {
    if r.has_errors() {
        Err(ApiError::validation(r.errors().cloned().collect()))
    } else {
        Ok(())
    }
}

impl Backend {
    /// `random` must be a CSPRNG (the browser's `crypto.getRandomValues`): it makes IDs,
    /// session tokens and temporary passwords.
    pub fn new(state: State, random: impl FnMut() -> [u8; 16] + 'static) -> Self {
        Backend {
            state,
            ctx: Context::default(),
            catalog: RoleCatalog::builtin(),
            caller: None,
            today: csp_demo_data::demo_today(),
            now: i64::from(csp_demo_data::demo_today().0) * 86_400 + 9 * 3600,
            link_base: String::new(),
            sessions: vec![],
            applicant: None,
            random: Box::new(random),
        }
    }

    pub(crate) fn new_id(&mut self) -> String {
        hex((self.random)())
    }

    /// A temporary password from the backend's random source.
    pub fn temporary_password(&mut self) -> String {
        let random = &mut self.random;
        access::temporary_password(|| Ok::<_, std::convert::Infallible>(random()))
            .unwrap_or_else(|never| match never {})
    }

    /// Opens the applicant session for a work account just signed in to or created.
    pub fn open_applicant(&mut self, t: Tenant) -> WorkAccountSession {
        let s = WorkAccountSession {
            domain: t.domain,
            country: t.country,
            organization: t.organization,
            csrf_token: self.new_id(),
        };
        self.applicant = Some(s.clone());
        s
    }

    pub fn applicant(&self) -> Option<WorkAccountSession> {
        self.applicant.clone()
    }

    pub fn close_applicant(&mut self) {
        self.applicant = None;
    }

    /// The sessions of the tab whose user session is `token`.
    pub fn tab_sessions(&self, token: Option<&str>) -> TabSessions {
        TabSessions {
            user: token.and_then(|t| self.sessions.iter().find(|s| s.token == t).cloned()),
            applicant: self.applicant.clone(),
        }
    }

    /// Takes back a tab's sessions after a reload; the user session's token, if its user still
    /// exists.
    pub fn resume(&mut self, tab: TabSessions) -> Option<String> {
        self.applicant = tab.applicant;
        let s = tab
            .user
            .filter(|s| self.state.users.iter().any(|u| u.id == s.user_id))?;
        let token = s.token.clone();
        self.sessions.retain(|x| x.token != token);
        self.sessions.push(s);
        Some(token)
    }

    pub fn settings(&self) -> ProgramSettings {
        self.state.settings.clone()
    }

    pub fn countries(&self) -> Vec<CountryRules> {
        self.ctx.countries.clone()
    }

    pub fn roles(&self) -> RoleCatalog {
        self.catalog.clone()
    }

    /// Work-account sign-in. The demo directory knows every tenant created here; any other
    /// `admin@company.<tld>` signs in to a tenant in the country of its top-level domain.
    pub fn sign_in_work_account(&self, s: &SignIn) -> Result<Tenant, ApiError> {
        let email = parse(&s.user_name)
            .map_err(|p| ApiError::field(422, "validation", Field::WorkAccountUserName, p))?;
        if s.password.is_empty() {
            return Err(ApiError::field(
                422,
                "validation",
                Field::WorkAccountPassword,
                Code::Required.into(),
            ));
        }
        if let Some(t) = self.state.tenants.iter().find(|t| t.domain == email.domain) {
            return Ok(t.clone());
        }
        let tld = email
            .domain
            .rsplit('.')
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        let country = match tld.as_str() {
            "UK" => "GB".to_string(),
            t if find(&self.ctx.countries, t).is_some() => t.to_string(),
            _ => "US".to_string(),
        };
        let org = email
            .domain
            .split('.')
            .next()
            .unwrap_or_default()
            .to_string();
        Ok(Tenant {
            domain: email.domain.clone(),
            country,
            organization: org,
        })
    }

    pub fn create_tenant(&mut self, t: &NewTenant) -> Result<Tenant, ApiError> {
        report_err(check_new_tenant(t, &self.ctx))?;
        let domain = format!(
            "{}.onmicrosoft.com",
            t.domain_prefix.trim().to_ascii_lowercase()
        );
        if self.state.tenants.iter().any(|x| x.domain == domain) {
            return Err(ApiError::field(
                409,
                "conflict",
                Field::TenantDomainPrefix,
                Problem::new(Code::DomainPrefixTaken).arg("domain", &domain),
            ));
        }
        let tenant = Tenant {
            domain,
            country: t.country.trim().to_ascii_uppercase(),
            organization: t.organization.trim().into(),
        };
        self.state.tenants.push(tenant.clone());
        Ok(tenant)
    }

    /// Partner-network sign-in: the organization profiles of that account.
    pub fn partner_network_profiles(&self, s: &SignIn) -> Result<Vec<OrgProfile>, ApiError> {
        if required(&s.user_name).is_err() || s.password.is_empty() {
            return Err(ApiError::field(
                401,
                "unauthorized",
                Field::PmcPassword,
                Code::SignInFailed.into(),
            ));
        }
        Ok(demo_profiles())
    }

    /// Creates the application once per idempotency key; the same key returns the same one.
    pub fn submit(&mut self, req: &SubmitApplication) -> Result<Application, ApiError> {
        if let Some((_, a)) = self
            .state
            .applications
            .iter()
            .find(|(k, _)| *k == req.idempotency_key)
        {
            return Ok(a.clone());
        }
        if req.idempotency_key.trim().is_empty() {
            return Err(ApiError::new(400, "bad-request"));
        }
        let draft: Draft = req.draft.for_submit(&self.ctx);
        report_err(check_submission(
            &draft,
            &self.state.settings.open_partner_types,
            &self.ctx,
        ))?;
        if let Some(p) = &draft.profile {
            if !demo_profiles().iter().any(|x| x.mpn_id == p.mpn_id) {
                return Err(ApiError::field(
                    422,
                    "validation",
                    Field::Profile,
                    Problem::new(Code::MpnNotFound).arg("mpn", &p.mpn_id),
                ));
            }
        }
        self.state.next_reference += 1;
        let app = Application {
            id: self.new_id(),
            reference: format!("APP-{:06}", self.state.next_reference),
            status: ApplicationStatus::AwaitingEmailVerification,
            partner_type: draft.partner_type,
            primary_contact_email: if draft.already_enrolled {
                draft.support.email.trim().into()
            } else {
                draft.contact.email.trim().into()
            },
            tenant: draft.tenant.clone(),
            language: csp_core::mail::language(&req.language).into(),
            email_verified_at: None,
            verification_sent_at: None,
            verification_resend_at: None,
            version: 1,
            review: None,
        };
        self.state
            .applications
            .push((req.idempotency_key.clone(), app.clone()));
        let id = app.id.clone();
        self.send_link(&id, csp_core::verification::Sends::first(self.now));
        self.application(&id)
    }

    pub fn application(&self, id: &str) -> Result<Application, ApiError> {
        self.state
            .applications
            .iter()
            .map(|(_, a)| a)
            .find(|a| a.id == id)
            .cloned()
            .ok_or_else(|| ApiError::new(404, "not-found"))
    }

    /// Moves an application along (what the vendor's reviewers do; the demo exposes it for
    /// tests), emailing the primary contact about a new status.
    pub fn set_status(
        &mut self,
        id: &str,
        status: ApplicationStatus,
    ) -> Result<Application, ApiError> {
        let a = self
            .state
            .applications
            .iter_mut()
            .map(|(_, a)| a)
            .find(|a| a.id == id)
            .ok_or_else(|| ApiError::new(404, "not-found"))?;
        let before = a.status;
        a.status = status;
        let a = a.clone();
        self.status_changed(before, &a);
        Ok(a)
    }

    /// The users of the caller's partner (all users when nobody is signed in: the seedless tests).
    pub fn users(&self) -> Vec<User> {
        let partner = self.caller_user().map(|u| u.partner_id.clone());
        self.state
            .users
            .iter()
            .filter(|u| partner.as_ref().is_none_or(|p| *p == u.partner_id))
            .cloned()
            .collect()
    }

    /// The signed-in user who manages users, as the access rules see them.
    fn user_manager(&self) -> Result<Manager, ApiError> {
        // The team opens before the agreement is signed: the admin may need a signatory.
        let (me, partner) = self.allowed(MANAGE_USERS)?;
        let features = access::features_of(
            &self.catalog,
            me.agent_role.as_deref(),
            me.admin_role.as_deref(),
            Some(partner.kind),
        );
        let users = self
            .state
            .users
            .iter()
            .filter(|u| u.partner_id == me.partner_id)
            .cloned()
            .collect();
        Ok(Manager {
            me,
            kind: partner.kind,
            domains: partner.domains,
            features,
            users,
        })
    }

    /// Adds a user: full name, a work email unique among the users, known roles the caller may
    /// give.
    pub fn add_user(&mut self, u: &NewUser) -> Result<CreatedUser, ApiError> {
        let m = self.user_manager()?;
        let existing: Vec<&str> = m.users.iter().map(|x| x.email.as_str()).collect();
        report_err(access::check_added_user(
            u,
            &existing,
            &m.domains,
            &self.catalog,
            &self.ctx,
        ))?;
        m.may_grant(&self.catalog, &u.agent_role, &u.admin_role)?;
        csp_core::paging::check_room(m.users.len())?;
        let email = csp_core::email::normalize(&u.email);
        let temporary_password = self.temporary_password();
        let user = User {
            id: self.new_id(),
            name: u.name.trim().into(),
            email: email.clone(),
            agent_role: u.agent_role.clone(),
            admin_role: u.admin_role.clone(),
            partner_id: self
                .caller_user()
                .map(|c| c.partner_id.clone())
                .unwrap_or_default(),
            partner_kind: self.caller_user().and_then(|c| c.partner_kind),
        };
        self.state
            .credentials
            .push((user.id.clone(), password_hash(&email, &temporary_password)));
        self.state.must_change_password.push(user.id.clone());
        self.state.users.push(user.clone());
        let language = csp_core::mail::language(u.language.as_deref().unwrap_or("en"));
        self.send_user_invitation(&user, language);
        Ok(CreatedUser {
            user,
            sign_in_name: email,
            temporary_password,
        })
    }

    /// Signs a partner user in and opens a session; the same answer for an unknown user and a
    /// wrong password.
    pub fn sign_in(&mut self, s: &SignIn) -> Result<(String, SessionInfo), ApiError> {
        let denied = || {
            ApiError::field(
                401,
                "unauthorized",
                Field::SessionPassword,
                Code::SignInFailed.into(),
            )
        };
        let user = self
            .state
            .users
            .iter()
            .find(|u| identity_key(&u.email) == identity_key(&s.user_name))
            .cloned()
            .ok_or_else(denied)?;
        if !self.password_is(&user, &s.password) {
            return Err(denied());
        }
        Ok(self.open_session(&user))
    }

    /// A new session of `user`: its token and what `POST /session` answers.
    pub(crate) fn open_session(&mut self, user: &User) -> (String, SessionInfo) {
        let session = Session {
            token: self.new_id(),
            csrf_token: self.new_id(),
            user_id: user.id.clone(),
        };
        let token = session.token.clone();
        self.sessions.push(session);
        let info = self.session(&token).expect("just opened");
        (token, info)
    }

    /// Gives `user` the password `password`, chosen by them (no change asked at sign-in).
    pub(crate) fn set_password(&mut self, user: &User, password: &str) {
        let hash = password_hash(&user.email, password);
        self.state.credentials.retain(|(id, _)| *id != user.id);
        self.state.credentials.push((user.id.clone(), hash));
        self.state.must_change_password.retain(|id| *id != user.id);
    }

    /// The caller's partner's user `id`, whom the caller may manage (as for a change of roles).
    pub(crate) fn managed_user(&self, id: &str) -> Result<User, ApiError> {
        let m = self.user_manager()?;
        m.managed(&self.catalog, id).cloned()
    }

    fn password_is(&self, user: &User, password: &str) -> bool {
        let hash = password_hash(&user.email, password);
        self.state
            .credentials
            .iter()
            .any(|(id, h)| *id == user.id && *h == hash)
    }

    /// The session behind `token`, if it is open and its user still exists.
    pub fn session(&self, token: &str) -> Option<SessionInfo> {
        let s = self.sessions.iter().find(|s| s.token == token)?;
        let user = self.state.users.iter().find(|u| u.id == s.user_id)?;
        Some(SessionInfo {
            user: user.clone(),
            csrf_token: s.csrf_token.clone(),
            must_change_password: self.state.must_change_password.contains(&user.id),
            features: access::user_features(&self.catalog, user),
            operator: self.is_operator(&user.id),
        })
    }

    pub fn sign_out(&mut self, token: &str) {
        self.sessions.retain(|s| s.token != token);
    }

    /// Changes the signed-in user's password: the current one, then the directory's rules.
    pub fn change_password(&mut self, user: &User, c: &PasswordChange) -> Result<(), ApiError> {
        report_err(csp_core::users::check_new_password(&user.email, c))?;
        if !self.password_is(user, &c.current_password) {
            return Err(ApiError::field(
                422,
                "validation",
                Field::CurrentPassword,
                Code::PasswordIncorrect.into(),
            ));
        }
        self.set_password(user, &c.new_password);
        Ok(())
    }

    /// Changes a user's roles: known roles of each kind, a user and roles the caller may
    /// manage, and someone left who manages users.
    pub fn update_roles(
        &mut self,
        id: &str,
        agent_role: Option<String>,
        admin_role: Option<String>,
    ) -> Result<User, ApiError> {
        let (agent, admin) = (agent_role.as_deref(), admin_role.as_deref());
        report_err(access::check_role_kinds(&self.catalog, agent, admin))?;
        let m = self.user_manager()?;
        m.managed(&self.catalog, id)?;
        m.may_grant(&self.catalog, &agent_role, &admin_role)?;
        m.keeps_a_user_manager(&self.catalog, id, Some((agent, admin)))?;
        let u = self
            .state
            .users
            .iter_mut()
            .find(|u| u.id == id)
            .ok_or_else(|| ApiError::new(404, "not-found"))?;
        u.agent_role = agent_role;
        u.admin_role = admin_role;
        Ok(u.clone())
    }

    /// Removes a user of the caller's partner whom the caller may manage, never the caller,
    /// never the last who manages users; their sessions end.
    pub fn remove_user(&mut self, id: &str) -> Result<(), ApiError> {
        let m = self.user_manager()?;
        access::may_remove(&m.me.id, id).map_err(conflict)?;
        m.managed(&self.catalog, id)?;
        m.keeps_a_user_manager(&self.catalog, id, None)?;
        self.state.users.retain(|u| u.id != id);
        self.state.credentials.retain(|(u, _)| u != id);
        self.state.user_invitations.retain(|l| l.user_id != id);
        self.sessions.retain(|s| s.user_id != id);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_core::fixtures::french_draft;
    use csp_demo_data::DEMO_ADMIN;

    fn backend() -> Backend {
        Backend::new(State::default(), crate::not_random())
    }

    /// The seeded demo with its reseller's global admin as the caller.
    fn as_demo_admin() -> Backend {
        let mut b = Backend::new(State::seeded(), crate::not_random());
        b.caller = b
            .state
            .users
            .iter()
            .find(|u| u.email == DEMO_ADMIN)
            .map(|u| u.id.clone());
        b
    }

    #[test]
    fn one_application_per_idempotency_key() {
        let mut b = backend();
        let req = SubmitApplication {
            idempotency_key: "k1".into(),
            draft: french_draft(),
            language: "fr".into(),
        };
        let a1 = b.submit(&req).unwrap();
        let a2 = b.submit(&req).unwrap();
        assert_eq!(a1, a2);
        assert_eq!(b.state.applications.len(), 1);
        assert_eq!(a1.status, ApplicationStatus::AwaitingEmailVerification);
        assert_eq!(b.application(&a1.id).unwrap(), a1);
    }

    #[test]
    fn submit_makes_the_same_checks_as_the_client() {
        let mut b = backend();
        let mut d = french_draft();
        d.contact.email = "elodie@gmail.com".into();
        let e = b
            .submit(&SubmitApplication {
                idempotency_key: "k".into(),
                draft: d,
                language: "fr".into(),
            })
            .unwrap_err();
        assert_eq!(e.status, 422);
        assert_eq!(e.field_errors[0].field, Field::ContactEmail);
        assert_eq!(e.field_errors[0].problem.code, Code::EmailConsumer);
    }

    #[test]
    fn closed_partner_type_and_unknown_profile_are_refused() {
        let mut b = backend();
        let mut d = french_draft();
        d.partner_type = Some(csp_core::enrollment::PartnerType::DirectPartner);
        assert_eq!(
            b.submit(&SubmitApplication {
                idempotency_key: "a".into(),
                draft: d,
                language: "fr".into(),
            })
            .unwrap_err()
            .field_errors[0]
                .problem
                .code,
            Code::PartnerTypeClosed
        );
        let mut d = french_draft();
        d.profile.as_mut().unwrap().mpn_id = "9999999".into();
        assert_eq!(
            b.submit(&SubmitApplication {
                idempotency_key: "b".into(),
                draft: d,
                language: "fr".into(),
            })
            .unwrap_err()
            .field_errors[0]
                .problem
                .code,
            Code::MpnNotFound
        );
    }

    #[test]
    fn user_emails_are_unique_case_insensitively() {
        let mut b = as_demo_admin();
        let u = NewUser {
            name: "Li Wei".into(),
            email: "li.wei@contoso.cn".into(),
            agent_role: Some("helpdesk-agent".into()),
            admin_role: None,
            language: None,
        };
        let created = b.add_user(&u).unwrap();
        assert_eq!(created.temporary_password.len(), 19);
        let dup = NewUser {
            email: " LI.WEI@Contoso.CN ".into(),
            ..u
        };
        let e = b.add_user(&dup).unwrap_err();
        assert_eq!(
            (e.status, e.field_errors[0].problem.code),
            (422, Code::EmailTaken)
        );
        assert_eq!(b.users().len(), 2, "the admin and Li Wei");
    }

    #[test]
    fn partner_users_sign_in_with_their_password() {
        let mut b = as_demo_admin();
        let sign_in = |b: &mut Backend, user: &str, password: &str| {
            b.sign_in(&SignIn {
                user_name: user.into(),
                password: password.into(),
            })
        };
        let (_, info) = sign_in(&mut b, &DEMO_ADMIN.to_ascii_uppercase(), "demo").unwrap();
        assert_eq!(info.user.admin_role.as_deref(), Some("global-admin"));
        assert_eq!(sign_in(&mut b, DEMO_ADMIN, "nope").unwrap_err().status, 401);
        let u = NewUser {
            name: "Li Wei".into(),
            email: "li.wei@contoso.cn".into(),
            agent_role: Some("helpdesk-agent".into()),
            admin_role: None,
            language: None,
        };
        let c = b.add_user(&u).unwrap();
        let (_, li) = sign_in(&mut b, "li.wei@contoso.cn", &c.temporary_password).unwrap();
        assert_eq!((&li.user, li.must_change_password), (&c.user, true));
        b.change_password(
            &li.user,
            &PasswordChange {
                current_password: c.temporary_password.clone(),
                new_password: "Correct-Horse-9".into(),
            },
        )
        .unwrap();
        // What the browser stores holds no password; read back (a reload), the user added and
        // their changed password are there together.
        let stored = serde_json::to_string(&b.state).unwrap();
        assert!(!stored.contains(&c.temporary_password));
        assert!(!stored.contains("Correct-Horse-9"));
        let caller = b.caller.clone();
        let mut b = Backend::new(serde_json::from_str(&stored).unwrap(), crate::not_random());
        b.caller = caller;
        let (_, li) = sign_in(&mut b, "li.wei@contoso.cn", "Correct-Horse-9").unwrap();
        assert!(!li.must_change_password);
        let e = sign_in(&mut b, "li.wei@contoso.cn", &c.temporary_password).unwrap_err();
        assert_eq!(e.status, 401);
        b.remove_user(&c.user.id).unwrap();
        let e = sign_in(&mut b, "li.wei@contoso.cn", "Correct-Horse-9").unwrap_err();
        assert_eq!(e.status, 401);
    }

    #[test]
    fn a_tab_takes_its_sessions_back_after_a_reload() {
        let mut b = Backend::new(State::seeded(), crate::not_random());
        let (token, info) = b
            .sign_in(&SignIn {
                user_name: DEMO_ADMIN.into(),
                password: "demo".into(),
            })
            .unwrap();
        let applicant = b.open_applicant(Tenant {
            domain: "contoso.fr".into(),
            country: "FR".into(),
            organization: "Contoso".into(),
        });
        let tab = serde_json::to_string(&b.tab_sessions(Some(&token))).unwrap();
        let state = serde_json::to_string(&b.state).unwrap();
        // A reload: a new backend from what the browser kept.
        let mut b = Backend::new(serde_json::from_str(&state).unwrap(), crate::not_random());
        assert_eq!(b.session(&token), None);
        let back = b.resume(serde_json::from_str(&tab).unwrap());
        assert_eq!(back.as_deref(), Some(token.as_str()));
        assert_eq!(b.session(&token), Some(info.clone()));
        assert_eq!(b.applicant(), Some(applicant));
        // A session whose user was removed is not taken back.
        let tab: TabSessions = serde_json::from_str(&tab).unwrap();
        b.state.users.retain(|u| u.id != info.user.id);
        assert_eq!(b.resume(tab), None);
    }

    #[test]
    fn tenants_and_sign_in() {
        let mut b = backend();
        let nt = NewTenant {
            organization: "Contoso".into(),
            domain_prefix: "contosofr".into(),
            country: "FR".into(),
            admin_first_name: "A".into(),
            admin_last_name: "B".into(),
            admin_email: "a.b@contoso.fr".into(),
        };
        let t = b.create_tenant(&nt).unwrap();
        assert_eq!(
            (t.domain.as_str(), t.country.as_str()),
            ("contosofr.onmicrosoft.com", "FR")
        );
        assert_eq!(b.create_tenant(&nt).unwrap_err().status, 409);
        let s = b
            .sign_in_work_account(&SignIn {
                user_name: "admin@contosofr.onmicrosoft.com".into(),
                password: "x".into(),
            })
            .unwrap();
        assert_eq!(s.country, "FR");
        let ru = b
            .sign_in_work_account(&SignIn {
                user_name: "admin@contoso.ru".into(),
                password: "x".into(),
            })
            .unwrap();
        assert_eq!(ru.country, "RU");
        assert_eq!(
            b.sign_in_work_account(&SignIn {
                user_name: "admin@contoso.ru".into(),
                password: String::new()
            })
            .unwrap_err()
            .status,
            422
        );
    }
}
