using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Search.Index;
using MassTransit;

namespace KnowledgeHub.Search.Consumers;

/// <summary>Communities, open or closed, are found by everyone: only a closed one's content is restricted.</summary>
internal sealed class CommunityChangedConsumer(SearchProjection projection) : IConsumer<CommunityChanged>
{
    public Task Consume(ConsumeContext<CommunityChanged> context)
    {
        var community = context.Message;
        EventChecks.RequireIdentity(community.CommunityId, community.Version, community.Name, nameof(CommunityChanged));
        EventChecks.Require(!string.IsNullOrWhiteSpace(community.Slug), nameof(CommunityChanged), "it has no slug");
        return projection.UpsertAsync(
            Owners.Communities,
            new SearchDocument(
                DocumentTypes.Community,
                community.CommunityId,
                community.Name,
                community.Description ?? "",
                EventChecks.Tags(community.Tags),
                Departments: [],
                RestrictedToCommunity: null,
                $"/communities/{community.Slug}",
                community.Version,
                community.CreatedAt,
                community.UpdatedAt),
            context.CancellationToken);
    }
}
