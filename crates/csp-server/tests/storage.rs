//! Storage round trips through the one `Store` type: on a fresh SQLite file by default, on
//! PostgreSQL when `CSP_TEST_DATABASE_URL` names one (`scripts/postgres-tests.sh`). Values are
//! unique per run so a shared PostgreSQL database can take repeated runs.

mod common;
use csp_core::mail::Mail;
use csp_core::mpn::{OrgProfile, ProfileKind, ProfileStatus};
use csp_server::rows::{ApplicationRow, Insert, NewLink, SessionRow, UserRow};
use csp_server::secrets::new_id;
use csp_server::storage::Store;

fn uniq(p: &str) -> String {
    new_id(p).unwrap()
}

async fn store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = common::test_db_url(&dir).await;
    // Opening twice runs the migrations twice: the second is a no-op.
    Store::open(&url).await.unwrap().close().await;
    (Store::open(&url).await.unwrap(), dir)
}

fn user(partner: &str, email: &str) -> UserRow {
    UserRow {
        id: uniq("usr"),
        partner_id: partner.into(),
        name: "Иван Петров".into(),
        email: email.into(),
        email_key: csp_core::access::identity_key(email),
        agent_role: Some("helpdesk-agent".into()),
        admin_role: None,
        operator: false,
        password_hash: "$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA".into(),
        must_change: true,
        partner_kind: None,
    }
}

#[tokio::test]
async fn users_round_trip_and_stay_unique() {
    let (s, _d) = store().await;
    let p = uniq("ptn");
    s.insert_partner(&p, "Contoso", "contoso.onmicrosoft.com", 1)
        .await
        .unwrap();
    let email = format!("{}@contoso.cn", uniq("li"));
    let u = user(&p, &email);
    assert!(matches!(s.insert_user(&u, 1).await.unwrap(), Insert::Done));
    assert_eq!(s.user_by_id(&u.id).await.unwrap().as_ref(), Some(&u));
    assert_eq!(
        s.user_by_key(&u.email_key).await.unwrap().as_ref(),
        Some(&u)
    );
    let dup = UserRow {
        id: uniq("usr"),
        email: email.to_uppercase(),
        ..u.clone()
    };
    assert!(matches!(
        s.insert_user(&dup, 2).await.unwrap(),
        Insert::Duplicate
    ));
    let any = |_: &[_]| Ok::<(), ()>(());
    let roles = Some((None, Some("billing-admin".to_string())));
    assert_eq!(
        s.change_user(&p, &u.id, roles, any).await.unwrap(),
        Ok(true)
    );
    assert_eq!(
        s.change_user("ptn_other", &u.id, Some((None, None)), any)
            .await
            .unwrap(),
        Ok(false),
        "scoped by partner"
    );
    assert_eq!(
        s.change_user(&p, &u.id, None, |_| Err("refused"))
            .await
            .unwrap(),
        Err("refused"),
        "nothing changes when the check refuses"
    );
    s.set_password(&u.id, "$argon2id$new", false).await.unwrap();
    let got = s.user_by_id(&u.id).await.unwrap().unwrap();
    assert_eq!(
        (
            got.admin_role.as_deref(),
            got.agent_role,
            got.password_hash.as_str(),
            got.must_change
        ),
        (Some("billing-admin"), None, "$argon2id$new", false)
    );
    assert_eq!(s.users_of(&p).await.unwrap().len(), 1);
    assert_eq!(
        s.change_user("ptn_other", &u.id, None, any).await.unwrap(),
        Ok(false)
    );
    assert_eq!(s.change_user(&p, &u.id, None, any).await.unwrap(), Ok(true));
    assert_eq!(s.user_by_id(&u.id).await.unwrap(), None);
}

