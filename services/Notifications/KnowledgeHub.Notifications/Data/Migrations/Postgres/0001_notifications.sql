-- What Notifications knows of the other services, learnt from their events: enough to name things,
-- to check that a follow's target exists, and to keep a closed community's news to its members.
CREATE TABLE people (
    id           uuid PRIMARY KEY,
    display_name text NOT NULL,
    email        text NULL,
    version      bigint NOT NULL
);

CREATE TABLE communities (
    id         uuid PRIMARY KEY,
    slug       text NOT NULL,
    name       text NOT NULL,
    visibility text NOT NULL,
    version    bigint NOT NULL
);

CREATE TABLE memberships (
    community_id uuid NOT NULL,
    person_id    uuid NOT NULL,
    role         text NOT NULL,
    status       text NOT NULL,
    version      bigint NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
CREATE INDEX ix_memberships_leads ON memberships (community_id, role, status);

CREATE TABLE projects (
    id      uuid PRIMARY KEY,
    name    text NOT NULL,
    version bigint NOT NULL
);

CREATE TABLE objectives (
    id      uuid PRIMARY KEY,
    title   text NOT NULL,
    version bigint NOT NULL
);

CREATE TABLE tags (
    name text PRIMARY KEY
);

CREATE TABLE posts (
    id           uuid PRIMARY KEY,
    community_id uuid NOT NULL,
    type         text NOT NULL,
    title        text NOT NULL,
    author_id    uuid NOT NULL,
    version      bigint NOT NULL
);

-- target_key is "{kind}:{id}" (a tag's id is its name), so followers of several targets are found with one list.
CREATE TABLE follows (
    person_id  uuid NOT NULL,
    target_key text NOT NULL,
    kind       text NOT NULL,
    target_id  text NOT NULL,
    -- The target as an id of its table (null for a tag), to name it by a join.
    target_ref uuid NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (person_id, target_key)
);
CREATE INDEX ix_follows_target ON follows (target_key, person_id);

CREATE TABLE preferences (
    person_id  uuid PRIMARY KEY,
    digest     text NOT NULL CHECK (digest IN ('off', 'daily', 'weekly')),
    updated_at timestamptz NOT NULL
);

CREATE TABLE preference_kinds (
    person_id uuid NOT NULL,
    setting   text NOT NULL CHECK (setting IN ('muted', 'immediate')),
    kind      text NOT NULL,
    PRIMARY KEY (person_id, setting, kind)
);

-- One notification per (recipient, dedupe_key): the key names the event that caused it, so a
-- redelivered or repeated event finds its row already there.
CREATE TABLE notifications (
    id           uuid PRIMARY KEY,
    recipient_id uuid NOT NULL,
    kind         text NOT NULL,
    title        text NOT NULL,
    url          text NOT NULL,
    actor_id     uuid NULL,
    dedupe_key   text NOT NULL,
    created_at   timestamptz NOT NULL,
    read_at      timestamptz NULL,
    UNIQUE (recipient_id, dedupe_key)
);
CREATE INDEX ix_notifications_recipient ON notifications (recipient_id, created_at DESC, id DESC);
CREATE INDEX ix_notifications_unread ON notifications (recipient_id) WHERE read_at IS NULL;

-- Activity to tell the followers of its targets, worked off in batches after the event's consumer committed.
CREATE TABLE fanout_jobs (
    id           uuid PRIMARY KEY,
    kind         text NOT NULL,
    title        text NOT NULL,
    url          text NOT NULL,
    actor_id     uuid NULL,
    dedupe_key   text NOT NULL,
    community_id uuid NULL,
    targets      text NOT NULL,
    after_person uuid NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX ix_fanout_jobs_created ON fanout_jobs (created_at, id);

-- Immediate e-mails: one row per notification to send, kept once sent so a repeat never sends again;
-- a failed attempt waits next_attempt_at (backoff) before the next.
CREATE TABLE email_queue (
    notification_id uuid PRIMARY KEY,
    attempts        bigint NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    last_error      text NULL,
    sent_at         timestamptz NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX ix_email_queue_due ON email_queue (next_attempt_at) WHERE sent_at IS NULL;

-- Keys this service makes for itself once, shared by its instances (the unsubscribe links' signing key).
CREATE TABLE secrets (
    name  text PRIMARY KEY,
    value text NOT NULL
);
