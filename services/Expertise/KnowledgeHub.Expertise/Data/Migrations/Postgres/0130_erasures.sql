-- Erasures as a saga across the services (ADR 0072): one row per request, one per service that has
-- answered. The person's id stays here (no name, no address): it refuses tokens issued before the
-- erasure, and a person who signs up again continues their profile's version from it, so that every
-- service takes the new profile as newer than what it erased.
CREATE TABLE erasures (
    id             uuid PRIMARY KEY,
    person_id      uuid NOT NULL,
    person_version bigint NOT NULL,
    requested_by   uuid NOT NULL,
    requested_at   timestamptz NOT NULL,
    completed_at   timestamptz NULL
);
CREATE INDEX ix_erasures_person ON erasures (person_id, requested_at);

CREATE TABLE erasure_services (
    erasure_id uuid NOT NULL REFERENCES erasures (id),
    service    text NOT NULL,
    erased_at  timestamptz NOT NULL,
    PRIMARY KEY (erasure_id, service)
);

-- However a profile is created (first request, import, SCIM), it continues the erased one's versions.
CREATE FUNCTION people_version_after_erasure() RETURNS trigger AS $$
BEGIN
    NEW.version := NEW.version + COALESCE((SELECT max(person_version) FROM erasures WHERE person_id = NEW.id), 0);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER people_version_after_erasure BEFORE INSERT ON people
FOR EACH ROW EXECUTE FUNCTION people_version_after_erasure();
