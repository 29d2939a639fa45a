-- The directory lists people by name; the key is the lower-cased display name, written by the slices.
ALTER TABLE people ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE people SET name_key = lower(display_name);
CREATE INDEX ix_people_name_key ON people (name_key, id);

-- Evidence of expertise: one row per piece of evidence and skill. `source` names what it came
-- from ('post:{id}', 'answer:{id}', 'project:{projectId}:{personId}', 'declared:{personId}',
-- 'endorsement:{id}'), so a replayed event updates its rows in place instead of adding more.
-- `strength` is `weight` scaled to the decay epoch (see ExpertiseModel), so sums stay comparable.
CREATE TABLE evidence (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL,
    skill_id    TEXT NOT NULL REFERENCES skills (id),
    kind        TEXT NOT NULL,
    source      TEXT NOT NULL,
    detail      TEXT NOT NULL,
    level       INTEGER NULL,
    weight      REAL NOT NULL,
    strength    REAL NOT NULL,
    occurred_at TEXT NOT NULL,
    hidden      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source, skill_id)
);
CREATE INDEX ix_evidence_person ON evidence (person_id, skill_id);
CREATE INDEX ix_evidence_skill ON evidence (skill_id);

-- The words of each source's title (not of declarations), so free text that names no skill
-- finds evidence by its words through an index instead of scanning every title.
CREATE TABLE evidence_words (
    word   TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (word, source)
);
CREATE INDEX ix_evidence_words_source ON evidence_words (source);

-- What ranking reads: per person and skill, the sum of the visible evidence's strength by kind.
-- `total` (all kinds) bounds the score from above, so the best can be read first and the rest
-- skipped once even the largest remaining total cannot beat them.
CREATE TABLE expertise (
    skill_id        TEXT NOT NULL REFERENCES skills (id),
    person_id       TEXT NOT NULL,
    declared_level  INTEGER NULL,
    declared        REAL NOT NULL,
    endorsement     REAL NOT NULL,
    post            REAL NOT NULL,
    answer          REAL NOT NULL,
    accepted_answer REAL NOT NULL,
    project         REAL NOT NULL,
    total           REAL NOT NULL,
    pieces          INTEGER NOT NULL,
    PRIMARY KEY (skill_id, person_id)
);
CREATE INDEX ix_expertise_person ON expertise (person_id);
CREATE INDEX ix_expertise_rank ON expertise (skill_id, total DESC, person_id);

-- Writers of one person's aggregates take this row's lock first, so that a concurrent writer's
-- recomputation always sees the other's committed evidence (PostgreSQL runs consumers in parallel).
CREATE TABLE evidence_locks (
    person_id TEXT PRIMARY KEY
);

-- The state of other services' objects that evidence is derived from, each guarded by its
-- version or time so that an older event never overwrites a newer one.
CREATE TABLE community_posts (
    post_id      TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    author_id    TEXT NOT NULL,
    type         TEXT NOT NULL,
    title        TEXT NOT NULL,
    tags         TEXT NOT NULL,
    visibility   TEXT NOT NULL,
    version      INTEGER NOT NULL,
    removed      INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL
);

CREATE TABLE community_answers (
    answer_id      TEXT PRIMARY KEY,
    post_id        TEXT NOT NULL,
    author_id      TEXT NOT NULL,
    question_title TEXT NOT NULL,
    question_tags  TEXT NOT NULL,
    visibility     TEXT NULL,
    answered_at    TEXT NOT NULL
);
CREATE INDEX ix_community_answers_post ON community_answers (post_id);

CREATE TABLE accepted_answers (
    post_id     TEXT PRIMARY KEY,
    answer_id   TEXT NOT NULL,
    accepted_at TEXT NOT NULL
);

CREATE TABLE projects (
    project_id          TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    tags                TEXT NOT NULL,
    sponsor_department  TEXT NULL,
    partner_departments TEXT NOT NULL, -- ',A,B,' so that one LIKE finds a department
    status              TEXT NULL,
    version             INTEGER NOT NULL,
    updated_at          TEXT NULL
);

CREATE TABLE project_members (
    project_id  TEXT NOT NULL,
    person_id   TEXT NOT NULL,
    role        TEXT NOT NULL,
    assigned_at TEXT NOT NULL,
    removed_at  TEXT NULL,
    PRIMARY KEY (project_id, person_id)
);

-- Experts suggested for questions: which tags a question had when it was answered with
-- suggestions, and whom it suggested (the spreading rule reads recent suggestions per person).
CREATE TABLE question_suggestions (
    post_id      TEXT PRIMARY KEY,
    tags         TEXT NOT NULL,
    suggested_at TEXT NOT NULL
);

CREATE TABLE suggested_experts (
    post_id      TEXT NOT NULL,
    person_id    TEXT NOT NULL,
    position     INTEGER NOT NULL,
    suggested_at TEXT NOT NULL,
    PRIMARY KEY (post_id, person_id)
);
CREATE INDEX ix_suggested_experts_person ON suggested_experts (person_id, suggested_at);
