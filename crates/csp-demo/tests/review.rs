//! The review in the demo backend, through its JSON routes as the browser calls them, as
//! `crates/csp-server/tests/review.rs` checks the API server: the queue, a request for changes
//! the applicant answers, the approval that makes a partner whose global admin is the enrolling
//! work account and who signs the partner agreement; the transition table, versions, nobody
//! approving their own company, a rejection with its reason, the append-only trail, paging.

use csp_core::api::{ApplicationStatus, SessionInfo, User};
use csp_core::fixtures::french_draft;
use csp_core::mail::Mail;
use csp_demo::backend::{Backend, State};
use csp_demo::review::DEMO_OPERATOR;
use csp_demo::routes::{handle, Answer, Request};
use csp_demo_data::DEMO_ADMIN;
use serde_json::{json, Value};

struct Demo {
    b: Backend,
    token: Option<String>,
}

fn demo() -> Demo {
    let mut n = 0u32;
    let counter = move || {
        n += 1;
        let mut b = [0u8; 16];
        b[..4].copy_from_slice(&n.to_be_bytes());
        b
    };
    Demo {
        b: Backend::new(State::seeded(), counter),
        token: None,
    }
}

struct R {
    status: u16,
    body: Value,
}

fn call(d: &mut Demo, method: &str, path: &str, body: Option<Value>) -> R {
    let raw = body.map(|b| b.to_string()).unwrap_or_default();
    let req = Request {
        method,
        path,
        body: &raw,
        session: d.token.as_deref(),
    };
    let a: Answer = handle(&mut d.b, &req);
    if let Some(t) = &a.session {
        d.token = t.clone();
    }
    R {
        status: a.status,
        body: serde_json::from_str(&a.body).unwrap_or(Value::Null),
    }
}

