-- A lead may decline a request to join ('rejected') or remove a member ('removed'); both keep the
-- row, like 'left', so versions keep growing and the decision shows in the members list.
ALTER TABLE memberships DROP CONSTRAINT memberships_status_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_status_check CHECK (status IN ('active', 'pending', 'left', 'rejected', 'removed'));
