//! The business profile, the directory of indirect providers and partnership requests, as
//! the reference server answers them (`csp_server::routes::profile`): the same csp-core rules,
//! the emails kept in the demo's outbox.

use crate::backend::{report_err, Backend};
use crate::routes::{body, ok, paged, Answer};
use crate::verification::OutboxMail;
use csp_core::api::{ApiError, MyPartner, PartnerKind, User};
use csp_core::business_profile::{
    check_profile, mail_language, normalized, parse_filter, shows, BusinessProfile, Listing,
};
use csp_core::field::Field;
use csp_core::ids::{parse_id, same_id};
use csp_core::invitation::{build_link, Invite};
use csp_core::mail::{language, Mail};
use csp_core::paging::check_room;
use csp_core::partners::{
    check_partnership_request, may_invite, NewPartnershipRequest, PartnershipRequest,
    PartnershipStatus,
};
use csp_core::problem::Problem;
use csp_core::roles::{BUSINESS_PROFILE, INDIRECT_PROVIDERS, INDIRECT_RESELLERS};
use serde::{Deserialize, Serialize};

/// A partnership request and the language its reseller user asked in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredRequest {
    pub language: String,
    #[serde(flatten)]
    pub request: PartnershipRequest,
}

/// The operations of this module: `Ok(None)` when `method path` is not one of them.
pub fn route(
    b: &mut Backend,
    method: &str,
    path: &str,
    query: &str,
    raw: &str,
) -> Result<Option<Answer>, ApiError> {
    use csp_core::endpoint::*;
    Ok(Some(if BUSINESS_PROFILE.matches(method, path).is_some() {
        ok(200, &b.business_profile()?)
    } else if PUBLISH_PROFILE.matches(method, path).is_some() {
        ok(200, &b.publish_profile(&body(raw)?)?)
    } else if PROVIDER_DIRECTORY.matches(method, path).is_some() {
        ok(200, &paged(b.directory(query)?, query)?)
    } else if PARTNERSHIP_REQUESTS.matches(method, path).is_some() {
        ok(200, &paged(b.partnership_requests()?, query)?)
    } else if REQUEST_PARTNERSHIP.matches(method, path).is_some() {
        ok(201, &b.request_partnership(&body(raw)?)?)
    } else if let Some(p) = SEND_INVITATION.matches(method, path) {
        ok(200, &b.invite_reseller(p[0])?)
    } else {
        return Ok(None);
    }))
}

fn refused(status: u16, p: Problem) -> ApiError {
    let error = match status {
        404 => "not-found",
        409 => "conflict",
        _ => "validation",
    };
    ApiError::field(status, error, Field::PartnershipProviderId, p)
}

impl Backend {
    fn profile_of(&self, partner: &str) -> Option<&BusinessProfile> {
        self.state
            .business_profiles
            .iter()
            .find(|(id, _)| same_id(id, partner))
            .map(|(_, p)| p)
    }

    pub fn business_profile(&self) -> Result<BusinessProfile, ApiError> {
        let (_, me) = self.permitted(BUSINESS_PROFILE)?;
        Ok(self.profile_of(&me.partner.id).cloned().unwrap_or_default())
    }

    pub fn publish_profile(&mut self, p: &BusinessProfile) -> Result<BusinessProfile, ApiError> {
        let (_, me) = self.permitted(BUSINESS_PROFILE)?;
        report_err(check_profile(p, &self.ctx.countries))?;
        let p = normalized(p, &self.ctx.countries);
        self.state
            .business_profiles
            .retain(|(id, _)| !same_id(id, &me.partner.id));
        self.state
            .business_profiles
            .push((me.partner.id.clone(), p.clone()));
        Ok(p)
    }

    /// Where `me` stands with each provider: authorized, or its request's status.
    fn status_with(&self, me: &MyPartner, provider: &str) -> Option<PartnershipStatus> {
        if self
            .providers_of(&me.partner.id)
            .iter()
            .any(|p| same_id(&p.id, provider))
        {
            return Some(PartnershipStatus::Authorized);
        }
        self.state
            .partnership_requests
            .iter()
            .find(|r| {
                same_id(&r.request.reseller.id, &me.partner.id)
                    && same_id(&r.request.provider.id, provider)
            })
            .map(|r| r.request.status)
    }

    /// The providers of the reseller's region with a published profile, filtered.
    pub fn directory(&self, query: &str) -> Result<Vec<Listing>, ApiError> {
        let (_, me) = self.permitted(INDIRECT_PROVIDERS)?;
        let filter = parse_filter(query).map_err(|_| ApiError::new(400, "bad-request"))?;
        Ok(self
            .state
            .partners
            .iter()
            .filter(|p| p.kind == PartnerKind::IndirectProvider)
            .filter_map(|p| {
                Some(Listing {
                    provider: p.partner.clone(),
                    profile: self.profile_of(&p.partner.id)?.clone(),
                    status: self.status_with(&me, &p.partner.id),
                })
            })
            .filter(|l| shows(l, &me.partner.region, &filter))
            .collect())
    }

