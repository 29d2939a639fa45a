-- The person's time zone (an IANA id; null reads as UTC) and since when the digest frequency holds,
-- so turning a digest on never sends one for a period that began before.
ALTER TABLE preferences ADD COLUMN time_zone TEXT NULL;
ALTER TABLE preferences ADD COLUMN digest_since TEXT NULL;

-- Questions with an accepted answer: a routed question is "still open" until it is here.
CREATE TABLE accepted_questions (
    post_id     TEXT PRIMARY KEY,
    accepted_at TEXT NOT NULL
);

-- One row per person and digest period; inserting it is the claim, so however many instances look,
-- one digest per person and period is sent. A pending row is sent (with backoff while the SMTP
-- server is away); a period with nothing to say ends 'empty' without an e-mail.
CREATE TABLE digests (
    person_id       TEXT NOT NULL,
    period          TEXT NOT NULL,
    frequency       TEXT NOT NULL,
    time_zone       TEXT NOT NULL,
    since_at        TEXT NOT NULL,
    until_at        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'empty')),
    attempts        INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT NULL,
    sent_at         TEXT NULL,
    PRIMARY KEY (person_id, period)
);
CREATE INDEX ix_digests_due ON digests (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_digests_person ON digests (person_id, until_at);
