-- The transactional outbox: a state change and the events it causes commit together.
CREATE TABLE outbox_messages (
    sequence     INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id   TEXT NOT NULL UNIQUE,
    message_type TEXT NOT NULL,
    body         TEXT NOT NULL,
    trace_parent TEXT NULL,
    created_at   TEXT NOT NULL,
    published_at TEXT NULL
);
CREATE INDEX ix_outbox_messages_pending ON outbox_messages (sequence) WHERE published_at IS NULL;
CREATE INDEX ix_outbox_messages_published ON outbox_messages (published_at) WHERE published_at IS NOT NULL;

-- The idempotent inbox: one row per message a consumer has applied.
CREATE TABLE inbox_messages (
    consumer     TEXT NOT NULL,
    message_id   TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    PRIMARY KEY (consumer, message_id)
);
