//! What every backend of the contract must answer, written once and run against each: the
//! in-browser demo backend (natively, in csp-demo's tests) and the API server (over HTTP, in
//! csp-server's tests). Everything is set up through the contract itself, from the demo seed
//! both backends start with (`crates/csp-demo-data`): the reseller Contoso's and the provider
//! Fabrikam's global admins (password `demo`), and the partners of `demo-partners.json`.
//!
//! [`run`] goes through [`TABLE`] (every partner route × every kind of caller → status) and
//! the user-management rules of `csp_core::access` (no raising permissions, a user manager
//! kept, nobody removing themselves, identities compared as core compares them, reserved
//! tenant names), and the paging of every list (`csp_core::paging`: each row once, in order,
//! and the same refusals), and returns every difference.

use serde_json::{json, Value};
use std::future::Future;

/// A backend's answer: status and JSON body (`Null` when there is none).
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

/// A backend of the contract, reached as a browser reaches it.
pub trait Target {
    /// What a browser holds for one signed-in user (a cookie and its CSRF token, a token).
    /// The default is nobody signed in.
    type Who: Clone + Default;

    /// Calls one operation, `path` relative to the API (`/users/…`), as `who`.
    fn call(
        &mut self,
        who: &Self::Who,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> impl Future<Output = Answer>;

    /// `POST /session` with these credentials; what the browser then holds (the default
    /// when refused).
    fn sign_in(&mut self, user: &str, password: &str) -> impl Future<Output = Self::Who>;

    /// `POST /work-account/sign-in` to a work account of the demo directory (with the
    /// backend's directory password); what the browser then holds.
    fn work_account_sign_in(&mut self, user: &str) -> impl Future<Output = Self::Who>;
}

/// The demo seed's global admins.
use csp_demo_data::{DEMO_ADMIN as RESELLER_ADMIN, DEMO_PROVIDER_ADMIN as PROVIDER_ADMIN};
/// A provider in Contoso's region that Contoso has not authorized.
const ADVENTURE_WORKS: &str = "5d2c8e1f-9b4a-4c3d-a7e6-1f0b3c5d7e92";
/// A provider of another CSP region than Contoso's, which Contoso cannot authorize.
const SHANGHAI_PROVIDER: &str = "e6a1b3c5-7d9f-4b2e-8c4a-6f8e0d2b4a17";
/// One of Fabrikam's resellers.
const MUELLER: &str = "a4f2d6e8-1c3b-4a5d-8e7f-0b9c2d4e6f81";

/// The callers of [`TABLE`], in its columns' order: nobody, Contoso's users with each built-in
/// role (the global admin is the seed's), and Fabrikam's global admin (another partner, and a
/// provider).
pub const CALLERS: [&str; 8] = [
    "anonymous",
    "admin-agent",
    "sales-agent",
    "helpdesk-agent",
    "global-admin",
    "user-management-admin",
    "billing-admin",
    "provider-admin",
];

/// (method, path, expected status per [`CALLERS`]). `{target}` is a new user of Contoso's with
/// no role, `{customer}` a new customer of Contoso's, `{request}` a new pending relationship
/// request of Contoso's: made afresh for each call.
pub const TABLE: &[(&str, &str, [u16; 8])] = &[
    ("GET", "/settings", [200; 8]),
    ("GET", "/countries", [200; 8]),
    ("GET", "/roles", [200; 8]),
    ("GET", "/session", [401, 200, 200, 200, 200, 200, 200, 200]),
    ("GET", "/users", [401, 403, 403, 403, 200, 200, 403, 200]),
    ("POST", "/users", [401, 403, 403, 403, 201, 201, 403, 201]),
    (
        "PUT",
        "/users/{target}/roles",
        [401, 403, 403, 403, 200, 200, 403, 404],
    ),
    (
        "DELETE",
        "/users/{target}",
        [401, 403, 403, 403, 204, 204, 403, 404],
    ),
    (
        "POST",
        "/users/{target}/invitation",
        [401, 403, 403, 403, 202, 202, 403, 404],
    ),
    (
        "POST",
        "/user-invitations/lookup",
        [404, 404, 404, 404, 404, 404, 404, 404],
    ),
    (
        "POST",
        "/user-invitations/accept",
        [404, 404, 404, 404, 404, 404, 404, 404],
    ),
    ("GET", "/partner", [401, 200, 200, 200, 200, 200, 200, 200]),
    (
        "GET",
        "/indirect-providers",
        [401, 200, 200, 403, 200, 403, 403, 403],
    ),
    (
        "GET",
        "/indirect-providers/{provider}",
        [401, 200, 200, 200, 200, 200, 200, 200],
    ),
    (
        "POST",
        "/indirect-providers",
        [401, 403, 403, 403, 201, 403, 403, 403],
    ),
    (
        "GET",
        "/indirect-resellers",
        [401, 403, 403, 403, 403, 403, 403, 200],
    ),
    (
        "DELETE",
        "/indirect-resellers/{reseller}",
        [401, 403, 403, 403, 403, 403, 403, 204],
    ),
    (
        "GET",
        "/customers",
        [401, 200, 200, 200, 200, 403, 403, 200],
    ),
    (
        "POST",
        "/customers",
        [401, 201, 201, 403, 201, 403, 403, 201],
    ),
    (
        "GET",
        "/domain-prefixes/{prefix}",
        [401, 200, 200, 403, 200, 403, 403, 200],
    ),
    (
        "DELETE",
        "/customers/{customer}/relationship",
        [401, 204, 204, 403, 204, 403, 403, 404],
    ),
    (
        "GET",
        "/relationship-requests",
        [401, 200, 200, 403, 200, 403, 403, 200],
    ),
    (
        "POST",
        "/relationship-requests",
        [401, 201, 201, 403, 201, 403, 403, 201],
    ),
    (
        "POST",
        "/relationship-requests/{request}/termination",
        [401, 409, 409, 403, 409, 403, 403, 404],
    ),
    (
        "POST",
        "/session/password",
        [401, 422, 422, 422, 422, 422, 422, 422],
    ),
    (
        "GET",
        "/business-profile",
        [401, 403, 403, 403, 200, 403, 403, 200],
    ),
    (
        "PUT",
        "/business-profile",
        [401, 403, 403, 403, 200, 403, 403, 200],
    ),
    (
        "GET",
        "/provider-directory",
        [401, 200, 200, 403, 200, 403, 403, 403],
    ),
    (
        "GET",
        "/partnership-requests",
        [401, 200, 200, 403, 200, 403, 403, 200],
    ),
    // Fabrikam has published (the row above) and Contoso has authorized it already.
    (
        "POST",
        "/partnership-requests",
        [401, 409, 409, 403, 409, 403, 403, 403],
    ),
];

/// A business profile every check passes, published in French and Chinese.
pub fn business_profile(email: &str) -> Value {
    json!({
        "description_fr": "Distributeur cloud pour les revendeurs d'Europe.",
        "description_zh_cn": "面向欧洲经销商的云分销商。",
        "industries": ["retail"],
        "services": ["licensing", "support"],
        "countries": ["FR", "BE"],
        "website": "fabrikam.example",
        "email": email,
        "phone": "+33 1 23 45 67 89",
    })
}

/// The password the role users choose at their first sign-in.
const PASSWORD: &str = "Conformance-pass-42";

/// A valid Add customer form (a French company) for the domain prefix `prefix`.
pub fn new_customer(prefix: &str) -> Value {
    json!({
        "company_name": "Boulangerie Durand", "domain_prefix": prefix,
        "admin_first_name": "Élodie", "admin_last_name": "Durand",
        "admin_email": "elodie@boulangerie-durand.fr", "phone": "",
        "address": {"line1": "12 rue de l'Eglise", "line2": "", "city": "Orleans", "state": "", "postal_code": "45000", "country": "FR"},
        "registration_id": ""
    })
}

/// Runs the whole suite on a backend fresh from the demo seed; every difference, described.
pub async fn run<T: Target>(t: &mut T) -> Vec<String> {
    let mut s = Suite {
        t,
        failures: vec![],
        n: 0,
    };
    s.table().await;
    s.rules().await;
    s.paging().await;
    s.review().await;
    s.directory().await;
    s.acceptance().await;
    s.failures
}

/// The demo directory's customer organizations (`csp_demo_data::DEMO_CUSTOMER_TENANTS`).
const NORTHWIND_ADMIN: &str = "admin@northwindtraders.onmicrosoft.com";
const NORTHWIND_USER: &str = "lea.martin@northwindtraders.onmicrosoft.com";
const TAILSPIN_ADMIN: &str = "admin@tailspintoys.onmicrosoft.com";

struct Suite<'a, T: Target> {
    t: &'a mut T,
    failures: Vec<String>,
    /// Numbers what the suite makes (users, customers, requests) so each is new.
    n: u32,
}

