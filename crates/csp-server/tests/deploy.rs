//! Deploying: instances starting together on one empty database migrate and seed it once,
//! and the command line (`csp-server`'s subcommands and flags) refuses what it does not know
//! and makes the first accounts with one-time passwords.

mod common;
use csp_core::access::identity_key;
use csp_server::state::AppState;
use csp_server::storage::Store;
use serde_json::json;

/// One instance's start-up: open (migrate) and seed, as `startup::run_on` does with
/// `--demo-data`.
async fn start_up(url: String) -> bool {
    let store = Store::open(&url).await.expect("opened and migrated");
    let state = AppState::new(store, common::test_config(&url), 8090);
    let seeded = csp_server::seed::seed_if_empty(&state)
        .await
        .expect("seeding succeeds or finds it done");
    state.store.close().await;
    seeded
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn instances_starting_together_migrate_and_seed_once() {
    let dir = tempfile::tempdir().unwrap();
    let url = common::test_db_url(&dir).await;
    let runs: Vec<_> = (0..4)
        .map(|_| tokio::spawn(start_up(url.clone())))
        .collect();
    let mut seeded = 0;
    for r in runs {
        seeded += r.await.unwrap() as usize;
    }
    assert_eq!(seeded, 1, "exactly one instance seeds");
    let store = Store::open(&url).await.unwrap();
    let partners = csp_demo_data::demo_partners().partners.len() as i64;
    assert_eq!(
        store.partner_count().await.unwrap(),
        partners + 1,
        "the demo partners and the operator's organization, once"
    );
    assert!(store
        .user_by_key(&identity_key(csp_server::seed::DEMO_OPERATOR))
        .await
        .unwrap()
        .is_some());
    assert!(
        !start_up(url.clone()).await,
        "a later start finds it seeded"
    );
}

#[tokio::test]
async fn without_demo_data_an_empty_database_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let url = common::test_db_url(&dir).await;
    let store = Store::open(&url).await.unwrap();
    let state = AppState::new(store, common::test_config(&url), 8090);
    assert!(!csp_server::config::Config::default().demo_data);
    csp_server::seed::on_start(&state, false).await.unwrap();
    assert_eq!(state.store.partner_count().await.unwrap(), 0);
}

/// `csp-server ARGS`: (status, stdout, stderr).
fn cli(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_csp-server"))
        .args(args)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "warn")
        .output()
        .expect("csp-server runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn line_after<'a>(out: &'a str, label: &str) -> &'a str {
    out.lines()
        .find_map(|l| l.strip_prefix(label))
        .unwrap_or_else(|| panic!("no {label:?} in {out}"))
        .trim()
}

