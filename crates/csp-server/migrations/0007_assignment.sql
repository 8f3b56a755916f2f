-- Who has taken an application to review it (an operator's sign-in name; NULL: nobody), and
-- on a `take` line of its audit trail, whom it was taken from.
ALTER TABLE applications ADD COLUMN assignee TEXT;
ALTER TABLE application_events ADD COLUMN taken_from TEXT;
