//! Confirming the primary contact's address, and the emails the demo would send. Links carry a
//! random token of which only a hash is kept; every decision (a link's state, the resend
//! throttle, the status after confirming) is `csp_core::verification`'s, as in any backend.
//! The demo has no mail server: each email is kept in its outbox (`State::outbox`), which the
//! app's demo Outbox page shows.

use crate::backend::Backend;
use crate::routes::{body, ok, too_many, Answer};
use csp_core::api::{
    ApiError, Application, ApplicationStatus, EmailLink, VerificationSent, VerifiedEmail,
};
use csp_core::endpoint::{Endpoint, Method};
use csp_core::field::Field;
use csp_core::mail::Mail;
use csp_core::problem::Code;
use csp_core::verification::{self as rules, LinkState, Sends, LINK_TTL_SECS};
use serde::{Deserialize, Serialize};

/// A verification link sent: the hash of its token (see [`token_hash`]), never the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredLink {
    pub hash: u64,
    pub application_id: String,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

/// The verification emails sent to one application ([`Sends`], kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendCount {
    pub application_id: String,
    pub last_at: i64,
    pub day_start: i64,
    pub in_day: i64,
}

impl SendCount {
    fn sends(&self) -> Sends {
        Sends {
            last_at: self.last_at,
            day_start: self.day_start,
            in_day: self.in_day,
        }
    }
}

/// An email the demo would have sent: to whom, in which language, when, and what (rendered
/// when shown, like a real backend's outbox renders when it sends).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMail {
    pub id: String,
    pub to: String,
    pub language: String,
    pub queued_at: i64,
    pub mail: Mail,
}

/// The demo's own operation, outside the contract: the emails it would have sent, oldest
/// first. Only the in-browser backend answers it (for the app's demo Outbox page).
pub const OUTBOX: Endpoint<(), Vec<OutboxMail>> = Endpoint::new(Method::Get, "/demo/outbox");

/// Why no email was sent: the contract's error, or 429 with the seconds to wait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Api(ApiError),
    Wait(i64),
}

impl From<ApiError> for Refused {
    fn from(e: ApiError) -> Self {
        Refused::Api(e)
    }
}

/// The hash a link's token is kept as: FNV-1a, as the demo's other stored hashes (the same in
/// every build, since the browser keeps them). A stored hash does not give back the token, so
/// reading the browser's storage does not give working links; a real backend uses a
/// cryptographic hash.
pub fn token_hash(token: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    h.write(b"csp-portal-verification");
    h.write_u8(0);
    h.write(token.trim().as_bytes());
    h.finish()
}

/// A link's refusal as the API server words it: the rule's code on the token.
fn link_problem(status: u16, code: Code) -> ApiError {
    let error = match status {
        404 => "not-found",
        410 => "gone",
        _ => "conflict",
    };
    ApiError::field(status, error, Field::VerificationToken, code.into())
}

fn unknown_link() -> ApiError {
    link_problem(404, Code::VerificationLinkUnknown)
}

fn already_verified() -> ApiError {
    link_problem(409, Code::EmailAlreadyVerified)
}

/// The verification operations: `Ok(None)` when `method path` is not one of them.
pub fn route(
    b: &mut Backend,
    method: &str,
    path: &str,
    _query: &str,
    raw: &str,
) -> Result<Option<Answer>, ApiError> {
    use csp_core::endpoint::*;
    let sent = |r: Result<VerificationSent, Refused>| match r {
        Ok(s) => Ok(Some(ok(202, &s))),
        Err(Refused::Wait(secs)) => Ok(Some(too_many(secs))),
        Err(Refused::Api(e)) => Err(e),
    };
    if OUTBOX.matches(method, path).is_some() {
        Ok(Some(ok(200, &b.state.outbox)))
    } else if VERIFY_EMAIL.matches(method, path).is_some() {
        let l: EmailLink = body(raw)?;
        Ok(Some(ok(200, &b.verify_email(&l.token)?)))
    } else if RESEND_VERIFICATION_BY_LINK.matches(method, path).is_some() {
        let l: EmailLink = body(raw)?;
        sent(b.resend_by_link(&l.token))
    } else if let Some(p) = RESEND_VERIFICATION.matches(method, path) {
        sent(b.resend_verification(p[0]))
    } else {
        Ok(None)
    }
}

