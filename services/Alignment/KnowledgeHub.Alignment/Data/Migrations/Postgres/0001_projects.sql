-- Departments as the Expertise service announces them (DepartmentChanged).
CREATE TABLE departments (
    code    text PRIMARY KEY,
    name    text NOT NULL,
    version bigint NOT NULL
);

CREATE TABLE projects (
    id                 uuid PRIMARY KEY,
    name               text NOT NULL,
    description        text NOT NULL,
    sponsor_department text NOT NULL,
    planned_budget     numeric(18, 2) NOT NULL CHECK (planned_budget >= 0),
    actual_budget      numeric(18, 2) NOT NULL CHECK (actual_budget >= 0),
    currency           text NOT NULL,
    start_date         date NOT NULL,
    end_date           date NOT NULL,
    status             text NOT NULL CHECK (status IN ('proposed', 'active', 'on-hold', 'done', 'cancelled')),
    lead_id            uuid NOT NULL,
    version            bigint NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX ix_projects_status ON projects (status);
CREATE INDEX ix_projects_created ON projects (created_at DESC, id DESC);

CREATE TABLE project_partners (
    project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    department text NOT NULL,
    PRIMARY KEY (project_id, department)
);
CREATE INDEX ix_project_partners_department ON project_partners (department);

CREATE TABLE project_tags (
    project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    tag        text NOT NULL,
    PRIMARY KEY (project_id, tag)
);

CREATE TABLE project_members (
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    person_id   uuid NOT NULL,
    role        text NOT NULL,
    assigned_at timestamptz NOT NULL,
    PRIMARY KEY (project_id, person_id)
);
CREATE INDEX ix_project_members_person ON project_members (person_id);
