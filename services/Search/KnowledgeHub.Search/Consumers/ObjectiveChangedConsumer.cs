using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Consumers;

/// <summary>Business objectives are found by title and description; their period doubles as a tag.</summary>
internal sealed class ObjectiveChangedConsumer(SearchDatabase database, TimeProvider time, SearchFeed feed)
    : InboxConsumer<SearchDatabase, ObjectiveChanged>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, ObjectiveChanged objective, CancellationToken cancellationToken)
    {
        EventChecks.RequireIdentity(objective.ObjectiveId, objective.Version, objective.Title, nameof(ObjectiveChanged));
        return feed.UpsertAsync(
            work,
            Owners.Alignment,
            new SearchDocument(
                DocumentTypes.Objective,
                objective.ObjectiveId,
                objective.Title,
                objective.Description ?? "",
                EventChecks.Tags([objective.Period]),
                // A co-owned objective belongs to every department that owns it.
                EventChecks.Departments([objective.Department, .. objective.OwnerDepartments ?? []]),
                RestrictedToCommunity: null,
                $"/objectives/{objective.ObjectiveId}",
                objective.Version,
                objective.CreatedAt,
                objective.UpdatedAt),
            objective.ReplayOf);
    }
}
