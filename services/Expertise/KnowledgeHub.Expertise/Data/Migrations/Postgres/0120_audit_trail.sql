-- The audit trail of every service (ADR 0069): append-only, each entry chained to the one before by
-- a SHA-256 hash over its fields, so a row changed or removed in the database breaks the chain.
-- Details may be blanked after their retention (their digest stays in the chain); nothing else changes.
CREATE TABLE audit_entries (
    seq bigint PRIMARY KEY,
    id uuid NOT NULL UNIQUE,
    at timestamptz NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    target text NOT NULL,
    service text NOT NULL,
    details text NULL,
    details_digest text NOT NULL,
    previous_hash text NOT NULL,
    hash text NOT NULL
);

CREATE INDEX audit_entries_actor ON audit_entries (actor, seq);
CREATE INDEX audit_entries_target ON audit_entries (target, seq);
CREATE INDEX audit_entries_action ON audit_entries (action, seq);

-- The chain's head: taking its row lock serializes appends, so two consumers never fork the chain.
CREATE TABLE audit_chain (
    id integer PRIMARY KEY CHECK (id = 1),
    last_seq bigint NOT NULL,
    last_hash text NOT NULL
);
INSERT INTO audit_chain (id, last_seq, last_hash) VALUES (1, 0, '');

CREATE FUNCTION audit_entries_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END
$$;

CREATE TRIGGER audit_entries_no_delete BEFORE DELETE OR TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse();
CREATE TRIGGER audit_entries_no_rewrite
    BEFORE UPDATE OF seq, id, at, actor, action, target, service, details_digest, previous_hash, hash ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse();
