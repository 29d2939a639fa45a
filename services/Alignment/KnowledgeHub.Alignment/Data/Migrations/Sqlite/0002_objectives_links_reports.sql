-- Business objectives per department and period (2026-H2, 2026-Q4).
CREATE TABLE objectives (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    department  TEXT NOT NULL,
    period      TEXT NOT NULL,
    priority    INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
    created_by  TEXT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX ix_objectives_period_department ON objectives (period, department);
CREATE INDEX ix_objectives_created ON objectives (created_at DESC, id DESC);

CREATE TABLE key_results (
    id            TEXT PRIMARY KEY,
    objective_id  TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    title         TEXT NOT NULL,
    baseline      NUMERIC NOT NULL,
    target        NUMERIC NOT NULL CHECK (target <> baseline),
    current_value NUMERIC NOT NULL,
    unit          TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX ix_key_results_objective ON key_results (objective_id, position);

-- Every value a key result has had, its first one included.
CREATE TABLE key_result_checkins (
    id            TEXT PRIMARY KEY,
    key_result_id TEXT NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
    value         NUMERIC NOT NULL,
    checked_in_by TEXT NOT NULL,
    checked_in_at TEXT NOT NULL
);
CREATE INDEX ix_key_result_checkins_key_result ON key_result_checkins (key_result_id, checked_in_at, id);

-- Which project serves which objective, and how much.
CREATE TABLE project_objectives (
    project_id   TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    objective_id TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    contribution TEXT NOT NULL CHECK (contribution IN ('low', 'medium', 'high')),
    rationale    TEXT NOT NULL,
    linked_by    TEXT NOT NULL,
    linked_at    TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (project_id, objective_id)
);
CREATE INDEX ix_project_objectives_objective ON project_objectives (objective_id, project_id);

-- A project's transparent log: reports are only ever added.
CREATE TABLE project_status_reports (
    id          TEXT PRIMARY KEY,
    project_id  TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    health      TEXT NOT NULL CHECK (health IN ('green', 'amber', 'red')),
    summary     TEXT NOT NULL,
    risks       TEXT NULL,
    decisions   TEXT NULL,
    reported_by TEXT NOT NULL,
    reported_at TEXT NOT NULL
);
CREATE INDEX ix_project_status_reports_log ON project_status_reports (project_id, reported_at DESC, id DESC);

-- The latest report's health and time live on the project too, so the scorecard counts health
-- and staleness from one row per project instead of searching each project's log.
ALTER TABLE projects ADD COLUMN pilot INTEGER NOT NULL DEFAULT 0;
ALTER TABLE projects ADD COLUMN lessons_learned TEXT NULL;
ALTER TABLE projects ADD COLUMN health TEXT NULL CHECK (health IN ('green', 'amber', 'red'));
ALTER TABLE projects ADD COLUMN last_reported_at TEXT NULL;
