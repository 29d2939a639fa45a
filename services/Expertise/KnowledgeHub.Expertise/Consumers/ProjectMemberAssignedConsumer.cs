using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>
/// A project member has evidence in the project's tags. The newest assignment wins; one older than
/// a removal of the same person changes nothing.
/// </summary>
internal sealed class ProjectMemberAssignedConsumer(ExpertiseDatabase database, TimeProvider time, ProjectEvidence evidence)
    : InboxConsumer<ExpertiseDatabase, ProjectMemberAssigned>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, ProjectMemberAssigned message, CancellationToken cancellationToken)
    {
        EventChecks.RequireId(message.ProjectId, "project id", nameof(ProjectMemberAssigned));
        EventChecks.RequireId(message.PersonId, "person id", nameof(ProjectMemberAssigned));
        EventChecks.RequireText(message.ProjectName, "project name", nameof(ProjectMemberAssigned));

        // Until a ProjectChanged (version 1 and up) arrives, the project is known from its members' events.
        await work.ExecuteAsync(
            """
            INSERT INTO projects (project_id, name, tags, partner_departments, version) VALUES (@ProjectId, @Name, @Tags, ',', 0)
            ON CONFLICT (project_id) DO UPDATE SET name = excluded.name, tags = excluded.tags WHERE projects.version = 0;

            INSERT INTO project_members (project_id, person_id, role, assigned_at, removed_at) VALUES (@ProjectId, @PersonId, @Role, @AssignedAt, NULL)
            ON CONFLICT (project_id, person_id) DO UPDATE SET role = excluded.role, assigned_at = excluded.assigned_at, removed_at = NULL
            WHERE project_members.assigned_at <= excluded.assigned_at
              AND (project_members.removed_at IS NULL OR project_members.removed_at < excluded.assigned_at);
            """,
            new
            {
                message.ProjectId,
                Name = message.ProjectName.Trim(),
                Tags = EventChecks.Tags(message.ProjectTags, nameof(ProjectMemberAssigned)),
                message.PersonId,
                Role = message.Role?.Trim() ?? "",
                message.AssignedAt,
            });
        await evidence.RebuildAsync(work, message.ProjectId, message.PersonId);
    }
}
