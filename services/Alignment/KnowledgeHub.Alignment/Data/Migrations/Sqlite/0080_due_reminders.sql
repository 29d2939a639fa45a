-- Reminders published (a status report or a key-result check-in due): one row per subject and window,
-- inserted with the event's outbox row, so several instances publish each reminder once.
CREATE TABLE due_reminders (
    subject      TEXT NOT NULL,
    due_since    TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (subject, due_since)
);
