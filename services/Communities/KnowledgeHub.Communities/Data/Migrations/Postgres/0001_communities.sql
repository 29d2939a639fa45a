CREATE TABLE communities (
    id          uuid PRIMARY KEY,
    slug        text NOT NULL UNIQUE,
    name        text NOT NULL,
    name_key    text NOT NULL UNIQUE, -- lower-cased name: names are unique whatever their case
    description text NOT NULL,
    visibility  text NOT NULL CHECK (visibility IN ('open', 'closed')),
    created_by  uuid NOT NULL,
    version     bigint NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE community_tags (
    community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    tag          text NOT NULL,
    PRIMARY KEY (community_id, tag)
);
CREATE INDEX ix_community_tags_tag ON community_tags (tag);

CREATE TABLE memberships (
    community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    person_id    uuid NOT NULL,
    role         text NOT NULL CHECK (role IN ('lead', 'member')),
    status       text NOT NULL CHECK (status IN ('active', 'pending')),
    version      bigint NOT NULL,
    joined_at    timestamptz NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
CREATE INDEX ix_memberships_person ON memberships (person_id);

CREATE TABLE posts (
    id                 uuid PRIMARY KEY,
    community_id       uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    type               text NOT NULL CHECK (type IN ('article', 'question', 'event', 'resource')),
    title              text NOT NULL,
    body               text NOT NULL,
    author_id          uuid NOT NULL,
    author_department  text NULL,
    starts_at          timestamptz NULL,
    ends_at            timestamptz NULL,
    location           text NULL,
    url                text NULL,
    answer_count       bigint NOT NULL DEFAULT 0,
    accepted_answer_id uuid NULL,
    reaction_count     bigint NOT NULL DEFAULT 0,
    version            bigint NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX ix_posts_community_created ON posts (community_id, created_at DESC, id DESC);

CREATE TABLE post_tags (
    post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag     text NOT NULL,
    PRIMARY KEY (post_id, tag)
);
CREATE INDEX ix_post_tags_tag ON post_tags (tag);

-- Who people are, as the Expertise service last told us (PersonProfileChanged).
CREATE TABLE people (
    id           uuid PRIMARY KEY,
    display_name text NOT NULL,
    department   text NOT NULL,
    version      bigint NOT NULL
);
