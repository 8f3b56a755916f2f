-- The business profile a partner publishes (JSON, checked by csp-core before it is stored)
-- and the partnership requests resellers send providers they find in the directory.
-- Portable SQL, as in 0001.
CREATE TABLE business_profiles (
    partner_id TEXT PRIMARY KEY REFERENCES partners(id),
    profile TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
-- One request per reseller and provider: the key settles a concurrent second request. It
-- goes once the reseller authorizes the provider.
CREATE TABLE partnership_requests (
    id TEXT PRIMARY KEY,
    reseller_id TEXT NOT NULL REFERENCES partners(id),
    provider_id TEXT NOT NULL REFERENCES partners(id),
    status TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    language TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    invited_at BIGINT,
    UNIQUE (reseller_id, provider_id)
);
CREATE INDEX partnership_requests_provider ON partnership_requests (provider_id);
