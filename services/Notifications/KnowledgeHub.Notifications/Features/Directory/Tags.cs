using KnowledgeHub.Data;

namespace KnowledgeHub.Notifications.Features.Directory;

/// <summary>The tags in use anywhere in the hub: the tags one may follow.</summary>
internal static class Tags
{
    public static string Normalize(string tag) => tag.Trim().ToLowerInvariant();

    public static Task RememberAsync(UnitOfWork work, IEnumerable<string> tags) =>
        work.ExecuteAsync(
            "INSERT INTO tags (name) VALUES (@Name) ON CONFLICT (name) DO NOTHING",
            tags.Select(Normalize).Where(tag => tag.Length > 0).Distinct().Select(tag => new { Name = tag }));
}
