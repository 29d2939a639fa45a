-- What changed in a project or an objective, by whom and when, with the value before and after
-- (issue 17): one row per field that changed. The last state each subject was logged in is kept
-- as a snapshot, so a change is found by comparing, whichever slice made it.
CREATE TABLE changes (
    id           TEXT PRIMARY KEY,
    subject_type TEXT NOT NULL CHECK (subject_type IN ('project', 'objective')),
    subject_id   TEXT NOT NULL,
    field        TEXT NOT NULL,
    before_value TEXT NULL,
    after_value  TEXT NULL,
    changed_by   TEXT NOT NULL,
    changed_at   TEXT NOT NULL
);
CREATE INDEX ix_changes_subject ON changes (subject_type, subject_id, changed_at DESC, id DESC);

CREATE TABLE change_snapshots (
    subject_type TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    state        TEXT NOT NULL,
    PRIMARY KEY (subject_type, subject_id)
);