impl Backend {
    fn stored_application(&mut self, id: &str) -> Option<&mut Application> {
        self.state
            .applications
            .iter_mut()
            .map(|(_, a)| a)
            .find(|a| a.id == id)
    }

    /// Keeps an email to the application's primary contact, in the application's language.
    pub(crate) fn queue_mail(&mut self, app: &Application, mail: Mail) {
        let id = self.new_id();
        self.state.outbox.push(OutboxMail {
            id,
            to: app.primary_contact_email.clone(),
            language: csp_core::mail::language(&app.language).into(),
            queued_at: self.now,
            mail,
        });
    }

    /// A new link to the application's address: its token's hash kept, its email queued and
    /// counted as `sends`, the application's facts updated.
    pub(crate) fn send_link(&mut self, id: &str, sends: Sends) -> Option<VerificationSent> {
        let token = self.new_id();
        let now = self.now;
        let expires_at = now + LINK_TTL_SECS;
        let link = rules::link(&self.link_base, &token);
        let resend_at = sends.resend_at();
        let app = self.stored_application(id)?;
        app.verification_sent_at = Some(now);
        app.verification_resend_at = Some(resend_at);
        let app = app.clone();
        self.state.verification_links.push(StoredLink {
            hash: token_hash(&token),
            application_id: id.into(),
            expires_at,
            used_at: None,
        });
        self.state
            .verification_sends
            .retain(|s| s.application_id != id);
        self.state.verification_sends.push(SendCount {
            application_id: id.into(),
            last_at: sends.last_at,
            day_start: sends.day_start,
            in_day: sends.in_day,
        });
        let mail = Mail::ConfirmAddress {
            reference: app.reference.clone(),
            link,
            expires_at,
        };
        self.queue_mail(&app, mail);
        Some(VerificationSent {
            email: app.primary_contact_email,
            sent_at: now,
            resend_at,
        })
    }

    /// Another link for application `id`, if its address is not verified yet and the throttle
    /// allows one now.
    fn send_another(&mut self, id: &str) -> Result<VerificationSent, Refused> {
        let app = self.application(id)?;
        if app.email_verified_at.is_some() {
            return Err(already_verified().into());
        }
        let now = self.now;
        let sends = match self
            .state
            .verification_sends
            .iter()
            .find(|s| s.application_id == id)
        {
            Some(s) => s.sends().next(now).map_err(Refused::Wait)?,
            None => Sends::first(now),
        };
        self.send_link(id, sends)
            .ok_or_else(|| ApiError::new(404, "not-found").into())
    }

    /// `POST /email-verifications`: the link's token confirms the address once, before it
    /// expires; the review starts.
    pub fn verify_email(&mut self, token: &str) -> Result<VerifiedEmail, ApiError> {
        let hash = token_hash(token);
        let now = self.now;
        let i = self
            .state
            .verification_links
            .iter()
            .position(|l| l.hash == hash)
            .ok_or_else(unknown_link)?;
        let l = &self.state.verification_links[i];
        match rules::link_state(l.expires_at, l.used_at, now) {
            LinkState::Used => return Err(link_problem(409, Code::VerificationLinkUsed)),
            LinkState::Expired => return Err(link_problem(410, Code::VerificationLinkExpired)),
            LinkState::Valid => {}
        }
        let id = l.application_id.clone();
        let app = self.stored_application(&id).ok_or_else(unknown_link)?;
        // Another link of the same address may have been followed first: the first time
        // stays, as on the API server.
        app.email_verified_at = app.email_verified_at.or(Some(now));
        app.verification_resend_at = None;
        app.status = rules::after_confirming(app.status);
        let done = VerifiedEmail {
            reference: app.reference.clone(),
            email: app.primary_contact_email.clone(),
            status: app.status,
        };
        self.state.verification_links[i].used_at = Some(now);
        Ok(done)
    }

    /// `POST /email-verifications/resend`: a new link to the address an earlier link went to.
    pub fn resend_by_link(&mut self, token: &str) -> Result<VerificationSent, Refused> {
        let hash = token_hash(token);
        let id = self
            .state
            .verification_links
            .iter()
            .find(|l| l.hash == hash)
            .map(|l| l.application_id.clone())
            .ok_or_else(unknown_link)?;
        self.send_another(&id)
    }

