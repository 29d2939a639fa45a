-- Who may see a closed community's posts: its active members, as Communities announces them.
CREATE TABLE community_memberships (
    community_id uuid NOT NULL,
    person_id    uuid NOT NULL,
    status       text NOT NULL,
    version      bigint NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
CREATE INDEX ix_community_memberships_person ON community_memberships (person_id, status);
