-- Imports of a Q&A history (a Stack Exchange Posts.xml) into a community, and what they reached.
CREATE TABLE imports (
    id               TEXT PRIMARY KEY,
    community_id     TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    started_by       TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    questions        INTEGER NOT NULL DEFAULT 0,
    answers          INTEGER NOT NULL DEFAULT 0,
    accepted_answers INTEGER NOT NULL DEFAULT 0,
    people           INTEGER NOT NULL DEFAULT 0,
    rejected         TEXT NOT NULL DEFAULT '[]', -- JSON [{ row, reason }], the first few hundred
    error            TEXT NULL,
    started_at       TEXT NOT NULL,
    finished_at      TEXT NULL
);

-- Which post or answer each dump row became, so importing the same file again changes nothing.
CREATE TABLE imported_rows (
    community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    dump_id      INTEGER NOT NULL,
    target_id    TEXT NOT NULL,
    PRIMARY KEY (community_id, dump_id)
);
