//! The invitation email a new partner user receives: a one-time link that lets them choose
//! their own password and signs them in. Only the link's token hash is stored (as for the
//! address-verification links); both backends decide a link's state, and who may send the
//! invitation again, with these functions.
//!
//! A link rather than the temporary password in the email: an email lingers in mailboxes,
//! archives and forwarding rules long after it is read, and a password in it stays a working
//! secret until someone changes it; a link that was used, replaced or has expired is
//! worthless to whoever reads the email later.

use crate::problem::Code;

/// An invitation link works for three days: a new user may be added on a Friday.
pub const LINK_TTL_SECS: i64 = 3 * 24 * 3600;

/// The app's page an invitation link opens. The token travels in the fragment, which a
/// browser never sends to a server, so no access log or proxy records it; the page posts it
/// to `POST /user-invitations/lookup` and `POST /user-invitations/accept`.
pub const INVITATION_PAGE: &str = "/invitation";

/// The link in the email: `base` is where the app is served (`https://portal.example`).
pub fn link(base: &str, token: &str) -> String {
    format!("{}{INVITATION_PAGE}#{token}", base.trim_end_matches('/'))
}

/// One stored invitation link, as a backend reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredInvitation {
    pub expires_at: i64,
    pub used_at: Option<i64>,
    /// When the admin sent the invitation again: the newer link replaces this one.
    pub replaced_at: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Valid,
    /// Followed once already, or the user chose a password another way: a second use is
    /// refused even before the link expires.
    Used,
    /// Past its time, or replaced by a newer invitation: the user asks their admin for one.
    Expired,
}

/// The link's state; `password_chosen`: the user has set their own password already (signed
/// in with the temporary one and changed it), so the link has nothing left to do.
pub fn link_state(link: StoredInvitation, password_chosen: bool, now: i64) -> LinkState {
    if link.used_at.is_some() || password_chosen {
        LinkState::Used
    } else if link.replaced_at.is_some() || now >= link.expires_at {
        LinkState::Expired
    } else {
        LinkState::Valid
    }
}

/// The refusal a link's state is answered with: (HTTP status, code).
pub fn refusal(state: LinkState) -> Option<(u16, Code)> {
    match state {
        LinkState::Valid => None,
        LinkState::Used => Some((409, Code::InvitationLinkUsed)),
        LinkState::Expired => Some((410, Code::InvitationLinkExpired)),
    }
}

/// Whether the invitation may be sent again (by a user manager who may manage the user, as
/// for any change to a user): only while the user has not chosen their own password, as a
/// new link would otherwise let whoever reads the mailbox replace it.
pub fn may_resend(password_chosen: bool) -> Result<(), Code> {
    if password_chosen {
        Err(Code::InvitationAccepted)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(used_at: Option<i64>, replaced_at: Option<i64>) -> StoredInvitation {
        StoredInvitation {
            expires_at: 1_000 + LINK_TTL_SECS,
            used_at,
            replaced_at,
        }
    }

    #[test]
    fn a_link_works_once_until_it_expires_or_is_replaced() {
        let exp = 1_000 + LINK_TTL_SECS;
        assert_eq!(
            link_state(stored(None, None), false, 1_000),
            LinkState::Valid
        );
        assert_eq!(
            link_state(stored(None, None), false, exp - 1),
            LinkState::Valid
        );
        assert_eq!(
            link_state(stored(None, None), false, exp),
            LinkState::Expired
        );
        assert_eq!(
            link_state(stored(None, Some(1_200)), false, 1_300),
            LinkState::Expired
        );
        assert_eq!(
            link_state(stored(Some(1_500), None), false, 1_600),
            LinkState::Used
        );
        // Used wins over expired and replaced: the user is told they are set up already.
        assert_eq!(
            link_state(stored(Some(1_500), Some(1_600)), false, exp + 1),
            LinkState::Used
        );
        // A password chosen another way (the temporary one, then changed) uses the link up.
        assert_eq!(link_state(stored(None, None), true, 1_000), LinkState::Used);
    }

    #[test]
    fn refusals_and_resending() {
        assert_eq!(refusal(LinkState::Valid), None);
        assert_eq!(
            refusal(LinkState::Used),
            Some((409, Code::InvitationLinkUsed))
        );
        assert_eq!(
            refusal(LinkState::Expired),
            Some((410, Code::InvitationLinkExpired))
        );
        assert_eq!(may_resend(false), Ok(()));
        assert_eq!(may_resend(true), Err(Code::InvitationAccepted));
    }

    #[test]
    fn the_token_is_in_the_fragment() {
        assert_eq!(
            link("https://portal.example/", "abc"),
            "https://portal.example/invitation#abc"
        );
    }
}
