//! The review, through the API: the queue, a request for changes the applicant answers, the
//! approval that makes a partner whose global admin is the enrolling work account and who
//! signs the partner agreement; the transition table, versions (two decisions at once), nobody
//! approving their own company, rejection with a reason, the append-only audit trail, and the
//! emails each decision queues. On SQLite, and on PostgreSQL under `scripts/postgres-tests.sh`.

mod common;
use axum::http::StatusCode;
use common::*;
use csp_core::access::identity_key;
use csp_server::rows::UserRow;
use serde_json::{json, Value};

/// Submits the French application in `language` and follows its verification link: the
/// application (in review) and the applicant's session.
async fn verified(t: &T, language: &str) -> (Value, Who) {
    let a = enrolling(t).await;
    let r = t
        .call(
            "POST",
            "/applications",
            Some(json!({"idempotency_key": csp_server::secrets::new_id("k").unwrap(), "draft": french_draft(), "language": language})),
            &a,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_string();
    let reference = r.body["reference"].clone();
    let token = t
        .outbox()
        .await
        .iter()
        .filter(|(_, _, m, _)| m["reference"] == reference)
        .filter_map(|(_, _, m, _)| m["link"].as_str().map(str::to_string))
        .find(|l| l.contains("/verify-email#"))
        .unwrap()
        .rsplit_once('#')
        .unwrap()
        .1
        .to_string();
    let v = t
        .call(
            "POST",
            "/email-verifications",
            Some(json!({ "token": token })),
            &ANON,
        )
        .await;
    assert_eq!(v.status, StatusCode::OK, "{}", v.body);
    let app = t
        .call("GET", &format!("/applications/{id}"), None, &a)
        .await;
    assert_eq!(app.body["status"], "in-review");
    (app.body, a)
}

async fn operator(t: &T) -> Who {
    t.sign_in(csp_server::seed::DEMO_OPERATOR, "demo").await
}

async fn decide(t: &T, id: &str, body: Value, who: &Who) -> common::Resp {
    t.call(
        "POST",
        &format!("/review/applications/{id}/decisions"),
        Some(body),
        who,
    )
    .await
}

#[tokio::test]
async fn changes_requested_then_resubmitted_then_approved_makes_a_partner() {
    let t = new().await;
    let (app, applicant) = verified(&t, "fr").await;
    let id = app["id"].as_str().unwrap();
    let op = operator(&t).await;

    let q = t
        .call(
            "GET",
            "/review/applications?status=in-review&country=FR",
            None,
            &op,
        )
        .await;
    assert_eq!(q.status, StatusCode::OK, "{}", q.body);
    let item = &q.body["items"][0];
    assert_eq!(item["id"], id);
    assert_eq!(item["company"], "Contoso SARL");
    assert_eq!(item["partner_type"], "indirect-reseller");
    let page = t
        .call("GET", &format!("/review/applications/{id}"), None, &op)
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(page.body["draft"]["legal"]["legal_name"], "Contoso SARL");
    let checks = page.body["checks"].as_array().unwrap();
    assert!(checks
        .iter()
        .any(|c| c["check"] == "email-verified" && c["outcome"] == "ok"));
    let v = app["version"].as_i64().unwrap();

    // Request changes says what and why.
    let r = decide(
        &t,
        id,
        json!({"action": "request-changes", "version": v}),
        &op,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
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
    let r = decide(&t, id, json!({"action": "request-changes", "version": v, "steps": ["bank"], "message": "Le titulaire du compte doit être Contoso SARL."}), &op).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["status"], "needs-changes");

    // The applicant reads it, on the status page and in the French email.
    let mine = t
        .call("GET", &format!("/applications/{id}"), None, &applicant)
        .await;
    assert_eq!(mine.body["review"]["steps"], json!(["bank"]));
    assert_eq!(
        mine.body["review"]["message"],
        "Le titulaire du compte doit être Contoso SARL."
    );
    let (_, lang, mail, _) = t
        .outbox()
        .await
        .into_iter()
        .find(|(_, _, m, _)| m["status"] == "needs-changes")
        .unwrap();
    assert_eq!(lang, "fr");
    assert_eq!(mail["note"]["steps"], json!(["bank"]));

    // Resubmit: on the version seen, once per key.
    let answers = t
        .call(
            "GET",
            &format!("/applications/{id}/answers"),
            None,
            &applicant,
        )
        .await;
    assert_eq!(answers.status, StatusCode::OK, "{}", answers.body);
    let mut draft = answers.body.clone();
    draft["bank"]["account_holder"] = json!("Contoso SARL");
    let v = mine.body["version"].as_i64().unwrap();
    let stale = t
        .call(
            "PUT",
            &format!("/applications/{id}"),
            Some(json!({"idempotency_key": "r1", "version": v - 1, "draft": draft})),
            &applicant,
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_eq!(stale.body["field_errors"][0]["code"], "review-stale");
    let body = json!({"idempotency_key": "r1", "version": v, "draft": draft});
    let back = t
        .call(
            "PUT",
            &format!("/applications/{id}"),
            Some(body.clone()),
            &applicant,
        )
        .await;
    assert_eq!(back.status, StatusCode::OK, "{}", back.body);
    assert_eq!(back.body["status"], "in-review");
    assert_eq!(back.body["reference"], app["reference"]);
    let again = t
        .call(
            "PUT",
            &format!("/applications/{id}"),
            Some(body),
            &applicant,
        )
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body["version"], back.body["version"]);

    // Approve: the partner exists, its global admin is the work account that enrolled.
    let v = back.body["version"].as_i64().unwrap();
    let r = decide(&t, id, json!({"action": "approve", "version": v - 1}), &op).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let r = decide(&t, id, json!({"action": "approve", "version": v}), &op).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["status"], "approved");
    let admin = t
        .sign_in("admin@contoso.fr", csp_server::seed::DIRECTORY_PASSWORD)
        .await;
    let me = t.call("GET", "/partner", None, &admin).await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.body);
    assert_eq!(me.body["partner"]["name"], "Contoso SARL");
    assert_eq!(me.body["partner"]["region"], "europe");
    assert_eq!(me.body["kind"], "indirect-reseller");
    assert_eq!(me.body["agreement_signed"], false);
    let closed = t.call("GET", "/customers", None, &admin).await;
    assert_eq!(closed.status, StatusCode::FORBIDDEN);
    assert_eq!(
        closed.body["field_errors"][0]["code"],
        "agreement-not-signed"
    );
    let agreement = t.call("GET", "/partner/agreement", None, &admin).await;
    let version = agreement.body["version"].clone();
    let r = t.call("POST", "/partner/agreement", Some(json!({"version": "1999-01", "name": "Élodie Martin", "job_title": "Gérante", "accept": true})), &admin).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["field_errors"][0]["code"], "agreement-version");
    let r = t
        .call(
            "POST",
            "/partner/agreement",
            Some(json!({"version": version, "name": "", "job_title": "Gérante", "accept": false})),
            &admin,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t.call("POST", "/partner/agreement", Some(json!({"version": version, "name": "Élodie Martin", "job_title": "Gérante", "accept": true})), &admin).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["signed"]["name"], "Élodie Martin");
    let open = t.call("GET", "/customers", None, &admin).await;
    assert_eq!(open.status, StatusCode::OK, "{}", open.body);
    let added = t
        .call("POST", "/users", Some(json!({"name": "Luc Bernard", "email": "luc.bernard@contoso.fr", "agent_role": "sales-agent", "admin_role": null})), &admin)
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);

    // The audit trail, oldest first.
    let page = t
        .call("GET", &format!("/review/applications/{id}"), None, &op)
        .await;
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
    assert_eq!(approve["actor"], csp_server::seed::DEMO_OPERATOR);
    assert_eq!(
        (approve["from"].clone(), approve["to"].clone()),
        (json!("in-review"), json!("approved"))
    );
    // Final: nothing more.
    let r = decide(
        &t,
        id,
        json!({"action": "reject", "version": v + 1, "reason": "other", "message": "x"}),
        &op,
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.body["field_errors"][0]["code"], "review-transition");
}

