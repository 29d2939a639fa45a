using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>Leaving a project takes its evidence away; the removal is remembered so that an older assignment arriving late is ignored.</summary>
internal sealed class ProjectMemberRemovedConsumer(ExpertiseDatabase database, TimeProvider time, ProjectEvidence evidence)
    : InboxConsumer<ExpertiseDatabase, ProjectMemberRemoved>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, ProjectMemberRemoved message, CancellationToken cancellationToken)
    {
        EventChecks.RequireId(message.ProjectId, "project id", nameof(ProjectMemberRemoved));
        EventChecks.RequireId(message.PersonId, "person id", nameof(ProjectMemberRemoved));
        await work.ExecuteAsync(
            """
            INSERT INTO project_members (project_id, person_id, role, assigned_at, removed_at) VALUES (@ProjectId, @PersonId, '', @RemovedAt, @RemovedAt)
            ON CONFLICT (project_id, person_id) DO UPDATE SET removed_at = excluded.removed_at
            WHERE project_members.assigned_at <= excluded.removed_at
              AND (project_members.removed_at IS NULL OR project_members.removed_at < excluded.removed_at)
            """,
            new { message.ProjectId, message.PersonId, message.RemovedAt });
        await evidence.RebuildAsync(work, message.ProjectId, message.PersonId);
    }
}