#[tokio::test]
async fn sessions_round_trip_and_expire() {
    let (s, _d) = store().await;
    let subject = uniq("usr");
    let row = |created: i64| SessionRow {
        token_hash: uniq("tok"),
        kind: "user".into(),
        subject: subject.clone(),
        csrf_token: uniq("csrf"),
        pn_account: None,
        created_at: created,
        last_seen: created,
    };
    let (a, b) = (row(1_000), row(5_000));
    s.insert_session(&a).await.unwrap();
    s.insert_session(&b).await.unwrap();
    assert_eq!(s.session(&a.token_hash).await.unwrap().as_ref(), Some(&a));
    s.set_session_pn_account(&a.token_hash, "pmc@x")
        .await
        .unwrap();
    s.touch_session(&a.token_hash, 2_000).await.unwrap();
    let got = s.session(&a.token_hash).await.unwrap().unwrap();
    assert_eq!(
        (got.pn_account.as_deref(), got.last_seen),
        (Some("pmc@x"), 2_000)
    );
    s.delete_other_sessions(&subject, &b.token_hash)
        .await
        .unwrap();
    assert_eq!(s.session(&a.token_hash).await.unwrap(), None);
    assert!(s.delete_expired_sessions(6_000, 0).await.unwrap() >= 1);
    assert_eq!(s.session(&b.token_hash).await.unwrap(), None);
}

#[tokio::test]
async fn directory_round_trips() {
    let (s, _d) = store().await;
    let domain = format!("{}.onmicrosoft.com", uniq("t"));
    assert!(matches!(
        s.insert_tenant(&domain, "FR", "Contoso", 1).await.unwrap(),
        Insert::Done
    ));
    assert!(matches!(
        s.insert_tenant(&domain, "DE", "Other", 1).await.unwrap(),
        Insert::Duplicate
    ));
    assert_eq!(
        s.tenant(&domain).await.unwrap(),
        Some(("FR".into(), "Contoso".into()))
    );
    let id = uniq("wac");
    let key = format!("admin@{domain}");
    s.insert_work_account(&id, &key, &key, "$h", &domain)
        .await
        .unwrap();
    let wa = s.work_account(&key).await.unwrap().unwrap();
    assert_eq!(
        (wa.id.as_str(), wa.tenant_domain.as_str()),
        (id.as_str(), domain.as_str())
    );
    assert_eq!(s.work_account_by_id(&id).await.unwrap(), Some(wa));
    let pn = uniq("pmc");
    s.insert_pn_account(&pn, "$p").await.unwrap();
    assert_eq!(s.pn_account_hash(&pn).await.unwrap().as_deref(), Some("$p"));
    let mpn = format!(
        "9{}",
        &uniq("x")[2..9]
            .bytes()
            .map(|b| (b'0' + b % 10) as char)
            .collect::<String>()
    );
    let p = OrgProfile {
        mpn_id: mpn.clone(),
        name: "Contoso Lyon".into(),
        kind: ProfileKind::Location,
        status: ProfileStatus::Suspended,
        country: "FR".into(),
    };
    s.insert_profile(&pn, &p).await.unwrap();
    assert_eq!(s.profiles_of(&pn).await.unwrap(), vec![p.clone()]);
    assert_eq!(s.profile(&mpn).await.unwrap(), Some((pn, p)));
}

