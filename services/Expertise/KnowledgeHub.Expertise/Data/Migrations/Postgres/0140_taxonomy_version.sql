-- Each instance keeps the taxonomy's names and aliases in memory and reads only this number per
-- question (ADR 0115). Every change of a skill or an alias, whoever makes it (the API, an import, a
-- merge, another instance, an operator's SQL), counts it up in the same transaction, so an instance
-- that reads a number it has not loaded reloads the taxonomy before it matches a question.
CREATE TABLE taxonomy_version (
    singleton smallint PRIMARY KEY CHECK (singleton = 1),
    version   bigint NOT NULL
);
INSERT INTO taxonomy_version (singleton, version) VALUES (1, 0);

CREATE FUNCTION taxonomy_changed() RETURNS trigger AS $$
BEGIN
    UPDATE taxonomy_version SET version = version + 1 WHERE singleton = 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Per statement: an import that names a thousand new skills counts once.
CREATE TRIGGER skills_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON skills
FOR EACH STATEMENT EXECUTE FUNCTION taxonomy_changed();

CREATE TRIGGER skill_aliases_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON skill_aliases
FOR EACH STATEMENT EXECUTE FUNCTION taxonomy_changed();