#[tokio::test]
async fn a_rejection_in_russian_tells_the_reason_and_the_trail_cannot_be_changed() {
    let t = new().await;
    let (app, applicant) = verified(&t, "ru").await;
    let id = app["id"].as_str().unwrap();
    let op = operator(&t).await;
    let v = app["version"].as_i64().unwrap();
    let r = decide(
        &t,
        id,
        json!({"action": "reject", "version": v, "message": "Домен не принадлежит компании."}),
        &op,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["field_errors"][0]["field"], "decision.reason");
    let r = decide(&t, id, json!({"action": "reject", "version": v, "reason": "domain-not-owned", "message": "Домен не принадлежит компании."}), &op).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let mine = t
        .call("GET", &format!("/applications/{id}"), None, &applicant)
        .await;
    assert_eq!(mine.body["status"], "rejected");
    assert_eq!(mine.body["review"]["reason"], "domain-not-owned");
    let (_, lang, mail, _) = t
        .outbox()
        .await
        .into_iter()
        .find(|(_, _, m, _)| m["status"] == "rejected")
        .unwrap();
    assert_eq!(lang, "ru");
    assert_eq!(mail["note"]["message"], "Домен не принадлежит компании.");

    let pool = sqlx::AnyPool::connect(&t.url).await.unwrap();
    assert!(
        sqlx::query("UPDATE application_events SET message = 'edited'")
            .execute(&pool)
            .await
            .is_err()
    );
    assert!(sqlx::query("DELETE FROM application_events")
        .execute(&pool)
        .await
        .is_err());
    let trail = t
        .call("GET", &format!("/review/applications/{id}"), None, &op)
        .await;
    assert_eq!(trail.body["history"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn nothing_before_verification_one_of_two_decisions_and_not_ones_own_company() {
    let t = new().await;
    let a = enrolling(&t).await;
    let r = t
        .call(
            "POST",
            "/applications",
            Some(json!({"idempotency_key": "k", "draft": french_draft(), "language": "en"})),
            &a,
        )
        .await;
    let id = r.body["id"].as_str().unwrap().to_string();
    let op = operator(&t).await;
    let r = decide(&t, &id, json!({"action": "approve", "version": 1}), &op).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(r.body["field_errors"][0]["code"], "review-transition");
    assert_eq!(
        r.body["field_errors"][0]["args"]["status"],
        "awaiting-email-verification"
    );

    let (app, _) = verified(&t, "en").await;
    let id = app["id"].as_str().unwrap().to_string();
    let v = app["version"].as_i64().unwrap();
    // An operator at the applicant's own domain may not approve it.
    let ops_partner = t
        .state
        .store
        .user_by_key(&identity_key(csp_server::seed::DEMO_OPERATOR))
        .await
        .unwrap()
        .unwrap()
        .partner_id;
    let own = UserRow {
        id: csp_server::secrets::new_id("usr").unwrap(),
        partner_id: ops_partner,
        name: "Inès".into(),
        email: "ines@contoso.fr".into(),
        email_key: identity_key("ines@contoso.fr"),
        agent_role: None,
        admin_role: None,
        operator: true,
        password_hash: t.state.hasher.hash("Reviewer-pass-1").unwrap(),
        must_change: false,
        partner_kind: None,
    };
    t.state.store.insert_user(&own, 0).await.unwrap();
    let ines = t.sign_in("ines@contoso.fr", "Reviewer-pass-1").await;
    let r = decide(&t, &id, json!({"action": "approve", "version": v}), &ines).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.body["field_errors"][0]["code"], "review-own-company");

    // Two operators decide at the same moment on the same version: one wins.
    let body = |action: &str| json!({"action": action, "version": v, "steps": ["legal"], "reason": "other", "message": "Pourquoi ?"});
    let (x, y) = tokio::join!(
        decide(&t, &id, body("request-changes"), &op),
        decide(&t, &id, body("reject"), &op)
    );
    let mut statuses = [x.status.as_u16(), y.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{} / {}", x.body, y.body);

    // Not an operator: 403 on every review route.
    let partner = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    assert_eq!(
        t.call("GET", "/review/applications", None, &partner)
            .await
            .status,
        403
    );
    assert_eq!(
        t.call("GET", &format!("/review/applications/{id}"), None, &partner)
            .await
            .status,
        403
    );
    assert_eq!(
        decide(
            &t,
            &id,
            json!({"action": "approve", "version": v}),
            &partner
        )
        .await
        .status,
        403
    );
    // The queue pages, oldest first, and refuses a forged cursor.
    let q = t
        .call("GET", "/review/applications?limit=1", None, &op)
        .await;
    assert_eq!(q.body["items"].as_array().unwrap().len(), 1);
    let next = q.body["next_cursor"].as_str().unwrap().to_string();
    let q2 = t
        .call(
            "GET",
            &format!("/review/applications?limit=1&cursor={next}"),
            None,
            &op,
        )
        .await;
    assert_ne!(q2.body["items"][0]["id"], q.body["items"][0]["id"]);
    assert_eq!(
        t.call("GET", "/review/applications?cursor=nope", None, &op)
            .await
            .status,
        400
    );
    // Any other hex cursor is a place in the order: before all ("00"), after all ("7a" = "z").
    let all = t
        .call("GET", "/review/applications?cursor=00", None, &op)
        .await;
    assert_eq!(
        all.body["items"].as_array().unwrap().len(),
        2,
        "{}",
        all.body
    );
    let none = t
        .call("GET", "/review/applications?cursor=7a", None, &op)
        .await;
    assert_eq!(none.body["items"], json!([]));
    for bad in ["FRA", "00", ""] {
        let r = t
            .call(
                "GET",
                &format!("/review/applications?country={bad}"),
                None,
                &op,
            )
            .await;
        assert_eq!(r.status, 400, "country={bad}");
    }
    let fr = t
        .call("GET", "/review/applications?country=fr", None, &op)
        .await;
    assert_eq!(fr.status, 200);
    assert_eq!(
        t.call("GET", "/review/applications?limit=1000", None, &op)
            .await
            .status,
        400
    );
}

/// A second operator of the program, signed in.
async fn second_operator(t: &T) -> Who {
    let ops = t
        .state
        .store
        .user_by_key(&identity_key(csp_server::seed::DEMO_OPERATOR))
        .await
        .unwrap()
        .unwrap()
        .partner_id;
    let row = UserRow {
        id: csp_server::secrets::new_id("usr").unwrap(),
        partner_id: ops,
        name: "Ben".into(),
        email: "ben@csp-operations.example".into(),
        email_key: identity_key("ben@csp-operations.example"),
        agent_role: None,
        admin_role: None,
        operator: true,
        password_hash: t.state.hasher.hash("Reviewer-pass-2").unwrap(),
        must_change: false,
        partner_kind: None,
    };
    t.state.store.insert_user(&row, 0).await.unwrap();
    t.sign_in("ben@csp-operations.example", "Reviewer-pass-2")
        .await
}

async fn assign(t: &T, id: &str, body: Value, who: &Who) -> common::Resp {
    t.call(
        "POST",
        &format!("/review/applications/{id}/assignment"),
        Some(body),
        who,
    )
    .await
}

#[tokio::test]
async fn operators_take_take_over_and_give_back_applications_recorded_in_the_trail() {
    let t = new().await;
    let (app, applicant) = verified(&t, "fr").await;
    let id = app["id"].as_str().unwrap().to_string();
    let ana = operator(&t).await;
    let ben = second_operator(&t).await;
    let ana_name = csp_server::seed::DEMO_OPERATOR;
    let mine = "/review/applications?assigned_to_me=true";
    let ids = |r: &common::Resp| -> Vec<String> {
        r.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };

    // Nobody has it: Ana takes it; the queue shows her, and it is hers only.
    let q = t.call("GET", "/review/applications", None, &ana).await;
    let row = q.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(row["assignee"], Value::Null);
    let r = assign(&t, &id, json!({"action": "take"}), &ana).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["assignee"], ana_name);
    // Retried: the same answer, one line in the trail.
    let r = assign(&t, &id, json!({"action": "take"}), &ana).await;
    assert_eq!(r.body["assignee"], ana_name);
    assert_eq!(
        ids(&t.call("GET", mine, None, &ana).await),
        vec![id.clone()]
    );
    assert!(ids(&t.call("GET", mine, None, &ben).await).is_empty());
    let read = t
        .call("GET", &format!("/review/applications/{id}"), None, &ben)
        .await;
    assert_eq!(read.body["assignee"], ana_name);

    // Ben, who read it before Ana took it, cannot take it over unseen, nor give it back.
    let r = assign(&t, &id, json!({"action": "take", "seen": null}), &ben).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(r.body["field_errors"][0]["field"], "assignment.action");
    assert_eq!(r.body["field_errors"][0]["code"], "assignment-stale");
    let r = assign(
        &t,
        &id,
        json!({"action": "release", "seen": ana_name}),
        &ben,
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(r.body["field_errors"][0]["code"], "assignment-not-yours");
    assert_eq!(r.body["field_errors"][0]["args"]["assignee"], ana_name);
    // Having seen Ana has it, he takes it over; then gives it back.
    let r = assign(&t, &id, json!({"action": "take", "seen": ana_name}), &ben).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["assignee"], "ben@csp-operations.example");
    assert!(ids(&t.call("GET", mine, None, &ana).await).is_empty());
    let r = assign(
        &t,
        &id,
        json!({"action": "release", "seen": "ben@csp-operations.example"}),
        &ben,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["assignee"], Value::Null);

    // Taking changes neither the status nor the version the applicant resubmits on.
    let after = t
        .call("GET", &format!("/applications/{id}"), None, &applicant)
        .await;
    assert_eq!(after.body["version"], app["version"]);
    assert_eq!(after.body["status"], "in-review");

    // The trail: each take and release, who, and from whom it was taken over.
    let read = t
        .call("GET", &format!("/review/applications/{id}"), None, &ana)
        .await;
    let lines: Vec<(String, String, Value)> = read.body["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "take" || e["event"] == "release")
        .map(|e| {
            (
                e["event"].as_str().unwrap().to_string(),
                e["actor"].as_str().unwrap().to_string(),
                e["taken_from"].clone(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        vec![
            ("take".into(), ana_name.into(), Value::Null),
            (
                "take".into(),
                "ben@csp-operations.example".into(),
                json!(ana_name)
            ),
            (
                "release".into(),
                "ben@csp-operations.example".into(),
                Value::Null
            ),
        ]
    );

    // Decided applications are not taken; the applicant and partners may not assign; an
    // unknown application is 404 and a filter other than true or false is 400.
    let v = app["version"].as_i64().unwrap();
    let r = decide(&t, &id, json!({"action": "approve", "version": v}), &ana).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = assign(&t, &id, json!({"action": "take"}), &ana).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(r.body["field_errors"][0]["code"], "review-transition");
    let partner = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    for who in [&partner, &applicant] {
        let r = assign(&t, &id, json!({"action": "take"}), who).await;
        assert!([401, 403].contains(&r.status.as_u16()), "{}", r.body);
    }
    let r = assign(&t, "nope", json!({"action": "take"}), &ana).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = t
        .call(
            "GET",
            "/review/applications?assigned_to_me=maybe",
            None,
            &ana,
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}
