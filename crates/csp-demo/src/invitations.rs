//! An added user's invitation email, as the API server sends it: queued with the user in the
//! language chosen for them, a one-time link kept as its token's hash, followed once to choose
//! the password (which signs the user in), replaced when a user manager sends it again. Every
//! decision is `csp_core::user_invitation`'s. The demo has no mail server: the email is in its
//! outbox, which the app's demo Outbox page shows, link included.

use crate::backend::Backend;
use crate::verification::OutboxMail;
use csp_core::api::{
    AcceptInvitation, ApiError, InvitationDetails, InvitationSent, SessionInfo, User,
};
use csp_core::field::Field;
use csp_core::mail::Mail;
use csp_core::problem::Code;
use csp_core::user_invitation::{
    self as rules, link_state, may_resend, refusal, StoredInvitation, LINK_TTL_SECS,
};
use serde::{Deserialize, Serialize};

/// An invitation link sent: the hash of its token, never the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredLink {
    pub hash: u64,
    pub user_id: String,
    pub language: String,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    pub replaced_at: Option<i64>,
}

impl StoredLink {
    fn stored(&self) -> StoredInvitation {
        StoredInvitation {
            expires_at: self.expires_at,
            used_at: self.used_at,
            replaced_at: self.replaced_at,
        }
    }
}

/// The hash an invitation token is kept as (see `crate::verification::token_hash`), in a
/// domain of its own so no verification token is ever an invitation's.
fn token_hash(token: &str) -> u64 {
    crate::verification::token_hash(&format!("invitation:{}", token.trim()))
}

/// A link's refusal as the API server words it: the rule's code on the token.
fn link_problem(code: Code) -> ApiError {
    let (status, error) = match code {
        Code::InvitationLinkUnknown => (404, "not-found"),
        Code::InvitationLinkExpired => (410, "gone"),
        _ => (409, "conflict"),
    };
    ApiError::field(status, error, Field::UserInvitationToken, code.into())
}

impl Backend {
    /// Queues the invitation email to `user` with a new link in `language`, replacing any
    /// earlier link of theirs; until when the new one works.
    pub(crate) fn send_user_invitation(&mut self, user: &User, language: &str) -> i64 {
        let token = format!("{}{}", self.new_id(), self.new_id());
        let now = self.now;
        let expires_at = now + LINK_TTL_SECS;
        for l in self
            .state
            .user_invitations
            .iter_mut()
            .filter(|l| l.user_id == user.id && l.replaced_at.is_none())
        {
            l.replaced_at = Some(now);
        }
        self.state.user_invitations.push(StoredLink {
            hash: token_hash(&token),
            user_id: user.id.clone(),
            language: language.into(),
            expires_at,
            used_at: None,
            replaced_at: None,
        });
        let partner = self
            .partner(&user.partner_id)
            .map(|p| p.partner.name.clone())
            .unwrap_or_default();
        let mail = Mail::Invitation {
            partner,
            name: user.name.clone(),
            sign_in_name: user.email.clone(),
            link: rules::link(&self.link_base, &token),
            expires_at,
        };
        let id = self.new_id();
        self.state.outbox.push(OutboxMail {
            id,
            to: user.email.clone(),
            language: language.into(),
            queued_at: now,
            mail,
        });
        expires_at
    }

    /// The link behind `token` and its user while it is valid; its refusal otherwise.
    fn valid_invitation(&self, token: &str) -> Result<(usize, User), ApiError> {
        let hash = token_hash(token);
        let unknown = || link_problem(Code::InvitationLinkUnknown);
        let i = self
            .state
            .user_invitations
            .iter()
            .position(|l| l.hash == hash)
            .ok_or_else(unknown)?;
        let l = &self.state.user_invitations[i];
        let user = self
            .state
            .users
            .iter()
            .find(|u| u.id == l.user_id)
            .cloned()
            .ok_or_else(unknown)?;
        let chosen = !self.state.must_change_password.contains(&user.id);
        match refusal(link_state(l.stored(), chosen, self.now)) {
            Some((_, code)) => Err(link_problem(code)),
            None => Ok((i, user)),
        }
    }

    /// `POST /user-invitations/lookup`.
    pub fn lookup_invitation(&self, token: &str) -> Result<InvitationDetails, ApiError> {
        let (i, user) = self.valid_invitation(token)?;
        Ok(InvitationDetails {
            partner_name: self
                .partner(&user.partner_id)
                .map(|p| p.partner.name.clone())
                .unwrap_or_default(),
            name: user.name,
            sign_in_name: user.email,
            expires_at: self.state.user_invitations[i].expires_at,
        })
    }

    /// `POST /user-invitations/accept`: the password chosen, the link used up, a session
    /// opened (its token, as `POST /session` answers).
    pub fn accept_invitation(
        &mut self,
        a: &AcceptInvitation,
    ) -> Result<(String, SessionInfo), ApiError> {
        let (i, user) = self.valid_invitation(&a.token)?;
        crate::backend::report_err(csp_core::users::check_invited_password(
            &user.email,
            &a.new_password,
        ))?;
        self.state.user_invitations[i].used_at = Some(self.now);
        self.set_password(&user, &a.new_password);
        Ok(self.open_session(&user))
    }

