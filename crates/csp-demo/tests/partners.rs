//! The partner and customer endpoints of the demo backend, through its JSON routes as the browser calls
//! them: who is signed in decides the partner, roles and partner type decide what opens.

use csp_core::add_customer::{CreatedCustomer, DomainPrefixAvailability};
use csp_core::api::{ApiError, AuthorizeResult, CustomerList, MyPartner, PartnerKind, User};
use csp_core::paging::Page;
use csp_core::partners::PartnerSummary;
use csp_core::problem::Code;
use csp_core::relationship::{RelationshipRequest, RelationshipStatus};
use csp_demo::backend::{Backend, State};
use csp_demo::routes::{handle, Answer, Request};
use csp_demo_data::{DEMO_ADMIN, DEMO_PROVIDER_ADMIN, DEMO_PROVIDER_ID, DEMO_RESELLER_ID};

const ADVENTURE_WORKS: &str = "5d2c8e1f-9b4a-4c3d-a7e6-1f0b3c5d7e92";
const SHANGHAI: &str = "e6a1b3c5-7d9f-4b2e-8c4a-6f8e0d2b4a17";

/// The backend and the session token the client holds, as the browser's client keeps them.
struct Demo {
    b: Backend,
    token: Option<String>,
}

impl std::ops::Deref for Demo {
    type Target = Backend;
    fn deref(&self) -> &Backend {
        &self.b
    }
}

impl std::ops::DerefMut for Demo {
    fn deref_mut(&mut self) -> &mut Backend {
        &mut self.b
    }
}

fn demo(state: State) -> Demo {
    let mut n = 0u8;
    let counter = move || {
        n = n.wrapping_add(1);
        [n; 16]
    };
    Demo {
        b: Backend::new(state, counter),
        token: None,
    }
}

fn call(d: &mut Demo, method: &str, path: &str, body: &str) -> Answer {
    let req = Request {
        method,
        path,
        body,
        session: d.token.as_deref(),
    };
    let a = handle(&mut d.b, &req);
    if let Some(t) = &a.session {
        d.token = t.clone();
    }
    a
}

/// Adds a user as the signed-in admin, then signs in as them and changes the temporary
/// password, as a new user must before anything else.
fn add_and_become(d: &mut Demo, new_user: &str) {
    let a = call(d, "POST", "/users", new_user);
    assert_eq!(a.status, 201, "{}", a.body);
    let created: csp_core::api::CreatedUser = json(&a);
    let sign_in = format!(
        r#"{{"user_name":"{}","password":"{}"}}"#,
        created.sign_in_name, created.temporary_password
    );
    assert_eq!(call(d, "POST", "/session", &sign_in).status, 200);
    let change = format!(
        r#"{{"current_password":"{}","new_password":"Zk8#wq2Lm-x4v"}}"#,
        created.temporary_password
    );
    assert_eq!(call(d, "POST", "/session/password", &change).status, 204);
}

fn json<T: serde::de::DeserializeOwned>(a: &Answer) -> T {
    serde_json::from_str(&a.body).unwrap_or_else(|e| panic!("{e}: {} {}", a.status, a.body))
}

fn signed_in(email: &str) -> Demo {
    let mut b = demo(State::seeded());
    let a = call(
        &mut b,
        "POST",
        "/session",
        &format!(r#"{{"user_name":"{email}","password":"demo"}}"#),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    b
}

#[test]
fn nobody_signed_in_is_401() {
    let mut b = demo(State::seeded());
    for (m, p) in [
        ("GET", "/partner"),
        ("GET", "/customers"),
        ("GET", "/indirect-providers"),
        ("GET", "/relationship-requests"),
    ] {
        assert_eq!(call(&mut b, m, p, "").status, 401, "{m} {p}");
    }
}

#[test]
fn each_admin_answers_for_their_own_partner() {
    let mut b = signed_in(DEMO_ADMIN);
    let me: MyPartner = json(&call(&mut b, "GET", "/partner", ""));
    assert_eq!(
        (me.partner.id.as_str(), me.kind),
        (DEMO_RESELLER_ID, PartnerKind::IndirectReseller)
    );
    let mut p = signed_in(DEMO_PROVIDER_ADMIN);
    let me: MyPartner = json(&call(&mut p, "GET", "/partner", ""));
    assert_eq!(me.kind, PartnerKind::IndirectProvider);
    let users: Vec<User> = json::<Page<User>>(&call(&mut p, "GET", "/users", "")).items;
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].email, DEMO_PROVIDER_ADMIN);
}

