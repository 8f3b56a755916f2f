-- Sign-in throttling in the database, so every instance of the server counts the same
-- attempts and a restart forgets none: one row per key (an account or a client address, with
-- the throttle's name) and fixed window, `hits` the attempts reserved in it. Portable SQL, as
-- in 0001 (`window` is reserved in PostgreSQL, hence `window_start`).
CREATE TABLE throttle (
    throttle_key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    PRIMARY KEY (throttle_key, window_start)
);
-- The sweep deletes ended windows by their start.
CREATE INDEX throttle_windows ON throttle (window_start);
