//! Confirming the primary contact's address: how long a link works, what a link's state is,
//! how often another one may be sent, and what confirming does to the application. Both
//! backends decide with these functions; the links themselves (random tokens, stored hashed)
//! are each backend's.

use crate::api::ApplicationStatus;

/// A link works for three days: long enough for a weekend, short enough that an old mailbox
/// copy is useless.
pub const LINK_TTL_SECS: i64 = 3 * 24 * 3600;
/// Between two emails to one application.
pub const RESEND_GAP_SECS: i64 = 60;
/// Emails to one application in a rolling day, the first included.
pub const SENDS_PER_DAY: i64 = 5;
const DAY: i64 = 24 * 3600;

/// The app's page a verification link opens. The token travels in the fragment, which a
/// browser never sends to a server, so no access log or proxy ever records it; the page
/// posts it to `POST /email-verifications`.
pub const VERIFY_PAGE: &str = "/verify-email";

/// The link in the email: `base` is where the app is served (`https://portal.example`).
pub fn link(base: &str, token: &str) -> String {
    format!("{}{VERIFY_PAGE}#{token}", base.trim_end_matches('/'))
}

/// The application's status page, for the status emails.
pub fn status_page(base: &str, application_id: &str) -> String {
    format!(
        "{}/applications/{application_id}",
        base.trim_end_matches('/')
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Valid,
    /// Followed once already: a second use is refused even before it expires.
    Used,
    Expired,
}

pub fn link_state(expires_at: i64, used_at: Option<i64>, now: i64) -> LinkState {
    match used_at {
        Some(_) => LinkState::Used,
        None if now >= expires_at => LinkState::Expired,
        None => LinkState::Valid,
    }
}

/// The emails sent to one application so far: the last one, and the count in the day that
/// began with `day_start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sends {
    pub last_at: i64,
    pub day_start: i64,
    pub in_day: i64,
}

impl Sends {
    /// The first email, sent with the application.
    pub fn first(now: i64) -> Sends {
        Sends {
            last_at: now,
            day_start: now,
            in_day: 1,
        }
    }

    /// The earliest another email may go.
    pub fn resend_at(self) -> i64 {
        let gap = self.last_at + RESEND_GAP_SECS;
        if self.in_day >= SENDS_PER_DAY {
            gap.max(self.day_start + DAY)
        } else {
            gap
        }
    }

    /// Another email now, or the seconds to wait before one may go.
    pub fn next(self, now: i64) -> Result<Sends, i64> {
        let gap = self.last_at + RESEND_GAP_SECS - now;
        if gap > 0 {
            return Err(gap);
        }
        if now - self.day_start >= DAY {
            return Ok(Sends::first(now));
        }
        if self.in_day >= SENDS_PER_DAY {
            return Err(self.day_start + DAY - now);
        }
        Ok(Sends {
            last_at: now,
            day_start: self.day_start,
            in_day: self.in_day + 1,
        })
    }
}

/// The application's status once its address is confirmed: review starts if it was waiting
/// for this; a status a reviewer already set stays.
pub fn after_confirming(status: ApplicationStatus) -> ApplicationStatus {
    match status {
        ApplicationStatus::AwaitingEmailVerification => ApplicationStatus::InReview,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_works_until_it_expires_and_only_once() {
        let exp = 1_000 + LINK_TTL_SECS;
        assert_eq!(link_state(exp, None, 1_000), LinkState::Valid);
        assert_eq!(link_state(exp, None, exp - 1), LinkState::Valid);
        assert_eq!(link_state(exp, None, exp), LinkState::Expired);
        assert_eq!(link_state(exp, Some(1_500), 1_600), LinkState::Used);
        // Used wins over expired: the person is told it worked once, not to ask again.
        assert_eq!(link_state(exp, Some(1_500), exp + 10), LinkState::Used);
    }

    #[test]
    fn resending_waits_a_minute_and_stops_at_five_a_day() {
        let t0 = 10_000;
        let s = Sends::first(t0);
        assert_eq!(s.next(t0 + 30), Err(30));
        let mut s = s.next(t0 + 60).unwrap();
        assert_eq!(s.in_day, 2);
        for i in 3..=SENDS_PER_DAY {
            s = s.next(s.last_at + RESEND_GAP_SECS).unwrap();
            assert_eq!(s.in_day, i);
        }
        let later = s.last_at + RESEND_GAP_SECS;
        assert_eq!(s.next(later), Err(t0 + DAY - later));
        assert_eq!(s.resend_at(), t0 + DAY);
        assert_eq!(Sends::first(t0).resend_at(), t0 + RESEND_GAP_SECS);
        // A new day starts a new count.
        assert_eq!(s.next(t0 + DAY), Ok(Sends::first(t0 + DAY)));
    }

    #[test]
    fn confirming_starts_the_review_and_keeps_a_reviewers_status() {
        use ApplicationStatus::*;
        assert_eq!(after_confirming(AwaitingEmailVerification), InReview);
        for s in [InReview, Approved, NeedsChanges, Rejected] {
            assert_eq!(after_confirming(s), s);
        }
    }
}
