//! The emails the product sends, as data (what an outbox stores) and as text and HTML in the
//! recipient's language, from the same locale files as the app. The backends queue a [`Mail`]
//! with the language; rendering happens when it is sent (or shown, on the demo's Outbox page).

use crate::api::{ApplicationStatus, ReviewNote};
use crate::date::Date;
use crate::messages::Messages;
use serde::{Deserialize, Serialize};

/// The languages the locale files exist in (BCP 47 tags, as the app names them).
pub const LANGUAGES: [&str; 4] = ["en", "ru", "zh-CN", "fr"];

/// The language tag a message goes out in: one of [`LANGUAGES`], English for anything else.
pub fn language(tag: &str) -> &'static str {
    LANGUAGES
        .iter()
        .find(|l| l.eq_ignore_ascii_case(tag.trim()))
        .copied()
        .unwrap_or("en")
}

/// One email, before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Mail {
    /// To the primary contact after Enroll now (or when asked again): the link that confirms
    /// the address.
    ConfirmAddress {
        reference: String,
        link: String,
        expires_at: i64,
    },
    /// To the primary contact when the application's status changes.
    StatusChanged {
        reference: String,
        status: ApplicationStatus,
        /// The application's status page.
        link: String,
        /// The reviewer's decision: what to change, or why not.
        #[serde(default)]
        note: Option<ReviewNote>,
    },
    /// To a user a partner's user manager added: their sign-in name and the one-time link
    /// with which they choose their password (`csp_core::user_invitation`).
    Invitation {
        /// The partner's legal name.
        partner: String,
        name: String,
        sign_in_name: String,
        link: String,
        expires_at: i64,
    },
    /// To an indirect provider's business-profile contact: a reseller found it in the
    /// directory and asks to work with it; the link opens its *Indirect resellers* page, where
    /// the request waits for **Send invitation**.
    PartnershipRequested {
        reseller: String,
        /// The reseller's country (alpha-2: the same in every language).
        country: String,
        requested_by: String,
        link: String,
    },
    /// To the reseller user who asked: the provider's invitation, whose link opens the
    /// authorization page (also listed on the reseller's *Indirect providers* page).
    PartnershipInvitation { provider: String, link: String },
    /// To the global admins of the partner that sent a reseller-relationship link (and of the
    /// indirect provider, for a two-tier link) when the customer's Global admin answers it.
    RelationshipAnswered {
        /// The customer's organization.
        customer: String,
        accepted: bool,
        /// The request's name, for a granular (GDAP) request.
        #[serde(default)]
        request: Option<String>,
        /// The two-tier link's other partner (the provider for the reseller, and back).
        #[serde(default)]
        with_partner: Option<String>,
        /// The partner's Customers page (accepted) or relationship requests (declined).
        link: String,
    },
}

/// Who the email says it is from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brand {
    pub product: String,
    pub vendor: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The status's id in the locale files (`status-in-review`).
pub fn status_message(s: ApplicationStatus) -> &'static str {
    match s {
        ApplicationStatus::AwaitingEmailVerification => "status-awaiting-email-verification",
        ApplicationStatus::InReview => "status-in-review",
        ApplicationStatus::Approved => "status-approved",
        ApplicationStatus::NeedsChanges => "status-needs-changes",
        ApplicationStatus::Rejected => "status-rejected",
    }
}

/// A value's JSON name (`bank`, `domain-not-owned`): the key of its message.
pub(crate) fn json_id<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The step's id in the locale files (`step-name-bank`).
pub fn step_id(s: crate::enrollment::Step) -> String {
    json_id(&s)
}

/// The reason's id in the locale files (`reject-reason-duplicate`).
pub fn reason_id(r: crate::review::RejectReason) -> String {
    json_id(&r)
}

/// `2026-12-08 14:05 UTC`: the same in every language, and unambiguous.
pub fn utc_time(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400);
    let (y, m, d) = Date(u32::try_from(days).unwrap_or(0)).ymd();
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60
    )
}

enum Block {
    Para(String),
    Link { label: String, href: String },
}

