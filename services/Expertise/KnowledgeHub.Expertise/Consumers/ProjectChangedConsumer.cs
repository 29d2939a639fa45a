using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>
/// Keeps a project's name, tags and departments (the newest version wins); its members' evidence
/// follows its tags, and coverage reads which skills a department's projects need.
/// </summary>
internal sealed class ProjectChangedConsumer(ExpertiseDatabase database, TimeProvider time, ProjectEvidence evidence)
    : InboxConsumer<ExpertiseDatabase, ProjectChanged>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, ProjectChanged message, CancellationToken cancellationToken)
    {
        EventChecks.RequireId(message.ProjectId, "project id", nameof(ProjectChanged));
        EventChecks.RequireText(message.Name, "name", nameof(ProjectChanged));
        EventChecks.RequireVersion(message.Version, nameof(ProjectChanged));
        var partners = (message.PartnerDepartments ?? []).Where(code => !string.IsNullOrWhiteSpace(code)).Select(code => code.Trim().ToUpperInvariant());
        var applied = await work.ExecuteAsync(
            """
            INSERT INTO projects (project_id, name, tags, sponsor_department, partner_departments, status, version, updated_at)
            VALUES (@ProjectId, @Name, @Tags, @Sponsor, @Partners, @Status, @Version, @UpdatedAt)
            ON CONFLICT (project_id) DO UPDATE SET
                name = excluded.name, tags = excluded.tags, sponsor_department = excluded.sponsor_department,
                partner_departments = excluded.partner_departments, status = excluded.status, version = excluded.version,
                updated_at = excluded.updated_at
            WHERE projects.version < excluded.version
            """,
            new
            {
                message.ProjectId,
                Name = message.Name.Trim(),
                Tags = EventChecks.Tags(message.Tags, nameof(ProjectChanged)),
                Sponsor = message.SponsorDepartment?.Trim().ToUpperInvariant(),
                Partners = $",{string.Join(',', partners)},",
                Status = message.Status?.Trim().ToLowerInvariant(),
                message.Version,
                message.UpdatedAt,
            });
        if (applied > 0)
        {
            await evidence.RebuildMembersAsync(work, message.ProjectId);
        }
    }
}
