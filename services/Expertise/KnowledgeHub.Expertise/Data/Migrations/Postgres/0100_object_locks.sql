-- Writers of evidence derived from another service's object (a question and its answers, a project
-- and its members) take that object's row lock here after storing what their event says and before
-- reading the state evidence is derived from (ADR 0066). Two events about one object consumed at
-- the same moment (an edit of a question and an acceptance of its answer) otherwise each rebuilt
-- from a state without the other's change, and the later commit left stale evidence.
CREATE TABLE object_locks (
    object_id uuid PRIMARY KEY
);
