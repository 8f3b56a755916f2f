-- Issue #11: partners (indirect resellers and providers), who authorized whom, customers and
-- reseller-relationship requests. Portable SQL, as in 0001.
ALTER TABLE partners ADD COLUMN kind TEXT;
ALTER TABLE partners ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN region TEXT NOT NULL DEFAULT '';
CREATE TABLE partner_domains (
    partner_id TEXT NOT NULL REFERENCES partners(id),
    domain TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (partner_id, domain)
);
-- A reseller's authorization of a provider; the key makes authorizing twice a no-op.
CREATE TABLE authorizations (
    reseller_id TEXT NOT NULL REFERENCES partners(id),
    provider_id TEXT NOT NULL REFERENCES partners(id),
    since TEXT NOT NULL,
    PRIMARY KEY (reseller_id, provider_id)
);
CREATE INDEX authorizations_provider ON authorizations (provider_id);
CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    company_name TEXT NOT NULL,
    primary_domain TEXT NOT NULL UNIQUE,
    relationship TEXT NOT NULL,
    provider_id TEXT,
    reseller_id TEXT,
    has_active_subscriptions BIGINT NOT NULL DEFAULT 0,
    tags TEXT NOT NULL DEFAULT '[]',
    created_at BIGINT NOT NULL
);
CREATE INDEX customers_reseller ON customers (reseller_id);
CREATE INDEX customers_provider ON customers (provider_id);
-- The request as the contract shows it (JSON); name_key (NULL without admin access) keeps
-- names unique per partner even for concurrent requests.
CREATE TABLE relationship_requests (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners(id),
    name_key TEXT,
    request TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX relationship_request_names ON relationship_requests (partner_id, name_key);
