-- Status reports are logged once as they are added and no longer kept in a project's change snapshot
-- (ADR 0078): take the ones logged so far out, so the next change of the project does not log them as removed.
UPDATE change_snapshots
SET state = (SELECT json_group_object(entry.key, entry.value) FROM json_each(change_snapshots.state) AS entry WHERE entry.key NOT LIKE 'statusReport:%')
WHERE subject_type = 'project' AND state LIKE '%"statusReport:%';
