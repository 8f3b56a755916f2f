-- Verifying the primary contact's address, and the emails waiting to be sent.
ALTER TABLE applications ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE applications ADD COLUMN email_verified_at BIGINT;
ALTER TABLE applications ADD COLUMN verification_sent_at BIGINT;
ALTER TABLE applications ADD COLUMN verification_day_start BIGINT;
ALTER TABLE applications ADD COLUMN verification_sends BIGINT NOT NULL DEFAULT 0;
-- Only a hash of each link's token: the database alone cannot verify anyone's address.
CREATE TABLE email_verifications (
    token_hash TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications(id),
    email TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX email_verifications_application ON email_verifications (application_id);
-- The outbox: a row is written in the transaction that causes the email, and a worker sends
-- it. `mail` is the message as data (csp_core::mail::Mail, JSON), emptied once sent so that
-- no link outlives its delivery here.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    recipient TEXT NOT NULL,
    language TEXT NOT NULL,
    mail TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT NOT NULL DEFAULT 0,
    sent_at BIGINT,
    failed_at BIGINT,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
