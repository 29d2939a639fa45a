-- Search reindexes this service has already replayed its state for (ReindexReplay.ClaimAsync), so a
-- request that arrives again replays nothing. Created here for every module; the modules that took part
-- in the protocol before this script created it themselves.
CREATE TABLE IF NOT EXISTS reindex_replays (
    reindex_id  TEXT PRIMARY KEY,
    replayed_at TEXT NOT NULL
);
