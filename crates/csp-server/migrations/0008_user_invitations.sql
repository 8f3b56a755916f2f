-- The invitation links sent to the users a partner adds: only each token's hash, as for the
-- address-verification links, so the database alone signs nobody in. `language` is the
-- email's, kept to send the invitation again in it; a removed user's links go with them.
CREATE TABLE user_invitations (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    replaced_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX user_invitations_user ON user_invitations (user_id);