impl<T: Target> Suite<'_, T> {
    /// A customer's Global admin answers reseller-relationship links: the link's states, who
    /// may answer, and where the customer is listed afterwards.
    async fn acceptance(&mut self) {
        use csp_demo_data::{DEMO_PROVIDER_ID as FABRIKAM, DEMO_RESELLER_ID as CONTOSO};
        let anon = T::Who::default();
        let admin = self.t.sign_in(RESELLER_ADMIN, "demo").await;
        let made = self
            .expect(
                "setting up a request",
                &admin,
                "POST",
                "/relationship-requests",
                Some(json!({"admin_access": true, "name": "Conformance acceptance", "duration_days": 100, "roles": ["directory-readers"], "auto_extend": false})),
                201,
            )
            .await;
        let id = made["id"].as_str().unwrap_or_default().to_string();
        let link = format!("/customer-invitation?partner_id={CONTOSO}&request_id={id}");
        let open = self
            .expect("a request link", &anon, "GET", &link, None, 200)
            .await;
        if open["state"] != "open" || open["partner_name"] != "Contoso" {
            self.failures.push(format!("a new request's link: {open}"));
        }
        for forged in [
            format!("/customer-invitation?partner_id={CONTOSO}&request_id=00000000-0000-4000-8000-000000000000"),
            format!("/customer-invitation?partner_id={CONTOSO}&provider_id={SHANGHAI_PROVIDER}"),
            format!("/customer-invitation?partner_id={FABRIKAM}&request_id={id}"),
            "/customer-invitation?partner_id=nope".to_string(),
        ] {
            self.expect("a forged link", &anon, "GET", &forged, None, 404)
                .await;
        }
        let answer =
            json!({"partner_id": CONTOSO, "request_id": id, "accept": true, "language": "zh-CN"});
        let user = self.t.work_account_sign_in(NORTHWIND_USER).await;
        let refused = self
            .expect(
                "not the tenant's Global admin answers",
                &user,
                "POST",
                "/customer-invitation/answer",
                Some(answer.clone()),
                422,
            )
            .await;
        if refused["field_errors"][0]["code"] != "accept-global-admin-only" {
            self.failures
                .push(format!("a user who is not Global admin: {refused}"));
        }
        let ga = self.t.work_account_sign_in(NORTHWIND_ADMIN).await;
        self.expect(
            "the Global admin accepts",
            &ga,
            "POST",
            "/customer-invitation/answer",
            Some(answer.clone()),
            200,
        )
        .await;
        let again = self
            .expect(
                "the link a second time",
                &ga,
                "POST",
                "/customer-invitation/answer",
                Some(answer),
                409,
            )
            .await;
        if again["field_errors"][0]["args"]["state"] != "used" {
            self.failures.push(format!("a used link: {again}"));
        }
        let used = self
            .expect("a used link", &anon, "GET", &link, None, 200)
            .await;
        if used["state"] != "used" {
            self.failures.push(format!("a used link's page: {used}"));
        }
        let listed = |v: &Value, name: &str| {
            v["customers"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|c| c["company_name"] == name)
                .cloned()
        };
        let list = self
            .expect(
                "the Customers page",
                &admin,
                "GET",
                "/customers?limit=200",
                None,
                200,
            )
            .await;
        match listed(&list, "Northwind Traders") {
            Some(c) if c["accepted"]["status"] == "active" && c["reseller_id"] == CONTOSO => {}
            c => self.failures.push(format!(
                "the accepted customer on the reseller's page: {c:?}"
            )),
        }
        // A two-tier link: listed for the reseller and its provider.
        let tailspin = self.t.work_account_sign_in(TAILSPIN_ADMIN).await;
        let two_tier = json!({"partner_id": CONTOSO, "provider_id": FABRIKAM, "accept": true, "language": "fr"});
        self.expect(
            "a two-tier link accepted",
            &tailspin,
            "POST",
            "/customer-invitation/answer",
            Some(two_tier),
            200,
        )
        .await;
        let provider = self.t.sign_in(PROVIDER_ADMIN, "demo").await;
        for (who, whose) in [(&admin, "reseller"), (&provider, "provider")] {
            let list = self
                .expect(
                    "the Customers page",
                    who,
                    "GET",
                    "/customers?limit=200",
                    None,
                    200,
                )
                .await;
            if listed(&list, "Tailspin Toys").is_none() {
                self.failures.push(format!(
                    "a two-tier customer is missing on the {whose}'s page"
                ));
            }
        }
    }

    fn next(&mut self) -> u32 {
        self.n += 1;
        self.n
    }

    async fn expect(
        &mut self,
        what: &str,
        who: &T::Who,
        method: &str,
        path: &str,
        body: Option<Value>,
        status: u16,
    ) -> Value {
        let a = self.t.call(who, method, path, body).await;
        if a.status != status {
            self.failures.push(format!(
                "{what}: {method} {path} answered {} (expected {status}) {}",
                a.status, a.body
            ));
        }
        if a.status == 403
            && a.body["error"] == "forbidden"
            && !a.body["required_feature"].is_string()
        {
            self.failures.push(format!(
                "{what}: a 403 names the feature it needs: {}",
                a.body
            ));
        }
        a.body
    }

    /// Contoso's global admin adds a user with these roles; its ID and sign-in details.
    async fn add_user(
        &mut self,
        admin: &T::Who,
        tag: &str,
        agent: Option<&str>,
        role: Option<&str>,
    ) -> (String, String, String) {
        let n = self.next();
        let email = format!("conformance.{tag}.{n}@contoso.com");
        let body = json!({"name": format!("Conformance {tag}"), "email": email, "agent_role": agent, "admin_role": role});
        let made = self
            .expect(
                "setting up a user",
                admin,
                "POST",
                "/users",
                Some(body),
                201,
            )
            .await;
        let text = |k: &str| made[k].as_str().unwrap_or_default().to_string();
        (
            made["user"]["id"].as_str().unwrap_or_default().to_string(),
            text("sign_in_name"),
            text("temporary_password"),
        )
    }

    /// A user who has signed in once and chosen their password.
    async fn become_user(&mut self, name: &str, password: &str) -> T::Who {
        let who = self.t.sign_in(name, password).await;
        let change = json!({"current_password": password, "new_password": PASSWORD});
        self.expect(
            "first sign-in",
            &who,
            "POST",
            "/session/password",
            Some(change),
            204,
        )
        .await;
        who
    }

    async fn table(&mut self) {
        let admin = self.t.sign_in(RESELLER_ADMIN, "demo").await;
        let provider = self.t.sign_in(PROVIDER_ADMIN, "demo").await;
        let mut callers = vec![T::Who::default()];
        for (role, agent, admin_role) in [
            ("admin-agent", Some("admin-agent"), None),
            ("sales-agent", Some("sales-agent"), None),
            ("helpdesk-agent", Some("helpdesk-agent"), None),
        ] {
            let (_, name, password) = self.add_user(&admin, role, agent, admin_role).await;
            callers.push(self.become_user(&name, &password).await);
        }
        callers.push(admin.clone());
        for role in ["user-management-admin", "billing-admin"] {
            let (_, name, password) = self.add_user(&admin, role, None, Some(role)).await;
            callers.push(self.become_user(&name, &password).await);
        }
        callers.push(provider);
        for (method, path, expected) in TABLE {
            for (i, who) in callers.iter().enumerate() {
                let n = self.next();
                let mut p = path
                    .replace("{provider}", ADVENTURE_WORKS)
                    .replace("{reseller}", MUELLER)
                    .replace("{prefix}", &format!("conformancefree{n}"));
                if p.contains("{target}") {
                    let (id, _, _) = self.add_user(&admin, "target", None, None).await;
                    p = p.replace("{target}", &id);
                }
                if p.contains("{customer}") {
                    let c = new_customer(&format!("conformanceshop{n}"));
                    let made = self
                        .expect(
                            "setting up a customer",
                            &admin,
                            "POST",
                            "/customers",
                            Some(c),
                            201,
                        )
                        .await;
                    p = p.replace(
                        "{customer}",
                        made["customer"]["id"].as_str().unwrap_or_default(),
                    );
                }
                if p.contains("{request}") {
                    let r = json!({"admin_access": false, "name": "", "duration_days": 730, "roles": [], "auto_extend": false});
                    let made = self
                        .expect(
                            "setting up a request",
                            &admin,
                            "POST",
                            "/relationship-requests",
                            Some(r),
                            201,
                        )
                        .await;
                    p = p.replace("{request}", made["id"].as_str().unwrap_or_default());
                }
                let body = match (*method, *path) {
                    ("POST", "/users") => {
                        // At the caller's partner's own domain.
                        let domain = if CALLERS[i] == "provider-admin" {
                            "fabrikam.com"
                        } else {
                            "contoso.com"
                        };
                        Some(
                            json!({"name": "New User", "email": format!("new{n}@{domain}"), "agent_role": null, "admin_role": null}),
                        )
                    }
                    ("PUT", "/users/{target}/roles") => {
                        Some(json!({"agent_role": null, "admin_role": "user-management-admin"}))
                    }
                    ("POST", "/indirect-providers") => {
                        Some(json!({"provider_id": ADVENTURE_WORKS, "consent": true}))
                    }
                    ("POST", "/customers") => Some(new_customer(&format!("conformanceadd{n}"))),
                    ("POST", "/relationship-requests") => Some(
                        json!({"admin_access": true, "name": format!("Conformance {n}"), "duration_days": 730, "roles": ["directory-readers"], "auto_extend": false}),
                    ),
                    // A token neither backend ever issued.
                    ("POST", "/user-invitations/lookup") => Some(json!({"token": "0".repeat(64)})),
                    ("POST", "/user-invitations/accept") => {
                        Some(json!({"token": "0".repeat(64), "new_password": "Another-pass-77"}))
                    }
                    ("PUT", "/business-profile") => {
                        Some(business_profile("partenaires@fabrikam.example"))
                    }
                    ("POST", "/partnership-requests") => Some(
                        json!({"provider_id": csp_demo_data::DEMO_PROVIDER_ID, "language": "fr"}),
                    ),
                    ("POST", "/session/password") => Some(
                        json!({"current_password": "wrong", "new_password": "Another-pass-77"}),
                    ),
                    _ => None,
                };
                self.expect(CALLERS[i], who, method, &p, body, expected[i])
                    .await;
            }
        }
    }

    async fn rules(&mut self) {
        let admin = self.t.sign_in(RESELLER_ADMIN, "demo").await;
        let (_, name, password) = self
            .add_user(&admin, "rules-uma", None, Some("user-management-admin"))
            .await;
        let uma = self.become_user(&name, &password).await;
        let me: Value = self.t.call(&uma, "GET", "/session", None).await.body;
        let uma_id = me["user"]["id"].as_str().unwrap_or_default().to_string();

        // Nobody raises permissions, through the admin role or the agent role.
        for (agent, role) in [(None, Some("global-admin")), (Some("admin-agent"), None)] {
            let n = self.next();
            let body = json!({"name": "Eve", "email": format!("eve{n}@contoso.com"), "agent_role": agent, "admin_role": role});
            self.expect(
                "a user manager adds a stronger user",
                &uma,
                "POST",
                "/users",
                Some(body),
                403,
            )
            .await;
            let body =
                json!({"agent_role": agent, "admin_role": role.or(Some("user-management-admin"))});
            let path = format!("/users/{uma_id}/roles");
            self.expect(
                "a user manager raises their own roles",
                &uma,
                "PUT",
                &path,
                Some(body),
                403,
            )
            .await;
        }
        let seeded: Value = self.t.call(&admin, "GET", "/session", None).await.body;
        let admin_id = seeded["user"]["id"]
            .as_str()
            .unwrap_or_default()
            .to_string();

        // The session names what the user's roles open in a partner of this type.
        let features = |v: &Value| -> Vec<String> {
            v["features"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f.as_str().map(str::to_owned))
                .collect()
        };
        let f = features(&seeded);
        if !f.iter().any(|x| x == "users") || f.iter().any(|x| x == "indirect-resellers") {
            self.failures
                .push(format!("a reseller's global admin's features: {f:?}"));
        }
        self.expect(
            "a user manager removes a global admin",
            &uma,
            "DELETE",
            &format!("/users/{admin_id}"),
            None,
            403,
        )
        .await;

        // Nobody removes themselves.
        let body = self
            .expect(
                "a global admin removes themselves",
                &admin,
                "DELETE",
                &format!("/users/{admin_id}"),
                None,
                409,
            )
            .await;
        self.code(&body, "remove-self");

        // A partner keeps someone who manages users: Fabrikam's global admin is its only one.
        let provider = self.t.sign_in(PROVIDER_ADMIN, "demo").await;
        let mine: Value = self.t.call(&provider, "GET", "/session", None).await.body;
        let f = features(&mine);
        if !f.iter().any(|x| x == "indirect-resellers")
            || f.iter().any(|x| x == "indirect-providers")
        {
            self.failures
                .push(format!("a provider's global admin's features: {f:?}"));
        }
        let path = format!(
            "/users/{}/roles",
            mine["user"]["id"].as_str().unwrap_or_default()
        );
        let body = json!({"agent_role": "admin-agent", "admin_role": null});
        let body = self
            .expect(
                "the last user manager gives up managing users",
                &provider,
                "PUT",
                &path,
                Some(body),
                409,
            )
            .await;
        self.code(&body, "last-user-admin");

        // One person, however the address is typed (case, spaces, full-width letters).
        let twin = format!(
            "  {} ",
            name.to_uppercase().replacen("CONTOSO", "ＣONTOSO", 1)
        );
        let body = json!({"name": "Twin", "email": twin, "agent_role": null, "admin_role": null});
        let body = self
            .expect(
                "the same address typed otherwise",
                &admin,
                "POST",
                "/users",
                Some(body),
                422,
            )
            .await;
        self.code(&body, "email-taken");

        // Users only at the partner's own domains: another partner's addresses, its users'
        // included, can be neither probed nor blocked.
        for email in ["someone@fabrikam.com", PROVIDER_ADMIN] {
            let body =
                json!({"name": "Other", "email": email, "agent_role": null, "admin_role": null});
            let body = self
                .expect(
                    "an address at another partner's domain",
                    &admin,
                    "POST",
                    "/users",
                    Some(body),
                    422,
                )
                .await;
            self.code(&body, "email-not-partner-domain");
        }

        // The invitation email: in one of the four languages, sent again only to a user who
        // has not chosen their password yet, its links refused with the rule's code.
        let n = self.next();
        let body = json!({"name": "Lang", "email": format!("lang{n}@contoso.com"), "agent_role": null, "admin_role": null, "language": "de"});
        let body = self
            .expect(
                "an invitation language that is not one of the four",
                &admin,
                "POST",
                "/users",
                Some(body),
                422,
            )
            .await;
        if body["field_errors"][0]["field"] != "user.language" {
            self.failures.push(format!(
                "the language's problem is on user.language: {body}"
            ));
        }
        let body = self
            .expect(
                "the invitation again, to a user who chose their password",
                &admin,
                "POST",
                &format!("/users/{uma_id}/invitation"),
                None,
                409,
            )
            .await;
        self.code(&body, "invitation-accepted");
        let body = self
            .expect(
                "an invitation link never sent",
                &T::Who::default(),
                "POST",
                "/user-invitations/lookup",
                Some(json!({"token": "f".repeat(64)})),
                404,
            )
            .await;
        self.code(&body, "invitation-link-unknown");

        // The vendor's names are nobody's tenant.
        for prefix in ["microsoft", "Office365", "admin"] {
            let body = self
                .expect(
                    "a reserved prefix",
                    &admin,
                    "GET",
                    &format!("/domain-prefixes/{prefix}"),
                    None,
                    200,
                )
                .await;
            if body["available"] != json!(false) {
                self.failures
                    .push(format!("the prefix {prefix} is offered: {body}"));
            }
        }
    }

    /// Follows a list's cursors from the start, `limit` rows a page; every row, as served.
    async fn page_through(
        &mut self,
        who: &T::Who,
        path: &str,
        key: &str,
        limit: u32,
    ) -> Vec<Value> {
        let mut rows = vec![];
        let mut cursor: Option<String> = None;
        // More pages than rows would mean a page that never ends.
        for _ in 0..500 {
            let url = match &cursor {
                Some(c) => format!("{path}?limit={limit}&cursor={c}"),
                None => format!("{path}?limit={limit}"),
            };
            let body = self.expect("paging", who, "GET", &url, None, 200).await;
            let items = body[key].as_array().cloned().unwrap_or_default();
            if items.len() > limit as usize {
                self.failures
                    .push(format!("{url} served {} rows", items.len()));
            }
            rows.extend(items);
            match body["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => return rows,
            }
        }
        self.failures.push(format!("{path}: the cursors never end"));
        rows
    }

    async fn paging(&mut self) {
        let admin = self.t.sign_in(RESELLER_ADMIN, "demo").await;
        let provider = self.t.sign_in(PROVIDER_ADMIN, "demo").await;
        // Names that repeat and are in three scripts, so the ID decides some of the order.
        for name in [
            "Paging Борис",
            "Paging Alice",
            "Paging 李伟",
            "Paging Alice",
            "paging alice",
        ] {
            let n = self.next();
            let body = json!({"name": name, "email": format!("paging{n}@contoso.com"), "agent_role": null, "admin_role": null});
            self.expect(
                "setting up a user",
                &admin,
                "POST",
                "/users",
                Some(body),
                201,
            )
            .await;
        }
        for n in 0..3 {
            let c = new_customer(&format!("conformancepage{n}"));
            self.expect(
                "setting up a customer",
                &admin,
                "POST",
                "/customers",
                Some(c),
                201,
            )
            .await;
        }
        let lists: [(&T::Who, &str, &str, &str); 5] = [
            (&admin, "/users", "items", "name"),
            (&admin, "/customers", "customers", "company_name"),
            (&admin, "/relationship-requests", "items", ""),
            (&admin, "/indirect-providers", "items", "name"),
            (&provider, "/indirect-resellers", "items", "name"),
        ];
        for (who, path, key, sort) in lists {
            let who = who.clone();
            let all = self
                .expect(
                    "one page",
                    &who,
                    "GET",
                    &format!("{path}?limit=200"),
                    None,
                    200,
                )
                .await;
            if all["next_cursor"].is_string() {
                self.failures
                    .push(format!("{path}: more than 200 rows here"));
            }
            let all = all[key].as_array().cloned().unwrap_or_default();
            // In the contract's order: the sort key, then the ID, byte by byte.
            let at = |v: &Value| {
                let k = if sort.is_empty() {
                    ""
                } else {
                    v[sort].as_str().unwrap_or_default()
                };
                (
                    k.to_owned(),
                    v["id"].as_str().unwrap_or_default().to_owned(),
                )
            };
            let mut sorted = all.clone();
            sorted.sort_by_key(at);
            if all != sorted {
                self.failures
                    .push(format!("{path}: not in the order of its sort key and ID"));
            }
            for limit in [1, 2, 3] {
                let paged = self.page_through(&who, path, key, limit).await;
                if paged != all {
                    self.failures.push(format!(
                        "{path} with limit {limit}: {} rows paged, {} at once",
                        paged.len(),
                        all.len()
                    ));
                }
            }
            // Over the maximum, not a number, a cursor never handed out: refused alike.
            for (q, error) in [
                ("limit=201", "bad-limit"),
                ("limit=0", "bad-limit"),
                ("limit=ten", "bad-limit"),
                ("cursor=forged!", "bad-cursor"),
                ("cursor=abc", "bad-cursor"),
            ] {
                let body = self
                    .expect("a bad page", &who, "GET", &format!("{path}?{q}"), None, 400)
                    .await;
                if body["error"] != error {
                    self.failures
                        .push(format!("{path}?{q}: expected {error}: {body}"));
                }
            }
        }

        // A user added while paging, sorting after the page served, is on a later page; the
        // rows already served are not served again.
        let first = self
            .expect("a first page", &admin, "GET", "/users?limit=2", None, 200)
            .await;
        let n = self.next();
        let body = json!({"name": "Zz Paging late", "email": format!("paging{n}@contoso.com"), "agent_role": null, "admin_role": null});
        self.expect(
            "setting up a user",
            &admin,
            "POST",
            "/users",
            Some(body),
            201,
        )
        .await;
        let cursor = first["next_cursor"].as_str().unwrap_or_default();
        let rest = self.page_through_from(&admin, "/users", cursor).await;
        let served: Vec<&Value> = first["items"].as_array().into_iter().flatten().collect();
        if rest
            .iter()
            .any(|r| served.iter().any(|s| s["id"] == r["id"]))
            || !rest.iter().any(|r| r["name"] == "Zz Paging late")
        {
            self.failures.push(format!(
                "a user added while paging: {served:?} then {rest:?}"
            ));
        }
    }

    /// The rows after `cursor`, all pages of the default size.
    async fn page_through_from(&mut self, who: &T::Who, path: &str, cursor: &str) -> Vec<Value> {
        let mut rows = vec![];
        let mut cursor = cursor.to_owned();
        for _ in 0..500 {
            let url = format!("{path}?cursor={cursor}");
            let body = self.expect("paging", who, "GET", &url, None, 200).await;
            rows.extend(body["items"].as_array().cloned().unwrap_or_default());
            match body["next_cursor"].as_str() {
                Some(c) => cursor = c.to_owned(),
                None => break,
            }
        }
        rows
    }

    /// The business profile's checks, and a reseller's journey through the directory: Fabrikam
    /// ends its partnership with Contoso, Contoso finds it (filter, search), asks once, Fabrikam
    /// answers with its invitation (once), Contoso authorizes it and the request is answered.
    async fn directory(&mut self) {
        use csp_demo_data::{DEMO_PROVIDER_ID as FABRIKAM, DEMO_RESELLER_ID as CONTOSO};
        let admin = self.t.sign_in(RESELLER_ADMIN, "demo").await;
        let provider = self.t.sign_in(PROVIDER_ADMIN, "demo").await;
        let bp = "/business-profile";
        let body = self
            .expect("empty profile", &provider, "PUT", bp, Some(json!({})), 422)
            .await;
        self.code(&body, "profile-no-language");
        let body = json!({"description_en": "x".repeat(2001)});
        let body = self
            .expect("long description", &provider, "PUT", bp, Some(body), 422)
            .await;
        self.code(&body, "too-long");
        let published = self
            .expect(
                "publish",
                &provider,
                "PUT",
                bp,
                Some(business_profile("partenaires@fabrikam.example")),
                200,
            )
            .await;
        if published["website"] != "https://fabrikam.example"
            || published["countries"] != json!(["BE", "FR"])
        {
            self.failures.push(format!(
                "the profile is stored as core normalizes it: {published}"
            ));
        }
        let path = format!("/indirect-resellers/{CONTOSO}");
        self.expect("end a partnership", &provider, "DELETE", &path, None, 204)
            .await;
        for (query, n) in [
            ("country=be&q=FABRIKAM", 1),
            ("country=DE", 0),
            ("q=nobody", 0),
        ] {
            let page = self
                .expect(
                    "directory",
                    &admin,
                    "GET",
                    &format!("/provider-directory?{query}"),
                    None,
                    200,
                )
                .await;
            let found: Vec<&Value> = page["items"].as_array().into_iter().flatten().collect();
            let fabrikam = found
                .iter()
                .filter(|l| l["provider"]["id"] == FABRIKAM)
                .count();
            if fabrikam != n || (n == 1 && found[0]["status"] != Value::Null) {
                self.failures.push(format!("directory {query}: {page}"));
            }
        }
        for bad in ["country=FRA", "limit=0", "cursor=nope"] {
            let path = format!("/provider-directory?{bad}");
            self.expect("directory", &admin, "GET", &path, None, 400)
                .await;
        }
        let ask = json!({"provider_id": FABRIKAM, "language": "fr"});
        let q = "/partnership-requests";
        let made = self
            .expect("request", &admin, "POST", q, Some(ask.clone()), 201)
            .await;
        let body = self
            .expect("request again", &admin, "POST", q, Some(ask), 409)
            .await;
        self.code(&body, "partnership-requested");
        let body = json!({"provider_id": "11111111-2222-4333-8444-555555555555"});
        let body = self
            .expect("request to nobody", &admin, "POST", q, Some(body), 404)
            .await;
        self.code(&body, "provider-not-found");
        let id = made["id"].as_str().unwrap_or_default().to_string();
        let theirs = self
            .expect("requests", &provider, "GET", q, None, 200)
            .await;
        if theirs["items"][0]["id"] != id.as_str() {
            self.failures
                .push(format!("the provider sees the request: {theirs}"));
        }
        let inv = format!("{q}/{id}/invitation");
        self.expect(
            "invitation by the reseller",
            &admin,
            "POST",
            &inv,
            None,
            403,
        )
        .await;
        for _ in 0..2 {
            let r = self
                .expect("invitation", &provider, "POST", &inv, None, 200)
                .await;
            if r["status"] != "invited" {
                self.failures.push(format!("invited: {r}"));
            }
        }
        let a = json!({"provider_id": FABRIKAM, "consent": true});
        self.expect(
            "authorize",
            &admin,
            "POST",
            "/indirect-providers",
            Some(a),
            201,
        )
        .await;
        let mine = self.expect("requests", &admin, "GET", q, None, 200).await;
        if mine["items"] != json!([]) {
            self.failures
                .push(format!("an authorization answers the request: {mine}"));
        }
        let page = self
            .expect(
                "directory",
                &admin,
                "GET",
                "/provider-directory?q=fabrikam",
                None,
                200,
            )
            .await;
        if page["items"][0]["status"] != "authorized" {
            self.failures
                .push(format!("the directory shows the authorization: {page}"));
        }
    }

    fn code(&mut self, body: &Value, code: &str) {
        if body["field_errors"][0]["code"] != code {
            self.failures
                .push(format!("expected the code {code}: {body}"));
        }
    }

    /// The review's routes answer operators only (401 for nobody, 403 for a partner's user),
    /// its queue pages and refuses like every list, "assigned to me" is empty for an operator
    /// who took nothing, and taking an application that does not exist is 404; the demo partners have signed the
    /// agreement, whose first signature stays and whose version must be the current one.
    async fn review(&mut self) {
        let nobody = T::Who::default();
        // Both backends seed this operator (password `demo`).
        let operator = self
            .t
            .sign_in("reviewer@csp-operations.example", "demo")
            .await;
        let admin = self.t.sign_in(RESELLER_ADMIN, "demo").await;
        let provider = self.t.sign_in(PROVIDER_ADMIN, "demo").await;
        let q = "/review/applications";
        self.expect("review queue", &nobody, "GET", q, None, 401)
            .await;
        for who in [&admin, &provider] {
            self.expect("review queue", who, "GET", q, None, 403).await;
            let d = json!({"action": "approve", "version": 1});
            let path = "/review/applications/nope/decisions";
            self.expect("decision", who, "POST", path, Some(d), 403)
                .await;
            let take = json!({"action": "take"});
            let path = "/review/applications/nope/assignment";
            self.expect("assignment", who, "POST", path, Some(take), 403)
                .await;
        }
        let page = self
            .expect("review queue", &operator, "GET", q, None, 200)
            .await;
        if !page["items"].is_array() {
            self.failures
                .push(format!("the review queue is a page of items: {page}"));
        }
        let mine = self
            .expect(
                "review queue",
                &operator,
                "GET",
                &format!("{q}?assigned_to_me=true"),
                None,
                200,
            )
            .await;
        if !mine["items"].as_array().is_some_and(|i| i.is_empty()) {
            self.failures.push(format!(
                "nothing is assigned to an operator who took nothing: {mine}"
            ));
        }
        let take = json!({"action": "take"});
        let path = "/review/applications/nope/assignment";
        self.expect("assignment", &operator, "POST", path, Some(take), 404)
            .await;
        for bad in [
            "limit=1000",
            "cursor=nope",
            "status=lost",
            "partner_type=x",
            "assigned_to_me=maybe",
        ] {
            let path = format!("{q}?{bad}");
            self.expect("review queue", &operator, "GET", &path, None, 400)
                .await;
        }
        let path = "/review/applications/nope";
        self.expect("review application", &operator, "GET", path, None, 404)
            .await;

        let a = "/partner/agreement";
        self.expect("agreement", &nobody, "GET", a, None, 401).await;
        let agreement = self.expect("agreement", &admin, "GET", a, None, 200).await;
        let version = agreement["version"].clone();
        let signer = agreement["signed"]["name"].clone();
        if agreement["signed"]["version"] != version {
            self.failures.push(format!(
                "a demo partner has signed the current agreement: {agreement}"
            ));
        }
        let wrong = json!({"version": "1999-01", "name": "Conformance", "job_title": "Tester", "accept": true});
        let e = self
            .expect("agreement", &admin, "POST", a, Some(wrong), 422)
            .await;
        if e["field_errors"][0]["code"] != "agreement-version" {
            self.failures
                .push(format!("an old version is refused as such: {e}"));
        }
        let again = json!({"version": version, "name": "Conformance", "job_title": "Tester", "accept": true});
        let signed = self
            .expect("agreement", &admin, "POST", a, Some(again), 200)
            .await;
        if signed["signed"]["name"] != signer {
            self.failures
                .push(format!("the first signature stays: {signed}"));
        }
    }
}
