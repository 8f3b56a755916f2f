//! In-process harness: the real router and storage (a SQLite file in a temp dir, or
//! PostgreSQL when `CSP_TEST_DATABASE_URL` is set), cheap Argon2 parameters, requests sent
//! with `tower::ServiceExt::oneshot`.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use csp_core::access::identity_key;
use csp_server::config::Config;
use csp_server::rows::UserRow;
use csp_server::state::{AppState, Shared};
use csp_server::storage::Store;
use serde_json::{json, Value};
use tower::ServiceExt;

pub const HOST: &str = "127.0.0.1:8090";

pub struct T {
    pub app: Router,
    pub state: Shared,
    pub dir: tempfile::TempDir,
    pub url: String,
}

#[derive(Clone, Default, Debug)]
pub struct Who {
    pub cookie: Option<String>,
    pub csrf: Option<String>,
}

pub const ANON: Who = Who {
    cookie: None,
    csrf: None,
};

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

pub fn test_config(url: &str) -> Config {
    Config {
        database_url: url.into(),
        argon2_memory_kib: 1024,
        argon2_iterations: 1,
        dist: std::path::PathBuf::from("/nonexistent-dist"),
        // The tests sign in as the demo users (`with_config` seeds them itself too).
        demo_data: true,
        ..Config::default()
    }
}

/// A database for one test: a fresh SQLite file, or, when `CSP_TEST_DATABASE_URL` names a
/// PostgreSQL server (`scripts/postgres-tests.sh`), a fresh database created on it.
pub async fn test_db_url(dir: &tempfile::TempDir) -> String {
    match std::env::var("CSP_TEST_DATABASE_URL") {
        Ok(admin) => {
            use sqlx::{Connection, Executor};
            sqlx::any::install_default_drivers();
            let name = format!(
                "csp_test_{}",
                &csp_server::secrets::new_id("x").unwrap()[2..18]
            );
            let mut c = sqlx::AnyConnection::connect(&admin).await.unwrap();
            c.execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .unwrap();
            let (base, _) = admin.rsplit_once('/').unwrap();
            format!("{base}/{name}")
        }
        Err(_) => format!("sqlite://{}/test.db", dir.path().display()),
    }
}

pub async fn with_config(f: impl FnOnce(&mut Config)) -> T {
    let dir = tempfile::tempdir().unwrap();
    let url = test_db_url(&dir).await;
    let mut cfg = test_config(&url);
    f(&mut cfg);
    let store = Store::open(&url).await.unwrap();
    let state = AppState::new(store, cfg, 8090);
    csp_server::seed::seed_if_empty(&state).await.unwrap();
    T {
        app: csp_server::startup::router(state.clone()),
        state,
        dir,
        url,
    }
}

pub async fn new() -> T {
    with_config(|_| {}).await
}

impl T {
    /// The outbox's rows as a test reads them, oldest first: (recipient, language, mail as
    /// JSON, sent). A sent row's mail is `Null`: its content is dropped once sent.
    pub async fn outbox(&self) -> Vec<(String, String, Value, bool)> {
        use sqlx::Row;
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&self.url).await.unwrap();
        let rows = sqlx::query(
            "SELECT recipient, language, mail, sent_at FROM outbox ORDER BY created_at, id",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        rows.iter()
            .map(|r| {
                let mail: String = r.get("mail");
                let sent: Option<i64> = r.get("sent_at");
                (
                    r.get("recipient"),
                    r.get("language"),
                    serde_json::from_str(&mail).unwrap_or(Value::Null),
                    sent.is_some(),
                )
            })
            .collect()
    }

    pub async fn raw(&self, req: Request<Body>) -> Resp {
        let r = self.app.clone().oneshot(req).await.unwrap();
        let status = r.status();
        let headers = r.headers().clone();
        let bytes = axum::body::to_bytes(r.into_body(), 16 << 20).await.unwrap();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Resp {
            status,
            headers,
            body,
        }
    }

