using KnowledgeHub.Data;

namespace KnowledgeHub.Communities.Features.Reactions;

/// <summary>
/// Marking a post helpful, once per person: whoever can read a post can react to it. The count
/// orders <c>sort=top</c>; reacting changes neither the post's version nor its ETag.
/// </summary>
internal static class ReactionCounts
{
    public const string Helpful = "helpful";
    public static readonly string[] Kinds = [Helpful];

    /// <summary>Moves the post's reaction count by <paramref name="change"/> and returns it.</summary>
    public static Task<int> MoveAsync(UnitOfWork work, Guid postId, int change) =>
        work.ScalarAsync<int>(
            "UPDATE posts SET reaction_count = reaction_count + @Change WHERE id = @PostId RETURNING reaction_count",
            new { PostId = postId, Change = change });
}