#[test]
fn unknown_flags_and_flags_without_their_value_are_refused_by_name() {
    let (code, _, err) = cli(&["--port", "0", "--no-such-flag"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--no-such-flag"), "{err}");
    let (code, _, err) = cli(&["--dist"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--dist"), "{err}");
    let (code, _, err) = cli(&["create-operator", "ops@example.com", "--bogus", "1"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--bogus"), "{err}");
    let (code, out, _) = cli(&["--help"]);
    assert_eq!(code, 0);
    for c in ["serve", "migrate", "create-operator", "create-partner"] {
        assert!(out.contains(c), "{c} in {out}");
    }
    let (code, out, _) = cli(&["serve", "--help"]);
    assert_eq!(code, 0);
    for f in [
        "--demo-data",
        "CSP_DEMO_DATA",
        "DATABASE_URL",
        "--test-faults",
    ] {
        assert!(out.contains(f), "{f} in {out}");
    }
}

/// The router on a database the command line prepared (nothing seeded).
async fn portal(url: String, dir: tempfile::TempDir) -> common::T {
    let store = Store::open(&url).await.unwrap();
    let state = AppState::new(store, common::test_config(&url), 8090);
    common::T {
        app: csp_server::startup::router(state.clone()),
        state,
        dir,
        url,
    }
}

#[tokio::test]
async fn create_operator_prints_a_one_time_password_to_change_at_first_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    let url = common::test_db_url(&dir).await;
    let (code, out, err) = cli(&["migrate", "--database-url", &url]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("migrated"), "{out}");
    let (code, out, err) = cli(&[
        "create-operator",
        "Reviewer@Operations.Example",
        "--database-url",
        &url,
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        line_after(&out, "sign-in name:"),
        "Reviewer@operations.example"
    );
    let password = line_after(&out, "temporary password:").to_string();
    assert_eq!(password.len(), 19, "{out}");
    let (code, _, err) = cli(&[
        "create-operator",
        "reviewer@operations.example",
        "--database-url",
        &url,
    ]);
    assert_eq!(code, 1, "the same operator twice");
    assert!(err.contains("exists already"), "{err}");

    let t = portal(url, dir).await;
    let r = t
        .call(
            "POST",
            "/session",
            Some(json!({"user_name": "reviewer@operations.example", "password": password})),
            &common::ANON,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["must_change_password"], true);
    let op = t
        .state
        .store
        .user_by_key(&identity_key("reviewer@operations.example"))
        .await
        .unwrap()
        .unwrap();
    assert!(op.operator && op.must_change);
    assert!(op.password_hash.starts_with("$argon2id$"));
}

#[tokio::test]
async fn create_partner_makes_a_partner_whose_global_admin_signs_in() {
    let dir = tempfile::tempdir().unwrap();
    let url = common::test_db_url(&dir).await;
    let (code, out, err) = cli(&[
        "create-partner",
        "--kind",
        "indirect-reseller",
        "--name",
        "Northwind Traders",
        "--country",
        "de",
        "--region",
        "europe",
        "--admin",
        "anna@northwind.example",
        "--admin-name",
        "Anna Schmidt",
        "--domain",
        "northwind.onmicrosoft.com",
        "--domain",
        "northwind.example",
        "--database-url",
        &url,
    ]);
    assert_eq!(code, 0, "{err}");
    let id = line_after(&out, "partner ID:").to_string();
    assert!(csp_core::ids::parse_id(&id).is_ok(), "a GUID: {id}");
    assert_eq!(line_after(&out, "sign-in name:"), "anna@northwind.example");
    let password = line_after(&out, "temporary password:").to_string();
    let (code, _, err) = cli(&[
        "create-partner",
        "--kind",
        "indirect-provider",
        "--name",
        "Nowhere",
        "--country",
        "XX",
        "--region",
        "europe",
        "--admin",
        "x@nowhere.example",
        "--database-url",
        &url,
    ]);
    assert_eq!(code, 1, "an unknown country");
    assert!(err.contains("XX"), "{err}");

    let t = portal(url, dir).await;
    let r = t
        .call(
            "POST",
            "/session",
            Some(json!({"user_name": "anna@northwind.example", "password": password})),
            &common::ANON,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["must_change_password"], true);
    let who = common::who_from(&r, "csp_session");
    assert_eq!(t.call("GET", "/users", None, &who).await.status, 403);
    let r = t
        .call(
            "POST",
            "/session/password",
            Some(json!({"current_password": password, "new_password": "tulip-Orbit-93-lamp"})),
            &who,
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let who = t
        .sign_in("anna@northwind.example", "tulip-Orbit-93-lamp")
        .await;
    let r = t.call("GET", "/users", None, &who).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let users = r.body["items"].as_array().unwrap();
    assert_eq!(users.len(), 1, "{}", r.body);
    assert_eq!(users[0]["email"], "anna@northwind.example");
    assert_eq!(users[0]["admin_role"], "global-admin");
    let r = t.call("GET", "/partner", None, &who).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.body["partner"]["id"].as_str(),
        Some(id.as_str()),
        "{}",
        r.body
    );
    assert_eq!(r.body["kind"], "indirect-reseller");
    assert_eq!(r.body["partner"]["country"], "DE");
    assert_eq!(
        r.body["domains"],
        json!(["northwind.onmicrosoft.com", "northwind.example"])
    );
    assert_eq!(r.body["agreement_signed"], false);
    // The partner pages open once its global admin has signed the partner agreement.
    let closed = t.call("GET", "/customers", None, &who).await;
    assert_eq!(closed.status, 403, "{}", closed.body);
    assert_eq!(closed.body["error"], "agreement-not-signed");
    let agreement = t.call("GET", "/partner/agreement", None, &who).await;
    assert!(agreement.body["signed"].is_null(), "{}", agreement.body);
    let version = agreement.body["version"].clone();
    let r = t
        .call(
            "POST",
            "/partner/agreement",
            Some(json!({"version": version, "name": "Anna Müller", "job_title": "Geschäftsführerin", "accept": true})),
            &who,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["signed"]["user"], "anna@northwind.example");
    assert_eq!(
        t.call("GET", "/customers", None, &who).await.body["customers"],
        json!([]),
        "a new partner has no customers"
    );
}