#[test]
fn reseller_lists_providers_and_authorizes_once() {
    let mut b = signed_in(DEMO_ADMIN);
    let list: Vec<PartnerSummary> =
        json::<Page<PartnerSummary>>(&call(&mut b, "GET", "/indirect-providers", "")).items;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, DEMO_PROVIDER_ID);
    // A reseller has no indirect resellers: 403 even for a Global admin.
    assert_eq!(call(&mut b, "GET", "/indirect-resellers", "").status, 403);
    let aw: PartnerSummary = json(&call(
        &mut b,
        "GET",
        &format!("/indirect-providers/{ADVENTURE_WORKS}"),
        "",
    ));
    assert_eq!(
        (aw.name.as_str(), aw.since),
        ("Adventure Works Distribution", None)
    );
    let body = format!(
        r#"{{"provider_id":"{}","consent":true}}"#,
        ADVENTURE_WORKS.to_uppercase()
    );
    let first = call(&mut b, "POST", "/indirect-providers", &body);
    assert_eq!(first.status, 201, "{}", first.body);
    let r: AuthorizeResult = json(&first);
    assert!(r.changed);
    let second = call(&mut b, "POST", "/indirect-providers", &body);
    assert_eq!(second.status, 200);
    let r2: AuthorizeResult = json(&second);
    assert!(!r2.changed);
    assert_eq!(r2.provider.since, r.provider.since);
    let list: Vec<PartnerSummary> =
        json::<Page<PartnerSummary>>(&call(&mut b, "GET", "/indirect-providers", "")).items;
    assert_eq!(list.len(), 2);
}

