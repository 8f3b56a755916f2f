//! Invitation links and the drafted invitation email. The link is personalized (it carries
//! the inviting partner's ID, and the provider's for a two-tier invite), so an edited draft
//! must still contain it; the draft leaves the portal as a `mailto:` URL or clipboard text.
//!
//! The query follows the vendor's template
//! (`…?invType=ResellerRelationship&partnerId=<partner>&msppId=<provider or 0>&DAP=<true|false>`)
//! on our own base URL, which the caller passes in.

use crate::field::Field;
use crate::ids::parse_id;
use crate::problem::{required, Code, Problem, Report};
use serde::{Deserialize, Serialize};

/// What a link invites its reader to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invite {
    /// Provider → reseller: "authorize me as your indirect provider".
    IndirectReseller { provider_id: String },
    /// Partner → customer: a reseller relationship; with `provider_id` it is the two-tier
    /// invite (reseller and provider at once). `admin` asks for delegated admin access, and
    /// `request_id` names the granular (GDAP) relationship request when there is one.
    ResellerRelationship {
        partner_id: String,
        provider_id: Option<String>,
        admin: bool,
        request_id: Option<String>,
    },
}

/// The drafted email: the link, and the subject and body the UI drafted around it from the
/// locale files. The user may edit subject and body, never drop the link.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub link: String,
    pub subject: String,
    pub body: String,
}

/// `msppId` when there is no provider, as in the vendor's template.
pub const NO_PROVIDER: &str = "0";

/// The personalized link: `base` with the invite's query, before any `#fragment` of `base`.
pub fn build_link(base: &str, invite: &Invite) -> String {
    let mut q: Vec<(&str, String)> = vec![];
    match invite {
        Invite::IndirectReseller { provider_id } => {
            q.push(("invType", "IndirectReseller".into()));
            q.push(("partnerId", provider_id.clone()));
        }
        Invite::ResellerRelationship {
            partner_id,
            provider_id,
            admin,
            request_id,
        } => {
            q.push(("invType", "ResellerRelationship".into()));
            q.push(("partnerId", partner_id.clone()));
            q.push((
                "msppId",
                provider_id.clone().unwrap_or_else(|| NO_PROVIDER.into()),
            ));
            q.push(("DAP", admin.to_string()));
            if let Some(id) = request_id {
                q.push(("gdapId", id.clone()));
            }
        }
    }
    let (head, fragment) = match base.split_once('#') {
        Some((h, f)) => (h, Some(f)),
        None => (base, None),
    };
    let mut out = head.to_owned();
    let mut sep = if head.contains('?') { '&' } else { '?' };
    for (k, v) in q {
        out.push(sep);
        out.push_str(k);
        out.push('=');
        out.push_str(&percent_encode(&v));
        sep = '&';
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// Reads an invite from a deep link's query (with or without the leading `?`). Problems go
/// to `invite.partner_id` / `invite.provider_id` / `invite.type`: a malformed or missing ID
/// gets a clear page rather than a failed lookup.
pub fn parse_invite(query: &str) -> Result<Invite, Report> {
    let query = query.trim_start_matches('?');
    let query = query.split('#').next().unwrap_or_default();
    let get = |key: &str| {
        query
            .split('&')
            .filter_map(|kv| kv.split_once('=').or(Some((kv, ""))))
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| percent_decode(v))
    };
    let mut r = Report::default();
    let mut id = |field: Field, key: &str| -> Option<String> {
        match parse_id(&get(key).unwrap_or_default()) {
            Ok(id) => Some(id),
            Err(p) => {
                r.add(field, p);
                None
            }
        }
    };
    let kind = get("invType").unwrap_or_default();
    let invite = if kind.eq_ignore_ascii_case("IndirectReseller") {
        id(Field::InviteProviderId, "partnerId")
            .map(|provider_id| Invite::IndirectReseller { provider_id })
    } else if kind.eq_ignore_ascii_case("ResellerRelationship") {
        let partner = id(Field::InvitePartnerId, "partnerId");
        let mspp = get("msppId").unwrap_or_else(|| NO_PROVIDER.into());
        let provider = if mspp.trim() == NO_PROVIDER || mspp.trim().is_empty() {
            Some(None)
        } else {
            id(Field::InviteProviderId, "msppId").map(Some)
        };
        let request_id = get("gdapId").filter(|s| !s.trim().is_empty());
        match (partner, provider) {
            (Some(partner_id), Some(provider_id)) => Some(Invite::ResellerRelationship {
                partner_id,
                provider_id,
                admin: get("DAP").is_some_and(|v| v.eq_ignore_ascii_case("true")),
                request_id,
            }),
            _ => None,
        }
    } else {
        r.add(Field::InviteType, Code::InvitationUnknown);
        None
    };
    invite.ok_or(r)
}

/// Assembles the drafted email from paragraphs the UI took from the locale files
/// (`partners-email-greeting`, `…-email-body`, `…-email-action`, then the closing): a blank
/// line between paragraphs, the link on a line of its own after `before`.
pub fn draft(link: &str, subject: &str, before: &[&str], after: &[&str]) -> Invitation {
    let mut parts: Vec<&str> = before.to_vec();
    parts.push(link);
    parts.extend_from_slice(after);
    Invitation {
        link: link.to_owned(),
        subject: subject.to_owned(),
        body: parts.join("\n\n"),
    }
}

/// The draft can be sent only while its body still contains the link, exactly.
pub fn check_draft(inv: &Invitation) -> Report {
    let mut r = Report::default();
    match required(&inv.body) {
        Err(p) => r.add(Field::InvitationBody, p),
        Ok(body) if !body.contains(inv.link.trim()) => r.add(
            Field::InvitationBody,
            Problem::new(Code::InvitationLinkMissing).arg("link", inv.link.trim()),
        ),
        Ok(_) => {}
    }
    r
}

/// A `mailto:` URL (RFC 6068): subject and body UTF-8 percent-encoded, line breaks as
/// `%0D%0A` whatever the draft used, spaces as `%20` (mail programs don't read `+`).
/// `to` may be empty: the user picks the recipient in their mail program.
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    let mut out = String::from("mailto:");
    for part in to.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !out.ends_with(':') {
            out.push(',');
        }
        // `@` may stay; everything else outside unreserved is encoded.
        out.push_str(&percent_encode(part).replace("%40", "@"));
    }
    out.push_str("?subject=");
    out.push_str(&percent_encode(&crlf(subject)));
    out.push_str("&body=");
    out.push_str(&percent_encode(&crlf(body)));
    out
}

