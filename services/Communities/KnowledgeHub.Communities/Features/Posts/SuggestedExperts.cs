using System.Text.Json;
using KnowledgeHub.Data;

namespace KnowledgeHub.Communities.Features.Posts;

/// <summary>Someone the Expertise service suggests could answer a question, with why.</summary>
internal sealed record SuggestedExpert(Guid PersonId, string DisplayName, string Department, double Score, IReadOnlyList<string> Reasons);

/// <summary>The latest ExpertsSuggested for each question, stored as the JSON list it carried.</summary>
internal static class SuggestedExperts
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<SuggestedExpert>> ReadAsync(
        DbSession session, Guid postId)
    {
        var json = await session.ScalarAsync<string?>(
            "SELECT experts FROM expert_suggestions WHERE post_id = @PostId", new { PostId = postId });
        return json is null ? [] : JsonSerializer.Deserialize<List<SuggestedExpert>>(json, Json) ?? [];
    }
}
