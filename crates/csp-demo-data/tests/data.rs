//! The demo data agrees with the contract's types and csp-core's rules, whichever backend
//! seeds from it.

use csp_core::api::PartnerKind;
use csp_demo_data::{demo_partners, demo_today, DEMO_RESELLER_ID};

/// The demo data (`data/demo-partners.json`) matches the contract types and the rules: IDs
/// in the canonical form, one provider out of the reseller's region, one customer with an
/// active subscription, statuses as the rules compute them on the data's "today".
#[test]
fn demo_data_agrees_with_the_rules() {
    use csp_core::ids::parse_id;
    use csp_core::partners::check_same_region;
    use csp_core::relationship::refresh;
    let d = demo_partners();
    assert_eq!(d.today, demo_today());
    for p in &d.partners {
        assert_eq!(
            parse_id(&p.partner.id).as_deref(),
            Ok(p.partner.id.as_str())
        );
    }
    let contoso = d
        .partners
        .iter()
        .find(|p| p.partner.id == DEMO_RESELLER_ID)
        .unwrap();
    assert!(d
        .partners
        .iter()
        .any(|p| p.kind == PartnerKind::IndirectProvider
            && check_same_region(&contoso.partner.region, &p.partner).is_err()));
    assert_eq!(
        d.customers
            .iter()
            .filter(|c| c.has_active_subscriptions)
            .count(),
        1
    );
    for r in &d.relationship_requests {
        assert_eq!(
            refresh(&r.request, d.today),
            r.request,
            "{}",
            r.request.name
        );
    }
}
