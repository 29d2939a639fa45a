using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Search.Index;
using MassTransit;

namespace KnowledgeHub.Search.Consumers;

/// <summary>Business objectives are found by title and description; their period doubles as a tag.</summary>
internal sealed class ObjectiveChangedConsumer(SearchProjection projection) : IConsumer<ObjectiveChanged>
{
    public Task Consume(ConsumeContext<ObjectiveChanged> context)
    {
        var objective = context.Message;
        EventChecks.RequireIdentity(objective.ObjectiveId, objective.Version, objective.Title, nameof(ObjectiveChanged));
        return projection.UpsertAsync(
            Owners.Alignment,
            new SearchDocument(
                DocumentTypes.Objective,
                objective.ObjectiveId,
                objective.Title,
                objective.Description ?? "",
                EventChecks.Tags([objective.Period]),
                EventChecks.Departments(objective.Department),
                RestrictedToCommunity: null,
                $"/objectives/{objective.ObjectiveId}",
                objective.Version,
                objective.CreatedAt,
                objective.UpdatedAt),
            context.CancellationToken);
    }
}
