-- The outbox without what each commit paid for and nothing read (ADR 0106): SQLite flushes every page a
-- write touches, and the AUTOINCREMENT counter and the unique index on message_id were two of the four the
-- outbox row added. The sequence stays in commit order without AUTOINCREMENT (one writer at a time, each row
-- one past the largest), and the message id is a fresh UUIDv7 whose repeats the inboxes drop in any case.
-- SQLite drops neither a column constraint nor AUTOINCREMENT in place, so the table is made again.
CREATE TABLE outbox_messages_lean (
    sequence     INTEGER PRIMARY KEY,
    message_id   TEXT NOT NULL,
    message_type TEXT NOT NULL,
    body         TEXT NOT NULL,
    trace_parent TEXT NULL,
    created_at   TEXT NOT NULL,
    published_at TEXT NULL
);
INSERT INTO outbox_messages_lean (sequence, message_id, message_type, body, trace_parent, created_at, published_at)
SELECT sequence, message_id, message_type, body, trace_parent, created_at, published_at FROM outbox_messages;
DROP TABLE outbox_messages;
ALTER TABLE outbox_messages_lean RENAME TO outbox_messages;
CREATE INDEX ix_outbox_messages_pending ON outbox_messages (sequence) WHERE published_at IS NULL;
CREATE INDEX ix_outbox_messages_published ON outbox_messages (published_at) WHERE published_at IS NOT NULL;
