-- The transactional outbox: a state change and the events it causes commit together.
CREATE TABLE outbox_messages (
    sequence     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   uuid NOT NULL UNIQUE,
    message_type text NOT NULL,
    body         text NOT NULL,
    trace_parent text NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz NULL
);
CREATE INDEX ix_outbox_messages_pending ON outbox_messages (sequence) WHERE published_at IS NULL;
CREATE INDEX ix_outbox_messages_published ON outbox_messages (published_at) WHERE published_at IS NOT NULL;

-- The idempotent inbox: one row per message a consumer has applied.
CREATE TABLE inbox_messages (
    consumer     text NOT NULL,
    message_id   uuid NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, message_id)
);
