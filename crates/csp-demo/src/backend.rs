//! The contract's behaviour as plain state and methods; the browser keeps the state in its
//! storage. Every check is a csp-core rule, as in any other backend.

use crate::seed::{demo_profiles, password_hash};
use csp_core::api::*;
use csp_core::country::{find, CountryRules};
use csp_core::email::{identity_key, parse};
use csp_core::enrollment::{check_new_tenant, check_submission, Context, Draft, NewTenant, Tenant};
use csp_core::field::Field;
use csp_core::mpn::OrgProfile;
use csp_core::problem::{required, Code, Problem, Report};
use csp_core::roles::{RoleCatalog, RoleKind};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub settings: ProgramSettings,
    /// (idempotency key, application)
    pub applications: Vec<(String, Application)>,
    pub tenants: Vec<Tenant>,
    pub users: Vec<User>,
    /// (user id, password hash): the demo backends never keep a password itself.
    #[serde(default)]
    pub credentials: Vec<(String, u64)>,
    pub next_id: u64,
    /// Issue #11: the partners the demo knows (resellers and providers), who authorized whom,
    /// the customers and the relationship requests (`crate::partners`, `crate::customers`).
    #[serde(default)]
    pub partners: Vec<MyPartner>,
    #[serde(default)]
    pub authorizations: Vec<crate::partners::Authorization>,
    #[serde(default)]
    pub customers: Vec<csp_core::customers::Customer>,
    #[serde(default)]
    pub relationship_requests: Vec<crate::customers::OwnedRequest>,
}

/// The backend: state plus the rules' context. Every method is one endpoint of the contract.
pub struct Backend {
    pub state: State,
    pub ctx: Context,
    pub catalog: RoleCatalog,
    /// The signed-in user's ID: the demo's stand-in for a session cookie. `POST /session`
    /// sets it; the in-browser client also sets it from the app's restored session.
    pub caller: Option<String>,
    /// Today, for dated records (the in-browser client sets it from the browser's clock).
    pub today: csp_core::date::Date,
}

pub(crate) fn report_err(r: Report) -> Result<(), ApiError> {
    if r.has_errors() {
        Err(ApiError::validation(r.errors().cloned().collect()))
    } else {
        Ok(())
    }
}

impl Backend {
    pub fn new(state: State) -> Self {
        Backend {
            state,
            ctx: Context::default(),
            catalog: RoleCatalog::builtin(),
            caller: None,
            today: crate::seed::demo_today(),
        }
    }