fn sign_in(d: &mut Demo, user: &str, password: &str) -> SessionInfo {
    let r = call(
        d,
        "POST",
        "/session",
        Some(json!({"user_name": user, "password": password})),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    serde_json::from_value(r.body).unwrap()
}

/// The applicant signs in to `admin@contoso.fr` and submits the French application; the
/// primary contact then follows the link of the email in the demo's outbox.
fn verified(d: &mut Demo, key: &str, language: &str) -> Value {
    let r = call(
        d,
        "POST",
        "/work-account/sign-in",
        Some(json!({"user_name": "admin@contoso.fr", "password": "motdepasse"})),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let r = call(
        d,
        "POST",
        "/applications",
        Some(json!({"idempotency_key": key, "draft": french_draft(), "language": language})),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_string();
    let token =
        d.b.state
            .outbox
            .iter()
            .rev()
            .find_map(|m| match &m.mail {
                Mail::ConfirmAddress {
                    reference, link, ..
                } if *reference == r.body["reference"] => {
                    link.rsplit_once('#').map(|(_, t)| t.to_string())
                }
                _ => None,
            })
            .expect("the confirmation email");
    let v = call(
        d,
        "POST",
        "/email-verifications",
        Some(json!({ "token": token })),
    );
    assert_eq!(v.status, 200, "{}", v.body);
    let app = call(d, "GET", &format!("/applications/{id}"), None).body;
    assert_eq!(app["status"], "in-review");
    app
}

fn decide(d: &mut Demo, id: &str, body: Value) -> R {
    call(
        d,
        "POST",
        &format!("/review/applications/{id}/decisions"),
        Some(body),
    )
}

#[test]
fn changes_requested_then_resubmitted_then_approved_makes_a_partner() {
    let mut d = demo();
    let app = verified(&mut d, "k1", "fr");
    let id = app["id"].as_str().unwrap().to_string();
    let op = sign_in(&mut d, DEMO_OPERATOR, "demo");
    assert!(op.operator);

    let q = call(
        &mut d,
        "GET",
        "/review/applications?status=in-review&country=FR",
        None,
    );
    assert_eq!(q.status, 200, "{}", q.body);
    let item = &q.body["items"][0];
    assert_eq!(item["id"], id.as_str());
    assert_eq!(item["company"], "Contoso SARL");
    assert_eq!(item["partner_type"], "indirect-reseller");
    let none = call(&mut d, "GET", "/review/applications?country=DE", None);
    assert_eq!(none.body["items"], json!([]));
    let page = call(&mut d, "GET", &format!("/review/applications/{id}"), None);
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(page.body["draft"]["legal"]["legal_name"], "Contoso SARL");
    assert!(page.body["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["check"] == "email-domain"));
    let v = app["version"].as_i64().unwrap();

    let r = decide(
        &mut d,
        &id,
        json!({"action": "request-changes", "version": v}),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    let fields: Vec<_> = r.body["field_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].clone())
        .collect();
    assert_eq!(
        fields,
        vec![json!("decision.steps"), json!("decision.message")]
    );
    let r = decide(
        &mut d,
        &id,
        json!({"action": "request-changes", "version": v, "steps": ["bank"], "message": "Le titulaire du compte doit être Contoso SARL."}),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "needs-changes");

    let mine = call(&mut d, "GET", &format!("/applications/{id}"), None);
    assert_eq!(mine.body["review"]["steps"], json!(["bank"]));
    // The French email says the same (the demo's outbox).
    let mail = d
        .b
        .state
        .outbox
        .iter()
        .find(|m| {
            matches!(&m.mail, Mail::StatusChanged { status: ApplicationStatus::NeedsChanges, note: Some(n), .. } if n.steps == [csp_core::enrollment::Step::Bank])
        })
        .expect("the email of the request for changes");
    assert_eq!(mail.language, "fr");
    assert_eq!(
        mine.body["review"]["message"],
        "Le titulaire du compte doit être Contoso SARL."
    );

    // Resubmit: the applicant's own answers, on the version seen, once per key.
    let answers = call(&mut d, "GET", &format!("/applications/{id}/answers"), None);
    assert_eq!(answers.status, 200, "{}", answers.body);
    let mut draft = answers.body.clone();
    draft["bank"]["account_holder"] = json!("Contoso SARL");
    let v = mine.body["version"].as_i64().unwrap();
    let put =
        |d: &mut Demo, body: Value| call(d, "PUT", &format!("/applications/{id}"), Some(body));
    let stale = put(
        &mut d,
        json!({"idempotency_key": "r1", "version": v - 1, "draft": draft}),
    );
    assert_eq!(stale.status, 409, "{}", stale.body);
    assert_eq!(stale.body["field_errors"][0]["code"], "review-stale");
    let body = json!({"idempotency_key": "r1", "version": v, "draft": draft});
    let back = put(&mut d, body.clone());
    assert_eq!(back.status, 200, "{}", back.body);
    assert_eq!(back.body["status"], "in-review");
    assert_eq!(back.body["reference"], app["reference"]);
    let again = put(&mut d, body);
    assert_eq!(again.status, 200);
    assert_eq!(again.body["version"], back.body["version"]);

    // Approve: the partner exists, its global admin is the work account that enrolled.
    let v = back.body["version"].as_i64().unwrap();
    let r = decide(&mut d, &id, json!({"action": "approve", "version": v - 1}));
    assert_eq!(r.status, 409);
    let r = decide(&mut d, &id, json!({"action": "approve", "version": v}));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "approved");
    sign_in(&mut d, "admin@contoso.fr", "motdepasse");
    let me = call(&mut d, "GET", "/partner", None);
    assert_eq!(me.status, 200, "{}", me.body);
    assert_eq!(me.body["partner"]["name"], "Contoso SARL");
    assert_eq!(me.body["partner"]["region"], "europe");
    assert_eq!(me.body["kind"], "indirect-reseller");
    assert_eq!(me.body["agreement_signed"], false);
    let closed = call(&mut d, "GET", "/customers", None);
    assert_eq!(closed.status, 403);
    assert_eq!(
        closed.body["field_errors"][0]["code"],
        "agreement-not-signed"
    );
    let agreement = call(&mut d, "GET", "/partner/agreement", None);
    assert_eq!(agreement.body["signed"], Value::Null);
    let version = agreement.body["version"].clone();
    let r = call(
        &mut d,
        "POST",
        "/partner/agreement",
        Some(
            json!({"version": "1999-01", "name": "Élodie Martin", "job_title": "Gérante", "accept": true}),
        ),
    );
    assert_eq!(r.status, 422);
    assert_eq!(r.body["field_errors"][0]["code"], "agreement-version");
    let r = call(
        &mut d,
        "POST",
        "/partner/agreement",
        Some(json!({"version": version, "name": "", "job_title": "Gérante", "accept": false})),
    );
    assert_eq!(r.status, 422);
    let r = call(
        &mut d,
        "POST",
        "/partner/agreement",
        Some(
            json!({"version": version, "name": "Élodie Martin", "job_title": "Gérante", "accept": true}),
        ),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["signed"]["name"], "Élodie Martin");
    assert_eq!(r.body["signed"]["user"], "admin@contoso.fr");
    let open = call(&mut d, "GET", "/customers", None);
    assert_eq!(open.status, 200, "{}", open.body);
    let me = call(&mut d, "GET", "/partner", None);
    assert_eq!(me.body["agreement_signed"], true);
    let added = call(
        &mut d,
        "POST",
        "/users",
        Some(
            json!({"name": "Luc Bernard", "email": "luc.bernard@contoso.fr", "agent_role": "sales-agent", "admin_role": null}),
        ),
    );
    assert_eq!(added.status, 201, "{}", added.body);

    // The audit trail, oldest first, read by the operator.
    sign_in(&mut d, DEMO_OPERATOR, "demo");
    let page = call(&mut d, "GET", &format!("/review/applications/{id}"), None);
    let events: Vec<_> = page.body["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        events,
        [
            "submitted",
            "email-verified",
            "request-changes",
            "resubmit",
            "approve"
        ]
    );
    let approve = &page.body["history"][4];
    assert_eq!(approve["actor"], DEMO_OPERATOR);
    assert_eq!(
        (approve["from"].clone(), approve["to"].clone()),
        (json!("in-review"), json!("approved"))
    );
    let r = decide(
        &mut d,
        &id,
        json!({"action": "reject", "version": v + 1, "reason": "other", "message": "x"}),
    );
    assert_eq!(r.status, 409);
    assert_eq!(r.body["field_errors"][0]["code"], "review-transition");

    // What the browser keeps reads back with the partner, its signature and the trail, and
    // holds no account number.
    let stored = serde_json::to_string(&d.b.state).unwrap();
    assert!(!stored.contains("34567890"), "an IBAN in the stored state");
    let back: State = serde_json::from_str(&stored).unwrap();
    assert_eq!(back.review.records, d.b.state.review.records);
    assert_eq!(back.partners, d.b.state.partners);
    assert_eq!(back.review.signatures, d.b.state.review.signatures);
    let page = call(&mut d, "GET", &format!("/review/applications/{id}"), None);
    assert_eq!(
        page.body["draft"]["bank"]["iban"],
        "FR7630006000011234567890189"
    );
}

#[test]
fn a_rejection_in_russian_tells_the_reason() {
    let mut d = demo();
    let app = verified(&mut d, "k", "ru");
    let id = app["id"].as_str().unwrap().to_string();
    sign_in(&mut d, DEMO_OPERATOR, "demo");
    let v = app["version"].as_i64().unwrap();
    let r = decide(
        &mut d,
        &id,
        json!({"action": "reject", "version": v, "message": "Домен не принадлежит компании."}),
    );
    assert_eq!(r.status, 422);
    assert_eq!(r.body["field_errors"][0]["field"], "decision.reason");
    let r = decide(
        &mut d,
        &id,
        json!({"action": "reject", "version": v, "reason": "domain-not-owned", "message": "Домен не принадлежит компании."}),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "rejected");
    assert_eq!(r.body["review"]["reason"], "domain-not-owned");
    let trail = call(&mut d, "GET", &format!("/review/applications/{id}"), None);
    assert_eq!(trail.body["history"].as_array().unwrap().len(), 3);
    // The resubmit action is the applicant's, never a decision.
    let r = decide(&mut d, &id, json!({"action": "resubmit", "version": v + 1}));
    assert_eq!(r.status, 422);
}

#[test]
fn nothing_before_verification_stale_decisions_and_not_ones_own_company() {
    let mut d = demo();
    let r = call(
        &mut d,
        "POST",
        "/work-account/sign-in",
        Some(json!({"user_name": "admin@contoso.fr", "password": "motdepasse"})),
    );
    assert_eq!(r.status, 200);
    let r = call(
        &mut d,
        "POST",
        "/applications",
        Some(json!({"idempotency_key": "k", "draft": french_draft(), "language": "en"})),
    );
    let waiting = r.body["id"].as_str().unwrap().to_string();
    sign_in(&mut d, DEMO_OPERATOR, "demo");
    let r = decide(&mut d, &waiting, json!({"action": "approve", "version": 1}));
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(r.body["field_errors"][0]["code"], "review-transition");
    assert_eq!(
        r.body["field_errors"][0]["args"]["status"],
        "awaiting-email-verification"
    );

    let app = verified(&mut d, "k2", "en");
    let id = app["id"].as_str().unwrap().to_string();
    let v = app["version"].as_i64().unwrap();
    // An operator at the applicant's own domain may not approve it.
    let ines = User {
        id: "USR-INES".into(),
        name: "Inès".into(),
        email: "ines@contoso.fr".into(),
        agent_role: None,
        admin_role: None,
        partner_id: "PTN-OPERATIONS".into(),
        partner_kind: None,
    };
    d.b.state.users.push(ines.clone());
    d.b.state.credentials.push((
        ines.id.clone(),
        csp_demo::seed::password_hash(&ines.email, "Reviewer-pass-1"),
    ));
    d.b.state.review.operators.push(ines.id.clone());
    sign_in(&mut d, "ines@contoso.fr", "Reviewer-pass-1");
    let r = decide(&mut d, &id, json!({"action": "approve", "version": v}));
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.body["field_errors"][0]["code"], "review-own-company");

    // Two decisions on the same version: the second is stale.
    sign_in(&mut d, DEMO_OPERATOR, "demo");
    let body = |action: &str| json!({"action": action, "version": v, "steps": ["legal"], "reason": "other", "message": "Pourquoi ?"});
    assert_eq!(decide(&mut d, &id, body("request-changes")).status, 200);
    let r = decide(&mut d, &id, body("reject"));
    assert_eq!(r.status, 409);
    assert_eq!(r.body["field_errors"][0]["code"], "review-stale");
    assert_eq!(r.body["field_errors"][0]["args"]["status"], "needs-changes");

    // Not an operator: 403 on every review route; nobody: 401.
    sign_in(&mut d, DEMO_ADMIN, "demo");
    for (method, path) in [
        ("GET", "/review/applications".to_string()),
        ("GET", format!("/review/applications/{id}")),
        ("POST", format!("/review/applications/{id}/decisions")),
    ] {
        let r = call(
            &mut d,
            method,
            &path,
            Some(json!({"action": "approve", "version": v})),
        );
        assert_eq!(r.status, 403, "{method} {path}");
    }
    d.token = None;
    assert_eq!(
        call(&mut d, "GET", "/review/applications", None).status,
        401
    );
    // The demo partners have signed.
    sign_in(&mut d, DEMO_ADMIN, "demo");
    let a = call(&mut d, "GET", "/partner/agreement", None);
    assert_eq!(a.body["signed"]["version"], a.body["version"]);
    assert_eq!(
        call(&mut d, "GET", "/partner", None).body["agreement_signed"],
        true
    );

    // The queue pages, oldest first, and refuses a forged cursor or too large a limit.
    sign_in(&mut d, DEMO_OPERATOR, "demo");
    let q = call(&mut d, "GET", "/review/applications?limit=1", None);
    assert_eq!(q.body["items"][0]["id"], waiting.as_str());
    let next = q.body["next_cursor"].as_str().unwrap().to_string();
    let q2 = call(
        &mut d,
        "GET",
        &format!("/review/applications?limit=1&cursor={next}"),
        None,
    );
    assert_eq!(q2.body["items"][0]["id"], id.as_str());
    assert_eq!(q2.body["next_cursor"], Value::Null);
    for bad in ["cursor=nope", "limit=1000", "status=lost", "partner_type=x"] {
        let r = call(&mut d, "GET", &format!("/review/applications?{bad}"), None);
        assert_eq!(r.status, 400, "{bad}");
    }
}

/// A state stored before the review existed reads back, and its partners stay open.
#[test]
fn an_older_stored_state_reads_back() {
    let mut v = serde_json::to_value(State::seeded()).unwrap();
    v.as_object_mut().unwrap().remove("review");
    for p in v["partners"].as_array_mut().unwrap() {
        p.as_object_mut().unwrap().remove("agreement_signed");
    }
    let state: State = serde_json::from_value(v).unwrap();
    let mut d = Demo {
        b: Backend::new(state, || [7; 16]),
        token: None,
    };
    sign_in(&mut d, DEMO_ADMIN, "demo");
    assert_eq!(call(&mut d, "GET", "/customers", None).status, 200);
}

/// A partner already enrolled in CSP has its account: approving records the decision and makes
/// no other partner, as on the server.
#[test]
fn approving_a_partner_already_enrolled_makes_no_other_partner() {
    let mut d = demo();
    let r = call(
        &mut d,
        "POST",
        "/work-account/sign-in",
        Some(json!({"user_name": "admin@contoso.fr", "password": "motdepasse"})),
    );
    assert_eq!(r.status, 200);
    let mut draft = french_draft();
    draft.already_enrolled = true;
    let r = call(
        &mut d,
        "POST",
        "/applications",
        Some(json!({"idempotency_key": "e1", "draft": draft, "language": "fr"})),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_string();
    d.b.set_status(&id, ApplicationStatus::InReview).unwrap();
    let partners = d.b.state.partners.len();
    sign_in(&mut d, DEMO_OPERATOR, "demo");
    let r = decide(&mut d, &id, json!({"action": "approve", "version": 1}));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "approved");
    assert_eq!(d.b.state.partners.len(), partners);
}

fn assign(d: &mut Demo, id: &str, body: Value) -> R {
    call(
        d,
        "POST",
        &format!("/review/applications/{id}/assignment"),
        Some(body),
    )
}

/// The queue's IDs "assigned to me".
fn mine(d: &mut Demo) -> Vec<Value> {
    let r = call(d, "GET", "/review/applications?assigned_to_me=true", None);
    assert_eq!(r.status, 200, "{}", r.body);
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].clone())
        .collect()
}

#[test]
fn operators_take_take_over_and_give_back_applications_recorded_in_the_trail() {
    let mut d = demo();
    let app = verified(&mut d, "k1", "fr");
    let id = app["id"].as_str().unwrap().to_string();
    // A second operator, as the deployment's command would make one.
    let ben = User {
        id: "USR-BEN".into(),
        name: "Ben".into(),
        email: "ben@csp-operations.example".into(),
        agent_role: None,
        admin_role: None,
        partner_id: "PTN-OPERATIONS".into(),
        partner_kind: None,
    };
    d.b.state.credentials.push((
        ben.id.clone(),
        csp_demo::seed::password_hash(&ben.email, "demo"),
    ));
    d.b.state.review.operators.push(ben.id.clone());
    d.b.state.users.push(ben);

    sign_in(&mut d, DEMO_OPERATOR, "demo");
    let r = assign(&mut d, &id, json!({"action": "take"}));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["assignee"], DEMO_OPERATOR);
    assert_eq!(assign(&mut d, &id, json!({"action": "take"})).status, 200);
    assert_eq!(mine(&mut d), vec![json!(id)]);

    sign_in(&mut d, "ben@csp-operations.example", "demo");
    assert!(mine(&mut d).is_empty());
    let r = assign(&mut d, &id, json!({"action": "take", "seen": null}));
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(r.body["field_errors"][0]["field"], "assignment.action");
    assert_eq!(r.body["field_errors"][0]["code"], "assignment-stale");
    let r = assign(
        &mut d,
        &id,
        json!({"action": "release", "seen": DEMO_OPERATOR}),
    );
    assert_eq!(r.body["field_errors"][0]["code"], "assignment-not-yours");
    let r = assign(
        &mut d,
        &id,
        json!({"action": "take", "seen": DEMO_OPERATOR}),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["assignee"], "ben@csp-operations.example");
    let r = call(&mut d, "GET", "/review/applications", None);
    assert_eq!(r.body["items"][0]["assignee"], "ben@csp-operations.example");
    let r = assign(
        &mut d,
        &id,
        json!({"action": "release", "seen": "ben@csp-operations.example"}),
    );
    assert_eq!(r.body["assignee"], Value::Null);

    let read = call(&mut d, "GET", &format!("/review/applications/{id}"), None);
    assert_eq!(read.body["assignee"], Value::Null);
    assert_eq!(read.body["application"]["version"], app["version"]);
    let lines: Vec<(Value, Value, Value)> = read.body["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "take" || e["event"] == "release")
        .map(|e| {
            (
                e["event"].clone(),
                e["actor"].clone(),
                e["taken_from"].clone(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        vec![
            (json!("take"), json!(DEMO_OPERATOR), Value::Null),
            (
                json!("take"),
                json!("ben@csp-operations.example"),
                json!(DEMO_OPERATOR)
            ),
            (
                json!("release"),
                json!("ben@csp-operations.example"),
                Value::Null
            ),
        ]
    );
    let r = call(
        &mut d,
        "GET",
        "/review/applications?assigned_to_me=maybe",
        None,
    );
    assert_eq!(r.status, 400);
    assert_eq!(
        assign(&mut d, "nope", json!({"action": "take"})).status,
        404
    );
}
