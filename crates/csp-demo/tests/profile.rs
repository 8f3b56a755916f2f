//! The business profile, the provider directory and partnership requests on the in-browser
//! backend, through its JSON routes: the same journey as the server's, emails in the outbox.

use csp_core::business_profile::{BusinessProfile, Listing};
use csp_core::mail::Mail;
use csp_core::paging::Page;
use csp_core::partners::{PartnerSummary, PartnershipRequest, PartnershipStatus};
use csp_demo::backend::{Backend, State};
use csp_demo::routes::{handle, Answer, Request};
use csp_demo_data::{DEMO_ADMIN, DEMO_PROVIDER_ADMIN, DEMO_PROVIDER_ID, DEMO_RESELLER_ID};

struct Demo {
    b: Backend,
    token: Option<String>,
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

fn json<T: serde::de::DeserializeOwned>(a: &Answer) -> T {
    serde_json::from_str(&a.body).unwrap_or_else(|e| panic!("{e}: {} {}", a.status, a.body))
}

fn become_(d: &mut Demo, email: &str) {
    let a = call(
        d,
        "POST",
        "/session",
        &format!(r#"{{"user_name":"{email}","password":"demo"}}"#),
    );
    assert_eq!(a.status, 200, "{}", a.body);
}

fn demo() -> Demo {
    let mut n = 0u8;
    Demo {
        b: Backend::new(State::seeded(), move || {
            n = n.wrapping_add(1);
            [n; 16]
        }),
        token: None,
    }
}

fn codes(a: &Answer) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(&a.body).unwrap();
    v["field_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["field"].as_str().unwrap().into(),
                p["code"].as_str().unwrap().into(),
            )
        })
        .collect()
}

const PROFILE: &str = r#"{"description_zh_cn":"法布里卡姆分销：面向欧洲经销商的云分销商。","description_fr":"","industries":["retail"],"services":["licensing","support"],"countries":["FR","BE"],"website":"fabrikam.example","email":"partenaires@fabrikam.example","phone":""}"#;

#[test]
fn a_provider_publishes_a_reseller_finds_it_asks_and_authorizes_its_invitation() {
    let mut d = demo();
    become_(&mut d, DEMO_PROVIDER_ADMIN);
    // Checked on every field; then published.
    let bad = call(&mut d, "PUT", "/business-profile", r#"{"email":"x"}"#);
    assert_eq!(bad.status, 422);
    assert_eq!(
        codes(&bad)[0],
        ("profile.descriptions".into(), "profile-no-language".into())
    );
    let a = call(&mut d, "PUT", "/business-profile", PROFILE);
    assert_eq!(a.status, 200, "{}", a.body);
    let p: BusinessProfile = json(&call(&mut d, "GET", "/business-profile", ""));
    assert_eq!(p.website, "https://fabrikam.example");
    assert_eq!(p.countries, ["BE", "FR"]);
    // The provider ends its partnership with Contoso, so that Contoso can find it anew.
    let a = call(
        &mut d,
        "DELETE",
        &format!("/indirect-resellers/{DEMO_RESELLER_ID}"),
        "",
    );
    assert_eq!(a.status, 204);
    assert_eq!(call(&mut d, "GET", "/provider-directory", "").status, 403);

    become_(&mut d, DEMO_ADMIN);
    let found: Page<Listing> = json(&call(
        &mut d,
        "GET",
        "/provider-directory?country=BE&q=fabrikam",
        "",
    ));
    assert_eq!(found.items.len(), 1);
    assert_eq!(found.items[0].provider.id, DEMO_PROVIDER_ID);
    assert_eq!(found.items[0].status, None);
    let none: Page<Listing> = json(&call(&mut d, "GET", "/provider-directory?country=DE", ""));
    assert!(none.items.is_empty());
    assert_eq!(
        call(&mut d, "GET", "/provider-directory?country=BEL", "").status,
        400
    );
    let ask = format!(r#"{{"provider_id":"{DEMO_PROVIDER_ID}","language":"fr"}}"#);
    let a = call(&mut d, "POST", "/partnership-requests", &ask);
    assert_eq!(a.status, 201, "{}", a.body);
    let req: PartnershipRequest = json(&a);
    let again = call(&mut d, "POST", "/partnership-requests", &ask);
    assert_eq!(again.status, 409);
    assert_eq!(
        codes(&again),
        [(
            "partnership.provider_id".into(),
            "partnership-requested".into()
        )]
    );
    let m = d.b.state.outbox.last().unwrap();
    assert_eq!(
        (m.to.as_str(), m.language.as_str()),
        ("partenaires@fabrikam.example", "zh-CN")
    );
    assert!(
        matches!(&m.mail, Mail::PartnershipRequested { reseller, .. } if reseller == "Contoso")
    );
    let n = d.b.state.outbox.len();

    become_(&mut d, DEMO_PROVIDER_ADMIN);
    let got: Page<PartnershipRequest> = json(&call(&mut d, "GET", "/partnership-requests", ""));
    assert_eq!(got.items, vec![req.clone()]);
    let path = format!("/partnership-requests/{}/invitation", req.id);
    let inv: PartnershipRequest = json(&call(&mut d, "POST", &path, ""));
    assert_eq!(inv.status, PartnershipStatus::Invited);
    assert_eq!(call(&mut d, "POST", &path, "").status, 200);
    assert_eq!(d.b.state.outbox.len(), n + 1, "one invitation email");
    let m = d.b.state.outbox.last().unwrap();
    assert_eq!((m.to.as_str(), m.language.as_str()), (DEMO_ADMIN, "fr"));
    assert!(
        matches!(&m.mail, Mail::PartnershipInvitation { link, .. } if link.contains("/indirect-providers/authorize?") && link.contains(DEMO_PROVIDER_ID))
    );

    become_(&mut d, DEMO_ADMIN);
    let auth = format!(r#"{{"provider_id":"{DEMO_PROVIDER_ID}","consent":true}}"#);
    assert_eq!(
        call(&mut d, "POST", "/indirect-providers", &auth).status,
        201
    );
    let mine: Page<PartnershipRequest> = json(&call(&mut d, "GET", "/partnership-requests", ""));
    assert!(mine.items.is_empty());
    let found: Page<Listing> = json(&call(&mut d, "GET", "/provider-directory", ""));
    assert_eq!(found.items[0].status, Some(PartnershipStatus::Authorized));
    let providers: Page<PartnerSummary> = json(&call(&mut d, "GET", "/indirect-providers", ""));
    assert!(providers.items.iter().any(|p| p.id == DEMO_PROVIDER_ID));
}
