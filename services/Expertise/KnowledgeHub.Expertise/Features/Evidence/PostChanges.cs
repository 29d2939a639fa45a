using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Experts;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>The full current state of a post, as Expertise stores it.</summary>
internal sealed record PostState(
    Guid PostId, Guid CommunityId, string Visibility, string Type, string Title, string Tags, Guid AuthorId, long Version, DateTimeOffset CreatedAt, string Body);

/// <summary>
/// Applies a post's state when it is newer than the stored one (and the post was not removed),
/// then rebuilds the evidence of the post and of its answers, and suggests experts for a question.
/// </summary>
internal sealed class PostChanges(CommunityEvidence evidence, ExpertSuggestions suggestions, TimeProvider time)
{
    public async Task ApplyAsync(UnitOfWork work, PostState post)
    {
        var applied = await work.ExecuteAsync(
            """
            INSERT INTO community_posts (post_id, community_id, author_id, type, title, tags, visibility, version, created_at, body)
            VALUES (@PostId, @CommunityId, @AuthorId, @Type, @Title, @Tags, @Visibility, @Version, @CreatedAt, @Body)
            ON CONFLICT (post_id) DO UPDATE SET
                community_id = excluded.community_id, author_id = excluded.author_id, type = excluded.type, title = excluded.title,
                tags = excluded.tags, visibility = excluded.visibility, version = excluded.version, created_at = excluded.created_at, body = excluded.body
            WHERE community_posts.version < excluded.version AND NOT community_posts.removed
            """,
            post);
        if (applied == 0)
        {
            return;
        }

        await evidence.RebuildPostAsync(work, post.PostId);
        await evidence.RebuildAnswersOfPostAsync(work, post.PostId);
        // A question from an imported history (ADR 0044) was answered long ago: nobody is asked about it now.
        if (post.Type == "question" && time.GetUtcNow() - post.CreatedAt < ExpertSuggestions.LoadWindow)
        {
            await suggestions.SuggestAsync(work, new Question(post.PostId, post.CommunityId, post.AuthorId, post.Title, post.Tags, post.Body));
        }
    }
}
