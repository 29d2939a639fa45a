-- A member who leaves keeps a row with status 'left', so the membership's version keeps growing
-- across leave and rejoin and consumers never mistake a rejoin for an old event. SQLite cannot
-- alter a CHECK constraint, so the table is rebuilt (no other table references it).
CREATE TABLE memberships_new (
    community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    person_id    TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('lead', 'member')),
    status       TEXT NOT NULL CHECK (status IN ('active', 'pending', 'left')),
    version      INTEGER NOT NULL,
    joined_at    TEXT NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
INSERT INTO memberships_new (community_id, person_id, role, status, version, joined_at)
SELECT community_id, person_id, role, status, version, joined_at FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;
CREATE INDEX ix_memberships_person ON memberships (person_id);

-- The Markdown body rendered to safe HTML when it was written (NULL for rows older than this column).
ALTER TABLE posts ADD COLUMN body_html TEXT NULL;

CREATE TABLE answers (
    id         TEXT PRIMARY KEY,
    post_id    TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    body       TEXT NOT NULL,
    body_html  TEXT NOT NULL,
    author_id  TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_answers_post ON answers (post_id, created_at, id);

CREATE TABLE post_reactions (
    post_id    TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('helpful')),
    created_at TEXT NOT NULL,
    PRIMARY KEY (post_id, person_id, kind)
);

-- The Expertise service's latest suggestion of people who could answer a question (ExpertsSuggested).
CREATE TABLE expert_suggestions (
    post_id      TEXT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    suggested_at TEXT NOT NULL,
    experts      TEXT NOT NULL -- JSON array, as the event listed them
);
