using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;

namespace KnowledgeHub.Alignment.Features.Objectives;

internal static class ObjectiveEvents
{
    public static ObjectiveChanged Changed(ObjectiveResponse objective) => new(
        objective.Id,
        objective.Title,
        objective.Description,
        objective.Department,
        objective.Period,
        objective.Priority,
        objective.Version,
        objective.CreatedAt,
        objective.UpdatedAt,
        objective.Owners,
        objective.OwnerDepartments);

    /// <summary>Reads the objective as written in <paramref name="work"/> and announces its new state.</summary>
    public static async Task<ObjectiveResponse> PublishChangedAsync(
        UnitOfWork work, Outbox<AlignmentDatabase> outbox, Guid id)
    {
        var objective = (await ObjectiveReader.ReadOneAsync(work, id))!;
        await outbox.EnqueueAsync(work, Changed(objective));
        return objective;
    }
}
