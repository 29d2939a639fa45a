-- Sources whose evidence is derived again in the background (ADR 0116): the uses of a tag made while it
-- was a candidate, queued in the transaction that made it a skill, so that everyone who used it before it
-- had three people counts for it, whichever use was consumed last.
CREATE TABLE evidence_rebuilds (
    source       TEXT PRIMARY KEY,
    requested_at TEXT NOT NULL
);
CREATE INDEX ix_evidence_rebuilds_requested ON evidence_rebuilds (requested_at, source);
