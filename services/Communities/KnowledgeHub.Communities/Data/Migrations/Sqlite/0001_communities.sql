CREATE TABLE communities (
    id          TEXT PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL UNIQUE, -- lower-cased name: names are unique whatever their case
    description TEXT NOT NULL,
    visibility  TEXT NOT NULL CHECK (visibility IN ('open', 'closed')),
    created_by  TEXT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE community_tags (
    community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    tag          TEXT NOT NULL,
    PRIMARY KEY (community_id, tag)
);
CREATE INDEX ix_community_tags_tag ON community_tags (tag);

CREATE TABLE memberships (
    community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    person_id    TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('lead', 'member')),
    status       TEXT NOT NULL CHECK (status IN ('active', 'pending')),
    version      INTEGER NOT NULL,
    joined_at    TEXT NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
CREATE INDEX ix_memberships_person ON memberships (person_id);

CREATE TABLE posts (
    id                 TEXT PRIMARY KEY,
    community_id       TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    type               TEXT NOT NULL CHECK (type IN ('article', 'question', 'event', 'resource')),
    title              TEXT NOT NULL,
    body               TEXT NOT NULL,
    author_id          TEXT NOT NULL,
    author_department  TEXT NULL,
    starts_at          TEXT NULL,
    ends_at            TEXT NULL,
    location           TEXT NULL,
    url                TEXT NULL,
    answer_count       INTEGER NOT NULL DEFAULT 0,
    accepted_answer_id TEXT NULL,
    reaction_count     INTEGER NOT NULL DEFAULT 0,
    version            INTEGER NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX ix_posts_community_created ON posts (community_id, created_at DESC, id DESC);

CREATE TABLE post_tags (
    post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (post_id, tag)
);
CREATE INDEX ix_post_tags_tag ON post_tags (tag);

-- Who people are, as the Expertise service last told us (PersonProfileChanged).
CREATE TABLE people (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    department   TEXT NOT NULL,
    version      INTEGER NOT NULL
);