#[tokio::test]
async fn applications_are_created_once_per_owner_and_key() {
    let (s, _d) = store().await;
    let owner = uniq("wac");
    let row = |id: &str| ApplicationRow {
        id: id.into(),
        reference: String::new(),
        owner: owner.clone(),
        status: "awaiting-email-verification".into(),
        partner_type: Some("indirect-reseller".into()),
        primary_contact_email: "elodie@contoso.fr".into(),
        tenant: Some(r#"{"domain":"contoso.fr","country":"FR","organization":"C"}"#.into()),
        language: "fr".into(),
        email_verified_at: None,
        sends: None,
        version: 1,
        review: None,
        company: "Contoso SARL".into(),
        country: "FR".into(),
        created_at: 0,
        assignee: None,
    };
    let a = s
        .insert_application(&row(&uniq("app")), "k", "{}", 1, &link(), mail)
        .await
        .unwrap();
    let b = s
        .insert_application(&row(&uniq("app")), "k", "{}", 2, &link(), mail)
        .await
        .unwrap();
    assert_eq!(a, b);
    assert!(
        a.reference.starts_with("APP-") && a.reference.len() == 10,
        "{}",
        a.reference
    );
    let c = s
        .insert_application(&row(&uniq("app")), "k2", "{}", 3, &link(), mail)
        .await
        .unwrap();
    assert_ne!(c.reference, a.reference);
    assert_eq!(s.applications_of(&owner).await.unwrap(), 2);
    // Concurrent submits of one key: one row.
    let mut tasks = vec![];
    for _ in 0..8 {
        let (s, r) = (s.clone(), row(&uniq("app")));
        tasks.push(tokio::spawn(async move {
            s.insert_application(&r, "race", "{}", 4, &link(), mail)
                .await
                .unwrap()
                .id
        }));
    }
    let mut ids = std::collections::BTreeSet::new();
    for t in tasks {
        ids.insert(t.await.unwrap());
    }
    assert_eq!(ids.len(), 1);
    assert_eq!(s.applications_of(&owner).await.unwrap(), 3);
}

fn link() -> NewLink {
    NewLink {
        token_hash: uniq("tok"),
        expires_at: 1_000_000,
        mail_id: uniq("msg"),
    }
}

fn mail(a: &ApplicationRow) -> Mail {
    Mail::ConfirmAddress {
        reference: a.reference.clone(),
        link: "https://portal.example/verify-email#t".into(),
        expires_at: 1_000_000,
    }
}

fn guid() -> String {
    csp_server::secrets::new_guid().unwrap()
}

/// Partners, authorizations, customers (with their tenant and admin account) and requests
/// survive a reopen, stay each partner's own, and the unique keys settle repeats.
#[tokio::test]
async fn partner_records_round_trip_and_survive_a_restart() {
    use csp_core::api::{MyPartner, PartnerKind};
    use csp_core::customers::{Customer, RelationshipKind};
    use csp_core::date::Date;
    use csp_core::partners::PartnerSummary;
    use csp_core::relationship::{new_request, terminate, NewRelationshipRequest};
    use csp_server::rows::WorkAccountRow;

    let dir = tempfile::tempdir().unwrap();
    let url = common::test_db_url(&dir).await;
    let s = Store::open(&url).await.unwrap();
    let partner = |name: &str, kind, region: &str| MyPartner {
        partner: PartnerSummary {
            id: guid(),
            name: name.into(),
            country: "RU".into(),
            region: region.into(),
            since: None,
        },
        kind,
        domains: vec![format!("{}.onmicrosoft.com", uniq("d")), "alfa.ru".into()],
        agreement_signed: false,
    };
    let reseller = partner("ООО «Альфа»", PartnerKind::IndirectReseller, "europe");
    let provider = partner("上海云分销", PartnerKind::IndirectProvider, "asia-pacific");
    s.insert_partner_of(&reseller, &reseller.domains[0], 1)
        .await
        .unwrap();
    s.insert_partner_of(&provider, &provider.domains[0], 1)
        .await
        .unwrap();
    let (r_id, p_id) = (reseller.partner.id.clone(), provider.partner.id.clone());
    let day = Date::from_ymd(2026, 2, 3).unwrap();
    assert!(matches!(
        s.insert_authorization(&r_id, &p_id, day).await.unwrap(),
        Insert::Done
    ));
    assert!(matches!(
        s.insert_authorization(&r_id, &p_id, day.add_days(9))
            .await
            .unwrap(),
        Insert::Duplicate
    ));

    let domain = format!("{}.onmicrosoft.com", uniq("c"));
    let customer = Customer {
        id: guid(),
        company_name: "北京示例科技有限公司".into(),
        primary_domain: domain.clone(),
        relationship: RelationshipKind::IndirectReseller,
        provider_id: Some(p_id.clone()),
        reseller_id: Some(r_id.clone()),
        has_active_subscriptions: true,
        tags: vec!["Пекин".into(), "VIP".into()],
        accepted: None,
    };
    let admin = WorkAccountRow {
        id: uniq("wac"),
        user_name: format!("admin@{domain}"),
        password_hash: "$argon2id$x".into(),
        tenant_domain: domain.clone(),
    };
    let key = admin.user_name.clone();
    assert!(matches!(
        s.insert_customer_tenant(&customer, "CN", &admin, &key, 1)
            .await
            .unwrap(),
        Insert::Done
    ));
    // The same domain again: nothing of the second attempt is kept.
    let again = Customer {
        id: guid(),
        ..customer.clone()
    };
    let admin2 = WorkAccountRow {
        id: uniq("wac"),
        ..admin.clone()
    };
    assert!(matches!(
        s.insert_customer_tenant(&again, "CN", &admin2, &format!("x{key}"), 2)
            .await
            .unwrap(),
        Insert::Duplicate
    ));
    assert!(s.work_account(&format!("x{key}")).await.unwrap().is_none());

    let req_form = NewRelationshipRequest {
        admin_access: Some(true),
        name: "Поддержка".into(),
        roles: vec!["directory-readers".into()],
        ..Default::default()
    };
    let req = new_request(&guid(), &req_form, day);
    assert!(matches!(
        s.insert_request(&r_id, Some("поддержка".into()), &req, 1)
            .await
            .unwrap(),
        Insert::Done
    ));
    let twin = new_request(&guid(), &req_form, day);
    assert!(matches!(
        s.insert_request(&r_id, Some("поддержка".into()), &twin, 2)
            .await
            .unwrap(),
        Insert::Duplicate
    ));
    assert!(matches!(
        s.insert_request(&p_id, Some("поддержка".into()), &twin, 2)
            .await
            .unwrap(),
        Insert::Done
    ));
    let accepted = csp_core::relationship::accept(&req, &customer.id, day).unwrap();
    assert!(s.update_request(&r_id, &accepted).await.unwrap());
    assert!(
        !s.update_request(&p_id, &accepted).await.unwrap(),
        "not the provider's"
    );
    s.close().await;

    // Reopened: everything is there, as written.
    let s = Store::open(&url).await.unwrap();
    assert_eq!(s.partner(&r_id).await.unwrap().as_ref(), Some(&reseller));
    assert_eq!(
        s.linked_partners(&r_id, PartnerKind::IndirectReseller)
            .await
            .unwrap(),
        vec![PartnerSummary {
            since: Some(day),
            ..provider.partner.clone()
        }]
    );
    assert_eq!(
        s.linked_partners(&p_id, PartnerKind::IndirectProvider)
            .await
            .unwrap()[0]
            .id,
        r_id
    );
    for (id, kind) in [
        (&r_id, PartnerKind::IndirectReseller),
        (&p_id, PartnerKind::IndirectProvider),
    ] {
        assert_eq!(
            s.customers_of(id, kind).await.unwrap(),
            vec![customer.clone()]
        );
    }
    assert!(s.domain_taken(&domain).await.unwrap());
    assert_eq!(s.tenant(&domain).await.unwrap().unwrap().0, "CN");
    assert_eq!(s.work_account(&key).await.unwrap(), Some(admin));
    assert_eq!(
        s.customer_of(&p_id, PartnerKind::IndirectReseller, &customer.id)
            .await
            .unwrap(),
        None,
        "a provider's ID is not a reseller's"
    );
    assert_eq!(s.requests_of(&r_id).await.unwrap(), vec![accepted.clone()]);
    let ended = terminate(&accepted, day.add_days(1)).unwrap();
    assert!(s.update_request(&r_id, &ended).await.unwrap());
    assert_eq!(s.requests_of(&r_id).await.unwrap(), vec![ended]);

    assert!(!s
        .delete_customer(&p_id, PartnerKind::IndirectReseller, &customer.id)
        .await
        .unwrap());
    assert!(s
        .delete_customer(&r_id, PartnerKind::IndirectReseller, &customer.id)
        .await
        .unwrap());
    assert!(s
        .customers_of(&p_id, PartnerKind::IndirectProvider)
        .await
        .unwrap()
        .is_empty());
    assert!(
        !s.delete_authorization(&r_id, &p_id).await.unwrap(),
        "the provider's to end"
    );
    assert!(s.delete_authorization(&p_id, &r_id).await.unwrap());
    assert!(s
        .linked_partners(&r_id, PartnerKind::IndirectReseller)
        .await
        .unwrap()
        .is_empty());
}
