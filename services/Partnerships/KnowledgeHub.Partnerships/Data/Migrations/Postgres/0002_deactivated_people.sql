-- Whether the organisation's directory has the person active (ADR 0068): a deactivated person is named
-- in no list or map, while the help they gave stays in the record between departments.
ALTER TABLE people ADD COLUMN active boolean NOT NULL DEFAULT true;
