-- State the Partnerships service keeps from other services' events (docs/partnerships.md).
CREATE TABLE departments (
    code    TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE TABLE people (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    department   TEXT NOT NULL,
    version      INTEGER NOT NULL
);
CREATE INDEX ix_people_department ON people (department);

-- Where a person worked from when: a move adds a row and never rewrites what was recorded before it.
CREATE TABLE department_history (
    person_id  TEXT NOT NULL,
    since      TEXT NOT NULL,
    department TEXT NOT NULL,
    PRIMARY KEY (person_id, since)
);

CREATE TABLE person_skills (
    person_id TEXT NOT NULL,
    skill     TEXT NOT NULL,
    PRIMARY KEY (person_id, skill)
);
CREATE INDEX ix_person_skills_skill ON person_skills (skill);

CREATE TABLE communities (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    visibility TEXT NOT NULL,
    version    INTEGER NOT NULL
);

CREATE TABLE community_members (
    community_id TEXT NOT NULL,
    person_id    TEXT NOT NULL,
    role         TEXT NOT NULL,
    status       TEXT NOT NULL,
    version      INTEGER NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
CREATE INDEX ix_community_members_person ON community_members (person_id);

-- Active members per community and department, kept as memberships and departments change.
CREATE TABLE community_departments (
    community_id TEXT NOT NULL,
    department   TEXT NOT NULL,
    members      INTEGER NOT NULL,
    PRIMARY KEY (community_id, department)
);

CREATE TABLE projects (
    id                 TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    sponsor_department TEXT NOT NULL,
    status             TEXT NOT NULL,
    version            INTEGER NOT NULL
);

-- The sponsor (role 'sponsor') and the partners (role 'partner') of each project.
CREATE TABLE project_departments (
    project_id TEXT NOT NULL,
    department TEXT NOT NULL,
    role       TEXT NOT NULL,
    PRIMARY KEY (project_id, department)
);
CREATE INDEX ix_project_departments_department ON project_departments (department);

CREATE TABLE project_members (
    project_id  TEXT NOT NULL,
    person_id   TEXT NOT NULL,
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (project_id, person_id)
);
CREATE INDEX ix_project_members_person ON project_members (person_id);

CREATE TABLE project_objectives (
    project_id   TEXT NOT NULL,
    objective_id TEXT NOT NULL,
    PRIMARY KEY (project_id, objective_id)
);
CREATE INDEX ix_project_objectives_objective ON project_objectives (objective_id);

CREATE TABLE objectives (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    department TEXT NOT NULL,
    version    INTEGER NOT NULL
);

CREATE TABLE objective_departments (
    objective_id TEXT NOT NULL,
    department   TEXT NOT NULL,
    PRIMARY KEY (objective_id, department)
);
CREATE INDEX ix_objective_departments_department ON objective_departments (department);

CREATE TABLE objective_owners (
    objective_id TEXT NOT NULL,
    person_id    TEXT NOT NULL,
    PRIMARY KEY (objective_id, person_id)
);
CREATE INDEX ix_objective_owners_person ON objective_owners (person_id);

-- Deleted questions: an answer that arrives after its question was removed is not recorded.
CREATE TABLE removed_posts (
    post_id TEXT PRIMARY KEY
);

-- Evidence its owner hid (EvidenceVisibilityChanged); the newest change wins.
CREATE TABLE hidden_sources (
    source     TEXT PRIMARY KEY,
    hidden     INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);

-- The collaboration record: one row per piece of help, with both departments as they were when it happened.
CREATE TABLE interactions (
    id                  TEXT PRIMARY KEY,
    kind                TEXT NOT NULL,
    source              TEXT NOT NULL,
    giver_id            TEXT NOT NULL,
    receiver_id         TEXT NULL,
    post_id             TEXT NULL,
    community_id        TEXT NULL,
    project_id          TEXT NULL,
    detail              TEXT NOT NULL,
    occurred_at         TEXT NOT NULL,
    weight              REAL NOT NULL,
    giver_department    TEXT NULL,
    receiver_department TEXT NULL,
    hidden              INTEGER NOT NULL,
    closed              INTEGER NOT NULL,
    counted             INTEGER NOT NULL
);
CREATE INDEX ix_interactions_giver ON interactions (giver_id, occurred_at);
CREATE INDEX ix_interactions_receiver ON interactions (receiver_id);
CREATE INDEX ix_interactions_source ON interactions (source);
CREATE INDEX ix_interactions_post ON interactions (post_id);
CREATE INDEX ix_interactions_community ON interactions (community_id);
CREATE INDEX ix_interactions_project ON interactions (project_id);

-- Aggregates of the counted interactions, updated in the consumer's transaction.
CREATE TABLE help_months (
    giver_department    TEXT NOT NULL,
    receiver_department TEXT NOT NULL,
    month               TEXT NOT NULL,
    help                REAL NOT NULL,
    contributions       INTEGER NOT NULL,
    PRIMARY KEY (giver_department, receiver_department, month)
);
CREATE INDEX ix_help_months_month ON help_months (month);

CREATE TABLE person_reach (
    person_id           TEXT NOT NULL,
    giver_department    TEXT NOT NULL,
    receiver_department TEXT NOT NULL,
    help                REAL NOT NULL,
    contributions       INTEGER NOT NULL,
    PRIMARY KEY (person_id, giver_department, receiver_department)
);
