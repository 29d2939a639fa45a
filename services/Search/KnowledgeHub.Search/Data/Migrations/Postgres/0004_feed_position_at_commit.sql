-- ADR 0113: a writer inserts its feed row at a pending position (negative, unique); as the transaction
-- commits, a deferred trigger takes the next position from the counter row and gives it to the row.
-- The counter's lock, for which every Search writer queues, is then held only while the commit runs
-- in the server, never across a round trip to a writer waiting for a CPU. Positions stay gap-free and
-- commit in their order; a reader never sees a pending row, as it only reads committed ones.
CREATE SEQUENCE search_feed_pending;

CREATE FUNCTION search_feed_take_position() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    taken bigint;
BEGIN
    UPDATE search_feed_head SET position = position + 1 WHERE singleton = 1 RETURNING position INTO taken;
    UPDATE search_feed SET position = taken WHERE position = NEW.position;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER search_feed_position_at_commit
    AFTER INSERT ON search_feed
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.position < 0)
    EXECUTE FUNCTION search_feed_take_position();
