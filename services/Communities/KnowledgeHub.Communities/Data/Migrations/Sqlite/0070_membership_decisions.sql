-- A lead may decline a request to join ('rejected') or remove a member ('removed'); both keep the
-- row, like 'left', so versions keep growing and the decision shows in the members list. SQLite
-- cannot alter a CHECK constraint, so the table is rebuilt (no other table references it).
CREATE TABLE memberships_new (
    community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    person_id    TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('lead', 'member')),
    status       TEXT NOT NULL CHECK (status IN ('active', 'pending', 'left', 'rejected', 'removed')),
    version      INTEGER NOT NULL,
    joined_at    TEXT NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
INSERT INTO memberships_new (community_id, person_id, role, status, version, joined_at)
SELECT community_id, person_id, role, status, version, joined_at FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;
CREATE INDEX ix_memberships_person ON memberships (person_id);
