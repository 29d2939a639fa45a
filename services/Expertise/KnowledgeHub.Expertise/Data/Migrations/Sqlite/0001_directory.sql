CREATE TABLE departments (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE people (
    id             TEXT PRIMARY KEY,
    email          TEXT NOT NULL UNIQUE, -- lower-cased
    display_name   TEXT NOT NULL,
    department     TEXT NOT NULL REFERENCES departments (code),
    title          TEXT NULL,
    location       TEXT NULL,
    bio            TEXT NULL,
    timezone       TEXT NULL,
    mentoring      INTEGER NOT NULL DEFAULT 0,
    consulting     INTEGER NOT NULL DEFAULT 0,
    hours_per_week INTEGER NULL,
    version        INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX ix_people_department ON people (department);

-- The skills taxonomy: canonical skills; aliases and case variants resolve to one of them.
CREATE TABLE skills (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL UNIQUE,
    category   TEXT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE skill_aliases (
    alias_key TEXT PRIMARY KEY,
    skill_id  TEXT NOT NULL REFERENCES skills (id) ON DELETE CASCADE
);

CREATE TABLE person_skills (
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    skill_id   TEXT NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (person_id, skill_id)
);
CREATE INDEX ix_person_skills_skill ON person_skills (skill_id);

CREATE TABLE endorsements (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    skill_id    TEXT NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    endorser_id TEXT NOT NULL,
    comment     TEXT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (person_id, skill_id, endorser_id)
);
