-- People erased from this service (ADR 0072): news of them stamped no later than their erasure, still
-- on its way when the erasure arrived, is ignored, so it cannot bring them back. Holds ids only.
CREATE TABLE erased_people (
    person_id    uuid PRIMARY KEY,
    erasure_id   uuid NOT NULL,
    requested_at timestamptz NOT NULL
);
