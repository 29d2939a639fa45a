-- The person's time zone (an IANA id; null reads as UTC) and since when the digest frequency holds,
-- so turning a digest on never sends one for a period that began before.
ALTER TABLE preferences ADD COLUMN time_zone text NULL;
ALTER TABLE preferences ADD COLUMN digest_since timestamptz NULL;

-- Questions with an accepted answer: a routed question is "still open" until it is here.
CREATE TABLE accepted_questions (
    post_id     uuid PRIMARY KEY,
    accepted_at timestamptz NOT NULL
);

-- One row per person and digest period; inserting it is the claim, so however many instances look,
-- one digest per person and period is sent. A pending row is sent (with backoff while the SMTP
-- server is away); a period with nothing to say ends 'empty' without an e-mail.
CREATE TABLE digests (
    person_id       uuid NOT NULL,
    period          text NOT NULL,
    frequency       text NOT NULL,
    time_zone       text NOT NULL,
    since_at        timestamptz NOT NULL,
    until_at        timestamptz NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'sent', 'empty')),
    attempts        bigint NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    last_error      text NULL,
    sent_at         timestamptz NULL,
    PRIMARY KEY (person_id, period)
);
CREATE INDEX ix_digests_due ON digests (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_digests_person ON digests (person_id, until_at);
