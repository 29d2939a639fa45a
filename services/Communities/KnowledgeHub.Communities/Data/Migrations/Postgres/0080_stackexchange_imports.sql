-- Imports of a Q&A history (a Stack Exchange Posts.xml) into a community, and what they reached.
CREATE TABLE imports (
    id               uuid PRIMARY KEY,
    community_id     uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    started_by       uuid NOT NULL,
    status           text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    questions        integer NOT NULL DEFAULT 0,
    answers          integer NOT NULL DEFAULT 0,
    accepted_answers integer NOT NULL DEFAULT 0,
    people           integer NOT NULL DEFAULT 0,
    rejected         text NOT NULL DEFAULT '[]', -- JSON [{ row, reason }], the first few hundred
    error            text NULL,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz NULL
);

-- Which post or answer each dump row became, so importing the same file again changes nothing.
CREATE TABLE imported_rows (
    community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    dump_id      bigint NOT NULL,
    target_id    uuid NOT NULL,
    PRIMARY KEY (community_id, dump_id)
);
