-- People erased from this service (ADR 0072): news of them stamped no later than their erasure, still
-- on its way when the erasure arrived, is ignored, so it cannot bring them back. Holds ids only.
CREATE TABLE erased_people (
    person_id    TEXT PRIMARY KEY,
    erasure_id   TEXT NOT NULL,
    requested_at TEXT NOT NULL
);
