-- State the Partnerships service keeps from other services' events (docs/partnerships.md).
CREATE TABLE departments (
    code    text PRIMARY KEY,
    name    text NOT NULL,
    version bigint NOT NULL
);

CREATE TABLE people (
    id           uuid PRIMARY KEY,
    display_name text NOT NULL,
    department   text NOT NULL,
    version      bigint NOT NULL
);
CREATE INDEX ix_people_department ON people (department);

-- Where a person worked from when: a move adds a row and never rewrites what was recorded before it.
CREATE TABLE department_history (
    person_id  uuid NOT NULL,
    since      timestamptz NOT NULL,
    department text NOT NULL,
    PRIMARY KEY (person_id, since)
);

CREATE TABLE person_skills (
    person_id uuid NOT NULL,
    skill     text NOT NULL,
    PRIMARY KEY (person_id, skill)
);
CREATE INDEX ix_person_skills_skill ON person_skills (skill);

CREATE TABLE communities (
    id         uuid PRIMARY KEY,
    name       text NOT NULL,
    visibility text NOT NULL,
    version    bigint NOT NULL
);

CREATE TABLE community_members (
    community_id uuid NOT NULL,
    person_id    uuid NOT NULL,
    role         text NOT NULL,
    status       text NOT NULL,
    version      bigint NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
CREATE INDEX ix_community_members_person ON community_members (person_id);

-- Active members per community and department, kept as memberships and departments change.
CREATE TABLE community_departments (
    community_id uuid NOT NULL,
    department   text NOT NULL,
    members      bigint NOT NULL,
    PRIMARY KEY (community_id, department)
);

CREATE TABLE projects (
    id                 uuid PRIMARY KEY,
    name               text NOT NULL,
    sponsor_department text NOT NULL,
    status             text NOT NULL,
    version            bigint NOT NULL
);

-- The sponsor (role 'sponsor') and the partners (role 'partner') of each project.
CREATE TABLE project_departments (
    project_id uuid NOT NULL,
    department text NOT NULL,
    role       text NOT NULL,
    PRIMARY KEY (project_id, department)
);
CREATE INDEX ix_project_departments_department ON project_departments (department);

CREATE TABLE project_members (
    project_id  uuid NOT NULL,
    person_id   uuid NOT NULL,
    assigned_at timestamptz NOT NULL,
    PRIMARY KEY (project_id, person_id)
);
CREATE INDEX ix_project_members_person ON project_members (person_id);

CREATE TABLE project_objectives (
    project_id   uuid NOT NULL,
    objective_id uuid NOT NULL,
    PRIMARY KEY (project_id, objective_id)
);
CREATE INDEX ix_project_objectives_objective ON project_objectives (objective_id);

CREATE TABLE objectives (
    id         uuid PRIMARY KEY,
    title      text NOT NULL,
    department text NOT NULL,
    version    bigint NOT NULL
);

CREATE TABLE objective_departments (
    objective_id uuid NOT NULL,
    department   text NOT NULL,
    PRIMARY KEY (objective_id, department)
);
CREATE INDEX ix_objective_departments_department ON objective_departments (department);

CREATE TABLE objective_owners (
    objective_id uuid NOT NULL,
    person_id    uuid NOT NULL,
    PRIMARY KEY (objective_id, person_id)
);
CREATE INDEX ix_objective_owners_person ON objective_owners (person_id);

-- Deleted questions: an answer that arrives after its question was removed is not recorded.
CREATE TABLE removed_posts (
    post_id uuid PRIMARY KEY
);

-- Evidence its owner hid (EvidenceVisibilityChanged); the newest change wins.
CREATE TABLE hidden_sources (
    source     text PRIMARY KEY,
    hidden     boolean NOT NULL,
    changed_at timestamptz NOT NULL
);

-- The collaboration record: one row per piece of help, with both departments as they were when it happened.
CREATE TABLE interactions (
    id                  text PRIMARY KEY,
    kind                text NOT NULL,
    source              text NOT NULL,
    giver_id            uuid NOT NULL,
    receiver_id         uuid NULL,
    post_id             uuid NULL,
    community_id        uuid NULL,
    project_id          uuid NULL,
    detail              text NOT NULL,
    occurred_at         timestamptz NOT NULL,
    weight              double precision NOT NULL,
    giver_department    text NULL,
    receiver_department text NULL,
    hidden              boolean NOT NULL,
    closed              boolean NOT NULL,
    counted             boolean NOT NULL
);
CREATE INDEX ix_interactions_giver ON interactions (giver_id, occurred_at);
CREATE INDEX ix_interactions_receiver ON interactions (receiver_id);
CREATE INDEX ix_interactions_source ON interactions (source);
CREATE INDEX ix_interactions_post ON interactions (post_id);
CREATE INDEX ix_interactions_community ON interactions (community_id);
CREATE INDEX ix_interactions_project ON interactions (project_id);

-- Aggregates of the counted interactions, updated in the consumer's transaction.
CREATE TABLE help_months (
    giver_department    text NOT NULL,
    receiver_department text NOT NULL,
    month               text NOT NULL,
    help                double precision NOT NULL,
    contributions       bigint NOT NULL,
    PRIMARY KEY (giver_department, receiver_department, month)
);
CREATE INDEX ix_help_months_month ON help_months (month);

CREATE TABLE person_reach (
    person_id           uuid NOT NULL,
    giver_department    text NOT NULL,
    receiver_department text NOT NULL,
    help                double precision NOT NULL,
    contributions       bigint NOT NULL,
    PRIMARY KEY (person_id, giver_department, receiver_department)
);
