CREATE TABLE departments (
    code       text PRIMARY KEY,
    name       text NOT NULL,
    version    bigint NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE people (
    id             uuid PRIMARY KEY,
    email          text NOT NULL UNIQUE, -- lower-cased
    display_name   text NOT NULL,
    department     text NOT NULL REFERENCES departments (code),
    title          text NULL,
    location       text NULL,
    bio            text NULL,
    timezone       text NULL,
    mentoring      boolean NOT NULL DEFAULT false,
    consulting     boolean NOT NULL DEFAULT false,
    hours_per_week integer NULL,
    version        bigint NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX ix_people_department ON people (department);

-- The skills taxonomy: canonical skills; aliases and case variants resolve to one of them.
CREATE TABLE skills (
    id         uuid PRIMARY KEY,
    name       text NOT NULL,
    name_key   text NOT NULL UNIQUE,
    category   text NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE skill_aliases (
    alias_key text PRIMARY KEY,
    skill_id  uuid NOT NULL REFERENCES skills (id) ON DELETE CASCADE
);

CREATE TABLE person_skills (
    person_id  uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    skill_id   uuid NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    level      integer NOT NULL CHECK (level BETWEEN 1 AND 5),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (person_id, skill_id)
);
CREATE INDEX ix_person_skills_skill ON person_skills (skill_id);

CREATE TABLE endorsements (
    id          uuid PRIMARY KEY,
    person_id   uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    skill_id    uuid NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    endorser_id uuid NOT NULL,
    comment     text NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (person_id, skill_id, endorser_id)
);
