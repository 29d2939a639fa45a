-- Business objectives per department and period (2026-H2, 2026-Q4).
CREATE TABLE objectives (
    id          uuid PRIMARY KEY,
    title       text NOT NULL,
    description text NOT NULL,
    department  text NOT NULL,
    period      text NOT NULL,
    priority    integer NOT NULL CHECK (priority BETWEEN 1 AND 5),
    created_by  uuid NOT NULL,
    version     bigint NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX ix_objectives_period_department ON objectives (period, department);
CREATE INDEX ix_objectives_created ON objectives (created_at DESC, id DESC);

CREATE TABLE key_results (
    id            uuid PRIMARY KEY,
    objective_id  uuid NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    title         text NOT NULL,
    baseline      numeric(18, 4) NOT NULL,
    target        numeric(18, 4) NOT NULL CHECK (target <> baseline),
    current_value numeric(18, 4) NOT NULL,
    unit          text NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX ix_key_results_objective ON key_results (objective_id, position);

-- Every value a key result has had, its first one included.
CREATE TABLE key_result_checkins (
    id            uuid PRIMARY KEY,
    key_result_id uuid NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
    value         numeric(18, 4) NOT NULL,
    checked_in_by uuid NOT NULL,
    checked_in_at timestamptz NOT NULL
);
CREATE INDEX ix_key_result_checkins_key_result ON key_result_checkins (key_result_id, checked_in_at, id);

-- Which project serves which objective, and how much.
CREATE TABLE project_objectives (
    project_id   uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    objective_id uuid NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    contribution text NOT NULL CHECK (contribution IN ('low', 'medium', 'high')),
    rationale    text NOT NULL,
    linked_by    uuid NOT NULL,
    linked_at    timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (project_id, objective_id)
);
CREATE INDEX ix_project_objectives_objective ON project_objectives (objective_id, project_id);

-- A project's transparent log: reports are only ever added.
CREATE TABLE project_status_reports (
    id          uuid PRIMARY KEY,
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    health      text NOT NULL CHECK (health IN ('green', 'amber', 'red')),
    summary     text NOT NULL,
    risks       text NULL,
    decisions   text NULL,
    reported_by uuid NOT NULL,
    reported_at timestamptz NOT NULL
);
CREATE INDEX ix_project_status_reports_log ON project_status_reports (project_id, reported_at DESC, id DESC);

-- The latest report's health and time live on the project too, so the scorecard counts health
-- and staleness from one row per project instead of searching each project's log.
ALTER TABLE projects ADD COLUMN pilot boolean NOT NULL DEFAULT false;
ALTER TABLE projects ADD COLUMN lessons_learned text NULL;
ALTER TABLE projects ADD COLUMN health text NULL CHECK (health IN ('green', 'amber', 'red'));
ALTER TABLE projects ADD COLUMN last_reported_at timestamptz NULL;
