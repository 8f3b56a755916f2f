-- A customer's Global admin accepts a reseller relationship in the portal. Portable SQL, as
-- in 0001. Every work account made so far is its tenant's Global admin (a new tenant's admin,
-- or a customer's admin account), hence the default; other accounts say 0.
ALTER TABLE work_accounts ADD COLUMN global_admin BIGINT NOT NULL DEFAULT 1;
-- The relationship the customer accepted here (its status and dates show on the list).
ALTER TABLE customers ADD COLUMN request_id TEXT;
