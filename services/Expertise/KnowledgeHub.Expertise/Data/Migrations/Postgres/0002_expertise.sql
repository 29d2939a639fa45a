-- The directory lists people by name; the key is the lower-cased display name, written by the slices.
ALTER TABLE people ADD COLUMN name_key text NOT NULL DEFAULT '';
UPDATE people SET name_key = lower(display_name);
CREATE INDEX ix_people_name_key ON people (name_key, id);

-- Evidence of expertise: one row per piece of evidence and skill. `source` names what it came
-- from ('post:{id}', 'answer:{id}', 'project:{projectId}:{personId}', 'declared:{personId}',
-- 'endorsement:{id}'), so a replayed event updates its rows in place instead of adding more.
-- `strength` is `weight` scaled to the decay epoch (see ExpertiseModel), so sums stay comparable.
CREATE TABLE evidence (
    id          uuid PRIMARY KEY,
    person_id   uuid NOT NULL,
    skill_id    uuid NOT NULL REFERENCES skills (id),
    kind        text NOT NULL,
    source      text NOT NULL,
    detail      text NOT NULL,
    level       integer NULL,
    weight      double precision NOT NULL,
    strength    double precision NOT NULL,
    occurred_at timestamptz NOT NULL,
    hidden      boolean NOT NULL DEFAULT false,
    UNIQUE (source, skill_id)
);
CREATE INDEX ix_evidence_person ON evidence (person_id, skill_id);
CREATE INDEX ix_evidence_skill ON evidence (skill_id);

-- The words of each source's title (not of declarations), so free text that names no skill
-- finds evidence by its words through an index instead of scanning every title.
CREATE TABLE evidence_words (
    word   text NOT NULL,
    source text NOT NULL,
    PRIMARY KEY (word, source)
);
CREATE INDEX ix_evidence_words_source ON evidence_words (source);

-- What ranking reads: per person and skill, the sum of the visible evidence's strength by kind.
-- `total` (all kinds) bounds the score from above, so the best can be read first and the rest
-- skipped once even the largest remaining total cannot beat them.
CREATE TABLE expertise (
    skill_id        uuid NOT NULL REFERENCES skills (id),
    person_id       uuid NOT NULL,
    declared_level  integer NULL,
    declared        double precision NOT NULL,
    endorsement     double precision NOT NULL,
    post            double precision NOT NULL,
    answer          double precision NOT NULL,
    accepted_answer double precision NOT NULL,
    project         double precision NOT NULL,
    total           double precision NOT NULL,
    pieces          integer NOT NULL,
    PRIMARY KEY (skill_id, person_id)
);
CREATE INDEX ix_expertise_person ON expertise (person_id);
CREATE INDEX ix_expertise_rank ON expertise (skill_id, total DESC, person_id);

-- Writers of one person's aggregates take this row's lock first, so that a concurrent writer's
-- recomputation always sees the other's committed evidence (PostgreSQL runs consumers in parallel).
CREATE TABLE evidence_locks (
    person_id uuid PRIMARY KEY
);

-- The state of other services' objects that evidence is derived from, each guarded by its
-- version or time so that an older event never overwrites a newer one.
CREATE TABLE community_posts (
    post_id      uuid PRIMARY KEY,
    community_id uuid NOT NULL,
    author_id    uuid NOT NULL,
    type         text NOT NULL,
    title        text NOT NULL,
    tags         text NOT NULL,
    visibility   text NOT NULL,
    version      bigint NOT NULL,
    removed      boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL
);

CREATE TABLE community_answers (
    answer_id      uuid PRIMARY KEY,
    post_id        uuid NOT NULL,
    author_id      uuid NOT NULL,
    question_title text NOT NULL,
    question_tags  text NOT NULL,
    visibility     text NULL,
    answered_at    timestamptz NOT NULL
);
CREATE INDEX ix_community_answers_post ON community_answers (post_id);

CREATE TABLE accepted_answers (
    post_id     uuid PRIMARY KEY,
    answer_id   uuid NOT NULL,
    accepted_at timestamptz NOT NULL
);

CREATE TABLE projects (
    project_id          uuid PRIMARY KEY,
    name                text NOT NULL,
    tags                text NOT NULL,
    sponsor_department  text NULL,
    partner_departments text NOT NULL, -- ',A,B,' so that one LIKE finds a department
    status              text NULL,
    version             bigint NOT NULL,
    updated_at          timestamptz NULL
);

CREATE TABLE project_members (
    project_id  uuid NOT NULL,
    person_id   uuid NOT NULL,
    role        text NOT NULL,
    assigned_at timestamptz NOT NULL,
    removed_at  timestamptz NULL,
    PRIMARY KEY (project_id, person_id)
);

-- Experts suggested for questions: which tags a question had when it was answered with
-- suggestions, and whom it suggested (the spreading rule reads recent suggestions per person).
CREATE TABLE question_suggestions (
    post_id      uuid PRIMARY KEY,
    tags         text NOT NULL,
    suggested_at timestamptz NOT NULL
);

CREATE TABLE suggested_experts (
    post_id      uuid NOT NULL,
    person_id    uuid NOT NULL,
    position     integer NOT NULL,
    suggested_at timestamptz NOT NULL,
    PRIMARY KEY (post_id, person_id)
);
CREATE INDEX ix_suggested_experts_person ON suggested_experts (person_id, suggested_at);