    /// `POST /users/{id}/invitation`: a user manager who may manage the user sends it again,
    /// in the language of the last one.
    pub fn resend_invitation(&mut self, id: &str) -> Result<InvitationSent, ApiError> {
        let user = self.managed_user(id)?;
        let chosen = !self.state.must_change_password.contains(&user.id);
        may_resend(chosen)
            .map_err(|c| ApiError::field(409, "conflict", Field::UserInvitationToken, c.into()))?;
        let language = self
            .state
            .user_invitations
            .iter()
            .rev()
            .find(|l| l.user_id == user.id)
            .map_or_else(|| "en".to_string(), |l| l.language.clone());
        let expires_at = self.send_user_invitation(&user, &language);
        Ok(InvitationSent {
            email: user.email,
            expires_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::backend::{Backend, State};
    use crate::routes::{handle, Request};
    use csp_demo_data::DEMO_ADMIN;
    use serde_json::{json, Value};

    fn call(
        b: &mut Backend,
        method: &str,
        path: &str,
        body: Value,
        session: Option<&str>,
    ) -> (u16, Value, Option<Option<String>>) {
        let body = body.to_string();
        let a = handle(
            b,
            &Request {
                method,
                path,
                body: &body,
                session,
            },
        );
        (
            a.status,
            serde_json::from_str(&a.body).unwrap_or(Value::Null),
            a.session,
        )
    }

    fn token(b: &Backend, to: &str) -> (String, String) {
        let m = b
            .state
            .outbox
            .iter()
            .rev()
            .find(|m| m.to == to)
            .expect("an invitation");
        let v = serde_json::to_value(&m.mail).unwrap();
        assert_eq!(v["kind"], "invitation");
        let link = v["link"].as_str().unwrap();
        (
            m.language.clone(),
            link.split_once("/invitation#").unwrap().1.to_string(),
        )
    }

    #[test]
    fn the_invitation_is_in_the_outbox_and_its_link_signs_the_user_in_once() {
        let mut b = Backend::new(State::seeded(), crate::not_random());
        b.link_base = "https://portal.example".into();
        let (s, _, session) = call(
            &mut b,
            "POST",
            "/session",
            json!({"user_name": DEMO_ADMIN, "password": "demo"}),
            None,
        );
        assert_eq!(s, 200);
        let admin = session.unwrap().unwrap();
        let (s, made, _) = call(
            &mut b,
            "POST",
            "/users",
            json!({"name": "Иван", "email": "ivan@contoso.com", "agent_role": "sales-agent", "admin_role": null, "language": "ru"}),
            Some(&admin),
        );
        assert_eq!(s, 201, "{made}");
        let (language, first) = token(&b, "ivan@contoso.com");
        assert_eq!(language, "ru");
        let (s, d, _) = call(
            &mut b,
            "POST",
            "/user-invitations/lookup",
            json!({"token": first}),
            None,
        );
        assert_eq!(
            (s, d["sign_in_name"].as_str()),
            (200, Some("ivan@contoso.com"))
        );

        // Sent again: the first link is replaced, the language kept.
        let id = made["user"]["id"].as_str().unwrap().to_string();
        let path = format!("/users/{id}/invitation");
        let (s, _, _) = call(&mut b, "POST", &path, Value::Null, None);
        assert_eq!(s, 401);
        let (s, _, _) = call(&mut b, "POST", &path, Value::Null, Some(&admin));
        assert_eq!(s, 202);
        let (language, second) = token(&b, "ivan@contoso.com");
        assert_eq!(language, "ru");
        let (s, d, _) = call(
            &mut b,
            "POST",
            "/user-invitations/lookup",
            json!({"token": first}),
            None,
        );
        assert_eq!(
            (s, d["field_errors"][0]["code"].as_str()),
            (410, Some("invitation-link-expired"))
        );

        let (s, info, session) = call(
            &mut b,
            "POST",
            "/user-invitations/accept",
            json!({"token": second, "new_password": "Берёзовая-роща-42"}),
            None,
        );
        assert_eq!(s, 200, "{info}");
        assert_eq!(info["must_change_password"], false);
        assert!(session.unwrap().is_some(), "signed in");
        let (s, _, _) = call(
            &mut b,
            "POST",
            "/session",
            json!({"user_name": "ivan@contoso.com", "password": "Берёзовая-роща-42"}),
            None,
        );
        assert_eq!(s, 200);
        let (s, d, _) = call(
            &mut b,
            "POST",
            "/user-invitations/lookup",
            json!({"token": second}),
            None,
        );
        assert_eq!(
            (s, d["field_errors"][0]["code"].as_str()),
            (409, Some("invitation-link-used"))
        );
        let (s, d, _) = call(&mut b, "POST", &path, Value::Null, Some(&admin));
        assert_eq!(
            (s, d["field_errors"][0]["code"].as_str()),
            (409, Some("invitation-accepted"))
        );
        let (s, _, _) = call(
            &mut b,
            "POST",
            "/user-invitations/lookup",
            json!({"token": "nope"}),
            None,
        );
        assert_eq!(s, 404);
    }
}
