using System.Data.Common;
using KnowledgeHub.Communities.Features.Answers;
using KnowledgeHub.Data;

namespace KnowledgeHub.Communities.Features.Posts;

/// <summary>One post as it is read on its own: a question with its answers and suggested experts.</summary>
internal static class PostDetails
{
    public static async Task<PostResponse?> ReadAsync(
        DbConnection connection, SqlDialect dialect, Guid postId, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        var found = await PostReader.ReadAsync(connection, dialect, "WHERE p.id = @PostId", new { PostId = postId }, cancellationToken, transaction);
        if (found is not [var post])
        {
            return null;
        }

        return !post.IsQuestion ? post : post with
        {
            Answers = await AnswerReader.ReadForQuestionAsync(connection, postId, post.AcceptedAnswerId, cancellationToken, transaction),
            SuggestedExperts = await SuggestedExperts.ReadAsync(connection, postId, cancellationToken, transaction),
        };
    }
}
