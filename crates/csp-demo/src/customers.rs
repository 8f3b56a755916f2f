//! Issue #11, customers: the partner's customer list, adding a customer (its tenant, with
//! the admin's one-time temporary password), the live domain-prefix check, removing a
//! reseller relationship, and the reseller-relationship requests (GDAP) with their status.
//! Every check is a csp-core rule; a feature the caller's roles don't open is a 403.

use crate::backend::{report_err, Backend};
use crate::routes::{body, no_content, ok, paged, Answer};
use csp_core::access::is_reserved_prefix;
use csp_core::add_customer::{
    check_domain_prefix, check_new_customer, new_customer_record, CreatedCustomer,
    DomainPrefixAvailability, NewCustomer,
};
use csp_core::api::{ApiError, CustomerList, MyPartner, PartnerKind};
use csp_core::customers::{check_can_remove_relationship, Customer};
use csp_core::field::Field;
use csp_core::ids::same_id;
use csp_core::paging::check_room;
use csp_core::problem::{Code, Problem};
use csp_core::relationship::{
    check_new_request, new_request, refresh, terminate, NewRelationshipRequest,
    RelationshipRequest, ADMIN_ROLES,
};
use csp_core::roles::{ADD_CUSTOMER, CUSTOMERS, RELATIONSHIP_REQUESTS};
use csp_demo_data::OwnedRequest;

/// The customer operations: `Ok(None)` when `method path` is not one of them. `password` hands
/// out the new customer admin's temporary password.
pub fn route(
    b: &mut Backend,
    method: &str,
    path: &str,
    query: &str,
    raw: &str,
) -> Result<Option<Answer>, ApiError> {
    use csp_core::endpoint::*;
    Ok(Some(if CUSTOMERS.matches(method, path).is_some() {
        let all = b.customers()?;
        let page = paged(all.customers, query)?;
        ok(
            200,
            &CustomerList {
                customers: page.items,
                partners: all.partners,
                next_cursor: page.next_cursor,
            },
        )
    } else if ADD_CUSTOMER.matches(method, path).is_some() {
        let c: NewCustomer = body(raw)?;
        let password = b.temporary_password();
        ok(201, &b.add_customer(&c, password)?)
    } else if let Some(p) = DOMAIN_PREFIX.matches(method, path) {
        ok(
            200,
            &b.domain_prefix(&csp_core::invitation::percent_decode(p[0]))?,
        )
    } else if let Some(p) = REMOVE_RELATIONSHIP.matches(method, path) {
        b.remove_relationship(p[0])?;
        no_content()
    } else if RELATIONSHIP_REQUESTS.matches(method, path).is_some() {
        ok(200, &paged(b.relationship_requests()?, query)?)
    } else if REQUEST_RELATIONSHIP.matches(method, path).is_some() {
        ok(201, &b.request_relationship(&body(raw)?)?)
    } else if let Some(p) = TERMINATE_RELATIONSHIP.matches(method, path) {
        ok(200, &b.terminate_relationship(p[0])?)
    } else {
        return Ok(None);
    }))
}

fn is_mine(me: &MyPartner, c: &Customer) -> bool {
    let id = match me.kind {
        PartnerKind::IndirectReseller => &c.reseller_id,
        PartnerKind::IndirectProvider => &c.provider_id,
    };
    id.as_deref().is_some_and(|id| same_id(id, &me.partner.id))
}

impl Backend {
    pub fn customers(&self) -> Result<CustomerList, ApiError> {
        let (_, me) = self.permitted(CUSTOMERS)?;
        let customers = self
            .state
            .customers
            .iter()
            .filter(|c| is_mine(&me, c))
            .map(|c| self.with_accepted(c.clone()))
            .collect();
        let partners = match me.kind {
            PartnerKind::IndirectReseller => self.providers_of(&me.partner.id),
            PartnerKind::IndirectProvider => self.resellers_of(&me.partner.id),
        };
        Ok(CustomerList {
            customers,
            partners,
            next_cursor: None,
        })
    }

    fn prefix_taken(&self, prefix: &str) -> bool {
        let domain = format!("{prefix}.onmicrosoft.com");
        is_reserved_prefix(prefix)
            || self
                .state
                .partners
                .iter()
                .any(|p| p.domains.iter().any(|d| d.eq_ignore_ascii_case(&domain)))
            || self
                .state
                .customers
                .iter()
                .any(|c| c.primary_domain.eq_ignore_ascii_case(&domain))
            || self.state.tenants.iter().any(|t| t.domain == domain)
    }

    pub fn domain_prefix(&self, raw: &str) -> Result<DomainPrefixAvailability, ApiError> {
        self.permitted(ADD_CUSTOMER)?;
        let prefix = check_domain_prefix(raw)
            .map_err(|p| ApiError::field(422, "validation", Field::CustomerDomainPrefix, p))?;
        Ok(DomainPrefixAvailability {
            available: !self.prefix_taken(&prefix),
            prefix,
        })
    }

