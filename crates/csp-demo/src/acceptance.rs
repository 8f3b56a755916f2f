//! A customer's answer to a reseller-relationship link, as the API server gives it
//! (`csp_server::routes::invitation`): what the link offers and its state, and the answer of
//! the customer's Global admin signed in with a work account. The rules are
//! `csp_core::acceptance`'s; the partners' emails go to the demo's outbox.

use crate::backend::Backend;
use crate::routes::{body, ok, Answer};
use crate::verification::OutboxMail;
use csp_core::acceptance::{
    accepted_customer, check_may_answer, parties, two_tier_request, Answerer, CustomerInvitation,
    FoundLink, InvitationAnswer, InvitationLink, LinkState,
};
use csp_core::api::{ApiError, PartnerKind};
use csp_core::customers::Customer;
use csp_core::field::Field;
use csp_core::ids::{parse_id, same_id};
use csp_core::mail::Mail;
use csp_core::problem::{Code, Problem};
use csp_core::relationship::{accept, decline, RelationshipRequest};
use csp_demo_data::OwnedRequest;

/// The invitation operations: `Ok(None)` when `method path` is not one of them.
pub fn route(
    b: &mut Backend,
    method: &str,
    path: &str,
    query: &str,
    raw: &str,
) -> Result<Option<Answer>, ApiError> {
    use csp_core::endpoint::*;
    Ok(Some(
        if CUSTOMER_INVITATION.matches(method, path).is_some() {
            ok(
                200,
                &b.customer_invitation(&InvitationLink::from_query(query))?,
            )
        } else if ANSWER_INVITATION.matches(method, path).is_some() {
            ok(200, &b.answer_invitation(&body(raw)?)?)
        } else {
            return Ok(None);
        },
    ))
}

fn not_found() -> ApiError {
    ApiError::new(404, "not-found")
}

fn refused(status: u16, error: &str, p: Problem) -> ApiError {
    ApiError::field(status, error, Field::InvitationAnswer, p)
}

fn closed(state: LinkState) -> ApiError {
    refused(
        409,
        "conflict",
        Problem::new(Code::InvitationClosed).arg("state", state.id()),
    )
}

impl Backend {
    fn find_link(&self, link: &InvitationLink) -> Result<FoundLink, ApiError> {
        let id = |raw: &str| parse_id(raw).map_err(|_| not_found());
        let sender = self
            .partner(&id(&link.partner_id)?)
            .cloned()
            .ok_or_else(not_found)?;
        match (&link.request_id, &link.provider_id) {
            (Some(request), None) => {
                let r = self
                    .state
                    .relationship_requests
                    .iter()
                    .find(|r| {
                        same_id(&r.partner_id, &sender.partner.id) && r.request.id == request.trim()
                    })
                    .ok_or_else(not_found)?;
                Ok(FoundLink {
                    request: Some(r.request.clone()),
                    sender,
                    provider: None,
                })
            }
            (None, Some(provider)) if sender.kind == PartnerKind::IndirectReseller => {
                let provider = id(provider)?;
                let authorized = self
                    .providers_of(&sender.partner.id)
                    .iter()
                    .any(|p| same_id(&p.id, &provider));
                let p = self
                    .partner(&provider)
                    .filter(|p| authorized && p.kind == PartnerKind::IndirectProvider)
                    .cloned()
                    .ok_or_else(not_found)?;
                Ok(FoundLink {
                    sender,
                    provider: Some(p),
                    request: None,
                })
            }
            _ => Err(not_found()),
        }
    }

    /// What the link offers and whether it can still be answered; 404 for a forged link.
    pub fn customer_invitation(
        &self,
        link: &InvitationLink,
    ) -> Result<CustomerInvitation, ApiError> {
        let found = self.find_link(link)?;
        Ok(found.view(found.state(None, self.today)))
    }

    /// The work account signed in (the demo keeps the last one of each tenant) and whether it
    /// is its tenant's Global admin: the demo directory's customer tenants say who is not; any
    /// other account the demo directory lets in is its tenant's admin.
    fn answerer(&self, domain: &str) -> Answerer {
        let user = self
            .state
            .review
            .work_accounts
            .iter()
            .find(|w| w.domain == domain)
            .map(|w| w.user_name.clone())
            .unwrap_or_default();
        let global_admin = !csp_demo_data::DEMO_CUSTOMER_TENANTS
            .iter()
            .flat_map(|c| c.accounts.iter())
            .any(|(u, admin)| u.eq_ignore_ascii_case(&user) && !admin);
        let partner_tenant = self
            .state
            .partners
            .iter()
            .any(|p| p.domains.iter().any(|d| d.eq_ignore_ascii_case(domain)));
        Answerer {
            global_admin,
            partner_tenant,
        }
    }

