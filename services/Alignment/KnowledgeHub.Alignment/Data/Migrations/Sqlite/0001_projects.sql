-- Departments as the Expertise service announces them (DepartmentChanged).
CREATE TABLE departments (
    code    TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE TABLE projects (
    id                 TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    description        TEXT NOT NULL,
    sponsor_department TEXT NOT NULL,
    planned_budget     NUMERIC NOT NULL CHECK (planned_budget >= 0),
    actual_budget      NUMERIC NOT NULL CHECK (actual_budget >= 0),
    currency           TEXT NOT NULL,
    start_date         TEXT NOT NULL,
    end_date           TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('proposed', 'active', 'on-hold', 'done', 'cancelled')),
    lead_id            TEXT NOT NULL,
    version            INTEGER NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX ix_projects_status ON projects (status);
CREATE INDEX ix_projects_created ON projects (created_at DESC, id DESC);

CREATE TABLE project_partners (
    project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    department TEXT NOT NULL,
    PRIMARY KEY (project_id, department)
);
CREATE INDEX ix_project_partners_department ON project_partners (department);

CREATE TABLE project_tags (
    project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (project_id, tag)
);

CREATE TABLE project_members (
    project_id  TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL,
    role        TEXT NOT NULL,
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (project_id, person_id)
);
CREATE INDEX ix_project_members_person ON project_members (person_id);
