-- What Notifications knows of the other services, learnt from their events: enough to name things,
-- to check that a follow's target exists, and to keep a closed community's news to its members.
CREATE TABLE people (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    email        TEXT NULL,
    version      INTEGER NOT NULL
);

CREATE TABLE communities (
    id         TEXT PRIMARY KEY,
    slug       TEXT NOT NULL,
    name       TEXT NOT NULL,
    visibility TEXT NOT NULL,
    version    INTEGER NOT NULL
);

CREATE TABLE memberships (
    community_id TEXT NOT NULL,
    person_id    TEXT NOT NULL,
    role         TEXT NOT NULL,
    status       TEXT NOT NULL,
    version      INTEGER NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
CREATE INDEX ix_memberships_leads ON memberships (community_id, role, status);

CREATE TABLE projects (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE TABLE objectives (
    id      TEXT PRIMARY KEY,
    title   TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE TABLE tags (
    name TEXT PRIMARY KEY
);

CREATE TABLE posts (
    id           TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    type         TEXT NOT NULL,
    title        TEXT NOT NULL,
    author_id    TEXT NOT NULL,
    version      INTEGER NOT NULL
);

-- target_key is "{kind}:{id}" (a tag's id is its name), so followers of several targets are found with one list.
CREATE TABLE follows (
    person_id  TEXT NOT NULL,
    target_key TEXT NOT NULL,
    kind       TEXT NOT NULL,
    target_id  TEXT NOT NULL,
    -- The target as an id of its table (null for a tag), to name it by a join.
    target_ref TEXT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (person_id, target_key)
);
CREATE INDEX ix_follows_target ON follows (target_key, person_id);

CREATE TABLE preferences (
    person_id  TEXT PRIMARY KEY,
    digest     TEXT NOT NULL CHECK (digest IN ('off', 'daily', 'weekly')),
    updated_at TEXT NOT NULL
);

CREATE TABLE preference_kinds (
    person_id TEXT NOT NULL,
    setting   TEXT NOT NULL CHECK (setting IN ('muted', 'immediate')),
    kind      TEXT NOT NULL,
    PRIMARY KEY (person_id, setting, kind)
);

-- One notification per (recipient, dedupe_key): the key names the event that caused it, so a
-- redelivered or repeated event finds its row already there.
CREATE TABLE notifications (
    id           TEXT PRIMARY KEY,
    recipient_id TEXT NOT NULL,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    url          TEXT NOT NULL,
    actor_id     TEXT NULL,
    dedupe_key   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    read_at      TEXT NULL,
    UNIQUE (recipient_id, dedupe_key)
);
CREATE INDEX ix_notifications_recipient ON notifications (recipient_id, created_at DESC, id DESC);
CREATE INDEX ix_notifications_unread ON notifications (recipient_id) WHERE read_at IS NULL;

-- Activity to tell the followers of its targets, worked off in batches after the event's consumer committed.
CREATE TABLE fanout_jobs (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    url          TEXT NOT NULL,
    actor_id     TEXT NULL,
    dedupe_key   TEXT NOT NULL,
    community_id TEXT NULL,
    targets      TEXT NOT NULL,
    after_person TEXT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX ix_fanout_jobs_created ON fanout_jobs (created_at, id);

-- Immediate e-mails: one row per notification to send, kept once sent so a repeat never sends again;
-- a failed attempt waits next_attempt_at (backoff) before the next.
CREATE TABLE email_queue (
    notification_id TEXT PRIMARY KEY,
    attempts        INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT NULL,
    sent_at         TEXT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX ix_email_queue_due ON email_queue (next_attempt_at) WHERE sent_at IS NULL;

-- Keys this service makes for itself once, shared by its instances (the unsubscribe links' signing key).
CREATE TABLE secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
