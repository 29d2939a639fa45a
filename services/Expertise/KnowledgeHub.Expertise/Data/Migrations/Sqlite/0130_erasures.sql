-- Erasures as a saga across the services (ADR 0072): one row per request, one per service that has
-- answered. The person's id stays here (no name, no address): it refuses tokens issued before the
-- erasure, and a person who signs up again continues their profile's version from it, so that every
-- service takes the new profile as newer than what it erased.
CREATE TABLE erasures (
    id             TEXT PRIMARY KEY,
    person_id      TEXT NOT NULL,
    person_version INTEGER NOT NULL,
    requested_by   TEXT NOT NULL,
    requested_at   TEXT NOT NULL,
    completed_at   TEXT NULL
);
CREATE INDEX ix_erasures_person ON erasures (person_id, requested_at);

CREATE TABLE erasure_services (
    erasure_id TEXT NOT NULL REFERENCES erasures (id),
    service    TEXT NOT NULL,
    erased_at  TEXT NOT NULL,
    PRIMARY KEY (erasure_id, service)
);

-- However a profile is created (first request, import, SCIM), it continues the erased one's versions.
CREATE TRIGGER people_version_after_erasure AFTER INSERT ON people
WHEN EXISTS (SELECT 1 FROM erasures WHERE person_id = NEW.id)
BEGIN
    UPDATE people SET version = version + (SELECT max(person_version) FROM erasures WHERE person_id = NEW.id) WHERE id = NEW.id;
END;
