-- The audit trail is append-only: the database refuses to change or remove a line.
CREATE FUNCTION application_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$;
CREATE TRIGGER application_events_no_change BEFORE UPDATE OR DELETE ON application_events
FOR EACH ROW EXECUTE FUNCTION application_events_append_only();
