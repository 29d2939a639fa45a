using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Partnerships.Features.Record;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>Working on a project is help to its sponsor, dated from the first assignment (a role change keeps the date).</summary>
internal sealed class ProjectMemberAssignedConsumer(PartnershipsDatabase database, TimeProvider time)
    : LedgerConsumer<ProjectMemberAssigned>(database, time)
{
    protected override Task TakeTurnAsync(UnitOfWork work, ProjectMemberAssigned message) => LedgerTurn.TakeForPieceAsync(work, $"project:{message.ProjectId}:{message.PersonId}");

    protected override async Task ApplyInTurnAsync(UnitOfWork work, ProjectMemberAssigned message)
    {
        if (message.ProjectId == Guid.Empty || message.PersonId == Guid.Empty)
        {
            throw new InvalidEventException("A ProjectMemberAssigned needs a project and a person.");
        }

        var key = new { message.ProjectId, message.PersonId };
        var since = await work.QueryOneAsync<DateTimeOffset?>(
            "SELECT assigned_at FROM project_members WHERE project_id = @ProjectId AND person_id = @PersonId", key);
        if (since is not null)
        {
            return;
        }

        await work.ExecuteAsync(
            "INSERT INTO project_members (project_id, person_id, assigned_at) VALUES (@ProjectId, @PersonId, @AssignedAt)",
            new { message.ProjectId, message.PersonId, message.AssignedAt });
        await Ledger.RecordAsync(work, new Interaction(
            $"{HelpKinds.Project}:{message.ProjectId}:{message.PersonId}",
            HelpKinds.Project,
            HelpKinds.ProjectSource(message.ProjectId, message.PersonId),
            message.PersonId,
            null,
            message.ProjectName,
            message.AssignedAt,
            HelpKinds.ProjectWeight,
            ProjectId: message.ProjectId));
    }
}
