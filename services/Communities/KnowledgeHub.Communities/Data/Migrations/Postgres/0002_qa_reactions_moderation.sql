-- A member who leaves keeps a row with status 'left', so the membership's version keeps growing
-- across leave and rejoin and consumers never mistake a rejoin for an old event.
ALTER TABLE memberships DROP CONSTRAINT memberships_status_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_status_check CHECK (status IN ('active', 'pending', 'left'));

-- The Markdown body rendered to safe HTML when it was written (NULL for rows older than this column).
ALTER TABLE posts ADD COLUMN body_html text NULL;

CREATE TABLE answers (
    id         uuid PRIMARY KEY,
    post_id    uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    body       text NOT NULL,
    body_html  text NOT NULL,
    author_id  uuid NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_answers_post ON answers (post_id, created_at, id);

CREATE TABLE post_reactions (
    post_id    uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    person_id  uuid NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('helpful')),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (post_id, person_id, kind)
);

-- The Expertise service's latest suggestion of people who could answer a question (ExpertsSuggested).
CREATE TABLE expert_suggestions (
    post_id      uuid PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    suggested_at timestamptz NOT NULL,
    experts      text NOT NULL -- JSON array, as the event listed them
);