#[test]
fn authorization_refusals() {
    let mut b = signed_in(DEMO_ADMIN);
    let post = |b: &mut Demo, id: &str, consent: bool| {
        call(
            b,
            "POST",
            "/indirect-providers",
            &format!(r#"{{"provider_id":"{id}","consent":{consent}}}"#),
        )
    };
    let code = |a: &Answer| json::<ApiError>(a).field_errors[0].problem.code;
    let a = post(&mut b, SHANGHAI, true);
    assert_eq!((a.status, code(&a)), (422, Code::ProviderRegion));
    let a = post(&mut b, "not-an-id", true);
    assert_eq!((a.status, code(&a)), (422, Code::IdFormat));
    let a = post(&mut b, "11111111-2222-4333-8444-555555555555", true);
    assert_eq!((a.status, code(&a)), (422, Code::ProviderNotFound));
    let a = post(&mut b, ADVENTURE_WORKS, false);
    assert_eq!((a.status, code(&a)), (422, Code::Required));
    assert_eq!(
        call(
            &mut b,
            "GET",
            "/indirect-providers/11111111-2222-4333-8444-555555555555",
            ""
        )
        .status,
        404
    );
    assert_eq!(
        call(&mut b, "GET", "/indirect-providers/xyz", "").status,
        422
    );
    // A user who is not a Global admin: 403, and told who can.
    let u = r#"{"name":"Li Wei","email":"li.wei@contoso.com","agent_role":"admin-agent","admin_role":null}"#;
    add_and_become(&mut b, u);
    let b2 = &mut b;
    let a = post(b2, ADVENTURE_WORKS, true);
    assert_eq!((a.status, code(&a)), (403, Code::AuthorizeGlobalAdminOnly));
    // The admin agent sees customers and providers, but not the user list's features.
    assert_eq!(call(b2, "GET", "/customers", "").status, 200);
}

#[test]
fn provider_lists_and_removes_resellers() {
    let mut p = signed_in(DEMO_PROVIDER_ADMIN);
    let list: Vec<PartnerSummary> =
        json::<Page<PartnerSummary>>(&call(&mut p, "GET", "/indirect-resellers", "")).items;
    assert_eq!(list.len(), 3);
    assert_eq!(call(&mut p, "GET", "/indirect-providers", "").status, 403);
    let c: CustomerList = json(&call(&mut p, "GET", "/customers", ""));
    assert_eq!(c.customers.len(), 5);
    assert_eq!(c.partners.len(), 3);
    let path = format!("/indirect-resellers/{DEMO_RESELLER_ID}");
    assert_eq!(call(&mut p, "DELETE", &path, "").status, 204);
    assert_eq!(call(&mut p, "DELETE", &path, "").status, 404);
    let list: Vec<PartnerSummary> =
        json::<Page<PartnerSummary>>(&call(&mut p, "GET", "/indirect-resellers", "")).items;
    assert_eq!(list.len(), 2);
}

#[test]
fn customers_add_and_remove() {
    let mut b = signed_in(DEMO_ADMIN);
    let c: CustomerList = json(&call(&mut b, "GET", "/customers", ""));
    assert_eq!(c.customers.len(), 4);
    assert_eq!(
        c.customers
            .iter()
            .filter(|c| c.has_active_subscriptions)
            .count(),
        1
    );
    let free: DomainPrefixAvailability =
        json(&call(&mut b, "GET", "/domain-prefixes/Romashka2", ""));
    assert_eq!((free.prefix.as_str(), free.available), ("romashka2", true));
    let taken: DomainPrefixAvailability =
        json(&call(&mut b, "GET", "/domain-prefixes/romashka", ""));
    assert!(!taken.available);
    assert_eq!(
        call(&mut b, "GET", "/domain-prefixes/ro-ma", "").status,
        422
    );
    let new = r#"{"company_name":"ООО «Василёк»","domain_prefix":"vasilek","admin_first_name":"Ivan","admin_last_name":"Petrov","admin_email":"ivan@vasilek.ru","phone":"+7 495 123-45-67","address":{"line1":"ul. Tverskaya, 7","line2":"","city":"Moskva","state":"Moskva","postal_code":"125009","country":"RU"},"registration_id":"7707083893"}"#;
    let a = call(&mut b, "POST", "/customers", new);
    assert_eq!(a.status, 201, "{}", a.body);
    let created: CreatedCustomer = json(&a);
    assert_eq!(created.sign_in_name, "admin@vasilek.onmicrosoft.com");
    assert_eq!(created.temporary_password.len(), 19);
    let again = call(&mut b, "POST", "/customers", new);
    assert_eq!(again.status, 409);
    assert_eq!(
        json::<ApiError>(&again).field_errors[0].problem.code,
        Code::DomainPrefixTaken
    );
    let own = new
        .replace("ivan@vasilek.ru", "ivan@contoso.com")
        .replace("vasilek\"", "vasilek2\"");
    let a = call(&mut b, "POST", "/customers", &own);
    assert_eq!(a.status, 422);
    assert_eq!(
        json::<ApiError>(&a).field_errors[0].problem.code,
        Code::CustomerEmailPartnerDomain
    );
    let c: CustomerList = json(&call(&mut b, "GET", "/customers", ""));
    assert_eq!(c.customers.len(), 5);
    assert!(!serde_json::to_string(&b.state)
        .unwrap()
        .contains(&created.temporary_password));
    // Boulangerie Élodie has an active subscription: its relationship can't be removed.
    let busy = c
        .customers
        .iter()
        .find(|c| c.has_active_subscriptions)
        .unwrap()
        .id
        .clone();
    assert_eq!(
        call(
            &mut b,
            "DELETE",
            &format!("/customers/{busy}/relationship"),
            ""
        )
        .status,
        409
    );
    let free = c
        .customers
        .iter()
        .find(|c| c.company_name == "ООО «Ромашка»")
        .unwrap()
        .id
        .clone();
    assert_eq!(
        call(
            &mut b,
            "DELETE",
            &format!("/customers/{free}/relationship"),
            ""
        )
        .status,
        204
    );
    let c: CustomerList = json(&call(&mut b, "GET", "/customers", ""));
    assert_eq!(c.customers.len(), 4);
}

#[test]
fn relationship_requests_life() {
    let mut b = signed_in(DEMO_ADMIN);
    let list: Vec<RelationshipRequest> =
        json::<Page<RelationshipRequest>>(&call(&mut b, "GET", "/relationship-requests", "")).items;
    let statuses: Vec<_> = list.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        vec![RelationshipStatus::Pending, RelationshipStatus::Active]
    );
    let dup = r#"{"admin_access":true,"name":" поддержка  РОМАШКИ ","duration_days":730,"roles":["directory-readers"],"auto_extend":false}"#;
    let a = call(&mut b, "POST", "/relationship-requests", dup);
    assert_eq!(
        json::<ApiError>(&a).field_errors[0].problem.code,
        Code::RelationshipNameTaken
    );
    let ok = r#"{"admin_access":true,"name":"北京示例 支持","duration_days":90,"roles":["directory-readers"],"auto_extend":false}"#;
    let a = call(&mut b, "POST", "/relationship-requests", ok);
    assert_eq!(a.status, 201, "{}", a.body);
    let r: RelationshipRequest = json(&a);
    assert_eq!(r.status, RelationshipStatus::Pending);
    let no_admin = call(
        &mut b,
        "POST",
        "/relationship-requests",
        r#"{"admin_access":false}"#,
    );
    assert_eq!(no_admin.status, 201, "{}", no_admin.body);
    let pending = &list[0].id;
    let active = &list[1].id;
    assert_eq!(
        call(
            &mut b,
            "POST",
            &format!("/relationship-requests/{pending}/termination"),
            ""
        )
        .status,
        409
    );
    let t: RelationshipRequest = json(&call(
        &mut b,
        "POST",
        &format!("/relationship-requests/{active}/termination"),
        "",
    ));
    assert_eq!(t.status, RelationshipStatus::Terminated);
    // The provider has its own (empty) list.
    let mut p = signed_in(DEMO_PROVIDER_ADMIN);
    let list: Vec<RelationshipRequest> =
        json::<Page<RelationshipRequest>>(&call(&mut p, "GET", "/relationship-requests", "")).items;
    assert!(list.is_empty());
}

