using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Privacy;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>
/// Counts each service's answer to an erasure; the last one completes it, and the completion is
/// audited in the name of whoever asked for the erasure (ADR 0072).
/// </summary>
internal sealed class PersonDataErasedConsumer(ExpertiseDatabase database, TimeProvider time, AuditTrail<ExpertiseDatabase> audit)
    : InboxConsumer<ExpertiseDatabase, PersonDataErased>(database, time)
{
    public const string CompletedAction = "person.erased";

    private readonly TimeProvider _time = time;

    protected override async Task ApplyAsync(UnitOfWork work, PersonDataErased message, CancellationToken cancellationToken)
    {
        EventChecks.RequireId(message.ErasureId, "erasure id", nameof(PersonDataErased));
        if (!ErasingServices.All.Contains(message.Service))
        {
            throw new Messaging.InvalidEventException($"A PersonDataErased names '{message.Service}', which is not a service that erases people.");
        }

        // The erasure's row is locked so that answers counted at once cannot each miss the other's
        // row and leave the erasure running for ever (SQLite already writes one at a time).
        var requestedBy = await work.ScalarAsync<Guid?>(
            $"SELECT requested_by FROM erasures WHERE id = @ErasureId AND completed_at IS NULL {work.Dialect.ForUpdate}", new { message.ErasureId });
        if (requestedBy is null)
        {
            return;
        }

        await work.ExecuteAsync(
            "INSERT INTO erasure_services (erasure_id, service, erased_at) VALUES (@ErasureId, @Service, @ErasedAt) ON CONFLICT DO NOTHING",
            new { message.ErasureId, message.Service, message.ErasedAt });
        var answered = await work.ScalarAsync<long>("SELECT count(*) FROM erasure_services WHERE erasure_id = @ErasureId", new { message.ErasureId });
        if (answered < ErasingServices.All.Count)
        {
            return;
        }

        await work.ExecuteAsync("UPDATE erasures SET completed_at = @Now WHERE id = @ErasureId", new { Now = _time.UtcNowForDatabase(), message.ErasureId });
        await audit.RecordAsync(work, requestedBy.Value.ToString(), CompletedAction, AuditTrail<ExpertiseDatabase>.Person(message.PersonId), ("erasure", message.ErasureId));
    }
}
