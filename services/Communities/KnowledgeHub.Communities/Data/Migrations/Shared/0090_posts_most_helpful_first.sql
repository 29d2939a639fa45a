-- A community's posts most helpful first (ListPosts, sort=top) read in the index's order instead of
-- sorting every post of the community for each page: a page costs the same at 10,000 posts as at a
-- million (docs/benchmarks.md, "Cost as work grows").
CREATE INDEX ix_posts_community_top ON posts (community_id, reaction_count DESC, created_at DESC, id DESC);
