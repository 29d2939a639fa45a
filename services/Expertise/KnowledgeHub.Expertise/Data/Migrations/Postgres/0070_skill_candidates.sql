-- Tags of posts, answers and projects that name no skill of the taxonomy yet (ADR 0041): one row per
-- tag and source that used it, with the person whose evidence it would be. A candidate becomes a
-- skill when an admin accepts it (PUT /api/skills/{name}) or enough different people used it.
CREATE TABLE skill_candidates (
    name_key  text NOT NULL,
    name      text NOT NULL,
    person_id uuid NOT NULL,
    source    text NOT NULL,
    used_at   timestamptz NOT NULL,
    PRIMARY KEY (name_key, source)
);
CREATE INDEX ix_skill_candidates_source ON skill_candidates (source);
