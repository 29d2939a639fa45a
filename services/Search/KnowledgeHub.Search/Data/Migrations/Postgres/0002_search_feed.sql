-- The durable search feed (ADR 0029): consumers store each document's latest version here inside
-- their inbox transaction, and every change appends one position to an ordered feed that each
-- Search instance's follower applies to its own index.
CREATE TABLE search_documents (
    doc_key    text NOT NULL PRIMARY KEY,
    owner      text NOT NULL,
    version    bigint NOT NULL,
    removed    integer NOT NULL,
    body       text NOT NULL,
    changed_at timestamptz NOT NULL,
    -- When an event about this document last arrived: a rebuild removes what its replay did not name.
    seen_at    timestamptz NOT NULL
);
CREATE INDEX ix_search_documents_owner_seen ON search_documents (owner, seen_at);

-- Positions come from one counter row, updated in the writing transaction: its row lock orders
-- the writers, so positions are gap-free and commit in their order.
CREATE TABLE search_feed_head (
    singleton integer NOT NULL PRIMARY KEY CHECK (singleton = 1),
    position  bigint NOT NULL
);
INSERT INTO search_feed_head (singleton, position) VALUES (1, 0);

CREATE TABLE search_feed (
    position    bigint NOT NULL PRIMARY KEY,
    doc_key     text NOT NULL,
    appended_at timestamptz NOT NULL
);
