//! The business profile, the directory of indirect providers and partnership requests on the
//! reference server: who may publish, the profile's fields, what the directory lists to whom
//! (region, filter, search), the request's rules, the two emails queued with their cause, and
//! the reseller's authorization that ends it.

mod common;
use common::*;
use serde_json::{json, Value};

fn names(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["provider"]["name"].as_str().unwrap().to_string())
        .collect()
}

fn fields(v: &Value) -> Vec<(String, String)> {
    v["field_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["field"].as_str().unwrap().to_string(),
                p["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn profile(countries: &[&str], email: &str) -> Value {
    json!({
        "description_fr": "Distributeur cloud pour les revendeurs d'Europe de l'Ouest.",
        "description_zh_cn": "",
        "industries": ["retail", "education"],
        "services": ["licensing", "migration"],
        "countries": countries,
        "website": "adventure-works.example",
        "email": email,
        "phone": "+44 20 7946 0958",
    })
}

/// Adventure Works Distribution (a provider of Contoso's region Contoso has not authorized)
/// gets a business profile admin, who publishes its profile.
async fn adventure_works_publishes(t: &T) -> Who {
    t.add_user(
        ADVENTURE_WORKS,
        "profil@adventure-works.example",
        None,
        Some("business-profile-admin"),
        "Profile-pass-1",
    )
    .await;
    let pa = t
        .sign_in("profil@adventure-works.example", "Profile-pass-1")
        .await;
    let r = t
        .call(
            "PUT",
            "/business-profile",
            Some(profile(
                &["GB", "fr", "BE"],
                "Partners@Adventure-Works.example",
            )),
            &pa,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    pa
}

#[tokio::test]
async fn only_the_business_profile_role_or_a_global_admin_publishes_and_every_field_is_checked() {
    let t = new().await;
    let pa = adventure_works_publishes(&t).await;
    let got = t.call("GET", "/business-profile", None, &pa).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.body["countries"], json!(["BE", "FR", "GB"]));
    assert_eq!(got.body["website"], "https://adventure-works.example");
    assert_eq!(got.body["phone"], "+442079460958");
    assert_eq!(got.body["email"], "Partners@adventure-works.example");
    assert_eq!(got.body["description_zh_cn"], "");

    // Each bad field is named, and nothing is stored.
    let bad = json!({"description_en": " ", "industries": ["mining"], "services": [],
        "countries": ["XX"], "website": "not a site", "email": "nobody", "phone": "12"});
    let r = t.call("PUT", "/business-profile", Some(bad), &pa).await;
    assert_eq!(r.status, 422);
    assert_eq!(
        fields(&r.body),
        [
            ("profile.descriptions", "profile-no-language"),
            ("profile.industries", "choose-one"),
            ("profile.services", "choose-at-least-one"),
            ("profile.countries", "country-unknown"),
            ("profile.website", "website-format"),
            ("profile.email", "email-format"),
            ("profile.phone", "phone-calling-code"),
        ]
        .map(|(f, c)| (f.to_string(), c.to_string()))
    );
    let long = json!({"description_ru": "д".repeat(2001)});
    let r = t.call("PUT", "/business-profile", Some(long), &pa).await;
    assert_eq!(r.status, 422);
    assert_eq!(
        fields(&r.body)[0],
        ("profile.description_ru".into(), "too-long".into())
    );
    assert_eq!(
        t.call("GET", "/business-profile", None, &pa).await.body,
        got.body
    );

    // A Global admin holds the feature too; an admin agent or a user manager does not.
    let partner = t.demo_partner().await;
    let ga = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let empty = t.call("GET", "/business-profile", None, &ga).await;
    assert_eq!(empty.status, 200);
    assert_eq!(empty.body["description_fr"], "");
    for (email, agent, admin) in [
        ("agent@contoso.cn", Some("admin-agent"), None),
        ("users@contoso.cn", None, Some("user-management-admin")),
    ] {
        t.add_user(&partner, email, agent, admin, "Role-pass-123")
            .await;
        let who = t.sign_in(email, "Role-pass-123").await;
        let r = t
            .call(
                "PUT",
                "/business-profile",
                Some(profile(&["FR"], "a@contoso.fr")),
                &who,
            )
            .await;
        assert_eq!(r.status, 403, "{email}");
        assert_eq!(r.body["required_feature"], "business-profile");
        assert_eq!(
            r.body["roles"],
            json!(["global-admin", "business-profile-admin"])
        );
    }
    // CSRF as on every change.
    let no_csrf = Who {
        csrf: None,
        ..pa.clone()
    };
    let r = t
        .call(
            "PUT",
            "/business-profile",
            Some(profile(&["FR"], "a@b.example")),
            &no_csrf,
        )
        .await;
    assert_eq!(r.status, 403);
}

#[tokio::test]
async fn a_reseller_finds_the_providers_of_its_region_by_country_and_name() {
    let t = new().await;
    adventure_works_publishes(&t).await;
    // A provider of another region publishes too: Contoso never sees it.
    t.add_user(
        SHANGHAI_PROVIDER,
        "admin@shanghai.example",
        None,
        Some("global-admin"),
        "Shanghai-pass-1",
    )
    .await;
    let sh = t.sign_in("admin@shanghai.example", "Shanghai-pass-1").await;
    let mut zh = profile(&["CN"], "hezuo@shanghai.example");
    zh["description_zh_cn"] = json!("上海云分销，服务中国东部的经销商。");
    zh["description_fr"] = json!("");
    let r = t.call("PUT", "/business-profile", Some(zh), &sh).await;
    assert_eq!(r.status, 200, "{}", r.body);

    let ga = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    // Fabrikam has published nothing: not listed.
    let all = t.call("GET", "/provider-directory", None, &ga).await;
    assert_eq!(all.status, 200, "{}", all.body);
    assert_eq!(names(&all.body), ["Adventure Works Distribution"]);
    let l = &all.body["items"][0];
    assert_eq!(
        l["profile"]["description_fr"],
        "Distributeur cloud pour les revendeurs d'Europe de l'Ouest."
    );
    assert!(l.get("status").is_none());
    for (query, found) in [
        ("country=be", true),
        ("country=DE", false),
        ("q=adventure+DISTRI", true),
        ("q=%EF%BD%81dventure", true),
        ("q=fabrikam", false),
        ("country=GB&q=works&limit=1", true),
    ] {
        let r = t
            .call("GET", &format!("/provider-directory?{query}"), None, &ga)
            .await;
        assert_eq!(r.status, 200, "{query}: {}", r.body);
        assert_eq!(!names(&r.body).is_empty(), found, "{query}");
    }
    for query in ["country=GBR", "country=1", "limit=0", "cursor=zz"] {
        let r = t
            .call("GET", &format!("/provider-directory?{query}"), None, &ga)
            .await;
        assert_eq!(r.status, 400, "{query}");
    }
    // The Beijing reseller's region is Shanghai's.
    let provider = t
        .sign_in(csp_server::seed::DEMO_PROVIDER_ADMIN, "demo")
        .await;
    assert_eq!(
        t.call("GET", "/provider-directory", None, &provider)
            .await
            .status,
        403
    );
    assert_eq!(
        t.call("GET", "/provider-directory", None, &ANON)
            .await
            .status,
        401
    );
}

#[tokio::test]
async fn a_request_reaches_the_provider_by_email_and_its_invitation_the_reseller() {
    let t = new().await;
    let pa = adventure_works_publishes(&t).await;
    let ga = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let before = t.outbox().await.len();
    let ask = |id: &str| json!({"provider_id": id, "language": "zh-CN"});
    let r = t
        .call(
            "POST",
            "/partnership-requests",
            Some(ask(ADVENTURE_WORKS)),
            &ga,
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["status"], "requested");
    assert_eq!(r.body["reseller"]["name"], "Contoso");
    assert_eq!(r.body["requested_by"], csp_server::seed::DEMO_ADMIN);
    let id = r.body["id"].as_str().unwrap().to_string();
    // The provider's profile contact, in the profile's language, with its page's link.
    let out = t.outbox().await;
    assert_eq!(out.len(), before + 1);
    let (to, lang, mail, _) = out.last().unwrap();
    assert_eq!(to, "Partners@adventure-works.example");
    assert_eq!(lang, "fr");
    assert_eq!(mail["kind"], "partnership-requested");
    assert_eq!(mail["reseller"], "Contoso");
    assert!(mail["link"]
        .as_str()
        .unwrap()
        .ends_with("/indirect-resellers"));

    // Once: a second request is a conflict, and nothing is queued.
    let again = t
        .call(
            "POST",
            "/partnership-requests",
            Some(ask(ADVENTURE_WORKS)),
            &ga,
        )
        .await;
    assert_eq!(again.status, 409);
    assert_eq!(
        fields(&again.body),
        [(
            "partnership.provider_id".into(),
            "partnership-requested".into()
        )]
    );
    assert_eq!(t.outbox().await.len(), before + 1);
    // Fabrikam, already authorized, once it publishes; Shanghai, another region; an unknown
    // or unlisted provider; a malformed ID.
    let fab = t
        .sign_in(csp_server::seed::DEMO_PROVIDER_ADMIN, "demo")
        .await;
    let r = t
        .call(
            "PUT",
            "/business-profile",
            Some(profile(&["FR"], "partenaires@fabrikam.example")),
            &fab,
        )
        .await;
    assert_eq!(r.status, 200);
    let r = t
        .call("POST", "/partnership-requests", Some(ask(FABRIKAM)), &ga)
        .await;
    assert_eq!(
        (r.status.as_u16(), fields(&r.body)[0].1.as_str()),
        (409, "provider-already-authorized")
    );
    t.add_user(
        SHANGHAI_PROVIDER,
        "admin@shanghai.example",
        None,
        Some("global-admin"),
        "Shanghai-pass-1",
    )
    .await;
    let sh = t.sign_in("admin@shanghai.example", "Shanghai-pass-1").await;
    t.call(
        "PUT",
        "/business-profile",
        Some(profile(&["CN"], "a@shanghai.example")),
        &sh,
    )
    .await;
    let r = t
        .call(
            "POST",
            "/partnership-requests",
            Some(ask(SHANGHAI_PROVIDER)),
            &ga,
        )
        .await;
    assert_eq!(
        (r.status.as_u16(), fields(&r.body)[0].1.as_str()),
        (422, "provider-region")
    );
    for (pid, status, code) in [
        (
            "11111111-2222-4333-8444-555555555555",
            404,
            "provider-not-found",
        ),
        (CONTOSO, 404, "provider-not-found"),
        ("供应商", 422, "id-format"),
    ] {
        let r = t
            .call("POST", "/partnership-requests", Some(ask(pid)), &ga)
            .await;
        assert_eq!(
            (r.status.as_u16(), fields(&r.body)[0].1.as_str()),
            (status, code),
            "{pid}"
        );
    }
    // A provider cannot ask; the directory shows where Contoso stands.
    let r = t
        .call(
            "POST",
            "/partnership-requests",
            Some(ask(ADVENTURE_WORKS)),
            &fab,
        )
        .await;
    assert_eq!(r.status, 403);
    let d = t
        .call("GET", "/provider-directory?q=adventure", None, &ga)
        .await;
    assert_eq!(d.body["items"][0]["status"], "requested");

    // The provider sees it; another provider neither sees nor answers it; a business
    // profile admin may not answer.
    t.add_user(
        ADVENTURE_WORKS,
        "admin@adventure-works.example",
        None,
        Some("global-admin"),
        "Adventure-pass-1",
    )
    .await;
    let aw = t
        .sign_in("admin@adventure-works.example", "Adventure-pass-1")
        .await;
    let list = t.call("GET", "/partnership-requests", None, &aw).await;
    assert_eq!(list.status, 200);
    assert_eq!(list.body["items"][0]["id"], id.as_str());
    let theirs = t.call("GET", "/partnership-requests", None, &fab).await;
    assert_eq!(theirs.body["items"], json!([]));
    let path = format!("/partnership-requests/{id}/invitation");
    assert_eq!(t.call("POST", &path, None, &fab).await.status, 404);
    assert_eq!(t.call("POST", &path, None, &pa).await.status, 403);
    assert_eq!(t.call("POST", &path, None, &ga).await.status, 403);

    let inv = t.call("POST", &path, None, &aw).await;
    assert_eq!(inv.status, 200, "{}", inv.body);
    assert_eq!(inv.body["status"], "invited");
    let out = t.outbox().await;
    assert_eq!(out.len(), before + 2);
    // Queued within the same second as the request's: found by kind, not by order.
    let (to, lang, mail, _) = out
        .iter()
        .find(|m| m.2["kind"] == "partnership-invitation")
        .unwrap();
    assert_eq!(to, csp_server::seed::DEMO_ADMIN);
    assert_eq!(lang, "zh-CN");
    assert_eq!(mail["kind"], "partnership-invitation");
    let link = mail["link"].as_str().unwrap();
    assert!(
        link.contains("/indirect-providers/authorize?") && link.contains(ADVENTURE_WORKS),
        "{link}"
    );
    // Again: nothing changes, no second email.
    let inv2 = t.call("POST", &path, None, &aw).await;
    assert_eq!(inv2.status, 200);
    assert_eq!(t.outbox().await.len(), before + 2);
    let mine = t.call("GET", "/partnership-requests", None, &ga).await;
    assert_eq!(mine.body["items"][0]["status"], "invited");

    // The reseller authorizes: the request is answered, each sees the other.
    let r = t
        .call(
            "POST",
            "/indirect-providers",
            Some(json!({"provider_id": ADVENTURE_WORKS, "consent": true})),
            &ga,
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        t.call("GET", "/partnership-requests", None, &ga).await.body["items"],
        json!([])
    );
    let d = t
        .call("GET", "/provider-directory?q=adventure", None, &ga)
        .await;
    assert_eq!(d.body["items"][0]["status"], "authorized");
    let resellers = t.call("GET", "/indirect-resellers", None, &aw).await;
    assert!(resellers.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["name"] == "Contoso"));
    // Asking again now: already authorized.
    let r = t
        .call(
            "POST",
            "/partnership-requests",
            Some(ask(ADVENTURE_WORKS)),
            &ga,
        )
        .await;
    assert_eq!(
        (r.status.as_u16(), fields(&r.body)[0].1.as_str()),
        (409, "provider-already-authorized")
    );
}
