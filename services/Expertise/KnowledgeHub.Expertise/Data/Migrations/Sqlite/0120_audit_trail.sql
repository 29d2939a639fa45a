-- The audit trail of every service (ADR 0069): append-only, each entry chained to the one before by
-- a SHA-256 hash over its fields, so a row changed or removed in the database breaks the chain.
-- Details may be blanked after their retention (their digest stays in the chain); nothing else changes.
CREATE TABLE audit_entries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    service TEXT NOT NULL,
    details TEXT NULL,
    details_digest TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

CREATE INDEX audit_entries_actor ON audit_entries (actor, seq);
CREATE INDEX audit_entries_target ON audit_entries (target, seq);
CREATE INDEX audit_entries_action ON audit_entries (action, seq);

-- The chain's head: updating it first serializes appends, so two consumers never fork the chain.
CREATE TABLE audit_chain (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_chain (id, last_seq, last_hash) VALUES (1, 0, '');

CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;

CREATE TRIGGER audit_entries_no_rewrite
    BEFORE UPDATE OF seq, id, at, actor, action, target, service, details_digest, previous_hash, hash ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
