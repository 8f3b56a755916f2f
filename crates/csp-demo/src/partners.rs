//! Issue #11, partners: who is calling (the signed-in user and their partner), the
//! reseller's indirect providers and their authorization from an invitation link, the
//! provider's indirect resellers and the removal of a partnership. Every check is a
//! csp-core rule; a feature the caller's roles (or partner type) don't open is a 403.

use crate::backend::{report_err, Backend};
use crate::routes::{body, no_content, ok, paged, Answer};
use csp_core::access::features_of;
use csp_core::api::{ApiError, AuthorizeResult, MyPartner, PartnerKind, User};
use csp_core::field::Field;
use csp_core::ids::{parse_id, same_id};
use csp_core::paging::check_room;
use csp_core::partners::{authorize, check_authorization, AuthorizeProvider, PartnerSummary};
use csp_core::problem::Code;
use csp_core::roles::AUTHORIZE_INDIRECT_PROVIDER;
use csp_core::roles::{INDIRECT_PROVIDERS, INDIRECT_RESELLERS};
use csp_demo_data::Authorization;

/// The partner operations: `Ok(None)` when `method path` is not one of them.
pub fn route(
    b: &mut Backend,
    method: &str,
    path: &str,
    query: &str,
    raw: &str,
) -> Result<Option<Answer>, ApiError> {
    use csp_core::endpoint::*;
    Ok(Some(if MY_PARTNER.matches(method, path).is_some() {
        ok(200, &b.my_partner()?)
    } else if INDIRECT_PROVIDERS.matches(method, path).is_some() {
        ok(200, &paged(b.indirect_providers()?, query)?)
    } else if let Some(p) = INDIRECT_PROVIDER.matches(method, path) {
        ok(200, &b.indirect_provider(p[0])?)
    } else if AUTHORIZE_PROVIDER.matches(method, path).is_some() {
        let r = b.authorize_provider(&body(raw)?)?;
        ok(if r.changed { 201 } else { 200 }, &r)
    } else if INDIRECT_RESELLERS.matches(method, path).is_some() {
        ok(200, &paged(b.indirect_resellers()?, query)?)
    } else if let Some(p) = REMOVE_RESELLER.matches(method, path) {
        b.remove_reseller(p[0])?;
        no_content()
    } else {
        return Ok(None);
    }))
}

impl Backend {
    pub(crate) fn caller_user(&self) -> Option<&User> {
        let id = self.caller.as_ref()?;
        self.state.users.iter().find(|u| u.id == *id)
    }

    pub(crate) fn partner(&self, id: &str) -> Option<&MyPartner> {
        self.state
            .partners
            .iter()
            .find(|p| same_id(&p.partner.id, id))
    }

    /// The signed-in user and their partner: 401 when nobody is signed in.
    pub(crate) fn signed_in(&self) -> Result<(User, MyPartner), ApiError> {
        let u = self
            .caller_user()
            .ok_or_else(|| ApiError::new(401, "unauthorized"))?;
        if self.state.must_change_password.contains(&u.id) {
            return Err(ApiError::new(403, "password-change-required"));
        }
        // A user of no partner (a vendor's operator) has none to show.
        let p = self
            .partner(&u.partner_id)
            .ok_or_else(|| ApiError::new(404, "not-found"))?;
        let p = MyPartner {
            agreement_signed: self.agreement_signed(&p.partner.id),
            ..p.clone()
        };
        Ok((u.clone(), p))
    }

    /// [`Backend::signed_in`], and 403 unless the user's roles and the partner's type open
    /// `feature`.
    pub(crate) fn permitted(&self, feature: &str) -> Result<(User, MyPartner), ApiError> {
        let (u, p) = self.allowed(feature)?;
        self.agreement_gate(&p.partner.id)?;
        Ok((u, p))
    }

    /// [`Backend::permitted`] before the partner agreement is signed.
    pub(crate) fn allowed(&self, feature: &str) -> Result<(User, MyPartner), ApiError> {
        let (u, p) = self.signed_in()?;
        let granted = features_of(
            &self.catalog,
            u.agent_role.as_deref(),
            u.admin_role.as_deref(),
            Some(p.kind),
        );
        if granted.iter().any(|f| f == feature) {
            Ok((u, p))
        } else {
            Err(ApiError::forbidden(feature))
        }
    }

    pub fn my_partner(&self) -> Result<MyPartner, ApiError> {
        Ok(self.signed_in()?.1)
    }

    /// The providers `reseller_id` authorized, each with its "since" date.
    pub(crate) fn providers_of(&self, reseller_id: &str) -> Vec<PartnerSummary> {
        self.linked(|a| same_id(&a.reseller_id, reseller_id).then_some(&a.provider_id))
    }

