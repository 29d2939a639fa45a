using KnowledgeHub.Communities.Features.Answers;
using KnowledgeHub.Data;

namespace KnowledgeHub.Communities.Features.Posts;

/// <summary>One post as it is read on its own: a question with its answers and suggested experts.</summary>
internal static class PostDetails
{
    public static async Task<PostResponse?> ReadAsync(
        DbSession session, Guid postId)
    {
        var found = await PostReader.ReadAsync(session, "WHERE p.id = @PostId", new { PostId = postId });
        if (found is not [var post])
        {
            return null;
        }

        return !post.IsQuestion ? post : post with
        {
            Answers = await AnswerReader.ReadForQuestionAsync(session, postId, post.AcceptedAnswerId),
            SuggestedExperts = await SuggestedExperts.ReadAsync(session, postId),
        };
    }
}
