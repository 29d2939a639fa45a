-- A question's ranking reads the postings of its terms on every request. Each posting now carries
-- what the ranking needs of its document (person, strength, length, hidden), so reading a term's
-- postings needs no lookup of each document.
ALTER TABLE evidence_terms
    ADD COLUMN person_id uuid,
    ADD COLUMN strength  double precision,
    ADD COLUMN length    integer,
    ADD COLUMN hidden    boolean;
UPDATE evidence_terms t
SET person_id = d.person_id, strength = d.strength, length = d.length, hidden = d.hidden
FROM evidence_documents d WHERE d.source = t.source;
ALTER TABLE evidence_terms
    ALTER COLUMN person_id SET NOT NULL,
    ALTER COLUMN strength  SET NOT NULL,
    ALTER COLUMN length    SET NOT NULL,
    ALTER COLUMN hidden    SET NOT NULL;

-- The corpus's size and average length (BM25) are read on every request too: from this index, not the table.
CREATE INDEX ix_evidence_documents_length ON evidence_documents (length);

-- Postings are read with their authors' activity: an index that holds both answers without the table.
CREATE INDEX ix_person_activity_person_strength ON person_activity (person_id, strength);
