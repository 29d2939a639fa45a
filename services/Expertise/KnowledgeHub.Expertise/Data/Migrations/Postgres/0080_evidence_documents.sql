-- The text of the evidence, for ranking by a question (ADR 0043): one document per source (an
-- answer, a post, a project membership) with its tie weight and date, and its terms with their
-- frequencies, so that a query reads only the postings of its own terms (BM25 in ExpertDocuments).
ALTER TABLE community_posts ADD COLUMN body text NOT NULL DEFAULT '';

CREATE TABLE evidence_documents (
    source      text PRIMARY KEY,
    person_id   uuid NOT NULL,
    kind        text NOT NULL,
    detail      text NOT NULL,
    skill       text NOT NULL, -- the first tag, shown with the evidence
    weight      double precision NOT NULL,
    strength    double precision NOT NULL, -- weight scaled to the epoch with the documents' half-life (ExpertDocuments)
    occurred_at timestamptz NOT NULL,
    length      integer NOT NULL,
    hidden      boolean NOT NULL DEFAULT false
);
CREATE INDEX ix_evidence_documents_person ON evidence_documents (person_id);
CREATE INDEX ix_evidence_documents_at ON evidence_documents (occurred_at);

CREATE TABLE evidence_terms (
    term      text NOT NULL,
    source    text NOT NULL,
    frequency integer NOT NULL,
    PRIMARY KEY (term, source)
);
CREATE INDEX ix_evidence_terms_source ON evidence_terms (source);

-- Each person's recent activity: the sum of their visible documents' strength, read best first.
CREATE TABLE person_activity (
    person_id uuid PRIMARY KEY,
    strength  double precision NOT NULL
);
CREATE INDEX ix_person_activity_rank ON person_activity (strength DESC, person_id);
