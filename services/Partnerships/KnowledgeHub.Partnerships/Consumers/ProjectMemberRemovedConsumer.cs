using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Partnerships.Features.Record;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>Someone left a project: their membership no longer counts, as it no longer counts as evidence.</summary>
internal sealed class ProjectMemberRemovedConsumer(PartnershipsDatabase database, TimeProvider time)
    : LedgerConsumer<ProjectMemberRemoved>(database, time)
{
    protected override Task TakeTurnAsync(UnitOfWork work, ProjectMemberRemoved message) => LedgerTurn.TakeForPieceAsync(work, $"project:{message.ProjectId}:{message.PersonId}");

    protected override async Task ApplyInTurnAsync(UnitOfWork work, ProjectMemberRemoved message)
    {
        if (message.ProjectId == Guid.Empty || message.PersonId == Guid.Empty)
        {
            throw new InvalidEventException("A ProjectMemberRemoved needs a project and a person.");
        }

        var key = new { message.ProjectId, message.PersonId };
        await work.ExecuteAsync("DELETE FROM project_members WHERE project_id = @ProjectId AND person_id = @PersonId", key);
        await Ledger.RemoveAsync(work, "id = @Id", new { Id = $"{HelpKinds.Project}:{message.ProjectId}:{message.PersonId}" });
    }
}
