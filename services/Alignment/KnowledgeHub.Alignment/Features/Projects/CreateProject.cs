using System.Security.Claims;
using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Projects;

internal static class CreateProject
{
    internal sealed record Request(
        string? Name,
        string? Description,
        string? SponsorDepartment,
        IReadOnlyList<string?>? PartnerDepartments,
        IReadOnlyList<string?>? Tags,
        BudgetRequest? Budget,
        DateOnly? StartDate,
        DateOnly? EndDate,
        string? Status);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/projects", HandleAsync)
            .WithName(nameof(CreateProject))
            .WithSummary("Register an IT project; the creator becomes its lead.");

    private static async Task<Results<Created<ProjectResponse>, ValidationProblem>> HandleAsync(
        Request request,
        ClaimsPrincipal user,
        AlignmentDatabase database,
        Outbox<AlignmentDatabase> outbox,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var sponsor = DepartmentCodes.Normalize(request.SponsorDepartment);
        var status = request.Status ?? "proposed";
        var validation = new Validation()
            .RequireText(request.Name, "name", 150)
            .OptionalText(request.Description, "description", 4000)
            .Require(sponsor is not null, "sponsorDepartment", $"'sponsorDepartment' is a department code ({DepartmentCodes.Rule}).")
            .CheckBudget(request.Budget)
            .Require(request.StartDate is not null, "startDate", "'startDate' is required (YYYY-MM-DD).")
            .Require(request.EndDate is not null, "endDate", "'endDate' is required (YYYY-MM-DD).")
            .Require(request.StartDate is null || request.EndDate is null || request.EndDate >= request.StartDate, "endDate", "'endDate' must not be before 'startDate'.")
            .RequireOneOf(status, "status", ProjectRules.Statuses);
        var partners = ProjectRules.NormalizePartners(request.PartnerDepartments, sponsor, validation);
        var tags = TagList.Normalize(request.Tags, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var id = Guid.CreateVersion7();
        var me = user.PersonId();
        var now = time.UtcNowForDatabase();
        await using var work = await database.BeginAsync(cancellationToken);
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO projects (id, name, description, sponsor_department, planned_budget, actual_budget, currency,
                                  start_date, end_date, status, lead_id, version, created_at, updated_at)
            VALUES (@Id, @Name, @Description, @Sponsor, @Planned, @Actual, @Currency,
                    @StartDate, @EndDate, @Status, @LeadId, 1, @Now, @Now);
            INSERT INTO project_members (project_id, person_id, role, assigned_at) VALUES (@Id, @LeadId, 'lead', @Now);
            """,
            new
            {
                Id = id,
                Name = request.Name!.Trim(),
                Description = request.Description?.Trim() ?? "",
                Sponsor = sponsor,
                Planned = decimal.Round(request.Budget!.Planned!.Value, 2),
                Actual = decimal.Round(request.Budget.Actual ?? 0, 2),
                Currency = ProjectRules.NormalizeCurrency(request.Budget.Currency),
                StartDate = request.StartDate!.Value,
                EndDate = request.EndDate!.Value,
                Status = status,
                LeadId = me,
                Now = now,
            },
            work.Transaction,
            cancellationToken: cancellationToken));
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO project_partners (project_id, department) VALUES (@Id, @Department)",
            partners.Select(department => new { Id = id, Department = department }),
            work.Transaction,
            cancellationToken: cancellationToken));
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO project_tags (project_id, tag) VALUES (@Id, @Tag)",
            tags.Select(tag => new { Id = id, Tag = tag }),
            work.Transaction,
            cancellationToken: cancellationToken));

        var project = (await ProjectReader.ReadOneAsync(work.Connection, database.Dialect, id, cancellationToken, work.Transaction))!;
        await outbox.EnqueueAsync(work, ProjectEvents.Changed(project), cancellationToken);
        await work.CommitAsync(cancellationToken);

        ETags.Set(response, project.Version);
        return TypedResults.Created($"/api/projects/{id}", project);
    }
}
