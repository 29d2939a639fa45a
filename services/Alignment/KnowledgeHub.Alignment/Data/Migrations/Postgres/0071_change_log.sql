-- What changed in a project or an objective, by whom and when, with the value before and after
-- (issue 17): one row per field that changed. The last state each subject was logged in is kept
-- as a snapshot, so a change is found by comparing, whichever slice made it.
CREATE TABLE changes (
    id           uuid PRIMARY KEY,
    subject_type text NOT NULL CHECK (subject_type IN ('project', 'objective')),
    subject_id   uuid NOT NULL,
    field        text NOT NULL,
    before_value text NULL,
    after_value  text NULL,
    changed_by   uuid NOT NULL,
    changed_at   timestamptz NOT NULL
);
CREATE INDEX ix_changes_subject ON changes (subject_type, subject_id, changed_at DESC, id DESC);

CREATE TABLE change_snapshots (
    subject_type text NOT NULL,
    subject_id   uuid NOT NULL,
    state        text NOT NULL,
    PRIMARY KEY (subject_type, subject_id)
);
