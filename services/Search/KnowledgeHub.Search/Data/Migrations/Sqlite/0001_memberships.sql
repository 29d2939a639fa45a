-- Who may see a closed community's posts: its active members, as Communities announces them.
CREATE TABLE community_memberships (
    community_id TEXT NOT NULL,
    person_id    TEXT NOT NULL,
    status       TEXT NOT NULL,
    version      INTEGER NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
CREATE INDEX ix_community_memberships_person ON community_memberships (person_id, status);
