-- The text of the evidence, for ranking by a question (ADR 0043): one document per source (an
-- answer, a post, a project membership) with its tie weight and date, and its terms with their
-- frequencies, so that a query reads only the postings of its own terms (BM25 in ExpertDocuments).
ALTER TABLE community_posts ADD COLUMN body TEXT NOT NULL DEFAULT '';

CREATE TABLE evidence_documents (
    source      TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    detail      TEXT NOT NULL,
    skill       TEXT NOT NULL, -- the first tag, shown with the evidence
    weight      REAL NOT NULL,
    strength    REAL NOT NULL, -- weight scaled to the epoch with the documents' half-life (ExpertDocuments)
    occurred_at TEXT NOT NULL,
    length      INTEGER NOT NULL,
    hidden      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_evidence_documents_person ON evidence_documents (person_id);
CREATE INDEX ix_evidence_documents_at ON evidence_documents (occurred_at);

CREATE TABLE evidence_terms (
    term      TEXT NOT NULL,
    source    TEXT NOT NULL,
    frequency INTEGER NOT NULL,
    PRIMARY KEY (term, source)
);
CREATE INDEX ix_evidence_terms_source ON evidence_terms (source);

-- Each person's recent activity: the sum of their visible documents' strength, read best first.
CREATE TABLE person_activity (
    person_id TEXT PRIMARY KEY,
    strength  REAL NOT NULL
);
CREATE INDEX ix_person_activity_rank ON person_activity (strength DESC, person_id);