    /// The resellers that authorized `provider_id`.
    pub(crate) fn resellers_of(&self, provider_id: &str) -> Vec<PartnerSummary> {
        self.linked(|a| same_id(&a.provider_id, provider_id).then_some(&a.reseller_id))
    }

    fn linked<'a>(
        &'a self,
        other: impl Fn(&'a Authorization) -> Option<&'a String>,
    ) -> Vec<PartnerSummary> {
        self.state
            .authorizations
            .iter()
            .filter_map(|a| {
                let p = self.partner(other(a)?)?;
                Some(PartnerSummary {
                    since: Some(a.since),
                    ..p.partner.clone()
                })
            })
            .collect()
    }

    pub fn indirect_providers(&self) -> Result<Vec<PartnerSummary>, ApiError> {
        let (_, me) = self.permitted(INDIRECT_PROVIDERS)?;
        Ok(self.providers_of(&me.partner.id))
    }

    /// A provider as its invitation link names it: any signed-in user may see who invites
    /// them; `since` is set when the caller's partner already authorized it.
    pub fn indirect_provider(&self, id: &str) -> Result<PartnerSummary, ApiError> {
        let (_, me) = self.signed_in()?;
        let id = parse_id(id)
            .map_err(|p| ApiError::field(422, "validation", Field::AuthorizeProviderId, p))?;
        let p = self
            .partner(&id)
            .filter(|p| p.kind == PartnerKind::IndirectProvider)
            .ok_or_else(|| {
                ApiError::field(
                    404,
                    "not-found",
                    Field::AuthorizeProviderId,
                    Code::ProviderNotFound.into(),
                )
            })?;
        Ok(self
            .providers_of(&me.partner.id)
            .into_iter()
            .find(|x| same_id(&x.id, &id))
            .unwrap_or_else(|| p.partner.clone()))
    }

    /// The reseller's Global admin authorizes a provider of its CSP region; the second time
    /// nothing changes. Who may: 403 with `authorize.user`; the rest: 422.
    pub fn authorize_provider(
        &mut self,
        req: &AuthorizeProvider,
    ) -> Result<AuthorizeResult, ApiError> {
        let (u, me) = self.signed_in()?;
        if me.kind != PartnerKind::IndirectReseller {
            return Err(ApiError::forbidden(AUTHORIZE_INDIRECT_PROVIDER));
        }
        let provider = parse_id(&req.provider_id)
            .ok()
            .and_then(|id| self.partner(&id))
            .filter(|p| p.kind == PartnerKind::IndirectProvider)
            .map(|p| p.partner.clone());
        let roles: Vec<&str> = user_roles(&u).collect();
        let report = check_authorization(
            req,
            provider.as_ref(),
            &me.partner.region,
            &roles,
            &self.catalog,
        );
        if let Some(who) = report.errors().find(|e| e.field == Field::AuthorizeUser) {
            return Err(ApiError {
                field_errors: vec![who.clone()],
                ..ApiError::forbidden(AUTHORIZE_INDIRECT_PROVIDER)
            });
        }
        report_err(report)?;
        let provider = provider.ok_or_else(|| ApiError::new(404, "not-found"))?;
        let done = authorize(&self.providers_of(&me.partner.id), &provider, self.today);
        if done.changed {
            // Both partners' lists have room for the other.
            check_room(self.providers_of(&me.partner.id).len())?;
            check_room(self.resellers_of(&provider.id).len())?;
            self.state.authorizations.push(Authorization {
                reseller_id: me.partner.id.clone(),
                provider_id: provider.id.clone(),
                since: self.today,
            });
            self.answered(&me.partner.id, &provider.id);
        }
        let shown = done
            .providers
            .into_iter()
            .find(|p| same_id(&p.id, &provider.id))
            .unwrap_or(provider);
        Ok(AuthorizeResult {
            provider: shown,
            changed: done.changed,
        })
    }

    pub fn indirect_resellers(&self) -> Result<Vec<PartnerSummary>, ApiError> {
        let (_, me) = self.permitted(INDIRECT_RESELLERS)?;
        Ok(self.resellers_of(&me.partner.id))
    }

    /// The provider ends a partnership: the reseller leaves its list (and it the reseller's).
    pub fn remove_reseller(&mut self, id: &str) -> Result<(), ApiError> {
        let (_, me) = self.permitted(INDIRECT_RESELLERS)?;
        let n = self.state.authorizations.len();
        self.state
            .authorizations
            .retain(|a| !(same_id(&a.provider_id, &me.partner.id) && same_id(&a.reseller_id, id)));
        if self.state.authorizations.len() == n {
            Err(ApiError::new(404, "not-found"))
        } else {
            Ok(())
        }
    }
}

pub(crate) fn user_roles(u: &User) -> impl Iterator<Item = &str> {
    u.agent_role
        .iter()
        .chain(u.admin_role.iter())
        .map(String::as_str)
}