pub fn render(mail: &Mail, messages: &Messages, brand: &Brand) -> Rendered {
    // The messages use no plural selectors.
    let plural = |_: f64| "other".to_string();
    let t = |id: &str, args: &[(&str, &str)]| {
        messages
            .format(id, args, &plural)
            .unwrap_or_else(|| id.to_string())
    };
    let product = brand.product.as_str();
    let vendor = brand.vendor.as_str();
    let (subject, mut blocks) = match mail {
        Mail::ConfirmAddress {
            reference,
            link,
            expires_at,
        } => {
            let base = [("product", product), ("reference", reference.as_str())];
            (
                t("mail-confirm-subject", &base),
                vec![
                    Block::Para(t("mail-confirm-body", &base)),
                    Block::Link {
                        label: t("mail-confirm-action", &[]),
                        href: link.clone(),
                    },
                    Block::Para(t(
                        "mail-confirm-expiry",
                        &[("expires", utc_time(*expires_at).as_str())],
                    )),
                    Block::Para(t("mail-confirm-not-you", &[("product", product)])),
                ],
            )
        }
        Mail::StatusChanged {
            reference,
            status,
            link,
            note,
        } => {
            let status_name = t(status_message(*status), &[]);
            let args = [
                ("product", product),
                ("reference", reference.as_str()),
                ("status", status_name.as_str()),
            ];
            let mut blocks = vec![
                Block::Para(t("mail-status-body", &args)),
                Block::Para(t(&format!("mail-{}", status_message(*status)), &args)),
            ];
            if let Some(n) = note {
                if !n.steps.is_empty() {
                    let names: Vec<String> = n
                        .steps
                        .iter()
                        .map(|s| t(&format!("step-name-{}", step_id(*s)), &[]))
                        .collect();
                    let steps = names.join(", ");
                    blocks.push(Block::Para(t("mail-review-steps", &[("steps", &steps)])));
                }
                if let Some(r) = n.reason {
                    let reason = t(&format!("reject-reason-{}", reason_id(r)), &[]);
                    blocks.push(Block::Para(t("mail-review-reason", &[("reason", &reason)])));
                }
                if !n.message.trim().is_empty() {
                    blocks.push(Block::Para(t(
                        "mail-review-message",
                        &[("message", n.message.trim())],
                    )));
                }
            }
            blocks.push(Block::Link {
                label: t("mail-status-action", &[]),
                href: link.clone(),
            });
            (t("mail-status-subject", &args), blocks)
        }
        Mail::Invitation {
            partner,
            name,
            sign_in_name,
            link,
            expires_at,
        } => {
            let args = [
                ("product", product),
                ("partner", partner.as_str()),
                ("name", name.as_str()),
                ("sign_in_name", sign_in_name.as_str()),
            ];
            (
                t("mail-invitation-subject", &args),
                vec![
                    Block::Para(t("mail-invitation-body", &args)),
                    Block::Para(t("mail-invitation-sign-in-name", &args)),
                    Block::Para(t("mail-invitation-first-time", &args)),
                    Block::Link {
                        label: t("mail-invitation-action", &[]),
                        href: link.clone(),
                    },
                    Block::Para(t(
                        "mail-invitation-expiry",
                        &[("expires", utc_time(*expires_at).as_str())],
                    )),
                    Block::Para(t("mail-invitation-not-you", &args)),
                ],
            )
        }
        Mail::PartnershipRequested {
            reseller,
            country,
            requested_by,
            link,
        } => {
            let args = [
                ("product", product),
                ("reseller", reseller.as_str()),
                ("country", country.as_str()),
                ("email", requested_by.as_str()),
            ];
            (
                t("mail-partnership-request-subject", &args),
                vec![
                    Block::Para(t("mail-partnership-request-body", &args)),
                    Block::Para(t("mail-partnership-request-next", &args)),
                    Block::Link {
                        label: t("mail-partnership-request-action", &[]),
                        href: link.clone(),
                    },
                ],
            )
        }
        Mail::PartnershipInvitation { provider, link } => {
            let args = [("product", product), ("provider", provider.as_str())];
            (
                t("mail-partnership-invitation-subject", &args),
                vec![
                    Block::Para(t("mail-partnership-invitation-body", &args)),
                    Block::Link {
                        label: t("mail-partnership-invitation-action", &[]),
                        href: link.clone(),
                    },
                ],
            )
        }
        Mail::RelationshipAnswered {
            customer,
            accepted,
            request,
            with_partner,
            link,
        } => {
            let what = if *accepted { "accepted" } else { "declined" };
            let args = [("customer", customer.as_str()), ("product", product)];
            let mut blocks = vec![Block::Para(t(
                &format!("mail-relationship-{what}-body"),
                &args,
            ))];
            if let Some(name) = request {
                blocks.push(Block::Para(t(
                    "mail-relationship-request",
                    &[("name", name.as_str())],
                )));
            }
            if let Some(p) = with_partner {
                blocks.push(Block::Para(t(
                    "mail-relationship-with-partner",
                    &[("partner", p.as_str())],
                )));
            }
            blocks.push(Block::Link {
                label: t(&format!("mail-relationship-{what}-action"), &[]),
                href: link.clone(),
            });
            (
                t(&format!("mail-relationship-{what}-subject"), &args),
                blocks,
            )
        }
    };
    blocks.insert(0, Block::Para(t("mail-greeting", &[])));
    blocks.push(Block::Para(t("mail-signature", &[("vendor", vendor)])));

    let mut text = String::new();
    let mut html = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\">",
    );
    for b in &blocks {
        match b {
            Block::Para(p) => {
                text.push_str(p);
                text.push_str("\n\n");
                html.push_str("<p>");
                html.push_str(&escape(p));
                html.push_str("</p>");
            }
            Block::Link { label, href } => {
                text.push_str(label);
                text.push('\n');
                text.push_str(href);
                text.push_str("\n\n");
                html.push_str("<p><a href=\"");
                html.push_str(&escape(href));
                html.push_str("\">");
                html.push_str(&escape(label));
                html.push_str("</a></p>");
            }
        }
    }
    html.push_str("</body></html>");
    Rendered {
        subject,
        text: text.trim_end().to_string() + "\n",
        html,
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(tag: &str) -> Messages {
        let file = match tag {
            "en" => include_str!("../../../static/locales/en.ftl"),
            "ru" => include_str!("../../../static/locales/ru.ftl"),
            "zh-CN" => include_str!("../../../static/locales/zh-CN.ftl"),
            _ => include_str!("../../../static/locales/fr.ftl"),
        };
        Messages::parse(file)
    }

    fn brand() -> Brand {
        Brand {
            product: "Partner Center".into(),
            vendor: "Contoso <Cloud>".into(),
        }
    }

    #[test]
    fn every_mail_has_all_its_words_in_every_language() {
        let mails = [Mail::ConfirmAddress {
            reference: "APP-000012".into(),
            link: "https://portal.example/verify-email#t=abc&x=1".into(),
            expires_at: 1_796_745_900,
        }]
        .into_iter()
        .chain(
            [
                ApplicationStatus::AwaitingEmailVerification,
                ApplicationStatus::InReview,
                ApplicationStatus::Approved,
                ApplicationStatus::NeedsChanges,
                ApplicationStatus::Rejected,
            ]
            .map(|status| Mail::StatusChanged {
                reference: "APP-000012".into(),
                status,
                link: "https://portal.example/applications/app_1".into(),
                note: Some(ReviewNote {
                    action: crate::review::Action::RequestChanges,
                    steps: vec![
                        crate::enrollment::Step::Bank,
                        crate::enrollment::Step::Legal,
                    ],
                    reason: Some(crate::review::RejectReason::DomainNotOwned),
                    message: "Le RIB <ne> correspond pas.".into(),
                    at: 0,
                }),
            }),
        )
        .chain([
            Mail::Invitation {
                partner: "Fabrikam France".into(),
                name: "Anne Martin".into(),
                sign_in_name: "anne@fabrikam.fr".into(),
                link: "https://portal.example/invitation#abc".into(),
                expires_at: 1_796_745_900,
            },
            Mail::PartnershipRequested {
                reseller: "Fabrikam".into(),
                country: "FR".into(),
                requested_by: "anne@fabrikam.fr".into(),
                link: "https://portal.example/indirect-resellers".into(),
            },
            Mail::PartnershipInvitation {
                provider: "Fabrikam Distribution".into(),
                link: "https://portal.example/indirect-providers/authorize?invType=IndirectReseller&partnerId=1".into(),
            },
        ])
        .chain([true, false].map(|accepted| Mail::RelationshipAnswered {
            customer: "ООО «Ромашка»".into(),
            accepted,
            request: Some("Поддержка 365".into()),
            with_partner: Some("Fabrikam Distribution".into()),
            link: "https://portal.example/customers".into(),
        }));
        for mail in mails {
            let about_application = matches!(
                mail,
                Mail::ConfirmAddress { .. } | Mail::StatusChanged { .. }
            );
            for tag in LANGUAGES {
                let r = render(&mail, &locale(tag), &brand());
                for part in [&r.subject, &r.text, &r.html] {
                    // A missing message shows as its id, a missing argument as `{$name}`.
                    assert!(!part.contains("mail-"), "{tag}: {part}");
                    assert!(!part.contains("step-name-"), "{tag}: {part}");
                    assert!(!part.contains("reject-reason-"), "{tag}: {part}");
                    assert!(!part.contains("{$"), "{tag}: {part}");
                }
                if about_application {
                    assert!(r.subject.contains("APP-000012"), "{tag}: {}", r.subject);
                    assert!(r.text.contains("APP-000012"), "{tag}: {}", r.text);
                } else if let Mail::RelationshipAnswered { customer, .. } = &mail {
                    assert!(
                        r.subject.contains(customer.as_str()),
                        "{tag}: {}",
                        r.subject
                    );
                    assert!(r.text.contains("https://portal.example/customers"));
                } else {
                    assert!(r.subject.contains("Fabrikam"), "{tag}: {}", r.subject);
                    assert!(
                        r.text.contains("https://portal.example/"),
                        "{tag}: {}",
                        r.text
                    );
                }
                assert!(r.text.contains("Contoso <Cloud>"));
                assert!(r.html.contains("Contoso &lt;Cloud&gt;"));
                assert!(!r.html.contains("<Cloud>"));
            }
        }
    }

    #[test]
    fn the_invitation_names_the_partner_the_sign_in_name_and_the_link_in_every_language() {
        let m = Mail::Invitation {
            partner: "Contoso <Ltd>".into(),
            name: "Иван Петров".into(),
            sign_in_name: "ivan@contoso.com".into(),
            link: "https://portal.example/invitation#abc".into(),
            expires_at: 1_796_745_900,
        };
        for tag in LANGUAGES {
            let r = render(&m, &locale(tag), &brand());
            for part in [&r.subject, &r.text, &r.html] {
                assert!(!part.contains("mail-"), "{tag}: {part}");
                assert!(!part.contains("{$"), "{tag}: {part}");
            }
            assert!(r.subject.contains("Contoso <Ltd>"), "{tag}: {}", r.subject);
            assert!(r.text.contains("ivan@contoso.com"), "{tag}: {}", r.text);
            assert!(r.text.contains("Иван Петров"), "{tag}: {}", r.text);
            assert!(r.text.contains("https://portal.example/invitation#abc"));
            assert!(r.text.contains("2026-12-08 16:05 UTC"), "{tag}: {}", r.text);
            assert!(r.html.contains("Contoso &lt;Ltd&gt;"));
        }
        // In the language asked for: the Russian email is in Russian.
        let ru = render(&m, &locale("ru"), &brand());
        let en = render(&m, &locale("en"), &brand());
        assert_ne!(ru.subject, en.subject);
    }

    #[test]
    fn the_link_is_in_both_parts_and_escaped_in_html() {
        let m = Mail::ConfirmAddress {
            reference: "APP-000001".into(),
            link: "https://portal.example/verify-email#t=abc&x=1".into(),
            expires_at: 0,
        };
        let r = render(&m, &locale("fr"), &brand());
        assert!(r
            .text
            .contains("https://portal.example/verify-email#t=abc&x=1"));
        assert!(r
            .html
            .contains("href=\"https://portal.example/verify-email#t=abc&amp;x=1\""));
        assert!(r.text.contains("1970-01-01 00:00 UTC"));
    }

    #[test]
    fn times_and_languages() {
        assert_eq!(utc_time(1_796_745_900), "2026-12-08 16:05 UTC");
        assert_eq!(language("FR"), "fr");
        assert_eq!(language("zh-cn"), "zh-CN");
        assert_eq!(language("de"), "en");
    }
}