    /// The customer's Global admin accepts or declines; the partner (and a two-tier link's
    /// provider) get an email.
    pub fn answer_invitation(
        &mut self,
        ans: &InvitationAnswer,
    ) -> Result<CustomerInvitation, ApiError> {
        let session = self
            .applicant()
            .ok_or_else(|| ApiError::new(401, "unauthorized"))?;
        let found = self.find_link(&ans.link)?;
        let domain = session.domain.to_lowercase();
        check_may_answer(&self.answerer(&domain)).map_err(|p| refused(422, "validation", p))?;
        let today = self.today;
        let existing = self
            .state
            .customers
            .iter()
            .find(|c| c.primary_domain.eq_ignore_ascii_case(&domain))
            .cloned();
        let st = found.state(existing.as_ref(), today);
        if st != LinkState::Open {
            return Err(closed(st));
        }
        let sender = found.sender.partner.clone();
        let request_owner = |r: &RelationshipRequest| OwnedRequest {
            partner_id: sender.id.clone(),
            request: r.clone(),
        };
        if ans.accept {
            let who = parties(
                &sender.id,
                found.sender.kind,
                found.provider.as_ref().map(|p| p.partner.id.as_str()),
            );
            let new_id = self.guid();
            let c = accepted_customer(
                existing.as_ref(),
                &new_id,
                &session.organization,
                &domain,
                &who,
            )
            .map_err(|p| refused(409, "conflict", p))?;
            let accepted = match &found.request {
                Some(r) => accept(r, &c.id, today).map_err(|_| closed(st))?,
                None => two_tier_request(&self.guid(), &c.id, today),
            };
            self.save_request(request_owner(&accepted));
            self.state.customers.retain(|x| x.id != c.id);
            self.state.customers.push(c);
            self.state.accepted_requests.retain(|(d, _)| d != &domain);
            self.state
                .accepted_requests
                .push((domain.clone(), accepted.id.clone()));
        } else if let Some(r) = &found.request {
            let declined = decline(r, today).map_err(|_| closed(st))?;
            self.save_request(request_owner(&declined));
        }
        self.queue_answer_mails(&found, &session.organization, ans);
        Ok(found.view(if ans.accept {
            LinkState::Used
        } else {
            LinkState::Declined
        }))
    }

    fn save_request(&mut self, r: OwnedRequest) {
        let list = &mut self.state.relationship_requests;
        match list.iter_mut().find(|x| x.request.id == r.request.id) {
            Some(x) => *x = r,
            None => list.push(r),
        }
    }

    fn queue_answer_mails(&mut self, found: &FoundLink, customer: &str, ans: &InvitationAnswer) {
        let page = if ans.accept {
            "/customers"
        } else {
            "/customers/relationship-requests"
        };
        let link = format!("{}{page}", self.link_base.trim_end_matches('/'));
        let request = found
            .request
            .as_ref()
            .filter(|r| r.admin_access)
            .map(|r| r.name.clone());
        let mut to = vec![(
            found.sender.partner.id.clone(),
            found.provider.as_ref().map(|p| p.partner.name.clone()),
        )];
        if let Some(p) = &found.provider {
            to.push((
                p.partner.id.clone(),
                Some(found.sender.partner.name.clone()),
            ));
        }
        for (partner, with_partner) in to {
            let admins: Vec<String> = self
                .state
                .users
                .iter()
                .filter(|u| {
                    same_id(&u.partner_id, &partner)
                        && u.admin_role.as_deref() == Some("global-admin")
                })
                .map(|u| u.email.clone())
                .collect();
            for recipient in admins {
                let id = self.new_id();
                self.state.outbox.push(OutboxMail {
                    id,
                    to: recipient,
                    language: csp_core::mail::language(&ans.language).into(),
                    queued_at: self.now,
                    mail: Mail::RelationshipAnswered {
                        customer: customer.into(),
                        accepted: ans.accept,
                        request: request.clone(),
                        with_partner: with_partner.clone(),
                        link: link.clone(),
                    },
                });
            }
        }
    }

    /// The customers as the list shows them on `today`: each with the relationship its
    /// Global admin accepted here, if any.
    pub(crate) fn with_accepted(&self, c: Customer) -> Customer {
        let request = self
            .state
            .accepted_requests
            .iter()
            .find(|(d, _)| c.primary_domain.eq_ignore_ascii_case(d))
            .and_then(|(_, id)| {
                self.state
                    .relationship_requests
                    .iter()
                    .find(|r| &r.request.id == id)
            })
            .map(|r| r.request.clone());
        csp_core::acceptance::with_relationship(c, request.as_ref(), self.today)
    }
}

#[cfg(test)]
mod tests {
    use crate::backend::Backend;
    use crate::routes::{handle, Request};
    use csp_demo_data::{DEMO_ADMIN, DEMO_PROVIDER_ADMIN, DEMO_PROVIDER_ID, DEMO_RESELLER_ID};
    use serde_json::{json, Value};

