-- "My questions still waiting" lists a person's posts across communities, newest first.
CREATE INDEX ix_posts_author ON posts (author_id, created_at, id);
