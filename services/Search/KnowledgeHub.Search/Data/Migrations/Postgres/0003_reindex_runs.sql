-- A rebuild's progress lives here, not in one instance's memory (ADR 0080): every Search instance
-- consumes part of the replays, answers the status, and may finish or fail the rebuild.
CREATE TABLE reindex_runs (
    reindex_id       uuid NOT NULL PRIMARY KEY,
    state            text NOT NULL,
    -- The services the rebuild waits for, comma-separated, as the starting instance was configured.
    services         text NOT NULL,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz NULL,
    reason           text NULL,
    -- The feed's head once the sweep of unseen documents committed: an index caught up past it holds
    -- every replayed document and every removal, so it may go live.
    promote_after    bigint NULL,
    -- When one instance swapped a shared (Elasticsearch) index's alias to the new generation.
    swapped_at       timestamptz NULL
);
-- At most one rebuild runs, whichever instance is asked to start one.
CREATE UNIQUE INDEX ux_reindex_runs_running ON reindex_runs (state) WHERE state = 'running';
CREATE INDEX ix_reindex_runs_started ON reindex_runs (started_at);

CREATE TABLE reindex_announcements (
    reindex_id   uuid NOT NULL,
    service      text NOT NULL,
    total        integer NOT NULL,
    announced_at timestamptz NOT NULL,
    PRIMARY KEY (reindex_id, service)
);

-- One row per distinct document a service replayed for a rebuild (ADR 0046), written in the
-- consumer's inbox transaction with the stored document.
CREATE TABLE reindex_receipts (
    reindex_id  uuid NOT NULL,
    service     text NOT NULL,
    doc_key     text NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (reindex_id, doc_key, service)
);