/// What "Copy to clipboard" copies: the subject, a blank line, the body.
pub fn clipboard_text(inv: &Invitation) -> String {
    format!("{}\r\n\r\n{}", inv.subject.trim(), crlf(&inv.body))
}

fn crlf(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

/// Percent-encodes every byte outside RFC 3986's unreserved set.
pub fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// The inverse of [`percent_encode`] (`+` is a space, as forms send it); malformed escapes
/// stay as they are and invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
        match b[i] {
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTNER: &str = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    const PROVIDER: &str = "11111111-2222-4333-8444-555555555555";
    const BASE: &str = "https://portal.example/invite";

    fn relationship(provider: Option<&str>, admin: bool) -> Invite {
        Invite::ResellerRelationship {
            partner_id: PARTNER.into(),
            provider_id: provider.map(Into::into),
            admin,
            request_id: None,
        }
    }

    #[test]
    fn links_follow_the_vendor_template_on_our_base() {
        assert_eq!(
            build_link(
                BASE,
                &Invite::IndirectReseller {
                    provider_id: PROVIDER.into()
                }
            ),
            format!("{BASE}?invType=IndirectReseller&partnerId={PROVIDER}")
        );
        assert_eq!(
            build_link(BASE, &relationship(None, false)),
            format!("{BASE}?invType=ResellerRelationship&partnerId={PARTNER}&msppId=0&DAP=false")
        );
        assert_eq!(
            build_link("https://p.example/Home?x=1#/partner-invitation", &relationship(Some(PROVIDER), true)),
            format!("https://p.example/Home?x=1&invType=ResellerRelationship&partnerId={PARTNER}&msppId={PROVIDER}&DAP=true#/partner-invitation")
        );
    }

    #[test]
    fn links_parse_back() {
        for inv in [
            Invite::IndirectReseller {
                provider_id: PROVIDER.into(),
            },
            relationship(None, false),
            relationship(Some(PROVIDER), true),
            Invite::ResellerRelationship {
                partner_id: PARTNER.into(),
                provider_id: None,
                admin: true,
                request_id: Some("отношение 1/合同".into()),
            },
        ] {
            let link = build_link(BASE, &inv);
            let query = link.split_once('?').unwrap().1;
            assert_eq!(parse_invite(query), Ok(inv));
        }
    }

    #[test]
    fn malformed_links_name_the_field() {
        let field = |q: &str| parse_invite(q).unwrap_err().0[0].field;
        let code = |q: &str| parse_invite(q).unwrap_err().0[0].problem.code;
        assert_eq!(
            field("invType=IndirectReseller&partnerId=123"),
            Field::InviteProviderId
        );
        assert_eq!(
            code("invType=IndirectReseller&partnerId=123"),
            Code::IdFormat
        );
        assert_eq!(code("?invType=IndirectReseller"), Code::Required);
        assert_eq!(
            code("invType=Поставщик&partnerId=1"),
            Code::InvitationUnknown
        );
        assert_eq!(code(""), Code::InvitationUnknown);
        assert_eq!(
            field(&format!(
                "invType=ResellerRelationship&partnerId={PARTNER}&msppId=供应商"
            )),
            Field::InviteProviderId
        );
    }

    #[test]
    fn a_draft_that_lost_the_link_cannot_be_sent() {
        let link = build_link(BASE, &relationship(Some(PROVIDER), false));
        for body in [
            format!("Bonjour,\n\nCliquez ici : {link}\n\nCordialement"),
            format!("Здравствуйте!\nПерейдите по ссылке: {link}"),
            format!("您好：\n请点击链接 {link} 接受邀请。"),
        ] {
            let inv = Invitation {
                link: link.clone(),
                subject: "x".into(),
                body,
            };
            assert_eq!(check_draft(&inv).0, vec![]);
        }
        let cut = Invitation {
            link: link.clone(),
            subject: "Приглашение".into(),
            body: format!("Перейдите по ссылке: {}", &link[..link.len() - 3]),
        };
        let r = check_draft(&cut);
        assert_eq!(r.0[0].problem.code, Code::InvitationLinkMissing);
        assert_eq!(r.0[0].field, Field::InvitationBody);
        let empty = Invitation {
            link,
            subject: String::new(),
            body: " \n ".into(),
        };
        assert_eq!(check_draft(&empty).0[0].problem.code, Code::Required);
    }

    #[test]
    fn mailto_encodes_utf8_and_crlf() {
        assert_eq!(
            mailto("", "Invitation: Contoso & co", "Hello,\nclick a+b=c?\n"),
            "mailto:?subject=Invitation%3A%20Contoso%20%26%20co&body=Hello%2C%0D%0Aclick%20a%2Bb%3Dc%3F%0D%0A"
        );
        assert_eq!(
            mailto("ivan@contoso.ru", "Привет", "строка 1\r\nстрока 2"),
            "mailto:ivan@contoso.ru?subject=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82&body=%D1%81%D1%82%D1%80%D0%BE%D0%BA%D0%B0%201%0D%0A%D1%81%D1%82%D1%80%D0%BE%D0%BA%D0%B0%202"
        );
        assert_eq!(
            mailto("li@contoso.cn, wang@contoso.cn", "邀请", "你好\r"),
            "mailto:li@contoso.cn,wang@contoso.cn?subject=%E9%82%80%E8%AF%B7&body=%E4%BD%A0%E5%A5%BD%0D%0A"
        );
        // The link inside the body survives a decode.
        let link = build_link(BASE, &relationship(Some(PROVIDER), true));
        let url = mailto("", "s", &format!("Lien : {link}"));
        let body = url.split_once("&body=").unwrap().1;
        assert_eq!(percent_decode(body), format!("Lien : {link}"));
    }

    #[test]
    fn clipboard_text_has_subject_then_body() {
        let inv = Invitation {
            link: "l".into(),
            subject: " Demande ".into(),
            body: "a\nb".into(),
        };
        assert_eq!(clipboard_text(&inv), "Demande\r\n\r\na\r\nb");
    }

    #[test]
    fn drafted_emails_keep_the_link_on_its_own_line() {
        let link = build_link(
            BASE,
            &Invite::IndirectReseller {
                provider_id: PROVIDER.into(),
            },
        );
        let inv = draft(
            &link,
            "Northwind vous invite",
            &[
                "Bonjour,",
                "Northwind souhaite devenir votre fournisseur indirect.",
                "Pour accepter :",
            ],
            &["Cordialement,\nNorthwind"],
        );
        assert!(inv
            .body
            .contains(&format!("Pour accepter :\n\n{link}\n\nCordialement")));
        assert_eq!(check_draft(&inv).0, vec![]);
        let url = mailto("", &inv.subject, &inv.body);
        assert!(url.contains(
            "%0D%0A%0D%0Ahttps%3A%2F%2Fportal.example%2Finvite%3FinvType%3DIndirectReseller"
        ));
    }

    proptest::proptest! {
        #[test]
        fn encoding_round_trips(s in "\\PC*") {
            proptest::prop_assert_eq!(percent_decode(&percent_encode(&s)), s);
        }

        #[test]
        fn never_panics(s in "\\PC*", t in "\\PC*") {
            let _ = parse_invite(&s);
            let _ = percent_decode(&s);
            let _ = mailto(&s, &t, &s);
            let _ = check_draft(&Invitation { link: s.clone(), subject: t.clone(), body: t });
        }
    }
}
