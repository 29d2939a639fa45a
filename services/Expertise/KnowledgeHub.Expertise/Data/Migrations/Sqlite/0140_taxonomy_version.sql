-- Each instance keeps the taxonomy's names and aliases in memory and reads only this number per
-- question (ADR 0115). Every change of a skill or an alias, whoever makes it (the API, an import, a
-- merge, an operator's SQL), counts it up in the same transaction, so an instance that reads a
-- number it has not loaded reloads the taxonomy before it matches a question. SQLite's triggers
-- are per row only.
CREATE TABLE taxonomy_version (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    version   INTEGER NOT NULL
);
INSERT INTO taxonomy_version (singleton, version) VALUES (1, 0);

CREATE TRIGGER skills_inserted AFTER INSERT ON skills
BEGIN
    UPDATE taxonomy_version SET version = version + 1 WHERE singleton = 1;
END;

CREATE TRIGGER skills_updated AFTER UPDATE ON skills
BEGIN
    UPDATE taxonomy_version SET version = version + 1 WHERE singleton = 1;
END;

CREATE TRIGGER skills_deleted AFTER DELETE ON skills
BEGIN
    UPDATE taxonomy_version SET version = version + 1 WHERE singleton = 1;
END;

CREATE TRIGGER skill_aliases_inserted AFTER INSERT ON skill_aliases
BEGIN
    UPDATE taxonomy_version SET version = version + 1 WHERE singleton = 1;
END;

CREATE TRIGGER skill_aliases_updated AFTER UPDATE ON skill_aliases
BEGIN
    UPDATE taxonomy_version SET version = version + 1 WHERE singleton = 1;
END;

CREATE TRIGGER skill_aliases_deleted AFTER DELETE ON skill_aliases
BEGIN
    UPDATE taxonomy_version SET version = version + 1 WHERE singleton = 1;
END;
