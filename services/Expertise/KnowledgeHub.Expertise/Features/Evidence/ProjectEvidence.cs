using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Experts;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>
/// A project membership is evidence in the project's tags, dated by the later of the assignment and
/// the project's last change, so work on a project that is still moving stays fresh. Leaving the
/// project takes the evidence away, as the Alignment service no longer lists the membership either.
/// Tags the taxonomy does not know are candidates, not skills (see <see cref="TagSkills"/>).
/// </summary>
internal sealed class ProjectEvidence(TagSkills tagSkills, CorpusStatistics statistics)
{
    public async Task RebuildAsync(UnitOfWork work, Guid projectId, Guid personId)
    {
        await ObjectLocks.TakeAsync(work, projectId);
        var membership = await work.QueryOneAsync<MembershipRow>(
            """
            SELECT m.role AS Role, m.assigned_at AS AssignedAt, m.removed_at AS RemovedAt, p.name AS Name, p.tags AS Tags, p.updated_at AS UpdatedAt
            FROM project_members m JOIN projects p ON p.project_id = m.project_id
            WHERE m.project_id = @ProjectId AND m.person_id = @PersonId
            """,
            new { ProjectId = projectId, PersonId = personId });
        List<EvidencePiece> pieces = [];
        if (membership is { RemovedAt: null })
        {
            var role = string.IsNullOrWhiteSpace(membership.Role) ? "Member" : membership.Role;
            var at = membership.UpdatedAt > membership.AssignedAt ? membership.UpdatedAt.Value : membership.AssignedAt;
            pieces = (await tagSkills.ResolveAsync(work, TagList.Split(membership.Tags), personId, EvidenceStore.ProjectSource(projectId, personId)))
                .Select(skill => new EvidencePiece(skill.Id, EvidenceKinds.Project, $"{role} on project \"{membership.Name}\"", at))
                .ToList();
        }

        var source = EvidenceStore.ProjectSource(projectId, personId);
        await EvidenceStore.ReplaceAsync(work, source, personId, pieces);
        await (membership is { RemovedAt: null }
            ? EvidenceDocuments.ReplaceAsync(work, statistics, new EvidenceDocument(
                source,
                personId,
                EvidenceKinds.Project,
                $"{(string.IsNullOrWhiteSpace(membership.Role) ? "Member" : membership.Role)} on project \"{membership.Name}\"",
                membership.UpdatedAt > membership.AssignedAt ? membership.UpdatedAt.Value : membership.AssignedAt,
                membership.Name,
                TagList.Split(membership.Tags),
                null))
            : EvidenceDocuments.RemoveAsync(work, statistics, source));
    }

    public async Task RebuildMembersAsync(UnitOfWork work, Guid projectId)
    {
        await ObjectLocks.TakeAsync(work, projectId);
        var members = await work.QueryAsync<Guid>(
            "SELECT person_id FROM project_members WHERE project_id = @ProjectId",
            new { ProjectId = projectId });
        foreach (var member in members)
        {
            await RebuildAsync(work, projectId, member);
        }
    }

    private sealed class MembershipRow
    {
        public required string Role { get; init; }

        public DateTimeOffset AssignedAt { get; init; }

        public DateTimeOffset? RemovedAt { get; init; }

        public required string Name { get; init; }

        public required string Tags { get; init; }

        public DateTimeOffset? UpdatedAt { get; init; }
    }
}