    /// Creates the customer's tenant; the admin's temporary password is in this answer only.
    pub fn add_customer(
        &mut self,
        c: &NewCustomer,
        temporary_password: String,
    ) -> Result<CreatedCustomer, ApiError> {
        let (_, me) = self.permitted(ADD_CUSTOMER)?;
        let domains: Vec<&str> = me.domains.iter().map(String::as_str).collect();
        report_err(check_new_customer(c, &domains, &self.ctx))?;
        let prefix = check_domain_prefix(&c.domain_prefix).unwrap_or_default();
        if self.prefix_taken(&prefix) {
            return Err(ApiError::field(
                409,
                "conflict",
                Field::CustomerDomainPrefix,
                Problem::new(Code::DomainPrefixTaken)
                    .arg("domain", format!("{prefix}.onmicrosoft.com")),
            ));
        }
        // On behalf of one of the provider's indirect resellers: it must be one of them.
        let for_reseller = match (me.kind, &c.reseller_id) {
            (PartnerKind::IndirectProvider, Some(r)) => Some(
                self.resellers_of(&me.partner.id)
                    .into_iter()
                    .find(|x| same_id(&x.id, r))
                    .ok_or_else(|| {
                        ApiError::field(
                            422,
                            "validation",
                            Field::CustomerResellerId,
                            Code::ChooseOne.into(),
                        )
                    })?
                    .id,
            ),
            _ => None,
        };
        let (customer, sign_in_name) = new_customer_record(
            self.guid(),
            c,
            &prefix,
            me.kind,
            &me.partner.id,
            for_reseller,
        );
        // Each partner the customer is listed for has room for it.
        for (id, kind) in [
            (&customer.reseller_id, PartnerKind::IndirectReseller),
            (&customer.provider_id, PartnerKind::IndirectProvider),
        ] {
            if let Some(id) = id {
                let listed = self.state.customers.iter().filter(|c| {
                    let theirs = match kind {
                        PartnerKind::IndirectReseller => &c.reseller_id,
                        PartnerKind::IndirectProvider => &c.provider_id,
                    };
                    theirs.as_deref().is_some_and(|t| same_id(t, id))
                });
                check_room(listed.count())?;
            }
        }
        self.state.customers.push(customer.clone());
        Ok(CreatedCustomer {
            customer,
            sign_in_name,
            temporary_password,
        })
    }

    /// Unavailable (409) while the customer has active subscriptions.
    pub fn remove_relationship(&mut self, id: &str) -> Result<(), ApiError> {
        let (_, me) = self.permitted(RELATIONSHIP_REQUESTS)?;
        let c = self
            .state
            .customers
            .iter()
            .find(|c| same_id(&c.id, id) && is_mine(&me, c))
            .ok_or_else(|| ApiError::new(404, "not-found"))?;
        check_can_remove_relationship(c).map_err(|_| ApiError::new(409, "conflict"))?;
        let id = c.id.clone();
        self.state.customers.retain(|c| c.id != id);
        Ok(())
    }

    fn my_requests(&self, me: &MyPartner) -> impl Iterator<Item = &OwnedRequest> {
        let id = me.partner.id.clone();
        self.state
            .relationship_requests
            .iter()
            .filter(move |r| same_id(&r.partner_id, &id))
    }

    /// The partner's requests, their status as of today.
    pub fn relationship_requests(&self) -> Result<Vec<RelationshipRequest>, ApiError> {
        let (_, me) = self.permitted(RELATIONSHIP_REQUESTS)?;
        Ok(self
            .my_requests(&me)
            .map(|r| refresh(&r.request, self.today))
            .collect())
    }

    pub fn request_relationship(
        &mut self,
        req: &NewRelationshipRequest,
    ) -> Result<RelationshipRequest, ApiError> {
        let (_, me) = self.permitted(RELATIONSHIP_REQUESTS)?;
        let names: Vec<String> = self
            .my_requests(&me)
            .filter(|r| r.request.admin_access)
            .map(|r| r.request.name.clone())
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        report_err(check_new_request(req, &names, ADMIN_ROLES))?;
        check_room(self.my_requests(&me).count())?;
        let id = self.guid();
        let r = new_request(&id, req, self.today);
        self.state.relationship_requests.push(OwnedRequest {
            partner_id: me.partner.id.clone(),
            request: r.clone(),
        });
        Ok(r)
    }

    /// Ends an active relationship (409 in any other status).
    pub fn terminate_relationship(&mut self, id: &str) -> Result<RelationshipRequest, ApiError> {
        let (_, me) = self.permitted(RELATIONSHIP_REQUESTS)?;
        let today = self.today;
        let r = self
            .state
            .relationship_requests
            .iter_mut()
            .find(|r| same_id(&r.partner_id, &me.partner.id) && same_id(&r.request.id, id))
            .ok_or_else(|| ApiError::new(404, "not-found"))?;
        let ended = terminate(&r.request, today).map_err(|_| ApiError::new(409, "conflict"))?;
        r.request = ended.clone();
        Ok(ended)
    }

    /// A random GUID-shaped ID for new records (customers, requests).
    pub(crate) fn guid(&mut self) -> String {
        let h = self.new_id();
        format!(
            "{}-{}-4{}-8{}-{}",
            &h[0..8],
            &h[8..12],
            &h[13..16],
            &h[17..20],
            &h[20..32]
        )
    }
}
