using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Consumers;

/// <summary>Communities, open or closed, are found by everyone: only a closed one's content is restricted.</summary>
internal sealed class CommunityChangedConsumer(SearchDatabase database, TimeProvider time, SearchFeed feed)
    : InboxConsumer<SearchDatabase, CommunityChanged>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, CommunityChanged community, CancellationToken cancellationToken)
    {
        EventChecks.RequireIdentity(community.CommunityId, community.Version, community.Name, nameof(CommunityChanged));
        EventChecks.Require(!string.IsNullOrWhiteSpace(community.Slug), nameof(CommunityChanged), "it has no slug");
        return feed.UpsertAsync(
            work,
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
            community.ReplayOf);
    }
}