#[test]
fn helpdesk_agent_sees_customers_only() {
    let mut b = signed_in(DEMO_ADMIN);
    let u = r#"{"name":"Анна","email":"anna@contoso.com","agent_role":"helpdesk-agent","admin_role":null}"#;
    add_and_become(&mut b, u);
    assert_eq!(call(&mut b, "GET", "/customers", "").status, 200);
    assert_eq!(
        call(&mut b, "GET", "/relationship-requests", "").status,
        403
    );
    assert_eq!(call(&mut b, "GET", "/domain-prefixes/abc", "").status, 403);
    let e: ApiError = json(&call(&mut b, "GET", "/indirect-providers", ""));
    assert_eq!((e.status, e.error.as_str()), (403, "forbidden"));
}

#[test]
fn a_provider_adds_a_customer_for_one_of_its_resellers() {
    let mut p = signed_in(DEMO_PROVIDER_ADMIN);
    let new = |reseller: &str| {
        format!(
            r#"{{"company_name":"Crème Brûlée SAS","domain_prefix":"cremebrulee","admin_first_name":"Anne","admin_last_name":"Roy","admin_email":"anne@cremebrulee.fr","address":{{"line1":"1 rue Haute","line2":"","city":"Lyon","state":"","postal_code":"69001","country":"FR"}},"reseller_id":"{reseller}"}}"#
        )
    };
    let a = call(&mut p, "POST", "/customers", &new(SHANGHAI));
    assert_eq!(a.status, 422, "{}", a.body);
    assert_eq!(
        json::<ApiError>(&a).field_errors[0].field,
        csp_core::field::Field::CustomerResellerId
    );
    let a = call(&mut p, "POST", "/customers", &new(DEMO_RESELLER_ID));
    assert_eq!(a.status, 201, "{}", a.body);
    let c: CreatedCustomer = json(&a);
    assert_eq!(c.customer.reseller_id.as_deref(), Some(DEMO_RESELLER_ID));
    assert_eq!(c.customer.provider_id.as_deref(), Some(DEMO_PROVIDER_ID));
    // The reseller sees it among its customers.
    let mut b = demo(p.state.clone());
    let a = call(
        &mut b,
        "POST",
        "/session",
        &format!(r#"{{"user_name":"{DEMO_ADMIN}","password":"demo"}}"#),
    );
    assert_eq!(a.status, 200);
    let list: CustomerList = json(&call(&mut b, "GET", "/customers", ""));
    assert!(list
        .customers
        .iter()
        .any(|x| x.company_name == "Crème Brûlée SAS"));
}
