-- Reminders published (a status report or a key-result check-in due): one row per subject and window,
-- inserted with the event's outbox row, so several instances publish each reminder once.
CREATE TABLE due_reminders (
    subject      text NOT NULL,
    due_since    timestamptz NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (subject, due_since)
);