    pub async fn call(&self, method: &str, path: &str, body: Option<Value>, who: &Who) -> Resp {
        let mut b = Request::builder()
            .method(method)
            .uri(format!("/api{path}"))
            .header("host", HOST);
        if let Some(c) = &who.cookie {
            b = b.header("cookie", c);
        }
        if let Some(c) = &who.csrf {
            b = b.header("x-csrf-token", c);
        }
        let req = match body {
            Some(v) => b
                .header("content-type", "application/json")
                .body(Body::from(v.to_string())),
            None => b.body(Body::empty()),
        }
        .unwrap();
        self.raw(req).await
    }

    /// Signs a partner user in; panics unless it works.
    pub async fn sign_in(&self, user: &str, password: &str) -> Who {
        let r = self
            .call(
                "POST",
                "/session",
                Some(json!({"user_name": user, "password": password})),
                &ANON,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{user}: {}", r.body);
        who_from(&r, "csp_session")
    }

    /// Signs in to a demo work account (the applicant's session).
    pub async fn applicant(&self, user: &str) -> Who {
        let r = self
            .call(
                "POST",
                "/work-account/sign-in",
                Some(json!({"user_name": user, "password": csp_server::seed::DIRECTORY_PASSWORD})),
                &ANON,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        who_from(&r, "csp_applicant")
    }

    /// Adds a user straight to storage (password set, not forced to change).
    pub async fn add_user(
        &self,
        partner: &str,
        email: &str,
        agent: Option<&str>,
        admin: Option<&str>,
        password: &str,
    ) -> UserRow {
        let u = UserRow {
            id: csp_server::secrets::new_id("usr").unwrap(),
            partner_id: partner.into(),
            name: email.into(),
            email: email.into(),
            email_key: identity_key(email),
            agent_role: agent.map(Into::into),
            admin_role: admin.map(Into::into),
            operator: false,
            password_hash: self.state.hasher.hash(password).unwrap(),
            must_change: false,
            partner_kind: None,
        };
        self.state.store.insert_user(&u, 0).await.unwrap();
        u
    }

    pub async fn demo_partner(&self) -> String {
        self.state
            .store
            .user_by_key(&identity_key(csp_server::seed::DEMO_ADMIN))
            .await
            .unwrap()
            .unwrap()
            .partner_id
    }

    /// A second indirect reseller (in Contoso's region) with its own global admin.
    pub async fn other_partner(&self, admin_email: &str) -> (String, UserRow) {
        let id = csp_server::secrets::new_guid().unwrap();
        let p = csp_core::api::MyPartner {
            partner: csp_core::partners::PartnerSummary {
                id: id.clone(),
                name: "Fabrikam Resale".into(),
                country: "DE".into(),
                region: "europe".into(),
                since: None,
            },
            kind: csp_core::api::PartnerKind::IndirectReseller,
            domains: vec!["fabrikamresale.onmicrosoft.com".into()],
            agreement_signed: true,
        };
        self.state
            .store
            .insert_partner_of(&p, "fabrikamresale.onmicrosoft.com", 0)
            .await
            .unwrap();
        // A partner that has signed, like the demo partners.
        self.state
            .store
            .sign_agreement(&id, &csp_demo_data::demo_signature(&id, 0))
            .await
            .unwrap();
        let u = self
            .add_user(
                &id,
                admin_email,
                None,
                Some("global-admin"),
                "Fabrikam-pass-1",
            )
            .await;
        (id, u)
    }
}

pub fn who_from(r: &Resp, name: &str) -> Who {
    let set = r
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with(&format!("{name}=")))
        .expect("a session cookie");
    let pair = set.split(';').next().unwrap().to_string();
    Who {
        cookie: Some(pair),
        csrf: r.body["csrf_token"].as_str().map(Into::into),
    }
}

/// The French draft of the e2e test, as JSON.
pub fn french_draft() -> Value {
    json!({
        "partner_type": "indirect-reseller", "already_enrolled": false,
        "tenant": {"domain": "contoso.fr", "country": "FR", "organization": "Contoso France"},
        "profile": {"mpn_id": "4410001", "name": "Contoso France", "kind": "location", "status": "active", "country": "FR"},
        "legal": {"legal_name": "Contoso SARL", "address": {"line1": "12 rue de la Paix", "line2": "", "city": "Paris", "state": "", "postal_code": "75002", "country": "FR"}, "registration_id": ""},
        "contact": {"first_name": "Élodie", "last_name": "Martin", "email": "elodie.martin@contoso.fr", "phone": "+33 1 23 45 67 89"},
        "support": {"email": "support@contoso.fr", "phone": "+33 1 98 76 54 32", "website": "contoso.fr"},
        "bank": {"country": "FR", "account_holder": "Contoso SARL", "iban": "FR76 3000 6000 0112 3456 7890 189", "bic": "BNPAFRPP"}
    })
}

/// An applicant signed in to admin@contoso.fr and to the demo partner network.
pub async fn enrolling(t: &T) -> Who {
    let a = t.applicant("admin@contoso.fr").await;
    let r = t
        .call("POST", "/partner-network/profiles", Some(json!({"user_name": "pmc@contoso.fr", "password": csp_server::seed::DIRECTORY_PASSWORD})), &a)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    a
}

/// Demo partners (crates/csp-demo-data/data/demo-partners.json): the reseller Contoso, the
/// provider Fabrikam Distribution, another provider in Contoso's region (not authorized), one
/// in another region, and two resellers of Fabrikam.
pub const CONTOSO: &str = csp_demo_data::DEMO_RESELLER_ID;
pub const FABRIKAM: &str = csp_demo_data::DEMO_PROVIDER_ID;
pub const ADVENTURE_WORKS: &str = "5d2c8e1f-9b4a-4c3d-a7e6-1f0b3c5d7e92";
pub const SHANGHAI_PROVIDER: &str = "e6a1b3c5-7d9f-4b2e-8c4a-6f8e0d2b4a17";
pub const MUELLER: &str = "a4f2d6e8-1c3b-4a5d-8e7f-0b9c2d4e6f81";
pub const ALFA_SOFT: &str = "3e9d5b71-8a2c-4f06-b4d1-6c7e2a9f0d38";
/// Contoso's customer with an active subscription, and one without.
pub const BOULANGERIE: &str = "c1a2b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
pub const ROMASHKA: &str = "d2b3c4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e";
/// Contoso's active relationship and its pending request.
pub const ACTIVE_REQUEST: &str = "c8a9b0d1-e2f3-4a4b-9c6d-7e8f9a0b1c2d";
pub const PENDING_REQUEST: &str = "b7f8a9c0-d1e2-4f3a-8b5c-6d7e8f9a0b1c";

impl T {
    /// A customer of Contoso's (no provider), straight into storage; its ID.
    pub async fn contoso_customer(&self, tag: &str) -> String {
        let c = csp_core::customers::Customer {
            id: csp_server::secrets::new_guid().unwrap(),
            company_name: format!("Customer {tag}"),
            primary_domain: format!("{tag}.example"),
            relationship: csp_core::customers::RelationshipKind::IndirectReseller,
            provider_id: None,
            reseller_id: Some(CONTOSO.into()),
            has_active_subscriptions: false,
            tags: vec![],
            accepted: None,
        };
        self.state.store.insert_customer(&c, 0).await.unwrap();
        c.id
    }

    /// An active relationship of Contoso's (accepted today), straight into storage; its ID.
    pub async fn active_request(&self, tag: &str) -> String {
        let today = csp_server::state::today();
        let form = csp_core::relationship::NewRelationshipRequest {
            admin_access: Some(true),
            name: format!("Active {tag}"),
            roles: vec!["directory-readers".into()],
            ..Default::default()
        };
        let id = csp_server::secrets::new_guid().unwrap();
        let r = csp_core::relationship::accept(
            &csp_core::relationship::new_request(&id, &form, today),
            "00000000-0000-4000-8000-000000000001",
            today,
        )
        .unwrap();
        self.state
            .store
            .insert_request(CONTOSO, Some(form.name.to_lowercase()), &r, 0)
            .await
            .unwrap();
        id
    }
}
