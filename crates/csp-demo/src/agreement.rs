//! The partner agreement in the in-browser backend: which version to sign and where its text
//! is, who signed it, and the gate it is on the partner pages, as in the API server
//! (`crates/csp-server/src/routes/partners.rs`, `auth::permitted`). The partners the demo
//! seeded have signed (`csp_demo_data::demo_signature`); a partner approval makes has not.

use crate::backend::Backend;
use crate::review::agreement_url;
use crate::routes::{body, ok, Answer};
use csp_core::api::{Agreement, AgreementAcceptance, ApiError, Signature};
use csp_core::field::Field;
use csp_core::ids::same_id;
use csp_core::problem::Code;
use csp_core::review::check_acceptance;
use csp_demo_data::{demo_signature, DEMO_AGREEMENT_VERSION};

/// The agreement operations: `Ok(None)` when `method path` is not one of them.
pub fn route(
    b: &mut Backend,
    method: &str,
    path: &str,
    _query: &str,
    raw: &str,
) -> Result<Option<Answer>, ApiError> {
    use csp_core::endpoint::*;
    Ok(Some(if AGREEMENT.matches(method, path).is_some() {
        ok(200, &b.agreement()?)
    } else if SIGN_AGREEMENT.matches(method, path).is_some() {
        ok(200, &b.sign_agreement(&body(raw)?)?)
    } else {
        return Ok(None);
    }))
}

impl Backend {
    /// Whether `partner_id` has signed: every partner but those approval made and not signed.
    pub fn agreement_signed(&self, partner_id: &str) -> bool {
        !self
            .state
            .review
            .unsigned
            .iter()
            .any(|p| same_id(p, partner_id))
    }

    /// 403 `agreement-not-signed` until the caller's partner has signed.
    pub(crate) fn agreement_gate(&self, partner_id: &str) -> Result<(), ApiError> {
        if self.agreement_signed(partner_id) {
            Ok(())
        } else {
            Err(ApiError::field(
                403,
                "agreement-not-signed",
                Field::AgreementAccept,
                Code::AgreementNotSigned.into(),
            ))
        }
    }

    fn signature(&self, partner_id: &str) -> Option<Signature> {
        if let Some((_, s)) = self
            .state
            .review
            .signatures
            .iter()
            .find(|(p, _)| same_id(p, partner_id))
        {
            return Some(s.clone());
        }
        self.agreement_signed(partner_id).then(|| {
            demo_signature(
                partner_id,
                i64::from(csp_demo_data::demo_today().0) * 86_400,
            )
        })
    }

    fn agreement_of(&self, partner_id: &str) -> Agreement {
        Agreement {
            version: DEMO_AGREEMENT_VERSION.into(),
            url: agreement_url(),
            signed: self.signature(partner_id),
        }
    }

    /// `GET /partner/agreement`: any user of the partner.
    pub fn agreement(&self) -> Result<Agreement, ApiError> {
        let (_, p) = self.signed_in()?;
        Ok(self.agreement_of(&p.partner.id))
    }

    /// `POST /partner/agreement`: the global admin signs the version they read; the first
    /// signature stays.
    pub fn sign_agreement(&mut self, req: &AgreementAcceptance) -> Result<Agreement, ApiError> {
        let (u, p) = self.signed_in()?;
        if u.admin_role.as_deref() != Some("global-admin") {
            return Err(ApiError::forbidden("partner-agreement"));
        }
        let problems = check_acceptance(req, DEMO_AGREEMENT_VERSION);
        if !problems.is_empty() {
            return Err(ApiError::validation(problems));
        }
        let id = p.partner.id.clone();
        if !self.agreement_signed(&id) {
            let at = self.review_clock();
            let s = Signature {
                version: req.version.clone(),
                name: req.name.trim().into(),
                job_title: req.job_title.trim().into(),
                user: u.email.clone(),
                at,
            };
            let review = &mut self.state.review;
            review.signatures.push((id.clone(), s));
            review.unsigned.retain(|x| !same_id(x, &id));
            for partner in &mut self.state.partners {
                if same_id(&partner.partner.id, &id) {
                    partner.agreement_signed = true;
                }
            }
        }
        Ok(self.agreement_of(&id))
    }
}