    /// `POST /applications/{id}/verification-email`: the applicant who submitted it asks for
    /// another link. The demo keeps no owner with an application: the tab's applicant session
    /// must be open, and on the application's tenant when it has one.
    pub fn resend_verification(&mut self, id: &str) -> Result<VerificationSent, Refused> {
        let applicant = self
            .applicant()
            .ok_or_else(|| ApiError::new(401, "unauthorized"))?;
        let app = self.application(id)?;
        if app
            .tenant
            .as_ref()
            .is_some_and(|t| !t.domain.eq_ignore_ascii_case(&applicant.domain))
        {
            return Err(ApiError::new(404, "not-found").into());
        }
        self.send_another(id)
    }

    /// The status change's email, when the status is a new one.
    pub(crate) fn status_changed(&mut self, before: ApplicationStatus, app: &Application) {
        if before == app.status {
            return;
        }
        let mail = Mail::StatusChanged {
            reference: app.reference.clone(),
            status: app.status,
            link: rules::status_page(&self.link_base, &app.id),
            note: app.review.clone(),
        };
        self.queue_mail(app, mail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::State;
    use crate::routes::{handle, Request};
    use csp_core::api::SubmitApplication;
    use csp_core::fixtures::french_draft;
    use csp_core::verification::{RESEND_GAP_SECS, SENDS_PER_DAY};

    const BASE: &str = "https://portal.example";
    const T0: i64 = 1_796_745_600;

    fn backend() -> Backend {
        let mut b = Backend::new(State::default(), crate::not_random());
        b.link_base = BASE.into();
        b.now = T0;
        b
    }

    fn submit(b: &mut Backend, language: &str) -> Application {
        b.submit(&SubmitApplication {
            idempotency_key: format!("k-{language}"),
            draft: french_draft(),
            language: language.into(),
        })
        .unwrap()
    }

    /// The token of the link in the last email queued.
    fn last_token(b: &Backend) -> String {
        match &b.state.outbox.last().unwrap().mail {
            Mail::ConfirmAddress { link, .. } => link
                .strip_prefix(&format!("{BASE}/verify-email#"))
                .unwrap()
                .to_string(),
            m => panic!("not a link: {m:?}"),
        }
    }

    fn call(b: &mut Backend, method: &str, path: &str, body: &str) -> Answer {
        handle(
            b,
            &Request {
                method,
                path,
                body,
                session: None,
            },
        )
    }

    fn link_body(token: &str) -> String {
        serde_json::to_string(&EmailLink {
            token: token.into(),
        })
        .unwrap()
    }

    #[test]
    fn submitting_queues_the_link_in_the_applicants_language() {
        let mut b = backend();
        let app = submit(&mut b, "fr");
        assert_eq!(app.language, "fr");
        assert_eq!(app.email_verified_at, None);
        assert_eq!(app.verification_sent_at, Some(T0));
        assert_eq!(app.verification_resend_at, Some(T0 + RESEND_GAP_SECS));
        assert_eq!(b.state.outbox.len(), 1);
        let m = &b.state.outbox[0];
        assert_eq!(
            (m.to.as_str(), m.language.as_str(), m.queued_at),
            (app.primary_contact_email.as_str(), "fr", T0)
        );
        let token = last_token(&b);
        assert_eq!(
            m.mail,
            Mail::ConfirmAddress {
                reference: app.reference.clone(),
                link: format!("{BASE}/verify-email#{token}"),
                expires_at: T0 + LINK_TTL_SECS,
            }
        );
        // Only the hash is kept with the link: the browser's stored state gives no working link
        // but through the outbox.
        let stored = serde_json::to_string(&b.state.verification_links).unwrap();
        assert!(!stored.contains(&token));
        assert_eq!(b.state.verification_links[0].hash, token_hash(&token));
        let listed = call(&mut b, "GET", "/demo/outbox", "");
        assert_eq!(listed.status, 200);
        let listed: Vec<OutboxMail> = serde_json::from_str(&listed.body).unwrap();
        assert_eq!(listed, b.state.outbox);
        // The same submission again queues nothing more.
        assert_eq!(submit(&mut b, "fr"), app);
        assert_eq!(b.state.outbox.len(), 1);
        // An unknown language is English.
        assert_eq!(submit(&mut b, "de").language, "en");
        assert_eq!(b.state.outbox[1].language, "en");
    }

    #[test]
    fn a_link_works_once() {
        let mut b = backend();
        let app = submit(&mut b, "fr");
        let token = last_token(&b);
        b.now += 3600;
        let a = call(&mut b, "POST", "/email-verifications", &link_body(&token));
        assert_eq!(a.status, 200, "{}", a.body);
        let v: VerifiedEmail = serde_json::from_str(&a.body).unwrap();
        assert_eq!(
            v,
            VerifiedEmail {
                reference: app.reference.clone(),
                email: app.primary_contact_email.clone(),
                status: ApplicationStatus::InReview,
            }
        );
        let now = b.application(&app.id).unwrap();
        assert_eq!(now.status, ApplicationStatus::InReview);
        assert_eq!(now.email_verified_at, Some(T0 + 3600));
        let again = call(&mut b, "POST", "/email-verifications", &link_body(&token));
        assert_eq!(again.status, 409);
        assert!(again.body.contains("verification-link-used"));
        // Nothing to send any more.
        let r = call(
            &mut b,
            "POST",
            "/email-verifications/resend",
            &link_body(&token),
        );
        assert_eq!(r.status, 409);
        assert!(r.body.contains("email-already-verified"));
        // A token never issued, and one changed by a character.
        for forged in ["nope", &token[1..], ""] {
            let a = call(&mut b, "POST", "/email-verifications", &link_body(forged));
            assert_eq!(a.status, 404, "{forged}");
            assert!(a.body.contains("verification-link-unknown"));
        }
        let e = call(&mut b, "POST", "/email-verifications", "{}");
        assert_eq!(e.status, 400);
    }

    #[test]
    fn refusals_are_worded_as_the_api_server_words_them_and_a_second_link_keeps_the_first_time() {
        let mut b = backend();
        let app = submit(&mut b, "fr");
        let first = last_token(&b);
        b.now += RESEND_GAP_SECS;
        b.send_another(&app.id).unwrap();
        let second = last_token(&b);
        let ok1 = call(&mut b, "POST", "/email-verifications", &link_body(&first));
        assert_eq!(ok1.status, 200);
        b.now += 10;
        // The other link still works: the address stays verified since the first.
        let ok2 = call(&mut b, "POST", "/email-verifications", &link_body(&second));
        assert_eq!(ok2.status, 200, "{}", ok2.body);
        let a = b.application(&app.id).unwrap();
        assert_eq!(a.email_verified_at, Some(T0 + RESEND_GAP_SECS));
        assert_eq!(a.verification_resend_at, None);
        let used = call(&mut b, "POST", "/email-verifications", &link_body(&second));
        let e: ApiError = serde_json::from_str(&used.body).unwrap();
        assert_eq!((e.status, e.error.as_str()), (409, "conflict"));
        assert_eq!(e.field_errors[0].field, Field::VerificationToken);
        assert_eq!(e.field_errors[0].problem.code, Code::VerificationLinkUsed);
    }

    #[test]
    fn an_expired_link_gets_a_new_one_to_the_same_address() {
        let mut b = backend();
        let app = submit(&mut b, "ru");
        let old = last_token(&b);
        b.now = T0 + LINK_TTL_SECS - 1;
        // Still valid a second before it expires (checked without following it).
        assert_eq!(
            rules::link_state(
                b.state.verification_links[0].expires_at,
                b.state.verification_links[0].used_at,
                b.now
            ),
            LinkState::Valid
        );
        b.now = T0 + LINK_TTL_SECS;
        let a = call(&mut b, "POST", "/email-verifications", &link_body(&old));
        assert_eq!(a.status, 410);
        assert!(a.body.contains("verification-link-expired"));
        let r = call(
            &mut b,
            "POST",
            "/email-verifications/resend",
            &link_body(&old),
        );
        assert_eq!(r.status, 202, "{}", r.body);
        let sent: VerificationSent = serde_json::from_str(&r.body).unwrap();
        assert_eq!(
            sent,
            VerificationSent {
                email: app.primary_contact_email.clone(),
                sent_at: b.now,
                resend_at: b.now + RESEND_GAP_SECS,
            }
        );
        assert_eq!(b.state.outbox.len(), 2);
        assert_eq!(b.state.outbox[1].to, app.primary_contact_email);
        assert_eq!(b.state.outbox[1].language, "ru");
        let new = last_token(&b);
        assert_ne!(new, old);
        let a = call(&mut b, "POST", "/email-verifications", &link_body(&new));
        assert_eq!(a.status, 200, "{}", a.body);
        // The old one stays expired.
        let a = call(&mut b, "POST", "/email-verifications", &link_body(&old));
        assert_eq!(a.status, 410);
    }

    #[test]
    fn resending_is_throttled() {
        let mut b = backend();
        let app = submit(&mut b, "zh-CN");
        let path = format!("/applications/{}/verification-email", app.id);
        // The applicant's own session is needed.
        assert_eq!(call(&mut b, "POST", &path, "").status, 401);
        b.open_applicant(app.tenant.clone().unwrap());
        let a = call(&mut b, "POST", &path, "");
        assert_eq!((a.status, a.retry_after), (429, Some(60)));
        assert!(a.body.contains("too-many-requests"));
        b.now += 45;
        assert_eq!(call(&mut b, "POST", &path, "").retry_after, Some(15));
        b.now = T0 + RESEND_GAP_SECS;
        for n in 2..=SENDS_PER_DAY {
            let a = call(&mut b, "POST", &path, "");
            assert_eq!(a.status, 202, "send {n}: {}", a.body);
            let sent: VerificationSent = serde_json::from_str(&a.body).unwrap();
            let app = b.application(&app.id).unwrap();
            assert_eq!(app.verification_sent_at, Some(b.now));
            assert_eq!(app.verification_resend_at, Some(sent.resend_at));
            if n < SENDS_PER_DAY {
                assert_eq!(sent.resend_at, b.now + RESEND_GAP_SECS);
            } else {
                // The day's last: the next one waits for the day to end, and says so at once.
                assert_eq!(sent.resend_at, T0 + 24 * 3600);
            }
            b.now += RESEND_GAP_SECS;
        }
        assert_eq!(b.state.outbox.len() as i64, SENDS_PER_DAY);
        let a = call(&mut b, "POST", &path, "");
        assert_eq!(a.status, 429);
        assert_eq!(a.retry_after, Some((T0 + 24 * 3600 - b.now) as u32));
        // Through a link, the same count.
        let token = last_token(&b);
        let r = call(
            &mut b,
            "POST",
            "/email-verifications/resend",
            &link_body(&token),
        );
        assert_eq!(r.status, 429);
        b.now = T0 + 24 * 3600;
        assert_eq!(call(&mut b, "POST", &path, "").status, 202);
        // Someone else's application.
        b.open_applicant(csp_core::enrollment::Tenant {
            domain: "fabrikam.fr".into(),
            country: "FR".into(),
            organization: "Fabrikam".into(),
        });
        b.now += 3600;
        assert_eq!(call(&mut b, "POST", &path, "").status, 404);
    }

    #[test]
    fn a_status_change_emails_the_primary_contact_in_their_language() {
        let mut b = backend();
        let app = submit(&mut b, "fr");
        b.now += 7200;
        b.set_status(&app.id, ApplicationStatus::Approved).unwrap();
        assert_eq!(b.state.outbox.len(), 2);
        let m = &b.state.outbox[1];
        assert_eq!(
            (m.to.as_str(), m.language.as_str(), m.queued_at),
            (app.primary_contact_email.as_str(), "fr", T0 + 7200)
        );
        assert_eq!(
            m.mail,
            Mail::StatusChanged {
                reference: app.reference.clone(),
                status: ApplicationStatus::Approved,
                link: format!("{BASE}/applications/{}", app.id),
                note: None,
            }
        );
        // The same status again is no change.
        b.set_status(&app.id, ApplicationStatus::Approved).unwrap();
        assert_eq!(b.state.outbox.len(), 2);
    }

    #[test]
    fn a_state_stored_before_the_outbox_still_loads() {
        let mut b = backend();
        submit(&mut b, "fr");
        let mut v = serde_json::to_value(&b.state).unwrap();
        let o = v.as_object_mut().unwrap();
        for key in ["outbox", "verification_links", "verification_sends"] {
            assert!(o.remove(key).is_some(), "{key}");
        }
        for pair in o["applications"].as_array_mut().unwrap() {
            let a = pair[1].as_object_mut().unwrap();
            for key in [
                "language",
                "email_verified_at",
                "verification_sent_at",
                "verification_resend_at",
            ] {
                assert!(a.remove(key).is_some(), "{key}");
            }
        }
        let old: State = serde_json::from_value(v).unwrap();
        assert!(old.outbox.is_empty());
        let mut b = Backend::new(old, crate::not_random());
        b.now = T0 + 60;
        let id = b.state.applications[0].1.id.clone();
        // With no count kept, a first email may go at once.
        b.open_applicant(b.state.applications[0].1.tenant.clone().unwrap());
        assert!(b.resend_verification(&id).is_ok());
    }
}
