-- The people Alignment knows exist (PersonSeen, PersonProfileChanged, or their own requests): a project
-- may name only them as members (issue 24). Everyone already on a project is known.
CREATE TABLE people (
    person_id uuid PRIMARY KEY,
    known_at  timestamptz NOT NULL
);
INSERT INTO people (person_id, known_at)
SELECT person_id, min(assigned_at) FROM project_members GROUP BY person_id;

-- A membership someone else made waits for its person's consent before it is announced as evidence.
-- Memberships made before this rule were announced already: they count as confirmed.
ALTER TABLE project_members ADD COLUMN confirmed_at timestamptz NULL;
UPDATE project_members SET confirmed_at = assigned_at;