    pub(crate) fn next_id(&mut self, prefix: &str) -> String {
        self.state.next_id += 1;
        format!("{prefix}-{:06}", self.state.next_id)
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
                Field::WorkAccountUserName,
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
        let app = Application {
            id: self.next_id("APP"),
            status: ApplicationStatus::AwaitingEmailVerification,
            partner_type: draft.partner_type,
            primary_contact_email: if draft.already_enrolled {
                draft.support.email.trim().into()
            } else {
                draft.contact.email.trim().into()
            },
            tenant: draft.tenant.clone(),
        };
        self.state
            .applications
            .push((req.idempotency_key.clone(), app.clone()));
        Ok(app)
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

    /// Moves an application along (what the vendor's reviewers do; the demo exposes it for tests).
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
        a.status = status;
        Ok(a.clone())
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

    /// Adds a user: full name, a work email unique among the partner's users, known roles.
    pub fn add_user(
        &mut self,
        u: &NewUser,
        temporary_password: String,
    ) -> Result<CreatedUser, ApiError> {
        let existing: Vec<&str> = self.state.users.iter().map(|x| x.email.as_str()).collect();
        report_err(csp_core::users::check_new_user(
            u,
            true,
            &existing,
            &self.catalog,
            &self.ctx,
        ))?;
        let email = csp_core::email::normalize(&u.email);
        let user = User {
            id: self.next_id("USR"),
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
        self.state.users.push(user.clone());
        Ok(CreatedUser {
            user,
            sign_in_name: email,
            temporary_password,
        })
    }

    /// Signs a partner user in; the same answer for an unknown user and a wrong password.
    pub fn sign_in(&self, s: &SignIn) -> Result<User, ApiError> {
        let denied = || {
            ApiError::field(
                401,
                "unauthorized",
                Field::SessionUserName,
                Code::SignInFailed.into(),
            )
        };
        let user = self
            .state
            .users
            .iter()
            .find(|u| identity_key(&u.email) == identity_key(&s.user_name))
            .ok_or_else(denied)?;
        let hash = password_hash(&user.email, &s.password);
        if self
            .state
            .credentials
            .iter()
            .any(|(id, h)| *id == user.id && *h == hash)
        {
            Ok(user.clone())
        } else {
            Err(denied())
        }
    }

    pub fn update_roles(
        &mut self,
        id: &str,
        agent_role: Option<String>,
        admin_role: Option<String>,
    ) -> Result<User, ApiError> {
        for (role, kind, field) in [
            (&agent_role, RoleKind::Agent, Field::UserAgentRole),
            (&admin_role, RoleKind::Admin, Field::UserAdminRole),
        ] {
            if role
                .as_ref()
                .is_some_and(|r| self.catalog.get(r).is_none_or(|r| r.kind != kind))
            {
                return Err(ApiError::field(
                    422,
                    "validation",
                    field,
                    Code::ChooseOne.into(),
                ));
            }
        }
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

    pub fn remove_user(&mut self, id: &str) -> Result<(), ApiError> {
        let n = self.state.users.len();
        self.state.users.retain(|u| u.id != id);
        self.state.credentials.retain(|(u, _)| u != id);
        if self.state.users.len() == n {
            Err(ApiError::new(404, "not-found"))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::DEMO_ADMIN;
    use csp_core::fixtures::french_draft;

    fn backend() -> Backend {
        Backend::new(State::default())
    }

    #[test]
    fn one_application_per_idempotency_key() {
        let mut b = backend();
        let req = SubmitApplication {
            idempotency_key: "k1".into(),
            draft: french_draft(),
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
                draft: d
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
                draft: d
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
        let mut b = backend();
        let u = NewUser {
            name: "Li Wei".into(),
            email: "li.wei@contoso.cn".into(),
            agent_role: Some("helpdesk-agent".into()),
            admin_role: None,
        };
        let created = b.add_user(&u, "Tmp-1".into()).unwrap();
        assert_eq!(created.temporary_password, "Tmp-1");
        let dup = NewUser {
            email: " LI.WEI@Contoso.CN ".into(),
            ..u
        };
        let e = b.add_user(&dup, "Tmp-2".into()).unwrap_err();
        assert_eq!(
            (e.status, e.field_errors[0].problem.code),
            (422, Code::EmailTaken)
        );
        assert!(b.users().iter().all(|u| u.email != "Tmp-1"));
    }

    #[test]
    fn partner_users_sign_in_with_their_password() {
        let mut b = Backend::new(State::seeded());
        assert_eq!(
            b.sign_in(&SignIn {
                user_name: DEMO_ADMIN.to_ascii_uppercase(),
                password: "demo".into()
            })
            .unwrap()
            .admin_role
            .as_deref(),
            Some("global-admin")
        );
        assert_eq!(
            b.sign_in(&SignIn {
                user_name: DEMO_ADMIN.into(),
                password: "nope".into()
            })
            .unwrap_err()
            .status,
            401
        );
        let u = NewUser {
            name: "Li Wei".into(),
            email: "li.wei@contoso.cn".into(),
            agent_role: Some("helpdesk-agent".into()),
            admin_role: None,
        };
        let c = b.add_user(&u, "Abcd-Efgh".into()).unwrap();
        assert_eq!(
            b.sign_in(&SignIn {
                user_name: "li.wei@contoso.cn".into(),
                password: "Abcd-Efgh".into()
            })
            .unwrap(),
            c.user
        );
        assert!(!serde_json::to_string(&b.state)
            .unwrap()
            .contains("Abcd-Efgh"));
        b.remove_user(&c.user.id).unwrap();
        assert_eq!(
            b.sign_in(&SignIn {
                user_name: "li.wei@contoso.cn".into(),
                password: "Abcd-Efgh".into()
            })
            .unwrap_err()
            .status,
            401
        );
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
