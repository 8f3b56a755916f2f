-- The review: a version on each application (a decision names the one it was made on), the
-- reviewer's last note to the applicant, the answers' company and country for the queue, the
-- partner an approval made; the audit trail; the partner agreement's signature.
ALTER TABLE applications ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE applications ADD COLUMN review_note TEXT;
ALTER TABLE applications ADD COLUMN resubmit_key TEXT;
ALTER TABLE applications ADD COLUMN company TEXT NOT NULL DEFAULT '';
ALTER TABLE applications ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE applications ADD COLUMN partner_id TEXT;
CREATE INDEX applications_queue ON applications (created_at, id);
CREATE TABLE application_events (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications(id),
    -- The line's place in its application's trail (1, 2, …): several in one second keep
    -- their order.
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    event TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    steps TEXT NOT NULL DEFAULT '[]',
    reason TEXT,
    message TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX application_events_order ON application_events (application_id, seq);
ALTER TABLE partners ADD COLUMN agreement_version TEXT;
ALTER TABLE partners ADD COLUMN agreement_name TEXT;
ALTER TABLE partners ADD COLUMN agreement_title TEXT;
ALTER TABLE partners ADD COLUMN agreement_user TEXT;
ALTER TABLE partners ADD COLUMN agreement_at BIGINT;
