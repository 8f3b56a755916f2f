//! Sample data shared by tests, the benchmark and the demo backend.

use crate::address::Address;
use crate::bank::BankDetails;
use crate::enrollment::*;
use crate::mpn::{OrgProfile, ProfileKind, ProfileStatus};

/// A complete French indirect-reseller draft.
pub fn french_draft() -> Draft {
    Draft {
        partner_type: Some(PartnerType::IndirectReseller),
        already_enrolled: false,
        work_account: WorkAccountForm::default(),
        tenant: Some(Tenant {
            domain: "contoso.onmicrosoft.com".into(),
            country: "FR".into(),
            organization: "Contoso".into(),
        }),
        profile: Some(OrgProfile {
            mpn_id: "4410001".into(),
            name: "Contoso France".into(),
            kind: ProfileKind::Location,
            status: ProfileStatus::Active,
            country: "FR".into(),
        }),
        legal: LegalProfile {
            legal_name: "Contoso SARL".into(),
            address: Address {
                line1: "12 rue de la Paix".into(),
                line2: String::new(),
                city: "Paris".into(),
                state: String::new(),
                postal_code: "75002".into(),
                country: "FR".into(),
            },
            registration_id: String::new(),
        },
        contact: Contact {
            first_name: "Élodie".into(),
            last_name: "Martin".into(),
            email: "elodie.martin@contoso.fr".into(),
            phone: "+33 1 23 45 67 89".into(),
        },
        support: Support {
            email: "support@contoso.fr".into(),
            phone: "+33 1 98 76 54 32".into(),
            website: "contoso.fr".into(),
        },
        bank: BankDetails {
            country: "FR".into(),
            account_holder: "Contoso SARL".into(),
            iban: "FR76 3000 6000 0112 3456 7890 189".into(),
            bic: "BNPAFRPP".into(),
            ..Default::default()
        },
    }
}