    /// A reseller's requests (through *Indirect providers*) or a provider's (through
    /// *Indirect resellers*).
    fn either_side(&self) -> Result<(User, MyPartner), ApiError> {
        self.permitted(INDIRECT_PROVIDERS)
            .or_else(|_| self.permitted(INDIRECT_RESELLERS))
    }

    fn requests_of(&self, partner: &str) -> Vec<PartnershipRequest> {
        self.state
            .partnership_requests
            .iter()
            .filter(|r| {
                same_id(&r.request.reseller.id, partner) || same_id(&r.request.provider.id, partner)
            })
            .map(|r| r.request.clone())
            .collect()
    }

    pub fn partnership_requests(&self) -> Result<Vec<PartnershipRequest>, ApiError> {
        let (_, me) = self.either_side()?;
        Ok(self.requests_of(&me.partner.id))
    }

    pub fn request_partnership(
        &mut self,
        req: &NewPartnershipRequest,
    ) -> Result<PartnershipRequest, ApiError> {
        let (u, me) = self.permitted(INDIRECT_PROVIDERS)?;
        let id = parse_id(&req.provider_id)
            .map_err(|p| ApiError::field(422, "validation", Field::PartnershipProviderId, p))?;
        let provider = self
            .partner(&id)
            .filter(|p| p.kind == PartnerKind::IndirectProvider)
            .and_then(|p| Some((p.partner.clone(), self.profile_of(&p.partner.id)?.clone())));
        check_partnership_request(
            provider.as_ref().map(|p| &p.0),
            &me.partner.region,
            self.status_with(&me, &id),
        )
        .map_err(|(s, p)| refused(s, p))?;
        let (provider, profile) = provider.ok_or_else(|| ApiError::new(404, "not-found"))?;
        check_room(self.requests_of(&me.partner.id).len())?;
        check_room(self.requests_of(&provider.id).len())?;
        let request = PartnershipRequest {
            id: format!("prq_{}", self.new_id()),
            reseller: me.partner.clone(),
            provider,
            status: PartnershipStatus::Requested,
            requested_by: u.email.clone(),
            requested_at: self.now,
            invited_at: None,
        };
        let mail = Mail::PartnershipRequested {
            reseller: me.partner.name.clone(),
            country: me.partner.country.clone(),
            requested_by: u.email.clone(),
            link: format!(
                "{}/indirect-resellers",
                self.link_base.trim_end_matches('/')
            ),
        };
        self.queue_to(&profile.email, mail_language(&profile), mail);
        self.state.partnership_requests.push(StoredRequest {
            language: language(&req.language).into(),
            request: request.clone(),
        });
        Ok(request)
    }

    pub fn invite_reseller(&mut self, id: &str) -> Result<PartnershipRequest, ApiError> {
        let (_, me) = self.permitted(INDIRECT_RESELLERS)?;
        let i = self
            .state
            .partnership_requests
            .iter()
            .position(|r| r.request.id == id)
            .ok_or_else(|| ApiError::new(404, "not-found"))?;
        let stored = self.state.partnership_requests[i].clone();
        let fresh = may_invite(&stored.request, &me.partner.id)
            .map_err(|_| ApiError::new(404, "not-found"))?;
        if fresh {
            let base = format!(
                "{}/indirect-providers/authorize",
                self.link_base.trim_end_matches('/')
            );
            let mail = Mail::PartnershipInvitation {
                provider: me.partner.name.clone(),
                link: build_link(
                    &base,
                    &Invite::IndirectReseller {
                        provider_id: me.partner.id.clone(),
                    },
                ),
            };
            self.queue_to(&stored.request.requested_by, &stored.language, mail);
            let r = &mut self.state.partnership_requests[i].request;
            r.status = PartnershipStatus::Invited;
            r.invited_at = Some(self.now);
        }
        Ok(self.state.partnership_requests[i].request.clone())
    }

    /// Once the reseller has authorized the provider, their request has been answered.
    pub(crate) fn answered(&mut self, reseller: &str, provider: &str) {
        self.state.partnership_requests.retain(|r| {
            !(same_id(&r.request.reseller.id, reseller)
                && same_id(&r.request.provider.id, provider))
        });
    }

    fn queue_to(&mut self, to: &str, lang: &str, mail: Mail) {
        let id = self.new_id();
        self.state.outbox.push(OutboxMail {
            id,
            to: to.into(),
            language: language(lang).into(),
            queued_at: self.now,
            mail,
        });
    }
}
