using KnowledgeHub.Contracts.Communities;

namespace KnowledgeHub.Communities.Features.Communities;

internal static class CommunityEvents
{
    public static CommunityChanged Changed(CommunityResponse community) => new(
        community.Id,
        community.Slug,
        community.Name,
        community.Description,
        community.Tags,
        community.Visibility,
        community.Version,
        community.CreatedAt,
        community.UpdatedAt);
}
