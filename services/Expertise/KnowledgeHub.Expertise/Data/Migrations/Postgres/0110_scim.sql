-- SCIM provisioning (ADR 0068): what the organisation's directory says of a person beyond the profile.
-- deactivated_at: set while the directory has them inactive (out of the directory and expert results,
-- no sign-in); scim_removed: the directory deleted them, so SCIM answers 404 while their row (and
-- the authorship of their contributions) stays.
ALTER TABLE people ADD COLUMN external_id text NULL;
ALTER TABLE people ADD COLUMN given_name text NULL;
ALTER TABLE people ADD COLUMN family_name text NULL;
ALTER TABLE people ADD COLUMN work_email text NULL;
ALTER TABLE people ADD COLUMN deactivated_at timestamptz NULL;
ALTER TABLE people ADD COLUMN scim_removed boolean NOT NULL DEFAULT false;
CREATE INDEX ix_people_external_id ON people (external_id);