    fn call(
        b: &mut Backend,
        method: &str,
        path: &str,
        body: &str,
        s: Option<&str>,
    ) -> (u16, Value) {
        let a = handle(
            b,
            &Request {
                method,
                path,
                body,
                session: s,
            },
        );
        (
            a.status,
            serde_json::from_str(&a.body).unwrap_or(Value::Null),
        )
    }

    fn partner_session(b: &mut Backend, user: &str) -> String {
        let body = json!({"user_name": user, "password": "demo"}).to_string();
        let a = handle(
            b,
            &Request {
                method: "POST",
                path: "/session",
                body: &body,
                session: None,
            },
        );
        assert_eq!(a.status, 200, "{}", a.body);
        a.session.flatten().expect("a token")
    }

    fn work_account(b: &mut Backend, user: &str) {
        let (s, _) = call(
            b,
            "POST",
            "/work-account/sign-in",
            &json!({"user_name": user, "password": "x"}).to_string(),
            None,
        );
        assert_eq!(s, 200);
    }

    #[test]
    fn a_request_is_accepted_once_by_a_global_admin_and_listed() {
        let mut b = Backend::new(crate::backend::State::seeded(), crate::not_random());
        let ga = partner_session(&mut b, DEMO_ADMIN);
        let (s, r) = call(
            &mut b,
            "POST",
            "/relationship-requests",
            &json!({"admin_access": true, "name": "Northwind", "duration_days": 30, "roles": ["directory-readers"]}).to_string(),
            Some(&ga),
        );
        assert_eq!(s, 201, "{r}");
        let id = r["id"].as_str().unwrap().to_string();
        let q = format!("/customer-invitation?partner_id={DEMO_RESELLER_ID}&request_id={id}");
        assert_eq!(call(&mut b, "GET", &q, "", None).1["state"], "open");
        let answer = json!({"partner_id": DEMO_RESELLER_ID, "request_id": id, "accept": true, "language": "ru"}).to_string();
        work_account(&mut b, "lea.martin@northwindtraders.onmicrosoft.com");
        let (s, r) = call(&mut b, "POST", "/customer-invitation/answer", &answer, None);
        assert_eq!(
            (s, r["field_errors"][0]["code"].as_str()),
            (422, Some("accept-global-admin-only"))
        );
        work_account(&mut b, "admin@northwindtraders.onmicrosoft.com");
        let (s, r) = call(&mut b, "POST", "/customer-invitation/answer", &answer, None);
        assert_eq!((s, r["state"].as_str()), (200, Some("used")), "{r}");
        let (_, list) = call(&mut b, "GET", "/customers?limit=200", "", Some(&ga));
        let c = list["customers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["company_name"] == "Northwind Traders")
            .unwrap()
            .clone();
        assert_eq!(c["accepted"]["status"], "expiring");
        let m = b.state.outbox.last().unwrap();
        assert_eq!((m.to.as_str(), m.language.as_str()), (DEMO_ADMIN, "ru"));
        let (s, r) = call(&mut b, "POST", "/customer-invitation/answer", &answer, None);
        assert_eq!(
            (s, r["field_errors"][0]["args"]["state"].as_str()),
            (409, Some("used"))
        );
        assert_eq!(call(&mut b, "GET", &q, "", None).1["state"], "used");
    }

    #[test]
    fn a_two_tier_link_lists_the_customer_for_both_and_forged_links_are_404() {
        let mut b = Backend::new(crate::backend::State::seeded(), crate::not_random());
        work_account(&mut b, "admin@tailspintoys.onmicrosoft.com");
        let answer = json!({"partner_id": DEMO_RESELLER_ID, "provider_id": DEMO_PROVIDER_ID, "accept": true}).to_string();
        let (s, r) = call(&mut b, "POST", "/customer-invitation/answer", &answer, None);
        assert_eq!(s, 200, "{r}");
        for admin in [DEMO_ADMIN, DEMO_PROVIDER_ADMIN] {
            let t = partner_session(&mut b, admin);
            let (_, list) = call(&mut b, "GET", "/customers?limit=200", "", Some(&t));
            assert!(list["customers"]
                .as_array()
                .unwrap()
                .iter()
                .any(
                    |c| c["company_name"] == "Tailspin Toys" && c["accepted"]["status"] == "active"
                ));
        }
        let to: Vec<&str> = b.state.outbox.iter().map(|m| m.to.as_str()).collect();
        assert_eq!(to, vec![DEMO_ADMIN, DEMO_PROVIDER_ADMIN]);
        for q in [
            format!("partner_id={DEMO_RESELLER_ID}&request_id=nope"),
            format!("partner_id={DEMO_PROVIDER_ID}&provider_id={DEMO_PROVIDER_ID}"),
            "partner_id=x".to_string(),
            String::new(),
        ] {
            let (s, _) = call(
                &mut b,
                "GET",
                &format!("/customer-invitation?{q}"),
                "",
                None,
            );
            assert_eq!(s, 404, "{q}");
        }
    }
}
