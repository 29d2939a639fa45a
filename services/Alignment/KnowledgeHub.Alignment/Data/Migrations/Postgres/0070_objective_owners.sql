-- Objectives are owned jointly (issue 17): by one or more people, who may check in its key results,
-- and one or more departments. The objective's own department is always an owner department; its
-- creator owns it unless the request names others. Key results may have owners of their own.
CREATE TABLE objective_owners (
    objective_id uuid NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    person_id    uuid NOT NULL,
    PRIMARY KEY (objective_id, person_id)
);
CREATE INDEX ix_objective_owners_person ON objective_owners (person_id);

CREATE TABLE objective_departments (
    objective_id uuid NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    department   text NOT NULL,
    PRIMARY KEY (objective_id, department)
);
CREATE INDEX ix_objective_departments_department ON objective_departments (department);

CREATE TABLE key_result_owners (
    key_result_id uuid NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
    person_id     uuid NOT NULL,
    PRIMARY KEY (key_result_id, person_id)
);

INSERT INTO objective_owners (objective_id, person_id) SELECT id, created_by FROM objectives;
INSERT INTO objective_departments (objective_id, department) SELECT id, department FROM objectives;
