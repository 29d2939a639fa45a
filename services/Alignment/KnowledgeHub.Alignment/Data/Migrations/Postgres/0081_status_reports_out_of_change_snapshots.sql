-- Status reports are logged once as they are added and no longer kept in a project's change snapshot
-- (ADR 0078): take the ones logged so far out, so the next change of the project does not log them as removed.
UPDATE change_snapshots
SET state = COALESCE(
    (SELECT jsonb_object_agg(entry.key, entry.value) FROM jsonb_each(change_snapshots.state::jsonb) AS entry WHERE entry.key NOT LIKE 'statusReport:%'),
    '{}'::jsonb)::text
WHERE subject_type = 'project' AND state LIKE '%"statusReport:%';
