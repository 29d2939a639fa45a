using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Partnerships.Features.Record;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>
/// A project's sponsor, partners, status and the objectives it serves. Its members' help goes to its
/// sponsor, so a new sponsor moves that help.
/// </summary>
internal sealed class ProjectChangedConsumer(PartnershipsDatabase database, TimeProvider time)
    : LedgerConsumer<ProjectChanged>(database, time)
{
    protected override async Task ApplyInTurnAsync(UnitOfWork work, ProjectChanged message)
    {
        if (message.ProjectId == Guid.Empty || string.IsNullOrWhiteSpace(message.SponsorDepartment) || message.Version < 1)
        {
            throw new InvalidEventException("A ProjectChanged needs a project id, a sponsor and a version.");
        }

        var key = new { message.ProjectId };
        var version = await work.QueryOneAsync<long?>("SELECT version FROM projects WHERE id = @ProjectId", key);
        if (version > message.Version)
        {
            return;
        }

        // The same version comes again when only the objectives it serves changed (they carry no version of their own).
        if (message.ObjectiveIds is { } objectives)
        {
            await work.ExecuteAsync("DELETE FROM project_objectives WHERE project_id = @ProjectId", key);
            foreach (var objective in objectives.Distinct())
            {
                await work.ExecuteAsync(
                    "INSERT INTO project_objectives (project_id, objective_id) VALUES (@ProjectId, @ObjectiveId)",
                    new { message.ProjectId, ObjectiveId = objective });
            }
        }

        if (version == message.Version)
        {
            return;
        }

        await work.ExecuteAsync(
            """
            INSERT INTO projects (id, name, sponsor_department, status, version) VALUES (@ProjectId, @Name, @SponsorDepartment, @Status, @Version)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, sponsor_department = excluded.sponsor_department,
                status = excluded.status, version = excluded.version
            """,
            new { message.ProjectId, message.Name, message.SponsorDepartment, message.Status, message.Version });
        await work.ExecuteAsync("DELETE FROM project_departments WHERE project_id = @ProjectId", key);
        await work.ExecuteAsync(
            "INSERT INTO project_departments (project_id, department, role) VALUES (@ProjectId, @SponsorDepartment, 'sponsor')",
            new { message.ProjectId, message.SponsorDepartment });
        foreach (var partner in message.PartnerDepartments.Where(partner => partner != message.SponsorDepartment).Distinct())
        {
            await work.ExecuteAsync(
                "INSERT INTO project_departments (project_id, department, role) VALUES (@ProjectId, @Partner, 'partner')",
                new { message.ProjectId, Partner = partner });
        }

        await Ledger.RefreshAsync(work, "project_id = @ProjectId", key);
    }
}
