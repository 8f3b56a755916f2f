-- Portable SQL: runs unchanged on SQLite and PostgreSQL (TEXT, BIGINT, 0/1 for booleans).
CREATE TABLE partners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    tenant_domain TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL UNIQUE,
    agent_role TEXT,
    admin_role TEXT,
    operator BIGINT NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL,
    must_change BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX users_partner ON users (partner_id);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    pn_account TEXT,
    created_at BIGINT NOT NULL,
    last_seen BIGINT NOT NULL
);
CREATE INDEX sessions_subject ON sessions (subject);
CREATE TABLE tenants (
    domain TEXT PRIMARY KEY,
    country TEXT NOT NULL,
    organization TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE work_accounts (
    id TEXT PRIMARY KEY,
    user_name_key TEXT NOT NULL UNIQUE,
    user_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    tenant_domain TEXT NOT NULL REFERENCES tenants(domain)
);
CREATE TABLE pn_accounts (
    user_name_key TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL
);
CREATE TABLE pn_profiles (
    mpn_id TEXT PRIMARY KEY,
    account_key TEXT NOT NULL REFERENCES pn_accounts(user_name_key),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    country TEXT NOT NULL
);
CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    owner TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    status TEXT NOT NULL,
    partner_type TEXT,
    primary_contact_email TEXT NOT NULL,
    tenant TEXT,
    draft TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (owner, idempotency_key)
);
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('application', 0);
